#!/usr/bin/env python3
"""Spec and differential tests for the burrow binary.

Cases live in tests/spec/**/*.test.sh, many to a file:

    #### echo joins its arguments
    echo a   b
    ## stdout: a b

    #### word splitting (compared with the host's bash)
    x='1 2'; printf '<%s>' $x

A case with no `## stdout`, `## stderr` or `## status` line is differential:
it runs under `burrow --rw-root SCRATCH --cwd /work -c` and under the
host's /bin/bash in SCRATCH/work of an identical scratch directory
(SCRATCH/work is a copy of tests/spec/fixtures; the sandbox's own /bin,
/dev and /usr mounts stay out of the way), and stdout, stderr and status
must agree. Directives:

    ## stdout: TEXT          one line of expected stdout (newline added)
    ## stdout-n: TEXT        the same without the newline
    ## stdout:               followed by lines up to `## end`
    ## stderr: ... / ## stderr:   likewise
    ## status: N
    ## compare: stdout       differential, but compare only stdout and status

Cases listed in tests/spec/known_failures.txt may fail (they are reported,
not hidden); any other failure fails the run. --update-known rewrites that
list from this run's failures.
"""

import argparse
import concurrent.futures
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC_DIR = os.path.normpath(os.path.join(HERE, "..", "spec"))
FIXTURES = os.path.join(SPEC_DIR, "fixtures")
KNOWN = os.path.join(SPEC_DIR, "known_failures.txt")
TIMEOUT = 20


class Case:
    def __init__(self, path, name, line):
        self.path = path
        self.name = name
        self.line = line
        self.script_lines = []
        self.stdout = None
        self.stderr = None
        self.status = None
        self.compare = "all"

    @property
    def key(self):
        return os.path.relpath(self.path, SPEC_DIR) + "::" + self.name

    @property
    def script(self):
        return "\n".join(self.script_lines) + "\n"

    @property
    def differential(self):
        return self.stdout is None and self.stderr is None and self.status is None


def parse_file(path):
    cases = []
    case = None
    block = None  # (attribute, lines) while reading a multi-line block
    with open(path, encoding="utf-8", errors="surrogateescape") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for number, line in enumerate(lines, 1):
        if block is not None:
            if line.strip() == "## end":
                setattr(case, block[0], "".join(l + "\n" for l in block[1]))
                block = None
            else:
                block[1].append(line)
            continue
        if line.startswith("#### "):
            case = Case(path, line[5:].strip(), number)
            cases.append(case)
            continue
        if case is None:
            continue
        m = re.match(r"^## (stdout|stderr|status|compare|stdout-n|stderr-n):(?: (.*))?$", line)
        if m:
            what, value = m.group(1), m.group(2)
            if what == "status":
                case.status = int(value)
            elif what == "compare":
                case.compare = value.strip()
            elif what.endswith("-n"):
                setattr(case, what[:-2], value or "")
            elif value is None:
                block = (what, [])
            else:
                setattr(case, what, value + "\n")
            continue
        case.script_lines.append(line)
    if block is not None:
        raise SystemExit(f"{path}: unterminated ## {block[0]} block (missing ## end)")
    return cases


def make_scratch():
    scratch = tempfile.mkdtemp(prefix="burrow-spec-")
    work = os.path.join(scratch, "work")
    if os.path.isdir(FIXTURES):
        shutil.copytree(FIXTURES, work, symlinks=True)
    else:
        os.mkdir(work)
    return scratch


def run(argv, cwd, env, executable=None):
    try:
        # Its own session: a case's `kill 0` must not reach the runner.
        p = subprocess.run(argv, cwd=cwd, env=env, stdin=subprocess.DEVNULL, executable=executable,
                           capture_output=True, timeout=TIMEOUT, start_new_session=True)
        return p.stdout, p.stderr, p.returncode
    except subprocess.TimeoutExpired as e:
        return e.stdout or b"", (e.stderr or b"") + b"\n[timed out]\n", -1


def host_env(scratch):
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "HOME": "/home/user",
        "USER": "user",
        "LANG": "C.UTF-8",
        "TZ": "UTC",
        "TERM": "dumb",
    }


def run_case(burrow, case):
    scratch_b = make_scratch()
    scratch_h = make_scratch() if case.differential else None
    try:
        out, err, status = run([burrow, "--rw-root", scratch_b, "--cwd", "/work", "-c", case.script],
                               os.path.join(scratch_b, "work"), host_env(scratch_b))
        if case.differential:
            # argv[0] "bash", as bash names itself in messages ("bash: line 1: ...").
            h_out, h_err, h_status = run(["bash", "-c", case.script],
                                         os.path.join(scratch_h, "work"), host_env(scratch_h),
                                         executable="/bin/bash")
            # The host's scratch directory is the sandbox's "/".
            h_out = h_out.replace(scratch_h.encode(), b"")
            h_err = h_err.replace(scratch_h.encode(), b"")
            expected = (h_out, h_err if case.compare == "all" else None, h_status)
        else:
            expected = (case.stdout.encode("utf-8", "surrogateescape") if case.stdout is not None else None,
                        case.stderr.encode("utf-8", "surrogateescape") if case.stderr is not None else None,
                        case.status if case.status is not None else None)
        problems = []
        if expected[0] is not None and out != expected[0]:
            problems.append(("stdout", expected[0], out))
        if expected[1] is not None and err != expected[1]:
            problems.append(("stderr", expected[1], err))
        if expected[2] is not None and status != expected[2]:
            problems.append(("status", str(expected[2]).encode(), str(status).encode()))
        return case, problems
    finally:
        shutil.rmtree(scratch_b, ignore_errors=True)
        if scratch_h:
            shutil.rmtree(scratch_h, ignore_errors=True)


def load_known():
    if not os.path.exists(KNOWN):
        return set()
    with open(KNOWN, encoding="utf-8") as f:
        return {l.rstrip("\n") for l in f if l.strip() and not l.startswith("#")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("burrow")
    ap.add_argument("filter", nargs="?", default="", help="only cases whose key contains this")
    ap.add_argument("--update-known", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("-j", type=int, default=os.cpu_count() or 2)
    args = ap.parse_args()
    args.burrow = os.path.abspath(args.burrow)

    cases = []
    for root, _, files in os.walk(SPEC_DIR):
        for name in sorted(files):
            if name.endswith(".test.sh"):
                cases.extend(parse_file(os.path.join(root, name)))
    cases = [c for c in cases if args.filter in c.key]
    known = load_known()

    results = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
        for case, problems in pool.map(lambda c: run_case(args.burrow, c), cases):
            results.append((case, problems))

    passed = [c for c, p in results if not p]
    failed = [(c, p) for c, p in results if p]
    unexpected = [(c, p) for c, p in failed if c.key not in known]
    fixed = [c for c in passed if c.key in known]
    differential = sum(1 for c in cases if c.differential)

    for case, problems in failed:
        if case.key in known and not args.verbose:
            continue
        tag = "known failure" if case.key in known else "FAIL"
        print(f"{tag}: {case.key} ({os.path.relpath(case.path)}:{case.line})")
        for what, want, got in problems:
            print(f"  {what}: expected {want[:400]!r}")
            print(f"  {' ' * len(what)}  got      {got[:400]!r}")
    for case in fixed:
        print(f"now passing (remove from known_failures.txt): {case.key}")

    if args.update_known:
        with open(KNOWN, "w", encoding="utf-8") as f:
            f.write("# Spec cases that fail today. Fix them and delete their lines;\n")
            f.write("# a failure of any case not listed here fails the test run.\n")
            for case, _ in sorted(failed, key=lambda x: x[0].key):
                f.write(case.key + "\n")

    print(f"{len(cases)} cases ({differential} differential against bash), "
          f"{len(failed) - len(unexpected)} known failures")
    print(f"spec: {len(passed)} passed, {len(unexpected)} failed")
    return 1 if unexpected and not args.update_known else 0


if __name__ == "__main__":
    sys.exit(main())
