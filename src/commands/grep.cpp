// grep, egrep, fgrep: print lines that match patterns (GNU grep 3.8).
//
// Input is read in large blocks and the block is searched for the pattern
// (compiled in line mode, so a match never spans lines) instead of trying
// every line, as GNU grep does; lines are only located around matches.
#include <fnmatch.h>

#include <algorithm>
#include <cstring>

#include "commands/args.h"
#include "text/regex.h"

namespace burrow {
namespace {

using text::Regex;
using text::Syntax;

enum Opt {
  kExtended, kFixed, kBasic, kPerl, kRegexp, kFile, kIgnoreCase, kIgnoreCaseY, kNoIgnoreCase, kInvert, kWord,
  kLine, kCount, kColor, kFilesWithout, kFilesWith, kMaxCount, kOnly, kQuiet, kNoMessages, kByteOffset,
  kWithFilename, kNoFilename, kLabel, kLineNumber, kInitialTab, kNull, kNullData, kAfter, kBefore, kContext,
  kGroupSep, kNoGroupSep, kText, kNoBinary, kBinaryFiles, kRecursive, kDerefRecursive, kInclude, kExclude,
  kExcludeFrom, kExcludeDir, kLineBuffered, kBinary, kDirectories, kDevices, kVersion,
};

constexpr OptionSpec kOptions[] = {
    {kExtended, 'E', "extended-regexp", ArgKind::kNone, "PATTERNS are extended regular expressions"},
    {kFixed, 'F', "fixed-strings", ArgKind::kNone, "PATTERNS are strings"},
    {kBasic, 'G', "basic-regexp", ArgKind::kNone, "PATTERNS are basic regular expressions"},
    {kPerl, 'P', "perl-regexp", ArgKind::kNone, "PATTERNS are Perl regular expressions"},
    {kRegexp, 'e', "regexp", ArgKind::kRequired, "use PATTERNS for matching", "PATTERNS"},
    {kFile, 'f', "file", ArgKind::kRequired, "take PATTERNS from FILE", "FILE"},
    {kIgnoreCase, 'i', "ignore-case", ArgKind::kNone, "ignore case distinctions in patterns and data"},
    {kIgnoreCaseY, 'y', "", ArgKind::kNone, ""},
    {kNoIgnoreCase, 0, "no-ignore-case", ArgKind::kNone, "do not ignore case distinctions (default)"},
    {kWord, 'w', "word-regexp", ArgKind::kNone, "match only whole words"},
    {kLine, 'x', "line-regexp", ArgKind::kNone, "match only whole lines"},
    {kNullData, 'z', "null-data", ArgKind::kNone, "a data line ends in 0 byte, not newline"},
    {kNoMessages, 's', "no-messages", ArgKind::kNone, "suppress error messages"},
    {kInvert, 'v', "invert-match", ArgKind::kNone, "select non-matching lines"},
    {kVersion, 'V', "version", ArgKind::kNone, "display version information and exit"},
    {kMaxCount, 'm', "max-count", ArgKind::kRequired, "stop after NUM selected lines", "NUM"},
    {kByteOffset, 'b', "byte-offset", ArgKind::kNone, "print the byte offset with output lines"},
    {kLineNumber, 'n', "line-number", ArgKind::kNone, "print line number with output lines"},
    {kLineBuffered, 0, "line-buffered", ArgKind::kNone, "flush output on every line"},
    {kWithFilename, 'H', "with-filename", ArgKind::kNone, "print file name with output lines"},
    {kNoFilename, 'h', "no-filename", ArgKind::kNone, "suppress the file name prefix on output"},
    {kLabel, 0, "label", ArgKind::kRequired, "use LABEL as the standard input file name prefix", "LABEL"},
    {kOnly, 'o', "only-matching", ArgKind::kNone, "show only nonempty parts of lines that match"},
    {kQuiet, 'q', "quiet", ArgKind::kNone, "suppress all normal output"},
    {kQuiet, 0, "silent", ArgKind::kNone, ""},
    {kBinaryFiles, 0, "binary-files", ArgKind::kRequired, "assume that binary files are TYPE", "TYPE"},
    {kText, 'a', "text", ArgKind::kNone, "equivalent to --binary-files=text"},
    {kNoBinary, 'I', "", ArgKind::kNone, "equivalent to --binary-files=without-match"},
    {kDirectories, 'd', "directories", ArgKind::kRequired, "how to handle directories", "ACTION"},
    {kDevices, 'D', "devices", ArgKind::kRequired, "how to handle devices", "ACTION"},
    {kRecursive, 'r', "recursive", ArgKind::kNone, "like --directories=recurse"},
    {kDerefRecursive, 'R', "dereference-recursive", ArgKind::kNone, "likewise, but follow all symlinks"},
    {kInclude, 0, "include", ArgKind::kRequired, "search only files that match GLOB", "GLOB"},
    {kExclude, 0, "exclude", ArgKind::kRequired, "skip files that match GLOB", "GLOB"},
    {kExcludeFrom, 0, "exclude-from", ArgKind::kRequired, "skip files that match any file pattern from FILE", "FILE"},
    {kExcludeDir, 0, "exclude-dir", ArgKind::kRequired, "skip directories that match GLOB", "GLOB"},
    {kFilesWithout, 'L', "files-without-match", ArgKind::kNone, "print only names of FILEs with no selected lines"},
    {kFilesWith, 'l', "files-with-matches", ArgKind::kNone, "print only names of FILEs with selected lines"},
    {kInitialTab, 'T', "initial-tab", ArgKind::kNone, "make tabs line up (if needed)"},
    {kNull, 'Z', "null", ArgKind::kNone, "print 0 byte after FILE name"},
    {kBefore, 'B', "before-context", ArgKind::kRequired, "print NUM lines of leading context", "NUM"},
    {kAfter, 'A', "after-context", ArgKind::kRequired, "print NUM lines of trailing context", "NUM"},
    {kContext, 'C', "context", ArgKind::kRequired, "print NUM lines of output context", "NUM"},
    {kGroupSep, 0, "group-separator", ArgKind::kRequired, "print SEP on line between matches with context", "SEP"},
    {kNoGroupSep, 0, "no-group-separator", ArgKind::kNone, "do not print separator for matches with context"},
    {kColor, 0, "color", ArgKind::kOptional, "use markers to highlight the matching strings", "WHEN"},
    {kColor, 0, "colour", ArgKind::kOptional, "", "WHEN"},
    {kCount, 'c', "count", ArgKind::kNone, "print only a count of selected lines per FILE"},
    {kBinary, 'U', "binary", ArgKind::kNone, "do not strip CR characters at EOL (MSDOS/Windows)"},
};

constexpr CommandSpec kSpec{
    "Usage: grep [OPTION]... PATTERNS [FILE]...",
    "Search for PATTERNS in each FILE.\nExample: grep -i 'hello world' menu.h main.c\n"
    "PATTERNS can contain multiple patterns separated by newlines.",
    kOptions,
    2,
    false,
    {},
    true,
};

constexpr size_t kChunk = 256 * 1024;

enum class BinaryMode { kBinary, kText, kWithoutMatch };

struct Colors {
  bool on = false;
  std::string match = "01;31", context_match = "01;31", file = "35", line = "32", byte = "32", sep = "36";
};

struct Options {
  bool invert = false, count = false, only = false, quiet = false, no_messages = false, byte_offset = false;
  bool line_number = false, initial_tab = false, null_after_name = false, line_buffered = false;
  bool list_with = false, list_without = false;
  bool per_line = false;  // -P and -z: match each line on its own
  char eol = '\n';
  long long max_count = -1;
  long long before = 0, after = 0;
  bool context = false;
  std::optional<std::string> group_sep = std::string("--");
  BinaryMode binary = BinaryMode::kBinary;
  bool utf8 = false;
  int with_filename = -1;  // -1: decide from the operands
  bool recursive = false, deref = false;
  std::string directories = "read";
  std::string label = "(standard input)";
  std::vector<std::string> include, exclude, exclude_dir;
  Colors color;
};

bool parse_count(const std::string& s, long long& out) {
  if (s.empty()) return false;
  long long v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v > 1'000'000'000'000'000LL ? v : v * 10 + (c - '0');
  }
  out = v;
  return true;
}

bool valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    int len = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    if (len == 0 || c < 0xC2 || c > 0xF4 || i + len > s.size()) return false;
    for (int k = 1; k < len; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    if (len == 3 && c == 0xE0 && static_cast<unsigned char>(s[i + 1]) < 0xA0) return false;
    if (len == 3 && c == 0xED && static_cast<unsigned char>(s[i + 1]) >= 0xA0) return false;
    if (len == 4 && c == 0xF0 && static_cast<unsigned char>(s[i + 1]) < 0x90) return false;
    if (len == 4 && c == 0xF4 && static_cast<unsigned char>(s[i + 1]) >= 0x90) return false;
    i += len;
  }
  return true;
}

class Grep {
 public:
  Grep(Invocation& inv, const Options& o, const Regex& re) : inv_(inv), o_(o), re_(re), out_(inv.out()) {}

  // Searches one input; returns true if a line was selected. `name` is the
  // name shown in output.
  bool scan(InStream& in, const std::string& name, bool& stop_all);
  bool any_output() const { return printed_any_; }

 private:
  struct Line {
    size_t begin, end;  // end excludes the eol byte
  };

  bool read_more(InStream& in);
  // The first line at or after p (a line start) that matches.
  bool next_match_line(size_t p, Line& line);
  size_t line_end(size_t pos) const { return line_end(pos, text_end_); }
  size_t line_end(size_t pos, size_t lim) const {
    if (pos >= lim) return lim;
    const void* e = memchr(buf_.data() + pos, o_.eol, lim - pos);
    return e ? static_cast<const char*>(e) - buf_.data() : lim;
  }
  size_t line_begin(size_t pos, size_t floor) const {
    while (pos > floor && buf_[pos - 1] != o_.eol) --pos;
    return pos;
  }
  long long line_number_at(size_t pos);
  void selected(const Line& line);
  void nonselected_range(size_t p, size_t q);
  void print_line(const Line& line, char sep);
  void print_prefix(char sep, long long lineno, long long offset);
  void print_before_context(size_t line_start);
  void color_start(const std::string& c) { if (o_.color.on) out_ << "\33[" << c << "m\33[K"; }
  void color_end() { if (o_.color.on) out_ << "\33[m\33[K"; }
  bool output_lines() const { return !o_.quiet && !o_.count && !o_.list_with && !o_.list_without; }

  Invocation& inv_;
  const Options& o_;
  const Regex& re_;
  OutStream& out_;
  const std::string* name_ = nullptr;

  std::string buf_;
  size_t base_offset_ = 0;  // absolute offset of buf_[0]
  bool eof_ = false;
  size_t text_end_ = 0;  // end of the last complete line in the region being searched
  size_t count_pos_ = 0;    // line number known at this buffer position
  long long count_line_ = 1;
  size_t printed_end_ = SIZE_MAX;  // absolute offset just past the last printed line
  bool file_printed_ = false;
  long long after_left_ = 0;
  long long selected_ = 0;
  bool done_ = false;
  bool binary_ = false;
  bool binary_matched_ = false;
  bool encoding_error_ = false;
  bool printed_any_ = false;
  bool dense_ = false;
  size_t offset_width_ = 19;
};

long long Grep::line_number_at(size_t pos) {
  if (pos >= count_pos_) {
    const char* p = buf_.data() + count_pos_;
    const char* end = buf_.data() + pos;
    long long n = 0;
    while (p < end) {
      const void* hit = memchr(p, o_.eol, end - p);
      if (!hit) break;
      ++n;
      p = static_cast<const char*>(hit) + 1;
    }
    count_line_ += n;
  } else {
    count_line_ -= std::count(buf_.begin() + pos, buf_.begin() + count_pos_, o_.eol);
  }
  count_pos_ = pos;
  return count_line_;
}

void Grep::print_prefix(char sep, long long lineno, long long offset) {
  auto sep_out = [&] {
    color_start(o_.color.sep);
    out_.put(sep);
    color_end();
  };
  if (name_) {
    color_start(o_.color.file);
    out_ << *name_;
    color_end();
    if (o_.null_after_name) out_.put('\0');
    else sep_out();
  }
  auto number = [&](long long v, const std::string& c) {
    std::string s = std::to_string(v);
    if (o_.initial_tab && s.size() < offset_width_) s.insert(0, offset_width_ - s.size(), ' ');
    color_start(c);
    out_ << s;
    color_end();
    sep_out();
  };
  if (o_.line_number) number(lineno, o_.color.line);
  if (o_.byte_offset) number(offset, o_.color.byte);
  if (o_.initial_tab && (name_ || o_.line_number || o_.byte_offset)) out_.put('\t');
}

void Grep::print_line(const Line& line, char sep) {
  std::string_view text(buf_.data() + line.begin, line.end - line.begin);
  if (o_.binary != BinaryMode::kText && o_.utf8 && !valid_utf8(text)) {
    encoding_error_ = true;
    return;
  }
  size_t abs_begin = base_offset_ + line.begin;
  if (o_.context && printed_any_ && o_.group_sep && (!file_printed_ || printed_end_ != abs_begin)) {
    color_start(o_.color.sep);
    out_ << *o_.group_sep;
    color_end();
    out_.put('\n');
  }
  printed_any_ = true;
  file_printed_ = true;
  printed_end_ = base_offset_ + line.end + 1;
  long long lineno = o_.line_number ? line_number_at(line.begin) : 0;
  if (o_.only) {
    if (sep != ':') return;
    std::string_view view(buf_.data(), line.end);
    size_t pos = line.begin, b, e;
    while (pos <= line.end) {
      bool found = o_.per_line ? re_.find(text, pos - line.begin, b, e) : re_.find(view, pos, b, e);
      if (!found) break;
      if (o_.per_line) {
        b += line.begin;
        e += line.begin;
      }
      if (e == b) {
        pos = b + 1;
        continue;
      }
      print_prefix(sep, lineno, static_cast<long long>(base_offset_ + b));
      color_start(o_.color.match);
      out_.write(buf_.data() + b, e - b);
      color_end();
      out_.put(o_.eol);
      pos = e;
    }
    if (o_.line_buffered) out_.flush();
    return;
  }
  print_prefix(sep, lineno, static_cast<long long>(abs_begin));
  if (o_.color.on && sep == ':' && !o_.invert) {
    std::string_view view(buf_.data(), line.end);
    size_t pos = line.begin, b, e;
    while (pos <= line.end) {
      bool found = o_.per_line ? re_.find(text, pos - line.begin, b, e) : re_.find(view, pos, b, e);
      if (!found) break;
      if (o_.per_line) {
        b += line.begin;
        e += line.begin;
      }
      if (e == b) {
        if (b >= line.end) break;
        out_.write(buf_.data() + pos, b + 1 - pos);
        pos = b + 1;
        continue;
      }
      out_.write(buf_.data() + pos, b - pos);
      color_start(o_.color.match);
      out_.write(buf_.data() + b, e - b);
      color_end();
      pos = e;
    }
    out_.write(buf_.data() + pos, line.end - pos);
  } else {
    out_.write(text);
  }
  out_.put(o_.eol);
  if (o_.line_buffered) out_.flush();
}

void Grep::print_before_context(size_t line_start) {
  if (o_.before <= 0) return;
  size_t floor = 0;
  if (file_printed_ && printed_end_ >= base_offset_) floor = std::max(floor, printed_end_ - base_offset_);
  if (floor > line_start) return;
  size_t start = line_start;
  for (long long k = 0; k < o_.before && start > floor; ++k) start = line_begin(start - 1, floor);
  size_t p = start;
  while (p < line_start) {
    size_t e = line_end(p, line_start);
    print_line({p, e}, '-');
    p = e + 1;
  }
}

void Grep::selected(const Line& line) {
  ++selected_;
  if (output_lines()) {
    if (binary_) {
      // The suppressed line still counts as output for "--" separators.
      binary_matched_ = true;
      printed_any_ = true;
      done_ = true;
      return;
    }
    print_before_context(line.begin);
    print_line(line, ':');
    after_left_ = o_.after;
  }
  if (o_.quiet || o_.list_with || o_.list_without) done_ = true;
  if (o_.max_count >= 0 && selected_ >= o_.max_count) done_ = true;
}

void Grep::nonselected_range(size_t p, size_t q) {
  while (after_left_ > 0 && p < q) {
    size_t e = line_end(p);
    print_line({p, e}, '-');
    --after_left_;
    p = e + 1;
  }
}

bool Grep::next_match_line(size_t p, Line& line) {
  if (o_.per_line) {
    while (p <= text_end_) {
      size_t e = line_end(p);
      if (re_.matches(std::string_view(buf_.data() + p, e - p))) {
        line = {p, e};
        return true;
      }
      if (e >= text_end_) break;
      p = e + 1;
    }
    return false;
  }
  // Where matches are dense (the last one was on the line just before p),
  // asking "does this line match" is cheaper than locating the next match.
  if (dense_) {
    size_t e = line_end(p);
    if (re_.matches(std::string_view(buf_.data() + p, e - p))) {
      line = {p, e};
      return true;
    }
    dense_ = false;
    if (e >= text_end_) return false;
    p = e + 1;
  }
  size_t b;
  if (!re_.locate(std::string_view(buf_.data(), text_end_), p, b)) return false;
  line.begin = line_begin(b, p);
  line.end = line_end(b);
  dense_ = line.begin == p;
  return true;
}

bool Grep::read_more(InStream& in) {
  if (eof_) return false;
  size_t old = buf_.size();
  // Start small and grow: resize() zero-fills, and most files in a
  // recursive search are small.
  size_t chunk = std::min(kChunk, std::max<size_t>(16 * 1024, old));
  buf_.resize(old + chunk);
  size_t got = in.read(buf_.data() + old, chunk);
  buf_.resize(old + got);
  if (got == 0) {
    eof_ = true;
    return false;
  }
  if (o_.binary != BinaryMode::kText && !binary_ && o_.eol != '\0' && memchr(buf_.data() + old, '\0', got)) {
    binary_ = true;
  }
  return true;
}

bool Grep::scan(InStream& in, const std::string& name, bool& stop_all) {
  name_ = o_.with_filename > 0 ? &name : nullptr;
  buf_.clear();
  base_offset_ = 0;
  eof_ = false;
  count_pos_ = 0;
  count_line_ = 1;
  file_printed_ = false;
  after_left_ = 0;
  selected_ = 0;
  done_ = false;
  binary_ = false;
  binary_matched_ = false;
  encoding_error_ = false;
  dense_ = false;
  if (o_.max_count == 0) return false;
  offset_width_ = 19;
  if (o_.initial_tab) {
    vfs::Stat st;
    if (in.file() && !in.file()->stat(st) && S_ISREG(st.mode)) offset_width_ = std::to_string(st.size).size();
  }

  size_t pos = 0;  // first unprocessed byte in buf_
  while (!done_ && !inv_.cancelled()) {
    // Read until there is a complete line after pos, or EOF.
    size_t lim = 0;
    size_t scanned = pos;
    while (true) {
      const char* data = buf_.data();
      size_t n = buf_.size();
      const void* last = n > scanned ? memrchr(data + scanned, o_.eol, n - scanned) : nullptr;
      if (last) {
        lim = static_cast<const char*>(last) - data + 1;
        break;
      }
      scanned = n;
      if (!read_more(in)) {
        lim = buf_.size();
        break;
      }
      if (binary_ && o_.binary == BinaryMode::kWithoutMatch) break;
    }
    if (binary_ && o_.binary == BinaryMode::kWithoutMatch) {
      // -I: a binary file has no matching lines (but -c and -L report it).
      selected_ = 0;
      break;
    }
    if (pos >= lim) break;
    bool trailing = buf_[lim - 1] != o_.eol;
    text_end_ = trailing ? lim : lim - 1;
    size_t p = pos;
    while (p < lim && !done_) {
      Line m;
      bool found = next_match_line(p, m);
      size_t stop = found ? m.begin : lim;
      if (!o_.invert) {
        nonselected_range(p, stop);
        if (!found) {
          p = lim;
          break;
        }
        selected(m);
        p = m.end + 1;
        continue;
      }
      if (!output_lines() && o_.max_count < 0 && !o_.quiet && !o_.list_with && !o_.list_without) {
        selected_ += std::count(buf_.data() + p, buf_.data() + stop, o_.eol);
        if (stop == lim && trailing && p < lim) ++selected_;
        p = stop;
      } else {
        while (p < stop && !done_) {
          size_t e = line_end(p);
          selected({p, e});
          p = e + 1;
        }
      }
      if (!found || done_) {
        if (!found) p = lim;
        break;
      }
      nonselected_range(m.begin, m.end + 1);
      p = m.end + 1;
    }
    if (done_ && after_left_ > 0 && output_lines() && !binary_matched_) {
      // Trailing context after the last line -m allows.
      while (after_left_ > 0) {
        if (p >= buf_.size() && !read_more(in)) break;
        const void* e = memchr(buf_.data() + p, o_.eol, buf_.size() - p);
        if (!e && read_more(in)) continue;
        size_t end = e ? static_cast<const char*>(e) - buf_.data() : buf_.size();
        print_line({p, end}, '-');
        --after_left_;
        p = end + 1;
      }
    }
    if (done_ || (eof_ && lim >= buf_.size())) break;
    pos = lim;
    // Drop what no longer matters, keeping lines for before-context.
    size_t keep_from = pos;
    if (o_.before > 0 && output_lines()) {
      for (long long k = 0; k < o_.before && keep_from > 0; ++k) keep_from = line_begin(keep_from - 1, 0);
    }
    if (keep_from > 0) {
      if (o_.line_number) line_number_at(keep_from);
      else count_pos_ = keep_from;
      buf_.erase(0, keep_from);
      base_offset_ += keep_from;
      count_pos_ -= keep_from;
      pos -= keep_from;
    }
  }
  if ((binary_matched_ || encoding_error_) && !o_.no_messages) {
    out_.flush();
    inv_.error(name + ": binary file matches");
  }
  if (o_.count) {
    if (name_) {
      color_start(o_.color.file);
      out_ << name;
      color_end();
      if (o_.null_after_name) {
        out_.put('\0');
      } else {
        color_start(o_.color.sep);
        out_.put(':');
        color_end();
      }
    }
    out_ << static_cast<long long>(selected_) << '\n';
  }
  if ((o_.list_with && selected_ > 0) || (o_.list_without && selected_ == 0)) {
    color_start(o_.color.file);
    out_ << name;
    color_end();
    out_.put(o_.null_after_name ? '\0' : '\n');
  }
  if (o_.quiet && selected_ > 0) stop_all = true;
  if (!out_.ok()) stop_all = true;
  return selected_ > 0;
}

struct Walker {
  Invocation& inv;
  Options& o;
  Grep& grep;
  int status = 1;
  bool error = false;
  bool stop = false;

  bool excluded_file(std::string_view path, bool command_line) {
    std::string base(vfs::basename_of(path));
    std::string full(path);
    for (const auto& g : o.exclude)
      if (fnmatch(g.c_str(), base.c_str(), 0) == 0 || (command_line && fnmatch(g.c_str(), full.c_str(), 0) == 0))
        return true;
    if (!o.include.empty()) {
      for (const auto& g : o.include)
        if (fnmatch(g.c_str(), base.c_str(), 0) == 0 || (command_line && fnmatch(g.c_str(), full.c_str(), 0) == 0))
          return false;
      return true;
    }
    return false;
  }

  bool excluded_dir(std::string_view path) {
    std::string base(vfs::basename_of(path));
    for (const auto& g : o.exclude_dir)
      if (fnmatch(g.c_str(), base.c_str(), 0) == 0) return true;
    return false;
  }

  void report(const std::string& name, vfs::Error err) {
    error = true;
    if (!o.no_messages) inv.error(name, err);
  }

  void search_stream(InStream& in, const std::string& name) {
    if (grep.scan(in, name, stop)) status = 0;
  }

  // known_type: the file type bits from the directory listing, 0 when
  // unknown; a listed regular file or directory needs no stat of its own.
  void file(const std::string& display, bool command_line, const std::string* known_path = nullptr,
            uint32_t known_type = 0) {
    if (stop || inv.cancelled()) return;
    if (display == "-" && command_line) {
      search_stream(inv.in(), o.label);
      return;
    }
    std::string path = known_path ? *known_path : inv.path(display);
    vfs::Stat st;
    bool follow = command_line || o.deref;
    vfs::Error err;
    if (!command_line && (known_type == S_IFREG || known_type == S_IFDIR)) st.mode = known_type;
    else err = follow ? inv.fs->stat(path, st) : inv.fs->lstat(path, st);
    if (err) {
      if (!command_line && !follow) return;
      report(display, err);
      return;
    }
    if (S_ISLNK(st.mode)) return;  // -r does not follow symlinks found while walking
    if (S_ISDIR(st.mode)) {
      if (o.recursive) {
        if (!command_line && excluded_dir(display)) return;
        if (command_line && !o.exclude_dir.empty() && display != "." && excluded_dir(display)) return;
        directory(display, path);
        return;
      }
      if (o.directories == "skip") return;
      error = true;
      if (!o.no_messages) inv.error(display + ": Is a directory");
      return;
    }
    if (excluded_file(display, command_line)) return;
    if (!command_line && !S_ISREG(st.mode)) return;
    vfs::FilePtr f;
    if ((err = inv.fs->open(path, O_RDONLY, 0, f))) {
      report(display, err);
      return;
    }
    InStream in(f, kChunk);
    search_stream(in, display);
    if (!in.ok()) report(display, in.error());
  }

  void directory(const std::string& display, const std::string& path) {
    std::vector<vfs::DirEntry> entries;
    if (vfs::Error err = inv.fs->readdir(path, entries)) {
      report(display, err);
      return;
    }
    std::sort(entries.begin(), entries.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    for (const auto& e : entries) {
      if (stop) return;
      std::string child = display.empty() ? e.name : display.back() == '/' ? display + e.name : display + "/" + e.name;
      std::string child_path = vfs::join(path, e.name);
      file(child, false, &child_path, e.type);
    }
  }
};

// GNU grep accepts -NUM as --context=NUM. Only words in option position
// are rewritten: not the value of -e, -f, --regexp and the like.
void rewrite_context_digits(std::vector<std::string>& argv) {
  auto takes_value = [](char c) {
    for (const OptionSpec& o : kOptions)
      if (o.short_name == c) return o.arg == ArgKind::kRequired;
    return false;
  };
  auto long_takes_value = [](std::string_view name) {
    int required = 0, matches = 0;
    for (const OptionSpec& o : kOptions) {
      if (o.long_name.empty() || o.long_name.substr(0, name.size()) != name) continue;
      if (o.long_name == name) return o.arg == ArgKind::kRequired;
      ++matches;
      if (o.arg == ArgKind::kRequired) ++required;
    }
    return matches > 0 && required == matches;
  };
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a == "--") break;
    if (a.size() < 2 || a[0] != '-') continue;
    if (a[1] == '-') {
      if (a.find('=') == std::string::npos && long_takes_value(std::string_view(a).substr(2))) ++i;
      continue;
    }
    // Digits anywhere in a bundle before an option that takes a value
    // ("-n2", "-2n") are the context length.
    std::string letters, digits;
    bool skip_next = false;
    size_t j = 1;
    for (; j < a.size(); ++j) {
      char c = a[j];
      if (c >= '0' && c <= '9') {
        digits += c;
        continue;
      }
      letters += c;
      if (takes_value(c)) {
        letters += a.substr(j + 1);
        skip_next = j + 1 == a.size();
        break;
      }
    }
    if (!digits.empty()) {
      std::vector<std::string> replacement;
      replacement.push_back("--context=" + digits);
      if (!letters.empty()) replacement.push_back("-" + letters);
      argv.erase(argv.begin() + i);
      argv.insert(argv.begin() + i, replacement.begin(), replacement.end());
      i += replacement.size() - 1;
    }
    if (skip_next) ++i;
  }
}

int run_grep_as(Invocation& inv, Syntax default_syntax) {
  rewrite_context_digits(inv.argv);
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Options o;
  Syntax syntax = default_syntax;
  std::vector<std::string> patterns;
  bool have_patterns = false;
  bool ignore_case = false, word = false, line = false;
  std::string color_when = "never";
  auto context_arg = [&](const std::string& v, long long& out) {
    if (!parse_count(v, out)) {
      inv.error(v + ": invalid context length argument");
      return false;
    }
    return true;
  };
  auto add_patterns = [&](std::string_view text) {
    size_t start = 0;
    while (true) {
      size_t nl = text.find('\n', start);
      patterns.emplace_back(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
      if (nl == std::string_view::npos) break;
      start = nl + 1;
    }
  };
  long long before = -1, after = -1, both = -1;
  bool matcher_set = default_syntax != Syntax::kBasic;
  auto set_matcher = [&](Syntax s) {
    if (matcher_set && s != syntax) {
      inv.error("conflicting matchers specified");
      return false;
    }
    matcher_set = true;
    syntax = s;
    return true;
  };
  for (const ParsedOption& opt : args.options) {
    switch (opt.id) {
      case kExtended: if (!set_matcher(Syntax::kExtended)) return 2; break;
      case kFixed: if (!set_matcher(Syntax::kFixed)) return 2; break;
      case kBasic: if (!set_matcher(Syntax::kBasic)) return 2; break;
      case kPerl: if (!set_matcher(Syntax::kPerl)) return 2; break;
      case kRegexp: add_patterns(opt.value); have_patterns = true; break;
      case kFile: {
        std::string data;
        if (opt.value == "-") {
          inv.in().read_all(data);
        } else if (vfs::Error err = vfs::read_file(*inv.fs, inv.path(opt.value), data)) {
          inv.error(opt.value, err);
          return 2;
        }
        if (!data.empty() && data.back() == '\n') data.pop_back();
        if (!data.empty() || have_patterns) add_patterns(data);
        else if (data.empty()) {
          // An empty file contributes no patterns at all.
        }
        have_patterns = true;
        break;
      }
      case kIgnoreCase: case kIgnoreCaseY: ignore_case = true; break;
      case kNoIgnoreCase: ignore_case = false; break;
      case kInvert: o.invert = true; break;
      case kWord: word = true; break;
      case kLine: line = true; break;
      case kCount: o.count = true; break;
      case kColor: color_when = opt.has_value ? opt.value : "auto"; break;
      case kFilesWithout: o.list_without = true; o.list_with = false; break;
      case kFilesWith: o.list_with = true; o.list_without = false; break;
      case kMaxCount:
        if (!parse_count(opt.value, o.max_count)) {
          inv.error("invalid max count");
          return 2;
        }
        break;
      case kOnly: o.only = true; break;
      case kQuiet: o.quiet = true; break;
      case kNoMessages: o.no_messages = true; break;
      case kByteOffset: o.byte_offset = true; break;
      case kWithFilename: o.with_filename = 1; break;
      case kNoFilename: o.with_filename = 0; break;
      case kLabel: o.label = opt.value; break;
      case kLineNumber: o.line_number = true; break;
      case kInitialTab: o.initial_tab = true; break;
      case kNull: o.null_after_name = true; break;
      case kNullData: o.eol = '\0'; break;
      case kAfter: if (!context_arg(opt.value, after)) return 2; break;
      case kBefore: if (!context_arg(opt.value, before)) return 2; break;
      case kContext: if (!context_arg(opt.value, both)) return 2; break;
      case kGroupSep: o.group_sep = opt.value; break;
      case kNoGroupSep: o.group_sep.reset(); break;
      case kText: o.binary = BinaryMode::kText; break;
      case kNoBinary: o.binary = BinaryMode::kWithoutMatch; break;
      case kBinaryFiles:
        if (opt.value == "binary") o.binary = BinaryMode::kBinary;
        else if (opt.value == "text") o.binary = BinaryMode::kText;
        else if (opt.value == "without-match") o.binary = BinaryMode::kWithoutMatch;
        else {
          inv.error("unknown binary-files type");
          return 2;
        }
        break;
      case kRecursive: o.recursive = true; break;
      case kDerefRecursive: o.recursive = o.deref = true; break;
      case kInclude: o.include.push_back(opt.value); break;
      case kExclude: o.exclude.push_back(opt.value); break;
      case kExcludeFrom: {
        std::string data;
        if (vfs::Error err = vfs::read_file(*inv.fs, inv.path(opt.value), data)) {
          inv.error(opt.value, err);
          return 2;
        }
        size_t s = 0;
        while (s < data.size()) {
          size_t nl = data.find('\n', s);
          if (nl == std::string::npos) nl = data.size();
          if (nl > s) o.exclude.push_back(data.substr(s, nl - s));
          s = nl + 1;
        }
        break;
      }
      case kExcludeDir: o.exclude_dir.push_back(opt.value); break;
      case kLineBuffered: o.line_buffered = true; break;
      case kBinary: break;
      case kDirectories:
        if (opt.value == "recurse") o.recursive = true;
        else if (opt.value == "read" || opt.value == "skip") o.directories = opt.value;
        else {
          inv.error("invalid argument '" + opt.value + "' for '--directories'");
          return 2;
        }
        break;
      case kDevices: break;
      case kVersion: inv.out() << "grep (GNU grep) 3.8\n"; return 0;
    }
  }
  if (both >= 0) {
    o.before = o.after = both;
  }
  if (before >= 0) o.before = before;
  if (after >= 0) o.after = after;
  // Any context option, even 0, turns on group separators (also with -o,
  // which prints the separators but not the context lines).
  o.context = before >= 0 || after >= 0 || both >= 0;

  std::vector<std::string> operands = args.operands;
  if (!have_patterns) {
    if (operands.empty()) {
      OutStream& e = inv.err();
      e << "Usage: grep [OPTION]... PATTERNS [FILE]...\n";
      print_try_help(inv);
      return 2;
    }
    add_patterns(operands.front());
    operands.erase(operands.begin());
  }

  if (color_when == "always" || color_when == "yes" || color_when == "force") o.color.on = true;
  else if (color_when == "never" || color_when == "no" || color_when == "none") o.color.on = false;
  else if (color_when == "auto" || color_when == "tty" || color_when == "if-tty") o.color.on = inv.out().is_terminal();
  else {
    inv.error("invalid argument '" + color_when + "' for '--color'");
    inv.err() << "Valid arguments are:\n  - 'always', 'yes', 'force'\n  - 'never', 'no', 'none'\n  - 'auto', 'tty', 'if-tty'\n";
    print_try_help(inv);
    return 2;
  }

  o.utf8 = text::locale_is_utf8(inv.getenv("LC_ALL"), inv.getenv("LC_CTYPE"), inv.getenv("LANG"));
  unsigned flags = text::kGrepDialect;
  if (ignore_case) flags |= text::kIgnoreCase;
  if (o.utf8) flags |= text::kUtf8;
  if (line) flags |= text::kWholeLine;
  else if (word) flags |= text::kWholeWord;
  o.per_line = syntax == Syntax::kPerl || o.eol == '\0';
  if (!o.per_line) flags |= text::kLineMode;
  if (syntax == Syntax::kPerl && patterns.size() > 1) {
    inv.error("the -P option only supports a single pattern");
    return 2;
  }
  auto compiled = Regex::compile_any(patterns, syntax, flags);
  for (const auto& w : compiled.warnings) inv.error("warning: " + w);
  if (!compiled) {
    inv.error(compiled.error);
    return 2;
  }

  if (operands.empty()) operands.push_back(o.recursive ? "." : "-");
  bool implicit_dot = o.recursive && args.operands.size() == (have_patterns ? 0u : 1u);
  if (o.with_filename < 0) {
    o.with_filename = operands.size() > 1 ? 1 : 0;
    if (o.recursive && operands.size() == 1 && operands[0] != "-") {
      vfs::Stat st;
      if (!inv.fs->stat(inv.path(operands[0]), st) && S_ISDIR(st.mode)) o.with_filename = 1;
    }
  }
  if (o.line_buffered) inv.out().set_line_buffered(true);

  Grep grep(inv, o, *compiled.regex);
  Walker walker{inv, o, grep};
  for (const std::string& operand : operands) {
    if (walker.stop) break;
    if (implicit_dot) walker.directory("", inv.path("."));
    else walker.file(operand, true);
  }
  if (compiled.regex->limit_hit()) {
    inv.error("exceeded PCRE's backtracking limit");
    walker.error = true;
  }
  if (walker.error && !(o.quiet && walker.status == 0)) return 2;
  return walker.status;
}

int run_grep(Invocation& inv) { return run_grep_as(inv, Syntax::kBasic); }
int run_egrep(Invocation& inv) { return run_grep_as(inv, Syntax::kExtended); }
int run_fgrep(Invocation& inv) { return run_grep_as(inv, Syntax::kFixed); }

}  // namespace

BURROW_COMMAND(grep, "print lines that match patterns", run_grep);
BURROW_COMMAND(egrep, "print lines that match extended regular expressions", run_egrep);
BURROW_COMMAND(fgrep, "print lines that match fixed strings", run_fgrep);

}  // namespace burrow
