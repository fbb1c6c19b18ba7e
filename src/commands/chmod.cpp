// chmod: change file mode bits (GNU coreutils 9).
#include <algorithm>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kChanges, kNoPreserveRoot, kPreserveRoot, kQuiet, kReference, kRecursive, kVerbose };

constexpr OptionSpec kOptions[] = {
    {kChanges, 'c', "changes", ArgKind::kNone, "like verbose but report only when a change is made"},
    {kQuiet, 'f', "silent", ArgKind::kNone, "suppress most error messages"},
    {kQuiet, 0, "quiet", ArgKind::kNone, ""},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "output a diagnostic for every file processed"},
    {kNoPreserveRoot, 0, "no-preserve-root", ArgKind::kNone, "do not treat '/' specially (the default)"},
    {kPreserveRoot, 0, "preserve-root", ArgKind::kNone, "fail to operate recursively on '/'"},
    {kReference, 0, "reference", ArgKind::kRequired, "use RFILE's mode instead of MODE values", "RFILE"},
    {kRecursive, 'R', "recursive", ArgKind::kNone, "change files and directories recursively"},
};

constexpr CommandSpec kSpec{
    "Usage: chmod [OPTION]... MODE[,MODE]... FILE...\n  or:  chmod [OPTION]... OCTAL-MODE FILE...\n"
    "  or:  chmod [OPTION]... --reference=RFILE FILE...",
    "Change the mode of each FILE to MODE.\nWith --reference, change the mode of each FILE to that of RFILE.",
    kOptions};

struct Chmoder {
  Invocation& inv;
  std::string spec;
  std::optional<uint32_t> reference;
  bool recursive = false, verbose = false, changes = false, quiet = false, preserve_root = false;
  int status = 0;

  static std::string mode_text(uint32_t mode) {
    char buf[16];
    snprintf(buf, sizeof buf, "%04o", mode & 07777);
    return std::string(buf) + " (" + fsu::mode_string(mode).substr(1) + ")";
  }

  void change(const std::string& display, const std::string& path, bool top) {
    vfs::Stat st;
    vfs::Error err = top ? inv.fs->stat(path, st) : inv.fs->lstat(path, st);
    if (err) {
      if (!quiet) {
        vfs::Stat lst;
        if (top && !inv.fs->lstat(path, lst) && S_ISLNK(lst.mode))
          inv.error("cannot operate on dangling symlink " + fsu::quote(display));
        else
          inv.error("cannot access " + fsu::quote(display), err);
      }
      status = 1;
      return;
    }
    if (S_ISLNK(st.mode)) {
      // Symlinks met during -R are not followed and their modes never change.
      if (verbose) inv.out() << "neither symbolic link " << fsu::quote(display) << " nor referent has been changed\n";
      return;
    }
    if (recursive && preserve_root && path == "/") {
      inv.error("it is dangerous to operate recursively on '/'");
      inv.error("use --no-preserve-root to override this failsafe");
      status = 1;
      return;
    }
    uint32_t new_mode;
    if (reference) {
      new_mode = (st.mode & S_IFMT) | *reference;
    } else if (!fsu::apply_mode_spec(spec, st.mode, S_ISDIR(st.mode), fsu::kUmask, new_mode)) {
      new_mode = st.mode;
    }
    bool changed = (new_mode & 07777) != (st.mode & 07777);
    if (changed) {
      if (vfs::Error e = inv.fs->chmod(path, new_mode & 07777)) {
        if (!quiet) inv.error("changing permissions of " + fsu::quote(display), e);
        status = 1;
        return;
      }
    }
    if (verbose || (changes && changed)) {
      if (changed)
        inv.out() << "mode of " << fsu::quote(display) << " changed from " << mode_text(st.mode) << " to "
                  << mode_text(new_mode) << '\n';
      else
        inv.out() << "mode of " << fsu::quote(display) << " retained as " << mode_text(st.mode) << '\n';
    }
    // With a who-less symbolic mode, bits the umask blocks were not set: GNU warns.
    if (!reference && !changed && false) return;
    if (recursive && S_ISDIR(st.mode)) {
      std::vector<vfs::DirEntry> entries;
      if (vfs::Error e = inv.fs->readdir(path, entries)) {
        if (!quiet) inv.error("cannot read directory " + fsu::quote(display), e);
        status = 1;
        return;
      }
      std::sort(entries.begin(), entries.end(),
                [](const vfs::DirEntry& a, const vfs::DirEntry& b) { return a.name < b.name; });
      for (const auto& e : entries) {
        std::string child = display.back() == '/' ? display + e.name : display + "/" + e.name;
        change(child, vfs::join(path, e.name), false);
      }
    }
  }
};

int run_chmod(Invocation& inv) {
  // Modes such as "-w" look like options: GNU chmod accepts them as the mode.
  std::vector<std::string> saved = inv.argv;
  std::optional<std::string> dash_mode;
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") break;
    if (a.size() > 1 && a[0] == '-' && a[1] != '-' &&
        a.find_first_not_of("rwxXstugoa+-=,0123456789", 1) == std::string::npos &&
        a.find_first_of("rwxXst", 1) != std::string::npos) {
      dash_mode = a;
      inv.argv.erase(inv.argv.begin() + i);
      break;
    }
  }
  ParsedArgs args;
  std::optional<int> parse_status = parse_args(inv, kSpec, args);
  inv.argv = saved;
  if (parse_status) return *parse_status;
  Chmoder c{inv};
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kChanges: c.changes = true; break;
      case kQuiet: c.quiet = true; break;
      case kVerbose: c.verbose = true; break;
      case kNoPreserveRoot: c.preserve_root = false; break;
      case kPreserveRoot: c.preserve_root = true; break;
      case kRecursive: c.recursive = true; break;
    }
  }
  auto ops = args.operands;
  if (const std::string* ref = args.last(kReference)) {
    vfs::Stat st;
    if (vfs::Error e = inv.fs->stat(inv.path(*ref), st)) {
      inv.error("failed to get attributes of " + fsu::quote(*ref), e);
      return 1;
    }
    c.reference = st.mode & 07777;
  } else if (dash_mode) {
    c.spec = *dash_mode;
  } else {
    if (ops.empty()) {
      inv.error("missing operand");
      print_try_help(inv);
      return 1;
    }
    c.spec = ops.front();
    ops.erase(ops.begin());
  }
  if (ops.empty()) {
    if (c.reference || dash_mode || !c.spec.empty()) {
      inv.error("missing operand after " + fsu::quote_arg(inv, c.reference ? "" : c.spec));
    } else {
      inv.error("missing operand");
    }
    print_try_help(inv);
    return 1;
  }
  uint32_t probe;
  if (!c.reference && !fsu::apply_mode_spec(c.spec, S_IFREG | 0644, false, fsu::kUmask, probe)) {
    inv.error("invalid mode: " + fsu::quote_arg(inv, c.spec));
    print_try_help(inv);
    return 1;
  }
  for (const std::string& op : ops) c.change(op, inv.path(op), true);
  return c.status;
}

}  // namespace

BURROW_COMMAND(chmod, "change file mode bits", run_chmod);

}  // namespace burrow
