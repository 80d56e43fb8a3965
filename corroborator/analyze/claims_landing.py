"""Claims, part eight: where a plane landed ("the president landed at the Velmora airport",
"two cargo planes landed in Ostrava", «борт министра сел в аэропорту Лиссабона»), as a
categorical claim.

An arrival whose trigger is a landing verb (``landing_verbs`` of data/categories.yaml), or whose
sentence names an aircraft before it ("two Russian planes … arrived in", ``aircraft_words``),
gives the city it places the arrival in, with " airport" when its clause names an airfield
(``airport_words``): "Porto airport", "Lisbon". The subject says whose landing it is, so that
reports in any language compare and two landings of a story stay apart: the guest's country
and the host's (:mod:`claims_parties`) from the event, else the country named before the verb
("Russian planes", «самолеты МЧС России»). The period is the arrival's date, so a leader's
landings on two days of a tour are two claims.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from corroborator import lexicon
from corroborator.analyze.claims_offices import country_of
from corroborator.analyze.claims_parties import (
    article_guests,
    country_of_place,
    parties_subject,
    visit_parties,
)
from corroborator.analyze.claims_text import CYRILLIC
from corroborator.analyze.claims_venue import city_of
from corroborator.analyze.entities import ArticleEntities
from corroborator.model import ClaimValue, EventMention, Mention

LANDING_SUBJECT = "landing place"
LANDING_MEASURE = "landing"
AIRPORT = "airport"
# Characters after the landing verb in which the airfield word and the city stand: on our own
# invented probes a time and an airport's full name come between ("landed late on Sunday
# evening at Velmora's Saint Anselm International Airport": 71 after the verb; "landed two hours
# late at the main airfield outside Porto": 50); 90 leaves room for one more word, and a clause
# boundary ends the search sooner.
_AFTER = 90
# Characters before the verb for a Russian place said first (probes: «в международном
# аэропорту Лиссабона приземлился» 36, «в аэропорту португальской столицы приземлился» 34).
_BEFORE = 60
# Labels a city after the verb may carry: the English model tags some capitals as bodies
# (a capital tagged ORG); only a name the gazetteer or the world tables know as a city counts.
_PLACE_LIKE = frozenset({"GPE", "LOC", "FAC", "ORG"})


@cache
def _words() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = lexicon.load("categories.yaml")

    def alternation(name: str) -> str:
        return "|".join(
            re.escape(str(w)) + (r"\w*" if CYRILLIC.match(str(w)) else r"\w{0,3}")
            for w in sorted(data.get(name, []), key=lambda w: -len(str(w)))
        )

    return (
        re.compile(rf"(?<![\w-])(?:{alternation('landing_verbs')})(?![\w-])", re.IGNORECASE),
        re.compile(rf"(?<![\w-])(?:{alternation('airport_words')})(?![\w-])", re.IGNORECASE),
        re.compile(rf"(?<![\w-])(?:{alternation('aircraft_words')})(?![\w-])", re.IGNORECASE),
    )


def _gap(m: Mention, e: EventMention) -> int:
    return m.start - e.trigger_end if m.start >= e.trigger_end else e.trigger_start - m.end


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The stretch around ``start:end`` up to a clause boundary, within the windows."""
    lo = max(0, start - _BEFORE)
    head = text[lo:start]
    cut = max(head.rfind(c) for c in ".;:!?\n—–()")
    tail = text[end : end + _AFTER]
    stops = [i for c in ".;:!?\n—–()" if (i := tail.find(c)) >= 0]
    return lo + cut + 1, end + (min(stops) if stops else len(tail))


def landing_claims(
    events: Sequence[EventMention],
    entities: ArticleEntities,
    text: str,
    offices: Sequence[ClaimValue] = (),
) -> list[ClaimValue]:
    """The landing place of each arrival told with a landing verb (module docstring); one value
    per landing subject and period, the first."""
    verbs, airport, aircraft = _words()
    found: dict[tuple[str, str | None], ClaimValue] = {}
    guests = article_guests(events, offices)
    for e in sorted(events, key=lambda x: x.trigger_start):
        if e.type != "arrival" or e.background or e.status == "cancelled":
            continue
        flown = aircraft.search(text[e.start : e.trigger_start])
        if not verbs.search(text, e.trigger_start, e.trigger_end + 1) and not flown:
            continue  # an arrival, but not told as a landing nor of an aircraft
        lo, hi = _clause(text, e.trigger_start, e.trigger_end)
        city = city_of(e.place) if e.place else None
        if city is None:
            # the city named nearest the verb in its clause («в аэропорту Лиссабона приземлился»,
            # "arrived in the capital, Velmora"), where the event's place is no city; one in
            # another country than the event's is some other place (a time given "in Madrid")
            country = country_of_place(e.place)
            city = next(
                (
                    c
                    for m in sorted(entities.at(lo, hi), key=lambda m: _gap(m, e))
                    if m.label in _PLACE_LIKE
                    and (c := city_of(m.canonical or m.text))
                    and (country is None or country_of_place(c) == country)
                ),
                None,
            )
        if city is None:
            continue
        place = next(
            (m for m in entities.at(lo, hi) if city_of(m.canonical or m.text) == city),
            None,
        )
        # the city as the report spells it where that is in Latin letters ("Lisboa"), else
        # its canonical name ("Лиссабона": Lisbon); linking compares cities by canonical name
        written = re.sub(r"[’']s$", "", place.text) if place else ""
        plain = written and not CYRILLIC.search(written) and not airport.search(written)
        name = written if plain else city  # "Bishkek airport" is the airport's name, not the city
        value = f"{name} {AIRPORT}" if airport.search(text, lo, hi) else name
        guest, host = visit_parties(e, offices)
        host = host or country_of_place(city)
        if guest is None:
            # the country of what landed ("two Russian planes", «самолеты МЧС России»)
            named = [
                c
                for m in entities.at(e.start, e.trigger_start)
                if m.label in {"GPE", "NORP", "ORG"} and (c := country_of(m)) and c != host
            ]
            guest = named[-1] if named else None
        guest = guest or guests.get(host)
        if guest == host:
            guest = None  # a domestic flight says nothing of whose landing
        subject = parties_subject(LANDING_SUBJECT, guest, host)
        key = (subject, e.date)
        if key in found:
            continue
        start, end = (place.start, place.end) if place else (e.trigger_start, e.trigger_end)
        found[key] = ClaimValue(
            article_id=e.article_id,
            subject=subject,
            period=e.date,
            unit="place",
            kind="categorical",
            value=value,
            text=text[start:end],
            quote=e.quote,
            start=start,
            end=end,
            qualifier="exact",
            said_by=e.said_by,
            measure=LANDING_MEASURE,
            quote_start=e.start,
            quote_end=e.end,
        )
    return list(found.values())
