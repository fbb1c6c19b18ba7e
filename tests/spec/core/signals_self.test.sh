#### kill $$ as the script's last command ends the shell
bash -c 'echo before; kill $$'; echo status=$?

#### a nested shell killed by its own kill as its last command
bash -c 'kill $$'; echo status=$?

#### a nested shell killed by SIGTERM mid-script
bash -c 'kill $$; echo not reached'; echo status=$?

#### a trapped signal sent as the last command runs its trap
trap 'echo got USR1' USR1; kill -USR1 $$

#### a shell that exec'd a shell killed by SIGTERM is reported once
bash -c 'exec bash -c "kill \$\$"'; echo status=$?

#### the EXIT trap runs when a signal ends the shell, with the last command's $?
bash -c 'trap "echo bye \$?" EXIT; kill $$; echo not reached'; echo status=$?

#### the EXIT trap runs on SIGINT and SIGHUP deaths too
bash -c 'trap "echo bye" EXIT; kill -INT $$'; echo status=$?
{ bash -c 'trap "echo bye" EXIT; kill -HUP $$; echo no'; } 2>/dev/null; echo status=$?

#### exit in an EXIT trap of a killed shell does not change its status
bash -c 'trap "echo bye; exit 3" EXIT; kill $$'; echo status=$?

#### SIGKILL runs no EXIT trap
{ bash -c 'trap "echo bye" EXIT; kill -9 $$; echo no'; } 2>/dev/null; echo status=$?

#### a nested shell killed by SIGKILL or SIGHUP is reported, pid masked
{ bash -c 'kill -9 $$'; echo status=$?; bash -c 'kill -HUP $$'; echo status=$?; } 2>&1 | sed 's/ *[0-9]\{3,\} / PID /'

#### a nested shell killed by SIGUSR1 is reported
{ bash -c 'echo start; kill -USR1 $$; echo no'; echo status=$?; } 2>&1 | sed 's/ *[0-9]\{3,\} / PID /'
