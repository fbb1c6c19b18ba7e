#include <algorithm>

#include "text_diff.h"

namespace burrow::textdiff {
namespace {

TEST(TextDiff, Factor) {
  std::vector<Case> cases = {
      {"factor 12 1 0 97", ""},
      {"factor 18446744073709551615", ""},
      {"factor 18446744073709551616", ""},
      {"factor 340282366920938463463374607431768211455", ""},
      {"factor 1000000007 999999999999", ""},
      {"factor 600851475143", ""},
      {"factor +15", ""},
      {"factor x", ""},
      {"factor -5", ""},
      {"factor 12 x 15", ""},
      {"factor", "12 30\n  7\n"},
      {"factor", "4 a 6\n"},
  };
  run_table(cases);
}

TEST(TextDiff, Tsort) {
  std::vector<Case> cases = {
      {"tsort", "a b\nb c\n"},
      {"tsort", "a b\nb c\nc a\n"},
      {"tsort", "a b c\n"},
      {"tsort", "a a\nb b\n"},
      {"tsort", "shirt tie\ntie jacket\nsocks shoes\npants shoes\npants belt\nbelt jacket\nshirt belt\nundershorts pants\nundershorts shoes\n"},
      {"tsort", "1 2\n2 3\n3 1\n4 5\n5 4\n6 7\n"},
      {"tsort", "z y\nx w\n"},
      {"tsort", ""},
      {"tsort f1 f2", ""},
      {"tsort missing", ""},
  };
  run_table(cases);
}

TEST(TextDiff, Column) {
  std::vector<Case> cases = {
      {"column -t", "a b c\nlong x y\n"},
      {"column -t", "x y\n"},
      {"column -t", "a  b\n\n  c d\n"},
      {"column -t -s,", "a,,b\nc,d,e\n"},
      {"column -t -s, -o '|'", "a,b\nccc,d\n"},
      {"column -t -N X,Y", "a b\n"},
      {"column -t -R 2", "a b\nccc 1\n"},
      {"column -t -N a,b,c -R a", "1 2 3\n4 5\n"},
      {"column -t -J -N x,y", "a b\nccc 1\n"},
      {"column -t", "h\xc3\xa9llo x\nab y\n"},
      {"column -c 20", "one\ntwo\nthree\nfour\n"},
      {"column -x -c 20", "one\ntwo\nthree\nfour\n"},
      {"column", "a\nb\nc\n"},
      {"column -c 30", "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\n"},
      {"column -x -c 30", "alpha\nbeta\ngamma\ndelta\nepsilon\nzeta\neta\n"},
      {"column -t csv", ""},
      {"column -t -s, csv", ""},
      {"column words", ""},
  };
  run_table(cases);
}

TEST(TextDiff, Strings) {
  static const char kBinary[] = "\x01\x02hello world\x00\x03" "ab\x00longer string here\x7f\x80xyzw\tv\n";
  std::string bin(kBinary, sizeof kBinary - 1);
  std::vector<Case> cases = {
      {"strings", bin},
      {"strings -n 2", bin},
      {"strings -3", bin},
      {"strings -t x", bin},
      {"strings -t d", bin},
      {"strings -o", bin},
      {"strings -w", bin},
      {"strings bin1 code1", ""},
      {"strings -f bin1 code1", ""},
  };
  run_table(cases);
}

TEST(TextCommands, Envsubst) {
  Environment env{{"HOME", "/h"}, {"A", "1"}, {"B", "2"}};
  auto r = testing::run_command_in(nullptr, {"envsubst"}, "a $HOME ${HOME} $NOPE ${X:-y} $$ \\$HOME $1\n", "/", env);
  EXPECT_EQ(r.out, "a /h /h  ${X:-y} $$ \\/h $1\n");
  r = testing::run_command_in(nullptr, {"envsubst", "$A"}, "x $A $B\n", "/", env);
  EXPECT_EQ(r.out, "x 1 $B\n");
  r = testing::run_command_in(nullptr, {"envsubst", "-v", "a $A ${B} $C"}, "", "/", env);
  EXPECT_EQ(r.out, "A\nB\nC\n");
}

TEST(TextCommands, Shuf) {
  auto r = testing::run_command_in(nullptr, {"shuf", "-i", "1-100"});
  std::vector<int> got;
  std::stringstream ss(r.out);
  for (int v; ss >> v;) got.push_back(v);
  std::sort(got.begin(), got.end());
  ASSERT_EQ(got.size(), 100u);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(got[i], i + 1);
  r = testing::run_command_in(nullptr, {"shuf", "-n", "3", "-e", "a", "b", "c", "d"});
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 3);
  r = testing::run_command_in(nullptr, {"shuf", "-r", "-n", "5", "-e", "x"});
  EXPECT_EQ(r.out, "x\nx\nx\nx\nx\n");
  r = testing::run_command_in(nullptr, {"shuf"}, "l1\nl2\nl3\n");
  std::vector<std::string> lines;
  std::stringstream ls(r.out);
  for (std::string l; std::getline(ls, l);) lines.push_back(l);
  std::sort(lines.begin(), lines.end());
  EXPECT_EQ(lines, (std::vector<std::string>{"l1", "l2", "l3"}));
  r = testing::run_command_in(nullptr, {"shuf", "-i", "5-1"});
  EXPECT_EQ(r.err, "shuf: invalid input range: \xe2\x80\x98" "5-1\xe2\x80\x99\n");
  EXPECT_EQ(r.status, 1);
  r = testing::run_command_in(nullptr, {"shuf", "-i", "1-3", "-e", "a"});
  EXPECT_EQ(r.status, 1);
}

TEST(TextCommands, Dos2Unix) {
  auto r = testing::run_command_in(nullptr, {"dos2unix"}, "a\r\nb\r\nc\rd\n");
  EXPECT_EQ(r.out, "a\nb\nc\rd\n");
  r = testing::run_command_in(nullptr, {"unix2dos"}, "a\nb\r\nc");
  EXPECT_EQ(r.out, "a\r\nb\r\nc");
  TinyFs fs;
  fs.mkdir("/w", 0755);
  vfs::write_file(fs, "/w/x", "one\r\ntwo\r\n");
  r = testing::run_command_in(&fs, {"dos2unix", "x"}, "", "/w");
  std::string data;
  vfs::read_file(fs, "/w/x", data);
  EXPECT_EQ(data, "one\ntwo\n");
  EXPECT_EQ(r.err, "dos2unix: converting file x to Unix format...\n");
  r = testing::run_command_in(&fs, {"unix2dos", "-n", "x", "y"}, "", "/w");
  vfs::read_file(fs, "/w/y", data);
  EXPECT_EQ(data, "one\r\ntwo\r\n");
}

}  // namespace
}  // namespace burrow::textdiff

namespace burrow::textdiff {
namespace {

TEST(TextDiff, Expr) {
  std::vector<Case> cases = {
      {"expr 1 + 2", ""},
      {"expr 10 - 20", ""},
      {"expr 6 '*' 7", ""},
      {"expr 7 / 2", ""},
      {"expr 7 / -2", ""},
      {"expr -5 % 3", ""},
      {"expr 5 / 0", ""},
      {"expr 5 % 0", ""},
      {"expr 1 + x", ""},
      {"expr 99999999999999999999 + 1", ""},
      {"expr 3 '*' '(' 2 + 1 ')'", ""},
      {"expr '(' 1", ""},
      {"expr '(' 1 2", ""},
      {"expr 1 2", ""},
      {"expr", ""},
      {"expr 1 +", ""},
      {"expr length", ""},
      {"expr 10 '<' 9", ""},
      {"expr 9 '<' 10", ""},
      {"expr a '<' b", ""},
      {"expr abc '>' abd", ""},
      {"expr 1 = 01", ""},
      {"expr a = a", ""},
      {"expr a '!=' a", ""},
      {"expr 2 '>=' 2", ""},
      {"expr 2 '<=' 1", ""},
      {"expr a == a", ""},
      {"expr 0 '|' ''", ""},
      {"expr '' '|' b", ""},
      {"expr a '|' b", ""},
      {"expr '' '&' 1", ""},
      {"expr 1 '&' 2", ""},
      {"expr 1 '<' 2 '&' 0", ""},
      {"expr 00", ""},
      {"expr -0", ""},
      {"expr abc : 'a\\(.\\)'", ""},
      {"expr abc : '.*'", ""},
      {"expr abc : 'x'", ""},
      {"expr abc : 'b'", ""},
      {"expr abc : '\\(x\\)'", ""},
      {"expr a : '\\('", ""},
      {"expr foo.txt : '.*\\.\\(.*\\)'", ""},
      {"expr 'a+b' : 'a+b'", ""},
      {"expr aab : 'a\\+'", ""},
      {"expr 'x(y)' : 'x(y)'", ""},
      {"expr '*ab' : '*a'", ""},
      {"expr abc123 : '[a-z]*'", ""},
      {"expr abc123 : '[[:alpha:]]*\\([0-9]*\\)'", ""},
      {"expr aaa : 'a\\{2\\}'", ""},
      {"expr 'h\xc3\xa9llo' : '.*'", ""},
      {"expr 'h\xc3\xa9llo' : 'h\\(.\\)'", ""},
      {"expr length abc", ""},
      {"expr length 'h\xc3\xa9llo'", ""},
      {"expr length ''", ""},
      {"expr substr hello 2 3", ""},
      {"expr substr hello 0 3", ""},
      {"expr substr hello 4 10", ""},
      {"expr substr hello 9 1", ""},
      {"expr substr 'h\xc3\xa9llo' 2 2", ""},
      {"expr index hello l", ""},
      {"expr index hello xyz", ""},
      {"expr index 'h\xc3\xa9llo' l", ""},
      {"expr match abc b", ""},
      {"expr match abc a", ""},
      {"expr + length", ""},
      {"expr + 5 + 1", ""},
      {"expr -- 5 + 1", ""},
      {"expr 5 + 1 ')'", ""},
  };
  run_table(cases);
}

}  // namespace
}  // namespace burrow::textdiff
