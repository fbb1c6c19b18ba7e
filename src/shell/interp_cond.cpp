// [[ ... ]] and the test / [ builtins, which share their primaries.
#include <regex.h>

#include <cstring>

#include "shell/interp.h"
#include "shell/parser.h"

namespace burrow::shell {

// Returns 0/1, or -1 when `op` is not a unary file/string test.
int test_unary(Interp& sh, std::string_view op, const std::string& arg) {
  if (op == "-z") return arg.empty() ? 0 : 1;
  if (op == "-n") return arg.empty() ? 1 : 0;
  if (op == "-v") {
    std::string name = arg;
    size_t lb = name.find('[');
    if (lb != std::string::npos && name.back() == ']') {
      Var* v = sh.find_var(name.substr(0, lb));
      if (!v || !v->set) return 1;
      std::string sub = name.substr(lb + 1, name.size() - lb - 2);
      if (v->assoc) {
        if (sub == "@" || sub == "*") return v->amap.empty() ? 1 : 0;
        // The key is expanded: test -v 'A[$k]'.
        std::optional<Word> key = parse_subscript(sub);
        return v->amap.count(key ? sh.expand_word_string(*key) : sub) ? 0 : 1;
      }
      if (sub == "@" || sub == "*") return v->is_array ? (v->array.empty() ? 1 : 0) : 0;
      long long idx = 0;
      try {
        idx = sh.arith_eval(sub);
      } catch (const ArithError&) {
        return 1;
      }
      // A negative index counts back from the end; before the start it is an error.
      long long end = !v->is_array ? 1 : v->array.empty() ? 0 : v->array.rbegin()->first + 1;
      if (idx < 0) idx += end;
      if (idx < 0) {
        sh.error(name.substr(0, lb) + ": bad array subscript");
        return 1;
      }
      if (!v->is_array) return idx == 0 ? 0 : 1;
      return v->array.count(idx) ? 0 : 1;
    }
    // An array name alone stands for its element 0.
    Var* v = sh.find_var(name);
    if (v && v->assoc) return v->set && v->amap.count("0") ? 0 : 1;
    if (v) return v->set && (!v->is_array || v->array.count(0)) ? 0 : 1;
    return sh.special_param(name) ? 0 : 1;
  }
  if (op == "-o") return sh.named_option(arg) == 1 ? 0 : 1;  // any `set -o` option, kept-only ones too
  if (op == "-t") {
    int fd = std::atoi(arg.c_str());
    auto f = sh.fds.get(fd);
    return f && f->is_terminal() ? 0 : 1;
  }
  if (op.size() != 2 || op[0] != '-' || !strchr("abcdefghkprsuwxGLNOS", op[1])) return -1;
  vfs::Stat s;
  std::string path = sh.abspath(arg);
  if (arg.empty()) return 1;
  bool is_link_test = op == "-h" || op == "-L";
  vfs::Error e = is_link_test ? sh.ctx->fs->lstat(path, s) : sh.ctx->fs->stat(path, s);
  if (path == "/dev/null" && e) {
    s = vfs::Stat{};
    s.mode = S_IFCHR | 0666;
    e = {};
  }
  if (e) return 1;
  switch (op[1]) {
    case 'a':
    case 'e': return 0;
    case 'f': return S_ISREG(s.mode) ? 0 : 1;
    case 'd': return S_ISDIR(s.mode) ? 0 : 1;
    case 'b': return S_ISBLK(s.mode) ? 0 : 1;
    case 'c': return S_ISCHR(s.mode) ? 0 : 1;
    case 'p': return S_ISFIFO(s.mode) ? 0 : 1;
    case 'S': return S_ISSOCK(s.mode) ? 0 : 1;
    case 'h':
    case 'L': return S_ISLNK(s.mode) ? 0 : 1;
    case 's': return s.size > 0 ? 0 : 1;
    case 'r': return (s.mode & 0444) ? 0 : 1;
    case 'w': return (s.mode & 0222) ? 0 : 1;
    case 'x': return (s.mode & 0111) ? 0 : 1;
    case 'u': return (s.mode & S_ISUID) ? 0 : 1;
    case 'g': return (s.mode & S_ISGID) ? 0 : 1;
    case 'k': return (s.mode & S_ISVTX) ? 0 : 1;
    case 'O':
    case 'G': return 0;
    case 'N': return s.mtime > s.atime ? 0 : 1;
  }
  return 1;
}

bool is_int_op(std::string_view op) {
  return op == "-eq" || op == "-ne" || op == "-lt" || op == "-le" || op == "-gt" || op == "-ge";
}

int compare_ints(std::string_view op, long long a, long long b) {
  bool r = op == "-eq" ? a == b : op == "-ne" ? a != b : op == "-lt" ? a < b : op == "-le" ? a <= b : op == "-gt" ? a > b : a >= b;
  return r ? 0 : 1;
}

// File comparisons -nt -ot -ef; -1 if op is not one.
int test_files(Interp& sh, std::string_view op, const std::string& a, const std::string& b) {
  if (op != "-nt" && op != "-ot" && op != "-ef") return -1;
  vfs::Stat sa, sb;
  bool ha = !sh.ctx->fs->stat(sh.abspath(a), sa);
  bool hb = !sh.ctx->fs->stat(sh.abspath(b), sb);
  if (op == "-nt") return (ha && (!hb || sa.mtime > sb.mtime)) ? 0 : 1;
  if (op == "-ot") return (hb && (!ha || sa.mtime < sb.mtime)) ? 0 : 1;
  return (ha && hb && sa.ino == sb.ino && sa.dev == sb.dev) ? 0 : 1;
}

std::string Interp::trace_cond(const CondExpr& e) {
  switch (e.kind) {
    case CondKind::Word:
      return quote_for_shell(expand_word_string(e.left), true);
    case CondKind::Not:
      return "! " + trace_cond(*e.lhs);
    case CondKind::And:
      return trace_cond(*e.lhs) + " && " + trace_cond(*e.rhs);
    case CondKind::Or:
      return trace_cond(*e.lhs) + " || " + trace_cond(*e.rhs);
    case CondKind::Group:
      return "( " + trace_cond(*e.lhs) + " )";
    case CondKind::Unary:
      return e.op + " " + quote_for_shell(expand_word_string(e.left), true);
    case CondKind::Binary:
      return quote_for_shell(expand_word_string(e.left), true) + " " + e.op + " " +
             quote_for_shell(expand_word_string(e.right), true);
  }
  return "";
}

int Interp::execute_cond(const CondExpr& e) {
  switch (e.kind) {
    case CondKind::Word:
      return expand_word_string(e.left).empty() ? 1 : 0;
    case CondKind::Not:
      return execute_cond(*e.lhs) == 0 ? 1 : 0;
    case CondKind::And:
      if (execute_cond(*e.lhs) != 0) return 1;
      return execute_cond(*e.rhs);
    case CondKind::Or:
      if (execute_cond(*e.lhs) == 0) return 0;
      return execute_cond(*e.rhs);
    case CondKind::Group:
      return execute_cond(*e.lhs);
    case CondKind::Unary: {
      std::string arg = expand_word_string(e.left);
      int r = test_unary(*this, e.op, arg);
      return r < 0 ? 2 : r;
    }
    case CondKind::Binary: {
      std::string a = expand_word_string(e.left);
      const std::string& op = e.op;
      if (op == "==" || op == "=" || op == "!=") {
        std::string pat = expand_regex(e.right);
        bool m = pattern_match(pat, a, st.opts.nocasematch);
        return (m == (op != "!=")) ? 0 : 1;
      }
      if (op == "=~") {
        // Quoted parts of the regex match literally (expand_regex escapes them).
        std::string re = expand_regex(e.right);
        regex_t rx;
        int flags = REG_EXTENDED | (st.opts.nocasematch ? REG_ICASE : 0);
        if (regcomp(&rx, re.c_str(), flags) != 0) return 2;
        std::vector<regmatch_t> m(rx.re_nsub + 1);
        int rc = regexec(&rx, a.c_str(), m.size(), m.data(), 0);
        Var& v = st.globals["BASH_REMATCH"];
        v = Var{};
        v.is_array = true;
        if (rc == 0) {
          for (size_t i = 0; i < m.size(); ++i) {
            if (m[i].rm_so < 0) v.array[i] = "";
            else v.array[i] = a.substr(m[i].rm_so, m[i].rm_eo - m[i].rm_so);
          }
        }
        regfree(&rx);
        return rc == 0 ? 0 : 1;
      }
      std::string b = expand_word_string(e.right);
      if (op == "<") return strcoll(a.c_str(), b.c_str()) < 0 ? 0 : 1;
      if (op == ">") return strcoll(a.c_str(), b.c_str()) > 0 ? 0 : 1;
      if (is_int_op(op)) {
        try {
          return compare_ints(op, arith_eval(a), arith_eval(b));
        } catch (const ArithError& err) {
          error(err.message);
          return 1;
        }
      }
      int r = test_files(*this, op, a, b);
      return r < 0 ? 2 : r;
    }
  }
  return 2;
}

}  // namespace burrow::shell
