"""The `diplograph` command line."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from diplograph.export import to_schema
from diplograph.extract.pipeline import Pipeline
from diplograph.model import Document

app = typer.Typer(help="diplograph: diplomatic events, quotes and positions from dated news, with evidence.",
                  no_args_is_help=True)


@app.callback()
def main() -> None:
    """diplograph: diplomatic events, quotes and positions from dated news, with evidence."""


@app.command()
def extract(
    input: Path = typer.Argument(..., help="JSON Lines of documents (id, date, text, ...)."),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write predictions (SCHEMA.md format)."),
    analyzer: str = typer.Option("simple", help="Linguistic engine: frog or simple."),
) -> None:
    """Run the pipeline on documents and write one prediction line per document (stateless)."""
    with Pipeline(analyzer=analyzer) as pipe, output.open("w", encoding="utf-8") as out:
        for n, line in enumerate(input.open(encoding="utf-8"), 1):
            if not line.strip():
                continue
            rec = json.loads(line)
            doc = Document(id=str(rec["id"]), raw_text=rec["text"], date=rec.get("date"), lang=rec.get("lang"))
            out.write(json.dumps(to_schema(pipe.run(doc)), ensure_ascii=False) + "\n")


if __name__ == "__main__":
    app()
