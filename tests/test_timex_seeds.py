"""The date traps of ../shared/seeds (seeds-gold.yaml), through the public entry point."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.analyze.timex import DateAnalysis, analyze_dates
from corroborator.config import Settings
from corroborator.ingest import read_articles
from corroborator.model import Article, TimeExpression

from .conftest import SEEDS

MODEL = Settings().spacy_model


@cache
def _article(prefix: str) -> Article:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent (it sits beside the repository in CI)")
    (path,) = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    (article,) = list(read_articles(path, Settings()))
    assert isinstance(article, Article)
    return article


@cache
def _analysis(prefix: str) -> DateAnalysis:
    article = _article(prefix)
    return analyze_dates(load_model(MODEL)(article.text), article)


def _find(analysis: DateAnalysis, text: str, nth: int = 0) -> TimeExpression:
    found = [t for t in analysis.timexes if t.text.lower() == text.lower()]
    assert len(found) > nth, (text, [t.text for t in analysis.timexes])
    return found[nth]


def test_003_resolves_against_its_printed_date() -> None:
    a = _analysis("003")
    assert a.anchor == "2025-11-26 (published)" and a.published is None
    assert _find(a, "Wednesday").value == "2025-11-26"
    assert _find(a, "Tuesday").value == "2025-11-25"
    assert _find(a, "last year", 0).value == "2024"
    assert _find(a, "last year", 1).value == "2024"
    months = _find(a, "January and September")
    assert (months.value, months.begin, months.end_value) == (
        "2025-01/2025-09",
        "2025-01",
        "2025-09",
    )
    assert _find(a, "November 27").value == "2025-11-27"


def test_000_year_from_the_quoted_tuesday() -> None:
    a = _analysis("000")
    visit = _find(a, "November 25 to 27")
    assert (visit.value, visit.begin, visit.end_value) == (
        "2025-11-25/2025-11-27",
        "2025-11-25",
        "2025-11-27",
    )
    tuesday = _find(a, "Tuesday")
    assert tuesday.quoted and tuesday.value == "2025-11-25"
    first_day = _find(a, "The first day")
    assert first_day.value == "2025-11-25" and first_day.day_of_span == 1
    assert _find(a, "November 26").value == "2025-11-26"
    assert _find(a, "November 27").value == "2025-11-27"
    assert _find(a, "October 2023").value == "2023-10"
    assert _find(a, "a quarter-century ago").value == "2000"
    # no printed date: the year is inferred, reported with its evidence, never finer than known
    assert a.published is not None and a.published.startswith("2025-11")
    assert a.anchor_kind == "inferred" and a.published_confidence
    assert "Tuesday" in (a.published_evidence or "")


def test_002_year_from_the_exercise_name() -> None:
    a = _analysis("002")
    assert _find(a, "October 12").value == "2023-10-12"
    assert _find(a, "October 9-13").value == "2023-10-09/2023-10-13"
    assert "Indestructible Brotherhood" in (a.published_evidence or "")
    assert (a.published or "").startswith("2023")


def test_001_explicit_dates_ranges_and_the_second_day() -> None:
    a = _analysis("001")
    assert _find(a, "November 26").value == "2025-11-26"
    assert _find(a, "September 1, 2023").value == "2023-09-01"
    by_2027 = _find(a, "September 1, 2027")
    assert by_2027.value == "2027-09-01" and by_2027.mod == "ON_OR_BEFORE"
    assert _find(a, "2025-2026").value == "2025/2026"
    assert _find(a, "2024-2030").value == "2024/2030"
    assert _find(a, "2022-2023").value == "2022/2023"
    # the span of the visit is not in this article: the day number is kept for the story
    second = _find(a, "The second day")
    assert second.day_of_span == 2
    assert a.published is not None and a.published.startswith("2025")


def test_004_relative_dates_and_a_given_anchor() -> None:
    a = _analysis("004")
    assert _find(a, "last year").value == "2024"
    assert _find(a, "January to September").value == "2025-01/2025-09"
    assert _find(a, "2026").value == "2026"
    # no day is known: the weekday stays a weekday
    assert _find(a, "Tuesday").value == "XXXX-WXX-2"
    story = analyze_dates(
        load_model(MODEL)(_article("004").text), _article("004"), anchor="2025-11-26"
    )
    assert _find(story, "Tuesday").value == "2025-11-25"
    assert story.anchor == "2025-11-26 (given)"


def test_offsets_index_the_article_text() -> None:
    for prefix in ("000", "001", "002", "003", "004"):
        article = _article(prefix)
        for t in _analysis(prefix).timexes:
            assert article.text[t.start : t.end] == t.text


def test_no_seed_gets_a_publication_date_that_contradicts_its_text() -> None:
    # 003 prints one: nothing is inferred over it
    assert _analysis("003").published is None
    # the others: what they tell as past precedes the inferred date
    assert (_analysis("002").published or "") >= "2023-10-12"
    assert (_analysis("000").published or "") <= "2025-11-25"


def test_seed_paths_exist() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    assert len(list(Path(SEEDS).glob("*.txt"))) == 5
