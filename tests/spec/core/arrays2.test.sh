#### sparse array keys and count
a[5]=x; a[10]=y; a[1]=z; echo ${#a[@]} ${!a[@]} ${a[@]}

#### negative subscript assignment
a=(1 2 3); a[-1]=z; echo ${a[@]}

#### negative subscript out of range
a=(1 2 3); echo "[${a[-7]}]"

#### slice with negative offset and length
a=(a b c d e f); echo ${a[@]: -3:2}

#### slice past the end
a=(a b c); echo "[${a[@]:5}]"

#### slice of sparse array counts elements
a=([2]=a [5]=b [9]=c); echo ${a[@]:1}

#### plus-equals on an element
a=(x y); a[1]+=z; echo ${a[@]}

#### plus-equals with explicit indices
a=(x); a+=([5]=p q); echo ${!a[@]} ${a[@]}

#### star joins with IFS first char
a=(a b c); IFS=-; echo "${a[*]}"

#### star with empty IFS
a=(a b c); IFS=; echo "${a[*]}"

#### at unquoted splits elements
a=('x y' z); printf '<%s>' ${a[@]}; echo

#### at quoted with prefix and suffix
a=(1 2); printf '<%s>' "p${a[@]}s"; echo

#### empty array quoted at gives nothing
a=(); printf '<%s>' "${a[@]}"; echo n=$#

#### length of each element via loop
a=(ab cde f); for x in "${a[@]}"; do echo ${#x}; done

#### keys of empty array
a=(); echo "[${!a[@]}]"

#### unset whole array
a=(1 2); unset a; echo "[${a[@]}]" ${#a[@]}

#### unset negative index
a=(1 2 3); unset 'a[-1]'; echo ${!a[@]}

#### array element with arithmetic subscript
a=(a b c d); i=1; echo ${a[i+1]} ${a[$i*2]}

#### array from command substitution splits
a=($(printf 'x y\nz')); echo ${#a[@]}

#### array from glob-free words with quotes
a=("a b" 'c' d\ e); echo ${#a[@]}

#### declare -a listing sparse
declare -a a=([3]=x [7]=y); declare -p a

#### declare -p quotes values
a=('it'"'"'s' 'a"b' '$x'); declare -p a

#### assoc basics
declare -A m=([one]=1 [two]=2); echo ${m[one]} ${m[two]} ${#m[@]}

#### assoc assignment and lookup with spaces in key
declare -A m; m["a b"]=c; echo "${m[a b]}"

#### assoc missing key is empty
declare -A m=([k]=v); echo "[${m[nokey]}]"

#### assoc unset key
declare -A m=([a]=1 [b]=2); unset 'm[a]'; echo ${#m[@]} ${m[b]}

#### assoc plus-equals element
declare -A m=([a]=x); m[a]+=y; echo ${m[a]}

#### assoc key test with -v
declare -A m=([a]=1); [[ -v m[a] ]] && echo yes; [[ -v m[b] ]] || echo no

#### indexed -v on element
a=(1 2); [[ -v a[1] ]] && echo yes; [[ -v a[5] ]] || echo no

#### mapfile basic
printf 'a\nb\nc\n' > f; mapfile -t arr < f; echo ${#arr[@]} "${arr[1]}"

#### mapfile keeps newlines without -t
printf 'a\nb\n' > f; mapfile arr < f; printf '<%s>' "${arr[@]}"; echo

#### mapfile -n limits lines
printf '1\n2\n3\n4\n' > f; mapfile -t -n 2 arr < f; echo ${arr[@]}

#### mapfile -s skips lines
printf '1\n2\n3\n4\n' > f; mapfile -t -s 2 arr < f; echo ${arr[@]}

#### mapfile -O origin
printf 'x\ny\n' > f; arr=(a b c); mapfile -t -O 1 arr < f; echo ${arr[@]}

#### mapfile -d delimiter
printf 'a,b,c' > f; mapfile -t -d , arr < f; echo ${#arr[@]} ${arr[2]}

#### readarray is mapfile
printf 'p\nq\n' | { readarray -t r; echo ${r[@]}; }

#### mapfile default MAPFILE
printf 'one\n' > f; mapfile < f; printf '%s' "$MAPFILE"

#### read -a splits into array
read -r -a arr <<< 'x y  z'; echo ${#arr[@]} ${arr[2]}

#### printf -v into array element
printf -v 'a[2]' '%s-%s' p q; echo ${a[2]} ${!a[@]}

#### array in arithmetic
a=(5 10); echo $(( a[0] + a[1] ))

#### arithmetic assignment to element
a=(); (( a[3] = 7 )); echo ${!a[@]} ${a[3]}

#### for over keys
a=([1]=x [4]=y); for k in "${!a[@]}"; do echo $k=${a[k]}; done

#### element pattern removal applies to each
a=(apple banana cherry); echo ${a[@]#?} ${a[@]%a}

#### replacement on every element
a=(aa ba ca); echo ${a[@]/a/X}

#### case change on array
a=(ab cd); echo ${a[@]^^} ${a[@]^}

#### length of array element by negative index
a=(x yy zzz); echo ${#a[-1]}

#### local array in function
f() { local a=(1 2 3); echo ${#a[@]}; }; f; echo "[${a[@]}]"

#### array copy
a=(1 '2 3'); b=("${a[@]}"); echo ${#b[@]} "${b[1]}"

#### array concatenation
a=(1 2); b=(3); c=("${a[@]}" "${b[@]}"); echo ${c[@]}

#### set -u with empty array at
set -u; a=(); echo "[${a[@]}]"
