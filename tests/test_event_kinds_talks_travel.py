"""Kinds real reports use: Russian talks told as «беседа» with someone or «неформальное
общение», press statements told as «совместное заявление для прессы», a leader's going to a
place («направится / отправится / поедет в X») as a visit there; and departures placed where
they leave from, not where they go (English and Russian). Texts are our own."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.model import EventMention
from tests.event_text import events_in
from tests.test_russian_events import events as events_ru
from tests.test_russian_events import one


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


@pytest.mark.parametrize(
    ("text", "subtype"),
    [
        ("Король и премьер провели беседу в саду резиденции.", None),
        ("Король провёл беседу с премьером Норвегии во дворце.", None),
        ("Вечером состоялось неформальное общение двух президентов.", "informal"),
    ],
)
def test_russian_conversation_with_someone_is_talks(text: str, subtype: str | None) -> None:
    talks = one(events_ru(text), "talks")
    assert (talks.status, talks.subtype) == ("reported", subtype)


def test_russian_conversation_with_reporters_is_no_talks() -> None:
    found = events_ru("В беседе с журналистами министр рассказал о погоде.")
    assert not [m for m in found if m.type == "talks"]


def test_russian_joint_statement_for_the_press_is_press_statements() -> None:
    found = events_ru("Президенты сделали совместное заявление для прессы.")
    assert one(found, "press_statements").status == "reported"
    assert not [m for m in found if m.type == "statement"]
    # a joint statement without the press stays a statement
    assert one(events_ru("Министры приняли совместное заявление."), "statement")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Затем канцлер отправится в Норвегию.", "Norway"),
        ("Президент Чили поедет в Осло в мае.", "Oslo"),
        ("После Бергена король направится в столицу.", None),
        ("Канцлер заявил, что в мае отправится в Норвегию.", "Norway"),
    ],
)
def test_russian_future_going_to_a_place_is_a_planned_visit(text: str, place: str | None) -> None:
    visit = one(events_ru(text), "visit")
    assert visit.status == "planned"
    if place:
        assert visit.place == place


def test_russian_going_to_no_place_is_no_visit() -> None:
    assert not [m for m in events_ru("Он отправится на работу.") if m.type == "visit"]


def _departure(found: list[EventMention]) -> EventMention:
    [departure] = [m for m in found if m.type == "departure"]
    return departure


@pytest.mark.parametrize(
    "text",
    [
        "The chancellor leaves Oslo for Stockholm on Thursday.",
        "The chancellor departed for Stockholm from Oslo on Tuesday.",
        "The chancellor departed Oslo for Stockholm on Tuesday.",
        "The chancellor flew home from Oslo on Tuesday.",
    ],
)
def test_a_departure_is_where_it_leaves_from(nlp: Any, text: str) -> None:
    assert _departure(events_in(nlp, text, "2031-04-17")).place == "Oslo"


@pytest.mark.parametrize(
    "text",
    [
        "The chancellor departed to Stockholm on Tuesday.",
        "The chancellor headed home to Stockholm on Tuesday.",
    ],
)
def test_a_departure_is_not_where_it_goes(nlp: Any, text: str) -> None:
    assert _departure(events_in(nlp, text, "2031-04-17")).place != "Stockholm"


def test_a_departure_without_its_origin_is_where_the_traveller_was(nlp: Any) -> None:
    text = "The chancellor held talks in Oslo on Monday. She left for Stockholm on Tuesday."
    assert _departure(events_in(nlp, text, "2031-04-17")).place == "Oslo"
    text = "Канцлер провела переговоры в Осло в понедельник. Во вторник она вылетела в Стокгольм."
    assert _departure(events_ru(text, "2031-04-17")).place == "Oslo"


@pytest.mark.parametrize(
    "text",
    [
        "Канцлер вылетел из Осло в Стокгольм.",
        "Канцлер покинул Осло и вылетел в Стокгольм.",
        "Канцлер улетел в Стокгольм из Осло.",
    ],
)
def test_russian_departure_is_where_it_leaves_from(text: str) -> None:
    assert _departure(events_ru(text)).place == "Oslo"


def test_a_stay_until_a_time_ends_in_a_departure_then(nlp: Any) -> None:
    text = "The king was due to land on Monday evening and stay until Tuesday noon."
    departure = _departure(events_in(nlp, text, "2031-04-14"))
    assert (departure.status, departure.date) == ("planned", "2031-04-15")


@pytest.mark.parametrize(
    "text", ["The curfew will stay until dawn on Friday.", "Prices stayed high until March."]
)
def test_a_thing_staying_is_no_departure(nlp: Any, text: str) -> None:
    assert not [m for m in events_in(nlp, text, "2031-04-14") if m.type == "departure"]
