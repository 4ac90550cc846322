"""A store filled by the real `diplograph ingest` on the two founding articles (examples/)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from diplograph.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def ingest_examples(db_path: Path | str) -> str:
    """Run the real ingest command on examples/ into a fresh SQLite file (or a database URL); return its URL."""
    url = db_path if isinstance(db_path, str) and "://" in db_path else f"sqlite:///{db_path}"
    result = CliRunner().invoke(app, ["ingest", str(EXAMPLES), "--db", url, "--quiet"])
    assert result.exit_code == 0, result.output
    return url
