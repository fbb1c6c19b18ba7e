#### @P decodes \[ \] to nothing
x='\[foo\]bar'; echo "${x@P}"

#### @P literal escapes
x='\a\e\r\n'; printf '%s' "${x@P}" | od -An -c

#### @P backslash and dollar
for p in '\\' '\' 'a\' '\\$' '\\\\$' '\q' '\x55'; do x=$p; echo "[${x@P}]"; done

#### @P octal escapes need three digits
for p in '[\045]' '\1004$' '\555$' '[\0455]' '\12x' '\08' '\777' '\400z' '\000a'; do x=$p; printf '%s' "${x@P}" | od -An -c; done

#### @P expands after decoding
x='\'; y='h'; p='$x$y'; echo "${p@P}"

#### @P expands parameters, command and arithmetic substitution
v=val; p='<$v> <$(echo cmd)> <$((2+3))> <${v^^}>'; echo "${p@P}"

#### @P double-quote rules for backslashes
p='a\"b \` \\ \q'; echo "${p@P}"

#### @P quotes the working directory it inserts
mkdir -p 'd$foo' && cd 'd$foo' && foo=BAD && p='\W'; echo "${p@P}"

#### @P \w is PWD, \W its last part
mkdir -p sub/dir; cd sub/dir; p='\w|\W'; echo "${p@P}" | sed 's,.*/sub,SUB,'; cd /; echo "${p@P}"

#### @P \s and versions
p='\v \V'; echo "${p@P}"

#### @P \D{} uses strftime
p='\D{%Y}'; x=${p@P}; [[ $x == 20[0-9][0-9] ]] && echo ok

#### @P time escapes have their shapes
p='\t|\T|\A|\@'; [[ ${p@P} =~ ^[0-9]{2}:[0-9]{2}:[0-9]{2}\|[0-9]{2}:[0-9]{2}:[0-9]{2}\|[0-9]{2}:[0-9]{2}\|[0-9]{2}:[0-9]{2}\ [AP]M$ ]] && echo ok

#### @P \j counts jobs
p='\j'; echo "${p@P}"

#### @P on positional parameters and arrays
set -- 'a\\b' c; echo "${@@P}"; a=('x\\y' z); echo "${a[@]@P}" "${a@P}"

#### PS4 is decoded and expanded
PS4='+[$x\\] '; x=1; set -x; echo hi; x=2; echo there

#### PS4 command substitution is not traced
PS4='+$(echo sub) '; set -x; echo a

#### PS4 first character repeats in command substitution
PS4='>> '; set -x; echo $(echo inner)

#### empty PS4 traces without a prefix
PS4=''; set -x; echo a

#### xtrace quotes unprintable characters with $''
set -x; : $'a\003b' $'x\033y' $'a\x7fb'

#### xtrace single-quotes words with blanks even with control characters
set -x; : $'a\tb' $'a b\001' "it's"

#### NUL in $'' ends the string
s=$'a\x00b'; echo "${#s}"; s=$'c\0d'; echo "$s"

#### typeset +n turns a nameref back into a plain variable
x=foo; typeset -n ref=x; echo $ref; typeset +n ref; echo $ref; declare -p ref

#### ${!ref} of a nameref names its target
foo=FOO; x=foo; typeset -n ref=x; echo "${!ref}" "$ref"

#### nameref to an invalid name is an error
typeset -n r='#'; echo $?; typeset -n r2=1; echo $?; typeset -n r3='a b'; echo $?; declare -p r r2 r3

#### declare -n on an existing value that is not a name
set -- one two; ref='#'; typeset -n ref; echo "st=$? ref=$ref"; declare -p ref

#### nameref to an array element reads it
typeset -n ref='a[2]'; a=(zero one two three); echo "ref=$ref"

#### nameref to an array element writes it
a=(x y z); typeset -n ref='a[1]'; ref=Y; echo "${a[@]}"; ref+=Z; echo "${a[@]}"

#### nameref to an assoc element
declare -A m=([k]=v); typeset -n r='m[k]'; echo $r; r=new; declare -p m

#### nameref to a[@] expands all elements
typeset -n ref='a[@]'; a=('A B' C); printf '<%s>' "$ref"; echo

#### nameref to element with expression subscript
a=(zero one two three); i=1; typeset -n ref='a[i+1]'; echo $ref

#### local -n to element built from a variable
declare -A tbl; tbl[foo]=bar
f() { local s=foo; local -n e=tbl["$s"]; echo "$e"; }; f

#### ${!x} to an unset variable is an error
echo "[${!undef}]"; echo st=$?

#### ${!x} default when the target is unset
x=nothing; echo "[${!x-dflt}]"

#### ${!x} where x is not a name
a='bad name'; echo ${!a}; echo st=$?

#### ${!x} where x is empty
a=''; echo ${!a}; echo st=$?

#### ${!x} where x holds an operator
x='x:-foo'; echo "${!x}"; echo st=$?

#### ${!x} to positional and special parameters
set -- p1 p2; x=2; echo ${!x}; x=@; echo ${!x}; x='#'; echo ${!x}

#### ${!x} to an element with an expanded subscript
a=(x y z); b=1; r='a[$b]'; echo ${!r}; r='a[$(echo 2)]'; echo ${!r}; r='a[1+1]'; echo ${!r}

#### ${!x} to an assoc element with quoted key
declare -A as=([ale]=bean); r='as["ale"]'; echo ${!r}; r='as["al"e]'; echo ${!r}

#### ${!a[@]-default} joins elements into one name
a=(x y); (echo "${!a[@]-default}"); echo st=$?

#### ${!x} with suffix operators
v=hello; r=v; echo ${!r#h} ${!r%o} ${!r/l/L} ${#r} ${!r^^} ${!r:1:2}

#### ${!x} where x is a nameref with operators
t=val; typeset -n n=t; echo "${n:-d}" "${!n}"

#### $_ after an assignment is empty
: foo
x=1
echo "[$_]"

#### $_ after declare with an array
: foo
declare a=(1 2)
echo "[$_]"
declare -g d+=(3)
echo "[$_]"
declare s=bar
echo "[$_]"

#### PPID is readonly
PPID=5; echo st=$?

#### UID from the environment does not reach a new shell
UID=77 bash -c 'echo $UID' | grep -c 77

#### PPID prefix assignment is refused
PPID=xx bash -c 'echo ppid=$PPID' 2>/dev/null | grep -c xx

#### a new shell without PATH gets a default one
(unset PATH; /bin/bash -c 'echo "$PATH"')

#### unset of a caller's local reveals the outer value
unlocal() { unset "$@"; }
l2() { local h=yy; echo l2=$h; unlocal h; echo l2=$h; }
l1() { local h=xx; l2; echo l1=$h; unlocal h; echo l1=$h; l2; }
h=global; l1

#### unset of own local keeps it local and unset
f() { local h=in; unset h; echo "[${h-unset}]"; g; }; g() { echo "g=[${h-unset}]"; }; h=out; f

#### declare -p of UID EUID PPID shows -ir
declare -p UID EUID | sed 's/=.*//'

#### circular namerefs warn and read empty
typeset -n r1=r2
typeset -n r2=r1
echo "r1=[$r1]"
r1=z
echo "mutated $?"

#### unset -n removes the nameref, not its target
x=1; typeset -n r=x; unset -n r; echo "x=$x r=[${r-unset}]"

#### unset through a nameref removes the target
x=1; typeset -n r=x; unset r; echo "x=[${x-unset}]"; declare -p r

#### unset expands an element's subscript
declare -A d=(); key='1],a[1'; d["$key"]=foo; unset -v 'd["$key"]'; echo ${#d[@]}
a=(p q r); i=1; unset 'a[$i]'; echo "${!a[@]}"

#### unset of an element of a scalar
x=5; unset 'x[1]'; echo "st=$? x=$x"; unset 'x[0]'; echo "st=$? x=${x-gone}"

#### ref[0]= through a nameref to an element is refused
array=(X Y Z); typeset -n ref='array[0]'
ref[0]=foo
echo status=$?; echo ${array[@]}

#### ref=(...) through a nameref to a[@] is refused
typeset -n ref='a[@]'; a=('A B' C)
ref=(X Y Z)
echo status=$?; declare -p a

#### transforms of an unset variable are empty
unset v; echo "[${v@Q}] [${v@E}] [${v@U}]"; a=(); echo "[${a@Q}]"; declare -i n; echo "[${n@a}]"

#### ${!x} to a declared variable without a value
declare x; echo "[${!x}]"; declare -A A=([k]=v); echo "[${!A}]"; echo st=$?

#### PS4 with a failing expansion is shown unexpanded
PS4='+bad $(( 1 / 0 )) '
set -x
echo one
echo status=$?

#### @P with a failing expansion keeps the text
p='a ${v?oops} b'; echo "[${p@P}]"; echo st=$?

#### xtrace of an assignment uses PS4 before the assignment
PS4='+[$y] '; y=0; set -x
y=1 z=$y
w=$y

#### bash --rcfile takes a file and -c still runs
bash --norc --rcfile /dev/null -c 'echo ran'

#### bash --rcfile without its argument
bash --rcfile; echo st=$?
