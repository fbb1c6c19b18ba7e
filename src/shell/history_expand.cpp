// History expansion (`!!`, `!n`, `!str`, `^a^b`, word designators and
// modifiers), as bash applies it to interactive lines and `history -p`.
#include <cctype>
#include <cstring>

#include "shell/history.h"
#include "shell/interp.h"

namespace burrow::shell {
namespace {

// The words of a history entry as bash splits them for designators:
// blanks separate words, quotes keep theirs together.
std::vector<std::string> history_words(const std::string& line) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\n')) ++i;
    if (i >= line.size()) break;
    std::string w;
    char quote = 0;
    for (; i < line.size(); ++i) {
      char c = line[i];
      if (quote) {
        if (c == quote) quote = 0;
        else if (c == '\\' && quote == '"' && i + 1 < line.size()) w += line[i++];
      } else if (c == '\'' || c == '"') {
        quote = c;
      } else if (c == '\\' && i + 1 < line.size()) {
        w += line[i++];
      } else if (c == ' ' || c == '\t' || c == '\n') {
        break;
      }
      w += line[i];
    }
    words.push_back(w);
  }
  return words;
}

struct Expander {
  const History& h;
  char bang = '!', quick = '^';
  bool print_only = false;  // :p
  std::string last_old, last_new;  // for :& and an empty :s pattern

  // The entry an event designator names; text points past it.
  bool event(const std::string& s, size_t& i, std::string& out) {
    auto entry = [&](long long idx) {
      if (idx < 0 || idx >= static_cast<long long>(h.lines.size())) return false;
      out = h.lines[static_cast<size_t>(idx)];
      return true;
    };
    long long last = static_cast<long long>(h.lines.size()) - 1;
    if (i < s.size() && s[i] == bang) {
      ++i;
      return entry(last);
    }
    if (i < s.size() && (isdigit(static_cast<unsigned char>(s[i])) || (s[i] == '-' && i + 1 < s.size() && isdigit(static_cast<unsigned char>(s[i + 1]))))) {
      bool neg = s[i] == '-';
      if (neg) ++i;
      long long n = 0;
      while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) n = std::min(n * 10 + (s[i++] - '0'), 1LL << 40);
      return entry(neg ? last + 1 - n : n - h.base);
    }
    bool contains = i < s.size() && s[i] == '?';
    if (contains) ++i;
    size_t start = i;
    // bash ends a search string at a blank, `:` or a shell metacharacter
    while (i < s.size() &&
           !(contains ? s[i] == '?' || s[i] == '\n' : (isspace(static_cast<unsigned char>(s[i])) || strchr(":;&()|<>", s[i]))))
      ++i;
    std::string key = s.substr(start, i - start);
    if (contains && i < s.size() && s[i] == '?') ++i;
    if (key.empty()) return false;
    for (long long k = last; k >= 0; --k) {
      const std::string& l = h.lines[static_cast<size_t>(k)];
      if (contains ? l.find(key) != std::string::npos : l.compare(0, key.size(), key) == 0) {
        out = l;
        return true;
      }
    }
    return false;
  }

  // A word designator (after `:` or one of ^ $ * - %); false when malformed or out of range.
  bool words(const std::string& s, size_t& i, std::string& text) {
    std::vector<std::string> w = history_words(text);
    long long last = static_cast<long long>(w.size()) - 1;
    auto number = [&](long long& n) {
      if (i < s.size() && s[i] == '^') { ++i; n = 1; return true; }
      if (i < s.size() && s[i] == '$') { ++i; n = last; return true; }
      if (i >= s.size() || !isdigit(static_cast<unsigned char>(s[i]))) return false;
      n = 0;
      while (i < s.size() && isdigit(static_cast<unsigned char>(s[i]))) n = std::min(n * 10 + (s[i++] - '0'), 1LL << 40);
      return true;
    };
    long long from, to;
    if (i < s.size() && s[i] == '*') {
      ++i;
      from = 1;
      to = last;
      if (last < 1) { text.clear(); return true; }
    } else {
      if (i < s.size() && s[i] == '-') from = 0;
      else if (!number(from)) return false;
      to = from;
      if (i < s.size() && s[i] == '*') {
        ++i;
        to = last;
      } else if (i < s.size() && s[i] == '-') {
        ++i;
        if (!number(to)) to = last - 1;
      }
    }
    if (from < 0 || to > last || from > to) return false;
    std::string out;
    for (long long k = from; k <= to; ++k) out += (k > from ? " " : "") + w[static_cast<size_t>(k)];
    text = out;
    return true;
  }

  // :s/old/new/ (delimiter any character); `&` in new stands for old.
  bool substitute(const std::string& s, size_t& i, std::string& text, bool global) {
    if (i >= s.size()) return false;
    char d = s[i++];
    auto part = [&] {
      std::string p;
      while (i < s.size() && s[i] != d) {
        if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == d) ++i;
        p += s[i++];
      }
      if (i < s.size()) ++i;
      return p;
    };
    std::string old = part(), rep = part();
    if (old.empty()) old = last_old;
    last_old = old;
    last_new = rep;
    return replace(text, old, rep, global);
  }

  bool replace(std::string& text, const std::string& old, const std::string& rep, bool global) {
    if (old.empty()) return false;
    std::string with;
    for (char c : rep) with += c == '&' ? old : std::string(1, c);
    size_t at = text.find(old);
    if (at == std::string::npos) return false;
    do {
      text.replace(at, old.size(), with);
      at = global ? text.find(old, at + with.size()) : std::string::npos;
    } while (at != std::string::npos);
    return true;
  }

  bool modifiers(const std::string& s, size_t& i, std::string& text) {
    while (i + 1 < s.size() && s[i] == ':') {
      char m = s[i + 1];
      size_t save = i;
      i += 2;
      switch (m) {
        case 'h': {
          size_t slash = text.rfind('/');
          if (slash != std::string::npos) text.erase(slash);
          break;
        }
        case 't': {
          size_t slash = text.rfind('/');
          if (slash != std::string::npos) text.erase(0, slash + 1);
          break;
        }
        case 'r': {
          size_t dot = text.rfind('.');
          if (dot != std::string::npos && text.find('/', dot) == std::string::npos) text.erase(dot);
          break;
        }
        case 'e': {
          size_t dot = text.rfind('.');
          text = dot != std::string::npos && text.find('/', dot) == std::string::npos ? text.substr(dot) : "";
          break;
        }
        case 'p': print_only = true; break;
        case 's':
          if (!substitute(s, i, text, false)) return false;
          break;
        case '&':
          if (!replace(text, last_old, last_new, false)) return false;
          break;
        case 'g':
        case 'a':
          if (i < s.size() && s[i] == 's') {
            ++i;
            if (!substitute(s, i, text, true)) return false;
          } else if (i < s.size() && s[i] == '&') {
            ++i;
            if (!replace(text, last_old, last_new, true)) return false;
          } else {
            return false;
          }
          break;
        default:
          i = save;
          return true;
      }
    }
    return true;
  }

  // One `!...` at s[i] (on the bang); its expansion is appended to out.
  bool one(const std::string& s, size_t& i, std::string& out) {
    size_t start = i;
    ++i;
    std::string text;
    bool designator_follows = i < s.size() && (s[i] == '^' || s[i] == '$' || s[i] == '*' || s[i] == '-' || s[i] == '%') &&
                              !(s[i] == '-' && i + 1 < s.size() && isdigit(static_cast<unsigned char>(s[i + 1])));
    size_t designator = i;
    auto bad_word = [&] {
      failed = s.substr(designator, i - designator) + ": bad word specifier";
      return false;
    };
    if (designator_follows) {
      if (h.lines.empty()) return fail(s, start, i, out);
      text = h.lines.back();
      if (!words(s, i, text)) return bad_word();
    } else {
      if (!event(s, i, text)) return fail(s, start, i, out);
      if (i < s.size() && s[i] == ':' && i + 1 < s.size() &&
          (isdigit(static_cast<unsigned char>(s[i + 1])) || strchr("^$*-", s[i + 1]))) {
        designator = i++;
        if (!words(s, i, text)) return bad_word();
      }
    }
    size_t mods = i;
    if (!modifiers(s, i, text)) {
      std::string m = s.substr(mods, i - mods);
      size_t colon = m.rfind(':');
      if (colon != std::string::npos) m.erase(0, colon);
      failed = m + ": substitution failed";
      return false;
    }
    out += text;
    return true;
  }

  std::string failed;  // bash's message for what could not be expanded
  bool fail(const std::string& s, size_t start, size_t i, std::string&) {
    failed = s.substr(start, i - start) + ": event not found";
    return false;
  }
};

}  // namespace

HistExpansion history_expand(Interp& sh, const std::string& line, bool skip_newest) {
  HistExpansion r;
  std::string chars = sh.get_var("histchars").value_or("!^#");
  History without_newest;
  if (skip_newest && !sh.st.history.lines.empty()) {
    without_newest = sh.st.history;
    without_newest.lines.pop_back();
  }
  Expander e{skip_newest ? without_newest : sh.st.history};
  if (!chars.empty()) e.bang = chars[0];
  if (chars.size() > 1) e.quick = chars[1];
  if (chars.empty()) {
    r.text = line;
    return r;
  }
  // :& and an empty :s pattern reuse the last substitution, from any line.
  e.last_old = sh.st.history.subst_old;
  e.last_new = sh.st.history.subst_new;
  struct SaveSubst {
    Expander& e;
    History& h;
    ~SaveSubst() {
      h.subst_old = e.last_old;
      h.subst_new = e.last_new;
    }
  } save{e, sh.st.history};
  std::string s = line;
  // ^old^new^ at the start is !!:s^old^new^
  if (!s.empty() && s[0] == e.quick) s = std::string(1, e.bang) + e.bang + ":s" + s;
  std::string out;
  bool in_single = false;
  for (size_t i = 0; i < s.size();) {
    char c = s[i];
    if (c == '\'' ) in_single = !in_single;
    // A backslash right before it keeps a bang (even one escaped itself).
    if (c != e.bang || in_single || (i > 0 && s[i - 1] == '\\')) {
      out += c;
      ++i;
      continue;
    }
    char next = i + 1 < s.size() ? s[i + 1] : '\0';
    // `!(` is an extglob pattern only while extglob is on
    if (next == '\0' || next == ' ' || next == '\t' || next == '\n' || next == '=' || (next == '(' && sh.st.opts.extglob)) {
      out += c;
      ++i;
      continue;
    }
    if (!e.one(s, i, out)) {
      r.error = e.failed;
      r.failed = true;
      return r;
    }
    r.expanded = true;
  }
  r.text = out;
  r.print_only = e.print_only;
  return r;
}

}  // namespace burrow::shell
