# Builtins: directory stack, getopts, kill -l, trap, type, command -p,
# hash, bind, read -N, test corners (differential against bash).

#### pushd with a bad option is an invalid number
pushd -z; echo status=$?

#### pushd -- dir
mkdir -p d1; pushd -- d1 >/dev/null; echo status=$? ${PWD##*/}

#### pushd takes one directory
pushd . . ; echo status=$?

#### pushd -n alone does nothing
pushd -n; echo status=$?

#### pushd -n adds without changing directory
mkdir -p d1; pushd -n d1; echo status=$? ${PWD##*/}; dirs -p | wc -l

#### pushd +N on an empty stack
pushd +1; echo status=$?

#### pushd +N out of range
mkdir -p d1; pushd d1 >/dev/null; pushd +3; echo status=$?

#### pushd +N and -N rotate the stack
mkdir -p d1 d2; pushd d1 >/dev/null; pushd ../d2 >/dev/null
pushd +2 | sed "s#$PWD#.#g" >/dev/null; pushd +2 >/dev/null; basename "$PWD"
pushd -1 >/dev/null; basename "$PWD"; dirs -p | wc -l

#### pushd +0 stays
mkdir -p d1; pushd d1 >/dev/null; pushd +0 >/dev/null; echo status=$? ${PWD##*/}

#### pushd into a missing directory names pushd
pushd nonexistent-dir; echo status=$?

#### pushd -- a dash-word is a directory
pushd -- -x; echo status=$?

#### popd with an argument that is no number
mkdir -p d1; pushd d1 >/dev/null; popd zzz; echo status=$?

#### popd -- pops
mkdir -p d1; pushd d1 >/dev/null; popd -- >/dev/null; echo status=$? ${PWD##*/}

#### popd with a bad option
popd -z; echo status=$?

#### popd +N removes an entry
mkdir -p d1 d2; pushd d1 >/dev/null; pushd ../d2 >/dev/null; popd +1 >/dev/null; echo status=$?; dirs -p | sed 's#.*/##'

#### popd -0 removes the bottom entry
mkdir -p d1 d2; pushd d1 >/dev/null; pushd ../d2 >/dev/null; popd -0 >/dev/null; dirs -p | sed 's#.*/##'

#### popd +N out of range
mkdir -p d1; pushd d1 >/dev/null; popd +5; echo status=$?

#### popd -n keeps the directory
mkdir -p d1; pushd d1 >/dev/null; popd -n >/dev/null; echo status=$? ${PWD##*/}; dirs -p | wc -l

#### dirs rejects operands
dirs a; echo status=$?
dirs -l a; echo status=$?

#### dirs rejects bundled flags as a number
dirs -lv; echo status=$?

#### dirs +N and -N
mkdir -p d1 d2; pushd d1 >/dev/null; pushd ../d2 >/dev/null
dirs +1 | sed 's#.*/##'; dirs -0 | sed 's#.*/##'; dirs -v +2 | sed 's#/.*/#/#'; dirs -2 | sed 's#.*/##'

#### dirs index out of range
dirs +5; echo status=$?
mkdir -p d1; pushd d1 >/dev/null; dirs +5; echo status=$?; dirs -3; echo status=$?

#### dirs -c clears
mkdir -p d1; pushd d1 >/dev/null; dirs -c; dirs -p | wc -l

#### getopts with an invalid variable name
set -- -c foo -h
getopts 'hc:' opt-; echo status=$? OPTARG=$OPTARG OPTIND=$OPTIND
getopts 'hc:' opt-; echo status=$? OPTARG=$OPTARG OPTIND=$OPTIND
getopts 'hc:' opt-; echo status=$? OPTIND=$OPTIND

#### getopts with a bad name in silent mode
set -- -x; getopts :a 1x; echo $? ${OPTARG-unset}
set -- -a; OPTIND=1; getopts :a: 1x; echo $? ${OPTARG-unset}

#### getopts usage goes without a line prefix
getopts; echo status=$?
getopts a; echo status=$?

#### OPTIND left past the end is pulled back
set -- -h -c foo x y z
while getopts "hc:" opt; do echo -; done; echo OPTIND=$OPTIND
set --
while getopts "hc:" opt; do echo -; done; echo OPTIND=$OPTIND

#### OPTIND after loops with different specs
set -- -a; while getopts "ab:" opt; do echo .; done; echo OPTIND=$OPTIND
set -- -c -d -e foo; while getopts "cde:" opt; do echo -; done; echo OPTIND=$OPTIND
set -- -f; while getopts "f:" opt; do echo _; done; echo OPTIND=$OPTIND

#### OPTIND set beyond the arguments
set -- a b; OPTIND=7; getopts a x; echo $? $OPTIND $x

#### kill -l 0 is EXIT
kill -l 0; echo status=$?

#### kill -l 0 with a name
kill -l 0 INT; echo status=$?

#### kill -l of the trap-only names
kill -l EXIT; kill -l exit; kill -l ERR; kill -l debug; kill -l RETURN

#### kill -l of bad specs
kill -l sigexit; echo status=$?
kill -l 65; echo status=$?
kill -l 0 129 1000 foo SIGINT; echo status=$?

#### kill -l --
kill -l -- 9

#### hash is empty at the start
hash; echo status=$?

#### running a command hashes it
cat </dev/null; cat </dev/null; hash

#### hash NAME adds with no hits
hash whoami; echo status=$?; hash

#### hash of a missing command
hash _nonexistent_; echo status=$?

#### hash skips builtins, functions and paths
f() { :; }; hash echo cd f ./x /bin/ls; echo status=$?; hash

#### hash lists in bash's order
hash ls cat grep sed awk whoami env; hash; hash -l

#### hash -t -d -p -l
hash -p /bin/ls foo; hash -t foo; hash -t foo ls; echo status=$?; hash -l
hash -d foo; hash -d foo; echo status=$?; hash

#### hash -t and -d need names
hash -t; echo status=$?; hash -d; echo status=$?

#### hash -p needs its argument
hash -p; echo status=$?

#### hash rejects a bad option
hash -z; echo status=$?

#### hash -r empties, then hashes its names
cat </dev/null; hash -r whoami; echo status=$?; hash

#### assigning PATH empties the table
cat </dev/null; PATH=$PATH; hash

#### a subshell's lookups stay there
(cat </dev/null; hash); hash

#### a new shell starts with an empty table
cat </dev/null; bash -c hash

#### a hashed command runs though an earlier one appears
PATH="one:two:$PATH"; mkdir -p one two
echo 'echo two' > two/mycmd; chmod +x two/mycmd; mycmd
echo 'echo one' > one/mycmd; chmod +x one/mycmd; mycmd
hash -r; mycmd

#### a hashed command that has gone fails
PATH="one:two:$PATH"; mkdir -p one two
echo 'echo two' > two/mycmd; chmod +x two/mycmd; mycmd; echo status=$?
echo 'echo one' > one/mycmd; chmod +x one/mycmd; rm two/mycmd
mycmd; echo status=$?

#### type and hash -t show a relative hashed entry with ./
PATH="two:$PATH"; mkdir -p two; echo 'echo two' > two/mycmd; chmod +x two/mycmd
mycmd; type mycmd; hash -t mycmd; type -t mycmd; type -p mycmd; hash

#### PATH=dir cmd neither uses nor fills the table
PATH=/usr/bin cat </dev/null; hash

#### type names a relative PATH entry as it is
mkdir -p _tmp; touch _tmp/date; chmod +x _tmp/date; PATH=_tmp:/bin; type date; command -v date

#### a non-executable file on PATH is found, and fails to run
mkdir -p t; PATH="$PWD/t:$PATH"; touch t/nonexec
type -t nonexec; type nonexec; command -v nonexec; nonexec; echo status=$?

#### type -a lists every file on PATH
mkdir -p a b; touch a/x b/x; chmod +x a/x b/x; PATH=a:b:$PATH; type -a x; x; type -a x; type x

#### command -p uses the standard PATH
mkdir -p bin; echo "echo wrong" > bin/tr; chmod +x bin/tr; PATH="$PWD/bin:$PATH"
echo aaa | tr a b; echo aaa | command -p tr a b; echo ${PATH%%:*} | sed 's#.*/##'
command -pv tr; command -v tr | sed 's#.*/bin/#bin/#'

#### command -p hides a tool in a custom PATH
mkdir -p bin; echo "echo hello" > bin/hello; chmod +x bin/hello; export PATH=$PWD/bin
command -p hello; echo status=$?

#### command -p finds tools with an empty or unset PATH
export PATH=''; command -p ls >/dev/null; echo status=$?
unset PATH; command -p ls >/dev/null; echo status=$? ${PATH-unset}

#### command with a bad option
command -z; echo status=$?; command -p; echo status=$?

#### a file name too long fails with 126
./xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx; echo status=$?

#### help shows a builtin's synopsis first
help echo | head -1; help cd | head -1; help times | head -2

#### help -s and -d
help -s read pwd; help -d times true; help -d ":"

#### help matches prefixes unless a topic has that exact name
help -s re; help -s for; help -s "[" "(("

#### help with a pattern prints a heading
help -d "t*" ec; help -s "ech?"; help -s "[a]*"

#### help of an unknown topic
help xyz abc; echo status=$?
help xyz true >/dev/null; echo status=$?

#### help with a bad option
help -z; echo status=$?

#### help for every topic
help -s "*"; help -d "*"

#### history usage errors
history >/dev/null; echo status=$?
history +5 >/dev/null; echo status=$?
history -5; echo status=$?
history f; echo status=$?
history too many args; echo status=$?

#### history -- then a negative count
history -- -5; echo status=$?

#### trap with a spaced number is a command
trap "echo noprint" EXIT; trap " 42 " EXIT; echo ok

#### trap with a number first resets
trap "echo noprint" EXIT; trap 07 EXIT; echo ok; trap "echo x" INT; trap 0 INT; trap -p

#### trap takes bundled flags
trap -pl | head -1; trap -lp | tail -1; trap -P; echo status=$?

#### trap -p corners
trap -p EXIT; trap "echo a" EXIT; trap -p EXIT INT; trap -p 0; trap -p foo; echo status=$?; trap -p -- EXIT
trap "" INT; trap -p INT; trap - INT; trap -p INT; trap -p 999; echo status=$?

#### trap - alone and with an empty action
trap -- -; echo status=$?; trap -; echo status=$?; trap "" -; echo status=$?

#### test with three words joins two one-word tests by -a or -o
[ -z -a ] ]; echo $?; [ -z -a -a ]; echo $?; [ -a -a -a ]; echo $?; [ "" -o x ]; echo $?; [ "" -a x ]; echo $?; [ ! -o x ]; echo $?

#### test with four or more -a words
[ -a -a -a -a ]; echo $?; [ -a -a -a -a -a ]; echo $?; [ -a -a -a -a -a -a ]; echo $?

#### test -k on a directory with the sticky bit
mkdir d e; chmod +t d; test -k d; echo $?; test -k e; echo $?

#### [[ unary operator takes the next word as its operand
[[ -f -f ]]; echo $?; [[ -f == ]]; echo $?; [[ -n == ]]; echo $?; [[ -z -z ]]; echo $?

#### wait for a reaped pid again gives its status
(exit 3) & p=$!; wait $p; echo $?; wait $p; echo $?

#### wait -n then wait for the pid
(exit 5) & p=$!; wait -n; echo $?; wait $p; echo $?
