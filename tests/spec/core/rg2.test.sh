# rg (ripgrep 13), second part: --json, file types (--type-list, --type-add,
# --type-clear), -P, --null-data, --max-filesize, colours (-p, --color).
# JSON timings differ from run to run, so they are blanked with sed.

#### --json: begin, match, end and summary messages
printf 'hello world\nfoo bar\nhello again\n' > a.txt
rg --json hello a.txt | sed -E 's/"(elapsed|elapsed_total)":\{[^}]*\}/"\1":T/g'; echo "rc=${PIPESTATUS[0]}"

#### --json with context lines
printf 'hello world\nfoo bar\nhello again\nlast\n' > a.txt
rg --json -C1 foo a.txt | sed -E 's/"(elapsed|elapsed_total)":\{[^}]*\}/"\1":T/g'

#### --json inverted: context lines carry the submatches
printf 'hello world\nfoo bar\nhello again\n' > a.txt
rg --json -v -C1 foo a.txt | sed -E 's/"(elapsed|elapsed_total)":\{[^}]*\}/"\1":T/g'

#### --json with no match prints only the summary
printf 'abc\n' > a.txt
rg --json zzz a.txt | sed -E 's/"(elapsed|elapsed_total)":\{[^}]*\}/"\1":T/g'; echo "rc=${PIPESTATUS[0]}"

#### --json escapes and several submatches per line
printf 'tab\there "q" back\\slash x\n' > a.txt
printf 'no newline at end x' > b.txt
rg --json --sort path -e x -e 'ba.k' a.txt b.txt | sed -E 's/"(elapsed|elapsed_total)":\{[^}]*\}/"\1":T/g'

#### --json: invalid UTF-8 becomes base64 bytes
printf 'caf\351 hello\n' > a.txt
rg --json hello a.txt | sed -E 's/"(elapsed|elapsed_total)":\{[^}]*\}/"\1":T/g'

#### --json over a directory walk, stdin and -m
mkdir -p t/sub && printf 'x1\nx2\nx3\n' > t/a.txt && printf 'nope\n' > t/b.txt && printf 'x\n' > t/sub/c.txt
rg --json --sort path -m2 x t | sed -E 's/"(elapsed|elapsed_total)":\{[^}]*\}/"\1":T/g'
printf 'in x\n' | rg --json x | sed -E 's/"(elapsed|elapsed_total)":\{[^}]*\}/"\1":T/g'

#### --json on a binary file named on the command line
printf 'abcdef\000 hello\nline2 hello\n' > c.bin
rg --json hello c.bin | sed -E 's/"(elapsed|elapsed_total)":\{[^}]*\}/"\1":T/g'

#### --json -U: one message for the lines a match spans
printf 'hello world\nfoo bar\nhello again\nzzz\n' > a.txt
rg --json -U 'world\nfoo|again' a.txt | sed -E 's/"(elapsed|elapsed_total)":\{[^}]*\}/"\1":T/g'

#### --json refuses counting and listing flags
printf 'x\n' > a.txt
rg --json -c x a.txt; echo "rc=$?"
rg -l --json x a.txt 2>&1 | head -1
rg --json --files 2>&1 | head -1
rg --json --count-matches x 2>&1 | head -1
rg --json --files-without-match x 2>&1 | head -1

#### --type-list lists every built-in type
rg --type-list | head -5; rg --type-list | wc -l; rg --type-list | grep -E '^(c|py|rust|make|sh):'

#### --type-add adds globs and new types, --type-clear drops them first
rg --type-add 'zz:*.zz' --type-add 'aa:*.b' --type-add 'aa:*.a' --type-add 'c:*.q' --type-list | grep -E '^(zz|aa|c):'
rg --type-add 'c:*.x' --type-clear c --type-list | grep -E '^c:'
rg --type-add 'src:include:py,md' --type-add 'src:*.r' --type-list | grep '^src:'
rg --type-add 'x:*.a,*.b' --type-list | grep '^x:'

#### bad --type-add definitions
for d in bad 'a-b:*.x' 'x:include:nope' 'x:' ':*.x' 'x:include:'; do rg --type-add "$d" --type-list >/dev/null; echo "rc=$?"; done
rg --type-add 'src:include:c' --type-clear c --type-list > /dev/null; echo "rc=$?"

#### -t with an added type, -T and an unknown type
mkdir t && printf 'x\n' > t/a.foo && printf 'x\n' > t/b.py && printf 'x\n' > t/c.txt
rg --sort path --type-add 'foo:*.foo' -tfoo x t
rg --sort path --type-add 'foo:*.foo' -Tfoo -Tpy x t
rg --sort path --type-clear py -tpy x t; echo "rc=$?"
rg --sort path -t nope x t; echo "rc=$?"

#### -t all and -T all
mkdir t && printf 'x\n' > t/a.unknownext && printf 'x\n' > t/b.py && printf 'x\n' > t/Makefile
rg --sort path -tall x t; echo "--"; rg --sort path -Tall x t

#### --type-list refuses a pattern
rg --type-list foo 2>&1 | head -1; rg --type-list -e foo 2>&1 | head -1

#### -P: look-around and Unicode classes
printf 'hello world\nhello again\ncafé x\n' > a.txt
rg -P 'hel(?=lo\sw)' a.txt; rg -P -o '\w+' a.txt; rg -P '(?<=caf)é' a.txt; rg -P -w 'hel' a.txt; echo "rc=$?"

#### -P with -i, -x, -r and named groups
printf 'hello world\nfoo bar\nHELLO again\n' > a.txt
rg -P -i 'hello' a.txt; rg -P -x 'foo bar' a.txt; rg -P '(?P<x>hel)lo' -r '$x' a.txt; rg -P -o -e 'hel(?=lo)' -e 'fo+' a.txt

#### -P compile errors and leniency
printf 'a{\n' > a.txt
rg -P '(' a.txt; echo "rc=$?"; rg -P 'a{' a.txt; echo "rc=$?"; rg -P 'x\ny' a.txt; echo "rc=$?"

#### --null-data: NUL ends lines
printf 'one\ntwo\000three\000' > a.bin
rg --null-data two a.bin | od -c; rg --null-data -c 'o' a.bin

#### --max-filesize skips large files in a walk, not named ones
mkdir t && printf 'hello\n' > t/small.txt && printf 'hello %040d\n' 0 > t/big.txt
rg --sort path --max-filesize 10 hello t; rg --max-filesize 10 hello t/big.txt; rg --sort path --max-filesize 1K hello t
rg --max-filesize 1X hello t; echo "rc=$?"; rg --max-filesize 10 zzz t/small.txt; echo "rc=$?"

#### --color always colours paths, line numbers and matches
printf 'hello world\nfoo bar\nhello again\n' > a.txt
rg --color always -n hello a.txt | od -c | head -20
rg --color always -H --column l a.txt | cat -v

#### -p: headings, line numbers and colour
mkdir t && printf 'hello world\nfoo bar\n' > t/a.txt && printf 'x hello\n' > t/b.txt
TERM=xterm rg -p --sort path hello t | cat -v
TERM= rg -p hello t/b.txt | cat -v; TERM=dumb rg -p hello t/b.txt | cat -v
TERM=xterm NO_COLOR=1 rg -p hello t/b.txt | cat -v; TERM=xterm rg -p --color never hello t/b.txt

#### coloured -o, -r, --vimgrep, -v with context, -c and --files
printf 'hello world\nfoo bar\nhello again\n' > a.txt
rg --color always -o 'l+' a.txt | cat -v
rg --color always -r X -H l a.txt | cat -v
rg --color always --vimgrep o a.txt | cat -v
rg --color always -v -C1 foo a.txt | cat -v
rg --color always -c hello a.txt | cat -v; rg --color always -l -H hello a.txt | cat -v
mkdir d && touch d/x d/y && rg --color always --files --sort path d | cat -v

#### coloured -U matches are coloured on each line they touch
printf 'hello world\nfoo bar\n' > a.txt
rg --color always -U 'world\nfoo' a.txt | cat -v; rg --color never hello a.txt; rg --color always --trim x <(printf '  x y\n') | cat -v

#### bad --color value
rg --color sometimes x; echo "rc=$?"

#### -z searches inside gzip, bzip2, xz and zstd files
mkdir t && printf 'hello gz\nno\n' | gzip > t/a.gz && printf 'hello bz\n' | bzip2 > t/b.bz2
printf 'hello xz\n' | xz > t/c.xz && printf 'hello zst\n' | zstd -q > t/d.zst && printf 'hello plain\n' > t/e.txt
rg -z --sort path -n hello t; echo "rc=$?"; rg -z -c hello t/a.gz; rg --sort path hello t; echo "rc=$?"
