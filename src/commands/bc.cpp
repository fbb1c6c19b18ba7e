// bc: an arbitrary precision calculator language (GNU bc 1.07). The
// language is parsed into a small tree and evaluated over bc::Number; the
// math library (-l) is written in bc itself, below, and loaded first.
#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <memory>
#include <vector>

#include "process/stack_guard.h"
#include "commands/args.h"
#include "commands/bc/number.h"

namespace burrow {
namespace {

using bc::BcError;
using bc::Number;

enum Opt { kMathLib, kQuiet, kStandard, kWarn };

constexpr OptionSpec kOptions[] = {
    {kMathLib, 'l', "mathlib", ArgKind::kNone, "use the predefined math routines"},
    {kQuiet, 'q', "quiet", ArgKind::kNone, "don't print initial banner"},
    {kStandard, 's', "standard", ArgKind::kNone, "non-standard bc constructs are errors"},
    {kWarn, 'w', "warn", ArgKind::kNone, "warn about non-standard bc constructs"},
};

constexpr CommandSpec kSpec{
    .usage = "usage: bc [options] [file ...]",
    .description = "An arbitrary precision calculator language.",
    .options = kOptions,
};

// The math library, our own series: each function works at a higher scale
// and truncates to the caller's.
constexpr const char* kMathLibrary = R"bc(
scale = 20
define e(x) {
  auto a, b, f, i, k, s, t, v
  if (x < 0) { s = scale; scale = s + 10; v = 1 / e(-x); scale = s; return (v / 1) }
  s = scale; scale = s + 12
  k = 0
  while (x > 1) { x = x / 2; k = k + 1 }
  a = 1; t = 1; f = 1
  for (i = 1; 1; i++) { t = t * x / i; if (t == 0) break; a = a + t }
  while (k > 0) { a = a * a; k = k - 1 }
  scale = s
  return (a / 1)
}
define l(x) {
  auto k, s, u, v, t, a, i
  if (x <= 0) { return ((1 - 10 ^ scale) / 1) }
  s = scale; scale = s + 12
  k = 0
  while (x > 2) { x = sqrt(x); k = k + 1 }
  while (x < .5) { x = sqrt(x); k = k + 1 }
  u = (x - 1) / (x + 1); v = u * u; a = u; t = u
  for (i = 3; 1; i += 2) { t = t * v; if (t / i == 0) break; a = a + t / i }
  a = 2 * a * 2 ^ k
  scale = s
  return (a / 1)
}
define a(x) {
  auto k, s, v, t, r, i, n
  n = 0
  if (x < 0) { n = 1; x = -x }
  s = scale; scale = s + 12
  k = 0
  while (x > .2) { x = x / (1 + sqrt(1 + x * x)); k = k + 1 }
  v = x * x; r = x; t = x
  for (i = 3; 1; i += 2) { t = -t * v; if (t / i == 0) break; r = r + t / i }
  r = r * 2 ^ k
  if (n) r = -r
  scale = s
  return (r / 1)
}
define s(x) {
  auto s, p, v, t, r, i, n
  s = scale; scale = s + 12
  p = 4 * a(1)
  n = 0
  if (x < 0) { n = 1; x = -x }
  scale = 0; i = x / (2 * p); scale = s + 12
  x = x - i * 2 * p
  v = x * x; r = x; t = x
  for (i = 3; 1; i += 2) { t = -t * v / ((i - 1) * i); if (t == 0) break; r = r + t }
  if (n) r = -r
  scale = s
  return (r / 1)
}
define c(x) {
  auto s, p, v, t, r, i
  s = scale; scale = s + 12
  p = 4 * a(1)
  if (x < 0) x = -x
  scale = 0; i = x / (2 * p); scale = s + 12
  x = x - i * 2 * p
  v = x * x; r = 1; t = 1
  for (i = 2; 1; i += 2) { t = -t * v / ((i - 1) * i); if (t == 0) break; r = r + t }
  scale = s
  return (r / 1)
}
define j(n, x) {
  auto s, h, t, r, k, f, m
  s = scale; scale = s + 12
  if (n < 0) { n = -n; if (n % 2 == 1) { scale = s; return (-j(n, x) / 1) } }
  scale = 0; n = n / 1; scale = s + 12
  h = x / 2; f = 1
  for (k = 1; k <= n; k++) f = f * k
  t = h ^ n / f; r = t
  for (k = 1; 1; k++) { t = -t * h * h / (k * (k + n)); if (t == 0) break; r = r + t }
  scale = s
  return (r / 1)
}
)bc";

// ---- syntax ---------------------------------------------------------------

enum class Tok { kEnd, kNewline, kNumber, kName, kString, kOp, kLBrace, kRBrace, kLParen, kRParen, kLBracket,
                 kRBracket, kComma, kSemicolon };

struct Token {
  Tok kind;
  std::string text;
  int line = 1;
};

std::vector<Token> tokenize(const std::string& src) {
  std::vector<Token> out;
  int line = 1;
  for (size_t i = 0; i < src.size();) {
    char c = src[i];
    if (c == '\\' && i + 1 < src.size() && src[i + 1] == '\n') {
      i += 2;
      ++line;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
      continue;
    }
    if (c == '#') {
      while (i < src.size() && src[i] != '\n') ++i;
      continue;
    }
    if (c == '/' && i + 1 < src.size() && src[i + 1] == '*') {
      size_t end = src.find("*/", i + 2);
      if (end == std::string::npos) throw BcError("comment end not found");
      for (size_t k = i; k < end; ++k) line += src[k] == '\n';
      i = end + 2;
      continue;
    }
    if (c == '\n') {
      out.push_back({Tok::kNewline, "\n", line++});
      ++i;
      continue;
    }
    if (isdigit(static_cast<unsigned char>(c)) || (c >= 'A' && c <= 'Z') || c == '.') {
      if (c == '.' && !(i + 1 < src.size() && isdigit(static_cast<unsigned char>(src[i + 1])))) {
        out.push_back({Tok::kName, "last", line});
        ++i;
        continue;
      }
      std::string num;
      while (i < src.size()) {
        char d = src[i];
        if (d == '\\' && i + 1 < src.size() && src[i + 1] == '\n') {
          i += 2;
          ++line;
          continue;
        }
        if (!(isdigit(static_cast<unsigned char>(d)) || (d >= 'A' && d <= 'Z') || d == '.')) break;
        if (d == '.' && num.find('.') != std::string::npos) break;
        num += d;
        ++i;
      }
      out.push_back({Tok::kNumber, num, line});
      continue;
    }
    if (islower(static_cast<unsigned char>(c)) || c == '_') {
      std::string name;
      while (i < src.size() && (islower(static_cast<unsigned char>(src[i])) || isdigit(static_cast<unsigned char>(src[i])) || src[i] == '_'))
        name += src[i++];
      out.push_back({Tok::kName, name, line});
      continue;
    }
    if (c == '"') {
      size_t end = src.find('"', i + 1);
      if (end == std::string::npos) throw BcError("string end not found");
      std::string s = src.substr(i + 1, end - i - 1);
      for (char ch : s) line += ch == '\n';
      out.push_back({Tok::kString, s, line});
      i = end + 1;
      continue;
    }
    static const char* kOps[] = {"++", "--", "+=", "-=", "*=", "/=", "%=", "^=", "==", "<=", ">=", "!=", "&&", "||",
                                 "+", "-", "*", "/", "%", "^", "=", "<", ">", "!"};
    bool matched = false;
    for (const char* op : kOps) {
      size_t n = strlen(op);
      if (src.compare(i, n, op) == 0) {
        out.push_back({Tok::kOp, op, line});
        i += n;
        matched = true;
        break;
      }
    }
    if (matched) continue;
    Tok k;
    switch (c) {
      case '{': k = Tok::kLBrace; break;
      case '}': k = Tok::kRBrace; break;
      case '(': k = Tok::kLParen; break;
      case ')': k = Tok::kRParen; break;
      case '[': k = Tok::kLBracket; break;
      case ']': k = Tok::kRBracket; break;
      case ',': k = Tok::kComma; break;
      case ';': k = Tok::kSemicolon; break;
      default: throw BcError(std::string("illegal character: ") + c);
    }
    out.push_back({k, std::string(1, c), line});
    ++i;
  }
  out.push_back({Tok::kEnd, "", line});
  return out;
}

struct Node;
using NodePtr = std::shared_ptr<Node>;

enum class NodeKind {
  kNumber, kVar, kElement, kCall, kUnary, kBinary, kAssign, kIncDec, kAnd, kOr, kNot,
  kBuiltin,  // length, sqrt, scale, read
  // statements
  kExpr, kString, kPrint, kBlock, kIf, kWhile, kFor, kBreak, kContinue, kReturn, kQuit, kHalt, kEmpty
};

struct Node {
  NodeKind kind;
  std::string text;  // number text, name, operator, string
  std::vector<NodePtr> kids;
  bool prefix = false;  // ++x rather than x++
  Number value;         // parsed constant (at ibase when parsed)
};

struct Function {
  std::vector<std::string> params;
  std::vector<bool> param_is_array;
  std::vector<std::string> autos;
  std::vector<bool> auto_is_array;
  NodePtr body;
};

class Parser {
 public:
  Parser(std::vector<Token> toks, std::map<std::string, Function>& functions)
      : t_(std::move(toks)), functions_(functions) {}

  // The source line the last statement returned by next_statement began on.
  int line() const { return line_; }

  // Parses the next statement at top level; null at the end.
  NodePtr next_statement() {
    skip_separators();
    line_ = peek().line;
    if (peek().kind == Tok::kEnd) return nullptr;
    if (is_name("define")) {
      define();
      return std::make_shared<Node>(Node{NodeKind::kEmpty});
    }
    NodePtr s = statement();
    if (peek().kind != Tok::kNewline && peek().kind != Tok::kSemicolon && peek().kind != Tok::kEnd &&
        peek().kind != Tok::kRBrace)
      syntax_error();
    return s;
  }

 private:
  const Token& peek(size_t ahead = 0) const { return t_[std::min(pos_ + ahead, t_.size() - 1)]; }
  Token take() { return t_[std::min(pos_++, t_.size() - 1)]; }
  bool is_name(const char* n) const { return peek().kind == Tok::kName && peek().text == n; }
  bool is_op(const char* op) const { return peek().kind == Tok::kOp && peek().text == op; }
  [[noreturn]] void syntax_error() {
    throw BcError("(standard_in) " + std::to_string(peek().line) + ": syntax error");
  }
  void expect(Tok k) {
    if (peek().kind != k) syntax_error();
    ++pos_;
  }
  void skip_separators() {
    while (peek().kind == Tok::kNewline || peek().kind == Tok::kSemicolon) ++pos_;
  }
  void skip_newlines() {
    while (peek().kind == Tok::kNewline) ++pos_;
  }

  static NodePtr node(NodeKind k, std::string text = {}, std::vector<NodePtr> kids = {}) {
    auto n = std::make_shared<Node>();
    n->kind = k;
    n->text = std::move(text);
    n->kids = std::move(kids);
    return n;
  }

  void define() {
    ++pos_;
    if (peek().kind != Tok::kName) syntax_error();
    std::string name = take().text;
    Function f;
    expect(Tok::kLParen);
    while (peek().kind != Tok::kRParen) {
      if (peek().kind != Tok::kName) syntax_error();
      f.params.push_back(take().text);
      bool arr = false;
      if (peek().kind == Tok::kLBracket) {
        ++pos_;
        expect(Tok::kRBracket);
        arr = true;
      }
      f.param_is_array.push_back(arr);
      if (peek().kind == Tok::kComma) ++pos_;
    }
    ++pos_;
    skip_newlines();
    expect(Tok::kLBrace);
    skip_separators();
    if (is_name("auto")) {
      ++pos_;
      while (peek().kind == Tok::kName) {
        f.autos.push_back(take().text);
        bool arr = false;
        if (peek().kind == Tok::kLBracket) {
          ++pos_;
          expect(Tok::kRBracket);
          arr = true;
        }
        f.auto_is_array.push_back(arr);
        if (peek().kind == Tok::kComma) ++pos_;
      }
    }
    f.body = block_rest();
    functions_[name] = std::move(f);
  }

  // Statements up to the closing brace (the opening one already taken).
  NodePtr block_rest() {
    NodePtr b = node(NodeKind::kBlock);
    for (;;) {
      skip_separators();
      if (peek().kind == Tok::kRBrace) {
        ++pos_;
        return b;
      }
      if (peek().kind == Tok::kEnd) syntax_error();
      b->kids.push_back(statement());
    }
  }

  NodePtr statement() {
    const Token& t = peek();
    if (t.kind == Tok::kLBrace) {
      ++pos_;
      return block_rest();
    }
    if (t.kind == Tok::kString) return node(NodeKind::kString, take().text);
    if (t.kind == Tok::kName) {
      if (t.text == "if") {
        ++pos_;
        expect(Tok::kLParen);
        NodePtr cond = expression();
        expect(Tok::kRParen);
        skip_newlines();
        NodePtr then = statement();
        size_t save = pos_;
        skip_separators();
        if (is_name("else")) {
          ++pos_;
          skip_newlines();
          return node(NodeKind::kIf, "", {cond, then, statement()});
        }
        pos_ = save;
        return node(NodeKind::kIf, "", {cond, then});
      }
      if (t.text == "while") {
        ++pos_;
        expect(Tok::kLParen);
        NodePtr cond = expression();
        expect(Tok::kRParen);
        skip_newlines();
        return node(NodeKind::kWhile, "", {cond, statement()});
      }
      if (t.text == "for") {
        ++pos_;
        expect(Tok::kLParen);
        NodePtr init = peek().kind == Tok::kSemicolon ? nullptr : expression();
        expect(Tok::kSemicolon);
        NodePtr cond = peek().kind == Tok::kSemicolon ? nullptr : expression();
        expect(Tok::kSemicolon);
        NodePtr step = peek().kind == Tok::kRParen ? nullptr : expression();
        expect(Tok::kRParen);
        skip_newlines();
        return node(NodeKind::kFor, "", {init, cond, step, statement()});
      }
      if (t.text == "break") return ++pos_, node(NodeKind::kBreak);
      if (t.text == "continue") return ++pos_, node(NodeKind::kContinue);
      if (t.text == "quit") return ++pos_, node(NodeKind::kQuit);
      if (t.text == "halt") return ++pos_, node(NodeKind::kHalt);
      if (t.text == "return") {
        ++pos_;
        if (peek().kind == Tok::kNewline || peek().kind == Tok::kSemicolon || peek().kind == Tok::kRBrace ||
            peek().kind == Tok::kEnd)
          return node(NodeKind::kReturn);
        return node(NodeKind::kReturn, "", {expression()});
      }
      if (t.text == "print") {
        ++pos_;
        NodePtr p = node(NodeKind::kPrint);
        for (;;) {
          if (peek().kind == Tok::kString) p->kids.push_back(node(NodeKind::kString, take().text));
          else p->kids.push_back(expression());
          if (peek().kind != Tok::kComma) break;
          ++pos_;
        }
        return p;
      }
    }
    if (t.kind == Tok::kNewline || t.kind == Tok::kSemicolon) return node(NodeKind::kEmpty);
    return node(NodeKind::kExpr, "", {expression()});
  }

  NodePtr expression() { return or_expr(); }
  NodePtr or_expr() {
    NodePtr l = and_expr();
    while (is_op("||")) {
      ++pos_;
      l = node(NodeKind::kOr, "", {l, and_expr()});
    }
    return l;
  }
  NodePtr and_expr() {
    NodePtr l = not_expr();
    while (is_op("&&")) {
      ++pos_;
      l = node(NodeKind::kAnd, "", {l, not_expr()});
    }
    return l;
  }
  NodePtr not_expr() {
    if (is_op("!")) {
      ++pos_;
      return node(NodeKind::kNot, "", {not_expr()});
    }
    return relational();
  }
  NodePtr relational() {
    NodePtr l = assignment();
    while (peek().kind == Tok::kOp && (peek().text == "<" || peek().text == ">" || peek().text == "<=" ||
                                       peek().text == ">=" || peek().text == "==" || peek().text == "!=")) {
      std::string op = take().text;
      l = node(NodeKind::kBinary, op, {l, assignment()});
    }
    return l;
  }
  static bool is_lvalue(const NodePtr& n) {
    return n->kind == NodeKind::kVar || n->kind == NodeKind::kElement;
  }
  NodePtr assignment() {
    NodePtr l = additive();
    if (peek().kind == Tok::kOp && (peek().text == "=" || peek().text == "+=" || peek().text == "-=" ||
                                    peek().text == "*=" || peek().text == "/=" || peek().text == "%=" ||
                                    peek().text == "^=")) {
      if (!is_lvalue(l)) syntax_error();
      std::string op = take().text;
      return node(NodeKind::kAssign, op, {l, assignment()});
    }
    return l;
  }
  NodePtr additive() {
    NodePtr l = multiplicative();
    while (is_op("+") || is_op("-")) {
      std::string op = take().text;
      l = node(NodeKind::kBinary, op, {l, multiplicative()});
    }
    return l;
  }
  NodePtr multiplicative() {
    NodePtr l = power();
    while (is_op("*") || is_op("/") || is_op("%")) {
      std::string op = take().text;
      l = node(NodeKind::kBinary, op, {l, power()});
    }
    return l;
  }
  NodePtr power() {
    NodePtr l = unary();
    if (is_op("^")) {
      ++pos_;
      return node(NodeKind::kBinary, "^", {l, power()});
    }
    return l;
  }
  NodePtr unary() {
    if (is_op("-")) {
      ++pos_;
      return node(NodeKind::kUnary, "-", {unary()});
    }
    if (is_op("++") || is_op("--")) {
      std::string op = take().text;
      NodePtr target = postfix();
      if (!is_lvalue(target)) syntax_error();
      NodePtr n = node(NodeKind::kIncDec, op, {target});
      n->prefix = true;
      return n;
    }
    return postfix();
  }
  NodePtr postfix() {
    NodePtr p = primary();
    if ((is_op("++") || is_op("--")) && is_lvalue(p)) return node(NodeKind::kIncDec, take().text, {p});
    return p;
  }
  NodePtr primary() {
    Token t = take();
    switch (t.kind) {
      case Tok::kNumber: return node(NodeKind::kNumber, t.text);
      case Tok::kLParen: {
        if (stack_nearly_exhausted()) throw BcError("expression nested too deeply");
        NodePtr e = expression();
        expect(Tok::kRParen);
        return e;
      }
      case Tok::kName: {
        if (t.text == "length" || t.text == "sqrt" || t.text == "scale") {
          if (peek().kind == Tok::kLParen) {
            ++pos_;
            NodePtr arg = expression();
            expect(Tok::kRParen);
            return node(NodeKind::kBuiltin, t.text, {arg});
          }
        }
        if (t.text == "read" && peek().kind == Tok::kLParen) {
          ++pos_;
          expect(Tok::kRParen);
          return node(NodeKind::kBuiltin, "read");
        }
        if (peek().kind == Tok::kLParen) {
          ++pos_;
          NodePtr call = node(NodeKind::kCall, t.text);
          while (peek().kind != Tok::kRParen) {
            // An argument NAME[] passes a whole array.
            if (peek().kind == Tok::kName && peek(1).kind == Tok::kLBracket && peek(2).kind == Tok::kRBracket) {
              call->kids.push_back(node(NodeKind::kVar, take().text + "[]"));
              pos_ += 2;
            } else {
              call->kids.push_back(expression());
            }
            if (peek().kind == Tok::kComma) ++pos_;
            else if (peek().kind != Tok::kRParen) syntax_error();
          }
          ++pos_;
          return call;
        }
        if (peek().kind == Tok::kLBracket) {
          ++pos_;
          NodePtr index = expression();
          expect(Tok::kRBracket);
          return node(NodeKind::kElement, t.text, {index});
        }
        static const std::set<std::string> kKeywords = {"if", "else", "while", "for", "break", "continue", "quit",
                                                        "halt", "return", "define", "auto", "print"};
        if (kKeywords.count(t.text)) syntax_error();
        return node(NodeKind::kVar, t.text);
      }
      default: syntax_error();
    }
  }

  std::vector<Token> t_;
  size_t pos_ = 0;
  int line_ = 1;
  std::map<std::string, Function>& functions_;
};

// ---- evaluation -----------------------------------------------------------

struct Quit {};
struct Halt {};
struct BreakSignal {};
struct ContinueSignal {};
struct ReturnSignal {
  Number value;
};

using Array = std::map<long long, Number>;

class Machine {
 public:
  explicit Machine(Invocation& inv) : inv_(inv) {}

  std::map<std::string, Function> functions;

  void run_statement(const NodePtr& s) { exec(s, 0); }

 private:
  struct Frame {
    std::map<std::string, Number> vars;
    std::map<std::string, Array> arrays;
  };

  Number& var(const std::string& name) {
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
      auto v = it->vars.find(name);
      if (v != it->vars.end()) return v->second;
    }
    return globals_[name];
  }
  Array& array(const std::string& name) {
    for (auto it = frames_.rbegin(); it != frames_.rend(); ++it) {
      auto a = it->arrays.find(name);
      if (a != it->arrays.end()) return a->second;
    }
    return global_arrays_[name];
  }

  void check_cancel() {
    if (inv_.cancelled()) throw Quit{};
  }

  std::string format(const Number& n) {
    std::string text = n.to_string(obase_);
    // GNU bc breaks lines longer than 70 characters with a backslash.
    // Each line holds line_length - 2 characters and the backslash.
    if (line_length_ < 3 || text.size() <= static_cast<size_t>(line_length_ - 2)) return text;
    std::string out;
    size_t per = line_length_ - 2;
    for (size_t i = 0; i < text.size(); i += per) {
      if (i) out += "\\\n";
      out += text.substr(i, per);
    }
    return out;
  }

  void exec(const NodePtr& s, int depth) {
    check_cancel();
    switch (s->kind) {
      case NodeKind::kEmpty: return;
      case NodeKind::kExpr: {
        const NodePtr& e = s->kids[0];
        Number v = eval(e, depth);
        if (e->kind != NodeKind::kAssign) {
          inv_.out() << format(v) << "\n";
          last_ = v;
        }
        return;
      }
      case NodeKind::kString: inv_.out() << unescape(s->text, false); return;
      case NodeKind::kPrint:
        for (const NodePtr& k : s->kids) {
          if (k->kind == NodeKind::kString) inv_.out() << unescape(k->text, true);
          else {
            Number v = eval(k, depth);
            last_ = v;
            inv_.out() << format(v);
          }
        }
        return;
      case NodeKind::kBlock:
        for (const NodePtr& k : s->kids) exec(k, depth);
        return;
      case NodeKind::kIf:
        if (!eval(s->kids[0], depth).is_zero()) exec(s->kids[1], depth);
        else if (s->kids.size() > 2) exec(s->kids[2], depth);
        return;
      case NodeKind::kWhile:
        while (!eval(s->kids[0], depth).is_zero()) {
          check_cancel();
          try {
            exec(s->kids[1], depth);
          } catch (BreakSignal&) {
            break;
          } catch (ContinueSignal&) {
          }
        }
        return;
      case NodeKind::kFor:
        if (s->kids[0]) eval(s->kids[0], depth);
        for (;;) {
          check_cancel();
          if (s->kids[1] && eval(s->kids[1], depth).is_zero()) break;
          try {
            exec(s->kids[3], depth);
          } catch (BreakSignal&) {
            break;
          } catch (ContinueSignal&) {
          }
          if (s->kids[2]) eval(s->kids[2], depth);
        }
        return;
      case NodeKind::kBreak: throw BreakSignal{};
      case NodeKind::kContinue: throw ContinueSignal{};
      case NodeKind::kReturn:
        if (frames_.empty()) throw BcError("return outside a function");
        throw ReturnSignal{s->kids.empty() ? Number() : eval(s->kids[0], depth)};
      case NodeKind::kQuit: throw Quit{};
      case NodeKind::kHalt: throw Halt{};
      default: eval(s, depth); return;
    }
  }

  static std::string unescape(const std::string& s, bool escapes) {
    if (!escapes) return s;
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '\\' || i + 1 >= s.size()) {
        out += s[i];
        continue;
      }
      char c = s[++i];
      switch (c) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'r': out += '\r'; break;
        case 'q': out += '"'; break;
        case '\\': out += '\\'; break;
        default: out += '\\', out += c;
      }
    }
    return out;
  }

  Number get(const NodePtr& lv, int depth) {
    if (lv->kind == NodeKind::kVar) {
      if (lv->text == "scale") return Number::from_int(scale_);
      if (lv->text == "ibase") return Number::from_int(ibase_);
      if (lv->text == "obase") return Number::from_int(obase_);
      if (lv->text == "last") return last_;
      return var(lv->text);
    }
    long long index = eval(lv->kids[0], depth).to_int();
    if (index < 0 || index > 16777215) throw BcError("Array " + lv->text + " subscript out of bounds.");
    Array& a = array(lv->text);
    auto it = a.find(index);
    return it == a.end() ? Number() : it->second;
  }

  void set(const NodePtr& lv, const Number& v, int depth) {
    if (lv->kind == NodeKind::kVar) {
      if (lv->text == "scale") {
        long long s = v.to_int();
        if (s < 0 || s > 100000) throw BcError("Scale out of range");
        scale_ = static_cast<int>(s);
        return;
      }
      if (lv->text == "ibase") {
        long long b = v.to_int();
        ibase_ = static_cast<int>(std::clamp<long long>(b, 2, 16));
        return;
      }
      if (lv->text == "obase") {
        long long b = v.to_int();
        if (b < 2) throw BcError("Output base too small");
        obase_ = static_cast<int>(std::min<long long>(b, 999));
        return;
      }
      if (lv->text == "last") {
        last_ = v;
        return;
      }
      var(lv->text) = v;
      return;
    }
    long long index = eval(lv->kids[0], depth).to_int();
    if (index < 0 || index > 16777215) throw BcError("Array " + lv->text + " subscript out of bounds.");
    array(lv->text)[index] = v;
  }

  Number binary(const std::string& op, const Number& a, const Number& b) {
    if (op == "+") return Number::add(a, b);
    if (op == "-") return Number::sub(a, b);
    if (op == "*") return Number::mul(a, b, scale_);
    if (op == "/") return Number::div(a, b, scale_);
    if (op == "%") return Number::mod(a, b, scale_);
    if (op == "^") {
      if (b.frac_part().find_first_not_of('0') != std::string::npos)
        inv_.err() << "Runtime warning (func=(main), adr=0): non-zero scale in exponent\n";
      return Number::pow(a, b, scale_);
    }
    int c = Number::compare(a, b);
    bool r = op == "<" ? c < 0 : op == ">" ? c > 0 : op == "<=" ? c <= 0 : op == ">=" ? c >= 0 : op == "==" ? c == 0 : c != 0;
    return Number::from_int(r);
  }

  Number eval(const NodePtr& e, int depth) {
    if (stack_nearly_exhausted()) throw BcError("expression nested too deeply");
    switch (e->kind) {
      case NodeKind::kNumber:
        // Single-digit constants ignore ibase, as in GNU bc.
        return Number::parse(e->text, e->text.size() == 1 ? 16 : ibase_);
      case NodeKind::kVar:
      case NodeKind::kElement: return get(e, depth);
      case NodeKind::kUnary: return eval(e->kids[0], depth).neg();
      case NodeKind::kNot: return Number::from_int(eval(e->kids[0], depth).is_zero());
      case NodeKind::kAnd:
        return Number::from_int(!eval(e->kids[0], depth).is_zero() && !eval(e->kids[1], depth).is_zero());
      case NodeKind::kOr:
        return Number::from_int(!eval(e->kids[0], depth).is_zero() || !eval(e->kids[1], depth).is_zero());
      case NodeKind::kBinary: {
        Number a = eval(e->kids[0], depth);
        Number b = eval(e->kids[1], depth);
        return binary(e->text, a, b);
      }
      case NodeKind::kAssign: {
        Number v = eval(e->kids[1], depth);
        if (e->text != "=") v = binary(e->text.substr(0, 1), get(e->kids[0], depth), v);
        set(e->kids[0], v, depth);
        return get(e->kids[0], depth);
      }
      case NodeKind::kIncDec: {
        Number old = get(e->kids[0], depth);
        Number now = e->text == "++" ? Number::add(old, Number::from_int(1)) : Number::sub(old, Number::from_int(1));
        set(e->kids[0], now, depth);
        return e->prefix ? get(e->kids[0], depth) : old;
      }
      case NodeKind::kBuiltin: {
        if (e->text == "read") {
          std::string line;
          if (!inv_.in().read_line(line)) throw BcError("read() end of file");
          return Number::parse(line, ibase_);
        }
        Number v = eval(e->kids[0], depth);
        if (e->text == "length") return Number::from_int(v.length());
        if (e->text == "scale") return Number::from_int(v.scale());
        return Number::sqrt(v, scale_);
      }
      case NodeKind::kCall: return call(e, depth);
      default: throw BcError("syntax error");
    }
  }

  Number call(const NodePtr& e, int depth) {
    auto it = functions.find(e->text);
    if (it == functions.end()) throw BcError("Function " + e->text + " not defined.");
    const Function& f = it->second;
    if (f.params.size() != e->kids.size()) throw BcError("Parameter number mismatch");
    if (depth > 2000 || stack_nearly_exhausted()) throw BcError("function recursion too deep");
    Frame frame;
    for (size_t i = 0; i < f.params.size(); ++i) {
      if (f.param_is_array[i]) {
        const std::string& arg = e->kids[i]->text;
        if (e->kids[i]->kind != NodeKind::kVar || arg.size() < 3) throw BcError("Parameter type mismatch");
        frame.arrays[f.params[i]] = array(arg.substr(0, arg.size() - 2));
      } else {
        frame.vars[f.params[i]] = eval(e->kids[i], depth);
      }
    }
    for (size_t i = 0; i < f.autos.size(); ++i) {
      if (f.auto_is_array[i]) frame.arrays[f.autos[i]] = Array();
      else frame.vars[f.autos[i]] = Number();
    }
    frames_.push_back(std::move(frame));
    Number result;
    try {
      exec(f.body, depth + 1);
    } catch (ReturnSignal& r) {
      result = r.value;
    } catch (...) {
      frames_.pop_back();
      throw;
    }
    frames_.pop_back();
    return result;
  }

  Invocation& inv_;
  std::map<std::string, Number> globals_;
  std::map<std::string, Array> global_arrays_;
  std::vector<Frame> frames_;
  Number last_;
  int scale_ = 0, ibase_ = 10, obase_ = 10;
  int line_length_ = 70;

 public:
  void set_scale(int s) { scale_ = s; }
  void set_line_length(int n) { line_length_ = n; }
};

// Runs one source text; false after quit/halt.
bool run_source(Invocation& inv, Machine& m, const std::string& src, const std::string& where) {
  std::vector<Token> toks;
  try {
    toks = tokenize(src);
  } catch (BcError& err) {
    inv.err() << where << ": " << err.what() << "\n";
    return true;
  }
  Parser parser(std::move(toks), m.functions);
  int failed_line = 0;  // a runtime error abandons the rest of its line
  for (;;) {
    NodePtr s;
    try {
      s = parser.next_statement();
    } catch (BcError& err) {
      inv.err() << err.what() << "\n";
      return true;
    }
    if (!s) return true;
    if (parser.line() == failed_line) continue;
    try {
      m.run_statement(s);
    } catch (Quit&) {
      return false;
    } catch (Halt&) {
      return false;
    } catch (BreakSignal&) {
    } catch (ContinueSignal&) {
    } catch (BcError& err) {
      inv.err() << "Runtime error (func=(main), adr=0): " << err.what() << "\n";
      failed_line = parser.line();
    }
  }
}

int run_bc(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Machine machine(inv);
  if (auto it = inv.env ? inv.env->find("BC_LINE_LENGTH") : Environment::const_iterator(); inv.env && it != inv.env->end()) {
    int n = std::atoi(it->second.c_str());
    machine.set_line_length(n == 0 ? 0 : n < 2 ? 70 : n);
  }
  if (args.has(kMathLib)) {
    run_source(inv, machine, kMathLibrary, "(library)");
    machine.set_scale(20);
  }
  for (const std::string& file : args.operands) {
    std::string text;
    if (vfs::Error err = vfs::read_file(*inv.fs, inv.path(file), text)) {
      inv.err() << "File " << file << " is unavailable.\n";
      return 1;
    }
    if (!run_source(inv, machine, text, "(standard_in) 1")) return 0;
  }
  std::string text;
  inv.in().read_all(text);
  run_source(inv, machine, text, "(standard_in) 1");
  return 0;
}

}  // namespace

BURROW_COMMAND(bc, "an arbitrary precision calculator language", run_bc);

}  // namespace burrow
