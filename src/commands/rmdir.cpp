// rmdir: remove empty directories (GNU coreutils 9).
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kIgnoreNonEmpty, kParents, kVerbose };

constexpr OptionSpec kOptions[] = {
    {kIgnoreNonEmpty, 0, "ignore-fail-on-non-empty", ArgKind::kNone, "ignore each failure to remove a non-empty directory"},
    {kParents, 'p', "parents", ArgKind::kNone, "remove DIRECTORY and its ancestors"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "output a diagnostic for every directory processed"},
};

constexpr CommandSpec kSpec{"Usage: rmdir [OPTION]... DIRECTORY...",
                            "Remove the DIRECTORY(ies), if they are empty.", kOptions};

bool non_empty_error(vfs::Error err) { return err.value() == ENOTEMPTY || err.value() == EEXIST; }

// Removes one directory; false when the caller should stop (-p).
bool remove_one(Invocation& inv, const std::string& display, bool ignore_non_empty, bool verbose, int& status,
                bool parent = false) {
  if (verbose) inv.out() << "rmdir: removing directory, " << fsu::quote(display) << '\n';
  std::string path = inv.path(display);
  vfs::Stat st;
  vfs::Error err;
  if (!inv.fs->lstat(path, st) && !S_ISDIR(st.mode)) {
    err = vfs::make_error(ENOTDIR);
  } else {
    err = inv.fs->rmdir(path);
  }
  if (!err) return true;
  if (ignore_non_empty && non_empty_error(err)) return false;
  inv.error(std::string(parent ? "failed to remove directory " : "failed to remove ") + fsu::quote(display), err);
  status = 1;
  return false;
}

int run_rmdir(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool ignore = args.has(kIgnoreNonEmpty), parents = args.has(kParents), verbose = args.has(kVerbose);
  if (args.operands.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 1;
  }
  int status = 0;
  for (const std::string& operand : args.operands) {
    std::string name = fsu::strip_trailing_slashes(operand);
    if (!remove_one(inv, name, ignore, verbose, status) || !parents) continue;
    for (;;) {
      size_t slash = name.rfind('/');
      if (slash == std::string::npos) break;
      while (slash > 0 && name[slash - 1] == '/') --slash;
      if (slash == 0) break;
      name.resize(slash);
      if (!remove_one(inv, name, ignore, verbose, status, true)) break;
    }
  }
  return status;
}

}  // namespace

BURROW_COMMAND(rmdir, "remove empty directories", run_rmdir);

}  // namespace burrow
