# fmt, numfmt and pr (GNU coreutils 9), compared with the host's tools.

#### fmt default width
cat > p.txt <<'EOF'
The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen.  Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions.

Call me Ishmael. Some years ago (never mind how long precisely) having little or no money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.
EOF
fmt p.txt

#### fmt -w 40
cat > p.txt <<'EOF'
The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen.  Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions.

Call me Ishmael. Some years ago (never mind how long precisely) having little or no money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.
EOF
fmt -w 40 p.txt

#### fmt -w40 attached
cat > p.txt <<'EOF'
The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen.  Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions.

Call me Ishmael. Some years ago (never mind how long precisely) having little or no money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.
EOF
fmt -w40 p.txt

#### fmt --width=30
cat > p.txt <<'EOF'
The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen.  Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions.

Call me Ishmael. Some years ago (never mind how long precisely) having little or no money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.
EOF
fmt --width=30 p.txt

#### fmt obsolete -60
cat > p.txt <<'EOF'
The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen.  Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions.

Call me Ishmael. Some years ago (never mind how long precisely) having little or no money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.
EOF
fmt -60 p.txt

#### fmt obsolete -20 short lines
printf 'a b c d e f g h i j k l m n o p q r s t u v w x y z\n' | fmt -20

#### fmt -g goal
cat > p.txt <<'EOF'
The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen.  Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions.

Call me Ishmael. Some years ago (never mind how long precisely) having little or no money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.
EOF
fmt -g 50 p.txt

#### fmt -w and -g
cat > p.txt <<'EOF'
The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen.  Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions.

Call me Ishmael. Some years ago (never mind how long precisely) having little or no money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.
EOF
fmt -w 60 -g 40 p.txt

#### fmt -s split only
printf 'short line\nanother short line that is quite a bit longer than the width allows here\n' | fmt -s -w 20

#### fmt -u uniform spacing
printf 'one   two    three.  four five.   six\n' | fmt -u

#### fmt keeps spacing without -u
printf 'one   two    three.  four five.   six\n' | fmt

#### fmt -c crown margin
printf '   first line of a paragraph here\n other lines are indented differently and go on and on for a while\n more text\n' | fmt -c -w 30

#### fmt -t tagged
printf 'tag: first line text and a good deal more words to wrap around\n      second line\n' | fmt -t -w 30

#### fmt -t one-line paragraph
printf 'a single tagged line that is long enough to wrap around a bit\n' | fmt -t -w 25

#### fmt -p prefix
printf '# comment line one is here\n# and comment two continues it\ncode line stays\n# third\n' | fmt -p '# ' -w 20

#### fmt indented paragraphs
printf '    indented text that goes on for quite some words to be wrapped\n    continuing here\n\nunindented\n' | fmt -w 30

#### fmt tabs in indentation
printf '\tindented with a tab and then many words to wrap across lines\n\tmore\n' | fmt -w 30

#### fmt multiple files and stdin
cat > p.txt <<'EOF'
The quick brown fox jumps over the lazy dog. It was a bright cold day in April, and the clocks were striking thirteen.  Winston Smith, his chin nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors of Victory Mansions.

Call me Ishmael. Some years ago (never mind how long precisely) having little or no money in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and see the watery part of the world.
EOF
printf 'from stdin\n' | fmt p.txt - p.txt

#### fmt blank lines preserved
printf 'a\n\n\nb\n\n' | fmt

#### fmt no trailing newline
printf 'no newline at end' | fmt

#### fmt empty input
printf '' | fmt; echo status=$?

#### fmt long word
printf 'supercalifragilisticexpialidocious word\n' | fmt -w 10

#### fmt sentence ends
printf 'Dr. Smith went home.  He slept. Then he woke up! Did he? Yes.\n' | fmt -w 25

#### fmt -w 0
printf 'a b c\n' | fmt -w 0

#### fmt missing file
fmt nosuchfile; echo status=$?

#### fmt missing and existing file
printf 'x y\n' > ok.txt; fmt nosuchfile ok.txt; echo status=$?

#### fmt invalid width
fmt -w abc </dev/null; echo status=$?

#### fmt width too large
fmt -w 2501 </dev/null; echo status=$?

#### fmt goal above width
fmt -w 20 -g 30 </dev/null; echo status=$?

#### fmt bad option
fmt -x; echo status=$?

#### fmt digit not first
fmt -w 10 -5 </dev/null; echo status=$?

#### fmt directory
fmt dir; echo status=$?

#### fmt long paragraph flush
for i in $(seq 1 1200); do printf 'word%d ' $i; done | fmt -w 50 | md5sum

#### fmt fixtures
fmt -w 12 lines.txt words.txt

#### numfmt --to=si
numfmt --to=si 1000 999999 1500000 123456789 9999 0

#### numfmt --to=iec
numfmt --to=iec 2048 1023 1024 1048576 1535

#### numfmt --to=iec-i
numfmt --to=iec-i 4096 1 1048576

#### numfmt --from=si
numfmt --from=si 1K 1.5M 2G

#### numfmt --from=iec
numfmt --from=iec 1K 1M 10G

#### numfmt --from=auto
numfmt --from=auto 1Ki 1K 1.5Mi

#### numfmt --from=iec-i
numfmt --from=iec-i 1Ki 4Mi

#### numfmt from and to
numfmt --from=iec --to=si 1M

#### numfmt stdin
printf '1000\n2000000\n3\n' | numfmt --to=si

#### numfmt negative stdin
printf -- '-1500\n-0.5\n' | numfmt --to=si

#### numfmt --round
for r in up down from-zero towards-zero nearest; do numfmt --to=si --round=$r 1001 1999 1550; done

#### numfmt --round negative
printf -- '-1999\n-1001\n' | numfmt --to=si --round=up; printf -- '-1999\n' | numfmt --to=si --round=down

#### numfmt --suffix
numfmt --suffix=B --to=si 2000 12000B; numfmt --suffix=B 12B

#### numfmt --padding
numfmt --padding=8 42; numfmt --padding=-8 42 | cat -A; numfmt --padding=3 123456

#### numfmt --format
numfmt --format=%08.2f 3.14159; numfmt --format='abc%fdef' 5; numfmt --format=%.3f --to=si 123456

#### numfmt --format width and precision
numfmt --format=%10.1f --to=si 12345; numfmt --format=%-8f 5 | cat -A; numfmt --format=%.f 5.5

#### numfmt --format percent
numfmt --format='a%%b%f' 5

#### numfmt decimals
numfmt 1.5 1.23456789 .5 --to=si 12.5

#### numfmt --field
echo 'a 1000 2000 3000' | numfmt --field=2 --to=si; echo 'a 1000 2000 3000' | numfmt --field=2- --to=si; echo 'a 1000 2000 3000' | numfmt --field=2,4 --to=si

#### numfmt --field range
echo '1000 2000 3000 4000' | numfmt --field=-2 --to=si; echo '1000 2000 3000 4000' | numfmt --field 2-3 --to=iec

#### numfmt -d delimiter
echo '1000:2000:x' | numfmt -d: --field=2 --to=si; echo '1000,2000' | numfmt --delimiter=, --field=1,2 --to=si

#### numfmt auto padding
printf '  1000 x\n   999999 y\n' | numfmt --to=si; printf 'a     2000\n' | numfmt --field=2 --to=si

#### numfmt --header
printf 'Size\n1000\n2000\n' | numfmt --header --to=si; printf 'H1\nH2\n1000\n' | numfmt --header=2 --to=si

#### numfmt -z
{ printf '1000\0'; printf '2000\0'; } | numfmt -z --to=si | od -c

#### numfmt --from-unit --to-unit
numfmt --from-unit=512 4; numfmt --to-unit=1K 4096; numfmt --from-unit=1Ki --to=iec 2048

#### numfmt no trailing newline stdin
printf '1000' | numfmt --to=si | od -c

#### numfmt invalid number
numfmt x; echo status=$?

#### numfmt invalid suffix
numfmt 12x; echo status=$?; numfmt --from=si 1KB; echo status=$?

#### numfmt rejecting suffix
numfmt 1K; echo status=$?

#### numfmt missing i suffix
numfmt --from=iec-i 1K; echo status=$?

#### numfmt abort stops early
printf '1000\nbad\n3000\n' | numfmt --to=si; echo status=$?

#### numfmt --invalid modes
for m in fail warn ignore; do numfmt --invalid=$m x 5; echo status=$?; done

#### numfmt --invalid=fail stdin
printf '1000\nbad 7\n3000\n' | numfmt --to=si --invalid=fail; echo status=$?

#### numfmt too large
numfmt --to=si 1000000000000000000000000000; echo status=$?; numfmt 123456789012345678901; echo status=$?; numfmt --to=si 100000000000000000000000000

#### numfmt bad --from
numfmt --from=foo 1; echo status=$?

#### numfmt bad --to auto
numfmt --to=auto 1; echo status=$?

#### numfmt bad --round
numfmt --round=x 1; echo status=$?

#### numfmt bad --invalid
numfmt --invalid=bad 1; echo status=$?

#### numfmt bad padding and header
numfmt --padding=0 1; echo status=$?; numfmt --padding=abc 1; echo status=$?; numfmt --header=0 5; echo status=$?

#### numfmt bad field
numfmt --field=0 1; echo status=$?; numfmt --field=a 1; echo status=$?; numfmt --field 2 --field 3 1; echo status=$?

#### numfmt bad delimiter
numfmt -d ab 1; echo status=$?

#### numfmt bad format
numfmt --format=%d 1; echo status=$?; numfmt --format=%f%f 1; echo status=$?; numfmt --format=% 1; echo status=$?; numfmt --format=abc 1; echo status=$?; numfmt --format=%+f 1; echo status=$?

#### numfmt bad unit
numfmt --from-unit=x 1; echo status=$?; numfmt --to-unit=0 1; echo status=$?

#### numfmt grouping with to
numfmt --grouping --to=si 1; echo status=$?; numfmt --grouping 1234567

#### numfmt bad option
numfmt --bogus; echo status=$?

#### numfmt abbreviated arguments
numfmt --to=s 1000; numfmt --from=a 1Ki --round=n

#### pr default page
seq 1 10 > f; touch -d '2024-01-02 03:04' f
pr f

#### pr multiple pages
seq 1 100 > big; touch -d '2024-01-02 03:04' big
pr big

#### pr -h header
seq 1 10 > f; touch -d '2024-01-02 03:04' f
pr -h 'My Title' f

#### pr -l short page
seq 1 10 > f; touch -d '2024-01-02 03:04' f
pr -l 20 f

#### pr -l 10 implies -t
seq 1 10 > f; touch -d '2024-01-02 03:04' f
pr -l 10 f

#### pr -t
seq 1 10 > f; touch -d '2024-01-02 03:04' f
pr -t f

#### pr -T with form feeds
printf 'a\fb\nc\n' | pr -T; printf 'a\fb\nc\n' | pr -t

#### pr form feed in input
printf 'a\nb\fc\nd\n' > ff; touch -d '2024-01-02 03:04' ff; pr -l 15 ff

#### pr -2 columns
seq 1 10 | pr -2 -t

#### pr -3 -a across
seq 1 10 | pr -3 -t -a

#### pr -3 columns with header
seq 1 100 > big; touch -d '2024-01-02 03:04' big
pr -3 -l 30 big

#### pr --columns
seq 1 25 | pr --columns=4 -t -l 5

#### pr -n
seq 1 5 | pr -t -n

#### pr -n custom
seq 1 5 | pr -t -n:3; seq 98 102 | pr -t -n,2

#### pr -n with columns
seq 1 12 | pr -t -n -2

#### pr -s separator
seq 1 5 | pr -2 -t -s,; seq 1 5 | pr -2 -t -s

#### pr -S string
seq 1 6 | pr -3 -t -S' | '

#### pr -w narrow columns
printf 'abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmn\nx\n' | pr -2 -t -w 30

#### pr -W truncates
printf 'abcdefghijklmnopqrstuvwxyz0123456789\n' | pr -t -W 10

#### pr -o -d
seq 3 | pr -t -o 3 -d

#### pr -o with header
seq 1 10 > f; touch -d '2024-01-02 03:04' f
pr -o 4 -l 15 f

#### pr -m merge
seq 1 10 > f; touch -d '2024-01-02 03:04' f
seq 3 > g; touch -d '2024-01-02 03:04' g; pr -m -t f g

#### pr -m with header uses current time
seq 1 10 > f; touch -d '2024-01-02 03:04' f
seq 3 > g; pr -m -l 14 f g | sed 3d

#### pr -m -s
seq 3 > a1; printf 'x\ny\n' > a2; pr -m -t -s: a1 a2

#### pr -F form feed pages
seq 1 100 > big; touch -d '2024-01-02 03:04' big
pr -F -l 20 big

#### pr --pages
seq 1 100 > big; touch -d '2024-01-02 03:04' big
pr --pages=2:3 -l 20 big

#### pr +page
seq 1 100 > big; touch -d '2024-01-02 03:04' big
pr +4 -l 30 big

#### pr pages beyond end
seq 1 10 > f; touch -d '2024-01-02 03:04' f
pr +5 f; echo status=$?

#### pr -D date format
seq 1 10 > f; touch -d '2024-01-02 03:04' f
pr -D '%d/%m/%Y' -l 12 f

#### pr several files
seq 1 10 > f; touch -d '2024-01-02 03:04' f
seq 20 22 > g; touch -d '2023-05-06 07:08' g; pr -l 12 f g

#### pr tabs and -e
printf 'a\tb\tc\n' | pr -t -e4; printf 'a\tb\n' | pr -t

#### pr -c and -v control chars
printf 'a\001b\n' | pr -t -c | od -c; printf 'a\001b\n' | pr -t -v

#### pr -J join lines
printf 'long line here\nb\n' | pr -2 -t -J

#### pr wide header name
seq 2 > averyveryveryveryveryveryveryveryveryverylongfilenamethatgoesonandon.txt; touch -d '2024-01-02 03:04' averyveryveryveryveryveryveryveryveryverylongfilenamethatgoesonandon.txt; pr -l 12 averyveryveryveryveryveryveryveryveryverylongfilenamethatgoesonandon.txt

#### pr missing file
pr nosuchfile; echo status=$?

#### pr missing and existing
seq 1 10 > f; touch -d '2024-01-02 03:04' f
pr -t nosuchfile f; echo status=$?

#### pr -r quiet
pr -r nosuchfile; echo status=$?

#### pr directory
pr dir; echo status=$?

#### pr bad option
pr -k; echo status=$?

#### pr invalid length
pr -l 0 </dev/null; echo status=$?; pr -l x </dev/null; echo status=$?

#### pr invalid width and offset
pr -w 0 </dev/null; echo status=$?; pr -o -1 </dev/null; echo status=$?; pr -N x </dev/null; echo status=$?

#### pr invalid columns
pr --columns=0 </dev/null; echo status=$?

#### pr page width too narrow
pr -w 5 -6 </dev/null; echo status=$?

#### pr columns and merge conflict
pr -2 -m f f; echo status=$?; pr -a -m f f; echo status=$?

#### pr bad -n argument
pr -n:3x </dev/null; echo status=$?

#### pr bad page range
pr --pages=0 </dev/null; echo status=$?

#### pr empty input
printf '' | pr; echo status=$?

#### pr no trailing newline
printf 'a\nb' | pr -t | od -c

#### pr fixtures
pr -t -2 -w 40 lines.txt words.txt

#### fmt prefix with quoted mail
printf '> quoted text that is long enough to wrap a few times over\n> more\n>\n> next para\n' | fmt -p '>' -w 20

#### fmt prefix with indent
printf 'hello world\n\n  indented para here with more words\n  and more\n\tx\n' | fmt -w 15 -p '  '

#### fmt carriage returns and vertical tabs
printf 'a\r\nb c\r\n' | fmt | od -c; printf 'x\013y\014z w\n' | fmt -w 3 | od -c

#### fmt punctuation breaks
printf 'a (b c) d, e; f: g.\n' | fmt -w 6

#### fmt utf-8 words
printf 'α β γ δ ε ζ η θ ι κ λ μ\n' | fmt -w 10

#### fmt one huge word
head -c 6000 /dev/zero | tr '\0' a | fmt | wc -c

#### numfmt si rounding table
numfmt --to=si 1 10 100 999 1000 1001 1049 1050 1051 9949 9950 99999 999499 999500

#### numfmt iec boundaries
numfmt --to=iec 1023 1024 1025 10239 10240 1048575 1073741824

#### numfmt format precision with scaling
numfmt --to=si --format=%.2f 1234567 5 0.5; numfmt --format=%.1f 1.25 1.35 2.5

#### numfmt suffix with padding
numfmt --to=iec-i --suffix=B --padding=10 123456789; numfmt --format=%-10f --padding=5 42 | cat -A

#### numfmt tab separated field
printf '1000\t2000\n' | numfmt --field=2 --to=si | cat -A

#### numfmt --debug
numfmt --debug 1000; numfmt --debug --invalid=warn x; numfmt --debug --header 5; numfmt --debug --padding=4 --format=%6f 1

#### numfmt --debug precision loss
numfmt --debug 1234567890123456789012

#### pr -4 long file
seq 1 200 > b; touch -d '2024-01-02 03:04' b; pr -4 b

#### pr -3 -a pages
seq 1 200 > b; touch -d '2024-01-02 03:04' b; pr -3 -a -l 20 b

#### pr -b accepted
seq 1 7 | pr -3 -t -b

#### pr -m three files
seq 5 > a; seq 8 > b; seq 2 > c; pr -m -t a b c; pr -m -n -t a b; pr -m -t -S'|' a b; pr -m -t -w 20 a b

#### pr form feeds and columns
printf 'a\fb\fc\n' > x; touch -d '2024-01-02 03:04' x; pr -l 12 x; pr -2 -l 12 x

#### pr -m with form feed
printf 'a\n\fb\n' > x; seq 3 > y; touch -d '2024-01-02 03:04' x y; pr -m -l 12 -h H x y

#### pr -N and --pages numbering
seq 30 > s; touch -d '2024-01-02 03:04' s; pr -N 100 -n -l 15 s; pr --pages=2 -n -l 15 s

#### pr -i output tabs
printf 'a\tb\tc\n' | pr -t -i | od -c; printf 'a        b\n' | pr -t -i4 | od -c

#### pr backspace
printf 'abc\bd\n' | pr -t | od -c

#### pr -s -W -J with columns
seq 6 | pr -t -3 -s -w 10; seq 6 | pr -t -3 -W 12; seq 6 | pr -t -3 -J -S:

#### pr utf-8 header
printf 'x\n' > u; touch -d '2024-01-02 03:04' u; pr -l 12 -h 'héllo' u

#### pr stdin twice
seq 3 | pr -t - -; echo status=$?

#### pr -m missing files
pr -m nosuch1 nosuch2; echo status=$?

#### pr big columns
seq 1 100000 > b; touch -d '2024-01-02 03:04' b; pr -5 b | md5sum; seq 1 100000 | pr -t -3 -a | md5sum
