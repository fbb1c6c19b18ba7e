#!/usr/bin/env python3
"""Security invariant 1: the product never starts a host process.

Inspects the undefined symbols of the burrow binary and of every object in
libburrow_core.a: none may be a process-creating libc function."""

import os
import re
import subprocess
import sys

FORBIDDEN = re.compile(
    r"^(fork|vfork|clone|clone3|execve|execveat|execv|execvp|execvpe|execl|execlp|execle|"
    r"fexecve|system|popen|posix_spawn|posix_spawnp|_Fork)(@.*)?$")


def undefined_symbols(path):
    out = subprocess.run(["nm", "-u", "--format=just-symbols", path], capture_output=True,
                         text=True, check=True).stdout
    return {line.strip() for line in out.splitlines() if line.strip()}


def main():
    binary = sys.argv[1]
    library = os.path.join(os.path.dirname(binary), "libburrow_core.a")
    failures = []
    checked = 0
    for path in (binary, library):
        if not os.path.exists(path):
            print(f"missing {path}")
            return 1
        for sym in sorted(undefined_symbols(path)):
            checked += 1
            if FORBIDDEN.match(sym):
                failures.append(f"{os.path.basename(path)} imports {sym}")
    for f in failures:
        print("FAIL:", f)
    print(f"checked {checked} undefined symbols in burrow and libburrow_core.a")
    print(f"no-host-process: {1 if not failures else 0} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
