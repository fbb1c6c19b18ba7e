#!/usr/bin/env python3
"""Scenario benchmarks: Burrow against the host's bash and GNU tools.

    bench/run.py [--burrow build/burrow] [--data DIR] [--runs 5] [--scale 1.0] [FILTER]

Each scenario runs as `burrow --root DATA -c SCRIPT` and as `bash -c SCRIPT`
in DATA, interleaved, several times; the table shows the median wall times,
the ratio Burrow/native, and whether both printed the same output."""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# A CPU-bound script: integer arithmetic, dicts, strings and a sort.
PY_CPU = ("{python} -c 'd = {{}}\n"
          "for i in range(400000): d[str(i % 5000)] = d.get(str(i % 5000), 0) + i * i % 7\n"
          "print(sum(sorted(d.values())[:100]), len(d))'")

SCENARIOS = [
    ("echo hi", "echo hi"),
    ("loop 100k", "i=0; while [ $i -lt 100000 ]; do i=$((i+1)); done; echo $i"),
    ("function calls 20k", "f() { r=$(( $1 * 2 )); }; for ((i=0;i<20000;i++)); do f $i; done; echo $r"),
    ("cat", "cat access.log | wc -c"),
    ("wc -l", "wc -l access.log"),
    ("wc", "wc access.log"),
    ("grep -c", "grep -c ' 404 ' access.log"),
    ("grep -o", "grep -o 'HTTP/1\\.[01]\" [0-9]*' access.log | sort | uniq -c"),
    ("grep -r", "grep -rl needle tree | wc -l"),
    ("awk sum", "awk '{s+=$10} END {print s}' access.log"),
    ("awk group-by", "awk '{n[$9]++} END {for (k in n) print k, n[k]}' access.log | sort"),
    ("cut|sort|uniq", "cut -d' ' -f1 access.log | sort | uniq -c | sort -rn | head -5"),
    ("sed|md5sum", "sed 's/GET/FETCH/g' access.log | md5sum"),
    ("sort csv", "sort -t, -k4,4n -k1,1n data.csv | tail -1"),
    ("sort log", "sort access.log | tail -1"),
    ("sort -k", "sort -k9,9n -k1,1 access.log | tail -1"),
    ("uniq -c", "uniq -c sorted.log | tail -1"),
    ("cut -f", "cut -d' ' -f1,9 access.log | tail -1"),
    ("head -c", "head -c 40000000 access.log | wc -c"),
    ("tail -n", "tail -n 5 access.log"),
    ("diff", "diff access.log access2.log | wc -l"),
    ("tr", "tr 'a-z' 'A-Z' < access.log | wc -c"),
    ("find -name", "find tree -name '*.txt' | wc -l"),
    ("xargs", "find tree -name '*.txt' | sort | xargs -n 200 cat | wc -c"),
    # Python against the host's own CPython 3.11 (not a version manager's shim).
    ("python3 -c", "python3 -c 'print(1)'", "/usr/bin/python3.11 -c 'print(1)'"),
    ("python3 -c x10 warm", "for i in 1 2 3 4 5 6 7 8 9 10; do python3 -c 'print(1)'; done",
     "for i in 1 2 3 4 5 6 7 8 9 10; do /usr/bin/python3.11 -c 'print(1)'; done"),
    ("python3 cpu", PY_CPU.format(python="python3"), PY_CPU.format(python="/usr/bin/python3.11")),
]


def timed(argv, cwd):
    start = time.perf_counter()
    p = subprocess.run(argv, cwd=cwd, capture_output=True, stdin=subprocess.DEVNULL)
    return time.perf_counter() - start, p.stdout, p.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("filter", nargs="?", default="")
    ap.add_argument("--burrow", default=os.path.join(HERE, "..", "build", "burrow"))
    ap.add_argument("--data", default=os.path.join(HERE, "..", "build", "bench-data"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args()

    subprocess.run([sys.executable, os.path.join(HERE, "gen_data.py"), args.data, "--scale",
                    str(args.scale)], check=True)
    env_ok = shutil.which("bash") is not None
    if not env_ok:
        print("bench: the host's bash is needed for the comparison")
        return 1
    burrow = os.path.abspath(args.burrow)
    data = os.path.abspath(args.data)

    print(f"{'scenario':<22}{'burrow':>10}{'native':>10}{'ratio':>8}  same output")
    for name, script, *native in SCENARIOS:
        native_script = native[0] if native else script
        if args.filter not in name:
            continue
        ours, theirs = [], []
        same = True
        for _ in range(args.runs):
            t1, out1, rc1 = timed([burrow, "--root", data, "-c", script], data)
            t2, out2, rc2 = timed(["bash", "-c", native_script], data)
            ours.append(t1)
            theirs.append(t2)
            same = same and out1 == out2 and rc1 == rc2
        m1, m2 = statistics.median(ours), statistics.median(theirs)
        print(f"{name:<22}{m1 * 1000:>8.1f}ms{m2 * 1000:>8.1f}ms{m1 / m2:>8.2f}  {'yes' if same else 'NO'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
