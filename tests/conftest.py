"""Shared fixtures. Tests use the real spaCy model, real files and real SQLite stores."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from corroborator.cli import cli
from corroborator.config import Settings
from corroborator.store import SQLiteStore

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
EXAMPLES = REPO / "examples" / "bishkek-2025"


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
