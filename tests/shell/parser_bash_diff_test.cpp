// Differential tests against the host's /bin/bash: `declare -f` layout and
// syntax error messages, from the case files in data/.
#include <gtest/gtest.h>

#include "support/tests_dir.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "shell/parser_test_util.h"

namespace {

std::vector<std::string> load_cases(const char* name) {
  auto path = burrow::testing::tests_dir() / "shell" / "data" / name;
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  std::vector<std::string> out;
  std::string cur, line;
  std::istringstream lines(ss.str());
  while (std::getline(lines, line)) {
    if (line == "%%") {
      if (!cur.empty()) {
        cur.pop_back();  // the newline before %%
        out.push_back(cur);
      }
      cur.clear();
      continue;
    }
    cur += line + "\n";
  }
  return out;
}

bool have_bash() { return std::filesystem::exists("/bin/bash"); }

TEST(ParserBashDiff, DeclareFLayout) {
  if (!have_bash()) GTEST_SKIP();
  auto cases = load_cases("parser_print_cases.txt");
  ASSERT_GT(cases.size(), 50u);
  for (const auto& c : cases) {
    std::string expected = parser_test::run_bash(c + "\ndeclare -f f", "-O extglob");
    // $(...) in bash drops the trailing newline of declare -f's output; ours
    // always ends in one.
    std::string got = parser_test::our_declare_f(c);
    while (!expected.empty() && expected.back() == '\n') expected.pop_back();
    while (!got.empty() && got.back() == '\n') got.pop_back();
    EXPECT_EQ(got, expected) << "script:\n" << c;
  }
}

TEST(ParserBashDiff, SyntaxErrors) {
  if (!have_bash()) GTEST_SKIP();
  auto cases = load_cases("parser_error_cases.txt");
  ASSERT_GT(cases.size(), 80u);
  for (const auto& c : cases) {
    std::string all = parser_test::run_bash(c, "-O extglob");
    // Keep only the parser's lines (not output of commands that ran first).
    std::string expected;
    std::istringstream in(all);
    std::string line;
    while (std::getline(in, line)) {
      if (line.rfind("bash: -c: line ", 0) == 0) expected += line + "\n";
    }
    EXPECT_EQ(parser_test::our_error(c), expected) << "script:\n" << c;
  }
}

}  // namespace
