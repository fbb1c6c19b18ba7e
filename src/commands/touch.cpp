// touch: change file timestamps (GNU coreutils 9).
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kAccess, kNoCreate, kDate, kIgnored, kNoDereference, kModify, kReference, kStamp, kTime };

constexpr OptionSpec kOptions[] = {
    {kAccess, 'a', "", ArgKind::kNone, "change only the access time"},
    {kNoCreate, 'c', "no-create", ArgKind::kNone, "do not create any files"},
    {kDate, 'd', "date", ArgKind::kRequired, "parse STRING and use it instead of current time", "STRING"},
    {kIgnored, 'f', "", ArgKind::kNone, "(ignored)"},
    {kNoDereference, 'h', "no-dereference", ArgKind::kNone, "affect each symbolic link instead of any referenced file"},
    {kModify, 'm', "", ArgKind::kNone, "change only the modification time"},
    {kReference, 'r', "reference", ArgKind::kRequired, "use this file's times instead of current time", "FILE"},
    {kStamp, 't', "", ArgKind::kRequired, "use specified time instead of current time, with a date-time format [[CC]YY]MMDDhhmm[.ss]", "STAMP"},
    {kTime, 0, "time", ArgKind::kRequired, "change the specified time: WORD is access, atime, or use: equivalent to -a; WORD is modify or mtime: equivalent to -m", "WORD"},
};

constexpr CommandSpec kSpec{"Usage: touch [OPTION]... FILE...",
                            "Update the access and modification times of each FILE to the current time.\n\n"
                            "A FILE argument that does not exist is created empty, unless -c or -h\nis supplied.",
                            kOptions};

// [[CC]YY]MMDDhhmm[.ss]
std::optional<vfs::Timespec> parse_stamp(std::string_view s, vfs::Timespec now, int gmtoff) {
  std::string_view main = s, secs;
  size_t dot = s.find('.');
  if (dot != std::string_view::npos) {
    main = s.substr(0, dot);
    secs = s.substr(dot + 1);
    if (secs.size() != 2 || secs.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  }
  if (main.find_first_not_of("0123456789") != std::string_view::npos) return std::nullopt;
  if (main.size() != 8 && main.size() != 10 && main.size() != 12) return std::nullopt;
  auto two = [&](size_t pos) { return (main[pos] - '0') * 10 + (main[pos + 1] - '0'); };
  int year;
  size_t p = 0;
  if (main.size() == 12) {
    year = two(0) * 100 + two(2);
    p = 4;
  } else if (main.size() == 10) {
    int yy = two(0);
    year = yy < 69 ? 2000 + yy : 1900 + yy;
    p = 2;
  } else {
    year = fsu::civil_time(now.sec, 0, gmtoff).year;
  }
  int month = two(p), day = two(p + 2), hour = two(p + 4), minute = two(p + 6);
  int second = secs.empty() ? 0 : (secs[0] - '0') * 10 + (secs[1] - '0');
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  int64_t t = fsu::days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second - gmtoff;
  // Reject dates such as Feb 30 that mktime would normalise.
  fsu::CivilTime back = fsu::civil_time(t, 0, gmtoff);
  if (back.day != day || back.month != month) return std::nullopt;
  return vfs::Timespec{t, 0};
}

int run_touch(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  bool only_access = false, only_modify = false;
  bool no_create = args.has(kNoCreate), no_deref = args.has(kNoDereference);
  std::optional<vfs::Timespec> atime, mtime;  // explicit values; nullopt = now
  int gmtoff;
  std::string zone;
  fsu::parse_tz(inv.getenv("TZ"), gmtoff, zone);
  vfs::Timespec now = vfs::now();
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kAccess: only_access = true; break;
      case kModify: only_modify = true; break;
      case kTime:
        if (o.value == "access" || o.value == "atime" || o.value == "use") only_access = true;
        else if (o.value == "modify" || o.value == "mtime") only_modify = true;
        else {
          fsu::invalid_argument(inv, o.value, "--time", {{"atime", "access", "use"}, {"mtime", "modify"}});
          return 1;
        }
        break;
      case kDate: {
        auto t = fsu::parse_date(o.value, now, gmtoff);
        if (!t) {
          inv.error("invalid date format " + fsu::quote_arg(inv, o.value));
          return 1;
        }
        atime = mtime = t;
        break;
      }
      case kStamp: {
        auto t = parse_stamp(o.value, now, gmtoff);
        if (!t) {
          inv.error("invalid date format " + fsu::quote_arg(inv, o.value));
          return 1;
        }
        atime = mtime = t;
        break;
      }
      case kReference: {
        vfs::Stat st;
        std::string path = inv.path(o.value);
        vfs::Error err = no_deref ? inv.fs->lstat(path, st) : inv.fs->stat(path, st);
        if (err) {
          inv.error("failed to get attributes of " + fsu::quote(o.value), err);
          return 1;
        }
        atime = st.atime;
        mtime = st.mtime;
        break;
      }
    }
  }
  if (args.operands.empty()) {
    inv.error("missing file operand");
    print_try_help(inv);
    return 1;
  }
  bool change_atime = !only_modify || only_access;
  bool change_mtime = !only_access || only_modify;
  vfs::TimeChange a = !change_atime ? vfs::TimeChange::omit()
                      : atime      ? vfs::TimeChange::at(*atime)
                                   : vfs::TimeChange::set_now();
  vfs::TimeChange m = !change_mtime ? vfs::TimeChange::omit()
                      : mtime      ? vfs::TimeChange::at(*mtime)
                                   : vfs::TimeChange::set_now();
  int status = 0;
  for (const std::string& operand : args.operands) {
    if (operand == "-") continue;  // stdout: nothing to do in the sandbox
    std::string path = inv.path(operand);
    vfs::Stat st;
    bool exists = !(no_deref ? inv.fs->lstat(path, st) : inv.fs->stat(path, st));
    if (!exists) {
      if (no_create || no_deref) continue;
      vfs::FilePtr file;
      if (vfs::Error err = inv.fs->open(path, O_WRONLY | O_CREAT, 0666 & ~fsu::kUmask, file)) {
        inv.error("cannot touch " + fsu::quote(operand), err);
        status = 1;
        continue;
      }
      file->close();
      if (!atime && !mtime && change_atime && change_mtime) continue;
    } else if (operand.size() > 1 && operand.back() == '/' && !S_ISDIR(st.mode)) {
      inv.error("setting times of " + fsu::quote(operand), vfs::make_error(ENOTDIR));
      status = 1;
      continue;
    }
    if (vfs::Error err = inv.fs->utimes(path, a, m, !no_deref)) {
      inv.error("setting times of " + fsu::quote(operand), err);
      status = 1;
    }
  }
  return status;
}

}  // namespace

BURROW_COMMAND(touch, "change file timestamps", run_touch);

}  // namespace burrow
