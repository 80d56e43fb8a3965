"""The Russian dates stage: the Russian grammar and tense reading, then the shared anchoring,
year inference and publication estimate (:func:`.analysis.analyze_dates`)."""

from __future__ import annotations

from typing import Any

from corroborator.analyze.russian_doc import parse_russian
from corroborator.analyze.timex import context_ru, grammar_ru
from corroborator.analyze.timex.analysis import DateAnalysis, analyze_dates, tag_text
from corroborator.analyze.timex.grammar import Match
from corroborator.analyze.timex.infer import Item
from corroborator.model import Article

# Parts of speech that make "накануне" a preposition before a noun phrase ("накануне визита":
# on the eve of the visit), not the adverb "the day before".
_NOMINAL = frozenset({"NOUN", "PROPN", "ADJ", "DET", "NUM"})


def _name_not_month(m: Match, doc: Any) -> bool:
    """A capitalised month word inside a sentence with no day before it is a name ("Марта
    Ивановна", "журнал «Апрель»"): Russian writes months in lower case."""
    if m.rule not in ("month", "my") or "month" not in m.group_spans:
        return False
    start, _ = m.group_spans["month"]
    if not m.text or not doc.text[start : start + 1].isupper():
        return False
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and not span[0].is_sent_start


def _keep(doc: Any) -> Any:
    def keep(m: Match) -> bool:
        if _name_not_month(m, doc):
            return False
        if m.rule == "deictic" and (m.g("deictic") or "").lower() == "накануне":
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.end < len(doc):
                nxt = doc[span.end]
                if nxt.pos_ in _NOMINAL and "Gen" in nxt.morph.get("Case"):
                    return False
        return True

    return keep


def russian_items(doc: Any) -> list[Item]:
    """The Russian time expressions of ``doc`` (a :func:`~..russian_doc.parse_russian` Doc),
    each with its meaning and context."""
    text = doc.text
    found = grammar_ru.find(text, _keep(doc))
    ctxs = context_ru.contexts_ru(doc, text, [(m.start, m.end) for m, _ in found])
    return [Item(i, m, s, c) for i, ((m, s), c) in enumerate(zip(found, ctxs, strict=True))]


def analyze_dates_ru(doc: Any, article: Article) -> DateAnalysis:
    """The dates stage for a Russian article (the adapter's ``dates``)."""
    return analyze_dates(doc, article, find_items=russian_items)


def tag_text_ru(
    text: str,
    anchor: str | None = None,
    *,
    published: str | None = None,
    dateline_date: str | None = None,
) -> DateAnalysis:
    """:func:`.analysis.tag_text` for a Russian ``text`` (the CLI's ``dates`` command)."""
    return tag_text(
        text,
        anchor,
        parse_russian,
        published=published,
        dateline_date=dateline_date,
        find_items=russian_items,
    )
