"""Story clustering: group the articles that report the same real-world happening.

Each article is described by a :class:`StoryDoc`: an embedding of its text, its content words,
its publication date, the dates of the events it reports, its canonical people, places and
organisations, and other distinctive keys (product names, figures). Clustering is a cascade:

1. **Themes.** Average-link clustering on the embedding cosine at :data:`THEME_THRESHOLD`
   groups articles about the same *kind* of thing (polygamy trials, Sonoma earthquakes, state
   visits to Bishkek). A theme may hold several happenings; a story never spans two themes.
2. **Theme-relative similarity.** Within a theme, what all its articles share says nothing
   about which happening each reports. Each article's embedding is compared with the theme's
   centroid taken away (leaving the pair out), so the comparison sees what is specific to
   each article: the names, places, figures and days. Beside it: the raw cosine, TF-IDF
   cosines of content words and of names (IDF over the documents being clustered), overlap of
   people, places and keys, and whether the two name different people.
3. **Probability.** A logistic model turns these into the probability ``p`` that two articles
   report the same happening. Articles whose dates put them in different happenings
   (:func:`hard_apart`: lead dates more than :data:`LEAD_WINDOW_DAYS` apart, or dates anchored
   on known publication dates more than :data:`DATE_WINDOW_DAYS` apart — publication dates
   alone, further) get ``p = 0`` and a cannot-link: two visits of the same leader to the same
   city two years apart share everything but the date, and no average may outvote that. Dates
   read against a guessed anchor only lower ``p`` (:data:`W_FAR_APART`).
4. **Stories.** Constrained average-link clustering (:mod:`corroborator.link.agglomerate`) of
   each theme at :data:`THRESHOLD`, with the user's must-link and cannot-link pairs.

The input is sorted by id first and every step is deterministic, so the result depends only on
the *set* of documents and constraints, never on their order. Re-clustering all stored features
re-analyses nothing and takes well under a second for a few hundred articles, which is how new
articles are added: :func:`recluster` keeps the story ids of the clusters that persist. (TF-IDF
weights and theme centroids depend on the whole set, so a new article can, rarely, move a
borderline article of an old story.)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from corroborator.analyze.embeddings import MAIN_LANGUAGES
from corroborator.link.agglomerate import average_link, components
from corroborator.link.lexical import SparseVector, cosine, tfidf
from corroborator.model import content_id

# --- calibration -------------------------------------------------------------------------------
# Fitted by bench/ecbplus_calibrate.py on the ECB+ train and dev topics only (never the test
# topics 36–45): the weights by logistic regression over every pair of train documents inside
# one predicted theme (label: same sub-topic), the thresholds by B³ F1 on train and dev.
# Re-checked 2026-11-30 on the features linking computes (engine/link.py ``_story_doc`` over
# stores built by ``corroborator build``; the first fit used a separate feature path): theme
# threshold 0.3 still the best (0.921 train, 1.000 dev); these weights at THRESHOLD give joint
# B³ F1 0.914 train, 1.000 dev; a refit on those features gives 0.922 on train (where it is
# fitted) but 0.991 on dev, so the weights were kept.

# Theme threshold on the embedding cosine, by B³ F1 of themes against ECB+ *topics*: 0.92 on
# train and 1.00 on dev (0.25: 0.84 / 1.00; 0.35: 0.93 / 0.97); of the two best, the lower,
# since a theme split in two can never be mended later while a loose theme only costs time.
THEME_THRESHOLD = 0.3
# Intercept and weights of the pairwise logistic model (L2, C=1), in the order of FEATURES.
BIAS = 3.1
FEATURES = (
    "cos",  # embedding cosine
    "centered",  # cosine of the embeddings with the theme centroid (pair left out) removed
    "log_theme_size",  # log of the theme's size: small themes give a noisy centroid
    "people",  # Jaccard overlap of people
    "people_conflict",  # both name people and none is shared
    "places",  # Jaccard overlap of places
    "figures",  # Jaccard overlap of figures
    "terms",  # TF-IDF cosine of content words
    "names",  # TF-IDF cosine of all names and keys
)
WEIGHTS = (-0.8, 7.4, -1.3, 1.8, -0.5, 0.4, 3.0, 6.0, 0.6)
# Not fitted (ECB+ has too few resolved dates): dates more than DATE_WINDOW_DAYS apart are a
# hard constraint between articles whose dates are anchored on a known publication date (a
# pairwise penalty is averaged away by average-link: two meetings of the same leaders a year
# apart became one story). No train/dev pair of one ECB+ sub-topic has event dates this far
# apart. Where an article's days hang on a guessed anchor (bare text with no date printed)
# the window only weighs W_FAR_APART: on news-dev's bare feed a hard veto there split three
# stories whose relative days had been read against a wrong year.
DATE_WINDOW_DAYS = 60
W_FAR_APART = -20.0
# An article's *lead* date is the day of the first happening it tells (its first dated
# mention that is not history): what the article is about. Lead dates of one news-dev story
# lie at most 7 days apart (xi2025, busan2025, dprk2024, vn2024, quake2025: previews, reports,
# follow-ups); three times that keeps a late follow-up while a call a month before a summit
# (which previews the summit, so its event dates overlap it) stays a story of its own.
LEAD_WINDOW_DAYS = 21
# An article places its happening in a country when at least two of its placed meetings,
# visits and ceremonies, and two thirds of them, lie there: one stray place (a dateline city
# given to the first mention, a country named in passing) is not where a visit happens.
WHERE_MIN_MENTIONS = 2
WHERE_MIN_SHARE = 2 / 3
# Two articles placed in different countries, neither naming the other's (two legs of one
# trip: dprk2024 and vn2024 in news-dev, one day apart, same visitor, same wording) lose this
# much logit. Not a hard constraint: as a veto it split a held-out cluster (an article's
# placed events are still noisy); at -6 the legs part (English B³ 0.91 -> 0.95 with metadata,
# 0.87 -> 0.95 bare) and the held-out clusters keep 0.94. Not fitted further.
W_ELSEWHERE = -6.0
# The same penalty when only one of the two is placed clearly and the other names places in at
# least this many countries, none of them that one's (news-dev: an English report of talks in
# Moscow, naming Russia and China, scored 0.88 against a Russian one of talks in Hanoi across
# languages, and took it out of its story). Two countries: one named place alone may be a
# dateline or the outlet's home.
ELSEWHERE_MIN_COUNTRIES = 2
# Publication dates stand in for missing event dates. Two publication dates alone were first
# given a wider window (120 days: a preview can run weeks early, a follow-up months later), but
# an article that dates none of its happenings reports the news of its own days: a preview
# dates what it announces and a follow-up the day it follows up, and those pairs already meet
# DATE_WINDOW_DAYS when one side is dated. On news-dev's development clusters, articles of one
# story dated only by publication lie at most 4 days apart; at 120 days a September report of
# two leaders' meeting joined May's report of their previous one (117 days apart, no dated
# event in either). So the same window as dated pairs.
PUBLISHED_WINDOW_DAYS = DATE_WINDOW_DAYS
# Average-link threshold on p, by B³ F1 of joint clustering: 0.920 on train and 0.972 on dev
# (0.35: 0.922 / 0.972; 0.45: 0.914 / 0.972; 0.3: 0.902 / 0.931): the middle of the plateau.
# On the linking features (2026-11-30): 0.914 / 1.000 (0.35: 0.912 / 1.000; 0.45: 0.899 /
# 1.000; 0.3: 0.909 / 0.931): still inside the plateau.
THRESHOLD = 0.4
# Across languages. The English embedder (MiniLM) cannot compare a Russian text with an English
# one (their cosine is near 0 for reports of one event), nor two Russian ones (any two Russian
# news texts score 0.6–0.9: it reads Cyrillic as unknown word pieces), so a pair of articles of
# which one is in another language than EMBEDDER_LANGUAGES is compared on multilingual vectors
# (USE multilingual v3) instead; pairs of English (or unknown-language) articles keep the
# English embedder the weights above were fitted with. The two cosines are put on one
# scale by a linear fit over all pairs of the English articles of news-dev's five development
# clusters (528 pairs, no labels used; correlation 0.90): MiniLM ≈ 1.075 × USE − 0.059; the
# medians (0.41 against 0.39) and the 90th percentiles (0.64 / 0.66) agree after it.
EMBEDDER_LANGUAGES = MAIN_LANGUAGES
CROSS_SCALE = 1.075
CROSS_SHIFT = -0.059
# Two articles in different languages share no words: their TF-IDF cosine of content words
# ("terms") is not observed, not zero. Their names are: the analysis makes people, places and
# organisations canonical across scripts (Путин → Vladimir Putin), so people, places, figures
# and names are compared as they are. "terms" is replaced by its expectation given the
# embedding features, fitted by least squares over the 312 same-theme pairs of news-dev's
# English development articles (no labels used; R² 0.68; mean 0.095):
# terms ≈ −0.002 + 0.173 cos + 0.140 centered.
CROSS_TERMS = (-0.002, 0.173, 0.140)
# A pair in two languages scores lower on the multilingual vectors than a pair in one (each
# language sits apart in that space): over all pairs of news-dev's development articles (no
# labels used), English-Russian USE cosines have mean 0.393, sd 0.145, English-English MiniLM
# ones mean 0.386, sd 0.197, with the same share of same-story pairs (13%) among them. The
# bilingual cosine is put on the MiniLM scale by matching those two moments.
BILINGUAL_SCALE = 0.197 / 0.145
BILINGUAL_SHIFT = 0.386 - 0.393 * BILINGUAL_SCALE
# The centred cosine of a bilingual pair likewise, by its two moments over the same-theme pairs
# of those articles: English-Russian (language-centred, USE) mean 0.005, sd 0.154 (507 pairs);
# English-English (MiniLM) mean 0.049, sd 0.234 (312 pairs).
BILINGUAL_CENTERED_SCALE = 0.234 / 0.154
BILINGUAL_CENTERED_SHIFT = 0.049 - 0.005 * BILINGUAL_CENTERED_SCALE
# A language's own centroid (for the centred cosine of a bilingual pair) needs this many other
# members of the theme; fewer give a noisy centroid, and the theme's whole one is used.
LANGUAGE_CENTROID_MIN = 3
# -------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """The features of one article that story clustering uses.

    ``embedding`` is the L2-normalised vector of the article's text (title and lead, or the
    whole text; see :func:`corroborator.analyze.embeddings.embed`). ``terms`` are its content
    words (:func:`corroborator.link.lexical.content_terms`). ``dates`` are ISO dates,
    year-months or years (``2025-11-26``, ``2025-11``, ``2025``) of the events the article
    *reports*, not of the history it recalls. Names are canonical keys (the same person is the
    same string in every article); pass the names that matter to the article (title, lead,
    participants), not every name it mentions. ``keys`` are other distinctive things: product
    names, named events, figures ("4.6", "334m"). ``lead_date`` is the ISO day of the first
    happening the article tells (see :data:`LEAD_WINDOW_DAYS`), when it gives one;
    ``anchored`` is false when its relative dates rest on no known publication date.
    ``where`` counts, by country, the article's placed meetings, visits and ceremonies.
    ``language`` is the article's ISO 639-1 code (``None``: unknown) and ``multilingual`` its
    vector from a multilingual embedder: two articles in different languages are compared on
    those (see :data:`CROSS_SCALE`) when both have one.
    """

    id: str
    embedding: npt.NDArray[np.float32] = field(compare=False, repr=False)
    terms: tuple[str, ...] = ()
    published: str | None = None
    dates: tuple[str, ...] = ()
    people: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    orgs: frozenset[str] = frozenset()
    keys: frozenset[str] = frozenset()
    figures: frozenset[str] = frozenset()
    lead_date: str | None = None
    anchored: bool = True  # its dates rest on a known publication date
    # ISO country → how many of its meetings, visits and ceremonies the article places there
    where: tuple[tuple[str, int], ...] = ()
    language: str | None = None
    multilingual: npt.NDArray[np.float32] | None = field(default=None, compare=False, repr=False)
    # ISO countries of every place the article names (``None``: not known)
    countries: frozenset[str] | None = None
    # days the article gives without a year, as (month, day, weekday or None; 0 = Monday): a
    # bare text's "7 May", its dateline's "МОСКВА, 28 мар", "Wednesday, May 7"
    yearless: tuple[tuple[int, int, int | None], ...] = ()


# --- dates -------------------------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
def _interval(value: str) -> tuple[int, int] | None:
    """The first and last day (ordinals) an ISO date, year-month or year covers."""
    parts = value.strip()[:10].split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        month = int(parts[1])
        if len(parts) == 2:
            last = date(year + month // 12, month % 12 + 1, 1).toordinal() - 1
            return date(year, month, 1).toordinal(), last
        day = date(year, month, int(parts[2])).toordinal()
        return day, day
    except (ValueError, IndexError):
        return None


def _gap(a: Iterable[str], b: Iterable[str]) -> int | None:
    """Days between the closest two of the dates ``a`` and ``b``; ``None`` without both."""
    ia = [iv for iv in map(_interval, a) if iv]
    ib = [iv for iv in map(_interval, b) if iv]
    if not ia or not ib:
        return None
    return min(max(0, s2 - e1, s1 - e2) for s1, e1 in ia for s2, e2 in ib)


def _country(doc: StoryDoc) -> str | None:
    """The country where the article's happening takes place, when it says so clearly: at
    least :data:`WHERE_MIN_MENTIONS` of its placed meetings, visits and ceremonies, and
    :data:`WHERE_MIN_SHARE` of them, in one country."""
    total = sum(n for _, n in doc.where)
    if not doc.where:
        return None
    country, n = max(doc.where, key=lambda cn: (cn[1], cn[0]))
    return country if n >= WHERE_MIN_MENTIONS and n >= WHERE_MIN_SHARE * total else None


def elsewhere(a: StoryDoc, b: StoryDoc) -> bool:
    """Two articles whose happenings clearly take place in different countries, neither naming
    the other's at all: two legs of one trip (Pyongyang, then Hanoi the next day), the same
    leaders meeting again abroad. A penalty (:data:`W_ELSEWHERE`), not a veto."""
    ca, cb = _country(a), _country(b)
    if ca is not None and cb is None:
        return _never_names(b, ca) or _placed_apart(b, a, ca)
    if cb is not None and ca is None:
        return _never_names(a, cb) or _placed_apart(a, b, cb)
    if ca is None or cb is None or ca == cb:
        return False
    return ca not in dict(b.where) and cb not in dict(a.where)


def _never_names(doc: StoryDoc, country: str) -> bool:
    """Whether ``doc``, placed nowhere clearly, names places (in at least
    :data:`ELSEWHERE_MIN_COUNTRIES` countries) and none of them in ``country``: a report of
    talks in Moscow beside one of talks in Hanoi, the same visitor in both."""
    if doc.countries is None or len(doc.countries) < ELSEWHERE_MIN_COUNTRIES:
        return False
    return country not in doc.countries and country not in dict(doc.where)


def _placed_apart(weak: StoryDoc, clear: StoryDoc, country: str) -> bool:
    """Whether ``weak``, placed without a clear majority (one placed event is enough), places
    all of its happenings outside ``clear``'s ``country``, in countries ``clear`` never names
    at all: a report of a welcome in Velmora beside one of talks in Corvia, neither dated. A
    stray place alone cannot do it: ``clear`` would have to be silent on it too."""
    if not weak.where or clear.countries is None:
        return False
    return all(c != country and c not in clear.countries for c, _ in weak.where)


def hard_apart(a: StoryDoc, b: StoryDoc) -> bool:
    """Whether ``a`` and ``b`` can never share a story: their lead dates, or their dates
    anchored on known publication dates, lie further apart than the windows allow."""
    if a.lead_date and b.lead_date:
        lead_gap = _gap((a.lead_date,), (b.lead_date,))
        if lead_gap is not None and lead_gap > LEAD_WINDOW_DAYS:
            return True
    return a.anchored and b.anchored and far_apart(a, b)


def _undated(doc: StoryDoc) -> bool:
    return not doc.dates and not doc.published


def _yearless_apart(doc: StoryDoc, dated: tuple[str, ...]) -> bool:
    """Whether none of the days ``doc`` gives without a year can fall within
    :data:`DATE_WINDOW_DAYS` of the ``dated`` days in any of their years (or the years either
    side): a day printed without a year is a day of the report's own year (news prints the year
    only when it is another), and a weekday printed with it rules out the years where that day
    falls on another weekday ("Friday, May 8" is no day of 2025)."""
    spans = [iv for iv in map(_interval, dated) if iv]
    if not doc.yearless or not spans:
        return False
    years = {date.fromordinal(o).year for iv in spans for o in iv}
    for month, day, weekday in doc.yearless:
        for year in range(min(years) - 1, max(years) + 2):
            try:
                d = date(year, month, day)
            except ValueError:
                continue
            if weekday is not None and d.weekday() != weekday:
                continue
            o = d.toordinal()
            if min(max(0, s - o, o - e) for s, e in spans) <= DATE_WINDOW_DAYS:
                return False
    return True


def far_apart(a: StoryDoc, b: StoryDoc) -> bool:
    """Whether the dates of ``a`` and ``b`` put them in different happenings (an article dated
    only by days without a year, against the other's: :func:`_yearless_apart`)."""
    if _undated(a) != _undated(b):
        undated, dated = (a, b) if _undated(a) else (b, a)
        return _yearless_apart(undated, dated.dates or ((dated.published or "",)))
    gap = _gap(a.dates, b.dates)
    if gap is not None:
        return gap > DATE_WINDOW_DAYS
    # one article dated by its events, the other only by its publication: compare those
    da = a.dates or ((a.published,) if a.published else ())
    db = b.dates or ((b.published,) if b.published else ())
    gap = _gap(da, db)
    if gap is None:
        return False
    window = DATE_WINDOW_DAYS if (a.dates or b.dates) else PUBLISHED_WINDOW_DAYS
    return gap > window


# --- pairwise features -------------------------------------------------------------------------


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def _sigmoid(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -700 else 0.0


@dataclass
class _Prepared:
    """Everything computed once per clustering call, over the sorted documents."""

    docs: list[StoryDoc]
    vectors: npt.NDArray[np.float64]
    terms: list[SparseVector]
    names: list[SparseVector]
    theme_of: list[int]  # index of each document's theme
    themes: list[list[int]]
    sums: list[npt.NDArray[np.float64]]  # sum of the embeddings of each theme
    # language groups (-1: unknown, or no multilingual vector) and the multilingual vectors
    groups: npt.NDArray[np.int64]
    multi: npt.NDArray[np.float64]
    msums: list[npt.NDArray[np.float64]]  # sum of the multilingual vectors of each theme
    main_sums: list[npt.NDArray[np.float64]]  # sum of the main embeddings of main-language members
    main_sizes: list[int]
    # per theme, per language (of the members with a multilingual vector): the sum of their
    # multilingual vectors and how many there are
    lang_sums: list[dict[str | None, tuple[npt.NDArray[np.float64], int]]]


def _language_sums(
    docs: Sequence[StoryDoc],
    themes: list[list[int]],
    groups: npt.NDArray[np.int64],
    multi: npt.NDArray[np.float64],
) -> list[dict[str | None, tuple[npt.NDArray[np.float64], int]]]:
    out: list[dict[str | None, tuple[npt.NDArray[np.float64], int]]] = []
    for theme in themes:
        by: dict[str | None, list[int]] = {}
        for i in theme:
            if groups[i] >= 0:
                by.setdefault(docs[i].language, []).append(i)
        out.append({lang: (multi[ix].sum(axis=0), len(ix)) for lang, ix in by.items()})
    return out


def _language_groups(
    docs: Sequence[StoryDoc],
) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float64]]:
    """Per document: 1 when it is in a language the main embedder does not read (and has a
    multilingual vector), 0 when it is in one it reads, -1 when it has no multilingual vector;
    and the multilingual vectors (zeros where missing)."""
    width = next((len(d.multilingual) for d in docs if d.multilingual is not None), 1)
    multi = np.zeros((len(docs), width))
    groups = np.full(len(docs), -1, dtype=np.int64)
    for k, d in enumerate(docs):
        if d.multilingual is not None:
            groups[k] = int(d.language is not None and d.language not in EMBEDDER_LANGUAGES)
            multi[k] = np.asarray(d.multilingual, dtype=np.float64)
    return groups, multi


def _prepare(docs: Sequence[StoryDoc], must: Sequence[tuple[int, int]]) -> _Prepared:
    vectors = np.stack([np.asarray(d.embedding, dtype=np.float64) for d in docs])
    groups, multi = _language_groups(docs)
    themes = _themes(vectors, must, groups, multi)
    theme_of = [0] * len(docs)
    for k, theme in enumerate(themes):
        for i in theme:
            theme_of[i] = k
    return _Prepared(
        docs=list(docs),
        vectors=vectors,
        terms=tfidf([d.terms for d in docs]),
        names=tfidf([sorted(d.people | d.places | d.orgs | d.keys | d.figures) for d in docs]),
        theme_of=theme_of,
        themes=themes,
        sums=[vectors[t].sum(axis=0) for t in themes],
        groups=groups,
        multi=multi,
        msums=[multi[t].sum(axis=0) for t in themes],
        # a pair read by the main embedder is centred on the theme's members it reads
        main_sums=[vectors[[i for i in t if groups[i] <= 0]].sum(axis=0) for t in themes],
        main_sizes=[sum(1 for i in t if groups[i] <= 0) for t in themes],
        lang_sums=_language_sums(docs, themes, groups, multi),
    )


def _cosines(
    vectors: npt.NDArray[np.float64],
    groups: npt.NDArray[np.int64],
    multi: npt.NDArray[np.float64],
    rows: Sequence[int] | slice,
    cols: Sequence[int] | slice,
) -> npt.NDArray[np.float64]:
    """Cosines of ``rows`` × ``cols``: of the main embedding within a language, of the
    multilingual one (put on the main one's scale) across two known languages."""
    cos = vectors[rows] @ vectors[cols].T
    gr, gc = groups[rows], groups[cols]
    cross = ((gr[:, None] > 0) | (gc[None, :] > 0)) & (gr[:, None] >= 0) & (gc[None, :] >= 0)
    if cross.any():
        raw = multi[rows] @ multi[cols].T
        # a pair in two languages (one read by the main embedder, one not) has its own scale
        mixed = (gr[:, None] == 0) | (gc[None, :] == 0)
        mapped = np.where(
            mixed, BILINGUAL_SCALE * raw + BILINGUAL_SHIFT, CROSS_SCALE * raw + CROSS_SHIFT
        )
        cos = np.where(cross, mapped, cos)
    return cos


def _themes(
    vectors: npt.NDArray[np.float64],
    must: Sequence[tuple[int, int]],
    groups: npt.NDArray[np.int64],
    multi: npt.NDArray[np.float64],
    block: int = 1024,
) -> list[list[int]]:
    """Average-link clusters of the embedding cosine (must-links joined), as index lists."""
    n = vectors.shape[0]
    edges: list[tuple[int, int]] = list(must)
    for start in range(0, n, block):
        cos = _cosines(vectors, groups, multi, slice(start, start + block), slice(None))
        rows, cols = np.nonzero(cos >= THEME_THRESHOLD)
        edges += [(start + r, c) for r, c in zip(rows.tolist(), cols.tolist(), strict=True)
                  if c > start + r]  # fmt: skip
    out: list[list[int]] = []
    for comp in components(n, edges):
        if len(comp) == 1:
            out.append(comp)
            continue
        local = {g: k for k, g in enumerate(comp)}
        sim = _cosines(vectors, groups, multi, comp, comp)
        lm = [(local[i], local[j]) for i, j in must if i in local]
        out += [[comp[k] for k in c] for c in average_link(sim, THEME_THRESHOLD, lm)]
    return sorted(out)


def _crosses(p: _Prepared, i: int, j: int) -> bool:
    """Whether ``i`` and ``j`` are compared on their multilingual vectors: both have one, and
    one of them is in a language the main embedder does not read."""
    return bool(min(p.groups[i], p.groups[j]) >= 0 and max(p.groups[i], p.groups[j]) > 0)


def _languages_differ(a: StoryDoc, b: StoryDoc) -> bool:
    """Both languages known and different: the two texts share no words to compare."""
    return a.language is not None and b.language is not None and a.language != b.language


def _mapped(p: _Prepared, i: int, j: int, value: float, centered: bool = False) -> float:
    """A multilingual cosine (``centered``: a centred one) of ``i`` and ``j`` on the main
    embedder's scale."""
    if _languages_differ(p.docs[i], p.docs[j]):
        if centered:
            return BILINGUAL_CENTERED_SCALE * value + BILINGUAL_CENTERED_SHIFT
        return BILINGUAL_SCALE * value + BILINGUAL_SHIFT
    return CROSS_SCALE * value + CROSS_SHIFT


def _cos(p: _Prepared, i: int, j: int) -> float:
    if _crosses(p, i, j):
        return _mapped(p, i, j, float(p.multi[i] @ p.multi[j]))
    return float(p.vectors[i] @ p.vectors[j])


def _centered(p: _Prepared, i: int, j: int) -> float:
    """Cosine of ``i`` and ``j`` after removing their theme's centroid, the pair left out. A
    pair across languages is compared in the multilingual space, each article less the
    centroid of its own language's members of the theme: that removes what the theme's
    articles share and the offset each language has in that space (:data:`BILINGUAL_SCALE`);
    a language with too few other members there falls back on the whole theme's centroid."""
    t = p.theme_of[i]
    if not _crosses(p, i, j):
        m = p.main_sizes[t]
        if m < 3:
            return _cos(p, i, j)
        centroid = (p.main_sums[t] - p.vectors[i] - p.vectors[j]) / (m - 2)
        return _unit_cos(p.vectors[i] - centroid, p.vectors[j] - centroid)
    if len(p.themes[t]) < 3:
        return _cos(p, i, j)
    u = p.multi[i] - _centroid_without(p, t, i, j)
    v = p.multi[j] - _centroid_without(p, t, j, i)
    return _mapped(p, i, j, _unit_cos(u, v), centered=True)


def _centroid_without(p: _Prepared, t: int, i: int, j: int) -> npt.NDArray[np.float64]:
    """The centroid of ``i``'s language in theme ``t`` without ``i`` and ``j`` (the whole
    theme's when fewer than :data:`LANGUAGE_CENTROID_MIN` others share ``i``'s language)."""
    lang = p.docs[i].language
    total, n = p.lang_sums[t].get(lang, (p.msums[t], 0))
    same = p.docs[j].language == lang
    others = n - 1 - int(same)
    rest: npt.NDArray[np.float64]
    if n and others >= LANGUAGE_CENTROID_MIN:
        rest = total - p.multi[i] - (p.multi[j] if same else 0.0)
        return rest / others
    rest = p.msums[t] - p.multi[i] - p.multi[j]
    return rest / (len(p.themes[t]) - 2)


def _unit_cos(u: npt.NDArray[np.float64], v: npt.NDArray[np.float64]) -> float:
    norm = float(np.linalg.norm(u) * np.linalg.norm(v))
    return float(u @ v) / norm if norm else 0.0


def _features(p: _Prepared, i: int, j: int) -> list[float]:
    a, b = p.docs[i], p.docs[j]
    return [
        _cos(p, i, j),
        _centered(p, i, j),
        math.log(
            len(p.themes[p.theme_of[i]])
            if _crosses(p, i, j)
            else max(1, p.main_sizes[p.theme_of[i]])
        ),
        _jaccard(a.people, b.people),
        float(bool(a.people) and bool(b.people) and not (a.people & b.people)),
        _jaccard(a.places, b.places),
        _jaccard(a.figures, b.figures),
        cosine(p.terms[i], p.terms[j]),
        cosine(p.names[i], p.names[j]),
    ]


def _probability(p: _Prepared, i: int, j: int) -> float:
    if p.theme_of[i] != p.theme_of[j]:
        return 0.0
    if hard_apart(p.docs[i], p.docs[j]):
        return 0.0
    features = _features(p, i, j)
    if _languages_differ(p.docs[i], p.docs[j]):
        c0, c_cos, c_centered = CROSS_TERMS
        features[FEATURES.index("terms")] = c0 + c_cos * features[0] + c_centered * features[1]
    logit = BIAS + sum(w * x for w, x in zip(WEIGHTS, features, strict=True))
    if far_apart(p.docs[i], p.docs[j]):
        logit += W_FAR_APART
    if elsewhere(p.docs[i], p.docs[j]):
        logit += W_ELSEWHERE
    return _sigmoid(logit)


# --- clustering --------------------------------------------------------------------------------

Pairs = Collection[frozenset[str]] | Collection[tuple[str, str]]


def _index_pairs(pairs: Iterable[Iterable[str]], index: Mapping[str, int]) -> list[tuple[int, int]]:
    out = []
    for pair in pairs:
        ids = sorted(set(pair))
        if len(ids) != 2:
            raise ValueError(f"a constraint needs two distinct ids, got {ids}")
        missing = [i for i in ids if i not in index]
        if missing:
            raise ValueError(f"constraint on unknown documents: {missing}")
        out.append((index[ids[0]], index[ids[1]]))
    return sorted(out)


def _sorted_docs(docs: Iterable[StoryDoc]) -> list[StoryDoc]:
    items = sorted(docs, key=lambda d: d.id)
    ids = [d.id for d in items]
    if len(set(ids)) != len(ids):
        raise ValueError("duplicate document ids")
    return items


def cluster_stories(
    docs: Iterable[StoryDoc],
    must_link: Pairs = (),
    cannot_link: Pairs = (),
    *,
    threshold: float = THRESHOLD,
) -> list[tuple[str, ...]]:
    """Group ``docs`` into stories: tuples of ids, each sorted, in order of first id.

    ``must_link`` and ``cannot_link`` are pairs of ids (user corrections: "merge A B" links
    A and B; "split" keeps each moved article apart from each one left). Raises
    :class:`~corroborator.link.agglomerate.ConstraintError` (a ``ValueError``) when they
    contradict each other, and ``ValueError`` on duplicate or unknown ids.
    """
    items = _sorted_docs(docs)
    if not items:
        return []
    index = {d.id: i for i, d in enumerate(items)}
    must = _index_pairs(must_link, index)
    cannot = _index_pairs(cannot_link, index)
    prepared = _prepare(items, must)
    out: list[tuple[str, ...]] = []
    for theme in prepared.themes:
        if len(theme) == 1:
            out.append((items[theme[0]].id,))
            continue
        local = {g: k for k, g in enumerate(theme)}
        m = len(theme)
        sim = np.zeros((m, m))
        for a in range(m):
            for b in range(a + 1, m):
                sim[a, b] = sim[b, a] = _probability(prepared, theme[a], theme[b])
        lm = [(local[i], local[j]) for i, j in must if i in local]
        lc = [(local[i], local[j]) for i, j in cannot if i in local and j in local]
        lc += _date_vetoes(prepared, theme, lm)
        names = [items[g].id for g in theme]
        for cluster in average_link(sim, threshold, lm, lc, names):
            out.append(tuple(items[theme[k]].id for k in cluster))
    return sorted(out)


def _date_vetoes(
    p: _Prepared, theme: list[int], must: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Cannot-link pairs (local indices) of the theme's articles that are :func:`hard_apart`.
    A user's must-link wins: pairs inside one must-linked group are left to the user."""
    group = {k: g for g, comp in enumerate(components(len(theme), must)) for k in comp}
    return [
        (a, b)
        for a in range(len(theme))
        for b in range(a + 1, len(theme))
        if group[a] != group[b] and hard_apart(p.docs[theme[a]], p.docs[theme[b]])
    ]


def explain_pair(docs: Iterable[StoryDoc], a: str, b: str) -> dict[str, float]:
    """The features and probability behind the pair ``a``, ``b`` among ``docs`` (for reports
    and debugging): every name in :data:`FEATURES`, ``far_apart``, ``same_theme`` and ``p``."""
    items = _sorted_docs(docs)
    index = {d.id: i for i, d in enumerate(items)}
    prepared = _prepare(items, ())
    i, j = sorted((index[a], index[b]))
    out = dict(zip(FEATURES, _features(prepared, i, j), strict=True))
    out["far_apart"] = float(far_apart(items[i], items[j]))
    out["same_theme"] = float(prepared.theme_of[i] == prepared.theme_of[j])
    out["p"] = _probability(prepared, i, j)
    return out


def theme_pair_features(
    docs: Iterable[StoryDoc],
) -> tuple[list[tuple[str, str]], npt.NDArray[np.float64]]:
    """Every pair of documents inside one theme and its feature row (for calibration)."""
    items = _sorted_docs(docs)
    prepared = _prepare(items, ())
    pairs: list[tuple[str, str]] = []
    rows: list[list[float]] = []
    for theme in prepared.themes:
        for a in range(len(theme)):
            for b in range(a + 1, len(theme)):
                pairs.append((items[theme[a]].id, items[theme[b]].id))
                rows.append(_features(prepared, theme[a], theme[b]))
    return pairs, np.array(rows, dtype=np.float64).reshape(len(rows), len(FEATURES))


def default_story_id(members: Sequence[str]) -> str:
    """The id of a new story: a content hash of its first (lowest) member id."""
    return content_id("story", min(members))


def recluster(
    docs: Iterable[StoryDoc],
    must_link: Pairs = (),
    cannot_link: Pairs = (),
    previous: Mapping[str, str] | None = None,
    *,
    threshold: float = THRESHOLD,
    new_id: Callable[[Sequence[str]], str] = default_story_id,
) -> dict[str, str]:
    """Cluster ``docs`` and name the stories, keeping the ids of ``previous`` where they persist.

    ``previous`` maps document ids to the story ids of an earlier build. The rule: clusters are
    taken largest first (then by first id); each takes the previous story id held by most of
    its members (ties: the smallest id) unless a cluster before it took that id already; a
    cluster left without one gets ``new_id(members)`` (default: a hash of its lowest member id;
    a hash of all its members if that is taken). So adding articles never renames a story that
    keeps any of its articles, and the result depends only on the documents and constraints.
    """
    clusters = cluster_stories(docs, must_link, cannot_link, threshold=threshold)
    return name_stories(clusters, previous, new_id=new_id)


def name_stories(
    clusters: Iterable[Sequence[str]],
    previous: Mapping[str, str] | None = None,
    *,
    new_id: Callable[[Sequence[str]], str] = default_story_id,
    taken: set[str] | None = None,
) -> dict[str, str]:
    """Story ids for ``clusters`` (the naming rule of :func:`recluster`): each document's.
    ``taken`` (ids given to other clusters, e.g. of the blocks named before) is extended with
    the ids given here."""
    ordered = [tuple(sorted(c)) for c in clusters]
    previous = previous or {}
    taken = set() if taken is None else taken
    named: dict[str, str] = {}
    pending: list[tuple[str, ...]] = []
    for cluster in sorted(ordered, key=lambda c: (-len(c), c[0])):
        counts: dict[str, int] = {}
        for d in cluster:
            if d in previous:
                counts[previous[d]] = counts.get(previous[d], 0) + 1
        choices = sorted((-k, sid) for sid, k in counts.items() if sid not in taken)
        if choices:
            sid = choices[0][1]
            taken.add(sid)
            named.update(dict.fromkeys(cluster, sid))
        else:
            pending.append(cluster)
    for cluster in pending:
        sid = new_id(cluster)
        if sid in taken:
            sid = content_id("story", sorted(cluster))
        taken.add(sid)
        named.update(dict.fromkeys(cluster, sid))
    return named


def assign_new(
    docs: Iterable[StoryDoc],
    new_ids: Collection[str],
    previous: Mapping[str, str],
    cannot_link: Pairs = (),
    *,
    threshold: float = THRESHOLD,
    new_id: Callable[[Sequence[str]], str] = default_story_id,
) -> dict[str, str]:
    """Place the documents ``new_ids`` into the stories of ``previous`` without reclustering the
    others: each (in id order) joins the story whose members it matches best on average, when
    that average reaches ``threshold``, as average-link clustering joins one document to a
    finished cluster; otherwise it starts a story. Costs one pair per stored document instead
    of one per pair of documents.

    It can differ from :func:`recluster` only where a new document would bridge two stories or
    split one; a full linking (every ``corroborator build``) settles that.
    """
    items = _sorted_docs(docs)
    index = {d.id: i for i, d in enumerate(items)}
    fresh = set(new_ids)
    prepared = _prepare(items, ())
    cannot = {frozenset(map(str, pair)) for pair in cannot_link}
    assignment = {d: s for d, s in previous.items() if d in index and d not in fresh}
    members: dict[str, list[int]] = {}
    for d, s in assignment.items():
        members.setdefault(s, []).append(index[d])
    for nid in sorted(fresh):
        i = index[nid]
        best: str | None = None
        best_p = threshold
        for sid in sorted(members):
            ms = members[sid]
            if all(prepared.theme_of[m] != prepared.theme_of[i] for m in ms):
                continue
            if any(frozenset((nid, items[m].id)) in cannot for m in ms):
                continue
            if any(hard_apart(items[i], items[m]) for m in ms):
                continue  # the date window is hard, as in clustering
            p = sum(_probability(prepared, min(i, m), max(i, m)) for m in ms) / len(ms)
            if p >= best_p and (best is None or p > best_p):
                best, best_p = sid, p
        if best is None:
            best = new_id([nid])
            if best in members:
                best = content_id("story", [nid, *sorted(members)])
        members.setdefault(best, []).append(i)
        assignment[nid] = best
    return assignment
