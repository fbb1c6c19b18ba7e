// Manual speed check: BURROW_SED_BENCH=/path/to/big.log commands_tests --gtest_filter='SedSpeed*'
#include <gtest/gtest.h>

#include <chrono>

#include "commands/text_diff_util.h"

namespace burrow::testing {
namespace {

TEST(SedSpeed, BigLog) {
  const char* path = getenv("BURROW_SED_BENCH");
  if (!path) GTEST_SKIP() << "set BURROW_SED_BENCH";
  std::string data = slurp(path);
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {"sed", "s/user/USER/g"}, {"sed", "/ERROR/d"}, {"sed", "s/\\(id=\\)\\([0-9]*\\)/\\2\\1/"},
           {"sed", "-n", "/timeout.*cache/p"}, {"sed", "y/abc/xyz/"}}) {
    EmptyFs fs;
    auto start = std::chrono::steady_clock::now();
    CommandResult r = run_command_in(&fs, args, data);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string joined;
    for (auto& a : args) joined += a + " ";
    std::printf("%-40s %.3fs (out %zu bytes)\n", joined.c_str(), secs, r.out.size());
  }
}

}  // namespace
}  // namespace burrow::testing
