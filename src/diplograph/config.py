"""Settings from the environment, with defaults that work in a fresh checkout."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_DB = "sqlite:///diplograph.db"


@dataclass(frozen=True)
class Settings:
    db: str  # SQLAlchemy URL of the store
    analyzer: str  # linguistic engine of the language stage: "simple" or "frog"
    batch_size: int  # documents per transaction when ingesting


def settings() -> Settings:
    """Read ``DIPLOGRAPH_DB``, ``DIPLOGRAPH_ANALYZER``, ``DIPLOGRAPH_BATCH`` (all optional)."""
    return Settings(
        db=os.environ.get("DIPLOGRAPH_DB") or DEFAULT_DB,
        analyzer=os.environ.get("DIPLOGRAPH_ANALYZER") or "simple",
        batch_size=int(os.environ.get("DIPLOGRAPH_BATCH") or 50),
    )
