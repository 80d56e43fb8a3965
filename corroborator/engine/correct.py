"""Corrections of an article's metadata, from the CLI and the explorer alike: record them,
analyse the article again as corrected (its relative dates anchored on a corrected day), and
relink the stories so the timeline follows."""

from __future__ import annotations

from collections.abc import Mapping

from corroborator.analyze import analyze_articles
from corroborator.config import Settings
from corroborator.engine.link import LinkReport, link
from corroborator.errors import InputError, StoreError
from corroborator.store.base import Store


def correct_article(
    store: Store,
    settings: Settings,
    article_id: str,
    changes: Mapping[str, str | None],
    author: str,
) -> LinkReport:
    """Apply ``changes`` (field → value, None clears) to ``article_id`` as ``author``'s
    corrections; raises :class:`StoreError` when there is no such article."""
    if store.get_article(article_id) is None:
        raise StoreError(f"no article {article_id!r}")
    for field, value in changes.items():
        store.put_correction(article_id, field, value, author)
    article = store.get_article(article_id)
    assert article is not None
    ((_, analysis),) = list(analyze_articles([article], model=settings.spacy_model))
    if isinstance(analysis, InputError):
        raise StoreError(f"{article_id}: {analysis.problem}")
    with store.transaction():
        store.put_analysis(analysis)
    return link(store)
