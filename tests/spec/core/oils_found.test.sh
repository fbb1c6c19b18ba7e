# Cases found by running a public shell conformance suite against burrow;
# each is our own small script for one cause of failure (differential).

#### a readonly assignment abandons the rest of its line, the next line runs
readonly r=1
r=2; echo "not reached"
echo "next line $?"

#### an arithmetic error abandons the rest of its line only
echo $(( 1 / 0 )); echo "not reached"
echo "status $?"
x=$(( 08 )) ; echo "not reached"
echo "after $?"

#### a bad substitution abandons the line
echo ${x!}; echo "not reached"
echo "went on $?"

#### under set -e a bad substitution exits, an arithmetic error does not
set -e
echo $(( 1 / 0 )); echo "not reached"
echo "went on $?"
echo ${x!}; echo "not reached"
echo "not reached either"

#### a discarded line inside a function leaves the function
f() { local v=1; echo $(( v / 0 )); echo "in f"; }
f 2>/dev/null; echo "after f"
echo "next $? ${FUNCNAME[*]-none} v=${v-unset}"

#### eval goes on with its next line after a discarded one
eval 'echo $(( 2 / 0 )); echo a
echo b' 2>/dev/null
echo "eval status $?"

#### a subshell ends at a discarded line
( echo $(( 1 / 0 )); echo "not reached" ); echo "subshell $?"
x=$( echo ${y!}; echo no ); echo "comsub [$x] $?"

#### substring arithmetic errors name the parameter
s=abcdef
echo ${s:1/0}
echo "status $?"
echo ${s:1:-9}
echo "status $?"

#### failglob abandons the line
shopt -s failglob
echo *.nomatch; echo "not reached"
echo "status $?"

#### readonly ${v:=word} abandons the line
readonly v
: ${v:=word}; echo "not reached"
echo "status $?"

#### array literal elements are brace-expanded
a=(v{1..3} x{a,b} "q{1,2}" -{c,d}-)
echo "${#a[@]}: ${a[*]}"
declare -a b=(n{0..2})
declare -p b

#### associative arrays list keys in bash's order
declare -A seen
for w in pear apple fig apple kiwi banana fig date; do seen[$w]=1; done
echo "${!seen[@]}"
declare -A n=([a]=1 [b]=2 [c]=3 [foo]=4 [bar]=5 [10]=6 ["x y"]=7)
declare -p n
for k in "${!n[@]}"; do printf '%s=%s ' "$k" "${n[$k]}"; done; echo
echo "${n[@]}"

#### associative array order after unset and re-add
declare -A m=([k1]=a [k2]=b [k3]=c)
unset 'm[k1]'; m[k1]=again; m[k4]=d
declare -p m

#### associative array order with many keys
declare -A big
for ((i = 0; i < 2500; i++)); do big[key$i]=$i; done
printf '%s\n' "${!big[@]}" | md5sum
unset 'big[key7]'
printf '%s\n' "${big[@]}" | head -c 300 | md5sum

#### associative array from key value pairs
declare -A p=(one 1 two 2 three)
declare -p p
declare -A q
q=(k v "k 2" "v 2")
q+=(extra x)
declare -p q

#### unkeyed elements in a keyed associative literal are refused
declare -A r=([x]=1 loose 2)
declare -p r

#### declare -p quotes keys with shell characters and control bytes
declare -A k=([a=b]=1 ["#"]=2 [~x]=3 [a#]=4 [$'t\tab']=$'\x01' ["sp ace"]=5)
declare -p k
v=$'line\nbreak' w=$'\xfe\xff'
declare -p v w
printf '%q %q\n' "$v" "$w"

#### counting words with an associative array in (( ))
declare -A count
for w in the cat and the hat and the bat; do (( count[$w]++ )); done
for k in "${!count[@]}"; do echo "$k ${count[$k]}"; done
(( count[the] += 10, count["new key"] = 2 ))
declare -p count

#### associative subscripts in arithmetic are strings
declare -A m
(( m[k] = 5 )); k=other; (( m[$k] = 7 )); (( m[ sp ] = 1 ))
echo $(( m[k] * 2 + m[other] )) $(( m[missing] ))
ref='m[k]'; echo $(( ref + 1 ))
let 'm[q] = 3' 'm[q] *= 4'
declare -p m

#### extglob patterns in [[ ]] work without shopt extglob
[[ report.md == @(*.txt|*.md) ]] && echo "doc"
[[ main.c == !(*.h) ]] && echo "not a header"
[[ aaa == +(a) && "" == *(x) && b == ?(b) ]] && echo "repeats"
pat='@(yes|y)'; [[ y == $pat ]] && echo "from a variable"
[[ ( a == a ) && ! ( b == c ) ]] && echo "groups still parse"

#### extglob in filename expansion and ${x//} follows shopt extglob
mkdir -p eg && touch eg/one eg/two eg/three eg/a.c eg/b.h eg/c.txt
x=one.two
echo "${x//@(o|t)/_}"
shopt -s extglob
echo eg/@(one|two) eg/!(*.c|*.h|t*) eg/*.@(c|h)
p='eg/+(a|b).*'; echo $p
echo "${x//@(o|t)/_}"
case $x in @(one|two).*) echo "case ext";; esac

#### pattern operators match whole UTF-8 characters
s='μabcμ'
echo "${s#?} ${s%?} ${s#*b} ${s//?/x} ${s/b/é} ${s//μ/u}"
case μ in ?) echo "one char";; *) echo "more";; esac
[[ é == [é] ]] && echo "bracket"
mkdir -p u && touch u/μ u/a u/ab && echo u/?

#### arithmetic error inside an array subscript ends the script
a=(1 2 3)
echo $(( a[1] + a[2*1] )) $(( a[-1] ))
i=0; (( a[i++] += 5 )); echo "${a[*]} $i"
echo $(( 1 || a[1/0] ))
echo $(( a[1/0] )); echo "not reached"
echo "not reached either"
## compare: stdout

#### a leading -- ends the options of eval, source, alias and friends
eval -- 'echo evaluated'
echo 'echo sourced' > lib.sh
source -- lib.sh
. -- ./lib.sh
alias -- ll='ls -l'; alias ll
unalias -- ll; alias ll 2>/dev/null || echo "gone"
builtin -- echo via builtin
set -- a b c; shift --; echo "$@"
umask -- 027; umask
let -- 'n = 6 * 7'; echo $n
mapfile -- lines <<< 'one'; echo "${lines[@]}"
f() { return -- 4; }; f; echo "return $?"
getopts -- ab opt -b; echo "opt $opt"

#### shift with too many arguments ends the script
set -- a b c
shift 1 2
echo "not reached"
