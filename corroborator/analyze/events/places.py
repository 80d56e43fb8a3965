"""Where an event happens: the most specific place in the prepositions around its trigger, or
one shared from a sibling event, the event it follows, or the last place the story was at."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from corroborator import lexicon
from corroborator.analyze.events.dates import BACKGROUND_DAYS, date_bounds, days_between
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


@cache
def _place_words(key: str) -> frozenset[str]:
    """A word list of data/gazetteer.yaml: ``place_nouns`` ("the city of Busan") or
    ``organisation_heads`` ("… Economic Cooperation" is a forum, not a place)."""
    return frozenset(str(v).lower() for v in lexicon.load("gazetteer.yaml").get(key, []))


# Dependents of a preposition's object that name the same place or the one around it ("in
# Busan, South Korea", "at Moscow's Vnukovo airport", "in the Kremlin and Red Square").
_SAME_PLACE_DEPS = frozenset({"conj", "appos", "compound", "poss", "npadvmod", "nmod"})


def _place_nouns() -> frozenset[str]:
    return _place_words("place_nouns") | _place_words("venue_nouns")


def _is_place_name(name: str) -> bool:
    """Organisations are never places: a name whose head is an organisation's ("Asia-Pacific
    Economic Cooperation", "… Association of …") is not, whatever label the model gave it."""
    words = name.replace("-", " ").split()
    head = next((w for w in words if w.lower() == "of"), None)
    heads = words[: words.index(head)] if head else words
    return not (heads and heads[-1].lower() in _place_words("organisation_heads"))


_LOCATING = frozenset({"in", "at", "near", "inside", "outside"})


def _names_place(view: ArticleView, tok: Any) -> bool:
    return any(
        m.label in {"FAC", "GPE", "LOC"} for m in view.entities.at(tok.idx, tok.idx + len(tok.text))
    )


def _locates(view: ArticleView, tok: Any, prep: Any, locating: bool) -> bool:
    """``prep`` under ``tok`` tells where ``tok`` is: "the city of Busan", "the sidelines of the
    summit"; or a venue named by a common noun is where its own place says ("at a hospital in
    Naypyidaw", "the summit in Osaka"), while a named venue is place enough ("at the Kremlin
    in Moscow") and a topic is no venue ("talks on trade affairs in …")."""
    if prep.lower_ == "of":
        return tok.lemma_.lower() in _place_nouns() or tok.lower_ in _place_nouns()
    return (
        prep.lower_ in _LOCATING and locating and tok.pos_ == "NOUN" and not _names_place(view, tok)
    )


def place_object(view: ArticleView, prep: Any) -> list[str]:
    """The places a preposition's object names: the object itself, what it is coordinated
    or in apposition with, its possessor, and "the city of X" through a word for a place
    (data: ``place_nouns``). A place deeper in the phrase is not the event's ("at a key
    moment in the war with Ukraine", "a partnership with the United States")."""
    heads: list[Any] = []
    # (token, whether the phrase that reached it locates: "at a hospital", "the site of")
    stack = [(c, prep.lower_ in _LOCATING) for c in prep.children if c.dep_ in {"pobj", "pcomp"}]
    while stack:
        tok, locating = stack.pop()
        heads.append(tok)
        for c in tok.children:
            if c.dep_ in _SAME_PLACE_DEPS:
                stack.append((c, locating))
            elif c.dep_ == "prep" and _locates(view, tok, c, locating):
                stack += [(g, True) for g in c.children if g.dep_ == "pobj"]
    found: list[str] = []
    for tok in sorted(heads, key=lambda t: t.i):  # in the order written, as most_specific reads
        for m in view.entities.at(tok.idx, tok.idx + len(tok.text)):
            name = m.canonical
            if (
                m.label in {"FAC", "GPE", "LOC"}
                and name
                and name not in found
                and _is_place_name(name)
            ):
                found.append(name)
    return found


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
                found += place_object(view, child)
            if child.dep_ in {"npadvmod", "pobj"}:
                for m in view.mentions_in(child):
                    if m.label == "FAC" and m.canonical:
                        found.append(m.canonical)
    if not found and tok.dep_ in {"advcl", "xcomp"}:
        # "planned to attend a formal event in Kant …, commemorating …": the place of the
        # clause the trigger hangs from
        for t in tok.head.subtree:
            if t.dep_ == "prep" and t.lower_ in {"at", "in"} and tok not in t.subtree:
                found += place_object(view, t)
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


def _far_ahead(m: EventMention, anchor: str | None) -> bool:
    """A plan dated as far after the article as history is before it (BACKGROUND_DAYS)."""
    bounds = date_bounds(m.date) if m.date else None
    return bool(
        m.status in {"planned", "cancelled"}
        and bounds
        and anchor
        and days_between(anchor, bounds[0]) >= BACKGROUND_DAYS
    )


def inherit_places(
    mentions: list[EventMention], gaz: Gazetteer, anchor: str | None = None
) -> list[EventMention]:
    """Fill missing places with the city of the last place the story's events were at (a
    venue the gazetteers cannot place in a city is not passed on; a country that holds that
    place does not replace it; a plan weeks after the article's day, ``anchor``, is not where
    the story is: "will head to China in April")."""
    out: list[EventMention] = []
    last_place: str | None = None
    for m in mentions:
        city = gaz.city_of(last_place) or _world_city(last_place) if last_place else None
        if m.place is None and not m.background and city:
            m = replace(
                m, place=city, evidence=(*m.evidence, "place: city of the last place named")
            )
        if m.place and not m.background and not _far_ahead(m, anchor):
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
