#### default value operators
unset u; e=; echo "${u-d1} ${u:-d2} ${e-d3} ${e:-d4}"

#### assign default
unset u; echo "${u=set1}" "$u"; e=; echo "${e:=set2}" "$e"

#### alternate value
x=1; e=; unset u; echo "[${x+alt}] [${e+alt}] [${e:+alt}] [${u+alt}]"

#### error on unset prints message and exits
unset u; echo "${u?is unset}"; echo not reached

#### error on null with colon
e=; (echo "${e:?must be set}"); echo "status $?"

#### string length
x=hello; echo ${#x}; y=; echo ${#y}

#### utf-8 string length
x='héllo'; echo ${#x}

#### substring with offset and length
x=abcdefgh; echo ${x:2} ${x:2:3} ${x: -3} ${x: -3:2} ${x:1:-2}

#### substring past the end
x=abc; echo "[${x:5}]" "[${x:1:10}]"

#### remove shortest and longest prefix
p=/usr/local/lib/x.tar.gz; echo ${p#*/} ${p##*/}

#### remove shortest and longest suffix
p=/usr/local/lib/x.tar.gz; echo ${p%.*} ${p%%.*}

#### replace first and all
x=banana; echo ${x/an/AN} ${x//an/AN} ${x//a}

#### anchored replace
x=banana; echo ${x/#ba/BA} ${x/%na/NA} ${x/#na/NA}

#### replacement with pattern characters
x='a.b.c'; echo ${x//./-} ${x//[ab]/X}

#### case modification
x=hello; y=WORLD; echo ${x^} ${x^^} ${y,} ${y,,}

#### case toggle
x=HeLLo; echo ${x~} ${x~~}

#### case modification with pattern
x=hello; echo ${x^^[lo]}

#### indirect expansion
a=b; b=value; echo ${!a}

#### prefix names
ab1=1; ab2=2; abc=3; echo ${!ab*}

#### quoting transformation
x="it's a test"; echo ${x@Q}

#### escape transformation
x='a\tb'; echo "${x@E}"

#### upper lower transformations
x=hello; echo ${x@U} ${x@u} ${x@L}

#### assignment transformation
x=1; echo ${x@A}

#### attribute transformation
declare -i n=5; echo ${n@a}

#### positional parameters
set -- a b c d e f g h i j k; echo $1 $9 ${10} ${11} $#

#### star and at in quotes
set -- 'a b' c; for i in "$@"; do echo "[$i]"; done; for i in "$*"; do echo "[$i]"; done

#### star with custom IFS
set -- a b c; IFS=,; echo "$*"

#### empty IFS joins without separator
set -- a b c; IFS=; echo "$*"

#### dollar hash and shift
set -- 1 2 3; shift; echo $# $1; shift 2; echo $#

#### shift too far fails
set -- 1; shift 3; echo $?

#### unset variable expands to nothing
unset v; echo "[$v]" [$v]

#### braces needed before letters
x=ab; echo ${x}c $xc.

#### length of positional parameters
set -- a b c; echo ${#@} ${#*}

#### substring of positional parameters
set -- a b c d e; echo ${@:2} ${@:2:2} ${@: -2}

#### pattern removal applies to each positional parameter
set -- file.c main.c; echo ${@%.c}

#### special parameter hyphen contains h and B
case $- in *h*) echo has-h;; esac

#### dollar zero under -c
echo $0
