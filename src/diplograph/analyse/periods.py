"""Dates of uneven precision ("YYYY", "YYYY-MM", "YYYY-MM-DD") grouped into periods, and filters."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from diplograph.analyse.records import EventRecord, PositionRecord, QuoteRecord, Record

GRANULARITIES = ("day", "week", "month", "year")
UNDATED = "undated"
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class BadDate(ValueError):
    """A date parameter that is not YYYY, YYYY-MM or YYYY-MM-DD."""


def parse_bounds(date: str) -> tuple[dt.date, dt.date]:
    """First and last day covered by a date of any precision; raises BadDate."""
    m = _DATE.match(date.strip()) if isinstance(date, str) else None
    if not m:
        raise BadDate(f"bad date {date!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    y, mo, d = int(m[1]), m[2], m[3]
    try:
        if d:
            day = dt.date(y, int(mo), int(d))
            return day, day
        if mo:
            mon = int(mo)
            return dt.date(y, mon, 1), dt.date(y, mon, calendar.monthrange(y, mon)[1])
        return dt.date(y, 1, 1), dt.date(y, 12, 31)
    except ValueError as exc:
        raise BadDate(f"bad date {date!r}: {exc}") from exc


def valid_date(date: str | None) -> str | None:
    """``date`` if it is well formed (or None); raises BadDate otherwise."""
    if date is not None:
        parse_bounds(date)
    return date


def check_granularity(granularity: str) -> str:
    if granularity not in GRANULARITIES:
        raise ValueError(f"bad granularity {granularity!r}: use one of {', '.join(GRANULARITIES)}")
    return granularity


def period_of(date: str | None, granularity: str = "month") -> str:
    """The period key of a date; a date less precise than the granularity keeps its own precision."""
    if not date:
        return UNDATED
    try:
        first, _ = parse_bounds(date)
    except BadDate:
        return UNDATED
    precision = {4: "year", 7: "month", 10: "day"}[len(date.strip())]
    rank = {"day": 0, "week": 1, "month": 2, "year": 3}
    if granularity == "year":
        return date[:4]
    if granularity == "month":
        return date[:7]
    if granularity == "week":
        if precision != "day":
            return date
        iso = first.isocalendar()
        return f"{iso.year}-W{iso.week:02d}"
    if rank[precision] > rank[granularity]:
        return date
    return date[:10]


def period_start(period: str) -> dt.date:
    """The first day of a period key (undated periods sort last)."""
    if period == UNDATED:
        return dt.date.max
    m = re.match(r"^(\d{4})-W(\d{2})$", period)
    if m:
        return dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
    return parse_bounds(period)[0]


def period_sort_key(period: str) -> tuple[dt.date, int]:
    return period_start(period), -len(period)


def date_sort_key(date: str | None) -> tuple[dt.date, int]:
    """Sort key for item dates: by first day, the less precise first."""
    if not date:
        return dt.date.max, 0
    try:
        return parse_bounds(date)[0], len(date)
    except BadDate:
        return dt.date.max, 0


@dataclass
class Filters:
    """The common filters of every analysis and listing."""

    actor: str | None = None
    issue: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    type: str | None = None  # PLOVER event type: keeps only events of that type (positions are unaffected)

    def __post_init__(self) -> None:
        valid_date(self.since)
        valid_date(self.until)
        if self.since and self.until and parse_bounds(self.since)[0] > parse_bounds(self.until)[1]:
            raise BadDate(f"since {self.since} is after until {self.until}")

    def in_range(self, date: str | None) -> bool:
        """True when the item's date overlaps [since, until]; undated items pass only without bounds."""
        if not (self.since or self.until):
            return True
        if not date:
            return False
        try:
            first, last = parse_bounds(date)
        except BadDate:
            return False
        if self.since and last < parse_bounds(self.since)[0]:
            return False
        return not (self.until and first > parse_bounds(self.until)[1])

    def keep(self, rec: Record, actor: bool = True, issue: bool = True) -> bool:
        """Apply the filters to one record (``actor``/``issue`` switch those two filters)."""
        if not self.in_range(rec.date):
            return False
        if self.outlet and (rec.outlet or "").lower() != self.outlet.lower():
            return False
        if self.type and isinstance(rec, EventRecord) and rec.type != self.type:
            return False
        if actor and self.actor and self.actor not in actors_of(rec):
            return False
        if issue and self.issue and isinstance(rec, PositionRecord) and rec.issue != self.issue:
            return False
        return True

    def apply(self, records: Iterable[Record], actor: bool = True, issue: bool = True) -> list[Record]:
        return [r for r in records if self.keep(r, actor=actor, issue=issue)]


def actors_of(rec: Record) -> set[str]:
    """The actor codes a record is about."""
    if isinstance(rec, PositionRecord):
        return {rec.holder}
    if isinstance(rec, EventRecord):
        return set(rec.actor) | set(rec.recipient)
    if isinstance(rec, QuoteRecord):
        return {rec.actor} if rec.actor else set()
    return set()
