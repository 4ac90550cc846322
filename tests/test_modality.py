"""Modality of events on real Dutch sentences (sources cited per test): background told by a duration up to
now or a habit ("de laatste jaren", "in tien jaar tijd", "heeft ... altijd") is historical."""

from __future__ import annotations

import pytest

from diplograph.extract.pipeline import Pipeline
from diplograph.model import Analysis, Document, Event


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(["language", "actors", "quotes", "events"], analyzer="simple")


def run(pipe: Pipeline, text: str, date: str) -> Analysis:
    return pipe.run(Document(id="t", raw_text=text, date=date, lang="nl"))


def find(a: Analysis, type_: str) -> Event:
    hits = [e for e in a.events if e.type == type_]
    assert hits, f"no {type_} in {[(e.type, e.actor) for e in a.events]}"
    return hits[0]


def test_habit_with_perfect_is_historical(pipe: Pipeline) -> None:
    # eval/heldout.jsonl, dpg2019-10744652 (gold: REJECT RUS historical)
    a = run(pipe, "Niet alleen heeft Rusland het olierijke land veel geld geleend, ook heeft Moskou zich altijd "
                  "uitgesproken tegen sancties die de Verenigde Staten wilden invoeren tegen Maduro.", "2019-03-25")
    assert find(a, "REJECT").modality == "historical"


def test_last_years_is_historical(pipe: Pipeline) -> None:
    # eval/heldout.jsonl, dpg2019-10744652 (gold: AID RUS historical)
    a = run(pipe, "Ook zijn de wapenverkopen van Rusland aan Venezuela de laatste jaren juist opgeschroefd.",
            "2019-03-25")
    assert find(a, "AID").modality == "historical"


def test_count_over_years_is_historical(pipe: Pipeline) -> None:
    # ../shared/eval/dev.jsonl, nl-dev-017 (gold: CONSULT RUS/CHN historical)
    a = run(pipe, "Poetin en Xi zijn geen onbekenden van elkaar en hebben elkaar bij allerlei internationale "
                  "evenementen in tien jaar tijd al circa veertig keer ontmoet.", "2023-03")
    assert find(a, "CONSULT").modality == "historical"


def test_recent_meeting_with_al_stays_asserted(pipe: Pipeline) -> None:
    # ../shared/eval/dev.jsonl, nl-dev-010: news of this week, not background
    a = run(pipe, "De Turkse minister van Defensie Hulusi Akar sprak eerder deze week al met zijn Russische "
                  "collega Sergei Shoigu.", "2022-10")
    assert find(a, "CONSULT").modality == "asserted"


def test_over_the_years_is_a_background_cue() -> None:
    # dpgmedia2019 articles.jsonl, dpg2019-10754975 (a habit "door de jaren heen"), against a sentence of
    # this week's news from ../shared/eval/dev.jsonl, nl-dev-010
    from diplograph.extract.modality import _historical_cue, cues

    c = cues("nl")
    assert c is not None
    frame = ("Van Geel, die over veel minder spelersbudget beschikte dan zijn collega's bij Ajax en PSV, bleef door "
             "de jaren heen volharden in het aankopen van uitblinkers uit de subtop van Nederland.")
    ts = frame.index("subtop")
    assert _historical_cue(c, frame, frame, ts, ts + 6)
    frame = ("De Turkse minister van Defensie Hulusi Akar sprak eerder deze week al met zijn Russische collega "
             "Sergei Shoigu.")
    ts = frame.index("sprak")
    assert not _historical_cue(c, frame, frame, ts, ts + 5)
