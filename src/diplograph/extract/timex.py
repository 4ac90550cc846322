"""Time expressions: find them in a sentence and resolve them against the publication date.

``resolve(text, pub)`` returns :class:`Timex` items with the date as ``YYYY``, ``YYYY-MM`` or
``YYYY-MM-DD`` and a precision of ``year``, ``month``, ``week`` or ``day``.  A relative day
(a weekday, "gisteren") under a publication date known only to the month keeps month precision.
Vocabulary comes from ``lang/<lang>/time.yaml``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from diplograph.extract.event_triggers import load_yaml


@dataclass
class Timex:
    start: int
    end: int
    text: str
    date: str
    precision: str  # year | month | week | day
    days_before: int | None  # days between this date and publication (positive: before), None if unknown
    bare_weekday: bool = False  # a weekday without last/next: past or coming depends on the verb's tense
    # after a deadline or boundary word ("tot 30 juni", "na eind juni"): a limit, not when something happens
    deadline: bool = False

    @property
    def background(self) -> bool:
        """About a month or more before publication."""
        return self.days_before is not None and self.days_before >= 28

    @property
    def future(self) -> bool:
        return self.days_before is not None and self.days_before < 0


@dataclass
class PubDate:
    """The publication date with the anchor used for arithmetic (mid-month or mid-year when partial)."""

    anchor: date
    precision: str  # year | month | day

    @classmethod
    def parse(cls, value: str | None) -> PubDate | None:
        if not value:
            return None
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip()[:10])
        if not m:
            return None
        y, mo, d = m.group(1), m.group(2), m.group(3)
        if d:
            return cls(date(int(y), int(mo), int(d)), "day")
        if mo:
            return cls(date(int(y), int(mo), 15), "month")
        return cls(date(int(y), 7, 1), "year")

    def render(self) -> str:
        a = self.anchor
        return {"day": a.isoformat(), "month": f"{a.year:04d}-{a.month:02d}", "year": f"{a.year:04d}"}[self.precision]


@cache
def _vocab(lang: str) -> dict[str, Any]:
    return load_yaml(lang, "time") or {}


def _alts(words: Any) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


@cache
def _regexes(lang: str) -> dict[str, re.Pattern[str]]:
    v = _vocab(lang)
    if not v:
        return {}
    months = _alts(v["months"])
    wd = _alts(v["weekdays"])
    parts = _alts(v["day_parts"])
    past, fut, this = _alts(v["past"]), _alts(v["future"]), _alts(v["this"])
    units, nums = _alts(v["units"]), _alts(v["numbers"])
    mparts = _alts(v["month_parts"])
    b = r"(?<![\w-])"
    e = r"(?![\w-])"
    return {
        "full": re.compile(b + rf"(\d{{1,2}})\s+({months})\.?(?:\s+(\d{{4}}))?" + e, re.I),
        "month": re.compile(
            b + rf"(?:({mparts})\s+|({past}|{fut})\s+)?({months})(?:\s+(\d{{4}})|\s+(vorig|volgend)\s+jaar)?" + e,
            re.I),
        "season": re.compile(b + rf"({past}|{fut}|{this})\s+({_alts(v['seasons'])})" + e, re.I),
        "year": re.compile(b + rf"(?:(?:{_alts(v['year_preps'])})\s+)((?:19|20)\d\d)" + e, re.I),
        "weekday": re.compile(b + rf"(?:({past}|{fut})\s+)?({wd})(?:{parts})?" + e, re.I),
        "day": re.compile(b + rf"({_alts(v['days'])})" + e, re.I),
        "rel": re.compile(b + rf"({past}|{fut}|{this})\s+({units})" + e, re.I),
        "ago": re.compile(b + rf"({nums}|\d+)\s+({units})\s+(?:{_alts(v['ago'])})" + e, re.I),
        "ahead": re.compile(b + rf"(?:{_alts(v['ahead'])})\s+({nums}|\d+)\s+({units})" + e, re.I),
        "plainyear": re.compile(b + r"(vorig|volgend)\s+jaar" + e, re.I),
        **({"yearpart": re.compile(b + rf"({_alts(v['year_parts'])})\s+({_alts(v['year_words'])})\s+jaar" + e, re.I)}
           if v.get("year_parts") else {}),
        **({"decade": re.compile(b + rf"(?:(?:{_alts(v['year_parts'])})\s+)?(?:de\s+)?jaren\s+"
                                 rf"({_alts(v['decades'])}|'?\d0)" + e, re.I)} if v.get("decades") else {}),
        **({"century": re.compile(b + rf"(?:{_alts(v['century'])})" + e, re.I)} if v.get("century") else {}),
        **({"clock": re.compile(b + rf"(?:{_alts(v['clock_before'])})\s+\d{{1,2}}(?:[.:]\d{{2}})?\s+"
                                rf"(?:{_alts(v['clock_unit'])})" + e, re.I)} if v.get("clock_before") else {}),
    }


def _shift_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _fmt(d: date, precision: str) -> str:
    if precision == "year":
        return f"{d.year:04d}"
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return d.isoformat()


def resolve(text: str, pub: str | PubDate | None, lang: str = "nl", future_context: bool = False,
            past_context: bool = False) -> list[Timex]:
    """Time expressions in ``text`` resolved against the publication date ``pub``.

    ``future_context``: the clause speaks of what is to come, so a bare weekday is the next one and a
    month or date without a year lies ahead.  ``past_context``: the clause is in a past tense, so such a
    month or date lies behind.  With neither, a month or date without a year is the nearest one.
    Without a publication date only absolute dates (with a year) are resolved.
    """
    rx = _regexes(lang)
    if not rx:
        return []
    v = _vocab(lang)
    p = pub if isinstance(pub, PubDate) or pub is None else PubDate.parse(pub)
    found: list[Timex] = []
    taken: list[tuple[int, int]] = []

    dl = re.compile(r"(?:^|\W)(?:" + _alts(v["deadline"]) + r")\s+$", re.I) if v.get("deadline") else None

    bd = re.compile(r"(?:^|\W)(?:" + _alts(v["boundary"]) + r")\s+$", re.I) if v.get("boundary") else None

    def deadline(pos: int) -> bool:
        """A deadline word right before ``pos`` ("tot 30 juni")."""
        return dl is not None and dl.search(text[max(0, pos - 20):pos]) is not None

    def boundary(pos: int) -> bool:
        """A deadline or a boundary word right before ``pos`` ("na eind juni", "voor 22 mei")."""
        return deadline(pos) or (bd is not None and bd.search(text[max(0, pos - 20):pos]) is not None)

    def add(m: re.Match[str], d: date, precision: str, bare_weekday: bool = False) -> None:
        if any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        before = (p.anchor - d).days if p else None
        if p and precision in ("month", "year") and p.precision != "day":
            # Compare like with like: a month against the publication month.
            before = (p.anchor.year - d.year) * 365 + (p.anchor.month - d.month) * 30 if precision == "month" else \
                (p.anchor.year - d.year) * 365
        found.append(Timex(m.start(), m.end(), m.group(), _fmt(d, precision), precision, before, bare_weekday,
                           boundary(m.start())))

    past_words = {w.lower() for w in v["past"]}
    fut_words = {w.lower() for w in v["future"]}

    for m in rx["full"].finditer(text):
        day, month = int(m.group(1)), v["months"][m.group(2).lower()]
        if not 1 <= day <= 31:
            continue
        if m.group(3):
            year = int(m.group(3))
        elif p:
            year = p.anchor.year
            if p.precision != "year":
                year = _year_of(p.anchor, month, day, forward=future_context or deadline(m.start()),
                                backward=past_context, grace=7)
        else:
            continue
        try:
            add(m, date(year, month, day), "day")
        except ValueError:
            continue

    for m in rx["month"].finditer(text):
        part, rel, mname, year_s, relyear = m.groups()
        month = v["months"][mname.lower()]
        if mname.lower() in ("mei",) or len(mname) > 3 or part or rel or year_s:
            pass
        else:
            continue  # short forms ("dec") only with context
        if mname.lower() == "mei" and not (part or rel or year_s or relyear) and not re.search(
                r"(?:in|sinds|van|tot|eind|begin|half)\s+$", text[:m.start()], re.I):
            continue  # "mei" the month, not a word; demand a preposition
        if year_s:
            year = int(year_s)
        elif not p:
            continue
        elif relyear:
            year = p.anchor.year + (-1 if relyear.lower() == "vorig" else 1)
        else:
            year = p.anchor.year
            backward = bool(rel and rel.lower() in past_words)
            forward = not backward and bool((rel and rel.lower() in fut_words) or future_context
                                            or deadline(m.start()))
            if p.precision != "year":
                if month == p.anchor.month:
                    year -= 1 if backward else 0
                else:
                    year = _year_of(p.anchor, month, 15, forward=forward, backward=backward or past_context)
        day = {"early": 5, "mid": 15, "late": 25}.get(v["month_parts"].get((part or "").lower(), ""), 15)
        add(m, date(year, month, day), "month")

    if p:
        for m in rx["season"].finditer(text):
            rel, season = m.group(1).lower(), m.group(2).lower()
            month = v["seasons"][season]
            year = p.anchor.year + (-1 if rel in past_words else 1 if rel in fut_words else 0)
            add(m, date(year, month, 15), "month")

    for m in rx["year"].finditer(text):
        add(m, date(int(m.group(1)), 7, 1), "year")
        if p and found and found[-1].start == m.start() and int(m.group(1)) == p.anchor.year \
                and p.precision != "year":
            found[-1].days_before = None  # "in 2019" in an article of 2019: before or after is not known

    for m in rx["decade"].finditer(text) if "decade" in rx else ():
        # "de jaren negentig", "begin jaren 60": a decade of the last century, long before any article
        word = m.group(1).lower().lstrip("'")
        n = int(word) if word.isdigit() else int(v["decades"].get(word, 0))
        if 10 <= n <= 90:
            add(m, date(1900 + n + 5, 1, 1), "year")
    for m in rx["century"].finditer(text) if "century" in rx else ():
        add(m, date(1950, 1, 1), "year")

    if not p:
        return sorted(found, key=lambda t: t.start)

    for m in rx["yearpart"].finditer(text) if "yearpart" in rx else ():
        month = v["year_parts"][m.group(1).lower()]
        year = p.anchor.year + int(v["year_words"][m.group(2).lower()])
        add(m, date(year, month, 15), "month")

    for m in rx["plainyear"].finditer(text):
        add(m, date(p.anchor.year + (-1 if m.group(1).lower() == "vorig" else 1), 7, 1), "year")

    for m in rx["ago"].finditer(text):
        n = _number(m.group(1), v)
        unit = v["units"][m.group(2).lower()]
        add(m, _offset(p.anchor, unit, -n), unit if unit != "day" else "day")

    for m in rx["ahead"].finditer(text):
        n = _number(m.group(1), v)
        unit = v["units"][m.group(2).lower()]
        add(m, _offset(p.anchor, unit, n), unit)

    for m in rx["rel"].finditer(text):
        rel, unit = m.group(1).lower(), v["units"][m.group(2).lower()]
        n = -1 if rel in past_words else 1 if rel in fut_words else 0
        d = _offset(p.anchor, unit, n)
        prec = unit if unit != "day" else "day"
        if p.precision == "month" and unit in ("week", "day"):
            prec = "month"
        elif p.precision == "year" and unit != "year":
            prec = "year"
        add(m, d, prec)

    for m in rx["weekday"].finditer(text):
        rel = (m.group(1) or "").lower()
        wd = v["weekdays"][m.group(2).lower()]
        if p.precision != "day":
            add(m, p.anchor, p.precision, bare_weekday=not rel)
            continue
        delta = (p.anchor.weekday() - wd) % 7  # days back to the most recent such day
        if rel in fut_words or (future_context and rel not in past_words):
            d = p.anchor + timedelta(days=(wd - p.anchor.weekday()) % 7 or 7)
        else:
            if rel in past_words and delta == 0:
                delta = 7
            d = p.anchor - timedelta(days=delta)
        add(m, d, "day", bare_weekday=not rel)

    for m in rx["clock"].finditer(text) if "clock" in rx else ():
        add(m, p.anchor, "day" if p.precision == "day" else p.precision, bare_weekday=True)

    for m in rx["day"].finditer(text):
        word = m.group(1).lower()
        offset = v["days"].get(word, v["days"].get(m.group(1), 0))
        later = word in {w.lower() for w in v.get("later_today", [])}
        if p.precision == "day":
            add(m, p.anchor + timedelta(days=offset), "day", bare_weekday=later)
        else:
            add(m, p.anchor, p.precision, bare_weekday=later)
    return sorted(found, key=lambda t: t.start)


def _year_of(anchor: date, month: int, day: int, forward: bool, backward: bool, grace: int = 0) -> int:
    """The year of a month and day given without one: ahead of publication when ``forward``, behind it
    when ``backward`` (up to ``grace`` days ahead still counts as this year); else ahead only when it is
    at most three months ahead ("de EU-top van 10 april" in an article of 2 April), behind otherwise."""
    y = anchor.year
    this = date(y, month, min(day, calendar.monthrange(y, month)[1]))
    if forward:
        return y if this >= anchor - timedelta(days=grace) else y + 1
    if backward:
        return y if this <= anchor + timedelta(days=grace) else y - 1
    if this <= anchor + timedelta(days=grace):
        return y
    return y if (this - anchor).days <= 92 else y - 1


def _number(word: str, v: dict[str, Any]) -> int:
    return int(word) if word.isdigit() else int(v["numbers"].get(word.lower(), 1))


def _offset(d: date, unit: str, n: int) -> date:
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    if unit == "month":
        return _shift_months(d, n)
    return date(d.year + n, d.month, min(d.day, 28))
