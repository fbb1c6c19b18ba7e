#### tar create and list
tar cf a.tar dir; tar tf a.tar | sort

#### tar verbose listing with numeric owners
mkdir t; echo hello > t/f; ln -s f t/l; touch -h -d '2021-03-04 05:06' t/f t/l t; tar cf a.tar t; tar tvf a.tar --numeric-owner | sort -k6

#### tar create verbose prints names
mkdir t; echo x > t/one; tar cvf a.tar t | sort

#### tar extract into a directory
tar cf a.tar dir words.txt; mkdir out; tar xf a.tar -C out; find out | sort; cmp out/words.txt words.txt && echo same

#### tar extract verbose
mkdir t; echo x > t/f; tar cf a.tar t; rm -r t; tar xvf a.tar; cat t/f

#### tar gzip round trip
tar czf a.tgz dir lines.txt; tar tzf a.tgz | sort; mkdir o; tar xzf a.tgz -C o; cmp o/lines.txt lines.txt && echo same

#### tar bzip2 round trip
tar cjf a.tbz2 dir; tar tjf a.tbz2 | sort

#### tar xz round trip
tar cJf a.txz words.txt; mkdir o; tar xJf a.txz -C o; cmp o/words.txt words.txt && echo same

#### tar auto-compress from the suffix
tar caf a.tar.gz words.txt; gzip -t a.tar.gz && echo gzip; tar tf a.tar.gz

#### tar reads compressed archives without a flag
tar czf a.tgz words.txt; tar tf a.tgz; tar cJf b.txz words.txt; tar xOf b.txz words.txt | head -2

#### tar old-style options
tar cf a.tar words.txt; tar tvf a.tar --numeric-owner >/dev/null && echo listed; tar tf a.tar

#### tar extract one member
tar cf a.tar dir words.txt lines.txt; mkdir o; tar xf a.tar -C o lines.txt; ls o

#### tar member not found
tar cf a.tar words.txt; tar xf a.tar nothere; echo "status $?"

#### tar archive missing
tar tf nope.tar; echo "status $?"

#### tar input file missing
tar cf a.tar nope words.txt; echo "status $?"; tar tf a.tar

#### tar needs a mode
tar f a.tar; echo "status $?"

#### tar refuses an empty archive
tar cf a.tar; echo "status $?"

#### tar to stdout and from stdin
tar cf - words.txt | tar tf -; tar cf - lines.txt | tar xOf - | wc -l

#### tar extract to stdout
tar cf a.tar words.txt lines.txt; tar xOf a.tar lines.txt | head -3

#### tar strip components
mkdir -p p/q; echo deep > p/q/f; tar cf a.tar p; mkdir o; tar xf a.tar -C o --strip-components=2; ls o; cat o/f

#### tar exclude
mkdir t; touch t/a.log t/b.txt t/c.log; tar cf a.tar --exclude='*.log' t; tar tf a.tar | sort

#### tar files-from
printf 'words.txt\nlines.txt\n' > list; tar cf a.tar -T list; tar tf a.tar

#### tar keeps symlinks as links
mkdir t; echo x > t/f; ln -s f t/l; tar cf a.tar t; rm -r t; tar xf a.tar; readlink t/l; cat t/l

#### tar preserves modes with -p
mkdir t; echo x > t/f; chmod 751 t/f; tar cf a.tar t; rm -r t; tar xpf a.tar; stat -c %a t/f

#### tar keeps mtimes
mkdir t; echo x > t/f; touch -d '2019-05-06 07:08:09' t/f; tar cf a.tar t; rm -r t; tar xf a.tar; stat -c %y t/f

#### tar keep old files
echo new > f; tar cf a.tar f; echo old > f; tar xkf a.tar; echo "status $?"; cat f

#### tar overwrites by default
echo new > f; tar cf a.tar f; echo old > f; tar xf a.tar; cat f

#### tar not an archive
echo hello > bad.tar; tar tf bad.tar; echo "status $?"
