"""Incremental linking (an upload) places new articles as a full relinking would, and rebuilds
only the stories they touch."""

from __future__ import annotations

import shutil
from pathlib import Path

from corroborator.engine.link import link
from corroborator.store import SQLiteStore

from .conftest import EXAMPLES, run_cli

LATE = "05-wire-rewrite.txt"  # joins the 2025 visit story


def test_incremental_matches_full_relink(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    shutil.copytree(EXAMPLES, corpus)
    late = tmp_path / LATE
    shutil.move(corpus / LATE, late)
    db = tmp_path / "s.db"
    assert run_cli("build", str(corpus), "--db", str(db), "-q").exit_code == 0
    store = SQLiteStore(str(db))
    before = {s.id: s for s in store.iter_stories()}
    store.close()
    assert run_cli("build", str(late), "--db", str(db), "-q", "--no-link").exit_code == 0

    store = SQLiteStore(str(db))
    record = store.get_file(str(late))
    assert record is not None
    new = list(record.article_ids)
    report = link(store, new)
    incremental = store.story_assignments()
    stories = {s.id: s for s in store.iter_stories()}
    assert report.stories_rebuilt == 1
    joined = incremental[new[0]]
    assert joined in before  # it joined the visit story, which kept its id
    assert len(stories[joined].article_ids) == len(before[joined].article_ids) + 1
    for sid, story in stories.items():
        if sid != joined:
            assert story == before[sid]  # untouched stories are kept as they were
    # the rebuilt story still carries the talks-day conflict
    talks = [e for e in stories[joined].events if e.type == "talks" and e.conflicts]
    assert talks

    link(store)  # the whole store linked again gives what placing the article gave
    assert store.story_assignments() == incremental
    assert {s.id: s for s in store.iter_stories()} == stories
    store.close()
