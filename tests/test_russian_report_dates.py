"""Russian figures dated by the report that gives them, and Russian weekdays read within a
story, through the real Russian adapter and the real timeline (texts of our own)."""

from __future__ import annotations

from typing import Any

from corroborator.ingest.metadata import read_metadata
from corroborator.link.story_dates import resolve_story_dates
from corroborator.model import Article, EventMention

from .test_russian_events import events


def _tolls(text: str, published: str | None) -> list[EventMention]:
    return [e for e in events(text, published=published) if e.type == "casualties"]


def test_a_toll_takes_the_day_of_the_sentence_that_reports_it() -> None:
    """ "Об этом в пятницу сообщает агентство": the source and day of a figure come in the next
    sentence; the toll is the count as of that report."""
    text = (
        "Число погибших при наводнении в Бангладеш превысило 80 человек. Об этом в пятницу, "
        "14 февраля, сообщает агентство Рейтер."
    )
    [toll] = _tolls(text, "2031-02-15")
    assert (toll.date, toll.date_source) == ("2031-02-14", "expression")
    # undated, the day waits for the story, with the words that give it
    [toll] = _tolls(text, None)
    assert toll.date is None
    assert (toll.date_text, toll.date_source) == ("пятницу, 14 февраля", "weekday_for_story")


def test_a_toll_takes_the_day_of_the_comma_clause_that_reports_it() -> None:
    """ "…, сообщили в среду местные власти": the reporting clause after the figure."""
    text = (
        "Число погибших в результате наводнения на севере Бангладеш выросло до 57 человек, "
        "сообщили в среду местные власти."
    )
    [toll] = _tolls(text, "2031-02-14")
    assert toll.date == "2031-02-12"


def test_a_sentence_that_reports_something_else_does_not_date_the_toll() -> None:
    """Only a sentence opened by "об этом" reports the one before it."""
    text = (
        "Число погибших при наводнении превысило 80 человек. В пятницу агентство сообщило о "
        "начале эвакуации."
    )
    [toll] = _tolls(text, None)
    assert toll.date is None and toll.date_text is None


def test_a_russian_weekday_is_read_within_the_story_span() -> None:
    """ "в четверг" (and "в среду вечером") in an undated Russian report: the day of that
    weekday within the visit another report dates, as "on Thursday" in English."""
    dated = Article(id="art_a", text="…", source_path="a.txt", published="2031-04-14")
    undated = Article(id="art_b", text="…", source_path="b.txt", language="ru")

    def mention(article: str, type_: str, **kw: Any) -> EventMention:
        return EventMention(article, 0, 1, "…", type_, None, "reported", **kw)

    visit = mention("art_a", "visit", date="2031-04-16", date_end="2031-04-17",
                    date_source="expression", date_text="16–17 апреля")  # fmt: skip
    talks = mention("art_b", "talks", date_text="четверг", date_source="weekday_for_story")
    arrival = mention("art_b", "arrival", date_text="среду вечером",
                      date_source="weekday_for_story")  # fmt: skip
    signing = mention("art_b", "signing", date_text="весной", date_source="weekday_for_story")
    by_type = {
        m.type: m
        for m in resolve_story_dates(
            [visit, talks, arrival, signing], {"art_a": dated, "art_b": undated}
        )
    }
    assert (by_type["talks"].date, by_type["talks"].date_source) == ("2031-04-17", "story_weekday")
    assert by_type["arrival"].date == "2031-04-16"
    assert by_type["signing"].date is None


def test_the_agency_after_a_cyrillic_datelines_dash_is_credited() -> None:
    """ "ГОРОД, 12 фев — ТАСС." and "— РИА Новости.": the agency of the dispatch, as "/ТАСС/"
    between slashes; a sentence after the dash that names no agency credits nothing."""
    assert read_metadata("ДАККА, 12 фев — ТАСС. Вода затопила деревни.").attributed_to == ("TASS",)
    meta = read_metadata("ТАШКЕНТ, 16 апр – РИА Новости. Президент прибыл в Ташкент.")
    assert (meta.dateline_date, meta.attributed_to) == ("--04-16", ("RIA Novosti",))
    assert read_metadata("ТАШКЕНТ, 16 апр — Президент прибыл.").attributed_to == ()


def test_an_undated_until_is_no_day_of_the_event() -> None:
    """ "продлится до пятницы" in a text without a date: Friday ends the visit, it is not the day
    the story should give it; "в пятницу" is."""
    text = "Президент находится в Ташкенте с визитом, который продлится до пятницы."
    [visit] = [e for e in events(text, None) if e.type == "visit"]
    assert (visit.date, visit.date_text) == (None, None)
    [talks] = [
        e for e in events("В пятницу президенты провели переговоры в Ташкенте.", None)
        if e.type == "talks"
    ]  # fmt: skip
    assert (talks.date_text, talks.date_source) == ("пятницу", "weekday_for_story")
