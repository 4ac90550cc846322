"""Stance of a clause towards an issue: support/oppose cues, negation, conditions.

All offsets here are relative to the sentence text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

from diplograph.extract.issues import IssueHit, compile_cues

_LANG_DIR = Path(__file__).resolve().parent.parent / "lang"
_WORD = re.compile(r"[\w'’-]+|[^\w\s]")
_WORD_LISTS = ("determiners", "conjunctions", "together_with", "clause_openers", "complementizers", "embedders",
               "predicate_barriers", "bare_conditions", "comparison_before", "precondition_object", "as_role",
               "mediator_glue", "relative_pronouns",
               "call_verbs", "personal_pronouns", "subordinators",
               "negative_conditions", "correlatives", "correlative_joins", "demonstratives",
               "intent_nouns")


@dataclass
class Stance:
    stance: str  # support | oppose | conditional
    cue: tuple[int, int] | None = None
    condition: str | None = None
    condition_span: tuple[int, int] | None = None
    weak: bool = False  # decided by a weak cue (a plan, a proposal, an obligation)
    obligation: bool = False  # decided by "moet"/"dient": the holder is the speaker, not the subject


@dataclass
class Lexicon:
    """The stance cues of one language (lang/<xx>/stance.yaml)."""

    support: re.Pattern[str] | None
    oppose: re.Pattern[str] | None
    weak_support: re.Pattern[str] | None
    obligation: re.Pattern[str] | None
    composing: re.Pattern[str] | None
    negation: re.Pattern[str] | None
    negation_near: re.Pattern[str] | None
    hedges: re.Pattern[str] | None
    condition: re.Pattern[str] | None
    precondition: re.Pattern[str] | None
    clause_break: re.Pattern[str]
    relative_break: re.Pattern[str]
    setting_before: re.Pattern[str] | None
    non_subject_before: frozenset[str]
    attribution: frozenset[str]
    attribution_initial: frozenset[str]
    possessive: frozenset[str]
    party_markers: re.Pattern[str] | None
    subject_pronouns: re.Pattern[str] | None
    plural_pronouns: re.Pattern[str] | None
    holder_glue: frozenset[str]
    words: dict[str, frozenset[str]] = field(default_factory=dict)  # function-word lists by key
    verb_ending: str = ""  # regex: the last word of a subordinate clause looks like a verb
    holder_nouns: re.Pattern[str] | None = None
    inline_reference: re.Pattern[str] | None = None  # "ondanks verzet van X": the issue named before it
    open_question: re.Pattern[str] | None = None  # "vraagt zich af of": cues after it state no stance
    back_reference: re.Pattern[str] | None = None  # "noemt het", "iets wat": the issue of the sentence before
    back_reference_far: re.Pattern[str] | None = None  # "Dat plan": the issue of one of the two sentences before
    goal_reference: re.Pattern[str] | None = None  # "Een ander doel is ...": the holder of the sentence before
    agent_nouns: re.Pattern[str] | None = None
    group_apposition: re.Pattern[str] | None = None  # "..., een initiatief van X, Y en Z": a group by its members
    weak_reach: int = 25  # weak cues count only this close to the issue expression
    oppose_bonus: int = 20  # oppose cues win over support cues up to this many characters further away

    def w(self, key: str) -> frozenset[str]:
        """A function-word list of the lexicon (empty when the language has none)."""
        return self.words.get(key, frozenset())

    def any_word(self, key: str, text: str) -> re.Match[str] | None:
        """The first word of list ``key`` in ``text``."""
        words = sorted(self.w(key), key=len, reverse=True)
        if not words:
            return None
        return re.search(r"(?<!\w)(?:" + "|".join(re.escape(x) for x in words) + r")(?!\w)", text, re.IGNORECASE)

    def ends_in_preposition(self, cue: str) -> bool:
        last = cue.split()[-1].lower() if cue.split() else ""
        return last in self.non_subject_before

    def clauses(self, text: str) -> list[tuple[int, int, bool]]:
        """Clauses of a sentence: (start, end, relative), cut at clause breaks ("; ", ", maar", ", die")."""
        cuts: dict[int, bool] = {0: False}
        embedded = {e[0] for e in self.embedded(text)}
        for rx, rel in ((self.clause_break, False), (self.relative_break, True)):
            for m in rx.finditer(text):
                if m.start() > 0 and m.start() not in embedded:  # embedded clauses are handled apart
                    cuts[m.start()] = rel
        pos = sorted(cuts) + [len(text)]
        return [(a, b, cuts[a]) for a, b in zip(pos, pos[1:], strict=False) if b > a]

    def embedded(self, text: str) -> list[tuple[int, int]]:
        """Parenthetical subordinate clauses (", nadat ..., ", ", die ..., "): their actors do not
        hold what the main clause says."""
        out = []
        for m in self.relative_break.finditer(text):
            end = text.find(",", m.end())
            if end > 0:
                out.append((m.start(), end))
        return out

    def in_setting(self, text: str, hit: IssueHit) -> bool:
        """True when the issue expression is the setting of the clause ("in de onderhandelingen")."""
        if self.setting_before is None:
            return False
        before = text[max(0, hit.start - 30):hit.start]
        # "in de onderhandelingen", "bij de vorige onderhandelingen": at most one word in between
        return any(len(before[m.end():].split()) <= 1 and before.endswith(" ")
                   for m in self.setting_before.finditer(before))

    def conditions(self, text: str) -> list[tuple[int, int, str]]:
        """Condition clauses in a sentence: (start, end, kind) with kind 'if' or 'pre'."""
        out: list[tuple[int, int, str]] = []
        if self.condition is not None:
            for m in self.condition.finditer(text):
                end = _clause_end(text, m.end())
                words = _WORD.findall(text[m.end():end])
                marker = m.group().lower()
                if marker in self.w("bare_conditions") and not self._looks_like_clause(words, text, m.start()):
                    continue
                if self.hedges is not None and self.hedges.match(text, m.start()):
                    continue  # "indien dit nodig is" hedges, it sets no condition
                out.append((m.start(), end, "if"))
        if self.precondition is not None:
            for m in self.precondition.finditer(text):
                rest = text[m.end():]
                dat = self.any_word("precondition_object", rest[:120])
                if self.ends_in_preposition(m.group()):  # "gekoppeld aan X", "in ruil voor X"
                    start = m.end()
                elif dat:
                    start = m.end() + dat.start()
                else:
                    continue
                while start < len(text) and text[start] in " :":
                    start += 1
                out.append((start, _clause_end(text, start, stop_comma=False), "pre"))
        pre = [c for c in out if c[2] == "pre"]
        # "als absolute basisvoorwaarde ... dat X": the precondition, not an if-clause
        return [c for c in out if c[2] == "pre" or not any(c[0] <= p[0] < c[1] for p in pre)]

    def stance_for(self, text: str, clause: tuple[int, int], hit: IssueHit,
                   skip: list[tuple[int, int]] = ()) -> Stance | None:
        """The stance the clause expresses towards ``hit``, or None when it expresses none.

        An expression that states a stance by itself keeps it (flipped by a negation right
        before it or an oppose cue after it); otherwise the nearest stance cue of the clause
        decides, oppose cues before support cues, weak cues (plans, obligations) last.
        """
        a, b = clause[0], clause[1]

        def cues_of(rx: re.Pattern[str] | None, pol: int) -> list[tuple[int, int, int]]:
            out = []
            if rx is None:
                return out
            for m in rx.finditer(text, a, b):
                around = m.start() < hit.start and hit.end < m.end()  # "sluit vredesgesprekken uit"
                if m.start() < hit.end and hit.start < m.end() and not around:
                    continue
                if any(s <= m.start() < e for s, e in skip):
                    continue
                out.append((m.start(), m.end(), pol))
            return out

        opp = cues_of(self.oppose, -1)
        sup = [c for c in cues_of(self.support, 1) if not any(o[0] < c[1] and c[0] < o[1] for o in opp)]
        # a cue ending in a preposition ("afziet van", "roept op tot") governs what follows it only
        opp = [c for c in opp if c[0] < hit.start or not self.ends_in_preposition(text[c[0]:c[1]])]
        sup = [c for c in sup if c[0] < hit.start or not self.ends_in_preposition(text[c[0]:c[1]])]
        if hit.polarity:
            # an oppose cue right after the expression is a predicate on it ("blokkade ... indruist tegen")
            after = [o for o in opp if hit.end <= o[0] <= hit.end + 40
                     and not self.any_word("predicate_barriers", text[hit.end:o[0]])]
            before = [o for o in opp if o[1] <= hit.start and hit.start - o[1] <= 20]  # "is tegen de levering van"
            polarity = hit.polarity
            cue_span = None
            if after or before:
                best = min(after, key=lambda c: c[0]) if after else max(before, key=lambda c: c[1])
                polarity, cue_span = -polarity, (best[0], best[1])
            neg = self._negations(text, max(a, hit.start - 20), hit.start) + self._near(text, hit)
            st = Stance("support" if (polarity > 0) != bool(neg % 2) else "oppose", cue_span)
            return self._outer(text, opp + sup, cue_span or (hit.start, hit.end), st)
        cues = opp + sup
        if not cues:
            weak = [c for c in cues_of(self.weak_support, 1) + cues_of(self.obligation, 1)
                    if _distance(c, hit) <= self.weak_reach]
            if not weak:
                return None
            best = min(weak, key=lambda c: _distance(c, hit))
            st = Stance("support", (best[0], best[1]), weak=True)
            st.obligation = bool(self.obligation is not None and self.obligation.fullmatch(text, best[0], best[1]))
            return st
        # the nearest cue decides; oppose cues are more marked and reach a little further
        best = min(cues, key=lambda c: _distance(c, hit) - (self.oppose_bonus if c[2] < 0 else 0))
        if best[1] <= hit.start and re.search(r"\bom\b", text[best[1]:hit.start]):
            # "roepen op om een escalatie te vermijden": the verb of the om-clause governs the issue
            inner = [c for c in cues if hit.end <= c[0] <= hit.end + 60 and re.match(r".*\bte\b", text[c[0] - 3:c[1]])]
            if inner:
                best = min(inner, key=lambda c: c[0])
        cue_span = (best[0], best[1])
        polarity = best[2]
        inner = None if polarity > 0 else cue_span  # "niet" inside a support cue ("neemt niet deel aan") counts
        lo, hi = (best[1], hit.start) if best[0] < hit.start else (hit.end, best[0])
        neg = self._negations(text, lo, hi)
        if best[0] < hit.start:  # after the issue, the words before the cue are those just counted
            neg += self._negations(text, max(a, best[0] - 12), best[0])
        else:  # "dat geen sancties tegen Rusland heeft afgekondigd": the negation right before the issue
            neg += self._negations(text, max(a, hit.start - 6), hit.start)
        if polarity > 0 or not self._negation_is_part(text, cue_span):
            neg += self._negations(text, best[0], best[1])  # "neemt niet deel aan", "sluit niet uit"
        if polarity < 0 and best[0] < hit.start and lo != best[1]:
            neg += self._negations(text, best[1], min(b, best[1] + 6), exclude=inner)
        neg += self._near(text, hit)
        if neg % 2:
            polarity = -polarity
        return self._outer(text, cues, cue_span, Stance("support" if polarity > 0 else "oppose", cue_span))

    def _outer(self, text: str, cues: list[tuple[int, int, int]], inner: tuple[int, int], st: Stance) -> Stance:
        """A stance inside the dat/om-clause of another cue composes with it: "Moskou eist dat Oekraïne
        afziet van lidmaatschap" is Moscow opposing membership; the outer cue also locates the holder."""
        if self.composing is None:
            return st
        outer = [c for c in cues if c[1] <= inner[0] and inner[0] - c[1] <= 60
                 and self.composing.match(text, c[0], c[1])
                 and self.any_word("embedders", text[c[0]:inner[0]])
                 and not re.search(r"[;:]", text[c[1]:inner[0]])]
        if not outer:
            return st
        o = max(outer, key=lambda c: c[1])
        neg = self._negations(text, max(0, o[0] - 12), o[0]) + (self._negations(text, o[0], o[1]) if o[2] > 0 else 0)
        pol = o[2] * (-1 if neg % 2 else 1)
        stance = st.stance if pol > 0 else ("oppose" if st.stance == "support" else "support")
        return Stance(stance, (o[0], o[1]), st.condition, st.condition_span, st.weak, st.obligation)

    def _looks_like_clause(self, words: list[str], text: str, start: int) -> bool:
        """A bare 'als' opens a condition only when a clause follows (ending in a verb-like word),
        not in 'als bemiddelaar' or 'zo snel als'."""
        before = text[max(0, start - 7):start].split()
        if before and before[-1].lower() in self.w("comparison_before"):
            return False
        if self.any_word("correlatives", text[max(0, start - 60):start].rsplit(",", 1)[-1]):
            return False  # "Zowel de Latijns-Amerikaanse landen als Europa verwerpt ...": a coordination
        words = [w for w in words if w[0].isalnum()]
        if len(words) < 3:
            return False
        last = words[-1]
        return last.islower() and bool(self.verb_ending and re.search(self.verb_ending, last))

    def _near(self, text: str, hit: IssueHit) -> int:
        if self.negation_near is None:
            return 0
        return sum(1 for _ in self.negation_near.finditer(text, max(0, hit.start - 25), hit.start))

    def _negation_is_part(self, text: str, span: tuple[int, int]) -> bool:
        """True when an oppose cue needs its negation ("geen draagvlak"), False when the negation
        only stands inside it ("sluit niet uit")."""
        if self.negation is None or self.oppose is None:
            return True
        piece = text[span[0]:span[1]]
        bare = re.sub(r"\s+", " ", self.negation.sub("", piece)).strip()
        return bare == piece or not self.oppose.fullmatch(bare)

    def negations(self, text: str, lo: int, hi: int) -> int:
        """The number of negations in ``text[lo:hi]`` (those that belong to an oppose cue not counted)."""
        return self._negations(text, lo, hi)

    def _negations(self, text: str, lo: int, hi: int, exclude: tuple[int, int] | None = None) -> int:
        if self.negation is None or hi <= lo:
            return 0
        n = 0
        for m in self.negation.finditer(text, lo, hi):
            if exclude and exclude[0] <= m.start() < exclude[1]:
                continue
            if self.oppose is not None and any(
                    o.start() <= m.start() < o.end() and self._negation_is_part(text, (o.start(), o.end()))
                    for o in self.oppose.finditer(text, max(0, m.start() - 20), min(len(text), m.end() + 20))):
                continue  # the negation belongs to an oppose cue ("geen draagvlak")
            n += 1
        return n


def _distance(cue: tuple[int, int, int], hit: IssueHit) -> int:
    if cue[1] <= hit.start:
        return hit.start - cue[1]
    return max(0, cue[0] - hit.end) + 5  # cues after the issue weigh a little less


def _clause_end(text: str, start: int, stop_comma: bool = True) -> int:
    stops = ".;!?" + ("," if stop_comma else "")
    i = start
    while i < len(text):
        if text[i] in stops and not (text[i] == "." and i + 1 < len(text) and text[i + 1].isalnum()):
            break
        i += 1
    while i > start and text[i - 1] in " \"'”“„’":
        i -= 1
    return i


def _alternatives(values: list[str] | None) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in values or ["(?!)"]), re.IGNORECASE)


def _set(values: list[str] | None) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or [])


@lru_cache(maxsize=4)
def load_lexicon(lang: str = "nl") -> Lexicon:
    """The stance lexicon of ``lang`` (falls back to Dutch when the language has none)."""
    path = _LANG_DIR / lang / "stance.yaml"
    if not path.exists():
        path = _LANG_DIR / "nl" / "stance.yaml"
    d = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Lexicon(
        support=compile_cues(d.get("support")),
        oppose=compile_cues(d.get("oppose")),
        weak_support=compile_cues(d.get("weak_support")),
        obligation=compile_cues(d.get("obligation")),
        composing=compile_cues(d.get("composing")),
        negation=compile_cues(d.get("negation")),
        negation_near=compile_cues(d.get("negation_near")),
        hedges=compile_cues(d.get("hedges")),
        condition=compile_cues(d.get("condition")),
        precondition=compile_cues(d.get("precondition")),
        clause_break=_alternatives(d.get("clause_break")),
        relative_break=_alternatives(d.get("relative_break")),
        setting_before=compile_cues(d.get("setting_before")),
        non_subject_before=_set(d.get("non_subject_before")),
        attribution=_set(d.get("attribution")),
        attribution_initial=_set(d.get("attribution_initial")),
        possessive=_set(d.get("possessive")),
        party_markers=compile_cues(d.get("party_markers")),
        subject_pronouns=compile_cues(d.get("subject_pronouns")),
        plural_pronouns=compile_cues(d.get("plural_pronouns")),
        holder_glue=_set(d.get("holder_glue")),
        words={k: _set(d.get(k)) for k in _WORD_LISTS},
        verb_ending=str(d.get("verb_ending") or ""),
        holder_nouns=compile_cues(d.get("holder_nouns")),
        back_reference=compile_cues(d.get("back_reference")),
        back_reference_far=compile_cues(d.get("back_reference_far")),
        goal_reference=compile_cues(d.get("goal_reference")),
        open_question=compile_cues(d.get("open_question")),
        inline_reference=compile_cues(d.get("inline_reference")),
        agent_nouns=compile_cues(d.get("agent_nouns")),
        group_apposition=compile_cues(d.get("group_apposition")),
    )
