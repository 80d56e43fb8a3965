"""Blocks: the groups of articles story clustering handles one at a time.

Story clustering (:mod:`corroborator.link.stories`) first groups articles into themes by
average-link clustering of the embedding cosine at
:data:`~corroborator.link.stories.THEME_THRESHOLD`, and a theme lies inside one connected
component of the graph of pairs at or above that cosine (plus the user's must-links; see
:mod:`corroborator.link.agglomerate`). Those components are the blocks: clustering each block
on its own gives the themes, and so the stories, that clustering the whole store would (only
the IDF of the TF-IDF features is taken over the block rather than the store), and a block's
stories depend on its members alone. So:

* a new article changes only the block it falls in (which may join blocks): only that block is
  re-clustered, and the stories of every other block are kept as they are;
* the result depends on the *set* of articles, never on the order they arrived in.

In a large store of related news the graph at the theme threshold grows into one component
holding most of the store (it did from 250 of ECB+'s real articles on). A component larger than
:data:`MAX_BLOCK` is split again at a cosine :data:`STEP` higher, until every part fits: a
deterministic function of the component, so still independent of the order of arrival.

Pairs are found by exact search (every pair's cosine, a slice of rows at a time, by BLAS; only
the components are kept, never the pairs): an approximate index would make a block depend on
the order its index was built in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from corroborator.link.stories import (
    THEME_THRESHOLD,
    THRESHOLD,
    Pairs,
    StoryDoc,
    _cosines,
    _index_pairs,
    _language_groups,
    _sorted_docs,
    cluster_stories,
)

# Largest block clustered as one. Story clustering of a block costs about the square of its
# size in scored pairs and the cube in average-link merges (1,000 real articles took 25–80 s on
# 2 cores before blocks; 300 take a few seconds). Splitting does not hurt on ECB+: its 206 test
# documents form 3 components at the theme threshold (largest 93), and joint B³ F1 stays 0.938
# with blocks of at most 150, 100 or 50 articles and rises to 0.962 at 25 (the per-topic
# score), as a split block's themes lose the other topics' documents. news-dev's 81 documents
# stay under it. Not fitted further.
MAX_BLOCK = 300
# How much higher the cosine is set to split a block over MAX_BLOCK (the theme threshold 0.3
# was chosen on a plateau 0.25–0.35 of ECB+ theme quality: one step stays near it).
STEP = 0.05
# Rows of the cosine matrix computed at once (memory: ROWS × articles × 8 bytes).
ROWS = 1024


def _arrays(
    docs: Sequence[StoryDoc],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    vectors = np.stack([np.asarray(d.embedding, dtype=np.float64) for d in docs])
    groups, multi = _language_groups(docs)
    return vectors, groups, multi


def _labels(
    vectors: npt.NDArray[np.float64],
    groups: npt.NDArray[np.int64],
    multi: npt.NDArray[np.float64],
    must: npt.NDArray[np.int64],
    threshold: float,
) -> npt.NDArray[np.int64]:
    """Component labels of the graph of pairs whose cosine (as story clustering compares them,
    see :func:`~corroborator.link.stories._cosines`) reaches ``threshold``, plus the ``must``
    pairs. Rows are taken :data:`ROWS` at a time and only each node's component is kept between
    them, so memory stays at one slice of the cosine matrix however dense the graph is."""
    n = vectors.shape[0]
    nodes = np.arange(n)
    labels = nodes.copy()
    for start in range(0, n, ROWS):
        stop = min(n, start + ROWS)
        cos = _cosines(vectors, groups, multi, slice(start, stop), slice(start, None))
        r, c = np.nonzero(cos >= threshold)
        keep = c > r  # columns start at `start`: the upper triangle only
        # each node tied to its component's first member, then this slice's pairs
        first = np.full(n, n, dtype=np.int64)
        np.minimum.at(first, labels, nodes)
        rows = np.concatenate([nodes, r[keep] + start, must[:, 0]])
        cols = np.concatenate([first[labels], c[keep] + start, must[:, 1]])
        graph = coo_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(n, n))
        labels = connected_components(graph, directed=False)[1].astype(np.int64)
    return labels


def blocks(
    docs: Sequence[StoryDoc],
    must: Sequence[tuple[int, int]] = (),
    *,
    max_block: int = MAX_BLOCK,
) -> list[list[int]]:
    """The blocks of ``docs`` (indices, each sorted, in order of first member): connected
    components of the pairs at the theme threshold and the ``must`` pairs (indices), those
    over ``max_block`` split again at a higher cosine (must-linked pairs always stay
    together)."""
    if not docs:
        return []
    vectors, groups, multi = _arrays(docs)
    pairs = np.array(sorted(must), dtype=np.int64).reshape(-1, 2)
    n = len(docs)
    return _split(np.arange(n), vectors, groups, multi, pairs, THEME_THRESHOLD, max_block)


def _split(
    index: npt.NDArray[np.int64],
    vectors: npt.NDArray[np.float64],
    groups: npt.NDArray[np.int64],
    multi: npt.NDArray[np.float64],
    must: npt.NDArray[np.int64],
    threshold: float,
    max_block: int,
) -> list[list[int]]:
    labels = _labels(vectors, groups, multi, must, threshold)
    members: dict[int, list[int]] = {}
    for k, label in enumerate(labels.tolist()):
        members.setdefault(label, []).append(k)
    out: list[list[int]] = []
    for comp in members.values():
        if len(comp) <= max_block or threshold >= 1.0:
            out.append(index[comp].tolist())
            continue
        local = np.full(len(index), -1, dtype=np.int64)
        local[comp] = np.arange(len(comp))
        inside = must[(local[must[:, 0]] >= 0) & (local[must[:, 1]] >= 0)] if len(must) else must
        out += _split(
            index[comp],
            vectors[comp],
            groups[comp],
            multi[comp],
            local[inside].reshape(-1, 2),
            round(threshold + STEP, 6),
            max_block,
        )
    return sorted(sorted(block) for block in out)


def cluster_blocks(
    docs: Iterable[StoryDoc],
    must_link: Pairs = (),
    cannot_link: Pairs = (),
    *,
    previous: Mapping[str, str] | None = None,
    changed: Collection[str] = (),
    threshold: float = THRESHOLD,
    max_block: int = MAX_BLOCK,
) -> list[tuple[str, ...]]:
    """Stories of ``docs`` as :func:`~corroborator.link.stories.cluster_stories` finds them,
    one block at a time. With ``previous`` (each document's story id from the last run), a
    block that holds none of the ``changed`` documents and exactly the members of some previous
    stories (none of them lost a member) keeps those stories without being clustered again."""
    items = _sorted_docs(docs)
    index = {d.id: i for i, d in enumerate(items)}
    must = _index_pairs(must_link, index)
    cannot = _index_pairs(cannot_link, index)
    sizes = Counter(previous.values()) if previous is not None else Counter()
    fresh = set(changed)
    out: list[tuple[str, ...]] = []
    for block in blocks(items, must, max_block=max_block):
        ids = [items[k].id for k in block]
        if previous is not None and _unchanged(ids, previous, sizes, fresh):
            kept: dict[str, list[str]] = {}
            for aid in ids:
                kept.setdefault(previous[aid], []).append(aid)
            out += [tuple(members) for members in kept.values()]
            continue
        inside = set(block)
        out += cluster_stories(
            [items[k] for k in block],
            [(items[i].id, items[j].id) for i, j in must if i in inside],
            [(items[i].id, items[j].id) for i, j in cannot if i in inside and j in inside],
            threshold=threshold,
        )
    return sorted(out)


def _unchanged(
    ids: Sequence[str], previous: Mapping[str, str], sizes: Counter[str], fresh: set[str]
) -> bool:
    if any(aid in fresh or aid not in previous for aid in ids):
        return False
    here = Counter(previous[aid] for aid in ids)
    return all(sizes[sid] == n for sid, n in here.items())
