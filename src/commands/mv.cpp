// mv: move (rename) files (GNU coreutils 9).
#include <algorithm>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kBackup, kBackupShort, kDebug, kForce, kInteractive, kNoClobber, kNoCopy, kStripTrailingSlashes, kSuffix,
           kTargetDirectory, kNoTargetDirectory, kUpdate, kVerbose, kContext };

constexpr OptionSpec kOptions[] = {
    {kBackup, 0, "backup", ArgKind::kOptional, "make a backup of each existing destination file", "CONTROL"},
    {kBackupShort, 'b', "", ArgKind::kNone, "like --backup but does not accept an argument"},
    {kDebug, 0, "debug", ArgKind::kNone, "explain how a file is copied.  Implies -v"},
    {kForce, 'f', "force", ArgKind::kNone, "do not prompt before overwriting"},
    {kInteractive, 'i', "interactive", ArgKind::kNone, "prompt before overwrite"},
    {kNoClobber, 'n', "no-clobber", ArgKind::kNone, "do not overwrite an existing file"},
    {kNoCopy, 0, "no-copy", ArgKind::kNone, "do not copy if renaming fails"},
    {kStripTrailingSlashes, 0, "strip-trailing-slashes", ArgKind::kNone, "remove any trailing slashes from each SOURCE argument"},
    {kSuffix, 'S', "suffix", ArgKind::kRequired, "override the usual backup suffix", "SUFFIX"},
    {kTargetDirectory, 't', "target-directory", ArgKind::kRequired, "move all SOURCE arguments into DIRECTORY", "DIRECTORY"},
    {kNoTargetDirectory, 'T', "no-target-directory", ArgKind::kNone, "treat DEST as a normal file"},
    {kUpdate, 'u', "update", ArgKind::kNone, "move only when the SOURCE file is newer than the destination file or when the destination file is missing"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "explain what is being done"},
    {kContext, 'Z', "context", ArgKind::kNone, "set SELinux security context of destination file to default type"},
};

constexpr CommandSpec kSpec{
    "Usage: mv [OPTION]... [-T] SOURCE DEST\n  or:  mv [OPTION]... SOURCE... DIRECTORY\n"
    "  or:  mv [OPTION]... -t DIRECTORY SOURCE...",
    "Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.", kOptions};

enum class Clobber { kYes, kNo, kAsk };

struct Mover {
  Invocation& inv;
  Clobber clobber = Clobber::kYes;
  bool update = false, verbose = false, backup = false, no_copy = false;
  std::string suffix = "~";
  int status = 0;

  void fail(const std::string& m) {
    inv.error(m);
    status = 1;
  }
  void fail(const std::string& m, vfs::Error e) {
    inv.error(m, e);
    status = 1;
  }

  // Copies a tree (for moves across file systems); symlinks stay symlinks.
  vfs::Error copy_tree(const std::string& src, const std::string& dst) {
    vfs::Stat st;
    if (vfs::Error e = inv.fs->lstat(src, st)) return e;
    if (S_ISLNK(st.mode)) {
      std::string target;
      if (vfs::Error e = inv.fs->readlink(src, target)) return e;
      return inv.fs->symlink(target, dst);
    }
    if (S_ISDIR(st.mode)) {
      if (vfs::Error e = inv.fs->mkdir(dst, 0700)) return e;
      std::vector<vfs::DirEntry> entries;
      if (vfs::Error e = inv.fs->readdir(src, entries)) return e;
      for (const auto& d : entries)
        if (vfs::Error e = copy_tree(vfs::join(src, d.name), vfs::join(dst, d.name))) return e;
    } else {
      if (vfs::Error e = fsu::copy_file_data(*inv.fs, src, dst, st.mode & 0777)) return e;
    }
    inv.fs->chmod(dst, st.mode & 07777);
    inv.fs->chown(dst, st.uid, st.gid, true);
    inv.fs->utimes(dst, vfs::TimeChange::at(st.atime), vfs::TimeChange::at(st.mtime), true);
    return {};
  }

  void move(const std::string& src_display, const std::string& dst_display) {
    std::string src = inv.path(src_display), dst = inv.path(dst_display);
    vfs::Stat st;
    if (vfs::Error e = inv.fs->lstat(src, st)) {
      fail("cannot stat " + fsu::quote(src_display), e);
      return;
    }
    vfs::Stat dst_st;
    bool dst_exists = !inv.fs->lstat(dst, dst_st);
    if (dst_exists) {
      if (dst_st.ino == st.ino && dst_st.dev == st.dev) {
        if (src == dst || !(st.nlink > 1)) {
          fail(fsu::quote(src_display) + " and " + fsu::quote(dst_display) + " are the same file");
          return;
        }
      }
      if (S_ISDIR(st.mode) && !S_ISDIR(dst_st.mode)) {
        fail("cannot overwrite non-directory " + fsu::quote(dst_display) + " with directory " +
             fsu::quote(src_display));
        return;
      }
      if (!S_ISDIR(st.mode) && S_ISDIR(dst_st.mode)) {
        fail("cannot overwrite directory " + fsu::quote(dst_display) + " with non-directory");
        return;
      }
      if (clobber == Clobber::kNo) return;
      if (update && dst_st.mtime >= st.mtime) return;
      if (clobber == Clobber::kAsk) {
        inv.err() << "mv: overwrite " << fsu::quote(dst_display) << "? ";
        inv.err().flush();
        std::string answer;
        inv.in().read_line(answer);
        if (answer.empty() || (answer[0] != 'y' && answer[0] != 'Y')) return;
      }
    }
    if (S_ISDIR(st.mode) && (dst == src || (dst.size() > src.size() && dst.compare(0, src.size(), src) == 0 &&
                                            dst[src.size()] == '/'))) {
      fail("cannot move " + fsu::quote(src_display) + " to a subdirectory of itself, " + fsu::quote(dst_display));
      return;
    }
    bool backed_up = false;
    if (dst_exists && backup) {
      if (vfs::Error e = inv.fs->rename(dst, dst + suffix)) {
        fail("cannot backup " + fsu::quote(dst_display), e);
        return;
      }
      backed_up = true;
    }
    vfs::Error err = inv.fs->rename(src, dst);
    if (err.value() == EXDEV && !no_copy) {
      if (dst_exists && !backed_up) fsu::remove_tree(*inv.fs, dst);
      err = copy_tree(src, dst);
      if (!err) err = fsu::remove_tree(*inv.fs, src);
    }
    if (err) {
      fail("cannot move " + fsu::quote(src_display) + " to " + fsu::quote(dst_display), err);
      return;
    }
    if (verbose) {
      inv.out() << "renamed " << fsu::quote(src_display) << " -> " << fsu::quote(dst_display);
      if (backed_up) inv.out() << " (backup: " << fsu::quote(dst_display + suffix) << ")";
      inv.out() << '\n';
    }
  }
};

int run_mv(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Mover m{inv};
  bool no_target_dir = false, strip = false;
  std::optional<std::string> target_dir;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kBackup: case kBackupShort: m.backup = true; break;
      case kSuffix: m.suffix = o.value; m.backup = true; break;
      case kDebug: case kVerbose: m.verbose = true; break;
      case kForce: m.clobber = Clobber::kYes; break;
      case kInteractive: m.clobber = Clobber::kAsk; break;
      case kNoClobber: m.clobber = Clobber::kNo; break;
      case kNoCopy: m.no_copy = true; break;
      case kStripTrailingSlashes: strip = true; break;
      case kTargetDirectory: target_dir = o.value; break;
      case kNoTargetDirectory: no_target_dir = true; break;
      case kUpdate: m.update = true; break;
    }
  }
  auto ops = args.operands;
  if (strip)
    for (auto& s : ops) s = fsu::strip_trailing_slashes(s);
  if (target_dir && no_target_dir) {
    inv.error("cannot combine --target-directory (-t) and --no-target-directory (-T)");
    print_try_help(inv);
    return 1;
  }
  if (ops.empty()) {
    inv.error("missing file operand");
    print_try_help(inv);
    return 1;
  }
  if (!target_dir) {
    if (ops.size() == 1) {
      inv.error("missing destination file operand after " + fsu::quote(ops[0]));
      print_try_help(inv);
      return 1;
    }
    if (no_target_dir) {
      if (ops.size() > 2) {
        inv.error("extra operand " + fsu::quote_arg(inv, ops[2]));
        print_try_help(inv);
        return 1;
      }
      m.move(ops[0], ops[1]);
      return m.status;
    }
    std::string last = ops.back();
    if (ops.size() == 2 && !fsu::is_dir(*inv.fs, inv.path(last))) {
      m.move(ops[0], last);
      return m.status;
    }
    ops.pop_back();
    target_dir = last;
  }
  vfs::Stat tst;
  if (vfs::Error err = inv.fs->stat(inv.path(*target_dir), tst); err || !S_ISDIR(tst.mode)) {
    if (args.has(kTargetDirectory)) inv.error("target directory " + fsu::quote(*target_dir), err ? err : vfs::make_error(ENOTDIR));
    else inv.error("target " + fsu::quote(*target_dir), err ? err : vfs::make_error(ENOTDIR));
    return 1;
  }
  for (const std::string& src : ops) {
    std::string dir = *target_dir;
    std::string sep = (!dir.empty() && dir.back() == '/') ? "" : "/";
    m.move(src, dir + sep + fsu::base_name(src));
  }
  return m.status;
}

}  // namespace

BURROW_COMMAND(mv, "move (rename) files", run_mv);

}  // namespace burrow
