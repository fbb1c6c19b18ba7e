#include <gtest/gtest.h>

#include <chrono>

#include "text/regex.h"

namespace burrow::text {
namespace {

struct Case {
  const char* pattern;
  Syntax syntax;
  unsigned flags;
  const char* text;
  int begin;  // -1: no match
  int end;
};

constexpr Syntax B = Syntax::kBasic;
constexpr Syntax E = Syntax::kExtended;

const Case kCases[] = {
    {"abc", B, 0, "xxabcxx", 2, 5},
    {"a*", B, 0, "baaa", 0, 0},
    {"ba*", B, 0, "baaa", 0, 4},
    {"*a", B, 0, "x*a", 1, 3},
    {"\\(*a\\)", B, 0, "x*a", 1, 3},
    {"a\\+", B, 0, "baa", 1, 3},
    {"a+", B, 0, "a+", 0, 2},
    {"a+", E, 0, "baa", 1, 3},
    {"a\\?b", B, 0, "xb", 1, 2},
    {"a\\{2\\}", B, 0, "aaa", 0, 2},
    {"a{2}", B, 0, "a{2}", 0, 4},
    {"a{2,}", E, 0, "aaaa", 0, 4},
    {"a{,2}", E, kGrepDialect, "aaaa", 0, 2},
    {"a{", E, kGrepDialect, "a{", 0, 2},
    {"a\\|b", B, 0, "xb", 1, 2},
    {"a|b", B, 0, "a|b", 0, 3},
    {"(a|ab)(c|bcd)", E, 0, "abcd", 0, 4},
    {"x*y*", E, 0, "xxyy", 0, 4},
    {"a^b", B, 0, "a^b", 0, 3},
    {"a$b", B, 0, "a$b", 0, 3},
    {"^a", B, 0, "ba", -1, -1},
    {"a$", B, 0, "a\n", -1, -1},
    {"a$", B, kMultiline, "a\nb", 0, 1},
    {"^b", B, kMultiline, "a\nb", 2, 3},
    {"a.b", B, 0, "a\nb", 0, 3},
    {"a.b", B, kMultiline, "a\nb", -1, -1},
    {"[^x]", B, kMultiline, "\nb", 1, 2},
    {"[]a]", B, 0, "x]", 1, 2},
    {"[^]a]", B, 0, "]ab", 2, 3},
    {"[a-c]*", B, 0, "abcd", 0, 3},
    {"[[:digit:]]\\+", B, 0, "ab123", 2, 5},
    {"[[:alpha:]-]", B, 0, "1-", 1, 2},
    {"[\\n]", B, 0, "\\", 0, 1},
    {"[\\n]", B, kSedEscapes, "a\n", 1, 2},
    {"a\\nb", B, kSedEscapes, "a\nb", 0, 3},
    {"\\x41", B, kSedEscapes, "A", 0, 1},
    {"\\<foo\\>", B, 0, "afoo foo", 5, 8},
    {"\\bfoo\\b", B, 0, "afoo foo", 5, 8},
    {"\\w\\+", B, 0, "..ab_1..", 2, 6},
    {"\\s", B, 0, "a\tb", 1, 2},
    {"\\(a\\)\\1", B, 0, "xaa", 1, 3},
    {"(a)\\1", E, 0, "xaa", 1, 3},
    {"\\(ab*\\)c\\1", B, 0, "abbcabb", 0, 7},
    {"A", B, kIgnoreCase, "xa", 1, 2},
    {"[[:upper:]]", B, kIgnoreCase, "a", 0, 1},
    {"foo", B, kWholeWord, "foobar foo", 7, 10},
    {"foo", B, kWholeLine, "foo", 0, 3},
    {"foo", B, kWholeLine, "foox", -1, -1},
    {"a\\{1001\\}", B, 0, "(1001 a's, built in the test)", 0, 1001},
    {"\\`a", B, 0, "ba", -1, -1},
    {"a\\'", B, 0, "ab", -1, -1},
    {".", B, kUtf8, "\xc3\xa9", 0, 2},
    {"caf.", B, kUtf8, "caf\xe9", -1, -1},
    {"caf.", B, 0, "caf\xe9", 0, 4},
    {"\xe9", B, kUtf8, "caf\xe9", 3, 4},
    {"[[:alpha:]]", B, kUtf8, "1\xc3\xa9", 1, 3},
    {".*/[a-z]+\\.txt", Syntax::kEmacs, kWholeLine, "./dir/abc.txt", 0, 13},
    {"ab?c", Syntax::kEmacs, 0, "xac", 1, 3},
    {"\\(a\\|b\\)+", Syntax::kEmacs, 0, "xabba", 1, 5},
    {"a\\{2\\}", Syntax::kEmacs, 0, "a{2}", 0, 4},
};

TEST(RegexTable, Matches) {
  for (const Case& c : kCases) {
    auto r = Regex::compile(c.pattern, c.syntax, c.flags);
    ASSERT_TRUE(r) << c.pattern << ": " << r.error;
    size_t b = 0, e = 0;
    // The one long subject is built here: a pointer into a temporary string
    // in the table would dangle.
    std::string text = std::string(c.pattern) == "a\\{1001\\}" ? std::string(1001, 'a') : std::string(c.text);
    bool found = r.regex->find(text, 0, b, e);
    if (c.begin < 0) {
      EXPECT_FALSE(found) << c.pattern << " on " << c.text << " -> " << r.regex->engine_pattern();
    } else {
      EXPECT_TRUE(found) << c.pattern << " on " << c.text << " -> " << r.regex->engine_pattern();
      if (found) {
        EXPECT_EQ(static_cast<int>(b), c.begin) << c.pattern << " -> " << r.regex->engine_pattern();
        EXPECT_EQ(static_cast<int>(e), c.end) << c.pattern << " -> " << r.regex->engine_pattern();
      }
    }
  }
}

struct ErrorCase {
  const char* pattern;
  Syntax syntax;
  unsigned flags;
  const char* error;
};

const ErrorCase kErrors[] = {
    {"\\(a", B, 0, "Unmatched ( or \\("},
    {"a\\)", B, 0, "Unmatched ) or \\)"},
    {"(a", E, 0, "Unmatched ( or \\("},
    {"a)", E, 0, "Unmatched ) or \\)"},
    {"[a", B, 0, "Unmatched [, [^, [:, [., or [="},
    {"[[:foo:]]", B, 0, "Invalid character class name"},
    {"\\(a\\)\\2", B, 0, "Invalid back reference"},
    {"a\\{1", B, 0, "Unmatched \\{"},
    {"a\\{x\\}", B, 0, "Invalid content of \\{\\}"},
    {"a{2,1}", E, kGrepDialect, "Invalid content of \\{\\}"},
    {"a{", E, 0, "Unmatched \\{"},
    {"*a", E, 0, "Invalid preceding regular expression"},
    {"[b-a]", B, 0, "Invalid range end"},
    {"a\\", B, 0, "Trailing backslash"},
    {"a{99999}", E, kGrepDialect, "Regular expression too big"},
    {"[:space:]", B, 0, "character class syntax is [[:space:]], not [:space:]"},
};

TEST(RegexTable, Errors) {
  for (const ErrorCase& c : kErrors) {
    auto r = Regex::compile(c.pattern, c.syntax, c.flags);
    EXPECT_FALSE(r) << c.pattern;
    EXPECT_EQ(r.error, c.error) << c.pattern;
  }
}

TEST(Regex, GrepWarnings) {
  auto r = Regex::compile("*a", E, kGrepDialect);
  ASSERT_TRUE(r);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0], "* at start of expression");
}

TEST(Regex, Submatches) {
  auto r = Regex::compile("\\([a-z]*\\)=\\([0-9]*\\)", B, 0);
  ASSERT_TRUE(r);
  Match m;
  ASSERT_TRUE(r.regex->search("  key=42 ", 0, &m));
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].begin, 2);
  EXPECT_EQ(m[1].begin, 2);
  EXPECT_EQ(m[1].end, 5);
  EXPECT_EQ(m[2].begin, 6);
  EXPECT_EQ(m[2].end, 8);
}

TEST(Regex, CaretIsNotAtStartPos) {
  auto r = Regex::compile("^a", B, 0);
  size_t b, e;
  EXPECT_FALSE(r.regex->find("ba", 1, b, e));
  auto p = Regex::compile("\\(x\\)\\1\\|^a", B, 0);
  ASSERT_TRUE(p.regex->uses_pcre());
  EXPECT_FALSE(p.regex->find("ba", 1, b, e));
}

TEST(Regex, FixedMany) {
  std::vector<std::string> pats = {"foo", "a.b", "barbaz"};
  auto r = Regex::compile_any(pats, Syntax::kFixed, 0);
  ASSERT_TRUE(r);
  size_t b, e;
  EXPECT_FALSE(r.regex->find("axb", 0, b, e));
  EXPECT_TRUE(r.regex->find("xa.b", 0, b, e));
  EXPECT_EQ(b, 1u);
  EXPECT_TRUE(r.regex->find("barbaz", 0, b, e));
  EXPECT_EQ(e, 6u);
}

TEST(Regex, InvalidUtf8NeverHangs) {
  std::string junk;
  for (int i = 0; i < 100000; ++i) junk += static_cast<char>((i * 7919) & 0xFF);
  for (const char* p : {".*", "[^a]*x", "\\w\\+", "a\\|\xff", "[[:alpha:]]*"}) {
    auto r = Regex::compile(p, B, kUtf8);
    ASSERT_TRUE(r) << p;
    Match m;
    r.regex->search(junk, 0, &m);
    r.regex->matches(junk);
  }
}

TEST(Regex, HostilePatternsAreFast) {
  auto start = std::chrono::steady_clock::now();
  std::string as(30000, 'a');
  std::string xs(30000, 'x');
  for (auto [p, s, text] : {std::tuple{"(a*)*b", E, as}, {"(x+x+)+y", E, xs}, {"(a|aa)*c", E, as},
                            {"\\(a*\\)*\\1b", B, as}, {"(x+x+)+y", Syntax::kPerl, xs}}) {
    auto r = Regex::compile(p, s, 0);
    ASSERT_TRUE(r) << p << r.error;
    EXPECT_FALSE(r.regex->matches(text)) << p;
  }
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 2.0);
}

}  // namespace
}  // namespace burrow::text

namespace burrow::text {
namespace {

TEST(Regex, NoPatternsMatchNothing) {
  for (unsigned flags : {0u, unsigned(kUtf8), unsigned(kLineMode)}) {
    auto r = Regex::compile_any({}, Syntax::kBasic, flags);
    ASSERT_TRUE(r) << r.error;
    EXPECT_FALSE(r.regex->matches("anything"));
    EXPECT_FALSE(r.regex->matches(""));
  }
}

// The shape awk's match()/gsub() and [[ =~ ]] use: ERE, leftmost-longest,
// submatches, iteration from an offset.
TEST(Regex, AwkStyleLeftmostLongest) {
  auto r = Regex::compile("(a|ab)(c|bcd)(d*)", Syntax::kExtended, 0);
  ASSERT_TRUE(r);
  Match m;
  ASSERT_TRUE(r.regex->search("abcd", 0, &m));
  EXPECT_EQ(m[0].begin, 0);
  EXPECT_EQ(m[0].end, 4);
  auto x = Regex::compile("x*", Syntax::kExtended, 0);
  ASSERT_TRUE(x.regex->search("abc", 1, &m));
  EXPECT_EQ(m[0].begin, 1);
  EXPECT_EQ(m[0].end, 1);
  auto opt = Regex::compile("(foo)?(bar)", Syntax::kExtended, 0);
  ASSERT_TRUE(opt.regex->search("xbar", 0, &m));
  EXPECT_FALSE(m[1].matched());
  EXPECT_EQ(m[2].begin, 1);
}

TEST(Regex, SedMultilineFlag) {
  auto r = Regex::compile("^b$", Syntax::kBasic, kMultiline);
  size_t b, e;
  ASSERT_TRUE(r.regex->find("a\nb\nc", 0, b, e));
  EXPECT_EQ(b, 2u);
  auto s = Regex::compile("\\`a", Syntax::kBasic, kMultiline);
  EXPECT_FALSE(s.regex->find("b\na", 0, b, e));
}

TEST(Regex, LargeRepeatFallsBackToPcre) {
  auto r = Regex::compile("a\\{1001,\\}", Syntax::kBasic, 0);
  ASSERT_TRUE(r) << r.error;
  EXPECT_TRUE(r.regex->uses_pcre());
  EXPECT_TRUE(r.regex->matches(std::string(1500, 'a')));
  EXPECT_FALSE(r.regex->matches(std::string(1000, 'a')));
}

TEST(Regex, PerlLimitIsReported) {
  auto r = Regex::compile("(?:(a+)+)+\\1b", Syntax::kPerl, 0);
  ASSERT_TRUE(r) << r.error;
  auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(r.regex->matches(std::string(40, 'a') + "c"));
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 2.0);
}

}  // namespace
}  // namespace burrow::text
