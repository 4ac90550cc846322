"""POST /api/ingest: analyse and store documents sent as JSON (needs the bearer token)."""

from __future__ import annotations

import threading
from typing import Any

from fastapi import APIRouter, Depends, Request

from diplograph.ingest.errors import IngestError
from diplograph.serve.deps import get_store, require_token
from diplograph.serve.schemas import IngestRequest, IngestResult

router = APIRouter(prefix="/api", tags=["ingest"])
_lock = threading.Lock()


def _pipeline(request: Request) -> Any:
    state = request.app.state
    if getattr(state, "pipeline", None) is None:
        from diplograph.config import settings
        from diplograph.extract.pipeline import Pipeline

        state.pipeline = Pipeline(analyzer=settings().analyzer)
    return state.pipeline


@router.post("/ingest", response_model=IngestResult, dependencies=[Depends(require_token)])
def ingest(body: IngestRequest, request: Request, store: Any = Depends(get_store)) -> dict[str, Any]:
    """Analyse the documents and store them with everything found; already stored ones are left as they are."""
    from diplograph.ingest.readers import _record  # one JSON record -> cleaned Document (or errors)

    problems: list[str] = []
    doc_ids: list[int | None] = []
    stored = existing = duplicates = 0
    with _lock:
        pipe = _pipeline(request)
        run_id = store.start_run(command="POST /api/ingest", stages=[f"{s.name}@{s.version}" for s in pipe.stages])
        try:
            for n, d in enumerate(body.documents, 1):
                doc = None
                for item in _record(body.source, n, d.model_dump(exclude_none=True), body.source, "document"):
                    if isinstance(item, IngestError):
                        problems.append(str(item))
                        store.add_error(item, run_id)
                    else:
                        doc = item
                if doc is None:
                    doc_ids.append(None)
                    continue
                found = store.find(doc)
                if found is not None:
                    existing += 1
                    doc_ids.append(found)
                    continue
                res = store.save(pipe.run(doc), run_id)
                doc_ids.append(res.doc_id)
                stored += res.created
                existing += not res.created
                duplicates += res.duplicate_of is not None
        finally:
            store.finish_run(run_id, {"stored": stored, "existing": existing, "duplicates": duplicates,
                                      "problems": len(problems)})
    return {"run_id": run_id, "stored": stored, "existing": existing, "duplicates": duplicates,
            "doc_ids": doc_ids, "problems": problems}
