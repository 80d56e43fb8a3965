"""An event's date is the local date where it happens: a time of day written in the writer's
zone moves the date when it is past midnight there. Texts are our own."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from corroborator.analyze import ADAPTERS
from corroborator.analyze.entities import resolve_entities
from corroborator.analyze.events import extract_events
from corroborator.analyze.events.local_date import day_shift
from corroborator.analyze.languages import entities_of
from corroborator.analyze.nlp import load_model
from corroborator.analyze.timex import analyze_dates
from corroborator.analyze.timex.analysis import DateAnalysis
from corroborator.config import Settings
from corroborator.model import Article, EventMention

DAY = "2031-07-14"


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def _en(nlp: Any, text: str, url: str | None = None) -> list[EventMention]:
    article = Article(id="art_tz", text=text, source_path="t.txt", published=DAY, url=url)
    doc = nlp(text)
    dates = analyze_dates(doc, article)
    return extract_events(doc, article, resolve_entities(doc, DAY, article.id), dates.timexes, DAY)


def _ru(text: str, url: str | None = None) -> list[EventMention]:
    ru = ADAPTERS["ru"]
    article = Article(
        id="art_tz_ru", text=text, source_path="t.txt", published=DAY, language="ru", url=url
    )
    doc = ru.parse(text)
    dates = ru.dates(doc, article) if ru.dates else DateAnalysis(())
    assert ru.events is not None
    return ru.events(doc, article, entities_of(ru.mentions(doc, article.id)), dates.timexes, DAY)


def _dated(found: list[EventMention]) -> list[EventMention]:
    return [e for e in found if e.date]


def test_moscow_evening_is_next_day_in_pyongyang(nlp: Any) -> None:
    found = _dated(
        _en(nlp, "The Russian president landed in Pyongyang late on July 13, Moscow time.")
    )
    assert found and found[0].date == "2031-07-14", [(e.date, e.evidence) for e in found]
    assert any("Pyongyang" in why and "Europe/Moscow" in why for why in found[0].evidence)


def test_local_time_and_no_zone_leave_the_date(nlp: Any) -> None:
    local = _dated(
        _en(nlp, "The Russian president landed in Pyongyang at 2 a.m. local time on July 13.")
    )
    bare = _dated(_en(nlp, "The Russian president landed in Pyongyang late on July 13."))
    assert [e.date for e in local] == ["2031-07-13"]
    assert [e.date for e in bare] == ["2031-07-13"]  # no evidence of the writer's zone


def test_clock_time_in_gmt(nlp: Any) -> None:
    found = _dated(_en(nlp, "The prime minister arrived in Tokyo at 11 p.m. GMT on July 13."))
    assert [e.date for e in found] == ["2031-07-14"]


def test_russian_outlet_evening_moves_to_local_day() -> None:
    found = _dated(
        _ru("Вечером 13 июля самолёт Путина приземлился в Пхеньяне.", "https://news.example.ru/a")
    )
    assert found and found[0].date == "2031-07-14", [(e.date, e.evidence) for e in found]


def test_part_of_day_moves_only_when_every_hour_crosses() -> None:
    # 18-24h Moscow time is 22-04h in UTC+7: not every hour is past midnight
    assert day_shift(date(2031, 7, 13), (18, 24), "Europe/Moscow", "Asia/Ho_Chi_Minh") == 0
    assert day_shift(date(2031, 7, 13), (18, 24), "Europe/Moscow", "Asia/Pyongyang") == 1
    assert day_shift(date(2031, 7, 13), (1, 1), "Asia/Tokyo", "Europe/London") == -1


def test_event_without_place_takes_the_zone_its_sentence_names() -> None:
    found = _dated(
        _ru(
            "Поздно вечером 13 июля самолёт президента приземлился в аэропорту близ Пхеньяна.",
            "https://example.ru/news/1",
        )
    )
    assert found and found[0].date == "2031-07-14", [(e.date, e.evidence) for e in found]


def test_evening_in_a_nearer_zone_keeps_its_day() -> None:
    # 18-24h Moscow time is 22-04h in Hanoi: the evening does not cross midnight as a whole
    found = _dated(_ru("Вечером 13 июля президент прилетел в Ханой.", "https://example.ru/n"))
    assert [e.date for e in found][:1] == ["2031-07-13"]


def test_a_dateline_is_the_writers_clock(nlp: Any) -> None:
    text = "The Russian president landed in Pyongyang late on July 13."
    article = Article(
        id="art_tz_dl", text=text, source_path="t.txt", published=DAY,
        url="https://example.ru/a", dateline_place="Pyongyang",
    )  # fmt: skip
    doc = nlp(text)
    dates = analyze_dates(doc, article)
    found = extract_events(doc, article, resolve_entities(doc, DAY, article.id), dates.timexes, DAY)
    assert [e.date for e in found if e.date] == ["2031-07-13"]
