"""The interface every linguistic engine (Frog for Dutch, later others) implements."""

from __future__ import annotations

from typing import Protocol

from diplograph.model import Sentence


class Analyzer(Protocol):
    """Turns text into sentences of tokens with offsets into that text."""

    name: str

    def analyse(self, text: str) -> list[Sentence]: ...

    def close(self) -> None: ...
