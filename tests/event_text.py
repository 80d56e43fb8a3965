"""Event mentions of one short English text, through the real pipeline: the parse, dates,
names, then events (what the event tests of several files read)."""

from __future__ import annotations

from typing import Any

from corroborator.analyze.entities import resolve_entities
from corroborator.analyze.events import extract_events
from corroborator.analyze.timex import analyze_dates
from corroborator.ingest.metadata import read_metadata
from corroborator.model import Article, EventMention


def events_in(
    nlp: Any, text: str, day: str, *, dateline: str | None = None, ident: str = "art_events"
) -> list[EventMention]:
    """The event mentions of ``text`` published on ``day`` (under ``dateline``, if given)."""
    article = Article(
        id=ident, text=text, source_path=f"{ident}.txt", published=day, dateline_place=dateline
    )
    doc = nlp(text)
    dates = analyze_dates(doc, article)
    return extract_events(doc, article, resolve_entities(doc, day, article.id), dates.timexes, day)


def one_event(nlp: Any, text: str, kind: str, day: str) -> EventMention:
    """The only mention of type ``kind`` in ``text``."""
    [mention] = [m for m in events_in(nlp, text, day) if m.type == kind]
    return mention


def dated_events_in(nlp: Any, text: str, published: str, ident: str) -> list[EventMention]:
    """The event mentions of ``text`` with the dateline's place and day that its metadata
    reading finds, published on ``published`` (the date-test files read these)."""
    meta = read_metadata(text, meta_published=published)
    article = Article(
        id=ident,
        text=text,
        source_path=f"{ident}.txt",
        published=published,
        dateline_place=meta.dateline_place,
        dateline_date=meta.dateline_date,
    )
    doc = nlp(text)
    dates = analyze_dates(doc, article)
    return extract_events(
        doc, article, resolve_entities(doc, published, article.id), dates.timexes, published
    )


def of_type(found: list[EventMention], type_: str) -> list[EventMention]:
    """The mentions of type ``type_``."""
    return [e for e in found if e.type == type_]
