// Runs one registered command directly (no shell) against a filesystem, with
// stdin from a string and stdout/stderr captured. For command unit tests.
#pragma once

#include <string>
#include <vector>

#include "commands/command.h"
#include "process/string_files.h"

namespace burrow::testing {

struct CommandResult {
  std::string out;
  std::string err;
  int status = -1;
};

inline CommandResult run_command_in(vfs::Filesystem* fs, std::vector<std::string> argv,
                                    std::string stdin_data = "", std::string cwd = "/",
                                    Environment env = {}) {
  CommandResult result;
  const CommandInfo* command = Registry::global().find(argv.at(0));
  if (!command) {
    result.err = argv[0] + ": not registered\n";
    result.status = 127;
    return result;
  }
  auto out = std::make_shared<StringSink>();
  auto err = std::make_shared<StringSink>();
  FdTable fds;
  fds.set(0, make_string_source(std::move(stdin_data)));
  fds.set(1, out);
  fds.set(2, err);
  CancelToken cancel;
  Limits limits;
  Invocation inv;
  inv.argv = std::move(argv);
  inv.fds = &fds;
  inv.fs = fs;
  inv.cwd = std::move(cwd);
  inv.env = &env;
  inv.cancel = &cancel;
  inv.limits = &limits;
  result.status = run_command(*command, inv);
  result.out = out->take();
  result.err = err->take();
  return result;
}

}  // namespace burrow::testing
