#include "text_diff.h"

namespace burrow::textdiff {
namespace {

TEST(TextDiff, Comm) {
  std::vector<Case> cases = {
      {"comm sorted1 sorted2", ""},
      {"comm -1 sorted1 sorted2", ""},
      {"comm -2 sorted1 sorted2", ""},
      {"comm -3 sorted1 sorted2", ""},
      {"comm -12 sorted1 sorted2", ""},
      {"comm -23 sorted1 sorted2", ""},
      {"comm -123 sorted1 sorted2", ""},
      {"comm --output-delimiter=: sorted1 sorted2", ""},
      {"comm --output-delimiter=XY -3 sorted1 sorted2", ""},
      {"comm --total sorted1 sorted2", ""},
      {"comm --total -12 sorted1 sorted2", ""},
      {"comm sorted1 -", "apple\nbanana2\nzoo\n"},
      {"comm - sorted2", "b\na\n"},
      {"comm --check-order - sorted2", "b\na\n"},
      {"comm --nocheck-order - sorted2", "b\na\n"},
      {"comm sorted1 sorted1", ""},
      {"comm f2 f1", ""},
      {"comm sorted1", ""},
      {"comm", ""},
      {"comm a b c", ""},
      {"comm sorted1 missing", ""},
      {"comm -z - sorted2", std::string("a\0b\0", 4)},
      {"comm nonl sorted2", ""},
  };
  run_table(cases);
}

TEST(TextDiff, Fold) {
  std::string long_line = "The quick brown fox jumps over the lazy dog and keeps running far away\n";
  std::vector<Case> cases = {
      {"fold -w 10", long_line},
      {"fold -w 10 -s", long_line},
      {"fold -sw 7", long_line},
      {"fold -w 3", "abcdefghij\n"},
      {"fold -w 1", "abc\n"},
      {"fold -b -w 4", "a\tbc\tdef\n"},
      {"fold -w 4", "a\tbc\tdef\n"},
      {"fold -w 8", "\t\tx\n"},
      {"fold -w 5", "abc\bdefgh\n"},
      {"fold -w 5", "abc\rdefgh\n"},
      {"fold -w 2", "\xc3\xa9\xc3\xa9\xc3\xa9\n"},
      {"fold", std::string(200, 'x') + "\n"},
      {"fold -5", "abcdefghijkl\n"},
      {"fold -w 4", "abcdefgh"},
      {"fold -w 5 -s", "aaa bbb ccc\n"},
      {"fold -s -w 4", "    abcdefg\n"},
      {"fold -w 0", "x\n"},
      {"fold -w x", "x\n"},
      {"fold f1", ""},
      {"fold -w 3 f2 missing", ""},
  };
  run_table(cases);
}

TEST(TextDiff, Expand) {
  std::vector<Case> cases = {
      {"expand", "a\tb\tc\n\tx\n"},
      {"expand -t 3", "a\tb\tc\n"},
      {"expand -t 2,6", "a\tb\tc\td\n"},
      {"expand -t '2,+4'", "a\tb\tc\td\n"},
      {"expand -t '2,/5'", "a\tb\tc\td\n"},
      {"expand -t '2 6'", "a\tb\tc\n"},
      {"expand -i", "\ta\tb\n  \tc\td\n"},
      {"expand -4", "a\tb\n"},
      {"expand -t 1", "a\tb\n"},
      {"expand", "ab\bc\td\n"},
      {"expand", "\xc3\xa9\tb\n"},
      {"expand", "no newline\t"},
      {"expand -t 0", ""},
      {"expand -t 3,2", ""},
      {"expand -t x", ""},
      {"expand -t 3,+", ""},
      {"expand tsv", ""},
      {"expand missing", ""},
  };
  run_table(cases);
}

TEST(TextDiff, Unexpand) {
  std::vector<Case> cases = {
      {"unexpand", "        a       b\n"},
      {"unexpand -a", "        a       b\n"},
      {"unexpand -a", "a       b c\n"},
      {"unexpand -a", "abcdefg h\n"},
      {"unexpand -a", "abcdef  h\n"},
      {"unexpand", "   \t  x\n"},
      {"unexpand -t 4", "    a   b    c\n"},
      {"unexpand -t 4 --first-only", "    a   b    c\n"},
      {"unexpand -t 2,6", "      a b\n"},
      {"unexpand", "                  x\n"},
      {"unexpand", "       x\n"},
      {"unexpand -a", " \tx\n"},
      {"unexpand", "no blanks\n"},
      {"unexpand -3", "      x\n"},
      {"unexpand -t 0", ""},
      {"unexpand f1", ""},
  };
  run_table(cases);
}

}  // namespace
}  // namespace burrow::textdiff
