// rm: remove files or directories (GNU coreutils 9).
#include <algorithm>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kForce, kInteractiveAlways, kInteractiveOnce, kInteractive, kOneFs, kNoPreserveRoot, kPreserveRoot,
           kRecursive, kDir, kVerbose };

constexpr OptionSpec kOptions[] = {
    {kForce, 'f', "force", ArgKind::kNone, "ignore nonexistent files and arguments, never prompt"},
    {kInteractiveAlways, 'i', "", ArgKind::kNone, "prompt before every removal"},
    {kInteractiveOnce, 'I', "", ArgKind::kNone, "prompt once before removing more than three files, or when removing recursively"},
    {kInteractive, 0, "interactive", ArgKind::kOptional, "prompt according to WHEN: never, once (-I), or always (-i)", "WHEN"},
    {kOneFs, 0, "one-file-system", ArgKind::kNone, "when removing a hierarchy recursively, skip any directory that is on a different file system"},
    {kNoPreserveRoot, 0, "no-preserve-root", ArgKind::kNone, "do not treat '/' specially"},
    {kPreserveRoot, 0, "preserve-root", ArgKind::kOptional, "do not remove '/' (default)", "all"},
    {kRecursive, 'r', "recursive", ArgKind::kNone, "remove directories and their contents recursively"},
    {kRecursive, 'R', "", ArgKind::kNone, ""},
    {kDir, 'd', "dir", ArgKind::kNone, "remove empty directories"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "explain what is being done"},
};

constexpr CommandSpec kSpec{"Usage: rm [OPTION]... [FILE]...", "Remove (unlink) the FILE(s).", kOptions};

enum class Prompt { kNever, kOnce, kAlways };

struct Remover {
  Invocation& inv;
  bool force = false, recursive = false, dir = false, verbose = false, preserve_root = true;
  Prompt prompt = Prompt::kNever;
  int status = 0;

  bool ask(const std::string& question) {
    inv.err() << "rm: " << question;
    inv.err().flush();
    std::string answer;
    inv.in().read_line(answer);
    return !answer.empty() && (answer[0] == 'y' || answer[0] == 'Y');
  }

  void fail(const std::string& display, vfs::Error err) {
    inv.error("cannot remove " + fsu::quote(display), err);
    status = 1;
  }

  static std::string describe(const vfs::Stat& st) {
    if (S_ISREG(st.mode)) return st.size == 0 ? "regular empty file" : "regular file";
    return fsu::type_name(st.mode, st.size);
  }

  static std::string child(const std::string& display, const std::string& name) {
    if (!display.empty() && display.back() == '/') return display + name;
    return display + "/" + name;
  }

  // Returns true when the path was removed.
  bool remove(const std::string& display, const std::string& path) {
    if (inv.cancelled()) return false;
    vfs::Stat st;
    if (vfs::Error err = inv.fs->lstat(path, st)) {
      if (!(force && err.value() == ENOENT)) fail(display, err);
      return false;
    }
    if (S_ISDIR(st.mode)) {
      if (!recursive) {
        if (!dir) {
          fail(display, vfs::make_error(EISDIR));
          return false;
        }
        if (prompt == Prompt::kAlways && !ask("remove directory " + fsu::quote(display) + "? ")) return false;
        if (vfs::Error err = inv.fs->rmdir(path)) {
          fail(display, err);
          return false;
        }
        if (verbose) inv.out() << "removed directory " << fsu::quote(display) << '\n';
        return true;
      }
      std::vector<vfs::DirEntry> entries;
      if (vfs::Error err = inv.fs->readdir(path, entries)) {
        fail(display, err);
        return false;
      }
      if (prompt == Prompt::kAlways && !entries.empty() &&
          !ask("descend into directory " + fsu::quote(display) + "? "))
        return false;
      std::sort(entries.begin(), entries.end(),
                [](const vfs::DirEntry& a, const vfs::DirEntry& b) { return a.name < b.name; });
      bool all = true;
      for (const auto& e : entries) {
        if (!remove(child(display, e.name), vfs::join(path, e.name))) all = false;
      }
      if (!all) return false;
      if (prompt == Prompt::kAlways && !ask("remove directory " + fsu::quote(display) + "? ")) return false;
      if (vfs::Error err = inv.fs->rmdir(path)) {
        fail(display, err);
        return false;
      }
      if (verbose) inv.out() << "removed directory " << fsu::quote(display) << '\n';
      return true;
    }
    if (prompt == Prompt::kAlways && !ask("remove " + describe(st) + " " + fsu::quote(display) + "? ")) return false;
    if (vfs::Error err = inv.fs->unlink(path)) {
      fail(display, err);
      return false;
    }
    if (verbose) inv.out() << "removed " << fsu::quote(display) << '\n';
    return true;
  }
};

int run_rm(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Remover r{inv};
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kForce: r.force = true; r.prompt = Prompt::kNever; break;
      case kInteractiveAlways: r.prompt = Prompt::kAlways; r.force = false; break;
      case kInteractiveOnce: r.prompt = Prompt::kOnce; r.force = false; break;
      case kInteractive:
        if (!o.has_value || o.value == "always" || o.value == "yes") r.prompt = Prompt::kAlways, r.force = false;
        else if (o.value == "once") r.prompt = Prompt::kOnce, r.force = false;
        else if (o.value == "never" || o.value == "no" || o.value == "none") r.prompt = Prompt::kNever;
        else {
          fsu::invalid_argument(inv, o.value, "--interactive", {{"never", "no", "none"}, {"once"}, {"always", "yes"}});
          return 1;
        }
        break;
      case kRecursive: r.recursive = true; break;
      case kDir: r.dir = true; break;
      case kVerbose: r.verbose = true; break;
      case kNoPreserveRoot: r.preserve_root = false; break;
      case kPreserveRoot: r.preserve_root = true; break;
    }
  }
  if (args.operands.empty()) {
    if (r.force) return 0;
    inv.error("missing operand");
    print_try_help(inv);
    return 1;
  }
  if (r.prompt == Prompt::kOnce && (args.operands.size() > 3 || r.recursive)) {
    size_t n = args.operands.size();
    std::string q = "remove " + std::to_string(n) + (n == 1 ? " argument" : " arguments");
    if (r.recursive) q += " recursively";
    if (!r.ask(q + "? ")) return 0;
  }
  for (const std::string& operand : args.operands) {
    std::string base = fsu::base_name(operand);
    if (base == "." || base == "..") {
      inv.error("refusing to remove '.' or '..' directory: skipping " + fsu::quote(operand));
      r.status = 1;
      continue;
    }
    std::string path = inv.path(operand);
    if (r.recursive && r.preserve_root && path == "/") {
      if (fsu::strip_trailing_slashes(operand) == "/") {
        inv.error("it is dangerous to operate recursively on '/'");
      } else {
        inv.error("it is dangerous to operate recursively on " + fsu::quote(operand) + " (same as '/')");
      }
      inv.error("use --no-preserve-root to override this failsafe");
      r.status = 1;
      continue;
    }
    r.remove(operand, path);
  }
  return r.status;
}

}  // namespace

BURROW_COMMAND(rm, "remove files or directories", run_rm);

}  // namespace burrow
