"""Story clustering on small reports written for these tests, with the real MiniLM embeddings."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace

import pytest

from corroborator.analyze.embeddings import embed
from corroborator.link.agglomerate import ConstraintError
from corroborator.link.lexical import content_terms
from corroborator.link.stories import (
    StoryDoc,
    cluster_stories,
    default_story_id,
    explain_pair,
    far_apart,
    recluster,
)

# id, text, published, event dates, people, places, figures
Row = tuple[str, str, str | None, tuple[str, ...], set[str], set[str], set[str]]
REPORTS: list[Row] = [
    (
        "preview",
        "Putin to pay a state visit to Kyrgyzstan. The Russian president will arrive in "
        "Bishkek on 25 November; talks with President Japarov at the Yntymak Ordo residence "
        "are planned for 26 November, followed by the signing of agreements.",
        "2025-11-24",
        ("2025-11-25", "2025-11-26"),
        {"putin", "japarov"},
        {"bishkek"},
        set(),
    ),
    (
        "arrival",
        "Vladimir Putin arrived in Bishkek on Tuesday evening for a three-day state visit to "
        "Kyrgyzstan and was met at the airport by President Sadyr Japarov.",
        "2025-11-25",
        ("2025-11-25",),
        {"putin", "japarov"},
        {"bishkek"},
        set(),
    ),
    (
        "talks",
        "Putin and Japarov held talks at the Yntymak Ordo in Bishkek on Wednesday and signed "
        "agreements; trade between Russia and Kyrgyzstan reached nearly $2 billion.",
        "2025-11-26",
        ("2025-11-26",),
        {"putin", "japarov"},
        {"bishkek"},
        {"2b"},
    ),
    (
        "visit-2023",
        "Putin arrived in Bishkek in October 2023 for a visit marking the 20th anniversary of "
        "the Kant air base and held talks with President Japarov at the Yntymak Ordo.",
        "2023-10-12",
        ("2023-10-12",),
        {"putin", "japarov"},
        {"bishkek"},
        set(),
    ),
    (
        "quake",
        "A magnitude 4.6 earthquake shook Sonoma County early Thursday, the US Geological "
        "Survey said; no injuries were reported.",
        "2013-03-14",
        ("2013-03-14",),
        set(),
        {"sonoma county"},
        {"4.6"},
    ),
    (
        "phone",
        "Apple unveiled a new iPhone with a faster chip and a larger battery at its annual "
        "product event in Cupertino.",
        "2025-09-09",
        ("2025-09-09",),
        set(),
        {"cupertino"},
        set(),
    ),
]


def _docs(rows: Sequence[Row]) -> list[StoryDoc]:
    vectors = embed([r[1] for r in rows])
    return [
        StoryDoc(
            id=i,
            embedding=v,
            terms=content_terms(text),
            published=pub,
            dates=dates,
            people=frozenset(people),
            places=frozenset(places),
            figures=frozenset(figs),
        )
        for (i, text, pub, dates, people, places, figs), v in zip(rows, vectors, strict=True)
    ]


@pytest.fixture(scope="module")
def docs() -> list[StoryDoc]:
    return _docs(REPORTS)


def _story_of(clusters: list[tuple[str, ...]], doc_id: str) -> tuple[str, ...]:
    return next(c for c in clusters if doc_id in c)


def test_preview_and_reports_are_one_story(docs: list[StoryDoc]) -> None:
    clusters = cluster_stories(docs)
    assert _story_of(clusters, "preview") == ("arrival", "preview", "talks")


def test_same_leader_same_city_two_years_apart_are_two_stories(docs: list[StoryDoc]) -> None:
    clusters = cluster_stories(docs)
    assert _story_of(clusters, "visit-2023") == ("visit-2023",)
    by_id = {d.id: d for d in docs}
    assert far_apart(by_id["talks"], by_id["visit-2023"])
    assert explain_pair(docs, "talks", "visit-2023")["p"] < 0.01


def test_unrelated_reports_stand_alone(docs: list[StoryDoc]) -> None:
    clusters = cluster_stories(docs)
    assert ("quake",) in clusters
    assert ("phone",) in clusters


def test_result_is_sorted_tuples(docs: list[StoryDoc]) -> None:
    clusters = cluster_stories(docs)
    assert clusters == sorted(clusters)
    assert all(list(c) == sorted(c) for c in clusters)
    assert sorted(d for c in clusters for d in c) == sorted(d.id for d in docs)


def test_order_does_not_matter(docs: list[StoryDoc]) -> None:
    expected = cluster_stories(docs)
    rng = random.Random(7)
    for _ in range(5):
        shuffled = list(docs)
        rng.shuffle(shuffled)
        assert cluster_stories(shuffled) == expected
        assert cluster_stories(reversed(shuffled)) == expected


def test_publication_dates_alone_separate_far_apart_reports() -> None:
    a, b = _docs([
        ("a", "Leaders met in Bishkek.", "2023-10-12", (), {"putin"}, {"bishkek"}, set()),
        ("b", "Leaders met in Bishkek.", "2025-11-26", (), {"putin"}, {"bishkek"}, set()),
    ])  # fmt: skip
    assert far_apart(a, b)
    assert cluster_stories([a, b]) == [("a",), ("b",)]


def test_reports_dated_only_by_publication_months_apart_are_apart() -> None:
    # neither dates its happening: each reports the news of its own days
    a, b = _docs([
        ("a", "Two leaders held talks and signed documents.", "2025-05-08", (), {"putin"},
         set(), set()),
        ("b", "Two leaders held talks and signed documents.", "2025-08-30", (), {"putin"},
         set(), set()),
    ])  # fmt: skip
    assert far_apart(a, b)
    assert cluster_stories([a, b]) == [("a",), ("b",)]


def test_undated_reports_are_not_kept_apart() -> None:
    a, b = _docs([
        ("a", "Putin and Japarov held talks in Bishkek.", None, (), {"putin", "japarov"},
         {"bishkek"}, set()),
        ("b", "Putin and Japarov held talks in Bishkek today.", None, (), {"putin", "japarov"},
         {"bishkek"}, set()),
    ])  # fmt: skip
    assert not far_apart(a, b)
    assert cluster_stories([a, b]) == [("a", "b")]


def test_must_link_merges(docs: list[StoryDoc]) -> None:
    clusters = cluster_stories(docs, must_link=[("talks", "visit-2023")])
    # the user's pair is merged; the date window still keeps the 2025 preview and arrival
    # away from the 2023 visit, so they no longer follow the talks into that story
    assert _story_of(clusters, "visit-2023") == ("talks", "visit-2023")
    assert ("arrival", "preview") in clusters


def test_must_link_across_themes(docs: list[StoryDoc]) -> None:
    clusters = cluster_stories(docs, must_link=[frozenset({"quake", "phone"})])
    assert ("phone", "quake") in clusters


def test_cannot_link_splits(docs: list[StoryDoc]) -> None:
    clusters = cluster_stories(docs, cannot_link=[("preview", "talks")])
    assert _story_of(clusters, "preview") != _story_of(clusters, "talks")
    assert _story_of(clusters, "arrival") in (("arrival", "preview"), ("arrival", "talks"))


def test_contradictory_constraints_are_an_error(docs: list[StoryDoc]) -> None:
    with pytest.raises(ConstraintError, match="must be apart"):
        cluster_stories(
            docs,
            must_link=[("preview", "talks"), ("talks", "arrival")],
            cannot_link=[("preview", "arrival")],
        )


def test_bad_input_is_an_error(docs: list[StoryDoc]) -> None:
    with pytest.raises(ValueError, match="duplicate"):
        cluster_stories([*docs, docs[0]])
    with pytest.raises(ValueError, match="unknown"):
        cluster_stories(docs, must_link=[("preview", "nope")])
    assert cluster_stories([]) == []


def test_recluster_keeps_story_ids(docs: list[StoryDoc]) -> None:
    first = recluster(docs[:3] + docs[4:])
    # the first build names each story by a hash of its lowest member id
    assert first["preview"] == first["talks"] == default_story_id(["arrival"])
    assert first["quake"] == default_story_id(["quake"])
    # a corrected, extended build keeps those names where the stories persist
    previous = {**first, "talks": "sty_user"}
    second = recluster(docs, previous=previous)
    assert second["arrival"] == second["preview"] == second["talks"] == first["arrival"]
    assert second["quake"] == first["quake"]
    assert second["visit-2023"] == default_story_id(["visit-2023"])


def test_recluster_split_story_gets_a_new_id(docs: list[StoryDoc]) -> None:
    first = recluster(docs)
    second = recluster(docs, cannot_link=[("talks", "arrival"), ("talks", "preview")],
                       previous=first)  # fmt: skip
    assert second["arrival"] == second["preview"] == first["arrival"]
    assert second["talks"] != first["arrival"]
    assert second["talks"] == default_story_id(["talks"])


def test_days_without_a_year_part_reports_of_other_happenings() -> None:
    # a bare text prints "Friday, 8 May" and no year: 8 May was a Thursday in 2025, so it is
    # no report of a story dated 8 May 2025; one printing "7 September" is months away from it
    dated, friday, wednesday, september, plain = _docs([
        ("dated", "Two leaders held talks in Moscow.", "2025-05-08", ("2025-05-08",),
         {"xi"}, {"moscow"}, set()),
        ("friday", "Two leaders held talks in Moscow.", None, (), {"xi"}, {"moscow"}, set()),
        ("wednesday", "Two leaders held talks in Moscow.", None, (), {"xi"}, {"moscow"}, set()),
        ("september", "Two leaders held talks in Moscow.", None, (), {"xi"}, {"moscow"}, set()),
        ("plain", "Two leaders held talks in Moscow.", None, (), {"xi"}, {"moscow"}, set()),
    ])  # fmt: skip
    friday = replace(friday, yearless=((5, 8, 4),))
    wednesday = replace(wednesday, yearless=((5, 7, 2),))
    september = replace(september, yearless=((9, 7, None),))
    assert far_apart(dated, friday) and far_apart(friday, dated)
    assert not far_apart(dated, wednesday)
    assert far_apart(dated, september)
    assert not far_apart(dated, plain)  # nothing dated: nothing to tell them apart
    assert not far_apart(friday, september)  # neither has a year
