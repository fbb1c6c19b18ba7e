#include "commands/rg/ignore.h"

#include <cctype>

namespace burrow::rg {
namespace {

char fold(char c, bool ignore_case) {
  return ignore_case ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : c;
}

// Matches a [...] class starting at pattern[p] (the '['). Sets `next` to
// the index after the class; returns false for no match. A class without
// its ']' is treated as a literal '['.
bool match_class(std::string_view pat, size_t p, char c, bool ignore_case, size_t& next, bool& ok) {
  size_t i = p + 1;
  bool negate = false;
  if (i < pat.size() && (pat[i] == '!' || pat[i] == '^')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (i < pat.size() && (pat[i] != ']' || first)) {
    first = false;
    char lo = pat[i];
    if (lo == '\\' && i + 1 < pat.size()) lo = pat[++i];
    char hi = lo;
    if (i + 2 < pat.size() && pat[i + 1] == '-' && pat[i + 2] != ']') {
      hi = pat[i + 2];
      i += 2;
    }
    char fc = fold(c, ignore_case);
    if ((c >= lo && c <= hi) || (fc >= fold(lo, ignore_case) && fc <= fold(hi, ignore_case))) matched = true;
    ++i;
  }
  if (i >= pat.size()) {
    ok = false;
    return false;
  }
  ok = true;
  next = i + 1;
  return matched != negate;
}

struct Matcher {
  std::string_view pat, str;
  bool ignore_case;
  std::vector<signed char> memo;  // -1 unknown, 0/1 known

  bool at(size_t p, size_t s) {
    signed char& m = memo[p * (str.size() + 1) + s];
    if (m < 0) m = compute(p, s) ? 1 : 0;
    return m == 1;
  }

  bool compute(size_t p, size_t s) {
    if (p == pat.size()) return s == str.size();
    char pc = pat[p];
    if (pc == '*') {
      bool dstar = p + 1 < pat.size() && pat[p + 1] == '*';
      bool seg_start = p == 0 || pat[p - 1] == '/';
      if (dstar && seg_start) {
        size_t after = p + 2;
        if (after == pat.size()) return true;  // "**" or "dir/**": everything below
        if (pat[after] == '/') {
          // "**/": zero or more whole directories.
          if (at(after + 1, s)) return true;
          for (size_t k = s; k < str.size(); ++k)
            if (str[k] == '/' && at(after + 1, k + 1)) return true;
          return false;
        }
      }
      size_t q = p + 1;
      while (q < pat.size() && pat[q] == '*') ++q;
      for (size_t k = s;; ++k) {
        if (at(q, k)) return true;
        if (k == str.size() || str[k] == '/') return false;
      }
    }
    if (s == str.size()) return false;
    char c = str[s];
    if (pc == '?') return c != '/' && at(p + 1, s + 1);
    if (pc == '[') {
      size_t next = 0;
      bool ok = true;
      bool m = match_class(pat, p, c, ignore_case, next, ok);
      if (ok) return c != '/' && m && at(next, s + 1);
    }
    if (pc == '\\' && p + 1 < pat.size()) {
      ++p;
      pc = pat[p];
    }
    return fold(pc, ignore_case) == fold(c, ignore_case) && at(p + 1, s + 1);
  }
};

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path, bool ignore_case) {
  Matcher m{pattern, path, ignore_case, {}};
  m.memo.assign((pattern.size() + 1) * (path.size() + 1), -1);
  return m.at(0, 0);
}

std::string glob_error(std::string_view pattern) {
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
      continue;
    }
    if (pattern[i] == '[') {
      size_t next = 0;
      bool ok = true;
      match_class(pattern, i, 'a', false, next, ok);
      if (!ok) return "error parsing glob '" + std::string(pattern) + "': unclosed character class; missing ']'";
      i = next - 1;
    }
  }
  return "";
}

void RuleSet::add(std::string_view pat) {
  Rule r;
  if (!pat.empty() && pat[0] == '!') {
    r.negated = true;
    pat.remove_prefix(1);
  } else if (pat.size() > 1 && pat[0] == '\\' && (pat[1] == '!' || pat[1] == '#')) {
    pat.remove_prefix(1);
  }
  if (!pat.empty() && pat.back() == '/') {
    r.dir_only = true;
    pat.remove_suffix(1);
  }
  if (pat.empty()) return;
  // A pattern with a slash (other than a trailing one) is anchored to the
  // base directory; one without matches a name at any depth.
  bool anchored = pat.find('/') != std::string_view::npos;
  if (!pat.empty() && pat[0] == '/') pat.remove_prefix(1);
  r.glob = anchored ? std::string(pat) : "**/" + std::string(pat);
  rules.push_back(std::move(r));
}

void RuleSet::add_lines(std::string_view text) {
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(start, nl - start);
    start = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // Trailing spaces are dropped unless escaped.
    while (!line.empty() && line.back() == ' ' && !(line.size() > 1 && line[line.size() - 2] == '\\'))
      line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    add(line);
    if (nl == text.size()) break;
  }
}

Verdict RuleSet::match(std::string_view path, bool is_dir) const {
  for (size_t i = rules.size(); i-- > 0;) {
    const Rule& r = rules[i];
    if (r.dir_only && !is_dir) continue;
    if (glob_match(r.glob, path, ignore_case)) return r.negated ? Verdict::kWhitelist : Verdict::kIgnore;
  }
  return Verdict::kNone;
}

}  // namespace burrow::rg
