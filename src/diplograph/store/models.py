"""The store's tables (SQLAlchemy 2 typed ORM). Portable types only: SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Run(Base):
    __tablename__ = "runs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    started: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    command: Mapped[str | None] = mapped_column(String(200))
    analyzer: Mapped[str | None] = mapped_column(String(50))
    stages: Mapped[list | None] = mapped_column(JSON)  # ["language@1", ...]
    counts: Mapped[dict | None] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(20), default="running")


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("source", "ext_id", name="uq_documents_source_ext_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    ext_id: Mapped[str] = mapped_column(String(500), index=True)
    source: Mapped[str] = mapped_column(String(1000))
    line: Mapped[int | None] = mapped_column(Integer)
    outlet: Mapped[str | None] = mapped_column(String(300), index=True)
    url: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    date_precision: Mapped[str | None] = mapped_column(String(5))
    lang: Mapped[str | None] = mapped_column(String(10))
    raw_text: Mapped[str] = mapped_column(Text)
    text: Mapped[str] = mapped_column(Text)
    offsets: Mapped[list] = mapped_column(JSON)  # [[clean_offset, original_offset], ...]
    meta: Mapped[dict | None] = mapped_column(JSON)
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    duplicate_of: Mapped[int | None] = mapped_column(ForeignKey("documents.id"), index=True)
    similarity: Mapped[float | None] = mapped_column(Float)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"))
    stages: Mapped[list | None] = mapped_column(JSON)  # stage versions that analysed it


class DocumentBand(Base):
    """MinHash LSH bands of first copies: candidates for near-duplicate detection (see ingest.dedup)."""

    __tablename__ = "document_bands"
    __table_args__ = (Index("ix_document_bands_band_hash", "band", "hash"),)
    doc_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    band: Mapped[int] = mapped_column(Integer, primary_key=True)
    hash: Mapped[int] = mapped_column(BigInteger)


class Sentence(Base):
    __tablename__ = "sentences"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    index: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    orig_start: Mapped[int] = mapped_column(Integer)
    orig_end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)


class Actor(Base):
    __tablename__ = "actors"
    code: Mapped[str] = mapped_column(String(50), primary_key=True)
    name: Mapped[str | None] = mapped_column(String(300))
    type: Mapped[str | None] = mapped_column(String(50))


class Anchored:
    """Columns of a found item: its document, sentence and span (cleaned and original offsets)."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    sentence_id: Mapped[int | None] = mapped_column(ForeignKey("sentences.id", ondelete="CASCADE"))
    sentence_index: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    orig_start: Mapped[int] = mapped_column(Integer)
    orig_end: Mapped[int] = mapped_column(Integer)


class Mention(Anchored, Base):
    __tablename__ = "mentions"
    text: Mapped[str] = mapped_column(Text)
    actor: Mapped[str | None] = mapped_column(ForeignKey("actors.code"), index=True)
    person: Mapped[str | None] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))
    confidence: Mapped[float] = mapped_column(Float)
    extractor: Mapped[str] = mapped_column(String(100))
    participant: Mapped[bool] = mapped_column(default=True, server_default=true())


class Quote(Anchored, Base):  # span: the quoted content
    __tablename__ = "quotes"
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    cue_orig_start: Mapped[int | None] = mapped_column(Integer)
    cue_orig_end: Mapped[int | None] = mapped_column(Integer)
    speaker_start: Mapped[int | None] = mapped_column(Integer)
    speaker_end: Mapped[int | None] = mapped_column(Integer)
    speaker_orig_start: Mapped[int | None] = mapped_column(Integer)
    speaker_orig_end: Mapped[int | None] = mapped_column(Integer)
    speaker: Mapped[str | None] = mapped_column(String(300))
    actor: Mapped[str | None] = mapped_column(ForeignKey("actors.code"), index=True)
    text: Mapped[str] = mapped_column(Text)
    direct: Mapped[bool] = mapped_column()
    extractor: Mapped[str] = mapped_column(String(100))


class Event(Anchored, Base):  # span: the evidence
    __tablename__ = "events"
    evidence: Mapped[str] = mapped_column(Text)
    trigger_start: Mapped[int | None] = mapped_column(Integer)
    trigger_end: Mapped[int | None] = mapped_column(Integer)
    trigger_orig_start: Mapped[int | None] = mapped_column(Integer)
    trigger_orig_end: Mapped[int | None] = mapped_column(Integer)
    trigger: Mapped[str | None] = mapped_column(Text)
    type: Mapped[str] = mapped_column(String(20), index=True)
    mode: Mapped[str | None] = mapped_column(String(30))
    actors: Mapped[list] = mapped_column(JSON)
    recipients: Mapped[list] = mapped_column(JSON)
    modality: Mapped[str] = mapped_column(String(20))
    condition: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    date_precision: Mapped[str | None] = mapped_column(String(5))
    quote_id: Mapped[int | None] = mapped_column(ForeignKey("quotes.id", ondelete="SET NULL"))
    extractor: Mapped[str] = mapped_column(String(100))


class EventActor(Base):
    """One row per (event, actor code, role): makes actor filters portable and indexable."""

    __tablename__ = "event_actors"
    __table_args__ = (Index("ix_event_actors_code_role", "code", "role"),)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), primary_key=True)
    code: Mapped[str] = mapped_column(ForeignKey("actors.code"), primary_key=True)
    role: Mapped[str] = mapped_column(String(10), primary_key=True)  # actor | recipient


class Position(Anchored, Base):  # span: the evidence
    __tablename__ = "positions"
    evidence: Mapped[str] = mapped_column(Text)
    holder: Mapped[str] = mapped_column(ForeignKey("actors.code"), index=True)
    issue: Mapped[str] = mapped_column(String(50), index=True)
    stance: Mapped[str] = mapped_column(String(20))
    condition: Mapped[str | None] = mapped_column(Text)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    event_id: Mapped[int | None] = mapped_column(ForeignKey("events.id", ondelete="SET NULL"))
    quote_id: Mapped[int | None] = mapped_column(ForeignKey("quotes.id", ondelete="SET NULL"))
    extractor: Mapped[str] = mapped_column(String(100))


class Error(Base):
    __tablename__ = "errors"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    run_id: Mapped[int | None] = mapped_column(ForeignKey("runs.id"), index=True)
    source: Mapped[str] = mapped_column(String(1000))
    line: Mapped[int | None] = mapped_column(Integer)
    record: Mapped[str | None] = mapped_column(String(500))
    level: Mapped[str] = mapped_column(String(10))
    message: Mapped[str] = mapped_column(Text)
