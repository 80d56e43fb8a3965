"""A standing in a group ("one of the leading partners", "the two largest economies", in English
and Russian) and a ranked cause ("the leading cause of"), as categorical claims that never
conflict among themselves."""

from __future__ import annotations

from corroborator.analyze import analyze_articles
from corroborator.config import Settings
from corroborator.link.claims import build_claims
from corroborator.link.dependence import find_dependence
from corroborator.model import Article, ClaimValue


def _article(aid: str, language: str, text: str) -> Article:
    return Article(
        id=aid, source_path=f"{aid}.txt", language=language, published="2025-04-02", text=text
    )


def _standings(*articles: Article) -> dict[str, list[ClaimValue]]:
    out = {}
    for art, analysis in analyze_articles(articles, model=Settings().spacy_model):
        out[art.id] = [
            c for c in analysis.claim_values if c.measure in {"group standing", "standing"}
        ]
    return out


def test_group_standings_in_english_and_russian() -> None:
    en = _article(
        "en1",
        "en",
        "The minister said Kazakhstan is one of the leading foreign trade partners of Turkey. "
        "Delegates from the three largest producers met in Vienna.",
    )
    ru = _article(
        "ru1",
        "ru",
        "Министр назвал Казахстан одним из ведущих партнёров Турции. Представители двух "
        "крупнейших экономик региона встретились в Вене.",
    )
    found = _standings(en, ru)
    en_values = {(v.subject, v.value) for v in found["en1"]}
    assert (
        "standing of Kazakhstan among foreign trade partners",
        "one of the leading partners",
    ) in en_values
    assert ("standing among producers", "top three") in en_values
    ru_values = {(v.subject, v.value) for v in found["ru1"]}
    assert ("standing of Kazakhstan among partners", "one of the leading partners") in ru_values
    assert ("standing among economies", "top two") in ru_values


def test_a_singular_after_a_superlative_is_a_rank_not_a_group() -> None:
    """ "the leading trade partner" is a rank figure; "a leading guest" no standing at all."""
    art = _article(
        "en1",
        "en",
        "Turkey is the leading trade partner of Kazakhstan. A leading guest spoke at the forum.",
    )
    assert _standings(art)["en1"] == []


def test_the_leading_cause_of_in_both_languages_agrees() -> None:
    en = _article(
        "en1", "en", "Officials said heat stroke was the leading cause of deaths in the region."
    )
    ru = _article(
        "ru1", "ru", "Чиновники заявили, что тепловой удар стал ведущей причиной смертей в регионе."
    )
    found = _standings(en, ru)
    assert [v.value for v in found["en1"]] == ["leading cause"]
    assert [v.value for v in found["ru1"]] == ["leading cause"]
    claims = build_claims("s", found["en1"] + found["ru1"], find_dependence([en, ru]))
    assert len(claims) == 1 and claims[0].verdict != "conflicting"


def test_two_group_standings_of_one_subject_do_not_conflict() -> None:
    a = _article("en1", "en", "Analysts call them the two largest economies of the world.")
    b = _article("en2", "en", "Analysts count them among the largest economies of the world.")
    c = _article("en3", "en", "Each is one of the largest economies of the world, analysts say.")
    found = _standings(a, b, c)
    values = [v for vs in found.values() for v in vs]
    assert {str(v.value) for v in values} >= {"top two", "one of the largest economies"}
    claims = build_claims("s", values, find_dependence([a, b, c]))
    assert all(c.verdict != "conflicting" for c in claims)
