"""The store interface every backend implements."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol

from corroborator.errors import StoreError
from corroborator.model import (
    CORRECTABLE,
    Article,
    ArticleAnalysis,
    ArticleLinks,
    SpanCorrection,
    Story,
)


@dataclass(frozen=True)
class FileRecord:
    """What the store remembers of an input file."""

    path: str
    size: int
    sha256: str
    status: str  # "done" | "error"
    error: str | None
    article_ids: tuple[str, ...]


def check_correctable(field: str) -> None:
    """Refuse a correction of an article field users may not correct (every backend)."""
    if field not in CORRECTABLE:
        raise StoreError(f"{field!r} cannot be corrected (only {', '.join(CORRECTABLE)})")


def span_members(article_ids: Sequence[str], start: str | None, end: str | None) -> list[str]:
    """The sorted articles a story span correction is kept with (its anchor first), after
    refusing a story without articles or a span that ends before it starts (every backend)."""
    if not article_ids:
        raise StoreError("a story without articles cannot be corrected")
    if start is not None and (end is None or end < start):
        raise StoreError(f"the span's end ({end}) comes before its start ({start})")
    return sorted(set(article_ids))


class Store(Protocol):
    """Persistence for articles, files and analyses. Writes happen inside :meth:`transaction`."""

    location: str

    def transaction(self) -> AbstractContextManager[None]:
        """Group writes; all of them land, or none (on an exception or a crash)."""
        ...

    def close(self) -> None:
        """Release the connection."""
        ...

    def put_correction(self, article_id: str, field: str, value: str | None, author: str) -> None:
        """Record a user's correction of an article's ``published``, ``outlet`` or ``title``."""
        ...

    def corrected(self, article: Article) -> Article:
        """``article`` with the user's stored corrections applied."""
        ...

    def put_span_correction(
        self, article_ids: Sequence[str], start: str | None, end: str | None, author: str
    ) -> None:
        """Record a user's correction of the date span of the story made of ``article_ids``
        (kept by its first article by id, replacing corrections anchored on any of them);
        ``start`` None clears it."""
        ...

    def span_corrections(self) -> list[tuple[SpanCorrection, tuple[str, ...]]]:
        """The user's story span corrections, oldest first, with the story's articles then."""
        ...

    def revision(self) -> int:
        """A number that changes whenever anyone commits a change to the store (this connection
        or another process): readers compare it to know when to read again."""
        ...

    def schema_version(self) -> int:
        """The number of the last migration applied."""
        ...

    # files
    def get_file(self, path: str) -> FileRecord | None:
        """The record of a previously read file."""
        ...

    def put_file(self, record: FileRecord) -> None:
        """Record a file as read; replaces its earlier record and article links."""
        ...

    # articles
    def put_article(self, article: Article) -> bool:
        """Insert ``article`` unless its id is stored; True when it was new."""
        ...

    def get_article(self, article_id: str) -> Article | None:
        """One stored article."""
        ...

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, by source path then id."""
        ...

    def delete_orphans(self, article_ids: Iterable[str]) -> int:
        """Delete those of ``article_ids`` that no file links to any more; return how many."""
        ...

    # analyses
    def analysed_ids(self, article_ids: Iterable[str], analyzer_version: str) -> set[str]:
        """Those of ``article_ids`` analysed by ``analyzer_version``."""
        ...

    def put_analysis(self, analysis: ArticleAnalysis) -> None:
        """Store an article's analysis, replacing any earlier one."""
        ...

    def get_analysis(self, article_id: str) -> ArticleAnalysis | None:
        """An article's stored analysis."""
        ...

    # linking
    def get_vectors(self, model: str, article_ids: Iterable[str] | None = None) -> dict[str, bytes]:
        """Stored article vectors made by ``model`` (only those of ``article_ids``, if given)."""
        ...

    def put_vectors(self, model: str, vectors: dict[str, bytes]) -> None:
        """Store article vectors."""
        ...

    def constraints(self) -> list[tuple[str, str, str]]:
        """The user's story corrections as ``(kind, a, b)``."""
        ...

    def put_constraints(self, kind: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Add story corrections (``must`` or ``cannot`` pairs of article ids)."""
        ...

    def story_assignments(self) -> dict[str, str]:
        """Each article's story id from the last linking run."""
        ...

    def replace_links(self, stories: Sequence[Story], links: Sequence[ArticleLinks]) -> None:
        """Replace every story and article link, atomically."""
        ...

    def update_links(
        self,
        stories: Sequence[Story],
        links: Sequence[ArticleLinks],
        removed: Iterable[str] = (),
    ) -> None:
        """Replace the stories ``removed`` and those of ``stories`` (by id) by ``stories``, and
        each article link of ``links`` (by article), atomically; every other story and link
        stays. What placing one new article writes (plain SQL: delete by id, insert)."""
        ...

    def iter_stories(self, story_ids: Iterable[str] | None = None) -> list[Story]:
        """Every story, or those of ``story_ids``, by start date then id."""
        ...

    def stream_stories(self) -> Iterator[Story]:
        """Every story, by start date then id (as :meth:`iter_stories`), read as the caller
        goes: a store of 100,000 stories is never held whole (the JSON report writes each one
        before the next is read)."""
        ...

    def article_links(
        self, article_ids: Iterable[str] | None = None, groups: Iterable[str] | None = None
    ) -> dict[str, ArticleLinks]:
        """What linking found about each article (its story, its dependence group): every
        article's, or, when either is given, those of ``article_ids`` and of the members of the
        dependence ``groups``."""
        ...

    def put_link_keys(self, rows: Iterable[tuple[str, str]], *, replace: bool = False) -> None:
        """Store ``(key, article_id)`` rows of the linking index: the MinHash band keys, outlet
        and wire keys, and month-bound blocking keys through which one new article finds the
        stored articles it may depend on or belong with (``replace``: drop every row first).
        Plain SQL: a two-column table, primary key (key, article_id), indexed by article."""
        ...

    def articles_with_keys(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """The articles holding each of ``keys`` in the linking index, ids sorted (an index
        lookup: ``SELECT key, article_id FROM link_keys WHERE key IN (...)``)."""
        ...

    def publication_estimates(self) -> dict[str, tuple[str | None, float | None, str | None]]:
        """Each analysed article's inferred publication date: value, confidence, evidence."""
        ...

    def search_articles(self, needle: str, limit: int) -> list[str]:
        """Ids of articles whose title or text contains ``needle`` (case-insensitive)."""
        ...

    def search_mentions(self, needle: str, limit: int) -> list[tuple[str, str, str, str | None]]:
        """Entity mentions matching ``needle``: ``(article_id, label, text, canonical)``."""
        ...

    def counts(self, tables: Iterable[str] | None = None) -> dict[str, int]:
        """Row counts per table (only of ``tables``, if given)."""
        ...
