"""Ingest: read inputs, analyse new documents, store them in batches with their errors and a run row."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from diplograph.extract.pipeline import Pipeline
from diplograph.ingest.errors import IngestError
from diplograph.ingest.readers import read_paths
from diplograph.model import Analysis, Document
from diplograph.store.repository import Store


@dataclass
class IngestSummary:
    run_id: int
    read: int = 0  # documents read without error
    stored: int = 0  # new documents stored
    existing: int = 0  # already in the store: left unchanged
    duplicates: int = 0  # stored, and linked to an earlier copy (exact or near)
    errors: int = 0  # records or files skipped
    warnings: int = 0  # records kept with a remark (e.g. date unknown)
    problems: list[IngestError] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in ("read", "stored", "existing", "duplicates", "errors", "warnings")}


def ingest(paths: Iterable[str | Path], store: Store, pipeline: Pipeline, *, batch_size: int = 50,
           encoding: str | None = None, command: str | None = None, analyzer: str | None = None,
           on_problem: Callable[[IngestError], None] | None = None,
           on_progress: Callable[[IngestSummary], None] | None = None) -> IngestSummary:
    """Ingest files and folders into ``store``; one transaction per ``batch_size`` documents.

    A document already stored (same source and id, or same id and content) is skipped before
    analysis, so re-ingesting the same input changes nothing but adds a run row.
    """
    stages = [f"{s.name}@{s.version}" for s in pipeline.stages]
    run_id = store.start_run(command=command, analyzer=analyzer, stages=stages)
    summary = IngestSummary(run_id)
    pending: list[Document | IngestError] = []
    seen: dict[tuple[str, str], int | None] = {}  # (source, id) -> line, for ids repeated within one input

    def note(err: IngestError) -> None:
        summary.problems.append(err)
        if err.level == "error":
            summary.errors += 1
        else:
            summary.warnings += 1
        if on_problem:
            on_problem(err)

    def flush() -> None:
        analysed: list[Analysis | IngestError] = []
        for item in pending:
            if isinstance(item, IngestError):
                analysed.append(item)
                continue
            if store.find(item) is not None:
                summary.existing += 1
                continue
            try:
                analysed.append(pipeline.run(item))
            except Exception as exc:  # noqa: BLE001 - one failing document must not stop the batch
                err = IngestError(item.source or "", f"extraction failed: {type(exc).__name__}: {exc}",
                                  item.line, item.id)
                note(err)
                analysed.append(err)
        with store.session() as s:
            for a in analysed:
                if isinstance(a, IngestError):
                    store.add_error(a, run_id, session=s)
            for res in store.save_many([a for a in analysed if not isinstance(a, IngestError)], run_id, session=s):
                if res.created:  # the batch's rows go in bulk, one statement per table
                    summary.stored += 1
                    summary.duplicates += res.duplicate_of is not None
                else:
                    summary.existing += 1
        pending.clear()

    status = "failed"
    try:
        for item in read_paths(paths, encoding=encoding):
            if isinstance(item, IngestError):
                note(item)
            else:
                key = (item.source or "", item.id)
                if key in seen:
                    err = IngestError(item.source or "", f"id {item.id!r} already used at line {seen[key]}: skipped",
                                      item.line, item.id)
                    note(err)
                    pending.append(err)
                    continue
                seen[key] = item.line
                summary.read += 1
            pending.append(item)
            if sum(isinstance(p, Document) for p in pending) >= batch_size:
                flush()
                if on_progress:
                    on_progress(summary)
        flush()
        status = "done"
    finally:
        store.finish_run(run_id, summary.counts(), status)
    return summary


def reanalyse(store: Store, pipeline: Pipeline, *, doc_ids: Iterable[int | str] | None = None,
              outdated: bool = False, batch_size: int = 50, command: str | None = None,
              analyzer: str | None = None, on_problem: Callable[[IngestError], None] | None = None) -> IngestSummary:
    """Run ``pipeline`` again over stored documents and replace their findings (one transaction per batch).

    ``outdated``: only documents analysed with other stage versions than the pipeline's.  In the summary,
    ``stored`` counts documents re-analysed and ``existing`` those left as they were.
    """
    stages = [f"{s.name}@{s.version}" for s in pipeline.stages]
    run_id = store.start_run(command=command, analyzer=analyzer, stages=stages)
    summary = IngestSummary(run_id)
    versions = store.stage_versions()
    ids: list[int] = []
    for ref in doc_ids if doc_ids is not None else sorted(versions):
        found = store.resolve(ref)
        if found is None:
            err = IngestError("store", f"no document {ref!r}", record=str(ref))
            summary.problems.append(err)
            summary.errors += 1
            if on_problem:
                on_problem(err)
            continue
        ids.append(found)
    status = "failed"
    try:
        for i in range(0, len(ids), batch_size):
            done: list[tuple[int, Analysis]] = []
            for doc_id in ids[i:i + batch_size]:
                summary.read += 1
                if outdated and versions.get(doc_id) == stages:
                    summary.existing += 1
                    continue
                old = store.analysis(doc_id)
                if old is None:
                    continue
                try:
                    done.append((doc_id, pipeline.run(old.doc)))
                except Exception as exc:  # noqa: BLE001 - one failing document must not stop the batch
                    err = IngestError(old.doc.source or "", f"extraction failed: {type(exc).__name__}: {exc}",
                                      old.doc.line, old.doc.id)
                    summary.problems.append(err)
                    summary.errors += 1
                    if on_problem:
                        on_problem(err)
            with store.session() as s:
                for doc_id, analysis in done:
                    store.replace_analysis(doc_id, analysis, run_id, session=s)
                    summary.stored += 1
        status = "done"
    finally:
        for err in summary.problems:
            store.add_error(err, run_id)
        store.finish_run(run_id, summary.counts(), status)
    return summary
