"""The issue codebook (data/issues.yaml) as the analyses need it: names and a cue matcher.

The matcher finds which issues a piece of text (e.g. a precondition) is about, from the
codebook's cue expressions; it does not decide stances.
"""

from __future__ import annotations

import os
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


@cache
def codebook() -> list[dict[str, Any]]:
    """The issues of the codebook (DIPLOGRAPH_ISSUES replaces the built-in file)."""
    path = os.environ.get("DIPLOGRAPH_ISSUES")
    if path:
        text = Path(path).read_text(encoding="utf-8")
    else:
        text = resources.files("diplograph").joinpath("data/issues.yaml").read_text(encoding="utf-8")
    return list((yaml.safe_load(text) or {}).get("issues") or [])


def issue_names() -> dict[str, str]:
    """Issue id -> short readable name."""
    return {i["id"]: i.get("name") or i["id"] for i in codebook()}


def _compile(exprs: list[str]) -> list[re.Pattern[str]]:
    out = []
    for e in exprs or []:
        try:
            out.append(re.compile(r"(?<!\w)" + e, re.IGNORECASE))
        except re.error:
            continue
    return out


@cache
def _patterns(lang: str) -> list[tuple[str, list[re.Pattern[str]], list[re.Pattern[str]]]]:
    pats = []
    for issue in codebook():
        cues = []
        for key in ("cues", "support", "oppose"):
            cues += (issue.get(key) or {}).get(lang) or []
        requires = (issue.get("requires") or {}).get(lang) or []
        pats.append((issue["id"], _compile(cues), _compile(requires)))
    return pats


def issues_in(text: str | None, lang: str = "nl") -> list[str]:
    """The issues whose cues occur in ``text`` (respecting each issue's ``requires``), in codebook order."""
    if not text:
        return []
    found = []
    for issue, cues, requires in _patterns(lang):
        if any(p.search(text) for p in cues) and (not requires or any(p.search(text) for p in requires)):
            found.append(issue)
    return found
