// Differential tests: our sed against the host's GNU sed 4.9.
#include <gtest/gtest.h>

#include "commands/text_diff_util.h"

namespace burrow::testing {
namespace {

const char* kLines = "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n";
const char* kText = "Hello World\nfoo bar baz\n  indented line\nfoo=1;bar=2\nThe quick brown fox\n\nlast line here\n";

std::vector<DiffCase> make_cases() {
  std::vector<DiffCase> cases;
  const std::vector<std::string> line_scripts = {
      "p", "d", "1d", "$d", "2,4d", "2,4!d", "/three/,/six/d", "/t/d", "0,/o/d", "1,/o/d", "2~3d", "0~4p",
      "first~2d", "3,+2d", "3,~4d", "5,2d", "$!d", "/x/,$d", "n;d", "N;P;D", "$!N;s/\\n/ /", "=", "1~3=",
      "l", "G", "h;d", "1!G;h;$!d", "x", "H;$!d;x", "g", "q", "3q", "3q5", "3Q", "2i\\inserted", "2a\\appended",
      "2c\\changed", "2,4c\\changed", "$a end", "1i start", "a\\", "y/abcdefghijklmnopqrstuvwxyz/ABCDEFGHIJKLMNOPQRSTUVWXYZ/",
      "s/o/0/", "s/o/0/g", "s/e/E/2", "s/e/E/2g", "s/[aeiou]//g", "s/\\(.\\)\\(.\\)/\\2\\1/", "s/.*/\\U&/",
      "s/.*/\\u&/", "s/\\(.\\)\\(.*\\)/\\2\\1/", "s/x*/-/g", "s/e*/-/g", "s/^/> /", "s/$/ </", "s/o/\\n/g",
      "s/t/T/;s/T/[&]/", "s/t/T/p", "s/t/T/w /dev/stdout", "-n;s/t/T/p", "s/ONE/1/I", "s/o//2", "$!{N};P;D",
      "/e/{s/e/E/;s/n/N/}", "/e/!s/o/O/", "2{p;p}", "2,3{=;d}", ":a;N;$!ba;s/\\n/,/g", "s/e/E/;ta;s/$/!/;:a",
      "s/e/E/;Ta;s/$/!/;:a", "s/q/Q/;T;s/$/?/", "/two/{n;d}", "$!N;$!D", "1~2{N;s/\\n/+/}", "z;s/^$/empty/",
      "F", "2q;p", "/four/,+1s/^/#/", "s/\\w\\+/[&]/2", "s/\\bt/T/g", "s/\\<./\\u&/g", "s/n\\>/N/g",
      "s/[[:alpha:]]\\{4\\}/W/", "s/\\(e\\)\\1/EE/", "/^.\\{3\\}$/d", "s/o\\|e/_/g", "s/\\(o\\|e\\)\\+/_/g",
      "y/oe/eo/", "s/./&&/3g", "1~0p", "2,1p", "/one/,/one/d", "0,/one/d", "1,/one/d", "$=", "-s;$=",
      "N;N;s/\\n/-/2", "s/e/\\\n/", "s,o,/,g", "s|e|\\||g", "s/\\//x/", "\\,e,d", "\\;o;d",
      "s/\\x65/X/g", "s/\\o145/X/", "s/\\d101/X/", "s/e/\\t/", "s/\\t/T/", "s/e/\\cA/", "l 5", "l 0", "l;d",
      "s/./\\L&/;s/o/\\U&x\\E&/", "s/\\(...\\)/\\u\\1/", "s/\\(t\\)\\(.*\\)/\\U\\1\\E\\2/", "y/\\n/x/",
      "h;G;s/\\n/|/", "x;G", "$!{h;d};x;G", "2{h;d};4G", "D", "P;d", "n;n;p", "N;N;N;D",
  };
  for (const auto& s : line_scripts) {
    if (s.rfind("-n;", 0) == 0) {
      cases.push_back({{"sed", "-n", s.substr(3)}, kLines});
    } else if (s.rfind("-s;", 0) == 0) {
      cases.push_back({{"sed", "-s", s.substr(3)}, kLines});
    } else {
      cases.push_back({{"sed", s}, kLines});
      cases.push_back({{"sed", "-n", s}, kLines});
    }
  }
  const std::vector<std::vector<std::string>> text_cases = {
      {"sed", "-E", "s/(o+)/[\\1]/g"}, {"sed", "-E", "s/([a-z]+) ([a-z]+)/\\2 \\1/"}, {"sed", "-r", "s/a|e/X/g"},
      {"sed", "-E", "s/o{2}/00/"}, {"sed", "-E", "s/^(.)(.*)$/\\2\\1/"}, {"sed", "-E", "/^$/d"},
      {"sed", "-E", "s/[[:space:]]+/ /g"}, {"sed", "-E", "s/(foo|bar)=([0-9])/\\2=\\1/g"},
      {"sed", "s/[[:upper:]]/\\l&/g"}, {"sed", "s/\\s\\+/_/g"}, {"sed", "s/\\S\\+/W/g"}, {"sed", "s/\\W/./g"},
      {"sed", "-n", "/foo/p"}, {"sed", "-n", "/foo/!p"}, {"sed", "/^$/,$d"}, {"sed", "-n", "$p"},
      {"sed", "-e", "s/foo/FOO/", "-e", "s/bar/BAR/"}, {"sed", "-e", "1{", "-e", "s/H/h/", "-e", "}"},
      {"sed", "-e", "a\\", "-e", "added"}, {"sed", "1a\\\nline1\\\nline2"}, {"sed", "1i\\  spaced"},
      {"sed", "1a  two spaces"}, {"sed", "/foo/c\\\nreplaced"}, {"sed", "-n", "/foo/{p;q}"},
      {"sed", "s/o/0/3"}, {"sed", "s/\\(b\\)\\(a\\)/\\2\\1/g"}, {"sed", "s/[^ ]*/(&)/g"}, {"sed", "s/ */|/g"},
      {"sed", "s/\\.//"}, {"sed", "s/fox$/dog/"}, {"sed", "s/^T/t/"}, {"sed", "s/a*/x/g"},
      {"sed", "-z", "s/\\n/,/g"}, {"sed", "-z", "s/^H/h/"}, {"sed", "--posix", "s/o/0/"}, 
      {"sed", "-n", "--", "1p"}, {"sed", "--expression=1d"}, {"sed", "-n", "-e", "2p", "-e", "4p"},
      {"sed", "#n\n1p"}, {"sed", "#n"}, {"sed", "#no\n1p"}, {"sed", "1d # comment"}, {"sed", "1 d"},
      {"sed", "1,3 !d"}, {"sed", "1d;;;3d"}, {"sed", " ; 1d"}, {"sed", "/foo/I d"}, {"sed", "/FOO/Id"},
      {"sed", "s/FOO/x/ig"}, {"sed", "N;s/^f/F/Mg"}, {"sed", "N;N;s/^/>/mg"}, {"sed", "N;s/r$/R/M"},
      {"sed", "N;s/.*/[&]/"}, {"sed", "N;/bar$/Mp;d"}, {"sed", "$!N;s/\\n/ /;P;D"},
      {"sed", "s/\\(fo\\)\\(o\\)*/\\2\\1/"}, {"sed", "s/o*\\(o\\)/[\\1]/"},
      {"sed", "s/&/and/;s/foo/&&/"}, {"sed", "s/foo/a\\&b/"}, {"sed", "s/ /\\n/2"}, {"sed", "s/b/\\\\/g"},
      {"sed", "y/abc/\\n\\t\\\\/"}, {"sed", "s/[/]/x/"}, {"sed", "s/a\\|b/X/g"}, {"sed", "s/x\\?o/0/g"},
      {"sed", "s/a\\{0,1\\}b/B/g"}, {"sed", "s/*/star/"}, {"sed", "s/^*/star/"}, {"sed", "s/\\(*\\)/s/"},
      {"sed", "s/[]]/x/"}, {"sed", "s.a\\.b.X."}, {"sed", "s|o\\|b|X|g"}, {"sed", "s/[/]/x/"}, {"sed", "#nx\n1p"},
      {"sed", "1a\\\n   indented\\\n  two"}, {"sed", "s/[[:space:]/]/_/g"}, {"sed", "\\%o%d"}, {"sed", "s/[a-c]\\+/_/g"}, {"sed", "s/[^[:alnum:] ]/#/g"},
      {"sed", "/quick/{s//slow/;s/brown/red/}"}, {"sed", "/o/s//0/g"}, {"sed", "s/o/0/;s//O/"},
      {"sed", "-n", "/foo/,/quick/{/quick/!p}"}, {"sed", "2!{/foo/d}"},
  };
  for (const auto& args : text_cases) cases.push_back({args, kText});
  const std::vector<std::vector<std::string>> errors = {
      {"sed", "k"}, {"sed", "p x"}, {"sed", "s/a/b/q"}, {"sed", "{p"}, {"sed", "p}"}, {"sed", "b foo"},
      {"sed", "s/a/b"}, {"sed", "y/ab/c/"}, {"sed", "3,p"}, {"sed", "1,2,3p"}, {"sed", "0p"}, {"sed", "0,5p"},
      {"sed", ":"}, {"sed", "1:a"}, {"sed", "a"}, {"sed", "s/a/\\1/"}, {"sed", "s/a/b/gg"}, {"sed", "s/a/b/0"},
      {"sed", "/a"}, {"sed", "r"}, {"sed", "+1p"}, {"sed", "y/a/"}, {"sed", "qx"}, {"sed", "q 5 x"},
      {"sed", "=x"}, {"sed", "}"}, {"sed", "s/\\(/x/"}, {"sed", "/\\(/p"}, {"sed", "l 5 x"}, {"sed", "dp"},
      {"sed", "!!p"}, {"sed", "1!!p"}, {"sed", "-E", "s/a{/X/"}, {"sed", "-E", "s/*a/X/"}, {"sed", "-E", "s/a)/X/"},
      {"sed", "s/[[:foo:]]/Y/"}, {"sed", "s/\\(a\\)\\2/X/"}, {"sed", "s/a\\{1/X/"}, {"sed", "s/[b-a]/X/"},
      {"sed", "s/[:alpha:]/X/"}, {"sed", "-n", "-e", "p", "-e", "k"},
      {"sed", "1,2="}, {"sed", "1,2q"}, {"sed", "s/x/y/;s//z/"}, {"sed", "//p"}, {"sed", "s/a/b/w"},
      {"sed", "y/abc/de/"}, {"sed", "1~2~3p"}, {"sed", "v 9.0"}, {"sed", "v 4.2"}, {"sed", "s/a/b/3p2"},
      {"sed", "-l", "x", "l"}, {"sed", "p", "/nonexistent"}, {"sed", "-e", "p", "-e", "1{"},
      {"sed", "-n", "-e", "1{", "-e", "p"}, {"sed", "1{;2{p}"}, {"sed", "1{p};}"},
  };
  for (const auto& args : errors) cases.push_back({args, kText});
  const std::vector<std::vector<std::string>> tricky = {
      {"sed", "2,4!c\\X"}, {"sed", "2,4c\\X"}, {"sed", "$!c\\X"}, {"sed", "/o/c\\X"}, {"sed", "2,4{c\\X\n}"},
      {"sed", "a foo; p"}, {"sed", "1{a foo\n}"}, {"sed", "2i\\\nmulti\\\nline"}, {"sed", "a\\tab"}, {"sed", "a\\\\"},
      {"sed", "1{x;p;x}"}, {"sed", "$!{h;d};G"}, {"sed", "N;N;D"}, {"sed", "$!N;/\\n.*e/P;D"}, {"sed", ":a;$q;N;4,$D;ba"},
      {"sed", "s/o/0/;t;s/e/3/"}, {"sed", "s/x/y/;t done;s/e/E/;:done"}, {"sed", "s/o/0/;s/x/y/;t;s/$/!/"},
      {"sed", "y/\\/,/|\\,/"}, {"sed", "y,a\\,b,x\\,y,"}, {"sed", "s/\\(.\\)/\\u\\1x/"},
      {"sed", "s/\\(t\\)\\(h\\)/\\U\\1\\l\\2X/"}, {"sed", "s/.*/\\L\\u&/"}, {"sed", "s/e/\\U/;s/$/x/"},
      {"sed", "N;s/[\\n]/+/"}, {"sed", "N;s/[^a-z]/+/g"}, {"sed", "N;s/.$/X/M"}, {"sed", "N;s/^./X/Mg"},
      {"sed", "N;s/o$/X/"}, {"sed", "N;s/\\`./X/Mg"}, {"sed", "N;s/.\\'/X/Mg"}, {"sed", "s/e/E/3g"}, {"sed", "s/o*/0/2"},
      {"sed", "/t/s//T/g"}, {"sed", "/T/Is//x/"}, {"sed", "s/O/x/I;s//y/"}, {"sed", "2!d;="}, {"sed", "-n", "/t/{=;p}"},
      {"sed", "-n", "2{p};3{p}"}, {"sed", "2{s/t/T/};"}, {"sed", "{p};{p}"}, {"sed", "-n", "$!{$!p}"}, {"sed", "1,3{2d}"},
      {"sed", "1 , 3 p"}, {"sed", "/two/ , /four/ d"}, {"sed", "0~3 d"}, {"sed", "2,~2d"}, {"sed", "4,~2d"}, {"sed", "5,+0d"},
      {"sed", "/e/,+1d"}, {"sed", "/five/,1d"}, {"sed", "0,/e/s//E/"}, {"sed", "1,/e/s//E/"}, {"sed", "$!N;$!N;s/\\n/,/g"},
      {"sed", "n;n;s/$/!/"}, {"sed", "-n", "n;p"}, {"sed", "$!n;d"}, {"sed", "N;N;N;N;N;N;N;N;N;N;s/\\n//g"},
      {"sed", "s/\\(o\\)\\(n\\)\\(e\\)/\\3\\2\\1/;s/\\(t\\)/&\\1&/"}, {"sed", "s/[[:digit:]]*$/[&]/"},
      {"sed", "-E", "s/(.)(.)?/<\\2>/g"}, {"sed", "-E", "s/(e)|(o)/[\\1|\\2]/g"}, {"sed", "-E", "s/x?/-/g"},
      {"sed", "-E", "s/\\<./\\u&/g"}, {"sed", "-E", "s/\\b/|/g"}, {"sed", "-E", "s/\\B/-/g"}, {"sed", "s/\\>/>/g"},
      {"sed", "s/\\</</g"}, {"sed", "-E", "s/^|$/|/g"}, {"sed", "s/$/\\n/;s/\\n$/X/"}, {"sed", "G;G;s/\\n/_/g"},
      {"sed", "-n", "/e/{//!p;//p}"}, {"sed", "H;$!d;x;s/\\n/,/g"}, {"sed", "-z", "s/\\n/|/2"}, {"sed", "-z", "$s/\\n$//"},
      {"sed", "-n", "-z", "l"}, {"sed", "-s", "-n", "$p"}, {"sed", "-u", "p"}, {"sed", "--quiet", "--expression=3p"},
      {"sed", "-ne", "3p"}, {"sed", "-En", "/^(t|f)/p"}, {"sed", "-n", "/^t/,/^f/{/^f/!p}"}, {"sed", "=;="},
      {"sed", "l;l 3"}, {"sed", "-n", "-l", "3", "l"}, {"sed", "-n", "l 2"}, {"sed", "q;p"}, {"sed", "2Q;p"},
      {"sed", "$q7"}, {"sed", "1Q3"}, {"sed", "-n", "$="}, {"sed", "s/e/\\d069/"}, {"sed", "s/e/\\o105/"},
      {"sed", "s/\\(x\\)*e/[\\1]/"}, {"sed", "s/\\n/X/"}, {"sed", "N;s/\\n/\\\n/"}, {"sed", "N;P;P;D"},
  };
  for (const auto& args : tricky) cases.push_back({args, kLines});
  // Classic one-liners (in the style of "sed1line").
  const char* kDoc =
      "# config\n\nname = burrow\n\n\n\nversion = 1.0   \n  path=/usr/local/bin\nname = burrow\n"
      "tabs\there\tand\tthere\n\tindented with tab\nthe end\n";
  const std::vector<std::string> one_liners = {
      "G", "/^$/d;G", "n;d", "$!N;$!D", "$!d", "1!G;h;$!d", "/\\n/!G;s/\\(.\\)\\(.*\\n\\)/&\\2\\1/;//D;s/.//",
      "=", "-n;$=", "s/^[ \\t]*//", "s/[ \\t]*$//", "s/^[ \\t]*//;s/[ \\t]*$//", "s/^/     /",
      ":a;s/^.\\{1,30\\}$/ &/;ta", "s/\\//\\\\\\//g", "/^$/N;/\\n$/D", "$!N;/^\\(.*\\)\\n\\1$/!P;D",
      "$!N;s/\\n/ /", "s/.\\{3\\}/&\\n/g", "-n;/name/{p;q}", "-n;/version/,$p", "/^#/d;/^$/d", "s/=/ = /;s/  */ /g",
      "-n;/burrow/!p", "s/\\(.*\\)burrow/\\1BURROW/", "1~3d", "-n;2~2p", "/path/s/\\/usr/\\/opt/", "s/\\t/    /g",
      "-n;l", "y/abcdefghij/ABCDEFGHIJ/", "/name/{x;p;x}", "/name/{x;p;x;G}", "-n;/version/{g;1!p};h", "-n;/version/{n;p}",
      "-e", ":a;$q;N;11,$D;ba", "$!{h;d;};x", "1{h;d};G;s/\\n/ | /", "/^$/{N;/^\\n$/D}", "-n;h;n;G;p",
      "s/\\(^\\|[^0-9.]\\)\\([0-9]\\+\\)\\.\\([0-9]\\+\\)/\\1\\3.\\2/g", "-E;s/([a-z]+) = (.*)/\\2 <- \\1/",
      "-E;/^(#|$)/d", "-E;s/[[:space:]]+/ /g;s/^ | $//g", "-E;s/(.)\\1+/\\1/g", "0~3{s/$/ ;/}", "-s;$!d",
  };
  for (const auto& line : one_liners) {
    DiffCase c{{"sed"}, kDoc};
    std::string script = line;
    if (script == "-e") continue;
    if (script.rfind("-n;", 0) == 0) {
      c.args.push_back("-n");
      script = script.substr(3);
    } else if (script.rfind("-E;", 0) == 0) {
      c.args.push_back("-E");
      script = script.substr(3);
    } else if (script.rfind("-s;", 0) == 0) {
      c.args.push_back("-s");
      script = script.substr(3);
    }
    c.args.push_back(script);
    cases.push_back(c);
  }
  cases.push_back({{"sed", "-e", ":a", "-e", "$!N;s/\\n//;ta"}, kDoc});
  cases.push_back({{"sed", "-n", "-e", "/name/{", "-e", "=", "-e", "p", "-e", "}"}, kDoc});
  // Missing final newline, empty input, UTF-8.
  for (const char* s : {"p", "$a end", "s/c/C/", "N;s/\\n/-/", "i\\x", "$!d", "G", "l", "=", "-n;$p"}) {
    if (std::string(s).rfind("-n;", 0) == 0) cases.push_back({{"sed", "-n", std::string(s).substr(3)}, "a\nb\nc"});
    else cases.push_back({{"sed", s}, "a\nb\nc"});
    if (std::string(s).rfind("-n;", 0) == 0) cases.push_back({{"sed", "-n", std::string(s).substr(3)}, ""});
    else cases.push_back({{"sed", s}, ""});
  }
  cases.push_back({{"sed", "s/./X/g"}, "caf\xc3\xa9\n", "C.UTF-8"});
  const char* kU8 = "caf\xc3\xa9 na\xc3\xafve \xc3\x89T\xc3\x89 \xce\xb1\xce\xb2\xce\xb3 \xd0\xbf\xd1\x80\xd0\xb8 x_y\n";
  for (const char* script : {"s/.*/\\U&/", "s/.*/\\L&/", "s/\\w\\+/\\u&/g", "s/\\w*/[&]/g", "s/\\W/|/g",
                             "s/[[:alpha:]]*/<&>/g", "s/\\(.\\)\\(.\\)/\\2\\1/g", "y/\xc3\xa9\xce\xb1/EA/",
                             "s/\xc3\x89/e/ig", "s/.$/!/"})
    cases.push_back({{"sed", script}, kU8, "C.UTF-8"});
  cases.push_back({{"sed", "s/./X/g"}, "caf\xc3\xa9\n", "C"});
  cases.push_back({{"sed", "y/\xc3\xa9/e/"}, "caf\xc3\xa9\n", "C.UTF-8"});
  cases.push_back({{"sed", "l"}, "caf\xc3\xa9\x01\n", "C.UTF-8"});
  cases.push_back({{"sed", "l"}, "caf\xc3\xa9\x01\n", "C"});
  cases.push_back({{"sed", "s/.*/[&]/"}, "a\xff" "b\n", "C.UTF-8"});
  cases.push_back({{"sed", "-n", "l"}, std::string(150, 'x') + "\n"});
  cases.push_back({{"sed", "-l", "20", "-n", "l"}, std::string(50, 'x') + "\n"});
  cases.push_back({{"sed", "-n", "l 1"}, "abc\n"});
  cases.push_back({{"sed", "s/[[:alpha:]]*/<&>/"}, "\xc3\xa9t\xc3\xa9 x\n", "C.UTF-8"});
  // Files: w, r, R, W, -i, -s, F, several inputs.
  const std::vector<std::pair<std::string, std::string>> files = {
      {"a.txt", "a1\na2\na3\n"}, {"b.txt", "b1\nb2\n"}, {"r.txt", "READ1\nREAD2\n"}, {"noeol.txt", "x1\nx2"},
      {"empty.txt", ""},
  };
  struct FileCase {
    std::vector<std::string> args;
    std::vector<std::string> check;
  };
  const std::vector<FileCase> file_cases = {
      {{"sed", "p", "a.txt", "b.txt"}, {}}, {{"sed", "$d", "a.txt", "b.txt"}, {}}, {{"sed", "-s", "$d", "a.txt", "b.txt"}, {}},
      {{"sed", "-n", "$=", "a.txt", "b.txt"}, {}}, {{"sed", "-s", "-n", "$=", "a.txt", "b.txt"}, {}}, {{"sed", "F", "a.txt", "-"}, {}},
      {{"sed", "1d", "missing.txt", "a.txt"}, {}}, {{"sed", "2r r.txt", "a.txt"}, {}}, {{"sed", "r r.txt", "b.txt"}, {}},
      {{"sed", "r missing", "b.txt"}, {}}, {{"sed", "R r.txt", "a.txt"}, {}}, {{"sed", "$r noeol.txt", "a.txt"}, {}},
      {{"sed", "-n", "w out.txt", "a.txt"}, {"out.txt"}}, {{"sed", "/2/w out.txt", "a.txt", "b.txt"}, {"out.txt"}},
      {{"sed", "s/1/ONE/w out.txt", "a.txt"}, {"out.txt"}}, {{"sed", "N;W out.txt", "a.txt"}, {"out.txt"}},
      {{"sed", "-i", "s/a/A/", "a.txt"}, {"a.txt"}}, {{"sed", "-i.bak", "1d", "a.txt"}, {"a.txt", "a.txt.bak"}},
      {{"sed", "-i", "$d", "a.txt", "b.txt"}, {"a.txt", "b.txt"}}, {{"sed", "-i", "-n", "1p", "a.txt", "b.txt"}, {"a.txt", "b.txt"}},
      {{"sed", "-ibk_*", "s/^/>/", "b.txt"}, {"b.txt", "bk_b.txt"}}, {{"sed", "-i", "s/x/y/", "noeol.txt"}, {"noeol.txt"}},
      {{"sed", "-i", "1i\\top", "empty.txt", "b.txt"}, {"empty.txt", "b.txt"}}, {{"sed", "-i", "p"}, {}},
      {{"sed", "-f", "script.sed", "a.txt"}, {}}, {{"sed", "-n", "-f", "script.sed", "-e", "p", "b.txt"}, {}},
      {{"sed", "-f", "bad.sed", "a.txt"}, {}}, {{"sed", "-f", "open.sed", "a.txt"}, {}}, {{"sed", "-f", "missing.sed", "a.txt"}, {}},
      {{"sed", "$!N;s/\\n/+/", "noeol.txt", "a.txt"}, {}}, {{"sed", "p", "noeol.txt", "b.txt"}, {}},
      {{"sed", "2q", "a.txt", "b.txt"}, {}}, {{"sed", "-s", "2q", "a.txt", "b.txt"}, {}}, {{"sed", "-n", "/2/{p;q3}", "a.txt"}, {}},
      {{"sed", "w /dev/stdout", "b.txt"}, {}}, {{"sed", "-i", "s/1/X/w /dev/stdout", "a.txt"}, {"a.txt"}},
      {{"sed", "-i", "2q", "a.txt"}, {"a.txt"}}, {{"sed", "-i", "F;=", "a.txt", "missing.txt", "b.txt"}, {"a.txt", "b.txt"}},
      {{"sed", "-n", "-i", "$p", "a.txt", "noeol.txt"}, {"a.txt", "noeol.txt"}}, {{"sed", "-s", "1F", "a.txt", "b.txt"}, {}}, {{"sed", "1e echo hi", "b.txt"}, {}},
  };
  for (const auto& fc : file_cases) {
    DiffCase c{fc.args, "stdin1\nstdin2\n"};
    c.files = files;
    c.files.push_back({"script.sed", "s/1/one/\n/2/d\n"});
    c.files.push_back({"bad.sed", "p\nk\n"});
    c.files.push_back({"open.sed", "p\n1{\np\n"});
    c.check = fc.check;
    if (fc.args[1] == "1e echo hi") continue;  // needs a shell
    cases.push_back(c);
  }
  return cases;
}

TEST(SedDiff, AgainstHostSed) {
  int total = 0, failed = 0;
  for (const DiffCase& c : make_cases()) {
    ++total;
    CommandResult host = run_host(c);
    CommandResult ours = run_ours(c);
    std::string diff = compare(c, host, ours);
    if (!diff.empty()) {
      ++failed;
      ADD_FAILURE() << diff;
    }
  }
  std::printf("sed differential: %d/%d passed\n", total - failed, total);
}

}  // namespace
}  // namespace burrow::testing
