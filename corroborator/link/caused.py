"""Events brought about by another the same article tells (``caused_by`` in the ontology: a
building's collapse by the earthquake) take its day when they have none of their own, once
the story has dated the article's days (an undated wire's "March 28" gets its year there)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from corroborator.analyze.ontology import load_ontology
from corroborator.model import EventMention


def dated_by_cause(mentions: Sequence[EventMention]) -> list[EventMention]:
    """``mentions`` with each undated one of a ``caused_by`` type dated by the one day its
    article gives that cause (none when it gives several: which shock brought it down is not
    said). History and mentions with date words of their own are left alone."""
    types = load_ontology().types
    days: dict[tuple[str, str], set[str]] = {}
    for m in mentions:
        if m.date and len(m.date) == 10 and not m.date_end and not m.background:
            days.setdefault((m.article_id, m.type), set()).add(m.date)
    out = []
    for m in mentions:
        cause = types[m.type].caused_by if m.type in types else None
        found = days.get((m.article_id, cause or ""), set())
        if m.date is None and cause and not m.background and not m.date_text and len(found) == 1:
            [day] = found
            m = replace(
                m,
                date=day,
                date_source="previous_event",
                evidence=(*m.evidence, f"date of the {cause} that brought it about"),
            )
        out.append(m)
    return out
