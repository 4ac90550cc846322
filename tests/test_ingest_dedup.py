"""Duplicates: two copies of one real story (dpgmedia2019) are linked, not dropped."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.ingest.dedup import DedupIndex, content_hash
from diplograph.store import open_store

ROOT = Path(__file__).resolve().parents[1]
DPG = ROOT.parent / "shared" / "benchmarks" / "dpgmedia2019" / "articles.jsonl"


def articles(*ids: str) -> dict[str, dict]:
    out = {}
    with DPG.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["id"] in ids:
                out[r["id"]] = r
    return out


def edited(text: str) -> str:
    """A lightly edited copy, as a second outlet would run it."""
    t = text.replace("Naar schatting honderd", "Ongeveer honderd", 1).replace("Venezuela", "Venezuela (ANP)", 1)
    return t + " Het Kremlin wilde niet reageren."


def test_index_exact_and_near() -> None:
    a = articles("dpg2019-10744652", "dpg2019-10679694")
    story, other = a["dpg2019-10744652"]["text"], a["dpg2019-10679694"]["text"]
    idx = DedupIndex()
    idx.add(1, story)
    assert content_hash(story) == content_hash("  " + story.replace(" ", "  ") + "\n")
    exact = idx.check(story)
    assert exact and exact.exact and exact.duplicate_of == 1 and exact.similarity == 1.0
    near = idx.check(edited(story))
    assert near and not near.exact and near.duplicate_of == 1 and 0.8 <= near.similarity < 1.0
    assert idx.check(other) is None


def test_ingest_links_copies(tmp_path: Path) -> None:
    a = articles("dpg2019-10744652", "dpg2019-10679694")
    story, other = a["dpg2019-10744652"], a["dpg2019-10679694"]
    first = tmp_path / "ad.jsonl"
    second = tmp_path / "parool.jsonl"
    first.write_text(json.dumps(story, ensure_ascii=False) + "\n" + json.dumps(other, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    copy = dict(story, id="copy-edited", outlet="AD", text=edited(story["text"]))
    exact = dict(story, id="copy-exact", outlet="Trouw")
    second.write_text(json.dumps(copy, ensure_ascii=False) + "\n" + json.dumps(exact, ensure_ascii=False) + "\n",
                      encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'd.db'}"
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", str(first), "--db", db, "--stages", "language"]).exit_code == 0
    r = runner.invoke(app, ["ingest", str(second), "--db", db, "--stages", "language"])
    assert r.exit_code == 0 and "stored 2 new (2 duplicates" in r.stdout
    store = open_store(db)
    docs = {d["ext_id"]: d for d in store.documents(limit=None)}
    orig = docs["dpg2019-10744652"]["id"]
    assert docs["copy-edited"]["duplicate_of"] == orig and 0.8 <= docs["copy-edited"]["similarity"] < 1
    assert docs["copy-exact"]["duplicate_of"] == orig and docs["copy-exact"]["similarity"] == 1.0
    assert docs["dpg2019-10679694"]["duplicate_of"] is None
    # re-ingesting changes nothing
    before = store.counts()
    assert runner.invoke(app, ["ingest", str(first), str(second), "--db", db, "--stages", "language"]).exit_code == 0
    after = store.counts()
    assert after["documents"] == before["documents"] == 4 and after["duplicates"] == 2
    # duplicates are left out of listings of findings unless asked for
    assert len(store.documents(include_duplicates=False)) == 2
    store.close()
