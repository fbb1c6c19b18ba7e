// POSIX (GNU-flavoured) and Perl regular expressions for grep, sed, awk,
// find and the shell's [[ =~ ]].
//
// BRE and ERE patterns are translated into RE2 syntax and matched with RE2
// in leftmost-longest mode, which is linear in the input. Constructs RE2
// cannot express (back-references, \< or \> next to something that may not be
// a word character, repetition counts above 1000) fall back to PCRE2 with
// match and depth limits; such patterns are matched leftmost-first (Perl
// order) rather than leftmost-longest, which can pick a different match when
// alternatives overlap. Perl syntax (grep -P) always uses PCRE2.
//
// Typical use:
//   auto r = Regex::compile("a\\(b*\\)c", Syntax::kBasic, kUtf8);
//   if (!r) { print(r.error); }         // "Unmatched ( or \\(" as GNU prints it
//   Match m;
//   if (r.regex->search(text, 0, &m)) { m[0].begin ... m[1].end ... }
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace burrow::text {

// kEmacs is find's default -regextype: BRE groups and alternation (\( \|),
// unescaped + and ? as operators, no intervals.
// kRust is ripgrep's dialect (Rust's regex crate): handed to RE2 unchanged
// and matched leftmost-first; Rust's syntax is close to RE2's.
enum class Syntax { kBasic, kExtended, kPerl, kFixed, kEmacs, kRust };

enum RegexFlag : unsigned {
  kIgnoreCase = 1u << 0,
  // ^ and $ also match at embedded newlines; '.' and [^...] never match a
  // newline (sed's M flag, REG_NEWLINE).
  kMultiline = 1u << 1,
  // Characters are UTF-8 (else bytes, as in the C locale).
  kUtf8 = 1u << 2,
  // sed's escapes in the pattern: \n \t \a \f \v \r \dNNN \oNNN \xHH \cX.
  kSedEscapes = 1u << 3,
  // The whole text must match (grep -x).
  kWholeLine = 1u << 4,
  // The match must be a whole word (grep -w).
  kWholeWord = 1u << 5,
  // grep's leniency (a leading '*' or '{' in ERE is ignored with a warning,
  // invalid intervals are literal) and its warnings. Without it: sed/regcomp.
  kGrepDialect = 1u << 6,
  // Text is a buffer of many lines searched at once: like kMultiline, and
  // also no escape (\s, \W) matches a newline, so a match never spans lines.
  kLineMode = 1u << 7,
  // Perl syntax: \w, \d, \s and \b know Unicode (PCRE2_UCP), as ripgrep -P.
  kUnicodeClasses = 1u << 8,
};

struct Span {
  ptrdiff_t begin = -1;
  ptrdiff_t end = -1;
  bool matched() const { return begin >= 0; }
  size_t size() const { return static_cast<size_t>(end - begin); }
};

// Submatch spans as byte offsets into the searched text; [0] is the whole
// match. Unmatched groups have begin == -1.
struct Match {
  std::vector<Span> groups;
  const Span& operator[](size_t i) const { return groups[i]; }
  size_t size() const { return groups.size(); }
};

class Regex;

struct CompileResult {
  std::shared_ptr<const Regex> regex;
  std::string error;                  // GNU wording, e.g. "Invalid back reference"
  size_t error_offset = 0;            // Perl syntax: where in the pattern PCRE2 stopped
  std::vector<std::string> warnings;  // grep's "* at start of expression"
  explicit operator bool() const { return regex != nullptr; }
};

class Regex {
 public:
  // Compiles a pattern. For kFixed the pattern is a literal string.
  static CompileResult compile(std::string_view pattern, Syntax syntax, unsigned flags = 0);
  // Several alternatives at once (grep -e A -e B, grep -F -f FILE); each
  // pattern keeps its own group numbering for back-references.
  static CompileResult compile_any(std::span<const std::string> patterns, Syntax syntax,
                                   unsigned flags = 0);

  ~Regex();
  Regex(const Regex&) = delete;
  Regex& operator=(const Regex&) = delete;

  // Searches text[start..] for the leftmost match. text[0..start) is context
  // for ^, \b and \<: ^ does not match at start > 0 unless after a newline in
  // multiline mode. With not_bol, ^ never matches at offset 0 either.
  bool search(std::string_view text, size_t start, Match* match, bool not_bol = false) const;
  // Like search, returning only the whole match.
  bool find(std::string_view text, size_t start, size_t& begin, size_t& end) const;
  // A position inside the leftmost match's line, cheaper than find() (grep
  // only needs to know which line matched).
  bool locate(std::string_view text, size_t start, size_t& begin) const;
  // Whether text contains a match anywhere (fastest path).
  bool matches(std::string_view text) const;

  size_t group_count() const { return groups_; }
  // The number of the capturing group called name ((?P<name>...)), or -1.
  int named_group(std::string_view name) const;
  bool uses_pcre() const { return pcre_ != nullptr; }
  // The translated pattern handed to the engine (for tests and debugging).
  const std::string& engine_pattern() const { return engine_pattern_; }
  // True once a PCRE2 match or depth limit stopped a search (it then counts
  // as no match): callers report "exceeded PCRE's backtracking limit".
  bool limit_hit() const { return limit_hit_.load(std::memory_order_relaxed); }

 private:
  Regex() = default;
  bool run(std::string_view text, size_t start, Span* spans, int nspans, bool not_bol, int report_group = -1) const;

  struct Re2Holder;
  struct PcreHolder;
  std::unique_ptr<Re2Holder> re2_;
  std::unique_ptr<PcreHolder> pcre_;
  std::string engine_pattern_;
  size_t groups_ = 0;      // user-visible capturing groups
  int report_group_ = 0;   // engine group that is the whole match (1 with -w wrapping)
  std::string literal_;    // non-empty: a plain case-sensitive literal, found with memmem
  bool literal_only_ = false;
  bool never_ = false;     // no patterns at all (grep -f /dev/null)
  mutable std::atomic<bool> limit_hit_{false};
};

// True when the locale environment (LC_ALL, LC_CTYPE, LANG, in that order)
// names a UTF-8 locale.
bool locale_is_utf8(std::string_view lc_all, std::string_view lc_ctype, std::string_view lang);

}  // namespace burrow::text
