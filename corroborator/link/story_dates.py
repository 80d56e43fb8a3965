"""A story's dates read together (step 1 of :mod:`corroborator.link.timeline`): a mention dated only
as "the second day" of a visit takes its date from the visit's span as another article of the
story gives it; a bare weekday in an article that prints no date of its own ("on Tuesday") is
re-read within the story's span; days printed without a year take the year of the days the
story tells. Also the type families and the redating helper the other timeline steps share.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from corroborator import lexicon
from corroborator.model import Article, DateSource, EventMention

FAMILY = {"meeting": "talks"}
# Type to show for a merged family: the more specific one.
PREFERRED = {"talks": 0, "meeting": 1}


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


def weekday_of(text: str | None, *, first_word: bool = False) -> int | None:
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


def redated(m: EventMention, day: str, source: DateSource, why: str, **more: Any) -> EventMention:
    """``m`` dated ``day`` by ``source``, with ``why`` added to its evidence."""
    return replace(m, date=day, date_source=source, evidence=(*m.evidence, why), **more)


def type_family(t: str) -> str:
    return FAMILY.get(t, t)


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
            m = redated(m, moved, "story_year", "year of the days the story tells")
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
                m = redated(m, day.isoformat(), "story_span", "day of the story's visit")
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
                m = redated(m, moved, "story_year", "year of the story's span")
        weekday = weekday_of(text)
        if weekday is not None and article is not None and article.published is None:
            lo = span.start - timedelta(days=SPAN_MARGIN_DAYS)
            hi = span.end + timedelta(days=SPAN_MARGIN_DAYS)
            days = [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]
            hits = [d for d in days if d.weekday() == weekday]
            if len(hits) == 1 and hits[0].isoformat() != m.date:
                m = redated(
                    m,
                    hits[0].isoformat(),
                    "story_weekday",
                    f"{text.title()} read within the story's span",
                    date_end=None,
                )
        out.append(m)
    return out
