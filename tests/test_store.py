"""The store on SQLite: migrations, saving analyses with both offsets, queries, idempotence, transactions."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from diplograph.ingest.readers import read_paths
from diplograph.language.simple import SimpleAnalyzer
from diplograph.model import Analysis, Document, Event, Mention, Position, Quote, Span
from diplograph.store import open_store

ROOT = Path(__file__).resolve().parents[1]


def seed_analysis() -> Analysis:
    """examples/seed-001.txt with findings placed by hand on its real text (as an extractor would)."""
    doc = next(d for d in read_paths([ROOT / "examples" / "seed-001.txt"]) if isinstance(d, Document))
    a = Analysis(doc, sentences=SimpleAnalyzer().analyse(doc.text), stages=["language@1", "handmade@0"])
    t = doc.text

    def span(s: str, after: int = 0) -> Span:
        i = t.index(s, after)
        return Span(i, i + len(s), s)

    def sent_of(sp: Span) -> int:
        s = a.sentence_at(sp.start)
        assert s is not None
        return s.index

    for name, code in (("Kremlin", "RUS"), ("Dmitri Peskov", "RUS"), ("Xi Jinping", "CHN"), ("Zelensky", "UKR")):
        sp = span(name)
        a.mentions.append(Mention(sp, sent_of(sp), code, person=name if " " in name else None, extractor="test@0"))
    content = span("alles dat een einde zou kunnen maken aan het conflict in Oekraïne")
    a.quotes.append(Quote(content.text, content, sent_of(content), True, "Dmitri Peskov", span("Dmitri Peskov"),
                          "RUS", span("zei"), "test@0"))
    ev = a.sentences[sent_of(span("Xi drong tijdens het gesprek"))]
    a.events.append(Event("REQUEST", ["CHN"], ["UKR", "RUS"], Span(ev.start, ev.end, ev.text), ev.index,
                          mode="meet", trigger=span("drong"), quote=None, extractor="test@0"))
    a.events.append(Event("CONSULT", ["CHN", "UKR"], [], span("telefoongesprek"), 0, mode="phone",
                          date="2023-04-26", quote=0, extractor="test@0"))
    a.positions.append(Position("CHN", "peace_talks", "support", Span(ev.start, ev.end, ev.text), ev.index,
                                event=0, extractor="test@0"))
    return a


@pytest.fixture
def store(tmp_path: Path):  # type: ignore[no-untyped-def]
    s = open_store(f"sqlite:///{tmp_path / 'store.db'}")
    yield s
    s.close()


def test_migrations_create_tables(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'm.db'}"
    s = open_store(url)
    names = set(inspect(s.engine).get_table_names())
    assert {"documents", "sentences", "actors", "mentions", "quotes", "events", "event_actors", "positions", "runs",
            "errors", "alembic_version"} <= names
    s.close()
    open_store(url).close()  # reopening an up-to-date store is a no-op


def test_save_and_query(store) -> None:  # type: ignore[no-untyped-def]
    a = seed_analysis()
    run = store.start_run("test", "simple", a.stages)
    res = store.save(a, run)
    assert res.created and res.duplicate_of is None
    assert store.save(seed_analysis(), run).created is False  # same source and id: nothing changes
    c = store.counts()
    assert (c["documents"], c["mentions"], c["quotes"], c["events"], c["positions"]) == (1, 4, 1, 2, 1)

    evs = store.events(actor="RUS")
    assert [e["type"] for e in evs] == ["REQUEST"]
    e = evs[0]
    assert e["doc_ext_id"] == "seed-001" and e["date"] == "2023-04" and e["mode"] == "meet"
    assert e["sentence"] == e["evidence"] and e["sentence"].startswith("Xi drong")
    assert a.doc.raw_text[e["orig_start"]:e["orig_end"]] == e["evidence"]
    assert a.doc.raw_text[e["trigger_orig_start"]:e["trigger_orig_end"]] == "drong"
    assert store.events(recipient="CHN") == [] and len(store.events(actor="CHN")) == 2
    assert [x["type"] for x in store.events(issue="peace_talks")] == ["REQUEST"]
    assert [x["type"] for x in store.events(type="consult")] == ["CONSULT"]
    assert len(store.events(since="2023-04")) == 2 and len(store.events(until="2023-04")) == 2
    assert [x["date"] for x in store.events(since="2023-04-20")] == ["2023-04-26"]
    assert store.events(until="2023-03") == [] and store.events(since="2023-05") == []

    q = store.quotes(actor="RUS")[0]
    assert q["speaker"] == "Dmitri Peskov" and q["direct"] is True
    assert a.doc.raw_text[q["orig_start"]:q["orig_end"]] == q["text"]
    assert a.doc.raw_text[q["speaker_orig_start"]:q["speaker_orig_end"]] == "Dmitri Peskov"
    assert store.events(type="CONSULT")[0]["quote_id"] == q["id"]

    p = store.positions(issue="peace_talks")[0]
    assert p["holder"] == "CHN" and p["event_id"] == e["id"]
    assert store.positions(actor="RUS") == []

    ms = store.mentions(actor="RUS")
    assert [m["text"] for m in ms] == ["Kremlin", "Dmitri Peskov"]
    for m in store.mentions(limit=None):
        assert a.doc.raw_text[m["orig_start"]:m["orig_end"]] == m["text"]

    actors = {r["code"]: r for r in store.actors()}
    assert actors["RUS"]["mentions"] == 2 and actors["CHN"]["events"] == 2 and actors["CHN"]["positions"] == 1

    d = store.document("seed-001")
    assert d is not None and d["id"] == res.doc_id and len(d["sentences"]) == len(a.sentences)
    assert store.document(res.doc_id)["ext_id"] == "seed-001"
    assert store.documents(actor="UKR")[0]["events"] == 2


def test_analysis_round_trip(store) -> None:  # type: ignore[no-untyped-def]
    from diplograph.export import to_schema

    a = seed_analysis()
    doc_id = store.save(a).doc_id
    back = store.analysis(doc_id)
    assert back is not None
    assert to_schema(back) == to_schema(a)
    assert back.doc.to_original(0, 3) == a.doc.to_original(0, 3)


def test_failed_batch_leaves_store_consistent(store) -> None:  # type: ignore[no-untyped-def]
    a = seed_analysis()
    with pytest.raises(RuntimeError), store.session() as s:
        store.save(a, session=s)
        raise RuntimeError("crash in the middle of a batch")
    assert store.counts()["documents"] == 0 and store.counts()["sentences"] == 0
    assert store.save(seed_analysis()).created


@pytest.mark.postgres
def test_queries_and_duplicates_on_postgresql(pg_fresh_url: str) -> None:
    """The same save, filters and duplicate links on PostgreSQL (server from tests/pg.py)."""
    store = open_store(pg_fresh_url)
    a = seed_analysis()
    assert store.save(a).created and not store.save(seed_analysis()).created
    assert [e["type"] for e in store.events(actor="RUS", since="2023-04", until="2023-04")] == ["REQUEST"]
    assert store.quotes(speaker="peskov")[0]["actor"] == "RUS"
    assert store.positions(issue="peace_talks", stance="support")[0]["holder"] == "CHN"
    copy = seed_analysis()
    copy.doc.id, copy.doc.source = "seed-001-copy", "elsewhere"
    copy.doc.text += "\n\nHet Kremlin wilde niet verder reageren."  # a second outlet's version: one more line
    res = store.save(copy)
    assert res.created and res.duplicate_of is not None and 0.8 <= (res.similarity or 0) < 1
    assert len(store.events(actor="RUS")) == 1 and len(store.events(actor="RUS", include_duplicates=True)) == 2
    store.close()
