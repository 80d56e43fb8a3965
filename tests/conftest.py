"""Shared fixtures. Tests use the real spaCy model, real files, real SQLite stores and a real
PostgreSQL server."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corroborator.cli import cli
from corroborator.config import Settings
from corroborator.store import SQLiteStore

from .postgres_server import REQUIRED as POSTGRES_REQUIRED
from .postgres_server import PostgresServer

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = REPO / "examples" / "bishkek-2025"
# one article per report file (the README is a note, not a report)
EXAMPLE_ARTICLES = sum(1 for p in EXAMPLES.iterdir() if p.is_file() and p.name != "README.md")


@pytest.fixture
def seeds_dir() -> Path:
    """../shared/seeds: third-party text, read at test time only."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent (it sits beside the repository in CI)")
    return SEEDS


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Default settings with a fresh store file."""
    return Settings(db=str(tmp_path / "test.db"))


@pytest.fixture
def store(settings: Settings) -> Iterator[SQLiteStore]:
    """A fresh SQLite store."""
    s = SQLiteStore(settings.db)
    yield s
    s.close()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server on loopback for the session. When it cannot start, the
    tests that need it skip, or fail where CORROBORATOR_REQUIRE_POSTGRES=1 (`make test`)."""
    try:
        server = PostgresServer()
    except (RuntimeError, OSError, subprocess.SubprocessError) as exc:
        reason = f"PostgreSQL server could not be started: {exc}"
        if POSTGRES_REQUIRED:
            pytest.fail(reason)
        pytest.skip(reason)
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> str:
    """The URL of a new, empty PostgreSQL database."""
    return pg_server.create_database()


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No user config or environment leaks into a test."""
    for key in list(os.environ):
        if key.startswith("CORROBORATOR_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)


def run_cli(*args: str) -> Result:
    """Invoke the CLI in-process (the model stays loaded between tests)."""
    return CliRunner().invoke(cli, list(args), obj={}, catch_exceptions=False)


def copy_seeds(dest: Path) -> Path:
    """A writable copy of the seeds in ``dest``."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent (it sits beside the repository in CI)")
    dest.mkdir(parents=True, exist_ok=True)
    for f in sorted(SEEDS.iterdir()):
        shutil.copy(f, dest / f.name)
    return dest


# Hostile text: every way an article could try to run code in a page that shows it. It also
# carries real events and figures, so it reaches story pages, claims tables and search results.
HOSTILE_TEXT = (
    "<script>window.__pwned = 1</script> Vladimir Putin met Sadyr Japarov in Bishkek on "
    'Wednesday, November 26, 2025. <img src=x onerror="window.__pwned = 2"> Trade reached '
    '$4.1 billion in 2024, " onmouseover="window.__pwned = 3" x=" the minister said. '
    '<a href="javascript:window.__pwned = 4">details</a> '
    '<svg onload="window.__pwned = 5"></svg>\n\n'
    "Some 1,700 companies with Russian capital work in Kyrgyzstan, '><iframe src=javascript:1>.\n"
)


def write_hostile(folder: Path) -> list[Path]:
    """Two hostile inputs in ``folder``: a text file and a JSON record with hostile metadata."""
    folder.mkdir(parents=True, exist_ok=True)
    txt = folder / "hostile.txt"
    txt.write_text('<b onclick="window.__pwned = 6">Talks "in" Bishkek</b>\n\n' + HOSTILE_TEXT)
    rec = folder / "hostile.json"
    rec.write_text(
        json.dumps(
            {
                "title": '"><script>window.__pwned = 7</script><img src=x onerror=alert(8)>',
                "text": HOSTILE_TEXT,
                "url": "javascript:window.__pwned = 9",
                "source": '"><svg onload="window.__pwned = 10">',
                "published": "2025-11-26",
            }
        )
    )
    return [txt, rec]


@pytest.fixture(scope="session")
def example_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled example corpus built and linked into a store, once per session (read-only:
    tests that write copy it)."""
    db = tmp_path_factory.mktemp("example") / "demo.db"
    result = run_cli("build", str(EXAMPLES), "--db", str(db), "-q")
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds (when present) plus two hostile articles, built and linked, once per session."""
    folder = tmp_path_factory.mktemp("hostile-in")
    if SEEDS.is_dir():
        copy_seeds(folder)
    write_hostile(folder)
    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    result = run_cli("build", str(folder), "--db", str(db), "-q")
    assert result.exit_code == 0, result.output
    return db


def store_at_version(path: Path, version: int) -> sqlite3.Connection:
    """An open connection to a store at schema ``version`` (the shipped migrations up to it),
    as an older corroborator left it, for migration tests to fill and reopen."""
    from corroborator.store.sqlite import migrations

    con = sqlite3.connect(path)
    con.create_function("casefold", 1, str.casefold)  # the store's own function, as it opens
    con.execute(
        "CREATE TABLE schema_migrations "
        "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
    )
    for number, name, sql in migrations():
        if number <= version:
            con.executescript(sql)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, 'then')", (number, name))
    return con
