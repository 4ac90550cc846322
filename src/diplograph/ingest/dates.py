"""Publication dates as given, at their precision: YYYY, YYYY-MM or YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date

_ISO = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_SLASH = re.compile(r"^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$")
_DMY = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$")


def normalise_date(value: object) -> str | None:
    """Normalise a date to ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; timestamps become the day.

    Returns None for empty input; raises ValueError for text that is not a date.
    """
    if value is None:
        return None
    if isinstance(value, int) and 1000 <= value <= 9999:
        return str(value)
    s = str(value).strip()
    if not s:
        return None
    m = _ISO.match(s) or _SLASH.match(s)
    if m:
        y, mo, d = m.group(1), m.group(2), m.group(3)
    else:
        m = _DMY.match(s)
        if not m:
            raise ValueError(f"not a date: {s!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
        d, mo, y = m.group(1), m.group(2), m.group(3)
    if mo is None:
        return y
    if not 1 <= int(mo) <= 12:
        raise ValueError(f"not a date: {s!r} (month {mo})")
    if d is None:
        return f"{y}-{int(mo):02d}"
    date(int(y), int(mo), int(d))  # raises ValueError for 2023-02-30
    return f"{y}-{int(mo):02d}-{int(d):02d}"
