"""Event types found where news tells them in ways the trigger words alone missed: an operation
under way told with a bare plural, a headline verb the tagger reads as a noun, a typographic
apostrophe, a written speech, pronoun speakers; and the Russian words for the same types.
Names, places and figures are invented; sentences are our own wording."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from tests.event_text import events_in
from tests.test_russian_events import events as ru_events

DAY = "2031-03-10"  # a Monday


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def _types(nlp: Any, text: str) -> set[str]:
    return {m.type for m in events_in(nlp, text, DAY, ident="art_types")}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # what is under way is one occasion, not a habit, bare plural or not
        ("Rescue operations are ongoing in the northern districts.", "rescue"),
        ("Talks are under way in Lisbon between the two delegations.", "talks"),
        (
            "While a 12-day federal government shutdown continues, the mayor waits.",
            "government_shutdown",
        ),
        # a headline verb read as a plural noun ("Rush leaves for …": the tagger takes a name
        # that is also a word for a modifier of "leaves")
        (
            "Rush leaves for Tokyo after talks with Lee in Seoul\nAnna Rush met Lee Min-ho.",
            "departure",
        ),
        # "coup d’état" with a typographic apostrophe; a government overthrown
        ("The general took over in a 2019 coup d’etat.", "coup"),
        ("The army overthrew the elected government of the island in 2017.", "coup"),
        # a written speech is a statement, not a speech before an audience
        (
            "On landing, the president delivered a written speech to the people of Chile.",
            "statement",
        ),
        # he or she speaks for a person the article has named
        ("Helen Marsh said she had ordered the navy to start the drills.", "announcement"),
    ],
)
def test_english_types_found(nlp: Any, text: str, kind: str) -> None:
    assert kind in _types(nlp, text), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a habit stays generic; a plant's shutdown is no government's
        ("Rescue operations are often dangerous.", "rescue"),
        ("A state visit continues to be the highest honour.", "visit"),
        ("The plant shutdown lasted a week.", "government_shutdown"),
        # leaves of a plant are no departure
        ("The leaves for the salad were fresh.", "departure"),
        # a speech delivered to an audience stays a speech
        ("The president delivered a speech to students in Lima.", "statement"),
    ],
)
def test_english_types_not_found(nlp: Any, text: str, kind: str) -> None:
    assert kind not in _types(nlp, text), text


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("После толчков в регионе на сутки прекратили авиасообщение.", "transport_suspension"),
        ("Власти города закрыли метро после толчков.", "transport_suspension"),
        ("Накануне визита президент написал статью для местной газеты.", "op_ed"),
        ("Министр опубликовал авторскую статью в газете.", "op_ed"),
        ("Спасатели прибыли в страну для помощи в разборе завалов.", "aid"),
        ("В город прилетели 50 медиков для оказания помощи раненым.", "aid"),
        ("По прибытии председатель выступил с письменной речью.", "statement"),
        ("Президент пообщался с выпускниками местных вузов.", "meeting"),
        ("Лидеры обменялись мнениями о ситуации в регионе.", "talks"),
        ("Вечером президенты созвонились.", "phone_call"),
        ("Министр заявил журналистам, что переговоры прошли успешно.", "statement"),
        ("Военные свергли правительство в 2019 году.", "coup"),
        ("Спасатели извлекли из-под завалов 20 человек.", "rescue"),
        ("Президент принял премьер-министра Перу в своей резиденции.", "meeting"),
        ("Вечером лидеры прогулялись по парку.", "meeting"),
    ],
)
def test_russian_types_found(text: str, kind: str) -> None:
    assert kind in {m.type for m in ru_events(text)}, text


def test_russian_speech_before_an_audience_stays_a_speech() -> None:
    found = {m.type for m in ru_events("Президент выступил с речью перед студентами.")}
    assert "speech" in found and "statement" not in found


def test_receiving_is_a_meeting_only_with_a_guest() -> None:
    for text in ("Парламент принял закон о бюджете.", "Президент принял предложение Перу."):
        assert "meeting" not in {m.type for m in ru_events(text)}, text
