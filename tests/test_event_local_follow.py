"""An event dated by one told before it takes that one's local date when both happen in the
same zone (texts of our own)."""

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


def test_an_arrival_told_after_a_moved_landing_moves_with_it(nlp: Any) -> None:
    text = (
        "The president's plane landed in Tokyo late on May 3, Moscow time. The streets were "
        "decked with flags for his arrival."
    )
    found = [(m.trigger, m.date) for m in events_in(nlp, text, "2031-05-04")]
    assert found == [("landed", "2031-05-04"), ("arrival", "2031-05-04")]


def test_a_russian_arrival_told_after_a_moved_landing_moves_with_it() -> None:
    text = (
        "Поздно вечером 3 мая по московскому времени самолёт президента совершил посадку в "
        "аэропорту Токио. Столицу Японии к приезду гостя украсили флагами."
    )
    found = [(m.type, m.date) for m in events_ru(text, published="2031-05-04")]
    assert found == [("arrival", "2031-05-04"), ("arrival", "2031-05-04")]
