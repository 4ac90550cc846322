"""Analysis functions on hand-built records.

The sentences are real, from the two founding articles (examples/seed-000.txt and
examples/seed-001.txt, both dated 2023-04); the records stand for what the extraction
stages should find in them.  Where a test needs a later period it re-dates a seed
sentence, and says so.
"""

from __future__ import annotations

import pytest

from diplograph.analyse.contradictions import contradiction_rows, contradictions
from diplograph.analyse.negotiation import block_rows, matrix_rows, negotiation_space, preconditions
from diplograph.analyse.network import build_network, conflict_dyads, mediators, network_json
from diplograph.analyse.periods import BadDate, Filters, period_of
from diplograph.analyse.records import EventRecord, PositionRecord
from diplograph.analyse.series import event_series
from diplograph.analyse.shifts import shifts
from diplograph.analyse.timeline import timeline, timeline_rows

# seed-000.txt
S0_KREMLIN = ("Het Kremlin ziet niets in de start van onderhandelingen om de oorlog in Oekraïne te beëindigen.")
S0_CALL = "Ze roepen ook op om zo snel mogelijk met vredesonderhandelingen te beginnen."
S0_UKR = ("De regering is bereid met Rusland te gaan onderhandelen over de Krim als de Oekraïense strijdkrachten de "
          "bestuurlijke grenzen van het door Rusland bezette schiereiland hebben bereikt.")
S0_VISIT = "Macron brengt een driedaags bezoek aan China en hoopte zijn ambtsgenoot Xi Jinping over te halen de druk " \
    "op Poetin om tot vrede te komen op te voeren."
# seed-001.txt
S1_RUS = ("Rusland is naar eigen zeggen enthousiast over vredesonderhandelingen, maar voor Oekraïne zijn zulke "
          "gesprekken op dit moment onacceptabel, omdat dat vrijwel zeker zou betekenen dat het land grondgebied "
          "moet afstaan dat door de Russen is ingelijfd tijdens de oorlog.")
S1_PLAN = ("Zelensky legde eerder een eigen plan op tafel dat als absolute basisvoorwaarde voor het begin van "
           "vredesgesprekken bepaalt dat Rusland eerst zijn troepen volledig uit Oekraïne moet terugtrekken.")
S1_ABSURD = "Iets wat Moskou “absurd” noemt."
S1_PHONE = ("Het Kremlin staat niet negatief tegenover het telefoongesprek dat de Chinese en Oekraïense presidenten "
            "Xi Jinping en Volodymyr Zelensky woensdag hielden .")
WITHDRAW = "dat Rusland eerst zijn troepen volledig uit Oekraïne moet terugtrekken"


def pos(holder, issue, stance, text, doc, sent, date="2023-04", outlet=None, condition=None, i=0):
    return PositionRecord(id=i, holder=holder, issue=issue, stance=stance, condition=condition, doc_id=doc,
                          sentence=sent, sentence_text=text, evidence=text, start=0, end=len(text), date=date,
                          outlet=outlet)


def ev(type_, actor, recipient, text, doc, sent, mode=None, date="2023-04", i=0):
    return EventRecord(id=i, type=type_, actor=actor, recipient=recipient, mode=mode, doc_id=doc, sentence=sent,
                       sentence_text=text, evidence=text, start=0, end=len(text), date=date)


@pytest.fixture
def seeds():
    return [
        pos("RUS", "peace_talks", "oppose", S0_KREMLIN, "seed-000", 1, outlet="outlet-a", i=1),
        pos("CHN", "peace_talks", "support", S0_CALL, "seed-000", 8, outlet="outlet-a", i=2),
        pos("UKR", "peace_talks", "conditional", S0_UKR, "seed-000", 14, outlet="outlet-a", i=3,
            condition="als de Oekraïense strijdkrachten de bestuurlijke grenzen van het door Rusland bezette "
                      "schiereiland hebben bereikt"),
        pos("RUS", "peace_talks", "support", S1_RUS, "seed-001", 5, outlet="outlet-b", i=4),
        pos("UKR", "peace_talks", "conditional", S1_PLAN, "seed-001", 6, outlet="outlet-b", i=5, condition=WITHDRAW),
        pos("UKR", "troop_withdrawal", "support", WITHDRAW, "seed-001", 6, outlet="outlet-b", i=6),
        pos("RUS", "troop_withdrawal", "oppose", S1_ABSURD, "seed-001", 7, outlet="outlet-b", i=7),
        ev("REJECT", ["RUS"], ["UKR"], S1_ABSURD, "seed-001", 7, i=8),
        ev("CONSULT", ["CHN"], ["UKR"], S1_PHONE, "seed-001", 0, mode="phone", i=9),
        ev("CONSULT", ["FRA"], ["CHN"], S0_VISIT, "seed-000", 5, mode="visit", i=10),
        ev("REQUEST", ["CHN", "FRA"], ["RUS", "UKR"], S0_CALL, "seed-000", 8, mode="meet", i=11),
    ]


def test_periods_and_dates():
    assert period_of("2023-04-12", "week") == "2023-W15"
    assert period_of("2023-04", "week") == "2023-04"  # less precise than the bucket: kept as is
    assert period_of("2023-04-12", "month") == "2023-04"
    assert period_of(None, "month") == "undated"
    with pytest.raises(BadDate):
        Filters(since="2023-13")
    with pytest.raises(BadDate):
        Filters(since="2024", until="2023")
    f = Filters(since="2023-04-10", until="2023-04-20")
    assert f.in_range("2023-04") and not f.in_range("2023-05-01") and not f.in_range(None)


def test_contradiction_russia_peace_talks_within_april(seeds):
    found = contradictions(seeds)
    assert [(c["holder"], c["issue"], c["period"]) for c in found] == [("RUS", "peace_talks", "2023-04")]
    c = found[0]
    assert c["severity"] == "direct" and not c["same_document"] and not c["same_outlet"]
    assert c["for"][0]["evidence"]["text"] == S1_RUS
    assert c["against"][0]["evidence"]["text"] == S0_KREMLIN
    assert contradiction_rows(found)[0]["for_evidence"].startswith("[outlet-b] Rusland is naar eigen zeggen")
    # a week granularity would still keep both month-dated reports in the same period
    assert contradictions(seeds, granularity="week")
    # conditional against oppose is only partial
    partial = contradictions(seeds, Filters(actor="UKR"), include_partial=True)
    assert partial == []


def test_no_contradiction_across_periods_but_a_shift(seeds):
    later = pos("RUS", "peace_talks", "support", S1_RUS, "later", 5, date="2023-06-02", i=20)
    recs = [seeds[0], later]
    assert contradictions(recs) == []
    found = shifts(recs)
    assert len(found) == 1
    s = found[0]
    assert (s["from_stance"], s["to_stance"], s["from_period"], s["to_period"]) == \
        ("oppose", "support", "2023-04", "2023-06")
    assert s["direction"] == "softening"
    assert s["before"]["evidence"]["text"] == S0_KREMLIN and s["after"]["evidence"]["doc_id"] == "later"


def test_shift_skips_mixed_periods(seeds):
    later = pos("RUS", "peace_talks", "oppose", S0_KREMLIN, "later", 1, date="2023-05", i=21)
    # April is mixed (one oppose, one support): no shift into May's opposition is claimed
    assert shifts(seeds + [later], Filters(actor="RUS", issue="peace_talks")) == []


def test_negotiation_space_withdrawal_precondition_blocks(seeds):
    space = negotiation_space(seeds, ["UKR", "RUS"])
    assert space["parties"] == ["UKR", "RUS"]
    rows = {r["issue"]: r for r in space["matrix"]}
    assert rows["peace_talks"]["cells"]["UKR"]["stance"] == "conditional"
    assert rows["peace_talks"]["cells"]["UKR"]["preconditions"] == ["troop_withdrawal"]
    assert rows["troop_withdrawal"]["cells"]["RUS"]["stance"] == "oppose"
    assert rows["troop_withdrawal"]["status"] == rows["peace_talks"]["status"] == "blocked"
    pre = [b for b in space["blocks"] if b["kind"] == "precondition"]
    assert len(pre) == 1
    b = pre[0]
    assert (b["party"], b["issue"], b["precondition_issue"], b["against"]) == \
        ("UKR", "peace_talks", "troop_withdrawal", "RUS")
    assert b["evidence"]["text"] == S1_PLAN
    assert {e["text"] for e in b["against_evidence"]} == {S1_ABSURD}
    assert matrix_rows(space)[0]["issue"] in rows and block_rows(space)[0]["kind"] == "precondition"
    with pytest.raises(ValueError):
        negotiation_space(seeds, ["UKR"])


def test_precondition_from_condition_words_alone(seeds):
    # without the separate troop_withdrawal support position, the condition's words still name the issue
    plan = seeds[4]
    assert preconditions(plan) == ["troop_withdrawal"]
    # the Crimea condition in seed-000 names no issue of the codebook
    assert preconditions(seeds[2]) == []
    # a REJECT in the next sentence is a red line even without an oppose position
    recs = [plan, seeds[7]]
    space = negotiation_space(recs, ["UKR", "RUS"])
    assert [b["kind"] for b in space["blocks"]] == ["precondition"]
    # the matrix shows the rejected precondition as Russia's red line, with the REJECT as evidence
    rows = {r["issue"]: r for r in space["matrix"]}
    red = rows["troop_withdrawal"]["cells"]["RUS"]
    assert red["stance"] == "oppose" and red["derived_from"] == "REJECT"
    assert [e["text"] for e in red["evidence"]] == [S1_ABSURD]
    assert rows["troop_withdrawal"]["cells"]["UKR"] is None


def test_timeline_actor_and_dyad(seeds):
    t = timeline(seeds, Filters(actor="UKR"))
    assert t["periods"] == ["2023-04"]
    assert set(t["lanes"]) == {"peace_talks", "troop_withdrawal", "events"}
    assert all(i["evidence"]["text"] for i in t["items"])
    rows = timeline_rows(t)
    assert {r["kind"] for r in rows} == {"position", "event"}
    d = timeline(seeds, dyad=("RUS", "UKR"))
    kinds = {(i["kind"], i.get("type")) for i in d["items"]}
    assert ("event", "REJECT") in kinds and ("event", "CONSULT") not in kinds
    only = timeline(seeds, Filters(actor="RUS", issue="troop_withdrawal"))
    # the REJECT shares its sentence with RUS's troop_withdrawal position
    assert [i["kind"] for i in only["items"]] == ["position", "event"]


def test_network_mediator_and_series(seeds):
    g = build_network(seeds)
    assert g.edges["RUS", "UKR"]["count"] == 1 and g.edges["RUS", "UKR"]["mean_score"] < 0
    assert ("RUS", "UKR") in conflict_dyads(g)
    # CHN talks to UKR (phone) but nobody reports it talking to Russia: no mediator yet
    assert mediators(g, [("RUS", "UKR")]) == []
    talk = ev("CONSULT", ["CHN"], ["RUS"], S0_VISIT, "x", 1, i=30)
    g2 = build_network(seeds + [talk])
    med = mediators(g2, [("RUS", "UKR")])
    assert [m["mediator"] for m in med] == ["CHN"]
    net = network_json(g2)
    assert any(n["id"] == "CHN" and n["mediator"] for n in net["nodes"])
    rows = event_series(seeds)
    by = {(r["source"], r["target"]): r for r in rows}
    assert by[("CHN", "RUS")]["count"] == 1 and by[("RUS", "UKR")]["verbal_conflict"] == 1
    undirected = event_series(seeds, directed=False)
    assert all(r["source"] < r["target"] for r in undirected)


def test_output_formats(seeds):
    import csv
    import io
    import json

    from diplograph.analyse.output import render, to_table

    found = contradictions(seeds)
    rows = contradiction_rows(found)
    table = to_table(rows, width=100)
    assert all(len(line) <= 100 for line in table.splitlines())
    assert "…" in table and "RUS" in table
    parsed = list(csv.DictReader(io.StringIO(render(found, rows, "csv"))))
    assert parsed[0]["for_evidence"].endswith(S1_RUS)  # full text, commas quoted
    assert json.loads(render(found, rows, "json"))[0]["holder"] == "RUS"
    assert to_table([]) == "(nothing found)"
    with pytest.raises(ValueError):
        render(found, rows, "xml")


def test_periods_of_uneven_precision():
    assert [period_of(d, "day") for d in ("2023-04-12", "2023-04", "2023")] == ["2023-04-12", "2023-04", "2023"]
    assert [period_of(d, "year") for d in ("2023-04-12", "2023-04", "2023")] == ["2023"] * 3
    assert period_of("2021-01-03", "week") == "2020-W53"  # ISO weeks cross the year boundary
    year_only = Filters(since="2023-06", until="2023-07")
    assert year_only.in_range("2023")  # a year-dated item may fall in the window
    assert not year_only.in_range("2022") and not year_only.in_range("2023-08-01")
