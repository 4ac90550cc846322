"""Documents: listing with filters and search, and one document with every item's span."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query

from diplograph.analyse.periods import Filters
from diplograph.analyse.plover import score_of
from diplograph.serve.deps import MAX_ID, Paging, filters, get_store
from diplograph.serve.schemas import DocumentDetail, DocumentOut, Page

router = APIRouter(prefix="/api/documents", tags=["documents"])


@router.get("", response_model=Page[DocumentOut])
def documents(f: Filters = Depends(filters), paging: Paging = Depends(), store: Any = Depends(get_store),
              q: str | None = Query(None, max_length=200, description="Words to look for in title or text."),
              duplicates: bool = Query(False, description="Include documents marked as duplicates.")
              ) -> dict[str, Any]:
    """Documents, newest first (``actor``: mentioned or taking part; ``issue``: with a position on it)."""
    rows = store.documents(outlet=f.outlet, include_duplicates=duplicates, limit=None)
    rows = [d for d in rows if f.in_range(d.get("date"))]
    wanted = _doc_ids_matching(store, f, q)
    if wanted is not None:
        rows = [d for d in rows if d["id"] in wanted]
    return paging.page(rows)


def _doc_ids_matching(store: Any, f: Filters, q: str | None) -> set[int] | None:
    """Ids of documents matching the actor, issue and search filters (None: no such filter)."""
    from sqlalchemy import func, or_, select

    from diplograph.store import models as m

    sets: list[set[int]] = []
    with store.Session() as s:
        if f.actor:
            ids = set(s.scalars(select(m.Mention.doc_id).where(m.Mention.actor == f.actor)))
            ids |= set(s.scalars(select(m.Position.doc_id).where(m.Position.holder == f.actor)))
            ids |= set(s.scalars(select(m.Quote.doc_id).where(m.Quote.actor == f.actor)))
            ids |= set(s.scalars(select(m.Event.doc_id).join(m.EventActor, m.EventActor.event_id == m.Event.id)
                                 .where(m.EventActor.code == f.actor)))
            sets.append(ids)
        if f.issue:
            sets.append(set(s.scalars(select(m.Position.doc_id).where(m.Position.issue == f.issue))))
        if q:
            needle = q.lower()
            sets.append(set(s.scalars(select(m.Document.id).where(
                or_(func.lower(m.Document.text).contains(needle, autoescape=True),
                    func.lower(m.Document.title).contains(needle, autoescape=True))))))
    if not sets:
        return None
    return set.intersection(*sets)


@router.get("/{doc_id}", response_model=DocumentDetail)
def document(doc_id: str, store: Any = Depends(get_store)) -> dict[str, Any]:
    """One document: its cleaned text, sentences, and the span (kind, id, offsets) of every item found in it.

    ``doc_id`` is the store's id or the document's own id.
    """
    if len(doc_id) > 500 or (doc_id.isdigit() and int(doc_id) > MAX_ID):
        raise HTTPException(404, f"no document {doc_id[:50]!r}")
    d = store.document(doc_id)
    if d is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    spans = []
    for mt in d["mentions"]:
        spans.append({"kind": "mention", "id": mt["id"], "start": mt["start"], "end": mt["end"],
                      "sentence": mt["sentence_index"], "label": mt["actor"] or mt["text"]})
    for qt in d["quotes"]:
        spans.append({"kind": "quote", "id": qt["id"], "start": qt["start"], "end": qt["end"],
                      "sentence": qt["sentence_index"], "label": f"{qt['speaker'] or '?'} ({qt['actor'] or '-'})"})
    for e in d["events"]:
        e["score"] = score_of(e["type"], e.get("mode"))
        rec = "→" + ",".join(e["recipients"]) if e["recipients"] else ""
        spans.append({"kind": "event", "id": e["id"], "start": e["start"], "end": e["end"],
                      "sentence": e["sentence_index"], "label": f"{','.join(e['actors'])} {e['type']}{rec}"})
    for p in d["positions"]:
        spans.append({"kind": "position", "id": p["id"], "start": p["start"], "end": p["end"],
                      "sentence": p["sentence_index"], "label": f"{p['holder']} {p['stance']} {p['issue']}"})
    spans.sort(key=lambda s: (s["start"], -s["end"]))
    stats = {"events": len(d["events"]), "quotes": len(d["quotes"]), "positions": len(d["positions"]),
             "mentions": len(d["mentions"])}
    keep = ("id", "ext_id", "title", "date", "outlet", "url", "lang", "duplicate_of", "source", "date_precision",
            "text", "sentences", "stages")
    return {k: d[k] for k in keep} | stats | {
        "spans": spans,
        "items": {"mentions": d["mentions"], "quotes": d["quotes"], "events": d["events"],
                  "positions": d["positions"]},
    }
