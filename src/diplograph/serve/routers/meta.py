"""Health, store statistics and the issue codebook."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends

from diplograph.analyse.issues import codebook
from diplograph.serve.deps import get_store
from diplograph.serve.schemas import IssueOut, Stats

router = APIRouter(prefix="/api", tags=["meta"])


@router.get("/stats", response_model=Stats)
def stats(store: Any = Depends(get_store)) -> dict[str, Any]:
    """How much the store holds, its date range and outlets."""
    from sqlalchemy import func, select

    from diplograph.store import models as m

    with store.Session() as s:
        dmin, dmax = s.execute(select(func.min(m.Document.date), func.max(m.Document.date))).one()
        outlets = sorted(o for o in s.scalars(select(m.Document.outlet).distinct()) if o)
    return {"counts": store.counts(), "date_min": dmin, "date_max": dmax, "outlets": outlets}


@router.get("/issues", response_model=list[IssueOut])
def issues(store: Any = Depends(get_store)) -> list[dict[str, Any]]:
    """The issue codebook with the number of stored positions on each issue."""
    from sqlalchemy import func, select

    from diplograph.store import models as m

    with store.Session() as s:
        counts = dict(s.execute(select(m.Position.issue, func.count()).group_by(m.Position.issue)).all())
    return [{"id": i["id"], "name": i.get("name") or i["id"], "description": i.get("description"),
             "positions": counts.get(i["id"], 0)} for i in codebook()]


@router.get("/event-types")
def event_types() -> list[dict[str, Any]]:
    """The PLOVER event types with their quad class and conflict (-10) to cooperation (+10) score."""
    from diplograph.analyse.plover import event_types as types
    from diplograph.analyse.plover import quad_of, score_of

    return [{"type": t, "quad": quad_of(t), "score": score_of(t)} for t in types()]
