#### string comparison operators
[[ abc < abd ]] && echo lt; [[ b > a ]] && echo gt; [[ a == a ]] && echo eq; [[ a != b ]] && echo ne

#### pattern on right of ==
x=hello.txt; [[ $x == *.txt ]] && echo match; [[ $x == "*.txt" ]] || echo literal

#### pattern with character class
[[ a5 == a[0-9] ]] && echo d; [[ aX == a[[:upper:]] ]] && echo u

#### regex match with BASH_REMATCH groups
[[ 'key=value' =~ ^([a-z]+)=(.*)$ ]] && echo ${BASH_REMATCH[0]} ${BASH_REMATCH[1]} ${BASH_REMATCH[2]} ${#BASH_REMATCH[@]}

#### regex from a variable
re='^[0-9]+$'; [[ 123 =~ $re ]] && echo num; [[ 12a =~ $re ]] || echo not

#### failed regex clears BASH_REMATCH
[[ ab =~ (a) ]]; [[ zz =~ (a) ]]; echo "${#BASH_REMATCH[@]}"

#### nocasematch affects ==
shopt -s nocasematch; [[ ABC == abc ]] && echo same; [[ ABC == a* ]] && echo pat

#### numeric comparison operators
[[ 3 -lt 10 ]] && echo lt; [[ 10 -ge 10 ]] && echo ge; [[ 2 -ne 3 ]] && echo ne

#### arithmetic in numeric operands
x=4; [[ x+1 -eq 5 ]] && echo five

#### -z and -n
e=; [[ -z $e ]] && echo empty; [[ -n x ]] && echo nonempty

#### logical operators and grouping
[[ ( a == a || a == b ) && ! b == a ]] && echo ok

#### -v checks set variables
x=1; [[ -v x ]] && echo set; [[ -v nope ]] || echo unset

#### file tests
touch f; mkdir -p d; [[ -f f && -e f && -d d && ! -d f ]] && echo files

#### -nt and -ot with missing file
touch f; [[ f -nt missing ]] && echo newer; [[ missing -ot f ]] && echo older

#### no word splitting inside double brackets
x='a b'; [[ $x == 'a b' ]] && echo nosplit

#### empty variable comparison
[[ $undefined == "" ]] && echo empty

#### -o checks shell options
set -o noglob; [[ -o noglob ]] && echo on; [[ -o errexit ]] || echo off

#### regex with alternation and anchors
for w in cat dog bird; do [[ $w =~ ^(cat|dog)$ ]] && echo $w; done

#### regex special characters in bracket
[[ 'a.b' =~ a[.]b ]] && echo dot; [[ 'axb' =~ a[.]b ]] || echo nodot

#### status of false double brackets
[[ a == b ]]; echo $?

#### -eq with non-number is arithmetic
[[ abc -eq 0 ]] && echo zero
