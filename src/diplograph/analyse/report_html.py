"""A self-contained HTML report of the analyses (charts inlined, works offline, one file).

``render_html_report(store)`` is what ``diplograph report --format html`` can call.
"""

from __future__ import annotations

from collections import Counter
from importlib import resources
from itertools import combinations
from typing import Any

from jinja2 import Environment, select_autoescape

from diplograph.analyse.contradictions import contradictions
from diplograph.analyse.issues import issue_names
from diplograph.analyse.negotiation import negotiation_space
from diplograph.analyse.network import build_network, network_json
from diplograph.analyse.periods import Filters, period_sort_key
from diplograph.analyse.plover import are_opponents
from diplograph.analyse.records import PositionRecord, Record
from diplograph.analyse.series import QUADS, event_series
from diplograph.analyse.shifts import shifts
from diplograph.analyse.source import load_records


def _text(path: str) -> str:
    return resources.files("diplograph").joinpath(path).read_text(encoding="utf-8")


def negotiation_parties(records: list[Record], limit: int = 3) -> list[list[str]]:
    """Party pairs worth a negotiation space: listed opponents that both hold positions, else the top holders."""
    holders = Counter(r.holder for r in records if isinstance(r, PositionRecord))
    pairs = [[a, b] for a, b in combinations(sorted(holders), 2) if are_opponents(a, b)]
    pairs.sort(key=lambda p: -(holders[p[0]] + holders[p[1]]))
    if not pairs and len(holders) >= 2:
        pairs = [[h for h, _ in holders.most_common(2)]]
    return pairs[:limit]


def render_html_report(store: Any, *, actor: str | None = None, since: str | None = None,
                       until: str | None = None, granularity: str = "month", documents_html: str = "",
                       documents_css: str = "", **_: Any) -> str:
    """The analyses of the store (filtered by actor and dates) as one HTML page.

    ``documents_html`` (safe markup, e.g. the per-document sections of :mod:`diplograph.report`) is
    appended after the analyses, styled by ``documents_css``.
    """
    f = Filters(actor=actor, since=since, until=until)
    records = load_records(store)
    counts = store.counts()
    series = event_series(records, f, granularity=granularity)
    periods = sorted({r["period"] for r in series}, key=period_sort_key)
    quad_series = {q: [sum(r[q] for r in series if r["period"] == p) for p in periods] for q in QUADS}
    spaces = [negotiation_space(records, pair, Filters(since=since, until=until))
              for pair in negotiation_parties(records)]
    net = network_json(build_network(records, f))
    env = Environment(autoescape=select_autoescape(["html"]), trim_blocks=True, lstrip_blocks=True)
    template = env.from_string(_text("analyse/templates/report.html"))
    return template.render(
        counts=counts, filters=f, issues=issue_names(),
        contradictions=contradictions(records, f, granularity=granularity),
        shifts=shifts(records, f, granularity=granularity),
        spaces=spaces, network=net, series=series, periods=periods, quad_series=quad_series,
        chartjs=_text("serve/static/vendor/chart.umd.min.js"),
        documents_html=documents_html, documents_css=documents_css,
    )
