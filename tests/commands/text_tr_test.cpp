#include "text_diff.h"

namespace burrow::textdiff {
namespace {

const std::string kText = "Hello, World! 123\nfoo  bar\t\tbaz\naaabbbccc\n";

TEST(TextDiff, Tr) {
  std::vector<Case> cases = {
      {"tr a-z A-Z", kText},
      {"tr A-Z a-z", kText},
      {"tr '[:lower:]' '[:upper:]'", kText},
      {"tr '[:upper:]' '[:lower:]'", kText},
      {"tr '[:upper:][:lower:]' '[:lower:][:upper:]'", kText},
      {"tr -d '[:digit:]'", kText},
      {"tr -d '[:space:]'", kText},
      {"tr -d '[:punct:]'", kText},
      {"tr -d '[:alpha:]'", kText},
      {"tr -d '[:alnum:]'", kText},
      {"tr -d '[:blank:]'", kText},
      {"tr -d '[:cntrl:]'", kText},
      {"tr -d '[:graph:]'", kText},
      {"tr -d '[:print:]'", kText},
      {"tr -d '[:xdigit:]'", kText},
      {"tr -s ' '", kText},
      {"tr -s a-c", kText},
      {"tr -s '[:space:]'", kText},
      {"tr -s a-z A-Z", kText},
      {"tr -ds l o", kText},
      {"tr -cd '[:alpha:]\\n'", kText},
      {"tr -c '[:alnum:]' '_'", kText},
      {"tr -c a-z x", kText},
      {"tr -cs '[:alpha:]' '\\n'", kText},
      {"tr -C a-z x", kText},
      {"tr abc xy", kText},
      {"tr -t abc xy", kText},
      {"tr abc 'x[y*]'", kText},
      {"tr a-f '[x*2]yz'", kText},
      {"tr a-f '[x*]yz'", kText},
      {"tr a-z '[*10]'", kText},
      {"tr 'a-z' '[x*010]-'", kText},
      {"tr '\\n' ' '", kText},
      {"tr '\\t' '\\\\'", kText},
      {"tr '\\101' x", "ABC\n"},
      {"tr '\\0' x", std::string("a\0b\n", 4)},
      {"tr -d '\\000'", std::string("a\0b\n", 4)},
      {"tr '\\400' x", "abc \n"},
      {"tr 'a\\' 'xy'", "a\\b\n"},
      {"tr '[=a=]' x", "abc\n"},
      {"tr '[=ab=]' x", "abc\n"},
      {"tr '[==]' x", "abc\n"},
      {"tr '[::]' x", "abc\n"},
      {"tr '[' x", "a[b]\n"},
      {"tr 'a-' 'xy'", "a-b\n"},
      {"tr -- '-a' 'xy'", "a-b\n"},
      {"tr '[:foo:]' x", "abc\n"},
      {"tr 'c-a' x", "abc\n"},
      {"tr a '[:digit:]'", "abc\n"},
      {"tr '[:upper:]' '[:lower:][:upper:]'", "abc\n"},
      {"tr 'a[:upper:]' '[:lower:]'", "aBc\n"},
      {"tr '[a*]' x", "abc\n"},
      {"tr a '[b*x]'", "abc\n"},
      {"tr a '[b*09]'", "abc\n"},
      {"tr a ''", "abc\n"},
      {"tr -t a ''", "abc\n"},
      {"tr -c a '[x*][y*]'", "abc\n"},
      {"tr -c ab xy", "abcd\n"},
      {"tr -c '[:alpha:]' xy", "abc\n"},
      {"tr -c '[:alpha:]' x", "ab1c\n"},
      {"tr", "abc\n"},
      {"tr a", "abc\n"},
      {"tr -d a b", "abc\n"},
      {"tr -ds a", "abc\n"},
      {"tr -s", "abc\n"},
      {"tr a b c", "abc\n"},
      {"tr -x a b", "abc\n"},
      {"tr a-z A-Z", "h\xc3\xa9llo \xff\n"},
      {"tr -d '\\200-\\377'", "h\xc3\xa9llo\n"},
      {"tr '\\a\\b\\f\\v\\r' abcde", "\a\b\f\v\r\n"},
      {"tr -s '\\n'", "a\n\n\nb\n\n"},
      {"tr '[:lower:]' '[:lower:]'", "aBc\n"},
      {"tr -d ''", "abc\n"},
      {"tr '' ''", "abc\n"},
      {"tr 0-9 '[a*]'", "0123456789\n"},
  };
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "Line " + std::to_string(i) + "  with   spaces\n";
  cases.push_back({"tr a-z A-Z", big});
  cases.push_back({"tr -s ' '", big});
  cases.push_back({"tr -d 0-9", big});
  run_table(cases);
}

}  // namespace
}  // namespace burrow::textdiff
