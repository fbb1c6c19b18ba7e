#### star matches files sorted
mkdir g; touch g/b g/a g/c; echo g/*

#### question mark and brackets
mkdir g; touch g/a1 g/a2 g/b1; echo g/a? g/[ab]1

#### negated bracket
mkdir g; touch g/a g/b g/c; echo g/[!a]

#### no match stays literal
echo nomatch*

#### nullglob removes unmatched
shopt -s nullglob; echo [nomatch*]; echo x nomatch* y

#### failglob is an error
shopt -s failglob; echo nomatch*; echo status=$?

#### dotfiles hidden by default
mkdir g; touch g/.h g/v; echo g/*

#### dotglob shows dotfiles
mkdir g; touch g/.h g/v; shopt -s dotglob; echo g/*

#### explicit dot matches dotfiles
mkdir g; touch g/.h g/v; echo g/.*

#### globstar recursion
mkdir -p g/x/y; touch g/a.t g/x/b.t g/x/y/c.t; shopt -s globstar; echo g/**/*.t

#### double star without globstar is star
mkdir -p g/x; touch g/x/b.t g/a.t; echo g/**/*.t

#### nocaseglob
mkdir g; touch g/ABC g/abd; shopt -s nocaseglob; echo g/ab*

#### GLOBIGNORE filters
mkdir g; touch g/a.c g/b.h; GLOBIGNORE='*.h'; echo g/*

#### character class in glob
mkdir g; touch g/a1 g/bb g/c3; echo g/*[[:digit:]]

#### quoted star is literal
mkdir g; touch g/a; echo "g/*" g/'*'

#### glob in variable expands unquoted
mkdir g; touch g/a g/b; p='g/*'; echo $p; echo "$p"

#### noglob
mkdir g; touch g/a; set -f; echo g/*

#### glob on directory with trailing slash
mkdir -p g/d1 g/d2; touch g/f; echo g/*/

#### case with bracket patterns
for w in apple Banana 42; do case $w in [a-z]*) echo lower;; [A-Z]*) echo upper;; *) echo other;; esac; done

#### case with alternatives
case foo.tar in *.zip|*.tar) echo archive;; esac

#### pattern removal with bracket
x=abc123; echo ${x%%[0-9]*} ${x##*[a-z]}

#### escaped glob character in pattern
x='a*b'; case $x in a\*b) echo literal;; esac
