"""The dossier: everything the store knows, in the JSON contract of docs/dossier.md.

Each entry is the model object as :func:`corroborator.serialize.to_dict` writes it, plus what
the report derives: ids (properties of the model), CAMEO/PLOVER codes, place aliases, the
publication date to show, and the contract's own names (``article`` for ``article_id``,
``articles`` for ``article_ids``, ``format`` for ``source_format``). A field the object holds
only by context (an entity's ``article_id`` inside its article, an event's ``story_id`` inside
its story) is left out, and so are an event mention's ``counts``, a key for linking whose
figures the dossier gives as the sentence's claims.

Fields that later stages fill (stories, events, claims, derived_from) are present and empty
until then, so readers of the contract never meet a missing key.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from corroborator import __version__
from corroborator.analyze.ontology import load_ontology
from corroborator.model import (
    Article,
    ArticleAnalysis,
    ArticleLinks,
    Claim,
    ClaimValue,
    Conflict,
    Event,
    EventMention,
    Story,
)
from corroborator.serialize import to_dict
from corroborator.store.base import Store

DOSSIER_VERSION = "1"


# An inferred publication date stands in ``published`` only when it is a single day inferred
# with at least this confidence; otherwise it is given as ``published_estimate`` and
# ``published`` stays null. 0.8 keeps every seed article but 003 (the one that prints its date)
# at null, as the gold says, while a text whose dated events pin its day still gets one.
PUBLISHED_MIN_CONFIDENCE = 0.8


Estimate = tuple[str | None, float | None, str | None]  # inferred date, confidence, evidence


def _published(article: Article, estimate: Estimate | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "published": article.published,
        "published_inferred": False,
        "published_evidence": article.published_evidence,
        "published_estimate": None,
    }
    value, confidence, evidence = estimate or (None, None, None)
    if article.published is None and value:
        out["published_estimate"] = {
            "value": value,
            "confidence": confidence,
            "evidence": evidence,
        }
        day = len(value) == 10
        if day and (confidence or 0.0) >= PUBLISHED_MIN_CONFIDENCE:
            out.update(
                published=value,
                published_inferred=True,
                published_evidence=f"inferred: {evidence}",
            )
    return out


def _estimate(analysis: ArticleAnalysis | None) -> Estimate | None:
    if analysis is None:
        return None
    return analysis.published, analysis.published_confidence, analysis.published_evidence


def _event_mention(e: EventMention) -> dict[str, Any]:
    cameo, plover = load_ontology().codes(e.type)
    # the counts are the figures of the sentence's claims, which the dossier gives as claims
    fields = to_dict(e, omit=("article_id", "counts"))
    return {"id": e.id, "article": e.article_id, "cameo": cameo, "plover": plover, **fields}


def _claim_value(c: ClaimValue) -> dict[str, Any]:
    return {"id": c.id, "article": c.article_id, **to_dict(c, omit=("article_id",))}


def article_summary(
    article: Article, link: ArticleLinks | None = None, estimate: Estimate | None = None
) -> dict[str, Any]:
    """An article's dossier entry without its text and analysis (what lists show)."""
    # the publication date to show, the dateline and the format are written below
    fields = to_dict(
        article,
        omit=("text", "published", "published_evidence", "dateline_place", "dateline_date",
              "source_format"),
    )  # fmt: skip
    out: dict[str, Any] = {
        **fields,
        **_published(article, estimate),
        "derived_from": [],
        "story": None,
        "dateline": (
            {"place": article.dateline_place, "date": article.dateline_date}
            if article.dateline_place
            else None
        ),
        "format": article.source_format,
        "word_count": article.word_count,
    }
    if link is not None:
        out["story"] = link.story_id or None
        out["derived_from"] = list(link.derived_from)
        out["dependence_group"] = link.dependence_group
        out["dependence_reasons"] = list(link.reasons)
    return out


def article_entry(
    article: Article, analysis: ArticleAnalysis | None, link: ArticleLinks | None = None
) -> dict[str, Any]:
    """An article's full dossier entry: metadata, text and analysis with offsets."""
    return {
        **article_summary(article, link, _estimate(analysis)),
        "text": article.text,
        "analysis": None
        if analysis is None
        else {
            "model": analysis.model,
            "sentences": [[s.start, s.end] for s in analysis.sentences],
            "entities": [to_dict(m, omit=("article_id",)) for m in analysis.mentions],
            "dates": [to_dict(t, omit=("article_id",)) for t in analysis.timexes],
            "events": [_event_mention(e) for e in analysis.event_mentions],
            "claims": [_claim_value(c) for c in analysis.claim_values],
        },
    }


def _place(name: str | None) -> dict[str, Any] | None:
    if name is None:
        return None
    from corroborator.analyze.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    aliases = sorted(
        a for a, e in gaz.aliases.items() if e.kind == "place" and e.name == name and a != name
    )
    return {"name": name, "aliases": aliases}


def _event(e: Event) -> dict[str, Any]:
    cameo, plover = load_ontology().codes(e.type)
    fields = to_dict(e, omit=("story_id", "mentions", "conflicts", "place"))
    return {
        "id": e.id,
        **fields,
        "cameo": cameo,
        "plover": plover,
        "place": _place(e.place),
        "mentions": [_event_mention(m) for m in e.mentions],
        "conflicts": [_conflict(c) for c in e.conflicts],
    }


def _conflict(c: Conflict) -> dict[str, Any]:
    return {"field": c.field, "values": [{"value": v, "articles": list(a)} for v, a in c.values]}


def _claim(c: Claim) -> dict[str, Any]:
    # a value inside its claim goes without its id: the contract gives it none there
    values = [{"article": v.article_id, **to_dict(v, omit=("article_id",))} for v in c.values]
    return {"id": c.id, **to_dict(c, omit=("story_id", "values")), "values": values}


def story_entry(s: Story) -> dict[str, Any]:
    """A story's dossier entry: events with mentions and conflicts, claims with values."""
    return {
        "id": s.id,
        "title": s.title,
        "articles": list(s.article_ids),
        **to_dict(s, omit=("id", "title", "article_ids", "events", "claims")),
        "events": [_event(e) for e in s.events],
        "claims": [_claim(c) for c in s.claims],
    }


# Articles read per batch of their links (one store query): about 1 MB of entries at a time.
ARTICLE_BATCH = 500


def article_entries(store: Store) -> Iterator[dict[str, Any]]:
    """Every article's full entry, by source path then id, read from ``store`` as the caller
    goes (their links a batch at a time): memory does not grow with the store."""
    batch: list[Article] = []
    for article in store.iter_articles():
        batch.append(article)
        if len(batch) == ARTICLE_BATCH:
            yield from _entries(store, batch)
            batch = []
    yield from _entries(store, batch)


def _entries(store: Store, batch: list[Article]) -> Iterator[dict[str, Any]]:
    if not batch:
        return
    links = store.article_links([a.id for a in batch])
    for a in batch:
        yield article_entry(a, store.get_analysis(a.id), links.get(a.id))


def story_entries(store: Store) -> Iterator[dict[str, Any]]:
    """Every story's entry, by start date then id, read from ``store`` one at a time."""
    for story in store.stream_stories():
        yield story_entry(story)


def dossier_head() -> dict[str, Any]:
    """The dossier's fields before its articles and stories."""
    return {"dossier_version": DOSSIER_VERSION, "generator": f"corroborator {__version__}"}


def build_dossier(store: Store) -> dict[str, Any]:
    """The dossier of everything in ``store``, whole in memory (the explorer, the Markdown and
    HTML reports; ``report --format json`` writes it as it reads: :mod:`report.stream`)."""
    return {
        **dossier_head(),
        "articles": list(article_entries(store)),
        "stories": list(story_entries(store)),
    }
