"""What the verb's aspect says about an event: a state lasting since a past point is under
way, so is a progressive passive, and a bare plural in the simple past tells particular
events. Texts are our own."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.model import EventMention
from tests.event_text import events_in, one_event

DAY = "2031-03-12"


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def _events(nlp: Any, text: str) -> list[EventMention]:
    return events_in(nlp, text, DAY, ident="art_aspect")


def _one(nlp: Any, text: str, kind: str) -> EventMention:
    return one_event(nlp, text, kind, DAY)


def test_a_state_lasting_since_a_past_point_is_under_way(nlp: Any) -> None:
    text = "Chad has been torn by a civil war since the army seized power four years ago."
    war = _one(nlp, text, "armed_conflict")
    assert war.status == "in_progress"
    assert war.status_reason == "state lasting since"


def test_a_finished_war_told_in_the_past_is_reported(nlp: Any) -> None:
    text = "The country fought a civil war in the 1990s."
    assert _one(nlp, text, "armed_conflict").status == "reported"


def test_the_progressive_passive_is_under_way(nlp: Any) -> None:
    text = "Firefighters said that extra crews are being sent for rescue operations."
    assert _one(nlp, text, "rescue").status == "in_progress"


def test_a_civil_war_is_placed_in_the_country_of_the_story(nlp: Any) -> None:
    text = (
        "The envoy arrived in Khartoum on Tuesday. "
        "The country has been torn by a civil war since the army seized power."
    )
    assert _one(nlp, text, "armed_conflict").place == "Sudan"


def test_a_bare_plural_in_the_simple_past_is_an_event(nlp: Any) -> None:
    text = "Airports in the capital shut on Monday after drone strikes damaged two runways."
    assert [m for m in _events(nlp, text) if m.type == "attack"]


def test_a_bare_plural_in_the_present_stays_generic(nlp: Any) -> None:
    text = "Drone strikes are a growing threat to airports."
    assert not [m for m in _events(nlp, text) if m.type == "attack"]
