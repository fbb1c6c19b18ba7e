#### pushd and popd
mkdir -p a b; pushd a >/dev/null; pushd ../b >/dev/null; basename $PWD; popd >/dev/null; basename $PWD; popd >/dev/null; basename $PWD

#### dirs after pushd
mkdir -p a; cd a; pushd .. >/dev/null; dirs -v | wc -l

#### popd on empty stack
popd; echo status=$?

#### shopt -q reports status
shopt -q extglob; echo $?; shopt -s extglob; shopt -q extglob; echo $?

#### shopt -p of one option
shopt -p nullglob; shopt -s nullglob; shopt -p nullglob

#### shopt -u and -s print
shopt -s dotglob; shopt dotglob; shopt -u dotglob; shopt dotglob

#### set -o lists an option state
set -o | grep -E '^(errexit|noglob|pipefail) '

#### set +o prints commands
set -o pipefail; set +o | grep pipefail

#### dollar hyphen flags
set -f; case $- in *f*) echo has-f;; esac; set +f; case $- in *f*) echo still;; *) echo no-f;; esac

#### select reads a choice
printf '2\n' | { select x in aa bb cc; do echo "got $x $REPLY"; break; done; } 2>/dev/null

#### compgen -W filters words
compgen -W 'apple apricot banana' -- ap

#### compgen -v lists variables with prefix
zzq_one=1 zzq_two=2; compgen -v zzq_

#### compgen -A function
zfun_a() { :; }; zfun_b() { :; }; compgen -A function zfun_

#### complete stores and prints
complete -W 'x y' mycmd; complete -p mycmd

#### type of builtin and keyword
type -t echo; type -t if; type -t cat >/dev/null; echo $?

#### printf -v into variable
printf -v out '%05d' 42; echo $out

#### read -a with IFS
IFS=, read -r -a parts <<< 'a,b,,c'; echo ${#parts[@]} "${parts[2]}"

#### read -d delimiter
read -r -d ';' x <<< 'first;second'; echo $x

#### read -n count
read -r -n 3 x <<< 'abcdef'; echo $x

#### let returns status
let 'x = 0'; echo $?; let 'x = 2'; echo $? $x

#### getopts loop
set -- -a -b val rest; while getopts ab: o; do echo "$o ${OPTARG-}"; done; shift $((OPTIND-1)); echo "$@"

#### FUNCNAME in nested functions
inner() { echo "${FUNCNAME[@]}"; }; outer() { inner; }; outer

#### BASH_SUBSHELL counts
echo $BASH_SUBSHELL; ( echo $BASH_SUBSHELL; ( echo $BASH_SUBSHELL ) )

#### LINENO in function
f() {
  echo $LINENO
}
f

#### EPOCHSECONDS is a number
[[ $EPOCHSECONDS =~ ^[0-9]+$ ]] && echo ok

#### EPOCHREALTIME has a fraction
[[ $EPOCHREALTIME =~ ^[0-9]+\.[0-9]{6}$ ]] && echo ok

#### SRANDOM differs
a=$SRANDOM; b=$SRANDOM; [[ $a != "$b" && $a =~ ^[0-9]+$ ]] && echo ok

#### enable lists a builtin
enable -p | grep -c 'enable echo'

#### help for a builtin names it
help cd | head -1

#### printf format octal escapes take three digits, the 0 included
printf '\0002|\0101|\101|\18' | od -An -c; printf '%b' '\0002|\0101' | od -An -c
