// dirname: strip the last component from file names (GNU coreutils 9).
#include "commands/args.h"

namespace burrow {
namespace {

enum Opt { kZero };

constexpr OptionSpec kOptions[] = {
    {kZero, 'z', "zero", ArgKind::kNone, "end each output line with NUL, not newline"},
};

constexpr CommandSpec kSpec{"Usage: dirname [OPTION] NAME...",
                            "Output each NAME with its last non-slash component and trailing slashes\n"
                            "removed; if NAME contains no /'s, output '.' (meaning the current directory).",
                            kOptions};

std::string dir_of(std::string_view s) {
  // Drop trailing slashes, the last component, then the slashes before it.
  size_t end = s.size();
  while (end > 0 && s[end - 1] == '/') --end;
  if (end == 0) return s.empty() ? "." : "/";
  while (end > 0 && s[end - 1] != '/') --end;
  if (end == 0) return ".";
  while (end > 0 && s[end - 1] == '/') --end;
  if (end == 0) return "/";
  return std::string(s.substr(0, end));
}

int run_dirname(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  char eol = args.has(kZero) ? '\0' : '\n';
  if (args.operands.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 1;
  }
  for (const auto& name : args.operands) inv.out() << dir_of(name) << eol;
  return 0;
}

}  // namespace

BURROW_COMMAND(dirname, "strip last component from file name", run_dirname);

}  // namespace burrow
