// burrow: the command-line front end. Takes bash's own arguments (so it can
// stand in for bash or sh through a symlink) plus Burrow's root options, and
// runs everything through the public Sandbox API.
//
//   burrow [--root DIR | --rw-root DIR] [--cwd PATH] [--json]
//          [bash options] [-c SCRIPT [NAME [ARG...]] | FILE [ARG...]]
#include <limits.h>
#include <signal.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "burrow/sandbox.h"
#include "cli/json.h"
#include "cli/repl.h"

namespace {

struct CliOptions {
  burrow::SandboxOptions sandbox;
  bool json = false;
  bool has_script = false;  // -c given
  std::string script;
  std::vector<std::string> bash_flags;  // passed on to the sandbox's bash
  std::vector<std::string> operands;    // NAME ARGS after -c, or FILE ARGS
};

const char kUsage[] =
    "Usage: burrow [--root DIR | --rw-root DIR] [--cwd PATH] [--json]\n"
    "              [bash options] [-c SCRIPT [NAME [ARG...]] | FILE [ARG...]]\n"
    "\n"
    "A bash sandbox: every command runs inside Burrow against a virtual filesystem.\n"
    "\n"
    "  --root DIR      / is a copy-on-write view of host DIR (DIR is never modified)\n"
    "  --rw-root DIR   / is host DIR itself, read-write, confined beneath it\n"
    "  --cwd PATH      starting directory inside the sandbox\n"
    "  --json          print {\"stdout\", \"stderr\", \"exit_code\"} as one JSON object\n"
    "  -c SCRIPT       run SCRIPT, as bash -c\n"
    "  --help          show this help\n"
    "  --version       show the version\n"
    "\n"
    "With neither --root nor --rw-root, / is an in-memory world with samples in\n"
    "/home/user/samples. Without -c or FILE, commands are read from standard input\n"
    "(an interactive shell when it is a terminal).\n";

[[noreturn]] void usage_error(const std::string& message) {
  std::fprintf(stderr, "burrow: %s\n%s", message.c_str(), kUsage);
  std::exit(2);
}

// bash options that take an argument of their own.
bool takes_argument(const std::string& flag) { return flag == "-o" || flag == "+o" || flag == "-O" || flag == "+O"; }

CliOptions parse_cli(int argc, char** argv) {
  CliOptions opts;
  int i = 1;
  auto need_value = [&](const std::string& flag) -> std::string {
    if (i + 1 >= argc) usage_error(flag + " needs an argument");
    return argv[++i];
  };
  for (; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--root") {
      opts.sandbox.root = burrow::SandboxOptions::Root::kOverlay;
      opts.sandbox.host_dir = need_value(arg);
    } else if (arg.rfind("--root=", 0) == 0) {
      opts.sandbox.root = burrow::SandboxOptions::Root::kOverlay;
      opts.sandbox.host_dir = arg.substr(7);
    } else if (arg == "--rw-root") {
      opts.sandbox.root = burrow::SandboxOptions::Root::kHost;
      opts.sandbox.host_dir = need_value(arg);
    } else if (arg.rfind("--rw-root=", 0) == 0) {
      opts.sandbox.root = burrow::SandboxOptions::Root::kHost;
      opts.sandbox.host_dir = arg.substr(10);
    } else if (arg == "--cwd") {
      opts.sandbox.cwd = need_value(arg);
    } else if (arg.rfind("--cwd=", 0) == 0) {
      opts.sandbox.cwd = arg.substr(6);
    } else if (arg == "--json") {
      opts.json = true;
    } else if (arg == "--help") {
      std::fputs(kUsage, stdout);
      std::exit(0);
    } else if (arg == "--version") {
      std::puts("burrow 0.1.0 (GNU bash-compatible, 5.2)");
      std::exit(0);
    } else if (arg == "--norc" || arg == "--noprofile" || arg == "--login" || arg == "-l" ||
               arg == "-i" || arg == "--posix" || arg == "--noediting") {
      // Accepted for bash compatibility; Burrow reads no rc files.
    } else if (arg == "--") {
      ++i;
      break;
    } else if (arg == "-c") {
      opts.has_script = true;
    } else if (takes_argument(arg)) {
      opts.bash_flags.push_back(arg);
      opts.bash_flags.push_back(need_value(arg));
    } else if (arg.size() > 1 && (arg[0] == '-' || arg[0] == '+') && arg[1] != '-') {
      // Bundled single-letter bash options such as -ex or -c inside a bundle.
      std::string rest;
      for (size_t j = 1; j < arg.size(); ++j) {
        if (arg[j] == 'c' && arg[0] == '-') opts.has_script = true;
        else rest += arg[j];
      }
      if (!rest.empty()) opts.bash_flags.push_back(std::string(1, arg[0]) + rest);
    } else if (arg.rfind("--", 0) == 0) {
      usage_error("unrecognized option '" + arg + "'");
    } else {
      break;
    }
  }
  if (opts.has_script) {
    if (i >= argc) {
      std::fprintf(stderr, "burrow: -c: option requires an argument\n");
      std::exit(2);
    }
    opts.script = argv[i++];
  }
  for (; i < argc; ++i) opts.operands.push_back(argv[i]);
  return opts;
}

// The starting directory: the host's cwd mapped into the root when it lies
// beneath it, else "/". Only paths are compared; nothing is opened.
std::string starting_directory(const std::string& host_dir) {
  char root_real[PATH_MAX], cwd_real[PATH_MAX];
  if (!::realpath(host_dir.c_str(), root_real) || !::getcwd(cwd_real, sizeof cwd_real)) return "/";
  std::string root(root_real), cwd(cwd_real);
  if (root == "/") return cwd;
  if (cwd == root) return "/";
  if (cwd.size() > root.size() && cwd.compare(0, root.size(), root) == 0 && cwd[root.size()] == '/') {
    return cwd.substr(root.size());
  }
  return "/";
}

burrow::StreamIO host_stdio() {
  burrow::StreamIO io;
  io.read_stdin = [](char* buf, size_t n) -> size_t {
    for (;;) {
      ssize_t got = ::read(0, buf, n);
      if (got >= 0) return static_cast<size_t>(got);
      if (errno != EINTR) return 0;
    }
  };
  auto writer = [](int fd) {
    return [fd](std::string_view data) {
      while (!data.empty()) {
        ssize_t put = ::write(fd, data.data(), data.size());
        if (put < 0) {
          if (errno == EINTR) continue;
          return;
        }
        data.remove_prefix(static_cast<size_t>(put));
      }
    };
  };
  io.write_stdout = writer(1);
  io.write_stderr = writer(2);
  io.stdin_is_terminal = ::isatty(0);
  io.stdout_is_terminal = ::isatty(1);
  return io;
}

// SIGINT and SIGTERM become cancellation of the running script. A dedicated
// thread waits for them so that no locking happens in a signal handler.
std::atomic<burrow::Sandbox*> g_sandbox{nullptr};

void start_signal_thread() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::thread([set] {
    int terminations = 0;
    for (;;) {
      int sig = 0;
      if (sigwait(&set, &sig) != 0) continue;
      burrow::Sandbox* sandbox = g_sandbox.load();
      // The foreground shell gets the signal: its trap runs, or it ends with
      // 128 + n as bash would. A second SIGTERM/SIGHUP (or one with no
      // sandbox yet) ends the process at once.
      if (sandbox) sandbox->cancel(sig);
      if (sig != SIGINT && (!sandbox || ++terminations > 1)) std::_Exit(128 + sig);
    }
  }).detach();
}

}  // namespace

int main(int argc, char** argv) {
  // A host SIGPIPE must not kill the whole server when our stdout's reader goes away.
  signal(SIGPIPE, SIG_IGN);
  CliOptions opts = parse_cli(argc, argv);

  if (opts.sandbox.root != burrow::SandboxOptions::Root::kMemory) {
    if (opts.sandbox.cwd.empty()) opts.sandbox.cwd = starting_directory(opts.sandbox.host_dir);
    // Modes that reach a host-backed root already carry the sandbox's own
    // umask (the umask builtin); the process's umask must not mask them again.
    ::umask(0);
  }

  std::unique_ptr<burrow::Sandbox> sandbox;
  try {
    sandbox = burrow::Sandbox::create(opts.sandbox);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "burrow: %s\n", e.what());
    return 2;
  }
  g_sandbox.store(sandbox.get());

  std::vector<std::string> bash_argv{"bash"};
  bash_argv.insert(bash_argv.end(), opts.bash_flags.begin(), opts.bash_flags.end());
  bool interactive = false;
  if (opts.has_script) {
    bash_argv.push_back("-c");
    bash_argv.push_back(opts.script);
    bash_argv.insert(bash_argv.end(), opts.operands.begin(), opts.operands.end());
  } else if (!opts.operands.empty()) {
    bash_argv.insert(bash_argv.end(), opts.operands.begin(), opts.operands.end());
  } else if (::isatty(0) && !opts.json) {
    interactive = true;
  } else {
    bash_argv.push_back("-s");
  }

  if (interactive) {
    start_signal_thread();
    return burrow::cli::run_repl(*sandbox);
  }
  start_signal_thread();

  burrow::StreamIO io = host_stdio();
  if (!opts.json) return sandbox->run_bash(bash_argv, io);

  std::string out, err;
  io.write_stdout = [&out](std::string_view d) { out.append(d); };
  io.write_stderr = [&err](std::string_view d) { err.append(d); };
  io.stdout_is_terminal = false;
  int status = sandbox->run_bash(bash_argv, io);
  std::string json = "{\"stdout\": " + burrow::cli::json_string(out) +
                     ", \"stderr\": " + burrow::cli::json_string(err) +
                     ", \"exit_code\": " + std::to_string(status) + "}\n";
  std::fwrite(json.data(), 1, json.size(), stdout);
  return status;
}
