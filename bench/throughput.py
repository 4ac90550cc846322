"""Throughput of diplograph on real Dutch news (DpgMedia2019), measured as ratios within one run.

Measures, on the same cleaned texts:

1. Frog alone: the analyzer's full parse of every text (the floor);
2. the whole pipeline in one process, without the cascade (every sentence Frog-parsed) and with it
   (only the sentences the fast first pass selects), documents interleaved so that the three
   see the same load on a shared machine;
3. ``diplograph batch`` on Ray Data with 1 and with 2 workers (peak memory per worker is the
   high-water RSS of the worker process plus its Frog server).

Server start-up is not timed in (1)-(2); in (3) the whole batch run is timed, actor and Frog
start-up included.

    .venv/bin/python bench/throughput.py --limit 200
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from diplograph.batch.inputs import read_records
from diplograph.batch.procs import process_tree_rss
from diplograph.batch.runner import init_ray, run_batch, to_document
from diplograph.extract.pipeline import Pipeline
from diplograph.language import make_analyzer

DEFAULT_INPUT = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "dpgmedia2019" / "articles.jsonl"


def load_records(path: Path, limit: int | None) -> list[dict[str, Any]]:
    recs = []
    for rec in read_records([path]):
        if "error" in rec or not (rec.get("text") or "").strip():
            continue
        recs.append(rec)
        if limit and len(recs) >= limit:
            break
    return recs


def in_process(recs: list[dict[str, Any]], analyzer: str) -> dict[str, Any]:
    """Frog alone vs. the pipeline with and without the cascade, interleaved per document.

    The three runs take turns in a rotating order on each document, so that a shared machine's
    changing load falls on all of them alike; one document warms everything up untimed (lazy
    loads: language identification, knowledge base, trigger lists).  Frog alone parses the
    cleaned text; the pipeline runs are timed from the input record (cleaning included).
    """
    t = time.perf_counter()
    frog = make_analyzer(analyzer)  # a server of its own; the pipelines share the process's analyzer
    pipes = {"nocascade": Pipeline(analyzer=analyzer, cascade=False),
             "cascade": Pipeline(analyzer=analyzer, cascade=True)}
    startup = time.perf_counter() - t
    secs = {"frog": 0.0, "nocascade": 0.0, "cascade": 0.0}
    tokens = sentences = parsed = 0

    def run(key: str, rec: dict[str, Any], text: str) -> Any:
        if key == "frog":
            return frog.analyse(text)
        return pipes[key].run(to_document(rec))

    try:
        warm = recs[0]
        for key in secs:
            run(key, warm, to_document(warm).text)
        for n, rec in enumerate(recs):
            text = to_document(rec).text
            keys = list(secs)[n % 3:] + list(secs)[:n % 3]
            for key in keys:
                t = time.perf_counter()
                result = run(key, rec, text)
                secs[key] += time.perf_counter() - t
                if key == "frog":
                    tokens += sum(len(s.tokens) for s in result)
                    sentences += len(result)
                elif key == "cascade":
                    parsed += sum(1 for s in result.sentences if s.parsed)
        rss = process_tree_rss(peak=True)
    finally:
        frog.close()
        for pipe in pipes.values():
            pipe.close()
    return {"docs": len(recs), "tokens": tokens, "sentences": sentences, "cascade_parsed_sentences": parsed,
            "seconds": secs, "startup_s": startup, "driver_peak_rss": rss}


def batched(path: Path, limit: int | None, analyzer: str, workers_list: list[int]) -> dict[int, Any]:
    """``run_batch`` with each number of workers, on one local Ray instance."""
    init_ray(max(workers_list))
    out: dict[int, Any] = {}
    for w in workers_list:
        with tempfile.TemporaryDirectory(prefix="diplograph-bench-") as d:
            r = run_batch([path], Path(d), workers=w, options={"analyzer": analyzer, "cascade": True},
                          limit=limit, flush_every=10**9)
        n = r.processed  # documents extracted (empty ones, recorded as errors at once, left out)
        steady_docs, steady_tokens = r.steady_rate()
        out[w] = {"docs": n, "failed": r.failed, "tokens": r.tokens, "seconds": r.seconds,
                  "steady_seconds": r.steady_seconds, "docs_per_s": n / r.seconds, "tokens_per_s": r.tokens_per_s,
                  "steady_docs_per_s": steady_docs, "steady_tokens_per_s": steady_tokens,
                  "peak_rss_per_worker": max(r.worker_peak_rss.values(), default=0),
                  "peak_pss_per_worker": max(r.worker_peak_pss.values(), default=0)}
    return out


def report(res: dict[str, Any]) -> str:
    p = res["in_process"]
    s, n, tok = p["seconds"], p["docs"], p["tokens"]
    lines = [f"documents: {n}, tokens (Frog): {tok}, sentences: {p['sentences']}, "
             f"Frog-parsed with the cascade: {p['cascade_parsed_sentences']} "
             f"({p['cascade_parsed_sentences'] / max(p['sentences'], 1):.0%})",
             "", "| run | seconds | docs/s | tokens/s |", "|---|---:|---:|---:|"]
    for key, label in (("frog", "Frog alone (floor)"), ("nocascade", "end to end, no cascade"),
                       ("cascade", "end to end, cascade")):
        lines.append(f"| {label} | {s[key]:.1f} | {n / s[key]:.2f} | {tok / s[key]:.0f} |")
    b = res.get("batch", {})
    for w, r in sorted(b.items()):
        lines.append(f"| batch on Ray ({r['docs']} docs), {w} worker(s), cascade, start-up included | "
                     f"{r['seconds']:.1f} | "
                     f"{r['docs_per_s']:.2f} | {r['tokens_per_s']:.0f} |")
        lines.append(f"| batch on Ray ({r['docs']} docs), {w} worker(s), cascade, once each worker is up "
                     "(summed rates) | "
                     f"{r['docs'] / r['steady_docs_per_s']:.1f} | {r['steady_docs_per_s']:.2f} | "
                     f"{r['steady_tokens_per_s']:.0f} |")
    lines += ["", f"- end to end without cascade / Frog alone: {s['nocascade'] / s['frog']:.2f} (target <= 1.25)",
              f"- Frog alone / end to end with cascade: {s['frog'] / s['cascade']:.2f} (target >= 3)",
              f"- no cascade / cascade: {s['nocascade'] / s['cascade']:.2f}"]
    if 1 in b and 2 in b:
        lines.append(f"- speed-up of 2 workers over 1: {b[2]['steady_docs_per_s'] / b[1]['steady_docs_per_s']:.2f} "
                     f"once workers are up, {b[2]['docs_per_s'] / b[1]['docs_per_s']:.2f} with start-up "
                     "(target >= 1.8)")
    if b:
        pss = max(r["peak_pss_per_worker"] for r in b.values())
        rss = max(r["peak_rss_per_worker"] for r in b.values())
        lines.append(f"- peak memory per worker (worker + Frog, PSS): {pss / 2**30:.2f} GiB (target <= 2.5); "
                     f"sum of the processes' peak RSS, counting shared pages twice: {rss / 2**30:.2f} GiB")
    lines.append(f"- load average at the end: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT, help="JSON Lines of articles")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles")
    ap.add_argument("--analyzer", default="frog", help="frog (default) or simple (a smoke test)")
    ap.add_argument("--batch-limit", type=int, default=None,
                    help="articles for the batch runs (default: --limit); more make start-up weigh less")
    ap.add_argument("--workers", default="1,2", help="worker counts for the batch runs (comma separated; '' skips)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    recs = load_records(args.input, args.limit)
    res: dict[str, Any] = {"input": str(args.input), "limit": args.limit, "analyzer": args.analyzer,
                           "in_process": in_process(recs, args.analyzer)}
    workers = [int(w) for w in args.workers.split(",") if w.strip()]
    if workers:
        # the same records the in-process runs saw (or the first --batch-limit): the batch reads the first
        # N lines, skipped ones included
        brecs = load_records(args.input, args.batch_limit) if args.batch_limit else recs
        limited = args.batch_limit or args.limit
        res["batch_docs"] = len(brecs)
        res["batch"] = batched(args.input, brecs[-1]["line"] if limited else None, args.analyzer, workers)
    if args.json:
        args.json.write_text(json.dumps(res, indent=2))
    print(report(res))
    return 0


if __name__ == "__main__":
    sys.exit(main())
