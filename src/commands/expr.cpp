// expr: evaluate expressions (GNU coreutils 9.1). Integers are 128-bit
// (GNU uses unbounded integers); ':' matches an anchored POSIX basic regular
// expression, run by RE2 after translation (linear time, UTF-8 aware).
#include <re2/re2.h>

#include <optional>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

using i128 = __int128;

struct Value {
  bool is_int = false;
  i128 i = 0;
  std::string s;
};

std::string to_string(i128 v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  unsigned __int128 u = neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  std::string s;
  while (u) {
    s += static_cast<char>('0' + static_cast<int>(u % 10));
    u /= 10;
  }
  if (neg) s += '-';
  return std::string(s.rbegin(), s.rend());
}

std::string str(const Value& v) { return v.is_int ? to_string(v.i) : v.s; }

bool looks_like_int(const std::string& s, i128& out) {
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && s[i] == '-') neg = true, ++i;
  if (i == s.size()) return false;
  i128 v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    if (v > (static_cast<i128>(1) << 120)) return false;
    v = v * 10 + (s[i] - '0');
  }
  out = neg ? -v : v;
  return true;
}

bool is_null(const Value& v) {
  if (v.is_int) return v.i == 0;
  if (v.s.empty()) return true;
  size_t i = v.s[0] == '-' ? 1 : 0;
  if (i == v.s.size()) return false;
  for (; i < v.s.size(); ++i)
    if (v.s[i] != '0') return false;
  return true;
}

size_t char_count(std::string_view s) {
  size_t n = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    int len = text::decode_utf8(p + i, s.size() - i, cp);
    i += len ? len : 1;
    ++n;
  }
  return n;
}

// Splits s into characters (UTF-8 sequences or single invalid bytes).
std::vector<std::string_view> chars_of(std::string_view s) {
  std::vector<std::string_view> out;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    int len = text::decode_utf8(p + i, s.size() - i, cp);
    if (!len) len = 1;
    out.push_back(s.substr(i, len));
    i += len;
  }
  return out;
}

struct Error {
  int status;
  std::string message;
};

// POSIX BRE (with GNU extensions) -> RE2 syntax.
std::optional<std::string> translate_bre(std::string_view re, std::string& err, int& groups) {
  std::string out;
  groups = 0;
  int depth = 0;
  bool at_start = true;  // where '*' is literal and '^' an anchor
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if (c == '\\') {
      if (i + 1 >= re.size()) {
        err = "Trailing backslash";
        return std::nullopt;
      }
      char n = re[++i];
      switch (n) {
        case '(': out += '('; ++depth; ++groups; at_start = true; continue;
        case ')':
          if (depth == 0) {
            err = "Unmatched ) or \\)";
            return std::nullopt;
          }
          --depth;
          out += ')';
          break;
        case '{': out += '{'; break;
        case '}': out += '}'; break;
        case '|': out += '|'; at_start = true; continue;
        case '+': out += '+'; break;
        case '?': out += '?'; break;
        case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
          err = "Invalid back reference";
          return std::nullopt;
        case 'w': case 'W': case 's': case 'S': case 'b': case 'B': out += '\\'; out += n; break;
        case '<': out += "\\b"; break;
        case '>': out += "\\b"; break;
        case '`': out += "\\A"; break;
        case '\'': out += "\\z"; break;
        case 'n': out += "\\n"; break;
        case 't': out += "\\t"; break;
        default:
          if (std::isalnum(static_cast<unsigned char>(n))) out += n;
          else {
            out += '\\';
            out += n;
          }
      }
      at_start = false;
      continue;
    }
    if (c == '[') {
      size_t j = i + 1;
      std::string cls = "[";
      if (j < re.size() && re[j] == '^') cls += '^', ++j;
      if (j < re.size() && re[j] == ']') cls += "\\]", ++j;
      bool closed = false;
      for (; j < re.size(); ++j) {
        if (re[j] == '[' && j + 1 < re.size() && (re[j + 1] == ':' || re[j + 1] == '=' || re[j + 1] == '.')) {
          char d = re[j + 1];
          size_t e = re.find(std::string(1, d) + "]", j + 2);
          if (e == std::string_view::npos) break;
          if (d == ':') cls += std::string(re.substr(j, e + 2 - j));
          else cls += std::string(re.substr(j + 2, e - j - 2));
          j = e + 1;
          continue;
        }
        if (re[j] == ']') {
          closed = true;
          break;
        }
        if (re[j] == '\\') cls += "\\\\";
        else if (re[j] == '[') cls += "\\[";
        else cls += re[j];
      }
      if (!closed) {
        err = "Unmatched [, [^, [:, [., or [=";
        return std::nullopt;
      }
      cls += ']';
      out += cls;
      i = j;
      at_start = false;
      continue;
    }
    if (c == '*' && at_start) {
      out += "\\*";
      at_start = false;
      continue;
    }
    if (c == '^') {
      out += at_start ? "^" : "\\^";
      continue;
    }
    if (c == '$') {
      bool end = i + 1 == re.size() || (i + 2 < re.size() + 1 && re.substr(i + 1, 2) == "\\)");
      out += end ? "$" : "\\$";
      at_start = false;
      continue;
    }
    if (std::string_view("(){}|+?.").find(c) != std::string_view::npos && c != '.') {
      out += '\\';
      out += c;
    } else {
      out += c;
    }
    at_start = false;
  }
  if (depth != 0) {
    err = "Unmatched ( or \\(";
    return std::nullopt;
  }
  return out;
}

struct Parser {
  const std::vector<std::string>& args;
  size_t pos = 0;

  bool more() const { return pos < args.size(); }
  bool at(const char* t) const { return more() && args[pos] == t; }

  [[noreturn]] void syntax(const std::string& m) { throw Error{2, "syntax error: " + m}; }

  Value primary() {
    if (!more()) syntax("missing argument after " + text::quote(args[pos - 1]));
    const std::string& t = args[pos];
    if (t == "(") {
      ++pos;
      Value v = parse_or();
      if (!more()) syntax("expecting ')' after " + text::quote(args[pos - 1]));
      if (args[pos] != ")") syntax("expecting ')' instead of " + text::quote(args[pos]));
      ++pos;
      return v;
    }
    if (t == ")") syntax("unexpected ')'");
    if (t == "+") {
      ++pos;
      if (!more()) syntax("missing argument after " + text::quote("+"));
      return Value{false, 0, args[pos++]};
    }
    if (t == "length" || t == "match" || t == "substr" || t == "index") {
      ++pos;
      if (t == "length") {
        Value a = primary();
        return Value{true, static_cast<i128>(char_count(str(a))), ""};
      }
      if (t == "match") {
        Value a = primary();
        Value b = primary();
        return match(a, b);
      }
      if (t == "index") {
        Value a = primary();
        Value b = primary();
        std::string sa = str(a), sb = str(b);
        auto sc = chars_of(sa), cc = chars_of(sb);
        for (size_t i = 0; i < sc.size(); ++i)
          for (auto& c : cc)
            if (sc[i] == c) return Value{true, static_cast<i128>(i + 1), ""};
        return Value{true, 0, ""};
      }
      Value s = primary();
      Value p = primary();
      Value l = primary();
      i128 pi, li;
      std::string ss = str(s);
      auto chars = chars_of(ss);
      if (!to_int(p, pi) || !to_int(l, li) || pi < 1 || li < 1 || pi > static_cast<i128>(chars.size()))
        return Value{false, 0, ""};
      std::string r;
      for (i128 k = pi - 1; k < static_cast<i128>(chars.size()) && k < pi - 1 + li; ++k) r += chars[k];
      return Value{false, 0, r};
    }
    ++pos;
    return Value{false, 0, t};
  }

  static bool to_int(const Value& v, i128& out) {
    if (v.is_int) {
      out = v.i;
      return true;
    }
    return looks_like_int(v.s, out);
  }

  Value match(const Value& a, const Value& b) {
    std::string err;
    int groups = 0;
    auto re = translate_bre(str(b), err, groups);
    if (!re) throw Error{2, err};
    RE2::Options opt;
    opt.set_longest_match(true);
    opt.set_log_errors(false);
    opt.set_dot_nl(true);
    RE2 r(*re, opt);
    if (!r.ok()) throw Error{2, "Invalid regular expression"};
    std::string s = str(a);
    std::vector<re2::StringPiece> sub(r.NumberOfCapturingGroups() + 1);
    bool ok = r.Match(s, 0, s.size(), RE2::ANCHOR_START, sub.data(), static_cast<int>(sub.size()));
    if (groups > 0) {
      if (!ok || sub[1].data() == nullptr) return Value{false, 0, ""};
      return Value{false, 0, std::string(sub[1].data(), sub[1].size())};
    }
    if (!ok) return Value{true, 0, ""};
    return Value{true, static_cast<i128>(char_count(std::string_view(sub[0].data(), sub[0].size()))), ""};
  }

  Value parse_match() {
    Value l = primary();
    while (at(":")) {
      ++pos;
      Value r = primary();
      l = match(l, r);
    }
    return l;
  }

  Value arith(const Value& l, const Value& r, char op) {
    i128 a, b;
    if (!to_int(l, a) || !to_int(r, b)) throw Error{2, "non-integer argument"};
    i128 v = 0;
    switch (op) {
      case '+': v = a + b; break;
      case '-': v = a - b; break;
      case '*': v = a * b; break;
      case '/':
      case '%':
        if (b == 0) throw Error{2, "division by zero"};
        v = op == '/' ? a / b : a % b;
        break;
    }
    return Value{true, v, ""};
  }

  Value parse_mul() {
    Value l = parse_match();
    while (at("*") || at("/") || at("%")) {
      char op = args[pos++][0];
      Value r = parse_match();
      l = arith(l, r, op);
    }
    return l;
  }

  Value parse_add() {
    Value l = parse_mul();
    while (at("+") || at("-")) {
      char op = args[pos++][0];
      Value r = parse_mul();
      l = arith(l, r, op);
    }
    return l;
  }

  Value parse_cmp() {
    Value l = parse_add();
    while (at("<") || at("<=") || at("=") || at("==") || at("!=") || at(">=") || at(">")) {
      std::string op = args[pos++];
      Value r = parse_add();
      i128 a, b;
      int c;
      if (to_int(l, a) && to_int(r, b)) {
        c = a < b ? -1 : a > b;
      } else {
        int k = str(l).compare(str(r));
        c = k < 0 ? -1 : k > 0;
      }
      bool res = op == "<" ? c < 0 : op == "<=" ? c <= 0 : (op == "=" || op == "==") ? c == 0 : op == "!=" ? c != 0
                 : op == ">=" ? c >= 0 : c > 0;
      l = Value{true, res ? 1 : 0, ""};
    }
    return l;
  }

  Value parse_and() {
    Value l = parse_cmp();
    while (at("&")) {
      ++pos;
      Value r = parse_cmp();
      if (is_null(l) || is_null(r)) l = Value{true, 0, ""};
    }
    return l;
  }

  Value parse_or() {
    Value l = parse_and();
    while (at("|")) {
      ++pos;
      Value r = parse_and();
      if (is_null(l)) {
        l = r;
        if (is_null(l)) l = Value{true, 0, ""};
      }
    }
    return l;
  }
};

int run_expr(Invocation& inv) {
  std::vector<std::string> args(inv.argv.begin() + 1, inv.argv.end());
  if (args.size() == 1 && args[0] == "--help") {
    inv.out() << "Usage: expr EXPRESSION\n  or:  expr OPTION\n";
    return 0;
  }
  if (args.size() == 1 && args[0] == "--version") {
    print_version(inv);
    return 0;
  }
  if (!args.empty() && args[0] == "--") args.erase(args.begin());
  if (args.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 2;
  }
  Parser p{args};
  try {
    Value v = p.parse_or();
    if (p.more()) p.syntax("unexpected argument " + text::quote(args[p.pos]));
    inv.out() << str(v) << "\n";
    return is_null(v) ? 1 : 0;
  } catch (const Error& e) {
    inv.error(e.message);
    return e.status;
  }
}

}  // namespace

BURROW_COMMAND(expr, "evaluate expressions", run_expr);

}  // namespace burrow
