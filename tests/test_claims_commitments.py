"""What a deal commits a side to ("an agreement to resume grain purchases", «возобновит закупки»),
in English and Russian, aligned across languages; a refusal conflicts with a commitment."""

from __future__ import annotations

from corroborator.analyze import analyze_articles
from corroborator.config import Settings
from corroborator.link.claims import build_claims
from corroborator.link.dependence import find_dependence
from corroborator.model import Article, ClaimValue


def _article(aid: str, language: str, text: str) -> Article:
    return Article(
        id=aid, source_path=f"{aid}.txt", language=language, published="2025-05-14", text=text
    )


def _commitments(*articles: Article) -> dict[str, list[ClaimValue]]:
    out = {}
    for art, analysis in analyze_articles(articles, model=Settings().spacy_model):
        out[art.id] = [c for c in analysis.claim_values if c.measure == "commitment"]
    return out


def test_commitments_of_a_deal_in_english_and_russian() -> None:
    en = _article(
        "en1",
        "en",
        "The two ministers ended their talks in Geneva with an agreement to resume U.S. grain "
        "purchases, lift sanctions on two banks and cooperate on curbing arms smuggling.",
    )
    ru = _article(
        "ru1",
        "ru",
        "По условиям соглашения Анкара возобновит закупки зерна и поможет пресечь контрабанду "
        "оружия.",
    )
    found = _commitments(en, ru)
    assert {(v.subject, v.value) for v in found["en1"]} == {
        ("commitment to resume purchases", "yes"),
        ("commitment to lift sanctions", "yes"),
        ("commitment to curb smuggling", "yes"),
    }
    assert {(v.subject, v.value) for v in found["ru1"]} >= {
        ("commitment to resume purchases", "yes"),
        ("commitment to curb smuggling", "yes"),
    }
    values = [v for vs in found.values() for v in vs if v.subject.endswith("purchases")]
    claims = build_claims("s", values, find_dependence([en, ru]))
    assert len(claims) == 1 and claims[0].verdict != "conflicting"


def test_no_deal_no_commitment_and_a_refusal_conflicts() -> None:
    told = _article(
        "en1", "en", "Grain purchases resumed last spring after a poor harvest in the north."
    )
    refused = _article(
        "en2", "en", "Officials said Ankara would not resume grain purchases under the deal."
    )
    agreed = _article("en3", "en", "Ankara agreed to resume grain purchases, officials said.")
    found = _commitments(told, refused, agreed)
    assert found["en1"] == []
    assert [v.value for v in found["en2"]] == ["no"]
    assert [v.value for v in found["en3"]] == ["yes"]
    claims = build_claims("s", found["en2"] + found["en3"], find_dependence([refused, agreed]))
    assert len(claims) == 1 and claims[0].verdict == "conflicting"
