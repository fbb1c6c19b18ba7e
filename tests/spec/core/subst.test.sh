#### command substitution strips trailing newlines
x=$(printf 'a\n\n\n'); echo "[$x]"

#### keeps interior newlines
x=$(printf 'a\nb\n'); echo "$x"

#### backquotes
echo `echo back`

#### nested command substitution
echo $(echo $(echo deep))

#### backquote escapes
echo `echo \`echo inner\``

#### command substitution is split unquoted
set -- $(echo 'a   b'); echo $#

#### quoted command substitution is one word
set -- "$(echo 'a   b')"; echo $#

#### read file with dollar less-than
x=$(< words.txt); echo "$x" | wc -l

#### command substitution in a here document
cat <<EOT
n=$(echo 5)
EOT

#### variable set inside substitution does not leak
x=1; y=$(x=2; echo $x); echo $x $y

#### status of a substitution is its last command
$(exit 3); echo $?

#### case statement inside command substitution
echo $(case a in a) echo matched;; esac)

#### parentheses inside substitution
echo $( (echo sub) )

#### arithmetic inside substitution
echo $(echo $((6*7)))

#### substitution result used as command
$(echo echo) works

#### empty substitution as argument vanishes
set -- $(true) x; echo $#
