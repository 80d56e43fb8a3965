"""English claim forms seen in real reports, in sentences written for these tests: figures in
words, loose durations, changed tolls and their places, and the moment of an undated toll."""

from __future__ import annotations

from typing import Any

import pytest

from corroborator.analyze.claims import extract_claims
from corroborator.analyze.entities import resolve_entities
from corroborator.analyze.nlp import load_model
from corroborator.analyze.timex import analyze_dates
from corroborator.config import Settings
from corroborator.link.claims import build_claims
from corroborator.link.dependence import find_dependence
from corroborator.model import Article, ClaimValue


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_model(Settings().spacy_model)


def claims(
    nlp: Any, text: str, published: str | None = "2025-06-03", aid: str = "art_a"
) -> dict[str, ClaimValue]:
    article = Article(id=aid, text=text, source_path=f"{aid}.txt", published=published)
    doc = nlp(text)
    dates = analyze_dates(doc, article)
    found = extract_claims(doc, article, resolve_entities(doc, published, aid), dates.timexes)
    return {c.text: c for c in found}


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "qualifier", "low", "high"),
    [
        (
            "More than two dozen mayors came to the forum.",
            "More than two dozen",
            24,
            None,
            "over",
            24,
            None,
        ),
        (
            "Relief arrived from more than a dozen states.",
            "more than a dozen",
            12,
            None,
            "over",
            12,
            None,
        ),
        (
            "Thousands of volunteers joined the search.",
            "Thousands",
            2000,
            None,
            "at_least",
            2000,
            None,
        ),
        (
            "The famine took tens of millions of lives.",
            "tens of millions",
            1e7,
            None,
            "at_least",
            1e7,
            None,
        ),
        (
            "The port city is home to over one million people.",
            "over one million",
            1e6,
            None,
            "over",
            1e6,
            None,
        ),
        ("Nearly half the harbour was flooded.", "Nearly half", 50, "percent", "nearly", 45, 50),
        ("Almost all imports now pay the levy.", "Almost all", 100, "percent", "nearly", 90, 100),
        (
            "The blockade has lasted more than a decade.",
            "more than a decade",
            10,
            "year",
            "over",
            10,
            None,
        ),
        (
            "The ministers held an hour and a half of talks.",
            "an hour and a half",
            1.5,
            "hour",
            "exact",
            None,
            None,
        ),
        (
            "The two delegations sat for two and a half hours.",
            "two and a half hours",
            2.5,
            "hour",
            "exact",
            None,
            None,
        ),
        ("The envoys talked for 2.5 hours.", "2.5 hours", 2.5, "hour", "exact", None, None),
        (
            "She began a 3-and-a-half-year term.",
            "3-and-a-half-year",
            3.5,
            "year",
            "exact",
            None,
            None,
        ),
        ("Freight grew 1.8 times in five years.", "1.8 times", 1.8, "times", "exact", None, None),
        ("Exports tripled last year.", "tripled", 3, "times", "exact", None, None),
        ("The concert closed her week-long tour.", "week-long", 1, "week", "around", None, None),
    ],
)
def test_figures_in_words(
    nlp: Any,
    text: str,
    figure: str,
    value: float,
    unit: str | None,
    qualifier: str,
    low: float | None,
    high: float | None,
) -> None:
    found = claims(nlp, text)
    assert figure in found, found
    v = found[figure]
    assert v.value == pytest.approx(value) and v.qualifier == qualifier
    if unit is not None:
        assert v.unit == unit
    if low is not None:
        assert v.low == pytest.approx(low)
    if high is not None:
        assert v.high == pytest.approx(high)


def test_a_decimal_time_counted_from_another_is_no_duration(nlp: Any) -> None:
    found = claims(nlp, "The ferry docked 2.5 hours later than planned.")
    assert not any(v.unit == "hour" for v in found.values()), found


def test_the_first_half_of_a_year_is_no_share(nlp: Any) -> None:
    assert claims(nlp, "In the first half of the year exports grew.") == {}


def test_clock_time_before_a_zone_ends_no_sentence(nlp: Any) -> None:
    text = "The summit opened at 9 a.m. Lisbon time in the old palace and lasted 95 minutes."
    assert claims(nlp, text)["95 minutes"].subject == "summit"


def test_the_object_changed_to_a_figure_is_its_subject(nlp: Any) -> None:
    found = claims(nlp, "The government said it would cut duties on imported steel to 12 percent.")
    assert found["12 percent"].subject == "duties on imported steel"


def test_tolls_changed_to_a_figure_and_casualties_by_verb(nlp: Any) -> None:
    text = (
        "Officials raised the death toll from Sunday's floods along the northern river to 312. "
        "The storm killed nearly 300 people."
    )
    found = claims(nlp, text)
    toll, killed = found["312"], found["nearly 300"]
    assert (toll.unit, toll.changing, toll.subject) == ("death", True, "death toll")
    assert (killed.unit, killed.measure, killed.changing) == ("death", "count", True)


def test_a_casualty_count_carries_its_place(nlp: Any) -> None:
    text = (
        "Among those injured, 40 are from Kisumu and 212 are from Nakuru. Nakuru suffered "
        "the worst damage, with 81 deaths and 215 injured."
    )
    found = claims(nlp, text)
    assert found["212"].unit == "injury" and "Nakuru" in found["212"].subject
    assert found["215"].unit == "injury" and "Nakuru" in found["215"].subject


def _toll(aid: str, text: str, value: float, as_of: str | None, unit: str = "death") -> ClaimValue:
    return ClaimValue(
        article_id=aid,
        subject="in Nakuru",
        period=None,
        unit=unit,
        kind="numeric",
        value=value,
        text=text,
        quote=f"{text} in Nakuru.",
        start=0,
        end=len(text),
        low=value - 0.5,
        high=value + 0.5,
        measure="count",
        changing=True,
        as_of=as_of,
    )


def test_an_undated_toll_takes_the_moment_of_the_same_release() -> None:
    """An undated report that gives a dated report's exact regional toll holds at that
    moment: its injured count then disagrees with the dated one rather than updating it."""
    values = [
        _toll("art_a", "81 deaths", 81.0, "2025-06-02"),
        _toll("art_b", "81 deaths", 81.0, None),
        _toll("art_a", "215 injured", 215.0, "2025-06-02", "injury"),
        _toll("art_b", "251 injured", 251.0, None, "injury"),
    ]
    # 81 is too small a toll to date a report by: the injured counts neither update nor clash
    built = build_claims("sty", values, find_dependence([]))
    assert all(c.verdict != "conflicting" for c in built)
    values = [
        _toll("art_a", "694 deaths", 694.0, "2025-06-02"),
        _toll("art_b", "694 deaths", 694.0, None),
        _toll("art_a", "1,670 injured", 1670.0, "2025-06-02", "injury"),
        _toll("art_b", "1,640 injured", 1640.0, None, "injury"),
    ]
    built = build_claims("sty", values, find_dependence([]))
    injured = next(c for c in built if c.unit == "injury")
    assert injured.verdict == "conflicting"
    assert {v.as_of for v in injured.values} == {"2025-06-02"}


def test_one_voice_restating_a_figure_loosely_is_one_claim(nlp: Any) -> None:
    text = (
        "The flood has killed nearly 3,000 people. Officials raised the death toll in the "
        "delta to 2,886 on Wednesday."
    )
    found = list(claims(nlp, text).values())
    built = build_claims("sty", [v for v in found if v.unit == "death"], find_dependence([]))
    assert len(built) == 1


@pytest.mark.parametrize(
    ("text", "figure", "value", "subject_word"),
    [
        (
            "The premier flew to Lisbon on Monday for her fourth visit to Portugal.",
            "fourth",
            4,
            "Portugal",
        ),
        ("Their third meeting since 2021 took place in a mountain resort.", "third", 3, "meeting"),
        ("For the sixth time, the assembly rejected the budget.", "sixth", 6, "reject"),
    ],
)
def test_ordinals_of_visits_meetings_and_times_are_counts(
    nlp: Any, text: str, figure: str, value: float, subject_word: str
) -> None:
    found = claims(nlp, text)[figure]
    assert (found.value, found.unit, found.measure) == (value, "occurrence", "count")
    assert subject_word in found.subject


def test_first_in_a_span_and_ordinals_of_ranks_are_no_counts(nlp: Any) -> None:
    # "the first visit in 18 years" says none came between, not how many came before
    spans = claims(nlp, "It was the first visit by a Danish king to the atoll in 18 years.")
    assert all(c.unit != "occurrence" for c in spans.values())
    assert all(
        c.unit != "occurrence" for c in claims(nlp, "Her first trip since 2016 was short.").values()
    )
    assert all(c.unit != "occurrence" for c in claims(nlp, "The third floor was closed.").values())
    novelty = claims(nlp, "It is not the first time that the mayor has used the phrase.")
    assert all(c.unit != "occurrence" for c in novelty.values())


def test_a_first_visit_in_years_beside_a_second_visit_is_no_conflict(nlp: Any) -> None:
    a = claims(nlp, "The chancellor began her second visit to Chile on Tuesday.", aid="art_a")
    b = claims(
        nlp,
        "The chancellor made the first visit to Chile by a German leader in 12 years.",
        aid="art_b",
    )
    articles = [
        Article(id="art_a", text="x a", source_path="a", outlet="Desk One"),
        Article(id="art_b", text="x b", source_path="b", outlet="Desk Two"),
    ]
    built = build_claims("sty", [*a.values(), *b.values()], find_dependence(articles))
    assert all(c.verdict != "conflicting" for c in built)
    assert any(c.unit == "occurrence" for c in built)


def test_a_range_is_one_figure_with_its_interval(nlp: Any) -> None:
    dash = claims(nlp, "Agencies put the tremor at magnitude 6.1–6.4 on Tuesday.")
    fig = next(c for c in dash.values() if c.unit == "magnitude")
    assert (fig.value, fig.qualifier, fig.low, fig.high) == (6.1, "range", 6.1, 6.4)
    assert len(dash) == 1  # not 6.1 and 6.4 as two figures
    between = claims(nlp, "Between 2,000 and 5,000 volunteers may join the clean-up, they said.")
    assert [(c.value, c.high, c.qualifier) for c in between.values()] == [(2000, 5000, "range")]
    ranged = claims(nlp, "Forecasts for the harvest ranged from 40 to 45 million tonnes.")
    assert [(c.value, c.high) for c in ranged.values()] == [(40e6, 45e6)]
    # days of a month and model numbers are no ranges
    assert not claims(nlp, "The fair was held on 14-15 May near the Tu-154 hangar.")


def test_a_change_from_one_level_to_another_gives_both_ends_and_the_change(nlp: Any) -> None:
    found = claims(nlp, "The bank lowered its key rate from 16% to 12.5% on Friday.")
    assert {c.value for c in found.values() if c.unit == "percent"} == {16, 12.5}
    change = next(c for c in found.values() if c.measure == "decline")
    assert (change.value, change.unit) == (3.5, "percentage point")
    assert "rate" in change.subject
    up = claims(nlp, "Sales grew from 200 to 260 cars a month.")
    assert any(c.measure == "growth" and c.value == 60 for c in up.values())


def test_ranks_are_figures_of_unit_rank(nlp: Any) -> None:
    city = claims(nlp, "Gdansk, Poland's sixth-largest city, was flooded on Monday.")
    rank = next(c for c in city.values() if c.unit == "rank")
    assert (rank.value, rank.kind, rank.subject) == (6.0, "numeric", "rank of Gdansk as city")
    ranks = claims(nlp, "Chile ranks third among the country's trade partners.")
    assert [c.value for c in ranks.values() if c.unit == "rank"] == [3.0]
    numbered = claims(nlp, "The port holds rank 4 in the regional table.")
    assert [(c.value, c.unit) for c in numbered.values()] == [(4.0, "rank")]
    # "the leading partner" is one of the first few: it does not contradict a second rank
    loose = claims(nlp, "Chile is the bloc's leading trade partner.")
    lead = next(c for c in loose.values() if c.unit == "rank")
    assert (lead.value, lead.low, lead.high) == (1.0, 0.9, 3.5)
    # "the largest exporters" is a group, not a rank; "one of the largest" ranks nothing (it is
    # a standing in a group, a categorical claim: tests/test_claims_groups.py)
    assert not claims(nlp, "The firm joined the largest exporters in the list.")
    member = claims(nlp, "It is one of the largest partners of the bloc.")
    assert [c.kind for c in member.values()] == ["categorical"]


def test_a_running_total_holds_at_the_day_its_clause_states(nlp: Any) -> None:
    early = claims(nlp, "As of Thursday, the floods had killed 310 people.", "2025-05-02", "art_a")
    late = claims(nlp, "On Thursday the flood death toll was 365.", "2025-05-04", "art_b")
    a, b = early["310"], late["365"]
    assert a.as_of == b.as_of == "2025-05-01"  # Thursday, whenever each was published
    articles = [
        Article(id="art_a", text="x a", source_path="a", outlet="Desk One"),
        Article(id="art_b", text="x b", source_path="b", outlet="Desk Two"),
    ]
    verdicts = [c.verdict for c in build_claims("s", [a, b], find_dependence(articles))]
    assert verdicts == ["conflicting"]  # one moment, two tolls: not an update
    # "Friday's storm" dates the storm, not the toll: the publication day holds
    toll = claims(nlp, "Friday's storm has killed 120 people, officials said.", "2025-05-04")
    assert toll["120"].as_of == "2025-05-04"


def test_homes_and_houses_count_one_thing(nlp: Any) -> None:
    a = claims(nlp, "Officials said 1,240 homes were destroyed in the province.", aid="art_a")
    b = claims(nlp, "The floods in the province wrecked 1,410 houses.", aid="art_b")
    articles = [
        Article(id="art_a", text="x a", source_path="a", outlet="Desk One"),
        Article(id="art_b", text="x b", source_path="b", outlet="Desk Two"),
    ]
    found = build_claims("s", [*a.values(), *b.values()], find_dependence(articles))
    assert [c.verdict for c in found] == ["conflicting"]


def test_undated_reports_of_one_release_compare_their_running_totals(nlp: Any) -> None:
    # no dates at all, but both give the same exact toll: one release, one moment
    a = claims(nlp, "In Gdansk, 412 people were killed and 1,230 were injured.", None, "art_a")
    b = claims(nlp, "The storm killed 412 people in Gdansk and 1,180 were injured.", None, "art_b")
    articles = [
        Article(id="art_a", text="x a", source_path="a", outlet="Desk One"),
        Article(id="art_b", text="x b", source_path="b", outlet="Desk Two"),
    ]
    found = build_claims("s", [*a.values(), *b.values()], find_dependence(articles))
    injured = next(c for c in found if c.unit == "injury")
    assert sorted(v.value for v in injured.values) == [1180, 1230]
    assert injured.verdict == "conflicting"


def test_a_bare_number_compared_with_an_earlier_figure_measures_what_that_figure_measures(
    nlp: Any,
) -> None:
    found = claims(
        nlp,
        "Rescuers said 1,640 people had died in the flooded valley by Sunday night. The count "
        "rose sharply compared with the 980 given by officials on Saturday. Earlier, 12 buses "
        "left the town.",
    )
    earlier, later = found["1,640"], found["980"]
    assert later.unit == earlier.unit == "death"
    assert later.subject == earlier.subject and later.measure == earlier.measure
    # a figure with the same unit takes the subject it is compared with
    more = claims(nlp, "Exports reached $40 million, up from $31 million a year before.")
    assert more["$31 million"].subject == more["$40 million"].subject == "Exports"


def test_n_times_is_a_factor_only_beside_a_change_or_a_comparison(nlp: Any) -> None:
    found = claims(
        nlp,
        "The two ministers have met 12 times since 2020. Exports grew 2.5 times. Prices are "
        "three times higher than a year ago. The envoy visited the region four times.",
    )
    assert (found["12 times"].unit, found["12 times"].measure) == ("occurrence", "count")
    assert (found["2.5 times"].unit, found["2.5 times"].measure) == ("times", "factor")
    assert (found["three times"].unit, found["three times"].measure) == ("times", "factor")
    assert (found["four times"].unit, found["four times"].value) == ("occurrence", 4.0)


def test_an_ordinal_in_digits_numbers_a_summit(nlp: Any) -> None:
    found = claims(nlp, "The leaders opened the 14th annual summit on the coast.")
    assert (found["14th"].unit, found["14th"].value) == ("occurrence", 14.0)
    assert "3rd" not in claims(nlp, "The office is on the 3rd floor of the tower.")


def test_a_strong_group_counts_people(nlp: Any) -> None:
    found = claims(nlp, "A 150-strong trade delegation arrived with the minister.")
    group = found["150-strong"]
    assert (group.unit, group.measure, group.subject) == ("people", "count", "trade delegation")


def test_the_first_months_are_a_period_not_a_duration(nlp: Any) -> None:
    found = claims(nlp, "Exports fell 8% in the first six months. The talks lasted six hours.")
    assert "six months" not in found
    assert found["six hours"].measure == "duration"


def test_casualty_words_after_a_verb_and_residents_as_people(nlp: Any) -> None:
    found = claims(
        nlp,
        "After the storm, 61 remain missing and 14 have died. Some 9,000 residents were moved "
        "to shelters.",
    )
    assert found["61"].unit == "missing" and found["14"].unit == "death"
    [moved] = [c for c in found.values() if c.value == 9000.0]
    assert moved.unit == "people"


@pytest.mark.parametrize(
    ("text", "figure", "subject"),
    [
        ("The two ports agreed a ferry deal worth $40 million.", "$40 million", "ferry deal"),
        (
            "The bridge contract is worth $2.6 billion, the mayor said.",
            "$2.6 billion",
            "bridge contract",
        ),
        ("The lender, worth $8 billion, was sold.", "$8 billion", "lender"),
        ("The towns signed pacts worth more than $5 million.", "more than $5 million", "pacts"),
    ],
)
def test_what_is_worth_the_money_is_the_subject(
    nlp: Any, text: str, figure: str, subject: str
) -> None:
    assert claims(nlp, text)[figure].subject == subject


def test_examples_after_including_are_not_the_subject(nlp: Any) -> None:
    found = claims(nlp, "The councils approved 9 plans, including a new tram line.")
    assert found["9"].subject == "plans", found


def test_a_relative_pronoun_stands_for_the_noun_its_clause_hangs_from(nlp: Any) -> None:
    text = (
        "OSLAND, May 2 - The ferry left at dawn. The mayors held a meeting that lasted "
        "about four hours."
    )
    assert claims(nlp, text)["about four hours"].subject == "meeting"


def test_a_count_hung_on_the_date_after_it_counts_its_subject(nlp: Any) -> None:
    text = "The number of Ostrenian students studying in Lisbon reached 4,500 last year."
    found = claims(nlp, text)["4,500"]
    assert (found.subject, found.unit) == ("Ostrenian students", "student"), found


def test_growth_told_after_its_source_belongs_to_the_clause_verb(nlp: Any) -> None:
    text = (
        "Ferry revenue rose to 210 million euros in 2030, according to port data, "
        "an increase of 9 percent."
    )
    assert claims(nlp, text)["9 percent"].subject == "Ferry revenue"


def test_visitors_and_tourists_are_one_count(nlp: Any) -> None:
    day = "2031-03-01"
    one = claims(nlp, "Some 12,000 Ostrenian tourists visited the islands in 2030.", day, "art_a")
    two = claims(nlp, "Last year 12,000 visitors came from Ostrenia.", day, "art_b")
    values = [*one.values(), *two.values()]
    built = build_claims("sty", [v for v in values if v.value == 12000], find_dependence([]))
    assert len(built) == 1 and len(built[0].values) == 2, built


@pytest.mark.parametrize(
    ("text", "figure", "unit", "qualifier"),
    [
        ("The talks lasted about an hour.", "about an hour", "hour", "around"),
        ("The ceasefire held for less than a day.", "less than a day", "day", "under"),
        ("The two leaders talked for nearly an hour.", "nearly an hour", "hour", "nearly"),
    ],
)
def test_one_unit_measured_by_a_qualifier(
    nlp: Any, text: str, figure: str, unit: str, qualifier: str
) -> None:
    found = claims(nlp, text)[figure]
    assert (found.value, found.unit, found.qualifier, found.measure) == (
        1.0,
        unit,
        qualifier,
        "duration",
    )


@pytest.mark.parametrize(
    "text",
    ["A year ago, the two sides signed a trade pact.", "The minister arrived a day early."],
)
def test_one_unit_without_a_qualifier_is_no_figure(nlp: Any, text: str) -> None:
    assert not [c for c in claims(nlp, text).values() if c.measure == "duration"]
