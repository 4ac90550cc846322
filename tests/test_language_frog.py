"""The Frog analyzer on real text (one Frog server for the session: the `frog` fixture)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diplograph.language import get_analyzer
from diplograph.language.frog import FrogAnalyzer
from diplograph.model import Sentence

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "seeds"
# seed-001.txt, second sentence of the first paragraph.
pytestmark = pytest.mark.frog

PESKOV = ('Woordvoerder Dmitri Peskov zei desgevraagd dat Moskou "alles dat een einde zou kunnen maken aan het '
          'conflict in Oekraïne" verwelkomt.')


def check_offsets(text: str, sentences: list[Sentence]) -> None:
    for s in sentences:
        assert text[s.start:s.end] == s.text
        for t in s.tokens:
            assert text[t.start:t.end] == t.text
            assert s.start <= t.start < t.end <= s.end
            assert -1 <= t.head < len(s.tokens)
        assert [t.i for t in s.tokens] == list(range(len(s.tokens)))


def tokens_by_text(sentence: Sentence) -> dict[str, object]:
    return {t.text: t for t in sentence.tokens}


def test_seed_sentence_lemmas_tags_entities_and_heads(frog: FrogAnalyzer) -> None:
    [s] = frog.analyse(PESKOV)
    check_offsets(PESKOV, [s])
    assert s.parsed
    tok = tokens_by_text(s)
    assert tok["zei"].lemma == "zeggen" and tok["zei"].pos == "WW" and tok["zei"].tag.startswith("WW(pv,verl")
    assert tok["verwelkomt"].lemma == "verwelkomen"
    assert tok["Peskov"].ner in ("B-PER", "I-PER") and tok["Dmitri"].ner == "B-PER"
    assert tok["Moskou"].ner.endswith("LOC")
    assert tok["Woordvoerder"].pos == "N" and tok["dat"].pos == "VG"
    roots = [t for t in s.tokens if t.head == -1]
    assert roots and all(t.rel for t in s.tokens if t.head != -1)
    # the subject of "zei" is the spokesman
    zei = s.tokens.index(tok["zei"])
    assert any(t.head == zei and t.rel == "su" for t in s.tokens)


def test_multiword_units_map_back_to_their_words(frog: FrogAnalyzer) -> None:
    # seed-001.txt, first sentence
    text = ("Het Kremlin staat niet negatief tegenover het telefoongesprek dat de Chinese en Oekraïense presidenten "
            "Xi Jinping en Volodymyr Zelensky woensdag hielden .")
    [s] = frog.analyse(text)
    check_offsets(text, [s])
    tok = tokens_by_text(s)
    for first, last in (("Xi", "Jinping"), ("Volodymyr", "Zelensky")):
        a, b = tok[first], tok[last]
        assert text[a.start:b.end] == f"{first} {last}"
        assert a.ner == "B-PER" and b.ner == "I-PER"
        assert b.i == a.i + 1


def test_quotes_ellipses_and_paragraphs(frog: FrogAnalyzer) -> None:
    # seed-000.txt (a sentence with „...” and [...]), then typographic quotes, an ellipsis and paragraphs
    text = ("Sybiha voegde er wel aan toe dat zijn uitspraak niet betekent dat Oekraïne „de bevrijding [van de Krim] "
            "door ons leger uitsluit”.\n\nZelensky sprak achteraf van “een lang, veelbetekenend en redelijk rationeel "
            "gesprek”… Iets wat Moskou ‘absurd’ noemt...\n\nKIJK. Zelensky over telefoon met Xi Jinping: "
            "“We blijven praten”\n\nRusland zwijgt")
    sents = frog.analyse(text)
    check_offsets(text, sents)
    assert all(s.parsed for s in sents)
    # a paragraph break always ends a sentence, even without a full stop
    assert sents[-1].text == "Rusland zwijgt"
    assert any(s.text.endswith("“We blijven praten”") for s in sents)
    assert [s.index for s in sents] == list(range(len(sents)))
    words = [t.text for s in sents for t in s.tokens]
    assert "„" in words and "”" in words and "…" in words
    assert tokens_by_text(sents[0])["uitsluit"].lemma == "uitsluiten"


def test_odd_characters_keep_offsets(frog: FrogAnalyzer) -> None:
    text = "De F-16\u200b's en 1.000 man_kracht in ’s-Hertogenbosch zei\u00a0hij\tgisteren… 50% ok?! «Ja»"
    sents = frog.analyse(text)
    check_offsets(text, sents)
    assert all(s.parsed for s in sents)


def test_seed_article_offsets(frog: FrogAnalyzer) -> None:
    text = (SEEDS / "seed-001.txt").read_text(encoding="utf-8")
    sents = frog.analyse(text)
    check_offsets(text, sents)
    assert len(sents) > 10 and all(s.parsed for s in sents)


def test_restart_after_the_server_dies(frog: FrogAnalyzer) -> None:
    before = frog.restarts
    assert frog.server.proc is not None
    frog.server.proc.kill()
    frog.server.proc.wait()
    [s] = frog.analyse(PESKOV)
    assert s.parsed and tokens_by_text(s)["zei"].lemma == "zeggen"
    assert frog.restarts == before + 1


def test_get_analyzer_is_shared(frog: FrogAnalyzer) -> None:
    assert get_analyzer("frog") is frog
    assert get_analyzer("simple") is get_analyzer("simple")


def test_restart_leaves_no_connection_process(frog: FrogAnalyzer) -> None:
    old = set(frog.server.connections)
    assert old, "the connection process is known"
    assert frog.server.proc is not None
    frog.server.proc.kill()
    frog.server.proc.wait()
    frog.analyse("Rusland en Oekraïne praten weer.")
    for pid in old:
        assert not Path(f"/proc/{pid}").exists() or b"frog" not in Path(f"/proc/{pid}/cmdline").read_bytes()


def test_a_forked_child_leaves_the_server_alone(frog: FrogAnalyzer) -> None:
    frog.analyse("Eerst een zin.")
    before = frog.restarts
    pid = os.fork()
    if pid == 0:  # the child closes its inherited copy, as atexit would
        frog.close()
        os._exit(0)
    os.waitpid(pid, 0)
    assert frog.server.alive()
    [s] = frog.analyse("Rusland en Oekraïne praten weer.")
    assert s.parsed and frog.restarts == before
