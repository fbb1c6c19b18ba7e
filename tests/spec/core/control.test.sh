#### if elif else
for x in 1 2 3; do if [ $x = 1 ]; then echo one; elif [ $x = 2 ]; then echo two; else echo other; fi; done

#### if condition status is the last command's
if false; true; then echo yes; fi

#### if with no branch taken returns zero
if false; then echo no; fi; echo $?

#### while loop with counter
i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done

#### until loop
i=0; until [ $i -ge 2 ]; do echo $i; i=$((i+1)); done

#### for over words
for w in a b 'c d'; do echo "[$w]"; done

#### for without in uses positional parameters
set -- x y; for a; do echo $a; done

#### for over empty list does nothing
for x in; do echo never; done; echo done

#### break and continue
for i in 1 2 3 4 5; do [ $i = 2 ] && continue; [ $i = 4 ] && break; echo $i; done

#### break out of nested loops
for i in 1 2; do for j in a b; do [ $j = b ] && break 2; echo $i$j; done; done; echo end

#### continue with level
for i in 1 2; do for j in a b; do [ $j = a ] && continue 2; echo no; done; done; echo end

#### case with patterns
for x in apple banana cherry 42; do case $x in a*) echo A;; b*|c*) echo BC;; [0-9]*) echo num;; esac; done

#### case fallthrough
case a in a) echo one;& b) echo two;; c) echo three;; esac

#### case continue testing
case ab in a*) echo first;;& *b) echo second;;& x) echo no;; esac

#### case with no match returns zero
case x in y) echo no;; esac; echo $?

#### case quoted pattern is literal
x='*'; case a in "$x") echo star;; *) echo other;; esac

#### case default branch
case zzz in a) ;; *) echo default;; esac

#### case pattern with character class
case 5 in [[:digit:]]) echo digit;; esac

#### while read loop from here document
while read a b; do echo "$b-$a"; done <<EOT
1 one
2 two
EOT

#### loop status is last command status
for i in 1 2; do false; done; echo $?

#### select reads a choice
select x in red green; do echo "got $x"; break; done <<< 2

#### brace group runs in the current shell
x=1; { x=2; }; echo $x

#### subshell does not change the parent
x=1; (x=2; echo in $x); echo out $x

#### exit in subshell only ends the subshell
(exit 3); echo $?

#### and or lists
true && echo a || echo b; false && echo c || echo d

#### negation
! false; echo $?; ! true; echo $?

#### semicolons and newlines
echo a; echo b
echo c

#### while with break inside function loop
f() { while true; do return 4; done; }; f; echo $?

#### nested if in loops
for i in 1 2 3; do if ((i%2)); then echo odd; else echo even; fi; done
