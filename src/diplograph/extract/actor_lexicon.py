"""Language knowledge of the `actors` stage, read from ``lang/<xx>/actor_patterns.yaml``.

Role nouns, titles, media outlets and the context words that decide whether a mention
names an acting party; plus the text helpers the stage matches with.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources

import yaml


@dataclass
class Lexicon:
    """Dutch role nouns, media names and context words (lang/nl/actor_patterns.yaml)."""

    roles: dict[str, str]  # phrase (lower case) -> role key
    unique_roles: set[str]
    org_head_roles: dict[str, str]
    agent_nouns: set[str]
    non_actor_nouns: set[str]
    pronouns: set[str]
    coref_roles: set[str]
    locatives: set[str]
    locative_nouns: set[str]
    place_prepositions: set[str]
    conflict_nouns: set[str]
    action_nouns: set[str]
    hyphen_prefixes: set[str]
    compound_heads: list[str]
    titles: set[str]
    former: set[str]
    media: list[str]
    ambiguous_media: set[str]
    member_nouns: set[str] = field(default_factory=set)
    origin_prepositions: set[str] = field(default_factory=set)
    visit_nouns: set[str] = field(default_factory=set)
    travel_words: set[str] = field(default_factory=set)
    set_nouns: list[str] = field(default_factory=list)
    measure_nouns: list[str] = field(default_factory=list)
    example_words: list[str] = field(default_factory=list)
    filler_words: list[str] = field(default_factory=list)
    comparison_words: list[str] = field(default_factory=list)
    compared_words: list[str] = field(default_factory=list)
    comparative_words: list[str] = field(default_factory=list)  # "dan" after a comparative: "erger dan China"
    quantifiers: set[str] = field(default_factory=set)  # "85 Nederlanders", "duizenden Russen": people
    counterpart_nouns: list[str] = field(default_factory=list)  # "vredesbesprekingen met de Palestijnen"
    counterpart_prepositions: set[str] = field(default_factory=set)
    name_describers: set[str] = field(default_factory=set)  # "Obama-achtig", "Poetin-aanhangers"
    treaty_nouns: list[str] = field(default_factory=list)  # "het klimaatakkoord van Parijs"
    shares: set[str] = field(default_factory=set)  # "driekwart van de Nederlanders"
    person_adjectives: list[str] = field(default_factory=list)  # "de 30-jarige Duitser" (word endings)
    population_words: set[str] = field(default_factory=set)  # "heel Nederland"
    no_reaction_words: list[str] = field(default_factory=list)
    no_reaction_re: re.Pattern[str] = field(init=False)  # "heeft nog niet gereageerd" after a name
    long_nouns: list[str] = field(init=False)  # nouns of 5+ letters that end a capitalised common noun
    role_re: re.Pattern[str] = field(init=False)
    list_fillers: re.Pattern[str] = field(init=False)  # "landen als" between a locative and a list
    comparison_re: re.Pattern[str] = field(init=False)  # "net zoals", "zoals bij"
    compared_re: re.Pattern[str] = field(init=False)  # "in tegenstelling tot" right before the name
    example_re: re.Pattern[str] = field(init=False)  # "landen, waaronder": group 1 is the set noun
    comparative_re: re.Pattern[str] = field(init=False)  # "erger dan" right before the name
    role_glued: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        fillers = "|".join(re.escape(fold(f)).replace(r"\ ", r"\s+") for f in sorted(self.filler_words, key=len,
                                                                                     reverse=True)) or "(?!)"
        self.list_fillers = re.compile(r"(?<!\w)(?:" + fillers + r")\s*$")
        marks = "|".join(re.escape(fold(c)).replace(r"\ ", r"\s+") for c in self.comparison_words) or "(?!)"
        examples = "|".join(re.escape(fold(c)).replace(r"\ ", r"\s+") for c in self.example_words) or "(?!)"
        self.example_re = re.compile(r"([\w-]+),?\s+(?:" + examples + r")\s+$")
        self.comparison_re = re.compile(r"(?<!\w)(?:" + marks + r")(?!\w)")
        heads = "|".join(re.escape(fold(c)).replace(r"\ ", r"\s+") for c in self.compared_words) or "(?!)"
        self.compared_re = re.compile(r"(?<!\w)(?:" + heads + r")\s+(?:(?:de|het)\s+)?(?:\w+\s+(?:als|zoals)\s+)?$")
        self.long_nouns = sorted(n for n in self.non_actor_nouns | self.agent_nouns | set(self.roles) if len(n) >= 5)
        silent = "|".join(re.escape(fold(c)).replace(r"\ ", r"\s+") for c in self.no_reaction_words) or "(?!)"
        self.no_reaction_re = re.compile(r"(?:\s+\w+){0,3}?\s+(?:" + silent + r")(?!\w)")
        than = "|".join(re.escape(fold(c)) for c in self.comparative_words) or "(?!)"
        # a comparative (-er: "erger", "groter", "meer", "minder") and "dan" right before the name
        self.comparative_re = re.compile(r"(?<!\w)\w+er\s+(?:" + than + r")\s+(?:(?:de|het)\s+)?$")
        phrases = sorted(self.roles, key=len, reverse=True)
        # "vicevoorzitter van de (Russische) veiligheidsraad": a nationality may stand inside the phrase
        body = "|".join(re.sub(r"(van\\ (?:de|het)\\ )", r"\1(?:\\w+\\ )?", re.escape(p)) for p in phrases)
        self.role_re = re.compile(r"(?<!\w)(?:" + body + r")(?!\w)")
        self.role_glued = re.compile(r"(?:" + body + r")(?!\w)")  # after a name: "Hamasleider"
        self.role_keys = [(re.compile(r"(?:" + re.sub(r"(van\\ (?:de|het)\\ )", r"\1(?:\\w+\\ )?", re.escape(p))
                                      + r")$"), k) for p, k in sorted(self.roles.items(), key=lambda x: -len(x[0]))]

    def role_of(self, phrase: str) -> str:
        """The role key of a matched role phrase (which may hold a nationality)."""
        if phrase in self.roles:
            return self.roles[phrase]
        return next(k for r, k in self.role_keys if r.match(phrase))


@lru_cache(maxsize=2)
def load_lexicon(lang: str = "nl") -> Lexicon:
    path = resources.files("diplograph") / "lang" / lang / "actor_patterns.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    roles = {fold(p): key for key, phrases in data["roles"].items() for p in phrases}
    low = lambda key: {fold(w) for w in data.get(key, [])}  # noqa: E731
    return Lexicon(
        roles=roles,
        unique_roles=set(data.get("unique_roles", [])),
        org_head_roles=dict(data.get("org_head_roles", {})),
        agent_nouns=low("agent_nouns"),
        non_actor_nouns=low("non_actor_nouns"),
        pronouns=low("pronouns"),
        coref_roles=low("coref_roles"),
        locatives=low("locative_prepositions"),
        locative_nouns=low("locative_nouns"),
        place_prepositions=low("place_prepositions"),
        conflict_nouns=low("conflict_nouns"),
        action_nouns=low("action_nouns"),
        hyphen_prefixes=low("hyphen_prefixes"),
        compound_heads=[str(w) for w in data.get("compound_heads", [])],
        titles=low("titles"),
        former=low("former"),
        media=[str(m) for m in data.get("media", [])],
        ambiguous_media={str(m) for m in data.get("ambiguous_media", [])},
        member_nouns=low("member_nouns"),
        origin_prepositions=low("origin_prepositions"),
        visit_nouns=low("visit_nouns"),
        travel_words=low("travel_words"),
        set_nouns=sorted(low("set_nouns")),
        measure_nouns=sorted(low("measure_nouns")),
        example_words=[str(w) for w in data.get("example_markers", [])],
        filler_words=[str(w) for w in data.get("list_fillers", [])],
        comparison_words=[str(w) for w in data.get("comparisons", [])],
        compared_words=[str(w) for w in data.get("compared", [])],
        comparative_words=[str(w) for w in data.get("comparatives", [])],
        quantifiers=low("quantifiers"),
        counterpart_nouns=sorted(low("counterpart_nouns")),
        counterpart_prepositions=low("counterpart_prepositions"),
        name_describers=low("name_describers"),
        treaty_nouns=sorted(low("treaty_nouns")),
        shares=low("shares"),
        person_adjectives=sorted(low("person_adjectives")),
        population_words=low("population_words"),
        no_reaction_words=[str(w) for w in data.get("no_reaction", [])],
    )


# --------------------------------------------------------------------------- text helpers


@cache
def _bare(c: str) -> str:
    """A character without its accents, or the character itself when that would change the length."""
    d = "".join(x for x in unicodedata.normalize("NFKD", c) if not unicodedata.combining(x))
    return d if len(d) == 1 else c


def strip_accents(text: str) -> str:
    """Remove accents character by character, keeping the length (offsets stay valid)."""
    if not text.isascii():
        text = "".join(map(_bare, text)).replace("’", "'").replace("‘", "'")
    return text


def fold(text: str) -> str:
    """Lower case without accents, character by character (offsets stay valid)."""
    if text.isascii():
        return text.lower()
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in strip_accents(text))


_WORD = re.compile(r"[^\W_]+(?:['][^\W_]+)*", re.UNICODE)


def words_before(text: str, pos: int, n: int) -> list[str]:
    """Up to ``n`` lower-cased words ending before ``pos`` (nearest last)."""
    start = max(0, pos - 80)
    return [w.lower() for w in _WORD.findall(text[start:pos])][-n:]


def words_after(text: str, pos: int, n: int) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[pos:pos + 80])][:n]


