"""Loads the language knowledge of the `quotes` stage (lang/<code>/quotes.yaml)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@dataclass
class Verb:
    """A speech or cognition verb."""

    lemma: str
    forms: set[str]
    particle: set[str] = field(default_factory=set)
    joined: set[str] = field(default_factory=set)
    reported: bool = True
    needs: set[str] = field(default_factory=set)  # the cue counts only with one of these after it
    content: str = ""  # "after_particle": the reported words follow the particle
    particle_gap: int = 13  # the particle follows within this many words


@dataclass
class QuoteLexicon:
    """Quote marks, cue verbs and word lists for one language."""

    marks: dict[str, list[str]]
    apostrophes: set[str]
    apostrophe_words: set[str]
    max_quote_chars: int
    verbs: list[Verb]
    call_verbs: set[str]
    not_cues: list[list[str]]
    speech_nouns: set[str]
    fillers: set[str]
    according_to: set[str]
    clause_openers: set[str]
    subordinators: set[str]
    continuations: set[str]
    prepositions: set[str]
    anaphoric: set[str]
    roles: frozenset[str]
    name_particles: set[str]
    pronouns: set[str]
    np_stop: set[str]
    channels: set[str]
    media: list[str]
    scare_markers: set[str]
    naming_words: set[str]
    short_quote_words: int
    institutions: set[str] = field(default_factory=set)
    according_before_quote: set[str] = field(default_factory=set)
    negations: set[str] = field(default_factory=set)
    clause_verbs: set[str] = field(default_factory=set)
    sentence_openers: set[str] = field(default_factory=set)
    te_complement: set[str] = field(default_factory=set)  # lemmas whose words may be a te-infinitive clause
    te_blockers: set[str] = field(default_factory=set)  # words before "te" that put it in another clause
    embedding_words: set[str] = field(default_factory=set)  # open an embedded clause: hoe, wat, waarom
    country_nouns: set[str] = field(default_factory=set)  # "het Balkanland": a country described
    reciprocals: set[str] = field(default_factory=set)  # "elkaar": words said by more than one speaker
    by_form: dict[str, list[Verb]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for v in self.verbs:
            for f in v.forms | v.joined:
                self.by_form.setdefault(f, []).append(v)

    def is_media(self, text: str) -> bool:
        """True when ``text`` names a news medium (a channel, never a speaker)."""
        low = text.lower()
        return any(_contains_word(low, m.lower()) for m in self.media)


def _contains_word(text: str, word: str) -> bool:
    i = text.find(word)
    while i >= 0:
        before = text[i - 1] if i else " "
        after = text[i + len(word)] if i + len(word) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        i = text.find(word, i + 1)
    return False


def _lower(items: list[Any] | None) -> set[str]:
    return {str(x).lower() for x in items or []}


def has_lexicon(lang: str) -> bool:
    """True when ``lang/<lang>/quotes.yaml`` exists."""
    return (resources.files("diplograph") / "lang" / lang / "quotes.yaml").is_file()


@lru_cache(maxsize=4)
def load_lexicon(lang: str = "nl") -> QuoteLexicon:
    """The quote lexicon for ``lang`` (cached)."""
    path = resources.files("diplograph") / "lang" / lang / "quotes.yaml"
    d = yaml.safe_load(path.read_text(encoding="utf-8"))
    verbs = [
        Verb(
            lemma=v["lemma"],
            forms=_lower(v.get("forms")),
            particle=_lower(v.get("particle")),
            joined=_lower(v.get("joined")),
            reported=bool(v.get("reported", True)),
            needs=_lower(v.get("needs")),
            content=str(v.get("content", "")),
            particle_gap=int(v.get("particle_gap", 13)),
        )
        for v in d["speech_verbs"]
    ]
    return QuoteLexicon(
        marks={k: list(v) for k, v in d["quote_marks"].items()},
        apostrophes=set(d["apostrophe_marks"]),
        apostrophe_words=_lower(d["apostrophe_words"]),
        max_quote_chars=int(d["max_quote_chars"]),
        verbs=verbs,
        call_verbs=_lower(d["call_verbs"]),
        not_cues=[str(p).lower().split() for p in d["not_cues"]],
        speech_nouns=_lower(d["speech_nouns"]),
        fillers=_lower(d["cue_fillers"]),
        according_to=_lower(d["according_to"]),
        clause_openers=_lower(d["clause_openers"]),
        subordinators=_lower(d["subordinators"]),
        continuations=_lower(d["continuations"]),
        prepositions=_lower(d["prepositions"]),
        anaphoric=_lower(d["anaphoric_content"]),
        roles=frozenset(_lower(d["roles"])),
        name_particles=_lower(d["name_particles"]),
        pronouns=_lower(d["pronouns"]),
        np_stop=_lower(d["np_stop"]),
        channels=_lower(d["channel_markers"]),
        media=[str(m) for m in d["media"]],
        scare_markers=_lower(d["scare_markers"]),
        naming_words=_lower(d["naming_words"]),
        short_quote_words=int(d["short_quote_words"]),
        institutions=_lower(d.get("institutions")),
        according_before_quote=_lower(d.get("according_before_quote")),
        negations=_lower(d.get("negations")),
        clause_verbs=_lower(d.get("clause_verbs")),
        sentence_openers=_lower(d.get("sentence_openers")),
        te_complement=_lower(d.get("te_complement")),
        te_blockers=_lower(d.get("te_blockers")),
        embedding_words=_lower(d.get("embedding_words")),
        country_nouns=_lower(d.get("country_nouns")),
        reciprocals=_lower(d.get("reciprocals")),
    )
