// help and commands: list the registered commands. (The shell may provide
// its own `help` builtin for builtins; this one covers the command registry.)
#include <algorithm>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

int run_help(Invocation& inv) {
  static constexpr CommandSpec spec{"Usage: help [COMMAND]...",
                                    "List every available command with a one-line summary, or describe COMMANDs.", {}};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  const Registry& registry = Registry::global();
  std::vector<std::string_view> names = registry.names();
  if (!args.operands.empty()) {
    int status = 0;
    for (const auto& name : args.operands) {
      const CommandInfo* info = registry.find(name);
      if (!info) {
        inv.error("no help topics match " + fsu::quote_arg(inv, name) + ".");
        status = 1;
        continue;
      }
      inv.out() << info->name << " - " << info->summary << "\n";
    }
    if (status == 0) inv.out() << "Run 'COMMAND --help' for its options.\n";
    return status;
  }
  size_t width = 0;
  for (auto n : names) width = std::max(width, n.size());
  inv.out() << "Available commands (run 'COMMAND --help' for details):\n\n";
  for (auto n : names) {
    const CommandInfo* info = registry.find(n);
    inv.out() << "  " << n << std::string(width - n.size() + 2, ' ') << info->summary << '\n';
  }
  return 0;
}

int run_commands(Invocation& inv) {
  static constexpr CommandSpec spec{"Usage: commands", "Print the name of every available command, one per line.", {}};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  for (auto n : Registry::global().names()) inv.out() << n << '\n';
  return 0;
}

}  // namespace

BURROW_COMMAND(help, "list available commands with a one-line summary", run_help);
BURROW_COMMAND(commands, "print the names of all available commands", run_commands);

}  // namespace burrow
