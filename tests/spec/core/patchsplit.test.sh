# csplit, patch and diff3, compared with GNU coreutils, GNU patch and GNU
# diffutils on the host. Diffs are made inside each case with labels, so no
# timestamps reach the output.

#### csplit: line numbers
seq 20 > in; csplit in 5 12; echo rc=$?; head -2 xx*

#### csplit: regex splits before the matching line
seq 20 > in; csplit in /7/ /1[45]/; echo rc=$?; cat xx00; cat xx02

#### csplit: skip section with %RE%
seq 12 | csplit - %5% /9/; echo rc=$?; cat xx00 xx01

#### csplit: positive offset
seq 12 | csplit - /4/+2; cat xx00

#### csplit: negative offset
seq 12 | csplit - '/6/-2' /10/; cat xx00 xx01

#### csplit: repeat count
seq 20 | csplit - /5/ '{2}'; ls xx*; cat xx02

#### csplit: repeat forever
printf 'a\n--\nb\n--\nc\n--\nd\n' | csplit - /--/ '{*}'; ls xx*; cat xx03

#### csplit: line number repeated
seq 10 | csplit - 3 '{1}'; cat xx01

#### csplit: match not found removes files
seq 5 | csplit - /x/; echo rc=$?; ls xx* 2>&1

#### csplit: match not found on repetition
seq 10 | csplit - /5/ '{3}'; echo rc=$?; ls xx* 2>&1

#### csplit: -k keeps files on error
seq 10 | csplit -k - /5/ '{3}'; echo rc=$?; ls xx*

#### csplit: line number out of range
seq 5 | csplit - 7; echo rc=$?; ls xx* 2>&1

#### csplit: prefix and digits
seq 6 | csplit -f part -n 3 - 3; ls part*

#### csplit: suffix format
seq 6 | csplit -b '_%03x.txt' -f p - 2 4; ls p_*

#### csplit: bad suffix format
seq 6 | csplit -b 'x%s' - 2; echo rc=$?

#### csplit: quiet
seq 6 | csplit -s - 3; echo rc=$?; cat xx01

#### csplit: elide empty files
printf 'a\nb\n' | csplit -z - /a/ /b/; ls xx*

#### csplit: suppress matched
printf 'a\n--\nb\n--\nc\n' | csplit --suppress-matched - '/--/' '{*}'; cat xx00 xx01 xx02

#### csplit: missing operands
csplit; echo rc=$?; csplit in; echo rc=$?

#### csplit: invalid pattern and repeat count
seq 3 > in; csplit in abc; echo rc=$?; csplit in 1 '{x}'; echo rc=$?; csplit in '{2}'; echo rc=$?

#### csplit: zero and decreasing line numbers
seq 9 > in; csplit in 0; echo rc=$?; csplit in 5 3; echo rc=$?

#### csplit: missing closing delimiter and bad regex
seq 3 > in; csplit in /abc; echo rc=$?; csplit in '/a\(/'; echo rc=$?

#### csplit: nonexistent input
csplit nosuch 2; echo rc=$?

#### csplit: no trailing newline
printf 'a\nb\nc' | csplit - 2; cat xx01; echo

#### csplit: fixture file by regex with anchor
csplit lines.txt '/^t/'; echo rc=$?; wc -l xx*

#### patch: unified diff applies
seq 20 > a; sed -e 's/^5$/five/' -e 's/^15$/fifteen/' a > b
diff -u --label a --label b a b > p
cp a f; patch f < p; echo rc=$?; cmp f b && echo same

#### patch: file name from the headers
seq 10 > a; sed 's/3/three/' a > b; diff -u --label a --label b a b > p
patch < p; echo rc=$?; cat a

#### patch: -p1 with directories
mkdir -p old/d new/d; seq 8 > old/d/x; seq 9 > new/d/x
diff -u --label old/d/x --label new/d/x old/d/x new/d/x > p
mkdir d; seq 8 > d/x; patch -p1 < p; echo rc=$?; tail -1 d/x

#### patch: -i and dry run
seq 10 > a; sed 's/7/seven/' a > b; diff -u --label a --label b a b > p
patch --dry-run -i p a; echo rc=$?; grep -c seven a

#### patch: offset
seq 20 > a; sed -e 's/^5$/five/' -e 's/^15$/fifteen/' a > b
diff -u --label a --label b a b > p
(echo x; echo y; echo z; cat a) > f; patch f < p; echo rc=$?; ls f*

#### patch: fuzz
seq 20 > a; sed -e 's/^5$/five/' -e 's/^15$/fifteen/' a > b
diff -u --label a --label b a b > p
(echo x; sed 's/^3$/three/' a) > f; patch f < p; echo rc=$?; head -7 f

#### patch: fuzz 0 fails
seq 20 > a; sed -e 's/^5$/five/' a > b
diff -u --label a --label b a b > p
sed 's/^3$/three/' a > f; patch -F 0 f < p; echo rc=$?; cat f.rej

#### patch: failed hunk saves rejects
seq 20 > a; sed -e 's/^5$/five/' -e 's/^15$/fifteen/' a > b
diff -u --label a --label b a b > p
seq 20 | sed 's/^1[3-7]$/x/' > f; patch f < p; echo rc=$?; cat f.rej; grep -c five f

#### patch: reversed patch detected without a terminal
seq 20 > a; sed -e 's/^5$/five/' -e 's/^15$/fifteen/' a > b
diff -u --label a --label b a b > p
cp b f; patch f < p; echo rc=$?; cat f.rej; cmp f b && echo unchanged

#### patch: -N skips applied patch
seq 10 > a; sed 's/4/four/' a > b; diff -u --label a --label b a b > p
cp b f; patch -N f < p; echo rc=$?; ls f*

#### patch: -t assumes -R
seq 10 > a; sed 's/4/four/' a > b; diff -u --label a --label b a b > p
cp b f; patch -t f < p; echo rc=$?; cmp f a && echo reverted

#### patch: -f does not reverse
seq 10 > a; sed 's/4/four/' a > b; diff -u --label a --label b a b > p
cp b f; patch -f f < p; echo rc=$?; cat f.rej

#### patch: -R reverses
seq 10 > a; sed 's/4/four/' a > b; diff -u --label a --label b a b > p
cp b f; patch -R f < p; echo rc=$?; cmp f a && echo reverted

#### patch: context diff
seq 15 > a; sed -e 's/^2$/two/' -e '10d' -e '12a\
new' a > b; diff -c --label a --label b a b > p
cp a f; patch f < p; echo rc=$?; cmp f b && echo same

#### patch: normal diff
seq 15 > a; sed -e 's/^2$/two/' -e '10d' -e '12a\
new' a > b; diff a b > p
cp a f; patch f p; echo rc=$?; cmp f b && echo same

#### patch: create file from /dev/null
printf 'one\ntwo\n' > n; diff -u --label /dev/null --label n /dev/null n > p; rm n
patch -p0 < p; echo rc=$?; cat n

#### patch: delete file
printf 'one\ntwo\n' > n; diff -u --label n --label /dev/null n /dev/null > p
patch -p0 < p; echo rc=$?; ls n 2>&1

#### patch: -o output file
seq 5 > a; seq 6 > b; diff -u --label a --label b a b > p
patch -o out a < p; echo rc=$?; cat out; wc -l < a

#### patch: -b makes a backup
seq 5 > a; seq 6 > b; diff -u --label a --label b a b > p
patch -b a < p; echo rc=$?; wc -l < a.orig; wc -l < a

#### patch: -s silent with offset
seq 20 > a; sed 's/^15$/x/' a > b; diff -u --label a --label b a b > p
(echo 0; cat a) > f; patch -s f < p; echo rc=$?; grep -n x f

#### patch: no newline at end of file
printf 'a\nb\nc' > a; printf 'a\nB\nc' > b; diff -u --label a --label b a b > p
patch a < p; echo rc=$?; od -c a | head -2

#### patch: adds trailing newline
printf 'a\nb' > a; printf 'a\nb\n' > b; diff -u --label a --label b a b > p
patch a < p; echo rc=$?; od -c a | head -2

#### patch: two files in one patch
mkdir x y; seq 5 > x/f1; seq 6 > x/f2; seq 0 5 > y/f1; seq 2 6 > y/f2
diff -ru --label x/f1 --label y/f1 x/f1 y/f1 > p; diff -u --label x/f2 --label y/f2 x/f2 y/f2 >> p
mkdir w; cp x/f1 x/f2 w; cd w; patch -p1 < ../p; echo rc=$?; cat f1 f2

#### patch: missing file
seq 5 > a; seq 6 > b; diff -u --label a --label b a b > p
mv a c; patch < p; echo rc=$?

#### patch: garbage input
echo hello > g; seq 3 > f; patch f < g; echo rc=$?

#### patch: empty patch
seq 3 > f; patch f < /dev/null; echo rc=$?

#### patch: many hunks with growth
seq 100 > a; sed -e '10a\
x\
y' -e '50d' -e '90s/$/!/' a > b; diff -u --label a --label b a b > p
sed '1i\
head' a > f; patch f < p; echo rc=$?; cmp <(tail -n +2 f) b && echo same

#### diff3: only mine changed
seq 10 > o; sed 's/^3$/three/' o > m; cp o y; diff3 m o y; echo rc=$?

#### diff3: only yours changed
seq 10 > o; cp o m; sed 's/^7$/seven/' o > y; diff3 m o y; echo rc=$?

#### diff3: both changed the same way
seq 10 > o; sed 's/^5$/five/' o > m; cp m y; diff3 m o y; echo rc=$?

#### diff3: conflict
seq 10 > o; sed 's/^5$/five/' o > m; sed 's/^5$/FIVE/' o > y; diff3 m o y; echo rc=$?

#### diff3: identical files
seq 5 > o; diff3 o o o; echo rc=$?

#### diff3: insertions and deletions
seq 12 > o; sed -e '2d' -e '8a\
added' o > m; sed -e '11d' -e '1i\
top' o > y; diff3 m o y; echo rc=$?

#### diff3: merge non-overlapping
seq 12 > o; sed 's/^2$/two/' o > m; sed 's/^10$/ten/' o > y; diff3 -m m o y; echo rc=$?

#### diff3: merge with conflict
seq 10 > o; sed 's/^5$/five/' o > m; sed 's/^5$/FIVE/' o > y; diff3 -m m o y; echo rc=$?

#### diff3: merge with labels
seq 10 > o; sed 's/^5$/five/' o > m; sed 's/^5$/FIVE/' o > y; diff3 -m -L mine -L base -L theirs m o y; echo rc=$?

#### diff3: merge -E
seq 10 > o; sed -e 's/^5$/five/' -e 's/^9$/nine/' o > m; sed -e 's/^5$/FIVE/' -e 's/^1$/one/' o > y; diff3 -m -E m o y; echo rc=$?

#### diff3: merge -A with identical change
seq 10 > o; sed 's/^5$/five/' o > m; cp m y; diff3 -m -A m o y; echo rc=$?

#### diff3: ed script
seq 10 > o; sed -e 's/^5$/five/' -e 's/^9$/nine/' o > m; sed -e 's/^5$/FIVE/' -e 's/^1$/one/' o > y; diff3 -e m o y; echo rc=$?

#### diff3: -E ed script
seq 10 > o; sed -e 's/^5$/five/' -e 's/^9$/nine/' o > m; sed -e 's/^5$/FIVE/' -e 's/^1$/one/' o > y; diff3 -E m o y; echo rc=$?

#### diff3: -x only overlapping
seq 10 > o; sed -e 's/^5$/five/' -e 's/^9$/nine/' o > m; sed -e 's/^5$/FIVE/' -e 's/^1$/one/' o > y; diff3 -x m o y; echo rc=$?

#### diff3: -3 only easy changes
seq 10 > o; sed -e 's/^5$/five/' -e 's/^9$/nine/' o > m; sed -e 's/^5$/FIVE/' -e 's/^1$/one/' o > y; diff3 -3 m o y; echo rc=$?

#### diff3: -A ed script
seq 10 > o; sed -e 's/^5$/five/' -e 's/^9$/nine/' o > m; sed -e 's/^5$/FIVE/' -e 's/^1$/one/' o > y; diff3 -A m o y; echo rc=$?

#### diff3: -e -i
seq 6 > o; cp o m; sed 's/^2$/two/' o > y; diff3 -e -i m o y; echo rc=$?

#### diff3: -T initial tab
seq 6 > o; sed 's/^2$/two/' o > m; sed 's/^2$/TWO/' o > y; diff3 -T m o y; echo rc=$?

#### diff3: ed script with dot line
seq 6 > o; cp o m; sed 's/^3$/./' o > y; diff3 -e m o y; echo rc=$?

#### diff3: missing file
seq 3 > o; diff3 o nosuch o; echo rc=$?

#### diff3: missing operand
seq 3 > o; diff3 o o; echo rc=$?

#### diff3: incompatible options
seq 3 > o; diff3 -e -x o o o; echo rc=$?

#### diff3: no newline at end
printf 'a\nb\nc' > o; printf 'a\nB\nc' > m; printf 'a\nb\nC' > y; diff3 m o y; echo rc=$?; diff3 -m m o y; echo rc=$?

#### diff3: fixture files
sed 's/a/A/' words.txt > m; sed '$d' words.txt > y; diff3 m words.txt y; echo rc=$?; diff3 -m m words.txt y; echo rc=$?

#### diff3: adjacent changes merge into one block
seq 10 > o; sed 's/^4$/four/' o > m; sed 's/^5$/five/' o > y; diff3 m o y; echo rc=$?; diff3 -m m o y; echo rc=$?

#### patch: -s with failure
seq 20 > a; sed -e 's/^5$/five/' a > b; diff -u --label a --label b a b > p
seq 20 | sed 's/^[3-7]$/x/' > f; patch -s f < p; echo rc=$?; ls f*

#### patch: context reject
seq 20 > a; sed -e 's/^5$/five/' -e '8d' a > b; diff -c --label a --label b a b > p
seq 20 | sed 's/^[3-9]$/x/' > f; patch f < p; echo rc=$?; cat f.rej

#### patch: normal reject
seq 20 > a; sed -e 's/^5$/five/' a > b; diff a b > p
seq 20 | sed 's/^[3-9]$/x/' > f; patch f < p; echo rc=$?; cat f.rej

#### patch: -E removes emptied file
printf 'x\n' > a; : > b; diff -u --label a --label b a b > p; patch -E a < p; echo rc=$?; ls a 2>&1

#### patch: insert into empty file
: > a; printf 'x\ny\n' > b; diff -u --label a --label b a b > p; patch a < p; echo rc=$?; cat a

#### patch: dry run of failure
seq 20 > a; sed -e 's/^5$/five/' a > b; diff -u --label a --label b a b > p
seq 20 | sed 's/^[3-7]$/x/' > f; patch --dry-run f < p; echo rc=$?; ls f*

#### patch: -R on unapplied patch
seq 10 > a; sed 's/4/four/' a > b; diff -u --label a --label b a b > p
cp a f; patch -R f < p; echo rc=$?; ls f*

#### patch: nonexistent patch file
seq 3 > f; patch f nosuch; echo rc=$?

#### csplit: regex offset out of range
seq 5 | csplit - /4/+3; echo rc=$?; ls xx* 2>&1

#### csplit: repeat line number runs out
seq 10 | csplit - 3 '{*}'; echo rc=$?; ls xx* 2>&1
