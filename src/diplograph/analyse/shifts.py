"""Shifts: where an actor's stance on an issue changes from one period to a later one.

Each period gets the actor's prevailing stance on the issue (the most reported; a tie
between different stances makes the period *mixed*, which the contradictions analysis
reports and which neither starts nor ends a shift).  A shift is reported between two
consecutive non-mixed periods with different stances, with the last evidence before
and the first evidence after.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from diplograph.analyse.periods import (
    UNDATED,
    Filters,
    check_granularity,
    date_sort_key,
    period_of,
    period_sort_key,
)
from diplograph.analyse.records import PositionRecord, Record

MIXED = "mixed"


def prevailing(items: list[PositionRecord]) -> str:
    """The most reported stance among ``items``, or 'mixed' on a tie."""
    counts = Counter(p.stance for p in items).most_common()
    if len(counts) > 1 and counts[0][1] == counts[1][1]:
        return MIXED
    return counts[0][0]


def shifts(
    records: Iterable[Record],
    filters: Filters | None = None,
    *,
    granularity: str = "month",
) -> list[dict[str, Any]]:
    """Stance changes per (holder, issue) between consecutive periods, with evidence on both sides."""
    check_granularity(granularity)
    f = filters or Filters()
    series: dict[tuple[str, str], dict[str, list[PositionRecord]]] = defaultdict(lambda: defaultdict(list))
    for r in f.apply(records):
        if isinstance(r, PositionRecord):
            period = period_of(r.date, granularity)
            if period != UNDATED:
                series[(r.holder, r.issue)][period].append(r)

    found = []
    for (holder, issue), by_period in series.items():
        prev: tuple[str, str, list[PositionRecord]] | None = None
        for period in sorted(by_period, key=period_sort_key):
            items = sorted(by_period[period], key=lambda p: (date_sort_key(p.date), p.doc_id, p.start))
            stance = prevailing(items)
            if stance == MIXED:
                continue
            if prev and prev[1] != stance:
                before = [p for p in prev[2] if p.stance == prev[1]][-1]
                after = [p for p in items if p.stance == stance][0]
                found.append({
                    "holder": holder,
                    "issue": issue,
                    "from_period": prev[0],
                    "to_period": period,
                    "from_stance": prev[1],
                    "to_stance": stance,
                    "direction": _direction(prev[1], stance),
                    "before": {"stance": before.stance, "condition": before.condition, "evidence": before.ref()},
                    "after": {"stance": after.stance, "condition": after.condition, "evidence": after.ref()},
                })
            prev = (period, stance, items)
    found.sort(key=lambda s: (period_sort_key(s["to_period"]), s["holder"], s["issue"]))
    return found


_RANK = {"oppose": 0, "conditional": 1, "support": 2}


def _direction(a: str, b: str) -> str:
    """'softening' when moving toward support, 'hardening' toward opposition."""
    return "softening" if _RANK.get(b, 1) > _RANK.get(a, 1) else "hardening"


def shift_rows(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "holder": s["holder"],
            "issue": s["issue"],
            "change": f"{s['from_stance']} → {s['to_stance']}",
            "from": s["from_period"],
            "to": s["to_period"],
            "direction": s["direction"],
            "last_before": f"[{s['before']['evidence']['outlet'] or s['before']['evidence']['doc_name']}] "
            f"{s['before']['evidence']['text']}",
            "first_after": f"[{s['after']['evidence']['outlet'] or s['after']['evidence']['doc_name']}] "
            f"{s['after']['evidence']['text']}",
        }
        for s in found
    ]
