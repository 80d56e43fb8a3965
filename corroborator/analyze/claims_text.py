"""Small text helpers the word-claim modules share: Cyrillic detection, a claim's sentence
bounds and the categorical value they all build."""

from __future__ import annotations

import re

from corroborator.model import ClaimValue

CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_SENTENCE_ENDS = ".!?\n"


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """``(q_start, q_end)`` of the sentence around ``text[start:end]``: after the last stop
    before ``start``, through the first stop at or after ``end`` (its end when none)."""
    q_start = max(text.rfind(c, 0, start) for c in _SENTENCE_ENDS) + 1
    q_ends = [i for c in _SENTENCE_ENDS if (i := text.find(c, end)) >= 0]
    q_end = min(q_ends) + 1 if q_ends else len(text)
    return q_start, q_end


def word_value(
    text: str,
    article_id: str,
    subject: str,
    unit: str,
    value: str,
    span: tuple[int, int],
    quote: tuple[int, int],
    measure: str,
) -> ClaimValue:
    """A categorical value stated in words: ``value`` of ``subject`` told by ``text[span]``
    in the sentence ``text[quote]``, exact, with no period."""
    start, end = span
    q_start, q_end = quote
    return ClaimValue(
        article_id=article_id,
        subject=subject,
        period=None,
        unit=unit,
        kind="categorical",
        value=value,
        text=text[start:end],
        quote=text[q_start:q_end].strip(),
        start=start,
        end=end,
        qualifier="exact",
        measure=measure,
        quote_start=q_start,
        quote_end=q_end,
    )


def word_alternation(words: list[str]) -> str:
    """A regex alternation of ``words``: English words whole, Russian ones as stems, longest
    first."""
    return "|".join(
        re.escape(w) + (r"\w*" if CYRILLIC.match(w) else "")
        for w in sorted(words, key=lambda w: -len(w))
    )


def keyed_words(table: dict[str, list[str]]) -> tuple[re.Pattern[str], dict[str, str]]:
    """The pattern of every word of ``table`` (key → words) standing alone, and each word's key."""
    keys = {str(w).lower(): str(key) for key, words in table.items() for w in words}
    pattern = re.compile(rf"(?<![\w-])(?:{word_alternation(list(keys))})(?![\w-])", re.IGNORECASE)
    return pattern, keys


def word_key(word: str, keys: dict[str, str]) -> str:
    """The key of a matched ``word``: its own, else that of the longest Russian stem it has."""
    low = word.lower()
    if low in keys:
        return keys[low]
    return next(k for w, k in sorted(keys.items(), key=lambda x: -len(x[0])) if low.startswith(w))
