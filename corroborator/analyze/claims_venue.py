"""Claims, part five: the city a meeting takes (or took) place in, as a categorical claim.

A meeting or talks (``venue_events`` in data/claims.yaml; a summit only when two or more people are
named taking part) is placed in a city that its sentence puts after a place preposition ("the
meeting … in Tarnfield", "talks with the premier in the port city of Tarnfield", «переговоры … в
портовом городе Тарнфилд») and that stands nearer that event's trigger than any other event's of the
sentence ("an address at the summit in Tarnfield before the talks" places the summit, not the
talks). The city is the canonical English name (gazetteer, else the world tables), so reports in any
language compare; a venue the gazetteer places in a city gives that city. The subject names the
people taking part, so that two meetings of different people in one story are two claims; an article
gives one such claim per set of people, the first, and one with fewer than two people named only
when it names no meeting of two. When the event names fewer than two people taking part, the people
its sentence names stand for them. "Here" ("shook hands here") is the dateline's city.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from functools import cache

from corroborator import lexicon
from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.gazetteer import load_gazetteer
from corroborator.analyze.timex.values import value_bounds
from corroborator.analyze.world import load_world
from corroborator.model import ClaimValue, EventMention, Mention

VENUE_SUBJECT = "city of the meeting"
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@cache
def _preposition(language: str) -> re.Pattern[str]:
    """A place preposition and up to ``venue_gap`` words, ending where the city starts."""
    data = lexicon.load("claims_ru.yaml" if language == "ru" else "claims.yaml")
    preps = "|".join(re.escape(str(p)) for p in data.get("venue_preps", []))
    gap = int(data.get("venue_gap", 0))
    return re.compile(rf"(?:^|[\s(])(?:{preps})\s+(?:[^\s,.;:!?()‒–—]+\s+){{0,{gap}}}$", re.I)


@cache
def _here_words(language: str) -> tuple[str, ...]:
    """Words that mean "where this report is filed" ("shook hands here"): the dateline's place."""
    data = lexicon.load("claims_ru.yaml" if language == "ru" else "claims.yaml")
    return tuple(str(w) for w in data.get("here_words", []))


@cache
def _venue_types() -> tuple[frozenset[str], frozenset[str]]:
    data = lexicon.load("claims.yaml")
    return (
        frozenset(str(t) for t in data.get("venue_events", [])),
        frozenset(str(t) for t in data.get("venue_events_named", [])),
    )


def city_of(name: str) -> str | None:
    """The city ``name`` is or lies in: a gazetteer city, a gazetteer venue's city, or a city
    of the world tables; None for a country, a region or an unknown place."""
    name = re.sub(r"[’']s$", "", name.strip())
    gaz = load_gazetteer()
    entry = gaz.lookup(name)
    seen: set[str] = set()
    while entry is not None and entry.kind == "place" and entry.name not in seen:
        if entry.place_kind == "city":
            return entry.name
        if entry.place_kind == "country":
            return None
        seen.add(entry.name)
        entry = gaz.places.get(entry.parent) if entry.parent else None
    found = load_world().lookup(name)
    return found.name if found is not None and found.kind == "city" else None


def _distance(m: Mention, e: EventMention) -> int:
    """Characters between ``m`` and the trigger of ``e``; a trigger phrase that spans the mention
    ("concluded a meeting on Thursday in Busan, … with an agreement") is measured from its first
    word, so that a long trigger does not claim every place inside it."""
    if e.trigger_start <= m.start and m.end <= e.trigger_end:
        return m.start - e.trigger_start
    if m.start >= e.trigger_end:
        return m.start - e.trigger_end
    return max(0, e.trigger_start - m.end)


def _venue(
    e: EventMention,
    events: Sequence[EventMention],
    entities: ArticleEntities,
    text: str,
    language: str,
    dateline: str | None,
) -> tuple[Mention, str] | None:
    """The city mention that places ``e``, with its city; "here" is the dateline's city."""
    prep = _preposition(language)
    siblings = [x for x in events if x.start == e.start and x.trigger_end > x.trigger_start]
    here_city = city_of(dateline.strip(" .:,|").title()) if dateline else None
    if here_city is not None:
        words = "|".join(re.escape(w) for w in _here_words(language))
        for h in re.finditer(rf"\b(?:{words})\b", text[e.start : e.end], re.I):
            m = Mention(e.article_id, e.start + h.start(), e.start + h.end(), "LOC", h.group(0))
            nearest = min(siblings, key=lambda x: _distance(m, x), default=e)
            if _distance(m, nearest) >= _distance(m, e):
                return m, here_city
    for m in sorted(entities.at(e.start, e.end), key=lambda m: _distance(m, e)):
        if m.label not in _PLACE_LABELS or not (e.start <= m.start and m.end <= e.end):
            continue
        if not prep.search(text[max(e.start, m.start - 80) : m.start]):
            continue
        nearest = min(siblings, key=lambda x: _distance(m, x), default=e)
        if _distance(m, nearest) < _distance(m, e):
            continue  # the city places another event of the sentence
        city = city_of(m.canonical or m.text) or city_of(m.text)
        if city is not None:
            return m, city
    return None


# A meeting that ended this many days or more before the article was printed (undated: before the
# last day its own events are dated) is history the article recalls ("after a high-level meeting
# in Geneva" in June, in a report of the October summit), not the meeting it reports: news-dev's
# reports and previews are printed within a week of their meetings.
PAST_MEETING_DAYS = 30


def _long_before(e: EventMention, now: date | None) -> bool:
    """Whether ``e`` ended :data:`PAST_MEETING_DAYS` or more before ``now``."""
    ended = value_bounds(e.date_end or e.date)
    return now is not None and ended is not None and (now - ended[1]).days >= PAST_MEETING_DAYS


def _now(events: Sequence[EventMention], published: str | None) -> date | None:
    """The article's moment: its publication day, else the last day its own events are dated."""
    day = value_bounds((published or "")[:10])
    if day is not None:
        return day[0]
    ends = [b[1] for e in events if not e.background and (b := value_bounds(e.date_end or e.date))]
    return max(ends, default=None)


def venue_claims(
    events: Sequence[EventMention],
    entities: ArticleEntities,
    text: str,
    language: str | None,
    dateline: str | None = None,
    published: str | None = None,
) -> list[ClaimValue]:
    """The city of each meeting the article reports or announces (module docstring); a
    meeting long before the article (:data:`PAST_MEETING_DAYS`) is not one."""
    kinds, named_kinds = _venue_types()
    now = _now(events, published)
    found: dict[tuple[str, ...], ClaimValue] = {}
    meetings = [
        e
        for e in sorted(events, key=lambda x: x.trigger_start)
        if not e.background
        and e.status != "cancelled"
        and not _long_before(e, now)
        and (e.type in kinds or (e.type in named_kinds and len(set(e.participants)) >= 2))
    ]
    for e in meetings:
        people = tuple(sorted(set(e.participants)))
        if len(people) < 2:
            # fewer than two taking part named: the people its sentence names ("… at Thursday's
            # talks in Busan, added Trump, praising Xi")
            names = {m.canonical for m in entities.at(e.start, e.end) if m.label == "PERSON"}
            people = tuple(sorted({*people, *(n for n in names if n)}))
        key = people if len(people) >= 2 else ()
        if key in found:
            continue
        venue = _venue(e, events, entities, text, language or "en", dateline)
        if venue is None:
            continue
        m, city = venue
        subject = VENUE_SUBJECT + (f" of {' and '.join(people)}" if len(people) >= 2 else "")
        found[key] = ClaimValue(
            article_id=e.article_id,
            subject=subject,
            period=None,
            unit="city",
            kind="categorical",
            value=city,
            text=m.text,
            quote=e.quote,
            start=m.start,
            end=m.end,
            qualifier="exact",
            said_by=e.said_by,
            measure="venue",
            quote_start=e.start,
            quote_end=e.end,
        )
    named = [v for k, v in found.items() if k]
    return named or list(found.values())
