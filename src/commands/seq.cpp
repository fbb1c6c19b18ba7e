// seq: print a sequence of numbers (GNU coreutils 9.1), including its
// precision and width rules for decimal operands.
#include <cmath>
#include <cstring>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kFormat, kSeparator, kEqualWidth };

constexpr OptionSpec kOptions[] = {
    {kFormat, 'f', "format", ArgKind::kRequired, "use printf style floating-point FORMAT", "FORMAT"},
    {kSeparator, 's', "separator", ArgKind::kRequired, "use STRING to separate numbers (default: \\n)", "STRING"},
    {kEqualWidth, 'w', "equal-width", ArgKind::kNone, "equalize width by padding with leading zeroes"},
};

constexpr CommandSpec kSpec{
    "Usage: seq [OPTION]... LAST\n  or:  seq [OPTION]... FIRST LAST\n  or:  seq [OPTION]... FIRST INCREMENT LAST",
    "Print numbers from FIRST to LAST, in steps of INCREMENT.",
    kOptions,
};

constexpr int kNoPrecision = INT32_MAX;

struct Operand {
  long double value = 0;
  long width = 0;
  int precision = 0;
};

bool scan(Invocation& inv, const std::string& arg, Operand& op) {
  const char* s = arg.c_str();
  char* end;
  errno = 0;
  op.value = strtold(s, &end);
  if (end == s || *end || arg.empty()) {
    inv.error("invalid floating point argument: " + text::quote(arg));
    print_try_help(inv);
    return false;
  }
  if (std::isnan(op.value)) {
    inv.error("invalid " + text::quote("not-a-number") + " argument: " + text::quote(arg));
    print_try_help(inv);
    return false;
  }
  while (std::isspace(static_cast<unsigned char>(*s)) || *s == '+') ++s;
  op.width = 0;
  op.precision = kNoPrecision;
  if (!s[strcspn(s, "xX")] && std::isfinite(op.value)) {
    op.width = static_cast<long>(strlen(s));
    const char* dp = strchr(s, '.');
    if (!dp) {
      op.precision = 0;
    } else {
      size_t frac = strcspn(dp + 1, "eE");
      op.precision = static_cast<int>(frac);
      op.width += frac == 0 ? -1 : (dp == s || !std::isdigit(static_cast<unsigned char>(dp[-1])));
    }
    const char* e = strchr(s, 'e');
    if (!e) e = strchr(s, 'E');
    if (e) {
      long exponent = strtol(e + 1, nullptr, 10);
      op.precision += exponent < 0 ? -exponent : -std::min<long>(op.precision, exponent);
      op.width -= static_cast<long>(strlen(e));
      if (exponent < 0) {
        if (dp) {
          if (e == dp + 1) ++op.width;
        } else {
          ++op.width;
        }
        exponent = -exponent;
      } else {
        if (dp && op.precision == 0 && op.width) --op.width;
        exponent = -std::min<long>(op.precision, exponent);
      }
      op.width += exponent;
    }
  }
  return true;
}

// Validates a user format: exactly one floating-point directive.
// Returns the format with an 'L' length modifier inserted.
bool long_double_format(Invocation& inv, const std::string& fmt, std::string& out) {
  size_t i = 0;
  out.clear();
  for (; i < fmt.size(); ++i) {
    if (fmt[i] == '%') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '%') {
        out += "%%";
        ++i;
        continue;
      }
      break;
    }
    out += fmt[i];
  }
  if (i == fmt.size()) {
    inv.error("format " + text::quote(fmt) + " has no % directive");
    return false;
  }
  out += '%';
  ++i;
  while (i < fmt.size() && strchr("-+ #0'", fmt[i])) out += fmt[i++];
  while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) out += fmt[i++];
  if (i < fmt.size() && fmt[i] == '.') {
    out += fmt[i++];
    while (i < fmt.size() && std::isdigit(static_cast<unsigned char>(fmt[i]))) out += fmt[i++];
  }
  if (i >= fmt.size() || !strchr("aAeEfFgG", fmt[i])) {
    std::string bad = i < fmt.size() ? std::string(1, fmt[i]) : std::string();
    inv.error("format " + text::quote(fmt) + " has unknown %" + bad + " directive");
    return false;
  }
  out += 'L';
  out += fmt[i++];
  for (; i < fmt.size(); ++i) {
    if (fmt[i] == '%') {
      if (i + 1 < fmt.size() && fmt[i + 1] == '%') {
        out += "%%";
        ++i;
        continue;
      }
      inv.error("format " + text::quote(fmt) + " has too many % directives");
      return false;
    }
    out += fmt[i];
  }
  return true;
}

std::string format_number(const std::string& fmt, long double x) {
  char buf[512];
  int n = snprintf(buf, sizeof buf, fmt.c_str(), x);
  if (n < 0) return "";
  if (static_cast<size_t>(n) < sizeof buf) return std::string(buf, n);
  std::string big(n + 1, '\0');
  snprintf(big.data(), big.size(), fmt.c_str(), x);
  big.resize(n);
  return big;
}

int run_seq(Invocation& inv) {
  // A negative number ends the options, as in GNU seq.
  std::vector<std::string> tail;
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (a == "--") break;
    if (a.size() >= 2 && a[0] == '-' && (a[1] == '.' || std::isdigit(static_cast<unsigned char>(a[1])))) {
      tail.assign(inv.argv.begin() + i, inv.argv.end());
      inv.argv.resize(i);
      break;
    }
    // Skip the argument of -f/-s given separately.
    if (a == "-f" || a == "-s" || a == "--format" || a == "--separator") ++i;
  }
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  for (auto& t : tail) args.operands.push_back(t);
  std::string separator = "\n";
  const std::string* user_format = args.last(kFormat);
  bool equal_width = args.has(kEqualWidth);
  if (const std::string* s = args.last(kSeparator)) separator = *s;
  const auto& ops = args.operands;
  if (ops.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 1;
  }
  if (ops.size() > 3) {
    inv.error("extra operand " + text::quote(ops[3]));
    print_try_help(inv);
    return 1;
  }
  std::string fmt;
  if (user_format && !long_double_format(inv, *user_format, fmt)) return 1;
  Operand first{1, 1, 0}, step{1, 1, 0}, last;
  if (!scan(inv, ops.back(), last)) return 1;
  if (ops.size() >= 2 && !scan(inv, ops[0], first)) return 1;
  if (ops.size() == 3) {
    if (!scan(inv, ops[1], step)) return 1;
    if (step.value == 0) {
      inv.error("invalid Zero increment value: " + text::quote(ops[1]));
      print_try_help(inv);
      return 1;
    }
  }
  if (user_format && equal_width) {
    inv.error("format string may not be specified when printing equal width strings");
    print_try_help(inv);
    return 1;
  }
  if (!user_format) {
    int prec = std::max(first.precision, step.precision);
    if (prec != kNoPrecision && last.precision != kNoPrecision) {
      if (equal_width) {
        long first_width = first.width + (prec - first.precision);
        long last_width = last.width + (prec - last.precision);
        if (last.precision && prec == 0) --last_width;
        if (last.precision == 0 && prec) ++last_width;
        if (first.precision == 0 && prec) ++first_width;
        long width = std::max(first_width, last_width);
        fmt = "%0" + std::to_string(width) + "." + std::to_string(prec) + "Lf";
      } else {
        fmt = "%." + std::to_string(prec) + "Lf";
      }
    } else {
      fmt = "%Lg";
    }
  }
  OutStream& out = inv.out();
  long double x = first.value;
  bool out_of_range = step.value < 0 ? x < last.value : last.value < x;
  if (out_of_range) return 0;
  std::string prev_str;
  for (uintmax_t i = 1;; ++i) {
    if (i > 1) out << separator;
    std::string s = format_number(fmt, x);
    out << s;
    if (!out.ok() || (i % 4096 == 0 && inv.cancelled())) break;
    long double x0 = x;
    (void)x0;
    x = first.value + static_cast<long double>(i) * step.value;
    out_of_range = step.value < 0 ? x < last.value : last.value < x;
    if (out_of_range) {
      std::string xs = format_number(fmt, x);
      char* end;
      long double xv = strtold(xs.c_str(), &end);
      if (!(xv == last.value && xs != s)) break;
      out << separator << xs;
      break;
    }
  }
  out << "\n";
  if (text::report_write_error(inv)) return 1;
  return 0;
}

}  // namespace

BURROW_COMMAND(seq, "print a sequence of numbers", run_seq);

}  // namespace burrow
