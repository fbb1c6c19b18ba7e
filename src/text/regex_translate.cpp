// GNU BRE/ERE -> RE2/PCRE2 syntax. One pass over the pattern; the output
// escapes every literal as \x{..}, so only the constructs we emit on purpose
// are special to the engine.
#include "text/regex_translate.h"

#include <cstdint>
#include <cstdio>

namespace burrow::text::detail {
namespace {

constexpr int kDupMax = 32767;  // RE_DUP_MAX
constexpr int kRe2RepeatMax = 1000;

bool is_word_byte(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

struct Range {
  uint32_t lo, hi;
};

class Translator {
 public:
  Translator(std::string_view src, Syntax syntax, unsigned flags, bool for_pcre, int group_offset)
      : src_(src), ere_(syntax == Syntax::kExtended), emacs_(syntax == Syntax::kEmacs), flags_(flags),
        pcre_(for_pcre), offset_(group_offset) {}

  Translation run() {
    if (syntax_fixed_) return t_;
    parse();
    if (!t_.error.empty()) return std::move(t_);
    if (!group_stack_.empty()) return fail("Unmatched ( or \\(");
    t_.pattern = std::move(out_);
    t_.literal = literal_ && !(flags_ & (kIgnoreCase | kWholeLine | kWholeWord));
    t_.plain = literal_;
    return std::move(t_);
  }

  bool syntax_fixed_ = false;

 private:
  bool utf8() const { return flags_ & kUtf8; }
  bool multiline() const { return flags_ & (kMultiline | kLineMode); }
  bool line_mode() const { return flags_ & kLineMode; }
  bool grep() const { return flags_ & kGrepDialect; }

  Translation fail(std::string message) {
    t_.error = std::move(message);
    return std::move(t_);
  }
  void error(std::string message) {
    if (t_.error.empty()) t_.error = std::move(message);
  }

  // Decodes one character at pos (a byte in byte mode or on invalid UTF-8).
  uint32_t decode(size_t& pos) const {
    unsigned char c = src_[pos];
    if (!utf8() || c < 0x80) {
      ++pos;
      return c;
    }
    int len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (len == 1 || pos + len > src_.size()) {
      ++pos;
      return c;
    }
    uint32_t cp = c & (0xFF >> (len + 1));
    for (int k = 1; k < len; ++k) {
      unsigned char d = src_[pos + k];
      if ((d & 0xC0) != 0x80) {
        ++pos;
        return c;
      }
      cp = (cp << 6) | (d & 0x3F);
    }
    pos += len;
    return cp;
  }

  void begin_atom() {
    anchor_atom_ = false;
    atom_start_ = out_.size();
    atom_quantified_ = false;
    atom_word_literal_ = false;
    branch_start_ = false;
  }

  void literal_atom(uint32_t cp, std::string_view raw) {
    begin_atom();
    append_escaped(out_, cp);
    atom_word_literal_ = cp < 0x80 && is_word_byte(static_cast<unsigned char>(cp));
    t_.text.append(raw);
  }

  void meta_atom(std::string_view text) {
    begin_atom();
    out_ += text;
    literal_ = false;
  }

  void anchor(std::string_view text) {
    anchor_atom_ = false;
    out_ += text;
    atom_start_ = std::string::npos;
    atom_word_literal_ = false;
    literal_ = false;
  }

  // Applies a quantifier {min,max} (max -1: unbounded) to the last atom.
  void quantify(int min, int max, char op = '*') {
    literal_ = false;
    if (anchor_atom_) {
      // ERE "^*": GNU grep repeats the anchor (and warns); regcomp refuses.
      if (!grep()) return error("Invalid preceding regular expression");
      if (op == '{') t_.warnings.push_back("{...} at start of expression");
      else t_.warnings.push_back(std::string(1, op) + " at start of expression");
      anchor_atom_ = false;
      atom_quantified_ = true;
      out_.insert(atom_start_, "(?:");
      out_ += ')';
    } else if (atom_quantified_) {
      out_.insert(atom_start_, "(?:");
      out_ += ')';
    }
    if (max > kRe2RepeatMax || min > kRe2RepeatMax) t_.needs_pcre = true;
    if (min == 0 && max == -1) out_ += '*';
    else if (min == 1 && max == -1) out_ += '+';
    else if (min == 0 && max == 1) out_ += '?';
    else if (max == -1) out_ += "{" + std::to_string(min) + ",}";
    else if (min == max) out_ += "{" + std::to_string(min) + "}";
    else out_ += "{" + std::to_string(min) + "," + std::to_string(max) + "}";
    atom_quantified_ = true;
    atom_word_literal_ = false;
  }

  // Handles '*', '+', '?' with nothing to repeat.
  // Returns true when the character was consumed as a quantifier.
  bool quantifier_without_atom(char c, std::string_view raw) {
    if (!ere_) {
      literal_atom(static_cast<unsigned char>(c), raw);
      return true;
    }
    if (grep()) {
      t_.warnings.push_back(std::string(1, c) + " at start of expression");
      return true;
    }
    error("Invalid preceding regular expression");
    return true;
  }

  // Parses "m}", "m,n}", ",n}", "m,}" at pos (after the opening brace).
  // Returns 0 on success, 1 if malformed, 2 if unterminated.
  int parse_interval(size_t& pos, int& min, int& max) {
    auto number = [&](int& value) {
      if (pos >= src_.size() || src_[pos] < '0' || src_[pos] > '9') return false;
      long v = 0;
      while (pos < src_.size() && src_[pos] >= '0' && src_[pos] <= '9') {
        v = v * 10 + (src_[pos++] - '0');
        if (v > 1000000) v = 1000000;
      }
      value = static_cast<int>(v);
      return true;
    };
    min = 0;
    max = -1;
    bool has_min = number(min);
    if (pos < src_.size() && src_[pos] == ',') {
      ++pos;
      if (!number(max)) max = -1;
    } else {
      if (!has_min) return pos >= src_.size() ? 2 : 1;
      max = min;
    }
    if (ere_) {
      if (pos >= src_.size()) return 2;
      if (src_[pos] != '}') return 1;
      ++pos;
    } else {
      if (pos + 1 >= src_.size() && !(pos < src_.size() && src_[pos] == '\\')) return 2;
      if (pos >= src_.size()) return 2;
      if (src_[pos] != '\\' || src_[pos + 1] != '}') return 1;
      pos += 2;
    }
    return 0;
  }

  void interval(size_t& i, size_t brace_start) {
    // i is just past "{" (ERE) or "\{" (BRE).
    size_t pos = i;
    int min, max;
    int status = parse_interval(pos, min, max);
    if (status != 0) {
      if (ere_ && grep()) {  // GNU grep: an invalid interval is literal text
        literal_atom('{', "{");
        return;
      }
      error(status == 2 ? "Unmatched \\{" : "Invalid content of \\{\\}");
      return;
    }
    if (max != -1 && min > max) return error("Invalid content of \\{\\}");
    if (min > kDupMax || max > kDupMax) return error("Regular expression too big");
    i = pos;
    if (atom_start_ == std::string::npos) {
      if (!ere_) {
        // BRE: "\{" with nothing before it is a literal brace.
        i = brace_start + 2;
        literal_atom('{', "{");
        return;
      }
      if (grep()) {
        t_.warnings.push_back("{...} at start of expression");
        return;
      }
      return error("Invalid preceding regular expression");
    }
    quantify(min, max, '{');
  }

  static bool class_name_valid(std::string_view name) {
    static constexpr std::string_view kNames[] = {"alpha", "upper", "lower", "digit", "xdigit", "alnum",
                                                  "space", "blank", "punct", "print", "graph", "cntrl"};
    for (auto n : kNames)
      if (n == name) return true;
    return false;
  }

  void emit_class(std::string& out, std::string_view name) const {
    if (utf8()) {
      if (name == "alpha") return void(out += "\\p{L}");
      if (name == "upper") return void(out += (flags_ & kIgnoreCase) ? "\\p{L}" : "\\p{Lu}");
      if (name == "lower") return void(out += (flags_ & kIgnoreCase) ? "\\p{L}" : "\\p{Ll}");
      if (name == "alnum") return void(out += "\\p{L}0-9");
    }
    if ((flags_ & kIgnoreCase) && (name == "upper" || name == "lower")) return void(out += "[:alpha:]");
    if (line_mode() && name == "space") return void(out += "\\x{9}\\x{b}-\\x{d}\\x{20}");
    if (line_mode() && name == "cntrl") return void(out += "\\x{0}-\\x{9}\\x{b}-\\x{1f}\\x{7f}");
    out += "[:";
    out += name;
    out += ":]";
  }

  // Reads one bracket element character (with sed escapes); returns false on error.
  uint32_t bracket_char(size_t& j) {
    if ((flags_ & kSedEscapes) && src_[j] == '\\' && j + 1 < src_.size()) {
      uint32_t cp;
      size_t k = j + 1;
      if (sed_escape(k, cp)) {
        j = k;
        return cp;
      }
      if (src_[j + 1] == '\\') {
        j += 2;
        return '\\';
      }
    }
    return decode(j);
  }

  void bracket(size_t& i) {
    size_t j = i + 1;
    const size_t n = src_.size();
    bool negate = false;
    if (j < n && src_[j] == '^') {
      negate = true;
      ++j;
    }
    // "[:alpha:]" written without the outer brackets.
    if (j < n && src_[j] == ':' && !negate) {
      size_t close = src_.find(']', j + 1);
      if (close != std::string_view::npos && close > j + 1 && src_[close - 1] == ':') {
        return error("character class syntax is [[:space:]], not [:space:]");
      }
    }
    std::vector<Range> ranges;
    std::string classes;
    bool first = true;
    const char* unmatched = "Unmatched [, [^, [:, [., or [=";
    while (true) {
      if (j >= n) return error(unmatched);
      char c = src_[j];
      if (c == ']' && !first) {
        ++j;
        break;
      }
      first = false;
      uint32_t lo;
      if (c == '[' && j + 1 < n && (src_[j + 1] == ':' || src_[j + 1] == '=' || src_[j + 1] == '.')) {
        char kind = src_[j + 1];
        size_t close = j + 2;
        while (close + 1 < n && !(src_[close] == kind && src_[close + 1] == ']')) ++close;
        if (close + 1 >= n) return error(unmatched);
        std::string_view name = src_.substr(j + 2, close - (j + 2));
        j = close + 2;
        if (kind == ':') {
          if (!class_name_valid(name)) return error("Invalid character class name");
          emit_class(classes, name);
          continue;
        }
        size_t p = 0;
        if (name.empty()) return error(kind == '=' ? "Invalid collation character" : "Invalid collation character");
        std::string_view saved = src_;
        src_ = name;
        lo = decode(p);
        src_ = saved;
        if (p != name.size()) return error("Invalid collation character");
        if (kind == '=') {
          ranges.push_back({lo, lo});
          continue;
        }
      } else {
        lo = bracket_char(j);
      }
      uint32_t hi = lo;
      if (j + 1 < n && src_[j] == '-' && src_[j + 1] != ']') {
        ++j;
        if (src_[j] == '[' && j + 1 < n && src_[j + 1] == '.') {
          size_t close = src_.find(".]", j + 2);
          if (close == std::string_view::npos) return error(unmatched);
          std::string_view name = src_.substr(j + 2, close - (j + 2));
          size_t p = 0;
          std::string_view saved = src_;
          src_ = name;
          hi = name.empty() ? 0 : decode(p);
          src_ = saved;
          if (name.empty() || p != name.size()) return error("Invalid collation character");
          j = close + 2;
        } else {
          hi = bracket_char(j);
        }
        if (hi < lo) return error("Invalid range end");
      }
      ranges.push_back({lo, hi});
    }
    i = j;
    begin_atom();
    literal_ = false;
    out_ += '[';
    if (negate) out_ += '^';
    for (const Range& r : ranges) {
      append_escaped(out_, r.lo);
      if (r.hi != r.lo) {
        out_ += '-';
        append_escaped(out_, r.hi);
      }
    }
    out_ += classes;
    if (negate && multiline()) out_ += "\\x{a}";
    out_ += ']';
  }

  // sed's escapes; k points after the backslash. Returns true if one was read.
  bool sed_escape(size_t& k, uint32_t& cp) {
    if (!(flags_ & kSedEscapes) || k >= src_.size()) return false;
    char c = src_[k];
    auto digits = [&](int base, int max_len) {
      uint32_t v = 0;
      int len = 0;
      size_t p = k + 1;
      while (len < max_len && p < src_.size()) {
        char d = src_[p];
        int value = d >= '0' && d <= '9' ? d - '0' : (d | 0x20) >= 'a' && (d | 0x20) <= 'f' ? (d | 0x20) - 'a' + 10 : 99;
        if (value >= base) break;
        v = v * base + value;
        ++p;
        ++len;
      }
      if (len == 0) return false;
      cp = v & 0xFF;
      k = p;
      return true;
    };
    switch (c) {
      case 'n': cp = '\n'; ++k; return true;
      case 't': cp = '\t'; ++k; return true;
      case 'a': cp = '\a'; ++k; return true;
      case 'f': cp = '\f'; ++k; return true;
      case 'v': cp = '\v'; ++k; return true;
      case 'r': cp = '\r'; ++k; return true;
      case 'd': return digits(10, 3);
      case 'o': return digits(8, 3);
      case 'x': return digits(16, 2);
      case 'c':
        if (k + 1 < src_.size()) {
          cp = static_cast<unsigned char>(src_[k + 1]);
          if (cp >= 'a' && cp <= 'z') cp -= 32;
          cp ^= 0x40;
          k += 2;
          return true;
        }
        return false;
    }
    return false;
  }

  // True if the source at pos starts with a word character that is not
  // optional (so "\<" before it is just a word boundary).
  bool word_char_follows(size_t pos) const {
    if (pos >= src_.size() || !is_word_byte(static_cast<unsigned char>(src_[pos]))) return false;
    size_t q = pos + 1;
    if (q >= src_.size()) return true;
    char c = src_[q];
    if (c == '*') return false;
    if (ere_ && (c == '?' || c == '{')) return false;
    if (!ere_ && c == '\\' && q + 1 < src_.size() && (src_[q + 1] == '?' || src_[q + 1] == '{')) return false;
    return true;
  }

  void open_group() {
    begin_atom();
    literal_ = false;
    int number = ++t_.groups;
    group_stack_.push_back({number, out_.size()});
    out_ += '(';
    branch_start_ = true;
    atom_start_ = std::string::npos;
  }

  void close_group() {
    auto g = group_stack_.back();
    group_stack_.pop_back();
    out_ += ')';
    if (closed_.size() <= static_cast<size_t>(g.number)) closed_.resize(g.number + 1);
    closed_[g.number] = true;
    atom_start_ = g.out_pos;
    atom_quantified_ = false;
    atom_word_literal_ = false;
    branch_start_ = false;
  }

  void alternation() {
    out_ += '|';
    literal_ = false;
    branch_start_ = true;
    atom_start_ = std::string::npos;
    atom_word_literal_ = false;
  }

  void parse() {
    const size_t n = src_.size();
    size_t i = 0;
    branch_start_ = true;
    while (i < n && t_.error.empty()) {
      char c = src_[i];
      size_t start = i;
      if (c == '\\') {
        if (i + 1 >= n) return error("Trailing backslash");
        char e = src_[i + 1];
        i += 2;
        if (!ere_ && e == '(') {
          open_group();
        } else if (!ere_ && e == ')') {
          if (group_stack_.empty()) return error("Unmatched ) or \\)");
          close_group();
        } else if (!ere_ && e == '|') {
          alternation();
        } else if (!ere_ && !emacs_ && e == '{') {
          interval(i, start);
        } else if (!ere_ && e == '}') {
          literal_atom('}', "}");
        } else if (!ere_ && !emacs_ && (e == '+' || e == '?')) {
          if (atom_start_ == std::string::npos) literal_atom(static_cast<unsigned char>(e), src_.substr(i - 1, 1));
          else quantify(e == '+' ? 1 : 0, e == '+' ? -1 : 1);
        } else if (e >= '1' && e <= '9') {
          int number = e - '0';
          if (number >= static_cast<int>(closed_.size()) || !closed_[number]) return error("Invalid back reference");
          t_.needs_pcre = true;
          meta_atom("(?:\\g{" + std::to_string(number + offset_) + "})");
        } else if (e == 'w') {
          meta_atom(utf8() ? "[\\p{L}\\p{N}_]" : "[[:word:]]");
        } else if (e == 'W') {
          std::string cls = utf8() ? "\\p{L}\\p{N}_" : "[:word:]";
          meta_atom("[^" + cls + (line_mode() ? "\\x{a}]" : "]"));
        } else if (e == 's') {
          meta_atom(line_mode() ? "[\\x{9}\\x{b}-\\x{d}\\x{20}]" : "[[:space:]]");
        } else if (e == 'S') {
          meta_atom("[^[:space:]]");
        } else if (e == 'b') {
          anchor("\\b");
        } else if (e == 'B') {
          anchor("\\B");
        } else if (e == '<') {
          if (word_char_follows(i)) anchor("\\b");
          else if (pcre_) anchor("\\b(?=[[:word:]])");
          else {
            t_.needs_pcre = true;
            anchor("\\b");
          }
        } else if (e == '>') {
          if (atom_word_literal_) anchor("\\b");
          else if (pcre_) anchor("\\b(?<=[[:word:]])");
          else {
            t_.needs_pcre = true;
            anchor("\\b");
          }
        } else if (e == '`') {
          anchor(line_mode() ? "^" : "\\A");
        } else if (e == '\'') {
          anchor(line_mode() ? "$" : "\\z");
        } else {
          uint32_t cp;
          size_t k = i - 1;
          if (sed_escape(k, cp)) {
            i = k;
            literal_atom(cp, std::string(1, static_cast<char>(cp)));
          } else {
            size_t p = i - 1;
            uint32_t ch = decode(p);
            literal_atom(ch, src_.substr(i - 1, p - (i - 1)));
            i = p;
          }
        }
        continue;
      }
      if (c == '[') {
        bracket(i);
        continue;
      }
      if (c == '.') {
        ++i;
        meta_atom(".");
        continue;
      }
      if (c == '*' || ((ere_ || emacs_) && (c == '+' || c == '?'))) {
        ++i;
        if (atom_start_ == std::string::npos) {
          quantifier_without_atom(c, src_.substr(start, 1));
          continue;
        }
        quantify(c == '+' ? 1 : 0, c == '?' ? 1 : -1, c);
        continue;
      }
      if (ere_ && c == '{') {
        ++i;
        interval(i, start);
        continue;
      }
      if (ere_ && c == '(') {
        ++i;
        open_group();
        continue;
      }
      if (ere_ && c == ')') {
        ++i;
        if (group_stack_.empty()) {
          if (grep()) literal_atom(')', ")");
          else return error("Unmatched ) or \\)");
        } else {
          close_group();
        }
        continue;
      }
      if (ere_ && c == '|') {
        ++i;
        alternation();
        continue;
      }
      if (c == '^') {
        ++i;
        if (ere_ || branch_start_) {
          bool keep_start = branch_start_;
          size_t at = out_.size();
          anchor("^");
          // "^*": in BRE the star is then literal; in ERE it repeats the anchor.
          branch_start_ = keep_start || ere_;
          if (ere_) {
            atom_start_ = at;
            anchor_atom_ = true;
          }
        } else {
          literal_atom('^', "^");
        }
        continue;
      }
      if (c == '$') {
        ++i;
        bool at_end = i >= n || (!ere_ && i + 1 < n && src_[i] == '\\' && (src_[i + 1] == ')' || src_[i + 1] == '|'));
        if (ere_ || at_end) anchor(multiline() ? "$" : "\\z");
        else literal_atom('$', "$");
        continue;
      }
      uint32_t cp = decode(i);
      literal_atom(cp, src_.substr(start, i - start));
    }
  }

  struct Group {
    int number;
    size_t out_pos;
  };

  std::string_view src_;
  bool ere_;
  bool emacs_;  // find's default: BRE groups, unescaped + and ?, no intervals
  unsigned flags_;
  bool pcre_;
  int offset_;
  Translation t_;
  std::string out_;
  std::vector<Group> group_stack_;
  std::vector<bool> closed_;
  size_t atom_start_ = std::string::npos;
  bool atom_quantified_ = false;
  bool atom_word_literal_ = false;
  bool anchor_atom_ = false;
  bool branch_start_ = true;
  bool literal_ = true;
};

}  // namespace

void append_escaped(std::string& out, uint32_t cp) {
  if (cp < 0x80 && is_word_byte(static_cast<unsigned char>(cp))) {
    out += static_cast<char>(cp);
    return;
  }
  char buf[16];
  snprintf(buf, sizeof buf, "\\x{%x}", cp);
  out += buf;
}

Translation translate(std::string_view pattern, Syntax syntax, unsigned flags, bool for_pcre, int group_offset) {
  Translator t(pattern, syntax, flags, for_pcre, group_offset);
  return t.run();
}

}  // namespace burrow::text::detail
