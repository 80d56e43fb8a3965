"""SQLite backend: one file, WAL journal, foreign keys, migrations recorded in the database."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from corroborator.errors import StoreError
from corroborator.model import (
    Article,
    ArticleAnalysis,
    ArticleLinks,
    ArticleVector,
    ClaimValue,
    Correction,
    EventMention,
    Mention,
    Sentence,
    SpanCorrection,
    Story,
    TimeExpression,
    corrected,
)
from corroborator.serialize import from_json, to_json
from corroborator.store.base import FileRecord, check_correctable, span_members

TABLES = (
    "articles",
    "files",
    "file_articles",
    "analyses",
    "sentences",
    "mentions",
    "timexes",
    "event_mentions",
    "claim_values",
    "article_vectors",
    "story_constraints",
    "stories",
    "story_articles",
    "article_links",
    "article_corrections",
    "story_span_corrections",
    "link_keys",
)


def migrations() -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` for every migration shipped, in order."""
    found = []
    for entry in resources.files("corroborator.store.migrations").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name[5:-4], entry.read_text("utf-8")))
    return sorted(found)


class SQLiteStore:
    """A store in one SQLite file.

    ``existing=True`` opens only a store that is already there and is one of ours: an empty
    file, someone else's SQLite database or a missing path is refused, never turned into a
    store. ``read_only=True`` (with ``existing``) opens it without writing a byte; a store whose
    schema is older than this version's is migrated first, which needs write access once.
    """

    def __init__(self, location: str, *, existing: bool = False, read_only: bool = False) -> None:
        self.location = location
        self.read_only = read_only
        path = Path(location)
        memory = location == ":memory:"
        if not memory:
            if path.exists() and not path.is_file():
                raise StoreError(f"{location}: not a database file")
            if existing:
                _check_existing(path)
            else:
                try:
                    path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(
                        f"{location}: cannot create folder ({exc.strerror or exc})"
                    ) from exc
        try:
            if existing and not memory:
                self._check_ours(path)
            self._db = self._connect(location, read_only=read_only and not memory)
            self._lock = threading.RLock()
            self._depth = 0
            self._commits = 0
            self._check_version()  # before any write: a newer store is left as it is
            if not self.read_only:
                self._migrate()
        except sqlite3.DatabaseError as exc:
            raise _store_error(location, exc) from exc

    # -- plumbing -----------------------------------------------------------------------------

    def _connect(self, location: str, *, read_only: bool) -> sqlite3.Connection:
        target, uri = location, False
        if read_only:
            if self._needs_migration(location):
                # An older store: migrate it once (needs write access), then read.
                SQLiteStore(location, existing=True).close()
            target, uri = Path(location).resolve().as_uri() + "?mode=ro", True
        # isolation_level=None: we issue BEGIN/COMMIT ourselves, so a transaction spans
        # exactly what `transaction()` wraps.
        db = sqlite3.connect(target, isolation_level=None, check_same_thread=False, uri=uri)
        # First, so that everything below waits for a build creating the same store at the
        # same moment instead of failing with "database is locked".
        db.execute("PRAGMA busy_timeout = 10000")
        db.execute("PRAGMA foreign_keys = ON")
        if not read_only:
            db.execute("PRAGMA journal_mode = WAL")
            # NORMAL is durable against process crashes (the case that matters for a killed
            # build) in WAL mode; only a power loss may drop the last transactions.
            db.execute("PRAGMA synchronous = NORMAL")
        # Unicode-aware case folding for searches (SQLite's lower() knows ASCII only)
        db.create_function("casefold", 1, _casefold, deterministic=True)
        return db

    @staticmethod
    def _check_ours(path: Path) -> None:
        probe = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            probe.execute("PRAGMA busy_timeout = 10000")
            found = probe.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
            ).fetchone()
        finally:
            probe.close()
        if not found:
            raise StoreError(
                f"{path}: not a corroborator store (an SQLite database without its tables)",
                hint="give the file `corroborator build` wrote",
            )

    @staticmethod
    def _needs_migration(location: str) -> bool:
        probe = sqlite3.connect(Path(location).resolve().as_uri() + "?mode=ro", uri=True)
        try:
            rows = probe.execute("SELECT version FROM schema_migrations").fetchall()
        finally:
            probe.close()
        return {v for v, *_ in migrations()} - {row[0] for row in rows} != set()

    def _migrate(self) -> None:
        self._db.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        pending = migrations()
        if not pending:
            return
        # What is applied is read inside the write transaction: two builds creating one new store
        # at once take turns, and the second finds the first one's migrations done.
        with self.transaction():
            applied = {row[0] for row in self._db.execute("SELECT version FROM schema_migrations")}
            for version, name, sql in pending:
                if version in applied:
                    continue
                for statement in _statements(sql):
                    self._db.execute(statement)
                self._db.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    (version, name, datetime.now(UTC).isoformat(timespec="seconds")),
                )

    def _check_version(self) -> None:
        known = max((v for v, *_ in migrations()), default=0)
        found = self.schema_version()
        if found > known:
            self._db.close()
            raise StoreError(
                f"{self.location}: written by a newer corroborator (store schema {found}, this "
                f"version knows up to {known})",
                hint="upgrade corroborator to use this store",
            )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction; nested calls join the outer one."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._db.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")
                self._commits += 1
            finally:
                self._depth = 0

    def close(self) -> None:
        """Close the connection (checkpointing the WAL)."""
        self._db.close()

    def revision(self) -> int:
        """Commits by this connection, and SQLite's ``data_version`` (which moves when another
        connection commits), in one number."""
        with self._lock:
            other = int(self._db.execute("PRAGMA data_version").fetchone()[0])
        return (self._commits << 32) + other

    def schema_version(self) -> int:
        """The last applied migration."""
        if not self._one(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        ):
            return 0  # a new, empty store
        row = self._db.execute("SELECT MAX(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def _one(self, sql: str, params: tuple[Any, ...] = ()) -> Any:
        return self._db.execute(sql, params).fetchone()

    # -- files --------------------------------------------------------------------------------

    def get_file(self, path: str) -> FileRecord | None:
        """The record of a previously read file."""
        row = self._one(
            "SELECT path, size, sha256, status, error FROM files WHERE path = ?", (path,)
        )
        if row is None:
            return None
        ids = tuple(
            r[0]
            for r in self._db.execute(
                "SELECT article_id FROM file_articles WHERE path = ? ORDER BY ordinal", (path,)
            )
        )
        return FileRecord(row[0], row[1], row[2], row[3], row[4], ids)

    def put_file(self, record: FileRecord) -> None:
        """Record a read file. A ``done`` record replaces the file's article links; an ``error``
        record keeps them, so a file that turns bad loses nothing already stored."""
        with self.transaction():
            self._db.execute(
                "INSERT INTO files (path, size, sha256, status, error) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT(path) DO UPDATE SET size=excluded.size, sha256=excluded.sha256, "
                "status=excluded.status, error=excluded.error",
                (record.path, record.size, record.sha256, record.status, record.error),
            )
            if record.status == "done":
                self._db.execute("DELETE FROM file_articles WHERE path = ?", (record.path,))
                self._db.executemany(
                    "INSERT INTO file_articles (path, ordinal, article_id) VALUES (?, ?, ?)",
                    [(record.path, i, aid) for i, aid in enumerate(record.article_ids)],
                )

    # -- articles -----------------------------------------------------------------------------

    def put_article(self, article: Article) -> bool:
        """Insert ``article`` unless stored; True when it was new."""
        with self.transaction():
            cur = self._db.execute(
                "INSERT OR IGNORE INTO articles (id, text, source_path, url, title, outlet, "
                "published, published_evidence, language, attributed_to, authors, "
                "dateline_place, dateline_date, source_format, encoding, word_count) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    article.id,
                    article.text,
                    article.source_path,
                    article.url,
                    article.title,
                    article.outlet,
                    article.published,
                    article.published_evidence,
                    article.language,
                    json.dumps(list(article.attributed_to)),
                    json.dumps(list(article.authors)),
                    article.dateline_place,
                    article.dateline_date,
                    article.source_format,
                    article.encoding,
                    article.word_count,
                ),
            )
            return cur.rowcount == 1

    _ARTICLE_COLUMNS = (
        "id, text, source_path, url, title, outlet, published, published_evidence, language, "
        "attributed_to, authors, dateline_place, dateline_date, source_format, encoding"
    )

    @staticmethod
    def _article(row: tuple[Any, ...]) -> Article:
        return Article(
            id=row[0],
            text=row[1],
            source_path=row[2],
            url=row[3],
            title=row[4],
            outlet=row[5],
            published=row[6],
            published_evidence=row[7],
            language=row[8],
            attributed_to=tuple(json.loads(row[9])),
            authors=tuple(json.loads(row[10])),
            dateline_place=row[11],
            dateline_date=row[12],
            source_format=row[13],
            encoding=row[14],
        )

    def get_article(self, article_id: str) -> Article | None:
        """One stored article, with the user's corrections applied."""
        row = self._one(f"SELECT {self._ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,))
        return None if row is None else self.corrected(self._article(row))

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, by source path then id, with the user's corrections applied."""
        fixes = self._corrections()
        # streamed: a store of 100,000 articles is never held whole (linking reads it once)
        for row in self._db.execute(
            f"SELECT {self._ARTICLE_COLUMNS} FROM articles ORDER BY source_path, id"
        ):
            art = self._article(row)
            yield corrected(art, fixes.get(art.id, []))

    # -- corrections --------------------------------------------------------------------------

    def put_correction(self, article_id: str, field: str, value: str | None, author: str) -> None:
        """Record a user's correction of one field of an article (replacing an earlier one)."""
        check_correctable(field)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction():
            self._db.execute(
                "INSERT OR REPLACE INTO article_corrections VALUES (?, ?, ?, ?, ?)",
                (article_id, field, value, author, now),
            )

    def _corrections(self, article_id: str | None = None) -> dict[str, list[Correction]]:
        rows = (
            self._db.execute(
                "SELECT article_id, field, value, author, made_at FROM article_corrections "
                "WHERE article_id = ? ORDER BY made_at",
                (article_id,),
            )
            if article_id is not None
            else self._db.execute(
                "SELECT article_id, field, value, author, made_at FROM article_corrections "
                "ORDER BY made_at"
            )
        )
        out: dict[str, list[Correction]] = {}
        for aid, field, value, author, made_at in rows:
            out.setdefault(aid, []).append(Correction(field, value, author, made_at))
        return out

    def corrected(self, article: Article) -> Article:
        """``article`` (as read from a file or the store) with the user's corrections."""
        return corrected(article, self._corrections(article.id).get(article.id, []))

    def put_span_correction(
        self, article_ids: Sequence[str], start: str | None, end: str | None, author: str
    ) -> None:
        """Record a user's correction of the date span of the story made of ``article_ids``,
        anchored on the first of them by id; corrections anchored on any of them before are
        replaced. ``start`` None clears the story's correction."""
        members = span_members(article_ids, start, end)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction():
            self._db.executemany(
                "DELETE FROM story_span_corrections WHERE anchor = ?", [(a,) for a in members]
            )
            if start is not None:
                self._db.execute(
                    'INSERT INTO story_span_corrections (anchor, members, start, "end", author, '
                    "made_at) VALUES (?, ?, ?, ?, ?, ?)",
                    (members[0], json.dumps(members), start, end, author, now),
                )

    def span_corrections(self) -> list[tuple[SpanCorrection, tuple[str, ...]]]:
        """The user's story span corrections, oldest first, each with the story's articles when
        it was made."""
        return [
            (SpanCorrection(r[2], r[3], r[4], r[5], r[0]), tuple(json.loads(r[1])))
            for r in self._db.execute(
                'SELECT anchor, members, start, "end", author, made_at '
                "FROM story_span_corrections ORDER BY made_at, anchor"
            )
        ]

    def delete_orphans(self, article_ids: Iterable[str]) -> int:
        """Delete those of ``article_ids`` no file links to any more (with their analysis)."""
        gone = 0
        with self.transaction():
            for aid in set(article_ids):
                cur = self._db.execute(
                    "DELETE FROM articles WHERE id = ? AND NOT EXISTS "
                    "(SELECT 1 FROM file_articles WHERE article_id = ?)",
                    (aid, aid),
                )
                gone += cur.rowcount
        return gone

    # -- analyses -----------------------------------------------------------------------------

    def analysed_ids(self, article_ids: Iterable[str], analyzer_version: str) -> set[str]:
        """Those of ``article_ids`` analysed by ``analyzer_version``."""
        ids = list(set(article_ids))
        found: set[str] = set()
        for i in range(0, len(ids), 500):  # SQLite's bound-parameter limit is 999 on old builds
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            found.update(
                r[0]
                for r in self._db.execute(
                    f"SELECT article_id FROM analyses WHERE analyzer_version = ? "
                    f"AND article_id IN ({marks})",
                    (analyzer_version, *chunk),
                )
            )
        return found

    def put_analysis(self, analysis: ArticleAnalysis) -> None:
        """Store an article's analysis, replacing any earlier one."""
        aid = analysis.article_id
        with self.transaction():
            for table in (
                "sentences",
                "mentions",
                "timexes",
                "event_mentions",
                "claim_values",
                "analyses",
            ):
                self._db.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))
            self._db.executemany(
                'INSERT INTO sentences (article_id, idx, start, "end") VALUES (?, ?, ?, ?)',
                [(aid, s.index, s.start, s.end) for s in analysis.sentences],
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO mentions "
                '(id, article_id, start, "end", label, text, canonical, resolved_by, members) '
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        m.id,
                        aid,
                        m.start,
                        m.end,
                        m.label,
                        m.text,
                        m.canonical,
                        m.resolved_by,
                        json.dumps(list(m.members), ensure_ascii=False),
                    )
                    for m in analysis.mentions
                ],
            )
            self._db.executemany(
                'INSERT OR IGNORE INTO timexes (id, article_id, start, "end", type, value, data) '
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (t.id, aid, t.start, t.end, t.type, t.value, to_json(t))
                    for t in analysis.timexes
                ],
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO event_mentions "
                '(id, article_id, start, "end", type, subtype, '
                "status, date, date_end, place, background, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        e.id,
                        aid,
                        e.start,
                        e.end,
                        e.type,
                        e.subtype,
                        e.status,
                        e.date,
                        e.date_end,
                        e.place,
                        int(e.background),
                        to_json(e),
                    )
                    for e in analysis.event_mentions
                ],
            )
            self._db.executemany(
                "INSERT OR IGNORE INTO claim_values "
                '(id, article_id, start, "end", subject, period, unit, kind, measure, qualifier, '
                "said_by, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        c.id,
                        aid,
                        c.start,
                        c.end,
                        c.subject,
                        c.period,
                        c.unit,
                        c.kind,
                        c.measure,
                        c.qualifier,
                        c.said_by,
                        to_json(c),
                    )
                    for c in analysis.claim_values
                ],
            )
            self._db.execute(
                "INSERT INTO analyses (article_id, model, analyzer_version, published, "
                "published_confidence, published_evidence) VALUES (?, ?, ?, ?, ?, ?)",
                (
                    aid,
                    analysis.model,
                    analysis.analyzer_version,
                    analysis.published,
                    analysis.published_confidence,
                    analysis.published_evidence,
                ),
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO article_vectors (article_id, model, vector) "
                "VALUES (?, ?, ?)",
                [(aid, v.model, v.vector) for v in analysis.vectors],
            )

    def get_analysis(self, article_id: str) -> ArticleAnalysis | None:
        """An article's stored analysis."""
        row = self._one(
            "SELECT model, analyzer_version, published, published_confidence, published_evidence "
            "FROM analyses WHERE article_id = ?",
            (article_id,),
        )
        if row is None:
            return None
        sentences = tuple(
            Sentence(idx, start, end)
            for idx, start, end in self._db.execute(
                'SELECT idx, start, "end" FROM sentences WHERE article_id = ? ORDER BY idx',
                (article_id,),
            )
        )
        mentions = tuple(
            Mention(
                article_id,
                start,
                end,
                label,
                text,
                canonical,
                resolved_by,
                tuple(json.loads(members)),
            )
            for start, end, label, text, canonical, resolved_by, members in self._db.execute(
                'SELECT start, "end", label, text, canonical, resolved_by, members FROM mentions '
                'WHERE article_id = ? ORDER BY start, "end"',
                (article_id,),
            )
        )
        timexes = tuple(
            from_json(TimeExpression, r[0])
            for r in self._db.execute(
                'SELECT data FROM timexes WHERE article_id = ? ORDER BY start, "end"', (article_id,)
            )
        )
        events = tuple(
            from_json(EventMention, r[0])
            for r in self._db.execute(
                "SELECT data FROM event_mentions WHERE article_id = ? ORDER BY start, id",
                (article_id,),
            )
        )
        claims = tuple(
            from_json(ClaimValue, r[0])
            for r in self._db.execute(
                "SELECT data FROM claim_values WHERE article_id = ? ORDER BY start, id",
                (article_id,),
            )
        )
        vectors = tuple(
            ArticleVector(model, bytes(vector))
            for model, vector in self._db.execute(
                "SELECT model, vector FROM article_vectors WHERE article_id = ? ORDER BY model",
                (article_id,),
            )
        )
        return ArticleAnalysis(
            article_id,
            row[0],
            row[1],
            sentences=sentences,
            mentions=mentions,
            timexes=timexes,
            event_mentions=events,
            claim_values=claims,
            published=row[2],
            published_confidence=row[3],
            published_evidence=row[4],
            vectors=vectors,
        )

    # -- linking ------------------------------------------------------------------------------

    def get_vectors(self, model: str, article_ids: Iterable[str] | None = None) -> dict[str, bytes]:
        """Stored article vectors made by ``model`` (only those of ``article_ids``, if given)."""
        if article_ids is None:
            rows = self._db.execute(
                "SELECT article_id, vector FROM article_vectors WHERE model = ?", (model,)
            )
            return {r[0]: r[1] for r in rows}
        out: dict[str, bytes] = {}
        for chunk in _chunks(sorted(set(article_ids))):
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT article_id, vector FROM article_vectors "
                f"WHERE model = ? AND article_id IN ({marks})",
                (model, *chunk),
            )
            out.update({r[0]: r[1] for r in rows})
        return out

    def put_vectors(self, model: str, vectors: dict[str, bytes]) -> None:
        """Store article vectors (replacing those of the same articles)."""
        with self.transaction():
            self._db.executemany(
                "INSERT OR REPLACE INTO article_vectors (article_id, model, vector) "
                "VALUES (?, ?, ?)",
                [(aid, model, vec) for aid, vec in sorted(vectors.items())],
            )

    def constraints(self) -> list[tuple[str, str, str]]:
        """The user's story corrections as ``(kind, a, b)``: kind is ``must`` or ``cannot``."""
        return [
            (r[0], r[1], r[2])
            for r in self._db.execute(
                "SELECT kind, a, b FROM story_constraints ORDER BY kind, a, b"
            )
        ]

    def put_constraints(self, kind: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Add story corrections; a pair's opposite constraint is removed."""
        other = "cannot" if kind == "must" else "must"
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction():
            for a, b in pairs:
                a, b = sorted((a, b))
                self._db.execute(
                    "DELETE FROM story_constraints WHERE kind = ? AND a = ? AND b = ?",
                    (other, a, b),
                )
                self._db.execute(
                    "INSERT OR IGNORE INTO story_constraints (kind, a, b, created) "
                    "VALUES (?, ?, ?, ?)",
                    (kind, a, b, now),
                )

    def story_assignments(self) -> dict[str, str]:
        """Each article's story id from the last linking run."""
        return {
            r[0]: r[1] for r in self._db.execute("SELECT article_id, story_id FROM story_articles")
        }

    def replace_links(self, stories: Sequence[Story], links: Sequence[ArticleLinks]) -> None:
        """Replace every story and article link with a new linking run's, atomically."""
        with self.transaction():
            for table in ("story_articles", "stories", "article_links"):
                self._db.execute(f"DELETE FROM {table}")
            self._insert_links(stories, links)

    def _insert_links(self, stories: Sequence[Story], links: Sequence[ArticleLinks]) -> None:
        for story in stories:
            self._db.execute(
                'INSERT INTO stories (id, title, start, "end", independent_sources, data) '
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    story.id,
                    story.title,
                    story.start,
                    story.end,
                    story.independent_sources,
                    to_json(story),
                ),
            )
            self._db.executemany(
                "INSERT OR REPLACE INTO story_articles (story_id, article_id) VALUES (?, ?)",
                [(story.id, aid) for aid in story.article_ids],
            )
        self._db.executemany(
            "INSERT OR REPLACE INTO article_links "
            "(article_id, dependence_group, derived_from, reasons) VALUES (?, ?, ?, ?)",
            [
                (
                    link.article_id,
                    link.dependence_group,
                    json.dumps(list(link.derived_from)),
                    json.dumps(list(link.reasons), ensure_ascii=False),
                )
                for link in links
            ],
        )

    def iter_stories(self, story_ids: Iterable[str] | None = None) -> list[Story]:
        """Every story (only those of ``story_ids``, if given), by start date then id."""
        if story_ids is None:
            return [
                from_json(Story, r[0])
                for r in self._db.execute(
                    "SELECT data FROM stories ORDER BY start IS NULL, start, id"
                )
            ]
        rows: list[tuple[Any, ...]] = []
        for chunk in _chunks(sorted(set(story_ids))):
            marks = ",".join("?" * len(chunk))
            rows += self._db.execute(
                f"SELECT start IS NULL, start, id, data FROM stories WHERE id IN ({marks})", chunk
            ).fetchall()
        return [
            from_json(Story, r[3]) for r in sorted(rows, key=lambda r: (r[0], r[1] or "", r[2]))
        ]

    def stream_stories(self) -> Iterator[Story]:
        """Every story, by start date then id, one row at a time (the cursor streams)."""
        for row in self._db.execute("SELECT data FROM stories ORDER BY start IS NULL, start, id"):
            yield from_json(Story, row[0])

    def article_links(
        self, article_ids: Iterable[str] | None = None, groups: Iterable[str] | None = None
    ) -> dict[str, ArticleLinks]:
        """What linking found about each article: every article's, or those of ``article_ids``
        and of the members of the dependence ``groups`` when either is given."""
        select = (
            "SELECT l.article_id, s.story_id, l.dependence_group, l.derived_from, l.reasons "
            "FROM article_links l LEFT JOIN story_articles s ON s.article_id = l.article_id "
        )
        if article_ids is None and groups is None:
            rows = self._db.execute(select).fetchall()
        else:
            rows = []
            for chunk in _chunks(sorted(set(article_ids or ()))):
                marks = ",".join("?" * len(chunk))
                rows += self._db.execute(
                    "SELECT l.article_id, s.story_id, l.dependence_group, l.derived_from, "
                    "l.reasons FROM article_links l LEFT JOIN story_articles s "
                    f"ON s.article_id = l.article_id WHERE l.article_id IN ({marks})",
                    chunk,
                ).fetchall()
            for chunk in _chunks(sorted(set(groups or ()))):
                marks = ",".join("?" * len(chunk))
                rows += self._db.execute(
                    "SELECT l.article_id, s.story_id, l.dependence_group, l.derived_from, "
                    "l.reasons FROM article_links l LEFT JOIN story_articles s "
                    f"ON s.article_id = l.article_id WHERE l.dependence_group IN ({marks})",
                    chunk,
                ).fetchall()
        return {
            r[0]: ArticleLinks(
                r[0], r[1] or "", r[2], tuple(json.loads(r[3])), tuple(json.loads(r[4]))
            )
            for r in rows
        }

    def update_links(
        self,
        stories: Sequence[Story],
        links: Sequence[ArticleLinks],
        removed: Iterable[str] = (),
    ) -> None:
        """Replace the stories ``removed`` and those of ``stories`` by ``stories``, and each
        article link of ``links``, atomically; every other story and link stays."""
        with self.transaction():
            gone = sorted(set(removed) | {s.id for s in stories})
            for chunk in _chunks(gone):
                marks = ",".join("?" * len(chunk))
                self._db.execute(f"DELETE FROM story_articles WHERE story_id IN ({marks})", chunk)
                self._db.execute(f"DELETE FROM stories WHERE id IN ({marks})", chunk)
            self._insert_links(stories, links)

    def put_link_keys(self, rows: Iterable[tuple[str, str]], *, replace: bool = False) -> None:
        """Store ``(key, article_id)`` rows of the linking index (``replace``: drop every
        stored row first)."""
        with self.transaction():
            if replace:
                self._db.execute("DELETE FROM link_keys")
            self._db.executemany(
                "INSERT OR IGNORE INTO link_keys (key, article_id) VALUES (?, ?)", rows
            )

    def articles_with_keys(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """The stored articles holding each of ``keys`` in the linking index (ids sorted)."""
        out: dict[str, list[str]] = {}
        for chunk in _chunks(sorted(set(keys))):
            marks = ",".join("?" * len(chunk))
            for key, aid in self._db.execute(
                f"SELECT key, article_id FROM link_keys WHERE key IN ({marks}) "
                "ORDER BY key, article_id",
                chunk,
            ):
                out.setdefault(key, []).append(aid)
        return out

    def publication_estimates(self) -> dict[str, tuple[str | None, float | None, str | None]]:
        """Each analysed article's inferred publication date: value, confidence, evidence."""
        return {
            r[0]: (r[1], r[2], r[3])
            for r in self._db.execute(
                "SELECT article_id, published, published_confidence, published_evidence "
                "FROM analyses"
            )
        }

    def search_articles(self, needle: str, limit: int) -> list[str]:
        """Ids of articles whose title or text contains ``needle`` (case-insensitive), best
        matches first. Three characters or more go through the full-text index; a shorter
        needle, which the trigram index cannot hold, is looked for by a scan."""
        folded = needle.casefold().strip()
        if not folded:
            return []
        with self._lock:
            if len(folded) >= 3:
                phrase = '"' + folded.replace('"', '""') + '"'
                rows = self._db.execute(
                    "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                    "WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts), a.id LIMIT ?",
                    (phrase, limit),
                ).fetchall()
            else:
                rows = self._db.execute(
                    "SELECT id FROM articles WHERE instr(casefold(COALESCE(title, '') || ' ' || "
                    "text), ?) > 0 ORDER BY id LIMIT ?",
                    (folded, limit),
                ).fetchall()
        return [str(r[0]) for r in rows]

    def search_mentions(self, needle: str, limit: int) -> list[tuple[str, str, str, str | None]]:
        """Entity mentions whose text or canonical name contains ``needle``: ``(article_id,
        label, text, canonical)``, at most ``limit``."""
        folded = needle.casefold().strip()
        if not folded:
            return []
        with self._lock:
            if len(folded) >= 3:  # the index finds candidates; the scan's test keeps exactness
                rows = self._db.execute(
                    "SELECT article_id, label, text, canonical FROM mentions "
                    "WHERE (instr(casefold(text), ?1) > 0 "
                    "OR instr(casefold(COALESCE(canonical, '')), ?1) > 0) "
                    "AND rowid IN (SELECT rowid FROM mentions_fts WHERE mentions_fts MATCH ?3) "
                    "ORDER BY article_id, start LIMIT ?2",
                    (folded, limit, '"' + folded.replace('"', '""') + '"'),
                )
            else:
                rows = self._db.execute(
                    "SELECT article_id, label, text, canonical FROM mentions "
                    "WHERE instr(casefold(text), ?1) > 0 "
                    "OR instr(casefold(COALESCE(canonical, '')), ?1) > 0 "
                    "ORDER BY article_id, start LIMIT ?2",
                    (folded, limit),
                )
            return [(r[0], r[1], r[2], r[3]) for r in rows]

    def counts(self, tables: Iterable[str] | None = None) -> dict[str, int]:
        """Row counts per table (only of ``tables``, if given)."""
        chosen = TABLES if tables is None else [t for t in TABLES if t in set(tables)]
        return {t: int(self._one(f"SELECT COUNT(*) FROM {t}")[0]) for t in chosen}


def _chunks(values: Sequence[str], size: int = 500) -> Iterator[list[str]]:
    """``values`` in lists of at most ``size`` (SQLite limits the parameters of one query)."""
    for start in range(0, len(values), size):
        yield list(values[start : start + size])


def _casefold(value: object) -> str:
    return value.casefold() if isinstance(value, str) else ""


def _check_existing(path: Path) -> None:
    if not path.exists():
        raise StoreError(
            f"{path}: no such store", hint="run `corroborator build PATH --db FILE` first"
        )
    if path.stat().st_size == 0:
        raise StoreError(f"{path}: not a corroborator store (an empty file)")


def _store_error(location: str, exc: sqlite3.DatabaseError) -> StoreError:
    """One line for what SQLite says when a store cannot be opened or written."""
    message = str(exc)
    if "readonly" in message or "read-only" in message:
        return StoreError(
            f"{location}: the store is read-only (no permission to write the file or its folder)"
        )
    if "file is not a database" in message:
        return StoreError(f"{location}: not a corroborator store (not an SQLite database)")
    return StoreError(f"{location}: cannot open as an SQLite database ({message})")


def _statements(sql: str) -> list[str]:
    """Split a migration script into statements (no semicolons inside literals in ours; a
    trigger's BEGIN … END body is kept whole)."""
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    out: list[str] = []
    pending = ""
    for piece in "\n".join(lines).split(";"):
        pending = f"{pending};{piece}" if pending else piece
        head = pending.strip().upper()
        if head.startswith("CREATE TRIGGER") and not head.endswith("END"):
            continue  # inside a trigger body
        if pending.strip():
            out.append(pending.strip())
        pending = ""
    return out
