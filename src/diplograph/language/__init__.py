"""Linguistic engines behind one interface; ``get_analyzer`` hands out one per process.

``get_analyzer(name)`` is cheap to call repeatedly: each process (each worker of a
pool) keeps one analyzer per name and options, so one Frog server serves every
document of that worker.  Shared analyzers are closed at exit or by
``close_analyzers()``; callers must not close them themselves.
"""

from __future__ import annotations

import atexit
import os
import threading

from diplograph.language.base import Analyzer

ANALYZERS = ("frog", "simple")
_SHARED: dict[tuple[int, str, tuple[tuple[str, object], ...]], Analyzer] = {}
_LOCK = threading.Lock()


def make_analyzer(name: str, **options: object) -> Analyzer:
    """A new analyzer that the caller owns (and closes)."""
    if name == "simple":
        from diplograph.language.simple import SimpleAnalyzer

        return SimpleAnalyzer()
    if name == "frog":
        from diplograph.language.frog import FrogAnalyzer

        return FrogAnalyzer(**options)  # type: ignore[arg-type]
    raise ValueError(f"unknown analyzer {name!r}; known: {', '.join(ANALYZERS)}")


def get_analyzer(name: str, **options: object) -> Analyzer:
    """The process-wide analyzer for ``name`` and ``options`` (started on first use, restarted if closed)."""
    key = (os.getpid(), name, tuple(sorted(options.items())))
    with _LOCK:
        analyzer = _SHARED.get(key)
        if analyzer is None or getattr(analyzer, "closed", False):
            analyzer = _SHARED[key] = make_analyzer(name, **options)
        return analyzer


def close_analyzers() -> None:
    """Close this process's shared analyzers."""
    with _LOCK:
        for key in [k for k in _SHARED if k[0] == os.getpid()]:
            _SHARED.pop(key).close()


atexit.register(close_analyzers)

__all__ = ["ANALYZERS", "Analyzer", "close_analyzers", "get_analyzer", "make_analyzer"]
