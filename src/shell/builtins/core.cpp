// Control and execution builtins: : true false exit return break continue
// shift eval source . exec command builtin type wait umask let alias unalias
// hash help times trap.
#include <algorithm>

#include "shell/builtins/help_topics.h"
#include "shell/builtins/util.h"
#include "shell/parser.h"
#include "shell/printer.h"
#include "shell/time_report.h"

namespace burrow::shell {
namespace {


int b_true(Interp&, Invocation&) { return 0; }
int b_false(Interp&, Invocation&) { return 1; }

int b_exit(Interp& sh, Invocation& inv) {
  int status = sh.st.last_status;
  if (inv.argv.size() > 1) {
    long long v;
    if (!parse_long(inv.argv[1], v)) {
      berror(sh, inv, "exit: " + inv.argv[1] + ": numeric argument required");
      status = 2;
    } else if (inv.argv.size() > 2) {
      berror(sh, inv, "exit: too many arguments");
      status = 1;
    } else {
      status = static_cast<int>(v & 255);
    }
  }
  inv.finish(0);
  if (sh.st.interactive && sh.st.subshell_level == 0) inv.err() << "exit\n";
  throw ExitSignal{status};
}

int b_return(Interp& sh, Invocation& inv) {
  int status = sh.st.last_status;
  if (inv.argv.size() > 1) {
    long long v;
    if (!parse_long(inv.argv[1], v)) {
      berror(sh, inv, "return: " + inv.argv[1] + ": numeric argument required");
      status = 2;
    } else {
      status = static_cast<int>(v & 255);
    }
  }
  if (sh.st.function_depth == 0 && sh.source_depth_ == 0) {
    berror(sh, inv, "return: can only `return' from a function or sourced script");
    return 2;
  }
  inv.finish(0);
  throw ReturnSignal{status};
}

int loop_control(Interp& sh, Invocation& inv, bool is_break) {
  long long n = 1;
  if (sh.st.loop_depth == 0) {
    berror(sh, inv, inv.argv[0] + ": only meaningful in a `for', `while', or `until' loop");
    return 0;
  }
  // bash ends a non-interactive shell on these misuses inside a loop.
  if (inv.argv.size() > 2) {
    berror(sh, inv, inv.argv[0] + ": too many arguments");
    inv.finish(1);
    throw FatalSignal{1};
  }
  if (inv.argv.size() > 1) {
    if (!parse_long(inv.argv[1], n)) {
      berror(sh, inv, inv.argv[0] + ": " + inv.argv[1] + ": numeric argument required");
      inv.finish(128);
      throw FatalSignal{128};
    }
    if (n < 1) {
      // bash then leaves every enclosing loop, with status 1.
      berror(sh, inv, inv.argv[0] + ": " + inv.argv[1] + ": loop count out of range");
      inv.finish(1);
      throw LoopSignal{true, sh.st.loop_depth, 1};
    }
  }
  if (sh.st.loop_depth == 0) {
    berror(sh, inv, inv.argv[0] + ": only meaningful in a `for', `while', or `until' loop");
    return 0;
  }
  if (n > sh.st.loop_depth) n = sh.st.loop_depth;
  inv.finish(0);
  throw LoopSignal{is_break, static_cast<int>(n)};
}
int b_break(Interp& sh, Invocation& inv) { return loop_control(sh, inv, true); }
int b_continue(Interp& sh, Invocation& inv) { return loop_control(sh, inv, false); }

int b_shift(Interp& sh, Invocation& inv) {
  if (inv.argv.size() > 2) {
    // bash ends the shell here, unlike for a bad count.
    berror(sh, inv, "shift: too many arguments");
    inv.finish(1);
    throw FatalSignal{1};
  }
  long long n = 1;
  if (inv.argv.size() > 1 && !parse_long(inv.argv[1], n)) {
    berror(sh, inv, "shift: " + inv.argv[1] + ": numeric argument required");
    return 1;
  }
  if (n < 0) {
    berror(sh, inv, "shift: " + inv.argv[1] + ": shift count out of range");
    return 1;
  }
  if (static_cast<size_t>(n) > sh.st.positional.size()) return 1;
  sh.st.positional.erase(sh.st.positional.begin(), sh.st.positional.begin() + n);
  return 0;
}

int b_eval(Interp& sh, Invocation& inv) {
  std::string src;
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    if (i > 1) src += ' ';
    src += inv.argv[i];
  }
  inv.finish(0);
  if (src.empty()) return 0;
  if (sh.st.subst_depth >= static_cast<int>(sh.ctx->limits.max_substitution_depth)) {
    sh.ctx->hit_limit("eval nesting too deep (max " + std::to_string(sh.ctx->limits.max_substitution_depth) + ")");
    sh.check_cancel();
  }
  std::string saved = sh.parse_error_name;
  sh.parse_error_name = sh.st.arg0 + ": eval";
  ++sh.st.subst_depth;
  int status;
  try {
    status = sh.run_source(src, sh.st.lineno, false);
  } catch (...) {
    --sh.st.subst_depth;
    sh.parse_error_name = saved;
    throw;
  }
  --sh.st.subst_depth;
  sh.parse_error_name = saved;
  return status;
}

int b_source(Interp& sh, Invocation& inv) {
  if (inv.argv.size() < 2) {
    berror(sh, inv, inv.argv[0] + ": filename argument required");
    inv.err() << inv.argv[0] << ": usage: " << inv.argv[0] << " filename [arguments]\n";
    return 2;
  }
  std::string name = inv.argv[1];
  std::string path;
  if (name.find('/') == std::string::npos) {
    std::string pathvar = sh.get_var("PATH").value_or("");
    size_t start = 0;
    while (start <= pathvar.size()) {
      size_t c = pathvar.find(':', start);
      if (c == std::string::npos) c = pathvar.size();
      std::string dir = pathvar.substr(start, c - start);
      start = c + 1;
      std::string full = vfs::join(sh.abspath(dir.empty() ? "." : dir), name);
      vfs::Stat s;
      if (!sh.ctx->fs->stat(full, s) && S_ISREG(s.mode)) {
        path = full;
        break;
      }
    }
  }
  if (path.empty()) path = sh.abspath(name);
  std::string text;
  if (vfs::Error e = vfs::read_file(*sh.ctx->fs, path, text)) {
    berror(sh, inv, name + ": " + vfs::error_text(e));
    return 1;
  }
  inv.finish(0);
  std::vector<std::string> saved_pos;
  bool set_pos = inv.argv.size() > 2;
  if (set_pos) {
    saved_pos = sh.st.positional;
    sh.st.positional.assign(inv.argv.begin() + 2, inv.argv.end());
  }
  if (sh.st.subst_depth >= static_cast<int>(sh.ctx->limits.max_substitution_depth)) {
    sh.ctx->hit_limit("source nesting too deep (max " + std::to_string(sh.ctx->limits.max_substitution_depth) + ")");
    sh.check_cancel();
  }
  std::string saved_name = sh.parse_error_name;
  sh.parse_error_name = name;
  // A frame "source" (FUNCNAME, BASH_SOURCE, caller); under extdebug its
  // arguments, or else the file name, go onto BASH_ARGV.
  sh.push_call_frame("source", name, set_pos ? sh.st.positional : std::vector<std::string>{name});
  struct PopFrame {
    Interp& sh;
    size_t depth;
    ~PopFrame() {
      if (sh.st.call_stack.size() == depth) sh.pop_call_frame();
    }
  } pop_frame{sh, sh.st.call_stack.size()};
  ++sh.source_depth_;
  ++sh.st.subst_depth;
  // Without set -T the file's commands do not run the DEBUG trap.
  Interp::HiddenTraps hidden;
  if (!sh.traps_.empty()) hidden = sh.hide_traps(false, true);
  // The RETURN trap sees the `source` command as $BASH_COMMAND.
  const Command* source_command = sh.current_command_;
  std::string source_command_text = sh.last_command_text_;
  int status;
  try {
    status = sh.run_source(text, 1, false);
  } catch (const ReturnSignal& r) {
    status = r.status;
  } catch (...) {
    sh.restore_traps(hidden);
    --sh.st.subst_depth;
    --sh.source_depth_;
    sh.parse_error_name = saved_name;
    if (set_pos) sh.st.positional = saved_pos;
    throw;
  }
  sh.restore_traps(hidden);
  if (sh.return_trap_set_) {
    if (sh.trap_depth_ == 0) {
      sh.current_command_ = source_command;
      sh.last_command_text_ = std::move(source_command_text);
    }
    sh.run_return_trap();
  }
  --sh.st.subst_depth;
  --sh.source_depth_;
  sh.parse_error_name = saved_name;
  if (set_pos) sh.st.positional = saved_pos;
  return status;
}

int b_exec(Interp& sh, Invocation& inv) {
  size_t i = 1;
  std::string argv0;
  while (i < inv.argv.size() && inv.argv[i].size() > 1 && inv.argv[i][0] == '-') {
    if (inv.argv[i] == "--") {
      ++i;
      break;
    }
    // -a NAME: the command's argv[0]; -c and -l are accepted.
    if (inv.argv[i] == "-a" && i + 1 < inv.argv.size()) argv0 = inv.argv[++i];
    ++i;
  }
  if (i >= inv.argv.size()) {
    sh.keep_redirects_ = true;
    return 0;
  }
  std::vector<std::string> argv(inv.argv.begin() + i, inv.argv.end());
  inv.finish(0);
  sh.replaced_by_exec = true;
  sh.exec_argv0_ = argv0;
  int status = sh.run_simple_argv(argv, nullptr);
  sh.exec_argv0_.clear();
  throw ExitSignal{status};
}

const char* const kKeywords[] = {"if", "then", "else", "elif", "fi", "case", "esac", "for", "select", "while",
                                 "until", "do", "done", "in", "function", "time", "{", "}", "!", "[[", "]]", "coproc"};

bool is_keyword(std::string_view n) {
  for (const char* k : kKeywords)
    if (n == k) return true;
  return false;
}

// The PATH file for a command name, or the standard location of a registered one.
std::string command_path(Interp& sh, const std::string& name) {
  if (name.find('/') != std::string::npos) {
    vfs::Stat s;
    if (!sh.ctx->fs->stat(sh.abspath(name), s) && S_ISREG(s.mode) && (s.mode & 0111)) return name;
    return "";
  }
  // Like bash, a non-executable file is reported when nothing better is found.
  Interp::PathSearch found = sh.search_path(name, sh.get_var("PATH").value_or(""));
  if (found.executable) return found.path;
  if (Registry::global().find(name)) return "/usr/bin/" + name;
  return found.path;
}

// type -a: every executable of that name along PATH.
std::vector<std::string> all_path_files(Interp& sh, const std::string& name) {
  std::vector<std::string> out;
  std::string path_var = sh.get_var("PATH").value_or("");
  for (size_t start = 0; start <= path_var.size();) {
    size_t colon = std::min(path_var.find(':', start), path_var.size());
    std::string dir = path_var.substr(start, colon - start);
    start = colon + 1;
    Interp::PathSearch one = sh.search_path(name, dir);
    if (one.executable) out.push_back(one.path);
  }
  return out;
}

int describe(Interp& sh, Invocation& inv, const std::string& name, char mode, bool all, bool no_func) {
  // mode: 'v' (command -v), 'V' (type / command -V), 't' (type -t), 'p' (type -p), 'P'
  bool found = false;
  OutStream& out = inv.out();
  if (mode != 'P') {
    if (sh.st.aliases.count(name) && sh.st.opts.expand_aliases) {
      found = true;
      const std::string& v = sh.st.aliases.find(name)->second;
      if (mode == 'v') out << "alias " << name << "=" << single_quote(v) << "\n";
      else if (mode == 'V') out << name << " is aliased to `" << v << "'\n";
      else if (mode == 't') out << "alias\n";
      if (!all) return 0;
    }
    if (is_keyword(name)) {
      found = true;
      if (mode == 'v') out << name << "\n";
      else if (mode == 'V') out << name << " is a shell keyword\n";
      else if (mode == 't') out << "keyword\n";
      if (!all) return 0;
    }
    auto fit = sh.st.functions.find(name);
    if (!no_func && fit != sh.st.functions.end()) {
      found = true;
      if (mode == 'v') out << name << "\n";
      else if (mode == 'V') out << name << " is a function\n" << print_function(*fit->second) << "\n";
      else if (mode == 't') out << "function\n";
      if (!all) return 0;
    }
    if (sh.enabled_builtin(name)) {
      found = true;
      if (mode == 'v') out << name << "\n";
      else if (mode == 'V') out << name << " is a shell builtin\n";
      else if (mode == 't') out << "builtin\n";
      if (!all) return 0;
    }
  }
  // Without -a (or with -P) a hashed location is the answer.
  std::string hashed = !all || mode == 'P' ? sh.hashed_command(name) : "";
  if (!hashed.empty()) {
    if (mode == 'V') out << name << " is hashed (" << hashed << ")\n";
    else if (mode == 't') out << "file\n";
    else out << hashed << "\n";
    return 0;
  }
  std::vector<std::string> paths;
  if (all && name.find('/') == std::string::npos) paths = all_path_files(sh, name);
  if (paths.empty()) paths.push_back(command_path(sh, name));
  for (const std::string& path : paths) {
    if (path.empty()) continue;
    found = true;
    if (mode == 'V') out << name << " is " << path << "\n";
    else if (mode == 't') out << "file\n";
    else out << path << "\n";
  }
  return found ? 0 : 1;
}

int b_type(Interp& sh, Invocation& inv) {
  char mode = 'V';
  bool all = false, no_func = false;
  size_t i = 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    for (size_t k = 1; k < a.size(); ++k) {
      switch (a[k]) {
        case 't': mode = 't'; break;
        case 'p': mode = 'p'; break;
        case 'P': mode = 'P'; break;
        case 'a': all = true; break;
        case 'f': no_func = true; break;
        default:
          berror(sh, inv, "type: -" + std::string(1, a[k]) + ": invalid option");
          inv.err() << "type: usage: type [-afptP] name [name ...]\n";
          return 2;
      }
    }
  }
  int status = 0;
  for (; i < inv.argv.size(); ++i) {
    if (describe(sh, inv, inv.argv[i], mode, all, no_func) != 0) {
      if (mode == 'V') berror(sh, inv, "type: " + inv.argv[i] + ": not found");
      status = 1;
    }
  }
  return status;
}

// command -p: PATH is the standard one while the command is found and run,
// then restored (unset again if it was unset), as bash does.
struct StandardPath {
  Interp& sh;
  bool active = false;
  bool had = false;
  Var saved;
  StandardPath(Interp& shell, bool on) : sh(shell), active(on) {
    if (!active) return;
    if (Var* v = sh.find_var("PATH")) {
      had = true;
      saved = *v;
    }
    sh.set_var("PATH", "/bin:/usr/bin");
  }
  ~StandardPath() {
    if (!active) return;
    Var* v = sh.find_var("PATH");
    if (had && v) *v = saved;
    else if (had) sh.set_var("PATH", saved.value);
    else sh.unset_var("PATH");
    sh.st.hashed.clear();  // as after any PATH change
  }
};

int b_command(Interp& sh, Invocation& inv) {
  char mode = 0;
  bool standard_path = false;
  int first = scan_flags(sh, inv, "command: usage: command [-pVv] command [arg ...]\n", [&](char c) {
    if (c == 'v' || c == 'V') mode = c;
    else if (c == 'p') standard_path = true;
    else return false;
    return true;
  });
  if (first < 0) return 2;
  size_t i = static_cast<size_t>(first);
  StandardPath path_guard(sh, standard_path && i < inv.argv.size());
  if (i >= inv.argv.size()) return 0;
  if (mode) {
    int status = 0;
    for (; i < inv.argv.size(); ++i) {
      if (describe(sh, inv, inv.argv[i], mode, false, false) != 0) {
        if (mode == 'V') berror(sh, inv, "command: " + inv.argv[i] + ": not found");
        status = 1;
      }
    }
    return status;
  }
  std::vector<std::string> argv(inv.argv.begin() + i, inv.argv.end());
  inv.finish(0);
  if (const BuiltinInfo* b = sh.enabled_builtin(argv[0])) {
    Invocation sub;
    sub.argv = argv;
    sub.fds = inv.fds;
    sub.fs = inv.fs;
    sub.cwd = sh.st.cwd;
    sub.host = &sh;
    sub.cancel = inv.cancel;
    sub.limits = inv.limits;
    return sub.finish(b->fn(sh, sub));
  }
  auto saved = sh.st.functions;
  // Skip functions: look the name up as a builtin or command only.
  auto it = sh.st.functions.find(argv[0]);
  if (it != sh.st.functions.end()) {
    auto def = it->second;
    sh.st.functions.erase(it);
    int status;
    try {
      status = sh.run_simple_argv(argv, nullptr);
    } catch (...) {
      sh.st.functions[argv[0]] = def;
      throw;
    }
    if (!sh.st.functions.count(argv[0])) sh.st.functions[argv[0]] = def;
    return status;
  }
  return sh.run_simple_argv(argv, nullptr);
}

int b_builtin(Interp& sh, Invocation& inv) {
  if (inv.argv.size() < 2) return 0;
  const BuiltinInfo* b = find_builtin(inv.argv[1]);
  if (!b) {
    berror(sh, inv, "builtin: " + inv.argv[1] + ": not a shell builtin");
    return 1;
  }
  Invocation sub;
  sub.argv.assign(inv.argv.begin() + 1, inv.argv.end());
  sub.fds = inv.fds;
  sub.fs = inv.fs;
  sub.cwd = sh.st.cwd;
  sub.host = &sh;
  sub.cancel = inv.cancel;
  sub.limits = inv.limits;
  inv.finish(0);
  return sub.finish(b->fn(sh, sub));
}

// "u=rwx,g=rx,o=rx": the permissions a umask leaves, as umask -S shows them.
std::string umask_symbolic(uint32_t mask) {
  uint32_t allowed = ~mask & 0777;
  std::string out;
  const char* whos = "ugo";
  for (int k = 0; k < 3; ++k) {
    int shift = 6 - 3 * k;
    if (k) out += ',';
    out += whos[k];
    out += '=';
    if (allowed & (4u << shift)) out += 'r';
    if (allowed & (2u << shift)) out += 'w';
    if (allowed & (1u << shift)) out += 'x';
  }
  return out;
}

// Applies a symbolic mode such as "u=rwx,g-w" to the permission bits `bits`
// (the complement of a umask), as bash's umask does: no who means all three,
// only r, w and x are permission letters, and a bad character is reported
// with the message bash gives. Returns false after that message.
bool apply_umask_clauses(Interp& sh, Invocation& inv, const std::string& mode, uint32_t& bits) {
  size_t i = 0;
  auto fail = [&](char c, const char* what) {
    berror(sh, inv, std::string("umask: `") + c + "': invalid symbolic mode " + what);
    return false;
  };
  for (;;) {
    uint32_t who = 0;
    for (; i < mode.size(); ++i) {
      char c = mode[i];
      if (c == 'u') who |= 0700;
      else if (c == 'g') who |= 0070;
      else if (c == 'o') who |= 0007;
      else if (c == 'a') who |= 0777;
      else break;
    }
    if (!who) who = 0777;
    char op = i < mode.size() ? mode[i] : '\0';
    if (op != '+' && op != '-' && op != '=') return fail(op, "operator");
    ++i;
    uint32_t perm = 0;
    for (; i < mode.size() && mode[i] != ','; ++i) {
      char c = mode[i];
      if (c == 'r') perm |= 0444;
      else if (c == 'w') perm |= 0222;
      else if (c == 'x') perm |= 0111;
      else return fail(c, "character");
    }
    perm &= who;
    if (op == '+') bits |= perm;
    else if (op == '-') bits &= ~perm;
    else bits = (bits & ~who) | perm;
    if (i >= mode.size()) return true;
    ++i;  // the comma; a clause must follow it
  }
}

int b_umask(Interp& sh, Invocation& inv) {
  bool symbolic = false, reusable = false;
  int first = scan_flags(sh, inv, "umask: usage: umask [-p] [-S] [mode]\n", [&](char c) {
    if (c == 'S') symbolic = true;
    else if (c == 'p') reusable = true;
    else return false;
    return true;
  });
  if (first < 0) return 2;
  size_t i = static_cast<size_t>(first);
  if (i >= inv.argv.size()) {
    std::string prefix = reusable ? (symbolic ? "umask -S " : "umask ") : "";
    if (symbolic) {
      inv.out() << prefix << umask_symbolic(sh.st.umask) << "\n";
    } else {
      char buf[8];
      snprintf(buf, sizeof buf, "%04o", sh.st.umask);
      inv.out() << prefix << buf << "\n";
    }
    return 0;
  }
  const std::string& a = inv.argv[i];
  uint32_t mask = 0;
  if (!a.empty() && a[0] >= '0' && a[0] <= '9') {
    // Octal; bash accepts up to 07777 and keeps the permission bits.
    for (char c : a) {
      if (c < '0' || c > '7' || (mask = mask * 8 + (c - '0')) > 07777) {
        berror(sh, inv, "umask: " + a + ": octal number out of range");
        return 1;
      }
    }
  } else {
    uint32_t bits = ~sh.st.umask & 0777;
    if (!apply_umask_clauses(sh, inv, a, bits)) return 1;
    mask = ~bits;
  }
  sh.st.umask = mask & 0777;
  if (symbolic) inv.out() << umask_symbolic(sh.st.umask) << "\n";
  return 0;
}

int b_let(Interp& sh, Invocation& inv) {
  if (inv.argv.size() < 2) {
    berror(sh, inv, "let: expression expected");
    return 1;
  }
  long long v = 0;
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    try {
      v = sh.arith_eval(inv.argv[i]);
    } catch (const ArithError& e) {
      berror(sh, inv, e.from("let"));
      return 1;
    }
  }
  return v != 0 ? 0 : 1;
}

int b_alias(Interp& sh, Invocation& inv) {
  int status = 0;
  size_t i = 1;
  if (i < inv.argv.size() && inv.argv[i] == "-p") ++i;
  if (i >= inv.argv.size()) {
    for (auto& [k, v] : sh.st.aliases) inv.out() << "alias " << k << "=" << single_quote(v) << "\n";
    return 0;
  }
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    size_t eq = a.find('=');
    if (eq == std::string::npos) {
      auto it = sh.st.aliases.find(a);
      if (it == sh.st.aliases.end()) {
        berror(sh, inv, "alias: " + a + ": not found");
        status = 1;
      } else {
        inv.out() << "alias " << a << "=" << single_quote(it->second) << "\n";
      }
      continue;
    }
    sh.st.aliases[a.substr(0, eq)] = a.substr(eq + 1);
  }
  return status;
}

int b_unalias(Interp& sh, Invocation& inv) {
  static const char kUsage[] = "unalias: usage: unalias [-a] name [name ...]\n";
  bool all = false;
  int first = scan_flags(sh, inv, kUsage, [&](char c) { return c == 'a' && (all = true); });
  if (first < 0) return 2;
  if (all) {
    sh.st.aliases.clear();
    return 0;
  }
  if (static_cast<size_t>(first) >= inv.argv.size()) {
    inv.err() << kUsage;
    return 2;
  }
  int status = 0;
  for (size_t i = first; i < inv.argv.size(); ++i) {
    if (!sh.st.aliases.erase(inv.argv[i])) {
      berror(sh, inv, "unalias: " + inv.argv[i] + ": not found");
      status = 1;
    }
  }
  return status;
}

bool has_glob_chars(const std::string& s) {
  size_t open = s.find('[');
  return s.find_first_of("*?") != std::string::npos || (open != std::string::npos && s.find(']', open + 1) != std::string::npos);
}

// help [-dms] [pattern ...]: topics whose name matches the pattern or starts
// with it, as bash finds them. The long texts are not kept: a topic shows its
// synopsis and summary.
int b_help(Interp& sh, Invocation& inv) {
  char form = 0;
  int first = scan_flags(sh, inv, "help: usage: help [-dms] [pattern ...]\n", [&](char c) {
    if (c != 'd' && c != 'm' && c != 's') return false;
    form = c;
    return true;
  });
  if (first < 0) return 2;
  size_t i = static_cast<size_t>(first);
  if (i >= inv.argv.size()) {
    inv.out() << "GNU bash, version 5.2.15(1)-release (x86_64-pc-linux-gnu)\n"
                 "These shell commands are defined internally.  Type `help' to see this list.\n\n";
    for (const HelpTopic& t : help_topics()) inv.out() << " " << t.name << ": " << t.synopsis << "\n";
    return 0;
  }
  if (has_glob_chars(inv.argv[i])) {
    inv.out() << (inv.argv.size() - i > 1 ? "Shell commands matching keywords `" : "Shell commands matching keyword `");
    for (size_t k = i; k < inv.argv.size(); ++k) inv.out() << (k > i ? ", " : "") << inv.argv[k];
    inv.out() << "'\n\n";
  }
  bool found = false;
  for (; i < inv.argv.size(); ++i) {
    const std::string& pattern = inv.argv[i];
    // A topic named exactly so is the only answer ("for", not "for ((").
    bool exact = false;
    for (const HelpTopic& t : help_topics()) exact = exact || pattern == t.name;
    for (const HelpTopic& t : help_topics()) {
      std::string name = t.name;
      if (exact ? name != pattern : name.compare(0, pattern.size(), pattern) != 0 && !pattern_match(pattern, name))
        continue;
      found = true;
      if (form == 'd') inv.out() << name << " - " << t.summary << "\n";
      else if (form == 's') inv.out() << name << ": " << t.synopsis << "\n";
      else if (form == 'm')
        inv.out() << "NAME\n    " << name << " - " << t.summary << "\n\nSYNOPSIS\n    " << t.synopsis
                  << "\n\nDESCRIPTION\n    " << t.summary << "\n\n";
      else inv.out() << name << ": " << t.synopsis << "\n    " << t.summary << "\n";
    }
  }
  if (!found) {
    const std::string& n = inv.argv.back();
    berror(sh, inv, "help: no help topics match `" + n + "'.  Try `help help' or `man -k " + n + "' or `info " + n + "'.");
    return 1;
  }
  return 0;
}

// The shell's own CPU time, then its children's: a sandbox starts no host
// processes, so everything it runs is counted in the first line.
int b_times(Interp&, Invocation& inv) {
  CpuSeconds shell = thread_cpu_seconds();
  inv.out() << minutes_seconds(shell.user, 3) << ' ' << minutes_seconds(shell.sys, 3) << '\n'
            << "0m0.000s 0m0.000s\n";
  return 0;
}

}  // namespace

BURROW_BUILTIN(colon, ":", b_true, true);
BURROW_BUILTIN(true_, "true", b_true, false);
BURROW_BUILTIN(false_, "false", b_false, false);
BURROW_BUILTIN(exit_, "exit", b_exit, true);
BURROW_BUILTIN(return_, "return", b_return, true);
BURROW_BUILTIN(break_, "break", b_break, true);
BURROW_BUILTIN(continue_, "continue", b_continue, true);
BURROW_BUILTIN(shift, "shift", b_shift, true);
BURROW_BUILTIN(eval, "eval", b_eval, true);
BURROW_BUILTIN(source, "source", b_source, false);
BURROW_BUILTIN(dot, ".", b_source, true);
BURROW_BUILTIN(exec, "exec", b_exec, true);
BURROW_BUILTIN(type, "type", b_type, false);
BURROW_BUILTIN(command, "command", b_command, false);
BURROW_BUILTIN(builtin, "builtin", b_builtin, false);
BURROW_BUILTIN(umask, "umask", b_umask, false);
BURROW_BUILTIN(let, "let", b_let, false);
BURROW_BUILTIN(alias, "alias", b_alias, false);
BURROW_BUILTIN(unalias, "unalias", b_unalias, false);
BURROW_BUILTIN(help, "help", b_help, false);
BURROW_BUILTIN(times, "times", b_times, true);

}  // namespace burrow::shell
