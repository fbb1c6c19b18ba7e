#### output to a file and read back
echo hello > out.txt; cat out.txt

#### append
echo a > f; echo b >> f; cat f

#### input redirection
cat < words.txt

#### stderr to a file
ls /nonexistent 2> err.txt; wc -l < err.txt

#### stderr to stdout
{ echo out; echo err >&2; } 2>&1 | sort

#### order of redirections matters
{ echo err >&2; } 2>&1 >/dev/null | cat

#### ampersand greater redirects both
{ echo out; echo err >&2; } &> both.txt; sort both.txt

#### append both
echo 1 &> f; echo 2 &>> f; cat f

#### noclobber refuses to overwrite
set -C; echo a > f; echo b > f; echo "status $?"; cat f

#### clobber operator overrides noclobber
set -C; echo a > f; echo b >| f; cat f

#### here document with expansion
x=world; cat <<EOT
hello $x
$(echo sub) $((1+1))
EOT

#### quoted here document delimiter is literal
x=world; cat <<'EOT'
hello $x $(echo no)
EOT

#### here document strips tabs with dash
cat <<-EOT
	indented
		twice
	EOT

#### here string
cat <<< "a string"

#### here string with variable
x='v a l'; tr ' ' _ <<< $x

#### duplicate output fd
exec 3>f3; echo via3 >&3; exec 3>&-; cat f3

#### read from a custom fd
exec 4<words.txt; read -u 4 first; read -u 4 second; echo $first $second

#### close stdout causes write error
(echo hi >&-) 2>&1 | sed 's/^.*: //'

#### redirect to directory fails
echo x > dir; echo "status $?"

#### missing input file message
cat < nosuchfile; echo "status $?"

#### redirection without command creates file
> empty.txt; ls empty.txt; wc -c < empty.txt

#### read write redirection
echo abc > f; exec 5<>f; read -u 5 line; echo $line

#### fd variable allocation
exec {fd}>f; echo data >&$fd; exec {fd}>&-; cat f; [ $fd -ge 10 ] && echo big

#### dev null discards
echo gone > /dev/null; echo kept

#### redirection applies to compound command
for i in 1 2; do echo $i; done > loop.txt; cat loop.txt

#### here document in a pipeline
cat <<EOT | tr a-z A-Z
shout
EOT

#### two here documents
cat <<A; cat <<B
first
A
second
B

#### stdin of while loop from file
while read w; do echo "<$w>"; done < words.txt

#### redirect stderr of a builtin
cd /nonexistent 2>/dev/null; echo "status $?"

#### output redirection with variable filename
name=out2.txt; echo x > $name; cat out2.txt

#### ambiguous redirect
f='a b'; echo x > $f; echo "status $?"

#### >& with a word that expands to several words is ambiguous
set -- '2 3' 'c d'
echo hi 1>& "$@"; echo st=$?
echo hi >& "$@"; echo st=$?
ls

#### >& file with a glob naming one file
touch only.txt; echo hi >& only.t*; cat only.txt
