#### echo -n and -e
echo -n a; echo -e 'b\tc'; echo -E 'd\te'

#### echo combined flags
echo -ne 'x\ny\n'

#### echo stops at non-flag
echo -x -n

#### printf reuses the format
printf '%s-%s\n' a b c d e

#### printf numbers
printf '%d %5d %-5d| %05d %x %X %o %e %.2f\n' 42 42 42 42 255 255 8 1234.5 3.14159

#### printf strings with width and precision
printf '[%10s][%-10s][%.2s]\n' abc abc abc

#### printf character code from quote
printf '%d %d\n' "'A" "'a"

#### printf b format
printf '%b\n' 'a\tb' 'c\\d'

#### printf q format
printf '%q\n' 'a b' "it's" '$x' ''

#### printf invalid number
printf '%d\n' abc; echo "status $?"

#### printf missing arguments
printf '%s|%d|\n'

#### printf -v assigns
printf -v out '%03d' 7; echo $out

#### printf percent literal
printf '100%%\n'

#### printf escape in format
printf 'a\x41\101\n'

#### printf with star width
printf '[%*d]\n' 6 42

#### cd and pwd
cd dir; pwd; cd sub; pwd; cd ..; pwd

#### cd dash goes back
cd dir; cd /; cd - >/dev/null; pwd

#### cd to missing directory
cd nosuch; echo "status $?"

#### cd to a file
cd words.txt; echo "status $?"

#### OLDPWD after cd
cd dir; echo ${OLDPWD}

#### export shows in env of child
export FOO=bar; sh -c 'echo $FOO'

#### non-exported variable not in child
BAR=baz; sh -c 'echo "[$BAR]"'

#### assignment prefix only for that command
X=1 sh -c 'echo $X'; echo "[$X]"

#### readonly variable cannot change
readonly r=1; r=2; echo "status $?"

#### readonly error in script continues
readonly r=1; (r=2) 2>&1; echo after

#### unset a variable
x=1; unset x; echo "[${x-unset}]"

#### unset readonly fails
readonly r=1; unset r; echo "status $?"

#### declare -p scalar
x=hello; declare -p x

#### declare -p integer and export
declare -ix n=3; declare -p n

#### declare -p for unset name
declare -p nosuchvar; echo "status $?"

#### type of builtins and keywords
type echo; type if; type cat | head -c 6; echo

#### type -t
type -t echo if ls nosuch; echo $?

#### command -v
command -v echo; command -v if; command -v nosuch; echo $?

#### eval
cmd='echo evaluated'; eval "$cmd"; eval 'x=5'; echo $x

#### eval with syntax error
eval 'if'; echo "status $?"

#### source a file
echo 'sourced_var=yes' > lib.sh; . ./lib.sh; echo $sourced_var

#### source with arguments
echo 'echo "args: $*"' > lib.sh; source ./lib.sh a b

#### source missing file
source ./nofile.sh; echo "status $?"

#### getopts loop
set -- -a -b val rest; while getopts ab: opt; do echo "$opt ${OPTARG-}"; done; shift $((OPTIND-1)); echo "$@"

#### getopts invalid option
set -- -z; getopts ab opt; echo "$opt $?"

#### getopts silent mode
set -- -z -b; while getopts :ab: opt; do echo "$opt ${OPTARG}"; done

#### set positional parameters
set -- x y z; echo "$2"; set --; echo $#

#### shift in function
f() { shift; echo "$@"; }; f a b c

#### read with prompt goes to stderr
read -p 'prompt: ' v <<< answer 2>/dev/null; echo $v

#### read -a splits into an array
read -a arr <<< 'x y z'; echo ${arr[1]} ${#arr[@]}

#### read -d reads to a delimiter
read -d , first <<< 'a,b'; echo $first

#### read -n reads characters
read -n 3 part <<< 'abcdef'; echo $part

#### read at end of input fails
read x < /dev/null; echo "status $?"

#### read returns data without trailing newline but fails
printf 'last' | { read x; echo "$? $x"; }

#### alias expansion in scripts needs expand_aliases
shopt -s expand_aliases
alias hi='echo hello'
hi

#### unalias
shopt -s expand_aliases
alias x='echo x'
unalias x
x 2>/dev/null; echo "status $?"

#### let with no args
let; echo $?

#### umask
umask 027; umask; umask -S

#### hash builtin on a missing command
hash nosuchcmd; echo "status $?"

#### times-free builtin help existence
help echo | head -1

#### test string comparisons
[ abc = abc ]; echo $?; [ abc != abc ]; echo $?; [ -z "" ]; echo $?; [ -n "" ]; echo $?

#### test integer comparisons
[ 3 -lt 5 ]; echo $?; [ 5 -le 4 ]; echo $?; [ 2 -eq 2 ]; echo $?; [ 1 -ne 1 ]; echo $?

#### test file operators
[ -f words.txt ]; echo $?; [ -d dir ]; echo $?; [ -e nope ]; echo $?; [ -s words.txt ]; echo $?; [ -x script.sh ]; echo $?

#### test with not and or
[ ! -e nope ]; echo $?; [ -f words.txt -a -d dir ]; echo $?; [ -f nope -o -d dir ]; echo $?

#### test with missing bracket
[ 1 = 1; echo "status $?"

#### test integer expected
[ a -lt 1 ]; echo "status $?"

#### test one argument
test x; echo $?; test ''; echo $?; test; echo $?

#### test parentheses
[ \( 1 = 1 \) ]; echo $?

#### exec replaces the shell
exec echo replaced; echo never

#### wait with no jobs
wait; echo $?

#### background job and wait
(sleep 0.1; echo job) & wait; echo done

#### true with arguments
true a b c; echo $?

#### shopt query
shopt -q extglob; echo $?; shopt -s nullglob; shopt -q nullglob; echo $?
