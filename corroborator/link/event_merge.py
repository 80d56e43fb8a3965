"""Coreference of a story's event mentions (step 2 of :mod:`corroborator.link.timeline`):
mentions of one type family are merged when their dates agree and their places are compatible,
or across articles when their dates disagree but they name the same venue and share
participants; visits merge by overlapping days; rounds of one set of talks are one event; an
undated mention told as done does not join an event whose days all fall after its article was
printed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from corroborator.analyze.gazetteer import load_gazetteer
from corroborator.analyze.ontology import load_ontology
from corroborator.link.same_count import shares_count
from corroborator.link.story_dates import DISPUTE_MAX_DAYS, type_family, weekday_of
from corroborator.model import EventMention


def places_compatible(a: str | None, b: str | None) -> bool:
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
    return all(places_compatible(m.place, p) for p in c.places)


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
    if not all(places_compatible(p, q) for p in a.places for q in b.places):
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


def visit_days(m: EventMention) -> tuple[str, str] | None:
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
            visit_days(m) is None,
            not m.date_end,
            m.date or "",
            m.article_id,
            m.trigger_start,
        ),
    )
    groups: list[list[EventMention]] = []
    for m in ordered:
        days = visit_days(m)
        fits = []
        for g in groups:
            people = {p for x in g for p in x.participants}
            if not _people_compatible(set(m.participants), people):
                continue
            if not all(places_compatible(m.place, x.place) for x in g):
                continue
            spans = [d for d in map(visit_days, g) if d]
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
            type_family(m.type),
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
            (c for c in clusters if c.family == type_family(m.type) and _can_join(c, m)), None
        )
        if target is None:
            clusters.append(_Cluster(type_family(m.type), [m]))
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
            weekday = weekday_of(m.date_text, first_word=True)
            same_day = [
                c
                for c in clusters
                if c.family == type_family(m.type)
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
                if c.family == type_family(m.type) and c.dates and shares_count(m, c.mentions)
            ]
            if len(same_day) == 1:
                same_day[0].mentions.append(m)
            elif len(same_count) == 1:
                same_count[0].mentions.append(m)
            else:
                clusters.append(_Cluster(type_family(m.type), [m]))
            continue
        fits = [
            c
            for c in clusters
            if c.family == type_family(m.type)
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
            clusters.append(_Cluster(type_family(m.type), [m]))
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
        if c.family == type_family(m.type)
        and c.dates
        and people <= c.people
        and not (m.subtype and c.subtypes and m.subtype not in c.subtypes and not _rounds(m, c))
        and not _after_report(m, c, published)
    ]
    return found if len(found) == 1 else []
