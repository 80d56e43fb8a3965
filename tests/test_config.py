"""Settings precedence: defaults < user file < environment < CLI flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from corroborator.config import Settings, load_settings
from corroborator.errors import ConfigError


def test_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings() == Settings()
    (tmp_path / "corroborator.toml").write_text(
        'db = "file.db"\nbatch_size = 8\nlanguages = ["en", "ru"]\n'
    )
    s = load_settings()
    assert (s.db, s.batch_size, s.languages) == ("file.db", 8, ("en", "ru"))
    monkeypatch.setenv("CORROBORATOR_DB", "env.db")
    monkeypatch.setenv("CORROBORATOR_LANGUAGES", "en,de")
    s = load_settings()
    assert (s.db, s.batch_size, s.languages) == ("env.db", 8, ("en", "de"))
    s = load_settings(db="cli.db", batch_size=None)
    assert (s.db, s.batch_size) == ("cli.db", 8)


def test_bad_settings_are_reported(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("nonsense = 1\n")
    with pytest.raises(ConfigError, match="unknown setting 'nonsense'"):
        load_settings(str(bad))
    bad.write_text("batch_size = 'many'\n")
    with pytest.raises(ConfigError, match="batch_size"):
        load_settings(str(bad))
    with pytest.raises(ConfigError, match="not found"):
        load_settings(str(tmp_path / "missing.toml"))
