"""The language seam: what the analysis needs from a language the main spaCy model does not read.

A language is added as data (its packs in ``corroborator/data``) plus one
:class:`LanguageAdapter`: a parser that turns text into a spaCy ``Doc`` (text kept character for
character, sentences, universal POS tags, morphological features, lemmas, a Universal
Dependencies tree and named entities in ``doc.ents``) and the extractors that read that ``Doc``.
Each extractor has the English extractor's signature and returns the same model objects, so
linking, storing and reporting never ask which language an analysis came from. An extractor
left ``None`` is a stage not yet written for that language: the analysis then lacks it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.timex.analysis import DateAnalysis
from corroborator.model import Article, ClaimValue, EventMention, Mention, TimeExpression

Parser = Callable[[str], Any]
MentionFinder = Callable[[Any, str], list[Mention]]
DateFinder = Callable[[Any, Article], DateAnalysis]
EventFinder = Callable[
    [Any, Article, ArticleEntities, Sequence[TimeExpression], str | None], list[EventMention]
]
ClaimFinder = Callable[
    [Any, Article, ArticleEntities, Sequence[TimeExpression], Sequence[EventMention]],
    list[ClaimValue],
]


@dataclass(frozen=True)
class LanguageAdapter:
    """One language's parser and extractors (see the module docstring)."""

    language: str
    parse: Parser
    mentions: MentionFinder
    dates: DateFinder | None = None
    events: EventFinder | None = None
    claims: ClaimFinder | None = None


def entities_of(mentions: Sequence[Mention]) -> ArticleEntities:
    """The :class:`ArticleEntities` an adapter's mentions make (no offices or acronyms learned)."""
    found = list(mentions)
    return ArticleEntities(mentions=found, by_char={m.start: m for m in found})
