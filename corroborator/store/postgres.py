"""PostgreSQL backend: one database that several processes and machines share.

Writers take turns, as on SQLite: every write transaction first takes one transaction-scoped
advisory lock, so two builds writing at once serialise their transactions instead of failing on
each other's keys, and nothing either wrote is lost. Readers never wait for writers.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import psycopg

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
from corroborator.store.sqlite import TABLES, SQLiteStore

# Any fixed 64-bit number: the key of the advisory lock every write transaction takes (locks
# are per database, so stores in other databases of one server do not wait for each other).
WRITE_LOCK = 0x636F72726F626F72  # "corrobor"

# Text columns are compared byte-wise wherever the order is visible, as SQLite does, so that
# both backends list the same rows in the same order whatever the server's locale.
C = 'COLLATE "C"'

# Rows one round trip of a streamed read fetches (articles with their text, stories with their
# events): a few MB at most, and few enough round trips that 100,000 rows take 500.
STREAM_ROWS = 200


def migrations() -> list[tuple[int, str, str]]:
    """``(version, name, sql)`` for every PostgreSQL migration shipped, in order."""
    found = []
    for entry in resources.files("corroborator.store.migrations_pg").iterdir():
        name = entry.name
        if name.endswith(".sql") and name[:4].isdigit():
            found.append((int(name[:4]), name[5:-4], entry.read_text("utf-8")))
    return sorted(found)


def shown(location: str) -> str:
    """``location`` without its password, for messages."""
    parts = urlsplit(location)
    if parts.password is None:
        return location
    host = parts.hostname or ""
    netloc = f"{parts.username}@{host}" if parts.username else host
    if parts.port:
        netloc += f":{parts.port}"
    return urlunsplit(parts._replace(netloc=netloc))


class PostgresStore:
    """A store in one PostgreSQL database, given as a ``postgresql://`` URL.

    The database must exist (``createdb``); its tables are created and migrated on the first
    open. ``existing=True`` refuses a database without our tables; ``read_only=True`` opens a
    session that cannot write (an older schema is migrated first, once, with write access).
    """

    def __init__(self, location: str, *, existing: bool = False, read_only: bool = False) -> None:
        self.location = location
        self.read_only = read_only
        self._lock = threading.RLock()
        self._depth = 0
        self._cursors = 0  # server-side cursors declared, for their names
        self._db = self._connect()
        try:
            self._check_encoding()
            if existing and not self._has_migrations():
                raise StoreError(
                    f"{shown(location)}: not a corroborator store (a PostgreSQL database "
                    "without its tables)",
                    hint="give the database `corroborator build --db URL` wrote",
                )
            self._check_version()  # before any write: a newer store is left as it is
            if read_only:
                if self._pending():
                    PostgresStore(location, existing=True).close()
                self._db.execute("SET default_transaction_read_only = on")
            else:
                self._migrate()
        except BaseException:
            self._db.close()
            raise

    # -- plumbing -----------------------------------------------------------------------------

    def _connect(self) -> psycopg.Connection[tuple[Any, ...]]:
        try:
            # autocommit: we issue BEGIN/COMMIT ourselves, so a transaction spans exactly what
            # `transaction()` wraps and a read outside one sees every commit made before it.
            return psycopg.connect(self.location, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            detail = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            raise StoreError(
                f"{shown(self.location)}: cannot connect to PostgreSQL ({detail})",
                hint="check the server, the user and that the database exists (createdb NAME)",
            ) from exc

    def _check_encoding(self) -> None:
        encoding = self._one("SHOW server_encoding")[0]
        if encoding != "UTF8":
            raise StoreError(
                f"{shown(self.location)}: the database's encoding is {encoding}, not UTF8",
                hint="create it with: createdb -E UTF8 -T template0 NAME",
            )

    def _has_migrations(self) -> bool:
        return bool(self._one("SELECT to_regclass('schema_migrations') IS NOT NULL")[0])

    def _pending(self) -> bool:
        if not self._has_migrations():
            return True
        applied = {r[0] for r in self._rows("SELECT version FROM schema_migrations")}
        return {v for v, *_ in migrations()} - applied != set()

    def _migrate(self) -> None:
        # What is applied is read inside the write transaction (after the write lock): two
        # builds creating one new store at once take turns, and the second finds the first
        # one's migrations done.
        with self.transaction():
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            applied = {r[0] for r in self._rows("SELECT version FROM schema_migrations")}
            for version, name, sql in migrations():
                if version in applied:
                    continue
                self._db.execute(sql)  # DDL is transactional in PostgreSQL
                self._db.execute(
                    "INSERT INTO schema_migrations VALUES (%s, %s, %s)",
                    (version, name, datetime.now(UTC).isoformat(timespec="seconds")),
                )
                if version == 2:
                    self._fill_search()

    def _fill_search(self) -> None:
        """Fold the rows stored before the search migration into its ``hay`` columns."""
        rows = self._rows(
            "SELECT id, title, text FROM articles a WHERE NOT EXISTS "
            "(SELECT 1 FROM article_search s WHERE s.article_id = a.id)"
        )
        with self._db.cursor() as cur:
            cur.executemany(
                "INSERT INTO article_search (article_id, hay) VALUES (%s, %s)",
                [(aid, _article_hay(title, text)) for aid, title, text in rows],
            )
            cur.executemany(
                "UPDATE mentions SET text_hay = %s, canonical_hay = %s WHERE id = %s",
                [
                    (text.casefold(), (canonical or "").casefold(), mid)
                    for mid, text, canonical in self._rows(
                        "SELECT id, text, canonical FROM mentions WHERE text_hay IS NULL"
                    )
                ],
            )

    def _check_version(self) -> None:
        known = max((v for v, *_ in migrations()), default=0)
        found = self.schema_version()
        if found > known:
            raise StoreError(
                f"{shown(self.location)}: written by a newer corroborator (store schema {found}, "
                f"this version knows up to {known})",
                hint="upgrade corroborator to use this store",
            )

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A write transaction; nested calls join the outer one. Writers from every process
        take turns (an advisory lock), and each commit moves :meth:`revision`."""
        with self._lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            # One round trip each to begin and to end (a server may be far away).
            self._db.execute(f"BEGIN; SELECT pg_advisory_xact_lock({WRITE_LOCK})")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("UPDATE store_revision SET value = value + 1; COMMIT")
            finally:
                self._depth = 0

    def close(self) -> None:
        """Close the connection."""
        self._db.close()

    def revision(self) -> int:
        """The number of write transactions ever committed to this store, by anyone."""
        return int(self._one("SELECT value FROM store_revision")[0])

    def schema_version(self) -> int:
        """The last applied migration."""
        if not self._has_migrations():
            return 0  # a new, empty store
        return int(self._one("SELECT MAX(version) FROM schema_migrations")[0] or 0)

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        with self._lock:
            return self._db.execute(sql, params).fetchall()

    def _stream(self, sql: str, params: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """The rows of ``sql``, fetched :data:`STREAM_ROWS` at a time through a server-side
        cursor, so the caller may run other statements between rows. Declared ``WITH HOLD``: the
        connection is in autocommit, and the cursor outlives the statement's transaction (the
        server keeps the result, the client holds one page)."""
        with self._lock:
            self._cursors += 1
            cursor = self._db.cursor(name=f"corroborator_stream_{self._cursors}", withhold=True)
            cursor.execute(sql, params)
        try:
            while True:
                with self._lock:
                    rows = cursor.fetchmany(STREAM_ROWS)
                if not rows:
                    return
                yield from rows
        finally:
            with self._lock:
                cursor.close()

    def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        with self._lock:
            return self._db.execute(sql, params).fetchone()

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> int:
        with self._lock:
            return self._db.execute(sql, params).rowcount

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._lock, self._db.cursor() as cur:
                cur.executemany(sql, rows)

    # -- files --------------------------------------------------------------------------------

    def get_file(self, path: str) -> FileRecord | None:
        """The record of a previously read file."""
        row = self._one(
            "SELECT path, size, sha256, status, error FROM files WHERE path = %s", (path,)
        )
        if row is None:
            return None
        ids = tuple(
            r[0]
            for r in self._rows(
                "SELECT article_id FROM file_articles WHERE path = %s ORDER BY ordinal", (path,)
            )
        )
        return FileRecord(row[0], row[1], row[2], row[3], row[4], ids)

    def put_file(self, record: FileRecord) -> None:
        """Record a read file. A ``done`` record replaces the file's article links; an ``error``
        record keeps them, so a file that turns bad loses nothing already stored."""
        with self.transaction():
            self._exec(
                "INSERT INTO files (path, size, sha256, status, error) "
                "VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (path) DO UPDATE SET size = excluded.size, "
                "sha256 = excluded.sha256, status = excluded.status, error = excluded.error",
                (record.path, record.size, record.sha256, record.status, record.error),
            )
            if record.status == "done":
                self._exec("DELETE FROM file_articles WHERE path = %s", (record.path,))
                self._many(
                    "INSERT INTO file_articles (path, ordinal, article_id) VALUES (%s, %s, %s)",
                    [(record.path, i, aid) for i, aid in enumerate(record.article_ids)],
                )

    # -- articles -----------------------------------------------------------------------------

    def put_article(self, article: Article) -> bool:
        """Insert ``article`` unless stored; True when it was new."""
        with self.transaction():
            new = self._exec(
                "INSERT INTO articles (id, text, source_path, url, title, outlet, "
                "published, published_evidence, language, attributed_to, authors, "
                "dateline_place, dateline_date, source_format, encoding, word_count) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (id) DO NOTHING",
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
            if new:
                self._exec(
                    "INSERT INTO article_search (article_id, hay) VALUES (%s, %s)",
                    (article.id, _article_hay(article.title, article.text)),
                )
            return new == 1

    _ARTICLE_COLUMNS = SQLiteStore._ARTICLE_COLUMNS

    def get_article(self, article_id: str) -> Article | None:
        """One stored article, with the user's corrections applied."""
        row = self._one(
            f"SELECT {self._ARTICLE_COLUMNS} FROM articles WHERE id = %s", (article_id,)
        )
        return None if row is None else self.corrected(SQLiteStore._article(row))

    def iter_articles(self) -> Iterator[Article]:
        """Every stored article, by source path then id, with the user's corrections applied."""
        fixes = self._corrections()
        # streamed through a server-side cursor: a store of 100,000 articles is never held whole
        for row in self._stream(
            f"SELECT {self._ARTICLE_COLUMNS} FROM articles ORDER BY source_path {C}, id {C}"
        ):
            art = SQLiteStore._article(row)
            yield corrected(art, fixes.get(art.id, []))

    # -- corrections --------------------------------------------------------------------------

    def put_correction(self, article_id: str, field: str, value: str | None, author: str) -> None:
        """Record a user's correction of one field of an article (replacing an earlier one)."""
        check_correctable(field)
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction():
            self._exec(
                "INSERT INTO article_corrections VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (article_id, field) DO UPDATE SET value = excluded.value, "
                "author = excluded.author, made_at = excluded.made_at",
                (article_id, field, value, author, now),
            )

    def _corrections(self, article_id: str | None = None) -> dict[str, list[Correction]]:
        where, params = (
            ("WHERE article_id = %s ", (article_id,)) if article_id is not None else ("", ())
        )
        out: dict[str, list[Correction]] = {}
        for aid, field, value, author, made_at in self._rows(
            "SELECT article_id, field, value, author, made_at FROM article_corrections "
            f"{where}ORDER BY made_at {C}",
            params,
        ):
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
            self._exec("DELETE FROM story_span_corrections WHERE anchor = ANY(%s)", (members,))
            if start is not None:
                self._exec(
                    'INSERT INTO story_span_corrections (anchor, members, start, "end", author, '
                    "made_at) VALUES (%s, %s, %s, %s, %s, %s)",
                    (members[0], json.dumps(members), start, end, author, now),
                )

    def span_corrections(self) -> list[tuple[SpanCorrection, tuple[str, ...]]]:
        """The user's story span corrections, oldest first, each with the story's articles when
        it was made."""
        return [
            (SpanCorrection(r[2], r[3], r[4], r[5], r[0]), tuple(json.loads(r[1])))
            for r in self._rows(
                'SELECT anchor, members, start, "end", author, made_at '
                f"FROM story_span_corrections ORDER BY made_at {C}, anchor {C}"
            )
        ]

    def delete_orphans(self, article_ids: Iterable[str]) -> int:
        """Delete those of ``article_ids`` no file links to any more (with their analysis)."""
        ids = sorted(set(article_ids))
        if not ids:
            return 0
        with self.transaction():
            return self._exec(
                "DELETE FROM articles WHERE id = ANY(%s) AND NOT EXISTS "
                "(SELECT 1 FROM file_articles f WHERE f.article_id = articles.id)",
                (ids,),
            )

    # -- analyses -----------------------------------------------------------------------------

    def analysed_ids(self, article_ids: Iterable[str], analyzer_version: str) -> set[str]:
        """Those of ``article_ids`` analysed by ``analyzer_version``."""
        ids = sorted(set(article_ids))
        if not ids:
            return set()
        return {
            r[0]
            for r in self._rows(
                "SELECT article_id FROM analyses WHERE analyzer_version = %s "
                "AND article_id = ANY(%s)",
                (analyzer_version, ids),
            )
        }

    def put_analysis(self, analysis: ArticleAnalysis) -> None:
        """Store an article's analysis, replacing any earlier one."""
        aid = analysis.article_id
        # In a pipeline: the statements go out together instead of one round trip each (an
        # error, such as an article that is not stored, surfaces at its end, inside the
        # transaction, which then rolls back as a whole).
        with self.transaction(), self._lock, self._db.pipeline():
            for table in (
                "sentences",
                "mentions",
                "timexes",
                "event_mentions",
                "claim_values",
                "analyses",
            ):
                self._exec(f"DELETE FROM {table} WHERE article_id = %s", (aid,))
            # First, so that an analysis of an article that is not stored fails on its key
            # before anything else is written (the transaction then rolls back as a whole).
            self._exec(
                "INSERT INTO analyses (article_id, model, analyzer_version, published, "
                "published_confidence, published_evidence) VALUES (%s, %s, %s, %s, %s, %s)",
                (
                    aid,
                    analysis.model,
                    analysis.analyzer_version,
                    analysis.published,
                    analysis.published_confidence,
                    analysis.published_evidence,
                ),
            )
            self._many(
                'INSERT INTO sentences (article_id, idx, start, "end") VALUES (%s, %s, %s, %s)',
                [(aid, s.index, s.start, s.end) for s in analysis.sentences],
            )
            self._many(
                'INSERT INTO mentions (id, article_id, start, "end", label, text, canonical, '
                "resolved_by, members, text_hay, canonical_hay) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
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
                        m.text.casefold(),
                        (m.canonical or "").casefold(),
                    )
                    for m in analysis.mentions
                ],
            )
            self._many(
                'INSERT INTO timexes (id, article_id, start, "end", type, value, data) '
                "VALUES (%s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                [
                    (t.id, aid, t.start, t.end, t.type, t.value, to_json(t))
                    for t in analysis.timexes
                ],
            )
            self._many(
                'INSERT INTO event_mentions (id, article_id, start, "end", type, subtype, '
                "status, date, date_end, place, background, data) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
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
            self._many(
                'INSERT INTO claim_values (id, article_id, start, "end", subject, period, unit, '
                "kind, measure, qualifier, said_by, data) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
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
            self._many(_PUT_VECTOR, [(aid, v.model, v.vector) for v in analysis.vectors])

    _ANALYSIS_QUERIES = (
        "SELECT model, analyzer_version, published, published_confidence, published_evidence "
        "FROM analyses WHERE article_id = %s",
        'SELECT idx, start, "end" FROM sentences WHERE article_id = %s ORDER BY idx',
        'SELECT start, "end", label, text, canonical, resolved_by, members FROM mentions '
        'WHERE article_id = %s ORDER BY start, "end"',
        'SELECT data FROM timexes WHERE article_id = %s ORDER BY start, "end"',
        f"SELECT data FROM event_mentions WHERE article_id = %s ORDER BY start, id {C}",
        f"SELECT data FROM claim_values WHERE article_id = %s ORDER BY start, id {C}",
        f"SELECT model, vector FROM article_vectors WHERE article_id = %s ORDER BY model {C}",
    )

    def get_analysis(self, article_id: str) -> ArticleAnalysis | None:
        """An article's stored analysis (its parts read in one round trip, a pipeline)."""
        key = (article_id,)
        with self._lock, self._db.pipeline():
            cursors = [self._db.execute(q, key) for q in self._ANALYSIS_QUERIES]
            head, sents, ments, times, events, claims, vecs = [c.fetchall() for c in cursors]
        if not head:
            return None
        row = head[0]
        return ArticleAnalysis(
            article_id,
            row[0],
            row[1],
            sentences=tuple(Sentence(idx, start, end) for idx, start, end in sents),
            mentions=tuple(
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
                for start, end, label, text, canonical, resolved_by, members in ments
            ),
            timexes=tuple(from_json(TimeExpression, r[0]) for r in times),
            event_mentions=tuple(from_json(EventMention, r[0]) for r in events),
            claim_values=tuple(from_json(ClaimValue, r[0]) for r in claims),
            published=row[2],
            published_confidence=row[3],
            published_evidence=row[4],
            vectors=tuple(ArticleVector(model, bytes(vector)) for model, vector in vecs),
        )

    # -- linking ------------------------------------------------------------------------------

    def get_vectors(self, model: str, article_ids: Iterable[str] | None = None) -> dict[str, bytes]:
        """Stored article vectors made by ``model`` (only those of ``article_ids``, if given)."""
        if article_ids is None:
            rows = self._rows(
                "SELECT article_id, vector FROM article_vectors WHERE model = %s", (model,)
            )
        else:
            rows = self._rows(
                "SELECT article_id, vector FROM article_vectors "
                "WHERE model = %s AND article_id = ANY(%s)",
                (model, sorted(set(article_ids))),
            )
        return {r[0]: bytes(r[1]) for r in rows}

    def put_vectors(self, model: str, vectors: dict[str, bytes]) -> None:
        """Store article vectors (replacing those of the same articles)."""
        with self.transaction():
            self._many(_PUT_VECTOR, [(aid, model, vec) for aid, vec in sorted(vectors.items())])

    def constraints(self) -> list[tuple[str, str, str]]:
        """The user's story corrections as ``(kind, a, b)``: kind is ``must`` or ``cannot``."""
        return [
            (r[0], r[1], r[2])
            for r in self._rows(
                f"SELECT kind, a, b FROM story_constraints ORDER BY kind {C}, a {C}, b {C}"
            )
        ]

    def put_constraints(self, kind: str, pairs: Iterable[tuple[str, str]]) -> None:
        """Add story corrections; a pair's opposite constraint is removed."""
        other = "cannot" if kind == "must" else "must"
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self.transaction():
            for a, b in pairs:
                a, b = sorted((a, b))
                self._exec(
                    "DELETE FROM story_constraints WHERE kind = %s AND a = %s AND b = %s",
                    (other, a, b),
                )
                self._exec(
                    "INSERT INTO story_constraints (kind, a, b, created) "
                    "VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
                    (kind, a, b, now),
                )

    def story_assignments(self) -> dict[str, str]:
        """Each article's story id from the last linking run."""
        return {r[0]: r[1] for r in self._rows("SELECT article_id, story_id FROM story_articles")}

    def replace_links(self, stories: Sequence[Story], links: Sequence[ArticleLinks]) -> None:
        """Replace every story and article link with a new linking run's, atomically."""
        with self.transaction():
            for table in ("story_articles", "stories", "article_links"):
                self._exec(f"DELETE FROM {table}")
            self._insert_links(stories, links)

    def _insert_links(self, stories: Sequence[Story], links: Sequence[ArticleLinks]) -> None:
        self._many(
            'INSERT INTO stories (id, title, start, "end", independent_sources, data) '
            "VALUES (%s, %s, %s, %s, %s, %s)",
            [(s.id, s.title, s.start, s.end, s.independent_sources, to_json(s)) for s in stories],
        )
        self._many(
            "INSERT INTO story_articles (story_id, article_id) VALUES (%s, %s) "
            "ON CONFLICT DO NOTHING",
            [(s.id, aid) for s in stories for aid in s.article_ids],
        )
        self._many(
            "INSERT INTO article_links (article_id, dependence_group, derived_from, reasons) "
            "VALUES (%s, %s, %s, %s) ON CONFLICT (article_id) DO UPDATE SET "
            "dependence_group = excluded.dependence_group, "
            "derived_from = excluded.derived_from, reasons = excluded.reasons",
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
            if gone:
                self._exec("DELETE FROM story_articles WHERE story_id = ANY(%s)", (gone,))
                self._exec("DELETE FROM stories WHERE id = ANY(%s)", (gone,))
            self._insert_links(stories, links)

    def put_link_keys(self, rows: Iterable[tuple[str, str]], *, replace: bool = False) -> None:
        """Store ``(key, article_id)`` rows of the linking index (``replace``: drop every
        stored row first)."""
        with self.transaction():
            if replace:
                self._exec("DELETE FROM link_keys")
            self._many(
                "INSERT INTO link_keys (key, article_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                list(rows),
            )

    def articles_with_keys(self, keys: Iterable[str]) -> dict[str, list[str]]:
        """The stored articles holding each of ``keys`` in the linking index (ids sorted)."""
        out: dict[str, list[str]] = {}
        for key, aid in self._rows(
            f"SELECT key, article_id FROM link_keys WHERE key = ANY(%s) "
            f"ORDER BY key {C}, article_id {C}",
            (sorted(set(keys)),),
        ):
            out.setdefault(key, []).append(aid)
        return out

    def iter_stories(self, story_ids: Iterable[str] | None = None) -> list[Story]:
        """Every story (only those of ``story_ids``, if given), by start date then id."""
        where, params = (
            ("", ()) if story_ids is None else ("WHERE id = ANY(%s) ", (sorted(set(story_ids)),))
        )
        return [
            from_json(Story, r[0])
            for r in self._rows(
                f"SELECT data FROM stories {where}ORDER BY start IS NULL, start {C}, id {C}",
                params,
            )
        ]

    def stream_stories(self) -> Iterator[Story]:
        """Every story, by start date then id, fetched a page at a time (a server cursor)."""
        sql = f"SELECT data FROM stories ORDER BY start IS NULL, start {C}, id {C}"
        for row in self._stream(sql):
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
            rows = self._rows(select)
        else:
            rows = self._rows(
                select + "WHERE l.article_id = ANY(%s) OR l.dependence_group = ANY(%s)",
                (sorted(set(article_ids or ())), sorted(set(groups or ()))),
            )
        return {
            r[0]: ArticleLinks(
                r[0], r[1] or "", r[2], tuple(json.loads(r[3])), tuple(json.loads(r[4]))
            )
            for r in rows
        }

    def publication_estimates(self) -> dict[str, tuple[str | None, float | None, str | None]]:
        """Each analysed article's inferred publication date: value, confidence, evidence."""
        return {
            r[0]: (r[1], r[2], r[3])
            for r in self._rows(
                "SELECT article_id, published, published_confidence, published_evidence "
                "FROM analyses"
            )
        }

    def search_articles(self, needle: str, limit: int) -> list[str]:
        """Ids of articles whose title or text contains ``needle`` (case-insensitive), best
        matches first: the trigram index finds them, and those that say it most often, then
        the shortest, come first (SQLite ranks by BM25, which weighs the same two things)."""
        folded = needle.casefold().strip()
        if not folded:
            return []
        pattern = "%" + _like_escape(folded) + "%"
        if len(folded) >= 3:
            order = (
                f"(length(hay) - length(replace(hay, %s, ''))) DESC, length(hay), article_id {C}"
            )
            params: tuple[Any, ...] = (pattern, folded, limit)
        else:  # as SQLite does for a needle too short for its index
            order, params = f"article_id {C}", (pattern, limit)
        rows = self._rows(
            f"SELECT article_id FROM article_search WHERE hay LIKE %s ORDER BY {order} LIMIT %s",
            params,
        )
        return [str(r[0]) for r in rows]

    def search_mentions(self, needle: str, limit: int) -> list[tuple[str, str, str, str | None]]:
        """Entity mentions whose text or canonical name contains ``needle``: ``(article_id,
        label, text, canonical)``, at most ``limit``."""
        folded = needle.casefold().strip()
        if not folded:
            return []
        pattern = "%" + _like_escape(folded) + "%"
        rows = self._rows(
            "SELECT article_id, label, text, canonical FROM mentions "
            "WHERE text_hay LIKE %s OR canonical_hay LIKE %s "
            f"ORDER BY article_id {C}, start LIMIT %s",
            (pattern, pattern, limit),
        )
        return [(r[0], r[1], r[2], r[3]) for r in rows]

    def counts(self, tables: Iterable[str] | None = None) -> dict[str, int]:
        """Row counts per table (only of ``tables``, if given)."""
        chosen = TABLES if tables is None else [t for t in TABLES if t in set(tables)]
        return {t: int(self._one(f"SELECT COUNT(*) FROM {t}")[0]) for t in chosen}


_PUT_VECTOR = (
    "INSERT INTO article_vectors (article_id, model, vector) VALUES (%s, %s, %s) "
    "ON CONFLICT (article_id, model) DO UPDATE SET vector = excluded.vector"
)


def _article_hay(title: str | None, text: str) -> str:
    """What an article's search looks through: its title and text, case-folded (the same
    string SQLite's index holds)."""
    return ((title or "") + " " + text).casefold()


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
