// csplit: split a file into sections determined by context lines (GNU
// coreutils 9). The control flow follows GNU's csplit.c closely, because the
// exact line that ends each piece (offsets, repeats, --suppress-matched) and
// the messages on errors are what scripts depend on.
#include <cstdio>
#include <optional>

#include "commands/args.h"
#include "commands/common/fs_util.h"
#include "commands/text/common.h"
#include "text/regex.h"

namespace burrow {
namespace {

enum Opt { kPrefix, kSuffix, kDigits, kKeep, kQuiet, kElide, kSuppressMatched };

constexpr OptionSpec kOptions[] = {
    {kSuffix, 'b', "suffix-format", ArgKind::kRequired, "use sprintf FORMAT instead of %02d", "FORMAT"},
    {kPrefix, 'f', "prefix", ArgKind::kRequired, "use PREFIX instead of 'xx'", "PREFIX"},
    {kKeep, 'k', "keep-files", ArgKind::kNone, "do not remove output files on errors"},
    {kSuppressMatched, 0, "suppress-matched", ArgKind::kNone, "suppress the lines matching PATTERN"},
    {kDigits, 'n', "digits", ArgKind::kRequired, "use specified number of digits instead of 2", "DIGITS"},
    {kQuiet, 's', "quiet", ArgKind::kNone, "do not print counts of output file sizes"},
    {kQuiet, 0, "silent", ArgKind::kNone, ""},
    {kQuiet, 'q', "", ArgKind::kNone, ""},
    {kElide, 'z', "elide-empty-files", ArgKind::kNone, "suppress empty output files"},
};

constexpr CommandSpec kSpec{
    "Usage: csplit [OPTION]... FILE PATTERN...",
    "Output pieces of FILE separated by PATTERN(s) to files 'xx00', 'xx01', ...,\n"
    "and output byte counts of each piece to standard output.",
    kOptions,
};

// GNU's quote() in locale style doubles backslashes.
std::string quote_escaped(const Invocation& inv, std::string_view s) {
  std::string escaped;
  for (char c : s) {
    if (c == '\\') escaped += '\\';
    escaped += c;
  }
  return fsu::quote_arg(inv, escaped);
}

// One PATTERN operand: a line number or a /REGEX/ (% to skip), with its
// offset and repeat count.
struct Control {
  std::shared_ptr<const text::Regex> regex;  // null: a line number
  bool ignore = false;                       // %REGEX%: skip the section
  int64_t offset = 0;
  int64_t lines_required = 0;
  int64_t repeat = 0;
  bool repeat_forever = false;
  size_t argnum = 0;  // index into operands, for messages
};

// csplit's -b FORMAT: a printf format with exactly one integer conversion.
struct SuffixFormat {
  std::string before, spec, after;  // spec: "%" flags width precision conv
  std::string format(int64_t n) const {
    char buf[128];
    char conv = spec.back();
    std::string f = spec.substr(0, spec.size() - 1);
    if (conv == 'd' || conv == 'i') std::snprintf(buf, sizeof buf, (f + "lld").c_str(), static_cast<long long>(n));
    else std::snprintf(buf, sizeof buf, (f + "ll" + conv).c_str(), static_cast<unsigned long long>(n));
    return before + buf + after;
  }
};

// The %% escapes outside the conversion print as one '%'.
std::string unescape_percent(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if (s[i] == '%' && i + 1 < s.size() && s[i + 1] == '%') ++i;
  }
  return out;
}

// Validates FORMAT as GNU's check_format_conv_type does; returns the error.
std::optional<std::string> parse_suffix(std::string_view fmt, SuffixFormat& out) {
  size_t conv_start = std::string_view::npos, conv_end = 0;
  for (size_t i = 0; i < fmt.size(); ++i) {
    if (fmt[i] != '%') continue;
    if (i + 1 < fmt.size() && fmt[i + 1] == '%') {
      ++i;
      continue;
    }
    if (conv_start != std::string_view::npos) return "too many % conversion specifications in suffix";
    size_t j = i + 1;
    while (j < fmt.size() && std::string_view("-+ #0'").find(fmt[j]) != std::string_view::npos) ++j;
    while (j < fmt.size() && fmt[j] >= '0' && fmt[j] <= '9') ++j;
    if (j < fmt.size() && fmt[j] == '.') {
      ++j;
      while (j < fmt.size() && fmt[j] >= '0' && fmt[j] <= '9') ++j;
    }
    if (j >= fmt.size()) return "missing conversion specifier in suffix";
    char c = fmt[j];
    if (std::string_view("diouxX").find(c) == std::string_view::npos) {
      if (c >= 32 && c < 127) return std::string("invalid conversion specifier in suffix: ") + c;
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\%.3o", static_cast<unsigned char>(c));
      return std::string("invalid conversion specifier in suffix: ") + esc;
    }
    conv_start = i;
    conv_end = j + 1;
    i = j;
  }
  if (conv_start == std::string_view::npos) return "missing conversion specifier in suffix";
  out.before = unescape_percent(fmt.substr(0, conv_start));
  out.spec = std::string(fmt.substr(conv_start, conv_end - conv_start));
  // Drop the ' flag: snprintf here runs in the C locale where it is a no-op.
  std::erase(out.spec, '\'');
  out.after = unescape_percent(fmt.substr(conv_end));
  return std::nullopt;
}

// Thrown to unwind to run_csplit after an error was printed; it then
// removes the files made so far (unless -k) and exits 1.
struct Fatal {};

struct Splitter {
  Invocation& inv;
  std::vector<std::string>& operands;
  std::string prefix = "xx";
  std::optional<SuffixFormat> suffix;
  int digits = 2;
  bool keep = false, quiet = false, elide = false, suppress_matched = false;

  std::string data;
  std::vector<std::string_view> lines;  // each with its newline, if any
  size_t head = 0;                      // index of the first line not yet written or skipped
  int64_t current_line = 0;             // number of the last line examined by a regex

  int64_t files_created = 0;
  bool file_open = false;
  std::string file_name, file_data;

  std::string name_for(int64_t n) const {
    if (suffix) return prefix + suffix->format(n);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%0*lld", digits, static_cast<long long>(n));
    return prefix + buf;
  }

  std::string q(std::string_view s) const { return quote_escaped(inv, s); }

  // Line numbers are 1-based; lines before head are gone.
  bool have_line(int64_t linenum) const { return linenum >= 1 && static_cast<size_t>(linenum) <= lines.size(); }
  bool no_more_lines() const { return head >= lines.size(); }
  const std::string_view* remove_line() { return head < lines.size() ? &lines[head++] : nullptr; }
  int64_t first_line_in_buffer() {
    if (no_more_lines()) {
      inv.error("input disappeared");
      throw Fatal{};
    }
    return static_cast<int64_t>(head) + 1;
  }

  void create_output_file() {
    file_name = name_for(files_created);
    // Create it now so a bad prefix fails before any work, as GNU does.
    if (vfs::Error err = vfs::write_file(*inv.fs, inv.path(file_name), "", 0666 & ~fsu::kUmask)) {
      inv.error(text::quotef(file_name) + ": " + vfs::error_text(err));
      throw Fatal{};
    }
    ++files_created;
    file_open = true;
    file_data.clear();
  }

  void close_output_file() {
    if (!file_open) return;
    file_open = false;
    if (file_data.empty() && elide) {
      inv.fs->unlink(inv.path(file_name));
      --files_created;
      return;
    }
    if (vfs::Error err = vfs::write_file(*inv.fs, inv.path(file_name), file_data, 0666 & ~fsu::kUmask)) {
      inv.error(text::quotef(file_name) + ": " + vfs::error_text(err));
      throw Fatal{};
    }
    if (!quiet) inv.out() << std::to_string(file_data.size()) << "\n";
  }

  void save_line(std::string_view line) { file_data.append(line); }

  void dump_rest_of_file() {
    while (const auto* line = remove_line()) save_line(*line);
  }

  void line_error(const Control& c, int64_t repetition) {
    std::string msg = q(std::to_string(c.lines_required)) + ": line number out of range";
    if (repetition) msg += " on repetition " + std::to_string(repetition);
    inv.error(msg);
    throw Fatal{};
  }

  void regexp_error(const Control& c, int64_t repetition) {
    std::string msg = q(operands[c.argnum]) + ": match not found";
    if (repetition) msg += " on repetition " + std::to_string(repetition);
    inv.error(msg);
    if (!c.ignore) {
      dump_rest_of_file();
      close_output_file();
    }
    throw Fatal{};
  }

  void process_line_count(const Control& c, int64_t repetition) {
    int64_t last_line_to_save = c.lines_required * (repetition + 1);
    create_output_file();
    // Ensure the line number is not one past the end of the input.
    if (no_more_lines() && suppress_matched) line_error(c, repetition);
    int64_t linenum = first_line_in_buffer();
    while (linenum++ < last_line_to_save) {
      const auto* line = remove_line();
      if (!line) line_error(c, repetition);
      save_line(*line);
    }
    close_output_file();
    if (suppress_matched) remove_line();
    if (no_more_lines() && !suppress_matched) line_error(c, repetition);
  }

  // Returns false when {*} ran out of input (everything is written: stop).
  bool process_regexp(const Control& c, int64_t repetition) {
    if (!c.ignore) create_output_file();
    if (suppress_matched && current_line > 0) remove_line();
    for (;;) {
      ++current_line;
      if (!have_line(current_line)) {
        if (c.repeat_forever) {
          if (!c.ignore) {
            dump_rest_of_file();
            close_output_file();
          }
          return false;
        }
        regexp_error(c, repetition);
      }
      std::string_view line = lines[current_line - 1];
      if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
      if (c.regex->matches(line)) break;
      // Without a negative offset a non-matching line can go out at once.
      if (c.offset >= 0) {
        const auto* removed = remove_line();
        if (!c.ignore) save_line(*removed);
      }
    }
    int64_t break_line = current_line + c.offset;
    write_to_file(break_line, c);
    if (!c.ignore) close_output_file();
    if (c.offset > 0) current_line = break_line;
    return true;
  }

  void write_to_file(int64_t last_line, const Control& c) {
    int64_t first_line = first_line_in_buffer();
    if (first_line > last_line) {
      inv.error(q(operands[c.argnum]) + ": line number out of range");
      throw Fatal{};
    }
    for (int64_t i = 0; i < last_line - first_line; ++i) {
      const auto* line = remove_line();
      if (!line) {
        inv.error(q(operands[c.argnum]) + ": line number out of range");
        throw Fatal{};
      }
      if (!c.ignore) save_line(*line);
    }
  }

  void delete_all_files() {
    if (keep) return;
    for (int64_t i = 0; i < files_created; ++i) inv.fs->unlink(inv.path(name_for(i)));
    files_created = 0;
  }

  // Returns false when the run ended early and successfully ({*} at EOF).
  bool split(const std::vector<Control>& controls) {
    for (const Control& c : controls) {
      for (int64_t j = 0; c.repeat_forever || j <= c.repeat; ++j) {
        if (inv.cancelled()) throw Fatal{};
        if (c.regex) {
          if (!process_regexp(c, j)) return false;
        } else {
          process_line_count(c, j);
        }
      }
    }
    create_output_file();
    dump_rest_of_file();
    close_output_file();
    return true;
  }
};

bool parse_int(std::string_view s, int64_t& out, bool allow_sign) {
  if (s.empty()) return false;
  size_t i = 0;
  bool neg = false;
  if (allow_sign && (s[0] == '+' || s[0] == '-')) neg = s[0] == '-', i = 1;
  if (i == s.size()) return false;
  int64_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    if (v > (INT64_MAX - 9) / 10) return false;
    v = v * 10 + (s[i] - '0');
  }
  out = neg ? -v : v;
  return true;
}

int run_csplit(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Splitter s{inv, args.operands};
  if (const auto* v = args.last(kPrefix)) s.prefix = *v;
  if (const auto* v = args.last(kSuffix)) {
    SuffixFormat f;
    if (auto err = parse_suffix(*v, f)) {
      inv.error(*err);
      return 1;
    }
    s.suffix = f;
  }
  if (const auto* v = args.last(kDigits)) {
    int64_t n;
    if (!parse_int(*v, n, false) || n > 1000) {
      inv.error("invalid number: " + fsu::quote_arg(inv, *v));
      return 1;
    }
    s.digits = static_cast<int>(n);
  }
  s.keep = args.has(kKeep);
  s.quiet = args.has(kQuiet);
  s.elide = args.has(kElide);
  s.suppress_matched = args.has(kSuppressMatched);

  auto& ops = args.operands;
  if (ops.empty()) {
    inv.error("missing operand");
    print_try_help(inv);
    return 1;
  }
  if (ops.size() == 1) {
    inv.error("missing operand after " + fsu::quote_arg(inv, ops[0]));
    print_try_help(inv);
    return 1;
  }

  // Patterns are checked before the input is read, as GNU does.
  unsigned regex_flags = fsu::utf8_locale(inv) ? unsigned(text::kUtf8) : 0u;
  std::vector<Control> controls;
  int64_t last_line_number = 0;
  for (size_t i = 1; i < ops.size(); ++i) {
    const std::string& arg = ops[i];
    auto q = [&](std::string_view x) { return quote_escaped(inv, x); };
    if (arg[0] == '/' || arg[0] == '%') {
      char delim = arg[0];
      size_t close = arg.rfind(delim);
      if (close == 0) {
        inv.error(arg + ": closing delimiter '" + delim + "' missing");
        return 1;
      }
      Control c;
      c.argnum = i;
      c.ignore = delim == '%';
      std::string_view tail = std::string_view(arg).substr(close + 1);
      if (!tail.empty() && !parse_int(tail, c.offset, true)) {
        inv.error(q(arg) + ": integer expected after delimiter");
        return 1;
      }
      auto compiled = text::Regex::compile(std::string_view(arg).substr(1, close - 1), text::Syntax::kBasic,
                                           regex_flags);
      if (!compiled) {
        inv.error(q(arg) + ": invalid regular expression: " + compiled.error);
        return 1;
      }
      c.regex = compiled.regex;
      controls.push_back(c);
    } else if (arg[0] == '{') {
      if (controls.empty()) {
        inv.error(q(arg) + ": invalid pattern");
        return 1;
      }
      if (arg.back() != '}') {
        inv.error(q(arg) + ": '}' is required in repeat count");
        return 1;
      }
      std::string_view count = std::string_view(arg).substr(1, arg.size() - 2);
      Control& prev = controls.back();
      if (count == "*") {
        prev.repeat_forever = true;
      } else if (!parse_int(count, prev.repeat, false)) {
        inv.error(q(arg.substr(0, arg.size() - 1)) + "}: integer required between '{' and '}'");
        return 1;
      }
    } else {
      Control c;
      c.argnum = i;
      if (!parse_int(arg, c.lines_required, false)) {
        inv.error(q(arg) + ": invalid pattern");
        return 1;
      }
      if (c.lines_required == 0) {
        inv.error(arg + ": line number must be greater than zero");
        return 1;
      }
      if (c.lines_required < last_line_number) {
        inv.error("line number " + q(arg) + " is smaller than preceding line number, " +
                  std::to_string(last_line_number));
        return 1;
      }
      if (c.lines_required == last_line_number)
        inv.error("warning: line number " + q(arg) + " is the same as preceding line number");
      last_line_number = c.lines_required;
      controls.push_back(c);
    }
  }

  text::Input in;
  if (vfs::Error err = text::open_input(inv, ops[0], in)) {
    inv.error("cannot open " + text::quoteaf(ops[0]) + " for reading: " + vfs::error_text(err));
    return 1;
  }
  vfs::Error err;
  char buf[65536];
  for (;;) {
    size_t got = text::read_block(in, buf, sizeof buf, err);
    if (err || got == 0) break;
    s.data.append(buf, got);
  }
  if (err) {
    inv.error("read error: " + vfs::error_text(err));
    return 1;
  }
  for (size_t pos = 0; pos < s.data.size();) {
    size_t nl = s.data.find('\n', pos);
    size_t end = nl == std::string::npos ? s.data.size() : nl + 1;
    s.lines.emplace_back(s.data.data() + pos, end - pos);
    pos = end;
  }

  try {
    s.split(controls);
  } catch (const Fatal&) {
    // GNU closes (and reports) the piece in progress, then removes them all.
    try {
      s.close_output_file();
    } catch (const Fatal&) {
    }
    s.delete_all_files();
    return 1;
  }
  if (text::report_write_error(inv)) return 1;
  return 0;
}

}  // namespace

BURROW_COMMAND(csplit, "split a file into context-determined pieces", run_csplit);

}  // namespace burrow
