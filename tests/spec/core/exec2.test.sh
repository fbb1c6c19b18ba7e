#### signal trap: LINENO counts from the trap's own first line
trap 'echo "$LINENO usr1"' USR1
kill -USR1 $$
trap $'\necho "$LINENO usr1"' USR1
kill -USR1 $$
echo "$LINENO after"

#### ERR trap inside a signal trap sees the signal trap's lines
trap 'false; echo $LINENO usr1' USR1
trap 'false; echo $LINENO err' ERR
kill -USR1 $$
echo after=$?

#### EXIT trap: LINENO counts from its first line; errors name that line
trap $'echo "$LINENO exit"\nnosuch_cmd_x' EXIT
echo "$LINENO main"

#### signal trap: an error in it names the trap's line
trap 'nosuch_cmd_y' USR1
kill -USR1 $$
echo "status $?"

#### ERR trap for a function call shows the call's line
g() {
  return 3
}
trap 'echo "err $LINENO $?"' ERR
g
x=1 g
g || :
echo done

#### ERR trap with a multi-line action counts from the failing line
trap $'\necho "err $LINENO"' ERR
false
f() { false; }
f

#### ERR trap: a pipeline ending in a subshell runs it twice
trap 'echo "err $?"' ERR
true | (exit 3)
(false) | (false) | (false)
false | (false)
(false) | false
(false) | (true)
echo "${PIPESTATUS[@]}"

#### ERR trap: pipefail with a subshell last stage
set -o pipefail
trap 'echo "err $?"' ERR
(exit 3) | (true)
(exit 3) | true
true | { false; }

#### ERR trap: negated or tested pipelines ending in a subshell
trap 'echo err' ERR
! true | (false)
true | (false) || echo or
if true | (false); then :; fi
while true | (false); do :; done
echo end

#### ERR trap and set -e: a subshell last stage exits after one trap
set -e
trap 'echo "err $?"' ERR
true | (exit 4)
echo not reached

#### set -e: negated pipeline ending in a subshell does not exit
set -e
trap 'echo err' ERR
! true | (false)
echo yes

#### ERR trap: pipelines of assignments, (( )), [[ ]] and groups
trap 'echo assign' ERR
a=$(false) | a=$(false)
trap 'echo dparen' ERR
(( 0 )) | (( 0 ))
trap 'echo dbracket' ERR
[[ a = b ]] | [[ a = b ]]
trap 'echo group' ERR
{ false; } | { false; }
echo ok

#### test -o and [[ -o ]] know every set -o option
test -o hashall; echo $?
test -o nosuch; echo $?
[[ -o nosuch ]]; echo $?
[[ -o braceexpand ]]; echo $?
set -o vi; [[ -o vi ]]; echo $?
test -o emacs; echo $?
set +B; test -o braceexpand; echo $?
test -o interactive-comments; echo $?
test -o monitor; echo $?

#### an interactive shell starts in emacs mode
bash --rcfile /dev/null -c 'test -o emacs; echo $?; test -o vi; echo $?'
bash --rcfile /dev/null -i -c 'test -o emacs; echo $?; test -o vi; echo $?' 2>/dev/null

#### set -u in an interactive shell abandons the line, not the shell
bash --rcfile /dev/null -i -c 'set -u; echo before; echo $x; echo after
echo "st=$?"; echo ${y?oops}
echo "st=$?"; (echo $z; echo in); echo "sub=$?"
f() { echo $w; echo f; }; f; echo "f=$?"
eval "echo \$u; echo e1"; echo e2
echo line
set -e; echo $v
echo "not reached"' 2>&1 | grep -v 'terminal process group'
echo "rc=${PIPESTATUS[0]}"

#### set -u in a non-interactive shell exits
bash -c 'set -u; echo before; echo $x; echo after
echo line2'
echo "rc=$?"

#### N>&M- into a closed fd: bash leaves M closed after a builtin or group
exec 7>f.txt
: 6>&7 7>&-
echo hello >&7
: 6>&7-
echo world >&7
echo "st=$?"
exec 7>f.txt
{ :; } 6>&7-
echo x >&7
exec 7>f.txt
g() { :; }; g 6>&7-
echo y >&7
exec 7>f.txt
6>&7-
echo z >&7
echo "st=$?"
cat f.txt

#### N>&M-: M comes back after a subshell, an external command, or into an open fd
exec 7>f.txt
(:) 6>&7-
echo a >&7
cat /dev/null 6>&7-
echo b >&7
exec 6>&1
: 6>&7-
echo c >&7
echo d >&6
: 7>&7-
echo e >&7
cat f.txt

#### exec N>&M- moves the descriptor for good
exec 7>f.txt
exec 6>&7-
echo x >&7
echo "st=$?"
echo y >&6
cat f.txt

#### failglob: a redirection word that matches nothing is an error
shopt -s failglob
echo hi > zz-*-xx
echo status=$?
ls zz* 2>/dev/null
echo hi > 'q*'
echo status=$?
cat 'q*'

#### failglob with an extended glob in a redirection
shopt -s extglob
echo foo > bad_@(*.cc|*.h)
echo status=$?
echo bad_*
shopt -s failglob
echo foo > bad2_@(*.cc|*.h)
echo status=$?

#### a redirection word that brace-expands to several words is ambiguous
echo hi > a-{one,two}
echo status=$?
echo hi > b-{one}
echo status=$?
ls a-* b-* 2>&1

#### >& word is globbed before it is read as a descriptor
touch 10
exec 10>&1
echo to-ten >& 1*
echo done

#### a redirection glob matching several files is ambiguous
touch r1 r2
echo x > r*
echo status=$?
echo x >& r*
echo status=$?

#### builtins fail with a write error on a full disk
echo hi > /dev/full
echo s=$?
printf '%s\n' hi > /dev/full
echo s=$?
type echo > /dev/full
echo s=$?
ulimit -a > /dev/full
echo s=$?
pwd > /dev/full
echo s=$?
declare -p HOME > /dev/full
echo s=$?

#### more builtins on a full disk; writing nothing is no error
set -o > /dev/full
echo s=$?
alias a=b; alias > /dev/full
echo s=$?
trap 'echo x' USR1; trap > /dev/full
echo s=$?
dirs > /dev/full
echo s=$?
printf '' > /dev/full
echo s=$?
echo -n '' > /dev/full
echo s=$?
true > /dev/full
echo s=$?
echo hi | cat > /dev/full
echo s=$?

#### echo on a closed stdout; silent builtins are fine
echo hi >&-
echo s=$?
true >&-
echo s=$?
{ echo g; } >&-
echo s=$?
echo -n '' >&-
echo s=$?

#### a script without #! starts as a new shell: only exported variables
printf 'echo "hello $BLAH E=$E A=${A[0]} f=$(type -t f) o=$SHELLOPTS"\nalias\n' > snork
chmod +x snork
BLAH=123; export E=2; A=(a b); f() { :; }; set -u; alias q=r
./snork
(./snork)
BLAH=9 ./snork
g() { local -x L=5; BLAH=7 exec ./snork; }
(g)
bash -c 'BLAH=123 exec ./snork'

#### a script without #! gets default IFS and PS4
printf 'echo "[$IFS][$PS4]"\n' > s2
chmod +x s2
IFS=:; PS4='>> '
./s2

#### arithmetic: a subscript inside a variable's value is expanded first
a=()
x='a[$(echo 42 | tee PWNED)]=1'
echo $(( x ))
cat PWNED
echo "${!a[@]}"
i=1; b=(5 6); z='b[$i]'
echo $(( z ))

#### let with an unexpanded subscript expands it
let 'c[$(echo 3)]=5'
echo "${c[3]}"
k=0; d=(1 2)
echo $(( d[k] + d[$k] ))

#### arithmetic: errors in an expanded subscript
x='a[$(( 1/0 ))]'
echo $(( x ))
echo after
