// python3 in the sandbox: CPython translated from WebAssembly, running over
// the session's filesystem and fds through src/wasm/'s WASI layer.
#include <gtest/gtest.h>

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>
#include <vector>

#include "burrow/sandbox.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

std::unique_ptr<burrow::Sandbox> sandbox(burrow::Limits limits = {}) {
  burrow::SandboxOptions options;
  options.limits = limits;
  return burrow::Sandbox::create(options);
}

// A build configured without BURROW_PYTHON_DIR (a sanitizer tree, say) has a
// python3 that only explains itself; these tests need the real one.
bool python_built() {
  static const bool built = sandbox()->exec("python3 -c 'print(6*7)'").stdout_data == "42\n";
  return built;
}

#define REQUIRE_PYTHON() \
  if (!python_built()) GTEST_SKIP() << "python3 not built (scripts/build-python.sh)"

TEST(Python, RunsCodeAndReportsTheVersion) {
  REQUIRE_PYTHON();
  auto sb = sandbox();
  auto r = sb->exec("python3 -c 'import sys; print(sys.version_info[:2], sys.platform)'; python3 -V");
  EXPECT_EQ(r.stdout_data, "(3, 11) wasi\nPython 3.11.2\n");
  EXPECT_EQ(r.exit_code, 0);
}

TEST(Python, ExitStatusAndUncaughtException) {
  REQUIRE_PYTHON();
  auto sb = sandbox();
  auto r = sb->exec("python3 -c 'import sys; sys.exit(3)'; echo $?");
  EXPECT_EQ(r.stdout_data, "3\n");
  r = sb->exec("python3 -c 'raise ValueError(\"bad\")'; echo $?");
  EXPECT_EQ(r.stdout_data, "1\n");
  EXPECT_NE(r.stderr_data.find("ValueError: bad"), std::string::npos) << r.stderr_data;
  r = sb->exec("python3 -c 'print(('; echo $?");
  EXPECT_EQ(r.stdout_data, "1\n");
  EXPECT_NE(r.stderr_data.find("SyntaxError"), std::string::npos) << r.stderr_data;
}

TEST(Python, ReadsAndWritesSessionFiles) {
  REQUIRE_PYTHON();
  auto sb = sandbox();
  const char* script = R"PY(
import csv, json, pathlib, shutil, tempfile, os
p = pathlib.Path("data")
p.mkdir()
(p / "a.json").write_text(json.dumps({"n": [1, 2, 3]}))
with open(p / "t.csv", "w", newline="") as f:
    csv.writer(f).writerows([["name", "qty"], ["bolt", 5], ["nut", 7]])
shutil.copy(p / "a.json", p / "b.json")
with tempfile.NamedTemporaryFile("w", dir="/tmp", delete=False, suffix=".txt") as t:
    t.write("temp")
print(sorted(os.listdir(p)), json.loads((p / "b.json").read_text())["n"], os.getcwd())
print(sum(int(r["qty"]) for r in csv.DictReader(open(p / "t.csv"))))
print(open(t.name).read(), os.path.dirname(t.name))
)PY";
  auto r = sb->exec(std::string("cd /home/user && cat > s.py <<'EOF'\n") + script + "EOF\npython3 s.py");
  EXPECT_EQ(r.stdout_data, "['a.json', 'b.json', 't.csv'] [1, 2, 3] /home/user\n12\ntemp /tmp\n") << r.stderr_data;
  // What Python wrote is there for the shell's commands.
  r = sb->exec("cat /home/user/data/t.csv | tr -d '\\r'; ls /home/user/data");
  EXPECT_EQ(r.stdout_data, "name,qty\nbolt,5\nnut,7\na.json\nb.json\nt.csv\n");
}

TEST(Python, PipesInAndOut) {
  REQUIRE_PYTHON();
  auto sb = sandbox();
  auto r = sb->exec("seq 5 | python3 -c 'import sys; print(sum(int(l) for l in sys.stdin))'");
  EXPECT_EQ(r.stdout_data, "15\n");
  // The reader leaves after one line: python3 must end promptly, not block.
  auto start = Clock::now();
  r = sb->exec("python3 -c 'import itertools\nfor i in itertools.count(): print(i)' | head -1; echo ${PIPESTATUS[1]}");
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(r.stdout_data, "0\n0\n");
}

TEST(Python, ScriptsFromFilesStdinAndShebang) {
  REQUIRE_PYTHON();
  auto sb = sandbox();
  auto r = sb->exec(
      "printf '#!/usr/bin/env python3\\nimport sys\\nprint(\"args\", sys.argv[1:])\\n' > /tmp/t.py; chmod +x /tmp/t.py;"
      "/tmp/t.py a b; python3 /tmp/t.py c; echo 'print(2+2)' | python3; python3 - x <<< 'import sys; print(sys.argv)'");
  EXPECT_EQ(r.stdout_data, "args ['a', 'b']\nargs ['c']\n4\n['-', 'x']\n") << r.stderr_data;
  r = sb->exec("python3 -m json.tool <<< '{\"a\":1}'");
  EXPECT_EQ(r.stdout_data, "{\n    \"a\": 1\n}\n") << r.stderr_data;
}

TEST(Python, ProcessesFailCleanly) {
  REQUIRE_PYTHON();
  auto sb = sandbox();
  auto r = sb->exec(R"(python3 -c '
import os, subprocess
try:
    subprocess.run(["ls"])
except Exception as e:
    print(type(e).__name__)
print(hasattr(os, "system") and os.system("ls"))
')");
  EXPECT_EQ(r.exit_code, 0) << r.stderr_data;
  EXPECT_EQ(r.stdout_data.substr(0, r.stdout_data.find('\n')), "OSError") << r.stdout_data;
}

TEST(Python, PipSaysPackagesCannotBeInstalled) {
  auto sb = sandbox();
  auto r = sb->exec("pip install requests; echo $?");
  EXPECT_EQ(r.stdout_data, "1\n");
  EXPECT_NE(r.stderr_data.find("cannot be installed"), std::string::npos) << r.stderr_data;
}

TEST(Python, SleepEndsOnCancel) {
  REQUIRE_PYTHON();
  auto sb = sandbox();
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    sb->cancel();
  });
  auto start = Clock::now();
  auto r = sb->exec("python3 -c 'import time; time.sleep(60)'; echo after");
  auto took = Clock::now() - start;
  canceller.join();
  EXPECT_LT(took, std::chrono::seconds(5));
  EXPECT_NE(r.exit_code, 0);
}

TEST(Python, BusyLoopEndsAtTheTimeLimit) {
  REQUIRE_PYTHON();
  burrow::Limits limits;
  limits.wall_time_seconds = 2;
  auto sb = sandbox(limits);
  auto start = Clock::now();
  auto r = sb->exec("python3 -c 'while True: pass'");
  auto took = Clock::now() - start;
  EXPECT_LT(took, std::chrono::seconds(4));
  EXPECT_NE(r.exit_code, 0);
  EXPECT_NE(r.stderr_data.find("time limit"), std::string::npos) << r.stderr_data;
  // The session still works afterwards.
  EXPECT_EQ(sb->exec("python3 -c 'print(1)'").stdout_data, "1\n");
}

TEST(Python, BusyLoopStopsSoonAfterCancel) {
  REQUIRE_PYTHON();
  auto sb = sandbox();
  Clock::time_point cancelled_at;
  std::thread canceller([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(1000));
    cancelled_at = Clock::now();
    sb->cancel();
  });
  auto r = sb->exec("python3 -c 'while True: pass'");
  auto latency = Clock::now() - cancelled_at;
  canceller.join();
  EXPECT_EQ(r.exit_code, 130);
  // The target is 100 ms; a loaded CI machine gets some slack.
  EXPECT_LT(latency, std::chrono::milliseconds(500));
}

TEST(Python, RunawayCRecursionIsATrapNotACrash) {
  REQUIRE_PYTHON();
  auto sb = sandbox();
  // json's C encoder recursing through 300,000 nested lists with the
  // recursion limit lifted: native CPython would overflow its stack and die.
  // Here the program's stack in linear memory runs out first (an
  // out-of-bounds trap); a native stack overflow would be an exhaustion trap.
  auto r = sb->exec("python3 -c 'import sys, json; sys.setrecursionlimit(10**8); x = []\n"
                    "for i in range(300000): x = [x]\nprint(len(json.dumps(x)))'; echo status $?");
  EXPECT_EQ(r.stdout_data, "status 134\n");
  EXPECT_NE(r.stderr_data.find("python3: fatal error: "), std::string::npos) << r.stderr_data;
  EXPECT_EQ(sb->exec("python3 -c 'print(\"still here\")'").stdout_data, "still here\n");
}

TEST(Python, MemoryBombEndsInMemoryErrorAtTheCap) {
  REQUIRE_PYTHON();
  burrow::Limits limits;
  limits.max_wasm_memory_bytes = 128ull << 20;
  auto sb = sandbox(limits);
  auto r = sb->exec(R"(python3 -c '
blocks = []
try:
    while True:
        blocks.append(bytearray(8 << 20))
except MemoryError:
    print("MemoryError after", len(blocks), "blocks")
')");
  EXPECT_EQ(r.exit_code, 0) << r.stderr_data;
  EXPECT_EQ(r.stdout_data.rfind("MemoryError after ", 0), 0u) << r.stdout_data;
  int blocks = std::atoi(r.stdout_data.c_str() + 18);
  EXPECT_GT(blocks, 5);
  EXPECT_LT(blocks, 16);  // 128 MiB / 8 MiB
}

TEST(Python, FiftyInstancesAtOnce) {
  REQUIRE_PYTHON();
  constexpr int kThreads = 50;
  std::vector<std::string> outputs(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([i, &outputs] {
      auto sb = sandbox();
      outputs[i] = sb->exec("python3 -c 'import sys, hashlib; n = int(sys.argv[1]); "
                            "print(n, sum(range(n * 1000)), hashlib.sha256(str(n).encode()).hexdigest()[:8])' " +
                            std::to_string(i))
                       .stdout_data;
    });
  for (auto& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i) {
    long long n = i * 1000LL;
    std::string expected_prefix = std::to_string(i) + " " + std::to_string(n * (n - 1) / 2) + " ";
    EXPECT_EQ(outputs[i].rfind(expected_prefix, 0), 0u) << i << ": " << outputs[i];
    EXPECT_EQ(outputs[i].size(), expected_prefix.size() + 9) << outputs[i];
  }
}

TEST(Python, CannotReachHostPaths) {
  REQUIRE_PYTHON();
  // A canary on the host beside an overlay root: nothing Python does inside
  // the sandbox may read it or write next to it.
  char tmpl[] = "/tmp/burrow-py-XXXXXX";
  fs::path base = mkdtemp(tmpl);
  fs::create_directories(base / "root");
  std::ofstream(base / "canary.txt") << "host secret\n";
  burrow::SandboxOptions options;
  options.root = burrow::SandboxOptions::Root::kHost;
  options.host_dir = (base / "root").string();
  auto sb = burrow::Sandbox::create(options);
  auto r = sb->exec(R"(cd / && python3 -c '
import os
for p in ["../canary.txt", "/../canary.txt", "/proc/self/root/etc/passwd", ")" + base.string() + R"(/canary.txt"]:
    try:
        print(open(p).read())
    except OSError as e:
        print("denied", type(e).__name__)
os.symlink("/../..", "up")
try:
    print(os.listdir("up/.."))
except OSError as e:
    print("denied", type(e).__name__)
open("../escape.txt", "w").write("x")
')");
  EXPECT_EQ(r.stdout_data.find("host secret"), std::string::npos) << r.stdout_data;
  EXPECT_FALSE(fs::exists(base / "escape.txt"));
  EXPECT_TRUE(fs::exists(base / "root" / "escape.txt"));  // ".." stopped at the sandbox root
  fs::remove_all(base);
}

}  // namespace
