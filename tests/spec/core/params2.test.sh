#### Q transformation quotes
x="it's a b"; echo ${x@Q}

#### Q on array elements
a=(a 'b c'); echo ${a[@]@Q}

#### E transformation expands escapes
x='a\tb\n'; printf '%s|' "${x@E}"; echo

#### U u L transformations
x='hello World'; echo ${x@U} ${x@u} ${x@L}

#### a transformation shows attributes
declare -i n=1; a=(1); declare -A m; echo "${n@a} ${a@a} ${m@a}"

#### A transformation on scalar
x='v 1'; echo ${x@A}

#### upper and lower case operators
x=abc; y=ABC; echo ${x^} ${x^^} ${y,} ${y,,}

#### case operators with pattern
x=banana; echo ${x^^[an]}

#### toggle case
x=AbC; echo ${x~} ${x~~}

#### indirect expansion
x=y; y=final; echo ${!x}

#### indirect to array element
a=(p q); n='a[1]'; echo ${!n}

#### prefix names star and at
abc1=1; abc2=2; echo ${!abc*}; for n in "${!abc@}"; do echo $n; done

#### length of unicode string
x=héllo; echo ${#x}

#### default with unset and empty
unset u; e=; echo ${u-d1} ${u:-d2} [${e-d3}] ${e:-d4}

#### assign default
unset u; echo ${u:=set}; echo $u

#### alternative value
x=1; e=; echo [${x+alt}] [${e:+alt}] [${e+alt}]

#### error if unset stops the subshell
unset u; (echo ${u:?need it}; echo not reached) 2>/dev/null; echo status=$?

#### remove shortest and longest prefix
p=a/b/c.tar.gz; echo ${p#*/} ${p##*/} ${p%.*} ${p%%.*}

#### replace first and all
x=aXbXc; echo ${x/X/-} ${x//X/-}

#### replace anchored
x=abcabc; echo ${x/#abc/S} ${x/%abc/E} ${x/#z/S}

#### replace with empty pattern result
x=aaa; echo "[${x//a}]"

#### substring negative offset
x=abcdef; echo ${x: -3} ${x:1:-2} ${x: -4:2}

#### substring of positional parameters
set -- a b c d; echo ${@:2} ${@:2:2} ${*: -1}

#### length of positional parameters
set -- a b c; echo ${#@} ${#*} $#

#### pattern removal on positional parameters
set -- x.c y.c; echo ${@%.c}

#### nested default expansion
unset a b; c=deep; echo ${a:-${b:-$c}}

#### quoted pattern in removal is literal
x='a*b'; echo ${x#'a*'} ${x#a*}

#### at star in replacement of array
a=(one two); echo "${a[*]/o/0}"

#### P transformation with plain text
x='plain'; echo ${x@P}

#### K transformation on assoc
declare -A m=([k]=v); echo ${m[@]@K}

#### k transformation on indexed array
a=(x y); echo ${a[@]@k}

#### length of array element unset is zero
a=(); echo ${#a[3]}

#### IFS join in quoted star of positional parameters
set -- 1 2 3; IFS=:; echo "$*"; IFS=; echo "$*"
