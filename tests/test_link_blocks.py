"""Story clustering block by block: the same stories as clustering everything at once, only the
blocks new articles fall in clustered again, and the same stories whatever the order articles
arrived in (real MiniLM embeddings of reports written for these tests)."""

from __future__ import annotations

import random

import numpy as np
import pytest

from corroborator.link.blocks import blocks, cluster_blocks
from corroborator.link.neighbours import knn_pairs
from corroborator.link.stories import StoryDoc, cluster_stories, name_stories

from .test_link_stories import REPORTS, _docs

# A second kind of happening beside the visits of test_link_stories: two earthquakes.
QUAKES = [
    ("quake-a", "A magnitude 6.1 earthquake struck near the coast on Monday, damaging "
     "hundreds of homes; rescuers searched collapsed buildings through the night.",
     "2025-03-03", ("2025-03-03",), set(), {"coastal province"}, {"6.1"}),
    ("quake-b", "Rescue teams pulled survivors from the rubble a day after the 6.1 quake "
     "that hit the coastal province, officials said, raising the toll to 40.",
     "2025-03-04", ("2025-03-03",), set(), {"coastal province"}, {"6.1", "40"}),
    ("quake-c", "An earthquake of magnitude 5.2 shook the mountain region in August, "
     "cracking walls in two villages; no one was hurt.",
     "2024-08-19", ("2024-08-19",), set(), {"mountain region"}, {"5.2"}),
]  # fmt: skip


@pytest.fixture(scope="module")
def docs() -> list[StoryDoc]:
    return _docs([*REPORTS, *QUAKES])


def test_blocks_cluster_as_the_whole_does(docs: list[StoryDoc]) -> None:
    parts = blocks(sorted(docs, key=lambda d: d.id))
    assert sorted(k for part in parts for k in part) == list(range(len(docs)))
    assert len(parts) >= 2  # visits and earthquakes share no theme
    assert cluster_blocks(docs) == cluster_stories(docs)


def test_oversized_blocks_split_at_a_higher_cosine(docs: list[StoryDoc]) -> None:
    items = sorted(docs, key=lambda d: d.id)
    assert max(map(len, blocks(items))) > 2
    parts = blocks(items, max_block=2)
    assert all(len(p) <= 2 for p in parts)
    assert sorted(k for part in parts for k in part) == list(range(len(items)))
    # a must-link keeps its pair in one block however small blocks are made
    must = [(0, len(items) - 1)]
    assert any({0, len(items) - 1} <= set(p) for p in blocks(items, must, max_block=2))


def test_same_set_in_two_orders_gives_the_same_stories(docs: list[StoryDoc]) -> None:
    """Articles arriving one at a time (each placed by clustering its block again, as
    ``link(store, new_ids)`` does), in two orders, end in the stories of one full run."""
    full = name_stories(cluster_blocks(docs))
    for seed in (1, 2):
        order = list(docs)
        random.Random(seed).shuffle(order)
        previous: dict[str, str] = {}
        for k in range(len(order)):
            arrived = order[: k + 1]
            clusters = cluster_blocks(arrived, previous=previous, changed=[order[k].id])
            assert clusters == cluster_blocks(arrived)  # as a full run of the same set
            previous = name_stories(clusters, previous)
        groups = sorted(tuple(sorted(a for a in previous if previous[a] == s))
                        for s in set(previous.values()))  # fmt: skip
        assert groups == sorted(tuple(sorted(a for a in full if full[a] == s))
                                for s in set(full.values()))  # fmt: skip


def test_untouched_blocks_keep_their_stories(docs: list[StoryDoc]) -> None:
    """A block with no new article keeps its previous stories even when clustering would now
    see them otherwise (here: a previous run that split the quake reports)."""
    quakes = {"quake-a", "quake-b", "quake-c"}
    rest = [d for d in docs if d.id not in quakes]
    previous = name_stories(cluster_blocks(rest))
    previous |= {"quake-a": "s1", "quake-b": "s2", "quake-c": "s3"}
    late = next(d for d in rest if d.id == "talks")
    clusters = cluster_blocks(docs, previous=previous, changed=[late.id])
    assert ("quake-a",) in clusters and ("quake-b",) in clusters
    # a full run clusters them again
    assert ("quake-a", "quake-b") in cluster_blocks(docs)


def test_levels_found_from_the_top_down_partition_as_each_whole_graph() -> None:
    """Each level's labels group the articles as the connected components of that level's
    whole graph (pairs at or above its threshold, plus the must-links) do, ties at the
    thresholds included."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    from corroborator.link.blocks import _labels, _ladder

    def groups(labels: list[int]) -> set[frozenset[int]]:
        found: dict[int, set[int]] = {}
        for k, label in enumerate(labels):
            found.setdefault(label, set()).add(k)
        return {frozenset(g) for g in found.values()}

    rng = np.random.default_rng(7)
    n, m = 400, 900
    a, b = rng.integers(0, n, m), rng.integers(0, n, m)
    pairs = np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1).astype(np.int32)
    cosines = np.round(rng.random(m), 2)  # many exactly at a threshold
    must = np.array([[3, 390], [10, 11]], dtype=np.int32)
    thresholds = _ladder()
    labels = _labels(n, pairs, cosines, must, thresholds)
    for level, threshold in enumerate(thresholds):
        edges = np.concatenate([pairs[cosines >= threshold], must])
        graph = coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
        whole = connected_components(graph, directed=False)[1]
        assert groups(labels[level].tolist()) == groups(whole.tolist())


@pytest.mark.parametrize("chosen", [False, True])
def test_nearest_neighbour_pairs_are_each_pair_once_from_either_side(chosen: bool) -> None:
    """knn_pairs takes each pair from one neighbour list only: its answer is every pair where
    one is among the other's k nearest, sorted and unique, also with rows left out and with
    duplicate vectors (ties)."""
    import faiss

    rng = np.random.default_rng(5)
    vectors = rng.normal(size=(700, 24)).astype(np.float32)
    vectors[50:90] = vectors[0]  # forty copies of one vector: ties in every list they are in
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    rows = np.flatnonzero(rng.random(700) < 0.5) if chosen else np.arange(700)
    got = knn_pairs(vectors, 12, rows if chosen else None)
    sub = np.ascontiguousarray(vectors[rows])
    _, nbrs = faiss.knn(sub, sub, 13, metric=faiss.METRIC_INNER_PRODUCT)
    expected = sorted({
        (int(min(rows[i], rows[j])), int(max(rows[i], rows[j])))
        for i in range(len(rows))
        for j in nbrs[i].tolist()
        if j >= 0 and j != i
    })  # fmt: skip
    assert got.dtype == np.int32
    assert [tuple(p) for p in got.tolist()] == expected
