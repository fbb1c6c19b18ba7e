// Differential cases: each script in interp_cases/differential.txt runs in a
// fresh Sandbox and in the host's `bash -c`; stdout, stderr and status must
// be identical. (Tests may start host processes; the product never does.)
#include <gtest/gtest.h>

#include "support/tests_dir.h"
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "burrow/sandbox.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> load_cases() {
  fs::path file = burrow::testing::tests_dir() / "shell" / "interp_cases" / "differential.txt";
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  std::vector<std::string> cases;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t sep = text.find("\n---\n", pos);
    std::string c = text.substr(pos, sep == std::string::npos ? std::string::npos : sep - pos);
    while (!c.empty() && c.back() == '\n') c.pop_back();
    if (!c.empty() && c[0] != '#') cases.push_back(c);
    if (sep == std::string::npos) break;
    pos = sep + 5;
  }
  return cases;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

burrow::ExecResult host_bash(const std::string& script, const fs::path& dir) {
  fs::path script_file = dir / ".script", out = dir / ".out", err = dir / ".err";
  std::ofstream(script_file) << script;
  std::string cmd = "cd '" + dir.string() + "' && HOME=/home/user bash -c \"$(cat .script)\" >.out 2>.err";
  int status = std::system(cmd.c_str());
  burrow::ExecResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.stdout_data = slurp(out);
  r.stderr_data = slurp(err);
  fs::remove(script_file);
  fs::remove(out);
  fs::remove(err);
  return r;
}

TEST(InterpDifferential, MatchesHostBash) {
  auto cases = load_cases();
  ASSERT_GT(cases.size(), 100u);
  char tmpl[] = "/tmp/burrow-interp-diff-XXXXXX";
  fs::path dir = mkdtemp(tmpl);
  int failures = 0;
  for (const std::string& script : cases) {
    burrow::SandboxOptions o;
    o.cwd = "/tmp";
    auto sb = burrow::Sandbox::create(o);
    burrow::ExecResult got = sb->exec(script);
    burrow::ExecResult want = host_bash(script, dir);
    bool same = got.stdout_data == want.stdout_data && got.stderr_data == want.stderr_data &&
                got.exit_code == want.exit_code;
    if (!same) ++failures;
    EXPECT_EQ(got.stdout_data, want.stdout_data) << script;
    EXPECT_EQ(got.stderr_data, want.stderr_data) << script;
    EXPECT_EQ(got.exit_code, want.exit_code) << script;
  }
  fs::remove_all(dir);
  std::printf("differential: %zu cases, %d differ\n", cases.size(), failures);
}

}  // namespace
