"""Reports in Markdown and HTML, from a store holding the founding articles."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.report import render
from diplograph.store import open_store
from test_store import seed_analysis

ROOT = Path(__file__).resolve().parents[1]


def test_report_markdown_and_html(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    store = open_store(db)
    store.save(seed_analysis())  # seed-001 with findings placed on its text
    md = render(store, "markdown")
    assert "## seed-001" in md and "### Events" in md and "### Quotes" in md and "### Positions" in md
    assert "**REQUEST (meet)** CHN → RUS, UKR" in md or "**REQUEST (meet)** CHN → UKR, RUS" in md
    assert "> Xi drong tijdens het gesprek" in md
    assert "**Dmitri Peskov (RUS)**, direct: “alles dat een einde" in md
    page = render(store, "html")
    assert page.startswith("<!doctype html>") and "<mark>drong</mark>" not in page
    assert "<mark>telefoongesprek</mark>" in page
    store.close()

    runner = CliRunner()
    r = runner.invoke(app, ["ingest", str(ROOT / "examples"), "--db", db, "--stages", "language"])
    assert r.exit_code == 0 and "stored 1 new" in r.stdout  # seed-001 was there already
    r = runner.invoke(app, ["report", "--db", db])
    assert r.exit_code == 0 and "## Rusland wijst aanbod vredesonderhandelingen af" in r.stdout
    r = runner.invoke(app, ["report", "--db", db, "--doc", "seed-001"])
    assert r.exit_code == 0 and "## seed-001" in r.stdout and "Rusland wijst" not in r.stdout
    out = tmp_path / "report.html"
    r = runner.invoke(app, ["report", "--db", db, "--format", "html", "-o", str(out)])
    page = out.read_text(encoding="utf-8")
    assert r.exit_code == 0 and "<section" in page
    # one page: the analyses with their chart, then every document with its highlighted evidence
    assert "<h2>Negotiation space</h2>" in page and "new Chart(" in page
    assert page.index("<h2>Negotiation space</h2>") < page.index("id=\"documents\"")
    assert "<mark>telefoongesprek</mark>" in page and "Rusland wijst aanbod vredesonderhandelingen af</h2>" in page
