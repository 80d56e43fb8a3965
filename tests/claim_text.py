"""Claim values of short texts through the real analysis, and claims of several such texts
aligned as one story (what the claim tests of several files read). Each text is an article of
its own outlet, its id taken from its language and text."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from corroborator.analyze import analyze_articles
from corroborator.config import Settings
from corroborator.link.claims import build_claims
from corroborator.link.dependence import find_dependence
from corroborator.model import Article, Claim, ClaimValue


def article_id(language: str, text: str) -> str:
    return f"{language}-{abs(hash(text))}"


@cache
def claim_values(language: str, text: str, published: str) -> tuple[ClaimValue, ...]:
    """The claim values the analysis of ``language`` finds in ``text``, published that day."""
    article = Article(
        id=article_id(language, text),
        text=text,
        source_path=f"{language}.txt",
        language=language,
        published=published,
    )
    ((_, analysis),) = list(analyze_articles([article], model=Settings().spacy_model))
    return analysis.claim_values


def story_claims(pairs: Sequence[tuple[str, str]], published: str) -> list[Claim]:
    """The claims of the ``(language, text)`` articles aligned as one story, each from an
    outlet of its own (their dependence computed from their texts, as linking does)."""
    values = [v for language, text in pairs for v in claim_values(language, text, published)]
    articles = [
        Article(
            id=article_id(language, text),
            text=text,
            source_path=f"{n}.txt",
            outlet=f"Outlet {n}",
            language=language,
        )
        for n, (language, text) in enumerate(pairs)
    ]
    return build_claims("story", values, find_dependence(articles))
