"""Positions stated by events: a refusal of talks is peace_talks oppose, a demand for withdrawal
troop_withdrawal support, a conditional offer a conditional position (codebook `event_stances`)."""

from __future__ import annotations

from diplograph.extract.issues import Codebook, IssueHit
from diplograph.extract.stance import Lexicon
from diplograph.model import Analysis, Event, Position


def positions_from_events(analysis: Analysis, codebook: Codebook, lex: Lexicon, lang: str,
                          extractor: str) -> list[Position]:
    """Positions of the actors of events whose evidence (or type) names an issue."""
    out: list[Position] = []
    ids = set(codebook.ids)
    for i, ev in enumerate(analysis.events):
        base = codebook.event_stances.get(ev.type.upper())
        if not base or not ev.actor or ev.modality in ("hypothetical", "historical"):
            continue
        text = ev.evidence.text
        conds = lex.conditions(text)
        issues: dict[str, int] = {}
        for h in _near_trigger(ev, codebook.find(text, lang), lex):
            if any(c[0] <= h.start < c[1] and c[2] == "if" for c in conds) or lex.in_setting(text, h):
                continue
            issues.setdefault(h.issue, h.polarity)
        for iss in codebook.event_implies.get(ev.type.upper(), []):
            if iss in ids:
                issues.setdefault(iss, 0)
        for issue, pol in issues.items():
            sign = (1 if base == "support" else -1) * (pol or 1) * (-1 if ev.modality == "negated" else 1)
            stance, condition = ("support" if sign > 0 else "oppose"), None
            if ev.modality == "conditional" and sign > 0 and ev.condition:
                stance, condition = "conditional", ev.condition
            for actor in ev.actor:
                out.append(Position(
                    holder=actor, issue=issue, stance=stance, condition=condition, evidence=ev.evidence,
                    sentence=ev.sentence, date=ev.date or analysis.doc.date, event=i, quote=ev.quote,
                    extractor=extractor,
                ))
    return out


def _near_trigger(ev: Event, hits: list[IssueHit], lex: Lexicon, reach: int = 60) -> list[IssueHit]:
    """The issue hits that the event's trigger governs: in its clause and close to it."""
    if ev.trigger is None:
        return hits
    text = ev.evidence.text
    t0, t1 = ev.trigger.start - ev.evidence.start, ev.trigger.end - ev.evidence.start
    clause = next(((a, b) for a, b, _ in lex.clauses(text) if a <= t0 < b), (0, len(text)))
    return [h for h in hits if clause[0] <= h.start < clause[1]
            and (t1 <= h.start <= t1 + reach or t0 - reach // 2 <= h.end <= t0)]
