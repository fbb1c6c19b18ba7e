// The Command interface: every program in the sandbox (ls, grep, python3)
// is a function that takes an Invocation and returns an exit status.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "burrow/limits.h"
#include "process/cancel.h"
#include "process/fd_table.h"
#include "process/streams.h"
#include "vfs/filesystem.h"

namespace burrow {

struct Invocation;

// Exported environment, name -> value.
using Environment = std::map<std::string, std::string, std::less<>>;

// What a command may ask of the shell that started it: run a child command
// (xargs, find -exec, timeout, env) or a script (awk's system(), sed's e).
// A sandbox process as `ps` shows it.
struct ProcessInfo {
  int pid = 0;
  int ppid = 0;
  std::string command;  // the command line
};

class ProcessHost {
 public:
  virtual ~ProcessHost() = default;
  // The session's processes (its shells and background jobs), by pid.
  virtual std::vector<ProcessInfo> processes() { return {}; }
  // A fresh pid, for a command that shows itself (ps), and the pid of the
  // shell running it.
  virtual int new_pid() { return 0; }
  virtual int shell_pid() { return 0; }
  // Runs argv[0] as a function, builtin or command with io's fds, cwd and env.
  virtual int run_argv(const std::vector<std::string>& argv, Invocation& io) = 0;
  // Runs a script in a subshell ("sh -c script") with io's fds, cwd and env.
  virtual int run_script(std::string_view script, Invocation& io) = 0;
};

struct Invocation {
  std::vector<std::string> argv;
  FdTable* fds = nullptr;
  vfs::Filesystem* fs = nullptr;
  std::string cwd = "/";
  Environment* env = nullptr;
  ProcessHost* host = nullptr;
  CancelToken* cancel = nullptr;
  const Limits* limits = nullptr;

  const std::string& name() const { return argv[0]; }
  // An absolute, normalised sandbox path for an operand.
  std::string path(std::string_view operand) const { return vfs::normalize(operand, cwd); }
  std::string getenv(std::string_view key, std::string_view fallback = "") const;
  bool cancelled() const { return cancel && cancel->cancelled(); }

  // Buffered streams over fds 0, 1 and 2, created on first use.
  InStream& in();
  OutStream& out();
  OutStream& err();
  // "name: message\n" on stderr, the usual form of a command's diagnostics.
  void error(std::string_view message);
  // "name: 'operand': strerror\n" style: `name: subject: No such file or directory`.
  void error(std::string_view subject, vfs::Error err);
  // Flushes the streams; returns 141 if stdout's reader went away, else status.
  int finish(int status);

 private:
  std::unique_ptr<InStream> in_;
  std::unique_ptr<OutStream> out_, err_;
};

using CommandFn = int (*)(Invocation&);

struct CommandInfo {
  std::string_view name;
  std::string_view summary;  // one line, for `help`
  CommandFn run = nullptr;
};

// Name -> command. Filled by static registrars before main() and read-only
// afterwards, so lookups need no lock.
class Registry {
 public:
  static Registry& global();
  void add(const CommandInfo& info);
  const CommandInfo* find(std::string_view name) const;
  std::vector<std::string_view> names() const;  // sorted

 private:
  std::map<std::string_view, CommandInfo, std::less<>> commands_;
};

struct CommandRegistrar {
  explicit CommandRegistrar(const CommandInfo& info) { Registry::global().add(info); }
};

// Runs a registered command with the streams flushed afterwards.
int run_command(const CommandInfo& command, Invocation& inv);

}  // namespace burrow

// In a command's .cpp file:  BURROW_COMMAND(cat, "concatenate files", run_cat)
#define BURROW_COMMAND(ident, summary, fn) \
  static ::burrow::CommandRegistrar burrow_registrar_##ident({#ident, summary, fn})
// For names that are not C identifiers ("[", "sha256sum" is fine):
#define BURROW_COMMAND_NAMED(ident, name, summary, fn) \
  static ::burrow::CommandRegistrar burrow_registrar_##ident({name, summary, fn})
