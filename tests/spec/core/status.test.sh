#### command not found
nosuchcommand; echo "status $?"

#### command not found message with arguments
nosuchcommand a b 2>&1; echo $?

#### not executable file
touch plain; ./plain; echo "status $?"

#### executing a directory
./dir; echo "status $?"

#### missing path command
./missing.sh; echo "status $?"

#### exit with status
(exit 42); echo $?

#### exit status wraps at 256
(exit 257); echo $?

#### exit with invalid argument
(exit abc); echo $?

#### set -e stops at first failure
set -e; echo a; false; echo b

#### set -e ignores conditions
set -e; if false; then :; fi; false || true; ! false; while false; do :; done; echo survived

#### set -e ignores all but the last of an and list
set -e; false && true; echo after; true && false; echo not reached

#### set -e in a subshell
set -e; (false; echo inner); echo "status $?"

#### set -e does not apply in command substitution context of if
set -e; x=$(false; echo still); echo "x=$x"

#### set -e with a failing function
set -e; f() { false; echo in-f; }; f; echo after

#### set -u errors on unset variable
set -u; echo "$nosuch"; echo not reached

#### set -u allows defaults
set -u; echo "${nosuch:-ok}"

#### set -u with positional parameters
set -u; set -- a; echo $1; echo $2

#### set -u allows dollar at with no parameters
set -u; set --; echo "[$@]" "$#"

#### last status after assignment only
false; x=1; echo $?

#### status of command substitution in assignment
x=$(exit 7); echo $?

#### true and false
true; echo $?; false; echo $?

#### colon builtin
: ignored args; echo $?

#### status of a pipeline negated twice
! ! false; echo $?

#### errexit via set -o
set -o errexit; false; echo no

#### set +e turns errexit off
set -e; set +e; false; echo yes

#### return status of a case without match after failure
false; case x in y) ;; esac; echo $?

#### exit trap runs on exit
trap 'echo bye' EXIT; echo hi; exit 3

#### exit trap sees status
trap 'echo "exiting with $?"' EXIT; false
