#### DEBUG trap before simple commands, pipelines, loops, case, (( )) and [[ ]]
trap 'echo "D[$BASH_COMMAND]"' DEBUG
x=1
echo a | cat
for i in 1 2; do echo $i; done
case x in x) echo c;; esac
(( x++ ))
[[ -n x ]]
if true; then :; fi
while false; do :; done
{ echo g; }
trap - DEBUG
echo end

#### DEBUG trap: arithmetic for shows each part as its own (( ))
trap 'echo "D[$BASH_COMMAND]"' DEBUG
for ((i=0;i<2;i++)); do :; done
for (( i = 0 ; i < 1 ; i++ )); do :; done
for ((;;)); do break; done

#### DEBUG trap: for without in, word lists, select and case texts
trap 'echo "D[$BASH_COMMAND]"' DEBUG
x="1 2"
set -- a
for i in $x "a b"; do :; done
for i; do :; done
for i in; do :; done
case "$x" in (a) ;; esac
select s in a b; do break; done <<< 1 2>/dev/null

#### DEBUG trap is not inherited by functions, subshells or command substitutions
trap 'echo "D[$BASH_COMMAND]"' DEBUG
f() { echo inf; }
f
(echo sub)
echo $(echo cs)
{ echo x; echo y; } | cat
(echo sub) | cat

#### set -T: functions, subshells and command substitutions run the DEBUG trap
trap 'echo "D[$BASH_COMMAND]"' DEBUG
set -T
f() { echo inf; g; }
g() { echo ing; }
f
(echo sub2)
echo $(echo cs)
x=$(echo cs2)

#### declare -ft traces one function; -f +t stops it
trap 'echo "D[$BASH_COMMAND]"' DEBUG
f() { :; }
declare -ft f
f
declare -f +t f
f

#### a traced function in a pipeline stage still loses DEBUG in the child
trap 'echo $BASH_COMMAND' DEBUG; f() { :; }; declare -ft f; f; echo x | f

#### DEBUG trap: $LINENO is the line of the next command
trap 'echo "D $LINENO"' DEBUG
echo l
if
 true
then :; fi

#### DEBUG trap keeps $? and PIPESTATUS
trap 'true; echo trap' DEBUG
false
echo "status $?"
false | true
echo "${PIPESTATUS[@]}"

#### DEBUG trap runs inside ERR, signal and EXIT traps with their command
trap 'echo "D[$BASH_COMMAND]"' DEBUG
trap 'echo err; echo err2' ERR
trap 'echo usr; echo usr2' USR1
trap 'echo ex; echo ex2' EXIT
false
kill -USR1 $$
echo end

#### DEBUG trap in a background job runs in the shell
trap 'echo "D[$BASH_COMMAND]"' DEBUG
echo a > /dev/null &
wait
{ echo b > /dev/null; } &
wait

#### DEBUG trap: pipeline stages, !, && and ||
trap 'echo "D[$BASH_COMMAND]"' DEBUG
echo a | tr a-z A-Z
echo c > /dev/null | tr a-z A-Z
[[ x ]] | cat
(( 1 )) | cat
x=1 | cat
! true
true && false || echo or

#### DEBUG trap: return in the trap returns from a traced function
trap '[[ $BASH_COMMAND != *ret* ]] || return 7' DEBUG
f() { echo in f; echo ret now; echo after; }
f; echo "f=$?"
set -T
f; echo "f=$?"

#### DEBUG trap: return at top level is an error
trap '[[ $BASH_COMMAND != *ret* ]] || return 7' DEBUG
echo ret
echo "st $?"

#### extdebug: a DEBUG trap that fails skips the command
shopt -s extdebug
trap '[[ $BASH_COMMAND != *skip* ]]' DEBUG
echo skip me
echo keep
x=1; skip=2; echo "$x ${skip-unset}"
false; echo skip; echo "st $?"

#### extdebug: status 2 in a function returns from it
shopt -s extdebug
trap '[[ $BASH_COMMAND != *ret* ]] || cd -Z 2>/dev/null' DEBUG
f() { echo in f; echo ret now; echo after; }
f; echo "f=$?"
echo ret top; echo "top $?"

#### extdebug: return N in the DEBUG trap of a function
shopt -s extdebug
trap '[[ $BASH_COMMAND != *ret* ]] || return 2' DEBUG
f() { echo in f; echo ret now; echo after; }
f; echo "f=$?"
trap - DEBUG
g() { trap '[[ $BASH_COMMAND != *ret* ]] || return 5' DEBUG; echo ing; echo ret; echo after; }
g; echo "g=$?"

#### extdebug turns on functrace and errtrace
shopt -s extdebug; set -o | grep trace; echo $-; shopt -u extdebug; set -o | grep trace

#### set -E and set -T show in $- and set +o
set -ET; echo $-; set +o | grep trace; set +ET; echo $-

#### trap -p DEBUG lists it; a function does not see it
trap 'echo d' DEBUG
trap -p DEBUG
f() { trap -p; echo "in f"; }
f
trap - DEBUG
trap -p DEBUG; echo "st $?"

#### a DEBUG trap set in a function stays after it returns
f() { trap 'echo "D[$BASH_COMMAND]"' DEBUG; echo inf; }
f
echo after

#### RETURN trap runs for traced functions and sourced files
printf 'echo in sourced\nreturn 3\necho no\n' > src.sh
trap 'echo RET $? $FUNCNAME $BASH_COMMAND' RETURN
f() { echo in f; return 4; }
f; echo "f=$?"
g() { f; echo ing; }
g
. ./src.sh; echo "src $?"
set -T
g
trap -p RETURN

#### RETURN trap set inside a function applies to it and stays
f() { false; }
h() { trap 'echo hret $? ${FUNCNAME[0]}' RETURN; echo inh; }
h; echo after h $?
f; echo "f $?"
h
declare -ft f
f
trap - RETURN
g() { trap 'echo gret' RETURN; f; echo ing; }
g
trap -p

#### RETURN trap: $? is the status before return, locals are visible
trap 'echo "ret: $? [$v]"' RETURN
set -T
f() { local v=inner; false; return 9; }
f; echo "f=$?"

#### RETURN trap: sourced file inside an untraced function
printf 'echo s1\necho s2\n' > s2.sh
trap 'echo R' RETURN
f() { . ./s2.sh; echo inf; }
f
echo ==
set -T
f

#### DEBUG trap in a sourced file needs set -T; eval runs it
printf 'echo s1\necho s2\n' > s2.sh
trap 'echo "D[$BASH_COMMAND]"' DEBUG
source s2.sh
set -T
. s2.sh
eval "echo e1; echo e2"

#### ERR trap is not inherited without set -E
trap 'echo err $LINENO' ERR
f() { false; echo in f; }
f
(false)
x=$(false)
echo done

#### set -E: functions, subshells and command substitutions inherit ERR
set -E
trap 'echo err $LINENO' ERR
f() { false; echo in f; }
f
(false)
x=$(false)
echo done

#### an ERR trap set in a function stays after it returns
trap 'echo E $LINENO' ERR
f() { trap 'echo FE' ERR; false; }
f
false
g() { false; }
g

#### subshells list the parent's traps until they set their own
trap 'echo x' INT; trap 'echo e' EXIT; trap 'echo r' ERR
(trap -p)
echo $(trap -p)
(trap - INT; trap -p)
(trap 'echo s' USR1; trap -p)

#### an ignored signal stays ignored in a subshell
trap '' USR1
(trap -p)
(trap 'echo x' INT; trap -p)

#### coproc: write to it, read its answer, close its input, wait
coproc cat
echo hello >&${COPROC[1]}
read -r line <&${COPROC[0]}
echo "got $line"
echo ${#COPROC[@]} ${COPROC_PID:+pid}
exec {COPROC[1]}>&-
wait $COPROC_PID
echo "st $?"
declare -p COPROC

#### coproc NAME with a compound command sees EOF when its input closes
coproc UP { tr a-z A-Z; }
echo abc >&${UP[1]}
exec {UP[1]}>&-
cat <&${UP[0]}
wait $UP_PID
echo "st $?"
echo "[${UP[@]}]"
declare -p UP UP_PID

#### coproc: descriptors from 63 down, and the warning for a second one
{ coproc A { sleep 0.3; }; coproc B { sleep 0.2; }; echo ${A[@]} ${B[@]}; wait; } 2>&1 | sed 's/\[[0-9]*:/[PID:/'

#### coproc: declare -p and jobs
coproc sleep 0.3
declare -p COPROC COPROC_PID | sed 's/[0-9][0-9][0-9]*"/N"/'
jobs
wait

#### coproc: jobs shows named compound coprocesses
{ coproc N2 { sleep 0.2; }; coproc N3 (sleep 0.1); jobs; wait; } 2>&1 | sed 's/\[[0-9]*:/[PID:/'

#### coproc: wait PID gives its status
# It must still be running when wait starts: bash's status for a coprocess
# reaped before the wait is 0 or 3 depending on timing.
coproc { sleep 0.2; exit 3; }
wait $COPROC_PID
echo $?
echo "${COPROC[@]}-"

#### coproc: a request/answer loop
coproc { while read x; do echo $((x*2)); done; }
for i in 1 2 3; do echo $i >&${COPROC[1]}; read y <&${COPROC[0]}; echo $y; done
eval "exec ${COPROC[1]}>&-"
wait
echo "[${COPROC[*]}]"

#### coproc: $! is its pid
coproc sleep 0.1
[ "$!" = "$COPROC_PID" ] && echo same
wait

#### coproc started in a function is global
f() { coproc W { read l; echo "w:$l"; }; }
f
echo hi >&${W[1]}
read r <&${W[0]}
echo "$r"
wait

#### coproc: its redirections apply to it
coproc X { echo out; echo err >&2; } 2>/dev/null
read l <&${X[0]}
echo $l
wait

#### coproc: the shell's stdout sent to it
coproc cat
exec 5>&1 >&${COPROC[1]}
echo through
exec >&5 {COPROC[1]}>&-
read l <&${COPROC[0]}
echo "back: $l"
wait

#### {name[index]} redirections allocate and close array elements
exec {fds[2]}>/dev/null
echo "${fds[2]}"
echo hi >&${fds[2]}
exec {fds[2]}>&-
echo hi >&${fds[2]}

#### redirections name a bad descriptor or an empty word as written
x=57
echo hi >&$x
echo hi >&"$x"
echo >&${nope[0]}
echo >&""
cat <&$nope
echo "st $?"

#### set -v echoes each line as it is read, not the line that turned it on
set -v
echo a; echo b
x=1 # comment
if true; then
  echo c
fi
f() {
 echo d
}
f
cat <<EOF
hd
EOF
set +v
echo end

#### set -v in the middle of a line starts with the next line
set -v; echo a
echo b

#### set -o verbose: eval strings and sourced files are echoed
set -o verbose; echo $-
eval "echo ev"
printf 'set -v\necho x\n\n# c\necho y' > s.sh
source ./s.sh

#### set -v echoes trap actions when they run, and trailing comments
set -v; trap "echo t" EXIT
trap "echo u" USR1
kill -USR1 $$
f() { echo inf; }
f
echo "${x}" # trailing
# final comment

#### set -v: the line with a syntax error is echoed first
set -v
echo (

#### set -v: unexpected end of file
set -v
if true; then
  echo c

#### bash -v and bash -o verbose
bash -v -c 'echo a
echo b'
printf 'echo x\n' > v.sh
bash -v v.sh
bash -o verbose v.sh

#### a job killed by a signal is reported after the next command that is not a builtin
{ sleep 5 & kill -9 $!; sleep 0.2; echo done; sleep 0.1 & wait; } 2>&1 | sed 's/ *[0-9]\{3,\} / PID /'

#### a job's signal death is reported once, and wait still gives its status
{ sleep 5 & p=$!; kill -USR1 $p; sleep 0.2; echo a; wait $p; echo $?; } 2>&1 | sed 's/ *[0-9]\{3,\} / PID /'

#### SIGTERM deaths are not reported
sleep 5 & kill -TERM $!; sleep 0.2; echo a; wait $!; echo $?

#### wait after a process substitution
cat <(echo x); wait; echo "st $?"; cmp <(seq 3) <(seq 3) && echo same
