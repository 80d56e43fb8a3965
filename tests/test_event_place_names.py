"""Which names place an event: a capital the model took for a person speaks from that city, a
venue is named with the city the same words give, an event held as part of a larger one is
where that one is, and a spokesperson of a seat of power speaks from its capital. Texts are our
own."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.entities import resolve_entities
from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.model import EventMention
from tests.event_text import events_in
from tests.test_russian_events import events as russian_events


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def _events(nlp: Any, text: str) -> list[EventMention]:
    return events_in(nlp, text, "2031-05-08", ident="art_place_names")


def test_a_capital_that_dismisses_an_offer_speaks_from_that_city(nlp: Any) -> None:
    found = _events(
        nlp,
        "The general announced a truce for the holiday, but Kyiv has dismissed the move, "
        "warning that it cannot vouch for the safety of guests.",
    )
    [statement] = [m for m in found if m.type == "statement"]
    assert statement.place == "Kyiv"


def test_a_capital_used_as_a_surname_stays_a_person(nlp: Any) -> None:
    text = "The coach Carlos Lima praised his players. Lima said the team had earned the win."
    found = resolve_entities(nlp(text), "2031-05-08", "art_surname")
    assert not [m for m in found.mentions if m.label == "GPE" and m.canonical == "Lima"]


def test_a_venue_is_named_with_its_city_and_passes_the_city_on(nlp: Any) -> None:
    found = _events(
        nlp,
        "The president's plane touched down at Marka Airport in Amman at 2 a.m. on Monday. "
        "Later that day the two leaders held talks and signed a water treaty.",
    )
    [arrival] = [m for m in found if m.type == "arrival"]
    assert arrival.place == "Marka Airport, Amman"
    later = [m for m in found if m.type in {"talks", "signing"}]
    assert later and all(m.place == "Amman" for m in later)


def test_an_event_held_as_part_of_a_larger_one_is_where_that_one_is(nlp: Any) -> None:
    found = _events(
        nlp,
        "The two ministers will hold a working meeting as part of the Nordic Energy Forum at the "
        "Grand Hotel in Oslo, Norway.",
    )
    [meeting] = [m for m in found if m.type == "meeting"]
    assert meeting.place == "Grand Hotel, Oslo"


def test_then_follows_the_story_not_a_where_clause(nlp: Any) -> None:
    found = _events(
        nlp,
        "The premier arrived in Oslo on Monday from Copenhagen, where she had signed a trade "
        "treaty. Then she held talks with the king.",
    )
    places = {m.type: m.place for m in found}
    assert places["signing"] == "Copenhagen"
    assert places["talks"] == "Oslo"


def test_a_spokesperson_of_a_seat_of_power_speaks_from_its_capital(nlp: Any) -> None:
    found = _events(
        nlp,
        "White House spokeswoman Jane Roe said on Monday that the leaders would meet in Oslo "
        "on Friday.",
    )
    [announcement] = [m for m in found if m.type == "announcement"]
    assert announcement.place == "Washington"
    found = russian_events(
        "Официальный представитель Белого дома Джейн Роу уточнила, что переговоры лидеров "
        "состоятся в Осло."
    )
    [announcement] = [m for m in found if m.type == "announcement"]
    assert announcement.place == "Washington"


def test_an_aide_speaks_from_no_seat() -> None:
    found = russian_events(
        "Помощник президента Иван Петров заявил, что переговоры состоятся в Осло."
    )
    [announcement] = [m for m in found if m.type == "announcement"]
    assert announcement.place is None


def test_a_russian_seat_of_power_announces() -> None:
    found = russian_events(
        "Белый дом уточнил, что переговоры президентов пройдут в Осло в четверг."
    )
    [announcement] = [m for m in found if m.type == "announcement"]
    assert announcement.place == "Washington"
