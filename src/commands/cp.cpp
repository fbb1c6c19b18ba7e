// cp: copy files and directories (GNU coreutils 9).
#include <algorithm>
#include <set>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kArchive, kAttributesOnly, kBackup, kBackupShort, kCopyContents, kNoDerefPreserveLinks, kDebug, kForce,
           kInteractive, kDerefCommandLine, kLink, kDereference, kNoClobber, kNoDereference, kPreserveDefault,
           kPreserve, kNoPreserve, kParents, kRecursive, kReflink, kRemoveDestination, kSparse,
           kStripTrailingSlashes, kSymbolicLink, kSuffix, kTargetDirectory, kNoTargetDirectory, kUpdate, kVerbose,
           kOneFileSystem, kContext };

constexpr OptionSpec kOptions[] = {
    {kArchive, 'a', "archive", ArgKind::kNone, "same as -dR --preserve=all"},
    {kAttributesOnly, 0, "attributes-only", ArgKind::kNone, "don't copy the file data, just the attributes"},
    {kBackup, 0, "backup", ArgKind::kOptional, "make a backup of each existing destination file", "CONTROL"},
    {kBackupShort, 'b', "", ArgKind::kNone, "like --backup but does not accept an argument"},
    {kCopyContents, 0, "copy-contents", ArgKind::kNone, "copy contents of special files when recursive"},
    {kNoDerefPreserveLinks, 'd', "", ArgKind::kNone, "same as --no-dereference --preserve=links"},
    {kDebug, 0, "debug", ArgKind::kNone, "explain how a file is copied.  Implies -v"},
    {kForce, 'f', "force", ArgKind::kNone, "if an existing destination file cannot be opened, remove it and try again"},
    {kInteractive, 'i', "interactive", ArgKind::kNone, "prompt before overwrite (overrides a previous -n option)"},
    {kDerefCommandLine, 'H', "", ArgKind::kNone, "follow command-line symbolic links in SOURCE"},
    {kLink, 'l', "link", ArgKind::kNone, "hard link files instead of copying"},
    {kDereference, 'L', "dereference", ArgKind::kNone, "always follow symbolic links in SOURCE"},
    {kNoClobber, 'n', "no-clobber", ArgKind::kNone, "do not overwrite an existing file (overrides a previous -i option)"},
    {kNoDereference, 'P', "no-dereference", ArgKind::kNone, "never follow symbolic links in SOURCE"},
    {kPreserveDefault, 'p', "", ArgKind::kNone, "same as --preserve=mode,ownership,timestamps"},
    {kPreserve, 0, "preserve", ArgKind::kOptional, "preserve the specified attributes", "ATTR_LIST"},
    {kNoPreserve, 0, "no-preserve", ArgKind::kRequired, "don't preserve the specified attributes", "ATTR_LIST"},
    {kParents, 0, "parents", ArgKind::kNone, "use full source file name under DIRECTORY"},
    {kRecursive, 'R', "recursive", ArgKind::kNone, "copy directories recursively"},
    {kRecursive, 'r', "", ArgKind::kNone, ""},
    {kReflink, 0, "reflink", ArgKind::kOptional, "control clone/CoW copies", "WHEN"},
    {kRemoveDestination, 0, "remove-destination", ArgKind::kNone, "remove each existing destination file before attempting to open it"},
    {kSparse, 0, "sparse", ArgKind::kRequired, "control creation of sparse files", "WHEN"},
    {kStripTrailingSlashes, 0, "strip-trailing-slashes", ArgKind::kNone, "remove any trailing slashes from each SOURCE argument"},
    {kSymbolicLink, 's', "symbolic-link", ArgKind::kNone, "make symbolic links instead of copying"},
    {kSuffix, 'S', "suffix", ArgKind::kRequired, "override the usual backup suffix", "SUFFIX"},
    {kTargetDirectory, 't', "target-directory", ArgKind::kRequired, "copy all SOURCE arguments into DIRECTORY", "DIRECTORY"},
    {kNoTargetDirectory, 'T', "no-target-directory", ArgKind::kNone, "treat DEST as a normal file"},
    {kUpdate, 'u', "update", ArgKind::kNone, "copy only when the SOURCE file is newer than the destination file or when the destination file is missing"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "explain what is being done"},
    {kOneFileSystem, 'x', "one-file-system", ArgKind::kNone, "stay on this file system"},
    {kContext, 'Z', "context", ArgKind::kOptional, "set SELinux security context (ignored)", "CTX"},
};

constexpr CommandSpec kSpec{
    "Usage: cp [OPTION]... [-T] SOURCE DEST\n  or:  cp [OPTION]... SOURCE... DIRECTORY\n"
    "  or:  cp [OPTION]... -t DIRECTORY SOURCE...",
    "Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.", kOptions};

enum class Deref { kNever, kCommandLine, kAlways };
enum class Clobber { kYes, kNo, kAsk };

struct Copier {
  Invocation& inv;
  bool recursive = false, verbose = false, force = false, update = false, hard_link = false, symlink = false;
  bool preserve_mode = false, preserve_owner = false, preserve_times = false, preserve_links = false;
  bool remove_destination = false, parents = false, attributes_only = false, backup = false;
  std::string suffix = "~";
  Deref deref = Deref::kCommandLine;
  Clobber clobber = Clobber::kYes;
  int status = 0;
  // Hard-link preservation: (dev, ino) of the source -> destination path.
  std::map<std::pair<uint64_t, uint64_t>, std::string> seen;
  // The operand being copied: descending into its own copy stops everything.
  std::string top_dst, top_dst_display, top_src_display;
  bool aborted = false;

  void fail(const std::string& message) {
    inv.error(message);
    status = 1;
  }
  void fail(const std::string& message, vfs::Error err) {
    inv.error(message, err);
    status = 1;
  }

  bool ask(const std::string& q) {
    inv.err() << "cp: " << q;
    inv.err().flush();
    std::string answer;
    inv.in().read_line(answer);
    return !answer.empty() && (answer[0] == 'y' || answer[0] == 'Y');
  }

  void apply_attributes(const std::string& dst, const vfs::Stat& st, bool is_link) {
    if (preserve_owner) inv.fs->chown(dst, st.uid, st.gid, !is_link);
    if (!is_link && preserve_mode) inv.fs->chmod(dst, st.mode & 07777);
    if (preserve_times)
      inv.fs->utimes(dst, vfs::TimeChange::at(st.atime), vfs::TimeChange::at(st.mtime), !is_link);
  }

  static std::string child(const std::string& display, const std::string& name) {
    if (!display.empty() && display.back() == '/') return display + name;
    return display + "/" + name;
  }

  // Copies src_display (a path as given) to dst_display. top: a command-line operand.
  bool copy(const std::string& src_display, const std::string& src, const std::string& dst_display,
            const std::string& dst, bool top) {
    if (inv.cancelled() || aborted) return false;
    if (top) {
      top_dst = dst;
      top_dst_display = dst_display;
      top_src_display = src_display;
      aborted = false;
    }
    vfs::Stat st;
    bool follow = deref == Deref::kAlways || (top && deref == Deref::kCommandLine);
    vfs::Error err = follow ? inv.fs->stat(src, st) : inv.fs->lstat(src, st);
    if (err) {
      fail("cannot stat " + fsu::quote(src_display), err);
      return false;
    }
    vfs::Stat dst_st;
    bool dst_exists = !inv.fs->lstat(dst, dst_st);
    vfs::Stat dst_follow;
    bool dst_follow_ok = dst_exists && !inv.fs->stat(dst, dst_follow);
    if (dst_exists) {
      const vfs::Stat& d = dst_follow_ok ? dst_follow : dst_st;
      if (d.ino == st.ino && d.dev == st.dev && !(S_ISLNK(st.mode) && !S_ISLNK(dst_st.mode) && false)) {
        if (!(S_ISLNK(dst_st.mode) && !follow && S_ISLNK(st.mode)) && !(hard_link && !S_ISDIR(st.mode) && false)) {
          fail(fsu::quote(src_display) + " and " + fsu::quote(dst_display) + " are the same file");
          return false;
        }
      }
    }
    if (S_ISDIR(st.mode)) {
      if (!recursive) {
        fail("-r not specified; omitting directory " + fsu::quote(src_display));
        return false;
      }
      return copy_dir(src_display, src, dst_display, dst, st, dst_exists, dst_exists ? dst_st : st,
                      dst_follow_ok && S_ISDIR(dst_follow.mode));
    }
    if (dst_exists) {
      if (dst_follow_ok && S_ISDIR(dst_follow.mode)) {
        fail("cannot overwrite directory " + fsu::quote(dst_display) + " with non-directory");
        return false;
      }
      if (clobber == Clobber::kNo) return true;
      if (update && dst_st.mtime >= st.mtime) return true;
      if (clobber == Clobber::kAsk && !ask("overwrite " + fsu::quote(dst_display) + "? ")) return true;
      if (backup) {
        if (vfs::Error e = inv.fs->rename(dst, dst + suffix)) {
          fail("cannot backup " + fsu::quote(dst_display), e);
          return false;
        }
        dst_exists = false;
      } else if (remove_destination || hard_link || symlink || S_ISLNK(st.mode) ||
                 (S_ISLNK(dst_st.mode) && !dst_follow_ok)) {
        if (vfs::Error e = inv.fs->unlink(dst)) {
          fail("cannot remove " + fsu::quote(dst_display), e);
          return false;
        }
        dst_exists = false;
      }
    }
    if (preserve_links && st.nlink > 1) {
      auto it = seen.find({st.dev, st.ino});
      if (it != seen.end()) {
        if (vfs::Error e = inv.fs->link(it->second, dst)) {
          fail("cannot create hard link " + fsu::quote(dst_display) + " to " + fsu::quote(it->second), e);
          return false;
        }
        report(src_display, dst_display, dst_exists);
        return true;
      }
      seen[{st.dev, st.ino}] = dst;
    }
    if (symlink) {
      if (src_display.empty() || (src_display[0] != '/' && dst_display.find('/') != std::string::npos &&
                                  fsu::base_name(dst_display) != dst_display)) {
        // GNU only makes relative symlinks in the current directory.
        if (src_display[0] != '/') {
          fail(fsu::quote(dst_display) + ": can make relative symbolic links only in current directory");
          return false;
        }
      }
      if (vfs::Error e = inv.fs->symlink(src_display, dst)) {
        fail("cannot create symbolic link " + fsu::quote(dst_display) + " to " + fsu::quote(src_display), e);
        return false;
      }
      report(src_display, dst_display, dst_exists);
      return true;
    }
    if (hard_link) {
      if (vfs::Error e = inv.fs->link(src, dst)) {
        fail("cannot create hard link " + fsu::quote(dst_display) + " to " + fsu::quote(src_display), e);
        return false;
      }
      report(src_display, dst_display, dst_exists);
      return true;
    }
    if (S_ISLNK(st.mode)) {
      std::string target;
      if (vfs::Error e = inv.fs->readlink(src, target)) {
        fail("cannot read symbolic link " + fsu::quote(src_display), e);
        return false;
      }
      if (vfs::Error e = inv.fs->symlink(target, dst)) {
        fail("cannot create symbolic link " + fsu::quote(dst_display), e);
        return false;
      }
      apply_attributes(dst, st, true);
      report(src_display, dst_display, false);
      return true;
    }
    if (!S_ISREG(st.mode)) {
      // Devices, fifos and sockets cannot be made in the sandbox: copy contents.
    }
    if (!attributes_only) {
      uint32_t mode = st.mode & 0777 & ~fsu::kUmask;
      vfs::Error e = fsu::copy_file_data(*inv.fs, src, dst, mode);
      if (e && force && dst_exists) {
        inv.fs->unlink(dst);
        e = fsu::copy_file_data(*inv.fs, src, dst, mode);
      }
      if (e) {
        if (e.value() == EACCES || e.value() == EISDIR || e.value() == ENOENT || e.value() == ENOTDIR) {
          vfs::Stat probe;
          if (inv.fs->stat(src, probe) || e.value() == EACCES) {
            bool src_problem = !!inv.fs->stat(src, probe);
            if (src_problem) fail("cannot open " + fsu::quote(src_display) + " for reading", e);
            else fail("cannot create regular file " + fsu::quote(dst_display), e);
          } else {
            fail("cannot create regular file " + fsu::quote(dst_display), e);
          }
        } else {
          fail("error copying " + fsu::quote(src_display) + " to " + fsu::quote(dst_display), e);
        }
        return false;
      }
    } else if (!dst_exists) {
      vfs::FilePtr f;
      if (vfs::Error e = inv.fs->open(dst, O_WRONLY | O_CREAT, st.mode & 0777 & ~fsu::kUmask, f)) {
        fail("cannot create regular file " + fsu::quote(dst_display), e);
        return false;
      }
      f->close();
    }
    apply_attributes(dst, st, false);
    report(src_display, dst_display, dst_exists && backup);
    return true;
  }

  void report(const std::string& src_display, const std::string& dst_display, bool backed_up) {
    if (!verbose) return;
    inv.out() << fsu::quote(src_display) << " -> " << fsu::quote(dst_display);
    if (backed_up && backup) inv.out() << " (backup: " << fsu::quote(dst_display + suffix) << ")";
    inv.out() << '\n';
  }

  bool copy_dir(const std::string& src_display, const std::string& src, const std::string& dst_display,
                const std::string& dst, const vfs::Stat& st, bool dst_exists, const vfs::Stat& dst_st,
                bool dst_is_dir) {
    if (dst == src) {
      fail("cannot copy a directory, " + fsu::quote(src_display) + ", into itself, " + fsu::quote(dst_display));
      return false;
    }
    bool created = false;
    if (dst_exists) {
      if (!dst_is_dir) {
        fail("cannot overwrite non-directory " + fsu::quote(dst_display) + " with directory " +
             fsu::quote(src_display));
        return false;
      }
      (void)dst_st;
    } else {
      if (vfs::Error e = inv.fs->mkdir(dst, (st.mode & 0777) | S_IRWXU)) {
        fail("cannot create directory " + fsu::quote(dst_display), e);
        return false;
      }
      created = true;
      report(src_display, dst_display, false);
    }
    std::vector<vfs::DirEntry> entries;
    if (vfs::Error e = inv.fs->readdir(src, entries)) {
      fail("cannot access " + fsu::quote(src_display), e);
      return false;
    }
    // GNU cp reads directories sorted by inode number.
    for (auto& e : entries) {
      vfs::Stat est;
      if (!inv.fs->lstat(vfs::join(src, e.name), est)) e.ino = est.ino;
    }
    std::sort(entries.begin(), entries.end(),
              [](const vfs::DirEntry& a, const vfs::DirEntry& b) { return a.ino < b.ino; });
    bool ok = true;
    for (const auto& e : entries) {
      if (aborted) return false;
      if (vfs::join(src, e.name) == top_dst) {
        fail("cannot copy a directory, " + fsu::quote(top_src_display) + ", into itself, " + fsu::quote(top_dst_display));
        aborted = true;
        return false;
      }
      if (!copy(child(src_display, e.name), vfs::join(src, e.name), child(dst_display, e.name),
                vfs::join(dst, e.name), false))
        ok = false;
    }
    if (created) {
      uint32_t mode = preserve_mode ? st.mode & 07777 : st.mode & 0777 & ~fsu::kUmask;
      inv.fs->chmod(dst, mode);
    }
    if (created || preserve_mode || preserve_times || preserve_owner) {
      vfs::Stat copy = st;
      bool pm = preserve_mode;
      preserve_mode = false;  // already applied above
      apply_attributes(dst, copy, false);
      preserve_mode = pm;
    }
    return ok;
  }
};

bool apply_preserve_list(Invocation& inv, Copier& c, const std::string& list, bool on) {
  size_t pos = 0;
  while (pos <= list.size()) {
    size_t comma = list.find(',', pos);
    std::string item = list.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    pos = comma == std::string::npos ? list.size() + 1 : comma + 1;
    if (item == "mode") c.preserve_mode = on;
    else if (item == "ownership") c.preserve_owner = on;
    else if (item == "timestamps") c.preserve_times = on;
    else if (item == "links") c.preserve_links = on;
    else if (item == "all") c.preserve_mode = c.preserve_owner = c.preserve_times = c.preserve_links = on;
    else if (item == "context" || item == "xattr") {
    } else {
      fsu::invalid_argument(inv, item, on ? "--preserve" : "--no-preserve",
                            {{"mode"}, {"timestamps"}, {"ownership"}, {"links"}, {"context"}, {"xattr"}, {"all"}});
      return false;
    }
  }
  return true;
}

int run_cp(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Copier c{inv};
  bool deref_set = false, no_target_dir = false, strip = false;
  std::optional<std::string> target_dir;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kArchive:
        c.recursive = true;
        c.deref = Deref::kNever;
        deref_set = true;
        c.preserve_mode = c.preserve_owner = c.preserve_times = c.preserve_links = true;
        break;
      case kAttributesOnly: c.attributes_only = true; break;
      case kBackup: case kBackupShort: c.backup = true; break;
      case kSuffix: c.suffix = o.value; c.backup = true; break;
      case kNoDerefPreserveLinks: c.deref = Deref::kNever; deref_set = true; c.preserve_links = true; break;
      case kDebug: c.verbose = true; break;
      case kForce: c.force = true; break;
      case kInteractive: c.clobber = Clobber::kAsk; break;
      case kNoClobber: c.clobber = Clobber::kNo; break;
      case kDerefCommandLine: c.deref = Deref::kCommandLine; deref_set = true; break;
      case kDereference: c.deref = Deref::kAlways; deref_set = true; break;
      case kNoDereference: c.deref = Deref::kNever; deref_set = true; break;
      case kLink: c.hard_link = true; break;
      case kSymbolicLink: c.symlink = true; break;
      case kPreserveDefault: c.preserve_mode = c.preserve_owner = c.preserve_times = true; break;
      case kPreserve:
        if (!apply_preserve_list(inv, c, o.has_value ? o.value : "mode,ownership,timestamps", true)) return 1;
        break;
      case kNoPreserve:
        if (!apply_preserve_list(inv, c, o.value, false)) return 1;
        break;
      case kParents: c.parents = true; break;
      case kRecursive: c.recursive = true; break;
      case kRemoveDestination: c.remove_destination = true; break;
      case kStripTrailingSlashes: strip = true; break;
      case kTargetDirectory: target_dir = o.value; break;
      case kNoTargetDirectory: no_target_dir = true; break;
      case kUpdate: c.update = true; break;
      case kVerbose: c.verbose = true; break;
      default: break;
    }
  }
  // -R without -L/-H copies symlinks as symlinks.
  if (!deref_set) c.deref = c.recursive ? Deref::kNever : Deref::kAlways;
  if (c.hard_link && c.symlink) {
    inv.error("cannot make both hard and symbolic links");
    print_try_help(inv);
    return 1;
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
      c.copy(ops[0], inv.path(ops[0]), ops[1], inv.path(ops[1]), true);
      return c.status;
    }
    std::string last = ops.back();
    if (ops.size() == 2 && !fsu::is_dir(*inv.fs, inv.path(last)) && !c.parents) {
      std::string dst = inv.path(last);
      if (last.size() > 1 && last.back() == '/' ) {
        vfs::Stat st;
        vfs::Stat sst;
        if (inv.fs->stat(dst, st) && !inv.fs->stat(inv.path(ops[0]), sst) && !S_ISDIR(sst.mode)) {
          inv.error("cannot create regular file " + fsu::quote(last), vfs::make_error(ENOTDIR));
          return 1;
        }
      }
      c.copy(ops[0], inv.path(ops[0]), last, dst, true);
      return c.status;
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
    std::string dst_display;
    std::string dir = *target_dir;
    std::string sep = (!dir.empty() && dir.back() == '/') ? "" : "/";
    if (c.parents) {
      std::string rel = fsu::strip_trailing_slashes(src);
      dst_display = dir + sep + rel;
      // Create the intermediate directories of the source's name.
      std::string prefix;
      size_t pos = 0;
      bool ok = true;
      while (true) {
        size_t slash = rel.find('/', pos);
        if (slash == std::string::npos) break;
        prefix = rel.substr(0, slash);
        pos = slash + 1;
        if (prefix.empty()) continue;
        std::string d = inv.path(dir + "/" + prefix);
        if (fsu::is_dir(*inv.fs, d)) continue;
        vfs::Stat sst;
        uint32_t mode = 0755;
        if (!inv.fs->stat(inv.path(prefix), sst)) mode = sst.mode & 0777;
        if (vfs::Error e = inv.fs->mkdir(d, mode)) {
          c.fail("cannot make directory " + fsu::quote(dir + sep + prefix), e);
          ok = false;
          break;
        }
        if (c.verbose) inv.out() << prefix << " -> " << dir << sep << prefix << '\n';
      }
      if (!ok) continue;
    } else {
      dst_display = dir + sep + fsu::base_name(src);
    }
    c.copy(src, inv.path(src), dst_display, inv.path(dst_display), true);
  }
  return c.status;
}

}  // namespace

BURROW_COMMAND(cp, "copy files and directories", run_cp);

}  // namespace burrow
