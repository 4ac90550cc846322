"""Batch extraction on Ray Data into Parquet, and loading the Parquet into a store.

Input: real DpgMedia2019 news articles (../shared/benchmarks/dpgmedia2019/articles.jsonl)
plus broken records; the fast analyzer keeps the run light (the Frog path is the
same code with ``analyzer="frog"``).
"""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import typer
from typer.testing import CliRunner

from diplograph.batch import parquet, procs, reaper
from diplograph.batch.commands import register
from diplograph.batch.load import load_dir
from diplograph.batch.procs import process_tree_pss, process_tree_rss
from diplograph.batch.runner import Extractor, run_batch
from diplograph.extract.pipeline import Pipeline
from diplograph.extract.pipeline import register as register_stage
from diplograph.model import Analysis, Document
from diplograph.store.repository import open_store

DPG = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "dpgmedia2019" / "articles.jsonl"
SIMPLE = {"analyzer": "simple", "cascade": False}


def dpg_records(n: int, skip: int = 0) -> list[dict]:
    out = []
    with DPG.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if len(rec["text"]) > 300:
                out.append(rec)
    return out[skip:skip + n]


@pytest.fixture(scope="module")
def ray_session():
    ray = pytest.importorskip("ray")
    yield
    ray.shutdown()


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    recs = dpg_records(6)
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in recs[:3]]
    lines += ["{not json", json.dumps({"id": "empty-1", "date": "2019-02-12", "text": "  "})]
    lines += [json.dumps(r, ensure_ascii=False) for r in recs[3:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_parquet_round_trip_keeps_the_analysis(tmp_path: Path) -> None:
    rec = dpg_records(1)[0]
    with Pipeline(**SIMPLE) as pipe:
        a = pipe.run(Document(id=rec["id"], raw_text=rec["text"], date=rec["date"], meta={"k": [1, "x"]}))
    parquet.write_shard(tmp_path, "part-a", parquet.analysis_rows(a, 0.1))
    (back,) = parquet.read_analyses(tmp_path)
    assert back == a
    tokens = pq.read_table(tmp_path / "tokens" / "part-a.parquet").to_pylist()
    assert {"doc_id", "sentence", "start", "end", "text"} <= set(tokens[0])
    assert all(a.doc.text[t["start"]:t["end"]] == t["text"] for t in tokens)


def test_batch_writes_tables_records_errors_and_resumes(ray_session: None, inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    r = run_batch([inputs], out, workers=2, options=SIMPLE, flush_every=2)
    assert (r.processed, r.failed, r.skipped) == (6, 2, 0)
    assert r.tokens > 0 and r.worker_peak_rss and all(v > 0 for v in r.worker_peak_rss.values())
    assert sum(span[2] for span in r.worker_span.values()) == r.processed
    assert sum(span[3] for span in r.worker_span.values()) == r.tokens and r.steady_rate()[0] > 0
    assert all(0 < r.worker_peak_pss[w] <= r.worker_peak_rss[w] for w in r.worker_peak_rss)
    for table in ("documents", "sentences", "tokens", "mentions", "errors"):
        assert list((out / table).glob("*.parquet")), table
    errors = {e["doc_id"]: e for e in parquet.read_errors(out)}
    assert errors["empty-1"]["stage"] == "input" and "no text" in errors["empty-1"]["message"]
    assert errors["in:4"]["stage"] == "read" and errors["in:4"]["line"] == 4
    analyses = {a.doc.id: a for a in parquet.read_analyses(out)}
    assert set(analyses) == {rec["id"] for rec in dpg_records(6)}
    for a in analyses.values():
        assert a.sentences and all(a.doc.text[s.start:s.end] == s.text for s in a.sentences)
        assert all(a.doc.text[m.span.start:m.span.end] == m.span.text for m in a.mentions)
    # a rerun skips what is done; new input is added
    more = tmp_path / "more.jsonl"
    more.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in dpg_records(2, skip=6)))
    r2 = run_batch([inputs, more], out, workers=1, options=SIMPLE)
    assert (r2.processed, r2.failed, r2.skipped) == (2, 0, 8)
    assert len(list(parquet.read_analyses(out))) == 8


def test_load_into_stores_is_idempotent(ray_session: None, inputs: Path, tmp_path: Path, pg_fresh_url: str) -> None:
    out = tmp_path / "out"
    run_batch([inputs], out, workers=1, options=SIMPLE)
    expected = {a.doc.id: a for a in parquet.read_analyses(out)}
    for url in (f"sqlite:///{tmp_path / 'b.db'}", pg_fresh_url):
        first = load_dir(out, url)
        assert (first.created, first.existing, first.errors) == (6, 0, 2)
        again = load_dir(out, url)
        assert (again.created, again.existing, again.errors) == (0, 6, 0)
        with open_store(url) as store:
            counts = store.counts()
            assert counts["documents"] == 6 and counts["errors"] == 2
            assert counts["sentences"] == sum(len(a.sentences) for a in expected.values())
            assert counts["mentions"] == sum(len(a.mentions) for a in expected.values())
            doc = store.document(next(iter(expected)))
            assert doc is not None and doc["text"] == expected[doc["ext_id"]].doc.text


@register_stage("test_boom")
class _Boom:
    """A stage that fails on documents mentioning Mars (for the error path)."""

    name = "test_boom"
    version = "0"

    def __call__(self, analysis: Analysis) -> None:
        if "Mars" in analysis.doc.text:
            raise RuntimeError("boom")


def test_a_failing_stage_is_recorded_with_its_name() -> None:
    recs = [r for r in dpg_records(12) if "Mars" in r["text"]][:1] + dpg_records(1)
    ex = Extractor(["language", "test_boom"], SIMPLE)
    results = [ex.process({**r, "source": "x.jsonl", "line": i}) for i, r in enumerate(recs, 1)]
    err = json.loads(results[0]["error"])
    assert err["stage"] == "test_boom" and err["error_type"] == "RuntimeError" and "boom" in err["traceback"]
    assert results[1]["error"] is None and results[1]["rows"]
    assert process_tree_rss() >= process_tree_pss() > 0


def test_cli_batch_and_load(ray_session: None, inputs: Path, tmp_path: Path) -> None:
    app = typer.Typer()
    app.command("noop")(lambda: None)
    register(app)
    runner = CliRunner()
    out = tmp_path / "cli-out"
    res = runner.invoke(app, ["batch", str(inputs), "--out", str(out), "--analyzer", "simple", "--no-cascade"])
    assert res.exit_code == 0, res.output
    assert "6 documents extracted, 2 failed" in res.output
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    res = runner.invoke(app, ["load", str(out), "--db", db])
    assert res.exit_code == 0, res.output
    assert "6 documents stored" in res.output


def test_reaper_kills_what_a_dead_worker_left_running() -> None:
    import subprocess
    import sys

    # a "worker" that starts a long-lived child (as a worker starts Frog) and is then killed abruptly
    worker = subprocess.Popen([sys.executable, "-c", "import subprocess, sys, time; "
                               "p = subprocess.Popen(['sleep', '600']); print(p.pid, flush=True); time.sleep(600)"],
                              stdout=subprocess.PIPE, text=True)
    child = int(worker.stdout.readline())
    watchdog = reaper.watch(worker.pid, report=True)
    assert watchdog is not None and watchdog.stdout is not None
    while True:  # until the watchdog follows the child
        line = watchdog.stdout.readline()
        assert line, "the watchdog ended early"
        if str(child) in line.split():
            break
    worker.kill()
    worker.wait()
    watchdog.stdout.read()  # the end of its output: the watchdog is done
    assert procs.start_time(child) is None or Path(f"/proc/{child}/stat").read_text().split()[2] == "Z"


def _register_crashing_stage() -> None:
    """Worker setup: a stage that kills its worker process on documents mentioning Mars."""
    import os as _os

    @register_stage("test_crash")
    class _Crash:
        name = "test_crash"
        version = "0"

        def __call__(self, analysis: Analysis) -> None:
            if "Mars" in analysis.doc.text:
                _os._exit(3)


def test_a_document_that_kills_its_worker_is_recorded_and_the_run_goes_on(ray_session: None,
                                                                          tmp_path: Path) -> None:
    import sys

    import ray.cloudpickle

    ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])  # ship the setup function to the workers
    recs = dpg_records(12)
    mars = [r for r in recs if "Mars" in r["text"]][:1]
    others = [r for r in recs if "Mars" not in r["text"]][:2]
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in others[:1] + mars + others[1:]))
    r = run_batch([path], tmp_path / "out", workers=1, stages=["language", "test_crash"], options=SIMPLE,
                  setup=_register_crashing_stage, crash_retries=1)
    assert (r.processed, r.failed) == (2, 1)
    (err,) = parquet.read_errors(tmp_path / "out")
    assert err["doc_id"] == mars[0]["id"] and err["stage"] == "worker"
    assert {a.doc.id for a in parquet.read_analyses(tmp_path / "out")} == {o["id"] for o in others}


def test_parquet_input_reads_like_json_lines(tmp_path: Path) -> None:
    import pyarrow as pa

    from diplograph.batch.inputs import read_records

    recs = dpg_records(3)
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs))
    shards = tmp_path / "shards"
    shards.mkdir()
    pq.write_table(pa.Table.from_pylist(recs[:2]), shards / "part-0.parquet")
    pq.write_table(pa.Table.from_pylist(recs[2:]), shards / "part-1.parquet")
    keys = ("id", "date", "title", "text", "lang", "outlet", "url")
    from_jsonl = [{k: r[k] for k in keys} for r in read_records([jsonl])]
    from_parquet = [{k: r[k] for k in keys} for r in read_records([shards])]
    assert from_parquet == from_jsonl
    assert [r["id"] for r in from_jsonl] == [r["id"] for r in recs] and from_jsonl[0]["lang"] == "nl"


def test_batch_runs_on_an_existing_ray_cluster_by_address(inputs: Path, tmp_path: Path) -> None:
    """A cluster started with `ray start --head` (Ray's default token authentication when a token
    exists), and `diplograph batch --address` in another process, as a user would run them."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import tempfile
    import time

    bin_dir = Path(sys.executable).parent
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    ray_tmp = tempfile.mkdtemp(prefix="dg-ray-")  # short: Ray's socket paths are length-limited
    env = {k: v for k, v in os.environ.items() if not k.startswith("RAY_")} | {
        "RAY_USAGE_STATS_ENABLED": "0", "RAY_GRACEFUL_SHUTDOWN_DRAIN_TIMEOUT_S": "0"}  # stop at once on SIGTERM
    log = (tmp_path / "head.log").open("w")
    head = subprocess.Popen([str(bin_dir / "ray"), "start", "--head", f"--port={port}", "--num-cpus=2",
                             "--include-dashboard=false", f"--temp-dir={ray_tmp}", "--disable-usage-stats", "--block"],
                            stdout=log, stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 180
        while "block forever" not in (tmp_path / "head.log").read_text():
            assert head.poll() is None and time.monotonic() < deadline, (tmp_path / "head.log").read_text()[-3000:]
            time.sleep(0.5)
        out = tmp_path / "cluster-out"
        res = subprocess.run([str(bin_dir / "diplograph"), "batch", str(inputs), "--out", str(out), "--address",
                              f"127.0.0.1:{port}", "--analyzer", "simple", "--no-cascade", "--workers", "2"],
                             capture_output=True, text=True, env=env, timeout=300)
        assert res.returncode == 0, res.stdout + res.stderr
        assert "6 documents extracted, 2 failed" in res.stdout
        assert {a.doc.id for a in parquet.read_analyses(out)} == {r["id"] for r in dpg_records(6)}
    finally:
        os.killpg(head.pid, signal.SIGTERM)  # `ray start --block` stops the cluster's processes on SIGTERM
        try:
            head.wait(60)
        except subprocess.TimeoutExpired:
            os.killpg(head.pid, signal.SIGKILL)
            head.wait()
        log.close()
        import shutil

        shutil.rmtree(ray_tmp, ignore_errors=True)
