"""Coreference and clustering scores: MUC, B³, CEAF-e and the CoNLL F1.

The conventions are those of the CoNLL-2012 reference scorer (Pradhan et al. 2014), which the
ECB+ literature uses:

- **MUC** (Vilain et al. 1995) counts links: a key cluster of size ``n`` needs ``n - 1`` links,
  and recall is the share of them the response keeps. Singletons have no links, so they count
  for nothing on either side.
- **B³** (Bagga & Baldwin 1998) averages, over every mention (singletons included), the overlap
  of its key and response clusters.
- **CEAF-e** (Luo 2005) aligns key and response clusters one-to-one (Kuhn–Munkres) with the
  entity similarity φ4 = 2|K ∩ R| / (|K| + |R|).
- **CoNLL F1** is the unweighted mean of the three F1 values.

A clustering is given either as an iterable of sets of item ids or as a mapping from item id to
cluster label. A mention present on one side only counts as a singleton on the other side for
MUC's partitions, and is simply absent there for B³ and CEAF-e, as in the reference scorer.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

Clustering = Iterable[Iterable[Hashable]] | Mapping[Hashable, Hashable]


@dataclass(frozen=True, slots=True)
class Score:
    """Recall, precision and F1 of one metric."""

    recall: float
    precision: float

    @property
    def f1(self) -> float:
        """Harmonic mean of recall and precision (0 when both are 0)."""
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0

    def as_dict(self) -> dict[str, float]:
        """``{"recall", "precision", "f1"}``, for JSON output."""
        return {"recall": self.recall, "precision": self.precision, "f1": self.f1}


@dataclass(frozen=True, slots=True)
class CorefScores:
    """MUC, B³ and CEAF-e of a response against a key, and their CoNLL mean."""

    muc: Score
    b3: Score
    ceafe: Score

    @property
    def conll(self) -> float:
        """The CoNLL F1: the mean of the MUC, B³ and CEAF-e F1 values."""
        return (self.muc.f1 + self.b3.f1 + self.ceafe.f1) / 3

    def as_dict(self) -> dict[str, object]:
        """All scores, for JSON output."""
        return {
            "muc": self.muc.as_dict(),
            "b3": self.b3.as_dict(),
            "ceafe": self.ceafe.as_dict(),
            "conll": self.conll,
        }


def clusters_of(clustering: Clustering) -> list[frozenset[Hashable]]:
    """The clusters of ``clustering`` as a list of non-empty frozensets.

    Raises :class:`ValueError` when an item sits in two clusters.
    """
    if isinstance(clustering, Mapping):
        groups: dict[Hashable, set[Hashable]] = {}
        for item, label in clustering.items():
            groups.setdefault(label, set()).add(item)
        return [frozenset(g) for g in groups.values()]
    out: list[frozenset[Hashable]] = []
    seen: set[Hashable] = set()
    for cluster in clustering:
        members = frozenset(cluster)
        if not members:
            continue
        if seen & members:
            raise ValueError(f"items in more than one cluster: {sorted(map(str, seen & members))}")
        seen |= members
        out.append(members)
    return out


def _index(clusters: list[frozenset[Hashable]]) -> dict[Hashable, int]:
    return {item: i for i, cluster in enumerate(clusters) for item in cluster}


def _muc_recall(key: list[frozenset[Hashable]], response: list[frozenset[Hashable]]) -> float:
    where = _index(response)
    num = den = 0
    for cluster in key:
        # Items the response does not cluster (or does not have) are each a part of their own.
        parts = {where.get(item, ("alone", item)) for item in cluster}
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return num / den if den else 0.0


def muc(key: Clustering, response: Clustering) -> Score:
    """The MUC link-based score of ``response`` against ``key``."""
    k, r = clusters_of(key), clusters_of(response)
    return Score(recall=_muc_recall(k, r), precision=_muc_recall(r, k))


def _b3_recall(key: list[frozenset[Hashable]], response: list[frozenset[Hashable]]) -> float:
    where = _index(response)
    total = sum(len(c) for c in key)
    if not total:
        return 0.0
    acc = 0.0
    for cluster in key:
        overlaps: dict[int, int] = {}
        for item in cluster:
            if item in where:
                overlaps[where[item]] = overlaps.get(where[item], 0) + 1
        acc += sum(n * n for n in overlaps.values()) / len(cluster)
    return acc / total


def b_cubed(key: Clustering, response: Clustering) -> Score:
    """The B³ score of ``response`` against ``key``, averaged over all mentions."""
    k, r = clusters_of(key), clusters_of(response)
    return Score(recall=_b3_recall(k, r), precision=_b3_recall(r, k))


def ceaf_e(key: Clustering, response: Clustering) -> Score:
    """The entity-based CEAF (φ4) score of ``response`` against ``key``."""
    k, r = clusters_of(key), clusters_of(response)
    if not k or not r:
        return Score(0.0, 0.0)
    sim = np.zeros((len(k), len(r)))
    where = _index(r)
    for i, cluster in enumerate(k):
        for item in cluster:
            j = where.get(item)
            if j is not None:
                sim[i, j] += 1.0
    sizes_k = np.array([len(c) for c in k], dtype=float)[:, None]
    sizes_r = np.array([len(c) for c in r], dtype=float)[None, :]
    sim = 2.0 * sim / (sizes_k + sizes_r)
    rows, cols = linear_sum_assignment(sim, maximize=True)
    best = float(sim[rows, cols].sum())
    return Score(recall=best / len(k), precision=best / len(r))


def coref_scores(key: Clustering, response: Clustering) -> CorefScores:
    """MUC, B³ and CEAF-e of ``response`` against ``key`` (and, through them, CoNLL F1)."""
    k, r = clusters_of(key), clusters_of(response)
    return CorefScores(muc=muc(k, r), b3=b_cubed(k, r), ceafe=ceaf_e(k, r))


def conll_f1(key: Clustering, response: Clustering) -> float:
    """The CoNLL F1 of ``response`` against ``key``: mean of MUC, B³ and CEAF-e F1."""
    return coref_scores(key, response).conll
