// Command structure: lists, pipelines, compound commands, assignments,
// redirections, here-documents, functions, [[ ]], aliases, incremental API.
#include <gtest/gtest.h>

#include "shell/parser_test_util.h"

using namespace burrow::shell;
using parser_test::cmd_at;
using parser_test::dump_parts;
using parser_test::parse_ok;
using parser_test::simple;

TEST(ParserCommands, ListsAndPipelines) {
  auto l = parse_ok("a; b & c && d || e | f |& g");
  ASSERT_EQ(l->items.size(), 3u);
  EXPECT_FALSE(l->items[0].background);
  EXPECT_TRUE(l->items[1].background);
  const auto& ao = l->items[2].and_or;
  ASSERT_EQ(ao.pipelines.size(), 3u);
  ASSERT_EQ(ao.ops.size(), 2u);
  EXPECT_EQ(ao.ops[0], AndOrOp::And);
  EXPECT_EQ(ao.ops[1], AndOrOp::Or);
  const auto& p = ao.pipelines[2];
  ASSERT_EQ(p.commands.size(), 3u);
  EXPECT_FALSE(p.pipe_stderr[0]);
  EXPECT_TRUE(p.pipe_stderr[1]);
}

TEST(ParserCommands, NegationAndTime) {
  auto l = parse_ok("! a | b\ntime -p c\ntime ! d\n!\n");
  ASSERT_EQ(l->items.size(), 4u);
  EXPECT_TRUE(l->items[0].and_or.pipelines[0].negated);
  EXPECT_EQ(l->items[0].and_or.pipelines[0].commands.size(), 2u);
  EXPECT_TRUE(l->items[1].and_or.pipelines[0].timed);
  EXPECT_TRUE(l->items[1].and_or.pipelines[0].time_posix);
  EXPECT_TRUE(l->items[2].and_or.pipelines[0].timed);
  EXPECT_TRUE(l->items[2].and_or.pipelines[0].negated);
  EXPECT_TRUE(l->items[3].and_or.pipelines[0].negated);
  EXPECT_TRUE(l->items[3].and_or.pipelines[0].commands.empty());
}

TEST(ParserCommands, NewlinesAfterOperators) {
  auto l = parse_ok("a &&\n\n b ||\n c |\n d");
  ASSERT_EQ(l->items.size(), 1u);
  EXPECT_EQ(l->items[0].and_or.pipelines.size(), 3u);
  EXPECT_EQ(l->items[0].and_or.pipelines[2].commands.size(), 2u);
}

TEST(ParserCommands, Comments) {
  auto l = parse_ok("# start\necho a # trailing\n  # indented\necho b#not\n");
  ASSERT_EQ(l->items.size(), 2u);
  EXPECT_EQ(simple(*l, 0).words.size(), 2u);
  EXPECT_EQ(simple(*l, 1).words[1].raw, "b#not");
}

TEST(ParserCommands, Assignments) {
  auto l = parse_ok("a=1 b[2]=x c+=y d= e=(1 \"2 3\" [7]=z [k]+=w) f+=(q) cmd a=b");
  const auto& s = simple(*l);
  ASSERT_EQ(s.assigns.size(), 6u);
  EXPECT_EQ(s.assigns[0].name, "a");
  EXPECT_EQ(dump_parts(s.assigns[0].value.parts), "L(1)");
  EXPECT_EQ(s.assigns[1].name, "b");
  EXPECT_TRUE(s.assigns[1].has_index);
  EXPECT_EQ(s.assigns[1].index_raw, "2");
  EXPECT_TRUE(s.assigns[2].append);
  EXPECT_TRUE(s.assigns[3].value.parts.empty());
  const auto& e = s.assigns[4];
  EXPECT_TRUE(e.is_array);
  ASSERT_EQ(e.elems.size(), 4u);
  EXPECT_EQ(dump_parts(e.elems[1].value.parts), "D[Q(2 3)]");
  EXPECT_TRUE(e.elems[2].has_key);
  EXPECT_EQ(e.elems[2].key_raw, "7");
  EXPECT_EQ(dump_parts(e.elems[2].value.parts), "L(z)");
  EXPECT_TRUE(e.elems[3].append);
  EXPECT_TRUE(s.assigns[5].append);
  EXPECT_TRUE(s.assigns[5].is_array);
  ASSERT_EQ(s.words.size(), 2u);
  EXPECT_EQ(s.words[1].raw, "a=b");
  EXPECT_EQ(s.words[1].decl_assign, nullptr);
}

TEST(ParserCommands, AssignmentValues) {
  auto l = parse_ok("a=~/x:~ b=\"$c\"d e=$(f) g=a\\ b");
  const auto& s = simple(*l);
  ASSERT_EQ(s.assigns.size(), 4u);
  EXPECT_EQ(dump_parts(s.assigns[0].value.parts), "T()L(/x:)T()");
  EXPECT_EQ(dump_parts(s.assigns[1].value.parts), "D[P{c}]L(d)");
  EXPECT_EQ(dump_parts(s.assigns[2].value.parts), "C{f}");
  EXPECT_EQ(dump_parts(s.assigns[3].value.parts), "L(a)Q( )L(b)");
  auto l2 = parse_ok("a[$i+1]=v");
  EXPECT_EQ(simple(*l2).assigns[0].index_raw, "$i+1");
  EXPECT_EQ(dump_parts(simple(*l2).assigns[0].index.parts), "P{i}L(+1)");
}

TEST(ParserCommands, ArrayMultiline) {
  auto l = parse_ok("a=(\n  one # comment\n  two\n)\necho $a");
  ASSERT_EQ(l->items.size(), 2u);
  EXPECT_EQ(simple(*l).assigns[0].elems.size(), 2u);
}

TEST(ParserCommands, DeclarationBuiltins) {
  auto l = parse_ok("declare -a x=(1 2) y=3 z");
  const auto& s = simple(*l);
  ASSERT_EQ(s.words.size(), 5u);
  ASSERT_NE(s.words[2].decl_assign, nullptr);
  EXPECT_TRUE(s.words[2].decl_assign->is_array);
  EXPECT_EQ(s.words[2].decl_assign->elems.size(), 2u);
  ASSERT_NE(s.words[3].decl_assign, nullptr);
  EXPECT_EQ(s.words[3].decl_assign->name, "y");
  EXPECT_EQ(s.words[4].decl_assign, nullptr);
  for (const char* b : {"local", "export", "readonly", "typeset"}) {
    auto l2 = parse_ok(std::string(b) + " a=(x)");
    EXPECT_NE(simple(*l2).words[1].decl_assign, nullptr) << b;
  }
}

TEST(ParserCommands, Redirections) {
  auto l = parse_ok("cmd <in >out 2>>err 3<>rw >|clob 4<&0 5>&- &>both &>>ball {fd}>f 2>&1 <<<str");
  const auto& r = cmd_at(*l).redirects;
  ASSERT_EQ(r.size(), 12u);
  EXPECT_EQ(r[0].op, RedirOp::In);
  EXPECT_EQ(r[0].fd, -1);
  EXPECT_EQ(r[0].target.raw, "in");
  EXPECT_EQ(r[1].op, RedirOp::Out);
  EXPECT_EQ(r[2].op, RedirOp::Append);
  EXPECT_EQ(r[2].fd, 2);
  EXPECT_EQ(r[3].op, RedirOp::ReadWrite);
  EXPECT_EQ(r[3].fd, 3);
  EXPECT_EQ(r[4].op, RedirOp::Clobber);
  EXPECT_EQ(r[5].op, RedirOp::DupIn);
  EXPECT_EQ(r[5].target.raw, "0");
  EXPECT_EQ(r[6].op, RedirOp::DupOut);
  EXPECT_EQ(r[6].target.raw, "-");
  EXPECT_EQ(r[7].op, RedirOp::OutErr);
  EXPECT_EQ(r[8].op, RedirOp::AppendOutErr);
  EXPECT_EQ(r[9].fd_var, "fd");
  EXPECT_EQ(r[9].fd, -1);
  EXPECT_EQ(r[10].fd, 2);
  EXPECT_EQ(r[10].op, RedirOp::DupOut);
  EXPECT_EQ(r[11].op, RedirOp::HereString);
  auto l2 = parse_ok("echo 2 > x; echo a2>x; >x; 2>&1 echo");
  EXPECT_EQ(simple(*l2, 0).words.size(), 2u);
  EXPECT_EQ(simple(*l2, 0).redirects[0].fd, -1);
  EXPECT_EQ(simple(*l2, 1).words[1].raw, "a2");
  EXPECT_TRUE(simple(*l2, 2).words.empty());
  EXPECT_EQ(simple(*l2, 3).redirects.size(), 1u);
  EXPECT_EQ(simple(*l2, 3).words.size(), 1u);
}

TEST(ParserCommands, HereDocs) {
  auto l = parse_ok("cat <<EOF\nhello $x\n`y` \\$z\nEOF\necho after");
  ASSERT_EQ(l->items.size(), 2u);
  const auto& r = cmd_at(*l).redirects[0];
  EXPECT_EQ(r.op, RedirOp::HereDoc);
  EXPECT_EQ(r.heredoc_delim, "EOF");
  EXPECT_FALSE(r.heredoc_quoted);
  EXPECT_EQ(dump_parts(r.heredoc_body.parts), "Q(hello )P{x}Q(\n)B{y}Q( $z\n)");

  auto q = parse_ok("cat <<'E O'\n$x\nE O\n");
  const auto& rq = cmd_at(*q).redirects[0];
  EXPECT_TRUE(rq.heredoc_quoted);
  EXPECT_EQ(rq.heredoc_delim, "E O");
  EXPECT_EQ(dump_parts(rq.heredoc_body.parts), "Q($x\n)");

  auto s = parse_ok("cat <<-\"X\"\n\t\tab\n\tX\n");
  const auto& rs = cmd_at(*s).redirects[0];
  EXPECT_EQ(rs.op, RedirOp::HereDocStrip);
  EXPECT_EQ(dump_parts(rs.heredoc_body.parts), "Q(ab\n)");

  auto m = parse_ok("cat <<A; cat <<B | cat <<\\C\na\nA\nb\nB\nc\nC\necho");
  ASSERT_EQ(m->items.size(), 3u);
  EXPECT_EQ(dump_parts(cmd_at(*m, 0).redirects[0].heredoc_body.parts), "Q(a\n)");
  const auto& p = m->items[1].and_or.pipelines[0];
  EXPECT_EQ(dump_parts(p.commands[0]->redirects[0].heredoc_body.parts), "Q(b\n)");
  EXPECT_EQ(dump_parts(p.commands[1]->redirects[0].heredoc_body.parts), "Q(c\n)");

  auto e = parse_ok("cat <<E\n\"q\" 'x' \\a\nE\n");
  EXPECT_EQ(dump_parts(cmd_at(*e).redirects[0].heredoc_body.parts), "Q(\"q\" 'x' \\a\n)");

  auto in_if = parse_ok("if true; then cat <<E\nx\nE\nfi");
  EXPECT_EQ(in_if->items.size(), 1u);
}

TEST(ParserCommands, HereDocAtEof) {
  Parser p("cat <<EOF\nabc");
  ParseError err;
  auto l = p.next_command(err);
  ASSERT_TRUE(l);
  EXPECT_EQ(dump_parts(cmd_at(*l).redirects[0].heredoc_body.parts), "Q(abc\n)");
  auto w = p.take_warnings();
  ASSERT_EQ(w.size(), 1u);
  EXPECT_EQ(w[0], "line 2: warning: here-document at line 1 delimited by end-of-file (wanted `EOF')");
}

TEST(ParserCommands, Subshell) {
  auto l = parse_ok("(a; b) > out");
  const auto& c = cmd_at(*l);
  ASSERT_EQ(c.kind, CommandKind::Subshell);
  EXPECT_EQ(c.as<SubshellCommand>().body.items.size(), 2u);
  EXPECT_EQ(c.redirects.size(), 1u);
  auto n = parse_ok("( (a) )");
  EXPECT_EQ(cmd_at(*n).kind, CommandKind::Subshell);
  auto ar = parse_ok("((a=1))");
  EXPECT_EQ(cmd_at(*ar).kind, CommandKind::Arith);
  EXPECT_EQ(cmd_at(*ar).as<ArithCommand>().raw, "a=1");
  auto sub2 = parse_ok("((a) )");
  EXPECT_EQ(cmd_at(*sub2).kind, CommandKind::Subshell);
}

TEST(ParserCommands, BraceGroup) {
  auto l = parse_ok("{ a; b; } 2>&1");
  const auto& c = cmd_at(*l);
  ASSERT_EQ(c.kind, CommandKind::BraceGroup);
  EXPECT_EQ(c.as<BraceGroup>().body.items.size(), 2u);
  auto w = parse_ok("echo { }");
  EXPECT_EQ(simple(*w).words.size(), 3u);
  auto nl = parse_ok("{\n a\n}");
  EXPECT_EQ(cmd_at(*nl).kind, CommandKind::BraceGroup);
}

TEST(ParserCommands, If) {
  auto l = parse_ok("if a; then b; elif c; then d; elif e\nthen f; else g; fi");
  const auto& c = cmd_at(*l).as<IfCommand>();
  EXPECT_EQ(c.clauses.size(), 3u);
  EXPECT_TRUE(c.has_else);
  EXPECT_EQ(c.else_body.items.size(), 1u);
  auto n = parse_ok("if a\nthen\n  b\nfi");
  EXPECT_FALSE(cmd_at(*n).as<IfCommand>().has_else);
  auto w = parse_ok("echo if then fi");
  EXPECT_EQ(simple(*w).words.size(), 4u);
}

TEST(ParserCommands, Loops) {
  auto l = parse_ok("while a; do b; done; until c; do d; done");
  EXPECT_FALSE(cmd_at(*l, 0).as<WhileCommand>().until);
  EXPECT_TRUE(cmd_at(*l, 1).as<WhileCommand>().until);
  auto f = parse_ok("for x in a \"b c\" $d; do e; done");
  const auto& fc = cmd_at(*f).as<ForCommand>();
  EXPECT_EQ(fc.var, "x");
  EXPECT_TRUE(fc.has_in);
  EXPECT_EQ(fc.items.size(), 3u);
  auto f2 = parse_ok("for x; do :; done; for y do :; done; for z\ndo :; done; for w in; do :; done");
  EXPECT_FALSE(cmd_at(*f2, 0).as<ForCommand>().has_in);
  EXPECT_FALSE(cmd_at(*f2, 1).as<ForCommand>().has_in);
  EXPECT_FALSE(cmd_at(*f2, 2).as<ForCommand>().has_in);
  EXPECT_TRUE(cmd_at(*f2, 3).as<ForCommand>().has_in);
  EXPECT_TRUE(cmd_at(*f2, 3).as<ForCommand>().items.empty());
  auto f3 = parse_ok("for x in a b\ndo\n echo\ndone");
  EXPECT_EQ(cmd_at(*f3).as<ForCommand>().items.size(), 2u);
  auto f4 = parse_ok("for x in do done; do :; done");
  EXPECT_EQ(cmd_at(*f4).as<ForCommand>().items.size(), 2u);
  auto b = parse_ok("for x in a; { echo; }");
  EXPECT_EQ(cmd_at(*b).as<ForCommand>().body.items.size(), 1u);
}

TEST(ParserCommands, ArithFor) {
  auto l = parse_ok("for ((i=0; i<$n; i++)); do echo $i; done");
  const auto& c = cmd_at(*l).as<ArithForCommand>();
  EXPECT_EQ(c.init_raw, "i=0");
  EXPECT_EQ(c.cond_raw, " i<$n");
  EXPECT_EQ(c.step_raw, " i++");
  EXPECT_EQ(dump_parts(c.cond.parts), "L( i<)P{n}");
  auto e = parse_ok("for ((;;)) do break; done");
  EXPECT_TRUE(cmd_at(*e).as<ArithForCommand>().init.empty());
  auto b = parse_ok("for ((i=0;i<3;i++)) { echo; }");
  EXPECT_EQ(cmd_at(*b).kind, CommandKind::ArithFor);
}

TEST(ParserCommands, Case) {
  auto l = parse_ok("case $x in\n a|b) one;;\n (c) two;&\n *) three;;&\n d) ;;\n e) four\nesac");
  const auto& c = cmd_at(*l).as<CaseCommand>();
  EXPECT_EQ(c.subject.raw, "$x");
  ASSERT_EQ(c.items.size(), 5u);
  EXPECT_EQ(c.items[0].patterns.size(), 2u);
  EXPECT_EQ(c.items[0].term, CaseTerm::Break);
  EXPECT_EQ(c.items[1].term, CaseTerm::FallThrough);
  EXPECT_EQ(c.items[2].term, CaseTerm::Continue);
  EXPECT_TRUE(c.items[3].body.empty());
  EXPECT_EQ(c.items[4].body.items.size(), 1u);
  auto e = parse_ok("case x in esac");
  EXPECT_TRUE(cmd_at(*e).as<CaseCommand>().items.empty());
  auto kw = parse_ok("case in in in) echo;; esac");
  EXPECT_EQ(cmd_at(*kw).as<CaseCommand>().items.size(), 1u);
  auto q = parse_ok("case x in \"*\") a;; @(x|y)) b;; esac");
  EXPECT_EQ(dump_parts(cmd_at(*q).as<CaseCommand>().items[1].patterns[0].parts), "L(@(x|y))");
}

TEST(ParserCommands, Select) {
  auto l = parse_ok("select x in a b; do break; done");
  EXPECT_EQ(cmd_at(*l).kind, CommandKind::Select);
  EXPECT_EQ(cmd_at(*l).as<ForCommand>().items.size(), 2u);
}

TEST(ParserCommands, Functions) {
  auto l = parse_ok("f() { a; }; function g { b; }; function h() ( c ); k()\n{\n d\n} >out");
  const auto& f = cmd_at(*l, 0).as<FunctionDef>();
  EXPECT_EQ(f.name, "f");
  EXPECT_FALSE(f.function_keyword);
  EXPECT_EQ(f.body->kind, CommandKind::BraceGroup);
  const auto& g = cmd_at(*l, 1).as<FunctionDef>();
  EXPECT_TRUE(g.function_keyword);
  const auto& h = cmd_at(*l, 2).as<FunctionDef>();
  EXPECT_EQ(h.body->kind, CommandKind::Subshell);
  const auto& k = cmd_at(*l, 3).as<FunctionDef>();
  EXPECT_EQ(k.body->redirects.size(), 1u);
  auto o = parse_ok("f() if a; then b; fi");
  EXPECT_EQ(cmd_at(*o).as<FunctionDef>().body->kind, CommandKind::If);
  auto dash = parse_ok("my-func.x () { :; }");
  EXPECT_EQ(cmd_at(*dash).as<FunctionDef>().name, "my-func.x");
}

TEST(ParserCommands, Cond) {
  auto l = parse_ok("[[ -f $x && ( a == b* || ! c =~ ^(x|y)+$ ) ]]");
  const auto& e = *cmd_at(*l).as<CondCommand>().expr;
  ASSERT_EQ(e.kind, CondKind::And);
  EXPECT_EQ(e.lhs->kind, CondKind::Unary);
  EXPECT_EQ(e.lhs->op, "-f");
  ASSERT_EQ(e.rhs->kind, CondKind::Group);
  const auto& o = *e.rhs->lhs;
  ASSERT_EQ(o.kind, CondKind::Or);
  EXPECT_EQ(o.lhs->kind, CondKind::Binary);
  EXPECT_EQ(o.lhs->op, "==");
  EXPECT_EQ(dump_parts(o.lhs->right.parts), "L(b*)");
  ASSERT_EQ(o.rhs->kind, CondKind::Not);
  EXPECT_EQ(o.rhs->lhs->op, "=~");
  EXPECT_EQ(o.rhs->lhs->right.raw, "^(x|y)+$");

  auto lt = parse_ok("[[ a < b ]]; [[ $x ]]; [[ -n x ]]; [[ x -nt y ]]; [[ a = \"b\" ]]");
  EXPECT_EQ(cmd_at(*lt, 0).as<CondCommand>().expr->op, "<");
  EXPECT_EQ(cmd_at(*lt, 1).as<CondCommand>().expr->kind, CondKind::Word);
  EXPECT_EQ(cmd_at(*lt, 2).as<CondCommand>().expr->kind, CondKind::Unary);
  EXPECT_EQ(cmd_at(*lt, 3).as<CondCommand>().expr->op, "-nt");
  EXPECT_EQ(dump_parts(cmd_at(*lt, 4).as<CondCommand>().expr->right.parts), "D[Q(b)]");

  auto re = parse_ok("[[ $x =~ a\\ b\"c d\"(e f)|g ]]");
  const auto& r = *cmd_at(*re).as<CondCommand>().expr;
  EXPECT_EQ(r.right.raw, "a\\ b\"c d\"(e f)|g");
  EXPECT_EQ(dump_parts(r.right.parts), "L(a)Q( )L(b)D[Q(c d)]L((e f)|g)");

  auto nl = parse_ok("[[ a &&\n b ]]");
  EXPECT_EQ(cmd_at(*nl).as<CondCommand>().expr->kind, CondKind::And);
  // A unary operator always takes the next word, as in bash: `-f ==` tests
  // the file "==", and a word after it is a syntax error.
  auto fop = parse_ok("[[ -f == ]]");
  EXPECT_EQ(cmd_at(*fop).as<CondCommand>().expr->kind, CondKind::Unary);
  ParseError fop_err;
  EXPECT_EQ(parse_script("[[ -f == x ]]", fop_err), nullptr);
  EXPECT_NE(fop_err.message.find("conditional expression"), std::string::npos);
  auto notnot = parse_ok("[[ ! ! a ]]");
  EXPECT_EQ(cmd_at(*notnot).as<CondCommand>().expr->lhs->kind, CondKind::Not);
}

TEST(ParserCommands, Coproc) {
  auto l = parse_ok("coproc cat; coproc N { cat; }; coproc N2 cat");
  const auto& a = cmd_at(*l, 0).as<CoprocCommand>();
  EXPECT_EQ(a.name, "COPROC");
  EXPECT_EQ(a.body->kind, CommandKind::Simple);
  const auto& b = cmd_at(*l, 1).as<CoprocCommand>();
  EXPECT_EQ(b.name, "N");
  EXPECT_EQ(b.body->kind, CommandKind::BraceGroup);
  const auto& c = cmd_at(*l, 2).as<CoprocCommand>();
  EXPECT_EQ(c.name, "COPROC");
  EXPECT_EQ(c.body->as<SimpleCommand>().words.size(), 2u);
}

TEST(ParserCommands, LineNumbers) {
  auto l = parse_ok("a\n\nb \\\n c\nif x\nthen\n y\nfi\n");
  ASSERT_EQ(l->items.size(), 3u);
  EXPECT_EQ(cmd_at(*l, 0).line, 1);
  EXPECT_EQ(cmd_at(*l, 1).line, 3);
  EXPECT_EQ(cmd_at(*l, 2).line, 5);
  const auto& i = cmd_at(*l, 2).as<IfCommand>();
  EXPECT_EQ(i.clauses[0].body.items[0].and_or.pipelines[0].commands[0]->line, 7);
  ParserOptions o;
  o.first_line = 10;
  auto m = parse_ok("a\nb", o);
  EXPECT_EQ(cmd_at(*m, 1).line, 11);
}

TEST(ParserCommands, ReservedWordsOnlyInCommandPosition) {
  auto l = parse_ok("echo done; echo fi }; x=if");
  EXPECT_EQ(simple(*l, 0).words[1].raw, "done");
  EXPECT_EQ(simple(*l, 1).words.size(), 3u);
  EXPECT_EQ(simple(*l, 2).assigns[0].name, "x");
  auto q = parse_ok("\"if\" a; \\fi");
  EXPECT_EQ(simple(*q, 0).words.size(), 2u);
  EXPECT_EQ(simple(*q, 1).words.size(), 1u);
}

TEST(ParserCommands, Incremental) {
  Parser p("echo a; echo b\n\necho c &\nif x; then\n y\nfi\nfi\necho never");
  ParseError err;
  auto c1 = p.next_command(err);
  ASSERT_TRUE(c1);
  EXPECT_EQ(c1->items.size(), 2u);
  auto c2 = p.next_command(err);
  ASSERT_TRUE(c2);
  EXPECT_TRUE(c2->items[0].background);
  auto c3 = p.next_command(err);
  ASSERT_TRUE(c3);
  EXPECT_EQ(cmd_at(*c3).kind, CommandKind::If);
  auto c4 = p.next_command(err);
  EXPECT_FALSE(c4);
  EXPECT_TRUE(err);
  EXPECT_EQ(err.line, 7);
  EXPECT_EQ(err.line_text, "fi");
  EXPECT_FALSE(p.next_command(err));
  Parser e("");
  EXPECT_FALSE(e.next_command(err));
  EXPECT_FALSE(err);
  Parser blank("\n\n  # only a comment\n");
  EXPECT_FALSE(blank.next_command(err));
  EXPECT_FALSE(err);
}

TEST(ParserCommands, IncompleteFlag) {
  ParseError err;
  EXPECT_FALSE(parse_script("if true; then", err));
  EXPECT_TRUE(err.incomplete);
  EXPECT_FALSE(parse_script("echo \"abc", err));
  EXPECT_TRUE(err.incomplete);
  EXPECT_FALSE(parse_script("fi", err));
  EXPECT_FALSE(err.incomplete);
}

TEST(ParserCommands, Aliases) {
  std::map<std::string, std::string> aliases = {
      {"ll", "ls -l"}, {"a1", "echo "}, {"a2", "there"}, {"loop1", "loop2"}, {"loop2", "loop1"},
      {"ls", "ls -F"}, {"iff", "if"},   {"pipe", "a | b"}};
  ParserOptions o;
  o.alias_lookup = [&](std::string_view n) -> std::optional<std::string> {
    auto it = aliases.find(std::string(n));
    if (it == aliases.end()) return std::nullopt;
    return it->second;
  };
  auto l = parse_ok("ll /tmp; a1 a2; loop1; ls; iff true; then :; fi; pipe; x=1 ll; echo ll", o);
  EXPECT_EQ(print_list_oneline(*l),
            "ls -F -l /tmp; echo there; loop1; ls -F; if true; then :; fi; a | b; x=1 ls -F -l; echo ll");
  // An alias defined by an earlier command applies to later ones.
  Parser p("first\nll\n", o);
  ParseError err;
  p.next_command(err);
  aliases["ll"] = "changed";
  auto c = p.next_command(err);
  ASSERT_TRUE(c);
  EXPECT_EQ(print_list_oneline(*c), "changed");
  // Quoted words are not aliases.
  auto q = parse_ok("'ll'; \\ll", o);
  EXPECT_EQ(print_list_oneline(*q), "'ll'; \\ll");
}

TEST(ParserCommands, Clone) {
  auto l = parse_ok("f() { a=(1 2) b \"$c\" <<E; }\nx\nE\n[[ a == b ]] && (( x++ )) | case a in b) ;; esac");
  List c = l->clone();
  EXPECT_EQ(print_list(c), print_list(*l));
}

TEST(ParserCommands, SubscriptWithBlanksInAssignment) {
  auto l = parse_ok("a[1 + 1]=x b[$i * 2]+=y echo c[1 + 2]=z");
  const auto& s = simple(*l);
  ASSERT_EQ(s.assigns.size(), 2u);
  EXPECT_EQ(s.assigns[0].index_raw, "1 + 1");
  EXPECT_EQ(dump_parts(s.assigns[0].value.parts), "L(x)");
  EXPECT_EQ(s.assigns[1].index_raw, "$i * 2");
  EXPECT_TRUE(s.assigns[1].append);
  ASSERT_EQ(s.words.size(), 4u);
  EXPECT_EQ(s.words[1].raw, "c[1");
}

TEST(ParserCommands, AtEndReportsErrorsThroughNextCommand) {
  Parser p("echo a\necho \"unterminated\n");
  ParseError err;
  EXPECT_FALSE(p.at_end());
  ASSERT_TRUE(p.next_command(err));
  EXPECT_FALSE(p.at_end());
  EXPECT_FALSE(p.next_command(err));
  EXPECT_EQ(err.message, "unexpected EOF while looking for matching `\"'");
  EXPECT_EQ(err.line, 2);
  EXPECT_TRUE(p.at_end());
}

TEST(ParserCommands, ErrorFormat) {
  ParseError err;
  parse_script("echo a; fi", err);
  EXPECT_EQ(err.format("bash: -c"),
            "bash: -c: line 1: syntax error near unexpected token `fi'\n"
            "bash: -c: line 1: `echo a; fi'\n");
  parse_script("if true; then\n echo", err);
  EXPECT_EQ(err.format("script.sh"), "script.sh: line 3: syntax error: unexpected end of file\n");
}

TEST(ParserCommands, OneLinePrinting) {
  auto l = parse_ok("if a; then b; else c; fi; while x; do y; done &\nfor i in 1 2; do echo $i; done");
  EXPECT_EQ(print_list_oneline(*l),
            "if a; then b; else c; fi; while x; do y; done & for i in 1 2; do echo $i; done");
  auto c = parse_ok("{ a; b; } > f");
  EXPECT_EQ(print_command_oneline(cmd_at(*c)), "{ a; b; } > f");
  auto w = parse_ok("echo \"a $b\" 'c' $'d\\te' ${x:-y} $(z) `w` $((1+2)) ~/p");
  std::string printed;
  for (const auto& word : simple(*w).words) printed += print_word(word) + "|";
  EXPECT_EQ(printed, "echo|\"a $b\"|'c'|'d\te'|${x:-y}|$(z)|`w`|$((1+2))|~/p|");
}
