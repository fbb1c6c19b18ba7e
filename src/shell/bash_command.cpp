// `bash` and `sh` as commands: a nested interpreter in the calling process,
// as the host would run /bin/bash (-c, script files, -s / stdin, options).
#include "process/streams.h"
#include "shell/history.h"
#include "shell/interp.h"
#include "shell/signals.h"

namespace burrow::shell {
namespace {

// Shell variables a new bash sets for itself (not inherited through export).
const char* const kShellVars[] = {"BASH_VERSION", "IFS", "PS4", "PS1", "PS2", "HOSTNAME", "UID", "EUID",
                                  "BASH", "OPTIND", "PPID", "MACHTYPE", "HOSTTYPE", "OSTYPE", "BASH_VERSINFO"};

bool set_option(ShellOptions& o, char c, bool on) {
  switch (c) {
    case 'e': o.errexit = on; return true;
    case 'u': o.nounset = on; return true;
    case 'x': o.xtrace = on; return true;
    case 'v': o.verbose = on; return true;
    case 'n': o.noexec = on; return true;
    case 'f': o.noglob = on; return true;
    case 'C': o.noclobber = on; return true;
    case 'a': o.allexport = on; return true;
    case 'B': o.braceexpand = on; return true;
    case 'h': o.hashall = on; return true;
    case 'E': o.errtrace = on; return true;
    case 'T': o.functrace = on; return true;
    case 'i': case 'l': case 'r': case 'p': case 'm': case 'b': case 'k': case 't': case 'H': case 'P':
      return true;
  }
  return false;
}

bool set_long_option(ShellOptions& o, const std::string& name, bool on) {
  if (name == "errexit") o.errexit = on;
  else if (name == "nounset") o.nounset = on;
  else if (name == "xtrace") o.xtrace = on;
  else if (name == "pipefail") o.pipefail = on;
  else if (name == "noglob") o.noglob = on;
  else if (name == "noclobber") o.noclobber = on;
  else if (name == "verbose") o.verbose = on;
  else if (name == "noexec") o.noexec = on;
  else if (name == "allexport") o.allexport = on;
  else if (name == "braceexpand") o.braceexpand = on;
  else if (name == "errtrace") o.errtrace = on;
  else if (name == "functrace") o.functrace = on;
  else if (name == "posix") o.posix = on;
  else if (name == "hashall" || name == "monitor" || name == "emacs" || name == "vi" ||
           name == "history" || name == "interactive-comments")
    ;
  else return false;
  return true;
}

// `bash -i`: the startup file, then the -c string or the commands read from
// stdin, with prompts, history and errors that do not end the shell.
int run_interactive_shell(Interp& sh, Invocation& inv, const InteractiveOptions& o, const std::string* command) {
  ShellState& st = sh.st;
  st.interactive = true;
  st.opts.expand_aliases = true;  // on in every interactive shell
  st.inert_set_options["histexpand"] = true;
  // As bash without a terminal says when it starts.
  sh.write_err(st.arg0 + ": cannot set terminal process group (-1): Inappropriate ioctl for device\n" + st.arg0 +
               ": no job control in this shell\n");
  if (!sh.get_var("PS1")) sh.set_var("PS1", "\\s-\\v\\$ ");
  if (!sh.get_var("PS2")) sh.set_var("PS2", "> ");
  sh.set_var("HISTFILE", sh.get_var("HISTFILE").value_or(sh.get_var("HOME").value_or("") + "/.bash_history"));
  int status = 0;
  bool go_on;
  go_on = interactive_startup(sh, o);
  if (go_on) {
    if (command) {
      st.interactive = true;
      status = sh.run_toplevel(*command, true);
      st.interactive = false;
      return status;
    }
    st.opts.history = true;
    interactive_history_init(sh);
    status = run_interactive(sh, o, inv.in());
    save_history_on_exit(sh);
  }
  status = st.last_status;
  // The EXIT trap runs as the shell ends, with $? its status.
  st.interactive = false;
  return sh.run_toplevel("builtin exit " + std::to_string(status), true);
}

// The usage bash prints for --help (after its version line) and, on
// standard error, after an invalid option.
std::string usage_text(const std::string& self) {
  return "Usage:\t" + self + " [GNU long option] [option] ...\n\t" + self +
         " [GNU long option] [option] script-file ...\n"
         "GNU long options:\n\t--debug\n\t--debugger\n\t--dump-po-strings\n\t--dump-strings\n\t--help\n"
         "\t--init-file\n\t--login\n\t--noediting\n\t--noprofile\n\t--norc\n\t--posix\n\t--pretty-print\n"
         "\t--rcfile\n\t--restricted\n\t--verbose\n\t--version\n"
         "Shell options:\n\t-ilrsD or -c command or -O shopt_option\t\t(invocation only)\n"
         "\t-abefhkmnptuvxBCEHPT or -o option\n";
}

int print_help(Invocation& inv, const std::string& self) {
  inv.out() << "GNU bash, version 5.2.15(1)-release-(x86_64-pc-linux-gnu)\n"
            << usage_text(self)
            << "Type `" << self << " -c \"help set\"' for more information about shell options.\n"
            << "Type `" << self << " -c help' for more information about shell builtin commands.\n"
            << "Use the `bashbug' command to report bugs.\n\n"
            << "bash home page: <http://www.gnu.org/software/bash>\n"
            << "General help using GNU software: <http://www.gnu.org/gethelp/>\n";
  return 0;
}

int run_bash(Invocation& inv) {
  Interp* parent = current_process();
  if (!parent) {
    inv.error("cannot run a nested shell here");
    return 126;
  }
  const std::string& self = inv.argv[0];
  ShellOptions opts;
  bool has_c = false, read_stdin = false, interactive = false, commands_from_stdin = false;
  InteractiveOptions iopts;
  size_t i = 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--" || a == "-") {
      ++i;
      break;
    }
    if (a.rfind("--", 0) == 0) {
      if (a == "--rcfile" || a == "--init-file") {
        if (i + 1 >= inv.argv.size()) {
          inv.err() << self << ": " << a.substr(2) << ": option requires an argument\n";
          return 2;
        }
        iopts.rcfile = inv.argv[++i];
        continue;
      }
      if (a == "--norc") iopts.norc = true;
      if (a == "--noediting") iopts.editing = false;
      if (a == "--norc" || a == "--noprofile" || a == "--login" || a == "--posix" || a == "--noediting" ||
          a == "--restricted" || a == "--verbose" || a == "--debug" || a == "--debugger") {
        if (a == "--verbose") opts.verbose = true;
        if (a == "--posix") opts.posix = true;
        continue;
      }
      if (a == "--help") return print_help(inv, self);
      if (a == "--version") {
        inv.out() << "GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)\n";
        return 0;
      }
      inv.err() << self << ": " << a << ": invalid option\n" << usage_text(self);
      return 2;
    }
    if (a.size() < 2 || (a[0] != '-' && a[0] != '+')) break;
    bool on = a[0] == '-';
    for (size_t k = 1; k < a.size(); ++k) {
      char c = a[k];
      if (c == 'c') has_c = true;
      else if (c == 'i') interactive = on;
      else if (c == 's') read_stdin = true;
      else if (c == 'o' || c == 'O') {
        if (i + 1 >= inv.argv.size()) {
          inv.err() << self << ": -" << c << ": option requires an argument\n";
          return 2;
        }
        std::string name = inv.argv[++i];
        if (c == 'o' && !set_long_option(opts, name, on)) {
          inv.err() << self << ": " << name << ": invalid option name\n";
          return 2;
        }
        if (c == 'O') {
          if (name == "extglob") opts.extglob = on;
          else if (name == "nullglob") opts.nullglob = on;
          else if (name == "dotglob") opts.dotglob = on;
          else if (name == "globstar") opts.globstar = on;
          else if (name == "nocasematch") opts.nocasematch = on;
          else if (name == "failglob") opts.failglob = on;
          else if (name == "extdebug") opts.extdebug = opts.functrace = opts.errtrace = on;
        }
      } else if (!set_option(opts, c, on)) {
        inv.err() << self << ": -" << c << ": invalid option\n" << usage_text(self);
        return 2;
      }
    }
  }
  if (parent->st.subst_depth >= static_cast<int>(parent->ctx->limits.max_substitution_depth)) {
    parent->ctx->hit_limit("nested shells too deep (max " + std::to_string(parent->ctx->limits.max_substitution_depth) + ")");
    return 1;
  }
  // The new shell's own token: `kill` of its pid ends it alone, while the
  // caller's cancellation (the session's, or `timeout`'s) still reaches it.
  // Declared before the child, which refers to it, so that it outlives it.
  CancelToken own_cancel(inv.cancel ? inv.cancel : &parent->ctx->cancel);
  auto child = parent->fork_child();
  child->process_cancel = &own_cancel;
  ShellState& st = child->st;
  st.subst_depth++;
  // A new shell inherits only the environment.
  VarMap vars;
  for (auto& [k, v] : st.globals) {
    bool keep = false;
    for (const char* s : kShellVars) keep = keep || k == s;
    if (keep) vars[k] = v;
  }
  if (inv.env) {
    for (auto& [k, v] : *inv.env) {
      // the shell's own readonly values win over the environment's
      if (k == "UID" || k == "EUID" || k == "PPID") continue;
      Var var;
      var.value = v;
      var.exported = true;
      vars[k] = var;
    }
  }
  // What bash sets for itself when the environment lacks it (not exported).
  if (!vars.count("PATH")) vars["PATH"].value = "/usr/local/bin:/usr/local/sbin:/usr/bin:/usr/sbin:/bin:/sbin:.";
  if (!vars.count("SHELL")) vars["SHELL"].value = "/bin/bash";  // the user's shell in /etc/passwd
  st.globals = std::move(vars);
  st.frames.clear();
  st.functions.clear();
  st.aliases.clear();
  st.hashed.clear();  // a new process remembers no commands
  st.subshell_level = 0;  // a new shell, not a subshell of its parent
  st.opts = opts;
  st.inert_shopts.clear();
  st.inert_set_options.clear();
  // An exported SHELLOPTS turns its options on in the new shell, as in bash.
  if (Var* shellopts = child->find_var("SHELLOPTS")) {
    std::string list = shellopts->value;
    for (size_t start = 0; start <= list.size();) {
      size_t colon = std::min(list.find(':', start), list.size());
      child->set_named_option(list.substr(start, colon - start), true);
      start = colon + 1;
    }
  }
  // An interactive shell shows `i` in $- and edits its lines emacs-style.
  st.opts.interactive = interactive;
  if (interactive) child->set_named_option("emacs", true);
  child->refresh_option_vars();
  st.function_depth = 0;
  st.loop_depth = 0;
  // A new shell starts a new call stack.
  st.call_stack.clear();
  st.script_source.clear();
  st.function_source = "environment";
  st.argv_stack.clear();
  st.argc_stack.clear();
  st.argv_initialized = false;
  st.ppid = st.pid;
  st.pid = st.bashpid;
  if (auto it = st.globals.find("PPID"); it != st.globals.end()) it->second.value = std::to_string(st.ppid);
  long long shlvl = std::atoll(child->get_var("SHLVL").value_or("0").c_str());
  child->set_var("SHLVL", std::to_string(shlvl + 1));
  if (Var* v = child->find_var("SHLVL")) v->exported = true;
  if (inv.fds) child->fds = *inv.fds;
  st.cwd = inv.cwd;
  child->set_var("PWD", inv.cwd);
  if (Var* v = child->find_var("PWD")) v->exported = true;
  child->errexit_suppressed_ = 0;
  child->traps_.clear();
  child->shown_traps_.reset();
  child->trap_depth_ = 0;
  child->in_debug_trap_ = child->in_err_trap_ = false;
  child->update_signal_masks();
  {
    std::string command_line;
    for (const std::string& a : inv.argv) command_line += (command_line.empty() ? "" : " ") + a;
    child->register_signal_target(command_line);
  }

  std::string script;
  if (has_c) {
    if (i >= inv.argv.size()) {
      inv.err() << self << ": -c: option requires an argument\n";
      return 2;
    }
    script = inv.argv[i++];
    st.arg0 = i < inv.argv.size() ? inv.argv[i++] : self;
    st.positional.assign(inv.argv.begin() + i, inv.argv.end());
    child->parse_error_name = st.arg0 + ": -c";
  } else if (!read_stdin && i < inv.argv.size()) {
    std::string path = inv.argv[i++];
    std::string full = vfs::normalize(path, inv.cwd);
    if (path.find('/') == std::string::npos) {
      vfs::Stat s;
      if (inv.fs->stat(full, s)) {
        // bash looks a script name up in PATH when it is not in the cwd.
        std::string pathvar = inv.getenv("PATH");
        size_t start = 0;
        while (start <= pathvar.size()) {
          size_t c = pathvar.find(':', start);
          if (c == std::string::npos) c = pathvar.size();
          std::string cand = vfs::join(vfs::normalize(pathvar.substr(start, c - start), inv.cwd), path);
          start = c + 1;
          if (!inv.fs->stat(cand, s) && S_ISREG(s.mode)) {
            full = cand;
            break;
          }
        }
      }
    }
    vfs::Stat s;
    if (!inv.fs->stat(full, s) && S_ISDIR(s.mode)) {
      inv.err() << self << ": " << path << ": Is a directory\n";
      return 126;
    }
    if (vfs::Error e = vfs::read_file(*inv.fs, full, script)) {
      inv.err() << self << ": " << path << ": " << vfs::error_text(e) << "\n";
      return e.value() == ENOENT ? 127 : 126;
    }
    st.arg0 = path;
    st.positional.assign(inv.argv.begin() + i, inv.argv.end());
    child->parse_error_name = path;
    st.script_source = path;
    st.function_source = path;
  } else {
    commands_from_stdin = true;
    st.function_source = "main";  // what bash names the file of functions read from stdin
    if (!interactive) inv.in().read_all(script);  // bash -i reads it a command at a time
    st.arg0 = self;
    st.positional.assign(inv.argv.begin() + i, inv.argv.end());
    child->parse_error_name = self;
  }
  inv.out().flush();
  st.command_number = has_c ? 0 : 1;  // \# counts the commands of a script or stdin
  if (st.opts.extdebug) {
    // bash -O extdebug starts the bash debugger, which is not there: it says
    // so and goes on without debugging mode (BASH_ARGV is filled all the same).
    child->init_bash_argv();
    inv.err() << st.arg0 << ": /usr/share/bashdb/bashdb-main.inc: No such file or directory\n"
              << st.arg0 << ": warning: cannot start debugger; debugging mode disabled\n";
    st.opts.extdebug = st.opts.functrace = st.opts.errtrace = false;
  }
  set_current_process(child.get());
  // A nested shell the foreground shell runs is now the one Ctrl-C reaches.
  ShellContext& ctx = *parent->ctx;
  bool took_foreground = false;
  {
    std::lock_guard<std::mutex> lock(ctx.targets_mutex);
    if (ctx.foreground_shell == parent) {
      ctx.foreground_shell = child.get();
      took_foreground = true;
    }
  }
  struct GiveBackForeground {
    ShellContext& ctx;
    Interp* parent;
    bool active;
    ~GiveBackForeground() {
      if (!active) return;
      std::lock_guard<std::mutex> lock(ctx.targets_mutex);
      ctx.foreground_shell = parent;
    }
  } give_back{ctx, parent, took_foreground};
  int status;
  if (interactive) {
    status = run_interactive_shell(*child, inv, iopts, commands_from_stdin ? nullptr : &script);
  } else {
    status = child->run_toplevel(script, true);
  }
  set_current_process(parent);
  // A shell that `kill` ended (not its caller's cancellation): bash reports a
  // foreground child killed by SIGTERM with this line, unless `exec` put the
  // child in its own place (as `burrow -c` does), leaving no parent to report.
  // When the child exec'd another shell, that shell's signal is the child's.
  int ended_by = own_cancel.own_signal() ? own_cancel.own_signal() : child->exec_ended_by_signal;
  if (ended_by && status == 128 + ended_by) {
    if (parent->replaced_by_exec) {
      parent->exec_ended_by_signal = ended_by;
    } else if (ended_by == 15) {
      inv.err() << "Terminated\n";
    } else if (signal_death_is_reported(ended_by)) {
      parent->error(signal_death_report(child->st.pid, ended_by, parent->bash_command()));
    }
  }
  return status;
}

}  // namespace

BURROW_COMMAND(bash, "GNU Bourne-Again SHell (Burrow's interpreter)", run_bash);
BURROW_COMMAND(sh, "command interpreter (Burrow's bash in sh mode)", run_bash);

}  // namespace burrow::shell
