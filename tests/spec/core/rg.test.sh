# rg (ripgrep 13) compared with the host's ripgrep. Directory walks are
# sorted with --sort path (the host searches in parallel otherwise).

#### recursive search of the cwd, no line numbers in a pipe
mkdir -p t/sub/deep && cd t
printf 'hello world\nfoo bar\nHello again\n' > a.txt
printf 'foo\nbar\nfoo baz\n' > sub/b.py
printf 'foo deep\n' > sub/deep/c.rs
rg --sort path foo; echo "rc=$?"

#### explicit directory operand keeps its prefix
mkdir -p t/sub && printf 'foo\n' > t/a.txt && printf 'x foo\n' > t/sub/b.txt
rg --sort path foo t; rg --sort path foo t/; cd t && rg --sort path foo .

#### single file operand prints no path
printf 'one foo\ntwo\nthree foo\n' > f.txt
rg foo f.txt; rg -n foo f.txt

#### two file operands print paths
printf 'foo 1\n' > a.txt; printf 'foo 2\n' > b.txt
rg --sort path foo a.txt b.txt

#### -n line numbers in a walk
mkdir -p t && printf 'a\nfoo\nb\nfoo\n' > t/x.txt
rg -n --sort path foo t

#### -N turns line numbers off again
printf 'a\nfoo\n' > x.txt
rg -n -N foo x.txt

#### no match exits 1
printf 'abc\n' > x.txt
rg zzz x.txt; echo "rc=$?"

#### missing file error and status 2
rg foo nope; echo "rc=$?"

#### missing file next to a match still exits 2
printf 'foo\n' > a.txt
rg foo a.txt nope; echo "rc=$?"

#### missing file with --sort path
printf 'foo\n' > a.txt
rg --sort path foo a.txt nope; echo "rc=$?"

#### -i ignore case
printf 'Foo\nfoo\nFOO\nbar\n' > x.txt
rg -i foo x.txt

#### -S smart case lower-case pattern
printf 'Foo\nfoo\nFOO\n' > x.txt
rg -S foo x.txt

#### -S smart case with an upper-case letter
printf 'Foo\nfoo\nFOO\n' > x.txt
rg -S Foo x.txt

#### -s after -i wins
printf 'Foo\nfoo\n' > x.txt
rg -i -s foo x.txt; echo; rg -s -i foo x.txt

#### -w whole words
printf 'foo\nfoobar\nbar foo baz\nfoo_x\n' > x.txt
rg -w foo x.txt

#### -x whole lines
printf 'foo\nfoo bar\n foo\n' > x.txt
rg -x foo x.txt; rg -x 'foo.*' x.txt

#### -v invert
printf 'a\nfoo\nb\n' > x.txt
rg -v foo x.txt

#### -c counts per file
mkdir -p t/s && printf 'foo\nfoo\nbar\n' > t/a.txt && printf 'foo\n' > t/s/b.txt && printf 'none\n' > t/c.txt
rg -c --sort path foo t; rg -c foo t/a.txt

#### -c with no match prints nothing
printf 'abc\n' > x.txt
rg -c zzz x.txt; echo "rc=$?"

#### --count-matches
printf 'foo foo\nfoo\nbar\n' > x.txt
rg --count-matches foo x.txt; rg -c foo x.txt

#### -c -o counts matches
printf 'foo foo\nfoo\n' > x.txt
rg -c -o foo x.txt

#### -l files with matches
mkdir -p t/s && printf 'foo\n' > t/a.txt && printf 'bar\n' > t/b.txt && printf 'foo\n' > t/s/c.txt
rg -l --sort path foo t

#### --files-without-match
mkdir -p t/s && printf 'foo\n' > t/a.txt && printf 'bar\n' > t/b.txt && printf 'foo\n' > t/s/c.txt
rg --files-without-match --sort path foo t; echo "rc=$?"

#### --files-without-match when every file matches
printf 'foo\n' > a.txt
rg --files-without-match foo a.txt; echo "rc=$?"

#### -o only matching
printf 'hello world\nfoo\n' > x.txt
rg -o 'o+' x.txt; rg -on 'l+' x.txt

#### -o with --column
printf 'abcabc\n' > x.txt
rg -o --column b x.txt

#### -F fixed strings
printf 'a.c\nabc\n(x)\n' > x.txt
rg -F 'a.c' x.txt; rg -F '(x)' x.txt

#### -e several patterns
printf 'apple\nbanana\ncherry\n' > x.txt
rg -e apple -e cherry x.txt

#### -f pattern file
printf 'apple\nbanana\ncherry\n' > x.txt
printf 'ban\nrry\n' > pats
rg -f pats x.txt

#### pattern starting with a dash via -e
printf 'a -x b\nc\n' > x.txt
rg -e -x x.txt

#### -- ends the options
printf 'a -x b\nc\n' > x.txt
rg -- -x x.txt

#### -A after context
printf 'a\nfoo\nb\nc\nd\n' > x.txt
rg -A1 foo x.txt; rg -n -A 2 foo x.txt

#### -B before context
printf 'a\nb\nfoo\nc\n' > x.txt
rg -B1 foo x.txt; rg -n --before-context 5 foo x.txt

#### -C context with separators
printf 'a\nb\nfoo\nc\nd\ne\nf\nfoo\ng\n' > x.txt
rg -n -C1 foo x.txt

#### context groups that touch merge
printf 'foo\na\nfoo\nb\n' > x.txt
rg -n -C1 foo x.txt

#### context across files gets a separator
mkdir -p t && printf 'x\nfoo\ny\n' > t/a.txt && printf 'foo\nz\n' > t/b.txt
rg -C1 --sort path foo t

#### -m max count
printf 'foo 1\nfoo 2\nfoo 3\n' > x.txt
rg -m2 foo x.txt; rg -m 1 -c foo x.txt

#### -m with trailing context
printf 'a\nb\nfoo\nc\nd\ne\nfoo\n' > x.txt
rg -C1 -m1 foo x.txt

#### -r replace
printf 'hello world\n' > x.txt
rg -r 'X' o x.txt; rg -r '[$0]' 'o\w*' x.txt

#### -r with groups
printf 'john smith\njane doe\n' > x.txt
rg -r '$2, $1' '(\w+) (\w+)' x.txt; rg -r '${1}X' '(j)' x.txt

#### -r with named groups and $$
printf 'key=value\n' > x.txt
rg -r '$v:$k $$' '(?P<k>\w+)=(?P<v>\w+)' x.txt

#### -r with -o
printf 'a1b22c333\n' > x.txt
rg -o -r '<$0>' '[0-9]+' x.txt

#### --files lists searchable files
mkdir -p t/s t/.h && touch t/a.txt t/s/b.py t/.h/c t/.d
rg --files --sort path t

#### --files in the cwd
mkdir -p t/s && touch t/a t/s/b && cd t
rg --files --sort path

#### -g include glob
mkdir -p t/s && printf 'foo\n' > t/a.txt && printf 'foo\n' > t/s/b.py && printf 'foo\n' > t/s/c.txt
rg -g '*.py' --sort path foo t

#### -g negated glob
mkdir -p t/s && printf 'foo\n' > t/a.txt && printf 'foo\n' > t/s/b.py && printf 'foo\n' > t/s/c.txt
rg -g '!*.txt' --sort path foo t

#### -g excluding a directory
mkdir -p t/s t/k && printf 'foo\n' > t/a.txt && printf 'foo\n' > t/s/b.txt && printf 'foo\n' > t/k/c.txt
cd t && rg -g '!s' --sort path foo

#### -g with a path glob
mkdir -p t/s t/k && printf 'foo\n' > t/s/a.txt && printf 'foo\n' > t/k/a.txt
cd t && rg -g 's/*.txt' --sort path foo

#### --iglob is case-insensitive
mkdir -p t && printf 'foo\n' > t/A.TXT && printf 'foo\n' > t/b.py
rg --iglob '*.txt' --sort path foo t

#### --files with a glob
mkdir -p t/s && touch t/a.rs t/s/b.rs t/c.go
rg --files -g '*.rs' --sort path t

#### -t type filter
mkdir -p t && printf 'foo\n' > t/a.py && printf 'foo\n' > t/b.rs && printf 'foo\n' > t/c.js && printf 'foo\n' > t/d.md
rg -t py -t rust --sort path foo t; rg -t md --sort path foo t

#### -T excludes a type
mkdir -p t && printf 'foo\n' > t/a.py && printf 'foo\n' > t/b.rs && printf 'foo\n' > t/c.json
rg -T py --sort path foo t

#### -t with cpp and c headers
mkdir -p t && printf 'foo\n' > t/a.cpp && printf 'foo\n' > t/b.h && printf 'foo\n' > t/c.c && printf 'foo\n' > t/d.hpp
rg -tcpp --sort path foo t; echo; rg -t c --sort path foo t

#### unknown type is an error
printf 'foo\n' > a.txt
rg -t nosuchtype foo a.txt; echo "rc=$?"

#### hidden files are skipped
mkdir -p t/.hid && printf 'foo\n' > t/.dot && printf 'foo\n' > t/.hid/x && printf 'foo\n' > t/v
rg --sort path foo t

#### --hidden searches them
mkdir -p t/.hid && printf 'foo\n' > t/.dot && printf 'foo\n' > t/.hid/x && printf 'foo\n' > t/v
rg --hidden --sort path foo t

#### explicit hidden file is searched
printf 'foo\n' > .dot
rg foo .dot

#### .gitignore outside a git repository is not used
mkdir -p t && printf 'foo\n' > t/a.txt && printf 'foo\n' > t/b.log && printf '*.log\n' > t/.gitignore
rg --sort path foo t

#### .gitignore inside a git repository
mkdir -p t/.git t/s && printf 'foo\n' > t/a.txt && printf 'foo\n' > t/b.log && printf 'foo\n' > t/s/c.log && printf '*.log\n' > t/.gitignore
rg --sort path foo t

#### .gitignore negation and directories
mkdir -p t/.git t/build t/s && printf 'foo\n' > t/build/x && printf 'foo\n' > t/a.log && printf 'foo\n' > t/keep.log && printf 'foo\n' > t/s/y
printf 'build/\n*.log\n!keep.log\n' > t/.gitignore
rg --sort path foo t

#### anchored .gitignore pattern
mkdir -p t/.git t/s && printf 'foo\n' > t/x.txt && printf 'foo\n' > t/s/x.txt
printf '/x.txt\n' > t/.gitignore
rg --sort path foo t

#### nested .gitignore
mkdir -p t/.git t/s && printf 'foo\n' > t/a.md && printf 'foo\n' > t/s/a.md && printf 'foo\n' > t/s/b.txt
printf '*.md\n' > t/s/.gitignore
rg --sort path foo t

#### .ignore works without git
mkdir -p t && printf 'foo\n' > t/a.txt && printf 'foo\n' > t/b.txt && printf 'b.txt\n' > t/.ignore
rg --sort path foo t

#### .rgignore beats .ignore
mkdir -p t && printf 'foo\n' > t/a.txt && printf 'foo\n' > t/b.txt
printf 'b.txt\n' > t/.ignore && printf '!b.txt\na.txt\n' > t/.rgignore
rg --sort path foo t

#### --no-ignore
mkdir -p t && printf 'foo\n' > t/a.txt && printf 'foo\n' > t/b.txt && printf 'b.txt\n' > t/.ignore
rg --no-ignore --sort path foo t

#### -u, -uu
mkdir -p t/.h && printf 'foo\n' > t/a.txt && printf 'foo\n' > t/b.txt && printf 'foo\n' > t/.h/c && printf 'b.txt\n' > t/.ignore
rg -u --sort path foo t; echo; rg -uu --sort path foo t

#### ignored file named explicitly is searched
mkdir -p t && printf 'foo\n' > t/b.txt && printf 'b.txt\n' > t/.ignore
rg foo t/b.txt

#### binary files are skipped in a walk
mkdir -p t && printf 'foo\0bar\n' > t/bin && printf 'foo\n' > t/text
rg --sort path foo t

#### binary file named explicitly
printf 'foo\0bar\n' > bin
rg foo bin; echo "rc=$?"

#### -uuu reports binary matches
mkdir -p t && printf 'xx foo\0bar\n' > t/bin && printf 'foo\n' > t/text
rg -uuu --sort path foo t

#### -a searches binary as text
printf 'foo\nbar\0\n' > bin
rg -a foo bin

#### --max-depth
mkdir -p t/a/b && printf 'foo\n' > t/x && printf 'foo\n' > t/a/y && printf 'foo\n' > t/a/b/z
rg --max-depth 1 --sort path foo t; echo; rg --max-depth 2 --sort path foo t

#### symlinks are not followed without -L
mkdir -p t real && printf 'foo\n' > real/f && printf 'foo\n' > t/g && ln -s ../real t/link && ln -s ../real/f t/flink
rg --sort path foo t; echo; rg -L --sort path foo t

#### --heading groups by file
mkdir -p t && printf 'foo\nbar\n' > t/a && printf 'foo\nfoo\n' > t/b
rg --heading -n --sort path foo t

#### --no-heading after --heading
mkdir -p t && printf 'foo\n' > t/a && printf 'foo\n' > t/b
rg --heading --no-heading --sort path foo t

#### --vimgrep
mkdir -p t && printf 'foo foo\nx\n' > t/a && printf ' foo\n' > t/b
rg --vimgrep --sort path foo t

#### --column
printf 'abc foo\nfoo\n' > x
rg --column foo x

#### -0 null after paths
mkdir -p t && printf 'foo\n' > t/a && printf 'foo\n' > t/b
rg -0 --sort path foo t | od -c; rg -l -0 --sort path foo t | od -c

#### --trim
printf '   foo\n\t\tfoo bar\n' > x
rg --trim foo x

#### -H and -I
mkdir -p t && printf 'foo\n' > t/a
rg -H foo t/a; rg -I foo t

#### stdin is searched when piped
printf 'foo\nbar\n' | rg foo; printf 'foo\n' | rg -H foo; printf 'x\n' | rg foo; echo "rc=$?"

#### - names stdin next to files
printf 'foo\n' > a; printf 'foo in\n' | rg foo - | cat

#### -q quiet
printf 'foo\n' > a
rg -q foo a; echo "rc=$?"; rg -q zzz a; echo "rc=$?"

#### empty pattern matches every line
printf 'a\n\nb\n' > x
rg '' x; rg -c '' x

#### last line without newline
printf 'foo\nfoo end' > x
rg end x

#### Rust regex classes
printf 'a1\nb22\nc\n' > x
rg '\d{2}' x; rg '^[[:alpha:]]$' x; rg '\bc\b' x

#### alternation is leftmost-first
printf 'foobar\n' > x
rg -o 'foo|foobar' x

#### unicode and case folding
printf 'Straße\nSTRASSE\nÉté\n' > x
rg -i 'été' x; rg -o '\w+' x | head -2

#### invalid regex is an error
printf 'x\n' > x
rg '(foo' x 2>/dev/null; echo "rc=$?"

#### missing pattern is a usage error
rg; echo "rc=$?"

#### bad number for -A
rg -A x foo; echo "rc=$?"

#### unknown flag
rg --bogus foo; echo "rc=$?"

#### unclosed glob class
printf 'foo\n' > a
rg -g '[' foo a; echo "rc=$?"

#### combining -l with a walk and types
mkdir -p t/s && printf 'foo\n' > t/a.py && printf 'foo\n' > t/s/b.py && printf 'foo\n' > t/s/c.txt
rg -l -t py --sort path foo t

#### -w with -o and repeated words
printf 'foo foo-bar foox\n' > x
rg -ow foo x

#### -v with -c and -l
mkdir -p t && printf 'foo\nbar\n' > t/a && printf 'foo\n' > t/b
rg -v -c --sort path foo t; rg -v -l --sort path foo t

#### paths with spaces
mkdir -p 'my dir' && printf 'foo\n' > 'my dir/a file.txt'
rg --sort path foo 'my dir'

#### -U multiline match spans lines
printf 'foo\nbar\nbaz\nfoo\n' > x
rg -U 'foo\nbar' x; rg -U -n 'o\nb' x; rg -U -c a x

#### a newline in the pattern needs -U
printf 'foo\n' > x
rg 'a\nb' x; echo "rc=$?"

#### -c wins over -l
printf 'foo\nfoo\n' > x
rg -l -c foo x; rg -c -l foo x

#### --heading with a single file prints no heading
mkdir d && printf 'foo\n' > d/x
rg --heading foo d/x; rg --heading -c foo d

#### nothing searched in the default path
mkdir -p t/s && printf 'foo\n' > t/s/a && cd t
rg --max-depth 0 foo; echo "rc=$?"

#### empty directory operand is quiet
mkdir e
rg foo e; echo "rc=$?"

#### parent .gitignore applies below the repository root
mkdir -p a/.git a/s && printf '*.log\n' > a/.gitignore && printf 'foo\n' > a/s/x.log && printf 'foo\n' > a/s/y
cd a/s && rg foo

#### counts from stdin
printf 'foo\nfoo\n' | rg -c foo; printf 'x\n' | rg -l x

#### -t whitelists a hidden rc file
mkdir -p t && printf 'foo\n' > t/.bashrc && printf 'foo\n' > t/a.sh && printf 'foo\n' > t/b.txt
rg -t sh --sort path foo t
