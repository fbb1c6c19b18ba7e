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
