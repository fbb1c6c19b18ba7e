// diff: compare files line by line (GNU diffutils 3.8): normal, unified,
// context, brief and side-by-side output, -r over directories.
#include <algorithm>
#include <cstring>
#include <ctime>
#include <deque>
#include <unordered_map>

#include "commands/args.h"
#include "commands/text/common.h"
#include "commands/text/count_byte.h"
#include "commands/text/diffseq.h"

namespace burrow {
namespace {

enum Opt {
  kBrief, kContext, kContextN, kUnified, kUnifiedN, kIgnoreCase, kIgnoreSpaceChange, kIgnoreAllSpace, kIgnoreBlank,
  kIgnoreTrailing, kText, kRecursive, kNewFile, kUnidirNew, kReportSame, kSideBySide, kWidth, kSuppressCommon,
  kLeftColumn, kLabel, kNormal, kMinimal, kStripCr, kExpandTabs, kInitialTab, kSpeed, kColor, kTabSize, kNoDeref
};

constexpr OptionSpec kOptions[] = {
    {kNormal, 0, "normal", ArgKind::kNone, "output a normal diff (the default)"},
    {kBrief, 'q', "brief", ArgKind::kNone, "report only when files differ"},
    {kReportSame, 's', "report-identical-files", ArgKind::kNone, "report when two files are the same"},
    {kContext, 'c', "", ArgKind::kNone, "output 3 lines of copied context"},
    {kContextN, 'C', "", ArgKind::kRequired, "output NUM (default 3) lines of copied context", "NUM"},
    {kContextN, 0, "context", ArgKind::kOptional, "", "NUM"},
    {kUnified, 'u', "", ArgKind::kNone, "output 3 lines of unified context"},
    {kUnifiedN, 'U', "", ArgKind::kRequired, "output NUM (default 3) lines of unified context", "NUM"},
    {kUnifiedN, 0, "unified", ArgKind::kOptional, "", "NUM"},
    {kSideBySide, 'y', "side-by-side", ArgKind::kNone, "output in two columns"},
    {kWidth, 'W', "width", ArgKind::kRequired, "output at most NUM (default 130) print columns", "NUM"},
    {kLeftColumn, 0, "left-column", ArgKind::kNone, "output only the left column of common lines"},
    {kSuppressCommon, 0, "suppress-common-lines", ArgKind::kNone, "do not output common lines"},
    {kExpandTabs, 't', "expand-tabs", ArgKind::kNone, "expand tabs to spaces in output"},
    {kInitialTab, 'T', "initial-tab", ArgKind::kNone, "make tabs line up by prepending a tab"},
    {kTabSize, 0, "tabsize", ArgKind::kRequired, "tab stops every NUM (default 8) print columns", "NUM"},
    {kRecursive, 'r', "recursive", ArgKind::kNone, "recursively compare any subdirectories found"},
    {kNoDeref, 0, "no-dereference", ArgKind::kNone, "don't follow symbolic links"},
    {kNewFile, 'N', "new-file", ArgKind::kNone, "treat absent files as empty"},
    {kUnidirNew, 0, "unidirectional-new-file", ArgKind::kNone, "treat absent first files as empty"},
    {kIgnoreCase, 'i', "ignore-case", ArgKind::kNone, "ignore case differences in file contents"},
    {kIgnoreTrailing, 'Z', "ignore-trailing-space", ArgKind::kNone, "ignore white space at line end"},
    {kIgnoreSpaceChange, 'b', "ignore-space-change", ArgKind::kNone, "ignore changes in the amount of white space"},
    {kIgnoreAllSpace, 'w', "ignore-all-space", ArgKind::kNone, "ignore all white space"},
    {kIgnoreBlank, 'B', "ignore-blank-lines", ArgKind::kNone, "ignore changes where lines are all blank"},
    {kText, 'a', "text", ArgKind::kNone, "treat all files as text"},
    {kStripCr, 0, "strip-trailing-cr", ArgKind::kNone, "strip trailing carriage return on input"},
    {kLabel, 0, "label", ArgKind::kRequired, "use LABEL instead of file name and timestamp", "LABEL"},
    {kMinimal, 'd', "minimal", ArgKind::kNone, "try hard to find a smaller set of changes"},
    {kSpeed, 0, "speed-large-files", ArgKind::kNone, "assume large files and many scattered small changes"},
    {kColor, 0, "color", ArgKind::kOptional, "color output", "WHEN"},
};

constexpr CommandSpec kSpec{
    "Usage: diff [OPTION]... FILES",
    "Compare FILES line by line.",
    kOptions,
    2,
    false,
    "",
    false,
    true,
};

enum class Format { kNormal, kContext, kUnified, kSideBySide, kBrief };

struct Options {
  Format format = Format::kNormal;
  int64_t context = 3;
  bool ignore_case = false, space_change = false, all_space = false, trailing = false, blank_lines = false;
  bool text = false, recursive = false, new_file = false, unidir_new = false, report_same = false;
  bool minimal = false, strip_cr = false, expand_tabs = false, initial_tab = false;
  bool suppress_common = false, left_column = false;
  int64_t width = 130, tabsize = 8;
  std::vector<std::string> labels;
};

struct FileData {
  std::string name;     // as shown in messages
  std::string path;     // sandbox path, or "-"
  std::string data;
  std::vector<std::string_view> lines;  // without the newline
  bool missing_newline = false;
  bool exists = true;
  vfs::Stat st;
};

struct Change {
  int64_t line0, line1, deleted, inserted;
  bool ignore = false;
};

struct Differ {
  Invocation& inv;
  const Options& o;
  OutStream& out;

  bool is_binary(const std::string& d) const {
    size_t n = std::min<size_t>(d.size(), 32768);
    return std::memchr(d.data(), '\0', n) != nullptr;
  }

  std::string normalize(std::string_view l) const {
    std::string s;
    if (o.strip_cr && !l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (o.all_space) {
      for (char c : l)
        if (!std::isspace(static_cast<unsigned char>(c))) s += c;
    } else if (o.space_change) {
      bool in_space = false;
      for (char c : l) {
        if (std::isspace(static_cast<unsigned char>(c))) {
          in_space = true;
          continue;
        }
        if (in_space) s += ' ';
        in_space = false;
        s += c;
      }
    } else if (o.trailing) {
      size_t e = l.size();
      while (e > 0 && std::isspace(static_cast<unsigned char>(l[e - 1]))) --e;
      s.assign(l.substr(0, e));
    } else {
      s.assign(l);
    }
    if (o.ignore_case)
      for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  }

  static void split_lines(FileData& f) {
    const std::string& d = f.data;
    f.lines.reserve(text::count_byte(d.data(), d.size(), '\n') + 1);
    size_t p = 0;
    while (p < d.size()) {
      size_t nl = d.find('\n', p);
      if (nl == std::string::npos) {
        f.lines.emplace_back(d.data() + p, d.size() - p);
        f.missing_newline = true;
        break;
      }
      f.lines.emplace_back(d.data() + p, nl - p);
      p = nl + 1;
    }
  }

  static bool blank(std::string_view l) {
    for (char c : l)
      if (!std::isspace(static_cast<unsigned char>(c))) return false;
    return true;
  }

  std::string timestamp(const FileData& f) const {
    time_t t = static_cast<time_t>(f.st.mtime.sec);
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[64];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &tm);
    char full[96];
    snprintf(full, sizeof full, "%s.%09lld +0000", buf, static_cast<long long>(f.st.mtime.nsec));
    return full;
  }

  void print_line(char prefix_char, const char* prefix, std::string_view l, bool last_of_incomplete) {
    (void)prefix_char;
    std::string_view p(prefix);
    if (o.initial_tab && !p.empty()) {
      if (p.size() == 2 && p[1] == ' ') p.remove_suffix(1);
      out << p << "\t";
    } else {
      out << p;
    }
    out << l << "\n";
    if (last_of_incomplete) out << "\\ No newline at end of file\n";
  }

  // Returns the status for this pair: 0 same, 1 different.
  int compare(FileData& a, FileData& b) {
    if (a.data == b.data && a.exists == b.exists) {
      if (o.report_same) out << "Files " << a.name << " and " << b.name << " are identical\n";
      return 0;
    }
    if (!o.text && (is_binary(a.data) || is_binary(b.data))) {
      if (a.data == b.data) return 0;
      out << "Binary files " << a.name << " and " << b.name << " differ\n";
      return 1;
    }
    split_lines(a);
    split_lines(b);
    // Equivalence classes; an incomplete last line differs from a complete one.
    // Keys are views into the files' text; only lines that options rewrite
    // (or a last line without its newline) get a copy of their own.
    bool rewrites = o.strip_cr || o.all_space || o.space_change || o.trailing || o.ignore_case;
    std::deque<std::string> rewritten;
    std::unordered_map<std::string_view, int64_t> classes;
    classes.reserve(a.lines.size() + b.lines.size());
    std::vector<int64_t> ea, eb;
    auto classify = [&](FileData& f, std::vector<int64_t>& e) {
      e.reserve(f.lines.size());
      for (size_t i = 0; i < f.lines.size(); ++i) {
        std::string_view key = f.lines[i];
        bool incomplete = i + 1 == f.lines.size() && f.missing_newline;
        if (rewrites || incomplete) {
          rewritten.push_back(rewrites ? normalize(key) : std::string(key));
          if (incomplete) rewritten.back() += '\0';
          key = rewritten.back();
        }
        auto [it, inserted] = classes.emplace(key, static_cast<int64_t>(classes.size() + 1));
        e.push_back(it->second);
      }
    };
    classify(a, ea);
    classify(b, eb);
    if (ea == eb) {
      if (o.report_same) out << "Files " << a.name << " and " << b.name << " are identical\n";
      return 0;
    }
    if (o.format == Format::kBrief) {
      out << "Files " << a.name << " and " << b.name << " differ\n";
      return 1;
    }
    // Like GNU diff, leave the identical prefix and suffix out of the
    // analysis, except for `horizon` lines that boundary shifting may use.
    int64_t na0 = static_cast<int64_t>(ea.size()), nb0 = static_cast<int64_t>(eb.size());
    int64_t horizon = (o.format == Format::kUnified || o.format == Format::kContext) ? o.context : 0;
    auto same_line = [&](int64_t i, int64_t j) {
      return a.lines[i] == b.lines[j] && (i + 1 == na0 && a.missing_newline) == (j + 1 == nb0 && b.missing_newline);
    };
    int64_t prefix = 0;
    while (prefix < na0 && prefix < nb0 && same_line(prefix, prefix)) ++prefix;
    int64_t pk = std::max<int64_t>(0, prefix - horizon);
    int64_t suffix = 0;
    int64_t suffix_limit = std::min(na0, nb0) - pk;
    if (a.data.size() > b.data.size()) suffix_limit = nb0 - pk;
    else if (b.data.size() > a.data.size()) suffix_limit = na0 - pk;
    while (suffix < suffix_limit && same_line(na0 - 1 - suffix, nb0 - 1 - suffix)) ++suffix;
    int64_t sk = std::max<int64_t>(0, suffix - horizon);
    std::vector<int64_t> sa(ea.begin() + pk, ea.end() - sk), sb(eb.begin() + pk, eb.end() - sk);
    std::vector<char> ma, mb;
    text::diff_sequences(sa, sb, o.minimal, ma, mb);
    std::vector<char> ca(na0, 0), cb(nb0, 0);
    std::copy(ma.begin(), ma.end(), ca.begin() + pk);
    std::copy(mb.begin(), mb.end(), cb.begin() + pk);
    std::vector<Change> changes;
    int64_t i = 0, j = 0, na = static_cast<int64_t>(ea.size()), nb = static_cast<int64_t>(eb.size());
    while (i < na || j < nb) {
      if ((i < na && ca[i]) || (j < nb && cb[j])) {
        Change c{i, j, 0, 0};
        while (i < na && ca[i]) ++i, ++c.deleted;
        while (j < nb && cb[j]) ++j, ++c.inserted;
        if (o.blank_lines) {
          bool all_blank = true;
          for (int64_t k = 0; k < c.deleted && all_blank; ++k) all_blank = blank(a.lines[c.line0 + k]);
          for (int64_t k = 0; k < c.inserted && all_blank; ++k) all_blank = blank(b.lines[c.line1 + k]);
          c.ignore = all_blank;
        }
        changes.push_back(c);
      } else {
        ++i, ++j;
      }
    }
    bool any = false;
    for (const Change& c : changes) any |= !c.ignore;
    if (!any) {
      if (o.report_same) out << "Files " << a.name << " and " << b.name << " are identical\n";
      return 0;
    }
    switch (o.format) {
      case Format::kNormal: print_normal(a, b, changes); break;
      case Format::kUnified:
      case Format::kContext: print_hunks(a, b, changes); break;
      case Format::kSideBySide: print_side_by_side(a, b, ca, cb); break;
      case Format::kBrief: break;
    }
    return 1;
  }

  static std::string range(int64_t first, int64_t count) {
    // first is 0-based; "a,b" or "a"
    if (count <= 1) return std::to_string(count == 0 ? first : first + 1);
    return std::to_string(first + 1) + "," + std::to_string(first + count);
  }

  void print_normal(const FileData& a, const FileData& b, const std::vector<Change>& changes) {
    int64_t na = static_cast<int64_t>(a.lines.size()), nb = static_cast<int64_t>(b.lines.size());
    for (const Change& c : changes) {
      if (c.ignore) continue;
      if (c.deleted && c.inserted) out << range(c.line0, c.deleted) << "c" << range(c.line1, c.inserted) << "\n";
      else if (c.deleted) out << range(c.line0, c.deleted) << "d" << std::to_string(c.line1) << "\n";
      else out << std::to_string(c.line0) << "a" << range(c.line1, c.inserted) << "\n";
      for (int64_t k = 0; k < c.deleted; ++k) {
        int64_t l = c.line0 + k;
        print_line('<', "< ", a.lines[l], l + 1 == na && a.missing_newline);
      }
      if (c.deleted && c.inserted) out << "---\n";
      for (int64_t k = 0; k < c.inserted; ++k) {
        int64_t l = c.line1 + k;
        print_line('>', "> ", b.lines[l], l + 1 == nb && b.missing_newline);
      }
    }
  }

  static std::string unified_range(int64_t first, int64_t last) {
    int64_t ta = first + 1, tb = last + 1;
    if (tb <= ta) {
      if (tb < ta) return std::to_string(tb) + ",0";
      return std::to_string(ta);
    }
    return std::to_string(ta) + "," + std::to_string(tb - ta + 1);
  }
  static std::string context_range(int64_t first, int64_t last) {
    int64_t ta = first + 1, tb = last + 1;
    if (ta < tb) return std::to_string(ta) + "," + std::to_string(tb);
    return std::to_string(tb);
  }

  void print_header(const FileData& a, const FileData& b) {
    bool unified = o.format == Format::kUnified;
    const char* m0 = unified ? "--- " : "*** ";
    const char* m1 = unified ? "+++ " : "--- ";
    out << m0 << (o.labels.size() > 0 ? o.labels[0] : a.name + "\t" + timestamp(a)) << "\n";
    out << m1 << (o.labels.size() > 1 ? o.labels[1] : b.name + "\t" + timestamp(b)) << "\n";
  }

  void print_hunks(const FileData& a, const FileData& b, const std::vector<Change>& changes) {
    int64_t na = static_cast<int64_t>(a.lines.size()), nb = static_cast<int64_t>(b.lines.size());
    int64_t ctx = o.context;
    bool header_done = false;
    size_t ci = 0;
    while (ci < changes.size()) {
      // Group changes whose gaps are small enough to share context.
      size_t start = ci, end = ci;
      while (end + 1 < changes.size()) {
        const Change& cur = changes[end];
        const Change& next = changes[end + 1];
        int64_t top0 = cur.line0 + cur.deleted;
        int64_t thresh = (cur.ignore || next.ignore) ? ctx : 2 * ctx + 1;
        if (next.line0 - top0 >= thresh) break;
        ++end;
      }
      ci = end + 1;
      bool all_ignored = true;
      for (size_t k = start; k <= end; ++k) all_ignored &= changes[k].ignore;
      if (all_ignored) continue;
      if (!header_done) {
        print_header(a, b);
        header_done = true;
      }
      const Change& f = changes[start];
      const Change& l = changes[end];
      int64_t first0 = std::max<int64_t>(0, f.line0 - ctx), first1 = std::max<int64_t>(0, f.line1 - ctx);
      int64_t last0 = std::min(na - 1, l.line0 + l.deleted - 1 + ctx);
      int64_t last1 = std::min(nb - 1, l.line1 + l.inserted - 1 + ctx);
      if (o.format == Format::kUnified) {
        out << "@@ -" << unified_range(first0, last0) << " +" << unified_range(first1, last1) << " @@\n";
        int64_t i = first0, j = first1;
        for (size_t k = start; k <= end; ++k) {
          const Change& c = changes[k];
          while (i < c.line0) {
            print_line(' ', " ", a.lines[i], i + 1 == na && a.missing_newline);
            ++i, ++j;
          }
          for (int64_t d = 0; d < c.deleted; ++d, ++i) print_line('-', "-", a.lines[i], i + 1 == na && a.missing_newline);
          for (int64_t d = 0; d < c.inserted; ++d, ++j) print_line('+', "+", b.lines[j], j + 1 == nb && b.missing_newline);
        }
        while (i <= last0) {
          print_line(' ', " ", a.lines[i], i + 1 == na && a.missing_newline);
          ++i, ++j;
        }
      } else {
        out << "***************\n";
        out << "*** " << context_range(first0, last0) << " ****\n";
        bool any_deleted = false, any_inserted = false;
        for (size_t k = start; k <= end; ++k) {
          any_deleted |= changes[k].deleted > 0;
          any_inserted |= changes[k].inserted > 0;
        }
        if (any_deleted) {
          int64_t i = first0;
          for (size_t k = start; k <= end; ++k) {
            const Change& c = changes[k];
            for (; i < c.line0; ++i) print_line(' ', "  ", a.lines[i], i + 1 == na && a.missing_newline);
            const char* p = c.inserted ? "! " : "- ";
            for (int64_t d = 0; d < c.deleted; ++d, ++i) print_line('-', p, a.lines[i], i + 1 == na && a.missing_newline);
          }
          for (; i <= last0; ++i) print_line(' ', "  ", a.lines[i], i + 1 == na && a.missing_newline);
        }
        out << "--- " << context_range(first1, last1) << " ----\n";
        if (any_inserted) {
          int64_t j = first1;
          for (size_t k = start; k <= end; ++k) {
            const Change& c = changes[k];
            for (; j < c.line1; ++j) print_line(' ', "  ", b.lines[j], j + 1 == nb && b.missing_newline);
            const char* p = c.deleted ? "! " : "+ ";
            for (int64_t d = 0; d < c.inserted; ++d, ++j) print_line('+', p, b.lines[j], j + 1 == nb && b.missing_newline);
          }
          for (; j <= last1; ++j) print_line(' ', "  ", b.lines[j], j + 1 == nb && b.missing_newline);
        }
      }
    }
  }

  // Side by side (-y), GNU sdiff layout.
  size_t tab_from_to(std::string& s, size_t from, size_t to) const {
    size_t ts = static_cast<size_t>(o.tabsize);
    if (!o.expand_tabs) {
      for (size_t tab = from + ts - from % ts; tab <= to; tab += ts) {
        s += '\t';
        from = tab;
      }
    }
    while (from++ < to) s += ' ';
    return to;
  }

  size_t print_half(std::string& s, std::string_view l, size_t indent, size_t bound) const {
    size_t ts = static_cast<size_t>(o.tabsize);
    size_t in_pos = 0, out_pos = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(l.data());
    for (size_t k = 0; k < l.size();) {
      unsigned char c = p[k];
      if (c == '\t') {
        size_t spaces = ts - (in_pos + indent) % ts;
        if (in_pos == out_pos) {
          size_t tabstop = out_pos + spaces;
          if (o.expand_tabs) {
            if (bound < tabstop) tabstop = bound;
            for (; out_pos < tabstop; ++out_pos) s += ' ';
          } else if (tabstop < bound) {
            out_pos = tabstop;
            s += '\t';
          }
        }
        in_pos += spaces;
        ++k;
        continue;
      }
      if (c == '\r') {
        s += '\r';
        in_pos = out_pos = 0;
        ++k;
        continue;
      }
      if (c == '\b') {
        if (in_pos != 0 && --in_pos < bound) {
          if (out_pos <= in_pos) {
            for (; out_pos < in_pos; ++out_pos) s += ' ';
          } else {
            s += '\b';
            --out_pos;
          }
        }
        ++k;
        continue;
      }
      uint32_t cp;
      int len = text::decode_utf8(p + k, l.size() - k, cp);
      int w = 1;
      if (len == 0) len = 1;
      else if (cp >= 0x80) w = std::max(0, text::char_width(cp));
      else if (!std::isprint(c)) w = 0;
      if (in_pos + w <= bound) {
        s.append(l.data() + k, len);
        out_pos = in_pos + w;
      }
      in_pos += w;
      k += len;
    }
    return out_pos + indent;
  }

  void sdiff_line(const std::string_view* left, bool left_nl, char sep, const std::string_view* right, bool right_nl) {
    size_t ts = static_cast<size_t>(o.tabsize);
    size_t width = static_cast<size_t>(o.width);
    size_t t = o.expand_tabs ? 1 : ts;
    size_t off = (width + t + 3) / (2 * t) * t;
    size_t hw = off >= 3 ? std::min(off - 3, width > off ? width - off : 0) : 0;
    size_t c2o = hw ? off : width;
    std::string s;
    size_t col = 0;
    bool put_newline = false;
    if (left) {
      put_newline |= left_nl;
      col = print_half(s, *left, 0, hw);
    }
    if (sep != ' ') {
      col = tab_from_to(s, col, (hw + c2o - 1) / 2) + 1;
      if (sep == '|' && left && right && left_nl != right_nl) sep = left_nl ? '/' : '\\';
      s += sep;
    }
    if (right) {
      put_newline |= right_nl;
      if (!right->empty()) {
        col = tab_from_to(s, col, c2o);
        print_half(s, *right, col, hw);
      }
    }
    if (put_newline) s += '\n';
    out << s;
  }

  void print_side_by_side(const FileData& a, const FileData& b, const std::vector<char>& ca, const std::vector<char>& cb) {
    int64_t na = static_cast<int64_t>(a.lines.size()), nb = static_cast<int64_t>(b.lines.size());
    auto nl_a = [&](int64_t i) { return !(i + 1 == na && a.missing_newline); };
    auto nl_b = [&](int64_t j) { return !(j + 1 == nb && b.missing_newline); };
    int64_t i = 0, j = 0;
    while (i < na || j < nb) {
      if ((i < na && ca[i]) || (j < nb && cb[j])) {
        int64_t di = i, dj = j;
        while (di < na && ca[di]) ++di;
        while (dj < nb && cb[dj]) ++dj;
        while (i < di && j < dj) {
          sdiff_line(&a.lines[i], nl_a(i), '|', &b.lines[j], nl_b(j));
          ++i, ++j;
        }
        for (; i < di; ++i) sdiff_line(&a.lines[i], nl_a(i), '<', nullptr, false);
        for (; j < dj; ++j) sdiff_line(nullptr, false, '>', &b.lines[j], nl_b(j));
      } else {
        if (!o.suppress_common) {
          if (o.left_column) sdiff_line(&a.lines[i], nl_a(i), '(', nullptr, false);
          else sdiff_line(&a.lines[i], nl_a(i), ' ', &b.lines[j], nl_b(j));
        }
        ++i, ++j;
      }
    }
  }
};

vfs::Error load(Invocation& inv, const std::string& operand, FileData& f) {
  f.name = operand;
  f.path = operand;
  text::Input in;
  if (vfs::Error err = text::open_input(inv, operand, in)) return err;
  if (in.file) in.file->stat(f.st);
  if (in.is_stdin) f.st.mtime = vfs::now();
  else if (S_ISREG(f.st.mode) && f.st.size > 0) f.data.reserve(static_cast<size_t>(f.st.size));
  vfs::Error err;
  char buf[65536];
  for (;;) {
    size_t got = text::read_block(in, buf, sizeof buf, err);
    if (err || got == 0) break;
    f.data.append(buf, got);
  }
  return err;
}

bool is_dir(Invocation& inv, const std::string& operand) {
  if (operand == "-" || !inv.fs) return false;
  vfs::Stat st;
  return !inv.fs->stat(inv.path(operand), st) && S_ISDIR(st.mode);
}

bool exists(Invocation& inv, const std::string& operand) {
  if (operand == "-") return true;
  vfs::Stat st;
  return inv.fs && !inv.fs->stat(inv.path(operand), st);
}

int diff_paths(Invocation& inv, Differ& d, const Options& o, const std::string& a, const std::string& b, bool top);

int diff_dirs(Invocation& inv, Differ& d, const Options& o, const std::string& a, const std::string& b) {
  std::vector<vfs::DirEntry> ea, eb;
  bool ha = exists(inv, a), hb = exists(inv, b);
  if (ha) {
    if (vfs::Error err = inv.fs->readdir(inv.path(a), ea)) {
      inv.error(text::quotef(a) + ": " + vfs::error_text(err));
      return 2;
    }
  }
  if (hb) {
    if (vfs::Error err = inv.fs->readdir(inv.path(b), eb)) {
      inv.error(text::quotef(b) + ": " + vfs::error_text(err));
      return 2;
    }
  }
  std::vector<std::string> names;
  for (auto& e : ea) names.push_back(e.name);
  for (auto& e : eb) names.push_back(e.name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  int status = 0;
  auto has = [](const std::vector<vfs::DirEntry>& v, const std::string& n) {
    return std::any_of(v.begin(), v.end(), [&](const vfs::DirEntry& e) { return e.name == n; });
  };
  for (const std::string& n : names) {
    std::string pa = vfs::join(a, n), pb = vfs::join(b, n);
    bool in_a = has(ea, n), in_b = has(eb, n);
    if (!in_a && !(o.new_file || o.unidir_new)) {
      d.out << "Only in " << b << ": " << n << "\n";
      status = std::max(status, 1);
      continue;
    }
    if (!in_b && !o.new_file) {
      d.out << "Only in " << a << ": " << n << "\n";
      status = std::max(status, 1);
      continue;
    }
    bool da = in_a && is_dir(inv, pa), db = in_b && is_dir(inv, pb);
    if (da && db) {
      if (o.recursive) status = std::max(status, diff_dirs(inv, d, o, pa, pb));
      else d.out << "Common subdirectories: " << pa << " and " << pb << "\n";
      continue;
    }
    if (da != db && in_a && in_b) {
      d.out << "File " << (da ? pa : pb) << " is a directory while file " << (da ? pb : pa) << " is a regular file\n";
      status = std::max(status, 1);
      continue;
    }
    status = std::max(status, diff_paths(inv, d, o, pa, pb, false));
  }
  return status;
}

int diff_paths(Invocation& inv, Differ& d, const Options& o, const std::string& a, const std::string& b, bool top) {
  bool da = is_dir(inv, a), db = is_dir(inv, b);
  if (da && db) return diff_dirs(inv, d, o, a, b);
  std::string fa = a, fb = b;
  if (da && !db) fa = vfs::join(a, std::string(vfs::basename_of(b == "-" ? "-" : b)));
  if (db && !da) fb = vfs::join(b, std::string(vfs::basename_of(a)));
  if ((da && b == "-") || (db && a == "-")) {
    inv.error("cannot compare '-' to a directory");
    return 2;
  }
  FileData A, B;
  bool ea = exists(inv, fa), eb = exists(inv, fb);
  bool treat_a = !ea && (o.new_file || o.unidir_new) && eb;
  bool treat_b = !eb && o.new_file && ea;
  if (treat_a) {
    A.name = fa;
    A.exists = false;
  } else if (vfs::Error err = load(inv, fa, A)) {
    inv.error(text::quotef(fa) + ": " + vfs::error_text(err));
    return 2;
  }
  if (treat_b) {
    B.name = fb;
    B.exists = false;
  } else if (vfs::Error err = load(inv, fb, B)) {
    inv.error(text::quotef(fb) + ": " + vfs::error_text(err));
    return 2;
  }
  if (!top && o.format != Format::kBrief) {
    // In a directory walk, each differing pair gets a "diff ..." line first;
    // print it lazily only when there is a difference.
    Options tmp = o;
    (void)tmp;
  }
  if (!top) {
    // Compare first quietly to decide whether to print the command line.
    std::string saved_a = A.data, saved_b = B.data;
    if (A.data != B.data || A.exists != B.exists) {
      if (o.format != Format::kBrief) {
        d.out << "diff";
        for (size_t k = 1; k < inv.argv.size(); ++k) {
          const std::string& arg = inv.argv[k];
          if (!arg.empty() && arg[0] == '-' && arg != "-") d.out << " " << arg;
        }
        d.out << " " << fa << " " << fb << "\n";
      }
    }
  }
  return d.compare(A, B);
}

int run_diff(Invocation& inv) {
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Options o;
  auto parse_num = [&](const std::string& v, int64_t& out, const char* what) {
    char* end;
    long long n = strtoll(v.c_str(), &end, 10);
    if (v.empty() || *end || n < 0) {
      inv.error(std::string("invalid ") + what + " " + text::quoteaf(v));
      print_try_help(inv, true);
      return false;
    }
    out = n;
    return true;
  };
  for (const ParsedOption& p : args.options) {
    switch (p.id) {
      case kNormal: o.format = Format::kNormal; break;
      case kBrief: o.format = Format::kBrief; break;
      case kReportSame: o.report_same = true; break;
      case kContext: o.format = Format::kContext; break;
      case kContextN:
        o.format = Format::kContext;
        if (p.has_value && !parse_num(p.value, o.context, "context length")) return 2;
        break;
      case kUnified: o.format = Format::kUnified; break;
      case kUnifiedN:
        o.format = Format::kUnified;
        if (p.has_value && !parse_num(p.value, o.context, "context length")) return 2;
        break;
      case kSideBySide: o.format = Format::kSideBySide; break;
      case kWidth:
        if (!parse_num(p.value, o.width, "width")) return 2;
        break;
      case kTabSize:
        if (!parse_num(p.value, o.tabsize, "tabsize") || o.tabsize == 0) return 2;
        break;
      case kLeftColumn: o.left_column = true; break;
      case kSuppressCommon: o.suppress_common = true; break;
      case kExpandTabs: o.expand_tabs = true; break;
      case kInitialTab: o.initial_tab = true; break;
      case kRecursive: o.recursive = true; break;
      case kNewFile: o.new_file = true; break;
      case kUnidirNew: o.unidir_new = true; break;
      case kIgnoreCase: o.ignore_case = true; break;
      case kIgnoreTrailing: o.trailing = true; break;
      case kIgnoreSpaceChange: o.space_change = true; break;
      case kIgnoreAllSpace: o.all_space = true; break;
      case kIgnoreBlank: o.blank_lines = true; break;
      case kText: o.text = true; break;
      case kStripCr: o.strip_cr = true; break;
      case kLabel: o.labels.push_back(p.value); break;
      case kMinimal: o.minimal = true; break;
      default: break;
    }
  }
  const auto& ops = args.operands;
  if (ops.size() < 2) {
    inv.error("missing operand after " + text::quoteaf(inv.argv.back()));
    print_try_help(inv, true);
    return 2;
  }
  if (ops.size() > 2) {
    inv.error("extra operand " + text::quoteaf(ops[2]));
    print_try_help(inv, true);
    return 2;
  }
  Differ d{inv, o, inv.out()};
  int status = diff_paths(inv, d, o, ops[0], ops[1], true);
  if (text::report_write_error(inv)) status = 2;
  return status;
}

}  // namespace

BURROW_COMMAND(diff, "compare files line by line", run_diff);

}  // namespace burrow
