"""PLOVER scores and quad classes for the analyses.

Reads them from :mod:`diplograph.extract.plover` (data/plover.yaml).  FALLBACK: when that
module or a type is missing, a small built-in table of type-level scores is used instead,
so that the analyses still run; it is only a fallback, the YAML is the reference.
"""

from __future__ import annotations

# FALLBACK table (type -> (quad class, score)), used only where extract.plover cannot answer.
_FALLBACK: dict[str, tuple[str, float]] = {
    "AGREE": ("verbal_cooperation", 2.5),
    "CONSULT": ("verbal_cooperation", 2.5),
    "SUPPORT": ("verbal_cooperation", 5.0),
    "CONCEDE": ("verbal_cooperation", 4.5),
    "COOPERATE": ("material_cooperation", 9.5),
    "AID": ("material_cooperation", 10.0),
    "RETREAT": ("material_cooperation", 6.5),
    "REQUEST": ("verbal_conflict", 0.0),
    "ACCUSE": ("verbal_conflict", -3.0),
    "REJECT": ("verbal_conflict", -2.0),
    "THREATEN": ("verbal_conflict", -3.5),
    "PROTEST": ("material_conflict", -5.0),
    "SANCTION": ("material_conflict", -6.0),
    "MOBILIZE": ("material_conflict", -5.5),
    "COERCE": ("material_conflict", -7.0),
    "ASSAULT": ("material_conflict", -9.0),
}


def score_of(type_: str, mode: str | None = None) -> float:
    """Conflict (-10) to cooperation (+10) score of an event type and mode."""
    try:
        from diplograph.extract.plover import plover_score

        return float(plover_score(type_, mode))
    except (ImportError, KeyError, FileNotFoundError):
        return _FALLBACK.get(type_, ("", 0.0))[1]


def quad_of(type_: str) -> str:
    """verbal_cooperation, material_cooperation, verbal_conflict or material_conflict."""
    try:
        from diplograph.extract.plover import quad_class

        return str(quad_class(type_))
    except (ImportError, KeyError, FileNotFoundError):
        return _FALLBACK.get(type_, ("unknown", 0.0))[0]


def are_opponents(a: str, b: str) -> bool:
    """True when a and b are listed as opposing parties of an armed conflict."""
    try:
        from diplograph.extract.plover import opponents

        return bool(opponents(a, b))
    except (ImportError, KeyError, FileNotFoundError):
        return False
