"""What only the PostgreSQL backend does: its migrations (from empty and from version 1 with rows
in it), its connection errors, and the whole product on it: `build`, `report`, `correct`,
`stories merge/split` and the explorer give what they give on SQLite."""

from __future__ import annotations

import json
import multiprocessing
import re
import time
from pathlib import Path
from typing import Any

import psycopg
import pytest
from fastapi.testclient import TestClient

from corroborator.config import Settings
from corroborator.errors import StoreError
from corroborator.model import Article
from corroborator.store import open_store
from corroborator.store.postgres import migrations
from corroborator.web import create_app

from .conftest import EXAMPLES, run_cli
from .postgres_server import PostgresServer

TEXT = "The harbour board of Lindqvist Bay approved a second ferry pier on Tuesday."


def test_migrations_from_empty_are_recorded(pg_url: str) -> None:
    open_store(pg_url).close()
    with psycopg.connect(pg_url) as db:
        rows = db.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
    assert rows == [(v, n) for v, n, _ in migrations()]


def test_migration_from_version_1_keeps_rows_and_makes_them_searchable(pg_url: str) -> None:
    """A store left at version 1 (before the search indexes) opens at the latest version; the
    rows written before are found by search."""
    version, name, sql = migrations()[0]
    aid = Article.make_id(TEXT, None, None)
    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute(
            "CREATE TABLE schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        db.execute(sql.encode())
        db.execute("INSERT INTO schema_migrations VALUES (%s, %s, 'then')", (version, name))
        db.execute(
            "INSERT INTO articles (id, text, source_path, title, source_format, encoding, "
            "word_count) VALUES (%s, %s, 'a.txt', 'ПРИЧАЛ', 'text', 'utf-8', 12)",
            (aid, TEXT),
        )
        db.execute(
            'INSERT INTO mentions (id, article_id, start, "end", label, text, canonical) '
            "VALUES ('men_1', %s, 21, 35, 'GPE', 'Lindqvist Bay', NULL)",
            (aid,),
        )
        db.execute("UPDATE store_revision SET value = 7")
    store = open_store(pg_url)
    assert store.schema_version() == migrations()[-1][0]
    assert store.search_articles("LINDQVIST", 5) == [aid]
    assert store.search_articles("причал", 5) == [aid]  # the title, folded
    assert store.search_mentions("QVIST b", 5) == [(aid, "GPE", "Lindqvist Bay", None)]
    assert store.revision() > 7
    assert store.get_article(aid) is not None
    store.close()


def test_an_older_store_opened_read_only_is_migrated_once(pg_url: str) -> None:
    version, name, sql = migrations()[0]
    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute(
            "CREATE TABLE schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
        )
        db.execute(sql.encode())
        db.execute("INSERT INTO schema_migrations VALUES (%s, %s, 'then')", (version, name))
    reader = open_store(pg_url, read_only=True)
    assert reader.schema_version() == migrations()[-1][0]
    assert reader.search_articles("pier", 5) == []
    reader.close()


def test_connection_errors_are_one_line_without_the_password(pg_server: PostgresServer) -> None:
    missing = pg_server.url("no_such_database").replace("corroborator@", "corroborator:hush@")
    with pytest.raises(StoreError) as caught:
        open_store(missing)
    message = str(caught.value)
    assert "cannot connect to PostgreSQL" in message and "no_such_database" in message
    assert "hush" not in message and "\n" not in message
    result = run_cli("report", "--db", missing)
    assert result.exit_code == 3 and "hush" not in result.output + result.stderr


def test_a_database_that_is_not_utf8_is_refused(pg_server: PostgresServer) -> None:
    with psycopg.connect(pg_server.url(), autocommit=True) as db:
        db.execute(
            "CREATE DATABASE latin TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'"
        )
    with pytest.raises(StoreError, match="not UTF8"):
        open_store(pg_server.url("latin"))


# -- the product on PostgreSQL ---------------------------------------------------------------


def _dossier(db: str) -> dict[str, Any]:
    result = run_cli("report", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def _without_times(dossier: dict[str, Any]) -> str:
    """The dossier with the moments corrections were made (which differ by the second between
    two runs) blanked."""
    text = json.dumps(dossier, sort_keys=True, ensure_ascii=False)
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\+00:00)?", "T", text)


def test_the_product_gives_the_same_dossiers_on_sqlite_and_postgresql(
    pg_url: str, tmp_path: Path
) -> None:
    sqlite = str(tmp_path / "s.db")
    for db in (sqlite, pg_url):
        built = run_cli("build", str(EXAMPLES), "--db", db, "-q")
        assert built.exit_code == 0, built.output
    before = _dossier(sqlite)
    assert _dossier(pg_url) == before
    assert (
        run_cli("stories", "--db", pg_url, "--json").stdout
        == run_cli("stories", "--db", sqlite, "--json").stdout
    )

    # the same corrections on both: split a story, merge it back, correct an article
    story = max(before["stories"], key=lambda s: len(s["articles"]))
    moved = sorted(story["articles"])[0]
    other = story["id"]
    for db in (sqlite, pg_url):
        split = run_cli("stories", "--db", db, "split", other, moved)
        assert split.exit_code == 0, split.output
    after_split = _dossier(sqlite)
    assert _dossier(pg_url) == after_split
    holding = {a: s["id"] for s in after_split["stories"] for a in s["articles"]}
    rest = next(a for a in story["articles"] if a != moved)
    assert holding[moved] != holding[rest]
    for db in (sqlite, pg_url):
        merged = run_cli("stories", "--db", db, "merge", holding[moved], holding[rest])
        assert merged.exit_code == 0, merged.output
    assert _dossier(pg_url) == _dossier(sqlite)
    for db in (sqlite, pg_url):
        fixed = run_cli("correct", moved, "--outlet", "Desk Nine", "--by", "ed", "--db", db)
        assert fixed.exit_code == 0, fixed.output
    assert _without_times(_dossier(pg_url)) == _without_times(_dossier(sqlite))


def test_the_explorer_serves_a_postgresql_store(pg_url: str, tmp_path: Path) -> None:
    built = run_cli("build", str(EXAMPLES), "--db", pg_url, "-q")
    assert built.exit_code == 0, built.output
    settings = Settings(db=pg_url)
    app = create_app(settings, allowed_hosts=("testserver",), upload_dir=str(tmp_path / "up"))
    with TestClient(app) as client:
        stories = client.get("/api/stories").json()
        assert len(stories) == 2
        page = client.get(f"/stories/{stories[0]['id']}")
        assert page.status_code == 200
        found = client.get("/api/search", params={"q": "japarov"}).json()
        assert any(e["name"] == "Sadyr Japarov" for e in found["entities"])
        assert found["articles"]
        assert client.get("/search", params={"q": "Bishkek"}).status_code == 200
        # a write by another process shows on the next request (the store's revision moved)
        listed = client.get("/api/articles").json()
        aid = listed[0]["id"]
        store = open_store(pg_url)
        store.put_correction(aid, "outlet", "Desk Nine", "ed")
        store.close()
        # read in the background (pages answer from the previous snapshot meanwhile)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            again = {a["id"]: a for a in client.get("/api/articles").json()}
            if again[aid]["outlet"] == "Desk Nine":
                break
            time.sleep(0.05)
        assert again[aid]["outlet"] == "Desk Nine"


def _open_new(location: str) -> None:
    open_store(location).close()


def test_builds_creating_one_new_store_at_once_take_turns(pg_url: str) -> None:
    """Three processes open the same empty database at once: one creates the tables, the
    others find them made; each migration is recorded once."""
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_open_new, args=(pg_url,)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
        assert p.exitcode == 0
    with psycopg.connect(pg_url) as db:
        rows = db.execute("SELECT version FROM schema_migrations ORDER BY version").fetchall()
    assert [r[0] for r in rows] == [v for v, *_ in migrations()]
