"""A building brought down by the disaster a report tells takes the disaster's day when it has
none of its own, and only when the article gives one day of disaster (texts of our own)."""

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


def _collapses(found: list[Any]) -> list[Any]:
    return [m for m in found if m.type == "building_collapse"]


def test_a_collapse_takes_the_day_of_the_quake(nlp: Any) -> None:
    text = (
        "A strong earthquake hit the coastal province on the morning of October 14. "
        "Rescuers searched for survivors. A teacher who lived through the collapse of the school "
        "in Puerto Alto described the panic."
    )
    [collapse] = _collapses(events_in(nlp, text, "2031-10-16"))
    assert collapse.date == "2031-10-14"


def test_two_days_of_shocks_do_not_date_the_collapse(nlp: Any) -> None:
    """Which shock brought the school down is not said: no day from the disaster (the report
    may still go on telling the day of the sentence before)."""
    text = (
        "A strong earthquake hit the coastal province on October 14. A powerful aftershock "
        "struck on October 15. A teacher who lived through the collapse of the school in Puerto "
        "Alto described the panic."
    )
    [collapse] = _collapses(events_in(nlp, text, "2031-10-16"))
    assert "date of the disaster that brought it about" not in collapse.evidence


def test_a_russian_collapse_takes_the_day_of_the_quake() -> None:
    text = (
        "Мощное землетрясение произошло в провинции 14 октября. Спасатели ищут выживших. "
        "В городе обрушилась школа."
    )
    [collapse] = _collapses(events_ru(text, published="2031-10-16"))
    assert collapse.date == "2031-10-14"
