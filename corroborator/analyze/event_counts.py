"""The figures an event mention's sentence gives, carried on the mention for the link stage.

A toll or an aid delivery that one report dates and another gives undated is recognised by its
figure: "killing at least 2,417 people" and «погибли 2417 человек» are the same count, published
once, whichever report repeats it (:mod:`corroborator.link.same_count`). The figures are those
of the claims the analysis has already read in the mention's sentence (:mod:`.claims`,
:mod:`.claims_ru`): a number is read once, with the claims' grammar of numbers (grouping,
decimal commas, scale words; years, dates and ages are no claims), and never again from the
quote.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from corroborator.model import ClaimValue, EventMention

# Figures that say how many or how much; a share, a change or a length of time ("almost all",
# "rose by 150%", "one hour and 40 minutes") is no count a report released.
_MEASURES = frozenset({"count", "amount"})


def _figure(c: ClaimValue) -> int | None:
    """The whole number ``c`` counts or measures in digits, or None (a word figure, a share, a
    change, a length of time, a fraction)."""
    if c.kind != "numeric" or c.measure not in _MEASURES or isinstance(c.value, str):
        return None
    if not float(c.value).is_integer():
        return None
    # a figure written only in words is left out: a vague plural ("thousands", «сотни», "tens
    # of millions") stands for the least it allows, not for a figure anyone released
    return int(c.value) if any(ch.isdigit() for ch in c.text) else None


def with_counts(
    events: Sequence[EventMention], claims: Sequence[ClaimValue]
) -> tuple[EventMention, ...]:
    """``events``, each with the counts its sentence gives: the whole numbers that the numeric
    claims inside the sentence count or measure in digits ("at least 2,417 people" → 2417,
    «1,6 тысячи» → 1600), in increasing order."""
    figures = sorted((c.start, c.end, n) for c in claims if (n := _figure(c)) is not None)
    starts = [start for start, _, _ in figures]
    out = []
    for m in events:
        # the figures that begin inside the sentence, found by bisection: an article of many
        # events and claims costs no product of the two
        inside = figures[bisect_left(starts, m.start) : bisect_left(starts, m.end)]
        found = {n for _, end, n in inside if end <= m.end}
        out.append(replace(m, counts=tuple(sorted(found))))
    return tuple(out)
