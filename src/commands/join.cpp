// join: join lines of two files on a common field (GNU coreutils 9).
#include <cstring>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kUnpaired, kEmpty, kIgnoreCase, kJoinField, kFormat, kTab, kOnlyUnpaired, kField1, kField2, kCheckOrder, kNoCheckOrder, kHeader, kZero };

constexpr OptionSpec kOptions[] = {
    {kUnpaired, 'a', "", ArgKind::kRequired, "also print unpairable lines from file FILENUM", "FILENUM"},
    {kEmpty, 'e', "", ArgKind::kRequired, "replace missing input fields with EMPTY", "EMPTY"},
    {kIgnoreCase, 'i', "ignore-case", ArgKind::kNone, "ignore differences in case when comparing fields"},
    {kJoinField, 'j', "", ArgKind::kRequired, "equivalent to '-1 FIELD -2 FIELD'", "FIELD"},
    {kFormat, 'o', "", ArgKind::kRequired, "obey FORMAT while constructing output line", "FORMAT"},
    {kTab, 't', "", ArgKind::kRequired, "use CHAR as input and output field separator", "CHAR"},
    {kOnlyUnpaired, 'v', "", ArgKind::kRequired, "like -a FILENUM, but suppress joined output lines", "FILENUM"},
    {kField1, '1', "", ArgKind::kRequired, "join on this FIELD of file 1", "FIELD"},
    {kField2, '2', "", ArgKind::kRequired, "join on this FIELD of file 2", "FIELD"},
    {kCheckOrder, 0, "check-order", ArgKind::kNone, "check that the input is correctly sorted"},
    {kNoCheckOrder, 0, "nocheck-order", ArgKind::kNone, "do not check that the input is correctly sorted"},
    {kHeader, 0, "header", ArgKind::kNone, "treat the first line in each file as field headers"},
    {kZero, 'z', "zero-terminated", ArgKind::kNone, "line delimiter is NUL, not newline"},
};

constexpr CommandSpec kSpec{
    "Usage: join [OPTION]... FILE1 FILE2",
    "For each pair of input lines with identical join fields, write a line to\n"
    "standard output.  The default join field is the first, delimited by blanks.",
    kOptions,
};

struct Line {
  std::string text;
  std::vector<std::pair<size_t, size_t>> fields;  // offset, length
  std::string_view field(size_t i) const {
    return i < fields.size() ? std::string_view(text).substr(fields[i].first, fields[i].second) : std::string_view();
  }
};

struct OutField {
  int file;  // 0: join field
  size_t field;
};

struct Joiner {
  Invocation& inv;
  int tab = -1;
  bool ignore_case = false;
  size_t jf[2] = {0, 0};
  std::string empty;
  bool has_empty = false;
  std::vector<OutField> format;
  bool autoformat = false;
  size_t autocount[2] = {0, 0};
  bool print_unpaired[2] = {false, false};
  bool print_pairs = true;
  int check = 0;
  bool seen_unpairable = false;
  bool warned[2] = {false, false};
  char eol = '\n';
  std::string names[2];
  uint64_t line_no[2] = {0, 0};
  Line prev[2];
  bool have_prev[2] = {false, false};
  text::Input* in[2];
  bool failed = false;

  void split(Line& l) const {
    l.fields.clear();
    const std::string& s = l.text;
    size_t n = s.size();
    if (tab >= 0) {
      if (n == 0) return;
      size_t start = 0;
      for (size_t i = 0; i < n; ++i) {
        if (s[i] == static_cast<char>(tab)) {
          l.fields.push_back({start, i - start});
          start = i + 1;
        }
      }
      l.fields.push_back({start, n - start});
      return;
    }
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n'; };
    size_t p = 0;
    while (p < n && blank(s[p])) ++p;
    if (p == n) return;
    while (true) {
      size_t sep = p + 1;
      while (sep < n && !blank(s[sep])) ++sep;
      l.fields.push_back({p, sep - p});
      if (sep == n) return;
      p = sep + 1;
      while (p < n && blank(s[p])) ++p;
      if (p == n) {
        l.fields.push_back({p, 0});
        return;
      }
    }
  }

  int keycmp(const Line& a, const Line& b, size_t fa, size_t fb) const {
    std::string_view x = a.field(fa), y = b.field(fb);
    if (x.empty()) return y.empty() ? 0 : -1;
    if (y.empty()) return 1;
    size_t n = std::min(x.size(), y.size());
    int d = 0;
    if (ignore_case) {
      for (size_t i = 0; i < n && !d; ++i)
        d = std::toupper(static_cast<unsigned char>(x[i])) - std::toupper(static_cast<unsigned char>(y[i]));
    } else {
      d = std::memcmp(x.data(), y.data(), n);
    }
    if (d) return d;
    return (x.size() > y.size()) - (x.size() < y.size());
  }

  // Reads the next line of file w (0/1), checking order against the last.
  bool get_line(int w, Line& out) {
    if (in[w]->is_dir) {
      if (!failed) inv.error("read error: " + vfs::error_text(vfs::make_error(EISDIR)));
      failed = true;
      return false;
    }
    if (!in[w]->in->read_line(out.text, eol)) return false;
    ++line_no[w];
    split(out);
    if (have_prev[w] && check >= 0 && (check == 1 || seen_unpairable) && !warned[w]) {
      if (keycmp(prev[w], out, jf[w], jf[w]) > 0) {
        inv.error(names[w] + ":" + std::to_string(line_no[w]) + ": is not sorted: " + out.text);
        if (check == 1) {
          failed = true;
          return false;
        }
        warned[w] = true;
      }
    }
    prev[w] = out;
    have_prev[w] = true;
    return true;
  }

  void put_field(std::string& o, const Line* l, size_t i) const {
    std::string_view f = l ? l->field(i) : std::string_view();
    if (!f.empty()) o += f;
    else if (has_empty) o += empty;
  }

  void prjoin(const Line* l1, const Line* l2) {
    std::string o;
    char sep = tab >= 0 ? static_cast<char>(tab) : ' ';
    if (!format.empty()) {
      bool first = true;
      for (const OutField& f : format) {
        if (!first) o += sep;
        first = false;
        if (f.file == 0) {
          if (l1) put_field(o, l1, jf[0]);
          else put_field(o, l2, jf[1]);
        } else {
          put_field(o, f.file == 1 ? l1 : l2, f.field);
        }
      }
    } else {
      const Line* l = l1 ? l1 : l2;
      put_field(o, l, l1 ? jf[0] : jf[1]);
      for (int w = 0; w < 2; ++w) {
        const Line* x = w == 0 ? l1 : l2;
        size_t nf = autoformat ? autocount[w] : (x ? x->fields.size() : 0);
        for (size_t i = 0; i < nf; ++i) {
          if (i == jf[w]) continue;
          o += sep;
          put_field(o, x, i);
        }
      }
    }
    o += eol;
    inv.out().write(o);
  }

  int run(bool header) {
    std::vector<Line> seq[2];
    Line l;
    if (header) {
      Line h[2];
      bool got[2];
      for (int w = 0; w < 2; ++w) {
        got[w] = in[w]->in->read_line(h[w].text, eol);
        if (got[w]) {
          ++line_no[w];
          split(h[w]);
        }
      }
      if (got[0] || got[1]) prjoin(got[0] ? &h[0] : nullptr, got[1] ? &h[1] : nullptr);
    }
    for (int w = 0; w < 2; ++w) {
      if (get_line(w, l)) seq[w].push_back(l);
      if (failed) return 1;
    }
    if (autoformat) {
      for (int w = 0; w < 2; ++w) autocount[w] = seq[w].empty() ? 0 : seq[w][0].fields.size();
    }
    while (!seq[0].empty() && !seq[1].empty()) {
      int diff = keycmp(seq[0][0], seq[1][0], jf[0], jf[1]);
      if (diff != 0) {
        int w = diff < 0 ? 0 : 1;
        if (print_unpaired[w]) prjoin(w == 0 ? &seq[0][0] : nullptr, w == 1 ? &seq[1][0] : nullptr);
        seq[w].clear();
        if (get_line(w, l)) seq[w].push_back(l);
        seen_unpairable = true;
        if (failed) return 1;
        continue;
      }
      bool eof[2] = {false, false};
      for (int w = 0; w < 2; ++w) {
        for (;;) {
          if (!get_line(w, l)) {
            if (failed) return 1;
            eof[w] = true;
            break;
          }
          seq[w].push_back(l);
          const Line& last = seq[w].back();
          int d = w == 0 ? keycmp(last, seq[1][0], jf[0], jf[1]) : keycmp(seq[0][0], last, jf[0], jf[1]);
          if (d != 0) break;
        }
      }
      if (print_pairs) {
        size_t n0 = eof[0] ? seq[0].size() : seq[0].size() - 1;
        size_t n1 = eof[1] ? seq[1].size() : seq[1].size() - 1;
        for (size_t i = 0; i < n0; ++i)
          for (size_t j = 0; j < n1; ++j) prjoin(&seq[0][i], &seq[1][j]);
      }
      for (int w = 0; w < 2; ++w) {
        if (eof[w]) {
          seq[w].clear();
        } else {
          Line keep = std::move(seq[w].back());
          seq[w].clear();
          seq[w].push_back(std::move(keep));
        }
      }
      if (!inv.out().ok()) return 0;
    }
    bool checktail = check >= 0 && !(warned[0] && warned[1]);
    for (int w = 0; w < 2; ++w) {
      if ((print_unpaired[w] || checktail) && !seq[w].empty()) {
        if (print_unpaired[w]) prjoin(w == 0 ? &seq[0][0] : nullptr, w == 1 ? &seq[1][0] : nullptr);
        if (!seq[1 - w].empty()) seen_unpairable = true;
        while (get_line(w, l)) {
          if (print_unpaired[w]) prjoin(w == 0 ? &l : nullptr, w == 1 ? &l : nullptr);
          if (warned[w] && !print_unpaired[w]) break;
        }
        if (failed) return 1;
      }
    }
    if (warned[0] || warned[1]) {
      inv.error("input is not in sorted order");
      return 1;
    }
    return failed ? 1 : 0;
  }
};

bool parse_field(Invocation& inv, const std::string& s, size_t& out) {
  char* end;
  errno = 0;
  unsigned long long v = strtoull(s.c_str(), &end, 10);
  if (s.empty() || *end || v == 0 || errno || s[0] == '-') {
    inv.error("invalid field number: " + text::quote(s));
    return false;
  }
  out = static_cast<size_t>(v - 1);
  return true;
}

int run_join(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Joiner j{inv};
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kUnpaired:
      case kOnlyUnpaired: {
        if (o.value != "1" && o.value != "2") {
          inv.error("invalid field number: " + text::quote(o.value));
          return 1;
        }
        j.print_unpaired[o.value[0] - '1'] = true;
        if (o.id == kOnlyUnpaired) j.print_pairs = false;
        break;
      }
      case kEmpty:
        j.empty = o.value;
        j.has_empty = true;
        break;
      case kIgnoreCase: j.ignore_case = true; break;
      case kJoinField: {
        size_t f;
        if (!parse_field(inv, o.value, f)) return 1;
        j.jf[0] = j.jf[1] = f;
        break;
      }
      case kField1:
      case kField2: {
        size_t f;
        if (!parse_field(inv, o.value, f)) return 1;
        j.jf[o.id == kField1 ? 0 : 1] = f;
        break;
      }
      case kFormat: {
        if (o.value == "auto") {
          j.autoformat = true;
          break;
        }
        std::string s = o.value;
        size_t i = 0;
        while (i < s.size()) {
          size_t e = s.find_first_of(", \t", i);
          std::string item = s.substr(i, e == std::string::npos ? std::string::npos : e - i);
          i = e == std::string::npos ? s.size() : e + 1;
          if (item.empty()) continue;
          if (item == "0") {
            j.format.push_back({0, 0});
            continue;
          }
          if (item.size() < 3 || (item[0] != '1' && item[0] != '2') || item[1] != '.') {
            inv.error("invalid file number in field spec: " + text::quote(item));
            return 1;
          }
          size_t f;
          if (!parse_field(inv, item.substr(2), f)) return 1;
          j.format.push_back({item[0] - '0', f});
        }
        break;
      }
      case kTab: {
        int t;
        if (o.value.empty()) t = '\n';
        else if (o.value.size() == 1) t = static_cast<unsigned char>(o.value[0]);
        else if (o.value == "\\0") t = 0;
        else {
          inv.error("multi-character tab " + text::quote(o.value));
          return 1;
        }
        if (j.tab >= 0 && j.tab != t) {
          inv.error("incompatible tabs");
          return 1;
        }
        j.tab = t;
        break;
      }
      case kCheckOrder: j.check = 1; break;
      case kNoCheckOrder: j.check = -1; break;
      case kZero: j.eol = '\0'; break;
      default: break;
    }
  }
  const auto& ops = args.operands;
  if (ops.size() < 2) {
    inv.error(ops.empty() ? "missing operand" : "missing operand after " + text::quote(ops.back()));
    print_try_help(inv);
    return 1;
  }
  if (ops.size() > 2) {
    inv.error("extra operand " + text::quoteaf(ops[2]));
    print_try_help(inv);
    return 1;
  }
  text::Input in[2];
  for (int w = 0; w < 2; ++w) {
    if (vfs::Error err = text::open_input(inv, ops[w], in[w])) {
      inv.error(text::quotef(ops[w]) + ": " + vfs::error_text(err));
      return 1;
    }
    j.in[w] = &in[w];
    j.names[w] = ops[w];
  }
  int status = j.run(args.has(kHeader));
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(join, "join lines of two files on a common field", run_join);

}  // namespace burrow
