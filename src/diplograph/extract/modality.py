"""Modality of a reported event: asserted, negated, conditional, hypothetical, future, historical.

Cues come from ``lang/<lang>/modality.yaml``; dates from :mod:`diplograph.extract.timex`.
Everything works on plain text windows, so it runs with or without a parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from diplograph.extract.event_triggers import any_match, compile_pattern, load_yaml
from diplograph.extract.timex import PubDate, Timex, resolve


@dataclass
class Cues:
    negation: list[re.Pattern[str]]
    negation_exceptions: list[re.Pattern[str]]
    condition: list[tuple[str, re.Pattern[str]]]
    condition_exceptions: list[re.Pattern[str]]
    initial_conditions: set[str]
    future: list[re.Pattern[str]]
    future_frame: list[re.Pattern[str]]
    hypothetical: list[re.Pattern[str]]
    hypothetical_frame: list[re.Pattern[str]]
    hypothetical_attributive: list[re.Pattern[str]]
    hypothetical_exceptions: list[re.Pattern[str]]
    hypothetical_markers: set[str]
    historical: list[re.Pattern[str]]
    historical_exceptions: list[re.Pattern[str]]
    pluperfect: re.Pattern[str] | None
    background_before: list[re.Pattern[str]]
    historical_initial: list[re.Pattern[str]]
    timex_barriers: list[re.Pattern[str]]
    condition_subject_markers: set[str]
    condition_subjects: set[str]
    speech: list[re.Pattern[str]]
    obligation: list[re.Pattern[str]]
    tense_tags: dict[str, str]
    present_forms: set[str]
    present_copulas: set[str]
    past_forms: set[str]
    perfect: re.Pattern[str] | None
    past_suffix: re.Pattern[str] | None
    finite_verbs: set[str]
    verb_ending: re.Pattern[str] | None
    determiners: set[str]
    anaphoric_time: list[re.Pattern[str]]
    present_time: list[re.Pattern[str]]


@cache
def cues(lang: str = "nl") -> Cues | None:
    data = load_yaml(lang, "modality")
    if not data:
        return None

    def c(key: str) -> list[re.Pattern[str]]:
        return [compile_pattern(p) for p in data.get(key, [])]

    return Cues(
        negation=c("negation"), negation_exceptions=c("negation_exceptions"),
        condition=[(p, compile_pattern(p)) for p in data.get("condition", [])],
        condition_exceptions=c("condition_exceptions"),
        initial_conditions={w.lower() for w in data.get("initial_conditions", [])},
        future=c("future"), future_frame=c("future_frame"),
        hypothetical=c("hypothetical"),
        hypothetical_frame=c("hypothetical_frame"), hypothetical_attributive=c("hypothetical_attributive"),
        hypothetical_exceptions=c("hypothetical_exceptions"),
        hypothetical_markers={w.lower() for w in data.get("hypothetical_markers", [])},
        historical=c("historical"), historical_exceptions=c("historical_exceptions"),
        pluperfect=re.compile(data["pluperfect_regex"], re.I) if data.get("pluperfect_regex") else None,
        background_before=[re.compile(compile_pattern(p).pattern + r"(?:\s+\S+){0,3}\s*$", re.I)
                           for p in data.get("background_before", [])],
        historical_initial=c("historical_initial"), timex_barriers=c("timex_barriers"),
        condition_subject_markers=set(data.get("condition_subject_markers", [])),
        condition_subjects=set(data.get("condition_subjects", [])),
        speech=c("speech"), obligation=c("obligation"), tense_tags=dict(data.get("tense_tags") or {}),
        present_forms={w.lower() for w in data.get("present_forms", [])},
        present_copulas={w.lower() for w in data.get("present_copulas", [])},
        past_forms={w.lower() for w in data.get("past_forms", [])},
        perfect=re.compile(data["perfect_regex"], re.I) if data.get("perfect_regex") else None,
        past_suffix=re.compile(data["past_suffix_regex"], re.I) if data.get("past_suffix_regex") else None,
        finite_verbs={w.lower() for w in data.get("finite_verbs", [])},
        verb_ending=re.compile(data["verb_ending_regex"], re.I) if data.get("verb_ending_regex") else None,
        determiners={w.lower() for w in data.get("determiners", [])},
        anaphoric_time=c("anaphoric_time"), present_time=c("present_time"),
    )


@dataclass
class Modality:
    modality: str = "asserted"
    condition: str | None = None
    timex: Timex | None = None


_CLAUSE_END = re.compile(r"[,.](?!\d)|[;:!?\"”]|\s[–-]\s")  # not the comma or point inside a number


def past_tense(c: Cues, clause: str, trigger: str, noun: bool = False) -> bool:
    """True when the clause is told in a past tense: a past form or auxiliary, a perfect ("heeft ... gezegd"),
    or a verb trigger with a regular past ending ("beloofde", "eiste")."""
    if any(w in c.past_forms for w in re.findall(r"\w+", clause.lower())):
        return True
    if c.perfect is not None and c.perfect.search(clause):
        return True
    words = trigger.split()
    return bool(not noun and words and c.past_suffix is not None and c.past_suffix.fullmatch(words[0]))


def own_words(c: Cues, words: list[str]) -> list[str]:
    """The words after a trigger up to the next finite verb: a negation after that verb is its clause's
    ("Sinds Rusland Oekraïne vorige maand binnenviel is er geen contact ... geweest")."""
    out = []
    for w in words:
        if w.lower().strip(",.;:!?\"'“”„‘’()") in c.finite_verbs | c.past_forms:
            break
        out.append(w)
    return out


def negated(c: Cues, window: str) -> bool:
    """True when ``window`` (clause up to just after the trigger) holds a negation."""
    for rx in c.negation:
        for m in rx.finditer(window):
            if not any(ex.match(window, m.start()) or _covers(ex, window, m.start()) for ex in c.negation_exceptions):
                return True
    return False


def _covers(rx: re.Pattern[str], text: str, pos: int) -> bool:
    return any(m.start() <= pos < m.end() for m in rx.finditer(text))


def _has_verb(c: Cues, words: list[str]) -> bool:
    """True when a clause after its first word holds a finite verb: a listed one, or a word with a verb
    ending that no determiner precedes ("als Londen te kwader trouw zou handelen", not "als de pest")."""
    prev = ""
    for i, raw in enumerate(words):
        w = raw.lower().strip(",.;:!?\"'“”„‘’()")
        if i == 0:
            prev = w
            continue
        if w in c.past_forms or w in c.finite_verbs:
            return True
        if c.verb_ending is not None and c.verb_ending.fullmatch(w) and prev not in c.determiners:
            return True
        prev = w
    return False


def condition_clauses(c: Cues, sentence: str) -> list[tuple[str, int, int]]:
    """The condition clauses of a sentence: (marker, start, end), marker to the end of its clause."""
    out: list[tuple[str, int, int]] = []
    for _, rx in c.condition:
        for m in rx.finditer(sentence):
            if any(_covers(ex, sentence, m.start()) for ex in c.condition_exceptions):
                continue
            if re.search(r"(?:ook|zelfs|net|zo)\s+$", sentence[:m.start()], re.I):
                continue
            if m.group().lower() in c.initial_conditions and sentence[:m.start()].strip(" \"'“„‘("):
                continue  # "Mocht ..., dan": only at the start ("..., mocht die maximaal ... kosten" is "might")
            end_m = _CLAUSE_END.search(sentence, m.end())
            end = end_m.start() if end_m else len(sentence)
            if end_m and sentence[end_m.start()] in "\"”":
                nxt = _CLAUSE_END.search(sentence, end_m.end())
                end = nxt.start() if nxt else len(sentence)
            for then in re.finditer(r"\sdan\s", sentence[m.end():end]):
                # "Als X ... wil ingaan dan moeten ...": the consequence starts at "dan" after the clause's verb
                prev = sentence[m.end():m.end() + then.start()].split()[-1:]
                if prev and _has_verb(c, ["", prev[0]]):
                    end = m.end() + then.start()
                    break
            words = sentence[m.end():end].split()
            if len(words) < 2:
                continue
            if m.group().lower() in c.condition_subject_markers and not (
                    (words[0].lower() in c.condition_subjects or words[0][:1].isupper()) and _has_verb(c, words)):
                continue
            out.append((m.group().lower(), m.start(), end))
    return out


def find_condition(c: Cues, sentence: str, trig_start: int, trig_end: int) -> str | None:
    """The condition clause of the sentence (marker to end of clause), if the trigger is not inside it."""
    best: tuple[int, int] | None = None
    for _, start, end in condition_clauses(c, sentence):
        if start <= trig_start < end:
            continue  # the trigger is what the condition is about, not conditioned
        if best is None or abs(start - trig_start) < abs(best[0] - trig_start):
            best = (start, end)
    if best is None:
        return None
    return sentence[best[0]:best[1]].strip().rstrip(",").strip("\"“”„’'« »").strip()


def in_condition(c: Cues, sentence: str, trig_start: int) -> bool:
    """True when the trigger stands inside an if-clause ("Als de aangepaste deal wordt goedgekeurd, ..."):
    a scenario, not something that happened (not after "zolang", "zodra": those are real or ahead)."""
    return any(start <= trig_start < end and marker in c.hypothetical_markers
               and not any_match(c.speech, sentence[start:trig_start])  # a new main clause ("China vindt het")
               for marker, start, end in condition_clauses(c, sentence))


def classify(
    sentence: str,
    clause: tuple[int, int],
    trigger: tuple[int, int],
    pub: PubDate | None,
    lang: str = "nl",
    negation_ok: bool = False,
    frame_start: int | None = None,
    noun: bool = False,
    conditionable: bool = True,
    tense: str | None = None,
    context: Timex | None = None,
) -> Modality:
    """Modality of the event whose trigger spans ``trigger`` inside ``sentence``.

    ``clause`` bounds the trigger's clause; ``frame_start`` where its reporting frame (the main
    clause of "X zei eerder dat ...") begins.  Offsets are into ``sentence``.  ``tense`` ("present",
    "past" or None) is the tense of the trigger when it is a finite verb and a tagger gave it.
    ``context`` is the time the sentences before speak of (:func:`narrative_time`): a clause without a
    time expression of its own that points back to it ("Israël wees toen ook naar Hamas") takes it.
    """
    c = cues(lang)
    if c is None:
        return Modality()
    cs, ce = clause
    ts, te = trigger
    frame = sentence[frame_start if frame_start is not None else cs:ce]
    future_ctx = bool(any_match(c.future, sentence[cs:ce]) or any_match(c.future_frame, sentence[:ts]))
    if tense == "present" and not future_ctx:
        # "Poetin en Erdogan spreken elkaar donderdag": a meeting verb in the present tense with a bare
        # weekday is scheduled.
        future_ctx = any(t.bare_weekday and cs <= t.start < ce for t in resolve(sentence, pub, lang))
    past = not future_ctx and past_tense(c, sentence[cs:ce], sentence[ts:te], noun)
    timexes = resolve(sentence, pub, lang, future_context=future_ctx, past_context=past)
    tx = _nearest([t for t in timexes if not _barred(c, sentence, te, t)], ts, te, cs, ce)
    anaphoric = tx is None and context is not None and _points_back(c, sentence[cs:ce])
    if anaphoric:
        tx = context
    tail = sentence[te:ce].split()
    lead = re.split(r"[,\"“”‘’']", sentence[cs:ts])[-1].split()
    neg_window = " ".join(lead[-4:]) + " " + sentence[ts:te] + " " + " ".join(own_words(c, tail[:3]))
    if not negation_ok and negated(c, neg_window):
        return Modality("negated", timex=tx)
    cond = find_condition(c, sentence, ts, te) if conditionable else None
    if cond:
        return Modality("conditional", cond, tx)
    if in_condition(c, sentence, ts):
        return Modality("hypothetical", timex=tx)
    # A hedge is about the trigger when it stands in its clause before it or just after it ("Rusland stuurt
    # mogelijk troepen"), not further on ("..., waarbij Nederland mogelijk zijn vetorecht verliest"); an
    # attributive one only right before it ("een mogelijke aanval"), and not as the object's adjective.
    hedge_end = te + sum(len(w) + 1 for w in re.findall(r"\s*\S+", sentence[te:ce])[:2])
    hedge = _hedge(c, sentence[cs:min(ce, hedge_end)])
    attributive = any_match(c.hypothetical_attributive, " ".join(sentence[cs:ts].split()[-2:]))
    if ((hedge or attributive) and not any_match(c.speech, sentence[cs:ts])) or any_match(
            c.hypothetical_frame, sentence[:ts]):
        return Modality("hypothetical", timex=tx)
    if tx is not None and tx.background:
        return Modality("historical", timex=tx)
    if anaphoric:
        return Modality("future" if tx is not None and tx.future else "asserted", timex=tx)
    if tx is None and context is not None and context.background and past and not future_ctx \
            and not any_match(c.present_time, sentence[cs:ce]) and not any_match(c.speech, frame):
        # a past-tense clause with no time of its own goes on with the background the sentence before told
        # (not a report of what someone said: "..., zei senator X")
        return Modality("historical", timex=context)
    if noun and any(rx.search(sentence[:ts]) for rx in c.background_before):
        return Modality("historical", timex=tx)
    hist = _historical_cue(c, frame, sentence[cs:ce], ts - cs, te - cs)
    if hist and not (tx is not None and not tx.background and tx.days_before is not None and tx.days_before < 14):
        return Modality("historical", timex=tx)
    if (tx is not None and tx.future) or future_ctx:
        return Modality("future", timex=tx)
    return Modality("asserted", timex=tx)


def narrative_time(sentence: str, pub: PubDate | None, context: Timex | None, lang: str = "nl") -> Timex | None:
    """The time a sentence speaks of, for the sentences after it: its first dated time expression (not a
    deadline); else, when it is told in a past tense or points back ("toen"), the ``context`` it carries on."""
    c = cues(lang)
    if c is None or pub is None:
        return None
    past = past_tense(c, sentence, "")
    own = [t for t in resolve(sentence, pub, lang, past_context=past) if t.days_before is not None and not t.deadline]
    if own:
        return own[0]
    if any_match(c.present_time, sentence):
        return None
    return context if past or _points_back(c, sentence) else None


def _hedge(c: Cues, text: str) -> bool:
    """A hedge ("mogelijk", "zou ... kunnen") in ``text`` that is not part of a fixed phrase ("zo snel mogelijk")."""
    for rx in c.hypothetical:
        for m in rx.finditer(text):
            if not any(_covers(ex, text, m.start()) or _covers(ex, text, m.end() - 1)
                       for ex in c.hypothetical_exceptions):
                return True
    return False


def _barred(c: Cues, sentence: str, te: int, t: Timex) -> bool:
    """True when a barrier word ("sinds") stands between the trigger and a later time expression, or the
    later expression is a deadline ("het verzoek ... om de brexit uit te stellen tot 30 juni")."""
    return t.start >= te and (t.deadline or any_match(c.timex_barriers, sentence[te:t.start]) is not None)


def _when_clause(c: Cues, text: str) -> bool:
    """A "toen" that opens a clause with its own subject ("was pas 4 jaar oud toen Fortuyn werd vermoord"): the
    conjunction "when", which tells background when no earlier time is known."""
    for m in re.finditer(r"\btoen\s+([\w'’-]+)", text, re.I):
        nxt = m.group(1)
        if nxt.lower() in c.condition_subjects or nxt[:1].isupper():
            return True
    return False


def _points_back(c: Cues, text: str) -> bool:
    """A time word that points back ("toen", "daarna", "op dat moment") in ``text``: "Israël wees toen ook naar
    Hamas", and a when-clause too ("stond hij op, juist toen ... om een minuut stilte vroeg") takes the time
    the story is told in."""
    return any_match(c.anaphoric_time, text) is not None


def _historical_cue(c: Cues, frame: str, clause: str, ts: int, te: int) -> bool:
    """Background cues in the frame, a sentence-initial cue, a when-clause, or a pluperfect before the trigger's
    end."""
    if any(rx.match(frame.lstrip(" \"'“„‘")) for rx in c.historical_initial) or _when_clause(c, frame):
        return True
    for rx in c.historical:
        for m in rx.finditer(frame):
            if any(_covers(ex, frame, m.start()) for ex in c.historical_exceptions):
                continue
            return True
    m = c.pluperfect.search(clause) if c.pluperfect else None
    if m and m.start() < te:
        # "Hij zei dat de leiders hadden afgesproken ...": in reported speech the pluperfect is the
        # sequence of tenses after a past speech verb, not background.
        lead = frame[:max(0, len(frame) - len(clause))]
        return not (lead and any_match(c.speech, lead))
    return False


def _nearest(timexes: list[Timex], ts: int, te: int, cs: int, ce: int) -> Timex | None:
    """The time expression closest to the trigger, preferring those in its clause."""
    if not timexes:
        return None

    def key(t: Timex) -> tuple[int, int]:
        inside = 0 if cs <= t.start < ce else 1
        dist = ts - t.end if t.end <= ts else t.start - te if t.start >= te else 0
        return inside, abs(dist)

    return min(timexes, key=key)
