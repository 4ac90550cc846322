"""The `language` stage: sentences and tokens, with the full parse where it matters.

Options: ``analyzer`` ("frog", the default, or "simple") and ``cascade`` (default
True).  The fast analyzer always splits sentences and tokenizes, so sentence
indices and offsets are the same whichever way a sentence was analysed.  With the
cascade only sentences with a trigger (``lang/<xx>/cascade.yaml``) are parsed by
Frog, in one request per document; the others keep their fast tokens with
``parsed=False``.  Documents in a language without a full analyzer keep the fast pass.
"""

from __future__ import annotations

import logging

from diplograph.extract.pipeline import register
from diplograph.language import get_analyzer
from diplograph.language.cascade import load_triggers
from diplograph.language.frog import FrogError
from diplograph.language.simple import SimpleAnalyzer
from diplograph.model import Analysis

log = logging.getLogger(__name__)

FULL_ANALYZER_LANGS = {"frog": ("nl",)}


@register("language")
class LanguageStage:
    name = "language"
    version = "2"

    def __init__(self, analyzer: str = "frog", cascade: bool = True, lang: str = "nl", **_: object) -> None:
        if analyzer not in ("frog", "simple"):
            raise ValueError(f"unknown analyzer {analyzer!r}; known: frog, simple")
        self.analyzer_name = analyzer
        self.cascade = cascade
        self.lang = lang
        self.fast = SimpleAnalyzer()
        self.stats = {"sentences": 0, "parsed_sentences": 0, "tokens": 0, "parsed_tokens": 0}

    def __call__(self, analysis: Analysis) -> None:
        sentences = self.fast.analyse(analysis.doc.text)
        analysis.sentences = sentences
        lang = (analysis.doc.lang or self.lang or "").lower()[:2]
        if self.analyzer_name != "simple" and lang in FULL_ANALYZER_LANGS.get(self.analyzer_name, ()):
            todo = load_triggers(lang).select(sentences) if self.cascade else sentences
            if todo:
                full = get_analyzer(self.analyzer_name)  # a missing engine is an error (raised here)
                try:
                    full.parse(todo)  # type: ignore[attr-defined]
                except FrogError as e:  # the server failed twice on this document: keep the fast pass
                    log.warning("%s: full analysis failed, fast pass kept: %s", analysis.doc.id, e)
                    sentences = analysis.sentences = self.fast.analyse(analysis.doc.text)
        self.stats["sentences"] += len(sentences)
        self.stats["tokens"] += sum(len(s.tokens) for s in sentences)
        self.stats["parsed_sentences"] += sum(s.parsed for s in sentences)
        self.stats["parsed_tokens"] += sum(len(s.tokens) for s in sentences if s.parsed)

    def close(self) -> None:
        """Nothing to close: the analyzer is shared by the process (see diplograph.language)."""
