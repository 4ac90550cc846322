"""Contradictions: one actor reported with opposite stances on one issue within one period.

A contradiction is within a period (two reports that cannot both be true at once, or an
actor saying two things); a change between periods is a shift (see shifts.py).
``support`` against ``oppose`` is a *direct* contradiction; ``conditional`` against
``oppose`` is a *partial* one (reported only with ``include_partial``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from diplograph.analyse.periods import Filters, check_granularity, date_sort_key, period_of, period_sort_key
from diplograph.analyse.records import PositionRecord, Record


def contradictions(
    records: Iterable[Record],
    filters: Filters | None = None,
    *,
    granularity: str = "month",
    include_partial: bool = False,
) -> list[dict[str, Any]]:
    """Groups (holder, issue, period) whose positions hold opposite stances, with evidence on each side."""
    check_granularity(granularity)
    f = filters or Filters()
    groups: dict[tuple[str, str, str], list[PositionRecord]] = defaultdict(list)
    for r in f.apply(records):
        if isinstance(r, PositionRecord):
            groups[(r.holder, r.issue, period_of(r.date, granularity))].append(r)

    found = []
    for (holder, issue, period), items in groups.items():
        by = defaultdict(list)
        for p in sorted(items, key=lambda p: (date_sort_key(p.date), p.doc_id, p.start)):
            by[p.stance].append(p)
        if by["oppose"] and by["support"]:
            severity, pro = "direct", by["support"] + (by["conditional"] if include_partial else [])
        elif by["oppose"] and by["conditional"] and include_partial:
            severity, pro = "partial", by["conditional"]
        else:
            continue
        con = by["oppose"]
        outlets = {p.outlet or "" for p in pro + con}
        known = "" not in outlets
        docs = {p.doc_id for p in pro + con}
        found.append({
            "holder": holder,
            "issue": issue,
            "period": period,
            "severity": severity,
            "same_outlet": (len(outlets) == 1) if known else None,  # None: some outlet unknown
            "same_document": len(docs) == 1,
            "outlets": sorted(o for o in outlets if o),
            "for": [_side(p) for p in pro],
            "against": [_side(p) for p in con],
        })
    found.sort(key=lambda c: (period_sort_key(c["period"]), c["holder"], c["issue"]))
    return found


def _side(p: PositionRecord) -> dict[str, Any]:
    return {"stance": p.stance, "condition": p.condition, "evidence": p.ref()}


def contradiction_rows(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Flat rows for table/CSV output: the first evidence on each side."""
    rows = []
    for c in found:
        a, b = c["for"][0]["evidence"], c["against"][0]["evidence"]
        rows.append({
            "period": c["period"],
            "holder": c["holder"],
            "issue": c["issue"],
            "severity": c["severity"],
            "n_for": len(c["for"]),
            "n_against": len(c["against"]),
            "for_evidence": f"[{a['outlet'] or a['doc_name']}] {a['text']}",
            "against_evidence": f"[{b['outlet'] or b['doc_name']}] {b['text']}",
        })
    return rows
