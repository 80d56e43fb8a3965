"""A build killed with SIGKILL half-way resumes with every article stored exactly once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import SEEDS

# Copies of the seeds, each made unique; enough that the kill lands mid-build.
COPIES = 12


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
        finally:
            con.close()
    except sqlite3.OperationalError:
        return 0  # not migrated yet


def test_killed_build_resumes_without_loss_or_duplicates(tmp_path: Path) -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent (it sits beside the repository in CI)")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for i in range(COPIES):
        for seed in seeds:
            text = seed.read_text(encoding="utf-8")
            (corpus / f"{i:02d}-{seed.name}").write_text(
                f"{text}\nCopy number {i}.\n", encoding="utf-8"
            )
    total = COPIES * len(seeds)
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "corroborator.cli", "build", str(corpus), "--db", str(db),
           "--batch-size", "2", "--commit-every", "2", "--quiet", "--no-link"]  # fmt: skip

    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while _count(db, "analyses") < 6 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the build finished before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    stored_at_kill = _count(db, "articles")
    assert 0 < stored_at_kill < total

    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    con = sqlite3.connect(db)
    counts = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("articles", "analyses", "files", "file_articles")}  # fmt: skip
    orphans = con.execute(
        "SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM analyses)"
    ).fetchone()[0]
    no_sentences = con.execute(
        "SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM sentences)"
    ).fetchone()[0]
    con.close()
    assert counts == {"articles": total, "analyses": total, "files": total, "file_articles": total}
    assert orphans == 0 and no_sentences == 0

    again = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0
    assert _count(db, "articles") == total
