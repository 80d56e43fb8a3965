"""The dossier: everything the store knows, in the JSON contract of docs/dossier.md.

Fields that later stages fill (stories, events, claims, derived_from) are present and empty
until then, so readers of the contract never meet a missing key.
"""

from __future__ import annotations

from typing import Any

from corroborator import __version__
from corroborator.model import Article, ArticleAnalysis
from corroborator.store.base import Store

DOSSIER_VERSION = "1"


def _article(article: Article, analysis: ArticleAnalysis | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "source_path": article.source_path,
        "url": article.url,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "published_inferred": article.published_inferred,
        "published_evidence": article.published_evidence,
        "language": article.language,
        "attributed_to": list(article.attributed_to),
        "derived_from": [],
        "story": None,
        "authors": list(article.authors),
        "dateline": (
            {"place": article.dateline_place, "date": article.dateline_date}
            if article.dateline_place
            else None
        ),
        "format": article.source_format,
        "encoding": article.encoding,
        "word_count": article.word_count,
        "text": article.text,
        "analysis": None
        if analysis is None
        else {
            "model": analysis.model,
            "sentences": [[s.start, s.end] for s in analysis.sentences],
            "entities": [
                {"text": m.text, "label": m.label, "start": m.start, "end": m.end}
                for m in analysis.mentions
            ],
        },
    }


def build_dossier(store: Store) -> dict[str, Any]:
    """The dossier of everything in ``store``."""
    articles = [_article(a, store.get_analysis(a.id)) for a in store.iter_articles()]
    return {
        "dossier_version": DOSSIER_VERSION,
        "generator": f"corroborator {__version__}",
        "articles": articles,
        "stories": [],
    }
