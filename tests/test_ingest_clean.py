"""Cleaning keeps an exact map back to the raw text; language identification."""

from __future__ import annotations

from pathlib import Path

from diplograph.ingest.clean import clean_text, original_span
from diplograph.ingest.langid import identify
from diplograph.ingest.readers import make_document, read_paths
from diplograph.language.simple import SimpleAnalyzer
from diplograph.model import Document

ROOT = Path(__file__).resolve().parents[1]


def squash(s: str) -> str:
    """Whitespace collapsed and invisible characters (soft hyphen, zero-width) dropped, as cleaning does."""
    return " ".join(s.replace("\u00ad", "").replace("\u200b", "").split())


def check_map(doc: Document) -> int:
    """Every sentence and token of the cleaned text maps back onto the same words in the raw text."""
    n = 0
    for sent in SimpleAnalyzer().analyse(doc.text):
        s, e = original_span(doc, sent.start, sent.end)
        assert squash(doc.raw_text[s:e]) == squash(sent.text)
        for tok in sent.tokens:
            s, e = original_span(doc, tok.start, tok.end)
            assert squash(doc.raw_text[s:e]) == tok.text
            n += 1
    return n


def test_seed_offsets_map_back() -> None:
    docs = [d for d in read_paths([ROOT / "examples"]) if isinstance(d, Document)]
    assert len(docs) == 2
    for d in docs:
        assert check_map(d) > 300


def test_whitespace_and_furniture_with_offsets() -> None:
    # the opening of examples/seed-000.txt, with Windows line ends, tabs, a soft hyphen and extra blank lines
    raw = (" date 2023-04 Rusland wijst aanbod vredesonderhandelingen af Nieuws • Vandaag • leestijd 2 minuten • "
           "157 keer bekeken • bewaren\r\n\r\n\r\nHet  Kremlin\tziet niets in de start van onder\u00adhandelingen "
           "om de oorlog in Oekraïne te beëindigen.\r\nKIJK. Macron in Peking\r\n\r\nVolgens het Kremlin heeft "
           "het geen zin: „De situatie met Oekraïne is complex”.  \n")
    doc = make_document("t", raw, source="test", body_start=len(" date 2023-04 "), title_from_text=True)
    assert doc.text == ("Rusland wijst aanbod vredesonderhandelingen af\n\nHet Kremlin ziet niets in de start van "
                        "onderhandelingen om de oorlog in Oekraïne te beëindigen.\n\nVolgens het Kremlin heeft het "
                        "geen zin: „De situatie met Oekraïne is complex”.")
    assert doc.title == "Rusland wijst aanbod vredesonderhandelingen af"
    check_map(doc)
    i = doc.text.index("„De situatie")
    s, e = original_span(doc, i, len(doc.text))
    assert doc.raw_text[s:e] == "„De situatie met Oekraïne is complex”."  # quote marks kept as written
    s, e = original_span(doc, 0, doc.text.index(" af") + 3)
    assert doc.raw_text[s:e] == "Rusland wijst aanbod vredesonderhandelingen af"


def test_dpgmedia_articles_map_back() -> None:
    import json

    path = ROOT.parent / "shared" / "benchmarks" / "dpgmedia2019" / "articles.jsonl"
    if not path.exists():
        path = Path("../shared/benchmarks/dpgmedia2019/articles.jsonl")
    with path.open(encoding="utf-8") as f:
        recs = [json.loads(next(f)) for _ in range(40)]
    for r in recs:
        if not r["text"].strip():
            continue
        text, offsets = clean_text(r["text"])
        check_map(Document(id=r["id"], raw_text=r["text"], text=text, offsets=offsets))


def test_language_identification() -> None:
    seed = (ROOT / "examples" / "seed-001.txt").read_text(encoding="utf-8")
    assert identify(seed)[0] == "nl"
    assert identify("The Kremlin said on Wednesday that it welcomed anything that could end the conflict.")[0] == "en"
    assert identify("  12 3 ")[0] is None


def test_furniture_lines_from_real_pages() -> None:
    # caption, credit and byline lines as in ../shared/eval/dev.jsonl (nl-dev-017, nl-dev-029, nl-dev-018, nl-dev-033)
    raw = ("Buitenlandredacteur Eliane Lamper\n\n"
           "Xi Jinping kwam maandagmiddag aan in Moskou.\n\nVolledig scherm Poetin en Xi zijn geen onbekenden van "
           "elkaar. © AFP\n\nHet bezoek duurt drie dagen.\n(ANP /upday)\n\nJoe Biden en collega Volodimir Zelenski "
           "in Kiev. Beeld REUTERS\n")
    text, _ = clean_text(raw)
    assert text == ("Xi Jinping kwam maandagmiddag aan in Moskou.\n\nHet bezoek duurt drie dagen.\n\n"
                    "Joe Biden en collega Volodimir Zelenski in Kiev.")
