#### nameref reads the target
declare -n r=x; x=5; echo $r

#### nameref writes the target
x=1; declare -n r=x; r=9; echo $x

#### nameref declare -p shows the reference
declare -n r=x; declare -p r

#### nameref with flags in declare -p
x=1; declare -rn q=x; declare -p q

#### nameref to array element access
a=(p q r); declare -n r=a; echo ${r[1]} ${#r[@]}

#### nameref in a function with local -n
set_it() { local -n out=$1; out=done; }; set_it result; echo $result

#### nameref to an array in a function
push() { local -n arr=$1; arr+=("$2"); }; list=(a); push list b; push list c; echo ${list[@]}

#### nameref unset removes the target
x=1; declare -n r=x; unset r; echo "[${x-unset}]"

#### nameref chain
x=deep; declare -n b=x; declare -n a=b; echo $a

#### nameref self reference is an error
declare -n r=r; echo status=$?

#### declare -i evaluates on assignment
declare -i n; n=2+3; echo $n; n+=4; echo $n

#### declare -i with variable reference
a=4; declare -i n=a*2; echo $n

#### declare -l and -u
declare -l lo=MiXeD; declare -u up=MiXeD; echo $lo $up

#### declare -r blocks assignment
declare -r c=1; c=2; echo status=$? c=$c

#### declare -x exports
declare -x EXPORTED_ONE=v; bash -c 'echo $EXPORTED_ONE' 2>/dev/null || env | grep EXPORTED_ONE

#### declare -p of integer
declare -i n=10; declare -p n

#### declare -p of unset declared variable
declare x; declare -p x

#### declare -p missing is an error
declare -p nosuchvar; echo status=$?

#### declare -a then -p
declare -a a; a[2]=x; declare -p a

#### declare -A -p single key
declare -A m=([k]=v); declare -p m

#### declare -F lists function names
f1() { :; }; f2() { :; }; declare -F

#### declare -f prints a function
f() { echo hi; }; declare -f f

#### declare -g inside function sets global
f() { declare -g G=inside; }; f; echo $G

#### declare inside function is local
f() { declare L=inside; }; f; echo "[${L-}]"

#### local shadows and restores
x=outer; f() { local x=inner; echo $x; }; f; echo $x

#### local without value is unset in the function
x=outer; f() { local x; echo "[${x-unset}]"; }; f

#### typeset is declare
typeset -i n=3*3; echo $n

#### readonly -p lists
readonly RO_A=1; readonly -p | grep RO_A

#### export -p lists
export EX_B=two; export -p | grep EX_B

#### unset -v a variable
v=1; unset -v v; echo "[${v-gone}]"

#### declare +x removes export
export Q=1; declare +x Q; declare -p Q

#### declare +i removes integer
declare -i n=5; declare +i n; n=1+1; echo $n
