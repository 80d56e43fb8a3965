"""Small text helpers the word-claim modules share: Cyrillic detection and a claim's sentence
bounds."""

from __future__ import annotations

import re

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_SENTENCE_ENDS = ".!?\n"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``(q_start, q_end)`` of the sentence around ``text[start:end]``: after the last stop
    before ``start``, through the first stop at or after ``end`` (its end when none)."""
    q_start = max(text.rfind(c, 0, start) for c in _SENTENCE_ENDS) + 1
    q_ends = [i for c in _SENTENCE_ENDS if (i := text.find(c, end)) >= 0]
    q_end = min(q_ends) + 1 if q_ends else len(text)
    return q_start, q_end
