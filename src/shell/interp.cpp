// Command execution: lists, pipelines, compound commands, simple commands,
// command lookup and the process model (child Interps on threads).
#include "process/stack_guard.h"
#include "shell/interp.h"
#include "shell/history.h"

#include <algorithm>
#include <cstring>

#include "process/pipe.h"
#include "process/string_files.h"
#include "shell/parser.h"
#include "shell/printer.h"
#include "shell/signals.h"
#include "shell/time_report.h"

namespace burrow::shell {
namespace {

thread_local Interp* t_current = nullptr;

struct CurrentGuard {
  Interp* prev;
  explicit CurrentGuard(Interp* i) : prev(t_current) { t_current = i; }
  ~CurrentGuard() { t_current = prev; }
};

std::map<std::string_view, BuiltinInfo>& builtin_table() {
  static std::map<std::string_view, BuiltinInfo> table;
  return table;
}

// Counts a running process for the session's process limit.
struct ProcessSlot {
  ShellContext* ctx;
  bool ok;
  explicit ProcessSlot(ShellContext* c) : ctx(c) {
    ok = ctx->processes.fetch_add(1) < static_cast<int>(ctx->limits.max_processes);
    if (!ok) ctx->hit_limit("too many processes (max " + std::to_string(ctx->limits.max_processes) + ")");
  }
  ~ProcessSlot() { ctx->processes.fetch_sub(1); }
};

// Runs `body` in the child process `child` and turns the ways a process can
// end (exit, a fatal error, return or break at its top level) into its status.
template <class Body>
int child_exit_status(Interp& child, Body body) {
  try {
    return body();
  } catch (const ExitSignal& e) {
    return e.status;
  } catch (const FatalSignal& e) {
    return e.from_expansion ? 1 : e.status;
  } catch (const ReturnSignal& r) {
    return r.status;
  } catch (const LoopSignal&) {
    return child.st.last_status;
  }
}

}  // namespace

void ShellContext::hit_limit(const std::string& what) {
  {
    std::lock_guard<std::mutex> lock(limit_mutex);
    if (limit_hit.load()) return;
    limit_message = what;
    limit_hit.store(true);
  }
  cancel.cancel(15);
}

Interp* current_process() { return t_current; }
void set_current_process(Interp* p) { t_current = p; }

BuiltinRegistrar::BuiltinRegistrar(std::string_view name, BuiltinFn fn, bool special) {
  builtin_table()[name] = BuiltinInfo{name, fn, special};
}

const BuiltinInfo* find_builtin(std::string_view name) {
  auto& t = builtin_table();
  auto it = t.find(name);
  return it == t.end() ? nullptr : &it->second;
}

std::vector<std::string_view> builtin_names() {
  std::vector<std::string_view> out;
  for (auto& [k, v] : builtin_table()) out.push_back(k);
  return out;
}

Interp::Interp(std::shared_ptr<ShellContext> c, ShellState state, FdTable f)
    : ctx(std::move(c)), st(std::move(state)), fds(std::move(f)) {
  if (!st.random) st.random = std::make_shared<std::mt19937>(std::random_device{}());
}

Interp::~Interp() {
  if (registered_pid_) {
    std::lock_guard<std::mutex> lock(ctx->targets_mutex);
    auto it = ctx->signal_targets.find(registered_pid_);
    if (it != ctx->signal_targets.end() && it->second.shell == this) ctx->signal_targets.erase(it);
  }
  for (auto& j : jobs) {
    if (j->thread.joinable()) j->thread.join();
  }
}

// ---------------------------------------------------------------------------
// Signals between the session's processes

bool ShellContext::send_signal(int pid, int number) {
  std::lock_guard<std::mutex> lock(targets_mutex);
  auto it = signal_targets.find(pid);
  if (it == signal_targets.end()) return false;
  if (number == 0) return true;
  const SignalTarget& target = it->second;
  uint64_t bit = uint64_t{1} << number;
  // Asynchronous commands ignore SIGINT and SIGQUIT without job control.
  if (!target.shell && (number == 2 || number == 3)) return true;
  if (target.shell && number != 9) {
    if (target.shell->ignored_signals.load() & bit) return true;
    if (target.shell->trapped_signals.load() & bit) {
      target.shell->pending_signals.fetch_or(bit);
      return true;
    }
  }
  if (signal_terminates(number)) target.token->cancel(number);
  return true;
}

void ShellContext::interrupt(int number) {
  if (number > 0 && number <= kMaxSignal) {
    std::lock_guard<std::mutex> lock(targets_mutex);
    uint64_t bit = uint64_t{1} << number;
    if (foreground_shell && number != 9) {
      if (foreground_shell->ignored_signals.load() & bit) return;
      if (foreground_shell->trapped_signals.load() & bit) {
        foreground_shell->pending_signals.fetch_or(bit);
        if (foreground_command) foreground_command->cancel(number);
        return;
      }
    }
  }
  cancel.cancel(number);
}

std::vector<int> ShellContext::signal_pids() {
  std::lock_guard<std::mutex> lock(targets_mutex);
  std::vector<int> pids;
  for (auto& [pid, target] : signal_targets) pids.push_back(pid);
  return pids;
}

void Interp::register_signal_target(std::string command) {
  std::lock_guard<std::mutex> lock(ctx->targets_mutex);
  registered_pid_ = st.pid;
  ctx->signal_targets[st.pid] = ShellContext::SignalTarget{cancel_token(), this, st.ppid, std::move(command)};
}

std::vector<ProcessInfo> Interp::processes() {
  std::lock_guard<std::mutex> lock(ctx->targets_mutex);
  std::vector<ProcessInfo> out;
  for (auto& [pid, target] : ctx->signal_targets) out.push_back(ProcessInfo{pid, target.ppid, target.command});
  return out;
}

void Interp::update_signal_masks() {
  uint64_t trapped = 0, ignored = 0;
  for (auto& [name, action] : traps_) {
    if (name.rfind("SIG", 0) != 0) continue;
    int number = signal_number(name);
    if (number <= 0) continue;
    (action.empty() ? ignored : trapped) |= uint64_t{1} << number;
  }
  trapped_signals.store(trapped);
  ignored_signals.store(ignored);
  auto set_nonempty = [&](const char* key) {
    auto it = traps_.find(key);
    return it != traps_.end() && !it->second.empty();
  };
  debug_trap_set_ = set_nonempty("DEBUG");
  return_trap_set_ = set_nonempty("RETURN");
}

void Interp::run_pending_traps() {
  uint64_t pending = pending_signals.exchange(0);
  for (int number = 1; pending && number <= kMaxSignal; ++number) {
    uint64_t bit = uint64_t{1} << number;
    if (!(pending & bit)) continue;
    pending &= ~bit;
    auto trap = traps_.find("SIG" + signal_name(number));
    if (trap == traps_.end() || trap->second.empty()) continue;
    std::string action = trap->second;
    // A trap leaves $? as it found it.
    int saved = st.last_status;
    // Its lines count from 1, as bash parses the action anew; the
    // interrupted command's line comes back after.
    int saved_line = st.lineno;
    ++trap_depth_;
    try {
      run_source(action, 1, false);
    } catch (...) {
      --trap_depth_;
      throw;
    }
    --trap_depth_;
    st.last_status = saved;
    st.lineno = saved_line;
  }
}

std::unique_ptr<Interp> Interp::fork_child() {
  ShellState s = st;
  s.random = std::make_shared<std::mt19937>((*st.random)());
  s.subshell_level++;
  s.bashpid = ctx->next_pid.fetch_add(1);
  auto child = std::make_unique<Interp>(ctx, std::move(s), fds);
  child->is_main = false;
  child->errexit_suppressed_ = errexit_suppressed_;
  child->process_cancel = process_cancel;
  child->inherited_jobs = job_table();
  inherit_traps(*child);
  return child;
}

// ---------------------------------------------------------------------------
// Diagnostics

std::string Interp::error_prefix() const {
  // An interactive shell's messages name no line (its startup file's do).
  if (st.interactive && source_depth_ == 0) return st.arg0 + ": ";
  // A non-interactive shell names the file running now, $BASH_SOURCE: a
  // sourced file, the file a function was defined in ("environment" for a
  // -c string's), or else $0.
  std::string name = st.arg0;
  if (!st.interactive) {
    if (!st.call_stack.empty()) name = st.call_stack.back().source;
    else if (!st.script_source.empty()) name = st.script_source;
  }
  return name + ": line " + std::to_string(st.lineno) + ": ";
}

void Interp::write_err(std::string_view text) {
  vfs::FilePtr f = fds.get(2);
  if (!f) return;
  size_t written = 0;
  f->write(text.data(), text.size(), written);
}

void Interp::error(std::string_view message) {
  std::string line = error_prefix();
  line += message;
  line += '\n';
  write_err(line);
}

void Interp::check_cancel() {
  if (ctx->cancel.cancelled()) {
    throw FatalSignal{ctx->limit_hit.load() ? 1 : 128 + ctx->cancel.signal()};
  }
  if (process_cancel && process_cancel->cancelled()) throw FatalSignal{128 + process_cancel->signal()};
}

void Interp::count_loop() {
  check_cancel();
  if (++ctx->loop_iterations > ctx->limits.max_loop_iterations) {
    ctx->hit_limit("too many loop iterations (max " + std::to_string(ctx->limits.max_loop_iterations) + ")");
    check_cancel();
  }
}

void Interp::maybe_errexit(int status) {
  if (status != 0 && errexit_active()) throw ExitSignal{status};
}

// ---------------------------------------------------------------------------
// Scripts

int Interp::run_source(std::string_view source, int first_line, bool parse_error_fatal) {
  ParserOptions po;
  po.first_line = first_line;
  po.extglob = st.opts.extglob;
  po.alias_lookup = [this](std::string_view name) -> std::optional<std::string> {
    if (!st.opts.expand_aliases) return std::nullopt;
    auto it = st.aliases.find(name);
    if (it == st.aliases.end()) return std::nullopt;
    return it->second;
  };
  Parser parser{std::string(source), po};
  int status = 0;
  // An interactive shell: a set -u or ${x?} error abandons the command (the
  // rest of its line, or of an eval's string), not the shell.
  bool discards_expansion_errors = st.interactive && st.subshell_level == 0;
  // The shell's own input (a script, a -c string, stdin), not `source` or
  // `eval`: under set -o history its lines go onto the history list.
  bool toplevel = toplevel_reader_;
  toplevel_reader_ = false;
  // bash reads its input a line at a time; under set -v it echoes each line
  // as it reads it, so a line already read when `set -v` ran is not shown.
  size_t read_upto = 0;
  auto read_lines = [&] {
    const std::string& text = parser.source();
    size_t end = parser.consumed();
    if (end > 0 && end < text.size() && text[end - 1] != '\n') {
      end = text.find('\n', end);
      end = end == std::string::npos ? text.size() : end + 1;
    }
    if (end <= read_upto) return;
    if (st.opts.verbose) write_err(std::string_view(text).substr(read_upto, end - read_upto));
    if (toplevel && st.opts.history && !st.interactive)
      history_record_script_lines(*this, std::string_view(text).substr(read_upto, end - read_upto));
    read_upto = end;
  };
  for (;;) {
    ParseError err;
    parser.options().extglob = st.opts.extglob;
    std::unique_ptr<List> cmd = parser.next_command(err);
    read_lines();
    for (const std::string& w : parser.take_warnings()) write_err(st.arg0 + ": " + w + "\n");
    if (err) {
      std::string name = parse_error_name.empty() ? st.arg0 : parse_error_name;
      // An interactive shell names no line and does not quote it.
      if (st.interactive && source_depth_ == 0) write_err(name + ": " + err.message + "\n");
      else write_err(err.format(name));
      if (err.skip_line) {
        status = st.last_status = 1;
        continue;
      }
      st.last_status = 2;
      if (!parse_error_fatal) return 2;
      throw FatalSignal{2};
    }
    if (!cmd) break;
    if (st.opts.noexec) continue;
    // $BASH_COMMAND may point into `cmd`: keep its text when `cmd` goes.
    struct KeepCommandText {
      Interp& sh;
      ~KeepCommandText() {
        if (sh.current_command_ && sh.trap_depth_ == 0) {
          sh.last_command_text_ = sh.bash_command();
          sh.current_command_ = nullptr;
        }
      }
    } keep{*this};
    try {
      status = execute_list(*cmd);
    } catch (const DiscardSignal& d) {
      if (st.subshell_level > 0) throw;
      if (st.opts.errexit && !d.from_arith) throw ExitSignal{1};
      status = st.last_status = 1;
    } catch (const FatalSignal& f) {
      if (!f.from_expansion || !discards_expansion_errors) throw;
      if (st.opts.errexit) throw ExitSignal{1};
      status = st.last_status = 1;
    }
    if (toplevel && st.command_number > 0) ++st.command_number;
  }
  return status;
}

std::string Interp::bash_command() const {
  return current_command_ ? print_command_oneline(*current_command_) : last_command_text_;
}

int Interp::run_toplevel(std::string_view source, bool run_exit_trap) {
  CurrentGuard guard(this);
  int status;
  try {
    toplevel_reader_ = true;
    status = run_source(source);
    // A signal the script's last command sent to its own shell (`kill $$`)
    // still ends it.
    check_cancel();
  } catch (const ExitSignal& e) {
    status = e.status;
    exit_called = true;
  } catch (const FatalSignal& e) {
    status = e.status;
  } catch (const ReturnSignal& r) {
    status = r.status;
  } catch (const LoopSignal&) {
    status = st.last_status;
  } catch (const ArithError& e) {
    error(e.message);
    status = 1;
  } catch (const std::bad_alloc&) {
    ctx->hit_limit("out of memory");
    status = 1;
  } catch (const std::exception& e) {
    write_err(st.arg0 + ": internal error: " + e.what() + "\n");
    status = 2;
  }
  int last_command_status = st.last_status;
  st.last_status = status;
  if (run_exit_trap) {
    auto it = traps_.find("EXIT");
    // A shell that a signal ended (`kill $$`, not the session's cancellation
    // or SIGKILL) still runs its EXIT trap, as bash does, then dies of it.
    int killed_by = 0;
    if (it != traps_.end() && !ctx->cancel.cancelled() && process_cancel && process_cancel->own_signal() &&
        process_cancel->own_signal() != 9) {
      killed_by = process_cancel->own_signal();
      process_cancel->reset();
      st.last_status = last_command_status;  // the trap's $? is the last command's
    }
    struct Rekill {
      CancelToken* token;
      int signal;
      ~Rekill() {
        if (signal) token->cancel(signal);
      }
    } rekill{process_cancel, killed_by};
    if (it != traps_.end() && !ctx->cancel.cancelled() && !(process_cancel && process_cancel->cancelled())) {
      std::string action = it->second;
      traps_.erase(it);
      ++trap_depth_;
      struct TrapDepth {
        int& depth;
        ~TrapDepth() { --depth; }
      } in_trap{trap_depth_};
      try {
        run_source(action, 1, false);  // its lines count from 1, as bash's do
      } catch (const ExitSignal& e) {
        status = e.status;
      } catch (const FatalSignal&) {
      } catch (const ReturnSignal&) {
      } catch (const LoopSignal&) {
      }
      st.last_status = status;
    }
    if (killed_by) status = st.last_status = 128 + killed_by;
  }
  return status;
}

// ---------------------------------------------------------------------------
// Lists and pipelines

int Interp::execute_list(const List& list) {
  int status = st.last_status;
  for (const ListItem& item : list.items) {
    check_cancel();
    // set -n takes effect at the next command, even within one line.
    if (st.opts.noexec) break;
    if (item.background) {
      status = run_background(item.and_or);
    } else {
      status = execute_and_or(item.and_or);
    }
    if (pending_signals.load(std::memory_order_relaxed)) {
      run_pending_traps();
      st.last_status = status;
    }
  }
  return status;
}

int Interp::execute_and_or(const AndOr& ao) {
  int status = 0;
  size_t n = ao.pipelines.size();
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) {
      AndOrOp op = ao.ops[i - 1];
      if ((op == AndOrOp::And) != (status == 0)) continue;
    }
    bool last = i + 1 == n;
    if (!last) ++errexit_suppressed_;
    try {
      status = execute_pipeline(ao.pipelines[i]);
    } catch (...) {
      if (!last) --errexit_suppressed_;
      throw;
    }
    if (!last) --errexit_suppressed_;
    else if (!ao.pipelines[i].negated && !(ao.pipelines[i].commands.size() == 1 && status_from_compound_body_)) {
      if (status != 0 && errexit_suppressed_ == 0) run_err_trap(status);
      maybe_errexit(status);
    }
  }
  return status;
}

void Interp::run_err_trap(int status) {
  if (in_err_trap_) return;
  auto trap = traps_.find("ERR");
  if (trap == traps_.end()) return;
  std::string action = trap->second;
  in_err_trap_ = true;
  ++trap_depth_;
  int saved = st.last_status;
  st.last_status = status;
  try {
    run_source(action, st.lineno, false);
  } catch (...) {
    in_err_trap_ = false;
    --trap_depth_;
    throw;
  }
  in_err_trap_ = false;
  --trap_depth_;
  st.last_status = saved;
}

// `for i in a b` / `select i in a b` as $BASH_COMMAND shows them to a DEBUG trap.
static std::string loop_header(const ForCommand& c) {
  std::string text = c.kind == CommandKind::Select ? "select " : "for ";
  text += c.var;
  text += " in";
  if (!c.has_in) text += " \"$@\"";
  for (const Word& w : c.items) {
    text += ' ';
    text += print_word(w);
  }
  return text;
}

static void set_pipestatus(Interp& sh, const std::vector<int>& statuses) {
  sh.st.pipestatus = statuses;
  Var& v = sh.st.globals["PIPESTATUS"];
  v.is_array = true;
  v.set = true;
  v.array.clear();
  for (size_t i = 0; i < statuses.size(); ++i) v.array[i] = std::to_string(statuses[i]);
}

// The `time` keyword's report, in TIMEFORMAT's format (unset: bash's
// default; set but empty: no report).
void Interp::report_time(bool posix, double real_seconds, const CpuSeconds& cpu_at_start) {
  CpuSeconds now = thread_cpu_seconds();
  CpuSeconds used{now.user - cpu_at_start.user, now.sys - cpu_at_start.sys};
  std::string format(kDefaultTimeFormat);
  if (posix) {
    format = kPosixTimeFormat;
  } else if (auto custom = get_var("TIMEFORMAT")) {
    if (custom->empty()) return;
    format = *custom;
  }
  char bad_char = 0;
  std::string report = format_time_report(format, real_seconds, used, &bad_char);
  if (report.empty() && !format.empty()) {
    write_err(error_prefix() + "TIMEFORMAT: `" + std::string(1, bad_char) + "': invalid format character\n");
    return;
  }
  write_err(report + "\n");
}

int Interp::execute_pipeline(const Pipeline& p) {
  auto start = std::chrono::steady_clock::now();
  CpuSeconds cpu_at_start = p.timed ? thread_cpu_seconds() : CpuSeconds{};
  if (p.negated) ++errexit_suppressed_;
  int status = 0;
  std::vector<int> statuses;
  try {
    if (p.commands.size() == 1) {
      status = execute_command(*p.commands[0]);
      statuses.push_back(status);
    } else {
      size_t n = p.commands.size();
      std::vector<std::unique_ptr<Interp>> children;
      {
        vfs::FilePtr prev_read;
        for (size_t i = 0; i < n; ++i) {
          // bash runs the DEBUG trap of a simple stage in the shell, before it forks.
          bool simple_stage = p.commands[i]->kind == CommandKind::Simple;
          if (debug_trap_set_ && simple_stage && !in_debug_trap_) {
            note_command(*p.commands[i]);
            st.lineno = p.commands[i]->line;
            run_debug_trap();
          }
          auto child = fork_child();
          if (simple_stage) child->debug_trap_ran_ = child->debug_trap_set_;
          // `jobs | cat` lists the shell's jobs, `{ jobs; } | cat` does not.
          if (p.commands[i]->kind != CommandKind::Simple) child->inherited_jobs.clear();
          if (prev_read) child->fds.set(0, prev_read);
          if (i + 1 < n) {
            PipeEnds ends = make_pipe(cancel_token());
            child->fds.set(1, ends.write);
            if (i < p.pipe_stderr.size() && p.pipe_stderr[i]) child->fds.set(2, ends.write);
            prev_read = ends.read;
          }
          children.push_back(std::move(child));
        }
      }
      statuses.assign(n, 0);
      auto run_stage = [&](size_t i) {
        Interp* child = children[i].get();
        CurrentGuard guard(child);
        ProcessSlot slot(ctx.get());
        int s = 1;
        if (slot.ok) {
          try {
            s = child_exit_status(*child, [&] { return child->execute_command(*p.commands[i]); });
          } catch (const std::exception& e) {
            child->write_err(std::string("bash: internal error: ") + e.what() + "\n");
            s = 1;
          }
        }
        statuses[i] = s;
        // Close this stage's pipe ends now, so that its neighbours see EOF / EPIPE.
        for (auto& j : child->jobs)
          if (j->thread.joinable()) j->thread.join();
        child->jobs.clear();
        child->fds = FdTable{};
      };
      std::vector<std::thread> threads;
      threads.reserve(n - 1);
      for (size_t i = 0; i + 1 < n; ++i) threads.emplace_back(run_stage, i);
      if (st.opts.lastpipe) {
        run_last_stage_in_shell(*p.commands[n - 1], std::move(children[n - 1]), statuses[n - 1], threads);
      } else {
        run_stage(n - 1);
      }
      for (auto& t : threads) t.join();
      status = statuses.back();
      if (st.opts.pipefail) {
        status = 0;
        for (int s : statuses)
          if (s != 0) status = s;
      }
      check_cancel();
      // bash waits for a `( ... )` last stage as for a subshell of its own,
      // so a failing pipeline that ends in one runs the ERR trap (and set -e)
      // there too, before the pipeline's own check: twice in all.
      bool unsuppressed = errexit_suppressed_ == (p.negated ? 1 : 0);
      if (status != 0 && unsuppressed && p.commands.back()->kind == CommandKind::Subshell &&
          !(p.negated && st.opts.errexit)) {
        run_err_trap(status);
        if (!p.negated && st.opts.errexit) throw ExitSignal{status};
      }
    }
  } catch (...) {
    if (p.negated) --errexit_suppressed_;
    throw;
  }
  if (p.negated) {
    --errexit_suppressed_;
    status = status == 0 ? 1 : 0;
  }
  set_pipestatus(*this, statuses);
  if (p.timed) report_time(p.time_posix, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
                          cpu_at_start);
  st.last_status = status;
  return status;
}

// shopt -s lastpipe (bash without job control): the last stage runs in
// this shell, reading the pipe, so `cmd | read x` sets x here.
void Interp::run_last_stage_in_shell(const Command& c, std::unique_ptr<Interp> stage, int& status,
                                     std::vector<std::thread>& writers) {
  vfs::FilePtr saved_stdin = fds.get(0);
  fds.set(0, stage->fds.get(0));
  stage.reset();
  try {
    status = execute_command(c);
  } catch (...) {
    // Writers see the reader gone and end; then `exit` or an error goes on.
    fds.set(0, saved_stdin);
    for (auto& t : writers) t.join();
    writers.clear();
    throw;
  }
  fds.set(0, saved_stdin);
}

int Interp::run_background(const AndOr& ao) {
  // `cmd &` runs the DEBUG trap of a lone simple command in the shell, as bash does.
  bool simple_job = ao.pipelines.size() == 1 && ao.pipelines[0].commands.size() == 1 &&
                    ao.pipelines[0].commands[0]->kind == CommandKind::Simple;
  if (debug_trap_set_ && simple_job && !in_debug_trap_) {
    note_command(*ao.pipelines[0].commands[0]);
    st.lineno = ao.pipelines[0].commands[0]->line;
    run_debug_trap();
  }
  std::string shown;
  {
    List list;
    list.items.push_back(ListItem{ao.clone(), false});
    shown = print_list_oneline(list);
  }
  std::shared_ptr<Interp> child(fork_child().release());
  if (simple_job) child->debug_trap_ran_ = child->debug_trap_set_;
  // Background jobs read from /dev/null unless redirected, as bash does
  // without job control.
  vfs::FilePtr devnull;
  if (!child->open_file("/dev/null", O_RDONLY, devnull)) child->fds.set(0, devnull);
  auto copy = std::make_shared<AndOr>(ao.clone());
  start_job(std::move(child), std::move(shown), [copy](Interp& sh) { return sh.execute_and_or(*copy); });
  st.last_status = 0;
  return 0;
}

std::shared_ptr<Job> Interp::start_job(std::shared_ptr<Interp> child, std::string shown,
                                       std::function<int(Interp&)> body) {
  // Finished jobs leave the job table when a new one starts (bash without job
  // control); `wait PID` still finds their status.
  int number = 1;
  size_t finished = 0;
  for (auto& j : jobs) {
    if (j->number && j->done->load()) j->number = 0;
    if (j->number) number = std::max(number, j->number + 1);
    if (!j->number) ++finished;
  }
  // Remember a bounded number of finished statuses, as bash does.
  constexpr size_t kRememberedStatuses = 1024;
  for (auto it = jobs.begin(); finished > kRememberedStatuses && it != jobs.end();) {
    if (!(*it)->number && (*it)->done->load()) {
      if ((*it)->thread.joinable()) (*it)->thread.join();
      it = jobs.erase(it);
      --finished;
    } else {
      ++it;
    }
  }
  auto job = std::make_shared<Job>();
  job->number = number;
  job->command = shown + " &";
  job->status = std::make_shared<std::atomic<int>>(-1);
  job->done = std::make_shared<std::atomic<bool>>(false);
  job->signal = std::make_shared<std::atomic<int>>(0);
  job->cancel = std::make_shared<CancelToken>(cancel_token());
  child->errexit_suppressed_ = 0;
  child->process_cancel = job->cancel.get();
  child->inherited_jobs.clear();
  job->pid = child->st.bashpid;
  {
    std::lock_guard<std::mutex> lock(ctx->targets_mutex);
    ctx->signal_targets[job->pid] = ShellContext::SignalTarget{job->cancel.get(), nullptr, st.bashpid, shown};
  }
  auto status = job->status;
  auto done = job->done;
  auto ended_by = job->signal;
  auto token = job->cancel;
  auto ctx_copy = ctx;
  int pid = job->pid;
  job->thread = std::thread([child, body = std::move(body), status, done, ended_by, token, ctx_copy, pid]() mutable {
    int s = 1;
    {
      CurrentGuard guard(child.get());
      ProcessSlot slot(ctx_copy.get());
      if (slot.ok) {
        try {
          s = child_exit_status(*child, [&] { return body(*child); });
        } catch (const std::exception&) {
          s = 1;
        }
      }
      child->fds = FdTable{};
      // The child's own jobs and pipes refer to `token`: end them first.
      child.reset();
    }
    {
      std::lock_guard<std::mutex> lock(ctx_copy->targets_mutex);
      auto it = ctx_copy->signal_targets.find(pid);
      if (it != ctx_copy->signal_targets.end() && it->second.token == token.get()) ctx_copy->signal_targets.erase(it);
    }
    if (token->cancelled() && s == 128 + token->signal()) ended_by->store(token->signal());
    status->store(s);
    done->store(true);
  });
  st.last_bg_pid = job->pid;
  jobs.push_back(job);
  return job;
}

// ---------------------------------------------------------------------------
// Commands

// A failure inside these commands was already subject to set -e and the ERR
// trap where it happened (or exempt there, as in `false && x`), so bash does
// not act again on the status the whole command returns.
static bool reports_inner_status(CommandKind k) {
  switch (k) {
    case CommandKind::BraceGroup: case CommandKind::If: case CommandKind::While: case CommandKind::For:
    case CommandKind::Select: case CommandKind::ArithFor: case CommandKind::Case:
      return true;
    default:
      return false;
  }
}

int Interp::execute_command(const Command& c) {
  check_cancel();
  if (c.kind == CommandKind::Simple || c.kind == CommandKind::Cond || c.kind == CommandKind::Arith) {
    note_command(c);
    if (debug_trap_set_) {
      st.lineno = c.line;
      if (!run_debug_trap()) {
        st.last_status = 0;
        return 0;
      }
    }
  }
  status_from_compound_body_ = false;
  if (c.kind == CommandKind::Simple) {
    int status = execute_simple(c.as<SimpleCommand>());
    status_from_compound_body_ = false;  // a function's body does not make its call exempt
    return status;
  }
  if (c.kind == CommandKind::FunctionDef) {
    const auto& f = c.as<FunctionDef>();
    if (st.opts.posix) {
      if (const BuiltinInfo* b = find_builtin(f.name); b && b->special) {
        // POSIX forbids it; bash reports it and a script ends.
        error("`" + f.name + "': is a special builtin");
        throw FatalSignal{2};
      }
    }
    // bash defines `f-x` or f`cmd` but not a name with quotes or expansions.
    if (f.name.find_first_of("'\"\\$") != std::string::npos) {
      st.lineno = c.line;
      error("`" + f.name + "': not a valid identifier");
      st.last_status = 1;
      return 1;
    }
    auto def = std::shared_ptr<FunctionDef>(static_cast<FunctionDef*>(f.clone().release()));
    def->source_file = current_source_file();
    st.functions[f.name] = std::move(def);
    st.last_status = 0;
    return 0;
  }
  st.lineno = c.line;
  std::vector<SavedFd> saved;
  bool in_shell = c.kind != CommandKind::Subshell;
  if (!apply_redirects(c.redirects, &saved)) {
    restore_redirects(saved, in_shell);
    st.last_status = 1;
    return 1;
  }
  int status;
  try {
    status = execute_compound(c);
  } catch (...) {
    restore_redirects(saved, in_shell);
    throw;
  }
  restore_redirects(saved, in_shell);
  st.last_status = status;
  status_from_compound_body_ = reports_inner_status(c.kind);
  return status;
}

int Interp::execute_compound(const Command& c) {
  switch (c.kind) {
    case CommandKind::Subshell:
      return execute_subshell(c.as<SubshellCommand>().body);
    case CommandKind::BraceGroup:
      return execute_list(c.as<BraceGroup>().body);
    case CommandKind::If:
      return execute_if(c.as<IfCommand>());
    case CommandKind::While:
      return execute_while(c.as<WhileCommand>());
    case CommandKind::For:
      return execute_for(c.as<ForCommand>());
    case CommandKind::Select:
      return execute_select(c.as<ForCommand>());
    case CommandKind::ArithFor:
      return execute_arith_for(c.as<ArithForCommand>());
    case CommandKind::Case:
      return execute_case(c.as<CaseCommand>());
    case CommandKind::Cond: {
      const auto& cc = c.as<CondCommand>();
      if (st.opts.xtrace) {
        write_err(xtrace_prefix() + "[[ " + trace_cond(*cc.expr) + " ]]\n");
      }
      return execute_cond(*cc.expr);
    }
    case CommandKind::Arith: {
      const auto& ac = c.as<ArithCommand>();
      std::string text = expand_word_string(ac.expr);
      if (st.opts.xtrace)  write_err(xtrace_prefix() + "(( " + text + " ))\n");
      try {
        return arith_eval(text) != 0 ? 0 : 1;
      } catch (const ArithError& e) {
        error(e.from("(("));
        return 1;
      }
    }
    case CommandKind::Coproc:
      return execute_coproc(c.as<CoprocCommand>());
    default:
      return 0;
  }
}

int Interp::execute_subshell(const List& body) {
  auto child = fork_child();
  child->inherited_jobs.clear();  // bash's `(jobs)` lists nothing
  child->st.loop_depth = 0;       // `(break)` inside a loop reaches no loop
  CurrentGuard guard(child.get());
  ProcessSlot slot(ctx.get());
  if (!slot.ok) return 1;
  int status = child_exit_status(*child, [&] { return child->execute_list(body); });
  child.reset();
  check_cancel();
  return status;
}

int Interp::execute_if(const IfCommand& c) {
  for (const IfClause& clause : c.clauses) {
    ++errexit_suppressed_;
    int cond;
    try {
      cond = execute_list(clause.cond);
    } catch (...) {
      --errexit_suppressed_;
      throw;
    }
    --errexit_suppressed_;
    if (cond == 0) return execute_list(clause.body);
  }
  if (c.has_else) return execute_list(c.else_body);
  return 0;
}

int Interp::execute_while(const WhileCommand& c) {
  int status = 0;
  ++st.loop_depth;
  struct Depth {
    int& d;
    ~Depth() { --d; }
  } depth{st.loop_depth};
  for (;;) {
    count_loop();
    ++errexit_suppressed_;
    int cond;
    try {
      cond = execute_list(c.cond);
    } catch (LoopSignal& l) {
      // `while break` / `while continue` act on this loop.
      --errexit_suppressed_;
      if (l.levels > 1) {
        --l.levels;
        throw;
      }
      if (l.is_break) {
        status = l.status;
        break;
      }
      continue;
    } catch (...) {
      --errexit_suppressed_;
      throw;
    }
    --errexit_suppressed_;
    if ((cond == 0) == c.until) break;
    if (!run_loop_body(c.body, status)) break;
  }
  return status;
}

// Runs one iteration's body. `break N` / `continue N` aimed at this loop
// are handled here (false means break); outer levels propagate.
bool Interp::run_loop_body(const List& body, int& status) {
  try {
    status = execute_list(body);
  } catch (LoopSignal& l) {
    if (l.levels > 1) {
      --l.levels;
      throw;
    }
    status = l.status;
    return !l.is_break;
  }
  return true;
}

int Interp::execute_for(const ForCommand& c) {
  if (!is_name(c.var)) {
    error("`" + c.var + "': not a valid identifier");
    return 1;
  }
  std::vector<std::string> items = c.has_in ? expand_words(c.items) : st.positional;
  int status = 0;
  ++st.loop_depth;
  struct Depth {
    int& d;
    ~Depth() { --d; }
  } depth{st.loop_depth};
  std::string trace;
  if (st.opts.xtrace) {
 trace = xtrace_prefix() + "for " + c.var + " in";
    for (const std::string& item : items) trace += " " + quote_for_shell(item, true);
    trace += "\n";
  }
  for (const std::string& item : items) {
    count_loop();
    if (debug_trap_set_ && !run_debug_trap_for(loop_header(c))) continue;
    if (st.opts.xtrace) write_err(trace);
    if (!set_var(c.var, item)) {
      error(c.var + ": readonly variable");
      return 1;
    }
    if (!run_loop_body(c.body, status)) break;
  }
  return status;
}

int Interp::execute_select(const ForCommand& c) {
  if (!is_name(c.var)) {
    error("`" + c.var + "': not a valid identifier");
    return 1;
  }
  std::vector<std::string> items = c.has_in ? expand_words(c.items) : st.positional;
  if (items.empty()) return 0;
  InStream in(fds.get(0));
  int status = 0;
  ++st.loop_depth;
  struct Depth {
    int& d;
    ~Depth() { --d; }
  } depth{st.loop_depth};
  for (;;) {
    count_loop();
    if (debug_trap_set_ && !run_debug_trap_for(loop_header(c))) continue;
    std::string menu;
    for (size_t i = 0; i < items.size(); ++i) menu += std::to_string(i + 1) + ") " + items[i] + "\n";
    menu += get_var("PS3").value_or("#? ");
    write_err(menu);
    std::string line;
    if (!in.read_line(line)) {
      write_err("\n");
      break;
    }
    set_var("REPLY", line);
    size_t idx = 0;
    try {
      idx = std::stoul(line);
    } catch (...) {
      idx = 0;
    }
    set_var(c.var, idx >= 1 && idx <= items.size() ? items[idx - 1] : "");
    if (!run_loop_body(c.body, status)) break;
  }
  return status;
}

int Interp::execute_arith_for(const ArithForCommand& c) {
  auto eval = [&](const Word& w, long long dflt) -> long long {
    if (debug_trap_set_) {
      // bash shows each part as its own (( )) command, empty ones as 1.
      const std::string& raw = &w == &c.init ? c.init_raw : &w == &c.cond ? c.cond_raw : c.step_raw;
      size_t start = raw.find_first_not_of(" \t\n");
      if (!run_debug_trap_for("((" + (start == std::string::npos ? std::string("1") : raw.substr(start)) + "))"))
        return dflt;
    }
    std::string text = expand_word_string(w);
    if (text.find_first_not_of(" \t\n") == std::string::npos) return dflt;
    return arith_eval(text);
  };
  int status = 0;
  try {
    eval(c.init, 0);
    ++st.loop_depth;
    struct Depth {
      int& d;
      ~Depth() { --d; }
    } depth{st.loop_depth};
    for (;;) {
      count_loop();
      if (eval(c.cond, 1) == 0) break;
      if (!run_loop_body(c.body, status)) break;
      eval(c.step, 0);
    }
  } catch (const ArithError& e) {
    error(e.from("(("));
    return 1;
  }
  return status;
}

int Interp::execute_case(const CaseCommand& c) {
  if (debug_trap_set_ && !run_debug_trap_for("case " + print_word(c.subject) + " in ")) return 0;
  std::string subject = expand_word_string(c.subject);
  size_t n = c.items.size();
  int status = 0;
  for (size_t i = 0; i < n; ++i) {
    const CaseItem& item = c.items[i];
    bool matched = false;
    for (const Word& pw : item.patterns) {
      if (pattern_match(expand_pattern(pw), subject, st.opts.nocasematch, st.opts.extglob)) {
        matched = true;
        break;
      }
    }
    if (!matched) continue;
    status = execute_list(item.body);
    size_t j = i;
    while (c.items[j].term == CaseTerm::FallThrough && j + 1 < n) {
      ++j;
      status = execute_list(c.items[j].body);
    }
    if (c.items[j].term == CaseTerm::Continue) {
      i = j;
      continue;
    }
    return status;
  }
  return status;
}

// ---------------------------------------------------------------------------
// Simple commands

std::string Interp::xtrace_prefix() {
  std::string ps4 = get_var("PS4").value_or("");
  if (ps4.empty()) return ps4;
  // PS4 is a prompt string; its own expansions are not traced.
  struct TraceOff {
    bool& flag;
    bool saved;
    ~TraceOff() { flag = saved; }
  } off{st.opts.xtrace, st.opts.xtrace};
  st.opts.xtrace = false;
  ps4 = expand_prompt(ps4);
  return ps4.empty() ? ps4 : std::string(st.comsub_level, ps4[0]) + ps4;
}

void Interp::xtrace(const std::vector<std::string>& words, const std::vector<std::string>& assigns) {
  std::string prefix = xtrace_prefix();
  if (assigns.empty() && words.empty()) return;
  for (const std::string& a : assigns) {
    std::string line = prefix;
    size_t eq = a.find('=');
    line += a.substr(0, eq + 1) + quote_for_shell(a.substr(eq + 1), true);
    write_err(line + "\n");
  }
  if (words.empty()) return;
  std::string line = prefix;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i) line += ' ';
    line += quote_for_shell(words[i], true);
  }
  write_err(line + "\n");
}

int Interp::execute_simple(const SimpleCommand& c) {
  st.lineno = c.line;
  if (++ctx->commands_run > ctx->limits.max_commands) {
    ctx->hit_limit("too many commands (max " + std::to_string(ctx->limits.max_commands) + ")");
    check_cancel();
  }
  subst_status_ = -1;
  std::vector<std::string> words = expand_words(c.words);

  if (words.empty()) {
    for (const Assignment& a : c.assigns) {
      // PS4 is expanded before the assignment it shows is made
      std::string prefix = st.opts.xtrace ? xtrace_prefix() : "";
      assign(a);
      if (st.opts.xtrace) {
        std::string value = a.is_array ? "(...)" : get_var(a.name).value_or("");
        write_err(prefix + a.name + (a.append ? "+=" : "=") + quote_for_shell(value, true) + "\n");
      }
    }
    st.last_arg.clear();  // bash: a command without words leaves $_ empty
    int status = subst_status_ >= 0 ? subst_status_ : 0;
    std::vector<SavedFd> saved;
    if (!apply_redirects(c.redirects, &saved)) status = 1;
    restore_redirects(saved, true);
    st.last_status = status;
    return status;
  }

  // Prefix assignments apply to this command only.
  Environment temp_env;
  std::vector<std::string> traced;
  for (const Assignment& a : c.assigns) {
    std::string value = expand_word_string(a.value);
    if (Var* v = find_var(a.name); v && v->readonly) {
      error(a.name + ": readonly variable");
      continue;
    }
    if (a.append) value = get_var(a.name).value_or("") + value;
    temp_env[a.name] = value;
    if (st.opts.xtrace) traced.push_back(a.name + "=" + value);
  }
  if (st.opts.xtrace) xtrace(words, traced);
  st.last_arg = words.back();
  if (!c.words.empty()) {
    // `declare a=(1 2)`: $_ is the array's name
    const std::string& raw = c.words.back().raw;
    size_t eq = raw.find("=(");
    if (eq != std::string::npos && eq > 0 && raw.back() == ')') {
      std::string name = raw.substr(0, raw[eq - 1] == '+' ? eq - 1 : eq);
      if (is_name(name)) st.last_arg = name;
    }
  }

  std::vector<SavedFd> saved;
  bool in_shell = words[0].find('/') == std::string::npos &&
                  (st.functions.count(words[0]) || enabled_builtin(words[0]) != nullptr);
  if (!apply_redirects(c.redirects, &saved)) {
    restore_redirects(saved, in_shell);
    st.last_status = 1;
    return 1;
  }
  int status;
  try {
    status = run_simple_argv(std::move(words), c.assigns.empty() ? nullptr : &temp_env);
  } catch (...) {
    if (!keep_redirects_) restore_redirects(saved, in_shell);
    keep_redirects_ = false;
    throw;
  }
  if (!keep_redirects_) restore_redirects(saved, in_shell);
  keep_redirects_ = false;
  for (int fd : procsubst_fds_) fds.close(fd);
  procsubst_fds_.clear();
  st.last_status = status;
  return status;
}

int Interp::run_simple_argv(std::vector<std::string> argv, const Environment* extra_env) {
  const std::string& name = argv[0];
  // bash finds a function named with a slash (ble/is-array) before the file.
  bool slash_function = name.find('/') != std::string::npos && !st.opts.posix && st.functions.count(name);
  if (name.find('/') == std::string::npos || slash_function) {
    // In POSIX mode a special builtin is found before a function of its name.
    const BuiltinInfo* special = nullptr;
    if (st.opts.posix) {
      if (const BuiltinInfo* b = enabled_builtin(name); b && b->special) special = b;
    }
    auto fit = special ? st.functions.end() : st.functions.find(name);
    if (fit != st.functions.end()) {
      auto def = fit->second;  // keeps the body alive if it redefines itself
      if (extra_env) {
        st.frames.emplace_back();
        for (auto& [k, v] : *extra_env) {
          Var var;
          var.value = v;
          var.exported = true;
          st.frames.back()[k] = var;
        }
        int status;
        try {
          status = call_function(*def, std::move(argv));
        } catch (...) {
          st.frames.pop_back();
          throw;
        }
        st.frames.pop_back();
        return status;
      }
      return call_function(*def, std::move(argv));
    }
    if (const BuiltinInfo* b = enabled_builtin(name)) {
      if (extra_env) {
        st.frames.emplace_back();
        for (auto& [k, v] : *extra_env) {
          Var var;
          var.value = v;
          var.exported = true;
          st.frames.back()[k] = var;
        }
        temp_env_frames_.push_back(st.frames.size() - 1);
        int status;
        try {
          status = run_builtin(*b, argv);
        } catch (...) {
          temp_env_frames_.pop_back();
          if (!st.frames.empty()) st.frames.pop_back();
          throw;
        }
        temp_env_frames_.pop_back();
        // POSIX: assignments before a special builtin stay after it, with
        // the values they have when it ends (`x=1 unset x` leaves x alone).
        // They stay exported, as in bash; readonly carries over.
        std::vector<std::pair<std::string, Var>> kept;
        if (st.opts.posix && b->special && !st.frames.empty())
          for (auto& [k, v] : st.frames.back())
            if (v.set && !v.is_array) kept.emplace_back(k, v);
        if (!st.frames.empty()) st.frames.pop_back();
        for (auto& [k, v] : kept) {
          set_var(k, v.value);
          if (Var* now = find_var(k)) {
            if (v.exported) now->exported = true;
            if (v.readonly) now->readonly = true;
          }
        }
        return status;
      }
      return run_builtin(*b, argv);
    }
    int status = run_external(argv, extra_env);
    if (!jobs.empty()) report_signal_deaths();
    return status;
  }
  int status = run_file(abspath(name), argv, extra_env);
  if (!jobs.empty()) report_signal_deaths();
  return status;
}

std::vector<std::string> Interp::call_stack_column(std::string_view name) const {
  std::vector<std::string> out;
  for (size_t i = st.call_stack.size(); i-- > 0;) {
    const CallFrame& f = st.call_stack[i];
    if (name == "FUNCNAME") out.push_back(f.name);
    else if (name == "BASH_SOURCE") out.push_back(f.source);
    else out.push_back(std::to_string(f.line));
  }
  // A script's top level is the frame "main", called from line 0.
  if (!st.script_source.empty()) {
    if (name == "FUNCNAME") out.push_back("main");
    else if (name == "BASH_SOURCE") out.push_back(st.script_source);
    else out.push_back("0");
  }
  return out;
}

std::string Interp::current_source_file() const {
  if (!st.call_stack.empty()) return st.call_stack.back().source;
  return st.script_source.empty() ? st.function_source : st.script_source;
}

void Interp::init_bash_argv() {
  if (st.argv_initialized) return;
  st.argv_initialized = true;
  for (const std::string& a : st.positional) st.argv_stack.push_back(a);
  st.argc_stack.push_back(static_cast<int>(st.positional.size()));
}

void Interp::push_call_frame(std::string name, std::string source, const std::vector<std::string>& args) {
  CallFrame f{std::move(name), std::move(source), st.lineno, false};
  // Only under extdebug does bash keep each frame's arguments.
  if (st.opts.extdebug) {
    init_bash_argv();
    for (const std::string& a : args) st.argv_stack.push_back(a);
    st.argc_stack.push_back(static_cast<int>(args.size()));
    f.pushed_args = true;
  }
  st.call_stack.push_back(std::move(f));
}

void Interp::pop_call_frame() {
  if (st.call_stack.empty()) return;
  if (st.call_stack.back().pushed_args && !st.argc_stack.empty()) {
    size_t n = std::min<size_t>(static_cast<size_t>(st.argc_stack.back()), st.argv_stack.size());
    st.argv_stack.resize(st.argv_stack.size() - n);
    st.argc_stack.pop_back();
  }
  st.call_stack.pop_back();
}

bool Interp::refresh_call_stack_var(std::string_view name) {
  bool argv = name == "BASH_ARGV", argc = name == "BASH_ARGC";
  if (!argv && !argc && name != "FUNCNAME" && name != "BASH_SOURCE" && name != "BASH_LINENO") return false;
  Var& v = st.globals[std::string(name)];
  if (v.nameref || v.assoc) return true;  // no longer bash's variable
  v.is_array = true;
  v.array.clear();
  long long k = 0;
  if (argv || argc) {
    // Referred to at the top level, bash takes the positional parameters as
    // the bottom frame; inside a function it shows only what is there.
    if (st.function_depth == 0) init_bash_argv();
    if (argv)
      for (size_t i = st.argv_stack.size(); i-- > 0;) v.array[k++] = st.argv_stack[i];
    else
      for (size_t i = st.argc_stack.size(); i-- > 0;) v.array[k++] = std::to_string(st.argc_stack[i]);
    v.set = true;
    return true;
  }
  // FUNCNAME is there only while a function runs.
  if (name == "FUNCNAME" && st.function_depth == 0) {
    v.set = false;
    return true;
  }
  for (std::string& s : call_stack_column(name)) v.array[k++] = std::move(s);
  v.set = true;
  return true;
}

int Interp::call_function(const FunctionDef& f, std::vector<std::string> argv) {
  if (st.function_depth >= static_cast<int>(ctx->limits.max_function_depth)) {
    error(f.name + ": maximum function nesting level exceeded (" + std::to_string(ctx->limits.max_function_depth) + ")");
    ctx->hit_limit("function nesting too deep (max " + std::to_string(ctx->limits.max_function_depth) + ")");
    check_cancel();
  }
  // The native stack may run out first (small thread stacks, sanitizers).
  if (stack_nearly_exhausted()) {
    error(f.name + ": maximum function nesting level exceeded (" + std::to_string(st.function_depth) + ")");
    ctx->hit_limit("function nesting too deep for the stack (at depth " + std::to_string(st.function_depth) + ")");
    check_cancel();
  }
  std::vector<std::string> saved_pos = std::move(st.positional);
  st.positional.assign(argv.begin() + 1, argv.end());
  st.frames.emplace_back();
  ++st.function_depth;
  push_call_frame(f.name, f.source_file, st.positional);
  int saved_loop = st.loop_depth;
  st.loop_depth = 0;
  HiddenTraps hidden;
  if (!traps_.empty()) hidden = hide_traps(st.traced_functions.count(f.name) > 0, false);
  int status;
  auto cleanup = [&] {
    st.loop_depth = saved_loop;
    // The caller's line again: an ERR trap for the call shows where it was.
    if (!st.call_stack.empty()) st.lineno = st.call_stack.back().line;
    pop_call_frame();
    --st.function_depth;
    st.frames.pop_back();
    st.positional = std::move(saved_pos);
    restore_traps(hidden);
  };
  try {
    // A traced function runs the DEBUG trap once more as it starts.
    if (debug_trap_set_ && !run_debug_trap()) status = 0;
    else status = execute_command(*f.body);
  } catch (const ReturnSignal& r) {
    status = r.status;
  } catch (...) {
    cleanup();
    throw;
  }
  if (return_trap_set_) {
    try {
      run_return_trap();
    } catch (...) {
      cleanup();
      throw;
    }
  }
  cleanup();
  st.last_status = status;
  return status;
}

// Builtins whose options bash reads with its common option parser, which
// takes a leading `--` as the end of the options (`eval -- cmd`); these
// builtins have no use for it themselves.
static bool takes_end_of_options(std::string_view name) {
  static const std::set<std::string_view> names = {
      "eval", "source", ".", "alias", "unalias", "builtin", "shift", "shopt", "umask", "getopts",
      "let", "return", "exit", "help", "mapfile", "readarray", "hash",
      "times", "caller", "fc", "enable", "disown", "bg", "fg", "logout", "suspend", "ulimit",
      "break", "continue", "wait", "complete", "compgen", "compopt"};
  return names.count(name) > 0;
}

int Interp::run_builtin(const BuiltinInfo& b, std::vector<std::string>& argv) {
  Invocation inv;
  inv.argv = argv;
  if (inv.argv.size() > 1 && inv.argv[1] == "--" && takes_end_of_options(b.name)) inv.argv.erase(inv.argv.begin() + 1);
  inv.fds = &fds;
  inv.fs = ctx->fs.get();
  inv.cwd = st.cwd;
  inv.host = this;
  inv.cancel = cancel_token();
  inv.limits = &ctx->limits;
  int status = b.fn(*this, inv);
  status = inv.finish(status);
  // Output that could not be written (a full disk, /dev/full) fails the
  // builtin with bash's message. (On a closed stdout the stream cannot tell
  // whether anything was written; echo sees to that case itself.)
  if (status != 141 && fds.get(1) && !inv.out().ok() && !inv.out().broken_pipe()) {
    error(std::string(b.name) + ": write error: " + vfs::error_text(inv.out().error()));
    status = 1;
  }
  if (status == 141 && !is_main) throw ExitSignal{141};
  return status;
}

// What a script without #! keeps of its caller's variables: the exported
// ones and the shell's own, with the values a new shell starts with.
static void forget_unexported(VarMap& globals) {
  static const std::set<std::string_view> own = {"BASH_VERSION", "HOSTNAME", "UID", "EUID", "BASH", "OPTIND",
                                                 "PPID", "MACHTYPE", "HOSTTYPE", "OSTYPE", "BASH_VERSINFO",
                                                 "SHELLOPTS", "BASHOPTS", "PATH", "SHLVL", "PWD", "HOME"};
  for (auto it = globals.begin(); it != globals.end();) {
    if (!it->second.exported && !own.count(it->first)) it = globals.erase(it);
    else ++it;
  }
  globals["IFS"].value = " \t\n";
  globals["PS4"].value = "+ ";
  globals["OPTIND"].value = "1";
}

static bool in_std_bin(std::string_view dir) {
  return dir == "/bin" || dir == "/usr/bin" || dir == "/usr/local/bin" || dir == "/sbin" || dir == "/usr/sbin";
}

int Interp::run_external(std::vector<std::string>& argv, const Environment* extra_env, bool use_hash) {
  const std::string& name = argv[0];
  const CommandInfo* reg = Registry::global().find(name);
  auto path_opt = get_var("PATH");
  // `PATH=dir cmd` looks cmd up in that PATH, as bash does.
  if (extra_env) {
    auto it = extra_env->find("PATH");
    if (it != extra_env->end()) path_opt = it->second;
  }
  if (!path_opt || path_opt->empty()) {
    // Without PATH bash looks only in the current directory.
    std::string local = abspath(name);
    vfs::Stat s;
    if (!ctx->fs->stat(local, s) && S_ISREG(s.mode)) return run_file(local, argv, extra_env);
    error(name + ": No such file or directory");
    return 127;
  }
  // A temporary `PATH=dir cmd` bypasses the hash table, as in bash.
  if (extra_env && extra_env->count("PATH")) use_hash = false;
  std::string found;
  if (use_hash) found = hashed_command(name);
  if (!found.empty()) {
    // A hashed file that has gone fails, though another is on PATH now.
    vfs::Stat s;
    if (vfs::Error e = ctx->fs->stat(abspath(found), s)) {
      error(found + ": " + vfs::error_text(e));
      return 127;
    }
    return run_file(abspath(found), argv, extra_env);
  }
  PathSearch hit = search_path(name, *path_opt);
  if (reg && hit.executable && in_std_bin(vfs::dirname_of(abspath(hit.path)))) {
    if (use_hash) remember_command(name, hit.path, 1);
    return run_registered(*reg, argv, extra_env);
  }
  if (hit.executable) {
    if (use_hash) remember_command(name, hit.path, 1);
    return run_file(abspath(hit.path), argv, extra_env);
  }
  if (!reg && !hit.path.empty()) {
    error(hit.path + ": Permission denied");
    return 126;
  }
  if (!reg) {
    error(name + ": command not found");
    return 127;
  }
  return run_registered(*reg, argv, extra_env);
}

int Interp::run_registered(const CommandInfo& reg, std::vector<std::string>& argv, const Environment* extra_env) {
  const std::string& name = argv[0];
  Environment env = build_env();
  if (extra_env)
    for (auto& [k, v] : *extra_env) env[k] = v;
  Invocation inv;
  inv.argv = argv;
  if (!exec_argv0_.empty()) inv.argv[0] = std::exchange(exec_argv0_, std::string());
  inv.fds = &fds;
  inv.fs = ctx->fs.get();
  inv.cwd = st.cwd;
  inv.env = &env;
  inv.host = this;
  inv.cancel = cancel_token();
  inv.limits = &ctx->limits;
  // The foreground shell's command gets a token of its own, which a
  // terminal's Ctrl-C cancels while the shell lives on to run its trap.
  CancelToken command_cancel(cancel_token());
  struct ForegroundCommand {
    ShellContext* ctx = nullptr;
    ~ForegroundCommand() {
      if (!ctx) return;
      std::lock_guard<std::mutex> lock(ctx->targets_mutex);
      ctx->foreground_command = nullptr;
    }
  } foreground;
  {
    std::lock_guard<std::mutex> lock(ctx->targets_mutex);
    if (ctx->foreground_shell == this) {
      ctx->foreground_command = &command_cancel;
      inv.cancel = &command_cancel;
      foreground.ctx = ctx.get();
    }
  }
  int status;
  try {
    status = run_command(reg, inv);
  } catch (const std::exception& e) {
    inv.finish(0);
    write_err(name + ": " + e.what() + "\n");
    status = 1;
  }
  check_cancel();
  return status;
}

int Interp::run_file(const std::string& path, std::vector<std::string>& argv, const Environment* extra_env) {
  const std::string& shown = argv[0];
  {
    std::string_view dir = vfs::dirname_of(path);
    const CommandInfo* reg = Registry::global().find(vfs::basename_of(path));
    if (reg && in_std_bin(dir)) {
      std::vector<std::string> args = argv;
      args[0] = std::string(vfs::basename_of(path));
      return run_registered(*reg, args, extra_env);
    }
  }
  vfs::Stat s;
  if (vfs::Error e = ctx->fs->stat(path, s)) {
    error(shown + ": " + vfs::error_text(e));
    return e.value() == ENOENT ? 127 : 126;  // bash: only a missing file is 127
  }
  if (S_ISDIR(s.mode)) {
    error(shown + ": Is a directory");
    return 126;
  }
  if (!(s.mode & 0111)) {
    error(shown + ": Permission denied");
    return 126;
  }
  std::string text;
  if (vfs::Error e = vfs::read_file(*ctx->fs, path, text)) {
    error(shown + ": " + vfs::error_text(e));
    return 126;
  }
  std::vector<std::string> new_argv;
  if (text.rfind("#!", 0) == 0) {
    size_t eol = text.find('\n');
    std::string line = text.substr(2, eol == std::string::npos ? std::string::npos : eol - 2);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t b = line.find_first_not_of(" \t");
    line = b == std::string::npos ? "" : line.substr(b);
    size_t sp = line.find_first_of(" \t");
    std::string interp = line.substr(0, sp);
    std::string arg;
    if (sp != std::string::npos) {
      size_t ab = line.find_first_not_of(" \t", sp);
      if (ab != std::string::npos) arg = line.substr(ab);
      while (!arg.empty() && (arg.back() == ' ' || arg.back() == '\t')) arg.pop_back();
    }
    std::string cmd(vfs::basename_of(interp));
    if (cmd == "env" && !arg.empty()) {
      size_t sp2 = arg.find_first_of(" \t");
      cmd = arg.substr(0, sp2);
      arg = sp2 == std::string::npos ? "" : arg.substr(arg.find_first_not_of(" \t", sp2));
      if (cmd == "-S") {
        sp2 = arg.find_first_of(" \t");
        cmd = arg.substr(0, sp2);
        arg = sp2 == std::string::npos ? "" : arg.substr(arg.find_first_not_of(" \t", sp2));
      }
    }
    if (!Registry::global().find(cmd)) {
      error(shown + ": " + interp + ": bad interpreter: No such file or directory");
      return 126;
    }
    new_argv.push_back(cmd);
    if (!arg.empty()) new_argv.push_back(arg);
    new_argv.push_back(shown);
    new_argv.insert(new_argv.end(), argv.begin() + 1, argv.end());
    return run_external(new_argv, extra_env, false);
  }
  size_t probe = std::min<size_t>(text.size(), 256);
  if (std::memchr(text.data(), '\0', probe)) {
    error(shown + ": cannot execute binary file: Exec format error");
    return 126;
  }
  // A text file without #! runs as a shell script in a subshell.
  if (st.subst_depth >= static_cast<int>(ctx->limits.max_substitution_depth)) {
    ctx->hit_limit("nested scripts too deep (max " + std::to_string(ctx->limits.max_substitution_depth) + ")");
    check_cancel();
  }
  auto child = fork_child();
  // A new shell: only ignored signals stay as they were.
  for (const char* key : {"DEBUG", "ERR", "RETURN"}) child->traps_.erase(key);
  child->update_signal_masks();
  child->shown_traps_.reset();
  child->st.subst_depth++;
  child->st.functions.clear();
  // Exported locals and `VAR=x exec ./script` are in its environment.
  for (auto& frame : child->st.frames)
    for (auto& [k, v] : frame)
      if (v.exported) child->st.globals[k] = v;
  child->st.frames.clear();
  // bash starts the script as a new shell would: the environment, its own
  // variables, default options; nothing else of the caller's.
  forget_unexported(child->st.globals);
  child->st.aliases.clear();
  child->st.opts = ShellOptions{};
  child->st.inert_shopts.clear();
  child->st.inert_set_options.clear();
  child->refresh_option_vars();
  child->st.arg0 = shown;
  child->st.positional.assign(argv.begin() + 1, argv.end());
  child->parse_error_name = shown;
  child->st.call_stack.clear();
  child->st.script_source = child->st.function_source = shown;
  child->st.argv_stack.clear();
  child->st.argc_stack.clear();
  child->st.argv_initialized = false;
  if (extra_env)
    for (auto& [k, v] : *extra_env) {
      child->set_var(k, v);
      if (Var* var = child->find_var(k)) var->exported = true;
    }
  CurrentGuard guard(child.get());
  ProcessSlot slot(ctx.get());
  if (!slot.ok) return 1;
  int status = child->run_toplevel(text);
  child.reset();
  check_cancel();
  return status;
}

// ProcessHost: commands running children (xargs, find -exec, env, timeout).
int Interp::run_argv(const std::vector<std::string>& argv, Invocation& io) {
  if (argv.empty()) return 0;
  auto child = fork_child();
  if (io.fds) child->fds = *io.fds;
  child->st.cwd = io.cwd;
  if (io.cancel && io.cancel != &ctx->cancel) child->process_cancel = io.cancel;
  if (io.env) {
    // The environment given replaces the exported set.
    for (auto& [k, v] : child->st.globals) v.exported = false;
    for (auto& [k, v] : *io.env) {
      child->set_var(k, v);
      if (Var* var = child->find_var(k)) var->exported = true;
    }
  }
  CurrentGuard guard(child.get());
  int status;
  try {
    status = child->run_simple_argv(argv, nullptr);
  } catch (const ExitSignal& e) {
    status = e.status;
  } catch (const FatalSignal& e) {
    status = e.status;
  } catch (const ReturnSignal& r) {
    status = r.status;
  } catch (const LoopSignal&) {
    status = 0;
  }
  return status;
}

int Interp::run_script(std::string_view script, Invocation& io) {
  auto child = fork_child();
  if (io.fds) child->fds = *io.fds;
  child->st.cwd = io.cwd;
  child->st.arg0 = "sh";
  child->parse_error_name = "sh: -c";
  if (io.env) {
    for (auto& [k, v] : *io.env) {
      child->set_var(k, v);
      if (Var* var = child->find_var(k)) var->exported = true;
    }
  }
  return child->run_toplevel(script);
}

}  // namespace burrow::shell
