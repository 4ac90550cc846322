"""The data that flows through the pipeline: documents, analysis and extracted items.

Offsets: every span is (start, end) into ``Document.text`` (the cleaned text the
pipeline analyses).  ``Document.to_original`` maps such a span back into
``Document.raw_text``, the text exactly as it was read; the store keeps both.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any


@dataclass
class OffsetMap:
    """Maps offsets of a cleaned text back to the original text.

    ``points`` is a sorted list of (clean_offset, original_offset) anchors; a clean
    offset maps to the original offset of the nearest anchor at or before it, plus
    the distance from that anchor.  The identity map has the single anchor (0, 0).
    """

    points: list[tuple[int, int]] = field(default_factory=lambda: [(0, 0)])

    def to_original(self, offset: int) -> int:
        keys = [p[0] for p in self.points]
        i = bisect.bisect_right(keys, offset) - 1
        clean, orig = self.points[max(i, 0)]
        return orig + (offset - clean)


@dataclass
class Document:
    """One article as read from its source."""

    id: str
    raw_text: str
    text: str = ""
    title: str | None = None
    date: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    lang: str | None = None
    source: str | None = None  # file path or input name
    line: int | None = None  # line or record number in the source, 1-based
    outlet: str | None = None
    url: str | None = None
    offsets: OffsetMap = field(default_factory=OffsetMap)
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.text:
            self.text = self.raw_text

    @property
    def date_precision(self) -> str | None:
        """'year', 'month' or 'day' for the publication date, None when unknown."""
        return date_precision(self.date)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of ``text`` to the same span in ``raw_text``.

        The end follows the span's last character, so an end that coincides with a
        jump over removed text (page furniture) does not map past that text.
        """
        s = self.offsets.to_original(start)
        return s, (self.offsets.to_original(end - 1) + 1 if end > start else s)


def date_precision(date: str | None) -> str | None:
    if not date:
        return None
    return {4: "year", 7: "month", 10: "day"}.get(len(date))


@dataclass
class Token:
    """A token; ``start``/``end`` are offsets into ``Document.text``."""

    i: int  # index within its sentence
    text: str
    start: int
    end: int
    lemma: str = ""
    pos: str = ""  # coarse tag (N, WW, ADJ, VZ, LID, VNW, SPEC, LET, ...) or UD-like
    ner: str = "O"  # BIO entity tag: B-PER, I-ORG, B-LOC, B-MISC, O
    head: int = -1  # index of the head token within the sentence, -1 for the root
    rel: str = ""  # dependency relation to the head
    tag: str = ""  # full tag from the tagger, e.g. "WW(pv,verl,ev)" (CGN); pos is its main part


@dataclass
class Sentence:
    index: int  # position in the document
    start: int
    end: int
    text: str
    tokens: list[Token] = field(default_factory=list)
    parsed: bool = False  # True when the full parser (lemmas, deps) has seen it


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class Mention:
    """A mention of a political actor (or a media source) in the text."""

    span: Span
    sentence: int
    actor: str | None  # canonical actor code (SCHEMA.md), None if unresolved
    person: str | None = None  # canonical person name, when a person
    kind: str = "name"  # name | metonym | adjective | role | pronoun | coref | source
    confidence: float = 1.0
    extractor: str = ""
    participant: bool = True  # False: the actor is only named (a place, a newspaper's nationality ...)


@dataclass
class Quote:
    text: str
    content: Span
    sentence: int
    direct: bool
    speaker: str | None = None
    speaker_span: Span | None = None
    actor: str | None = None
    cue: Span | None = None
    extractor: str = ""


@dataclass
class Event:
    type: str
    actor: list[str]
    recipient: list[str]
    evidence: Span
    sentence: int
    mode: str | None = None
    modality: str = "asserted"
    condition: str | None = None
    date: str | None = None
    date_precision: str | None = None
    trigger: Span | None = None
    quote: int | None = None  # index into Analysis.quotes when reported through speech
    extractor: str = ""


@dataclass
class Position:
    holder: str
    issue: str
    stance: str  # support | oppose | conditional
    evidence: Span
    sentence: int
    condition: str | None = None
    date: str | None = None
    event: int | None = None  # index into Analysis.events
    quote: int | None = None  # index into Analysis.quotes
    extractor: str = ""


@dataclass
class Analysis:
    """A document with everything the pipeline found in it."""

    doc: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    positions: list[Position] = field(default_factory=list)
    stages: list[str] = field(default_factory=list)  # "name@version" of stages that ran

    def sentence_at(self, offset: int) -> Sentence | None:
        for s in self.sentences:
            if s.start <= offset < s.end:
                return s
        return None

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self.doc.text[start:end])

    def actors(self) -> list[str]:
        """Codes of the political actors taking part (media sources excluded).

        A code whose every mention is a non-participant (a place, "de Britse krant") is left
        out even when a later stage used it; codes that no mention names are kept.
        """
        named = {m.actor for m in self.mentions if m.actor and m.kind != "source"}
        codes = {m.actor for m in self.mentions if m.actor and m.kind != "source" and m.participant}
        found: set[str] = set()
        for e in self.events:
            found.update(e.actor)
            found.update(e.recipient)
        found.update(q.actor for q in self.quotes if q.actor)
        found.update(p.holder for p in self.positions)
        codes.update(c for c in found if c not in named)
        return sorted(codes)
