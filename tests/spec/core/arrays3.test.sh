#### literal: values are expanded before any key is evaluated
i=1
a=([10+i++]=$((i++)) [20+i++]=$((i++)))
declare -p a i

#### literal: keys with $(( )) are expanded in order with the values
i=1
a=([$((i++))]=$((i++)) [$((i++))]=$((i++)))
declare -p a

#### literal: a key sees elements assigned earlier in the same literal
a=([0]=3 [a[0]]=x [a[0]+1]=y)
declare -p a

#### literal: values read the array as it was before the assignment
a=(one two three)
a=("${a[2]}" "${a[0]}" "${a[1]}")
declare -p a

#### literal: += keys see the new elements
a=(p q r)
p=5 new=7
a+=([0]=new [a[0]]=z)
declare -p a

#### literal: [k]+=v appends within an indexed literal
a=(1 2)
a=([0]+=a [0]+=b [3]=c [3]+=d)
declare -p a

#### literal: [k]+=v in an assoc literal reads the old value (bash 5.2)
declare -A a=([k]=X)
a=([k]=1 [k]+=2)
declare -p a

#### literal: assoc += literal with [k]+=v
declare -A a=([k]=1)
a+=([k]+=:2 [k]+=:3 [j]+=new)
declare -p a

#### literal: tilde after = and : in keyed indexed values
HOME=/home/u
a=([1]=~ [2]=x:~:~/d [3]=~/bin)
declare -p a

#### literal: unkeyed element keeps only a leading tilde
HOME=/home/u
a=(~ ~:~ x=~)
declare -p a

#### literal: assoc values keep the tilde (bash 5.2)
HOME=/home/u
declare -A a
a=([h]=~ [p]=~:~)
declare -p a

#### literal: declare -A value keeps the tilde
HOME=/home/u
declare -A a=([h]=~ [p]=x:~)
declare -p a

#### literal: declare -a keyed value expands the tilde
HOME=/home/u
declare -a a=([1]=~ [2]=x:~)
declare -p a

#### literal: keyed element that brace-expands becomes plain words
a=([k2]=-{a,b}-)
declare -p a

#### literal: assoc keyed element is not brace-expanded
declare -A a
a=([k]=-{a,b}-)
declare -p a

#### literal: negative key counts from the end of the new elements
a=(1 2 [-1]=x)
declare -p a

#### literal: negative key out of range is reported and skipped
a=([-1]=x [1]=y)
echo "status=$?"
declare -p a

#### literal: empty assoc key is a bad subscript
declare -A b
b=([""]=2 [k]=v)
echo "status=$?"
declare -p b

#### literal: declare with empty assoc key
declare -A b=([""]=1 [k]=v)
echo "status=$?"
declare -p b

#### literal: unkeyed element in keyed assoc literal
declare -A A
A=([a]=1 b "c d")
declare -p A

#### literal: declare -A unkeyed element message quotes it
declare -A B=([a]=1 b)
declare -p B

#### literal: assoc key value pairs
declare -A A
A=(k1 v1 k2 "v 2" odd)
declare -p A

#### literal: integer array evaluates elements
declare -ai n=(1+2 [3]=2*3)
n+=(4*4)
declare -p n

#### literal: integer array element +=
declare -ai n=(5)
n+=([0]+=10)
declare -p n

#### literal: arithmetic error in a key ends the shell
a=([1+]=x)
echo not reached

#### element: list assigned to an element
a=(1 2)
a[0]=(3 4)
echo "status=$?"
declare -p a

#### element: list to element abandons the rest of the line
a=(1 2)
a[0]=(3 4); echo same line
echo next line

#### element: out-of-range negative index
a=(1)
a[-3]=2
echo "status=$?"
declare -p a

#### element: negative index on empty array
a=()
a[-1]=1
echo "status=$?"

#### element: negative index within range
a=(1 2 3)
a[-1]=z a[-3]+=y
declare -p a

#### unset: out-of-range negative index
a=(1)
unset -v 'a[-2]'
echo "status=$?"
declare -p a

#### unset: negative index within range
a=(1 2 3)
unset 'a[-1]'
declare -p a

#### unset: quoted assoc key
declare -A A=([K]=v [L]=w)
unset -v 'A["K"]'
declare -p A

#### unset: assoc key from a variable
declare -A A=([K]=v [L]=w)
key=L
unset 'A[$key]'
declare -p A

#### unset: assoc key from command substitution
declare -A A=(['a b']=v [L]=w)
unset 'A[$(echo a b)]'
declare -p A

#### test -v: negative indexes
a[0]=x a[5]=y a[10]=z
for i in -1 -2 -5 -6 -10 -11; do
  [[ -v a[i] ]] && echo "has $i"
done
echo done

#### test -v: negative index out of range
a=(1)
[[ -v a[-2] ]]
echo "status=$?"

#### test -v: array name alone means element 0
a=([1]=x)
[[ -v a ]]; echo $?
a[0]=y
[[ -v a ]]; echo $?
declare -A A=([x]=1)
[[ -v A ]]; echo $?
A[0]=1
[[ -v A ]]; echo $?

#### test -v: assoc key with expansions
declare -A assoc=([empty]='' [k]=v)
key=empty; test -v 'assoc[$key]'; echo $?
key=k; test -v 'assoc[$key]'; echo $?
key=nope; test -v 'assoc[$key]'; echo $?
test -v 'assoc["k"]'; echo $?

#### test -v: array whole
a=(); [[ -v a[@] ]]; echo $?
a=(1); [[ -v a[@] ]]; echo $?
s=str; [[ -v s[0] ]]; echo $?; [[ -v s[@] ]]; echo $?

#### indirect: through an array element
v1=hello v2=world
a=(v1 v2)
echo "${!a[0]}, ${!a[1]}"
i=1
echo "${!a[i]}"

#### indirect: element naming another element
x=(p q r)
ref=(x[2] 'x[0]')
echo "${!ref[0]} ${!ref[1]}"

#### indirect: assoc element
declare -A A=([k]=target)
target=found
echo "${!A[k]}"

#### quoted empty keys list makes no word
a=()
set -- "${!a[@]}"; echo $#
set -- "${!a[*]}"; echo $#
declare -A A
set -- "${!A[@]}"; echo $#

#### quoted empty transforms make no word
a=()
set -- "${a[@]^}" "${a[@],,}" "${a[@]@Q}" "${a[@]~}"; echo $#
set -- "${a[*]^}"; echo $#

#### quoted empty prefix names make no word
set -- "${!NO_SUCH_PREFIX_zz@}"; echo $#
set -- "${!NO_SUCH_PREFIX_zz*}"; echo $#

#### assoc: scalar assignment sets element 0
declare -A assoc
assoc[1]=1
assoc=string
echo "${assoc[0]} ${assoc[1]} $assoc"
assoc+=more
declare -p assoc

#### declare: -A on an indexed array is refused
t=(1 2)
declare -A t
echo "status=$?"
declare -p t

#### declare: -a on an assoc array is refused
declare -A u=([a]=1)
declare -a u
echo "status=$?"
declare -p u

#### declare: -A with a literal on an indexed array
declare -a a=(1 2 3 4)
declare -A a=([a]=x)
echo "status=$?"
declare -p a

#### declare: -A converts a string to element 0
s=hello
declare -A s
declare -p s

#### declare: -A += keeps the string as element 0
s2=world
declare -A s2+=([a]=x)
declare -p s2

#### declare: -A = replaces the string
s1=hello
declare -A s1=([a]=x)
declare -p s1

#### declare: -a and -A without values print without =()
declare -a arr1
declare -A dict1
declare -p arr1 dict1

#### declare: local arrays without values
f() {
  local -a x
  local -A y
  declare -p x y
  x+=(1)
  y[k]=v
  declare -p x y
}
f

#### declare: unset array gets elements
declare -a B
B+=(1 2)
B[5]=x
declare -p B

#### readonly: -a and -A
readonly -a x=(1 2)
readonly -A y=([a]=1)
readonly -a z
declare -p x y z

#### readonly: -a with a scalar value
readonly -a x=5
declare -p x

#### export: -A with a literal
export -A e=([k]=v)
declare -p e

#### readonly: element name is not an identifier
readonly b[7]=8
echo "status=$?"
declare -p b 2>&1

#### export: element name is not an identifier
export 'e[1]=2'
echo "status=$?"
export 'bad[x=1'
echo "status=$?"

#### readonly -p lists arrays
readonly -a ra=(1 2)
readonly -A rA=([k]=v)
readonly -p | grep -E ' r[aA]='

#### declare -p: sparse and quoted values
a=([3]='x y' [7]='$q' [9]='"' [12]=$'\t')
declare -p a

#### declare -p: assoc with odd keys
declare -A A=(['a b']=1 ['$x']=2 [plain]=3)
declare -p A

#### mixed: +=() on a string makes element 0
s=hello
s+=(world)
declare -p s

#### mixed: ${a[@]} contexts
a=('x y' '' z)
printf '<%s>' ${a[@]}; echo
printf '<%s>' "${a[@]}"; echo
printf '<%s>' ${a[*]}; echo
printf '<%s>' "${a[*]}"; echo
b="${a[@]}"; printf '<%s>' "$b"; echo
IFS=:; b="${a[*]}"; printf '<%s>' "$b"; echo

#### mixed: counts and keys of sparse arrays
a=([4]=d [1]=a [9]='')
echo "${#a[@]} ${!a[*]} ${#a[9]} ${#a[4]}"
unset 'a[4]'
echo "${#a[@]} ${!a[*]}"

#### declare: converting with a literal abandons the line
declare -A u=([a]=1)
declare -a u=(1); echo same line
echo "status=$?"
declare -a t=(1)
declare -A t=([x]=1)
echo "status=$?"
declare -p u t

#### declare: a function's declare -a makes a new local
declare -A u=([a]=1)
f() { declare -a u=(1); echo "in $?"; declare -p u; }
f
declare -p u

#### literal: unkeyed tilde ends at a colon
HOME=/h
a=(~:~ ~/x:~ "~":~ x=~ ~/a)
declare -p a

#### declare: subscript holding = in the name
declare a[a[0]=1]=X
declare -p a

#### declare: subscript with spaces is split by the shell
declare a[ 1 ]=Y
echo "status=$?"
declare -p a 2>&1

#### declare -pn lists only namerefs
v=1
declare -n r1=v
declare -pn | grep -E ' (r1|v)='

#### printf -v into assoc element with expanded key
declare -A A=([K]=val)
printf -v 'A["K"]' '/%s/' v2
key=K
printf -v 'A[$key]' '<%s>' v3
declare -p A

#### printf -v into indexed element
a=(1 2 3)
i=1
printf -v 'a[i+1]' '%03d' 7
declare -p a

#### mapfile: options -t -n -s -O
printf 'a\nb\nc\n\nd' > mf1
mapfile -t x < mf1; declare -p x
mapfile x < mf1; declare -p x
mapfile -n 2 -s 1 y < mf1; declare -p y
mapfile -O 5 -t y < mf1; declare -p y
mapfile -tn1 t < mf1; declare -p t
mapfile -t -- u < mf1; declare -p u

#### mapfile: -d delimiter and NUL
printf 'a:b:c:' | { mapfile -d : -t z; declare -p z; }
printf 'x\0y\0' | { mapfile -d '' n; declare -p n; }
mapfile -d x -t m <<< "1x2x3"; declare -p m

#### mapfile: -u and default MAPFILE
printf 'a\nb\n' > mf2
readarray -t -u 3 w 3< mf2; declare -p w
mapfile -t < mf2; declare -p MAPFILE

#### mapfile: -C callback every -c lines
printf 'a\nb\nc\n\nd' > mf3
mapfile -C 'echo cb' -c 2 -t q < mf3; declare -p q
cb() { echo "[$1][$2] len=${#v[@]}"; }
mapfile -t -C cb -c 1 v < mf3

#### mapfile: bad options and counts
mapfile -x; echo "status=$?"
mapfile -n; echo "status=$?"
mapfile -n -1 x < /dev/null; echo "status=$?"
mapfile -n x x < /dev/null; echo "status=$?"
mapfile -O -1 x < /dev/null; echo "status=$?"
mapfile -s -2 x < /dev/null; echo "status=$?"
mapfile -c 0 x < /dev/null; echo "status=$?"
mapfile -u x x; echo "status=$?"
mapfile -u 77 x; echo "status=$?"

#### mapfile: refuses assoc, readonly and bad names
declare -A As
mapfile As < /dev/null; echo "status=$?"
readonly ro=(1)
mapfile ro < /dev/null; echo "status=$?"
mapfile 'bad name' < /dev/null; echo "status=$?"

#### mapfile: scalar with -O and existing array
s=scalar
printf 'a\nb\n' | { mapfile -O 3 s; declare -p s; }
e=(1 2 3)
printf 'p\n' | { mapfile -O 1 e; declare -p e; }
e=(1 2 3)
mapfile e < /dev/null; declare -p e

#### mapfile: local array in a function
f() { local -a L; printf '1\n2\n' | { mapfile -t L; declare -p L; }; mapfile -t L <<< 'x'; declare -p L; }
f
declare -p L

#### slices: negative length error quotes the expression
a=(1 2 3 4 5)
echo "${a[@]: 1: -3}"
echo not reached

#### slices: negative length from a variable
x=-3
a=(1 2 3)
echo "${a[@]:1:x}"

#### slices: sparse arrays and negative subscripts
b=([3]=x [7]=y [9]=z)
echo "${b[@]:4}" "${b[@]:8:1}" "${b[-1]}" "${b[-3]}" "${#b[-1]}" "${b[@]: -1}"
a=(1 2 3 4 5)
echo "${a[@]: -2}" "${a[@]:1:2}" "[${a[*]:0:0}]" "[${a[@]: -7}]" "${a[@]:2:-1}"

#### quoted empty array with :+ makes no word
e=()
set -- "${e[@]:+alt}"; echo $#
set -- "${e[@]+alt}"; echo $#
set -- "${e[@]:-}"; echo $#
e=(1)
set -- "${e[@]:+alt}"; echo "$# $1"

#### @A of arrays
declare -ai n=(1 2); readonly n
printf '<%s>' "${n[@]@A}"; echo
a=(); printf '<%s>' "${a[@]@A}"; echo
declare -A B; printf '<%s>' "${B[@]@A}"; echo
declare -A C=([x]='1 2' [y]=3); printf '<%s>' "${C[@]@A}"; echo
c=('a b' ''); printf '<%s>' "${c[*]@A}"; echo
printf '<%s>' ${c[@]@A}; echo
IFS=,; printf '<%s>' ${c[@]@A}; echo

#### operators on every element, quoted and not
c=('a b' 'c*' '' d)
printf '<%s>' "${c[@]/#/x}"; echo
printf '<%s>' ${c[@]/#/x}; echo
printf '<%s>' "${c[@]%?}"; echo
printf '<%s>' "${c[*]%?}"; echo
printf '<%s>' "${c[@]@Q}"; echo
printf '<%s>' "${c[@]@K}"; echo
printf '<%s>' "${c[@]@k}"; echo
printf '<%s>' "x${c[@]}y"; echo
printf '<%s>' "x${c[*]}y"; echo
printf '<%s>' "${c[@]:1}"; echo
printf '<%s>' "${!c[@]}" "${#c[@]}" "${#c[*]}" "${#c}"; echo
x=${c[@]}; echo "[$x]"
case ${c[@]} in 'a b c* '*) echo case-ok;; esac
[[ ${c[@]} == "a b c*  d" ]] && echo cond-ok

#### arith: negative subscripts
a=(1 2 3)
(( a[-1] += 5 )); echo "${a[@]}"
(( a[5] = 9 )); declare -p a
echo $(( a[-1] + a[0] ))

#### arith: out-of-range negative subscripts
a=(1 2 3)
(( a[-10] = 1 )); echo "st=$?"
echo $(( a[-10] ))
s=x
echo $(( s[-1] ))
echo $(( nope[-1] ))
declare -p a

#### arith: assoc elements
declare -A A
(( A[x]++ )); (( A[y] += 3 ))
k='a b'; (( A[$k] = 2 ))
declare -p A

#### read -a: into arrays
read -a r <<< "x y  z"; declare -p r
IFS=: read -ra r <<< "p:q::s"; declare -p r
s=str; read -a s <<< "1 2"; declare -p s

#### read -a: refuses assoc and readonly arrays
declare -A A
read -a A <<< "1 2"; echo "st=$?"
readonly r=(1)
read -a r <<< "a"; echo "st=$?"
declare -p A r

#### unset: whole-array subscripts
a=(1 2 3); unset 'a[@]'; declare -p a
c=(1 2 3); unset 'c[*]'; declare -p c
declare -A A=([x]=1 [@]=2); unset 'A[@]'; declare -p A
s=x; unset 's[@]'; echo "st=$?"; declare -p s

#### declare -g: new globals from a function
f() { declare -g -a G=(g1 g2); declare -ga H; H[1]=h; declare -g gg; declare -p gg; }
f
declare -p G H gg
