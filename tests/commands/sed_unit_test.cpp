// sed behaviour that the differential tests cannot reach: the e command
// (which runs through the shell's ProcessHost) and hostile regexes.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "commands/text_diff_util.h"

namespace burrow::testing {
namespace {

// A host whose "shell" echoes the script back in brackets.
class EchoHost : public ProcessHost {
 public:
  int run_argv(const std::vector<std::string>&, Invocation&) override { return 0; }
  int run_script(std::string_view script, Invocation& io) override {
    scripts.emplace_back(script);
    std::string out = "[" + std::string(script) + "]\n";
    size_t written;
    io.fds->get(1)->write(out.data(), out.size(), written);
    return 0;
  }
  std::vector<std::string> scripts;
};

CommandResult run_with_host(std::vector<std::string> argv, std::string input, ProcessHost* host) {
  const CommandInfo* command = Registry::global().find(argv.at(0));
  auto out = std::make_shared<StringSink>();
  auto err = std::make_shared<StringSink>();
  FdTable fds;
  fds.set(0, make_string_source(std::move(input)));
  fds.set(1, out);
  fds.set(2, err);
  CancelToken cancel;
  Limits limits;
  Environment env;
  EmptyFs fs;
  Invocation inv;
  inv.argv = std::move(argv);
  inv.fds = &fds;
  inv.fs = &fs;
  inv.env = &env;
  inv.host = host;
  inv.cancel = &cancel;
  inv.limits = &limits;
  CommandResult r;
  r.status = run_command(*command, inv);
  r.out = out->take();
  r.err = err->take();
  return r;
}

TEST(SedExec, ECommandRunsThroughHost) {
  EchoHost host;
  auto r = run_with_host({"sed", "2e date"}, "a\nb\n", &host);
  EXPECT_EQ(r.out, "a\n[date]\nb\n");
  ASSERT_EQ(host.scripts.size(), 1u);
}

TEST(SedExec, EWithoutArgumentReplacesPatternSpace) {
  EchoHost host;
  auto r = run_with_host({"sed", "1e"}, "ls -l\nx\n", &host);
  EXPECT_EQ(r.out, "[ls -l]\nx\n");
}

TEST(SedExec, SubstituteEvalFlag) {
  EchoHost host;
  auto r = run_with_host({"sed", "s/.*/echo &/e"}, "hi\n", &host);
  EXPECT_EQ(r.out, "[echo hi]\n");
}

TEST(SedExec, SandboxRefusesE) {
  auto r = run_with_host({"sed", "--sandbox", "1e ls"}, "x\n", nullptr);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("disabled in sandbox mode"), std::string::npos);
}

TEST(SedExec, HostileRegexIsFast) {
  auto start = std::chrono::steady_clock::now();
  std::string line(20000, 'a');
  auto r = run_command_in(nullptr, {"sed", "-E", "s/(a*)*b/X/;s/(a|aa)*c/Y/"}, line + "\n");
  EXPECT_EQ(r.out, line + "\n");
  auto g = run_command_in(nullptr, {"grep", "-cE", "(x+x+)+y"}, std::string(30000, 'x') + "\n");
  EXPECT_EQ(g.out, "0\n");
  auto b = run_command_in(nullptr, {"grep", "-c", "\\(a*\\)*\\1b"}, line + "\n");
  EXPECT_EQ(b.out, "0\n");
  // No literal for PCRE2 to reject early: the match limit has to end it.
  auto c = run_command_in(nullptr, {"grep", "-c", "\\(a*\\)*\\1[bc]"}, std::string(3000, 'a') + "d\n");
  EXPECT_EQ(c.out, "0\n");
  auto d = run_command_in(nullptr, {"sed", "s/\\(a\\|aa\\)*\\1[bc]/X/"}, std::string(3000, 'a') + "d\n");
  EXPECT_EQ(d.out, std::string(3000, 'a') + "d\n");
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(secs, 3.0);
}

TEST(SedExec, InfiniteLoopStopsWhenCancelled) {
  const CommandInfo* command = Registry::global().find("sed");
  auto out = std::make_shared<StringSink>();
  auto err = std::make_shared<StringSink>();
  FdTable fds;
  fds.set(0, make_string_source("x\n"));
  fds.set(1, out);
  fds.set(2, err);
  CancelToken cancel;
  Limits limits;
  Environment env;
  Invocation inv;
  inv.argv = {"sed", ":a;s/x/x/;ba"};
  inv.fds = &fds;
  inv.env = &env;
  inv.cancel = &cancel;
  inv.limits = &limits;
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    cancel.cancel();
  });
  int status = run_command(*command, inv);
  stopper.join();
  EXPECT_EQ(status, 130);
}

TEST(SedExec, RunawayPatternSpaceIsCapped) {
  // The harness uses the default limits: 64 MiB per string.
  auto r = run_command_in(nullptr, {"sed", ":a;s/.*/&&/;ba"}, "x\n");
  EXPECT_EQ(r.status, 4);
  EXPECT_EQ(r.err, "sed: couldn't re-allocate memory\n");
}

TEST(GrepExec, PerlBacktrackingLimitIsAnError) {
  auto r = run_command_in(nullptr, {"grep", "-P", "(?:(a+)+)+\\1b"}, std::string(5000, 'a') + "c\n");
  // Either PCRE2 proves there is no match quickly, or it reports the limit.
  if (r.status == 2) EXPECT_EQ(r.err, "grep: exceeded PCRE's backtracking limit\n");
  else EXPECT_EQ(r.status, 1);
}

TEST(GrepExec, StopsEarlyOnInfiniteLikeInput) {
  // -m1 must not need the rest of the input.
  std::string big;
  for (int i = 0; i < 200000; ++i) big += "line " + std::to_string(i) + "\n";
  auto r = run_command_in(nullptr, {"grep", "-m1", "line 5"}, big);
  EXPECT_EQ(r.out, "line 5\n");
}

}  // namespace
}  // namespace burrow::testing
