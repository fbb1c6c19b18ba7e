#### basic arithmetic
echo $((1+2*3)) $(( (1+2)*3 )) $((7/2)) $((7%3)) $((-7/2)) $((-7%3))

#### exponent
echo $((2**10)) $((3**0)) $((2**62))

#### negative exponent is an error
echo $((2**-1)); echo after

#### comparison and logic
echo $((1<2)) $((2<=1)) $((3==3)) $((3!=3)) $((1&&0)) $((1||0)) $((!5))

#### bit operators
echo $((5&3)) $((5|3)) $((5^3)) $((~5)) $((1<<4)) $((256>>2))

#### ternary
x=5; echo $((x>3 ? 10 : 20))

#### assignment operators
x=10; ((x+=5)); ((x*=2)); ((x-=1)); ((x/=3)); ((x%=4)); echo $x

#### increment and decrement
x=5; echo $((x++)) $x $((++x)) $((x--)) $((--x))

#### variables without dollar
a=3 b=4; echo $((a*a+b*b))

#### variable holding an expression
e='2+3'; echo $((e*2))

#### unset variables are zero
unset z; echo $((z+1))

#### hex octal and bases
echo $((0x1f)) $((010)) $((2#1010)) $((36#z)) $((16#ff))

#### invalid octal number
echo $((09)); echo after

#### division by zero
echo $((1/0)); echo after

#### division by zero status in a script continues
(echo $((5%0))); echo "status $?"

#### 64-bit wrap-around
echo $((9223372036854775807+1)) $((-9223372036854775808-1))

#### comma operator
echo $((a=1, b=2, a+b))

#### arithmetic command status
((0)); echo $?; ((5)); echo $?

#### let builtin
let x=3+4 y=x*2; echo $x $y; let 0; echo $?

#### nested parentheses and spaces
echo $(( ( 1 + 2 ) * ( 3 + 4 ) ))

#### arithmetic syntax error
echo $((1 +)); echo after

#### unary minus and plus
x=3; echo $((-x)) $((+x)) $((- -x))

#### assignment in arithmetic for
for ((i=0; i<3; i++)); do echo $i; done

#### arith for with empty parts
i=0; for ((;;)); do ((i++)); ((i>=3)) && break; done; echo $i

#### integer attribute evaluates on assignment
declare -i n; n=2+3; echo $n; n+=1; echo $n

#### string in arithmetic context is a variable name
foo=7; bar=foo; echo $((bar))
