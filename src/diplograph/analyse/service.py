"""The analyses over a store: one function per analysis, shared by the CLI and the HTTP API.

Each returns ``(data, rows)``: ``data`` is the full JSON-ready result with evidence,
``rows`` a flat list of dicts for tables and CSV.
"""

from __future__ import annotations

from typing import Any

from diplograph.analyse.contradictions import contradiction_rows, contradictions
from diplograph.analyse.negotiation import matrix_rows, negotiation_space
from diplograph.analyse.network import build_network, edge_rows, network_json
from diplograph.analyse.periods import Filters
from diplograph.analyse.records import Record
from diplograph.analyse.series import event_series, series_rows
from diplograph.analyse.shifts import shift_rows, shifts
from diplograph.analyse.source import load_records
from diplograph.analyse.timeline import timeline, timeline_rows

Result = tuple[Any, list[dict[str, Any]]]


def records(store: Any, f: Filters) -> list[Record]:
    return load_records(store, outlet=f.outlet)


def run_timeline(store: Any, f: Filters, dyad: tuple[str, str] | None = None, granularity: str = "month") -> Result:
    data = timeline(records(store, f), f, dyad=dyad, granularity=granularity)
    return data, timeline_rows(data)


def run_shifts(store: Any, f: Filters, granularity: str = "month") -> Result:
    data = shifts(records(store, f), f, granularity=granularity)
    return data, shift_rows(data)


def run_contradictions(store: Any, f: Filters, granularity: str = "month", include_partial: bool = False) -> Result:
    data = contradictions(records(store, f), f, granularity=granularity, include_partial=include_partial)
    return data, contradiction_rows(data)


def run_negotiation(store: Any, f: Filters, parties: list[str]) -> Result:
    data = negotiation_space(records(store, f), parties, f)
    return data, matrix_rows(data)


def run_network(store: Any, f: Filters, dyads: list[tuple[str, str]] | None = None) -> Result:
    g = build_network(records(store, f), f)
    data = network_json(g, dyads)
    return data, edge_rows(data)


def run_series(store: Any, f: Filters, granularity: str = "month", directed: bool = True) -> Result:
    data = event_series(records(store, f), f, granularity=granularity, directed=directed)
    return data, series_rows(data)
