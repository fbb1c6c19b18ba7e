#### indexed array basics
a=(x y z); echo ${a[0]} ${a[2]} ${#a[@]} "${a[@]}"

#### array assignment by index
a[3]=d; a[0]=a; echo ${#a[@]} ${!a[@]}

#### negative index
a=(1 2 3); echo ${a[-1]} ${a[-2]}

#### array slices
a=(a b c d e); echo ${a[@]:1:2} ${a[@]: -2}

#### append to array
a=(1); a+=(2 3); echo ${a[@]}

#### unset an element
a=(1 2 3); unset 'a[1]'; echo ${#a[@]} ${!a[@]} ${a[@]}

#### array in quotes with at and star
a=('a b' c); printf '[%s]' "${a[@]}"; echo; printf '[%s]' "${a[*]}"; echo

#### length of an element
a=(hello); echo ${#a[0]}

#### scalar is element zero
s=val; echo ${s[0]}; a=(x y); echo $a

#### declare -p array
a=(1 'two' 3); declare -p a

#### associative array
declare -A m; m[k1]=v1; m[k2]=v2; echo ${m[k1]} ${#m[@]}

#### associative array keys sorted
declare -A m=([b]=2 [a]=1 [c]=3); for k in $(printf '%s\n' "${!m[@]}" | sort); do echo $k=${m[$k]}; done

#### associative element test
declare -A m=([x]=1); [[ -v m[x] ]] && echo set; [[ -v m[y] ]] || echo unset

#### mapfile from here string
mapfile -t lines < words.txt; echo ${#lines[@]} ${lines[4]}

#### readarray with count and skip
readarray -t -n 2 -s 1 part < words.txt; echo "${part[@]}"

#### array from command substitution
a=($(echo 1 2 3)); echo ${#a[@]}

#### arithmetic on array elements
a=(5 6); echo $(( a[0] * a[1] ))

#### array element assignment in arithmetic
((a[2]=7)); echo ${a[2]}

#### sparse array iteration
a[5]=five; a[10]=ten; for i in "${!a[@]}"; do echo "$i ${a[$i]}"; done

#### parameter operators on arrays
a=(file.c main.c x.h); echo ${a[@]%.c} ${a[@]/#/-}

#### array copy
a=(1 2 3); b=("${a[@]}"); b[0]=9; echo ${a[0]} ${b[0]}

#### unset whole array
a=(1 2); unset a; echo ${#a[@]}

#### array with explicit indices
a=([2]=two [0]=zero); echo ${a[@]} ${!a[@]}
