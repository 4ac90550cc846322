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
