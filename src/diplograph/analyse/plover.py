"""PLOVER scores and quad classes for the analyses, from :mod:`diplograph.extract.plover` (data/plover.yaml).

Stored items may carry a type the codebook does not know (an older or a user's codebook): those
score 0 and have the quad class "unknown" instead of failing an analysis.
"""

from __future__ import annotations

from diplograph.extract import plover


def score_of(type_: str, mode: str | None = None) -> float:
    """Conflict (-10) to cooperation (+10) score of an event type and mode."""
    try:
        return plover.plover_score(type_, mode)
    except KeyError:
        return 0.0


def quad_of(type_: str) -> str:
    """verbal_cooperation, material_cooperation, verbal_conflict, material_conflict or unknown."""
    try:
        return plover.quad_class(type_)
    except KeyError:
        return "unknown"


def are_opponents(a: str, b: str) -> bool:
    """True when a and b are listed as opposing parties of an armed conflict."""
    return plover.opponents(a, b)


def event_types() -> list[str]:
    """The PLOVER event types of the codebook."""
    return plover.types()
