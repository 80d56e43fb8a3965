"""Source dependence: which articles are not independent of each other.

Two articles depend on each other when

* they say they are based on the same wire or agency ("Based on materials from TASS",
  "/TASS/", "(Reuters)"), or one is that agency's own copy;
* they come from the same outlet (one newsroom is one source, however many reports it files);
* they share long runs of text: the Jaccard similarity of their word 5-shingles, estimated with
  MinHash, reaches :data:`SHARED_TEXT_JACCARD`.

Dependence is transitive (union-find): each group counts once wherever "independent sources"
are counted. ``derived_from`` is directed and filled only when the direction is known: an
article based on a wire derives from that wire's own copy when the corpus holds it; of two
near-copies, the later-published one derives from the earlier.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from corroborator.model import Article

# Word 5-shingles: long enough that shared stock phrases ("the two countries", "said on
# Tuesday") do not count, short enough that a lightly edited rewrite still shares most.
SHINGLE = 5
# MinHash permutations: 128 gives a standard error of about 0.04 on the Jaccard estimate.
PERMUTATIONS = 128
# Jaccard of 5-shingle sets at or above which two texts are copies of each other. Rewrites of
# one wire story measured 0.35-0.9 in our tests; independent reports of the same event (the
# seeds' 003 and 004, which quote the same remarks in their own words) stay below 0.05.
SHARED_TEXT_JACCARD = 0.3


@dataclass(frozen=True)
class DependenceGroup:
    """Articles that count as one source, and why."""

    id: str
    articles: tuple[str, ...]
    reasons: tuple[str, ...]


@dataclass
class Dependence:
    """The groups, each article's group, and the directed ``derived_from`` links."""

    groups: list[DependenceGroup] = field(default_factory=list)
    group_of: dict[str, str] = field(default_factory=dict)
    derived_from: dict[str, list[str]] = field(default_factory=dict)

    def independent(self, article_ids: Sequence[str]) -> int:
        """How many independent sources ``article_ids`` are."""
        return len({self.group_of.get(a, a) for a in article_ids})


def _shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}


def _norm(name: str | None) -> str | None:
    if not name:
        return None
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip() or None


def find_dependence(articles: Sequence[Article]) -> Dependence:
    """Group ``articles`` by shared wires, outlets and text."""
    from datasketch import MinHash, MinHashLSH

    ids = sorted(a.id for a in articles)
    by_id = {a.id: a for a in articles}
    parent = {i: i for i in ids}
    reasons: dict[str, set[str]] = {i: set() for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str, why: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
        reasons[a].add(why)
        reasons[b].add(why)

    derived: dict[str, list[str]] = {}
    # wires and outlets
    by_key: dict[str, list[str]] = {}
    for aid in ids:
        a = by_id[aid]
        for wire in a.attributed_to:
            by_key.setdefault(f"wire:{_norm(wire)}", []).append(aid)
        outlet = _norm(a.outlet)
        if outlet:
            by_key.setdefault(f"outlet:{outlet}", []).append(aid)
            # an agency's own copy: the outlet is the wire others are based on
            by_key.setdefault(f"wire:{outlet}", [])
    of_outlet: dict[str | None, list[str]] = {}
    for aid in ids:
        of_outlet.setdefault(_norm(by_id[aid].outlet), []).append(aid)
    for key, members in sorted(by_key.items()):
        kind, name = key.split(":", 1)
        own = of_outlet.get(name, []) if kind == "wire" else []
        if not members:
            continue  # an outlet no article names as its wire
        everyone = sorted(set(members) | set(own))
        for other in everyone[1:]:
            union(everyone[0], other, f"same {kind}: {name}")
        if kind == "wire":
            for m in members:
                derived.setdefault(m, []).extend(o for o in own if o != m)

    # shared text
    lsh = MinHashLSH(threshold=SHARED_TEXT_JACCARD, num_perm=PERMUTATIONS)
    hashes: dict[str, MinHash] = {}
    for aid in ids:
        mh = MinHash(num_perm=PERMUTATIONS, seed=1)
        mh.update_batch([s.encode("utf-8") for s in sorted(_shingles(by_id[aid].text))])
        hashes[aid] = mh
        lsh.insert(aid, mh)
    for aid in ids:
        for other in sorted(lsh.query(hashes[aid])):
            if other <= aid:
                continue
            if hashes[aid].jaccard(hashes[other]) >= SHARED_TEXT_JACCARD:
                union(aid, other, "shared text")
                first, second = sorted(
                    (aid, other), key=lambda x: (by_id[x].published or "9999", x)
                )
                if by_id[first].published and by_id[second].published and first != second:
                    derived.setdefault(second, []).append(first)

    groups: dict[str, list[str]] = {}
    for aid in ids:
        groups.setdefault(find(aid), []).append(aid)
    result = Dependence()
    for root, members in sorted(groups.items()):
        gid = f"src_{root[4:]}" if root.startswith("art_") else f"src_{root}"
        why = sorted(set().union(*(reasons[m] for m in members))) if len(members) > 1 else []
        result.groups.append(DependenceGroup(gid, tuple(members), tuple(why)))
        for m in members:
            result.group_of[m] = gid
    result.derived_from = {k: sorted(set(v)) for k, v in derived.items() if v}
    return result
