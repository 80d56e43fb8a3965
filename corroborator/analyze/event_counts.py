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

from collections.abc import Iterable, Sequence
from dataclasses import replace

from corroborator.model import ClaimValue, EventMention

# Figures that say how many or how much; a share, a change or a length of time ("almost all",
# "rose by 150%", "one hour and 40 minutes") is no count a report released.
_MEASURES = frozenset({"count", "amount"})


def stated_counts(m: EventMention, claims: Iterable[ClaimValue]) -> tuple[int, ...]:
    """The whole numbers that the numeric claims inside ``m``'s sentence count or measure,
    written in digits ("at least 2,417 people" → 2417, «1,6 тысячи» → 1600), in increasing
    order.

    A figure written only in words is left out: a vague plural ("thousands", «сотни», "tens of
    millions") stands for the least it allows, not for a figure anyone released."""
    found = {
        int(c.value)
        for c in claims
        if c.kind == "numeric"
        and c.measure in _MEASURES
        and m.start <= c.start
        and c.end <= m.end
        and not isinstance(c.value, str)
        and float(c.value).is_integer()
        and any(ch.isdigit() for ch in c.text)
    }
    return tuple(sorted(found))


def with_counts(
    events: Sequence[EventMention], claims: Sequence[ClaimValue]
) -> tuple[EventMention, ...]:
    """``events``, each with the counts its sentence gives (:func:`stated_counts`)."""
    return tuple(replace(m, counts=stated_counts(m, claims)) for m in events)
