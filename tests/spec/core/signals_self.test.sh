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
