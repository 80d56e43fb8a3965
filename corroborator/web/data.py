"""What the explorer serves: the store's dossier, rebuilt when the store changes, and search.

The dossier is rebuilt only when the store file (or its write-ahead log) has changed since the
last build, so a `corroborator build` run beside the server shows up on the next request and an
unchanged store costs one ``stat`` per request.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from corroborator.report import views
from corroborator.report.dossier import build_dossier
from corroborator.store import open_store

# Search needles longer than this are refused: nobody types more, and a bound keeps a request
# from scanning every article with a megabyte pattern.
MAX_QUERY_CHARS = 200
# Results per kind on one search page; a store of a few thousand articles rarely has more hits
# worth reading, and the JSON API says when it cut.
MAX_RESULTS = 50
# Characters of context either side of an article hit.
SNIPPET_CHARS = 90


def _stamp(location: str) -> tuple[int, ...]:
    out: list[int] = []
    for suffix in ("", "-wal"):
        try:
            st = os.stat(location + suffix)
            out += [st.st_mtime_ns, st.st_size]
        except OSError:
            out += [0, 0]
    return tuple(out)


@dataclass
class Snapshot:
    """One consistent reading of the store."""

    dossier: dict[str, Any]
    articles: dict[str, dict[str, Any]]
    stories: dict[str, dict[str, Any]]
    names: dict[str, str]
    _views: dict[str, views.ArticleView] = field(default_factory=dict)

    def view(self, article_id: str) -> views.ArticleView | None:
        """The highlighted text of an article (computed once per snapshot)."""
        if article_id not in self._views:
            article = self.articles.get(article_id)
            if article is None:
                return None
            self._views[article_id] = views.article_view(article)
        return self._views[article_id]

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


class DossierCache:
    """The store's dossier, rebuilt when the store file changes."""

    def __init__(self, location: str) -> None:
        self.location = location
        self._lock = threading.Lock()
        self._stamp: tuple[int, ...] | None = None
        self._snap: Snapshot | None = None

    def invalidate(self) -> None:
        """Forget the cached dossier (after this process wrote to the store)."""
        with self._lock:
            self._stamp = None

    def get(self) -> Snapshot:
        """The current snapshot."""
        stamp = _stamp(self.location)
        with self._lock:
            if self._snap is None or stamp != self._stamp:
                store = open_store(self.location)
                try:
                    dossier = build_dossier(store)
                finally:
                    store.close()
                arts = {a["id"]: a for a in dossier["articles"]}
                self._snap = Snapshot(
                    dossier=dossier,
                    articles=arts,
                    stories={s["id"]: s for s in dossier["stories"]},
                    names={aid: views.label(a) for aid, a in arts.items()},
                )
                self._stamp = stamp
            return self._snap


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


def article_summary(article: dict[str, Any]) -> dict[str, Any]:
    """An article as listed: metadata without its text or analysis."""
    keep = ("id", "title", "outlet", "published", "language", "story", "source_path", "url")
    out = {k: article.get(k) for k in keep}
    out["source_path"] = Path(str(article["source_path"])).name
    out["word_count"] = article["word_count"]
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
    needle = " ".join(query.split()).casefold()
    result: dict[str, Any] = {"query": query, "articles": [], "entities": [], "claims": []}
    if not needle:
        return result
    truncated = False
    for a in snap.dossier["articles"]:
        title = str(a.get("title") or "")
        text = str(a["text"])
        hits = text.casefold().count(needle) + title.casefold().count(needle)
        if not hits:
            continue
        at = text.casefold().find(needle)
        item = article_summary(a) | {"hits": hits}
        item["snippet"] = _snippet(text, at, len(needle)) if at >= 0 else None
        result["articles"].append(item)
    result["articles"].sort(key=lambda r: -int(r["hits"]))
    entities: dict[tuple[str, str], dict[str, Any]] = {}
    for a in snap.dossier["articles"]:
        for m in (a.get("analysis") or {}).get("entities", []):
            name = m.get("canonical") or m["text"]
            if needle not in name.casefold() and needle not in m["text"].casefold():
                continue
            entry = entities.setdefault(
                (name, m["label"]),
                {"name": name, "label": m["label"], "mentions": 0, "articles": []},
            )
            entry["mentions"] += 1
            if a["id"] not in entry["articles"]:
                entry["articles"].append(a["id"])
    result["entities"] = sorted(entities.values(), key=lambda e: (-e["mentions"], e["name"]))
    for s in snap.dossier["stories"]:
        for c in s["claims"]:
            texts = [c["subject"] or "", *(v["text"] for v in c["values"])]
            texts += [v["quote"] for v in c["values"]]
            if any(needle in t.casefold() for t in texts):
                result["claims"].append({"story": s["id"], "story_title": s["title"], **c})
    for kind in ("articles", "entities", "claims"):
        if len(result[kind]) > MAX_RESULTS:
            result[kind] = result[kind][:MAX_RESULTS]
            truncated = True
    result["truncated"] = truncated
    return result
