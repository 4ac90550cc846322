"""Putting a batch output directory into a store (idempotent: stored documents are left as they are).

Documents are saved ``batch_size`` at a time, each batch in one transaction: a load that stops midway
leaves whole documents only, and a rerun skips those already stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from diplograph.batch import parquet


@dataclass
class LoadResult:
    run_id: int
    created: int = 0
    existing: int = 0
    errors: int = 0


BATCH_SIZE = 200


def load_dir(out: Path, url: str | None = None, batch_size: int = BATCH_SIZE) -> LoadResult:
    """Save every analysis in ``out`` into the store at ``url``, ``batch_size`` documents per transaction,
    and record its errors once."""
    from diplograph.ingest.errors import IngestError
    from diplograph.store.repository import open_store

    out = Path(out)
    if not (out / "documents").is_dir() and not (out / "errors").is_dir():
        raise FileNotFoundError(f"{out} holds no batch output (no documents/ or errors/ folder)")
    with open_store(url) as store:
        run_id = store.start_run(command=f"load {out}")
        result = LoadResult(run_id)
        stages: list[str] = []
        try:
            analyses = parquet.read_analyses(out, tokens=False)  # the store keeps no tokens
            while batch := list(islice(analyses, max(1, batch_size))):
                stages = stages or list(batch[0].stages)
                for res in store.save_many(batch, run_id):
                    if res.created:
                        result.created += 1
                    else:
                        result.existing += 1
            known = {(e["record"], e["source"], e["message"]) for e in store.errors(limit=10**9)}
            for e in parquet.read_errors(out):
                msg = f"{e['stage'] or 'pipeline'}: {e['error_type']}: {e['message']}"
                if (e["doc_id"], e["source"] or "", msg) in known:
                    continue
                store.add_error(IngestError(e["source"] or "", msg, e["line"], e["doc_id"]), run_id)
                known.add((e["doc_id"], e["source"] or "", msg))
                result.errors += 1
        except BaseException:
            store.finish_run(run_id, {"created": result.created, "existing": result.existing}, "failed", stages)
            raise
        store.finish_run(run_id, {"documents": result.created, "existing": result.existing,
                                  "errors": result.errors}, "done", stages)
    return result
