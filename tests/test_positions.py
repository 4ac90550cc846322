"""The `positions` stage on real Dutch sentences (full default pipeline, simple analyzer).

Sources: ../shared/corpus/seeds/seed-000.txt and seed-001.txt (the founding articles),
../shared/benchmarks/dpgmedia2019/articles.jsonl and the texts of ../shared/eval/dev.jsonl;
a few sentences are shortened or have the actor named where the article used a pronoun.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.extract.holders import M, groups
from diplograph.extract.pipeline import Pipeline
from diplograph.extract.stance import load_lexicon
from diplograph.model import Document


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    with Pipeline() as p:
        yield p


def positions(pipe: Pipeline, text: str) -> set[tuple[str, str, str]]:
    a = pipe.run(Document(id="t", raw_text=text, date="2023-04-06", lang="nl"))
    for p in a.positions:
        assert p.extractor.startswith("positions@")
        assert a.doc.text[p.evidence.start:p.evidence.end] == p.evidence.text
        assert p.date  # the date of the sentence's event, else the publication date
    return {(p.holder, p.issue, p.stance) for p in a.positions}


def test_refusal_of_talks_is_peace_talks_oppose(pipe: Pipeline) -> None:
    # seed-000
    got = positions(pipe, "Het Kremlin ziet niets in de start van onderhandelingen om de oorlog in Oekraïne "
                          "te beëindigen.")
    assert ("RUS", "peace_talks", "oppose") in got


def test_nuclear_use_oppose_for_both_holders(pipe: Pipeline) -> None:
    # seed-000 (first sentence shortened from the article's lead)
    got = positions(pipe, "De Chinese president Xi Jinping en de Franse president Emmanuel Macron spraken in Peking. "
                          "De twee landen verzetten zich ook met klem tegen het gebruik van kernwapens "
                          "in het conflict.")
    assert {("CHN", "nuclear_use", "oppose"), ("FRA", "nuclear_use", "oppose")} <= got


def test_support_and_oppose_in_two_clauses(pipe: Pipeline) -> None:
    # seed-001
    got = positions(pipe, "Rusland is naar eigen zeggen enthousiast over vredesonderhandelingen, maar voor Oekraïne "
                          "zijn zulke gesprekken op dit moment onacceptabel.")
    assert ("RUS", "peace_talks", "support") in got
    assert ("UKR", "peace_talks", "oppose") in got
    assert ("RUS", "peace_talks", "oppose") not in got


def test_condition_in_the_texts_words(pipe: Pipeline) -> None:
    # seed-000 ("De regering" named as "De Oekraïense regering")
    a = pipe.run(Document(id="t", raw_text=(
        "De Oekraïense regering is bereid met Rusland te gaan onderhandelen over de Krim als de Oekraïense "
        "strijdkrachten de bestuurlijke grenzen van het door Rusland bezette schiereiland hebben bereikt."),
        date="2023-04", lang="nl"))
    cond = [p for p in a.positions if p.stance == "conditional"]
    assert [(p.holder, p.issue) for p in cond] == [("UKR", "peace_talks")]
    assert cond[0].condition.startswith("als de Oekraïense strijdkrachten")
    assert cond[0].condition.endswith("hebben bereikt")
    assert not any(p.holder == "RUS" for p in a.positions)


def test_precondition_demand_is_supported(pipe: Pipeline) -> None:
    # seed-001
    a = pipe.run(Document(id="t", raw_text=(
        "Zelensky legde eerder een eigen plan op tafel dat als absolute basisvoorwaarde voor het begin van "
        "vredesgesprekken bepaalt dat Rusland eerst zijn troepen volledig uit Oekraïne moet terugtrekken."),
        date="2023-04", lang="nl"))
    got = {(p.holder, p.issue, p.stance): p for p in a.positions}
    assert ("UKR", "troop_withdrawal", "support") in got
    assert ("UKR", "peace_talks", "conditional") in got
    assert got[("UKR", "peace_talks", "conditional")].condition.startswith("dat Rusland eerst zijn troepen")
    assert not any(h == "RUS" for h, _, _ in got)


def test_negation_niet_bereid(pipe: Pipeline) -> None:
    # built on nl-dev-025 ("Nederland wil ... gevechtsvliegtuigen leveren aan Oekraïne"), negated
    assert ("NLD", "military_aid", "oppose") in positions(
        pipe, "Nederland is niet bereid gevechtsvliegtuigen te leveren aan Oekraïne.")
    assert ("NLD", "military_aid", "support") in positions(
        pipe, "Nederland wil, samen met Denemarken, al langere tijd gevechtsvliegtuigen leveren aan Oekraïne.")


def test_negation_wil_geen(pipe: Pipeline) -> None:
    got = positions(pipe, "Hongarije wil geen nieuwe sancties tegen Rusland.")
    assert ("HUN", "sanctions", "oppose") in got
    assert not any(h == "RUS" for h, _, _ in got)


def test_goal_to_prevent_membership(pipe: Pipeline) -> None:
    # seed-001 (the goal's holder named in the sentence)
    got = positions(pipe, "Een ander doel van Rusland is om te voorkomen dat Oekraïne lid wordt van de NAVO.")
    assert ("RUS", "nato_membership", "oppose") in got
    assert ("UKR", "nato_membership", "oppose") not in got


def test_call_for_talks_and_ceasefire(pipe: Pipeline) -> None:
    # seed-001
    got = positions(pipe, "Xi drong tijdens het gesprek opnieuw aan op vredesonderhandelingen en een wapenstilstand.")
    assert {("CHN", "peace_talks", "support"), ("CHN", "ceasefire", "support")} <= got


def test_mediators_named_after_the_cue(pipe: Pipeline) -> None:
    # dev text nl-dev-021
    got = positions(pipe, "De graandeal tussen Rusland en Oekraïne werd vorige zomer gesloten, "
                          "met bemiddeling van de VN en Turkije.")
    assert {("UN", "mediation", "support"), ("TUR", "mediation", "support")} <= got


def test_user_codebook_with_a_custom_issue(tmp_path, monkeypatch) -> None:
    # a user's codebook with one custom issue (grain exports); sentence from nl-dev-023's text
    book = tmp_path / "issues.yaml"
    book.write_text(
        "issues:\n"
        "  - id: grain_exports\n"
        "    name: Grain exports\n"
        "    description: Grain exports over the Black Sea should go on.\n"
        "    cues:\n"
        "      nl: [graanexport, graandeal, graanakkoord, export van graan]\n",
        encoding="utf-8")
    text = "Turkije wil dat de graandeal met Rusland en Oekraïne wordt verlengd."
    with Pipeline(positions_codebook=str(book)) as pipe:
        a = pipe.run(Document(id="t", raw_text=text, date="2023-07-17", lang="nl"))
    assert {(p.holder, p.issue, p.stance) for p in a.positions} == {("TUR", "grain_exports", "support")}
    monkeypatch.setenv("DIPLOGRAPH_ISSUES", str(book))
    with Pipeline() as pipe:
        a = pipe.run(Document(id="t", raw_text=text, date="2023-07-17", lang="nl"))
    assert {p.issue for p in a.positions} == {"grain_exports"}


def test_codebook_documents_every_schema_issue() -> None:
    from diplograph.extract.issues import load_codebook

    ids = load_codebook().ids
    assert set(ids) == {
        "peace_talks", "ceasefire", "troop_withdrawal", "territorial_concession", "nato_membership",
        "eu_membership", "neutrality", "demilitarization", "security_guarantees", "military_aid", "sanctions",
        "continue_war", "nuclear_use", "prisoner_exchange", "humanitarian_access", "mediation"}


def test_event_and_quote_links(pipe: Pipeline) -> None:
    # nl-dev-024 text: a direct quote gives the position to the quoted speaker's actor
    a = pipe.run(Document(id="t", raw_text="„Ik steun de Turkse ambitie om lid te worden van de EU”, aldus "
                                            "NAVO-chef Jens Stoltenberg.", date="2023-07", lang="nl"))
    got = [p for p in a.positions if (p.holder, p.issue, p.stance) == ("NATO", "eu_membership", "support")]
    assert got and got[0].quote is not None and a.quotes[got[0].quote].direct


def test_refusals_and_calls_from_dpgmedia(pipe: Pipeline) -> None:
    # ../shared/benchmarks/dpgmedia2019/articles.jsonl: dpg2019-10686864, dpg2019-10744652, dpg2019-10795485
    assert ("CHN", "sanctions", "oppose") in positions(
        pipe, "Topdiplomaat Wang Yi keerde zich tegen nieuwe sancties tegen Caracas.")
    got = positions(pipe, "Niet alleen heeft Rusland het olierijke land veel geld geleend, ook heeft Moskou zich "
                          "altijd uitgesproken tegen sancties die de Verenigde Staten wilden invoeren tegen Maduro.")
    assert ("RUS", "sanctions", "oppose") in got
    assert ("RUS", "sanctions", "support") not in got
    assert ("UN", "ceasefire", "support") in positions(
        pipe, "Gisteren deed de VN-missie in Libië vergeefs een oproep tot een tijdelijk staakt-het-vuren om gewonden "
              "te evacueren in het zuiden van de stad.")


def test_demand_in_a_dat_clause_belongs_to_the_demander(pipe: Pipeline) -> None:
    # nl-dev-028 text
    got = positions(pipe, "In de onderhandelingen eist de Palestijnse beweging Hamas telkens dat de Israëlische "
                          "troepen zich na een wapenstilstand helemaal uit de Gazastrook terugtrekken.")
    assert ("HAMAS", "troop_withdrawal", "support") in got


def test_text_reading_of_a_dat_clause_has_no_other_holder(pipe: Pipeline) -> None:
    # nl-dev-028 text; only the positions read from the text itself (not via an event)
    a = pipe.run(Document(id="t", raw_text="In de onderhandelingen eist de Palestijnse beweging Hamas telkens dat de "
                                           "Israëlische troepen zich na een wapenstilstand helemaal uit de Gazastrook "
                                           "terugtrekken.", date="2024-07", lang="nl"))
    assert {(p.holder, p.issue) for p in a.positions if p.event is None} == {("HAMAS", "troop_withdrawal")}


def test_negation_inside_a_separable_verb(pipe: Pipeline) -> None:
    # nl-dev-013 text (subject "Het land" named)
    got = positions(pipe, "Turkije neemt niet deel aan de sancties tegen Rusland, maar levert aan de andere kant wel "
                          "wapens aan Oekraïne.")
    assert {("TUR", "sanctions", "oppose"), ("TUR", "military_aid", "support")} <= got
    assert not any(h in ("RUS", "UKR") for h, _, _ in got)


def test_conditions_zolang_and_als(pipe: Pipeline) -> None:
    # nl-dev-022 and nl-dev-033 texts
    a = pipe.run(Document(id="t", raw_text=(
        "De Palestijnse beweging Hamas benadrukt dat een volgende ruil tussen Hamas-gijzelaars en Palestijnse "
        "gevangenen in Israël is uitgesloten zolang Israël niet stopt met de oorlog in de Gazastrook."),
        date="2023-12", lang="nl"))
    got = {(p.holder, p.issue, p.stance): p.condition for p in a.positions}
    assert got.get(("HAMAS", "prisoner_exchange", "conditional")) == (
        "zolang Israël niet stopt met de oorlog in de Gazastrook")
    a = pipe.run(Document(id="t", raw_text=(
        "Wel heeft Qatar gezegd weer aan tafel te willen gaan als Israël en Hamas weer bereid zijn om serieus "
        "over een deal na te denken."), date="2024-11", lang="nl"))
    got = {(p.holder, p.issue, p.stance): p.condition for p in a.positions}
    assert got.get(("QAT", "peace_talks", "conditional", )) == (
        "als Israël en Hamas weer bereid zijn om serieus over een deal na te denken")
    assert not any(h in ("ISR", "HAMAS") for h, _, _ in got)


def test_plural_reference_to_a_compound_subject(pipe: Pipeline) -> None:
    # seed-000: two sentences of the article
    got = positions(pipe, "China en Frankrijk roepen de internationale gemeenschap op om een escalatie van de crisis "
                          "in Oekraïne te vermijden. De twee landen verzetten zich ook met klem tegen het gebruik van "
                          "kernwapens in het conflict.")
    assert {("CHN", "nuclear_use", "oppose"), ("FRA", "nuclear_use", "oppose")} <= got
    assert {("CHN", "continue_war", "oppose"), ("FRA", "continue_war", "oppose")} <= got


def test_without_the_actors_stage_a_fallback_name_list_is_used() -> None:
    # seed-001 sentences, pipeline without `actors` (lang/nl/holders.yaml)
    with Pipeline(["language", "positions"]) as pipe:
        a = pipe.run(Document(id="t", raw_text="Xi drong tijdens het gesprek opnieuw aan op vredesonderhandelingen "
                                               "en een wapenstilstand.", date="2023-04", lang="nl"))
    assert {(p.holder, p.issue, p.stance) for p in a.positions} == {
        ("CHN", "peace_talks", "support"), ("CHN", "ceasefire", "support")}


def test_rejection_and_agreement(pipe: Pipeline) -> None:
    # nl-dev-030, nl-dev-013 and nl-dev-041 texts
    assert ("HAMAS", "ceasefire", "oppose") in positions(
        pipe, "De militante Palestijnse beweging Hamas verwierp zondag het nieuwste voorstel voor een staakt-het-vuren "
              "in Gaza.")
    assert ("TUR", "mediation", "support") in positions(
        pipe, "Turkije stelt zich al de hele oorlog op als een soort bemiddelaar.")
    got = positions(pipe, "Rusland en Oekraïne hebben ingestemd met de grootste uitwisseling van krijgsgevangenen "
                          "sinds het begin van het conflict tussen de twee landen.")
    assert {("RUS", "prisoner_exchange", "support"), ("UKR", "prisoner_exchange", "support")} <= got


def test_event_links_point_to_the_holders_event(pipe: Pipeline) -> None:
    # seed-000 and seed-001 texts: every position taken from an event names that event's actor
    for text in ("../shared/corpus/seeds/seed-000.txt", "../shared/corpus/seeds/seed-001.txt"):
        path = Path(__file__).resolve().parents[1] / text
        if not path.exists():
            pytest.skip("shared corpus not available")
        a = pipe.run(Document(id="t", raw_text=path.read_text(encoding="utf-8"), date="2023-04", lang="nl"))
        assert a.positions
        for p in a.positions:
            if p.event is not None:
                assert p.holder in a.events[p.event].actor
            elif p.quote is not None:  # read from the text: the quote that holds the issue is a direct one
                assert a.quotes[p.quote].direct
            assert p.stance in ("support", "oppose", "conditional")
            assert (p.condition is not None) == (p.stance == "conditional")


# Round 2: sentences of ../shared/benchmarks/dpgmedia2019/articles.jsonl (id in the comment)

def test_relative_clause_is_held_by_the_name_before_it(pipe: Pipeline) -> None:
    # dpg2019-10686864 (first sentence shortened)
    got = positions(pipe, "China waarschuwt voor inmenging. Zijn woorden waren duidelijk gericht tegen de "
                          "regering-Trump, "
                          "die eerder deze week zei de economische sancties tegen Maduro te willen verscherpen.")
    assert ("USA", "sanctions", "support") in got
    assert ("CHN", "sanctions", "support") not in got


def test_addressee_of_a_call_holds_nothing(pipe: Pipeline) -> None:
    # dpg2019-10679694 (the sentence before shortened)
    got = positions(pipe, "In een toespraak heeft Guaidó de uitzetting van de ambassadeur veroordeeld. \"Ze "
                          "bedreigen een "
                          "belangrijk Europees land dat humanitaire hulp verleent aan Venezuela.\" In gesprek met het "
                          "Duitse weekblad Der Spiegel roept hij Europa op meer financiële sancties af te "
                          "kondigen tegen "
                          "het regime van Maduro.")
    assert ("VEN", "sanctions", "support") in got
    assert ("EU", "sanctions", "support") not in got


def test_recognising_annexation_and_referring_back(pipe: Pipeline) -> None:
    # dpg2019-10748045
    got = positions(pipe, "Gisteren ondertekende de Amerikaanse president Trump een verklaring waarin de Verenigde "
                          "Staten erkennen dat de Golanhoogten tot Israël behoren. Syrië ziet het besluit van "
                          "Trump als "
                          "een 'aanval op de soevereiniteit en territoriale integriteit' van Syrië. "
                          "Turkije noemt het 'onacceptabel'.")
    assert {("USA", "territorial_concession", "support"), ("SYR", "territorial_concession", "oppose"),
            ("TUR", "territorial_concession", "oppose")} <= got


def test_not_seeing_a_state_as_owner_is_oppose(pipe: Pipeline) -> None:
    # dpg2019-10748045
    got = positions(pipe, "\"Het is duidelijk dat de erkenning van de Verenigde Staten niets verandert aan de "
                          "status van "
                          "Golan\", zei secretaris-generaal António Guterres van de VN, die Israël niet ziet "
                          "als eigenaar "
                          "van het gebied.")
    assert ("UN", "territorial_concession", "oppose") in got
    assert ("ISR", "territorial_concession", "support") not in got


def test_tariffs_and_threats_are_sanctions_of_their_side(pipe: Pipeline) -> None:
    # dpg2019-10802105, dpg2019-10801537
    got = positions(pipe, "Door importbelastingen te heffen op enkele honderden Europese exportproducten wil "
                          "Trump de EU "
                          "onder druk zetten om subsidies aan de Franse vliegtuigbouwer Airbus te beëindigen.")
    assert ("USA", "sanctions", "support") in got
    assert ("EU", "sanctions", "support") not in got
    got = positions(pipe, "Onlangs dreigde Trump opnieuw invoertarieven op Europese auto's in te voeren.")
    assert ("USA", "sanctions", "support") in got


def test_sanctions_relief_demanded_in_exchange(pipe: Pipeline) -> None:
    # dpg2019-10680571 (the subject named in a first sentence)
    got = positions(pipe, "Kim Jong-un wil een akkoord. Precies daarom eiste hij in ruil voor de ontmanteling van zijn "
                          "belangrijke nucleaire installaties van Yongbyon en Tongchang-ri, het schrappen van alle "
                          "VN-sancties.")
    assert ("PRK", "sanctions", "oppose") in got
    assert ("PRK", "sanctions", "support") not in got


def test_pronoun_before_a_relative_clause_with_its_own_subject(pipe: Pipeline) -> None:
    # dpg2019-10804143 (first sentence shortened)
    got = positions(pipe, "Netanyahu wil herkozen worden. Hij wacht nu allereerst op het vredesinitiatief dat Donald "
                          "Trump binnenkort bekend wil maken.")
    assert ("USA", "peace_talks", "support") in got
    assert ("ISR", "peace_talks", "support") not in got


def test_his_opponents_are_no_stance_and_causal_clause_holds_nothing(pipe: Pipeline) -> None:
    # dpg2019-10797724, dpg2019-10679537
    got = positions(pipe, "Zijn tegenstanders beschuldigen de premier Netanyahu ervan dat hij het vredesproces met de "
                          "Palestijnen om zeep heeft geholpen.")
    assert ("ISR", "peace_talks", "oppose") not in got
    got = positions(pipe, "Amerikaanse luchtvaartmaatschappijen Kalitta Air en Jetblue eisen sancties tegen de "
                          "concurrent, omdat de Nederlandse overheid hen van Schiphol zou weren.")
    assert not any(h == "NLD" for h, _, _ in got)


def test_holding_aid_back_and_fighting_on(pipe: Pipeline) -> None:
    # dpg2019-10765461, dpg2019-10744633
    got = positions(pipe, "De Venezolaanse president Nicolás Maduro houdt al sinds februari hulpgoederen uit westerse "
                          "landen tegen.")
    assert ("VEN", "humanitarian_access", "oppose") in got
    got = positions(pipe, "Netanyahu zei in Washington dat zijn land hard zal terugslaan en dat de naderende "
                          "verkiezingen "
                          "geen belemmering zijn om oorlog in de Gazastrook te voeren.")
    assert ("ISR", "continue_war", "support") in got
    assert ("ISR", "continue_war", "oppose") not in got


def test_open_question_and_countermeasures(pipe: Pipeline) -> None:
    # dpg2019-10791653, dpg2019-10801537
    got = positions(pipe, "\"De EU moet zich eerst afvragen of ze deze Balkanlanden wil laten toetreden.")
    assert ("EU", "eu_membership", "support") not in got
    got = positions(pipe, "De EU heeft al aangekondigd met tegenmaatregelen te komen als Trump zijn dreigement "
                          "doorzet. Dat deden ze vorig jaar ook toen de VS de importheffingen op staal en aluminium "
                          "verhoogde.")
    assert ("EU", "sanctions", "conditional") in got
    assert ("USA", "sanctions", "support") in got


def test_measures_named_after_sanctions_are_sanctions(pipe: Pipeline) -> None:
    # the pattern of dev nl-dev-005/012 (EU sanction packages); without sanctions named before, nothing
    got = positions(pipe, "De EU wil nieuwe sancties tegen Rusland. Hongarije blokkeert de maatregelen.")
    assert ("HUN", "sanctions", "oppose") in got
    assert not positions(pipe, "Hongarije blokkeert de maatregelen.")


def test_opposition_under_a_positive_condition_stays_oppose(pipe: Pipeline) -> None:
    # dpg2019-10680571 (the subject named in a first sentence)
    got = positions(pipe, "Kim Jong-un wil een akkoord. Als Kim als een Deng Xiaoping de geschiedenis wil ingaan dan "
                          "moeten, precies zoals hij eiste, eerst alle sancties worden opgeheven.")
    assert ("PRK", "sanctions", "conditional") not in got


def test_despite_the_opposition_of_a_party(pipe: Pipeline) -> None:
    # the pattern of dev nl-dev-005 (Hungary holding up a sanctions package)
    got = positions(pipe, "De EU-landen stemden in met nieuwe sancties tegen Rusland, ondanks verzet van Hongarije.")
    assert {("EU", "sanctions", "support"), ("HUN", "sanctions", "oppose")} <= got
    assert ("HUN", "sanctions", "support") not in got


def test_a_war_a_treaty_has_prevented_is_no_stance(pipe: Pipeline) -> None:
    # dpg2019-10591867 (commentary on the INF treaty; the speaker named here)
    got = positions(pipe, "'Opbieden tegen Rusland in een kernwapenwedloop of het verlaten van een "
                          "kernwapenverdrag dat decennia een nucleaire oorlog heeft voorkomen, is een dom "
                          "spelletje zonder winnaars', zei Mogherini.")
    assert not any(i == "nuclear_use" for _, i, _ in got)


def test_trade_tariffs_are_sanctions_and_calling_them_exaggerated_opposes(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10801749 (US tariffs over Airbus subsidies; sentences of the article)
    got = positions(pipe, "In totaal willen de VS heffingen gaan invoeren op producten waarvan jaarlijks voor zo'n "
                          "11 miljard dollar wordt geïmporteerd. Volgens de Amerikanen is die subsidie zo veel groter "
                          "geweest dan het belastingvoordeel dat Boeing kreeg, dat zij het recht hebben om met "
                          "heffingen te komen op de 11 miljard dollar aan Europese importen. De Europese Unie noemt "
                          "dat in een reactie 'zwaar overdreven', en verwacht dat de Wereldhandelsorganisatie de "
                          "heffingen niet zal goedkeuren.")
    assert {("USA", "sanctions", "support"), ("EU", "sanctions", "oppose")} <= got
    # a right a ruling would give is no stance of the EU
    got = positions(pipe, "Die recente uitspraak zou de Europese Unie het recht geven om eigen heffingen in te voeren "
                          "als vergelding voor het belastingvoordeel voor Boeing.")
    assert ("EU", "sanctions", "support") not in got


def test_exaggerated_without_calling_it_so_is_no_stance(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10802105
    got = positions(pipe, "Volgens de VS raken de sancties 9,8 miljard euro aan jaarlijkse export vanuit Europa naar "
                          "de VS, volgens EU-functionarissen is dat schromelijk overdreven.")
    assert ("USA", "sanctions", "oppose") not in got


def test_zowel_als_joins_holders_and_opens_no_condition(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10674429 (Venezuela): "als" after "zowel" is no condition; a peaceful way out is talks
    got = positions(pipe, "Zowel de Latijns-Amerikaanse landen als Europa verwerpt het gebruik van geweld, en pleit "
                          "voor een vreedzame uitweg.")
    assert ("EU", "peace_talks", "support") in got
    assert ("EU", "peace_talks", "conditional") not in got
    assert ("EU", "peace_talks", "oppose") not in got
    # seed-000: "zowel Frankrijk als China" is one compound holder
    text = ("Dat heeft de Russische regering bekendgemaakt nadat zowel Frankrijk als China tot dergelijke "
            "onderhandelingen opriepen.")
    ms = [M(text.index(n), text.index(n) + len(n), c) for n, c in (("Frankrijk", "FRA"), ("China", "CHN"))]
    assert [[m.code for m in g] for g in groups(text, ms, load_lexicon("nl"))] == [["FRA", "CHN"]]


def test_name_in_a_relative_clause_after_the_trigger_holds_nothing(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10673250 (India and US tariffs)
    got = positions(pipe, "India kondigde onlangs hogere heffingen aan op een deel van de import uit de VS. New Delhi "
                          "wil namelijk dat het voor zijn export wordt uitgesloten van de hogere heffingen op staal en "
                          "aluminium die de regering-Trump heeft ingevoerd voor sommige landen.")
    assert ("IND", "sanctions", "support") in got
    assert ("USA", "sanctions", "oppose") not in got


def test_a_group_defined_by_its_members_holds_through_them(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10674429 (Venezuela): the contact group is named by its members, then by its
    # abbreviation; talking with both parties is mediation
    got = positions(pipe, "De International Contact Group (ICG), een initiatief van onder meer de Europese Unie, "
                          "Uruguay en Costa Rica, biedt mogelijk soelaas. De ICG wil met beide partijen afzonderlijk "
                          "praten, zodat de kemphanen elkaar niet hoeven te ontmoeten of zich naar hun achterban "
                          "moeten verantwoorden voor onderhandelingen.")
    assert {("EU", "mediation", "support"), ("URY", "mediation", "support")} <= got


def test_a_named_subject_inside_a_quote_holds_its_own_decision(pipe: Pipeline) -> None:
    # dev nl-dev-040 (Veldkamp in the AD): the speaker reports the Israeli cabinet's decision
    got = positions(pipe, "„Intussen zien we dat het Israëlische kabinet besloten heeft om de oorlog verder op te "
                          "voeren, er klinken geluiden over herbezetting van de Gazastrook. Alles opgeteld is dat "
                          "reden voor een streep in het zand”, aldus Veldkamp.")
    assert ("ISR", "continue_war", "support") in got
    assert ("NLD", "continue_war", "support") not in got


def test_a_negation_between_the_issue_and_a_later_cue_counts_once() -> None:
    # dpgmedia2019 dpg2019-10801749: "de heffingen niet zal goedkeuren" does not approve them
    from diplograph.extract.issues import load_codebook
    text = ("De Europese Unie noemt dat in een reactie 'zwaar overdreven', en verwacht dat de "
            "Wereldhandelsorganisatie de heffingen niet zal goedkeuren.")
    lex = load_lexicon("nl")
    hit = next(h for h in load_codebook().find(text) if h.issue == "sanctions")
    later = text.index("heffingen niet")
    st = lex.stance_for(text, (later - 40, len(text)), hit)  # the clause without "overdreven"
    assert st is not None and st.stance == "oppose"
    assert text[st.cue[0]:st.cue[1]].startswith("goedkeur")


def test_a_demonstrative_plan_refers_back_and_putting_it_on_the_table_supports(pipe: Pipeline) -> None:
    # dev nl-dev-028: "Dat basisplan" is the framework for a ceasefire named in the sentence before
    got = positions(pipe, "Volgens de premier \"stellen de Palestijnen van de groep Hamas eisen die niet in "
                          "overeenstemming zijn met het raamwerk\" voor een bestand. Dat basisplan heeft de "
                          "Amerikaanse president Joe Biden weken geleden al op tafel gelegd, maar er lijkt nog geen "
                          "vooruitgang te zijn geboekt.")
    assert ("USA", "ceasefire", "support") in got


def test_beating_the_war_drum_supports_war(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10674429 (Venezuela): the relative clause is held by the name before it
    got = positions(pipe, "Maar afgezien van de VS, die al van het begin af aan de oorlogstrom slaan, bleek er in de "
                          "regio geen enkele animo voor militair ingrijpen.")
    assert ("USA", "continue_war", "support") in got


def test_denuclearisation_is_demilitarization(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10680571 (North Korea)
    got = positions(pipe, "Trump wilde complete en verifieerbare denuclearisatie zodat Noord-Korea Amerika en zijn "
                          "buren niet langer met kernwapens zou kunnen bedreigen.")
    assert ("USA", "demilitarization", "support") in got
    assert ("PRK", "demilitarization", "support") not in got


def test_a_name_in_a_parenthetical_clause_holds_no_event_position(pipe: Pipeline) -> None:
    # dev nl-dev-009
    got = positions(pipe, "President Zelenski heeft vrijdag, nadat de Russische president Vladimir Poetin bekendmaakte "
                          "illegaal vier Oekraïense provincies tot Russisch gebied te verklaren, een aanvraag voor "
                          "versneld NAVO-lidmaatschap ingediend.")
    assert ("UKR", "nato_membership", "support") in got
    assert ("RUS", "nato_membership", "support") not in got


def test_back_reference_after_an_adjunct_with_an_intensifier() -> None:
    # dpgmedia2019 dpg2019-10801749: "noemt dat in een reactie 'zwaar overdreven'" refers back
    lex = load_lexicon("nl")
    ref = lex.back_reference.search("De Europese Unie noemt dat in een reactie 'zwaar overdreven', en verwacht dat de "
                                    "Wereldhandelsorganisatie de heffingen niet zal goedkeuren.")
    assert ref is not None and ref.group() == "noemt dat"
    assert lex.any_word("demonstratives", ref.group()).group() == "dat"


def test_separable_verbs_written_as_one_word_in_a_subordinate_clause() -> None:
    # seed-000: "opriepen" (roepen ... op) in a nadat-clause
    from diplograph.extract.issues import load_codebook
    text = ("Dat heeft de Russische regering bekendgemaakt nadat zowel Frankrijk als China tot dergelijke "
            "onderhandelingen opriepen.")
    lex = load_lexicon("nl")
    hit = next(h for h in load_codebook().find(text) if h.issue == "peace_talks")
    st = lex.stance_for(text, (text.index("nadat"), len(text)), hit)
    assert st is not None and st.stance == "support" and text[st.cue[0]:st.cue[1]] == "opriepen"


def test_withdrawn_trade_privileges_are_sanctions_and_postponed_tariffs_are_not_wanted(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10673250 (US and Indian trade measures)
    got = positions(pipe, "Donald Trump heeft besloten belangrijke handelsvoordelen te schrappen voor India en "
                          "Turkije.")
    assert ("USA", "sanctions", "support") in got
    got = positions(pipe, "Vorige week kondigde de Indiase regering echter aan dat de hogere Indiase heffingen op "
                          "Amerikaanse importen worden uitgesteld tot 1 april.")
    assert ("IND", "sanctions", "oppose") in got
    assert ("IND", "sanctions", "support") not in got


def test_no_sanctions_declared_is_oppose(pipe: Pipeline) -> None:
    # dev nl-dev-010: "geen" before the issue turns the cue after it around
    got = positions(pipe, "Daarnaast is Turkije een vooraanstaand NAVO-lid dat geen sancties tegen Rusland heeft "
                          "afgekondigd.")
    assert ("TUR", "sanctions", "oppose") in got
    assert ("TUR", "sanctions", "support") not in got


def test_holding_on_to_and_standing_negative_towards_are_cues() -> None:
    # dpgmedia2019 dpg2019-10775364 ("houden vast aan"); seed-001 ("staat niet negatief tegenover")
    lex = load_lexicon("nl")
    assert lex.support.search("Andere partijen houden vast aan hun klimaatbeleid.").group() == "houden vast aan"
    text = ("Het Kremlin staat niet negatief tegenover het telefoongesprek dat de Chinese en Oekraïense presidenten "
            "Xi Jinping en Volodymyr Zelensky woensdag hielden.")
    cue = lex.oppose.search(text)
    assert cue is not None and cue.group() == "staat niet negatief tegenover"


def test_owner_of_an_intention_inside_a_prepositional_phrase_holds_it(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10801555: "op het voornemen van X om ...": X holds the plan
    got = positions(pipe, "De man reageert op het voornemen van de Amerikaanse regering om de Goudse kaas te "
                          "belasten met hogere importtarieven.")
    assert ("USA", "sanctions", "support") in got


def test_feeling_nothing_for_and_not_believing_in_are_oppose_cues() -> None:
    # dpgmedia2019 dpg2019-10804143 ("voelt niets voor") and dpg2019-10797724 ("daar niet in gelooft")
    lex = load_lexicon("nl")
    cue = lex.oppose.search("Hij voelt niets voor de tweestatenoplossing waarmee de internationale wereld het "
                            "slepende Israëlisch-Palestijnse conflict wil oplossen.")
    assert cue is not None and cue.group() == "voelt niets voor"
    cue = lex.oppose.search("Belangrijk verschil is dat Gantz onder voorwaarden oren heeft naar vredesbesprekingen "
                            "met de Palestijnen, terwijl Netanyahu daar niet in gelooft.")
    assert cue is not None and cue.group() == "niet in gelooft"
    assert lex.support.search("Hij voelt niets voor de tweestatenoplossing.") is None


def test_one_more_goal_of_the_holder_before(pipe: Pipeline) -> None:
    # seed-001: "Eén van die doelen ..." and "Een ander doel is ..." state what the holder before (Russia) wants
    text = ("Dat Rusland het gesprek tussen Zelensky en de Chinese president niet verwerpt, neemt volgens "
            "Kremlin-woordvoerder Peskov niet weg dat Rusland vast blijft houden aan de doelen die gesteld zijn "
            "voor de 'speciale militaire operatie', zoals Moskou de oorlog in Oekraïne noemt. Eén van die doelen "
            "is de zogenoemde “demilitarisering” van Oekraïne, dat nu op grote schaal wapens en munitie van het "
            "Westen krijgt. Een ander doel is om te voorkomen dat Oekraïne lid wordt van de NAVO.")
    got = positions(pipe, text)
    assert ("RUS", "demilitarization", "support") in got
    assert ("RUS", "nato_membership", "oppose") in got
    assert ("UKR", "nato_membership", "oppose") not in got


def test_offering_help_to_defend_itself_is_military_aid_support(pipe: Pipeline) -> None:
    # dev nl-dev-009: the speaker of the quote offers help "om zichzelf te verdedigen"
    got = positions(pipe, "„Onze focus is nu om onmiddellijk hulp te bieden aan Oekraïne om zichzelf te "
                          "verdedigen”, zei Stoltenberg diplomatiek.")
    assert ("NATO", "military_aid", "support") in got
