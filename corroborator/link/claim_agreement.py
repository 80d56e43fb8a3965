"""What else than the subject's words says two values are one quantity, or are not.

* **Ranks** are of their holder: "rank of Chile as trade partner" and "rank of Indonesia as
  economy" are two facts however alike their words, so two ranks that name different holders,
  or rank as different things, never align (:func:`different_ranks`).
* **Across languages**, figures that agree count more than words do: a story told in two
  languages is most often one release translated, and the multilingual encoder places a
  translated counted noun barely above unrelated ones ("представители"/"members" 0.56,
  "представитель"/"leader" 0.47, but "самолет"/"ship" 0.49). Two counts of one story, in two
  languages, with values that agree are read as one counted thing (:func:`agreeing_unit`), and
  two values whose stated intervals overlap without being close ("более 100 спасателей",
  "more than 120 rescuers") add :data:`CROSS_INTERVAL_BONUS` to their subjects' score.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from corroborator.analyze.claims import compatible
from corroborator.analyze.claims_shares import SHARE_OF
from corroborator.model import ClaimValue

# "rank of Chile as trade partner after China": the holder and what it ranks as
_RANK = re.compile(r"^rank(?: of (?P<who>.+?))?(?: as (?P<what>.+?))?(?: after .+)?$")

# Overlapping intervals across languages (a qualified figure each, neither open-ended) add
# this much: with a bare and a qualified count of one unit (0.3) they align, as "более 100
# российских спасателей" and "more than 120 rescuers" of quake2025 should; two counts of
# different things rarely have both overlapping stated intervals and one counted noun.
CROSS_INTERVAL_BONUS = 0.2
# A count below this is not matched on its value alone: small counts recur in one story for
# different things ("two leaders", "three agreements", "two dogs").
MIN_AGREEING_COUNT = 10.0
# Cosine (multilingual) at or above which a counted noun whose value agrees with an English
# count's is read as that count's noun: the floor under which the encoder says nothing
# (claim_meaning.CROSS_FLOOR); "представители деловых кругов"/"business leaders" 0.56,
# "российские спасатели"/"rescuers" 0.54 are above it.
AGREEING_TRANSLATES = 0.35


def different_ranks(a: ClaimValue, b: ClaimValue) -> bool:
    """Two ranks that name different holders, or rank their holder as different things (one
    holding the other's words is the same thing: "partner" and "trade partner")."""
    if a.measure != "rank" or b.measure != "rank":
        return False
    ma, mb = _RANK.match(a.subject.strip()), _RANK.match(b.subject.strip())
    if ma is None or mb is None:
        return False
    for key in ("who", "what"):
        x, y = ma.group(key), mb.group(key)
        if x and y:
            wx, wy = set(x.lower().split()), set(y.lower().split())
            if not (wx <= wy or wy <= wx):
                return True
    return False


def different_holders(a: ClaimValue, b: ClaimValue) -> bool:
    """Two shares of one divided whole that are not of one holder: Kosta's share of the vote
    is not Varga's, and a share whose holder is unknown is compared with no holder's
    (analyze.claims_shares)."""
    if a.measure != "share" or b.measure != "share":
        return False
    wa, _, ha = a.subject.partition(SHARE_OF)
    wb, _, hb = b.subject.partition(SHARE_OF)
    if not ha and not hb:
        return False
    if ha and hb:
        return wa == wb and ha.casefold() != hb.casefold()
    # one holder's share and the bare whole ("vote"): whose the bare one is, no one said
    return (wa if ha else a.subject).casefold() == (wb if hb else b.subject).casefold()


def interval_bonus(a: ClaimValue, b: ClaimValue, cross: bool) -> float:
    """:data:`CROSS_INTERVAL_BONUS` for two qualified values in two languages whose bounded
    intervals overlap."""
    if not cross or a.kind != "numeric" or "exact" in (a.qualifier, b.qualifier):
        return 0.0
    if None in (a.low, a.high, b.low, b.high):
        return 0.0
    return CROSS_INTERVAL_BONUS if compatible((a.low, a.high), (b.low, b.high)) else 0.0


def agreeing_unit(
    v: ClaimValue,
    english: Sequence[ClaimValue],
    close: Callable[[ClaimValue, ClaimValue], bool],
    cosine: Callable[[str, str], float],
) -> str | None:
    """The unit of the one English count of the story whose value agrees with ``v`` (a count
    in another language whose noun no word list or close translation names), when ``v``'s noun
    or phrase is at least :data:`AGREEING_TRANSLATES` like its noun or phrase."""
    number = v.value if isinstance(v.value, float | int) else None
    if number is None or abs(float(number)) < MIN_AGREEING_COUNT:
        return None
    agreeing = [e for e in english if close(v, e)]
    units = {e.unit for e in agreeing}
    if len(units) != 1:
        return None
    best = max(
        cosine(w, n)
        for e in agreeing
        for w in (v.unit or "", v.subject)
        for n in (e.unit or "", e.subject)
        if w and n
    )
    return agreeing[0].unit if best >= AGREEING_TRANSLATES else None
