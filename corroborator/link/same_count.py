"""The counts a toll mention gives, so that an undated toll can be recognised as the release
another report dates: the same figure ("killing at least 2,417 people", «погибли 2417
человек») is the same count, published once, whichever report repeats it.

The figures are the mention's :attr:`~corroborator.model.EventMention.counts`, read by the
analysis from the claims of its sentence; nothing here reads the quote."""

from __future__ import annotations

from corroborator.model import EventMention

# Counts below this are too common to name one release: two reports may give "45 injured"
# of different releases, or a day of the month ("March 28") beside a toll. Three digits and
# more (the tolls news-dev's quake reports repeat: 1,002, 1,644, 3,408) rarely coincide.
MIN_COUNT = 100


def counts(m: EventMention) -> set[int]:
    """The counts of MIN_COUNT or more that the sentence of ``m`` gives."""
    return {n for n in m.counts if n >= MIN_COUNT}


def shares_count(m: EventMention, others: list[EventMention]) -> bool:
    """Whether a mention of another article among ``others`` gives a count that ``m`` gives."""
    mine = counts(m)
    return bool(mine) and any(o.article_id != m.article_id and mine & counts(o) for o in others)
