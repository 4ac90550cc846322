"""The `events` stage on sentences parsed by Frog: the parsed subject is the actor."""

from __future__ import annotations

import pytest

from diplograph.extract.pipeline import Pipeline
from diplograph.model import Document

pytestmark = pytest.mark.frog


@pytest.fixture(scope="module")
def pipe(frog) -> Pipeline:  # noqa: ANN001 - the session's Frog server
    return Pipeline(["language", "actors", "quotes", "events"], analyzer="frog", cascade=False)


def test_parsed_sentences_give_subject_actor(pipe: Pipeline) -> None:
    # nl-dev-010 (dev text): the subject (Erdogan) follows the finite verb, the addressee is named after it
    a = pipe.run(Document(id="f1", raw_text="Kort voor het gesprek heeft Erdogan de Russische president dringend "
                                            "verzocht een einde te maken aan het bloedvergieten in Oekraïne.",
                          date="2022-10", lang="nl"))
    assert all(s.parsed for s in a.sentences)
    req = [e for e in a.events if e.type == "REQUEST"]
    assert req and req[0].actor == ["TUR"] and "RUS" in req[0].recipient and req[0].mode == "yield"


def test_parsed_refusal_and_visit(pipe: Pipeline) -> None:
    # seed-000
    a = pipe.run(Document(id="f2", raw_text="Het Kremlin ziet niets in de start van onderhandelingen om de oorlog in "
                                            "Oekraïne te beëindigen. Macron brengt een driedaags bezoek aan China.",
                          date="2023-04", lang="nl"))
    types = {(e.type, tuple(e.actor)) for e in a.events}
    assert ("REJECT", ("RUS",)) in types and ("CONSULT", ("FRA",)) in types


def test_present_tense_with_weekday_is_scheduled(pipe: Pipeline) -> None:
    # nl-dev-010 (dev text): present tense + "donderdag" under a month-precision date: a coming meeting
    a = pipe.run(Document(id="f3", raw_text="De Russische president Vladimir Poetin en zijn Turkse ambtgenoot Recep "
                                            "Tayyip Erdogan spreken elkaar donderdag tijdens een top in Kazachstan.",
                          date="2022-10", lang="nl"))
    agree = [e for e in a.events if e.type == "AGREE"]
    assert agree and set(agree[0].actor) == {"RUS", "TUR"} and agree[0].modality == "future"
