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
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from corroborator import lexicon
from corroborator.analyze.gazetteer import load_gazetteer
from corroborator.analyze.ontology import load_ontology
from corroborator.link.caused import dated_by_cause
from corroborator.link.dependence import Dependence
from corroborator.link.same_count import shares_count
from corroborator.model import Article, Conflict, DateSource, Event, EventMention

_FAMILY = {"meeting": "talks"}
# Type to show for a merged family: the more specific one.
_PREFERRED = {"talks": 0, "meeting": 1}


@cache
def _weekday_names() -> tuple[dict[str, int], frozenset[str]]:
    """Weekday words of every language's temporal pack (English "tuesday", Russian "вторник",
    "во вторник" read as "вторник", "пятницу") with their numbers, and the Russian words of a
    part of the day that may follow one ("в среду вечером")."""
    names: dict[str, int] = {}
    for pack in ("temporal.yaml", "temporal_ru.yaml"):
        for num, forms in (lexicon.load(pack).get("weekdays") or {}).items():
            names.update({str(f).lower(): int(num) for f in forms})
    parts = lexicon.load("temporal_ru.yaml").get("parts_of_day") or {}
    return names, frozenset(str(w).lower() for forms in parts.values() for w in forms)


def _weekday(text: str | None, *, first_word: bool = False) -> int | None:
    """The weekday a mention's date text names alone ("Tuesday", "пятницу", "среду вечером"),
    or with ``first_word`` the weekday its first word names ("Monday night")."""
    words = (text or "").lower().removeprefix("on ").split()
    names, parts = _weekday_names()
    if not words or (not first_word and not all(w in parts for w in words[1:])):
        return None
    return names.get(words[0])


# A re-read weekday must fall within the story's span widened by this many days either side.
SPAN_MARGIN_DAYS = 3
# Two reports giving one meeting of the same people different days: the seeds and the example
# corpus dispute one day (Tuesday against Wednesday), a time-zone slip is one day; two leaves
# room for both and no more: the same leaders meeting again three days later is another one.
DISPUTE_MAX_DAYS = 2


def _redated(m: EventMention, day: str, source: DateSource, why: str, **more: Any) -> EventMention:
    """``m`` dated ``day`` by ``source``, with ``why`` added to its evidence."""
    return replace(m, date=day, date_source=source, evidence=(*m.evidence, why), **more)


def _family(t: str) -> str:
    return _FAMILY.get(t, t)


@dataclass(frozen=True)
class StorySpan:
    """The first and last day of the visit or programme a story is about."""

    start: date
    end: date


def story_span(mentions: Sequence[EventMention]) -> StorySpan | None:
    """The span of the story's own visit: the widest day range a visit mention gives."""
    best: StorySpan | None = None
    for m in mentions:
        if m.type != "visit" or m.background or not m.date or not m.date_end:
            continue
        try:
            span = StorySpan(date.fromisoformat(m.date), date.fromisoformat(m.date_end))
        except ValueError:
            continue
        if best is None or (span.end - span.start) > (best.end - best.start):
            best = span
    return best


def _same_day_in(span: StorySpan, iso: str) -> str | None:
    """``iso``'s month and day in the year that puts it within the story's span (with margin)."""
    lo = span.start - timedelta(days=SPAN_MARGIN_DAYS)
    hi = span.end + timedelta(days=SPAN_MARGIN_DAYS)
    for year in {lo.year, hi.year}:
        try:
            day = date(year, int(iso[5:7]), int(iso[8:10]))
        except ValueError:
            continue
        if lo <= day <= hi:
            return day.isoformat()
    return None


def _told_days(mentions: Sequence[EventMention]) -> StorySpan | None:
    """The days the story's dated, current mentions run over: where a day printed without a
    year belongs when the story has no visit span."""
    days = []
    for m in mentions:
        if m.background or not m.date or len(m.date) != 10:
            continue
        try:
            days.append(date.fromisoformat(m.date))
        except ValueError:
            continue
    return StorySpan(min(days), max(days)) if days else None


def _month_day(text: str) -> str | None:
    """``2000-MM-DD`` for the day ``text`` prints without a year ("midday on March 28")."""
    from corroborator.ingest.dates import _names, patterns

    months, _ = _names()
    for key in ("mdy", "dmy"):
        found = patterns()[key].search(text)
        if found and not found.group("year"):
            month = months[found.group("month").lower().rstrip(".")]
            try:
                return date(2000, month, int(found.group("day"))).isoformat()
            except ValueError:
                return None
    return None


def _yearless(mentions: Sequence[EventMention], articles: dict[str, Article]) -> list[EventMention]:
    """A day printed without a year, in an article without a date, takes the year that puts it
    among the days the story tells (within :data:`SPAN_MARGIN_DAYS`)."""
    span = story_span(mentions) or _told_days(mentions)
    if span is None:
        return list(mentions)
    out = []
    for m in mentions:
        article = articles.get(m.article_id)
        day = (
            _month_day(m.date_text)
            if m.date is None and m.date_text and article is not None and not article.published
            else None
        )
        moved = _same_day_in(span, day) if day else None
        if moved:
            m = _redated(m, moved, "story_year", "year of the days the story tells")
        out.append(m)
    return out


def resolve_story_dates(
    mentions: Sequence[EventMention],
    articles: dict[str, Article],
    span: StorySpan | None = None,
) -> list[EventMention]:
    """Mentions with story-level dates filled in (see the module docstring), within ``span``
    (the user's correction of the story's span) or the span the mentions give."""
    mentions = _yearless(mentions, articles)
    span = span or story_span(mentions)
    if span is None:
        return list(mentions)
    out = []
    for m in mentions:
        if m.date is None and m.day_of_span:
            day = span.start + timedelta(days=m.day_of_span - 1) if m.day_of_span > 0 else span.end
            if span.start <= day <= span.end:
                m = _redated(m, day.isoformat(), "story_span", "day of the story's visit")
        text = (m.date_text or "").lower().removeprefix("on ").strip()
        article = articles.get(m.article_id)
        if (
            article is not None
            and article.published is None
            and m.date
            and len(m.date) == 10
            and text
            and not re.search(r"\b(?:19|20)\d\d\b", text)
        ):
            # "27 November" in an article that prints no year: the year the story is in
            moved = _same_day_in(span, m.date)
            if moved and moved != m.date:
                m = _redated(m, moved, "story_year", "year of the story's span")
        weekday = _weekday(text)
        if weekday is not None and article is not None and article.published is None:
            lo = span.start - timedelta(days=SPAN_MARGIN_DAYS)
            hi = span.end + timedelta(days=SPAN_MARGIN_DAYS)
            days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
            hits = [d for d in days if d.weekday() == weekday]
            if len(hits) == 1 and hits[0].isoformat() != m.date:
                m = _redated(
                    m,
                    hits[0].isoformat(),
                    "story_weekday",
                    f"{text.title()} read within the story's span",
                    date_end=None,
                )
        out.append(m)
    return out


def _places_compatible(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return True
    gaz = load_gazetteer()
    return a == b or gaz.within(a, b) or gaz.within(b, a)


def _venue(place: str | None) -> bool:
    entry = load_gazetteer().places.get(place or "")
    return entry is not None and entry.place_kind not in {"city", "country", "region"}


@dataclass
class _Cluster:
    family: str
    mentions: list[EventMention]

    @property
    def subtypes(self) -> set[str]:
        return {m.subtype for m in self.mentions if m.subtype}

    @property
    def dates(self) -> set[str]:
        return {m.date for m in self.mentions if m.date}

    @property
    def places(self) -> set[str]:
        return {m.place for m in self.mentions if m.place}

    @property
    def articles(self) -> set[str]:
        return {m.article_id for m in self.mentions}

    @property
    def people(self) -> set[str]:
        return {p for m in self.mentions for p in m.participants}


def _people_compatible(a: set[str], b: set[str]) -> bool:
    """Two meetings with two or more named people each are one only if one group holds the
    other: Putin with Japarov is not Putin with Lukashenko."""
    if len(a) < 2 or len(b) < 2:
        return True
    return a <= b or b <= a


def _can_join(c: _Cluster, m: EventMention) -> bool:
    if m.subtype and c.subtypes and m.subtype not in c.subtypes and not _rounds(m, c):
        return False
    if m.date and c.dates and m.date not in c.dates and not _within_range(m, c):
        return False
    if not _people_compatible(set(m.participants), c.people):
        return False
    return all(_places_compatible(m.place, p) for p in c.places)


def _rounds(m: EventMention, c: _Cluster) -> bool:
    """The subtypes of ``m`` and ``c`` are rounds of one event (an expanded and a one-on-one
    round of the same talks), not different events."""
    spec = load_ontology().types.get(m.type)
    return spec is not None and bool(spec.rounds) and {m.subtype, *c.subtypes} <= spec.rounds


# A report may be printed in a time zone a day behind the event's (Moscow against Pyongyang):
# an event told as done is at most this many days after its report's printed day.
REPORT_LAG_DAYS = 1


def _after_report(m: EventMention, c: _Cluster, published: dict[str, str]) -> bool:
    """An undated mention told as done (reported, under way, cancelled) cannot be an event
    whose every day falls after its article was printed (beyond :data:`REPORT_LAG_DAYS`): a
    report tells what has happened by then."""
    day = (published.get(m.article_id) or "")[:10]
    if m.status == "planned" or len(day) != 10 or not c.dates:
        return False
    try:
        bound = date.fromisoformat(day) + timedelta(days=REPORT_LAG_DAYS)
    except ValueError:
        return False
    return all(len(d) == 10 and d > bound.isoformat() for d in c.dates)


def _within_range(m: EventMention, c: _Cluster) -> bool:
    """A mention dated by a span ("during the 25-27 November visit") or only to a month or a
    year belongs to an event of a day inside it."""
    if not m.date:
        return False
    if m.date_end:
        return any(m.date <= d <= m.date_end for d in c.dates)
    return len(m.date) < 10 and any(d.startswith(m.date) for d in c.dates)


def _same_happening(a: _Cluster, b: _Cluster, both_days: set[frozenset[str]]) -> bool:
    """Different days, different articles, one happening told with a different day: one
    event whose date is disputed.

    Either both name the same venue and share people, or — whatever verb each uses ("met on
    Monday", "held talks on Tuesday") — both name the same two or more people at compatible
    places, the days lie at most :data:`DISPUTE_MAX_DAYS` apart, and no article of the story
    tells such a meeting of these people on both days (``both_days``: the day pairs some
    article gives this family and these people; then there were two meetings)."""
    if a.subtypes and b.subtypes and not (a.subtypes & b.subtypes):
        return False
    if a.articles & b.articles:
        return False
    if not all(_places_compatible(p, q) for p in a.places for q in b.places):
        return False
    if not (a.people & b.people) or not _people_compatible(a.people, b.people):
        return False
    venues = {p for p in a.places | b.places if _venue(p)}
    if len(venues) == 1:
        return True
    if len(a.people & b.people) < 2 or len(a.dates) != 1 or len(b.dates) != 1:
        return False
    day_a, day_b = next(iter(a.dates)), next(iter(b.dates))
    if len(day_a) != 10 or len(day_b) != 10:
        return False
    gap = abs((date.fromisoformat(day_a) - date.fromisoformat(day_b)).days)
    return gap <= DISPUTE_MAX_DAYS and frozenset((day_a, day_b)) not in both_days


def _days_told_together(clusters: Sequence[_Cluster]) -> set[frozenset[str]]:
    """Pairs of days that one article gives to one family of events with the same people: the
    article knows two happenings, so they are not one happening told with two days."""
    by_article: dict[tuple[str, str, frozenset[str]], set[str]] = {}
    for c in clusters:
        for m in c.mentions:
            if m.date and len(m.date) == 10 and len(m.participants) >= 2:
                key = (m.article_id, c.family, frozenset(m.participants))
                by_article.setdefault(key, set()).add(m.date)
    return {frozenset((x, y)) for days in by_article.values() for x in days for y in days if x != y}


def _visit_days(m: EventMention) -> tuple[str, str] | None:
    if not m.date or len(m.date) != 10:
        return None
    end = m.date_end if m.date_end and len(m.date_end) == 10 else m.date
    return m.date, end


def _overlap(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """Two day ranges that overlap or touch (an arrival the night before the first day)."""
    lo = date.fromisoformat(max(a[0], b[0]))
    hi = date.fromisoformat(min(a[1], b[1]))
    return (lo - hi).days <= 1


def merge_visits(mentions: Sequence[EventMention]) -> list[list[EventMention]]:
    """A story's (non-background) visit mentions grouped into visits: one visitor (people that
    hold one another), one destination (places that lie in one another) and days that overlap.
    Spans come first, then single days, then undated mentions, which join the visit with the
    most articles they fit. A visit's days are its range: an arrival day and the 19-20 June
    span are one visit, not a disputed date."""
    visits = [m for m in mentions if m.type == "visit" and not m.background]
    ordered = sorted(
        visits,
        key=lambda m: (
            _visit_days(m) is None,
            not m.date_end,
            m.date or "",
            m.article_id,
            m.trigger_start,
        ),
    )
    groups: list[list[EventMention]] = []
    for m in ordered:
        days = _visit_days(m)
        fits = []
        for g in groups:
            people = {p for x in g for p in x.participants}
            if not _people_compatible(set(m.participants), people):
                continue
            if not all(_places_compatible(m.place, x.place) for x in g):
                continue
            spans = [d for d in map(_visit_days, g) if d]
            if days and spans and not any(_overlap(days, d) for d in spans):
                continue
            fits.append(g)
        if fits:
            max(fits, key=lambda g: (len({x.article_id for x in g}), len(g))).append(m)
        else:
            groups.append([m])
    return groups


def merge_mentions(
    mentions: Sequence[EventMention], published: dict[str, str] | None = None
) -> list[list[EventMention]]:
    """Coreferent groups of a story's (non-background) mentions other than visits
    (:func:`merge_visits`), deterministically. An undated mention of a recurring type (a
    death toll, a rescue, an aid delivery: ``recurring`` in the ontology) is an event of its
    own: it does not take the date of whichever toll most articles give."""
    ordered = sorted(
        (m for m in mentions if not m.background and m.type != "visit"),
        key=lambda m: (
            _family(m.type),
            m.date is None,
            m.date or "",
            m.article_id,
            m.trigger_start,
        ),
    )
    clusters: list[_Cluster] = []
    # days first, then spans and undated mentions, which join the best-supported event they fit
    days = [m for m in ordered if m.date and not m.date_end and len(m.date) == 10]
    rest = [m for m in ordered if not (m.date and not m.date_end and len(m.date) == 10)]
    for m in days:
        target = next(
            (c for c in clusters if c.family == _family(m.type) and _can_join(c, m)), None
        )
        if target is None:
            clusters.append(_Cluster(_family(m.type), [m]))
        else:
            target.mentions.append(m)
    both_days = _days_told_together(clusters)
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(clusters):
            for b in clusters[i + 1 :]:
                if a.family == b.family and _same_happening(a, b, both_days):
                    a.mentions += b.mentions
                    clusters.remove(b)
                    merged = True
                    break
            if merged:
                break
    recurring = {name for name, spec in load_ontology().types.items() if spec.recurring}
    for m in rest:
        if m.date is None and m.type in recurring:
            # an undated toll, rescue or aid delivery is not the busiest one of its type: the
            # count changes from report to report, so it stays undated and apart — unless its
            # own weekday ("as of Monday night", in an article without a date) names the day
            # of exactly one dated event of its type in the story
            weekday = _weekday(m.date_text, first_word=True)
            same_day = [
                c
                for c in clusters
                if c.family == _family(m.type)
                and weekday is not None
                and any(
                    len(d) == 10 and date.fromisoformat(d).weekday() == weekday for d in c.dates
                )
            ]
            # or unless it gives a count that another report dates: the same figure ("at least
            # 1,002 dead") is the same release, in exactly one dated event of its type
            same_count = [
                c
                for c in clusters
                if c.family == _family(m.type) and c.dates and shares_count(m, c.mentions)
            ]
            if len(same_day) == 1:
                same_day[0].mentions.append(m)
            elif len(same_count) == 1:
                same_count[0].mentions.append(m)
            else:
                clusters.append(_Cluster(_family(m.type), [m]))
            continue
        fits = [
            c
            for c in clusters
            if c.family == _family(m.type)
            and not _after_report(m, c, published or {})
            and (
                _can_join(c, m)
                or (_within_range(m, c) and _people_compatible(set(m.participants), c.people))
            )
        ]
        if m.date and (m.date_end or len(m.date) < 10):
            inside = [c for c in fits if _within_range(m, c)]
            fits = inside if len(inside) == 1 else [c for c in fits if _can_join(c, m)]
        if not fits and m.date is None:
            fits = _same_people(m, clusters, published or {})
        if fits:
            max(fits, key=lambda c: (len(c.articles), len(c.mentions))).mentions.append(m)
        else:
            clusters.append(_Cluster(_family(m.type), [m]))
    return [c.mentions for c in clusters]


def _same_people(
    m: EventMention, clusters: Sequence[_Cluster], published: dict[str, str]
) -> list[_Cluster]:
    """The one dated event of ``m``'s family whose people include the two or more that the
    undated ``m`` names, when the story has exactly one: "Kim greeted Putin on the tarmac"
    told without a day is the arrival other reports date, even where the place it gives (the
    tarmac's airport, a forum's name) does not match theirs. Two such events, or fewer than
    two people named, leave it apart."""
    people = set(m.participants)
    if len(people) < 2:
        return []
    found = [
        c
        for c in clusters
        if c.family == _family(m.type)
        and c.dates
        and people <= c.people
        and not (m.subtype and c.subtypes and m.subtype not in c.subtypes and not _rounds(m, c))
        and not _after_report(m, c, published)
    ]
    return found if len(found) == 1 else []


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
        clashing = [v for v in ranked if not _places_compatible(v, best)]
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
            m = _redated(m, day, "coreference", "date of the event it refers to")
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
            m = _redated(m, day, "coreference", "date of the event told in the same sentence")
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
        type_name = sorted(types, key=lambda t: (_PREFERRED.get(t, 0), -types[t], t))[0]
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
        key=lambda m: (_family(m.type), m.date or "", m.article_id, m.trigger_start),
    )
    for m in recalled:
        target = next(
            (
                g
                for g in groups
                if m.date
                and g[0].date == m.date
                and _family(g[0].type) == _family(m.type)
                and _places_compatible(g[0].place, m.place)
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
                type=sorted(types, key=lambda t: (_PREFERRED.get(t, 0), -types[t], t))[0],
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
    spans = [d for d in map(_visit_days, group) if d]
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
    spans = [d for d in map(_visit_days, group) if d]
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
