#include "text_diff.h"

namespace burrow::textdiff {
namespace {

TEST(TextDiff, Diff) {
  std::vector<Case> cases = {
      {"diff code1 code2", ""},
      {"diff code2 code1", ""},
      {"diff -u --label a --label b code1 code2", ""},
      {"diff -U1 --label a --label b code1 code2", ""},
      {"diff -U0 --label a --label b code1 code2", ""},
      {"diff -U 10 --label a --label b code1 code2", ""},
      {"diff -c --label a --label b code1 code2", ""},
      {"diff -C1 --label a --label b code1 code2", ""},
      {"diff -C 0 --label a --label b code1 code2", ""},
      {"diff -q code1 code2", ""},
      {"diff --brief code1 code1", ""},
      {"diff -s code1 code1", ""},
      {"diff code1 code1", ""},
      {"diff rep1 rep2", ""},
      {"diff rep2 rep1", ""},
      {"diff -u --label a --label b rep1 rep2", ""},
      {"diff -c --label a --label b rep2 rep1", ""},
      {"diff --minimal rep1 rep2", ""},
      {"diff ws1 ws2", ""},
      {"diff -b ws1 ws2", ""},
      {"diff -w ws1 ws2", ""},
      {"diff -B ws1 ws2", ""},
      {"diff -wB ws1 ws2", ""},
      {"diff -i ws1 ws2", ""},
      {"diff -iw ws1 ws2", ""},
      {"diff -Z ws1 ws2", ""},
      {"diff f1 f2", ""},
      {"diff f2 f1", ""},
      {"diff empty f2", ""},
      {"diff f2 empty", ""},
      {"diff -u --label a --label b empty f2", ""},
      {"diff -u --label a --label b f2 empty", ""},
      {"diff -c --label a --label b empty f2", ""},
      {"diff nonl f2", ""},
      {"diff -u --label a --label b nonl f2", ""},
      {"diff - nonl", "no newline at end\n"},
      {"diff - nonl", "no newline at end"},
      {"diff -u --label a --label b - nonl", "no newline at end\n"},
      {"diff -c --label a --label b - nonl", "no newline at end\n"},
      {"diff bin1 f2", ""},
      {"diff bin1 bin1", ""},
      {"diff -a bin1 f2", ""},
      {"diff f1 missing", ""},
      {"diff missing f1", ""},
      {"diff -N --label a --label b -u f1 missing", ""},
      {"diff -N f1 missing", ""},
      {"diff f1", ""},
      {"diff", ""},
      {"diff a b c", ""},
      {"diff --bogus f1 f2", ""},
      {"diff -y f1 f2", ""},
      {"diff -y code1 code2", ""},
      {"diff -y -W 60 code1 code2", ""},
      {"diff -y --suppress-common-lines code1 code2", ""},
      {"diff -y --left-column code1 code2", ""},
      {"diff -y - nonl", "no newline at end\n"},
      {"diff -y -W 40 ws1 ws2", ""},
      {"diff -t -y -W 50 tsv csv", ""},
      {"diff - f2", "alpha\ngamma\n"},
      {"diff - f2", "alpha\nbeta\ngamma\ndelta\n"},
      {"diff - f2", "x\nalpha\nbeta\ngamma\n"},
      {"diff - f2", "beta\n"},
      {"diff -u --label a --label b - f1", "one\ntwo\n3\nfour\nfive\nsix\nseven\neight\nNINE\nten\neleven\ntwelve\n"},
      {"diff -U2 --label a --label b - f1", "one\ntwo\nthree\n4\nfive\nsix\nseven\neight\nnine\n10\neleven\ntwelve\n"},
      {"diff -U2 --label a --label b - f1", "one\ntwo\nthree\n4\nfive\nsix\nseven\neight\n9\nten\neleven\ntwelve\n"},
      {"diff -c --label a --label b - f1", "zero\none\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\n"},
      {"diff --strip-trailing-cr - f2", "alpha\r\nbeta\r\ngamma\r\n"},
      {"diff - f2", "alpha\r\nbeta\r\ngamma\r\n"},
      {"diff -T - f2", "alpha\nBETA\ngamma\n"},
  };
  // Larger inputs with scattered edits.
  std::string big1, big2;
  uint32_t x = 99;
  for (int i = 0; i < 3000; ++i) {
    x = x * 1103515245 + 12345;
    std::string line = "line " + std::to_string(i % 50) + "\n";
    big1 += line;
    int r = (x >> 16) % 40;
    if (r == 0) continue;
    if (r == 1) big2 += "inserted " + std::to_string(i) + "\n";
    if (r == 2) line = "changed " + std::to_string(i) + "\n";
    big2 += line;
  }
  std::ofstream(scratch_dir() + "/big1", std::ios::binary) << big1;
  cases.push_back({"diff big1 -", big2});
  cases.push_back({"diff -u --label a --label b big1 -", big2});
  cases.push_back({"diff -c --label a --label b big1 -", big2});
  vfs::write_file(*test_fs(), "/w/big1", big1);
  run_table(cases);
}

}  // namespace
}  // namespace burrow::textdiff

namespace burrow::textdiff {
namespace {

TEST(TextDiff, Cmp) {
  std::vector<Case> cases = {
      {"cmp f1 f1", ""},
      {"cmp f1 f2", ""},
      {"cmp -s f1 f2", ""},
      {"cmp -s f1 f1", ""},
      {"cmp -l code1 code2", ""},
      {"cmp -lb code1 code2", ""},
      {"cmp -b code1 code2", ""},
      {"cmp -n 3 f1 f2", ""},
      {"cmp -n 0 f1 f2", ""},
      {"cmp - f2", "alpha\nbeta\n"},
      {"cmp f2 -", "alpha\nbeta\n"},
      {"cmp - f2", "alpha\nbeta\ngamma\nmore\n"},
      {"cmp -l - f2", "alpha\nbeta\n"},
      {"cmp - f2", "alphb"},
      {"cmp - f2", "alph"},
      {"cmp empty f2", ""},
      {"cmp f2 empty", ""},
      {"cmp -i 2 f2 -", "xxpha\nbeta\ngamma\n"},
      {"cmp -i 1:2 - f2", "lpha\nbeta\ngamma\n"},
      {"cmp - f2 1 2", "xlpha\nbeta\ngamma\n"},
      {"cmp -b - f2", "\x01lpha\n"},
      {"cmp -b - f2", "\xe1lpha\n"},
      {"cmp f1 missing", ""},
      {"cmp missing f1", ""},
      {"cmp", ""},
      {"cmp f1 f2 1 2 3", ""},
      {"cmp --bytes=x f1 f2", ""},
      {"cmp -i x f1 f2", ""},
      {"cmp -l -s f1 f2", ""},
      {"cmp --bogus f1 f2", ""},
      {"cmp bin1 f2", ""},
      {"cmp f1", "one\ntwo\n"},
  };
  run_table(cases);
}

}  // namespace
}  // namespace burrow::textdiff
