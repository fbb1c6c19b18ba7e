#!/usr/bin/env python3
"""Host signals to the burrow CLI reach its sandbox shell as that signal.

    cli_signals.py BURROW

SIGTERM / SIGHUP / SIGINT sent to the `burrow` process: a script's trap for
the signal runs (and the script goes on, or exits as the trap says); an
untrapped one ends the shell with status 128 + n, as bash's would.
"""

import signal
import subprocess
import sys
import time


def run(burrow, script, sig):
    p = subprocess.Popen([burrow, '-c', script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         stdin=subprocess.DEVNULL)
    time.sleep(0.5)  # the script is in its `sleep` by now
    p.send_signal(sig)
    try:
        out, _ = p.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        p.kill()
        return '<timeout>', -1
    return out.decode(), p.returncode


CASES = [
    # script, signal, expected stdout, expected status
    ('trap "echo got TERM; exit 3" TERM; sleep 5; echo after', signal.SIGTERM, 'got TERM\n', 3),
    ('sleep 5; echo after', signal.SIGTERM, '', 143),
    ('trap "echo got HUP" HUP; sleep 5; echo after', signal.SIGHUP, 'got HUP\nafter\n', 0),
    ('sleep 5 | cat; echo after', signal.SIGHUP, '', 129),
    ('trap "echo got INT" INT; sleep 5; echo after', signal.SIGINT, 'got INT\nafter\n', 0),
    ('sleep 5; echo after', signal.SIGINT, '', 130),
    ('trap "" TERM; sleep 1; echo after', signal.SIGTERM, 'after\n', 0),
]


def main():
    burrow = sys.argv[1]
    failed = 0
    for script, sig, want_out, want_status in CASES:
        out, status = run(burrow, script, sig)
        if (out, status) != (want_out, want_status):
            failed += 1
            print(f'FAIL: {script!r} with {sig.name}: got {out!r} status {status}, '
                  f'want {want_out!r} status {want_status}')
    print(f'cli_signals: {len(CASES) - failed} passed, {failed} failed')
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
