// Shell arithmetic ($(( )), (( )), let, array subscripts) over the
// interpreter's variables: 64-bit integers with C's operators and bash's
// error messages. Short-circuited operands are parsed without side effects.
#include <cstring>

#include "process/stack_guard.h"
#include "shell/interp.h"
#include "shell/parser.h"

namespace burrow::shell {
namespace {

// How deeply one evaluation may nest (parentheses, unary operators,
// subscripts, variables holding expressions) before it stops with bash's
// "expression recursion level exceeded": the parser recurses on the native
// stack, which a hostile `$(( ((((...)))) ))` must not exhaust.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kMaxNesting = 200;  // ASan's frames are several times larger
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int kMaxNesting = 200;
#else
constexpr int kMaxNesting = 1024;
#endif
#else
constexpr int kMaxNesting = 1024;
#endif
thread_local int arith_nesting = 0;

// Bash's integers wrap around at 64 bits; signed overflow in C++ would be
// undefined, so the arithmetic goes through unsigned.
long long wrap_add(long long a, long long b) {
  return static_cast<long long>(static_cast<unsigned long long>(a) + static_cast<unsigned long long>(b));
}
long long wrap_sub(long long a, long long b) {
  return static_cast<long long>(static_cast<unsigned long long>(a) - static_cast<unsigned long long>(b));
}
long long wrap_mul(long long a, long long b) {
  return static_cast<long long>(static_cast<unsigned long long>(a) * static_cast<unsigned long long>(b));
}
long long wrap_shl(long long a, long long b) {
  return static_cast<long long>(static_cast<unsigned long long>(a) << (b & 63));
}
// Division and remainder with the divisor already checked for zero; x / -1
// negates (wrapping for the most negative number) as bash does.
long long wrap_div(long long a, long long b, bool remainder) {
  if (b == -1) return remainder ? 0 : wrap_sub(0, a);
  return remainder ? a % b : a / b;
}
// Exponentiation by squaring: 2**(2**62) must not loop 2**62 times.
long long wrap_pow(long long base, long long exp) {
  long long result = 1;
  while (exp > 0) {
    if (exp & 1) result = wrap_mul(result, base);
    base = wrap_mul(base, base);
    exp >>= 1;
  }
  return result;
}

class Arith {
 public:
  Arith(Interp& sh, std::string_view text) : sh_(sh), s_(text) {}

  long long run() {
    skip();
    if (pos_ >= s_.size()) return 0;
    long long v = comma(true);
    skip();
    if (pos_ < s_.size()) fail(stray_char_message("syntax error in expression"), pos_);
    return v;
  }

 private:
  // bash quotes the expression without its leading blanks, and as the error
  // token the text from the token it stopped at (at the end, the last one).
  [[noreturn]] void fail(const std::string& msg, size_t at) {
    std::string_view expr = s_;
    while (!expr.empty() && (expr.front() == ' ' || expr.front() == '\t')) expr.remove_prefix(1);
    size_t end = at;
    while (end < s_.size() && isspace(static_cast<unsigned char>(s_[end]))) ++end;
    if (end >= s_.size()) at = last_token_start();
    std::string tok(s_.substr(std::min(at, s_.size())));
    throw ArithError{std::string(expr) + ": " + msg + " (error token is \"" + tok + "\")"};
  }
  // Where the expression's last token starts: a name or number, or an
  // operator (`+=` is one token, `--` two).
  size_t last_token_start() const {
    size_t end = s_.size();
    while (end > 0 && isspace(static_cast<unsigned char>(s_[end - 1]))) --end;
    if (end == 0) return 0;
    auto word_char = [](char c) { return isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '#' || c == '@'; };
    if (word_char(s_[end - 1])) {
      size_t b = end;
      while (b > 0 && word_char(s_[b - 1])) --b;
      return b;
    }
    std::string_view head = s_.substr(0, end);
    for (std::string_view op : {"<<=", ">>="})
      if (head.size() >= 3 && head.substr(end - 3) == op) return end - 3;
    for (std::string_view op : {"+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "==", "!=", "<=", ">=", "<<", ">>", "&&", "||", "**"})
      if (head.size() >= 2 && head.substr(end - 2) == op) return end - 2;
    return end - 1;
  }
  // A character no token starts with (`#`, `.`, `@`, a quote) is bash's
  // "invalid arithmetic operator" where an operator should follow.
  std::string stray_char_message(const char* otherwise) {
    skip();
    if (pos_ < s_.size()) {
      unsigned char c = static_cast<unsigned char>(s_[pos_]);
      if (!isalnum(c) && c != '_' && !strchr("=><+-*/%&|^~!()?:,", c)) return "syntax error: invalid arithmetic operator";
    }
    return otherwise;
  }
  bool at_assignment_op() {
    skip();
    static const char* ops[] = {"<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|="};
    for (const char* op : ops)
      if (s_.substr(pos_, strlen(op)) == op) return true;
    return s_.substr(pos_, 1) == "=" && s_.substr(pos_, 2) != "==";
  }
  void skip() {
    while (pos_ < s_.size() && isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
  }
  bool peek(std::string_view op) {
    skip();
    return s_.substr(pos_, op.size()) == op;
  }
  bool take(std::string_view op) {
    if (!peek(op)) return false;
    pos_ += op.size();
    return true;
  }

  // Counts one level of nesting for as long as it lives.
  class Nested {
   public:
    Nested(Arith& a) {
      if (++arith_nesting > kMaxNesting || stack_nearly_exhausted()) {
        --arith_nesting;
        a.fail("expression recursion level exceeded", a.pos_);
      }
    }
    ~Nested() { --arith_nesting; }
    Nested(const Nested&) = delete;
    Nested& operator=(const Nested&) = delete;
  };

  long long comma(bool ev) {
    Nested level(*this);
    long long v = assign(ev);
    while (take(",")) v = assign(ev);
    return v;
  }

  struct LValue {
    std::string name;
    bool indexed = false;
    long long index = 0;
    bool assoc = false;  // an associative array's element: `key` names it
    std::string key;
    // A negative index before the array's start: reading it is an error that
    // gives 0, assigning it an error that leaves the array alone.
    bool bad_index = false;
    std::string subscript;  // as written, for that message
  };

  long long get_lvalue(const LValue& lv) {
    std::optional<std::string> val;
    if (lv.assoc) {
      Var* v = sh_.find_var(lv.name);
      if (v && v->assoc) {
        auto it = v->amap.find(lv.key);
        if (it != v->amap.end()) val = it->second;
      }
    } else if (lv.indexed) {
      if (lv.bad_index) {
        sh_.error(lv.name + ": bad array subscript");
        return 0;
      }
      Var* v = sh_.find_var(lv.name);
      if (v && v->set) {
        if (v->is_array) {
          auto it = v->array.find(lv.index);
          if (it != v->array.end()) val = it->second;
        } else if (lv.index == 0) {
          val = v->value;
        }
      }
    } else {
      val = sh_.get_var(lv.name);
    }
    if (!val || val->empty()) {
      if (!val && sh_.st.opts.nounset) {
        sh_.error(lv.name + ": unbound variable");
        throw FatalSignal{127, true};
      }
      return 0;
    }
    Arith sub(sh_, *val);
    return sub.run();
  }

  void set_lvalue(const LValue& lv, long long v) {
    std::string text = std::to_string(v);
    if (lv.assoc) {
      Var* var = sh_.find_var(lv.name);
      if (var->readonly) {
        // Like an arithmetic error: (( )) fails, $(( )) abandons the line.
        throw ArithError{lv.name + ": readonly variable", true};
      }
      var->amap[lv.key] = text;
      var->set = true;
      return;
    }
    if (lv.indexed) {
      if (lv.bad_index) {
        sh_.error(lv.name + "[" + lv.subscript + "]: bad array subscript");
        return;
      }
      Var* var = sh_.find_var(lv.name);
      if (!var) {
        var = &sh_.st.globals[lv.name];
        var->set = false;
      }
      if (var->readonly) {
        // Like an arithmetic error: (( )) fails, $(( )) abandons the line.
        throw ArithError{lv.name + ": readonly variable", true};
      }
      if (!var->is_array) {
        var->is_array = true;
        if (var->set) var->array[0] = var->value;
      }
      var->array[lv.index] = text;
      var->set = true;
      return;
    }
    if (!sh_.set_var(lv.name, text)) {
      throw ArithError{lv.name + ": readonly variable", true};
    }
  }

  bool parse_name(LValue& lv, bool ev) {
    skip();
    size_t start = pos_;
    if (pos_ >= s_.size() || !(isalpha(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) return false;
    while (pos_ < s_.size() && (isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '_')) ++pos_;
    lv.name = std::string(s_.substr(start, pos_ - start));
    if (pos_ < s_.size() && s_[pos_] == '[') {
      if (Var* target = sh_.find_var(lv.name); target && target->assoc) return parse_assoc_key(lv);
      size_t close = matching_bracket(pos_);
      if (close >= s_.size()) fail("bad array subscript", start);
      // The subscript is an expression of its own; an error in it ends the
      // shell (bash reports it without a line number), not just the command.
      long long idx = 0;
      if (ev) {
        try {
          std::string text(s_.substr(pos_ + 1, close - pos_ - 1));
          // A subscript read from a variable's value or a `let` string is
          // expanded first, as bash does ($i, $(cmd) in it run then).
          if (text.find_first_of("$`") != std::string::npos) {
            ParseError err;
            Word w = parse_subscript_word(text, err);
            if (!err) text = sh_.expand_word_string(w);
          }
          Arith subscript(sh_, text);
          idx = subscript.run();
        } catch (const ArithError& e) {
          sh_.write_err(sh_.st.arg0 + ": " + e.message + "\n");
          throw FatalSignal{1};
        }
      }
      pos_ = close + 1;
      lv.indexed = true;
      lv.index = idx;
      if (idx < 0 && ev) {
        Var* v = sh_.find_var(lv.name);
        // A scalar has no end to count back from.
        long long end = !v || !v->set || !v->is_array || v->array.empty() ? 0 : v->array.rbegin()->first + 1;
        lv.index = idx + end;
        lv.bad_index = lv.index < 0;
        lv.subscript = std::string(s_.substr(start + lv.name.size() + 1, close - start - lv.name.size() - 1));
      }
    }
    return true;
  }

  // An associative array's subscript is a string, not an expression: the
  // text up to the matching `]`, blanks kept, quotes removed (bash: `A[k]`
  // is the key "k", `A["a b"]` the key "a b").
  // The `]` that closes the `[` at `open`, or s_.size().
  size_t matching_bracket(size_t open) const {
    int depth = 0;
    for (size_t i = open; i < s_.size(); ++i) {
      char c = s_[i];
      if (c == '\\') {
        ++i;
        continue;
      }
      if (c == '[') ++depth;
      if (c == ']' && --depth == 0) return i;
    }
    return s_.size();
  }

  bool parse_assoc_key(LValue& lv) {
    size_t open = pos_;
    size_t close = matching_bracket(open);
    if (close >= s_.size()) fail("syntax error: invalid arithmetic operator", s_.size());
    std::string key;
    for (size_t i = open + 1; i < close; ++i) {
      char c = s_[i];
      if (c == '\\' && i + 1 < close) key += s_[++i];
      else if (c != '"' && c != '\'') key += c;
    }
    pos_ = close + 1;
    lv.indexed = true;
    lv.assoc = true;
    lv.key = std::move(key);
    return true;
  }

  long long assign(bool ev) {
    skip();
    size_t save = pos_;
    LValue lv;
    if (parse_name(lv, ev)) {
      skip();
      static const char* ops[] = {"<<=", ">>=", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=", "="};
      for (const char* op : ops) {
        size_t len = strlen(op);
        if (s_.substr(pos_, len) == op && !(len == 1 && s_.substr(pos_, 2) == "==")) {
          pos_ += len;
          skip();
          size_t rhs_at = pos_;
          long long rhs = assign(ev);
          // bash reads the token after the value before it assigns, so a
          // stray character there fails before anything changes.
          std::string stray = stray_char_message("");
          if (!stray.empty()) fail(stray, pos_);
          if (!ev) return rhs;
          long long cur = len == 1 ? 0 : get_lvalue(lv);
          long long v = rhs;
          switch (op[0]) {
            case '+': v = wrap_add(cur, rhs); break;
            case '-': v = wrap_sub(cur, rhs); break;
            case '*': v = wrap_mul(cur, rhs); break;
            case '/':
            case '%':
              if (rhs == 0) fail("division by 0", rhs_at);
              v = wrap_div(cur, rhs, op[0] == '%');
              break;
            case '<': v = wrap_shl(cur, rhs); break;
            case '>': v = cur >> (rhs & 63); break;
            case '&': v = cur & rhs; break;
            case '^': v = cur ^ rhs; break;
            case '|': v = cur | rhs; break;
            default: break;
          }
          set_lvalue(lv, v);
          return v;
        }
      }
    }
    pos_ = save;
    long long v = cond(ev);
    if (at_assignment_op()) fail("attempted assignment to non-variable", pos_);
    return v;
  }

  long long cond(bool ev) {
    long long c = logor(ev);
    if (take("?")) {
      skip();
      if (pos_ >= s_.size() || s_[pos_] == ':') fail("expression expected", pos_ >= s_.size() ? pos_ : pos_);
      long long a = comma(ev && c);
      if (!take(":")) fail(stray_char_message("`:' expected for conditional expression"), pos_);
      skip();
      if (pos_ >= s_.size()) fail("expression expected", pos_);
      long long b = cond(ev && !c);
      return c ? a : b;
    }
    return c;
  }
  long long logor(bool ev) {
    long long v = logand(ev);
    while (peek("||")) {
      pos_ += 2;
      long long r = logand(ev && !v);
      v = v || r;
    }
    return v;
  }
  long long logand(bool ev) {
    long long v = bitor_(ev);
    while (peek("&&")) {
      pos_ += 2;
      long long r = bitor_(ev && v);
      v = v && r;
    }
    return v;
  }
  long long bitor_(bool ev) {
    long long v = bitxor(ev);
    while (peek("|") && !peek("||") && !peek("|=")) {
      ++pos_;
      v |= bitxor(ev);
    }
    return v;
  }
  long long bitxor(bool ev) {
    long long v = bitand_(ev);
    while (peek("^") && !peek("^=")) {
      ++pos_;
      v ^= bitand_(ev);
    }
    return v;
  }
  long long bitand_(bool ev) {
    long long v = equality(ev);
    while (peek("&") && !peek("&&") && !peek("&=")) {
      ++pos_;
      v &= equality(ev);
    }
    return v;
  }
  long long equality(bool ev) {
    long long v = relational(ev);
    for (;;) {
      if (take("==")) v = v == relational(ev);
      else if (take("!=")) v = v != relational(ev);
      else return v;
    }
  }
  long long relational(bool ev) {
    long long v = shift(ev);
    for (;;) {
      if (take("<=")) v = v <= shift(ev);
      else if (take(">=")) v = v >= shift(ev);
      else if (peek("<") && !peek("<<")) {
        ++pos_;
        v = v < shift(ev);
      } else if (peek(">") && !peek(">>")) {
        ++pos_;
        v = v > shift(ev);
      } else return v;
    }
  }
  long long shift(bool ev) {
    long long v = additive(ev);
    for (;;) {
      if (peek("<<") && !peek("<<=")) {
        pos_ += 2;
        v = wrap_shl(v, additive(ev));
      } else if (peek(">>") && !peek(">>=")) {
        pos_ += 2;
        v = v >> (additive(ev) & 63);
      } else return v;
    }
  }
  long long additive(bool ev) {
    long long v = mult(ev);
    for (;;) {
      if (peek("+") && !peek("++") && !peek("+=")) {
        ++pos_;
        v = wrap_add(v, mult(ev));
      } else if (peek("-") && !peek("--") && !peek("-=")) {
        ++pos_;
        v = wrap_sub(v, mult(ev));
      } else return v;
    }
  }
  long long mult(bool ev) {
    long long v = power(ev);
    for (;;) {
      skip();
      if (peek("*") && !peek("**") && !peek("*=")) {
        ++pos_;
        v = wrap_mul(v, power(ev));
      } else if ((peek("/") && !peek("/=")) || (peek("%") && !peek("%="))) {
        char op = s_[pos_++];
        skip();
        size_t at = pos_;
        long long r = power(ev);
        if (!ev) continue;
        if (r == 0) fail("division by 0", at);
        v = wrap_div(v, r, op == '%');
      } else return v;
    }
  }
  long long power(bool ev) {
    long long base = unary(ev);
    if (peek("**") && !peek("**=")) {
      pos_ += 2;
      long long e = power(ev);
      skip();
      // bash checks the sign even where nothing is evaluated
      if (e < 0) fail("exponent less than 0", pos_);
      if (!ev) return 0;
      return wrap_pow(base, e);
    }
    return base;
  }
  long long unary(bool ev) {
    Nested level(*this);
    skip();
    if ((peek("++") || peek("--")) && name_follows(pos_ + 2)) {
      pos_ += 2;
      bool inc = s_[pos_ - 1] == '+';
      LValue lv;
      if (!parse_name(lv, ev)) fail("syntax error: operand expected", pos_);
      if (!ev) return 0;
      long long v = wrap_add(get_lvalue(lv), inc ? 1 : -1);
      set_lvalue(lv, v);
      return v;
    }
    if (take("!")) return !unary(ev);
    if (take("~")) return ~unary(ev);
    if (take("-")) return wrap_sub(0, unary(ev));
    if (take("+")) return unary(ev);
    return postfix(ev);
  }
  // `++`/`--` is an increment only before a name; `++3` is `+(+3)`.
  bool name_follows(size_t at) const {
    while (at < s_.size() && isspace(static_cast<unsigned char>(s_[at]))) ++at;
    return at < s_.size() && (isalpha(static_cast<unsigned char>(s_[at])) || s_[at] == '_');
  }
  long long postfix(bool ev) {
    skip();
    size_t save = pos_;
    LValue lv;
    if (parse_name(lv, ev)) {
      skip();
      if (peek("++") || peek("--")) {
        bool inc = s_[pos_] == '+';
        pos_ += 2;
        if (!ev) return 0;
        long long v = get_lvalue(lv);
        set_lvalue(lv, wrap_add(v, inc ? 1 : -1));
        return v;
      }
      return ev ? get_lvalue(lv) : 0;
    }
    pos_ = save;
    return primary(ev);
  }
  long long primary(bool ev) {
    skip();
    if (pos_ >= s_.size()) fail("syntax error: operand expected", pos_);
    if (s_[pos_] == '(') {
      ++pos_;
      long long v = comma(ev);
      if (!take(")")) fail(stray_char_message("missing `)'"), pos_);
      return v;
    }
    if (isdigit(static_cast<unsigned char>(s_[pos_]))) return number();
    fail("syntax error: operand expected", pos_);
  }
  long long number() {
    size_t start = pos_;
    while (pos_ < s_.size() && (isalnum(static_cast<unsigned char>(s_[pos_])) || s_[pos_] == '#' || s_[pos_] == '@' || s_[pos_] == '_'))
      ++pos_;
    std::string tok(s_.substr(start, pos_ - start));
    // Errors in a constant quote the expression only up to its end.
    auto bad = [&](const char* msg) {
      std::string_view expr = s_.substr(0, pos_);
      while (!expr.empty() && (expr.front() == ' ' || expr.front() == '\t')) expr.remove_prefix(1);
      throw ArithError{std::string(expr) + ": " + msg + " (error token is \"" + tok + "\")"};
    };
    int base = 10;
    std::string digits = tok;
    size_t hash = tok.find('#');
    if (hash != std::string::npos) {
      base = 0;
      if (tok[0] == '0') bad("invalid number");  // 0x10#1, 02#1: a base already given
      for (char c : tok.substr(0, hash)) {
        int d = isdigit(static_cast<unsigned char>(c)) ? c - '0' : 99;
        if (d >= 10) bad("value too great for base");
        base = std::min(base * 10 + d, 1000);
      }
      digits = tok.substr(hash + 1);
      if (base < 2 || base > 64) bad("invalid arithmetic base");
      if (digits.empty() || digits[0] == '#') bad("invalid integer constant");
      if (digits.find('#') != std::string::npos) bad("invalid number");
    } else if (tok.size() > 1 && tok[0] == '0' && (tok[1] == 'x' || tok[1] == 'X')) {
      base = 16;
      digits = tok.substr(2);
    } else if (tok.size() > 1 && tok[0] == '0') {
      base = 8;
      digits = tok.substr(1);
    }
    unsigned long long v = 0;
    for (char c : digits) {
      int d;
      if (isdigit(static_cast<unsigned char>(c))) d = c - '0';
      else if (c >= 'a' && c <= 'z') d = c - 'a' + 10;
      else if (c >= 'A' && c <= 'Z') d = base <= 36 ? c - 'A' + 10 : c - 'A' + 36;
      else if (c == '@') d = 62;
      else if (c == '_') d = 63;
      else d = 99;
      if (d >= base) bad("value too great for base");
      v = v * base + d;
    }
    return static_cast<long long>(v);
  }

  Interp& sh_;
  std::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

long long Interp::arith_eval(std::string_view expr) {
  Arith a(*this, expr);
  return a.run();
}

}  // namespace burrow::shell
