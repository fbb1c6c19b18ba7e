# Builtins as bash 5.2 has them: umask, compgen/complete, printf, dirs, cd,
# set, special builtins, getopts, kill, type/command, read, trap, bind.

#### umask -S and -p forms
umask 0124; umask -S; umask -p; umask -p -S; umask -Sp

#### umask -S with a mode sets and prints
umask -S 027; umask

#### umask octal masks to permission bits
umask 1777; echo $?; umask

#### umask octal out of range
umask 0124; umask 08; echo $?; umask 1234567; echo $?; umask

#### umask invalid option
umask -x; echo $?

#### umask symbolic who and op
umask 0124; umask a=r; umask; umask 0124; umask =r; umask; umask 0124; umask +x; umask

#### umask symbolic clauses in sequence
umask 0777; umask u=rw,g=r,u+x,o=; umask

#### umask symbolic empty perm list
umask 0124; umask u=; umask; umask 0124; umask g+; umask; umask o-; umask

#### umask bad operator
umask 0124; umask x+r; echo $?; umask u; echo $?; umask ,u=r; echo $?; umask

#### umask bad character
umask 0124; umask u=g; echo $?; umask u+z; echo $?; umask u=rX; echo $?; umask u=rw+x; echo $?; umask

#### umask empty clause after comma
umask 0124; umask u-r,,u-r; echo $?; umask u=r,; echo $?; umask

#### umask applies to created files
umask 0002; echo one > f1; umask g-w,o-w; echo two > f2; umask 077; echo three > f3; stat -c '%a %n' f1 f2 f3

#### umask extra operands are ignored
umask -- 022 033; umask

#### ulimit with no flag is -f
ulimit; ulimit -f; ulimit -f 1000; ulimit; ulimit -f unlimited

#### ulimit soft and hard limits of cpu time
ulimit -S -t; ulimit -H -t; ulimit -S -t 1000; ulimit -S -t; ulimit -H -t
ulimit -H -t 2000; ulimit -t; ulimit -H -t; ulimit -t 1500; ulimit -St; ulimit -Ht

#### ulimit soft above hard is refused
ulimit -Ht 100; echo $?; ulimit -t 50; ulimit -St 90; echo $?; ulimit -St 200; echo $?; ulimit -Ht 300; echo $?; ulimit -t

#### ulimit hard below soft is refused
ulimit -St 100; ulimit -Ht 50; echo $?; ulimit -t

#### ulimit raising after lowering is not permitted
ulimit -t 5 -t 6; echo $?; ulimit -t

#### ulimit -H and -S for setting both
ulimit -S -H -t 100; echo $?; ulimit -St; ulimit -Ht

#### ulimit hard and soft keywords
ulimit -t 10; ulimit -t soft; ulimit -Ht; ulimit -t hard; ulimit -t

#### ulimit several resources print in long form
ulimit -f -t; ulimit -t 100 -f; ulimit -c 0 -c

#### ulimit trailing operand goes to the last resource
ulimit -t -c -- 5; echo $?; ulimit -c; ulimit -t 7 -- 5; ulimit -t

#### ulimit option with attached value
ulimit -t33; ulimit -t; ulimit -tx; echo $?

#### ulimit invalid numbers
ulimit -t abc; echo $?; ulimit -t 5x; echo $?; ulimit -t 0x10; echo $?; ulimit -t +5; echo $?; ulimit -f -- -42; echo $?

#### ulimit invalid options
ulimit -z; echo $?; ulimit --all; echo $?; ulimit -f -42; echo $?

#### ulimit block factor and range
ulimit -f $(( 1 << 32 )); ulimit -f; ulimit -f $(( 1 << 53 )); ulimit -f; ulimit -f $(( 1 << 54 )); echo $?; ulimit -f

#### ulimit large counts wrap
ulimit -t 99999999999999999999; ulimit -t

#### ulimit pipe size cannot be set
ulimit -p; ulimit -Hp; ulimit -p 4; echo $?

#### ulimit limits live in subshells only
(ulimit -t 10; ulimit -t); ulimit -t

#### ulimit -a lists every resource with its label
ulimit -a | sed 's/)[^)]*$/)/'; ulimit -a | wc -l

#### compgen -W expands words
x='p q'; compgen -W '{a,b} zz* $x "$x" a\ b $(echo m n) $((1+2))'; echo st=$?

#### compgen -W splits on IFS with quotes and backslashes
IFS=':%'; compgen -W 'spam:eggs%ham cheese\:colon:"d:e"'

#### compgen -W with command substitution and IFS
IFS=':%'; compgen -W '$(echo "spam:eggs%ham cheese")'

#### compgen -W filters by the word
compgen -W 'alpha beta alps' -- al; echo st=$?; compgen -W 'alpha' -- z; echo st=$?; compgen -W '' -- foo; echo st=$?

#### compgen -W arithmetic error
compgen -W 'foo $(( 1 / 0 )) bar'
echo status=$?

#### compgen -F calls the function
f() { echo "args:$*"; declare -p COMP_WORDS COMP_CWORD COMP_LINE COMP_POINT; COMPREPLY=(x y "a b"); }
compgen -F f -P '<' -S '>' -- wd prev; echo st=$?
declare -p COMP_WORDS 2>/dev/null || echo gone

#### compgen -F with scalar COMPREPLY and failures
g() { unset -v COMPREPLY; COMPREPLY=hello; }; compgen -F g; echo st=$?
h() { COMPREPLY=(); }; compgen -F h; echo st=$?
compgen -F nope; echo st=$?

#### compgen -F with -W and -X
k() { COMPREPLY=(q r qq); }; compgen -W 'aa' -F k -X 'q*'; echo st=$?

#### compgen -C runs a command
c() { echo "c:$*"; echo one; echo "two three"; }; compgen -C c -- w; echo st=$?; compgen -C false; echo st=$?

#### compopt outside a completion function
compopt -o filenames +o nospace; echo st=$?; compopt -o invalid; echo st=$?; compopt -x; echo st=$?

#### compopt inside a completion function
f() { compopt -o nospace; echo in=$?; COMPREPLY=(z); }; compgen -F f 2>/dev/null

#### complete needs a name
complete -F f; echo st=$?; complete -W 'a b'; echo st=$?; complete >/dev/null; echo st=$?

#### complete and compgen reject bad names
complete -o invalid x; echo st=$?; complete -A bogus x; echo st=$?; compgen -A bogus; echo st=$?; compgen -o bogus; echo st=$?

#### compgen -A setopt and shopt
compgen -A setopt v; compgen -A shopt -P '[' -S ']' nu; compgen -A setopt | head -3; compgen -A shopt | head -3

#### compgen -A signal and helptopic
compgen -A signal SIGI; compgen -A helptopic -S ___ fal

#### compgen -A alias with -A setopt
alias v_alias=ls v_alias2=ls a1=ls; compgen -A alias -A setopt v

#### a PATH prefix assignment is used to find the command
mkdir -p d1/bin d1/dir/hello; printf '#!/bin/sh\necho hi\n' > d1/bin/hello; chmod +x d1/bin/hello
PATH="$PWD/d1/bin:$PATH" hello; echo status=$?
PATH="$PWD/d1/dir:$PWD/d1/bin:$PATH" hello; echo status=$?

#### set + is an empty flag group
set a b; set +; echo "[$#:$*]"; set + c d; echo "[$#:$*]"; set + -; echo "[$#:$*]"; set - +; echo "[$#:$*]"

#### set -x + -v x y
{ set -x + -v x y; opts=$-; set +xv; } 2>/dev/null; case $opts in *v*x*) echo vx-on;; esac; echo "[$#:$*]"

#### set -o posix is listed
set -o posix; set -o | grep posix; set +o | grep posix; shopt -p -o posix errexit; shopt -o -q posix; echo st=$?

#### posix mode keeps prefix assignments of special builtins
set -o posix; foo=bar :; echo foo=$foo; z=Z builtin :; echo z=$z; f() { :; }; x=5 f; echo x=$x

#### posix mode finds special builtins before functions
eval() { echo "fn $1"; }; eval 'echo a'; set -o posix; eval 'echo b'; type -t eval

#### posix mode forbids a function named like a special builtin
set -o posix; eval() { echo f; }; echo not reached

#### a function named like a special builtin outside posix mode
eval() { echo "f $*"; }; eval x; unset -f eval; eval 'echo ok'

#### cd exports OLDPWD
cd /; cd "$OLDPWD"; printenv OLDPWD; cd - >/dev/null; pwd

#### cd through a missing directory and ..
cd nonexistent_ZZ/..; echo $?; cd -L nonexistent_ZZ/..; echo $?; cd -P nonexistent_ZZ/..; echo $?

#### cd through a file and ..
echo x > afile; cd afile/..; echo $?; mkdir -p sub; cd sub/../sub/..; echo $? ${PWD##*/}

#### printf -v rejects names that are not identifiers
printf -v 'a[' %s foo; echo st=$?; printf -v 1x y; echo st=$?; printf -v 'a[]' x; echo st=$?
printf -v 'a[x]' y; echo st=$?; declare -p a; printf -v b %s z; echo $b

#### exec -a sets the command's argv[0]
(exec -a FOOPROC sh -c 'echo $0'); (exec sh -c 'echo $0'); echo done
