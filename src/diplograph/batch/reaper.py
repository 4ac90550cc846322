"""A watchdog that kills a worker's child processes (its Frog server) when the worker dies.

Ray ends pool actors abruptly once a dataset is done; a Frog server that is busy, or that
was only asked to stop with SIGTERM, may then outlive its worker for a minute or more and
hold ~1.5 GB (Frog ignores SIGTERM in server mode, and Ray SIGKILLs only a worker's direct
children, so the copies Frog forks per connection live on).  :func:`watch` starts a small
detached process (forked twice, so that it is no child of the worker and survives it) that
follows the worker's descendants while the worker lives and SIGKILLs those still running
when it has gone (each identified by pid and start time, so a reused pid is never hit).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from diplograph.batch.procs import descendants, start_time


def run(parent: int, interval: float = 0.5, report: bool = False) -> None:
    """Follow ``parent``'s descendants until it is gone, then kill the ones left.

    With ``report`` the sorted pids followed so far are printed after every look.
    """
    me = os.getpid()
    parent_start = start_time(parent)
    known: dict[int, str] = {}
    while parent_start is not None and start_time(parent) == parent_start:
        for pid in descendants(parent):
            if pid != me and pid not in known and (st := start_time(pid)) is not None:
                known[pid] = st
        if report:
            print(*sorted(known), flush=True)
        time.sleep(interval)
    for pid in list(known):  # and their own children (Frog forks one per connection)
        for child in descendants(pid):
            if child != me and child not in known and (st := start_time(child)) is not None:
                known[child] = st
    for pid, st in known.items():
        if start_time(pid) == st:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


def watch(parent: int | None = None, report: bool = False) -> subprocess.Popen[str] | None:
    """Start the watchdog for ``parent`` (default: this process); Linux only, else a no-op.

    With ``report`` its stdout is a pipe with a line of followed pids after every look; it reaches its end
    when the watchdog has done its work.
    """
    if not Path("/proc/self/stat").exists():
        return None
    parent = parent or os.getpid()
    cmd = [sys.executable, "-m", "diplograph.batch.reaper", str(parent)] + (["--report"] if report else [])
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE if report else subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True, close_fds=True, text=True)
    proc.wait()  # the intermediate process exits at once; the watchdog lives on in its own child
    return proc


if __name__ == "__main__":
    if os.fork():
        os._exit(0)
    run(int(sys.argv[1]), report="--report" in sys.argv[2:])
