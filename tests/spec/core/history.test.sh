# The history and fc builtins, logout, and the interactive shell (bash -i
# reading commands from stdin). Interactive cases filter out the two job
# control lines a bash without a terminal prints at start.

#### history is empty and off in a script
history; echo "status=$?"
set -o | grep -w history

#### history -s stores an entry, history lists it numbered
history -s echo one
history -s 'echo two'
history

#### history N lists the last N entries
history -s a; history -s b; history -s c
history 2
history 0; echo "status=$?"

#### history with a non-number
history -s a
history x; echo "status=$?"

#### history with too many arguments abandons the line
history 1 2; echo "status=$?"
echo next

#### history with an invalid option
history -z; echo "status=$?"

#### history -d deletes by number and from the end
history -s a; history -s b; history -s c; history -s d
history -d 2
history -d -1
history

#### history -d range
history -s a; history -s b; history -s c; history -s d
history -d 2-3
history

#### history -d out of range
history -s a
history -d 5; echo "status=$?"
history -d 0; echo "status=$?"
history -d x; echo "status=$?"
history -d -9; echo "status=$?"

#### history -d without an argument
history -d; echo "status=$?"

#### history -c clears
history -s a; history -s b
history -c
history; echo "status=$?"
history -s c
history

#### history -r reads a file, twice
printf 'cmd %s\n' 1 2 3 > hf
HISTFILE=hf
history -r
history -r
history

#### history -r with a file name
printf 'x\ny\n' > other
history -r other
history

#### history -r of a missing file fails quietly
history -r /nonexistent/file; echo "status=$?"

#### history -w writes the list
history -s one; history -s two
history -w out
cat out

#### history -w to HISTFILE replaces the file
echo old > hf
HISTFILE=hf
history -s new
history -w
cat hf

#### history -a appends new entries
echo first > hf
HISTFILE=hf
history -s second
history -a
history -a
cat hf

#### history -n reads only lines not yet read
printf 'a\nb\n' > h1
cp h1 h2; printf 'c\nd\n' >> h2
HISTFILE=h1 history -r
HISTFILE=h2 history -n
history

#### history -a -w together
history -a -w; echo "status=$?"

#### history file operation without HISTFILE
unset HISTFILE
history -a; echo "status=$?"
history -r; echo "status=$?"

#### timestamps in a history file are not entries
printf '#1700000000\necho a\n#1700000001\necho b\n' > hf
history -r hf
history

#### HISTSIZE trims the list and numbering goes on
printf 'c%s\n' 1 2 3 4 5 6 > hf
history -r hf
HISTSIZE=3
history
history -s c7
history

#### HISTSIZE=0 empties the list
history -s a
HISTSIZE=0
history; echo "status=$?"

#### HISTFILESIZE truncates the history file when assigned
printf 'c%s\n' 1 2 3 4 5 6 > hf
HISTFILE=hf
HISTFILESIZE=2
cat hf

#### history -p prints its arguments
history -p a 'b c'; echo "status=$?"
history -p; echo "status=$?"

#### fc -l with no history
fc -l; echo "status=$?"

#### fc -l lists entries in a script
history -s 'echo a'; history -s 'echo b'; history -s 'echo c'
fc -l
fc -ln
fc -lr

#### fc -l with first and last
for i in 1 2 3 4 5; do history -s "echo $i"; done
fc -l 2 4
fc -l 4 2
fc -lr 2 4
fc -l -2
fc -l 3

#### fc -l with a prefix
history -s 'ls x'; history -s 'echo y'; history -s 'cat z'
fc -l ec
fc -l nomatch; echo "status=$?"

#### fc -l lists at most 16 entries by default
for i in $(seq 20); do history -s "echo $i"; done
fc -l

#### fc with an invalid option
fc -z; echo "status=$?"

#### fc -s with no history
fc -s; echo "status=$?"

#### fc -s re-runs with a substitution
history -s 'echo one two'
fc -s one=uno
fc -e - two=dos
history

#### fc -e runs the editor, then the commands
history -s 'echo edited'
fc -e true; echo "status=$?"
history -s 'echo a'; history -s 'echo b'
fc -e cat 1 2

#### fc -e with a failing editor runs nothing
history -s 'echo never'
fc -e false; echo "status=$?"

#### fc -e with an editor that changes the command
history -s 'echo before'
printf '#!/bin/bash\necho "echo after" > "$1"\n' > ed.sh; chmod +x ed.sh
fc -e ./ed.sh; echo "status=$?"

#### logout in a non-login shell
logout; echo "status=$?"

#### set -o history can be turned on and off
set -o history; set -o | grep -w history
set +o history; set -o | grep -w history

#### shopt histappend toggles
shopt -s histappend; shopt -p histappend
shopt -u histappend; shopt -p histappend

#### bash -i runs commands from stdin, prompts on stderr
printf 'echo one\necho two\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'
echo "status=${PIPESTATUS[1]}"

#### bash -i echoes what it reads after the prompt
printf 'echo one\nfor i in 1 2; do\necho $i\ndone\n' | PS1='$ ' HISTFILE=/dev/null bash --norc -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i with PS1 and PS2
printf 'PS1="my\\$ "; PS2="more> "\nif true\nthen echo yes\nfi\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i prompt escapes
printf 'PS1="[\\\\s \\\\v \\\\\\\\ x]"\necho hi\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i prompt expands variables
printf 'X=abc; PS1="<$X>"\nPS1='"'"'<$X>'"'"'\nX=def\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i errors do not end it
printf 'cd /nonexistent\necho $((1/0))\nfoo )\nf() { return 3; }; f\necho "st=$?"\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i exit status and message
printf 'echo a\nexit 7\necho b\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'
echo "status=${PIPESTATUS[1]}"

#### bash -i ends with the last status at end of input
printf '(exit 4)\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null
echo "status=$?"

#### bash -i runs PROMPT_COMMAND before each prompt
printf 'PROMPT_COMMAND="echo P \\$?"\n(exit 3)\necho x\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null

#### bash -i PROMPT_COMMAND as an array
printf 'PROMPT_COMMAND=("echo A" "echo B")\necho x\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null

#### bash -i $- has i
echo 'case $- in *i*) echo interactive;; esac' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null
bash -c 'case $- in *i*) echo interactive;; *) echo not;; esac'

#### bash -i records history and lists it
printf 'echo a\n\necho b\nhistory\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null

#### bash -i joins a multi-line command in one history entry
printf 'for i in 1; do\necho $i\ndone\nif true; then\necho y\nfi\nhistory\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null

#### bash -i loads HISTFILE and writes it back
echo 'echo old' > myhist
printf 'echo new\nhistory\n' | HISTFILE=myhist bash --norc --noediting -i 2>/dev/null
echo --
cat myhist

#### bash -i history -a then exit
echo 'echo old' > myhist
printf 'history -a\necho 2\n' | HISTFILE=myhist bash --norc --noediting -i 2>/dev/null
echo --
cat myhist

#### bash -i history -c then history -a
rm -f myhist
printf 'history -c\nHISTFILE=myhist\necho 1\nhistory -a\ncat myhist\n' | bash --norc --noediting -i 2>/dev/null

#### bash -i set +o history stops recording
printf 'set +o history\necho hidden\nset -o history\necho shown\n' | HISTFILE=myhist bash --norc --noediting -i 2>/dev/null
cat myhist

#### bash -i HISTCONTROL ignoreboth
printf 'HISTCONTROL=ignoreboth\necho a\necho a\n echo secret\nhistory\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null

#### bash -i fc -l leaves out itself
printf 'echo a\necho b\nfc -l\nfc -l -1\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null

#### bash -i fc -s replaces its own entry
printf 'echo one\nfc -s one=uno\nhistory\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i history -s replaces its own entry
printf 'history -s foo bar\nhistory\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null

#### bash -i history -d -1 deletes itself
printf 'echo a\nhistory -d -1\nhistory\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null

#### bash -i HISTSIZE from the environment limits the file
printf 'c%s\n' 1 2 3 4 5 > myhist
printf 'echo x\n' | HISTSIZE=3 HISTFILE=myhist bash --norc --noediting -i 2>/dev/null
cat myhist

#### bash -i without histappend overwrites when the session outgrew the list
printf 'orig%s\n' 1 2 3 > myhist
printf 'HISTSIZE=2\necho 1\necho 2\necho 3\n' | HISTFILE=myhist bash --norc --noediting -i 2>/dev/null
cat myhist

#### bash -i with histappend appends
printf 'orig%s\n' 1 2 3 > myhist
printf 'HISTSIZE=2\nshopt -s histappend\necho 1\necho 2\n' | HISTFILE=myhist bash --norc --noediting -i 2>/dev/null
cat myhist

#### bash --rcfile runs the file first
echo 'echo rc; X=1' > rc
echo 'echo X=$X' | HISTFILE=/dev/null bash --rcfile rc --noediting -i 2>/dev/null
bash --rcfile rc -i -c 'echo c X=$X' 2>/dev/null

#### bash --rcfile that exits
printf 'echo one\nexit 42\necho two\n' > rc
bash --rcfile rc -i -c 'echo hello' 2>/dev/null
echo "status=$?"

#### bash --rcfile with a syntax error goes on
printf 'echo RC; ( echo\n' > rc
bash --rcfile rc -i -c 'echo flag' 2>/dev/null
echo "status=$?"

#### bash --norc skips the rc file
echo 'echo rc' > rc
bash --norc --rcfile rc -i -c 'echo c' 2>/dev/null

#### bash -i -c keeps going after a fatal error on another line
bash --norc -i -c 'echo $(( 1 / 0 ))
echo one
exit 42' 2>/dev/null
echo "status=$?"

#### bash -i -c has a default HISTFILE
bash --norc -i -c 'case $HISTFILE in *_history) echo ok;; esac' 2>/dev/null

#### bash -i EXIT trap runs at end of input
printf 'trap "echo bye" EXIT\necho hi\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null

#### bash -i read takes the next input line
printf 'read x\nhello\necho got=$x\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null

#### bash -i expands aliases
printf 'alias hi="echo hello"\nhi there\n' | HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null

#### bash -i logout says to use exit
printf 'logout\necho "status=$?"\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i unfinished command at end of input
printf 'echo a\nif true; then\necho b\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i quoted newline is kept in the history entry
printf 'echo "a\nb"\nhistory\n' | HISTFILE=/dev/null bash --norc --noediting -i 2>/dev/null

#### bash -i with a script file runs the file
printf 'echo from file\ncase $- in *i*) echo i;; esac\n' > s.sh
echo 'echo from stdin' | bash --norc -i s.sh 2>/dev/null

#### bash -i -c says there is no job control
bash --norc -i -c 'echo hi; exit 3' 2>&1 | grep -c -e 'job control' -e 'terminal process group'
