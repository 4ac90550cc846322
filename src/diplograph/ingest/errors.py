"""Structured problems met while reading input: they name the file and line, and the batch goes on."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class IngestError:
    """One input problem. ``level`` is ``error`` (record skipped) or ``warning`` (record kept)."""

    source: str
    message: str
    line: int | None = None  # 1-based line (JSONL, CSV data row, text file), None for a whole file
    record: str | None = None  # record id when the input gave one
    level: str = "error"

    def __str__(self) -> str:
        where = self.source + (f":{self.line}" if self.line is not None else "")
        rec = f" [{self.record}]" if self.record else ""
        return f"{where}{rec}: {self.level}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)
