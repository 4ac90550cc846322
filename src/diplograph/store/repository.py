"""The store's interface: open a database, save analyses, query what was found.

Every query returns plain dicts (JSON-ready) that carry the document id, its external
id, date, outlet, the evidence sentence and both kinds of offsets: ``start``/``end`` into
the document's cleaned ``text`` and ``orig_start``/``orig_end`` into its ``raw_text``.
"""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Select, and_, create_engine, delete, event, exists, func, insert, or_, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from diplograph import model
from diplograph.ingest.clean import original_span
from diplograph.ingest.dedup import THRESHOLD, Match, band_keys, content_hash, jaccard, shingles
from diplograph.ingest.errors import IngestError
from diplograph.store import models as m
from diplograph.store.migrate import upgrade

DEFAULT_URL = "sqlite:///diplograph.db"


def default_url() -> str:
    """``$DIPLOGRAPH_DB`` or a SQLite file ``diplograph.db`` in the working directory."""
    return os.environ.get("DIPLOGRAPH_DB") or DEFAULT_URL


def open_store(url: str | None = None) -> Store:
    """Open (and migrate to the newest schema) the store at ``url``."""
    return Store(url or default_url())


@dataclass
class SaveResult:
    doc_id: int
    created: bool  # False when the document was already stored (nothing changed)
    duplicate_of: int | None = None
    similarity: float | None = None


def _alive(pid: Any) -> bool:
    """Whether a process with this id runs on this machine (a zombie counts as gone)."""
    if not isinstance(pid, int) or pid <= 0:
        return False
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _now() -> datetime:
    return datetime.now(UTC)


def _until(value: str) -> str:
    """Upper bound that includes every date with the prefix ``value`` ('2023-04' -> all of April)."""
    return value + "~"


class Store:
    """A diplograph database (SQLite file or PostgreSQL, by SQLAlchemy URL)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine: Engine = create_engine(url, future=True)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _sqlite_pragmas)
            path = self.engine.url.database
            if path and path != ":memory:" and not path.startswith("file:"):
                Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        upgrade(self.engine)
        self.Session = sessionmaker(self.engine, expire_on_commit=False)
        self._actors: set[str] | None = None
        self._kb: dict[str, Any] | None = None

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- transactions --------------------------------------------------------------------------

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self.Session() as s:
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                self._actors = None
                raise

    # -- runs and errors -----------------------------------------------------------------------

    def start_run(self, command: str | None = None, analyzer: str | None = None,
                  stages: list[str] | None = None) -> int:
        with self.session() as s:  # who runs it, so that a run whose process died can be told apart
            run = m.Run(started=_now(), command=command, analyzer=analyzer, stages=stages, status="running",
                        counts={"host": socket.gethostname(), "pid": os.getpid()})
            s.add(run)
            s.flush()
            return run.id

    def finish_run(self, run_id: int, counts: dict[str, Any] | None = None, status: str = "done",
                   stages: list[str] | None = None) -> None:
        with self.session() as s:
            run = s.get(m.Run, run_id)
            if run is None:
                return
            run.finished, run.counts, run.status = _now(), counts, status
            if stages:
                run.stages = stages

    def add_error(self, err: IngestError, run_id: int | None = None, session: Session | None = None) -> None:
        row = m.Error(run_id=run_id, source=err.source, line=err.line, record=err.record, level=err.level,
                      message=err.message)
        if session is not None:
            session.add(row)
            return
        with self.session() as s:
            s.add(row)

    def runs(self, limit: int = 20) -> list[dict[str, Any]]:
        """The latest runs, newest first; a "running" run of this host whose process is gone is marked
        "interrupted" (killed, or the machine went down): what it stored is whole documents only."""
        with self.session() as s:
            rows = s.scalars(select(m.Run).order_by(m.Run.id.desc()).limit(limit)).all()
            host = socket.gethostname()
            for r in rows:
                who = r.counts or {}
                if r.status == "running" and who.get("host") == host and not _alive(who.get("pid")):
                    r.status = "interrupted"
            return [_row(r) for r in rows]

    def errors(self, run_id: int | None = None, limit: int = 1000) -> list[dict[str, Any]]:
        with self.Session() as s:
            q = select(m.Error).order_by(m.Error.id)
            if run_id is not None:
                q = q.where(m.Error.run_id == run_id)
            return [_row(r) for r in s.scalars(q.limit(limit)).all()]

    # -- saving --------------------------------------------------------------------------------

    def find(self, doc: model.Document, session: Session | None = None) -> int | None:
        """Id of the stored copy of ``doc``: same source and id, or same id and same content."""
        digest = content_hash(doc.text)
        q = select(m.Document.id).where(
            m.Document.ext_id == doc.id,
            or_(m.Document.source == (doc.source or ""), m.Document.content_hash == digest),
        ).limit(1)
        if session is not None:
            return session.scalar(q)
        with self.Session() as s:
            return s.scalar(q)

    def duplicate_of(self, text: str, session: Session, digest: str | None = None,
                     keys: list[tuple[int, int]] | None = None) -> Match | None:
        """The stored first copy ``text`` duplicates: same normalised text, or word-trigram Jaccard >= 0.8.

        Candidates come from the MinHash LSH bands in ``document_bands`` (so concurrent writers see each
        other's committed documents) and are verified on their texts.
        """
        digest = digest or content_hash(text)
        hit = session.execute(select(m.Document.id, m.Document.duplicate_of).where(m.Document.content_hash == digest)
                              .order_by(m.Document.id).limit(1)).first()
        if hit is not None:
            return Match(hit[1] or hit[0], 1.0, True)
        keys = keys if keys is not None else band_keys(text)
        cands = session.scalars(select(m.DocumentBand.doc_id).where(or_(
            *[and_(m.DocumentBand.band == b, m.DocumentBand.hash == h) for b, h in keys])).distinct().limit(200)).all()
        if not cands:
            return None
        sh = shingles(text)
        best: Match | None = None
        for doc_id, other in session.execute(select(m.Document.id, m.Document.text).where(m.Document.id.in_(cands))
                                             .order_by(m.Document.id)):
            sim = jaccard(sh, shingles(other))
            if sim >= THRESHOLD and (best is None or sim > best.similarity):
                best = Match(doc_id, round(sim, 4), False)
        return best

    def save(self, analysis: model.Analysis, run_id: int | None = None,
             session: Session | None = None) -> SaveResult:
        """Store a document with everything found in it; a document already stored is left as it is."""
        return self.save_many([analysis], run_id, session)[0]

    def save_many(self, analyses: Sequence[model.Analysis], run_id: int | None = None,
                  session: Session | None = None, retries: int = 5) -> list[SaveResult]:
        """Store documents with everything found in them, in one transaction (``session``'s, or else a new
        one); documents already stored, or earlier in ``analyses``, are left as they are.

        Each document row is inserted on its own (first copies and duplicates are decided in order), then the
        rows found in the new documents are inserted in bulk, one statement per table.  Without ``session``,
        a transaction that PostgreSQL aborts to break a deadlock with a concurrent writer is run again, up to
        ``retries`` times.
        """
        if session is not None:
            return self._save_many(session, analyses, run_id)
        for attempt in range(retries + 1):
            try:
                with self.session() as s:
                    return self._save_many(s, analyses, run_id)
            except OperationalError as exc:
                if attempt == retries or getattr(exc.orig, "sqlstate", None) not in _RETRYABLE:
                    raise
        raise AssertionError("unreachable")

    def _save_many(self, s: Session, analyses: Sequence[model.Analysis], run_id: int | None) -> list[SaveResult]:
        results = [self._save_document(s, a, run_id) for a in analyses]
        self._save_items(s, [(r.doc_id, a) for r, a in zip(results, analyses, strict=True) if r.created])
        return results

    def _save_document(self, s: Session, analysis: model.Analysis, run_id: int | None) -> SaveResult:
        """Insert the document row (and its LSH bands if it is a first copy) unless it is stored already.

        The unique constraint on (source, id) decides between concurrent writers: the insert does nothing
        when another transaction stored the document first, and the stored copy is returned.
        """
        doc = analysis.doc
        existing = self.find(doc, s)
        if existing is not None:
            return SaveResult(existing, False)
        digest = content_hash(doc.text)
        keys = band_keys(doc.text)
        match = self.duplicate_of(doc.text, s, digest, keys)
        dup = int(match.duplicate_of) if match else None  # type: ignore[call-overload]
        sim = match.similarity if match else None
        row = dict(ext_id=doc.id, source=doc.source or "", line=doc.line, outlet=doc.outlet, url=doc.url,
                   title=doc.title, date=doc.date, date_precision=doc.date_precision, lang=doc.lang,
                   raw_text=doc.raw_text, text=doc.text, offsets=[list(p) for p in doc.offsets.points],
                   meta=doc.meta or None, content_hash=digest, duplicate_of=dup, similarity=sim,
                   ingested_at=_now(), run_id=run_id, stages=list(analysis.stages) or None)
        doc_id = s.scalar(_insert(s)(_DOCS).values(row).on_conflict_do_nothing(index_elements=["source", "ext_id"])
                          .returning(_DOCS.c.id))
        if doc_id is None:  # a concurrent writer stored it first
            existing = self.find(doc, s)
            if existing is None:
                raise RuntimeError(f"document {doc.id!r} of {doc.source!r} conflicts but cannot be found")
            return SaveResult(existing, False)
        if match is None:
            s.execute(insert(m.DocumentBand.__table__),
                      [{"doc_id": doc_id, "band": b, "hash": h} for b, h in keys])
        return SaveResult(doc_id, True, dup, sim)

    def replace_analysis(self, doc_id: int, analysis: model.Analysis, run_id: int | None = None,
                         session: Session | None = None) -> None:
        """Replace what was found in a stored document by ``analysis`` (of the same text), e.g. after
        the extractors improved; the document row keeps its id and gets the new stage versions."""
        if session is None:
            with self.session() as s:
                return self.replace_analysis(doc_id, analysis, run_id, s)
        row = session.get(m.Document, doc_id)
        if row is None:
            raise KeyError(f"no document {doc_id}")
        if analysis.doc.text != row.text:
            raise ValueError(f"document {doc_id}: the analysis is of another text")
        events = select(m.Event.id).where(m.Event.doc_id == doc_id)
        session.execute(delete(m.EventActor).where(m.EventActor.event_id.in_(events)))
        for table in (m.Position, m.Event, m.Quote, m.Mention, m.Sentence):
            session.execute(delete(table).where(table.doc_id == doc_id))
        row.stages = list(analysis.stages) or None
        self._save_items(session, [(doc_id, analysis)])
        return None

    def resolve(self, ref: int | str) -> int | None:
        """The store id of a document given by store id or external id (None if unknown)."""
        with self.Session() as s:
            d = self._get_doc(s, ref)
            return d.id if d is not None else None

    def stage_versions(self) -> dict[int, list[str]]:
        """Stage versions (``name@version``) each document was analysed with."""
        with self.Session() as s:
            return {i: list(st or []) for i, st in s.execute(select(m.Document.id, m.Document.stages))}

    def _save_items(self, s: Session, docs: list[tuple[int, model.Analysis]]) -> None:
        """Insert what was found in stored documents: one multi-row statement per table, rows in document
        order and in each document in list order (so ids are given as saving one item at a time would)."""
        if not docs:
            return
        codes: set[str] = set()
        for _, a in docs:
            codes.update(c for c in a.actors() if c)
            codes.update(mt.actor for mt in a.mentions if mt.actor)
        self._ensure_actors(s, codes)
        rows: list[dict[str, Any]] = []
        for doc_id, a in docs:
            for sent in a.sentences:
                os_, oe = original_span(a.doc, sent.start, sent.end)
                rows.append({"doc_id": doc_id, "index": sent.index, "start": sent.start, "end": sent.end,
                             "orig_start": os_, "orig_end": oe, "text": sent.text})
        new_ids = iter(_insert_ids(s, m.Sentence, rows))
        sent_ids: list[dict[int, int]] = [{sent.index: next(new_ids) for sent in a.sentences} for _, a in docs]

        rows = []
        for (doc_id, a), sids in zip(docs, sent_ids, strict=True):
            for mt in a.mentions:
                rows.append({**_anchor(doc_id, sids, a.doc, mt.sentence, mt.span), "text": mt.span.text,
                             "actor": mt.actor, "person": mt.person, "kind": mt.kind, "confidence": mt.confidence,
                             "extractor": mt.extractor, "participant": getattr(mt, "participant", True)})
        _insert_rows(s, m.Mention, rows)

        rows = []
        for (doc_id, a), sids in zip(docs, sent_ids, strict=True):
            for q in a.quotes:
                rows.append({**_anchor(doc_id, sids, a.doc, q.sentence, q.content), "speaker": q.speaker,
                             "actor": q.actor, "text": q.text, "direct": q.direct, "extractor": q.extractor,
                             **_opt_span(a.doc, "cue", q.cue), **_opt_span(a.doc, "speaker", q.speaker_span)})
        new_ids = iter(_insert_ids(s, m.Quote, rows))
        quote_ids = [[next(new_ids) for _ in a.quotes] for _, a in docs]

        rows = []
        for (doc_id, a), sids, qids in zip(docs, sent_ids, quote_ids, strict=True):
            for e in a.events:
                rows.append({**_anchor(doc_id, sids, a.doc, e.sentence, e.evidence), "evidence": e.evidence.text,
                             "trigger": e.trigger.text if e.trigger else None, "type": e.type, "mode": e.mode,
                             "actors": list(e.actor), "recipients": list(e.recipient), "modality": e.modality,
                             "condition": e.condition, "date": e.date,
                             "date_precision": e.date_precision or model.date_precision(e.date),
                             "quote_id": _index(qids, e.quote), "extractor": e.extractor,
                             **_opt_span(a.doc, "trigger", e.trigger)})
        new_ids = iter(_insert_ids(s, m.Event, rows))
        event_ids = [[next(new_ids) for _ in a.events] for _, a in docs]

        rows = []
        for (_, a), eids in zip(docs, event_ids, strict=True):
            for e, event_id in zip(a.events, eids, strict=True):
                pairs = {(c, "actor") for c in e.actor if c} | {(c, "recipient") for c in e.recipient if c}
                rows.extend({"event_id": event_id, "code": code, "role": role} for code, role in sorted(pairs))
        _insert_rows(s, m.EventActor, rows)

        rows = []
        for (doc_id, a), sids, qids, eids in zip(docs, sent_ids, quote_ids, event_ids, strict=True):
            for p in a.positions:
                rows.append({**_anchor(doc_id, sids, a.doc, p.sentence, p.evidence), "evidence": p.evidence.text,
                             "holder": p.holder, "issue": p.issue, "stance": p.stance, "condition": p.condition,
                             "date": p.date, "event_id": _index(eids, p.event), "quote_id": _index(qids, p.quote),
                             "extractor": p.extractor})
        _insert_rows(s, m.Position, rows)

    def _ensure_actors(self, s: Session, codes: set[str]) -> None:
        if self._actors is None:
            self._actors = set(s.scalars(select(m.Actor.code)).all())
        for code in sorted(codes - self._actors):  # sorted: concurrent writers lock in the same order
            info = self._kb_entry(code)
            s.execute(_insert(s)(m.Actor).values(code=code, name=getattr(info, "name", None),
                                             type=getattr(info, "type", None))
                      .on_conflict_do_nothing(index_elements=["code"]))
            self._actors.add(code)
        s.flush()

    def _kb_entry(self, code: str) -> Any:
        if self._kb is None:
            from diplograph.extract.actor_kb import load_kb

            self._kb = {a.code: a for a in load_kb().actors}
        return self._kb.get(code)

    # -- queries -------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        with self.Session() as s:
            out = {}
            for name, table in (("documents", m.Document), ("sentences", m.Sentence), ("actors", m.Actor),
                                ("mentions", m.Mention), ("quotes", m.Quote), ("events", m.Event),
                                ("positions", m.Position), ("runs", m.Run), ("errors", m.Error)):
                out[name] = s.scalar(select(func.count()).select_from(table)) or 0
            out["duplicates"] = s.scalar(select(func.count()).select_from(m.Document)
                                         .where(m.Document.duplicate_of.is_not(None))) or 0
            return out

    def documents(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                  lang: str | None = None, actor: str | None = None, include_duplicates: bool = True,
                  limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Documents (without their texts), newest first."""
        q = select(m.Document)
        q = _doc_filters(q, m.Document.date, outlet, since, until, include_duplicates)
        if lang:
            q = q.where(m.Document.lang == lang)
        if actor:
            q = q.where(exists().where(m.Mention.doc_id == m.Document.id, m.Mention.actor == actor))
        q = q.order_by(m.Document.date.desc().nulls_last(), m.Document.id).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.Session() as s:
            docs = s.scalars(q).all()
            ids = [d.id for d in docs]
            stats = _doc_stats(s, ids)
            return [_doc_summary(d) | stats.get(d.id, {}) for d in docs]

    def document(self, doc_id: int | str) -> dict[str, Any] | None:
        """One document with its text, sentences and every item found in it (None if unknown).

        ``doc_id`` is the store's integer id or the document's external id.
        """
        with self.Session() as s:
            d = self._get_doc(s, doc_id)
            if d is None:
                return None
            out = _doc_summary(d) | {"text": d.text, "raw_text": d.raw_text, "offsets": d.offsets,
                                     "meta": d.meta, "stages": d.stages, "run_id": d.run_id}
            out["sentences"] = [_row(r, drop=("doc_id",)) for r in s.scalars(
                select(m.Sentence).where(m.Sentence.doc_id == d.id).order_by(m.Sentence.index))]
        out["mentions"] = self.mentions(doc_id=out["id"], limit=None)
        out["quotes"] = self.quotes(doc_id=out["id"], limit=None)
        out["events"] = self.events(doc_id=out["id"], limit=None, include_duplicates=True)
        out["positions"] = self.positions(doc_id=out["id"], limit=None, include_duplicates=True)
        return out

    def _get_doc(self, s: Session, doc_id: int | str) -> m.Document | None:
        if isinstance(doc_id, int) or (isinstance(doc_id, str) and doc_id.isdigit()):
            d = s.get(m.Document, int(doc_id))
            if d is not None:
                return d
        return s.scalars(select(m.Document).where(m.Document.ext_id == str(doc_id))
                         .order_by(m.Document.id).limit(1)).first()

    def events(self, *, actor: str | None = None, recipient: str | None = None, issue: str | None = None,
               type: str | None = None, since: str | None = None, until: str | None = None,
               outlet: str | None = None, modality: str | None = None, doc_id: int | None = None,
               include_duplicates: bool = False, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Events, newest first. ``actor`` matches initiators or recipients; dates filter the event's
        date where it has one, else the document's (``since``/``until`` take any precision)."""
        date = func.coalesce(m.Event.date, m.Document.date)
        q = select(m.Event, m.Document, m.Sentence).join(m.Document, m.Event.doc_id == m.Document.id) \
            .outerjoin(m.Sentence, m.Event.sentence_id == m.Sentence.id)
        q = _doc_filters(q, date, outlet, since, until, include_duplicates)
        if actor:
            q = q.where(exists().where(m.EventActor.event_id == m.Event.id, m.EventActor.code == actor))
        if recipient:
            q = q.where(exists().where(m.EventActor.event_id == m.Event.id, m.EventActor.code == recipient,
                                       m.EventActor.role == "recipient"))
        if type:
            q = q.where(m.Event.type == type.upper())
        if modality:
            q = q.where(m.Event.modality == modality)
        if issue:
            q = q.where(_on_issue(issue, m.Position.event_id, m.Event))
        if doc_id is not None:
            q = q.where(m.Event.doc_id == doc_id)
        return self._items(q, date, limit, offset, _event_dict)

    def quotes(self, *, actor: str | None = None, speaker: str | None = None, issue: str | None = None,
               since: str | None = None, until: str | None = None, outlet: str | None = None,
               direct: bool | None = None, doc_id: int | None = None, include_duplicates: bool = False,
               limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Quotes, newest first; ``speaker`` matches a part of the speaker's name (case-insensitive)."""
        q = select(m.Quote, m.Document, m.Sentence).join(m.Document, m.Quote.doc_id == m.Document.id) \
            .outerjoin(m.Sentence, m.Quote.sentence_id == m.Sentence.id)
        q = _doc_filters(q, m.Document.date, outlet, since, until, include_duplicates)
        if actor:
            q = q.where(m.Quote.actor == actor)
        if speaker:
            q = q.where(func.lower(m.Quote.speaker).contains(speaker.lower()))
        if direct is not None:
            q = q.where(m.Quote.direct.is_(direct))
        if issue:
            q = q.where(_on_issue(issue, m.Position.quote_id, m.Quote))
        if doc_id is not None:
            q = q.where(m.Quote.doc_id == doc_id)
        return self._items(q, m.Document.date, limit, offset, _quote_dict)

    def positions(self, *, actor: str | None = None, issue: str | None = None, stance: str | None = None,
                  since: str | None = None, until: str | None = None, outlet: str | None = None,
                  doc_id: int | None = None, include_duplicates: bool = False, limit: int | None = 100,
                  offset: int = 0) -> list[dict[str, Any]]:
        """Positions, newest first; ``actor`` is the holder."""
        date = func.coalesce(m.Position.date, m.Document.date)
        q = select(m.Position, m.Document, m.Sentence).join(m.Document, m.Position.doc_id == m.Document.id) \
            .outerjoin(m.Sentence, m.Position.sentence_id == m.Sentence.id)
        q = _doc_filters(q, date, outlet, since, until, include_duplicates)
        if actor:
            q = q.where(m.Position.holder == actor)
        if issue:
            q = q.where(m.Position.issue == issue)
        if stance:
            q = q.where(m.Position.stance == stance)
        if doc_id is not None:
            q = q.where(m.Position.doc_id == doc_id)
        return self._items(q, date, limit, offset, _position_dict)

    def mentions(self, *, actor: str | None = None, kind: str | None = None, since: str | None = None,
                 until: str | None = None, outlet: str | None = None, doc_id: int | None = None,
                 include_duplicates: bool = True, limit: int | None = 100, offset: int = 0) -> list[dict[str, Any]]:
        """Actor mentions in document order."""
        q = select(m.Mention, m.Document, m.Sentence).join(m.Document, m.Mention.doc_id == m.Document.id) \
            .outerjoin(m.Sentence, m.Mention.sentence_id == m.Sentence.id)
        q = _doc_filters(q, m.Document.date, outlet, since, until, include_duplicates)
        if actor:
            q = q.where(m.Mention.actor == actor)
        if kind:
            q = q.where(m.Mention.kind == kind)
        if doc_id is not None:
            q = q.where(m.Mention.doc_id == doc_id)
        q = q.order_by(m.Mention.doc_id, m.Mention.start).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.Session() as s:
            return [_item_base(it, d, sent) | _mention_fields(it) for it, d, sent in s.execute(q).all()]

    def _items(self, q: Select, date: Any, limit: int | None, offset: int, fmt: Any) -> list[dict[str, Any]]:
        entity = q.column_descriptions[0]["entity"]
        q = q.order_by(date.desc().nulls_last(), m.Document.id, entity.start).offset(offset)
        if limit is not None:
            q = q.limit(limit)
        with self.Session() as s:
            return [fmt(it, d, sent) for it, d, sent in s.execute(q).all()]

    def actors(self) -> list[dict[str, Any]]:
        """Actors the store holds, with how often they are mentioned and take part in events, quotes, positions."""
        with self.Session() as s:
            mentions = dict(s.execute(select(m.Mention.actor, func.count()).group_by(m.Mention.actor)).all())
            events = dict(s.execute(select(m.EventActor.code, func.count(func.distinct(m.EventActor.event_id)))
                                    .group_by(m.EventActor.code)).all())
            quotes = dict(s.execute(select(m.Quote.actor, func.count()).group_by(m.Quote.actor)).all())
            positions = dict(s.execute(select(m.Position.holder, func.count()).group_by(m.Position.holder)).all())
            docs = dict(s.execute(select(m.Mention.actor, func.count(func.distinct(m.Mention.doc_id)))
                                  .group_by(m.Mention.actor)).all())
            out = []
            for a in s.scalars(select(m.Actor).order_by(m.Actor.code)):
                out.append({"code": a.code, "name": a.name, "type": a.type, "mentions": mentions.get(a.code, 0),
                            "documents": docs.get(a.code, 0), "events": events.get(a.code, 0),
                            "quotes": quotes.get(a.code, 0), "positions": positions.get(a.code, 0)})
            out.sort(key=lambda r: (-r["mentions"], -r["events"], r["code"]))
            return out

    def doc_ids(self, include_duplicates: bool = True) -> list[int]:
        q = select(m.Document.id).order_by(m.Document.id)
        if not include_duplicates:
            q = q.where(m.Document.duplicate_of.is_(None))
        with self.Session() as s:
            return list(s.scalars(q))

    def analysis(self, doc_id: int | str) -> model.Analysis | None:
        """Rebuild the :class:`~diplograph.model.Analysis` of a stored document (for export and reports)."""
        d = self.document(doc_id)
        if d is None:
            return None
        doc = model.Document(id=d["ext_id"], raw_text=d["raw_text"], text=d["text"], title=d["title"],
                             date=d["date"], lang=d["lang"], source=d["source"], line=d["line"],
                             outlet=d["outlet"], url=d["url"],
                             offsets=model.OffsetMap([(int(p[0]), int(p[1])) for p in d["offsets"]]),
                             meta=d["meta"] or {})
        a = model.Analysis(doc, stages=list(d["stages"] or []))
        text = d["text"]

        def span(st: int | None, en: int | None) -> model.Span | None:
            return None if st is None or en is None else model.Span(st, en, text[st:en])

        a.sentences = [model.Sentence(r["index"], r["start"], r["end"], r["text"]) for r in d["sentences"]]
        a.mentions = []
        for r in d["mentions"]:
            mt = model.Mention(model.Span(r["start"], r["end"], r["text"]), r["sentence_index"], r["actor"],
                               r["person"], r["kind"], r["confidence"], r["extractor"])
            if hasattr(mt, "participant"):
                mt.participant = r["participant"]
            a.mentions.append(mt)
        qidx = {r["id"]: i for i, r in enumerate(sorted(d["quotes"], key=lambda r: r["id"]))}
        a.quotes = [model.Quote(r["text"], model.Span(r["start"], r["end"], text[r["start"]:r["end"]]),
                                r["sentence_index"], r["direct"], r["speaker"],
                                span(r["speaker_start"], r["speaker_end"]), r["actor"],
                                span(r["cue_start"], r["cue_end"]), r["extractor"])
                    for r in sorted(d["quotes"], key=lambda r: r["id"])]
        eidx = {r["id"]: i for i, r in enumerate(sorted(d["events"], key=lambda r: r["id"]))}
        a.events = [model.Event(r["type"], r["actors"], r["recipients"],
                                model.Span(r["start"], r["end"], r["evidence"]), r["sentence_index"], r["mode"],
                                r["modality"], r["condition"], r["event_date"], r["date_precision"],
                                span(r["trigger_start"], r["trigger_end"]), qidx.get(r["quote_id"]), r["extractor"])
                    for r in sorted(d["events"], key=lambda r: r["id"])]
        a.positions = [model.Position(r["holder"], r["issue"], r["stance"],
                                      model.Span(r["start"], r["end"], r["evidence"]), r["sentence_index"],
                                      r["condition"], r["position_date"], eidx.get(r["event_id"]),
                                      qidx.get(r["quote_id"]), r["extractor"])
                       for r in sorted(d["positions"], key=lambda r: r["id"])]
        return a


# -- helpers ------------------------------------------------------------------------------------

def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")  # wait for another writer instead of failing at once
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the API) do not block the ingest, nor it them
    cur.close()


def _on_issue(issue: str, link: Any, item: Any) -> Any:
    """A position on ``issue`` linked to the item (through the position's ``link`` column) or in its sentence."""
    return exists().where(m.Position.issue == issue, or_(
        link == item.id,
        and_(m.Position.doc_id == item.doc_id, m.Position.sentence_index == item.sentence_index)))


_DOCS = m.Document.__table__
_RETRYABLE = {"40P01", "40001"}  # PostgreSQL: deadlock detected, serialization failure


def _insert(s: Session) -> Any:
    """The dialect's ``insert`` (for ``on_conflict_do_nothing``): PostgreSQL's or SQLite's."""
    return pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert


def _insert_ids(s: Session, entity: type[m.Base], rows: list[dict[str, Any]]) -> list[int]:
    """Insert ``rows`` into ``entity``'s table in one executemany; their new ids, in the order of ``rows``."""
    if not rows:
        return []
    table = entity.__table__
    if s.get_bind().dialect.name == "postgresql":  # ids first, then a plain executemany (quicker than RETURNING)
        ids = sorted(s.scalars(text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
                               {"t": table.name, "n": len(rows)}))
        s.execute(insert(table), [row | {"id": i} for row, i in zip(rows, ids, strict=True)])
        return ids
    return list(s.scalars(insert(table).returning(table.c.id, sort_by_parameter_order=True), rows))


def _insert_rows(s: Session, entity: type[m.Base], rows: list[dict[str, Any]]) -> None:
    """Insert ``rows`` into ``entity``'s table in one executemany."""
    if rows:
        s.execute(insert(entity.__table__), rows)


def _index(ids: list[int], i: int | None) -> int | None:
    return ids[i] if i is not None and 0 <= i < len(ids) else None


def _anchor(doc_id: int, sentence_ids: dict[int, int], doc: model.Document, sentence: int | None,
            span: model.Span) -> dict[str, Any]:
    """The columns that tie a found item to its document, sentence and offsets (cleaned and original)."""
    os_, oe = original_span(doc, span.start, span.end)
    return {"doc_id": doc_id, "sentence_id": sentence_ids.get(sentence), "sentence_index": sentence,
            "start": span.start, "end": span.end, "orig_start": os_, "orig_end": oe}


def _opt_span(doc: model.Document, prefix: str, span: model.Span | None) -> dict[str, int | None]:
    if span is None:
        return {f"{prefix}_start": None, f"{prefix}_end": None, f"{prefix}_orig_start": None,
                f"{prefix}_orig_end": None}
    os_, oe = original_span(doc, span.start, span.end)
    return {f"{prefix}_start": span.start, f"{prefix}_end": span.end, f"{prefix}_orig_start": os_,
            f"{prefix}_orig_end": oe}


def _doc_filters(q: Select, date: Any, outlet: str | None, since: str | None, until: str | None,
                 include_duplicates: bool) -> Select:
    if outlet:
        q = q.where(func.lower(m.Document.outlet) == outlet.lower())
    if since:
        q = q.where(date >= since)
    if until:
        q = q.where(date <= _until(until))
    if not include_duplicates:
        q = q.where(m.Document.duplicate_of.is_(None))
    return q


def _row(obj: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    out = {}
    for col in obj.__table__.columns:
        if col.key in drop:
            continue
        v = getattr(obj, col.key)
        out[col.key] = v.isoformat() if isinstance(v, datetime) else v
    return out


def _doc_summary(d: m.Document) -> dict[str, Any]:
    return {"id": d.id, "ext_id": d.ext_id, "source": d.source, "line": d.line, "outlet": d.outlet, "url": d.url,
            "title": d.title, "date": d.date, "date_precision": d.date_precision, "lang": d.lang,
            "content_hash": d.content_hash, "duplicate_of": d.duplicate_of, "similarity": d.similarity,
            "ingested_at": d.ingested_at.isoformat() if d.ingested_at else None}


def _doc_stats(s: Session, ids: list[int]) -> dict[int, dict[str, int]]:
    out: dict[int, dict[str, int]] = {i: {"events": 0, "quotes": 0, "positions": 0, "mentions": 0} for i in ids}
    if not ids:
        return out
    for name, table in (("events", m.Event), ("quotes", m.Quote), ("positions", m.Position),
                        ("mentions", m.Mention)):
        for doc_id, n in s.execute(select(table.doc_id, func.count()).where(table.doc_id.in_(ids))
                                   .group_by(table.doc_id)):
            out[doc_id][name] = n
    return out


def _item_base(it: Any, d: m.Document, sent: m.Sentence | None) -> dict[str, Any]:
    return {"id": it.id, "doc_id": d.id, "doc_ext_id": d.ext_id, "source": d.source, "outlet": d.outlet,
            "url": d.url, "title": d.title, "doc_date": d.date, "date": d.date, "duplicate_of": d.duplicate_of,
            "sentence_index": it.sentence_index, "sentence": sent.text if sent else None,
            "sentence_start": sent.start if sent else None, "sentence_end": sent.end if sent else None,
            "sentence_orig_start": sent.orig_start if sent else None,
            "sentence_orig_end": sent.orig_end if sent else None,
            "start": it.start, "end": it.end, "orig_start": it.orig_start, "orig_end": it.orig_end,
            "extractor": it.extractor}


def _mention_fields(it: m.Mention) -> dict[str, Any]:
    return {"text": it.text, "actor": it.actor, "person": it.person, "kind": it.kind, "confidence": it.confidence,
            "participant": it.participant}


def _event_dict(it: m.Event, d: m.Document, sent: m.Sentence | None) -> dict[str, Any]:
    out = _item_base(it, d, sent)
    out.update(date=it.date or d.date, event_date=it.date, date_precision=it.date_precision, type=it.type,
               mode=it.mode, actors=it.actors, recipients=it.recipients, modality=it.modality,
               condition=it.condition, evidence=it.evidence, trigger=it.trigger, trigger_start=it.trigger_start,
               trigger_end=it.trigger_end, trigger_orig_start=it.trigger_orig_start,
               trigger_orig_end=it.trigger_orig_end, quote_id=it.quote_id)
    return out


def _quote_dict(it: m.Quote, d: m.Document, sent: m.Sentence | None) -> dict[str, Any]:
    out = _item_base(it, d, sent)
    out.update(text=it.text, speaker=it.speaker, actor=it.actor, direct=it.direct,
               **{k: getattr(it, k) for k in ("cue_start", "cue_end", "cue_orig_start", "cue_orig_end",
                                              "speaker_start", "speaker_end", "speaker_orig_start",
                                              "speaker_orig_end")})
    return out


def _position_dict(it: m.Position, d: m.Document, sent: m.Sentence | None) -> dict[str, Any]:
    out = _item_base(it, d, sent)
    out.update(date=it.date or d.date, position_date=it.date, holder=it.holder, issue=it.issue, stance=it.stance,
               condition=it.condition, evidence=it.evidence, event_id=it.event_id, quote_id=it.quote_id)
    return out
