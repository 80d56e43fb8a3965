"""Linking run: stories, their timelines and claims, and source dependence, from the store.

Linking works on what analysis stored; it never re-analyses an article, and reads each
article's analysis only when the block or story it belongs to is handled. Two paths:

* **the whole store** (``link(store)``, and any build adding more than :data:`PLACE_SHARE` of
  the store): the store is cut into blocks on its article vectors' nearest neighbours
  (:mod:`corroborator.link.blocks`, faiss), each block's stories are clustered and built, and
  the result replaces the previous run's as a whole, in one transaction. It is a function of the
  set of articles and the user's corrections (must-link and cannot-link pairs, applied every
  time), never of the order articles arrived in. It also writes the linking index (the store's
  ``link_keys``: MinHash band keys, outlet and wire keys, month-bound blocking keys).
* **placing new articles** (``link(store, new_ids)`` on a linked store,
  :mod:`corroborator.engine.place`): each new article finds its candidate stories through that
  index and its nearest neighbours, joins the best one or starts its own, and only the stories
  it touched are rebuilt. A later run over the whole store settles what placing one at a time
  may have placed otherwise.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date

import numpy as np
import numpy.typing as npt

from corroborator.analyze.embeddings import (
    EMBEDDING_MODEL,
    MULTILINGUAL_MODEL,
    embedding_text,
)
from corroborator.analyze.gazetteer import load_gazetteer
from corroborator.link.blocks import block_indices
from corroborator.link.claims import build_claims
from corroborator.link.dependence import (
    BANDS,
    PERMUTATIONS,
    Dependence,
    band_hashes,
    band_key,
    group_sources,
    signature,
    source,
)
from corroborator.link.lexical import content_terms
from corroborator.link.neighbours import VectorFile
from corroborator.link.stories import (
    EMBEDDER_LANGUAGES,
    StoryDoc,
    _index_pairs,
    cluster_stories,
    name_stories,
)
from corroborator.link.story_dates import StorySpan, story_span
from corroborator.link.timeline import build_events
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
# A build that adds at most this share of the linked store (or one article) places its
# articles one by one; more, and the whole store is linked again. Placing costs a candidate
# search and a story rebuild per article (tens of milliseconds on the synthetic stores of
# bench/scale.py), linking the whole store about 5 ms per article: a tenth of the store placed
# one by one is still the cheaper, and a full run settles what the order of arrival changed.
PLACE_SHARE = 0.1
# Vectors read from the store per query when linking the whole store (an id list of that
# length, rows of 1.5 KB: 3 MB at a time); any size gives the same matrix.
VECTOR_BATCH = 2000
# Linking index rows that say what the last full run covered (article id left empty).
INDEX_MARK = "index:v1"
LANGUAGES_MARK = "index:languages:"

# Linking progress: (stage, done, total) with stage "reading" (articles read), "clustering"
# (articles placed in stories, block by block) or "stories" (blocks whose stories are built).
# Only the CLI shows it.
LinkProgress = Callable[[str, int, int], None]


@dataclass
class LinkReport:
    """What a linking run produced: ``stories`` in the store; ``events``, ``claims`` and
    ``conflicts`` of the stories it built (all of them in a run over the whole store, those
    rebuilt when articles are placed)."""

    stories: int = 0
    events: int = 0
    claims: int = 0
    conflicts: int = 0
    vectors_computed: int = 0
    stories_rebuilt: int = 0
    seconds: float = 0.0


def _vectors(
    store: Store, ids: list[str], model: str = EMBEDDING_MODEL
) -> tuple[dict[str, bytes], int]:
    """The stored vectors of ``ids`` by ``model``; those missing are embedded and stored:
    English articles' multilingual vectors when the store turns bilingual, and articles
    analysed before analysis made vectors (``corroborator link`` on an old store)."""
    stored = store.get_vectors(model, None if len(ids) > 1000 else ids)
    missing = [i for i in ids if i not in stored]
    if missing:
        stored.update(_embed(store, missing, model))
    return stored, len(missing)


def _embed(store: Store, ids: list[str], model: str) -> dict[str, bytes]:
    """Embed the articles ``ids`` by ``model`` (all at once) and store their vectors."""
    from corroborator.analyze.embeddings import embed, embed_multilingual

    texts = []
    for aid in ids:
        article = store.get_article(aid)
        texts.append(embedding_text(article, model) if article else "")
    encode = embed_multilingual if model == MULTILINGUAL_MODEL else embed
    fresh = {aid: v.astype(np.float32).tobytes() for aid, v in zip(ids, encode(texts), strict=True)}
    store.put_vectors(model, fresh)
    return fresh


def _vector_matrix(
    store: Store, ids: list[str], model: str = EMBEDDING_MODEL
) -> tuple[npt.NDArray[np.float32], int]:
    """The vectors of ``ids`` by ``model`` as rows (those missing embedded and stored, all at
    once, as :func:`_vectors` does), read from the store
    :data:`VECTOR_BATCH` at a time straight into the matrix: the store's rows and the matrix
    are never held side by side (at 100,000 articles, 170 MB of rows beside 154 MB of matrix).
    Also how many were embedded."""
    matrix: npt.NDArray[np.float32] | None = None
    missing: list[int] = []
    for start in range(0, len(ids), VECTOR_BATCH):
        chunk = ids[start : start + VECTOR_BATCH]
        stored = store.get_vectors(model, chunk)
        for k, aid in enumerate(chunk, start):
            buf = stored.get(aid)
            if buf is None:
                missing.append(k)
                continue
            if matrix is None:
                matrix = np.zeros((len(ids), len(buf) // 4), dtype=np.float32)
            matrix[k] = np.frombuffer(buf, dtype=np.float32)
        del stored
    if missing:
        fresh = _embed(store, [ids[k] for k in missing], model)
        if matrix is None:
            width = next((len(b) // 4 for b in fresh.values()), 1)
            matrix = np.zeros((len(ids), width), dtype=np.float32)
        for k in missing:
            matrix[k] = np.frombuffer(fresh[ids[k]], dtype=np.float32)
    assert matrix is not None  # ids is not empty: every row was read or embedded
    return matrix, len(missing)


def language_group(language: str | None) -> int:
    """1 for a language the main embedder does not read, 0 for one it reads (or unknown)."""
    return int(language is not None and language not in EMBEDDER_LANGUAGES)


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
    from datetime import date

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
    """Link ``store`` and store the result.

    With ``new_ids`` (articles just added, the rest linked before), each is placed in the
    stored stories (:mod:`corroborator.engine.place`) and only the stories they touch are
    rebuilt, when the store's last run left its linking index and they are at most
    :data:`PLACE_SHARE` of it; otherwise, and without ``new_ids``, the whole store is linked.
    ``progress`` is told how far it is (:data:`LinkProgress`)."""
    from corroborator.engine.place import place_articles, placeable

    started = time.perf_counter()
    tell: LinkProgress = progress or (lambda stage, done, total: None)
    report = LinkReport()
    fresh = sorted(set(new_ids))
    if fresh and placeable(store, fresh):
        place_articles(store, fresh, report)
        tell("clustering", len(fresh), len(fresh))
    else:
        link_all(store, report, tell)
    report.seconds = time.perf_counter() - started
    return report


def link_all(
    store: Store, report: LinkReport, tell: LinkProgress = lambda stage, done, total: None
) -> None:
    """Link the whole store (see the module's docstring), block by block: only the vectors, the
    MinHash band keys and the source dependence groups are held for every article at once (the
    signatures only until those are made, before the vectors are read)."""
    sources = []
    languages: dict[str, str | None] = {}
    total = store.counts(["articles"])["articles"]
    # each signature is written straight into one matrix (a list of 100,000 small arrays took
    # 60 MB of scattered heap beside the 51 MB matrix stacked from it)
    sigs = np.empty((total, PERMUTATIONS), dtype=np.uint32)
    for n, article in enumerate(store.iter_articles(), 1):
        tell("reading", n, total)
        if n > len(sigs):  # an article stored since the count
            grown = np.empty((max(1, len(sigs)), PERMUTATIONS), dtype=np.uint32)
            sigs = np.concatenate([sigs, grown])
        sources.append(source(article))
        sigs[n - 1] = signature(article.text)
        languages[article.id] = article.language
    if not sources:
        with store.transaction():
            store.replace_links([], [])
            store.put_link_keys([(INDEX_MARK, "")], replace=True)
        return
    order = sorted(range(len(sources)), key=lambda k: sources[k].id)
    sources = [sources[k] for k in order]
    sigs = sigs[np.asarray(order, dtype=np.int64)]
    del order
    ids = [s.id for s in sources]
    # source dependence and the band keys first, from the signatures alone: they are freed
    # before the vectors are read and the blocks cut, the run's largest step
    dependence = group_sources(sources, sigs)
    hashes = band_hashes(sigs)
    del sigs
    vectors, report.vectors_computed = _vector_matrix(store, ids)
    spoken = {lang for lang in languages.values() if lang}
    groups = np.full(len(ids), -1, dtype=np.int64)
    multi = np.zeros((len(ids), 1), dtype=np.float32)
    if len(spoken) > 1:
        multi, computed = _vector_matrix(store, ids, MULTILINGUAL_MODEL)
        report.vectors_computed += computed
        # every article has its multilingual vector now (those missing were embedded)
        groups = np.array([language_group(languages[aid]) for aid in ids], dtype=np.int64)
    del languages  # only the groups are needed from here on
    index = {aid: k for k, aid in enumerate(ids)}
    constraints = store.constraints()
    pairs = {
        kind: _index_pairs(
            [(a, b) for k, a, b in constraints if k == kind and a in index and b in index], index
        )
        for kind in ("must", "cannot")
    }
    blocks = block_indices(vectors, groups, multi, pairs["must"])
    reasons = {g.id: g.reasons for g in dependence.groups}
    previous = store.story_assignments()
    taken: set[str] = set()
    # a span correction is applied in the block of its anchor (or, the anchor gone, wherever
    # most of its articles are)
    corrections = store.span_corrections()

    def keys(k: int) -> Iterator[tuple[str, str]]:
        src = sources[k]
        if src.outlet:
            yield f"outlet:{src.outlet}", src.id
        for wire in src.wires:
            yield f"wire:{wire}", src.id
        for band in range(BANDS):
            yield band_key(band, int(hashes[k, band])), src.id

    # one transaction: readers see the previous run until this one is whole. Each block's
    # stories, links and keys are written as it is done, so no more than one block's analyses
    # and stories are held (the write lock is held as long as the run)
    with store.transaction():
        store.replace_links([], [])
        marks = [(INDEX_MARK, ""), *((LANGUAGES_MARK + lang, "") for lang in sorted(spoken))]
        if len(spoken) > 1:
            marks.append((LANGUAGES_MARK + "*", ""))  # bilingual: multilingual vectors compared
        store.put_link_keys(marks, replace=True)
        placed = 0
        for n, block in enumerate(blocks, 1):
            _link_block(store, block, ids, vectors, multi, groups, pairs, previous, taken,
                        dependence, reasons, report, corrections, index)  # fmt: skip
            store.put_link_keys(row for k in block for row in keys(k))
            placed += len(block)
            tell("clustering", placed, len(ids))
            tell("stories", n, len(blocks))
        VectorFile(store.location, EMBEDDING_MODEL).write(ids, vectors)
        if len(spoken) > 1:
            VectorFile(store.location, MULTILINGUAL_MODEL).write(ids, multi)


def _link_block(
    store: Store,
    block: list[int],
    ids: list[str],
    vectors: npt.NDArray[np.float32],
    multi: npt.NDArray[np.float32],
    groups: npt.NDArray[np.int64],
    pairs: dict[str, list[tuple[int, int]]],
    previous: dict[str, str],
    taken: set[str],
    dependence: Dependence,
    reasons: dict[str, tuple[str, ...]],
    report: LinkReport,
    corrections: Sequence[tuple[SpanCorrection, tuple[str, ...]]] = (),
    index: Mapping[str, int] | None = None,
) -> None:
    """Cluster one block, build its stories and write them, their links and blocking keys."""
    inside = set(block)
    by_id: dict[str, Article] = {}
    analyses: dict[str, ArticleAnalysis | None] = {}
    docs = []
    blocking: list[tuple[str, str]] = []
    for k in block:
        found = store.get_article(ids[k])
        if found is None:
            continue
        by_id[found.id] = found
        analyses[found.id] = store.get_analysis(found.id)
        docs.append(
            _story_doc(found, analyses[found.id], vectors[k], multi[k] if groups[k] >= 0 else None)
        )
        blocking += [(key, found.id) for key in blocking_keys(docs[-1])]
    clusters = cluster_stories(
        docs,
        [(ids[i], ids[j]) for i, j in pairs["must"] if i in inside],
        [(ids[i], ids[j]) for i, j in pairs["cannot"] if i in inside and j in inside],
    )
    members: dict[str, list[str]] = {}
    assignment = name_stories(clusters, previous, taken=taken)
    for aid, sid in assignment.items():
        members.setdefault(sid, []).append(aid)
    here = {ids[k] for k in block}
    fixes = span_fixes(
        [
            c
            for c in corrections
            if c[0].anchor in here or (index is not None and c[0].anchor not in index)
        ],
        assignment,
    )
    stories = []
    links = []
    for sid, member_ids in sorted(members.items()):
        member_ids.sort()
        story = _story(sid, member_ids, analyses, by_id, dependence, fixes.get(sid))
        stories.append(story)
        _count(report, story)
        links += [
            ArticleLinks(
                aid,
                sid,
                dependence.group_of[aid],
                tuple(dependence.derived_from.get(aid, ())),
                reasons[dependence.group_of[aid]],
            )
            for aid in member_ids
        ]
    report.stories += len(stories)
    report.stories_rebuilt += len(stories)
    store.update_links(stories, links)
    store.put_link_keys(blocking)


def _count(report: LinkReport, story: Story) -> None:
    report.events += len(story.events)
    report.claims += len(story.claims)
    report.conflicts += sum(len(e.conflicts) for e in story.events) + sum(
        c.verdict == "conflicting" for c in story.claims
    )


# Blocking keys hold an article's month: a new article looks up its own month and the two
# beside it, so people, places and organisations bring in articles of about the same time only
# (three months hold the date windows of story clustering: LEAD_WINDOW_DAYS, DATE_WINDOW_DAYS).
UNDATED = "-"


def _month(doc: StoryDoc) -> str:
    when = doc.lead_date or (doc.dates[0] if doc.dates else None) or doc.published
    return when[:7] if when and len(when) >= 7 else UNDATED


def blocking_keys(doc: StoryDoc, months: Collection[str] = ()) -> list[str]:
    """The keys an article is found by when a new one is placed: its people, places and
    organisations each with its month (or ``months``, when looking up), and its dated
    happenings ("talks:2025-11-26")."""
    at = sorted(months) if months else [_month(doc)]
    names = [f"person:{p}" for p in sorted(doc.people)]
    names += [f"place:{p}" for p in sorted(doc.places)]
    names += [f"org:{o}" for o in sorted(doc.orgs)]
    return [f"{n}@{m}" for n in names for m in at] + sorted(f"key:{k}" for k in doc.keys)


def months_around(doc: StoryDoc) -> list[str]:
    """The months a new article looks up: its own and the one before and after (undated: the
    undated)."""
    month = _month(doc)
    if month == UNDATED:
        return [UNDATED]
    year, mon = int(month[:4]), int(month[5:7])
    out = [UNDATED]
    for step in (-1, 0, 1):
        y, m = divmod(year * 12 + mon - 1 + step, 12)
        out.append(f"{y:04d}-{m + 1:02d}")
    return out
