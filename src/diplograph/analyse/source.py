"""Records for the analyses, read from the store or from in-memory analyses."""

from __future__ import annotations

from typing import Any

from diplograph.analyse.records import EventRecord, PositionRecord, QuoteRecord, Record
from diplograph.model import Analysis


def position_record(r: dict[str, Any]) -> PositionRecord:
    """A position as returned by ``Store.positions`` -> record."""
    return PositionRecord(holder=r["holder"], issue=r["issue"], stance=r["stance"], condition=r.get("condition"),
                          **_evidence(r))


def event_record(r: dict[str, Any]) -> EventRecord:
    return EventRecord(type=r["type"], actor=list(r.get("actors") or []), recipient=list(r.get("recipients") or []),
                       mode=r.get("mode"), modality=r.get("modality") or "asserted", condition=r.get("condition"),
                       **_evidence(r))


def quote_record(r: dict[str, Any]) -> QuoteRecord:
    return QuoteRecord(text=r["text"], speaker=r.get("speaker"), actor=r.get("actor"), direct=bool(r.get("direct")),
                       **_evidence(r, evidence=r.get("text") or ""))


def _evidence(r: dict[str, Any], evidence: str | None = None) -> dict[str, Any]:
    return {
        "id": r["id"],
        "doc_id": r["doc_id"],
        "doc_name": r.get("doc_ext_id") or str(r["doc_id"]),
        "date": r.get("date"),
        "outlet": r.get("outlet"),
        "sentence": r.get("sentence_index"),
        "sentence_text": r.get("sentence") or "",
        "evidence": evidence if evidence is not None else r.get("evidence") or "",
        "start": r["start"],
        "end": r["end"],
        "extractor": r.get("extractor") or "",
    }


def load_records(store: Any, *, kinds: tuple[str, ...] = ("position", "event"), outlet: str | None = None,
                 include_duplicates: bool = False) -> list[Record]:
    """Every position/event/quote of the store (duplicate documents left out) as analysis records."""
    out: list[Record] = []
    if "position" in kinds:
        out += [position_record(r) for r in store.positions(limit=None, outlet=outlet,
                                                            include_duplicates=include_duplicates)]
    if "event" in kinds:
        out += [event_record(r) for r in store.events(limit=None, outlet=outlet,
                                                      include_duplicates=include_duplicates)]
    if "quote" in kinds:
        out += [quote_record(r) for r in store.quotes(limit=None, outlet=outlet,
                                                      include_duplicates=include_duplicates)]
    return out


def records_from_analysis(a: Analysis) -> list[Record]:
    """Records of one in-memory analysis (item ids are their indexes within the document)."""
    doc = a.doc
    sent = {s.index: s.text for s in a.sentences}

    def ev(i: int, sentence: int, start: int, end: int, text: str, date: str | None, extractor: str) -> dict:
        return {"id": i, "doc_id": doc.id, "doc_name": doc.id, "date": date or doc.date, "outlet": doc.outlet,
                "sentence": sentence,
                "sentence_text": sent.get(sentence, ""), "evidence": text, "start": start, "end": end,
                "extractor": extractor}

    out: list[Record] = []
    for i, p in enumerate(a.positions):
        out.append(PositionRecord(holder=p.holder, issue=p.issue, stance=p.stance, condition=p.condition,
                                  **ev(i, p.sentence, p.evidence.start, p.evidence.end, p.evidence.text, p.date,
                                       p.extractor)))
    for i, e in enumerate(a.events):
        out.append(EventRecord(type=e.type, actor=list(e.actor), recipient=list(e.recipient), mode=e.mode,
                               modality=e.modality, condition=e.condition,
                               **ev(i, e.sentence, e.evidence.start, e.evidence.end, e.evidence.text, e.date,
                                    e.extractor)))
    for i, q in enumerate(a.quotes):
        out.append(QuoteRecord(text=q.text, speaker=q.speaker, actor=q.actor, direct=q.direct,
                               **ev(i, q.sentence, q.content.start, q.content.end, q.text, None, q.extractor)))
    return out
