"""Nearest neighbours of article vectors, by faiss (``faiss-cpu``).

Linking finds which articles may belong together through their embeddings' nearest neighbours
instead of every pair: the blocks of a full run are built on each article's
:data:`NEIGHBOURS` nearest (:func:`knn_pairs`, a flat inner-product index), and a new article
looks up its own (:func:`nearest`) in the linked articles' vectors kept beside the store
(:class:`VectorFile`, memory-mapped: nothing is read from the store for it). The search is
exact (inner products of unit vectors, by BLAS): its answer is a function of the set of
vectors, never of the order they were added in, which keeps linking independent of the order
articles arrived in. Why exact rather than a graph index (hnswlib, usearch, faiss HNSW) is
measured in ``docs/benchmarks.md``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import numpy as np
import numpy.typing as npt

# Neighbours per article in a full run's blocks. A story's articles are each other's nearest
# (a story of 500 stays connected through chains of them), and a block is cut at the theme
# cosine anyway; 64 keeps a theme's members tied on the synthetic 100k store while the pairs
# stay at a few million (memory: about 100 MB at 100k articles).
NEIGHBOURS = 64
# Queries answered at once (memory: QUERIES × articles × 4 bytes of scores inside faiss).
QUERIES = 2048


def nearest(
    matrix: npt.NDArray[np.float32], query: npt.NDArray[np.floating], k: int
) -> list[tuple[int, float]]:
    """The ``k`` rows of ``matrix`` (may be memory-mapped) nearest ``query``, most similar
    first, with their inner products: exact, by faiss, without building an index."""
    import faiss

    if not len(matrix) or k <= 0:
        return []
    q = np.ascontiguousarray(np.asarray(query, dtype=np.float32).reshape(1, -1))
    scores, rows = faiss.knn(q, matrix, min(k, len(matrix)), metric=faiss.METRIC_INNER_PRODUCT)
    return [
        (int(r), float(sc))
        for sc, r in zip(scores[0].tolist(), rows[0].tolist(), strict=True)
        if r >= 0
    ]


class VectorFile:
    """The article vectors of one model kept beside a store file, so that a new article's
    nearest neighbours are found without reading every vector from the store: float32 rows,
    memory-mapped, and their ids, one per line. A cache: a full linking run writes it, placing
    an article appends to it, and it is written again from the store whenever its number of
    rows is not the number of linked articles. A store that is no local file (a server) has
    none, and its vectors are read from the store."""

    def __init__(self, location: str, model: str) -> None:
        path = Path(location)
        slug = re.sub(r"[^A-Za-z0-9]+", "-", model).strip("-")
        self.base = path.with_name(f"{path.name}.{slug}") if path.is_file() else None

    def _paths(self) -> tuple[Path, Path]:
        assert self.base is not None
        return self.base.with_suffix(self.base.suffix + ".f32"), self.base.with_suffix(
            self.base.suffix + ".ids"
        )

    def write(self, ids: list[str], matrix: npt.NDArray[np.float32]) -> None:
        """Replace the file by ``ids`` and their rows (written aside, then renamed)."""
        if self.base is None:
            return
        data, names = self._paths()
        # the matrix's own buffer is written (no bytes copy of it: 154 MB at 100,000 articles)
        rows = np.ascontiguousarray(matrix, dtype=np.float32)
        for target, content in (
            (data, rows.data.cast("B")),
            (names, memoryview("".join(f"{i}\n" for i in ids).encode("utf-8"))),
        ):
            aside = target.with_suffix(target.suffix + ".tmp")
            aside.write_bytes(content)
            os.replace(aside, target)

    def append(self, aid: str, vector: npt.NDArray[np.float32]) -> None:
        """Add one row."""
        if self.base is None:
            return
        data, names = self._paths()
        with data.open("ab") as out:
            out.write(np.asarray(vector, dtype=np.float32).tobytes())
        with names.open("ab") as out:
            out.write(f"{aid}\n".encode())

    def read(self, rows: int) -> tuple[list[str], npt.NDArray[np.float32]] | None:
        """The ids and rows, when the file holds ``rows`` of them (else ``None``)."""
        if self.base is None or not rows:
            return None
        data, names = self._paths()
        try:
            ids = names.read_text("utf-8").splitlines()
            size = data.stat().st_size
        except OSError:
            return None
        width = size // (4 * rows)
        if len(ids) != rows or not width or size != rows * width * 4:
            return None
        matrix = np.memmap(data, dtype=np.float32, mode="r", shape=(rows, width))
        return ids, matrix


def knn_pairs(
    vectors: npt.NDArray[np.floating],
    k: int = NEIGHBOURS,
    rows: npt.NDArray[np.integer] | None = None,
) -> npt.NDArray[np.int32]:
    """Index pairs ``(i, j)``, ``i < j``, where one is among the other's ``k`` nearest (by
    inner product), sorted and unique, as 32-bit indices. ``rows`` (default: all) names which
    rows of ``vectors`` take part; pairs are given in indices of ``vectors``. Exact
    (``faiss.knn``, :data:`QUERIES` rows at a time, no index copy); the neighbour lists are kept
    as 32-bit indices, each pair taken from one of them only and kept as one 64-bit number,
    and those are sorted in place, so memory stays at a few bytes per pair (at 100,000
    articles, 26 MB of lists, 3.8 million pairs: 30 MB of numbers, 30 MB of pairs)."""
    import faiss

    chosen = None if rows is None else np.asarray(rows, dtype=np.int64)
    data = (
        np.ascontiguousarray(vectors, dtype=np.float32)
        if chosen is None
        else np.ascontiguousarray(vectors[chosen], dtype=np.float32)
    )
    n = len(data)
    if n < 2:
        return np.zeros((0, 2), dtype=np.int32)
    kk = min(k + 1, n)
    nbrs = np.empty((n, kk), dtype=np.int32)  # every row's neighbours (26 MB at 100,000)
    for start in range(0, n, QUERIES):
        _, found = faiss.knn(data[start : start + QUERIES], data, kk,
                             metric=faiss.METRIC_INNER_PRODUCT)  # fmt: skip
        nbrs[start : start + len(found)] = found
        del found
    del data
    # a pair is taken from the list of its smaller end, or from the larger end's when the
    # smaller's list lacks it: each pair once, with no set of every pair found to deduplicate
    # (at 100,000 articles 6.5 million found, 3.8 million unique: 52 MB of keys before)
    keys = np.empty(n * kk, dtype=np.int64)  # pages past the pairs found are never touched
    used = 0
    for start in range(0, n, QUERIES):
        block = nbrs[start : start + QUERIES].astype(np.int64)
        left = np.arange(start, start + len(block), dtype=np.int64)[:, None]
        back = np.zeros(block.shape, dtype=bool)  # the other end lists this row too
        for c in range(kk):  # column by column: all at once took QUERIES x kk^2 (35 MB)
            back[:, c] = (nbrs[np.maximum(block[:, c], 0)] == left).any(axis=1)
        keep = (block >= 0) & (block != left) & ((block > left) | ~back)
        del back
        a = np.broadcast_to(left, block.shape)[keep]
        b = block[keep]
        chunk = np.minimum(a, b) * n + np.maximum(a, b)
        keys[used : used + len(chunk)] = chunk
        used += len(chunk)
    del nbrs
    keys = keys[:used]
    keys.sort()  # in place
    pairs = np.empty((len(keys), 2), dtype=np.int32)
    pairs[:, 0] = keys // n
    pairs[:, 1] = keys % n
    del keys
    if chosen is not None:
        pairs = chosen.astype(np.int32)[pairs]
    return pairs
