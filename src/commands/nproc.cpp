// nproc, uptime, tty, who, clear, sync: small system-information commands.
#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

enum Opt { kAll, kIgnore };

int run_nproc(Invocation& inv) {
  static constexpr OptionSpec options[] = {
      {kAll, 0, "all", ArgKind::kNone, "print the number of installed processors"},
      {kIgnore, 0, "ignore", ArgKind::kRequired, "if possible, exclude N processing units", "N"},
  };
  static constexpr CommandSpec spec{"Usage: nproc [OPTION]...", "Print the number of processing units available to the current process,\nwhich may be less than the number of online processors", options};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  if (!args.operands.empty()) {
    inv.error("extra operand " + fsu::quote_arg(inv, args.operands[0]));
    print_try_help(inv);
    return 1;
  }
  long n = 4;
  std::string omp = inv.getenv("OMP_NUM_THREADS");
  if (!args.has(kAll) && !omp.empty() && omp.find_first_not_of("0123456789") == std::string::npos && omp.size() < 9)
    n = std::max(1L, std::stol(omp));
  if (const std::string* ignore = args.last(kIgnore)) {
    if (ignore->empty() || ignore->find_first_not_of("0123456789") != std::string::npos) {
      inv.error("invalid number: " + fsu::quote_arg(inv, *ignore));
      return 1;
    }
    long k = ignore->size() > 9 ? n : std::stol(*ignore);
    n = std::max(1L, n - k);
  }
  inv.out() << std::to_string(n) << '\n';
  return 0;
}

int run_uptime(Invocation& inv) {
  static constexpr OptionSpec options[] = {
      {kAll, 'p', "pretty", ArgKind::kNone, "show uptime in pretty format"},
      {kIgnore, 's', "since", ArgKind::kNone, "system up since"},
  };
  static constexpr CommandSpec spec{"Usage: uptime [options]", "Tell how long the system has been running.", options};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  vfs::Timespec now = vfs::now();
  fsu::CivilTime t = fsu::local_time(inv, now);
  if (args.has(kAll)) {
    inv.out() << "up 0 minutes\n";
  } else if (args.has(kIgnore)) {
    inv.out() << fsu::format_time("%Y-%m-%d %H:%M:%S", t) << '\n';
  } else {
    inv.out() << fsu::format_time(" %H:%M:%S", t) << " up 0 min,  1 user,  load average: 0.00, 0.00, 0.00\n";
  }
  return 0;
}

int run_tty(Invocation& inv) {
  static constexpr OptionSpec options[] = {
      {kAll, 's', "silent", ArgKind::kNone, "print nothing, only return an exit status"},
      {kAll, 0, "quiet", ArgKind::kNone, ""},
  };
  static constexpr CommandSpec spec{"Usage: tty [OPTION]...", "Print the file name of the terminal connected to standard input.", options, 2};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  if (!args.operands.empty()) {
    inv.error("extra operand " + fsu::quote_arg(inv, args.operands[0]));
    print_try_help(inv);
    return 2;
  }
  vfs::FilePtr in = inv.fds ? inv.fds->get(0) : nullptr;
  bool terminal = in && in->is_terminal();
  if (!args.has(kAll)) inv.out() << (terminal ? "/dev/pts/0" : "not a tty") << '\n';
  return terminal ? 0 : 1;
}

int run_who(Invocation& inv) {
  static constexpr CommandSpec spec{"Usage: who [OPTION]... [ FILE | ARG1 ARG2 ]", "Print information about users who are currently logged in.", {}};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  return 0;
}

int run_clear(Invocation& inv) {
  inv.out() << "\033[H\033[2J\033[3J";
  return 0;
}

int run_sync(Invocation& inv) {
  static constexpr OptionSpec options[] = {
      {kAll, 'd', "data", ArgKind::kNone, "sync only file data, no unneeded metadata"},
      {kIgnore, 'f', "file-system", ArgKind::kNone, "sync the file systems that contain the files"},
  };
  static constexpr CommandSpec spec{"Usage: sync [OPTION] [FILE]...", "Synchronize cached writes to persistent storage", options};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  int status = 0;
  for (const auto& op : args.operands) {
    vfs::Stat st;
    if (vfs::Error err = inv.fs->stat(inv.path(op), st)) {
      inv.error("error opening " + fsu::quote(op), err);
      status = 1;
    }
  }
  return status;
}

}  // namespace

BURROW_COMMAND(nproc, "print the number of processing units available", run_nproc);
BURROW_COMMAND(uptime, "tell how long the system has been running", run_uptime);
BURROW_COMMAND(tty, "print the file name of the terminal connected to standard input", run_tty);
BURROW_COMMAND(who, "show who is logged on", run_who);
BURROW_COMMAND(clear, "clear the terminal screen", run_clear);
BURROW_COMMAND(sync, "synchronize cached writes to persistent storage", run_sync);

}  // namespace burrow
