#### python3 -c prints
python3 -c 'print("hello", 6 * 7)'

#### python3 reads stdin from a pipe
seq 10 | python3 -c 'import sys; nums = [int(l) for l in sys.stdin]; print(sum(nums), max(nums))'

#### python3 writes into a pipe
python3 -c 'for i in range(5): print(i * i)' | tail -2

#### exit status from sys.exit
python3 -c 'import sys; sys.exit(4)'; echo "status $?"

#### sys.exit with a message
python3 -c 'import sys; sys.exit("went wrong")'; echo "status $?"

#### an uncaught exception prints a traceback and exits 1
python3 -c 'def f(): raise KeyError("k")
f()'; echo "status $?"

#### a syntax error
python3 -c 'print((1,'; echo "status $?"

#### arguments after -c
python3 -c 'import sys; print(sys.argv)' one 'two words'

#### a script file with arguments
printf 'import sys\nprint(len(sys.argv), sys.argv[1:])\n' > s.py; python3 s.py a b

#### a script on stdin
echo 'print(sum(range(101)))' | python3

#### python3 - with arguments
echo 'import sys; print(sys.argv)' | python3 - x y

#### an executable script with a shebang
printf '#!/usr/bin/env python3\nprint("from shebang")\n' > run.py; chmod +x run.py; ./run.py

#### the current directory is the shell's
mkdir -p sub/dir && cd sub/dir && python3 -c 'import os; print(os.path.basename(os.getcwd()))'

#### relative paths resolve against the shell's directory
mkdir -p d && echo content > d/f.txt && cd d && python3 -c 'print(open("f.txt").read().strip())'

#### files written by python are seen by the shell
python3 -c 'open("out.txt", "w").write("line1\nline2\n")'; wc -l out.txt

#### json round trip
python3 -c 'import json; d = json.loads("{\"b\": [1, 2], \"a\": null}"); print(json.dumps(d, sort_keys=True))'

#### json.tool pretty-prints
echo '{"x": [1, {"y": true}]}' | python3 -m json.tool

#### csv module reads a file
printf 'name,qty\nbolt,3\nnut,4\n' > t.csv; python3 -c 'import csv; print(sum(int(r["qty"]) for r in csv.DictReader(open("t.csv"))))'

#### os.listdir and os.walk
mkdir -p tree/a tree/b && touch tree/a/1 tree/b/2 tree/top; python3 -c '
import os
for root, dirs, files in sorted(os.walk("tree")):
    print(root, sorted(dirs), sorted(files))'

#### pathlib glob
mkdir -p g && touch g/x.txt g/y.txt g/z.md; python3 -c 'import pathlib; print(sorted(p.name for p in pathlib.Path("g").glob("*.txt")))'

#### environment variables
export GREETING=hi; python3 -c 'import os; print(os.environ["GREETING"], "MISSING" in os.environ)'

#### re and collections
python3 -c '
import re, collections
words = re.findall(r"[a-z]+", "the cat and the hat and the bat")
print(collections.Counter(words).most_common(2))'

#### unicode text
python3 -c 'print("héllo wörld".upper(), len("日本語"))'

#### integer and float arithmetic
python3 -c 'print(2**100, 7 // 2, -7 // 2, 10 / 4, round(2.675, 2), 0.1 + 0.2)'

#### hashlib and base64
python3 -c 'import hashlib, base64; print(hashlib.md5(b"abc").hexdigest(), base64.b64encode(b"burrow").decode())'

#### zlib and gzip
python3 -c '
import gzip, zlib
data = b"x" * 1000
print(len(zlib.compress(data)) < 100, zlib.decompress(zlib.compress(data)) == data)
gzip.open("f.gz", "wb").write(b"gzipped text\n")'; gzip -dc f.gz

#### datetime arithmetic
python3 -c 'import datetime; d = datetime.date(2024, 2, 28) + datetime.timedelta(days=2); print(d.isoformat(), d.strftime("%A"))'

#### decimal and fractions
python3 -c 'from decimal import Decimal; from fractions import Fraction; print(Decimal("1.1") + Decimal("2.2"), Fraction(1, 3) + Fraction(1, 6))'

#### reading a missing file
python3 -c 'open("nope.txt")' 2>&1 | tail -1 | sed 's/Errno [0-9]*/Errno N/'; echo "status ${PIPESTATUS[0]}"

#### shutil copy and remove
mkdir -p src && echo data > src/a && python3 -c '
import shutil
shutil.copytree("src", "dst")
shutil.rmtree("src")'; ls; cat dst/a

#### sorting lines like sort
printf 'b\na\nc\n' | python3 -c 'import sys; sys.stdout.write("".join(sorted(sys.stdin)))'

#### print to stderr
python3 -c 'import sys; print("to err", file=sys.stderr); print("to out")' 2>/dev/null

#### python -V
python3 -V | cut -d. -f1,2

#### python is python3
python -c 'import sys; print(sys.version_info.major)'
## stdout: 3
