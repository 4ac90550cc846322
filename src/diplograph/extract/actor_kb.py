"""The actor knowledge base: states, organisations, groups and the people who act for them.

The data lives in YAML under ``diplograph/data/actors/`` (one file per region or type);
``load_kb()`` reads every ``*.yaml`` file there (plus any extra paths) and indexes the
aliases for the gazetteer of the ``actors`` stage.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

ACTOR_TYPES = ("state", "organisation", "group", "collective")
# Alias kinds as stored in the index; they become Mention kinds (demonym -> adjective).
ALIAS_KINDS = ("name", "adjective", "demonym", "metonym", "person")


@dataclass(frozen=True)
class Role:
    """A dated office: ``start`` inclusive, ``end`` exclusive, ISO dates or None (open)."""

    role: str
    actor: str
    start: str | None = None
    end: str | None = None
    via: tuple[str, ...] = ()

    def active(self, date: str | None) -> bool:
        """Whether the role was held on ``date`` ("YYYY", "YYYY-MM" or "YYYY-MM-DD").

        A partial date matches when the role overlaps the period it names.
        """
        if not date:
            return self.end is None
        lo, hi = _period(date)
        return (self.start is None or self.start <= hi) and (self.end is None or self.end > lo)


def _period(date: str) -> tuple[str, str]:
    if len(date) == 4:
        return f"{date}-01-01", f"{date}-12-31"
    if len(date) == 7:
        return f"{date}-01", f"{date}-31"
    return date[:10], date[:10]


@dataclass
class Actor:
    code: str
    name: str
    type: str
    names: list[str] = field(default_factory=list)
    adjectives: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    leader: str = "president"  # role key of the person who leads it
    listed: bool = True  # False: not one of SCHEMA's codes; found and coded, never in a document's actor list
    dated: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)  # alias -> (start, end)

    @property
    def aliases(self) -> list[str]:
        """Every name the actor goes by (both languages), without duplicates."""
        return _unique([self.name, *self.names, *self.adjectives, *self.demonyms, *self.metonyms])


@dataclass
class Person:
    name: str
    actor: str
    aliases: list[str] = field(default_factory=list)
    roles: list[Role] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    gender: str = "m"  # m | f (for pronouns)

    def actor_at(self, date: str | None) -> str:
        """The code the person acts for at ``date`` (latest active role, else the default)."""
        active = [r for r in self.roles if r.active(date)]
        if active:
            return max(active, key=lambda r: r.start or "").actor
        return self.actor

    def roles_at(self, date: str | None) -> list[Role]:
        return [r for r in self.roles if r.active(date)]


@dataclass(frozen=True)
class Alias:
    """One surface form in the gazetteer."""

    text: str
    kind: str  # name | adjective | demonym | metonym | person
    actor: str
    person: str | None = None
    ambiguous: bool = False
    start: str | None = None  # the alias names the actor only from ``start`` (inclusive) ...
    end: str | None = None  # ... until ``end`` (exclusive): "Taliban" is Afghanistan's government since 2021-08-15

    def active(self, date: str | None) -> bool:
        """Whether the alias names its actor at ``date`` (undated documents: aliases without an end)."""
        return Role(self.kind, self.actor, self.start, self.end).active(date)


@dataclass
class KB:
    actors: list[Actor]
    people: list[Person]
    by_code: dict[str, Actor] = field(default_factory=dict)
    by_person: dict[str, Person] = field(default_factory=dict)
    aliases: list[Alias] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.by_code = {a.code: a for a in self.actors}
        self.by_person = {p.name: p for p in self.people}
        self.aliases = _build_aliases(self.actors, self.people)

    def actor(self, code: str) -> Actor | None:
        return self.by_code.get(code)

    def person(self, name: str) -> Person | None:
        return self.by_person.get(name)

    def holders(self, actor: str, role: str, date: str | None) -> list[Person]:
        """People holding ``role`` for ``actor`` at ``date``."""
        out = []
        for p in self.people:
            if any(r.role == role and r.actor == actor and r.active(date) for r in p.roles):
                out.append(p)
        return out


def fold(text: str) -> str:
    """Lower case without accents: the key for accent-insensitive matching."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).lower().replace("’", "'")


def _unique(items: list[str]) -> list[str]:
    seen: dict[str, None] = {}
    for i in items:
        if i and i not in seen:
            seen[i] = None
    return list(seen)


def _date(value: object) -> str | None:
    return None if value is None else str(value)


def _build_aliases(actors: list[Actor], people: list[Person]) -> list[Alias]:
    out: list[Alias] = []
    for a in actors:
        amb = set(a.ambiguous)
        for kind, forms in (("name", [a.name, *a.names]), ("adjective", a.adjectives),
                            ("demonym", a.demonyms), ("metonym", a.metonyms)):
            for f in _unique(forms):
                start, end = a.dated.get(f, (None, None))
                out.append(Alias(f, kind, a.code, None, f in amb, start, end))
    for p in people:
        amb = set(p.ambiguous)
        for f in _unique([p.name, *p.aliases]):
            out.append(Alias(f, "person", p.actor, p.name, f in amb))
    return out + _surnames(people, {fold(a.text) for a in out})


_PARTICLES = {"le", "la", "de", "di", "da", "van", "von", "der", "den", "del", "al", "el", "abu", "bin", "ben", "ibn",
              "pope", "king", "queen", "prince"}


def _surnames(people: list[Person], taken: set[str]) -> list[Alias]:
    """The surname of a two-word name ("Geir Pedersen" -> "Pedersen") as an ambiguous alias: it counts only
    after the full name in the same text. Surnames that are another alias or a first name in the KB, or that two
    people share, are left out.
    """
    found: dict[str, dict[str, tuple[str, str]]] = {}
    # a word that is someone's first name ("Mohammed", "Ahmed", "Charles") is no safe surname
    firsts = {fold(f.split()[0]) for p in people for f in [p.name, *p.aliases] if " " in f.strip()}
    for p in people:
        parts = p.name.split()
        if len(parts) == 2 and parts[1][:1].isupper() and len(parts[1]) >= 4 and parts[1].replace("-", "").isalpha() \
                and fold(parts[0]) not in _PARTICLES:
            found.setdefault(fold(parts[1]), {}).setdefault(p.name, (parts[1], p.actor))
    out = []
    for key, owners in found.items():
        if key in taken or key in firsts or len(owners) != 1:
            continue
        name, (form, actor) = next(iter(owners.items()))
        out.append(Alias(form, "person", actor, name, True))
    return out


def _parse_actor(entry: dict, default_type: str) -> Actor:
    kind = entry.get("type", default_type)
    if kind not in ACTOR_TYPES:
        raise ValueError(f"actor {entry.get('code')}: unknown type {kind!r}")
    return Actor(
        code=str(entry["code"]),
        name=str(entry.get("name", entry["code"])),
        type=kind,
        names=[str(x) for x in entry.get("names", [])],
        adjectives=[str(x) for x in entry.get("adjectives", [])],
        demonyms=[str(x) for x in entry.get("demonyms", [])],
        metonyms=[str(x) for x in entry.get("metonyms", [])],
        ambiguous=[str(x) for x in entry.get("ambiguous", [])],
        leader=str(entry.get("leader", "president")),
        listed=bool(entry.get("listed", True)),
        dated={str(k): (_date((v or {}).get("start")), _date((v or {}).get("end")))
               for k, v in (entry.get("dated") or {}).items()},
    )


def _parse_person(entry: dict) -> Person:
    actor = str(entry["actor"])
    roles = [
        Role(str(r["role"]), str(r.get("actor", actor)), _date(r.get("start")), _date(r.get("end")),
             tuple(str(v) for v in r.get("via", [])))
        for r in entry.get("roles", []) or []
    ]
    return Person(str(entry["name"]), actor, [str(x) for x in entry.get("aliases", [])], roles,
                  [str(x) for x in entry.get("ambiguous", [])], str(entry.get("gender", "m")))


def _default_files() -> list[Path]:
    folder = resources.files("diplograph") / "data" / "actors"
    return sorted(Path(str(p)) for p in folder.iterdir() if str(p).endswith(".yaml"))


def read_kb(paths: list[Path]) -> KB:
    """Read a KB from the given YAML files (no caching)."""
    actors: list[Actor] = []
    people: list[Person] = []
    for path in paths:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        default_type = data.get("type", "organisation")
        actors += [_parse_actor(e, default_type) for e in data.get("actors", []) or []]
        people += [_parse_person(e) for e in data.get("people", []) or []]
    codes = [a.code for a in actors]
    dup = {c for c in codes if codes.count(c) > 1}
    if dup:
        raise ValueError(f"duplicate actor codes in the KB: {sorted(dup)}")
    names = [p.name for p in people]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        raise ValueError(f"people defined twice in the KB: {sorted(dup)}")
    return KB(actors, people)


@lru_cache(maxsize=4)
def _cached(paths: tuple[str, ...]) -> KB:
    return read_kb([Path(p) for p in paths])


def load_kb(extra: tuple[str, ...] | list[str] = ()) -> KB:
    """The packaged KB (``data/actors/*.yaml``) plus ``extra`` YAML files or folders and those
    listed in ``$DIPLOGRAPH_ACTORS`` (separated by ``os.pathsep``); cached.

    The result has ``.actors`` (code, name, type, aliases) and ``.people`` (name,
    aliases, actor, roles with dates).  Extra files add actors and people; an actor code
    may be defined only once.
    """
    env = [p for p in os.environ.get("DIPLOGRAPH_ACTORS", "").split(os.pathsep) if p]
    paths = tuple(str(p) for p in _default_files())
    for item in [*extra, *env]:
        path = Path(item)
        paths += tuple(str(p) for p in sorted(path.glob("*.yaml"))) if path.is_dir() else (str(path),)
    return _cached(paths)
