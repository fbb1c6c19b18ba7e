#!/usr/bin/env python3
"""Run Oils spec files (oils-for-unix/oils, spec/*.test.sh) against burrow and host bash.

Not part of ctest: the Oils files are public conformance material we learn
from, read from a checkout whose path is given on the command line, never
copied into this tree.

    tools/oils_spec.py [-j N] [-v] [--json OUT] BURROW OILS_SPEC_DIR [NAME ...]    e.g. array assoc dbracket

Each case's expectation for bash is taken (default first, then any
`## OK|BUG|N-I bash...` override, since we aim to behave as bash 5.2 does);
both shells run with the same prelude (a shell stand-in for the Oils helper
argv.py) in fresh scratch directories. Reported: per-file and total pass counts
for burrow and for bash, and with -v the burrow failures.
"""

import argparse
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

TIMEOUT = 10

# The sandbox does not inherit the host environment, so $SH (the shell under
# test, which answers to the name bash inside the sandbox) and $TMP are set by
# the prelude itself, the same line for both shells so that line numbers agree.
# argv.py prints its arguments as a Python list repr; this is the same in shell.
PRELUDE = r'''export SH=bash TMP="${TMP:-/tmp}"
argv.py() {
  local out='[' sep='' a q
  for a in "$@"; do
    a=${a//\\/\\\\}
    if [[ $a == *\'* && $a != *\"* ]]; then q='"'; else q="'"; a=${a//\'/\\\'}; fi
    a=${a//$'\n'/\\n}; a=${a//$'\t'/\\t}; a=${a//$'\r'/\\r}
    out+="$sep$q$a$q"; sep=', '
  done
  printf '%s]\n' "$out"
}
'''

EXPECT_RE = re.compile(r'^## (?:(OK|BUG|N-I) ([\w/-]+) )?(stdout|STDOUT|stdout-json|status|stderr|STDERR|stderr-json):?(.*)$')


class Case:
    def __init__(self, name):
        self.name = name
        self.lines = []
        self.expect = {}  # field -> value, for bash


def parse(path):
    cases = []
    cur = None
    lines = open(path, encoding='utf-8', errors='replace').read().split('\n')
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if line.startswith('#### '):
            cur = Case(line[5:].strip())
            cases.append(cur)
            continue
        if cur is None:
            continue
        m = EXPECT_RE.match(line)
        if not m:
            if not line.startswith('## '):
                cur.lines.append(line)
            continue
        kind, shells, field, rest = m.groups()
        value = rest[1:] if rest.startswith(' ') else rest
        if field in ('STDOUT', 'STDERR'):
            block = []
            while i < len(lines) and not lines[i].startswith('## '):
                block.append(lines[i])
                i += 1
            if i < len(lines) and lines[i].startswith('## END'):
                i += 1
            value = '\n'.join(block) + ('\n' if block else '')
            field = field.lower()
        elif field in ('stdout', 'stderr'):
            value = value + '\n'
        elif field.endswith('-json'):
            value = json.loads(value)
            field = field[:-5]
        elif field == 'status':
            value = int(value.strip())
        if kind is None:
            cur.expect.setdefault(field, value)
        elif 'bash' in shells.split('/'):
            cur.expect[field] = value
            cur.expect.setdefault('_override', set()).add(field)
    # an override of one field keeps default for the others, except that an
    # override's stdout without status means status 0 as Oils reads it
    return cases


def run(argv, cwd, script, env):
    try:
        p = subprocess.run(argv + [script], cwd=cwd, env=env,
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT)
        return p.stdout.decode('utf-8', 'replace'), p.returncode
    except subprocess.TimeoutExpired:
        return '<timeout>', -1


def passes(case, out, status):
    exp = case.expect
    if 'stdout' in exp and out != exp['stdout']:
        return False
    return status == exp.get('status', 0)


def run_case(burrow, case):
    """Runs one case under bash and burrow; returns (bash_ok, burrow_ok, same, burrow_result)."""
    script = PRELUDE + '\n'.join(case.lines) + '\n'
    results = {}
    for who in ('bash', 'burrow'):
        root = tempfile.mkdtemp(prefix='oils_')
        os.makedirs(os.path.join(root, 'tmp'))
        env = dict(os.environ, TMP='/tmp', SH=who, LC_ALL='C.UTF-8')
        if who == 'bash':
            env['TMP'] = os.path.join(root, 'tmp')
            results[who] = run(['/bin/bash', '-c'], os.path.join(root, 'tmp'), script, env)
        else:
            # The sandbox does not inherit the host's environment: its $SH is
            # its own bash, $TMP its /tmp, $LC_ALL bash's (on the first line, as bash has it,
            # so that line numbers agree).
            lines = script.split('\n', 1)
            inside = 'export SH=bash TMP=/tmp LC_ALL=C.UTF-8; ' + lines[0] + '\n' + (lines[1] if len(lines) > 1 else '')
            results[who] = run([burrow, '--rw-root', root, '--cwd', '/tmp', '-c'], root, inside, env)
        shutil.rmtree(root, ignore_errors=True)
    return (passes(case, *results['bash']), passes(case, *results['burrow']),
            results['bash'] == results['burrow'], results['burrow'])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('burrow')
    ap.add_argument('spec_dir')
    ap.add_argument('names', nargs='*')
    ap.add_argument('-v', action='store_true', help='list the cases burrow fails')
    ap.add_argument('-j', type=int, default=os.cpu_count() or 1)
    ap.add_argument('--json', help='write per-case results here')
    args = ap.parse_args()
    burrow = os.path.abspath(args.burrow)
    names = args.names or sorted(f[:-8] for f in os.listdir(args.spec_dir) if f.endswith('.test.sh'))
    totals = [0, 0, 0, 0]  # cases, burrow as expected, bash as expected, burrow same as bash
    record = {}
    with concurrent.futures.ThreadPoolExecutor(args.j) as pool:
        for name in names:
            cases = parse(os.path.join(args.spec_dir, name + '.test.sh'))
            outcomes = list(pool.map(lambda c: run_case(burrow, c), cases))
            nh = sum(o[0] for o in outcomes)
            nb = sum(o[1] for o in outcomes)
            ns = sum(o[2] for o in outcomes)
            for c, o in zip(cases, outcomes):
                record[f'{name}::{c.name}'] = {'bash': o[0], 'burrow': o[1], 'same': o[2]}
                if args.v and not o[1]:
                    print(f'  FAIL {name}: {c.name}: status {o[3][1]}, stdout {o[3][0][:200]!r}')
            print(f'{name}: {len(cases)} cases, burrow {nb}, bash {nh}, same as bash {ns}', flush=True)
            for k, v in enumerate((len(cases), nb, nh, ns)):
                totals[k] += v
    print(f'TOTAL: {totals[0]} cases, burrow {totals[1]}, bash {totals[2]}, same as bash {totals[3]}')
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(record, f, indent=0)


if __name__ == '__main__':
    main()
