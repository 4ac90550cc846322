"""Frog's speed and memory with and without its dependency parser.

    .venv/bin/python bench/frog_speed.py [--docs 20] [--skip ac --skip acp ...]

Sentences come from the simple splitter over the first ``--docs`` articles of
../shared/benchmarks/dpgmedia2019/articles.jsonl; each configuration starts its own
server (start-up time reported apart) and analyses the same sentences in one request
per document.  Memory is the PSS of the server and its connection process.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

from diplograph.language.frog import FrogAnalyzer
from diplograph.language.simple import SimpleAnalyzer

DPG = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "dpgmedia2019" / "articles.jsonl"


def pss_mb(pid: int) -> float:
    """Proportional set size (MB; shared pages divided among sharers) of a process and its children."""
    total = 0
    pids = [pid]
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        pids += [int(c) for c in children]
    except OSError:
        pass
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--docs", type=int, default=20)
    ap.add_argument("--skip", action="append", help="Frog modules to skip (t is always added); repeatable")
    ap.add_argument("--input", type=Path, default=DPG)
    args = ap.parse_args()
    texts = []
    with args.input.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            texts.append(rec.get("text") or "")
            if len(texts) >= args.docs:
                break
    docs = [SimpleAnalyzer().analyse(t) for t in texts]
    n_tok = sum(len(s.tokens) for d in docs for s in d)
    n_sent = sum(len(d) for d in docs)
    print(f"{len(docs)} documents, {n_sent} sentences, {n_tok} tokens; load average {os.getloadavg()[0]:.1f}")
    for skip in args.skip or ["ac", "acp"]:
        t0 = time.perf_counter()
        frog = FrogAnalyzer(skip=skip)
        started = time.perf_counter() - t0
        t1 = time.perf_counter()
        for d in docs:
            frog.parse(d)
        took = time.perf_counter() - t1
        assert frog.server.proc is not None
        mem = pss_mb(frog.server.proc.pid)
        frog.close()
        print(f"skip={frog.server.skip:5s} start {started:5.1f} s  {n_tok / took:7.1f} tokens/s  "
              f"({took:.1f} s)  memory {mem:.0f} MB (PSS, server + connection)")
        docs = [SimpleAnalyzer().analyse(t) for t in texts]


if __name__ == "__main__":
    main()
