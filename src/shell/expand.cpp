// Word expansion in bash's order: tilde, parameter, arithmetic and command
// substitution (left to right), word splitting on IFS, pathname expansion,
// quote removal. Quoting is tracked per character through Field::pattern,
// where quoted characters are backslash-escaped.
#include <cctype>
#include <fnmatch.h>
#include <locale.h>
#include <wctype.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <span>

#include "process/string_files.h"
#include "shell/interp.h"
#include "shell/printer.h"
#include "shell/parser.h"

namespace burrow::shell {

std::string declare_line(std::string_view name, const Var& v);  // builtins/vars.cpp
std::string quoted_assoc_key(const std::string& k);              // builtins/vars.cpp
std::string quoted_declare_value(const std::string& v);          // builtins/vars.cpp
static bool shell_locale_is_utf8();
namespace {



bool is_glob_char(char c) { return c == '*' || c == '?' || c == '['; }

// Backslashes before the characters an extended regex gives a meaning.
std::string escape_regex(std::string_view t) {
  std::string out;
  for (char c : t) {
    if (std::strchr("\\.[]()*+?{}|^$", c) && c) out += '\\';
    out += c;
  }
  return out;
}

std::string escape_glob(std::string_view t) {
  std::string out;
  out.reserve(t.size());
  for (char c : t) {
    if (c == '\\' || c == '*' || c == '?' || c == '[' || c == ']' || c == '(' || c == ')' || c == '|' ||
        c == '@' || c == '!' || c == '+')
      out += '\\';
    out += c;
  }
  return out;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

// The byte length of the UTF-8 character starting at s[i]; 1 for a byte that
// starts no valid sequence.
size_t utf8_char_len(std::string_view s, size_t i) {
  unsigned char c = s[i];
  size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  if (i + len > s.size()) return 1;
  for (size_t k = 1; k < len; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 1;
  return len;
}

// ${x@Q}: '...', or $'...' when the value holds control characters or bytes
// that are not UTF-8.
std::string quote_value(std::string_view v) {
  return needs_ansi_c_quotes(v) ? quote_for_shell(v) : single_quote(v);
}

enum class CaseChange { Upper, Lower, Toggle };

// One character changed to upper or lower case. Bytes >= 0x80 are characters
// only under a UTF-8 locale (then é becomes É, as bash does with towupper).
std::string change_char_case(std::string_view ch, CaseChange how) {
  auto flip = [how](wint_t c, auto is_upper, auto upper, auto lower) -> wint_t {
    if (how == CaseChange::Upper) return upper(c);
    if (how == CaseChange::Lower) return lower(c);
    return is_upper(c) ? lower(c) : upper(c);
  };
  if (ch.size() == 1) {
    auto c = static_cast<unsigned char>(ch[0]);
    if (c >= 0x80) return std::string(ch);
    return std::string(1, static_cast<char>(flip(
                              c, [](wint_t x) { return std::isupper(static_cast<int>(x)) != 0; },
                              [](wint_t x) { return static_cast<wint_t>(std::toupper(static_cast<int>(x))); },
                              [](wint_t x) { return static_cast<wint_t>(std::tolower(static_cast<int>(x))); })));
  }
  static locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  if (!utf8 || !shell_locale_is_utf8()) return std::string(ch);
  // decode
  auto b = [&](size_t k) { return static_cast<unsigned char>(ch[k]); };
  wint_t wc = ch.size() == 2   ? ((b(0) & 0x1F) << 6) | (b(1) & 0x3F)
              : ch.size() == 3 ? ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F)
                               : ((b(0) & 0x07) << 18) | ((b(1) & 0x3F) << 12) | ((b(2) & 0x3F) << 6) |
                                     (b(3) & 0x3F);
  wint_t out = flip(
      wc, [](wint_t x) { return iswupper_l(x, utf8) != 0; }, [](wint_t x) { return towupper_l(x, utf8); },
      [](wint_t x) { return towlower_l(x, utf8); });
  std::string enc;
  append_utf8(enc, static_cast<uint32_t>(out));
  return enc;
}

// Changes the case of the characters of v that `accept` takes: only the
// first character's unless `all` (${x^} vs ${x^^}, @u vs @U).
template <class Accept>
std::string change_case(const std::string& v, CaseChange how, bool all, Accept accept) {
  std::string out;
  out.reserve(v.size());
  size_t i = 0;
  while (i < v.size()) {
    size_t len = utf8_char_len(v, i);
    std::string_view ch(v.data() + i, len);
    out += accept(ch) ? change_char_case(ch, how) : std::string(ch);
    i += len;
    if (!all) break;
  }
  out.append(v, i, std::string::npos);
  return out;
}

// How many characters a pattern matches, or -1 if that varies, counted as
// bash counts it for ${x/pat/rep}: bash then tries only matches of that
// length. Its count takes the `]` in `[!]...]` / `[^]...]` as the end of the
// bracket, so such a pattern, one character long, never matches there.
long bash_pattern_length(std::string_view pat) {
  long len = 0;
  for (size_t i = 0; i < pat.size();) {
    char c = pat[i++];
    bool group = i < pat.size() && pat[i] == '(';
    if (c == '*' || (group && std::strchr("?+!@", c))) return -1;
    if (c == '\\') {
      if (i < pat.size()) ++i;
      ++len;
      continue;
    }
    if (c != '[') {
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++len;
      continue;
    }
    // The first character after `[` is taken whatever it is; then up to `]`,
    // skipping [:class:] [.sym.] [=equiv=].
    long bracket = 1;
    char close = 0;
    bool closed = false;
    for (bool first = true; i < pat.size(); first = false) {
      c = pat[i++];
      if (!first && !close && c == ']') {
        closed = true;
        break;
      }
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++bracket;
      if (c == '\\' && i < pat.size()) {
        ++i;
      } else if (!close && c == '[' && i < pat.size() && std::strchr(":.=", pat[i])) {
        close = pat[i++];
      } else if (close && c == close && i < pat.size() && pat[i] == ']') {
        ++i;
        close = 0;
      }
    }
    len += closed ? 1 : bracket;
  }
  return len;
}

// The byte offset `count` characters after byte i of v, or npos past its end.
size_t skip_chars(std::string_view v, size_t i, long count) {
  for (; count > 0; --count) {
    if (i >= v.size()) return std::string::npos;
    i += utf8_char_len(v, i);
  }
  return i;
}

struct ParamValue {
  bool set = false;
  bool is_list = false;  // $@ $* ${a[@]} ${a[*]}
  bool star = false;     // joined with IFS[0] when quoted
  std::string value;
  std::vector<std::string> list;
};

class Expander {
 public:
  Expander(Interp& sh, bool split) : sh_(sh), split_(split) {
    auto ifs = sh.get_var("IFS");
    ifs_ = ifs ? *ifs : std::string(" \t\n");
  }

  void parts(const std::vector<WordPart>& ps, bool quoted) {
    for (const WordPart& p : ps) part(p, quoted);
  }

  // For the right side of =~: quoted text is escaped for a regex, not a glob.
  void for_regex() { regex_ = true; }

  std::vector<Field> finish() {
    end_field();
    return std::move(out_);
  }

  // For non-splitting contexts: everything joined.
  Field single() {
    Field f = cur_;
    for (const Field& o : out_) {
      (void)o;
    }
    if (!out_.empty()) {
      Field joined;
      for (size_t i = 0; i < out_.size(); ++i) {
        if (i) {
          joined.text += ' ';
          joined.pattern += ' ';
        }
        joined.text += out_[i].text;
        joined.pattern += out_[i].pattern;
      }
      if (!out_.empty()) {
        joined.text += ' ';
        joined.pattern += ' ';
      }
      joined.text += cur_.text;
      joined.pattern += cur_.pattern;
      return joined;
    }
    return f;
  }

 private:
  void add_quoted(std::string_view t) {
    cur_.text += t;
    if (!regex_) {
      cur_.pattern += escape_glob(t);
    } else if (regex_bracket_) {
      // bash 5.2: quoted text inside a bracket expression is taken as is
      cur_.pattern += t;
      regex_bracket_len_ += t.size();
    } else {
      cur_.pattern += escape_regex(t);
    }
    exists_ = true;
  }
  // Follows the unquoted text of a regex through its bracket expressions.
  void track_regex_brackets(std::string_view t) {
    for (size_t i = 0; i < t.size(); ++i) {
      char c = t[i];
      if (!regex_bracket_) {
        if (c == '\\') ++i;
        else if (c == '[') regex_bracket_ = true, regex_bracket_len_ = 0, regex_caret_ = false;
      } else if (c == '^' && regex_bracket_len_ == 0 && !regex_caret_) {
        regex_caret_ = true;
      } else if (c == ']' && regex_bracket_len_ > 0) {
        regex_bracket_ = false;
      } else if (c == '[' && i + 1 < t.size() && std::strchr(":.=", t[i + 1])) {
        size_t end = t.find(std::string{t[i + 1], ']'}, i + 2);
        i = end == std::string_view::npos ? t.size() : end + 1;
        ++regex_bracket_len_;
      } else {
        ++regex_bracket_len_;
      }
    }
  }
  void add_unquoted(std::string_view t) {
    cur_.text += t;
    if (regex_) track_regex_brackets(t);
    cur_.pattern += t;
    for (char c : t)
      if (is_glob_char(c) || c == '(') cur_.glob = true;  // "(": maybe an extglob group
    if (!t.empty()) exists_ = true;
  }
  void end_field() {
    if (exists_) out_.push_back(std::move(cur_));
    cur_ = Field{};
    exists_ = false;
  }
  void force_field() {
    out_.push_back(std::move(cur_));
    cur_ = Field{};
    exists_ = false;
  }
  static bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n'; }
  // The length of the IFS character at t[i], or 0 when none starts there.
  // IFS may hold multibyte characters; they separate only as a whole.
  size_t ifs_at(std::string_view t, size_t i) const {
    size_t len = utf8_char_len(t, i);
    if (len == 1) return ifs_.find(t[i]) != std::string::npos ? 1 : 0;
    std::string_view ch = t.substr(i, len);
    for (size_t k = 0; k < ifs_.size(); k += utf8_char_len(ifs_, k))
      if (std::string_view(ifs_).substr(k, len) == ch && utf8_char_len(ifs_, k) == len) return len;
    return 0;
  }
  bool is_ifs_ws(std::string_view t, size_t i) const { return is_ws(t[i]) && ifs_at(t, i); }
  // The first character of IFS, which joins "$*".
  std::string ifs_first() const { return ifs_.empty() ? "" : ifs_.substr(0, utf8_char_len(ifs_, 0)); }

  // An unquoted expansion result: split on IFS (when splitting), globbed.
  void add_split(std::string_view t) {
    if (!split_ || ifs_.empty()) {
      add_unquoted(t);
      return;
    }
    size_t i = 0, n = t.size();
    while (i < n) {
      if (!ifs_at(t, i)) {
        size_t j = i;
        while (j < n && !ifs_at(t, j)) j += utf8_char_len(t, j);
        add_unquoted(t.substr(i, j - i));
        i = j;
        continue;
      }
      bool nonws = false;
      while (i < n && is_ifs_ws(t, i)) ++i;
      if (size_t l = i < n && !is_ws(t[i]) ? ifs_at(t, i) : 0) {
        nonws = true;
        i += l;
        while (i < n && is_ifs_ws(t, i)) ++i;
      }
      if (nonws) force_field();
      else end_field();
    }
  }

  void add_value(std::string_view v, bool quoted) {
    if (quoted) add_quoted(v);
    else add_split(v);
  }

  void add_list(const ParamValue& pv, bool quoted) {
    // "$*" joins with the first IFS character, and so does $* where no splitting happens (s=$*).
    if (pv.star && (quoted || !split_)) {
      std::string sep = ifs_first();
      std::string joined;
      for (size_t i = 0; i < pv.list.size(); ++i) {
        if (i) joined += sep;
        joined += pv.list[i];
      }
      if (quoted) add_quoted(joined);
      else add_unquoted(joined);
      return;
    }
    if (!split_) {
      std::string joined;
      for (size_t i = 0; i < pv.list.size(); ++i) {
        if (i) joined += ' ';
        joined += pv.list[i];
      }
      if (quoted) add_quoted(joined);
      else add_unquoted(joined);
      return;
    }
    if (!quoted && !ifs_.empty() && !is_ws(ifs_[0])) {
      // bash joins unquoted $@ / $* with a non-whitespace IFS character and
      // splits the result, so empty elements in between leave empty fields.
      std::string joined;
      for (size_t i = 0; i < pv.list.size(); ++i) {
        if (i) joined += ifs_first();
        joined += pv.list[i];
      }
      add_split(joined);
      return;
    }
    for (size_t i = 0; i < pv.list.size(); ++i) {
      if (quoted) {
        if (i) force_field();
        add_quoted(pv.list[i]);
      } else {
        if (i) end_field();
        add_split(pv.list[i]);
      }
    }
  }

  static bool dq_has_at(const std::vector<WordPart>& ps) {
    for (const WordPart& p : ps) {
      // "${!a[@]}" and "${!prefix@}" with nothing to list make no word either.
      if (p.kind == WordPartKind::Param && p.param &&
          ((p.param->op == ParamOp::ArrayKeys && p.param->subscript_raw == "@") ||
           (p.param->op == ParamOp::PrefixNames && p.param->names_char == '@')))
        return true;
      // (${!r[@]:+x} is such a list only if r names one: see indirect().)
      if (p.kind == WordPartKind::Param && p.param && p.param->is_special() &&
          (p.param->name == "@" || p.param->subscript_raw == "@") &&
          (p.param->op == ParamOp::None || p.param->op == ParamOp::RemovePrefix ||
           p.param->op == ParamOp::RemoveSuffix || p.param->op == ParamOp::Replace ||
           p.param->op == ParamOp::Substring || p.param->op == ParamOp::UpperFirst ||
           p.param->op == ParamOp::LowerFirst || p.param->op == ParamOp::ToggleFirst ||
           p.param->op == ParamOp::Transform || p.param->op == ParamOp::Alternate))
        return true;
    }
    return false;
  }

  void part(const WordPart& p, bool quoted) {
    switch (p.kind) {
      case WordPartKind::Literal:
        if (quoted || p.quoted) add_quoted(p.text);
        else if (in_op_word_) add_split(p.text);  // ${x:-a b} splits its literal text too
        else add_unquoted(p.text);
        break;
      case WordPartKind::SingleQuoted:
      case WordPartKind::AnsiC:
        add_quoted(p.text);
        break;
      case WordPartKind::DoubleQuoted:
      case WordPartKind::LocaleQuoted:
        if (!dq_has_at(p.parts)) exists_ = true;
        parts(p.parts, true);
        break;
      case WordPartKind::Tilde: {
        std::string home;
        if (p.text.empty()) home = sh_.get_var("HOME").value_or("/home/user");
        else if (p.text == "+") home = sh_.st.cwd;
        else if (p.text == "-") home = sh_.get_var("OLDPWD").value_or("~-");
        else if (p.text == "root") home = "/root";
        else if (p.text == "user") home = "/home/user";
        else home = "~" + p.text;
        add_quoted(home);
        break;
      }
      case WordPartKind::Param:
        param(*p.param, quoted);
        break;
      case WordPartKind::CommandSubst: {
        std::string out = p.command ? sh_.command_substitution(*p.command) : sh_.failed_backquote(p.backquote_source);
        add_value(out, quoted);
        break;
      }
      case WordPartKind::Arith: {
        std::string text = sh_.expand_word_string(*p.arith);
        long long v;
        try {
          v = sh_.arith_eval(text);
        } catch (const ArithError& e) {
          sh_.error(e.message);
          throw DiscardSignal{true};
        }
        add_value(std::to_string(v), quoted);
        break;
      }
      case WordPartKind::ProcessSubst: {
        add_quoted(sh_.process_substitution(*p.command, p.process_output));
        break;
      }
    }
  }

  ParamValue lookup(const ParamExp& pe, const std::string& name) {
    ParamValue pv;
    if (name == "@" || name == "*") {
      pv.is_list = true;
      pv.star = name == "*";
      pv.list = sh_.st.positional;
      pv.set = !pv.list.empty();
      return pv;
    }
    if (pe.has_subscript) {
      Var* v = sh_.find_var(name);
      if (pe.subscript_raw == "@" || pe.subscript_raw == "*") {
        pv.is_list = true;
        pv.star = pe.subscript_raw == "*";
        if (v && v->set) {
          if (v->assoc)
            for (auto* e : v->amap.in_bash_order()) pv.list.push_back(e->second);
          else if (v->is_array)
            for (auto& [k, val] : v->array) pv.list.push_back(val);
          else
            pv.list.push_back(v->value);
        }
        if (name == "PIPESTATUS" && !v) {
          for (int s : sh_.st.pipestatus) pv.list.push_back(std::to_string(s));
        }
        pv.set = !pv.list.empty();
        return pv;
      }
      long long idx = 0;
      std::string sub = sh_.expand_word_string(pe.subscript);
      if (v && v->assoc) {
        auto it = v->amap.find(sub);
        if (it != v->amap.end()) {
          pv.set = true;
          pv.value = it->second;
        }
        return pv;
      }
      try {
        idx = sh_.arith_eval(sub);
      } catch (const ArithError& e) {
        sh_.error(e.message);
        throw FatalSignal{1};
      }
      if (v && v->is_array && idx < 0 && !v->array.empty()) idx += v->array.rbegin()->first + 1;
      // A negative index before the first element: bash complains and goes on.
      if (idx < 0) sh_.error(name + ": bad array subscript");
      if (v && v->set) {
        if (v->is_array) {
          auto it = v->array.find(idx);
          if (it != v->array.end()) {
            pv.set = true;
            pv.value = it->second;
          }
        } else if (idx == 0) {
          pv.set = true;
          pv.value = v->value;
        }
      }
      return pv;
    }
    auto val = sh_.get_var(name);
    if (val) {
      pv.set = true;
      pv.value = *val;
    }
    return pv;
  }

  [[noreturn]] void bad_subst(const ParamExp& pe) {
    sh_.error(pe.raw + ": bad substitution");
    throw DiscardSignal{};
  }

  // Patterns match whole UTF-8 characters: offsets inside one are skipped.
  static bool at_char(const std::string& v, size_t i) {
    return i == 0 || i >= v.size() || (static_cast<unsigned char>(v[i]) & 0xC0) != 0x80;
  }
  bool match(const std::string& pat, const std::string& text) const {
    return pattern_match(pat, text, false, sh_.st.opts.extglob);
  }

  std::string apply_op(const ParamExp& pe, const std::string& v) {
    switch (pe.op) {
      case ParamOp::RemovePrefix:
      case ParamOp::RemoveSuffix: {
        std::string pat = sh_.expand_pattern(pe.arg);
        bool prefix = pe.op == ParamOp::RemovePrefix;
        size_t n = v.size();
        if (prefix) {
          if (pe.longest) {
            for (size_t l = n + 1; l-- > 0;)
              if (at_char(v, l) && match(pat, v.substr(0, l))) return v.substr(l);
          } else {
            for (size_t l = 0; l <= n; ++l)
              if (at_char(v, l) && match(pat, v.substr(0, l))) return v.substr(l);
          }
        } else {
          if (pe.longest) {
            for (size_t s = 0; s <= n; ++s)
              if (at_char(v, s) && match(pat, v.substr(s))) return v.substr(0, s);
          } else {
            for (size_t s = n + 1; s-- > 0;)
              if (at_char(v, s) && match(pat, v.substr(s))) return v.substr(0, s);
          }
        }
        return v;
      }
      case ParamOp::Replace: {
        std::string pat = sh_.expand_pattern(pe.arg);
        std::string rep = pe.has_arg2 ? sh_.expand_word_string(pe.arg2) : "";
        size_t n = v.size();
        if (!pat.empty() && !has_glob_chars(pat) && !has_extglob(pat)) {
          // A plain string: search for it instead of matching at every offset.
          std::string lit = unescape_pattern(pat);
          if (pe.replace_mode == ReplaceMode::Prefix)
            return v.compare(0, lit.size(), lit) == 0 ? rep + v.substr(lit.size()) : v;
          if (pe.replace_mode == ReplaceMode::Suffix)
            return v.size() >= lit.size() && v.compare(v.size() - lit.size(), lit.size(), lit) == 0
                       ? v.substr(0, v.size() - lit.size()) + rep
                       : v;
          std::string out;
          size_t from = 0;
          for (size_t at; (at = v.find(lit, from)) != std::string::npos;) {
            out.append(v, from, at - from);
            out += rep;
            from = at + lit.size();
            if (pe.replace_mode == ReplaceMode::First) break;
          }
          out.append(v, from, std::string::npos);
          return out;
        }
        // A fixed-length pattern is tried only at its length (as bash does).
        long fixed = bash_pattern_length(pat);
        auto length_ok = [&](size_t from, size_t to) {
          return fixed < 0 || skip_chars(v, from, fixed) == to;
        };
        if (pe.replace_mode == ReplaceMode::Prefix) {
          for (size_t l = n + 1; l-- > 0;)
            if (at_char(v, l) && length_ok(0, l) && match(pat, v.substr(0, l))) return rep + v.substr(l);
          return v;
        }
        if (pe.replace_mode == ReplaceMode::Suffix) {
          for (size_t s = 0; s <= n; ++s)
            if (at_char(v, s) && length_ok(s, n) && match(pat, v.substr(s))) return v.substr(0, s) + rep;
          return v;
        }
        if (pat.empty()) return v;
        std::string out;
        size_t i = 0;
        bool done = false;
        while (i < n) {
          if (!done) {
            size_t best = std::string::npos;
            for (size_t l = n - i; l >= 1; --l) {
              if (at_char(v, i + l) && length_ok(i, i + l) && match(pat, v.substr(i, l))) {
                best = l;
                break;
              }
            }
            if (best != std::string::npos) {
              out += rep;
              i += best;
              if (pe.replace_mode == ReplaceMode::First) done = true;
              continue;
            }
          }
          // Copy one whole character.
          do out += v[i++];
          while (i < n && !at_char(v, i));
        }
        return out;
      }
      case ParamOp::UpperFirst:
      case ParamOp::LowerFirst:
      case ParamOp::ToggleFirst: {
        std::string pat = pe.arg.empty() ? "" : sh_.expand_pattern(pe.arg);
        CaseChange how = pe.op == ParamOp::UpperFirst   ? CaseChange::Upper
                         : pe.op == ParamOp::LowerFirst ? CaseChange::Lower
                                                        : CaseChange::Toggle;
        return change_case(v, how, pe.longest, [&](std::string_view ch) {
          return pat.empty() || pattern_match(pat, std::string(ch));
        });
      }
      case ParamOp::Transform:
        switch (pe.transform) {
          case 'Q': return quote_value(v);
          case 'E': return decode_ansi_c(v);
          case 'P': return sh_.expand_prompt(v);
          case 'K':
          case 'k': return quote_value(v);  // a scalar or one element: quoted as @Q
          case 'A': {
            Var* var = sh_.find_var(pe.name);
            std::string flags;
            if (var) {
              if (var->integer) flags += 'i';
              if (var->readonly) flags += 'r';
              if (var->exported) flags += 'x';
            }
            // bash spells a plain variable as an assignment, one with attributes as a declare.
            return (flags.empty() ? "" : "declare -" + flags + " ") + pe.name + "=" + quote_value(v);
          }
          case 'U': return change_case(v, CaseChange::Upper, true, [](std::string_view) { return true; });
          case 'L': return change_case(v, CaseChange::Lower, true, [](std::string_view) { return true; });
          case 'u': return change_case(v, CaseChange::Upper, false, [](std::string_view) { return true; });
          case 'a': {
            Var* var = sh_.find_var(pe.name);
            std::string a;
            if (var) {
              if (var->assoc) a += 'A';
              else if (var->is_array) a += 'a';
              if (var->integer) a += 'i';
              if (var->readonly) a += 'r';
              if (var->exported) a += 'x';
            }
            return a;
          }
          default:
            return v;
        }
      default:
        return v;
    }
  }

  // A substring offset or length; bash names the parameter in its errors.
  long long arith(const Word& w, const std::string& param) {
    try {
      return sh_.arith_eval(sh_.expand_word_string(w));
    } catch (const ArithError& e) {
      sh_.error(param + ": " + e.message);
      throw DiscardSignal{true};
    }
  }

  // What ${!ref} may name: a variable, a positional or special parameter,
  // or an element NAME[SUBSCRIPT].
  static bool valid_indirect_target(const std::string& t) {
    if (t.empty()) return false;
    if (t.size() == 1 && std::strchr("@*#?-$!", t[0])) return true;
    if (std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) return true;
    size_t lb = t.find('[');
    if (lb == std::string::npos) return is_name(t);
    return lb > 0 && t.back() == ']' && is_name(t.substr(0, lb));
  }

  // Expands pe (its operators) for the parameter spelled `target`, which may
  // carry a subscript: "x", "1", "a[$i]".
  void param_named(const ParamExp& pe, const std::string& target, bool quoted) {
    ParamExp copy = pe.clone();
    copy.indirect = false;
    size_t lb = target.find('[');
    if (lb != std::string::npos && lb > 0 && target.back() == ']') {
      copy.has_subscript = true;
      copy.subscript_raw = target.substr(lb + 1, target.size() - lb - 2);
      ParseError err;
      copy.subscript = parse_subscript_word(copy.subscript_raw, err);
      if (err) {
        sh_.error(target + ": bad substitution");
        throw DiscardSignal{};
      }
      copy.name = target.substr(0, lb);
    } else {
      copy.has_subscript = false;
      copy.name = target;
    }
    param(copy, quoted);
  }

  // ${!ref...}: the value of ref names the parameter to expand.
  void indirect(const ParamExp& pe, bool quoted) {
    // bash inverts ${!ref} for a nameref: it names the target, not its value
    if (Var* ref = sh_.find_var_noref(pe.name);
        ref && ref->nameref && ref->set && !pe.has_subscript && pe.op == ParamOp::None) {
      add_value(ref->value, quoted);
      return;
    }
    ParamExp ref = pe.clone();
    ref.indirect = false;
    ref.op = ParamOp::None;
    ParamValue pv = lookup(ref, pe.name);
    std::string target;
    if (pv.is_list) {
      if (pv.list.empty()) pv.set = false;
      for (size_t i = 0; i < pv.list.size(); ++i) target += (i ? " " : "") + pv.list[i];
    } else {
      target = pv.value;
    }
    if (!(pv.is_list ? !pv.list.empty() : pv.set) && !pv.is_list && sh_.find_var(pe.name)) {
      add_value("", quoted);  // declared but without a value: nothing, and no error
      return;
    }
    if (!(pv.is_list ? !pv.list.empty() : pv.set)) {
      std::string spelled = pe.has_subscript ? pe.name + "[" + pe.subscript_raw + "]" : pe.name;
      sh_.error(spelled + ": invalid indirect expansion");
      throw DiscardSignal{};
    }
    if (!valid_indirect_target(target)) {
      sh_.error(target + ": invalid variable name");
      throw DiscardSignal{};
    }
    // "${!r[@]:+x}" makes a word even when empty unless r names a list (a[@]).
    bool names_list = target.size() > 3 && target.compare(target.size() - 3, 3, "[@]") == 0;
    if (quoted && !names_list) exists_ = true;
    bool saved = via_indirection_;
    via_indirection_ = true;
    try {
      param_named(pe, target, quoted);
    } catch (...) {
      via_indirection_ = saved;
      throw;
    }
    via_indirection_ = saved;
  }

  void param(const ParamExp& pe, bool quoted) {
    if (pe.op == ParamOp::Bad) bad_subst(pe);
    if (pe.op == ParamOp::PrefixNames) {
      std::vector<std::string> names;
      for (auto& [k, v] : sh_.st.globals)
        if (k.rfind(pe.name, 0) == 0 && v.set) names.push_back(k);
      for (auto& f : sh_.st.frames)
        for (auto& [k, v] : f)
          if (k.rfind(pe.name, 0) == 0 && v.set) names.push_back(k);
      std::sort(names.begin(), names.end());
      names.erase(std::unique(names.begin(), names.end()), names.end());
      ParamValue pv;
      pv.is_list = true;
      pv.star = pe.names_char == '*';
      pv.list = names;
      if (pv.star && !quoted && ifs_.empty()) {
        // bash joins unquoted ${!prefix*} into one word when IFS is null.
        std::string joined;
        for (auto& n : names) joined += n;
        if (!joined.empty()) add_unquoted(joined);
        return;
      }
      add_list(pv, quoted);
      return;
    }
    if (pe.op == ParamOp::ArrayKeys) {
      ParamValue pv;
      pv.is_list = true;
      pv.star = pe.subscript_raw == "*";
      if (Var* v = sh_.find_var(pe.name)) {
        if (v->assoc)
          for (auto* e : v->amap.in_bash_order()) pv.list.push_back(e->first);
        else if (v->is_array)
          for (auto& [k, val] : v->array) pv.list.push_back(std::to_string(k));
        else if (v->set)
          pv.list.push_back("0");
      }
      if (pv.star && !quoted && ifs_.empty() && !pv.list.empty()) {
        // ... and unquoted ${!a[*]} into one word joined by spaces.
        std::string joined;
        for (size_t i = 0; i < pv.list.size(); ++i) joined += (i ? " " : "") + pv.list[i];
        add_unquoted(joined);
        return;
      }
      add_list(pv, quoted);
      return;
    }
    std::string name = pe.name;
    if (pe.indirect) {
      indirect(pe, quoted);
      return;
    }
    if (!pe.has_subscript) {
      // declare -n ref='a[2]': reads go to the element
      std::string target = sh_.resolve_nameref(name);
      if (target.empty()) sh_.circular_nameref(name);  // warns; the value is unset
      if (target != name && target.find('[') != std::string::npos) {
        param_named(pe, target, quoted);
        return;
      }
    }
    ParamValue pv = lookup(pe, name);
    if (pe.op == ParamOp::Length) {
      // ${#a[@]} / ${#a[i]} under set -u: bash wants the array to exist (not
      // its element), and only abandons the command (status 1), as after a
      // bad substitution.
      if (pe.has_subscript && sh_.st.opts.nounset && !is_set_array(name)) {
        sh_.error(name + ": unbound variable");
        throw DiscardSignal{};
      }
      if (pv.is_list) {
        add_value(std::to_string(pv.list.size()), quoted);
        return;
      }
      if (!pv.set && sh_.st.opts.nounset && !pe.has_subscript) unbound(name, pe.braced);
      add_value(std::to_string(utf8_length(pv.value)), quoted);
      return;
    }
    bool is_set = pv.is_list ? !pv.list.empty() : pv.set;
    // (bash joins an unquoted ${a[*]} for this test only when it is $*.)
    bool empty_or_unset = pv.is_list ? list_is_null(pv, quoted || (name == "*" && !split_)) : (!pv.set || pv.value.empty());
    bool use_alt = pe.colon ? empty_or_unset : !is_set;
    switch (pe.op) {
      case ParamOp::Default:
        if (use_alt) {
          op_word(pe.arg, quoted);
          return;
        }
        break;
      case ParamOp::Assign:
        if (use_alt) {
          std::string v = sh_.expand_word_string(pe.arg);
          // ${a[k]=v} assigns the element (bash 5.2).
          bool element = pe.has_subscript && pe.subscript_raw != "@" && pe.subscript_raw != "*";
          if (element ? !sh_.set_element(name, sh_.expand_word_string(pe.subscript), v, false)
                      : !sh_.set_var(name, v)) {
            sh_.error(name + ": readonly variable");
            throw DiscardSignal{};
          }
          add_value(v, quoted);
          return;
        }
        break;
      case ParamOp::Error:
        if (use_alt) {
          std::string msg = sh_.expand_word_string(pe.arg);
          if (msg.empty()) msg = pe.colon ? "parameter null or not set" : "parameter not set";
          sh_.error(name + ": " + msg);
          throw FatalSignal{127, true};
        }
        break;
      case ParamOp::Alternate:
        if (!use_alt) op_word(pe.arg, quoted);
        return;
      default:
        break;
    }
    // bash 5.2 takes ${a[@]} / ${a[*]} like $@ under set -u: never unbound.
    bool empty_array_list = pe.has_subscript && (pe.subscript_raw == "@" || pe.subscript_raw == "*");
    if (!is_set && !empty_array_list && sh_.st.opts.nounset && name != "@" && name != "*" &&
        (pe.op == ParamOp::None || pe.op == ParamOp::RemovePrefix || pe.op == ParamOp::RemoveSuffix ||
         pe.op == ParamOp::Replace || pe.op == ParamOp::Substring || pe.op == ParamOp::Transform ||
         pe.op == ParamOp::UpperFirst || pe.op == ParamOp::LowerFirst)) {
      unbound(pe.has_subscript ? name + "[" + pe.subscript_raw + "]" : name, pe.braced);
    }
    if (pe.op == ParamOp::Substring) {
      std::string param = pe.has_subscript ? name + "[" + pe.subscript_raw + "]" : name;
      long long off = arith(pe.arg, param);
      if (pv.is_list) {
        std::vector<std::string> src = pv.list;
        if (name == "@" || name == "*") src.insert(src.begin(), sh_.st.arg0);
        long long n = static_cast<long long>(src.size());
        Var* arr = (name != "@" && name != "*") ? sh_.find_var(name) : nullptr;
        if (arr && arr->is_array && !arr->assoc && pe.has_subscript) {
          // Indexed arrays slice by subscript, not by position: ${a[@]:1} of
          // ([2]=a [5]=b) is "a b"; a negative offset counts from the highest index + 1.
          long long top = arr->array.empty() ? 0 : arr->array.rbegin()->first + 1;
          if (off < 0) off += top;
          src.clear();
          if (off >= 0)
            for (auto it = arr->array.lower_bound(off); it != arr->array.end(); ++it) src.push_back(it->second);
          n = static_cast<long long>(src.size());
          off = 0;
        }
        if (off < 0) off += n;
        if (off < 0) off = 0;
        if (name == "@" || name == "*") {
          if (off == 0 && false) {}
        }
        long long len = pe.has_arg2 ? arith(pe.arg2, param) : n;
        if (len < 0) {
          // bash quotes the length as written (expanded): " -3", "x".
          sh_.error(sh_.expand_word_string(pe.arg2) + ": substring expression < 0");
          throw DiscardSignal{true};
        }
        ParamValue out;
        out.is_list = true;
        out.star = pv.star;
        if (name != "@" && name != "*" && off == 0 && false) {}
        for (long long i = off; i < n && i < off + len; ++i) out.list.push_back(src[i]);
        // "$@" slices start at $1 for offset >= 1; offset 0 includes $0.
        add_list(out, quoted);
        return;
      }
      // Offsets and lengths count characters, as ${#v} does.
      std::string v = pv.value;
      std::vector<size_t> starts;  // byte offset of each character, then the end
      for (size_t b = 0; b < v.size(); b += utf8_char_len(v, b)) starts.push_back(b);
      starts.push_back(v.size());
      long long n = static_cast<long long>(starts.size()) - 1;
      if (off < 0) off += n;
      if (off < 0 || off > n) {
        add_value("", quoted);
        return;
      }
      long long len = n - off;
      if (pe.has_arg2) {
        len = arith(pe.arg2, param);
        if (len < 0) len = n + len - off;
        if (len < 0) {
          sh_.error(sh_.expand_word_string(pe.arg2) + ": substring expression < 0");
          throw DiscardSignal{true};
        }
      }
      long long stop = len > n - off ? n : off + len;
      add_value(v.substr(starts[off], starts[stop] - starts[off]), quoted);
      return;
    }
    if (pv.is_list && pe.op == ParamOp::Transform && pe.transform == 'A' && pe.has_subscript) {
      if (Var* arr = sh_.find_var(pe.name); arr && arr->is_array) {
        // ${a[@]@A} is the `declare -a a=(...)` line; with [@] bash makes
        // three words of it when quoted: declare, the flags, the rest.
        std::string line = declare_line(pe.name, *arr);
        ParamValue out;
        out.is_list = true;
        out.star = pv.star;
        size_t s1 = line.find(' '), s2 = line.find(' ', s1 + 1);
        if (pv.star || !quoted || s2 == std::string::npos) {
          out.list.push_back(line);
        } else {
          out.list = {line.substr(0, s1), line.substr(s1 + 1, s2 - s1 - 1), line.substr(s2 + 1)};
        }
        add_list(out, quoted);
        return;
      }
    }
    if (pv.is_list && pe.op == ParamOp::Transform && (pe.transform == 'K' || pe.transform == 'k')) {
      if (Var* arr = sh_.find_var(pe.name); arr && arr->is_array) {
        // @K: one word `key "value" ...`; @k: key and value as separate words.
        std::vector<std::pair<std::string, std::string>> kv;
        if (arr->assoc)
          for (auto* e : arr->amap.in_bash_order()) kv.emplace_back(e->first, e->second);
        else
          for (auto& [k, val] : arr->array) kv.emplace_back(std::to_string(k), val);
        ParamValue out;
        out.is_list = true;
        out.star = pv.star;
        if (pe.transform == 'k') {
          for (auto& [k, val] : kv) {
            out.list.push_back(k);
            out.list.push_back(val);
          }
        } else {
          std::string joined;
          for (size_t i = 0; i < kv.size(); ++i) {
            if (i) joined += ' ';
            joined += (arr->assoc ? quoted_assoc_key(kv[i].first) : kv[i].first) + " " +
                      quoted_declare_value(kv[i].second);
          }
          if (arr->assoc && !kv.empty()) joined += ' ';
          out.list.push_back(joined);
        }
        add_list(out, quoted);
        return;
      }
    }
    if (pv.is_list) {
      if (pe.op != ParamOp::None && pe.op != ParamOp::Default && pe.op != ParamOp::Assign && pe.op != ParamOp::Error) {
        for (auto& e : pv.list) e = apply_op(pe, e);
      }
      add_list(pv, quoted);
      return;
    }
    std::string v = pv.value;
    if (!pv.set && pe.op == ParamOp::Transform && pe.transform != 'a') {
      // ${unset@Q} and the like: nothing to transform (@a still shows declared attributes)
      if (quoted) add_quoted("");
      return;
    }
    if (pe.op != ParamOp::None && pe.op != ParamOp::Default && pe.op != ParamOp::Assign && pe.op != ParamOp::Error)
      v = apply_op(pe, v);
    if (!pv.set && (pe.op == ParamOp::None || pe.op == ParamOp::Default || pe.op == ParamOp::Assign || pe.op == ParamOp::Error)) {
      // An unset variable contributes nothing (but "" still makes a field).
      if (quoted) add_quoted("");
      return;
    }
    add_value(v, quoted);
  }

  // Whether ${a[@]:-x} / ${a[*]:-x} see a null value: no elements, one empty
  // element, or for [*] only empty elements joined by a null IFS.
  bool list_is_null(const ParamValue& pv, bool joined) const {
    if (pv.list.empty()) return true;
    if (via_indirection_) return false;  // bash: ${!ref:-x} with ref='a[@]' is null only for no elements
    if (pv.list.size() == 1) return pv.list[0].empty();
    if (!pv.star || !joined || !ifs_.empty()) return false;
    for (const std::string& e : pv.list)
      if (!e.empty()) return false;
    return true;
  }

  void op_word(const Word& w, bool quoted) {
    bool saved = in_op_word_, saved_indirection = via_indirection_;
    in_op_word_ = !quoted;
    via_indirection_ = false;
    parts(w.parts, quoted);
    in_op_word_ = saved;
    via_indirection_ = saved_indirection;
  }

  // Whether `name` is a set array (bash's test for ${#a[i]} under set -u;
  // an empty array counts, a scalar does not).
  bool is_set_array(const std::string& name) {
    Var* v = sh_.find_var(name);
    return v && v->set && (v->is_array || v->assoc);
  }

  [[noreturn]] void unbound(const std::string& name, bool braced) {
    // A positional parameter written $2 is named with its dollar sign
    // ("$2: unbound variable"); written ${2}, it is not.
    bool positional = !braced && !name.empty() && std::isdigit(static_cast<unsigned char>(name[0]));
    sh_.error((positional ? "$" : "") + name + ": unbound variable");
    throw FatalSignal{127, true};
  }

  Interp& sh_;
  bool split_;
  bool regex_ = false;
  bool regex_bracket_ = false;  // inside [...] of a regex
  bool regex_caret_ = false;    // its leading ^ seen
  size_t regex_bracket_len_ = 0;
  std::string ifs_;
  std::vector<Field> out_;
  Field cur_;
  bool exists_ = false;
  bool in_op_word_ = false;       // expanding the word of an unquoted ${x:-word} / ${x:+word}
  bool via_indirection_ = false;  // expanding the target of ${!ref...}
};

}  // namespace

bool has_glob_chars(std::string_view p) {
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
      continue;
    }
    // A lone "[" (the test command) is no pattern: it needs a closing "]".
    if (p[i] == '[') {
      if (p.find(']', i + 2) != std::string_view::npos) return true;
      continue;
    }
    if (is_glob_char(p[i])) return true;
  }
  return false;
}

bool has_extglob(std::string_view p) {
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\') {
      ++i;
      continue;
    }
    if (p[i] == '(' && i > 0 && std::strchr("@*+?!", p[i - 1]) && (i < 2 || p[i - 2] != '\\')) return true;
  }
  return false;
}

std::string unescape_pattern(std::string_view p) {
  std::string out;
  for (size_t i = 0; i < p.size(); ++i) {
    if (p[i] == '\\' && i + 1 < p.size()) ++i;
    out += p[i];
  }
  return out;
}

// fnmatch under a UTF-8 locale, so that `?` and `[...]` match a character
// rather than a byte, as in bash under LANG=C.UTF-8. uselocale changes only
// the calling thread; the process locale stays "C".
// Whether the running shell's LC_ALL / LC_CTYPE / LANG names a UTF-8 locale.
static bool shell_locale_is_utf8() {
  Interp* sh = current_process();
  if (!sh) return true;
  for (const char* name : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    std::optional<std::string> v = sh->get_var(name);
    if (!v || v->empty()) continue;
    std::string lower;
    for (char c : *v) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
  }
  return false;
}

// ASCII-only input matches the same bytewise, and faster.
static int fnmatch_utf8(const char* pattern, const char* text, int flags) {
  auto ascii = [](const char* s) {
    for (; *s; ++s)
      if (static_cast<unsigned char>(*s) >= 0x80) return false;
    return true;
  };
  static locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
  if (!utf8 || (ascii(text) && ascii(pattern)) || !shell_locale_is_utf8()) return ::fnmatch(pattern, text, flags);
  locale_t saved = uselocale(utf8);
  int r = ::fnmatch(pattern, text, flags);
  uselocale(saved);
  return r;
}

bool pattern_match(const std::string& pattern, const std::string& text, bool nocase, bool extmatch) {
  int flags = extmatch ? FNM_EXTMATCH : 0;
  if (nocase) flags |= FNM_CASEFOLD;
  return fnmatch_utf8(pattern.c_str(), text.c_str(), flags) == 0;
}

std::vector<Field> Interp::expand_word_fields(const Word& w, bool split) {
  Expander e(*this, split);
  e.parts(w.parts, false);
  return e.finish();
}

std::string Interp::expand_word_string(const Word& w) {
  Expander e(*this, false);
  e.parts(w.parts, false);
  return e.single().text;
}

std::string Interp::expand_pattern(const Word& w) {
  Expander e(*this, false);
  e.parts(w.parts, false);
  return e.single().pattern;
}

std::string Interp::expand_regex(const Word& w) {
  Expander e(*this, false);
  e.for_regex();
  e.parts(w.parts, false);
  return e.single().pattern;
}

std::string Interp::expand_heredoc(const Word& body) {
  Expander e(*this, false);
  e.parts(body.parts, true);
  return e.single().text;
}

// `assoc`: the literal is an associative array's, whose values keep `~`.
static std::string quote_array_elems(Interp& sh, const Assignment& a, bool assoc) {
  std::string out = "(";
  bool first = true;
  for (const ArrayElem& el : a.elems) {
    std::vector<std::string> vals;
    if (el.has_key) {
      std::string value = assoc ? sh.expand_word_string(el.value.clone_tildes_as_text()) : sh.expand_word_string(el.value);
      vals.push_back("[" + quote_for_shell(sh.expand_word_string(el.key)) + (el.append ? "]+=" : "]=") + quote_for_shell(value));
      if (!first) out += ' ';
      out += vals[0];
      first = false;
      continue;
    }
    sh.expand_word_into(el.value, vals);
    for (auto& s : vals) {
      if (!first) out += ' ';
      out += quote_for_shell(s);
      first = false;
    }
  }
  return out + ")";
}

std::vector<std::string> Interp::expand_words(const std::vector<Word>& words) {
  std::vector<std::string> out;
  bool assoc_option = false;  // `declare -A` before this word
  for (const Word& w : words) {
    if (w.parts.size() == 1 && w.parts[0].kind == WordPartKind::Literal && !w.parts[0].quoted) {
      const std::string& text = w.parts[0].text;
      if (text.size() > 1 && text[0] == '-' && text.find('A') != std::string::npos) assoc_option = true;
    }
    if (w.decl_assign) {
      const Assignment& a = *w.decl_assign;
      std::string name = a.name;
      if (a.has_index) name += "[" + expand_word_string(a.index) + "]";
      name += a.append ? "+=" : "=";
      Var* v = a.is_array ? find_var(a.name) : nullptr;
      if (a.is_array) out.push_back(name + quote_array_elems(*this, a, assoc_option || (v && v->assoc)));
      else out.push_back(name + expand_word_string(a.value));
      continue;
    }
    expand_word_into(w, out);
  }
  return out;
}

void Interp::expand_word_into(const Word& w, std::vector<std::string>& out) {
  std::vector<Word> braced;
  if (may_brace_expand(w)) braced = brace_expand_word(w);
  const Word* one = braced.empty() ? &w : nullptr;
  for (const Word& bw : one ? std::span<const Word>(one, 1) : std::span<const Word>(braced)) {
    for (Field& f : expand_word_fields(bw, true)) {
      if (f.glob && !st.opts.noglob && (has_glob_chars(f.pattern) || (st.opts.extglob && has_extglob(f.pattern)))) {
        std::vector<std::string> matches = glob(f.pattern);
        if (!matches.empty()) {
          for (auto& m : matches) out.push_back(std::move(m));
          continue;
        }
        if (st.opts.nullglob) continue;
        if (st.opts.failglob) {
          error("no match: " + f.text);
          throw DiscardSignal{};
        }
      }
      out.push_back(std::move(f.text));
    }
  }
}

// The index of the "]" closing the bracket expression opened at s[open], or npos.
static size_t bracket_end(const std::string& s, size_t open) {
  size_t i = open + 1;
  if (i < s.size() && (s[i] == '!' || s[i] == '^')) ++i;
  if (i < s.size() && s[i] == ']') ++i;  // a leading "]" is a member
  for (; i < s.size(); ++i) {
    if (s[i] == ']') return i;
    if (s[i] == '\\') {
      ++i;
      continue;
    }
    if (s[i] == '[' && i + 1 < s.size() && (s[i + 1] == ':' || s[i + 1] == '.' || s[i + 1] == '=')) {
      size_t close = s.find(std::string(1, s[i + 1]) + "]", i + 2);
      if (close == std::string::npos) return std::string::npos;
      i = close + 1;
    }
  }
  return std::string::npos;
}

// The colon-separated patterns of GLOBIGNORE; empty when it is unset or null.
static std::vector<std::string> globignore_patterns(Interp& sh) {
  std::vector<std::string> out;
  std::optional<std::string> v = sh.get_var("GLOBIGNORE");
  if (!v) return out;
  const std::string& s = *v;
  std::string cur;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ':') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
      continue;
    }
    if (s[i] == '\\' && i + 1 < s.size()) {
      cur += s.substr(i++, 2);
      continue;
    }
    if (s[i] == '[') {
      // A colon inside a bracket expression such as [[:alpha:]] does not split.
      size_t end = bracket_end(s, i);
      if (end != std::string::npos) {
        cur += s.substr(i, end + 1 - i);
        i = end;
        continue;
      }
    }
    cur += s[i];
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// bash drops matches that GLOBIGNORE names, and "." and ".." as the last
// component whenever GLOBIGNORE is in effect. Patterns match the whole path,
// with "/" matched only by "/".
static void apply_globignore(const std::vector<std::string>& ignores, int flags, std::vector<std::string>& matches) {
  if (ignores.empty()) return;
  auto ignored = [&](const std::string& path) {
    size_t slash = path.find_last_of('/');
    std::string last = slash == std::string::npos || slash + 1 == path.size() ? path : path.substr(slash + 1);
    if (last == "." || last == "..") return true;
    for (const std::string& p : ignores)
      if (fnmatch_utf8(p.c_str(), path.c_str(), flags | FNM_PATHNAME) == 0) return true;
    return false;
  };
  std::erase_if(matches, ignored);
}

// Pathname expansion through the Filesystem.
std::vector<std::string> Interp::glob(const std::string& pattern) {
  std::vector<std::string> ignores = globignore_patterns(*this);
  // A non-null GLOBIGNORE turns on dotglob in bash.
  bool dotglob = st.opts.dotglob || !ignores.empty();
  auto skip_dots_opt = st.inert_shopts.find("globskipdots");
  bool skip_dots = skip_dots_opt == st.inert_shopts.end() || skip_dots_opt->second;
  std::vector<std::string> comps;
  size_t i = 0;
  bool absolute = !pattern.empty() && pattern[0] == '/';
  std::string cur;
  for (i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      cur += pattern[i];
      cur += pattern[++i];
      continue;
    }
    if (pattern[i] == '/') {
      if (!cur.empty()) comps.push_back(cur);
      cur.clear();
      continue;
    }
    cur += pattern[i];
  }
  bool trailing_slash = !pattern.empty() && pattern.back() == '/';
  if (!cur.empty()) comps.push_back(cur);
  // (display prefix, absolute dir)
  std::vector<std::pair<std::string, std::string>> paths{{absolute ? "/" : "", absolute ? "/" : st.cwd}};
  for (size_t c = 0; c < comps.size(); ++c) {
    const std::string& comp = comps[c];
    bool last = c + 1 == comps.size();
    std::vector<std::pair<std::string, std::string>> next;
    if (comp == "**" && st.opts.globstar) {
      // Zero or more directories (and, as the last component, every file).
      std::vector<std::pair<std::string, std::string>> stack = paths;
      size_t budget = 200000;
      while (!stack.empty() && budget-- > 0) {
        auto [disp, abs] = stack.back();
        stack.pop_back();
        next.push_back({disp, abs});
        std::vector<vfs::DirEntry> entries;
        if (ctx->fs->readdir(abs, entries)) continue;
        std::sort(entries.begin(), entries.end(), [](const vfs::DirEntry& a, const vfs::DirEntry& b) { return a.name > b.name; });
        for (auto& e : entries) {
          if (e.name[0] == '.' && !dotglob) continue;
          std::string nabs = vfs::join(abs, e.name);
          std::string nd = disp.empty() ? e.name : (disp.back() == '/' ? disp + e.name : disp + "/" + e.name);
          vfs::Stat s;
          bool is_dir = !ctx->fs->stat(nabs, s) && S_ISDIR(s.mode);
          if (is_dir && e.type != S_IFLNK) stack.push_back({nd, nabs});
          else if (last) next.push_back({nd, nabs});
        }
      }
      if (last) {
        // The starting directory itself is not a match of a trailing **.
        std::vector<std::pair<std::string, std::string>> filtered;
        std::set<std::string> starts;
        for (auto& p : paths) starts.insert(p.first);
        for (auto& p : next) {
          if (starts.count(p.first)) {
            // bash lists the starting directory as "dir/".
            if (!p.first.empty() && p.first != "/") filtered.push_back({p.first + "/", p.second});
            continue;
          }
          filtered.push_back(p);
        }
        next = std::move(filtered);
      }
    } else if (!has_glob_chars(comp) && !(st.opts.extglob && has_extglob(comp))) {
      std::string lit = unescape_pattern(comp);
      for (auto& [disp, abs] : paths) {
        std::string nabs = vfs::join(abs, lit);
        vfs::Stat s;
        if (ctx->fs->lstat(nabs, s)) continue;
        if (!last && ctx->fs->stat(nabs, s)) continue;
        std::string nd = disp.empty() ? lit : (disp.back() == '/' ? disp + lit : disp + "/" + lit);
        next.push_back({nd, nabs});
      }
    } else {
      for (auto& [disp, abs] : paths) {
        std::vector<vfs::DirEntry> entries;
        if (ctx->fs->readdir(abs, entries)) continue;
        std::vector<std::string> names;
        for (auto& e : entries) names.push_back(e.name);
        bool want_dot = comp[0] == '.' || (comp.size() > 1 && comp[0] == '\\' && comp[1] == '.');
        // With globskipdots off, a pattern starting with "." can match "." and "..".
        if (want_dot && !skip_dots) {
          names.push_back(".");
          names.push_back("..");
        }
        int flags = (st.opts.extglob ? FNM_EXTMATCH : 0) | (st.opts.nocaseglob ? FNM_CASEFOLD : 0);
        for (auto& name : names) {
          if (name[0] == '.' && !want_dot && !dotglob) continue;
          if (fnmatch_utf8(comp.c_str(), name.c_str(), flags) != 0) continue;
          std::string nabs = vfs::join(abs, name);
          if (!last || trailing_slash) {
            vfs::Stat s;
            if (ctx->fs->stat(nabs, s) || !S_ISDIR(s.mode)) continue;
          }
          std::string nd = disp.empty() ? name : (disp.back() == '/' ? disp + name : disp + "/" + name);
          next.push_back({nd, nabs});
        }
      }
    }
    paths = std::move(next);
    if (paths.empty()) break;
  }
  std::vector<std::string> out;
  if (comps.empty()) return out;
  for (auto& [disp, abs] : paths) out.push_back(trailing_slash ? disp + "/" : disp);
  std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
    return strcoll(a.c_str(), b.c_str()) < 0;
  });
  apply_globignore(ignores, (st.opts.extglob ? FNM_EXTMATCH : 0) | (st.opts.nocaseglob ? FNM_CASEFOLD : 0), out);
  return out;
}

// ---------------------------------------------------------------------------
// Command and process substitution

namespace {

class CollectFile : public vfs::File {
 public:
  explicit CollectFile(uint64_t limit) : limit_(limit) {}
  vfs::Error read(void*, size_t, size_t& got) override {
    got = 0;
    return vfs::make_error(EBADF);
  }
  vfs::Error write(const void* buf, size_t n, size_t& written) override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (data_.size() + n > limit_) {
      written = 0;
      over_ = true;
      return vfs::make_error(EFBIG);
    }
    data_.append(static_cast<const char*>(buf), n);
    written = n;
    return {};
  }
  vfs::Error stat(vfs::Stat& out) override {
    out = vfs::Stat{};
    out.mode = S_IFIFO | 0600;
    return {};
  }
  int open_flags() const override { return O_WRONLY; }
  std::string take() {
    std::lock_guard<std::mutex> lock(mutex_);
    return std::move(data_);
  }
  bool over() const { return over_; }

 private:
  std::mutex mutex_;
  std::string data_;
  uint64_t limit_;
  bool over_ = false;
};

}  // namespace

// $(< file): the file's contents without running a command.
static const Redirect* bare_input_redirect(const List& body) {
  if (body.items.size() != 1 || body.items[0].background) return nullptr;
  const AndOr& ao = body.items[0].and_or;
  if (ao.pipelines.size() != 1 || ao.pipelines[0].commands.size() != 1 || ao.pipelines[0].negated) return nullptr;
  const Command& c = *ao.pipelines[0].commands[0];
  if (c.kind != CommandKind::Simple) return nullptr;
  const auto& sc = c.as<SimpleCommand>();
  if (!sc.words.empty() || !sc.assigns.empty() || sc.redirects.size() != 1) return nullptr;
  const Redirect& r = sc.redirects[0];
  if (r.op != RedirOp::In || (r.fd != -1 && r.fd != 0)) return nullptr;
  return &r;
}

// bash's strings end at a NUL byte, so it drops NULs from a substitution's
// output, with a warning.
static void drop_nul_bytes(Interp& sh, std::string& out) {
  if (out.find('\0') == std::string::npos) return;
  std::erase(out, '\0');
  sh.error("warning: command substitution: ignored null byte in input");
}

std::string Interp::failed_backquote(const std::string& body) {
  ParserOptions po;
  po.first_line = st.lineno;
  po.extglob = st.opts.extglob;
  ParseError err;
  parse_script(body, err, po);
  if (err) write_err(err.format(st.arg0 + ": command substitution"));
  subst_status_ = 2;
  st.last_status = 2;
  return "";
}

std::string Interp::command_substitution(const List& body) {
  if (const Redirect* r = bare_input_redirect(body)) {
    std::string path = expand_word_string(r->target);
    vfs::FilePtr file;
    std::string data;
    if (vfs::Error e = open_file(path, O_RDONLY, file)) {
      error(path + ": " + vfs::error_text(e));
      subst_status_ = 1;
      st.last_status = 1;
      return "";
    }
    char buf[65536];
    for (;;) {
      size_t got = 0;
      if (file->read(buf, sizeof buf, got) || got == 0) break;
      data.append(buf, got);
      if (data.size() > ctx->limits.max_string_bytes) {
        ctx->hit_limit("string too long (max " + std::to_string(ctx->limits.max_string_bytes) + " bytes)");
        check_cancel();
      }
    }
    subst_status_ = 0;
    st.last_status = 0;
    drop_nul_bytes(*this, data);
    while (!data.empty() && data.back() == '\n') data.pop_back();
    return data;
  }
  if (st.subst_depth >= static_cast<int>(ctx->limits.max_substitution_depth)) {
    ctx->hit_limit("command substitution nesting too deep (max " +
                   std::to_string(ctx->limits.max_substitution_depth) + ")");
    check_cancel();
  }
  auto child = fork_child();
  child->st.subst_depth++;
  child->st.comsub_level++;
  // Without inherit_errexit, command substitutions run with -e off.
  if (!st.opts.inherit_errexit) child->st.opts.errexit = false;
  auto sink = std::make_shared<CollectFile>(ctx->limits.max_string_bytes);
  child->fds.set(1, sink);
  int status;
  {
    struct Guard {
      Interp* prev;
      ~Guard() {}
    };
    Interp* prev = current_process();
    set_current_process(child.get());
    try {
      status = child->execute_list(body);
    } catch (const ExitSignal& e) {
      status = e.status;
    } catch (const FatalSignal& e) {
      status = e.status;
    } catch (const ReturnSignal& r) {
      status = r.status;
    } catch (const LoopSignal&) {
      status = child->st.last_status;
    } catch (...) {
      set_current_process(prev);
      throw;
    }
    set_current_process(prev);
  }
  child.reset();
  check_cancel();
  if (sink->over()) {
    ctx->hit_limit("string too long (max " + std::to_string(ctx->limits.max_string_bytes) + " bytes)");
    check_cancel();
  }
  subst_status_ = status;
  st.last_status = status;
  std::string out = sink->take();
  drop_nul_bytes(*this, out);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

// `set -x` / `printf %q` quoting.
// The length of the valid UTF-8 sequence starting at s[i], or 0 when the
// byte there does not start one (bash quotes such bytes in octal).
static size_t utf8_sequence_length(std::string_view s, size_t i) {
  unsigned char c = s[i];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  return n;
}

bool needs_ansi_c_quotes(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    if (c < 32 || c == 127) return true;
    size_t n = utf8_sequence_length(s, i);
    if (n == 0) return true;
    i += n;
  }
  return false;
}

// Characters that make set -x single-quote a word (bash's shell metas).
static bool has_shell_meta(std::string_view s) {
  if (!s.empty() && (s[0] == '~' || s[0] == '#')) return true;
  for (char c : s)
    if (c && strchr(" \t\n'\"\\|&;()<>!{}*[?]^$`", c)) return true;
  return false;
}

std::string quote_for_shell(std::string_view s, bool for_xtrace) {
  if (s.empty()) return "''";
  bool plain = true;
  bool needs_ansi = needs_ansi_c_quotes(s);
  for (unsigned char c : s) {
    if (!(isalnum(c) || strchr("_-./:=@%+,^", c) || c >= 128)) plain = false;
  }
  if (needs_ansi) plain = false;
  if (for_xtrace) {
    if (plain && s[0] != '=' ) return std::string(s);
  } else if (plain && s.find('=') == std::string_view::npos && s[0] != '~') {
    return std::string(s);
  }
  // set -x: $'...' for unprintable text, unless a meta asks for '...' first
  if (needs_ansi && (!for_xtrace || !has_shell_meta(s))) {
    std::string out = "$'";
    size_t valid_until = 0;  // end of the UTF-8 sequence being copied
    for (size_t i = 0; i < s.size(); ++i) {
      unsigned char c = s[i];
      if (c >= 128 && i >= valid_until) {
        size_t n = utf8_sequence_length(s, i);
        if (n == 0) {
          char buf[8];
          snprintf(buf, sizeof buf, "\\%03o", c);
          out += buf;
          continue;
        }
        valid_until = i + n;
      }
      switch (c) {
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\r': out += "\\r"; break;
        case '\a': out += "\\a"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        case '\v': out += "\\v"; break;
        case 27: out += "\\E"; break;
        case '\'': out += "\\'"; break;
        case '\\': out += "\\\\"; break;
        default:
          if (c < 32 || c == 127) {
            char buf[8];
            snprintf(buf, sizeof buf, "\\%03o", c);
            out += buf;
          } else {
            out += static_cast<char>(c);
          }
      }
    }
    return out + "'";
  }
  if (for_xtrace) {
    std::string out = "'";
    for (char c : s) {
      if (c == '\'') out += "'\\''";
      else out += c;
    }
    return out + "'";
  }
  // printf %q style: backslash-escape specials.
  std::string out;
  for (char c : s) {
    if (!(isalnum(static_cast<unsigned char>(c)) || strchr("_-./:@%+,^", c) || static_cast<unsigned char>(c) >= 128))
      out += '\\';
    out += c;
  }
  return out;
}

}  // namespace burrow::shell
