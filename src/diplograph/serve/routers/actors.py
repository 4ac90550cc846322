"""Actors: who the store knows, with how often each takes part."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query

from diplograph.serve.deps import Paging, check_code, get_store
from diplograph.serve.schemas import ActorOut, Page

router = APIRouter(prefix="/api/actors", tags=["actors"])


@router.get("", response_model=Page[ActorOut])
def actors(paging: Paging = Depends(), store: Any = Depends(get_store),
           q: str | None = Query(None, max_length=100, description="Part of the code or name")) -> dict[str, Any]:
    """Actors, most mentioned first."""
    rows = store.actors()
    if q:
        needle = q.lower()
        rows = [a for a in rows if needle in a["code"].lower() or needle in (a.get("name") or "").lower()]
    return paging.page(rows)


@router.get("/{code}", response_model=ActorOut)
def actor(code: str, store: Any = Depends(get_store)) -> dict[str, Any]:
    code = check_code(code) or ""
    for a in store.actors():
        if a["code"] == code:
            return a
    raise HTTPException(404, f"no actor {code!r}")
