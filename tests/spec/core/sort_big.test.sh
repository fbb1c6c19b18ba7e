# sort with a small memory buffer (-S): the input is sorted in chunks written
# as run files to the temporary directory (-T, TMPDIR) and merged; output and
# errors compared with GNU sort, and the directory must be empty afterwards.

#### sort -S spills plain byte order
mkdir t; awk 'BEGIN{for(i=0;i<3000;i++) print (i*7919)%1013, "w" (i*31)%17}' > in
sort -S 4k -T t in | md5sum; ls t | wc -l

#### sort -S with -u
mkdir t; awk 'BEGIN{for(i=0;i<3000;i++) print (i*7919)%211}' > in
sort -u -S 2k -T t in | md5sum; sort -u -S 2k -T t in | wc -l; ls t | wc -l

#### sort -S with -r and -n
mkdir t; awk 'BEGIN{for(i=0;i<3000;i++) print (i*7919)%1013 - 500}' > in
sort -rn -S 3k -T t in | md5sum; sort -n -S 3k -T t in | head -3; ls t | wc -l

#### sort -S stable keys keep input order
mkdir t; awk 'BEGIN{for(i=0;i<3000;i++) print "k" (i*13)%7, (i*7919)%97, i}' > in
sort -s -k1,1 -k2,2n -S 4k -T t in | md5sum; sort -s -k2,2nr -S 4k -T t in | head -4; ls t | wc -l

#### sort -S -u with a key keeps the first of each run
mkdir t; awk 'BEGIN{for(i=0;i<3000;i++) print (i*7919)%50, i}' > in
sort -u -k1,1n -S 2k -T t in | md5sum; sort -u -k1,1n -S 2k -T t in | head -3; ls t | wc -l

#### sort -S with -t and several keys
mkdir t; awk 'BEGIN{for(i=0;i<3000;i++) printf "%d,%s,%d\n", i, substr("abcdefgh", i%8+1, 2), (i*37)%101}' > in
sort -t, -k3,3n -k2,2r -k1,1n -S 4k -T t in | md5sum; ls t | wc -l

#### sort -S from standard input with TMPDIR
mkdir t; awk 'BEGIN{for(i=0;i<3000;i++) print (i*7919)%1013}' | TMPDIR=$PWD/t sort -S 2k | md5sum; ls t | wc -l

#### sort -S -o onto its own input
mkdir t; awk 'BEGIN{for(i=0;i<3000;i++) print (i*7919)%1013}' > in
sort -S 2k -T t -o in in; echo "rc=$?"; md5sum < in; wc -l < in; ls t | wc -l

#### sort -S lines longer than the buffer
mkdir t; awk 'BEGIN{for(i=0;i<40;i++){s=""; for(j=0;j<300;j++) s = s substr("qwertyuiop", (i*j)%10+1, 1); print s}}' > in
sort -S 1k -T t in | md5sum; ls t | wc -l

#### sort -S last line without a newline
mkdir t; awk 'BEGIN{for(i=0;i<2000;i++) print (i*7919)%1013}' > in; printf 'zz-last' >> in
sort -S 1k -T t in | tail -2; ls t | wc -l

#### sort -S -z
mkdir t; awk 'BEGIN{for(i=0;i<2000;i++) printf "%d\0", (i*7919)%1013}' > in
sort -z -S 1k -T t in | tr '\0' '\n' | md5sum; ls t | wc -l

#### sort -S several files
mkdir t; seq 1000 -3 1 > a; seq 2 5 3000 > b; seq 1500 > c
sort -n -S 2k -T t a b c | md5sum; ls t | wc -l

#### sort -m with --batch-size=2
mkdir t; for i in 1 2 3 4 5 6 7; do seq $i 7 700 > m$i; done
sort -m -n --batch-size=2 -T t m1 m2 m3 m4 m5 m6 m7 | md5sum; ls t | wc -l

#### sort -m -u merges equal lines once
printf 'a\nb\nc\n' > x; printf 'b\nc\nd\n' > y; printf 'a\nd\ne\n' > z
sort -m -u x y z

#### sort -m keeps unsorted input in merge order
printf '3\n1\n2\n' > x; printf '2\n0\n' > y
sort -m x y

#### sort -m -o onto one of its inputs
mkdir t; printf '1\n3\n5\n' > x; printf '2\n4\n' > y
sort -m -T t -o x x y; cat x; ls t | wc -l

#### sort -S spills into a missing directory
awk 'BEGIN{for(i=0;i<3000;i++) print i}' > in
sort -S 2k -T /nonexistent in; echo "rc=$?"

#### sort -T missing directory is fine when nothing spills
printf 'b\na\n' | sort -T /nonexistent; echo "rc=$?"

#### sort -S bad sizes
for s in 1x '' -1 1kB 1e 99999999999999999999 1Z 1.5 10%x; do sort -S "$s" /dev/null; echo "rc=$?"; done

#### sort -S good sizes
for s in 1 1b 10K 1k 2M 1g 5% K ' 7' +3; do printf 'b\na\n' | sort -S "$s"; echo "rc=$?"; done

#### sort --batch-size bad values
for n in 1 0 x -1 5k 99999999999; do sort --batch-size=$n /dev/null; echo "rc=$?"; done 2>&1 | grep -v 'maximum --batch-size'
