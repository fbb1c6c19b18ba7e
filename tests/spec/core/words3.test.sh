# Word expansion details matched against bash 5.2: ${#...} forms, brace
# expansion before tilde and parameter expansion, tildes after `:`,
# pattern operators, regexes. Differential cases unless stated.

#### ${##} is the length of $#, ${###} strips a # from it
set -- a b c d e f g h i j k l
echo ${##} ${###} ${####} ${##1} ${###1} ${##*}

#### ${#//1/x} and ${#@Q} operate on $#
set -- a b c d e f g h i j k
echo ${#//1/x} ${#/1/y} ${#@Q}

#### ${#%1} strips a suffix from $#
set -- a b c d e f g h i j k
echo ${#%1} ${#%%1} ${#%x}

#### ${#%} is a bad substitution
echo ${#%}
echo after

#### ${#^} is a bad substitution
echo ${#^}
echo after

#### ${#/} is a bad substitution
echo ${#/}

#### brace expansion joins $a with following name characters
a=A a_c=AC
echo {$a,b}_{c,d}
echo {_$a,b}_{c,d}

#### braced variable is not joined by brace expansion
a=A
echo {${a},b}_{c,d} {$a,b}-{c,d}

#### $1 is not joined by brace expansion
set -- one
echo {$1,b}2

#### quoted literal after $a in braces is not part of the name
a=A
echo {$a,b}\_c {$a,b}"_c"

#### tilde inside braces expands after brace expansion
HOME=/home/bob
echo {foo~,~}/bar
for x in {~,~root}/pwd; do echo "$x"; done
a=({foo~,~}/bar); echo "${a[@]}"

#### tilde before braces
HOME=/home/bob
echo ~{/src,root} ~{/a,/b}/c
a=(~{/src,root}); echo "${a[@]}"

#### escaped or quoted brace with tilde stays literal
HOME=/home/bob
echo \{~,~root}/pwd ""{~,~root}/pwd "~"{a,b}

#### tilde with brace and no expansion
HOME=/home/bob
echo ~{x ~{} x~{a,b}

#### tilde prefix ends at a colon in ordinary words
HOME=/h
echo ~:~ ~:a ~root:~ ~/x:~
case ~:~ in /h:~) echo case ;; esac
[[ ~:~ == /h:~ ]] && echo cond

#### tilde in operands of default and alternate
HOME=/h
echo ${u-~:~} ${u-~} ${u-x~} ${u:-~/x} "${u-~}" ${u-~:a} ${u-~:~}a
s=1; echo ${s+~} ${s:+~/y:~}

#### assignment: operand tildes after colons in - and +
HOME=/h
x=${u-~:~}; echo $x
x=${u-b:~:~}; echo $x
s=1; x=${s:+b:~}; echo $x
x=~:${undef-~:~}; echo $x

#### assignment: no operand colon tildes in = and quoted forms
HOME=/h
x=${u=~:~}; echo $x $u
x=${v:=a:~}; echo $x
x=${w-"a:~"}; echo $x
x="${w-a:~}"; echo $x
echo a=${w-~:~}

#### declaration builtins: operand tildes after colons
HOME=/h
export x=${u-~:~}; echo $x
f() { local y=${u-~:~}; echo $y; }; f
declare z=${u-~:~}; echo $z
a[0]=${u-~:~}; echo $a
x=${u-~:~} eval 'echo $x'

#### array element is not an assignment for operand tildes
HOME=/h
a=(${u-~:~}); echo "${a[@]}"

#### error operand has no colon tildes
HOME=/h
x=${s?~:~}
echo unreached

#### subscript assignment with a quoted key gets tilde expansion
HOME=/home/bar
declare -A A
A['x']=foo:~
A["y"]=~:~/d
a[0]=foo:~
a[$((1))]=~/q:~
echo ${A['x']} ${A[y]} ${a[0]} ${a[1]}

#### case changes of non-ASCII letters in a UTF-8 locale
export LC_ALL=C.UTF-8
x=àÉbC y=ÀÈ z=áé
echo ${x^} ${x^^} ${x,} ${x,,} ${x~} ${x~~}
echo ${y,} ${y,,} ${z^} ${z^^}
echo ${x@U} ${x@L} ${x@u} ${z@u}
echo ${x^^[à]} ${x^^[[:lower:]]} ${x,,[É]}

#### case changes leave non-ASCII bytes alone in the C locale
export LC_ALL=C
x=àÉbC
echo ${x^^} ${x,,} ${x~~} ${x@U}

#### case change of arrays and positional parameters
export LC_ALL=C.UTF-8
a=(été Ök) ; set -- ñu Ça
echo "${a[@]^^}" "${a[*]^}" "${@,,}" "${*@U}"

#### ${x@k} of a scalar and an element is quoted like @Q
x=x e=
a=(1 "2 3")
echo ${x@k} ${e@k} ${undef@k} ${a[1]@k}
echo ${x@K} ${e@K} ${undef@K}

#### ${x@k} of whole arrays gives keys and values
a=(1 "2 3")
declare -A A=([k]="v w")
printf '<%s>' "${a[@]@k}" "${A[@]@k}"; echo
printf '<%s>' "${a[@]@K}" "${A[@]@K}"; echo

#### patsub: [!]] and [^]] never match a character (bash counts them as two)
s='ab]c^'
echo ${s//[^]]/z} ${s//[!]]/z} ${s/[!]]/z} ${s/#[!]]/z} ${s/%[!]]/z}
pat='[^]]'; echo ${s//$pat/z}

#### patsub: [!]] works with a star, and in # and %
s='ab]c'
echo ${s//[^]]*/z} ${s#[^]]} ${s%[^]]} ${s##[^]]*}

#### patsub: bracket forms that do match
s='ab]c'
echo ${s//[]]/z} ${s//[]a]/z} ${s//[!x]]/z} ${s//[!x]/z}
s='aé]b[c'
echo ${s//[[:alpha:]]/z} ${s//[é]/z} ${s//[]é]/z} ${s//[[=a=]]/z} ${s//\[c/z} ${s//[/z} ${s//é?/z}

#### pattern matching elsewhere takes [!]] normally
s=a
[[ $s == [!]] ]] && echo cond
case $s in [^]]) echo case ;; esac

#### set -u: ${a[@]} and ${a[*]} of an unset array are not errors
set -u
echo /"${u[@]}"/ ${u[@]} /"${u[*]}"/ x
echo /"${u[@]/a/b}"/ /"${u[@]@Q}"/ /"${u[@]^^}"/ /${u[*]:1}/ /"${u[@]#a}"/
declare -a d
echo /"${d[@]}"/ /"${d[@]:0}"/

#### set -u: ${#a[@]} of an unset array fails with status 1
set -u
echo ${#u[@]}
echo unreached

#### set -u: ${#a[i]} wants the array, not the element
set -u
u=(a); echo ${#u[1]} ${#u[@]}
a=(); echo ${#a[@]} ${#a[0]}
declare -A A=([j]=1); echo ${#A[k]}
declare -A B; echo ${#B[k]}
echo unreached

#### set -u: ${#x[0]} of a scalar is unbound
set -u
x=1
echo ${#x[0]}
echo unreached

#### set -u: ${#a[@]} in a subshell
set -u
( echo ${#u[@]} ); echo status=$?
declare -a d
( echo ${#d[*]} ); echo status=$?

#### set -u: $2 and ${2} are named differently
set -u
( echo $2 ); ( echo ${2} ); ( echo ${#2} ); ( echo ${2#a} ); ( echo ${2@Q} )
echo $1

#### indirect with [@] and operators makes a word unless it names a list
declare -A ref=([d]=v2)
v2=
printf '<%s>' "${!ref[@]:+set}" "${!ref[@]:-empty}" "${!ref[@]:1}"; echo
a=(1 2) e=()
r=(a[@]) q=(e[@])
printf '<%s>' "${!r[@]:+set}" "${!q[@]:+set}" "${!q[@]:-d}" "${!q[@]#x}"; echo
x= p=x s=(x)
printf '<%s>' "${!p:+s}" "${!s[@]:+set}" "${!s[*]:+set}" "${!s[@]#a}"; echo

#### right brace inside single quotes in a double-quoted operand
x="a'}'b"
echo "${var-}}" "${var-\}}" "${var-'}'}" "${var-"}"}"
echo "${var-'a b'}" "${x#*'}'}" "${x/'}'/Q}" "${var:-'}}'}" "${var-'$x'}" ${var-'}'}

#### unterminated single quote in a double-quoted operand
echo "${var-'}"
echo unreached

#### ${x@Q} uses $'...' for control characters
x=$'a\nb' y=$'\001' z=$'a\'b\t' w=$'\xff' u=$'é\n'
echo ${x@Q} "${y@Q}" ${z@Q} ${w@Q} ${u@Q}
echo ${x@A} ${x@K} ${x@k}
set -- $'a\nb' c
echo ${@@Q} "${*@Q}"

#### ${a[@]@K} quotes values and assoc keys as declare -p does
a=($'a\nb' c)
echo ${a[@]@Q} "${a[@]@K}" ${a[@]@A}
declare -A A=([$'\n']=$'\t')
echo "${A[@]@K}"
declare -A B=(["a b"]=1 ["q\"z"]=3 [x]='$y')
echo "${B[@]@K}"

#### a line continuation between $ and the name is removed
x=5
echo $\
? $\
x "$\
x" a$\
b

#### tilde on the right of =~ matches literally
HOME=foo
[[ ~ =~ $HOME ]]; echo $?
[[ $HOME =~ ~ ]]; echo $?
HOME='^a$'
[[ ~ =~ $HOME ]]; echo $?
[[ $HOME =~ ~ ]]; echo $?

#### escaped regex characters match literally
[[ 'x' =~ \. ]]; echo $?; [[ '.' =~ \. ]]; echo $?
[[ 'xx' =~ \^\$ ]]; echo $?; [[ '^$' =~ \^\$ ]]; echo $?
[[ 'xxx' =~ \+\*\? ]]; echo $?; [[ '*+?' =~ \*\+\? ]]; echo $?
[[ 'xx' =~ \{\} ]]; echo $?; [[ '{}' =~ \{\} ]]; echo $?

#### quoted regex characters match literally
for c in '{' '+' '*' '?' '^' '$' '(' ')' '|' '\' '.' '}' '[' ']'; do
  [[ $c =~ "$c" ]] && printf 'yes %s ' "$c"
done; echo
[[ z =~ "." ]]; echo $?
[[ 'a.c' =~ "a.c" ]]; echo $?; [[ 'abc' =~ "a.c" ]]; echo $?

#### escaped { and $ in a group
[[ '$PA' =~ ^(\$\{?)([A-Za-z0-9_]*)$ ]] && echo "${BASH_REMATCH[@]}"
pat='^(\$\{?)([A-Za-z0-9_]*)$'
[[ '${PA' =~ $pat ]] && echo "${BASH_REMATCH[@]}"

#### quoted text inside a regex bracket expression is taken as is
[[ "]" =~ [\]] ]]; echo $?
[[ "]" =~ ["]"] ]]; echo $?; [[ "a" =~ ["]"] ]]; echo $?
[[ . =~ ^[[:alpha:]"."]$ ]]; echo $?
[[ . =~ ^[^"."]$ ]]; echo $?; [[ x. =~ ^[^"."]"."$ ]]; echo $?
[[ - =~ ["a-z"] ]]; echo $?; [[ b =~ ['a-z'] ]]; echo $?
[[ "\\" =~ ["\\"] ]]; echo $?; [[ "a" =~ [^]"a"] ]]; echo $?

#### backslashes from a variable stay in the regex
x='\.'; [[ a =~ $x ]]; echo $?; [[ . =~ $x ]]; echo $?
x='\1'; [[ a =~ $x ]]; echo $?
[[ 'a\b' =~ "\\" ]]; echo $?; [[ ab =~ a\b ]]; echo $?

#### invalid regexes give status 2 without a message
for x in 'a{' '*' 'a(' '[a' 'a\' '{1}' '[[:foo:]]' 'a{2,1}' '+'; do
  [[ a =~ $x ]]; printf '%s ' $?
done; echo
for x in 'a**' '()' 'a|'; do [[ a =~ $x ]]; printf '%s ' $?; done; echo

#### a syntax error inside backquotes is reported when expanded
x=`echo "`; echo "st=$?"
echo `if`; echo st=$?
echo `fi`x; echo b
echo "a`(`b"; echo c
echo `)`
echo `echo \\\\"`

#### a backquote syntax error in an unexpanded operand is silent
x=1
echo ${x:-`fi`} ${x:+ok}

#### ${a[k]=v} and ${a[k]:=v} assign the element
a=(); echo ${a[2]=x} ${a[3]:=y}; declare -p a
declare -A A; k="a b"; echo ${A[$k]=v} ${A["x"]:=w}; declare -p A
b=(1); i=5; echo ${b[i]:=z} ${b[i+1]=q}; declare -p b
x=s; echo ${x[0]:=t} ${x[1]:=u}; declare -p x

#### ${r[k]=v} of a readonly array
readonly -a r=(1)
echo ${r[3]=x}
echo next

#### a negative subscript before the first element
a=(1 2 3); echo "[${a[-7]}]" $?
echo "${a[-4]:-d}" ${a[-1]} ${a[-3]}
e=(); echo "[${e[-1]}]"
x=s; echo "[${x[-1]}]"
echo "[${u[-1]}]"

#### posix: prefix assignments before a special builtin stay, unless unset
set -o posix
x=42; x=tmp unset x; echo x=$x
f() { x=42; x=tmp unset x; echo x=$x; x=42; x=tmp eval 'unset x'; echo x=$x; }
f; echo g=$x
a=1 b=2 eval 'unset a'; echo "[$a][$b]"
c=1 eval 'c=2'; echo $c

#### posix: the kept assignments are exported
set -o posix
x=1 :; env | grep ^x=
y=0; y=1 :; env | grep ^y=
g() { local l=0; l=1 :; env | grep ^l=; }; g; echo "[$l]"

#### without posix, prefix assignments before special builtins go away
x=42; x=tmp :; echo x=$x
x=tmp unset x; echo x=$x

#### an operator inside an array literal: error, the line is skipped
a=( inside=() )
echo st=$? len=${#a[@]}
b=(1 x=(2) 3); echo not run
c=(1 (2))
echo st=$?

#### ; | & inside an array literal
a=(1 ; 2)
echo st=$?
a=(1 | 2) ; echo no
echo st=$?
a=(1 & 2)
echo st=$? end

#### an array literal error inside if
if true; then
a=(1 ; 2)
echo in
fi
echo end $?

#### a function named with a slash is found before the file
f/g() { echo fn "$@"; }
f/g 1; x=1 f/g 2
type f/g | head -1
function ble/is-array { [[ ${!1@a} == *a* ]]; }
ble/is-array undef; echo undef $?
s=''; ble/is-array s; echo string $?
arr=(1 2); ble/is-array arr; echo array $?

#### \U escapes beyond Unicode use bash's long UTF-8 forms
for v in 0000D800 00110000 001FFFFF 00200000 7FFFFFFF 80000000 FFFFFFFF; do
  printf "\\U$v" | od -An -tx1
  echo -e "\\U$v" | od -An -tx1
  eval "echo \$'\\U$v'" | od -An -tx1
done

#### case modification re-encodes non-ASCII letters
x='éàß ÿ Ω'; echo "${x^^}" "${x~~}"; y='ÉÀ'; echo "${y,,}" "${y@L}"
