"""Speed of ``diplograph load``: batch output (Parquet) into a SQLite file and into PostgreSQL.

Makes the batch output once with the fast analyzer (``run_batch`` with ``{"analyzer": "simple",
"cascade": False}``, one worker) on the first ``--limit`` DpgMedia2019 articles, or reuses ``--out``
when it already holds one; then times :func:`diplograph.batch.load.load_dir` into a fresh SQLite file
and into a fresh PostgreSQL database (``--pg URL`` of an empty database, or else a throw-away server
started as ``tests/pg.py`` does, when the PostgreSQL binaries are installed).  Each load runs in its
own fresh process, so the peak RSS it reports is the load's own (interpreter and imports included);
the store's tables are made before the clock starts.
Rows are everything stored: documents, LSH bands, sentences, mentions, quotes, events, event
actors, positions.  ``--digest`` prints a hash of every stored row (ids included, load times and run
ids left out) to check that two versions of the code store the same thing.  Each backend is loaded
``--repeat`` times into fresh stores; the fastest load is reported (the machine is shared), with the median.

    .venv/bin/python bench/store_load.py --limit 400 --out /tmp/store-bench-out --digest --repeat 3
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing as mp
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = ROOT.parent / "shared" / "benchmarks" / "dpgmedia2019" / "articles.jsonl"
TABLES = ("documents", "document_bands", "sentences", "mentions", "quotes", "events", "event_actors", "positions")
VOLATILE = {"ingested_at", "run_id"}  # differ from load to load by design


def make_output(src: Path, out: Path, limit: int) -> None:
    """Batch output of the first ``limit`` articles of ``src`` (skipped when ``out`` already has documents)."""
    if (out / "documents").is_dir() and any((out / "documents").iterdir()):
        print(f"reusing batch output in {out}")
        return
    import ray

    from diplograph.batch.runner import run_batch

    t = time.perf_counter()
    res = run_batch([src], out, workers=1, options={"analyzer": "simple", "cascade": False}, limit=limit)
    ray.shutdown()  # its workers would compete with the loads
    print(f"batch output of {limit} articles in {out}: {res}, {time.perf_counter() - t:.1f} s")


def digest(url: str) -> str:
    """Hash of every stored row of the item tables, in primary-key order, volatile columns left out
    (JSON as stored text, so that a JSON ``null`` and a SQL NULL differ)."""
    from sqlalchemy import JSON, MetaData, Text, cast, create_engine, select

    engine = create_engine(url)
    meta = MetaData()
    meta.reflect(engine, only=list(TABLES))
    h = hashlib.sha256()
    with engine.connect() as conn:
        for name in TABLES:
            table = meta.tables[name]
            cols = [cast(c, Text) if isinstance(c.type, JSON) else c  # JSON null and SQL NULL differ
                    for c in table.columns if c.name not in VOLATILE]
            for row in conn.execute(select(*cols).order_by(*table.primary_key.columns)):
                h.update(repr((name, tuple(row))).encode())
    engine.dispose()
    return h.hexdigest()[:16]


def _load(out: str, url: str, want_digest: bool, queue: Any) -> None:
    """In a fresh process: time ``load_dir`` and report it with the rows stored and the peak RSS."""
    from sqlalchemy import func, select

    from diplograph.batch import parquet
    from diplograph.batch.load import load_dir
    from diplograph.store import models as m
    from diplograph.store.repository import open_store

    open_store(url).close()  # the schema is made before the clock starts
    t = time.perf_counter()
    n_read = sum(1 for _ in parquet.read_analyses(Path(out), tokens=False))  # the floor: reading alone
    read_secs = time.perf_counter() - t
    t = time.perf_counter()
    res = load_dir(Path(out), url)
    secs = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    with open_store(url) as store, store.Session() as s:
        rows = {name: s.scalar(select(func.count()).select_from(m.Base.metadata.tables[name])) or 0
                for name in TABLES}
    queue.put({"secs": secs, "read_secs": read_secs, "read": n_read, "created": res.created,
               "existing": res.existing, "rows": rows, "rss_mib": rss,
               "digest": digest(url) if want_digest else None})


def run_load(out: Path, url: str, want_digest: bool) -> dict[str, Any]:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_load, args=(str(out), url, want_digest, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def report(backend: str, runs: list[dict[str, Any]]) -> None:
    """The fastest of ``runs`` (the machine is shared), with the median and each run's time."""
    r = min(runs, key=lambda r: r["secs"])
    docs, rows = r["created"], sum(r["rows"].values())
    med = statistics.median(x["secs"] for x in runs)
    print(f"{backend:10s} {docs} documents, {rows} rows in {r['secs']:.2f} s: {docs / r['secs']:.1f} documents/s, "
          f"{rows / r['secs']:.0f} rows/s, peak RSS {max(x['rss_mib'] for x in runs):.0f} MiB"
          + (f", digest {r['digest']}" if r["digest"] else ""))
    each = ", ".join(f"{x['secs']:.2f}" for x in runs)
    print(f"{'':10s} median {med:.2f} s of {len(runs)} ({each}); "
          f"reading the {r['read']} analyses alone {min(x['read_secs'] for x in runs):.2f} s")
    print(f"{'':10s} rows: {r['rows']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", type=Path, default=DEFAULT_INPUT)
    ap.add_argument("--limit", type=int, default=400, help="first N articles (default 400)")
    ap.add_argument("--out", type=Path, help="batch output folder to make or reuse (default: a temporary one)")
    ap.add_argument("--pg", help="URL of an empty PostgreSQL database (default: start a throw-away server)")
    ap.add_argument("--no-pg", action="store_true", help="SQLite only")
    ap.add_argument("--digest", action="store_true", help="print a hash of the stored rows")
    ap.add_argument("--repeat", type=int, default=3, help="loads per backend, each into a fresh store (default 3)")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="store-bench-") as tmp:
        out = args.out or Path(tmp) / "out"
        make_output(args.input, out, args.limit)
        report("sqlite", [run_load(out, f"sqlite:///{Path(tmp) / f'store{i}.db'}", args.digest)
                          for i in range(args.repeat)])
        if args.no_pg:
            return
        server = None
        if args.pg:
            urls = [args.pg]  # one empty database: one load
        else:
            sys.path.insert(0, str(ROOT / "tests"))
            from pg import PG_BIN, PostgresServer

            if not (PG_BIN / "initdb").exists():
                print(f"postgresql: skipped (no {PG_BIN / 'initdb'}; give --pg URL)")
                return
            server = PostgresServer()
            server.start()  # fsync and synchronous_commit off, as in the tests
            urls = [server.url] + [server.create_database() for _ in range(args.repeat - 1)]
        try:
            report("postgresql", [run_load(out, url, args.digest) for url in urls])
        finally:
            if server is not None:
                server.stop()


if __name__ == "__main__":
    main()
