#### cat several files
cat words.txt dir/a.txt

#### head and tail
head -2 words.txt; tail -n 1 words.txt

#### wc counts
wc -l words.txt; wc -w < lines.txt

#### sort and uniq
printf 'b\na\nb\nc\na\n' | sort | uniq -c

#### sort numeric reverse
printf '10\n9\n100\n' | sort -rn

#### cut fields
cut -d, -f2 people.csv

#### tr character classes
echo 'Hello World' | tr '[:lower:]' '[:upper:]'

#### grep count and invert
grep -c a words.txt; grep -v a words.txt

#### grep with regex and line numbers
grep -n '^[bg]' words.txt

#### sed substitution
sed 's/a/A/g' words.txt | head -2

#### sed delete lines
sed '2,4d' words.txt

#### awk fields
awk -F, 'NR>1 {s+=$2} END {print s}' people.csv

#### awk printf
awk '{printf "%s:%d\n", $1, length($1)}' words.txt

#### find by name
find dir -name '*.txt' | sort

#### find type directories
find . -type d | sort

#### xargs
printf 'a\nb\n' | xargs echo

#### xargs with replacement
printf 'x\ny\n' | xargs -I{} echo item-{}

#### mkdir cp mv rm
mkdir -p t/u; cp words.txt t/u/w; mv t/u/w t/w2; rm -r t/u; ls t

#### touch and ls
touch z1 z2; ls z*

#### basename and dirname
basename /a/b/c.txt .txt; dirname /a/b/c.txt

#### seq formats
seq 3; seq 1 2 7; seq -s, 1 4

#### tee writes a copy
echo copy | tee tee.txt; cat tee.txt

#### diff of two files
printf 'a\nb\n' > f1; printf 'a\nc\n' > f2; diff f1 f2; echo "status $?"

#### date from epoch in UTC
date -u -d @0 '+%Y-%m-%d %H:%M:%S'

#### printf piped into while read
printf '%s\n' 1 2 3 | while read n; do echo $((n*n)); done

#### rev and tac
echo abc | rev; printf '1\n2\n3\n' | tac

#### paste joins lines
paste -sd, words.txt

#### nl numbers lines
nl words.txt | head -2

#### tr delete and squeeze
echo 'aabbcc' | tr -d a; echo 'aabbcc' | tr -s abc

#### sort by key
sort -t, -k2 -n people.csv

#### head of missing file
head nosuch.txt; echo "status $?"

#### ls of missing file
ls nosuch; echo "status $?"

#### wc of several files
wc -l words.txt lines.txt

#### md5sum of stdin
echo hello | md5sum

#### sha256sum of a file
sha256sum words.txt

#### base64 round trip
echo data | base64 | base64 -d

#### expr arithmetic
expr 3 + 4; expr 10 / 3

#### od of a string
printf 'AB' | od -An -tx1

#### cat -n of a file
cat -n lines.txt

#### rm of missing file with -f
rm -f nosuch; echo $?

#### mkdir existing fails
mkdir dir; echo "status $?"

#### cp missing source
cp nosuch x; echo "status $?"

#### readlink -f of a relative path
cd dir; readlink -f ../words.txt

#### realpath of a directory
realpath dir/sub

#### stat format
stat -c '%s %n' words.txt

#### uniq -d
printf 'a\na\nb\n' | uniq -d

#### comm of sorted inputs
printf 'a\nb\n' > s1; printf 'b\nc\n' > s2; comm s1 s2

#### join on first field
printf '1 a\n2 b\n' > j1; printf '1 x\n2 y\n' > j2; join j1 j2

#### fold long lines
echo abcdefghij | fold -w 3

#### grep -o
echo 'a1b22c333' | grep -o '[0-9]*'

#### sed with extended regex
echo 'aaa bbb' | sed -E 's/(a+) (b+)/\2 \1/'

#### awk with regex
awk '/^[ae]/' words.txt

#### find with exec
find dir -name '*.md' -exec cat {} \;

#### env runs a command
env X=1 sh -c 'echo $X'

#### which finds commands
which cat >/dev/null && echo found
