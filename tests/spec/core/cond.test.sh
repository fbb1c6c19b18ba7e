#### string equality and patterns
[[ abc == a* ]]; echo $?; [[ abc == "a*" ]]; echo $?; [[ abc != b* ]]; echo $?

#### regex match with captures
[[ 'key=value' =~ ^([a-z]+)=(.*)$ ]] && echo ${BASH_REMATCH[1]} ${BASH_REMATCH[2]}

#### regex no match
[[ abc =~ ^b ]]; echo $?

#### quoted regex is literal
[[ 'a.c' =~ "a.c" ]]; echo $?; [[ 'abc' =~ "a.c" ]]; echo $?

#### regex from variable
re='^[0-9]+$'; [[ 123 =~ $re ]] && echo number

#### logical operators and grouping
[[ -n x && ( -z "" || -z x ) ]]; echo $?

#### string ordering
[[ a < b ]]; echo $?; [[ b < a ]]; echo $?

#### integer comparison
[[ 10 -gt 9 ]]; echo $?; [[ 2 -eq 02 ]]; echo $?

#### file tests
[[ -f words.txt && -d dir && ! -e missing ]]; echo $?

#### no word splitting inside double brackets
x='a b'; [[ $x == 'a b' ]]; echo $?

#### empty variable is safe inside double brackets
e=; [[ -z $e ]]; echo $?

#### nocasematch
shopt -s nocasematch; [[ ABC == abc ]]; echo $?

#### -v variable set
x=1; [[ -v x ]]; echo $?; [[ -v nosuch ]]; echo $?

#### arithmetic in integer comparisons
[[ 1+1 -eq 2 ]]; echo $?

#### extglob inside double brackets
[[ foo.txt == @(*.txt|*.md) ]]; echo $?

#### regex special characters in bracket
[[ 'a b' =~ a[[:space:]]b ]]; echo $?

#### file newer than
touch -d '2020-01-01' old; touch -d '2021-01-01' new; [[ new -nt old ]]; echo $?; [[ new -ot old ]]; echo $?
