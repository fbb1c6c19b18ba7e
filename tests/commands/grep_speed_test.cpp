// Manual speed check: BURROW_GREP_BENCH=/path/to/big.log commands_tests --gtest_filter='GrepSpeed*'
// (benchmarks proper live in bench/; this only prints timings).
#include <gtest/gtest.h>

#include <chrono>

#include "commands/text_diff_util.h"

namespace burrow::testing {
namespace {

TEST(GrepSpeed, BigLog) {
  const char* path = getenv("BURROW_GREP_BENCH");
  if (!path) GTEST_SKIP() << "set BURROW_GREP_BENCH";
  std::string data = slurp(path);
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {"grep", "-c", "ERROR"}, {"grep", "-c", "timeout.*database"}, {"grep", "-o", "id=[0-9]*"},
           {"grep", "-ci", "error"}, {"grep", "-c", "-E", "(cache|user)[0-9]?x"}, {"grep", "-vc", "INFO"},
           {"grep", "-cw", "gamma"}, {"grep", "-n", "user"}, {"grep", "-cP", "time\\w+\\s"}, {"grep", "-c", "e"},
           {"grep", "-c", "."}, {"grep", "-vc", "zzz"}, {"grep", "-c", "^2026"}, {"grep", "-n", "a"}}) {
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

namespace burrow::testing {
namespace {

TEST(GrepSpeed, ManyFixedStrings) {
  const char* path = getenv("BURROW_GREP_BENCH");
  const char* words = getenv("BURROW_GREP_WORDS");
  if (!path || !words) GTEST_SKIP() << "set BURROW_GREP_BENCH and BURROW_GREP_WORDS";
  std::string data = slurp(path);
  for (std::vector<std::string> args : std::vector<std::vector<std::string>>{
           {"grep", "-c", "-F", "-f", "/w"}, {"grep", "-c", "-w", "-F", "-f", "/w"}, {"grep", "-c", "-f", "/w"}}) {
    vfs::MemFs fs;
    vfs::write_file(fs, "/w", slurp(words));
    auto start = std::chrono::steady_clock::now();
    CommandResult r = run_command_in(&fs, args, data);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string joined;
    for (auto& a : args) joined += a + " ";
    std::printf("%-40s %.3fs (out %s)\n", joined.c_str(), secs, r.out.c_str());
  }
}

}  // namespace
}  // namespace burrow::testing
