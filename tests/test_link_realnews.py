"""Linking on the shapes real news takes: a date window no average can outvote, visits as
timeline events, events placed by their visit, one meeting told with two different days, and
world places (a city lies in its country). Texts are our own."""

from __future__ import annotations

import math
from dataclasses import replace

import numpy as np
import pytest

from corroborator.analyze.gazetteer import load_gazetteer
from corroborator.link.dependence import find_dependence
from corroborator.link.event_merge import merge_visits
from corroborator.link.stories import (
    LEAD_WINDOW_DAYS,
    W_ELSEWHERE,
    StoryDoc,
    cluster_stories,
    explain_pair,
    hard_apart,
)
from corroborator.link.timeline import build_events
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


def test_two_legs_of_one_trip_are_pushed_apart() -> None:
    from corroborator.analyze.embeddings import embed
    from corroborator.link.lexical import content_terms
    from corroborator.link.stories import elsewhere

    texts = {
        "leg1-a": "President Ann Lee arrived in Pyongyang on a state visit and held talks with "
        "the North Korean leader at the Kumsusan guest house.",
        "leg1-b": "Ann Lee and the North Korean leader signed a partnership treaty in Pyongyang "
        "after talks on the first day of her state visit.",
        "leg2-a": "President Ann Lee arrived in Hanoi on a state visit and held talks with the "
        "Vietnamese leader at the presidential palace.",
        "leg2-b": "Ann Lee and the Vietnamese leader signed a dozen agreements in Hanoi after "
        "talks on the first day of her state visit.",
    }
    where = {"leg1": (("KP", 3),), "leg2": (("VN", 3),)}
    vectors = embed(list(texts.values()))
    docs = [
        StoryDoc(
            id=i,
            embedding=v,
            terms=content_terms(t),
            published="2031-06-19" if i.startswith("leg1") else "2031-06-20",
            people=frozenset({"Ann Lee", "Kim Ho" if i.startswith("leg1") else "To Van"}),
            places=frozenset({"Pyongyang" if i.startswith("leg1") else "Hanoi"}),
            where=where[i[:4]],
        )
        for (i, t), v in zip(texts.items(), vectors, strict=True)
    ]
    assert elsewhere(docs[0], docs[2]) and not elsewhere(docs[0], docs[1])
    unplaced = [replace(d, where=()) for d in docs]
    with_place = explain_pair(docs, "leg1-a", "leg2-a")["p"]
    without = explain_pair(unplaced, "leg1-a", "leg2-a")["p"]
    logit = math.log(with_place / (1 - with_place)) - math.log(without / (1 - without))
    assert logit == pytest.approx(W_ELSEWHERE, abs=1e-6)
    # a country named by both (the visitor's own, a dateline) is no sign of two happenings
    both = replace(docs[2], where=(("KP", 1), ("VN", 3)))
    assert not elsewhere(docs[0], both)
    # one placed nowhere clearly, naming places in two countries but never the other's
    unclear = replace(docs[2], where=(), countries=frozenset({"VN", "RU"}))
    assert elsewhere(docs[0], unclear) and elsewhere(unclear, docs[0])
    assert not elsewhere(docs[1], replace(unclear, countries=frozenset({"VN", "KP"})))
    assert not elsewhere(docs[0], replace(unclear, countries=frozenset({"VN"})))  # one country
    assert not elsewhere(docs[0], replace(unclear, countries=None))  # not known
    # one placed event only (no clear majority), naming the other's country too, beside one
    # placed clearly that never names its country: a welcome in Hanoi, talks in Pyongyang
    clear = replace(docs[0], countries=frozenset({"KP", "RU"}))
    once = replace(docs[2], where=(("VN", 1),), countries=frozenset({"VN", "KP"}))
    assert elsewhere(clear, once) and elsewhere(once, clear)
    assert not elsewhere(docs[0], once)  # what the clear one names is not known
    assert not elsewhere(replace(clear, countries=frozenset({"KP", "VN"})), once)
    assert not elsewhere(clear, replace(once, where=(("VN", 1), ("KP", 1))))


def test_a_rate_decision_the_same_day_in_the_same_city_is_another_story() -> None:
    from corroborator.analyze.embeddings import embed
    from corroborator.link.lexical import content_terms

    texts = {
        "visit-a": "Foreign ministers of the two countries met in Nairobi on Tuesday and agreed "
        "to expand trade and open new consulates.",
        "visit-b": "The visiting foreign minister held talks with his Kenyan counterpart in "
        "Nairobi on Tuesday on trade, consulates and regional security.",
        "rates": "Kenya's central bank held its benchmark lending rate at 9.5 percent on "
        "Tuesday, its governor told a news conference in Nairobi, citing slowing inflation.",
    }
    vectors = embed(list(texts.values()))
    docs = [
        StoryDoc(
            id=i,
            embedding=v,
            terms=content_terms(t),
            published="2031-03-11",
            dates=("2031-03-11",),
            places=frozenset({"Nairobi"}),
        )
        for (i, t), v in zip(texts.items(), vectors, strict=True)
    ]
    assert cluster_stories(docs) == [("rates",), ("visit-a", "visit-b")]


def test_continents_and_rare_spellings_are_not_cities() -> None:
    gaz = load_gazetteer()
    assert gaz.country_code("Asia") is None  # a town of that name must not make it Philippine
    assert gaz.country_code("Africa") is None
    assert gaz.country_code("Pusan") == "KR"  # a large city's other spelling is kept


def test_a_visit_told_in_the_present_during_its_days_is_under_way() -> None:
    now = replace(
        _m("a", "visit", "2031-04-14", end="2031-04-16", place="Hanoi", people=("Ann Lee",)),
        status_reason="present tense",
    )
    before = replace(
        _m("b", "visit", "2031-04-14", end="2031-04-16", place="Hanoi", people=("Ann Lee",)),
        status="planned",
        status_reason="future modal",
    )
    articles = {"a": _article("a", "2031-04-15"), "b": _article("b", "2031-04-10")}
    [visit] = build_events(
        "sty_t", [now, before], articles, find_dependence(list(articles.values()))
    )
    statuses = {m.article_id: (m.status, m.status_reason) for m in visit.mentions}
    assert statuses == {
        "a": ("in_progress", "under way at writing"),
        "b": ("planned", "future modal"),
    }
    assert visit.status == "in_progress"
