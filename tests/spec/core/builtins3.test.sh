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
