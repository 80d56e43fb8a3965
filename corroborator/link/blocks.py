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

Up to :data:`ALL_PAIRS_UP_TO` articles every pair is a candidate; above, the pairs are each
article's :data:`~corroborator.link.neighbours.NEIGHBOURS` nearest by exact search (faiss, in
the main embedding and, across languages, in the multilingual one), each scored by the cosine
story clustering compares, so the blocks stay a function of the set of articles. (A graph index
would make them depend on the order it was built in.)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

import numpy as np
import numpy.typing as npt
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from corroborator.link.neighbours import knn_pairs
from corroborator.link.stories import (
    BILINGUAL_SCALE,
    BILINGUAL_SHIFT,
    CROSS_SCALE,
    CROSS_SHIFT,
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
# Up to this many articles every pair is a candidate (2 million pairs, a second of BLAS): the
# seeds, news-dev and ECB+ are linked exactly as before nearest neighbours were used.
ALL_PAIRS_UP_TO = 2000
# Pairs scored at once (memory: CHUNK × 384 × 8 bytes, 6 MB, per operand; 8,192 took 25 MB
# each, most of what cutting the blocks of 10,000 articles held; the cosines do not depend on it).
CHUNK = 2048


def _arrays(
    docs: Sequence[StoryDoc],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    vectors = np.stack([np.asarray(d.embedding, dtype=np.float64) for d in docs])
    groups, multi = _language_groups(docs)
    return vectors, groups, multi


def _ladder() -> list[float]:
    """The cosines blocks are cut at: the theme threshold, then :data:`STEP` higher up to 1."""
    out = [THEME_THRESHOLD]
    while out[-1] < 1.0:
        out.append(round(min(1.0, out[-1] + STEP), 6))
    return out


def candidate_pairs(
    vectors: npt.NDArray[np.floating],
    groups: npt.NDArray[np.int64],
    multi: npt.NDArray[np.floating],
) -> npt.NDArray[np.int32]:
    """The pairs ``(i, j)``, ``i < j``, whose cosine blocks are cut on (32-bit indices): all
    of them up to :data:`ALL_PAIRS_UP_TO` articles, else each article's nearest neighbours in
    the main embedding, and, for articles with a multilingual vector, in that one."""
    n = len(vectors)
    if n <= ALL_PAIRS_UP_TO:
        i, j = np.triu_indices(n, 1)
        return np.stack([i, j], axis=1).astype(np.int32)
    pairs = knn_pairs(vectors)
    if (groups > 0).any():
        pairs = np.unique(
            np.concatenate([pairs, knn_pairs(multi, rows=np.flatnonzero(groups >= 0))]), axis=0
        )
    return pairs


def pair_cosines(
    vectors: npt.NDArray[np.floating],
    groups: npt.NDArray[np.int64],
    multi: npt.NDArray[np.floating],
    pairs: npt.NDArray[np.int32],
) -> npt.NDArray[np.float64]:
    """The cosine of each pair as story clustering compares it (the pairwise form of
    :func:`~corroborator.link.stories._cosines`)."""
    out = np.empty(len(pairs))
    for start in range(0, len(pairs), CHUNK):
        r, c = pairs[start : start + CHUNK, 0], pairs[start : start + CHUNK, 1]
        cos = np.einsum("ij,ij->i", vectors[r].astype(np.float64), vectors[c].astype(np.float64))
        gr, gc = groups[r], groups[c]
        cross = ((gr > 0) | (gc > 0)) & (gr >= 0) & (gc >= 0)
        if cross.any():
            raw = np.einsum(
                "ij,ij->i", multi[r[cross]].astype(np.float64), multi[c[cross]].astype(np.float64)
            )
            mixed = (gr[cross] == 0) | (gc[cross] == 0)
            cos[cross] = np.where(
                mixed, BILINGUAL_SCALE * raw + BILINGUAL_SHIFT, CROSS_SCALE * raw + CROSS_SHIFT
            )
        out[start : start + len(r)] = cos
    return out


def _labels(
    n: int,
    pairs: npt.NDArray[np.int32],
    cosines: npt.NDArray[np.float64],
    must: npt.NDArray[np.int32],
    thresholds: Sequence[float],
) -> npt.NDArray[np.int32]:
    """Component labels (one row per threshold) of the graphs of ``pairs`` whose cosine
    reaches each threshold, plus the ``must`` pairs. Labels name the same partition as the
    components of each level's whole graph would (their numbers may differ; callers only group
    by them), found from the top down: a level's components are the next level's joined by the
    pairs whose cosine lies between the two thresholds, so each pair enters one graph, of
    components rather than articles. At 100,000 articles this holds about 40 MB over the pairs,
    where each level's whole graph took 100 (scipy's float64 copy and transpose of it)."""
    labels = np.zeros((len(thresholds), n), dtype=np.int32)
    below = np.arange(n, dtype=np.int32)  # the level above the top: every article alone
    count = n
    upper = np.inf
    for level in range(len(thresholds) - 1, -1, -1):
        band = (cosines >= thresholds[level]) & (cosines < upper)
        edges = pairs[band] if level < len(thresholds) - 1 else np.concatenate([pairs[band], must])
        del band
        rows, cols = below[edges[:, 0]], below[edges[:, 1]]
        del edges
        graph = coo_matrix((np.ones(len(rows), dtype=np.int8), (rows, cols)), shape=(count, count))
        count, joined = connected_components(graph, directed=False)
        del graph, rows, cols
        below = np.asarray(joined, dtype=np.int32)[below]
        labels[level] = below
        upper = thresholds[level]
    return labels


def block_indices(
    vectors: npt.NDArray[np.floating],
    groups: npt.NDArray[np.int64],
    multi: npt.NDArray[np.floating],
    must: Sequence[tuple[int, int]] = (),
    *,
    max_block: int = MAX_BLOCK,
) -> list[list[int]]:
    """The blocks (see :func:`blocks`) of articles given by their vectors and language groups
    (:func:`~corroborator.link.stories._language_groups`)."""
    n = len(vectors)
    if not n:
        return []
    pairs = np.array(sorted(must), dtype=np.int32).reshape(-1, 2)
    candidates = candidate_pairs(vectors, groups, multi)
    if n <= ALL_PAIRS_UP_TO:  # every pair: the cosine matrix at once, by BLAS
        v, m = vectors.astype(np.float64), multi.astype(np.float64)
        cosines = _cosines(v, groups, m, slice(None), slice(None))[
            candidates[:, 0], candidates[:, 1]
        ]
    else:
        cosines = pair_cosines(vectors, groups, multi, candidates)
    # the graph at a higher cosine is a subgraph of the one below: its components nest inside
    # theirs, so a block over max_block is replaced by its components one level up
    labels = _labels(n, candidates, cosines, pairs, _ladder())
    del candidates, cosines
    components: dict[int, list[int]] = {}
    for k, label in enumerate(labels[0].tolist()):
        components.setdefault(label, []).append(k)
    out: list[list[int]] = []
    for comp in components.values():
        out += _split(comp, labels, 0, max_block)
    return sorted(out)


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
    return block_indices(vectors, groups, multi, must, max_block=max_block)


def _split(
    members: list[int], labels: npt.NDArray[np.int32], level: int, max_block: int
) -> list[list[int]]:
    """``members`` (a component at ``level``) as blocks: whole when it fits, else its
    components one level up, each split in turn."""
    if len(members) <= max_block or level == len(labels) - 1:
        return [members]
    parts: dict[int, list[int]] = {}
    for k in members:
        parts.setdefault(int(labels[level + 1, k]), []).append(k)
    out: list[list[int]] = []
    for part in parts.values():
        out += _split(part, labels, level + 1, max_block)
    return out


def cluster_blocks(
    docs: Iterable[StoryDoc],
    must_link: Pairs = (),
    cannot_link: Pairs = (),
    *,
    previous: Mapping[str, str] | None = None,
    changed: Collection[str] = (),
    threshold: float = THRESHOLD,
    max_block: int = MAX_BLOCK,
    progress: Callable[[int, int], None] | None = None,
) -> list[tuple[str, ...]]:
    """Stories of ``docs`` as :func:`~corroborator.link.stories.cluster_stories` finds them,
    one block at a time. With ``previous`` (each document's story id from the last run), a
    block that holds none of the ``changed`` documents and exactly the members of some previous
    stories (none of them lost a member) keeps those stories without being clustered again.
    ``progress(done, total)`` is told the documents placed after each block."""
    items = _sorted_docs(docs)
    index = {d.id: i for i, d in enumerate(items)}
    must = _index_pairs(must_link, index)
    cannot = _index_pairs(cannot_link, index)
    sizes = Counter(previous.values()) if previous is not None else Counter()
    fresh = set(changed)
    out: list[tuple[str, ...]] = []
    placed = 0
    for block in blocks(items, must, max_block=max_block):
        ids = [items[k].id for k in block]
        placed += len(ids)
        if previous is not None and _unchanged(ids, previous, sizes, fresh):
            kept: dict[str, list[str]] = {}
            for aid in ids:
                kept.setdefault(previous[aid], []).append(aid)
            out += [tuple(members) for members in kept.values()]
        else:
            inside = set(block)
            out += cluster_stories(
                [items[k] for k in block],
                [(items[i].id, items[j].id) for i, j in must if i in inside],
                [(items[i].id, items[j].id) for i, j in cannot if i in inside and j in inside],
                threshold=threshold,
            )
        if progress is not None:
            progress(placed, len(items))
    return sorted(out)


def _unchanged(
    ids: Sequence[str], previous: Mapping[str, str], sizes: Counter[str], fresh: set[str]
) -> bool:
    if any(aid in fresh or aid not in previous for aid in ids):
        return False
    here = Counter(previous[aid] for aid in ids)
    return all(sizes[sid] == n for sid, n in here.items())
