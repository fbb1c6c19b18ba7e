// Differential tests: our awk against the host's gawk 5.
#include <gtest/gtest.h>

#include "commands/text_diff_util.h"

namespace burrow::testing {
namespace {

const char* kData =
    "alice 30 london 1200.50\n"
    "bob 25 paris 800\n"
    "carol 35 berlin 1500.25\n"
    "dave 40 london 950\n"
    "eve 28 paris 2100.75\n";
const char* kCsv = "name,age,city\nalice,30,london\nbob,25,paris\n\"x,y\",1,z\n";
const char* kLog =
    "2024-01-01 10:00:01 GET /index.html 200 512\n"
    "2024-01-01 10:00:02 POST /api/login 401 128\n"
    "2024-01-01 10:00:03 GET /about.html 200 1024\n"
    "2024-01-01 10:00:04 GET /missing 404 0\n"
    "2024-01-02 11:00:00 GET /index.html 200 512\n";
const char* kPara = "a b\nc d\n\n\n\ne f\ng\n\nh\n";

struct P {
  std::string prog;
  std::string input;
};

std::vector<DiffCase> make_cases() {
  std::vector<DiffCase> cases;
  auto add = [&](std::vector<std::string> args, std::string input = kData) {
    args.insert(args.begin(), "gawk");
    cases.push_back(DiffCase{args, input});
  };
  // Programs run over kData.
  const std::vector<std::string> data_progs = {
      "{print}", "{print $1}", "{print $2, $1}", "{print NR, NF, $NF}", "{print $(NF-1)}", "NR==2",
      "NR>=2 && NR<=3", "/london/", "!/london/", "$2 > 29", "$2 > 29 {print $1}", "$3 == \"paris\"",
      "/bob/,/dave/", "NR==2,NR==3 {print NR\": \"$0}", "{s += $4} END {print s}", "{s += $4} END {print s/NR}",
      "END {print NR}", "{print length}", "{print length($1)}", "{$2 = \"X\"; print}", "{$2 = \"\"; print}",
      "{$6 = \"new\"; print; print NF}", "{NF = 2; print}", "{NF = 6; print; print NF}", "{$1=$1; print}",
      "BEGIN{OFS=\"-\"} {$1=$1; print}", "BEGIN{OFS=\":\"} {print $1, $2}", "BEGIN{ORS=\"|\"} {print $1}",
      "{a[$3]++} END {n = 0; for (k in a) n++; print n}", "{a[$3] += $4} END {print a[\"london\"], a[\"paris\"]}",
      "{print toupper($1), tolower(\"ABC\")}", "{print substr($1, 2, 3)}", "{print substr($1, 2)}",
      "{print index($1, \"a\")}", "{n = split($0, parts); print n, parts[1], parts[n]}",
      "{gsub(/o/, \"0\"); print}", "{sub(/[0-9]+/, \"<&>\"); print}", "{gsub(/a/, \"\\\\&\"); print}",
      "{print match($0, /[0-9]+/), RSTART, RLENGTH}", "{printf \"%-8s|%5d|%8.2f\\n\", $1, $2, $4}",
      "{printf \"%s %s\\n\", $1, $2}", "{print $1 > \"/dev/stderr\"}", "NR % 2", "NR % 2 == 0 {next} {print}",
      "{print; if (NR == 3) exit}", "{if (NR == 2) exit 3} END {print \"end\", NR}", "$1 ~ /^[a-c]/",
      "$1 !~ /e$/", "{print ($2 > 30 ? \"old\" : \"young\")}", "{x = x $1} END {print x}",
      "{print $2 + 0, $2 \"\", $2 * 2}", "{print -$2}", "{print $2 ^ 2, $2 ** 2}", "{print $2 % 7}",
      "{print int($4)}", "{print $4 / 3}", "{i = 0; while (i < 3) {i++; printf \"%d \", i}; print \"\"}",
      "{for (i = NF; i > 0; i--) printf \"%s \", $i; print \"\"}", "{do {n++} while (n < 3); print n}",
      "{print NR \":\" FNR}", "END {print $0, NF}", "{print > \"out.txt\"} END {close(\"out.txt\"); while ((getline l < \"out.txt\") > 0) print \"got\", l}",
      "{lines[NR] = $0} END {for (i = NR; i >= 1; i--) print lines[i]}", "{print $1, $2 > 28}",
      "{print ($1, $2)}", "{c[$3]++} END {PROCINFO[\"sorted_in\"] = \"@ind_str_asc\"; for (k in c) print k, c[k]}",
      "{c[$1] = $2} END {PROCINFO[\"sorted_in\"] = \"@val_num_desc\"; for (k in c) print k, c[k]}",
      "{c[$2] = $1} END {PROCINFO[\"sorted_in\"] = \"@ind_num_asc\"; for (k in c) print k, c[k]}",
      "{sum[$3] += $4; cnt[$3]++} END {PROCINFO[\"sorted_in\"] = \"@ind_str_desc\"; for (c in sum) printf \"%s %.2f\\n\", c, sum[c] / cnt[c]}",
      "{$3 = toupper($3)} 1", "{print NF; NF++; print NF; print}", "{$0 = \"a b c\"; print NF, $2}",
      "{getline; print}", "{getline x; print x \"|\" $0}", "NR == 1 {while ((getline line) > 0) n++; print n, NR}",
      "{print $1; next; print \"never\"}", "length($1) > 3", "{printf \"%c\", $1} END {print \"\"}",
      "{printf \"[%10s][%-10s]\\n\", $1, $3}", "{printf \"%5.1f%%\\n\", $2}", "{print $1 == \"bob\"}",
      "{print ($2 < 30) + ($2 > 35)}", "BEGIN {FS = \" \"} {print $2}", "{print $NF}",
      "{a = $2; b = $4; print (a < b)}", "{print $2 < $4}", "{x[NR] = $2} END {print length(x)}",
      "{ $0 = toupper($0); print $1 }", "{print NR == 1 ? \"first\" : \"other\"}",
      "NR == 1 {print; nextfile} {print \"x\"}", "{printf(\"%s-%s\\n\", $1, $2)}", "{print(1)(2)}",
      "{print substr($0, length($0) - 2)}", "{n = gsub(/[aeiou]/, \"\"); print n, $0}",
      "{print; print \"\" > \"/dev/stdout\"}", "$2 >= 30 || $3 == \"paris\"",
      "!($2 >= 30)", "{print !$2, !\"\", !0, !\"a\"}", "{print 1 - -1, 2 - - 2}", "{print $1 $2}",
      "{print $1\" \"$2}", "{$2 += 10; print}", "{$4 *= 2; print $4}", "{$2++; print $2}", "{print $2++ + ++$2}",
      "{print $ 1}", "{i = 1; print $i, $(i + 1)}", "{print $NF - 1}", "{print $(NF - 1)}",
  };
  for (const auto& p : data_progs) add({p});
  const std::vector<std::string> begin_progs = {
      "BEGIN {print 1 + 2, 7 / 2, 2 ^ 10, 10 % 3, -7 % 3}", "BEGIN {print 0.1 + 0.2}",
      "BEGIN {print 1e6, 1e16, 1e17, 123456789012, 2^53, 2^53 + 1, 1e30}", "BEGIN {print 3.14159265358979}",
      "BEGIN {x = 0.1; print x * 3}", "BEGIN {CONVFMT = \"%.2g\"; x = 3.14159; y = x \"\"; print y; print x}",
      "BEGIN {OFMT = \"%.2f\"; print 3.14159, 10}", "BEGIN {print length(\"hello\"), length()}",
      "BEGIN {print substr(\"hello\", 2, 3), substr(\"hello\", 0), substr(\"hello\", -1, 3), substr(\"hello\", 10)}",
      "BEGIN {print substr(\"hello\", 1.5, 2), substr(\"hello\", 2.5), substr(\"hello\", 0.5, 1.4)}",
      "BEGIN {print substr(\"hello\", 2, -1) \"|\", substr(\"hello\", 3, 100)}",
      "BEGIN {print index(\"foobar\", \"bar\"), index(\"foo\", \"x\"), index(\"\", \"\")}",
      "BEGIN {n = split(\"a:b:c\", a, \":\"); print n, a[1], a[2], a[3]}",
      "BEGIN {n = split(\"  a  b  \", a); print n, a[1], a[2]}", "BEGIN {n = split(\"\", a); print n, length(a)}",
      "BEGIN {n = split(\"a1b22c333d\", a, /[0-9]+/, s); print n, a[1], a[4], s[1], s[2], s[3]}",
      "BEGIN {n = split(\"abc\", a, \"\"); print n, a[1], a[3]}", "BEGIN {n = split(\"a.b.c\", a, \".\"); print n}",
      "BEGIN {n = split(\"a|b|c\", a, \"|\"); print n, a[2]}", "BEGIN {s = \"aaa\"; print gsub(/a/, \"b\", s), s}",
      "BEGIN {s = \"abc\"; gsub(/x*/, \"-\", s); print s}", "BEGIN {s = \"abc\"; gsub(/b*/, \"-\", s); print s}",
      "BEGIN {s = \"hello\"; gsub(/l/, \"[&]\", s); print s}", "BEGIN {s = \"hello\"; gsub(/l/, \"\\\\&\", s); print s}",
      "BEGIN {s = \"hello\"; gsub(/l/, \"\\\\\\\\&\", s); print s}", "BEGIN {s = \"a.b.c\"; gsub(\".\", \"x\", s); print s}",
      "BEGIN {s = \"a.b.c\"; gsub(/\\./, \"x\", s); print s}", "BEGIN {s = \"a.b.c\"; gsub(\"\\\\.\", \"x\", s); print s}",
      "BEGIN {s = \"foo bar\"; sub(/o+/, \"0\", s); print s}", "BEGIN {s = \"aaa\"; sub(/^a/, \"b\", s); print s; gsub(/^a/, \"c\", s); print s}",
      "BEGIN {print match(\"foobar\", /o+/), RSTART, RLENGTH}", "BEGIN {print match(\"foobar\", /z/), RSTART, RLENGTH}",
      "BEGIN {match(\"foo=123\", /([a-z]+)=([0-9]+)/, m); print m[0], m[1], m[2], m[1, \"start\"], m[2, \"length\"]}",
      "BEGIN {printf \"%d %i %o %x %X %u\\n\", 255, 255, 255, 255, 255, 255}",
      "BEGIN {printf \"%e %E %g %G %f\\n\", 1234.5678, 1234.5678, 1234.5678, 0.00001234, 1234.5678}",
      "BEGIN {printf \"%5s|%-5s|%.2s|%5.1s|\\n\", \"abc\", \"abc\", \"abc\", \"abc\"}",
      "BEGIN {printf \"%c%c%c\\n\", 65, \"hello\", 256 + 66}", "BEGIN {printf \"%*d|%-*d|\\n\", 5, 42, 4, 7}",
      "BEGIN {printf \"%+d % d %05d %x\\n\", 5, 5, 42, -1}", "BEGIN {printf \"%.3d|%#o|%#x\\n\", 5, 8, 255}",
      "BEGIN {printf \"%d %d\\n\", \"12abc\", \"abc\"}", "BEGIN {printf \"%d\\n\", 2^70}", "BEGIN {printf \"%s\\n\", 2^70}",
      "BEGIN {printf \"%s %s\\n\", 0.1, 100}", "BEGIN {printf \"%5.2f%%\\n\", 45.678}", "BEGIN {printf \"no newline\"}",
      "BEGIN {x = sprintf(\"%03d-%s\", 7, \"x\"); print x}", "BEGIN {printf \"%s\"}",
      "BEGIN {print toupper(\"abc\") tolower(\"DEF\")}", "BEGIN {print int(3.9), int(-3.9), int(\"42abc\")}",
      "BEGIN {printf \"%.4f %.4f %.4f\\n\", sqrt(2), exp(1), log(10)}", "BEGIN {printf \"%.4f %.4f %.4f\\n\", sin(1), cos(1), atan2(1, 1)}",
      "BEGIN {srand(1); x = srand(2); print x}", "BEGIN {srand(); r = rand(); print (r >= 0 && r < 1)}",
      "BEGIN {a[1]; a[2]; delete a[1]; print length(a), (1 in a), (2 in a)}", "BEGIN {a[1]; a[2]; delete a; print length(a)}",
      "BEGIN {a[1, 2] = 3; for (k in a) {split(k, p, SUBSEP); print p[1], p[2]}; print ((1, 2) in a)}",
      "BEGIN {x; print length(x), x + 0, x \"\"}", "BEGIN {print (x == 0), (x == \"\")}",
      "BEGIN {print \"a\" < \"b\", \"10\" < \"9\", 10 < 9, \"abc\" < \"abd\"}", "BEGIN {print 1 == 1.0, \"1\" == 1, \"a\" == \"a\"}",
      "BEGIN {x = \"10\"; y = 9; print (x < y)}", "BEGIN {print 1 \" \" 2, 1 2, 1 + 2 \"3\"}",
      "BEGIN {print 2 ^ 3 ^ 2, -2 ^ 2, 2 ^ -1}", "BEGIN {x = 5; x += 2; x -= 1; x *= 3; x /= 2; x %= 4; x ^= 2; print x}",
      "BEGIN {i = 5; print i++, i, ++i, i--, --i}", "BEGIN {print 1 && 0, 1 || 0, !1, !0}",
      "BEGIN {print (1, 2) in a}", "BEGIN {while (1) {if (++i > 5) break}; print i}",
      "BEGIN {for (i = 0; i < 10; i++) {if (i % 2) continue; s = s i}; print s}",
      "BEGIN {for (;;) {if (++n == 3) break}; print n}", "BEGIN {exit 5}", "BEGIN {exit} END {print \"end\"}",
      "BEGIN {exit 1} END {print \"end\"; exit}", "END {print NR}",
      "function f(a) {return a * 2} BEGIN {print f(21)}", "function fib(n) {return n < 2 ? n : fib(n - 1) + fib(n - 2)} BEGIN {print fib(20)}",
      "function fill(arr, n,  i) {for (i = 1; i <= n; i++) arr[i] = i * i} BEGIN {fill(sq, 5); print sq[3], length(sq)}",
      "function loc(x,  y) {y = x + 1; return y} BEGIN {y = 100; print loc(1), y}", "function noret() {} BEGIN {x = noret(); print \"[\" x \"]\"}",
      "function g(a) {a = 5} BEGIN {b = 1; g(b); print b}", "function h(arr) {arr[\"k\"] = 1} BEGIN {h(z); print length(z), z[\"k\"]}",
      "function fact(n) {if (n <= 1) return 1; return n * fact(n - 1)} BEGIN {print fact(10), fact(20)}",
      "BEGIN {s = sprintf(\"%s\", 123456789); print s, length(s)}", "BEGIN {print length(12345), length(1/4)}",
      "BEGIN {x[\"a\"] = 1; print (\"a\" in x), (\"b\" in x); if (\"b\" in x) print \"no\"; print length(x)}",
      "BEGIN {print substr(\"hello\", 0, 2)}", "BEGIN {print -0, 0 * -1, 1 / 3}", "BEGIN {print 100000 * 100000, 2147483648 * 4}",
      "BEGIN {print 1e300 * 1e300, -1e300 * 1e300, log(-1)}", "BEGIN {print \"A\\tB\\nC\\\\D\\\"E\\/F\"}",
      "BEGIN {print \"\\x41\\102\\x4a\"}", "BEGIN {print \"a\" \"b\" > \"/dev/stdout\"}", "BEGIN {printf \"%s\\n\", \"x\" > \"/dev/stderr\"}",
      "BEGIN {print gensub(/(a)(b)/, \"<\\\\2\\\\1>\", \"g\", \"abab\")}", "BEGIN {print gensub(/o/, \"0\", 2, \"foo boo\")}",
      "BEGIN {s = \"x\"; t = gensub(/x/, \"y\", \"g\", s); print s, t}", "BEGIN {print gensub(/b/, \"[&]\", \"g\", \"abcb\")}",
      "BEGIN {n = asort(a); a[1] = \"c\"; a[2] = \"a\"; a[3] = \"b\"; n = asort(a); print n, a[1], a[2], a[3]}",
      "BEGIN {a[\"z\"] = 1; a[\"x\"] = 2; a[\"y\"] = 3; n = asorti(a, b); print n, b[1], b[2], b[3]}",
      "BEGIN {a[1] = 10; a[2] = 9; a[3] = 100; asort(a, b); print b[1], b[2], b[3], a[1]}",
      "BEGIN {n = patsplit(\"ab12cd345\", p, /[0-9]+/, s); print n, p[1], p[2], s[0], s[1]}",
      "BEGIN {IGNORECASE = 1; print (\"ABC\" ~ /abc/), match(\"xABCx\", /b/)}", "BEGIN {print (\"ABC\" ~ /abc/)}",
      "BEGIN {print typeof(x), typeof(1), typeof(\"s\"), typeof(a); a[1]; print typeof(a)}",
      "BEGIN {print and(12, 10), or(12, 10), xor(12, 10), lshift(1, 4), rshift(256, 2)}",
      "BEGIN {print strtonum(\"0x1F\"), strtonum(\"017\"), strtonum(\"12.5\")}", "BEGIN {print isarray(a); a[1]; print isarray(a)}",
      "BEGIN {print strftime(\"%Y-%m-%d\", 0, 1)}", "BEGIN {print mktime(\"2020 01 01 00 00 00\") > 0}",
      "BEGIN {x = \"abc\"; print x ~ \"b\", x ~ /^a/, \"b\" ~ x}", "BEGIN {r = \"^[0-9]+$\"; print (\"123\" ~ r), (\"12a\" ~ r)}",
      "BEGIN {print length(\"a\\nb\")}", "BEGIN {if (!(3 in a)) print \"no\"; print length(a)}",
      "BEGIN {a[\"x\"] = 1; delete a[\"x\"]; for (k in a) print k; print \"done\"}",
      "BEGIN {$0 = \"a b c\"; print NF, $2; $5 = \"e\"; print; print NF}", "BEGIN {$3 = \"x\"; print; print NF}",
      "BEGIN {printf \"%d:%s:%d\\n\", \"0x1A\", 1e3, \"1e3\"}", "BEGIN {x = \"3.0\"; y = 3; print (x == y)}",
      "BEGIN {print 1==1 ? \"y\" : \"n\"}", "BEGIN {a = 1; b = 2; print a\" \"b, a b}", "BEGIN {print 10 \" \" -1}",
      "BEGIN {s = \"hello world\"; n = split(s, w, / /); print w[2]}", "BEGIN {print index(\"abc\", \"\")}",
      "BEGIN {CONVFMT = \"%d\"; a[12.7] = 1; for (k in a) print k}", "BEGIN {a[0.1 + 0.2] = 1; for (k in a) print k}",
      "BEGIN {print substr(123456, 2, 3) + 1}", "BEGIN {print 1/3 \"\"}", "BEGIN {x = 1e-5; print x, x \"\"}",
      "BEGIN {print 123456789, 1234567890123, 0.000001, 1234567.5}", "BEGIN {print 17 / 4 * 4, 2 * 3 + 4 * 5}",
      "BEGIN {nextfile}", "BEGIN { getline; print \"got\", $0 }", "BEGIN { while ((getline line) > 0) n++; print n }",
      "BEGIN {print ENVIRON[\"LC_ALL\"]}",
      "BEGIN {print ARGC, ARGV[0]}", "BEGIN {printf \"%s %s %s\\n\", \"a\", \"b\"}", "BEGIN {printf}",
      "BEGIN {x = 1; x = x \"\" ; print x + 1}", "BEGIN {print length(sprintf(\"%c\", 0))}",
      "BEGIN {print substr(\"hello\", 2, 1.5)}", "BEGIN {print tolower(123), toupper(\"mIxEd\")}",
      "BEGIN {a = \"A\"; b = a++; print a, b}", "BEGIN {print !x, !!x, -x}", "BEGIN {print 1,2 > \"/dev/stderr\"}",
  };
  for (const auto& p : begin_progs) add({p}, "line1 a\nline2 b\n");

  // More language corners.
  const std::vector<P> more = {
      {"{print ($1 < $2)}", "10 9\n9 10\nabc 10\n10 abc\n 2  10\n1e2 99\n0x10 1\n"},
      {"{print ($1 == $2)}", "1 1.0\n+1 1\n.5 0.5\nabc ABC\n 3 3\n"},
      {"$1", "0\n1\n\n0.0\nabc\n 0 \n-0\n"},
      {"{x = $1; y = x + 0; print (x == y)}", "3.0\nabc\n"},
      {"{a = b = $1; print a, b}", "q\n"},
      {"{print ($1 > 0 ? ($1 > 5 ? \"big\" : \"small\") : \"neg\")}", "7\n3\n-1\n"},
      {"/[/]/", "a/b\nab\n"},
      {"/a\\/b/", "a/b\nab\n"},
      {"$0 ~ \"^a.c$\"", "abc\naxc\nabcd\n"},
      {"{print match($0, \"[0-9]+\") \" \" substr($0, RSTART, RLENGTH)}", "abc123def\nnone\n"},
      {"{n = split($0, a, /,/); for (i = 1; i <= n; i++) printf \"[%s]\", a[i]; print \"\"}", "a,,b,\n,\n"},
      {"{print NF}", "a,b\n"},
      {"{$3 = \"c\"; print; print NF}", "a\n"},
      {"{NF = 1; $0 = $0; print NF}", "a b c\n"},
      {"{$0 = \"x y\"; $3 = \"z\"; print}", "a\n"},
      {"BEGIN {getline line; print \"first:\", line} {print \"rest:\", $0}", "1\n2\n3\n"},
      {"NR == 1 {getline; print \"after getline:\", $0, NR} END {print NR}", "1\n2\n3\n"},
      {"{while ((getline l) > 0) last = l} END {print last, NR}", "1\n2\n3\n"},
      {"{print length()}", "héllo\n"},
      {"{print toupper($0)}", "héllo wörld\n"},
      {"{printf \"%-3s|\\n\", $1}", "ab\n"},
      {"{sum = 0; for (i = 1; i <= NF; i++) sum += $i; print sum}", "1 2 3\n4.5 5.5\n\n"},
      {"{print $1 * 1, $1 + 0 == $1}", "1e3\n0x1A\n010\n.5\n-.5e1\n"},
      {"{gsub(/^ +| +$/, \"\"); print \"[\" $0 \"]\"}", "  a b  \n"},
      {"{gsub(/[[:space:]]+/, \" \"); print}", "a \t b\n"},
      {"{gsub(/[[:upper:]]/, \"(&)\"); print}", "aBcD\n"},
      {"{print gensub(/([a-z]+)([0-9]+)/, \"\\\\2-\\\\1\", \"g\")}", "abc123 de45\n"},
      {"{sub(/$/, \"!\"); print}", "x\n\n"},
      {"{sub(/^/, \">\"); print}", "x\n\n"},
      {"{gsub(//, \"-\"); print}", "abc\n"},
      {"{gsub(/a|ab/, \"X\"); print}", "abab\n"},
      {"{print substr($0, index($0, \"=\") + 1)}", "key=value=x\n"},
      {"{printf \"%s\\n\", $0 > \"/dev/stdout\"}", "a\n"},
      {"BEGIN {printf \"%d %s\\n\", \"-0\", -0}", ""},
      {"BEGIN {print 1e-300 * 1e-300, 2 ^ 0.5}", ""},
      {"BEGIN {for (i = 1; i <= 30; i++) b[i] = i * i; b[-1]; b[0]; for (k in b) printf \"%s \", k; print \"\"}", ""},
      {"{for (i = 1; i <= NF; i++) w[i] = $i} END {for (k in w) print k, w[k]}", "a b c d e f g h i j k\n"},
      {"BEGIN {x[1] = 1; x[2] = 2; n = 0; for (k in x) n += x[k]; print n}", ""},
      {"BEGIN {s = \"a b c\"; $0 = s; $2 = \"\"; print; print NF}", ""},
      {"BEGIN {OFS = \"-\"; $0 = \"a b c\"; $1 = $1; print; NF = 2; print}", ""},
      {"BEGIN {printf \"%i|%5.2e|%G\\n\", 3.9, 12345, 1e-10}", ""},
      {"BEGIN {printf \"%s|%d|%.0f\\n\", 1e100, 1e100, 2.5}", ""},
      {"BEGIN {print length(1e100), 1e100}", ""},
      {"BEGIN {print 010 + 0, 0x11 + 0}", ""},
      {"BEGIN {print 1 > 2 ? \"a\" : \"b\"}", ""},
      {"BEGIN {print (1 > 2) ? \"a\" : \"b\"}", ""},
      {"BEGIN {a[\"x\"]; print length(a); for (k in a) print \"[\" k \"]\"}", ""},
      {"BEGIN {print substr(\"abc\", 2, 1e10)}", ""},
      {"BEGIN {x = \"A\"; x = x x x; print x; print length(x x)}", ""},
      {"BEGIN {print index(\"abcabc\", \"ca\")}", ""},
      {"BEGIN {n = split(\"2024-01-15\", d, \"-\"); printf \"%d/%d/%d\\n\", d[2], d[3], d[1]}", ""},
      {"BEGIN {printf \"%5.1f|%-8.3f|%08.2f\\n\", 3.14159, 2.5, -1.5}", ""},
      {"BEGIN {printf \"%x %o %X\\n\", 3000000000, 3000000000, 255.9}", ""},
      {"BEGIN {printf \"%c\", \"\"; print \"|\"}", ""},
      {"BEGIN {printf \"%%|%5%|\\n\"}", ""},
      {"BEGIN {printf \"%z\\n\"}", ""},
      {"BEGIN {print -3 % 2, 3 % -2, 5.5 % 2}", ""},
      {"BEGIN {x = 2; x ^= 3; print x; x **= 2; print x}", ""},
      {"BEGIN {print 1 - 1 \"\" 2}", ""},
      {"BEGIN {print 2 \" \" 3 * 4}", ""},
      {"BEGIN {print 1 (2 > 1)}", ""},
      {"BEGIN {$0 = \"3 4\"; print $1 * $2, $1 $2}", ""},
      {"BEGIN {a = \"x\"; a = a \"y\" a; print a}", ""},
      {"BEGIN {print length}", ""},
      {"BEGIN {if (!length(x)) print \"empty\"}", ""},
      {"BEGIN {n = split(\"a b c\", arr); delete arr[2]; for (i = 1; i <= n; i++) print i, (i in arr)}", ""},
      {"BEGIN {SUBSEP = \":\"; a[1, 2] = 1; for (k in a) print k}", ""},
      {"function f(x) {x[1] = 5} BEGIN {f(arr); print arr[1]}", ""},
      {"function max(a, b) {return a > b ? a : b} BEGIN {print max(3, 7), max(\"b\", \"a\")}", ""},
      {"function r(n) {if (n > 0) {printf \"%d \", n; r(n - 1)}} BEGIN {r(5); print \"\"}", ""},
      {"function swap(a, i, j,  t) {t = a[i]; a[i] = a[j]; a[j] = t} BEGIN {x[1] = \"a\"; x[2] = \"b\"; swap(x, 1, 2); print x[1], x[2]}", ""},
      {"function cnt(a,  k, n) {for (k in a) n++; return n} BEGIN {z[1]; z[2]; print cnt(z)}", ""},
      {"BEGIN {while (\"x\" ~ /x/) {if (++i > 3) break}; print i}", ""},
      {"BEGIN {do x++; while (x < 5); print x}", ""},
      {"BEGIN {for (i = 0; i < 3; i++); print i}", ""},
      {"BEGIN {if (1) ; else print \"no\"; print \"ok\"}", ""},
      {"BEGIN {if (0) print \"a\"; else if (1) print \"b\"; else print \"c\"}", ""},
      {"BEGIN {\n  x = 1\n  if (x)\n    print \"yes\"\n  else\n    print \"no\"\n}", ""},
      {"BEGIN { a = 1; b = 2;\n print a,\n b }", ""},
      {"BEGIN { x = 1 +\\\n 2; print x }", ""},
      {"BEGIN { print 1 &&\n 0 }", ""},
      {"# only a comment\nBEGIN { print \"c\" } # trailing", ""},
      {"BEGIN { printf(\"%s %s\\n\", \"a\", \"b\") }", ""},
      {"BEGIN { print(\"a\", \"b\") > \"/dev/stdout\" }", ""},
      {"END { print NR; print $0 }", "a\nb\n"},
      {"END { getline; print \"r:\" $0 }", "a\nb\n"},
      {"{ print NR; exit } END { print \"end\" NR }", "a\nb\n"},
      {"BEGIN { exit 3 } END { exit }", ""},
      {"{ exit $1 }", "7\n"},
      {"BEGIN { RS = \"\" } { for (i = 1; i <= NF; i++) printf \"<%s>\", $i; print \"\" }", "\n\na b\nc\n\n\nd\n\n"},
      {"BEGIN { RS = \"\\n\" } { print }", "a\nb\n"},
      {"BEGIN { RS = \"a|b\" } { print NR \": \" $0 \" [\" RT \"]\" }", "1a2b3"},
      {"BEGIN { RS = \"\\t\" } { print }", "a\tb\tc"},
      {"BEGIN { RS = \"x\" } { print \"[\" $0 \"]\" }", "axxb\n"},
      {"{ print RT == \"\\n\" }", "a\nb"},
      {"BEGIN { FS = \",\" } { $2 = \"X\"; print }", "a,b,c\n"},
      {"BEGIN { FS = \",\"; OFS = \";\" } { $2 = \"X\"; print }", "a,b,c\n"},
      {"BEGIN { FS = \"\" } { print NF, $1, $3 }", "abc\n"},
      {"BEGIN { FS = \"[ ]\" } { print NF }", " a  b \n"},
      {"BEGIN { FS = \"\\\\|\" } { print $2 }", "a|b|c\n"},
      {"BEGIN { FS = \"ab\" } { print $2 }", "xabyabz\n"},
      {"BEGIN { FS = \"^\" } { print $2 }", "a^b\n"},
      {"BEGIN { IGNORECASE = 1; FS = \"x\" } { print $2 }", "aXbxc\n"},
      {"BEGIN { IGNORECASE = 1 } /ABC/ { print \"m\" } { gsub(/b/, \"_\"); print }", "abc\nAbC\n"},
      {"{ print $1 }", "a\r\nb\r\n"},
      {"{ printf \"%s:%d\\n\", $0, length }", "\n\n"},
      {"NF", "a\n\n  \nb\n"},
      {"NR == 2, NR == 2", "a\nb\nc\n"},
      {"/a/, /b/ { print NR }", "a\nx\nb\na\nb\n"},
      {"/start/, 0", "x\nstart\ny\nz\n"},
      {"BEGIN { printf \"%s\", \"no newline at end\" }", ""},
      {"{ lines = lines $0 \"\\n\" } END { printf \"%s\", lines }", "1\n2\n"},
      {"{ printf \"%d items\\n\", $1 }", "3 x\nabc\n4.7\n"},
      {"{ print ++count[$1], $1 }", "a\nb\na\n"},
      {"{ $0 = $0 \" extra\"; print NF }", "a b\n"},
      {"{ print $(1) $(2) }", "a b\n"},
      {"{ print $NF; NF--; print $NF }", "a b c\n"},
      {"BEGIN { CONVFMT = \"%.2f\"; a = 0.1; b = a \"\"; print b; print a }", ""},
      {"BEGIN { OFMT = \"%.2f\"; x = 0.123456; print x; print x \"\"; y = 17; print y }", ""},
      {"BEGIN { x = 0.1 + 0.7; print x * 10 }", ""},
      {"BEGIN { print 1000000 * 1000000 * 1000000 }", ""},
      {"BEGIN { print 2^63, 2^64, -2^63 }", ""},
      {"BEGIN { print int(2^53 + 0.5) }", ""},
      {"BEGIN { print 3/2, -3/2, 1e6/3 }", ""},
      {"BEGIN { print 123456.789, 1234567.89, 0.0001234 }", ""},
  };
  for (const auto& p : more) add({p.prog}, p.input);
  // UTF-8 locale: characters, not bytes.
  for (const char* prog : {"{print length($0)}", "{print substr($0, 2, 2)}", "{print index($0, \"l\")}",
                           "{printf \"%c|%c\\n\", $0, 233}", "{print match($0, /l+/), RSTART, RLENGTH}",
                           "{n = split($0, a, \"\"); print n, a[2]}", "{printf \"[%5s]\\n\", $1}",
                           "{printf \"[%-8s][%.2s][%8.3s]\\n\", $1, $1, $2}", "{print toupper($0), tolower(\"ÀB\")}",
                           "{print > \"/dev/null\"; print \"ok\"}"}) {
    cases.push_back(DiffCase{{"gawk", prog}, "héllo wörld\n", "C.UTF-8"});
  }

  // Idioms agents type.
  const std::vector<std::vector<std::string>> idioms = {
      {"-F\t", "-v", "OFS=\t", "{print $2, $1}"}, {"-F", "\t", "{print NF}"}, {"NR > 1"}, {"NR == 1 {next} {print $1}"},
      {"{printf \"%s%s\", sep, $1; sep = \",\"} END {print \"\"}"}, {"{$1 = \"\"; print substr($0, 2)}"},
      {"{print $1}", "-"}, {"length > 20"}, {"{ total += $2 } END { printf \"Total: %d\\nAvg: %.2f\\n\", total, total / NR }"},
      {"BEGIN { OFS = \",\" } { $1 = $1 } 1"}, {"{ print NR \"\\t\" $0 }"}, {"!a[$3]++ { print $3 }"},
      {"{ a[NR] = $1 } END { for (i = 1; i <= NR; i++) printf \"%s \", a[i]; print \"\" }"},
      {"$2 ~ /^[0-9]+$/ && $2 > 28"}, {"{ max = ($2 > max ? $2 : max) } END { print max }"},
      {"NR == 1 { min = $2 } $2 < min { min = $2 } END { print min }"}, {"{ print $1 \":\" $2 }"},
      {"{ n = split($1, c, \"\"); print n }"}, {"{ printf \"%-10s %s\\n\", $1, $3 }"}, {"{ $2 = sprintf(\"%05d\", $2) } 1"},
      {"/alice/ { found = 1 } END { exit !found }"}, {"/zzz/ { found = 1 } END { exit !found }"},
      {"{ print > ($3 \".out\") } END { close(\"london.out\"); while ((getline l < \"london.out\") > 0) print \"L:\", l }"},
      {"BEGIN { while ((getline line < ARGV[1]) > 0) n++; print n }", "data.txt"},
      {"{ print FILENAME \":\" FNR \": \" $0 }", "data.txt"}, {"END { print FILENAME }", "data.txt"},
      {"{ s = s (NR > 1 ? \"|\" : \"\") $1 } END { print s }"},
      {"{ sub(/ .*/, \"\"); print }"}, {"{ print tolower(substr($1, 1, 1)) toupper(substr($1, 2)) }"},
      {"{ gsub(/[^a-z]/, \"\"); print }"}, {"{ print gensub(/(.)(.)/, \"\\\\2\\\\1\", 1) }"},
      {"BEGIN { printf \"%s\\n\", strftime(\"%Y\", 86400 * 365, 1) }"}, {"BEGIN { print length(ENVIRON) > 0 }"},
      {"{ print $2 * 1.1 }"}, {"{ printf \"%.1f\\n\", $4 / 1000 }"}, {"{ printf \"%6.2f%%\\n\", $2 / 158 * 100 }"},
      {"{ print int($4 / 100) * 100 }"}, {"{ b[int($2 / 10) * 10]++ } END { for (k = 20; k <= 40; k += 10) print k, b[k] + 0 }"},
  };
  for (auto args : idioms) {
    bool with_file = args.size() > 1 && args.back() == "data.txt";
    if (args.back() == "-" ) {
      add(args, kData);
      continue;
    }
    add(args, kData);
    if (with_file) cases.back().files = {{"data.txt", kData}};
  }
  // Precedence corners.
  for (const char* prog : {"BEGIN {print \"a\" -1}", "BEGIN {x = 3; print x -1, x - 1, x \" \" -1}",
                           "BEGIN {print 1 \" \" 2 == 1 \" \" 2}", "BEGIN {print !1 + 1, !\"\" \"x\"}",
                           "BEGIN {print 2 * -3, 2 ^ -1 * 4, -2 ^ 2}", "BEGIN {a[1]; print 1 in a, !(2 in a)}",
                           "BEGIN {x = 1; x += x += 2; print x}", "BEGIN {print 1 < 2 < 3, 3 > 2 > 1}",
                           "BEGIN {print 10 % 3 * 2, 2 ** 3 ** 2}", "BEGIN {print \"x\" > \"/dev/stdout\"; print (1 > 0)}",
                           "BEGIN {$0 = \"a b\"; print $1$2, $1 $2, -$1}", "BEGIN {print 1/0}", "BEGIN {print 5 % 0}",
                           "BEGIN {i = 1; a[i++] = i; for (k in a) print k, a[k]}", "BEGIN {print length \"x\"}",
                           "BEGIN {print \"a\" \"b\" == \"ab\"}", "BEGIN {print 1 - - - 1}", "BEGIN {n = \"3\" + 0; print n++ + ++n}",
                           "BEGIN {print (1,2) in a}", "BEGIN {s = \"a\\nb\"; print (s ~ /a.b/), (s ~ /a[^x]b/), (s ~ /^b/), (s ~ /a$/)}",
                           "BEGIN {s = \"x\\ny\"; gsub(/^/, \">\", s); print s; n = gsub(/$/, \"<\", s); print n, s}", "BEGIN {print 1 ~ 1, \"ab\" ~ \"a\" \"b\"}"}) {
    add({prog}, "");
  }
  // Field separators.
  add({"-F:", "{print $2}"}, "a:b:c\n::\nx\n");
  add({"-F", ":", "{print NF}"}, "a:b:c\n::\nx\n\n");
  add({"-F,", "{print $1, $3}"}, kCsv);
  add({"-F", "\\t", "{print $2}"}, "a\tb c\td\n");
  add({"-Ft", "{print $2}"}, "a\tb c\td\n");
  add({"-F", "[,;]", "{print $2}"}, "a,b;c\n1;2,3\n");
  add({"-F", ", *", "{print $2}"}, "a,   b, c\n");
  add({"-F", ".", "{print $2}"}, "a.b.c\n");
  add({"-F", "|", "{print $3}"}, "a|b|c\n");
  add({"-F", "", "{print $2, NF}"}, "abc\n");
  add({"-F", "  ", "{print $2}"}, "a  b  c\n");
  add({"-F", "a", "{print NF}"}, "banana\n");
  add({"BEGIN {FS = \",\"} {print $2}"}, kCsv);
  add({"BEGIN {FS = \"[0-9]\"} {print $1 \"|\" $2}"}, "ab1cd2ef\n");
  add({"{FS = \":\"} {print $1}"}, "a:b c\nd:e f\n");
  add({"{print NF}"}, "  leading and trailing  \n\t tab\t\n\n");
  add({"BEGIN {FS = \"\\t\"} {print $2}"}, "a\t\tb\n");
  add({"BEGIN {FPAT = \"([^,]*)|(\\\"[^\\\"]+\\\")\"} {print $1 \"|\" $2}"}, "a,\"b,c\",d\n");
  add({"BEGIN {FIELDWIDTHS = \"2 3 1\"} {print $1 \"|\" $2 \"|\" $3}"}, "abcdefgh\n");
  // Record separators.
  add({"BEGIN {RS = \"\"} {print NR \": \" $0; print NF}"}, kPara);
  add({"BEGIN {RS = \"\"; FS = \":\"} {print $1 \"|\" $2}"}, "a:b\nc:d\n\ne:f\n");
  add({"BEGIN {RS = \";\"} {print NR, $0}"}, "a;b;c\n");
  add({"BEGIN {RS = \"[0-9]+\"} {print $0 \"|\" RT}"}, "a1b22c");
  add({"BEGIN {RS = \"\\n\\n\"} {print NR\":\"$0}"}, "a\nb\n\nc\n");
  add({"{print $0 \"|\" RT}"}, "a\nb");
  add({"BEGIN {RS = \"x\"} END {print NR}"}, "axbxcx");
  add({"BEGIN {RS = \"\"} {print RT \"|\"}"}, kPara);
  add({"END {print NR, $0}"}, "a\nb\nc");
  // Options and operands.
  add({"-v", "x=5", "BEGIN {print x + 1}"});
  add({"-v", "s=a\\tb", "BEGIN {print s}"});
  add({"-v", "n=010", "BEGIN {print n + 0, (n == 10), (n < 9)}"});
  add({"-v", "OFS=-", "{$1 = $1; print}"}, "a b c\n");
  add({"--", "{print $1}"}, "a b\n");
  add({"-f", "prog.awk"}, "a b\n");
  cases.back().files = {{"prog.awk", "# comment\n{ print $2 }\nEND { print \"done\" }\n"}};
  add({"-f", "missing.awk"});
  add({"-f", "bad.awk"}, "1\n");
  cases.back().files = {{"bad.awk", "{\n  x = 0\n  print $1 / x\n}\n"}};
  add({"-f", "syn.awk"}, "1\n");
  cases.back().files = {{"syn.awk", "BEGIN {\n  print \"a\"\n  x = = 2\n}\n"}};
  add({"-f", "w.awk"}, "1\n");
  cases.back().files = {{"w.awk", "BEGIN { print log(-1) }\n"}};
  add({"{print FILENAME, FNR, NR}", "a.txt", "b.txt"});
  cases.back().files = {{"a.txt", "1\n2\n"}, {"b.txt", "3\n"}};
  add({"{print x, $0}", "x=1", "a.txt", "x=2", "b.txt"});
  cases.back().files = {{"a.txt", "1\n2\n"}, {"b.txt", "3\n"}};
  add({"{print}", "a.txt", "-"}, "stdin\n");
  cases.back().files = {{"a.txt", "1\n"}};
  add({"{print}", "missing.txt"});
  add({"FNR == 1 {print FILENAME}", "a.txt", "b.txt"});
  cases.back().files = {{"a.txt", "1\n2\n"}, {"b.txt", "3\n"}};
  add({"BEGINFILE {print \"start\", FILENAME} ENDFILE {print \"end\", FILENAME, FNR}", "a.txt", "b.txt"});
  cases.back().files = {{"a.txt", "1\n2\n"}, {"b.txt", "3\n"}};
  add({"{print; nextfile}", "a.txt", "b.txt"});
  cases.back().files = {{"a.txt", "1\n2\n"}, {"b.txt", "3\n4\n"}};
  add({"BEGIN {for (i = 0; i < ARGC; i++) print i, ARGV[i]}", "x", "y=1", "z"});
  add({"BEGIN {ARGV[1] = \"b.txt\"} {print}", "a.txt"});
  cases.back().files = {{"a.txt", "1\n"}, {"b.txt", "B\n"}};
  add({"{print > \"out.txt\"} END {print \"ok\"}"}, "a\nb\n");
  cases.back().check = {"out.txt"};
  add({"{print >> \"out.txt\"}"}, "a\nb\n");
  cases.back().files = {{"out.txt", "old\n"}};
  cases.back().check = {"out.txt"};
  add({"{print $2 > $1 \".txt\"}"}, "x 1\ny 2\nx 3\n");
  cases.back().check = {"x.txt", "y.txt"};
  add({"BEGIN {while ((getline line < \"a.txt\") > 0) print \"l:\", line; close(\"a.txt\"); getline line < \"a.txt\"; print line}"});
  cases.back().files = {{"a.txt", "1\n2\n"}};
  add({"BEGIN {print (getline line < \"nonexistent\")}"});
  add({"BEGIN {getline < \"a.txt\"; print $2, NF, NR}"});
  cases.back().files = {{"a.txt", "p q r\n"}};
  // Logs.
  add({"$5 == 200 {n++; bytes += $6} END {print n, bytes}"}, kLog);
  add({"{split($2, t, \":\"); print t[1] + 0}"}, kLog);
  add({"{count[$4]++} END {PROCINFO[\"sorted_in\"] = \"@val_num_desc\"; for (u in count) {print u, count[u]; break}}"}, kLog);
  add({"$5 >= 400 {print $3, $4, $5}"}, kLog);
  add({"{sub(/\\.html$/, \"\", $4); print $4}"}, kLog);
  add({"{print substr($1, 6, 2) \"/\" substr($1, 9, 2)}"}, kLog);
  add({"!seen[$4]++"}, kLog);
  add({"{a[NR] = $6} END {asort(a); print a[1], a[NR]}"}, kLog);
  add({"{print length($0) > 40 ? \"long\" : \"short\"}"}, kLog);
  add({"{ printf \"%-15s %5s\\n\", $4, $6 }"}, kLog);
  // Syntax and runtime errors.
  add({"BEGIN{x=}"});
  add({"BEGIN{x=1"});
  add({"{print $1"});
  add({"BEGIN { if (x) }"});
  add({"BEGIN{foo(1)}"});
  add({"BEGIN{x = 0; print 1 / x}"});
  add({"BEGIN{x = 0; print 1 % x}"});
  add({"BEGIN {a = 1; a[1] = 2}"});
  add({"BEGIN {a[1] = 1; print a}"});
  add({"BEGIN {print substr(\"x\")}"});
  add({});
  add({"BEGIN {getline x < \"a.txt\"; print x}"});
  add({"{print $-1}"}, "a\n");
  for (const char* prog : {"BEGIN { print \"abc }", "BEGIN { x = /abc }", "{ print $1 }}", "BEGIN { print 1,, 2 }",
                           "BEGIN { if x print }", "BEGIN { for (i = 0; i < 3) print }", "function f(a) { return a",
                           "BEGIN { getline line < }", "BEGIN @", "BEGIN { print } END", "{ print length( }",
                           "BEGIN { x = 1 y = 2 }", "BEGIN { printf \"%d\\n\" 5 }", "BEGIN{print > }",
                           "function f(f) { } BEGIN { }", "BEGIN { f = 1 } function f() { }"}) {
    add({prog}, "");
  }
  return cases;
}

TEST(AwkDiffTest, MatchesGawk) {
  auto cases = make_cases();
  int failures = 0;
  for (const auto& c : cases) {
    std::string diff = compare(c, run_host(c), run_ours(c));
    if (!diff.empty()) {
      ++failures;
      ADD_FAILURE() << diff;
    }
  }
  std::printf("awk differential: %zu cases, %d failures\n", cases.size(), failures);
}

}  // namespace
}  // namespace burrow::testing
