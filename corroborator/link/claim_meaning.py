"""What a claim value measures, compared by meaning: unit scales and subject embeddings.

Two figures of one quantity are often worded apart ("the talks lasted", "the meeting ran",
"they spent"; "lives", "the death toll in Myanmar", "deaths") and written in different units
("nearly two hours", "100 minutes"). Here:

* :func:`scaled` puts convertible units on one scale (durations in minutes, from
  ``unit_scales`` in ``claims.yaml``), and :func:`unit_kind` names the scale;
* :func:`phrase` is the text a value's subject is judged on: its subject, or, when the
  extractor found none, the words around the figure in its sentence;
* :class:`MeaningSimilarity` scores two phrases by the cosine of their MiniLM sentence
  embeddings (:func:`corroborator.analyze.embeddings.embed`), computed in one batch for all the
  phrases of a story and cached for the process, so each phrase is embedded once per link run.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import cache

import numpy as np
import numpy.typing as npt

from corroborator import lexicon
from corroborator.model import ClaimValue

# Cosine of two subject phrases at or below which the embedding says nothing (unrelated short
# phrases of one story — "tariffs"/"United States", "deaths"/"At least bodies" — lie at
# 0.3–0.4 on news-dev's development clusters), and the cosine that counts as "alike" on its own
# (worded-apart phrases of one gold quantity: "minute meeting"/"cordial meeting" 0.61, "day
# state visit"/"day official visit" 0.79). Between the two the score rises linearly to the
# alignment threshold, so a middling cosine aligns only with the close-value bonus.
EMBED_FLOOR = 0.3
EMBED_ALIKE = 0.6
# Words either side of a figure taken as its phrase when it has no subject: enough for "the
# talks lasted over seven hours", short enough to leave out the rest of a long sentence.
CONTEXT_WORDS = 5


@cache
def _unit_scales() -> dict[str, tuple[str, float]]:
    out: dict[str, tuple[str, float]] = {}
    for kind, units in (lexicon.load("claims.yaml").get("unit_scales") or {}).items():
        for unit, factor in (units or {}).items():
            out[str(unit)] = (str(kind), float(factor))
    return out


def unit_kind(v: ClaimValue) -> str | None:
    """The unit a value is compared in: its scale's name for convertible units (``duration``
    for hours and minutes alike), else its own unit."""
    scale = _unit_scales().get(v.unit or "")
    return scale[0] if scale else v.unit


def scaled(v: ClaimValue, x: float | None) -> float | None:
    """``x`` (the value or an interval end of ``v``) in the base unit of its scale."""
    if x is None:
        return None
    scale = _unit_scales().get(v.unit or "")
    return x * scale[1] if scale else x


def phrase(v: ClaimValue) -> str:
    """The text ``v``'s subject is judged on: the subject, or the words around the figure."""
    if v.subject.strip():
        return v.subject.strip()
    return context(v)


def context(v: ClaimValue) -> str:
    """The words either side of ``v``'s figure in its sentence."""
    if not v.quote:
        return ""
    at = max(0, v.start - v.quote_start)
    end = max(at, v.end - v.quote_start)
    before = re.findall(r"\S+", v.quote[:at])[-CONTEXT_WORDS:]
    after = re.findall(r"\S+", v.quote[end:])[:CONTEXT_WORDS]
    return " ".join(before + after)


_VECTORS: dict[str, npt.NDArray[np.float32]] = {}


def _embed_missing(texts: Iterable[str]) -> None:
    missing = sorted({t for t in texts if t and t not in _VECTORS})
    if not missing:
        return
    from corroborator.analyze.embeddings import embed

    for text, vector in zip(missing, embed(missing), strict=True):
        _VECTORS[text] = vector


class MeaningSimilarity:
    """Subject similarity by meaning: the larger of ``lexical`` (word overlap) and the
    embedding cosine mapped onto the same scale (0 at :data:`EMBED_FLOOR`, ``align_at`` at
    :data:`EMBED_ALIKE`, at most 1)."""

    def __init__(
        self, texts: Iterable[str], lexical: Callable[[str, str], float], align_at: float
    ) -> None:
        _embed_missing(texts)  # one batch for the story; cached for the rest of the run
        self.lexical = lexical
        self.align_at = align_at

    def cosine(self, a: str, b: str) -> float:
        """Cosine of the two phrases' embeddings (0 for an empty phrase)."""
        if not a or not b:
            return 0.0
        _embed_missing((a, b))
        return float(_VECTORS[a] @ _VECTORS[b])

    def __call__(self, a: str, b: str) -> float:
        lex = self.lexical(a, b)
        c = self.cosine(a, b)
        if c <= EMBED_FLOOR:
            return lex
        return max(lex, min(1.0, (c - EMBED_FLOOR) / (EMBED_ALIKE - EMBED_FLOOR) * self.align_at))
