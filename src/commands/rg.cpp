// rg: recursively search for a regex pattern (ripgrep 13, as Debian 12
// ships it), with the output ripgrep gives when stdout is not a terminal:
// no colours, no headings, no line numbers unless asked.
//
// Directories are walked in file-name order (ripgrep's --sort path), so the
// output is always what `rg --sort path` prints. Ignore files (.gitignore in
// a git repository, .ignore, .rgignore), hidden files and binary files are
// skipped as ripgrep skips them; files named on the command line never are.
//
// Arguments follow clap (ripgrep's parser), not getopt: no abbreviated long
// options, options anywhere, and clap's error wording, so this command has
// its own small parser over the option table below.
#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <cstring>
#include <set>
#include <tuple>

#include "commands/command.h"
#include "commands/common/codec.h"
#include "commands/rg/ignore.h"
#include "commands/rg/json.h"
#include "commands/rg/types.h"
#include "text/regex.h"

namespace burrow {
namespace {

using text::Regex;

enum Opt {
  kRegexp, kFile, kIgnoreCase, kCaseSensitive, kSmartCase, kWord, kLine, kInvert, kCount, kCountMatches,
  kFilesWithMatches, kFilesWithoutMatch, kLineNumber, kNoLineNumber, kOnly, kFixed, kAfter, kBefore,
  kContext, kMaxCount, kReplace, kFiles, kGlob, kIGlob, kType, kTypeNot, kHidden, kNoHidden, kNoIgnore,
  kIgnore, kNoIgnoreVcs, kUnrestricted, kFollow, kNoFollow, kMaxDepth, kSort, kSortFiles, kHeading,
  kNoHeading, kVimgrep, kColumn, kNoColumn, kNull, kTrim, kQuiet, kText, kNoText, kWithFilename,
  kNoFilename, kThreads, kColor, kNoMessages, kVersion, kHelp, kNoConfig, kMultiline, kNoMultiline,
  kPcre2, kNoPcre2, kBinary, kJson, kNoJson, kTypeList, kTypeAdd, kTypeClear, kNullData, kMaxFilesize, kPretty,
  kSearchZip, kNoSearchZip,
};

// One ripgrep flag; `value` names the argument in clap's messages.
struct RgOption {
  int id;
  char short_name;
  std::string_view long_name;
  std::string_view value;  // empty: a switch
};

constexpr RgOption kOptions[] = {
    {kRegexp, 'e', "regexp", "PATTERN"},
    {kFile, 'f', "file", "PATTERNFILE"},
    {kIgnoreCase, 'i', "ignore-case", ""},
    {kCaseSensitive, 's', "case-sensitive", ""},
    {kSmartCase, 'S', "smart-case", ""},
    {kWord, 'w', "word-regexp", ""},
    {kLine, 'x', "line-regexp", ""},
    {kInvert, 'v', "invert-match", ""},
    {kCount, 'c', "count", ""},
    {kCountMatches, 0, "count-matches", ""},
    {kFilesWithMatches, 'l', "files-with-matches", ""},
    {kFilesWithoutMatch, 0, "files-without-match", ""},
    {kLineNumber, 'n', "line-number", ""},
    {kNoLineNumber, 'N', "no-line-number", ""},
    {kOnly, 'o', "only-matching", ""},
    {kFixed, 'F', "fixed-strings", ""},
    {kAfter, 'A', "after-context", "NUM"},
    {kBefore, 'B', "before-context", "NUM"},
    {kContext, 'C', "context", "NUM"},
    {kMaxCount, 'm', "max-count", "NUM"},
    {kReplace, 'r', "replace", "REPLACEMENT_TEXT"},
    {kFiles, 0, "files", ""},
    {kGlob, 'g', "glob", "GLOB"},
    {kIGlob, 0, "iglob", "GLOB"},
    {kType, 't', "type", "TYPE"},
    {kTypeNot, 'T', "type-not", "TYPE"},
    {kHidden, '.', "hidden", ""},
    {kNoHidden, 0, "no-hidden", ""},
    {kNoIgnore, 0, "no-ignore", ""},
    {kIgnore, 0, "ignore", ""},
    {kNoIgnoreVcs, 0, "no-ignore-vcs", ""},
    {kUnrestricted, 'u', "unrestricted", ""},
    {kFollow, 'L', "follow", ""},
    {kNoFollow, 0, "no-follow", ""},
    {kMaxDepth, 0, "max-depth", "NUM"},
    {kMaxDepth, 0, "maxdepth", "NUM"},
    {kSort, 0, "sort", "SORTBY"},
    {kSortFiles, 0, "sort-files", ""},
    {kHeading, 0, "heading", ""},
    {kNoHeading, 0, "no-heading", ""},
    {kVimgrep, 0, "vimgrep", ""},
    {kColumn, 0, "column", ""},
    {kNoColumn, 0, "no-column", ""},
    {kNull, '0', "null", ""},
    {kTrim, 0, "trim", ""},
    {kQuiet, 'q', "quiet", ""},
    {kText, 'a', "text", ""},
    {kNoText, 0, "no-text", ""},
    {kBinary, 0, "binary", ""},
    {kWithFilename, 'H', "with-filename", ""},
    {kNoFilename, 'I', "no-filename", ""},
    {kThreads, 'j', "threads", "NUM"},
    {kColor, 0, "color", "WHEN"},
    {kColor, 0, "colour", "WHEN"},
    {kNoMessages, 0, "no-messages", ""},
    {kVersion, 'V', "version", ""},
    {kHelp, 'h', "help", ""},
    {kHelp, 0, "help", ""},
    {kNoConfig, 0, "no-config", ""},
    {kMultiline, 'U', "multiline", ""},
    {kNoMultiline, 0, "no-multiline", ""},
    {kPcre2, 'P', "pcre2", ""},
    {kNoPcre2, 0, "no-pcre2", ""},
    {kJson, 0, "json", ""},
    {kNoJson, 0, "no-json", ""},
    {kTypeList, 0, "type-list", ""},
    {kTypeAdd, 0, "type-add", "TYPE_SPEC"},
    {kTypeClear, 0, "type-clear", "TYPE"},
    {kNullData, 0, "null-data", ""},
    {kMaxFilesize, 0, "max-filesize", "NUM+SUFFIX?"},
    {kPretty, 'p', "pretty", ""},
    {kSearchZip, 'z', "search-zip", ""},
    {kNoSearchZip, 0, "no-search-zip", ""},
};

constexpr std::string_view kUsage =
    "USAGE:\n"
    "    \n"
    "    rg [OPTIONS] PATTERN [PATH ...]\n"
    "    rg [OPTIONS] -e PATTERN ... [PATH ...]\n"
    "    rg [OPTIONS] -f PATTERNFILE ... [PATH ...]\n"
    "    rg [OPTIONS] --files [PATH ...]\n"
    "    rg [OPTIONS] --type-list\n"
    "    command | rg [OPTIONS] PATTERN\n"
    "    rg [OPTIONS] --help\n"
    "    rg [OPTIONS] --version\n"
    "\n"
    "For more information try --help\n\n";

enum class CaseMode { kSensitive, kInsensitive, kSmart };

struct Options {
  std::vector<std::string> patterns;
  bool have_patterns = false;
  CaseMode case_mode = CaseMode::kSensitive;
  bool word = false, line = false, invert = false, fixed = false;
  bool count = false, count_matches = false, list_with = false, list_without = false;
  bool line_number = false, only = false, quiet = false, trim = false, null = false;
  bool heading = false, vimgrep = false, column = false, no_messages = false;
  long long after = 0, before = 0, max_count = -1, max_depth = -1;
  std::optional<std::string> replace;
  bool files_mode = false;
  rg::RuleSet overrides;  // -g and --iglob, in order
  bool has_whitelist_glob = false;
  std::vector<const std::vector<std::string>*> types, types_not;  // glob lists
  bool type_all = false, type_not_all = false;                     // -t all, -T all
  const rg::TypeDefs* type_defs = nullptr;
  bool hidden = false, no_ignore = false, no_ignore_vcs = false, follow = false;
  bool text = false, binary = false;  // -a; --binary (-uuu)
  bool multiline = false;             // -U: a match may span lines
  bool json = false;                  // --json: JSON Lines messages
  bool color = false;                 // --color always, -p
  bool pcre2 = false;                 // -P: Perl syntax (PCRE2)
  char eol = '\n';                    // --null-data: NUL ends lines
  long long max_filesize = -1;        // bytes; larger files are skipped
  bool search_zip = false;            // -z: search inside .gz, .bz2, .xz and .zst files
  int with_filename = -1;             // -1: decided by the paths
};

// clap's "Invalid value" error for a numeric flag.
bool parse_number(Invocation& inv, const RgOption& o, const std::string& v, long long& out) {
  std::string why;
  if (v.empty()) why = "cannot parse integer from empty string";
  for (char c : v)
    if (c < '0' || c > '9') why = "invalid digit found in string";
  if (why.empty() && v.size() > 18) why = "number too large to fit in target type";
  if (!why.empty()) {
    inv.err() << "error: Invalid value for '--" << o.long_name << " <" << o.value << ">': " << why << "\n\n";
    return false;
  }
  out = std::stoll(v);
  return true;
}

// --max-filesize: digits with an optional K, M or G suffix (powers of 1024).
bool parse_size(const std::string& v, long long& out) {
  size_t digits = 0;
  while (digits < v.size() && v[digits] >= '0' && v[digits] <= '9') ++digits;
  if (digits == 0 || digits > 15 || v.size() > digits + 1) return false;
  long long n = std::stoll(v.substr(0, digits));
  if (digits < v.size()) {
    char suffix = v[digits];
    if (suffix == 'K') n <<= 10;
    else if (suffix == 'M') n <<= 20;
    else if (suffix == 'G') n <<= 30;
    else return false;
  }
  out = n;
  return true;
}

void unknown_argument(Invocation& inv, std::string_view arg) {
  inv.err() << "error: Found argument '" << arg << "' which wasn't expected, or isn't valid in this context\n\n"
            << kUsage;
}

// Smart case: a pattern with an upper-case letter (outside escapes such as
// \W or \p{Lu}) stays case-sensitive.
bool has_uppercase_literal(std::string_view p) {
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
      if (i < p.size() && (p[i] == 'p' || p[i] == 'P') && i + 1 < p.size() && p[i + 1] == '{') {
        size_t close = p.find('}', i);
        if (close != std::string_view::npos) i = close;
      }
      continue;
    }
    if (p[i] >= 'A' && p[i] <= 'Z') return true;
  }
  return false;
}

std::string escape_literal(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::strchr("\\.+*?()|[]{}^$#&-~", c) && c != 0) out += '\\';
    out += c;
  }
  return out;
}

// Rust's \w, \d and \s are Unicode-aware; RE2's are ASCII-only, so they
// are spelled out as Unicode classes before RE2 sees the pattern.
std::string rust_to_re2(std::string_view p) {
  static constexpr std::string_view kWord = "\\p{L}\\p{M}\\p{Nd}\\p{Pc}";
  static constexpr std::string_view kDigit = "\\p{Nd}";
  static constexpr std::string_view kSpace = "\\t\\n\\x0B\\f\\r \\x{85}\\p{Z}";
  std::string out;
  int class_depth = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    char c = p[i];
    if (c == '\\' && i + 1 < p.size()) {
      char e = p[i + 1];
      std::string_view set = (e == 'w' || e == 'W') ? kWord : (e == 'd' || e == 'D') ? kDigit
                             : (e == 's' || e == 'S') ? kSpace : std::string_view();
      bool negated = e == 'W' || e == 'D' || e == 'S';
      if (!set.empty() && class_depth == 0) {
        out += negated ? "[^" : "[";
        out += set;
        out += ']';
      } else if (!set.empty() && !negated) {
        out += set;
      } else {
        out += c;
        out += e;
      }
      ++i;
      continue;
    }
    if (c == '[') {
      if (class_depth > 0 && i + 1 < p.size() && p[i + 1] == ':') {
        size_t close = p.find(":]", i + 2);
        if (close != std::string_view::npos) {
          out.append(p.substr(i, close + 2 - i));
          i = close + 1;
          continue;
        }
      }
      ++class_depth;
      out += c;
      // A ']' right after '[' or '[^' is a literal.
      if (i + 1 < p.size() && p[i + 1] == '^') out += p[++i];
      if (i + 1 < p.size() && p[i + 1] == ']') out += p[++i];
      continue;
    }
    if (c == ']' && class_depth > 0) --class_depth;
    out += c;
  }
  return out;
}

// One searched file's output, written in ripgrep's standard format.
class Searcher {
 public:
  Searcher(Invocation& inv, const Options& o, const Regex& re) : inv_(inv), o_(o), re_(re), out_(inv.out()) {}

  // Searches data; `name` is shown when with_name. Returns whether a line
  // was selected.
  bool search(std::string_view data, const std::string& name, bool with_name, bool binary_explicit,
              bool binary_skip);
  bool any_printed() const { return printed_any_; }
  void print_path(std::string_view path);
  // --json: the closing "summary" message over every file with a match.
  void print_json_summary(unsigned long long total_nanos);
  bool listed_without() const { return listed_without_; }
  bool stop = false;  // -q found a match

 private:
  struct Line {
    size_t begin, end;  // end excludes the newline
    long long number;
  };
  bool line_matches(std::string_view text) const { return re_.matches(text) != o_.invert; }
  // --json: a "match" or "context" message for lines [first, last].
  void print_json_lines(const Line& first, const Line& last, bool selected);
  void print_json(const std::string& message);
  void print_prefix(char sep, long long number, long long column);
  void print_line(const Line& l, bool selected);
  // Spans [begin, end) of a printed text to colour as matches.
  using Spans = std::vector<std::pair<size_t, size_t>>;
  void print_text(std::string_view text, const Spans& spans = {});
  // Where matches lie in a selected line (for colour), merged when adjacent.
  Spans match_spans(const Line& l) const;
  void add_span(Spans& spans, size_t b, size_t e) const;
  void replaced(std::string_view line, size_t b, size_t e, const text::Match& m, std::string& out) const;
  // The matches in a line, in order, empty ones included as ripgrep finds them.
  void each_match(std::string_view line, const std::function<void(size_t, size_t, const text::Match&)>& fn) const;

  Invocation& inv_;
  const Options& o_;
  const Regex& re_;
  OutStream& out_;
  std::string_view data_;
  const std::string* name_ = nullptr;
  bool with_name_ = false;
  bool listed_without_ = false;  // --files-without-match printed a name
  bool printed_any_ = false;     // any line output so far (for "--" between files)
  long long last_printed_ = -1;  // line number of the last printed line in this file

  // --json statistics: this file's, and the sums over files with a match.
  struct JsonStats {
    unsigned long long bytes_printed = 0, bytes_searched = 0, matched_lines = 0, matches = 0;
    unsigned long long searches = 0, searches_with_match = 0, nanos = 0;
  };
  bool json_begun_ = false;
  std::vector<std::pair<size_t, size_t>> multiline_matches_;  // -U with colour: every match in data_
  JsonStats file_stats_, total_stats_;
};

void Searcher::print_json(const std::string& message) {
  out_.write(message);
  file_stats_.bytes_printed += message.size();
}

void Searcher::print_json_lines(const Line& first, const Line& last, bool selected) {
  if (!json_begun_) {
    std::string begin = "{\"type\":\"begin\",\"data\":{\"path\":";
    rg::append_json_data(begin, *name_);
    begin += "}}\n";
    print_json(begin);
    json_begun_ = true;
  }
  size_t end = last.end < data_.size() ? last.end + 1 : last.end;  // with the terminator
  std::string_view text = data_.substr(first.begin, end - first.begin);
  std::string m = selected ? "{\"type\":\"match\",\"data\":{\"path\":" : "{\"type\":\"context\",\"data\":{\"path\":";
  rg::append_json_data(m, *name_);
  m += ",\"lines\":";
  rg::append_json_data(m, text);
  m += ",\"line_number\":" + std::to_string(first.number) + ",\"absolute_offset\":" + std::to_string(first.begin) +
       ",\"submatches\":[";
  // Inverted, the selected lines are those without a match and the context
  // lines those with one.
  if (selected != o_.invert) {
    bool any = false;
    auto add = [&](size_t b, size_t e) {
      if (any) m += ',';
      any = true;
      m += "{\"match\":";
      rg::append_json_data(m, text.substr(b, e - b));
      m += ",\"start\":" + std::to_string(b) + ",\"end\":" + std::to_string(e) + "}";
      if (selected) ++file_stats_.matches;
    };
    if (o_.multiline) {
      // The matches that start in these lines, which they may run past.
      std::string_view rest = data_.substr(first.begin);
      size_t pos = 0, b = 0, e = 0;
      while (pos <= text.size() && pos <= rest.size() && re_.find(rest, pos, b, e) && b < text.size()) {
        add(b, e);
        pos = e > b ? e : e + 1;
      }
    } else {
      std::string_view line = data_.substr(first.begin, last.end - first.begin);
      each_match(line, [&](size_t b, size_t e, const text::Match&) { add(b, e); });
    }
  }
  m += "]}}\n";
  print_json(m);
}

void Searcher::print_json_summary(unsigned long long total_nanos) {
  const JsonStats& t = total_stats_;
  std::string m = "{\"data\":{\"elapsed_total\":";
  rg::append_json_duration(m, total_nanos, true);
  m += ",\"stats\":{\"bytes_printed\":" + std::to_string(t.bytes_printed) +
       ",\"bytes_searched\":" + std::to_string(t.bytes_searched) + ",\"elapsed\":";
  rg::append_json_duration(m, t.nanos, true);
  m += ",\"matched_lines\":" + std::to_string(t.matched_lines) + ",\"matches\":" + std::to_string(t.matches) +
       ",\"searches\":" + std::to_string(t.searches) +
       ",\"searches_with_match\":" + std::to_string(t.searches_with_match) + "}},\"type\":\"summary\"}\n";
  out_.write(m);
}

void Searcher::each_match(std::string_view line,
                          const std::function<void(size_t, size_t, const text::Match&)>& fn) const {
  text::Match m;
  size_t pos = 0;
  while (pos <= line.size()) {
    if (!re_.search(line, pos, &m)) break;
    size_t b = m[0].begin, e = m[0].end;
    fn(b, e, m);
    if (e == b) {
      if (e >= line.size()) break;
      // Step over one whole UTF-8 character after an empty match.
      size_t next = e + 1;
      while (next < line.size() && (static_cast<unsigned char>(line[next]) & 0xC0) == 0x80) ++next;
      pos = next;
    } else {
      pos = e;
    }
  }
}

void Searcher::replaced(std::string_view line, size_t, size_t, const text::Match& m, std::string& out) const {
  // Rust's replacement syntax: $N, ${N}, $name, ${name}, $$.
  const std::string& r = *o_.replace;
  auto group_text = [&](std::string_view ref) {
    long long n = -1;
    bool digits = !ref.empty() && std::all_of(ref.begin(), ref.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (digits && ref.size() < 9) n = std::stoll(std::string(ref));
    else if (!digits) n = re_.named_group(ref);
    if (n < 0 || static_cast<size_t>(n) >= m.size() || !m[n].matched()) return;
    out.append(line.substr(m[n].begin, m[n].size()));
  };
  auto is_name = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t i = 0; i < r.size(); ++i) {
    if (r[i] != '$' || i + 1 >= r.size()) {
      out += r[i];
      continue;
    }
    if (r[i + 1] == '$') {
      out += '$';
      ++i;
    } else if (r[i + 1] == '{') {
      size_t close = r.find('}', i + 2);
      if (close == std::string::npos) {
        out += r[i];
        continue;
      }
      group_text(std::string_view(r).substr(i + 2, close - i - 2));
      i = close;
    } else if (is_name(r[i + 1])) {
      size_t j = i + 1;
      while (j < r.size() && is_name(r[j])) ++j;
      group_text(std::string_view(r).substr(i + 1, j - i - 1));
      i = j - 1;
    } else {
      out += r[i];
    }
  }
}

// ripgrep's default colours: paths magenta, line numbers green, matches
// bold red; each piece starts with a reset.
constexpr std::string_view kColorPath = "\x1b[0m\x1b[35m";
constexpr std::string_view kColorLine = "\x1b[0m\x1b[32m";
constexpr std::string_view kColorMatch = "\x1b[0m\x1b[1m\x1b[31m";
constexpr std::string_view kColorColumn = "\x1b[0m";
constexpr std::string_view kColorEnd = "\x1b[0m";

void Searcher::print_prefix(char sep, long long number, long long column) {
  auto colored = [&](std::string_view on, std::string_view text) {
    if (o_.color) out_ << on;
    out_ << text;
    if (o_.color) out_ << kColorEnd;
  };
  if (with_name_ && !o_.heading) {
    colored(kColorPath, *name_);
    out_.put(o_.null ? '\0' : sep);
  }
  if (o_.line_number) {
    colored(kColorLine, std::to_string(number));
    out_.put(sep);
  }
  if (column > 0) {
    colored(kColorColumn, std::to_string(column));
    out_.put(sep);
  }
}

void Searcher::print_path(std::string_view path) {
  if (o_.color) out_ << kColorPath;
  out_ << path;
  if (o_.color) out_ << kColorEnd;
}

void Searcher::add_span(Spans& spans, size_t b, size_t e) const {
  if (!o_.color || e <= b) return;
  if (!spans.empty() && spans.back().second == b) spans.back().second = e;
  else spans.emplace_back(b, e);
}

Searcher::Spans Searcher::match_spans(const Line& l) const {
  Spans spans;
  if (!o_.color) return spans;
  if (o_.multiline) {
    for (auto [b, e] : multiline_matches_) {
      if (e <= l.begin || b >= l.end) continue;
      add_span(spans, std::max(b, l.begin) - l.begin, std::min(e, l.end) - l.begin);
    }
    return spans;
  }
  each_match(data_.substr(l.begin, l.end - l.begin),
             [&](size_t b, size_t e, const text::Match&) { const_cast<Searcher*>(this)->add_span(spans, b, e); });
  return spans;
}

void Searcher::print_text(std::string_view text, const Spans& spans) {
  size_t trimmed = 0;
  if (o_.trim) {
    while (trimmed < text.size() && (text[trimmed] == ' ' || text[trimmed] == '\t' || text[trimmed] == '\v' ||
                                     text[trimmed] == '\f' || text[trimmed] == '\r'))
      ++trimmed;
  }
  size_t done = trimmed;
  for (auto [b, e] : spans) {
    b = std::max(b, trimmed);
    if (e <= b) continue;
    out_.write(text.substr(done, b - done));
    out_ << kColorMatch;
    out_.write(text.substr(b, e - b));
    out_ << kColorEnd;
    done = e;
  }
  out_.write(text.substr(done));
  out_.put(o_.eol);
}

void Searcher::print_line(const Line& l, bool selected) {
  if (o_.json) {
    last_printed_ = l.number;
    printed_any_ = true;
    print_json_lines(l, l, selected);
    return;
  }
  bool context = o_.before > 0 || o_.after > 0;
  if (context && last_printed_ >= 0 && l.number > last_printed_ + 1) out_ << "--\n";
  if (context && last_printed_ < 0 && printed_any_ && !(o_.heading && with_name_)) out_ << "--\n";
  if (o_.heading && with_name_ && last_printed_ < 0) {
    if (printed_any_) out_.put('\n');
    print_path(*name_);
    out_.put('\n');
  }
  last_printed_ = l.number;
  printed_any_ = true;
  std::string_view text = data_.substr(l.begin, l.end - l.begin);
  if (!selected || o_.invert) {
    // Inverted, the context lines are the ones with matches to colour.
    print_prefix(selected ? ':' : '-', l.number, 0);
    print_text(text, !selected && o_.invert ? match_spans(l) : Spans());
    return;
  }
  if (o_.vimgrep) {
    each_match(text, [&](size_t b, size_t e, const text::Match&) {
      print_prefix(':', l.number, static_cast<long long>(b) + 1);
      Spans one;
      add_span(one, b, e);
      print_text(text, one);
    });
    return;
  }
  if (o_.only) {
    each_match(text, [&](size_t b, size_t e, const text::Match& m) {
      print_prefix(':', l.number, o_.column ? static_cast<long long>(b) + 1 : 0);
      std::string r;
      if (o_.replace) replaced(text, b, e, m, r);
      else r = text.substr(b, e - b);
      Spans whole;
      add_span(whole, 0, r.size());
      print_text(r, whole);
    });
    return;
  }
  long long column = 0;
  if (o_.column) {
    size_t b, e;
    if (re_.find(text, 0, b, e)) column = static_cast<long long>(b) + 1;
  }
  print_prefix(':', l.number, column);
  if (!o_.replace) {
    print_text(text, match_spans(l));
    return;
  }
  std::string r;
  Spans spans;
  size_t done = 0;
  each_match(text, [&](size_t b, size_t e, const text::Match& m) {
    r.append(text.substr(done, b - done));
    size_t from = r.size();
    replaced(text, b, e, m, r);
    add_span(spans, from, r.size());
    done = e;
  });
  r.append(text.substr(done));
  print_text(r, spans);
}

bool Searcher::search(std::string_view data, const std::string& name, bool with_name, bool binary_explicit,
                      bool binary_skip) {
  data_ = data;
  name_ = &name;
  with_name_ = with_name;
  last_printed_ = -1;
  auto started = std::chrono::steady_clock::now();
  json_begun_ = false;
  file_stats_ = {};
  // With --null-data NUL ends lines rather than marking binary data.
  size_t nul = o_.eol == '\0' ? std::string_view::npos : data.find('\0');
  bool binary = nul != std::string_view::npos && !o_.text;
  if (binary && binary_skip) return false;

  // Split into lines; a last line without a newline is still a line.
  std::vector<Line> lines;
  for (size_t pos = 0; pos < data.size();) {
    size_t nl = data.find(o_.eol, pos);
    size_t end = nl == std::string_view::npos ? data.size() : nl;
    lines.push_back({pos, end, static_cast<long long>(lines.size()) + 1});
    pos = end + 1;
  }

  // -U: the whole text is searched at once and every line a match touches
  // is selected.
  std::vector<char> multiline_selected;
  if (o_.multiline) {
    multiline_selected.assign(lines.size(), 0);
    multiline_matches_.clear();
    size_t line_index = 0, pos = 0, b = 0, e = 0;
    while (pos <= data.size() && re_.find(data, pos, b, e)) {
      while (line_index + 1 < lines.size() && lines[line_index].end < b) ++line_index;
      size_t last = line_index;
      size_t stop_at = e > b ? e - 1 : b;
      while (last + 1 < lines.size() && lines[last].end < stop_at) ++last;
      for (size_t k = line_index; k <= last && k < lines.size(); ++k) multiline_selected[k] = 1;
      if (o_.color) multiline_matches_.emplace_back(b, e);
      pos = e > b ? e : e + 1;
    }
  }
  bool print_lines = !o_.quiet && !o_.count && !o_.count_matches && !o_.list_with && !o_.list_without;
  long long selected = 0, matches = 0;
  long long after_left = 0;
  size_t next_unprinted = 0;  // lines before this index were printed or passed over
  size_t stopped_at = std::string_view::npos;  // -m: where ripgrep's count of bytes searched ends
  for (size_t i = 0; i < lines.size(); ++i) {
    if (inv_.cancelled()) return selected > 0;
    const Line& l = lines[i];
    std::string_view text = data.substr(l.begin, l.end - l.begin);
    bool sel = o_.multiline ? (multiline_selected[i] != 0) != o_.invert : line_matches(text);
    if (!sel) {
      if (print_lines && after_left > 0 && !binary) {
        print_line(l, false);
        next_unprinted = i + 1;
        --after_left;
      }
      continue;
    }
    if (o_.max_count >= 0 && selected >= o_.max_count) break;
    ++selected;
    if (o_.count_matches) {
      if (o_.invert) ++matches;
      else each_match(text, [&](size_t, size_t, const text::Match&) { ++matches; });
    }
    if (o_.quiet) {
      stop = true;
      return true;
    }
    if (o_.list_with || o_.list_without) break;
    if (!print_lines) continue;
    if (binary && binary_explicit && !o_.json) {
      // ripgrep reports a match in a binary file instead of printing it.
      if (with_name) {
        print_path(name);
        out_ << ": ";
      }
      out_ << "binary file matches (found \"\\0\" byte around offset " << std::to_string(nul) << ")\n";
      printed_any_ = true;
      return true;
    }
    size_t first = i > static_cast<size_t>(o_.before) ? i - o_.before : 0;
    first = std::max(first, next_unprinted);
    for (size_t k = first; k < i; ++k) print_line(lines[k], false);
    if (o_.json && o_.multiline && !o_.invert) {
      // One message for each run of lines that matches touch.
      size_t last = i;
      while (last + 1 < lines.size() && multiline_selected[last + 1]) ++last;
      selected += static_cast<long long>(last - i);
      last_printed_ = lines[last].number;
      printed_any_ = true;
      print_json_lines(l, lines[last], true);
      i = last;
    } else {
      print_line(l, true);
    }
    next_unprinted = i + 1;
    after_left = o_.after;
    if (o_.max_count >= 0 && selected >= o_.max_count) {
      stopped_at = l.begin;
      // Trailing context of the last match is still printed.
      for (size_t k = i + 1; k < lines.size() && after_left > 0; ++k, --after_left) {
        if (line_matches(data.substr(lines[k].begin, lines[k].end - lines[k].begin))) break;
        print_line(lines[k], false);
      }
      break;
    }
    if (!out_.ok()) break;
  }

  char eol = o_.null ? '\0' : o_.eol;
  if (o_.list_with && selected > 0) {
    print_path(name);
    out_.put(eol);
  } else if (o_.list_without && selected == 0) {
    print_path(name);
    out_.put(eol);
    listed_without_ = true;
  } else if ((o_.count || o_.count_matches) && selected > 0) {
    if (with_name) {
      print_path(name);
      out_.put(o_.null ? '\0' : ':');
    }
    out_ << std::to_string(o_.count_matches ? matches : selected);
    out_.put(o_.eol);
  }
  if (o_.json && json_begun_) {
    // ripgrep stops counting at the first NUL of a binary file it was
    // asked to search.
    file_stats_.bytes_searched = binary ? nul : std::min(stopped_at, data.size());
    file_stats_.matched_lines = static_cast<unsigned long long>(selected);
    file_stats_.searches = file_stats_.searches_with_match = 1;
    file_stats_.nanos = static_cast<unsigned long long>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started).count());
    std::string m = "{\"type\":\"end\",\"data\":{\"path\":";
    rg::append_json_data(m, name);
    m += ",\"binary_offset\":" + (binary ? std::to_string(nul) : std::string("null")) + ",\"stats\":{\"elapsed\":";
    rg::append_json_duration(m, file_stats_.nanos, false);
    const JsonStats& f = file_stats_;
    m += ",\"searches\":1,\"searches_with_match\":1,\"bytes_searched\":" + std::to_string(f.bytes_searched) +
         ",\"bytes_printed\":" + std::to_string(f.bytes_printed) + ",\"matched_lines\":" +
         std::to_string(f.matched_lines) + ",\"matches\":" + std::to_string(f.matches) + "}}}\n";
    out_.write(m);
    for (auto [total, add] : {std::pair{&total_stats_.bytes_printed, f.bytes_printed},
                              std::pair{&total_stats_.bytes_searched, f.bytes_searched},
                              std::pair{&total_stats_.matched_lines, f.matched_lines},
                              std::pair{&total_stats_.matches, f.matches}, std::pair{&total_stats_.searches, 1ULL},
                              std::pair{&total_stats_.searches_with_match, 1ULL},
                              std::pair{&total_stats_.nanos, f.nanos}})
      *total += add;
  }
  return selected > 0;
}

// A directory's ignore files, consulted deepest first.
struct IgnoreLayer {
  std::string dir;  // absolute
  rg::RuleSet rgignore, ignore, gitignore;
  bool has_git = false;
};

struct Walker {
  Invocation& inv;
  const Options& o;
  Searcher& searcher;
  bool sort_errors = false;  // --sort path: ripgrep's walker words errors differently
  bool matched = false;
  bool error = false;
  bool listed = false;  // --files printed something
  size_t searched = 0;  // files searched (or listed)
  std::vector<IgnoreLayer> layers;

  void report(const std::string& display, vfs::Error err) {
    error = true;
    if (o.no_messages) return;
    std::string text = vfs::error_text(err) + " (os error " + std::to_string(err.value()) + ")";
    if (sort_errors) inv.err() << display << ": IO error for operation on " << display << ": " << text << "\n";
    else inv.err() << display << ": " << text << "\n";
  }

  IgnoreLayer load_layer(const std::string& dir) {
    IgnoreLayer layer;
    layer.dir = dir;
    auto load = [&](const char* name, rg::RuleSet& set) {
      std::string data;
      if (!vfs::read_file(*inv.fs, vfs::normalize(name, dir), data)) set.add_lines(data);
    };
    vfs::Stat st;
    layer.has_git = !inv.fs->stat(vfs::normalize(".git", dir), st);
    if (!o.no_ignore) {
      load(".rgignore", layer.rgignore);
      load(".ignore", layer.ignore);
      if (!o.no_ignore_vcs) load(".gitignore", layer.gitignore);
    }
    return layer;
  }

  // Ignore files of the directories above a search root apply too.
  void load_parents(const std::string& abs_dir) {
    layers.clear();
    std::vector<std::string> chain;
    for (std::string d = abs_dir;; d = std::string(vfs::dirname_of(d))) {
      chain.push_back(d);
      if (d == "/") break;
    }
    for (size_t i = chain.size(); i-- > 1;) layers.push_back(load_layer(chain[i]));
  }

  bool in_git_repo() const {
    for (const auto& l : layers)
      if (l.has_git) return true;
    return false;
  }

  static std::string relative_to(const std::string& base, const std::string& abs) {
    if (base == "/") return abs.substr(1);
    return abs.size() > base.size() ? abs.substr(base.size() + 1) : std::string();
  }

  // Whether a walked (not command-line) entry is skipped.
  bool skipped(const std::string& display, const std::string& abs, std::string_view base, bool is_dir) {
    std::string rel = display.rfind("./", 0) == 0 ? display.substr(2) : display;
    if (!o.overrides.empty()) {
      // -g globs read the other way round from ignore files: a plain glob
      // selects, "!glob" excludes.
      rg::Verdict v = o.overrides.match(rel, is_dir);
      if (v == rg::Verdict::kWhitelist) return true;
      if (v == rg::Verdict::kIgnore) return false;
      if (o.has_whitelist_glob && !is_dir) return true;
    }
    bool whitelisted = false;
    bool git = in_git_repo();
    for (size_t i = layers.size(); i-- > 0 && !whitelisted;) {
      const IgnoreLayer& l = layers[i];
      std::string r = relative_to(l.dir, abs);
      for (const rg::RuleSet* set : {&l.rgignore, &l.ignore, &l.gitignore}) {
        if (set == &l.gitignore && !git) continue;
        rg::Verdict v = set->match(r, is_dir);
        if (v == rg::Verdict::kIgnore) return true;
        if (v == rg::Verdict::kWhitelist) {
          whitelisted = true;
          break;
        }
      }
    }
    bool selects = !o.types.empty() || o.type_all;
    if (!is_dir && (selects || !o.types_not.empty() || o.type_not_all)) {
      if (o.type_not_all && o.type_defs->any_matches(base)) return true;
      for (const auto* globs : o.types_not)
        if (rg::type_globs_match(*globs, base)) return true;
      if (selects) {
        bool any = o.type_all && o.type_defs->any_matches(base);
        for (const auto* globs : o.types) any = any || rg::type_globs_match(*globs, base);
        if (!any) return true;
        whitelisted = true;
      }
    }
    if (!whitelisted && !o.hidden && !base.empty() && base[0] == '.') return true;
    return false;
  }

  void search_file(const std::string& display, const std::string& abs, bool explicit_path, bool with_name) {
    ++searched;
    if (o.files_mode) {
      searcher.print_path(display);
      inv.out().put(o.null ? '\0' : '\n');
      listed = true;
      return;
    }
    std::string data;
    if (vfs::Error err = vfs::read_file(*inv.fs, abs, data)) {
      report(display, err);
      return;
    }
    if (o.search_zip) {
      if (auto format = compressed_format(display)) {
        std::string plain;
        if (!decompress(*format, data, plain)) {
          error = true;
          if (!o.no_messages) inv.err() << display << ": not in " << format_name(*format) << " format\n";
          return;
        }
        data = std::move(plain);
      }
    }
    bool binary_explicit = explicit_path || o.binary;
    if (searcher.search(data, display, with_name, binary_explicit, !binary_explicit)) matched = true;
  }

  // -z: ripgrep picks the decompressor by the file name's extension.
  static std::optional<codec::Format> compressed_format(std::string_view name) {
    static constexpr std::pair<std::string_view, codec::Format> kExtensions[] = {
        {".gz", codec::Format::kGzip},  {".tgz", codec::Format::kGzip},  {".bz2", codec::Format::kBzip2},
        {".tbz2", codec::Format::kBzip2}, {".xz", codec::Format::kXz},   {".txz", codec::Format::kXz},
        {".zst", codec::Format::kZstd}, {".zstd", codec::Format::kZstd},
    };
    for (auto [ext, format] : kExtensions)
      if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) return format;
    return std::nullopt;
  }

  static const char* format_name(codec::Format f) {
    switch (f) {
      case codec::Format::kGzip: return "gzip";
      case codec::Format::kBzip2: return "bzip2";
      case codec::Format::kXz: return "xz";
      case codec::Format::kZstd: return "zstd";
    }
    return "";
  }

  // The whole decompressed text, refused past a bound so that a small
  // "bomb" cannot exhaust memory.
  bool decompress(codec::Format format, std::string_view in, std::string& out) {
    constexpr size_t kMaxDecompressed = size_t{256} << 20;
    auto decoder = codec::make_decoder(format);
    bool ok = decoder->update(in, true, [&](std::string_view piece) {
      if (out.size() + piece.size() > kMaxDecompressed || inv.cancelled()) return false;
      out.append(piece);
      return true;
    });
    return ok && decoder->complete();
  }

  void walk(const std::string& display, const std::string& abs, int depth, std::vector<vfs::Stat>& ancestors) {
    if (searcher.stop || inv.cancelled()) return;
    if (o.max_depth >= 0 && depth > o.max_depth) return;
    std::vector<vfs::DirEntry> entries;
    if (vfs::Error err = inv.fs->readdir(abs, entries)) {
      report(display, err);
      return;
    }
    layers.push_back(load_layer(abs));
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& e : entries) {
      if (searcher.stop || inv.cancelled()) break;
      std::string child_display = display.empty() ? e.name
                                  : display.back() == '/' ? display + e.name
                                                          : display + "/" + e.name;
      std::string child_abs = abs == "/" ? "/" + e.name : abs + "/" + e.name;
      vfs::Stat st;
      if (vfs::Error err = inv.fs->lstat(child_abs, st)) {
        report(child_display, err);
        continue;
      }
      if (S_ISLNK(st.mode)) {
        if (!o.follow) continue;
        if (vfs::Error err = inv.fs->stat(child_abs, st)) {
          report(child_display, err);
          continue;
        }
      }
      bool is_dir = S_ISDIR(st.mode);
      if (skipped(child_display, child_abs, e.name, is_dir)) continue;
      if (is_dir) {
        if (o.max_depth >= 0 && depth + 1 > o.max_depth) continue;
        bool loop = false;
        for (const auto& a : ancestors) loop = loop || (a.dev == st.dev && a.ino == st.ino);
        if (loop || ancestors.size() > 512) {
          error = true;
          if (!o.no_messages)
            inv.err() << "File system loop found: " << child_display << " points to an ancestor\n";
          continue;
        }
        ancestors.push_back(st);
        walk(child_display, child_abs, depth + 1, ancestors);
        ancestors.pop_back();
      } else if (S_ISREG(st.mode)) {
        if (o.max_depth >= 0 && depth + 1 > o.max_depth) continue;
        if (o.max_filesize >= 0 && st.size > o.max_filesize) {
          ++searched;  // passed over, yet not "no files were searched"
          continue;
        }
        search_file(child_display, child_abs, false, o.with_filename != 0);
      }
    }
    layers.pop_back();
  }

  // A path from the command line (or "./" for the current directory, shown
  // without its prefix).
  void root(const std::string& operand, bool implicit, bool with_name) {
    std::string abs = inv.path(operand);
    vfs::Stat st;
    if (vfs::Error err = inv.fs->stat(abs, st)) {
      report(operand, err);
      return;
    }
    if (S_ISDIR(st.mode)) {
      load_parents(abs);
      std::vector<vfs::Stat> ancestors{st};
      walk(implicit ? "" : operand, abs, 0, ancestors);
      return;
    }
    search_file(operand, abs, true, with_name);
  }
};

// Whether stdin is worth searching when no path is given: ripgrep reads it
// only when it is a pipe or a file, otherwise it searches the current
// directory.
bool stdin_readable(Invocation& inv) {
  vfs::FilePtr in = inv.fds ? inv.fds->get(0) : nullptr;
  if (!in || in->is_terminal()) return false;
  vfs::Stat st;
  if (in->stat(st)) return false;
  return S_ISFIFO(st.mode) || S_ISREG(st.mode) || S_ISSOCK(st.mode);
}

int run_rg(Invocation& inv) {
  auto started = std::chrono::steady_clock::now();
  Options o;
  std::vector<std::string> positional;
  bool sort_path = false;
  int unrestricted = 0;
  std::vector<std::string> type_names, type_not_names, type_adds, type_clears;
  bool type_list = false;
  bool pretty = false;
  std::string color_choice = "auto";
  // Which flag set each output mode that --json refuses, for clap's error.
  std::string json_conflict;
  // --- arguments (clap-style) ---
  auto apply = [&](const RgOption& opt, const std::string& value) -> std::optional<int> {
    switch (opt.id) {
      case kRegexp: o.patterns.push_back(value); o.have_patterns = true; break;
      case kFile: {
        std::string data;
        if (value == "-") {
          inv.in().read_all(data);
        } else if (vfs::Error err = vfs::read_file(*inv.fs, inv.path(value), data)) {
          inv.err() << value << ": " << vfs::error_text(err) << " (os error " << std::to_string(err.value())
                    << ")\n";
          return 2;
        }
        size_t start = 0;
        while (start < data.size()) {
          size_t nl = data.find('\n', start);
          if (nl == std::string::npos) nl = data.size();
          std::string line = data.substr(start, nl - start);
          if (!line.empty() && line.back() == '\r') line.pop_back();
          o.patterns.push_back(line);
          start = nl + 1;
        }
        o.have_patterns = true;
        break;
      }
      case kIgnoreCase: o.case_mode = CaseMode::kInsensitive; break;
      case kCaseSensitive: o.case_mode = CaseMode::kSensitive; break;
      case kSmartCase: o.case_mode = CaseMode::kSmart; break;
      case kWord: o.word = true; break;
      case kLine: o.line = true; break;
      case kInvert: o.invert = true; break;
      case kCount: o.count = true; o.count_matches = false; break;
      case kCountMatches: o.count_matches = true; o.count = false; break;
      case kFilesWithMatches: o.list_with = true; o.list_without = false; break;
      case kFilesWithoutMatch: o.list_without = true; o.list_with = false; break;
      case kLineNumber: o.line_number = true; break;
      case kNoLineNumber: o.line_number = false; break;
      case kOnly: o.only = true; break;
      case kFixed: o.fixed = true; break;
      case kAfter: if (!parse_number(inv, opt, value, o.after)) return 2; break;
      case kBefore: if (!parse_number(inv, opt, value, o.before)) return 2; break;
      case kContext:
        if (!parse_number(inv, opt, value, o.after)) return 2;
        o.before = o.after;
        break;
      case kMaxCount: if (!parse_number(inv, opt, value, o.max_count)) return 2; break;
      case kMaxDepth: if (!parse_number(inv, opt, value, o.max_depth)) return 2; break;
      case kThreads: { long long n; if (!parse_number(inv, opt, value, n)) return 2; break; }
      case kReplace: o.replace = value; break;
      case kFiles: o.files_mode = true; break;
      case kGlob: case kIGlob: {
        std::string err = rg::glob_error(value);
        if (!err.empty()) {
          inv.err() << err << "\n";
          return 2;
        }
        // --iglob applies case-insensitively; one flag for the whole set
        // is enough for the usual single-kind use.
        if (opt.id == kIGlob) o.overrides.ignore_case = true;
        o.overrides.add(value);
        if (value.empty() || value[0] != '!') o.has_whitelist_glob = true;
        break;
      }
      // Types are resolved once every --type-add and --type-clear is known.
      case kType: type_names.push_back(value); break;
      case kTypeNot: type_not_names.push_back(value); break;
      case kTypeAdd: type_adds.push_back(value); break;
      case kTypeClear: type_clears.push_back(value); break;
      case kTypeList: type_list = true; break;
      case kJson: o.json = true; break;
      case kNoJson: o.json = false; break;
      case kNullData: o.eol = '\0'; break;
      case kSearchZip: o.search_zip = true; break;
      case kNoSearchZip: o.search_zip = false; break;
      case kPretty: pretty = o.heading = o.line_number = true; break;
      case kNoPcre2: o.pcre2 = false; break;
      case kMaxFilesize:
        if (!parse_size(value, o.max_filesize)) {
          inv.err() << "invalid format for size '" << value
                    << "', which should be a sequence of digits followed by an optional 'K', 'M' or 'G' suffix\n";
          return 2;
        }
        break;
      case kHidden: o.hidden = true; break;
      case kNoHidden: o.hidden = false; break;
      case kNoIgnore: o.no_ignore = true; break;
      case kIgnore: o.no_ignore = false; break;
      case kNoIgnoreVcs: o.no_ignore_vcs = true; break;
      case kUnrestricted:
        ++unrestricted;
        if (unrestricted >= 1) o.no_ignore = true;
        if (unrestricted >= 2) o.hidden = true;
        if (unrestricted >= 3) o.binary = true;
        break;
      case kFollow: o.follow = true; break;
      case kNoFollow: o.follow = false; break;
      case kSort:
        if (value != "path" && value != "none" && value != "modified" && value != "accessed" &&
            value != "created") {
          inv.err() << "error: '" << value << "' isn't a valid value for '--sort <SORTBY>'\n\t[possible values: "
                    << "path, modified, accessed, created, none]\n\n"
                    << kUsage;
          return 2;
        }
        sort_path = value == "path";
        break;
      case kSortFiles: sort_path = true; break;
      case kHeading: o.heading = true; break;
      case kNoHeading: o.heading = false; break;
      case kVimgrep: o.vimgrep = true; break;
      case kColumn: o.column = true; break;
      case kNoColumn: o.column = false; break;
      case kNull: o.null = true; break;
      case kTrim: o.trim = true; break;
      case kQuiet: o.quiet = true; break;
      case kText: o.text = true; break;
      case kNoText: o.text = false; break;
      case kBinary: o.binary = true; break;
      case kWithFilename: o.with_filename = 1; break;
      case kNoFilename: o.with_filename = 0; break;
      case kColor:
        if (value != "never" && value != "auto" && value != "always" && value != "ansi") {
          inv.err() << "error: '" << value << "' isn't a valid value for '--color <WHEN>'\n\t[possible values: "
                    << "always, ansi, auto, never]\n\n\n"
                    << kUsage;
          return 2;
        }
        color_choice = value;
        break;
      case kNoMessages: o.no_messages = true; break;
      case kNoConfig: break;
      case kNoMultiline: o.multiline = false; break;
      case kMultiline: o.multiline = true; break;
      case kPcre2: o.pcre2 = true; break;
      case kVersion: inv.out() << "ripgrep 13.0.0\n"; return 0;
      case kHelp:
        inv.out() << "ripgrep 13.0.0\nRecursively search the current directory for lines matching a pattern.\n\n"
                  << kUsage;
        return 0;
    }
    return std::nullopt;
  };

  bool only_positional = false;
  for (size_t i = 1; i < inv.argv.size(); ++i) {
    const std::string& a = inv.argv[i];
    if (only_positional || a.size() < 2 || a[0] != '-') {
      positional.push_back(a);
      continue;
    }
    if (a == "--") {
      only_positional = true;
      continue;
    }
    if (a[1] == '-') {
      size_t eq = a.find('=');
      std::string name = a.substr(2, eq == std::string::npos ? std::string::npos : eq - 2);
      const RgOption* opt = nullptr;
      for (const RgOption& c : kOptions)
        if (c.long_name == name) opt = &c;
      if (!opt) {
        unknown_argument(inv, a.substr(0, eq));
        return 2;
      }
      std::string value;
      if (!opt->value.empty()) {
        if (eq != std::string::npos) value = a.substr(eq + 1);
        else if (i + 1 < inv.argv.size()) value = inv.argv[++i];
        else {
          inv.err() << "error: The argument '--" << opt->long_name << " <" << opt->value
                    << ">' requires a value but none was supplied\n\n" << kUsage;
          return 2;
        }
      } else if (eq != std::string::npos) {
        unknown_argument(inv, a);
        return 2;
      }
      if (auto status = apply(*opt, value)) return inv.finish(*status);
      continue;
    }
    for (size_t j = 1; j < a.size(); ++j) {
      const RgOption* opt = nullptr;
      for (const RgOption& c : kOptions)
        if (c.short_name == a[j]) opt = &c;
      if (!opt) {
        unknown_argument(inv, "-" + std::string(1, a[j]));
        return 2;
      }
      std::string value;
      if (!opt->value.empty()) {
        if (j + 1 < a.size()) value = a.substr(a[j + 1] == '=' ? j + 2 : j + 1);
        else if (i + 1 < inv.argv.size()) value = inv.argv[++i];
        else {
          inv.err() << "error: The argument '--" << opt->long_name << " <" << opt->value
                    << ">' requires a value but none was supplied\n\n" << kUsage;
          return 2;
        }
        j = a.size();
      }
      if (auto status = apply(*opt, value)) return inv.finish(*status);
    }
  }

  if (o.json) {
    const char* conflict = o.count ? "--count" : o.count_matches ? "--count-matches" : o.files_mode ? "--files"
                           : o.list_with ? "--files-with-matches" : o.list_without ? "--files-without-match"
                                                                                    : nullptr;
    if (conflict) {
      inv.err() << "error: The argument '" << conflict << "' cannot be used with '--json'\n\n" << kUsage;
      return 2;
    }
  }
  if (type_list && (o.files_mode || o.have_patterns || !positional.empty())) {
    inv.err() << "error: The argument '"
              << (o.files_mode ? "--type-list" : o.have_patterns ? "--regexp <PATTERN>..." : "<PATTERN>")
              << "' cannot be used with '" << (o.files_mode ? "--files" : "--type-list") << "'\n\n" << kUsage;
    return 2;
  }
  // ripgrep applies every --type-clear before any --type-add.
  rg::TypeDefs type_defs;
  for (const std::string& name : type_clears) type_defs.clear(name);
  for (const std::string& spec : type_adds) {
    if (!type_defs.add(spec)) {
      inv.err() << "invalid definition (format is type:glob, e.g., html:*.html)\n";
      return 2;
    }
  }
  if (type_list) {
    inv.out() << type_defs.list();
    return 0;
  }
  o.type_defs = &type_defs;
  for (auto [names, out, all] : {std::tuple{&type_names, &o.types, &o.type_all},
                                 std::tuple{&type_not_names, &o.types_not, &o.type_not_all}}) {
    for (const std::string& name : *names) {
      if (name == "all") {
        *all = true;
        continue;
      }
      const std::vector<std::string>* globs = type_defs.find(name);
      if (!globs) {
        inv.err() << "unrecognized file type: " << name << "\n";
        return 2;
      }
      out->push_back(globs);
    }
  }

  if (!o.have_patterns && !o.files_mode) {
    if (positional.empty()) {
      inv.err() << "error: The following required arguments were not provided:\n    <PATTERN>\n\n" << kUsage;
      return 2;
    }
    o.patterns.push_back(positional.front());
    positional.erase(positional.begin());
  }
  if (o.vimgrep) {
    o.line_number = true;
    o.heading = false;
    if (o.with_filename < 0) o.with_filename = 1;
  }
  // stdout is never a terminal here, so "auto" colours only for -p, and
  // then as termcolor decides: TERM set and not "dumb", NO_COLOR unset.
  if (color_choice == "always" || color_choice == "ansi") {
    o.color = true;
  } else if (color_choice == "auto" && pretty && inv.env) {
    auto term = inv.env->find("TERM");
    o.color = term != inv.env->end() && term->second != "dumb" && !inv.env->count("NO_COLOR");
  }
  if (o.column) o.line_number = true;
  if (o.count || o.count_matches) o.list_with = o.list_without = false;  // counting wins over -l
  if (o.count && o.only) {
    // -c -o counts matches, as --count-matches does.
    o.count = false;
    o.count_matches = true;
  }

  // --- the pattern ---
  std::vector<std::string> pieces;
  for (const std::string& p : o.patterns)
    pieces.push_back(o.fixed ? escape_literal(p) : o.pcre2 ? p : rust_to_re2(p));
  unsigned flags = text::kUtf8;
  if (o.pcre2) flags |= text::kUnicodeClasses;
  bool ignore_case = o.case_mode == CaseMode::kInsensitive;
  if (o.case_mode == CaseMode::kSmart) {
    ignore_case = true;
    for (const std::string& p : o.patterns)
      if (has_uppercase_literal(p)) ignore_case = false;
  }
  if (ignore_case) flags |= text::kIgnoreCase;
  if (o.line) flags |= text::kWholeLine;
  else if (o.word) flags |= text::kWholeWord;
  std::shared_ptr<const Regex> regex;
  if (!o.files_mode) {
    for (const std::string& p : o.patterns) {
      bool newline = p.find('\n') != std::string::npos;
      for (size_t i = 0; !o.fixed && i + 1 < p.size(); ++i) {
        if (p[i] != '\\') continue;
        if (p[i + 1] == 'n') newline = true;
        ++i;
      }
      if (!o.multiline && newline && !o.pcre2) {
        inv.err() << "the literal '\"\\n\"' is not allowed in a regex\n\n"
                  << "Consider enabling multiline mode with the --multiline flag (or -U for short).\n"
                  << "When multiline mode is enabled, new line characters can be matched.\n";
        return 2;
      }
    }
    auto compiled = Regex::compile_any(pieces, o.pcre2 ? text::Syntax::kPerl : text::Syntax::kRust, flags);
    if (!compiled && o.pcre2) {
      inv.err() << "PCRE2: error compiling pattern at offset " << std::to_string(compiled.error_offset) << ": "
                << compiled.error << "\n";
      return 2;
    }
    if (!compiled) {
      inv.err() << "regex parse error:\n    " << (o.patterns.empty() ? "" : o.patterns.front())
                << "\nerror: " << compiled.error << "\n";
      return 2;
    }
    regex = compiled.regex;
  } else {
    regex = Regex::compile("", text::Syntax::kRust, 0).regex;
  }

  // --- the search ---
  Searcher searcher(inv, o, *regex);
  Walker walker{inv, o, searcher};
  walker.sort_errors = sort_path;
  // A session's own stdin looks like a pipe even when nothing feeds it (the
  // host's /dev/null, or exec() with no input), where ripgrep would search
  // the current directory; so an empty stdin means "search the directory".
  // (Only `true | rg x` tells the difference: it searches here too.)
  std::string stdin_data;
  bool use_stdin = positional.empty() && !o.files_mode && stdin_readable(inv);
  if (use_stdin) {
    inv.in().read_all(stdin_data);
    use_stdin = !stdin_data.empty();
  }
  bool default_path = !use_stdin && positional.empty();
  if (use_stdin) {
    static const std::string kStdinName = "<stdin>";
    if (searcher.search(stdin_data, kStdinName, o.with_filename == 1, true, false)) walker.matched = true;
  } else {
    bool implicit = positional.empty();
    if (implicit) positional.push_back("./");
    bool with_name = o.with_filename == 1;
    if (o.with_filename < 0) {
      with_name = positional.size() > 1;
      vfs::Stat st;
      if (!with_name && !inv.fs->stat(inv.path(positional[0]), st) && S_ISDIR(st.mode)) with_name = true;
    }
    for (const std::string& p : positional) {
      if (searcher.stop || inv.cancelled()) break;
      if (p == "-") {
        std::string data;
        inv.in().read_all(data);
        ++walker.searched;
        static const std::string kStdinName = "<stdin>";
        if (searcher.search(data, kStdinName, with_name, true, false)) walker.matched = true;
        continue;
      }
      walker.root(p, implicit, with_name);
    }
  }
  if (o.json) {
    searcher.print_json_summary(static_cast<unsigned long long>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - started).count()));
  }
  // ripgrep says so only when it searched the current directory by default.
  if (walker.searched == 0 && default_path && !o.files_mode && !o.no_messages && !inv.cancelled()) {
    inv.err() << "No files were searched, which means ripgrep probably applied a filter you didn't expect.\n"
                 "Running with --debug will show why files are being skipped.\n";
    return 2;
  }
  if (walker.error) return 2;
  if (o.files_mode) return walker.listed ? 0 : 1;
  if (o.list_without) return searcher.listed_without() ? 0 : 1;
  return walker.matched ? 0 : 1;
}

}  // namespace

BURROW_COMMAND(rg, "recursively search for a regex pattern (ripgrep)", run_rg);

}  // namespace burrow
