# The call stack (FUNCNAME, BASH_SOURCE, BASH_LINENO, caller), BASH_ARGV and
# BASH_ARGC under extdebug, declare -F under extdebug, prompt escapes, and
# history expansion. All cases are compared with the host's bash.

#### FUNCNAME BASH_SOURCE BASH_LINENO at the top level of -c
echo "[${FUNCNAME[*]}] [${BASH_SOURCE[*]}] [${BASH_LINENO[*]}] ${#FUNCNAME[@]} ${#BASH_SOURCE[@]} ${#BASH_LINENO[@]}"

#### a function in -c reports the file "environment"
f() { echo "${FUNCNAME[*]}|${BASH_SOURCE[*]}|${BASH_LINENO[*]}"; }
f

#### source pushes a frame named source
printf '%s\n' 'echo "in: ${FUNCNAME[*]}|${BASH_SOURCE[*]}|${BASH_LINENO[*]}"' > s1.sh
f() { . ./s1.sh; }
f
source ./s1.sh

#### sourced at the top level, FUNCNAME stays empty but BASH_SOURCE grows
printf '%s\n' 'echo "${#FUNCNAME[@]} ${BASH_SOURCE[*]} ${BASH_LINENO[*]}"' > s1.sh
echo x
. ./s1.sh

#### a function defined in a sourced file reports that file
printf '%s\n' 'lib() {' '  echo "${FUNCNAME[*]}|${BASH_SOURCE[*]}|${BASH_LINENO[*]}"' '}' > lib.sh
. ./lib.sh
lib
g() { lib; }
g

#### a script: main at the bottom, the script's name, line 0
printf '%s\n' 'echo "top: [${FUNCNAME[*]}] ${BASH_SOURCE[*]} ${BASH_LINENO[*]}"' 'f() { echo "f: ${FUNCNAME[*]}|${BASH_SOURCE[*]}|${BASH_LINENO[*]}"; }' 'f' > script.sh
bash script.sh

#### a script sourcing a library from a function
printf '%s\n' 'libf() { echo "libf: ${FUNCNAME[*]}|${BASH_SOURCE[*]}|${BASH_LINENO[*]}"; caller; caller 0; caller 1; caller 2; echo "c=$?"; }' 'echo "lib: ${FUNCNAME[*]}|${BASH_SOURCE[*]}|${BASH_LINENO[*]}"' 'libf' > lib.sh
printf '%s\n' 'f() { source ./lib.sh; }' 'f' 'libf' > main.sh
bash main.sh

#### caller inside a sourced file at the top level
printf '%s\n' 'caller; echo "rc=$?"; caller 0; echo "rc=$?"' > s1.sh
. ./s1.sh
printf '%s\n' '. ./s1.sh' > main.sh
bash main.sh

#### functions read from stdin report the file main
echo 'f() { echo "${FUNCNAME[*]}|${BASH_SOURCE[*]}|${BASH_LINENO[*]}"; caller 0; echo "rc=$?"; }; f' | bash

#### declare -p of the call-stack arrays at the top level
declare -p FUNCNAME BASH_SOURCE BASH_LINENO

#### declare -p of the call-stack arrays in a function
f() { declare -p FUNCNAME BASH_SOURCE BASH_LINENO; }
f

#### scalar FUNCNAME and BASH_LINENO are element 0
f() { echo "$FUNCNAME $BASH_LINENO $BASH_SOURCE ${!FUNCNAME[@]}"; }
f

#### FUNCNAME under set -u at the top level
set -u
echo "${FUNCNAME-unset}"
echo "$FUNCNAME"
echo not reached

#### assigning FUNCNAME does nothing
FUNCNAME=x
echo "[$FUNCNAME]"
f() { echo "$FUNCNAME"; }
f

#### return from a sourced file in a function
printf 'return 3\necho no\n' > r.sh
f() { . ./r.sh; echo "st=$? ${FUNCNAME[*]}"; }
f
. ./r.sh
echo "st=$? ${BASH_SOURCE[*]}"

#### errors inside a function name its file
f() { cd /nonexistent; }
f
cd /nonexistent2

#### errors inside a sourced file name it
printf '%s\n' 'echo ${x?oops}' > e.sh
. ./e.sh
echo after

#### errors in a function from a library name the library
printf 'g() { cd /nope; }\n' > lib2.sh
printf '. ./lib2.sh\ng\ncd /x\n' > m.sh
bash m.sh

#### BASH_ARGV without extdebug at the top level of -c
bash -c 'echo "${BASH_ARGV[*]}|${BASH_ARGC[*]}"' zero one two

#### BASH_ARGV takes the positional parameters when first referred to
bash -c 'set -- a b c; echo "${BASH_ARGV[*]}|${BASH_ARGC[*]}"; set -- x; echo "${BASH_ARGV[*]}|${BASH_ARGC[*]}"' zero one two

#### BASH_ARGV inside a function without extdebug
bash -c 'f() { echo "${BASH_ARGC[*]}|${BASH_ARGV[*]}"; }; f p q; set -- r; echo "${BASH_ARGC[*]}|${BASH_ARGV[*]}"' zero one

#### extdebug pushes each function's arguments
bash -c 'shopt -s extdebug; g() { echo "${BASH_ARGV[*]}|${BASH_ARGC[*]}"; h x y; }; h() { echo "${BASH_ARGV[*]}|${BASH_ARGC[*]}"; }; g a b c; echo "${BASH_ARGV[*]}|${BASH_ARGC[*]}"' zero 1 2

#### shopt -s extdebug takes the positional parameters of that moment
bash -c 'set -- a; shopt -s extdebug; set -- b c; f() { echo "${BASH_ARGC[*]}|${BASH_ARGV[*]}"; }; f z' zero 1

#### extdebug off again: frames no longer push
bash -c 'set -- a; shopt -s extdebug; shopt -u extdebug; f() { echo "${BASH_ARGC[*]}|${BASH_ARGV[*]}"; }; f z' zero 1

#### extdebug without arguments: a zero count
shopt -s extdebug
f() { echo "${BASH_ARGC[*]}|${BASH_ARGV[*]}"; }
f a
f

#### source pushes its arguments or its name under extdebug
printf '%s\n' 'echo "s: ${BASH_ARGC[*]}|${BASH_ARGV[*]}"' > s.sh
bash -c 'source ./s.sh k l; shopt -s extdebug; source ./s.sh m n; source ./s.sh; echo "${BASH_ARGC[*]}|${BASH_ARGV[*]}"' zero 1

#### BASH_ARGV in subshells and command substitutions
shopt -s extdebug
f() { echo "${BASH_ARGV[@]}"; }
(f a); echo "$(f b)"; f c | cat

#### shift and set -- inside a function leave BASH_ARGV alone
shopt -s extdebug
f() { echo "${BASH_ARGV[@]}"; shift; echo "${BASH_ARGV[@]}"; set -- z; echo "${BASH_ARGV[@]}"; }
f a b

#### declare -p BASH_ARGV BASH_ARGC
bash -c 'declare -p BASH_ARGV BASH_ARGC' zero 1 2

#### bash -O extdebug: no debugger, BASH_ARGV filled
printf '%s\n' 'shopt extdebug' 'f() { echo "${BASH_ARGV[*]}"; }' 'f a' > y.sh
bash -O extdebug y.sh 1 2
echo "rc=$?"
bash -O extdebug -c 'set -o | grep trace' 2>&1

#### declare -F under extdebug shows line and file
shopt -s extdebug
f() { :; }

g()
{
  :
}
declare -F f g
declare -F f nope; echo "rc=$?"
declare -F
declare -pF f
declare -fF g

#### declare -F under extdebug: a function from a sourced file
printf '%s\n' '' 'lib() {' ':' '}' > lib.sh
. ./lib.sh
shopt -s extdebug
declare -F lib
eval 'h() { :; }'
declare -F h

#### DEBUG trap returning 1 skips the command under extdebug
shopt -s extdebug
trap '[[ $BASH_COMMAND == *skip* ]] && return 1; :' DEBUG
echo a
echo skip
echo b

#### DEBUG trap returning 2 returns from the function under extdebug
shopt -s extdebug
f() { echo in; echo ret; echo after; }
trap '[[ $BASH_COMMAND == *ret* ]] && return 2; :' DEBUG
f
echo "st=$?"

#### DEBUG trap returning 2 in a sourced file
shopt -s extdebug
printf 'echo a\necho ret\necho y\n' > s5.sh
trap '[[ $BASH_COMMAND == *ret* ]] && return 2; :' DEBUG
. ./s5.sh
echo "s=$?"
echo ret
echo z

#### DEBUG trap failing skips a command under extdebug
shopt -s extdebug
trap 'case $BASH_COMMAND in *skip*) false;; *) true;; esac' DEBUG
echo skip
echo x
x=skip
echo "x=$x"

#### prompt \! without history is 1
PS1='\! \#'
echo "${PS1@P}"

#### prompt \! follows the history list under set -o history
set -o history
PS1='foo \! bar'
history -c
echo "${PS1@P}"
echo "_${PS1@P}"

#### prompt \! and \# in a script
printf '%s\n' 'PS1="\! \#"' 'echo "${PS1@P}"' 'set -o history' 'echo "${PS1@P}"' 'echo a; echo "${PS1@P}"' > p.sh
bash p.sh

#### prompt \j counts background jobs
PS1='[\j]'
echo "${PS1@P}"
sleep 1 &
echo "${PS1@P}"
wait

#### bash -i prompt shows \! and \#
printf 'PS1="[\\\\! \\\\#] "\necho a\n\necho b\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i PS2 prompt escapes
printf 'PS2="<\\\\!>"\nfor i in 1\ndo echo $i\ndone\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### set -o history records a script's lines
printf '%s\n' 'set -o history' '' '# a comment' 'echo a  # trailing' 'if true' 'then' '  echo b' 'fi' 'x="multi' 'line"' 'f() {' ' echo f' '}' 'echo 1; echo 2' 'eval "echo e"' 'printf "echo sourced\n" > so.sh' '. ./so.sh' 'history' > h.sh
bash h.sh

#### set -o history in a -c string records the lines after it
set -o history
echo x
history

#### history -s in a script under set -o history replaces its own line
printf '%s\n' 'set -o history' 'echo one' 'history -s stored' 'history' > h.sh
bash h.sh

#### history -p expands events, designators and modifiers
set -o history
history -s "echo hello world foo.txt"
history -s "ls /a/b/c.tar.gz x"
history -p '!!' '!-2' '!1' '!ec' '!?tar?' '!!:0' '!!:$' '!!:*' '!!:1' '!ec:2'
history -p '!!:1:h' '!!:1:t' '!!:1:r' '!!:1:e' '!ec:s/o/0/' '!ec:gs/o/0/' '^x^y'
history -p '!' 'x !! y' '!$' '!^' '!*'

#### history -p failures go on with the next argument
set -o history
history -s "echo a b"
history -p 'a!b' '!!' '!99' '!nope' '!!:9'; echo "rc=$?"

#### history -p with nothing in the history
history -p '!!'; echo "rc=$?"
history -p 'plain'; echo "rc=$?"

#### history -p ranges, & and quoting
set -o history
history -s "a b c d"
history -p '!!:1-2' '!!:2*' '!!:-2' '!!:1-' '!a:s/b/[&]/' '!!:gs/ /_/' "'!!'" '\!!' '!?b c?x' '!!:p'
history -p '!!:s/zz/y/'; echo "rc=$?"

#### bash -i: !! !$ event not found and a failed substitution
printf 'echo hello world\n!!\necho !$ x\n!nope\n^hello^bye\necho a !!:p\nhistory\nset +H\necho !!\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i: !-n !n !?str? and word designators
printf 'echo one two three\necho x\n!-2\n!1\n!?two?\n!ec:2\n!!:9\n!!:0-1\necho /a/b.c\necho !!:1:h !!:1:t !!:1:r !!:1:e\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i: !! in a continuation line names the previous command
printf 'echo a\nfor i in 1 2; do\necho !!\ndone\nhistory\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i: no expansion with set +o history
printf 'echo a\nset +o history\n!!\necho b\n!!\nhistory\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i: ! before = blank or ( is literal
printf 'echo a=!\necho !\necho "!!"\necho x!(y)\nshopt -s extglob\necho x!(y)\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i: !$ !* !^ after an assignment
printf 'echo foo\nfoo=!!:s/foo/bar/\necho $foo\n!$\n!*\n!^\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i: :& repeats the last substitution, ^a^b^
printf 'echo a b\n!!:s/a/[&]/\n!!:&\n!!:s/x/y/\n^b^c\n^c^d^ tail\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i: :p records without running
printf 'echo abc\n!!:s/b/x/:p\n!!\n!!:gs/x/&&/\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i: set +H and set -H
printf 'set +H\necho a\necho !!\nset -H\necho !!\nset -o | grep histexpand\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### bash -i: a bang after a backslash or before a metacharacter
printf 'echo a\necho x!>/dev/null\necho "y!;"\necho "<\\\\!>"\necho w!"\necho \\!!\n' | PS1='$ ' HISTFILE=/dev/null bash --norc --noediting -i 2>&1 | grep -v -e 'job control' -e 'terminal process group'

#### prompt \j after fg under set -m
set -m
PS1='foo \j bar'
echo "${PS1@P}"
sleep 2 &
echo "${PS1@P}"
fg
echo "st=$? ${PS1@P}"

#### fg under set -m waits for the job; without it, no job control
set -m
sleep 0.2 &
fg
echo "st=$?"
fg; echo "st=$?"
fg %3; echo "st=$?"
set +m
fg; echo "st=$?"
