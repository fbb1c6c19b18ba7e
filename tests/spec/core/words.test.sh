#### default IFS splitting collapses whitespace
x='  a  b	c
d  '; set -- $x; echo $#

#### custom IFS keeps empty fields
x='a,,b,'; IFS=,; set -- $x; echo $#; for f; do echo "[$f]"; done

#### IFS with whitespace and non-whitespace
x=' a , b '; IFS=' ,'; set -- $x; echo $#; for f; do echo "[$f]"; done

#### empty IFS disables splitting
x='a b'; IFS=; set -- $x; echo $#

#### unset IFS behaves as default
x='a b'; unset IFS; set -- $x; echo $#

#### quoted variables are not split
x='a b'; set -- "$x"; echo $#

#### empty unquoted variable disappears
e=; set -- $e; echo $#

#### empty quoted variable stays
e=; set -- "$e"; echo $#

#### dollar at with no arguments vanishes in quotes
set --; set -- "$@"; echo $#

#### dollar at with prefix and suffix
set -- a b; printf '[%s]' "x$@y"; echo

#### splitting of arithmetic results
IFS=1; echo $((111 + 10))

#### word splitting in for loops
list='a b c'; for w in $list; do echo $w; done

#### read splits on IFS
IFS=: read a b c <<< 'x:y:z:w'; echo "$a|$b|$c"

#### read last variable gets the rest
read a b <<< 'one two three'; echo "$b"

#### read -r keeps backslashes
read -r x <<< 'a\tb'; echo "$x"

#### read without -r removes backslashes
read x <<< 'a\tb'; echo "$x"

#### tilde after assignment colon
x=a:~nosuchuserxyz; echo $x

#### quoted tilde is literal
echo "~" '~'

#### tilde of a nonexistent user stays
echo ~nosuchuserxyz/file
