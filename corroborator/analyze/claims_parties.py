"""Whose visit or arrival a categorical claim is of, in words any language's report shares: the
guest's country and the host's, by their English names.

A visit's host is the country its place lies in ("arrived in Hanoi": Vietnam); its guest the
country of the actors that is not the host ("Kazakh", «Казахстан»), else the country whose office
a person taking part holds in the same article ("President of Kazakhstan Tokayev") or, by the
gazetteer's `offices`, on the visit's day. Two visits of
one story (a leader's two stops, a second leader's visit) are then two claims, while an English
and a Russian report of one visit give one subject.
"""

from __future__ import annotations

from collections.abc import Sequence

from corroborator.analyze.claims_offices import country_of, names_agree
from corroborator.analyze.gazetteer import load_gazetteer
from corroborator.analyze.world import load_world
from corroborator.model import ClaimValue, EventMention, Mention


def country_of_place(place: str | None) -> str | None:
    """The English name of the country ``place`` is or lies in (gazetteer, then world tables)."""
    if not place:
        return None
    gaz = load_gazetteer()
    code = gaz.country_code(place)
    if code is None:
        return None
    return gaz.country_names.get(code) or load_world().country_names.get(code)


def _country(name: str) -> str | None:
    return country_of(Mention("", 0, len(name), "GPE", name, name)) or country_of_place(name)


def visit_parties(
    e: EventMention, offices: Sequence[ClaimValue] = ()
) -> tuple[str | None, str | None]:
    """``(guest, host)`` countries of the visit or arrival ``e``; either may be unknown."""
    host = country_of_place(e.place)
    guests = [c for a in e.actors if (c := _country(a)) and c != host]
    if not guests:
        # a person taking part who holds an office of a country named in the article
        for person in e.participants:
            for v in offices:
                country = v.subject.rpartition(" of ")[2]
                if country and country != host and names_agree(str(v.value), person):
                    guests.append(country)
    if not guests:
        # a person the gazetteer knows as the holder of a country's office on the visit's day
        gaz = load_gazetteer()
        day = e.date if e.date and len(e.date) == 10 else None
        for person in e.participants:
            for _, code in gaz.roles_of(person, day):
                named = gaz.country_names.get(code) or load_world().country_names.get(code)
                if named and named != host:
                    guests.append(named)
    guest = guests[0] if len(set(guests)) == 1 else None
    return guest, host


def article_guests(
    events: Sequence[EventMention], offices: Sequence[ClaimValue] = ()
) -> dict[str | None, str]:
    """The guest of each host the article's own visits and arrivals name only one guest for:
    "his plane landed in Hanoi" is the landing of the guest the article's visit to Vietnam
    names."""
    seen: dict[str | None, set[str]] = {}
    for e in events:
        if e.type in {"visit", "arrival"} and not e.background:
            guest, host = visit_parties(e, offices)
            if guest:
                seen.setdefault(host, set()).add(guest)
                seen.setdefault(None, set()).add(guest)
    return {host: next(iter(g)) for host, g in seen.items() if len(g) == 1}


def parties_subject(base: str, guest: str | None, host: str | None) -> str:
    """``base`` with the guest (" of X") and the host (" to Y") when known."""
    return base + (f" of {guest}" if guest else "") + (f" to {host}" if host else "")


def parties_of(subject: str, base: str) -> tuple[str | None, str | None]:
    """The ``(guest, host)`` a subject made by :func:`parties_subject` names."""
    rest = subject[len(base) :] if subject.startswith(base) else ""
    guest = host = None
    if " to " in rest:
        rest, _, host = rest.partition(" to ")
    if rest.startswith(" of "):
        guest = rest[4:]
    return guest or None, host or None


def same_parties(a: str, b: str, base: str) -> bool:
    """Two subjects of ``base`` can be of one visit: no side that both name differs."""
    ga, ha = parties_of(a, base)
    gb, hb = parties_of(b, base)
    return (not ga or not gb or ga == gb) and (not ha or not hb or ha == hb)


# Joins a claim's own subject to the visit it was made at ("whether trade was discussed at the
# visit of X to Y"), for the claims whose subject says nothing of the meeting itself.
AT_VISIT = " at the visit"
_MEETINGS = frozenset({"visit", "arrival", "talks", "meeting"})


def meeting_parties(
    events: Sequence[EventMention], offices: Sequence[ClaimValue], position: int
) -> tuple[str | None, str | None]:
    """``(guest, host)`` of the visit a statement at ``position`` is of: the article's last
    visit, arrival, talks or meeting told before it with a guest or a host, else its first."""
    told = [
        (e.trigger_start, parties)
        for e in sorted(events, key=lambda x: x.trigger_start)
        if e.type in _MEETINGS and not e.background and any(parties := visit_parties(e, offices))
    ]
    before = [p for start, p in told if start <= position]
    guest, host = before[-1] if before else told[0][1] if told else (None, None)
    # the one guest the article's visits to that host name ("a state visit to Portugal" after
    # "Kazakh President … arrived")
    return guest or article_guests(events, offices).get(host), host


def at_visit(base: str, guest: str | None, host: str | None) -> str:
    """``base`` with the visit it was made at when a side of it is known."""
    return parties_subject(base + AT_VISIT, guest, host) if guest or host else base


def visit_base(subject: str) -> str:
    """The subject :func:`at_visit` made, without its visit."""
    return subject.partition(AT_VISIT)[0]
