"""Fiscal years and the periods of figures, on sentences written for these tests.

A fiscal year keeps its calendar value (as TimeBank annotates "fiscal 1989" as 1989) and is
marked ``fiscal``; a figure told for it has the period ``FY…``. Such a figure aligns with one
told for a calendar year the fiscal year straddles (one quantity, rendered two ways), but two
different values of it are different stretches of time, never a conflict.
"""

from __future__ import annotations

import pytest

from corroborator.analyze.timex import tag_text
from corroborator.analyze.timex.russian import tag_text_ru
from corroborator.model import Claim, ClaimValue
from tests.claim_text import claim_values, story_claims

PUBLISHED = "2026-03-03"


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Exports rose 4% in FY25.", "FY25", "2025"),
        ("Exports rose 4% in FY24-25.", "FY24-25", "2024/2025"),
        ("Exports rose 4% in FY2024-25.", "FY2024-25", "2024/2025"),
        ("Exports rose 4% in the 2023/24 financial year.", "2023/24 financial year", "2023/2024"),
        ("Exports rose 4% in fiscal year 2024-25.", "fiscal year 2024-25", "2024/2025"),
        ("Exports rose 4% in financial year 2022.", "financial year 2022", "2022"),
        ("Exports rose 4% in fiscal 2024.", "fiscal 2024", "2024"),
    ],
)
def test_english_fiscal_years(text: str, expression: str, value: str) -> None:
    found = {t.text: t for t in tag_text(text, anchor=PUBLISHED).timexes}
    assert expression in found, list(found)
    assert found[expression].value == value
    assert found[expression].fiscal


def test_calendar_years_are_not_fiscal() -> None:
    found = tag_text("Exports rose 4% in 2024 and in 2023-24.", anchor=PUBLISHED).timexes
    assert [t.value for t in found] == ["2024", "2023/2024"]
    assert not any(t.fiscal for t in found)


def test_a_fiscal_year_spans_two_years_one_after_the_other() -> None:
    found = tag_text("Exports rose 4% in FY24-26.", anchor=PUBLISHED).timexes
    assert not any(t.fiscal and t.value == "2024/2026" for t in found)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Экспорт вырос в 2023/24 финансовом году.", "2023/2024"),
        ("Экспорт вырос в 2023-2024 финансовом году.", "2023/2024"),
        ("Экспорт вырос в 2024 финансовом году.", "2024"),
    ],
)
def test_russian_fiscal_years(text: str, value: str) -> None:
    found = tag_text_ru(text, anchor=PUBLISHED).timexes
    assert [(t.value, t.fiscal) for t in found] == [(value, True)]


def _values(text: str) -> tuple[ClaimValue, ...]:
    return claim_values("en", text, PUBLISHED)


def _claims(*texts: str) -> list[Claim]:
    return story_claims([("en", t) for t in texts], PUBLISHED)


def test_a_figure_of_a_fiscal_year_has_a_marked_period() -> None:
    (value,) = _values("Bilateral trade reached $12.4 billion in FY2024-25.")
    assert value.period == "FY2024/2025"


def test_the_same_fiscal_year_written_two_ways_corroborates() -> None:
    (claim,) = _claims(
        "Bilateral trade reached $12.4 billion in FY2024-25.",
        "Two-way trade amounted to $12.4 billion in the 2024-25 fiscal year.",
    )
    assert claim.verdict == "corroborated"


def test_fiscal_and_calendar_figures_align_without_a_conflict() -> None:
    (claim,) = _claims(
        "Bilateral trade reached $12.4 billion in the 2024-25 fiscal year.",
        "Two-way trade was $13.1 billion in 2024.",
    )
    assert len(claim.values) == 2
    assert claim.verdict == "compatible"


def test_two_calendar_figures_of_one_year_still_conflict() -> None:
    (claim,) = _claims(
        "Two-way trade was $13.1 billion in 2024.",
        "Bilateral trade stood at $11.2 billion in 2024.",
    )
    assert claim.verdict == "conflicting"


def test_a_level_reached_in_a_stated_year_is_that_year_s_figure() -> None:
    (value,) = _values("Bilateral trade stood at $11.2 billion in 2024.")
    assert (value.period, value.changing, value.as_of) == ("2024", False, None)


def test_a_running_total_keeps_its_moment() -> None:
    (toll,) = _values("The death toll rose to 3,000 on Monday.")
    assert toll.changing
    (so_far,) = _values("Visitor arrivals so far this year have reached 2 million.")
    assert so_far.changing and so_far.period is None
