"""The `positions` stage: what each actor wants on each issue (support, oppose, conditional).

For every sentence that names an issue of the codebook (data/issues.yaml, or the user's file
from the ``positions_codebook`` option / $DIPLOGRAPH_ISSUES), the stance comes from the stance
cues of the same clause (lang/<xx>/stance.yaml): the nearest cue decides, oppose cues reach a
little further, negations turn it around, a cue whose dat/om-clause holds the issue composes
with it ("eist dat Oekraïne afziet van ..."), and a condition clause ("als", "zolang",
"basisvoorwaarde ... dat") makes it conditional with the condition in the text's words. The
holder is the actor of a direct quote, the mediators named with a mediation noun, the parties of
an agreement, the subject before the cue or the attributed speaker ("volgens", "aldus"), or the
holder of an earlier sentence for a pronoun. Events of the `events` stage (REJECT, REQUEST,
AGREE, ... whose trigger governs an issue) add positions of their actors. One position per
(holder, issue, stance) and document, with the strongest evidence.
"""

from __future__ import annotations

import re

from diplograph.extract.events_map import positions_from_events
from diplograph.extract.holders import M, group_aliases, holders_in, parties, sentence_mentions
from diplograph.extract.issues import Codebook, IssueHit, load_codebook
from diplograph.extract.pipeline import register
from diplograph.extract.stance import Lexicon, Stance, load_lexicon
from diplograph.model import Analysis, Position, Sentence


@register("positions")
class PositionsStage:
    name = "positions"
    version = "1"

    def __init__(self, positions_codebook: str | None = None, **_: object) -> None:
        self.codebook: Codebook = load_codebook(positions_codebook)
        self._strength: dict[int, int] = {}  # id(Position) -> strength of its evidence, during one call
        self._group: tuple[list[str], int] = ([], -9)
        self._person: list[str] = []
        self._last: tuple[int, str] = (-9, "")  # the sentence and issue named last (for "noemt het absurd")
        self._named: dict[str, int] = {}  # issue -> last sentence naming it (for "de maatregelen")

    @property
    def extractor(self) -> str:
        return f"{self.name}@{self.version}"

    def __call__(self, analysis: Analysis) -> None:
        lang = analysis.doc.lang or "nl"
        lex = load_lexicon(lang)
        found: list[Position] = []
        prev: list[str] = []
        self._group = ([], -9)  # the last compound subject ("China en Frankrijk") and its sentence
        self._person = []  # the actor of the last person named as a subject or speaker ("hij")
        self._last = (-9, "")
        self._named = {}
        aliases: dict[str, list[str]] = {}  # groups the text defined by their members ("De ICG")
        for sent in analysis.sentences:
            mentions = sentence_mentions(analysis, sent, lex, lang, aliases)
            aliases.update(group_aliases(sent.text, mentions, lex))
            found.extend(self._sentence(analysis, sent, mentions, lex, lang, prev))
            subj = holders_in(sent.text, mentions, (0, len(sent.text)), lex)
            if subj:
                prev = subj
            person = next((m for m in mentions if m.person and m.role != "obj"), None)
            if person is not None:
                self._person = [person.code]
            if len(subj) >= 2:
                self._group = (subj, sent.index)
        possible = _possible_holders(analysis, lex, lang)
        from_text = {(p.sentence, p.issue, p.holder) for p in found}
        for p in positions_from_events(analysis, self.codebook, lex, lang, self.extractor):
            # an actor the sentence does not name as a possible holder (only as a target, a place) holds none;
            # where the text reading already gave the holder a stance on the issue, that one stands
            if p.holder not in possible.get(p.sentence, ()) or (p.sentence, p.issue, p.holder) in from_text:
                continue
            if not _in_trigger_clause(analysis, p, lex, lang):
                continue  # "X eisen sancties, omdat de Nederlandse overheid ...": not the holder of the demand
            self._strength[id(p)] = _strength(p)
            found.append(p)
        analysis.positions.extend(_dedupe(found, self._strength))
        self._strength.clear()

    def _sentence(self, analysis: Analysis, sent: Sentence, mentions: list[M], lex: Lexicon, lang: str,
                  prev: list[str]) -> list[Position]:
        text = sent.text
        hits = _outermost(self.codebook.find(text, lang))
        named = {i for i, at in self._named.items() if sent.index - at <= 5}
        hits += [h for h in self.codebook.find_anaphors(text, named, lang)
                 if not any(o.start < h.end and h.start < o.end for o in hits)]
        hits.sort(key=lambda h: h.start)
        for h in hits:
            self._named[h.issue] = sent.index
        last, self._last = self._last, ((sent.index, hits[-1].issue) if hits else self._last)
        if not hits and 0 < sent.index - last[0] <= 2:
            # "Turkije noemt het 'onacceptabel'.", "Iets wat Moskou absurd noemt.", "Dat plan ..."
            near = lex.back_reference if last[0] == sent.index - 1 else None
            found = (r.search(text) for r in (near, lex.back_reference_far) if r is not None)
            ref = next((m for m in found if m), None)
            if ref:
                # the demonstrative alone stands for the issue, so that a cue around it counts ("wijst dat af")
                dem = lex.any_word("demonstratives", ref.group())
                a, b = (ref.start() + dem.start(), ref.start() + dem.end()) if dem else (ref.start(), ref.end())
                hits = [IssueHit(last[1], a, b)]
        if not hits:
            return []
        if lex.inline_reference is not None:  # "... sancties, ondanks verzet van Hongarije": the issue before it
            for ref in lex.inline_reference.finditer(text):
                before = [h for h in hits if h.end <= ref.start()]
                if before:
                    hits.append(IssueHit(before[-1].issue, ref.end(), ref.end()))  # the cue stands before it
        conds = lex.conditions(text)
        all_clauses = lex.clauses(text)
        quotes = _direct_quotes(analysis, sent)
        # an actor named as the first part of an issue compound ("EU-sancties") does not hold it
        compound = [(m.start, m.end) for m in mentions
                    if text[m.end:m.end + 1] == "-" and any(h.start <= m.end + 1 < h.end for h in hits)]
        out: list[Position] = []
        for hit in hits:
            cond = next((c for c in conds if c[0] <= hit.start < c[1]), None)
            if cond and cond[2] == "if":
                continue  # what a condition is about is not itself a position
            if lex.in_setting(text, hit):
                continue
            clauses = all_clauses
            inside = next((e for e in lex.embedded(text) if e[0] <= hit.start < e[1]), None)
            if inside:  # an issue inside a parenthetical clause: that clause alone
                clauses = [(inside[0], inside[1], True)]
            ci = next((i for i, c in enumerate(clauses) if c[0] <= hit.start < c[1]), 0)
            clause = clauses[ci][:2] if clauses else (0, len(text))
            skip = [(c[0], c[1]) for c in conds]
            if cond:  # the demand inside a precondition: supported by the main clause's holder
                st: Stance | None = Stance("support" if hit.polarity >= 0 else "oppose")
                clause = (0, len(text))
            else:
                st = lex.stance_for(text, clause, hit, skip=skip)
                if st is None or (st.weak and clauses and clauses[ci][2]):
                    continue  # no stance, or only a plan named in a relative clause
                if st.cue and lex.open_question is not None and any(
                        q.end() <= st.cue[0] for q in lex.open_question.finditer(text, clause[0], st.cue[0])):
                    continue  # "De EU moet zich afvragen of ze ... wil laten toetreden": a question, no stance
                other = [c for c in conds if not (c[0] <= hit.start < c[1])]
                c = min(other, key=lambda c: abs(c[0] - hit.start)) if other else None
                # an opposition is conditional only under a negative condition ("uitgesloten zolang Israël
                # niet stopt", "tenzij ..."); "als X, dan moeten de sancties worden opgeheven" stays oppose
                if c and (st.stance == "support" or lex.negations(text, c[0], c[1])
                          or lex.any_word("negative_conditions", text[c[0]:c[0] + 8])):
                    st = Stance("conditional", st.cue, text[c[0]:c[1]].strip(" ,"), (c[0], c[1]),
                                st.weak, st.obligation)
            quote = next(((i, q) for i, q in quotes if q[0] <= hit.start < q[1]), None)
            embedded = [e for e in lex.embedded(text) if not (e[0] <= hit.start < e[1])]
            holders = self._holders(sent, mentions, lex, hit, clauses, ci, skip + compound + embedded, st,
                                    quote[1][2] if quote else None, prev, quote[1][:2] if quote else None)
            for h in holders:
                pos = Position(
                    holder=h, issue=hit.issue, stance=st.stance, condition=st.condition,
                    evidence=analysis.span(sent.start, sent.end), sentence=sent.index,
                    date=_sentence_date(analysis, sent), quote=quote[0] if quote else None,
                    extractor=self.extractor,
                )
                self._strength[id(pos)] = _strength(pos, st)
                out.append(pos)
        return out

    def _holders(self, sent: Sentence, mentions: list[M], lex: Lexicon, hit: IssueHit,
                 clauses: list[tuple[int, int, bool]], ci: int, skip: list[tuple[int, int]], st: Stance,
                 quoted: str | None, prev: list[str], qspan: tuple[int, int] | None = None) -> list[str]:
        """Holders of a stance: the quoted speaker's actor, the mediators, the parties of an agreement,
        the clause's subject or attributed speaker, else the holder of the previous sentence."""
        text = sent.text
        agent_noun = st.cue is None and lex.agent_nouns is not None and bool(lex.agent_nouns.match(text, hit.start))
        clause = clauses[ci][:2] if clauses else (0, len(text))
        cue = st.cue or (hit.start, hit.end)
        if quoted and not agent_noun:
            if st.cue and not st.weak and not st.obligation:
                # "„Intussen zien we dat het Israëlische kabinet besloten heeft om de oorlog verder op te
                # voeren”": a named subject of the cue inside the quote holds it, not the speaker
                inner = (max(clause[0], qspan[0]), min(clause[1], qspan[1])) if qspan else clause
                named = holders_in(text, [m for m in mentions if inner[0] <= m.start < inner[1]], inner, lex,
                                   exclude=skip, cue=st.cue, before_only=True)
                if named and quoted not in named:
                    return named
            return [quoted]
        if hit.issue == "mediation":
            near = _mediators(text, mentions, hit, lex)
            if near:
                if st.cue and not st.weak:
                    near = holders_in(text, mentions, clause, lex, exclude=skip, cue=st.cue) + near
                return list(dict.fromkeys(near))
            before = [w.lower() for w in text[max(0, hit.start - 30):hit.start].split()][-4:]
            if agent_noun and not any(w in lex.w("as_role") for w in before):
                return []  # "de inspanningen van de bemiddelaars": only the mediators named with it hold it
        else:
            party = parties(text, mentions, lex, clause)
            if party:
                return party
        holders = holders_in(text, mentions, clause, lex, exclude=skip, cue=cue, obligation=st.obligation,
                             before_only=st.cue is None)
        if st.obligation:
            return holders
        if holders and prev and lex.subject_pronouns is not None:
            first = next((m for m in mentions if m.code in holders and clause[0] <= m.start), None)
            pron = lex.subject_pronouns.search(text, clause[0], first.start) if first is not None else None
            if pron and first.role == "subj" and not lex.any_word("subordinators", text[pron.end():first.start]):
                # "Daarmee gaf hij Rusland de boodschap ...": hij is the subject (but not in
                # "hij wacht op het initiatief dat Trump ...", "ze ... toen de VS": the subject of that clause)
                holders = self._antecedent(pron.group(), prev)
        group, at = self._group
        if group and sent.index - at <= 3 and lex.plural_pronouns is not None and (
                lex.plural_pronouns.search(text, clause[0] if clauses and clauses[ci][2] else 0, cue[0])
                and set(holders) <= set(group)):
            return list(group)  # "De twee landen verzetten zich ...": the compound subject before
        if not holders and ci > 0 and not clauses[ci][2]:
            holders = holders_in(text, mentions, (0, clause[0]), lex, exclude=skip)
        if not holders and prev and len(text.split()) >= 6:  # a pronoun subject; not in headlines
            since = clause[0] if clauses and clauses[ci][2] else 0  # coordinate clauses share their subject
            pron = lex.subject_pronouns.search(text, since, cue[1]) if lex.subject_pronouns is not None else None
            if pron:  # also right after the cue's verb ("roept hij Europa op")
                holders = self._antecedent(pron.group(), prev)
        if not holders and prev and lex.goal_reference is not None and lex.goal_reference.match(text):
            holders = list(prev)  # "Een ander doel is om te voorkomen dat ...": the goal of the holder before
        relative = clauses and clauses[ci][2] and lex.any_word("relative_pronouns", text[clause[0]:clause[0] + 6])
        if not holders and relative:
            # ", die eerder deze week zei ...": the relative pronoun stands for the name before it
            before = [m for m in mentions if m.end <= clause[0] and clause[0] - m.end <= 3]
            if before:
                holders = [before[-1].code]
        return holders

    def _antecedent(self, pronoun: str, prev: list[str]) -> list[str]:
        """Whom a subject pronoun stands for: "hij" the last person named as a subject or speaker,
        others the holder of the previous sentence."""
        if pronoun.lower() in ("hij",) and self._person:
            return list(self._person)
        return list(prev)


def _sentence_date(analysis: Analysis, sent: Sentence) -> str | None:
    """The date of what the sentence reports: its event's date, else the publication date."""
    return next((e.date for e in analysis.events if e.sentence == sent.index and e.date), analysis.doc.date)


def _possible_holders(analysis: Analysis, lex: Lexicon, lang: str) -> dict[int, set[str]]:
    """Per sentence, the actors named there other than as objects ("na de aanval van Iran op Israël")
    or as adjectives of things ("een Europees alternatief")."""
    return {sent.index: {m.code for m in sentence_mentions(analysis, sent, lex, lang) if m.role != "obj"}
            for sent in analysis.sentences}


def _outermost(hits: list[IssueHit]) -> list[IssueHit]:
    """Drop hits that lie inside a longer hit of another issue ("rol bij de onderhandelingen")."""
    return [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end
                                       and (o.end - o.start) > (h.end - h.start) for o in hits)]


def _mediators(text: str, mentions: list[M], hit: IssueHit, lex: Lexicon) -> list[str]:
    """Mediators named right after a mediation cue ("bemiddelaars Qatar en Egypte", "bemiddeling van de VN")."""
    out: list[str] = []
    pos = hit.end
    rest = re.match(r"[\w-]*", text[pos:])
    pos += rest.end() if rest else 0
    for m in mentions:
        if m.start < pos:
            continue
        gap = re.findall(r"[\w-]+|[^\w\s]", text[pos:m.start].lower())
        if any(w not in lex.w("mediator_glue") for w in gap):
            break
        if m.code not in out:
            out.append(m.code)
        pos = m.end
    return out


def _direct_quotes(analysis: Analysis, sent: Sentence) -> list[tuple[int, tuple[int, int, str | None]]]:
    """Direct quotes overlapping the sentence: (index, (start, end, actor)), sentence-relative."""
    out = []
    for i, q in enumerate(analysis.quotes):
        if q.direct and q.content.start < sent.end and sent.start < q.content.end:
            out.append((i, (q.content.start - sent.start, q.content.end - sent.start, q.actor)))
    return out


_RANK = {"conditional": 0, "oppose": 1, "support": 2}


def _dedupe(items: list[Position], strength: dict[int, int]) -> list[Position]:
    """One position per (holder, issue, stance), with the strongest evidence (an explicit stance cue
    over a plan or a bare expression, a quote or event link as a bonus); ties keep the earliest."""
    best: dict[tuple[str, str, str], Position] = {}
    for p in items:
        key = (p.holder, p.issue, p.stance)
        cur = best.get(key)
        if cur is None or strength.get(id(p), 0) > strength.get(id(cur), 0):
            best[key] = p
    return sorted(best.values(), key=lambda p: (p.sentence, p.evidence.start))


def _strength(p: Position, st: Stance | None = None) -> int:
    base = 2 if st is None or st.cue is None else (1 if st.weak else 3)
    return base + (p.quote is not None) + (p.event is not None)


def _in_trigger_clause(analysis: Analysis, p: Position, lex: Lexicon, lang: str) -> bool:
    """True when the holder of an event's position is named (not as an object) in the clause of
    the event's trigger, or the event has no trigger to tell."""
    if p.event is None:
        return True
    ev = analysis.events[p.event]
    sent = next((s for s in analysis.sentences if s.index == p.sentence), None)
    if ev.trigger is None or sent is None:
        return True
    t0, t1 = ev.trigger.start - sent.start, ev.trigger.end - sent.start
    clause = next(((a, b) for a, b, _ in lex.clauses(sent.text) if a <= t0 < b), (0, len(sent.text)))
    # a name after the trigger behind a subordinator is the subject of another clause ("uitgesloten van
    # de heffingen die de regering-Trump heeft ingevoerd")
    # nor is a name inside a parenthetical clause that does not hold the trigger ("Zelenski heeft, nadat
    # Poetin ... bekendmaakte, een aanvraag ... ingediend")
    apart = [e for e in lex.embedded(sent.text) if not (e[0] <= t0 < e[1])]
    return any(m.code == p.holder and m.role != "obj" and clause[0] <= m.start < clause[1]
               and not (m.start >= t1 and lex.any_word("subordinators", sent.text[t1:m.start]))
               and not any(e[0] <= m.start < e[1] for e in apart)
               for m in sentence_mentions(analysis, sent, lex, lang))
