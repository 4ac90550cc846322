"""The gazetteer of the `actors` stage: every KB alias and media outlet in one regular expression.

Longest match first, on word boundaries, accents optional; short or all-capital aliases
match case-sensitively; names glued to a head noun ("Kremlinleider") are found too, and
surnames spelled a little differently ("Medinskiy") can be looked up fuzzily.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from diplograph.extract.actor_kb import KB, Alias, Person, load_kb
from diplograph.extract.actor_lexicon import Lexicon, fold, load_lexicon, strip_accents

MEDIA = "media"


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    alias: Alias


class Gazetteer:
    """All aliases of the KB and the media outlets in one longest-first regular expression."""

    def __init__(self, kb: KB, lexicon: Lexicon) -> None:
        self.exact: dict[str, Alias] = {}
        self.lower: dict[str, Alias] = {}
        self.surnames: dict[str, list[Person]] = {}
        for p in kb.people:
            for n in {fold(a.split()[-1]) for a in [p.name, *p.aliases] if a not in p.ambiguous}:
                if len(n) >= 5 and p not in self.surnames.setdefault(n, []):
                    self.surnames[n].append(p)
        self.surname_keys = list(self.surnames)
        rank = {"person": 0, "name": 1, "metonym": 2, "demonym": 3, "adjective": 4}
        aliases = sorted(kb.aliases, key=lambda a: rank.get(a.kind, 9))
        media = [Alias(m, MEDIA, "", m, m in lexicon.ambiguous_media) for m in lexicon.media]
        for a in media + aliases:
            key = strip_accents(a.text)
            if a.text.islower():
                self.lower.setdefault(key.lower(), a)
            else:
                self.exact.setdefault(key, a)
                if key.isupper() and len(key) >= 4 and key.isalpha():  # NAVO -> Navo, NATO -> Nato
                    self.exact.setdefault(key.capitalize(), a)
                if a.kind == MEDIA and len(key) >= 4:  # datelines: "(REUTERS)"
                    self.exact.setdefault(key.upper(), a)
        parts = []
        for key in sorted(set(self.exact) | set(self.lower), key=len, reverse=True):
            alias = self.exact.get(key) or self.lower[key]
            body = re.escape(key)
            if key in self.lower and key not in self.exact:
                body = f"(?i:{body})"
            if alias.kind in ("person", "name", "metonym") and len(key) >= 4 and key[-1].isalpha() \
                    and key[-1] not in "sxz":
                body += "(?:'s|s)?"
            parts.append(body)
        self.regex = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w)")
        # "Kremlinleider", "Hamasleider", "Navotop": a name with a head noun glued on
        stems = sorted((k for k, a in self.exact.items() if a.kind in ("name", "metonym") and len(k) >= 4),
                       key=len, reverse=True)
        heads = sorted(lexicon.compound_heads, key=len, reverse=True)
        self.compound = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in stems) + r")(?=(?:"
                                   + "|".join(re.escape(h) for h in heads) + r")(?!\w))")

    def fuzzy_person(self, name: str) -> Person | None:
        """The KB person whose surname is spelled nearly like the last word of ``name`` ("Medinskiy")."""
        words = [w for w in re.findall(r"[\w'’-]+", name) if w[:1].isupper()]
        if not words or len(words[-1]) < 5:
            return None
        key = fold(words[-1])
        best = process.extractOne(key, self.surname_keys, scorer=fuzz.ratio, score_cutoff=90)
        if best is None or best[0][0] != key[0]:
            return None
        if len(words) == 1 and (best[1] == 100 or len(key) < 6):
            return None  # an exact surname alone was the gazetteer's to take (or to leave: ambiguous)
        people = self.surnames[best[0]]
        if len(people) != 1:
            return None
        person = people[0]
        if len(words) > 1:  # a first name must fit too
            firsts = {fold(n.split()[0])[:2] for n in [person.name, *person.aliases] if " " in n}
            if firsts and fold(words[0])[:2] not in firsts:
                return None
        return person

    def lookup(self, form: str) -> Alias | None:
        for f in (form, re.sub(r"('s|s)$", "", form)):
            if f in self.exact:
                return self.exact[f]
            if f.lower() in self.lower:
                return self.lower[f.lower()]
        return None

    def find(self, text: str) -> list[Hit]:
        folded = strip_accents(text)
        hits = []
        for m in self.regex.finditer(folded):
            alias = self.lookup(m.group())
            if alias is not None:
                hits.append(Hit(m.start(), m.end(), alias))
        taken = {h.start for h in hits}
        for m in self.compound.finditer(folded):
            if m.start() not in taken:
                hits.append(Hit(m.start(), m.end(1), self.exact[m.group(1)]))
        return sorted(hits, key=lambda h: h.start)


@lru_cache(maxsize=2)
def load_gazetteer(lang: str) -> tuple[KB, Lexicon, Gazetteer]:
    """The KB, the language's patterns and their gazetteer (built once per process)."""
    kb, lex = load_kb(), load_lexicon(lang)
    return kb, lex, Gazetteer(kb, lex)


