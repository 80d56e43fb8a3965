"""Event types real visit and disaster reports carry beyond the core programme: reported
speech that is an event (statements after talks, announcements by official bodies), the
protocol of a visit (guard of honour, site tours, meetings with groups, addresses, farewells,
awards, gifts), disasters' collapses and evacuations, and what is no event at all (a truce
sought, an arrest urged or owed). Sentences are our own wording."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.entities import resolve_entities
from corroborator.analyze.events import extract_events
from corroborator.analyze.nlp import load_model
from corroborator.analyze.timex import analyze_dates
from corroborator.config import Settings
from corroborator.model import Article, EventMention


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def events(nlp: Any, text: str, published: str = "2025-11-26") -> list[EventMention]:
    article = Article(id="art_test", text=text, source_path="t.txt", published=published)
    doc = nlp(text)
    dates = analyze_dates(doc, article)
    return extract_events(
        doc, article, resolve_entities(doc, published, article.id), dates.timexes, published
    )


def types(found: list[EventMention]) -> set[str]:
    return {m.type for m in found}


def one(found: list[EventMention], type_: str) -> EventMention:
    hits = [m for m in found if m.type == type_]
    assert len(hits) == 1, [(m.type, m.trigger) for m in found]
    return hits[0]


def test_words_after_talks_are_a_statement(nlp: Any) -> None:
    found = events(
        nlp, "Sadyr Japarov said on Wednesday following talks in Bishkek that trade had doubled."
    )
    statement = one(found, "statement")
    assert (statement.status, statement.date) == ("reported", "2025-11-26")
    assert "talks" in types(found)
    # plain attribution is no statement event
    assert "statement" not in types(events(nlp, "Sadyr Japarov said trade had doubled."))


def test_statement_in_a_statement_or_to_reporters(nlp: Any) -> None:
    assert "statement" in types(
        events(nlp, "The Kyrgyz foreign ministry said in a statement that the border was open.")
    )
    assert "statement" in types(
        events(nlp, "Vladimir Putin spoke to reporters at the airport on Thursday.")
    )


def test_official_body_telling_what_will_happen_is_an_announcement(nlp: Any) -> None:
    announced = one(
        events(nlp, "Vladimir Putin will visit Bishkek on December 3, the Kremlin said on Monday."),
        "announcement",
    )
    assert (announced.status, announced.date) == ("reported", "2025-11-24")
    by_ministry = one(
        events(nlp, "Flights to Osh will resume next week, according to the transport ministry."),
        "announcement",
    )
    assert by_ministry.status == "reported"
    # the media relaying it, or words about the past, announce nothing
    assert "announcement" not in types(
        events(nlp, "Flights to Osh will resume next week, according to state media.")
    )
    assert "announcement" not in types(
        events(nlp, "The talks lasted three hours, the Kremlin said.")
    )


def test_speech_acts_by_named_speakers_are_statements(nlp: Any) -> None:
    assert "statement" in types(
        events(nlp, "The ministry's spokesman thanked Kazakhstan and Uzbekistan for their help.")
    )
    assert "statement" in types(events(nlp, "Kyrgyzstan condemned the attack on Sunday."))
    assert "statement" not in types(events(nlp, "Many people condemn violence."))


def test_announced_ceasefire_is_an_announcement_and_a_ceasefire(nlp: Any) -> None:
    found = events(nlp, "The government on Tuesday announced a two-week ceasefire.")
    assert {"announcement", "ceasefire"} <= types(found)
    assert "announcement" in types(
        events(nlp, "The authorities declared a state of emergency in three provinces.")
    )


def test_visit_protocol(nlp: Any) -> None:
    cases = {
        "The guest inspected a guard of honour at the palace on Tuesday.": "welcome_ceremony",
        "Japarov laid flowers at the eternal flame on Tuesday.": "wreath_laying",
        "Putin toured a textile factory outside Bishkek on Wednesday.": "visit",
        "Later he met students of the Slavic University.": "meeting",
        "Putin addressed the Russian community in Bishkek on Wednesday evening.": "speech",
        "Putin left Bishkek for Astana on Thursday.": "departure",
        "Japarov presented Putin with the Order of Manas.": "award",
        "The two presidents exchanged gifts after lunch.": "gift_exchange",
        "Seven agreements were exchanged in the presence of the presidents.": "signing",
        "The two presidents will make statements to the press.": "press_statements",
    }
    for text, expected in cases.items():
        assert expected in types(events(nlp, text)), text
    # leaving a post is no departure
    assert "departure" not in types(events(nlp, "The minister left office in 2019."))


def test_disaster_collapses_evacuations_and_tolls(nlp: Any) -> None:
    assert "building_collapse" in types(events(nlp, "A hotel collapsed in Osh during the tremor."))
    assert "evacuation" in types(
        events(nlp, "Hundreds of residents were evacuated from the valley on Saturday.")
    )
    tolls = events(nlp, "Two tourists were killed and five injured in the earthquake.")
    assert "casualties" in types(tolls) and "killing" not in types(tolls)


def test_what_is_sought_owed_or_urged_is_no_event(nlp: Any) -> None:
    assert "ceasefire" not in types(events(nlp, "Both sides are seeking a truce."))
    assert "arrest" not in types(
        events(nlp, "As a member of the court, Kyrgyzstan is obliged to arrest him.")
    )
    assert "arrest" not in types(
        events(nlp, "The opposition urged the authorities to arrest the former mayor.")
    )
    assert "arrest" not in types(events(nlp, "If he lands in Osh, police must arrest him."))


def test_not_since_a_date_tells_the_last_time(nlp: Any) -> None:
    visit = one(events(nlp, "Putin has not visited Bishkek since May 2019."), "visit")
    assert (visit.status, visit.date) == ("reported", "2019-05")


def test_trips_to_a_named_place_are_visits(nlp: Any) -> None:
    trip = one(events(nlp, "Japarov said he would travel to Moscow in January."), "visit")
    assert (trip.status, trip.place) == ("planned", "Moscow")
    assert "visit" not in types(events(nlp, "Most of the grain went to Kazakhstan last year."))


def test_confirming_a_named_thing_is_a_statement(nlp: Any) -> None:
    assert "statement" in types(
        events(nlp, "Finance Minister Almaz Baketaev confirmed new details of the loan.")
    )
    assert "announcement" in types(
        events(nlp, "The Kremlin confirmed the dates of the visit on Monday.")
    )
