"""Event dates given by the event's own phrase or by the event it belongs to (issue 12): a year
that modifies the event noun ("his 2019 visit") against the clause's day, an event of the past
that hosts a meeting, and a later sentence that gives the first or last day of a visit told
before. Reports of our own wording with invented people; 15 May 2024 is a Wednesday."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.model import EventMention
from tests.event_text import dated_events_in, of_type

PUBLISHED = "2024-05-15"


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def events(nlp: Any, text: str) -> list[EventMention]:
    return dated_events_in(nlp, text, PUBLISHED, "art_dates_hosts")


def dates(found: list[EventMention]) -> list[tuple[str, str, str | None, str | None, bool]]:
    return [(e.trigger, e.type, e.date, e.date_end, e.background) for e in found]


def test_a_year_modifying_the_visit_outranks_the_clauses_day(nlp: Any) -> None:
    text = (
        "Foreign Minister Ines Marlow of Peru reached Oslo on Tuesday for talks, on the same "
        "dates as her 2019 visit."
    )
    found = events(nlp, text)
    [visit] = of_type(found, "visit")
    assert (visit.date, visit.background) == ("2019", True), dates(found)
    [talks] = of_type(found, "talks")
    assert talks.date == "2024-05-14", dates(found)


def test_a_year_modifying_the_visit_in_an_ordering_phrase(nlp: Any) -> None:
    found = events(nlp, "Marlow arrived on Tuesday, five years after her 2019 visit to the city.")
    [visit] = of_type(found, "visit")
    assert (visit.date, visit.background) == ("2019", True), dates(found)
    [arrival] = of_type(found, "arrival")
    assert (arrival.date, arrival.background) == ("2024-05-14", False), dates(found)


def test_a_meeting_during_a_past_trip_is_of_that_trip(nlp: Any) -> None:
    found = events(nlp, "During her 2019 trip to Norway, Marlow met Prime Minister Olaf Brekke.")
    [meeting] = of_type(found, "meeting")
    assert (meeting.date, meeting.background) == ("2019", True), dates(found)


def test_a_host_named_after_the_event_dates_it(nlp: Any) -> None:
    found = events(nlp, "Marlow met Prime Minister Olaf Brekke during her 2019 trip to Norway.")
    [meeting] = of_type(found, "meeting")
    assert (meeting.date, meeting.background) == ("2019", True), dates(found)
    text = "Marlow met Prime Minister Olaf Brekke during her visit to Oslo on Tuesday."
    found = events(nlp, text)
    [meeting] = of_type(found, "meeting")
    assert (meeting.date, meeting.background) == ("2024-05-14", False), dates(found)


def test_the_end_of_a_visit_told_before_bounds_that_visit(nlp: Any) -> None:
    text = "Marlow arrived in Oslo on Monday for a three-day visit. The visit ends on Wednesday."
    found = events(nlp, text)
    visits = of_type(found, "visit")
    assert visits and all((v.date, v.date_end) == ("2024-05-13", "2024-05-15") for v in visits), (
        dates(found)
    )


def test_the_start_of_a_visit_told_before_gives_its_span(nlp: Any) -> None:
    found = events(nlp, "Marlow will pay a three-day visit to Norway. The visit begins on Monday.")
    dated = [v for v in of_type(found, "visit") if v.date]
    assert [(v.date, v.date_end) for v in dated] == [("2024-05-20", "2024-05-22")], dates(found)


def test_an_ending_far_from_the_visit_told_before_is_not_its_end(nlp: Any) -> None:
    # a month apart: not one visit's programme, so no span is made of the two
    text = "Marlow arrived in Oslo on April 2 for talks. The visit ends on May 14."
    found = events(nlp, text)
    assert not any(v.date == "2024-04-02" and v.date_end for v in of_type(found, "visit")), dates(
        found
    )


def test_a_possessive_mention_bounds_the_visit_told_before(nlp: Any) -> None:
    text = "Marlow arrived in Oslo on Monday for a three-day visit. Her visit ends on Wednesday."
    visits = of_type(events(nlp, text), "visit")
    assert visits and all((v.date, v.date_end) == ("2024-05-13", "2024-05-15") for v in visits)


def test_a_visit_starting_on_a_weekday_spans_its_length(nlp: Any) -> None:
    found = events(nlp, "Marlow will arrive in Oslo for a three-day visit starting Monday.")
    [visit] = of_type(found, "visit")
    assert (visit.date, visit.date_end) == ("2024-05-20", "2024-05-22"), dates(found)
