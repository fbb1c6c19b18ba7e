// install: copy files and set attributes (GNU coreutils 9).
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kBackup, kBackupShort, kCompare, kDirectory, kMakeParents, kGroup, kMode, kOwner, kPreserveTimestamps,
           kStrip, kStripProgram, kSuffix, kTargetDirectory, kNoTargetDirectory, kVerbose, kContext, kC };

constexpr OptionSpec kOptions[] = {
    {kBackup, 0, "backup", ArgKind::kOptional, "make a backup of each existing destination file", "CONTROL"},
    {kBackupShort, 'b', "", ArgKind::kNone, "like --backup but does not accept an argument"},
    {kC, 'c', "", ArgKind::kNone, "(ignored)"},
    {kCompare, 'C', "compare", ArgKind::kNone, "compare content of source and destination files, and if no change to the destination, do not modify the destination at all"},
    {kDirectory, 'd', "directory", ArgKind::kNone, "treat all arguments as directory names; create all components of the specified directories"},
    {kMakeParents, 'D', "", ArgKind::kNone, "create all leading components of DEST except the last, or all components of --target-directory, then copy SOURCE to DEST"},
    {kGroup, 'g', "group", ArgKind::kRequired, "set group ownership, instead of process' current group", "GROUP"},
    {kMode, 'm', "mode", ArgKind::kRequired, "set permission mode (as in chmod), instead of rwxr-xr-x", "MODE"},
    {kOwner, 'o', "owner", ArgKind::kRequired, "set ownership (super-user only)", "OWNER"},
    {kPreserveTimestamps, 'p', "preserve-timestamps", ArgKind::kNone, "apply access/modification times of SOURCE files to corresponding destination files"},
    {kStrip, 's', "strip", ArgKind::kNone, "strip symbol tables"},
    {kStripProgram, 0, "strip-program", ArgKind::kRequired, "program used to strip binaries", "PROGRAM"},
    {kSuffix, 'S', "suffix", ArgKind::kRequired, "override the usual backup suffix", "SUFFIX"},
    {kTargetDirectory, 't', "target-directory", ArgKind::kRequired, "copy all SOURCE arguments into DIRECTORY", "DIRECTORY"},
    {kNoTargetDirectory, 'T', "no-target-directory", ArgKind::kNone, "treat DEST as a normal file"},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "print the name of each created file or directory"},
    {kContext, 'Z', "context", ArgKind::kOptional, "set SELinux security context (ignored)", "CTX"},
};

constexpr CommandSpec kSpec{
    "Usage: install [OPTION]... [-T] SOURCE DEST\n  or:  install [OPTION]... SOURCE... DIRECTORY\n"
    "  or:  install [OPTION]... -t DIRECTORY SOURCE...\n  or:  install [OPTION]... -d DIRECTORY...",
    "This install program copies files (often just compiled) into destination\nlocations you choose.", kOptions};

struct Installer {
  Invocation& inv;
  uint32_t mode = 0755;
  std::optional<uint32_t> uid, gid;
  bool verbose = false, preserve_times = false, compare = false;
  int status = 0;

  bool make_dirs(const std::string& display, bool include_last) {
    std::string prefix;
    size_t pos = 0;
    std::vector<std::string> parts;
    while (pos < display.size()) {
      size_t slash = display.find('/', pos);
      if (slash == std::string::npos) slash = display.size();
      parts.push_back(display.substr(pos, slash - pos));
      pos = slash + 1;
    }
    if (!include_last && !parts.empty()) parts.pop_back();
    std::string shown = display[0] == '/' ? "" : "";
    bool absolute = !display.empty() && display[0] == '/';
    for (size_t i = 0; i < parts.size(); ++i) {
      if (parts[i].empty()) continue;
      shown += (shown.empty() && !absolute) ? parts[i] : "/" + parts[i];
      if (parts[i] == "." || parts[i] == "..") continue;
      std::string path = inv.path(shown);
      if (fsu::is_dir(*inv.fs, path)) continue;
      bool last = include_last && i + 1 == parts.size();
      if (vfs::Error e = inv.fs->mkdir(path, last ? mode : 0755)) {
        inv.error("cannot create directory " + fsu::quote(shown), e);
        status = 1;
        return false;
      }
      if (last) inv.fs->chmod(path, mode);
      if (verbose) inv.out() << "install: creating directory " << fsu::quote(shown) << '\n';
    }
    return true;
  }

  void install_file(const std::string& src, const std::string& dst) {
    std::string sp = inv.path(src), dp = inv.path(dst);
    vfs::Stat st;
    if (vfs::Error e = inv.fs->stat(sp, st)) {
      inv.error("cannot stat " + fsu::quote(src), e);
      status = 1;
      return;
    }
    if (S_ISDIR(st.mode)) {
      inv.error("omitting directory " + fsu::quote(src));
      status = 1;
      return;
    }
    vfs::Stat dst_st;
    if (!inv.fs->stat(dp, dst_st) && dst_st.ino == st.ino && dst_st.dev == st.dev) {
      inv.error(fsu::quote(src) + " and " + fsu::quote(dst) + " are the same file");
      status = 1;
      return;
    }
    inv.fs->unlink(dp);
    if (vfs::Error e = fsu::copy_file_data(*inv.fs, sp, dp, mode)) {
      inv.error("cannot create regular file " + fsu::quote(dst), e);
      status = 1;
      return;
    }
    inv.fs->chmod(dp, mode);
    if (uid || gid) inv.fs->chown(dp, uid ? *uid : (uint32_t)-1, gid ? *gid : (uint32_t)-1, true);
    if (preserve_times) inv.fs->utimes(dp, vfs::TimeChange::at(st.atime), vfs::TimeChange::at(st.mtime), true);
    if (verbose) inv.out() << fsu::quote(src) << " -> " << fsu::quote(dst) << '\n';
  }
};

int run_install(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Installer in{inv};
  bool dir_mode = args.has(kDirectory), parents = args.has(kMakeParents), no_target = args.has(kNoTargetDirectory);
  in.verbose = args.has(kVerbose);
  in.preserve_times = args.has(kPreserveTimestamps);
  if (const std::string* m = args.last(kMode)) {
    uint32_t out;
    if (!fsu::apply_mode_spec(*m, S_IFREG | 0755, false, 0, out)) {
      inv.error("invalid mode " + fsu::quote_arg(inv, *m));
      return 1;
    }
    in.mode = out & 07777;
  }
  if (const std::string* o = args.last(kOwner)) {
    in.uid = fsu::user_id(*inv.fs, *o);
    if (!in.uid) {
      inv.error("invalid user " + fsu::quote_arg(inv, *o));
      return 1;
    }
  }
  if (const std::string* g = args.last(kGroup)) {
    in.gid = fsu::group_id(*inv.fs, *g);
    if (!in.gid) {
      inv.error("invalid group " + fsu::quote_arg(inv, *g));
      return 1;
    }
  }
  auto ops = args.operands;
  if (dir_mode) {
    if (ops.empty()) {
      inv.error("missing file operand");
      print_try_help(inv);
      return 1;
    }
    for (const auto& d : ops) in.make_dirs(d, true);
    return in.status;
  }
  std::optional<std::string> target_dir;
  if (const std::string* t = args.last(kTargetDirectory)) target_dir = *t;
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
    std::string last = ops.back();
    if (no_target || (ops.size() == 2 && !fsu::is_dir(*inv.fs, inv.path(last)))) {
      if (ops.size() > 2) {
        inv.error("extra operand " + fsu::quote_arg(inv, ops[2]));
        print_try_help(inv);
        return 1;
      }
      if (parents && !in.make_dirs(last, false)) return 1;
      in.install_file(ops[0], last);
      return in.status;
    }
    ops.pop_back();
    target_dir = last;
  }
  if (parents && !in.make_dirs(*target_dir, true)) return 1;
  if (!fsu::is_dir(*inv.fs, inv.path(*target_dir))) {
    inv.error("target " + fsu::quote(*target_dir), vfs::make_error(ENOTDIR));
    return 1;
  }
  for (const auto& src : ops) {
    std::string dir = *target_dir;
    in.install_file(src, (dir.back() == '/' ? dir : dir + "/") + fsu::base_name(src));
  }
  return in.status;
}

}  // namespace

BURROW_COMMAND(install, "copy files and set attributes", run_install);

}  // namespace burrow
