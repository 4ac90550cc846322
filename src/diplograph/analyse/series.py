"""Classic event-data series: per dyad (actor → recipient) and period, event counts and PLOVER scores."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from diplograph.analyse.periods import Filters, check_granularity, period_of, period_sort_key
from diplograph.analyse.plover import quad_of
from diplograph.analyse.records import EventRecord, Record

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


def event_series(
    records: Iterable[Record],
    filters: Filters | None = None,
    *,
    granularity: str = "month",
    directed: bool = True,
    include_unreceived: bool = False,
) -> list[dict[str, Any]]:
    """Rows (source, target, period, count, total_score, mean_score, one count per quad class).

    ``directed=False`` merges A→B and B→A under the alphabetically ordered pair.  Events
    without a recipient are counted under target "" only with ``include_unreceived``.
    """
    check_granularity(granularity)
    f = filters or Filters()
    cells: dict[tuple[str, str, str], list[EventRecord]] = defaultdict(list)
    for e in f.apply(records, issue=False):
        if not isinstance(e, EventRecord):
            continue
        period = period_of(e.date, granularity)
        targets = e.recipient or ([""] if include_unreceived else [])
        for a in e.actor:
            for r in targets:
                if a == r:
                    continue
                key = (a, r) if directed or not r or a < r else (r, a)
                cells[(key[0], key[1], period)].append(e)
    rows = []
    for (a, r, period), evs in sorted(cells.items(), key=lambda kv: (kv[0][0], kv[0][1], period_sort_key(kv[0][2]))):
        total = sum(e.score for e in evs)
        quads = Counter(quad_of(e.type) for e in evs)
        rows.append({
            "source": a,
            "target": r,
            "period": period,
            "count": len(evs),
            "total_score": round(total, 2),
            "mean_score": round(total / len(evs), 2),
            **{q: quads.get(q, 0) for q in QUADS},
            "types": dict(Counter(e.type for e in evs)),
            "evidence": [{"type": e.type, "score": e.score, **e.ref()} for e in evs],
        })
    return rows


def series_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows without the nested evidence, for table/CSV output."""
    return [{k: v for k, v in r.items() if k not in ("evidence", "types")} for r in rows]
