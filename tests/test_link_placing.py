"""Linking that grows with the story: new articles placed through the linking index (nearest
neighbours, blocking keys, MinHash band keys) rebuild only what they touch, read only the
analyses of those stories, give the source dependence a full run gives, keep the user's
corrections, and a full run gives the same stories whatever order the articles came in.

The stores are bench/scale.py's synthetic analyses (no model runs to make them)."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from corroborator.analyze.embeddings import EMBEDDING_MODEL
from corroborator.engine.link import link
from corroborator.model import Article, ArticleAnalysis
from corroborator.store import SQLiteStore

from .conftest import REPO

Item = tuple[Article, ArticleAnalysis, bytes]


def _scale() -> Any:
    spec = importlib.util.spec_from_file_location("bench_scale", REPO / "bench" / "scale.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_scale"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus() -> list[Item]:
    items, _ = _scale().make_corpus(160, seed=3)
    return items  # type: ignore[no-any-return]


class CountingStore(SQLiteStore):
    """A SQLite store that counts the analyses read."""

    analyses_read = 0

    def get_analysis(self, article_id: str) -> ArticleAnalysis | None:
        self.analyses_read += 1
        return super().get_analysis(article_id)


def _add(store: SQLiteStore, items: list[Item]) -> list[str]:
    with store.transaction():
        for article, analysis, _ in items:
            store.put_article(article)
            store.put_analysis(analysis)
        store.put_vectors(EMBEDDING_MODEL, {a.id: v for a, _, v in items})
    return [a.id for a, _, _ in items]


def _dependence(store: SQLiteStore) -> dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]:
    return {
        a: (x.dependence_group, x.derived_from, x.reasons) for a, x in store.article_links().items()
    }


def _partition(store: SQLiteStore) -> set[frozenset[str]]:
    return {frozenset(s.article_ids) for s in store.iter_stories()}


def test_same_set_in_two_orders_gives_the_same_stories(tmp_path: Path, corpus: list[Item]) -> None:
    one = SQLiteStore(str(tmp_path / "one.db"))
    _add(one, corpus)
    link(one)
    two = SQLiteStore(str(tmp_path / "two.db"))
    backwards = corpus[::-1]
    _add(two, backwards[:-8])
    link(two)
    for item in backwards[-8:]:  # the rest placed one by one, in the other order
        report = link(two, _add(two, [item]))
        assert report.stories_rebuilt >= 1
    assert set(two.story_assignments()) == {a.id for a, _, _ in corpus}
    link(two)  # the periodic run over the whole store
    assert _partition(two) == _partition(one)
    assert _dependence(two) == _dependence(one)
    one.close()
    two.close()


def test_placing_reads_only_the_stories_it_touches(tmp_path: Path, corpus: list[Item]) -> None:
    store = CountingStore(str(tmp_path / "s.db"))
    _add(store, corpus[:-1])
    link(store)
    before = {s.id: s for s in store.iter_stories()}
    store.analyses_read = 0
    report = link(store, _add(store, corpus[-1:]))
    new = corpus[-1][0].id
    after = {s.id: s for s in store.iter_stories()}
    joined = store.story_assignments()[new]
    candidates = len(corpus)  # every article read would mean a pass over the store
    assert 1 <= store.analyses_read < candidates / 2
    changed = {sid for sid, s in after.items() if before.get(sid) != s}
    assert joined in changed and len(changed) == report.stories_rebuilt
    for sid, story in before.items():
        if sid not in changed and sid in after:
            assert after[sid] == story
    store.close()


def test_placed_copy_depends_as_a_full_run_says(tmp_path: Path, corpus: list[Item]) -> None:
    """A rewrite of a stored article, from another outlet a day later, and a report based on
    an outlet's wire: placed one by one, their dependence groups, reasons and derived-from
    links are the ones a full run finds."""
    original, analysis, vector = corpus[0]
    copy = replace(
        original,
        id=Article.make_id(original.text + " Updated.", None, "Another Desk"),
        text=original.text + " Updated.",
        outlet="Another Desk",
        published=_next_day(original.published),
    )
    wired = corpus[1][0]
    based = replace(
        corpus[2][0],
        id=Article.make_id(corpus[2][0].text + " (wire)", None, "Third Desk"),
        text=corpus[2][0].text + " A second paragraph of its own.",
        outlet="Third Desk",
        attributed_to=(wired.outlet or "",),
    )
    extra = [
        (copy, replace(analysis, article_id=copy.id), vector),
        (based, replace(corpus[2][1], article_id=based.id), corpus[2][2]),
    ]
    placed = SQLiteStore(str(tmp_path / "placed.db"))
    _add(placed, corpus)
    link(placed)
    for item in extra:
        link(placed, _add(placed, [item]))
    links = placed.article_links()
    assert links[copy.id].dependence_group == links[original.id].dependence_group
    assert "shared text" in links[copy.id].reasons
    assert original.id in links[copy.id].derived_from
    assert wired.id in links[based.id].derived_from
    full = SQLiteStore(str(tmp_path / "full.db"))
    _add(full, [*corpus, *extra])
    link(full)
    assert _dependence(placed) == _dependence(full)
    placed.close()
    full.close()


def test_corrections_hold_while_placing(tmp_path: Path, corpus: list[Item]) -> None:
    store = SQLiteStore(str(tmp_path / "s.db"))
    _add(store, corpus[:-4])
    link(store)
    stories = sorted(store.iter_stories(), key=lambda s: (-len(s.article_ids), s.id))
    big = stories[0].article_ids
    other = next(s for s in stories if s.id != stories[0].id).article_ids
    store.put_constraints("must", [(big[0], other[0])])
    store.put_constraints("cannot", [(big[0], big[1])])
    link(store)

    def holds() -> None:
        where = store.story_assignments()
        assert where[big[0]] == where[other[0]]
        assert where[big[0]] != where[big[1]]

    holds()
    for item in corpus[-4:]:
        link(store, _add(store, [item]))
        holds()
    link(store)
    holds()
    store.close()


def _next_day(published: str | None) -> str:
    from datetime import date, timedelta

    assert published is not None
    return (date.fromisoformat(published) + timedelta(days=1)).isoformat()
