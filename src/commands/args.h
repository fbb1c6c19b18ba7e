// GNU-style argument parsing, declared once at the top of each command:
// short options bundled (-la), arguments attached or separate (-w80, -w 80),
// long options with unique-prefix abbreviation (--all, --wid=80), "--",
// operands anywhere (GNU permutation) unless the spec stops at the first
// operand, and glibc getopt's exact diagnostics. Reentrant: no global state.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "commands/command.h"

namespace burrow {

enum class ArgKind { kNone, kRequired, kOptional };

struct OptionSpec {
  int id;                      // the command's own enum value
  char short_name = 0;         // 0: long only
  std::string_view long_name;  // empty: short only
  ArgKind arg = ArgKind::kNone;
  std::string_view help;       // one line for --help (empty: undocumented)
  std::string_view arg_name = "ARG";
};

struct CommandSpec {
  std::string_view usage;        // "Usage: ls [OPTION]... [FILE]..." (without "Usage: " is fine)
  std::string_view description;  // paragraph after the usage line
  std::span<const OptionSpec> options;
  int usage_status = 1;          // exit status for bad usage (ls and grep use 2)
  bool stop_at_operand = false;  // POSIX mode: env, xargs, timeout, nice
  std::string_view epilog;       // text after the option list
  bool usage_line_on_error = false;  // grep: print the usage line before "Try ..."
  bool try_help_with_name = false;  // "diff: Try 'diff --help' ..." (diffutils style)
};

struct ParsedOption {
  int id;
  std::string value;
  bool has_value = false;
};

struct ParsedArgs {
  std::vector<ParsedOption> options;  // in command-line order
  std::vector<std::string> operands;

  bool has(int id) const;
  // The value of the last occurrence of id, or nullptr.
  const std::string* last(int id) const;
  size_t count(int id) const;
};

// Parses inv.argv[first..]. Returns nullopt on success. Otherwise the command
// should return the given status at once: 0 after --help or --version (which
// are handled here unless the spec declares its own), or spec.usage_status
// after a usage error, which has already been printed GNU-style.
std::optional<int> parse_args(Invocation& inv, const CommandSpec& spec, ParsedArgs& out,
                              size_t first = 1);

// Prints the usage error epilogue: "Try 'NAME --help' for more information."
void print_try_help(Invocation& inv);
// with_name: prefix the line with "NAME: ", as diffutils does.
void print_try_help(Invocation& inv, bool with_name);

// Writes --help text generated from the spec to stdout.
void print_help(Invocation& inv, const CommandSpec& spec);

// "NAME (Burrow) VERSION"
void print_version(Invocation& inv);

}  // namespace burrow
