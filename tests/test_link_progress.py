"""Linking tells how far it is (articles read, placed, blocks of stories built) through a callback,
so that `build` can show a total and an estimate for linking too; the engine prints nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corroborator.engine.link import link
from corroborator.store import SQLiteStore


def test_linking_reports_determinate_progress(
    example_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "s.db"
    shutil.copy(example_db, db)
    store = SQLiteStore(str(db))
    try:
        articles = len(list(store.iter_articles()))
        told: list[tuple[str, int, int]] = []
        report = link(store, progress=lambda stage, done, total: told.append((stage, done, total)))
    finally:
        store.close()
    reading = [(done, total) for stage, done, total in told if stage == "reading"]
    placing = [(done, total) for stage, done, total in told if stage == "clustering"]
    building = [(done, total) for stage, done, total in told if stage == "stories"]
    # every article's analysis read, then placed block by block, against a known total
    assert reading == [(n, articles) for n in range(1, articles + 1)]
    assert placing and {total for _, total in placing} == {articles}
    assert [d for d, _ in placing] == sorted(d for d, _ in placing)
    assert placing[-1] == (articles, articles)
    # the stories are built block by block, counted against the number of blocks
    assert building and [d for d, _ in building] == list(range(1, len(building) + 1))
    assert building[-1][0] == building[-1][1] and report.stories >= len(building)
    # reading comes first; then each block is placed and its stories built
    stages = [stage for stage, _, _ in told]
    assert stages[: len(reading)] == ["reading"] * len(reading)
    assert set(stages[len(reading) :]) == {"clustering", "stories"}
    assert capsys.readouterr().out == ""
