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

namespace burrow::textdiff {
namespace {

const std::string kJ1 = "a 1\nb 2\nc 3\ne 5\n";

TEST(TextDiff, Join) {
  std::vector<Case> cases = {
      {"join - sorted1", "apple red\nbanana yellow\nfig purple\n"},
      {"join sorted1 -", "apple red\nbanana yellow\nfig purple\n"},
      {"join -a1 - sorted2", kJ1},
      {"join -a2 - sorted2", "banana 1\ncarrot 2\n"},
      {"join -a1 -a2 - sorted2", "apple x\nbanana 1\nzz 3\n"},
      {"join -v1 - sorted2", "apple x\nbanana 1\nzz 3\n"},
      {"join -v2 - sorted2", "apple x\nbanana 1\nzz 3\n"},
      {"join -v1 -v2 - sorted2", "apple x\nbanana 1\nzz 3\n"},
      {"join -e E -o auto -a1 -a2 - sorted2", "apple x y\nbanana 1\nzz 3\n"},
      {"join -o 1.1,2.1,1.2 -e EMPTY -a1 - sorted2", "apple x\nbanana 1\nzz 3\n"},
      {"join -o 0,1.2 -a2 - sorted2", "apple x\nbanana 1\n"},
      {"join -o '1.2 2.1' - sorted2", "banana 1\n"},
      {"join -t, -1 2 -2 1 - csv", "1,alice\n2,bob\n"},
      {"join -t , - csv", "alice,x\nbob,y\n"},
      {"join -t, -a1 -e X -o auto - csv", "alice,1,2\nbob,y\nname\n"},
      {"join -i - sorted1", "APPLE 1\nBANANA 2\n"},
      {"join - sorted1", "APPLE 1\nBANANA 2\n"},
      {"join -j 1 - sorted1", "apple 1\n"},
      {"join -1 2 -2 1 - sorted2", "x banana\ny carrot\nz egg\n"},
      {"join - sorted2", "b\na\nbanana\n"},
      {"join --check-order - sorted2", "b\na\nbanana\n"},
      {"join --nocheck-order - sorted2", "b\na\nbanana\n"},
      {"join --header - sorted2", "H1 h\nbanana 1\n"},
      {"join - sorted1", "  apple   lots  of  spaces \n"},
      {"join -t ' ' - sorted1", "apple  two\n"},
      {"join -z - sorted2", std::string("banana 1\0egg 2\0", 15)},
      {"join", ""},
      {"join sorted1", ""},
      {"join a b c", ""},
      {"join -a 3 sorted1 sorted2", ""},
      {"join -o 3.1 sorted1 sorted2", ""},
      {"join -o x sorted1 sorted2", ""},
      {"join -1 0 sorted1 sorted2", ""},
      {"join -j x sorted1 sorted2", ""},
      {"join -t ab sorted1 sorted2", ""},
      {"join sorted1 sorted2", ""},
      {"join sorted1 missing", ""},
      {"join words words", ""},
      {"join -a1 -a2 f2 sorted1", ""},
  };
  run_table(cases);
}

}  // namespace
}  // namespace burrow::textdiff
