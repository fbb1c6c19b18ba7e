// Jobs and signals: wait, jobs, kill, disown, trap, and the job-control
// builtins that have nothing to control (fg, bg, suspend), as bash 5.2 runs
// them without job control (`bash -c`, scripts). Signals travel between the
// session's own processes only (ShellContext::send_signal).
#include <algorithm>
#include <cctype>

#include "shell/builtins/util.h"
#include "shell/printer.h"
#include "shell/signals.h"

namespace burrow::shell {
namespace {

constexpr std::string_view kKillUsage =
    "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n";
constexpr std::string_view kTrapUsage = "trap: usage: trap [-lp] [[arg] signal_spec ...]\n";

// Jobs still in the job table (started, not reaped, not disowned), oldest first.
std::vector<Job*> listed_jobs(Interp& sh) {
  std::vector<Job*> out;
  for (auto& j : sh.job_table()) {
    if (j->disowned || !j->number) continue;
    // A finished job leaves the table silently: bash without job control
    // reports nothing about it.
    if (j->done->load()) continue;
    out.push_back(j.get());
  }
  return out;
}

// %N, %%, %+, %-, %prefix and %?text; null (with the error printed) when none.
Job* find_job(Interp& sh, Invocation& inv, std::string_view builtin, const std::string& spec) {
  std::vector<Job*> table;
  for (auto& j : sh.job_table())
    if (!j->disowned && j->number) table.push_back(j.get());
  std::string_view id = std::string_view(spec).substr(1);
  Job* found = nullptr;
  if (id.empty() || id == "%" || id == "+") {
    if (!table.empty()) found = table.back();
  } else if (id == "-") {
    if (table.size() >= 2) found = table[table.size() - 2];
    else if (!table.empty()) found = table.back();
  } else if (long long n; parse_long(id, n)) {
    for (Job* j : table)
      if (j->number == n) found = j;
  } else {
    bool contains = id[0] == '?';
    std::string_view text = contains ? id.substr(1) : id;
    for (Job* j : table) {
      bool match = contains ? j->command.find(text) != std::string::npos : j->command.rfind(text, 0) == 0;
      if (!match) continue;
      if (found) {
        berror(sh, inv, std::string(builtin) + ": " + spec + ": ambiguous job spec");
        return nullptr;
      }
      found = j;
    }
  }
  if (!found) berror(sh, inv, std::string(builtin) + ": " + spec + ": no such job");
  return found;
}

// bash tells of a job that a signal ended when it reaps it, except for the
// signals that end jobs routinely (INT, TERM, PIPE):
//   bash: line 3:  1004 Killed                  sleep 5
void report_signal_death(Interp& sh, Job& job) {
  // Process substitutions have no signal record.
  if (job.death_reported || !job.signal) return;
  job.death_reported = true;
  int number = job.signal->load();
  if (!signal_death_is_reported(number)) return;
  std::string command = job.command;
  if (command.size() >= 2 && command.compare(command.size() - 2, 2, " &") == 0) command.resize(command.size() - 2);
  sh.error(signal_death_report(job.pid, number, command));
}

// Waits for `job` while watching for cancellation and for trapped signals,
// which end the wait early as they do in bash. Returns the job's status, or
// 128 + the signal that interrupted the wait.
int wait_for(Interp& sh, const std::vector<Job*>& any_of, Job** finished) {
  for (;;) {
    for (Job* j : any_of) {
      if (j->done->load()) {
        if (j->thread.joinable()) j->thread.join();
        *finished = j;
        report_signal_death(sh, *j);
        return j->status->load();
      }
    }
    uint64_t pending = sh.pending_signals.load();
    if (pending) {
      for (int n = 1; n <= kMaxSignal; ++n)
        if (pending & (uint64_t{1} << n)) return 128 + n;
    }
    if (!sh.cancel_token()->sleep_until(CancelToken::Clock::now() + std::chrono::milliseconds(2))) sh.check_cancel();
  }
}

// A waited-for job leaves the table; bash remembers its status, so waiting
// for the same pid again gives it rather than an error.
void forget(Interp& sh, Job* job, int status) {
  sh.st.waited_statuses[job->pid] = status;
  auto it = std::find_if(sh.jobs.begin(), sh.jobs.end(), [&](auto& j) { return j.get() == job; });
  if (it != sh.jobs.end()) sh.jobs.erase(it);
}

int wait_jobs(Interp& sh, Invocation& inv) {
  bool any = false;
  std::string pid_var;
  size_t i = 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-' || (a[1] >= '0' && a[1] <= '9')) break;
    for (size_t k = 1; k < a.size(); ++k) {
      if (a[k] == 'n') {
        any = true;
      } else if (a[k] == 'f') {
        // Without job control -f changes nothing.
      } else if (a[k] == 'p') {
        if (k + 1 < a.size()) {
          pid_var = a.substr(k + 1);
        } else if (i + 1 < inv.argv.size()) {
          pid_var = inv.argv[++i];
        } else {
          berror(sh, inv, "wait: -p: option requires an argument");
          inv.err() << "wait: usage: wait [-fn] [-p var] [id ...]\n";
          return 2;
        }
        break;
      } else {
        berror(sh, inv, std::string("wait: -") + a[k] + ": invalid option");
        inv.err() << "wait: usage: wait [-fn] [-p var] [id ...]\n";
        return 2;
      }
    }
  }
  // The jobs named, or every job this shell still waits for.
  std::vector<Job*> targets;
  // Operands in order: a job, or the status of one that names none. bash
  // waits for each in turn, so the last operand gives the status.
  std::vector<std::pair<Job*, int>> operands;
  int status = 0;
  bool named = i < inv.argv.size();
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    Job* job = nullptr;
    if (!a.empty() && a[0] == '%') {
      job = find_job(sh, inv, "wait", a);
      if (job && std::none_of(sh.jobs.begin(), sh.jobs.end(), [&](auto& j) { return j.get() == job; })) {
        berror(sh, inv, "wait: " + a + ": no such job");
        job = nullptr;
      }
      if (!job) {
        operands.push_back({nullptr, status = 127});
        continue;
      }
    } else {
      long long pid;
      if (!parse_long(a, pid)) {
        // wait -n takes every operand for a job spec.
        if (any) berror(sh, inv, "wait: " + a + ": no such job");
        else berror(sh, inv, "wait: `" + a + "': not a pid or valid job spec");
        operands.push_back({nullptr, status = any ? 127 : 1});
        continue;
      }
      // A disowned job has left the job table, but bash still waits for its pid.
      for (auto& j : sh.jobs)
        if (j->pid == pid) job = j.get();
      auto known = sh.st.waited_statuses.find(static_cast<int>(pid));
      if (!job && known != sh.st.waited_statuses.end() && known->first == pid) {
        operands.push_back({nullptr, status = known->second});
        continue;
      }
      if (!job) {
        berror(sh, inv, "wait: pid " + a + " is not a child of this shell");
        operands.push_back({nullptr, status = 127});
        continue;
      }
    }
    targets.push_back(job);
    operands.push_back({job, 0});
  }
  if (!named)
    for (auto& j : sh.jobs)
      if (!j->disowned) targets.push_back(j.get());
  if (any) {
    if (targets.empty()) return named ? status : 127;
    Job* finished = nullptr;
    int s = wait_for(sh, targets, &finished);
    if (!finished) return s;
    if (!pid_var.empty()) sh.set_var(pid_var, std::to_string(finished->pid));
    forget(sh, finished, s);
    return s;
  }
  if (named) {
    for (auto [job, bad_status] : operands) {
      if (!job) {
        status = bad_status;
        continue;
      }
      Job* finished = nullptr;
      int s = wait_for(sh, {job}, &finished);
      if (!finished) return s;  // a trapped signal arrived
      status = s;
      if (!pid_var.empty()) sh.set_var(pid_var, std::to_string(finished->pid));
      forget(sh, finished, s);
    }
    return status;
  }
  for (Job* job : targets) {
    Job* finished = nullptr;
    int s = wait_for(sh, {job}, &finished);
    if (!finished) return s;  // a trapped signal arrived
    if (!pid_var.empty()) sh.set_var(pid_var, std::to_string(finished->pid));
    int pid = finished->pid;
    forget(sh, finished, s);
    sh.st.waited_statuses.erase(pid);  // a bare wait keeps no statuses, as bash's
  }
  return 0;
}

}  // namespace

void Interp::report_signal_deaths() {
  for (auto& j : jobs)
    if (j->signal && j->signal->load() && !j->death_reported && j->done->load()) report_signal_death(*this, *j);
}

namespace {

int b_wait(Interp& sh, Invocation& inv) {
  int status = wait_jobs(sh, inv);
  // A coprocess that has ended is reaped: its variables and descriptors go.
  sh.reap_coproc();
  return status;
}

int b_jobs(Interp& sh, Invocation& inv) {
  bool long_form = false, pids_only = false, stopped_only = false;
  int first = scan_flags(sh, inv, "jobs: usage: jobs [-lnprs] [jobspec ...] or jobs -x command [args]\n", [&](char c) {
    if (c == 'l') long_form = true;
    else if (c == 'p') pids_only = true;
    else if (c == 's') stopped_only = true;
    else if (c != 'n' && c != 'r') return false;  // every listed job is running and unreported
    return true;
  });
  if (first < 0) return 2;
  size_t i = static_cast<size_t>(first);
  std::vector<Job*> table = listed_jobs(sh);
  std::vector<Job*> shown;
  int status = 0;
  if (i < inv.argv.size()) {
    for (; i < inv.argv.size(); ++i) {
      Job* j = find_job(sh, inv, "jobs", inv.argv[i][0] == '%' ? inv.argv[i] : "%" + inv.argv[i]);
      if (!j) status = 1;
      else if (std::find(table.begin(), table.end(), j) != table.end()) shown.push_back(j);
    }
  } else {
    shown = table;
  }
  if (stopped_only) shown.clear();  // nothing is ever stopped here
  for (Job* j : shown) {
    if (pids_only) {
      inv.out() << std::to_string(j->pid) << "\n";
      continue;
    }
    char mark = ' ';
    if (!table.empty() && j == table.back()) mark = '+';
    else if (table.size() >= 2 && j == table[table.size() - 2]) mark = '-';
    std::string line = "[" + std::to_string(j->number) + "]" + mark + " ";
    if (long_form) {
      std::string pid = std::to_string(j->pid);
      line += std::string(pid.size() < 5 ? 5 - pid.size() : 0, ' ') + pid + " ";
    } else {
      line += " ";
    }
    std::string state = "Running";
    state.resize(24, ' ');
    inv.out() << line << state << j->command << "\n";
  }
  return status;
}

// The trap-only names, numbered as bash's kill -l numbers them (after NSIG).
int pseudo_signal_number(std::string_view spec) {
  static const char* const names[] = {"DEBUG", "ERR", "RETURN"};
  for (int k = 0; k < 3; ++k) {
    std::string_view n = names[k];
    bool same = spec.size() == n.size();
    for (size_t c = 0; same && c < n.size(); ++c) same = std::toupper(static_cast<unsigned char>(spec[c])) == n[c];
    if (same) return 65 + k;
  }
  return -1;
}

// `kill -l [spec...]`: names for numbers (and exit statuses above 128),
// numbers for names.
int list_signals(Interp& sh, Invocation& inv, size_t first) {
  if (first < inv.argv.size() && inv.argv[first] == "--") ++first;
  if (first >= inv.argv.size()) {
    inv.out() << signal_table();
    return 0;
  }
  int status = 0;
  for (size_t i = first; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    long long n;
    if (parse_long(a, n)) {
      if (n > 128) n -= 128;
      std::string name = n >= 0 && n <= kMaxSignal ? signal_name(static_cast<int>(n)) : "";  // 0 is EXIT
      if (name.empty()) {
        berror(sh, inv, "kill: " + a + ": invalid signal specification");
        status = 1;
        continue;
      }
      inv.out() << name << "\n";
      continue;
    }
    int number = signal_number(a);
    if (number < 0) number = pseudo_signal_number(a);
    if (number < 0) {
      berror(sh, inv, "kill: " + a + ": invalid signal specification");
      status = 1;
      continue;
    }
    inv.out() << std::to_string(number) << "\n";
  }
  return status;
}

int b_kill(Interp& sh, Invocation& inv) {
  int number = 15;
  size_t i = 1;
  if (i < inv.argv.size()) {
    const std::string& a = inv.argv[i];
    if (a == "-l" || a == "-L" || a == "--list") return list_signals(sh, inv, i + 1);
    if (a == "-s" || a == "-n") {
      if (i + 1 >= inv.argv.size()) {
        berror(sh, inv, "kill: " + a + ": option requires an argument");
        return 1;
      }
      const std::string& spec = inv.argv[i + 1];
      number = signal_number(spec);
      if (number < 0 || (a == "-n" && spec.find_first_not_of("0123456789") != std::string::npos)) {
        berror(sh, inv, "kill: " + spec + ": invalid signal specification");
        return 1;
      }
      i += 2;
    } else if (a == "--") {
      ++i;
    } else if (a.size() > 1 && a[0] == '-') {
      number = signal_number(std::string_view(a).substr(1));
      if (number < 0) {
        berror(sh, inv, "kill: " + a.substr(1) + ": invalid signal specification");
        return 1;
      }
      ++i;
      if (i < inv.argv.size() && inv.argv[i] == "--") ++i;
    }
  }
  if (i >= inv.argv.size()) {
    inv.err() << kKillUsage;
    return 2;
  }
  int status = 0;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    std::vector<int> pids;
    if (!a.empty() && a[0] == '%') {
      Job* job = find_job(sh, inv, "kill", a);
      if (!job) {
        status = 1;
        continue;
      }
      if (job->done->load()) continue;
      pids.push_back(job->pid);
    } else {
      long long pid;
      if (!parse_long(a, pid)) {
        berror(sh, inv, "kill: " + a + ": arguments must be process or job IDs");
        status = 1;
        continue;
      }
      // The session is one process group: 0, -1 and -$$ reach all of it.
      if (pid == 0 || pid == -1 || -pid == sh.st.pid) {
        pids = sh.ctx->signal_pids();
      } else {
        pids.push_back(static_cast<int>(pid < 0 ? -pid : pid));
      }
    }
    for (int pid : pids) {
      if (!sh.ctx->send_signal(pid, number)) {
        berror(sh, inv, "kill: (" + std::to_string(pid) + ") - No such process");
        status = 1;
      }
    }
  }
  return status;
}

int b_disown(Interp& sh, Invocation& inv) {
  bool all = false, running_only = false, keep = false;
  int first = scan_flags(sh, inv, "disown: usage: disown [-h] [-ar] [jobspec ... | pid ...]\n", [&](char c) {
    if (c == 'a') all = true;
    else if (c == 'r') running_only = true;
    else if (c == 'h') keep = true;  // no SIGHUP ever comes from a terminal here
    else return false;
    return true;
  });
  if (first < 0) return 2;
  size_t i = static_cast<size_t>(first);
  auto drop = [&](Job* j) {
    if (running_only && j->done->load()) return;
    if (!keep) j->disowned = true;
  };
  if (i >= inv.argv.size()) {
    if (all) {
      for (auto& j : sh.jobs) drop(j.get());
      return 0;
    }
    std::vector<Job*> table = listed_jobs(sh);
    if (table.empty()) {
      berror(sh, inv, "disown: current: no such job");
      return 1;
    }
    drop(table.back());
    return 0;
  }
  int status = 0;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    Job* job = nullptr;
    if (a[0] == '%') {
      job = find_job(sh, inv, "disown", a);
    } else if (long long pid; parse_long(a, pid)) {
      for (auto& j : sh.jobs)
        if (j->pid == pid && !j->disowned) job = j.get();
      if (!job) berror(sh, inv, "disown: " + a + ": no such job");
    } else {
      berror(sh, inv, "disown: " + a + ": no such job");
    }
    if (job) drop(job);
    else status = 1;
  }
  return status;
}

int b_no_job_control(Interp& sh, Invocation& inv) {
  berror(sh, inv, inv.argv[0] + ": no job control");
  return 1;
}

// fg under set -m: the job (the current one by default) is shown and waited
// for in the foreground, then leaves the table. Without set -m there is no
// job control.
int b_fg(Interp& sh, Invocation& inv) {
  auto monitor = sh.st.inert_set_options.find("monitor");
  if (monitor == sh.st.inert_set_options.end() || !monitor->second) return b_no_job_control(sh, inv);
  Job* job = nullptr;
  if (inv.argv.size() > 1) {
    job = find_job(sh, inv, "fg", inv.argv[1]);
    if (!job) return 1;
  } else {
    std::vector<Job*> table = listed_jobs(sh);
    if (table.empty()) {
      berror(sh, inv, "fg: current: no such job");
      return 1;
    }
    job = table.back();
  }
  std::string command = job->command;
  if (command.size() >= 2 && command.compare(command.size() - 2, 2, " &") == 0) command.resize(command.size() - 2);
  inv.out() << command << "\n";
  inv.out().flush();
  Job* finished = nullptr;
  int status = wait_for(sh, {job}, &finished);
  if (finished) forget(sh, finished, status);
  // A foreground job that SIGTERM ended is reported as bash does.
  if (finished && status == 128 + 15) inv.err() << "Terminated\n";
  return status;
}

int b_suspend(Interp& sh, Invocation& inv) {
  berror(sh, inv, "suspend: cannot suspend: no job control");
  return 1;
}

// trap's names: EXIT, the signals and bash's pseudo-signals DEBUG, ERR, RETURN.
// Returns the key in Interp::traps_ ("EXIT", "SIGINT", "ERR"), or "".
std::string trap_key(const std::string& spec) {
  std::string upper;
  for (char c : spec) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  if (upper == "DEBUG" || upper == "ERR" || upper == "RETURN") return upper;
  int number = signal_number(spec);
  if (number < 0) return "";
  if (number == 0) return "EXIT";
  return "SIG" + signal_name(number);
}

// `trap -p` order: EXIT, the signals by number, then DEBUG, ERR, RETURN.
int trap_rank(const std::string& key) {
  if (key == "EXIT") return 0;
  if (key == "DEBUG") return 100;
  if (key == "ERR") return 101;
  if (key == "RETURN") return 102;
  return signal_number(key);
}

void print_trap(Invocation& inv, const std::string& key, const std::string& action) {
  inv.out() << "trap -- " << single_quote(action) << " " << key << "\n";
}

int b_trap(Interp& sh, Invocation& inv) {
  bool print = false, list = false;
  int first_arg = scan_flags(sh, inv, kTrapUsage, [&](char c) {
    if (c == 'p') print = true;
    else if (c == 'l') list = true;
    else return false;
    return true;
  });
  if (first_arg < 0) return 2;
  std::vector<std::string> args(inv.argv.begin() + first_arg, inv.argv.end());
  if (list) {
    inv.out() << signal_table();
    return 0;
  }
  if (args.empty() || print) {
    int status = 0;
    if (args.empty()) {
      const auto& traps = sh.listed_traps();
      std::vector<std::pair<int, std::string>> order;
      for (auto& [key, action] : traps) order.emplace_back(trap_rank(key), key);
      std::sort(order.begin(), order.end());
      for (auto& [rank, key] : order) print_trap(inv, key, traps.at(key));
      return 0;
    }
    for (const std::string& spec : args) {
      std::string key = trap_key(spec);
      if (key.empty()) {
        berror(sh, inv, "trap: " + spec + ": invalid signal specification");
        status = 1;
        continue;
      }
      auto it = sh.listed_traps().find(key);
      if (it != sh.listed_traps().end()) print_trap(inv, key, it->second);
    }
    return status;
  }
  // `trap SIG` and `trap N ...` (a number first) reset; `trap - SIG` too.
  std::string action = args[0];
  size_t first = 1;
  // Only plain digits count as a number (" 42 " is a command).
  bool number = !args[0].empty() && args[0].find_first_not_of("0123456789") == std::string::npos;
  if (args.size() == 1 || number) {
    if (args.size() == 1 && trap_key(args[0]).empty()) {
      inv.err() << kTrapUsage;
      return 2;
    }
    action = "-";
    first = 0;
  }
  int status = 0;
  for (size_t i = first; i < args.size(); ++i) {
    std::string key = trap_key(args[i]);
    if (key.empty()) {
      berror(sh, inv, "trap: " + args[i] + ": invalid signal specification");
      status = 1;
      continue;
    }
    if (key == "SIGKILL" || key == "SIGSTOP") {
      // bash accepts and ignores them: they can be neither caught nor ignored.
      continue;
    }
    if (action == "-") sh.traps_.erase(key);
    else sh.traps_[key] = action;
    sh.shown_traps_.reset();  // a subshell's own traps replace its parent's in listings
  }
  sh.update_signal_masks();
  return status;
}

}  // namespace

BURROW_BUILTIN(wait, "wait", b_wait, false);
BURROW_BUILTIN(jobs, "jobs", b_jobs, false);
BURROW_BUILTIN(kill, "kill", b_kill, false);
BURROW_BUILTIN(disown, "disown", b_disown, false);
BURROW_BUILTIN(fg, "fg", b_fg, false);
BURROW_BUILTIN(bg, "bg", b_no_job_control, false);
BURROW_BUILTIN(suspend, "suspend", b_suspend, false);
BURROW_BUILTIN(trap, "trap", b_trap, true);

}  // namespace burrow::shell
