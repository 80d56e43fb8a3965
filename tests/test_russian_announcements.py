"""Russian announcements, as English reads them: an official body telling what is still to
come, "объявить о" + the event announced, states of emergency; and the date of words spoken
is the speech verb's, not the reported event's. Our own sentences."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from tests.event_text import events_in
from tests.test_russian_events import events, one


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def test_an_official_body_telling_the_future_announces() -> None:
    found = events(
        "Министерство иностранных дел Чили сообщило, что президент Аргентины в пятницу "
        "встретится с премьер-министром Италии в Риме."
    )
    announcement = one(found, "announcement")
    assert announcement.trigger == "сообщило"
    assert announcement.status == "reported"
    assert announcement.date is None  # the Friday is the meeting's
    assert one(found, "meeting").date == "2025-03-14"


def test_a_parenthetical_official_voice_announces_and_the_event_keeps_its_day() -> None:
    found = events("Переговоры состоятся в среду, уточнил представитель правительства.")
    assert one(found, "announcement").trigger == "уточнил"
    talks = one(found, "talks")
    assert talks.status == "planned"
    assert talks.date == "2025-03-12"


def test_media_and_unnamed_speakers_announce_nothing() -> None:
    for text in (
        "Телеканал сообщил, что президент посетит Кито.",
        "Эксперты заявили, что переговоры пройдут трудно.",
        "Министерство сообщило, что переговоры прошли успешно.",  # past: a report, not news
    ):
        assert not [e for e in events(text) if e.type == "announcement"], text


def test_announcing_with_o_and_states_of_emergency() -> None:
    found = events("Военные объявили о прекращении огня до 20 марта.")
    assert one(found, "announcement").trigger.startswith("объявили")
    assert one(found, "ceasefire")
    for text in (
        "Правительство Перу ввело в трёх провинциях режим чрезвычайной ситуации.",
        "Вечером кабинет министров объявил военное положение по всей стране.",
    ):
        assert one(events(text), "announcement"), text


def test_english_words_spoken_take_no_date_from_what_they_report(nlp: Any) -> None:
    found = events_in(
        nlp,
        "Chile's foreign ministry said earlier that the Argentine president will meet the "
        "Italian prime minister in Rome on Friday.",
        "2025-03-10",
    )
    said = [e for e in found if e.type == "announcement"]
    meeting = [e for e in found if e.type == "meeting"]
    assert said and said[0].date is None
    assert meeting and meeting[0].date == "2025-03-14"
