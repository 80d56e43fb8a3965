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

Shared text is found through a MinHash LSH whose band keys are kept (:func:`index_keys`, stored
by linking in the store's ``link_keys``): a new article's texts to compare are those sharing a
band key, outlet or wire with it (:func:`place`), never a pass over every text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

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
# LSH bands of ROWS_PER_BAND hash values: datasketch's optimum for a 0.3 threshold over 128
# permutations (false positives and negatives weighed equally), which MinHashLSH used before
# the band keys were stored; any pair found is checked against SHARED_TEXT_JACCARD.
BANDS, ROWS_PER_BAND = 37, 3
# odd 64-bit multipliers that mix one band's hash values into one key
_MIX = np.array([0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9], dtype=np.uint64)


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


_PERMUTATIONS: list[tuple[Any, Any]] = []


def signature(text: str) -> npt.NDArray[np.uint64]:
    """The MinHash signature of ``text``'s word 5-shingles (:data:`PERMUTATIONS` values)."""
    from datasketch import MinHash

    if not _PERMUTATIONS:  # made once: drawing them is most of a short text's cost
        first = MinHash(num_perm=PERMUTATIONS, seed=1)
        _PERMUTATIONS.append((first.permutations, first.scheme))
    permutations, scheme = _PERMUTATIONS[0]
    mh = MinHash(num_perm=PERMUTATIONS, seed=1, permutations=permutations, scheme=scheme)
    mh.update_batch([s.encode("utf-8") for s in sorted(_shingles(text))])
    return np.asarray(mh.hashvalues, dtype=np.uint64)


def band_hashes(signatures: npt.NDArray[np.unsignedinteger]) -> npt.NDArray[np.uint64]:
    """One 64-bit key per LSH band for each row of ``signatures`` (rows × :data:`BANDS`).
    Made band by band: the 64-bit copy of a whole signature matrix would take 89 MB at
    100,000 articles, a band's takes 2.4."""
    out = np.empty((len(signatures), BANDS), dtype=np.uint64)
    for band in range(BANDS):
        rows = signatures[:, band * ROWS_PER_BAND : (band + 1) * ROWS_PER_BAND]
        with np.errstate(over="ignore"):
            mixed = rows.astype(np.uint64) * _MIX[:ROWS_PER_BAND]
        key = mixed[:, 0]
        for k in range(1, ROWS_PER_BAND):
            key = key ^ mixed[:, k]
        out[:, band] = key
    return out


def band_key(band: int, value: int) -> str:
    """A band's key in the linking index: 48 of its hash's bits (a false match only costs one
    Jaccard check)."""
    return f"mh{band}:{value >> 16:012x}"


@dataclass(frozen=True)
class Source:
    """What dependence needs of one article."""

    id: str
    outlet: str | None  # normalised
    wires: tuple[str, ...]  # normalised
    published: str | None


def source(article: Article) -> Source:
    """The :class:`Source` facts of ``article``."""
    wires = tuple(sorted({w for w in map(_norm, article.attributed_to) if w}))
    return Source(article.id, _norm(article.outlet), wires, article.published)


def index_keys(src: Source, sig: npt.NDArray[np.uint64]) -> list[str]:
    """The keys under which linking stores ``src``: its outlet, its wires, its band keys."""
    keys = [f"outlet:{src.outlet}"] if src.outlet else []
    keys += [f"wire:{w}" for w in src.wires]
    keys += [band_key(b, int(h)) for b, h in enumerate(band_hashes(sig[None, :])[0])]
    return keys


def lookup_keys(src: Source, sig: npt.NDArray[np.uint64]) -> list[str]:
    """The keys to look up for a new article ``src``: those of the articles it may depend on
    (same outlet; its wires' own copies and other articles based on them; articles based on
    it, when its outlet is an agency; texts sharing a band)."""
    keys = set(index_keys(src, sig))
    keys |= {f"outlet:{w}" for w in src.wires}
    if src.outlet:
        keys.add(f"wire:{src.outlet}")
    return sorted(keys)


def jaccard(a: npt.NDArray[np.uint64], b: npt.NDArray[np.uint64]) -> float:
    """The MinHash estimate of the Jaccard similarity of two signatures."""
    return float(np.mean(a == b))


def find_dependence(articles: Sequence[Article]) -> Dependence:
    """Group ``articles`` by shared wires, outlets and text."""
    ids = sorted(a.id for a in articles)
    by_id = {a.id: a for a in articles}
    sigs = (
        np.stack([signature(by_id[i].text) for i in ids])
        if ids
        else np.zeros((0, PERMUTATIONS), dtype=np.uint64)
    )
    return group_sources([source(by_id[i]) for i in ids], sigs)


def _pairs_sharing_a_band(sigs: npt.NDArray[np.unsignedinteger]) -> npt.NDArray[np.int64]:
    """Index pairs ``(i, j)``, i < j, of rows of ``sigs`` that share a band key and whose
    estimated Jaccard reaches :data:`SHARED_TEXT_JACCARD`, sorted."""
    n = len(sigs)
    found: list[npt.NDArray[np.int64]] = [np.zeros((0, 2), dtype=np.int64)]
    hashes = band_hashes(sigs) if n else np.zeros((0, BANDS), dtype=np.uint64)
    for band in range(BANDS):
        keys = hashes[:, band]
        order = np.argsort(keys, kind="stable")
        sorted_keys = keys[order]
        bounds = np.flatnonzero(np.diff(sorted_keys)) + 1
        for bucket in np.split(order, bounds):
            if len(bucket) < 2:
                continue
            i, j = np.triu_indices(len(bucket), 1)
            found.append(np.stack([bucket[i], bucket[j]], axis=1))
    pairs = np.unique(np.sort(np.concatenate(found), axis=1), axis=0)
    if not len(pairs):
        return pairs
    same = (sigs[pairs[:, 0]] == sigs[pairs[:, 1]]).mean(axis=1)
    return np.asarray(pairs[same >= SHARED_TEXT_JACCARD], dtype=np.int64)


def group_sources(sources: Sequence[Source], sigs: npt.NDArray[np.unsignedinteger]) -> Dependence:
    """Group ``sources`` (sorted by id, with their signatures, one row each) by shared wires,
    outlets and text."""
    ids = [s.id for s in sources]
    by_id = {s.id: s for s in sources}
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
        for wire in a.wires:
            by_key.setdefault(f"wire:{wire}", []).append(aid)
        if a.outlet:
            by_key.setdefault(f"outlet:{a.outlet}", []).append(aid)
            # an agency's own copy: the outlet is the wire others are based on
            by_key.setdefault(f"wire:{a.outlet}", [])
    of_outlet: dict[str | None, list[str]] = {}
    for aid in ids:
        of_outlet.setdefault(by_id[aid].outlet, []).append(aid)
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

    # shared text: pairs sharing an LSH band, checked on the estimated Jaccard
    for i, j in _pairs_sharing_a_band(sigs).tolist():
        aid, other = ids[i], ids[j]
        union(aid, other, "shared text")
        later = _later(by_id[aid], by_id[other])
        if later is not None:
            derived.setdefault(later[1], []).append(later[0])

    groups: dict[str, list[str]] = {}
    for aid in ids:
        groups.setdefault(find(aid), []).append(aid)
    result = Dependence()
    for root, members in sorted(groups.items()):
        gid = group_id(root)
        why = sorted(set().union(*(reasons[m] for m in members))) if len(members) > 1 else []
        result.groups.append(DependenceGroup(gid, tuple(members), tuple(why)))
        for m in members:
            result.group_of[m] = gid
    result.derived_from = {k: sorted(set(v)) for k, v in derived.items() if v}
    return result


def group_id(root: str) -> str:
    """The id of the dependence group whose lowest article id is ``root``."""
    return f"src_{root[4:]}" if root.startswith("art_") else f"src_{root}"


def _later(a: Source, b: Source) -> tuple[str, str] | None:
    """``(earlier, later)`` of two near-copies, when both publication dates are known."""
    first, second = sorted((a, b), key=lambda x: (x.published or "9999", x.id))
    if first.published and second.published and first.id != second.id:
        return first.id, second.id
    return None


@dataclass
class Placed:
    """What one new article changes in source dependence: its group's id, members and reasons
    (every member's link takes them), and the derived-from lists that gained an entry."""

    group: str
    members: set[str]
    reasons: tuple[str, ...]
    merged: set[str]  # the previous groups now inside ``group``
    derived_from: dict[str, list[str]]


def place(
    new: Source,
    sig: npt.NDArray[np.uint64],
    found: Mapping[str, Sequence[str]],
    sources: Mapping[str, Source],
    signatures: Mapping[str, npt.NDArray[np.uint64]],
    group_of: Mapping[str, str],
    group_reasons: Mapping[str, Iterable[str]],
    group_members: Mapping[str, Iterable[str]],
    derived_from: Mapping[str, Sequence[str]],
) -> Placed:
    """Source dependence after adding ``new`` to articles already grouped: ``found`` is what
    the store holds under :func:`lookup_keys` (key: article ids), ``sources`` and
    ``signatures`` the facts of the articles sharing a band, ``group_of``, ``group_reasons``,
    ``group_members`` and ``derived_from`` what the last linking stored. Gives what
    :func:`group_sources` gives over all articles, for ``new``'s group."""
    related: set[str] = set()
    why: set[str] = set()
    derived: dict[str, list[str]] = {}

    def tie(members: Iterable[str], reason: str) -> None:
        others = {m for m in members if m != new.id}
        if others:
            related.update(others)
            why.add(reason)

    for wire in new.wires:
        own = found.get(f"outlet:{wire}", [])
        tie([*found.get(f"wire:{wire}", []), *own], f"same wire: {wire}")
        if own:
            derived.setdefault(new.id, []).extend(own)
    if new.outlet:
        tie(found.get(f"outlet:{new.outlet}", []), f"same outlet: {new.outlet}")
        based = found.get(f"wire:{new.outlet}", [])
        tie(
            [*based, *found.get(f"outlet:{new.outlet}", [])] if based else [],
            f"same wire: {new.outlet}",
        )
        for b in based:
            derived.setdefault(b, []).append(new.id)
    bands = {
        aid
        for b, h in enumerate(band_hashes(sig[None, :])[0])
        for aid in found.get(band_key(b, int(h)), [])
    }
    for aid in sorted(bands - {new.id}):
        if aid in signatures and jaccard(sig, signatures[aid]) >= SHARED_TEXT_JACCARD:
            tie([aid], "shared text")
            later = _later(new, sources[aid])
            if later is not None:
                derived.setdefault(later[1], []).append(later[0])
    merged = {group_of[a] for a in related if a in group_of}
    members = {new.id}.union(*(group_members.get(g, ()) for g in merged))
    reasons = set(why).union(*(group_reasons.get(g, ()) for g in merged))
    out = {
        k: sorted(set(derived_from.get(k, ())) | set(v))
        for k, v in derived.items()
        if set(v) - set(derived_from.get(k, ()))
    }
    return Placed(
        group_id(min(members)),
        members,
        tuple(sorted(reasons)) if len(members) > 1 else (),
        merged,
        out,
    )
