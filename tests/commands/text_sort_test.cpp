#include "text_diff.h"

namespace burrow::textdiff {
namespace {

const std::string kMixed = "banana\nApple\ncherry\napple\n10\n9\n-3\n  7\nBanana\n\n_x\n.dot\nzeta\n";
const std::string kNums = "10\n9\n100\n-5\n3.5\n-3.50\n0\n-0\n+4\n1e3\n0x10\n 7\nabc\n\n.5\n5.\n007\n1,000\n";
const std::string kHuman = "1K\n2M\n512\n1G\n1.5K\n-1K\n-2M\n0K\n1k\n3T\n1Y\n1Q\n";
const std::string kMonths = "feb\nJAN\n  mar\nDec\nfoo\nAUGUST\nsep\n";
const std::string kVersions = "a1.10\na1.2\na1.9\nfile-1.0.tar.gz\nfile-1.0~rc1.tar.gz\nfile-1.0a.tar.gz\n.\n..\n.hidden\n2.0\n10.0\n1.0.0\nv1.0-beta\nv1.0\n";
const std::string kTable = "b 2 x\na 10 y\nc 2 a\na 1 z\nb 1 y\n  d 3 q\nc\tt 5\n";
const std::string kCsv = "bob,25,paris\nalice,30,london\ncarol,,rome\ndave,25,berlin\neve,3,oslo\n";

TEST(TextDiff, Sort) {
  std::vector<Case> cases = {
      {"sort", kMixed},
      {"sort -r", kMixed},
      {"sort -f", kMixed},
      {"sort -fr", kMixed},
      {"sort -u", "b\na\nb\na\nc\n"},
      {"sort -uf", "b\nB\na\nA\nc\n"},
      {"sort -d", "a-b\nab\n_a\na c\n"},
      {"sort -i", "a\x01" "b\nab\naa\n"},
      {"sort -b", "  b\na\n\tc\n"},
      {"sort -n", kNums},
      {"sort -nr", kNums},
      {"sort -nu", kNums},
      {"sort -ns", kNums},
      {"sort -g", kNums},
      {"sort -g", "nan\ninf\n-inf\n1\nNaN\nx\n0x1p3\n1e-5\n"},
      {"sort -gr", kNums},
      {"sort -h", kHuman},
      {"sort -hr", kHuman},
      {"sort -M", kMonths},
      {"sort -Mr", kMonths},
      {"sort -V", kVersions},
      {"sort -Vr", kVersions},
      {"sort -k2", kTable},
      {"sort -k2n", kTable},
      {"sort -k2,2n", kTable},
      {"sort -k2,2n -k1,1", kTable},
      {"sort -k2,2n -k1,1r", kTable},
      {"sort -k2,2nr -k3", kTable},
      {"sort -k1.2", kTable},
      {"sort -k1.2,1.2", kTable},
      {"sort -k2b,2", kTable},
      {"sort -b -k2,2", kTable},
      {"sort -k3,3 -s", kTable},
      {"sort -s -k1,1", kTable},
      {"sort -t , -k2,2n", kCsv},
      {"sort -t, -k2n -k1", kCsv},
      {"sort -t , -k3", kCsv},
      {"sort -t , -k2,2 -u", kCsv},
      {"sort -t , -k 2.1,2.1", kCsv},
      {"sort -t , -k1.2,1.3r", kCsv},
      {"sort -t: -k2", "a:b:c\nx:a\nq\n"},
      {"sort -k 2,1", kTable},
      {"sort -k3.2,3.1", kTable},
      {"sort -k9", kTable},
      {"sort -n -k2", kTable},
      {"sort -rn -k2,2 -t ' '", kTable},
      {"sort -c", "a\nb\nc\n"},
      {"sort -c", "a\nc\nb\n"},
      {"sort -C", "a\nc\nb\n"},
      {"sort -cu", "a\na\n"},
      {"sort -c -n", "1\n10\n9\n"},
      {"sort --check=quiet", "b\na\n"},
      {"sort --check=bogus", "b\na\n"},
      {"sort -m", "a\nc\n"},
      {"sort -z", std::string("b\0a\0c\0", 6)},
      {"sort -zr", std::string("b\0a\nx\0c", 7)},
      {"sort", "no trailing\nnewline"},
      {"sort", ""},
      {"sort", "\xff\n\x80\na\n\xc3\xa9\nz\n"},
      {"sort", "B\na\nb\nA\n"},
      {"sort -k 0", "x\n"},
      {"sort -k 1.0", "x\n"},
      {"sort -k x", "x\n"},
      {"sort -k 1,0", "x\n"},
      {"sort -k 1,x", "x\n"},
      {"sort -k1.2.3", "x\n"},
      {"sort -k 1b,2x", "x\n"},
      {"sort -gn", "x\n"},
      {"sort -k1gn", "x\n"},
      {"sort -k1nd", "x\n"},
      {"sort -MR", "x\n"},
      {"sort -t ab", "x\n"},
      {"sort -t ''", "x\n"},
      {"sort -S x", "x\n"},
      {"sort -S 10M", "b\na\n"},
      {"sort --parallel=0", "x\n"},
      {"sort --parallel=4", "b\na\n"},
      {"sort -t '\\0' -k2", std::string("a\0z\nb\0y\n", 8)},
      {"sort --sort=numeric", "10\n9\n"},
      {"sort --sort=bogus", "10\n9\n"},
      {"sort --sort=h", "1K\n9\n"},
      {"sort -R -k1,1 --random-source=f1", "a\na\na\n"},
      {"sort --bogus", ""},
      {"sort -X", ""},
      {"sort -k", ""},
      {"sort -rk1,1 -k2n", kTable},
      {"sort -k1,1 -k2,2 -r", kTable},
      {"sort f2 f1", ""},
      {"sort -r f2 - f1", "stdin\n"},
      {"sort missing", ""},
      {"sort dir", ""},
      {"sort -c f1 f2", ""},
      {"sort -n nums", ""},
      {"sort -g nums", ""},
      {"sort -h nums", ""},
      {"sort -t, -k2n csv", ""},
      {"sort -m sorted1 sorted2", ""},
      {"sort -mu sorted1 sorted2", ""},
      {"sort utf8", ""},
      {"sort -o out_sorted f2", ""},
      {"sort -o /nonexistent/x f2", ""},
      {"sort nonl f2", ""},
      {"sort -k2 words", ""},
      {"sort -u -k1,1 words", ""},
      {"sort --files0-from=missing", ""},
  };
  std::string big;
  uint32_t x = 12345;
  for (int i = 0; i < 30000; ++i) {
    x = x * 1103515245 + 12345;
    big += std::to_string(x % 1000) + " w" + std::to_string((x >> 8) % 97) + " " + std::to_string(x % 13) + "\n";
  }
  cases.push_back({"sort", big});
  cases.push_back({"sort -n", big});
  cases.push_back({"sort -k2,2 -k1,1n", big});
  cases.push_back({"sort -u -k3,3n", big});
  cases.push_back({"sort -t ' ' -k2.2n -s", big});
  run_table(cases);
}

}  // namespace
}  // namespace burrow::textdiff
