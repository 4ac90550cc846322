"""Reading batch input: JSON Lines files or Parquet shards with id/date/title/text columns."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

# Input columns kept for a document; ``source_url`` is read as ``url``.
COLUMNS = ("id", "date", "title", "text", "lang", "outlet", "url", "source", "line")
INPUT_SCHEMA = pa.schema([(c, pa.int64() if c == "line" else pa.string()) for c in COLUMNS])


def input_files(paths: Iterable[Path]) -> list[Path]:
    """The files named, directories expanded to their *.jsonl, *.json and *.parquet files."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            files += sorted(f for f in p.rglob("*") if f.suffix in (".jsonl", ".json", ".parquet") and f.is_file())
        elif p.exists():
            files.append(p)
        else:
            raise FileNotFoundError(p)
    return files


def _record(rec: dict[str, Any], source: str, line: int) -> dict[str, Any]:
    out = {c: rec.get(c) for c in COLUMNS}
    out["url"] = out["url"] or rec.get("source_url")
    out["lang"] = out["lang"] or rec.get("language")
    out["id"] = str(out["id"]) if out["id"] is not None else f"{Path(source).stem}:{line}"
    for c in ("date", "title", "text", "lang", "outlet", "url"):
        if out[c] is not None and not isinstance(out[c], str):
            out[c] = str(out[c])
    out["source"], out["line"] = source, line
    return out


def read_records(paths: Iterable[Path]) -> Iterator[dict[str, Any]]:
    """Input records in file order; unreadable lines come back with an ``error`` key instead of a text."""
    for f in input_files(paths):
        if f.suffix == ".parquet":
            for n, rec in enumerate(pq.read_table(f).to_pylist(), 1):
                yield _record(rec, str(f), n)
            continue
        with f.open(encoding="utf-8") as fh:
            for n, raw in enumerate(fh, 1):
                if not raw.strip():
                    continue
                try:
                    rec = json.loads(raw)
                    if not isinstance(rec, dict):
                        raise ValueError(f"expected a JSON object, got {type(rec).__name__}")
                except ValueError as e:
                    yield {"id": f"{f.stem}:{n}", "source": str(f), "line": n, "error": e}
                    continue
                yield _record(rec, str(f), n)
