"""Where an event happens: the most specific place in the prepositions around its trigger, or
one shared from a sibling event, the event it follows, or the last place the story was at."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from corroborator import lexicon
from corroborator.analyze.events.view import ArticleView, governor
from corroborator.analyze.gazetteer import Gazetteer
from corroborator.analyze.world import load_world
from corroborator.model import EventMention

_PLACE_PREPS = frozenset({"at", "in", "on", "to", "near", "inside"})


@cache
def _place_object_verbs() -> frozenset[str]:
    """Verbs whose direct object is the event's place (data/events.yaml)."""
    return frozenset(
        str(v).lower() for v in lexicon.load("events.yaml").get("place_object_verbs", [])
    )


def place_of(view: ArticleView, tok: Any, extra: list[Any] | None = None) -> str | None:
    """The most specific place in the prepositions of the trigger and its governing verb."""
    holders = [tok, *(extra or [])]
    gov = governor(tok)
    if gov.i != tok.i:
        holders.append(gov)
    if tok.dep_ == "acl":  # "an event in Kant commemorating …"
        holders.append(tok.head)
    # "exercises scheduled for … in Kyrgyzstan", "the summit, which will take place in Bishkek"
    holders += [c for c in tok.children if c.dep_ in {"acl", "relcl"}]
    found: list[str] = []
    if tok.pos_ == "VERB" and tok.lemma_.lower() in _place_object_verbs():
        for child in tok.children:
            if child.dep_ == "dobj":
                found += [
                    m.canonical
                    for m in view.mentions_in(child)
                    if m.label in {"FAC", "GPE", "LOC"} and m.canonical
                ]
    here = dateline_place(view)
    for holder in holders:
        for child in holder.children:
            if here and child.dep_ == "advmod" and child.lower_ == "here":
                found.append(here)  # "arrived here": where the dateline says the report is
            if child.dep_ == "prep" and child.lower_ in _PLACE_PREPS:
                for m in view.mentions_in(child):
                    if m.label in {"FAC", "GPE", "LOC"} and m.canonical:
                        found.append(m.canonical)
            if child.dep_ in {"npadvmod", "pobj"}:
                for m in view.mentions_in(child):
                    if m.label == "FAC" and m.canonical:
                        found.append(m.canonical)
    if not found and tok.dep_ in {"advcl", "xcomp"}:
        # "planned to attend a formal event in Kant …, commemorating …": the place of the
        # clause the trigger hangs from
        for t in tok.head.subtree:
            if t.dep_ == "prep" and t.lower_ in {"at", "in"} and tok not in t.subtree:
                found += [
                    m.canonical
                    for m in view.mentions_in(t)
                    if m.label in {"FAC", "GPE", "LOC"} and m.canonical
                ]
    return most_specific(view.gaz, found)


def dateline_place(view: ArticleView) -> str | None:
    """The dateline's place ("MOSCOW:" → Moscow), canonical when the gazetteer or the world
    tables know it; in news writing, "here" in the body means that place."""
    raw = view.article.dateline_place
    if not raw:
        return None
    name = raw.strip(" .:,").title()
    entry = view.gaz.lookup(name)
    if entry is not None:
        return entry.name
    found = load_world().lookup(name)
    return found.name if found is not None and found.kind != "region" else None


def most_specific(gaz: Gazetteer, places: list[str]) -> str | None:
    """The place contained in all the others (the first when none is)."""
    best = None
    for p in places:
        if best is None or (gaz.within(p, best) and p != best):
            best = p
    return best


def share_places(mentions: list[EventMention]) -> list[EventMention]:
    """Events of one sentence without a place take the place of a sibling that has one."""
    place = next((m.place for m in mentions if m.place and not m.background), None)
    if place is None:
        return mentions
    return [
        replace(m, place=place, evidence=(*m.evidence, "place from the same sentence"))
        # not to an event still to come ("the meeting … on the eve of the summit")
        if m.place is None
        and not m.background
        and m.status_reason != "preposition of things to come"
        else m
        for m in mentions
    ]


def follow_place(
    mentions: list[EventMention], previous: EventMention, gaz: Gazetteer
) -> list[EventMention]:
    """Events chained to the previous one ("This will be followed by …") happen where it did,
    when that place is one the gazetteers know (a curated venue, a city, a country); a venue
    they cannot place is not passed on."""
    if previous.place is None or (
        previous.place not in gaz.places and _world_city(previous.place) is None
    ):
        return mentions
    return [
        replace(
            m,
            place=previous.place,
            evidence=(*m.evidence, "place from the event it follows"),
        )
        if m.place is None and not m.background
        else m
        for m in mentions
    ]


def _world_city(place: str) -> str | None:
    """``place`` itself when the world tables know it as a city or a country; ``None`` for a
    venue they cannot place (a square, a palace): a venue is not passed on to other events."""
    found = load_world().lookup(place)
    return place if found is not None and found.kind in {"city", "country"} else None


def inherit_places(mentions: list[EventMention], gaz: Gazetteer) -> list[EventMention]:
    """Fill missing places with the city of the last place the story's events were at (a
    venue the gazetteers cannot place in a city is not passed on; a country that holds that
    place does not replace it)."""
    out: list[EventMention] = []
    last_place: str | None = None
    for m in mentions:
        city = gaz.city_of(last_place) or _world_city(last_place) if last_place else None
        if m.place is None and not m.background and city:
            m = replace(
                m, place=city, evidence=(*m.evidence, "place: city of the last place named")
            )
        if m.place and not m.background:
            # "met in Hanoi …; arrived in Vietnam …": the story is still in Hanoi; a place
            # that contains the last one says nothing new about where the story is
            keep = last_place and last_place != m.place and gaz.within(last_place, m.place)
            last_place = last_place if keep else m.place
        out.append(m)
    return out


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
