"""Linking tells how far it is (analyses read, articles placed, stories built) through a callback,
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
    # then each story built, counted against the number of stories
    assert building == [(n, report.stories) for n in range(1, report.stories + 1)]
    # the stages come in order
    assert [stage for stage, _, _ in told] == sorted(
        (stage for stage, _, _ in told), key=["reading", "clustering", "stories"].index
    )
    assert capsys.readouterr().out == ""
