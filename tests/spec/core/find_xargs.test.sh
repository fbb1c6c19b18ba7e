#### find lists a tree
find dir | sort

#### find by name pattern
find . -name '*.txt' | sort

#### find case-insensitive name
touch UPPER.TXT; find . -iname 'upper.txt'

#### find by path
find . -path './dir/*' | sort

#### find type file and directory
find dir -type f | sort; find dir -type d | sort

#### find maxdepth and mindepth
find . -maxdepth 1 -name '*.csv'; find dir -mindepth 2 | sort

#### find not and or
find dir \( -name '*.md' -o -name 'a*' \) | sort; find dir -type f ! -name '*.txt'

#### find empty
find . -empty | sort

#### find size
find . -maxdepth 1 -type f -size +25c | sort; find . -maxdepth 1 -size -1k -type f | sort

#### find prune
find . -name dir -prune -o -type f -name '*.txt' -print | sort

#### find printf
find dir -type f -printf '%f %s %d\n' | sort

#### find printf path pieces
find dir/sub -printf '%p|%h|%P\n'

#### find print0
find dir -name '*.md' -print0 | od -c | head -1

#### find exec with semicolon
find dir -name '*.txt' -exec echo file: {} \; | sort

#### find exec with plus
find dir -type f -exec echo {} + | tr ' ' '\n' | sort

#### find delete
mkdir -p del/a; touch del/a/x del/y; find del -name x -delete; find del | sort

#### find depth order
find dir/sub -depth

#### find missing start
find nosuch; echo "status $?"

#### find unknown predicate
find . -bogus; echo "status $?"

#### find missing argument
find . -name; echo "status $?"

#### find regex
find . -regex '.*/[wl][a-z]*\.txt' | sort

#### find newer
touch -d '2001-01-01' old.txt; touch new.txt; find . -maxdepth 1 -newer old.txt -name '*.txt' | sort

#### find quit
find dir/sub -type f -print -quit; echo after

#### find links count and perm
chmod 700 script.sh; find . -maxdepth 1 -perm 700; find . -maxdepth 1 -perm -u+x -type f

#### xargs default echo
printf 'a b\nc\n' | xargs

#### xargs -n
seq 5 | xargs -n 2 echo

#### xargs -I
printf 'x\ny\n' | xargs -I % echo '[%]'

#### xargs -0
printf 'a b\0c\0' | xargs -0 -n 1 echo

#### xargs -d
printf 'a:b:c' | xargs -d : echo

#### xargs quotes
echo "'a b' \"c d\" e\\ f" | xargs -n 1 echo

#### xargs unmatched quote
echo "'abc" | xargs echo; echo "status $?"

#### xargs empty input runs once
xargs echo hi < /dev/null

#### xargs -r skips empty input
xargs -r echo hi < /dev/null; echo "status $?"

#### xargs -L
printf 'a b\nc\nd e\n' | xargs -L 2 echo

#### xargs -t prints commands
echo a b | xargs -t echo 2>&1

#### xargs failing command gives 123
printf '1\n2\n' | xargs -n 1 sh -c 'exit $0'; echo "status $?"

#### xargs command not found
echo x | xargs nosuchcmd; echo "status $?"

#### xargs 255 aborts
printf '1\n2\n' | xargs -n 1 sh -c 'echo run $0; exit 255'; echo "status $?"

#### xargs -E stops at eof string
printf 'a\nSTOP\nb\n' | xargs -E STOP echo

#### find piped to xargs
find dir -name '*.txt' -print0 | xargs -0 cat | sort

#### xargs -a reads a file
xargs -a words.txt -n 2 echo
