"""The build: bad inputs are named and skipped; re-runs change nothing; new files only."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from corroborator.config import Settings
from corroborator.engine import build
from corroborator.store import SQLiteStore

from .conftest import SEEDS, copy_seeds, run_cli

RUSSIAN = (
    "Президент России прибыл в Бишкек с государственным визитом. Переговоры с президентом "
    "Киргизии прошли во дворце, стороны подписали совместное заявление и пакет соглашений."
)


def test_bad_inputs_are_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    corpus = copy_seeds(tmp_path / "corpus")
    (corpus / "junk.bin").write_bytes(b"\x00\x01\x02\x03garbage\xff\xfe\x00" * 64 + os.urandom(512))
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "russian.txt").write_bytes(RUSSIAN.encode("cp1251"))
    db = tmp_path / "s.db"

    result = run_cli("build", str(corpus), "--db", str(db))
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2, result.stderr
    assert any("junk.bin" in e and "binary" in e for e in errors)
    assert any("empty.txt" in e and "empty" in e for e in errors)

    store = SQLiteStore(str(db))
    arts = {Path(a.source_path).name: a for a in store.iter_articles()}
    store.close()
    assert sorted(arts) == sorted([p.name for p in SEEDS.iterdir()] + ["russian.txt"])
    assert arts["russian.txt"].text == RUSSIAN
    assert arts["russian.txt"].language == "ru"
    assert arts["russian.txt"].encoding == "cp1251"


def test_rebuild_changes_nothing_and_new_files_only_are_analysed(tmp_path: Path) -> None:
    corpus = copy_seeds(tmp_path / "corpus")
    settings = Settings(db=str(tmp_path / "s.db"))
    store = SQLiteStore(settings.db)

    first = build([corpus], store, settings)
    counts = store.counts()
    assert first.ok and first.articles_new == 5 and first.articles_analysed == 5
    assert counts["articles"] == counts["analyses"] == counts["files"] == 5

    second = build([corpus], store, settings)
    assert store.counts() == counts
    assert (second.files_unchanged, second.articles_analysed, second.articles_new) == (5, 0, 0)

    extra = corpus / "extra.txt"
    extra.write_text(
        "A new report about the summit in the capital on Thursday, with all leaders present."
    )
    third = build([corpus], store, settings)
    assert (third.files_unchanged, third.files_read, third.articles_analysed) == (5, 1, 1)
    assert store.counts()["articles"] == 6

    # The same text under another name is one article, linked from both files.
    shutil.copy(extra, corpus / "extra-copy.txt")
    fourth = build([corpus], store, settings)
    assert (fourth.articles_analysed, fourth.articles_known) == (0, 1)
    assert store.counts()["articles"] == 6 and store.counts()["file_articles"] == 7
    store.close()


def test_changed_file_replaces_its_article_and_broken_file_keeps_it(tmp_path: Path) -> None:
    f = tmp_path / "report.txt"
    f.write_text("First version of a report about talks between the two presidents in the capital.")
    settings = Settings(db=str(tmp_path / "s.db"))
    store = SQLiteStore(settings.db)
    build([f], store, settings)
    [old] = list(store.iter_articles())

    f.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    broken = build([f], store, settings)
    assert len(broken.errors) == 1 and "report.txt" in str(broken.errors[0])
    assert [a.id for a in store.iter_articles()] == [old.id]  # nothing stored is lost

    f.write_text("Second version: the talks were moved to another day, officials said on Tuesday.")
    changed = build([f], store, settings)
    assert changed.ok and changed.articles_removed == 1
    [new] = list(store.iter_articles())
    assert new.id != old.id and new.text.startswith("Second version")
    assert store.get_analysis(old.id) is None
    store.close()


def test_missing_path_is_named(tmp_path: Path) -> None:
    result = run_cli("build", str(tmp_path / "nowhere"), "--db", str(tmp_path / "s.db"))
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'nowhere'}: no such file or folder" in result.stderr


def test_unusable_store_is_fatal(tmp_path: Path) -> None:
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database" * 100)
    (tmp_path / "a.txt").write_text("Some report text about a meeting of ministers in the capital.")
    result = run_cli("build", str(tmp_path / "a.txt"), "--db", str(junk))
    assert result.exit_code == 3
    assert "junk.db" in result.stderr
    result = run_cli("report", "--db", str(tmp_path / "absent.db"))
    assert result.exit_code == 3 and "no such store" in result.stderr
