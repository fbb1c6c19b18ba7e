// timeout, nice, nohup: run a command with a time limit, a priority, or
// immune to hangups (GNU coreutils 9). Children run through the shell host.
#include <chrono>
#include <cmath>
#include <thread>

#include "commands/args.h"
#include "commands/common/fs_util.h"

namespace burrow {
namespace {

std::optional<double> parse_duration(const std::string& s) {
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  double v = strtod(s.c_str(), &end);
  if (end == s.c_str() || std::isnan(v) || v < 0) return std::nullopt;
  std::string suffix(end);
  if (suffix.empty() || suffix == "s") return v;
  if (suffix == "m") return v * 60;
  if (suffix == "h") return v * 3600;
  if (suffix == "d") return v * 86400;
  return std::nullopt;
}

int signal_number(const std::string& s) {
  static const std::pair<const char*, int> names[] = {{"HUP", 1},  {"INT", 2},   {"QUIT", 3},  {"KILL", 9},
                                                      {"USR1", 10}, {"USR2", 12}, {"PIPE", 13}, {"ALRM", 14},
                                                      {"TERM", 15}, {"CONT", 18}, {"STOP", 19}};
  if (!s.empty() && s.find_first_not_of("0123456789") == std::string::npos && s.size() < 4) return std::stoi(s);
  std::string n = s;
  for (char& c : n) c = toupper((unsigned char)c);
  if (n.rfind("SIG", 0) == 0) n = n.substr(3);
  for (auto& [name, num] : names)
    if (n == name) return num;
  return -1;
}

Invocation child_of(Invocation& inv, std::vector<std::string> argv, CancelToken* cancel) {
  Invocation child;
  child.argv = std::move(argv);
  child.fds = inv.fds;
  child.fs = inv.fs;
  child.cwd = inv.cwd;
  child.env = inv.env;
  child.host = inv.host;
  child.cancel = cancel;
  child.limits = inv.limits;
  return child;
}

int run_child(Invocation& inv, std::vector<std::string> argv, CancelToken* cancel) {
  if (!inv.host) {
    inv.error("failed to run command " + fsu::quote(argv[0]) + ": No such file or directory");
    return 127;
  }
  inv.out().flush();
  inv.err().flush();
  Invocation child = child_of(inv, std::move(argv), cancel);
  return inv.host->run_argv(child.argv, child);
}

int run_timeout(Invocation& inv) {
  enum { kForeground, kKillAfter, kPreserve, kSignal, kVerbose };
  static constexpr OptionSpec options[] = {
      {kForeground, 0, "foreground", ArgKind::kNone, "when not running timeout directly from a shell prompt, allow COMMAND to read from the TTY and get TTY signals"},
      {kKillAfter, 'k', "kill-after", ArgKind::kRequired, "also send a KILL signal if COMMAND is still running this long after the initial signal was sent", "DURATION"},
      {kPreserve, 0, "preserve-status", ArgKind::kNone, "exit with the same status as COMMAND, even when the command times out"},
      {kSignal, 's', "signal", ArgKind::kRequired, "specify the signal to be sent on timeout", "SIGNAL"},
      {kVerbose, 'v', "verbose", ArgKind::kNone, "diagnose to stderr any signal sent upon timeout"},
  };
  static constexpr CommandSpec spec{"Usage: timeout [OPTION] DURATION COMMAND [ARG]...\n  or:  timeout [OPTION]",
                                    "Start COMMAND, and kill it if still running after DURATION.", options, 125, true};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  int sig = 15;
  bool preserve = args.has(kPreserve), verbose = args.has(kVerbose);
  if (const std::string* s = args.last(kSignal)) {
    sig = signal_number(*s);
    if (sig < 0) {
      inv.error(*s + ": invalid signal");
      print_try_help(inv);
      return 125;
    }
  }
  if (const std::string* k = args.last(kKillAfter)) {
    if (!parse_duration(*k)) {
      inv.error("invalid time interval " + fsu::quote_arg(inv, *k));
      print_try_help(inv);
      return 125;
    }
  }
  if (args.operands.size() < 2) {
    if (args.operands.empty()) inv.error("missing operand");
    else inv.error("missing operand after " + fsu::quote_arg(inv, args.operands[0]));
    print_try_help(inv);
    return 125;
  }
  auto duration = parse_duration(args.operands[0]);
  if (!duration) {
    inv.error("invalid time interval " + fsu::quote_arg(inv, args.operands[0]));
    print_try_help(inv);
    return 125;
  }
  std::vector<std::string> argv(args.operands.begin() + 1, args.operands.end());
  if (*duration == 0) return run_child(inv, argv, inv.cancel);
  // The child gets its own token: a watcher cancels it at the deadline, and
  // the parent's cancellation is forwarded.
  CancelToken token;
  std::atomic<bool> done{false}, timed_out{false};
  auto until = CancelToken::Clock::now() +
               std::chrono::duration_cast<CancelToken::Clock::duration>(std::chrono::duration<double>(std::min(*duration, 1e9)));
  std::thread watcher([&] {
    while (!done.load()) {
      auto slice = std::min(until, CancelToken::Clock::now() + CancelToken::wait_slice);
      if (inv.cancel && inv.cancel->cancelled()) {
        token.cancel(inv.cancel->signal());
        return;
      }
      std::this_thread::sleep_until(slice);
      if (CancelToken::Clock::now() >= until && !done.load()) {
        timed_out = true;
        token.cancel(sig);
        return;
      }
    }
  });
  int status = run_child(inv, argv, &token);
  done = true;
  watcher.join();
  if (timed_out) {
    if (verbose) inv.error("sending signal " + std::string(sig == 9 ? "KILL" : sig == 15 ? "TERM" : std::to_string(sig)) + " to command " + fsu::quote_arg(inv, argv[0]));
    if (preserve) return 128 + sig;
    return 124;
  }
  return status;
}

int run_nice(Invocation& inv) {
  enum { kAdjustment };
  static constexpr OptionSpec options[] = {
      {kAdjustment, 'n', "adjustment", ArgKind::kRequired, "add integer N to the niceness (default 10)", "N"},
  };
  static constexpr CommandSpec spec{"Usage: nice [OPTION] [COMMAND [ARG]...]",
                                    "Run COMMAND with an adjusted niceness, which affects process scheduling.\n"
                                    "With no COMMAND, print the current niceness.",
                                    options, 125, true};
  // "nice -5 cmd" is the historical form of "-n 5".
  std::vector<std::string> saved = inv.argv;
  if (inv.argv.size() > 1 && inv.argv[1].size() > 1 && inv.argv[1][0] == '-' &&
      (isdigit((unsigned char)inv.argv[1][1]) || (inv.argv[1][1] == '-' && inv.argv[1].size() > 2 && isdigit((unsigned char)inv.argv[1][2])))) {
    inv.argv.insert(inv.argv.begin() + 1, "-n");
    inv.argv[2] = inv.argv[2].substr(1);
  }
  ParsedArgs args;
  auto parsed = parse_args(inv, spec, args);
  inv.argv = saved;
  if (parsed) return *parsed;
  if (const std::string* n = args.last(kAdjustment)) {
    std::string v = *n;
    size_t start = (!v.empty() && (v[0] == '-' || v[0] == '+')) ? 1 : 0;
    if (v.size() == start || v.find_first_not_of("0123456789", start) != std::string::npos) {
      inv.error("invalid adjustment " + fsu::quote_arg(inv, v));
      print_try_help(inv);
      return 125;
    }
  }
  if (args.operands.empty()) {
    if (args.has(kAdjustment)) {
      inv.error("a command must be given with an adjustment");
      print_try_help(inv);
      return 125;
    }
    inv.out() << "0\n";
    return 0;
  }
  return run_child(inv, args.operands, inv.cancel);
}

int run_nohup(Invocation& inv) {
  static constexpr CommandSpec spec{"Usage: nohup COMMAND [ARG]...\n  or:  nohup OPTION",
                                    "Run COMMAND, ignoring hangup signals.", {}, 125, true};
  ParsedArgs args;
  if (auto status = parse_args(inv, spec, args)) return *status;
  if (args.operands.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 125;
  }
  // Output is never a terminal in a non-interactive sandbox run, so nohup
  // leaves the descriptors alone.
  vfs::FilePtr out = inv.fds ? inv.fds->get(1) : nullptr;
  if (out && out->is_terminal()) inv.error("ignoring input and appending output to 'nohup.out'");
  return run_child(inv, args.operands, inv.cancel);
}

}  // namespace

BURROW_COMMAND(timeout, "run a command with a time limit", run_timeout);
BURROW_COMMAND(nice, "run a program with modified scheduling priority", run_nice);
BURROW_COMMAND(nohup, "run a command immune to hangups", run_nohup);

}  // namespace burrow
