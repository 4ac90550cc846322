"""Plain records the analyses work on: positions, events and quotes with their evidence.

The analyses are pure functions over these records, so they run the same on items
read from the store, from an :class:`~diplograph.model.Analysis`, or built by hand.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from diplograph.analyse.plover import score_of

STANCES = ("support", "conditional", "oppose")


@dataclass(kw_only=True)
class Evidence:
    """Where an item was found: document, date, outlet, sentence and character offsets."""

    id: int | str = 0  # item id (store id, or index within a document)
    doc_id: int | str = ""  # the store's document id (or the document id for in-memory analyses)
    doc_name: str = ""  # the document's own (external) id
    date: str | None = None  # item date, else the document's date ("YYYY", "YYYY-MM", "YYYY-MM-DD")
    outlet: str | None = None
    sentence: int | None = None  # sentence index in the document
    sentence_text: str = ""  # the whole evidence sentence
    evidence: str = ""  # the evidence span text (sentence or clause)
    start: int = 0  # offsets of the evidence span in Document.text
    end: int = 0
    extractor: str = ""

    kind = "item"

    def ref(self) -> dict[str, Any]:
        """A short evidence reference for output: enough to open the article at the item."""
        return {
            "kind": self.kind,
            "id": self.id,
            "doc_id": self.doc_id,
            "doc_name": self.doc_name or str(self.doc_id),
            "date": self.date,
            "outlet": self.outlet,
            "sentence": self.sentence,
            "text": self.sentence_text or self.evidence,
            "start": self.start,
            "end": self.end,
        }

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["kind"] = self.kind
        return d


@dataclass(kw_only=True)
class PositionRecord(Evidence):
    holder: str
    issue: str
    stance: str  # support | oppose | conditional
    condition: str | None = None
    kind = "position"

    def summary(self) -> str:
        cond = f" if {self.condition}" if self.condition else ""
        return f"{self.holder} {self.stance} {self.issue}{cond}"


@dataclass(kw_only=True)
class EventRecord(Evidence):
    type: str
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    mode: str | None = None
    modality: str = "asserted"
    condition: str | None = None
    kind = "event"

    @property
    def score(self) -> float:
        return score_of(self.type, self.mode)

    def summary(self) -> str:
        mode = f"/{self.mode}" if self.mode else ""
        rec = f" → {','.join(self.recipient)}" if self.recipient else ""
        mod = f" ({self.modality})" if self.modality and self.modality != "asserted" else ""
        return f"{','.join(self.actor)} {self.type}{mode}{rec}{mod}"

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        d["score"] = self.score
        return d


@dataclass(kw_only=True)
class QuoteRecord(Evidence):
    text: str
    speaker: str | None = None
    actor: str | None = None
    direct: bool = True
    kind = "quote"

    def summary(self) -> str:
        who = self.speaker or "?"
        return f"{who} ({self.actor or '-'}): “{self.text}”"


Record = PositionRecord | EventRecord | QuoteRecord
