// nl: number lines of files (GNU coreutils 9).
#include <regex.h>

#include <cstring>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kBody, kDelim, kFooter, kHeader, kIncrement, kJoinBlank, kFormat, kNoRenumber, kSep, kStart, kWidth };

constexpr OptionSpec kOptions[] = {
    {kBody, 'b', "body-numbering", ArgKind::kRequired, "use STYLE for numbering body lines", "STYLE"},
    {kDelim, 'd', "section-delimiter", ArgKind::kRequired, "use CC for logical page delimiters", "CC"},
    {kFooter, 'f', "footer-numbering", ArgKind::kRequired, "use STYLE for numbering footer lines", "STYLE"},
    {kHeader, 'h', "header-numbering", ArgKind::kRequired, "use STYLE for numbering header lines", "STYLE"},
    {kIncrement, 'i', "line-increment", ArgKind::kRequired, "line number increment at each line", "NUMBER"},
    {kJoinBlank, 'l', "join-blank-lines", ArgKind::kRequired, "group of NUMBER empty lines counted as one", "NUMBER"},
    {kFormat, 'n', "number-format", ArgKind::kRequired, "insert line numbers according to FORMAT", "FORMAT"},
    {kNoRenumber, 'p', "no-renumber", ArgKind::kNone, "do not reset line numbers for each section"},
    {kSep, 's', "number-separator", ArgKind::kRequired, "add STRING after (possible) line number", "STRING"},
    {kStart, 'v', "starting-line-number", ArgKind::kRequired, "first line number for each section", "NUMBER"},
    {kWidth, 'w', "number-width", ArgKind::kRequired, "use NUMBER columns for line numbers", "NUMBER"},
};

constexpr CommandSpec kSpec{
    "Usage: nl [OPTION]... [FILE]...",
    "Write each FILE to standard output, with line numbers added.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    kOptions,
};

struct Style {
  char kind = 'n';  // a, t, n, p
  std::shared_ptr<regex_t> re;
};

bool parse_style(const std::string& v, Style& out) {
  if (v == "a" || v == "t" || v == "n") {
    out.kind = v[0];
    return true;
  }
  if (!v.empty() && v[0] == 'p') {
    auto re = std::shared_ptr<regex_t>(new regex_t, [](regex_t* r) {
      regfree(r);
      delete r;
    });
    if (regcomp(re.get(), v.c_str() + 1, REG_NOSUB)) return false;
    out.kind = 'p';
    out.re = re;
    return true;
  }
  return false;
}

bool parse_int(const std::string& v, long long& out) {
  if (v.empty()) return false;
  char* end;
  errno = 0;
  out = strtoll(v.c_str(), &end, 10);
  return !*end && errno == 0;
}

int run_nl(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Style styles[3];  // header, body, footer
  styles[1].kind = 't';
  std::string delim = "\\:";
  long long incr = 1, join = 1, start = 1, width = 6;
  std::string sep = "\t";
  std::string format = "rn";
  bool renumber = true;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kBody:
      case kHeader:
      case kFooter: {
        int idx = o.id == kHeader ? 0 : o.id == kBody ? 1 : 2;
        if (!parse_style(o.value, styles[idx])) {
          const char* what = idx == 0 ? "header" : idx == 1 ? "body" : "footer";
          inv.error(std::string("invalid ") + what + " numbering style: " + text::quote(o.value));
          print_try_help(inv);
          return 1;
        }
        break;
      }
      case kDelim:
        delim = o.value;
        if (delim.size() == 1) delim += ':';
        break;
      case kIncrement:
        if (!parse_int(o.value, incr)) {
          inv.error("invalid line number increment: " + text::quote(o.value));
          return 1;
        }
        break;
      case kJoinBlank:
        if (!parse_int(o.value, join) || join < 1) {
          inv.error("invalid line number of blank lines: " + text::quote(o.value) +
                    (join < 1 && parse_int(o.value, join) ? ": Numerical result out of range" : ""));
          return 1;
        }
        break;
      case kFormat:
        if (o.value != "ln" && o.value != "rn" && o.value != "rz") {
          inv.error("invalid line numbering format: " + text::quote(o.value));
          print_try_help(inv);
          return 1;
        }
        format = o.value;
        break;
      case kNoRenumber: renumber = false; break;
      case kSep: sep = o.value; break;
      case kStart:
        if (!parse_int(o.value, start)) {
          inv.error("invalid starting line number: " + text::quote(o.value));
          return 1;
        }
        break;
      case kWidth: {
        bool ok = parse_int(o.value, width);
        if (!ok || width < 1 || width > INT32_MAX) {
          inv.error("invalid line number field width: " + text::quote(o.value) +
                    (ok ? ": Numerical result out of range" : ""));
          return 1;
        }
        break;
      }
    }
  }
  std::string header = delim + delim + delim, body = delim + delim, footer = delim;
  std::string blank_prefix(static_cast<size_t>(width) + sep.size(), ' ');
  long long number = start;
  int section = 1;
  long long blanks = 0;
  if (args.operands.empty()) args.operands.push_back("-");
  int status = 0;
  std::string line, out_line;
  OutStream& out = inv.out();
  for (const std::string& name : args.operands) {
    text::Input in;
    if (vfs::Error err = text::open_input(inv, name, in)) {
      inv.error(text::quotef(name) + ": " + vfs::error_text(err));
      status = 1;
      continue;
    }
    if (in.is_dir) {
      inv.error(text::quotef(name) + ": " + vfs::error_text(vfs::make_error(EISDIR)));
      status = 1;
      continue;
    }
    while (in.in->read_line(line)) {
      int new_section = -1;
      if (!delim.empty()) {
        if (line == header) new_section = 0;
        else if (line == body) new_section = 1;
        else if (line == footer) new_section = 2;
      }
      if (new_section >= 0) {
        section = new_section;
        if (renumber) number = start;
        out.put('\n');
        continue;
      }
      const Style& st = styles[section];
      bool num = false;
      switch (st.kind) {
        case 'a':
          if (line.empty()) {
            ++blanks;
            if (blanks >= join) {
              num = true;
              blanks = 0;
            }
          } else {
            blanks = 0;
            num = true;
          }
          break;
        case 't': num = !line.empty(); break;
        case 'n': num = false; break;
        case 'p': num = regexec(st.re.get(), line.c_str(), 0, nullptr, 0) == 0; break;
      }
      out_line.clear();
      if (num) {
        char tmp[64];
        int n;
        if (format == "ln") n = snprintf(tmp, sizeof tmp, "%-*lld", static_cast<int>(width), number);
        else if (format == "rz") n = snprintf(tmp, sizeof tmp, "%0*lld", static_cast<int>(width), number);
        else n = snprintf(tmp, sizeof tmp, "%*lld", static_cast<int>(width), number);
        out_line.append(tmp, n);
        out_line += sep;
        number += incr;
      } else {
        out_line += blank_prefix;
      }
      out_line += line;
      out_line += '\n';
      out.write(out_line);
      if (!out.ok()) break;
    }
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(nl, "number lines of files", run_nl);

}  // namespace burrow
