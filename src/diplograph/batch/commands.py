"""CLI commands ``diplograph batch`` and ``diplograph load`` (registered by :func:`register`)."""

from __future__ import annotations

from pathlib import Path

import typer


def register(app: typer.Typer) -> None:
    """Add the batch commands to the ``diplograph`` app."""
    app.command("batch")(batch)
    app.command("load")(load)


def batch(
    inputs: list[Path] = typer.Argument(..., help="JSON Lines files or Parquet shards (id, date, title, text), "
                                                  "or folders of them."),
    out: Path = typer.Option(..., "--out", "-o", help="Folder for the Parquet tables (created; a rerun resumes)."),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Parallel workers (each with its own pipeline)."),
    address: str | None = typer.Option(None, "--address", help="An existing Ray cluster (auto, HEAD_IP:6379 "
                                                               "or ray://HEAD_IP:10001); default: a local one."),
    analyzer: str = typer.Option("frog", help="Linguistic engine: frog or simple."),
    cascade: bool = typer.Option(True, "--cascade/--no-cascade", help="Frog-parse only the sentences the fast "
                                                                      "first pass selects."),
    limit: int | None = typer.Option(None, help="Only the first N input records."),
    retry_errors: bool = typer.Option(False, "--retry-errors", help="Process again documents that failed before."),
    flush_every: int = typer.Option(50, help="Write a Parquet shard every N documents."),
    docs_per_task: int = typer.Option(8, "--docs-per-task", min=1, help="Documents per Ray task (a worker that "
                                                                       "crashes costs its task; those are rerun "
                                                                       "one by one)."),
) -> None:
    """Extract documents in parallel on Ray; write documents, sentences, tokens, mentions, quotes, events,
    positions and errors as Parquet into OUT."""
    from diplograph.batch.runner import BatchResult, run_batch

    def progress(r: BatchResult) -> None:
        typer.echo(f"{r.processed + r.failed} documents ({r.failed} failed), {r.docs_per_s:.2f} docs/s", err=True)

    try:
        r = run_batch(inputs, out, workers=workers, address=address, options={"analyzer": analyzer,
                      "cascade": cascade}, flush_every=flush_every, retry_errors=retry_errors, limit=limit,
                      progress=progress, docs_per_task=docs_per_task)
    except FileNotFoundError as e:
        raise typer.BadParameter(f"no such file or folder: {e}") from e
    except ConnectionError as e:
        typer.echo(f"cannot reach the Ray cluster: {e}", err=True)
        raise typer.Exit(2) from e
    peak = max(r.worker_peak_pss.values(), default=0) / 2**20
    typer.echo(f"{r.processed} documents extracted, {r.failed} failed, {r.skipped} skipped (already done) "
               f"in {r.seconds:.1f} s: {r.docs_per_s:.2f} docs/s, {r.tokens_per_s:.0f} tokens/s; "
               f"peak memory (PSS) per worker {peak:.0f} MiB; output in {r.out}")


def load(
    folder: Path = typer.Argument(..., help="Output folder of `diplograph batch`."),
    db: str | None = typer.Option(None, "--db", envvar="DIPLOGRAPH_DB",
                                  help="Store URL (sqlite:///file.db or postgresql+psycopg://...)."),
    batch_size: int = typer.Option(200, "--batch-size", min=1, help="Documents per transaction (a crash keeps "
                                                                    "whole transactions; a rerun skips them)."),
) -> None:
    """Put batch output into a store; documents already stored are skipped."""
    from diplograph.batch.load import load_dir

    try:
        r = load_dir(folder, db, batch_size=batch_size)
    except FileNotFoundError as e:
        raise typer.BadParameter(str(e)) from e
    typer.echo(f"run {r.run_id}: {r.created} documents stored, {r.existing} already there, {r.errors} errors recorded")
