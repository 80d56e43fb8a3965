"""Cross-document event coreference: merge the event mentions of a story that name one happening.

Each mention is described by a :class:`CorefMention`: its story, trigger lemma, event type and
subtype when known, a contextual vector of the trigger and one of its sentence, and its date,
place, participants and other arguments. Within one story, every two mentions get the
probability that they refer to the same happening from a logistic model over:

- the trigger lemmas: equal, and the cosine of their word vectors ("quake" and "temblor");
- the triggers in context: cosine of contextual trigger vectors ("fired" a coach is not "fired"
  a shot) and of sentence vectors, and whether they share a sentence (two mentions in one
  sentence are usually two events);
- the arguments: overlap of argument words, closeness of participants and argument words by
  word vectors ("gunman" and "shooter"), and whether both name participants and none is shared;
- the same lemma in the same document (a report repeats its own event).

Then, as evidence the data set cannot teach (ECB+ has no event types and few dates):

- different event types, or different subtypes of one type (restricted and expanded talks),
  **never** merge: they are sub-events of one happening, not one event;
- the same type adds :data:`W_SAME_TYPE`;
- a date or a place that disagrees *lowers* the probability (:data:`W_DATE_CONFLICT`,
  :data:`W_PLACE_CONFLICT`) but does not forbid the merge: reports do disagree on the day of
  the talks, and the conflict is kept and shown, not used to split the event.

Mentions are grouped by constrained average-link clustering (:mod:`corroborator.link.agglomerate`)
at :data:`THRESHOLD`, story by story. Input is sorted by id, so the result does not depend on
its order.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from corroborator.link.agglomerate import average_link

# --- calibration -------------------------------------------------------------------------------
# Fitted by bench/ecbplus_calibrate.py (coref) on the ECB+ train topics, gold action mentions,
# every pair of mentions inside one of our predicted stories (label: same gold chain); the
# threshold by CoNLL F1 on the dev topics. Never tuned on the test topics 36–45.
BIAS = -5.2
FEATURES = (
    "same_lemma",  # the trigger lemmas are equal
    "lemma_cos",  # cosine of the lemmas' word vectors
    "trigger_cos",  # cosine of the contextual trigger vectors (lemma_cos when one is missing)
    "context_cos",  # cosine of the sentence vectors (0 when one is missing)
    "same_sentence",  # both in one sentence of one document
    "participants_conflict",  # both name participants and none is shared
    "arguments",  # Jaccard overlap of argument words
    "arguments_soft",  # mean best cosine between argument word vectors, both ways
    "same_lemma_same_doc",  # the same lemma twice in one document
)
WEIGHTS = (-0.8, 2.3, 6.5, -1.8, -1.4, -0.2, 2.3, 0.6, 0.8)
# Not fitted (ECB+ mentions carry no event types, and few dates): one logit unit each, so a
# pair the model otherwise finds likely (p ≥ 0.5) still merges across one date or place
# conflict (p ≥ 0.27, above THRESHOLD), while a borderline pair does not.
W_SAME_TYPE = 1.0
W_DATE_CONFLICT = -1.0
W_PLACE_CONFLICT = -1.0
# Average-link threshold on p: best CoNLL F1 on the dev topics with our own story clusters
# (80.2 at 0.25, against 79.9 at 0.2 and 79.5 at 0.3; the lemma baseline there: 75.6).
THRESHOLD = 0.25
# -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CorefMention:
    """The features of one event mention that coreference uses.

    ``story`` is the story cluster the mention's article belongs to: only mentions of one story
    can merge. ``lemma`` is the trigger's lemma ("arrest"). ``type``/``subtype`` come from the
    event ontology when the extractor typed the mention. ``trigger`` is a contextual vector of
    the trigger (:func:`corroborator.analyze.embeddings.embed_spans` over its sentence) and
    ``context`` a vector of its sentence (:func:`~corroborator.analyze.embeddings.embed`).
    ``sentence`` is the sentence's index in its document. ``date`` is an ISO date (or month or
    year), ``place`` a canonical place, ``participants`` canonical people and organisations
    taking part, ``arguments`` other argument words (lemmas of subject, object, modifiers).
    """

    id: str
    doc: str
    story: str
    lemma: str
    type: str | None = None
    subtype: str | None = None
    trigger: npt.NDArray[np.float32] | None = field(default=None, compare=False, repr=False)
    context: npt.NDArray[np.float32] | None = field(default=None, compare=False, repr=False)
    sentence: int | None = None
    date: str | None = None
    place: str | None = None
    participants: frozenset[str] = frozenset()
    arguments: frozenset[str] = frozenset()


WordVectors = Callable[[Sequence[str]], npt.NDArray[np.float32]]


# Word vectors already computed in this process: lemmas and argument words repeat across stories
# and builds. 200k entries of 384 floats is about 300 MB at most; cleared when full.
_WORD_CACHE: dict[str, npt.NDArray[np.float32]] = {}
_WORD_CACHE_MAX = 200_000


def _default_word_vectors(words: Sequence[str]) -> npt.NDArray[np.float32]:
    from corroborator.analyze.embeddings import DIMENSIONS, embed

    missing = sorted({w for w in words if w not in _WORD_CACHE})
    if len(_WORD_CACHE) + len(missing) > _WORD_CACHE_MAX:
        _WORD_CACHE.clear()
        missing = sorted(set(words))
    for word, vec in zip(missing, embed(missing), strict=True):
        _WORD_CACHE[word] = vec
    if not words:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return np.stack([_WORD_CACHE[w] for w in words])


def _dates_conflict(a: str | None, b: str | None) -> bool:
    """Both dates known and not overlapping ("2025-11-26" and "2025-11" overlap)."""
    if not a or not b:
        return False
    a, b = a.strip(), b.strip()
    return not (a.startswith(b) or b.startswith(a))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -700 else 0.0


def _cos_matrix(rows: Sequence[npt.NDArray[np.float32] | None]) -> npt.NDArray[np.float64] | None:
    """Cosine of every two vectors, NaN where one is missing; ``None`` when all are."""
    if all(r is None for r in rows):
        return None
    width = next(len(r) for r in rows if r is not None)
    mat = np.zeros((len(rows), width))
    have = np.zeros(len(rows), dtype=bool)
    for k, r in enumerate(rows):
        if r is not None:
            v = np.asarray(r, dtype=np.float64)
            norm = float(np.linalg.norm(v))
            mat[k] = v / norm if norm else v
            have[k] = True
    out = mat @ mat.T
    out[~have, :] = np.nan
    out[:, ~have] = np.nan
    return out


class _Story:
    """Pairwise features of the mentions of one story, computed together."""

    def __init__(self, mentions: Sequence[CorefMention], words: dict[str, npt.NDArray[np.float64]]):
        self.m = list(mentions)
        self.words = words
        self.trigger = _cos_matrix([x.trigger for x in self.m])
        self.context = _cos_matrix([x.context for x in self.m])
        lem = np.stack([words[x.lemma] for x in self.m])
        self.lemma = lem @ lem.T
        self.args = [x.participants | x.arguments for x in self.m]
        self.arg_vectors = [
            np.stack([words[w] for w in sorted(a)]) if a else None for a in self.args
        ]

    def _soft(self, i: int, j: int) -> float:
        va, vb = self.arg_vectors[i], self.arg_vectors[j]
        if va is None or vb is None:
            return 0.0
        sim = va @ vb.T
        return float(
            (sim.max(axis=1).sum() / sim.shape[0] + sim.max(axis=0).sum() / sim.shape[1]) / 2
        )

    def features(self, i: int, j: int) -> list[float]:
        a, b = self.m[i], self.m[j]
        lemma_cos = float(self.lemma[i, j])
        trig = self.trigger[i, j] if self.trigger is not None else math.nan
        ctx = self.context[i, j] if self.context is not None else math.nan
        same_doc = a.doc == b.doc
        return [
            float(a.lemma == b.lemma),
            lemma_cos,
            lemma_cos if math.isnan(trig) else float(trig),
            0.0 if math.isnan(ctx) else float(ctx),
            float(same_doc and a.sentence is not None and a.sentence == b.sentence),
            float(bool(a.participants and b.participants and not a.participants & b.participants)),
            _jaccard(a.arguments, b.arguments),
            self._soft(i, j),
            float(same_doc and a.lemma == b.lemma),
        ]

    def apart(self, i: int, j: int) -> bool:
        """Never the same event: different types, or different subtypes of one type."""
        a, b = self.m[i], self.m[j]
        if a.type and b.type and a.type != b.type:
            return True
        return bool(a.type and a.type == b.type and a.subtype and b.subtype
                    and a.subtype != b.subtype)  # fmt: skip

    def probability(self, i: int, j: int) -> float:
        a, b = self.m[i], self.m[j]
        logit = BIAS + sum(w * x for w, x in zip(WEIGHTS, self.features(i, j), strict=True))
        if a.type and a.type == b.type:
            logit += W_SAME_TYPE
        if _dates_conflict(a.date, b.date):
            logit += W_DATE_CONFLICT
        if a.place and b.place and a.place != b.place:
            logit += W_PLACE_CONFLICT
        return _sigmoid(logit)


def _word_table(
    mentions: Sequence[CorefMention], word_vectors: WordVectors
) -> dict[str, npt.NDArray[np.float64]]:
    words = sorted({m.lemma for m in mentions} | {w for m in mentions for w in m.participants}
                   | {w for m in mentions for w in m.arguments})  # fmt: skip
    vectors = np.asarray(word_vectors(words), dtype=np.float64) if words else np.zeros((0, 1))
    norms = np.linalg.norm(vectors, axis=1, keepdims=True) if len(words) else vectors
    vectors = vectors / np.where(norms == 0, 1.0, norms) if len(words) else vectors
    return dict(zip(words, vectors, strict=True))


def _by_story(mentions: Iterable[CorefMention]) -> dict[str, list[CorefMention]]:
    items = sorted(mentions, key=lambda m: m.id)
    ids = [m.id for m in items]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate mention ids")
    stories: dict[str, list[CorefMention]] = {}
    for m in items:
        stories.setdefault(m.story, []).append(m)
    return stories


def cluster_mentions(
    mentions: Iterable[CorefMention],
    *,
    threshold: float = THRESHOLD,
    word_vectors: WordVectors | None = None,
) -> list[tuple[str, ...]]:
    """Group ``mentions`` into events: tuples of mention ids, each sorted, in order of first id.

    Only mentions of one story merge. ``word_vectors`` embeds lemmas and argument words
    (default: the packaged MiniLM, :func:`corroborator.analyze.embeddings.embed`).
    """
    stories = _by_story(mentions)
    if not stories:
        return []
    words = _word_table([m for ms in stories.values() for m in ms],
                        word_vectors or _default_word_vectors)  # fmt: skip
    out: list[tuple[str, ...]] = []
    for key in sorted(stories):
        group = stories[key]
        if len(group) == 1:
            out.append((group[0].id,))
            continue
        story = _Story(group, words)
        n = len(group)
        sim = np.zeros((n, n))
        cannot: list[tuple[int, int]] = []
        for i in range(n):
            for j in range(i + 1, n):
                if story.apart(i, j):
                    cannot.append((i, j))
                else:
                    sim[i, j] = sim[j, i] = story.probability(i, j)
        for cluster in average_link(sim, threshold, (), cannot, [m.id for m in group]):
            out.append(tuple(group[k].id for k in cluster))
    return sorted(out)


def mention_similarity(
    a: CorefMention, b: CorefMention, *, word_vectors: WordVectors | None = None
) -> float:
    """The probability that ``a`` and ``b`` name the same happening (0 across stories or types)."""
    if a.story != b.story:
        return 0.0
    words = _word_table([a, b], word_vectors or _default_word_vectors)
    story = _Story(sorted((a, b), key=lambda m: m.id), words)
    return 0.0 if story.apart(0, 1) else story.probability(0, 1)


def story_pair_features(
    mentions: Iterable[CorefMention], *, word_vectors: WordVectors | None = None
) -> tuple[list[tuple[str, str]], npt.NDArray[np.float64]]:
    """Every pair of mentions of one story and its feature row (for calibration)."""
    stories = _by_story(mentions)
    words = _word_table([m for ms in stories.values() for m in ms],
                        word_vectors or _default_word_vectors)  # fmt: skip
    pairs: list[tuple[str, str]] = []
    rows: list[list[float]] = []
    for key in sorted(stories):
        group = stories[key]
        story = _Story(group, words)
        for i in range(len(group)):
            for j in range(i + 1, len(group)):
                pairs.append((group[i].id, group[j].id))
                rows.append(story.features(i, j))
    return pairs, np.array(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))
