#### GLOBIGNORE drops matching names
mkdir -p gi1/sub && cd gi1 && touch a.txt b.md sub/c.txt sub/d.md
GLOBIGNORE='*.txt'
echo *.* sub/*.*

#### GLOBIGNORE patterns are colon separated
mkdir -p gi2 && cd gi2 && touch x.o x.h x.c x
GLOBIGNORE=*.o:*.h
echo x*

#### GLOBIGNORE: / is matched only by /
mkdir -p gi3/d1 gi3/d2 && cd gi3 && touch d1/keep d1/skip.1 d2/keep d2/skip.2
GLOBIGNORE='*/skip*'
echo */*

#### GLOBIGNORE that ignores everything leaves the word as is
mkdir -p gi4 && cd gi4 && touch 1 2 3
GLOBIGNORE='*'
echo *
echo "status=$?"

#### GLOBIGNORE with nullglob removes the word
mkdir -p gi5 && cd gi5 && touch a.txt b.txt
GLOBIGNORE='*.txt'
shopt -s nullglob
echo start *.txt end

#### GLOBIGNORE implies dotglob
mkdir -p gi6 && cd gi6 && touch .hidden visible other.log
GLOBIGNORE='*.log'
echo *

#### GLOBIGNORE never yields . or ..
mkdir -p gi7 && cd gi7 && touch .env
shopt -u globskipdots
GLOBIGNORE='*.txt'
echo .*

#### globskipdots off lets .* match . and ..
mkdir -p gi8 && cd gi8 && touch .env
shopt -u globskipdots
echo .*
shopt -s globskipdots
echo .*

#### empty GLOBIGNORE ignores nothing
mkdir -p gi9 && cd gi9 && touch r.txt
GLOBIGNORE='*.txt'
echo *.*
GLOBIGNORE=
echo *.*

#### GLOBIGNORE escaped pattern is literal
mkdir -p gi10 && cd gi10 && touch 'e*.txt' e-1.txt
GLOBIGNORE='e\*.txt'
echo *.*

#### GLOBIGNORE with bracket expressions
mkdir -p gi11 && cd gi11 && touch a b c A B C
GLOBIGNORE='[ab]'
echo *
GLOBIGNORE='[!ab]'
echo *

#### GLOBIGNORE with extglob patterns
shopt -s extglob
mkdir -p gi12 && cd gi12 && touch f.cc f.h g.cc g.h
echo @(*.cc|*.h)
GLOBIGNORE='f.*'
echo @(*.cc|*.h)

#### unset GLOBIGNORE restores matching
mkdir -p gi13 && cd gi13 && touch a.txt b.txt
GLOBIGNORE='a*'
echo *
unset GLOBIGNORE
echo *

#### default word with quoted parts keeps them as fields
printf '<%s>' 1 ${undefined:-"2 3" "4 5"} 6; echo

#### default word joins with the text around it
printf '<%s>' 1${undefined:-"2 3" "4 5"}6; echo

#### default word literal text splits on IFS
IFS=_
printf '<%s>' 1${undefined:-"2_3"x_x"4_5"}6; echo

#### alternate word splits its literal text
x=set
printf '<%s>' ${x:+a b "c d"}; echo

#### quoted default word is not split
printf '<%s>' "${undefined:-a b c}"; echo

#### default word in an assignment is not split
y=${undefined:-a   b}; printf '<%s>' "$y"; echo

#### command substitution drops NUL bytes with a warning
x=$(printf 'a\0b\0c'); echo "${#x} $x"

#### quoted command substitution with NUL
printf '<%s>' "$(printf '\0')"; echo

#### unquoted command substitution of only a NUL gives no field
printf '<%s>' $(printf '\0'); echo "n"

#### NUL ends an ANSI-C string
x=$'ab\0cd'; echo "${#x} $x"
y=$'x\x00y'; echo "${#y}"
z=$'p\u0000q'; echo "${#z}"

#### printf format with an ANSI-C NUL
printf $'x\0z' | od -An -c

#### read drops NUL bytes
printf 'a\0b\n' | { read -r r; echo "${#r} $r"; }

#### read -n counts NUL bytes it drops
printf '.\0.\n' | { read -r -n 3 r; echo "${#r} $r"; }

#### mapfile lines end at a NUL
printf '.\0.\nxy\n' | { mapfile m; echo "${#m[0]} ${#m[1]}"; }

#### printf -v value ends at a NUL
printf -v v 'a\0b'; echo "${#v}"

#### $(< file) drops NUL bytes too
printf 'q\0r\n' > nulfile; x=$(< nulfile); echo "${#x} $x"

#### $* in an assignment joins with the first IFS character
IFS=:; set -- x 'y z'
s=$*; echo "$s"
s=$@; echo "$s"
a=(p 'q r'); s=${a[*]}; echo "$s"; s=${a[@]}; echo "$s"

#### $* in case and [[ ]] joins with IFS
IFS=:; set -- x 'y z'
case $* in 'x:y z') echo colon;; *) echo other;; esac
[[ $* == 'x:y z' ]] && echo yes

#### GLOBIGNORE keeps colons of character classes
mkdir -p gi14 && cd gi14 && touch _t.py p.toml 2023.log .env 'has space.doc'
GLOBIGNORE='[[:alnum:]]*'
echo *.*
GLOBIGNORE='[![:alnum:]]*'
echo *.*
GLOBIGNORE='*[[:space:]]*:*.log'
echo *.*
GLOBIGNORE='[[:digit:]_.]*'
echo *.*

#### unquoted $* with non-whitespace IFS keeps empty elements
set -- one '' two
IFS=zx
printf '<%s>' $*; echo
printf '<%s>' $@; echo
printf '<%s>' "$*"; echo

#### unquoted $* of only empty elements
IFS=x
set -- '' '' '' '' ''
printf '<%s>' $*; echo
set -- $*
echo $#

#### unquoted array with empty elements and IFS=x
IFS=x
a=('' b '' c '')
printf '<%s>' ${a[@]}; echo
printf '<%s>' X${a[@]}Y; echo
IFS=' x'
printf '<%s>' ${a[@]}; echo

#### multibyte IFS character splits as a whole
x=çx IFS=ç
printf '<%s>\n' $x
a=(p '' q)
printf '<%s>' ${a[*]}; echo
printf '<%s>' "${a[*]}"; echo

#### IFS null: ${!prefix*} and ${!a[*]} unquoted
zzpre_1=1; zzpre_2=2; IFS=''
printf '<%s>' ${!zzpre_@}; echo
printf '<%s>' ${!zzpre_*}; echo
a=(x y z)
printf '<%s>' ${!a[@]}; echo
printf '<%s>' ${!a[*]}; echo
printf '<%s>' ${a[*]}; echo

#### slices of a scalar count characters
foo=abcd-μ-
echo ${foo: -4:3} ${foo: -5: -3} ${foo:5:1}
bar='--μ--'
echo ${bar:1:3} ${bar:2} "${bar:0:99999999999999}"

#### slice length past the end
s=héllo; echo "${s:1:9223372036854775807}" "${s:7}" "${s: -2}"

#### a slash right after // belongs to the pattern
x=a/b/c
echo ${x////Z} "${x////Z}" ${x///c} ${x///}
y=/a; echo ${y/#//Q} ${y/%//Q} ${y/#/P}
p=/foo/bar; echo ${p////\\/} ${p//'/'/\\/}

#### :- and :+ on arrays and positionals with empty elements
t() {
  echo "a[@]: '${a[@]-no-colon}' '${a[@]:-with-colon}' '${a[@]+plus}' '${a[@]:+cplus}'"
  echo "a[*]: '${a[*]-no-colon}' '${a[*]:-with-colon}' '${a[*]+plus}' '${a[*]:+cplus}'"
  echo "at: '${@-no-colon}' '${@:-with-colon}' '${@:+cplus}' star: '${*:-with-colon}' '${*:+cplus}'"
  printf '<%s>' ${a[*]:-wc} ${a[@]:+p} ${*:-wc}; echo
}
a=(); set --; t
a=(""); set -- ""; t
a=("" ""); set -- "" ""; t
IFS=; t
a=(x ""); set -- "" x; t

#### ${!ref:-x} where ref names a[@] or a[*]
t() {
  echo "ref=$ref: '${!ref-no-colon}' '${!ref:-with-colon}'"
}
for ref in 'a[@]' 'a[*]'; do
a=(); t
a=(""); t
a=("" ""); t
IFS=; t
unset IFS
done

#### unquoted ${*:-x} with empty parameters and a null IFS is not null where words split
set -- "" ""; IFS=
echo argv=${*-minus}; echo argv=${*+plus}; echo argv=${*:-minus}; echo argv=${*:+plus}
x=${*:-minus}; echo "[$x]"
case ${*:-m} in m) echo m;; *) echo other;; esac
