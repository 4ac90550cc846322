"""The issue codebook (data/issues.yaml or a user's file) and finding issue cues in text."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml

ENV_VAR = "DIPLOGRAPH_ISSUES"


def compile_cues(patterns: list[str] | None, flags: int = re.IGNORECASE,
                 compound: bool = False) -> re.Pattern[str] | None:
    """One regex matching any of ``patterns`` from the start of a word (longest alternatives first);
    with ``compound`` also from the start of a hyphenated compound's part ("EU-sancties")."""
    pats = [str(p) for p in (patterns or []) if p]
    if not pats:
        return None
    pats.sort(key=len, reverse=True)
    start = r"(?<!\w)" if compound else r"(?<![\w-])"
    return re.compile(start + "(?:" + "|".join(f"(?:{p})" for p in pats) + ")", flags)


@dataclass
class Issue:
    """One issue of the codebook with its compiled cues for each language."""

    id: str
    name: str = ""
    description: str = ""
    cues: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    support: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    oppose: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    requires: dict[str, re.Pattern[str] | None] = field(default_factory=dict)
    anaphors: dict[str, re.Pattern[str] | None] = field(default_factory=dict)  # "de maatregelen": once named


@dataclass
class IssueHit:
    """An issue named in a sentence: offsets are relative to the sentence text.

    ``polarity`` is +1 when the expression states support by itself ("levert wapens"),
    -1 when it states opposition by itself ("territoriale integriteit"), 0 otherwise.
    """

    issue: str
    start: int
    end: int
    polarity: int = 0


def _by_lang(value: object) -> dict[str, re.Pattern[str] | None]:
    if not isinstance(value, dict):
        return {}
    return {lang: compile_cues(list(pats or []), compound=True) for lang, pats in value.items()}


@dataclass
class Codebook:
    issues: list[Issue]
    source: str = ""
    event_stances: dict[str, str] = field(default_factory=dict)  # PLOVER type -> stance
    event_implies: dict[str, list[str]] = field(default_factory=dict)  # PLOVER type -> issue ids

    @property
    def ids(self) -> list[str]:
        return [i.id for i in self.issues]

    def find(self, text: str, lang: str = "nl") -> list[IssueHit]:
        """All issue cues in ``text``; overlapping hits of one issue are merged (strongest kept)."""
        hits: list[IssueHit] = []
        for issue in self.issues:
            req = issue.requires.get(lang)
            if req is not None and not req.search(text):
                continue
            found: list[IssueHit] = []
            for pol, table in ((1, issue.support), (-1, issue.oppose), (0, issue.cues)):
                rx = table.get(lang)
                if rx is None:
                    continue
                for m in rx.finditer(text):
                    if m.end() == m.start():
                        continue
                    if any(h.start < m.end() and m.start() < h.end for h in found):
                        continue
                    found.append(IssueHit(issue.id, m.start(), m.end(), pol))
            hits.extend(found)
        hits.sort(key=lambda h: (h.start, h.issue))
        return hits

    def find_anaphors(self, text: str, named: set[str], lang: str = "nl") -> list[IssueHit]:
        """Expressions that name an issue only after the text has named it ("de maatregelen" for
        sanctions), for the issues in ``named``."""
        hits: list[IssueHit] = []
        for issue in self.issues:
            rx = issue.anaphors.get(lang)
            if issue.id in named and rx is not None:
                hits.extend(IssueHit(issue.id, m.start(), m.end()) for m in rx.finditer(text) if m.end() > m.start())
        return sorted(hits, key=lambda h: h.start)


def load_codebook(path: str | os.PathLike[str] | None = None) -> Codebook:
    """Load a codebook: ``path``, else $DIPLOGRAPH_ISSUES, else the built-in data/issues.yaml."""
    path = path or os.environ.get(ENV_VAR) or None
    if path:
        return _load(str(Path(path).expanduser().resolve()))
    return _load("")


@lru_cache(maxsize=8)
def _load(path: str) -> Codebook:
    if path:
        text = Path(path).read_text(encoding="utf-8")
    else:
        text = (Path(__file__).resolve().parent.parent / "data" / "issues.yaml").read_text(encoding="utf-8")
    data = yaml.safe_load(text) or {}
    entries = data.get("issues", data) if isinstance(data, dict) else data
    if not isinstance(entries, list):
        raise ValueError(f"{path or 'issues.yaml'}: expected a list of issues under 'issues'")
    issues = []
    for e in entries:
        if not isinstance(e, dict) or "id" not in e:
            raise ValueError(f"{path or 'issues.yaml'}: every issue needs an 'id'")
        issues.append(Issue(
            id=str(e["id"]), name=str(e.get("name", "")), description=str(e.get("description", "")),
            cues=_by_lang(e.get("cues")), support=_by_lang(e.get("support")),
            oppose=_by_lang(e.get("oppose")), requires=_by_lang(e.get("requires")),
            anaphors=_by_lang(e.get("anaphors")),
        ))
    builtin = _load("") if path else None
    ev = data.get("event_stances") if isinstance(data, dict) else None
    imp = data.get("event_implies") if isinstance(data, dict) else None
    return Codebook(
        issues, source=path or "builtin",
        event_stances={str(k).upper(): str(v) for k, v in (ev or {}).items()}
        or (builtin.event_stances if builtin else {}),
        event_implies={str(k).upper(): [str(x) for x in v or []] for k, v in (imp or {}).items()},
    )
