// awk lexer and recursive-descent parser producing the AST in awk.h.
#include <cmath>
#include <cstdlib>
#include <cstring>

#include "process/stack_guard.h"
#include "commands/awk/awk.h"

namespace burrow::awk {
namespace {

enum Tok {
  tEOF, tNEWLINE, tLBRACE, tRBRACE, tLPAREN, tRPAREN, tLBRACKET, tRBRACKET, tSEMI, tCOMMA,
  tNUMBER, tSTRING, tERE, tFUNC_NAME, tNAME, tBUILTIN,
  tBEGIN, tEND, tBEGINFILE, tENDFILE, tFUNCTION, tIF, tELSE, tWHILE, tFOR, tDO, tBREAK, tCONTINUE,
  tNEXT, tNEXTFILE, tEXIT, tRETURN, tDELETE, tIN, tGETLINE, tPRINT, tPRINTF,
  tASSIGN, tADD_ASSIGN, tSUB_ASSIGN, tMUL_ASSIGN, tDIV_ASSIGN, tMOD_ASSIGN, tPOW_ASSIGN,
  tQUESTION, tCOLON, tOR, tAND, tMATCH, tNOMATCH, tEQ, tNE, tLT, tLE, tGT, tGE, tAPPEND, tPIPE, tPIPEAMP,
  tPLUS, tMINUS, tSTAR, tSLASH, tPERCENT, tCARET, tNOT, tINCR, tDECR, tDOLLAR,
};

struct Token {
  Tok type = tEOF;
  std::string text;
  double num = 0;
  int line = 1;
  int col = 0;
  int src = 0;
};

struct Keyword { const char* name; Tok tok; };
constexpr Keyword kKeywords[] = {
    {"BEGIN", tBEGIN}, {"END", tEND}, {"BEGINFILE", tBEGINFILE}, {"ENDFILE", tENDFILE},
    {"function", tFUNCTION}, {"func", tFUNCTION}, {"if", tIF}, {"else", tELSE}, {"while", tWHILE},
    {"for", tFOR}, {"do", tDO}, {"break", tBREAK}, {"continue", tCONTINUE}, {"next", tNEXT},
    {"nextfile", tNEXTFILE}, {"exit", tEXIT}, {"return", tRETURN}, {"delete", tDELETE}, {"in", tIN},
    {"getline", tGETLINE}, {"print", tPRINT}, {"printf", tPRINTF},
};

struct BuiltinName { const char* name; int id; };
constexpr BuiltinName kBuiltins[] = {
    {"length", kBLength}, {"substr", kBSubstr}, {"index", kBIndex}, {"split", kBSplit}, {"sub", kBSub},
    {"gsub", kBGsub}, {"match", kBMatch}, {"sprintf", kBSprintf}, {"tolower", kBTolower},
    {"toupper", kBToupper}, {"int", kBInt}, {"sqrt", kBSqrt}, {"exp", kBExp}, {"log", kBLog},
    {"sin", kBSin}, {"cos", kBCos}, {"atan2", kBAtan2}, {"rand", kBRand}, {"srand", kBSrand},
    {"system", kBSystem}, {"close", kBClose}, {"fflush", kBFflush}, {"gensub", kBGensub},
    {"systime", kBSystime}, {"strftime", kBStrftime}, {"mktime", kBMktime}, {"asort", kBAsort},
    {"asorti", kBAsorti}, {"patsplit", kBPatsplit}, {"isarray", kBIsarray}, {"typeof", kBTypeof},
    {"and", kBAnd}, {"or", kBOr}, {"xor", kBXor}, {"lshift", kBLshift}, {"rshift", kBRshift},
    {"compl", kBCompl}, {"strtonum", kBStrtonum},
};

const char* const kSpecialNames[] = {"NR", "FNR", "NF", "FS", "OFS", "ORS", "RS", "FILENAME", "SUBSEP",
                                     "RSTART", "RLENGTH", "CONVFMT", "OFMT", "ENVIRON", "ARGC", "ARGV",
                                     "RT", "IGNORECASE", "FPAT", "FIELDWIDTHS", "PROCINFO", "BINMODE",
                                     "LINT", "TEXTDOMAIN", "ERRNO"};

class Parser {
 public:
  Parser(const std::vector<Source>& sources, Program& prog, const std::string& progname)
      : sources_(sources), prog_(prog), progname_(progname) {}

  void run() {
    for (int i = 0; i < kSpecialCount; ++i) global(kSpecialNames[i]);
    for (const auto& s : sources_) prog_.source_names.push_back(s.name);
    for (size_t s = 0; s < sources_.size(); ++s) lex(static_cast<int>(s));
    toks_.push_back(Token{tEOF, "", 0, last_line_, last_col_, static_cast<int>(sources_.size()) - 1});
    program();
    for (auto& [name, idx] : prog_.function_index) {
      if (!prog_.functions[idx].defined) {
        throw Fatal{loc_prefix(0) + "fatal: function `" + name + "' not defined", true};
      }
    }
  }

 private:
  // ---------- lexer ----------
  void lex(int src) {
    const std::string& t = sources_[src].text;
    size_t i = 0;
    int line = 1;
    size_t line_start = 0;
    auto push = [&](Tok type, size_t start, std::string text = "") {
      Token tok;
      tok.type = type;
      tok.text = std::move(text);
      tok.line = line;
      tok.col = static_cast<int>(start - line_start);
      tok.src = src;
      toks_.push_back(std::move(tok));
    };
    auto prev_is_operand = [&]() {
      if (toks_.empty() || toks_.back().src != src) return false;
      Tok p = toks_.back().type;
      return p == tNAME || p == tNUMBER || p == tSTRING || p == tERE || p == tRPAREN || p == tRBRACKET ||
             p == tBUILTIN || p == tINCR || p == tDECR || p == tDOLLAR;
    };
    while (i < t.size()) {
      char c = t[i];
      if (c == ' ' || c == '\t' || c == '\r') { ++i; continue; }
      if (c == '\\' && i + 1 < t.size() && t[i + 1] == '\n') { i += 2; ++line; line_start = i; continue; }
      if (c == '\\' && i + 2 < t.size() && t[i + 1] == '\r' && t[i + 2] == '\n') { i += 3; ++line; line_start = i; continue; }
      if (c == '#') { while (i < t.size() && t[i] != '\n') ++i; continue; }
      if (c == '\n') {
        push(tNEWLINE, i);
        ++i;
        ++line;
        line_start = i;
        continue;
      }
      size_t start = i;
      if (isdigit(static_cast<unsigned char>(c)) || (c == '.' && i + 1 < t.size() && isdigit(static_cast<unsigned char>(t[i + 1])))) {
        const char* b = t.c_str() + i;
        char* e = nullptr;
        double v;
        if (c == '0' && i + 1 < t.size() && (t[i + 1] == 'x' || t[i + 1] == 'X') && i + 2 < t.size() && isxdigit(static_cast<unsigned char>(t[i + 2]))) {
          v = static_cast<double>(strtoull(b, &e, 16));
        } else {
          // Decimal only: no hex floats, inf or nan in source.
          size_t j = i;
          while (j < t.size() && isdigit(static_cast<unsigned char>(t[j]))) ++j;
          if (j < t.size() && t[j] == '.') { ++j; while (j < t.size() && isdigit(static_cast<unsigned char>(t[j]))) ++j; }
          if (j < t.size() && (t[j] == 'e' || t[j] == 'E')) {
            size_t k = j + 1;
            if (k < t.size() && (t[k] == '+' || t[k] == '-')) ++k;
            if (k < t.size() && isdigit(static_cast<unsigned char>(t[k]))) {
              j = k;
              while (j < t.size() && isdigit(static_cast<unsigned char>(t[j]))) ++j;
            }
          }
          std::string num = t.substr(i, j - i);
          v = strtod(num.c_str(), nullptr);
          if (num.size() > 1 && num[0] == '0' && num.find_first_not_of("01234567") == std::string::npos) {
            v = static_cast<double>(strtoull(num.c_str(), nullptr, 8));
          }
          e = const_cast<char*>(b + (j - i));
        }
        i += static_cast<size_t>(e - b);
        push(tNUMBER, start);
        toks_.back().num = v;
        continue;
      }
      if (isalpha(static_cast<unsigned char>(c)) || c == '_') {
        size_t j = i;
        while (j < t.size() && (isalnum(static_cast<unsigned char>(t[j])) || t[j] == '_')) ++j;
        std::string word = t.substr(i, j - i);
        i = j;
        Tok type = tNAME;
        for (const auto& k : kKeywords) if (word == k.name) type = k.tok;
        if (type == tNAME) {
          for (const auto& b : kBuiltins) if (word == b.name) type = tBUILTIN;
        }
        if (type == tNAME && i < t.size() && t[i] == '(') type = tFUNC_NAME;
        push(type, start, word);
        continue;
      }
      if (c == '"') {
        std::string raw;
        ++i;
        bool closed = false;
        while (i < t.size()) {
          if (t[i] == '\\' && i + 1 < t.size()) {
            if (t[i + 1] == '\n') { i += 2; ++line; line_start = i; continue; }
            raw += t[i];
            raw += t[i + 1];
            i += 2;
            continue;
          }
          if (t[i] == '"') { closed = true; ++i; break; }
          if (t[i] == '\n') break;
          raw += t[i++];
        }
        if (!closed) {
          error_at(src, line, static_cast<int>(start - line_start), "unterminated string", line_text(src, line));
        }
        std::vector<std::string> warns;
        push(tSTRING, start, unescape(raw, false, &warns));
        for (auto& w : warns) prog_.warnings.push_back(loc_prefix(src, line) + "warning: " + w);
        continue;
      }
      if (c == '/' && !prev_is_operand()) {
        std::string raw;
        ++i;
        bool closed = false;
        bool in_bracket = false;
        while (i < t.size() && t[i] != '\n') {
          char d = t[i];
          if (d == '\\' && i + 1 < t.size()) {
            if (t[i + 1] == '/') { raw += '/'; i += 2; continue; }
            raw += d;
            raw += t[i + 1];
            i += 2;
            continue;
          }
          if (in_bracket) {
            if (d == ']' ) in_bracket = false;
            raw += d;
            ++i;
            continue;
          }
          if (d == '[') {
            in_bracket = true;
            raw += d;
            ++i;
            if (i < t.size() && t[i] == '^') raw += t[i++];
            if (i < t.size() && t[i] == ']') raw += t[i++];
            continue;
          }
          if (d == '/') { closed = true; ++i; break; }
          raw += d;
          ++i;
        }
        if (!closed) error_at(src, line, static_cast<int>(start - line_start) + 1, "unterminated regexp", line_text(src, line));
        push(tERE, start, raw);
        continue;
      }
      auto two = [&](char a, char b) { return c == a && i + 1 < t.size() && t[i + 1] == b; };
      Tok type = tEOF;
      size_t len = 1;
      if (two('+', '=')) { type = tADD_ASSIGN; len = 2; }
      else if (two('-', '=')) { type = tSUB_ASSIGN; len = 2; }
      else if (two('*', '=')) { type = tMUL_ASSIGN; len = 2; }
      else if (two('/', '=')) { type = tDIV_ASSIGN; len = 2; }
      else if (two('%', '=')) { type = tMOD_ASSIGN; len = 2; }
      else if (two('^', '=')) { type = tPOW_ASSIGN; len = 2; }
      else if (c == '*' && i + 2 < t.size() && t[i + 1] == '*' && t[i + 2] == '=') { type = tPOW_ASSIGN; len = 3; }
      else if (two('*', '*')) { type = tCARET; len = 2; }
      else if (two('|', '|')) { type = tOR; len = 2; }
      else if (two('&', '&')) { type = tAND; len = 2; }
      else if (two('!', '~')) { type = tNOMATCH; len = 2; }
      else if (two('=', '=')) { type = tEQ; len = 2; }
      else if (two('!', '=')) { type = tNE; len = 2; }
      else if (two('<', '=')) { type = tLE; len = 2; }
      else if (two('>', '=')) { type = tGE; len = 2; }
      else if (two('>', '>')) { type = tAPPEND; len = 2; }
      else if (two('|', '&')) { type = tPIPEAMP; len = 2; }
      else if (two('+', '+')) { type = tINCR; len = 2; }
      else if (two('-', '-')) { type = tDECR; len = 2; }
      else {
        switch (c) {
          case '{': type = tLBRACE; break;
          case '}': type = tRBRACE; break;
          case '(': type = tLPAREN; break;
          case ')': type = tRPAREN; break;
          case '[': type = tLBRACKET; break;
          case ']': type = tRBRACKET; break;
          case ';': type = tSEMI; break;
          case ',': type = tCOMMA; break;
          case '=': type = tASSIGN; break;
          case '?': type = tQUESTION; break;
          case ':': type = tCOLON; break;
          case '~': type = tMATCH; break;
          case '<': type = tLT; break;
          case '>': type = tGT; break;
          case '|': type = tPIPE; break;
          case '+': type = tPLUS; break;
          case '-': type = tMINUS; break;
          case '*': type = tSTAR; break;
          case '/': type = tSLASH; break;
          case '%': type = tPERCENT; break;
          case '^': type = tCARET; break;
          case '!': type = tNOT; break;
          case '$': type = tDOLLAR; break;
          default:
            error_at(src, line, static_cast<int>(start - line_start),
                     c == '@' ? std::string("syntax error") : std::string("invalid char '") + c + "' in expression",
                     line_text(src, line));
        }
      }
      i += len;
      push(type, start, t.substr(start, len));
    }
    last_line_ = line;
    last_col_ = static_cast<int>(t.size() - line_start);
  }

  std::string line_text(int src, int line) const {
    const std::string& t = sources_[src].text;
    size_t pos = 0;
    for (int l = 1; l < line; ++l) {
      size_t nl = t.find('\n', pos);
      if (nl == std::string::npos) return "";
      pos = nl + 1;
    }
    size_t nl = t.find('\n', pos);
    return t.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
  }

  std::string loc_prefix(int src, int line = 1) const {
    return progname_ + ": " + sources_[src].name + ":" + std::to_string(line) + ": ";
  }

  [[noreturn]] void error_at(int src, int line, int col, const std::string& msg, const std::string& text) {
    std::string prefix = loc_prefix(src, line);
    std::string out = prefix + text + "\n" + prefix + std::string(static_cast<size_t>(std::max(col, 0)), ' ') + "^ " + msg;
    throw Fatal{out, true, 1};
  }

  [[noreturn]] void syntax_error() {
    const Token& t = cur();
    if (t.type == tEOF || t.type == tNEWLINE) {
      std::string text = line_text(t.src, t.line);
      error_at(t.src, t.line, static_cast<int>(text.size()), "unexpected newline or end of string", text);
    }
    error_at(t.src, t.line, t.col, "syntax error", line_text(t.src, t.line));
  }

  // ---------- token helpers ----------
  const Token& cur() const { return toks_[pos_]; }
  Tok peek(size_t ahead = 0) const { return pos_ + ahead < toks_.size() ? toks_[pos_ + ahead].type : tEOF; }
  bool at(Tok t) const { return cur().type == t; }
  bool accept(Tok t) {
    if (!at(t)) return false;
    ++pos_;
    return true;
  }
  void expect(Tok t) {
    if (!accept(t)) syntax_error();
  }
  void opt_nl() { while (at(tNEWLINE)) ++pos_; }
  void skip_terms() { while (at(tNEWLINE) || at(tSEMI)) ++pos_; }

  NodePtr make(NodeKind k, int op = 0) {
    auto n = std::make_unique<Node>();
    n->kind = k;
    n->op = op;
    n->line = cur().line;
    n->src = cur().src;
    return n;
  }

  int global(const std::string& name) {
    auto it = prog_.global_index.find(name);
    if (it != prog_.global_index.end()) return it->second;
    int idx = static_cast<int>(prog_.globals.size());
    prog_.globals.push_back(name);
    prog_.global_index.emplace(name, idx);
    return idx;
  }

  int function(const std::string& name) {
    auto it = prog_.function_index.find(name);
    if (it != prog_.function_index.end()) return it->second;
    int idx = static_cast<int>(prog_.functions.size());
    prog_.functions.push_back(Function{name, {}, nullptr, false});
    prog_.function_index.emplace(name, idx);
    return idx;
  }

  NodePtr var_node(const std::string& name) {
    if (locals_) {
      for (size_t i = 0; i < locals_->size(); ++i) {
        if ((*locals_)[i] == name) {
          auto n = make(NodeKind::kLocal);
          n->index = static_cast<int>(i);
          n->str = name;
          return n;
        }
      }
    }
    if (prog_.function_index.count(name) && prog_.functions[prog_.function_index[name]].defined) {
      const Token& t = cur();
      throw Fatal{loc_prefix(t.src, t.line) + "error: function `" + name +
                      "' called with space between name and `(',\nor used as a variable or an array", true, 1};
    }
    auto n = make(NodeKind::kVar);
    n->index = global(name);
    n->str = name;
    return n;
  }

  // ---------- program ----------
  void program() {
    skip_terms();
    while (!at(tEOF)) {
      item();
      skip_terms();
    }
  }

  void item() {
    if (accept(tFUNCTION)) {
      std::string name;
      if (at(tNAME) || at(tFUNC_NAME)) name = cur().text;
      else syntax_error();
      ++pos_;
      int idx = function(name);
      Function& f = prog_.functions[idx];
      if (f.defined) {
        const Token& t = toks_[pos_ - 1];
        throw Fatal{loc_prefix(t.src, t.line) + "error: function name `" + name + "' previously defined", true, 1};
      }
      f.defined = true;
      {
        auto g = prog_.global_index.find(name);
        if (g != prog_.global_index.end()) {
          const Token& t = toks_[pos_ - 1];
          throw Fatal{loc_prefix(t.src, t.line) + "error: function name `" + name + "' previously defined", true, 1};
        }
      }
      expect(tLPAREN);
      std::vector<std::string> params;
      opt_nl();
      while (at(tNAME)) {
        if (cur().text == name) {
          const Token& t = cur();
          throw Fatal{loc_prefix(t.src, t.line) + "error: function `" + name +
                          "': cannot use function name as parameter name", true, 1};
        }
        params.push_back(cur().text);
        ++pos_;
        opt_nl();
        if (!accept(tCOMMA)) break;
        opt_nl();
      }
      expect(tRPAREN);
      opt_nl();
      prog_.functions[idx].params = params;
      locals_ = &prog_.functions[idx].params;
      NodePtr body = block();
      locals_ = nullptr;
      prog_.functions[idx].body = std::move(body);
      return;
    }
    Rule r;
    if (accept(tBEGIN)) r.kind = PatternKind::kBegin;
    else if (accept(tEND)) r.kind = PatternKind::kEnd;
    else if (accept(tBEGINFILE)) r.kind = PatternKind::kBeginFile;
    else if (accept(tENDFILE)) r.kind = PatternKind::kEndFile;
    rule_kind_ = r.kind;
    if (r.kind != PatternKind::kMain) {
      opt_nl();
      if (!at(tLBRACE)) {
        static const char* const kNames[] = {"BEGIN", "END", "BEGINFILE", "ENDFILE"};
        const Token& t = toks_[pos_ - 1];
        throw Fatal{loc_prefix(t.src, t.line) + kNames[static_cast<int>(r.kind)] + " blocks must have an action part",
                    true, 1};
      }
      r.action = block();
    } else {
      if (!at(tLBRACE)) {
        r.pattern = expr();
        if (accept(tCOMMA)) {
          opt_nl();
          r.pattern2 = expr();
        }
      }
      if (at(tLBRACE)) r.action = block();
      else if (!(at(tNEWLINE) || at(tSEMI) || at(tEOF))) syntax_error();
      prog_.has_main = true;
    }
    if (r.kind == PatternKind::kEnd) prog_.has_end = true;
    if (r.kind == PatternKind::kBeginFile) prog_.has_beginfile = true;
    if (r.kind == PatternKind::kEndFile) prog_.has_endfile = true;
    prog_.rules.push_back(std::move(r));
  }

  NodePtr block() {
    expect(tLBRACE);
    auto b = make(NodeKind::kBlock);
    skip_terms();
    while (!at(tRBRACE)) {
      if (at(tEOF)) syntax_error();
      b->kids.push_back(statement());
      skip_terms();
    }
    expect(tRBRACE);
    return b;
  }

  void end_simple() {
    if (accept(tSEMI) || accept(tNEWLINE)) return;
    if (at(tRBRACE) || at(tEOF)) return;
    syntax_error();
  }

  NodePtr statement() {
    if (++depth_ > 200 || stack_nearly_exhausted()) throw Fatal{loc_prefix(0) + "fatal: program nested too deeply", true};
    NodePtr s = statement_inner();
    --depth_;
    return s;
  }

  NodePtr simple_or_block() {
    opt_nl();
    if (accept(tSEMI)) return make(NodeKind::kNop);
    return statement();
  }

  NodePtr statement_inner() {
    switch (cur().type) {
      case tLBRACE: return block();
      case tSEMI: ++pos_; return make(NodeKind::kNop);
      case tIF: {
        ++pos_;
        auto n = make(NodeKind::kIf);
        expect(tLPAREN);
        n->kids.push_back(expr());
        expect(tRPAREN);
        n->kids.push_back(simple_or_block());
        size_t save = pos_;
        while (at(tNEWLINE) || at(tSEMI)) ++pos_;
        if (accept(tELSE)) {
          n->kids.push_back(simple_or_block());
        } else {
          pos_ = save;
        }
        return n;
      }
      case tWHILE: {
        ++pos_;
        auto n = make(NodeKind::kWhile);
        expect(tLPAREN);
        n->kids.push_back(expr());
        expect(tRPAREN);
        if (at(tSEMI)) { ++pos_; n->kids.push_back(make(NodeKind::kNop)); return n; }
        n->kids.push_back(simple_or_block());
        return n;
      }
      case tDO: {
        ++pos_;
        auto n = make(NodeKind::kDo);
        n->kids.push_back(simple_or_block());
        skip_terms();
        expect(tWHILE);
        expect(tLPAREN);
        n->kids.push_back(expr());
        expect(tRPAREN);
        end_simple();
        return n;
      }
      case tFOR: {
        ++pos_;
        expect(tLPAREN);
        if (at(tNAME) && peek(1) == tIN && (peek(2) == tNAME) && peek(3) == tRPAREN) {
          auto n = make(NodeKind::kForIn);
          n->kids.push_back(var_node(cur().text));
          pos_ += 2;
          n->kids.push_back(var_node(cur().text));
          pos_ += 2;
          n->kids.push_back(simple_or_block());
          return n;
        }
        if (at(tLPAREN) && peek(1) == tNAME && peek(2) == tIN && peek(3) == tNAME && peek(4) == tRPAREN && peek(5) == tRPAREN) {
          ++pos_;
          auto n = make(NodeKind::kForIn);
          n->kids.push_back(var_node(cur().text));
          pos_ += 2;
          n->kids.push_back(var_node(cur().text));
          pos_ += 3;
          n->kids.push_back(simple_or_block());
          return n;
        }
        auto n = make(NodeKind::kFor);
        n->kids.push_back(at(tSEMI) ? make(NodeKind::kNop) : simple_expr_stmt());
        opt_nl();
        expect(tSEMI);
        opt_nl();
        n->kids.push_back(at(tSEMI) ? nullptr : expr());
        opt_nl();
        expect(tSEMI);
        opt_nl();
        n->kids.push_back(at(tRPAREN) ? make(NodeKind::kNop) : simple_expr_stmt());
        expect(tRPAREN);
        if (at(tSEMI)) { ++pos_; n->kids.push_back(make(NodeKind::kNop)); return n; }
        n->kids.push_back(simple_or_block());
        return n;
      }
      default: break;
    }
    NodePtr s = simple_statement();
    end_simple();
    return s;
  }

  NodePtr simple_expr_stmt() {
    auto n = make(NodeKind::kExprStmt);
    n->kids.push_back(expr());
    return n;
  }

  NodePtr simple_statement() {
    switch (cur().type) {
      case tBREAK: ++pos_; return make(NodeKind::kBreak);
      case tCONTINUE: ++pos_; return make(NodeKind::kContinue);
      case tNEXT:
      case tNEXTFILE: {
        const char* what = at(tNEXT) ? "next" : "nextfile";
        if (!locals_ && (rule_kind_ == PatternKind::kBegin || rule_kind_ == PatternKind::kEnd)) {
          const Token& t = cur();
          throw Fatal{loc_prefix(t.src, t.line) + "error: `" + what + "' used in " +
                          (rule_kind_ == PatternKind::kBegin ? "BEGIN" : "END") + " action", true, 1};
        }
        NodePtr n = make(at(tNEXT) ? NodeKind::kNext : NodeKind::kNextFile);
        ++pos_;
        return n;
      }
      case tEXIT: {
        ++pos_;
        auto n = make(NodeKind::kExit);
        if (!ends_stmt()) n->kids.push_back(expr());
        return n;
      }
      case tRETURN: {
        ++pos_;
        auto n = make(NodeKind::kReturn);
        if (!ends_stmt()) n->kids.push_back(expr());
        return n;
      }
      case tDELETE: {
        ++pos_;
        bool paren = accept(tLPAREN);
        if (!at(tNAME)) syntax_error();
        NodePtr v = var_node(cur().text);
        ++pos_;
        NodePtr n;
        if (accept(tLBRACKET)) {
          n = make(NodeKind::kDelete);
          n->kids.push_back(std::move(v));
          expr_list(n->kids, tRBRACKET);
          expect(tRBRACKET);
        } else {
          n = make(NodeKind::kDeleteAll);
          n->kids.push_back(std::move(v));
        }
        if (paren) expect(tRPAREN);
        return n;
      }
      case tPRINT:
      case tPRINTF: {
        bool is_printf = at(tPRINTF);
        ++pos_;
        auto n = make(is_printf ? NodeKind::kPrintf : NodeKind::kPrint);
        auto args = make(NodeKind::kGroup);
        if (!ends_stmt() && !at(tGT) && !at(tAPPEND) && !at(tPIPE) && !at(tPIPEAMP)) {
          ++no_gt_;
          NodePtr first = expr();
          if (first->kind == NodeKind::kGroup && !at(tCOMMA)) {
            args = std::move(first);
          } else {
            args->kids.push_back(std::move(first));
            while (accept(tCOMMA)) {
              opt_nl();
              args->kids.push_back(expr());
            }
          }
          --no_gt_;
        }
        n->kids.push_back(std::move(args));
        if (at(tGT) || at(tAPPEND) || at(tPIPE) || at(tPIPEAMP)) {
          n->op = cur().type == tGT ? '>' : cur().type == tAPPEND ? 'a' : '|';
          ++pos_;
          ++no_gt_;
          n->kids.push_back(concat());
          --no_gt_;
        }
        if (is_printf && n->kids[0]->kids.empty()) {
          const Token& t = cur();
          (void)t;
          n->str = "noargs";
        }
        return n;
      }
      default: break;
    }
    return simple_expr_stmt();
  }

  bool ends_stmt() const { return at(tSEMI) || at(tNEWLINE) || at(tRBRACE) || at(tEOF); }

  void expr_list(std::vector<NodePtr>& out, Tok close) {
    opt_nl();
    if (at(close)) return;
    out.push_back(expr());
    opt_nl();
    while (accept(tCOMMA)) {
      opt_nl();
      out.push_back(expr());
      opt_nl();
    }
  }

  // ---------- expressions ----------
  static bool is_lvalue(const Node* n) {
    return n->kind == NodeKind::kVar || n->kind == NodeKind::kLocal || n->kind == NodeKind::kIndex ||
           n->kind == NodeKind::kField;
  }

  NodePtr expr() {
    if (++depth_ > 200 || stack_nearly_exhausted()) throw Fatal{loc_prefix(0) + "fatal: expression nested too deeply", true};
    NodePtr lhs = ternary();
    int op = 0;
    switch (cur().type) {
      case tASSIGN: op = '='; break;
      case tADD_ASSIGN: op = '+'; break;
      case tSUB_ASSIGN: op = '-'; break;
      case tMUL_ASSIGN: op = '*'; break;
      case tDIV_ASSIGN: op = '/'; break;
      case tMOD_ASSIGN: op = '%'; break;
      case tPOW_ASSIGN: op = '^'; break;
      default: break;
    }
    if (op && is_lvalue(lhs.get())) {
      ++pos_;
      opt_nl();
      auto n = make(NodeKind::kAssign, op);
      n->kids.push_back(std::move(lhs));
      n->kids.push_back(expr());
      --depth_;
      return n;
    }
    --depth_;
    return lhs;
  }

  NodePtr ternary() {
    NodePtr c = or_expr();
    if (!accept(tQUESTION)) return c;
    opt_nl();
    auto n = make(NodeKind::kCondition);
    n->kids.push_back(std::move(c));
    n->kids.push_back(expr());
    opt_nl();
    expect(tCOLON);
    opt_nl();
    n->kids.push_back(expr());
    return n;
  }

  NodePtr or_expr() {
    NodePtr l = and_expr();
    while (accept(tOR)) {
      opt_nl();
      auto n = make(NodeKind::kOr);
      n->kids.push_back(std::move(l));
      n->kids.push_back(and_expr());
      l = std::move(n);
    }
    return l;
  }

  NodePtr and_expr() {
    NodePtr l = in_expr();
    while (accept(tAND)) {
      opt_nl();
      auto n = make(NodeKind::kAnd);
      n->kids.push_back(std::move(l));
      n->kids.push_back(in_expr());
      l = std::move(n);
    }
    return l;
  }

  NodePtr in_expr() {
    NodePtr l = match_expr();
    while (at(tIN)) {
      ++pos_;
      if (!at(tNAME)) syntax_error();
      auto n = make(NodeKind::kIn);
      if (l->kind == NodeKind::kGroup) {
        for (auto& k : l->kids) n->kids.push_back(std::move(k));
      } else {
        n->kids.push_back(std::move(l));
      }
      n->index = -1;
      n->kids.insert(n->kids.begin(), var_node(cur().text));
      ++pos_;
      l = std::move(n);
    }
    return l;
  }

  NodePtr match_expr() {
    NodePtr l = comparison();
    while (at(tMATCH) || at(tNOMATCH)) {
      bool neg = at(tNOMATCH);
      ++pos_;
      auto n = make(neg ? NodeKind::kNotMatch : NodeKind::kMatch);
      n->kids.push_back(std::move(l));
      n->kids.push_back(comparison());
      l = std::move(n);
    }
    return l;
  }

  NodePtr comparison() {
    NodePtr l = concat();
    int op = 0;
    switch (cur().type) {
      case tLT: op = '<'; break;
      case tLE: op = 'l'; break;
      case tEQ: op = '='; break;
      case tNE: op = '!'; break;
      case tGE: op = 'g'; break;
      case tGT: op = no_gt_ ? 0 : '>'; break;
      default: break;
    }
    if (!op) return l;
    ++pos_;
    auto n = make(NodeKind::kCompare, op);
    n->kids.push_back(std::move(l));
    n->kids.push_back(concat());
    return n;
  }

  bool starts_concat_operand() const {
    switch (cur().type) {
      case tNUMBER: case tSTRING: case tERE: case tFUNC_NAME: case tNAME: case tBUILTIN: case tDOLLAR:
      case tNOT: case tLPAREN: case tMINUS: case tPLUS: case tINCR: case tDECR:
        return true;
      default:
        return false;
    }
  }

  NodePtr concat() {
    NodePtr l = additive();
    for (;;) {
      if ((at(tPIPE) || at(tPIPEAMP)) && peek(1) == tGETLINE) {
        pos_ += 2;
        auto n = make(NodeKind::kCmdGetline);
        n->kids.push_back(std::move(l));
        if (at(tNAME) || at(tDOLLAR)) n->kids.push_back(simple_lvalue());
        l = std::move(n);
        continue;
      }
      if (!starts_concat_operand() || at(tIN)) break;
      if (at(tNOT)) break;
      auto n = make(NodeKind::kConcat);
      n->kids.push_back(std::move(l));
      n->kids.push_back(additive());
      l = std::move(n);
    }
    return l;
  }

  NodePtr additive() {
    NodePtr l = mult();
    while (at(tPLUS) || at(tMINUS)) {
      int op = at(tPLUS) ? '+' : '-';
      ++pos_;
      auto n = make(NodeKind::kBinary, op);
      n->kids.push_back(std::move(l));
      n->kids.push_back(mult());
      l = std::move(n);
    }
    return l;
  }

  NodePtr mult() {
    NodePtr l = unary();
    while (at(tSTAR) || at(tSLASH) || at(tPERCENT)) {
      int op = at(tSTAR) ? '*' : at(tSLASH) ? '/' : '%';
      ++pos_;
      auto n = make(NodeKind::kBinary, op);
      n->kids.push_back(std::move(l));
      n->kids.push_back(unary());
      if (op != '*' && n->kids[0]->kind == NodeKind::kNum && n->kids[1]->kind == NodeKind::kNum &&
          n->kids[1]->num == 0) {
        // gawk folds constants while parsing and reports this as an error.
        const Token& t = toks_[pos_ - 1];
        throw Fatal{loc_prefix(t.src, t.line) + "error: division by zero attempted" + (op == '%' ? " in `%'" : ""),
                    true, 1};
      }
      l = std::move(n);
    }
    return l;
  }

  NodePtr unary() {
    if (at(tNOT) || at(tMINUS) || at(tPLUS)) {
      Tok t = cur().type;
      ++pos_;
      if (++depth_ > 200 || stack_nearly_exhausted()) throw Fatal{loc_prefix(0) + "fatal: expression nested too deeply", true};
      auto n = make(t == tNOT ? NodeKind::kNot : NodeKind::kUnary, t == tMINUS ? '-' : '+');
      n->kids.push_back(unary());
      --depth_;
      return n;
    }
    return power();
  }

  NodePtr power() {
    NodePtr base = postfix();
    if (at(tCARET)) {
      ++pos_;
      if (++depth_ > 200 || stack_nearly_exhausted()) throw Fatal{loc_prefix(0) + "fatal: expression nested too deeply", true};
      struct Leave { int& d; ~Leave() { --d; } } leave{depth_};
      auto n = make(NodeKind::kBinary, '^');
      n->kids.push_back(std::move(base));
      // Right associative; the exponent may carry a unary minus.
      if (at(tMINUS) || at(tPLUS) || at(tNOT)) n->kids.push_back(unary());
      else n->kids.push_back(power());
      return n;
    }
    return base;
  }

  NodePtr postfix() {
    NodePtr p = primary();
    if (is_lvalue(p.get())) {
      if (at(tINCR) || at(tDECR)) {
        auto n = make(at(tINCR) ? NodeKind::kPostIncr : NodeKind::kPostDecr);
        ++pos_;
        n->kids.push_back(std::move(p));
        return n;
      }
    }
    return p;
  }

  NodePtr simple_lvalue() {
    if (at(tDOLLAR)) {
      ++pos_;
      auto n = make(NodeKind::kField);
      n->kids.push_back(field_operand());
      return n;
    }
    if (!at(tNAME)) syntax_error();
    std::string name = cur().text;
    ++pos_;
    NodePtr v = var_node(name);
    if (accept(tLBRACKET)) {
      auto n = make(NodeKind::kIndex);
      n->kids.push_back(std::move(v));
      expr_list(n->kids, tRBRACKET);
      expect(tRBRACKET);
      return n;
    }
    return v;
  }

  NodePtr field_operand() {
    if (at(tINCR) || at(tDECR)) {
      auto n = make(at(tINCR) ? NodeKind::kPreIncr : NodeKind::kPreDecr);
      ++pos_;
      n->kids.push_back(simple_lvalue());
      return n;
    }
    if (at(tMINUS) || at(tPLUS) || at(tNOT)) {
      Tok t = cur().type;
      ++pos_;
      if (++depth_ > 200 || stack_nearly_exhausted()) throw Fatal{loc_prefix(0) + "fatal: expression nested too deeply", true};
      auto n = make(t == tNOT ? NodeKind::kNot : NodeKind::kUnary, t == tMINUS ? '-' : '+');
      n->kids.push_back(field_operand());
      --depth_;
      return n;
    }
    return primary();
  }

  NodePtr primary() {
    const Token& t = cur();
    switch (t.type) {
      case tNUMBER: {
        auto n = make(NodeKind::kNum);
        n->num = t.num;
        ++pos_;
        return n;
      }
      case tSTRING: {
        auto n = make(NodeKind::kStr);
        n->str = t.text;
        ++pos_;
        return n;
      }
      case tERE: {
        auto n = make(NodeKind::kRegex);
        n->str = t.text;
        ++pos_;
        return n;
      }
      case tDOLLAR: {
        ++pos_;
        if (++depth_ > 200 || stack_nearly_exhausted()) throw Fatal{loc_prefix(0) + "fatal: expression nested too deeply", true};
        auto n = make(NodeKind::kField);
        n->kids.push_back(field_operand());
        --depth_;
        return n;
      }
      case tINCR:
      case tDECR: {
        auto n = make(t.type == tINCR ? NodeKind::kPreIncr : NodeKind::kPreDecr);
        ++pos_;
        if (++depth_ > 200 || stack_nearly_exhausted()) throw Fatal{loc_prefix(0) + "fatal: expression nested too deeply", true};
        NodePtr lv = primary();
        --depth_;
        if (!is_lvalue(lv.get())) syntax_error();
        n->kids.push_back(std::move(lv));
        return n;
      }
      case tMINUS: case tPLUS: case tNOT:
        return unary();
      case tLPAREN: {
        ++pos_;
        opt_nl();
        int saved = no_gt_;
        no_gt_ = 0;
        NodePtr e = expr();
        opt_nl();
        if (at(tCOMMA)) {
          auto g = make(NodeKind::kGroup);
          g->kids.push_back(std::move(e));
          while (accept(tCOMMA)) {
            opt_nl();
            g->kids.push_back(expr());
            opt_nl();
          }
          expect(tRPAREN);
          no_gt_ = saved;
          if (!at(tIN) && !(no_gt_ && (at(tGT) || at(tAPPEND) || at(tPIPE) || ends_stmt()))) syntax_error();
          return g;
        }
        expect(tRPAREN);
        no_gt_ = saved;
        if (no_gt_ && (at(tGT) || at(tAPPEND) || at(tPIPE) || at(tPIPEAMP) || ends_stmt()) ) {
          // print (x) > "f": keep a single-element group so print knows.
        }
        return e;
      }
      case tGETLINE: {
        ++pos_;
        auto n = make(NodeKind::kGetline);
        if (at(tNAME) || at(tDOLLAR)) n->kids.push_back(simple_lvalue());
        else n->kids.push_back(nullptr);
        if (at(tLT)) {
          ++pos_;
          n->kind = NodeKind::kFileGetline;
          n->kids.push_back(getline_file());
        }
        return n;
      }
      case tFUNC_NAME: {
        std::string name = t.text;
        ++pos_;
        expect(tLPAREN);
        auto n = make(NodeKind::kCall);
        n->index = function(name);
        n->str = name;
        expr_list(n->kids, tRPAREN);
        expect(tRPAREN);
        return n;
      }
      case tBUILTIN: {
        std::string name = t.text;
        int id = 0;
        for (const auto& b : kBuiltins) if (name == b.name) id = b.id;
        ++pos_;
        auto n = make(NodeKind::kBuiltin, id);
        n->str = name;
        if (accept(tLPAREN)) {
          expr_list(n->kids, tRPAREN);
          expect(tRPAREN);
          check_arity(id, name, n->kids.size());
        } else if (id != kBLength) {
          syntax_error();
        }
        return n;
      }
      case tNAME: {
        std::string name = t.text;
        ++pos_;
        NodePtr v = var_node(name);
        if (accept(tLBRACKET)) {
          auto n = make(NodeKind::kIndex);
          n->kids.push_back(std::move(v));
          expr_list(n->kids, tRBRACKET);
          if (n->kids.size() < 2) syntax_error();
          expect(tRBRACKET);
          return n;
        }
        return v;
      }
      default:
        syntax_error();
    }
  }

  void check_arity(int id, const std::string& name, size_t n) {
    static const struct { int id; size_t lo, hi; } kArity[] = {
        {kBLength, 0, 1}, {kBSubstr, 2, 3}, {kBIndex, 2, 2}, {kBSplit, 2, 4}, {kBSub, 2, 3}, {kBGsub, 2, 3},
        {kBMatch, 2, 3}, {kBSprintf, 1, 1000}, {kBTolower, 1, 1}, {kBToupper, 1, 1}, {kBInt, 1, 1},
        {kBSqrt, 1, 1}, {kBExp, 1, 1}, {kBLog, 1, 1}, {kBSin, 1, 1}, {kBCos, 1, 1}, {kBAtan2, 2, 2},
        {kBRand, 0, 0}, {kBSrand, 0, 1}, {kBSystem, 1, 1}, {kBClose, 1, 2}, {kBFflush, 0, 1},
        {kBGensub, 3, 4}, {kBSystime, 0, 0}, {kBStrftime, 0, 3}, {kBMktime, 1, 2}, {kBAsort, 1, 3},
        {kBAsorti, 1, 3}, {kBPatsplit, 2, 4}, {kBIsarray, 1, 1}, {kBTypeof, 1, 2}, {kBAnd, 2, 1000},
        {kBOr, 2, 1000}, {kBXor, 2, 1000}, {kBLshift, 2, 2}, {kBRshift, 2, 2}, {kBCompl, 1, 1},
        {kBStrtonum, 1, 1}};
    for (const auto& a : kArity) {
      if (a.id != id) continue;
      if (n >= a.lo && n <= a.hi) return;
      const Token& t = toks_[pos_ - 1];
      error_at(t.src, t.line, t.col, std::to_string(n) + " is invalid as number of arguments for " + name,
               line_text(t.src, t.line));
    }
  }

  NodePtr getline_file() {
    // The file operand is a primary expression: `getline < a b` reads from a.
    if (at(tDOLLAR) || at(tINCR) || at(tDECR)) return postfix();
    NodePtr p = primary();
    return p;
  }

  const std::vector<Source>& sources_;
  Program& prog_;
  std::string progname_;
  std::vector<Token> toks_;
  size_t pos_ = 0;
  int no_gt_ = 0;
  int depth_ = 0;
  int last_line_ = 1, last_col_ = 0;
  std::vector<std::string>* locals_ = nullptr;
  PatternKind rule_kind_ = PatternKind::kMain;
};

}  // namespace

std::string unescape(std::string_view s, bool for_regex, std::vector<std::string>* warnings) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c != '\\' || i + 1 >= s.size()) {
      out += c;
      continue;
    }
    char d = s[++i];
    switch (d) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case 'b': out += '\b'; break;
      case 'a': out += '\a'; break;
      case '\\': out += for_regex ? "\\\\" : "\\"; break;
      case '"': out += '"'; break;
      case '/':
        if (warnings) warnings->push_back("escape sequence `\\/' treated as plain `/'");
        out += '/';
        break;
      case 'x': {
        int v = 0, n = 0;
        while (n < 2 && i + 1 < s.size() && isxdigit(static_cast<unsigned char>(s[i + 1]))) {
          char h = s[++i];
          v = v * 16 + (isdigit(static_cast<unsigned char>(h)) ? h - '0' : (tolower(h) - 'a' + 10));
          ++n;
        }
        if (n == 0) out += "\\x";
        else out += static_cast<char>(v);
        break;
      }
      default:
        if (d >= '0' && d <= '7') {
          int v = d - '0', n = 1;
          while (n < 3 && i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '7') {
            v = v * 8 + (s[++i] - '0');
            ++n;
          }
          out += static_cast<char>(v);
        } else if (for_regex) {
          out += '\\';
          out += d;
        } else {
          // gawk drops the backslash of an unknown escape, with a warning.
          if (warnings) warnings->push_back(std::string("escape sequence `\\") + d + "' treated as plain `" + d + "'");
          out += d;
        }
    }
  }
  return out;
}

std::string translate_regex(std::string_view re) {
  std::string out;
  out.reserve(re.size() + 8);
  bool in_bracket = false;
  for (size_t i = 0; i < re.size(); ++i) {
    char c = re[i];
    if (in_bracket) {
      if (c == ']') {
        in_bracket = false;
        out += c;
        continue;
      }
      if (c == '[' && i + 1 < re.size() && (re[i + 1] == ':' || re[i + 1] == '.' || re[i + 1] == '=')) {
        char kind = re[i + 1];
        size_t close = re.find(std::string{kind, ']'}, i + 2);
        if (close != std::string_view::npos) {
          out.append(re.substr(i, close + 2 - i));
          i = close + 1;
          continue;
        }
      }
      if (c == '\\' && i + 1 < re.size()) {
        char d = re[++i];
        switch (d) {
          case 'n': out += '\n'; break;
          case 't': out += '\t'; break;
          case 'r': out += '\r'; break;
          case 'f': out += '\f'; break;
          case 'v': out += '\v'; break;
          case 'a': out += '\a'; break;
          case 'b': out += '\b'; break;
          case '\\': out += "\\"; break;
          case ']': out += "]"; break;  // best effort
          default: out += d;
        }
        continue;
      }
      out += c;
      continue;
    }
    if (c == '[') {
      in_bracket = true;
      out += c;
      if (i + 1 < re.size() && re[i + 1] == '^') out += re[++i];
      if (i + 1 < re.size() && re[i + 1] == ']') out += re[++i];
      continue;
    }
    if (c == '\\' && i + 1 < re.size()) {
      char d = re[++i];
      switch (d) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case '/': out += '/'; break;
        case '"': out += '"'; break;
        case 'y': out += "\\b"; break;
        case '&': out += '&'; break;
        default:
          if (d >= '0' && d <= '7') {
            int v = d - '0', n = 1;
            while (n < 3 && i + 1 < re.size() && re[i + 1] >= '0' && re[i + 1] <= '7') {
              v = v * 8 + (re[++i] - '0');
              ++n;
            }
            char ch = static_cast<char>(v);
            if (strchr("\\^$.[]|()*+?{}", ch) && ch) out += '\\';
            out += ch;
          } else {
            out += '\\';
            out += d;
          }
      }
      continue;
    }
    out += c;
  }
  return out;
}

void parse_program(const std::vector<Source>& sources, Program& prog, const std::string& progname) {
  Parser p(sources, prog, progname);
  p.run();
}

}  // namespace burrow::awk
