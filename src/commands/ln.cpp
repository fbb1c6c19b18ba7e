// ln: make links between files (GNU coreutils 9).
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kBackup, kBackupShort, kDirectory, kForce, kInteractive, kLogical, kNoDereference, kPhysical, kRelative,
           kSymbolic, kSuffix, kTargetDirectory, kNoTargetDirectory, kVerbose };

constexpr OptionSpec kOptions[] = {
    {kBackup, 0, "backup", ArgKind::kOptional, "make a backup of each existing destination file", "CONTROL"},
    {kBackupShort, 'b', "", ArgKind::kNone, "like --backup but does not accept an argument"},
    {kDirectory, 'd', "directory", ArgKind::kNone, "allow the superuser to attempt to hard link directories"},
    {kDirectory, 'F', "", ArgKind::kNone, ""},
    {kForce, 'f', "force", ArgKind::kNone, "remove existing destination files"},
    {kInteractive, 'i', "interactive", ArgKind::kNone, "prompt whether to remove destinations"},
    {kLogical, 'L', "logical", ArgKind::kNone, "dereference TARGETs that are symbolic links"},
    {kNoDereference, 'n', "no-dereference", ArgKind::kNone, "treat LINK_NAME as a normal file if it is a symbolic link to a directory"},
    {kPhysical, 'P', "physical", ArgKind::kNone, "make hard links directly to symbolic links"},
    {kRelative, 'r', "relative", ArgKind::kNone, "with -s, create links relative to link location"},
    {kSymbolic, 's', "symbolic", ArgKind::kNone, "make symbolic links instead of hard links"},
    {kSuffix, 'S', "suffix", ArgKind::kRequired, "override the usual backup suffix", "SUFFIX"},
    {kTargetDirectory, 't', "target-directory", ArgKind::kRequired, "specify the DIRECTORY in which to create the links", "DIRECTORY"},
    {kNoTargetDirectory, 'T', "no-target-directory", ArgKind::kNone, "treat LINK_NAME as a normal file always"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "print name of each linked file"},
};

constexpr CommandSpec kSpec{
    "Usage: ln [OPTION]... [-T] TARGET LINK_NAME\n  or:  ln [OPTION]... TARGET\n"
    "  or:  ln [OPTION]... TARGET... DIRECTORY\n  or:  ln [OPTION]... -t DIRECTORY TARGET...",
    "In the 1st form, create a link to TARGET with the name LINK_NAME.\n"
    "In the 2nd form, create a link to TARGET in the current directory.\n"
    "In the 3rd and 4th forms, create links to each TARGET in DIRECTORY.",
    kOptions};

struct Linker {
  Invocation& inv;
  bool symbolic = false, force = false, interactive = false, relative = false, verbose = false, logical = false;
  bool backup = false;
  std::string suffix = "~";

  bool link(const std::string& target, const std::string& link_name) {
    std::string link_path = inv.path(link_name);
    std::string what = symbolic ? "symbolic link" : "hard link";
    if (!symbolic) {
      vfs::Stat st;
      vfs::Error err = logical ? inv.fs->stat(inv.path(target), st) : inv.fs->lstat(inv.path(target), st);
      if (err) {
        inv.error("failed to access " + fsu::quote(target), err);
        return false;
      }
      if (S_ISDIR(st.mode)) {
        inv.error(fsu::shell_quote_if_needed(target) + ": hard link not allowed for directory");
        return false;
      }
    }
    vfs::Stat existing;
    bool exists = !inv.fs->lstat(link_path, existing);
    if (exists) {
      if (!symbolic) {
        vfs::Stat src;
        if (!inv.fs->stat(inv.path(target), src) && src.ino == existing.ino && src.dev == existing.dev &&
            (force || backup)) {
          inv.error(fsu::quote(target) + " and " + fsu::quote(link_name) + " are the same file");
          return false;
        }
      }
      if (interactive) {
        inv.err() << "ln: replace " << fsu::quote(link_name) << "? ";
        inv.err().flush();
        std::string answer;
        inv.in().read_line(answer);
        if (answer.empty() || (answer[0] != 'y' && answer[0] != 'Y')) return true;
      } else if (!force && !backup) {
        fail(what, target, link_name, vfs::make_error(EEXIST));
        return false;
      }
      if (S_ISDIR(existing.mode)) {
        inv.error("cannot overwrite directory " + fsu::quote(link_name));
        return false;
      }
      vfs::Error err = backup ? inv.fs->rename(link_path, link_path + suffix) : inv.fs->unlink(link_path);
      if (err) {
        inv.error("cannot remove " + fsu::quote(link_name), err);
        return false;
      }
    }
    std::string value = target;
    if (symbolic && relative) {
      std::string abs_target, link_dir;
      fsu::canonicalize(*inv.fs, inv.path(target), fsu::Canon::kMissingOk, abs_target);
      fsu::canonicalize(*inv.fs, std::string(vfs::dirname_of(link_path)), fsu::Canon::kMissingOk, link_dir);
      value = fsu::relative_path(link_dir, abs_target);
    }
    vfs::Error err;
    if (symbolic) {
      err = inv.fs->symlink(value, link_path);
    } else {
      std::string src = inv.path(target);
      if (logical) fsu::canonicalize(*inv.fs, src, fsu::Canon::kAllExist, src);
      err = inv.fs->link(src, link_path);
    }
    if (err) {
      fail(what, target, link_name, err);
      return false;
    }
    if (verbose) {
      inv.out() << fsu::quote(link_name) << (symbolic ? " -> " : " => ") << fsu::quote(value);
      if (exists && backup) inv.out() << " (backup: " << fsu::quote(link_name + suffix) << ")";
      inv.out() << '\n';
    }
    return true;
  }

  void fail(const std::string& what, const std::string& target, const std::string& link_name, vfs::Error err) {
    if (symbolic || err.value() == EEXIST) inv.error("failed to create " + what + " " + fsu::quote(link_name), err);
    else inv.error("failed to create " + what + " " + fsu::quote(link_name) + " => " + fsu::quote(target), err);
  }
};

std::string join_display(const std::string& dir, const std::string& name) {
  if (!dir.empty() && dir.back() == '/') return dir + name;
  return dir + "/" + name;
}

int run_ln(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Linker l{inv};
  bool no_target_dir = false, no_deref = false;
  std::optional<std::string> target_dir;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kBackup: case kBackupShort: l.backup = true; break;
      case kForce: l.force = true; l.interactive = false; break;
      case kInteractive: l.interactive = true; l.force = false; break;
      case kLogical: l.logical = true; break;
      case kPhysical: l.logical = false; break;
      case kNoDereference: no_deref = true; break;
      case kRelative: l.relative = true; break;
      case kSymbolic: l.symbolic = true; break;
      case kSuffix: l.suffix = o.value; l.backup = true; break;
      case kTargetDirectory: target_dir = o.value; break;
      case kNoTargetDirectory: no_target_dir = true; break;
      case kVerbose: l.verbose = true; break;
    }
  }
  if (l.relative && !l.symbolic) {
    inv.error("cannot do --relative without --symbolic");
    return 1;
  }
  auto& ops = args.operands;
  if (target_dir && no_target_dir) {
    inv.error("cannot combine --target-directory and --no-target-directory");
    return 1;
  }
  if (ops.empty()) {
    inv.error("missing file operand");
    print_try_help(inv);
    return 1;
  }
  auto is_dir_dest = [&](const std::string& d) {
    std::string p = inv.path(d);
    vfs::Stat st;
    if (no_deref && !inv.fs->lstat(p, st) && S_ISLNK(st.mode)) return false;
    return fsu::is_dir(*inv.fs, p);
  };
  if (target_dir) {
    if (!fsu::is_dir(*inv.fs, inv.path(*target_dir))) {
      vfs::Stat st;
      vfs::Error err = inv.fs->stat(inv.path(*target_dir), st);
      inv.error("target directory " + fsu::quote(*target_dir), err ? err : vfs::make_error(ENOTDIR));
      return 1;
    }
  } else if (no_target_dir) {
    if (ops.size() > 2) {
      inv.error("extra operand " + fsu::quote_arg(inv, ops[2]));
      print_try_help(inv);
      return 1;
    }
    if (ops.size() < 2) {
      inv.error("missing destination file operand after " + fsu::quote(ops[0]));
      print_try_help(inv);
      return 1;
    }
    return l.link(ops[0], ops[1]) ? 0 : 1;
  } else if (ops.size() == 1) {
    target_dir = ".";
  } else if (ops.size() == 2 && !is_dir_dest(ops[1])) {
    return l.link(ops[0], ops[1]) ? 0 : 1;
  } else {
    target_dir = ops.back();
    ops.pop_back();
    if (!is_dir_dest(*target_dir)) {
      inv.error("target " + fsu::quote(*target_dir), vfs::make_error(ENOTDIR));
      return 1;
    }
  }
  int status = 0;
  for (const std::string& t : ops) {
    std::string name = fsu::base_name(t);
    std::string dest = *target_dir == "." && ops.size() >= 1 && !args.has(kTargetDirectory) && args.operands.size() == 1
                           ? name
                           : join_display(*target_dir, name);
    if (!l.link(t, dest)) status = 1;
  }
  return status;
}

}  // namespace

BURROW_COMMAND(ln, "make links between files", run_ln);

}  // namespace burrow
