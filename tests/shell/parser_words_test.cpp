// Word structure: quoting, expansions, tilde, extglob, ${} operators.
#include <gtest/gtest.h>

#include "shell/parser_test_util.h"

using namespace burrow::shell;
using parser_test::word_dump;

TEST(ParserWords, Literals) {
  EXPECT_EQ(word_dump("echo abc"), "L(abc)");
  EXPECT_EQ(word_dump("echo a\\ b"), "L(a)Q( )L(b)");
  EXPECT_EQ(word_dump("echo \\*"), "Q(*)");
  EXPECT_EQ(word_dump("echo *.c"), "L(*.c)");
  EXPECT_EQ(word_dump("echo {a,b}c"), "L({a,b}c)");
  EXPECT_EQ(word_dump("echo a\\\nb"), "L(ab)");
  EXPECT_EQ(word_dump("echo x#y"), "L(x#y)");
  EXPECT_EQ(word_dump("echo $"), "L($)");
  EXPECT_EQ(word_dump("echo a$"), "L(a$)");
  EXPECT_EQ(word_dump("echo $/"), "L($/)");
  EXPECT_EQ(word_dump("echo ]"), "L(])");
  EXPECT_EQ(word_dump("echo }"), "L(})");
}

TEST(ParserWords, Quotes) {
  EXPECT_EQ(word_dump("echo 'a b'"), "S(a b)");
  EXPECT_EQ(word_dump("echo ''"), "S()");
  EXPECT_EQ(word_dump("echo \"a b\""), "D[Q(a b)]");
  EXPECT_EQ(word_dump("echo \"\""), "D[]");
  EXPECT_EQ(word_dump("echo \"a\\\"b\""), "D[Q(a\"b)]");
  EXPECT_EQ(word_dump("echo \"a\\b\""), "D[Q(a\\b)]");
  EXPECT_EQ(word_dump("echo \"\\$x\""), "D[Q($x)]");
  EXPECT_EQ(word_dump("echo \"'\""), "D[Q(')]");
  EXPECT_EQ(word_dump("echo a'b'\"c\"d"), "L(a)S(b)D[Q(c)]L(d)");
  EXPECT_EQ(word_dump("echo $'a\\nb'"), "A(a\nb)");
  EXPECT_EQ(word_dump("echo $\"hi\""), "$D[Q(hi)]");
  EXPECT_EQ(word_dump("echo \"$'x'\""), "D[Q($'x')]");
  EXPECT_EQ(word_dump("echo \"a\nb\""), "D[Q(a\nb)]");
}

TEST(ParserWords, AnsiC) {
  EXPECT_EQ(decode_ansi_c("a\\tb"), "a\tb");
  EXPECT_EQ(decode_ansi_c("\\x41\\x4a"), "AJ");
  EXPECT_EQ(decode_ansi_c("\\u00e9"), "\xc3\xa9");
  EXPECT_EQ(decode_ansi_c("\\U0001F600"), "\xf0\x9f\x98\x80");
  EXPECT_EQ(decode_ansi_c("\\0101"), "\b1");
  EXPECT_EQ(decode_ansi_c("\\101"), "A");
  EXPECT_EQ(decode_ansi_c("\\cA"), "\x01");
  EXPECT_EQ(decode_ansi_c("\\ca"), "\x01");
  EXPECT_EQ(decode_ansi_c("\\e[0m"), "\x1b[0m");
  EXPECT_EQ(decode_ansi_c("\\'\\\"\\\\\\?"), "'\"\\?");
  EXPECT_EQ(decode_ansi_c("\\q"), "\\q");
  EXPECT_EQ(decode_ansi_c("\\a\\b\\f\\v\\r"), "\a\b\f\v\r");
}

TEST(ParserWords, SimpleParams) {
  EXPECT_EQ(word_dump("echo $x"), "P{x}");
  EXPECT_EQ(word_dump("echo $x_1y"), "P{x_1y}");
  EXPECT_EQ(word_dump("echo $1x"), "P{1}L(x)");
  EXPECT_EQ(word_dump("echo $10"), "P{1}L(0)");
  EXPECT_EQ(word_dump("echo $@ $"), "P{@}");
  for (const char* s : {"$*", "$#", "$?", "$-", "$$", "$!", "$0"}) {
    EXPECT_EQ(word_dump(std::string("echo ") + s), std::string("P{") + (s + 1) + "}");
  }
  EXPECT_EQ(word_dump("echo \"$x$y\""), "D[P{x}P{y}]");
  EXPECT_EQ(word_dump("echo a${x}b"), "L(a)P{x}L(b)");
}

TEST(ParserWords, BraceParams) {
  EXPECT_EQ(word_dump("echo ${x}"), "P{x}");
  EXPECT_EQ(word_dump("echo ${10}"), "P{10}");
  EXPECT_EQ(word_dump("echo ${#x}"), "P{x Length}");
  EXPECT_EQ(word_dump("echo ${#}"), "P{#}");
  EXPECT_EQ(word_dump("echo ${#a[@]}"), "P{a[@] Length}");
  EXPECT_EQ(word_dump("echo ${x-d}"), "P{x Default L(d)}");
  EXPECT_EQ(word_dump("echo ${x:-d}"), "P{x Default: L(d)}");
  EXPECT_EQ(word_dump("echo ${x:=d}"), "P{x Assign: L(d)}");
  EXPECT_EQ(word_dump("echo ${x=d}"), "P{x Assign L(d)}");
  EXPECT_EQ(word_dump("echo ${x:?msg}"), "P{x Error: L(msg)}");
  EXPECT_EQ(word_dump("echo ${x?}"), "P{x Error}");
  EXPECT_EQ(word_dump("echo ${x:+a b}"), "P{x Alternate: L(a b)}");
  EXPECT_EQ(word_dump("echo ${x+$y}"), "P{x Alternate P{y}}");
  EXPECT_EQ(word_dump("echo ${x#*/}"), "P{x RemovePrefix L(*/)}");
  EXPECT_EQ(word_dump("echo ${x##*/}"), "P{x RemovePrefix2 L(*/)}");
  EXPECT_EQ(word_dump("echo ${x%.*}"), "P{x RemoveSuffix L(.*)}");
  EXPECT_EQ(word_dump("echo ${x%%.*}"), "P{x RemoveSuffix2 L(.*)}");
  EXPECT_EQ(word_dump("echo ${x/a/b}"), "P{x Replace/0 L(a) | L(b)}");
  EXPECT_EQ(word_dump("echo ${x//a/b}"), "P{x Replace/1 L(a) | L(b)}");
  EXPECT_EQ(word_dump("echo ${x/#a/b}"), "P{x Replace/2 L(a) | L(b)}");
  EXPECT_EQ(word_dump("echo ${x/%a/b}"), "P{x Replace/3 L(a) | L(b)}");
  EXPECT_EQ(word_dump("echo ${x/a}"), "P{x Replace/0 L(a)}");
  EXPECT_EQ(word_dump("echo ${x/a/}"), "P{x Replace/0 L(a) | }");
  EXPECT_EQ(word_dump("echo ${x^}"), "P{x UpperFirst}");
  EXPECT_EQ(word_dump("echo ${x^^}"), "P{x UpperFirst2}");
  EXPECT_EQ(word_dump("echo ${x,[ab]}"), "P{x LowerFirst L([ab])}");
  EXPECT_EQ(word_dump("echo ${x,,}"), "P{x LowerFirst2}");
  EXPECT_EQ(word_dump("echo ${x~}"), "P{x ToggleFirst}");
  EXPECT_EQ(word_dump("echo ${x~~}"), "P{x ToggleFirst2}");
  EXPECT_EQ(word_dump("echo ${x:1}"), "P{x Substring L(1)}");
  EXPECT_EQ(word_dump("echo ${x:1:2}"), "P{x Substring L(1) | L(2)}");
  EXPECT_EQ(word_dump("echo ${x: -1}"), "P{x Substring L( -1)}");
  EXPECT_EQ(word_dump("echo ${x:(-1):$n}"), "P{x Substring L((-1)) | P{n}}");
  EXPECT_EQ(word_dump("echo ${x@Q}"), "P{x Transform @Q}");
  EXPECT_EQ(word_dump("echo ${x@Z}"), "P{x Bad @Z}");
  EXPECT_EQ(word_dump("echo ${!x}"), "P{!x}");
  EXPECT_EQ(word_dump("echo ${!x:-d}"), "P{!x Default: L(d)}");
  EXPECT_EQ(word_dump("echo ${!pre*}"), "P{pre PrefixNames *}");
  EXPECT_EQ(word_dump("echo ${!pre@}"), "P{pre PrefixNames @}");
  EXPECT_EQ(word_dump("echo ${!a[@]}"), "P{a[@] ArrayKeys}");
  EXPECT_EQ(word_dump("echo ${!a[*]}"), "P{a[*] ArrayKeys}");
  EXPECT_EQ(word_dump("echo ${a[1]}"), "P{a[1]}");
  EXPECT_EQ(word_dump("echo ${a[i+1]:-x}"), "P{a[i+1] Default: L(x)}");
  EXPECT_EQ(word_dump("echo ${a[$i]}"), "P{a[$i]}");
  EXPECT_EQ(word_dump("echo ${}"), "P{ Bad}");
  EXPECT_EQ(word_dump("echo ${x!}"), "P{x Bad}");
  EXPECT_EQ(word_dump("echo ${x:-{a}}"), "P{x Default: L({a})}");
  EXPECT_EQ(word_dump("echo ${x:-a}b}"), "P{x Default: L(a)}L(b})");
  EXPECT_EQ(word_dump("echo ${x:-\"a b\"}"), "P{x Default: D[Q(a b)]}");
  EXPECT_EQ(word_dump("echo \"${x:-'q'}\""), "D[P{x Default: Q('q')}]");
  EXPECT_EQ(word_dump("echo ${x:-'q'}"), "P{x Default: S(q)}");
  EXPECT_EQ(word_dump("echo ${x:-\\}}"), "P{x Default: Q(})}");
  EXPECT_EQ(word_dump("echo ${x:-$(echo })}"), "P{x Default: C{echo }}}");
  EXPECT_EQ(word_dump("echo ${x#\"*\"}"), "P{x RemovePrefix D[Q(*)]}");
  EXPECT_EQ(word_dump("echo ${x:-~}"), "P{x Default: T()}");
}

TEST(ParserWords, ParamRaw) {
  auto l = parser_test::parse_ok("echo ${x:-a b} $y");
  const auto& w = parser_test::simple(*l).words;
  EXPECT_EQ(w[1].parts[0].param->raw, "${x:-a b}");
  EXPECT_TRUE(w[1].parts[0].param->braced);
  EXPECT_EQ(w[2].parts[0].param->raw, "$y");
  EXPECT_FALSE(w[2].parts[0].param->braced);
  EXPECT_EQ(w[1].raw, "${x:-a b}");
}

TEST(ParserWords, CommandSubst) {
  EXPECT_EQ(word_dump("echo $(ls -l)"), "C{ls -l}");
  EXPECT_EQ(word_dump("echo `ls -l`"), "B{ls -l}");
  EXPECT_EQ(word_dump("echo \"$(a \"b c\")\""), "D[C{a \"b c\"}]");
  EXPECT_EQ(word_dump("echo $(case x in a) echo y;; esac)"), "C{case x in a) echo y ;; esac}");
  EXPECT_EQ(word_dump("echo $(echo ')')"), "C{echo ')'}");
  EXPECT_EQ(word_dump("echo $( (a) )"), "C{( a )}");
  EXPECT_EQ(word_dump("echo $(echo $(echo x))"), "C{echo $(echo x)}");
  EXPECT_EQ(word_dump("echo `echo \\`x\\``"), "B{echo `x`}");
  // bash reports errors inside `...` only when expanding it
  EXPECT_EQ(word_dump("echo `fi`"), "B!{fi}");
  EXPECT_EQ(word_dump("echo `echo \"a`"), "B!{echo \"a}");
  EXPECT_EQ(word_dump("echo $(# comment )\n)"), "C{}");
  EXPECT_EQ(word_dump("echo $(cat <<EOF\nhi)\nEOF\n)"), "C{cat <<EOF\nhi)\nEOF\n}");
  EXPECT_EQ(word_dump("echo $(\necho a\necho b\n)"), "C{echo a; echo b}");
}

TEST(ParserWords, Arith) {
  EXPECT_EQ(word_dump("echo $((1+2))"), "X(L(1+2))");
  EXPECT_EQ(word_dump("echo $(( (1+2)*3 ))"), "X(L( (1+2)*3 ))");
  EXPECT_EQ(word_dump("echo $((x+$y))"), "X(L(x+)P{y})");
  EXPECT_EQ(word_dump("echo $(($(echo 1)+2))"), "X(C{echo 1}L(+2))");
  EXPECT_EQ(word_dump("echo $[1+2]"), "X(L(1+2))");
  // $( (...) ) is a command substitution holding a subshell
  EXPECT_EQ(word_dump("echo $((echo a) )"), "C{( echo a )}");
  auto l = parser_test::parse_ok("echo $(( 1 + 2 ))");
  EXPECT_EQ(parser_test::simple(*l).words[1].parts[0].arith_raw, " 1 + 2 ");
}

TEST(ParserWords, ProcessSubst) {
  EXPECT_EQ(word_dump("cat <(ls)"), "I{ls}");
  EXPECT_EQ(word_dump("tee >(grep x)"), "O{grep x}");
  EXPECT_EQ(word_dump("echo x<(true)"), "L(x)I{true}");
}

TEST(ParserWords, Tilde) {
  EXPECT_EQ(word_dump("echo ~"), "T()");
  EXPECT_EQ(word_dump("echo ~/a"), "T()L(/a)");
  EXPECT_EQ(word_dump("echo ~root/a"), "T(root)L(/a)");
  EXPECT_EQ(word_dump("echo ~+"), "T(+)");
  EXPECT_EQ(word_dump("echo a~"), "L(a~)");
  EXPECT_EQ(word_dump("echo \"~\""), "D[Q(~)]");
  EXPECT_EQ(word_dump("echo ~\"x\""), "L(~)D[Q(x)]");
  EXPECT_EQ(word_dump("echo a=~/x:~"), "L(a=)T()L(/x:)T()");
  EXPECT_EQ(word_dump("echo --x=~"), "L(--x=~)");
}

TEST(ParserWords, Extglob) {
  EXPECT_EQ(word_dump("echo @(a|b)"), "L(@(a|b))");
  EXPECT_EQ(word_dump("echo !(*.txt)"), "L(!(*.txt))");
  EXPECT_EQ(word_dump("echo x+(a|\"b c\")y"), "L(x+(a|)D[Q(b c)]L()y)");
  EXPECT_EQ(word_dump("echo *(a)?(b)"), "L(*(a)?(b))");
  EXPECT_EQ(word_dump("echo @(a b)"), "L(@(a b))");
  ParserOptions o;
  o.extglob = false;
  ParseError err;
  EXPECT_EQ(parse_script("echo @(a)", err, o), nullptr);
  EXPECT_EQ(err.message, "syntax error near unexpected token `('");
}

TEST(ParserWords, RawText) {
  auto l = parser_test::parse_ok("echo  a\"b\"'c'  $x\n");
  const auto& w = parser_test::simple(*l).words;
  EXPECT_EQ(w[0].raw, "echo");
  EXPECT_EQ(w[1].raw, "a\"b\"'c'");
  EXPECT_EQ(w[2].raw, "$x");
  EXPECT_TRUE(w[1].has_quotes());
  EXPECT_FALSE(w[2].has_quotes());
  std::string s;
  EXPECT_TRUE(w[0].is_plain_literal(&s));
  EXPECT_EQ(s, "echo");
  EXPECT_FALSE(w[1].is_plain_literal());
}
