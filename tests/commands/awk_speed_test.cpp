// Manual speed check: BURROW_AWK_BENCH=/path/to/big.log commands_tests --gtest_filter='AwkSpeed*'
// Prints our time next to the host gawk's for the same program.
#include <gtest/gtest.h>

#include <chrono>

#include "commands/text_diff_util.h"

namespace burrow::testing {
namespace {

TEST(AwkSpeed, BigLog) {
  const char* path = getenv("BURROW_AWK_BENCH");
  if (!path) GTEST_SKIP() << "set BURROW_AWK_BENCH";
  std::string data = slurp(path);
  for (std::string prog : {"{s += $6} END {print s}", "$5 == 404 {n++} END {print n}", "{print $1, $4}",
                           "{c[$4]++} END {for (k in c) n++; print n}", "/500/ {n++} END {print n+0}",
                           "{n += length($0)} END {print n}", "-F/ {print $2}"}) {
    std::vector<std::string> args = {"gawk"};
    if (prog.rfind("-F", 0) == 0) {
      args.push_back(prog.substr(0, 3));
      prog = prog.substr(4);
    }
    args.push_back(prog);
    EmptyFs fs;
    auto start = std::chrono::steady_clock::now();
    CommandResult r = run_command_in(&fs, args, data);
    double ours = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::string cmd = "gawk";
    for (size_t i = 1; i < args.size(); ++i) cmd += " " + shell_quote(args[i]);
    cmd += std::string(" < ") + path + " > /dev/null";
    start = std::chrono::steady_clock::now();
    (void)!system(cmd.c_str());
    double host = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%-45s ours %.3fs  gawk %.3fs  (out %zu bytes)\n", prog.c_str(), ours, host, r.out.size());
  }
}

}  // namespace
}  // namespace burrow::testing
