#include "text_diff.h"

namespace burrow::textdiff {
namespace {

const std::string kTwelve = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";

TEST(TextDiff, Head) {
  std::vector<Case> cases = {
      {"head", kTwelve},
      {"head -n 3", kTwelve},
      {"head -n3", kTwelve},
      {"head --lines=2", kTwelve},
      {"head -n -3", kTwelve},
      {"head -n -30", kTwelve},
      {"head -n 0", kTwelve},
      {"head -n -0", kTwelve},
      {"head -c 5", kTwelve},
      {"head -c -5", kTwelve},
      {"head -c 0", kTwelve},
      {"head -c 1k", kTwelve},
      {"head -c 1b", std::string(1000, 'x')},
      {"head -c -1b", std::string(1000, 'x')},
      {"head -5", kTwelve},
      {"head -2c", kTwelve},
      {"head -1v", kTwelve},
      {"head -3q", kTwelve},
      {"head -5x", kTwelve},
      {"head -v", "a\nb\n"},
      {"head -q -v", "a\nb\n"},
      {"head - -", "a\nb\n"},
      {"head -q - -", "a\nb\n"},
      {"head -n 2", "no newline"},
      {"head -n -1", "a\nb\nno newline"},
      {"head -n 1", ""},
      {"head -z -n 2", std::string("a\0b\0c\0", 6)},
      {"head -z -n -1", std::string("a\0b\0c", 5)},
      {"head -n x", kTwelve},
      {"head -c x", kTwelve},
      {"head -n 5Q", kTwelve},
      {"head -n 99999999999999999999999", kTwelve},
      {"head -n", kTwelve},
      {"head --bogus", kTwelve},
      {"head -y", kTwelve},
      {"head -n 1K", kTwelve},
      {"head -c 2KB", std::string(3000, 'y')},
      {"head -n +2", kTwelve},
      {"head --lines -2", kTwelve},
      {"head -n 2 -n 4", kTwelve},
      {"head -c 3 -n 2", kTwelve},
      {"head -n 2 f1", ""},
      {"head -n 2 f1 f2", ""},
      {"head -n 2 -q f1 f2", ""},
      {"head -c 5 nonl", ""},
      {"head missing", ""},
      {"head f2 missing f2", ""},
      {"head dir", ""},
      {"head -n -2 f1 - f2", "x\ny\nz\n"},
      {"head empty f2", ""},
      {"head -c -3 nonl", ""},
      {"head -n 3 utf8", ""},
  };
  run_table(cases);
}

TEST(TextDiff, Tail) {
  std::vector<Case> cases = {
      {"tail", kTwelve},
      {"tail -n 3", kTwelve},
      {"tail -n +3", kTwelve},
      {"tail -n +0", kTwelve},
      {"tail -n +1", kTwelve},
      {"tail -n -3", kTwelve},
      {"tail -n 0", kTwelve},
      {"tail -n 100", kTwelve},
      {"tail -c 5", kTwelve},
      {"tail -c +5", kTwelve},
      {"tail -c 0", kTwelve},
      {"tail -3", kTwelve},
      {"tail +3", kTwelve},
      {"tail -3c", kTwelve},
      {"tail +10c", kTwelve},
      {"tail -l", kTwelve},
      {"tail -c", kTwelve},
      {"tail -2 -", kTwelve},
      {"tail -2 - -", kTwelve},
      {"tail -n 2", "a\nb\nno newline"},
      {"tail -n 1", "no newline"},
      {"tail -n 1", ""},
      {"tail -v -n 1", "a\nb\n"},
      {"tail -q -n 1 - -", "a\nb\n"},
      {"tail -z -n 2", std::string("a\0b\0c\0", 6)},
      {"tail -z -n 1", std::string("a\0b\0c", 5)},
      {"tail -n x", kTwelve},
      {"tail -c 1x", kTwelve},
      {"tail -n 99999999999999999999999", kTwelve},
      {"tail -s x", kTwelve},
      {"tail --follow=bogus", kTwelve},
      {"tail -n 2 -c 3", kTwelve},
      {"tail -c 1k", std::string(3000, 'q')},
      {"tail -n 2 f1", ""},
      {"tail -n 2 f1 f2", ""},
      {"tail -n +11 f1", ""},
      {"tail -c 4 nonl", ""},
      {"tail -n 1 nonl", ""},
      {"tail missing", ""},
      {"tail -n 1 dir", ""},
      {"tail -n 1 f2 missing f2", ""},
      {"tail -2 f1", ""},
      {"tail -2 f1 f2", ""},
      {"tail -n 3 utf8", ""},
      {"tail -c 6 utf8", ""},
      {"tail -n 2 empty", ""},
  };
  std::string big;
  for (int i = 0; i < 100000; ++i) big += "line " + std::to_string(i) + "\n";
  cases.push_back({"tail -n 5", big});
  cases.push_back({"tail -n 40000", big});
  cases.push_back({"tail -c 70000", big});
  cases.push_back({"tail -n +99990", big});
  cases.push_back({"head -n -99990", big});
  run_table(cases);
}

TEST(TextDiff, Wc) {
  std::vector<Case> cases = {
      {"wc", "hello world\nfoo\n"},
      {"wc -l", "a\nb\nc"},
      {"wc -w", "  a  b\tc\n d "},
      {"wc -c", "abc"},
      {"wc -m", "héllo\n"},
      {"wc -m", "a\xff\xfe b\n"},
      {"wc -w", "a\xff b\n"},
      {"wc -w", "\x01\x02 \x03\n"},
      {"wc -L", "short\na much longer line\n"},
      {"wc -L", "\tx\n"},
      {"wc -L", "日本語\n"},
      {"wc -L", "ab\rabcd\n"},
      {"wc -lwmcL", "héllo wörld\n日本語 テキスト\n"},
      {"wc -lc", "x\n"},
      {"wc -cl", "x\n"},
      {"wc -l -", "x\ny\n"},
      {"wc - -", "x\ny\n"},
      {"wc", ""},
      {"wc -w", "a\xc2\xa0" "b c\n"},
      {"wc -w", "a\xe3\x80\x80" "b\n"},
      {"wc -m", "\xe6\x97"},
      {"wc -L", "\xe2\x80\x8b\n"},
      {"wc -x", ""},
      {"wc --bytes --lines", "a b\n"},
      {"wc f1", ""},
      {"wc -l f1", ""},
      {"wc f1 f2", ""},
      {"wc -l f1 f2", ""},
      {"wc f1 -", "stdin\n"},
      {"wc -c f1 missing", ""},
      {"wc missing", ""},
      {"wc dir", ""},
      {"wc -l f2 dir", ""},
      {"wc -m utf8", ""},
      {"wc -L utf8", ""},
      {"wc utf8 nonl empty", ""},
      {"wc --files0-from=missing", ""},
      {"wc --files0-from=-", std::string("f1\0f2", 5)},
      {"wc --files0-from=- f1", std::string("f1\0f2", 5)},
  };
  std::string big;
  for (int i = 0; i < 20000; ++i) big += "word" + std::to_string(i) + " \xc3\xa9t\xc3\xa9\t\n";
  cases.push_back({"wc", big});
  cases.push_back({"wc -mL", big});
  run_table(cases);
}

}  // namespace
}  // namespace burrow::textdiff
