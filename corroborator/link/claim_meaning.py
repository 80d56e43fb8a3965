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
  phrases of a story and cached for the process, so each phrase is embedded once per link run;
* a pair that crosses languages (a Russian subject against an English one, told apart by their
  script: :func:`language_of`) is compared on the multilingual encoder the story linker uses
  (:func:`corroborator.analyze.embeddings.embed_multilingual`), whose cosines sit on their own
  scale (:data:`CROSS_FLOOR`, :data:`CROSS_ALIKE`); word overlap says nothing across scripts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
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
# The same scale for a subject pair that crosses languages, on the multilingual encoder's
# cosines. Calibrated on 15 EN/RU pairs of one quantity (Russian as lemma phrases: "death toll
# in Myanmar"/"число погибший в мьянма" 0.63, "talks lasted"/"переговоры продолжаться" 0.73,
# "documents on cooperation"/"документ о сотрудничество" 0.92; min 0.41, median 0.67) and 13
# pairs of different quantities of the same stories ("rescuers"/"число погибший в мьянма"
# 0.10, "oil supplies to China"/"товарооборот между россия и китай" 0.42; median 0.19, max
# 0.47): below 0.35 the cosine says nothing; 0.6 (under the median of same-quantity pairs, over
# every different pair) aligns on its own; in between only with agreeing values
# (tests/test_claims_crosslingual.py holds pairs of both kinds).
CROSS_FLOOR = 0.35
CROSS_ALIKE = 0.6
# Cosine at or above which a word of another language translates an English word: the
# counted noun of a Russian count is the word that translates its unit ("документ"/"document"
# 0.96, "самолёт"/"plane" 0.81, "число"/"number" 0.88, "пострадавший"/"injured" 0.66), while
# a qualifying word stays under it ("мьянма", "российский", "сотрудничество": 0.38 at most
# against the unit and casualty words) — 16 Russian lemmas against 14 English words.
TRANSLATES = 0.65
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")


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


def language_of(text: str) -> str | None:
    """``"ru"`` for a text written mostly in Cyrillic, ``"en"`` for one mostly in Latin letters,
    None when it has no letters: claim values carry no language, their words show it."""
    cyrillic, latin = len(_CYRILLIC.findall(text)), len(_LATIN.findall(text))
    if not cyrillic and not latin:
        return None
    return "ru" if cyrillic > latin else "en"


def crosses_languages(a: ClaimValue, b: ClaimValue) -> bool:
    """Whether ``a`` and ``b`` come from sentences in two languages (judged on their quotes,
    else their subjects)."""
    la = language_of(a.quote or a.subject)
    lb = language_of(b.quote or b.subject)
    return la is not None and lb is not None and la != lb


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
_MULTILINGUAL: dict[str, npt.NDArray[np.float32]] = {}


def _embed_missing(texts: Iterable[str]) -> None:
    missing = sorted({t for t in texts if t and t not in _VECTORS})
    if not missing:
        return
    from corroborator.analyze.embeddings import embed

    for text, vector in zip(missing, embed(missing), strict=True):
        _VECTORS[text] = vector


def _embed_multilingual_missing(texts: Iterable[str]) -> None:
    missing = sorted({t for t in texts if t and t not in _MULTILINGUAL})
    if not missing:
        return
    from corroborator.analyze.embeddings import embed_multilingual

    for text, vector in zip(missing, embed_multilingual(missing), strict=True):
        _MULTILINGUAL[text] = vector


def untranslated(words: Sequence[str], english: Sequence[str]) -> list[str]:
    """``words`` without those that translate one of the ``english`` words (multilingual
    cosine at or above :data:`TRANSLATES`)."""
    if not words or not english:
        return list(words)
    _embed_multilingual_missing([*words, *english])
    targets = np.stack([_MULTILINGUAL[e] for e in english])
    return [w for w in words if float(np.max(targets @ _MULTILINGUAL[w])) < TRANSLATES]


def translation(words: Sequence[str], english: Sequence[str]) -> str | None:
    """The one of ``english`` that one of ``words`` (in another language) translates best, if
    any is translated (multilingual cosine at or above :data:`TRANSLATES`)."""
    words, english = [w for w in words if w], [e for e in english if e]
    if not words or not english:
        return None
    _embed_multilingual_missing([*words, *english])
    score, best = max(
        (float(_MULTILINGUAL[w] @ _MULTILINGUAL[e]), e) for w in words for e in english
    )
    return best if score >= TRANSLATES else None


def multilingual_cosine(a: str, b: str) -> float:
    """Cosine of two phrases on the multilingual encoder (0 for an empty phrase)."""
    if not a or not b:
        return 0.0
    _embed_multilingual_missing((a, b))
    return float(_MULTILINGUAL[a] @ _MULTILINGUAL[b])


def _scaled_cosine(c: float, floor: float, alike: float, align_at: float) -> float:
    """A cosine on the similarity scale: 0 at or below ``floor``, ``align_at`` at ``alike``,
    at most 1."""
    if c <= floor:
        return 0.0
    return min(1.0, (c - floor) / (alike - floor) * align_at)


class MeaningSimilarity:
    """Subject similarity by meaning: the larger of ``lexical`` (word overlap) and the
    embedding cosine mapped onto the same scale (0 at :data:`EMBED_FLOOR`, ``align_at`` at
    :data:`EMBED_ALIKE`, at most 1); for two phrases in two languages, the multilingual cosine
    alone (0 at :data:`CROSS_FLOOR`, ``align_at`` at :data:`CROSS_ALIKE`)."""

    def __init__(
        self, texts: Iterable[str], lexical: Callable[[str, str], float], align_at: float
    ) -> None:
        texts = [t for t in texts if t]
        # one batch for the story; cached for the rest of the run. English phrases go to
        # MiniLM; the multilingual encoder is loaded only when the story has two languages.
        languages = {language_of(t) for t in texts}
        _embed_missing(t for t in texts if language_of(t) != "ru")
        if "ru" in languages:
            mixed = len(languages - {None}) > 1
            _embed_multilingual_missing(t for t in texts if mixed or language_of(t) == "ru")
        self.lexical = lexical
        self.align_at = align_at

    def cross_cosine(self, a: str, b: str) -> float:
        """Cosine of the two phrases' multilingual embeddings (0 for an empty phrase)."""
        if not a or not b:
            return 0.0
        _embed_multilingual_missing((a, b))
        return float(_MULTILINGUAL[a] @ _MULTILINGUAL[b])

    def cosine(self, a: str, b: str) -> float:
        """Cosine of the two phrases' embeddings (0 for an empty phrase)."""
        if not a or not b:
            return 0.0
        _embed_missing((a, b))
        return float(_VECTORS[a] @ _VECTORS[b])

    def __call__(self, a: str, b: str) -> float:
        la, lb = language_of(a), language_of(b)
        if la is not None and lb is not None and la != lb:
            c = self.cross_cosine(a, b)
            return _scaled_cosine(c, CROSS_FLOOR, CROSS_ALIKE, self.align_at)
        lex = self.lexical(a, b)
        if "ru" in (la, lb):
            # Russian against Russian: MiniLM is English-only, the multilingual space serves
            c = self.cross_cosine(a, b)
            return max(lex, _scaled_cosine(c, CROSS_FLOOR, CROSS_ALIKE, self.align_at))
        c = self.cosine(a, b)
        return max(lex, _scaled_cosine(c, EMBED_FLOOR, EMBED_ALIKE, self.align_at))
