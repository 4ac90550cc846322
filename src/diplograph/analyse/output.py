"""Render analysis results as a text table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import shutil
from typing import Any

FORMATS = ("table", "json", "csv")


def render(data: Any, rows: list[dict[str, Any]], fmt: str, width: int | None = None) -> str:
    """``json`` renders the full data with evidence; ``csv`` and ``table`` render the flat rows."""
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2)
    if fmt == "csv":
        return to_csv(rows)
    if fmt == "table":
        return to_table(rows, width or shutil.get_terminal_size((160, 24)).columns)
    raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list | tuple):
        return ",".join(map(str, v))
    if isinstance(v, float):
        return f"{v:g}"
    return str(v).replace("\n", " ")


def to_csv(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return ""
    buf = io.StringIO()
    cols = list(dict.fromkeys(k for r in rows for k in r))
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: _cell(r.get(k)) for k in cols})
    return buf.getvalue()


def to_table(rows: list[dict[str, Any]], width: int = 160) -> str:
    """A plain aligned table; long columns are shortened so the table fits ``width``."""
    if not rows:
        return "(nothing found)"
    cols = list(dict.fromkeys(k for r in rows for k in r))
    cells = [[_cell(r.get(c)) for c in cols] for r in rows]
    widths = [max(len(c), *(len(row[i]) for row in cells)) for i, c in enumerate(cols)]
    floor = 8  # no column is cut below this
    budget = max(width - 2 * (len(cols) - 1), sum(min(w, floor) for w in widths))
    if sum(widths) > budget:  # water-filling: the widest columns are cut to a common cap
        cap = max(widths)
        while cap > floor and sum(min(w, cap) for w in widths) > budget:
            cap -= 1
        widths = [min(w, cap) for w in widths]

    def fit(s: str, w: int) -> str:
        return s if len(s) <= w else s[: w - 1] + "…"

    lines = ["  ".join(fit(c, w).ljust(w) for c, w in zip(cols, widths, strict=True)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(fit(v, w).ljust(w) for v, w in zip(row, widths, strict=True)).rstrip() for row in cells]
    return "\n".join(lines)
