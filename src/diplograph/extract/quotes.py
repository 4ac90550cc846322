"""The `quotes` stage: direct and reported speech with speaker and the actor spoken for.

Direct quotations are found by their marks (:mod:`quote_direct`) and kept only when a
speaker can be attributed (scare quotes and titles have none); reported speech is found
from speech cues (:mod:`quote_cues`); speakers are resolved through the `actors` stage's
mentions where present (:mod:`speakers`).  Language knowledge: ``lang/nl/quotes.yaml``.
"""

from __future__ import annotations

import re

from diplograph.extract.actor_kb import load_kb
from diplograph.extract.pipeline import register
from diplograph.extract.quote_cues import Cue, find_cues
from diplograph.extract.quote_direct import Quoted, find_quoted
from diplograph.extract.quote_lexicon import QuoteLexicon, has_lexicon, load_lexicon
from diplograph.extract.speakers import (
    Speaker,
    SpeakerResolver,
    _is_quote_mark,
    after_heading,
    is_adjective,
    is_cap,
    is_role,
    np_after,
)
from diplograph.model import Analysis, Mention, Quote, Sentence, Span, Token

VERSION = "1"
_TRAIL = " \t\n.,;:!?"


class _Doc:
    """Per-document working state."""

    def __init__(self, analysis: Analysis, lex: QuoteLexicon) -> None:
        self.a = analysis
        self.lex = lex
        self.text = analysis.doc.text
        self.quoted = find_quoted(self.text, lex)
        self.resolver = SpeakerResolver(analysis, lex)
        self.masks: dict[int, set[int]] = {}
        self.cues: dict[int, list[Cue]] = {}
        for s in analysis.sentences:
            self.masks[s.index] = {t.i for t in s.tokens if self.in_quote(t.start, t.end)}
            self.cues[s.index] = find_cues(s, self.masks[s.index], lex)
        self.history: list[tuple[int, Speaker]] = []  # (sentence index, attributed speaker)
        self.out: list[Quote] = []
        self.pending: list[Quoted] = []  # long quotations still without a speaker
        self.gaps: dict[tuple[int, int], tuple[int, int]] = {}  # content span -> attribution inside it
        self.reported_spans: list[tuple[int, int]] = []  # reported words found so far

    def in_quote(self, start: int, end: int) -> Quoted | None:
        for q in self.quoted:
            if q.start <= start and end <= q.end:
                return q
        return None

    def sentence_of(self, offset: int) -> Sentence | None:
        best = None
        for s in self.a.sentences:
            if s.start <= offset:
                best = s
            else:
                break
        return best

    def paragraph_gap(self, a: int, b: int) -> int:
        """Number of paragraph breaks between two offsets."""
        lo, hi = min(a, b), max(a, b)
        return len(re.findall(r"\n\s*\n|\n", self.text[lo:hi]))


def _resolve(doc: _Doc, toks: list[Token], sent_index: int, media: bool = False) -> Speaker | None:
    """A speaker phrase resolved to a speaker; pronouns and definite descriptions ("de Noor",
    "de president") take the nearest suitable antecedent."""
    sp = doc.resolver.resolve(toks, media)
    if sp is None:
        return None
    ms = doc.resolver._overlapping(sp.start, sp.end)
    if sp.kind == "pronoun":
        ante = _antecedent(doc, sent_index, sp.start, pronoun=True)
        if ante is not None:
            return Speaker(ante.name, ante.actor or sp.actor, sp.start, sp.end, sp.text, "pronoun", True)
        return sp
    if sp.actor is None and _country_description(doc, toks):
        state = _recent_state(doc, sent_index, sp.start)
        if state is not None:
            return Speaker(state.span.text, state.actor, sp.start, sp.end, sp.text, "institution")
    if _definite_description(doc, toks) and not any(m.kind in ("role", "coref") and m.person for m in ms):
        head = toks[-1].text.lower()
        for idx, h in reversed(doc.history):  # "Een Amerikaanse functionaris ... aldus de functionaris"
            if sent_index - idx > 5:
                break
            if h.text.split()[-1].lower() == head:
                return Speaker(h.name, h.actor or sp.actor, sp.start, sp.end, sp.text, h.kind, h.person)
        actor = sp.actor if any(m.kind in ("role", "adjective") for m in ms) else None
        # "de Fransman", "de Noor": a nationality, which a person acting for the EU or NATO may have too
        nation = not is_role(head, doc.lex)
        ante = _antecedent(doc, sent_index, sp.start, actor=actor, nation=nation)
        if ante is not None:
            return Speaker(ante.name, ante.actor or sp.actor, sp.start, sp.end, sp.text, "role", True)
    return sp


def _country_description(doc: _Doc, toks: list[Token]) -> bool:
    """"Het Balkanland", "het Aziatische land", "het buurland": a country described, not named."""
    if len(toks) < 2 or toks[0].text.lower() not in doc.lex.country_determiners \
            or not all(is_adjective(t.text, doc.lex) for t in toks[1:-1]):
        return False
    head = toks[-1].text.lower()
    return any(head.endswith(w) for w in doc.lex.country_nouns) and not doc.resolver._overlapping(
        toks[-1].start, toks[-1].end)


def _recent_state(doc: _Doc, sent_index: int, before: int, window: int = 3) -> Mention | None:
    """The state named last before ``before`` (this sentence or the ``window`` before it) as a subject, outside
    quotations."""
    kb = load_kb()
    found = None
    # a state named after the description in its own sentence is what it talks about ("Het Balkanland claimt
    # China's beste vriend te zijn"); one after a preposition is not the subject ("keuze van China")
    later = {m.actor for m in doc.a.mentions if m.sentence == sent_index and m.span.start >= before}
    for m in doc.a.mentions:
        if sent_index - window <= m.sentence <= sent_index and m.span.start < before and m.kind == "name" \
                and m.actor and not m.person and m.actor not in later and not doc.in_quote(m.span.start, m.span.end) \
                and not _after_preposition(doc, m.span.start):
            actor = kb.actor(m.actor)
            if actor is not None and actor.type == "state":
                found = m
    return found


def _definite_description(doc: _Doc, toks: list[Token]) -> bool:
    """"de president", "de Russische president", "de nuchtere Noor": a definite phrase with one head
    word and no name of its own (institutions and states, "het Kremlin", "de VN", are not)."""
    lex = doc.lex
    if len(toks) < 2 or toks[0].text.lower() not in lex.person_articles \
            or any(t.text.lower() in lex.of_words for t in toks):
        return False
    if toks[0].text == toks[0].text.lower().capitalize() and not doc.resolver._sentence_initial(toks[0].start):
        return False  # "aldus De Graaf": a surname, not "de graaf"
    head = toks[-1]
    if not all(is_adjective(t.text, lex) for t in toks[1:-1]):
        return False
    if head.text.isupper() or doc.resolver.is_channel(head.start, head.end, head.text):
        return False  # "de BBC", "de VN": an organisation or a medium, not a description
    if head.text.lower() in doc.lex.institutions:
        return False  # "de Venezolaanse regering" speaks as a body, not as one of its people
    if is_role(head.text, doc.lex):
        return True
    if head.text.endswith(lex.people_endings):
        return False  # "de Amerikanen", "de Oekraïners": a people, not a person
    # "de VN", "de NAVO" name organisations; a person is never "de Noor" by name
    named = [m for m in doc.resolver._overlapping(head.start, head.end)
             if m.kind in ("name", "metonym") and not m.person]
    return is_cap(head.text) and not named


def _nationality(doc: _Doc, person: str | None = None, name: str | None = None) -> str | None:
    """The code of a person's own country in the actor KB (a canonical ``person``, or a ``name`` as the
    text gives it): Michel Barnier is French while he negotiates for the EU."""
    if person is None and name:
        person = next((m.person for m in doc.a.mentions if m.person
                       and last_word(doc.resolver.person_text(m.person)) == last_word(name)), None)
    p = load_kb().person(person) if person else None
    return p.actor if p else None


def _fits(doc: _Doc, acting: str | None, actor: str | None, nation: bool, person: str | None = None,
          name: str | None = None) -> bool:
    """A person acting for ``acting`` fits a description of ``actor`` ("de Russische president"); with
    ``nation`` (a nationality noun: "de Fransman") their own country fits too."""
    if actor is None or acting in (None, actor):
        return True
    return nation and _nationality(doc, person, name) == actor


def _antecedent(doc: _Doc, sent_index: int, before: int, actor: str | None = None,
                window: int = 4, depth: int = 0, pronoun: bool = False, nation: bool = False) -> Speaker | None:
    """The nearest person before ``before``: a recent speaker or the first person named in the
    current or a previous sentence (nearest sentence first; a speaker wins within one sentence)."""
    best: tuple[int, int, Speaker] | None = None
    for idx, sp in reversed(doc.history):
        if sent_index - idx > window:
            break
        if sp.name and sp.person and _fits(doc, sp.actor, actor, nation, name=sp.name):
            best = (idx, 1, sp)
            break
    back = window if actor else 2  # a description with a nationality may look further back
    for s in reversed(doc.a.sentences[max(0, sent_index - back):sent_index + 1]):
        if best is not None and best[0] >= s.index:
            break
        sp = _first_person(doc, s, before, actor, depth, nation, roles=pronoun)
        if sp is not None and pronoun and s.index == sent_index and _same_clause(doc, s, sp.end, before):
            continue  # "Gesprekken hierover leverden volgens hem niets op": a pronoun is not its clause's subject
        if sp is not None:
            best = (s.index, 0, sp)
            break
    return best[2] if best else None


def _same_clause(doc: _Doc, s: Sentence, a: int, b: int) -> bool:
    """No comma or clause word stands between offsets ``a`` and ``b`` of sentence ``s``."""
    words = {t.text.lower() for t in s.tokens if a <= t.start < b}
    return not words & ({",", ";", ":"} | doc.lex.clause_openers | doc.lex.subordinators)


def _running_speaker(doc: _Doc, s: Sentence, q: Quoted) -> Speaker | None:
    """The speaker of a quotation standing on its own (or with "klinkt het"): the running speaker
    of its paragraph, else the person the previous sentence of the paragraph is about, else the
    running speaker of the previous paragraph."""
    hist = None
    for idx, sp in reversed(doc.history):
        if s.index - idx <= 3 and sp.name:
            hist = (idx, sp)
        break
    if hist and s.index > 0 and hist[0] < s.index - 1:
        # "In een toespraak heeft Guaidó de uitzetting veroordeeld. '...'": a new subject in the sentence
        # just before the quotation takes over from an earlier speaker
        prev = doc.a.sentences[s.index - 1]
        subj = _subject_person(doc, prev) or _new_person(doc, prev)
        if subj is not None and doc.paragraph_gap(prev.end, q.open) == 0 and \
                last_word(subj.name) != last_word(hist[1].name):
            return subj
    if hist and doc.paragraph_gap(doc.a.sentences[hist[0]].end, q.open) == 0:
        return hist[1]
    if s.index > 0:
        prev = doc.a.sentences[s.index - 1]
        if doc.paragraph_gap(prev.end, q.open) == 0:
            p = _first_person(doc, prev, prev.end, None)
            if p is not None:
                return p
        elif q.open == s.start and len(prev.tokens) <= 6:
            # a byline paragraph ("Buitenlandredacteur Eliane Lamper") above a quoted paragraph
            np = np_after(prev.tokens, 0, doc.lex)
            if np and np[-1].i == len(prev.tokens) - 1 and doc.resolver.name_like(np[-1]):
                sp = doc.resolver.resolve(np)
                if sp is not None and sp.person and sp.kind == "name":
                    return sp
    if hist is None and s.index > 0:
        named = _earlier_speaker_named(doc, doc.a.sentences[s.index - 1])
        if named is not None and doc.paragraph_gap(doc.a.sentences[s.index - 1].end, q.open) == 0:
            return named
    return hist[1] if hist and doc.paragraph_gap(doc.a.sentences[hist[0]].end, q.open) <= 1 else None


def _earlier_speaker_named(doc: _Doc, s: Sentence, window: int = 8) -> Speaker | None:
    """The latest speaker (``window`` sentences back) when sentence ``s`` names them again outside a
    prepositional phrase: 'De AIVD stelt ... dat ... Daarom is
    de AIVD tegen ... ",,De AIVD vindt het onwenselijk ..."': the quotation goes on in that speaker's words."""
    for idx, sp in reversed(doc.history):
        if s.index - idx > window:
            break
        lw = last_word(sp.name)
        if not lw or idx >= s.index:
            continue
        for t in s.tokens:
            if t.text.lower() == lw and not doc.in_quote(t.start, t.end) and not _after_preposition(doc, t.start):
                return sp
        return None  # only the latest speaker continues
    return None


def last_word(name: str | None) -> str:
    return (name or "").split()[-1].lower() if (name or "").split() else ""


def _subject_person(doc: _Doc, s: Sentence) -> Speaker | None:
    """A person named as the subject of ``s`` by word order: the sentence's first phrase, or the
    phrase right after a finite auxiliary ("In een toespraak heeft Guaidó ... veroordeeld")."""
    toks = s.tokens
    starts = [0] + [k + 1 for k, t in enumerate(toks[:-1]) if t.text.lower() in doc.lex.auxiliaries and k > 0]
    for k in starts[:2]:
        if doc.in_quote(toks[k].start, toks[k].end):
            continue
        np = np_after(toks, k, doc.lex)
        if not np or np[0].i != k:
            continue
        ms = [m for m in doc.a.mentions if m.person and m.kind in ("name", "role", "coref")
              and np[0].start <= m.span.start and m.span.end <= np[-1].end]
        if ms:
            return Speaker(doc.resolver.person_text(ms[0].person or ""), ms[0].actor, ms[0].span.start,
                           ms[0].span.end, ms[0].span.text, "name", True)
    return None


def _new_person(doc: _Doc, s: Sentence) -> Speaker | None:
    """The first person sentence ``s`` names outside quotations and prepositional phrases: a person the
    actor layer knows, a full name after a role ("de Franse minister van Europese Zaken Nathalie Loiseau",
    "Zijn advocaat Rudy Giuliani"), or an earlier speaker named by surname ("Buitenweg ziet het ...")."""
    found: list[Speaker] = []
    skip_to = s.start
    openers = (doc.lex.clause_openers | doc.lex.subordinators) - doc.lex.prepositions - doc.lex.non_fronting_openers
    if s.tokens and s.tokens[0].text.lower() in openers:
        comma = next((t for t in s.tokens if t.text == ","), None)
        skip_to = comma.end if comma else s.end  # "Dat Ciran failliet ging, had ...": not the subject
    # "In haar boek probeert ze aan te geven hoe Erdogan de macht greep": after a pronoun or a clause word
    # the sentence is about someone else already, or the person is in an embedded clause
    stops = doc.lex.pronouns | doc.lex.embedding_words
    until = next((t.start for t in s.tokens if t.i > 0 and t.start >= skip_to and t.text.lower() in stops
                  and not doc.in_quote(t.start, t.end)), s.end)
    for m in doc.a.mentions:
        if m.sentence == s.index and m.person and skip_to <= m.span.start < until \
                and not doc.in_quote(m.span.start, m.span.end) \
                and (m.kind == "name" or m.kind == "pronoun" and m.span.start == s.tokens[0].start) \
                and not _after_preposition(doc, m.span.start):
            found.append(Speaker(doc.resolver.person_text(m.person), m.actor, m.span.start, m.span.end,
                                 m.span.text, "name", True))
            break
    for t in s.tokens:
        if t.start >= until:
            break
        if t.start < skip_to or doc.in_quote(t.start, t.end) or _after_preposition(doc, t.start):
            continue
        if is_role(t.text, doc.lex):
            sp = doc.resolver.resolve(np_after(s.tokens, t.i, doc.lex))
            if sp is not None and sp.kind == "name" and sp.name and len(sp.name.split()) >= 2:
                found.append(sp)
                break
        elif is_cap(t.text) and any(h.person and last_word(h.name) == t.text.lower() for _, h in doc.history):
            h = next(h for _, h in reversed(doc.history) if h.person and last_word(h.name) == t.text.lower())
            found.append(Speaker(h.name, h.actor, t.start, t.end, t.text, "name", True))
            break
        elif t.i == 0 and doc.resolver.name_like(t) and not _sentence_word(doc, t) \
                and len(doc.resolver.fullest(t.text).split()) >= 2 and not doc.resolver._overlapping(t.start, t.end):
            # "Buitenweg ziet het met lede ogen aan" after "Kathalijne Buitenweg" earlier on
            found.append(Speaker(doc.resolver.fullest(t.text), None, t.start, t.end, t.text, "name", True))
            break
    return min(found, key=lambda sp: sp.start) if found else None


def _first_person(doc: _Doc, s: Sentence, before: int, actor: str | None, depth: int = 0,
                  nation: bool = False, roles: bool = False) -> Speaker | None:
    """The first person named in sentence ``s`` (before offset ``before``, outside quotations); a
    sentence that opens with "Hij" is about that pronoun's antecedent.  With ``roles`` (for a pronoun),
    a person the sentence introduces by role alone ("de Amerikaanse ambassadeur bij de EU") counts too."""
    if s.tokens and s.tokens[0].text.lower() in doc.lex.pronouns and s.tokens[0].start < before and depth < 2:
        ms = doc.resolver._overlapping(s.tokens[0].start, s.tokens[0].end)
        if not any(m.person for m in ms):
            return _antecedent(doc, s.index, s.tokens[0].start, actor, depth=depth + 1, nation=nation)
    skip_to = s.start
    if s.tokens and s.tokens[0].text.lower() in doc.lex.clause_openers | doc.lex.subordinators:
        comma = next((t for t in s.tokens if t.text == ","), None)
        skip_to = comma.end if comma else s.start  # "Terwijl de bommen van Poetin ..., schetst Zelenski"
    for m in doc.a.mentions:
        if m.sentence == s.index and m.person and m.kind in ("name", "role", "pronoun", "coref") \
                and skip_to <= m.span.start < before and not doc.in_quote(m.span.start, m.span.end) \
                and not _after_preposition(doc, m.span.start):
            if _fits(doc, m.actor, actor, nation, person=m.person):
                return Speaker(doc.resolver.person_text(m.person), m.actor, m.span.start, m.span.end,
                               m.span.text, "name", True)
    for t in s.tokens:  # a name the actor layer does not know, after a role: "PvdA-Kamerlid Henk Nijboer"
        if t.start >= before:
            break
        if is_role(t.text, doc.lex) and not doc.in_quote(t.start, t.end) and t.start >= skip_to \
                and not _after_preposition(doc, t.start):
            sp = doc.resolver.resolve(np_after(s.tokens, t.i, doc.lex))
            if sp is not None and sp.kind == "name" and sp.name and len(sp.name.split()) >= 2 \
                    and (actor is None or sp.actor in (None, actor)):
                return sp
    if roles:
        sp = _unnamed_role(doc, s, skip_to, before, actor)
        if sp is not None:
            return sp
    first = next((t for t in s.tokens if not doc.in_quote(t.start, t.end) and not _is_quote_mark(t.text)), None)
    if first is None or first.i != 0:
        return None
    toks = np_after(s.tokens, 0, doc.lex)
    if toks and toks[-1].pos.upper().startswith(("N(SOORT", "NOUN")):
        return None  # a common noun by the tagger, not a name
    if toks and toks[0].start < before and not _sentence_word(doc, toks[0]) and doc.resolver.name_like(toks[-1]):
        sp = doc.resolver.resolve(toks)
        if sp and sp.name and sp.person:
            return sp
    return None


def _unnamed_role(doc: _Doc, s: Sentence, start: int, before: int, actor: str | None) -> Speaker | None:
    """A single person introduced by role without a name, outside a prepositional phrase: "Gisteren
    verspreidde de Amerikaanse ambassadeur bij de EU een verklaring" (the speaker is "ambassadeur")."""
    for m in doc.a.mentions:
        if m.sentence != s.index or m.kind != "role" or m.person or not m.actor \
                or not start <= m.span.start < before or doc.in_quote(m.span.start, m.span.end) \
                or _after_preposition(doc, m.span.start) or actor not in (None, m.actor):
            continue
        word = m.span.text.split()[-1]
        low = word.lower()
        sfx = doc.lex.plural_suffix
        if low in doc.lex.institutions or low.endswith(doc.lex.plural_endings) or (
                low.endswith(sfx) and low[:-len(sfx)] in doc.lex.roles):
            continue  # a body or several people ("diplomaten", "ministers") is not "hij"
        toks = [t for t in s.tokens if t.start >= m.span.start]
        if doc.resolver._name_tokens(np_after(toks, 0, doc.lex)) or any(
                is_cap(a.text) and is_cap(b.text) and not doc.resolver._overlapping(a.start, b.end)
                for a, b in zip(toks[1:8], toks[2:9], strict=False)):
            continue  # "minister Nathalie Loiseau", "EU-commissaris voor uitbreiding Johannes Hahn": a name follows
        return Speaker(word, m.actor, m.span.start, m.span.end, m.span.text, "role", True)
    return None


def _after_preposition(doc: _Doc, offset: int) -> bool:
    """"de bommen van Vladimir Poetin", "met Xi": a person in a prepositional phrase is not the subject."""
    before = doc.text[max(0, offset - 30):offset].split()
    k = len(before) - 1
    while k >= 0 and (is_role(before[k], doc.lex) or is_adjective(before[k], doc.lex)
                      or before[k].lower() in doc.lex.definite_articles):
        k -= 1
    return k >= 0 and before[k].lower() in doc.lex.prepositions


def _sentence_word(doc: _Doc, tok: Token) -> bool:
    """A capitalised sentence-initial word that is an ordinary word ("Volgens", "Zonder", "We")."""
    low = tok.text.lower()
    if low in doc.lex.np_stop or low in doc.lex.fillers or low in doc.lex.according_to or low in doc.lex.pronouns:
        return True
    return re.search(rf"(?<![\w.!?]\s)(?<!^)\b{re.escape(low)}\b", doc.text) is not None


def _span(doc: _Doc, start: int, end: int) -> Span:
    return Span(start, end, doc.text[start:end])


def _clean(text: str) -> str:
    """Reported words without quotation marks (apostrophes inside words stay)."""
    text = re.sub(r"(?<!\w)[’']|[’'](?!\w)|[\"“”„‘«»]|(?<!\w),,", "", text)
    text = re.sub(r"\s+", " ", text)
    return text.strip(_TRAIL)


def _add(doc: _Doc, text: str, start: int, end: int, sent: int, direct: bool, sp: Speaker | None,
         cue: Cue | None, dedupe: bool = True) -> None:
    q = Quote(
        text=text,
        content=_span(doc, start, end),
        sentence=sent,
        direct=direct,
        speaker=sp.name if sp else None,
        speaker_span=_span(doc, sp.start, sp.end) if sp else None,
        actor=sp.actor if sp else None,
        cue=_span(doc, cue.start, cue.end) if cue else None,
        extractor=f"quotes@{VERSION}",
    )
    for other in doc.out:
        if other.direct == direct and other.text == text and (dedupe or other.speaker == q.speaker):
            return
    doc.out.append(q)
    if sp and sp.name:
        doc.history.append((sent, sp))


# ---------------------------------------------------------------- direct quotations


def _context_cues(doc: _Doc, q: Quoted) -> list[Cue]:
    """Cues in the sentences the quotation opens and closes in, outside the quotation."""
    s1, s2 = doc.sentence_of(q.open), doc.sentence_of(max(q.close - 1, q.open))
    if s1 is None or s2 is None:
        return []
    cues: list[Cue] = []
    last = s2.index
    nxt = doc.a.sentences[last + 1] if last + 1 < len(doc.a.sentences) else None
    if nxt is not None and nxt.tokens and nxt.tokens[0].text[:1].islower() \
            and not doc.text[q.close:nxt.start].strip():
        last += 1  # '"... ons vrije internet!" twitterde X.': the split after "!" cut off the attribution
    for idx in range(s1.index, last + 1):
        toks = doc.a.sentences[idx].tokens
        for c in doc.cues.get(idx, []):
            if q.open <= c.start < q.close:
                continue
            lo, hi = (q.close, c.start) if c.start >= q.close else (c.end, q.open)
            if any(_starts_sentence(doc, toks, k) for k, t in enumerate(toks) if lo <= t.start < hi):
                continue  # "... een 'marionet' van de VS. Maduro gaat er prat op": another sentence's cue
            cues.append(c)
    return cues


def _is_scare(doc: _Doc, q: Quoted, cues: list[Cue]) -> bool:
    """A term, not a quotation: "de zogenoemde 'demilitarisering'", "de 'speciale militaire operatie',
    zoals Moskou de oorlog noemt"."""
    before = [w.lower() for w in re.findall(r"[\w.-]+", doc.text[max(0, q.open - 40):q.open])]
    if before and before[-1] in doc.lex.scare_markers:
        return True
    if len(before) > 1 and before[-1] in doc.lex.of_words and before[-2] in doc.lex.scare_markers:
        return True  # "de status van 'major non-NATO ally'"
    if re.fullmatch(r"[A-ZÀ-Ý][\w-]*", q.text.strip()):
        return True  # one capitalised word is a name given to something: "haar kat 'Brexit' heeft genoemd"
    if re.match(r"\s*\([A-Z][A-Z0-9-]+\)", doc.text[q.close:q.close + 20]):
        return True  # a term given with its abbreviation: "'major non-NATO ally' (MNNA)"
    for cue in cues:
        if cue.verb is not None and not cue.verb.reported and cue.start > q.close:
            between = re.findall(r"\w+", doc.text[q.close:cue.start].lower())
            if set(between) & doc.lex.naming_words:
                return True
    return False


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _pick_cue(q: Quoted, cues: list[Cue]) -> Cue | None:
    """The cue that attributes a quotation: the nearest one, preferring ones that follow it closely."""
    best, best_d = None, 10**9
    for c in cues:
        d = c.start - q.close if c.start >= q.close else (q.open - c.end) + 5
        if not c.speaker:
            d += 1000  # a cue that names its speaker wins over one that does not ("klinkt het")
        if c.kind == "anaphoric" and c.start < q.open:
            continue
        if d < best_d:
            best, best_d = c, d
    return best


def _headline_speaker(doc: _Doc, q: Quoted) -> list[Token]:
    """"Zelensky over telefoon met Xi: 'We blijven praten'": the phrase before the colon."""
    s = doc.sentence_of(q.open)
    if s is None:
        return []
    pre = doc.text[s.start:q.open].rstrip()
    if not pre.endswith(":") or "\n" in pre:
        return []
    toks = [t for t in s.tokens if t.end <= q.open]
    k = 0
    while k < len(toks) and toks[k].text.isupper() and len(toks[k].text) > 1 or (
            k < len(toks) and toks[k].text in {".", ":"} and k > 0):
        k += 1
    np = np_after(toks, k, doc.lex)
    nxt = toks[np[-1].i - toks[0].i + 1].text.lower() if np and np[-1].i - toks[0].i + 1 < len(toks) else ""
    return np if nxt == ":" or nxt in doc.lex.headline_links else []


def _colon_speaker(doc: _Doc, s: Sentence, q: Quoted) -> Speaker | None:
    """"De Amerikaanse president Trump liet er via Twitter geen twijfel over bestaan: '...'": a quotation
    after a colon that ends the clause of a person, who is its subject (the first person named, not in a
    prepositional phrase nor after a clause word)."""
    if not doc.text[s.start:q.open].rstrip().endswith(":") or doc.in_quote(q.open - 2, q.open - 1):
        return None
    for t in s.tokens:
        if t.start >= q.open:
            return None
        if t.text.lower() in doc.lex.clause_openers or t.text.lower() in doc.lex.subordinators:
            return None  # "Hij zei dat ...:", "Toen Trump ...:": the person belongs to another clause
        ms = [m for m in doc.a.mentions if m.sentence == s.index and m.person and m.span.start == t.start
              and m.kind in ("name", "role", "coref")]
        if ms and not doc.in_quote(t.start, t.end) and not _after_preposition(doc, t.start):
            m = ms[0]
            return Speaker(doc.resolver.person_text(m.person or ""), m.actor, m.span.start, m.span.end,
                           m.span.text, "name", True)
    return None


def _direct(doc: _Doc, q: Quoted) -> None:
    s = doc.sentence_of(q.open)
    if s is None:
        return
    cues = _context_cues(doc, q)
    if _is_scare(doc, q, cues):
        return
    cue = _pick_cue(q, cues)
    if cue is not None and cue.start > q.close and doc.lex.reciprocals & set(
            re.findall(r"\w+", doc.text[max(s.start, q.open - 60):q.open].lower())):
        return  # "de mannen die elkaar 'kleine raketman' en '...' noemden": each said one of them
    long = _words(q.text) > doc.lex.short_quote_words or (q.text[:1].isupper() and q.text.rstrip()[-1:] in ".!?")
    sp: Speaker | None = None
    if cue is not None and cue.speaker:
        sp = _resolve(doc, cue.speaker, cue.sent.index, media=cue.kind == "verb")
        if sp is None and cue.kind in ("according", "for"):
            cue = None
    if sp is None and cue is None:
        head = _headline_speaker(doc, q)
        if head:
            sp = _resolve(doc, head, s.index)
            if sp is not None and sp.kind not in ("name", "institution"):
                sp = None
    if sp is None and cue is None:
        sp = _colon_speaker(doc, s, q)
    if sp is None and (long or cue is not None):
        sp = _running_speaker(doc, s, q)
    if sp is None:
        doc.pending.append(q)  # perhaps attributed by the next sentence ("Dat zei X.")
        return
    _add(doc, q.text, q.start, q.end, s.index, True, sp, cue)


# ---------------------------------------------------------------- reported speech


def _tokens_text(doc: _Doc, toks: list[Token]) -> tuple[int, int] | None:
    """The span of reported words in ``toks``: edge punctuation trimmed, cut before ': "..."'."""
    toks = [t for t in toks if t.text.strip()]
    for k, t in enumerate(toks[:-1]):
        if k and t.text == ":" and any(_is_quote_mark(x.text) or doc.in_quote(x.start, x.end) for x in toks[k + 1:]):
            toks = toks[:k]  # "X zei: '...'", "zijn deze bezwaren onzin: de export is '...'"
            break
    while toks and (toks[0].text in {",", ":", ";", "-", "—", "–"} or _is_quote_mark(toks[0].text)):
        toks = toks[1:]
    while toks and toks[-1].text in {",", ".", ":", ";", "!", "?", "-", "—", "–"}:
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].start, toks[-1].end


_SENT_END = {".", "!", "?"}


def _starts_sentence(doc: _Doc, toks: list[Token], k: int) -> bool:
    """Token ``k`` starts a new sentence inside a tokenised 'sentence': after a full stop (or a quotation
    closed by one) before a capital or an opening mark ("... dan u." De erkenning ..."), or a capitalised
    article or clause word right after a lower-case word (a run-in subheading: "China waarschuwt Terwijl ...")."""
    if k <= 0 or k >= len(toks):
        return False
    t, prev = toks[k], toks[k - 1]
    if doc.in_quote(t.start, t.end) and doc.in_quote(prev.start, prev.end):
        return False
    if not (is_cap(t.text) or _is_quote_mark(t.text)):
        return False
    p = k - 1
    while p > 0 and _is_quote_mark(toks[p].text):
        p -= 1
    if toks[p].text in _SENT_END:
        before = toks[p - 1].text if p > 0 else ""
        return not (len(before) == 1 and before.isupper())  # an initial ("J. Smit"); "mr." is one token
    base = toks[p].text[:-1]
    if toks[p].text.endswith(".") and len(base) >= 2 and base.isalpha() and base.isupper():
        return True  # "... van de VS. Maduro gaat": an acronym ends the sentence
    low = t.text.lower()
    # "China waarschuwt Terwijl ...", "Samenhang Waar deze samenwerking toe leidt": after a subheading
    return p == k - 1 and (low in doc.lex.subordinators or low in doc.lex.clause_openers
                           or low in doc.lex.sentence_openers) and after_heading(toks, k, doc.lex)


def _first_sentence(doc: _Doc, toks: list[Token]) -> list[Token]:
    """The tokens up to the first sentence start inside them."""
    for k in range(1, len(toks)):
        if _starts_sentence(doc, toks, k):
            return toks[:k]
    return toks


def _last_sentence(doc: _Doc, toks: list[Token]) -> list[Token]:
    """The tokens from the last sentence start inside them."""
    for k in range(len(toks) - 1, 0, -1):
        if _starts_sentence(doc, toks, k):
            return toks[k:]
    return toks


def _cut_coordination(doc: _Doc, toks: list[Token]) -> list[Token]:
    """A reported clause ends before "en" with a main-clause verb: "dat hij de enige rechtmatige president
    is en beschuldigt de Amerikanen ..." (the speaker's next act, not their words)."""
    for k in range(2, len(toks) - 1):
        low = toks[k + 1].text.lower()
        if toks[k].text.lower() in doc.lex.and_words and not doc.in_quote(toks[k].start, toks[k].end) and (
                low in doc.lex.by_form or low in doc.lex.call_verbs or low in doc.lex.clause_verbs):
            return toks[:k]
    return toks


def _mostly_quoted(doc: _Doc, s: Sentence, start: int, end: int, share: float = 0.6) -> bool:
    words = [t for t in s.tokens if start <= t.start and t.end <= end and t.text[0].isalnum()]
    if not words:
        return True
    inq = sum(1 for t in words if t.i in doc.masks[s.index])
    return inq / len(words) >= share


def _content_after(doc: _Doc, c: Cue) -> tuple[int, int] | None:
    """The reported clause after a cue: "zei dat ...", "zei: ...", "zei ... te <verb>"."""
    toks = c.sent.tokens
    mask = doc.masks[c.sent.index]
    sp_idx = {t.i for t in c.speaker or []}
    if c.verb is not None and c.verb.content == "after_particle":  # "sprak van een aanval, ...": up to a comma
        end = next((k for k in range(c.j + 1, len(toks)) if toks[k].text == "," and k not in mask), len(toks))
        return _tokens_text(doc, toks[c.j + 1:end])
    for k in range(c.j + 1, min(len(toks), c.j + 16)):
        if k in mask:
            break
        w = toks[k].text.lower()
        if w in doc.lex.complementizers and k not in sp_idx:
            rest = _first_sentence(doc, toks[k + 1:])
            words = [t for t in rest if t.text[0].isalnum()]
            if words and words[0].text.lower() in doc.lex.prepositions and is_cap(words[-1].text):
                return None  # "zei dat bij de ontvangst van Jair Bolsonaro": "dat" is the object
            return _tokens_text(doc, _cut_coordination(doc, rest))
        if w == ":":
            return _tokens_text(doc, _first_sentence(doc, toks[k + 1:]))
        if w in {".", ";", "?", "!"} or (w == "," and k > c.j + 1):
            break
    # "zei verheugd te zijn over ...": a te-infinitive complement
    if c.verb is not None and c.verb.lemma in doc.lex.te_complement:
        k = c.j + 1
        while k < len(toks) and (k in sp_idx or toks[k].text.lower() in doc.lex.fillers):
            k += 1
        rest = toks[k:]
        words = [t.text.lower() for t in rest]
        te = next((w for w in words if w in doc.lex.infinitive_markers), None)
        head = words[:words.index(te)] if te else []
        if sp_idx and min(sp_idx) > c.j and _verb_final(doc, toks, c.i):
            return None  # "toen het bekendmaakte het medicijn ... na te maken": the phrase after is the object
        if te and not doc.lex.te_blockers & set(head):  # "om ... te": a purpose, not the words
            return _tokens_text(doc, _cut_coordination(doc, _first_sentence(doc, rest)))
    return None


def _verb_final(doc: _Doc, toks: list[Token], i: int) -> bool:
    """The verb at ``i`` ends a subordinate clause ("toen het bekendmaakte"): a clause word stands
    before it in its clause."""
    for k in range(i - 1, -1, -1):
        w = toks[k].text.lower()
        if w in {",", ":", ";"}:
            return False
        if (w in doc.lex.clause_openers or w in doc.lex.subordinators) and w not in doc.lex.prepositions:
            return True  # "toen", "dat"; not "Tijdens haar campagne beloofde Lightfoot ..."
    return False


def _content_around(doc: _Doc, c: Cue) -> tuple[int, int] | None:
    """"..., zei X" / "..., aldus X": the sentence without the attribution."""
    toks = c.sent.tokens
    i = c.i
    if i > 0 and toks[i - 1].text.lower() in doc.lex.inversion_adverbs:
        i -= 1
    if i == 0 or toks[i - 1].text not in {",", "”", '"', "’", "'"}:
        return None
    end_attr = max([c.j] + [t.i for t in c.speaker or []]) + 1
    before = _last_sentence(doc, toks[:i])
    after = _first_sentence(doc, toks[end_attr:])
    # "..., zei Vance, maar dat heeft weinig zin": the sentence goes on after the attribution;
    # "..., zegt X, die sinds ...": a clause about the speaker does not
    if len(after) > 1 and after[0].text == "," and after[1].text.lower() in doc.lex.continuations:
        after = after[1:]
    else:
        after = []
    span = _tokens_text(doc, before)
    if span is None:
        return None
    tail = _tokens_text(doc, after)
    if not tail and before[0].text.lower() in doc.lex.subordinators - doc.lex.prepositions:
        return None  # "Terwijl de spanningen opliepen, waarschuwde China voor ...": a clause of time, not words
    if tail:
        doc.gaps[(span[0], tail[1])] = (span[1], tail[0])
        return span[0], tail[1]
    return span


def _content_according(doc: _Doc, c: Cue) -> tuple[int, int] | None:
    """"Volgens X ..." / "..., volgens X" / "Het is volgens X ...": the sentence without "volgens X"."""
    toks = c.sent.tokens
    if not c.speaker:
        return None
    end_attr = c.speaker[-1].i + 1
    for co in c.co_speakers or []:  # "volgens de NCTV en inlichtingendienst AIVD"
        end_attr = max(end_attr, co[-1].i + 1)
    if end_attr + 1 < len(toks) and toks[end_attr].text.lower() in doc.lex.and_words:
        k = end_attr + 1
        if k + 1 < len(toks) and toks[k].text.isalpha() and toks[k].text.islower() and is_cap(toks[k + 1].text):
            k += 1  # "en inlichtingendienst AIVD": a describing noun before the name
        co = np_after(toks, k, doc.lex)
        if co and co[0].i == k and any(is_cap(t.text) for t in co):
            end_attr = co[-1].i + 1
    opens = c.i == 0 or _starts_sentence(doc, toks, c.i)  # "Voor het eerst Volgens X, ...": after a subheading
    # apposition: "Volgens het Elysée, het kantoor van de Franse president, praatten ..."
    if end_attr < len(toks) and toks[end_attr].text == "," and opens:
        for k in range(end_attr + 1, min(len(toks), end_attr + 16)):
            if toks[k].text == ",":
                end_attr = k + 1
                break
    start = 0
    for k in range(c.i - 1, -1, -1):  # "..., dat volgens X een waarde heeft": the clause only
        if toks[k].text.lower() in doc.lex.clause_openers or toks[k].text in {":", ";"} or (
                toks[k].text == "," and k < c.i - 1):
            before_die = toks[k - 1].text.lower() if k > 0 else ","
            if toks[k].text.lower() in doc.lex.relative_pronouns and before_die.isalpha() and \
                    before_die not in doc.lex.continuations | doc.lex.clause_openers:
                return None  # "de heffingen die India volgens hem toepast": a relative clause, not a claim
            start = k + 1
            break
    if opens:
        start = c.i
    elif start > 0 and toks[start - 1].text == "," and _words(doc.text[toks[start].start:toks[c.i].start]) < 2:
        start = 0  # "Waar dit toe leidt, moet volgens X nog blijken": the comma closed a fronted clause
    before = _tokens_text(doc, _last_sentence(doc, toks[start:c.i]))
    after = _tokens_text(doc, _first_sentence(doc, toks[end_attr:]))
    if before and after:
        doc.gaps[(before[0], after[1])] = (before[1], after[0])  # the words without "volgens X"
        return before[0], after[1]
    return before or after


def _reported(doc: _Doc, c: Cue) -> None:
    if not c.speaker or not c.reported:
        return
    if c.kind in ("verb", "according") and any(a <= c.start < b for a, b in doc.reported_spans):
        return  # a cue inside reported words ("liet weten dat op basis van wat Poetin zei ...")
    if toks_lower(c.sent.tokens[c.i]) in doc.lex.call_verbs:
        return
    s = c.sent
    span: tuple[int, int] | None
    if c.kind == "anaphoric":
        prev = doc.a.sentences[s.index - 1] if s.index > 0 else None
        if prev is None:
            return
        span = _tokens_text(doc, _last_sentence(doc, prev.tokens))
        s_content = prev
    elif c.kind == "according":
        span = _content_according(doc, c)
        s_content = s
    elif c.kind == "postposed":
        span = _content_around(doc, c) or _tokens_text(doc, _last_sentence(doc, c.sent.tokens[:c.i]))
        s_content = s
    else:
        span = _content_after(doc, c) or _content_around(doc, c)
        s_content = s
    if span is None or _words(doc.text[span[0]:span[1]]) < 3:
        return
    if c.kind == "verb":
        doc.reported_spans.append(span)
    gap = doc.gaps.get(span)
    if _mostly_quoted(doc, s_content, span[0], gap[0] if gap else span[1]):
        if c.kind == "anaphoric":
            _attribute_pending(doc, c, s_content)
        return
    sp = _resolve(doc, c.speaker, s.index)
    if sp is None or not sp.name:
        return
    if c.kind == "anaphoric" and _acts_in(doc, s_content, span, sp):
        return  # "Trump ondertekende een verklaring ... Dat had Trump al aangekondigd": an act, not words
    gap = doc.gaps.get(span)
    if gap:  # the words around the attribution, without it
        words = _clean(doc.text[span[0]:gap[0]]) + " " + _clean(doc.text[gap[1]:span[1]])
    else:
        words = _clean(doc.text[span[0]:span[1]])
    _add(doc, words, span[0], span[1], s_content.index, False, sp, c)
    for co in c.co_speakers or []:  # "Biden en Macron verklaarden dat ...": each of them
        co_sp = _resolve(doc, co, s.index)
        if co_sp is not None and co_sp.name:
            _add(doc, words, span[0], span[1], s_content.index, False, co_sp, c, dedupe=False)


def _acts_in(doc: _Doc, s: Sentence, span: tuple[int, int], sp: Speaker) -> bool:
    """The speaker is named in the content sentence, outside quotations and prepositional phrases: the
    sentence tells what they did, and "Dat heeft X gezegd" does not make it their words."""
    if not sp.person:
        return False
    for m in doc.a.mentions:
        if m.sentence == s.index and m.person and span[0] <= m.span.start < span[1] \
                and last_word(doc.resolver.person_text(m.person)) == last_word(sp.name) \
                and not doc.in_quote(m.span.start, m.span.end) and not _after_preposition(doc, m.span.start):
            return True
    return False


def toks_lower(t: Token) -> str:
    return t.text.lower()


def _attribute_pending(doc: _Doc, c: Cue, s_content: Sentence) -> None:
    """'"...." Dat zei X.': a quotation attributed by the next sentence."""
    for q in list(doc.pending):
        if s_content.start <= q.open < s_content.end + 2:
            sp = _resolve(doc, c.speaker or [], c.sent.index)
            if sp and sp.name:
                doc.pending.remove(q)
                _add(doc, q.text, q.start, q.end, s_content.index, True, sp, c)


# ---------------------------------------------------------------- the stage


def extract_quotes(analysis: Analysis, lex: QuoteLexicon | None = None) -> list[Quote]:
    """All quotations of an analysed document, in text order."""
    if lex is None:
        lang = analysis.doc.lang or "nl"
        if not has_lexicon(lang):
            return []  # no quote knowledge for this language yet: find nothing rather than guess
        lex = load_lexicon(lang)
    doc = _Doc(analysis, lex)
    items: list[tuple[int, int, object]] = [(q.open, 0, q) for q in doc.quoted]
    for cues in doc.cues.values():
        items += [(c.start, 1, c) for c in cues]
    for _, _, item in sorted(items, key=lambda x: (x[0], x[1])):
        if isinstance(item, Quoted):
            _direct(doc, item)
        else:
            _reported(doc, item)  # type: ignore[arg-type]
    doc.out.sort(key=lambda q: q.content.start)
    return doc.out


@register("quotes")
class QuotesStage:
    """Adds direct and reported quotations to the analysis."""

    name = "quotes"
    version = VERSION

    def __init__(self, **_: object) -> None:
        pass

    def __call__(self, analysis: Analysis) -> None:
        analysis.quotes.extend(extract_quotes(analysis))
