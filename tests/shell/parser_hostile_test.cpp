// Hostile input: deep nesting, huge scripts, binary junk. The parser must
// answer with an error or a tree, in linear time, never crash.
#include <gtest/gtest.h>

#include <chrono>
#include <random>

#include "shell/parser_test_util.h"

using namespace burrow::shell;

namespace {

std::string repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

// Parses everything; returns the error message ("" if none).
std::string parse_all(const std::string& src) {
  Parser p(src);
  ParseError err;
  while (p.next_command(err)) {
  }
  return err.message;
}

}  // namespace

TEST(ParserHostile, DeepNestingIsAnError) {
  const size_t n = 100000;
  for (const auto& [open, close] : std::vector<std::pair<std::string, std::string>>{
           {"( ", ")"},
           {"{ ", "; }"},
           {"$(", ")"},
           {"\"$(", ")\""},
           {"${x:-", "}"},
           {"${a[", "]}"},
           {"if ", "; then :; fi"},
           {"while ", "; do :; done"},
           {"[[ ( ", " ) ]]"},
           {"<(", ")"},
           {"a=(", ")"},
           {"f() { ", "; }"},
           {"case x in x) ", ";; esac"},
           {"[[ ! ", " ]]"},
       }) {
    // Either the depth limit or a plain syntax error, never a crash.
    std::string src = repeat(open, n) + "x" + repeat(close, n);
    EXPECT_FALSE(parse_all(src).empty()) << open;
    parse_all("echo " + src);
  }
  EXPECT_EQ(parse_all(repeat("( ", 5000) + "x" + repeat(")", 5000)), "maximum nesting depth exceeded");
}

TEST(ParserHostile, ModerateNestingWorks) {
  std::string src = repeat("(", 100) + "x" + repeat(")", 100);
  EXPECT_EQ(parse_all(src), "");
  std::string dq = "echo " + repeat("\"$(echo ", 50) + "x" + repeat(")\"", 50);
  EXPECT_EQ(parse_all(dq), "");
  std::string ifs = repeat("if a; then ", 100) + ":" + repeat("; fi", 100);
  EXPECT_EQ(parse_all(ifs), "");
}

TEST(ParserHostile, LargeInputsAreLinear) {
  auto time_of = [](const std::string& src) {
    auto t0 = std::chrono::steady_clock::now();
    parse_all(src);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  };
  // Many commands, one huge word, a huge here-doc, a huge quoted string.
  std::vector<std::string> big = {
      repeat("echo hello world $x \"$y\" 'z' | cat > /dev/null; a=1\n", 40000),
      "echo " + repeat("a", 2000000),
      "cat <<EOF\n" + repeat("line $x `y` text\n", 100000) + "EOF\n",
      "echo \"" + repeat("a$b ", 300000) + "\"",
      repeat("a && ", 100000) + "b",
      repeat("a | ", 100000) + "b",
      "echo $((" + repeat("1+", 500000) + "1))",
      "x=(" + repeat("a ", 500000) + ")",
      repeat("((", 200000),
      "echo " + repeat("$((", 3000),
  };
  for (const auto& src : big) {
    double t = time_of(src);
    EXPECT_LT(t, 5.0) << src.substr(0, 40);
  }
}

TEST(ParserHostile, BinaryJunkNeverCrashes) {
  std::mt19937 rng(12345);
  const std::string alphabet = "()<>|&;$`'\"\\{}[]!#=~* \n\tabcif fi do done case esac in";
  for (int i = 0; i < 3000; ++i) {
    std::string s;
    size_t len = rng() % 200;
    for (size_t j = 0; j < len; ++j) {
      if (rng() % 4 == 0) s.push_back(static_cast<char>(rng() % 256));
      else s.push_back(alphabet[rng() % alphabet.size()]);
    }
    Parser p(s);
    ParseError err;
    int guard = 0;
    while (p.next_command(err) && ++guard < 10000) {
    }
  }
  std::string nul("echo a\0b\n", 9);
  EXPECT_EQ(parse_all(nul), "");
  EXPECT_FALSE(parse_all("\x01\x02\xff(").empty());
}

TEST(ParserHostile, RandomRoundTrip) {
  // Scripts that parse must print to something that parses to the same print.
  const char* scripts[] = {
      "a && b || c | d; e &",
      "if a; then b; elif c; then d; else e; fi",
      "for i in 1 2; do echo \"$i\"; done > out",
      "case $x in a|b) c;; *) d;& e) ;;& esac",
      "f() { local x=(1 2); echo ${x[@]:1} ${#x} $(( x + 1 )); }",
      "[[ -n $a && ( $b == c* || $d =~ ^e(f|g)$ ) ]]",
      "cat <<EOF | sort\nbody $x\nEOF\n",
      "while read -r l; do printf '%s\\n' \"$l\"; done < <(ls)",
      "coproc N { cat; }; exec {fd}>&-; echo $'a\\tb' \"${x//a/b}\"",
      "for ((i=0; i<3; i++)); do :; done; (( x++ )); time -p ! a",
  };
  for (const char* s : scripts) {
    ParseError err;
    auto l = parse_script(s, err);
    ASSERT_TRUE(l) << s << ": " << err.message;
    std::string once = print_list(*l);
    auto l2 = parse_script(once, err);
    ASSERT_TRUE(l2) << once << ": " << err.message;
    EXPECT_EQ(print_list(*l2), once) << s;
  }
}
