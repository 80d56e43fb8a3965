"""Dates an event takes from another mention of the article: a headline's event from the
same event in its lead, and an event told "after" a named one from the event it names."""

from __future__ import annotations

import re
from dataclasses import replace

from corroborator.analyze.events.dating import family
from corroborator.analyze.events.view import ArticleView, governor
from corroborator.model import EventMention

# A headline is short: wire and newspaper headlines run up to about 15 words, and the
# longest live-blog and agency headlines (hand count over EN reports of several outlets) about
# 20; a first line of more than 25 words is a lead paragraph printed without its stop.
_HEADLINE_WORDS = 25


def after_named(out: list[EventMention], view: ArticleView) -> list[EventMention]:
    """An event dated only by the event told before it, whose clause names the event it
    follows ("He arrived on Monday night and left the country after the talks"), takes the
    day of the event it names (the talks, dated by their earlier mention), not of the one
    told before it."""
    by_trigger = {m.trigger_start: m for m in out}
    result = []
    for m in out:
        if m.date_source == "previous_event" and m.date_text is None:
            span = view.doc.char_span(m.trigger_start, m.trigger_end, alignment_mode="expand")
            gov = governor(span.root) if span is not None else None
            named = [
                by_trigger.get(obj.idx)
                for prep in (gov.children if gov is not None else ())
                if prep.dep_ == "prep" and prep.lower_ == "after"
                for obj in prep.children
                if obj.dep_ == "pobj"
            ]
            found = next((n for n in named if n is not None and n.date and not n.background), None)
            if found is not None and found.date != m.date:
                m = replace(
                    m,
                    date=found.date,
                    date_end=found.date_end,
                    evidence=(*m.evidence, f"the day of the {found.type} it follows"),
                )
        result.append(m)
    return result


def _headline_end(view: ArticleView) -> int | None:
    """Where the article's headline ends: its first line, when it is a line of its own without
    a final stop and the text goes on ("PM holds talks with Egyptian president, signs five
    pacts" over "Cairo, March 17 (PTI) Prime Minister …")."""
    text = view.text
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or not text[end:].strip():
        return None
    line = text[start:end].strip()
    if not line or re.search(r"[.!?:;]$", line) or len(line.split()) > _HEADLINE_WORDS:
        return None
    return end


def headline_dates(out: list[EventMention], view: ArticleView) -> list[EventMention]:
    """An undated event of the headline takes the date of the same event in the body: a
    headline restates the news its lead tells, in the present tense and without the day
    ("PM holds talks, signs pacts" over "… held talks with the president on Tuesday"). The
    first dated mention of the lead (the first paragraph that tells an event) of the same
    type (or family), told the same way (planned or not), gives it."""
    end = _headline_end(view)
    if end is None:
        return out
    # the lead: the paragraph of the first event after the headline (past a dateline or an
    # "Updated" line); a later paragraph may tell another leg of the trip
    first = next((b.start for b in out if b.start >= end), None)
    if first is None:
        return out
    lead_end = view.text.find("\n", first)
    lead_end = len(view.text) if lead_end < 0 else lead_end
    result = []
    for m in out:
        if m.start < end and m.date is None and not m.date_end and not m.background:
            body = next(
                (
                    b
                    for b in out
                    if end <= b.start < lead_end
                    and b.date
                    and not b.background
                    and family(b.type) == family(m.type)
                    and (b.status == "planned") == (m.status == "planned")
                ),
                None,
            )
            if body is not None:
                m = replace(
                    m,
                    date=body.date,
                    date_end=body.date_end,
                    date_source="headline",
                    evidence=(*m.evidence, f"the headline's event, dated {body.date} in the body"),
                )
        result.append(m)
    return result
