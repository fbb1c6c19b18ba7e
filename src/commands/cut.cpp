// cut: remove sections from each line of files (GNU coreutils 9.1; -c is
// byte-based, as in GNU).
#include <algorithm>
#include <cstring>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kBytes, kChars, kDelim, kFields, kNoSplit, kComplement, kOnlyDelimited, kOutDelim, kZero };

constexpr OptionSpec kOptions[] = {
    {kBytes, 'b', "bytes", ArgKind::kRequired, "select only these bytes", "LIST"},
    {kChars, 'c', "characters", ArgKind::kRequired, "select only these characters", "LIST"},
    {kDelim, 'd', "delimiter", ArgKind::kRequired, "use DELIM instead of TAB for field delimiter", "DELIM"},
    {kFields, 'f', "fields", ArgKind::kRequired, "select only these fields", "LIST"},
    {kNoSplit, 'n', "", ArgKind::kNone, "(ignored)"},
    {kComplement, 0, "complement", ArgKind::kNone, "complement the set of selected bytes, characters or fields"},
    {kOnlyDelimited, 's', "only-delimited", ArgKind::kNone, "do not print lines not containing delimiters"},
    {kOutDelim, 0, "output-delimiter", ArgKind::kRequired, "use STRING as the output delimiter", "STRING"},
    {kZero, 'z', "zero-terminated", ArgKind::kNone, "line delimiter is NUL, not newline"},
};

constexpr CommandSpec kSpec{
    "Usage: cut OPTION... [FILE]...",
    "Print selected parts of lines from each FILE to standard output.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    kOptions,
};

struct Range {
  uint64_t lo, hi;
};

// GNU set_fields(): returns an error message or empty.
std::string parse_list(std::string_view list, bool positions, std::vector<Range>& out) {
  uint64_t value = 0, initial = 1;
  bool lhs = false, rhs = false, dash = false, in_digits = false;
  size_t num_start = 0;
  const char* zero = positions ? "byte/character positions are numbered from 1" : "fields are numbered from 1";
  for (size_t i = 0;; ++i) {
    char c = i < list.size() ? list[i] : '\0';
    if (c == '-') {
      in_digits = false;
      if (dash) return positions ? "invalid byte or character range" : "invalid field range";
      dash = true;
      if (lhs && !value) return zero;
      initial = lhs ? value : 1;
      value = 0;
    } else if (c == ',' || c == ' ' || c == '\t' || c == '\0') {
      in_digits = false;
      if (dash) {
        dash = false;
        if (!lhs && !rhs) return "invalid range with no endpoint: -";
        if (!rhs) {
          out.push_back({initial, UINT64_MAX});
        } else {
          if (value < initial) return "invalid decreasing range";
          out.push_back({initial, value});
        }
        value = 0;
      } else {
        if (value == 0) return zero;
        out.push_back({value, value});
        value = 0;
      }
      if (i >= list.size()) break;
      lhs = rhs = false;
    } else if (c >= '0' && c <= '9') {
      if (!in_digits) num_start = i;
      in_digits = true;
      (dash ? rhs : lhs) = true;
      unsigned __int128 v = static_cast<unsigned __int128>(value) * 10 + (c - '0');
      if (v >= UINT64_MAX) {
        size_t len = 0;
        while (num_start + len < list.size() && std::isdigit(static_cast<unsigned char>(list[num_start + len]))) ++len;
        return std::string(positions ? "byte/character offset " : "field number ") +
               text::quote(list.substr(num_start, len)) + " is too large";
      }
      value = static_cast<uint64_t>(v);
    } else {
      return std::string(positions ? "invalid byte/character position " : "invalid field value ") +
             text::quote(list.substr(i));
    }
  }
  std::sort(out.begin(), out.end(), [](const Range& a, const Range& b) { return a.lo < b.lo; });
  std::vector<Range> merged;
  for (const Range& r : out) {
    if (!merged.empty() && r.lo <= merged.back().hi) merged.back().hi = std::max(merged.back().hi, r.hi);
    else merged.push_back(r);
  }
  out = merged;
  return "";
}

std::vector<Range> complement(const std::vector<Range>& in) {
  std::vector<Range> out;
  uint64_t next = 1;
  for (const Range& r : in) {
    if (r.lo > next) out.push_back({next, r.lo - 1});
    if (r.hi == UINT64_MAX) return out;
    next = r.hi + 1;
  }
  out.push_back({next, UINT64_MAX});
  return out;
}

struct Cutter {
  std::vector<Range> ranges;
  bool fields = false, only_delimited = false, has_out_delim = false;
  char delim = '\t', eol = '\n';
  std::string out_delim;

  void cut_bytes(std::string_view line, std::string& out) const {
    bool first = true;
    for (const Range& r : ranges) {
      if (r.lo > line.size()) break;
      uint64_t hi = std::min<uint64_t>(r.hi, line.size());
      if (has_out_delim && !first) out += out_delim;
      out.append(line.data() + r.lo - 1, hi - r.lo + 1);
      first = false;
    }
  }

  // Returns false when the line is to be suppressed.
  bool cut_fields(std::string_view line, std::string& out) const {
    const char* p = line.data();
    const char* end = p + line.size();
    const char* d = static_cast<const char*>(std::memchr(p, delim, line.size()));
    if (!d) {
      if (only_delimited) return false;
      out.append(line);
      return true;
    }
    uint64_t field = 1;
    size_t ri = 0;
    bool first = true;
    const std::string& sep = has_out_delim ? out_delim : std::string(1, delim);
    for (;;) {
      const char* fe = d ? d : end;
      while (ri < ranges.size() && ranges[ri].hi < field) ++ri;
      if (ri == ranges.size()) break;
      if (ranges[ri].lo <= field) {
        if (!first) out += sep;
        out.append(p, fe - p);
        first = false;
      }
      if (!d) break;
      p = d + 1;
      ++field;
      d = static_cast<const char*>(std::memchr(p, delim, end - p));
    }
    return true;
  }
};

int run_cut(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Cutter c;
  const std::string* list = nullptr;
  bool positions = false, comp = false;
  const std::string* delim = nullptr;
  auto usage = [&](const std::string& msg) {
    inv.error(msg);
    print_try_help(inv);
    return 1;
  };
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kBytes:
      case kChars:
      case kFields:
        if (list) return usage("only one list may be specified");
        list = &o.value;
        positions = o.id != kFields;
        c.fields = o.id == kFields;
        break;
      case kDelim:
        if (o.value.size() > 1) return usage("the delimiter must be a single character");
        delim = &o.value;
        break;
      case kComplement: comp = true; break;
      case kOnlyDelimited: c.only_delimited = true; break;
      case kOutDelim:
        c.has_out_delim = true;
        c.out_delim = o.value;
        break;
      case kZero: c.eol = '\0'; break;
    }
  }
  if (!list) return usage("you must specify a list of bytes, characters, or fields");
  if (positions && delim) return usage("an input delimiter may be specified only when operating on fields");
  if (positions && c.only_delimited)
    return usage("suppressing non-delimited lines makes sense\n\tonly when operating on fields");
  std::string err = parse_list(*list, positions, c.ranges);
  if (!err.empty()) return usage(err);
  if (comp) c.ranges = complement(c.ranges);
  if (delim) c.delim = delim->empty() ? '\0' : (*delim)[0];
  if (c.has_out_delim && c.out_delim.empty()) c.out_delim = std::string(1, '\0');

  if (args.operands.empty()) args.operands.push_back("-");
  int status = 0;
  std::string line, result;
  for (const std::string& name : args.operands) {
    if (inv.cancelled()) return 130;
    text::Input in;
    if (vfs::Error e = text::open_input(inv, name, in)) {
      inv.error(text::quotef(name) + ": " + vfs::error_text(e));
      status = 1;
      continue;
    }
    if (in.is_dir) {
      inv.error(text::quotef(name) + ": " + vfs::error_text(vfs::make_error(EISDIR)));
      status = 1;
      continue;
    }
    OutStream& out = inv.out();
    while (in.in->read_line(line, c.eol)) {
      result.clear();
      bool keep = c.fields ? c.cut_fields(line, result) : (c.cut_bytes(line, result), true);
      if (keep) {
        result += c.eol;
        out.write(result);
      }
      if (!out.ok()) break;
    }
    if (!in.in->ok()) {
      inv.error(text::quotef(name) + ": " + vfs::error_text(in.in->error()));
      status = 1;
    }
    if (!out.ok()) break;
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(cut, "remove sections from each line of files", run_cut);

}  // namespace burrow
