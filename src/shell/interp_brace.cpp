// Brace expansion on a Word: only unquoted literal text takes part; every
// other part (quotes, expansions) is carried through as an opaque token.
#include <cctype>
#include <cstdlib>

#include "shell/interp.h"

namespace burrow::shell {
namespace {

constexpr char kOpen = '\x01';   // placeholder start: \x01<index>\x02
constexpr char kClose = '\x02';

size_t skip_placeholder(const std::string& s, size_t i) {
  if (s[i] == kOpen) {
    size_t j = s.find(kClose, i);
    return j == std::string::npos ? s.size() : j + 1;
  }
  if (s[i] == '\\' && i + 1 < s.size()) return i + 2;
  return i + 1;
}

// Matching '}' for the '{' at i, or npos.
size_t find_close(const std::string& s, size_t i) {
  int depth = 0;
  for (size_t k = i; k < s.size();) {
    char c = s[k];
    if (c == '{') ++depth;
    else if (c == '}' && --depth == 0) return k;
    k = skip_placeholder(s, k);
  }
  return std::string::npos;
}

std::vector<std::string> split_commas(const std::string& body) {
  std::vector<std::string> out;
  int depth = 0;
  size_t start = 0;
  for (size_t k = 0; k < body.size();) {
    char c = body[k];
    if (c == '{') ++depth;
    else if (c == '}') --depth;
    else if (c == ',' && depth == 0) {
      out.push_back(body.substr(start, k - start));
      start = k + 1;
    }
    k = skip_placeholder(body, k);
  }
  out.push_back(body.substr(start));
  return out;
}

bool parse_int(const std::string& s, long long& v) {
  if (s.empty()) return false;
  size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
  if (i == s.size()) return false;
  for (size_t k = i; k < s.size(); ++k)
    if (!isdigit(static_cast<unsigned char>(s[k]))) return false;
  v = std::atoll(s.c_str());
  return true;
}

constexpr size_t kMaxBraceWords = 1'000'000;

// A sequence longer than kMaxBraceWords sets too_large instead of expanding:
// `{1..99999999}` must end with the limit's message, not eat the memory.
bool sequence(const std::string& body, std::vector<std::string>& out, bool& too_large) {
  size_t dd = body.find("..");
  if (dd == std::string::npos) return false;
  std::string a = body.substr(0, dd), rest = body.substr(dd + 2);
  std::string b = rest, step_s;
  size_t dd2 = rest.find("..");
  if (dd2 != std::string::npos) {
    b = rest.substr(0, dd2);
    step_s = rest.substr(dd2 + 2);
  }
  long long step = 1;
  if (!step_s.empty() && !parse_int(step_s, step)) return false;
  if (step == 0) step = 1;
  step = std::llabs(step);
  long long x, y;
  if (parse_int(a, x) && parse_int(b, y)) {
    size_t width = 0;
    auto padded = [](const std::string& s) {
      size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
      return s.size() > i + 1 && s[i] == '0';
    };
    if (padded(a) || padded(b)) width = std::max(a.size(), b.size());
    if (static_cast<unsigned long long>(y > x ? y - x : x - y) / step >= kMaxBraceWords) {
      too_large = true;
      return true;
    }
    for (long long v = x; x <= y ? v <= y : v >= y; v += x <= y ? step : -step) {
      std::string t = std::to_string(std::llabs(v));
      std::string sign = v < 0 ? "-" : "";
      while (sign.size() + t.size() < width) t = "0" + t;
      out.push_back(sign + t);
    }
    return true;
  }
  if (a.size() == 1 && b.size() == 1 && isalpha(static_cast<unsigned char>(a[0])) && isalpha(static_cast<unsigned char>(b[0]))) {
    char p = a[0], q = b[0];
    for (int c = p; p <= q ? c <= q : c >= q; c += p <= q ? step : -step) out.push_back(std::string(1, static_cast<char>(c)));
    return true;
  }
  return false;
}

void expand(const std::string& s, std::vector<std::string>& out, int budget, bool& too_large) {
  if (out.size() >= kMaxBraceWords || too_large) return;
  for (size_t i = 0; i < s.size();) {
    if (s[i] == '{' && budget > 0) {
      size_t j = find_close(s, i);
      if (j != std::string::npos) {
        std::string body = s.substr(i + 1, j - i - 1);
        std::vector<std::string> alts = split_commas(body);
        std::vector<std::string> seq;
        bool ok = alts.size() > 1 || (body.find(kOpen) == std::string::npos && sequence(body, seq, too_large));
        if (ok) {
          if (alts.size() <= 1) alts = seq;
          std::string prefix = s.substr(0, i), suffix = s.substr(j + 1);
          for (const std::string& alt : alts) expand(prefix + alt + suffix, out, budget - 1, too_large);
          return;
        }
      }
    }
    i = skip_placeholder(s, i);
  }
  out.push_back(s);
}

bool name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

// Bash expands braces on the source text, so in `{$a,b}_c` the `$a` meets `_c`
// and is read as `$a_c`. An unbraced `$name` followed by a literal that starts
// with name characters takes them into its name.
void join_names_split_by_braces(std::vector<WordPart>& parts) {
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    WordPart& p = parts[i];
    WordPart& next = parts[i + 1];
    if (p.kind != WordPartKind::Param || p.param->braced || p.param->op != ParamOp::None ||
        p.param->name.empty() || std::isdigit(static_cast<unsigned char>(p.param->name[0])) ||
        !name_char(p.param->name[0]))
      continue;
    if (next.kind != WordPartKind::Literal || next.quoted) continue;
    size_t n = 0;
    while (n < next.text.size() && name_char(next.text[n])) ++n;
    if (n == 0) continue;
    p.param->name += next.text.substr(0, n);
    p.param->raw = "$" + p.param->name;
    next.text.erase(0, n);
    if (next.text.empty()) parts.erase(parts.begin() + static_cast<long>(i) + 1);
  }
}

// Brace expansion comes before tilde expansion: `{a,~}/x` and `~{/a,b}` make
// words that begin with a tilde prefix, which expands as if typed so.
void mark_leading_tilde(std::vector<WordPart>& parts) {
  if (parts.empty() || parts[0].kind != WordPartKind::Literal || parts[0].quoted) return;
  std::string& text = parts[0].text;
  if (text.empty() || text[0] != '~') return;
  size_t slash = text.find('/');
  if (slash == std::string::npos && parts.size() > 1) return;
  size_t end = slash == std::string::npos ? text.size() : slash;
  WordPart tilde(WordPartKind::Tilde);
  tilde.text = text.substr(1, end - 1);
  text.erase(0, end);
  if (text.empty()) parts.erase(parts.begin());
  parts.insert(parts.begin(), std::move(tilde));
}

}  // namespace

bool Interp::may_brace_expand(const Word& w) const {
  if (!st.opts.braceexpand) return false;
  for (const WordPart& p : w.parts)
    if (p.kind == WordPartKind::Literal && !p.quoted && p.text.find('{') != std::string::npos) return true;
  return false;
}

std::vector<Word> Interp::brace_expand_word(const Word& w) {
  bool has_brace = may_brace_expand(w);
  std::vector<Word> result;
  if (!has_brace) {
    result.push_back(w.clone());
    return result;
  }
  std::string s;
  for (size_t i = 0; i < w.parts.size(); ++i) {
    const WordPart& p = w.parts[i];
    if (p.kind == WordPartKind::Literal && !p.quoted) {
      for (char c : p.text) {
        if (c == kOpen || c == kClose) continue;
        s += c;
      }
    } else {
      s += kOpen + std::to_string(i) + kClose;
    }
  }
  std::vector<std::string> expanded;
  bool too_large = false;
  expand(s, expanded, 64, too_large);
  if (too_large || expanded.size() >= kMaxBraceWords) {
    ctx->hit_limit("brace expansion too large (max " + std::to_string(kMaxBraceWords) + " words)");
    check_cancel();
  }
  if (expanded.size() == 1 && expanded[0] == s) {
    result.push_back(w.clone());
    return result;
  }
  for (const std::string& e : expanded) {
    Word nw;
    nw.line = w.line;
    nw.raw = w.raw;
    std::string lit;
    auto flush = [&] {
      if (lit.empty()) return;
      WordPart lp(WordPartKind::Literal);
      lp.text = lit;
      nw.parts.push_back(std::move(lp));
      lit.clear();
    };
    for (size_t i = 0; i < e.size(); ++i) {
      if (e[i] == kOpen) {
        size_t j = e.find(kClose, i);
        int idx = std::atoi(e.substr(i + 1, j - i - 1).c_str());
        flush();
        nw.parts.push_back(w.parts[idx].clone());
        i = j;
        continue;
      }
      lit += e[i];
    }
    flush();
    join_names_split_by_braces(nw.parts);
    mark_leading_tilde(nw.parts);
    result.push_back(std::move(nw));
  }
  return result;
}

}  // namespace burrow::shell
