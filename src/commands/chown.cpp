// chown, chgrp: change file owner and group (GNU coreutils 9). Names come
// from the sandbox's /etc/passwd and /etc/group.
#include <algorithm>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kChanges, kDereference, kNoDereference, kFrom, kNoPreserveRoot, kPreserveRoot, kQuiet, kReference,
           kRecursive, kVerbose, kH, kL, kP };

constexpr OptionSpec kOptions[] = {
    {kChanges, 'c', "changes", ArgKind::kNone, "like verbose but report only when a change is made"},
    {kQuiet, 'f', "silent", ArgKind::kNone, "suppress most error messages"},
    {kQuiet, 0, "quiet", ArgKind::kNone, ""},
    {kVerbose, 'v', "verbose", ArgKind::kNone, "output a diagnostic for every file processed"},
    {kDereference, 0, "dereference", ArgKind::kNone, "affect the referent of each symbolic link (this is the default)"},
    {kNoDereference, 'h', "no-dereference", ArgKind::kNone, "affect symbolic links instead of any referenced file"},
    {kFrom, 0, "from", ArgKind::kRequired, "change the owner and/or group of each file only if its current owner and/or group match those specified here", "CURRENT_OWNER:CURRENT_GROUP"},
    {kNoPreserveRoot, 0, "no-preserve-root", ArgKind::kNone, "do not treat '/' specially (the default)"},
    {kPreserveRoot, 0, "preserve-root", ArgKind::kNone, "fail to operate recursively on '/'"},
    {kReference, 0, "reference", ArgKind::kRequired, "use RFILE's owner and group rather than specifying OWNER:GROUP values", "RFILE"},
    {kRecursive, 'R', "recursive", ArgKind::kNone, "operate on files and directories recursively"},
    {kH, 'H', "", ArgKind::kNone, "if a command line argument is a symbolic link to a directory, traverse it"},
    {kL, 'L', "", ArgKind::kNone, "traverse every symbolic link to a directory encountered"},
    {kP, 'P', "", ArgKind::kNone, "do not traverse any symbolic links (default)"},
};

constexpr CommandSpec kChownSpec{"Usage: chown [OPTION]... [OWNER][:[GROUP]] FILE...\n  or:  chown [OPTION]... --reference=RFILE FILE...",
                                 "Change the owner and/or group of each FILE to OWNER and/or GROUP.", kOptions};
constexpr CommandSpec kChgrpSpec{"Usage: chgrp [OPTION]... GROUP FILE...\n  or:  chgrp [OPTION]... --reference=RFILE FILE...",
                                 "Change the group of each FILE to GROUP.", kOptions};

struct Chowner {
  Invocation& inv;
  bool is_chgrp = false;
  std::optional<uint32_t> uid, gid;
  std::optional<uint32_t> from_uid, from_gid;
  bool recursive = false, verbose = false, changes = false, quiet = false, no_deref = false;
  int status = 0;

  void change(const std::string& display, const std::string& path, bool top) {
    vfs::Stat st;
    bool follow = !no_deref && top;
    vfs::Error err = follow ? inv.fs->stat(path, st) : inv.fs->lstat(path, st);
    if (err) {
      if (!quiet) inv.error("cannot access " + fsu::quote(display), err);
      status = 1;
      return;
    }
    bool skip = (from_uid && st.uid != *from_uid) || (from_gid && st.gid != *from_gid);
    uint32_t new_uid = uid.value_or(st.uid), new_gid = gid.value_or(st.gid);
    bool changed = !skip && (new_uid != st.uid || new_gid != st.gid);
    if (!skip) {
      if (vfs::Error e = inv.fs->chown(path, uid ? new_uid : (uint32_t)-1, gid ? new_gid : (uint32_t)-1, follow || !S_ISLNK(st.mode))) {
        if (!quiet)
          inv.error(std::string(is_chgrp ? "changing group of " : "changing ownership of ") + fsu::quote(display), e);
        status = 1;
        changed = false;
        return;
      }
    }
    if (verbose || (changes && changed)) report(display, st, new_uid, new_gid, changed, skip);
    if (recursive && S_ISDIR(st.mode)) {
      std::vector<vfs::DirEntry> entries;
      if (vfs::Error e = inv.fs->readdir(path, entries)) {
        if (!quiet) inv.error("cannot read directory " + fsu::quote(display), e);
        status = 1;
        return;
      }
      std::sort(entries.begin(), entries.end(), [](auto& a, auto& b) { return a.name < b.name; });
      for (const auto& e : entries)
        change(display.back() == '/' ? display + e.name : display + "/" + e.name, vfs::join(path, e.name), false);
    }
  }

  void report(const std::string& display, const vfs::Stat& st, uint32_t new_uid, uint32_t new_gid, bool changed,
              bool skip) {
    vfs::Filesystem& fs = *inv.fs;
    OutStream& out = inv.out();
    if (is_chgrp) {
      if (changed)
        out << "changed group of " << fsu::quote(display) << " from " << fsu::group_name(fs, st.gid) << " to "
            << fsu::group_name(fs, new_gid) << '\n';
      else
        out << "group of " << fsu::quote(display) << " retained as " << fsu::group_name(fs, st.gid) << '\n';
      return;
    }
    auto both = [&](uint32_t u, uint32_t g) {
      std::string s;
      if (uid) s += fsu::user_name(fs, u);
      if (gid) s += ":" + fsu::group_name(fs, g);
      return s;
    };
    if (skip) out << "ownership of " << fsu::quote(display) << " retained\n";
    else if (changed)
      out << "changed ownership of " << fsu::quote(display) << " from " << both(st.uid, st.gid) << " to "
          << both(new_uid, new_gid) << '\n';
    else
      out << "ownership of " << fsu::quote(display) << " retained as " << both(st.uid, st.gid) << '\n';
  }
};

std::optional<uint32_t> lookup(Invocation& inv, const std::string& name, bool group) {
  auto id = group ? fsu::group_id(*inv.fs, name) : fsu::user_id(*inv.fs, name);
  if (id) return id;
  if (!name.empty() && name.find_first_not_of("0123456789") == std::string::npos && name.size() < 10)
    return (uint32_t)std::stoul(name);
  return std::nullopt;
}

// "user", "user:group", "user:", ":group", "user.group"
bool parse_spec(Invocation& inv, const std::string& spec, Chowner& c, bool for_from) {
  size_t sep = spec.find(':');
  if (sep == std::string::npos && !fsu::user_id(*inv.fs, spec)) sep = spec.find('.');
  std::string user = spec.substr(0, sep);
  std::string group = sep == std::string::npos ? "" : spec.substr(sep + 1);
  std::optional<uint32_t>& u = for_from ? c.from_uid : c.uid;
  std::optional<uint32_t>& g = for_from ? c.from_gid : c.gid;
  if (!user.empty()) {
    u = lookup(inv, user, false);
    if (!u) {
      inv.error("invalid user: " + fsu::quote_arg(inv, spec));
      return false;
    }
    if (sep != std::string::npos && group.empty() && !for_from) {
      g = fsu::user_gid(*inv.fs, *u);
      if (!g) g = *u;
    }
  }
  if (!group.empty()) {
    g = lookup(inv, group, true);
    if (!g) {
      inv.error("invalid group: " + fsu::quote_arg(inv, spec));
      return false;
    }
  }
  return true;
}

int run(Invocation& inv, bool is_chgrp) {
  ParsedArgs args;
  if (auto status = parse_args(inv, is_chgrp ? kChgrpSpec : kChownSpec, args)) return *status;
  Chowner c{inv};
  c.is_chgrp = is_chgrp;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kChanges: c.changes = true; break;
      case kQuiet: c.quiet = true; break;
      case kVerbose: c.verbose = true; break;
      case kNoDereference: c.no_deref = true; break;
      case kDereference: c.no_deref = false; break;
      case kRecursive: c.recursive = true; break;
      case kFrom:
        if (!parse_spec(inv, o.value, c, true)) return 1;
        break;
      default: break;
    }
  }
  auto ops = args.operands;
  if (const std::string* ref = args.last(kReference)) {
    vfs::Stat st;
    if (vfs::Error e = inv.fs->stat(inv.path(*ref), st)) {
      inv.error("failed to get attributes of " + fsu::quote(*ref), e);
      return 1;
    }
    if (!is_chgrp) c.uid = st.uid;
    c.gid = st.gid;
  } else {
    if (ops.empty()) {
      inv.error("missing operand");
      print_try_help(inv);
      return 1;
    }
    std::string spec = ops.front();
    ops.erase(ops.begin());
    if (is_chgrp) {
      c.gid = lookup(inv, spec, true);
      if (!c.gid) {
        inv.error("invalid group: " + fsu::quote_arg(inv, spec));
        return 1;
      }
    } else if (!parse_spec(inv, spec, c, false)) {
      return 1;
    }
    if (ops.empty()) {
      inv.error("missing operand after " + fsu::quote_arg(inv, spec));
      print_try_help(inv);
      return 1;
    }
  }
  if (ops.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 1;
  }
  for (const auto& op : ops) c.change(op, inv.path(op), true);
  return c.status;
}

int run_chown(Invocation& inv) { return run(inv, false); }
int run_chgrp(Invocation& inv) { return run(inv, true); }

}  // namespace

BURROW_COMMAND(chown, "change file owner and group", run_chown);
BURROW_COMMAND(chgrp, "change group ownership", run_chgrp);

}  // namespace burrow
