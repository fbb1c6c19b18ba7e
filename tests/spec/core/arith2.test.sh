# Arithmetic and printf: bash's constants, error messages and error tokens,
# quoting inside (( )) and $(( )), printf conversions (compared with bash).

#### constant 08 is too great for base
echo $(( 08 )); echo st=$?

#### constant 09 inside (( ))
(( 09 )); echo st=$?

#### base with no digits
echo $(( 2# )); echo st=$?

#### base 10 with no digits
(( 10# )); echo st=$?

#### base 65 is invalid
echo $(( 65#1 )); echo st=$?

#### base 1 is invalid
echo $(( 1#1 )); echo st=$?

#### base after leading zero is invalid number
echo $(( 02#0110 )); echo st=$?

#### 0#1 is invalid number
echo $(( 0#1 )); echo st=$?

#### base followed by second hash
echo $(( 2##1 )); echo st=$?

#### digit too great for base 2
echo $(( 2#A )); echo st=$?

#### hex constant with junk
echo $(( 0x1X )); echo st=$?

#### error in a constant quotes the expression up to it
echo $(( 1+08+1 )); echo st=$?

#### leading blanks are not quoted in a constant error
echo $((   09 + 1)); echo st=$?

#### base 64 digits
echo $(( 64#@_ )) $(( 36#zz )) $(( 64#Zz ))

#### 0x alone is zero
echo $(( 0x ))

#### overflowing constant wraps
echo $(( 99999999999999999999 ))

#### division by zero token
echo $(( 1/0 )); echo st=$?

#### modulo by zero token
(( 5 % 0 )); echo st=$?

#### division by zero in assignment
x=4; (( x /= 0 )); echo st=$? x=$x

#### division by zero not evaluated
echo $(( 0 && 1/0 )) $(( 1 || 5%0 ))

#### operand expected at end
echo $(( 1 + )); echo st=$?

#### operand expected after two pluses
echo $(( 1 + + )); echo st=$?

#### operand expected after comma
echo $(( 1, )); echo st=$?

#### leading comma
echo $(( ,1 )); echo st=$?

#### missing close paren
e='(1 + 2 '; echo $(( e )); echo st=$?

#### two numbers in a row
echo $(( 1 2 )); echo st=$?

#### two names in a row
(( a b )); echo st=$?

#### stray close paren
echo $(( 1) )); echo st=$?

#### assignment to a number
echo $(( 3=4 )); echo st=$?

#### assignment to a sum
x=1; echo $(( 1 + x = 3 )); echo st=$?

#### compound assignment to a number
(( 1+=2 )); echo st=$?

#### assignment to a post increment
x=1; echo $(( x++ = 3 )); echo st=$?

#### assignment with no right side
echo $(( x= )); echo st=$?

#### compound assignment with no right side
y=1; echo $(( y+= )); echo st=$?

#### conditional without colon
echo $(( 1 ? 2 )); echo st=$?

#### conditional with nothing after question mark
echo $(( 1 ? )); echo st=$?

#### conditional with empty middle
echo $(( 1 ? : 2 )); echo st=$?

#### conditional with nothing after colon
(( 1 ? 2 : )); echo st=$?

#### conditional with an extra colon
echo $(( 1 ? 2 : 3 : 4 )); echo st=$?

#### decimal point is an invalid operator
echo $(( 1.5 )); echo st=$?

#### at sign is an invalid operator
echo $(( 1 @ 2 )); echo st=$?

#### dollar alone
echo $(( $ )); echo st=$?

#### negative exponent
echo $(( 2 ** -1 )); echo st=$?

#### negative exponent before more operators
echo $(( 2**-1 * 5 )); echo st=$?

#### negative exponent even where not evaluated
echo $(( 0 && 2**-1 )); echo st=$?

#### plus plus before a number is two pluses
echo $(( ++3 )) $(( --3 )) $(( - -3 ))

#### minus minus alone
echo $(( -- )); echo st=$?

#### negative shift counts wrap
echo $(( 1 << -1 )) $(( 1 >> -2 )) $(( 8 >> 65 ))

#### chained assignment
x=3; echo $(( x = y = 2 ))$x$y

#### variable holding a broken expression
x='1+'; echo $((x)); echo st=$?

#### variable holding an expression with blanks
x=' 1 +'; echo $((x*2)); echo st=$?

#### variable referring to itself
x=x; echo $((x)); echo st=$?

#### single quotes are not removed in arithmetic
echo $(( '1' + 2 )); echo st=$?

#### single quotes in (( ))
(( '1' + 2 )); echo st=$?

#### quoted whole expression in single quotes
echo $(( '1 + 2' * 3 )); echo st=$?

#### double quotes are removed
echo $(( "1" + 2 )) $(( "1 + 2" * 3 ))

#### variables inside single quotes expand
x=5; echo $(( '$x' + 1 )); echo st=$?

#### backslash before a digit stays
echo $(( \1 + 2 )); echo st=$?

#### backslash before an operator stays
echo $(( 1 \+ 2 )); echo st=$?

#### backslash dollar is a dollar
x=1; echo $(( "\$x" + 1 )); echo st=$?

#### comment is an invalid operator
e='1 + 2  # no comment'; echo $(( e )); echo st=$?

#### comment in multiline arithmetic fails
{ echo $((
1 + 2  # no comment
)); } 2>/dev/null; echo st=$?

#### comment in (( ))
e='a = 3 + 4  # comment'; (( e ))
echo st=$? [$a]

#### leading newline is kept in the message
e=$'\n1 +'; echo $(( e )); echo st=$?

#### multiline arithmetic with continuation
echo $((
1 +
2 + \
3
))


#### single quotes in arithmetic for
for (( i='0'; i<1; i++ )); do echo $i; done; echo st=$?

#### let with an invalid constant
let 'x = 08'; echo st=$?

#### let with an assignment to a number
let '3 = 4'; echo st=$?

#### error after a good statement ends the command
echo $(( 1/0 )) after; echo next

#### printf %d clamps a too large number with a warning
printf '%d\n' 9223372036854775808; echo st=$?

#### printf %d clamps a too small number with a warning
printf '%d\n' -9223372036854775809; echo st=$?

#### printf %u takes the whole unsigned range
printf '%u\n' 18446744073709551615; echo st=$?

#### printf %u clamps past the unsigned range
printf '%u\n' 18446744073709551616; echo st=$?

#### printf %u of a negative number wraps
printf '%u %u\n' -1 -18446744073709551615; echo st=$?

#### printf %u of a too negative number
printf '%u\n' -18446744073709551616; echo st=$?

#### printf %x and %o overflow
printf '%x %o\n' 99999999999999999999 99999999999999999999; echo st=$?

#### printf overflow and an invalid number together
printf '%d %d\n' 99999999999999999999 12abc; echo st=$?

#### printf character constants
printf '%d %d %x %d\n' "'a" '"b' "'A" "'"; echo st=$?

#### printf strftime result of 124 bytes
printf "%($(printf '%%Y%.0s' {1..31}))T" 1557978599 | wc -c

#### printf strftime result of 128 bytes is empty
printf "%($(printf '%%Y%.0s' {1..32}))T" 1557978599 | wc -c; echo st=$?

#### printf strftime long result with text after
printf "[%($(printf '%%Y%.0s' {1..40}))T]\n" 1557978599

#### slice offset with a conditional expression and a length
s=abcd; echo ${s: 0 < 1 ? 2 : 0 : 1}

#### slice offset with a conditional expression only
s=abcd; echo ${s:1?2:3} ${s: 1 ? 0 : 1} "${s: 0 ? 1 : 2 }"

#### slice offset with nested conditionals and a length
s=abcdef; echo ${s: 1 ? 0 ? 1 : 2 : 3 : 2}

#### ANSI-C quoted operand keeps its quotes in arithmetic
for ((i = $'3'; i < 5; ++i)); do echo $i; done
echo "status $?"
echo $(( $'3' + 1 ))
echo "status $?"
(( x = $"4" )); echo "x=$x"
