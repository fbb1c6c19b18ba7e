// column: columnate lists (util-linux 2.38): fill mode and -t tables with
// -s -o -N -R -J, widths in display columns (UTF-8 aware).
#include <algorithm>
#include <cstring>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kColumns, kTable, kSeparator, kOutSep, kFillRows, kNames, kRight, kJson, kTableName, kKeepEmpty, kHide };

constexpr OptionSpec kOptions[] = {
    {kColumns, 'c', "output-width", ArgKind::kRequired, "width of output in number of characters", "width"},
    {kTable, 't', "table", ArgKind::kNone, "create a table"},
    {kSeparator, 's', "separator", ArgKind::kRequired, "possible table delimiters", "string"},
    {kOutSep, 'o', "output-separator", ArgKind::kRequired, "columns separator for table output (default is two spaces)", "string"},
    {kFillRows, 'x', "fillrows", ArgKind::kNone, "fill rows before columns"},
    {kNames, 'N', "table-columns", ArgKind::kRequired, "comma separated columns names", "names"},
    {kRight, 'R', "table-right", ArgKind::kRequired, "right align text in these columns", "columns"},
    {kJson, 'J', "json", ArgKind::kNone, "use JSON output format for table"},
    {kTableName, 'n', "table-name", ArgKind::kRequired, "table name for JSON output", "name"},
    {kKeepEmpty, 'L', "keep-empty-lines", ArgKind::kNone, "don't ignore empty lines"},
    {kHide, 'H', "table-hide", ArgKind::kRequired, "don't print the columns", "columns"},
};

constexpr CommandSpec kSpec{
    "Usage:\n column [options] [<file>...]",
    "Columnate lists.",
    kOptions,
};

size_t width_of(std::string_view s) {
  size_t w = 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  for (size_t i = 0; i < s.size();) {
    uint32_t cp;
    int len = text::decode_utf8(p + i, s.size() - i, cp);
    if (len == 0) {
      ++w;
      ++i;
      continue;
    }
    int cw = text::char_width(cp);
    w += cw > 0 ? cw : 0;
    i += len;
  }
  return w;
}

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= s.size()) {
    size_t c = s.find(',', i);
    if (c == std::string::npos) c = s.size();
    out.push_back(s.substr(i, c - i));
    i = c + 1;
  }
  return out;
}

std::string json_escape(std::string_view s) {
  std::string o;
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      o += '\\';
      o += static_cast<char>(c);
    } else if (c < 0x20) {
      char tmp[8];
      snprintf(tmp, sizeof tmp, "\\u%04x", c);
      o += tmp;
    } else {
      o += static_cast<char>(c);
    }
  }
  return o;
}

int run_column(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  size_t term_width = 80;
  std::string env_cols = inv.getenv("COLUMNS");
  if (!env_cols.empty() && std::all_of(env_cols.begin(), env_cols.end(), ::isdigit)) term_width = std::stoul(env_cols);
  bool table = false, fill_rows = false, json = false, keep_empty = false;
  std::string seps = " \t";
  bool custom_sep = false;
  std::string out_sep = "  ";
  std::vector<std::string> names, right, hide;
  std::string table_name = "table";
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kColumns: {
        char* end;
        long v = strtol(o.value.c_str(), &end, 10);
        if (o.value.empty() || *end || v <= 0) {
          inv.error("invalid columns argument: '" + o.value + "'");
          return 1;
        }
        term_width = static_cast<size_t>(v);
        break;
      }
      case kTable: table = true; break;
      case kSeparator: seps = o.value; custom_sep = true; break;
      case kOutSep: out_sep = o.value; break;
      case kFillRows: fill_rows = true; break;
      case kNames: names = split_list(o.value); break;
      case kRight: right = split_list(o.value); break;
      case kHide: hide = split_list(o.value); break;
      case kJson: json = true; table = true; break;
      case kTableName: table_name = o.value; break;
      case kKeepEmpty: keep_empty = true; break;
    }
  }
  if (json && names.empty()) {
    inv.error("option --table-columns required for --json");
    return 1;
  }
  if (args.operands.empty()) args.operands.push_back("-");
  std::vector<std::string> lines;
  int status = 0;
  for (const std::string& name : args.operands) {
    text::Input in;
    if (vfs::Error err = text::open_input(inv, name, in)) {
      inv.error("cannot open " + name + ": " + vfs::error_text(err));
      status = 1;
      continue;
    }
    if (in.is_dir) {
      inv.error("read failed: " + name + ": " + vfs::error_text(vfs::make_error(EISDIR)));
      status = 1;
      continue;
    }
    std::string line;
    while (in.in->read_line(line)) lines.push_back(line);
  }
  OutStream& out = inv.out();
  if (!table) {
    std::vector<std::string> ents;
    for (auto& l : lines) {
      size_t e = l.find_last_not_of(" \t");
      if (e == std::string::npos) continue;
      ents.push_back(l.substr(0, e + 1));
    }
    if (ents.empty()) return status;
    size_t maxlen = 0;
    for (auto& e : ents) maxlen = std::max(maxlen, width_of(e));
    maxlen = (maxlen + 8) & ~static_cast<size_t>(7);
    size_t numcols = term_width / maxlen;
    if (numcols == 0) numcols = 1;
    size_t n = ents.size();
    if (!fill_rows) {
      size_t numrows = n / numcols + (n % numcols ? 1 : 0);
      for (size_t row = 0; row < numrows; ++row) {
        size_t endcol = maxlen, chcnt = 0;
        for (size_t base = row, col = 0; col < numcols; ++col) {
          out << ents[base];
          chcnt += width_of(ents[base]);
          base += numrows;
          if (base >= n) break;
          while (chcnt < endcol) {
            out << "\t";
            chcnt = (chcnt + 8) & ~static_cast<size_t>(7);
          }
          endcol += maxlen;
        }
        out << "\n";
      }
    } else {
      size_t chcnt = 0, col = 0, endcol = maxlen;
      for (size_t i = 0; i < n; ++i) {
        out << ents[i];
        chcnt += width_of(ents[i]);
        if (++col == numcols) {
          chcnt = col = 0;
          endcol = maxlen;
          out << "\n";
        } else if (i + 1 < n) {
          size_t cnt;
          while ((cnt = (chcnt + 8) & ~static_cast<size_t>(7)) <= endcol) {
            out << "\t";
            chcnt = cnt;
          }
          endcol += maxlen;
        }
      }
      if (chcnt) out << "\n";
    }
    return status;
  }
  // Table mode.
  std::vector<std::vector<std::string>> rows;
  for (auto& l : lines) {
    std::vector<std::string> cells;
    if (!custom_sep) {
      size_t i = 0;
      while (i < l.size()) {
        while (i < l.size() && seps.find(l[i]) != std::string::npos) ++i;
        if (i >= l.size()) break;
        size_t s = i;
        while (i < l.size() && seps.find(l[i]) == std::string::npos) ++i;
        cells.push_back(l.substr(s, i - s));
      }
    } else {
      size_t s = 0;
      for (size_t i = 0; i <= l.size(); ++i) {
        if (i == l.size() || seps.find(l[i]) != std::string::npos) {
          cells.push_back(l.substr(s, i - s));
          s = i + 1;
        }
      }
      if (l.empty()) cells.clear();
    }
    if (cells.empty() && !keep_empty) continue;
    rows.push_back(cells);
  }
  size_t ncols = names.size();
  for (auto& r : rows) ncols = std::max(ncols, r.size());
  auto col_index = [&](const std::string& spec) -> long {
    for (size_t i = 0; i < names.size(); ++i)
      if (names[i] == spec) return static_cast<long>(i);
    char* end;
    long v = strtol(spec.c_str(), &end, 10);
    if (!spec.empty() && !*end && v > 0) return v - 1;
    return -1;
  };
  std::vector<bool> is_right(ncols, false), hidden(ncols, false);
  for (auto& r : right) {
    long c = col_index(r);
    if (c >= 0 && static_cast<size_t>(c) < ncols) is_right[c] = true;
  }
  for (auto& h : hide) {
    long c = col_index(h);
    if (c >= 0 && static_cast<size_t>(c) < ncols) hidden[c] = true;
  }
  if (json) {
    out << "{\n   \"" << json_escape(table_name) << "\": [\n";
    for (size_t r = 0; r < rows.size(); ++r) {
      out << (r == 0 ? "      {\n" : "      },{\n");
      bool first = true;
      for (size_t c = 0; c < ncols; ++c) {
        if (hidden[c]) continue;
        if (!first) out << ",\n";
        first = false;
        std::string name = c < names.size() ? names[c] : std::to_string(c + 1);
        out << "         \"" << json_escape(name) << "\": ";
        if (c < rows[r].size()) out << "\"" << json_escape(rows[r][c]) << "\"";
        else out << "null";
      }
      out << "\n";
    }
    if (!rows.empty()) out << "      }\n";
    out << "   ]\n}\n";
    return status;
  }
  if (!names.empty()) rows.insert(rows.begin(), names);
  std::vector<size_t> widths(ncols, 0);
  for (auto& r : rows)
    for (size_t c = 0; c < r.size(); ++c) widths[c] = std::max(widths[c], width_of(r[c]));
  size_t last_visible = 0;
  for (size_t c = 0; c < ncols; ++c)
    if (!hidden[c]) last_visible = c;
  for (auto& r : rows) {
    std::string line;
    bool first = true;
    size_t cells = names.empty() ? r.size() : ncols;
    for (size_t c = 0; c < cells; ++c) {
      if (hidden[c]) continue;
      if (!first) line += out_sep;
      first = false;
      std::string cell = c < r.size() ? r[c] : "";
      size_t w = width_of(cell);
      bool last = names.empty() ? c + 1 == r.size() : c == last_visible;
      if (is_right[c]) {
        line.append(widths[c] - w, ' ');
        line += cell;
      } else {
        line += cell;
        if (!last) line.append(widths[c] - w, ' ');
      }
    }
    out << line << "\n";
  }
  return status;
}

}  // namespace

BURROW_COMMAND(column, "columnate lists", run_column);

}  // namespace burrow
