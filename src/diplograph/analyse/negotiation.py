"""Negotiation space: for two or more parties, each party's stance on each issue, and what blocks agreement.

The matrix is issue × party; a cell holds the party's prevailing stance over the
filtered period, its conditions and preconditions, and the evidence of every position.

Blocks:

* ``precondition`` — party A makes issue X conditional on something that is about issue
  Y (its precondition: the condition's words name Y, or A supports Y in the sentence of
  the condition), and party B opposes Y (its red line), or rejects it in a REJECT event
  in the same or the next sentence of the same document;
* ``divergence`` — on one issue a party supports (or conditionally supports) what
  another party opposes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from diplograph.analyse.issues import issues_in
from diplograph.analyse.periods import Filters, date_sort_key
from diplograph.analyse.records import EventRecord, PositionRecord, Record

_STANCE_ORDER = {"support": 0, "conditional": 1, "oppose": 2}


def preconditions(p: PositionRecord, same_sentence: Iterable[PositionRecord] = ()) -> list[str]:
    """The issues a conditional position's condition is about (never its own issue)."""
    if p.stance != "conditional" or not p.condition:
        return []
    found = [i for i in issues_in(p.condition) if i != p.issue]
    cond = p.condition.strip().lower()
    for q in same_sentence:
        if q is p or q.holder != p.holder or q.stance != "support" or q.issue == p.issue or q.issue in found:
            continue
        text = (q.evidence or q.sentence_text).strip().lower()
        if text and (text in cond or cond in text):
            found.append(q.issue)
    return found


def negotiation_space(
    records: Iterable[Record],
    parties: list[str],
    filters: Filters | None = None,
) -> dict[str, Any]:
    """Matrix issue × party with stances, conditions, preconditions and evidence, plus the blocks."""
    parties = [p for i, p in enumerate(parties) if p and p not in parties[:i]]
    if len(parties) < 2:
        raise ValueError("a negotiation space needs at least two parties")
    f = filters or Filters()
    recs = f.apply(records, actor=False, issue=False)
    positions = [r for r in recs if isinstance(r, PositionRecord) and r.holder in parties]
    positions.sort(key=lambda p: (date_sort_key(p.date), p.doc_id, p.start))
    by_sentence: dict[tuple[str, int | None], list[PositionRecord]] = defaultdict(list)
    for p in positions:
        by_sentence[(p.doc_id, p.sentence)].append(p)

    pre: dict[int, list[str]] = {id(p): preconditions(p, by_sentence[(p.doc_id, p.sentence)]) for p in positions}
    cells: dict[str, dict[str, list[PositionRecord]]] = defaultdict(lambda: defaultdict(list))
    for p in positions:
        cells[p.issue][p.holder].append(p)

    rejections = [r for r in recs if isinstance(r, EventRecord) and r.type == "REJECT"]
    blocks = _precondition_blocks(positions, pre, cells, parties, rejections)
    pre_issues = {y for p in positions for y in pre[id(p)]}
    issues = sorted(set(cells) | pre_issues, key=lambda i: (-len(cells.get(i, {})), i))
    if f.issue:
        wanted = {f.issue} | {y for p in positions if p.issue == f.issue for y in pre[id(p)]}
        issues = [i for i in issues if i in wanted]
    blocks += _divergences(cells, parties, issues)
    blocked = {i for b in blocks if b["kind"] == "precondition" for i in (b["issue"], b["precondition_issue"])}
    # a red line shown only by a rejection (no position on the issue) still fills the party's cell
    rejected: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for b in blocks:
        if b["kind"] == "precondition":
            rejected[(b["precondition_issue"], b["against"])] += [e for e in b["against_evidence"] if "type" in e]

    matrix = []
    for issue in issues:
        row: dict[str, Any] = {"issue": issue, "cells": {}}
        for party in parties:
            items = cells.get(issue, {}).get(party, [])
            if items:
                row["cells"][party] = {
                    "stance": cell_stance(items),
                    "stances": dict(Counter(p.stance for p in items)),
                    "conditions": _unique(p.condition for p in items if p.condition),
                    "preconditions": _unique(y for p in items for y in pre[id(p)]),
                    "evidence": [_ev(p) for p in items],
                }
            elif rejected.get((issue, party)):
                evs = rejected[(issue, party)]
                row["cells"][party] = {"stance": "oppose", "stances": {"rejects": len(evs)}, "conditions": [],
                                       "preconditions": [], "evidence": evs, "derived_from": "REJECT"}
            else:
                row["cells"][party] = None
        row["status"] = "blocked" if issue in blocked else _status(row["cells"])
        matrix.append(row)
    return {"parties": parties, "issues": issues, "matrix": matrix, "blocks": blocks}


def cell_stance(items: list[PositionRecord]) -> str:
    """A party's stance on an issue from its reports: support and conditional reports count for the issue,
    oppose against; the side with more reports wins ('conditional' when any of its reports has a condition),
    a tie is 'mixed'."""
    pro = [p for p in items if p.stance in ("support", "conditional")]
    con = [p for p in items if p.stance == "oppose"]
    if len(pro) > len(con):
        return "conditional" if any(p.stance == "conditional" for p in pro) else "support"
    if len(con) > len(pro):
        return "oppose"
    return "mixed"


def _ev(p: PositionRecord) -> dict[str, Any]:
    return {"stance": p.stance, "condition": p.condition, **p.ref()}


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))


def _status(cells: dict[str, Any]) -> str:
    """'agreement' when every party supports, 'divergence' when support meets opposition, else 'open'.

    (An issue tied to a precondition that meets a red line is 'blocked', set by the caller.)"""
    stances = {c["stance"] for c in cells.values() if c}
    if not stances:
        return "unknown"
    if "oppose" in stances and stances & {"support", "conditional", "mixed"}:
        return "divergence"
    if stances == {"support"} and all(cells.values()):
        return "agreement"
    if stances == {"oppose"} and all(cells.values()):
        return "agreement_against"
    return "open"


def _precondition_blocks(
    positions: list[PositionRecord],
    pre: dict[int, list[str]],
    cells: dict[str, dict[str, list[PositionRecord]]],
    parties: list[str],
    rejections: list[EventRecord],
) -> list[dict[str, Any]]:
    blocks = []
    seen = set()
    for p in positions:
        for y in pre[id(p)]:
            for other in parties:
                if other == p.holder:
                    continue
                red = [q for q in cells.get(y, {}).get(other, []) if q.stance == "oppose"]
                rej = [
                    e for e in rejections
                    if other in e.actor and e.doc_id == p.doc_id and e.sentence is not None
                    and p.sentence is not None and 0 <= e.sentence - p.sentence <= 1
                ]
                if not (red or rej):
                    continue
                key = (p.holder, p.issue, y, other)
                if key in seen:
                    continue
                seen.add(key)
                blocks.append({
                    "kind": "precondition",
                    "issue": p.issue,
                    "precondition_issue": y,
                    "party": p.holder,
                    "condition": p.condition,
                    "against": other,
                    "explanation": f"{p.holder}'s precondition for {p.issue} ({y}) is {other}'s red line",
                    "evidence": _ev(p),
                    "against_evidence": [_ev(q) for q in red]
                    + [{"type": e.type, "mode": e.mode, **e.ref()} for e in rej],
                })
    return blocks


def _divergences(
    cells: dict[str, dict[str, list[PositionRecord]]], parties: list[str], issues: list[str]
) -> list[dict[str, Any]]:
    blocks = []
    for issue in issues:
        pro = [x for x in parties if any(p.stance in ("support", "conditional") for p in cells[issue].get(x, []))]
        con = [x for x in parties if any(p.stance == "oppose" for p in cells[issue].get(x, []))]
        for a in pro:
            for b in con:
                if a == b:
                    continue
                blocks.append({
                    "kind": "divergence",
                    "issue": issue,
                    "party": a,
                    "against": b,
                    "explanation": f"{a} wants {issue} (or accepts it on conditions), {b} opposes it",
                    "evidence": [_ev(p) for p in cells[issue][a] if p.stance != "oppose"][0],
                    "against_evidence": [_ev(p) for p in cells[issue][b] if p.stance == "oppose"],
                })
    return blocks


def matrix_rows(space: dict[str, Any]) -> list[dict[str, Any]]:
    """Flat rows (one per issue) for table/CSV output."""
    rows = []
    for row in space["matrix"]:
        out: dict[str, Any] = {"issue": row["issue"], "status": row["status"]}
        for party in space["parties"]:
            c = row["cells"][party]
            if not c:
                out[party] = "—"
                continue
            text = c["stance"]
            if c["conditions"]:
                text += " if " + "; ".join(c["conditions"])
            if c["preconditions"]:
                text += " [pre: " + ", ".join(c["preconditions"]) + "]"
            out[party] = text
        rows.append(out)
    return rows


def block_rows(space: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            "kind": b["kind"],
            "issue": b["issue"],
            "party": b["party"],
            "against": b["against"],
            "why": b["explanation"],
            "evidence": b["evidence"]["text"],
            "against_evidence": b["against_evidence"][0]["text"] if b["against_evidence"] else "",
        }
        for b in space["blocks"]
    ]
