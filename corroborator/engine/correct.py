"""Corrections from the CLI and the explorer alike. An article's metadata: recorded, the
article analysed again as corrected (its relative dates anchored on a corrected day), and the
stories relinked so the timeline follows. A story's date span: recorded by the story's anchor
article, and the story rebuilt with it (its title, span and story-level dates)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

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
    ((_, analysis),) = list(
        analyze_articles(
            [article],
            model=settings.spacy_model,
            seconds=settings.max_article_seconds,
            precision=settings.embedding_precision,
        )
    )
    if isinstance(analysis, InputError):
        raise StoreError(f"{article_id}: {analysis.problem}")
    with store.transaction():
        store.put_analysis(analysis)
    return link(store)


def correct_story_span(
    store: Store,
    story_id: str,
    start: str | None,
    end: str | None,
    author: str,
) -> tuple[LinkReport, str]:
    """Set the date span of ``story_id`` to ``start``–``end`` (ISO days; ``start`` None clears
    the correction) as ``author``'s correction, and rebuild the story; returns the linking
    report and the id of the story holding it now. Raises :class:`StoreError` when there is no
    such story or the span is backwards."""
    story = next((s for s in store.iter_stories() if s.id == story_id), None)
    if story is None:
        raise StoreError(f"no story {story_id!r}")
    if start is not None:
        end = end or start
        if end < start:
            raise StoreError(f"the span's end ({end}) comes before its start ({start})")
    store.put_span_correction(story.article_ids, start, end, author)
    # the whole store is linked again (the story may split or merge under the new span; a
    # placement only places new articles)
    report = link(store)
    anchor = min(story.article_ids)
    return report, store.story_assignments().get(anchor, story_id)


def merge_stories(store: Store, story_id: str, other_id: str) -> tuple[LinkReport, str]:
    """Make ``other_id``'s articles one story with ``story_id``'s from now on (must-link
    corrections, as `corroborator stories merge`), and relink their block; returns the linking
    report and the id of the merged story."""
    stories = {s.id: s for s in store.iter_stories()}
    first, other = stories.get(story_id), stories.get(other_id)
    if first is None or other is None:
        raise StoreError(f"no story {story_id if first is None else other_id!r}")
    if first.id == other.id:
        raise StoreError("a story cannot be merged with itself")
    anchor = first.article_ids[0]
    store.put_constraints(
        "must", [(anchor, a) for a in (*first.article_ids[1:], *other.article_ids)]
    )
    report = link(store)  # constraints change clusters: a full run settles them
    return report, store.story_assignments().get(anchor, story_id)


def split_story(store: Store, story_id: str, article_ids: Sequence[str]) -> tuple[LinkReport, str]:
    """Move ``article_ids`` out of ``story_id`` into a story of their own (as `corroborator
    stories split`), and relink their block; returns the linking report and the new story's
    id."""
    story = next((s for s in store.iter_stories() if s.id == story_id), None)
    if story is None:
        raise StoreError(f"no story {story_id!r}")
    moving = list(dict.fromkeys(article_ids))
    strangers = [a for a in moving if a not in story.article_ids]
    if not moving or strangers:
        raise StoreError(f"not an article of story {story_id}: {', '.join(strangers) or 'none'}")
    staying = [a for a in story.article_ids if a not in moving]
    if not staying:
        raise StoreError("splitting every article out of a story leaves it as it is")
    store.put_constraints("must", [(moving[0], m) for m in moving[1:]])
    store.put_constraints("cannot", [(m, s) for m in moving for s in staying])
    report = link(store)  # constraints change clusters: a full run settles them
    return report, store.story_assignments().get(moving[0], story_id)
