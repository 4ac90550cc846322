"""Event trigger lexicons: a small pattern language compiled to regular expressions.

Patterns (see ``lang/nl/events.yaml``): words separated by spaces; ``a|b`` alternatives;
``word*`` prefix; ``*word`` suffix; ``...`` a gap of up to 12 words, ``..N`` up to N words.
Matching is case-insensitive, on word boundaries, and gaps never cross ``. ; : ! ?``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

_WORD = r"[^\W_]+(?:[-'’][^\W_]+)*"
_SEP = r"[\s,\"“”„‘’'«»()]+"
_GAP_WORD = r"[^\s.;:!?]+"


def _alt(word: str) -> str:
    opts = []
    for alt in word.split("|"):
        pre = alt.startswith("*") and len(alt) > 1
        suf = alt.endswith("*") and len(alt) > 1
        core = re.escape(alt.strip("*"))
        opts.append(("[\\w-]*" if pre else "") + core + ("[\\w-]*" if suf else ""))
    return "(?:" + "|".join(opts) + ")"


def compile_pattern(pattern: str) -> re.Pattern[str]:
    """Compile one pattern of the lexicon syntax to a regular expression."""
    parts: list[str] = []
    pending_gap = None
    for tok in pattern.split():
        if tok == "...":
            pending_gap = 12
            continue
        m = re.fullmatch(r"\.\.(\d+)", tok)
        if m:
            pending_gap = int(m.group(1))
            continue
        if parts:
            if pending_gap:
                parts.append(f"(?:{_SEP}{_GAP_WORD}){{0,{pending_gap}}}?{_SEP}")
            else:
                parts.append(_SEP)
        pending_gap = None
        parts.append(_alt(tok))
    return re.compile(r"(?<![\w-])" + "".join(parts) + r"(?![\w-])", re.IGNORECASE)


def pattern_needles(pattern: str) -> tuple[str, ...]:
    """Lower-case strings one of which occurs in any text the pattern matches: the alternatives of its
    most selective word (a cheap test before the regular expression); empty when there is none."""
    best: tuple[str, ...] = ()
    for tok in pattern.split():
        if tok == "..." or re.fullmatch(r"\.\.(\d+)", tok):
            continue
        cores = tuple(alt.strip("*").lower() for alt in tok.split("|"))
        if all(cores) and (not best or min(map(len, cores)) > min(map(len, best))):
            best = cores
    return best


@dataclass
class TriggerRule:
    type: str
    mode: str | None
    regexes: list[re.Pattern[str]]
    noun: bool = False
    reverse: bool = False
    reciprocal: bool = False
    negation_ok: bool = False
    consent: bool = False
    peace_call: bool = False
    evaluative: bool = False
    fallback: bool = False
    destination: bool = False
    intent_threat: bool = False
    own_event: bool = False
    requires: list[re.Pattern[str]] = field(default_factory=list)
    priority: int = 1
    needles: list[tuple[str, ...]] = field(default_factory=list)  # per regex: see pattern_needles

    def __post_init__(self) -> None:
        self.needles = self.needles or [()] * len(self.regexes)


@dataclass
class TriggerMatch:
    rule: TriggerRule
    start: int  # offsets into the matched text
    end: int
    head_end: int  # end of the first word of the match (where the verb or noun is)


@dataclass
class Lexicon:
    rules: list[TriggerRule]
    mode_cues: dict[str, list[re.Pattern[str]]] = field(default_factory=dict)
    yield_terms: list[re.Pattern[str]] = field(default_factory=list)
    peace_terms: list[re.Pattern[str]] = field(default_factory=list)
    coordination: set[str] = field(default_factory=set)
    recipient_preps: set[str] = field(default_factory=set)
    clause_split: re.Pattern[str] | None = None
    relative: re.Pattern[str] | None = None
    anaphora: list[re.Pattern[str]] = field(default_factory=list)
    first_person: list[re.Pattern[str]] = field(default_factory=list)
    passive_aux: list[re.Pattern[str]] = field(default_factory=list)
    between: set[str] = field(default_factory=set)
    agent_words: set[str] = field(default_factory=set)
    partner_words: set[str] = field(default_factory=set)
    possessives: list[re.Pattern[str]] = field(default_factory=list)
    of_words: set[str] = field(default_factory=set)
    reciprocal: list[re.Pattern[str]] = field(default_factory=list)
    anaphora_plural: list[re.Pattern[str]] = field(default_factory=list)
    generic: list[re.Pattern[str]] = field(default_factory=list)
    subject_pronouns: set[str] = field(default_factory=set)
    sanction_intent: list[re.Pattern[str]] = field(default_factory=list)
    threat_objects: list[re.Pattern[str]] = field(default_factory=list)
    adjunct_openers: set[str] = field(default_factory=set)
    finite_verbs: set[str] = field(default_factory=set)

    def find(self, text: str) -> list[TriggerMatch]:
        """All trigger matches in ``text``, overlaps resolved (priority, then length, then position)."""
        found: list[TriggerMatch] = []
        low = text.lower()
        for rule in self.rules:
            for rx, needles in zip(rule.regexes, rule.needles, strict=True):
                if needles:  # (a loop, not any(): this runs a few million times per thousand documents)
                    for n in needles:
                        if n in low:
                            break
                    else:
                        continue
                for m in rx.finditer(text):
                    first = re.match(_WORD, text[m.start():])
                    head_end = m.start() + (first.end() if first else 0)
                    found.append(TriggerMatch(rule, m.start(), m.end(), head_end))
        # Higher priority first; then the leftmost, shortest match (the nearest separable particle).
        found.sort(key=lambda t: (-t.rule.priority, t.start, t.end - t.start))
        kept: list[TriggerMatch] = []
        for t in found:
            if any(t.start < k.end and k.start < t.end for k in kept):
                continue
            kept.append(t)
        return sorted(kept, key=lambda t: t.start)


def any_match(patterns: list[re.Pattern[str]], text: str) -> re.Match[str] | None:
    """The earliest match of any pattern in ``text``."""
    best = None
    for rx in patterns:
        m = rx.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    return best


def load_yaml(lang: str, name: str) -> dict[str, Any] | None:
    """A language data file ``lang/<lang>/<name>.yaml``, None when the language has none."""
    res = resources.files("diplograph").joinpath(f"lang/{lang}/{name}.yaml")
    if not res.is_file():
        return None
    return yaml.safe_load(res.read_text(encoding="utf-8"))


def _clause_split(comma_openers: list[str], openers: list[str], not_openers: list[str] | None = None
                  ) -> re.Pattern[str]:
    """Clause boundaries: ; : dashes, a comma before a comma opener (unless it starts one of
    ``not_openers``, "maar ook" in an enumeration), whitespace before an opener."""
    alts = [r"[;:]", r"\s[–—-]\s"]
    if comma_openers:
        neg = r"(?!(?:" + "|".join(map(re.escape, not_openers)) + r")\b)" if not_openers else ""
        alts.append(r",\s+" + neg + r"(?=(?:" + "|".join(map(re.escape, comma_openers)) + r")\b)")
    if openers:
        alts.append(r"\s(?=(?:" + "|".join(map(re.escape, openers)) + r")\s)")
    return re.compile("|".join(alts), re.I)


@cache
def lexicon(lang: str = "nl") -> Lexicon | None:
    """The event lexicon of a language, None when there is none."""
    data = load_yaml(lang, "events")
    if not data:
        return None
    rules = []
    for entry in data["triggers"]:
        rules.append(TriggerRule(
            type=entry["type"], mode=entry.get("mode"),
            regexes=[compile_pattern(p) for p in entry["patterns"]],
            needles=[pattern_needles(p) for p in entry["patterns"]],
            noun=bool(entry.get("noun")), reverse=bool(entry.get("reverse")),
            reciprocal=bool(entry.get("reciprocal")), negation_ok=bool(entry.get("negation_ok")),
            consent=bool(entry.get("consent")), peace_call=bool(entry.get("peace_call")),
            evaluative=bool(entry.get("evaluative")), fallback=bool(entry.get("fallback")),
            destination=bool(entry.get("destination")), intent_threat=bool(entry.get("intent_threat")),
            own_event=bool(entry.get("own_event")),
            requires=[compile_pattern(p) for p in entry.get("requires", [])],
            priority=int(entry.get("priority", 1)),
        ))
    return Lexicon(
        rules=rules,
        mode_cues={k: [compile_pattern(p) for p in v] for k, v in (data.get("mode_cues") or {}).items()},
        yield_terms=[compile_pattern(p) for p in data.get("yield_terms", [])],
        peace_terms=[compile_pattern(p) for p in data.get("peace_terms", [])],
        coordination=set(data.get("coordination", [])),
        recipient_preps=set(data.get("recipient_preps", [])),
        clause_split=_clause_split(data.get("comma_openers", []), data.get("openers", []),
                                   data.get("comma_not_openers", [])),
        relative=re.compile(r"\W*(?:" + "|".join(map(re.escape, data.get("relative_openers", []))) + r")\b", re.I)
        if data.get("relative_openers") else None,
        anaphora=[compile_pattern(p) for p in data.get("anaphora", [])],
        first_person=[compile_pattern(p) for p in data.get("first_person", [])],
        passive_aux=[compile_pattern(p) for p in data.get("passive_aux", [])],
        between=set(data.get("between", [])),
        agent_words=set(data.get("agent_words", [])),
        partner_words=set(data.get("partner_words", [])),
        possessives=[compile_pattern(p) for p in data.get("possessives", [])],
        of_words=set(data.get("of_words", [])),
        reciprocal=[compile_pattern(p) for p in data.get("reciprocal", [])],
        anaphora_plural=[compile_pattern(p) for p in data.get("anaphora_plural", [])],
        generic=[compile_pattern(p) for p in data.get("generic", [])],
        subject_pronouns=set(data.get("subject_pronouns", [])),
        sanction_intent=[compile_pattern(p) for p in data.get("sanction_intent", [])],
        threat_objects=[compile_pattern(p) for p in data.get("threat_objects", [])],
        adjunct_openers={w.lower() for w in data.get("adjunct_openers", [])},
        finite_verbs={w.lower() for w in data.get("finite_verbs", [])},
    )
