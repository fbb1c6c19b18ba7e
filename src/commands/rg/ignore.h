// Gitignore-style globs and ignore rules for rg: .gitignore, .ignore,
// .rgignore files and the -g/--iglob overrides share one pattern syntax.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace burrow::rg {

// Glob over '/'-separated paths: '*' and '?' never match '/', "**" matches
// any number of directories, [...] classes ([!...] and [^...] negate),
// backslash escapes. Matching is memoised, so hostile patterns stay cheap.
bool glob_match(std::string_view pattern, std::string_view path, bool ignore_case = false);
// An error message in ripgrep's words when the glob is malformed, else "".
std::string glob_error(std::string_view pattern);

enum class Verdict { kNone, kIgnore, kWhitelist };

struct Rule {
  std::string glob;     // matched against the path relative to the rule's base
  bool negated = false; // "!pat": re-include
  bool dir_only = false;
};

// The rules of one ignore file (or of the -g list), in file order; the last
// matching rule decides.
struct RuleSet {
  std::vector<Rule> rules;
  bool ignore_case = false;
  // Parses gitignore text; blank lines and comments are skipped.
  void add_lines(std::string_view text);
  // Adds one gitignore-style pattern.
  void add(std::string_view pattern);
  Verdict match(std::string_view relative_path, bool is_dir) const;
  bool empty() const { return rules.empty(); }
};

}  // namespace burrow::rg
