"""Claims: multipliers, the factor a quantity changed by — "1.8 times" and "3-fold" after a
number (read by :mod:`.claims_figures`, whose figure this ends), "5x" written against it, and
the one-word forms found here: a verb ("doubled", "halved") or a number word and "fold"
("fivefold", "ten-fold"), which counts parts rather than a factor when said of no change ("the
reasons are twofold")."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from corroborator.analyze.nlp import doc_text

# "5x", "5×" written against the number ("grew 5x"), not "4x4" nor "3 x 4 metres"
TIMES_X = re.compile(r"[x×](?![\w×-])(?!\s*\d)")
# "1.8 times", "3-fold", "5x" after a number
TIMES = re.compile(rf"\s?(?:-\s?fold|fold|\s+times)\b|{TIMES_X.pattern}", re.IGNORECASE)
# after "N times", a comparison or a word of change makes it a factor ("three times higher",
# "1.5 times as much", "a two times increase")
COMPARED_AFTER = re.compile(
    r"\s+(?:more|less|fewer|higher|lower|larger|bigger|greater|smaller|faster|slower|cheaper|"
    r"as\b|over\b|than\b|increase|rise|growth|jump|drop|decline)",
    re.IGNORECASE,
)
_FACTORS = {"doubled": 2.0, "tripled": 3.0, "trebled": 3.0, "quadrupled": 4.0, "halved": 0.5}
_FACTOR_VERBS = re.compile(rf"\b({'|'.join(_FACTORS)})\b", re.IGNORECASE)


@lru_cache(maxsize=8)
def _fold_words(words: tuple[str, ...]) -> re.Pattern[str]:
    """ "fivefold", "ten-fold", "a hundredfold": one of the number ``words`` and "fold"."""
    alt = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"\b(?P<n>{alt})[- ]?fold\b", re.IGNORECASE)


def _counts_parts(doc: Any, start: int, end: int, changes: frozenset[str]) -> bool:
    """Whether a "-fold" word counts parts, not a factor: "the reasons are twofold", "a
    threefold aim" (said of no change: the factor is a change's, "a fivefold increase")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    if word.dep_ in {"acomp", "attr"} and word.head.lemma_.lower() == "be":
        return True
    return bool(word.dep_ == "amod" and word.head.lemma_.lower() not in changes)


def factor_words(
    doc: Any, sent: Any, number_words: Iterable[tuple[str, float]], changes: frozenset[str]
) -> list[tuple[int, int, float, float]]:
    """``(start, end, factor, rounding step)`` of each factor written in one word in ``sent``:
    a verb of multiplying ("doubled"; not "halved to 10 percent", where the figure after is
    the claim) or a number word and "fold" (``changes``: the lemmas of change words)."""
    text = doc_text(doc)
    out = []
    for m in _FACTOR_VERBS.finditer(text, sent.start_char, sent.end_char):
        if re.match(r"\s+(?:to|from)\s+\S*\d", text[m.end() : m.end() + 20]):
            continue
        factor = _FACTORS[m.group(1).lower()]
        out.append((m.start(), m.end(), factor, 0.1 * factor))
    values = dict(number_words)
    for m in _fold_words(tuple(values)).finditer(text, sent.start_char, sent.end_char):
        if not _counts_parts(doc, m.start(), m.end(), changes):
            out.append((m.start(), m.end(), float(values[m.group("n").lower()]), 1.0))
    return out
