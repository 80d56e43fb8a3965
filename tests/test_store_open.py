"""Opening stores: readers never create or change one; foreign, empty and newer files are
refused with one line; an older store is migrated; two builds creating one store do not race."""

from __future__ import annotations

import hashlib
import multiprocessing
import sqlite3
import time
from pathlib import Path

import pytest

from corroborator.errors import StoreError
from corroborator.model import Article
from corroborator.store import SQLiteStore, open_store
from corroborator.store.sqlite import migrations

from .conftest import run_cli, store_at_version

TEXT = "The council of Marrow Vale approved a new bus depot on Monday after a long debate."


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _small_store(path: Path) -> None:
    store = SQLiteStore(str(path))
    with store.transaction():
        store.put_article(Article(id=Article.make_id(TEXT, None, None), text=TEXT, source_path="a"))
    store.close()


@pytest.mark.parametrize("kind", ["empty", "foreign", "junk"])
def test_readers_refuse_what_is_not_a_store_and_leave_it_alone(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.db"
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "foreign":
        db = sqlite3.connect(path)
        db.execute("CREATE TABLE notes (x TEXT)")
        db.commit()
        db.close()
    else:
        path.write_bytes(b"not a database at all\n" * 50)
    before = _digest(path)
    for command in (["report", "--format", "json"], ["articles"], ["stories"]):
        result = run_cli(*command, "--db", str(path))
        assert result.exit_code == 3, (command, result.output)
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and "not a corroborator store" in lines[0], result.stderr
    assert _digest(path) == before


def test_a_missing_store_is_not_created_by_a_reader(tmp_path: Path) -> None:
    result = run_cli("report", "--db", str(tmp_path / "none.db"))
    assert result.exit_code == 3 and "no such store" in result.stderr
    assert not (tmp_path / "none.db").exists()


def test_report_reads_without_writing(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _small_store(path)
    before = _digest(path)
    result = run_cli("report", "--format", "json", "--db", str(path))
    assert result.exit_code == 0 and '"articles"' in result.stdout
    assert _digest(path) == before


def test_a_newer_store_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _small_store(path)
    db = sqlite3.connect(path)
    db.execute("INSERT INTO schema_migrations VALUES (9999, 'from the future', 'later')")
    db.commit()
    db.close()
    before = _digest(path)
    for command in (["report"], ["build", str(tmp_path / "nothing-here")]):
        result = run_cli(*command, "--db", str(path))
        assert result.exit_code == 3, result.output
        assert "newer corroborator" in result.stderr and "9999" in result.stderr
    with pytest.raises(StoreError, match="newer"):
        open_store(str(path))
    assert _digest(path) == before


def test_an_older_store_is_migrated_when_read(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    shipped = migrations()
    db = store_at_version(path, shipped[-2][0])
    db.commit()
    db.close()
    store = open_store(str(path), read_only=True)
    assert store.schema_version() == shipped[-1][0]
    store.close()


def _open_new(path: str) -> None:
    SQLiteStore(path).close()


def test_two_builds_creating_one_store_do_not_race(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    for attempt in range(6):
        path = str(tmp_path / f"race{attempt}.db")
        procs = [ctx.Process(target=_open_new, args=(path,)) for _ in range(3)]
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join(60)
        assert [p.exitcode for p in procs] == [0, 0, 0]
        store = SQLiteStore(path)
        assert store.schema_version() == migrations()[-1][0]
        store.close()


def test_revision_moves_with_every_commit_from_any_connection(tmp_path: Path) -> None:
    from corroborator.web.data import DossierCache

    path = tmp_path / "s.db"
    _small_store(path)
    cache = DossierCache(str(path))
    first = cache.get()
    assert cache.get() is first  # a new reader does not read everything twice
    writer = SQLiteStore(str(path))
    reader = open_store(str(path), read_only=True)
    before = reader.revision()
    with writer.transaction():
        other = "A second report on the bus depot in Marrow Vale, approved on Monday evening."
        writer.put_article(
            Article(id=Article.make_id(other, None, None), text=other, source_path="b")
        )
    writer.close()
    assert reader.revision() != before
    reader.close()
    # the change is read in the background, pages answering from the previous snapshot
    # meanwhile; a moment later it is the current one
    assert cache.get() is first
    deadline = time.monotonic() + 60
    while cache.get() is first and time.monotonic() < deadline:
        time.sleep(0.05)
    fresh = cache.get()
    assert fresh is not first and len(fresh.articles) == len(first.articles) + 1
    assert cache.refresh() is not fresh  # a writer's own change is read at once
    cache.close()
