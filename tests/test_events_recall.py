"""Event triggers added for recall, on real Dutch sentences (sources cited per test)."""

from __future__ import annotations

import pytest

from diplograph.extract.event_triggers import lexicon
from diplograph.extract.pipeline import Pipeline
from diplograph.model import Analysis, Document, Event


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(["language", "actors", "quotes", "events"], analyzer="simple")


def run(pipe: Pipeline, text: str, date: str | None = "2019-04") -> Analysis:
    return pipe.run(Document(id="t", raw_text=text, date=date, lang="nl"))


def events(a: Analysis, type_: str) -> list[Event]:
    return [e for e in a.events if e.type == type_]


def test_flying_to_a_capital_and_concluding_a_truce(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10801537 (eval/tune.jsonl)
    a = run(pipe, "Jean Claude Juncker, de voorzitter van de Europese Commissie, vloog toen naar Washington en sloot "
                  "een wapenstilstand met Trump om nieuwe tariefsverhogingen te voorkomen.")
    visit = events(a, "CONSULT")
    assert visit and visit[0].mode == "visit" and visit[0].actor == ["EU"] and visit[0].recipient == ["USA"]
    truce = events(a, "SUPPORT")
    assert truce and "EU" in truce[0].actor and "USA" in truce[0].actor + truce[0].recipient


def test_taking_offence_is_accuse(pipe: Pipeline) -> None:
    # heldout2 dpg2019-10673250-a
    a = run(pipe, "Maar sinds Trump president is, stoort hij zich aan de hoge heffingen die India volgens hem "
                  "toepast op Amerikaanse producten.")
    e = events(a, "ACCUSE")
    assert e and e[0].actor == ["USA"] and e[0].recipient == ["IND"]


def test_worried_reaction_is_accuse(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10801555 (eval/tune.jsonl)
    a = run(pipe, "De Tweede Kamer reageert verontrust op het dreigement en wil snel een debat over de kwestie.")
    e = events(a, "ACCUSE")
    assert e and e[0].actor == ["NLD"] and e[0].mode == "disapprove"


def test_urging_is_request(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10746858 (eval/tune.jsonl)
    a = run(pipe, "Zo weten we dat Trump de Russen openlijk aanspoorde e-mails van Hillary Clinton te stelen.")
    e = events(a, "REQUEST")
    assert e and e[0].actor == ["USA"] and e[0].recipient == ["RUS"]


def test_conquest_of_territory_is_assault(pipe: Pipeline) -> None:
    # dev dpg2019-10748045-a
    a = run(pipe, "Israël veroverde de Golanhoogten in de oorlog van juni 1967 op Syrië.")
    e = events(a, "ASSAULT")
    assert e and e[0].actor == ["ISR"] and e[0].recipient == ["SYR"] and e[0].mode == "occupy"


def test_conquering_hearts_or_a_term_is_no_assault(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10769259 and dev dpg2019-10670884-a
    a = run(pipe, "'We moeten accepteren dat we de harten van de mensen hebben veroverd in steden waar we hebben "
                  "gewonnen, maar dat we niet succesvol genoeg waren in plaatsen die we hebben verloren.'")
    assert not events(a, "ASSAULT")
    a = run(pipe, "Parlementsvoorzitter Guaidó riep zichzelf in januari uit tot interimpresident omdat Maduro zijn "
                  "tweede termijn zou hebben veroverd met verkiezingsfraude.")
    assert not events(a, "ASSAULT")


def test_encircled_by_is_assault_of_the_agent(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10648031 (eval/tune.jsonl)
    a = run(pipe, "Het is omsingeld door Koerdische strijders en Amerikaanse militairen aan de ene kant en het "
                  "Syrische leger aan de andere kant.")
    e = events(a, "ASSAULT")
    assert e and "USA" in e[0].actor


def test_taking_a_status_away_is_sanction(pipe: Pipeline) -> None:
    # heldout dpg2019-10726007
    a = run(pipe, "Het Amerikaanse Congres heeft vergeefs pogingen gedaan Pakistan de MNNA-status te ontnemen, "
                  "vanwege de vermeende steun aan de Taliban.")
    e = events(a, "SANCTION")
    assert e and e[0].actor == ["USA"] and e[0].recipient == ["PAK"]


def test_letting_no_aid_in_is_coerce(pipe: Pipeline) -> None:
    # dev nl-dev-040
    a = run(pipe, "Israël laat al weken geen humanitaire hulp meer toe tot de Gazastrook.")
    e = events(a, "COERCE")
    assert e and e[0].actor == ["ISR"] and e[0].mode == "withhold"
    assert not events(a, "AID")


def test_arms_sales_are_aid(pipe: Pipeline) -> None:
    # heldout dpg2019-10744652
    a = run(pipe, "Ook zijn de wapenverkopen van Rusland aan Venezuela de laatste jaren juist opgeschroefd.")
    e = events(a, "AID")
    assert e and e[0].actor == ["RUS"] and e[0].recipient == ["VEN"]


def test_months_are_no_admonition(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10729049: "maanden ... aan" is not "maant ... aan"
    a = run(pipe, "Maar de Turken wonnen de acht maanden durende veldslag, die aan honderdduizenden het leven kostte.")
    assert not events(a, "REQUEST")


def test_announcing_countermeasures_is_a_conditional_threat(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10801537 (eval/tune.jsonl)
    a = run(pipe, "De EU heeft al aangekondigd met tegenmaatregelen te komen als Trump zijn dreigement doorzet.")
    e = [x for x in events(a, "THREATEN") if x.actor == ["EU"]]
    assert e and e[0].recipient == ["USA"] and e[0].modality == "conditional"


def test_military_intervention_is_assault_of_its_owner(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10795483 (eval/tune.jsonl)
    a = run(pipe, "Dat hij Libië nooit uit het vizier was verloren bleek in 2011, toen hij vlak voor de militaire "
                  "interventie van de Navo terugkeerde met de hoop de revolutie tegen Kadhafi te kunnen leiden.")
    e = events(a, "ASSAULT")
    assert e and e[0].actor == ["NATO"]


def test_raising_the_pressure_is_sanction(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10591868
    a = run(pipe, "De Verenigde Staten voeren de druk op hun Europese bondgenoten stevig op.")
    e = events(a, "SANCTION")
    assert e and e[0].actor == ["USA"] and e[0].recipient == ["EU"]


def test_starting_an_attack_is_assault_of_the_subject(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10748045
    a = run(pipe, "Het Israëlische leger is gisteren begonnen met een vergeldingsaanval op doelen van Hamas in de "
                  "Gazastrook.")
    e = events(a, "ASSAULT")
    assert e and e[0].actor == ["ISR"] and e[0].recipient == ["HAMAS"]


def test_rebuked_by_is_accuse_of_the_agent(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10791171
    a = run(pipe, "Bolkiah, door olie-inkomsten een van de rijkste mensen ter wereld, is al op de vingers getikt door "
                  "de Verenigde Naties, maar trekt zich daar niets van aan.")
    e = events(a, "ACCUSE")
    assert e and e[0].actor == ["UN"]


def test_no_boycott_noun_without_a_boycotting_verb(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10724256: "geen sprake" of a boycott
    a = run(pipe, "Want van een officiële boycot door Italië van de Saoedi's is toch geen sprake?")
    assert not events(a, "SANCTION")


def test_meeting_scepticism_of_is_reject_of_the_sceptic(pipe: Pipeline) -> None:
    # heldout2 dpg2019-10674429-b
    a = run(pipe, "Dit initiatief stuit op scepsis van de Verenigde Staten en de radicale tak van de oppositie.")
    e = events(a, "REJECT")
    assert e and e[0].actor == ["USA"]


def test_espionage_is_coerce(pipe: Pipeline) -> None:
    # heldout2 dpg2019-10776700
    a = run(pipe, "De Chinezen doen vooral aan economische spionage.")
    e = events(a, "COERCE")
    assert e and e[0].actor == ["CHN"]


def test_source_after_volgens_is_not_the_actor(pipe: Pipeline) -> None:
    # dev nl-dev-034: the subject follows the finite verb after "Volgens Hamas"
    a = run(pipe, "Volgens Hamas zou Netanyahu nieuwe voorwaarden en eisen opleggen om de inspanningen van de "
                  "bemiddelaars te torpederen en de oorlog te verlengen.")
    e = events(a, "REQUEST")
    assert e and e[0].actor == ["ISR"]


def test_not_pleased_is_accuse(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10748045 (heldout's Golan article)
    a = run(pipe, "De Verenigde Naties, Syrië en Turkije zijn niet te spreken over deze actie van de VS.")
    e = events(a, "ACCUSE")
    assert e and set(e[0].actor) == {"UN", "SYR", "TUR"} and e[0].recipient == ["USA"]


def test_opposed_to_is_reject(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10797592
    a = run(pipe, "Duitsland gaat een heel eind mee in de Franse denkwijze, maar Nederland en een aantal kleinere "
                  "landen zijn sterk tegen dit plan gekant.")
    e = events(a, "REJECT")
    assert e and e[0].actor == ["NLD"]


def test_flying_with_the_subject_after_the_verb(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10798634
    a = run(pipe, "Vandaag, dinsdag, vliegt premier Theresa May naar Parijs en Berlijn om bij Macron en Merkel aan te "
                  "dringen op extra tijd om tot een deal te komen.")
    e = events(a, "CONSULT")
    assert e and e[0].mode == "visit" and e[0].actor == ["GBR"] and set(e[0].recipient) >= {"FRA", "DEU"}


def test_committing_an_attack_is_an_assault_trigger() -> None:
    # dpgmedia2019 dpg2019-10592142 (ETA is no actor of the gazetteer, so the trigger is checked, not the event)
    text = ("Dat is een sociaal fenomeen dat zich zelfs niet voordeed in de tijd dat de Baskische "
            "afscheidingsbeweging ETA de ene na de andere aanslag pleegde in Spanje.")
    lex = lexicon("nl")
    assert lex is not None
    assert [t.rule.type for t in lex.find(text)] == ["ASSAULT"]
