"""Analyze: per-article analysis (sentences, entities; dates, events and claims in later stages).

Analysis of one article never looks at another, so it can run in any order, in batches, or in
several processes. Only :mod:`corroborator.model` objects leave this package.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from corroborator.analyze.nlp import load_model, load_sentencizer, model_version
from corroborator.model import Article, ArticleAnalysis, Mention, Sentence

# Bumped whenever the extractors change what they produce: stored analyses made by another
# version are redone by the next build.
ANALYZER_VERSION = "1"

# Languages the configured spaCy model is trained for.
MODEL_LANGUAGES = frozenset({"en"})


def _from_doc(article: Article, doc: Any, model: str) -> ArticleAnalysis:
    sentences = tuple(
        Sentence(index=i, start=s.start_char, end=s.end_char) for i, s in enumerate(doc.sents)
    )
    mentions = tuple(
        Mention(article.id, ent.start_char, ent.end_char, ent.label_, ent.text)
        for ent in getattr(doc, "ents", ())
    )
    return ArticleAnalysis(
        article_id=article.id,
        model=model,
        analyzer_version=ANALYZER_VERSION,
        sentences=sentences,
        mentions=mentions,
    )


def analyze_articles(
    articles: Iterable[Article], *, model: str, batch_size: int = 32
) -> Iterator[tuple[Article, ArticleAnalysis]]:
    """Analyse ``articles`` in order, streaming; yields each article with its analysis.

    English (or undetected) articles go through ``model`` with ``nlp.pipe`` in batches of
    ``batch_size``; others get sentence boundaries only.
    """

    def route(items: Iterable[Article]) -> Iterator[tuple[str, Article]]:
        for art in items:
            yield art.text, art

    # One stream through the main model keeps nlp.pipe's batching; the rare foreign article is
    # handled inline when it comes up, so order is preserved.
    pending: list[Article] = []

    def flush() -> Iterator[tuple[Article, ArticleAnalysis]]:
        if not pending:
            return
        nlp = load_model(model)  # loaded on first use: a build with nothing new never loads it
        version = model_version(model)
        for doc, art in nlp.pipe(route(pending), as_tuples=True, batch_size=batch_size):
            yield art, _from_doc(art, doc, version)
        pending.clear()

    for art in articles:
        if art.language in MODEL_LANGUAGES or art.language is None:
            pending.append(art)
            if len(pending) >= batch_size:
                yield from flush()
        else:
            yield from flush()
            yield art, _from_doc(art, load_sentencizer()(art.text), "xx_sentencizer")
    yield from flush()
