"""Extracted items as Parquet: one directory per table, one file per shard.

A batch output directory holds ``documents/``, ``sentences/``, ``tokens/``,
``mentions/``, ``quotes/``, ``events/``, ``positions/`` and ``errors/``; every
row carries the ``doc_id`` of its document and its ``index`` in the document's
list (tokens: ``sentence`` and ``i``), so cross references (``Event.quote``,
``Position.event``) and character offsets survive.  Columns follow the fields of
the dataclasses in :mod:`diplograph.model` (nested spans become structs), so the
files rebuild the same :class:`~diplograph.model.Analysis` objects.

Shards are written whole (temporary file, then rename) and carry a shard name
shared by all tables of one flush; a document counts as done once its row is in
``documents/``, and readers take the other rows of a document only from that
same shard, so a run interrupted mid-flush leaves nothing half-counted.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import os
import types
import typing
from collections import defaultdict
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from diplograph.model import Analysis, Document, Event, Mention, Position, Quote, Sentence, Token

ITEM_TABLES: dict[str, type] = {"mentions": Mention, "quotes": Quote, "events": Event, "positions": Position}
TABLES = ("documents", "sentences", "tokens", *ITEM_TABLES, "errors")
ERROR_SCHEMA = pa.schema([
    ("doc_id", pa.string()), ("source", pa.string()), ("line", pa.int64()), ("stage", pa.string()),
    ("error_type", pa.string()), ("message", pa.string()), ("traceback", pa.string()),
])


# --- dataclass <-> Arrow ---------------------------------------------------------------------------------------


def _strip_optional(hint: Any) -> Any:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        return args[0] if len(args) == 1 else Any
    return hint


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return {k: _strip_optional(v) for k, v in typing.get_type_hints(cls).items()}


def arrow_type(hint: Any) -> pa.DataType:
    """The Arrow type for a field's type hint; anything irregular is stored as a JSON string."""
    hint = _strip_optional(hint)
    if hint is bool:
        return pa.bool_()
    if hint is int:
        return pa.int64()
    if hint is float:
        return pa.float64()
    if hint is str:
        return pa.string()
    if dataclasses.is_dataclass(hint):
        return pa.struct([(k, arrow_type(v)) for k, v in _hints(hint).items()])
    origin = typing.get_origin(hint)
    if origin is list:
        (arg,) = typing.get_args(hint) or (Any,)
        return pa.list_(arrow_type(arg))
    if origin is tuple:
        args = {a for a in typing.get_args(hint) if a is not Ellipsis}
        if len(args) == 1:
            return pa.list_(arrow_type(args.pop()))
    return pa.string()


@functools.cache
def _is_json(hint: Any) -> bool:
    return arrow_type(hint) == pa.string() and _strip_optional(hint) is not str


def encode(value: Any, hint: Any) -> Any:
    """A Python value as the Arrow column of ``hint`` expects it."""
    hint = _strip_optional(hint)
    if value is None:
        return None
    if _is_json(hint):
        return json.dumps(value, ensure_ascii=False, default=str)
    if dataclasses.is_dataclass(hint):
        return {k: encode(getattr(value, k), h) for k, h in _hints(hint).items()}
    origin = typing.get_origin(hint)
    if origin in (list, tuple):
        args = [a for a in typing.get_args(hint) if a is not Ellipsis] or [Any]
        return [encode(v, args[0]) for v in value]
    return value


def decode(value: Any, hint: Any) -> Any:
    """The inverse of :func:`encode`."""
    hint = _strip_optional(hint)
    if value is None:
        return None
    if _is_json(hint):
        return json.loads(value)
    if dataclasses.is_dataclass(hint):
        return from_row(hint, value)
    origin = typing.get_origin(hint)
    if origin is list:
        (arg,) = typing.get_args(hint) or (Any,)
        return [decode(v, arg) for v in value]
    if origin is tuple:
        args = [a for a in typing.get_args(hint) if a is not Ellipsis] or [Any]
        return tuple(decode(v, args[0]) for v in value)
    return value


def from_row(cls: type, row: dict[str, Any], skip: Iterable[str] = ()) -> Any:
    """Build a dataclass from a row, ignoring columns it does not know."""
    hints = _hints(cls)
    kwargs = {k: decode(row[k], h) for k, h in hints.items() if k in row and k not in skip}
    return cls(**kwargs)


def _fields(cls: type, skip: Iterable[str] = ()) -> list[tuple[str, Any]]:
    return [(k, h) for k, h in _hints(cls).items() if k not in skip]


def _row(obj: Any, skip: Iterable[str] = ()) -> dict[str, Any]:
    return {k: encode(getattr(obj, k), h) for k, h in _fields(type(obj), skip)}


# --- tables ----------------------------------------------------------------------------------------------------

_DOC_EXTRA = [("stages", pa.list_(pa.string())), ("n_tokens", pa.int64()), ("seconds", pa.float64())]


def schema(table: str) -> pa.Schema:
    """The Arrow schema of one output table."""
    if table == "errors":
        return ERROR_SCHEMA
    if table == "documents":
        fields = [("doc_id", pa.string())] + [(k, arrow_type(h)) for k, h in _fields(Document)] + _DOC_EXTRA
    elif table == "sentences":
        fields = [("doc_id", pa.string())] + [(k, arrow_type(h)) for k, h in _fields(Sentence, ["tokens"])]
    elif table == "tokens":
        fields = [("doc_id", pa.string()), ("sentence", pa.int64())] + [(k, arrow_type(h)) for k, h in _fields(Token)]
    else:
        fields = [("doc_id", pa.string()), ("index", pa.int64())]
        fields += [(k, arrow_type(h)) for k, h in _fields(ITEM_TABLES[table])]
    return pa.schema(fields)


def analysis_rows(analysis: Analysis, seconds: float | None = None) -> dict[str, list[dict[str, Any]]]:
    """The rows an analysis contributes to each table (errors excluded)."""
    doc_id = analysis.doc.id
    n_tokens = sum(len(s.tokens) for s in analysis.sentences)
    rows: dict[str, list[dict[str, Any]]] = {
        "documents": [{"doc_id": doc_id, **_row(analysis.doc), "stages": list(analysis.stages),
                       "n_tokens": n_tokens, "seconds": seconds}],
        "sentences": [{"doc_id": doc_id, **_row(s, ["tokens"])} for s in analysis.sentences],
        "tokens": [{"doc_id": doc_id, "sentence": s.index, **_row(t)} for s in analysis.sentences for t in s.tokens],
    }
    for table in ITEM_TABLES:
        rows[table] = [{"doc_id": doc_id, "index": i, **_row(x)} for i, x in enumerate(getattr(analysis, table))]
    return rows


def rows_to_table(table: str, rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema(table))


def write_shard(out: Path, shard: str, rows: dict[str, list[dict[str, Any]]]) -> None:
    """Write one shard of every table; ``documents`` last, so that done means complete."""
    order = [t for t in TABLES if t != "documents"] + ["documents"]
    for table in order:
        if table not in rows or (table == "errors" and not rows[table]):
            continue
        d = out / table
        d.mkdir(parents=True, exist_ok=True)
        tmp = d / f".{shard}.parquet.tmp"
        pq.write_table(rows_to_table(table, rows[table]), tmp)
        os.replace(tmp, d / f"{shard}.parquet")


def read_table(out: Path, table: str, columns: list[str] | None = None) -> pa.Table:
    """All shards of a table (or some of its columns), with a ``shard`` column naming each row's file."""
    files = sorted((out / table).glob("*.parquet")) if (out / table).is_dir() else []
    parts = []
    for f in files:
        t = pq.read_table(f, columns=columns)
        parts.append(t.append_column("shard", pa.array([f.stem] * t.num_rows, pa.string())))
    if not parts:
        s = schema(table)
        empty = s.empty_table() if columns is None else s.empty_table().select(columns)
        return empty.append_column("shard", pa.array([], pa.string()))
    return pa.concat_tables(parts, promote_options="default")


def done_ids(out: Path, include_errors: bool = True) -> set[str]:
    """Ids of documents already in ``out`` (extracted, and failed unless ``include_errors`` is False)."""
    ids = set(read_table(out, "documents", ["doc_id"]).column("doc_id").to_pylist())
    if include_errors:
        ids |= set(read_table(out, "errors", ["doc_id"]).column("doc_id").to_pylist())
    return ids - {None}


def read_analyses(out: Path, tokens: bool = True) -> Iterator[Analysis]:
    """Rebuild the analyses stored in ``out``, one shard at a time (a rerun's later shard wins).

    With ``tokens=False`` sentences come without their tokens (quicker, for stores that do not keep them).
    """
    latest: dict[str, str] = {}  # doc_id -> shard holding its newest extraction
    for doc_id, shard in zip(*read_table(out, "documents", ["doc_id"]).select(["doc_id", "shard"]).to_pydict()
                             .values(), strict=True):
        latest[doc_id] = shard  # shards are read in name order: later ones are newer
    by_shard: dict[str, set[str]] = defaultdict(set)
    for doc_id, shard in latest.items():
        by_shard[shard].add(doc_id)
    tables = ("sentences", "tokens", *ITEM_TABLES) if tokens else ("sentences", *ITEM_TABLES)
    for shard in sorted(by_shard):
        wanted = by_shard[shard]
        grouped: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
        for table in tables:
            f = out / table / f"{shard}.parquet"
            if f.exists():
                for row in pq.read_table(f).to_pylist():
                    if row["doc_id"] in wanted:
                        grouped[row["doc_id"]][table].append(row)
        for drow in pq.read_table(out / "documents" / f"{shard}.parquet").to_pylist():
            if drow["doc_id"] in wanted:
                yield _analysis(drow, grouped.get(drow["doc_id"], {}))


def _analysis(drow: dict[str, Any], g: dict[str, list[dict[str, Any]]]) -> Analysis:
    analysis = Analysis(from_row(Document, drow), stages=list(drow.get("stages") or []))
    tokens: dict[int, list[Token]] = defaultdict(list)
    for r in sorted(g.get("tokens", []), key=lambda r: (r["sentence"], r["i"])):
        tokens[r["sentence"]].append(from_row(Token, r))
    for r in sorted(g.get("sentences", []), key=lambda r: r["index"]):
        s = from_row(Sentence, r, skip=["tokens"])
        s.tokens = tokens.get(s.index, [])
        analysis.sentences.append(s)
    for table, cls in ITEM_TABLES.items():
        setattr(analysis, table, [from_row(cls, r) for r in sorted(g.get(table, []), key=lambda r: r["index"])])
    return analysis


def read_errors(out: Path) -> list[dict[str, Any]]:
    """Errors of documents that have not since been extracted by a rerun."""
    done = done_ids(out, include_errors=False)
    return [r for r in read_table(out, "errors").to_pylist() if r["doc_id"] not in done]
