"""Placing new articles in a linked store: the cost grows with the stories an article touches,
not with the store.

Each new article, in id order:

1. finds its candidate stories: the stories of its :data:`~corroborator.link.neighbours.NEIGHBOURS`
   nearest stored articles at the theme cosine or above (exact search by faiss over the stored
   vectors), and of the articles sharing a blocking key with it (a person, place or
   organisation in the same or a neighbouring month, a dated happening: the store's
   ``link_keys``), best first, as many as :data:`~corroborator.link.blocks.MAX_BLOCK` articles;
2. joins the one it matches best on average, as average-link clustering joins one article to a
   finished cluster, or starts its own (:func:`~corroborator.link.stories.assign_new`: the
   date windows and the user's cannot-links hold);
3. finds what it depends on through the same index (outlet and wire keys, MinHash band keys:
   :func:`~corroborator.link.dependence.place`), merging those dependence groups;
4. rebuilds only its story and the stories whose articles' dependence groups it merged, and
   writes them, their links and its keys (:meth:`~corroborator.store.base.Store.update_links`).

Only the analyses of those stories' articles are read. A run over the whole store
(:func:`~corroborator.engine.link.link_all`) may place an article otherwise (a new article can
bridge two stories or split one); it settles that whatever order articles arrived in.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from corroborator.analyze.embeddings import EMBEDDING_MODEL, MULTILINGUAL_MODEL
from corroborator.engine.link import (
    INDEX_MARK,
    LANGUAGES_MARK,
    PLACE_SHARE,
    LinkReport,
    _count,
    _story,
    _story_doc,
    _vectors,
    blocking_keys,
    months_around,
    span_fixes,
)
from corroborator.link.blocks import MAX_BLOCK
from corroborator.link.dependence import (
    Dependence,
    index_keys,
    lookup_keys,
    place,
    signature,
    source,
)
from corroborator.link.neighbours import NEIGHBOURS, VectorFile, nearest
from corroborator.link.stories import (
    BILINGUAL_SCALE,
    BILINGUAL_SHIFT,
    CROSS_SCALE,
    CROSS_SHIFT,
    THEME_THRESHOLD,
    StoryDoc,
    assign_new,
)
from corroborator.model import Article, ArticleAnalysis, ArticleLinks, Story
from corroborator.store.base import Store

# A blocking key held by more articles than this is too common to say anything (a country
# named by a month of a desk's reports): it is not followed. A story's articles share their
# people and places, so a key of one story of 500 articles still brings in that story through
# its nearest neighbours.
KEY_CAP = 200


def placeable(store: Store, fresh: Sequence[str]) -> bool:
    """Whether ``fresh`` can be placed one by one: the store's last run left its linking
    index, linked every other article, none of ``fresh`` is linked (re-analysed) or named in a
    user's correction, they are at most :data:`~corroborator.engine.link.PLACE_SHARE` of the
    store, and they bring no second language to a store of one (its vectors would change)."""
    if INDEX_MARK not in store.articles_with_keys([INDEX_MARK]):
        return False
    counts = store.counts(["articles", "article_links", "story_articles"])
    linked = counts["article_links"]
    if counts["articles"] != linked + len(fresh) or counts["story_articles"] != linked:
        return False
    if len(fresh) > max(1.0, PLACE_SHARE * linked) or store.article_links(fresh):
        return False
    named = {x for _, a, b in store.constraints() for x in (a, b)}
    if named & set(fresh):
        return False
    if _bilingual(store):
        return True
    spoken = {a.language for a in map(store.get_article, fresh) if a is not None and a.language}
    known = {
        key[len(LANGUAGES_MARK) :]
        for key in store.articles_with_keys(LANGUAGES_MARK + lang for lang in spoken)
    }
    return spoken <= known


def _bilingual(store: Store) -> bool:
    return bool(store.articles_with_keys([LANGUAGES_MARK + "*"]))


class _Space:
    """The linked articles' vectors of one model, searchable: from the vector file beside the
    store (:class:`~corroborator.link.neighbours.VectorFile`), written again from the store
    when it does not match."""

    def __init__(self, store: Store, model: str, linked: int, fresh: Sequence[str]) -> None:
        self.store = store
        self.model = model
        self.file = VectorFile(store.location, model)
        got = self.file.read(linked)
        if got is None:
            stored = store.get_vectors(model)
            out = set(fresh)
            ids = sorted(a for a in stored if a not in out)
            matrix = _stack([np.frombuffer(stored[a], dtype=np.float32) for a in ids])
            self.file.write(ids, matrix)
            got = ids, matrix
        self.ids, self.matrix = got
        self.placed: dict[str, npt.NDArray[np.float32]] = {}

    def vectors(self, ids: Sequence[str]) -> dict[str, npt.NDArray[np.float32]]:
        """The vectors of ``ids`` (those that have one)."""
        stored = self.store.get_vectors(self.model, ids)
        return {a: np.frombuffer(v, dtype=np.float32) for a, v in stored.items()}

    def search(self, vector: npt.NDArray[np.float32], k: int) -> list[tuple[str, float]]:
        """The ``k`` nearest linked articles, with their cosines."""
        found = [(self.ids[r], c) for r, c in nearest(self.matrix, vector, k)]
        found += [(a, float(v @ vector)) for a, v in self.placed.items()]
        return sorted(found, key=lambda ac: (-ac[1], ac[0]))[:k]

    def add(self, aid: str, vector: npt.NDArray[np.float32]) -> None:
        self.placed[aid] = vector
        self.file.append(aid, vector)


def _stack(rows: list[npt.NDArray[np.float32]]) -> npt.NDArray[np.float32]:
    return np.stack(rows) if rows else np.zeros((0, 1), dtype=np.float32)


def place_articles(store: Store, fresh: Sequence[str], report: LinkReport) -> None:
    """Place each of ``fresh`` (see the module's docstring) and store what changed."""
    bilingual = _bilingual(store)
    linked = store.counts(["article_links"])["article_links"]
    main = _Space(store, EMBEDDING_MODEL, linked, fresh)
    multi = _Space(store, MULTILINGUAL_MODEL, linked, fresh) if bilingual else None
    cannot = [(a, b) for kind, a, b in store.constraints() if kind == "cannot"]
    for aid in sorted(fresh):
        _place_one(store, aid, main, multi, cannot, report)
    report.stories = store.counts(["stories"])["stories"]


def _doc(
    store: Store,
    aid: str,
    vector: npt.NDArray[np.float32],
    mvector: npt.NDArray[np.float32] | None,
) -> tuple[Article, ArticleAnalysis | None, StoryDoc] | None:
    article = store.get_article(aid)
    if article is None:
        return None
    analysis = store.get_analysis(aid)
    return article, analysis, _story_doc(article, analysis, vector, mvector)


def _place_one(
    store: Store,
    aid: str,
    main: _Space,
    multi: _Space | None,
    cannot: list[tuple[str, str]],
    report: LinkReport,
) -> None:
    article = store.get_article(aid)
    if article is None:
        return
    analysis = store.get_analysis(aid)
    stored, computed = _vectors(store, [aid])
    vector = np.frombuffer(stored[aid], dtype=np.float32)
    mvector = None
    if multi is not None:
        mstored, more = _vectors(store, [aid], MULTILINGUAL_MODEL)
        computed += more
        mvector = np.frombuffer(mstored[aid], dtype=np.float32)
    report.vectors_computed += computed
    doc = _story_doc(article, analysis, vector, mvector)

    # 1. candidate stories: nearest neighbours and blocking keys
    near = _neighbours(vector, mvector, main, multi)
    found = store.articles_with_keys(blocking_keys(doc, months_around(doc)))
    hits = Counter(a for members in found.values() if len(members) <= KEY_CAP for a in members)
    hits.pop(aid, None)
    candidates = store.article_links(set(near) | set(hits))
    score: dict[str, tuple[float, int]] = {}
    for cid, link_ in candidates.items():
        best, count = score.get(link_.story_id, (0.0, 0))
        score[link_.story_id] = (max(best, near.get(cid, 0.0)), count + hits.get(cid, 0))
    ranked = sorted(score, key=lambda s: (-score[s][0], -score[s][1], s))
    region: dict[str, Story] = {}
    size = 0
    for story in store.iter_stories(ranked):
        region[story.id] = story
    chosen: list[Story] = []
    for sid in ranked:
        held = region.get(sid)
        if held is None or (chosen and size + len(held.article_ids) > MAX_BLOCK):
            continue
        chosen.append(held)
        size += len(held.article_ids)
    by_id: dict[str, Article] = {aid: article}
    analyses: dict[str, ArticleAnalysis | None] = {aid: analysis}
    docs = [doc]
    previous: dict[str, str] = {}
    wanted = [m for story in chosen for m in story.article_ids]
    vectors = main.vectors(wanted)
    mvectors = multi.vectors(wanted) if multi is not None else {}
    for story in chosen:
        for member in story.article_ids:
            got = (
                _doc(store, member, vectors[member], mvectors.get(member))
                if member in vectors
                else None
            )
            if got is None:
                continue
            by_id[member], analyses[member], member_doc = got
            docs.append(member_doc)
            previous[member] = story.id
    inside = set(by_id)
    sid = assign_new(
        docs, [aid], previous, [(a, b) for a, b in cannot if a in inside and b in inside]
    )[aid]
    members = sorted({*(region[sid].article_ids if sid in region else ()), aid})

    # 2. source dependence
    src = source(article)
    sig = signature(article.text)
    keyed = store.articles_with_keys(lookup_keys(src, sig))
    banded = {a for key, ids in keyed.items() if key.startswith("mh") for a in ids} - {aid}
    sources = {}
    signatures = {}
    for other in sorted(banded):
        got_article = by_id.get(other) or store.get_article(other)
        if got_article is not None:
            sources[other] = source(got_article)
            signatures[other] = signature(got_article.text)
    related = store.article_links({a for ids in keyed.values() for a in ids} - {aid})
    groups = {link_.dependence_group for link_ in related.values()}
    grouped = store.article_links(groups=groups)
    members_of: dict[str, list[str]] = {}
    reasons_of: dict[str, tuple[str, ...]] = {}
    for link_ in grouped.values():
        members_of.setdefault(link_.dependence_group, []).append(link_.article_id)
        reasons_of[link_.dependence_group] = link_.reasons
    placed = place(
        src,
        sig,
        keyed,
        sources,
        signatures,
        {a: link_.dependence_group for a, link_ in grouped.items()},
        reasons_of,
        members_of,
        {a: link_.derived_from for a, link_ in grouped.items()},
    )

    # 3. the stories to rebuild: the article's own, and those holding two groups now merged
    merged_in = Counter(
        link_.story_id
        for link_ in {
            (g.story_id, g.dependence_group): g
            for g in grouped.values()
            if g.dependence_group in placed.merged
        }.values()
    )
    rebuild = {sid: members} | {
        s: sorted(region[s].article_ids) if s in region else []
        for s, n in merged_in.items()
        if n > 1 and s != sid
    }
    missing = [s for s, ids in rebuild.items() if not ids]
    for story in store.iter_stories(missing):
        rebuild[story.id] = sorted(story.article_ids)
    need = [m for ids in rebuild.values() for m in ids if m not in by_id]
    for member in need:
        got_article = store.get_article(member)
        if got_article is not None:
            by_id[member] = got_article
            analyses[member] = store.get_analysis(member)
    links_now = store.article_links([m for ids in rebuild.values() for m in ids if m != aid])
    group_of = {m: link_.dependence_group for m, link_ in links_now.items()}
    group_of.update(dict.fromkeys(placed.members, placed.group))
    dependence = Dependence(group_of=group_of)
    # a correction applies here when its anchor is in a rebuilt story, or when its anchor is
    # in no story any more (then to the story holding most of its articles)
    here = {m: s for s, ids in rebuild.items() for m in ids}
    corrections = store.span_corrections()
    elsewhere = store.article_links([fix.anchor for fix, _ in corrections])
    fixes = span_fixes(
        [c for c in corrections if c[0].anchor in here or c[0].anchor not in elsewhere], here
    )
    stories = []
    for story_id, ids in sorted(rebuild.items()):
        ids = [m for m in ids if m in by_id]
        story = _story(story_id, ids, analyses, by_id, dependence, fixes.get(story_id))
        stories.append(story)
        _count(report, story)
    report.stories_rebuilt += len(stories)

    # 4. links: the new article's, and every member's of its (merged) group
    story_of = {m: link_.story_id for m, link_ in grouped.items()}
    story_of.update(dict.fromkeys(members, sid))
    derived = {m: link_.derived_from for m, link_ in grouped.items()}
    derived.update({m: tuple(v) for m, v in placed.derived_from.items()})
    links = [
        ArticleLinks(m, story_of.get(m, ""), placed.group, tuple(derived.get(m, ())),
                     placed.reasons)
        for m in sorted(placed.members | set(placed.derived_from))
    ]  # fmt: skip
    rows = [(key, aid) for key in index_keys(src, sig) + blocking_keys(doc)]
    # the vector files are appended inside the store's write transaction: two processes
    # placing at once take turns, so each file's rows and ids stay in step
    with store.transaction():
        store.update_links(stories, links)
        store.put_link_keys(rows)
        main.add(aid, vector)
        if multi is not None and mvector is not None:
            multi.add(aid, mvector)


def _neighbours(
    vector: npt.NDArray[np.float32],
    mvector: npt.NDArray[np.float32] | None,
    main: _Space,
    multi: _Space | None,
) -> dict[str, float]:
    """The stored articles among the new one's nearest whose cosine reaches the theme
    threshold: in the main embedding, and, when the store is bilingual, in the multilingual one
    put on the main one's scale (by the larger of the two mappings clustering uses: a candidate
    is scored properly when it is placed)."""
    out = {a: c for a, c in main.search(vector, NEIGHBOURS) if c >= THEME_THRESHOLD}
    if multi is not None and mvector is not None:
        for a, raw in multi.search(mvector, NEIGHBOURS):
            c = max(BILINGUAL_SCALE * raw + BILINGUAL_SHIFT, CROSS_SCALE * raw + CROSS_SHIFT)
            if c >= THEME_THRESHOLD:
                out[a] = max(out.get(a, c), c)
    return out
