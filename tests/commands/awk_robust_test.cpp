// awk must never crash on hostile programs: deep nesting, huge strings, runaway loops.
#include <gtest/gtest.h>

#include <thread>

#include "commands/text_diff_util.h"

namespace burrow::testing {
namespace {

CommandResult awk(std::vector<std::string> args, std::string input = "") {
  args.insert(args.begin(), "awk");
  vfs::MemFs fs;
  fs.mkdir("/w", 0755);
  return run_command_in(&fs, args, input, "/w");
}

TEST(AwkRobust, DeepNesting) {
  for (std::string open : {"(", "-", "!", "$", "{", "2^", "++", "--", "$-", "a[", "f(", "1?"}) {
    std::string prog = "BEGIN { x = ";
    if (open == "{") prog = "BEGIN ";
    for (int i = 0; i < 100000; ++i) prog += open;
    CommandResult r = awk({prog});
    EXPECT_NE(r.status, 0) << open;
  }
  std::string chain = "BEGIN { x = 1";
  for (int i = 0; i < 100000; ++i) chain += "+1";
  chain += "; print x }";
  CommandResult r = awk({chain});
  EXPECT_TRUE(r.status == 0 || r.status == 2);
}

TEST(AwkRobust, Recursion) {
  CommandResult r = awk({"function f(n) { return f(n + 1) } BEGIN { f(1) }"});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("fatal"), std::string::npos);
}

TEST(AwkRobust, StringGrowthIsBounded) {
  CommandResult r = awk({"BEGIN { s = \"x\"; while (1) s = s s }"});
  EXPECT_EQ(r.status, 2);
}

TEST(AwkRobust, Garbage) {
  const char* progs[] = {"", "{", "}", "((", "/", "\"", "BEGIN { getline < }", "function", "function f(", "$",
                         "a[", "print >", "BEGIN{printf \"%*.*d\\n\"}", "BEGIN{x[1]=1; x=2}", "BEGIN{f()}",
                         "BEGIN { split(\"a\", SUBSEP) }", "BEGIN{NF=-1}", "BEGIN{$100000000=1}",
                         "BEGIN { printf \"%c\", 0; printf \"%.5000f\", 1 }", "BEGIN { RS = \"(\" } { print }",
                         "BEGIN { x = \"[\"; print \"a\" ~ x }", "{ print $(-1) }", "BEGIN{while(1)break}",
                         "BEGIN { sub(/x/, \"y\", \"lit\") }", "BEGIN { getline x < \"/\" }"};
  for (const char* p : progs) {
    CommandResult r = awk({p}, "a b\n");
    (void)r;
  }
  SUCCEED();
}

// Random token soups (no loops, so every run ends) must not crash.
TEST(AwkRobust, TokenSoup) {
  const char* toks[] = {"BEGIN", "END", "{", "}", "(", ")", "[", "]", ";", "\n", ",", "$", "1", "0", "\"s\"",
                        "/a+/", "x", "a", "NF", "NR", "$0", "=", "+=", "++", "--", "+", "-", "*", "/", "%", "^",
                        "!", "~", "!~", "<", ">", "==", "&&", "||", "?", ":", "in", "print", "printf", "getline",
                        "if", "else", "next", "exit", "delete", "function", "f", "return", "split", "sub", "gsub",
                        "substr", "length", "sprintf", "\"%d%s\"", "|", ">>", "close", "match", "index"};
  uint32_t seed = 12345;
  auto rnd = [&]() {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7fff;
  };
  for (int iter = 0; iter < 20000; ++iter) {
    std::string prog;
    int n = 1 + static_cast<int>(rnd() % 25);
    for (int i = 0; i < n; ++i) {
      prog += toks[rnd() % (sizeof toks / sizeof *toks)];
      prog += ' ';
    }
    CommandResult r = awk({prog}, "a b c\n1 2 3\n");
    EXPECT_TRUE(r.status == 0 || r.status == 1 || r.status == 2 || r.status < 256) << prog;
  }
}

TEST(AwkRobust, RunawayLoopStopsOnCancel) {
  auto out = std::make_shared<StringSink>();
  auto err = std::make_shared<StringSink>();
  FdTable fds;
  fds.set(0, make_string_source(""));
  fds.set(1, out);
  fds.set(2, err);
  CancelToken cancel;
  Limits limits;
  vfs::MemFs fs;
  Environment env;
  Invocation inv;
  inv.argv = {"awk", "BEGIN { while (1) x++ }"};
  inv.fds = &fds;
  inv.fs = &fs;
  inv.env = &env;
  inv.cancel = &cancel;
  inv.limits = &limits;
  std::thread stopper([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    cancel.cancel();
  });
  int status = run_command(*Registry::global().find("awk"), inv);
  stopper.join();
  EXPECT_NE(status, 0);
}

}  // namespace
}  // namespace burrow::testing
