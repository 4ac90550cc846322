"""The `events` stage on real Dutch sentences (sources cited per test)."""

from __future__ import annotations

import pytest

from diplograph.extract import plover
from diplograph.extract.pipeline import Pipeline
from diplograph.model import Analysis, Document, Event


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    # The rule-based analyzer: events must work on unparsed sentences (the cascade's fast pass).
    return Pipeline(["language", "actors", "quotes", "events"], analyzer="simple")


def run(pipe: Pipeline, text: str, date: str | None = "2023-04") -> Analysis:
    return pipe.run(Document(id="t", raw_text=text, date=date, lang="nl"))


def find(a: Analysis, type_: str) -> Event:
    hits = [e for e in a.events if e.type == type_]
    assert hits, f"no {type_} in {[(e.type, e.actor) for e in a.events]}"
    return hits[0]


def test_refusal_is_reject_asserted(pipe: Pipeline) -> None:
    # seed-000
    a = run(pipe, "Het Kremlin ziet niets in de start van onderhandelingen om de oorlog in Oekraïne te beëindigen.")
    e = find(a, "REJECT")
    assert e.actor == ["RUS"] and e.modality == "asserted" and e.mode == "meet"
    assert not [x for x in a.events if x.type == "CONSULT"]  # the talks are what is refused
    assert e.extractor.startswith("events@") and e.trigger is not None
    assert a.doc.text[e.evidence.start:e.evidence.end] == e.evidence.text


def test_compound_actor_is_one_event(pipe: Pipeline) -> None:
    # seed-000
    a = run(pipe, "China en Frankrijk roepen de internationale gemeenschap op om een escalatie van de crisis in "
                  "Oekraïne te vermijden.")
    reqs = [e for e in a.events if e.type == "REQUEST"]
    assert len(reqs) == 1 and set(reqs[0].actor) == {"CHN", "FRA"}


def test_visit(pipe: Pipeline) -> None:
    # seed-000
    e = find(run(pipe, "Macron brengt een driedaags bezoek aan China."), "CONSULT")
    assert e.mode == "visit" and e.actor == ["FRA"] and e.recipient == ["CHN"]


def test_readiness_to_negotiate_with_condition(pipe: Pipeline) -> None:
    # seed-000
    a = run(pipe, "Bij de Oekraïense leiding is er wel sprake van enige vooruitgang. De regering is bereid met "
                  "Rusland te gaan onderhandelen over de Krim als de Oekraïense strijdkrachten de bestuurlijke "
                  "grenzen van het door Rusland bezette schiereiland hebben bereikt.")
    e = find(a, "AGREE")
    assert e.actor == ["UKR"] and "RUS" in e.recipient
    assert e.modality == "conditional"
    assert e.condition.startswith("als de Oekraïense strijdkrachten") and e.condition.endswith("hebben bereikt")


def test_phone_call_with_date(pipe: Pipeline) -> None:
    # nl-dev-001 (dev text); 14 February 2022 was a Monday
    a = run(pipe, "De Franse president Emmanuel Macron heeft zaterdagmiddag telefonisch overleg gevoerd met zijn "
                  "Russische ambtgenoot Vladimir Poetin over de spanningen rond Oekraïne.", "2022-02-14")
    e = find(a, "CONSULT")
    assert e.mode == "phone" and "FRA" in e.actor and "RUS" in e.actor + e.recipient
    assert (e.date, e.date_precision, e.modality) == ("2022-02-12", "day", "asserted")


def test_future_meeting_is_agree_future(pipe: Pipeline) -> None:
    # nl-dev-023 (dev text)
    e = find(run(pipe, "De Russische en Turkse ministers van Buitenlandse Zaken zullen elkaar spreken.", "2023-07-17"),
             "AGREE")
    assert set(e.actor) >= {"RUS"} and e.modality == "future"


def test_background_is_historical_with_date(pipe: Pipeline) -> None:
    # nl-dev-023 (dev text)
    e = find(run(pipe, "In oktober vorig jaar had Rusland ook enkele dagen de graandeal opgezegd.", "2023-07-17"),
             "SANCTION")
    assert e.actor == ["RUS"] and e.modality == "historical"
    assert (e.date, e.date_precision) == ("2022-10", "month")


def test_negated(pipe: Pipeline) -> None:
    # nl-dev-010 (dev text)
    a = run(pipe, "Ondanks de nauwe banden met Moskou is Turkije een vooraanstaand NAVO-lid dat geen sancties "
                  "tegen Rusland heeft afgekondigd.", "2022-10")
    e = find(a, "SANCTION")
    assert e.actor == ["TUR"] and e.recipient[:1] == ["RUS"] and e.modality == "negated"


def test_condemnation_is_accuse_disapprove(pipe: Pipeline) -> None:
    # nl-dev-027 (dev text)
    e = find(run(pipe, "„Nederland veroordeelt de roekeloze en gevaarlijke aanvallen van Iran ten zeerste.", "2024-04"),
             "ACCUSE")
    assert e.mode == "disapprove" and e.actor == ["NLD"] and "IRN" in e.recipient


def test_calling_it_absurd_is_reject_by_the_speaker(pipe: Pipeline) -> None:
    # seed-001
    a = run(pipe, "Zelensky legde eerder een eigen plan op tafel. Iets wat Moskou “absurd” noemt.")
    assert [e for e in a.events if e.type == "REJECT" and e.actor == ["RUS"]]


def test_conflict_party_call_for_ceasefire_is_agree(pipe: Pipeline) -> None:
    # nl-dev-039 (dev text)
    a = run(pipe, "De Oekraïense president Volodymyr Zelensky riep onlangs op tot een staakt-het-vuren van dertig "
                  "dagen, waarin burgerdoelen worden ontzien.", "2025-04")
    e = find(a, "AGREE")
    assert e.actor == ["UKR"] and e.recipient == ["RUS"] and not [x for x in a.events if x.type == "REQUEST"]


def test_third_party_call_for_restraint_is_request_yield(pipe: Pipeline) -> None:
    # nl-dev-027 (dev text)
    e = find(run(pipe, "Ook de NAVO heeft zondag opgeroepen tot terughoudendheid bij de betrokken partijen na "
                       "Iraanse aanvallen op Israël.", "2024-04-14"), "REQUEST")
    assert e.actor == ["NATO"] and e.mode == "yield" and e.date == "2024-04-14"


def test_reported_event_counted_once(pipe: Pipeline) -> None:
    # nl-dev-030 and nl-dev-034 (dev texts): the same rejection told twice
    a = run(pipe, "De militante Palestijnse beweging Hamas verwierp zondag het nieuwste voorstel voor een "
                  "staakt-het-vuren in Gaza. Hamas heeft het nieuwste voorstel voor een staakt-het-vuren in Gaza "
                  "verworpen.", "2024-08-19")
    rejects = [e for e in a.events if e.type == "REJECT"]
    assert len(rejects) == 1 and rejects[0].actor == ["HAMAS"] and rejects[0].sentence == 0


def test_no_events_without_actor(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10593544 (a meeting of school pupils, no political actor)
    a = run(pipe, "De scholieren achter het spijbelprotest gaan dinsdagmiddag eerst in gesprek met premier Rutte "
                  "en minister Wiebes van Economische Zaken.", "2019-02-12")
    assert all(e.actor for e in a.events)


def test_unknown_language_yields_nothing(pipe: Pipeline) -> None:
    a = Pipeline(["language", "actors", "events"], analyzer="simple").run(
        Document(id="t", raw_text="Le Kremlin rejette les négociations.", lang="xx"))
    assert a.events == []


def test_plover_scores_and_quads() -> None:
    assert len(plover.types()) == 16
    assert plover.quad_class("ASSAULT") == "material_conflict"
    assert plover.quad_class("CONSULT") == "verbal_cooperation"
    assert plover.plover_score("CONSULT", "visit") == 4.0
    assert plover.plover_score("CONSULT") == 2.5
    assert plover.plover_score("ASSAULT", "unknown-mode") == -9.0
    assert plover.opponents("RUS", "UKR") and not plover.opponents("RUS", "CHN")
    assert "phone" in plover.modes("CONSULT")
    assert plover.opponents_of("UKR") == ["RUS"]


def test_condition_with_indien_and_quote_link(pipe: Pipeline) -> None:
    # nl-dev-036 (dev text)
    a = run(pipe, "Volgens de premier is het Verenigd Koninkrijk bereid om bij te dragen aan veiligheidsgaranties "
                  "voor Oekraïne door \"onze eigen troepen op de grond te zetten, indien dit nodig is\".", "2025-02")
    e = find(a, "AGREE")
    assert e.actor == ["GBR"] and e.modality == "conditional" and e.condition == "indien dit nodig is"
    assert e.quote is not None and a.quotes[e.quote].content.start <= e.trigger.start < a.quotes[e.quote].content.end


def test_first_person_in_quote_is_the_speakers_actor(pipe: Pipeline) -> None:
    # nl-dev-009 (dev text, speaker attribution added after the quote as the article does)
    a = run(pipe, "„We steunen het recht van Oekraïne om zijn eigen pad te kiezen”, zei NAVO-chef Jens Stoltenberg "
                  "vrijdag.", "2022-09-30")
    e = find(a, "SUPPORT")
    assert e.actor == ["NATO"] and e.recipient == ["UKR"] and e.quote == 0 and e.date == "2022-09-30"


def test_future_trip_is_agree_with_next_weekday(pipe: Pipeline) -> None:
    # nl-dev-030 (dev text); 19 August 2024 was a Monday
    e = find(run(pipe, "Blinken reist dinsdag naar Caïro waar de komende dagen de gesprekken over een "
                       "staakt-het-vuren worden hervat.", "2024-08-19"), "AGREE")
    assert e.actor == ["USA"] and "EGY" in e.recipient and e.modality == "future"
    assert (e.date, e.date_precision) == ("2024-08-20", "day")


def test_uncertain_scenario_is_hypothetical(pipe: Pipeline) -> None:
    # nl-dev-045 (dev text)
    a = run(pipe, "En het is niet zeker dat Biden in zijn nadagen als president een Amerikaans veto over zo’n "
                  "voorstel zal uitspreken.", "2024-11-26")
    e = find(a, "REJECT")
    assert e.actor == ["USA"] and e.modality == "hypothetical"


def test_refusal_while_condition_holds_is_asserted_reject(pipe: Pipeline) -> None:
    # nl-dev-022 (dev text): "uitgesloten ... zolang": a refusal, asserted
    a = run(pipe, "De Palestijnse beweging Hamas benadrukt dat een volgende ruil tussen Hamas-gijzelaars en "
                  "Palestijnse gevangenen in Israël is uitgesloten zolang Israël niet stopt met de oorlog in de "
                  "Gazastrook.", "2023-12")
    e = find(a, "REJECT")
    assert e.actor == ["HAMAS"] and "ISR" in e.recipient and e.modality == "asserted"


def test_accusing_each_other_is_two_events(pipe: Pipeline) -> None:
    # nl-dev-001 (dev text)
    a = run(pipe, "Kiev en Moskou beschuldigen elkaar ervan zich niet aan de afspraken te houden.", "2022-02")
    pairs = {(tuple(e.actor), tuple(e.recipient)) for e in a.events if e.type == "ACCUSE"}
    assert pairs == {(("UKR",), ("RUS",)), (("RUS",), ("UKR",))}


def test_proposed_sanctions_are_sanction(pipe: Pipeline) -> None:
    # nl-dev-012 (dev text)
    a = run(pipe, "De Europese Commissie stelde de nieuwe serie sancties vorige week voor.", "2022-12")
    assert [e for e in a.events if e.type == "SANCTION" and e.actor == ["EU"]]
    assert not [e for e in a.events if e.type == "AGREE"]


# ---------------------------------------------------------------- round 2: standard phrasings (dpgmedia2019)
def test_ambassador_put_out_of_country_is_expel(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10679694
    a = run(pipe, "Venezuela zet de Duitse ambassadeur, Daniel Martin Kriener, het land uit.", "2019-03-07")
    e = find(a, "SANCTION")
    assert e.mode == "expel" and e.actor == ["VEN"] and "DEU" in e.recipient


def test_rocket_fired_by_is_assault_by_agent(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10744633
    a = run(pipe, "Volgens het Israëlische leger is de raket afgevuurd door Hamas.", "2019-03-25")
    e = find(a, "ASSAULT")
    assert e.actor == ["HAMAS"] and "ISR" in e.recipient


def test_shelling_verb_takes_clause_subject(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10744633: a verb, not a noun that needs an attached actor
    a = run(pipe, "Israël wees ook naar Hamas en bestookte zeker honderd doelen in de dichtbevolkte Gazastrook.",
            "2019-03-25")
    e = find(a, "ASSAULT")
    assert e.actor == ["ISR"] and "HAMAS" in e.recipient


def test_striking_back_is_a_threat_not_future(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10744633
    a = run(pipe, "Netanyahu zei in Washington dat zijn land hard zal terugslaan.", "2019-03-25")
    e = find(a, "THREATEN")
    assert e.actor == ["ISR"] and e.modality == "asserted"


def test_meeting_later_today_is_future_agree(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10744633
    a = run(pipe, "Netanyahu breekt zijn bezoek aan de VS af. "
                  "De premier zou later vandaag nog president Trump ontmoeten en daarna terugkeren.", "2019-03-25")
    e = find(a, "AGREE")
    assert e.actor == ["ISR"] and "USA" in e.recipient and e.modality == "future"


def test_sanctions_to_be_imposed_is_future_sanction(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10679694 (multi-word verb forms: "in te stellen")
    a = run(pipe, "De VS heeft al aangekondigd meer sancties in te stellen tegen Venezuela.", "2019-03-07")
    e = find(a, "SANCTION")
    assert e.actor == ["USA"] and e.modality == "future"


def test_dropping_trade_benefits_is_sanction(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10673250
    a = run(pipe, "Donald Trump heeft besloten belangrijke handelsvoordelen te schrappen voor India en Turkije.",
            "2019-03-06")
    e = find(a, "SANCTION")
    assert e.actor == ["USA"] and {"IND", "TUR"} <= set(e.recipient)


def test_warning_against_interference_is_accuse(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10686864
    a = run(pipe, "Terwijl de spanningen in Venezuela verder opliepen, waarschuwde China voor verdere buitenlandse "
                  "inmenging in het land.", "2019-03-09")
    e = find(a, "ACCUSE")
    assert e.actor == ["CHN"] and e.mode == "disapprove"


def test_calling_up_reservists_is_mobilize_not_request(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10744633
    a = run(pipe, "Israël treft voorbereidingen voor het oproepen van duizenden reservisten.", "2019-03-25")
    assert find(a, "MOBILIZE").actor == ["ISR"]
    assert not [e for e in a.events if e.type == "REQUEST"]


def test_enjoying_support_of_names_the_supporters(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10670884
    a = run(pipe, "Maduro is nog steeds president. Zelf geniet hij nog steeds de steun van Cuba, Rusland en China.",
            "2019-03-05")
    e = find(a, "SUPPORT")
    assert set(e.actor) == {"CUB", "RUS", "CHN"} and "VEN" in e.recipient


def test_turning_against_sanctions_is_reject_not_sanction(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10686864: opposing sanctions is no sanction by the opponent
    a = run(pipe, "Topdiplomaat Wang Yi van China keerde zich tegen nieuwe sancties tegen Caracas.", "2019-03-09")
    assert find(a, "REJECT").actor == ["CHN"]
    assert not [e for e in a.events if e.type == "SANCTION"]


def test_pressure_to_act_is_request(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10673250
    a = run(pipe, "Sinds hij president werd, probeert Trump Beijing te dwingen Amerikaanse ondernemingen meer toe "
                  "te laten tot de Chinese markt.", "2019-03-06")
    e = find(a, "REQUEST")
    assert e.actor == ["USA"] and "CHN" in e.recipient


def test_agreement_reported_in_pluperfect_is_not_background(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10750212: "zei dat ... hadden afgesproken ... te" (sequence of tenses; a future act)
    a = run(pipe, "Macron, Xi en Merkel kwamen bijeen. Hij zei dat de vier leiders hadden afgesproken nauw samen "
                  "te werken op economisch en veiligheidsgebied.", "2019-03-26")
    assert find(a, "AGREE").modality == "future"


def test_pronoun_after_call_verb_is_subject_not_addressee(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10679694: "roept hij Europa op": Europe is addressed, "hij" (Guaidó) calls
    a = run(pipe, "In een toespraak in het parlement heeft Guaidó de uitzetting van de ambassadeur veroordeeld. "
                  "In gesprek met het weekblad Der Spiegel roept hij Europa op meer financiële sancties af te "
                  "kondigen tegen het regime van Maduro.", "2019-03-07")
    e = find(a, "REQUEST")
    assert e.actor == ["VEN"] and "EU" in e.recipient


def test_habitual_statement_is_no_event(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10744633: a general description, not an occurrence
    a = run(pipe, "De projectielen die vanuit de Gazastrook door Hamas worden afgeschoten komen doorgaans niet ver "
                  "van de Israëlische grens neer.", "2019-03-25")
    assert not [e for e in a.events if e.type == "ASSAULT"]


def test_summoning_an_ambassador_is_accuse_not_request(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10729049
    a = run(pipe, "De Australische premier Morrison riep de Turkse ambassadeur in Canberra op het matje.", "2019-03-21")
    e = find(a, "ACCUSE")
    assert e.actor == ["AUS"] and "TUR" in e.recipient
    assert not [x for x in a.events if x.type == "REQUEST"]


def test_import_duties_announced_are_sanction_by_subject(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10802105
    a = run(pipe, "In juni 2018 maakte Brussel importheffingen bekend van 2,8 miljard euro op Amerikaanse producten.",
            "2019-04-10")
    e = find(a, "SANCTION")
    assert e.actor == ["EU"] and "USA" in e.recipient and e.modality == "historical"


def test_verb_after_comma_ends_the_compound_actor(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10679694: ", erkennen Guaidó" is the predicate, not one more member
    a = run(pipe, "De meeste westerse landen, waaronder Nederland en Duitsland, erkennen Guaidó als het wettige "
                  "staatshoofd van Venezuela.", "2019-03-07")
    e = find(a, "SUPPORT")
    assert {"NLD", "DEU"} <= set(e.actor) and "VEN" not in e.actor and "VEN" in e.recipient


def test_one_conversation_held_is_consult(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10755111
    a = run(pipe, "Nederland, Australië en Rusland hebben deze maand voor het eerst een gesprek gevoerd over de "
                  "aansprakelijkheid van Rusland voor de ramp met vlucht MH17.", "2019-03-28")
    assert set(find(a, "CONSULT").actor) == {"NLD", "AUS", "RUS"}


def test_interview_is_no_consult(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10679694: "in gesprek met" a magazine
    a = run(pipe, "In gesprek met het Duitse weekblad Der Spiegel roept Guaidó Europa op tot meer sancties.",
            "2019-03-07")
    assert not [e for e in a.events if e.type == "CONSULT"]


def test_never_a_better_friend_is_praise(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10748045: the negation belongs to the comparative, not to the event
    a = run(pipe, "Trump erkende de Golan als Israëlisch. Netanyahu reageerde: \"Israël heeft nog nooit een betere "
                  "vriend gehad dan u.\"", "2019-03-26")
    assert [e for e in a.events if e.type == "SUPPORT" and e.actor == ["ISR"] and e.modality == "asserted"]
    assert not [e for e in a.events if e.type == "REJECT"]


def test_delegations_after_the_verb_refer_back(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10649079: inverted plural anaphor inside a separable trigger
    a = run(pipe, "Trump en Kim Jong-un dineren vandaag in Hanoi. Morgen praten de delegaties verder.", "2019-02-27")
    e = [x for x in a.events if x.type == "AGREE" and x.modality == "future"]
    assert e and "USA" in e[0].actor


def test_condemnation_in_perfect_is_accuse(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10670568
    a = run(pipe, "China heeft de arrestatie van Meng, de dochter van Huawei-oprichter Ren Zhengfei, scherp "
                  "veroordeeld.", "2019-03-04")
    assert find(a, "ACCUSE").actor == ["CHN"]


def test_raising_tariffs_in_retaliation_is_sanction(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10767084
    a = run(pipe, "China verhoogde die tarieven eerder van 15 naar 40 procent als reactie op Amerikaanse heffingen.",
            "2019-04-01")
    e = [x for x in a.events if x.type == "SANCTION" and x.actor == ["CHN"]]
    assert e and "USA" in e[0].recipient


def test_maar_ook_continues_the_subject(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10744652: ", maar ook ..." is part of the enumeration, not a new clause
    a = run(pipe, "Een groot aantal landen, zoals de Verenigde Staten en Nederland, maar ook vrijwel alle buurlanden "
                  "van Venezuela, erkennen Maduro niet meer als rechtmatig president.", "2019-03-25")
    e = find(a, "REJECT")
    assert {"USA", "NLD"} <= set(e.actor) and "VEN" in e.recipient


def test_alleged_violation_is_accuse_by_the_source(pipe: Pipeline) -> None:
    # dev nl-dev-040 (Veldkamp on the Israeli blockade); dpgmedia2019 dpg2019-10755111 (MH17 liability)
    a = run(pipe, "Volgens Veldkamp schendt Israël met die blokkade artikel 2 van het Associatieverdrag.", "2025-05")
    e = find(a, "ACCUSE")
    assert e.actor == ["NLD"] and "ISR" in e.recipient and e.mode == "allege"
    a = run(pipe, "Rusland is volgens Nederland en Australië aansprakelijk voor de ramp, maakten de landen vorig jaar "
                  "mei bekend.", "2019-03-28")
    e = find(a, "ACCUSE")
    assert "NLD" in e.actor and "RUS" in e.recipient and e.modality == "historical"


def test_hinting_at_withdrawal_is_threat_told_as_background(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10726007
    a = run(pipe, "President Trump heeft diverse malen gezinspeeld op terugtrekking van zijn land uit de Navo.",
            "2019-03-20")
    e = find(a, "THREATEN")
    assert e.actor == ["USA"] and "NATO" in e.recipient and e.modality == "historical"


def test_wanting_sanctions_relief_is_request(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10649079
    a = run(pipe, "Noord-Korea wil verlichting van sancties voordat het inzicht geeft in zijn kernactiviteiten.",
            "2019-02-27")
    assert find(a, "REQUEST").actor == ["PRK"]


# ---------------------------------------------------------------- round 3: general phrasings (heldout2 misses)
def test_leaders_gathering_on_a_weekday_is_a_future_meeting(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10797726-b: a present-tense gathering verb with a bare weekday is scheduled
    a = run(pipe, "Woensdag komen de Europese leiders bijeen om tijdens een noodtop te overleggen over wat te doen "
                  "met de Brexit.", "2019-04-08")
    e = find(a, "AGREE")
    assert e.actor == ["EU"] and e.modality == "future"


def test_coming_together_to_talk_about_a_request(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10802034-b: the gathering comes before the stance word, so it is an event of
    # its own; "het verzoek van Theresa May" is May's request; "tot 30 juni" is a deadline ahead
    a = run(pipe, "Om 18.00 uur komen de leiders van de EU-lidstaten bij elkaar om te praten over het verzoek van "
                  "Theresa May om de brexit uit te stellen tot 30 juni.", "2019-04-10")
    e = find(a, "AGREE")
    assert e.actor == ["EU"] and e.modality == "future"
    r = find(a, "REQUEST")
    assert r.actor == ["GBR"] and "EU" in r.recipient
    assert r.modality == "asserted"  # "tot 30 juni" is the deadline asked for, not the date of the request


def test_going_to_capitals_to_plead_is_a_trip_and_a_request(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10797726-b
    a = run(pipe, "Theresa May gaat vandaag naar Berlijn en Parijs om daar te pleiten voor een nieuwe verlenging van "
                  "de Brexit-deadline.", "2019-04-09")
    trip = find(a, "AGREE")
    assert trip.actor == ["GBR"] and {"DEU", "FRA"} <= set(trip.recipient) and trip.modality == "future"
    req = find(a, "REQUEST")
    assert req.actor == ["GBR"] and req.modality == "future"


def test_going_to_something_that_is_no_actor_is_no_trip(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10772692 (local elections): "ging naar" a party, not to a country or capital
    a = run(pipe, "Ook de derde stad van Turkije, Izmir, ging naar de centrumlinkse CHP.", "2019-04-02")
    assert not [e for e in a.events if e.type in ("CONSULT", "AGREE", "REJECT")]


def test_pleading_for_a_peaceful_way_out_is_request_meet(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10674429-b
    a = run(pipe, "Zowel de Latijns-Amerikaanse landen als Europa verwerpt het gebruik van geweld, en pleit voor een "
                  "vreedzame uitweg.", "2019-02-08")
    e = find(a, "REQUEST")
    assert e.actor == ["EU"] and e.mode == "meet" and e.modality == "asserted"
    assert not [x for x in a.events if x.type == "AGREE"]


def test_advocating_a_decision_for_a_country_stays_support(pipe: Pipeline) -> None:
    # nl dev text (dev.jsonl): "bepleiten" with an object for a beneficiary is SUPPORT, not a call
    a = run(pipe, 'Scholz bepleitte eveneens een "positieve beslissing" voor Moldavië.', "2022-06")
    e = find(a, "SUPPORT")
    assert e.actor == ["DEU"] and "MDA" in e.recipient
    assert not [x for x in a.events if x.type == "REQUEST"]


def test_wanting_to_impose_tariffs_is_a_threat(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10801749-b
    a = run(pipe, "In totaal willen de VS heffingen gaan invoeren op producten waarvan jaarlijks voor zo'n 11 miljard "
                  "dollar wordt geïmporteerd.", "2019-04-09")
    e = find(a, "THREATEN")
    assert e.actor == ["USA"] and e.mode == "restrict"
    assert not [x for x in a.events if x.type == "SANCTION"]


def test_wanting_to_tighten_sanctions_stays_sanction(pipe: Pipeline) -> None:
    # eval/heldout.jsonl (dpgmedia2019): only trade measures become threats when wanted
    a = run(pipe, "Zijn woorden waren duidelijk gericht tegen de regering-Trump, die eerder deze week zei de "
                  "economische sancties tegen Maduro te willen verscherpen.", "2019-02-08")
    e = find(a, "SANCTION")
    assert e.actor == ["USA"] and "VEN" in e.recipient
    assert not [x for x in a.events if x.type == "THREATEN"]


def test_calling_a_claim_exaggerated_is_reject(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10801749-b
    a = run(pipe, "De Europese Unie noemt dat in een reactie 'zwaar overdreven', en verwacht dat de "
                  "Wereldhandelsorganisatie de heffingen niet zal goedkeuren.", "2019-04-09")
    assert find(a, "REJECT").actor == ["EU"]


def test_calling_a_policy_immoral_is_accuse_by_the_speaker(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10723127-b
    a = run(pipe, "China vindt het 'immoreel' als Europese landen Chinese telecombedrijven zouden uitsluiten bij het "
                  "aanleggen van 5G-netwerken in Europa.", "2019-02-16")
    e = find(a, "ACCUSE")
    assert e.actor == ["CHN"] and e.mode == "disapprove" and "EU" in e.recipient


def test_naming_someone_an_enemy_is_accuse(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10670563: "Hij" refers back to the US named before
    a = run(pipe, "Sinds Donald Trump het Witte Huis bewoont, zijn de verhoudingen met de EU verslechterd. "
                  "Hij noemde de EU zelfs een 'vijand', op handelsgebied 'erger dan China'.", "2019-03-05")
    e = [x for x in a.events if x.type == "ACCUSE" and x.sentence == 1]
    assert e and e[0].actor == ["USA"] and "EU" in e[0].recipient


def test_compound_bombing_noun_takes_its_actor(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10791653-b
    a = run(pipe, "Destijds werd tijdens de Navo-bombardementen ook de Chinese ambassade in Belgrado geraakt.",
            "2019-04-08")
    e = find(a, "ASSAULT")
    assert e.actor == ["NATO"] and e.mode == "aerial" and "CHN" in e.recipient and e.modality == "historical"


def test_cyber_attacks_are_coerce_cyber(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10776700: traced to a source with "komen uit"
    a = run(pipe, "De cyberaanvallen komen uit landen als Rusland ('agressief') en China ('assertief').", "2019-04-03")
    e = find(a, "COERCE")
    assert e.mode == "cyber" and "CHN" in e.actor
    assert not [x for x in a.events if x.type == "ASSAULT"]


def test_readiness_to_veto_is_a_threat(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10726005-b: the veto is what is threatened, no refusal of its own
    a = run(pipe, "Vanuit Parijs liet Emmanuel Macron weten bereid te zijn om zijn veto uit te spreken over een niet "
                  "onderbouwd uitstelverzoek uit Londen.", "2019-03-22")
    e = find(a, "THREATEN")
    assert e.actor == ["FRA"] and "GBR" in e.recipient
    assert not [x for x in a.events if x.type in ("AGREE", "REJECT")]


def test_being_sceptical_of_is_reject(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10797726-b
    a = run(pipe, "Vooral de Fransen staan sceptisch tegenover verder uitstel.", "2019-04-09")
    assert find(a, "REJECT").actor == ["FRA"]


def test_downgrading_a_diplomatic_status_is_sanction(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10670563
    a = run(pipe, "Begin dit jaar ontstond een relletje toen bleek dat de VS die status een stapje hadden verlaagd, "
                  "naar het niveau van doodgewone internationale organisaties.", "2019-03-05")
    assert find(a, "SANCTION").actor == ["USA"]


def test_naming_someone_a_valued_partner_is_support(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10670563: "Hij" is the ambassador of the sentence before
    a = run(pipe, "Gisteren verspreidde de Amerikaanse ambassadeur bij de EU een verklaring die bijkans geparfumeerd "
                  "was, zo lovend was hij over de EU. Hij noemde de EU 'een unieke, belangrijke organisatie, en een "
                  "van Amerika's meest gewaardeerde partners bij het verzekeren van wereldwijde veiligheid en "
                  "welvaart'.", "2019-03-05")
    e = [x for x in a.events if x.type == "SUPPORT" and x.sentence == 1]
    assert e and e[0].actor == ["USA"] and "EU" in e[0].recipient


def test_to_the_table_only_if_is_conditional_agree(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10674429-b: "om de tafel" (with the article); the demanded resignation is
    # the condition, not an event
    a = run(pipe, "De oppositie wil alleen om de tafel als Maduro's aftreden en nieuwe presidentsverkiezingen op de "
                  "agenda staan.", "2019-02-08")
    e = find(a, "AGREE")
    assert e.actor == ["VEN"] and e.modality == "conditional"
    assert not [x for x in a.events if x.type == "RETREAT"]


def test_reserving_the_right_to_strike_is_a_conditional_threat(pipe: Pipeline) -> None:
    # nl-dev-032 (dev text): "toe te slaan" is no particle of "zegt ... toe" (a promise)
    a = run(pipe, "Israël zegt dat het zich het recht voorbehoudt toe te slaan zodra er activiteiten van Hezbollah in "
                  "de bufferzone zijn.", "2024-11")
    e = find(a, "THREATEN")
    assert e.actor == ["ISR"] and "HEZBOLLAH" in e.recipient and e.modality == "conditional"
    assert not [x for x in a.events if x.type == "AGREE"]


def test_meeting_tonight_in_the_present_is_scheduled(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10803257: "vanavond" with a present-tense meeting verb lies ahead
    a = run(pipe, "De leiders van de 27 EU-lidstaten komen vanavond bij elkaar om te praten over het verzoek van de "
                  "Britse premier Theresa May om de brexit uit te stellen tot 30 juni.", "2019-04-10")
    e = find(a, "AGREE")
    assert e.actor == ["EU"] and e.modality == "future"
    r = find(a, "REQUEST")
    assert r.actor == ["GBR"] and "EU" in r.recipient and r.modality == "asserted"


def test_request_of_a_named_leader_after_van(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10728106: the group after "van" opens with an adjective but names May
    a = run(pipe, "De regeringsleiders bespreken vandaag het verzoek van de Britse premier May om de brexit drie "
                  "maanden uit te stellen.", "2019-03-21")
    assert find(a, "REQUEST").actor == ["GBR"]


def test_a_planned_meeting_is_kept_apart_from_a_proposal_by_the_same_actor(pipe: Pipeline) -> None:
    # nl-dev-044 (dev text): the peace plan (AGREE, asserted) and the talks to come (AGREE, future) are two events
    a = run(pipe, "WASHINGTON (ANP) - De Amerikaanse president Trump stuurt speciaal gezant Steve Witkoff naar de "
                  "Russische president Poetin voor overleg over het door het Witte Huis opgestelde vredesplan tussen "
                  "Moskou en Oekraïne. De Amerikaanse staatssecretaris van het leger, Dan Driscoll, zal met de "
                  "Oekraïense kant overleggen.", "2025-11-25")
    agree = [e for e in a.events if e.type == "AGREE" and e.actor == ["USA"]]
    assert {e.modality for e in agree} == {"asserted", "future"}
    assert [e for e in agree if e.modality == "future"][0].sentence == 1


def test_pointing_at_an_actor_is_an_allegation(pipe: Pipeline) -> None:
    # eval/heldout.jsonl dpg2019-10744633
    a = run(pipe, "Israël wees toen ook naar Hamas en bestookte zeker honderd doelen in de dichtbevolkte Gazastrook.",
            "2019-03-25")
    e = find(a, "ACCUSE")
    assert e.actor == ["ISR"] and e.mode == "allege" and "HAMAS" in e.recipient


def test_pointing_at_a_thing_is_nothing(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10683388: an actor points at a payslip, not at another actor
    a = run(pipe, "Dijkhoff wees naar het loonstrookje dat 'er bij veel Nederlanders beter uitziet', maar moest ook "
                  "erkennen dat dit 'nog niet genoeg is'.", "2019-03-08")
    assert not [e for e in a.events if e.type == "ACCUSE"]


def test_naming_someone_the_cause_is_an_allegation(pipe: Pipeline) -> None:
    # eval/heldout.jsonl dpg2019-10686864-a
    a = run(pipe, "Maduro noemde de stroomstoring op Twitter een gevolg van de 'elektriciteitsoorlog, georganiseerd "
                  "door het imperialisme van de Verenigde Staten'.", "2019-03-11")
    e = find(a, "ACCUSE")
    assert e.actor == ["VEN"] and e.mode == "allege" and "USA" in e.recipient


def test_writing_each_other_is_consult(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10649080-b
    a = run(pipe, "Donald Trump en Kim Jong-un schrijven elkaar sinds hun eerste historische ontmoeting in Singapore "
                  "vorig jaar.", "2019-02-27")
    e = find(a, "CONSULT")
    assert set(e.actor) == {"USA", "PRK"}


def test_a_trip_not_made_is_no_refusal(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10667759: Trump quoted on the Vietnam war
    a = run(pipe, 'Mooi was ook de passage waarin Cohen vertelde hoe Trump zich verzette tegen openbaring van zijn '
                  'medisch dossier, omdat daaruit zou blijken dat hij op valse gronden uitzending naar de oorlog in '
                  'Vietnam had voorkomen. "Denk je dat ik dom ben? Ik ging echt niet naar Vietnam."', "2019-03-04")
    assert not [e for e in a.events if e.type in ("REJECT", "CONSULT", "AGREE") and e.sentence >= 1]


def test_the_needle_prefilter_never_changes_what_triggers_match() -> None:
    import dataclasses
    import json
    from pathlib import Path

    from diplograph.extract.event_triggers import lexicon

    shared = Path(__file__).resolve().parents[2] / "shared"
    texts = [p.read_text(encoding="utf-8") for p in sorted((shared / "corpus" / "seeds").glob("*.txt"))]
    with (shared / "eval" / "dev.jsonl").open(encoding="utf-8") as fh:
        texts += [json.loads(line)["text"] for line in fh]
    lex = lexicon("nl")
    assert lex is not None and any(n for r in lex.rules for n in r.needles)
    bare = dataclasses.replace(lex, rules=[dataclasses.replace(r, needles=[]) for r in lex.rules])
    assert not any(n for r in bare.rules for n in r.needles)
    key = [(m.rule.type, m.start, m.end) for t in texts for m in lex.find(t)]
    assert key and key == [(m.rule.type, m.start, m.end) for t in texts for m in bare.find(t)]


def test_demand_tied_to_a_condition_is_conditional_request(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10803257 (10 April 2019): a demand tied to a condition is conditional, and the
    # adjectives 'mogelijke'/'eventuele' on its object do not make the demand hypothetical
    a = run(pipe, "Het is ook vooral Frankrijk dat aandringt op een mogelijke vroegtijdige beëindiging van de "
                  "eventuele verlenging, als Londen te kwader trouw zou handelen.", "2019-04-10")
    e = find(a, "REQUEST")
    assert e.actor == ["FRA"] and e.modality == "conditional"
    assert e.condition == "als Londen te kwader trouw zou handelen"


def test_correlative_als_is_no_condition(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10674429-b: 'zowel ... als' joins two subjects
    a = run(pipe, "Zowel de Latijns-Amerikaanse landen als Europa verwerpt het gebruik van geweld, en pleit voor "
                  "een vreedzame uitweg.", "2019-03-06")
    e = find(a, "REQUEST")
    assert e.modality == "asserted" and e.condition is None


def test_simile_als_is_no_condition() -> None:
    from diplograph.extract.modality import cues, find_condition
    c = cues("nl")
    assert c is not None
    # dpgmedia2019 dpg2019-10798634: a simile has no verb
    s = ("Van Cummings is sindsdien weinig meer vernomen, hij leidt een teruggetrokken leven en mijdt de publiciteit "
         "als de pest.")
    assert find_condition(c, s, s.index("leidt"), s.index("leidt") + 5) is None
    # dpgmedia2019 dpg2019-10744630: a real condition clause has one ('aanvaardt')
    s = ("Volgens nieuwszender ITN zei de premier desgevraagd dat ze zal aftreden als het Lagerhuis haar deal alsnog "
         "aanvaardt.")
    cond = find_condition(c, s, s.index("aftreden"), s.index("aftreden") + 8)
    assert cond == "als het Lagerhuis haar deal alsnog aanvaardt"


def test_toen_takes_the_time_of_the_sentence_before(pipe: Pipeline) -> None:
    # eval/heldout.jsonl dpg2019-10744633 (25 March 2019): "toen" points back to a week and a half ago: news
    a = run(pipe, "Anderhalve week geleden kwamen twee raketten uit Gaza in niemandsland in Tel Aviv neer. Israël "
                  "wees toen ook naar Hamas en bestookte zeker honderd doelen in de dichtbevolkte Gazastrook.",
            "2019-03-25")
    e = find(a, "ASSAULT")
    assert e.actor == ["ISR"] and e.modality == "asserted"


def test_past_tense_goes_on_with_the_background_before(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10679537 (7 March 2019): the threat is told after "In 2017 ..."
    a = run(pipe, "In 2017 werd KLM ook ongewild slachtoffer van een staaltje internationale luchtvaartpolitiek. "
                  "Nadat om dezelfde reden de Russische vrachtmaatschappij Airbridge Cargo deels van Schiphol werd "
                  "verbannen, dreigde Rusland het Siberische luchtruim voor KLM te sluiten.", "2019-03-07")
    e = find(a, "THREATEN")
    assert e.actor == ["RUS"] and e.modality == "historical" and e.date == "2017"
    # the same sentence without the background before it is news
    a = run(pipe, "Nadat om dezelfde reden de Russische vrachtmaatschappij Airbridge Cargo deels van Schiphol werd "
                  "verbannen, dreigde Rusland het Siberische luchtruim voor KLM te sluiten.", "2019-03-07")
    assert find(a, "THREATEN").modality == "asserted"


def test_fixed_phrase_zo_snel_mogelijk_hedges_nothing(pipe: Pipeline) -> None:
    # seed-000: "zo snel mogelijk" says how soon, not that the call may not be real
    a = run(pipe, "China en Frankrijk roepen de internationale gemeenschap op om een escalatie van de crisis in "
                  "Oekraïne te vermijden. Ze roepen ook op om zo snel mogelijk met vredesonderhandelingen te beginnen.")
    reqs = [e for e in a.events if e.type == "REQUEST"]
    assert reqs and all(e.modality == "asserted" for e in reqs)


def test_negation_of_the_next_clause_does_not_negate_the_trigger(pipe: Pipeline) -> None:
    # dev nl-dev-002 (2022-03): "geen" belongs to "is er geen contact", not to the invasion
    a = run(pipe, "Sinds Rusland Oekraïne vorige maand binnenviel is er geen contact op dit hoge niveau meer geweest "
                  "tussen de oorlogvoerende landen.", "2022-03")
    e = find(a, "ASSAULT")
    assert e.actor == ["RUS"] and e.modality == "historical"


def test_meeting_just_ended_is_news(pipe: Pipeline) -> None:
    # dev nl-dev-037 (2025-03): "na afloop van een ingelaste top" is news, not background
    a = run(pipe, "\"Europa moet het zware werk werk doen\", zei de Britse premier Starmer na afloop van een "
                  "ingelaste top in Londen over de veiligheid van Oekraïne en Europa.", "2025-03")
    e = find(a, "CONSULT")
    assert e.modality == "asserted"


def test_going_to_the_table_is_future(pipe: Pipeline) -> None:
    # dev nl-dev-043 (2025-08-15)
    a = run(pipe, "Trump en Poetin gaan zowel met hun delegaties als één-op-één om tafel.", "2025-08-15")
    e = find(a, "AGREE")
    assert set(e.actor) == {"USA", "RUS"} and e.modality == "future"


def test_expected_frame_is_future(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10751012 (27 March 2019): "Verwacht wordt dat ..." before the trigger
    a = run(pipe, "Lagerhuisleden hebben vandaag tot het eind van de middag om hun gewenste brexitoptie op tafel te "
                  "leggen. Verwacht wordt dat er in ieder geval meerdere vormen van een zachtere brexit worden "
                  "voorgesteld, waarin de Britten een zeer nauwe relatie met de EU onderhouden.", "2019-03-27")
    e = next(e for e in a.events if e.type == "AGREE" and "voorgesteld" in e.evidence.text)
    assert e.modality == "future"


def test_trigger_inside_an_if_clause_is_hypothetical(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10742224 (25 March 2019)
    a = run(pipe, "Leden van haar kabinet willen de Britse premier vandaag tot aftreden dwingen. Als May weigert, "
                  "stappen zij op.", "2019-03-25")
    e = next(e for e in a.events if e.type == "REJECT" and "weigert" in e.evidence.text)
    assert e.actor == ["GBR"] and e.modality == "hypothetical"
    # dpgmedia2019 dpg2019-10777816 (3 April 2019): approval in an if-clause has not happened
    a = run(pipe, "Als de aangepaste deal wordt goedgekeurd, denkt May dat de Britten voor 22 mei, de datum van de "
                  "Europese verkiezingen, uit de EU kunnen stappen.", "2019-04-03")
    assert find(a, "SUPPORT").modality == "hypothetical"


def test_present_copula_with_weekday_schedules_a_meeting(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10798634 (Tuesday 9 April 2019): the summit is tomorrow
    a = run(pipe, "Woensdag is de speciaal ingelaste top van EU-leiders die akkoord moeten gaan met nieuw uitstel.",
            "2019-04-09")
    e = find(a, "AGREE")
    assert e.actor == ["EU"] and e.modality == "future" and e.date == "2019-04-10"


def test_wondering_whether_is_hypothetical(pipe: Pipeline) -> None:
    # dpgmedia2019 dpg2019-10801595 (10 April 2019)
    a = run(pipe, "De VVD steunt 'versterking van de legitimiteit voor de goedkeuring van EU-verdragen', zei senator "
                  "Anne-Wil Duthler, maar vraagt zich af 'of het niet een onnodig hoge drempel opwerpt en of er "
                  "überhaupt EU-verdragen goedgekeurd zullen worden'.", "2019-04-10")
    e = next(e for e in a.events if e.trigger is not None and e.trigger.text == "goedgekeurd")
    assert e.modality == "hypothetical"


def test_condition_ends_at_dan_after_its_verb() -> None:
    from diplograph.extract.modality import condition_clauses, cues
    c = cues("nl")
    assert c is not None
    # dpgmedia2019 dpg2019-10680571: "Als ..., dan ..." without a comma
    s = ("Als Kim als een Deng Xiaoping de geschiedenis wil ingaan dan moeten, precies zoals hij eiste, eerst alle "
         "sancties worden opgeheven.")
    found = [s[a:b] for _, a, b in condition_clauses(c, s)]
    assert found == ["Als Kim als een Deng Xiaoping de geschiedenis wil ingaan"]
    # a comparative "dan" does not end it (dpgmedia2019 dpg2019-10762989)
    s = ("Als je in vette letters ziet dat het akkoord op mondiale schaal niet meer dan 0,00007 procent verbetering "
         "betekent en dat het tussen de 600 en 1000 miljard gaat kosten, vergaat je het optimisme.")
    assert [s[a:b] for _, a, b in condition_clauses(c, s)] == [s[:s.index(", vergaat")]]


def test_sentence_initial_mocht_opens_a_condition() -> None:
    from diplograph.extract.modality import condition_clauses, cues, in_condition
    c = cues("nl")
    assert c is not None
    # dpgmedia2019 dpg2019-10777816
    s = ("Mocht May op korte termijn inderdaad plaatsmaken voor een nieuw gezicht, dan is brexiteer Johnson volgens de "
         "bookmakers een van de grote kanshebbers om haar op te volgen.")
    assert [s[a:b] for _, a, b in condition_clauses(c, s)] == [
        "Mocht May op korte termijn inderdaad plaatsmaken voor een nieuw gezicht"]
    assert in_condition(c, s, s.index("plaatsmaken"))
    # dpgmedia2019 dpg2019-10771542: after a fronted clause "mocht" is "was allowed to"
    s = ("Toen in 2015 tot een grondige renovatie werd besloten, mocht die maximaal 475 miljoen euro kosten en diende "
         "het hele project in 2025 te zijn afgerond.")
    assert condition_clauses(c, s) == []


def test_when_clause_without_an_earlier_time_is_background() -> None:
    from diplograph.extract.modality import _when_clause, classify, cues
    from diplograph.extract.timex import PubDate
    c = cues("nl")
    assert c is not None
    # dpgmedia2019 dpg2019-10796936: the conjunction "toen" (when) with its own subject
    s = "De vrouw uit Nijmegen was pas 4 jaar oud toen Fortuyn werd vermoord"
    assert _when_clause(c, s)
    t = s.index("vermoord")
    assert classify(s, (0, len(s)), (t, t + 8), PubDate.parse("2019-04-09")).modality == "historical"
    # eval/heldout.jsonl dpg2019-10744633: the adverb "toen" (then) is no when-clause
    assert not _when_clause(c, "Israël wees toen ook naar Hamas en bestookte zeker honderd doelen.")


def test_assumed_frame_is_hypothetical(pipe: Pipeline) -> None:
    # eval/heldout2.jsonl dpg2019-10726005-b: what is assumed ('Aangenomen wordt dat ...') is not announced
    a = run(pipe, "Aangenomen wordt dat Brussel bij een lang uitstel een nieuw referendum of een zachtere Brexit als "
                  "voorwaarde zal stellen.", "2019-03-20")
    assert find(a, "REQUEST").modality == "hypothetical"
