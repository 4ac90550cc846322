"""The `diplograph serve` command: the HTTP API and the dashboard (uvicorn)."""

from __future__ import annotations

import os

import typer


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``diplograph`` CLI."""

    @app.command()
    def serve(host: str = typer.Option("127.0.0.1", help="Interface to listen on."),
              port: int = typer.Option(8000, help="Port."),
              db: str | None = typer.Option(None, "--db", help="Store URL (default $DIPLOGRAPH_DB or "
                                                               "sqlite:///diplograph.db)."),
              token: str | None = typer.Option(None, "--token", envvar="DIPLOGRAPH_TOKEN",
                                               help="Bearer token that allows POST /api/ingest "
                                                    "(env DIPLOGRAPH_TOKEN); without it writing is off.")) -> None:
        """Serve the JSON API (/api, OpenAPI at /docs) and the dashboard (/).

        Clients on this machine read freely; clients on other hosts, and every write, need the token.
        """
        import uvicorn

        from diplograph.serve.app import create_app

        url = db or os.environ.get("DIPLOGRAPH_DB") or None
        typer.echo(f"diplograph: http://{host}:{port}/  (API docs at /docs)", err=True)
        if not token:
            typer.echo("no token: POST /api/ingest is off, and only this machine can read", err=True)
        uvicorn.run(create_app(url, token), host=host, port=port, log_level="warning")
