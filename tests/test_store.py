"""The store contract: migrations from empty, idempotent upserts, file records, orphans."""

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
    ArticleVector,
    EventMention,
    Mention,
    Sentence,
)
from corroborator.store import SQLiteStore, open_store
from corroborator.store.base import FileRecord
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


def test_article_round_trip_and_idempotent_insert(store: SQLiteStore) -> None:
    a = article()
    assert store.put_article(a) is True
    assert store.put_article(a) is False
    assert store.get_article(a.id) == a
    assert [x.id for x in store.iter_articles()] == [a.id]


def test_analysis_round_trip_replaces(store: SQLiteStore) -> None:
    a = article()
    store.put_article(a)
    analysis = ArticleAnalysis(
        a.id, "m@1", "1", sentences=(Sentence(0, 0, 22),),
        mentions=(Mention(a.id, 0, 4, "ORG", "Some"),),
    )  # fmt: skip
    store.put_analysis(analysis)
    store.put_analysis(analysis)
    assert store.get_analysis(a.id) == analysis
    assert store.analysed_ids([a.id, "art_x"], "1") == {a.id}
    assert store.analysed_ids([a.id], "2") == set()
    assert store.counts()["mentions"] == 1


def test_foreign_keys_are_enforced(store: SQLiteStore) -> None:
    with pytest.raises(sqlite3.IntegrityError):
        store.put_analysis(ArticleAnalysis("art_missing", "m", "1"))


def test_transaction_rolls_back_on_error(store: SQLiteStore) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.put_article(article())
        raise RuntimeError("boom")
    assert store.counts()["articles"] == 0


def test_file_records_and_orphans(store: SQLiteStore) -> None:
    a, b = article("First text."), article("Second text.")
    store.put_article(a)
    store.put_article(b)
    store.put_file(FileRecord("f.txt", 10, "h1", "done", None, (a.id, b.id)))
    assert store.get_file("f.txt") == FileRecord("f.txt", 10, "h1", "done", None, (a.id, b.id))
    # An error record keeps what was stored from the file.
    store.put_file(FileRecord("f.txt", 3, "h2", "error", "binary", ()))
    rec = store.get_file("f.txt")
    assert rec is not None and rec.status == "error" and rec.article_ids == (a.id, b.id)
    assert store.delete_orphans([a.id, b.id]) == 0
    # A done record replaces the links; the unlinked article can then go.
    store.put_file(FileRecord("f.txt", 5, "h3", "done", None, (b.id,)))
    assert store.delete_orphans([a.id]) == 1
    assert store.get_article(a.id) is None and store.get_article(b.id) is not None


def test_open_store_refuses_junk(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match=r"junk\.db"):
        open_store(str(junk))
    with pytest.raises(StoreError, match="not supported"):
        open_store("postgresql://user:secret@host/db")


def test_search_folds_case_beyond_ascii(store: SQLiteStore) -> None:
    a = article("Встреча: ДЖАПАРОВ и Путин обсудили Straße-Projekt. Джапаров сказал.")
    b = article("Unrelated text about weather.")
    store.put_article(a)
    store.put_article(b)
    store.put_analysis(
        ArticleAnalysis(
            a.id,
            "m",
            "1",
            mentions=(Mention(a.id, 9, 17, "PERSON", "ДЖАПАРОВ", "Садыр Жапаров"),),
        )
    )
    assert store.search_articles("джапаров", 10) == [a.id]
    assert store.search_articles("STRASSE", 10) == [a.id]  # ß folds to ss
    assert store.search_articles("", 10) == []
    assert store.search_articles("'; DROP TABLE articles; --", 10) == []
    assert store.search_mentions("садыр", 10) == [(a.id, "PERSON", "ДЖАПАРОВ", "Садыр Жапаров")]
    assert store.counts()["articles"] == 2


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


def test_event_mention_round_trip_with_typed_fields(store: SQLiteStore) -> None:
    a = article()
    store.put_article(a)
    mention = EventMention(
        article_id=a.id, start=0, end=22, quote=a.text, type="talks", subtype=None,
        status="planned", date="2025-11-26", trigger="talks", trigger_start=16, trigger_end=21,
        date_text="November 26", date_source="expression", status_reason="future modal",
    )  # fmt: skip
    analysis = ArticleAnalysis(a.id, "m", "1", event_mentions=(mention,))
    store.put_analysis(analysis)
    assert store.get_analysis(a.id) == analysis


def test_analysis_vectors_round_trip_one_per_model(store: SQLiteStore) -> None:
    """An analysis's vectors are stored with it, one per encoder: a multilingual vector no
    longer replaces the article's MiniLM one."""
    a = article()
    store.put_article(a)
    main, multi = bytes(range(16)), bytes(range(16, 48))
    vectors = (ArticleVector("all-MiniLM-L6-v2", main), ArticleVector("use-multilingual-v3", multi))
    analysis = ArticleAnalysis(a.id, "m@1", "1", vectors=vectors)
    store.put_analysis(analysis)
    assert store.get_analysis(a.id) == analysis
    assert store.get_vectors("all-MiniLM-L6-v2") == {a.id: main}
    assert store.get_vectors("use-multilingual-v3") == {a.id: multi}
    # an analysis made without vectors keeps the stored ones
    store.put_analysis(replace(analysis, vectors=()))
    assert store.get_vectors("all-MiniLM-L6-v2") == {a.id: main}


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
