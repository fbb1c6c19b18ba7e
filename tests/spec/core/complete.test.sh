#### compgen -W filters a word list by prefix
compgen -W "alpha beta gamma bet" -- be

#### compgen -W with no match returns 1
compgen -W "x y" -- z; echo "status $?"

#### compgen -k lists the reserved words in bash's order
compgen -k | tr '\n' ' '

#### compgen -k with a prefix
compgen -k -- e

#### compgen -v with a prefix
BURROW_TEST_A=1 BURROW_TEST_B=2; compgen -v BURROW_TEST

#### compgen -e lists only exported variables
export BT_X=1; BT_Y=2; compgen -e BT_

#### compgen -A function
f1() { :; }; f2() { :; }; g() { :; }; compgen -A function f

#### compgen -a lists aliases
shopt -s expand_aliases; alias ll='ls -l' la='ls -a'; compgen -a l

#### compgen -b with a prefix
compgen -b ec; compgen -b comp

#### compgen -f and -d complete paths
mkdir -p d/sub d/sib; touch d/file d/.hid; compgen -f d/ | sort; echo --; compgen -d d/s | sort; echo --; compgen -f d/.h

#### compgen -P and -S wrap the matches
compgen -P '<' -S '>' -W "a b"

#### compgen -X removes matches and -X ! keeps them
compgen -X 'a*' -W "ab cd ax"; echo --; compgen -X '!a*' -W "ab cd ax"

#### compgen -G globs
touch g1.txt g2.txt g3.log; compgen -G '*.txt' | sort

#### compgen -c finds commands on PATH
compgen -c ls | grep -qx ls && echo found

#### compgen with no action prints nothing
compgen; echo "status $?"

#### compgen with a bad option
compgen -z; echo "status $?"

#### compgen -A with a bad action
compgen -A nope; echo "status $?"

#### complete stores and prints specs
complete -W 'a b' foo; complete -d mycd; complete -p; echo --; complete -p foo

#### complete -r removes a spec
complete -W 'a b' foo; complete -r foo; complete -p foo; echo "status $?"

#### complete -p for a missing name
complete -p nothing; echo "status $?"

#### complete with -o options and -F
complete -o nospace -F _myfunc mycmd; complete -p mycmd

#### enable lists builtins and enable -n turns one off
enable -n true; enable -n; type -t true; enable true; type -t true

#### enable on something that is not a builtin
enable nope; echo "status $?"

#### enable with a bad option
enable -z; echo "status $?"
