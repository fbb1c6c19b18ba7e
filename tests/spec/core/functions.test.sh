#### define and call
f() { echo "in f $1"; }; f arg

#### function keyword form
function g { echo g; }; g

#### function keyword with parentheses
function h() { echo h; }; h

#### return status
f() { return 3; }; f; echo $?

#### return without value keeps last status
f() { false; return; }; f; echo $?

#### positional parameters are local to the function
set -- outer; f() { echo $1 $#; }; f a b; echo $1

#### local variables are dynamically scoped
x=global; f() { local x=f; g; }; g() { echo $x; }; f; echo $x

#### local without value
f() { local x; x=1; echo $x; }; x=0; f; echo $x

#### recursion
fact() { if [ $1 -le 1 ]; then echo 1; else echo $(( $1 * $(fact $(( $1 - 1 ))) )); fi; }; fact 6

#### functions see and change globals
n=0; inc() { n=$((n+1)); }; inc; inc; echo $n

#### FUNCNAME
f() { echo ${FUNCNAME[0]}; g; }; g() { echo ${FUNCNAME[0]} ${FUNCNAME[1]}; }; f

#### unset -f removes a function
f() { echo f; }; unset -f f; f 2>/dev/null; echo $?

#### function body as subshell
f() ( x=inner; echo $x ); x=outer; f; echo $x

#### function redirection applies to each call
f() { echo out; } > /dev/null; f; echo after

#### declare -f prints a function
f() { echo hi; }; declare -f f

#### declare -f with control structures
f() { if true; then echo a; else echo b; fi; for i in 1 2; do echo $i; done; }; declare -f f

#### type of a function
f() { :; }; type f

#### function name with dashes
my-func() { echo ok; }; my-func

#### dollar star inside function
f() { echo "$*"; }; f a b c

#### return outside function is an error
return 2>/dev/null; echo "status $?"

#### local at top level is an error
local x=1; echo $?

#### function overrides a command
cat() { echo "my cat"; }; cat

#### command bypasses function
echo() { builtin echo "wrapped $*"; }; echo hi; command echo direct
