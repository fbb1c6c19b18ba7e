// Burrow's public C++ API: a sandboxed bash over a virtual filesystem.
//
//   auto sandbox = burrow::Sandbox::create({});
//   burrow::ExecResult r = sandbox->exec("ls -l | wc -l");
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "burrow/limits.h"

namespace burrow {

struct ExecResult {
  std::string stdout_data;
  std::string stderr_data;
  int exit_code = 0;
};

struct SandboxOptions {
  enum class Root {
    kMemory,   // the in-memory world seeded with /home/user/samples
    kOverlay,  // copy-on-write view of host_dir: host_dir is never modified
    kHost,     // host_dir itself, read-write, confined beneath it
  };
  Root root = Root::kMemory;
  std::string host_dir;
  std::string cwd;  // starting directory inside the sandbox; default $HOME or "/"
  std::map<std::string, std::string> env;  // added to (or overriding) the defaults
  Limits limits;
};

// Streaming I/O for exec_streaming(): the sandbox's stdin, stdout, stderr.
struct StreamIO {
  // Returns bytes read into buf, 0 at end of input. May block.
  std::function<size_t(char* buf, size_t n)> read_stdin;
  std::function<void(std::string_view)> write_stdout;
  std::function<void(std::string_view)> write_stderr;
  bool stdin_is_terminal = false;
  bool stdout_is_terminal = false;
};

class Sandbox {
 public:
  virtual ~Sandbox() = default;
  // Throws std::runtime_error with a readable message when the root cannot be set up.
  static std::unique_ptr<Sandbox> create(const SandboxOptions& options);

  // Runs a script to completion; shell state (variables, cwd, functions)
  // persists across calls, like lines typed into one bash.
  virtual ExecResult exec(std::string_view script) = 0;
  virtual int exec_streaming(std::string_view script, const StreamIO& io) = 0;
  // Stops the running script (Ctrl-C): it ends within 100 ms.
  virtual void cancel(int signal = 2) = 0;
  // True after the script ran `exit`.
  virtual bool exited() const = 0;

  // Runs the sandbox's `bash` command with these arguments (argv[0] is the
  // name, e.g. {"bash", "-c", "echo $1", "name", "arg"}), exactly as the host
  // would run bash: -c, script files inside the sandbox, -s, options.
  virtual int run_bash(const std::vector<std::string>& argv, const StreamIO& io);

  // False while a script typed so far needs more lines (an open quote, an
  // unfinished `if`, a here-document): the REPL then prompts with PS2.
  virtual bool is_complete(std::string_view) { return true; }
};

// Quotes a word for the shell: 'it'\''s'. Used to build scripts from argv.
std::string shell_quote(std::string_view word);

}  // namespace burrow
