"""The pass over one article: sentence by sentence, triggers become event mentions, each
decided by the concern modules (triggers, dating, status, participants, places) and by what
the passage before it says (the date ruling it, the event it follows, an earlier mention)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date as _date
from datetime import timedelta
from typing import Any

from corroborator.analyze import budget
from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.events.dates import DAY_RE, days_between
from corroborator.analyze.events.dating import (
    date_of,
    family,
    fill_frame,
    frame_date,
    happening_clauses,
    host_event,
    host_tokens,
    ordered_apart,
    reporting_date,
    ruling_date,
    ruling_day_of_span,
    told_today,
)
from corroborator.analyze.events.headline import after_named, headline_dates
from corroborator.analyze.events.local_date import localise_all
from corroborator.analyze.events.participants import participants_of, said_by
from corroborator.analyze.events.place_sharing import (
    country_scope,
    follow_place,
    inherit_places,
    share_by_sentence,
    share_places,
)
from corroborator.analyze.events.places import (
    hosting_place,
    place_of,
    trip_named_by_place,
    where_of,
)
from corroborator.analyze.events.seats import seat_of
from corroborator.analyze.events.spans import first_day_span, last_day_span, span_of_told
from corroborator.analyze.events.status import counted_since, is_background, status_of
from corroborator.analyze.events.triggers import (
    is_generic,
    is_generic_sentence,
    is_hypothetical,
    misread_verb,
    noun_trigger,
    subtype_of,
    verb_trigger,
)
from corroborator.analyze.events.view import ArticleView, Trigger
from corroborator.model import (
    Article,
    DateSource,
    EventMention,
    Status,
    StatusReason,
    TimeExpression,
)


@dataclass(frozen=True)
class Grammar:
    """What one language decides about its event mentions; the pass over the article (dates
    from the passage, anaphora, places shared and inherited) is the same for every language.
    Each field has the signature of the English function it stands for."""

    triggers: Callable[[ArticleView, Any], list[Trigger]]
    date: Callable[
        [ArticleView, Trigger, Any, list[Trigger]], tuple[str | None, str | None, str | None]
    ]
    status: Callable[[ArticleView, Trigger, str | None], tuple[Status, StatusReason]]
    place: Callable[[ArticleView, Any, list[Any] | None], str | None]
    participants: Callable[[ArticleView, Trigger], tuple[list[str], list[str]]]
    said_by: Callable[[ArticleView, Trigger, Any], str | None]
    # (view, trigger, date, date end, told from the passage's day) → history the article recalls
    background: Callable[[ArticleView, Trigger, str | None, str | None, bool], bool]
    subtype: Callable[[ArticleView, Trigger], str | None]
    generic_sentence: Callable[[ArticleView, Any], bool]
    sequenced: Callable[[ArticleView, Any], bool]
    definite: Callable[[Trigger], bool]
    # the lemmas of the verbs that report a recurring count ("сообщил"), read when first
    # needed; None: the English ones
    reporting_verbs: Callable[[], frozenset[str]] | None = None
    # (view, trigger, status, status reason) → the event is news of the report's own day by
    # its grammar, when nothing else dates it: "now" ("is holding talks", "has cancelled") or
    # "said" ("…, the ministry said": the day the report tells); None: never
    told_today: Callable[[ArticleView, Trigger, str, str], str | None] | None = None
    # (view, trigger token) → the seat of the official body that speaks; None: never
    seat: Callable[[ArticleView, Any], str | None] | None = None
    # the day of a recurring count told by the sentence after it ("Об этом в субботу сообщает
    # агентство"), when its own sentence gives none; None: the language has no such pattern
    reported_after: (
        Callable[[ArticleView, Any], tuple[str | None, str | None, str | None]] | None
    ) = None
    # the language tells a past day in the present ("Си Цзиньпин проходит по центру зала,
    # звучат гимны" in a report printed after that day): a present told right after a dated
    # event takes the day the report is telling, when that day is before the report's own
    historical_present: bool = False
    # (trigger) → the nouns of its clause that may name an event it happens during ("during
    # the visit", «в ходе визита»); None: the English prepositions (:func:`.host_tokens`)
    hosts: Callable[[Trigger], list[Any]] | None = None


@dataclass
class _Context:
    ruling: tuple[str | None, str | None]
    last_by_family: dict[str, EventMention]
    previous: EventMention | None
    sequenced: bool
    day_of_span: int | None = None
    told: list[EventMention] = field(default_factory=list)
    # the mentions already told in this sentence
    sentence: list[EventMention] = field(default_factory=list)


def _heading(view: ArticleView, sent: Any) -> bool:
    """A section heading line ("Bilateral Relations"): short, on its own line, no stop."""
    line = sent.text.strip()
    return (
        0 < len(line.split()) <= 4
        and not re.search(r"[.!?:;,”\"]$", line)
        and line[:1].isupper()
        and (
            sent.end_char >= len(view.text)
            or "\n" in view.text[sent.end_char - 1 : sent.end_char + 1]
        )
        and not any(sent.start_char <= t.start < sent.end_char for t in view.timexes)
    )


def _sequenced(view: ArticleView, sent: Any) -> bool:
    """The sentence chains its events to the previous ones ("This will be followed by …"); a
    cue inside a quotation chains what the speaker tells, not the sentence's events."""
    first = sent[0].lower_ if len(sent) else ""
    cues = view.ont.sequence_cues
    return first in {"this", "then", "afterwards", "it"} or any(
        (t.lemma_.lower() in cues or t.lower_ in cues)
        and not any(s <= t.idx < e for s, e in view.quotes)
        for t in sent
    )


def merge_same_type(mentions: list[EventMention]) -> list[EventMention]:
    """One mention per event type per sentence ("adopting a statement and signing documents"),
    unless one is history and the other not, or they differ in status: "is expected to sign
    agreements to deepen the partnership the two signed in 2022" tells two signings."""
    merged: dict[tuple[str, bool, str], EventMention] = {}
    order: list[tuple[str, bool, str]] = []
    for m in mentions:
        key = (m.type, m.background, m.status)
        if key not in merged:
            merged[key] = m
            order.append(key)
            continue
        first = merged[key]
        # the date's provenance comes with the date, from whichever mention gives it
        dated = m if m.date and not first.date else first
        merged[key] = replace(
            first,
            date=first.date or m.date,
            date_text=dated.date_text,
            date_source=dated.date_source,
            date_end=first.date_end or m.date_end,
            place=first.place or m.place,
            participants=tuple(dict.fromkeys(first.participants + m.participants)),
            actors=tuple(dict.fromkeys(first.actors + m.actors)),
            subtype=first.subtype or m.subtype,
        )
    return [merged[t] for t in order]


def _definite(trig: Trigger) -> bool:
    """The trigger has a definite determiner ("the talks"): it may refer to an earlier one."""
    return any(
        c.lower_ in {"the", "this", "these", "their"}
        for c in trig.token.children
        if c.dep_ in {"det", "poss"}
    )


def _indefinite(trig: Trigger) -> bool:
    """The trigger has an indefinite article ("a visit"), by the parser's morphology."""
    return any(c.dep_ == "det" and "Ind" in c.morph.get("Definite") for c in trig.token.children)


def _named(trig: Trigger) -> bool:
    """The trigger carries a name of its own ("the APEC summit", "the Victory Day parade"): it
    names its event rather than pointing back to the last one of its type."""
    return any(c.dep_ in {"compound", "nmod"} and c.pos_ == "PROPN" for c in trig.token.children)


# A day told by reference to the passage's day ("earlier in the day", "later that day", "the
# same day"): the day of the events the article has been telling, not the day it was printed.
_SAME_DAY = re.compile(
    r"\b(?:(?:earlier|later) (?:in|on) the day|(?:later|earlier) that day|that "
    r"(?:same )?day|the same day)\b",
    re.IGNORECASE,
)


_NAMED_DAY = re.compile(
    r"\d|monday|tuesday|wednesday|thursday|friday|saturday|sunday", re.IGNORECASE
)


def _own_span(told: list[EventMention]) -> tuple[str, str] | None:
    """The span of days of the one visit the article has told so far with its first and last
    day ("arrived on Sunday for a three-day visit", "a visit from May 12 to 14"); None when it
    told none, or visits with different spans."""
    spans = {
        (m.date, m.date_end)
        for m in told
        if m.type == "visit"
        and not m.background
        and m.status != "cancelled"
        and m.date
        and m.date_end
        and DAY_RE.match(m.date)
        and DAY_RE.match(m.date_end)
        and m.date_source == "expression"
    }
    if len(spans) != 1:
        return None
    begin, end = spans.pop()
    return (begin, end) if begin and end else None


def _passage_day(ctx: _Context) -> str | None:
    """The day of the last event the article dated to a day by a date or a weekday of its own
    (not "today", which in a quotation is the speaker's day, not the passage's)."""
    for m in reversed(ctx.told):
        if (
            not m.background
            and m.date
            and len(m.date) == 10
            and (
                (m.date_source == "expression" and _NAMED_DAY.search(m.date_text or ""))
                # "On the second day of his visit, …": a day the article's own span gives
                or m.date_source == "day_of_span"
            )
        ):
            return m.date
    return None


# A report tells the news of its own day or of the day before (a morning paper's "on
# Thursday", printed on Friday); a lead dated earlier is a look back, not the report's day.
# Set by how dailies date, not fitted: the development reports' leads fall on their printed
# day or the day before; two days would take Monday's news in Wednesday's paper for its own.
_NEWS_DAY_LAG = 1


def _news_day(view: ArticleView, ctx: _Context) -> str | None:
    """The day the report tells: the latest day, the article's or the one before, that it has
    named for an event it reports as done ("concluded a meeting on Thursday", printed on
    Friday: Thursday; "arrived on Monday … held talks on Tuesday", printed on Tuesday:
    Tuesday); the article's day when it has named neither."""
    anchor = view.anchor
    if anchor is None:
        return None
    told = [
        m.date
        for m in ctx.told
        if m.status == "reported"
        and not m.background
        and m.date
        and len(m.date) == 10
        and m.date_source == "expression"
        and _NAMED_DAY.search(m.date_text or "")
        and 0 <= days_between(m.date, anchor) <= _NEWS_DAY_LAG
    ]
    return max(told) if told else anchor


def _ahead_of(view: ArticleView, trig: Trigger, sent: Any, ctx: _Context, lang: Grammar) -> bool:
    """The trigger is a plan told from the time of writing (its sentence in the present or
    future: "He is scheduled to travel … to open a consulate") and the day ruling the passage
    is before the article's: what is still to come is not on a day already past."""
    ruled = ctx.ruling[1] or ctx.ruling[0]
    if not ruled or not view.anchor or ruled[:10] >= view.anchor[:10]:
        return False
    if lang.status(view, trig, None)[0] != "planned":
        return False
    root = sent.root
    tensed = [root, *(c for c in root.children if c.dep_ in {"aux", "auxpass"})]
    return not any(t.tag_ in {"VBD"} for t in tensed) and any(
        t.tag_ in {"VBZ", "VBP", "MD"} for t in tensed
    )


def _narrative_day(view: ArticleView, sent: Any, ctx: _Context) -> tuple[str, str | None] | None:
    """The day of the last event told before in the same paragraph, if the article reports it
    as done and dated it to a day of its own (not a count, not history): the day the report
    is telling. A new paragraph may turn to another thread (the leg of the trip before)."""
    last = next((m for m in reversed(ctx.told) if not m.background), None)
    if (
        last is None
        or "\n" in view.text[last.end : sent.start_char]
        or last.status != "reported"
        or not last.date
        or len(last.date) != 10
        or last.date_end
        or last.date_source not in {"expression", "previous_event", "day_of_span"}
        # a day the text names, not a clock time resolved against the article's day ("after
        # one in the morning" in a report printed a day later)
        or (last.date_source == "expression" and not _NAMED_DAY.search(last.date_text or ""))
    ):
        return None
    return last.date, None


def _cause_day(view: ArticleView, trig: Trigger, ctx: _Context) -> str | None:
    """The one day the article gives the event that brings ``trig``'s type about (``caused_by``
    in the ontology: the earthquake of a building's collapse), if it gives exactly one."""
    cause = view.ont.types[trig.type].caused_by
    if cause is None:
        return None
    days = {
        m.date
        for m in ctx.told
        if m.type == cause and m.date and len(m.date) == 10 and not m.date_end and not m.background
    }
    return days.pop() if len(days) == 1 else None


def _host_date(
    view: ArticleView, trig: Trigger, sent: Any, others: list[Trigger], ctx: _Context, lang: Grammar
) -> tuple[str, str | None, str] | None:
    """``(date, date end, type)`` of the event that hosts ``trig`` in its sentence ("During his
    visit on Tuesday, he met …"; "met the premier during his 2019 trip"), told before it or
    named after it (then dated by its own words only)."""
    hosts = (lang.hosts or host_tokens)(trig)
    told = host_event(hosts, ctx.sentence)
    if told is not None and told.date:
        return told.date, told.date_end, told.type
    for obj in hosts:
        other = next((o for o in others if o is not trig and o.token.i == obj.i), None)
        if other is None:
            continue
        date, date_end, _ = lang.date(view, other, sent, others)
        if date:
            return date, date_end, other.type
    return None


def _mention(
    view: ArticleView,
    trig: Trigger,
    sent: Any,
    others: list[Trigger],
    ctx: _Context,
    lang: Grammar,
) -> EventMention:
    evidence: list[str] = []
    source: DateSource | None = None
    date, date_end, date_text = lang.date(view, trig, sent, others)
    same_day = _passage_day(ctx) if date_text and _SAME_DAY.search(date_text) else None
    if same_day:
        date, date_end = same_day, None
    date_end = first_day_span(view, trig, date, date_end) or date_end
    ended = last_day_span(view, trig, date) if date_end is None else None
    if ended is not None:
        date, date_end = ended
        evidence.append(f"{date_text!r} is the last day of the {trig.type}")
    place = lang.place(view, trig.token, happening_clauses(trig, sent, others))
    if place is None and lang.seat is not None and view.ont.types[trig.type].at_speakers_seat:
        place = lang.seat(view, trig.token)
        if place:
            evidence.append("place: where the body that made it public sits")
    # a recurring event's figure is dated by the report that gives it
    recurring = view.ont.types[trig.type].recurring
    reported_on = date is None and not date_text and recurring
    if reported_on:
        date, date_end, date_text = reporting_date(
            view, trig, sent, lang.reporting_verbs() if lang.reporting_verbs else None
        )
        if not (date or date_end or date_text) and lang.reported_after is not None:
            date, date_end, date_text = lang.reported_after(view, sent)
    by_article = (
        reported_on
        and date is None
        and view.anchor is not None
        and view.anchor == view.anchor_end
        and not lang.background(view, trig, None, None, False)
    )
    if by_article:
        # a count the report gives without saying when ("the death toll rose to 1,700") is
        # the count as of the report: the article's own day
        date = view.anchor
        source = "article_date"
        evidence.append("date of the article that gives the figure")
    elif date and reported_on:
        source = "expression"
        evidence.append(f"date of the report that gives it, {date_text!r}")
    elif date and same_day:
        source = "previous_event"
        evidence.append(f"{date_text!r}: the day of the events told before it")
    elif date:
        source = "expression"
        evidence.append(f"date from {date_text!r}")
    elif date_end:
        source = "expression"
        evidence.append(f"end from {date_text!r}")
    elif date_text:
        # a bare weekday, or a day printed without a year ("on March 28" in an undated text)
        source = "weekday_for_story"
        what = "day without a year" if re.search(r"\d", date_text) else "weekday"
        evidence.append(f"{what} {date_text!r}, to be dated by the story")
    # a recurring event's definite mention ("the death toll") is a new one, not the last
    anaphor = None if recurring else ctx.last_by_family.get(family(trig.type))
    definite = lang.definite(trig)
    # history ("previous visits", "signed a quarter-century ago") takes no date from context,
    # nor does an event still to come after the one in context ("ahead of the summit")
    cued = bool(date_text) or (
        lang.background(view, trig, None, None, False)
        or lang.status(view, trig, None)[1] == "preposition of things to come"
    )
    # "The visit ends on Wednesday", "his visit ends …", Russian "Визит завершится в среду"
    # (no article to mark it): any but an indefinite mention may bound the one told before
    bounded = (
        span_of_told(view, trig, date, anaphor)
        if date_end is None and not _named(trig) and not _indefinite(trig)
        else None
    )
    if bounded is not None:
        date, date_end = bounded
        evidence.append(f"{date_text!r} bounds the {trig.type} told before")
    if date is None and anaphor is not None and definite and not cued and not _named(trig):
        date, date_end = anaphor.date, anaphor.date_end
        place = place or anaphor.place
        source = "earlier_mention" if date else None
        evidence.append("date and place from the earlier mention of the same event")
    host = _host_date(view, trig, sent, others, ctx, lang) if date is None and not cued else None
    if host is not None:
        date, date_end = host[0], host[1]
        source = "previous_event"
        evidence.append(f"date of the {host[2]} it happens during")
    # "…, following a visit to Lima" orders a new visit before the clause: no day from it
    # ("Following the talks, …" points back to the talks just told, and keeps their day)
    apart = ordered_apart(trig.token) and not lang.definite(trig)
    previous = ctx.previous if ctx.sequenced and not apart else None
    if (
        previous is not None
        and previous.status == "planned"
        and lang.status(view, trig, None)[0]
        in {
            "reported",
            "in_progress",
        }
    ):
        # what is told as done does not follow what is still to come ("… will attend the parade
        # on Friday. After seven hours of talks, they signed …": the talks are not Friday's)
        previous = None
    if date is None and not cued and previous and not previous.background and previous.date:
        date, date_end = previous.date, previous.date_end
        source = "previous_event"
        evidence.append("date from the event it follows")
    if date is None and ctx.ruling[0] and not cued and not _ahead_of(view, trig, sent, ctx, lang):
        date, date_end = ctx.ruling
        source = "ruling_sentence"
        evidence.append("date from the sentence ruling the passage")
    narrative = (
        _narrative_day(view, sent, ctx)
        if date is None
        and not cued
        and not recurring
        and not ctx.day_of_span
        # a sentence that gives a date sets its own time ("arrived on Monday evening and was
        # received at the residence": the reception is not the day told before)
        and not any(sent.start_char <= t.start < sent.end_char for t in view.timexes)
        else None
    )
    told_as = lang.status(view, trig, None)[1] if narrative else None
    if narrative and (
        told_as == "past tense"
        or (
            lang.historical_present
            and told_as == "under way at writing"
            and view.anchor is not None
            and narrative[0] < view.anchor[:10]
        )
    ):
        # a report goes on telling the day it opened on ("… held talks in Lisbon on Tuesday.
        # The leaders signed agreements on shipping."): a past event told without a day of
        # its own, right after a dated one the article reports, is of that day
        date, date_end = narrative
        source = "previous_event"
        evidence.append("date of the day the report is telling")
    today = (
        lang.told_today(view, trig, *lang.status(view, trig, None))
        if date is None
        and not cued
        and not recurring
        and not ctx.day_of_span
        and lang.told_today is not None
        and view.anchor is not None
        and view.anchor == view.anchor_end
        # the report's day as printed: a day inferred from the text is a guess to build on
        and view.article.published is not None
        and view.anchor == view.article.published[:10]
        else None
    )
    if today is not None and view.anchor is not None:
        # "is holding talks", "has cancelled the trip": told with no day of its own, the news is
        # of the report's day; "…, the Kremlin said": of the day the report tells
        date = _news_day(view, ctx) if today == "said" else view.anchor
        date_end = first_day_span(view, trig, date, None)
        source = "article_date"
        evidence.append("the day of the report, which tells it as its news")
    cause = _cause_day(view, trig, ctx) if date is None and not cued else None
    if cause is not None:
        date = cause
        source = "previous_event"
        evidence.append("date of the disaster that brought it about")
    day_of_span = ctx.day_of_span if date is None and not cued else None
    own_span = _own_span(ctx.told) if day_of_span else None
    if day_of_span and own_span is not None:
        # "arrived on Sunday for a three-day visit … On the second day of his visit, …": the
        # article gives the span itself, so the day is known here (and later sentences' "earlier
        # in the day" can follow it)
        begin, end = (_date.fromisoformat(d) for d in own_span)
        day = begin + timedelta(days=day_of_span - 1) if day_of_span > 0 else end
        if begin <= day <= end:
            date, date_end = day.isoformat(), None
            source = "day_of_span"
            evidence.append(f"day {day_of_span} of the visit from {own_span[0]} to {own_span[1]}")
    elif day_of_span:
        source = "day_of_span"
        evidence.append(f"day {day_of_span} of the visit, to be dated by the story")
    status, why = lang.status(view, trig, date)
    if (
        date is None
        and date_end
        and view.anchor
        and date_end[:10] > view.anchor[:10]
        and why != "past tense"
        and status in {"planned", "reported"}
    ):
        # "a ceasefire that would last until April 22", told on April 2: in force at writing
        # (a past tense tells what was done: "announced a ceasefire until April 30")
        status, why = "in_progress", "under way at writing"
    if why == "format dropped":
        # "has not been held since 2021": the date is the format's last time, not an event's
        date, date_end, date_text, source = None, None, None, None
        evidence.append("undated: a format no longer held")
    evidence.append(f"status: {why}")
    people, actors = lang.participants(view, trig)
    text = view.text
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    first, last = min(t.idx for t in trig.tokens), max(t.idx + len(t.text) for t in trig.tokens)
    return EventMention(
        article_id=view.article.id,
        start=start,
        end=end,
        quote=text[start:end],
        type=trig.type,
        subtype=lang.subtype(view, trig),
        status=status,
        date=date,
        date_end=date_end if date_end != date else None,
        place=place,
        participants=tuple(people),
        said_by=lang.said_by(view, trig, sent),
        trigger=text[first:last],
        trigger_start=first,
        trigger_end=last,
        actors=tuple(actors),
        background=lang.background(view, trig, date, date_end, bool(same_day)),
        evidence=tuple(evidence),
        day_of_span=day_of_span,
        date_text=date_text,
        date_source=source,
        status_reason=why,
    )


def _lemma_of(tok: Any) -> str:
    return str(tok.lemma_.lower())


def _left(out: list[EventMention], previous: EventMention, view: ArticleView) -> bool:
    """``previous`` was told in a sentence whose subject left its place ("Before leaving
    Brasilia, she told reporters …"): what follows it is not there."""
    return any(
        m.start == previous.start
        and m.place == previous.place
        and view.ont.types[m.type].leaves_place
        for m in out
    )


def _triggers(view: ArticleView, sent: Any) -> list[Trigger]:
    triggers: list[Trigger] = []
    seen: set[int] = set()
    for tok in sent:
        if tok.i in seen:
            continue
        trig = verb_trigger(view, tok) or noun_trigger(view, tok) or misread_verb(view, tok)
        if trig is None or is_generic(view, trig) or is_hypothetical(trig):
            continue
        seen.update(t.i for t in trig.tokens)
        triggers.append(trig)
    return triggers


def run(view: ArticleView, lang: Grammar) -> list[EventMention]:
    """The event mentions of one article, its language's decisions taken by ``lang``."""
    out: list[EventMention] = []
    ruling: tuple[str | None, str | None] = (None, None)
    ruling_day: int | None = None
    last_by_family: dict[str, EventMention] = {}
    aside: set[int] = set()  # events told in a "where" clause, by trigger offset
    going: set[int] = set()  # goings somewhere ("flew to Prague"), by trigger offset
    # announcements placed at their speaker's seat and events named as a place's venue, by
    # trigger offset: their place is not shared with their sentence
    seats: set[int] = set()
    for sent in view.sentences.spans:
        budget.check()
        if _heading(view, sent):
            ruling, ruling_day = (None, None), None  # a new section: the day no longer holds
            continue
        own = ruling_date(view, sent)
        own_day = ruling_day_of_span(view, sent)
        if own[0]:
            ruling = own
            ruling_day = None
        elif own_day:
            ruling, ruling_day = (None, None), own_day
        elif any(sent.start_char <= t.start <= sent.start_char + 3 for t in view.coarse):
            # "Last week, the president visited the area.": the sentence leaves the day told
            # before it ("Over the weekend, …") for a time of its own
            ruling, ruling_day = (None, None), None
        if lang.generic_sentence(view, sent):
            continue
        triggers = lang.triggers(view, sent)
        context = _Context(
            ruling=ruling,
            last_by_family=last_by_family,
            previous=out[-1] if out else None,
            sequenced=lang.sequenced(view, sent) and not own[0],
            day_of_span=ruling_day,
            told=out,
        )
        found: list[EventMention] = []
        for trig in triggers:
            # the event a trigger follows is the one just before it, in this sentence if any
            context.previous = found[-1] if found else (out[-1] if out else None)
            context.sentence = found
            found.append(_mention(view, trig, sent, triggers, context, lang))
            if trig.token.pos_ == "VERB" and _lemma_of(trig.token) in view.ont.destination_verbs:
                going.add(found[-1].trigger_start)
            if where_of(trig.token) is not None or counted_since(trig.token):
                # told aside ("…, where he signed …") or summed up ("his first trip there in
                # two decades"): the narrative does not move to its place
                aside.add(found[-1].trigger_start)
            if hosting_place(view, trig.token):
                # named as the venue of an event ("Gyeongju, the main venue of the summit"),
                # an aside: its place is its own, not its sentence's, and the story stays put
                seats.add(found[-1].trigger_start)
                aside.add(found[-1].trigger_start)
            if _time_reference(trig.token):
                # "a building collapsed in Bangkok following a quake that struck near Sagaing":
                # the event the main clause is timed by is told in passing; the story stays
                aside.add(found[-1].trigger_start)
            if trip_named_by_place(view, trig.token):
                # "the summit capped his Asia tour": where a whole trip went is not where what
                # its sentence tells happened
                seats.add(found[-1].trigger_start)
            if (
                lang.seat is not None
                and view.ont.types[trig.type].at_speakers_seat
                and found[-1].place
                and found[-1].place == lang.seat(view, trig.token)
            ):
                # the telling is at the seat; what it tells is not (nor does the story move)
                seats.add(found[-1].trigger_start)
                aside.add(found[-1].trigger_start)
        context.previous = out[-1] if out else None
        found = share_places(merge_same_type(found), frozenset(going), frozenset(seats))
        aside |= _aside_by_share(found, aside)
        # what "then" follows is the story's last event, not one told aside in a "where" clause
        # ("arrived from Oslo, where he signed a treaty. Then he met the king": not in Oslo)
        previous = next((m for m in reversed(out) if m.trigger_start not in aside), None)
        if (
            context.sequenced
            and previous
            and previous.place
            and previous.trigger_start not in seats
            and not _left(out, previous, view)
        ):
            found = follow_place(found, previous, view.gaz)
        for m in found:
            out.append(m)
            if not m.background:
                last_by_family[family(m.type)] = m
    leaving = frozenset(n for n, t in view.ont.types.items() if t.leaves_place)
    out = headline_dates(out, view)
    out = after_named(out, view)
    framed = fill_frame(out, frame_date(out, view), view)
    placed = inherit_places(framed, view.gaz, leaving, frozenset(aside))
    scoped = frozenset(n for n, t in view.ont.types.items() if t.place_scope == "country")
    shared = share_by_sentence(
        country_scope(placed, view.gaz, scoped), frozenset(going), frozenset(seats)
    )
    return localise_all(shared, view)


def _aside_by_share(found: list[EventMention], aside: set[int]) -> set[int]:
    """Trigger offsets of the sentence's events placed only by a sibling told aside ("arrived
    from Oslo, where talks were held and a treaty signed", the parser hanging "signed" on
    "arrived"): the story does not move to that place with them either."""
    own = {m.place for m in found if m.trigger_start not in aside and not _shared(m)}
    return {
        m.trigger_start
        for m in found
        if _shared(m)
        and m.place not in own
        and any(o.place == m.place and o.trigger_start in aside for o in found)
    }


def _shared(m: EventMention) -> bool:
    return bool(m.evidence) and m.evidence[-1] == "place from the same sentence"


# Prepositions that time a clause by another event ("after the talks", "following a quake").
_TIMING_PREPS = frozenset({"after", "following", "before", "since", "amid"})


def _time_reference(tok: Any) -> bool:
    """``tok`` is the object of a preposition that times its clause by it."""
    return tok.dep_ == "pobj" and tok.head.lower_ in _TIMING_PREPS


def extract_events(
    doc: Any,
    article: Article,
    entities: ArticleEntities,
    timexes: Sequence[TimeExpression],
    anchor: str | None,
) -> list[EventMention]:
    """Event mentions of one article. ``anchor`` is the article's date (published or inferred)."""
    return run(ArticleView(doc, article, entities, timexes, anchor), ENGLISH)


ENGLISH = Grammar(
    triggers=_triggers,
    date=date_of,
    status=status_of,
    place=place_of,
    participants=participants_of,
    said_by=said_by,
    background=is_background,
    subtype=subtype_of,
    generic_sentence=is_generic_sentence,
    sequenced=_sequenced,
    definite=_definite,
    told_today=told_today,
    seat=seat_of,
)
