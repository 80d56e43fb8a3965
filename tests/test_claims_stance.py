"""A country's stance towards another ("Belarus fully supports Serbia's bid", «Казахстан выразил
поддержку Турции», "a neutral stance"): full support agrees with support, neutral conflicts."""

from __future__ import annotations

from corroborator.analyze import analyze_articles
from corroborator.config import Settings
from corroborator.link.claims import build_claims
from corroborator.link.dependence import find_dependence
from corroborator.model import Article, ClaimValue


def _article(aid: str, language: str, text: str) -> Article:
    return Article(
        id=aid, source_path=f"{aid}.txt", language=language, published="2025-03-02", text=text
    )


def _stances(*articles: Article) -> dict[str, list[ClaimValue]]:
    out = {}
    for art, analysis in analyze_articles(articles, model=Settings().spacy_model):
        out[art.id] = [c for c in analysis.claim_values if c.measure == "stance"]
    return out


def test_stances_in_english_and_russian() -> None:
    full = _article("en1", "en", "The minister said Belarus fully supports Serbia in the dispute.")
    plain = _article("ru1", "ru", "Белоруссия поддерживает Сербию в этом споре, заявил министр.")
    neutral = _article(
        "en2", "en", "Officials said Belarus kept a neutral stance towards Serbia in the dispute."
    )
    deed = _article(
        "en3", "en", "The Union's support for Serbia in the 1990s was recalled at the forum."
    )
    found = _stances(full, plain, neutral, deed)
    assert [(v.subject, v.value) for v in found["en1"]] == [
        ("stance of Belarus towards Serbia", "full support")
    ]
    assert [(v.subject, v.value) for v in found["ru1"]] == [
        ("stance of Belarus towards Serbia", "support")
    ]
    assert [v.value for v in found["en2"]] == ["neutral"]
    assert found["en3"] == []
    deps = find_dependence([full, plain, neutral])
    agreeing = build_claims("s", found["en1"] + found["ru1"], deps)
    assert len(agreeing) == 1 and agreeing[0].verdict != "conflicting"
    opposed = build_claims("s", found["en1"] + found["en2"], deps)
    assert len(opposed) == 1 and opposed[0].verdict == "conflicting"
