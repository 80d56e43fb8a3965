"""A pause in hostilities is a truce under another name, in English and Russian; one that runs
until a day after the report is under way at writing (texts of our own)."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from tests.event_text import events_in
from tests.test_russian_events import events as events_ru


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def test_a_pause_in_the_fighting_is_a_ceasefire(nlp: Any) -> None:
    text = (
        "The rebels agreed to a humanitarian pause on Friday. The pause in the fighting will last "
        "until June 30. A pause in hostilities along the border ended on Sunday. The committee "
        "took a pause before the vote."
    )
    found = [(m.type, m.status) for m in events_in(nlp, text, "2031-06-16")]
    assert ("ceasefire", "reported") in found  # the agreement on Friday
    assert ("ceasefire", "in_progress") in found  # in force until a day after the report
    assert found.count(("ceasefire", "reported")) == 2  # the one that ended on Sunday
    assert all(t == "ceasefire" for t, _ in found)  # a committee's pause is no truce


def test_a_russian_pause_in_hostilities_is_a_ceasefire() -> None:
    text = (
        "Стороны договорились о гуманитарной паузе. Пауза в боевых действиях продлится до "
        "30 июня. Пауза в военных действиях на границе завершилась в воскресенье. Комиссия "
        "взяла паузу перед голосованием."
    )
    found = [(m.type, m.status) for m in events_ru(text, published="2031-06-16")]
    assert ("ceasefire", "in_progress") in found
    assert found.count(("ceasefire", "reported")) == 2
    assert all(t == "ceasefire" for t, _ in found)
