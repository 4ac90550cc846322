"""Tests of the `quotes` stage on real Dutch news text.

Sources of every sentence are listed in tests/data/quotes/README.md: the founding
articles (../shared/corpus/seeds/), texts of ../shared/eval/dev.jsonl (by id) and
../shared/benchmarks/dpgmedia2019/articles.jsonl (by id).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.extract.pipeline import Pipeline
from diplograph.extract.quote_direct import find_quoted
from diplograph.extract.quote_lexicon import load_lexicon
from diplograph.model import Analysis, Document, Quote

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(["language", "actors", "quotes"])


@pytest.fixture(scope="module")
def bare() -> Pipeline:
    """Tokens only: no actor layer, no parse (every sentence ``parsed=False``)."""
    return Pipeline(["language", "quotes"], analyzer="simple")


def run(pipe: Pipeline, text: str, date: str | None = "2023-04") -> Analysis:
    return pipe.run(Document(id="t", raw_text=text, date=date))


def seed(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def find(a: Analysis, words: str, direct: bool | None = None) -> Quote:
    for q in a.quotes:
        if words in q.text and (direct is None or q.direct == direct):
            return q
    raise AssertionError(f"no quote with {words!r}: {[(q.text, q.speaker) for q in a.quotes]}")


def last(name: str | None) -> str:
    return (name or "").split()[-1]


# ------------------------------------------------------------------ quotation marks


def test_marks_of_every_style_and_apostrophes_in_words() -> None:
    lex = load_lexicon()
    # dpg2019-10726066: 's ochtends must not open a quotation
    text = ("De campagne moet 'op gepaste toon' verder, zo is 's ochtends afgesproken, maar 'de dag na Utrecht' "
            "vervalt men alweer snel in oude patronen.")
    assert [q.text for q in find_quoted(text, lex)] == ["op gepaste toon", "de dag na Utrecht"]
    # dpg2019-10724256: Saoedi's
    text = ("Want van een officiële boycot door Italië van de Saoedi's is toch geen sprake? 'Wij gooien de deur "
            "voor Saoedi-Arabië niet dicht', aldus Sala.")
    assert [q.text for q in find_quoted(text, lex)] == ["Wij gooien de deur voor Saoedi-Arabië niet dicht"]
    # nl-dev-017 (,, ... ”) and seed-000 („ ... ”)
    text = ",,We hebben respect voor uw initiatief en we zullen het samen bespreken”, zei de president tegen Xi."
    assert find_quoted(text, lex)[0].text.startswith("We hebben respect")
    text = "Sybiha voegde er wel aan toe dat Oekraïne „de bevrijding [van de Krim] door ons leger uitsluit”."
    assert find_quoted(text, lex)[0].text == "de bevrijding [van de Krim] door ons leger uitsluit"


def test_quotation_over_two_paragraphs() -> None:
    # nl-dev-041: Umerov's words, laid out as two paragraphs the way outlets continue a quotation
    text = ("\"De bijeenkomst is afgerond. We hebben een staakt-het-vuren en de uitwisseling van gevangenen "
            "besproken.\n\n\"Dit zijn de resultaten van onze bijeenkomst,\" verklaarde hij.")
    quoted = find_quoted(text, load_lexicon())
    assert len(quoted) == 1
    assert quoted[0].text.startswith("De bijeenkomst is afgerond.") and quoted[0].text.endswith("bijeenkomst,")
    assert '"' not in quoted[0].text


# ------------------------------------------------------------------ the founding articles


def test_seed_000_all_direct_quotes_attributed(pipe: Pipeline) -> None:
    a = run(pipe, seed("seed-000.txt"))
    kremlin = find(a, "De situatie met Oekraïne is complex", direct=True)
    assert kremlin.speaker == "Kremlin" and kremlin.actor == "RUS"
    assert kremlin.cue is not None and kremlin.cue.text == "Volgens"
    xi = find(a, "politieke oplossing en een gebalanceerde", direct=True)
    assert xi.speaker.split()[0] == "Xi" and xi.actor == "CHN"
    macron = find(a, "tot rede te brengen", direct=True)
    assert last(macron.speaker) == "Macron" and macron.actor == "FRA"
    sybiha = find(a, "de bevrijding [van de Krim] door ons leger uitsluit", direct=True)
    assert last(sybiha.speaker) == "Sybiha" and sybiha.actor == "UKR"
    # offsets point into the document text
    assert a.doc.text[kremlin.content.start:kremlin.content.end] == kremlin.content.text
    assert all(q.extractor.startswith("quotes@") for q in a.quotes)


def test_seed_000_dat_heeft_x_gezegd_takes_previous_sentence(pipe: Pipeline) -> None:
    a = run(pipe, seed("seed-000.txt"))
    q = find(a, "De regering is bereid met Rusland te gaan onderhandelen", direct=False)
    # "een topadviseur van president Volodymyr Zelensky" speaks for Ukraine but is not Zelensky,
    # and the Financial Times is the channel, never the speaker
    assert q.actor == "UKR" and "Zelensky" not in (q.speaker or "") and "Times" not in (q.speaker or "")


def test_seed_001_quotes_and_scare_quotes(pipe: Pipeline) -> None:
    a = run(pipe, seed("seed-001.txt"))
    peskov = find(a, "alles dat een einde zou kunnen maken aan het conflict", direct=True)
    assert peskov.speaker == "Dmitri Peskov" and peskov.actor == "RUS"
    zel = find(a, "een lang, veelbetekenend en redelijk rationeel gesprek", direct=True)
    assert last(zel.speaker) == "Zelensky" and zel.actor == "UKR"
    headline = find(a, "We blijven praten", direct=True)  # "Zelensky over telefoon met Xi Jinping: ..."
    assert last(headline.speaker) == "Zelensky"
    texts = [q.text for q in a.quotes]
    assert "speciale militaire operatie" not in texts and "demilitarisering" not in texts
    absurd = [q for q in a.quotes if q.text == "absurd"]
    assert all(q.speaker == "Moskou" for q in absurd)


def test_tokens_only_without_actor_layer(bare: Pipeline) -> None:
    a = run(bare, seed("seed-000.txt"))
    assert not any(s.parsed for s in a.sentences)
    assert {last(q.speaker) for q in a.quotes if q.direct} >= {"Kremlin", "Macron", "Sybiha"}
    a = run(bare, seed("seed-001.txt"))
    assert find(a, "alles dat een einde zou kunnen maken", direct=True).speaker == "Dmitri Peskov"


# ------------------------------------------------------------------ constructions


def test_inverted_cue_after_quote_and_pronoun(pipe: Pipeline) -> None:
    # nl-dev-009
    text = ("Het is aan de dertig lidstaten om te besluiten of Oekraïne lid mag worden, maakte Stoltenberg "
            "duidelijk. „Alle democratieën in Europa hebben het recht om een aanvraag in te dienen”, zei hij "
            "verder. „We steunen het recht van Oekraïne om zijn eigen pad te kiezen.”")
    a = run(pipe, text, "2022-09")
    assert find(a, "Alle democratieën in Europa", direct=True).speaker == "Stoltenberg"
    assert find(a, "We steunen het recht van Oekraïne", direct=True).speaker == "Stoltenberg"
    reported = find(a, "aan de dertig lidstaten", direct=False)
    assert reported.speaker == "Stoltenberg" and reported.actor == "NATO"


def test_dat_clause_with_partial_quote(pipe: Pipeline) -> None:
    # nl-dev-001
    text = ("De Franse president Emmanuel Macron heeft zaterdagmiddag telefonisch overleg gevoerd met zijn "
            "Russische ambtgenoot Vladimir Poetin over de spanningen rond Oekraïne. In het ruim anderhalf uur "
            "durende gesprek waarschuwde Macron dat ‘een open dialoog’ onverenigbaar is met een verdere "
            "escalatie van de situatie.")
    a = run(pipe, text, "2022-02")
    d = find(a, "een open dialoog", direct=True)
    i = find(a, "onverenigbaar is met een verdere escalatie", direct=False)
    assert d.speaker == i.speaker == "Emmanuel Macron" and i.actor == "FRA"
    assert i.text.startswith("een open dialoog onverenigbaar") and i.cue.text == "waarschuwde"


def test_volgens_with_apposition(pipe: Pipeline) -> None:
    # nl-dev-001
    text = ("Volgens het Elysée, het kantoor van de Franse president, praatten de twee leiders over mogelijkheden "
            "om de veiligheid en stabiliteit in Europa te vergroten.")
    q = find(run(pipe, text, "2022-02"), "praatten de twee leiders", direct=False)
    assert q.speaker == "Elysée" and q.actor == "FRA" and q.text.startswith("praatten")


def test_subject_with_apposition(pipe: Pipeline) -> None:
    # nl-dev-041
    text = ("Vladimir Medinskiy, hoofd van de Russische delegatie bij de gesprekken met Oekraïne, verklaarde dat "
            "Moskou \"over het algemeen tevreden\" is met de resultaten van de bijeenkomst en dat de contacten "
            "zullen worden voortgezet.")
    a = run(pipe, text, "2025-05")
    assert find(a, "over het algemeen tevreden", direct=True).speaker == "Vladimir Medinskiy"


def test_definite_description_refers_back(pipe: Pipeline) -> None:
    # nl-dev-029
    text = ("NAVO-secretaris-generaal Jens Stoltenberg wil dat Oekraïne binnen tien jaar toetreedt tot de "
            "westerse militaire alliantie. \"Ik hoop heel erg dat Oekraïne een bondgenoot wordt\", zei de Noor "
            "tegen persbureau DPA.")
    q = find(run(pipe, text, "2024-07"), "Ik hoop heel erg", direct=True)
    assert q.speaker == "Jens Stoltenberg" and q.actor == "NATO"


def test_dat_zei_x_with_channel(pipe: Pipeline) -> None:
    # dpg2019-10667923
    text = ("Eurocommissaris Frans Timmermans wordt het nieuwe mikpunt van de campagne van de Hongaarse regering "
            "voor de Europese verkiezingen. Dat zei premier Viktor Orbán dit weekend in de Duitse zondagskrant "
            "Welt am Sonntag.")
    q = find(run(pipe, text, "2019-03"), "het nieuwe mikpunt van de campagne", direct=False)
    assert q.speaker == "Viktor Orbán" and q.actor == "HUN" and q.sentence == 0


def test_aldus_with_apostrophe_word(pipe: Pipeline) -> None:
    # dpg2019-10724256
    text = ("Want van een officiële boycot door Italië van de Saoedi's is toch geen sprake? 'Wij gooien de deur "
            "voor Saoedi-Arabië niet dicht', aldus Sala.")
    q = find(run(pipe, text, "2019-01"), "Wij gooien de deur", direct=True)
    assert q.speaker == "Sala"


def test_scare_quotes_without_speaker_are_not_quotes(pipe: Pipeline) -> None:
    # dpg2019-10726066
    text = ("De campagne moet 'op gepaste toon' verder, zo is 's ochtends afgesproken, maar 'de dag na Utrecht' "
            "vervalt men alweer snel in oude patronen.")
    assert run(pipe, text, "2019-03").quotes == []


def test_unknown_speaker_stays_unknown(pipe: Pipeline) -> None:
    # nl-dev-006: a passive cue names no speaker, so no reported quote is made up
    text = ("Van Oekraïne en Moldavië wordt verwacht dat ze tal van hervormingen doorvoeren vooraleer het licht "
            "op groen wordt gezet voor toetredingsgesprekken.")
    assert [q for q in run(pipe, text, "2022-06").quotes if not q.direct] == []


def test_coordinated_speakers(pipe: Pipeline) -> None:
    # nl-dev-045
    text = ("De Amerikaanse president Joe Biden en zijn Franse ambtgenoot Emmanuel Macron verklaarden maandag dat "
            "zij binnen 36 uur een bestand tussen Israël en Hezbollah bekend kunnen maken.")
    a = run(pipe, text, "2024-11")
    speakers = {(q.speaker, q.actor) for q in a.quotes if "binnen 36 uur" in q.text}
    assert speakers == {("Joe Biden", "USA"), ("Emmanuel Macron", "FRA")}


def test_medium_quoted_in_its_own_words(pipe: Pipeline) -> None:
    # nl-dev-043: a weekly's own words are quoted, so it is the speaker (no actor)
    text = ("‘Alaska is een duidelijk voorbeeld dat staatsgrenzen kunnen veranderen en dat grote gebieden van "
            "eigenaar kunnen wisselen,’ schreef weekblad Moskovsky Komsomolets.")
    q = find(run(pipe, text, "2025-08"), "Alaska is een duidelijk voorbeeld", direct=True)
    assert q.speaker == "Moskovsky Komsomolets" and q.actor is None


def test_byline_above_quotation(bare: Pipeline) -> None:
    # nl-dev-033
    text = ("Buitenlandredacteur Eliane Lamper\n\n\"Qatar heeft zich het afgelopen jaar bereid getoond om te "
            "onderhandelen met delegaties van Hamas en Israël, ook als de onderhandelingsrondes steeds op niets "
            "uitliepen.\"")
    q = find(run(bare, text, "2024-11"), "Qatar heeft zich het afgelopen jaar", direct=True)
    assert q.speaker == "Eliane Lamper"


def test_cue_inside_reported_words_and_fixed_phrases(bare: Pipeline) -> None:
    # nl-dev-001: "zei" inside the Elysée's reported words is not a quote of its own
    text = ("Een woordvoerder van het Elysée liet weten dat op basis van wat Poetin zei er geen indicaties zijn "
            "dat Rusland een aanval voorbereidt.")
    a = run(bare, text, "2022-02")
    assert [(q.speaker, q.direct) for q in a.quotes] == [("woordvoerder van het Elysée", False)]
    # dpg2019-10801199: "Eerlijk gezegd" reports nothing and "Eerlijk" is no speaker
    text = ("Eerlijk gezegd had Kevin al eerder ingrijpen van de minister verwacht: wat mensen aan huishoudelijke "
            "hulp krijgen is een 'politieke keuze', zegt hij.")
    assert all(q.speaker != "Eerlijk" for q in run(bare, text, "2019-06").quotes)


# ------------------------------------------------------------------ round 2: unseen 2019 news


def test_old_style_marks_compound_roles_and_running_speaker(bare: Pipeline) -> None:
    # dpg2019-10740965: ,, ... '' quotations; "politiechef" is a role noun; the third quotation stays his
    text = (",,We willen allemaal weten hoe dit heeft kunnen gebeuren'', zei topman Torstein Hagen van Viking "
            "Cruises. Hij erkent dat het veel erger had kunnen aflopen. ,,Het schip was al bijna aan de grond "
            "gelopen, voordat ze een van de motoren konden herstarten'', zei politiechef Hans Vik. ,,Als dat was "
            "gebeurd, zouden we een grote ramp hebben meegemaakt.''")
    a = run(bare, text, "2019-03")
    assert find(a, "We willen allemaal weten", direct=True).speaker == "Torstein Hagen"
    assert find(a, "Het schip was al bijna", direct=True).speaker == "Hans Vik"
    assert find(a, "zouden we een grote ramp", direct=True).speaker == "Hans Vik"


def test_describing_noun_before_a_full_name(bare: Pipeline) -> None:
    # dpg2019-10751501: "landbouwer" is no listed role, but it describes the name after it
    text = ("Glyfosaat is al sinds 1977 op de markt. ,,Als we geen glyfosaat mogen gebruiken, wordt het veel "
            "moeilijker om een voldoende grote oogst van het veld te halen'', zegt landbouwer Diny Oomen uit "
            "Raamsdonk.")
    assert find(run(bare, text, "2019-03"), "Als we geen glyfosaat", direct=True).speaker == "Diny Oomen"


def test_volgens_mid_sentence_with_two_sources(bare: Pipeline) -> None:
    # dpg2019-10648032: the words without "volgens X en Y"; the clause before "blijkt" is part of them
    text = ("Dat er desondanks nog steeds een dreiging is van een aanslag in Nederland blijkt volgens de NCTV en "
            "inlichtingendienst AIVD onder meer uit het oprollen, in september, van de 'Arnhem-groep'.")
    q = find(run(bare, text, "2019-03"), "nog steeds een dreiging", direct=False)
    assert "volgens" not in q.text and "AIVD" not in q.text and q.text.endswith("Arnhem-groep")


def test_run_in_subheading_is_no_part_of_the_words(bare: Pipeline) -> None:
    # dpg2019-10747044: the subheading "Samenhang" ran into the sentence; the direct quotation after the
    # reported sentence is the same speaker's
    text = ("Samenhang Waar deze samenwerking rond deze 40 onderzoeken uiteindelijk toe leidt, moet volgens "
            "politiechef Arjan Derksen nog blijken. \"We zijn nu alles op een rij aan het zetten. Daaruit moet "
            "blijken of er bijvoorbeeld sprake is van criminele netwerken.\"")
    a = run(bare, text, "2019-03")
    q = find(a, "uiteindelijk toe leidt", direct=False)
    assert q.speaker == "Arjan Derksen" and q.text.startswith("Waar deze") and "volgens" not in q.text
    assert find(a, "We zijn nu alles op een rij", direct=True).speaker == "Arjan Derksen"


def test_zien_als_attributes_a_quoted_characterisation(bare: Pipeline) -> None:
    # dpg2019-10800768: "X ziet Y als '...'" gives the quoted words to X, the subject
    text = ("Dat Shell niet verschijnt, vindt PvdA-Kamerlid Henk Nijboer 'ongekend'. Hij ziet het belastingregime "
            "van multinationals als 'een belangrijk maatschappelijk onderwerp en dan hoort een bedrijf te komen'.")
    q = find(run(bare, text, "2019-04"), "een belangrijk maatschappelijk onderwerp", direct=True)
    assert last(q.speaker) == "Nijboer"


def test_voor_x_before_quoted_words(bare: Pipeline) -> None:
    # nl-dev-014: "Voor X '...'" attributes the quoted words, and makes no reported quote of its own
    text = ("Voor Stoltenberg “is de tijd aangebroken” om de twee Noord-Europese landen toe te laten. “Zowel "
            "Finland als Zweden hebben gedaan wat ze afgelopen juni in Madrid hadden beloofd”, benadrukte de "
            "NAVO-topman.")
    a = run(bare, text, "2022-11")
    assert find(a, "is de tijd aangebroken", direct=True).speaker == "Stoltenberg"
    assert [q for q in a.quotes if not q.direct] == []


def test_a_government_speaks_as_a_body(pipe: Pipeline) -> None:
    # dpg2019-10778787: "de Poolse regering" is the speaker, not a person named nearby
    text = ("De Poolse regering van de rechts-populistische PiS bijt zich vanuit strategische overwegingen vast in "
            "een herontdekte vijand. Nu vormen lhbti'ers volgens de Poolse regering de grootste bedreiging.")
    q = find(run(pipe, text, "2019-04"), "de grootste bedreiging", direct=False)
    assert q.speaker == "Poolse regering" and q.text.startswith("Nu vormen") and "volgens" not in q.text


def test_zo_zei_x_with_a_colon_points_ahead(bare: Pipeline) -> None:
    # dpg2019-10749353: "Zo zei Moon over Kim: '...'" introduces the quotation after it
    text = ("Het stuk 'grensde aan hoogverraad', aldus de partijwoordvoerder, waarna de auteur met naam en toenaam "
            "op internet werd gezet. Zo zei Moon over Kim: 'Ik ken hem als jong, erg openhartig en beleefd, iemand "
            "die de ouderen met respect behandelt.'")
    assert find(run(bare, text, "2019-03"), "Ik ken hem als jong", direct=True).speaker == "Moon"


def test_volgens_after_a_demonstrative_die(bare: Pipeline) -> None:
    # dpg2019-10750668: "maar die zal er volgens Koolmees ..." ("die" is no relative pronoun here)
    text = ("Nederland heeft weliswaar de mogelijkheid om een 'noodremprocedure' te starten, maar die zal er "
            "volgens Koolmees slechts toe leiden dat de kwestie op het bordje van minister-president Mark Rutte "
            "en collega-regeringsleiders komt.")
    q = find(run(bare, text, "2019-03"), "slechts toe leiden", direct=False)
    assert q.speaker == "Koolmees" and "volgens" not in q.text


def test_first_name_ending_like_a_nationality(bare: Pipeline) -> None:
    # dpg2019-10730572: "Jesse" is a first name, not an adjective like "Franse"
    text = ("Ja, er is winst. De verkiezingen waren volgens GroenLinks-leider Jesse Klaver een duel tussen zijn "
            "partij en Forum voor Democratie.")
    q = find(run(bare, text, "2019-03"), "een duel tussen zijn partij", direct=False)
    assert q.speaker == "Jesse Klaver" and q.text.startswith("De verkiezingen waren een duel")


def test_volgens_after_a_subheading_with_an_apposition(bare: Pipeline) -> None:
    # dpg2019-10681871: the subheading "Voor het eerst" and the apposition about the speaker are no part
    # of the words
    text = ("Voor het eerst Volgens de Nederlandse advocaat Bondine Kloostra, die de zaken voor de Groene "
            "Europarlementariërs bij het Hof behandelde, is nu voor het eerst bepaald dat studies over emissies "
            "van stoffen zoals glyfosaat openbaar behoren te zijn.")
    q = find(run(bare, text, "2019-03"), "is nu voor het eerst bepaald", direct=False)
    assert q.speaker == "Bondine Kloostra" and q.text.startswith("is nu")


def test_preposition_before_a_reported_clause(bare: Pipeline) -> None:
    # dpg2019-10740499: "Tijdens ..." opens a phrase, not a clause of time, so the words are reported
    text = ("Tijdens zijn mbo-opleiding it-beheer zeiden docenten al: je hebt na je opleiding zó een baan, vertelt "
            "Donovan Schot (24). Dat bleek niet gelogen. Volgens hem een bewijs dat het een 'hip en modern bedrijf "
            "is.'")
    a = run(bare, text, "2019-03")
    assert find(a, "hip en modern bedrijf", direct=True).speaker == "Donovan Schot"


def test_a_law_is_no_speaker(bare: Pipeline) -> None:
    # dpg2019-10777621: "volgens Nigeriaans recht" names a law, not a speaker
    text = ("Dieven boren gaten in de pijpleidingen om olie te stelen die vervolgens wordt verkocht. Schade waarvoor "
            "Shell niet verantwoordelijk is en die het niet mág vergoeden, volgens Nigeriaans recht.")
    assert [q.speaker for q in run(bare, text, "2019-04").quotes] == []


# ------------------------------------------------------------------ heldout2 gaps (eval/heldout2.jsonl, by id)

BARNIER = (
    "De Europese Unie kijkt met geduld en scepsis uit naar eerste klasse-post uit 10 Downing Street. Tijdens een "
    "persconferentie maakte EU-onderhandelaar Michel Barnier bekend elk voorstel met zorg te zullen bestuderen. 'De "
    "vraag die voorligt is: uitstel waarvoor? Met welk nut? Er moet een concreet plan liggen voor een nieuw "
    "politiek proces zodat de kans toeneemt dat het Brexit-akkoord wel wordt ondertekend.' Aangenomen wordt dat "
    "Brussel bij een lang uitstel een nieuw referendum of een zachtere Brexit als voorwaarde zal stellen. Na overleg "
    "met de ministers van Europese Zaken van de lidstaten waarschuwde de Fransman dat een No Deal nog steeds tot de "
    "mogelijkheden behoort. 'Het Lagerhuis stemde tegen een No Deal en tegen het Brexit-akkoord. Maar ergens tegen "
    "stemmen is geen garantie dat het niet gebeurt.' De Europese grootmachten Duitsland en Frankrijk slaan een wat "
    "andere toon aan. Bondskanselier Angela Merkel verklaarde dat ze tot op het laatste moment wil vechten voor een "
    "ordentelijke Brexit. Voor Berlijn staan er grote economische belangen op het spel. Vanuit Parijs liet Emmanuel "
    "Macron weten bereid te zijn om zijn veto uit te spreken over een niet onderbouwd uitstelverzoek uit Londen. "
    "Franse irritatie over de Britse weifelachtigheid bleek ook uit het bericht dat de Franse minister van Europese "
    "Zaken Nathalie Loiseau haar kat 'Brexit' heeft genoemd. 'Hij miauwt dat hij naar buiten wil, maar als je de "
    "deur opent blijft hij zitten.'"
)


def test_bekendmaken_with_a_te_infinitive(pipe: Pipeline) -> None:
    # dpg2019-10726005 (heldout2): "maakte X bekend ... te zullen bestuderen" reports X's words
    q = find(run(pipe, BARNIER, "2019-03"), "elk voorstel met zorg te zullen bestuderen", direct=False)
    assert q.speaker == "Michel Barnier" and q.text == "elk voorstel met zorg te zullen bestuderen"


def test_nationality_noun_refers_to_the_person_of_that_nationality(pipe: Pipeline) -> None:
    # dpg2019-10726005 (heldout2): "de Fransman" is Barnier (French, negotiating for the EU), named before;
    # Macron, named later, is not the antecedent
    a = run(pipe, BARNIER, "2019-03")
    assert last(find(a, "een No Deal nog steeds", direct=False).speaker) == "Barnier"
    q = find(a, "Het Lagerhuis stemde tegen", direct=True)
    assert last(q.speaker) == "Barnier" and q.actor == "EU"


def test_a_name_given_in_quotes_is_no_quote_and_the_next_quote_is_the_new_persons(pipe: Pipeline) -> None:
    # dpg2019-10726005 (heldout2): the cat's name 'Brexit' is not Macron's words; the quotation after the
    # sentence that names Loiseau is hers
    a = run(pipe, BARNIER, "2019-03")
    assert not [q for q in a.quotes if q.text == "Brexit"]
    assert find(a, "Hij miauwt", direct=True).speaker == "Nathalie Loiseau"


def test_pronoun_after_a_person_introduced_by_role_alone(pipe: Pipeline) -> None:
    # dpg2019-10670563 (heldout2): "Hij" is the ambassador of the sentence before, not Trump named earlier
    text = (
        "Sinds Donald Trump het Witte Huis bewoont, zijn de verhoudingen met de EU verslechterd. Hij noemde de EU "
        "zelfs een 'vijand', op handelsgebied 'erger dan China'. De diplomatieke straf werd nimmer toegelicht. "
        "Gisteren verspreidde de Amerikaanse ambassadeur bij de EU een verklaring die bijkans geparfumeerd was, zo "
        "lovend was hij over de EU. Hij noemde de EU 'een unieke, belangrijke organisatie, en een van Amerika's "
        "meest gewaardeerde partners bij het verzekeren van wereldwijde veiligheid en welvaart'. Ook nu geen woord "
        "over de reden van de eerdere maatregel."
    )
    a = run(pipe, text, "2019-03")
    q = find(a, "een unieke, belangrijke organisatie", direct=True)
    assert q.speaker == "ambassadeur" and q.actor == "USA"
    assert last(find(a, "vijand", direct=True).speaker) == "Trump"


def test_quotation_after_a_sentence_about_a_new_person(pipe: Pipeline) -> None:
    # dpg2019-10747709: the lawyer named in the sentence before speaks, not Trump quoted earlier
    text = (
        "Tijdens een ontmoeting in het Witte Huis met de Israëlische premier Netanyahu zei Trump dat het onderzoek "
        "er was gekomen 'doordat een heleboel mensen slechte dingen hebben gedaan, kwade zaken, ik zou zelfs zeggen "
        "daden van verraad tegen ons land. En naar die mensen gaan we zeker kijken.' Zijn advocaat Rudy Giuliani "
        "suggereerde dat iemand met valse voorwendselen de FBI zover kreeg zich in eventuele samenspanning van de "
        "Trump-campagne met de Russen te verdiepen. \"Ik wil weten wie het deed. Wie betaalde er voor? Wie "
        "wakkerde het vuurtje aan?\""
    )
    assert find(run(pipe, text, "2019-03"), "Ik wil weten wie het deed", direct=True).speaker == "Rudy Giuliani"


def test_te_infinitive_in_another_clause_reports_nothing(bare: Pipeline) -> None:
    # dpg2019-10684788: "wat ... te zien is" is a relative clause; dpg2019-10593552: in "toen het bekendmaakte
    # het medicijn CDCA ... na te gaan maken" the phrase after the verb is its object, not its speaker
    a = run(bare, "Forbes bevestigt nu wat online al lang te zien is.", "2019-03")
    assert [q.text for q in a.quotes] == []
    text = ("Het AUMC kwam vorige zomer groot in het nieuws toen het bekendmaakte het medicijn CDCA in de eigen "
            "apotheek na te gaan maken.")
    assert [q.speaker for q in run(bare, text, "2019-03").quotes] == []
    # dpg2019-10753307: a demonstrative "die" before "te" is no clause word
    q = find(run(bare, "Partijleider Thierry Baudet zei die klacht wel te begrijpen.", "2019-03"), "klacht")
    assert q.speaker == "Thierry Baudet" and not q.direct


def test_quotation_after_a_colon_is_the_subjects(pipe: Pipeline) -> None:
    # dpg2019-10801749 (heldout2 dpg2019-10801749-b): no speech verb, but the quotation closes Trump's clause
    text = ("Definitief is de lijst nog niet. De Amerikaanse president Trump liet er via Twitter geen twijfel over "
            "bestaan: \"De Europes Unie heeft jarenlang geprofiteerd van de Verenigde Staten op het gebied van "
            "handel. Daar komt binnenkort een einde aan!\"")
    q = find(run(pipe, text, "2019-04"), "jarenlang geprofiteerd", direct=True)
    assert last(q.speaker) == "Trump" and q.actor == "USA"


def test_quotation_goes_on_in_the_words_of_a_speaker_named_again(pipe: Pipeline) -> None:
    # dpg2019-10776700 (heldout2): the AIVD, quoted before and named again just before, speaks
    text = (
        "De AIVD stelt in het jaarverslag dat digitale aanvallen door andere landen agressiever zijn en de herkomst "
        "moeilijker te achterhalen is. ,,Zij verschaffen zichzelf diepgravend en structureel toegang tot belangrijke "
        "informatie of vitale systemen binnen Nederland.'' De cyberaanvallen komen uit landen als Rusland "
        "('agressief') en China ('assertief'). De Chinezen doen vooral aan economische spionage. Daarom is de AIVD "
        "tegen het betrekken van een Chinees bedrijf bij C2000, het communicatiesysteem van onder meer de politie, "
        "en het 5G-netwerk. ,,De AIVD vindt het onwenselijk dat Nederland voor de uitwisseling van gevoelige "
        "informatie of vitale processen afhankelijk is van bedrijven uit landen waarvan is vastgesteld dat ze een "
        "offensief cyberprogramma tegen Nederlandse belangen voeren.''"
    )
    q = find(run(pipe, text, "2019-04"), "De AIVD vindt het onwenselijk", direct=True)
    assert q.speaker == "AIVD" and q.actor == "NLD"


def test_attribution_cut_off_by_an_exclamation_mark(bare: Pipeline) -> None:
    # dpg2019-10753591: the sentence splitter ends the sentence after '!"'; the cue follows in lower case
    text = ("Privacy-belangengroepen zijn minder enthousiast. ,,Auteursrecht is belangrijk, maar het mag niet ten "
            "koste gaan van ons vrije internet!\" twitterde VVD-Europarlementariër Caroline Nagtegaal.")
    q = find(run(bare, text, "2019-03"), "Auteursrecht is belangrijk", direct=True)
    assert q.speaker == "Caroline Nagtegaal"


def test_a_person_in_a_fronted_clause_does_not_take_over(bare: Pipeline) -> None:
    # dpg2019-10740614: "Dat Ciran failliet ging, ..." is about Ciran; Hoogma goes on speaking
    text = ("Tot Rob Hoogma zich bij de curator meldt. Hij wil de methode overnemen. In het pakket van Siza ontbreekt "
            "iets, vindt hij: ,,Zorg die ingaat op meer kwaliteit van leven en zingeving, vooral voor mensen die "
            "kampen met chronische klachten in combinatie met ernstige beperkingen.\" Dat vindt hij bij Ciran. "
            "Hoogma zegt geen belangstelling te hebben voor het bedrijf, maar alleen voor de methode. Die deugde. "
            "Dat Ciran failliet ging, had naar zijn idee te maken met de uitvoering. ,,Het computersysteem van "
            "Ciran was door bepaalde mensen zo afgesteld dat het veel te hoge indicaties afgaf. Wij hebben dat "
            "systeem opgeschoond.''")
    assert last(find(run(bare, text, "2019-03"), "Het computersysteem", direct=True).speaker) == "Hoogma"


def test_a_person_in_an_embedded_clause_does_not_take_over(pipe: Pipeline) -> None:
    # dpg2019-10772697 (from "Ece Temelkuran neemt geen blad ..."): Erdogan is in "hoe ..." after "ze"; the
    # journalist goes on speaking
    text = (
        "Turkije is het schoolvoorbeeld van het succes van populisten, zegt de Turkse journaliste Ece Temelkuran. "
        "Ece Temelkuran neemt geen blad voor de mond; niet in haar nieuwe boek Verloren Land, niet in interviews en "
        "niet in publieke debatten. De journaliste (1973) is een van de belangrijkste critici van de Turkse president "
        "Recep Tayyip Erdogan. Ze noemt zichzelf een getuige van de 'geleidelijke politieke en morele ondergang' van "
        "haar land. ,,Turkije'', zo zegt ze, ,,is de perfecte case study voor het opkomend populisme.'' In Verloren "
        "Land citeert ze een gedicht dat Erdogan in 1997 voordroeg: 'De minaretten zijn onze bajonetten/De koepels "
        "onze helmen/De moskeeën onze kazernes/En de gelovigen onze soldaten'. Hij kreeg hiervoor in 1998 vier "
        "maanden cel, maar deze regels markeren wel het begin van zijn onstuitbare opmars. In haar boek probeert ze "
        "aan te geven hoe Erdogan de macht greep en wat andere landen daarvan kunnen leren. ,,Herken de terugkerende "
        "patronen van het populisme, zodat je er beter op voorbereid bent dan wij in Turkije.''"
    )
    q = find(run(pipe, text, "2019-04"), "Herken de terugkerende patronen", direct=True)
    assert q.speaker == "Ece Temelkuran"


def test_role_with_a_portfolio_before_the_name(pipe: Pipeline) -> None:
    # dpg2019-10791653: "verzuchtte EU-commissaris voor uitbreiding Johannes Hahn"; "Hij vreest" is Hahn too
    text = (
        "Milieu-eisen stelt het land nauwelijks, met Chinese steun worden bijvoorbeeld kolencentrales gebouwd. "
        "\"Misschien hebben we de rol van Rusland overschat en die van China onderschat\", verzuchtte EU-commissaris "
        "voor uitbreiding Johannes Hahn onlangs tegen de Financial Times. Hij vreest dat sommige landen de grote "
        "leningen niet aan China kunnen terugbetalen en dat ze daarom bedrijven en projecten aan de Chinezen zullen "
        "moeten overdragen."
    )
    a = run(pipe, text, "2019-04")
    assert find(a, "Misschien hebben we de rol", direct=True).speaker == "Johannes Hahn"
    assert find(a, "sommige landen de grote leningen", direct=False).speaker == "Johannes Hahn"
    # dpg2019-10730572: "volgens lijsttrekker voor de Eerste Kamer Paul Rosenmöller"
    text = ("Maar volgens lijsttrekker voor de Eerste Kamer Paul Rosenmöller kan Rutte III niet om GroenLinks heen. "
            ",,De coalitie is zijn meerderheid in de Eerste Kamer kwijt.''")
    q = find(run(pipe, text, "2019-03"), "kan Rutte III niet om GroenLinks heen", direct=False)
    assert q.speaker == "Paul Rosenmöller" and q.text.startswith("kan Rutte III")


def test_te_infinitive_after_a_fronted_prepositional_phrase(pipe: Pipeline) -> None:
    # dpg2019-10777849: "Tijdens" opens a phrase, not a clause, so the phrase after the verb is its subject
    text = ("De voormalig openbaar aanklager heeft nog niet eerder een publieke functie bekleed. Tijdens haar campagne "
            "beloofde Lightfoot plechtig het politieapparaat te veranderen.")
    q = find(run(pipe, text, "2019-04"), "het politieapparaat te veranderen", direct=False)
    assert last(q.speaker) == "Lightfoot"


def test_a_country_described_speaks_as_the_state_named_before(pipe: Pipeline) -> None:
    # dpg2019-10791653 (heldout2 dpg2019-10791653-b): "Het Balkanland" is Servië, not China (after "van", and
    # named in the words themselves)
    text = ("Met de bouw van de betonnen oeververbinding van 1,5 kilometer lang en 30 meter breed, was de eerste grote "
            "Chinese investering in Europese infrastructuur een feit. Servië was geen toevallige keuze van China. Het "
            "Balkanland claimt al lang China's beste vriend in Europa te zijn.")
    q = find(run(pipe, text, "2019-04"), "beste vriend in Europa te zijn", direct=False)
    assert q.speaker == "Servië" and q.actor == "SRB"


def test_reciprocal_naming_has_no_single_speaker(pipe: Pipeline) -> None:
    # dpg2019-10649080 (heldout2 dpg2019-10649080-b): each of the two men said one of the names
    text = ("Donald Trump en Kim Jong-un bouwden een innige relatie op dankzij een briefwisseling. Wie had ooit "
            "gedacht dat de mannen die elkaar tot voor kort 'kleine raketman' en 'mentaal gestoorde Amerikaanse "
            "sufferd' noemden, hun warme gevoelens over en weer in brieven zouden delen?")
    a = run(pipe, text, "2019-02")
    assert not [q for q in a.quotes if q.text in ("kleine raketman", "mentaal gestoorde Amerikaanse sufferd")]


# ------------------------------------------------------------------ language knowledge lives in quotes.yaml


def _code_strings(path: Path) -> list[tuple[int, str]]:
    """The string constants of a module's code (docstrings left out), with their line numbers."""
    import ast

    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {id(n.body[0].value) for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef)) and n.body
            and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docs]


def test_quote_code_holds_no_dutch_words() -> None:
    """The design rule of docs/adding-a-language.md: the words of quotes.yaml (function words, cue verbs,
    roles) are read from the lexicon, never written into the code of the quotes stage."""
    lex = load_lexicon()
    words: set[str] = set(lex.by_form)
    for value in vars(lex).values():
        if isinstance(value, (set, frozenset)):
            words |= {w for w in value if w.isalpha() and len(w) > 1}
    src = Path(__file__).resolve().parents[1] / "src" / "diplograph" / "extract"
    found = [(f, line, s) for f in ("quotes.py", "speakers.py", "quote_cues.py", "quote_direct.py")
             for line, s in _code_strings(src / f) if s.lower() in words]
    assert not found, found
