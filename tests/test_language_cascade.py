"""The language stage and its cascade: same sentences either way, Frog only where triggers are."""

from __future__ import annotations

import json
from pathlib import Path

from diplograph.extract.pipeline import Pipeline
from diplograph.language.cascade import load_triggers
from diplograph.language.frog import FrogAnalyzer
from diplograph.language.simple import SimpleAnalyzer, tokenize
from diplograph.model import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = (SHARED / "corpus" / "seeds" / "seed-001.txt").read_text(encoding="utf-8")


def first_dpg_articles(n: int) -> list[str]:
    out = []
    with (SHARED / "benchmarks" / "dpgmedia2019" / "articles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            out.append(json.loads(line)["text"])
            if len(out) == n:
                return out
    return out


def run(text: str, **options: object) -> list:
    with Pipeline(["language"], **options) as pipe:
        return pipe.run(Document(id="t", raw_text=text, lang="nl")).sentences


def test_cascade_and_full_parse_give_the_same_sentences(frog: FrogAnalyzer) -> None:
    # a seed article (all about diplomacy) plus a non-political dpgmedia article
    text = SEED + "\n\n" + first_dpg_articles(1)[0]
    full = run(text, analyzer="frog", cascade=False)
    casc = run(text, analyzer="frog", cascade=True)
    simple = run(text, analyzer="simple")
    spans = [(s.index, s.start, s.end, s.text) for s in full]
    assert spans == [(s.index, s.start, s.end, s.text) for s in casc]
    assert spans == [(s.index, s.start, s.end, s.text) for s in simple]
    assert all(s.parsed for s in full)
    assert not any(s.parsed for s in simple)
    parsed = [s for s in casc if s.parsed]
    assert 0 < len(parsed) < len(casc)
    for a, b in zip(full, casc, strict=True):
        for t in b.tokens:
            assert text[t.start:t.end] == t.text
        if b.parsed:  # a parsed sentence is analysed exactly as in the full parse
            assert [(t.text, t.start, t.lemma, t.head, t.ner) for t in a.tokens] == \
                [(t.text, t.start, t.lemma, t.head, t.ner) for t in b.tokens]


def test_cascade_skips_sentences_without_triggers() -> None:
    trig = load_triggers("nl")
    sents = SimpleAnalyzer().analyse(
        # dpgmedia2019: a lifestyle article's sentence (no trigger) ...
        "Stellen bij wie werk en inkomen in evenwicht zijn, zijn vaker tevreden over hun relatie.\n\n"
        # ... seed-001.txt sentences: a speech verb, an actor name, a quotation mark
        "Woordvoerder Dmitri Peskov zei desgevraagd dat Moskou verwelkomt.\n\n"
        "Het was de eerste keer dat de leiders van Peking en Kiev elkaar spraken.\n\n"
        "Iets wat Moskou “absurd” noemt.")
    assert [trig.wants(s) for s in sents] == [False, True, True, True]


def test_actor_names_trigger_without_other_words() -> None:
    trig = load_triggers("nl")
    [s] = SimpleAnalyzer().analyse("Vanmorgen kwam Zelensky in Lviv aan.")
    assert trig.wants(s)
    [s] = SimpleAnalyzer().analyse("Vanmorgen kwam de bakker in het dorp aan.")
    assert not trig.wants(s)


def test_simple_tokenizer_keeps_units() -> None:
    words = [t.text for t in tokenize("De F-16's en ’s avonds zei hij... Echt?! In de V.S. o.a. 1.000 man.")]
    assert words[:5] == ["De", "F-16's", "en", "’s", "avonds"]
    assert "..." in words and "?!" in words and "V.S." in words and "o.a." in words and "1.000" in words
    assert words[-1] == "."


def test_other_languages_keep_the_fast_pass(frog: FrogAnalyzer) -> None:
    with Pipeline(["language"], analyzer="frog", cascade=False) as pipe:
        a = pipe.run(Document(id="e", raw_text="The president said the talks failed.", lang="en"))
    assert a.sentences and not any(s.parsed for s in a.sentences)


def test_names_inside_words_and_lone_apostrophes_trigger() -> None:
    trig = load_triggers("nl")
    # sentences from ../shared/benchmarks/dpgmedia2019/articles.jsonl
    for text in ("Maar Guaidó's toenadering tot de publieke sector ligt zeer gevoelig; het is de enige sector die "
                 "nog komt opdagen op pro-Maduro demonstraties.",
                 "'De kiezers snappen het gewoon niet."):
        [s] = SimpleAnalyzer().analyse(text)
        assert trig.wants(s), text
    [s] = SimpleAnalyzer().analyse("Rinke en Peter hebben een vriend met twee auto's.")
    assert not trig.wants(s)


def test_select_needs_a_trigger_and_an_actor_named_in_or_just_before_the_sentence() -> None:
    trig = load_triggers("nl")
    assert trig.actor_window == 1  # the policy of lang/nl/cascade.yaml
    sents = SimpleAnalyzer().analyse(
        # seed-001.txt: a named speaker, then a pronoun speaker in the next sentence
        "Woordvoerder Dmitri Peskov zei desgevraagd dat Moskou verwelkomt.\n\n"
        "Hij zei ook dat het gesprek nuttig was.\n\n"
        # dpgmedia2019 (dpg2019-10593548): a speech verb with no political actor anywhere near
        "Dat concludeert socioloog Niels Blom in zijn proefschrift, dat hij afgelopen vrijdag verdedigde.\n\n"
        "Hij zei dat de uitkomst hem verraste.")
    chosen = [s.index for s in trig.select(sents)]
    assert chosen == [0, 1]  # the last two have triggers but no actor in reach: no parse
    assert trig.has_word_trigger(sents[1]) and trig.has_word_trigger(sents[3])


def test_a_sentence_leans_on_the_name_before_it_only_through_a_pronoun_or_role() -> None:
    trig = load_triggers("nl")
    seed0 = (SHARED / "corpus" / "seeds" / "seed-000.txt").read_text(encoding="utf-8")
    sents = SimpleAnalyzer().analyse(seed0)
    by_start = {s.text.split()[0] + " " + s.text.split()[1]: s for s in sents}
    they, expert = by_start["Ze roepen"], by_start["Dat wordt"]  # both follow a sentence naming actors
    assert trig.has_name(sents[they.index - 1]) and trig.has_name(sents[expert.index - 1])
    assert not trig.has_name(they) and not trig.has_name(expert)
    assert trig.has_word_trigger(they) and trig.has_word_trigger(expert)
    chosen = {s.index for s in trig.select(sents)}
    assert they.index in chosen  # "Ze roepen ook op ...": China and France, named just before
    assert expert.index not in chosen  # "Dat wordt door experts gezien als ...": nobody to refer to


def test_initials_do_not_end_a_sentence_but_a_final_initialism_may() -> None:
    # dpgmedia2019: dpg2019-10670563, dpg2019-10779003, dpg2019-10804143
    text = ("De degradatie bleek bij de uitvaartplechtigheden voor oud-president George H.W. Bush. Sinds Donald "
            "Trump het Witte Huis bewoont, zijn de verhoudingen met de EU verslechterd. "
            "Het tankopslagbedrijf doet zijn belang in het Estse Vopak E.O.S. van de hand. "
            "Luitenant-generaal b.d. Benny Gantz, ooit door Netanhayu benoemd tot bevelhebber, beloofde het "
            "verdeelde land met 'schone politiek' te herenigen.")
    starts = [s.text.split()[0] for s in SimpleAnalyzer().analyse(text)]
    assert starts == ["De", "Sinds", "Het", "Luitenant-generaal"]
    # a country's initialism before a capital does end the sentence
    [a, b] = SimpleAnalyzer().analyse("Hij was in de V.S. De president sprak.")
    assert a.text.endswith("V.S.") and b.text.startswith("De")


def test_an_acronym_such_as_vs_ends_a_sentence_unlike_the_abbreviation_vs() -> None:
    # dpgmedia2019 dpg2019-10670884: "VS" (Verenigde Staten) is not "vs." (versus)
    text = ("Maar volgens de Venezolaanse regering is Guaidó een 'marionet' van de VS. Maduro gaat er prat op dat "
            "hij de enige rechtmatige president is en beschuldigt de Amerikanen van een poging tot een staatsgreep "
            "in zijn land.")
    first, second = SimpleAnalyzer().analyse(text)
    assert first.text.endswith("van de VS.") and second.text.startswith("Maduro gaat")
    # dpgmedia2019 (a title): a lower-case abbreviation before a name still does not end the sentence
    [one] = SimpleAnalyzer().analyse("'Rampexpert' en neparts dr. Bones moet de cel in")
    assert one.text.endswith("de cel in")
