"""What only the SQLite backend does: its migrations table and WAL journal, its foreign-key
error, junk files, and migrations from older SQLite stores. The contract every backend keeps is
test_store_contract.py."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from corroborator.errors import StoreError
from corroborator.model import (
    Article,
    ArticleAnalysis,
)
from corroborator.store import SQLiteStore, open_store
from corroborator.store.sqlite import migrations

from .conftest import store_at_version


def article(text: str = "Some text about talks.") -> Article:
    return Article(id=Article.make_id(text, None, None), text=text, source_path="a.txt",
                   attributed_to=("TASS",), published="2025-11-26")  # fmt: skip


def test_migrations_from_empty_are_recorded(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    store = SQLiteStore(str(db))
    assert store.schema_version() == migrations()[-1][0]
    store.close()
    con = sqlite3.connect(db)
    rows = con.execute("SELECT version, name FROM schema_migrations").fetchall()
    assert rows == [(v, n) for v, n, _ in migrations()]
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()
    again = SQLiteStore(str(db))  # re-opening applies nothing twice
    assert again.schema_version() == rows[-1][0]
    again.close()


def test_foreign_keys_are_enforced(store: SQLiteStore) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.put_analysis(ArticleAnalysis("art_missing", "m", "1"))


def test_open_store_refuses_junk(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        open_store(str(junk))


def test_migration_5_keeps_rows_written_before_it(tmp_path: Path) -> None:
    """A store at version 4 (articles with `published_inferred`, event mentions stored before
    the typed date and status fields) opens at the latest version with its rows intact."""
    db = tmp_path / "old.db"
    con = store_at_version(db, 4)
    a = article()
    con.execute(
        "INSERT INTO articles (id, text, source_path, published, published_inferred, "
        "attributed_to, source_format, encoding, word_count) "
        "VALUES (?, ?, ?, ?, 0, '[\"TASS\"]', 'text', 'utf-8', 4)",
        (a.id, a.text, a.source_path, a.published),
    )
    con.execute("INSERT INTO analyses VALUES (?, 'm', '9', NULL, NULL, NULL)", (a.id,))
    old_mention = {
        "article_id": a.id, "start": 0, "end": 22, "quote": a.text, "type": "talks",
        "subtype": None, "status": "reported", "trigger": "talks", "trigger_start": 16,
        "trigger_end": 21, "evidence": ["status: past tense"],
    }  # fmt: skip
    con.execute(
        'INSERT INTO event_mentions (id, article_id, start, "end", type, status, data) '
        "VALUES ('evm_old', ?, 0, 22, 'talks', 'reported', ?)",
        (a.id, json.dumps(old_mention)),
    )
    con.commit()
    con.close()

    store = SQLiteStore(str(db))
    assert store.schema_version() == migrations()[-1][0]
    assert store.get_article(a.id) == a
    analysis = store.get_analysis(a.id)
    assert analysis is not None
    [mention] = analysis.event_mentions
    assert mention.evidence == ("status: past tense",)
    assert (mention.date_text, mention.date_source, mention.status_reason) == (None, None, None)
    # the rebuilt table takes the contract's fourth status
    store.put_analysis(replace(analysis, event_mentions=(replace(mention, status="in_progress"),)))
    again = store.get_analysis(a.id)
    assert again is not None and again.event_mentions[0].status == "in_progress"
    store.close()
    con = sqlite3.connect(db)
    columns = {r[1] for r in con.execute("PRAGMA table_info(articles)")}
    indexes = {r[1] for r in con.execute("PRAGMA index_list(event_mentions)")}
    con.close()
    assert "published_inferred" not in columns
    assert {"event_mentions_article", "event_mentions_type_date"} <= indexes


def test_migration_6_keeps_vectors_stored_before_it(tmp_path: Path) -> None:
    """A store at version 5 (one vector per article) opens at the latest version with its
    vectors, and then holds one per article and encoder."""
    db = tmp_path / "old.db"
    con = store_at_version(db, 5)
    a = article()
    con.execute(
        "INSERT INTO articles (id, text, source_path, published, attributed_to, source_format, "
        "encoding, word_count) VALUES (?, ?, ?, ?, '[\"TASS\"]', 'text', 'utf-8', 4)",
        (a.id, a.text, a.source_path, a.published),
    )
    con.execute(
        "INSERT INTO article_vectors VALUES (?, 'all-MiniLM-L6-v2', ?)", (a.id, b"\x00" * 8)
    )
    con.commit()
    con.close()

    store = SQLiteStore(str(db))
    assert store.schema_version() == migrations()[-1][0]
    assert store.get_vectors("all-MiniLM-L6-v2") == {a.id: b"\x00" * 8}
    store.put_vectors("use-multilingual-v3", {a.id: b"\x01" * 8})
    assert store.get_vectors("all-MiniLM-L6-v2") == {a.id: b"\x00" * 8}
    assert store.get_vectors("use-multilingual-v3") == {a.id: b"\x01" * 8}
    store.close()
