#### star matches files sorted
echo *.txt

#### star skips dotfiles
echo .* | tr ' ' '\n' | grep -c dotfile

#### question mark
echo ?ords.txt

#### bracket expression
echo [lw]*.txt

#### negated bracket
echo [!w]*.txt

#### no match stays literal
echo *.nomatch

#### nullglob removes unmatched patterns
shopt -s nullglob; echo start *.nomatch end

#### failglob reports an error
shopt -s failglob; echo *.nomatch; echo "status $?"

#### dotglob includes dotfiles
shopt -s dotglob; echo .d*

#### glob in a subdirectory
echo dir/*

#### glob directories only with trailing slash
echo */

#### quoted glob is literal
echo "*.txt"

#### glob from a variable
p='*.csv'; echo $p

#### escaped star is literal
echo \*.txt

#### globstar recursive
shopt -s globstar; echo dir/**

#### extglob patterns
shopt -s extglob; echo @(words|lines).txt; echo !(*.txt|*.csv|*.sh|dir|empty_dir)

#### case uses pattern matching
case words.txt in *.txt) echo text;; esac

#### character class in glob
echo [[:upper:]]* | wc -w

#### noglob option
set -f; echo *.txt

#### glob with spaces in file names
for f in with*; do echo "[$f]"; done

#### glob results are not split
set -- with*; echo $#

#### brace expansion
echo {a,b,c} x{1,2}y {1..5} {a..e}

#### brace expansion with steps and padding
echo {0..10..3} {05..1..2} {z..v}

#### nested brace expansion
echo {a,b{1,2},c}

#### invalid brace forms stay literal
echo {a} {1..} {} a{,}b

#### brace expansion before variable expansion
x=1; echo {$x,2}

#### quoted braces do not expand
echo "{a,b}" '{1..3}'

#### brace expansion with prefix and suffix
echo pre{A,B}post

#### brace sequence negative
echo {-3..3}
