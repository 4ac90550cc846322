"""CLI commands of the analyses: timeline, shifts, contradictions, negotiation, network, series."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import typer

from diplograph.analyse import service
from diplograph.analyse.output import FORMATS, render, to_table
from diplograph.analyse.periods import GRANULARITIES, BadDate, Filters
from diplograph.analyse.plover import quad_of

FORMAT = typer.Option("table", "--format", "-f", help="table, json (full, with evidence) or csv.")
ACTOR = typer.Option(None, "--actor", "-a", help="Actor code (e.g. RUS).")
ISSUE = typer.Option(None, "--issue", "-i", help="Issue id (e.g. peace_talks).")
SINCE = typer.Option(None, "--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Up to this date (YYYY, YYYY-MM or YYYY-MM-DD).")
OUTLET = typer.Option(None, "--outlet", help="Only items from this outlet.")
DB = typer.Option(None, "--db", help="Store URL (default $DIPLOGRAPH_DB or sqlite:///diplograph.db).")
BY = typer.Option("month", "--by", help="Period: day, week, month or year.")
TYPE = typer.Option(None, "--type", "-t", help="Only events of this PLOVER type (e.g. REJECT).")


def _filters(actor: str | None, issue: str | None, since: str | None, until: str | None,
             outlet: str | None, type_: str | None = None) -> Filters:
    if type_ and quad_of(type_.upper()) in ("", "unknown"):
        raise typer.BadParameter(f"unknown PLOVER event type {type_!r}")
    try:
        return Filters(actor=actor.upper() if actor else None, issue=issue, since=since, until=until, outlet=outlet,
                       type=type_.upper() if type_ else None)
    except BadDate as exc:
        raise typer.BadParameter(str(exc)) from exc


def _check(fmt: str, by: str | None = None) -> None:
    if fmt not in FORMATS:
        raise typer.BadParameter(f"--format must be one of {', '.join(FORMATS)}")
    if by is not None and by not in GRANULARITIES:
        raise typer.BadParameter(f"--by must be one of {', '.join(GRANULARITIES)}")


def _run(db: str | None, fn: Callable[[Any], service.Result], fmt: str) -> tuple[Any, list[dict[str, Any]]]:
    from diplograph.store import open_store

    with open_store(db) as store:
        try:
            data, rows = fn(store)
        except ValueError as exc:
            raise typer.BadParameter(str(exc)) from exc
    typer.echo(render(data, rows, fmt))
    return data, rows


def register(app: typer.Typer) -> None:
    """Add the analysis commands to the ``diplograph`` CLI."""

    @app.command()
    def timeline(actor: str | None = ACTOR,
                 with_: str | None = typer.Option(None, "--with", help="Second actor: the dyad's timeline."),
                 issue: str | None = ISSUE, since: str | None = SINCE, until: str | None = UNTIL,
                 outlet: str | None = OUTLET, type: str | None = TYPE, by: str = BY, format: str = FORMAT,
                 db: str | None = DB) -> None:
        """An actor's (or a dyad's) events and positions over time, per issue, with evidence."""
        _check(format, by)
        f = _filters(actor, issue, since, until, outlet, type)
        if with_ and not actor:
            raise typer.BadParameter("--with needs --actor")
        if with_ and actor and with_.upper() == actor.upper():
            raise typer.BadParameter("--with must be another actor than --actor")
        dyad = (f.actor, with_.upper()) if with_ and f.actor else None
        _run(db, lambda s: service.run_timeline(s, f, dyad, by), format)

    @app.command()
    def shifts(actor: str | None = ACTOR, issue: str | None = ISSUE, since: str | None = SINCE,
               until: str | None = UNTIL, outlet: str | None = OUTLET, by: str = BY, format: str = FORMAT,
               db: str | None = DB) -> None:
        """Where an actor's stance on an issue changes between periods (last evidence before, first after)."""
        _check(format, by)
        f = _filters(actor, issue, since, until, outlet)
        _run(db, lambda s: service.run_shifts(s, f, by), format)

    @app.command()
    def contradictions(actor: str | None = ACTOR, issue: str | None = ISSUE, since: str | None = SINCE,
                       until: str | None = UNTIL, outlet: str | None = OUTLET, by: str = BY,
                       partial: bool = typer.Option(False, "--partial", help="Also conditional against oppose."),
                       format: str = FORMAT, db: str | None = DB) -> None:
        """Same actor, issue and period reported with opposite stances (by one outlet or several)."""
        _check(format, by)
        f = _filters(actor, issue, since, until, outlet)
        _run(db, lambda s: service.run_contradictions(s, f, by, partial), format)

    @app.command()
    def negotiation(party: list[str] = typer.Option(..., "--party", "-p",
                                                    help="A party (repeat, at least two; or UKR,RUS)."),
                    issue: str | None = ISSUE, since: str | None = SINCE, until: str | None = UNTIL,
                    outlet: str | None = OUTLET, format: str = FORMAT, db: str | None = DB) -> None:
        """Issue × party matrix with stances, conditions and evidence, and what blocks agreement."""
        _check(format)
        parties = [p.strip().upper() for x in party for p in x.split(",") if p.strip()]
        f = _filters(None, issue, since, until, outlet)
        data, _ = _run(db, lambda s: service.run_negotiation(s, f, parties), format)
        if format == "table":
            from diplograph.analyse.negotiation import block_rows

            typer.echo("\nBlocks to agreement:")
            typer.echo(to_table(block_rows(data)))

    @app.command()
    def network(actor: str | None = ACTOR, since: str | None = SINCE, until: str | None = UNTIL,
                outlet: str | None = OUTLET, type: str | None = TYPE, format: str = FORMAT,
                db: str | None = DB) -> None:
        """Directed actor network of events weighted by PLOVER score, with mediators of conflict dyads."""
        _check(format)
        f = _filters(actor, None, since, until, outlet, type)
        data, _ = _run(db, lambda s: service.run_network(s, f), format)
        if format == "table":
            typer.echo("\nMediators (talk with both sides of a conflict dyad):")
            typer.echo(to_table([{"mediator": m["mediator"], "dyad": "–".join(m["dyad"]),
                                  "with_a": m["with_a"][0]["text"], "with_b": m["with_b"][0]["text"]}
                                 for m in data["mediators"]]))

    @app.command()
    def series(actor: str | None = ACTOR, since: str | None = SINCE, until: str | None = UNTIL,
               outlet: str | None = OUTLET, type: str | None = TYPE, by: str = BY,
               undirected: bool = typer.Option(False, "--undirected", help="Merge A→B and B→A."),
               format: str = FORMAT, db: str | None = DB) -> None:
        """Event counts and mean PLOVER score per dyad per period (classic event-data series)."""
        _check(format, by)
        f = _filters(actor, None, since, until, outlet, type)
        _run(db, lambda s: service.run_series(s, f, by, not undirected), format)

    @app.command()
    def briefing(output: Path = typer.Option(..., "-o", "--output", help="HTML file to write."),
                 actor: str | None = ACTOR, since: str | None = SINCE, until: str | None = UNTIL,
                 by: str = BY, db: str | None = DB) -> None:
        """All analyses (negotiation spaces, contradictions, shifts, network, series) as one offline HTML file."""
        from diplograph.analyse.report_html import render_html_report
        from diplograph.store import open_store

        _check("table", by)
        _filters(actor, None, since, until, None)
        with open_store(db) as store:
            html = render_html_report(store, actor=actor.upper() if actor else None, since=since, until=until,
                                      granularity=by)
        output.write_text(html, encoding="utf-8")
        typer.echo(f"briefing written to {output}", err=True)
