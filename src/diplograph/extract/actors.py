"""The `actors` stage (to be filled in)."""

from __future__ import annotations

from diplograph.extract.pipeline import register
from diplograph.model import Analysis


@register("actors")
class ActorsStage:
    name = "actors"
    version = "0"

    def __init__(self, **_: object) -> None:
        pass

    def __call__(self, analysis: Analysis) -> None:
        pass
