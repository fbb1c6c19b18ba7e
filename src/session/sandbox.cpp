// burrow::Sandbox: a session's filesystem, shell state and limits.
#include <condition_variable>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "burrow/sandbox.h"
#include "process/string_files.h"
#include "shell/interp.h"
#include "shell/parser.h"
#include "vfs/host_fs.h"
#include "vfs/layout.h"
#include "vfs/mem_fs.h"
#include "vfs/overlay_fs.h"

namespace burrow {
namespace {

using shell::Interp;
using shell::ShellContext;
using shell::ShellState;
using shell::Var;

// The embedder's stdin. Reads happen on a helper thread so that a blocked
// read (a terminal waiting for a line) still gives way to cancel(); input
// read ahead is kept for the next read.
class StreamIn : public vfs::File {
 public:
  StreamIn(std::function<size_t(char*, size_t)> fn, bool tty, CancelToken* cancel)
      : shared_(std::make_shared<Shared>()), tty_(tty), cancel_(cancel) {
    shared_->fn = std::move(fn);
  }
  vfs::Error read(void* buf, size_t n, size_t& got) override {
    got = 0;
    if (n == 0) return {};
    std::unique_lock<std::mutex> lock(shared_->mutex);
    if (shared_->eof && shared_->data.empty()) return {};
    if (shared_->data.empty() && !shared_->pending) {
      shared_->pending = true;
      std::thread([shared = shared_] {
        std::string tmp(65536, '\0');
        size_t g = shared->fn ? shared->fn(tmp.data(), tmp.size()) : 0;
        tmp.resize(g);
        std::lock_guard<std::mutex> l(shared->mutex);
        shared->data += tmp;
        if (g == 0) shared->eof = true;
        shared->pending = false;
        shared->cv.notify_all();
      }).detach();
    }
    while (shared_->data.empty() && shared_->pending) {
      if (cancel_ && cancel_->cancelled()) return vfs::make_error(EINTR);
      shared_->cv.wait_for(lock, CancelToken::wait_slice);
    }
    got = std::min(n, shared_->data.size());
    std::memcpy(buf, shared_->data.data(), got);
    shared_->data.erase(0, got);
    return {};
  }
  vfs::Error write(const void*, size_t, size_t& written) override {
    written = 0;
    return vfs::make_error(EBADF);
  }
  vfs::Error stat(vfs::Stat& out) override {
    out = vfs::Stat{};
    out.mode = (tty_ ? S_IFCHR : S_IFIFO) | 0620;
    return {};
  }
  int open_flags() const override { return O_RDONLY; }
  bool is_terminal() const override { return tty_; }
  bool can_read_now() override {
    std::lock_guard<std::mutex> lock(shared_->mutex);
    return !shared_->data.empty() || shared_->eof;
  }

 private:
  struct Shared {
    std::mutex mutex;
    std::condition_variable cv;
    std::function<size_t(char*, size_t)> fn;
    std::string data;
    bool pending = false;
    bool eof = false;
  };
  std::shared_ptr<Shared> shared_;
  bool tty_;
  CancelToken* cancel_;
};

class StreamOut : public vfs::File {
 public:
  StreamOut(std::function<void(std::string_view)> fn, bool tty) : fn_(std::move(fn)), tty_(tty) {}
  vfs::Error read(void*, size_t, size_t& got) override {
    got = 0;
    return vfs::make_error(EBADF);
  }
  vfs::Error write(const void* buf, size_t n, size_t& written) override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (fn_) fn_(std::string_view(static_cast<const char*>(buf), n));
    written = n;
    return {};
  }
  vfs::Error stat(vfs::Stat& out) override {
    out = vfs::Stat{};
    out.mode = (tty_ ? S_IFCHR : S_IFIFO) | 0620;
    return {};
  }
  int open_flags() const override { return O_WRONLY; }
  bool is_terminal() const override { return tty_; }

 private:
  std::mutex mutex_;
  std::function<void(std::string_view)> fn_;
  bool tty_;
};

void set_global(ShellState& st, const std::string& name, const std::string& value, bool exported,
                bool readonly = false) {
  Var v;
  v.value = value;
  v.exported = exported;
  v.readonly = readonly;
  st.globals[name] = v;
}

class SandboxImpl : public Sandbox {
 public:
  explicit SandboxImpl(const SandboxOptions& options) : options_(options) {
    ctx_ = std::make_shared<ShellContext>();
    ctx_->limits = options.limits;
    vfs::FilesystemPtr root;
    switch (options.root) {
      case SandboxOptions::Root::kMemory: {
        auto fs = vfs::memory_world_template()->fork();
        if (options.limits.max_fs_bytes) fs->set_quota(options.limits.max_fs_bytes);
        root = fs;
        break;
      }
      case SandboxOptions::Root::kOverlay: {
        auto lower = std::make_shared<vfs::HostFs>(options.host_dir, true);
        auto upper = std::make_shared<vfs::MemFs>();
        if (options.limits.max_fs_bytes) upper->set_quota(options.limits.max_fs_bytes);
        root = std::make_shared<vfs::OverlayFs>(lower, upper);
        break;
      }
      case SandboxOptions::Root::kHost:
        root = std::make_shared<vfs::HostFs>(options.host_dir, false);
        break;
    }
    ctx_->fs = vfs::make_session_root(root, [](int fd) -> vfs::FilePtr {
      Interp* p = shell::current_process();
      return p ? p->fds.get(fd) : nullptr;
    });

    ShellState st;
    st.pid = ctx_->next_pid.fetch_add(1);
    st.bashpid = st.pid;
    st.ppid = st.pid - 1;
    set_global(st, "HOME", "/home/user", true);
    set_global(st, "USER", "user", true);
    set_global(st, "LOGNAME", "user", true);
    set_global(st, "HOSTNAME", "burrow", false);
    set_global(st, "PATH", "/usr/local/bin:/usr/bin:/bin", true);
    set_global(st, "SHELL", "/bin/bash", true);
    set_global(st, "SHLVL", "1", true);
    set_global(st, "IFS", " \t\n", false);
    set_global(st, "PS1", "\\s-\\v\\$ ", false);
    set_global(st, "PS2", "> ", false);
    set_global(st, "PS4", "+ ", false);
    set_global(st, "OPTIND", "1", false);
    set_global(st, "BASH", "/bin/bash", false);
    set_global(st, "BASH_VERSION", "5.2.15(1)-release", false);
    set_global(st, "HOSTTYPE", "x86_64", false);
    set_global(st, "MACHTYPE", "x86_64-pc-linux-gnu", false);
    set_global(st, "OSTYPE", "linux-gnu", false);
    set_global(st, "UID", "1000", false, true);
    set_global(st, "EUID", "1000", false, true);
    set_global(st, "PPID", std::to_string(st.ppid), false, true);
    for (const char* n : {"UID", "EUID", "PPID"}) st.globals[n].integer = true;  // declare -ir
    set_global(st, "TERM", "xterm-256color", true);
    set_global(st, "LANG", "C.UTF-8", true);
    Var vi;
    vi.is_array = true;
    vi.readonly = true;
    const char* info[] = {"5", "2", "15", "1", "release", "x86_64-pc-linux-gnu"};
    for (int i = 0; i < 6; ++i) vi.array[i] = info[i];
    st.globals["BASH_VERSINFO"] = vi;
    for (auto& [k, v] : options.env) set_global(st, k, v, true);

    std::string cwd = options.cwd;
    if (cwd.empty()) {
      vfs::Stat s;
      std::string home = st.globals["HOME"].value;
      cwd = (!ctx_->fs->stat(home, s) && S_ISDIR(s.mode)) ? home : "/";
    } else {
      cwd = vfs::normalize(cwd);
    }
    st.cwd = cwd;
    set_global(st, "PWD", cwd, true);
    shell_ = std::make_unique<Interp>(ctx_, std::move(st), FdTable{});
    shell_->parse_error_name = "bash: -c";
    shell_->refresh_option_vars();
    shell_->register_signal_target();
    std::lock_guard<std::mutex> lock(ctx_->targets_mutex);
    ctx_->foreground_shell = shell_.get();
  }

  ~SandboxImpl() override {
    ctx_->cancel.cancel(9);
    {
      std::lock_guard<std::mutex> lock(ctx_->targets_mutex);
      ctx_->foreground_shell = nullptr;
    }
    shell_.reset();
  }

  ExecResult exec(std::string_view script) override {
    ExecResult result;
    auto on_limit = [ctx = ctx_.get()] {
      ctx->hit_limit("output too large (max " + std::to_string(ctx->limits.max_output_bytes) + " bytes)");
    };
    uint64_t out_limit = options_.limits.max_output_bytes ? options_.limits.max_output_bytes : UINT64_MAX;
    auto out = std::make_shared<StringSink>(out_limit, on_limit);
    auto err = std::make_shared<StringSink>(out_limit, on_limit);
    result.exit_code = run(script, make_string_source(""), out, err);
    result.stdout_data = out->take();
    result.stderr_data = err->take();
    if (!limit_message_.empty()) result.stderr_data += limit_message_;
    return result;
  }

  int exec_streaming(std::string_view script, const StreamIO& io) override {
    auto in = std::make_shared<StreamIn>(io.read_stdin, io.stdin_is_terminal, &ctx_->cancel);
    auto out = std::make_shared<StreamOut>(io.write_stdout, io.stdout_is_terminal);
    auto err = std::make_shared<StreamOut>(io.write_stderr, io.stdout_is_terminal);
    int status = run(script, in, out, err);
    if (!limit_message_.empty() && io.write_stderr) io.write_stderr(limit_message_);
    return status;
  }

  void cancel(int signal) override { ctx_->interrupt(signal); }
  bool exited() const override { return exited_; }

  bool is_complete(std::string_view text) override {
    shell::ParseError err;
    shell::Parser parser{std::string(text)};
    bool open_heredoc = false;
    while (parser.next_command(err)) {
      for (const std::string& w : parser.take_warnings())
        if (w.find("delimited by end-of-file") != std::string::npos) open_heredoc = true;
    }
    for (const std::string& w : parser.take_warnings())
      if (w.find("delimited by end-of-file") != std::string::npos) open_heredoc = true;
    return !(err && err.incomplete) && !open_heredoc;
  }

 private:
  int run(std::string_view script, vfs::FilePtr in, vfs::FilePtr out, vfs::FilePtr err) {
    std::lock_guard<std::mutex> lock(run_mutex_);
    limit_message_.clear();
    ctx_->cancel.reset();
    ctx_->limit_hit.store(false);
    ctx_->limit_message.clear();
    ctx_->commands_run.store(0);
    ctx_->loop_iterations.store(0);
    shell_->fds.set(0, in);
    shell_->fds.set(1, out);
    shell_->fds.set(2, err);
    shell_->exit_called = false;

    // Wall-time watchdog.
    std::mutex m;
    std::condition_variable cv;
    bool done = false;
    std::thread watchdog;
    double wall = options_.limits.wall_time_seconds;
    if (wall > 0) {
      watchdog = std::thread([&] {
        std::unique_lock<std::mutex> l(m);
        auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(wall);
        while (!done) {
          if (cv.wait_until(l, deadline) == std::cv_status::timeout && !done) {
            char buf[64];
            snprintf(buf, sizeof buf, "%g", wall);
            ctx_->hit_limit(std::string("time limit exceeded (") + buf + " s)");
            break;
          }
        }
      });
    }
    int status = shell_->run_toplevel(script, true);
    // Background jobs finish before the result is returned.
    for (auto& j : shell_->jobs)
      if (j->thread.joinable()) j->thread.join();
    shell_->jobs.clear();
    {
      std::lock_guard<std::mutex> l(m);
      done = true;
    }
    cv.notify_all();
    if (watchdog.joinable()) watchdog.join();

    if (ctx_->limit_hit.load()) {
      limit_message_ = "bash: limit exceeded: " + ctx_->limit_message + "\n";
      status = 1;
    } else if (ctx_->cancel.cancelled()) {
      status = 128 + ctx_->cancel.signal();
    }
    if (shell_->exit_called) exited_ = true;
    // Reset per-run state that an abort may have left behind.
    shell_->st.frames.clear();
    shell_->st.function_depth = 0;
    shell_->st.loop_depth = 0;
    shell_->st.subst_depth = 0;
    shell_->st.call_stack.clear();
    shell_->source_depth_ = 0;
    shell_->errexit_suppressed_ = 0;
    for (int fd = 0; fd < 3; ++fd) shell_->fds.close(fd);
    ctx_->cancel.reset();
    return status;
  }

  SandboxOptions options_;
  std::shared_ptr<ShellContext> ctx_;
  std::unique_ptr<Interp> shell_;
  std::mutex run_mutex_;
  std::string limit_message_;
  bool exited_ = false;
};

}  // namespace

std::unique_ptr<Sandbox> Sandbox::create(const SandboxOptions& options) {
  return std::make_unique<SandboxImpl>(options);
}

}  // namespace burrow
