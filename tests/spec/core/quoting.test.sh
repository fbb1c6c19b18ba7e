#### echo joins arguments with single spaces
echo a   b    c

#### single quotes keep everything literal
echo 'a $HOME `x` \n "q"'

#### double quotes expand variables but keep spaces
x='1   2'; echo "$x" $x

#### backslash escapes in double quotes
echo "a\$b \"c\" \\d \e"

#### backslash outside quotes
echo a\ b \$x \\ \'

#### ansi-c quoting escapes
printf '%s\n' $'a\tb' $'x\ny' $'\x41\101\u00e9' $'it\'s'

#### ansi-c control and escape characters
printf '%q\n' $'\a\b\e\f\v'

#### adjacent quoted parts concatenate
echo 'a'"b"c$'d'

#### empty quoted strings are arguments
set -- '' "" x; echo $#

#### quoted newline in double quotes
echo "line1
line2"

#### line continuation outside quotes
echo one \
two

#### line continuation inside double quotes
echo "a\
b"

#### single quote inside double quotes
echo "it's"

#### dollar at end of word is literal
echo $ a$ "b$"

#### locale quoting behaves like double quotes
x=5; echo $"value $x"

#### hash inside a word is not a comment
echo a#b #comment

#### escaped hash starts no comment
echo \#notcomment

#### backquote inside double quotes
echo "date: `echo now`"

#### nested double quotes inside command substitution
echo "$(echo "inner")"

#### tab and newline in printf format
printf 'a\tb\nc\n'
