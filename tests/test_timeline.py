"""The 2025 seeds story as one timeline: gold events on gold days, disputes kept, 2023 kept out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corroborator.analyze import _from_doc
from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.ingest import read_articles
from corroborator.link.dependence import find_dependence
from corroborator.link.event_merge import merge_mentions
from corroborator.link.story_dates import resolve_story_dates
from corroborator.link.timeline import build_events
from corroborator.model import Article, Event, EventMention

from .conftest import SEEDS

STORY_2025 = ("000", "001", "003", "004")


@pytest.fixture(scope="module")
def timeline() -> tuple[list[Event], dict[str, str]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent (it sits beside the repository in CI)")
    seeds_dir = SEEDS
    nlp: Any = load_model(Settings().spacy_model)
    articles: dict[str, Article] = {}
    mentions = []
    for path in sorted(seeds_dir.iterdir()):
        if path.name[:3] not in STORY_2025:
            continue
        [article] = [a for a in read_articles(path, Settings()) if isinstance(a, Article)]
        articles[article.id] = article
        mentions += _from_doc(article, nlp(article.text), "test").event_mentions
    names = {aid: Path(a.source_path).name[:3] for aid, a in articles.items()}
    return build_events(
        "sty_test", mentions, articles, find_dependence(list(articles.values()))
    ), names


def _find(events: list[Event], type_: str, date: str) -> Event:
    hits = [e for e in events if e.type == type_ and e.date == date]
    assert hits, [(e.type, e.date) for e in events]
    return hits[0]


def test_gold_events_on_gold_days(timeline: tuple[list[Event], dict[str, str]]) -> None:
    events, _ = timeline
    for type_, date in [
        ("arrival", "2025-11-25"),
        ("wreath_laying", "2025-11-25"),
        ("welcome_ceremony", "2025-11-26"),
        ("talks", "2025-11-26"),
        ("signing", "2025-11-26"),
        ("press_statements", "2025-11-26"),
        ("reception", "2025-11-26"),
        ("meeting", "2025-11-26"),
        ("summit", "2025-11-27"),
    ]:
        _find(events, type_, date)
    assert _find(events, "talks", "2025-11-25").subtype == "one_on_one"  # the informal evening talk
    # nothing from 2023 in the timeline: the history the articles recall is kept apart
    own = [e for e in events if not e.background]
    assert all(e.date is None or e.date >= "2025-11-25" for e in own)
    history = [e for e in events if e.background]
    assert history and all(all(m.background for m in e.mentions) for e in history)


def test_talks_keep_the_tuesday_wednesday_dispute(
    timeline: tuple[list[Event], dict[str, str]],
) -> None:
    events, names = timeline
    talks = _find(events, "talks", "2025-11-26")
    assert talks.place == "Yntymak Ordo" and talks.status == "reported"
    [conflict] = [c for c in talks.conflicts if c.field == "date"]
    sides = {value: {names[a] for a in arts} for value, arts in conflict.values}
    assert sides["2025-11-25"] == {"004"}
    assert {"000", "001", "003"} <= sides["2025-11-26"]
    # the Lukashenko meeting is its own event, not merged into the talks
    lukashenko = _find(events, "meeting", "2025-11-26")
    assert "Alexander Lukashenko" in lukashenko.participants


def test_story_dates_come_from_the_typed_fields() -> None:
    """The story dates what the article could not from ``date_text`` and ``day_of_span`` and
    says so in ``date_source``; the words in ``evidence`` play no part."""
    dated = Article(id="art_a", text="…", source_path="a.txt", published="2025-11-24")
    undated = Article(id="art_b", text="…", source_path="b.txt")

    def mention(article: str, type_: str, **kw: Any) -> EventMention:
        return EventMention(article, 0, 1, "…", type_, None, "reported", **kw)

    visit = mention("art_a", "visit", date="2025-11-25", date_end="2025-11-27",
                    date_source="expression", date_text="November 25-27")  # fmt: skip
    weekday = mention("art_b", "talks", date_text="Tuesday", date_source="weekday_for_story")
    no_year = mention("art_b", "signing", date="2024-11-26", date_text="26 November",
                      date_source="expression")  # fmt: skip
    second_day = mention("art_b", "reception", day_of_span=2, date_source="day_of_span")
    told = mention("art_b", "summit", evidence=("weekday 'Tuesday', to be dated by the story",))
    by_type = {
        m.type: m for m in resolve_story_dates(
            [visit, weekday, no_year, second_day, told], {"art_a": dated, "art_b": undated}
        )
    }  # fmt: skip
    assert (by_type["talks"].date, by_type["talks"].date_source) == ("2025-11-25", "story_weekday")
    assert (by_type["signing"].date, by_type["signing"].date_source) == ("2025-11-26", "story_year")
    assert (by_type["reception"].date, by_type["reception"].date_source) == (
        "2025-11-26",
        "story_span",
    )
    assert by_type["summit"].date is None  # an evidence line is not read back
    assert by_type["visit"] == visit


def test_a_day_without_a_year_takes_the_year_of_the_days_the_story_tells() -> None:
    """No visit gives the story a span (a flood, say): a day an undated article prints
    without a year goes into the year of the days its other reports tell."""
    dated = Article(id="art_a", text="…", source_path="a.txt", published="2031-08-14")
    undated = Article(id="art_b", text="…", source_path="b.txt")

    def mention(article: str, type_: str, **kw: Any) -> EventMention:
        return EventMention(article, 0, 1, "…", type_, None, "reported", **kw)

    flood = mention("art_a", "disaster", date="2031-08-12", date_source="expression")
    toll = mention("art_a", "casualties", date="2031-08-14", date_source="expression")
    collapse = mention("art_b", "building_collapse", date_text="early on August 12",
                       date_source="weekday_for_story")  # fmt: skip
    elsewhere = mention("art_b", "meeting", date_text="on February 3",
                        date_source="weekday_for_story")  # fmt: skip
    by_type = {
        m.type: m
        for m in resolve_story_dates(
            [flood, toll, collapse, elsewhere], {"art_a": dated, "art_b": undated}
        )
    }
    assert by_type["building_collapse"].date == "2031-08-12"
    assert by_type["building_collapse"].date_source == "story_year"
    assert by_type["meeting"].date is None  # far from the story's days: left undated


def test_an_undated_toll_is_not_folded_into_the_busiest_one() -> None:
    """Tolls change from report to report: an undated one keeps no date it was not given,
    while dated ones of one day are one event and a talks mention still joins its event."""

    def mention(article: str, type_: str, start: int, **kw: Any) -> EventMention:
        return EventMention(article, start, start + 1, "…", type_, None, "reported", **kw)

    tolls = [
        mention("art_a", "casualties", 0, date="2026-03-09", date_source="expression"),
        mention("art_b", "casualties", 0, date="2026-03-09", date_source="expression"),
        mention("art_c", "casualties", 0),
    ]
    talks = [
        mention("art_a", "talks", 5, date="2026-03-09", date_source="expression"),
        mention("art_c", "talks", 5),
    ]
    groups = merge_mentions(tolls + talks)
    sizes = sorted((g[0].type, len(g)) for g in groups)
    assert sizes == [("casualties", 1), ("casualties", 2), ("talks", 2)]


def test_an_undated_toll_with_its_weekday_joins_that_days_toll() -> None:
    def mention(article: str, start: int, **kw: Any) -> EventMention:
        return EventMention(article, start, start + 1, "…", "casualties", None, "reported", **kw)

    monday = mention("art_a", 0, date="2026-03-09", date_source="expression")  # a Monday
    sunday = mention("art_b", 0, date="2026-03-08", date_source="expression")
    told = mention("art_c", 0, date_text="Monday night", date_source="weekday_for_story")
    groups = merge_mentions([monday, sunday, told])
    assert sorted(len(g) for g in groups) == [1, 2]
    assert any(told in g and monday in g for g in groups)


def _told(article: str, type_: str, start: int, **kw: Any) -> EventMention:
    kw.setdefault("status", "reported")
    status = kw.pop("status")
    return EventMention(article, start, start + 40, "…", type_, None, status, **kw)


def test_an_event_told_with_a_dated_one_takes_its_day() -> None:
    """'After hours of talks, the two sides signed a memorandum': the talks are dated by the
    story (another report gives their day), and the signing in the same sentence with them."""
    arts = {
        a: Article(id=a, text="…", source_path=f"{a}.txt", published="2026-02-12")
        for a in ("art_a", "art_b")
    }
    told = [
        _told("art_a", "talks", 0, date="2026-02-11", date_source="expression"),
        _told("art_b", "talks", 0, trigger_start=10),
        _told("art_b", "signing", 0, trigger_start=30),
    ]
    events = build_events("sty_test", told, arts, find_dependence(list(arts.values())))
    signing = next(e for e in events if e.type == "signing")
    assert signing.date == "2026-02-11"
    assert signing.mentions[0].date_source == "coreference"


def test_a_visit_told_in_the_past_during_its_days_is_under_way() -> None:
    """A report printed on the second day of a three-day visit ('the minister arrived on
    Monday for a three-day visit') tells a visit under way; one that says it ended does not."""
    arts = {
        "art_a": Article(id="art_a", text="…", source_path="a.txt", published="2026-04-07"),
        "art_b": Article(id="art_b", text="…", source_path="b.txt", published="2026-04-07"),
    }
    span = {"date": "2026-04-06", "date_end": "2026-04-08", "date_source": "expression"}
    going = EventMention("art_a", 0, 50, "The minister arrived for a three-day visit.", "visit",
                         None, "reported", trigger="visit", trigger_start=37,
                         status_reason="past tense", **span)  # fmt: skip
    ended = EventMention("art_b", 0, 50, "The minister ended her visit on Tuesday.", "visit",
                         None, "reported", trigger="visit", trigger_start=22,
                         status_reason="past tense", **span)  # fmt: skip
    events = build_events("sty_test", [going, ended], arts, find_dependence(list(arts.values())))
    statuses = {m.article_id: m.status for e in events for m in e.mentions}
    assert statuses == {"art_a": "in_progress", "art_b": "reported"}


def test_history_the_articles_recall_is_kept_apart() -> None:
    """An earlier summit recalled by two reports is one background event, out of the
    timeline's own events."""
    arts = {
        a: Article(id=a, text="…", source_path=f"{a}.txt", published="2026-05-20")
        for a in ("art_a", "art_b")
    }
    told = [
        _told("art_a", "talks", 0, date="2026-05-19", date_source="expression"),
        _told("art_a", "summit", 50, date="2019-04", place="Vladivostok", background=True),
        _told("art_b", "summit", 50, date="2019-04", background=True),
    ]
    events = build_events("sty_test", told, arts, find_dependence(list(arts.values())))
    history = [e for e in events if e.background]
    assert [(e.type, e.date, e.place, len(e.mentions)) for e in history] == [
        ("summit", "2019-04", "Vladivostok", 2)
    ]
    assert [e.type for e in events if not e.background] == ["talks"]
