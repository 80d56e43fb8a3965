"""Categorical claims: the city of a meeting (English and Russian), and verdicts that tell a
contradiction (two cities) from a difference of wording (a state visit called official)."""

from __future__ import annotations

from corroborator.analyze import analyze_articles
from corroborator.config import Settings
from corroborator.link.claim_categories import categories_agree
from corroborator.link.claims import build_claims
from corroborator.link.dependence import find_dependence
from corroborator.model import Article, ClaimValue


def _analysed(*articles: Article) -> dict[str, list[ClaimValue]]:
    out = {}
    for art, analysis in analyze_articles(articles, model=Settings().spacy_model):
        out[art.id] = [c for c in analysis.claim_values if c.kind == "categorical"]
    return out


def _venues(values: list[ClaimValue]) -> list[str]:
    return [str(v.value) for v in values if v.measure == "venue"]


def test_the_city_of_a_meeting_in_english_and_russian() -> None:
    en_report = Article(
        id="en1",
        source_path="en1.txt",
        language="en",
        published="2025-06-12",
        text=(
            "Vladimir Putin and Xi Jinping held a long meeting on Wednesday in Astana, the "
            "capital of Kazakhstan. Both sides then flew home."
        ),
    )
    en_preview = Article(
        id="en2",
        source_path="en2.txt",
        language="en",
        published="2025-06-05",
        text=(
            "Vladimir Putin will meet Xi Jinping in Minsk next week, officials said. The two "
            "leaders last spoke by phone in May."
        ),
    )
    ru_report = Article(
        id="ru1",
        source_path="ru1.txt",
        language="ru",
        published="2025-06-12",
        text=(
            "В среду в казахстанской столице Астане прошла встреча Владимира Путина и Си "
            "Цзиньпина. Переговоры длились три часа."
        ),
    )
    # a direction is not a venue: flying to a city says nothing of where they meet
    en_travel = Article(
        id="en3",
        source_path="en3.txt",
        language="en",
        published="2025-06-12",
        text="Vladimir Putin flew to Minsk before his meeting with Xi Jinping.",
    )
    found = _analysed(en_report, en_preview, ru_report, en_travel)
    assert _venues(found["en1"]) == ["Astana"]
    assert _venues(found["en2"]) == ["Minsk"]
    assert _venues(found["ru1"]) == ["Astana"]
    assert _venues(found["en3"]) == []
    venue = next(v for v in found["ru1"] if v.measure == "venue")
    assert "Putin" in venue.subject and "Xi" in venue.subject
    # two cities for one meeting of the same people: a contradiction
    values = found["en1"] + found["en2"] + found["ru1"]
    arts = [en_report, en_preview, ru_report]
    claims = build_claims("s", [v for v in values if v.measure == "venue"], find_dependence(arts))
    assert len(claims) == 1 and claims[0].verdict == "conflicting"


def _category(aid: str, value: str) -> ClaimValue:
    return ClaimValue(
        article_id=aid,
        subject="protocol category of the visit",
        period=None,
        unit="category",
        kind="categorical",
        value=value,
        text=value,
        quote=f"It was a {value}.",
        start=0,
        end=len(value),
        measure="category",
    )


def test_protocol_labels_nest_while_different_levels_conflict() -> None:
    assert categories_agree("state visit", "official visit")
    assert categories_agree("friendly state visit", "official visit")  # through "state visit"
    assert not categories_agree("state visit", "working visit")
    assert not categories_agree("Busan", "Gyeongju")
    arts = [Article(id=a, text=f"report {a}", source_path=f"{a}.txt") for a in ("a", "b", "c")]
    dependence = find_dependence(arts)
    worded = build_claims(
        "s", [_category("a", "state visit"), _category("b", "official visit")], dependence
    )
    assert [c.verdict for c in worded] == ["compatible"]
    levels = build_claims(
        "s", [_category("a", "state visit"), _category("c", "working visit")], dependence
    )
    assert [c.verdict for c in levels] == ["conflicting"]


def test_a_long_trigger_phrase_does_not_hide_the_city_of_a_meeting() -> None:
    """ "concluded a meeting … in Astana, … with an agreement" is read as a signing whose trigger
    spans the city; the city still places the meeting, the nearer head word."""
    art = Article(
        id="en1",
        source_path="en1.txt",
        language="en",
        published="2025-06-13",
        text=(
            "Vladimir Putin and Xi Jinping concluded a long meeting on Friday in Astana, "
            "Kazakhstan, their third this year, with an agreement to cut tariffs on grain. Both "
            "sides then flew home."
        ),
    )
    assert _venues(_analysed(art)["en1"]) == ["Astana"]
