"""The extraction pipeline: named stages with one interface, composed in order.

A stage takes an :class:`~diplograph.model.Analysis` and adds to it (sentences,
mentions, quotes, events, positions).  Stages are registered by name, so a
later stage replaces an earlier version by registering under the same name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from diplograph.model import Analysis, Document


class Stage(Protocol):
    name: str
    version: str

    def __call__(self, analysis: Analysis) -> None: ...


_REGISTRY: dict[str, Callable[[], Stage]] = {}

DEFAULT_STAGES = ["language", "actors", "quotes", "events", "positions"]


def register(name: str) -> Callable[[Callable[[], Stage]], Callable[[], Stage]]:
    """Decorator: register a stage factory under ``name``."""

    def deco(factory: Callable[[], Stage]) -> Callable[[], Stage]:
        _REGISTRY[name] = factory
        return factory

    return deco


def available_stages() -> list[str]:
    _load_builtin()
    return sorted(_REGISTRY)


def _load_builtin() -> None:
    # Importing the modules registers their stages.
    from diplograph.extract import stages  # noqa: F401


class Pipeline:
    """Runs stages in order over documents."""

    def __init__(self, stages: Iterable[str] | None = None, **options: object) -> None:
        _load_builtin()
        names = list(stages or DEFAULT_STAGES)
        unknown = [n for n in names if n not in _REGISTRY]
        if unknown:
            raise ValueError(f"unknown stage(s): {', '.join(unknown)}; known: {', '.join(sorted(_REGISTRY))}")
        self.stages: list[Stage] = []
        for n in names:
            factory = _REGISTRY[n]
            try:
                self.stages.append(factory(**options))  # type: ignore[call-arg]
            except TypeError:
                self.stages.append(factory())

    def run(self, doc: Document) -> Analysis:
        analysis = Analysis(doc)
        for stage in self.stages:
            stage(analysis)
            analysis.stages.append(f"{stage.name}@{stage.version}")
        return analysis

    def close(self) -> None:
        for stage in self.stages:
            close = getattr(stage, "close", None)
            if close:
                close()

    def __enter__(self) -> Pipeline:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
