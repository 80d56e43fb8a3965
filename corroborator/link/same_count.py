"""The counts a toll mention gives, so that an undated toll can be recognised as the release
another report dates: the same figure ("killing at least 2,417 people", «погибли 2417
человек») is the same count, published once, whichever report repeats it."""

from __future__ import annotations

import re

from corroborator.model import EventMention

# A whole number, with thousands grouped by a comma, a space or a no-break space ("1,002",
# "1 002", "1002"), not part of a decimal ("7.7", «7,7») nor of a longer number.
_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:[,\u00a0\u202f ]\d{3})+|\d+)(?!\d|[.,]\d)")

# Counts below this are too common to name one release: two reports may give "45 injured"
# of different releases, or a day of the month ("March 28") beside a toll. Three digits and
# more (the tolls news-dev's quake reports repeat: 1,002, 1,644, 3,408) rarely coincide.
MIN_COUNT = 100


def counts(m: EventMention) -> set[int]:
    """The counts written in the sentence of ``m``: whole numbers of MIN_COUNT or more that are
    not years (a four-digit number from 1900 to 2099 written without grouping)."""
    out: set[int] = set()
    for hit in _NUMBER.finditer(m.quote):
        text = hit.group(0)
        value = int(re.sub(r"\D", "", text))
        if value < MIN_COUNT:
            continue
        if text.isdigit() and len(text) == 4 and 1900 <= value <= 2099:
            continue  # a year ("in 2025")
        out.add(value)
    return out


def shares_count(m: EventMention, others: list[EventMention]) -> bool:
    """Whether a mention of another article among ``others`` writes a count that ``m`` writes."""
    mine = counts(m)
    return bool(mine) and any(o.article_id != m.article_id and mine & counts(o) for o in others)
