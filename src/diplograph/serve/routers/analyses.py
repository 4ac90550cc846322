"""The analyses over HTTP: JSON with full evidence, or CSV rows with ``format=csv``."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import PlainTextResponse, Response

from diplograph.analyse import service
from diplograph.analyse.output import to_csv
from diplograph.analyse.periods import Filters
from diplograph.serve.deps import bad, check_code, filters, get_store
from diplograph.serve.schemas import AnalysisOut

router = APIRouter(prefix="/api/analyses", tags=["analyses"])

Granularity = Literal["day", "week", "month", "year"]
Format = Literal["json", "csv"]
BY = Query("month", description="Period: day, week, month or year")
FMT = Query("json", description="json (full, with evidence) or csv (flat rows)")


def _out(name: str, f: Filters, params: dict[str, Any], result: service.Result, fmt: str) -> Any:
    data, rows = result
    if fmt == "csv":
        return PlainTextResponse(to_csv(rows), media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    p = {k: v for k, v in vars(f).items() if v is not None} | {k: v for k, v in params.items() if v is not None}
    return {"analysis": name, "params": p, "data": data, "rows": rows}


RESP: dict[int | str, dict[str, Any]] = {200: {"content": {"text/csv": {}}}}


@router.get("/timeline", response_model=AnalysisOut, responses=RESP)
def timeline(f: Filters = Depends(filters), store: Any = Depends(get_store), by: Granularity = BY,
             with_: str | None = Query(None, alias="with", description="Second actor: the dyad's timeline"),
             format: Format = FMT) -> Any:
    """An actor's or a dyad's events and positions over time, per issue (lane), with evidence."""
    other = check_code(with_, "with")
    if other and not f.actor:
        raise bad("'with' needs 'actor'")
    if other and other == f.actor:
        raise bad("'with' must be another actor than 'actor'")
    dyad = (f.actor, other) if other and f.actor else None
    return _out("timeline", f, {"by": by, "with": other}, service.run_timeline(store, f, dyad, by), format)


@router.get("/shifts", response_model=AnalysisOut, responses=RESP)
def shifts(f: Filters = Depends(filters), store: Any = Depends(get_store), by: Granularity = BY,
           format: Format = FMT) -> Response | dict[str, Any]:
    """Stance changes of an actor on an issue between periods, with the last evidence before and first after."""
    return _out("shifts", f, {"by": by}, service.run_shifts(store, f, by), format)


@router.get("/contradictions", response_model=AnalysisOut, responses=RESP)
def contradictions(f: Filters = Depends(filters), store: Any = Depends(get_store), by: Granularity = BY,
                   partial: bool = Query(False, description="Also conditional against oppose"),
                   format: Format = FMT) -> Any:
    """Same actor, issue and period reported with opposite stances."""
    return _out("contradictions", f, {"by": by, "partial": partial},
                service.run_contradictions(store, f, by, partial), format)


@router.get("/negotiation", response_model=AnalysisOut, responses=RESP)
def negotiation(f: Filters = Depends(filters), store: Any = Depends(get_store),
                parties: str = Query(..., description="Two or more actor codes, comma-separated: UKR,RUS",
                                     max_length=500),
                format: Format = FMT) -> Any:
    """Issue × party matrix (stance, conditions, preconditions, evidence) and the issues that block agreement."""
    codes = [check_code(p, "party") for p in parties.split(",") if p.strip()]
    codes = [c for c in dict.fromkeys(codes) if c]
    if len(codes) < 2:
        raise bad("give at least two different parties, e.g. parties=UKR,RUS")
    return _out("negotiation", f, {"parties": codes}, service.run_negotiation(store, f, codes), format)


@router.get("/network", response_model=AnalysisOut, responses=RESP)
def network(f: Filters = Depends(filters), store: Any = Depends(get_store),
            dyads: str | None = Query(None, description="Conflict dyads A-B, comma-separated (default: listed "
                                                        "opponents and negative pairs)", max_length=500),
            format: Format = FMT) -> Any:
    """Directed actor network of events weighted by PLOVER score; mediators of conflict dyads."""
    pairs = None
    if dyads:
        pairs = []
        for d in dyads.split(","):
            ab = [check_code(x, "dyad") for x in d.split("-")]
            if len(ab) != 2 or not all(ab) or ab[0] == ab[1]:
                raise bad(f"bad dyad {d!r}: use A-B, e.g. RUS-UKR")
            pairs.append((ab[0], ab[1]))
    return _out("network", f, {"dyads": dyads}, service.run_network(store, f, pairs), format)


@router.get("/series", response_model=AnalysisOut, responses=RESP)
def series(f: Filters = Depends(filters), store: Any = Depends(get_store), by: Granularity = BY,
           directed: bool = True, format: Format = FMT) -> Any:
    """Event counts, total and mean PLOVER score per dyad per period."""
    return _out("series", f, {"by": by, "directed": directed}, service.run_series(store, f, by, directed), format)
