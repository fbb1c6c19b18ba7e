// date: print or set the system date and time (GNU coreutils 9).
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kDate, kDebug, kFile, kIso, kResolution, kRfcEmail, kRfc3339, kReference, kSet, kUtc };

constexpr OptionSpec kOptions[] = {
    {kDate, 'd', "date", ArgKind::kRequired, "display time described by STRING, not 'now'", "STRING"},
    {kDebug, 0, "debug", ArgKind::kNone, "annotate the parsed date, and warn about questionable usage to stderr"},
    {kFile, 'f', "file", ArgKind::kRequired, "like --date; once for each line of DATEFILE", "DATEFILE"},
    {kIso, 'I', "iso-8601", ArgKind::kOptional, "output date/time in ISO 8601 format.", "FMT"},
    {kResolution, 0, "resolution", ArgKind::kNone, "output the available resolution of timestamps"},
    {kRfcEmail, 'R', "rfc-email", ArgKind::kNone, "output date and time in RFC 5322 format."},
    {kRfc3339, 0, "rfc-3339", ArgKind::kRequired, "output date/time in RFC 3339 format.", "FMT"},
    {kReference, 'r', "reference", ArgKind::kRequired, "display the last modification time of FILE", "FILE"},
    {kSet, 's', "set", ArgKind::kRequired, "set time described by STRING", "STRING"},
    {kUtc, 'u', "utc", ArgKind::kNone, "print or set Coordinated Universal Time (UTC)"},
    {kUtc, 0, "universal", ArgKind::kNone, ""},
};

constexpr CommandSpec kSpec{"Usage: date [OPTION]... [+FORMAT]\n  or:  date [-u|--utc|--universal] [MMDDhhmm[[CC]YY][.ss]]",
                            "Display date and time in the given FORMAT.\nWith -s, or with [MMDDhhmm[[CC]YY][.ss]], set the date and time.",
                            kOptions};

bool match_word(std::string_view value, std::initializer_list<const char*> words, std::string& out) {
  // GNU accepts unambiguous prefixes ("--iso=sec").
  std::string found;
  int matches = 0;
  for (const char* w : words) {
    std::string_view sw(w);
    if (sw == value) {
      out = w;
      return true;
    }
    if (sw.substr(0, value.size()) == value) {
      found = w;
      ++matches;
    }
  }
  if (matches == 1) {
    out = found;
    return true;
  }
  return false;
}

int run_date(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  int gmtoff;
  std::string zone;
  fsu::parse_tz(inv.getenv("TZ"), gmtoff, zone);
  if (args.has(kUtc)) {
    gmtoff = 0;
    zone = "UTC";
  }
  std::string format = "%a %b %e %H:%M:%S %Z %Y";
  std::optional<std::string> date_string, file, reference;
  int format_sources = 0;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kDate: date_string = o.value; break;
      case kFile: file = o.value; break;
      case kReference: reference = o.value; break;
      case kSet:
        inv.error("cannot set date: Operation not permitted");
        return 1;
      case kRfcEmail: format = "%a, %d %b %Y %H:%M:%S %z"; ++format_sources; break;
      case kResolution: format = "0.000000001"; ++format_sources; break;
      case kIso: {
        std::string w = "date";
        if (o.has_value && !match_word(o.value, {"date", "hours", "minutes", "seconds", "ns"}, w)) {
          fsu::invalid_argument(inv, o.value, "--iso-8601", {{"hours"}, {"minutes"}, {"date"}, {"seconds"}, {"ns"}});
          return 1;
        }
        if (w == "date") format = "%Y-%m-%d";
        else if (w == "hours") format = "%Y-%m-%dT%H%:z";
        else if (w == "minutes") format = "%Y-%m-%dT%H:%M%:z";
        else if (w == "seconds") format = "%Y-%m-%dT%H:%M:%S%:z";
        else format = "%Y-%m-%dT%H:%M:%S,%N%:z";
        ++format_sources;
        break;
      }
      case kRfc3339: {
        std::string w;
        if (!match_word(o.value, {"date", "seconds", "ns"}, w)) {
          fsu::invalid_argument(inv, o.value, "--rfc-3339", {{"date"}, {"seconds"}, {"ns"}});
          return 1;
        }
        if (w == "date") format = "%Y-%m-%d";
        else if (w == "seconds") format = "%Y-%m-%d %H:%M:%S%:z";
        else format = "%Y-%m-%d %H:%M:%S.%N%:z";
        ++format_sources;
        break;
      }
    }
  }
  int sources = (date_string ? 1 : 0) + (file ? 1 : 0) + (reference ? 1 : 0);
  if (sources > 1) {
    inv.error("the options to specify dates for printing are mutually exclusive");
    print_try_help(inv);
    return 1;
  }
  for (size_t i = 0; i < args.operands.size(); ++i) {
    const std::string& op = args.operands[i];
    if (i == 0 && !op.empty() && op[0] == '+') {
      if (format_sources) {
        inv.error("multiple output formats specified");
        return 1;
      }
      format = op.substr(1);
      continue;
    }
    if (i == 0 && !date_string && !file && !reference && args.operands.size() == 1) {
      inv.error("cannot set date: Operation not permitted");
      return 1;
    }
    inv.error("extra operand " + fsu::quote_arg(inv, op));
    print_try_help(inv);
    return 1;
  }
  vfs::Timespec now = vfs::now();
  auto print = [&](vfs::Timespec t) {
    fsu::CivilTime ct = fsu::civil_time(t.sec, t.nsec, gmtoff, zone);
    inv.out() << fsu::format_time(format, ct) << '\n';
  };
  if (file) {
    std::string data;
    if (*file == "-") inv.in().read_all(data);
    else if (vfs::Error err = vfs::read_file(*inv.fs, inv.path(*file), data)) {
      inv.error(*file, err);
      return 1;
    }
    int status = 0;
    size_t pos = 0;
    while (pos < data.size()) {
      size_t end = data.find('\n', pos);
      if (end == std::string::npos) end = data.size();
      std::string line = data.substr(pos, end - pos);
      pos = end + 1;
      auto t = fsu::parse_date(line, now, gmtoff);
      if (!t) {
        inv.error("invalid date " + fsu::quote_arg(inv, line));
        status = 1;
        continue;
      }
      print(*t);
    }
    return status;
  }
  vfs::Timespec t = now;
  if (reference) {
    vfs::Stat st;
    if (vfs::Error err = inv.fs->stat(inv.path(*reference), st)) {
      inv.error(*reference, err);
      return 1;
    }
    t = st.mtime;
  } else if (date_string) {
    auto parsed = fsu::parse_date(*date_string, now, gmtoff);
    if (!parsed) {
      inv.error("invalid date " + fsu::quote_arg(inv, *date_string));
      return 1;
    }
    t = *parsed;
  }
  print(t);
  return 0;
}

}  // namespace

BURROW_COMMAND(date, "print or set the system date and time", run_date);

}  // namespace burrow
