// bash's pseudo-signal traps DEBUG and RETURN, and which traps functions,
// sourced files and child processes see (set -T, set -E, declare -t,
// shopt extdebug). EXIT, ERR and signal traps run from interp.cpp.
#include "shell/interp.h"

namespace burrow::shell {
namespace {

// Leaves the interpreter's trap bookkeeping as it found it, however the
// trap's commands end (return, exit, a fatal error).
struct TrapFrame {
  Interp& sh;
  bool& flag;
  bool saved_flag;
  TrapFrame(Interp& s, bool& f) : sh(s), flag(f), saved_flag(f) {
    ++sh.trap_depth_;
    flag = true;
  }
  ~TrapFrame() {
    --sh.trap_depth_;
    flag = saved_flag;
  }
};

// $? and PIPESTATUS are what the trap found when it ends, as in bash.
struct KeepStatus {
  Interp& sh;
  int status;
  std::vector<int> pipestatus;
  std::optional<Var> pipestatus_var;
  explicit KeepStatus(Interp& s) : sh(s), status(s.st.last_status), pipestatus(s.st.pipestatus) {
    auto it = sh.st.globals.find("PIPESTATUS");
    if (it != sh.st.globals.end()) pipestatus_var = it->second;
  }
  ~KeepStatus() {
    sh.st.last_status = status;
    sh.st.pipestatus = std::move(pipestatus);
    if (pipestatus_var) sh.st.globals["PIPESTATUS"] = std::move(*pipestatus_var);
  }
};

bool is_pseudo_trap(const std::string& key) { return key == "DEBUG" || key == "RETURN" || key == "ERR"; }

}  // namespace

bool Interp::run_debug_trap() {
  // Other traps' commands run it too ($BASH_COMMAND stays the command that
  // fired them); only the DEBUG trap's own do not.
  if (!debug_trap_set_ || in_debug_trap_) return true;
  if (debug_trap_ran_) {
    debug_trap_ran_ = false;
    return true;
  }
  auto it = traps_.find("DEBUG");
  if (it == traps_.end() || it->second.empty()) return true;
  std::string action = it->second;
  int status;
  {
    KeepStatus keep(*this);
    TrapFrame frame(*this, in_debug_trap_);
    // `return` in the trap returns from the function that is running: the
    // ReturnSignal goes through.
    status = run_source(action, st.lineno, false);
  }
  if (!st.opts.extdebug) return true;
  // extdebug: 2 acts as `return` where one is allowed; any other failure
  // skips the command.
  if (status == 2 && (st.function_depth > 0 || source_depth_ > 0)) throw ReturnSignal{2};
  return status == 0;
}

bool Interp::run_debug_trap_for(std::string text) {
  if (!debug_trap_set_ || in_debug_trap_) return true;
  if (trap_depth_ == 0) {
    current_command_ = nullptr;
    last_command_text_ = std::move(text);
  }
  return run_debug_trap();
}

void Interp::run_return_trap() {
  if (!return_trap_set_) return;
  auto it = traps_.find("RETURN");
  if (it == traps_.end() || it->second.empty()) return;
  // Not while it runs already (a function called from the RETURN trap).
  static thread_local const Interp* running = nullptr;
  if (running == this) return;
  std::string action = it->second;
  const Interp* saved_running = running;
  running = this;
  struct Unmark {
    const Interp* saved;
    ~Unmark() { running = saved; }
  } unmark{saved_running};
  KeepStatus keep(*this);
  bool unused = false;
  TrapFrame frame(*this, unused);
  try {
    run_source(action, st.lineno, false);
  } catch (const ReturnSignal&) {
    // `return` in the RETURN trap ends the trap; the function has returned.
  }
}

Interp::HiddenTraps Interp::hide_traps(bool traced, bool sourced) {
  HiddenTraps hidden;
  if (traps_.empty()) return hidden;
  auto take = [&](const char* key, std::optional<std::string>& into) {
    auto it = traps_.find(key);
    if (it == traps_.end()) return;
    into = std::move(it->second);
    traps_.erase(it);
  };
  bool keep_debug = traced || st.opts.functrace;
  if (!keep_debug) take("DEBUG", hidden.debug);
  if (!sourced) {
    if (!st.opts.errtrace) take("ERR", hidden.err);
    // A function called from the DEBUG trap never runs the RETURN trap.
    if (!keep_debug || in_debug_trap_) take("RETURN", hidden.ret);
  }
  if (hidden.debug || hidden.err || hidden.ret) update_signal_masks();
  return hidden;
}

void Interp::restore_traps(HiddenTraps& hidden) {
  if (!hidden.debug && !hidden.err && !hidden.ret) return;
  // A trap the function set for itself stays; otherwise the caller's comes back.
  auto give_back = [&](const char* key, std::optional<std::string>& from) {
    if (from && !traps_.count(key)) traps_[key] = std::move(*from);
    from.reset();
  };
  give_back("DEBUG", hidden.debug);
  give_back("ERR", hidden.err);
  give_back("RETURN", hidden.ret);
  update_signal_masks();
}

void Interp::inherit_traps(Interp& child) const {
  child.shown_traps_ = listed_traps();
  child.traps_.clear();
  for (const auto& [key, action] : traps_) {
    bool keep;
    if (key == "DEBUG" || key == "RETURN") keep = st.opts.functrace;
    else if (key == "ERR") keep = st.opts.errtrace;
    else keep = !is_pseudo_trap(key) && key != "EXIT" && action.empty();  // ignored signals stay ignored
    if (keep) child.traps_[key] = action;
  }
  // A child of a running DEBUG trap does not run DEBUG traps of its own
  // either: that would recurse (bash forks without end on `trap '(:)' DEBUG`
  // under extdebug).
  child.trap_depth_ = trap_depth_;
  child.in_debug_trap_ = in_debug_trap_;
  child.in_err_trap_ = in_err_trap_;
  child.update_signal_masks();
}

}  // namespace burrow::shell
