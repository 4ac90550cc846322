"""A fast rule-based tokenizer and sentence splitter (no lemmas, no parse).

It is the cascade's first pass: cheap enough to run on every sentence, so that
only sentences that matter are sent to the full parser.
"""

from __future__ import annotations

import re

from diplograph.model import Sentence, Token

# Abbreviations after which a full stop does not end a sentence (Dutch and English).
_ABBREVIATIONS = {
    "dhr", "mevr", "mr", "mrs", "ms", "dr", "prof", "drs", "ir", "ing", "st", "nr", "vs",
    "blz", "bijv", "bv", "o.a", "e.d", "enz", "etc", "jl", "jr", "sr", "gen", "lt", "kol",
    "mgr", "ca", "cf", "zgn", "resp", "i.p.v", "m.b.t", "t.a.v", "d.w.z", "a.s", "n.a.v",
}

# Initialisms that may end a sentence ("... in de V.S. De president ..."); after any other
# initialism ("George H.W. Bush", "A.J. de Vries") a capital does not start a new sentence.
_FINAL_INITIALISMS = {"v.s", "e.u", "v.n", "v.k", "u.s", "u.k", "u.n", "n.v", "b.v"}
_INITIALISM = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")

_TOKEN = re.compile(
    r"""
    \d+(?:[.,:]\d+)*%?                 # numbers, 1.000, 3,5, 12:30
    | (?:[A-Za-z]\.){2,}                # initialisms: V.S., o.a.
    | (?<!\w)['’][stn](?=\s)            # Dutch clitics: 's avonds, 't, 'n
    | [^\W\d_][^\W_]*(?:[-'’][^\W_]+)*(?:\.(?!\.))?   # words, also F-16, G20 (dot checked below)
    | [.!?…]{2,}                        # runs of final punctuation: ..., ?!
    | \S                                # any other single character
    """,
    re.VERBOSE,
)
_QUOTE_OPEN = "\"“„‘'«"
_SENT_END = re.compile(r"[.!?…]+[\"”’'»)]*(?=\s+|$)|\n\s*\n|\n(?=\s*[A-Z\"“„‘'«])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of sentences in ``text`` (paragraph breaks always end a sentence)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END.finditer(text):
        end = m.end()
        chunk = text[start:m.start()].rstrip()
        word = chunk.split()[-1].rstrip(".") if chunk.split() else ""
        last = word.lower()
        acronym = len(word) > 1 and word.isupper()  # "uit de VS. New Delhi ...": VS is no "vs." (versus)
        if m.group().startswith(".") and not acronym and (last in _ABBREVIATIONS or (len(last) == 1
                                                                                     and last.isalpha())):
            continue
        nxt = text[end:end + 3].lstrip(" \t")[:1]  # the next character on the same line
        if m.group() == "." and _INITIALISM.fullmatch(last) and (
                nxt.islower() or (last not in _FINAL_INITIALISMS and nxt.isupper())):
            continue  # "de V.S. en ...", "George H.W. Bush"
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Tokens of ``text``; offsets are shifted by ``offset``."""
    tokens: list[Token] = []
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        word = m.group()
        if (word.endswith(".") and len(word) > 1 and "." not in word[:-1] and word[-2].isalnum()
                and word[:-1].lower() not in _ABBREVIATIONS):
            tokens.append(Token(len(tokens), word[:-1], s + offset, e - 1 + offset))
            tokens.append(Token(len(tokens), ".", e - 1 + offset, e + offset))
            continue
        tokens.append(Token(len(tokens), word, s + offset, e + offset))
    return tokens


class SimpleAnalyzer:
    """Sentences and tokens by rules; lemma is the lower-cased word."""

    name = "simple"

    def analyse(self, text: str) -> list[Sentence]:
        sentences = []
        for i, (s, e) in enumerate(split_sentences(text)):
            toks = tokenize(text[s:e], s)
            for t in toks:
                t.lemma = t.text.lower()
            sentences.append(Sentence(i, s, e, text[s:e], toks))
        return sentences

    def close(self) -> None:
        pass
