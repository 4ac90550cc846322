"""The `language` stage: sentences and tokens from a linguistic engine."""

from __future__ import annotations

from diplograph.extract.pipeline import register
from diplograph.language.simple import SimpleAnalyzer
from diplograph.model import Analysis


@register("language")
class LanguageStage:
    name = "language"
    version = "1"

    def __init__(self, analyzer: str = "simple", **_: object) -> None:
        self.analyzer = SimpleAnalyzer()

    def __call__(self, analysis: Analysis) -> None:
        analysis.sentences = self.analyzer.analyse(analysis.doc.text)

    def close(self) -> None:
        self.analyzer.close()
