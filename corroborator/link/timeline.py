"""A story's timeline: its articles' event mentions merged into events, disagreements kept.

Steps, for one story:

1. **Story-level dates.** A mention dated only as "the second day" of a visit takes its date
   from the visit's span as another article of the story gives it; a bare weekday in an
   article that prints no date of its own ("on Tuesday") is re-read within the story's span.
2. **Coreference.** Mentions of one type family (talks and meetings are one family) are merged
   when their dates agree and their places are compatible (the same, or one inside the other),
   or — across articles — when their dates disagree but they name the same venue and share
   participants: the same happening reported with a different day. Different subtypes
   never merge (an informal meeting is not the talks), unless they are rounds of one event
   (an expanded and a one-on-one round of the same talks: ``rounds`` in the ontology). An
   undated mention told as done does not join an event whose days all fall after its article
   was printed.
3. **Merged values.** Status: reported over planned, a cancellation kept. Date: the day the
   best-told mention gives (its own words, then its sentence or article, then the event told
   before it, then coreference), among equals the one most independent sources give; place:
   the value most independent sources give; every other value is kept under ``conflicts``
   with its articles. A mention keeps the date it was told; only undated ones take the
   event's. History the articles recall (``background``) stays out of the timeline: it
   becomes events of its own flagged ``background`` (out of the story's span and title).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from corroborator.analyze.gazetteer import load_gazetteer
from corroborator.analyze.ontology import load_ontology
from corroborator.link.caused import dated_by_cause
from corroborator.link.dependence import Dependence
from corroborator.link.event_merge import (
    merge_mentions,
    merge_visits,
    places_compatible,
    visit_days,
)
from corroborator.link.story_dates import (
    PREFERRED,
    StorySpan,
    redated,
    resolve_story_dates,
    type_family,
)
from corroborator.model import Article, Conflict, Event, EventMention


def _vote(
    mentions: Sequence[EventMention], field: str, dependence: Dependence
) -> tuple[str | None, Conflict | None]:
    support: dict[str, set[str]] = {}
    articles: dict[str, set[str]] = {}
    values_seen = [getattr(m, field) for m in mentions if getattr(m, field)]
    # a month or a year ("2025") does not dispute a day inside it: days decide when given
    days = {v for v in values_seen if field != "date" or len(v) == 10}
    for m in mentions:
        value = getattr(m, field)
        if field == "date" and days and value not in days:
            continue
        if value:
            support.setdefault(value, set()).add(
                dependence.group_of.get(m.article_id, m.article_id)
            )
            articles.setdefault(value, set()).add(m.article_id)
    if not support:
        return None, None
    if field == "date":
        # the day the best-told mention gives (its own words over its article over the
        # event before it over coreference); among equals, the most independent sources
        rank = {v: min(_evidence_rank(m) for m in mentions if m.date == v) for v in support}
        ranked = sorted(support, key=lambda v: (rank[v], -len(support[v]), v))
    else:
        ranked = sorted(support, key=lambda v: (-len(support[v]), v))
    if field == "place":
        # a venue and the city it is in do not disagree: keep the most specific
        gaz = load_gazetteer()
        best = ranked[0]
        for v in ranked:
            if gaz.within(v, best):
                best = v
        clashing = [v for v in ranked if not places_compatible(v, best)]
        if not clashing:
            return best, None
        ranked = [best, *clashing]
    if len(ranked) == 1:
        return ranked[0], None
    # a dispute is between sources: values that only one article gives between them (a span
    # and a day of the same article) are that article's precision, not a disagreement
    sources = [support[v] for v in ranked]
    if not any(a.isdisjoint(b) for i, a in enumerate(sources) for b in sources[i + 1 :]):
        return ranked[0], None
    values = tuple((v, tuple(sorted(articles[v]))) for v in ranked)
    return ranked[0], Conflict(field=field, values=values)


# How directly a mention's date was told, best first (``date_source``): its own expression
# (also as re-read against the story), then its sentence or article (a ruling sentence, an
# earlier mention of the event, the visit's one day, the article's day for a count), then the
# event told before it, then coreference. Unknown sources rank with the article-level ones.
_OWN = frozenset(
    {"expression", "weekday_for_story", "story_weekday", "story_year", "story_span", "day_of_span"}
)
_RANK_PREVIOUS, _RANK_COREFERENCE = 2, 3


def _evidence_rank(m: EventMention) -> int:
    """0 for a date of the mention's own words, 1 for its sentence or article, 2 for the
    event before it, 3 for coreference (or none)."""
    if m.date is None or m.date_source == "coreference":
        return _RANK_COREFERENCE
    if m.date_source in _OWN:
        return 0
    return _RANK_PREVIOUS if m.date_source == "previous_event" else 1


def _date_by_coreference(
    group: Sequence[EventMention], date_value: str | None
) -> list[EventMention]:
    """An undated mention of a dated event ("the talks", "a signing") takes the event's date
    (``date_source`` "coreference"); mentions with dates of their own keep them."""
    own: dict[str, str] = {}
    for m in group:
        if m.date and m.article_id not in own:
            own[m.article_id] = m.date  # the article's own day for this event comes first
    out = []
    for m in group:
        day = own.get(m.article_id) or date_value
        if m.date is None and day:
            m = redated(m, day, "coreference", "date of the event it refers to")
        out.append(m)
    return out


# The status reason of an event named by a preposition of things to come ("ahead of the
# parade", «перед переговорами»).
_AHEAD_OF = "preposition of things to come"


def _dated_by_sentence(
    mentions: Sequence[EventMention], dependence: Dependence, published: dict[str, str]
) -> list[EventMention]:
    """An undated event told in one sentence with a dated one takes that one's day: "after
    seven hours of talks, they signed a statement", "documents were signed during the
    meeting" — the day the talks or the meeting have, from the article or, by coreference,
    from the story. Not recurring events (a toll told with the quake is not the quake's) nor
    disasters, nor from a visit or a span (a signing during a visit is one day of it,
    unknown) or what the sentence is ahead of, nor history."""
    types = load_ontology().types
    recurring = {name for name, spec in types.items() if spec.recurring}
    # the day words were said is not the day of what they tell as still to come ("… are
    # expected to sign accords, the Kremlin said"), only of what they tell as done ("Xi met
    # Putin, the Kremlin said on Thursday")
    saying = {name for name, spec in types.items() if spec.said_on_report_day}
    # a disaster (a type that brings others about: ``caused_by``) is told in the sentences of
    # its aftermath ("rescuers arrived to deal with the consequences of the earthquake", "a
    # truce was declared for the quake relief"), which come days after it: it neither takes
    # their day nor gives its own to them (what it brings down at once takes its day by cause)
    causes = {spec.caused_by for spec in types.values() if spec.caused_by}
    apart = recurring | causes
    if not any(m.date is None and m.type not in apart for m in mentions):
        return list(mentions)
    days: dict[tuple[str, int], str] = {}
    said: dict[tuple[str, int], str] = {}
    for group in merge_mentions(mentions, published):
        value, _ = _vote(group, "date", dependence)
        for m in _date_by_coreference(group, value):
            if m.status_reason == _AHEAD_OF:
                # "… after drone strikes forced closures ahead of Friday's parade": what the
                # sentence is ahead of comes after the rest of it, so its day is not theirs
                continue
            if m.date and len(m.date) == 10 and not m.date_end and m.type not in apart:
                (said if m.type in saying else days).setdefault((m.article_id, m.start), m.date)
    out = []
    for m in mentions:
        day = days.get((m.article_id, m.start))
        if day is None and m.status == "reported":
            day = said.get((m.article_id, m.start))
        if m.date is None and day and not m.background and m.type not in apart:
            m = redated(m, day, "coreference", "date of the event told in the same sentence")
        out.append(m)
    return out


def build_events(
    story_id: str,
    mentions: Sequence[EventMention],
    articles: dict[str, Article],
    dependence: Dependence,
    span: StorySpan | None = None,
) -> list[Event]:
    """The timeline of one story: its visits (:func:`merge_visits`) and the other events
    (:func:`merge_mentions`); an event no mention places takes the place of the visit it
    falls in (:func:`_place_from_visits`). ``span``, the user's correction of the story's
    span, replaces the one the mentions give for story-level dates."""
    resolved = dated_by_cause(resolve_story_dates(mentions, articles, span))
    events = [
        _visit_event(story_id, _under_way(g, articles), dependence) for g in merge_visits(resolved)
    ]
    published = {aid: a.published for aid, a in articles.items() if a.published}
    for group in merge_mentions(_dated_by_sentence(resolved, dependence, published), published):
        statuses = {m.status for m in group}
        status = _merged_status(group)
        conflicts = []
        date_value, date_conflict = _vote(group, "date", dependence)
        place_value, place_conflict = _vote(group, "place", dependence)
        conflicts += [c for c in (date_conflict, place_conflict) if c]
        if {"reported", "cancelled"} <= statuses:
            conflicts.append(
                Conflict(
                    "status",
                    tuple(
                        (s, tuple(sorted({m.article_id for m in group if m.status == s})))
                        for s in ("reported", "cancelled")
                    ),
                )
            )
        types = Counter(m.type for m in group)
        type_name = sorted(types, key=lambda t: (PREFERRED.get(t, 0), -types[t], t))[0]
        subtypes = Counter(m.subtype for m in group if m.subtype)
        ends = [m.date_end for m in group if m.date_end and m.date == date_value]
        events.append(
            Event(
                story_id=story_id,
                type=type_name,
                subtype=subtypes.most_common(1)[0][0] if subtypes else None,
                status=status,  # type: ignore[arg-type]
                mentions=tuple(
                    sorted(
                        _date_by_coreference(group, date_value),
                        key=lambda m: (m.article_id, m.trigger_start),
                    )
                ),
                date=date_value,
                date_end=ends[0] if ends else None,
                place=place_value,
                participants=tuple(sorted({p for m in group for p in m.participants})),
                conflicts=tuple(conflicts),
            )
        )
    events = _place_from_visits(events) + _history(story_id, resolved, dependence)
    return sorted(events, key=lambda e: (e.date or "9999", e.type, e.id))


def _history(
    story_id: str, mentions: Sequence[EventMention], dependence: Dependence
) -> list[Event]:
    """History the articles recall ("their first summit, in Vladivostok in April 2019"), as
    events flagged ``background``: mentions of one type family on the same date (a day, a
    month or a year as written) at compatible places are one event; undated ones stay apart.
    Their place and date are voted as for the story's own events, without conflicts."""
    groups: list[list[EventMention]] = []
    recalled = sorted(
        (m for m in mentions if m.background),
        key=lambda m: (type_family(m.type), m.date or "", m.article_id, m.trigger_start),
    )
    for m in recalled:
        target = next(
            (
                g
                for g in groups
                if m.date
                and g[0].date == m.date
                and type_family(g[0].type) == type_family(m.type)
                and places_compatible(g[0].place, m.place)
            ),
            None,
        )
        if target is None:
            groups.append([m])
        else:
            target.append(m)
    events = []
    for group in groups:
        types = Counter(m.type for m in group)
        place, _ = _vote(group, "place", dependence)
        events.append(
            Event(
                story_id=story_id,
                type=sorted(types, key=lambda t: (PREFERRED.get(t, 0), -types[t], t))[0],
                subtype=None,
                status=_merged_status(group),  # type: ignore[arg-type]
                mentions=tuple(sorted(group, key=lambda m: (m.article_id, m.trigger_start))),
                date=group[0].date,
                date_end=group[0].date_end,
                place=place,
                participants=tuple(sorted({p for m in group for p in m.participants})),
                background=True,
            )
        )
    return events


def _merged_status(group: Sequence[EventMention]) -> str:
    statuses = {m.status for m in group}
    for status in ("reported", "in_progress", "cancelled"):
        if status in statuses:
            return status
    return "planned"


# Status reasons that say nothing of whether the visit is over: a visit so told by an article
# published during the visit's days is under way ("Putin is on a state visit to Vietnam",
# "Xi arrived on Wednesday for a four-day visit" printed on the Thursday): the past tense
# there tells what already happened of it (the arrival), not that it ended.
_TENSELESS = frozenset({"present tense", "default", "past tense", "date not after the article"})


# Verbs that tell a visit as over ("ended his visit", "left Hanoi"): no longer under way.
_ENDING = re.compile(r"\b(end|ended|ends|conclud\w*|wrap\w*|left|leav\w*|depart\w*|complet\w*)\b")


# Characters either side of the trigger searched for an ending verb: a clause's verb and its
# visit ("wrapped up a two-day state visit") sit within a few words; a whole sentence would
# catch other legs of a trip ("landed in Hanoi after leaving Pyongyang").
_ENDING_WINDOW = 40


def _told_as_ended(m: EventMention) -> bool:
    at = m.trigger_start - m.start
    window = m.quote[max(at - _ENDING_WINDOW, 0) : at + len(m.trigger) + _ENDING_WINDOW]
    return bool(_ENDING.search(window.lower()))


def _under_way(group: list[EventMention], articles: dict[str, Article]) -> list[EventMention]:
    """Visit mentions told as happening or begun (present, past or no tense: not planned,
    cancelled or told as ended) from an article published within the visit's days become
    ``in_progress``, saying why."""
    spans = [d for d in map(visit_days, group) if d]
    if not spans:
        return group
    first, last = min(d[0] for d in spans), max(d[1] for d in spans)
    if first == last:
        return group  # a one-day span says nothing of "under way" by the day
    out = []
    for m in group:
        article = articles.get(m.article_id)
        published = article.published if article is not None else None
        if (
            m.status == "reported"
            and m.status_reason in _TENSELESS
            and not _told_as_ended(m)
            and published
            and len(published) >= 10
            and first <= published[:10] <= last
        ):
            m = replace(
                m,
                status="in_progress",
                status_reason="under way at writing",
                evidence=(*m.evidence, "status: told in the present during the visit's days"),
            )
        out.append(m)
    return out


def _visit_event(story_id: str, group: Sequence[EventMention], dependence: Dependence) -> Event:
    """One visit: its days from the earliest start to the latest end its mentions give (a
    span and a day inside it do not disagree), its destination by vote (the most specific of
    compatible places), its status as for any event."""
    spans = [d for d in map(visit_days, group) if d]
    coarse = sorted(m.date for m in group if m.date and len(m.date) < 10)
    start = min((d[0] for d in spans), default=coarse[0] if coarse else None)
    end = max((d[1] for d in spans), default=None)
    place, place_conflict = _vote(group, "place", dependence)
    subtypes = Counter(m.subtype for m in group if m.subtype)
    return Event(
        story_id=story_id,
        type="visit",
        subtype=subtypes.most_common(1)[0][0] if subtypes else None,
        status=_merged_status(group),  # type: ignore[arg-type]
        mentions=tuple(sorted(group, key=lambda m: (m.article_id, m.trigger_start))),
        date=start,
        date_end=end if end and end != start else None,
        place=place,
        participants=tuple(sorted({p for m in group for p in m.participants})),
        conflicts=(place_conflict,) if place_conflict else (),
    )


def _place_from_visits(events: list[Event]) -> list[Event]:
    """Events no mention places take the destination of the story's main visit (the one most
    articles tell, told by half of those telling any event) when they fall within its days
    (one day of margin: an arrival the night before) or are undated: talks during a state
    visit to Hanoi happen in Hanoi. Marked ``place_from="visit"``; history and the visit
    itself are left alone."""
    visits = [e for e in events if e.type == "visit" and e.place]
    if not visits:
        return events
    main = max(visits, key=lambda e: (len({m.article_id for m in e.mentions}), len(e.mentions)))
    if not main.date or len(main.date) != 10:
        return events
    # only in a story about the visit: at least half the articles that tell any event tell it
    # (an earthquake story's visit of a leader to a hospital does not place the death tolls)
    telling = {m.article_id for e in events for m in e.mentions}
    if 2 * len({m.article_id for m in main.mentions}) < len(telling):
        return events
    first = date.fromisoformat(main.date) - timedelta(days=1)
    last = date.fromisoformat(
        main.date_end if main.date_end and len(main.date_end) == 10 else main.date
    ) + timedelta(days=1)
    out = []
    for e in events:
        inside = e.date is None or (
            len(e.date) == 10 and first <= date.fromisoformat(e.date) <= last
        )
        if e.type != "visit" and e.place is None and inside:
            e = replace(e, place=main.place, place_from="visit")
        out.append(e)
    return out
