"""Average-link agglomerative clustering with must-link and cannot-link constraints.

Shared by story clustering and event coreference. The procedure is deterministic and does not
depend on the order of the input beyond the order the caller fixes (both callers sort by id):

1. must-link pairs are joined first (union-find); a cannot-link pair inside one must-link
   group is an error;
2. the two clusters with the highest *average* pairwise similarity are merged, as long as that
   average reaches the threshold and no cannot-link pair sits across them; ties go to the pair
   whose members come first in the input order;
3. repeat until no pair qualifies.

Two clusters can only merge when some pair across them reaches the threshold (an average is at
most the maximum), so every final cluster lies inside one connected component of the graph of
pairs at or above the threshold (plus must-links). :func:`components` finds those components
and callers cluster each one on its own, which gives exactly the same result as clustering
everything at once, for a fraction of the cost.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt


class ConstraintError(ValueError):
    """Must-link and cannot-link constraints contradict each other."""


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            # the smaller index is the root, so groups are named by their first member
            self.parent[max(a, b)] = min(a, b)


def components(n: int, edges: Iterable[tuple[int, int]]) -> list[list[int]]:
    """Connected components of the graph on ``range(n)``, each sorted, in order of first member."""
    uf = _UnionFind(n)
    for i, j in edges:
        uf.union(i, j)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(uf.find(i), []).append(i)
    return [groups[k] for k in sorted(groups)]


def average_link(
    sim: npt.NDArray[np.float64],
    threshold: float,
    must_link: Sequence[tuple[int, int]] = (),
    cannot_link: Sequence[tuple[int, int]] = (),
    labels: Sequence[str] | None = None,
) -> list[list[int]]:
    """Cluster the items of the symmetric similarity matrix ``sim`` (indices ``0..n-1``).

    Returns clusters as sorted index lists, ordered by their first member. ``labels`` name
    the items in the error raised for contradictory constraints.
    """
    n = sim.shape[0]
    if n == 0:
        return []
    uf = _UnionFind(n)
    for i, j in must_link:
        uf.union(i, j)
    roots = sorted({uf.find(i) for i in range(n)})
    slot = {r: k for k, r in enumerate(roots)}
    m = len(roots)
    member = np.zeros((m, n))
    for i in range(n):
        member[slot[uf.find(i)], i] = 1.0
    sums = member @ sim @ member.T  # total similarity between every two groups
    sizes = member.sum(axis=1)
    blocked = np.zeros((m, m), dtype=bool)
    for i, j in cannot_link:
        a, b = slot[uf.find(i)], slot[uf.find(j)]
        if a == b:
            names = labels or [str(k) for k in range(n)]
            raise ConstraintError(
                f"{names[i]} and {names[j]} must be apart but are linked through must-links"
            )
        blocked[a, b] = blocked[b, a] = True
    alive = np.ones(m, dtype=bool)
    members: list[list[int]] = [[] for _ in range(m)]
    for i in range(n):
        members[slot[uf.find(i)]].append(i)
    # score[a, b]: the average similarity of groups a and b where they may merge, else -inf.
    avg = sums / np.outer(sizes, sizes)
    score = np.where(~blocked & (avg >= threshold), avg, -np.inf)
    np.fill_diagonal(score, -np.inf)
    while True:
        # ties: the first pair in row-major order, i.e. by first members in input order
        flat = int(np.argmax(score))
        a, b = divmod(flat, m)
        if score[a, b] == -np.inf:
            break
        a, b = min(a, b), max(a, b)
        sums[a, :] += sums[b, :]
        sums[:, a] = sums[a, :]
        sizes[a] += sizes[b]
        blocked[a, :] |= blocked[b, :]
        blocked[:, a] = blocked[a, :]
        alive[b] = False
        members[a] += members[b]
        members[b] = []
        score[b, :] = score[:, b] = -np.inf
        row = sums[a, :] / (sizes[a] * sizes)
        ok = alive & ~blocked[a, :] & (row >= threshold)
        ok[a] = False
        score[a, :] = np.where(ok, row, -np.inf)
        score[:, a] = score[a, :]
    out = [sorted(members[k]) for k in range(m) if alive[k]]
    return sorted(out, key=lambda c: c[0])
