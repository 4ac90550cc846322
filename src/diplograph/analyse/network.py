"""Actor network: a directed graph of events (actor → recipient) weighted by PLOVER score, and mediators.

A *mediator* of a conflict dyad (A, B) is a third actor that talks with both sides:
it has a talk event (CONSULT by default) with A and one with B, in either direction.
Conflict dyads are the given ones, else the pairs listed as opponents in data/plover.yaml
that occur in the events, plus pairs with material conflict events between them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from itertools import combinations
from typing import Any

import networkx as nx

from diplograph.analyse.periods import Filters
from diplograph.analyse.plover import are_opponents, quad_of
from diplograph.analyse.records import EventRecord, Record

TALK_TYPES = ("CONSULT",)


def build_network(records: Iterable[Record], filters: Filters | None = None) -> nx.DiGraph:
    """One edge per (actor, recipient) with count, total and mean PLOVER score, types and evidence."""
    f = filters or Filters()
    g = nx.DiGraph()
    for e in f.apply(records, issue=False):
        if not isinstance(e, EventRecord):
            continue
        for a in e.actor:
            g.add_node(a)
            for r in e.recipient:
                if r == a:
                    continue
                g.add_node(r)
                if not g.has_edge(a, r):
                    g.add_edge(a, r, count=0, score=0.0, types=Counter(), quads=Counter(), evidence=[])
                d = g.edges[a, r]
                d["count"] += 1
                d["score"] += e.score
                d["types"][e.type] += 1
                d["quads"][quad_of(e.type)] += 1
                d["evidence"].append({"type": e.type, "mode": e.mode, "score": e.score, **e.ref()})
    for _, _, d in g.edges(data=True):
        d["mean_score"] = round(d["score"] / d["count"], 2)
        d["weight"] = d["score"]
    return g


def conflict_dyads(g: nx.DiGraph) -> list[tuple[str, str]]:
    """Pairs of actors in conflict: listed opponents present in the graph, or pairs with material conflict
    events (protest, sanction, mobilise, coerce, assault) between them."""
    dyads = set()
    nodes = sorted(g.nodes)
    for a, b in combinations(nodes, 2):
        if are_opponents(a, b) and _both_present(g, a, b):
            dyads.add((a, b))
            continue
        quads = [g.edges[x, y]["quads"] for x, y in ((a, b), (b, a)) if g.has_edge(x, y)]
        if any(q.get("material_conflict") for q in quads):
            dyads.add((a, b))
    return sorted(dyads)


def _both_present(g: nx.DiGraph, a: str, b: str) -> bool:
    return g.degree(a) > 0 and g.degree(b) > 0


def mediators(
    g: nx.DiGraph,
    dyads: list[tuple[str, str]] | None = None,
    talk_types: Iterable[str] = TALK_TYPES,
) -> list[dict[str, Any]]:
    """Actors that talk with both sides of a conflict dyad, with the evidence of each side's talks."""
    talk = set(talk_types)
    talks: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for a, b, d in g.edges(data=True):
        ev = [x for x in d["evidence"] if x["type"] in talk]
        if ev:
            talks[(a, b)] += ev
            talks[(b, a)] += ev
    found = []
    for a, b in dyads if dyads is not None else conflict_dyads(g):
        for m in sorted(g.nodes):
            if m in (a, b):
                continue
            with_a, with_b = talks.get((m, a)), talks.get((m, b))
            if with_a and with_b:
                found.append({"mediator": m, "dyad": [a, b], "with_a": with_a, "with_b": with_b})
    return found


def network_json(g: nx.DiGraph, dyads: list[tuple[str, str]] | None = None) -> dict[str, Any]:
    """Nodes, edges, conflict dyads and mediators as plain JSON."""
    dyads = dyads if dyads is not None else conflict_dyads(g)
    mediating = mediators(g, dyads)
    mediator_set = {m["mediator"] for m in mediating}
    nodes = []
    for n in sorted(g.nodes):
        out_s = sum(d["score"] for _, _, d in g.out_edges(n, data=True))
        in_s = sum(d["score"] for _, _, d in g.in_edges(n, data=True))
        nodes.append({
            "id": n,
            "events_out": sum(d["count"] for _, _, d in g.out_edges(n, data=True)),
            "events_in": sum(d["count"] for _, _, d in g.in_edges(n, data=True)),
            "score_out": round(out_s, 2),
            "score_in": round(in_s, 2),
            "mediator": n in mediator_set,
        })
    edges = [
        {
            "source": a,
            "target": b,
            "count": d["count"],
            "score": round(d["score"], 2),
            "mean_score": d["mean_score"],
            "types": dict(d["types"]),
            "quads": dict(d["quads"]),
            "evidence": d["evidence"],
        }
        for a, b, d in sorted(g.edges(data=True), key=lambda x: (x[0], x[1]))
    ]
    return {"nodes": nodes, "edges": edges, "dyads": [list(x) for x in dyads], "mediators": mediating}


def edge_rows(net: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "source": e["source"],
            "target": e["target"],
            "count": e["count"],
            "score": e["score"],
            "mean_score": e["mean_score"],
            "types": ", ".join(f"{k}×{v}" for k, v in sorted(e["types"].items())),
        }
        for e in net["edges"]
    ]
