"""The type of aircraft that carried someone, in English and Russian; a more exact model agrees."""

from __future__ import annotations

from corroborator.analyze import analyze_articles
from corroborator.config import Settings
from corroborator.link.claims import build_claims
from corroborator.link.dependence import find_dependence
from corroborator.model import Article


def _article(aid: str, language: str, text: str) -> Article:
    return Article(
        id=aid, source_path=f"{aid}.txt", language=language, published="2025-04-02", text=text
    )


def test_the_type_of_aircraft_in_english_and_russian() -> None:
    """ "his Tu-214 landed" and «самолет Ту-214 министра» name one type; a bare "Tu-214" and a
    more exact "Tu-214-100" agree; "an 80" beside a plane is no aircraft."""
    en = _article(
        "en1",
        "en",
        "Sergei Lavrov's Tu-214 plane landed in Vienna at noon. An 80 percent share of the "
        "flights were late.",
    )
    ru = _article("ru1", "ru", "Самолет Ту-214-100 Сергея Лаврова приземлился в Вене в полдень.")
    found = {}
    for art, analysis in analyze_articles([en, ru], model=Settings().spacy_model):
        found[art.id] = [c for c in analysis.claim_values if c.measure == "aircraft"]
    assert [(v.subject, v.value) for v in found["en1"]] == [("aircraft of Sergei Lavrov", "Tu-214")]
    assert [v.value for v in found["ru1"]] == ["Tu-214-100"]
    claims = build_claims("s", found["en1"] + found["ru1"], find_dependence([en, ru]))
    assert len(claims) == 1 and claims[0].verdict != "conflicting"
