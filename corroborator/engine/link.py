"""Linking run: stories, their timelines and claims, and source dependence, from the store.

Linking works on what analysis stored; it never re-analyses an article. Article vectors are
computed by the analysis and stored with it (:mod:`corroborator.analyze.embeddings`); story
clustering is re-run over all stored features, which keeps the result independent of the order
articles arrived in, and the user's corrections (must-link and cannot-link pairs) are applied
every time. The results replace the previous linking run as a whole, in one transaction.

Story clustering runs block by block (:mod:`corroborator.link.blocks`): with ``new_ids``
(``link(store, new_ids)``: what a build or an upload just analysed, the rest linked before) only
the blocks those articles fall in are clustered again, and only the stories that changed are
rebuilt; the result is the one a full linking gives, whatever the order articles came in.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from corroborator.analyze.embeddings import (
    EMBEDDING_MODEL,
    MULTILINGUAL_MODEL,
    embedding_text,
)
from corroborator.analyze.gazetteer import load_gazetteer
from corroborator.link.blocks import cluster_blocks
from corroborator.link.claims import build_claims
from corroborator.link.dependence import Dependence, find_dependence
from corroborator.link.lexical import content_terms
from corroborator.link.stories import StoryDoc, name_stories
from corroborator.link.timeline import StorySpan, build_events, story_span
from corroborator.model import (
    Article,
    ArticleAnalysis,
    ArticleLinks,
    Event,
    SpanCorrection,
    Story,
)
from corroborator.store.base import Store

# Event dates further than this from the article's own date are plans or history beyond the
# story (a school due to open in two years): they do not place the article in time.
STORY_DATE_WINDOW_DAYS = 90
# A happening reported as done (or under way) dated after the article's publication date is a
# misread: the end of a span taken for its date ("a ceasefire until 22 April" in an article of
# 3 April: news-dev quake2025/10, whose lead date then fell 25 days after the quake). One day
# of slack: a report filed late in the evening carries the next day's local date.
REPORTED_AFTER_PUBLISHED_DAYS = 1
_DONE = frozenset({"reported", "in_progress"})

# Linking progress: (stage, done, total) with stage "reading" (articles' analyses read),
# "clustering" (articles placed in stories) or "stories" (stories built); told after each
# article, block and story. Only the CLI shows it.
LinkProgress = Callable[[str, int, int], None]


@dataclass
class LinkReport:
    """What a linking run produced."""

    stories: int = 0
    events: int = 0
    claims: int = 0
    conflicts: int = 0
    vectors_computed: int = 0
    stories_rebuilt: int = 0
    seconds: float = 0.0


def _vectors(
    store: Store, articles: list[Article], model: str = EMBEDDING_MODEL
) -> tuple[dict[str, np.ndarray], int]:
    """The stored vectors of ``articles`` by ``model``; those missing are embedded and stored:
    English articles' multilingual vectors when the store turns bilingual, and articles
    analysed before analysis made vectors (``corroborator link`` on an old store)."""
    from corroborator.analyze.embeddings import embed, embed_multilingual

    stored = store.get_vectors(model)
    missing = [a for a in articles if a.id not in stored]
    if missing:
        encode = embed_multilingual if model == MULTILINGUAL_MODEL else embed
        vectors = encode([embedding_text(a) for a in missing])
        fresh = {
            a.id: v.astype(np.float32).tobytes() for a, v in zip(missing, vectors, strict=True)
        }
        store.put_vectors(model, fresh)
        stored.update(fresh)
    return {aid: np.frombuffer(buf, dtype=np.float32) for aid, buf in stored.items()}, len(missing)


_YEARLESS_DAY = re.compile(r"(?:XXXX|-)-(\d\d)-(\d\d)")


def _yearless(
    article: Article, analysis: ArticleAnalysis | None
) -> tuple[tuple[int, int, int | None], ...]:
    """The days ``article`` gives without a year (its dateline's, its expressions'), each with
    the weekday printed beside it, if any."""
    found: set[tuple[int, int, int | None]] = set()
    for value, weekday in (
        (article.dateline_date, None),
        *(((t.value, t.weekday) for t in analysis.timexes) if analysis is not None else ()),
    ):
        m = _YEARLESS_DAY.fullmatch(value or "")
        if m:
            found.add((int(m.group(1)), int(m.group(2)), weekday))
    return tuple(sorted(found, key=lambda d: (d[0], d[1], -1 if d[2] is None else d[2])))


def _story_doc(
    article: Article,
    analysis: ArticleAnalysis | None,
    vector: np.ndarray,
    multilingual: np.ndarray | None = None,
) -> StoryDoc:
    people: set[str] = set()
    places: set[str] = set()
    orgs: set[str] = set()
    dates: list[str] = []
    keys: set[str] = set()
    lead_date: str | None = None
    published = article.published
    # an inferred date places the article in time only when it is at least a month and fairly
    # sure: a bare year guessed from "in 2024" would veto joining a 2025 story
    inferred = analysis.published if analysis is not None else None
    if published is None and inferred and len(inferred) >= 7 and analysis is not None:
        published = inferred if (analysis.published_confidence or 0.0) >= 0.5 else None
    if analysis is not None:
        for m in analysis.mentions:
            names = m.members or ((m.canonical,) if m.canonical else ())
            if m.label == "PERSON":
                people.update(names)
            elif m.label in {"GPE", "LOC", "FAC"}:
                places.update(names)
            elif m.label == "ORG":
                orgs.update(names)
        anchor = published or ""
        lo = (
            f"{anchor}-01-01"[:10]
            if len(anchor) == 4
            else f"{anchor}-01"[:10]
            if len(anchor) == 7
            else anchor
        )
        for e in sorted(analysis.event_mentions, key=lambda m: (m.start, m.trigger_start)):
            if e.background or not e.date or len(e.date) != 10:
                continue
            # plans years ahead ("schools due to open in 2027") do not date the story
            if lo and abs(_days(lo, e.date)) > STORY_DATE_WINDOW_DAYS:
                continue
            # what the article reports as done cannot postdate it: such a day is the end of a
            # span read as its date ("a ceasefire until 22 April", published 3 April)
            if (
                e.status in _DONE
                and len(lo) == 10
                and _days(lo, e.date) > REPORTED_AFTER_PUBLISHED_DAYS
            ):
                continue
            # the first happening the article tells; only against a known publication date
            # (a bare text's relative days may be anchored on a guess)
            if published:
                lead_date = lead_date or e.date
            if e.type == "visit":
                continue
            dates.append(e.date)
            keys.add(f"day:{e.date}")
            keys.add(f"{e.type}:{e.date}")
    return StoryDoc(
        id=article.id,
        yearless=_yearless(article, analysis),
        where=_where(analysis),
        countries=_countries(places),
        embedding=vector,
        language=article.language,
        multilingual=multilingual,
        published=published,
        dates=tuple(sorted(set(dates))),
        people=frozenset(people),
        places=frozenset(places),
        orgs=frozenset(orgs),
        keys=frozenset(keys),
        lead_date=lead_date,
        anchored=published is not None,
        terms=content_terms(embedding_text(article)),
        # figures as distinctive keys of a happening ("1,700 companies", "$2.3 billion"); a
        # duration ("two days", "three hours") is a small number most visits share, and with
        # durations as claims it tied unrelated bare-text articles (news-dev bare B³ 0.87 -> 0.84)
        figures=frozenset(
            f"{c.value:g}" if isinstance(c.value, float) else str(c.value)
            for c in (analysis.claim_values if analysis else ())
            if c.kind == "numeric" and c.measure != "duration"
        ),
    )


# Event types that happen at one place with people present: where they are placed is where the
# story happens (a disaster's toll or aid may be reported from elsewhere).
_PRESENCE_TYPES = frozenset({
    "visit", "arrival", "departure", "talks", "meeting", "summit", "welcome_ceremony",
    "wreath_laying", "signing", "press_statements", "reception", "ceremony", "business_forum",
})  # fmt: skip


def _where(analysis: ArticleAnalysis | None) -> tuple[tuple[str, int], ...]:
    """Countries of the article's placed, non-background presence events, with counts."""
    if analysis is None:
        return ()
    gaz = load_gazetteer()
    counts = Counter(
        gaz.country_code(m.place)
        for m in analysis.event_mentions
        if m.place and not m.background and m.type in _PRESENCE_TYPES
    )
    return tuple(sorted((c, n) for c, n in counts.items() if c))


def _countries(places: set[str]) -> frozenset[str]:
    """The countries of the places an article names, as far as the gazetteer knows them."""
    gaz = load_gazetteer()
    return frozenset(c for c in map(gaz.country_code, sorted(places)) if c)


def _days(a: str, b: str) -> int:
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def _title(events: list[Event], articles: list[Article], start: str | None, end: str | None) -> str:
    """ "State visit of Vladimir Putin to Kyrgyzstan, 2025-11-25 – 2025-11-27", or the main
    event: the one most articles tell (a cancelled side trip never names the story)."""
    when = start if start == end or not end else f"{start} – {end}"
    told = [e for e in events if e.status != "cancelled"] or events
    if told:
        main = max(
            told,
            key=lambda e: (
                len({m.article_id for m in e.mentions}),
                e.type == "visit",
                e.status == "reported",
                len(e.mentions),
            ),
        )
        if main.type == "visit":
            kind = f"{main.subtype.capitalize()} visit" if main.subtype else "Visit"
            visitor = _visitor(main)
            who = f" of {visitor}" if visitor else ""
            where = f" to {main.place}" if main.place else ""
            return f"{kind}{who}{where}" + (f", {when}" if when else "")
        who = " and ".join(main.participants[:2])
        label = main.type.replace("_", " ").capitalize()
        return (
            f"{label}{' of ' + who if who else ''}{' in ' + main.place if main.place else ''}"
            + (f", {when}" if when else "")
        )
    titled = [a.title for a in articles if a.title]
    return titled[0] if titled else articles[0].text.split("\n")[0][:80]


def _visitor(visit: Event) -> str | None:
    """Who travels: the person the visit's mentions name most often, leaving out whoever holds
    office in the country visited (the host, named in "at the invitation of …")."""
    gaz = load_gazetteer()
    host_country = gaz.country_code(visit.place) if visit.place else None
    people = Counter(p for m in visit.mentions for p in m.participants)
    for person, _ in people.most_common():
        countries = {c for _, c in gaz.roles_of(person, visit.date)}
        if host_country is None or host_country not in countries:
            return person
    return None


def span_fixes(
    corrections: Sequence[tuple[SpanCorrection, tuple[str, ...]]],
    assignment: Mapping[str, str],
) -> dict[str, SpanCorrection]:
    """The user's span corrections by the story each applies to: the story holding its anchor
    article, or, when the anchor is gone, the one holding most of the articles the corrected
    story had (ties: the smaller id). A later correction of the same story wins."""
    out: dict[str, SpanCorrection] = {}
    for fix, members in corrections:  # oldest first
        sid = assignment.get(fix.anchor)
        if sid is None:
            held = Counter(assignment[a] for a in members if a in assignment)
            sid = min(held, key=lambda s: (-held[s], s)) if held else None
        if sid is not None:
            out[sid] = fix
    return out


def _same_fix(a: SpanCorrection | None, b: SpanCorrection | None) -> bool:
    """Whether two span corrections are the same user's act (what linking found aside)."""
    if a is None or b is None:
        return a is b
    return (a.start, a.end, a.author, a.made_at, a.anchor) == (
        b.start, b.end, b.author, b.made_at, b.anchor,
    )  # fmt: skip


def _story(
    sid: str,
    ids: list[str],
    analyses: dict[str, ArticleAnalysis | None],
    by_id: dict[str, Article],
    dependence: Dependence,
    fix: SpanCorrection | None = None,
) -> Story:
    found = [analyses[aid] for aid in ids]
    mentions = [e for an in found if an is not None for e in an.event_mentions]
    values = [c for an in found if an is not None for c in an.claim_values]
    fixed = StorySpan(date.fromisoformat(fix.start), date.fromisoformat(fix.end)) if fix else None
    events = build_events(sid, mentions, by_id, dependence, fixed)
    claims = build_claims(sid, values, dependence)
    span = story_span(mentions)
    own = [e for e in events if not e.background]  # history recalled is not the story's
    dated = sorted(d for e in own for d in (e.date, e.date_end) if d and len(d) == 10)
    start = span.start.isoformat() if span else (dated[0] if dated else None)
    end = span.end.isoformat() if span else (dated[-1] if dated else None)
    if fix is not None:  # the user's span is the story's; what the articles gave is kept beside
        fix = replace(fix, found_start=start, found_end=end)
        start, end = fix.start, fix.end
    return Story(
        id=sid,
        title=_title(own, [by_id[i] for i in ids], start, end),
        article_ids=tuple(ids),
        start=start,
        end=end,
        independent_sources=dependence.independent(ids),
        events=tuple(events),
        claims=tuple(claims),
        span_correction=fix,
    )


def link(
    store: Store, new_ids: Collection[str] = (), progress: LinkProgress | None = None
) -> LinkReport:
    """Run linking over everything in ``store`` and store the result.

    With ``new_ids`` (articles just added or analysed again, the rest linked before), only the
    blocks they fall in are clustered again (:func:`~corroborator.link.blocks.cluster_blocks`),
    and only the stories that changed, or whose source groups changed, are rebuilt. Without,
    every block is clustered. Both give the same stories. ``progress`` is told how far the
    clustering and the building of stories are (:data:`LinkProgress`)."""
    started = time.perf_counter()
    tell: LinkProgress = progress or (lambda stage, done, total: None)
    report = LinkReport()
    articles = list(store.iter_articles())
    analyses: dict[str, ArticleAnalysis | None] = {}
    for n, a in enumerate(articles, 1):
        analyses[a.id] = store.get_analysis(a.id)
        tell("reading", n, len(articles))
    by_id = {a.id: a for a in articles}
    if not articles:
        store.replace_links([], [])
        return report
    vectors, report.vectors_computed = _vectors(store, articles)
    multi: dict[str, np.ndarray] = {}
    if len({a.language for a in articles if a.language}) > 1:
        multi, computed = _vectors(store, articles, MULTILINGUAL_MODEL)
        report.vectors_computed += computed
    docs = [_story_doc(a, analyses[a.id], vectors[a.id], multi.get(a.id)) for a in articles]
    constraints = store.constraints()
    must = [(a, b) for kind, a, b in constraints if kind == "must" and a in by_id and b in by_id]
    cannot = [
        (a, b) for kind, a, b in constraints if kind == "cannot" and a in by_id and b in by_id
    ]
    previous = store.story_assignments()
    fresh = {a for a in new_ids if a in by_id}
    incremental = bool(fresh) and set(by_id) - fresh <= set(previous)
    # only the blocks the new articles fall in are clustered again (link.blocks); without new
    # ids every block is
    clusters = cluster_blocks(
        docs,
        must,
        cannot,
        previous=previous if incremental else None,
        changed=fresh,
        progress=lambda done, total: tell("clustering", done, total),
    )
    assignment = name_stories(clusters, previous)
    dependence = find_dependence(articles)

    members: dict[str, list[str]] = {}
    for aid, sid in assignment.items():
        members.setdefault(sid, []).append(aid)
    fixes = span_fixes(store.span_corrections(), assignment)
    kept: dict[str, Story] = {}
    if incremental:
        old_links = store.article_links()
        changed = {assignment[a] for a in fresh} | {
            assignment[a]
            for a, link_ in old_links.items()
            if a in assignment and link_.dependence_group != dependence.group_of[a]
        }
        kept = {
            s.id: s
            for s in store.iter_stories()
            if s.id not in changed
            and sorted(s.article_ids) == sorted(members.get(s.id, []))
            and _same_fix(s.span_correction, fixes.get(s.id))
        }
    stories = []
    for n, (sid, ids) in enumerate(sorted(members.items()), 1):
        ids.sort()
        story = kept.get(sid) or _story(sid, ids, analyses, by_id, dependence, fixes.get(sid))
        stories.append(story)
        tell("stories", n, len(members))
        report.events += len(story.events)
        report.claims += len(story.claims)
        report.conflicts += sum(len(e.conflicts) for e in story.events) + sum(
            c.verdict == "conflicting" for c in story.claims
        )
    report.stories_rebuilt = len(stories) - len(kept)
    links = [
        ArticleLinks(
            aid,
            assignment[aid],
            dependence.group_of[aid],
            tuple(dependence.derived_from.get(aid, ())),
            next((g.reasons for g in dependence.groups if g.id == dependence.group_of[aid]), ()),
        )
        for aid in sorted(by_id)
    ]
    store.replace_links(stories, links)
    report.stories = len(stories)
    report.seconds = time.perf_counter() - started
    return report
