#include "text_diff.h"

namespace burrow::textdiff {
namespace {

const std::string kDup = "a\na\nb\nc\nc\nc\nA\na\nd\n";
const std::string kFields = "x 1 apple\ny 1 apple\nz 2 Apple\nw  2 apple\nq 3 pear\n";

TEST(TextDiff, Uniq) {
  std::vector<Case> cases = {
      {"uniq", kDup},
      {"uniq -c", kDup},
      {"uniq -d", kDup},
      {"uniq -D", kDup},
      {"uniq -u", kDup},
      {"uniq -i", kDup},
      {"uniq -ic", kDup},
      {"uniq -du", kDup},
      {"uniq -cd", kDup},
      {"uniq -cu", kDup},
      {"uniq -D -u", kDup},
      {"uniq --all-repeated=separate", kDup},
      {"uniq --all-repeated=prepend", kDup},
      {"uniq --all-repeated=none", kDup},
      {"uniq --all-repeated=bogus", kDup},
      {"uniq --all-repeated=s", kDup},
      {"uniq --group", kDup},
      {"uniq --group=prepend", kDup},
      {"uniq --group=append", kDup},
      {"uniq --group=both", kDup},
      {"uniq --group=bogus", kDup},
      {"uniq --group -c", kDup},
      {"uniq -c -D", kDup},
      {"uniq -f 1", kFields},
      {"uniq -f 2", kFields},
      {"uniq -f 2 -i -c", kFields},
      {"uniq -s 2", kFields},
      {"uniq -s 1 -w 1", kFields},
      {"uniq -w 1", kFields},
      {"uniq -w 0", kFields},
      {"uniq -2", kFields},
      {"uniq -f x", kFields},
      {"uniq -s x", kFields},
      {"uniq -w x", kFields},
      {"uniq -f 99999999999999999999999", kFields},
      {"uniq -z", std::string("a\0a\0b\0", 6)},
      {"uniq -zc", std::string("a\0a\0b", 5)},
      {"uniq", "a\na"},
      {"uniq", ""},
      {"uniq -c", "\n\n\nx\n"},
      {"uniq a b c", ""},
      {"uniq -D --all-repeated=separate", "a\na\nb\nb\nc\n"},
      {"uniq --all-repeated=separate -c", "a\n"},
      {"uniq --bogus", ""},
      {"uniq f1", ""},
      {"uniq -c words", ""},
      {"uniq missing", ""},
      {"uniq dir", ""},
      {"uniq f2 out_uniq", ""},
      {"uniq - -", "a\na\n"},
  };
  std::string big;
  uint32_t x = 7;
  for (int i = 0; i < 20000; ++i) {
    x = x * 1103515245 + 12345;
    big += "k" + std::to_string((x >> 12) % 3) + "\n";
  }
  cases.push_back({"uniq -c", big});
  cases.push_back({"uniq -d", big});
  cases.push_back({"uniq -u", big});
  run_table(cases);
}

const std::string kCsv = "name,age,city\nbob,25,paris\nalice,30,london\ncarol,,rome\nno delimiter here\n";

TEST(TextDiff, Cut) {
  std::vector<Case> cases = {
      {"cut -d, -f1", kCsv},
      {"cut -d, -f2,3", kCsv},
      {"cut -d, -f3,1", kCsv},
      {"cut -d, -f2-", kCsv},
      {"cut -d, -f-2", kCsv},
      {"cut -d, -f1-2,2-3", kCsv},
      {"cut -d, -f5", kCsv},
      {"cut -d, -s -f1", kCsv},
      {"cut -d, -f1 --complement", kCsv},
      {"cut -d, -f2 --output-delimiter=' | '", kCsv},
      {"cut -d, -f1,3 --output-delimiter=", kCsv},
      {"cut -f2", "a\tb\tc\nx\ty\nnotab\n"},
      {"cut -f1,3", "a\tb\tc\n"},
      {"cut -b1-3", "abcdef\nab\n\n"},
      {"cut -b 2", "abcdef\n"},
      {"cut -b 3-", "abcdef\n"},
      {"cut -b -2,5-", "abcdef\n"},
      {"cut -b 1,3-4 --output-delimiter=:", "abcdef\n"},
      {"cut -b 1-2,3-4 --output-delimiter=:", "abcdef\n"},
      {"cut -b 1-3,2-4,6 --output-delimiter=:", "abcdef\n"},
      {"cut --complement -b 2-3", "abcdef\n"},
      {"cut --complement -b 2-3 --output-delimiter=:", "abcdef\n"},
      {"cut -c 1-2", "h\xc3\xa9llo\n"},
      {"cut -c 2-3", "日本語\n"},
      {"cut -n -b 1-2", "h\xc3\xa9llo\n"},
      {"cut -b 1", "a\xff\n"},
      {"cut -d ' ' -f 2", "a b c\n"},
      {"cut -d '' -f 2", std::string("a\0b\nc\n", 6)},
      {"cut -z -d, -f2", std::string("a,b\0c,d\0", 8)},
      {"cut -z -b1", std::string("ab\ncd", 5)},
      {"cut -f1", "no newline"},
      {"cut -b 1 -", "xyz\n"},
      {"cut '-b 1 3'", "abcd\n"},
      {"cut -b '1 3'", "abcd\n"},
      {"cut", "x\n"},
      {"cut -b1 -f1", "x\n"},
      {"cut -d, -b1", "x\n"},
      {"cut -d ab -f1", "x\n"},
      {"cut -f0", "x\n"},
      {"cut -f-", "x\n"},
      {"cut -f 3-1", "x\n"},
      {"cut -c 0", "x\n"},
      {"cut -b x", "x\n"},
      {"cut -f x", "x\n"},
      {"cut -f ''", "x\n"},
      {"cut -s -b1", "x\n"},
      {"cut -f 1,,2", "x\n"},
      {"cut -f 1--2", "x\n"},
      {"cut -f 0-3", "x\n"},
      {"cut -f 99999999999999999999", "x\n"},
      {"cut -b 99999999999999999999", "x\n"},
      {"cut -f 1 --bogus", "x\n"},
      {"cut -d, -f2 csv", ""},
      {"cut -d, -f1 csv f2", ""},
      {"cut -f2 tsv", ""},
      {"cut -b 1-4 utf8", ""},
      {"cut -f1 missing csv", ""},
      {"cut -f1 dir", ""},
  };
  std::string big;
  for (int i = 0; i < 20000; ++i) big += std::to_string(i) + "," + std::to_string(i * 7) + ",x" + std::to_string(i % 13) + "\n";
  cases.push_back({"cut -d, -f2", big});
  cases.push_back({"cut -d, -f1,3", big});
  cases.push_back({"cut -b 2-5", big});
  run_table(cases);
}

}  // namespace
}  // namespace burrow::textdiff
