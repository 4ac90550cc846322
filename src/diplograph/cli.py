"""The `diplograph` command line."""

from __future__ import annotations

import csv
import importlib
import importlib.util
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from diplograph.config import settings
from diplograph.export import export_jsonl, export_schema, to_schema
from diplograph.extract.pipeline import Pipeline
from diplograph.ingest.errors import IngestError
from diplograph.ingest.readers import read_paths
from diplograph.model import Analysis

app = typer.Typer(help="diplograph: diplomatic events, quotes and positions from dated news, with evidence.",
                  no_args_is_help=True)

DB_HELP = "Store URL (SQLAlchemy), e.g. sqlite:///diplograph.db or postgresql+psycopg://user@host/db. " \
          "Default: $DIPLOGRAPH_DB or sqlite:///diplograph.db."


class Fmt(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFmt(StrEnum):
    jsonl = "jsonl"
    schema = "schema"


class ReportFmt(StrEnum):
    markdown = "markdown"
    html = "html"


def _db(db: str | None) -> str:
    return db or settings().db


def _open(db: str | None):  # type: ignore[no-untyped-def]
    from sqlalchemy.exc import ArgumentError, OperationalError

    from diplograph.store import open_store

    url = _db(db)
    try:
        return open_store(url)
    except (ArgumentError, OperationalError, OSError) as exc:
        typer.echo(f"cannot open the store {url!r}: {exc}", err=True)
        raise typer.Exit(2) from None


def _pipeline(stages: str | None, **options: Any) -> Pipeline:
    try:
        return Pipeline(_stages(stages), **options)
    except (ValueError, RuntimeError, OSError) as exc:  # unknown stage or analyzer, engine that cannot start
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None


STAGES_HELP = "Comma-separated stages to run, in order (default: all: language,actors,quotes,events,positions)."


def _stages(stages: str | None) -> list[str] | None:
    return [s.strip() for s in stages.split(",") if s.strip()] if stages else None


def _echo_err(err: IngestError) -> None:
    typer.echo(str(err), err=True)


@app.callback()
def main() -> None:
    """diplograph: diplomatic events, quotes and positions from dated news, with evidence."""


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders (walked recursively): .txt, .jsonl, .json, "
                                                  ".csv, .tsv, .html."),
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    analyzer: str = typer.Option(None, help="Linguistic engine: simple (default, $DIPLOGRAPH_ANALYZER) or frog."),
    batch_size: int = typer.Option(None, "--batch-size", help="Documents per transaction (default 50)."),
    encoding: str | None = typer.Option(None, help="Encoding of inputs that are not UTF-8 (e.g. cp1252)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Do not list warnings (errors are still listed)."),
    stages: str | None = typer.Option(None, "--stages", help=STAGES_HELP),
    cascade: bool = typer.Option(True, "--cascade/--no-cascade", help="With frog: parse only sentences with a "
                                 "trigger word (lang/nl/cascade.yaml); --no-cascade parses every sentence."),
    progress: bool = typer.Option(None, "--progress/--no-progress",
                                  help="Report progress after each batch on stderr (default: when it is a terminal)."),
) -> None:
    """Read documents, run the extraction pipeline and store documents and findings.

    Already stored documents are skipped; errors name file and line, are recorded in the store, and the
    batch goes on.  Exit status 0 when all went well, 1 when some input was skipped.
    """
    from diplograph.ingest.service import ingest as run_ingest

    cfg = settings()
    analyzer = analyzer or cfg.analyzer

    def show(err: IngestError) -> None:
        if err.level == "error" or not quiet:
            _echo_err(err)

    with _open(db) as store, _pipeline(stages, analyzer=analyzer, cascade=cascade) as pipe:
        summary = run_ingest(paths, store, pipe, batch_size=batch_size or cfg.batch_size, encoding=encoding,
                             command="ingest " + " ".join(str(p) for p in paths), analyzer=analyzer,
                             on_problem=show, on_progress=_progress if progress or (
                                 progress is None and sys.stderr.isatty()) else None)
        totals = store.counts()
    c = summary.counts()
    typer.echo(f"run {summary.run_id}: read {c['read']} documents, stored {c['stored']} new "
               f"({c['duplicates']} duplicates of earlier ones), {c['existing']} already stored; "
               f"{c['errors']} errors, {c['warnings']} warnings")
    typer.echo("store: " + ", ".join(f"{totals[k]} {k}" for k in ("documents", "sentences", "mentions", "events",
                                                                    "quotes", "positions")))
    if summary.errors:
        raise typer.Exit(1)


@app.command()
def reanalyse(
    db: str | None = typer.Option(None, "--db", help=DB_HELP),
    doc: list[str] = typer.Option(None, "--doc", help="Only this document (store id or document id); repeatable."),
    outdated: bool = typer.Option(False, "--outdated", help="Only documents analysed with other stage versions "
                                                            "than the current pipeline's."),
    analyzer: str = typer.Option(None, help="Linguistic engine: simple (default, $DIPLOGRAPH_ANALYZER) or frog."),
    stages: str | None = typer.Option(None, "--stages", help=STAGES_HELP),
    cascade: bool = typer.Option(True, "--cascade/--no-cascade", help="With frog: parse only sentences with a "
                                 "trigger word; --no-cascade parses every sentence."),
    batch_size: int = typer.Option(None, "--batch-size", help="Documents per transaction (default 50)."),
) -> None:
    """Run the pipeline again over stored documents and replace their findings (after the extractors changed)."""
    from diplograph.ingest.service import reanalyse as run_reanalyse

    cfg = settings()
    analyzer = analyzer or cfg.analyzer
    with _open(db) as store, _pipeline(stages, analyzer=analyzer, cascade=cascade) as pipe:
        summary = run_reanalyse(store, pipe, doc_ids=doc or None, outdated=outdated,
                                batch_size=batch_size or cfg.batch_size, command="reanalyse", analyzer=analyzer,
                                on_problem=_echo_err)
        totals = store.counts()
    typer.echo(f"run {summary.run_id}: re-analysed {summary.stored} of {summary.read} documents "
               f"({summary.existing} up to date); {summary.errors} errors")
    typer.echo("store: " + ", ".join(f"{totals[k]} {k}" for k in ("documents", "sentences", "mentions", "events",
                                                                    "quotes", "positions")))
    if summary.errors:
        raise typer.Exit(1)


def _progress(summary: Any) -> None:
    typer.echo(f"... {summary.read} documents read, {summary.stored} stored, {summary.existing} already stored, "
               f"{summary.errors} errors", err=True)


@app.command()
def extract(
    input: list[Path] = typer.Argument(..., help="Files or folders in any input format (JSONL, CSV, text, HTML)."),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write predictions (SCHEMA.md format); - for "
                                                           "stdout."),
    analyzer: str = typer.Option(None, help="Linguistic engine: simple (default) or frog."),
    cascade: bool = typer.Option(True, "--cascade/--no-cascade", help="With frog: parse only sentences with a "
                                 "trigger word (lang/nl/cascade.yaml); --no-cascade parses every sentence."),
    encoding: str | None = typer.Option(None, help="Encoding of inputs that are not UTF-8."),
    stages: str | None = typer.Option(None, "--stages", help=STAGES_HELP),
) -> None:
    """Run the pipeline on documents and write one prediction line per document (stateless; no store).

    Errors are reported on stderr. An unreadable record is skipped; a document whose extraction fails
    still gets its line, with no findings, so the output keeps one line per document read.
    """
    analyzer = analyzer or settings().analyzer
    errors = 0
    out = sys.stdout if str(output) == "-" else output.open("w", encoding="utf-8")
    try:
        with _pipeline(stages, analyzer=analyzer, cascade=cascade) as pipe:
            for item in read_paths(input, encoding=encoding):
                if isinstance(item, IngestError):
                    _echo_err(item)
                    errors += item.level == "error"
                    continue
                try:
                    line = to_schema(pipe.run(item))
                except Exception as exc:  # noqa: BLE001 - report and go on
                    _echo_err(IngestError(item.source or "", f"extraction failed: {type(exc).__name__}: {exc}",
                                          item.line, item.id))
                    errors += 1
                    line = to_schema(Analysis(item))
                out.write(json.dumps(line, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    if errors:
        typer.echo(f"{errors} input error(s); see above", err=True)


# -- listing ---------------------------------------------------------------------------------------

def _emit(rows: list[dict[str, Any]], fmt: Fmt, columns: list[str]) -> None:
    if fmt is Fmt.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
        return
    if fmt is Fmt.csv:
        keys = list(rows[0]) if rows else columns
        w = csv.DictWriter(sys.stdout, fieldnames=keys, extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                        for k, v in r.items()})
        return
    typer.echo(_table(rows, columns))


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return ",".join(str(x) for x in v)
    return " ".join(str(v).split())


def _table(rows: list[dict[str, Any]], columns: list[str], width: int = 70) -> str:
    if not rows:
        return "(none)"
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [min(max(len(c), *(len(row[i]) for row in cells)), width) for i, c in enumerate(columns)]

    def fmt(vals: list[str]) -> str:
        return "  ".join((v if len(v) <= w else v[:w - 1] + "…").ljust(w) for v, w in zip(vals, widths, strict=True))

    lines = [fmt(columns), "  ".join("-" * w for w in widths)]
    lines += [fmt(row).rstrip() for row in cells]
    return "\n".join(lines)


FORMAT = typer.Option(Fmt.table, "--format", "-f", help="Output format.")
LIMIT = typer.Option(100, "--limit", "-n", help="At most this many rows (0: all).")
ACTOR = typer.Option(None, "--actor", help="Actor code, e.g. RUS.")
ISSUE = typer.Option(None, "--issue", help="Issue id, e.g. peace_talks.")
SINCE = typer.Option(None, "--since", help="From this date on (YYYY, YYYY-MM or YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Up to and including this date (any precision).")
OUTLET = typer.Option(None, "--outlet", help="Outlet name (case-insensitive).")
DB = typer.Option(None, "--db", help=DB_HELP)
DUPS = typer.Option(False, "--duplicates", help="Include findings from documents marked as duplicates.")


@app.command()
def documents(db: str | None = DB, since: str | None = SINCE, until: str | None = UNTIL,
              outlet: str | None = OUTLET, actor: str | None = ACTOR, fmt: Fmt = FORMAT, limit: int = LIMIT) -> None:
    """List stored documents (newest first) with their counts of findings."""
    with _open(db) as store:
        rows = store.documents(since=since, until=until, outlet=outlet, actor=actor, limit=limit or None)
    _emit(rows, fmt, ["id", "ext_id", "date", "lang", "outlet", "title", "duplicate_of", "mentions", "events",
                      "quotes", "positions"])


@app.command()
def actors(db: str | None = DB, kb: bool = typer.Option(False, "--kb", help="List the actor knowledge base "
                                                                             "instead of the store."),
           people: bool = typer.Option(False, "--people", help="With --kb (implied): list the people of the "
                                       "knowledge base, with the actor and dated offices they act in."),
           fmt: Fmt = FORMAT, limit: int = typer.Option(0, "--limit", "-n", help="At most this many rows (0: all).")
           ) -> None:
    """Actors the store holds, with counts of mentions, events, quotes and positions (most mentioned first)."""
    if people:
        _emit(_kb_people_rows()[:limit or None], fmt, ["name", "actor", "roles", "aliases"])
        return
    if kb:
        rows = _kb_rows()
        _emit(rows[:limit or None], fmt, ["code", "name", "type", "aliases"])
        return
    with _open(db) as store:
        rows = store.actors()[:limit or None]
    _emit(rows, fmt, ["code", "name", "type", "mentions", "documents", "events", "quotes", "positions"])


def _kb_rows() -> list[dict[str, Any]]:
    """Actors of the knowledge base (data/actors/*.yaml and $DIPLOGRAPH_ACTORS): code, name, type, aliases."""
    from diplograph.extract.actor_kb import load_kb

    rows = [{"code": a.code, "name": a.name, "type": a.type, "aliases": list(a.aliases)} for a in load_kb().actors]
    return sorted(rows, key=lambda r: str(r["code"]))


def _kb_people_rows() -> list[dict[str, Any]]:
    """People of the actor KB: name, default actor, offices ("foreign_minister DEU 2018-03-14..2021-12-08")."""
    from diplograph.extract.actor_kb import load_kb

    rows = []
    for p in load_kb().people:
        roles = [f"{r.role} {r.actor} {r.start or ''}..{r.end or ''}" for r in p.roles]
        rows.append({"name": p.name, "actor": p.actor, "roles": roles, "aliases": list(p.aliases)})
    return sorted(rows, key=lambda r: (str(r["actor"]), str(r["name"])))


@app.command()
def events(db: str | None = DB, actor: str | None = ACTOR, issue: str | None = ISSUE,
           type: str | None = typer.Option(None, "--type", help="PLOVER type, e.g. REQUEST."),
           since: str | None = SINCE, until: str | None = UNTIL, outlet: str | None = OUTLET,
           duplicates: bool = DUPS, fmt: Fmt = FORMAT, limit: int = LIMIT) -> None:
    """List events (who did what to whom), newest first, with their evidence."""
    with _open(db) as store:
        rows = store.events(actor=actor, issue=issue, type=type, since=since, until=until, outlet=outlet,
                            include_duplicates=duplicates, limit=limit or None)
    _emit(rows, fmt, ["id", "date", "doc_ext_id", "type", "mode", "actors", "recipients", "modality", "evidence"])


@app.command()
def quotes(db: str | None = DB, actor: str | None = ACTOR, issue: str | None = ISSUE,
           type: str | None = typer.Option(None, "--type", help="direct or indirect."),
           since: str | None = SINCE, until: str | None = UNTIL, outlet: str | None = OUTLET,
           duplicates: bool = DUPS, fmt: Fmt = FORMAT, limit: int = LIMIT) -> None:
    """List quotes (who said what, for whom), newest first."""
    direct = None if not type else type.lower().startswith("d")
    with _open(db) as store:
        rows = store.quotes(actor=actor, issue=issue, since=since, until=until, outlet=outlet, direct=direct,
                            include_duplicates=duplicates, limit=limit or None)
    _emit(rows, fmt, ["id", "date", "doc_ext_id", "speaker", "actor", "direct", "text"])


@app.command()
def positions(db: str | None = DB, actor: str | None = ACTOR, issue: str | None = ISSUE,
              type: str | None = typer.Option(None, "--type", help="Stance: support, oppose or conditional."),
              since: str | None = SINCE, until: str | None = UNTIL, outlet: str | None = OUTLET,
              duplicates: bool = DUPS, fmt: Fmt = FORMAT, limit: int = LIMIT) -> None:
    """List positions (what each actor wants on each issue), newest first."""
    with _open(db) as store:
        rows = store.positions(actor=actor, issue=issue, stance=type, since=since, until=until, outlet=outlet,
                               include_duplicates=duplicates, limit=limit or None)
    _emit(rows, fmt, ["id", "date", "doc_ext_id", "holder", "issue", "stance", "condition", "evidence"])


@app.command()
def errors(db: str | None = DB, run: int | None = typer.Option(None, "--run", help="Only this run."),
           fmt: Fmt = FORMAT) -> None:
    """List input errors and warnings recorded by ingest runs."""
    with _open(db) as store:
        rows = store.errors(run_id=run)
    _emit(rows, fmt, ["run_id", "level", "source", "line", "record", "message"])


@app.command()
def runs(db: str | None = DB, fmt: Fmt = FORMAT) -> None:
    """List runs (ingest, reanalyse, load) with stage versions, counts and status (interrupted: process killed)."""
    with _open(db) as store:
        rows = store.runs()
    _emit(rows, fmt, ["id", "started", "finished", "status", "analyzer", "stages", "counts"])


@app.command()
def export(db: str | None = DB,
           fmt: ExportFmt = typer.Option(ExportFmt.jsonl, "--format", "-f",
                                         help="jsonl: every document with all it holds; schema: SCHEMA.md lines."),
           output: Path | None = typer.Option(None, "-o", "--output", help="File to write (default stdout)."),
           duplicates: bool = typer.Option(True, "--duplicates/--no-duplicates",
                                           help="Include documents marked as duplicates.")) -> None:
    """Export the store as JSON Lines, one document a line."""
    out = output.open("w", encoding="utf-8") if output else sys.stdout
    try:
        with _open(db) as store:
            fn = export_schema if fmt is ExportFmt.schema else export_jsonl
            n = fn(store, out, include_duplicates=duplicates)
    finally:
        if output:
            out.close()
    typer.echo(f"exported {n} documents", err=True)


@app.command()
def report(db: str | None = DB,
           fmt: ReportFmt = typer.Option(ReportFmt.markdown, "--format", "-f", help="markdown or html."),
           output: Path | None = typer.Option(None, "-o", "--output", help="File to write (default stdout)."),
           actor: str | None = ACTOR, since: str | None = SINCE, until: str | None = UNTIL,
           outlet: str | None = OUTLET,
           only_findings: bool = typer.Option(False, "--only-findings",
                                              help="Leave out documents where nothing was found."),
           limit: int = typer.Option(0, "--limit", "-n", help="At most this many documents (0: all)."),
           doc: str | None = typer.Option(None, "--doc", help="Only this document (store id or document id).")
           ) -> None:
    """Per document: its actors, events, quotes and positions, each with its evidence sentence."""
    from diplograph.report import render

    with _open(db) as store:
        text = render(store, fmt.value, actor=actor, since=since, until=until, outlet=outlet,
                      only_findings=only_findings, limit=limit or None, doc=doc)
    if output:
        output.write_text(text, encoding="utf-8")
        typer.echo(f"report written to {output}", err=True)
    else:
        typer.echo(text)


# -- plugins: other packages add command groups without editing this file ---------------------------

PLUGINS = ("diplograph.analyse.commands", "diplograph.serve.commands", "diplograph.batch.commands")


def _load_plugins() -> None:
    for name in PLUGINS:
        try:
            found = importlib.util.find_spec(name) is not None
        except ModuleNotFoundError:
            found = False
        if found:
            importlib.import_module(name).register(app)


_load_plugins()


if __name__ == "__main__":
    app()
