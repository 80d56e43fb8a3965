"""The day a report tells, when a sentence writes none: words said are of the report's day (a
next-day report's, that of its lead), what is under way is of today, a cancellation in the
present perfect is today's news; a day is shared by participial and coordinated clauses,
"the next day" counts from the day told, and a reported clause dates what is said, not the
saying. Statuses: "arrived to begin a visit" has begun it, "is on a visit" is under way.
Texts are our own."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.model import EventMention
from tests.event_text import events_in


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def _of(found: list[EventMention], kind: str) -> list[EventMention]:
    return [m for m in found if m.type == kind]


def _days(found: list[EventMention]) -> list[tuple[str, str | None, str | None]]:
    return [(m.type, m.date, m.date_source) for m in found]


def test_words_said_without_a_day_are_of_the_reports_day(nlp: Any) -> None:
    # printed on Wednesday 15 April 2026
    text = (
        "The Peruvian president held talks with the Greek prime minister in Athens on "
        "Wednesday.\nThe president told reporters that shipping would be the first topic."
    )
    found = events_in(nlp, text, "2026-04-15")
    [told] = _of(found, "statement")
    assert (told.date, told.date_source) == ("2026-04-15", "article_date"), _days(found)


def test_a_next_day_reports_words_are_of_its_leads_day(nlp: Any) -> None:
    # printed on Thursday about Wednesday's talks: the words were said on the lead's day
    text = (
        "The Peruvian president concluded talks with the Greek prime minister in Athens on "
        "Wednesday.\nThe president told reporters that shipping had been the first topic."
    )
    found = events_in(nlp, text, "2026-04-16")
    [told] = _of(found, "statement")
    assert told.date == "2026-04-15", _days(found)


def test_a_reported_clause_dates_what_is_said_not_the_saying(nlp: Any) -> None:
    text = "The Greek foreign ministry said the two leaders would sign a port deal on Friday."
    found = events_in(nlp, text, "2026-04-15")
    [said] = _of(found, "announcement")
    [signing] = _of(found, "signing")
    assert said.date == "2026-04-15" and signing.date == "2026-04-17", _days(found)


def test_what_is_under_way_is_of_the_reports_day(nlp: Any) -> None:
    text = "The Peruvian president is holding talks with the Greek prime minister in Athens."
    [talks] = _of(events_in(nlp, text, "2026-04-15"), "talks")
    assert (talks.status, talks.date) == ("in_progress", "2026-04-15")


def test_a_cancellation_in_the_present_perfect_is_todays_news(nlp: Any) -> None:
    text = "The Danish premier has cancelled her trip to Lima because of the floods."
    [trip] = _of(events_in(nlp, text, "2026-04-15"), "visit")
    assert (trip.status, trip.date) == ("cancelled", "2026-04-15")


def test_the_next_day_counts_from_the_day_told(nlp: Any) -> None:
    # printed on Monday 9 March about the Thursday and Friday before
    text = (
        "The Peruvian president arrived in Athens on Thursday, March 5, for a state visit.\n"
        "The next day she held talks with the Greek prime minister.\n"
        "A day later she flew to Rome."
    )
    found = events_in(nlp, text, "2026-03-09")
    [talks] = _of(found, "talks")
    rome = [m for m in _of(found, "visit") if m.place == "Rome"]
    assert talks.date == "2026-03-06", _days(found)
    assert rome and rome[0].date == "2026-03-07", _days(found)


def test_a_participial_clause_shares_its_clauses_day(nlp: Any) -> None:
    text = "The Peruvian president arrived in Seoul on Sunday, beginning a four-day state visit."
    found = events_in(nlp, text, "2026-09-09")
    [visit] = _of(found, "visit")
    assert (visit.date, visit.date_end) == ("2026-09-06", "2026-09-09"), _days(found)


def test_coordinated_clauses_share_the_first_verbs_day(nlp: Any) -> None:
    text = (
        "The Peruvian president met the Korean premier on Sunday, and the two oversaw the "
        "signing of eight accords, while their ministers met shipping executives."
    )
    found = events_in(nlp, text, "2026-09-09")
    assert all(m.date == "2026-09-06" for m in found) and _of(found, "signing"), _days(found)


def test_arriving_to_begin_a_visit_has_begun_it(nlp: Any) -> None:
    text = "The Peruvian president has arrived in Seoul to begin a three-day state visit."
    [visit] = _of(events_in(nlp, text, "2026-09-09"), "visit")
    assert visit.status == "reported" and visit.status_reason != "purpose infinitive"


def test_being_on_a_visit_is_under_way(nlp: Any) -> None:
    text = "The Peruvian president is on a three-day state visit to South Korea."
    [visit] = _of(events_in(nlp, text, "2026-09-09"), "visit")
    assert visit.status == "in_progress"


def test_a_day_after_the_article_frames_only_plans(nlp: Any) -> None:
    text = (
        "The Peruvian president held talks in Athens.\n"
        "The next day, she will fly to Rome for a one-day visit."
    )
    found = events_in(nlp, text, "2026-04-15")
    [talks] = _of(found, "talks")
    assert talks.date != "2026-04-16", _days(found)
