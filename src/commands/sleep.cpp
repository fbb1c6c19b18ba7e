// sleep: delay for a specified amount of time (GNU coreutils 9).
#include <chrono>
#include <cmath>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

constexpr CommandSpec kSpec{"Usage: sleep NUMBER[SUFFIX]...\n  or:  sleep OPTION",
                            "Pause for NUMBER seconds.  SUFFIX may be 's' for seconds (the default),\n"
                            "'m' for minutes, 'h' for hours or 'd' for days.  NUMBER need not be an\n"
                            "integer.  Given two or more arguments, pause for the amount of time\n"
                            "specified by the sum of their values.",
                            {}};

std::optional<double> parse_interval(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = strtod(s.c_str(), &end);
  if (end == s.c_str() || std::isnan(v) || v < 0) return std::nullopt;
  std::string suffix(end);
  if (suffix.empty() || suffix == "s") return v;
  if (suffix == "m") return v * 60;
  if (suffix == "h") return v * 3600;
  if (suffix == "d") return v * 86400;
  return std::nullopt;
}

int run_sleep(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  if (args.operands.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 1;
  }
  double total = 0;
  bool ok = true;
  for (const auto& op : args.operands) {
    auto v = parse_interval(op);
    if (!v) {
      inv.error("invalid time interval " + fsu::quote_arg(inv, op));
      ok = false;
      continue;
    }
    total += *v;
  }
  if (!ok) {
    print_try_help(inv);
    return 1;
  }
  auto duration = std::chrono::duration<double>(std::min(total, 1e9));
  auto until = CancelToken::Clock::now() + std::chrono::duration_cast<CancelToken::Clock::duration>(duration);
  if (inv.cancel && !inv.cancel->sleep_until(until)) return 128 + (inv.cancel->signal() ? inv.cancel->signal() : 2);
  return 0;
}

int run_true(Invocation&) { return 0; }
int run_false(Invocation&) { return 1; }

int run_yes(Invocation& inv) {
  // yes has no options besides --help/--version, and only when they come first.
  std::string line;
  if (inv.argv.size() == 2 && (inv.argv[1] == "--help" || inv.argv[1] == "--version")) {
    CommandSpec spec{"Usage: yes [STRING]...\n  or:  yes OPTION",
                     "Repeatedly output a line with all specified STRING(s), or 'y'.", {}};
    ParsedArgs args;
    if (auto status = parse_args(inv, spec, args)) return *status;
  }
  size_t first = 1;
  if (first < inv.argv.size() && inv.argv[first] == "--") ++first;
  for (size_t i = first; i < inv.argv.size(); ++i) {
    if (i > first) line += ' ';
    line += inv.argv[i];
  }
  if (first >= inv.argv.size()) line = "y";
  line += '\n';
  std::string block;
  while (block.size() < 8192) block += line;
  OutStream& out = inv.out();
  while (out.ok() && !inv.cancelled()) out.write(block);
  if (out.broken_pipe()) return 141;
  if (inv.cancelled()) return 130;
  inv.err().write("yes: standard output: " + out.error().message() + "\n");
  return 1;
}

}  // namespace

BURROW_COMMAND(sleep, "delay for a specified amount of time", run_sleep);
BURROW_COMMAND(true, "do nothing, successfully", run_true);
BURROW_COMMAND(false, "do nothing, unsuccessfully", run_false);
BURROW_COMMAND(yes, "output a string repeatedly until killed", run_yes);

}  // namespace burrow
