// Resource attacks. Each runs in one session on its own thread and must end
// within its limit with a clear message and a non-zero status, while a second
// session in the same process keeps answering.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "burrow/sandbox.h"

namespace {

using Clock = std::chrono::steady_clock;

struct Attack {
  const char* name;
  const char* script;
  const char* message;  // a substring the attacker's stderr must contain
};

burrow::Limits tight_limits() {
  burrow::Limits l;
  l.wall_time_seconds = 10;
  l.max_string_bytes = 8 << 20;
  l.max_output_bytes = 4 << 20;
  l.max_fs_bytes = 32 << 20;
  l.max_processes = 64;
  l.max_function_depth = 500;
  return l;
}

class ResourceAttack : public ::testing::TestWithParam<Attack> {};

TEST_P(ResourceAttack, EndsWithAnErrorWhileAnotherSessionAnswers) {
  const Attack& a = GetParam();
  burrow::SandboxOptions o;
  o.limits = tight_limits();
  auto attacker = burrow::Sandbox::create(o);
  auto bystander = burrow::Sandbox::create({});

  std::atomic<bool> done{false};
  burrow::ExecResult result;
  auto start = Clock::now();
  std::thread t([&] {
    result = attacker->exec(a.script);
    done = true;
  });

  // While the attack runs, the bystander must keep answering quickly.
  int answers = 0;
  while (!done) {
    auto q = Clock::now();
    auto r = bystander->exec("echo $((6*7)) | cat");
    EXPECT_EQ(r.stdout_data, "42\n");
    EXPECT_LT(std::chrono::duration<double>(Clock::now() - q).count(), 5.0) << "bystander starved";
    ++answers;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    if (Clock::now() - start > std::chrono::seconds(60)) {
      attacker->cancel();
      ADD_FAILURE() << a.name << ": did not end within 60 s; cancelled";
      break;
    }
  }
  t.join();
  double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  EXPECT_LT(seconds, 30.0) << a.name;
  EXPECT_NE(result.exit_code, 0) << a.name;
  EXPECT_NE(result.stderr_data.find(a.message), std::string::npos)
      << a.name << ": stderr was: " << result.stderr_data.substr(0, 2000);
  EXPECT_LE(result.stdout_data.size() + result.stderr_data.size(), (5u << 20)) << a.name;
  // The attacker's session is still usable afterwards.
  auto after = attacker->exec("echo alive");
  EXPECT_EQ(after.stdout_data, "alive\n") << a.name;
  RecordProperty("bystander_answers", answers);
}

INSTANTIATE_TEST_SUITE_P(
    Attacks, ResourceAttack,
    ::testing::Values(
        Attack{"ForkBomb", ":(){ :|:& };:", "limit"},
        Attack{"InfiniteLoop", "while :; do :; done", "limit"},
        Attack{"InfiniteForLoop", "for ((;;)); do x=1; done", "limit"},
        Attack{"StringDoubling", "s=x; while :; do s=$s$s; done", "limit"},
        Attack{"HugeArray", "a=(); for ((i=0;;i++)); do a+=($i $i $i $i); done", "limit"},
        Attack{"HugeBraceExpansion", "echo {1..99999999}", "limit"},
        Attack{"DeepRecursion", "f() { f; }; f", "maximum function nesting level exceeded"},
        Attack{"DeepSubstitution", "f() { echo $(f); }; f", "limit"},
        Attack{"OutputFlood", "yes", "limit"},
        Attack{"OutputFloodPipe", "yes | cat | cat", "limit"},
        Attack{"QuotaWrite", "head -c 1073741824 /dev/zero > /tmp/big", "No space left on device"},
        Attack{"YesToFile", "yes > /tmp/yes", "No space left on device"},
        Attack{"DdQuota", "dd if=/dev/zero of=/tmp/dd bs=1M count=1024", "No space left on device"},
        Attack{"RegexBombGrep", "head -c 30000 /dev/zero | tr '\\0' a > /tmp/a; for i in 1 2 3 4 5 6 7 8 9; do "
                                "grep -E '(a*)*(a*)*(a*)*b' /tmp/a; grep -E '^(a|a?)+$' /tmp/a; done; "
                                "while :; do :; done", "limit"},
        Attack{"RegexBombBackref", "head -c 5000 /dev/zero | tr '\\0' a > /tmp/a; while :; do "
                                   "grep -E '(a*)*\\1b' /tmp/a; sed -E 's/(a*)*\\1b/x/' /tmp/a >/dev/null; done",
               "limit"},
        Attack{"GzipBombToFile", "head -c 200000000 /dev/zero | gzip -1 > /tmp/b.gz; ls -l /tmp/b.gz; gunzip /tmp/b.gz",
               "No space left on device"},
        Attack{"GzipBombToOutput", "head -c 200000000 /dev/zero | gzip -1 > /tmp/b.gz; zcat /tmp/b.gz", "limit"},
        Attack{"XzBombToFile", "head -c 100000000 /dev/zero | xz -0 > /tmp/b.xz; xz -d /tmp/b.xz",
               "No space left on device"},
        Attack{"ZstdBombToFile", "head -c 200000000 /dev/zero | zstd -19 > /tmp/b.zst; ls -l /tmp/b.zst; zstd -d /tmp/b.zst",
               "No space left on device"},
        Attack{"ZstdBombToOutput", "head -c 200000000 /dev/zero | zstd > /tmp/b.zst; zstdcat /tmp/b.zst", "limit"},
        Attack{"ZipBomb", "cd /tmp; head -c 20000000 /dev/zero > z; zip -q b.zip z; rm z; ls -l b.zip;"
                          "for i in 1 2 3 4; do unzip -q b.zip -d x$i || exit; done",
               "No space left on device"},
        Attack{"BackgroundFlood", "while :; do sleep 10 & done", "limit"},
        Attack{"ManyFiles", "mkdir /tmp/d; cd /tmp/d; i=0; while :; do echo $i > f$i; i=$((i+1)); done",
               "limit"}),
    [](const auto& info) { return std::string(info.param.name); });

// A tight wall-clock limit is honoured even when the script is blocked in a
// pipe or a sleep.
TEST(ResourceLimits, WallTimeEndsBlockedScripts) {
  for (const char* script : {"sleep 100", "cat", "yes | sleep 100", "read x", "while :; do :; done | cat"}) {
    burrow::SandboxOptions o;
    o.limits.wall_time_seconds = 0.5;
    auto sb = burrow::Sandbox::create(o);
    auto start = Clock::now();
    auto r = sb->exec(script);
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    EXPECT_LT(seconds, 3.0) << script;
    // exec() gives an empty stdin, so `cat` and `read` end at once.
    if (std::string(script) != "cat" && std::string(script) != "read x") {
      EXPECT_NE(r.exit_code, 0) << script;
      EXPECT_NE(r.stderr_data.find("limit"), std::string::npos) << script << ": " << r.stderr_data;
    }
  }
}

}  // namespace
