"""Events, quotes and positions, filtered and paginated, each with its evidence."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query

from diplograph.analyse.periods import Filters
from diplograph.analyse.plover import score_of
from diplograph.serve.deps import MAX_ID, Paging, check_code, filters, get_store
from diplograph.serve.schemas import EventOut, Page, PositionOut, QuoteOut

router = APIRouter(prefix="/api", tags=["items"])

ID = Path(..., ge=0, le=MAX_ID, description="The item's id")
Q = Query(None, description="Words to look for in the evidence sentence (case-insensitive).", max_length=200)


def _keep(items: list[dict[str, Any]], f: Filters, q: str | None) -> list[dict[str, Any]]:
    out = [i for i in items if f.in_range(i.get("date"))]
    if q:
        needle = q.lower()
        out = [i for i in out if needle in ((i.get("sentence") or "") + " " + (i.get("evidence") or i.get("text")
                                                                                 or "")).lower()]
    return out


def _event(e: dict[str, Any]) -> dict[str, Any]:
    return e | {"score": score_of(e["type"], e.get("mode"))}


@router.get("/events", response_model=Page[EventOut])
def events(f: Filters = Depends(filters), paging: Paging = Depends(), store: Any = Depends(get_store),
           recipient: str | None = Query(None, description="Recipient actor code"),
           modality: Literal["asserted", "conditional", "hypothetical", "future", "historical", "negated"] | None
           = None, q: str | None = Q) -> dict[str, Any]:
    """Events (PLOVER): ``actor`` matches initiators or recipients; ``issue`` keeps events whose sentence
    carries a position on it."""
    rows = store.events(actor=f.actor, recipient=check_code(recipient, "recipient"), issue=f.issue,
                        type=f.type, outlet=f.outlet, modality=modality, limit=None)
    return paging.page([_event(e) for e in _keep(rows, f, q)])


@router.get("/events/{item_id}", response_model=EventOut)
def event(item_id: int = ID, store: Any = Depends(get_store)) -> dict[str, Any]:
    return _event(_one(store, "events", item_id))


@router.get("/quotes", response_model=Page[QuoteOut])
def quotes(f: Filters = Depends(filters), paging: Paging = Depends(), store: Any = Depends(get_store),
           speaker: str | None = Query(None, max_length=200, description="Part of the speaker's name"),
           direct: bool | None = None, q: str | None = Q) -> dict[str, Any]:
    """Quotes with speaker and the actor the speaker speaks for."""
    rows = store.quotes(actor=f.actor, speaker=speaker, issue=f.issue, outlet=f.outlet, direct=direct, limit=None)
    return paging.page(_keep(rows, f, q))


@router.get("/quotes/{item_id}", response_model=QuoteOut)
def quote(item_id: int = ID, store: Any = Depends(get_store)) -> dict[str, Any]:
    return _one(store, "quotes", item_id)


@router.get("/positions", response_model=Page[PositionOut])
def positions(f: Filters = Depends(filters), paging: Paging = Depends(), store: Any = Depends(get_store),
              stance: Literal["support", "oppose", "conditional"] | None = None,
              q: str | None = Q) -> dict[str, Any]:
    """Positions: what each actor (``actor`` = holder) wants on each issue, with stance and condition."""
    rows = store.positions(actor=f.actor, issue=f.issue, stance=stance, outlet=f.outlet, limit=None)
    return paging.page(_keep(rows, f, q))


@router.get("/positions/{item_id}", response_model=PositionOut)
def position(item_id: int = ID, store: Any = Depends(get_store)) -> dict[str, Any]:
    return _one(store, "positions", item_id)


def _one(store: Any, kind: str, item_id: int) -> dict[str, Any]:
    from sqlalchemy import select

    from diplograph.store import models as m

    table = {"events": m.Event, "quotes": m.Quote, "positions": m.Position}[kind]
    with store.Session() as s:
        doc_id = s.scalar(select(table.doc_id).where(table.id == item_id))
    if doc_id is None:
        raise HTTPException(404, f"no {kind[:-1]} with id {item_id}")
    found = [i for i in getattr(store, kind)(doc_id=doc_id, limit=None, include_duplicates=True)
             if i["id"] == item_id]
    if not found:
        raise HTTPException(404, f"no {kind[:-1]} with id {item_id}")
    return found[0]
