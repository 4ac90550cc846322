"""The `events` stage: PLOVER events with actor, recipient, modality, condition and date.

For each sentence: find triggers in the language's lexicon (``lang/<lang>/events.yaml``), take the
actor and recipient from the actor mentions of the trigger's clause (:mod:`event_roles`), decide the
modality (:mod:`modality`) and date (:mod:`timex`), then apply PLOVER's coding rules (future
meetings are AGREE, announced withdrawals CONCEDE, a conflict party's call for peace AGREE, a
refused agreement REJECT).  One occurrence reported several times is kept once.
"""

from __future__ import annotations

import re

from diplograph.extract import plover
from diplograph.extract.event_roles import Group, actor_mentions, groups, subject_codes, trigger_tense
from diplograph.extract.event_triggers import Lexicon, TriggerMatch, any_match, lexicon
from diplograph.extract.modality import Modality, classify, cues, narrative_time, negated, own_words, past_tense
from diplograph.extract.pipeline import register
from diplograph.extract.timex import PubDate, Timex
from diplograph.model import Analysis, Event, Mention, Sentence

VERSION = "1"

# Types whose trigger states a stance on something; material or meeting triggers that follow them in
# the same sentence are what the stance is about, not events of their own.
_STANCE_TYPES = {"REQUEST", "REJECT", "AGREE", "THREATEN"}
_CONTENT_TYPES = {"CONSULT", "RETREAT", "CONCEDE", "AID", "COOPERATE", "SANCTION"}
# Types whose reciprocal form ("beschuldigen elkaar") is one event per participant.
_HOSTILE = {"ACCUSE", "THREATEN", "REJECT", "SANCTION", "ASSAULT", "COERCE", "REQUEST"}
# Types that a condition can qualify (an offer, concession or threat tied to a condition).
_CONDITIONABLE = {"AGREE", "CONCEDE", "THREATEN", "RETREAT", "SUPPORT", "AID", "COOPERATE", "CONSULT", "REQUEST"}


@register("events")
class EventsStage:
    name = "events"
    version = VERSION

    def __init__(self, **_: object) -> None:
        self.extractor = f"{self.name}@{self.version}"
        self.lang = "nl"

    def __call__(self, analysis: Analysis) -> None:
        lang = (analysis.doc.lang or "nl").split("-")[0]
        self.lang = lang
        lex = lexicon(lang)
        if lex is None or cues(lang) is None:
            return
        pub = PubDate.parse(analysis.doc.date)
        found: list[Event] = []
        prev_groups: list[Group] = []
        context: Timex | None = None  # the time the previous sentence speaks of
        for sent in analysis.sentences:
            if _furniture(sent, analysis.sentences):
                continue
            ments = actor_mentions(analysis.mentions, sent)
            grps = groups([m for m in ments if m.participant], analysis.doc.text, 0)
            places = groups(ments, analysis.doc.text, 0)
            found.extend(self._sentence(analysis, lex, lang, pub, sent, ments, grps, places, prev_groups, context))
            context = narrative_time(sent.text, pub, context, lang)
            if grps:
                prev_groups = grps
        analysis.events.extend(_dedup(found))

    # ------------------------------------------------------------------ per sentence
    def _sentence(self, analysis: Analysis, lex: Lexicon, lang: str, pub: PubDate | None, sent: Sentence,
                  ments: list[Mention], grps: list[Group], places: list[Group],
                  prev_groups: list[Group], context: Timex | None = None) -> list[Event]:
        text = sent.text
        triggers = lex.find(text)
        if not triggers:
            return []
        # Agreeing to withdrawals ("Afgesproken is dat de troepen vertrekken"): each withdrawal is a concession.
        consent_at = min((t.start for t in triggers if t.rule.consent), default=None)
        conceded = [t for t in triggers if t.rule.type == "RETREAT" and not t.rule.noun
                    and consent_at is not None and t.start > consent_at]
        if conceded:
            triggers = [t for t in triggers if not t.rule.consent]
        # A meeting or measure in a sentence with a stance word is what the stance is about ("roept op tot
        # gesprekken"), or a time or place ("Kort voor de NAVO-top riep Stoltenberg op"); a meeting verb marked
        # own_event before it is an event of its own ("komen bijeen om te praten over het verzoek van May").
        stance_at = min((t.start for t in triggers if t.rule.type in _STANCE_TYPES), default=None)

        def sanction_after(trig: TriggerMatch, clause: tuple[int, int]) -> bool:
            """A sanctions word after the trigger's first word in its clause (also inside a separable match)."""
            return any(rx.search(text, trig.head_end, clause[1]) for r in lex.rules if r.type == "SANCTION"
                       for rx in r.regexes)

        # Readiness to a hostile act ("bereid te zijn om zijn veto uit te spreken"): a threat, and the act
        # (the veto) is what is threatened, not an event of its own.
        threats: list[TriggerMatch] = []
        threatened: list[tuple[int, int]] = []
        for t in triggers:
            if t.rule.type == "AGREE" and not t.rule.consent:
                end = _clause(lex, text, t.start)[1]
                obj = any_match(lex.threat_objects, text[t.head_end:end])
                if obj:
                    threats.append(t)
                    threatened.append((t.head_end + obj.start(), t.head_end + obj.end()))
        if threatened:
            triggers = [t for t in triggers if not any(t.start < e and s < t.end for s, e in threatened)]

        out: list[Event] = []
        for trig in triggers:
            rule = trig.rule
            if stance_at is not None and (trig.start > stance_at or not rule.own_event) \
                    and rule.type in _CONTENT_TYPES and rule.mode not in ("phone", "visit"):
                continue
            clause = _clause(lex, text, trig.start)
            if rule.requires and not any_match(rule.requires, text[clause[0]:clause[1]]):
                continue
            if any_match(lex.generic, text[clause[0]:clause[1]]):
                continue  # a habit or rule, not an occurrence
            if rule.destination and not any(
                    sent.start + trig.end <= g.start and not analysis.doc.text[sent.start + trig.end:g.start].strip()
                    for g in places):
                continue  # "gaat naar Berlijn" is a trip, "het geld gaat naar de bouw" is not
            actor, recipient = self._roles(analysis, lex, sent, ments, grps, places, prev_groups, trig, clause)
            if not actor:
                continue
            frame_start = _frame_start(text, clause[0])
            mod = classify(text, clause, (trig.start, trig.end), pub, lang, rule.negation_ok, frame_start,
                           noun=rule.noun, conditionable=rule.type in _CONDITIONABLE,
                           tense=self._tense(sent, text, trig, clause) if rule.type == "CONSULT" else None,
                           context=context)
            ev = self._code(lex, text, trig, clause, actor, recipient, mod)
            if ev is None:
                continue
            type_, mode, modality, condition = ev
            if trig in conceded:
                type_, mode = "CONCEDE", None
            if modality == "negated" and not _negation_adjacent(lang, text, trig):
                continue  # a negation elsewhere in the clause is not clearly about this event
            if rule.destination and mod.modality == "negated":
                continue  # "Ik ging echt niet naar Vietnam": a trip not made is no refusal
            if type_ == "AGREE" and sanction_after(trig, clause):
                type_, mode = "SANCTION", "discontinue"  # proposing or promising sanctions
            elif type_ == "AGREE" and trig in threats:
                type_, mode = "THREATEN", None
            pairs = [(actor, recipient)]
            if len(actor) > 1 and type_ in _HOSTILE and any_match(lex.reciprocal, text[clause[0]:clause[1]]):
                # "Kiev en Moskou beschuldigen elkaar": each accuses the other.
                pairs = [([a], [b for b in actor if b != a] + [r for r in recipient if r not in actor]) for a in actor]
            date, precision = _date(mod, pub)
            for act, rec in pairs:
                out.append(Event(
                    type=type_, mode=mode, actor=act, recipient=[r for r in rec if r not in act],
                    evidence=analysis.span(sent.start, sent.end), sentence=sent.index, modality=modality,
                    condition=condition, date=date, date_precision=precision,
                    trigger=analysis.span(sent.start + trig.start, sent.start + trig.end),
                    quote=_quote_index(analysis, sent.start + trig.start), extractor=self.extractor,
                ))
        return out

    def _roles(self, analysis: Analysis, lex: Lexicon, sent: Sentence, ments: list[Mention], grps: list[Group],
               places: list[Group], prev_groups: list[Group], trig: TriggerMatch,
               clause: tuple[int, int]) -> tuple[list[str], list[str]]:
        base = sent.start
        ts, te = base + trig.start, base + trig.end
        cs, ce = base + clause[0], base + clause[1]
        rule = trig.rule
        actor: list[str] = []
        if rule.type == "CONSULT":  # "contacten met de VN": the partners met are not who meets
            grps = [g for g in grps if not _preceded_by(analysis.doc.text, g.start, lex.partner_words)]
        in_clause = [g for g in grps if cs <= g.start < ce]
        # Passive agent: "gesteund door Egypte en Qatar".
        agent = _after_word(grps, analysis.doc.text, te, ce, lex.agent_words)
        if rule.evaluative:
            actor = self._speaker(analysis, sent, grps, ts)
        elif rule.noun:
            adj = [g for g in grps if g.end <= ts and not analysis.doc.text[g.end:ts].strip(" -")
                   or (ts <= g.start and g.end <= te)]
            adj = adj or [g for g in grps if g.end <= ts and len(analysis.doc.text[g.end:ts].split()) <= 1
                          and g.mentions[-1].kind == "adjective"]
            if adj:
                actor = adj[-1].codes
            else:
                van = agent or _after_word(grps, analysis.doc.text, te, ce, lex.of_words)
                if van is None and analysis.doc.text[ts:te].split()[-1].lower() in lex.of_words:
                    # the trigger ends in "van" ("de steun van Cuba"): the group right after it
                    van = _after_word(grps, analysis.doc.text, base + trig.head_end, ce, lex.of_words)
                if van and any(m.kind != "adjective" for m in van.mentions):
                    # a group of adjectives alone is still not taken; one with a name is ("het verzoek van de
                    # Britse premier May")
                    actor = van.codes
            if not actor:
                # "het telefoongesprek dat Xi en Zelensky hielden": the relative clause names the actors.
                rel_clause = _clause(lex, analysis.doc.text[base:sent.end], te - base)
                rel = [g for g in grps if base + rel_clause[0] <= g.start < base + rel_clause[1] and g.start >= te]
                if rel and rel_clause[0] >= te - base and lex.relative and lex.relative.match(
                        analysis.doc.text[base + rel_clause[0]:base + rel_clause[1]]):
                    actor = rel[0].codes
            if not actor and not rule.fallback:
                return [], []
        among = _after_word(grps, analysis.doc.text, te, ce, lex.between)
        if among is not None and len(among.codes) > 1 and (rule.noun or rule.type in ("CONSULT", "RETREAT")):
            actor = among.codes
        if not actor and agent and not rule.reverse:
            actor = agent.codes
        passive = not rule.noun and any_match(lex.passive_aux, analysis.doc.text[cs:ts]) is not None
        if not actor and passive:
            # "Ook worden drie Russische zenders geweerd in de EU": the subject undergoes it.
            others = [g for g in grps if cs <= g.start < ce and g.start >= te]
            if others:
                actor = others[0].codes
        q = _quote_index(analysis, ts)
        if not actor and q is not None and analysis.quotes[q].actor and any_match(
                lex.first_person, analysis.doc.text[max(cs, analysis.quotes[q].content.start):ts]):
            actor = [analysis.quotes[q].actor]  # "We steunen ..." in a quote: the speaker's actor
        if not actor:
            head = base + trig.head_end
            before = [g for g in in_clause if g.start < ts]
            # After the trigger's first word: the subject of an inverted clause ("Daarom roept de NAVO ... op")
            # stands within a few words of it.
            after = [g for g in in_clause if g.start >= head
                     and len(analysis.doc.text[head:g.start].split()) <= 3]
            gap = analysis.doc.text[head:after[0].start].lower().split() if after else []
            if gap and gap[0] in lex.subject_pronouns and not rule.reverse:
                # "roept hij Europa op": the pronoun is the subject, the name its addressee
                after = []
                if prev_groups and not before:
                    actor = prev_groups[0].codes
            if before and lex.adjunct_openers and not rule.reverse:
                before = self._after_adjunct(lex, analysis.doc.text, cs, ts, before, after)
            earlier = [g for g in grps if g.end <= cs]
            if rule.reverse:
                if not after:
                    return [], []  # "ontvangen" without a guest named: not a visit
                actor = after[0].codes
            elif before and earlier and any_match(lex.possessives, analysis.doc.text[cs:before[0].start]):
                actor = earlier[0].codes  # "Poetin bezocht China vlak voordat zijn leger Oekraïne binnenviel"
            elif before:
                actor = before[0].codes
            elif earlier and lex.relative and lex.relative.match(analysis.doc.text[cs:ts]):
                actor = earlier[-1].codes  # "een NAVO-lid dat geen sancties heeft afgekondigd": the antecedent
            elif prev_groups and not earlier and any_match(lex.anaphora, analysis.doc.text[cs:ts]):
                actor = prev_groups[0].codes  # "De regering is bereid ...": the actor of the previous sentence
            if not actor and not rule.reverse and not passive:
                # No actor named before the trigger: the parsed subject, when the sentence was parsed.
                actor = subject_codes(sent, [m for m in ments if m.participant], ts, (cs, ce))
            if not actor and after and not rule.noun:
                actor = after[0].codes
        if not actor:
            if q is not None and analysis.quotes[q].actor:
                actor = [analysis.quotes[q].actor]
        if not actor:
            earlier = [g for g in grps if g.start < cs]
            later = [g for g in grps if g.start >= te]
            lead = analysis.doc.text[cs:ts]
            opening = " ".join(analysis.doc.text[base:earlier[0].start if earlier else ts].split()[:3])
            if earlier and prev_groups and any(rx.match(opening) for rx in lex.anaphora):
                # "Het land onderhoudt banden met Rusland, maar levert wapens aan Oekraïne": the sentence's
                # subject (an anaphor) carries over into the coordinated clause.
                actor = prev_groups[0].codes
            elif earlier:
                actor = earlier[0].codes
            elif prev_groups and any_match(lex.anaphora_plural, analysis.doc.text[cs:te]):
                # also inverted, inside a separable trigger: "Morgen praten de delegaties verder"
                actor = list(dict.fromkeys(c for g in prev_groups[:2] for c in g.codes))
            elif prev_groups and any_match(lex.anaphora, lead):
                actor = prev_groups[0].codes
            elif later and not rule.noun and len(analysis.doc.text[te:later[0].start].split()) <= 6:
                actor = later[0].codes
            elif rule.type == "CONSULT" and not rule.noun and (
                    inside := [g for g in grps if base + trig.head_end <= g.start and g.end <= te]):
                # the subject inside a separable meeting verb: "komen de leiders van de EU-lidstaten bij elkaar"
                # (other verbs have their object there: "keurt u de activiteiten van Poetin goed")
                actor = inside[0].codes
        recipient: list[str] = []
        for g in places:
            if g.start >= cs or g.start >= te:
                for c in g.codes:
                    if c not in actor and c not in recipient:
                        recipient.append(c)
        if not recipient and actor:
            # Nobody else named here: the counterpart is whoever the previous sentence named.
            for c in (c for g in prev_groups for c in g.codes):
                if c not in actor and c not in recipient and len(recipient) < 2:
                    recipient.append(c)
        return actor, recipient

    @staticmethod
    def _after_adjunct(lex: Lexicon, text: str, cs: int, ts: int, before: list[Group], after: list[Group]
                       ) -> list[Group]:
        """Candidates for the subject when the clause opens with an adverbial phrase ("Na de Russische invasie
        van Oekraïne hadden Finland en Zweden gevraagd"): in Dutch the finite verb follows that phrase and the
        subject follows the verb, so names inside the phrase are not the subject."""
        words = text[cs:ts].split()
        if not words or words[0].lower().strip("\"'“„‘") not in lex.adjunct_openers:
            return before
        pos = cs
        for w in text[cs:ts].split():
            pos = text.index(w, pos)
            if w.lower().strip(",") in lex.finite_verbs:
                rest = [g for g in before if g.start > pos]
                return rest or before
            pos += len(w)
        # no finite verb before the trigger: the trigger is the verb, its subject follows it
        return after or before

    def _tense(self, sent: Sentence, text: str, trig: TriggerMatch, clause: tuple[int, int]) -> str | None:
        """The trigger verb's tense: from the tagger, else 'present' for a listed present form; a meeting noun
        takes the tense of a present copula in its clause ("Woensdag is de speciaal ingelaste top")."""
        c = cues(self.lang)
        if c is None:
            return None
        tense = trigger_tense(sent, sent.start + trig.start, c.tense_tags)
        if tense is None and not sent.parsed and text[trig.start:trig.head_end].lower() in c.present_forms:
            return "present"
        if tense is None and not sent.parsed and trig.rule.noun:
            words = {w.lower() for w in re.findall(r"\w+", text[clause[0]:clause[1]])}
            if words & c.present_copulas and not past_tense(c, text[clause[0]:clause[1]], ""):
                return "present"
        return tense

    def _speaker(self, analysis: Analysis, sent: Sentence, grps: list[Group], ts: int) -> list[str]:
        q = _quote_index(analysis, ts)
        if q is not None and analysis.quotes[q].actor:
            return [analysis.quotes[q].actor]
        for qu in analysis.quotes:
            if qu.sentence == sent.index and qu.actor:
                return [qu.actor]
        return grps[0].codes if grps else []

    # ------------------------------------------------------------------ coding rules
    def _code(self, lex: Lexicon, text: str, trig: TriggerMatch, clause: tuple[int, int], actor: list[str],
              recipient: list[str], mod: Modality) -> tuple[str, str | None, str, str | None] | None:
        rule = trig.rule
        type_, mode, modality = rule.type, rule.mode, mod.modality
        after = text[trig.start:]
        if rule.consent and any_match(lex.yield_terms, after):
            type_ = "CONCEDE"
        if modality == "negated" and type_ in ("AGREE", "SUPPORT", "CONCEDE", "CONSULT"):
            type_, modality = "REJECT", "asserted"
        if type_ == "RETREAT":
            c = cues(self.lang)
            obliged = c is not None and any_match(c.obligation, text[clause[0]:trig.end])
            if modality in ("future", "conditional") or obliged:
                type_ = "CONCEDE"
                mode = None
        if type_ == "SANCTION" and rule.intent_threat and any_match(lex.sanction_intent, text[clause[0]:clause[1]]):
            type_, mode = "THREATEN", "restrict"  # "willen de VS heffingen gaan invoeren": a threat
        if type_ == "THREATEN" and modality == "future":
            modality = "asserted"  # a threat is about the future by nature: "dat zijn land hard zal terugslaan"
        if type_ in ("CONSULT", "SUPPORT", "COOPERATE", "AID") and modality in ("future", "conditional"):
            type_, mode = "AGREE", None
        if type_ in ("REQUEST", "REJECT") and mode is None:
            mode = _first_mode(lex, after)
            if type_ == "REQUEST" and mode is None:
                mode = "change"
        if type_ == "REQUEST" and rule.peace_call and mode in ("meet", "yield") and any_match(lex.peace_terms, after):
            if any(plover.conflict_party(a) for a in actor) and (
                    not recipient or any(plover.opponents(a, r) for a in actor for r in recipient)):
                type_, mode = "AGREE", None
                if not recipient:  # a party's call to end its war is addressed to its opponent
                    recipient.extend(o for a in actor for o in plover.opponents_of(a) if o not in recipient)
        if type_ in ("AGREE", "SUPPORT", "CONCEDE", "COOPERATE"):
            mode = None
        condition = mod.condition if modality == "conditional" else None
        return type_, mode, modality, condition


def _first_mode(lex: Lexicon, text: str) -> str | None:
    """The mode whose cue comes first in ``text`` ("aan op vredesonderhandelingen en een wapenstilstand": meet)."""
    best: tuple[int, str] | None = None
    for mode, pats in lex.mode_cues.items():
        m = any_match(pats, text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), mode)
    return best[1] if best else None


def _negation_adjacent(lang: str, text: str, trig: TriggerMatch) -> bool:
    """True when a negation stands right before the trigger (two words) or inside it."""
    c = cues(lang)
    if c is None:
        return False
    lead = " ".join(text[:trig.start].split()[-2:])
    tail = " ".join(own_words(c, text[trig.end:].split()[:3]))
    return negated(c, lead + " " + text[trig.start:trig.end] + " " + tail)


def _furniture(sent: Sentence, sentences: list[Sentence]) -> bool:
    """Headlines and page furniture: a first line without closing punctuation, bullet-separated lines."""
    t = sent.text.strip()
    if "•" in t:
        return True
    return sent is sentences[0] and len(sentences) > 1 and not re.search(r"[.!?\"”’»)]$", t)


def _clause(lex: Lexicon, text: str, pos: int) -> tuple[int, int]:
    """Bounds of the clause around ``pos`` in a sentence."""
    start, end = 0, len(text)
    if lex.clause_split is None:
        return start, end
    for m in lex.clause_split.finditer(text):
        if m.end() <= pos:
            start = m.end()
        elif m.start() > pos:
            end = m.start()
            break
    return start, end


def _frame_start(text: str, clause_start: int) -> int:
    """Start of the reporting frame: the sentence start when the clause is a complement of speech."""
    return 0 if clause_start > 0 else clause_start


def _preceded_by(text: str, pos: int, words: set[str]) -> bool:
    """True when the word before ``pos`` is one of ``words``."""
    before = text[max(0, pos - 30):pos].split()
    return bool(before) and before[-1].lower().strip("\"“”„'") in words


def _after_word(grps: list[Group], text: str, start: int, end: int, words: set[str]) -> Group | None:
    """The group right after one of ``words`` (within two words) between ``start`` and ``end``."""
    for g in grps:
        if start <= g.start < end:
            gap = text[start:g.start].lower().split()
            return g if gap and len(gap) <= 3 and gap[0] in words else None
    return None


def _quote_index(analysis: Analysis, pos: int) -> int | None:
    for i, q in enumerate(analysis.quotes):
        if q.content.start <= pos < q.content.end:
            return i
    return None


def _date(mod: Modality, pub: PubDate | None) -> tuple[str | None, str | None]:
    if mod.timex is not None:
        return mod.timex.date, mod.timex.precision
    if pub is None:
        return None, None
    return pub.render(), pub.precision


def _dedup(events: list[Event]) -> list[Event]:
    """One event per type, actor and modality in a document (a planned meeting and one held, a threat and
    its background, are apart): the first report wins and takes the recipients of its retellings."""
    out: list[Event] = []
    for e in events:
        first = next((o for o in out if o.type == e.type and set(o.actor) == set(e.actor)
                      and o.modality == e.modality), None)
        if first is not None:
            first.recipient.extend(r for r in e.recipient if r not in first.recipient and r not in first.actor)
            continue
        out.append(e)
    return out
