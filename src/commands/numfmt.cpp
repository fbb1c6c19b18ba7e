// numfmt: convert numbers to and from human-readable strings (GNU coreutils 9).
//
// Numbers are parsed and scaled in long double and printed with printf's
// %Lf, as GNU does, so rounding (including printf's round-half-even in the
// last step) comes out the same. Lines are streamed from standard input.
// The C.UTF-8 locale has no thousands separator, so --grouping and %'f are
// accepted and have no effect.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <vector>

#include "commands/args.h"
#include "commands/common/fs_util.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt {
  kFrom, kFromUnit, kTo, kToUnit, kRound, kPadding, kSuffix, kGrouping, kDelimiter, kField,
  kDebug, kHeader, kFormat, kInvalid, kZero,
};

constexpr OptionSpec kOptions[] = {
    {kDebug, 0, "debug", ArgKind::kNone, "print warnings about invalid input"},
    {kDelimiter, 'd', "delimiter", ArgKind::kRequired, "use X instead of whitespace for field delimiter", "X"},
    {kField, 0, "field", ArgKind::kRequired, "replace the numbers in these input fields (default=1)", "FIELDS"},
    {kFormat, 0, "format", ArgKind::kRequired, "use printf style floating-point FORMAT", "FORMAT"},
    {kFrom, 0, "from", ArgKind::kRequired, "auto-scale input numbers to UNITs; default is 'none'", "UNIT"},
    {kFromUnit, 0, "from-unit", ArgKind::kRequired, "specify the input unit size (instead of the default 1)", "N"},
    {kGrouping, 0, "grouping", ArgKind::kNone, "use locale-defined grouping of digits, e.g. 1,000,000"},
    {kHeader, 0, "header", ArgKind::kOptional, "print (without converting) the first N header lines", "N"},
    {kInvalid, 0, "invalid", ArgKind::kRequired, "failure mode for invalid numbers: abort, fail, warn, ignore",
     "MODE"},
    {kPadding, 0, "padding", ArgKind::kRequired, "pad the output to N characters", "N"},
    {kRound, 0, "round", ArgKind::kRequired,
     "use METHOD for rounding when scaling: up, down, from-zero (default), towards-zero, nearest", "METHOD"},
    {kSuffix, 0, "suffix", ArgKind::kRequired, "add SUFFIX to output numbers, and accept it in input", "SUFFIX"},
    {kTo, 0, "to", ArgKind::kRequired, "auto-scale output numbers to UNITs", "UNIT"},
    {kToUnit, 0, "to-unit", ArgKind::kRequired, "the output unit size (instead of the default 1)", "N"},
    {kZero, 'z', "zero-terminated", ArgKind::kNone, "line delimiter is NUL, not newline"},
};

constexpr CommandSpec kSpec{
    "Usage: numfmt [OPTION]... [NUMBER]...",
    "Reformat NUMBER(s), or the numbers from standard input if none are specified.",
    kOptions,
};

enum class Scale { kNone, kAuto, kSi, kIec, kIecI };
enum class Rounding { kUp, kDown, kFromZero, kTowardsZero, kNearest };
enum class Invalid { kAbort, kFail, kWarn, kIgnore };
enum class Parse { kOk, kPrecisionLoss, kOverflow, kInvalidNumber, kForbiddenSuffix, kInvalidSuffix, kMissingI };

constexpr int kExitConversion = 2;
constexpr unsigned kMaxUnscaledDigits = LDBL_DIG;  // beyond this long double loses digits
constexpr unsigned kMaxDigits = 27;                // 999Y, the largest suffix
constexpr int kBlankDelimiter = 256;

struct FieldRange {
  uint64_t lo, hi;
};

struct Settings {
  Scale from = Scale::kNone, to = Scale::kNone;
  Rounding rounding = Rounding::kFromZero;
  Invalid invalid = Invalid::kAbort;
  std::optional<std::string> suffix;
  uint64_t from_unit = 1, to_unit = 1;
  long padding_width = 0;
  bool pad_left_align = false;
  long zero_padding_width = 0;
  long precision = -1;  // from --format, or -1
  std::string format_prefix, format_suffix;
  bool auto_padding = false;
  int delimiter = kBlankDelimiter;
  char eol = '\n';
  std::vector<FieldRange> fields;  // empty: field 1
  bool debug = false;
};

int scale_base(Scale s) { return s == Scale::kIec || s == Scale::kIecI ? 1024 : 1000; }

long double power_of(long double base, unsigned n) {
  long double r = 1;
  while (n--) r *= base;
  return r;
}

// Divides val by base until it is below base; returns how many times.
long double scale_down(long double val, unsigned base, unsigned& power) {
  power = 0;
  if (val >= -LDBL_MAX && val <= LDBL_MAX) {
    while (std::fabs(val) >= base) {
      ++power;
      val /= base;
    }
  }
  return val;
}

// GNU rounds through intmax_t, in chunks of INTMAX_MAX for huge values.
long double round_value(long double val, Rounding how) {
  auto ceiling = [](long double v) {
    intmax_t i = static_cast<intmax_t>(v);
    if (i < v) ++i;
    return i;
  };
  auto floor = [&](long double v) { return -ceiling(-v); };
  intmax_t chunks = static_cast<intmax_t>(val / INTMAX_MAX);
  val -= static_cast<long double>(INTMAX_MAX) * chunks;
  intmax_t r = 0;
  switch (how) {
    case Rounding::kUp: r = ceiling(val); break;
    case Rounding::kDown: r = floor(val); break;
    case Rounding::kFromZero: r = val < 0 ? floor(val) : ceiling(val); break;
    case Rounding::kTowardsZero: r = static_cast<intmax_t>(val); break;
    case Rounding::kNearest: r = static_cast<intmax_t>(val < 0 ? val - 0.5L : val + 0.5L); break;
  }
  return static_cast<long double>(INTMAX_MAX) * chunks + r;
}

int suffix_power(char c) {
  const char* p = c ? std::strchr("KMGTPEZY", c) : nullptr;
  return p ? static_cast<int>(p - "KMGTPEZY") + 1 : 0;
}

// Digits with an optional '-'; the value is kept in long double so there is
// no uintmax_t limit.
Parse parse_int_part(const char*& p, long double& value, bool& negative) {
  Parse result = Parse::kOk;
  negative = *p == '-';
  if (negative) ++p;
  long double v = 0;
  unsigned digits = 0;
  bool any = false;
  for (; *p >= '0' && *p <= '9'; ++p) {
    int d = *p - '0';
    any = true;
    if (v != 0 || d != 0) ++digits;
    if (digits > kMaxUnscaledDigits) result = Parse::kPrecisionLoss;
    if (digits > kMaxDigits) return Parse::kOverflow;
    v = v * 10 + d;
  }
  if (!any && *p != '.') return Parse::kInvalidNumber;
  value = negative ? -v : v;
  return result;
}

Parse parse_decimal(const char*& p, long double& value, size_t& precision) {
  precision = 0;
  bool negative;
  Parse e = parse_int_part(p, value, negative);
  if (e != Parse::kOk && e != Parse::kPrecisionLoss) return e;
  if (*p == '.') {
    ++p;
    const char* frac_start = p;
    long double frac = 0;
    bool frac_negative;
    Parse e2 = parse_int_part(p, frac, frac_negative);
    if (e2 != Parse::kOk && e2 != Parse::kPrecisionLoss) return e2;
    if (e2 == Parse::kPrecisionLoss) e = e2;
    if (frac_negative) return Parse::kInvalidNumber;
    size_t digits = p - frac_start;
    frac /= power_of(10, static_cast<unsigned>(digits));
    value = negative ? value - frac : value + frac;
    precision = digits;
  }
  return e;
}

Parse parse_human(const char*& p, long double& value, size_t& precision, Scale scale) {
  int base = scale_base(scale);
  int power = 0;
  Parse e = parse_decimal(p, value, precision);
  if (e != Parse::kOk && e != Parse::kPrecisionLoss) return e;
  if (*p) {
    while (*p == ' ' || *p == '\t') ++p;
    power = suffix_power(*p);
    if (!power) return Parse::kInvalidSuffix;
    if (scale == Scale::kNone) return Parse::kForbiddenSuffix;
    ++p;
    if (scale == Scale::kAuto && *p == 'i') {
      base = 1024;
      ++p;
    }
    precision = 0;  // the scale decides the precision now
  }
  if (scale == Scale::kIecI) {
    if (*p != 'i') return Parse::kMissingI;
    ++p;
  }
  value *= power_of(base, power);
  return e;
}

std::string format_long_double(const char* fmt, long double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  return buf;
}

class Converter {
 public:
  Converter(Invocation& inv, const Settings& s) : inv_(inv), s_(s) {}

  // Reports a conversion problem; true when the run must stop (abort mode).
  bool complain(const std::string& message) {
    if (s_.invalid == Invalid::kIgnore) return false;
    inv_.error(message);
    return s_.invalid == Invalid::kAbort;
  }

  // Converts one line's fields and writes the line. False when some field
  // was not a valid number; aborted() says whether to stop at once.
  bool process_line(std::string line, bool with_eol) {
    size_t nul = line.find('\0');
    if (nul != std::string::npos) line.resize(nul);  // GNU works on C strings
    bool valid = true;
    size_t pos = 0;
    for (uint64_t field = 1;; ++field) {
      size_t end = next_field_end(line, pos);
      std::string text = line.substr(pos, end - pos);
      bool last = end >= line.size();
      if (!process_field(text, field)) valid = false;
      if (aborted_) return false;
      if (last) break;
      inv_.out().put(s_.delimiter == kBlankDelimiter ? ' ' : static_cast<char>(s_.delimiter));
      pos = end + 1;
    }
    if (with_eol) inv_.out().put(s_.eol);
    return valid;
  }

  bool aborted() const { return aborted_; }
  // --padding or a --format width; auto-padding overrides it per field.
  void set_padding(long width) { padding_width_ = width; }

 private:
  static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n'; }

  size_t next_field_end(const std::string& line, size_t pos) const {
    if (s_.delimiter != kBlankDelimiter) {
      size_t d = line.find(static_cast<char>(s_.delimiter), pos);
      return d == std::string::npos ? line.size() : d;
    }
    // Leading blanks belong to the field (they decide auto-padding).
    while (pos < line.size() && is_blank(line[pos])) ++pos;
    while (pos < line.size() && !is_blank(line[pos])) ++pos;
    return pos;
  }

  bool include_field(uint64_t field) const {
    if (s_.fields.empty()) return field == 1;
    for (const FieldRange& r : s_.fields)
      if (r.lo <= field && field <= r.hi) return true;
    return false;
  }

  bool process_field(std::string& text, uint64_t field) {
    if (!include_field(field)) {
      inv_.out().write(text);
      return true;
    }
    long double value = 0;
    size_t precision = 0;
    std::string out;
    bool valid = parse_field(text, field, value, precision) && render(value, precision, out);
    if (aborted_) return false;
    if (valid) {
      inv_.out().write(s_.format_prefix);
      if (!s_.pad_left_align) put_spaces(pad_);
      inv_.out().write(out);
      if (s_.pad_left_align) put_spaces(pad_);
      inv_.out().write(s_.format_suffix);
    } else {
      inv_.out().write(text);
    }
    return valid;
  }

  bool parse_field(std::string& text, uint64_t field, long double& value, size_t& precision) {
    if (s_.suffix && text.size() > s_.suffix->size() &&
        text.compare(text.size() - s_.suffix->size(), std::string::npos, *s_.suffix) == 0)
      text.resize(text.size() - s_.suffix->size());
    size_t skip = 0;
    while (skip < text.size() && (text[skip] == ' ' || text[skip] == '\t')) ++skip;
    if (s_.auto_padding) padding_width_ = skip > 0 || field > 1 ? static_cast<long>(text.size()) : 0;
    std::string number = text.substr(skip);
    const char* p = number.c_str();
    Parse e = parse_human(p, value, precision, s_.from);
    std::string q = text::quote(number);
    std::string message;
    switch (e) {
      case Parse::kOk:
      case Parse::kPrecisionLoss: break;
      case Parse::kOverflow: message = "value too large to be converted: " + q; break;
      case Parse::kInvalidNumber: message = "invalid number: " + q; break;
      case Parse::kForbiddenSuffix: message = "rejecting suffix in input: " + q + " (consider using --from)"; break;
      case Parse::kInvalidSuffix: message = "invalid suffix in input: " + q; break;
      case Parse::kMissingI: message = "missing 'i' suffix in input: " + q + " (e.g Ki/Mi/Gi)"; break;
    }
    if (message.empty() && *p) {
      message = "invalid suffix in input " + q + ": " + text::quote(p);
    }
    if (!message.empty()) {
      aborted_ = complain(message);
      return false;
    }
    if (e == Parse::kPrecisionLoss && s_.debug) inv_.error("large input value " + q + ": possible precision loss");
    if (s_.from_unit != 1 || s_.to_unit != 1)
      value = value * static_cast<long double>(s_.from_unit) / static_cast<long double>(s_.to_unit);
    return true;
  }

  bool render(long double value, size_t input_precision, std::string& out) {
    size_t precision = s_.precision == -1 ? input_precision : static_cast<size_t>(s_.precision);
    unsigned magnitude;
    scale_down(value, 10, magnitude);
    if (s_.to == Scale::kNone && magnitude + precision > kMaxUnscaledDigits) {
      std::string shown = format_long_double("%Lg", value);
      aborted_ = complain(precision ? "value/precision too large to be printed: '" + shown + "/" +
                                          std::to_string(precision) + "' (consider using --to)"
                                    : "value too large to be printed: '" + shown + "' (consider using --to)");
      return false;
    }
    if (magnitude > kMaxDigits - 1) {
      aborted_ = complain("value too large to be printed: '" + format_long_double("%Lg", value) +
                          "' (cannot handle values > 999Y)");
      return false;
    }
    std::string number = humanize(value, precision);
    if (s_.suffix) number += *s_.suffix;
    out = number;
    pad_ = padding_width_ && static_cast<long>(number.size()) < padding_width_ ? padding_width_ - number.size() : 0;
    return true;
  }

  std::string humanize(long double value, size_t precision) const {
    std::string fmt = "%";
    if (s_.zero_padding_width) fmt += "0" + std::to_string(s_.zero_padding_width);
    char buf[256];
    if (s_.to == Scale::kNone) {
      long double scale = power_of(10, static_cast<unsigned>(precision));
      value = round_value(value * scale, s_.rounding) / scale;
      fmt += ".*Lf";
      std::snprintf(buf, sizeof buf, fmt.c_str(), static_cast<int>(precision), value);
      return buf;
    }
    int base = scale_base(s_.to);
    unsigned power;
    value = scale_down(value, base, power);
    // Below 10 one decimal is shown, so round at that digit.
    unsigned adjust = 0;
    if (s_.precision != -1) adjust = std::min<unsigned>(power * 3, static_cast<unsigned>(s_.precision));
    else if (std::fabs(value) < 10) adjust = 1;
    long double scale = power_of(10, adjust);
    value = round_value(value * scale, s_.rounding) / scale;
    if (std::fabs(value) >= base) {  // 999.9 rounded up to 1000
      value /= base;
      ++power;
    }
    bool show_decimal = value != 0 && std::fabs(value) < 10 && power > 0;
    int prec = s_.precision == -1 ? show_decimal : static_cast<int>(s_.precision);
    fmt += ".*Lf%s";
    static const char* const kPowers[] = {"", "K", "M", "G", "T", "P", "E", "Z", "Y"};
    std::snprintf(buf, sizeof buf, fmt.c_str(), prec, value, power < 9 ? kPowers[power] : "(error)");
    std::string out = buf;
    if (s_.to == Scale::kIecI && power > 0) out += 'i';
    return out;
  }

  // --padding may be huge; the spaces are streamed, not built.
  void put_spaces(long n) {
    static const std::string kChunk(256, ' ');
    while (n > 0 && inv_.out().ok() && !inv_.cancelled()) {
      long k = std::min<long>(n, static_cast<long>(kChunk.size()));
      inv_.out().write(std::string_view(kChunk).substr(0, k));
      n -= k;
    }
  }

  Invocation& inv_;
  const Settings& s_;
  long padding_width_ = 0;
  long pad_ = 0;  // spaces owed to the number being printed
  bool aborted_ = false;
};

// GNU set_fields() with a lone "-" allowed (all fields).
bool parse_fields(Invocation& inv, std::string_view list, std::vector<FieldRange>& out) {
  auto fail = [&](const std::string& message) {
    inv.error(message);
    print_try_help(inv);
    return false;
  };
  if (list == "-") {
    out.push_back({1, UINT64_MAX});
    return true;
  }
  uint64_t value = 0, initial = 1;
  bool lhs = false, rhs = false, dash = false;
  for (size_t i = 0;; ++i) {
    char c = i < list.size() ? list[i] : '\0';
    if (c == '-') {
      if (dash) return fail("invalid field range");
      dash = true;
      if (lhs && !value) return fail("fields are numbered from 1");
      initial = lhs ? value : 1;
      value = 0;
    } else if (c == ',' || c == ' ' || c == '\t' || c == '\0') {
      if (dash) {
        if (!lhs && !rhs) return fail("invalid range with no endpoint: -");
        if (!rhs) {
          out.push_back({initial, UINT64_MAX});
        } else {
          if (value < initial) return fail("invalid decreasing range");
          out.push_back({initial, value});
        }
      } else {
        if (value == 0) return fail("fields are numbered from 1");
        out.push_back({value, value});
      }
      dash = lhs = rhs = false;
      value = 0;
      if (i >= list.size()) break;
    } else if (c >= '0' && c <= '9') {
      (dash ? rhs : lhs) = true;
      unsigned __int128 v = static_cast<unsigned __int128>(value) * 10 + (c - '0');
      if (v >= UINT64_MAX) {
        size_t end = i;
        size_t start = i;
        while (start > 0 && std::isdigit(static_cast<unsigned char>(list[start - 1]))) --start;
        while (end < list.size() && std::isdigit(static_cast<unsigned char>(list[end]))) ++end;
        return fail("field number " + text::quote(list.substr(start, end - start)) + " is too large");
      }
      value = static_cast<uint64_t>(v);
    } else {
      return fail("invalid field value " + text::quote(list.substr(i)));
    }
  }
  return true;
}

// --from-unit/--to-unit: K=1000, Ki=1024, anything else is an error.
bool parse_unit_size(std::string_view s, uint64_t& out) {
  size_t i = 0;
  while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  size_t digits = i;
  unsigned __int128 v = 0;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    v = v * 10 + (s[i] - '0');
    if (v > UINT64_MAX) return false;
  }
  if (i == digits) return false;
  if (i < s.size()) {
    int power = suffix_power(s[i]);
    if (!power) return false;
    ++i;
    unsigned base = 1000;
    if (i < s.size() && s[i] == 'i') base = 1024, ++i;
    if (i != s.size()) return false;
    for (int k = 0; k < power; ++k) {
      v *= base;
      if (v > UINT64_MAX) return false;
    }
  }
  if (v == 0) return false;
  out = static_cast<uint64_t>(v);
  return true;
}

// --format: one %f directive with optional flags, width and precision.
bool parse_format(Invocation& inv, const std::string& fmt, Settings& s) {
  std::string q = text::quote(fmt);
  auto fail = [&](const std::string& message) {
    inv.error(message);
    return false;
  };
  size_t i = 0, prefix_len = 0;
  for (; !(fmt[i] == '%' && fmt[i + 1] != '%'); i += (fmt[i] == '%') + 1) {
    if (i >= fmt.size()) return fail("format " + q + " has no % directive");
    ++prefix_len;
  }
  ++i;
  bool zero_padding = false;
  for (;;) {
    size_t skip = 0;
    while (i < fmt.size() && fmt[i] == ' ') ++i, ++skip;
    if (i < fmt.size() && fmt[i] == '\'') ++i;
    else if (i < fmt.size() && fmt[i] == '0') zero_padding = true, ++i;
    else if (!skip) break;
  }
  const char* start = fmt.c_str() + i;
  char* end;
  errno = 0;
  long pad = std::strtol(start, &end, 10);
  if (errno == ERANGE) return fail("invalid format " + q + " (width overflow)");
  if (end != start && pad != 0) {
    if (s.debug && s.padding_width && !(zero_padding && pad > 0)) inv.error("--format padding overriding --padding");
    if (pad < 0) {
      s.pad_left_align = true;
      s.padding_width = -pad;
    } else if (zero_padding) {
      s.zero_padding_width = pad;
    } else {
      s.padding_width = pad;
    }
  }
  i = end - fmt.c_str();
  if (i >= fmt.size()) return fail("format " + q + " ends in %");
  if (fmt[i] == '.') {
    ++i;
    start = fmt.c_str() + i;
    errno = 0;
    long prec = std::strtol(start, &end, 10);
    if (errno == ERANGE || prec < 0 || *start == ' ' || *start == '\t' || *start == '+')
      return fail("invalid precision in format " + q);
    s.precision = prec;
    i = end - fmt.c_str();
  }
  if (i >= fmt.size() || fmt[i] != 'f')
    return fail("invalid format " + q + ", directive must be %[0]['][-][N][.][N]f");
  ++i;
  size_t suffix_pos = i;
  for (; i < fmt.size(); i += (fmt[i] == '%') + 1)
    if (fmt[i] == '%' && (i + 1 >= fmt.size() || fmt[i + 1] != '%'))
      return fail("format " + q + " has too many % directives");
  // GNU copies prefix_len bytes, which keeps "%%" doubled; so do we.
  s.format_prefix = fmt.substr(0, prefix_len);
  s.format_suffix = fmt.substr(std::min(suffix_pos, fmt.size()));
  return true;
}

template <typename T>
bool match_choice(Invocation& inv, const std::string& value, const char* option,
                  std::initializer_list<std::pair<const char*, T>> choices,
                  std::initializer_list<std::initializer_list<const char*>> listing, T& out) {
  // Unique prefixes are accepted, as argmatch does.
  const std::pair<const char*, T>* found = nullptr;
  bool ambiguous = false;
  for (const auto& c : choices) {
    if (value == c.first) {
      out = c.second;
      return true;
    }
    if (!value.empty() && std::strncmp(c.first, value.c_str(), value.size()) == 0) {
      if (found) ambiguous = true;
      found = &c;
    }
  }
  if (found && !ambiguous) {
    out = found->second;
    return true;
  }
  if (ambiguous) {
    inv.error("ambiguous argument " + fsu::quote_arg(inv, value) + " for " + fsu::quote_arg(inv, option));
    OutStream& e = inv.err();
    e << "Valid arguments are:\n";
    for (const auto& g : listing) {
      e << "  - ";
      bool first = true;
      for (const char* v : g) {
        if (!first) e << ", ";
        e << fsu::quote_arg(inv, v);
        first = false;
      }
      e << '\n';
    }
    print_try_help(inv);
    return false;
  }
  fsu::invalid_argument(inv, value, option, listing);
  return false;
}

bool parse_settings(Invocation& inv, const ParsedArgs& args, Settings& s, uint64_t& header) {
  std::optional<std::string> format;
  bool grouping = false, fields_given = false;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kFrom:
        if (!match_choice<Scale>(inv, o.value, "--from",
                                 {{"none", Scale::kNone}, {"auto", Scale::kAuto}, {"si", Scale::kSi},
                                  {"iec", Scale::kIec}, {"iec-i", Scale::kIecI}},
                                 {{"none"}, {"auto"}, {"si"}, {"iec"}, {"iec-i"}}, s.from))
          return false;
        break;
      case kTo:
        if (!match_choice<Scale>(inv, o.value, "--to",
                                 {{"none", Scale::kNone}, {"si", Scale::kSi}, {"iec", Scale::kIec},
                                  {"iec-i", Scale::kIecI}},
                                 {{"none"}, {"si"}, {"iec"}, {"iec-i"}}, s.to))
          return false;
        break;
      case kRound:
        if (!match_choice<Rounding>(inv, o.value, "--round",
                                    {{"up", Rounding::kUp}, {"down", Rounding::kDown},
                                     {"from-zero", Rounding::kFromZero}, {"towards-zero", Rounding::kTowardsZero},
                                     {"nearest", Rounding::kNearest}},
                                    {{"up"}, {"down"}, {"from-zero"}, {"towards-zero"}, {"nearest"}}, s.rounding))
          return false;
        break;
      case kInvalid:
        if (!match_choice<Invalid>(inv, o.value, "--invalid",
                                   {{"abort", Invalid::kAbort}, {"fail", Invalid::kFail},
                                    {"warn", Invalid::kWarn}, {"ignore", Invalid::kIgnore}},
                                   {{"abort"}, {"fail"}, {"warn"}, {"ignore"}}, s.invalid))
          return false;
        break;
      case kFromUnit:
      case kToUnit:
        if (!parse_unit_size(o.value, o.id == kFromUnit ? s.from_unit : s.to_unit)) {
          inv.error("invalid unit size: " + text::quote(o.value));
          return false;
        }
        break;
      case kGrouping: grouping = true; break;
      case kPadding: {
        char* end;
        errno = 0;
        long width = std::strtol(o.value.c_str(), &end, 10);
        if (o.value.empty() || *end || errno || width == 0) {
          inv.error("invalid padding value " + text::quote(o.value));
          return false;
        }
        s.pad_left_align = width < 0;
        s.padding_width = width < 0 ? -width : width;
        break;
      }
      case kField:
        if (fields_given) {
          inv.error("multiple field specifications");
          return false;
        }
        fields_given = true;
        if (!parse_fields(inv, o.value, s.fields)) return false;
        break;
      case kDelimiter:
        if (o.value.size() > 1) {
          inv.error("the delimiter must be a single character");
          return false;
        }
        s.delimiter = o.value.empty() ? 0 : static_cast<unsigned char>(o.value[0]);
        break;
      case kZero: s.eol = '\0'; break;
      case kSuffix: s.suffix = o.value; break;
      case kDebug: s.debug = true; break;
      case kHeader:
        header = 1;
        if (o.has_value) {
          uint64_t n;
          if (text::parse_size(o.value, n, "") != text::NumResult::kOk || n == 0) {
            inv.error("invalid header value " + text::quote(o.value));
            return false;
          }
          header = n;
        }
        break;
      case kFormat: format = o.value; break;
    }
  }
  if (format && grouping) {
    inv.error("--grouping cannot be combined with --format");
    return false;
  }
  if (s.debug && s.from == Scale::kNone && s.to == Scale::kNone && !grouping && s.padding_width == 0 && !format)
    inv.error("no conversion option specified");
  if (format && !parse_format(inv, *format, s)) return false;
  if (grouping) {
    if (s.to != Scale::kNone) {
      inv.error("grouping cannot be combined with --to");
      return false;
    }
    if (s.debug) inv.error("grouping has no effect in this locale");
  }
  s.auto_padding = s.padding_width == 0 && s.delimiter == kBlankDelimiter;
  return true;
}

int run_numfmt(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Settings s;
  uint64_t header = 0;
  if (!parse_settings(inv, args, s, header)) return 1;

  Converter converter(inv, s);
  converter.set_padding(s.padding_width);
  bool valid = true;
  if (!args.operands.empty()) {
    if (s.debug && header) inv.error("--header ignored with command-line input");
    for (const std::string& number : args.operands) {
      valid &= converter.process_line(number, true);
      if (converter.aborted()) return kExitConversion;
    }
  } else {
    InStream& in = inv.in();
    std::string line;
    for (; header > 0 && in.read_line(line, s.eol); --header) {
      inv.out().write(line);
      if (in.ended_with_delim()) inv.out().put(s.eol);
    }
    while (in.read_line(line, s.eol)) {
      valid &= converter.process_line(line, in.ended_with_delim());
      if (converter.aborted()) return kExitConversion;
      if (!inv.out().ok()) break;
    }
    if (!in.ok()) {
      inv.error("error reading input: " + vfs::error_text(in.error()));
      return 1;
    }
  }
  if (s.debug && !valid) inv.error("failed to convert some of the input numbers");
  if (text::report_write_error(inv)) return 1;
  return !valid && (s.invalid == Invalid::kAbort || s.invalid == Invalid::kFail) ? kExitConversion : 0;
}

}  // namespace

BURROW_COMMAND(numfmt, "reformat numbers to and from human-readable units", run_numfmt);

}  // namespace burrow
