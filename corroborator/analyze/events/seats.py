"""Where an announcement is made: the seat of the body or office that made it public (a ministry,
"the Kremlin", a White House spokesperson: its capital), for types placed at their speaker's
seat."""

from __future__ import annotations

from functools import cache
from typing import Any

from corroborator import lexicon
from corroborator.analyze.events.view import ArticleView, governor
from corroborator.analyze.world import load_world


def seat_of(view: ArticleView, tok: Any) -> str | None:
    """Where an official body speaks from, for its announcement: the place its name gives ("the
    Kremlin said", "Beijing announced", "the White House said") in its city, or the capital of
    the country it speaks for ("the Chinese commerce ministry", "according to India's foreign
    ministry"). A person's words are placed where the person is, not here."""
    gov = governor(tok)
    if tok.lower_ == "according":
        voices = [o for p in tok.children if p.lower_ == "to" for o in p.children]
    else:
        voices = [c for c in gov.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not voices and gov.dep_ in {"advcl", "xcomp", "conj"} and gov.tag_ in {"VBG", "VBN"}:
            # a participle clause has its head's subject ("Lima dismissed the offer, warning
            # that …": Lima warns)
            voices = [c for c in gov.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return seat_of_voices(view, voices)


def seat_place(view: ArticleView, mention: Any) -> str | None:
    """A seat of power named as an organisation ("the Kremlin", «в Кремле»), as the place of
    what happens in it: a name the gazetteer gives a country's government that is not the
    country's own name; None for any other name. The seat itself, not its city: the gazetteer
    does not place it in one, so it is not passed on to the events around it."""
    code = view.gaz.countries.get(mention.canonical or "")
    if mention.label != "ORG" or code is None:
        return None
    if mention.canonical == view.gaz.country_names.get(code):
        return None  # "Russia" taken for an organisation is the country, not its capital
    found = load_world().lookup(mention.canonical)
    if found is not None and found.kind == "country":
        return None
    return str(mention.canonical)


def seat_of_voices(view: ArticleView, voices: list[Any]) -> str | None:
    """Where the first official body among ``voices`` (tokens heading their phrases) sits, as
    :func:`seat_of` says; shared by the languages, each finding its voices its own way."""
    world = load_world()
    for voice in voices:
        if voice.pos_ not in {"NOUN", "PROPN"}:
            continue
        found = view.mentions_in(voice)
        if any(m.label == "PERSON" for m in found):
            # "Putin's aide Yury Ushakov": a person, wherever he is; but one who speaks for a
            # seat of power named with the title speaks from it ("White House press secretary
            # Jane Roe said", «официальный представитель Кремля»)
            return _spokesperson_seat(view, voice, found)
        for m in found:
            if not m.canonical:
                continue
            if m.label == "NORP" or m.canonical in view.gaz.countries:
                # "the Chinese commerce ministry", "the Kremlin" (the gazetteer's name for
                # Russia's government); a nationality the tables cannot place lets a later
                # name of the phrase speak
                capital = world.capitals.get(view.gaz.countries.get(m.canonical) or "")
                if capital:
                    return capital
                continue
            if m.label == "GPE":
                place = world.lookup(m.canonical)
                if place is not None and place.kind == "city":
                    return place.name  # "Beijing said"
                code = view.gaz.country_code(m.canonical)
                if place is not None and place.kind == "country":
                    return world.capitals.get(code or "")  # "China's foreign ministry"
            if m.canonical in view.gaz.places:
                # a seat the gazetteer knows ("the Kremlin", "the White House"), in its city
                return view.gaz.city_of(m.canonical) or m.canonical
    return None


@cache
def _spokesperson_nouns() -> frozenset[str]:
    """Titles of those who speak for an official body (data/events.yaml)."""
    words = lexicon.load("events.yaml").get("spokesperson_nouns", [])
    return frozenset(str(v).lower() for v in words)


def _spokesperson_seat(view: ArticleView, voice: Any, found: list[Any]) -> str | None:
    """The capital of the country whose seat of power a spokesperson's title names ("White
    House spokeswoman", «представитель Кремля»: a name the gazetteer gives a country's
    government); None for any other person."""
    if not any(t.lemma_.lower() in _spokesperson_nouns() for t in voice.subtree):
        return None
    for m in found:
        code = view.gaz.countries.get(m.canonical or "")
        if code is None or m.label not in {"ORG", "LOC", "FAC"}:
            continue  # (not "a U.S. spokesman": a nationality names no seat)
        if m.canonical == view.gaz.country_names.get(code):
            continue
        return load_world().capitals.get(code)
    return None
