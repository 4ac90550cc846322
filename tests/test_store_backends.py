"""The store on SQLite and on PostgreSQL, through the same migrations.

Documents are real: the founding seed articles (../shared/corpus/seeds) and DpgMedia2019
news articles (../shared/benchmarks/dpgmedia2019), read by the ingest readers and
analysed by the default pipeline with the fast analyzer.
"""

from __future__ import annotations

import json
import multiprocessing as mp
from pathlib import Path

import pytest
from sqlalchemy import func, select

from diplograph.export import to_schema
from diplograph.extract.pipeline import Pipeline
from diplograph.ingest.clean import original_span
from diplograph.ingest.dedup import band_keys
from diplograph.ingest.readers import make_document, read_paths
from diplograph.model import Analysis, Document
from diplograph.store import models as m
from diplograph.store.repository import open_store

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
DPG = SHARED / "benchmarks" / "dpgmedia2019" / "articles.jsonl"


def seed_documents() -> list[Document]:
    return [d for d in read_paths([SEEDS]) if isinstance(d, Document)]


def dpg_documents(n: int) -> list[Document]:
    docs = []
    with DPG.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, 1):
            rec = json.loads(line)
            if len(rec["text"]) < 200:
                continue
            docs.append(make_document(rec["id"], rec["text"], source=str(DPG), line=line_no, date=rec["date"],
                                      title=rec["title"], lang="nl", outlet=rec["outlet"]))
            if len(docs) == n:
                break
    return docs


def analyse(docs: list[Document]) -> list[Analysis]:
    with Pipeline(analyzer="simple") as pipe:
        return [pipe.run(d) for d in docs]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("pg_fresh_url")


def _items(a: Analysis) -> dict:
    return {
        "schema": to_schema(a),
        "sentences": [(s.index, s.start, s.end, s.text) for s in a.sentences],
        "mentions": [(x.span, x.sentence, x.actor, x.person, x.kind, x.extractor) for x in a.mentions],
        "quotes": [(x.content, x.sentence, x.speaker, x.actor, x.direct, x.cue, x.speaker_span) for x in a.quotes],
        "events": [(x.type, x.actor, x.recipient, x.evidence, x.sentence, x.trigger, x.quote) for x in a.events],
        "positions": [(x.holder, x.issue, x.stance, x.evidence, x.event, x.quote) for x in a.positions],
    }


def test_round_trip_of_an_analysed_seed_article(store_url: str) -> None:
    (analysis,) = analyse(seed_documents()[:1])
    assert analysis.sentences and analysis.doc.text != analysis.doc.raw_text  # cleaned: the header is gone
    with open_store(store_url) as store:
        saved = store.save(analysis)
        assert saved.created
        back = store.analysis(saved.doc_id)
        assert back is not None
        assert back.doc.raw_text == analysis.doc.raw_text and back.doc.text == analysis.doc.text
        assert back.doc.offsets.points == analysis.doc.offsets.points
        assert _items(back) == _items(analysis)
        for s in store.document(saved.doc_id)["sentences"]:  # original offsets point at the same text
            assert analysis.doc.raw_text[s["orig_start"]:s["orig_end"]].split() == s["text"].split()


def test_reingest_is_idempotent(store_url: str) -> None:
    analyses = analyse(seed_documents() + dpg_documents(3))
    with open_store(store_url) as store:
        assert all(store.save(a).created for a in analyses)
        counts = store.counts()
    with open_store(store_url) as store:  # a second process opening the same store: migrations are a no-op
        assert not any(store.save(a).created for a in analyses)
        assert store.counts() == counts
    assert counts["documents"] == len(analyses)


def _ingest_worker(url: str, order: list[int], analyses: list[Analysis]) -> None:
    with open_store(url) as store:
        for i in order:
            store.save(analyses[i])


@pytest.mark.postgres
def test_concurrent_ingest_into_postgresql_loses_and_duplicates_nothing(pg_fresh_url: str) -> None:
    n_docs = 10
    analyses = analyse(dpg_documents(n_docs) + seed_documents())
    n = len(analyses)
    orders = [list(range(n)), list(reversed(range(n))), list(range(0, n, 2)) + list(range(1, n, 2)),
              list(range(n // 2, n)) + list(range(n // 2))]
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_ingest_worker, args=(pg_fresh_url, o, analyses)) for o in orders]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    assert [p.exitcode for p in procs] == [0] * len(procs)
    with open_store(pg_fresh_url) as store:
        counts = store.counts()
        with store.Session() as s:
            per_doc = dict(s.execute(select(m.Document.ext_id, func.count()).group_by(m.Document.ext_id)).all())
    assert per_doc == {a.doc.id: 1 for a in analyses}
    assert counts["sentences"] == sum(len(a.sentences) for a in analyses)
    assert counts["mentions"] == sum(len(a.mentions) for a in analyses)
    assert counts["quotes"] == sum(len(a.quotes) for a in analyses)
    assert counts["events"] == sum(len(a.events) for a in analyses)
    assert counts["positions"] == sum(len(a.positions) for a in analyses)


# -- saving many documents per transaction (Store.save_many, diplograph load) -------------------------------------

ITEM_TABLES = ("documents", "document_bands", "sentences", "mentions", "quotes", "events", "event_actors", "positions")


def _dump(url: str) -> dict[str, list[tuple]]:
    """Every stored row of the document and item tables in primary-key order (load time and run left out)."""
    out = {}
    with open_store(url) as store, store.Session() as s:
        for name in ITEM_TABLES:
            table = m.Base.metadata.tables[name]
            cols = [c for c in table.columns if c.name not in ("ingested_at", "run_id")]
            out[name] = [tuple(r) for r in s.execute(select(*cols).order_by(*table.primary_key.columns))]
    return out


@pytest.fixture
def second_url(store_url: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Another empty store on the same backend as ``store_url``."""
    if store_url.startswith("sqlite"):
        return f"sqlite:///{tmp_path / 'other.db'}"
    return request.getfixturevalue("pg_server").create_database()


def test_a_batch_stores_what_saving_one_document_at_a_time_stores(store_url: str, second_url: str) -> None:
    analyses = analyse(seed_documents() + dpg_documents(8))
    copy = analyse([make_document("dpg-copy", analyses[-1].doc.raw_text, source="elsewhere", lang="nl")])[0]
    batch = [*analyses, copy, analyses[0]]  # an exact copy of a document earlier in the batch; one twice
    with open_store(second_url) as store:
        singles = [store.save(a) for a in batch]
    with open_store(store_url) as store:
        results = store.save_many(batch)
        assert [(r.doc_id, r.created, r.duplicate_of) for r in results] == \
               [(r.doc_id, r.created, r.duplicate_of) for r in singles]
        assert results[-2].duplicate_of == results[-3].doc_id and not results[-1].created
        for a, r in zip(analyses, results, strict=False):
            back = store.analysis(r.doc_id)
            assert back is not None and _items(back) == _items(a)
            d = store.document(r.doc_id)
            sents = {s["index"]: s for s in d["sentences"]}
            for kind in ("mentions", "quotes", "events", "positions"):  # each item is joined to its own sentence
                for it in d[kind]:
                    sent = sents[it["sentence_index"]]
                    assert (it["sentence_start"], it["sentence_end"]) == (sent["start"], sent["end"])
                    assert (it["orig_start"], it["orig_end"]) == original_span(a.doc, it["start"], it["end"])
            quote_ids = {q["id"] for q in d["quotes"]}
            event_ids = {e["id"] for e in d["events"]}
            assert all(e["quote_id"] in quote_ids for e in d["events"] if e["quote_id"] is not None)
            assert all(p["event_id"] in event_ids for p in d["positions"] if p["event_id"] is not None)
    assert _dump(store_url) == _dump(second_url)  # same rows, same ids


def _batch_worker(url: str, order: list[int], analyses: list[Analysis], size: int) -> None:
    with open_store(url) as store:
        for i in range(0, len(order), size):
            store.save_many([analyses[j] for j in order[i:i + size]])


@pytest.mark.postgres
def test_concurrent_batched_loads_into_postgresql_lose_and_duplicate_nothing(pg_fresh_url: str) -> None:
    """Four writers, 5 documents per transaction, in different orders (deadlocks are retried)."""
    analyses = analyse(dpg_documents(16) + seed_documents())
    n = len(analyses)
    orders = [list(range(n)), list(reversed(range(n))), list(range(0, n, 2)) + list(range(1, n, 2)),
              list(range(n // 2, n)) + list(range(n // 2))]
    ctx = mp.get_context("spawn")
    procs = [ctx.Process(target=_batch_worker, args=(pg_fresh_url, o, analyses, 5)) for o in orders]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    assert [p.exitcode for p in procs] == [0] * len(procs)
    with open_store(pg_fresh_url) as store:
        counts = store.counts()
        with store.Session() as s:
            per_doc = dict(s.execute(select(m.Document.ext_id, func.count()).group_by(m.Document.ext_id)).all())
            bands = s.scalar(select(func.count()).select_from(m.DocumentBand))
            firsts = s.scalars(select(m.Document.text).where(m.Document.duplicate_of.is_(None))).all()
    assert per_doc == {a.doc.id: 1 for a in analyses}
    for name in ("sentences", "mentions", "quotes", "events", "positions"):
        assert counts[name] == sum(len(getattr(a, name)) for a in analyses), name
    assert bands == sum(len(band_keys(t)) for t in firsts)  # the LSH bands of each first copy, once


def test_a_load_that_crashes_midway_keeps_whole_documents_and_a_rerun_completes(
        store_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph.batch import parquet
    from diplograph.batch.load import load_dir
    from diplograph.store.repository import Store

    out = tmp_path / "out"
    for i, a in enumerate(analyse(dpg_documents(7))):
        parquet.write_shard(out, f"part-{i:02d}", parquet.analysis_rows(a))
    stored = list(parquet.read_analyses(out, tokens=False))
    save_items, calls = Store._save_items, []

    def crash_in_second_batch(self: Store, s: object, docs: list) -> None:
        calls.append(len(docs))
        save_items(self, s, docs)  # type: ignore[arg-type]
        if len(calls) == 2:
            raise RuntimeError("killed while saving the second batch")

    monkeypatch.setattr(Store, "_save_items", crash_in_second_batch)
    with pytest.raises(RuntimeError):
        load_dir(out, store_url, batch_size=3)
    assert calls == [3, 3]
    with open_store(store_url) as store:
        counts = store.counts()
        assert store.runs()[0]["status"] == "failed"
    first = stored[:3]  # the first transaction, whole; nothing of the second
    assert counts["documents"] == 3
    for name in ("sentences", "mentions", "quotes", "events", "positions"):
        assert counts[name] == sum(len(getattr(a, name)) for a in first), name

    monkeypatch.setattr(Store, "_save_items", save_items)
    again = load_dir(out, store_url, batch_size=3)
    assert (again.created, again.existing) == (4, 3)
    with open_store(store_url) as store:
        counts = store.counts()
    assert counts["documents"] == 7
    for name in ("sentences", "mentions", "quotes", "events", "positions"):
        assert counts[name] == sum(len(getattr(a, name)) for a in stored), name


@pytest.mark.postgres
def test_a_batch_that_postgresql_aborts_in_a_deadlock_is_run_again(pg_fresh_url: str,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Two writers store the same two documents in opposite orders, each waiting for the other after its
    first insert: PostgreSQL aborts one transaction, which is run again and finds both stored."""
    import threading

    from diplograph.store.repository import Store

    x, y = analyse(dpg_documents(2))
    barrier, seen, attempts = threading.Barrier(2, timeout=30), threading.local(), []
    save_document = Store._save_document

    def wait_after_first(self: Store, s: object, a: Analysis, run_id: int | None) -> object:
        res = save_document(self, s, a, run_id)  # type: ignore[arg-type]
        attempts.append(a.doc.id)
        if not getattr(seen, "waited", False):
            seen.waited = True
            barrier.wait()  # both hold one document's row lock and now ask for the other's
        return res

    monkeypatch.setattr(Store, "_save_document", wait_after_first)
    with open_store(pg_fresh_url):
        pass  # migrate once, before the writers start
    results: dict[str, list] = {}

    def writer(name: str, batch: list[Analysis]) -> None:
        with open_store(pg_fresh_url) as store:
            results[name] = store.save_many(batch)

    threads = [threading.Thread(target=writer, args=(name, batch)) for name, batch in (("xy", [x, y]), ("yx", [y, x]))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert set(results) == {"xy", "yx"}
    assert len(attempts) > 4  # one of the batches was run again
    assert sorted(r.created for rs in results.values() for r in rs) == [False, False, True, True]
    ids = {r.doc_id for rs in results.values() for r in rs}
    with open_store(pg_fresh_url) as store:
        assert store.counts()["documents"] == 2 and len(ids) == 2
        assert store.counts()["sentences"] == len(x.sentences) + len(y.sentences)
