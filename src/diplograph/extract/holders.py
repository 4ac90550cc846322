"""Who holds a position: the subject, the attributed speaker or the parties of a clause.

Mentions come from the `actors` stage; without it, a small fallback list of names
(lang/<xx>/holders.yaml) finds the most common actors. Offsets are sentence-relative.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from diplograph.extract.stance import Lexicon
from diplograph.model import Analysis, Sentence

_LANG_DIR = Path(__file__).resolve().parent.parent / "lang"
_WORD = re.compile(r"[\w'’-]+|[^\w\s]")


@dataclass
class M:
    """An actor mention inside one sentence, with its role once computed."""

    start: int
    end: int
    code: str
    kind: str = "name"
    role: str = "subj"  # subj | obj | attr
    person: bool = False  # a named person (for "hij" in a later sentence)


@lru_cache(maxsize=4)
def _fallback(lang: str) -> list[tuple[str, re.Pattern[str]]]:
    path = _LANG_DIR / lang / "holders.yaml"
    if not path.exists():
        return []
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    out = []
    for code, names in data.items():
        pats = sorted((str(n) for n in names or []), key=len, reverse=True)
        out.append((str(code), re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in pats) + ")")))
    return out


def sentence_mentions(analysis: Analysis, sent: Sentence, lex: Lexicon, lang: str = "nl",
                      aliases: dict[str, list[str]] | None = None) -> list[M]:
    """Actor mentions of a sentence with their roles, from the actors stage or the fallback names;
    ``aliases`` adds the member codes of groups the text defined earlier (see `group_aliases`)."""
    if analysis.mentions:
        ms = [M(m.span.start - sent.start, m.span.end - sent.start, m.actor, m.kind, person=bool(m.person))
              for m in analysis.mentions
              if m.actor and m.kind != "source" and getattr(m, "participant", True)
              and sent.start <= m.span.start < sent.end]
    else:
        ms = []
        for code, rx in _fallback(lang):
            for m in rx.finditer(sent.text):
                if not any(f.start < m.end() and m.start() < f.end for f in ms):
                    ms.append(M(m.start(), m.end(), code))
    for name, members in (aliases or {}).items():
        for a in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", sent.text):
            if not any(f.start < a.end() and a.start() < f.end for f in ms):
                ms.extend(M(a.start(), a.end(), code, "alias") for code in members)
    ms.sort(key=lambda m: m.start)
    ms = [m for m in ms if m.kind != "adjective" or _names_holder(sent.text, m, ms, lex)]
    _assign_roles(sent.text, ms, lex)
    return ms


def _names_holder(text: str, m: M, mentions: list[M], lex: Lexicon) -> bool:
    """An actor adjective names a holder only before an actor noun or a name ("de Franse president
    Macron", "het Israëlische kabinet"), not before other nouns ("Europese bedrijven")."""
    if lex.holder_nouns is None:
        return True
    after = text[m.end:m.end + 60]
    if any(o.start >= m.end and o.start - m.end <= 25 and o.kind != "adjective" and o.code == m.code
           for o in mentions):
        return True
    words = re.findall(r"[\w-]+", after)[:3]
    for w in words:
        if lex.holder_nouns.match(w) or w[:1].isupper():
            return True
        if w.lower() not in lex.w("conjunctions"):
            return False  # "Europese exportproducten wil Trump ...": the noun it modifies decides
    return False


def _assign_roles(text: str, mentions: list[M], lex: Lexicon) -> None:
    """'attr' after an attribution word, 'obj' after a preposition, else 'subj'; coordinated
    mentions share the role of the first ("tussen Israël, Libanon en ...").

    Determiners, titles and capitalised words of the same phrase ("de Turkse president
    Erdogan") are skipped on the way back.
    """
    dets, conj = lex.w("determiners"), lex.w("conjunctions")
    skippable = lex.holder_glue - lex.non_subject_before - conj
    for i, m in enumerate(mentions):
        words = _WORD.findall(text[max(0, m.start - 80):m.start])
        while words:
            w, lw = words[-1], words[-1].lower()
            if lw in lex.attribution or lw in lex.non_subject_before or lw in conj:
                break
            if not (lw in dets or lw in skippable or w[:1].isupper()):
                break
            words.pop()
        m.role = "subj"
        if not words:
            continue
        w = words[-1].lower()
        prev = mentions[i - 1] if i else None
        coordinated = w in conj or " ".join(x.lower() for x in words[-2:]) in lex.w("together_with")
        if coordinated and prev is not None and len(_WORD.findall(text[prev.end:m.start])) <= 6:
            m.role = prev.role
        elif w in lex.attribution:
            m.role = "attr"
        elif w in lex.attribution_initial and (not words[:-1] or words[-2].lower() in lex.w("clause_openers")):
            m.role = "attr"
        elif w == "van" and _possessive(words[:-1], lex):
            m.role = "attr"  # "een ander doel van Rusland", "de eisen van Hamas"
        elif w in lex.non_subject_before:
            m.role = "obj"
        elif _addressee(words, prev, text, m, lex):
            m.role = "obj"  # "roept hij Europa op", "Guterres roept Rusland op": whom a call is made to


def _addressee(words: list[str], prev: M | None, text: str, m: M, lex: Lexicon) -> bool:
    """A mention right after a call verb whose subject stands before it ("roept hij Europa op",
    "Guterres roept Rusland op") is the addressee of the call."""
    calls, prons = lex.w("call_verbs"), lex.w("personal_pronouns")
    w = words[-1].lower()
    if w in prons and len(words) >= 2 and words[-2].lower() in calls:
        return True
    return (w in calls and prev is not None and prev.role == "subj"
            and len(_WORD.findall(text[prev.end:m.start])) <= 2)


def _possessive(words: list[str], lex: Lexicon) -> bool:
    """"een ander doel van Rusland": the noun before "van" is one whose owner holds a position, and
    its phrase is not itself inside a prepositional phrase ("bellen met de leiders van Oekraïne"),
    unless the noun names a wish or plan (intent_nouns: "op het voornemen van de regering")."""
    dets = lex.w("determiners")
    while words and words[-1].lower() in dets:
        words = words[:-1]
    if not words or words[-1].lower() not in lex.possessive:
        return False
    intent = words[-1].lower() in lex.w("intent_nouns")
    rest = [w.lower() for w in words[:-1]]
    while rest and (rest[-1] in dets or rest[-1] in lex.holder_glue - lex.w("conjunctions") - lex.non_subject_before):
        rest.pop()
    if intent and len(rest) >= 2 and rest[-2][:1].isalpha():
        # "reageert op het voornemen van de Amerikaanse regering": a PP governed by the word before it;
        # not a PP opening a clause ("Na het besluit van Rusland om ..., wil Finland ...")
        return True
    return not (rest and rest[-1] in lex.non_subject_before)


def groups(text: str, mentions: list[M], lex: Lexicon) -> list[list[M]]:
    """Mentions joined into compound holders ("Frankrijk en China", "Nederland, samen met Denemarken")."""
    out: list[list[M]] = []
    dets, conjs = lex.w("determiners"), lex.w("conjunctions")
    together = {w for phrase in lex.w("together_with") for w in phrase.split()[-1:]}
    for m in mentions:
        if out and m.start == out[-1][-1].start:  # the members of one named group
            out[-1].append(m)
            continue
        if out:
            last = out[-1][-1]
            gap = [w.lower() for w in _WORD.findall(text[last.end:m.start]) if not w.startswith("-")]
            glued = len(gap) <= 6 and all(w in lex.holder_glue or w in conjs or w in dets for w in gap)
            conj = any(w in conjs or w in together for w in gap)
            if not conj and _correlative(text, out[-1][0], gap, lex):  # "zowel Frankrijk als China"
                glued = conj = True
            if glued and not conj and m.code != last.code and last.kind == "adjective":
                out[-1][-1] = m  # "de Palestijnse beweging Hamas": the adjective only modifies the name
                continue
            joint = " ".join(gap[-2:]) in lex.w("together_with") and len(gap) <= 5  # "..., samen met Denemarken"
            if joint or (glued and (m.code == last.code or conj) and m.role == last.role):
                if joint:
                    m.role = last.role
                out[-1].append(m)
                continue
        out.append([m])
    return out


def _correlative(text: str, first: M, gap: list[str], lex: Lexicon) -> bool:
    """True for the second half of a correlative pair: "zowel" (with at most two words between)
    before the first mention and only "als" and determiners between the two."""
    joins, dets = lex.w("correlative_joins"), lex.w("determiners")
    if not any(w in joins for w in gap) or not all(w in joins or w in dets for w in gap):
        return False
    before = [w.lower() for w in _WORD.findall(text[max(0, first.start - 40):first.start])][-3:]
    return any(w in lex.w("correlatives") for w in before)


def group_aliases(text: str, mentions: list[M], lex: Lexicon) -> dict[str, list[str]]:
    """Names of groups that a sentence defines by their members in an apposition ("De International
    Contact Group (ICG), een initiatief van onder meer de Europese Unie, Uruguay en Costa Rica"): the
    name and its abbreviation, each mapped to the member codes."""
    out: dict[str, list[str]] = {}
    if lex.group_apposition is None:
        return out
    for app in lex.group_apposition.finditer(text):
        head = text[:app.start()].rstrip()
        if not head.endswith(","):
            continue
        name = re.search(r"((?:[A-Z][\w-]*\s+){0,5}[A-Z][\w-]*)\s*(?:\(([A-Z][\w-]{1,9})\))?\s*,$", head)
        after = [m for m in mentions if m.start >= app.end()]
        if not name or not after or len(_WORD.findall(text[app.end():after[0].start])) > 3:
            continue
        grp = next((g for g in groups(text, mentions, lex) if after[0] in g), [after[0]])
        members = codes(grp)
        if any(m.start < app.start() and m.end > name.start() for m in mentions):
            continue  # the name before it is an actor already
        for n in name.groups():
            words = (n or "").split()
            while words and words[0].lower() in lex.w("determiners"):
                words.pop(0)  # "De International Contact Group"
            if words:
                out[" ".join(words)] = members
    return out


def codes(ms: list[M]) -> list[str]:
    out: list[str] = []
    for m in ms:
        if m.code not in out:
            out.append(m.code)
    return out


def holders_in(text: str, mentions: list[M], clause: tuple[int, int], lex: Lexicon,
               exclude: list[tuple[int, int]] = (), cue: tuple[int, int] | None = None,
               obligation: bool = False, before_only: bool = False) -> list[str]:
    """The holder codes of a clause: the subject nearest before the stance cue, the attributed
    speaker, else the first subject of the clause. With an obligation ("X moet ...") only the
    attributed speaker holds the position."""
    a, b = clause
    allowed = [m for m in mentions if not any(s <= m.start < e for s, e in exclude)]
    if cue is not None:
        # mentions in a "dat"/"om" clause after the stance cue are what the stance is about
        cut = lex.any_word("complementizers", text[cue[1]:b])
        if cut:
            limit = cue[1] + cut.start()
            comma = text.find(",", limit, b)  # ", aldus Michel" after the dat-clause still attributes
            stop = comma if comma > 0 else b
            allowed = [m for m in allowed if not (limit <= m.start < stop)]
    grps = [[m for m in g if m in allowed] for g in groups(text, mentions, lex)]
    grps = [g for g in grps if g]
    attr = [g for g in grps if g[0].role == "attr"]
    in_clause = [g for g in grps if a <= g[0].start < b]
    if obligation:
        return codes(attr[0]) if attr else []
    if cue is not None:
        before = [g for g in in_clause if g[0].role == "subj" and g[-1].end <= cue[0]]
        if before:
            return codes(before[-1])
    if attr:
        return codes(attr[0])
    if before_only:  # the stance is the issue expression itself: its holder stands before it
        return []
    subj = [g for g in in_clause if g[0].role == "subj"]
    return codes(subj[0]) if subj else []


def parties(text: str, mentions: list[M], lex: Lexicon, clause: tuple[int, int]) -> list[str]:
    """The parties named after a party marker ("een overeenkomst tussen Israël, Libanon en ...")."""
    if lex.party_markers is None:
        return []
    m = lex.party_markers.search(text, clause[0], clause[1])
    if not m or any(x.role == "subj" and clause[0] <= x.start < m.start() for x in mentions):
        return []  # with a subject before it, the agreement is the subject's stance, not the parties'
    after = [x for x in mentions if x.start >= m.end()]
    if not after or len(_WORD.findall(text[m.end():after[0].start])) > 2:
        return []
    grp = next((g for g in groups(text, mentions, lex) if after[0] in g), [after[0]])
    return codes(grp)
