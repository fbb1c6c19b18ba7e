#### simple pipeline
echo hello | tr h j

#### three stage pipeline
printf 'c\na\nb\n' | sort | head -2

#### pipeline status is the last command's
false | true; echo $?; true | false; echo $?

#### PIPESTATUS
true | false | true; echo ${PIPESTATUS[@]}

#### pipefail
set -o pipefail; false | true; echo $?

#### negated pipeline
! echo x | grep -q y; echo $?

#### pipeline stages are subshells
x=1; echo 2 | read x; echo $x

#### yes piped to head ends
yes | head -3

#### large output through a pipe
seq 1 100000 | tail -1

#### pipe stderr with pipe-ampersand
{ echo out; echo err >&2; } |& sort

#### while loop at the end of a pipeline
printf '1\n2\n3\n' | while read n; do echo $((n*2)); done

#### pipeline into a brace group
echo data | { read x; echo "got $x"; }

#### exit status of a killed writer
yes | head -1 > /dev/null; echo ${PIPESTATUS[0]}

#### command substitution of a pipeline
x=$(printf 'b\na\n' | sort | tr '\n' ' '); echo "$x"

#### pipeline with a function
up() { tr a-z A-Z; }; echo hi | up

#### cat preserves binary-free text through pipes
printf 'a\0b\n' | od -c | head -1

#### long pipeline
echo abc | cat | cat | cat | cat | rev
