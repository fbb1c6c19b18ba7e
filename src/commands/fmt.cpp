// fmt: simple optimal paragraph filler (GNU coreutils 9).
//
// Output must match GNU byte for byte, so the line-breaking model is GNU's:
// each paragraph is broken by dynamic programming over the words, with the
// same cost constants (squared distance from the goal width, raggedness,
// sentence, punctuation, widow and orphan terms) and the same fixed-size
// paragraph buffer, whose overflow forces an early partial flush.
// Input is read a byte at a time and streamed paragraph by paragraph.
#include <algorithm>
#include <cctype>
#include <climits>
#include <cstring>
#include <optional>
#include <vector>

#include "commands/args.h"
#include "commands/text/common.h"

namespace burrow {
namespace {

enum Opt { kCrown, kPrefix, kSplit, kTagged, kUniform, kWidth, kGoal, kDigit };

constexpr OptionSpec kOptions[] = {
    {kCrown, 'c', "crown-margin", ArgKind::kNone, "preserve indentation of first two lines"},
    {kPrefix, 'p', "prefix", ArgKind::kRequired,
     "reformat only lines beginning with STRING, reattaching the prefix to reformatted lines", "STRING"},
    {kSplit, 's', "split-only", ArgKind::kNone, "split long lines, but do not refill"},
    {kTagged, 't', "tagged-paragraph", ArgKind::kNone, "indentation of first line different from second"},
    {kUniform, 'u', "uniform-spacing", ArgKind::kNone, "one space between words, two after sentences"},
    {kWidth, 'w', "width", ArgKind::kRequired, "maximum line width (default of 75 columns)", "WIDTH"},
    {kGoal, 'g', "goal", ArgKind::kRequired, "goal width (default of 93% of width)", "WIDTH"},
    // Digits are options only so that a misplaced -WIDTH gets GNU's hint.
    {kDigit + 0, '0', "", ArgKind::kNone, ""}, {kDigit + 1, '1', "", ArgKind::kNone, ""},
    {kDigit + 2, '2', "", ArgKind::kNone, ""}, {kDigit + 3, '3', "", ArgKind::kNone, ""},
    {kDigit + 4, '4', "", ArgKind::kNone, ""}, {kDigit + 5, '5', "", ArgKind::kNone, ""},
    {kDigit + 6, '6', "", ArgKind::kNone, ""}, {kDigit + 7, '7', "", ArgKind::kNone, ""},
    {kDigit + 8, '8', "", ArgKind::kNone, ""}, {kDigit + 9, '9', "", ArgKind::kNone, ""},
};

constexpr CommandSpec kSpec{
    "Usage: fmt [-WIDTH] [OPTION]... [FILE]...",
    "Reformat each paragraph in the FILE(s), writing to standard output.\n"
    "The option -WIDTH is an abbreviated form of --width=DIGITS.\n\n"
    "With no FILE, or when FILE is -, read standard input.",
    kOptions,
};

constexpr int kDefaultWidth = 75;
constexpr int kLeewayPercent = 7;  // the goal is this much under the maximum
constexpr int kDefaultTagIndent = 3;
constexpr int kTabWidth = 8;
// GNU's buffer sizes; paragraphs beyond them are flushed early, which shows
// in the output, so they are part of the behaviour.
constexpr size_t kMaxWords = 1000;
constexpr size_t kMaxChars = 5000;
constexpr int kEof = -1;

using Cost = long;
constexpr Cost kMaxCost = LONG_MAX;
constexpr Cost equiv(long n) { return n * n; }
constexpr Cost short_cost(long n) { return equiv(n * 10); }
constexpr Cost ragged_cost(long n) { return short_cost(n) / 2; }
constexpr Cost kLineCost = equiv(70);
constexpr Cost widow_cost(long n) { return equiv(200) / (n + 2); }
constexpr Cost orphan_cost(long n) { return equiv(150) / (n + 2); }
constexpr Cost kSentenceBonus = equiv(50);
constexpr Cost kNoBreakCost = equiv(600);
constexpr Cost kParenBonus = equiv(40);
constexpr Cost kPunctBonus = equiv(40);
constexpr Cost kLineCredit = equiv(3);

struct Word {
  size_t start = 0;  // offset into the paragraph text
  int length = 0;
  int space = 0;  // width of the space that follows
  bool paren = false, period = false, punct = false, final = false;
  int line_length = 0;  // of the best line starting here
  Cost best_cost = 0;   // of the best paragraph tail starting here
  size_t next_break = 0;
};

struct Settings {
  bool crown = false, tagged = false, split = false, uniform = false;
  std::string prefix;  // trimmed of surrounding spaces
  int prefix_lead_space = 0;
  int prefix_full_length = 0;  // without leading spaces, with trailing ones
  int max_width = kDefaultWidth;
  int goal_width = 0;
};

class Formatter {
 public:
  Formatter(const Settings& s, InStream& in, OutStream& out) : s_(s), in_(in), out_(out) {
    words_.resize(kMaxWords);
    text_.reserve(kMaxChars);
  }

  void run() {
    next_char_ = read_prefix();
    while (read_paragraph()) {
      fill_paragraph();
      write_paragraph(word_limit_);
    }
  }

 private:
  int getc() {
    std::string_view v = in_.peek();
    if (v.empty()) return kEof;
    in_.consume(1);
    return static_cast<unsigned char>(v[0]);
  }
  static bool is_space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

  void set_other_indent(bool same_paragraph) {
    if (s_.split) {
      other_indent_ = first_indent_;
    } else if (s_.crown) {
      other_indent_ = same_paragraph ? in_column_ : first_indent_;
    } else if (s_.tagged) {
      if (same_paragraph && in_column_ != first_indent_) {
        other_indent_ = in_column_;
      } else if (other_indent_ == first_indent_) {
        // A one-line tagged paragraph keeps the last secondary indent unless
        // that would equal the first one.
        other_indent_ = first_indent_ == 0 ? kDefaultTagIndent : 0;
      }
    } else {
      other_indent_ = first_indent_;
    }
  }

  // Copies blank lines and lines without the prefix through; stops at the
  // first line of a paragraph. False at end of input.
  bool read_paragraph() {
    last_line_length_ = 0;
    int c = next_char_;
    while (c == '\n' || c == kEof || next_prefix_indent_ < s_.prefix_lead_space ||
           in_column_ < next_prefix_indent_ + s_.prefix_full_length) {
      c = copy_rest(c);
      if (c == kEof) {
        next_char_ = kEof;
        return false;
      }
      out_.put('\n');
      c = read_prefix();
    }
    prefix_indent_ = next_prefix_indent_;
    first_indent_ = in_column_;
    text_.clear();
    word_limit_ = 0;
    c = read_line(c);
    set_other_indent(same_paragraph(c));
    if (s_.split) {
      // one line per paragraph
    } else if (s_.crown || s_.tagged) {
      bool second_line_ok = s_.crown ? same_paragraph(c) : same_paragraph(c) && in_column_ != first_indent_;
      if (second_line_ok) {
        do c = read_line(c);
        while (same_paragraph(c) && in_column_ == other_indent_);
      }
    } else {
      while (same_paragraph(c) && in_column_ == other_indent_) c = read_line(c);
    }
    words_[word_limit_ - 1].period = words_[word_limit_ - 1].final = true;
    next_char_ = c;
    return true;
  }

  int copy_rest(int c) {
    out_column_ = 0;
    if (in_column_ > next_prefix_indent_ || (c != '\n' && c != kEof)) {
      put_space(next_prefix_indent_);
      for (size_t i = 0; out_column_ != in_column_ && i < s_.prefix.size(); ++i, ++out_column_)
        out_.put(s_.prefix[i]);
      if (c != kEof && c != '\n') put_space(in_column_ - out_column_);
      if (c == kEof && in_column_ >= next_prefix_indent_ + static_cast<int>(s_.prefix.size())) out_.put('\n');
    }
    while (c != '\n' && c != kEof) {
      out_.put(static_cast<char>(c));
      c = getc();
    }
    return c;
  }

  bool same_paragraph(int c) const {
    return next_prefix_indent_ == prefix_indent_ &&
           in_column_ >= next_prefix_indent_ + s_.prefix_full_length && c != '\n' && c != kEof;
  }

  // Splits one line, starting at its first non-blank character c, into
  // words; returns the first non-blank character of the next line.
  int read_line(int c) {
    do {
      Word* w = &words_[word_limit_];
      w->start = text_.size();
      do {
        if (text_.size() == kMaxChars) {
          set_other_indent(true);
          flush_partial();
          w = &words_[word_limit_];
        }
        text_.push_back(static_cast<char>(c));
        c = getc();
      } while (c != kEof && !is_space(c));
      w->length = static_cast<int>(text_.size() - w->start);
      in_column_ += w->length;
      note_punctuation(*w);
      int start = in_column_;
      c = read_space(c);
      w->space = in_column_ - start;
      // A sentence ends at a period followed by end of line or two spaces.
      w->final = c == kEof || (w->period && (c == '\n' || w->space > 1));
      if (c == '\n' || c == kEof || s_.uniform) w->space = w->final ? 2 : 1;
      if (word_limit_ == kMaxWords - 2) {
        set_other_indent(true);
        flush_partial();
      }
      ++word_limit_;
    } while (c != '\n' && c != kEof);
    return read_prefix();
  }

  int read_prefix() {
    in_column_ = 0;
    int c = read_space(getc());
    if (s_.prefix.empty()) {
      next_prefix_indent_ = std::min(s_.prefix_lead_space, in_column_);
    } else {
      next_prefix_indent_ = in_column_;
      for (char pc : s_.prefix) {
        if (c != static_cast<unsigned char>(pc)) return c;
        ++in_column_;
        c = getc();
      }
      c = read_space(c);
    }
    return c;
  }

  int read_space(int c) {
    for (;; c = getc()) {
      if (c == ' ') {
        ++in_column_;
      } else if (c == '\t') {
        tabs_ = true;
        in_column_ = (in_column_ / kTabWidth + 1) * kTabWidth;
      } else {
        return c;
      }
    }
  }

  void note_punctuation(Word& w) const {
    const char* first = text_.data() + w.start;
    const char* last = first + w.length - 1;
    w.paren = std::strchr("(['`\"", *first) && *first;
    w.punct = std::ispunct(static_cast<unsigned char>(*last));
    while (last > first && std::strchr(")]'\"", *last)) --last;
    w.period = *last && std::strchr(".?!", *last);
  }

  // The buffer is full: write the paragraph up to a cheap break near its
  // end and keep the rest as the start of the paragraph.
  void flush_partial() {
    if (word_limit_ == 0) {
      out_.write(text_);
      text_.clear();
      return;
    }
    fill_paragraph();
    size_t split_point = word_limit_;
    Cost best_break = kMaxCost;
    for (size_t w = words_[0].next_break; w != word_limit_; w = words_[w].next_break) {
      Cost here = words_[w].best_cost - words_[words_[w].next_break].best_cost;
      if (here < best_break) {
        split_point = w;
        best_break = here;
      }
      if (best_break <= kMaxCost - kLineCredit) best_break += kLineCredit;
    }
    write_paragraph(split_point);
    size_t shift = words_[split_point].start;
    text_.erase(0, shift);
    for (size_t w = split_point; w <= word_limit_; ++w) {
      words_[w].start -= shift;
      words_[w - split_point] = words_[w];
    }
    word_limit_ -= split_point;
  }

  // Computes, from the last word back, the cheapest way to break the rest of
  // the paragraph into lines.
  void fill_paragraph() {
    Word& sentinel = words_[word_limit_];
    sentinel.best_cost = 0;
    int saved_length = sentinel.length;
    sentinel.length = s_.max_width;
    for (size_t start = word_limit_; start-- > 0;) {
      Cost best = kMaxCost;
      int len = (start == 0 ? first_indent_ : other_indent_) + words_[start].length;
      size_t w = start;
      do {
        ++w;
        Cost cost = line_cost(w, len) + words_[w].best_cost;
        if (start == 0 && last_line_length_ > 0) cost += ragged_cost(len - last_line_length_);
        if (cost < best) {
          best = cost;
          words_[start].next_break = w;
          words_[start].line_length = len;
        }
        if (w == word_limit_) break;
        len += words_[w - 1].space + words_[w].length;
      } while (len < s_.max_width);
      words_[start].best_cost = best + base_cost(start);
    }
    sentinel.length = saved_length;
  }

  Cost base_cost(size_t w) const {
    Cost cost = kLineCost;
    if (w > 0) {
      const Word& before = words_[w - 1];
      if (before.period) cost += before.final ? -kSentenceBonus : kNoBreakCost;
      else if (before.punct) cost -= kPunctBonus;
      else if (w > 1 && words_[w - 2].final) cost += widow_cost(before.length);
    }
    if (words_[w].paren) cost -= kParenBonus;
    else if (words_[w].final) cost += orphan_cost(words_[w].length);
    return cost;
  }

  Cost line_cost(size_t next, int len) const {
    if (next == word_limit_) return 0;
    Cost cost = short_cost(s_.goal_width - len);
    if (words_[next].next_break != word_limit_) cost += ragged_cost(len - words_[next].line_length);
    return cost;
  }

  void write_paragraph(size_t finish) {
    write_line(0, first_indent_);
    for (size_t w = words_[0].next_break; w != finish; w = words_[w].next_break) write_line(w, other_indent_);
  }

  void write_line(size_t w, int indent) {
    out_column_ = 0;
    put_space(prefix_indent_);
    out_.write(s_.prefix);
    out_column_ += static_cast<int>(s_.prefix.size());
    put_space(indent - out_column_);
    size_t last = words_[w].next_break - 1;
    for (; w != last; ++w) {
      put_word(words_[w]);
      put_space(words_[w].space);
    }
    put_word(words_[w]);
    last_line_length_ = out_column_;
    out_.put('\n');
  }

  void put_word(const Word& w) {
    out_.write(std::string_view(text_).substr(w.start, w.length));
    out_column_ += w.length;
  }

  // Spaces, or tabs where the input had tabs.
  void put_space(int space) {
    int target = out_column_ + space;
    if (tabs_) {
      int tab_target = target / kTabWidth * kTabWidth;
      if (out_column_ + 1 < tab_target) {
        while (out_column_ < tab_target) {
          out_.put('\t');
          out_column_ = (out_column_ / kTabWidth + 1) * kTabWidth;
        }
      }
    }
    for (; out_column_ < target; ++out_column_) out_.put(' ');
  }

  const Settings& s_;
  InStream& in_;
  OutStream& out_;
  std::string text_;  // the current paragraph's words, back to back
  std::vector<Word> words_;
  size_t word_limit_ = 0;  // one past the last complete word
  bool tabs_ = false;
  int in_column_ = 0, out_column_ = 0;
  int prefix_indent_ = 0, first_indent_ = 0, other_indent_ = 0;
  int next_char_ = kEof, next_prefix_indent_ = 0;
  int last_line_length_ = 0;
};

// xdectoumax: decimal only, within [0, max]; GNU adds ERANGE's text when the
// number parsed but is out of range.
bool parse_width(Invocation& inv, const std::string& v, int max, int& out) {
  size_t i = 0;
  while (i < v.size() && std::isspace(static_cast<unsigned char>(v[i]))) ++i;
  if (i < v.size() && v[i] == '+') ++i;
  size_t digits = i;
  unsigned long long n = 0;
  bool overflow = false;
  for (; i < v.size() && v[i] >= '0' && v[i] <= '9'; ++i) {
    n = n * 10 + (v[i] - '0');
    if (n > 1000000000ULL) overflow = true, n = 1000000000ULL;
  }
  if (i == digits || i != v.size()) {
    inv.error("invalid width: " + text::quote(v));
    return false;
  }
  if (overflow || n > static_cast<unsigned long long>(max)) {
    inv.error("invalid width: " + text::quote(v) + ": Numerical result out of range");
    return false;
  }
  out = static_cast<int>(n);
  return true;
}

int run_fmt(Invocation& inv) {
  // The obsolete -WIDTH form counts only as the first argument.
  std::optional<std::string> width_option;
  if (inv.argv.size() > 1 && inv.argv[1].size() > 1 && inv.argv[1][0] == '-' &&
      std::isdigit(static_cast<unsigned char>(inv.argv[1][1]))) {
    width_option = inv.argv[1].substr(1);
    inv.argv.erase(inv.argv.begin() + 1);
  }
  ParsedArgs args;
  if (auto status = parse_args(inv, kSpec, args)) return *status;
  Settings s;
  std::optional<std::string> goal_option;
  for (const ParsedOption& o : args.options) {
    switch (o.id) {
      case kCrown: s.crown = true; break;
      case kSplit: s.split = true; break;
      case kTagged: s.tagged = true; break;
      case kUniform: s.uniform = true; break;
      case kWidth: width_option = o.value; break;
      case kGoal: goal_option = o.value; break;
      case kPrefix: {
        std::string_view p = o.value;
        s.prefix_lead_space = 0;
        while (!p.empty() && p.front() == ' ') p.remove_prefix(1), ++s.prefix_lead_space;
        s.prefix_full_length = static_cast<int>(p.size());
        while (!p.empty() && p.back() == ' ') p.remove_suffix(1);
        s.prefix = std::string(p);
        break;
      }
      default: {
        char digit = static_cast<char>('0' + (o.id - kDigit));
        inv.error(std::string("invalid option -- ") + digit +
                  "; -WIDTH is recognized only when it is the first\noption; use -w N instead");
        print_try_help(inv);
        return 1;
      }
    }
  }
  if (width_option && !parse_width(inv, *width_option, static_cast<int>(kMaxChars / 2), s.max_width)) return 1;
  if (goal_option) {
    if (!parse_width(inv, *goal_option, s.max_width, s.goal_width)) return 1;
    if (!width_option) s.max_width = s.goal_width + 10;
  } else {
    s.goal_width = s.max_width * (2 * (100 - kLeewayPercent) + 1) / 200;
  }

  if (args.operands.empty()) args.operands.push_back("-");
  int status = 0;
  for (const std::string& name : args.operands) {
    text::Input in;
    if (vfs::Error err = text::open_input(inv, name, in)) {
      inv.error("cannot open " + text::quoteaf(name) + " for reading: " + vfs::error_text(err));
      status = 1;
      continue;
    }
    Formatter(s, *in.in, inv.out()).run();
    if (in.is_dir || !in.in->ok()) {
      inv.error("read error");
      status = 1;
    }
    if (!inv.out().ok()) break;
  }
  if (text::report_write_error(inv)) status = 1;
  return status;
}

}  // namespace

BURROW_COMMAND(fmt, "simple optimal text formatter", run_fmt);

}  // namespace burrow
