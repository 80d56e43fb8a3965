"""Linking on the shapes real news takes: a date window no average can outvote, visits as
timeline events, events placed by their visit, one meeting told with two different days, and
world places (a city lies in its country). Texts are our own."""

from __future__ import annotations

import numpy as np

from corroborator.analyze.gazetteer import load_gazetteer
from corroborator.link.dependence import find_dependence
from corroborator.link.stories import LEAD_WINDOW_DAYS, StoryDoc, cluster_stories, hard_apart
from corroborator.link.timeline import build_events, merge_visits
from corroborator.model import Article, EventMention


def _doc(doc_id: str, lead: str | None, published: str) -> StoryDoc:
    vec = np.ones(8, dtype=np.float32) / np.sqrt(8)  # identical wording, people and places
    return StoryDoc(
        id=doc_id,
        embedding=vec,
        terms=("leader", "talks", "trade", "summit"),
        published=published,
        dates=("2025-10-30",),
        people=frozenset({"Ann Lee", "Bo Chan"}),
        places=frozenset({"Busan"}),
        lead_date=lead,
    )


def test_a_lead_date_a_month_away_is_another_story_whatever_else_is_shared() -> None:
    # a call that previews the summit shares its planned date, people, place and words
    call = _doc("call", "2025-09-19", "2025-09-19")
    reports = [_doc(f"report{i}", "2025-10-30", "2025-10-30") for i in range(3)]
    assert hard_apart(call, reports[0])
    assert not hard_apart(reports[0], reports[1])
    clusters = cluster_stories([call, *reports])
    assert ("call",) in clusters
    assert ("report0", "report1", "report2") in clusters
    near = _doc("follow-up", "2025-11-08", "2025-11-09")
    assert LEAD_WINDOW_DAYS >= 9 and not hard_apart(near, reports[0])


def _article(aid: str, published: str | None = "2031-04-15") -> Article:
    # texts of their own: identical texts would be one source to the dependence finder
    text = f"Report {aid}: " + " ".join(f"w{aid}{i}" for i in range(40))
    return Article(id=aid, text=text, source_path=f"{aid}.txt", published=published, outlet=aid)


def _m(
    aid: str,
    type_: str,
    date: str | None,
    *,
    end: str | None = None,
    place: str | None = None,
    people: tuple[str, ...] = (),
    status: str = "reported",
    at: int = 0,
) -> EventMention:
    return EventMention(
        article_id=aid,
        start=at,
        end=at + 1,
        quote="q",
        type=type_,
        subtype=None,
        status=status,  # type: ignore[arg-type]
        date=date,
        date_end=end,
        place=place,
        participants=people,
        trigger=type_,
        trigger_start=at,
        trigger_end=at + 1,
    )


PAIR = ("Ann Lee", "Bo Chan")


def _events(mentions: list[EventMention], ids: list[str]) -> list:  # type: ignore[type-arg]
    articles = {a: _article(a) for a in ids}
    return build_events("sty_t", mentions, articles, find_dependence(list(articles.values())))


def test_met_on_monday_against_talks_on_tuesday_is_one_event_with_a_date_dispute() -> None:
    mentions = [
        _m("a", "meeting", "2031-04-14", people=PAIR),
        _m("b", "talks", "2031-04-15", people=PAIR),
        _m("c", "talks", "2031-04-15", people=PAIR),
    ]
    [event] = [e for e in _events(mentions, ["a", "b", "c"]) if e.type in {"talks", "meeting"}]
    assert event.date == "2031-04-15"
    [conflict] = event.conflicts
    assert conflict.field == "date"
    assert dict(conflict.values) == {"2031-04-15": ("b", "c"), "2031-04-14": ("a",)}


def test_an_article_that_tells_both_days_makes_them_two_meetings() -> None:
    mentions = [
        _m("a", "meeting", "2031-04-14", people=PAIR),
        _m("a", "talks", "2031-04-15", people=PAIR, at=5),
        _m("b", "talks", "2031-04-15", people=PAIR),
    ]
    events = [e for e in _events(mentions, ["a", "b"]) if e.type in {"talks", "meeting"}]
    assert sorted(e.date for e in events) == ["2031-04-14", "2031-04-15"]
    assert not any(e.conflicts for e in events)


def test_visits_are_timeline_events_and_place_what_happens_during_them() -> None:
    mentions = [
        _m("a", "visit", "2031-04-14", end="2031-04-15", place="Vietnam", people=("Ann Lee",)),
        _m("b", "visit", "2031-04-14", place="Hanoi", people=("Ann Lee",)),
        _m("b", "talks", "2031-04-14", people=PAIR, at=3),
        _m("c", "visit", "2031-04-12", end="2031-04-13", place="North Korea"),
        _m("a", "talks", "2030-01-02", people=PAIR, at=9),  # long before: left unplaced
    ]
    visits = merge_visits(mentions)
    assert sorted(len(g) for g in visits) == [1, 2]  # the other country is another visit
    events = _events(mentions, ["a", "b", "c"])
    [main] = [e for e in events if e.type == "visit" and len(e.mentions) == 2]
    assert (main.date, main.date_end, main.place) == ("2031-04-14", "2031-04-15", "Hanoi")
    assert not main.conflicts  # a day inside the span does not dispute it
    talks = {e.date: e for e in events if e.type == "talks"}
    assert (talks["2031-04-14"].place, talks["2031-04-14"].place_from) == ("Hanoi", "visit")
    assert talks["2030-01-02"].place is None and talks["2030-01-02"].place_from is None


def test_world_places_lie_in_their_countries() -> None:
    gaz = load_gazetteer()
    assert gaz.within("Pyongyang", "North Korea")
    assert gaz.within("Busan", "South Korea")
    assert not gaz.within("Hanoi", "North Korea")
    assert not gaz.within("North Korea", "Pyongyang")
    assert gaz.within("Yntymak Ordo", "Kyrgyzstan")  # the curated hierarchy still first
    assert gaz.country_code("Москва") == "RU"
