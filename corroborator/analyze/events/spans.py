"""How long an event lasts and where its span starts and ends: its length in days ("a
four-day visit", «трёхдневный визит»), the first day a verb of starting gives it ("arrived on
Wednesday for a four-day visit"), the last day a verb of ending gives it ("wrapped up his
three-day visit on Tuesday"), and the span a later mention gives a visit told before ("The
visit ends on Wednesday")."""

from __future__ import annotations

import re
from datetime import date as _date
from datetime import timedelta
from typing import Any

from corroborator.analyze.events.dates import BACKGROUND_DAYS, DAY_RE, days_between
from corroborator.analyze.events.view import ArticleView, Trigger, governor
from corroborator.analyze.timex.grammar_ru import ru_words
from corroborator.analyze.timex.words import words
from corroborator.model import EventMention

_DAYS_RE = re.compile(r"^P(\d+)([DW])$")


def start_verbs() -> frozenset[str]:
    """Lemmas of verbs that start something, English and Russian ("arrive", "прибыть")."""
    return words().start_verbs | ru_words().start_verbs


def end_verbs() -> frozenset[str]:
    """Lemmas of verbs that end something, English and Russian ("wrap", "завершиться")."""
    return words().end_verbs | ru_words().end_verbs


def length_in_days(view: ArticleView, tok: Any) -> int | None:
    """The length an event is given in its own phrase: "a four-day visit", "a visit of three
    days" (a duration in days modifying the trigger, directly or through a preposition)."""
    for t in view.durations:
        found = _DAYS_RE.match(t.value or "")
        if found is None:
            continue
        span = view.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None:
            continue
        head = span.root.head
        if head.i == tok.i or (head.dep_ == "prep" and head.head.i == tok.i):
            # "a week-long tour" is seven days
            return int(found.group(1)) * (7 if found.group(2) == "W" else 1)
    return None


def first_day_span(
    view: ArticleView, trig: Trigger, date: str | None, date_end: str | None
) -> str | None:
    """The last day of a multi-day event whose first day its clause gives: "arrived on
    Wednesday for a four-day visit" is a visit from that Wednesday to Saturday. Only a verb
    of starting or arriving ("arrived", "began") makes the clause's day the first one; "met
    on Thursday during his four-day visit" says nothing of where the visit starts."""
    if date_end or not date or not DAY_RE.match(date):
        return None
    days = length_in_days(view, trig.token)
    gov = governor(trig.token)
    starts = gov.i != trig.token.i and gov.lemma_.lower() in start_verbs()
    if not days or days < 2 or not starts:
        return None
    return (_date.fromisoformat(date) + timedelta(days=days - 1)).isoformat()


def last_day_span(view: ArticleView, trig: Trigger, date: str | None) -> tuple[str, str] | None:
    """The span of a multi-day event whose last day its clause gives: "wrapped up his
    three-day visit on Tuesday", "the four-day tour, which ended on Friday" (a verb of ending
    over the event, or a relative clause of ending on it, and a length in days)."""
    if not date or not DAY_RE.match(date):
        return None
    tok = trig.token
    gov = governor(tok)
    ending = gov.i != tok.i and gov.lemma_.lower() in end_verbs()
    ending = ending or any(
        c.dep_ == "relcl" and c.lemma_.lower() in end_verbs() for c in tok.children
    )
    days = length_in_days(view, tok) if ending else None
    if not days or days < 2:
        return None
    return (_date.fromisoformat(date) - timedelta(days=days - 1)).isoformat(), date


def _bounded_by(view: ArticleView, tok: Any, verbs: frozenset[str]) -> bool:
    """``tok`` is the subject or object of one of ``verbs`` ("the visit ends", "wrapped up the
    visit") or carries a relative clause of one ("the visit, which ends on Friday")."""
    gov = governor(tok)
    return (gov.i != tok.i and gov.lemma_.lower() in verbs) or any(
        c.dep_ == "relcl" and c.lemma_.lower() in verbs for c in tok.children
    )


def span_of_told(
    view: ArticleView, trig: Trigger, date: str | None, told: EventMention | None
) -> tuple[str, str] | None:
    """The span of an event told before (``told``, which the definite trigger refers back to),
    when the trigger's clause gives its first or last day: "arrived on Monday for a three-day
    visit. The visit ends on Wednesday." is one visit from Monday to Wednesday, not a second
    one on Wednesday; "… a three-day visit. The visit begins on Monday." spans Monday to
    Wednesday. A span is kept under :data:`BACKGROUND_DAYS`, as a visit's programme is."""
    if told is None or not date or not DAY_RE.match(date):
        return None
    tok = trig.token
    if _bounded_by(view, tok, end_verbs()):
        begin = told.date if told.date and DAY_RE.match(told.date) else None
        if begin is None or not 0 < days_between(begin, date) < BACKGROUND_DAYS:
            return None
        return begin, date
    if not _bounded_by(view, tok, start_verbs()):
        return None
    if told.date_end and DAY_RE.match(told.date_end):
        end = told.date_end
    else:
        first = view.doc.char_span(told.trigger_start, told.trigger_end, alignment_mode="expand")
        # the length hangs on the noun of a verb-noun trigger ("paid a three-day visit")
        lengths = [length_in_days(view, t) for t in first or []]
        days = max((d for d in lengths if d), default=None)
        if not days or days < 2:
            return None
        end = (_date.fromisoformat(date) + timedelta(days=days - 1)).isoformat()
    return (date, end) if 0 < days_between(date, end) < BACKGROUND_DAYS else None
