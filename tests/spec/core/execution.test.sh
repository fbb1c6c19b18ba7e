# Execution semantics: set -e precision, pipefail, lastpipe, options, shell
# invocation, aliases, redirections, parse errors, jobs, loops.

#### errexit: a && list failing early inside a brace group does not exit
set -e; { false && true; }; echo "still here $?"

#### errexit: && list failing inside if, for and case bodies does not exit
set -e
if true; then false && true; fi; echo if=$?
for i in 1; do false && true; done; echo for=$?
case x in x) false && true;; esac; echo case=$?
i=0; while [ $i -lt 1 ]; do i=1; false && true; done; echo while=$?

#### errexit: the same && list in a function call exits
set -e; f() { false && true; }; f; echo not reached

#### errexit: the same && list in a subshell exits
set -e; (false && true); echo not reached

#### errexit: a brace group with a redirection that fails exits
set -e; { echo x; } < /nonexistent; echo not reached

#### errexit: the last command of a brace group still exits
set -e; { true; false; }; echo not reached

#### ERR trap: not run for a brace group whose && list failed early
trap 'echo ERR' ERR; { false && true; }; f() { false && true; }; f; echo end

#### errexit: brace group with a redirection and an && list
set -e; { false && true; } 2>/dev/null; echo survived

#### inherit_errexit: a command substitution stops at its first failure
set -e; shopt -s inherit_errexit; echo "[$(echo one; false; echo two)]"; echo after=$?

#### without inherit_errexit a command substitution keeps going
set -e; echo "[$(echo one; false; echo two)]"

#### inherit_errexit is listed by shopt and in BASHOPTS
shopt inherit_errexit; shopt -s inherit_errexit; shopt -p inherit_errexit; [[ $BASHOPTS == *inherit_errexit* ]] && echo listed

#### SHELLOPTS follows set -o changes
echo $SHELLOPTS; set -euo pipefail; echo $SHELLOPTS; set +eu; echo $SHELLOPTS

#### SHELLOPTS changes in a subshell stay there
set -e; (set +e -x; echo $SHELLOPTS) 2>/dev/null; echo $SHELLOPTS

#### SHELLOPTS and BASHOPTS are readonly
readonly -p | grep OPTS; SHELLOPTS=x; echo not reached

#### unset SHELLOPTS fails
unset BASHOPTS; echo status=$?

#### BASHOPTS follows shopt
shopt -s nullglob extglob; echo $BASHOPTS; shopt -u nullglob; echo $BASHOPTS

#### exported SHELLOPTS turns options on in a new shell
set -o noglob; export SHELLOPTS; bash -c 'echo $-; echo *'

#### shopt -o lists set options
shopt -o | head -5; shopt -po | tail -3

#### shopt -so and -uo filter by value
set -u; shopt -so; shopt -uo | head -3

#### shopt -o with a name and -p
shopt -o errexit; echo $?; set -e; shopt -po errexit; shopt -qo errexit; echo $?

#### shopt -o with a bad name
shopt -o extglob; echo $?; shopt -po errexit bogus nounset; echo $?

#### shopt -o -s sets a set option
shopt -o -s nounset; echo $-; shopt -o -u nounset; echo $-

#### emacs and vi exclude each other
set -o emacs; shopt -po emacs vi; set -o vi; shopt -po emacs vi; set +o vi; shopt -po emacs vi

#### set -o shows kept options
set -o posix 2>/dev/null; set -o notify; set -o | grep -E '^(notify|posix|vi) '

#### shopt -s alone lists the options that are on
shopt -s | head -4; shopt -u | head -2

#### alias ending in a blank expands the next word
shopt -s expand_aliases
alias say='echo said ' word='WORD' other=OTHER
say word other
alias say='echo said'
say word

#### alias ending in a blank: words inside its own text are not checked
shopt -s expand_aliases
alias a1='A1 ' a2='A2 ' pr='echo a1 '
pr a2 a1 tail

#### alias ending in a blank: the same alias as the next word
shopt -s expand_aliases
v=val
alias twice='echo $v '
twice twice

#### alias chain builds a for loop
shopt -s expand_aliases
alias LOOP='for ' VAR='n ' IN='in ' ITEMS='a "b c" '
LOOP VAR IN ITEMS d; do echo "<$n>"; done

#### alias ending in a blank across a line continuation
shopt -s expand_aliases
alias p='printf "%s," ' x='X ' y=Y
p x \
  y \
  x; echo

#### alias whose value is only blanks
shopt -s expand_aliases
alias nothing=' ' hi='echo hi'
nothing hi

#### alias: a word after an alias without a trailing blank is not expanded
shopt -s expand_aliases
alias e='echo' z=ZED
e z

#### unalias without arguments is a usage error
unalias; echo status=$?

#### unalias with a bad option and -a
shopt -s expand_aliases
alias a=b c=d
unalias -x; echo status=$?
unalias -a; alias; echo status=$?
unalias a; echo status=$?

#### bash --help prints usage on stdout
bash --help | head -4; bash --help | tail -2; echo status=${PIPESTATUS[0]}

#### bash with an invalid long option
bash --no-such-option -c 'echo hi'; echo status=$?

#### bash with an invalid short option prints the full usage
bash -z -c 'echo hi'; echo status=$?

#### bash --rcfile and --init-file take a file name
bash --rcfile /dev/null -c 'echo "ran $0 $1"' name one; bash --init-file /dev/null --norc -c 'echo ok'

#### bash --rcfile without its argument
bash --rcfile; echo status=$?

#### bash -c passes $0 and arguments that look like flags
bash -c 'echo "$0|$*"' --help -x --help

#### bash -e, -u and -o on the command line
bash -e -c 'false; echo not reached'; echo e=$?
bash -u -c 'echo $nope; echo not reached' 2>/dev/null; echo u=$?
bash -o errexit -o noglob -c 'echo $-'; bash -oo errexit noglob -c 'echo $-'

#### set -a shows in $-
set -a; echo $-; set +a; echo $-

#### for loop with an invalid variable name is an error at run time
for i.j in a b; do echo never; done; echo status=$?
for 2 in a; do echo never; done; echo status=$?

#### for loop with an invalid name does not trigger set -e
set -e; for a-b in x; do :; done; echo survived $?

#### select with an invalid variable name
select x.y in a; do break; done < /dev/null; echo status=$?

#### function names with quotes or $ are rejected when defined
'f'() { echo q; }; echo status=$?
"g"() { :; }; echo status=$?
h\x() { :; }; echo status=$?
function k$x { :; }; echo status=$?
declare -F

#### an invalid function name stops set -e
set -e; n$x() { :; }; echo not reached

#### function names with dashes and dots are fine
f-x() { echo dash; }; a.b() { echo dot; }; f-x; a.b

#### prefix assignment on declare does not hide the declared variable
E=env declare v=var; echo "[$E] [$v]"
f() { T=tmp local w=loc; echo "[$T] [$w]"; }; f; echo "[$w]"

#### prefix assignment on local outside a function
E=1 local v=2; echo status=$?

#### prefix assignment on declare -a inside a function stays local
f() { E=env declare -a arr=(1 2); declare -p arr; }; f; declare -p arr 2>&1

#### break in a while condition ends that loop
while break; do echo never; done; echo status=$?
for i in 1 2; do
  echo i=$i
  while break; do echo never; done
done

#### continue N in a loop condition
for i in 1 2 3; do
  while continue 2; do echo never; done
  echo never
done
echo end

#### until condition with break
i=0
until [ $i -gt 2 ] && break; do i=$((i+1)); echo $i; done
echo status=$?

#### break inside a subshell in a loop reaches no loop
for i in 1 2; do
  ( if true; then continue; fi; echo "subshell goes on" )
  echo "after $?"
done

#### break with a non-numeric argument ends the shell with 128
trap 'echo exit trap' EXIT
for i in a b; do
  echo $i
  break nope
  echo not reached
done
echo not reached

#### break with a bad count in a subshell ends the subshell
( for i in a b; do break x; done; echo not reached ); echo "out $?"

#### continue with too many arguments ends the shell with 1
for i in a b c; do
  continue 1 2
  echo not reached
done
echo not reached

#### break 0 is out of range
for i in 1 2; do
  break 0
done
echo status=$?

#### continue with a negative count leaves every loop
for i in 1 2; do
  for j in a b; do
    echo $i$j
    continue -1
  done
done
echo status=$?

#### lastpipe: read at the end of a pipeline sets the variable here
shopt -s lastpipe
echo hi there | read a b; echo "a=$a b=$b"
shopt -u lastpipe
echo again | read c; echo "c=$c"

#### lastpipe: a while loop at the end keeps its counts
shopt -s lastpipe
n=0; printf '%s\n' x y z | while read l; do n=$((n+1)); done; echo n=$n

#### lastpipe: PIPESTATUS and pipefail
shopt -s lastpipe
yes | head -2 | { read a; read b; echo "$a$b"; }; echo "${PIPESTATUS[@]}"
set -o pipefail; false | true; echo "$? ${PIPESTATUS[*]}"

#### lastpipe: exit in the last stage ends the shell
shopt -s lastpipe
trap 'echo bye' EXIT
yes | exit 4
echo not reached

#### lastpipe: mapfile at the end of a pipeline
shopt -s lastpipe
printf 'a\nb\n' | mapfile -t arr; declare -p arr

#### 1>&file sends stdout and stderr to the file, like >&file
echo one 1>&out1.txt; echo status=$?; cat out1.txt
ls /nonexistent-dir 1>&out2.txt; cat out2.txt
f=out3.txt; echo three >&$f; cat out3.txt
rm -f out1.txt out2.txt out3.txt

#### 2>&file and 0>&file are ambiguous redirects
echo x 2>&out4.txt; echo status=$?
echo y 0>&out5.txt; echo status=$?
ls out4.txt out5.txt 2>&1 | wc -l

#### redirect to a descriptor that is not open
echo hi >&7; echo status=$?
fd=42; echo hi >&$fd; echo status=$?

#### wait: the last operand gives the status
sleep 0.1 & wait $! nope; echo status=$?
false & p=$!; wait nope $p; echo status=$?

#### wait -n with operands that name no job
wait -n nope; echo status=$?
wait -n %7; echo status=$?

#### for x; in ... is a syntax error
bash -c 'for i; in one two; do echo $i; done'; echo status=$?

#### for x with in or do on the next line
set -- p q
for i
in x y; do echo $i; done
for i;
do echo $i; done
for i
do echo $i; done

#### PATH as a prefix assignment is used to find the command
mkdir -p pbin1 pbin2
printf '#!/bin/sh\necho one\n' > pbin1/pathcmd; printf '#!/bin/sh\necho two\n' > pbin2/pathcmd
chmod +x pbin1/pathcmd pbin2/pathcmd
PATH="$PWD/pbin1:$PATH" pathcmd; PATH="$PWD/pbin2:$PATH" pathcmd
pathcmd 2>/dev/null; echo status=$?
rm -r pbin1 pbin2
