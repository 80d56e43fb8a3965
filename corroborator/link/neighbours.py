"""Nearest neighbours of article vectors, by faiss (``faiss-cpu``).

Linking finds which articles may belong together through their embeddings' nearest neighbours
instead of every pair: the blocks of a full run are built on each article's
:data:`NEIGHBOURS` nearest (:func:`knn_pairs`), and a new article looks up its own
(:class:`VectorIndex`). The search is exact (``IndexFlatIP``: inner products of unit vectors,
by BLAS): its answer is a function of the set of vectors, never of the order they were added
in, which keeps linking independent of the order articles arrived in. Why exact rather than a
graph index (hnswlib, usearch, faiss HNSW) is measured in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

# Neighbours per article in a full run's blocks. A story's articles are each other's nearest
# (a story of 500 stays connected through chains of them), and a block is cut at the theme
# cosine anyway; 64 keeps a theme's members tied on the synthetic 100k store while the pairs
# stay at a few million (memory: about 100 MB at 100k articles).
NEIGHBOURS = 64
# Queries answered at once (memory: QUERIES × articles × 4 bytes of scores inside faiss).
QUERIES = 2048


class VectorIndex:
    """An exact inner-product index over unit vectors (float32), rows named by ids."""

    def __init__(self, ids: list[str], vectors: npt.NDArray[np.float32]) -> None:
        import faiss

        self.ids = ids
        width = vectors.shape[1] if vectors.ndim == 2 and len(vectors) else 1
        self._index = faiss.IndexFlatIP(width)
        if len(ids):
            self._index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    def search(self, query: npt.NDArray[np.floating], k: int) -> list[tuple[str, float]]:
        """The ``k`` rows nearest ``query`` (most similar first), with their inner products."""
        if not self.ids or k <= 0:
            return []
        q = np.ascontiguousarray(np.asarray(query, dtype=np.float32).reshape(1, -1))
        scores, rows = self._index.search(q, min(k, len(self.ids)))
        return [
            (self.ids[int(r)], float(s))
            for s, r in zip(scores[0].tolist(), rows[0].tolist(), strict=True)
            if r >= 0
        ]


def knn_pairs(
    vectors: npt.NDArray[np.floating],
    k: int = NEIGHBOURS,
    rows: npt.NDArray[np.int64] | None = None,
) -> npt.NDArray[np.int64]:
    """Index pairs ``(i, j)``, ``i < j``, where one is among the other's ``k`` nearest (by
    inner product), sorted and unique. ``rows`` (default: all) names which rows of
    ``vectors`` take part; pairs are given in indices of ``vectors``."""
    import faiss

    chosen = np.arange(len(vectors)) if rows is None else np.asarray(rows, dtype=np.int64)
    n = len(chosen)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int64)
    data = np.ascontiguousarray(vectors[chosen], dtype=np.float32)
    index = faiss.IndexFlatIP(data.shape[1])
    index.add(data)
    kk = min(k + 1, n)
    found: list[npt.NDArray[np.int64]] = []
    for start in range(0, n, QUERIES):
        _, nbrs = index.search(data[start : start + QUERIES], kk)
        left = np.repeat(np.arange(start, start + len(nbrs)), kk)
        right = nbrs.reshape(-1).astype(np.int64)
        keep = (right >= 0) & (right != left)
        a, b = left[keep], right[keep]
        found.append(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1))
    pairs = np.unique(np.concatenate(found), axis=0)
    return np.asarray(chosen[pairs], dtype=np.int64)
