"""Temporal expressions on sentences written for these tests: one feature each.

Anchor days used below: 2024-03-13 is a Wednesday, 2024-03-22 a Friday.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corroborator.analyze.nlp import load_model
from corroborator.analyze.timex import DateAnalysis, analyze_dates, tag_text
from corroborator.config import Settings
from corroborator.model import Article, TimeExpression

from .conftest import run_cli

WED = "2024-03-13"


def tag(text: str, anchor: str | None = WED, **kw: str) -> DateAnalysis:
    return tag_text(text, anchor=anchor, **kw)


def one(text: str, anchor: str | None = WED) -> TimeExpression:
    found = tag(text, anchor).timexes
    assert len(found) == 1, [(t.text, t.value) for t in found]
    return found[0]


def value_of(text: str, expression: str, anchor: str | None = WED) -> str | None:
    for t in tag(text, anchor).timexes:
        if t.text.lower() == expression.lower():
            return t.value
    raise AssertionError(f"{expression!r} not tagged in {text!r}")


# --- direction from tense -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The ministers will meet on Friday.", "2024-03-15"),
        ("The ministers met on Friday.", "2024-03-08"),
        ("The ministers have met on Monday.", "2024-03-11"),
        ("The treaty is expected to be signed on Monday.", "2024-03-18"),
        ("The two sides are to resume talks on Tuesday.", "2024-03-19"),
        ("The summit opens on Thursday.", "2024-03-14"),
        ("Wednesday's vote surprised nobody.", "2024-03-13"),
    ],
)
def test_weekday_direction_follows_the_verb(sentence: str, value: str) -> None:
    t = one(sentence)
    assert t.value == value, t.why


def test_day_and_month_without_a_year_follow_tense() -> None:
    assert value_of("The parliament will vote on 2 February.", "2 February") == "2025-02-02"
    assert value_of("The parliament voted on 2 February.", "2 February") == "2024-02-02"
    # a deadline announced in the past tense is still to come
    assert value_of("The bank extended its offer to April 5.", "April 5") == "2024-04-05"
    assert value_of("The dividend is payable May 10.", "May 10") == "2024-05-10"


def test_weekday_named_with_its_date_keeps_the_date() -> None:
    t = one("Elections were held on Sunday, 10 March.")
    assert t.value == "2024-03-10"


# --- quotations and speech ----------------------------------------------------------------


def test_quoted_day_takes_the_tense_inside_the_quote() -> None:
    t = one('"We start the tour on Monday," the coach told reporters.')
    assert t.quoted and t.value == "2024-03-18"


def test_single_quotes_quote_too() -> None:
    for text in (
        "'We start the tour on Monday,' the coach told reporters.",
        "‘We start the tour on Monday,’ the coach’s aide told reporters.",
    ):
        t = one(text)
        assert t.quoted and t.value == "2024-03-18", text


def test_coordinated_weekday_shares_next_or_last() -> None:
    a = tag("Talks were announced for next Thursday and Friday.", "2024-03-20")
    assert [(t.text, t.value) for t in a.timexes] == [
        ("next Thursday", "2024-03-21"),
        ("Friday", "2024-03-22"),  # next week's, not the Friday just past
    ]
    a = tag("The vote was held last Monday, Tuesday and Wednesday.", "2024-03-22")
    assert [t.value for t in a.timexes] == ["2024-03-18", "2024-03-19", "2024-03-20"]


def test_speech_time_anchors_what_was_said() -> None:
    a = tag("The minister said on Monday that talks would resume on Thursday.", "2024-03-22")
    said, resume = a.timexes
    assert said.value == "2024-03-18"
    # Thursday counted from the Monday of the statement, not from the report's Friday
    assert resume.value == "2024-03-21" and "time of speaking" in (resume.why or "")


# --- ranges and modifiers -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The fair runs from 3 to 5 June.", "3 to 5 June", "2024-06-03/2024-06-05"),
        ("Output grew from March to May.", "March to May", "2024-03/2024-05"),
        ("Prices rose between 2019 and 2021.", "2019 and 2021", "2019/2021"),
        ("The 2019-20 season was cancelled.", "2019-20", "2019/2020"),
        (
            "The road will be closed Dec. 30 to Jan. 2.",
            "Dec. 30 to Jan. 2",
            "2024-12-30/2025-01-02",
        ),
    ],
)
def test_ranges(sentence: str, expression: str, value: str) -> None:
    t = [x for x in tag(sentence).timexes if x.text == expression]
    assert t and t[0].value == value, [(x.text, x.value) for x in tag(sentence).timexes]
    assert t[0].begin == value.split("/")[0] and t[0].end_value == value.split("/")[1]


@pytest.mark.parametrize(
    ("sentence", "expression", "value", "mod"),
    [
        ("The plant closed in late June.", "late June", "2023-06", "END"),
        ("Work began in early 2021.", "early 2021", "2021", "START"),
        ("Coal will be phased out by 2030.", "2030", "2030", "ON_OR_BEFORE"),
        ("Nobody had heard of him before 1990.", "1990", "1990", "BEFORE"),
        ("The talks lasted more than two years.", "more than two years", "P2Y", "MORE_THAN"),
        ("It took nearly an hour.", "nearly an hour", "PT1H", "LESS_THAN"),
        ("The firm expects a profit by the end of the year.", "the end of the year", "2024", "END"),
    ],
)
def test_modifiers(sentence: str, expression: str, value: str, mod: str) -> None:
    t = [x for x in tag(sentence).timexes if x.text == expression]
    assert t, [(x.text, x.value) for x in tag(sentence).timexes]
    assert (t[0].value, t[0].mod) == (value, mod)


# --- durations, sets, references -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The strike lasted three days.", "P3D"),
        ("They signed a two-year contract.", "P2Y"),
        ("Sales doubled over the past five years.", "P5Y"),
        ("The loan runs for 18 months.", "P18M"),
        ("The refugees stayed for 2 1/2 years.", "P2Y6M"),
        ("The repairs will take a few weeks.", "PXW"),
        ("The meeting lasted five hours.", "PT5H"),
    ],
)
def test_durations(sentence: str, value: str) -> None:
    t = one(sentence)
    assert (t.type, t.value) == ("DURATION", value)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The market opens every Monday.", "XXXX-WXX-1"),
        ("The report is published each year.", "P1Y"),
        ("The ferry sails twice a week.", "P1W"),
        ("Trains run daily.", "P1D"),
    ],
)
def test_sets(sentence: str, value: str) -> None:
    t = one(sentence)
    assert (t.type, t.value) == ("SET", value)


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Prices are now falling.", "now", "PRESENT_REF"),
        ("The rules were recently changed.", "recently", "PAST_REF"),
        ("The bridge opened yesterday.", "yesterday", "2024-03-12"),
        ("Exports fell last year.", "last year", "2023"),
        ("The plan starts next month.", "next month", "2024-04"),
        ("The deal was signed two weeks ago.", "two weeks ago", "2024-W09"),
        ("Officials met this week.", "this week", "2024-W11"),
        ("Earnings rose in the third quarter.", "the third quarter", "2023-Q3"),
        ("Inflation was low in the 1990s.", "the 1990s", "199"),
        ("It was warm this summer.", "this summer", "2024-SU"),
        ("The storm hit at 10:30 p.m. Tuesday.", "10:30 p.m. Tuesday", "2024-03-12T22:30"),
        ("The factory was built in 1987 by the state.", "1987", "1987"),
    ],
)
def test_relative_and_calendar_units(sentence: str, expression: str, value: str) -> None:
    assert value_of(sentence, expression) == value


def test_a_year_ago_in_a_quarterly_report_is_that_quarter() -> None:
    text = (
        "Profit rose 5% in the third quarter. Sales were $2 million, up from $1.8 million "
        "a year ago."
    )
    assert value_of(text, "a year ago", "2024-10-20") == "2023-Q3"


# --- "the first day", "the second day" --------------------------------------------------------


def test_ordinal_days_count_from_the_span_of_the_event() -> None:
    a = tag(
        "The festival runs from May 10 to 12. On the second day, the mayor speaks.", "2024-04-01"
    )
    second = next(t for t in a.timexes if t.text == "the second day")
    assert second.value == "2024-05-11" and second.day_of_span == 2


def test_ordinal_day_without_a_span_keeps_its_number() -> None:
    t = one("The second day of the visit will be devoted to trade.")
    assert t.value is None and t.day_of_span == 2


# --- what is not a time -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Prices may rise.",
        "They march to the square.",
        "The six-year-old boy was found.",
        "The company employs 2000 people.",
        "The index closed at 2082.1 points.",
        "He watched 60 Minutes on television.",
        "Iraq imports about three-quarters of its food.",
    ],
)
def test_words_that_only_look_like_times(sentence: str) -> None:
    assert tag(sentence).timexes == ()


# --- inference without a publication date -----------------------------------------------------


def test_year_from_an_event_named_with_its_year() -> None:
    a = tag(
        "Troops arrived for the drill named Northern Resolve – 2019, held on 14 September.",
        anchor=None,
    )
    held = next(t for t in a.timexes if t.text == "14 September")
    assert held.value == "2019-09-14"
    assert a.published and a.published.startswith("2019")
    assert "Northern Resolve" in (a.published_evidence or "")


def test_year_from_a_weekday_paired_with_the_first_day_of_a_span() -> None:
    text = (
        "The previous forum took place in 2022, and the next one is planned for 2026. "
        '"The forum begins on Thursday," the organisers said. '
        "It will run from May 9 to 11."
    )
    a = tag(text, anchor=None)
    thursday = next(t for t in a.timexes if t.text == "Thursday")
    assert thursday.quoted and thursday.value == "2024-05-09"
    assert [t.value for t in a.timexes if t.text == "May 9 to 11"] == ["2024-05-09/2024-05-11"]
    assert a.published == "2024-05" and a.anchor_kind == "inferred"


def test_years_ago_beside_a_year() -> None:
    a = tag("The treaty, signed in 1999, was concluded a quarter-century ago.", anchor=None)
    assert a.published == "2024"
    assert "quarter-century ago" in (a.published_evidence or "")


def test_inferred_date_never_contradicts_an_explicit_one() -> None:
    a = tag(
        "The company, founded in 1998, announced on 14 February 2023 that it had hired 40 "
        "engineers. It will open a second plant on 3 May.",
        anchor=None,
    )
    assert a.published is not None
    assert a.published >= "2023-02-14"[: len(a.published)]
    assert a.published <= "2023-05-02"[: len(a.published)]
    assert [t.value for t in a.timexes if t.text == "3 May"] == ["2023-05-03"]


def test_dateline_day_gives_the_day_once_the_year_is_known() -> None:
    text = "The alliance will hold its summit in 2026. Leaders met on Tuesday."
    nlp = load_model(Settings().spacy_model)
    article = Article(id="a", text=text, source_path="x", dateline_date="--11-25")
    a = analyze_dates(nlp(text), article)
    assert a.published == "2025-11-25" and a.anchor == "2025-11-25 (inferred)"
    assert [t.value for t in a.timexes if t.text == "Tuesday"] == ["2025-11-25"]


def test_published_date_wins_over_inference() -> None:
    nlp = load_model(Settings().spacy_model)
    text = "The talks began on Tuesday."
    article = Article(id="a", text=text, source_path="x", published="2024-03-13")
    a = analyze_dates(nlp(text), article)
    assert a.published is None and a.anchor == "2024-03-13 (published)"
    assert a.timexes[0].value == "2024-03-12"
    assert a.timexes[0].article_id == "a"


def test_nothing_to_anchor_leaves_relative_values_open() -> None:
    a = tag("The bridge opened yesterday after work began last year.", anchor=None)
    assert a.published is None and a.anchor is None
    assert all(t.value is None for t in a.timexes)
    assert all("no anchor" in (t.why or "") for t in a.timexes)


# --- the command ------------------------------------------------------------------------------


def test_cli_dates_prints_one_json_object_per_expression(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("The ministers will meet on Friday. Trade grew 4% last year.", encoding="cp1252")
    result = run_cli("dates", "--anchor", WED, str(f))
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(r["text"], r["value"]) for r in rows] == [
        ("Friday", "2024-03-15"),
        ("last year", "2023"),
    ]
    assert rows[0]["anchor"] == f"{WED} (given)" and rows[0]["granularity"] == "day"
    assert "future tense" in rows[0]["why"]


def test_cli_dates_rejects_a_bad_anchor_and_a_missing_file(tmp_path: Path) -> None:
    assert run_cli("dates", "--anchor", "2024-13-01", "-").exit_code == 2
    assert run_cli("dates", str(tmp_path / "missing.txt")).exit_code == 1


def test_a_doc_without_parse_or_sentences_still_works() -> None:
    import spacy

    text = "The talks began on Tuesday, November 25, 2025. They ended last year."
    doc = spacy.blank("en")(text)
    a = analyze_dates(doc, Article(id="a", text=text, source_path="x", published="2025-11-26"))
    assert [(t.text, t.value) for t in a.timexes] == [
        ("Tuesday, November 25, 2025", "2025-11-25"),
        ("last year", "2024"),
    ]


# --- a weekday fixes the year; deadlines name none; previews look forward (issue 12) -------


def test_dateline_weekday_fixes_the_year_a_deadline_does_not() -> None:
    text = (
        "KAMPALA, April 14 (Reuters) - Uganda and Rwanda opened border talks on Tuesday, "
        "officials said. The two governments want to triple cross-border trade by 2035."
    )
    found = tag(text, anchor=None, dateline_date="--04-14")
    # 14 April is a Tuesday in 2026 (and 2020); the deadline year never becomes the year
    assert found.published == "2026-04-14", found.published_evidence
    assert "'Tuesday' is Tuesday 2026-04-14" in (found.published_evidence or "")


def test_a_deadline_alone_names_no_year() -> None:
    found = tag("The ministry wants to halve the backlog by 2035.", anchor=None)
    assert found.published is None
    assert "deadline" in (found.published_evidence or "")


def test_preview_under_expected_to_resolves_forward() -> None:
    text = (
        "KAMPALA, April 14 (Reuters) - The two presidents met on Tuesday and are expected to "
        "sign the border agreements on Thursday, a spokesman said. Trade should triple by 2035."
    )
    found = tag(text, anchor=None, dateline_date="--04-14")
    values = {t.text: t.value for t in found.timexes}
    assert values["Tuesday"] == "2026-04-14"
    assert values["Thursday"] == "2026-04-16"  # the next Thursday, not the one before


def test_since_a_year_puts_the_report_after_it() -> None:
    text = "It will be their third meeting since 2019, and the first one held on Thursday (May 8)."
    found = tag(text, anchor=None)
    # "since 2019" bounds from below; 8 May is a Thursday in 2025
    assert (found.published or "").startswith("2025"), found.published_evidence


def test_a_printed_date_outranks_a_wrong_weekday() -> None:
    text = (
        "The talks began on Thursday (Nov. 26) and ended late. "
        "The leaders met on November 26, 2025 in the capital."
    )
    found = tag(text, anchor=None)
    assert (found.published or "").startswith("2025"), found.published_evidence


# --- named days, counts, "ahead of" (issue 12, dates of event mentions) --------------------


def test_weekday_possessive_names_the_holiday_and_fixes_the_year() -> None:
    text = (
        "Rail traffic was suspended on Tuesday ahead of Friday's Christmas Day service. "
        "The unrest started in March 2021."
    )
    found = tag(text, anchor=None)
    # 25 December is a Friday in 2020 and 2026; the unrest told as past rules out 2020. A
    # month printed with its year ("March 2021") is history, not a day that outranks a weekday
    values = {t.text: t.value for t in found.timexes}
    assert values["Christmas Day"] == "2026-12-25", found.published_evidence
    assert "'Friday' is Friday 2026-12-25" in (found.published_evidence or "")


def test_ahead_of_a_weekday_looks_forward() -> None:
    assert value_of("Roads were closed ahead of Friday's march.", "Friday") == "2024-03-15"
    assert value_of("Friday's march drew thousands.", "Friday") == "2024-03-08"


def test_a_number_with_an_article_is_a_count_not_a_year() -> None:
    found = tag("The figure rose sharply from the 1200 announced on Monday.", anchor=None)
    assert all(t.text != "1200" for t in found.timexes), [t.text for t in found.timexes]
    assert value_of("The 2019 election was disputed.", "2019") == "2019"


def test_days_without_a_year_are_not_in_a_year_told_as_history() -> None:
    # news prints a year only when it is not the current one: "on March 3" is not 2019
    text = (
        "A stronger quake struck the region in 2019. "
        "Rescuers pulled two survivors from the rubble on March 3, officials said."
    )
    found = tag(text, anchor=None)
    assert found.published is None, found.published_evidence
    assert "after 2019" in (found.published_evidence or "")
    assert not any((t.value or "").startswith("2019-03") for t in found.timexes)


def test_a_year_between_history_and_a_plan_is_taken() -> None:
    text = (
        "The old bridge collapsed in 2019. Traffic resumed on March 3, and a second bridge "
        "will open in 2021."
    )
    found = tag(text, anchor=None)
    assert found.published is not None and found.published.startswith("2020")
