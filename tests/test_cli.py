"""The real CLI on the founding articles and malformed fixtures (typer's CliRunner, in process)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
DATA = ROOT / "tests" / "data" / "ingest"
runner = CliRunner()
FAST = ("--stages", "language")  # for tests of ingest mechanics, where findings do not matter


def run(*args: str) -> tuple[int, str, str]:
    r = runner.invoke(app, list(args))
    if r.exception and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout, r.stderr


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'd.db'}"


def squash(s: str) -> str:
    return " ".join(s.split())


def test_every_command_has_help() -> None:
    code, out, _ = run("--help")
    assert code == 0
    for cmd in ("ingest", "extract", "documents", "actors", "events", "quotes", "positions", "export", "report",
                "errors", "runs"):
        assert cmd in out
        c, o, _ = run(cmd, "--help")
        assert c == 0 and "Usage" in o


def test_ingest_seeds_idempotent_and_offsets(db: str) -> None:
    code, out, _ = run("ingest", str(EXAMPLES), "--db", db)
    assert code == 0 and "stored 2 new" in out
    store = open_store(db)
    before = store.counts()
    code, out, _ = run("ingest", str(EXAMPLES), "--db", db)
    assert code == 0 and "stored 0 new" in out and "2 already stored" in out
    after = store.counts()
    assert {k: v for k, v in after.items() if k != "runs"} == {k: v for k, v in before.items() if k != "runs"}
    assert after["runs"] == before["runs"] + 1
    run_row = store.runs()[0]
    assert any(s.startswith("language@") for s in run_row["stages"])
    for row in store.documents():
        d = store.document(row["id"])
        raw = d["raw_text"]
        assert d["sentences"]
        for s in d["sentences"]:
            assert squash(raw[s["orig_start"]:s["orig_end"]]) == squash(s["text"])
        for m in d["mentions"]:
            assert squash(raw[m["orig_start"]:m["orig_end"]]) == squash(m["text"])
        for q in d["quotes"]:
            assert squash(raw[q["orig_start"]:q["orig_end"]]) == squash(d["text"][q["start"]:q["end"]])
        for e in d["events"] + d["positions"]:
            assert squash(raw[e["orig_start"]:e["orig_end"]]) == squash(e["evidence"])
    store.close()


def test_listing_commands_and_formats(db: str) -> None:
    run("ingest", str(EXAMPLES), "--db", db, *FAST)
    code, out, _ = run("documents", "--db", db, "--format", "json")
    docs = json.loads(out)
    assert code == 0 and sorted(d["ext_id"] for d in docs) == ["seed-000", "seed-001"]
    code, out, _ = run("documents", "--db", db)
    assert code == 0 and "seed-000" in out and "Rusland wijst aanbod" in out
    code, out, _ = run("documents", "--db", db, "--format", "csv", "--since", "2023-05")
    assert code == 0 and out.splitlines()[0].startswith("ext_id") is False and len(out.splitlines()) <= 1
    for cmd in ("actors", "events", "quotes", "positions", "runs", "errors"):
        for fmt in ("table", "json", "csv"):
            code, out, _ = run(cmd, "--db", db, "--format", fmt)
            assert code == 0, (cmd, fmt)
            if fmt == "json":
                assert isinstance(json.loads(out), list)
    code, out, _ = run("events", "--db", db, "--actor", "RUS", "--since", "2023-01", "--until", "2023-12",
                       "--format", "json")
    assert code == 0 and all("RUS" in e["actors"] + e["recipients"] for e in json.loads(out))


def test_folder_with_bad_files_still_ingests_the_rest(tmp_path: Path, db: str) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(EXAMPLES / "seed-000.txt", folder)
    shutil.copy(EXAMPLES / "seed-001.txt", folder / "sub")
    shutil.copy(DATA / "cp1252.txt", folder)
    shutil.copy(DATA / "empty.txt", folder)
    shutil.copy(DATA / "mixed.jsonl", folder)
    code, out, err = run("ingest", str(folder), "--db", db, *FAST)
    assert code == 1  # some input was skipped
    assert "cp1252.txt:1: error: undecodable byte" in err
    assert "empty.txt: error: empty file" in err
    assert "mixed.jsonl:2: error: bad JSON" in err and "mixed.jsonl:5 [no-text]: error: missing text" in err
    assert "stored 5 new" in out
    store = open_store(db)
    assert sorted(d["ext_id"] for d in store.documents()) == sorted(
        ["seed-000", "seed-001", "dpg2019-10679694", "dpg2019-10670563", "dpg2019-10744652"])
    errs = store.errors()
    assert {(Path(e["source"]).name, e["line"], e["level"]) for e in errs} >= {
        ("cp1252.txt", 1, "error"), ("empty.txt", None, "error"), ("mixed.jsonl", 2, "error"),
        ("mixed.jsonl", 3, "error"), ("mixed.jsonl", 4, "warning"), ("mixed.jsonl", 5, "error")}
    store.close()
    code, out, _ = run("errors", "--db", db)
    assert code == 0 and "bad JSON" in out


def test_extract_any_format(tmp_path: Path) -> None:
    out_file = tmp_path / "pred.jsonl"
    code, _, err = run("extract", str(DATA / "mixed.jsonl"), str(EXAMPLES), "-o", str(out_file))
    assert code == 0
    lines = [json.loads(x) for x in out_file.read_text(encoding="utf-8").splitlines()]
    assert [x["id"] for x in lines] == ["dpg2019-10679694", "dpg2019-10670563", "dpg2019-10744652", "seed-000",
                                        "seed-001"]
    assert all({"actors", "events", "quotes", "positions", "date", "lang"} <= set(x) for x in lines)
    assert "mixed.jsonl:2: error" in err


def test_export(db: str, tmp_path: Path) -> None:
    run("ingest", str(EXAMPLES), "--db", db)
    out = tmp_path / "all.jsonl"
    code, _, _ = run("export", "--db", db, "--format", "jsonl", "-o", str(out))
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert code == 0 and len(rows) == 2 and rows[0]["sentences"] and "raw_text" in rows[0]
    code, text, _ = run("export", "--db", db, "--format", "schema")
    lines = [json.loads(x) for x in text.splitlines() if x.startswith("{")]
    assert code == 0 and {x["id"] for x in lines} == {"seed-000", "seed-001"}
    pred = tmp_path / "pred.jsonl"
    run("extract", str(EXAMPLES), "-o", str(pred))
    direct = {json.loads(x)["id"]: json.loads(x) for x in pred.read_text(encoding="utf-8").splitlines()}
    assert {x["id"]: x for x in lines} == direct  # the store keeps everything the schema needs


def test_repeated_id_in_one_input_is_an_error(tmp_path: Path, db: str) -> None:
    # two sentences of examples/seed-000.txt under one id
    f = tmp_path / "rep.jsonl"
    f.write_text(json.dumps({"id": "a", "date": "2023-04", "text": "Het Kremlin ziet niets in de start van "
                                                                  "onderhandelingen."}) + "\n"
                 + json.dumps({"id": "a", "date": "2023-04", "text": "Macron brengt een driedaags bezoek aan "
                                                                   "China."}) + "\n", encoding="utf-8")
    code, out, err = run("ingest", str(f), "--db", db, *FAST)
    assert code == 1 and "rep.jsonl:2 [a]: error: id 'a' already used at line 1" in err and "stored 1 new" in out


def test_reanalyse_replaces_findings(db: str) -> None:
    code, _, _ = run("ingest", str(EXAMPLES), "--db", db, *FAST)
    store = open_store(db)
    before = store.counts()
    assert code == 0 and before["mentions"] == 0
    code, out, _ = run("reanalyse", "--db", db, "--stages", "language,actors", "--doc", "seed-000")
    assert code == 0 and "re-analysed 1 of 1" in out
    after = store.counts()
    assert after["documents"] == 2 and after["sentences"] == before["sentences"] and after["mentions"] > 0
    assert {m["doc_ext_id"] for m in store.mentions(limit=None)} == {"seed-000"}
    code, out, _ = run("reanalyse", "--db", db, "--stages", "language,actors", "--outdated")
    assert code == 0 and "re-analysed 1 of 2 documents (1 up to date)" in out
    assert {m["doc_ext_id"] for m in store.mentions(limit=None)} == {"seed-000", "seed-001"}
    stages = store.stage_versions()
    assert all(any(s.startswith("actors@") for s in v) for v in stages.values())
    code, _, err = run("reanalyse", "--db", db, "--doc", "nope")
    assert code == 1 and "no document 'nope'" in err
    store.close()


def test_bad_stage_and_bad_store_url_are_clear_errors(tmp_path: Path) -> None:
    code, _, err = run("ingest", str(EXAMPLES), "--db", f"sqlite:///{tmp_path / 'x.db'}", "--stages", "language,nope")
    assert code == 2 and "unknown stage(s): nope" in err
    code, _, err = run("documents", "--db", "nonsense://x")
    assert code == 2 and "cannot open the store 'nonsense://x'" in err


def test_extract_document_in_a_language_without_lexicons(tmp_path: Path) -> None:
    """English has actor names but no quote or event lexicon yet: the document still gets its line.

    The sentence is the PLOVER manual's own example (openeventdata/PLOVER, PLOVER_MANUAL.tex, AGREE).
    """
    src = tmp_path / "en.jsonl"
    text = "France has said that it will provide military aid to Ukraine."
    src.write_text(json.dumps({"id": "plover-agree", "date": "2023", "lang": "en", "text": text}) + "\n",
                   encoding="utf-8")
    out_file = tmp_path / "pred.jsonl"
    code, _, err = run("extract", str(src), "-o", str(out_file))
    assert code == 0 and "error" not in err
    (line,) = [json.loads(x) for x in out_file.read_text(encoding="utf-8").splitlines()]
    assert line["id"] == "plover-agree" and line["lang"] == "en"
    assert {"FRA", "UKR"} <= set(line["actors"])


def test_an_ingest_killed_mid_run_leaves_whole_documents_and_a_rerun_completes_it(tmp_path: Path) -> None:
    """`kill -9` of a real `diplograph ingest` of DpgMedia2019 articles, then the same command again."""
    import signal
    import sqlite3
    import subprocess
    import sys
    import time

    src = ROOT.parent / "shared" / "benchmarks" / "dpgmedia2019" / "articles.jsonl"
    recs = [json.loads(line) for line in src.read_text(encoding="utf-8").splitlines()[:200]]
    recs = [r for r in recs if r["text"].strip()]
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'k.db'}"
    cmd = [str(Path(sys.executable).parent / "diplograph"), "ingest", str(path), "--db", url, "--analyzer", "simple",
           "--batch-size", "20"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    stored = 0
    while stored < 60:  # kill it after three transactions, in the middle of the fourth or later
        assert proc.poll() is None and time.monotonic() < deadline, "ingest ended before it could be killed"
        time.sleep(0.2)
        try:  # plain reads: opening the store would run its migrations beside the ingest's own
            with sqlite3.connect(f"file:{tmp_path / 'k.db'}?mode=ro", uri=True) as con:
                stored = con.execute("SELECT count(*) FROM documents").fetchone()[0]
        except sqlite3.OperationalError:  # not made yet
            pass
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    with open_store(url) as store:
        counts = store.counts()
        assert 60 <= counts["documents"] < len(recs) and counts["documents"] % 20 == 0  # whole transactions
        for doc_id in store.doc_ids():  # whole documents: every one has its sentences
            assert store.document(doc_id)["sentences"]
        (run_row,) = store.runs()
        assert run_row["status"] == "interrupted"
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    with open_store(url) as store:
        assert store.counts()["documents"] == len(recs)  # each once (duplicates are stored, linked)
        assert [r["status"] for r in store.runs()] == ["done", "interrupted"]
