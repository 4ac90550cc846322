"""Pydantic response models of the HTTP API (extra fields of the store pass through)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(BaseModel, Generic[T]):
    """One page of a listing: ``total`` items match, ``items`` holds those from ``offset``."""

    total: int
    limit: int
    offset: int
    items: list[T]


class ItemBase(Open):
    id: int
    doc_id: int
    doc_ext_id: str | None = None
    title: str | None = None
    outlet: str | None = None
    date: str | None = None
    sentence_index: int | None = None
    sentence: str | None = Field(None, description="The evidence sentence.")
    start: int = Field(description="Start of the evidence in the document's cleaned text.")
    end: int
    orig_start: int | None = Field(None, description="Start of the evidence in the raw text as read.")
    orig_end: int | None = None
    extractor: str | None = Field(None, description="stage@version that produced the item.")


class PositionOut(ItemBase):
    holder: str
    issue: str
    stance: str
    condition: str | None = None
    evidence: str | None = None


class EventOut(ItemBase):
    type: str
    mode: str | None = None
    actors: list[str]
    recipients: list[str]
    modality: str | None = None
    condition: str | None = None
    evidence: str | None = None
    score: float | None = Field(None, description="PLOVER conflict (-10) to cooperation (+10) score.")


class QuoteOut(ItemBase):
    text: str
    speaker: str | None = None
    actor: str | None = None
    direct: bool


class DocumentOut(Open):
    id: int
    ext_id: str
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    url: str | None = None
    lang: str | None = None
    duplicate_of: int | None = None
    events: int = 0
    quotes: int = 0
    positions: int = 0
    mentions: int = 0


class SpanOut(BaseModel):
    kind: str = Field(description="mention, quote, event or position")
    id: int
    start: int
    end: int
    sentence: int | None = None
    label: str


class SentenceOut(BaseModel):
    index: int
    start: int
    end: int
    text: str


class DocumentDetail(DocumentOut):
    text: str
    sentences: list[SentenceOut]
    spans: list[SpanOut] = Field(description="Every item's evidence span in ``text``, with kind and id.")
    items: dict[str, list[dict[str, Any]]] = Field(description="The items found in the document, per kind.")


class ActorOut(Open):
    code: str
    name: str | None = None
    type: str | None = None
    mentions: int = 0
    documents: int = 0
    events: int = 0
    quotes: int = 0
    positions: int = 0


class IssueOut(BaseModel):
    id: str
    name: str
    description: str | None = None
    positions: int = 0


class Stats(BaseModel):
    counts: dict[str, int]
    date_min: str | None = None
    date_max: str | None = None
    outlets: list[str] = []


class IngestDocument(BaseModel):
    id: str = Field(description="Document id, unique within its source.")
    text: str
    date: str | None = Field(None, description="YYYY, YYYY-MM or YYYY-MM-DD")
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    lang: str | None = None


class IngestRequest(BaseModel):
    documents: list[IngestDocument] = Field(min_length=1, max_length=1000)
    source: str = Field("api", description="Name of the source the documents come from.")


class IngestResult(BaseModel):
    run_id: int
    stored: int
    existing: int
    duplicates: int
    doc_ids: list[int | None]
    problems: list[str]


class AnalysisOut(Open):
    """An analysis result: ``data`` with full evidence, ``rows`` flat for tables."""

    analysis: str
    params: dict[str, Any]
    data: Any
    rows: list[dict[str, Any]]
