#### gzip replaces a file and gunzip restores it
cp words.txt w; gzip w; ls w*; gunzip w.gz; ls w*; cmp w words.txt && echo same

#### gzip -k keeps the input
cp words.txt w; gzip -k w; ls w w.gz; zcat w.gz | cmp - w && echo same

#### gzip -c writes to stdout and keeps the input
gzip -c lines.txt > l.gz; ls lines.txt l.gz; gunzip -c l.gz | wc -l

#### gzip round trip through a pipe
seq 1 5000 | gzip | gzip -d | tail -2

#### zcat concatenated members
echo one | gzip > a.gz; echo two | gzip > b.gz; cat a.gz b.gz > c.gz; zcat c.gz

#### gzip levels give the same data back
for l in 1 5 9; do gzip -$l -c words.txt | zcat | md5sum; done; gzip --fast -c words.txt | zcat | wc -c; gzip --best -c words.txt | zcat | wc -c

#### gzip on a missing file
gzip nope; echo "status $?"

#### gunzip on a missing file
gunzip nope.gz; echo "status $?"

#### gzip refuses a file that already has the suffix
cp words.txt w.gz; gzip w.gz; echo "status $?"

#### gunzip with an unknown suffix
cp words.txt plain; gunzip plain; echo "status $?"; ls plain

#### gunzip of data that is not gzip
echo hello > bad.gz; gunzip bad.gz; echo "status $?"; ls bad*

#### gzip does not overwrite an existing output
cp words.txt w; touch w.gz; gzip w; echo "status $?"; ls w w.gz

#### gzip -f overwrites
cp words.txt w; echo old > w.gz; gzip -f w; echo "status $?"; zcat w.gz | head -2

#### gzip a directory is ignored
gzip dir; echo "status $?"

#### gzip -r compresses a tree
cp -r dir d2; gzip -r d2; find d2 -type f | sort; gunzip -r d2; find d2 -type f | sort

#### gzip -t on good and bad data
gzip -c words.txt > g.gz; gzip -t g.gz; echo "good $?"; head -c 20 g.gz > cut.gz; gzip -t cut.gz; echo "cut $?"

#### gzip -tv reports OK
gzip -c words.txt > g.gz; gzip -tv g.gz

#### gzip -l lists sizes
gzip -c words.txt > g.gz; gzip -l g.gz | awk '{print $2, $4}'

#### trailing garbage after gzip data
{ echo data | gzip; echo junk; } > t.gz; gunzip -c t.gz; echo "status $?"

#### gzip -S uses another suffix
cp words.txt w; gzip -S .zz w; ls w*; gunzip -S .zz w.zz; ls w*

#### gunzip keeps the mode and time
cp words.txt w; chmod 640 w; touch -d '2020-01-02 03:04:05' w; gzip w; gunzip w.gz; stat -c '%a %y' w

#### gzip a file with a space in its name
cp 'with space.txt' 'a b'; gzip 'a b'; ls a*; zcat 'a b.gz' | wc -l

#### gzip -d on stdin that is empty
gzip -d < /dev/null; echo "status $?"

#### gzip of empty input round trips
printf '' | gzip | gunzip | wc -c

#### gunzip .tgz gives .tar
echo x > f; tar cf f.tar f 2>/dev/null || printf 'tar' > f.tar; gzip -c f.tar > f.tgz; rm f.tar; gunzip f.tgz; ls f.t*

#### bzip2 round trip
cp words.txt w; bzip2 w; ls w*; bunzip2 w.bz2; cmp w words.txt && echo same

#### bzip2 -k and bzcat
bzip2 -k lines.txt; ls lines*; bzcat lines.txt.bz2 | wc -l

#### bzip2 through a pipe
seq 3000 | bzip2 | bunzip2 | tail -1

#### bzip2 on a missing file
bzip2 nope; echo "status $?"

#### bzip2 does not overwrite
cp words.txt w; touch w.bz2; bzip2 w; echo "status $?"

#### bunzip2 of data that is not bzip2
echo hello > bad.bz2; bunzip2 bad.bz2; echo "status $?"

#### bunzip2 guesses a name
cp words.txt w; bzip2 -c w > plain; bunzip2 plain; echo "status $?"; ls plain*

#### bzip2 refuses the suffix
cp words.txt w.bz2; bzip2 w.bz2; echo "status $?"

#### concatenated bzip2 streams
echo a | bzip2 > a.bz2; echo b | bzip2 > b.bz2; cat a.bz2 b.bz2 | bzcat

#### xz round trip
cp words.txt w; xz w; ls w*; unxz w.xz; cmp w words.txt && echo same

#### xz -k and xzcat
xz -k lines.txt; ls lines*; xzcat lines.txt.xz | wc -l

#### xz levels
for l in 0 3 9; do xz -$l -c words.txt | xz -d | md5sum; done

#### xz through a pipe
seq 4000 | xz | unxz | tail -1

#### xz on a missing file
xz nope; echo "status $?"

#### xz does not overwrite
cp words.txt w; touch w.xz; xz w; echo "status $?"

#### unxz of data that is not xz
echo hello > bad.xz; unxz bad.xz; echo "status $?"

#### xz refuses the suffix
cp words.txt w.xz; xz w.xz; echo "status $?"

#### unxz with an unknown suffix
cp words.txt plain; unxz plain; echo "status $?"

#### concatenated xz streams
echo a | xz > a.xz; echo b | xz > b.xz; cat a.xz b.xz | xzcat

#### cross-format: gzip data given to bunzip2
gzip -c words.txt > g.bz2; bunzip2 -c g.bz2 > /dev/null; echo "status $?"
