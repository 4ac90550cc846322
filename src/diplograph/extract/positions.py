"""The `positions` stage: what each actor wants on each issue (support, oppose, conditional).

For every sentence that names an issue of the codebook (data/issues.yaml), the
stance comes from stance cues in the same clause (lang/<xx>/stance.yaml) with
negation, a condition clause makes it conditional, and the holder is the quoted
actor, the attributed speaker or the subject of the clause. Events of the
`events` stage (REJECT/REQUEST/AGREE ... with an issue in their evidence) add
positions of their actors. One position per (holder, issue, stance) and document.
"""

from __future__ import annotations

import re

from diplograph.extract.events_map import positions_from_events
from diplograph.extract.holders import M, holders_in, parties, sentence_mentions
from diplograph.extract.issues import Codebook, IssueHit, load_codebook
from diplograph.extract.pipeline import register
from diplograph.extract.stance import Lexicon, Stance, load_lexicon
from diplograph.model import Analysis, Position, Sentence

_GLUE_AFTER_MEDIATION = re.compile(r"^(?:\s*(?:van|door|de|het|en|,|als|landen|\s)\s*)*$", re.IGNORECASE)


@register("positions")
class PositionsStage:
    name = "positions"
    version = "1"

    def __init__(self, positions_codebook: str | None = None, **_: object) -> None:
        self.codebook: Codebook = load_codebook(positions_codebook)

    @property
    def extractor(self) -> str:
        return f"{self.name}@{self.version}"

    def __call__(self, analysis: Analysis) -> None:
        lang = analysis.doc.lang or "nl"
        lex = load_lexicon(lang)
        found: list[Position] = []
        prev: list[str] = []
        for sent in analysis.sentences:
            mentions = sentence_mentions(analysis, sent, lex, lang)
            found.extend(self._sentence(analysis, sent, mentions, lex, lang, prev))
            subj = holders_in(sent.text, mentions, (0, len(sent.text)), lex)
            if subj:
                prev = subj
        found.extend(positions_from_events(analysis, self.codebook, lex, lang, self.extractor))
        analysis.positions.extend(_dedupe(found))

    def _sentence(self, analysis: Analysis, sent: Sentence, mentions: list[M], lex: Lexicon, lang: str,
                  prev: list[str]) -> list[Position]:
        text = sent.text
        hits = _outermost(self.codebook.find(text, lang))
        if not hits:
            return []
        conds = lex.conditions(text)
        clauses = lex.clauses(text)
        quote = _quote_at(analysis, sent)
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
            ci = next((i for i, c in enumerate(clauses) if c[0] <= hit.start < c[1]), 0)
            clause = clauses[ci][:2] if clauses else (0, len(text))
            skip = [(c[0], c[1]) for c in conds]
            if cond:  # the demand inside a precondition: supported by the main clause's holder
                st: Stance | None = Stance("support")
                clause = (0, len(text))
            else:
                st = lex.stance_for(text, clause, hit, skip=skip)
                if st is None:
                    continue
                other = [c for c in conds if not (c[0] <= hit.start < c[1])]
                if other:
                    c = min(other, key=lambda c: abs(c[0] - hit.start))
                    st = Stance("conditional", st.cue, text[c[0]:c[1]].strip(" ,"), (c[0], c[1]),
                                st.weak, st.obligation)
            holders = self._holders(sent, mentions, lex, hit, clauses, ci, skip + compound, st, quote, prev)
            for h in holders:
                out.append(Position(
                    holder=h, issue=hit.issue, stance=st.stance, condition=st.condition,
                    evidence=analysis.span(sent.start, sent.end), sentence=sent.index,
                    date=analysis.doc.date, quote=quote[0] if quote else None,
                    extractor=self.extractor,
                ))
        return out

    def _holders(self, sent: Sentence, mentions: list[M], lex: Lexicon, hit: IssueHit,
                 clauses: list[tuple[int, int, bool]], ci: int, skip: list[tuple[int, int]], st: Stance,
                 quote: tuple[int, str | None] | None, prev: list[str]) -> list[str]:
        text = sent.text
        if quote and quote[1]:
            return [quote[1]]
        clause = clauses[ci][:2] if clauses else (0, len(text))
        if hit.issue == "mediation":
            near = _mediators(text, mentions, hit)
            if near:
                if st.cue and not st.weak:
                    near = holders_in(text, mentions, clause, lex, exclude=skip, cue=st.cue) + near
                return list(dict.fromkeys(near))
        party = parties(text, mentions, lex, clause)
        if party:
            return party
        holders = holders_in(text, mentions, clause, lex, exclude=skip, cue=st.cue, obligation=st.obligation)
        if st.obligation:
            return holders
        if holders and lex.subject_pronouns is not None:
            first = next((m for m in mentions if m.code in holders and clause[0] <= m.start), None)
            pro = lex.subject_pronouns.search(text, clause[0], first.start if first else clause[1])
            if pro and prev and first is not None and first.role == "subj":
                holders = list(prev)
        if not holders and ci > 0 and not clauses[ci][2]:
            holders = holders_in(text, mentions, (0, clause[0]), lex, exclude=skip)
        if not holders and prev and lex.subject_pronouns is not None:
            if lex.subject_pronouns.search(text, clause[0], st.cue[0] if st.cue else hit.start) or (
                    lex.anaphora is not None and lex.anaphora.match(text)):
                holders = list(prev)
        return holders


def _outermost(hits: list[IssueHit]) -> list[IssueHit]:
    """Drop hits that lie inside a longer hit of another issue ("rol bij de onderhandelingen")."""
    return [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end
                                       and (o.end - o.start) > (h.end - h.start) for o in hits)]


def _mediators(text: str, mentions: list[M], hit: IssueHit) -> list[str]:
    """Mediators named right after a mediation cue ("bemiddelaars Qatar en Egypte", "bemiddeling van de VN")."""
    out: list[str] = []
    pos = hit.end
    rest = re.match(r"[\w-]*", text[pos:])
    pos += rest.end() if rest else 0
    for m in mentions:
        if m.start < pos:
            continue
        if not _GLUE_AFTER_MEDIATION.match(text[pos:m.start]):
            break
        if m.code not in out:
            out.append(m.code)
        pos = m.end
    return out


def _quote_at(analysis: Analysis, sent: Sentence) -> tuple[int, str | None] | None:
    """The quote whose content covers most of the sentence, with its actor."""
    for i, q in enumerate(analysis.quotes):
        a, b = max(q.content.start, sent.start), min(q.content.end, sent.end)
        if b - a > 0.5 * (sent.end - sent.start):
            return i, q.actor
    return None


_RANK = {"conditional": 0, "oppose": 1, "support": 2}


def _dedupe(items: list[Position]) -> list[Position]:
    """One position per (holder, issue, stance); the one with an event or quote link wins."""
    best: dict[tuple[str, str, str], Position] = {}
    for p in items:
        key = (p.holder, p.issue, p.stance)
        cur = best.get(key)
        if cur is None or (cur.event is None and p.event is not None):
            best[key] = p
    return list(best.values())
