"""When a Russian event happens: the date expression the trigger or its verb governs, else the
English extractor's nearest date in the trigger's clause (:func:`.dating.date_of`), else, where
the parser split the sentence into several trees, the nearest date in the sentence. An event
named inside another event's phrase takes only a date of its own. A date after "до" ("перемирие
до 22 апреля") is the day the event ends, not the day it happens, as "until" in English."""

from __future__ import annotations

from typing import Any

from corroborator.analyze.events.dates import granularity, timex_dates
from corroborator.analyze.events.dating import date_of
from corroborator.analyze.events.view import ArticleView, Trigger, governor
from corroborator.analyze.timex.grammar_ru import ru_words
from corroborator.model import TimeExpression

DateFound = tuple[str | None, str | None, str | None]


def _in_sentence(view: ArticleView, sent: Any) -> list[tuple[TimeExpression, Any]]:
    """The sentence's dated expressions with their spans."""
    out = []
    for t in view.timexes:
        if sent.start_char <= t.start < sent.end_char and timex_dates(t)[0]:
            span = view.doc.char_span(t.start, t.end, alignment_mode="expand")
            if span is not None:
                out.append((t, span))
    return out


def _found(t: TimeExpression) -> DateFound:
    date, date_end = timex_dates(t)
    return date, date_end, t.text


def _nearest(trig: Trigger, found: list[tuple[TimeExpression, Any]]) -> TimeExpression:
    """Days before months before years, then the nearest to the trigger."""
    return min(
        found,
        key=lambda f: (
            granularity(timex_dates(f[0])[0]),
            min(abs(tk.i - trig.token.i) for tk in f[1]),
        ),
    )[0]


def _until(view: ArticleView, span: Any) -> bool:
    """The date follows a preposition that makes it a span's end ("до 22 апреля"), not at the
    sentence's start ("До вторника они молчали" tells what was before, as in English)."""
    if span.start == 0:
        return False
    prev = view.doc[span.start - 1]
    return ru_words().boundary_signals.get(prev.lower_) == "until" and not prev.is_sent_start


def date_of_ru(view: ArticleView, trig: Trigger, sent: Any, others: list[Trigger]) -> DateFound:
    """``(date, date_end, date_text)`` of a Russian trigger (see the module docstring)."""
    date, date_end, text = _date_of_ru(view, trig, sent, others)
    if date and not date_end:
        for t, span in _in_sentence(view, sent):
            if t.text == text and _until(view, span):
                return None, date, text
    return date, date_end, text


def _date_of_ru(view: ArticleView, trig: Trigger, sent: Any, others: list[Trigger]) -> DateFound:
    found = _in_sentence(view, sent)
    if not found:
        return date_of(view, trig, sent, others)
    # an event named inside another's phrase ("число погибших при землетрясении", "перемирие
    # для ликвидации последствий землетрясения") is a reference: only its own date dates it
    nested = any(
        o is not trig and o.token in trig.token.ancestors and o.token.i != trig.token.i
        for o in others
    )
    heads = {trig.token.i} if nested else {trig.token.i, governor(trig.token).i}
    # "проведёт встречу … 30 октября": the expression hangs from the verb of the event, which a
    # nearer date elsewhere in the sentence (a date line, another clause's) must not outrank
    governed = [f for f in found if f[1].root.head.i in heads and f[1].root.i not in heads]
    if governed:
        return _found(_nearest(trig, governed))
    if nested:
        return None, None, None
    own = date_of(view, trig, sent, others)
    if own[0] or own[2]:
        return own
    # a sentence the parser left in several trees: its clauses are not to be trusted, the
    # nearest date is the best guess
    roots = [t for t in sent if t.dep_ == "ROOT" and not (t.is_space or t.is_punct)]
    return _found(_nearest(trig, found)) if len(roots) > 1 else own
