"""What the explorer serves, read from the store as pages need it.

A snapshot holds the stories (with their events and claims) and every article's metadata; an
article's text and analysis are read when a page shows it, and kept for the next
:data:`ARTICLE_CACHE` requests. The snapshot is read again only when the store's revision
moved (an unchanged store costs one query per request), and then on a connection of its own
in the background, pages answering from the previous snapshot meanwhile: a `corroborator
build` or an upload committing beside the server shows up a moment later and never holds a page
up (reading 600 stories takes seconds). A change this process made (an upload, a correction) is
read before its request answers (:meth:`DossierCache.refresh`). Search runs in the store.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from corroborator.report import views
from corroborator.report.dossier import (
    article_entry,
    article_summary,
    build_dossier,
    story_entry,
)
from corroborator.store import is_server, open_store
from corroborator.store.base import Store

# Search needles longer than this are refused: nobody types more, and a bound keeps a request
# from scanning every article with a megabyte pattern.
MAX_QUERY_CHARS = 200
# Results per kind on one search page; a store of a few thousand articles rarely has more hits
# worth reading, and the JSON API says when it cut.
MAX_RESULTS = 50
# Entity mentions read per search before grouping them by name: enough for every name of a
# few hundred articles, bounded for a store of thousands.
MAX_MENTIONS = 5000
# Characters of context either side of an article hit.
SNIPPET_CHARS = 90
# Full articles (text and analysis) kept in memory between requests: a story page reads all of
# its articles to link each quote to its highlight, and the largest stories of a store of a few
# thousand reports have a few hundred.
ARTICLE_CACHE = 512


class Snapshot:
    """One reading of the store: stories and article metadata, full articles on demand."""

    def __init__(self, store: Store, lock: threading.Lock) -> None:
        self._store = store
        self._lock = lock
        links = store.article_links()
        estimates = store.publication_estimates()
        self.articles: dict[str, dict[str, Any]] = {}
        for a in store.iter_articles():
            summary = article_summary(a, links.get(a.id), estimates.get(a.id))
            summary["label"] = views.label({"title": a.title, "text": a.text[:400]})
            self.articles[a.id] = summary
        self.stories = {s.id: story_entry(s) for s in store.iter_stories()}
        self.names = {aid: str(a["label"]) for aid, a in self.articles.items()}
        self._full: OrderedDict[str, dict[str, Any]] = OrderedDict()
        self._views: OrderedDict[str, views.ArticleView] = OrderedDict()

    def article(self, article_id: str) -> dict[str, Any] | None:
        """An article's full dossier entry (text, analysis), read from the store once."""
        if article_id not in self.articles:
            return None
        with self._lock:
            if article_id in self._full:
                self._full.move_to_end(article_id)
                return self._full[article_id]
            art = self._store.get_article(article_id)
            if art is None:
                return None
            entry = article_entry(art, self._store.get_analysis(article_id))
            listed = self.articles[article_id]
            for key in ("story", "derived_from", "dependence_group", "dependence_reasons"):
                if key in listed:
                    entry[key] = listed[key]
            self._full[article_id] = entry
            if len(self._full) > ARTICLE_CACHE:
                self._full.popitem(last=False)
            return entry

    def view(self, article_id: str) -> views.ArticleView | None:
        """An article's highlighted text."""
        if article_id in self._views:
            return self._views[article_id]
        art = self.article(article_id)
        if art is None:
            return None
        view = views.article_view(art)
        with self._lock:
            self._views[article_id] = view
            if len(self._views) > ARTICLE_CACHE:
                self._views.popitem(last=False)
        return view

    def linker(self, prefix: str = "/articles/") -> Callable[[str, int | None, int | None], str]:
        """``link(article_id, start, end)`` for templates: the article page, scrolled to the
        item's highlight."""

        def link(aid: str, start: int | None, end: int | None) -> str:
            view = self.view(aid)
            if view is None:
                return prefix + aid
            target = view.target(start, end)
            return prefix + aid + ("" if target == aid else "#" + target)

        return link

    def search_store(self, fn: Callable[[Store], Any]) -> Any:
        """Run a read against the store under the snapshot's lock."""
        with self._lock:
            return fn(self._store)


class DossierCache:
    """The current snapshot of one store, read again when the store changes."""

    def __init__(self, location: str) -> None:
        self.location = location
        self._lock = threading.Lock()  # the fields below
        self._reading_lock = threading.Lock()  # one snapshot read at a time
        self._probe_lock = threading.Lock()
        self._probe: Store | None = None  # the connection that watches the revision
        self._stamp: int | None = None
        self._snap: Snapshot | None = None
        self._reading = False

    def _open(self) -> Store:
        # The pages only read: an existing store is opened read-only (uploads write through
        # their own connection); a new one is created first.
        exists = is_server(self.location) or (
            self.location != ":memory:" and Path(self.location).exists()
        )
        return open_store(self.location, read_only=exists)

    def _revision(self) -> int:
        # The store's own revision, not file times: opening a store creates its journal files,
        # which made a new process read everything twice.
        with self._probe_lock:
            if self._probe is None:
                self._probe = self._open()
            return self._probe.revision()

    def invalidate(self) -> None:
        """Forget that the snapshot is current (it is read again, in the background)."""
        with self._lock:
            self._stamp = None

    def _read(self, force: bool = False) -> Snapshot:
        """Read a snapshot on a connection of its own and make it the current one."""
        with self._reading_lock:
            stamp = self._revision()
            with self._lock:
                if not force and self._snap is not None and stamp == self._stamp:
                    return self._snap  # read by the call this one waited for
            store = self._open()
            snap = Snapshot(store, threading.Lock())
            with self._lock:
                # the previous snapshot's connection closes when no request holds it any more
                self._snap, self._stamp = snap, stamp
            return snap

    def _read_in_background(self) -> None:
        try:
            self._read()
        finally:
            with self._lock:
                self._reading = False

    def get(self) -> Snapshot:
        """The current snapshot: the first one is read at once; after a change, the previous
        one while the new one is read."""
        stamp = self._revision()
        with self._lock:
            snap = self._snap
            if snap is not None and stamp != self._stamp and not self._reading:
                self._reading = True
                threading.Thread(target=self._read_in_background, daemon=True).start()
        return snap if snap is not None else self._read()

    def refresh(self) -> Snapshot:
        """Read the snapshot now (after this process wrote to the store: its next page shows
        the change)."""
        return self._read(force=True)

    def dossier(self) -> dict[str, Any]:
        """The whole dossier, read now."""
        return self.get().search_store(build_dossier)  # type: ignore[no-any-return]

    def close(self) -> None:
        """Close the store connections."""
        with self._lock:
            snap, self._snap = self._snap, None
        if snap is not None:
            snap.search_store(lambda store: store.close())
        with self._probe_lock:
            if self._probe is not None:
                self._probe.close()
                self._probe = None


def story_summary(story: dict[str, Any]) -> dict[str, Any]:
    """A story as listed: no events or claims, just their counts."""
    return {
        "id": story["id"],
        "title": story["title"],
        "start": story["start"],
        "end": story["end"],
        "articles": len(story["articles"]),
        "independent_sources": story["independent_sources"],
        "events": len(story["events"]),
        "claims": len(story["claims"]),
        "conflicts": views.conflict_count(story),
    }


def article_listing(article: dict[str, Any]) -> dict[str, Any]:
    """An article as the API lists it: metadata, file name only, no text."""
    keep = ("id", "title", "outlet", "published", "language", "story", "url", "word_count")
    out = {k: article.get(k) for k in keep}
    out["source_path"] = Path(str(article["source_path"])).name
    return out


def _snippet(text: str, at: int, length: int) -> dict[str, Any]:
    start = max(0, at - SNIPPET_CHARS)
    end = min(len(text), at + length + SNIPPET_CHARS)
    return {
        "before": ("…" if start else "") + text[start:at],
        "match": text[at : at + length],
        "after": text[at + length : end] + ("…" if end < len(text) else ""),
        "start": at,
        "end": at + length,
    }


def search(snap: Snapshot, query: str) -> dict[str, Any]:
    """Articles, entities and claims matching ``query`` (case-insensitive substring)."""
    needle = " ".join(query.split())
    folded = needle.casefold()
    result: dict[str, Any] = {"query": query, "articles": [], "entities": [], "claims": []}
    result["truncated"] = False
    if not folded:
        return result
    ids = snap.search_store(lambda s: s.search_articles(needle, MAX_RESULTS + 1))
    for aid in ids[:MAX_RESULTS]:
        full = snap.article(aid)
        if full is None:
            continue
        text = str(full["text"])
        hits = text.casefold().count(folded) + str(full.get("title") or "").casefold().count(folded)
        # the passage in the text as written (case folding can change lengths: "ß" is "ss")
        found = re.search(re.escape(needle), text, re.IGNORECASE)
        item = article_listing(full) | {"hits": hits}
        item["snippet"] = _snippet(text, found.start(), len(found.group())) if found else None
        result["articles"].append(item)
    entities: dict[tuple[str, str], dict[str, Any]] = {}
    rows = snap.search_store(lambda s: s.search_mentions(needle, MAX_MENTIONS))
    for article_id, label, text, canonical in rows:
        name = canonical or text
        entry = entities.setdefault(
            (name, label), {"name": name, "label": label, "mentions": 0, "articles": []}
        )
        entry["mentions"] += 1
        if article_id not in entry["articles"]:
            entry["articles"].append(article_id)
    result["entities"] = sorted(entities.values(), key=lambda e: (-e["mentions"], e["name"]))
    for s in snap.stories.values():
        for c in s["claims"]:
            texts = [c["subject"] or "", *(v["text"] for v in c["values"])]
            texts += [v["quote"] for v in c["values"]]
            if any(folded in t.casefold() for t in texts):
                result["claims"].append({"story": s["id"], "story_title": s["title"], **c})
    truncated = len(ids) > MAX_RESULTS or len(rows) >= MAX_MENTIONS
    for kind in ("entities", "claims"):
        if len(result[kind]) > MAX_RESULTS:
            result[kind] = result[kind][:MAX_RESULTS]
            truncated = True
    result["truncated"] = truncated
    return result
