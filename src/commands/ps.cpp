// ps: the session's own processes (procps-ng style). A sandbox has no other
// processes to show: its shells and background jobs, and ps itself. Times
// are shown as zero; every process sits on the session's one terminal.
#include <algorithm>
#include <cstdio>

#include "commands/args.h"

namespace burrow {
namespace {

enum Opt { kAll, kEvery, kFull, kFormat, kPid, kNoHeaders, kUser, kTty, kSort };

constexpr OptionSpec kOptions[] = {
    {kAll, 'e', "", ArgKind::kNone, "select all processes"},
    {kEvery, 'A', "", ArgKind::kNone, "select all processes"},
    {kAll, 'a', "", ArgKind::kNone, "all with tty, except session leaders"},
    {kAll, 'x', "", ArgKind::kNone, "processes without controlling ttys"},
    {kFull, 'f', "", ArgKind::kNone, "full-format listing"},
    {kFormat, 'o', "format", ArgKind::kRequired, "user-defined format", "FORMAT"},
    {kPid, 'p', "pid", ArgKind::kRequired, "select by process ID", "PID"},
    {kNoHeaders, 0, "no-headers", ArgKind::kNone, "do not print a header line"},
    {kNoHeaders, 0, "no-heading", ArgKind::kNone, ""},
    {kUser, 'u', "user", ArgKind::kOptional, "select by effective user", "USER"},
    {kTty, 't', "tty", ArgKind::kRequired, "select by terminal", "TTY"},
    {kSort, 0, "sort", ArgKind::kRequired, "specify sort order (accepted)", "SPEC"},
};

constexpr CommandSpec kSpec{
    "Usage:\n ps [options]",
    "Report a snapshot of the session's processes.",
    kOptions,
};

// One output column of `-o`.
struct Column {
  std::string key;     // pid, ppid, comm, args, ...
  std::string header;  // PID, PPID, COMMAND, ...
  bool right = true;   // numbers are right-aligned
  size_t width = 0;
};

bool make_column(std::string key, std::string header_override, Column& out) {
  static const struct {
    const char* key;
    const char* header;
    bool right;
    size_t width;
  } kKnown[] = {
      {"pid", "PID", true, 7},       {"ppid", "PPID", true, 7},     {"pgid", "PGID", true, 7},
      {"sid", "SID", true, 7},       {"uid", "UID", true, 5},       {"user", "USER", false, 8},
      {"euser", "EUSER", false, 8},  {"tty", "TT", false, 8},       {"tname", "TTY", false, 8},
      {"time", "TIME", true, 8},     {"cputime", "TIME", true, 8},  {"etime", "ELAPSED", true, 11},
      {"stat", "STAT", false, 4},    {"s", "S", false, 1},          {"pcpu", "%CPU", true, 4},
      {"%cpu", "%CPU", true, 4},     {"pmem", "%MEM", true, 4},     {"%mem", "%MEM", true, 4},
      {"nice", "NI", true, 3},       {"ni", "NI", true, 3},         {"comm", "COMMAND", false, 0},
      {"ucomm", "COMMAND", false, 0}, {"args", "COMMAND", false, 0}, {"cmd", "CMD", false, 0},
      {"command", "COMMAND", false, 0},
  };
  for (auto& k : kKnown) {
    if (key != k.key) continue;
    out = Column{key, header_override.empty() ? k.header : header_override, k.right, k.width};
    return true;
  }
  return false;
}

std::string comm_of(const std::string& command) {
  std::string first = command.substr(0, command.find(' '));
  size_t slash = first.rfind('/');
  if (slash != std::string::npos) first = first.substr(slash + 1);
  return first.substr(0, 15);
}

std::string value_of(const Column& c, const ProcessInfo& p) {
  const std::string& k = c.key;
  if (k == "pid" || k == "pgid" || k == "sid") return std::to_string(k == "pid" ? p.pid : p.pid);
  if (k == "ppid") return std::to_string(p.ppid);
  if (k == "uid") return "1000";
  if (k == "user" || k == "euser") return "user";
  if (k == "tty" || k == "tname") return "pts/0";
  if (k == "time" || k == "cputime") return "00:00:00";
  if (k == "etime") return "00:00";
  if (k == "stat") return "S";
  if (k == "s") return "S";
  if (k == "pcpu" || k == "%cpu" || k == "pmem" || k == "%mem") return "0.0";
  if (k == "nice" || k == "ni") return "0";
  if (k == "comm" || k == "ucomm") return comm_of(p.command);
  return p.command;  // args, cmd, command
}

int run_ps(Invocation& inv) {
  // BSD-style words (`ps aux`, `ps ax`) carry no dash: turn them into options.
  bool bsd_user_format = false;
  std::vector<std::string> argv = inv.argv;
  if (argv.size() > 1 && !argv[1].empty() && argv[1][0] != '-') {
    std::string word = argv[1];
    bool all_bsd = word.find_first_not_of("auxwf") == std::string::npos;
    if (all_bsd) {
      bsd_user_format = word.find('u') != std::string::npos;
      argv.erase(argv.begin() + 1);
      argv.insert(argv.begin() + 1, "-e");
    }
  }
  // parse_args reads argv from the invocation.
  std::vector<std::string> typed = inv.argv;
  inv.argv = argv;
  ParsedArgs args;
  std::optional<int> usage_status = parse_args(inv, kSpec, args);
  inv.argv = typed;
  if (usage_status) return *usage_status;
  if (!args.operands.empty()) {
    inv.err() << "error: garbage option\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
    return 1;
  }

  std::vector<ProcessInfo> procs = inv.host ? inv.host->processes() : std::vector<ProcessInfo>{};
  int self_pid = inv.host ? inv.host->new_pid() : 0;
  int self_parent = inv.host ? inv.host->shell_pid() : 0;
  std::string self_command;
  for (size_t i = 0; i < inv.argv.size(); ++i) self_command += (i ? " " : "") + inv.argv[i];
  procs.push_back(ProcessInfo{self_pid, self_parent, self_command});
  std::sort(procs.begin(), procs.end(), [](auto& a, auto& b) { return a.pid < b.pid; });

  if (const std::string* pids = args.last(kPid)) {
    std::vector<int> wanted;
    size_t start = 0;
    while (start <= pids->size()) {
      size_t end = pids->find_first_of(", ", start);
      if (end == std::string::npos) end = pids->size();
      std::string one = pids->substr(start, end - start);
      if (!one.empty()) {
        if (one.find_first_not_of("0123456789") != std::string::npos) {
          inv.err() << "error: process ID list syntax error\n";
          return 1;
        }
        wanted.push_back(std::atoi(one.c_str()));
      }
      start = end + 1;
    }
    std::erase_if(procs, [&](auto& p) { return std::find(wanted.begin(), wanted.end(), p.pid) == wanted.end(); });
  }

  std::vector<Column> columns;
  auto add = [&](const std::string& key, const std::string& header = "") {
    Column c;
    make_column(key, header, c);
    columns.push_back(c);
  };
  if (const std::string* format = args.last(kFormat)) {
    // "pid,comm" or "pid=ID,args=" (a header after '=', empty for none).
    size_t start = 0;
    while (start < format->size()) {
      size_t end = format->find_first_of(", ", start);
      if (end == std::string::npos) end = format->size();
      std::string item = format->substr(start, end - start);
      start = end + 1;
      if (item.empty()) continue;
      std::string header;
      bool has_header = false;
      if (size_t eq = item.find('='); eq != std::string::npos) {
        header = item.substr(eq + 1);
        item = item.substr(0, eq);
        has_header = true;
      }
      Column c;
      if (!make_column(item, header, c)) {
        inv.err() << "error: unknown user-defined format specifier \"" << item << "\"\n\nUsage:\n ps [options]\n\n"
                  << " Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n"
                  << " for additional help text.\n\nFor more details see ps(1).\n";
        return 1;
      }
      if (has_header && header.empty()) c.header = " ";
      columns.push_back(c);
    }
  } else if (bsd_user_format) {
    add("user", "USER");
    add("pid");
    add("%cpu");
    add("%mem");
    columns.push_back(Column{"vsz", "VSZ", true, 6});
    columns.push_back(Column{"rss", "RSS", true, 5});
    add("tty", "TTY");
    add("stat");
    columns.push_back(Column{"start", "START", false, 5});
    columns.push_back(Column{"time", "TIME", true, 6});
    add("args");
  } else if (args.has(kFull)) {
    add("user", "UID");
    add("pid");
    add("ppid");
    columns.push_back(Column{"c", "C", true, 2});
    columns.push_back(Column{"stime", "STIME", false, 5});
    add("tty", "TTY");
    add("time");
    add("cmd");
  } else {
    add("pid");
    add("tname");
    add("time");
    add("comm", "CMD");
  }

  auto cell = [&](const Column& c, const ProcessInfo& p) -> std::string {
    if (c.key == "vsz" || c.key == "rss" || c.key == "c") return "0";
    if (c.key == "start" || c.key == "stime") return "00:00";
    if (c.key == "time" && c.width == 6) return "0:00";
    return value_of(c, p);
  };
  std::string out;
  auto emit_row = [&](auto text_of) {
    std::string line;
    for (size_t i = 0; i < columns.size(); ++i) {
      const Column& c = columns[i];
      std::string text = text_of(c);
      bool last = i + 1 == columns.size();
      if (i) line += ' ';
      if (c.right && text.size() < c.width) line += std::string(c.width - text.size(), ' ');
      line += text;
      if (!c.right && !last && text.size() < c.width) line += std::string(c.width - text.size(), ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  };
  if (!args.has(kNoHeaders)) {
    bool all_blank = std::all_of(columns.begin(), columns.end(), [](auto& c) { return c.header == " "; });
    if (!all_blank) emit_row([](const Column& c) { return c.header; });
  }
  for (const ProcessInfo& p : procs) emit_row([&](const Column& c) { return cell(c, p); });
  inv.out() << out;
  return procs.empty() ? 1 : 0;
}

}  // namespace

BURROW_COMMAND(ps, "report a snapshot of the session's processes", run_ps);

}  // namespace burrow
