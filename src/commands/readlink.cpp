// readlink: print resolved symbolic links or canonical file names (GNU coreutils 9).
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kCanonicalize, kExisting, kMissing, kNoNewline, kQuiet, kSilent, kVerbose, kZero };

constexpr OptionSpec kOptions[] = {
    {kCanonicalize, 'f', "canonicalize", ArgKind::kNone, "canonicalize by following every symlink in every component of the given name recursively; all but the last component must exist"},
    {kExisting, 'e', "canonicalize-existing", ArgKind::kNone, "canonicalize by following every symlink in every component of the given name recursively, all components must exist"},
    {kMissing, 'm', "canonicalize-missing", ArgKind::kNone, "canonicalize by following every symlink in every component of the given name recursively, without requirements on components existence"},
    {kNoNewline, 'n', "no-newline", ArgKind::kNone, "do not output the trailing delimiter"},
    {kQuiet, 'q', "quiet", ArgKind::kNone, ""},
    {kSilent, 's', "silent", ArgKind::kNone, "suppress most error messages (on by default)"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "report error messages"},
    {kZero, 'z', "zero", ArgKind::kNone, "end each output line with NUL, not newline"},
};

constexpr CommandSpec kSpec{"Usage: readlink [OPTION]... FILE...",
                            "Print value of a symbolic link or canonical file name", kOptions};

int run_readlink(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  std::optional<fsu::Canon> mode;
  bool verbose = false, no_newline = false;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kCanonicalize: mode = fsu::Canon::kAllButLast; break;
      case kExisting: mode = fsu::Canon::kAllExist; break;
      case kMissing: mode = fsu::Canon::kMissingOk; break;
      case kNoNewline: no_newline = true; break;
      case kQuiet: case kSilent: verbose = false; break;
      case kVerbose: verbose = true; break;
    }
  }
  char eol = args.has(kZero) ? '\0' : '\n';
  if (args.operands.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 1;
  }
  if (no_newline && args.operands.size() > 1) {
    inv.error("ignoring --no-newline with multiple arguments");
    no_newline = false;
  }
  int status = 0;
  for (const std::string& operand : args.operands) {
    std::string result;
    vfs::Error err;
    std::string path = operand.empty() ? std::string() : inv.path(operand);
    // Canonicalisation applies ".." after the symlinks before it, so keep the raw path.
    std::string raw = operand.empty() || operand[0] == '/' ? operand : inv.cwd + "/" + operand;
    if (operand.empty()) {
      err = vfs::make_error(ENOENT);
    } else if (mode) {
      err = fsu::canonicalize(*inv.fs, raw, *mode, result);
      // A trailing slash requires a directory.
      if (!err && operand.back() == '/' && *mode != fsu::Canon::kMissingOk) {
        vfs::Stat st;
        if (!inv.fs->stat(result, st) && !S_ISDIR(st.mode)) err = vfs::make_error(ENOTDIR);
      }
    } else {
      err = inv.fs->readlink(path, result);
    }
    if (err) {
      if (verbose) inv.error(operand, err);
      status = 1;
      continue;
    }
    inv.out() << result;
    if (!no_newline) inv.out() << eol;
  }
  return status;
}

}  // namespace

BURROW_COMMAND(readlink, "print resolved symbolic links or canonical file names", run_readlink);

}  // namespace burrow
