#### $! and wait PID give the job's status
(exit 7) & pid=$!; wait $pid; echo "status $?"; [ "$pid" = "$!" ] && echo same

#### wait with no arguments returns 0 after every job
(exit 3) & (exit 4) & wait; echo "status $?"

#### wait -n returns the first job to finish
sleep 0.3 & (exit 5) & wait -n; echo "status $?"; wait

#### wait -n with no jobs
wait -n; echo "status $?"

#### wait -n -p names the job that finished
(exit 6) & p=$!; wait -n -p who; echo "status $? $([ "$who" = "$p" ] && echo same)"

#### wait %N waits for a job by number
(exit 9) & wait %1; echo "status $?"

#### wait on a pid that is not a child
wait 99999; echo "status $?"

#### wait on something that is not a pid
wait abc; echo "status $?"

#### wait on a job spec that does not exist
wait %4; echo "status $?"

#### a job's status is remembered after it leaves the table
(exit 12) & p=$!; sleep 0.2; sleep 0.1 & wait $p; echo "status $?"; wait

#### jobs lists running jobs with + and -
sleep 1 & sleep 1 & jobs; kill %1 %2; wait

#### jobs -l shows the pid
sleep 1 & jobs -l | sed -E "s/ +$! / PID /"; kill $!; wait

#### jobs -p prints pids
sleep 1 & p=$!; [ "$(jobs -p)" = "$p" ] && echo same; kill $p; wait

#### jobs shows a pipeline the way it was typed
sleep 1 | cat & jobs; kill %1; wait

#### a finished job leaves jobs silently
true & sleep 0.2; jobs; echo "[$?]"

#### job numbers are reused once the table is empty
true & sleep 0.2; sleep 1 & jobs; kill %1; wait

#### jobs %N of a missing job
jobs %3; echo "status $?"

#### jobs with a bad option
jobs -z; echo "status $?"

#### kill ends a background job with 128+15
sleep 5 & kill $!; wait $!; echo "status $?"

#### kill -9 gives 137 and bash reports it
{ sleep 5 & kill -9 $!; wait $!; echo "status $?"; } 2>&1 | sed -E 's/ +[0-9]+ Killed/ PID Killed/'

#### background jobs ignore SIGINT and SIGQUIT
sleep 0.4 & sleep 0.1; kill -s INT $!; kill -QUIT $!; wait $!; echo "status $?"

#### kill -s HUP and -HUP and -SIGHUP
{ sleep 5 & kill -s HUP $!; wait $!; echo "a $?"; sleep 5 & kill -HUP $!; wait $!; echo "b $?"; sleep 5 & kill -SIGHUP $!; wait $!; echo "c $?"; } 2>&1 | sed -E 's/ +[0-9]+ Hangup/ PID Hangup/'

#### kill -n 10 and kill -USR2
{ sleep 5 & kill -n 10 $!; wait $!; echo "a $?"; sleep 5 & kill -USR2 $!; wait $!; echo "b $?"; } 2>&1 | sed -E 's/ +[0-9]+ User/ PID User/'

#### kill %1 by job spec
sleep 5 & kill %1; wait %1; echo "status $?"

#### kill %% and %+ name the current job
sleep 5 & sleep 5 & kill %% ; wait $!; echo "a $?"; kill %+; wait; echo "b $?"

#### kill by command prefix
sleep 5 & kill %sleep; wait; echo "status $?"

#### kill -0 probes a job
sleep 1 & kill -0 $! && echo alive; kill $!; wait

#### kill on a missing pid
kill 99999; echo "status $?"

#### kill on a missing job
kill %1; echo "status $?"

#### kill with no pid prints the usage
kill; echo "status $?"; kill -9; echo "status $?"

#### kill with a bad signal
kill -FOO 1; echo "status $?"; kill -s BAR 1; echo "status $?"

#### kill with a non-numeric argument
kill abc; echo "status $?"

#### kill -s without a signal
kill -s; echo "status $?"

#### kill -l lists every signal
kill -l

#### kill -l converts between names and numbers
kill -l 15 9 SIGKILL kill 143 USR1

#### kill -l with a bad number
kill -l 99; echo "status $?"

#### kill CONT and CHLD do not end a job
sleep 0.3 & kill -CONT $!; kill -CHLD $!; wait $!; echo "status $?"

#### kill $$ ends the shell with 143
bash -c 'echo before; kill $$; echo after'; echo "status $?"

#### kill -USR1 $$ ends the shell with 138 when untrapped
{ bash -c 'kill -USR1 $$; echo after'; echo "status $?"; } 2>/dev/null

#### kill from a job ends the shell that started it
{ bash -c '(sleep 0.1; kill -HUP $$) & sleep 3; echo after'; echo "status $?"; } 2>/dev/null

#### a trapped signal runs its trap after the kill
trap 'echo got USR1' USR1; kill -USR1 $$; echo after; kill -s USR1 $$; echo end

#### a trap for TERM keeps the shell alive
trap 'echo caught TERM' TERM; kill $$; echo still here

#### an ignored signal does nothing
trap '' USR2; kill -USR2 $$; echo still here

#### a job signals the shell and wait returns early
trap 'echo trapped' USR1; (sleep 0.2; kill -USR1 $$) & sleep 5 & wait $!; echo "wait $?"; kill %2 2>/dev/null; wait

#### the trap runs with $? preserved
trap 'echo in trap $?' USR1; false; kill -USR1 $$; echo "after $?"

#### trap - restores the default
{ bash -c 'trap "echo x" USR1; trap - USR1; kill -USR1 $$; echo after'; echo "status $?"; } 2>/dev/null

#### $(jobs) and jobs | cat list the shell's jobs, (jobs) and { jobs; } | cat do not
sleep 1 & (jobs); echo ---; echo "$(jobs)"; echo ---; jobs | cat; echo ---; { jobs; } | cat; kill %1; wait

#### wait in a subshell does not wait for the parent's jobs
sleep 0.3 & ( wait $!; echo "status $?" ) 2>&1 | sed -E 's/pid [0-9]+/pid PID/'; wait

#### kill 0 reaches every process of the session
# Not differential: under the host's bash, kill 0 would reach the test runner.
sleep 5 & kill 0; echo after
## stdout-n:
## status: 143

#### disown removes a job from the table
sleep 0.3 & disown; jobs; wait $!; echo "status $?"

#### disown -a and disown of nothing
disown; echo "status $?"; sleep 0.2 & sleep 0.2 & disown -a; jobs; echo done

#### disown a missing job
disown %2; echo "status $?"

#### fg, bg and suspend without job control
fg; echo "status $?"; bg; echo "status $?"; suspend; echo "status $?"

#### trap -p lists in bash's order
trap 'echo e' ERR; trap 'echo x' EXIT; trap 'echo t' TERM; trap 'echo i' INT; trap '' USR1; trap -p

#### trap -p for one signal
trap 'echo i' INT; trap -p INT; trap -p sigint 2; trap -p HUP; echo "status $?"

#### trap accepts numbers, lower case and the SIG prefix
trap 'echo a' 2 sigterm SIGHUP usr1; trap; trap 2; trap -p

#### trap with one argument resets it
trap 'echo a' INT; trap INT; trap -p; echo "status $?"

#### trap -l prints the table
trap -l

#### trap with a bad signal
trap 'echo' FOO; echo "status $?"; trap 'echo' 99; echo "status $?"

#### trap usage errors
trap ''; echo "status $?"; trap -z; echo "status $?"

#### trap 0 resets EXIT
trap 'echo bye' EXIT; trap 0; echo end

#### trap on EXIT given as 0
trap 'echo bye' 0; echo end

#### $BASHPID differs in a job and $$ does not
p=$$; ( [ "$$" = "$p" ] && echo same-pid; [ "$BASHPID" != "$p" ] && echo new-bashpid ) & wait

#### ps lists the shell, its jobs and itself
# Not differential: the host's ps sees the host's processes.
sleep 1 & ps | sed -E 's/^ +[0-9]+ /PID /' | sort -u; kill %1; wait
## stdout:
    PID TTY          TIME CMD
PID pts/0    00:00:00 bash
PID pts/0    00:00:00 ps
PID pts/0    00:00:00 sleep
## end

#### ps -f shows parents and command lines
sleep 1 & ps -f -p $! | awk 'NR > 1 {print $1, $8, $9, ($3 == '$$') ? "child" : "other"}'; kill %1; wait
## stdout:
user sleep 1 child
## end

#### ps -o with headers renamed and removed
ps -o pid=ID,comm= -p $$ | sed -E 's/[0-9]+/N/'
## stdout:
     ID
   N bash
## end

#### ps with an unknown format
ps -o nope; echo "status $?"
## stdout:
status 1
## end
## stderr:
error: unknown user-defined format specifier "nope"

Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
## end

#### $BASH_COMMAND in ERR and EXIT traps names the failing command
trap 'echo "err: $BASH_COMMAND"' ERR; false; ls /nope 2>/dev/null; x=$(false); trap 'echo "exit: $BASH_COMMAND"' EXIT; [[ 1 == 2 ]]; (( 0 ))

#### $BASH_COMMAND outside traps is the running command
echo "$BASH_COMMAND"; f() { echo "in f: $BASH_COMMAND"; }; f a "b c"; eval 'echo $BASH_COMMAND'; for i in 1; do echo $BASH_COMMAND; done

#### $BASH_COMMAND in a signal trap and a command substitution
trap 'echo "usr: $BASH_COMMAND"' USR1; kill -USR1 $$; echo $(echo $BASH_COMMAND)
