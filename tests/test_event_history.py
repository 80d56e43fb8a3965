"""Dates and places of event mentions next to history and to what is only said: a relative
clause's date, a "since" date, a "when" clause, a date inside a quotation, a possibility; and
places that must keep working around them (a venue in a city, the sidelines of a summit, an
organisation named like a place). Texts are our own."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.entities import resolve_entities
from corroborator.analyze.events import extract_events
from corroborator.analyze.nlp import load_model
from corroborator.analyze.timex import analyze_dates
from corroborator.config import Settings
from corroborator.model import Article, EventMention

DAY = "2031-05-08"  # a Thursday


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def events(nlp: Any, text: str) -> list[EventMention]:
    article = Article(id="art_hist", text=text, source_path="h.txt", published=DAY)
    doc = nlp(text)
    dates = analyze_dates(doc, article)
    return extract_events(doc, article, resolve_entities(doc, DAY, article.id), dates.timexes, DAY)


def of_type(found: list[EventMention], type_: str) -> list[EventMention]:
    return [m for m in found if m.type == type_]


def test_a_relative_clause_dates_its_own_event_not_the_plan(nlp: Any) -> None:
    text = (
        "The Chilean president is expected to sign several accords that would extend the "
        "fisheries pact the two governments signed in 2019."
    )
    signings = of_type(events(nlp, text), "signing")
    planned = [m for m in signings if m.status == "planned"]
    assert planned and all(m.date != "2019" for m in planned)


def test_a_when_clause_takes_the_time_of_its_main_clause(nlp: Any) -> None:
    text = (
        "The two ministers first met in 2017 when the Chilean minister visited the port city "
        "of Valparaiso."
    )
    [visit] = of_type(events(nlp, text), "visit")
    assert visit.date == "2017" and visit.background


def test_since_is_no_date_of_the_event_unless_negated(nlp: Any) -> None:
    first = of_type(events(nlp, "It is the premier's first visit to Lima since 2012."), "visit")
    assert first and all(m.date != "2012" for m in first)
    [last] = of_type(events(nlp, "The premier has not visited Lima since March 2012."), "visit")
    assert (last.date, last.status, last.status_reason) == ("2012-03", "reported", "not since")


def test_a_date_inside_a_quotation_does_not_date_the_telling(nlp: Any) -> None:
    text = (
        '"I will be travelling to Santiago in October," the president told reporters in Lima '
        "on Thursday."
    )
    said = [m for m in events(nlp, text) if m.type == "statement"]
    assert said and all(m.date != "2031-10" for m in said)


def test_a_venue_named_by_a_common_noun_is_where_its_city_is(nlp: Any) -> None:
    text = "The minister visited the wounded at a hospital in Valparaiso on Thursday."
    [visit] = of_type(events(nlp, text), "visit")
    assert visit.place == "Valparaiso"


def test_an_organisation_is_never_a_place(nlp: Any) -> None:
    text = (
        "The two presidents held talks on Thursday on the sidelines of the Pacific Islands "
        "Forum summit."
    )
    assert all(m.place is None or "Forum" not in m.place for m in events(nlp, text))


def test_a_possibility_is_still_to_come(nlp: Any) -> None:
    text = "A second round of talks could be held in Lima next month, the ministry said."
    [talks] = of_type(events(nlp, text), "talks")
    assert talks.status == "planned"


def test_on_the_sidelines_of_a_summit_is_where_the_summit_is(nlp: Any) -> None:
    text = (
        "The two presidents held talks on Thursday on the sidelines of the regional summit "
        "in Valparaiso."
    )
    met = [m for m in events(nlp, text) if m.type == "talks"]
    assert met and all(m.place == "Valparaiso" for m in met)
