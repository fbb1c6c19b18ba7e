// id, whoami, groups, logname, users: print user identity (GNU coreutils 9).
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kContext, kGroup, kGroups, kName, kReal, kUser, kZero };

constexpr OptionSpec kOptions[] = {
    {kContext, 'Z', "context", ArgKind::kNone, "print only the security context of the process"},
    {kGroup, 'g', "group", ArgKind::kNone, "print only the effective group ID"},
    {kGroups, 'G', "groups", ArgKind::kNone, "print all group IDs"},
    {kName, 'n', "name", ArgKind::kNone, "print a name instead of a number, for -ugG"},
    {kReal, 'r', "real", ArgKind::kNone, "print the real ID instead of the effective ID, with -ugG"},
    {kUser, 'u', "user", ArgKind::kNone, "print only the effective user ID"},
    {kZero, 'z', "zero", ArgKind::kNone, "delimit entries with NUL characters, not whitespace"},
};

constexpr CommandSpec kSpec{"Usage: id [OPTION]... [USER]...",
                            "Print user and group information for each specified USER,\n"
                            "or (when USER omitted) for the current process.",
                            kOptions};

struct Identity {
  std::string user;
  uint32_t uid, gid;
  std::vector<uint32_t> groups;
};

std::optional<Identity> identity_of(Invocation& inv, const std::optional<std::string>& name) {
  Identity id;
  if (name) {
    std::optional<uint32_t> uid = fsu::user_id(*inv.fs, *name);
    if (!uid && !name->empty() && name->find_first_not_of("0123456789") == std::string::npos) {
      uint32_t n = (uint32_t)std::stoul(*name);
      if (fsu::user_name(*inv.fs, n) != *name) uid = n;
    }
    if (!uid) return std::nullopt;
    id.uid = *uid;
  } else {
    id.uid = fsu::current_uid(inv);
  }
  id.user = fsu::user_name(*inv.fs, id.uid);
  id.gid = fsu::user_gid(*inv.fs, id.uid).value_or(id.uid);
  id.groups = fsu::groups_of(*inv.fs, id.user, id.gid);
  return id;
}

int run_id(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool user = args.has(kUser), group = args.has(kGroup), groups = args.has(kGroups);
  bool name = args.has(kName), zero = args.has(kZero);
  if ((user + group + groups) > 1) {
    inv.error("cannot print \"only\" of more than one choice");
    return 1;
  }
  if (args.has(kContext)) {
    inv.error("--context (-Z) works only on an SELinux-enabled kernel");
    return 1;
  }
  if ((name || args.has(kReal)) && !(user || group || groups)) {
    inv.error("cannot print only names or real IDs in default format");
    return 1;
  }
  if (zero && !(user || group || groups)) {
    inv.error("option --zero not permitted in default format");
    return 1;
  }
  std::vector<std::optional<std::string>> who;
  for (const auto& o : args.operands) who.emplace_back(o);
  if (who.empty()) who.emplace_back(std::nullopt);
  int status = 0;
  for (const auto& w : who) {
    auto id = identity_of(inv, w);
    if (!id) {
      inv.error(fsu::quote_arg(inv, *w) + ": no such user");
      status = 1;
      continue;
    }
    char eol = zero ? '\0' : '\n';
    OutStream& out = inv.out();
    if (user) {
      out << (name ? id->user : std::to_string(id->uid)) << eol;
    } else if (group) {
      out << (name ? fsu::group_name(*inv.fs, id->gid) : std::to_string(id->gid)) << eol;
    } else if (groups) {
      for (size_t i = 0; i < id->groups.size(); ++i) {
        if (i) out << (zero ? '\0' : ' ');
        out << (name ? fsu::group_name(*inv.fs, id->groups[i]) : std::to_string(id->groups[i]));
      }
      out << eol;
    } else {
      out << "uid=" << std::to_string(id->uid) << "(" << id->user << ") gid=" << std::to_string(id->gid) << "("
          << fsu::group_name(*inv.fs, id->gid) << ") groups=";
      for (size_t i = 0; i < id->groups.size(); ++i) {
        if (i) out << ',';
        out << std::to_string(id->groups[i]) << "(" << fsu::group_name(*inv.fs, id->groups[i]) << ")";
      }
      out << '\n';
    }
  }
  return status;
}

int no_operands(Invocation& inv, std::string_view usage, std::string_view description) {
  CommandSpec spec{usage, description, {}};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  if (!args.operands.empty()) {
    inv.error("extra operand " + fsu::quote_arg(inv, args.operands[0]));
    print_try_help(inv);
    return 1;
  }
  return -1;
}

int run_whoami(Invocation& inv) {
  if (int s = no_operands(inv, "Usage: whoami [OPTION]...",
                          "Print the user name associated with the current effective user ID.\nSame as id -un.");
      s >= 0)
    return s;
  inv.out() << fsu::user_name(*inv.fs, fsu::current_uid(inv)) << '\n';
  return 0;
}

int run_logname(Invocation& inv) {
  if (int s = no_operands(inv, "Usage: logname [OPTION]", "Print the user's login name."); s >= 0) return s;
  inv.out() << fsu::user_name(*inv.fs, fsu::current_uid(inv)) << '\n';
  return 0;
}

int run_users(Invocation& inv) {
  CommandSpec spec{"Usage: users [OPTION]... [FILE]", "Output who is currently logged in.", {}};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  inv.out() << fsu::user_name(*inv.fs, fsu::current_uid(inv)) << '\n';
  return 0;
}

int run_groups(Invocation& inv) {
  CommandSpec spec{"Usage: groups [OPTION]... [USERNAME]...",
                   "Print group memberships for each USERNAME or, if no USERNAME is specified, for\n"
                   "the current process (which may differ if the groups database has changed).",
                   {}};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  int status = 0;
  auto print = [&](const Identity& id, bool with_name) {
    if (with_name) inv.out() << id.user << " : ";
    for (size_t i = 0; i < id.groups.size(); ++i) {
      if (i) inv.out() << ' ';
      inv.out() << fsu::group_name(*inv.fs, id.groups[i]);
    }
    inv.out() << '\n';
  };
  if (args.operands.empty()) {
    print(*identity_of(inv, std::nullopt), false);
    return 0;
  }
  for (const auto& name : args.operands) {
    auto id = identity_of(inv, name);
    if (!id) {
      inv.error(fsu::quote_arg(inv, name) + ": no such user");
      status = 1;
      continue;
    }
    print(*id, true);
  }
  return status;
}

}  // namespace

BURROW_COMMAND(id, "print real and effective user and group IDs", run_id);
BURROW_COMMAND(whoami, "print effective user name", run_whoami);
BURROW_COMMAND(logname, "print user's login name", run_logname);
BURROW_COMMAND(users, "print the user names of users currently logged in", run_users);
BURROW_COMMAND(groups, "print the groups a user is in", run_groups);

}  // namespace burrow
