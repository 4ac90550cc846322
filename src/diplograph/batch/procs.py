"""Linux process trees from /proc: descendants, start times and memory (a worker plus its Frog server)."""

from __future__ import annotations

import os
from pathlib import Path


def children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            out += [int(c) for c in (task / "children").read_text().split()]
    except OSError:
        pass
    return out


def descendants(pid: int) -> list[int]:
    """Children, grandchildren, ... of ``pid`` (empty when it is gone)."""
    out, todo = [], children(pid)
    while todo:
        p = todo.pop()
        out.append(p)
        todo += children(p)
    return out


def start_time(pid: int) -> str | None:
    """The process's start time in clock ticks (with the pid, it names a process for good); None if gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return stat.rsplit(")", 1)[1].split()[19]  # field 22


def status_kb(pid: int, key: str, file: str = "status") -> int:
    """A ``key: N kB`` figure of /proc/PID/status (or smaps_rollup); 0 when unknown."""
    try:
        for line in Path(f"/proc/{pid}/{file}").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def process_tree_rss(pid: int | None = None, peak: bool = False) -> int:
    """Resident memory in bytes of a process and all its descendants.

    With ``peak`` each process counts its high-water mark (VmHWM), an upper bound of the tree's peak.
    """
    pid = pid or os.getpid()
    key = "VmHWM" if peak else "VmRSS"
    return 1024 * sum(status_kb(p, key) for p in [pid, *descendants(pid)])


def process_tree_pss(pid: int | None = None) -> int:
    """Proportional set size in bytes of a process and its descendants: pages shared between them
    (Frog forks a copy of itself per connection) count once, unlike in the sum of their RSS."""
    pid = pid or os.getpid()
    return 1024 * sum(status_kb(p, "Pss", "smaps_rollup") for p in [pid, *descendants(pid)])
