// test / [ and the directory builtins cd, pwd.
#include <cstring>

#include "shell/builtins/util.h"

namespace burrow::shell {
namespace {

class TestEval {
 public:
  TestEval(Interp& sh, Invocation& inv, std::vector<std::string> args) : sh_(sh), inv_(inv), a_(std::move(args)) {}

  // 0 true, 1 false, 2 error (already reported).
  int run() {
    try {
      if (a_.empty()) return 1;
      int r = by_count(0, a_.size());
      return r;
    } catch (const int status) {
      return status;
    }
  }

 private:
  [[noreturn]] void fail(const std::string& msg) {
    berror(sh_, inv_, inv_.argv[0] + ": " + msg);
    throw 2;
  }

  int binary(const std::string& l, const std::string& op, const std::string& r) {
    if (op == "=" || op == "==") return l == r ? 0 : 1;
    if (op == "!=") return l != r ? 0 : 1;
    if (op == "<") return strcoll(l.c_str(), r.c_str()) < 0 ? 0 : 1;
    if (op == ">") return strcoll(l.c_str(), r.c_str()) > 0 ? 0 : 1;
    if (is_int_op(op)) {
      long long x, y;
      if (!parse_long(l, x)) fail(l + ": integer expression expected");
      if (!parse_long(r, y)) fail(r + ": integer expression expected");
      return compare_ints(op, x, y);
    }
    int f = test_files(sh_, op, l, r);
    if (f >= 0) return f;
    fail(op + ": binary operator expected");
  }

  static bool is_binop(const std::string& s) {
    return s == "=" || s == "==" || s == "!=" || s == "<" || s == ">" || is_int_op(s) || s == "-nt" || s == "-ot" || s == "-ef";
  }
  static bool is_unop(const std::string& s) {
    return s.size() == 2 && s[0] == '-' && strchr("abcdefghknoprstuvwxzGLNOS", s[1]);
  }

  int by_count(size_t b, size_t e) {
    size_t n = e - b;
    switch (n) {
      case 0: return 1;
      case 1: return a_[b].empty() ? 1 : 0;
      case 2:
        if (a_[b] == "!") return by_count(b + 1, e) == 0 ? 1 : 0;
        if (is_unop(a_[b])) {
          int r = test_unary(sh_, a_[b], a_[b + 1]);
          return r < 0 ? 1 : r;
        }
        fail(a_[b] + ": unary operator expected");
      case 3:
        if (is_binop(a_[b + 1])) return binary(a_[b], a_[b + 1], a_[b + 2]);
        // bash: with three words, -a/-o join two one-word tests, whatever
        // the words are ([ -z -a ] ] is true).
        if (a_[b + 1] == "-a") return !a_[b].empty() && !a_[b + 2].empty() ? 0 : 1;
        if (a_[b + 1] == "-o") return !a_[b].empty() || !a_[b + 2].empty() ? 0 : 1;
        if (a_[b] == "!") return by_count(b + 1, e) == 0 ? 1 : 0;
        if (a_[b] == "(" && a_[b + 2] == ")") return by_count(b + 1, b + 2);
        fail(a_[b + 1] + ": binary operator expected");
      case 4:
        if (a_[b] == "!") return by_count(b + 1, e) == 0 ? 1 : 0;
        if (a_[b] == "(" && a_[e - 1] == ")") return by_count(b + 1, e - 1);
        break;
      default:
        break;
    }
    pos_ = b;
    end_ = e;
    int r = or_expr();
    if (pos_ != end_) fail("too many arguments");
    return r;
  }

  int or_expr() {
    int r = and_expr();
    while (pos_ < end_ && a_[pos_] == "-o") {
      ++pos_;
      int r2 = and_expr();
      r = (r == 0 || r2 == 0) ? 0 : 1;
    }
    return r;
  }
  int and_expr() {
    int r = not_expr();
    while (pos_ < end_ && a_[pos_] == "-a") {
      ++pos_;
      int r2 = not_expr();
      r = (r == 0 && r2 == 0) ? 0 : 1;
    }
    return r;
  }
  int not_expr() {
    if (pos_ < end_ && a_[pos_] == "!") {
      ++pos_;
      return not_expr() == 0 ? 1 : 0;
    }
    return primary();
  }
  int primary() {
    if (pos_ >= end_) fail("argument expected");
    if (a_[pos_] == "(") {
      ++pos_;
      int r = or_expr();
      if (pos_ >= end_ || a_[pos_] != ")") fail("`)' expected");
      ++pos_;
      return r;
    }
    if (pos_ + 2 < end_ + 0 && pos_ + 2 <= end_ - 1 + 1 && pos_ + 1 < end_ && is_binop(a_[pos_ + 1]) && pos_ + 2 < end_) {
      int r = binary(a_[pos_], a_[pos_ + 1], a_[pos_ + 2]);
      pos_ += 3;
      return r;
    }
    if (is_unop(a_[pos_]) && pos_ + 1 < end_) {
      int r = test_unary(sh_, a_[pos_], a_[pos_ + 1]);
      pos_ += 2;
      return r < 0 ? 1 : r;
    }
    return a_[pos_++].empty() ? 1 : 0;
  }

  Interp& sh_;
  Invocation& inv_;
  std::vector<std::string> a_;
  size_t pos_ = 0, end_ = 0;
};

int b_test(Interp& sh, Invocation& inv) {
  std::vector<std::string> args(inv.argv.begin() + 1, inv.argv.end());
  if (inv.argv[0] == "[") {
    if (args.empty() || args.back() != "]") {
      berror(sh, inv, "[: missing `]'");
      return 2;
    }
    args.pop_back();
  }
  TestEval t(sh, inv, std::move(args));
  return t.run();
}

int b_cd(Interp& sh, Invocation& inv) {
  bool physical = false;
  size_t i = 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") {
      ++i;
      break;
    }
    if (a.size() < 2 || a[0] != '-') break;
    for (size_t k = 1; k < a.size(); ++k) {
      if (a[k] == 'P') physical = true;
      else if (a[k] == 'L') physical = false;
      else if (a[k] == 'e' || a[k] == '@') {
      } else {
        berror(sh, inv, "cd: -" + std::string(1, a[k]) + ": invalid option");
        inv.err() << "cd: usage: cd [-L|[-P [-e]] [-@]] [dir]\n";
        return 2;
      }
    }
  }
  if (inv.argv.size() - i > 1) {
    berror(sh, inv, "cd: too many arguments");
    return 1;
  }
  std::string dir;
  bool print = false;
  if (i >= inv.argv.size()) {
    auto home = sh.get_var("HOME");
    if (!home) {
      berror(sh, inv, "cd: HOME not set");
      return 1;
    }
    dir = *home;
  } else {
    dir = inv.argv[i];
    if (dir == "-") {
      auto old = sh.get_var("OLDPWD");
      if (!old || old->empty()) {
        berror(sh, inv, inv.argv[0] + ": OLDPWD not set");
        return 1;
      }
      dir = *old;
      print = true;
    }
  }
  if (dir.empty()) return 0;
  std::string target;
  auto try_dir = [&](const std::string& path) -> vfs::Error {
    // As bash canonicalises: what comes before each ".." must be a directory
    // (cd missing/.. fails), though the path is then resolved logically.
    for (size_t pos = path.find(".."); pos != std::string::npos; pos = path.find("..", pos + 2)) {
      bool component = (pos == 0 || path[pos - 1] == '/') && (pos + 2 == path.size() || path[pos + 2] == '/');
      if (!component || pos == 0) continue;
      vfs::Stat s;
      if (vfs::Error e = sh.ctx->fs->stat(vfs::normalize(path.substr(0, pos), sh.st.cwd), s)) return e;
      if (!S_ISDIR(s.mode)) return vfs::make_error(ENOTDIR);
    }
    std::string abs = vfs::normalize(path, sh.st.cwd);
    vfs::Stat s;
    if (vfs::Error e = sh.ctx->fs->stat(abs, s)) return e;
    if (!S_ISDIR(s.mode)) return vfs::make_error(ENOTDIR);
    if (!(s.mode & 0111)) return vfs::make_error(EACCES);
    target = abs;
    return {};
  };
  vfs::Error err;
  bool found = false;
  if (dir[0] != '/' && dir != "." && dir != ".." && dir.rfind("./", 0) != 0 && dir.rfind("../", 0) != 0) {
    auto cdpath = sh.get_var("CDPATH");
    if (cdpath && !cdpath->empty()) {
      size_t start = 0;
      while (start <= cdpath->size()) {
        size_t c = cdpath->find(':', start);
        if (c == std::string::npos) c = cdpath->size();
        std::string base = cdpath->substr(start, c - start);
        start = c + 1;
        if (!try_dir(vfs::join(base.empty() ? "." : base, dir))) {
          found = true;
          if (!base.empty()) print = true;
          break;
        }
      }
    }
  }
  if (!found) err = try_dir(dir);
  if (!found && err) {
    berror(sh, inv, inv.argv[0] + ": " + dir + ": " + vfs::error_text(err));  // pushd reports as itself
    return 1;
  }
  if (physical) {
    std::string real;
    if (!sh.ctx->fs->realpath(target, real)) target = real;
  }
  std::string old = sh.st.cwd;
  sh.st.cwd = target;
  sh.set_var("OLDPWD", old);
  if (Var* v = sh.find_var("OLDPWD")) v->exported = true;  // as bash's is
  sh.set_var("PWD", target);
  if (print) inv.out() << target << "\n";
  return 0;
}

int b_pwd(Interp& sh, Invocation& inv) {
  bool physical = false;
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "-P") physical = true;
    else if (a == "-L") physical = false;
    else if (a[0] == '-') {
      berror(sh, inv, "pwd: " + a.substr(0, 2) + ": invalid option");
      inv.err() << "pwd: usage: pwd [-LP]\n";
      return 2;
    }
  }
  std::string cwd = sh.st.cwd;
  if (physical) {
    std::string real;
    if (!sh.ctx->fs->realpath(cwd, real)) cwd = real;
  }
  inv.out() << cwd << "\n";
  return 0;
}

}  // namespace

BURROW_BUILTIN(test, "test", b_test, false);
BURROW_BUILTIN(bracket, "[", b_test, false);
BURROW_BUILTIN(cd, "cd", b_cd, false);
BURROW_BUILTIN(pwd, "pwd", b_pwd, false);

}  // namespace burrow::shell

namespace burrow::shell {
namespace {

// The directory stack: st.dir_stack holds the entries below the cwd.
std::string tilde_home(Interp& sh, const std::string& d) {
  std::string home = sh.get_var("HOME").value_or("");
  if (!home.empty() && (d == home || d.rfind(home + "/", 0) == 0)) return "~" + d.substr(home.size());
  return d;
}

// The whole stack as `dirs` numbers it: 0 is the cwd, then the entries
// from the most recently pushed down.
std::string dirs_entry(Interp& sh, size_t index, bool full) {
  const auto& stack = sh.st.dir_stack;
  std::string d = index == 0 ? sh.st.cwd : stack[stack.size() - index];
  return full ? d : tilde_home(sh, d);
}

void print_dirs(Interp& sh, Invocation& inv, bool full, bool lines, bool numbered) {
  size_t n = sh.st.dir_stack.size() + 1;
  for (size_t i = 0; i < n; ++i) {
    std::string d = dirs_entry(sh, i, full);
    if (numbered) inv.out() << (i < 10 ? " " : "") << std::to_string(i) << "  " << d << "\n";
    else if (lines) inv.out() << d << "\n";
    else inv.out() << (i ? " " : "") << d;
  }
  if (!lines && !numbered) inv.out() << "\n";
}

int change_dir(Interp& sh, Invocation& inv, const std::string& dir) {
  Invocation sub;
  sub.argv = {inv.argv[0], "--", dir};  // errors name pushd/popd, as bash's do
  sub.fds = inv.fds;
  sub.fs = inv.fs;
  sub.cwd = sh.st.cwd;
  sub.host = &sh;
  sub.cancel = inv.cancel;
  sub.limits = inv.limits;
  const BuiltinInfo* cd = find_builtin("cd");
  return sub.finish(cd->fn(sh, sub));
}

bool is_option(const std::string& a, char c) { return a.size() == 2 && a[0] == '-' && a[1] == c; }

// "+N"/"-N": parses N, or reports "WORD: invalid number" plus the usage (bash's
// order of checks: any word starting with - or + that is no option is a number).
bool stack_number(Interp& sh, Invocation& inv, const std::string& word, long long& n, const char* usage) {
  if (parse_long(std::string_view(word).substr(1), n) && word.size() > 1) return true;
  berror(sh, inv, inv.argv[0] + ": " + word + ": invalid number");
  inv.err() << usage;
  return false;
}

void stack_index_error(Interp& sh, Invocation& inv, const std::string& word) {
  if (sh.st.dir_stack.empty()) berror(sh, inv, inv.argv[0] + ": directory stack empty");
  else berror(sh, inv, inv.argv[0] + ": " + word + ": directory stack index out of range");
}

constexpr const char* kPushdUsage = "pushd: usage: pushd [-n] [+N | -N | dir]\n";
constexpr const char* kPopdUsage = "popd: usage: popd [-n] [+N | -N]\n";
constexpr const char* kDirsUsage = "dirs: usage: dirs [-clpv] [+N] [-N]\n";

// cd to `dir`, then print the stack (pushd's and popd's success output).
int cd_and_show(Interp& sh, Invocation& inv, const std::string& dir) {
  if (change_dir(sh, inv, dir) != 0) return 1;
  print_dirs(sh, inv, false, false, false);
  return 0;
}

// pushd +N: rotates the whole stack (cwd included) so entry N comes to the top.
int rotate_stack(Interp& sh, Invocation& inv, long long num, bool no_cd) {
  auto& stack = sh.st.dir_stack;
  std::string temp = sh.st.cwd;
  for (; num > 0; --num) {
    std::string top = stack.back();
    stack.pop_back();
    stack.insert(stack.begin(), temp);
    temp = top;
  }
  // With -n bash drops the new top instead of changing to it.
  return no_cd ? 0 : cd_and_show(sh, inv, temp);
}

int b_pushd(Interp& sh, Invocation& inv) {
  auto& stack = sh.st.dir_stack;
  bool no_cd = false;
  size_t i = 1;
  for (; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (is_option(a, 'n')) {
      no_cd = true;
    } else if (is_option(a, '-')) {
      ++i;
      break;
    } else if (a == "-") {
      break;  // like cd -
    } else if (a[0] == '+' || a[0] == '-') {
      long long num;
      if (!stack_number(sh, inv, a, num, kPushdUsage)) return 2;
      long long depth = static_cast<long long>(stack.size());
      if (a[0] == '-') num = depth - num;
      if (num > depth || num < 0) {
        stack_index_error(sh, inv, a);
        return 1;
      }
      return rotate_stack(sh, inv, num, no_cd);
    } else {
      break;
    }
  }
  if (i >= inv.argv.size()) {  // swap the top two
    if (no_cd) return 0;        // bash: -n alone does nothing
    if (stack.empty()) {
      berror(sh, inv, "pushd: no other directory");
      return 1;
    }
    std::string top = stack.back();
    std::string cur = sh.st.cwd;
    if (change_dir(sh, inv, top) != 0) return 1;
    stack.back() = cur;
    print_dirs(sh, inv, false, false, false);
    return 0;
  }
  if (inv.argv.size() - i > 1) {
    berror(sh, inv, "pushd: too many arguments");
    return 1;
  }
  const std::string& dir = inv.argv[i];
  if (no_cd) {
    stack.push_back(dir);
    print_dirs(sh, inv, false, false, false);
    return 0;
  }
  std::string cur = sh.st.cwd;
  if (change_dir(sh, inv, dir) != 0) return 1;
  stack.push_back(cur);
  print_dirs(sh, inv, false, false, false);
  return 0;
}

int b_popd(Interp& sh, Invocation& inv) {
  auto& stack = sh.st.dir_stack;
  bool no_cd = false;
  char direction = '+';
  long long which = 0;
  std::string which_word;
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (is_option(a, 'n')) {
      no_cd = true;
    } else if (is_option(a, '-')) {
      break;
    } else if (a[0] == '+' || a[0] == '-') {
      direction = a[0];
      if (!stack_number(sh, inv, a, which, kPopdUsage)) return 2;
      which_word = a;
    } else if (!a.empty()) {
      berror(sh, inv, "popd: " + a + ": invalid argument");
      inv.err() << kPopdUsage;
      return 2;
    } else {
      break;
    }
  }
  long long depth = static_cast<long long>(stack.size());
  if (which > depth || which < -depth || (depth == 0 && which == 0)) {
    stack_index_error(sh, inv, which_word);
    return 1;
  }
  if ((direction == '+' && which == 0) || (direction == '-' && which == depth)) {
    if (!no_cd && change_dir(sh, inv, stack.back()) != 0) return 1;
    stack.pop_back();
  } else {
    // stack[] counts from the bottom: +N is depth-N, -N is N.
    long long at = direction == '+' ? depth - which : which;
    if (at < 0 || at >= depth) {
      stack_index_error(sh, inv, which_word);
      return 1;
    }
    stack.erase(stack.begin() + at);
  }
  print_dirs(sh, inv, false, false, false);
  return 0;
}

int b_dirs(Interp& sh, Invocation& inv) {
  bool full = false, lines = false, numbered = false, clear = false;
  bool indexed = false;
  long long index = 0;  // in dirs numbering (0 = cwd)
  std::string index_word;
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (is_option(a, 'l')) full = true;
    else if (is_option(a, 'c')) clear = true;
    else if (is_option(a, 'v')) numbered = true;
    else if (is_option(a, 'p')) lines = true;
    else if (is_option(a, '-')) break;
    else if (!a.empty() && (a[0] == '+' || a[0] == '-')) {
      long long n;
      if (!stack_number(sh, inv, a, n, kDirsUsage)) return 2;
      long long depth = static_cast<long long>(sh.st.dir_stack.size());
      indexed = true;
      index_word = a.substr(1);
      // -N counts from the bottom of the list, whose last entry is -0.
      index = n < 0 || n > depth ? -1 : a[0] == '+' ? n : depth - n;
    } else {
      berror(sh, inv, "dirs: " + a + ": invalid option");
      inv.err() << kDirsUsage;
      return 2;
    }
  }
  if (clear) {
    sh.st.dir_stack.clear();
    return 0;
  }
  if (!indexed) {
    print_dirs(sh, inv, full, lines, numbered);
    return 0;
  }
  if (index < 0) {
    stack_index_error(sh, inv, index_word);
    return 1;
  }
  std::string d = dirs_entry(sh, static_cast<size_t>(index), full);
  if (numbered) inv.out() << (index < 10 ? " " : "") << std::to_string(index) << "  ";
  inv.out() << d << "\n";
  return 0;
}

}  // namespace

BURROW_BUILTIN(pushd, "pushd", b_pushd, false);
BURROW_BUILTIN(popd, "popd", b_popd, false);
BURROW_BUILTIN(dirs, "dirs", b_dirs, false);

}  // namespace burrow::shell
