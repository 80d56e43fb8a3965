"""Analyze: per-article analysis — sentences, entities, dates, events and claims.

Analysis of one article never looks at another, so it can run in any order, in batches, or in
several processes. Only :mod:`corroborator.model` objects leave this package. The order within
an article: dates first (they give the article's date when it prints none), then entities
(office holders depend on that date), then events (which need both).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any, TypeVar

from corroborator.analyze.budget import OverBudget, check, deadline
from corroborator.analyze.claims import extract_claims
from corroborator.analyze.claims_ru import extract_claims_ru
from corroborator.analyze.embeddings import with_vectors
from corroborator.analyze.entities import NAME_LABELS, resolve_entities
from corroborator.analyze.event_counts import with_counts
from corroborator.analyze.events import extract_events
from corroborator.analyze.events.russian import extract_russian_events
from corroborator.analyze.languages import LanguageAdapter, entities_of
from corroborator.analyze.nlp import load_model, load_sentencizer, model_version
from corroborator.analyze.russian import mentions_from_doc
from corroborator.analyze.russian_doc import parse_russian
from corroborator.analyze.timex import analyze_dates
from corroborator.analyze.timex.analysis import DateAnalysis
from corroborator.analyze.timex.russian import analyze_dates_ru
from corroborator.errors import AnalysisFailed, OverTimeBudget, first_line
from corroborator.model import (
    Article,
    ArticleAnalysis,
    ClaimValue,
    EventMention,
    Mention,
    Sentence,
)

T = TypeVar("T")

# Bumped whenever the extractors change what they produce: stored analyses made by another
# version are redone by the next build.
ANALYZER_VERSION = "75"

# Languages the configured spaCy model is trained for.
MODEL_LANGUAGES = frozenset({"en"})

# The language seam (:mod:`.languages`): a language the spaCy model does not read is analysed by
# its adapter (parser plus extractors writing the same model objects). Languages without one get
# sentence boundaries only.
ADAPTERS: dict[str, LanguageAdapter] = {
    "ru": LanguageAdapter(
        "ru",
        parse=parse_russian,
        mentions=mentions_from_doc,
        dates=analyze_dates_ru,
        events=extract_russian_events,
        claims=extract_claims_ru,
    ),
}


def _sentences(doc: Any) -> tuple[Sentence, ...]:
    return tuple(
        Sentence(index=i, start=s.start_char, end=s.end_char) for i, s in enumerate(doc.sents)
    )


def _analysis(
    article: Article,
    doc: Any,
    model: str,
    mentions: list[Mention],
    dates: DateAnalysis,
    events: list[EventMention],
    claims: list[ClaimValue],
) -> ArticleAnalysis:
    """One article's analysis from what its stages found (whatever the language)."""
    return ArticleAnalysis(
        article_id=article.id,
        model=model,
        analyzer_version=ANALYZER_VERSION,
        sentences=_sentences(doc),
        mentions=tuple(sorted(mentions, key=lambda m: (m.start, m.end, m.label))),
        timexes=dates.timexes,
        event_mentions=with_counts(events, claims),
        claim_values=tuple(claims),
        published=dates.published if article.published is None else None,
        published_confidence=dates.published_confidence if article.published is None else None,
        published_evidence=dates.published_evidence if article.published is None else None,
    )


def _from_doc(article: Article, doc: Any, model: str) -> ArticleAnalysis:
    dates = analyze_dates(doc, article)
    check()
    when = article.published or dates.published
    entities = resolve_entities(doc, when, article.id)
    check()
    # the outlet's own name on a sign-off line is an organisation, whatever the model says
    names = [
        replace(m, label="ORG", canonical=article.outlet)
        if article.outlet and m.text.strip() == article.outlet and m.label != "ORG"
        else m
        for m in entities.mentions
    ]
    taken = [(m.start, m.end) for m in names]
    # numbers, amounts and dates the model found stay as mentions for the claims stage
    others = [
        Mention(article.id, e.start_char, e.end_char, e.label_, e.text)
        for e in doc.ents
        if e.label_ not in NAME_LABELS
        and all(e.end_char <= s or e.start_char >= t for s, t in taken)
    ]
    events = extract_events(doc, article, entities, dates.timexes, when)
    check()
    claims = extract_claims(doc, article, entities, dates.timexes, events)
    return _analysis(article, doc, model, names + others, dates, events, claims)


def _foreign(article: Article, adapter: LanguageAdapter) -> ArticleAnalysis:
    """The analysis of an article in a language with an adapter: whatever stages it has."""
    doc = adapter.parse(article.text)
    mentions = adapter.mentions(doc, article.id)
    entities = entities_of(mentions)
    dates = adapter.dates(doc, article) if adapter.dates else DateAnalysis(())
    when = article.published or dates.published
    events = adapter.events(doc, article, entities, dates.timexes, when) if adapter.events else []
    claims = adapter.claims(doc, article, entities, dates.timexes, events) if adapter.claims else []
    return _analysis(article, doc, f"{adapter.language}:natasha", mentions, dates, events, claims)


def _sentences_only(article: Article, doc: Any) -> ArticleAnalysis:
    return ArticleAnalysis(
        article_id=article.id,
        model="xx_sentencizer",
        analyzer_version=ANALYZER_VERSION,
        sentences=_sentences(doc),
    )


def _guarded(
    article: Article, step: Callable[..., T], *args: Any, seconds: float = 0.0
) -> T | AnalysisFailed:
    """``step(*args)`` within the time budget of ``seconds`` (0: none), or the article's
    one-line failure when it raises or runs past the budget: one pathological text, or a bug
    it reveals, costs that article and never the batch."""
    try:
        with deadline(seconds):
            return step(*args)
    except OverBudget:
        return OverTimeBudget(
            article.source_path,
            f"analysis ran past the {seconds:g} s budget per article",
            hint="raise max_article_seconds to analyse it",
        )
    except Exception as exc:  # any failure inside the analysis of one text
        return AnalysisFailed(
            article.source_path, f"could not be analysed ({type(exc).__name__}: {first_line(exc)})"
        )


def analyze_articles(
    articles: Iterable[Article],
    *,
    model: str,
    batch_size: int = 32,
    vectors: bool = True,
    seconds: float = 0.0,
    precision: str = "auto",
) -> Iterator[tuple[Article, ArticleAnalysis | AnalysisFailed]]:
    """Analyse ``articles`` in order, streaming; yields each article with its analysis, or with
    an :class:`~corroborator.errors.AnalysisFailed` when its analysis raised, or an
    :class:`~corroborator.errors.OverTimeBudget` when it ran past ``seconds`` (0: no budget;
    :mod:`.budget`).

    English (or undetected) articles go through ``model`` with ``nlp.pipe`` in batches of
    ``batch_size``; others get sentence boundaries, and named entities from their language's
    adapter (:data:`ADAPTERS`) where it has one. With ``vectors``, each analysis carries the
    article's embeddings (:func:`~corroborator.analyze.embeddings.with_vectors`), computed in
    ``precision`` (:func:`~corroborator.analyze.embeddings.embed`).
    """
    analysed = _analyses(articles, model=model, batch_size=batch_size, seconds=seconds)
    return with_vectors(analysed, precision) if vectors else analysed


def _analyses(
    articles: Iterable[Article], *, model: str, batch_size: int, seconds: float
) -> Iterator[tuple[Article, ArticleAnalysis | AnalysisFailed]]:
    pending: list[Article] = []

    def flush() -> Iterator[tuple[Article, ArticleAnalysis | AnalysisFailed]]:
        if not pending:
            return
        nlp = load_model(model)  # loaded on first use: a build with nothing new never loads it
        version = model_version(model)
        pairs = ((art.text, art) for art in pending)
        try:
            docs = list(nlp.pipe(pairs, as_tuples=True, batch_size=batch_size))
        except Exception:  # one text broke the batch: parse one by one to find it
            docs = [(_guarded(art, nlp, art.text), art) for art in pending]
        pending.clear()
        for doc, art in docs:
            if isinstance(doc, AnalysisFailed):
                yield art, doc
            else:
                yield art, _guarded(art, _from_doc, art, doc, version, seconds=seconds)

    # One stream through the main model keeps nlp.pipe's batching; the rare foreign article is
    # handled inline when it comes up, so order is preserved.
    for art in articles:
        if art.language in MODEL_LANGUAGES or art.language is None:
            pending.append(art)
            if len(pending) >= batch_size:
                yield from flush()
        else:
            yield from flush()
            adapter = ADAPTERS.get(art.language or "")
            if adapter is not None:
                yield art, _guarded(art, _foreign, art, adapter, seconds=seconds)
            else:
                yield (
                    art,
                    _guarded(art, lambda a: _sentences_only(a, load_sentencizer()(a.text)), art),
                )
    yield from flush()
