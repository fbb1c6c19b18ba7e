#### LINENO
echo $LINENO
echo $LINENO

#### LINENO in a function
f() {
  echo $LINENO
}
f

#### BASH_VERSINFO major
echo ${BASH_VERSINFO[0]}

#### BASH_SUBSHELL
echo $BASH_SUBSHELL; (echo $BASH_SUBSHELL; (echo $BASH_SUBSHELL))

#### pid variables are numbers
[[ $$ =~ ^[0-9]+$ && $PPID =~ ^[0-9]+$ ]] && echo ok

#### subshell keeps dollar dollar
a=$$; b=$(echo $$); [ $a = $b ] && echo same

#### BASHPID differs in subshell
a=$BASHPID; b=$(echo $BASHPID); [ $a != $b ] && echo differs

#### RANDOM is in range
r=$RANDOM; (( r >= 0 && r < 32768 )) && echo ok

#### RANDOM seeding is reproducible
RANDOM=42; a=$RANDOM; RANDOM=42; b=$RANDOM; [ $a = $b ] && echo same

#### SECONDS starts near zero
(( SECONDS < 5 )) && echo ok

#### set -x traces commands
set -x; echo traced; x=1

#### set -x with custom PS4
PS4='+> '; set -x; echo hi

#### set -x shows expanded words
set -x; a='b c'; echo $a "$a"

#### set -v prints input lines
set -v
echo verbose

#### set -n reads without running
set -n; echo not run

#### underscore is the last argument
echo a b; echo $_

#### shell options listing for a single option
set -o | grep -E '^(errexit|nounset) '

#### comments are ignored
# full line comment
echo code # trailing comment

#### IFS default value
printf '%q\n' "$IFS"

#### PATH default
echo "$PATH" | tr ':' '\n' | grep -c bin

#### exported variables reach subshells
export E=1; (echo $E)

#### variable names with underscores and digits
_a1=x; echo $_a1

#### assignment with tilde and equals
x=a=b; echo $x

#### multiple assignments on one line
a=1 b=2 c=3; echo $a$b$c

#### assignment expands but does not split
v='1 2'; w=$v; echo "$w"

#### command with only assignments keeps status of substitution
x=$(false) y=2; echo $? $y

#### sh -c runs a nested shell
sh -c 'echo nested $0 $1' name arg

#### bash -c with exit status
bash -c 'exit 5'; echo $?

#### running a script with a shebang
./script.sh a b

#### running a script through bash
bash script.sh x

#### sourcing returns the last status
echo 'false' > s.sh; . ./s.sh; echo $?

#### huge brace ranges are bounded by memory only
echo {1..3}{1..3} | wc -w

#### time keyword output goes to stderr
{ time true; } 2>/dev/null; echo ran
