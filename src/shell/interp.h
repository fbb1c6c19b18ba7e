// The bash interpreter: walks the AST (ast.h) against a virtual filesystem.
//
// An Interp is one sandbox "process": its own shell state (variables,
// functions, options, cwd) and file-descriptor table. Subshells, pipeline
// stages, command substitutions and background jobs are new Interps made from
// a copy of their parent's state; pipeline stages and jobs run on threads.
// Everything a session's processes share (filesystem, limits, cancellation,
// counters) lives in ShellContext.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "burrow/limits.h"
#include "commands/command.h"
#include "process/cancel.h"
#include "process/fd_table.h"
#include "shell/assoc.h"
#include "shell/ast.h"
#include "shell/history.h"
#include "vfs/filesystem.h"

namespace burrow::shell {

struct CpuSeconds;

// Shared by every process of a session.
struct ShellContext {
  vfs::FilesystemPtr fs;
  CancelToken cancel;
  Limits limits;
  std::atomic<uint64_t> commands_run{0};
  std::atomic<uint64_t> loop_iterations{0};
  std::atomic<int> processes{0};
  std::atomic<int> next_pid{1000};
  // Set once a limit was hit: its message was printed, the script is ending.
  std::atomic<bool> limit_hit{false};
  std::mutex limit_mutex;
  std::string limit_message;

  // Reports a limit (once) and cancels every process of the session.
  void hit_limit(const std::string& what);

  // Processes `kill` reaches by pid: the session's shells and background jobs.
  struct SignalTarget {
    CancelToken* token = nullptr;   // cancelled by a signal's default action
    class Interp* shell = nullptr;  // set for shells, whose traps may catch it
    int ppid = 0;
    std::string command;  // what `ps` shows
  };
  std::mutex targets_mutex;
  std::map<int, SignalTarget> signal_targets;
  // Delivers signal `number` to `pid` (0 only probes); false when no such
  // process. A trapped signal waits for its shell to run the trap; an ignored
  // one is dropped; otherwise the process ends with status 128 + number.
  bool send_signal(int pid, int number);
  // Every pid `kill 0` reaches, in ascending order.
  std::vector<int> signal_pids();

  // The shell a terminal's Ctrl-C reaches (the session's shell, or the
  // nested `bash` it is running in the foreground), and the command that shell
  // is running now; both guarded by targets_mutex.
  class Interp* foreground_shell = nullptr;
  CancelToken* foreground_command = nullptr;
  // A signal from the terminal or the embedding program (Sandbox::cancel).
  // When the foreground shell traps it, its running command is interrupted
  // and the trap runs, as a terminal's Ctrl-C does under bash; when it ignores
  // it, nothing happens. Otherwise the whole session is cancelled.
  void interrupt(int number);
};

struct Var {
  std::string value;
  bool set = true;  // false: declared (`local x`, `declare x`) but unset
  bool exported = false;
  bool readonly = false;
  bool integer = false;
  bool nameref = false;  // declare -n: `value` names the variable that reads and writes go to
  bool is_array = false;
  std::map<long long, std::string> array;  // indexed arrays
  bool assoc = false;                      // declare -A: `amap` holds the elements
  AssocMap amap;
};

using VarMap = std::map<std::string, Var, std::less<>>;

// One element of an array literal `(v [k]=v [k]+=v)` after its shell
// expansions: bash expands every element before it assigns any.
struct ArrayLiteralItem {
  bool keyed = false;
  bool append = false;  // [k]+=v
  std::string key;      // indexed arrays: an arithmetic expression
  std::string value;
  std::string raw;      // the element as bash shows it in messages
};

struct ShellOptions {
  bool errexit = false, nounset = false, xtrace = false, pipefail = false;
  bool noglob = false, noclobber = false, noexec = false, verbose = false;
  bool allexport = false, hashall = true, braceexpand = true;
  bool interactive = false;  // bash -i
  // shopt
  bool nullglob = false, failglob = false, dotglob = false, extglob = false;
  bool nocaseglob = false, nocasematch = false, globstar = false, expand_aliases = false;
  // extglob is off in non-interactive bash; the parser follows it per command.
  bool lastpipe = false;
  bool inherit_errexit = false;  // command substitutions keep set -e
  // set -E / set -T: functions, command substitutions and subshells inherit
  // the ERR trap / the DEBUG and RETURN traps. shopt extdebug turns both on
  // and lets a DEBUG trap skip a command (status 1) or return (status 2).
  bool errtrace = false, functrace = false, extdebug = false;
  // set -o history: interactive command lines are recorded.
  bool history = false;
  // set -o posix: special builtins are found before functions, keep their
  // prefix assignments, and cannot be redefined as functions.
  bool posix = false;
};

// A background job (`cmd &`): its thread, its own cancellation (what `kill`
// signals) and what `jobs` shows of it.
struct Job {
  int pid = 0;
  int number = 0;       // %N; 0 once it has left the job table
  std::string command;  // as `jobs` prints it
  bool disowned = false;
  std::thread thread;
  std::shared_ptr<CancelToken> cancel;
  std::shared_ptr<std::atomic<int>> status;  // -1 while running
  std::shared_ptr<std::atomic<int>> signal;  // the signal that ended it, or 0
  std::shared_ptr<std::atomic<bool>> done;
  bool death_reported = false;  // "Killed ..." was printed already
};

// One frame of the call stack bash shows in FUNCNAME, BASH_SOURCE and
// BASH_LINENO (innermost first): a function call or a sourced file.
struct CallFrame {
  std::string name;          // the function, or "source"
  std::string source;        // the file the function was defined in, or the file sourced
  int line = 0;              // the line it was called from
  bool pushed_args = false;  // it pushed its arguments onto BASH_ARGV (extdebug)
};

// The copyable part of a process.
struct ShellState {
  VarMap globals;
  std::vector<VarMap> frames;  // function-local scopes, innermost last
  std::map<std::string, std::shared_ptr<const FunctionDef>, std::less<>> functions;
  std::map<std::string, std::string, std::less<>> aliases;
  std::vector<std::string> positional;
  std::string arg0 = "bash";
  ShellOptions opts;
  int last_status = 0;
  std::vector<int> pipestatus{0};
  std::string cwd = "/";
  int lineno = 0;
  int pid = 0;        // $$ (the session shell's pid, kept by subshells)
  int bashpid = 0;    // BASHPID
  int ppid = 0;
  int last_bg_pid = 0;
  int subshell_level = 0;
  int function_depth = 0;
  int loop_depth = 0;
  int subst_depth = 0;
  int comsub_level = 0;  // $(...) nesting: set -x repeats PS4's first character
  uint32_t umask = 022;
  std::map<char, std::pair<uint64_t, uint64_t>> ulimits;  // ulimit: changed (soft, hard) by letter
  std::string last_arg;  // $_
  std::vector<std::string> dir_stack;
  std::map<int, int> waited_statuses;  // pid -> status of jobs `wait` has reaped
  // The `hash` table: where a PATH search found each command (hash.cpp).
  struct Hashed {
    std::string path;  // as found: relative when the PATH entry is
    int hits = 0;
    uint64_t seq = 0;  // insertion order, for bash's listing order
  };
  std::map<std::string, Hashed, std::less<>> hashed;
  std::string hashed_under_path;  // the PATH the table was filled under
  uint64_t hash_seq = 0;
  std::shared_ptr<std::mt19937> random;  // RANDOM
  std::chrono::steady_clock::time_point start_time = std::chrono::steady_clock::now();
  int64_t seconds_base = 0;
  int getopts_char_index = 0;  // position inside a bundled option group
  std::set<std::string, std::less<>> disabled_builtins;  // enable -n
  // shopt options that are accepted but change nothing here (checkwinsize,
  // sourcepath, ...): their current values, per shell.
  std::map<std::string, bool, std::less<>> inert_shopts;
  std::map<std::string, bool, std::less<>> inert_set_options;  // likewise for set -o (emacs, vi, posix, ...)
  std::map<std::string, std::string> completions;        // complete: name -> `complete -p` line
  std::set<std::string, std::less<>> traced_functions;   // declare -ft: they inherit DEBUG and RETURN
  History history;           // the history list (history.h)
  bool interactive = false;  // bash -i: errors name no line, `exit` says so
  // The call stack (innermost last). A script adds a bottom frame "main"
  // named by script_source; -c strings and stdin have none, and the
  // functions they define report function_source as their file.
  std::vector<CallFrame> call_stack;
  std::string script_source;
  std::string function_source = "environment";
  // BASH_ARGV / BASH_ARGC, top of the stack last. Bash fills the bottom
  // frame with the positional parameters the first time it needs them.
  std::vector<std::string> argv_stack;
  std::vector<int> argc_stack;
  bool argv_initialized = false;
  // \# in prompts: the number of the top-level command a script or an
  // interactive shell is running; a -c string counts nothing (0).
  int command_number = 0;
};

// Non-local control flow, thrown through the tree walk.
struct ExitSignal { int status; };
struct ReturnSignal { int status; };
struct LoopSignal { bool is_break; int levels; int status = 0; };  // status: the loop's, once ended
// A fatal error in a non-interactive shell (set -u, ${x?}, ...): the process ends.
struct FatalSignal {
  int status;
  // ${x?} and set -u: the top-level shell exits 127, a subshell exits 1.
  bool from_expansion = false;
};
// bash's "discard": an error such as a bad substitution, a $(( )) error or an
// assignment to a readonly variable abandons the top-level command being run
// (the rest of its line); the shell goes on with the next one, $? = 1. A
// subshell, which has no next command, exits with status 1: that is what
// deriving from FatalSignal gives every place that ends a child process.
// Under set -e the shell exits instead, except after an arithmetic error.
struct DiscardSignal : FatalSignal {
  explicit DiscardSignal(bool arith = false) : FatalSignal{1}, from_arith(arith) {}
  bool from_arith;
};
// An arithmetic error; `message` is what follows "bash: line N: ".
struct ArithError {
  std::string message;
  bool unprefixed = false;  // bash names no command ("((: ", "let: ") before it
  // The message as the command `who` reports it.
  std::string from(std::string_view who) const { return unprefixed ? message : std::string(who) + ": " + message; }
};

// Shell pattern matching (case, [[ ==, ${x#p}); quoted characters in `pattern`
// are backslash-escaped.
// `extmatch`: extglob groups @( *( +( ?( !( are operators (always in [[ ]];
// elsewhere when shopt extglob is on).
bool pattern_match(const std::string& pattern, const std::string& text, bool nocase = false, bool extmatch = true);
// True if the string has unescaped glob characters.
bool has_glob_chars(std::string_view pattern);
// True if the pattern has an unescaped extglob group: @( *( +( ?( !(
bool has_extglob(std::string_view pattern);
// Removes the backslash escapes of a pattern.
std::string unescape_pattern(std::string_view pattern);

class Interp;
using BuiltinFn = int (*)(Interp&, Invocation&);

struct BuiltinInfo {
  std::string_view name;
  BuiltinFn fn;
  bool special = false;  // POSIX special builtin
};

// The builtin table, filled by registrars in builtins/*.cpp.
const BuiltinInfo* find_builtin(std::string_view name);
std::vector<std::string_view> builtin_names();
struct BuiltinRegistrar {
  BuiltinRegistrar(std::string_view name, BuiltinFn fn, bool special = false);
};
#define BURROW_BUILTIN(ident, name, fn, special) \
  static ::burrow::shell::BuiltinRegistrar burrow_builtin_##ident(name, fn, special)

// One expanded field, with a glob pattern where quoted characters are escaped.
struct Field {
  std::string text;
  std::string pattern;
  bool glob = false;  // unquoted glob characters present
};

class Interp : public ProcessHost {
 public:
  Interp(std::shared_ptr<ShellContext> ctx, ShellState state, FdTable fds);
  ~Interp() override;

  // A child process: a copy of this one's state and fds.
  std::unique_ptr<Interp> fork_child();

  // Parses and runs source one top-level command at a time. Syntax errors
  // are reported as bash does; the returned status is the script's.
  int run_source(std::string_view source, int first_line = 1, bool parse_error_fatal = true);
  // Runs source as a top-level script: catches exit and fatal errors.
  int run_toplevel(std::string_view source, bool run_exit_trap = false);

  int execute_list(const List& list);
  int execute_and_or(const AndOr& ao);
  int execute_pipeline(const Pipeline& p);
  void report_time(bool posix, double real_seconds, const CpuSeconds& cpu_at_start);
  int execute_command(const Command& c);
  bool run_loop_body(const List& body, int& status);

  // ProcessHost
  int run_argv(const std::vector<std::string>& argv, Invocation& io) override;
  int run_script(std::string_view script, Invocation& io) override;
  std::vector<ProcessInfo> processes() override;
  int new_pid() override { return ctx->next_pid.fetch_add(1); }
  int shell_pid() override { return st.bashpid; }

  // The builtin `name` unless `enable -n` turned it off.
  const BuiltinInfo* enabled_builtin(std::string_view name) const {
    return st.disabled_builtins.count(name) ? nullptr : find_builtin(name);
  }
  // Runs argv as a function, builtin or command in this process.
  int run_simple_argv(std::vector<std::string> argv, const Environment* extra_env = nullptr);
  int call_function(const FunctionDef& f, std::vector<std::string> argv);

  // --- variables
  Var* find_var(std::string_view name);
  Var* find_var_noref(std::string_view name);  // the variable itself, even when it is a nameref
  std::string resolve_nameref(std::string_view name);  // follows declare -n chains; "" for a loop
  bool circular_nameref(std::string_view name);        // a loop: warns as bash does
  std::optional<std::string> get_var(std::string_view name);
  // Sets a scalar (honours readonly / integer); false when readonly.
  bool set_var(std::string_view name, std::string value, bool append = false);
  bool set_element(const std::string& name, const std::string& key, std::string value, bool append);
  bool unset_var(std::string_view name);
  // Stores an expanded array literal into `v` (name `name`), as `name=(...)`
  // or, with `append`, `name+=(...)` does.
  void assign_array_literal(std::string_view name, Var& v, const std::vector<ArrayLiteralItem>& items, bool append);
  Var& declare_local(std::string_view name);
  // The innermost function's variables, or null outside functions; the
  // frames holding a builtin's prefix assignments (`E=x declare v`) are skipped.
  VarMap* function_scope();
  std::vector<size_t> temp_env_frames_;  // indices into st.frames
  Environment build_env();
  // SHELLOPTS and BASHOPTS: readonly colon lists of the options that are on.
  void refresh_option_vars();
  // `set -o NAME` / `set +o NAME`; false for a name bash does not know.
  bool set_named_option(std::string_view name, bool on);
  // A `set -o` option's state: 1 on, 0 off, -1 no such option.
  int named_option(std::string_view name);
  // Special parameters and dynamic variables ($?, $#, RANDOM, ...).
  std::optional<std::string> special_param(std::string_view name);

  // --- expansion (expand.cpp)
  std::vector<std::string> expand_words(const std::vector<Word>& words);
  // One word's brace expansion, splitting and globbing, appended to `out`
  // (a command's argument, or an element of an array literal).
  void expand_word_into(const Word& w, std::vector<std::string>& out);
  std::vector<Field> expand_word_fields(const Word& w, bool split = true);
  std::string expand_word_string(const Word& w);  // no splitting, no glob
  std::string expand_pattern(const Word& w);     // quoted parts escaped
  std::string expand_regex(const Word& w);       // quoted parts escaped for =~
  std::string expand_heredoc(const Word& body);
  // PS1/PS2/PS4/${x@P}: backslash escapes decoded, then expanded as in "..."
  // (prompt.cpp). The kind matters to \! only: PS1 shows the number the
  // next command gets, the others the number of the one running.
  enum class PromptKind { PS1, Other };
  std::string expand_prompt(std::string_view p, PromptKind kind = PromptKind::Other);
  std::string decode_prompt(std::string_view p, PromptKind kind = PromptKind::Other);
  std::optional<std::string> prompt_escape_value(char c, PromptKind kind);
  std::string command_substitution(const List& body);
  // `...` whose body does not parse: bash reports the syntax error when it
  // expands it ("command substitution: line N: ..."), status 2, no output.
  std::string failed_backquote(const std::string& body);
  std::string process_substitution(const List& body, bool output);
  std::vector<Word> brace_expand_word(const Word& w);
  // False for the common word without an unquoted "{": no copy is needed.
  bool may_brace_expand(const Word& w) const;
  long long arith_eval(std::string_view expr);
  std::vector<std::string> glob(const std::string& pattern);

  // --- diagnostics
  std::string error_prefix() const;  // "bash: line 3: "
  void error(std::string_view message);
  void write_err(std::string_view text);
  void check_cancel();

  // --- redirections: applied to fds, undone by restore_redirs
  struct SavedFd {
    int fd;
    vfs::FilePtr file;
    // M of `N>&M-` when N was closed: bash forgets to reopen it after a
    // command that runs in the shell itself (a builtin, function, group).
    bool lost_in_shell = false;
  };
  bool apply_redirects(const std::vector<Redirect>& redirs, std::vector<SavedFd>* saved);
  // `in_shell`: the command ran in this shell, not in a child of its own.
  void restore_redirects(std::vector<SavedFd>& saved, bool in_shell = false);
  vfs::Error open_file(const std::string& path, int flags, vfs::FilePtr& out);
  std::string abspath(std::string_view p) const { return vfs::normalize(p, st.cwd); }
  // bash's PATH search (hash.cpp): the first executable regular file, else
  // the first non-executable one, which then fails as "Permission denied".
  struct PathSearch {
    std::string path;  // dir/name as the PATH entry spells it; "" if none
    bool executable = false;
  };
  PathSearch search_path(const std::string& name, const std::string& path_var) const;
  // The hash table's entry for `name`, checked as bash's phash_search does
  // (a relative entry is tried as ./entry); counts a hit. "" if none.
  std::string hashed_command(const std::string& name);
  void remember_command(const std::string& name, const std::string& path, int hits);
  // Assigning PATH empties the table: called before each use of it.
  void sync_hash_with_path();

  std::shared_ptr<ShellContext> ctx;
  // A token of this process alone (a command run by `timeout`), polled with
  // the session's; its owner forwards the session's cancellation into it.
  CancelToken* process_cancel = nullptr;
  CancelToken* cancel_token() { return process_cancel ? process_cancel : &ctx->cancel; }
  ShellState st;
  FdTable fds;
  std::vector<std::shared_ptr<Job>> jobs;
  // A subshell lists (and signals) its parent's jobs until it starts its own,
  // as bash's subshells do; it never waits for them.
  std::vector<std::shared_ptr<Job>> inherited_jobs;
  const std::vector<std::shared_ptr<Job>>& job_table() const { return jobs.empty() ? inherited_jobs : jobs; }
  bool is_main = true;  // the session's shell (not a subshell)
  // Runs `body` in `child` on a thread of its own as background job `shown`
  // (as `jobs` prints it, without " &"); sets $!.
  std::shared_ptr<Job> start_job(std::shared_ptr<Interp> child, std::string shown,
                                 std::function<int(Interp&)> body);

  // The coprocess (interp_coproc.cpp). bash tracks one at a time: NAME and
  // NAME_PID are unset and its descriptors closed once it has ended and the
  // shell reaps it (`wait`, or when the next coproc starts).
  struct Coproc {
    std::string name;
    int pid = 0;
    int read_fd = -1, write_fd = -1;
    // Which open files they are (only compared: holding them would keep the
    // pipe open after `exec {NAME[1]}>&-`).
    const vfs::File* read_end = nullptr;
    const vfs::File* write_end = nullptr;
    std::shared_ptr<Job> job;
  };
  std::optional<Coproc> coproc_;
  void reap_coproc();
  // Tells of jobs a signal ended, as bash does when it next reaps children
  // (after a command that is not a builtin finishes, or at `wait`).
  void report_signal_deaths();

 private:
  int execute_simple(const SimpleCommand& c);
  int execute_compound(const Command& c);
  int execute_if(const IfCommand& c);
  int execute_while(const WhileCommand& c);
  int execute_for(const ForCommand& c);
  int execute_select(const ForCommand& c);
  int execute_arith_for(const ArithForCommand& c);
  int execute_case(const CaseCommand& c);
  int execute_subshell(const List& body);
  int execute_cond(const CondExpr& e);
  std::string trace_cond(const CondExpr& e);
  int run_background(const AndOr& ao);
  void run_last_stage_in_shell(const Command& c, std::unique_ptr<Interp> stage, int& status,
                               std::vector<std::thread>& writers);
  int execute_coproc(const CoprocCommand& c);
  // use_hash: consult and fill the hash table (not for a #! interpreter).
  int run_external(std::vector<std::string>& argv, const Environment* extra_env, bool use_hash = true);
  // A command of the registry (what /bin/NAME stands for), without a PATH search.
  int run_registered(const CommandInfo& reg, std::vector<std::string>& argv, const Environment* extra_env);
  int run_file(const std::string& path, std::vector<std::string>& argv, const Environment* extra_env);
  int run_builtin(const BuiltinInfo& b, std::vector<std::string>& argv);
  void assign(const Assignment& a, bool local = false);
  void xtrace(const std::vector<std::string>& words, const std::vector<std::string>& assigns);
  std::string xtrace_prefix();
  void count_loop();
  bool errexit_active() const { return st.opts.errexit && errexit_suppressed_ == 0; }
  void maybe_errexit(int status);

 public:
  int errexit_suppressed_ = 0;
  bool status_from_compound_body_ = false;  // the last command run was `{ }`, if, a loop or case
  bool keep_redirects_ = false;  // `exec` without a command: redirections stay
  std::string exec_argv0_;       // `exec -a NAME`: the argv[0] the next command is given
  std::string parse_error_name;  // name for syntax errors ("bash: -c"); default $0
  // FUNCNAME, BASH_SOURCE or BASH_LINENO as bash keeps them, whether or not
  // they are shown (innermost first, then "main" / the script / 0 for a script).
  std::vector<std::string> call_stack_column(std::string_view name) const;
  // The file a function defined now belongs to.
  std::string current_source_file() const;
  // Frames for a function call or a `source`; `args` go onto BASH_ARGV under extdebug.
  void push_call_frame(std::string name, std::string source, const std::vector<std::string>& args);
  void pop_call_frame();
  // BASH_ARGV's bottom frame: the positional parameters, once.
  void init_bash_argv();
  // Refreshes a global FUNCNAME, BASH_SOURCE, BASH_LINENO, BASH_ARGV or
  // BASH_ARGC from the stacks; false for other names.
  bool refresh_call_stack_var(std::string_view name);
  bool replaced_by_exec = false;          // `exec COMMAND` is running in this shell's place
  int exec_ended_by_signal = 0;           // ... and the signal that ended the shell it exec'd
  std::vector<int> procsubst_fds_;
  int source_depth_ = 0;
  bool toplevel_reader_ = false;  // the next run_source reads the shell's own input
  int last_optind_ = 0;
  bool exit_called = false;  // the script ran `exit`
  bool in_err_trap_ = false;
  std::map<std::string, std::string> traps_;  // closed when the command that made them ends

  // Signals (signals.h). Other threads read the dispositions when they send
  // this shell a signal, so they are kept as bit masks beside traps_.
  std::atomic<uint64_t> trapped_signals{0}, ignored_signals{0}, pending_signals{0};
  // Makes this shell reachable by `kill` (and listed by `ps`) under its $$
  // until it is destroyed.
  void register_signal_target(std::string command = "bash");
  // Runs the traps of signals that arrived; called between commands.
  void run_pending_traps();
  // Runs the ERR trap for a command that returned `status` (not from within itself).
  void run_err_trap(int status);
  // Recomputes trapped_signals / ignored_signals (and the DEBUG / ERR /
  // RETURN flags below) after traps_ changed.
  void update_signal_masks();
  int registered_pid_ = 0;

  // The pseudo-signal traps (interp_traps.cpp). The flags say whether
  // traps_ holds a non-empty DEBUG / RETURN action, so that the hot path of
  // every command only tests a bool.
  bool debug_trap_set_ = false, return_trap_set_ = false;
  bool in_debug_trap_ = false;
  // The parent already ran the DEBUG trap for this process's first simple
  // command (a pipeline stage or `cmd &`), as bash does before it forks.
  bool debug_trap_ran_ = false;
  // Runs the DEBUG trap before a command whose $BASH_COMMAND is set. False
  // when, under extdebug, the trap says to skip the command.
  bool run_debug_trap();
  // The DEBUG trap for a command known by its text (for, case, select, the
  // parts of an arithmetic for), which becomes $BASH_COMMAND.
  bool run_debug_trap_for(std::string text);
  // Runs the RETURN trap when a function or sourced file returns.
  void run_return_trap();
  // A function (or sourced file) does not see DEBUG and RETURN unless it is
  // traced (set -T, declare -t), nor ERR without set -E; they come back when
  // it returns unless it set its own. `hidden` holds what was taken away.
  struct HiddenTraps {
    std::optional<std::string> debug, err, ret;
  };
  HiddenTraps hide_traps(bool traced, bool sourced);
  void restore_traps(HiddenTraps& hidden);
  // Gives a new child process (subshell, command substitution, pipeline
  // stage, job) the traps it keeps: ignored signals, and DEBUG / RETURN / ERR
  // under set -T / set -E. `trap` with no arguments there still lists the
  // parent's traps until the child sets one, as bash does.
  void inherit_traps(Interp& child) const;
  std::optional<std::map<std::string, std::string>> shown_traps_;
  const std::map<std::string, std::string>& listed_traps() const { return shown_traps_ ? *shown_traps_ : traps_; }

  // $BASH_COMMAND: the simple command, [[ ]] or (( )) running now, or, while
  // a trap runs, the one that was running when it fired. The node is kept,
  // not its text, so that only reading the variable pays for printing it;
  // run_source turns it into text before the tree it points into goes away.
  const Command* current_command_ = nullptr;
  std::string last_command_text_;
  int trap_depth_ = 0;
  std::string bash_command() const;
  void note_command(const Command& c) {
    if (trap_depth_ == 0) current_command_ = &c;
  }
  std::string last_subst_status_marker_;
  int subst_status_ = -1;  // status of the last command substitution in a command
};

// The process running on this thread (for /dev/fd/N and builtins).
Interp* current_process();
void set_current_process(Interp* p);

// Registers `bash` and `sh` as commands: nested interpreters.
void register_shell_commands();

// The bash-quoted form of a word, as `printf %q` / `set -x` / `declare -p` show it.
std::string quote_for_shell(std::string_view s, bool for_xtrace = false);
// True when `s` has control characters or invalid UTF-8, which bash shows
// in $'...' form (printf %q, declare -p).
bool needs_ansi_c_quotes(std::string_view s);

}  // namespace burrow::shell
