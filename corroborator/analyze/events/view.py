"""What every event extractor reads of one article: its parse, entities, dates and ontology."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from corroborator.analyze.entities import ArticleEntities
from corroborator.analyze.events.dates import date_bounds, timex_dates
from corroborator.analyze.gazetteer import Gazetteer, load_gazetteer
from corroborator.analyze.nlp import Sentences, doc_text
from corroborator.analyze.ontology import Ontology, load_ontology
from corroborator.analyze.quotes import quote_spans
from corroborator.model import Article, TimeExpression

QUOTES = "\"'“”‘’«»"
WEEKDAY_ONLY_RE = re.compile(r"^XXXX-WXX-\d$")
# a day printed without a year ("on March 28" in an article without a date of its own)
YEARLESS_DAY_RE = re.compile(r"^XXXX-\d\d-\d\d(?:T|$)")
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo", "would"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "agent"})


def in_dateline(text: str, t: TimeExpression, place: str | None) -> bool:
    """``t`` is the date of the dateline ingest read ("MOSCOW, Oct 7 (Wire) -"): the words
    before it on its line are the dateline's place and nothing else."""
    if not place:
        return False
    line_start = text.rfind("\n", 0, t.start) + 1
    before = text[line_start : t.start]
    return re.fullmatch(rf"\W*{re.escape(place)}\W*", before, re.IGNORECASE) is not None


@dataclass
class Trigger:
    """The words that make an event mention: the head token, its type and all its tokens."""

    token: Any
    type: str
    tokens: list[Any]
    subtype: str | None = None


class ArticleView:
    """One article as the extractors see it, with lookups over its entities."""

    def __init__(
        self,
        doc: Any,
        article: Article,
        entities: ArticleEntities,
        timexes: Sequence[TimeExpression],
        anchor: str | None,
    ) -> None:
        self.doc = doc
        self.text: str = doc_text(doc)
        self.article = article
        self.entities = entities
        self.ont: Ontology = load_ontology()
        self.gaz: Gazetteer = load_gazetteer()
        bounds = date_bounds(anchor) if anchor else None
        # an article dated only to a month or year ("2025-11" inferred) is judged by the first
        # day of that period for history and by the last day for what is still to come
        self.anchor = bounds[0] if bounds else None
        self.anchor_end = bounds[1] if bounds else None
        # dated expressions, plus bare weekdays the article cannot date ("on Tuesday" in a text
        # without a date of its own): the story dates those
        self.timexes = [
            t
            for t in timexes
            if timex_dates(t)[0]
            or WEEKDAY_ONLY_RE.match(t.value or "")
            or YEARLESS_DAY_RE.match(t.value or "")
        ]
        # expressions of a time no event date holds ("last week", "recently", "now"): a
        # sentence they open sets its own time, not the passage's day (a clock time without
        # its day, "At 10 a.m.", goes on telling the passage's day)
        self.coarse = [
            t
            for t in timexes
            if t.granularity == "week" or t.value in {"PAST_REF", "PRESENT_REF", "FUTURE_REF"}
        ]
        # "the second day" when the article never dates the visit: kept for the story to resolve
        self.day_spans = [t for t in timexes if t.day_of_span and not timex_dates(t)[0]]
        # lengths ("a four-day visit"): they tell a one-day visit from a longer one
        self.durations = [t for t in timexes if t.type == "DURATION"]
        self.sentences = Sentences(doc)
        self.quotes = quote_spans(self.text)
        self.is_preview: bool | None = None  # computed on first use (status.is_preview)

    def label_at(self, tok: Any) -> str | None:
        """The entity label at a token, if any."""
        for m in self.entities.at(tok.idx, tok.idx + len(tok.text)):
            return m.label
        return None

    def mentions_in(self, tok: Any) -> list[Any]:
        """The entity mentions inside a token's subtree."""
        start = min(t.idx for t in tok.subtree)
        end = max(t.idx + len(t.text) for t in tok.subtree)
        return self.entities.at(start, end)

    def people(self, tok: Any) -> list[str]:
        """Canonical people in a token's subtree, groups expanded to their members."""
        out: list[str] = []
        for m in self.mentions_in(tok):
            if m.label != "PERSON":
                continue
            for name in m.members or ((m.canonical,) if m.canonical else ()):
                if name and name not in out:
                    out.append(name)
        return out

    def actors(self, tok: Any) -> list[str]:
        """Countries and organisations among an argument's entities, the way event data codes
        actors: a nationality adjective is its country ("Russian-Kyrgyz" is Russia and
        Kyrgyzstan), a city or a venue is a place rather than an actor, and a nationality the
        gazetteer does not know is left out rather than guessed."""
        out: list[str] = []
        for m in self.mentions_in(tok):
            if m.label not in {"ORG", "GPE", "NORP"} or not m.canonical:
                continue
            names = [m.canonical.strip(QUOTES + " ")]
            if m.label == "NORP":
                codes = [self.gaz.countries.get(w) for w in re.split(r"[-–/ ]+", names[0])]
                names = [self.gaz.country_names[c] for c in codes if c in self.gaz.country_names]
            elif m.label == "GPE":
                entry = self.gaz.places.get(names[0])
                if entry is not None and entry.place_kind not in {None, "country"}:
                    continue
            for name in names:
                if name and name not in out:
                    out.append(name)
        return out


def governor(tok: Any) -> Any:
    """The verb that governs a trigger (itself for a verb)."""
    current = tok
    for _ in range(8):
        if current.pos_ in {"VERB", "AUX"} and current.i != tok.i:
            return current
        if current.pos_ == "VERB":
            return current
        if current.head.i == current.i:
            return current
        current = current.head
    return current
