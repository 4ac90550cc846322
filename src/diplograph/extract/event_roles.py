"""Who did it to whom: actor and recipient of a trigger from the actor mentions of its sentence.

With a dependency parse the subject of the trigger's verb is the actor; without one (or when the
subject names no actor) the first actor named in the trigger's clause is, the way Dutch main and
subordinate clauses put the subject first or right after the finite verb.  Coordinated actors
("China en Frankrijk") form one compound actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from diplograph.model import Mention, Sentence

_WORDS = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_COORD = {"en", "als", "zowel", "noch", "of", "&", "alsook", "evenals", "samen", "met", "zijn", "haar", "hun",
          "de", "het", "ook", "en de", "and", "the"}
_SUBJECT_RELS = {"su", "nsubj", "nsubj:pass"}
_CONJ = {"en", "als", "noch", "of", "&", "alsook", "evenals", "and"}
# Words that may follow a comma inside one enumeration ("landen, waaronder Nederland"); any other word
# after a comma (", erkennen Guaidó") starts the predicate.
_APPOSITION = {"waaronder", "zoals", "maar", "vooral", "inclusief", "onder", "andere", "meer", "met", "name",
               "ook", "vrijwel", "alle", "buurlanden", "van"}


@dataclass
class Group:
    """Adjacent coordinated mentions acting as one (compound) actor."""

    mentions: list[Mention]

    @property
    def start(self) -> int:
        return self.mentions[0].span.start

    @property
    def end(self) -> int:
        return self.mentions[-1].span.end

    @property
    def codes(self) -> list[str]:
        out: list[str] = []
        for m in self.mentions:
            if m.actor and m.actor not in out:
                out.append(m.actor)
        return out


def actor_mentions(mentions: list[Mention], sentence: Sentence) -> list[Mention]:
    """Political actor mentions of a sentence in text order (media sources and unresolved left out)."""
    out = [m for m in mentions if m.actor and m.kind != "source"
           and sentence.start <= m.span.start < sentence.end]
    out.sort(key=lambda m: m.span.start)
    # Drop mentions nested in another one.
    kept: list[Mention] = []
    for m in out:
        if kept and m.span.start < kept[-1].span.end:
            if m.span.end - m.span.start > kept[-1].span.end - kept[-1].span.start:
                kept[-1] = m
            continue
        kept.append(m)
    return kept


def groups(mentions: list[Mention], text: str, base: int) -> list[Group]:
    """Coordinated mentions: between them only commas and words like en, als, zowel (``text`` starts at ``base``)."""
    out: list[Group] = []
    for m in mentions:
        if out:
            gap = text[out[-1].end - base:m.span.start - base]
            words = [w.lower() for w in _WORDS.findall(gap)]
            same = m.actor == out[-1].mentions[-1].actor and len(words) <= 3 and not re.search(r"[,;:.()]", gap)
            coordinated = same or (not words and gap.strip() in (",", "/", "&")) or (
                len(words) <= 3 and all(w in _COORD for w in words) and ("," in gap or set(words) & _CONJ)) or (
                len(words) <= 4 and (words[:1] and words[0] in _CONJ or gap.strip().startswith(",")
                                     and all(w in _COORD or w in _APPOSITION for w in words)))
            if coordinated:
                out[-1].mentions.append(m)
                continue
        out.append(Group([m]))
    return out


def subject_codes(sentence: Sentence, mentions: list[Mention], trigger_start: int,
                  clause: tuple[int, int] | None = None) -> list[str]:
    """Actor codes of the parsed subject of the trigger's clause (empty without a parse).

    Frog's parser may attach a second subject to a participle ("heeft Erdogan de president verzocht"),
    so the earliest subject of the clause is taken, before the trigger when there is one there.
    """
    if not sentence.parsed or not sentence.tokens:
        return []
    lo, hi = clause if clause else (sentence.start, sentence.end)
    toks = sentence.tokens
    subjects = [t for t in toks if t.rel in _SUBJECT_RELS and lo <= t.start < hi]
    if not subjects:
        return []
    before = [t for t in subjects if t.start < trigger_start]
    subj = (before or subjects)[0]
    ids = _subtree(toks, subj.i)
    s_lo, s_hi = min(toks[i].start for i in ids), max(toks[i].end for i in ids)
    codes: list[str] = []
    for m in mentions:
        if s_lo <= m.span.start < s_hi and m.actor and m.actor not in codes:
            codes.append(m.actor)
    return codes


def _subtree(toks: list, root: int) -> set[int]:
    ids = {root}
    changed = True
    while changed:
        changed = False
        for t in toks:
            if t.head in ids and t.i not in ids:
                ids.add(t.i)
                changed = True
    return ids


def trigger_tense(sentence: Sentence, start: int, tags: dict[str, str]) -> str | None:
    """'present' or 'past' when the token at ``start`` is a finite verb tagged with a tense.

    ``tags`` gives the tagset's marks (modality.yaml ``tense_tags``: the start of a finite verb's tag
    and the parts that mark present and past); None without a tag or when the token is no finite verb.
    """
    if not sentence.parsed or not tags:
        return None
    for t in sentence.tokens:
        if t.start <= start < t.end and t.tag.startswith(tags["finite"]):
            return "present" if tags["present"] in t.tag else "past" if tags["past"] in t.tag else None
    return None
