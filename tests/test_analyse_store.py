"""The analyses on a store filled by the real ingest of the two founding articles, through the
repository and through the CLI commands."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from api_store import ingest_examples
from diplograph.analyse import service
from diplograph.analyse.periods import Filters, parse_bounds, period_sort_key
from diplograph.analyse.records import EventRecord, PositionRecord
from diplograph.analyse.source import load_records
from diplograph.cli import app
from diplograph.store import open_store

OPPOSITE = {("support", "oppose"), ("conditional", "oppose")}


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    return ingest_examples(tmp_path_factory.mktemp("analyse") / "store.db")


@pytest.fixture(scope="module")
def store(db):
    with open_store(db) as s:
        yield s


def test_records_carry_their_evidence(store):
    recs = load_records(store, kinds=("position", "event", "quote"))
    assert recs
    docs = {d["id"]: store.document(d["id"])["text"] for d in store.documents(limit=None)}
    for r in recs:
        assert r.doc_name in {"seed-000", "seed-001"}
        # an item may carry its own (earlier) date; else it has the document's
        assert r.date == "2023-04" or parse_bounds(r.date)[1] < parse_bounds("2023-04")[0]
        assert 0 <= r.start < r.end <= len(docs[r.doc_id])
        if isinstance(r, PositionRecord | EventRecord):
            assert docs[r.doc_id][r.start:r.end] == r.evidence
            assert r.evidence in r.sentence_text or r.sentence_text in r.evidence


def test_contradictions_are_opposite_stances_in_one_period(store):
    found, rows = service.run_contradictions(store, Filters())
    assert len(rows) == len(found)
    for c in found:
        stances = {x["stance"] for x in c["for"]}, {x["stance"] for x in c["against"]}
        assert stances[1] == {"oppose"} and stances[0] <= {"support", "conditional"}
        for side in c["for"] + c["against"]:
            p = [x for x in store.positions(doc_id=side["evidence"]["doc_id"], limit=None)
                 if x["id"] == side["evidence"]["id"]][0]
            assert (p["holder"], p["issue"]) == (c["holder"], c["issue"])
            assert p["sentence"] == side["evidence"]["text"]


def test_done_when_russia_peace_talks_contradiction(store):
    """In the founding articles (both April 2023) Russia rejects talks in one and is enthusiastic in the other."""
    found, _ = service.run_contradictions(store, Filters(actor="RUS", issue="peace_talks"))
    assert len(found) == 1
    c = found[0]
    assert c["period"] == "2023-04" and not c["same_document"]
    assert {x["evidence"]["doc_name"] for x in c["for"] + c["against"]} == {"seed-000", "seed-001"}
    assert any("enthousiast over vredesonderhandelingen" in x["evidence"]["text"] for x in c["for"])
    assert {x["evidence"]["doc_name"] for x in c["against"]} == {"seed-000"}  # the rejection article


def test_done_when_withdrawal_precondition_blocks_agreement(store):
    """Ukraine's precondition (full Russian withdrawal) for talks meets Russia's rejection ("absurd")."""
    space, rows = service.run_negotiation(store, Filters(), ["UKR", "RUS"])
    blocks = [b for b in space["blocks"] if b["kind"] == "precondition" and b["party"] == "UKR"
              and b["precondition_issue"] == "troop_withdrawal" and b["against"] == "RUS"]
    assert blocks, space["blocks"]
    b = blocks[0]
    assert b["issue"] == "peace_talks"
    assert "troepen volledig uit Oekraïne moet terugtrekken" in b["evidence"]["text"]
    assert any("absurd" in e["text"] for e in b["against_evidence"])
    status = {r["issue"]: r["status"] for r in space["matrix"]}
    assert status["peace_talks"] == status["troop_withdrawal"] == "blocked"
    assert {r["issue"] for r in rows} == set(space["issues"])


def test_timeline_network_series_on_store(store):
    t, rows = service.run_timeline(store, Filters(actor="RUS"))
    assert rows and all(r["evidence"] for r in rows)
    assert t["periods"] == sorted(t["periods"], key=period_sort_key)
    net, edges = service.run_network(store, Filters())
    assert {(e["source"], e["target"]) for e in net["edges"]} == {(r["source"], r["target"]) for r in edges}
    assert ["RUS", "UKR"] in net["dyads"]
    series, srows = service.run_series(store, Filters(), "month")
    assert sum(r["count"] for r in srows) == sum(e["count"] for e in net["edges"])


@pytest.mark.parametrize("cmd", [["timeline", "--actor", "RUS"], ["timeline", "-a", "RUS", "--with", "UKR"],
                                 ["shifts"], ["contradictions", "--partial"], ["negotiation", "-p", "UKR,RUS"],
                                 ["network"], ["series", "--by", "year", "--undirected"]])
def test_cli_commands(db, cmd):
    runner = CliRunner()
    for fmt in ("table", "json", "csv"):
        r = runner.invoke(app, [*cmd, "--db", db, "--format", fmt])
        assert r.exit_code == 0, r.output
        if fmt == "json":
            json.loads(r.stdout)
        elif fmt == "csv" and r.stdout.strip():
            assert list(csv.reader(io.StringIO(r.stdout)))[0]


def test_cli_contradiction_table_shows_evidence(db):
    r = CliRunner().invoke(app, ["contradictions", "--actor", "RUS", "--issue", "peace_talks", "--db", db])
    assert r.exit_code == 0 and "RUS" in r.stdout and "peace_talks" in r.stdout and "[seed-00" in r.stdout


@pytest.mark.parametrize("args", [["contradictions", "--since", "2023-13"], ["timeline", "--by", "hour"],
                                  ["shifts", "--format", "xml"], ["negotiation", "-p", "UKR"],
                                  ["timeline", "--with", "UKR"], ["timeline", "-a", "UKR", "--with", "ukr"],
                                  ["network", "--type", "HUG"]])
def test_cli_bad_parameters(db, args):
    r = CliRunner().invoke(app, [*args, "--db", db])
    assert r.exit_code == 2, r.output


def test_html_report(store):
    from diplograph.analyse.report_html import negotiation_parties, render_html_report

    html = render_html_report(store)
    assert html.startswith("<!doctype html>") and "Chart" in html and "src=\"http" not in html
    assert "Negotiation space" in html and "RUS · UKR" in html
    assert "enthousiast over vredesonderhandelingen" in html  # evidence of the contradiction
    assert ["RUS", "UKR"] in negotiation_parties(load_records(store))
    only = render_html_report(store, actor="RUS", since="2023-04", until="2023-04")
    assert "actor RUS" in only


def test_cli_briefing(db, tmp_path):
    out = tmp_path / "briefing.html"
    r = CliRunner().invoke(app, ["briefing", "-o", str(out), "--db", db, "--by", "year"])
    assert r.exit_code == 0, r.output
    assert "Negotiation space" in out.read_text(encoding="utf-8")
    assert CliRunner().invoke(app, ["briefing", "-o", str(out), "--db", db, "--since", "2023-99"]).exit_code == 2
