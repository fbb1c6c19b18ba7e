// pathchk: check whether file names are valid or portable (GNU coreutils 9).
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kPortable, kExtra, kPortability };

constexpr OptionSpec kOptions[] = {
    {kPortable, 'p', "", ArgKind::kNone, "check for most POSIX systems"},
    {kExtra, 'P', "", ArgKind::kNone, "check for empty names and leading \"-\""},
    {kPortability, 0, "portability", ArgKind::kNone, "check for all POSIX systems (equivalent to -p -P)"},
};

constexpr CommandSpec kSpec{"Usage: pathchk [OPTION]... NAME...",
                            "Diagnose invalid or non-portable file names.", kOptions};

bool check(Invocation& inv, const std::string& name, bool portable, bool extra) {
  if (extra && name.empty()) {
    inv.error("empty file name");
    return false;
  }
  if (extra) {
    size_t pos = 0;
    while (pos < name.size()) {
      size_t slash = name.find('/', pos);
      std::string comp = name.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
      if (!comp.empty() && comp[0] == '-') {
        inv.error("leading '-' in a component of file name " + fsu::quote(name));
        return false;
      }
      if (slash == std::string::npos) break;
      pos = slash + 1;
    }
  }
  if (portable) {
    for (char c : name) {
      if (!(isalnum((unsigned char)c) || c == '.' || c == '_' || c == '-' || c == '/')) {
        inv.error("nonportable character " + fsu::quote(std::string(1, c)) + " in file name " + fsu::quote(name));
        return false;
      }
    }
  }
  size_t path_max = portable ? 256 : 4096, name_max = portable ? 14 : 255;
  if (name.size() >= path_max) {
    inv.error("limit " + std::to_string(path_max - 1) + " exceeded by length " + std::to_string(name.size()) +
              " of file name " + fsu::quote(name));
    return false;
  }
  size_t pos = 0;
  while (pos < name.size()) {
    size_t slash = name.find('/', pos);
    std::string comp = name.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
    if (comp.size() > name_max) {
      inv.error("limit " + std::to_string(name_max) + " exceeded by length " + std::to_string(comp.size()) +
                " of file name component " + fsu::quote(comp));
      return false;
    }
    if (slash == std::string::npos) break;
    pos = slash + 1;
  }
  return true;
}

int run_pathchk(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool portable = args.has(kPortable) || args.has(kPortability);
  bool extra = args.has(kExtra) || args.has(kPortability);
  if (args.operands.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 1;
  }
  int status = 0;
  for (const auto& name : args.operands)
    if (!check(inv, name, portable, extra)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(pathchk, "check whether file names are valid or portable", run_pathchk);

}  // namespace burrow
