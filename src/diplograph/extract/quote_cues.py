"""Speech cues in a sentence: speech and cognition verbs (with particles), "volgens", "aldus",
and "Dat heeft X gezegd" (content in the previous sentence)."""

from __future__ import annotations

from dataclasses import dataclass

from diplograph.extract.quote_lexicon import QuoteLexicon, Verb
from diplograph.extract.speakers import (
    _is_quote_mark,
    find_aux,
    is_cap,
    is_role,
    np_after,
    np_before,
    subject_from_parse,
)
from diplograph.model import Sentence, Token

_FINITE_END = {".", "!", "?", ";"}


@dataclass
class Cue:
    """A speech cue: tokens ``i``..``j`` of ``sent`` (j is the particle where there is one)."""

    # verb | according | postposed ("..., aldus X") | anaphoric | noun | for (a speaker before quoted words only)
    kind: str
    sent: Sentence
    i: int
    j: int
    verb: Verb | None = None
    speaker: list[Token] | None = None  # the speaker phrase
    co_speakers: list[list[Token]] | None = None  # "X en Y verklaarden": the other conjuncts

    @property
    def start(self) -> int:
        return self.sent.tokens[self.i].start

    @property
    def end(self) -> int:
        return self.sent.tokens[self.j].end

    @property
    def reported(self) -> bool:
        return self.kind != "for" and (self.verb is None or self.verb.reported)


def _verb_matches(v: Verb, toks: list[Token], i: int, masked: set[int], lex: QuoteLexicon) -> int | None:
    """Index of the cue's last token (its particle) if ``v`` is a cue at ``i``, else None."""
    w = toks[i].text.lower()
    j = i
    if v.particle and w not in v.joined:
        j = -1
        for k in range(i + 1, min(len(toks), i + 1 + v.particle_gap)):
            if k in masked:
                continue
            low = toks[k].text.lower()
            if low in v.particle:
                j = k
                break
            if low in _FINITE_END or low in lex.complementizers and not v.particle_past_complementizer:
                break
        if j < 0:
            return None
    if v.needs:
        before = toks[i - 1].text if i else ""
        before2 = toks[i - 2].text if i > 1 else ""
        inverted = before == "," or (_is_quote_mark(before) and before2 == ",") or (
            before.lower() in lex.inversion_adverbs and before2 in {",", ""})
        if inverted and before == "," and not _is_quote_mark(before2):
            # "..., erkende X (in ...)." closes the sentence; "De meeste landen, waaronder Duitsland, erkennen
            # Guaidó als ..." is a subject with an apposition before an ordinary verb
            np = np_after(toks, j + 1, lex, masked)
            k = np[-1].i + 1 if np else j + 1
            while k < len(toks) and toks[k].text.lower() in lex.fillers:
                k += 1
            inverted = bool(np) and (k >= len(toks) or toks[k].text in _FINITE_END | {",", ":"}
                                     or toks[k].text.lower() in lex.prepositions)
        if not inverted:
            ok = False
            for k in range(j + 1, min(len(toks), j + 12)):
                low = toks[k].text.lower()
                if low in v.needs:
                    ok = True
                    break
                if low in _FINITE_END:
                    break
            if not ok:
                return None
    return j


def find_cues(sent: Sentence, masked: set[int], lex: QuoteLexicon) -> list[Cue]:
    """All cues in ``sent``; tokens whose index is in ``masked`` (quoted words) are ignored."""
    toks = sent.tokens
    cues: list[Cue] = []
    for i, t in enumerate(toks):
        if i in masked:
            continue
        w = t.text.lower()
        if w in lex.according_to:
            cues.append(Cue("according", sent, i, i))
            continue
        if w in lex.postposed_cues:
            cues.append(Cue("postposed", sent, i, i))
            continue
        if w in lex.according_before_quote and i == _first_unmasked(toks, masked):
            np = np_after(toks, i + 1, lex, masked)
            nxt = np[-1].i + 1 if np else len(toks)
            if nxt < len(toks) and (nxt in masked or _is_quote_mark(toks[nxt].text)):
                cues.append(Cue("for", sent, i, i))  # "Voor Stoltenberg 'is de tijd aangebroken'"
            continue
        if w in lex.speech_nouns and i + 1 < len(toks) and toks[i + 1].text.lower() in lex.of_words:
            cues.append(Cue("noun", sent, i, i + 1))
            continue
        if _fixed_phrase(toks, i, lex):
            continue
        candidates = list(lex.by_form.get(w, []))
        if sent.parsed and not _is_verb(t):
            continue  # "de vrees dat ...": a noun, not a speech verb
        if sent.parsed and t.lemma and not candidates:
            candidates = [v for v in lex.verbs if v.lemma == t.lemma.lower()]
        for v in sorted(candidates, key=lambda v: not v.particle):  # "zegde ... toe" before "zegde"
            j = _verb_matches(v, toks, i, masked, lex)
            if j is None:
                continue
            if any(toks[k].text.lower() in lex.negations for k in range(i + 1, j)):
                break  # "maakten Blok en Payne niet bekend": nothing was said
            kind = "verb"
            first = _first_unmasked(toks, masked)
            if first is not None and toks[first].text.lower() in lex.anaphoric and i > first and (
                    i == first + 1 or toks[first + 1].text.lower() in lex.auxiliaries) and not any(
                    toks[k].text == ":" and k not in masked for k in range(j + 1, min(len(toks), j + 8))):
                kind = "anaphoric"  # "Dat zei X." points back; "Zo zei Moon over Kim: '...'" points ahead
            cues.append(Cue(kind, sent, i, j, v))
            break
    for c in cues:
        c.speaker = cue_speaker(c, masked, lex)
        c.co_speakers = _conjuncts(c, lex)
    return cues


def _is_verb(t: Token) -> bool:
    """A verb by the parser's tag (CGN "WW" or UD "VERB"/"AUX"); untagged tokens count as verbs."""
    pos = t.pos.upper()
    return not pos or pos.startswith(("WW", "VERB", "AUX"))


def _conjuncts(c: Cue, lex: QuoteLexicon) -> list[list[Token]]:
    """"De Amerikaanse president Joe Biden en zijn Franse ambtgenoot Emmanuel Macron verklaarden":
    the subject before "en" when the speaker phrase is the second part of a coordinated subject."""
    if not c.speaker or c.speaker[-1].i >= c.i:
        return []
    toks = c.sent.tokens
    k = c.speaker[0].i - 1
    while k >= 0 and toks[k].text.lower() in lex.possessives:
        k -= 1
    if k >= 1 and toks[k].text.lower() in lex.and_words:
        first = np_before(toks, k, lex)
        return [first] if first else []
    k = c.speaker[-1].i + 1
    if k < c.i and toks[k].text.lower() in lex.and_words:  # the parse gave the first conjunct
        k += 1
        while k < c.i and toks[k].text.lower() in lex.possessives:
            k += 1
        second = np_after(toks, k, lex)
        if second and second[-1].i < c.i and all(t.text.lower() in lex.fillers for t in toks[second[-1].i + 1:c.i]):
            return [second]
    return []


def _fixed_phrase(toks: list[Token], i: int, lex: QuoteLexicon) -> bool:
    """The word at ``i`` is part of a phrase such as "eerlijk gezegd" that reports nothing."""
    words = [t.text.lower() for t in toks]
    for phrase in lex.not_cues:
        for k, part in enumerate(phrase):
            start = i - k
            if part == words[i] and start >= 0 and words[start:start + len(phrase)] == phrase:
                return True
    return False


def _first_unmasked(toks: list[Token], masked: set[int]) -> int | None:
    for k, t in enumerate(toks):
        if k not in masked and not _is_quote_mark(t.text):
            return k
    return None


def _non_finite(word: str, lex: QuoteLexicon) -> bool:
    """A participle or infinitive form (gezegd, bekendgemaakt, benadrukt, laten), which takes an auxiliary."""
    w = word.lower()
    ge = lex.participle_prefix
    return w.startswith(ge) or ge in w[len(ge):len(ge) + 5] or w.endswith(lex.non_finite_endings)


def _relative_subject(toks: list[Token], i: int, lex: QuoteLexicon) -> list[Token]:
    """"de regering-Trump, die eerder deze week zei ...": the phrase a subject relative pronoun refers to."""
    for k in range(i - 1, max(-1, i - 6), -1):
        low = toks[k].text.lower()
        if low in {",", ".", ":", ";"} or low in lex.by_form:
            return []
        if low in lex.relative_pronouns and k >= 2 and toks[k - 1].text == ",":
            return np_before(toks, k - 1, lex, clause_start_only=False)
    return []


def _apposition_subject(toks: list[Token], comma: int, lex: QuoteLexicon) -> list[Token]:
    """"Vladimir Medinskiy, hoofd van de Russische delegatie, verklaarde": the subject before an apposition."""
    subj = np_after(toks, 0, lex)
    if not subj:
        return []
    e = subj[-1].i + 1
    if e + 1 < comma and toks[e].text.lower() in lex.place_prepositions and is_cap(toks[e + 1].text):
        e += 1  # "De ambassade in Caracas, aldus Russische media, benadrukt": a place after the subject
        while e < comma and is_cap(toks[e].text):
            e += 1
    if e < comma and toks[e].text == "," and all(t.text not in {".", ":", ";"} for t in toks[e + 1:comma]):
        if comma - e <= 15:
            # "De Oekraïense minister van Defensie, Rustem Umerov, kondigde aan": the name in between
            inner = np_after(toks, e + 1, lex)
            if inner and inner[-1].i == comma - 1 and is_cap(inner[-1].text) and not is_role(inner[0].text, lex):
                return inner
            return subj
    return []


def cue_speaker(c: Cue, masked: set[int], lex: QuoteLexicon) -> list[Token]:
    """The speaker phrase of a cue, from the parse where there is one, else by word order."""
    toks = c.sent.tokens
    skip = masked | {c.j}
    if c.kind in ("according", "postposed", "for"):
        return np_after(toks, c.i + 1, lex, skip)
    if c.kind == "noun":
        return np_after(toks, c.j + 1, lex, skip)
    by_order = _speaker_by_order(c, masked, lex, skip)
    if c.kind == "anaphoric":
        return by_order
    aux = find_aux(toks, c.i, lex) if _non_finite(toks[c.i].text, lex) else None
    if aux is not None and toks[aux].text.lower() in lex.passive_auxiliaries:
        return by_order  # "wordt gevreesd dat ...": only "door X" names a speaker
    parsed = subject_from_parse(c.sent, c.i, lex)
    if parsed:
        # the parse says where the subject is; the phrase around it is read by word order
        k = parsed[0].i
        if by_order and (any(t.i == k for t in by_order) or _in_pp(toks, k, lex)
                         or (k < by_order[0].i < c.i and toks[by_order[0].i - 1].text == ",")):
            return by_order  # the parse subject is inside a phrase with a preposition, or an apposition
        around = np_after(toks, k, lex, skip) or np_before(toks, k + 1, lex, clause_start_only=False)
        if around and any(t.i == k for t in around):
            return around
    return by_order


def _in_pp(toks: list[Token], k: int, lex: QuoteLexicon) -> bool:
    """Token ``k`` ends a phrase after a preposition ("In de Britse krant Daily Telegraph")."""
    for j in range(k - 1, -1, -1):
        w = toks[j].text
        low = w.lower()
        if low in lex.prepositions:
            return True
        if not (is_cap(w) or is_role(w, lex) or low in lex.articles or low in lex.channels
                or (w.islower() and low.endswith(lex.adjective_ending))):
            return False
    return False


def _speaker_by_order(c: Cue, masked: set[int], lex: QuoteLexicon, skip: set[int]) -> list[Token]:
    """The speaker phrase of a cue from word order alone."""
    toks = c.sent.tokens
    w = toks[c.i].text
    if c.kind == "anaphoric":  # "Dat heeft X gezegd", "Dat zei X"
        first = _first_unmasked(toks, masked) or 0
        aux = first + 1 if toks[first + 1].text.lower() in lex.auxiliaries else c.j
        return np_after(toks, aux + 1, lex, skip)
    if w.lower() in lex.quoting_participles:
        return np_before(toks, c.i, lex, clause_start_only=False) or np_after(toks, c.i + 1, lex, skip)
    aux = find_aux(toks, c.i, lex) if _non_finite(w, lex) else None
    if aux is not None and toks[aux].text.lower() in lex.passive_auxiliaries:
        # "wordt verwacht dat ...": no speaker unless "door X" names one
        for k in range(c.j + 1, min(len(toks), c.j + 4)):
            if toks[k].text.lower() in lex.agent_prepositions:
                return np_after(toks, k + 1, lex, skip)
        return []
    if aux is not None:  # "X heeft gezegd", "heeft X laten weten"
        return np_before(toks, aux, lex) or np_after(toks, aux + 1, lex, skip)
    if c.i > 0 and toks[c.i - 1].text == ",":
        appos = _apposition_subject(toks, c.i - 1, lex)
        if appos:
            return appos
    before = np_before(toks, c.i, lex)
    if before:
        return before
    after = np_after(toks, c.i + 1, lex, skip)
    if after:
        return after
    rel = _relative_subject(toks, c.i, lex)
    if rel:
        return rel
    if c.i > 0 and toks[c.i - 1].text.lower() in lex.verb_coordinators:
        # "Poetin noemde Xi zijn 'vriend' en zei dat ...": the subject of the first verb
        subj = np_after(toks, 0, lex)
        if subj and subj[-1].i < c.i - 1:
            return subj
    # verb-final clause after a quotation: Iets wat Moskou "absurd" noemt
    k = c.i - 1
    while k >= 0 and (k in masked or _is_quote_mark(toks[k].text)):
        k -= 1
    if k < c.i - 1:
        return np_before(toks, k + 1, lex, clause_start_only=False)
    return []
