"""PLOVER event types: modes, quad classes and conflict-cooperation scores (data/plover.yaml)."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def _data() -> dict[str, Any]:
    text = resources.files("diplograph").joinpath("data/plover.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)


def types() -> list[str]:
    """The 16 PLOVER event types."""
    return list(_data()["types"])


def modes(type_: str) -> list[str]:
    """The modes PLOVER defines for ``type_``."""
    return list(_data()["types"][type_]["modes"])


def quad_class(type_: str) -> str:
    """verbal_cooperation, material_cooperation, verbal_conflict or material_conflict."""
    return _data()["types"][type_]["quad"]


def plover_score(type_: str, mode: str | None = None) -> float:
    """Conflict (-10) to cooperation (+10) score of a type, refined by its mode when known."""
    spec = _data()["types"][type_]
    return float(spec["modes"].get(mode, spec["score"]) if mode else spec["score"])


def recipient_required(type_: str) -> bool:
    return bool(_data()["types"][type_]["recipient_required"])


@cache
def _conflicts() -> frozenset[frozenset[str]]:
    return frozenset(frozenset(pair) for pair in _data().get("conflicts", []))


def conflict_party(code: str) -> bool:
    """True when ``code`` is a party to one of the listed armed conflicts."""
    return any(code in pair for pair in _conflicts())


def opponents(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` are on opposite sides of a listed armed conflict."""
    return frozenset((a, b)) in _conflicts()


def opponents_of(code: str) -> list[str]:
    """The parties ``code`` is at war with, in the order of data/plover.yaml."""
    return [c for pair in _data().get("conflicts", []) if code in pair for c in pair if c != code]
