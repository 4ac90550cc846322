"""Tests of the actor knowledge base and the `actors` stage on real sentences.

Sentences come from the founding articles (../shared/corpus/seeds/seed-000.txt,
seed-001.txt, April 2023) unless stated otherwise.
"""

from __future__ import annotations

import pytest

from diplograph.extract.actor_kb import load_kb
from diplograph.extract.pipeline import Pipeline
from diplograph.model import Analysis, Document


@pytest.fixture(scope="module")
def pipe() -> Pipeline:
    return Pipeline(["language", "actors"])


def run(pipe: Pipeline, text: str, date: str | None = "2023-04") -> Analysis:
    return pipe.run(Document(id="t", raw_text=text, date=date))


def found(a: Analysis) -> list[tuple[str, str | None, str | None, str]]:
    return [(m.span.text, m.actor, m.person, m.kind) for m in a.mentions]


def test_kb_loads_states_organisations_people() -> None:
    kb = load_kb()
    assert len(kb.actors) > 100 and len(kb.people) > 200
    rus = kb.actor("RUS")
    assert rus is not None and rus.type == "state"
    assert {"Rusland", "Russia", "Moskou", "Kremlin", "Russische"} <= set(rus.aliases)
    assert kb.actor("NATO").type == "organisation" and "NAVO" in kb.actor("NATO").aliases
    assert kb.actor("HAMAS").type == "group" and kb.actor("WEST").type == "collective"
    zel = kb.person("Volodymyr Zelensky")
    assert zel.actor == "UKR" and {"Zelenski", "Zelenskyy", "Zelensky"} <= set(zel.aliases)


def test_role_dates() -> None:
    kb = load_kb()
    assert [p.name for p in kb.holders("UKR", "foreign_minister", "2023-04")] == ["Dmytro Kuleba"]
    assert [p.name for p in kb.holders("UKR", "foreign_minister", "2025-02-01")] == ["Andrii Sybiha"]
    assert [p.name for p in kb.holders("USA", "president", "2024-06")] == ["Joe Biden"]
    assert [p.name for p in kb.holders("USA", "president", "2025-03")] == ["Donald Trump"]
    assert kb.person("Mark Rutte").actor_at("2023-01-01") == "NLD"
    assert kb.person("Mark Rutte").actor_at("2025-01-01") == "NATO"


def test_spelling_variants_same_person(pipe: Pipeline) -> None:
    for name in ("Zelensky", "Zelenski", "Zelenskyy", "Volodymyr Zelensky"):
        a = run(pipe, f"{name} sprak achteraf van een lang gesprek.")
        assert (name, "UKR", "Volodymyr Zelensky", "name") in found(a)
    a = run(pipe, "Macron hoopte zijn ambtsgenoot Xi Jinping over te halen de druk op Poetin op te voeren.")
    people = {m.person: m.actor for m in a.mentions}
    assert people == {"Emmanuel Macron": "FRA", "Xi Jinping": "CHN", "Vladimir Putin": "RUS"}


def test_metonyms_and_adjectives(pipe: Pipeline) -> None:
    a = run(pipe, "Het Kremlin ziet niets in de start van onderhandelingen. Dat heeft de Russische regering "
                  "bekendgemaakt. Het was de eerste keer dat de leiders van Peking en Kiev elkaar spraken.")
    got = {(m.span.text, m.actor, m.kind) for m in a.mentions}
    assert {("Kremlin", "RUS", "metonym"), ("Russische", "RUS", "adjective"), ("Peking", "CHN", "metonym"),
            ("Kiev", "UKR", "metonym")} <= got
    assert all(m.extractor.startswith("actors@") for m in a.mentions)


def test_compound_role(pipe: Pipeline) -> None:
    a = run(pipe, "Dat Rusland het gesprek niet verwerpt, neemt volgens Kremlin-woordvoerder Peskov niet weg dat.")
    assert ("Peskov", "RUS", "Dmitry Peskov", "name") in found(a)
    assert ("Kremlin", "RUS", None, "metonym") in found(a)


def test_role_resolved_by_date(pipe: Pipeline) -> None:
    text = "De Oekraïense minister van Buitenlandse Zaken zei dat Kyiv niet zal onderhandelen."
    early = [m for m in run(pipe, text, "2023-04").mentions if m.kind == "role"]
    late = [m for m in run(pipe, text, "2025-02").mentions if m.kind == "role"]
    assert early[0].person == "Dmytro Kuleba" and late[0].person == "Andrii Sybiha"
    assert early[0].actor == late[0].actor == "UKR"
    a = run(pipe, "De woordvoerder van het Kremlin zei dat Moskou alles verwelkomt.")
    assert any(m.kind == "role" and m.person == "Dmitry Peskov" for m in a.mentions)


def test_media_are_sources_not_actors(pipe: Pipeline) -> None:
    a = run(pipe, "Dat heeft een topadviseur van president Volodymyr Zelensky gezegd in een interview met de "
                  "Britse krant Financial Times. De VRT meldt:")
    sources = {m.person for m in a.mentions if m.kind == "source"}
    assert sources == {"Financial Times", "VRT"}
    assert all(m.actor is None for m in a.mentions if m.kind == "source")
    assert a.actors() == ["UKR"]
