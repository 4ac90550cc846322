"""Frog's named-entity recognition on the CoNLL-2002 Dutch test data.

    .venv/bin/python bench/conll_ner.py                 # ned.testb.conll: report on it once, never tune on it
    .venv/bin/python bench/conll_ner.py --split testa   # development

The gold tokenization is fed to Frog (one sentence a line, Frog's tokenizer
skipped), so every predicted tag lines up with a gold token.  Frog's types map to
the CoNLL ones (PRO and EVE become MISC).  Scores are entity-level exact match
(conlleval: an entity counts when its type, first and last token all match).
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from diplograph.language.frog import NER_TYPES, FrogAnalyzer

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "benchmarks" / "conll2002-nl"
TYPES = ("PER", "ORG", "LOC", "MISC")


def read_conll(path: Path) -> list[tuple[list[str], list[str]]]:
    """Sentences as (words, IOB tags); ``-DOCSTART-`` lines are dropped."""
    sents: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        parts = line.split()
        if parts and parts[0] == "-DOCSTART-":
            continue
        if not parts:
            if words:
                sents.append((words, tags))
            words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(parts[-1])
    return sents


def chunks(tags: list[str]) -> set[tuple[str, int, int]]:
    """Entities (type, first, last) from IOB1 or IOB2 tags, as conlleval reads them."""
    out: set[tuple[str, int, int]] = set()
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        bio, _, t = tag.partition("-")
        begins = bio == "B" or (bio == "I" and t != typ)
        if typ and (bio == "O" or begins):
            out.add((typ, start, i - 1))
            typ = ""
        if begins:
            start, typ = i, t
    return out


def frog_tags(ner: str) -> str:
    """One Frog NER tag (a word, not a multi-word unit) in CoNLL types."""
    if ner == "O" or "-" not in ner:
        return "O"
    bio, _, typ = ner.partition("-")
    return f"{bio}-{NER_TYPES.get(typ, 'MISC')}"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description="Frog NER on CoNLL-2002 Dutch (entity-level exact match).")
    ap.add_argument("--split", default="testb", choices=["testa", "testb", "train"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N sentences")
    ap.add_argument("--skip", default="acp", help="Frog modules to skip (default acp: no morphology, chunker, "
                                                   "parser; the tokenizer is always skipped)")
    ap.add_argument("--batch", type=int, default=200, help="sentences per request")
    args = ap.parse_args()
    sents = read_conll(DATA / f"ned.{args.split}.conll")
    if args.limit:
        sents = sents[: args.limit]
    n_tok = sum(len(w) for w, _ in sents)
    t0 = time.perf_counter()
    frog = FrogAnalyzer(skip=args.skip)
    started = time.perf_counter() - t0
    t1 = time.perf_counter()
    predicted: list[list[str]] = []
    try:
        for k in range(0, len(sents), args.batch):
            batch = [w for w, _ in sents[k:k + args.batch]]
            for words, rows in zip(batch, frog.tag_token_lines(batch), strict=True):
                tags: list[str] = []
                for row in rows:  # a multi-word unit covers several words: B-PER_I-PER
                    tags += [frog_tags(t) for t in row.ner.split("_")]
                if len(tags) != len(words):
                    raise SystemExit(f"Frog answered {len(tags)} tags for {len(words)} words: {' '.join(words)}")
                predicted.append(tags)
    finally:
        frog.close()
    took = time.perf_counter() - t1
    counts: Counter[tuple[str, str]] = Counter()
    for (_, gold), pred in zip(sents, predicted, strict=True):
        g, p = chunks(gold), chunks(pred)
        for typ, *_ in g & p:
            counts[typ, "tp"] += 1
        for typ, *_ in p - g:
            counts[typ, "fp"] += 1
        for typ, *_ in g - p:
            counts[typ, "fn"] += 1
    print(f"ned.{args.split}.conll: {len(sents)} sentences, {n_tok} tokens; Frog --skip={frog.server.skip}")
    print(f"{'type':6s} {'gold':>6s} {'pred':>6s} {'P':>7s} {'R':>7s} {'F1':>7s}")
    total = Counter()
    for typ in TYPES:
        tp, fp, fn = counts[typ, "tp"], counts[typ, "fp"], counts[typ, "fn"]
        total.update({"tp": tp, "fp": fp, "fn": fn})
        p, r, f = prf(tp, fp, fn)
        print(f"{typ:6s} {tp + fn:6d} {tp + fp:6d} {100 * p:7.2f} {100 * r:7.2f} {100 * f:7.2f}")
    p, r, f = prf(total["tp"], total["fp"], total["fn"])
    print(f"{'all':6s} {total['tp'] + total['fn']:6d} {total['tp'] + total['fp']:6d} "
          f"{100 * p:7.2f} {100 * r:7.2f} {100 * f:7.2f}")
    print(f"speed: {n_tok / took:.0f} tokens/s ({took:.1f} s; server start {started:.1f} s)")


if __name__ == "__main__":
    main()
