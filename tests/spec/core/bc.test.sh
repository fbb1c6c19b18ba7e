#### bc integer arithmetic
echo '1+2*3; 7/2; -7/2; 7%3; -7%3; 2^10; (1+2)*3' | bc

#### bc scale and division
echo 'scale=5; 1/3; 22/7; -1/3; scale=0; 10/4' | bc

#### bc big numbers wrap at 70 columns
echo '2^300; 3^200' | bc

#### bc BC_LINE_LENGTH
echo '2^200' | BC_LINE_LENGTH=30 bc; echo '2^200' | BC_LINE_LENGTH=0 bc

#### bc multiplication scale rules
echo '0.1*0.1; scale=2; 0.1*0.1; scale=10; 1.5*1.25; 2.50*2' | bc

#### bc modulo with scale
echo 'scale=3; -7%3; 5%2.5; 10.5%3' | bc

#### bc powers
echo '2^-2; scale=4; 2^-2; 1.5^3; 10^0; 0^5; (-2)^3; -2^2; 2^3^2' | bc

#### bc square roots
echo 'sqrt(2); scale=10; sqrt(2); sqrt(144); sqrt(0.25); scale=30; sqrt(10)' | bc

#### bc length and scale functions
echo 'length(123.45); length(0.001); scale(1.230); scale(7)' | bc

#### bc leading zeros are dropped
echo '0.5; -0.5; .25; 00012; 1.000; 0.0000; -0' | bc

#### bc variables and arrays
echo 'x=5; y=x*2; y; a[1]=3; a[2]=a[1]+1; a[2]; a[9]' | bc

#### bc increments and compound assignment
echo 'x=5; x++; x; ++x; x--; --x; x+=10; x; x*=2; x; x/=3; x; x^=2; x; x%=7; x' | bc

#### bc comparisons and logic
echo '1<2; 2<1; 3==3; 3!=3; 2>=2; 1<=0; !0; !5; 1&&0; 1||0; 0||0' | bc

#### bc if else
printf 'x=3\nif (x > 2) { "big\\n" } else { "small\\n" }\nif (x < 2) 1 else 2\n' | bc

#### bc while and for loops
printf 'i=0\nwhile (i < 3) { i; i = i + 1 }\nfor (j=10; j>7; j--) j\n' | bc

#### bc break and continue
printf 'for (i=0; i<10; i++) { if (i==2) continue; if (i==5) break; i }\n' | bc

#### bc functions and recursion
printf 'define f(n) {\n  if (n < 2) return (1)\n  return (n * f(n - 1))\n}\nf(10); f(25)\n' | bc

#### bc functions with auto variables
printf 'define g(x) { auto y; y = x * 2; return (y + 1) }\ny = 100\ng(5); y\n' | bc

#### bc array parameters
printf 'define s(a[], n) { auto i, t; for (i=0; i<n; i++) t += a[i]; return (t) }\nfor (i=0; i<5; i++) v[i]=i*i\ns(v[], 5)\n' | bc

#### bc function without return value
printf 'define p(x) { print x, "\\n" }\nz = p(7)\nz\n' | bc

#### bc print statement
echo 'print "a=", 5, " b=", 2/3, "\n"; scale=2; print 1/3, "\n"' | bc

#### bc string statements
printf '"hello"\n"tab\\there\n"\n' | bc

#### bc obase
echo 'obase=16; 255; 4096; obase=2; 10; 5.5; obase=8; 64' | bc

#### bc ibase
echo 'ibase=16; FF; A; 10; ibase=2; 1010' | bc

#### bc large obase
echo 'obase=100; 12345; 99999' | bc

#### bc last value
echo '5*5; last+1; .+1' | bc

#### bc comments
printf '/* a comment */ 1+1 # another\n2+2\n' | bc

#### bc line continuation
printf '1+\\\n2\n' | bc

#### bc quit stops reading
printf '1\nquit\n2\n' | bc

#### bc reads files then stdin
echo '3*3' > prog.bc; echo '4*4' | bc prog.bc

#### bc math library
echo 's(1); c(1); a(1); l(2); e(1)' | bc -l

#### bc math library pi and precision
echo '4*a(1); scale=40; 4*a(1); e(2)' | bc -l

#### bc math library negative and small arguments
echo 'e(-1); l(0.5); s(-2); c(0); a(-0.5); e(0)' | bc -l

#### bc bessel function
echo 'j(0,1); j(1,2.5); j(2,-1)' | bc -l

#### bc math library keeps scale 20
echo 'scale; 1/3' | bc -l

#### bc divide by zero keeps going
echo '1/0; 2+2' | bc 2>/dev/null; echo "status $?"

#### bc syntax error
echo '5 +' | bc; echo "status $?"

#### bc undefined variable is zero
echo 'x; y+1' | bc

#### bc negative numbers
echo '-5+3; -5*-3; 0-0.5; -(-3)' | bc

#### bc exponent with a fraction is an error
echo '2^0.5' | bc 2>/dev/null; echo done
