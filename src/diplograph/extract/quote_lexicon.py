"""Loads the language knowledge of the `quotes` stage (lang/<code>/quotes.yaml)."""

from __future__ import annotations

import re
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
    particle_past_complementizer: bool = False  # the particle may follow a complementiser ("dat")


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
    # function words and word shapes (see the comments in quotes.yaml)
    articles: set[str] = field(default_factory=set)  # de, het, een
    definite_articles: set[str] = field(default_factory=set)  # de, het
    person_articles: set[str] = field(default_factory=set)  # "de president": may stand for a person named before
    country_determiners: set[str] = field(default_factory=set)  # "het Balkanland": may stand for a country
    determiners: set[str] = field(default_factory=set)  # articles, demonstratives and possessives
    possessives: set[str] = field(default_factory=set)  # "X en zijn ambtgenoot Y"
    demonstratives: set[str] = field(default_factory=set)  # "Dat zei X": never the subject
    auxiliaries: set[str] = field(default_factory=set)  # "heeft ... gezegd"
    passive_auxiliaries: set[str] = field(default_factory=set)  # "wordt gevreesd"
    agent_prepositions: set[str] = field(default_factory=set)  # "door X"
    coordinators: set[str] = field(default_factory=set)  # en, maar, want, of: a clause may start after them
    and_words: set[str] = field(default_factory=set)  # "X en Y"
    verb_coordinators: set[str] = field(default_factory=set)  # "noemde ... en zei": a second verb, one subject
    aux_clause_bounds: set[str] = field(default_factory=set)  # end the search for a cue's auxiliary
    non_fronting_openers: set[str] = field(default_factory=set)  # "Maar Trump zei": no fronted clause
    complementizers: set[str] = field(default_factory=set)  # "zei dat ..."
    relative_pronouns: set[str] = field(default_factory=set)  # ", die eerder zei"
    infinitive_markers: set[str] = field(default_factory=set)  # "zei verheugd te zijn"
    of_words: set[str] = field(default_factory=set)  # "de woordvoerder van het Kremlin"
    portfolio_words: set[str] = field(default_factory=set)  # "commissaris voor uitbreiding"
    headline_links: set[str] = field(default_factory=set)  # "Zelensky over ...: '...'"
    place_prepositions: set[str] = field(default_factory=set)  # "De ambassade in Caracas, ..."
    inversion_adverbs: set[str] = field(default_factory=set)  # "..., zo zei Macron"
    postposed_cues: set[str] = field(default_factory=set)  # "..., aldus X"
    quoting_participles: set[str] = field(default_factory=set)  # "Peskov, geciteerd door Tass"
    people_endings: tuple[str, ...] = ()  # "de Amerikanen": a people, not a person
    plural_endings: tuple[str, ...] = ()  # "diplomaten": several people
    plural_suffix: str = ""  # "ministers": several people (after a role)
    participle_prefix: str = ""  # gezegd, bekendgemaakt
    non_finite_endings: tuple[str, ...] = ()  # benadrukt, laten
    adjective_ending: str = ""  # Russische, voormalige
    not_adjectives: set[str] = field(default_factory=set)  # deze, die
    past_endings: tuple[str, ...] = ()  # noemde, zette: past tenses that end like adjectives
    adjective_past_like: tuple[str, ...] = ()  # -nde, -ste: adjectives that end like past tenses
    nationality_adjective: re.Pattern[str] = re.compile(r"(?!)")  # Russische, Nieuw-Zeelandse
    nationality_neuter: re.Pattern[str] = re.compile(r"(?!)")  # Russisch, Nigeriaans
    surname_particles: list[str] = field(default_factory=list)  # "von der Leyen"
    genitive_suffix: str = ""  # "Trumps"
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


def _endings(items: list[Any] | None) -> tuple[str, ...]:
    """Word endings as a tuple for ``str.endswith``, in the file's order."""
    return tuple(str(x).lower() for x in items or [])


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
            particle_past_complementizer=bool(v.get("particle_past_complementizer", False)),
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
        articles=_lower(d["articles"]),
        definite_articles=_lower(d["definite_articles"]),
        person_articles=_lower(d["person_articles"]),
        country_determiners=_lower(d["country_determiners"]),
        determiners=_lower(d["determiners"]),
        possessives=_lower(d["possessives"]),
        demonstratives=_lower(d["demonstratives"]),
        auxiliaries=_lower(d["auxiliaries"]),
        passive_auxiliaries=_lower(d["passive_auxiliaries"]),
        agent_prepositions=_lower(d["agent_prepositions"]),
        coordinators=_lower(d["coordinators"]),
        and_words=_lower(d["and_words"]),
        verb_coordinators=_lower(d["verb_coordinators"]),
        aux_clause_bounds=_lower(d["aux_clause_bounds"]),
        non_fronting_openers=_lower(d["non_fronting_openers"]),
        complementizers=_lower(d["complementizers"]),
        relative_pronouns=_lower(d["relative_pronouns"]),
        infinitive_markers=_lower(d["infinitive_markers"]),
        of_words=_lower(d["of_words"]),
        portfolio_words=_lower(d["portfolio_words"]),
        headline_links=_lower(d["headline_links"]),
        place_prepositions=_lower(d["place_prepositions"]),
        inversion_adverbs=_lower(d["inversion_adverbs"]),
        postposed_cues=_lower(d["postposed_cues"]),
        quoting_participles=_lower(d["quoting_participles"]),
        people_endings=_endings(d["people_endings"]),
        plural_endings=_endings(d["plural_endings"]),
        plural_suffix=str(d["plural_suffix"]).lower(),
        participle_prefix=str(d["participle_prefix"]).lower(),
        non_finite_endings=_endings(d["non_finite_endings"]),
        adjective_ending=str(d["adjective_ending"]).lower(),
        not_adjectives=_lower(d["not_adjectives"]),
        past_endings=_endings(d["past_endings"]),
        adjective_past_like=_endings(d["adjective_past_like"]),
        nationality_adjective=re.compile(str(d["nationality_adjective"])),
        nationality_neuter=re.compile(str(d["nationality_neuter"])),
        surname_particles=[str(x).lower() for x in d["surname_particles"]],
        genitive_suffix=str(d["genitive_suffix"]).lower(),
    )
