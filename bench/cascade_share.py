"""Share of sentences and tokens that the cascade sends to the full parser.

    .venv/bin/python bench/cascade_share.py ../shared/eval/dev.jsonl
    .venv/bin/python bench/cascade_share.py ../shared/benchmarks/dpgmedia2019/articles.jsonl --limit 200

Only the fast pass and the trigger vocabulary run (no Frog needed), unless ``--time``:
then the language stage also runs with Frog on every document with and without the
cascade (alternating per document, so both see the same load) and both are timed.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from diplograph.extract.language_stage import LanguageStage
from diplograph.language.cascade import load_triggers
from diplograph.language.simple import SimpleAnalyzer
from diplograph.model import Analysis, Document


def main() -> None:
    ap = argparse.ArgumentParser(description="Share of sentences the cascade parses.")
    ap.add_argument("input", type=Path, help="JSON Lines with a `text` field")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--lang", default="nl")
    ap.add_argument("--time", action="store_true", help="also time the language stage with Frog, with and "
                                                        "without the cascade")
    args = ap.parse_args()
    stages = {c: LanguageStage(analyzer="frog", cascade=c, lang=args.lang) for c in (True, False)}
    took = {True: 0.0, False: 0.0}
    if args.time:
        from diplograph.language import get_analyzer

        get_analyzer("frog")  # start the server before timing
    trig = load_triggers(args.lang)
    fast = SimpleAnalyzer()
    docs = sents = toks = p_sents = p_toks = 0
    with args.input.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            docs += 1
            sentences = fast.analyse(rec.get("text") or "")
            chosen = {id(s) for s in trig.select(sentences)}
            for s in sentences:
                n = len(s.tokens)
                sents += 1
                toks += n
                if id(s) in chosen:
                    p_sents += 1
                    p_toks += n
            if args.time:
                order = (True, False) if docs % 2 else (False, True)
                for c in order:
                    t0 = time.perf_counter()
                    stages[c](Analysis(Document(id=str(docs), raw_text=rec.get("text") or "", lang=args.lang)))
                    took[c] += time.perf_counter() - t0
            if args.limit and docs >= args.limit:
                break
    print(f"{args.input.name}: {docs} documents; parsed {p_sents}/{sents} sentences "
          f"({100 * p_sents / max(sents, 1):.1f}%), {p_toks}/{toks} tokens ({100 * p_toks / max(toks, 1):.1f}%)")
    if args.time:
        print(f"language stage with Frog: cascade {took[True]:.1f} s, no cascade {took[False]:.1f} s "
              f"({toks / took[True]:.0f} vs {toks / took[False]:.0f} tokens/s; server start excluded)")


if __name__ == "__main__":
    main()
