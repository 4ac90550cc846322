"""Serialise analyses in the evaluation format of ../shared/eval/SCHEMA.md."""

from __future__ import annotations

from typing import Any

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
