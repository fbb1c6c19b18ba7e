#### zstd keeps the input and zstd -d restores it
cp words.txt w; zstd -q w; ls w w.zst; rm w; zstd -q -d w.zst; ls w w.zst; cmp w words.txt && echo same

#### zstd prints a status line for one file
cp words.txt w; zstd w; echo "status $?"

#### zstd -d prints the decompressed size
cp words.txt w; zstd -q w; rm w; zstd -d w.zst; echo "status $?"; cat w

#### zstd --rm removes the input
cp words.txt w; zstd -q --rm w; ls w*; zstd -q -d --rm w.zst; ls w*

#### zstd -k keeps the input
cp words.txt w; zstd -q -k w; ls w w.zst

#### zstd -c writes to stdout silently and keeps the input
zstd -c lines.txt > l.zst; echo "status $?"; ls lines.txt l.zst; zstd -dc l.zst | wc -l

#### zstd round trip through a pipe
seq 1 5000 | zstd | zstd -d | tail -2

#### zstdcat and unzstd
seq 1 300 | zstd > s.zst; zstdcat s.zst | tail -1; unzstd s.zst; echo "status $?"; tail -1 s

#### zstdcat passes plain data through
zstdcat words.txt; seq 3 | zstdcat

#### zstd -dcf passes plain data through
zstd -dcf words.txt | head -2

#### concatenated frames decompress as one
echo one | zstd > a.zst; echo two | zstd > b.zst; cat a.zst b.zst > c.zst; zstdcat c.zst

#### zstd levels give the same data back
for l in 1 3 9 19; do zstd -$l -c words.txt | zstd -d | md5sum; done

#### zstd --fast levels
zstd --fast -c lines.txt | zstd -d | cmp - lines.txt && echo ok1; zstd --fast=7 -c lines.txt | zstd -d | cmp - lines.txt && echo ok7

#### zstd level above 19 is reduced
zstd -25 -c words.txt | zstd -d | cmp - words.txt && echo same

#### zstd -T is accepted
seq 1 2000 > n; zstd -q -T0 n; zstd -q -T4 -f n; zstd -dc n.zst | wc -l

#### zstd on a missing file
zstd nope; echo "status $?"

#### zstd -d on a missing file
zstd -d nope.zst; echo "status $?"

#### zstd -d of data that is not zstd
echo hello > bad.zst; zstd -d bad.zst; echo "status $?"; ls bad*

#### zstd -d with an unknown suffix
cp words.txt plain; zstd -d plain; echo "status $?"

#### zstd -d of an empty file
: > e.zst; zstd -d e.zst; echo "status $?"; ls e*

#### zstd -q does not overwrite an existing output
cp words.txt w; touch w.zst; zstd -q w; echo "status $?"; wc -c < w.zst

#### zstd asks before overwriting and reads no as the answer
cp words.txt w; touch w.zst; zstd w < /dev/null; echo "status $?"; wc -c < w.zst

#### zstd overwrites after a yes
cp words.txt w; touch w.zst; echo y | zstd w; echo "status $?"; zstdcat w.zst | head -1

#### zstd reading stdin does not ask
cp words.txt w; touch w.zst; zstd -o w.zst < w; echo "status $?"

#### zstd -f overwrites
cp words.txt w; echo old > w.zst; zstd -f w; echo "status $?"; zstdcat w.zst | head -2

#### zstd of a directory is ignored
zstd dir; echo "status $?"

#### zstd -r compresses a tree
cp -r dir d2; zstd -q -r d2; find d2 -type f | sort; find d2 -name '*.zst' -delete; find d2 -type f | sort

#### zstd -r on several files prints a summary
mkdir t; printf 'alpha\nbeta\n' > t/a; printf 'alpha\nbeta\n' > t/b; zstd -r t; ls t

#### zstd on several files
printf 'alpha\nbeta\n' > a; cp a b; zstd a b; zstd -d -f a.zst b.zst; echo "status $?"

#### zstd -v on several files
printf 'alpha\nbeta\n' > a; cp a b; zstd -v a b

#### zstd -t on good and bad data
zstd -c words.txt > g.zst; zstd -t g.zst; echo "good $?"; head -c 20 g.zst > cut.zst; zstd -t cut.zst; echo "cut $?"

#### zstd -t from stdin
echo hi | zstd -c | zstd -t

#### truncated data
zstd -c words.txt > g.zst; head -c 20 g.zst > cut.zst; zstd -d cut.zst; echo "status $?"; ls cut*

#### corrupt data fails the checksum
cp words.txt w; zstd -q w; printf '\000' | dd of=w.zst bs=1 seek=30 conv=notrunc 2>/dev/null; zstd -d -f w.zst; echo "status $?"

#### trailing garbage after a frame
{ zstd -c words.txt; echo junk; } > t.zst; zstd -d t.zst; echo "status $?"; ls t*

#### zstd -o names the output
zstd -q -o out.zst words.txt; zstd -d -q -o back out.zst; cmp back words.txt && echo same

#### zstd -o with several inputs concatenates
printf 'alpha\nbeta\n' > a; printf 'gamma\n' > b; zstd -f -o ab.zst a b; zstdcat ab.zst

#### zstd -l lists a file
zstd -q words.txt -o w.zst; zstd -l w.zst

#### zstd -l lists several files with totals
printf 'alpha\nbeta\n' > a; cp a b; zstd -q a b; seq 1 100000 > big; zstd -q big; zstd -l a.zst b.zst big.zst

#### zstd -l of a stream without a content size
seq 1 100000 | zstd > s.zst; zstd -l s.zst

#### zstd -l of concatenated frames
echo one | zstd -q -o a.zst; zstd -q -c words.txt > b.zst; cat a.zst b.zst > c.zst; zstd -l c.zst

#### zstd -l of a missing file
zstd -l nope; echo "status $?"

#### zstd -l on stdin is refused
zstd -c words.txt | zstd -l; echo "status $?"

#### zstd of an empty file
: > e; zstd e; zstd -l e.zst; zstd -dc e.zst | wc -c

#### zstd with a bad option
zstd -x words.txt; echo "status $?"

#### zstd --fast=0 is refused
zstd --fast=0 words.txt; echo "status $?"

#### zstd -o without a file
zstd -o; echo "status $?"

#### zstd -d reads gzip and xz too
gzip -c words.txt > w.gz; zstd -d w.gz; cat w; xz -c lines.txt | zstd -dc | wc -l

#### zstd -V
zstd -V

#### zstd of a symbolic link is skipped without -f
cp words.txt w; ln -s w lnk; zstd lnk; echo "status $?"; zstd -q -f lnk; ls lnk*

#### zstd -d of .tzst gives .tar
tar cf a.tar words.txt; zstd -q a.tar -o a.tzst; rm a.tar; zstd -q -d a.tzst; tar tf a.tar

#### tar --zstd round trip
tar --zstd -cf a.tar.zst dir; zstd -t -q a.tar.zst && echo valid; mkdir out; tar --zstd -xf a.tar.zst -C out; find out | sort

#### tar -a picks zstd from the suffix
tar -caf a.tar.zst words.txt lines.txt; zstdcat a.tar.zst | tar -t; tar -tf a.tar.zst

#### tar reads a zstd archive made by zstd
tar -cf - words.txt | zstd -q > b.tzst; tar -xOf b.tzst | head -2

#### large data round trip
seq 1 200000 > big; zstd -q big -o big.zst; zstd -d -c big.zst | cmp - big && echo same; zstd -q -19 -c big | zstd -dc | md5sum; md5sum < big

#### zstd compressed size equals the host for level 3
seq 1 100000 > big; zstd -q -c big | wc -c; zstd -q -c < big | wc -c

#### zstd --rm with -c keeps the input
cp words.txt w; zstd -q --rm -c w > w.zst; ls w w.zst

#### zstd -d -v prints the banner and sizes
printf 'alpha\nbeta\n' > a; cp a b; zstd -q a b; zstd -d -v -f a.zst b.zst

#### zstd --stdout and --decompress long options
zstd --stdout words.txt | zstd --decompress --stdout | head -3

#### zstd compresses a .zst file again
cp words.txt w; zstd -q w; zstd w.zst; ls w*

#### zstd -qq is silent even on errors
zstd -qq nope; echo "status $?"

#### unzstd with -c and several files
printf 'a\n' > a; printf 'b\n' > b; zstd -q a b; unzstd -c a.zst b.zst

#### zstd --ultra -20 round trip
zstd --ultra -20 -c words.txt | zstd -d | cmp - words.txt && echo same

#### zstd -d -o with several inputs asks first
printf 'a\n' > a; printf 'b\n' > b; zstd -q a b; zstd -d -o x a.zst b.zst < /dev/null; echo "status $?"

#### zstd -t on several files
printf 'a\n' > a; printf 'b\n' > b; zstd -q a b; zstd -t a.zst b.zst; echo "status $?"
