"""Share of sentences and tokens that the cascade sends to the full parser.

    .venv/bin/python bench/cascade_share.py ../shared/eval/dev.jsonl
    .venv/bin/python bench/cascade_share.py ../shared/benchmarks/dpgmedia2019/articles.jsonl --limit 200

Only the fast pass and the trigger vocabulary run (no Frog needed).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from diplograph.language.cascade import load_triggers
from diplograph.language.simple import SimpleAnalyzer


def main() -> None:
    ap = argparse.ArgumentParser(description="Share of sentences the cascade parses.")
    ap.add_argument("input", type=Path, help="JSON Lines with a `text` field")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--lang", default="nl")
    args = ap.parse_args()
    trig = load_triggers(args.lang)
    fast = SimpleAnalyzer()
    docs = sents = toks = p_sents = p_toks = 0
    with args.input.open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            rec = json.loads(line)
            docs += 1
            for s in fast.analyse(rec.get("text") or ""):
                n = len(s.tokens)
                sents += 1
                toks += n
                if trig.wants(s):
                    p_sents += 1
                    p_toks += n
            if args.limit and docs >= args.limit:
                break
    print(f"{args.input.name}: {docs} documents; parsed {p_sents}/{sents} sentences "
          f"({100 * p_sents / max(sents, 1):.1f}%), {p_toks}/{toks} tokens ({100 * p_toks / max(toks, 1):.1f}%)")


if __name__ == "__main__":
    main()
