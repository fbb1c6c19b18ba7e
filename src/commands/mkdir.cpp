// mkdir: make directories (GNU coreutils 9).
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kMode, kParents, kVerbose, kContext };

constexpr OptionSpec kOptions[] = {
    {kMode, 'm', "mode", ArgKind::kRequired, "set file mode (as in chmod), not a=rwx - umask", "MODE"},
    {kParents, 'p', "parents", ArgKind::kNone, "no error if existing, make parent directories as needed"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "print a message for each created directory"},
    {kContext, 'Z', "context", ArgKind::kOptional, "set SELinux security context (ignored)", "CTX"},
};

constexpr CommandSpec kSpec{"Usage: mkdir [OPTION]... DIRECTORY...",
                            "Create the DIRECTORY(ies), if they do not already exist.", kOptions};

struct MkdirOptions {
  bool parents = false, verbose = false;
  std::optional<std::string> mode_spec;
};

// Creates one directory; `display` is how messages name it.
bool make_one(Invocation& inv, const std::string& path, const std::string& display, const MkdirOptions& o,
              bool final_component) {
  uint32_t mode = 0777 & ~fsu::kUmask;
  if (!final_component) mode |= S_IWUSR | S_IXUSR;
  vfs::Error err = inv.fs->mkdir(path, mode);
  if (err) {
    if (o.parents && err.value() == EEXIST && fsu::is_dir(*inv.fs, path)) return true;
    inv.error("cannot create directory " + fsu::quote_arg(inv, display), err);
    return false;
  }
  if (final_component && o.mode_spec) {
    uint32_t m;
    fsu::apply_mode_spec(*o.mode_spec, S_IFDIR | 0777, true, fsu::kUmask, m);
    inv.fs->chmod(path, m & 07777);
  }
  if (o.verbose) inv.out() << "mkdir: created directory " << fsu::quote(display) << '\n';
  return true;
}

int run_mkdir(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  MkdirOptions o;
  o.parents = args.has(kParents);
  o.verbose = args.has(kVerbose);
  if (const std::string* m = args.last(kMode)) {
    uint32_t out;
    if (!fsu::apply_mode_spec(*m, S_IFDIR | 0777, true, fsu::kUmask, out)) {
      inv.error("invalid mode " + fsu::quote_arg(inv, *m));
      return 1;
    }
    o.mode_spec = *m;
  }
  if (args.operands.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 1;
  }
  int status = 0;
  for (const std::string& operand : args.operands) {
    if (!o.parents) {
      if (!make_one(inv, inv.path(operand), operand, o, true)) status = 1;
      continue;
    }
    // Create each missing ancestor, naming it as the operand spells it.
    std::string prefix;
    size_t pos = 0;
    bool ok = true;
    while (ok && pos < operand.size()) {
      size_t slash = operand.find('/', pos);
      if (slash == 0) {
        prefix = "/";
        pos = 1;
        continue;
      }
      std::string part = operand.substr(pos, slash == std::string::npos ? std::string::npos : slash - pos);
      pos = slash == std::string::npos ? operand.size() : slash + 1;
      if (part.empty()) continue;
      if (!prefix.empty() && prefix.back() != '/') prefix += '/';
      prefix += part;
      bool last = operand.find_first_not_of('/', pos) == std::string::npos;
      if (part == "." || part == "..") continue;
      std::string path = inv.path(prefix);
      vfs::Stat st;
      if (!last && !inv.fs->stat(path, st)) {
        if (!S_ISDIR(st.mode)) {
          inv.error("cannot create directory " + fsu::quote_arg(inv, prefix), vfs::make_error(ENOTDIR));
          ok = false;
        }
        continue;
      }
      ok = make_one(inv, path, prefix, o, last);
    }
    if (!ok) status = 1;
  }
  return status;
}

}  // namespace

BURROW_COMMAND(mkdir, "make directories", run_mkdir);

}  // namespace burrow
