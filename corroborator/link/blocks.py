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

Pairs are found by exact search (every pair's cosine, in row blocks, by BLAS): an approximate
index would make a block depend on the order its index was built in.
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

# Largest block clustered as one. Story clustering of a block costs about the cube of its size
# (average-link over the theme matrix): 1,000 real articles took 25–80 s on 2 cores before
# blocks, so a block of up to 1,500 stays within a couple of minutes at worst, while ECB+'s 982
# documents and news-dev's sets are clustered whole, exactly as before blocks.
MAX_BLOCK = 1500
# How much higher the cosine is set to split a block over MAX_BLOCK (the theme threshold 0.3
# was chosen on a plateau 0.25–0.35 of ECB+ theme quality: one step stays near it).
STEP = 0.05
# Rows of the cosine matrix computed at once (memory: ROWS × articles × 8 bytes).
ROWS = 1024


def pairs(
    docs: Sequence[StoryDoc], threshold: float = THEME_THRESHOLD
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Every pair ``i < j`` of ``docs`` whose cosine (as story clustering compares them, see
    :func:`~corroborator.link.stories._cosines`) reaches ``threshold``, with that cosine."""
    n = len(docs)
    if n < 2:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    vectors = np.stack([np.asarray(d.embedding, dtype=np.float64) for d in docs])
    groups, multi = _language_groups(docs)
    rows_out: list[npt.NDArray[np.int64]] = []
    cols_out: list[npt.NDArray[np.int64]] = []
    cos_out: list[npt.NDArray[np.float64]] = []
    for start in range(0, n, ROWS):
        stop = min(n, start + ROWS)
        cos = _cosines(vectors, groups, multi, slice(start, stop), slice(start, None))
        r, c = np.nonzero(cos >= threshold)
        keep = c > r  # columns start at `start`: the upper triangle only
        rows_out.append(r[keep] + start)
        cols_out.append(c[keep] + start)
        cos_out.append(cos[r[keep], c[keep]])
    return np.concatenate(rows_out), np.concatenate(cols_out), np.concatenate(cos_out)


def _components(
    n: int, rows: npt.NDArray[np.int64], cols: npt.NDArray[np.int64]
) -> list[list[int]]:
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = {}
    for i, label in enumerate(labels.tolist()):
        groups.setdefault(label, []).append(i)
    return sorted(groups.values())


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
    rows, cols, cos = pairs(docs)
    if must:
        m = np.array(sorted(must), dtype=np.int64).reshape(-1, 2)
        rows = np.concatenate([rows, m.min(axis=1)])
        cols = np.concatenate([cols, m.max(axis=1)])
        cos = np.concatenate([cos, np.full(len(m), np.inf)])
    return _split(len(docs), rows, cols, cos, THEME_THRESHOLD, max_block)


def _split(
    n: int,
    rows: npt.NDArray[np.int64],
    cols: npt.NDArray[np.int64],
    cos: npt.NDArray[np.float64],
    threshold: float,
    max_block: int,
) -> list[list[int]]:
    keep = cos >= threshold
    rows, cols, cos = rows[keep], cols[keep], cos[keep]
    out: list[list[int]] = []
    for comp in _components(n, rows, cols):
        if len(comp) <= max_block or threshold >= 1.0:
            out.append(comp)
            continue
        local = np.full(n, -1, dtype=np.int64)
        local[comp] = np.arange(len(comp))
        inside = (local[rows] >= 0) & (local[cols] >= 0)
        parts = _split(
            len(comp),
            local[rows[inside]],
            local[cols[inside]],
            cos[inside],
            round(threshold + STEP, 6),
            max_block,
        )
        out += [[comp[k] for k in part] for part in parts]
    return sorted(out)


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
