// Recursive-descent bash parser. Lexing is context dependent in bash (what a
// `(` or `}` or `<` means depends on where it is), so the grammar functions
// drive a character-level lexer directly, one token of lookahead at a time.
#include "process/stack_guard.h"
#include "shell/parser.h"

#include <cstring>
#include <deque>
#include <stdexcept>

#include "shell/lexer.h"

namespace burrow::shell {

namespace {

struct SyntaxError {
  ParseError err;
};

enum class Tk { Word, Op, Newline, End };

struct Token {
  Tk type = Tk::End;
  std::string op;
  Word word;
  int line = 0;
  size_t pos = 0;          // main-source offset where the token starts
  bool io_number = false;  // digits directly before < or >
  bool io_var = false;     // {name} directly before < or >
  bool after_blank_alias = false;  // follows an alias whose value ends in a blank
};

bool is_blank(int c) { return c == ' ' || c == '\t'; }
bool is_meta(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '(' ||
         c == ')' || c == '<' || c == '>';
}
bool is_name_start(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(int c) { return is_name_start(c) || (c >= '0' && c <= '9'); }
bool is_digit(int c) { return c >= '0' && c <= '9'; }

const char* const kReserved[] = {"if",   "then",   "else", "elif", "fi", "case",   "esac",
                                 "for",  "select", "while", "until", "do", "done", "in",
                                 "function", "time", "{",   "}",    "!",  "[[",   "]]",
                                 "coproc"};

bool is_reserved(std::string_view s) {
  for (const char* r : kReserved)
    if (s == r) return true;
  return false;
}

// Quote removal on the raw text of a here-document delimiter.
std::string unquote_delim(std::string_view raw, bool* quoted) {
  std::string out;
  *quoted = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\\' && i + 1 < raw.size()) {
      *quoted = true;
      out.push_back(raw[++i]);
    } else if (c == '\'' || c == '"') {
      *quoted = true;
      char q = c;
      ++i;
      while (i < raw.size() && raw[i] != q) {
        if (q == '"' && raw[i] == '\\' && i + 1 < raw.size() &&
            std::strchr("$`\"\\", raw[i + 1]))
          ++i;
        out.push_back(raw[i++]);
      }
    } else if (c == '$' && i + 1 < raw.size() && (raw[i + 1] == '\'' || raw[i + 1] == '"')) {
      continue;  // $'x' and $"x": the quotes are handled on the next round
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// `src` is the character as written (with its backslash, if escaped).
void add_literal(std::vector<WordPart>& parts, char c, bool quoted, std::string_view src = {}) {
  if (parts.empty() || parts.back().kind != WordPartKind::Literal ||
      parts.back().quoted != quoted) {
    WordPart p(WordPartKind::Literal);
    p.quoted = quoted;
    parts.push_back(std::move(p));
  }
  WordPart& p = parts.back();
  p.text.push_back(c);
  if (src.empty()) p.source.push_back(c);
  else p.source.append(src);
}

void add_literal(std::vector<WordPart>& parts, std::string_view s, bool quoted) {
  for (char c : s) add_literal(parts, c, quoted);
}

struct PendingHeredoc {
  Command* owner;
  size_t index;
};

// Where a word being lexed ends.
enum class WordMode {
  Normal,    // at an unquoted metacharacter
  Cond,      // inside [[ ]]: as Normal
  Regex,     // right of =~: ( ) | are pattern text, blanks end it at depth 0
  DQuote,    // inside "...": at the closing quote
  Heredoc,   // here-document body: at end of input
  Prompt,    // a decoded prompt string: as Heredoc, but \" is an escape (double-quote rules)
  ParamArg,  // ${x-word}: at } (and / for a replace pattern)
  Arith,     // $(( )) (( )) for(( )): at ) or ; at depth 0 (caller checks)
  Subscript, // [ ... ]: at ] at depth 0
};

class Core {
 public:
  Core(Reader& r, ParserOptions& opts, int& depth) : r_(r), opts_(opts), depth_(depth) {}

  std::vector<std::string> warnings;

  // ---- errors ------------------------------------------------------------
  [[noreturn]] void fail_token(const Token& t) {
    if (t.type == Tk::End) fail_eof();
    std::string text;
    switch (t.type) {
      case Tk::Word: text = t.word.raw; break;
      case Tk::Op: text = t.op; break;
      case Tk::Newline: text = "newline"; break;
      default: break;
    }
    ParseError e;
    e.message = "syntax error near unexpected token `" + text + "'";
    e.line = t.line;
    e.line_text = r_.line_text_at(t.pos);
    e.has_line_text = true;
    throw SyntaxError{std::move(e)};
  }
  [[noreturn]] void fail_eof() {
    ParseError e;
    e.message = "syntax error: unexpected end of file";
    e.line = r_.eof_line();
    e.incomplete = true;
    throw SyntaxError{std::move(e)};
  }
  [[noreturn]] void fail_matching(char c, int line) {
    ParseError e;
    e.message = std::string("unexpected EOF while looking for matching `") + c + "'";
    e.line = line;
    e.incomplete = true;
    throw SyntaxError{std::move(e)};
  }
  [[noreturn]] void fail_msg(std::string msg, int line) {
    ParseError e;
    e.message = std::move(msg);
    e.line = line;
    throw SyntaxError{std::move(e)};
  }

  struct DepthGuard {
    Core& c;
    explicit DepthGuard(Core& core) : c(core) {
      if (++c.depth_ > c.opts_.max_depth || stack_nearly_exhausted()) {
        --c.depth_;
        c.fail_msg("maximum nesting depth exceeded", c.r_.line());
      }
    }
    ~DepthGuard() { --c.depth_; }
  };

  // ---- tokens ------------------------------------------------------------
  Token& peek() {
    if (!have_) {
      tok_ = lex();
      have_ = true;
      // The word after an alias ending in a blank is itself checked for an
      // alias, wherever it stands (a for loop's name, `in`, an argument).
      if (tok_.after_blank_alias && alias_chain_ < 100) {
        ++alias_chain_;
        maybe_alias();
        --alias_chain_;
      }
    }
    return tok_;
  }
  Token take() {
    peek();
    have_ = false;
    return std::move(tok_);
  }
  bool peek_op(std::string_view op) {
    auto& t = peek();
    return t.type == Tk::Op && t.op == op;
  }
  // The current token is a reserved word (only meaningful in command position).
  bool peek_reserved(std::string_view w) {
    auto& t = peek();
    std::string s;
    return t.type == Tk::Word && !t.io_number && !t.io_var && t.word.is_plain_literal(&s) && s == w;
  }
  std::string peek_plain() {
    auto& t = peek();
    std::string s;
    if (t.type == Tk::Word && !t.io_number && !t.io_var && t.word.is_plain_literal(&s)) return s;
    return {};
  }
  void skip_newlines() {
    while (peek().type == Tk::Newline) take();
  }
  void expect_reserved(std::string_view w) {
    if (!peek_reserved(w)) fail_token(peek());
    take();
  }

  // Expands an alias if the current token, in command position, names one.
  void maybe_alias() {
    if (!opts_.alias_lookup) return;
    for (int guard = 0; guard < 100; ++guard) {
      auto& t = peek();
      std::string s;
      if (t.type != Tk::Word || t.io_number || t.io_var || !t.word.is_plain_literal(&s)) return;
      if (r_.alias_active(s)) return;
      auto rep = opts_.alias_lookup(s);
      if (!rep) return;
      have_ = false;
      r_.push_alias(s, *rep);
    }
  }

  void skip_blanks() {
    for (;;) {
      int c = r_.peek();
      if (is_blank(c)) {
        r_.get();
      } else if (c == '\\' && r_.peek(1) == '\n') {
        // A line continuation counts as a blank after a blank-ended alias.
        bool after_alias = r_.after_blank_alias();
        r_.get();
        r_.get();
        r_.set_after_blank_alias(after_alias);
      } else {
        return;
      }
    }
  }

  Token lex() {
    skip_blanks();
    Token t;
    t.after_blank_alias = r_.after_blank_alias();
    t.line = r_.line();
    t.pos = r_.pos();
    int c = r_.peek();
    if (c == '#') {
      while (r_.peek() != '\n' && r_.peek() != kEof) r_.get();
      c = r_.peek();
    }
    if (c == kEof) {
      t.type = Tk::End;
      return t;
    }
    if (c == '\n') {
      r_.get();
      t.type = Tk::Newline;
      read_heredocs();
      return t;
    }
    if ((c == '<' || c == '>') && r_.peek(1) == '(') {
      // process substitution starts a word
    } else if (is_meta(c) && !is_blank(c)) {
      t.type = Tk::Op;
      t.op = lex_op();
      return t;
    }
    t.type = Tk::Word;
    size_t start = r_.record().size();
    t.word.line = t.line;
    lex_word_into(t.word, WordMode::Normal);
    t.word.raw = r_.record().substr(start);
    int n = r_.peek();
    if ((n == '<' || n == '>') && r_.peek(1) != '(') {
      std::string s;
      if (t.word.is_plain_literal(&s) && !s.empty()) {
        bool digits = true;
        for (char ch : s) digits = digits && is_digit(static_cast<unsigned char>(ch));
        if (digits && s.size() < 10) t.io_number = true;
        if (s.size() > 2 && s.front() == '{' && s.back() == '}') {
          // {name} or {name[subscript]} (exec {COPROC[1]}>&-)
          std::string_view inner = std::string_view(s).substr(1, s.size() - 2);
          size_t bracket = inner.find('[');
          if (bracket != std::string_view::npos && bracket > 0 && inner.back() == ']') inner = inner.substr(0, bracket);
          if (is_name(inner)) t.io_var = true;
        }
      }
    }
    return t;
  }

  std::string lex_op() {
    static const char* const ops[] = {";;&", ";;", ";&", ";",  "&&",  "&>>", "&>", "&",
                                      "||",  "|&", "|",  "(",  ")",   "<<<", "<<-", "<<",
                                      "<&",  "<>", "<",  ">>", ">&",  ">|",  ">"};
    for (const char* op : ops) {
      size_t n = std::strlen(op);
      bool ok = true;
      for (size_t i = 0; i < n && ok; ++i) ok = r_.peek(i) == static_cast<unsigned char>(op[i]);
      if (ok) {
        for (size_t i = 0; i < n; ++i) r_.get();
        return op;
      }
    }
    r_.get();
    return "?";
  }

  // ---- words -------------------------------------------------------------
  // Reads word parts until the mode's terminator; the terminator is not read.
  void lex_word_into(Word& w, WordMode mode) {
    DepthGuard guard(*this);
    lex_parts(w.parts, mode, 0);
    if (mode == WordMode::Normal || mode == WordMode::Cond) mark_assignment_tilde(w);
  }

  // In NAME=value words, a tilde after `=` or an unquoted `:` is expanded.
  void mark_assignment_tilde(Word& w) {
    if (w.parts.empty() || w.parts[0].kind != WordPartKind::Literal || w.parts[0].quoted) return;
    const std::string& t = w.parts[0].text;
    size_t i = 0;
    if (i >= t.size() || !is_name_start(static_cast<unsigned char>(t[0]))) return;
    while (i < t.size() && is_name_char(static_cast<unsigned char>(t[i]))) ++i;
    if (i < t.size() && t[i] == '[') {
      size_t close = t.find(']', i);
      if (close == std::string::npos) return;
      i = close + 1;
    }
    if (i < t.size() && t[i] == '+') ++i;
    if (i >= t.size() || t[i] != '=') return;
    mark_tildes_after(w, i);
  }

  // In an assignment, the operand of ${x-w} and ${x+w} also gets a tilde
  // after each unquoted `:` (bash: x=${u-~:~} is $HOME:$HOME; not so for
  // ${x=w} and ${x?w}, nor in an `echo x=...` argument).
  void mark_operand_tildes(ParamExp& e) {
    if (e.op != ParamOp::Default && e.op != ParamOp::Alternate) return;
    mark_tildes_after(e.arg, std::string::npos);
  }

  // Splits literal parts at `=` (position `i` of the first part; npos for
  // none) or an unquoted `:` followed by ~, and builds Tilde parts.
  void mark_tildes_after(Word& w, size_t i) {
    std::vector<WordPart> out;
    bool first = true;
    for (size_t pi = 0; pi < w.parts.size(); ++pi) {
      WordPart& p = w.parts[pi];
      if (p.kind != WordPartKind::Literal || p.quoted) {
        out.push_back(std::move(p));
        first = false;
        continue;
      }
      const std::string& s = p.text;
      size_t from = 0;
      size_t scan = first && i != std::string::npos ? i : 0;
      std::string cur;
      for (size_t k = 0; k < s.size(); ++k) {
        bool boundary = (k == i && first) || (s[k] == ':' && k >= scan);
        cur.push_back(s[k]);
        if (!boundary || k + 1 >= s.size() || s[k + 1] != '~') continue;
        // tilde prefix: up to / or : or end of this literal, must end there
        size_t e = k + 2;
        while (e < s.size() && s[e] != '/' && s[e] != ':') ++e;
        bool ends_ok = e < s.size() || pi + 1 == w.parts.size();
        if (!ends_ok) continue;
        add_literal(out, cur, false);
        cur.clear();
        WordPart tp(WordPartKind::Tilde);
        tp.text = s.substr(k + 2, e - (k + 2));
        out.push_back(std::move(tp));
        k = e - 1;
        from = e;
      }
      (void)from;
      if (!cur.empty()) add_literal(out, cur, false);
      first = false;
    }
    w.parts = std::move(out);
  }

  bool word_terminates(WordMode mode, int c, int paren_depth, int brace_depth) {
    switch (mode) {
      case WordMode::Normal:
      case WordMode::Cond: return c == kEof || is_meta(c);
      case WordMode::Regex:
        return c == kEof || (paren_depth == 0 && (is_blank(c) || c == '\n' || c == ';' ||
                                                  c == '&' || c == '<' || c == '>' ||
                                                  c == ')'));
      case WordMode::DQuote: return c == kEof || c == '"';
      case WordMode::Heredoc:
      case WordMode::Prompt: return c == kEof;
      case WordMode::ParamArg: return c == kEof || (c == '}' && brace_depth == 0);
      case WordMode::Arith: return c == kEof || (paren_depth == 0 && (c == ')' || c == ';'));
      case WordMode::Subscript: return c == kEof || (c == ']' && brace_depth == 0);
    }
    return true;
  }

  // stop_char: an extra terminator for ParamArg (the `/` of ${x/p/r}, `:` of
  // ${x:o:l}), 0 for none. in_dq: the ${} being read is inside "...".
  void lex_parts(std::vector<WordPart>& parts, WordMode mode, int stop_char,
                 bool in_dq = false, bool literal_squote = false) {
    int paren = 0, brace = 0, bracket = 0;
    int pending_ternary = 0;  // `?` seen in a slice offset, awaiting its `:`
    bool quoted_ctx = mode == WordMode::DQuote || mode == WordMode::Heredoc || mode == WordMode::Prompt;
    bool lit_quoted = quoted_ctx || (mode == WordMode::ParamArg && in_dq);
    // In "${x-'...'}" the single quotes stay as text but still hide a `}`.
    bool dq_squote_pairs = mode == WordMode::ParamArg && in_dq && literal_squote;
    bool in_squote = false;
    int squote_line = 0;
    for (;;) {
      int c = r_.peek();
      if (in_squote && c == kEof) fail_matching('\'', squote_line);
      if (in_squote && c != kEof && c != '\'' && c != '$' && c != '`' && c != '\\') {
        r_.get();
        add_literal(parts, static_cast<char>(c), lit_quoted);
        continue;
      }
      if (stop_char && c == stop_char && paren == 0 && brace == 0 && bracket == 0) {
        // A slice offset's `:` that closes a `? :` belongs to the offset:
        // ${s: 0 < 1 ? 2 : 0 : 1} has offset `0 < 1 ? 2 : 0`.
        if (stop_char != ':' || pending_ternary == 0) return;
        --pending_ternary;
      } else if (stop_char == ':' && c == '?' && paren == 0 && brace == 0 && bracket == 0) {
        ++pending_ternary;
      }
      if (mode == WordMode::Subscript) {
        if (c == '[') ++bracket;
        if (c == ']' && bracket > 0) {
          --bracket;
          r_.get();
          add_literal(parts, ']', false);
          continue;
        }
        if (word_terminates(mode, c, paren, bracket)) return;
      } else if (word_terminates(mode, c, paren, brace)) {
        if ((mode == WordMode::Normal || mode == WordMode::Cond) && (c == '<' || c == '>') &&
            r_.peek(1) == '(') {
          parse_process_subst(parts);
          continue;
        }
        if ((mode == WordMode::Normal || mode == WordMode::Cond) && c == '(' && opts_.extglob &&
            !parts.empty() && parts.back().kind == WordPartKind::Literal &&
            !parts.back().quoted && !parts.back().text.empty() &&
            std::strchr("@*+?!", parts.back().text.back())) {
          parse_extglob_group(parts);
          continue;
        }
        return;
      }
      if (c == '[' && mode == WordMode::Normal && assign_ok_ && parts.size() == 1 &&
          parts[0].kind == WordPartKind::Literal && !parts[0].quoted &&
          is_name(parts[0].text) && subscript_assignment_ahead()) {
        // NAME[sub]=... before the command name: the subscript may hold blanks.
        r_.get();
        add_literal(parts, '[', false);
        lex_parts(parts, WordMode::Subscript, 0);
        if (r_.peek() == ']') {
          r_.get();
          add_literal(parts, ']', false);
        }
        continue;
      }
      if (mode == WordMode::Regex || mode == WordMode::Arith) {
        if (c == '(') ++paren;
        if (c == ')') --paren;
      }
      if (mode == WordMode::ParamArg && !in_dq) {
        if (c == '{') ++brace;
        if (c == '}') --brace;
      } else if (mode == WordMode::ParamArg) {
        if (c == '{') ++brace;
        if (c == '}') --brace;
      }
      switch (c) {
        case '\\': {
          r_.get();
          int n = r_.peek();
          if (n == '\n') {
            r_.get();
            continue;
          }
          if (n == kEof) {
            add_literal(parts, '\\', quoted_ctx, "\\");
            continue;
          }
          // In arithmetic a backslash quotes only what it would in "...".
          if (quoted_ctx || (mode == WordMode::ParamArg && in_dq) || mode == WordMode::Arith) {
            const char* special = mode == WordMode::Heredoc ? "$`\\" : "$`\"\\";
            if (mode == WordMode::ParamArg) special = "$`\"\\}";
            if (!std::strchr(special, n)) {
              add_literal(parts, '\\', lit_quoted);
              continue;
            }
          }
          r_.get();
          {
            char esc[2] = {'\\', static_cast<char>(n)};
            add_literal(parts, static_cast<char>(n), true, std::string_view(esc, 2));
          }
          continue;
        }
        case '\'':
          if (dq_squote_pairs) {
            in_squote = !in_squote;
            squote_line = r_.line();
          }
          // bash leaves single quotes in (( )) and $(( )) for the arithmetic
          // to reject: `$(( '1' + 2 ))` is an error there.
          if (quoted_ctx || literal_squote || mode == WordMode::Arith) break;
          parse_single_quote(parts);
          continue;
        case '"':
          if (quoted_ctx) break;
          parse_double_quote(parts, false);
          continue;
        case '$':
          if (parse_dollar(parts, quoted_ctx || in_dq, mode)) continue;
          break;
        case '`':
          parse_backquote(parts, quoted_ctx || in_dq);
          continue;
        case '~':
          if (parts.empty() && (mode == WordMode::Normal || mode == WordMode::Cond || mode == WordMode::Regex ||
                                (mode == WordMode::ParamArg && !in_dq))) {
            if (parse_tilde(parts, mode)) continue;
          }
          break;
        default: break;
      }
      r_.get();
      add_literal(parts, static_cast<char>(c), lit_quoted);
    }
  }

  // At `[`: is there a matching `]` followed by `=` or `+=` on this line?
  bool subscript_assignment_ahead() {
    int depth = 0;
    for (size_t k = 0; k < 4096; ++k) {
      int c = r_.peek(k);
      if (c == kEof || c == '\n') return false;
      if (c == '\\') {
        ++k;
        continue;
      }
      if (c == '[') ++depth;
      if (c == ']' && --depth == 0) {
        int n = r_.peek(k + 1);
        return n == '=' || (n == '+' && r_.peek(k + 2) == '=');
      }
    }
    return false;
  }

  bool parse_tilde(std::vector<WordPart>& parts, WordMode mode) {
    size_t k = 1;
    std::string user;
    // bash ends a tilde prefix at `:` as well as `/` (`~:~` is $HOME:~).
    for (;;) {
      int c = r_.peek(k);
      if (c == kEof || c == '/' || c == ':' || is_meta(c) || (mode == WordMode::ParamArg && c == '}')) break;
      if (c == '\\' || c == '\'' || c == '"' || c == '$' || c == '`') return false;
      // `~{/src,root}`: braces expand first; the words that begin with ~
      // then get their tilde (see brace_expand_word).
      if (c == '{') return false;
      user.push_back(static_cast<char>(c));
      ++k;
    }
    for (size_t i = 0; i < k; ++i) r_.get();
    WordPart p(WordPartKind::Tilde);
    p.text = std::move(user);
    parts.push_back(std::move(p));
    return true;
  }

  void parse_single_quote(std::vector<WordPart>& parts) {
    int line = r_.line();
    r_.get();
    WordPart p(WordPartKind::SingleQuoted);
    for (;;) {
      int c = r_.get();
      if (c == kEof) fail_matching('\'', line);
      if (c == '\'') break;
      p.text.push_back(static_cast<char>(c));
    }
    parts.push_back(std::move(p));
  }

  void parse_double_quote(std::vector<WordPart>& parts, bool locale) {
    DepthGuard guard(*this);
    int line = r_.line();
    r_.get();
    WordPart p(locale ? WordPartKind::LocaleQuoted : WordPartKind::DoubleQuoted);
    lex_parts(p.parts, WordMode::DQuote, 0);
    if (r_.peek() != '"') fail_matching('"', line);
    r_.get();
    parts.push_back(std::move(p));
  }

  void parse_ansi_c(std::vector<WordPart>& parts) {
    int line = r_.line();
    r_.get();  // '
    std::string raw;
    for (;;) {
      int c = r_.get();
      if (c == kEof) fail_matching('\'', line);
      if (c == '\'') break;
      raw.push_back(static_cast<char>(c));
      if (c == '\\') {
        int n = r_.get();
        if (n == kEof) fail_matching('\'', line);
        raw.push_back(static_cast<char>(n));
      }
    }
    WordPart p(WordPartKind::AnsiC);
    p.text = decode_ansi_c(raw);
    parts.push_back(std::move(p));
  }

  // After `$`. Returns false when the `$` is a plain character.
  bool parse_dollar(std::vector<WordPart>& parts, bool in_dq, WordMode mode) {
    int n = r_.peek(1);
    if (n == '\'' && !in_dq && mode != WordMode::Heredoc && mode != WordMode::Prompt) {
      r_.get();
      if (mode == WordMode::Arith) {
        // bash turns $'x' into 'x' inside arithmetic, which then rejects the
        // quotes: `(( i = $'3' ))` is an error, as `(( i = '3' ))` is.
        std::vector<WordPart> decoded;
        parse_ansi_c(decoded);
        std::string text = "'" + decoded.back().text + "'";
        for (char c : text) add_literal(parts, c, false);
        return true;
      }
      parse_ansi_c(parts);
      return true;
    }
    if (n == '"' && !in_dq && mode != WordMode::Heredoc && mode != WordMode::Prompt) {
      r_.get();
      parse_double_quote(parts, true);
      return true;
    }
    if (n == '(') {
      // $( and $(( nest through the word reader, outside the DepthGuard.
      DepthGuard depth(*this);
      if (r_.peek(2) == '(' && looks_like_arith(3)) {
        parse_arith_subst(parts);
      } else {
        parse_command_subst(parts);
      }
      return true;
    }
    if (n == '[') {  // $[ expr ]: old arithmetic syntax
      int line = r_.line();
      r_.get();
      r_.get();
      size_t start = r_.record().size();
      WordPart p(WordPartKind::Arith);
      p.arith = std::make_unique<Word>();
      lex_parts(p.arith->parts, WordMode::Subscript, 0);
      if (r_.peek() != ']') fail_matching(']', line);
      p.arith_raw = r_.record().substr(start);
      p.arith->raw = p.arith_raw;
      r_.get();
      parts.push_back(std::move(p));
      return true;
    }
    if (n == '{') {
      parse_brace_param(parts, in_dq);
      return true;
    }
    std::string name;
    if (n == '\\' && r_.peek(2) == '\n') {
      // `$\<newline>?`: a line continuation between $ and a name or special
      // parameter is removed first.
      size_t k = 1;
      while (r_.peek(k) == '\\' && r_.peek(k + 1) == '\n') k += 2;
      int c = r_.peek(k);
      if (!is_name_start(c) && !is_digit(c) && (c == kEof || !std::strchr("@*#?-$!", c))) return false;
      while (k-- > 0) r_.get();
      if (is_name_start(c)) {
        while (is_name_char(r_.peek())) name.push_back(static_cast<char>(r_.get()));
      } else {
        name.push_back(static_cast<char>(r_.get()));
      }
    } else if (is_name_start(n)) {
      r_.get();
      while (is_name_char(r_.peek())) name.push_back(static_cast<char>(r_.get()));
    } else if (is_digit(n) || (n != kEof && std::strchr("@*#?-$!", n))) {
      r_.get();
      name.push_back(static_cast<char>(r_.get()));
    } else {
      return false;
    }
    WordPart p(WordPartKind::Param);
    p.param = std::make_unique<ParamExp>();
    p.param->name = name;
    p.param->raw = "$" + name;
    parts.push_back(std::move(p));
    return true;
  }

  // Decides whether `$((` / `((` starting at peek(k) (just past the two
  // parens) closes with `))` (arithmetic) or with `) )` (nested subshells).
  bool looks_like_arith(size_t k) {
    int depth = 0;
    // Bounded, so that hostile input cannot make this quadratic; past the
    // bound it is arithmetic, as bash would most likely decide as well.
    size_t limit = k + 65536;
    for (;; ++k) {
      if (k > limit) return true;
      int c = r_.peek(k);
      if (c == kEof) return true;
      if (c == '\\') {
        ++k;
        continue;
      }
      if (c == '\'' || c == '"') {
        int q = c;
        for (++k; r_.peek(k) != q && r_.peek(k) != kEof; ++k)
          if (q == '"' && r_.peek(k) == '\\') ++k;
        if (r_.peek(k) == kEof) return true;
        continue;
      }
      if (c == '(') ++depth;
      if (c == ')') {
        if (depth == 0) return r_.peek(k + 1) == ')';
        --depth;
      }
    }
  }

  void parse_arith_subst(std::vector<WordPart>& parts) {
    int line = r_.line();
    r_.get();
    r_.get();
    r_.get();
    WordPart p(WordPartKind::Arith);
    p.arith = std::make_unique<Word>();
    p.arith->line = line;
    p.arith_raw = read_arith(*p.arith, line, true);
    p.arith->raw = p.arith_raw;
    parts.push_back(std::move(p));
  }

  // Reads an arithmetic expression up to `))` and consumes it (or up to `)`
  // when double is false). Returns the raw text.
  std::string read_arith(Word& w, int line, bool dbl) {
    size_t start = r_.record().size();
    for (;;) {
      lex_parts(w.parts, WordMode::Arith, 0);
      int c = r_.peek();
      if (c == kEof) fail_matching(')', line);
      if (c == ';') {  // not special in (( )); keep it as text
        r_.get();
        add_literal(w.parts, ';', false);
        continue;
      }
      break;
    }
    std::string raw = r_.record().substr(start);
    r_.get();  // )
    if (dbl) {
      if (r_.peek() != ')') fail_matching(')', line);
      r_.get();
    }
    return raw;
  }

  void parse_command_subst(std::vector<WordPart>& parts) {
    r_.get();
    r_.get();
    WordPart p(WordPartKind::CommandSubst);
    p.command = parse_nested_list(')');
    parts.push_back(std::move(p));
  }

  void parse_process_subst(std::vector<WordPart>& parts) {
    WordPart p(WordPartKind::ProcessSubst);
    p.process_output = r_.get() == '>';
    r_.get();
    p.command = parse_nested_list(')');
    parts.push_back(std::move(p));
  }

  // The list inside $( ... ) or <( ... ): parsed in place, ends at `)`.
  std::shared_ptr<List> parse_nested_list(char close) {
    DepthGuard guard(*this);
    // A nested parse shares the reader; save our lookahead state.
    bool saved_have = have_;
    Token saved = std::move(tok_);
    have_ = false;
    auto list = std::make_shared<List>();
    list->line = r_.line();
    *list = parse_compound_list(StopSet{{}, true});
    auto& t = peek();
    if (!(t.type == Tk::Op && t.op == ")")) {
      if (t.type == Tk::End) fail_matching(close, r_.eof_line());
      fail_token(t);
    }
    have_ = false;  // the `)` was read by lex(); nothing else is pending
    tok_ = std::move(saved);
    have_ = saved_have;
    return list;
  }

  void parse_backquote(std::vector<WordPart>& parts, bool in_dq) {
    int line = r_.line();
    r_.get();
    std::string text, raw;
    for (;;) {
      int c = r_.get();
      if (c == kEof) fail_matching('`', line);
      if (c == '`') break;
      if (c == '\\' && r_.peek() == '\n') {  // line continuation
        r_.get();
        continue;
      }
      raw.push_back(static_cast<char>(c));
      if (c == '\\') {
        int n = r_.peek();
        if (n == '$' || n == '`' || n == '\\' || (in_dq && n == '"')) {
          text.push_back(static_cast<char>(r_.get()));
          raw.push_back(static_cast<char>(n));
          continue;
        }
      }
      text.push_back(static_cast<char>(c));
    }
    WordPart p(WordPartKind::CommandSubst);
    p.backquote = true;
    p.text = std::move(raw);
    // bash parses `...` only when it expands it, so a syntax error inside is
    // a run-time error: leave command empty and let the interpreter re-parse.
    try {
      p.command = parse_sub_source(text, line);
    } catch (SyntaxError&) {
      p.command = nullptr;
      p.backquote_source = std::move(text);
    }
    parts.push_back(std::move(p));
  }

  std::shared_ptr<List> parse_sub_source(std::string text, int line);

  void parse_extglob_group(std::vector<WordPart>& parts) {
    int line = r_.line();
    r_.get();
    add_literal(parts, '(', false);
    int depth = 1;
    for (;;) {
      int c = r_.peek();
      if (c == kEof) fail_matching(')', line);
      if (c == '(') ++depth;
      if (c == ')' && --depth == 0) {
        r_.get();
        add_literal(parts, ')', false);
        return;
      }
      switch (c) {
        case '\\':
          r_.get();
          if (r_.peek() == kEof) fail_matching(')', line);
          {
            char esc[2] = {'\\', static_cast<char>(r_.get())};
            add_literal(parts, esc[1], true, std::string_view(esc, 2));
          }
          continue;
        case '\'': parse_single_quote(parts); continue;
        case '"': parse_double_quote(parts, false); continue;
        case '$':
          if (parse_dollar(parts, false, WordMode::Normal)) continue;
          break;
        case '`': parse_backquote(parts, false); continue;
        default: break;
      }
      r_.get();
      add_literal(parts, static_cast<char>(c), false);
    }
  }

  void parse_brace_param(std::vector<WordPart>& parts, bool in_dq) {
    DepthGuard guard(*this);
    int line = r_.line();
    size_t start = r_.record().size();
    r_.get();
    r_.get();
    auto pe = std::make_unique<ParamExp>();
    pe->braced = true;
    ParamExp& e = *pe;
    auto finish = [&]() {
      if (r_.peek() != '}') {
        // Unknown operator: skip to the matching } and flag as bad.
        e.op = ParamOp::Bad;
        int depth = 0;
        for (;;) {
          int c = r_.peek();
          if (c == kEof) fail_matching('}', line);
          if (c == '{') ++depth;
          if (c == '}' && depth-- == 0) break;
          if (c == '\\') r_.get();
          r_.get();
        }
      }
      r_.get();
      e.raw = r_.record().substr(start);
      WordPart p(WordPartKind::Param);
      p.param = std::move(pe);
      parts.push_back(std::move(p));
    };
    int c = r_.peek();
    // ${#...}: length, unless it is ${#} or ${#-...} style special use.
    // ${##2}, ${#%2}, ${#/2/x} and ${#@Q} apply an operator to $# (${##} is its length).
    bool op_on_count = c == '#' && r_.peek(1) != kEof && std::strchr("#%/@", r_.peek(1)) &&
                       r_.peek(2) != '}' && r_.peek(2) != kEof;
    if (c == '#' && r_.peek(1) != '}' && !op_on_count &&
        !(std::strchr("-=?+:", r_.peek(1)) && r_.peek(2) != '}' && r_.peek(1) != kEof)) {
      r_.get();
      e.op = ParamOp::Length;
      read_param_name(e);
      if (e.name.empty()) e.op = ParamOp::Bad;
      return finish();
    }
    if (c == '!' && r_.peek(1) != '}' && r_.peek(1) != kEof) {
      r_.get();
      e.indirect = true;
    }
    read_param_name(e);
    if (e.name.empty()) {
      e.indirect = false;
      e.op = ParamOp::Bad;
      return finish();
    }
    c = r_.peek();
    if (e.indirect) {
      if ((c == '*' || c == '@') && r_.peek(1) == '}' && !e.has_subscript) {
        e.indirect = false;
        e.op = ParamOp::PrefixNames;
        e.names_char = static_cast<char>(r_.get());
        return finish();
      }
      if (c == '}' && e.has_subscript && (e.subscript_raw == "@" || e.subscript_raw == "*")) {
        e.indirect = false;
        e.op = ParamOp::ArrayKeys;
        return finish();
      }
    }
    switch (c) {
      case '}': return finish();
      case ':': {
        int n = r_.peek(1);
        if (n == '-' || n == '=' || n == '?' || n == '+') {
          r_.get();
          e.colon = true;
          return op_word(e, r_.get(), in_dq, finish);
        }
        r_.get();
        e.op = ParamOp::Substring;
        lex_parts(e.arg.parts, WordMode::ParamArg, ':', in_dq, true);
        if (r_.peek() == ':') {
          r_.get();
          e.has_arg2 = true;
          lex_parts(e.arg2.parts, WordMode::ParamArg, 0, in_dq, true);
        }
        return finish();
      }
      case '-':
      case '=':
      case '?':
      case '+': r_.get(); return op_word(e, c, in_dq, finish);
      case '#':
      case '%':
        r_.get();
        e.op = c == '#' ? ParamOp::RemovePrefix : ParamOp::RemoveSuffix;
        if (r_.peek() == c) {
          r_.get();
          e.longest = true;
        }
        lex_parts(e.arg.parts, WordMode::ParamArg, 0, false);
        return finish();
      case '/':
        r_.get();
        e.op = ParamOp::Replace;
        if (r_.peek() == '/') {
          r_.get();
          e.replace_mode = ReplaceMode::All;
          // bash reads a "/" right after "//" as the pattern's first character: ${x////-}
          if (r_.peek() == '/') {
            r_.get();
            WordPart slash(WordPartKind::Literal);
            slash.text = "/";
            e.arg.parts.push_back(std::move(slash));
          }
        } else if (r_.peek() == '#') {
          r_.get();
          e.replace_mode = ReplaceMode::Prefix;
        } else if (r_.peek() == '%') {
          r_.get();
          e.replace_mode = ReplaceMode::Suffix;
        }
        lex_parts(e.arg.parts, WordMode::ParamArg, '/', false);
        if (r_.peek() == '/') {
          r_.get();
          e.has_arg2 = true;
          lex_parts(e.arg2.parts, WordMode::ParamArg, 0, in_dq);
        }
        return finish();
      case '^':
      case ',':
      case '~':
        r_.get();
        e.op = c == '^' ? ParamOp::UpperFirst : c == ',' ? ParamOp::LowerFirst : ParamOp::ToggleFirst;
        if (r_.peek() == c) {
          r_.get();
          e.longest = true;
        }
        lex_parts(e.arg.parts, WordMode::ParamArg, 0, false);
        return finish();
      case '@':
        r_.get();
        e.op = ParamOp::Transform;
        if (r_.peek() != kEof && r_.peek() != '}') e.transform = static_cast<char>(r_.get());
        if (r_.peek() != '}' || !std::strchr("QEPAKaULuk", e.transform ? e.transform : ' '))
          e.op = ParamOp::Bad;
        return finish();
      default: e.op = ParamOp::Bad; return finish();
    }
  }

  template <class F>
  void op_word(ParamExp& e, int c, bool in_dq, F& finish) {
    e.op = c == '-'   ? ParamOp::Default
           : c == '=' ? ParamOp::Assign
           : c == '?' ? ParamOp::Error
                      : ParamOp::Alternate;
    // Inside "...", single quotes in these operands are ordinary characters.
    lex_parts(e.arg.parts, WordMode::ParamArg, 0, in_dq, in_dq);
    finish();
  }

  void read_param_name(ParamExp& e) {
    int c = r_.peek();
    if (is_name_start(c)) {
      while (is_name_char(r_.peek())) e.name.push_back(static_cast<char>(r_.get()));
    } else if (is_digit(c)) {
      while (is_digit(r_.peek())) e.name.push_back(static_cast<char>(r_.get()));
    } else if (c != kEof && std::strchr("@*#?-$!", c)) {
      e.name.push_back(static_cast<char>(r_.get()));
      return;
    } else {
      return;
    }
    if (r_.peek() == '[' && is_name_start(static_cast<unsigned char>(e.name[0]))) {
      int line = r_.line();
      r_.get();
      size_t start = r_.record().size();
      lex_parts(e.subscript.parts, WordMode::Subscript, 0);
      if (r_.peek() != ']') fail_matching('}', line);
      e.subscript_raw = r_.record().substr(start);
      e.subscript.raw = e.subscript_raw;
      r_.get();
      e.has_subscript = true;
    }
  }

  // ---- here-documents ----------------------------------------------------
  std::vector<PendingHeredoc> pending_;

  // After an error bash recovers from: drops the rest of the line.
  void skip_rest_of_line() {
    for (int c = r_.get(); c != kEof && c != '\n'; c = r_.get()) {
    }
    have_ = false;
    pending_.clear();
  }

  void read_heredocs() {
    auto pend = std::move(pending_);
    pending_.clear();
    for (auto& ph : pend) {
      Redirect& rd = ph.owner->redirects[ph.index];
      bool strip = rd.op == RedirOp::HereDocStrip;
      std::string body;
      int body_line = r_.line();
      bool found = false;
      while (r_.peek() != kEof) {
        std::string line;
        int c;
        while ((c = r_.get()) != kEof && c != '\n') line.push_back(static_cast<char>(c));
        if (strip) {
          size_t i = 0;
          while (i < line.size() && line[i] == '\t') ++i;
          line.erase(0, i);
        }
        if (line == rd.heredoc_delim) {
          found = true;
          break;
        }
        body += line;
        body.push_back('\n');
        if (c == kEof) break;
      }
      if (!found) {
        warnings.push_back("line " + std::to_string(r_.eof_line() - 1) +
                           ": warning: here-document at line " + std::to_string(rd.line) +
                           " delimited by end-of-file (wanted `" + rd.heredoc_delim + "')");
      }
      if (rd.heredoc_quoted) {
        rd.heredoc_body.parts.clear();
        if (!body.empty()) add_literal(rd.heredoc_body.parts, body, true);
      } else {
        rd.heredoc_body = parse_heredoc_body(body, body_line);
      }
      rd.heredoc_body.raw = body;
      rd.heredoc_body.line = body_line;
    }
  }

  Word parse_heredoc_body(const std::string& body, int line);
  Word prompt_word() {
    Word w;
    w.line = r_.line();
    lex_parts(w.parts, WordMode::Prompt, 0);
    return w;
  }
  Word subscript_word() {
    Word w;
    w.line = r_.line();
    lex_parts(w.parts, WordMode::Subscript, 0);
    return w;
  }

  // ---- grammar -----------------------------------------------------------
  struct StopSet {
    std::vector<std::string_view> words;  // reserved words that end the list
    bool paren = false;                   // `)` ends the list
    bool case_end = false;                // ;; ;& ;;& end the list
  };

  bool at_stop(const StopSet& s) {
    auto& t = peek();
    if (t.type == Tk::End) return true;
    if (t.type == Tk::Op) {
      if (s.paren && t.op == ")") return true;
      if (s.case_end && (t.op == ";;" || t.op == ";&" || t.op == ";;&")) return true;
      return false;
    }
    if (t.type != Tk::Word) return false;
    std::string w = peek_plain();
    if (w.empty()) return false;
    for (auto sw : s.words)
      if (w == sw) return true;
    return false;
  }

  // compound_list: newlines, and_ors separated by ; & or newlines.
  List parse_compound_list(const StopSet& stop) {
    List l;
    skip_newlines();
    l.line = peek().line;
    for (;;) {
      maybe_alias();
      if (at_stop(stop)) break;
      ListItem item;
      item.and_or = parse_and_or();
      auto& t = peek();
      if (t.type == Tk::Op && (t.op == ";" || t.op == "&")) {
        item.background = t.op == "&";
        take();
        l.items.push_back(std::move(item));
        skip_newlines();
        continue;
      }
      item.newline = t.type == Tk::Newline;
      l.items.push_back(std::move(item));
      if (t.type == Tk::Newline) {
        skip_newlines();
        continue;
      }
      break;
    }
    return l;
  }

  // A compound list that must not be empty (bash rejects `if then`).
  List parse_body(const StopSet& stop) {
    List l = parse_compound_list(stop);
    if (l.empty()) fail_token(peek());
    return l;
  }

  AndOr parse_and_or() {
    AndOr a;
    a.line = peek().line;
    a.pipelines.push_back(parse_pipeline());
    for (;;) {
      auto& t = peek();
      if (t.type != Tk::Op || (t.op != "&&" && t.op != "||")) break;
      a.ops.push_back(t.op == "&&" ? AndOrOp::And : AndOrOp::Or);
      take();
      skip_newlines();
      a.pipelines.push_back(parse_pipeline());
    }
    return a;
  }

  bool at_command_end() {
    auto& t = peek();
    if (t.type == Tk::End || t.type == Tk::Newline) return true;
    if (t.type == Tk::Op)
      return t.op == ";" || t.op == "&" || t.op == "&&" || t.op == "||" || t.op == ")" ||
             t.op == ";;" || t.op == ";&" || t.op == ";;&" || t.op == "|" || t.op == "|&";
    return false;
  }

  Pipeline parse_pipeline() {
    DepthGuard guard(*this);
    Pipeline p;
    maybe_alias();
    p.line = peek().line;
    for (;;) {
      if (peek_reserved("!")) {
        take();
        p.negated = !p.negated;
        maybe_alias();
        continue;
      }
      if (peek_reserved("time") && !p.timed) {
        take();
        p.timed = true;
        if (peek_plain() == "-p") {
          take();
          p.time_posix = true;
        }
        maybe_alias();
        continue;
      }
      break;
    }
    if ((p.negated || p.timed) && at_command_end()) {
      auto& t = peek();
      if (t.type == Tk::Op && (t.op == "|" || t.op == "|&")) fail_token(t);
      return p;  // `!` or `time` alone
    }
    p.commands.push_back(parse_command());
    for (;;) {
      auto& t = peek();
      if (t.type != Tk::Op || (t.op != "|" && t.op != "|&")) break;
      p.pipe_stderr.push_back(t.op == "|&");
      take();
      skip_newlines();
      maybe_alias();
      p.commands.push_back(parse_command());
    }
    return p;
  }

  std::unique_ptr<Command> parse_command() {
    DepthGuard guard(*this);
    maybe_alias();
    auto& t = peek();
    int line = t.line;
    std::unique_ptr<Command> cmd;
    if (t.type == Tk::Op && t.op == "(") {
      if (r_.peek() == '(' && looks_like_arith(1)) {
        take();
        r_.get();
        auto a = std::make_unique<ArithCommand>();
        a->line = line;
        a->expr.line = line;
        a->raw = read_arith(a->expr, line, true);
        a->expr.raw = a->raw;
        cmd = std::move(a);
      } else {
        take();
        auto s = std::make_unique<SubshellCommand>();
        s->line = line;
        s->body = parse_body(StopSet{{}, true});
        if (!peek_op(")")) fail_token(peek());
        take();
        cmd = std::move(s);
      }
    } else if (t.type == Tk::Word && !t.io_number && !t.io_var) {
      std::string w = peek_plain();
      if (!w.empty() && is_reserved(w)) {
        if (w == "if") cmd = parse_if();
        else if (w == "while" || w == "until") cmd = parse_while();
        else if (w == "for") cmd = parse_for();
        else if (w == "select") cmd = parse_select();
        else if (w == "case") cmd = parse_case();
        else if (w == "{") cmd = parse_brace();
        else if (w == "[[") cmd = parse_cond();
        else if (w == "function") return parse_function_keyword();
        else if (w == "coproc") return parse_coproc();
        else if (w == "!" || w == "time") {
          fail_token(t);
        } else {
          fail_token(t);
        }
        cmd->line = line;
      } else {
        return parse_simple();
      }
    } else if (t.type == Tk::Op && is_redirect_op(t.op)) {
      return parse_simple();
    } else if (t.type == Tk::Word) {
      return parse_simple();
    } else {
      fail_token(t);
    }
    parse_trailing_redirects(*cmd);
    return cmd;
  }

  static bool is_redirect_op(std::string_view op) {
    return op == "<" || op == ">" || op == ">>" || op == ">|" || op == "<>" || op == "<&" ||
           op == ">&" || op == "&>" || op == "&>>" || op == "<<" || op == "<<-" || op == "<<<";
  }

  bool at_redirect() {
    auto& t = peek();
    if (t.type == Tk::Op) return is_redirect_op(t.op);
    return t.type == Tk::Word && (t.io_number || t.io_var);
  }

  void parse_trailing_redirects(Command& cmd) {
    while (at_redirect()) parse_redirect(cmd);
  }

  void parse_redirect(Command& cmd) {
    Redirect rd;
    auto& t0 = peek();
    rd.line = t0.line;
    if (t0.type == Tk::Word) {
      std::string s;
      t0.word.is_plain_literal(&s);
      if (t0.io_number) rd.fd = std::stoi(s);
      else rd.fd_var = s.substr(1, s.size() - 2);
      take();
    }
    Token op = take();
    static const std::pair<const char*, RedirOp> map[] = {
        {"<", RedirOp::In},         {">", RedirOp::Out},         {">>", RedirOp::Append},
        {">|", RedirOp::Clobber},   {"<>", RedirOp::ReadWrite},  {"<&", RedirOp::DupIn},
        {">&", RedirOp::DupOut},    {"&>", RedirOp::OutErr},     {"&>>", RedirOp::AppendOutErr},
        {"<<", RedirOp::HereDoc},   {"<<-", RedirOp::HereDocStrip}, {"<<<", RedirOp::HereString}};
    for (auto& [s, o] : map)
      if (op.op == s) rd.op = o;
    auto& t = peek();
    if (t.type != Tk::Word) fail_token(t);
    Token target = take();
    rd.target = std::move(target.word);
    if (rd.op == RedirOp::HereDoc || rd.op == RedirOp::HereDocStrip) {
      rd.heredoc_delim = unquote_delim(rd.target.raw, &rd.heredoc_quoted);
      cmd.redirects.push_back(std::move(rd));
      pending_.push_back(PendingHeredoc{&cmd, cmd.redirects.size() - 1});
      return;
    }
    cmd.redirects.push_back(std::move(rd));
  }

  // Turns a NAME=value word into an Assignment, or returns nullptr.
  std::unique_ptr<Assignment> as_assignment(Word& w) {
    if (w.parts.empty() || w.parts[0].kind != WordPartKind::Literal || w.parts[0].quoted)
      return nullptr;
    const std::string& raw = w.raw;
    size_t i = 0;
    if (raw.empty() || !is_name_start(static_cast<unsigned char>(raw[0]))) return nullptr;
    while (i < raw.size() && is_name_char(static_cast<unsigned char>(raw[i]))) ++i;
    auto a = std::make_unique<Assignment>();
    a->name = raw.substr(0, i);
    a->line = w.line;
    if (i < raw.size() && raw[i] == '[') {
      // The subscript may contain quotes and expansions; find its end in the
      // raw text, then re-lex it.
      int depth = 0;
      size_t j = i;
      for (; j < raw.size(); ++j) {
        char c = raw[j];
        if (c == '\\') {
          ++j;
          continue;
        }
        if (c == '[') ++depth;
        if (c == ']' && --depth == 0) break;
      }
      if (j >= raw.size()) return nullptr;
      a->has_index = true;
      a->index_raw = raw.substr(i + 1, j - i - 1);
      a->index = sub_word(a->index_raw, WordMode::Subscript, w.line);
      i = j + 1;
    }
    if (i < raw.size() && raw[i] == '+') {
      a->append = true;
      ++i;
    }
    if (i >= raw.size() || raw[i] != '=') return nullptr;
    ++i;
    // The value: the word's parts after the `=`. Re-split the parts by
    // walking the leading literal text.
    size_t prefix = i;  // characters of raw text before the value
    // Literal text of parts[0] covers the prefix only if no escapes precede;
    // names and [..] keys rarely carry quotes, so re-lex the value from raw
    // text when the prefix is not literally at the start of parts[0].
    const std::string& lit = w.parts[0].text;
    if (lit.size() >= prefix && lit.compare(0, prefix, raw, 0, prefix) == 0) {
      Word v;
      v.line = w.line;
      v.raw = raw.substr(prefix);
      WordPart first = w.parts[0].clone();
      first.text.erase(0, prefix);
      first.source = first.text;
      if (!first.text.empty()) v.parts.push_back(std::move(first));
      for (size_t k = 1; k < w.parts.size(); ++k) v.parts.push_back(w.parts[k].clone());
      a->value = std::move(v);
    } else {
      a->value = assignment_value(raw.substr(prefix), w.line);
    }
    for (WordPart& p : a->value.parts)
      if (p.kind == WordPartKind::Param) mark_operand_tildes(*p.param);
    return a;
  }

  Word sub_word(const std::string& text, WordMode mode, int line);

  // The value of `[k]=value` in an array literal, with an assignment's tilde
  // expansion (at the start and after each `:`): lexed behind an `=`, which
  // is then dropped.
  Word assignment_value(const std::string& text, int line) {
    Word w = sub_word("=" + text, WordMode::Normal, line);
    w.raw = text;
    if (w.parts.empty() || w.parts[0].kind != WordPartKind::Literal || w.parts[0].quoted) return w;
    mark_tildes_after(w, 0);
    WordPart& eq = w.parts[0];
    eq.text.erase(0, 1);
    if (!eq.source.empty() && eq.source[0] == '=') eq.source.erase(0, 1);
    if (eq.text.empty()) w.parts.erase(w.parts.begin());
    return w;
  }

  // After NAME=( has been seen: reads the elements up to `)`.
  void parse_array_value(Assignment& a, int line) {
    a.is_array = true;
    for (;;) {
      // Newlines and comments are allowed between elements.
      for (;;) {
        skip_blanks();
        int c = r_.peek();
        if (c == '\n') {
          r_.get();
          read_heredocs();
        } else if (c == '#') {
          while (r_.peek() != '\n' && r_.peek() != kEof) r_.get();
        } else {
          break;
        }
      }
      int c = r_.peek();
      if (c == kEof) fail_matching(')', line);
      if (c == ')') {
        r_.get();
        return;
      }
      if (is_meta(c) && !((c == '<' || c == '>') && r_.peek(1) == '(')) {
        Token t;
        t.type = Tk::Op;
        t.line = r_.line();
        t.pos = r_.pos();
        t.op = lex_op();
        try {
          fail_token(t);
        } catch (SyntaxError& e) {
          // bash reports this one and goes on after the line (status 1)
          e.err.skip_line = true;
          throw;
        }
      }
      Word w;
      w.line = r_.line();
      size_t start = r_.record().size();
      {
        // Not lex_word_into: `x=~` here is a word, not an assignment.
        DepthGuard guard(*this);
        lex_parts(w.parts, WordMode::Normal, 0);
      }
      w.raw = r_.record().substr(start);
      ArrayElem el;
      // [key]=value
      if (!w.raw.empty() && w.raw[0] == '[') {
        int depth = 0;
        size_t j = 0;
        for (; j < w.raw.size(); ++j) {
          if (w.raw[j] == '\\') {
            ++j;
            continue;
          }
          if (w.raw[j] == '[') ++depth;
          if (w.raw[j] == ']' && --depth == 0) break;
        }
        size_t k = j + 1;
        bool app = k < w.raw.size() && w.raw[k] == '+';
        if (app) ++k;
        if (j < w.raw.size() && k < w.raw.size() + 1 && k <= w.raw.size() - 0 &&
            k < w.raw.size() && w.raw[k] == '=') {
          el.has_key = true;
          el.append = app;
          el.key_raw = w.raw.substr(1, j - 1);
          el.key = sub_word(el.key_raw, WordMode::Subscript, w.line);
          el.value = assignment_value(w.raw.substr(k + 1), w.line);
          a.elems.push_back(std::move(el));
          continue;
        }
      }
      el.value = std::move(w);
      a.elems.push_back(std::move(el));
    }
  }

  static bool is_decl_builtin(std::string_view s) {
    return s == "declare" || s == "typeset" || s == "local" || s == "export" ||
           s == "readonly";
  }

  std::unique_ptr<Command> parse_simple() {
    auto cmd = std::make_unique<SimpleCommand>();
    cmd->line = peek().line;
    bool decl = false;
    struct Restore {
      bool& b;
      ~Restore() { b = true; }
    } restore{assign_ok_};
    for (;;) {
      assign_ok_ = cmd->words.empty();
      if (cmd->words.empty()) maybe_alias();
      auto& t = peek();
      if (at_redirect()) {
        parse_redirect(*cmd);
        continue;
      }
      if (t.type == Tk::Op && t.op == "(" ) {
        if (cmd->words.size() == 1 && cmd->assigns.empty() && cmd->redirects.empty()) {
          // A quoted name parses; running the definition rejects it.
          return parse_function_parens(cmd->words[0].raw, cmd->line);
        }
        fail_token(t);
      }
      if (t.type != Tk::Word) break;
      Token wt = take();
      Word w = std::move(wt.word);
      // NAME=( ... ) arrays: the lexer stopped at `(` right after `=`.
      bool array = false;
      if (r_.peek() == '(' && !w.raw.empty() && w.raw.back() == '=') {
        auto a = as_assignment(w);
        if (a && a->value.parts.empty() && (cmd->words.empty() || decl)) {
          int line = r_.line();
          r_.get();
          size_t start = r_.record().size() - 1;
          parse_array_value(*a, line);
          w.raw += r_.record().substr(start);
          array = true;
          if (cmd->words.empty()) {
            cmd->assigns.push_back(std::move(*a));
          } else {
            w.decl_assign = std::shared_ptr<Assignment>(std::move(a));
            cmd->words.push_back(std::move(w));
          }
          // The next char must end the word.
          int c = r_.peek();
          if (c != kEof && !is_meta(c)) {
            Token bad = lex();
            fail_token(bad);
          }
          continue;
        }
      }
      (void)array;
      if (cmd->words.empty()) {
        if (auto a = as_assignment(w)) {
          cmd->assigns.push_back(std::move(*a));
          continue;
        }
        std::string s;
        if (w.is_plain_literal(&s)) decl = is_decl_builtin(s);
      } else if (decl) {
        if (auto a = as_assignment(w)) w.decl_assign = std::shared_ptr<Assignment>(std::move(a));
      }
      cmd->words.push_back(std::move(w));
    }
    if (cmd->words.empty() && cmd->assigns.empty() && cmd->redirects.empty()) fail_token(peek());
    return cmd;
  }

  std::unique_ptr<Command> parse_function_parens(std::string name, int line) {
    take();  // (
    if (!peek_op(")")) fail_token(peek());
    take();
    return finish_function(std::move(name), false, line);
  }

  std::unique_ptr<Command> finish_function(std::string name, bool keyword, int line) {
    skip_newlines();
    maybe_alias();
    auto& t = peek();
    bool ok = false;
    if (t.type == Tk::Op && t.op == "(") ok = true;
    std::string w = peek_plain();
    if (w == "{" || w == "if" || w == "while" || w == "until" || w == "for" || w == "case" ||
        w == "[[" || w == "select")
      ok = true;
    if (!ok) fail_token(t);
    auto f = std::make_unique<FunctionDef>();
    f->line = line;
    f->name = std::move(name);
    f->function_keyword = keyword;
    f->body = std::shared_ptr<Command>(parse_command().release());
    return f;
  }

  std::unique_ptr<Command> parse_function_keyword() {
    int line = peek().line;
    take();
    auto& t = peek();
    if (t.type != Tk::Word) fail_token(t);
    Token nt = take();
    std::string name = nt.word.raw;
    if (peek_op("(")) {
      take();
      if (!peek_op(")")) fail_token(peek());
      take();
    }
    return finish_function(std::move(name), true, line);
  }

  std::unique_ptr<Command> parse_coproc() {
    int line = peek().line;
    take();
    auto c = std::make_unique<CoprocCommand>();
    c->line = line;
    if (at_command_end()) fail_token(peek());
    // `coproc NAME compound` when the word after NAME starts a compound command.
    std::string w = peek_plain();
    if (!w.empty() && !is_reserved(w) && is_name(w)) {
      // Look at what follows the name without consuming it: peek the raw input.
      size_t k = 0;
      while (is_blank(r_.peek(k))) ++k;
      auto starts = [&](std::string_view kw) {
        for (size_t i = 0; i < kw.size(); ++i)
          if (r_.peek(k + i) != static_cast<unsigned char>(kw[i])) return false;
        int after = r_.peek(k + kw.size());
        return after == kEof || is_meta(after);
      };
      if (r_.peek(k) == '(' || starts("{") || starts("while") || starts("until") ||
          starts("if") || starts("for") || starts("case") || starts("[[") || starts("select")) {
        c->name = w;
        take();
      }
    }
    c->body = parse_command();
    return c;
  }

  std::unique_ptr<Command> parse_if() {
    auto c = std::make_unique<IfCommand>();
    take();  // if
    for (;;) {
      IfClause cl;
      cl.cond = parse_body(StopSet{{"then"}});
      expect_reserved("then");
      cl.body = parse_body(StopSet{{"elif", "else", "fi"}});
      c->clauses.push_back(std::move(cl));
      if (peek_reserved("elif")) {
        take();
        continue;
      }
      if (peek_reserved("else")) {
        take();
        c->has_else = true;
        c->else_body = parse_body(StopSet{{"fi"}});
      }
      expect_reserved("fi");
      return c;
    }
  }

  std::unique_ptr<Command> parse_while() {
    auto c = std::make_unique<WhileCommand>();
    c->until = peek_plain() == "until";
    take();
    c->cond = parse_body(StopSet{{"do"}});
    parse_do_group(c->body);
    return c;
  }

  void parse_do_group(List& body) {
    expect_reserved("do");
    body = parse_body(StopSet{{"done"}});
    expect_reserved("done");
  }

  std::unique_ptr<Command> parse_for() {
    int line = peek().line;
    take();
    if (peek_op("(") && r_.peek() == '(') {
      take();
      r_.get();
      return parse_arith_for(line);
    }
    auto c = std::make_unique<ForCommand>(CommandKind::For);
    parse_for_rest(*c);
    return c;
  }

  std::unique_ptr<Command> parse_select() {
    take();
    auto c = std::make_unique<ForCommand>(CommandKind::Select);
    parse_for_rest(*c);
    return c;
  }

  void parse_for_rest(ForCommand& c) {
    auto& t = peek();
    if (t.type != Tk::Word) fail_token(t);
    Token v = take();
    c.var = v.word.raw;
    // `for x; do`, `for x do`, `for x in ...; do`, newlines allowed before in/do
    bool semicolon = peek_op(";");
    if (semicolon) take();
    skip_newlines();
    // After `for x;` only `do` may follow: `for x; in ...` is a syntax error.
    if (semicolon && peek_reserved("in")) fail_token(peek());
    if (peek_reserved("in")) {
      take();
      c.has_in = true;
      for (;;) {
        auto& w = peek();
        if (w.type != Tk::Word) break;
        c.items.push_back(take().word);
      }
      auto& e = peek();
      if (e.type == Tk::Op && e.op == ";") take();
      else if (e.type != Tk::Newline) fail_token(e);
      skip_newlines();
    }
    if (peek_reserved("{")) {
      auto b = parse_brace();
      c.body.items.emplace_back();
      c.body.items.back().and_or.line = b->line;
      Pipeline p;
      p.line = b->line;
      p.commands.push_back(std::move(b));
      c.body.items.back().and_or.pipelines.push_back(std::move(p));
      return;
    }
    parse_do_group(c.body);
  }

  std::unique_ptr<Command> parse_arith_for(int line) {
    auto c = std::make_unique<ArithForCommand>();
    c->line = line;
    Word* ws[3] = {&c->init, &c->cond, &c->step};
    std::string* raws[3] = {&c->init_raw, &c->cond_raw, &c->step_raw};
    for (int i = 0; i < 3; ++i) {
      size_t start = r_.record().size();
      ws[i]->line = r_.line();
      lex_parts(ws[i]->parts, WordMode::Arith, 0);
      int ch = r_.peek();
      if (ch == kEof) fail_matching(')', line);
      *raws[i] = r_.record().substr(start);
      ws[i]->raw = *raws[i];
      if (i < 2) {
        if (ch != ';') fail_msg("syntax error: arithmetic expression required", line);
        r_.get();
      } else {
        if (ch == ';') fail_msg("syntax error: `;' unexpected", line);
        r_.get();
        if (r_.peek() != ')') fail_matching(')', line);
        r_.get();
      }
    }
    if (peek_op(";")) take();
    skip_newlines();
    if (peek_reserved("{")) {
      auto b = parse_brace();
      c->body.items.emplace_back();
      Pipeline p;
      p.line = b->line;
      p.commands.push_back(std::move(b));
      c->body.items.back().and_or.pipelines.push_back(std::move(p));
    } else {
      parse_do_group(c->body);
    }
    parse_trailing_redirects(*c);
    return c;
  }

  std::unique_ptr<Command> parse_case() {
    auto c = std::make_unique<CaseCommand>();
    take();
    auto& t = peek();
    if (t.type != Tk::Word) fail_token(t);
    c->subject = take().word;
    skip_newlines();
    expect_reserved("in");
    for (;;) {
      skip_newlines();
      if (peek_reserved("esac")) {
        take();
        return c;
      }
      CaseItem item;
      item.line = peek().line;
      if (peek_op("(")) take();
      for (;;) {
        auto& p = peek();
        if (p.type != Tk::Word) fail_token(p);
        item.patterns.push_back(take().word);
        if (peek_op("|")) {
          take();
          continue;
        }
        break;
      }
      if (!peek_op(")")) fail_token(peek());
      take();
      item.body = parse_compound_list(StopSet{{"esac"}, false, true});
      auto& e = peek();
      if (e.type == Tk::Op && (e.op == ";;" || e.op == ";&" || e.op == ";;&")) {
        item.term = e.op == ";;" ? CaseTerm::Break
                    : e.op == ";&" ? CaseTerm::FallThrough
                                   : CaseTerm::Continue;
        take();
        c->items.push_back(std::move(item));
        continue;
      }
      c->items.push_back(std::move(item));
      if (peek_reserved("esac")) {
        take();
        return c;
      }
      fail_token(peek());
    }
  }

  std::unique_ptr<Command> parse_brace() {
    auto c = std::make_unique<BraceGroup>();
    c->line = peek().line;
    take();
    c->body = parse_body(StopSet{{"}"}});
    expect_reserved("}");
    return c;
  }

  // ---- [[ ]] ---------------------------------------------------------------
  // Conditional tokens are read with the normal lexer; `<`/`>` come back as
  // operator tokens and are treated as string comparisons.
  std::unique_ptr<Command> parse_cond() {
    auto c = std::make_unique<CondCommand>();
    c->line = peek().line;
    take();
    c->expr = cond_or();
    skip_newlines();
    if (!peek_reserved("]]")) {
      auto& t = peek();
      if (t.type == Tk::Word) fail_msg("syntax error in conditional expression", t.line);
      cond_unexpected(t);
    }
    take();
    return c;
  }

  [[noreturn]] void cond_unexpected(const Token& t) {
    if (t.type == Tk::End) fail_eof();
    fail_msg("unexpected token `" + tok_text(t) + "' in conditional command", t.line);
  }

  static std::string tok_text(const Token& t) {
    switch (t.type) {
      case Tk::Word: return t.word.raw;
      case Tk::Op: return t.op;
      case Tk::Newline: return "newline";
      default: return "EOF";
    }
  }

  void cond_skip_nl() { skip_newlines(); }

  std::unique_ptr<CondExpr> cond_or() {
    DepthGuard guard(*this);
    auto l = cond_and();
    for (;;) {
      cond_skip_nl();
      if (!peek_op("||")) return l;
      take();
      cond_skip_nl();
      auto e = std::make_unique<CondExpr>();
      e->kind = CondKind::Or;
      e->line = l->line;
      e->lhs = std::move(l);
      e->rhs = cond_and();
      l = std::move(e);
    }
  }

  std::unique_ptr<CondExpr> cond_and() {
    auto l = cond_not();
    for (;;) {
      cond_skip_nl();
      if (!peek_op("&&")) return l;
      take();
      cond_skip_nl();
      auto e = std::make_unique<CondExpr>();
      e->kind = CondKind::And;
      e->line = l->line;
      e->lhs = std::move(l);
      e->rhs = cond_not();
      l = std::move(e);
    }
  }

  std::unique_ptr<CondExpr> cond_not() {
    DepthGuard guard(*this);
    cond_skip_nl();
    if (peek_reserved("!")) {
      auto e = std::make_unique<CondExpr>();
      e->line = peek().line;
      take();
      e->kind = CondKind::Not;
      e->lhs = cond_not();
      return e;
    }
    return cond_primary();
  }

  static bool is_unary_test(std::string_view s) {
    static const char* const ops[] = {"-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k",
                                      "-p", "-r", "-s", "-t", "-u", "-w", "-x", "-G", "-L",
                                      "-N", "-O", "-S", "-z", "-n", "-o", "-v", "-R"};
    for (const char* o : ops)
      if (s == o) return true;
    return false;
  }
  static bool is_binary_test(std::string_view s) {
    static const char* const ops[] = {"=",   "==",  "!=",  "=~",  "-eq", "-ne", "-lt",
                                      "-le", "-gt", "-ge", "-nt", "-ot", "-ef"};
    for (const char* o : ops)
      if (s == o) return true;
    return false;
  }

  std::unique_ptr<CondExpr> cond_primary() {
    auto& t = peek();
    auto e = std::make_unique<CondExpr>();
    e->line = t.line;
    if (t.type == Tk::Op && t.op == "(") {
      take();
      e->kind = CondKind::Group;
      e->lhs = cond_or();
      cond_skip_nl();
      if (!peek_op(")")) {
        auto& b = peek();
        if (b.type == Tk::End) fail_eof();
        fail_msg("unexpected token `" + tok_text(b) + "', expected `)'", b.line);
      }
      take();
      return e;
    }
    if (t.type != Tk::Word || peek_reserved("]]")) {
      if (t.type == Tk::End) fail_eof();
      if (peek_reserved("]]") || t.type == Tk::Newline || t.type == Tk::Op)
        fail_msg("unexpected token `" + tok_text(t) + "' in conditional command", t.line);
    }
    Token first = take();
    std::string s;
    bool plain = first.word.is_plain_literal(&s);
    if (plain && is_unary_test(s)) {
      // As in bash, a unary operator takes the next word whatever it is
      // ([[ -f == ]] tests a file named ==; [[ -f == x ]] is an error).
      auto& a = peek();
      if (a.type != Tk::Word || peek_reserved("]]")) {
        if (a.type == Tk::End) fail_eof();
        fail_msg("unexpected argument `" + tok_text(a) + "' to conditional unary operator", a.line);
      }
      e->kind = CondKind::Unary;
      e->op = s;
      e->left = take().word;
      return e;
    }
    e->left = std::move(first.word);
    auto& op = peek();
    std::string ops = peek_plain();
    if (op.type == Tk::Word && is_binary_test(ops)) {
      take();
      e->kind = CondKind::Binary;
      e->op = ops;
      if (ops == "=~") {
        skip_blanks();
        size_t start = r_.record().size();
        e->right.line = r_.line();
        int c = r_.peek();
        if (c == kEof || c == '\n' || (is_meta(c) && c != '(' && c != '|')) {
          Token& bad = peek();
          if (bad.type == Tk::End) fail_eof();
          fail_msg("unexpected argument `" + tok_text(bad) + "' to conditional binary operator",
                   bad.line);
        }
        lex_parts(e->right.parts, WordMode::Regex, 0);
        e->right.raw = r_.record().substr(start);
        return e;
      }
      // bash parses extglob groups in the pattern of == and != even with
      // extglob off (elsewhere in [[ ]], `!(` is negation and a group).
      struct KeepExtglob {
        bool& flag;
        bool saved;
        ~KeepExtglob() { flag = saved; }
      } keep{opts_.extglob, opts_.extglob};
      opts_.extglob = true;
      auto& r = peek();
      if (r.type != Tk::Word || peek_reserved("]]")) {
        if (r.type == Tk::End) fail_eof();
        fail_msg("unexpected argument `" + tok_text(r) + "' to conditional binary operator",
                 r.line);
      }
      e->right = take().word;
      return e;
    }
    if (op.type == Tk::Op && (op.op == "<" || op.op == ">")) {
      e->kind = CondKind::Binary;
      e->op = op.op;
      take();
      auto& r = peek();
      if (r.type != Tk::Word) {
        if (r.type == Tk::End) fail_eof();
        fail_msg("unexpected argument `" + tok_text(r) + "' to conditional binary operator",
                 r.line);
      }
      e->right = take().word;
      return e;
    }
    if (op.type == Tk::Word && !peek_reserved("]]")) {
      fail_msg("conditional binary operator expected", op.line);
    }
    if (op.type == Tk::Op && op.op != ")" && op.op != "&&" && op.op != "||") {
      fail_msg("unexpected token `" + op.op + "', conditional binary operator expected", op.line);
    }
    if (op.type == Tk::Newline) {
      // [[ a <newline> ]] : bash wants an operator here
      fail_msg("unexpected token `newline', conditional binary operator expected", op.line);
    }
    e->kind = CondKind::Word;
    return e;
  }

  Reader& r_;
  ParserOptions& opts_;
  int& depth_;
  Token tok_;
  bool have_ = false;
  int alias_chain_ = 0;  // nested expansions of words after blank-ended aliases
  bool assign_ok_ = true;  // a word lexed now may be an assignment

 public:
  // The top-level entry: one complete command line.
  std::unique_ptr<List> next_command() {
    for (;;) {
      auto& t = peek();
      if (t.type == Tk::Newline) {
        take();
        continue;
      }
      break;
    }
    if (peek().type == Tk::End) return nullptr;
    auto l = std::make_unique<List>();
    l->line = peek().line;
    for (;;) {
      maybe_alias();
      ListItem item;
      item.and_or = parse_and_or();
      auto& t = peek();
      if (t.type == Tk::Op && (t.op == ";" || t.op == "&")) {
        item.background = t.op == "&";
        take();
        l->items.push_back(std::move(item));
        auto& n = peek();
        if (n.type == Tk::Newline) {
          take();
          break;
        }
        if (n.type == Tk::End) break;
        continue;
      }
      item.newline = t.type == Tk::Newline;
      l->items.push_back(std::move(item));
      if (t.type == Tk::Newline) {
        take();
        break;
      }
      if (t.type == Tk::End) break;
      fail_token(t);
    }
    if (!pending_.empty()) read_heredocs();
    return l;
  }

  bool at_end() { return peek().type == Tk::End; }
};

std::shared_ptr<List> Core::parse_sub_source(std::string text, int line) {
  Reader sub(std::move(text), line);
  Core c(sub, opts_, depth_);
  auto list = std::make_shared<List>();
  list->line = line;
  try {
    for (;;) {
      auto part = c.next_command();
      if (!part) break;
      for (auto& it : part->items) list->items.push_back(std::move(it));
    }
  } catch (SyntaxError& e) {
    throw;
  }
  for (auto& w : c.warnings) warnings.push_back(w);
  return list;
}

Word Core::parse_heredoc_body(const std::string& body, int line) {
  Reader sub(body, line);
  Core c(sub, opts_, depth_);
  Word w;
  w.line = line;
  c.lex_parts(w.parts, WordMode::Heredoc, 0);
  return w;
}

Word Core::sub_word(const std::string& text, WordMode mode, int line) {
  Reader sub(text, line);
  Core c(sub, opts_, depth_);
  Word w;
  w.line = line;
  w.raw = text;
  if (mode == WordMode::Normal) {
    c.lex_word_into(w, WordMode::Normal);
  } else {
    c.lex_parts(w.parts, mode, 0);
  }
  return w;
}

}  // namespace

// Parser ---------------------------------------------------------------------

// bash reads a final unterminated line as if it ended with a newline, so
// `echo <` fails on `newline', not on end of file.
static std::string terminate_source(std::string src) {
  if (src.empty() || src.back() == '\n') return src;
  size_t bs = 0;
  for (size_t i = src.size(); i > 0 && src[i - 1] == '\\'; --i) ++bs;
  if (bs % 2 == 1) src.push_back('\\');  // a lone final backslash stays literal
  src.push_back('\n');
  return src;
}

struct Parser::Impl {
  Impl(std::string src, ParserOptions o)
      : options(std::move(o)),
        reader(terminate_source(std::move(src)), options.first_line),
        core(reader, options, depth) {}
  ParserOptions options;
  int depth = 0;
  Reader reader;
  Core core;
  bool failed = false;
  std::optional<ParseError> pending;
};

Parser::Parser(std::string source, ParserOptions options)
    : impl_(std::make_unique<Impl>(std::move(source), std::move(options))) {}
Parser::~Parser() = default;

std::unique_ptr<List> Parser::next_command(ParseError& err) {
  err = ParseError{};
  if (impl_->failed) return nullptr;
  if (impl_->pending) {
    impl_->failed = true;
    err = std::move(*impl_->pending);
    return nullptr;
  }
  try {
    impl_->reader.clear_record();
    return impl_->core.next_command();
  } catch (SyntaxError& e) {
    if (e.err.skip_line) impl_->core.skip_rest_of_line();
    else impl_->failed = true;
    err = std::move(e.err);
    return nullptr;
  }
}

bool Parser::at_end() const {
  if (impl_->failed) return true;
  try {
    return impl_->core.at_end();
  } catch (SyntaxError& e) {
    impl_->pending = std::move(e.err);  // the next next_command() reports it
    return false;
  }
}
ParserOptions& Parser::options() { return impl_->options; }
int Parser::current_line() const { return impl_->reader.line(); }
const std::string& Parser::source() const { return impl_->reader.source(); }
size_t Parser::consumed() const { return impl_->reader.pos(); }

std::vector<std::string> Parser::take_warnings() {
  auto w = std::move(impl_->core.warnings);
  impl_->core.warnings.clear();
  return w;
}

std::unique_ptr<List> parse_script(std::string_view source, ParseError& err,
                                   ParserOptions options) {
  Parser p{std::string(source), std::move(options)};
  auto all = std::make_unique<List>();
  all->line = p.options().first_line;
  while (auto l = p.next_command(err))
    for (auto& it : l->items) all->items.push_back(std::move(it));
  if (err) return nullptr;
  return all;
}

static Word parse_word_text(std::string_view text, bool subscript, ParseError& err, ParserOptions& options) {
  Reader reader(std::string(text), options.first_line);
  int depth = 0;
  Core core(reader, options, depth);
  try {
    return subscript ? core.subscript_word() : core.prompt_word();
  } catch (SyntaxError& e) {
    err = std::move(e.err);
    return Word{};
  }
}

Word parse_prompt_word(std::string_view text, ParseError& err, ParserOptions options) {
  return parse_word_text(text, false, err, options);
}

Word parse_subscript_word(std::string_view text, ParseError& err, ParserOptions options) {
  return parse_word_text(text, true, err, options);
}

std::optional<Word> parse_subscript(std::string_view text) {
  ParseError err;
  Word w = parse_subscript_word(text, err);
  if (err) return std::nullopt;
  return w;
}

std::string ParseError::format(std::string_view name) const {
  std::string prefix = std::string(name) + ": line " + std::to_string(line) + ": ";
  std::string out = prefix + message + "\n";
  if (has_line_text) out += prefix + "`" + line_text + "'\n";
  return out;
}

bool is_name(std::string_view s) {
  if (s.empty() || !is_name_start(static_cast<unsigned char>(s[0]))) return false;
  for (char c : s)
    if (!is_name_char(static_cast<unsigned char>(c))) return false;
  return true;
}

void append_utf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
    return;
  }
  // bash encodes with the original UTF-8 scheme: up to six bytes for code
  // points through 0x7FFFFFFF (surrogates included), nothing beyond.
  if (cp > 0x7FFFFFFF) return;
  int continuation = cp < 0x800 ? 1 : cp < 0x10000 ? 2 : cp < 0x200000 ? 3 : cp < 0x4000000 ? 4 : 5;
  static const unsigned char lead_bits[] = {0, 0xC0, 0xE0, 0xF0, 0xF8, 0xFC};
  out.push_back(static_cast<char>(lead_bits[continuation] | (cp >> (6 * continuation))));
  for (int k = continuation - 1; k >= 0; --k) out.push_back(static_cast<char>(0x80 | ((cp >> (6 * k)) & 0x3F)));
}

static int hexval(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string decode_ansi_c(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out.push_back(c);
      continue;
    }
    char n = s[++i];
    switch (n) {
      case 'a': out.push_back('\a'); break;
      case 'b': out.push_back('\b'); break;
      case 'e':
      case 'E': out.push_back('\x1b'); break;
      case 'f': out.push_back('\f'); break;
      case 'n': out.push_back('\n'); break;
      case 'r': out.push_back('\r'); break;
      case 't': out.push_back('\t'); break;
      case 'v': out.push_back('\v'); break;
      case '\\': out.push_back('\\'); break;
      case '\'': out.push_back('\''); break;
      case '"': out.push_back('"'); break;
      case '?': out.push_back('?'); break;
      case 'x': {
        int v = 0, k = 0;
        while (k < 2 && i + 1 < s.size() && hexval(s[i + 1]) >= 0) v = v * 16 + hexval(s[++i]), ++k;
        if (k == 0) {
          out += "\\x";
        } else {
          out.push_back(static_cast<char>(v));
        }
        break;
      }
      case 'u':
      case 'U': {
        int max = n == 'u' ? 4 : 8, k = 0;
        uint32_t v = 0;
        while (k < max && i + 1 < s.size() && hexval(s[i + 1]) >= 0) v = v * 16 + hexval(s[++i]), ++k;
        if (k == 0) {
          out.push_back('\\');
          out.push_back(n);
        } else {
          append_utf8(out, v);
        }
        break;
      }
      case 'c': {
        if (i + 1 < s.size()) {
          char x = s[++i];
          if (x == '\\' && i + 1 < s.size() && s[i + 1] == '\\') ++i;
          out.push_back(static_cast<char>((x >= 'a' && x <= 'z' ? x - 32 : x) & 0x1f));
        } else {
          out += "\\c";
        }
        break;
      }
      default:
        if (n >= '0' && n <= '7') {
          int v = n - '0', k = 1;
          while (k < 3 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7')
            v = v * 8 + (s[++i] - '0'), ++k;
          out.push_back(static_cast<char>(v & 0xff));
        } else {
          out.push_back('\\');
          out.push_back(n);
        }
    }
    // bash's strings are C strings: an escaped NUL ends the text
    if (!out.empty() && out.back() == '\0') {
      out.pop_back();
      return out;
    }
  }
  // bash's strings are C strings: a decoded NUL byte ends the value.
  if (size_t nul = out.find('\0'); nul != std::string::npos) out.resize(nul);
  return out;
}

}  // namespace burrow::shell
