"""When two categorical values agree: the same category at two levels of detail, or one person
spelled two ways.

* **Categories** ("state visit", "Busan") agree when equal, when one is a kind of the other
  (``category_kinds`` of data/claims.yaml: a state visit is also official), or when they differ
  only by epithets (``visit_epithets`` of data/categories.yaml: "friendly visit" and "state
  visit" both shorten "friendly state visit"; an epithet names no protocol level).
* **Document names** agree when one's words are within the other's, for one kind of document
  ("comprehensive partnership treaty", "comprehensive strategic partnership treaty").
* **Landing places** agree when they name one city, one of them with its airport ("Porto
  airport", "Porto").
* **Yes/no outcomes** ("whether sanctions was discussed") agree when equal.
* **Office holders** ("president of Chile": a person's name) and delegation heads agree when
  every word of the shorter name is a word of the other, allowing for transliteration
  ("Zhaparov"/"Japarov"): one report may give the full name and another the surname, or spell
  a foreign name another way. A worst-hit place's name is compared the same way.
"""

from __future__ import annotations

from functools import cache

from corroborator import lexicon
from corroborator.analyze.claims_aircraft import AIRCRAFT_MEASURE, aircraft_agree
from corroborator.analyze.claims_categorical import VISIT_SUBJECT
from corroborator.analyze.claims_delegation import DELEGATION_MEASURE
from corroborator.analyze.claims_discussed import DISCUSSED_MEASURE
from corroborator.analyze.claims_groups import GROUP_MEASURE
from corroborator.analyze.claims_landing import AIRPORT, LANDING_MEASURE, LANDING_SUBJECT
from corroborator.analyze.claims_offices import names_agree
from corroborator.analyze.claims_parties import AT_VISIT, same_parties, visit_base
from corroborator.analyze.claims_signed import SIGNED_MEASURE
from corroborator.analyze.claims_stance import STANCE_MEASURE, stances_agree
from corroborator.analyze.claims_standing import STANDING_MEASURE
from corroborator.analyze.claims_venue import city_of
from corroborator.model import ClaimValue

__all__ = [
    "AT_VISIT",
    "PARTY_SUBJECTS",
    "SIGNED_MEASURE",
    "VISIT_KEYED",
    "categories_agree",
    "names_agree",
    "same_document",
    "same_parties",
    "values_agree",
    "visit_base",
]

# Measures whose subject names whose visit or landing it is (guest and host, either may be
# unknown), with the subject's base: two such values can be of one visit unless a side differs.
PARTY_SUBJECTS = {"category": VISIT_SUBJECT, LANDING_MEASURE: LANDING_SUBJECT}
# Measures whose subject is their own, with the visit it was made at added when the article
# names one ("… at the visit of X to Y"): two such values are of one visit unless a side differs.
VISIT_KEYED = frozenset({DISCUSSED_MEASURE, STANDING_MEASURE, DELEGATION_MEASURE})


@cache
def _category_kinds() -> dict[str, frozenset[str]]:
    """Each category with the broader ones it is a kind of (``category_kinds`` in
    data/claims.yaml, closed transitively): "state visit" is a kind of "official visit"."""
    data = lexicon.load("claims.yaml").get("category_kinds") or {}
    broader = {str(k).lower(): {str(x).lower() for x in v} for k, v in data.items()}
    changed = True
    while changed:
        changed = False
        for kinds in broader.values():
            more = set().union(*(broader.get(k, set()) for k in kinds)) - kinds
            if more:
                kinds |= more
                changed = True
    return {k: frozenset(v) for k, v in broader.items()}


@cache
def _epithets() -> frozenset[str]:
    data = lexicon.load("categories.yaml").get("visit_epithets") or {}
    return frozenset(str(k).lower() for k in data)


def _without_epithets(value: str) -> str:
    return " ".join(w for w in value.split() if w not in _epithets())


def categories_agree(a: float | str, b: float | str) -> bool:
    """Two categorical values agree when they are equal, one is a kind of the other ("state
    visit" and "official visit": one visit named at two levels of detail), they differ only by
    epithets ("friendly visit", "state visit"), or one says more of the same noun ("official
    state visit", "state visit"); "state visit" and "working visit", or two different cities,
    do not."""
    x, y = str(a).lower(), str(b).lower()
    if x == y or _nested(x, y):
        return True
    wx, wy = _without_epithets(x).split(), _without_epithets(y).split()
    if len(wx) < 2 or len(wy) < 2 or wx[-1] != wy[-1]:
        # a bare noun left by an epithet ("friendly visit" → "visit") has no level to disagree
        # with; two nouns (two cities) are two categories
        stripped = (" ".join(wx), " ".join(wy)) != (x, y)
        return stripped and wx[-1:] == wy[-1:]
    head = wx[-1]
    mx, my = set(wx[:-1]), set(wy[:-1])
    if mx <= my or my <= mx:
        return True  # one says more than the other ("official state visit", "state visit")
    return any(_nested(f"{p} {head}", f"{q} {head}") for p in mx for q in my)


def _nested(x: str, y: str) -> bool:
    kinds = _category_kinds()
    return x == y or y in kinds.get(x, ()) or x in kinds.get(y, ())


def values_agree(a: ClaimValue, b: ClaimValue) -> bool:
    """Two categorical values of one claim agree (office holders by name, others by
    category)."""
    if a.measure == AIRCRAFT_MEASURE or b.measure == AIRCRAFT_MEASURE:
        return aircraft_agree(str(a.value), str(b.value))
    if a.measure == STANCE_MEASURE or b.measure == STANCE_MEASURE:
        return stances_agree(str(a.value), str(b.value))
    if a.measure == GROUP_MEASURE or b.measure == GROUP_MEASURE:
        return True  # a member of the top two is one of the leading ones too
    if a.measure in _BY_NAME or b.measure in _BY_NAME:
        return names_agree(str(a.value), str(b.value))
    if a.measure == LANDING_MEASURE or b.measure == LANDING_MEASURE:
        # one city, whether or not its airport is named
        return _city(a.value) == _city(b.value)
    if a.measure == "document" or b.measure == "document":
        return _documents_agree(str(a.value), str(b.value))
    return categories_agree(a.value, b.value)


# Measures whose values are names compared as spellings of one name (a person's, or a place
# the tables do not know, transliterated from Russian: «Ранкагуа» "Rankagua" and "Rancagua").
_BY_NAME = frozenset({"office", "delegation", "worst_hit"})


def _city(value: float | str) -> str:
    """The canonical city of a landing place ("Lisboa airport": Lisbon)."""
    name = str(value).removesuffix(f" {AIRPORT}")
    return (city_of(name) or name).lower()


def _documents_agree(a: str, b: str) -> bool:
    """One name's words within the other's, the same kind of document."""
    wa, wb = a.lower().split(), b.lower().split()
    return wa[-1:] == wb[-1:] and (set(wa) <= set(wb) or set(wb) <= set(wa))


def same_document(a: str, b: str) -> bool:
    """Two "whether the <document> was signed" subjects of one document named more or less
    fully."""

    def name(subject: str) -> str:
        return subject.removeprefix("whether the ").removesuffix(" was signed")

    return _documents_agree(name(a), name(b))
