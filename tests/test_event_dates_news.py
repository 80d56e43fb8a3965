"""How news dates its events, on reports of our own wording: the dateline's day is the report's,
an event held during another takes its day, one after "following" keeps its own, a past event
goes on the paragraph's reported day, a week-long tour is no one-day visit, and a year counted
from is a year gone by."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze import analyze_articles
from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.ingest.metadata import read_metadata
from corroborator.model import Article, EventMention
from tests.event_text import dated_events_in, of_type


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def events(nlp: Any, text: str, published: str) -> list[EventMention]:
    return dated_events_in(nlp, text, published, "art_news_dates")


def test_the_datelines_day_does_not_date_the_leads_event(nlp: Any) -> None:
    # filed on Thursday 12 March 2026 about a meeting held on the Tuesday before
    text = (
        "MADRID, March 12 - President Rui Matos arrived in Lima late on Tuesday, Madrid time, "
        "the palace said."
    )
    found = of_type(events(nlp, text, "2026-03-12"), "arrival")
    assert found and found[0].date == "2026-03-10", [(e.date, e.date_text) for e in found]


def test_a_week_long_tour_gives_no_one_day_frame(nlp: Any) -> None:
    text = (
        "The chancellor left Vienna on Sunday for a week-long tour of South America. "
        "The chancellor signed two accords on energy."
    )
    found = events(nlp, text, "2026-04-14")
    assert all(e.date_source != "one_day_visit" for e in found), [
        (e.type, e.date, e.date_source) for e in found
    ]


def test_an_event_during_another_takes_its_day(nlp: Any) -> None:
    text = (
        "The chancellor arrived in Lima on Monday for a two-day visit. "
        "During the visit, the chancellor signed an accord on mining."
    )
    signing = of_type(events(nlp, text, "2026-04-14"), "signing")
    assert signing and signing[0].date == "2026-04-13", [
        (e.date, e.date_source, e.evidence) for e in signing
    ]


def _published(text: str, language: str = "en") -> str | None:
    meta = read_metadata(text)
    article = Article(
        id="art_pub", text=text, source_path="t.txt", language=language,
        dateline_place=meta.dateline_place, dateline_date=meta.dateline_date,
    )  # fmt: skip
    ((_, analysis),) = list(analyze_articles([article], model=Settings().spacy_model))
    return analysis.published


def test_a_year_counted_from_is_a_year_gone_by() -> None:
    # 2 September is a Monday in 2019 and in 2024: "the first since 2019" is written later
    text = (
        "Leader lands in the steppe capital\n\n"
        "ULAANBAATAR, Sept 2 (Wirenews) - The president arrived in Ulaanbaatar late on "
        "Monday for a two-day state visit, his first trip to the country since 2019."
    )
    assert _published(text) == "2024-09-02"


def test_a_russian_lead_after_a_headline_and_dateline_pairs_its_weekday() -> None:
    # the headline has no stop and the dateline ends with one: the lead is the sentence after
    # them, whose Tuesday is the dateline's 3 September (2024, as 2019 is told as past)
    text = (
        "Президент прибыл в Улан-Батор\n"
        "МОСКВА, 3 сентября. /Вестник/. Президент прибыл в Улан-Батор во вторник, "
        "сообщили в администрации. В последний раз он посещал Монголию в 2022 году."
    )
    assert _published(text, "ru") == "2024-09-03"


def test_a_participle_of_order_keeps_its_own_time(nlp: Any) -> None:
    text = "The chancellor arrived in Quito on Wednesday, following a two-day visit to Lima."
    found = events(nlp, text, "2026-04-16")
    lima = [e for e in of_type(found, "visit") if e.place == "Lima"]
    assert all(e.date != "2026-04-15" for e in lima), [(e.place, e.date) for e in lima]


def test_a_past_event_goes_on_the_paragraphs_reported_day(nlp: Any) -> None:
    text = (
        "The chancellor held talks with the Ecuadorian president in Quito on Tuesday. "
        "The two leaders signed an accord on mining.\n\n"
        "The two countries signed a fisheries pact."
    )
    signings = sorted(of_type(events(nlp, text, "2026-04-16"), "signing"), key=lambda e: e.start)
    assert [e.date for e in signings] == ["2026-04-14", None], [
        (e.date, e.date_source) for e in signings
    ]
