#### zip and unzip a tree
mkdir t; echo one > t/a; echo two > t/b; zip -qr z.zip t; mkdir o; unzip -q z.zip -d o; cat o/t/a o/t/b

#### unzip lists names and sizes
printf 'x\n' > f; mkdir d; echo yy > d/g; zip -qr z.zip f d; unzip -l z.zip | awk 'NR>3 {print $1, $NF}'

#### zip adds a suffix to a bare name
echo x > f; zip -q out f; ls out*

#### zip reports each file
mkdir d; printf '' > d/empty; echo x > f; zip z.zip f d d/empty

#### zip updates an existing archive
echo 1 > a; echo 2 > b; zip -q z.zip a b; echo 3 > a; zip z.zip a; unzip -p z.zip a; unzip -l z.zip | tail -1 | awk '{print $1, $2}'

#### zip with a missing name
echo x > f; zip -q z.zip f nope; echo "status $?"; unzip -l z.zip | awk 'NR==4 {print $NF}'

#### zip with nothing to add
zip -q z.zip nope; echo "status $?"; ls z.zip

#### zip -j junks paths
mkdir -p p/q; echo x > p/q/f; zip -qj z.zip p/q/f; unzip -l z.zip | awk 'NR==4 {print $NF}'

#### zip -0 stores
seq 500 > s; zip -0 z.zip s; unzip -t z.zip | head -2

#### unzip extracts into the current directory
echo data > f; zip -q z.zip f; rm f; unzip z.zip; cat f

#### unzip -p to stdout
seq 3 > s; zip -q z.zip s; unzip -p z.zip s

#### unzip -o overwrites
echo new > f; zip -q z.zip f; echo old > f; unzip -o -q z.zip; cat f

#### unzip without -o keeps existing files
echo new > f; zip -q z.zip f; echo old > f; unzip z.zip; echo "status $?"; cat f

#### unzip -n never overwrites
echo new > f; zip -q z.zip f; echo old > f; unzip -n z.zip; echo "status $?"; cat f

#### unzip a member that is not there
echo x > f; zip -q z.zip f; unzip -q z.zip nothere; echo "status $?"

#### unzip a missing archive
unzip nope.zip; echo "status $?"

#### unzip data that is not a zip
echo junk > bad.zip; unzip bad.zip; echo "status $?"

#### unzip -t tests members
seq 2000 > s; echo x > f; zip -q z.zip s f; unzip -t z.zip

#### unzip chosen members
echo 1 > a; echo 2 > b; echo 3 > c; zip -q z.zip a b c; mkdir o; unzip -q z.zip a c -d o; ls o

#### unzip -x excludes
echo 1 > a; echo 2 > b; zip -q z.zip a b; mkdir o; unzip -q z.zip -x b -d o; ls o
