// basename: strip directory and suffix from file names (GNU coreutils 9).
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kMultiple, kSuffix, kZero };

constexpr OptionSpec kOptions[] = {
    {kMultiple, 'a', "multiple", ArgKind::kNone, "support multiple arguments and treat each as a NAME"},
    {kSuffix, 's', "suffix", ArgKind::kRequired, "remove a trailing SUFFIX; implies -a", "SUFFIX"},
    {kZero, 'z', "zero", ArgKind::kNone, "end each output line with NUL, not newline"},
};

constexpr CommandSpec kSpec{"Usage: basename NAME [SUFFIX]\n  or:  basename OPTION... NAME...",
                            "Print NAME with any leading directory components removed.\n"
                            "If specified, also remove a trailing SUFFIX.",
                            kOptions};

std::string base_of(std::string_view name, std::string_view suffix) {
  std::string b = fsu::base_name(name);
  if (name.empty()) return "";
  if (b.find_first_not_of('/') == std::string::npos) return "/";
  if (!suffix.empty() && b.size() > suffix.size() && b.compare(b.size() - suffix.size(), suffix.size(), suffix) == 0)
    b.resize(b.size() - suffix.size());
  return b;
}

int run_basename(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool multiple = args.has(kMultiple) || args.has(kSuffix);
  std::string suffix = args.last(kSuffix) ? *args.last(kSuffix) : "";
  char eol = args.has(kZero) ? '\0' : '\n';
  const auto& ops = args.operands;
  if (ops.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 1;
  }
  if (!multiple) {
    if (ops.size() > 2) {
      inv.error("extra operand " + fsu::quote_arg(inv, ops[2]));
      print_try_help(inv);
      return 1;
    }
    inv.out() << base_of(ops[0], ops.size() == 2 ? std::string_view(ops[1]) : std::string_view()) << eol;
    return 0;
  }
  for (const auto& name : ops) inv.out() << base_of(name, suffix) << eol;
  return 0;
}

}  // namespace

BURROW_COMMAND(basename, "strip directory and suffix from filenames", run_basename);

}  // namespace burrow
