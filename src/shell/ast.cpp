#include "shell/ast.h"

namespace burrow::shell {

Word::Word() = default;
Word::Word(Word&&) noexcept = default;
Word& Word::operator=(Word&&) noexcept = default;
Word::~Word() = default;

Word Word::clone() const {
  Word w;
  w.parts.reserve(parts.size());
  for (const auto& p : parts) w.parts.push_back(p.clone());
  w.raw = raw;
  w.line = line;
  w.decl_assign = decl_assign;  // immutable after parsing, safe to share
  return w;
}

Word Word::clone_tildes_as_text() const {
  Word w = clone();
  for (WordPart& p : w.parts) {
    if (p.kind != WordPartKind::Tilde) continue;
    WordPart lit(WordPartKind::Literal);
    lit.text = "~" + p.text;
    lit.source = lit.text;
    p = std::move(lit);
  }
  return w;
}

bool Word::is_plain_literal(std::string* out) const {
  std::string s;
  for (const auto& p : parts) {
    if (p.kind != WordPartKind::Literal || p.quoted) return false;
    s += p.text;
  }
  if (out) *out = std::move(s);
  return true;
}

static bool part_has_quotes(const WordPart& p) {
  switch (p.kind) {
    case WordPartKind::Literal: return p.quoted;
    case WordPartKind::SingleQuoted:
    case WordPartKind::AnsiC:
    case WordPartKind::DoubleQuoted:
    case WordPartKind::LocaleQuoted: return true;
    default: return false;
  }
}

bool Word::has_quotes() const {
  for (const auto& p : parts)
    if (part_has_quotes(p)) return true;
  return false;
}

WordPart::WordPart() = default;
WordPart::WordPart(WordPartKind k) : kind(k) {}
WordPart::WordPart(WordPart&&) noexcept = default;
WordPart& WordPart::operator=(WordPart&&) noexcept = default;
WordPart::~WordPart() = default;

WordPart WordPart::clone() const {
  WordPart p(kind);
  p.text = text;
  p.quoted = quoted;
  p.source = source;
  p.parts.reserve(parts.size());
  for (const auto& q : parts) p.parts.push_back(q.clone());
  if (param) p.param = std::make_unique<ParamExp>(param->clone());
  p.command = command;  // immutable after parsing
  p.backquote = backquote;
  p.backquote_source = backquote_source;
  p.process_output = process_output;
  if (arith) p.arith = std::make_unique<Word>(arith->clone());
  p.arith_raw = arith_raw;
  return p;
}

ParamExp ParamExp::clone() const {
  ParamExp e;
  e.name = name;
  e.braced = braced;
  e.has_subscript = has_subscript;
  e.subscript_raw = subscript_raw;
  e.subscript = subscript.clone();
  e.indirect = indirect;
  e.op = op;
  e.colon = colon;
  e.longest = longest;
  e.replace_mode = replace_mode;
  e.has_arg2 = has_arg2;
  e.transform = transform;
  e.names_char = names_char;
  e.arg = arg.clone();
  e.arg2 = arg2.clone();
  e.raw = raw;
  return e;
}

bool ParamExp::is_special() const {
  if (has_subscript) return subscript_raw == "@" || subscript_raw == "*";
  return name == "@" || name == "*";
}

Redirect Redirect::clone() const {
  Redirect r;
  r.fd = fd;
  r.fd_var = fd_var;
  r.op = op;
  r.target = target.clone();
  r.heredoc_body = heredoc_body.clone();
  r.heredoc_quoted = heredoc_quoted;
  r.heredoc_delim = heredoc_delim;
  r.line = line;
  return r;
}

Assignment Assignment::clone() const {
  Assignment a;
  a.name = name;
  a.has_index = has_index;
  a.index_raw = index_raw;
  a.index = index.clone();
  a.append = append;
  a.is_array = is_array;
  a.value = value.clone();
  for (const auto& e : elems) {
    ArrayElem c;
    c.has_key = e.has_key;
    c.key_raw = e.key_raw;
    c.key = e.key.clone();
    c.append = e.append;
    c.value = e.value.clone();
    a.elems.push_back(std::move(c));
  }
  a.line = line;
  return a;
}

Pipeline Pipeline::clone() const {
  Pipeline p;
  for (const auto& c : commands) p.commands.push_back(c->clone());
  p.pipe_stderr = pipe_stderr;
  p.negated = negated;
  p.timed = timed;
  p.time_posix = time_posix;
  p.line = line;
  return p;
}

AndOr AndOr::clone() const {
  AndOr a;
  for (const auto& p : pipelines) a.pipelines.push_back(p.clone());
  a.ops = ops;
  a.line = line;
  return a;
}

ListItem ListItem::clone() const { return ListItem{and_or.clone(), background, newline}; }

List List::clone() const {
  List l;
  for (const auto& i : items) l.items.push_back(i.clone());
  l.line = line;
  return l;
}

static std::vector<Word> clone_words(const std::vector<Word>& ws) {
  std::vector<Word> out;
  out.reserve(ws.size());
  for (const auto& w : ws) out.push_back(w.clone());
  return out;
}

template <class T>
static std::unique_ptr<T> base_clone(const T& self) {
  auto c = std::make_unique<T>();
  c->kind = self.kind;
  c->line = self.line;
  for (const auto& r : self.redirects) c->redirects.push_back(r.clone());
  return c;
}

std::unique_ptr<Command> SimpleCommand::clone() const {
  auto c = base_clone(*this);
  for (const auto& a : assigns) c->assigns.push_back(a.clone());
  c->words = clone_words(words);
  return c;
}

std::unique_ptr<Command> SubshellCommand::clone() const {
  auto c = base_clone(*this);
  c->body = body.clone();
  return c;
}

std::unique_ptr<Command> BraceGroup::clone() const {
  auto c = base_clone(*this);
  c->body = body.clone();
  return c;
}

std::unique_ptr<Command> IfCommand::clone() const {
  auto c = base_clone(*this);
  for (const auto& cl : clauses) c->clauses.push_back(IfClause{cl.cond.clone(), cl.body.clone()});
  c->has_else = has_else;
  c->else_body = else_body.clone();
  return c;
}

std::unique_ptr<Command> WhileCommand::clone() const {
  auto c = base_clone(*this);
  c->until = until;
  c->cond = cond.clone();
  c->body = body.clone();
  return c;
}

std::unique_ptr<Command> ForCommand::clone() const {
  auto c = base_clone(*this);
  c->var = var;
  c->has_in = has_in;
  c->items = clone_words(items);
  c->body = body.clone();
  return c;
}

std::unique_ptr<Command> ArithForCommand::clone() const {
  auto c = base_clone(*this);
  c->init = init.clone();
  c->cond = cond.clone();
  c->step = step.clone();
  c->init_raw = init_raw;
  c->cond_raw = cond_raw;
  c->step_raw = step_raw;
  c->body = body.clone();
  return c;
}

std::unique_ptr<Command> CaseCommand::clone() const {
  auto c = base_clone(*this);
  c->subject = subject.clone();
  for (const auto& it : items) {
    CaseItem n;
    n.patterns = clone_words(it.patterns);
    n.body = it.body.clone();
    n.term = it.term;
    n.line = it.line;
    c->items.push_back(std::move(n));
  }
  return c;
}

std::unique_ptr<Command> FunctionDef::clone() const {
  auto c = base_clone(*this);
  c->name = name;
  c->function_keyword = function_keyword;
  c->source_file = source_file;
  c->body = body;  // shared, immutable
  return c;
}

std::unique_ptr<CondExpr> CondExpr::clone() const {
  auto c = std::make_unique<CondExpr>();
  c->kind = kind;
  c->op = op;
  c->left = left.clone();
  c->right = right.clone();
  if (lhs) c->lhs = lhs->clone();
  if (rhs) c->rhs = rhs->clone();
  c->line = line;
  return c;
}

std::unique_ptr<Command> CondCommand::clone() const {
  auto c = base_clone(*this);
  if (expr) c->expr = expr->clone();
  return c;
}

std::unique_ptr<Command> ArithCommand::clone() const {
  auto c = base_clone(*this);
  c->expr = expr.clone();
  c->raw = raw;
  return c;
}

std::unique_ptr<Command> CoprocCommand::clone() const {
  auto c = base_clone(*this);
  c->name = name;
  if (body) c->body = body->clone();
  return c;
}

}  // namespace burrow::shell
