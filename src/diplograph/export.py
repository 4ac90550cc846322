"""Serialise analyses in the evaluation format of ../shared/eval/SCHEMA.md."""

from __future__ import annotations

import json
from typing import IO, Any

from diplograph.model import Analysis


def to_schema(analysis: Analysis) -> dict[str, Any]:
    """One SCHEMA.md prediction line for an analysed document."""
    doc = analysis.doc
    return {
        "id": doc.id,
        "date": doc.date,
        "lang": doc.lang or "nl",
        "actors": analysis.actors(),
        "events": [
            {
                "type": e.type,
                "mode": e.mode,
                "actor": e.actor,
                "recipient": e.recipient,
                "modality": e.modality,
                "condition": e.condition,
                "evidence": e.evidence.text,
                "date": e.date,
            }
            for e in analysis.events
        ],
        "quotes": [
            {"speaker": q.speaker, "actor": q.actor, "text": q.text, "direct": q.direct}
            for q in analysis.quotes
        ],
        "positions": [
            {
                "holder": p.holder,
                "issue": p.issue,
                "stance": p.stance,
                "condition": p.condition,
                "evidence": p.evidence.text,
            }
            for p in analysis.positions
        ],
    }


def export_jsonl(store: Any, out: IO[str], include_duplicates: bool = True) -> int:
    """Write every stored document, with its sentences and findings and both offsets, one JSON line each."""
    n = 0
    for doc_id in store.doc_ids(include_duplicates=include_duplicates):
        out.write(json.dumps(store.document(doc_id), ensure_ascii=False, default=str) + "\n")
        n += 1
    return n


def export_schema(store: Any, out: IO[str], include_duplicates: bool = True) -> int:
    """Write the SCHEMA.md prediction line of every stored document."""
    n = 0
    for doc_id in store.doc_ids(include_duplicates=include_duplicates):
        analysis = store.analysis(doc_id)
        if analysis is not None:
            out.write(json.dumps(to_schema(analysis), ensure_ascii=False) + "\n")
            n += 1
    return n
