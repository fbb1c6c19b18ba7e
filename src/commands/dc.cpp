// dc: the reverse-polish desk calculator (GNU dc 1.4). Numbers are bc's
// arbitrary-precision decimals (commands/bc/number.h); macros run on an
// explicit frame stack, with GNU's tail-call elimination, so a looping
// macro costs no host stack and stops when the session is cancelled.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "commands/bc/number.h"
#include "commands/command.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

using bc::BcError;
using bc::Number;

// Protections GNU dc does not have: a runaway program ends with an error
// instead of exhausting the server's memory.
constexpr size_t kMaxStackDepth = 1'000'000;
constexpr size_t kMaxMacroDepth = 100'000;

struct Value {
  bool is_string = false;
  Number num;
  std::string str;

  static Value of(Number n) { return Value{false, std::move(n), {}}; }
  static Value of(std::string s) { return Value{true, Number(), std::move(s)}; }
};

// One level of a register's stack: its value and its array.
struct RegisterEntry {
  Value value;
  std::map<long long, Value> array;
};

// An error that dc reports as "dc: MESSAGE" and then goes on.
struct DcError {
  std::string message;
};

// Thrown to leave dc altogether (q at the top level, cancellation).
struct Exit {};

struct Frame {
  std::shared_ptr<const std::string> text;
  size_t pos = 0;
};

std::string octal_name(unsigned char c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%#o", c);
  return std::string("'") + static_cast<char>(c) + "' (" + buf + ")";
}

class Machine {
 public:
  explicit Machine(Invocation& inv) : inv_(inv) {
    if (inv.env) {
      auto it = inv.env->find("DC_LINE_LENGTH");
      if (it != inv.env->end()) {
        int n = std::atoi(it->second.c_str());
        line_length_ = n == 0 ? 0 : n < 2 ? 70 : n;
      }
    }
  }

  // Runs one top-level program text; throws Exit when dc should stop.
  void run(std::string text) {
    frames_.clear();
    frames_.push_back(Frame{std::make_shared<const std::string>(std::move(text)), 0});
    size_t steps = 0;
    while (!frames_.empty()) {
      if ((++steps & 0x3FF) == 0 && inv_.cancelled()) throw Exit{};
      Frame& f = frames_.back();
      if (f.pos >= f.text->size()) {
        frames_.pop_back();
        continue;
      }
      try {
        step();
      } catch (DcError& err) {
        inv_.out().flush();
        inv_.err() << "dc: " << err.message << "\n";
      } catch (BcError& err) {
        inv_.out().flush();
        inv_.err() << "dc: " << err.what() << "\n";
      }
    }
  }

 private:
  // --- the stack -----------------------------------------------------------
  void push(Value v) {
    if (stack_.size() >= kMaxStackDepth) throw DcError{"stack too deep"};
    stack_.push_back(std::move(v));
  }
  void push(Number n) { push(Value::of(std::move(n))); }
  void need(size_t n) {
    if (stack_.size() < n) throw DcError{"stack empty"};
  }
  Value pop() {
    need(1);
    Value v = std::move(stack_.back());
    stack_.pop_back();
    return v;
  }
  // The top n values, which must be numbers; they stay on the stack until
  // the operation succeeds, so that an error leaves them there, as in GNU dc.
  const Number& peek_number(size_t from_top) {
    const Value& v = stack_[stack_.size() - 1 - from_top];
    if (v.is_string) throw DcError{"non-numeric value"};
    return v.num;
  }
  void drop(size_t n) { stack_.resize(stack_.size() - n); }

  long long pop_int(const char* what_if_negative = nullptr) {
    Value v = pop();
    if (v.is_string) throw DcError{"non-numeric value"};
    if (what_if_negative && v.num.negative()) throw DcError{what_if_negative};
    return v.num.to_int();
  }

  // --- reading the program -------------------------------------------------
  Frame& frame() { return frames_.back(); }
  bool at_end() { return frame().pos >= frame().text->size(); }
  unsigned char next_char() {
    if (at_end()) throw DcError{"unexpected EOS"};
    return static_cast<unsigned char>((*frame().text)[frame().pos++]);
  }

  static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }

  // A number at the current position: [_]DIGITS[.DIGITS], the digits 0-9
  // and A-F taken at face value whatever the input radix (A is ten).
  Number read_number() {
    const std::string& t = *frame().text;
    size_t& p = frame().pos;
    bool negative = false;
    if (p < t.size() && t[p] == '_') negative = true, ++p;
    Number base = Number::from_int(ibase_), value;
    std::string decimal_int, decimal_frac;
    while (p < t.size() && digit_value(t[p]) >= 0) {
      value = Number::add(Number::mul(value, base, 0), Number::from_int(digit_value(t[p])));
      ++p;
    }
    if (p < t.size() && t[p] == '.') {
      ++p;
      Number fraction_digits, divisor = Number::from_int(1);
      int count = 0;
      while (p < t.size() && digit_value(t[p]) >= 0) {
        fraction_digits = Number::add(Number::mul(fraction_digits, base, 0), Number::from_int(digit_value(t[p])));
        divisor = Number::mul(divisor, base, 0);
        ++count;
        ++p;
      }
      if (count) value = Number::add(value, Number::div(fraction_digits, divisor, count));
    }
    return negative ? value.neg() : value;
  }

  std::string read_string() {
    const std::string& t = *frame().text;
    size_t& p = frame().pos;
    int depth = 1;
    size_t start = p;
    for (; p < t.size(); ++p) {
      if (t[p] == '[') ++depth;
      else if (t[p] == ']' && --depth == 0) break;
    }
    std::string s = t.substr(start, p - start);
    if (p < t.size()) ++p;  // the closing bracket; an unclosed string ends the text
    return s;
  }

  // --- output --------------------------------------------------------------
  std::string format(const Number& n) const {
    std::string text = n.to_string(obase_);
    // Lines longer than DC_LINE_LENGTH (70) end in a backslash.
    if (line_length_ < 2 || text.size() < static_cast<size_t>(line_length_)) return text;
    size_t per = line_length_ - 1;
    std::string out;
    for (size_t i = 0; i < text.size(); i += per) {
      if (i) out += "\\\n";
      out += text.substr(i, per);
    }
    return out;
  }
  void print(const Value& v, bool newline) {
    if (v.is_string) inv_.out() << v.str;
    else inv_.out() << format(v.num);
    if (newline) inv_.out() << '\n';
  }
  // P of a number: its integer part as a base-256 byte string.
  void print_bytes(const Number& n) {
    Number whole = Number::div(n.negative() ? n.neg() : n, Number::from_int(1), 0);
    std::string bytes;
    Number b256 = Number::from_int(256);
    do {
      Number q = Number::div(whole, b256, 0);
      bytes.insert(bytes.begin(), static_cast<char>(Number::sub(whole, Number::mul(q, b256, 0)).to_int()));
      whole = q;
    } while (!whole.is_zero());
    inv_.out() << bytes;
  }

  // --- macros --------------------------------------------------------------
  void call(const std::string& text) {
    // GNU dc drops a frame that has nothing left before calling: loops
    // written as tail calls run in constant space.
    if (at_end()) frames_.pop_back();
    if (frames_.size() >= kMaxMacroDepth) throw DcError{"macro nesting too deep"};
    frames_.push_back(Frame{std::make_shared<const std::string>(text), 0});
  }
  void execute(const Value& v) {
    if (v.is_string) call(v.str);
    else push(v);
  }
  // Leaves `levels` macro levels; the top-level text counts as one.
  void leave(size_t levels, bool may_exit) {
    if (levels >= frames_.size()) {
      if (may_exit) throw Exit{};
      levels = frames_.size() - 1;
    }
    frames_.resize(frames_.size() - levels);
  }

  std::vector<RegisterEntry>& reg(unsigned char name) { return registers_[name]; }

  void binary(Number (*op)(const Number&, const Number&, int)) {
    need(2);
    const Number& b = peek_number(0);
    const Number& a = peek_number(1);
    Number r = op(a, b, scale_);
    drop(2);
    push(std::move(r));
  }

  void compare(unsigned char op, bool negate) {
    unsigned char name = next_char();
    need(2);
    const Number& top = peek_number(0);
    const Number& second = peek_number(1);
    int c = Number::compare(top, second);
    drop(2);
    bool hit = op == '<' ? c < 0 : op == '>' ? c > 0 : c == 0;
    if (negate) hit = !hit;
    if (!hit) return;
    std::vector<RegisterEntry>& r = reg(name);
    execute(r.empty() ? Value::of(Number()) : r.back().value);
  }

  // Operands each one-character command needs. Checked before it runs, so
  // that junk input (a megabyte of `x`) reports "stack empty" without an
  // exception per byte; commands that read a register name are left out.
  static size_t operands_needed(unsigned char c) {
    switch (c) {
      case 'p': case 'n': case 'P': case 'd': case 'x': case 'v': case 'k': case 'i': case 'o':
      case 'Z': case 'X': case 'a':
        return 1;
      case '+': case '-': case '*': case '/': case '%': case '~': case '^': case 'r':
        return 2;
      case '|':
        return 3;
      default:
        return 0;
    }
  }

  void step() {
    unsigned char c = next_char();
    if (stack_.size() < operands_needed(c)) {
      inv_.out().flush();
      inv_.err() << "dc: stack empty\n";
      return;
    }
    switch (c) {
      case ' ': case '\t': case '\n': case '\r': case '\f': case '\v': return;
      case '#':
        while (!at_end() && next_char() != '\n') {
        }
        return;
      case '_': case '.':
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': case '8': case '9':
      case 'A': case 'B': case 'C': case 'D': case 'E': case 'F':
        --frame().pos;
        push(read_number());
        return;
      case '[': push(Value::of(read_string())); return;
      case 'p': need(1); print(stack_.back(), true); return;
      case 'n': print(pop(), false); return;
      case 'P': {
        Value v = pop();
        if (v.is_string) inv_.out() << v.str;
        else print_bytes(v.num);
        return;
      }
      case 'f':
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) print(*it, true);
        return;
      case 'c': stack_.clear(); return;
      case 'd': need(1); push(Value(stack_.back())); return;
      case 'r':
        if (stack_.size() >= 2) std::swap(stack_[stack_.size() - 1], stack_[stack_.size() - 2]);
        return;
      case '+': need(2); { Number r = Number::add(peek_number(1), peek_number(0)); drop(2); push(std::move(r)); } return;
      case '-': need(2); { Number r = Number::sub(peek_number(1), peek_number(0)); drop(2); push(std::move(r)); } return;
      case '*': binary(&Number::mul); return;
      case '/':
        need(2);
        peek_number(1);
        if (peek_number(0).is_zero()) throw DcError{"divide by zero"};
        binary(&Number::div);
        return;
      case '%':
        need(2);
        peek_number(1);
        if (peek_number(0).is_zero()) throw DcError{"remainder by zero"};
        binary(&Number::mod);
        return;
      case '~': {
        need(2);
        const Number& b = peek_number(0);
        const Number& a = peek_number(1);
        if (b.is_zero()) throw DcError{"divide by zero"};
        Number q = Number::div(a, b, scale_), r = Number::mod(a, b, scale_);
        drop(2);
        push(std::move(q));
        push(std::move(r));
        return;
      }
      case '^': {
        need(2);
        const Number& e = peek_number(0);
        const Number& a = peek_number(1);
        if (!e.frac_part().empty() && e.frac_part().find_first_not_of('0') != std::string::npos) {
          inv_.out().flush();
          inv_.err() << "Runtime warning: non-zero scale in exponent\n";
        }
        Number r = Number::pow(a, e, scale_);
        drop(2);
        push(std::move(r));
        return;
      }
      case '|': modular_power(); return;
      case 'v': {
        need(1);
        const Number& a = peek_number(0);
        if (a.negative()) throw DcError{"square root of negative number"};
        Number r = Number::sqrt(a, scale_);
        drop(1);
        push(std::move(r));
        return;
      }
      case 'k': {
        need(1);
        const Number& n = peek_number(0);
        if (n.negative()) {
          drop(1);
          throw DcError{"scale must be a nonnegative number"};
        }
        long long k = n.to_int();
        drop(1);
        if (k > 100000) throw DcError{"scale too large"};
        scale_ = static_cast<int>(k);
        return;
      }
      case 'K': push(Number::from_int(scale_)); return;
      case 'i': {
        need(1);
        const Number& n = peek_number(0);
        long long b = Number::compare(n, Number::from_int(16)) > 0 ? 17 : n.to_int();
        drop(1);
        if (b < 2 || b > 16) throw DcError{"input base must be a number between 2 and 16 (inclusive)"};
        ibase_ = static_cast<int>(b);
        return;
      }
      case 'I': push(Number::from_int(ibase_)); return;
      case 'o': {
        need(1);
        const Number& n = peek_number(0);
        long long b = Number::compare(n, Number::from_int(1'000'000)) > 0 ? 1'000'000 : n.to_int();
        drop(1);
        if (b < 2) throw DcError{"output base must be a number greater than 1"};
        obase_ = static_cast<int>(b);
        return;
      }
      case 'O': push(Number::from_int(obase_)); return;
      case 'z': push(Number::from_int(static_cast<long long>(stack_.size()))); return;
      case 'Z': {
        Value v = pop();
        if (v.is_string) push(Number::from_int(static_cast<long long>(v.str.size())));
        else push(Number::from_int(significant_digits(v.num)));
        return;
      }
      case 'X': {
        Value v = pop();
        push(Number::from_int(v.is_string ? 0 : v.num.scale()));
        return;
      }
      case 'a': {
        Value v = pop();
        if (v.is_string) push(Value::of(v.str.substr(0, 1)));
        else {
          Number whole = Number::div(v.num.negative() ? v.num.neg() : v.num, Number::from_int(1), 0);
          Number low = Number::mod(whole, Number::from_int(256), 0);
          push(Value::of(std::string(1, static_cast<char>(low.to_int()))));
        }
        return;
      }
      case 'x': execute(pop()); return;
      case '?': {
        std::string line;
        if (inv_.in().read_line(line)) call(line);
        return;
      }
      case 'q': leave(2, true); return;
      case 'Q': {
        need(1);
        const Number& n = peek_number(0);
        if (n.negative() || n.is_zero()) {
          drop(1);
          throw DcError{"Q command requires a number >= 1"};
        }
        long long levels = Number::compare(n, Number::from_int(1'000'000'000)) > 0 ? 1'000'000'000 : n.to_int();
        drop(1);
        leave(static_cast<size_t>(levels), false);
        return;
      }
      case 's': {
        unsigned char name = next_char();
        Value v = pop();
        std::vector<RegisterEntry>& r = reg(name);
        if (r.empty()) r.emplace_back();
        r.back().value = std::move(v);
        return;
      }
      case 'l': {
        std::vector<RegisterEntry>& r = reg(next_char());
        push(r.empty() ? Value::of(Number()) : r.back().value);
        return;
      }
      case 'S': {
        unsigned char name = next_char();
        Value v = pop();
        reg(name).push_back(RegisterEntry{std::move(v), {}});
        return;
      }
      case 'L': {
        unsigned char name = next_char();
        std::vector<RegisterEntry>& r = reg(name);
        if (r.empty()) throw DcError{"stack register " + octal_name(name) + " is empty"};
        push(std::move(r.back().value));
        r.pop_back();
        return;
      }
      case ':': {
        unsigned char name = next_char();
        long long index = pop_int("array index must be a nonnegative integer");
        Value v = pop();
        std::vector<RegisterEntry>& r = reg(name);
        if (r.empty()) r.emplace_back();
        r.back().array[index] = std::move(v);
        return;
      }
      case ';': {
        unsigned char name = next_char();
        long long index = pop_int("array index must be a nonnegative integer");
        std::vector<RegisterEntry>& r = reg(name);
        if (r.empty()) {
          push(Number());
          return;
        }
        auto it = r.back().array.find(index);
        push(it == r.back().array.end() ? Value::of(Number()) : it->second);
        return;
      }
      case '<': case '>': case '=': compare(c, false); return;
      case '!': {
        unsigned char op = next_char();
        if (op == '<' || op == '>' || op == '=') {
          compare(op, true);
          return;
        }
        // "!command" would run a shell command on the host: never here.
        while (!at_end() && next_char() != '\n') {
        }
        throw DcError{"running shell commands is not supported"};
      }
      default:
        inv_.out().flush();
        inv_.err() << "dc: ";
        inv_.err().flush();
        inv_.out() << octal_name(c) << " unimplemented\n";
        return;
    }
  }

  // Digits of the number without leading zeros, as GNU dc's Z counts them.
  static long long significant_digits(const Number& n) {
    std::string digits = n.int_part() + n.frac_part();
    size_t first = digits.find_first_not_of('0');
    if (first == std::string::npos) return 1;
    return static_cast<long long>(digits.size() - first);
  }

  // base exponent modulus | : base^exponent mod modulus, by squaring.
  void modular_power() {
    need(3);
    const Number& modulus = peek_number(0);
    const Number& exponent = peek_number(1);
    const Number& base = peek_number(2);
    if (modulus.is_zero()) throw DcError{"remainder by zero"};
    if (exponent.negative()) {
      // GNU dc leaves the modulus as the result of a negative exponent.
      Number m = modulus;
      drop(3);
      push(std::move(m));
      return;
    }
    Number e = Number::div(exponent, Number::from_int(1), 0);
    Number result = Number::from_int(1), b = Number::mod(base, modulus, scale_);
    Number two = Number::from_int(2);
    size_t rounds = 0;
    while (!e.is_zero()) {
      if ((++rounds & 0xFF) == 0 && inv_.cancelled()) throw Exit{};
      Number half = Number::div(e, two, 0);
      if (!Number::sub(e, Number::mul(half, two, 0)).is_zero()) {
        result = Number::mod(Number::mul(result, b, scale_), modulus, scale_);
      }
      b = Number::mod(Number::mul(b, b, scale_), modulus, scale_);
      e = half;
    }
    result = Number::mod(result, modulus, scale_);
    drop(3);
    push(std::move(result));
  }

  Invocation& inv_;
  std::vector<Value> stack_;
  std::map<unsigned char, std::vector<RegisterEntry>> registers_;
  std::vector<Frame> frames_;
  int scale_ = 0, ibase_ = 10, obase_ = 10;
  int line_length_ = 70;
};

// GNU dc writes the usage to the stream it is given but the bug-report
// line always to standard output.
void print_usage(Invocation& inv, OutStream& out) {
  out << "Usage: dc [OPTION] [file ...]\n"
         "  -e, --expression=EXPR    evaluate expression\n"
         "  -f, --file=FILE          evaluate contents of file\n"
         "  -h, --help               display this help and exit\n"
         "  -V, --version            output version information and exit\n\n";
  inv.out() << "Email bug reports to:  bug-dc@gnu.org .\n";
}

// A program source in command-line order: an expression or a file.
struct Source {
  bool is_file;
  std::string text;  // the expression, or the file's name
};

// dc's own options are few; GNU dc runs -e and -f as it meets them and the
// file operands afterwards, and reads standard input only when neither
// -e nor -f was given.
std::optional<int> parse_command_line(Invocation& inv, std::vector<Source>& sources, std::vector<std::string>& files) {
  const std::vector<std::string>& argv = inv.argv;
  auto bad = [&](const std::string& message) {
    inv.error(message);
    print_usage(inv, inv.err());
    return 1;
  };
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (arg == "--") {
      files.insert(files.end(), argv.begin() + i + 1, argv.end());
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') {
      files.push_back(arg);
      continue;
    }
    if (arg[1] == '-') {
      std::string body = arg.substr(2), value;
      size_t eq = body.find('=');
      std::string name = body.substr(0, eq);
      const char* known[] = {"expression", "file", "help", "version"};
      std::vector<std::string> matches;
      for (const char* k : known) {
        if (std::string(k) == name) {
          matches = {k};
          break;
        }
        if (!name.empty() && std::string(k).compare(0, name.size(), name) == 0) matches.push_back(k);
      }
      if (matches.size() != 1) return bad("unrecognized option '" + arg + "'");
      const std::string& full = matches[0];
      if (full == "help") {
        print_usage(inv, inv.out());
        return 0;
      }
      if (full == "version") {
        inv.out() << "dc (Burrow) 0.1.0\n";
        return 0;
      }
      if (eq != std::string::npos) value = body.substr(eq + 1);
      else if (i + 1 < argv.size()) value = argv[++i];
      else return bad("option '--" + full + "' requires an argument");
      sources.push_back(Source{full == "file", value});
      continue;
    }
    for (size_t k = 1; k < arg.size(); ++k) {
      char c = arg[k];
      if (c == 'h') {
        print_usage(inv, inv.out());
        return 0;
      }
      if (c == 'V') {
        inv.out() << "dc (Burrow) 0.1.0\n";
        return 0;
      }
      if (c != 'e' && c != 'f') return bad(std::string("invalid option -- '") + c + "'");
      std::string value;
      if (k + 1 < arg.size()) value = arg.substr(k + 1);
      else if (i + 1 < argv.size()) value = argv[++i];
      else return bad(std::string("option requires an argument -- '") + c + "'");
      sources.push_back(Source{c == 'f', value});
      break;
    }
  }
  return std::nullopt;
}

int run_dc(Invocation& inv) {
  std::vector<Source> sources;
  std::vector<std::string> files;
  if (auto status = parse_command_line(inv, sources, files)) return *status;
  bool read_stdin = sources.empty() && files.empty();
  for (const std::string& f : files) sources.push_back(Source{true, f});
  Machine machine(inv);
  try {
    for (const Source& source : sources) {
      std::string text = source.text;
      if (source.is_file) {
        text::Input in;
        if (text::open_input(inv, source.text, in) || in.is_dir) {
          inv.error("Could not open file " + source.text);
          continue;
        }
        text.clear();
        in.in->read_all(text);
      }
      machine.run(std::move(text));
    }
    if (read_stdin) {
      std::string text;
      inv.in().read_all(text);
      machine.run(std::move(text));
    }
  } catch (Exit&) {
  }
  return 0;
}

}  // namespace

BURROW_COMMAND(dc, "an arbitrary precision reverse-polish calculator", run_dc);

}  // namespace burrow
