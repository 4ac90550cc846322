"""Finds quoted stretches of text: every Dutch quotation style, over sentences and paragraphs.

Which of them are quotations (and not scare quotes or titles) is decided later, by
attribution (see :mod:`diplograph.extract.quotes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.extract.quote_lexicon import QuoteLexicon

_OPEN_CONTEXT = set(" \t\n([{:;—–-/\u00a0") | {""}
_CLOSE_CONTEXT = set(" \t\n)]}.,;:!?—–-/…\u00a0") | {""}


@dataclass
class Quoted:
    """A quoted stretch: ``open``/``close`` include the marks, ``start``/``end`` do not."""

    open: int
    start: int
    end: int
    close: int
    mark: str
    text: str  # the words without marks (continuation marks of later paragraphs removed)


def _marks(text: str, lex: QuoteLexicon) -> list[tuple[int, str, str]]:
    """(offset, mark, role) for every quote mark; role is 'open', 'close' or 'both'."""
    out: list[tuple[int, str, str]] = []
    closers = {c for cs in lex.marks.values() for c in cs}
    i, n = 0, len(text)
    while i < n:
        two = text[i:i + 2]
        if two in lex.marks and len(two) == 2:
            if i + 2 < n and not text[i + 2].isspace():
                out.append((i, two, "open"))
            i += 2
            continue
        if two == "''" and "''" in closers and i and not text[i - 1].isspace():
            out.append((i, two, "close"))
            i += 2
            continue
        c = text[i]
        if c in lex.marks or c in closers:
            before = text[i - 1] if i else ""
            after = text[i + 1] if i + 1 < n else ""
            can_open = c in lex.marks and (before in _OPEN_CONTEXT or before in lex.marks) and after.strip() != ""
            can_close = c in closers and before.strip() != "" and (after in _CLOSE_CONTEXT or after in closers)
            if c in lex.apostrophes:
                if before.isalnum() and after.isalnum():  # auto's, foto’s, Houthi's
                    can_open = can_close = False
                if can_open:
                    word = re.match(r"\w*", text[i + 1:]).group().lower()
                    nxt = text[i + 1 + len(word):i + 2 + len(word)]
                    if word in lex.apostrophe_words and (nxt == "" or not nxt.isalnum()):
                        can_open = False  # 's avonds, 't
                if can_close and before.isdigit():  # the '90s
                    can_close = False
            role = "both" if can_open and can_close else "open" if can_open else "close" if can_close else ""
            if role:
                out.append((i, c, role))
        i += 1
    return out


def find_quoted(text: str, lex: QuoteLexicon) -> list[Quoted]:
    """All quoted stretches of ``text``, outermost first, in text order."""
    marks = _marks(text, lex)
    found: list[Quoted] = []
    k = 0
    while k < len(marks):
        pos, mark, role = marks[k]
        if role != "open" or mark not in lex.marks:
            k += 1
            continue
        accepted = lex.marks[mark]
        cont_marks: list[tuple[int, int]] = []  # reopening marks of continued paragraphs
        j = k + 1
        close_at = None
        limit = pos + lex.max_quote_chars
        while j < len(marks) and marks[j][0] < limit:
            p2, m2, r2 = marks[j]
            prev = marks[j - 1][0] if j > k + 1 else pos
            if "\n" in text[prev:p2]:
                line_start = text.rfind("\n", 0, p2) + 1
                if m2 == mark and r2 == "open" and text[line_start:p2].strip() == "":
                    cont_marks.append((p2, p2 + len(m2)))  # a new paragraph of the same quotation
                    j += 1
                    continue
                break
            if m2 in accepted and r2 in ("close", "both"):
                close_at = j
                break
            j += 1
        if close_at is None:
            k += 1
            continue
        cpos, cmark, _ = marks[close_at]
        start = pos + len(mark)
        s, e = start, cpos
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            words = _strip_continuations(text, s, e, cont_marks)
            found.append(Quoted(pos, s, e, cpos + len(cmark), mark, words))
        k = close_at + 1
    return found


def _strip_continuations(text: str, s: int, e: int, cont: list[tuple[int, int]]) -> str:
    parts, cur = [], s
    for a, b in cont:
        if s <= a < e:
            parts.append(text[cur:a])
            cur = b
    parts.append(text[cur:e])
    words = "".join(parts)
    return re.sub(r"\s*\n\s*", " ", words).strip()
