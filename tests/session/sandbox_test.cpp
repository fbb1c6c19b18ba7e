// burrow::Sandbox as an embedder sees it: roots, options, streaming, REPL helpers.
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <thread>
#include <fstream>

#include "burrow/sandbox.h"

namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    char tmpl[] = "/tmp/burrow-session-XXXXXX";
    path = mkdtemp(tmpl);
  }
  ~TempDir() { fs::remove_all(path); }
};

TEST(Sandbox, MemoryWorldDefaults) {
  auto sb = burrow::Sandbox::create({});
  auto r = sb->exec("pwd; echo $HOME $USER $HOSTNAME $PATH $BASH_VERSION $UID $EUID; echo $SHLVL");
  EXPECT_EQ(r.stdout_data,
            "/home/user\n/home/user user burrow /usr/local/bin:/usr/bin:/bin 5.2.15(1)-release 1000 1000\n1\n");
  EXPECT_EQ(r.exit_code, 0);
}

TEST(Sandbox, EnvAndCwdOptions) {
  burrow::SandboxOptions o;
  o.env["GREETING"] = "hello";
  o.cwd = "/tmp";
  auto sb = burrow::Sandbox::create(o);
  auto r = sb->exec("pwd; echo $GREETING; bash -c 'echo child $GREETING'");
  EXPECT_EQ(r.stdout_data, "/tmp\nhello\nchild hello\n");
}

TEST(Sandbox, OverlayNeverModifiesHost) {
  TempDir dir;
  std::ofstream(dir.path / "a.txt") << "original\n";
  burrow::SandboxOptions o;
  o.root = burrow::SandboxOptions::Root::kOverlay;
  o.host_dir = dir.path.string();
  o.cwd = "/";
  auto sb = burrow::Sandbox::create(o);
  auto r = sb->exec("cat a.txt; echo changed > a.txt; cat a.txt; echo new > b.txt");
  EXPECT_EQ(r.stdout_data, "original\nchanged\n");
  std::ifstream in(dir.path / "a.txt");
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "original");
  EXPECT_FALSE(fs::exists(dir.path / "b.txt"));
}

TEST(Sandbox, HostRootWrites) {
  TempDir dir;
  burrow::SandboxOptions o;
  o.root = burrow::SandboxOptions::Root::kHost;
  o.host_dir = dir.path.string();
  o.cwd = "/";
  auto sb = burrow::Sandbox::create(o);
  auto r = sb->exec("echo written > out.txt; cat /out.txt");
  EXPECT_EQ(r.stdout_data, "written\n");
  EXPECT_TRUE(fs::exists(dir.path / "out.txt"));
}

TEST(Sandbox, MissingHostDirThrows) {
  burrow::SandboxOptions o;
  o.root = burrow::SandboxOptions::Root::kHost;
  o.host_dir = "/nonexistent/burrow/dir";
  EXPECT_THROW(burrow::Sandbox::create(o), std::runtime_error);
}

TEST(Sandbox, StreamingIo) {
  auto sb = burrow::Sandbox::create({});
  std::string input = "line one\nline two\n";
  size_t pos = 0;
  std::string out, err;
  burrow::StreamIO io;
  io.read_stdin = [&](char* buf, size_t n) {
    size_t take = std::min(n, input.size() - pos);
    std::copy(input.data() + pos, input.data() + pos + take, buf);
    pos += take;
    return take;
  };
  io.write_stdout = [&](std::string_view d) { out.append(d); };
  io.write_stderr = [&](std::string_view d) { err.append(d); };
  int status = sb->exec_streaming("while read l; do echo \"<$l>\"; done; echo e >&2; exit 4", io);
  EXPECT_EQ(out, "<line one>\n<line two>\n");
  EXPECT_EQ(err, "e\n");
  EXPECT_EQ(status, 4);
  EXPECT_TRUE(sb->exited());
}

TEST(Sandbox, RunBashLikeHost) {
  auto sb = burrow::Sandbox::create({});
  std::string out, err;
  burrow::StreamIO io;
  io.read_stdin = [](char*, size_t) { return size_t{0}; };
  io.write_stdout = [&](std::string_view d) { out.append(d); };
  io.write_stderr = [&](std::string_view d) { err.append(d); };
  int status = sb->run_bash({"bash", "-c", "echo $0 $1; nope", "name", "arg"}, io);
  EXPECT_EQ(out, "name arg\n");
  EXPECT_EQ(err, "name: line 1: nope: command not found\n");
  EXPECT_EQ(status, 127);
}

TEST(Sandbox, IsComplete) {
  auto sb = burrow::Sandbox::create({});
  EXPECT_TRUE(sb->is_complete("echo hi\n"));
  EXPECT_FALSE(sb->is_complete("if true; then\n"));
  EXPECT_FALSE(sb->is_complete("echo 'open\n"));
  EXPECT_FALSE(sb->is_complete("cat <<EOF\nabc\n"));
  EXPECT_TRUE(sb->is_complete("fi\n"));  // a syntax error is complete: it is reported
}

TEST(Sandbox, SessionsAreIsolated) {
  auto a = burrow::Sandbox::create({});
  auto b = burrow::Sandbox::create({});
  a->exec("echo secret > /tmp/x; X=1");
  auto r = b->exec("cat /tmp/x; echo \"[$X]\"");
  EXPECT_EQ(r.stdout_data, "[]\n");
  EXPECT_EQ(r.stderr_data, "cat: /tmp/x: No such file or directory\n");
}


}  // namespace

namespace {

TEST(Sandbox, CancelWhileReadingBlockedStdin) {
  auto sb = burrow::Sandbox::create({});
  std::atomic<bool> release{false};
  burrow::StreamIO io;
  io.read_stdin = [&](char*, size_t) {
    while (!release.load()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return size_t{0};
  };
  io.write_stdout = [](std::string_view) {};
  io.write_stderr = [](std::string_view) {};
  int status = -1;
  std::thread t([&] { status = sb->exec_streaming("read x; echo never", io); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto start = std::chrono::steady_clock::now();
  sb->cancel();
  t.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(100));
  EXPECT_EQ(status, 130);
  release.store(true);
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

// Sandbox::cancel(SIGINT) is a terminal's Ctrl-C: it interrupts the running
// command, and a shell that traps INT runs its trap and carries on.
struct InterruptedRun {
  std::string out;
  int status = -1;
};

// The script prints "ready\n" once its trap is set; the interrupt comes then.
InterruptedRun run_and_interrupt(const std::string& script, int signal) {
  auto sb = burrow::Sandbox::create({});
  InterruptedRun run;
  std::mutex out_mutex;
  burrow::StreamIO io;
  io.read_stdin = [](char*, size_t) { return size_t{0}; };
  io.write_stdout = [&](std::string_view d) {
    std::lock_guard<std::mutex> lock(out_mutex);
    run.out.append(d);
  };
  io.write_stderr = [](std::string_view) {};
  std::thread t([&] { run.status = sb->exec_streaming(script, io); });
  bool ready = false;
  for (int waits = 0; !ready && waits < 2000; ++waits) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    std::lock_guard<std::mutex> lock(out_mutex);
    ready = run.out.rfind("ready\n", 0) == 0;
  }
  EXPECT_TRUE(ready) << "the script never said it was ready: " << run.out;
  std::this_thread::sleep_for(std::chrono::milliseconds(50));  // into the sleep
  sb->cancel(signal);
  t.join();
  run.out.erase(0, 6);
  return run;
}

TEST(Sandbox, CtrlCRunsTheIntTrapAndTheScriptGoesOn) {
  InterruptedRun r = run_and_interrupt("trap 'echo caught' INT; echo ready; sleep 30; echo after $?", 2);
  EXPECT_EQ(r.out, "caught\nafter 130\n");
  EXPECT_EQ(r.status, 0);
}

TEST(Sandbox, CtrlCWithATrapThatExits) {
  InterruptedRun r = run_and_interrupt("trap 'echo caught; exit 5' INT; echo ready; sleep 30; echo never", 2);
  EXPECT_EQ(r.out, "caught\n");
  EXPECT_EQ(r.status, 5);
}

TEST(Sandbox, CtrlCIgnoredByTrapEmptyString) {
  InterruptedRun r = run_and_interrupt("trap '' INT; echo ready; sleep 0.5; echo finished $?", 2);
  EXPECT_EQ(r.out, "finished 0\n");
  EXPECT_EQ(r.status, 0);
}

TEST(Sandbox, CtrlCWithoutATrapEndsTheScript) {
  InterruptedRun r = run_and_interrupt("echo ready; sleep 30; echo never", 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.status, 130);
}

TEST(Sandbox, CtrlCReachesTheTrapOfANestedForegroundShell) {
  InterruptedRun r = run_and_interrupt("bash -c 'trap \"echo inner\" INT; echo ready; sleep 30; echo inner done'; echo outer $?", 2);
  EXPECT_EQ(r.out, "inner\ninner done\nouter 0\n");
  EXPECT_EQ(r.status, 0);
}

}  // namespace
