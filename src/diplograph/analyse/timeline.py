"""Timeline: an actor's (or a dyad's) events and positions over time, per issue, with evidence."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from diplograph.analyse.periods import Filters, check_granularity, date_sort_key, period_of, period_sort_key
from diplograph.analyse.records import EventRecord, PositionRecord, Record

EVENTS_LANE = "events"


def _in_dyad(rec: Record, a: str, b: str) -> bool:
    if isinstance(rec, EventRecord):
        return (a in rec.actor and b in rec.recipient) or (b in rec.actor and a in rec.recipient)
    if isinstance(rec, PositionRecord):
        return rec.holder in (a, b)
    return False


def timeline(
    records: Iterable[Record],
    filters: Filters | None = None,
    *,
    dyad: tuple[str, str] | None = None,
    granularity: str = "month",
) -> dict[str, Any]:
    """Group positions (per issue) and events (one lane) of an actor or dyad into periods.

    With an issue filter, events are kept only where their sentence also carries a
    position on that issue.  Returns ``{"granularity", "periods", "lanes", "buckets", "items"}``;
    each bucket is one (period, lane) cell with its items and stance counts.
    """
    check_granularity(granularity)
    f = filters or Filters()
    recs = [r for r in records if isinstance(r, PositionRecord | EventRecord)]
    recs = f.apply(recs, actor=dyad is None, issue=False)
    if dyad:
        recs = [r for r in recs if _in_dyad(r, *dyad)]
    if f.issue:
        on_issue = {(p.doc_id, p.sentence) for p in recs if isinstance(p, PositionRecord) and p.issue == f.issue}
        recs = [
            r for r in recs
            if (isinstance(r, PositionRecord) and r.issue == f.issue)
            or (isinstance(r, EventRecord) and (r.doc_id, r.sentence) in on_issue)
        ]
    recs.sort(key=lambda r: (date_sort_key(r.date), r.doc_id, r.start))

    cells: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for r in recs:
        lane = r.issue if isinstance(r, PositionRecord) else EVENTS_LANE
        cells[(period_of(r.date, granularity), lane)].append(r)

    periods = sorted({p for p, _ in cells}, key=period_sort_key)
    lanes = sorted({lane for _, lane in cells}, key=lambda x: (x == EVENTS_LANE, x))
    buckets = []
    for (period, lane), items in sorted(cells.items(), key=lambda kv: (period_sort_key(kv[0][0]), kv[0][1])):
        stances = Counter(i.stance for i in items if isinstance(i, PositionRecord))
        scores = [i.score for i in items if isinstance(i, EventRecord)]
        buckets.append({
            "period": period,
            "lane": lane,
            "count": len(items),
            "stances": dict(stances),
            "mean_score": round(sum(scores) / len(scores), 2) if scores else None,
            "items": [item_row(i, granularity) for i in items],
        })
    return {
        "granularity": granularity,
        "actor": f.actor,
        "dyad": list(dyad) if dyad else None,
        "issue": f.issue,
        "periods": periods,
        "lanes": lanes,
        "buckets": buckets,
        "items": [item_row(r, granularity) for r in recs],
    }


def item_row(r: Record, granularity: str = "month") -> dict[str, Any]:
    """One item for output: what it says and where its evidence is."""
    row: dict[str, Any] = {
        "period": period_of(r.date, granularity),
        "kind": r.kind,
        "summary": r.summary(),
        "evidence": r.ref(),
    }
    if isinstance(r, PositionRecord):
        row.update(lane=r.issue, holder=r.holder, issue=r.issue, stance=r.stance, condition=r.condition)
    elif isinstance(r, EventRecord):
        row.update(lane=EVENTS_LANE, type=r.type, mode=r.mode, actor=r.actor, recipient=r.recipient,
                   modality=r.modality, score=r.score)
    return row


def timeline_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    """Flat rows for table/CSV output."""
    return [
        {
            "period": i["period"],
            "lane": i["lane"],
            "kind": i["kind"],
            "item": i["summary"],
            "outlet": i["evidence"]["outlet"] or "",
            "doc": i["evidence"]["doc_name"],
            "evidence": i["evidence"]["text"],
        }
        for i in result["items"]
    ]
