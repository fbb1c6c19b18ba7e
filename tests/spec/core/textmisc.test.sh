# getopt, iconv and dc, compared with util-linux getopt, glibc iconv and GNU dc.

#### getopt enhanced mode quotes arguments
getopt -o ab:c:: --long alpha,beta:,gamma:: -n name -- -a -b "it's" x -cfoo -c --al --beta=q --gamma y "a b" -- -z

#### getopt invalid option keeps going
getopt -o ab -- -x -a y; echo "rc=$?"

#### getopt unrecognized long option
getopt -o a -l alpha -- --foo --alpha; echo "rc=$?"

#### getopt missing short argument
getopt -o ab: -- -a -b; echo "rc=$?"

#### getopt missing long argument
getopt -o a --long beta: -- --beta; echo "rc=$?"

#### getopt ambiguous long option
getopt -o a -l alpha,alps -- --al; echo "rc=$?"

#### getopt exact match beats prefix
getopt -o a -l al,alpha -- --al --alp

#### getopt long option that takes no argument
getopt -o a -l alpha -- --alpha=3; echo "rc=$?"

#### getopt optional arguments
getopt -o 'a::' -l opt:: -- -a -afoo -a bar --opt --opt=x --opt= y

#### getopt compatible form is unquoted
getopt ab: -a -b x y z; echo "rc=$?"

#### getopt without arguments
getopt; echo "rc=$?"

#### getopt -T
getopt -T; echo "rc=$?"

#### getopt tcsh quoting
getopt -o a -s tcsh -- "a'b!c
d e"

#### getopt unknown shell
getopt -s fish -o a -- x; echo "rc=$?"

#### getopt alternative long options
getopt -a -o ab --long foo,bar: -- -foo -bar x -fo -ab -q; echo "rc=$?"

#### getopt plus stops at first operand
getopt -o +ab -- -a x -b; POSIXLY_CORRECT=1 getopt -o ab -- -a x -b

#### getopt minus returns operands in order
getopt -o -ab -- -a x -b y

#### getopt unquoted output
getopt -u -o ab: -l long: -- -a -b "x y" --long z "p q"

#### getopt -q and -Q
getopt -Q -o a -- -a -x; echo "rc=$?"; getopt -q -o a -- -a -x; echo "rc=$?"

#### getopt leading colon silences errors
getopt -o ':ab:' -- -b -z; echo "rc=$?"

#### getopt optstring as first parameter
getopt -- ab: -b 1 c; getopt -n prog -- 'x' -y; echo "rc=$?"

#### getopt with eval set
set -- -v --file=a.txt "two words" -n3
eval set -- "$(getopt -o vn: -l file: -- "$@")"
while true; do case "$1" in -v) echo verbose; shift;; -n) echo "n=$2"; shift 2;; --file) echo "file=$2"; shift 2;; --) shift; break;; esac; done
printf '<%s>\n' "$@"

#### getopt bad own option
getopt --foo; echo "rc=$?"; getopt -o; echo "rc=$?"

#### getopt dash operands
getopt -o a -- -- -a; getopt -o a -- - -a

#### iconv utf-8 to latin1 and back
printf 'caf\xc3\xa9 na\xc3\xafve\n' | iconv -f UTF-8 -t ISO-8859-1 | od -An -tx1
printf 'caf\xe9\n' | iconv -f latin1 -t utf-8

#### iconv unconvertible character
printf 'h\xc3\xa9llo \xe2\x82\xac\n' | iconv -f utf-8 -t ascii; echo "rc=$?"

#### iconv -c omits
printf 'h\xc3\xa9llo \xe2\x82\xac x\n' | iconv -c -f utf-8 -t ascii; echo "rc=$?"

#### iconv //IGNORE reports the end
printf 'h\xc3\xa9llo \xe2\x82\xac x\n' | iconv -f utf-8 -t ascii//IGNORE; echo "rc=$?"

#### iconv //TRANSLIT
printf '€ ü ß æ Æ œ “x” ‘y’ – — … © ® ™ ° ½ × ÷ ñ Ç ø Ø Å å ł Ł ı ﬁ → 中 ☃ ¿ ¡ « » µ ¢ £ ¥\n' | iconv -f utf-8 -t ascii//TRANSLIT; echo "rc=$?"

#### iconv //TRANSLIT of accented Latin Extended-A
printf 'ĀāĂăĄąĆćĈĉĊċČčĎďĒēĚěĞğİĲĳĹĺĽľŃńŇňŌōŐőŔŕŘřŚśŞşŠšŢţŤťŨũŪūŮůŰűŸŹźŻżŽž\n' | iconv -f utf-8 -t ASCII//TRANSLIT

#### iconv translit into latin1
printf '€ œ ‘ ž Ÿ é\n' | iconv -f utf-8 -t latin1//TRANSLIT | od -An -tx1

#### iconv invalid utf-8 input
printf 'ab\xffcd\n' | iconv -f utf-8 -t latin1; echo "rc=$?"

#### iconv overlong and surrogate utf-8
printf 'a\xc0\xafb\n' | iconv -f utf-8 -t utf-16le | od -An -tx1; printf '\xed\xa0\x80' | iconv -f utf-8 -t utf-16le; echo "rc=$?"

#### iconv incomplete input
printf 'ab\xc3' | iconv -f utf-8 -t latin1; echo "rc=$?"

#### iconv unknown charset
echo hi | iconv -f foo -t utf-8; echo "rc=$?"; echo hi | iconv -f utf-8 -t bar; echo "rc=$?"

#### iconv utf-16 and utf-32 write a BOM
echo hi | iconv -f utf-8 -t utf-16 | od -An -tx1; echo hi | iconv -f utf-8 -t UTF-32 | od -An -tx1

#### iconv utf-16le and utf-16be
echo hé | iconv -f utf-8 -t utf-16le | od -An -tx1; echo hé | iconv -f utf-8 -t UTF-16BE | od -An -tx1

#### iconv utf-16 input with BOM
printf '\xff\xfeh\x00i\x00' | iconv -f utf-16 -t utf-8; echo; printf '\xfe\xff\x00h\x00i' | iconv -f UTF-16 -t utf-8; echo

#### iconv surrogate pairs
printf 'x\xf0\x9f\x98\x80y' | iconv -f utf-8 -t utf-16be | od -An -tx1
printf '\x00\xd8\x00\xdc' | iconv -f utf-16le -t utf-8 | od -An -tx1

#### iconv broken utf-16
printf '\x00\xd8a\x00' | iconv -f utf-16le -t utf-8; echo "rc=$?"; printf 'a' | iconv -f utf-16le -t utf-8; echo "rc=$?"

#### iconv utf-32 round trip
printf 'A\xc3\xa9\xe2\x82\xac' | iconv -f utf-8 -t utf-32be | iconv -f UTF-32BE -t utf-8

#### iconv iso-8859-15 and cp1252
printf '\xa4\xa6\xbc\n' | iconv -f iso-8859-15 -t utf-8; printf '\x80\x93\x94\n' | iconv -f cp1252 -t utf-8
printf '€ Š\n' | iconv -f utf-8 -t WINDOWS-1252 | od -An -tx1

#### iconv cp1252 undefined byte
printf '\x80\x81\x9f\n' | iconv -f cp1252 -t utf-8; echo "rc=$?"

#### iconv latin9 lacks the currency sign
printf '¤\n' | iconv -f utf-8 -t iso-8859-15; echo "rc=$?"

#### iconv files, errors stop the run
printf 'ab\xff' > bad1; printf 'cd\n' > good1
iconv -f utf-8 -t ascii good1 bad1 good1; echo "rc=$?"
iconv -f utf-8 -t ascii nonexist; echo "rc=$?"

#### iconv -o and long options
echo hi | iconv --from-code=UTF8 --to latin1 -o out.txt; cat out.txt

#### iconv usage errors
echo hi | iconv -x; echo "rc=$?"; echo hi | iconv --foo; echo "rc=$?"; echo hi | iconv -t ascii -f; echo "rc=$?"

#### iconv -l succeeds
## stdout: 0
iconv -l >/dev/null; echo $?

#### dc arithmetic
dc -e '1 2 + p 7 3 - p 6 7 * p 7 2 / p 7 3 % p _3 2 % p 2 100 ^ p'

#### dc line wrapping
dc -e '2 300 ^ p 2 200 ^ 2 200 ^ * p'

#### dc DC_LINE_LENGTH
DC_LINE_LENGTH=20 dc -e '2 100 ^ p'

#### dc scale
dc -e '10 k 2 v p 1 3 / p 2 k 1 3 / 3 * p _7 3 / p _7.5 2 % p K p'

#### dc divmod
dc -e '7 _2 ~ f 10 k 7 2 ~ f 7.5 2 ~ f'

#### dc powers
dc -e '2 _2 ^ p 5 k 2 _2 ^ p 1.5 3 ^ p'; dc -e '2 3.5 ^ p'

#### dc modular exponent
dc -e '2 3 4 | p 2 0 3 | p 4 13 497 | p'

#### dc errors keep the operands
dc -e '1 0 / p [a] 1 + p 1 0 % p 2 3 0 | p'; echo "rc=$?"

#### dc stack empty
dc -e 'p'; dc -e 'x'; dc -e 'c p'; dc -e '1 +'; echo "rc=$?"

#### dc input and output radix
dc -e '16 o 255 p 1.5 p 2 i 101 p' ; dc -e '16 i FF p A.8 p' ; dc -e 'A p AB p 1F p O p I p'

#### dc fractions in other radixes
dc -e '3 o 10 p 0.1 p 16 o _255.125 p 2 o 0.75 p 20 o 1234 p 1.5 p'

#### dc radix errors
dc -e '1 i'; dc -e '17 i'; dc -e '1 o'; dc -e '_1 k'

#### dc printing
dc -e '[hello]p [abc]P 65 P 10P 16706 P [xyz] n 10 P 0.5 p _0.5 p 0.000 p'

#### dc X Z z
dc -e '3.14159 X p Z p [abc] Z p 0.003 Z p 1.50 Z p 1 2 3 z p'

#### dc stack commands
dc -e '1 2 3 f c f z p 1 2 3 r f 1 d d + + p'

#### dc registers
dc -e '5 sa la p lb p 1 sa 2 Sa la p La p La p'; dc -e 'Lz'

#### dc arrays
dc -e '5 3 :a 3 ;a p 4 ;a p 1 1.5 ;a p'; dc -e '1 _1 :a'

#### dc conditionals
dc -e '[[yes]p]sa 1 1 =a 1 2 !=a 2 1 !<a 1 2 <a 2 1 <a 1 2 >a'

#### dc loop with a macro
dc -e '5 sa [la p la 1 - d sa 0 <b]sb lbx'

#### dc tail-recursive loop runs in constant space
dc -e '0 si [li 1 + si li 100000 >l]sl llx li p'

#### dc factorial
dc -e '[d 1 - d 1 <f *]sf 25 lfx p'

#### dc q and Q
dc -e '[1 p q 2 p]x 3 p'; dc -e '[[1 p 2 Q 3 p]x 4 p]x 5 p'; dc -e '[[1 p q 3 p]x 4 p]x 5 p'; dc -e '_5 Q 1 p'

#### dc comments and strings
dc -e '1 2 3 [clear] # comment 4 p
f [[nested] string]p'

#### dc a command
dc -e '[abc] a p 65 a p 321 a p'

#### dc unimplemented command
dc -e 'Y 1 p'; echo "rc=$?"

#### dc reads stdin and files
printf '3 4 * p\n' | dc
printf '1 2 + p\n' > prog.dc; dc prog.dc -e '5p'; dc -f prog.dc; dc nonexist; echo "rc=$?"

#### dc ? reads a line
echo '3 4 * p' | dc -e '? p 1 p'

#### dc bad option
dc -x; echo "rc=$?"

#### dc unexpected end
dc -e '1 2 ='; dc -e '[p'

#### dc program on stdin: ? finds the input consumed, q stops it
printf '? p\n5\n6 p\n' | dc
printf '[1\np]x 2 p\n' | dc
printf '1 2 +\np\n[a]sa\nla p q 9 p\n8 p\n' | dc
printf '3 4 ? * p\n5\n' | dc
