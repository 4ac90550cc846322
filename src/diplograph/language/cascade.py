"""The analysis cascade: which sentences of the fast pass deserve the full parse.

The trigger vocabulary is data: ``lang/<xx>/cascade.yaml`` (speech, diplomacy and
conflict words, quotation marks), plus the actor knowledge base's names and the
issue codebook's cues when the YAML asks for them.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from diplograph.language.simple import tokenize
from diplograph.model import Sentence

log = logging.getLogger(__name__)
_ENDINGS = ("en", "s", "'s", "n", "e", "es")
LANG_DIR = Path(__file__).resolve().parent.parent / "lang"


@dataclass
class Triggers:
    """Compiled trigger vocabulary for one language."""

    words: frozenset[str] = frozenset()
    prefixes: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()
    mark_tokens: frozenset[str] = frozenset()  # marks that count only as tokens of their own (')
    names: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # first token -> token sequences
    issues: list[re.Pattern[str]] = field(default_factory=list)
    # -1: a name or a word trigger is enough; N >= 0: a sentence needs a word trigger AND an actor
    # name in itself or in one of the N sentences before it (whom a pronoun or "de president" refers to)
    actor_window: int = -1
    # with actor_window > 0: a sentence leans on a name before it only through one of these words
    # (lower-cased tokens: "hij", "de president"); empty: any sentence in the window may
    anaphors: frozenset[str] = frozenset()

    def wants(self, sentence: Sentence) -> bool:
        """True when the sentence contains a trigger (a name or a word trigger)."""
        return self.has_name(sentence) or self.has_word_trigger(sentence)

    def has_word_trigger(self, sentence: Sentence) -> bool:
        """A quotation mark, a trigger word (or compound head) or an issue cue."""
        if any(m in sentence.text for m in self.marks):
            return True
        toks = [t.text for t in sentence.tokens]
        if any(t in self.mark_tokens for t in toks):
            return True
        for tok in toks:
            low = tok.lower()
            if low in self.words or low.startswith(self.prefixes) or self._compound(low):
                return True
        return any(p.search(sentence.text) for p in self.issues)

    def has_name(self, sentence: Sentence) -> bool:
        """A name, adjective, demonym or metonym of a known actor."""
        toks = [t.text for t in sentence.tokens]
        for k, tok in enumerate(toks):
            for seq in self.names.get(tok, ()):
                if tuple(toks[k:k + len(seq)]) == seq:
                    return True
            # one-word names inside a token: Guaidó's, pro-Maduro, Kremlin-woordvoerder
            for part in re.split(r"-|['’]s$", tok) if len(tok) > 3 else ():
                if part != tok and (part,) in self.names.get(part, ()):
                    return True
        return False

    def _compound(self, low: str) -> bool:
        """The word ends in one of ``parts`` (a compound's head), bare or with a plural/inflection ending."""
        if low in self.parts:
            return True
        for stem in {low, *(low[: -len(e)] for e in _ENDINGS if low.endswith(e))}:
            if stem.endswith(self.parts):  # quick test, then: at least 3 letters before the head (not "stop")
                if any(stem.endswith(p) and len(stem) - len(p) >= 3 for p in self.parts):
                    return True
        return False

    def select(self, sentences: list[Sentence]) -> list[Sentence]:
        """The sentences that go to the full parser."""
        if self.actor_window < 0 or not self.names:
            return [s for s in sentences if self.wants(s)]
        named = [self.has_name(s) for s in sentences]
        return [s for i, s in enumerate(sentences)
                if (named[i] or (any(named[max(0, i - self.actor_window):i]) and self.has_anaphor(s)))
                and self.has_word_trigger(s)]

    def has_anaphor(self, sentence: Sentence) -> bool:
        """A word that may refer to an actor named before (any word when no anaphors are listed)."""
        return not self.anaphors or any(t.text.lower() in self.anaphors for t in sentence.tokens)


def _actor_names() -> dict[str, list[tuple[str, ...]]]:
    from diplograph.extract.actor_kb import load_kb

    names: dict[str, list[tuple[str, ...]]] = {}
    for alias in load_kb().aliases:
        seq = tuple(t.text for t in tokenize(alias.text))
        if seq and seq[0][:1].isupper():
            names.setdefault(seq[0], []).append(seq)
    return names


def _issue_cues(lang: str) -> list[re.Pattern[str]]:
    from diplograph.extract.issues import load_codebook

    out = []
    for issue in load_codebook().issues:
        for table in (issue.cues, issue.support, issue.oppose):
            pat = table.get(lang)
            if pat is not None:
                out.append(pat)
    return out


@lru_cache(maxsize=8)
def load_triggers(lang: str = "nl") -> Triggers:
    """The cascade's triggers for ``lang`` (empty when the language has no cascade.yaml)."""
    path = LANG_DIR / lang / "cascade.yaml"
    if not path.exists():
        return Triggers()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    trig = Triggers(
        words=frozenset(w.lower() for w in data.get("words") or []),
        prefixes=tuple(p.lower() for p in data.get("prefixes") or []),
        parts=tuple(p.lower() for p in data.get("parts") or []),
        marks=tuple(data.get("quote_marks") or []),
        mark_tokens=frozenset(data.get("quote_tokens") or []),
        actor_window=int(data.get("actor_window", -1)),
        anaphors=frozenset(w.lower() for w in data.get("anaphors") or []),
    )
    try:  # other modules' data: the cascade works (with fewer triggers) without them
        if data.get("actor_names"):
            trig.names = _actor_names()
        if data.get("issue_cues"):
            trig.issues = _issue_cues(lang)
    except Exception as e:  # noqa: BLE001
        log.warning("cascade: actor names or issue cues not loaded: %s", e)
    return trig
