"""Cleaning with an offset map: remove page furniture, normalise whitespace.

Policy: characters are never rewritten, only removed or (for whitespace) collapsed.
Quotation marks therefore stay exactly as the source wrote them („ “ ” ‘ ’ " ' ,,),
so which mark was used stays visible in ``Document.text``.  Whitespace runs become
one space, one newline, or one blank line (paragraph break); invisible characters
(soft hyphen, zero-width space, BOM) are dropped.  Page furniture (patterns in
``lang/<lang>/furniture.yaml``) is removed.  ``Document.offsets`` maps every offset of
the cleaned text back to the raw text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from diplograph.model import Document, OffsetMap

_INVISIBLE = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"}


@dataclass
class Furniture:
    lines: list[re.Pattern[str]]
    inline: list[re.Pattern[str]]


@lru_cache(maxsize=8)
def load_furniture(lang: str = "nl") -> Furniture:
    """Furniture patterns of ``lang`` (empty when the language has no file)."""
    try:
        raw = resources.files("diplograph").joinpath(f"lang/{lang}/furniture.yaml").read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return Furniture([], [])
    data = yaml.safe_load(raw) or {}
    return Furniture(
        lines=[re.compile(p) for p in data.get("lines") or []],
        inline=[re.compile(p, re.MULTILINE) for p in data.get("inline") or []],
    )


def furniture_ranges(raw: str, start: int = 0, lang: str = "nl") -> list[tuple[int, int]]:
    """Character ranges of ``raw`` (from ``start``) that are page furniture."""
    furn = load_furniture(lang)
    ranges: list[tuple[int, int]] = []
    pos = start
    for line in raw[start:].splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped and any(p.fullmatch(stripped) for p in furn.lines):
            ranges.append((pos, pos + len(body)))
        pos += len(line)
    for pat in furn.inline:
        for m in pat.finditer(raw, start):
            if m.end() > m.start():
                ranges.append((m.start(), m.end()))
    return _merge(ranges)


def _merge(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def clean_text(raw: str, start: int = 0, end: int | None = None, lang: str = "nl",
               remove: list[tuple[int, int]] | None = None) -> tuple[str, OffsetMap]:
    """Clean ``raw[start:end]``; return the text and the map of its offsets into ``raw``.

    ``remove`` adds ranges of ``raw`` to drop besides the furniture.
    """
    end = len(raw) if end is None else end
    drop = _merge(furniture_ranges(raw[:end], start, lang) + list(remove or []))
    # characters kept, with their offsets in raw
    kept: list[tuple[str, int]] = []
    di = 0
    i = start
    while i < end:
        while di < len(drop) and drop[di][1] <= i:
            di += 1
        if di < len(drop) and drop[di][0] <= i < drop[di][1]:
            i = drop[di][1]
            continue
        ch = raw[i]
        if ch not in _INVISIBLE:
            kept.append((ch, i))
        i += 1
    out: list[str] = []
    origin: list[int] = []
    j = 0
    n = len(kept)
    while j < n:
        ch, o = kept[j]
        if not ch.isspace():
            out.append(ch)
            origin.append(o)
            j += 1
            continue
        k = j
        newlines = 0
        while k < n and kept[k][0].isspace():
            if kept[k][0] == "\n" or (kept[k][0] == "\r" and (k + 1 >= n or kept[k + 1][0] != "\n")):
                newlines += 1
            elif kept[k][0] in "\u2028\u2029":
                newlines += 2
            k += 1
        if out and k < n:  # no whitespace at the start or end of the text
            sep = "\n\n" if newlines >= 2 else "\n" if newlines == 1 else " "
            # the separator maps onto the start of the run (a blank line onto its first newline pair)
            for s_i, s_ch in enumerate(sep):
                out.append(s_ch)
                origin.append(o + s_i if o + s_i < kept[k][1] else o)
        j = k
    text = "".join(out)
    points: list[tuple[int, int]] = []
    prev = None
    for idx, o in enumerate(origin):
        if prev is None or o != prev + 1:
            points.append((idx, o))
        prev = o
    if not points:
        points = [(0, start)]
    return text, OffsetMap(points)


def original_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """Map a span of ``doc.text`` to ``doc.raw_text`` so that the span's end follows its last character.

    (An end offset that coincides with a jump over removed furniture would otherwise map past it.)
    """
    return doc.to_original(start, end)


def clean_document(doc: Document, body_start: int = 0, lang: str | None = None) -> Document:
    """Fill ``doc.text`` and ``doc.offsets`` from ``doc.raw_text`` (from ``body_start`` on)."""
    doc.text, doc.offsets = clean_text(doc.raw_text, body_start, lang=lang or doc.lang or "nl")
    return doc
