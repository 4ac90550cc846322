"""Batch extraction on Ray Data.

Documents are split into blocks of ``docs_per_task`` documents and mapped by a pool
of ``workers`` Ray actors; each actor builds its own
:class:`~diplograph.extract.pipeline.Pipeline` once (and so starts its own Frog server
once) and returns, per document, the rows for the Parquet tables of
:mod:`diplograph.batch.parquet` or an error.  A document that kills its worker (a
crash, not an exception) takes its block down with it; the documents of lost blocks
are then run again one per task, so that the crash costs no other document, and the
culprit is recorded after ``crash_retries`` more tries.  The driver streams the
results and writes a shard every ``flush_every`` documents, so an interrupted run
keeps what it finished and a rerun skips it.
"""

from __future__ import annotations

import atexit
import json
import logging
import os
import shutil
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa

from diplograph.batch import parquet, reaper
from diplograph.batch.inputs import INPUT_SCHEMA, read_records
from diplograph.batch.procs import process_tree_pss, process_tree_rss
from diplograph.model import Document

log = logging.getLogger(__name__)

_RESULT_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("rows", pa.string()), ("error", pa.string()), ("seconds", pa.float64()),
    ("n_tokens", pa.int64()), ("worker", pa.int64()), ("peak_rss", pa.int64()), ("peak_pss", pa.int64()),
    ("ready_at", pa.float64()),
    ("done_at", pa.float64()),
])


def _failed_stage(exc: BaseException, stages: list[Any]) -> str | None:
    """The name of the pipeline stage an exception was raised in, from its traceback."""
    ids = {id(s): s for s in stages}
    tb, name = exc.__traceback__, None
    while tb is not None:
        obj = tb.tb_frame.f_locals.get("self")
        if id(obj) in ids:
            name = getattr(ids[id(obj)], "name", None)
        tb = tb.tb_next
    return name


def to_document(rec: dict[str, Any]) -> Document:
    """A cleaned pipeline document from an input record, as ``diplograph ingest`` makes it."""
    from diplograph.ingest.dates import normalise_date
    from diplograph.ingest.readers import make_document

    meta: dict[str, Any] = {}
    try:
        date = normalise_date(rec.get("date")) if rec.get("date") else None
    except ValueError:
        date, meta["date_given"] = None, rec.get("date")
    return make_document(rec["id"], rec["text"], source=rec.get("source") or "", line=rec.get("line"), date=date,
                         title=rec.get("title"), lang=rec.get("lang"), outlet=rec.get("outlet"), url=rec.get("url"),
                         meta=meta)


class Extractor:
    """A Ray Data callable class: one pipeline per actor, documents in, table rows (as JSON) out."""

    PSS_EVERY = 5.0  # seconds between samples of the worker's PSS (reading smaps costs ~70 ms with Frog)

    def __init__(self, stages: list[str] | None = None, options: dict[str, Any] | None = None,
                 setup: Callable[[], None] | None = None) -> None:
        from diplograph.extract.pipeline import Pipeline

        if setup is not None:
            setup()

        self._factory: Callable[[], Pipeline] = lambda: Pipeline(stages, **(options or {}))
        self.pipe = self._factory()
        analyzer = (options or {}).get("analyzer", "frog")
        if analyzer != "simple":  # start the worker's (shared) Frog server now, not with the first document
            from diplograph.language import get_analyzer

            get_analyzer(str(analyzer))
        self.reaper = reaper.watch()  # Frog must not outlive this worker when Ray ends it abruptly
        self.peak = process_tree_rss(peak=True)
        self.peak_pss = process_tree_pss()
        self.pss_at = time.monotonic()
        self.ready_at = time.time()  # when this worker could start (pipeline and Frog up)

    def process(self, rec: dict[str, Any]) -> dict[str, Any]:
        """Extract one input record; never raises for a bad document."""
        t0 = time.perf_counter()
        out: dict[str, Any] = {"doc_id": rec["id"], "rows": None, "error": None, "n_tokens": 0, "worker": os.getpid()}
        try:
            doc = to_document(rec) if isinstance(rec.get("text"), str) and rec["text"].strip() else None
            if doc is None or not doc.text.strip():
                why = "document has no text" if doc is None else "no text left after cleaning"
                out["error"] = json.dumps(error_row(rec, ValueError(why), "input"), ensure_ascii=False)
                return self._finish(out, t0)
            analysis = self.pipe.run(doc)
            rows = parquet.analysis_rows(analysis, time.perf_counter() - t0)
            out["rows"] = json.dumps(rows, ensure_ascii=False)
            out["n_tokens"] = rows["documents"][0]["n_tokens"]
        except Exception as exc:  # a failed document is recorded, never fatal
            out["error"] = json.dumps(error_row(rec, exc, _failed_stage(exc, self.pipe.stages)), ensure_ascii=False)
            if isinstance(exc, OSError | EOFError):  # e.g. a dead Frog server: start afresh
                self.pipe.close()
                self.pipe = self._factory()
        return self._finish(out, t0)

    def _finish(self, out: dict[str, Any], t0: float) -> dict[str, Any]:
        self.peak = max(self.peak, process_tree_rss(peak=True))  # cheap: VmHWM of each process
        if time.monotonic() - self.pss_at >= self.PSS_EVERY:  # Frog's memory is flat once its models are in
            self.peak_pss = max(self.peak_pss, process_tree_pss())
            self.pss_at = time.monotonic()
        return out | {"seconds": time.perf_counter() - t0, "peak_rss": self.peak, "peak_pss": self.peak_pss,
                      "ready_at": self.ready_at, "done_at": time.time()}

    def __call__(self, batch: pa.Table) -> pa.Table:
        return pa.Table.from_pylist([self.process(rec) for rec in batch.to_pylist()], schema=_RESULT_SCHEMA)

    def __del__(self) -> None:
        pipe = getattr(self, "pipe", None)
        if pipe is not None:
            pipe.close()


def error_row(rec: dict[str, Any], exc: BaseException, stage: str | None = None) -> dict[str, Any]:
    return {"doc_id": rec.get("id"), "source": rec.get("source"), "line": rec.get("line"), "stage": stage,
            "error_type": type(exc).__name__, "message": str(exc)[:2000],
            "traceback": "".join(traceback.format_exception(exc))[-8000:]}


@dataclass
class BatchResult:
    """What a batch run did."""

    out: Path
    processed: int = 0
    failed: int = 0
    skipped: int = 0
    tokens: int = 0
    seconds: float = 0.0
    worker_peak_rss: dict[int, int] = field(default_factory=dict)  # worker pid -> sum of peak RSS (incl. Frog)
    worker_peak_pss: dict[int, int] = field(default_factory=dict)  # worker pid -> largest PSS seen (incl. Frog)
    first_ready: float | None = None  # epoch seconds: the first worker had its pipeline up
    last_done: float | None = None  # epoch seconds: the last document was finished
    # worker pid -> [ready at, last document done at, documents extracted, tokens]
    worker_span: dict[int, list[float]] = field(default_factory=dict)

    @property
    def steady_seconds(self) -> float:
        """Processing time without start-up: from the first worker ready to the last document done."""
        if self.first_ready is None or self.last_done is None:
            return self.seconds
        return max(self.last_done - self.first_ready, 1e-9)

    def steady_rate(self) -> tuple[float, float]:
        """Documents/s and tokens/s once workers are up: the sum over workers of what each did per second
        between its pipeline being ready and its last document done."""
        docs = toks = 0.0
        for ready, done, n, t in self.worker_span.values():
            if done > ready:
                docs, toks = docs + n / (done - ready), toks + t / (done - ready)
        return docs, toks

    @property
    def docs_per_s(self) -> float:
        return (self.processed + self.failed) / self.seconds if self.seconds else 0.0

    @property
    def tokens_per_s(self) -> float:
        return self.tokens / self.seconds if self.seconds else 0.0


def init_ray(workers: int = 1, address: str | None = None) -> None:
    """Connect to a Ray cluster at ``address``, or start a local one (no dashboard, offline, logs in a temp dir)."""
    import ray

    if ray.is_initialized():
        return
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    if address:
        _cluster_auth()
        ray.init(address=address, log_to_driver=False, logging_level="warning")
        return
    tmp = tempfile.mkdtemp(prefix="diplograph-ray-")
    ray.init(num_cpus=workers + 1, include_dashboard=False, log_to_driver=False, logging_level="warning",
             object_store_memory=256 * 1024 * 1024, _temp_dir=tmp)
    atexit.register(_shutdown_local, tmp)  # runs before Ray's own exit handler


def _cluster_auth() -> None:
    """Authenticate to a cluster as ``ray start`` does: with its token when one is at hand.

    Ray (2.5x) starts clusters with token authentication when a token exists (``~/.ray/auth_token``,
    ``$RAY_AUTH_TOKEN`` or ``$RAY_AUTH_TOKEN_PATH``), but a driver that connects only sends the token
    in token mode.  An explicit ``$RAY_AUTH_MODE`` (e.g. ``disabled`` for a cluster without
    authentication) is left as it is.
    """
    if os.environ.get("RAY_AUTH_MODE"):
        return
    if (os.environ.get("RAY_AUTH_TOKEN") or os.environ.get("RAY_AUTH_TOKEN_PATH")
            or (Path.home() / ".ray" / "auth_token").is_file()):
        os.environ["RAY_AUTH_MODE"] = "token"
        try:  # Ray reads its settings once per process: make it see the mode (what Ray itself does)
            from ray._raylet import Config

            Config.initialize("")
        except (ImportError, AttributeError) as e:  # another Ray version: the variable alone must do
            log.debug("cannot refresh Ray's config: %s", e)


def _shutdown_local(tmp: str) -> None:
    """Stop the local Ray instance and remove its session folder (logs included)."""
    import ray

    ray.shutdown()
    shutil.rmtree(tmp, ignore_errors=True)


def _flush(out: Path, buffer: dict[str, list[dict[str, Any]]], n: int, stamp: str) -> None:
    if any(buffer.values()):
        parquet.write_shard(out, f"part-{stamp}-{n:05d}", buffer)
    for rows in buffer.values():
        rows.clear()


def run_batch(
    inputs: Iterable[Path],
    out: Path,
    workers: int = 1,
    address: str | None = None,
    stages: list[str] | None = None,
    options: dict[str, Any] | None = None,
    flush_every: int = 50,
    retry_errors: bool = False,
    limit: int | None = None,
    progress: Callable[[BatchResult], None] | None = None,
    setup: Callable[[], None] | None = None,
    crash_retries: int = 2,
    docs_per_task: int = 8,
) -> BatchResult:
    """Extract every not yet done document of ``inputs`` into Parquet tables under ``out``.

    Each Ray task extracts ``docs_per_task`` documents (fewer tasks, less overhead per document).
    ``setup`` runs in each worker before its pipeline is built (e.g. to register extra stages).  A document
    that kills its worker (a crash, not an exception) is tried again alone, ``crash_retries`` more times on
    a fresh worker, then recorded in ``errors`` with stage ``worker``.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    result = BatchResult(out)
    done = parquet.done_ids(out, include_errors=not retry_errors)
    buffer: dict[str, list[dict[str, Any]]] = {t: [] for t in parquet.TABLES}
    todo: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, rec in enumerate(read_records(inputs)):
        if limit is not None and n >= limit:
            break
        if rec["id"] in done or rec["id"] in seen:
            result.skipped += 1
            continue
        seen.add(rec["id"])
        if "error" in rec:
            buffer["errors"].append(error_row(rec, rec["error"], "read"))
            result.failed += 1
        else:
            todo.append(rec)
    stamp = time.strftime("%Y%m%dT%H%M%S") + f"-{os.getpid()}"
    shard = 0
    t0 = time.perf_counter()
    try:
        if todo:
            returned: set[str] = set()
            for r in _extract(todo, workers, address, stages, options, setup, crash_retries, docs_per_task):
                returned.add(r["doc_id"])
                _take(result, buffer, r)
                if sum(len(v) for v in buffer.values()) and (result.processed + result.failed) % flush_every == 0:
                    _flush(out, buffer, shard, stamp)
                    shard += 1
                    result.seconds = time.perf_counter() - t0
                    if progress:
                        progress(result)
            for rec in todo:  # blocks Ray gave up on: their worker died on every try
                if rec["id"] not in returned:
                    buffer["errors"].append(error_row(rec, RuntimeError(
                        f"lost: its worker died (crash or out of memory) on each of {crash_retries + 1} tries"),
                        "worker"))
                    result.failed += 1
    finally:  # also when interrupted: keep what was finished
        _flush(out, buffer, shard, stamp)
        result.seconds = time.perf_counter() - t0
    return result


def _extract(todo: list[dict[str, Any]], workers: int, address: str | None, stages: list[str] | None,
             options: dict[str, Any] | None, setup: Callable[[], None] | None,
             crash_retries: int, docs_per_task: int = 8) -> Iterator[dict[str, Any]]:
    """Per-document results from a pool of ``workers`` Extractor actors, in the order they finish.

    First pass: ``docs_per_task`` documents per task, two tasks queued per actor, no retries.  Second pass,
    only when a worker died: the documents of the lost blocks again, one per task, each retried
    ``crash_retries`` times on a fresh worker; what is lost then is left to the caller to record.
    """
    init_ray(workers, address)
    returned: set[str] = set()
    docs_per_task = min(docs_per_task, max(1, len(todo) // (2 * workers)))  # at least two tasks per worker
    if docs_per_task > 1:
        for r in _map(todo, workers, stages, options, setup, docs_per_task, in_flight=2, retries=0):
            returned.add(r["doc_id"])
            yield r
        todo = [rec for rec in todo if rec["id"] not in returned]
        if not todo:
            return
        log.warning("a worker died; %d documents of its tasks are run again one by one", len(todo))
    yield from _map(todo, workers, stages, options, setup, 1, in_flight=1, retries=crash_retries)


def _map(todo: list[dict[str, Any]], workers: int, stages: list[str] | None, options: dict[str, Any] | None,
         setup: Callable[[], None] | None, per_task: int, in_flight: int, retries: int) -> Iterator[dict[str, Any]]:
    """One Ray Data pass over ``todo`` in blocks of ``per_task`` documents; a block whose worker dies on
    each of ``retries`` + 1 tries is dropped."""
    import warnings

    import ray.data

    blocks = [pa.Table.from_pylist(todo[i:i + per_task], schema=INPUT_SCHEMA) for i in range(0, len(todo), per_task)]
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    ctx.execution_options.preserve_order = False
    ctx.max_errored_blocks = -1  # a block whose worker keeps dying is dropped, and handled by the caller
    ctx.max_tasks_in_flight_per_actor = in_flight
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # the retry limits are passed as ray_remote_args
        ds = ray.data.from_arrow(blocks).map_batches(
            Extractor, fn_constructor_kwargs={"stages": stages, "options": options or {}, "setup": setup},
            batch_size=per_task, batch_format="pyarrow", compute=ray.data.ActorPoolStrategy(size=workers),
            num_cpus=1, max_restarts=-1, max_task_retries=retries,
        )
    for batch in ds.iter_batches(batch_size=None, batch_format="pyarrow"):
        yield from batch.to_pylist()


def _take(result: BatchResult, buffer: dict[str, list[dict[str, Any]]], r: dict[str, Any]) -> None:
    """Add one worker result to the buffered table rows and the run's counts."""
    if r["error"]:
        buffer["errors"].append(json.loads(r["error"]))
        result.failed += 1
    else:
        for table, rows in json.loads(r["rows"]).items():
            buffer[table].extend(rows)
        result.processed += 1
        result.tokens += r["n_tokens"]
    w = r["worker"]
    result.worker_peak_rss[w] = max(result.worker_peak_rss.get(w, 0), r["peak_rss"])
    result.worker_peak_pss[w] = max(result.worker_peak_pss.get(w, 0), r["peak_pss"])
    result.first_ready = min(result.first_ready or r["ready_at"], r["ready_at"])
    result.last_done = max(result.last_done or r["done_at"], r["done_at"])
    span = result.worker_span.setdefault(w, [r["ready_at"], r["done_at"], 0, 0])
    span[1] = max(span[1], r["done_at"])
    if not r["error"]:
        span[2] += 1
        span[3] += r["n_tokens"]
