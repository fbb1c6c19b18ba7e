// realpath: print the resolved path (GNU coreutils 9).
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kExisting, kCanonicalize, kMissing, kLogical, kPhysical, kQuiet, kRelativeTo, kRelativeBase, kStrip, kZero };

constexpr OptionSpec kOptions[] = {
    {kCanonicalize, 'E', "canonicalize", ArgKind::kNone, "all but the last component must exist (default)"},
    {kExisting, 'e', "canonicalize-existing", ArgKind::kNone, "all components of the path must exist"},
    {kMissing, 'm', "canonicalize-missing", ArgKind::kNone, "no path components need exist or be a directory"},
    {kLogical, 'L', "logical", ArgKind::kNone, "resolve '..' components before symlinks"},
    {kPhysical, 'P', "physical", ArgKind::kNone, "resolve symlinks as encountered (default)"},
    {kQuiet, 'q', "quiet", ArgKind::kNone, "suppress most error messages"},
    {kRelativeTo, 0, "relative-to", ArgKind::kRequired, "print the resolved path relative to DIR", "DIR"},
    {kRelativeBase, 0, "relative-base", ArgKind::kRequired, "print absolute paths unless paths below DIR", "DIR"},
    {kStrip, 's', "strip", ArgKind::kNone, "don't expand symlinks"},
    {kStrip, 0, "no-symlinks", ArgKind::kNone, "don't expand symlinks"},
    {kZero, 'z', "zero", ArgKind::kNone, "end each output line with NUL, not newline"},
};

constexpr CommandSpec kSpec{"Usage: realpath [OPTION]... FILE...",
                            "Print the resolved absolute file name;\nall but the last component must exist",
                            kOptions};

struct Resolver {
  Invocation& inv;
  fsu::Canon mode = fsu::Canon::kAllButLast;
  bool strip = false, logical = false;

  vfs::Error resolve(const std::string& operand, std::string& out) {
    // Physical resolution applies ".." after the symlinks before it, so keep the raw path.
    std::string path = strip || logical ? vfs::normalize(operand, inv.cwd)
                                        : (operand[0] == '/' ? operand : inv.cwd + "/" + operand);
    if (strip) {
      out = path;
      if (mode == fsu::Canon::kMissingOk) return {};
      // Existence is still checked, without following the last link.
      vfs::Stat st;
      vfs::Error err = inv.fs->lstat(path, st);
      if (err && (mode == fsu::Canon::kAllExist || err.value() != ENOENT)) return err;
      if (err && !fsu::is_dir(*inv.fs, std::string(vfs::dirname_of(path)))) return err;
      return {};
    }
    vfs::Error err = fsu::canonicalize(*inv.fs, path, mode, out);
    if (!err && !operand.empty() && operand.back() == '/' && mode != fsu::Canon::kMissingOk) {
      vfs::Stat st;
      if (!inv.fs->stat(out, st) && !S_ISDIR(st.mode)) err = vfs::make_error(ENOTDIR);
    }
    return err;
  }
};

bool is_below(const std::string& path, const std::string& base) {
  if (base == "/") return true;
  return path == base || (path.size() > base.size() && path.compare(0, base.size(), base) == 0 && path[base.size()] == '/');
}

int run_realpath(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Resolver r{inv};
  bool quiet = false;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kExisting: r.mode = fsu::Canon::kAllExist; break;
      case kCanonicalize: r.mode = fsu::Canon::kAllButLast; break;
      case kMissing: r.mode = fsu::Canon::kMissingOk; break;
      case kLogical: r.logical = true; break;
      case kPhysical: r.logical = false; break;
      case kQuiet: quiet = true; break;
      case kStrip: r.strip = true; break;
    }
  }
  char eol = args.has(kZero) ? '\0' : '\n';
  if (args.operands.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 1;
  }
  std::optional<std::string> relative_to, relative_base;
  for (auto [id, slot] : {std::pair{kRelativeTo, &relative_to}, std::pair{kRelativeBase, &relative_base}}) {
    if (const std::string* dir = args.last(id)) {
      std::string resolved;
      if (vfs::Error err = r.resolve(*dir, resolved)) {
        inv.error(*dir, err);
        return 1;
      }
      *slot = resolved;
    }
  }
  if (relative_base && !relative_to) relative_to = relative_base;
  if (relative_base && relative_to && !is_below(*relative_to, *relative_base)) {
    relative_to.reset();
  }
  int status = 0;
  for (const std::string& operand : args.operands) {
    std::string out;
    vfs::Error err = operand.empty() ? vfs::make_error(ENOENT) : r.resolve(operand, out);
    if (err) {
      if (!quiet) inv.error(operand, err);
      status = 1;
      continue;
    }
    if (relative_to && (!relative_base || is_below(out, *relative_base)))
      out = fsu::relative_path(*relative_to, out);
    inv.out() << out << eol;
  }
  return status;
}

}  // namespace

BURROW_COMMAND(realpath, "print the resolved path", run_realpath);

}  // namespace burrow
