"""Readers: turn files and folders into :class:`~diplograph.model.Document` objects.

Formats (chosen by file extension; folders are walked recursively, hidden entries skipped):

- ``.txt``: the founding format (`` date YYYY-MM`` header, then title and text) or, without
  that header, plain text with an unknown date;
- ``.jsonl`` / ``.ndjson`` / ``.json``: one JSON object per line (or a JSON array) with
  ``id``, ``date``, ``title``, ``text`` and optional ``outlet``, ``url``/``source_url``,
  ``lang``/``language``;
- ``.csv`` / ``.tsv``: the same columns, with a header row;
- ``.html`` / ``.htm``: a saved web page; main text and metadata by trafilatura.

Every problem is yielded as an :class:`IngestError` naming file and line; the reader goes on.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from diplograph.ingest.clean import clean_text
from diplograph.ingest.dates import normalise_date
from diplograph.ingest.errors import IngestError
from diplograph.ingest.langid import identify, normalise_lang
from diplograph.model import Document

Item = Document | IngestError

TEXT_EXT = {".txt"}
JSONL_EXT = {".jsonl", ".ndjson", ".json"}
CSV_EXT = {".csv", ".tsv"}
HTML_EXT = {".html", ".htm"}
SUPPORTED = TEXT_EXT | JSONL_EXT | CSV_EXT | HTML_EXT

_HEADER = re.compile(r"\A[\ufeff\s]*date[ \t]+(\S+)[ \t]*")
_DATEISH = re.compile(r"^\d{4}(?:-\d{1,2}){0,2}$")
_TEXT_KEYS = ("text", "body", "content")
_URL_KEYS = ("url", "source_url", "link")
_LANG_KEYS = ("lang", "language")
_KNOWN_KEYS = {"id", "date", "title", "outlet", *_TEXT_KEYS, *_URL_KEYS, *_LANG_KEYS}


def read_paths(paths: Iterable[str | Path], encoding: str | None = None) -> Iterator[Item]:
    """Documents (cleaned, with a language) and errors from files and folders, in a stable order.

    A file reached twice (named twice, or also inside a named folder) is read once.
    """
    done: set[Path] = set()
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in _walk(path):
                if f.resolve() not in done:
                    done.add(f.resolve())
                    yield from read_file(f, encoding)
        elif path.is_file():
            if path.suffix.lower() not in SUPPORTED:
                yield IngestError(str(path), f"unsupported file type {path.suffix or '(none)'!r}; "
                                             f"expected one of {', '.join(sorted(SUPPORTED))}")
                continue
            if path.resolve() not in done:
                done.add(path.resolve())
                yield from read_file(path, encoding)
        else:
            yield IngestError(str(path), "no such file or folder")


def _walk(folder: Path) -> Iterator[Path]:
    for f in sorted(folder.rglob("*")):
        rel = f.relative_to(folder)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if f.is_file() and f.suffix.lower() in SUPPORTED:
            yield f


def read_file(path: Path, encoding: str | None = None) -> Iterator[Item]:
    """Items of one file, by its extension."""
    src = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield IngestError(src, f"cannot read: {exc.strerror or exc}")
        return
    if not data.strip():
        yield IngestError(src, "empty file")
        return
    ext = path.suffix.lower()
    if ext in TEXT_EXT:
        yield from _read_text(path, data, encoding)
    elif ext in JSONL_EXT:
        yield from _read_jsonl(path, data, encoding)
    elif ext in CSV_EXT:
        yield from _read_csv(path, data, encoding)
    elif ext in HTML_EXT:
        yield from _read_html(path, data, encoding)


# -- decoding -------------------------------------------------------------------------------

def _decode(data: bytes, encoding: str | None) -> str:
    """Decode strictly: UTF-8 (BOM optional), UTF-16 with BOM, or the encoding the user named.

    Undecodable bytes are kept as surrogates (``surrogateescape``), so that a caller can
    find the line they are on and skip only that record.
    """
    if encoding:
        return data.decode(encoding, errors="surrogateescape")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig", errors="surrogateescape")


def _bad_bytes(text: str) -> int | None:
    """Index of the first undecodable byte in a surrogate-escaped string, or None."""
    for i, ch in enumerate(text):
        if "\udc80" <= ch <= "\udcff":
            return i
    return None


def _encoding_error(src: str, text: str, pos: int, line: int | None = None, record: str | None = None) -> IngestError:
    byte = ord(text[pos]) - 0xDC00
    if line is None:
        line = text.count("\n", 0, pos) + 1
    return IngestError(src, f"undecodable byte 0x{byte:02x}: not UTF-8 (unknown encoding; "
                            "convert the file to UTF-8 or name its encoding with --encoding)", line, record)


# -- documents --------------------------------------------------------------------------------

def make_document(doc_id: str, raw: str, *, source: str, line: int | None = None, body_start: int = 0,
                  date: str | None = None, title: str | None = None, lang: str | None = None,
                  outlet: str | None = None, url: str | None = None, meta: dict[str, Any] | None = None,
                  title_from_text: bool = False) -> Document:
    """A cleaned document with a language (identified when ``lang`` is not given)."""
    meta = dict(meta or {})
    lang = normalise_lang(lang)
    if lang is None:
        lang, prob = identify(raw[body_start:])
        meta["lang_identified"] = {"lang": lang, "probability": round(prob, 4)}
    text, offsets = clean_text(raw, body_start, lang=lang or "nl")
    if title_from_text and not title:
        title = _title_of(text)
    return Document(id=doc_id, raw_text=raw, text=text, title=title, date=date, lang=lang, source=source,
                    line=line, outlet=outlet, url=url, offsets=offsets, meta=meta)


def _title_of(text: str) -> str | None:
    """The first line when it reads as a headline (short, own paragraph, no closing full stop)."""
    first, sep, rest = text.partition("\n")
    first = first.strip()
    if not first or not sep or len(first) > 200 or first[-1] in ".:;,":
        return None
    return first


# -- text -------------------------------------------------------------------------------------

def _read_text(path: Path, data: bytes, encoding: str | None) -> Iterator[Item]:
    src = str(path)
    raw = _decode(data, encoding)
    bad = _bad_bytes(raw)
    if bad is not None:
        yield _encoding_error(src, raw, bad)
        return
    date = None
    body_start = 0
    m = _HEADER.match(raw)
    if m and _DATEISH.match(m.group(1)):
        try:
            date = normalise_date(m.group(1))
        except ValueError as exc:
            yield IngestError(src, f"{exc}; date unknown", 1, path.stem, "warning")
        body_start = m.end()
    else:
        yield IngestError(src, "no ' date YYYY-MM' header: read as plain text, date unknown", 1, path.stem, "warning")
    if not raw[body_start:].strip():
        yield IngestError(src, "no text after the date header", 1, path.stem)
        return
    doc = make_document(path.stem, raw, source=src, line=1, body_start=body_start, date=date, title_from_text=True)
    if not doc.text:
        yield IngestError(src, "no text left after removing page furniture", 1, path.stem)
        return
    yield doc


# -- JSON Lines -------------------------------------------------------------------------------

def _read_jsonl(path: Path, data: bytes, encoding: str | None) -> Iterator[Item]:
    src = str(path)
    raw = _decode(data, encoding)
    if path.suffix.lower() == ".json" and raw.lstrip().startswith("["):
        if _bad_bytes(raw) is not None:
            yield _encoding_error(src, raw, _bad_bytes(raw) or 0)
            return
        try:
            records = json.loads(raw)
        except json.JSONDecodeError as exc:
            yield IngestError(src, f"bad JSON: {exc.msg} (column {exc.colno})", exc.lineno)
            return
        for n, rec in enumerate(records, 1):
            yield from read_record(src, n, rec, path.stem, unit="record")
        return
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        bad = _bad_bytes(line)
        if bad is not None:
            yield _encoding_error(src, line, bad, n)
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(src, f"bad JSON: {exc.msg} (column {exc.colno})", n)
            continue
        yield from read_record(src, n, rec, path.stem)


def _first(rec: dict[str, Any], keys: Iterable[str]) -> Any:
    for k in keys:
        v = rec.get(k)
        if v not in (None, ""):
            return v
    return None


def read_record(src: str, n: int, rec: Any, stem: str, unit: str = "line") -> Iterator[Item]:
    """One record (dict with id, date, title, text, outlet, url, lang) -> errors/warnings and the document.

    ``n`` is the record's line (or ``unit`` number) in ``src``; ``stem`` names records without an id.
    """
    if not isinstance(rec, dict):
        yield IngestError(src, f"expected a JSON object, got {type(rec).__name__}", n)
        return
    rec = {str(k).strip().lower(): v for k, v in rec.items()}
    rid = rec.get("id")
    rid = None if rid in (None, "") else str(rid)
    text = _first(rec, _TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        yield IngestError(src, "missing text", n, rid)
        return
    if rid is None:
        rid = f"{stem}-{n}"
        yield IngestError(src, f"missing id: using {rid!r} (from the {unit} number)", n, rid, "warning")
    date = None
    if rec.get("date") in (None, ""):
        yield IngestError(src, "missing date: date unknown", n, rid, "warning")
    else:
        try:
            date = normalise_date(rec["date"])
        except ValueError as exc:
            yield IngestError(src, f"{exc}: date unknown", n, rid, "warning")
    meta = {k: v for k, v in rec.items() if k not in _KNOWN_KEYS and v not in (None, "")}
    if date is not None and str(rec["date"]) != date:
        meta["date_given"] = rec["date"]
    title = rec.get("title")
    doc = make_document(rid, text, source=src, line=n, date=date, title=str(title) if title else None,
                        lang=_first(rec, _LANG_KEYS), outlet=_str(rec.get("outlet")),
                        url=_str(_first(rec, _URL_KEYS)), meta=meta, title_from_text=not title)
    if not doc.text:
        yield IngestError(src, "no text left after removing page furniture", n, rid)
        return
    yield doc


_record = read_record  # the name other modules used first


def _str(v: Any) -> str | None:
    return None if v in (None, "") else str(v)


# -- CSV --------------------------------------------------------------------------------------

def _read_csv(path: Path, data: bytes, encoding: str | None) -> Iterator[Item]:
    src = str(path)
    raw = _decode(data, encoding)
    first_line = raw.split("\n", 1)[0]
    delimiter = "\t" if path.suffix.lower() == ".tsv" else max(",;\t", key=first_line.count)
    csv.field_size_limit(max(csv.field_size_limit(), 50_000_000))  # long articles in one field
    reader = csv.DictReader(io.StringIO(raw, newline=""), delimiter=delimiter)
    fields = [f.strip().lower() for f in reader.fieldnames or []]
    if not any(k in fields for k in _TEXT_KEYS):
        yield IngestError(src, f"no text column in the header (columns: {', '.join(fields) or 'none'})", 1)
        return
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield IngestError(src, f"bad CSV: {exc}", start)
            start = reader.line_num + 1
            continue
        line = start
        start = reader.line_num + 1
        values = " ".join(str(v) for v in row.values() if isinstance(v, str))
        bad = _bad_bytes(values)
        if bad is not None:
            yield _encoding_error(src, values, bad, line, row.get("id") or None)
            continue
        if None in row:
            yield IngestError(src, f"{len(row[None])} more field(s) than the header has", line, row.get("id") or None)
            continue
        yield from read_record(src, line, row, path.stem)


# -- HTML -------------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.IGNORECASE)
_HTML_LANG = re.compile(r"""<html[^>]*\blang\s*=\s*["']?([A-Za-z]{2,3})""", re.IGNORECASE)


def _read_html(path: Path, data: bytes, encoding: str | None) -> Iterator[Item]:
    from trafilatura import bare_extraction

    src = str(path)
    m = _META_CHARSET.search(data[:4096])
    enc = encoding or (m.group(1).decode("ascii") if m else None)
    try:
        html = _decode(data, enc)
    except LookupError:
        html = _decode(data, None)
    bad = _bad_bytes(html)
    if bad is not None:
        yield _encoding_error(src, html, bad)
        return
    result = bare_extraction(html, with_metadata=True, include_comments=False, include_tables=False)
    meta = result.as_dict() if result is not None and hasattr(result, "as_dict") else (result or {})
    text = meta.get("text") or ""
    if not text.strip():
        yield IngestError(src, "no article text found in the HTML page")
        return
    date = None
    try:
        date = normalise_date(meta.get("date"))
    except ValueError:
        date = None
    if date is None:
        yield IngestError(src, "no publication date in the page: date unknown", None, path.stem, "warning")
    lm = _HTML_LANG.search(html[:4096])
    extra = {k: meta[k] for k in ("author", "description", "sitename", "categories", "tags") if meta.get(k)}
    extra["format"] = "html"
    doc = make_document(path.stem, text, source=src, date=date, title=meta.get("title"),
                        lang=lm.group(1) if lm else None, outlet=meta.get("sitename") or meta.get("hostname"),
                        url=meta.get("url"), meta=extra)
    yield doc
