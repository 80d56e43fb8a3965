"""Places passed between an article's event mentions: the most specific of several, shared
among the events of one sentence, followed from the event told before, inherited from the last
place the story was at, and widened to a whole country for types whose place is a country."""

from __future__ import annotations

import re
from dataclasses import replace

from corroborator.analyze.events.places import (
    ARRIVING,
    city_of_place,
    is_venue,
    world_city,
)
from corroborator.analyze.gazetteer import Gazetteer
from corroborator.analyze.world import load_world
from corroborator.model import EventMention


def _may_pass(source: EventMention, target: EventMention) -> bool:
    """Whether ``target`` may happen where ``source`` does: a place still to come (a planned
    trip elsewhere) is not where something told as done or under way happened ("… would go to
    China in April, Trump told reporters on the plane": the telling was not in China)."""
    return source.status != "planned" or target.status == "planned"


def share_places(
    mentions: list[EventMention],
    going: frozenset[int] = frozenset(),
    apart: frozenset[int] = frozenset(),
) -> list[EventMention]:
    """Events of one sentence without a place take the place of a sibling that has one. A
    going somewhere (``going``: trigger offsets; "then flew to Prague") passes its destination
    only to what the sentence tells after it: "Rao, who was awarded a medal on Tuesday, then
    flew to Prague" was not awarded in Prague."""
    # (``apart``: trigger offsets of mentions placed where their speaker sits, not where what
    # they tell happens: "the rescue will go on, the government in the capital announced")
    placed = [m for m in mentions if m.place and not m.background and m.trigger_start not in apart]
    if not placed:
        return mentions
    out = []
    for m in mentions:
        # (nor what is told after the going, there: "…, then flew to Prague, where he was
        # received by the president")
        sources = [
            p for p in placed if not any(m.trigger_start < g <= p.trigger_start for g in going)
        ]
        # not to an event still to come ("the meeting … on the eve of the summit")
        if (
            m.place is None
            and not m.background
            and m.status_reason != "preposition of things to come"
        ):
            source = next((p for p in sources if _may_pass(p, m)), None)
            if source is not None:
                m = replace(
                    m, place=source.place, evidence=(*m.evidence, "place from the same sentence")
                )
        out.append(m)
    return out


def share_by_sentence(
    mentions: list[EventMention],
    going: frozenset[int] = frozenset(),
    apart: frozenset[int] = frozenset(),
) -> list[EventMention]:
    """:func:`share_places` again over each sentence, once places decided over the whole
    article are in ("Myanmar's government announced a ceasefire across the country": the
    announcement is where the country-wide ceasefire is)."""
    out: list[EventMention] = []
    i = 0
    while i < len(mentions):
        j = i
        while j < len(mentions) and mentions[j].start == mentions[i].start:
            j += 1
        out += share_places(mentions[i:j], going, apart)
        i = j
    return out


def follow_place(
    mentions: list[EventMention], previous: EventMention, gaz: Gazetteer
) -> list[EventMention]:
    """Events chained to the previous one ("This will be followed by …") happen where it did,
    when that place is one the gazetteers know (a curated venue, a city, a country); a venue
    they cannot place is not passed on."""
    if previous.place is None or (
        previous.place not in gaz.places and world_city(previous.place) is None
    ):
        return mentions
    return [
        replace(
            m,
            place=previous.place,
            evidence=(*m.evidence, "place from the event it follows"),
        )
        if m.place is None and not m.background and _may_pass(previous, m)
        else m
        for m in mentions
    ]


def inherit_places(
    mentions: list[EventMention],
    gaz: Gazetteer,
    leaving: frozenset[str] = frozenset(),
    aside: frozenset[int] = frozenset(),
) -> list[EventMention]:
    """Fill missing places with the city of the last place the story's events were at (a
    venue the gazetteers cannot place in a city is not passed on; a country that holds that
    place does not replace it). An event of a ``leaving`` type ("before leaving Brasilia")
    does not put the story at its place, nor do the events its sentence tells there ("before
    leaving Brasilia, she told reporters"): what follows happens elsewhere. Nor does an event
    told aside in a "where" clause or summed up over years (``aside``: trigger offsets;
    "arrived in Hanoi after a day in Pyongyang, where he signed a treaty", "her first trip to
    the country in two decades")."""
    left = {(m.start, m.place) for m in mentions if m.type in leaving and m.place}
    out: list[EventMention] = []
    # where the story is, by everything it tells and by what it tells as done or under way: a
    # planned trip elsewhere does not move what happened (see _may_pass)
    last_any: str | None = None
    last_done: str | None = None
    # the day the story reached where it is (by an arrival or a visit that gives it): an event
    # on an earlier day happened before it got there ("arrived in Hanoi on June 20 …; the treaty
    # signed on June 19" was not signed in Hanoi)
    reached: str | None = None
    for m in mentions:
        planned = m.status == "planned"
        last_place = last_any if planned else last_done
        if not planned and _refines(gaz, last_any, last_done):
            # what is still to come names the city inside the country the story is in ("the
            # premier landed in Norway …; in Oslo she is to open a forum …"): what is told as done
            # there is in that city too, not only in the country (a place outside it is a trip
            # elsewhere and does not move what happened, see _may_pass)
            last_place = last_any
        city = city_of_place(gaz, last_place) if last_place else None
        if city and _day(m.date) and _day(reached) and str(m.date)[:10] < str(reached)[:10]:
            city = None
        if m.place is None and not m.background and city:
            m = replace(
                m, place=city, evidence=(*m.evidence, "place: city of the last place named")
            )
        moves = (m.start, m.place) not in left and m.trigger_start not in aside
        # a venue the gazetteers cannot place leaves the story in the city it was in (a
        # report names the venues of the city it is at: "arrived in Hanoi …; talks at the
        # Presidential Palace …; he will then meet …" is still Hanoi)
        # (a venue by its last word, "Hall", "Palace"; a name neither venue nor known city,
        # "South Korea's", may be anywhere and moves the story there)
        kept = last_any is not None and city_of_place(gaz, m.place or "") is None
        moves = moves and not (kept and is_venue(m.place or ""))
        if m.place and not m.background and moves:
            before = last_done
            last_any = _moved(gaz, last_any, m.place)
            if not planned:
                last_done = _moved(gaz, last_done, m.place)
                if m.type in ARRIVING and (last_done != before or reached is None):
                    reached = m.date if _day(m.date) else None
                elif last_done != before:
                    reached = None  # moved by an event that says nothing of getting there
        out.append(m)
    return out


def _refines(gaz: Gazetteer, inner: str | None, outer: str | None) -> bool:
    """``inner`` is a place other than ``outer`` that lies inside it, and ``outer`` a country
    (a city inside the country the story is at, not a venue inside a city)."""
    if not inner or not outer or inner == outer:
        return False
    return gaz.within(inner, outer) and _country_of(gaz, outer) == outer


def _day(date: str | None) -> bool:
    """``date`` gives a day (not only a month or a year)."""
    return bool(date and re.match(r"\d{4}-\d{2}-\d{2}", date))


def _moved(gaz: Gazetteer, last: str | None, place: str) -> str:
    """Where the story is after an event at ``place``: "met in Hanoi …; arrived in Vietnam …"
    leaves it in Hanoi, since a place that contains the last one says nothing new."""
    keep = last and last != place and gaz.within(last, place)
    return last if keep and last else place


def country_scope(
    mentions: list[EventMention], gaz: Gazetteer, scoped: frozenset[str]
) -> list[EventMention]:
    """Events of a country-wide type (``scoped``: a national death toll, a ceasefire) take
    the country of their place, or of the nearest place the article's other events have."""
    countries = [_country_of(gaz, m.place) if m.place else None for m in mentions]
    out = []
    for i, m in enumerate(mentions):
        if m.type not in scoped or m.background:
            out.append(m)
            continue
        # its own place first, then the nearest before it, then the nearest after it
        order = [i, *range(i - 1, -1, -1), *range(i + 1, len(mentions))]
        country = next((countries[j] for j in order if countries[j]), None)
        if country and country != m.place:
            m = replace(m, place=country, evidence=(*m.evidence, "place: the country it concerns"))
        out.append(m)
    return out


def _country_of(gaz: Gazetteer, place: str) -> str | None:
    code = gaz.country_code(place)
    if code is None:
        return None
    return gaz.country_names.get(code) or load_world().country_names.get(code)
