"""The data model: every object that crosses a stage boundary.

All objects are frozen dataclasses. Ids are content hashes (see :func:`content_id`), so storing
the same thing twice is an idempotent upsert and re-running a build changes nothing.
Character offsets (``start``/``end``) always index into :attr:`Article.text`.

What a later stage needs to know is a typed field, never text to be parsed again; free-text
fields (``evidence``, ``why``, ``published_evidence``) are for people. The one serialisation of
these objects (store and dossier) is :mod:`corroborator.serialize`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal

# Sixteen hex digits (64 bits) keep ids short enough to read in a report while making an
# accidental collision among even 10^8 stored objects about a one-in-three-thousand event.
_ID_HEX = 16

_PREFIX = {
    "article": "art",
    "mention": "men",
    "timex": "tmx",
    "event_mention": "evm",
    "event": "evt",
    "claim_value": "clv",
    "claim": "clm",
    "story": "sty",
}


def content_id(kind: str, *parts: object) -> str:
    """Return a stable id for an object of ``kind`` made of ``parts`` (JSON-serialisable).

    >>> content_id("article", "some text", None) == content_id("article", "some text", None)
    True
    """
    h = hashlib.sha256(kind.encode("utf-8"))
    for part in parts:
        h.update(b"\x1f")
        h.update(json.dumps(part, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return f"{_PREFIX.get(kind, kind)}_{h.hexdigest()[:_ID_HEX]}"


# What of an article's metadata a user may correct (CLI `correct`, kept in the store).
CORRECTABLE = ("published", "outlet", "title")


@dataclass(frozen=True, slots=True)
class Correction:
    """A user's correction of what an article says about itself (its publication date, outlet
    or title). Kept apart from the article, applied wherever the article is read, surviving
    rebuilds, and shown with who made it and when."""

    field: str  # one of CORRECTABLE
    value: str | None
    author: str
    made_at: str  # ISO 8601 timestamp, UTC


@dataclass(frozen=True, slots=True)
class SpanCorrection:
    """A user's correction of a story's date span, with who made it and when. Kept by an anchor
    article (the story's first article when it was made), since a story's id may change
    between linking runs; every linking run applies it to the story holding the anchor (or most
    of the articles the story had then). ``found_start`` and ``found_end`` are the span linking
    found from the articles, shown beside the correction."""

    start: str  # ISO day
    end: str  # ISO day, not before start
    author: str
    made_at: str  # ISO 8601 timestamp, UTC
    anchor: str  # article id
    found_start: str | None = None
    found_end: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One news report, as read from a file or a record, with what its text says about itself.

    ``published`` is an ISO date or ``None``; it is never invented (a date inferred from the
    text is the analysis's: see :class:`ArticleAnalysis`). ``published_evidence`` says, for
    people, where it was read (``metadata: …``, ``date line: …``, ``dateline: …``).
    """

    id: str
    text: str
    source_path: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_evidence: str | None = None
    language: str | None = None
    attributed_to: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    dateline_place: str | None = None
    # normalised, not as written: ISO "2025-11-25", or ISO 8601 month-day "--11-25" when the
    # dateline prints no year
    dateline_date: str | None = None
    source_format: str = "text"
    encoding: str = "utf-8"
    corrections: tuple[Correction, ...] = ()  # applied to the fields above; see `corrected`

    @staticmethod
    def make_id(text: str, url: str | None, outlet: str | None) -> str:
        """The content hash of an article: the same text from the same place is one article."""
        return content_id("article", text, url, outlet)

    @property
    def word_count(self) -> int:
        """Whitespace-separated words in the text."""
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of an article, by offsets."""

    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention: a person, organisation, place, … at offsets in one article.

    ``canonical`` is filled by entity resolution (a later stage); until then it is ``None``.
    """

    article_id: str
    start: int
    end: int
    label: str
    text: str
    canonical: str | None = None
    resolved_by: str | None = None  # gazetteer | acronym | role | surname | model
    members: tuple[str, ...] = ()  # canonical people a group mention stands for ("the two leaders")

    @property
    def id(self) -> str:
        """Content id: article, offsets and label."""
        return content_id("mention", self.article_id, self.start, self.end, self.label)


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression normalised TIMEX3-style (filled by the dates stage).

    ``value`` is a TIMEX3 value (``2025-11-26``, ``2025-W48``, ``2025-Q3``, ``P3D``,
    ``PRESENT_REF``, ``XXXX-10-12`` when the year cannot be known); a range has
    ``value = "begin/end"`` with ``begin`` and ``end_value`` set. ``anchor`` is the anchor used
    with its kind (``"2025-11-26 (published)"``) and ``why`` says how the value was reached.
    See docs/dates.md.
    """

    article_id: str
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None
    begin: str | None = None
    end_value: str | None = None
    granularity: str | None = None
    anchor: str | None = None
    why: str | None = None
    mod: str | None = None  # TIMEX3 mod: START, MID, END, APPROX, BEFORE, ON_OR_BEFORE, …
    tense: str | None = None  # past | present | future, of the governing verb
    quoted: bool = False  # inside a quotation: its time is the time of the quote
    day_of_span: int | None = None  # "the second day" → 2 (-1: the last day), value or not
    # the weekday the text gives with a day and month ("Wednesday, May 7", "в среду, 7 мая"),
    # 0 = Monday: kept even when the year cannot be known, since it says which years fit
    weekday: int | None = None
    # a fiscal (financial) year: ``value`` names its calendar year(s), as TimeBank annotates
    # "fiscal 1989" as 1989, but a figure told for it is not told for that calendar year
    fiscal: bool = False

    @property
    def id(self) -> str:
        """Content id: article and offsets."""
        return content_id("timex", self.article_id, self.start, self.end)


@dataclass(frozen=True, slots=True)
class ArticleVector:
    """An article's embedding by one sentence encoder (``model``): float32 values, L2-normalised,
    as raw bytes (``numpy.frombuffer(vector, dtype=numpy.float32)``)."""

    model: str
    vector: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything the per-article analysis found in one article.

    ``vectors`` are its embeddings (title and lead; see
    :func:`corroborator.analyze.embeddings.embedding_text`), computed with the analysis so that
    linking runs no model."""

    article_id: str
    model: str
    analyzer_version: str
    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    timexes: tuple[TimeExpression, ...] = ()
    event_mentions: tuple[EventMention, ...] = ()
    claim_values: tuple[ClaimValue, ...] = ()
    # publication date inferred from the text when the article prints none
    published: str | None = None
    published_confidence: float | None = None
    published_evidence: str | None = None
    vectors: tuple[ArticleVector, ...] = ()


# in_progress (under way at writing time) is in the product contract; nothing produces it yet.
Status = Literal["planned", "reported", "in_progress", "cancelled"]
# What dated an event mention (or will date it, for the story-level ones that wait):
# set by the per-article analysis —
#   expression         a temporal expression in the trigger's clause (``date_text``)
#   weekday_for_story  a bare weekday, or a day printed without a year (``date_text``), in an
#                      article that cannot date it
#   earlier_mention    the earlier mention of the same event ("the talks")
#   previous_event     the event it follows ("This will be followed by …")
#   ruling_sentence    the date ruling the passage ("November 26 will be …")
#   day_of_span        "the second day" of a visit the article does not date
#   one_day_visit      the day of the one-day visit the article reports
#   headline           the same event told with its date in the body (a headline restates
#                      its lead without the day)
# and by the story's timeline —
#   story_span         day N of the visit's span another article gives
#   story_year         the day as written, moved into the year of the story's span
#   story_weekday      the weekday read within the story's span
#   coreference        the date of the event it was merged into (or of the event told in the
#                      same sentence)
#   article_date       the article's own day, for a count it gives undated (a death toll)
DateSource = Literal[
    "expression",
    "weekday_for_story",
    "earlier_mention",
    "previous_event",
    "ruling_sentence",
    "day_of_span",
    "one_day_visit",
    "headline",
    "story_span",
    "story_year",
    "story_weekday",
    "coreference",
    "article_date",
]
# What decided an event mention's status (corroborator.analyze.events.status, ``status_of``).
StatusReason = Literal[
    "cancel word",
    "future modal",
    "planning verb",
    "planning word",
    "part of a programme",
    "preposition of things to come",
    "infinitive (headline style)",
    "purpose infinitive",
    "be + to",
    "negated past",
    "negated future",
    "not since",
    "format dropped",
    "replaced by another",
    "date after the article",
    "past tense",
    "under way at writing",
    "under way when reported",
    "state lasting since",
    "date not after the article",
    "present tense, article a preview",
    "present tense",
    "present tense for a time to come",
    "words reported",
    "default",
]
Qualifier = Literal["exact", "around", "over", "under", "nearly", "at_least", "at_most", "range"]
Verdict = Literal["corroborated", "compatible", "conflicting", "updated", "single_source"]


@dataclass(frozen=True, slots=True)
class EventMention:
    """One report or announcement of something happening, cited to its sentence.

    ``start``/``end``/``quote`` are the sentence; ``trigger_*`` the word(s) that name the event.
    ``date_text``, ``date_source`` and ``status_reason`` say how the date and status were
    decided, for later stages to read; ``evidence`` says the same for people, and no code reads
    it back. ``counts`` are the figures the sentence gives, for later stages to compare.
    """

    article_id: str
    start: int
    end: int
    quote: str
    type: str
    subtype: str | None
    status: Status
    date: str | None = None
    date_end: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    said_by: str | None = None
    trigger: str = ""
    trigger_start: int = 0
    trigger_end: int = 0
    actors: tuple[str, ...] = ()  # countries and organisations taking part
    background: bool = False  # history the article recalls, not part of its own story
    evidence: tuple[str, ...] = ()  # how status, date and place were decided, in words
    # "the second day" of a visit the article does not date: resolved against the story
    day_of_span: int | None = None
    # the temporal expression as written that dated the mention, or the bare weekday that
    # waits for the story ("Tuesday"); None when the date came from elsewhere
    date_text: str | None = None
    date_source: DateSource | None = None
    status_reason: StatusReason | None = None
    # the whole numbers the sentence counts or measures in digits, read from its claims
    # ("at least 2,417 people" → 2417): the link stage knows a count repeated by another
    # report by them (corroborator.link.same_count); not part of the id
    counts: tuple[int, ...] = ()

    @property
    def id(self) -> str:
        """Content id: article, trigger offsets and type."""
        return content_id(
            "event_mention", self.article_id, self.trigger_start, self.trigger_end, self.type
        )


@dataclass(frozen=True, slots=True)
class Conflict:
    """Disagreeing values of one field of an event or claim, each with its articles."""

    field: str
    values: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True, slots=True)
class Event:
    """A real-world happening in a story, merged from its mentions across articles."""

    story_id: str
    type: str
    subtype: str | None
    status: Status
    mentions: tuple[EventMention, ...]
    date: str | None = None
    date_end: str | None = None
    place: str | None = None
    participants: tuple[str, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    # "visit" when no mention names the place and it is the place of the visit the event is
    # part of (talks during a state visit to Hanoi happen in Hanoi); None: from its mentions
    place_from: Literal["visit"] | None = None
    # history the articles recall (an earlier visit, a 2019 summit): kept with the story, out
    # of its timeline, span and title
    background: bool = False

    @property
    def id(self) -> str:
        """Content id: story, type and the ids of its mentions."""
        return content_id("event", self.story_id, self.type, sorted(m.id for m in self.mentions))


@dataclass(frozen=True, slots=True)
class ClaimValue:
    """One source's value for a claim, with the interval its qualifier implies."""

    article_id: str
    subject: str
    period: str | None
    unit: str | None
    kind: Literal["numeric", "categorical"]
    value: float | str
    text: str
    quote: str
    start: int
    end: int
    low: float | None = None
    high: float | None = None
    qualifier: Qualifier = "exact"
    said_by: str | None = None
    measure: str | None = None  # amount | share | growth | decline | count | category
    record: bool = False
    quote_start: int = 0  # the sentence quoted; start/end are the figure itself
    quote_end: int = 0
    # a running total that changes over time (a toll, "so far", "has risen to"), and the
    # moment it holds (the publication day; None when unknown)
    changing: bool = False
    as_of: str | None = None

    @property
    def id(self) -> str:
        """Content id: article, offsets and subject."""
        return content_id("claim_value", self.article_id, self.start, self.end, self.subject)


@dataclass(frozen=True, slots=True)
class Claim:
    """Values from several sources about one subject and period, with a verdict."""

    story_id: str
    subject: str
    period: str | None
    unit: str | None
    kind: Literal["numeric", "categorical"]
    verdict: Verdict
    independent_sources: int
    values: tuple[ClaimValue, ...]

    @property
    def id(self) -> str:
        """Content id: story, subject, period, unit, kind, the measures of its values (the trade
        total and its growth rate share a subject and a period but not a claim) and its first
        value's id (two claims the aligner kept apart never share an id)."""
        measures = ",".join(sorted({v.measure or "" for v in self.values}))
        first = min((v.id for v in self.values), default="")
        return content_id(
            "claim", self.story_id, self.subject, self.period, self.unit, self.kind, measures, first
        )


@dataclass(frozen=True, slots=True)
class Story:
    """A real-world happening reported by one or more articles.

    ``id`` is assigned by story clustering and kept stable across builds while the story keeps
    any of its articles (see :func:`corroborator.link.stories.recluster`).
    """

    id: str
    title: str
    article_ids: tuple[str, ...]
    start: str | None = None
    end: str | None = None
    independent_sources: int = 0
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    # the user's correction of start and end (already applied to them and to the timeline)
    span_correction: SpanCorrection | None = None


@dataclass(frozen=True, slots=True)
class ArticleLinks:
    """What linking found about one article: its dependence group and what it derives from."""

    article_id: str
    story_id: str
    dependence_group: str
    derived_from: tuple[str, ...] = ()
    reasons: tuple[str, ...] = ()


def corrected(article: Article, corrections: Sequence[Correction]) -> Article:
    """``article`` with the user's corrections applied (the latest of each field wins)."""
    if not corrections:
        return article
    changes: dict[str, Any] = {c.field: c.value for c in corrections if c.field in CORRECTABLE}
    dated = [c for c in corrections if c.field == "published"]
    if dated:
        last = dated[-1]
        changes["published_evidence"] = f"corrected by {last.author} on {last.made_at[:10]}"
    return replace(article, **changes, corrections=tuple(corrections))
