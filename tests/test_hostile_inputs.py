"""Hostile and odd inputs beside good articles: each bad one costs itself, never the batch.

Every bad file gets exactly one line naming it; the good articles are stored; the listings print
untrusted titles, outlets and file names verbatim; a re-run changes nothing.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from corroborator.analyze import ADAPTERS, analyze_articles
from corroborator.analyze.languages import LanguageAdapter
from corroborator.config import Settings
from corroborator.engine import build
from corroborator.errors import AnalysisFailed
from corroborator.ingest.paths import shown_path
from corroborator.model import Article
from corroborator.store import SQLiteStore

from .conftest import run_cli

GOOD = (
    "PORT ALDER, 4 March (Tidewater Courier) - The harbour master of Port Alder met the "
    "transport minister on Tuesday to discuss a new ferry pier. The two agreed to spend "
    "$6 million on the work, the harbour master said after the meeting."
)


def _corpus(root: Path) -> Path:
    corpus = root / "in"
    (corpus / "[draft]").mkdir(parents=True)
    (corpus / "x[").mkdir()
    (corpus / "good.txt").write_text(GOOD)
    os.makedirs(corpus, exist_ok=True)
    # a file name that is not UTF-8, and one with a terminal escape in it
    with open(os.path.join(os.fsencode(corpus), b"bad\xff name.txt"), "w") as fh:
        fh.write(GOOD.replace("ferry pier", "fuel depot"))
    (corpus / "ctl\x1b[31mred.txt").write_text(GOOD.replace("ferry pier", "lighthouse"))
    (corpus / "x[" / "]b.txt").write_text(GOOD.replace("ferry pier", "dry dock"))
    (corpus / "markup.json").write_text(
        json.dumps(
            {
                "title": "[/red] Harbour [bold]news",
                "source_domain": "[/]courier",
                "text": GOOD.replace("ferry pier", "fish market"),
            }
        )
    )
    # bad ones
    (corpus / "huge.json").write_text('{"text": "a real text here", "n": ' + "9" * 5000 + "}")
    (corpus / "[draft]" / "broken.json").write_text("{broken")
    (corpus / "nuls.json").write_text(json.dumps({"text": "\u0000" * 50}))
    (corpus / "invisible.txt").write_text("\u200b" * 40)
    (corpus / "one.txt").write_text("x")
    (corpus / "outside.txt").symlink_to(root / "elsewhere.txt")
    (root / "elsewhere.txt").write_text(GOOD.replace("ferry pier", "secret"))
    return corpus


def test_bad_files_cost_only_themselves(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    db = tmp_path / "s.db"
    result = run_cli("build", str(corpus), "--db", str(db))
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    expected = {
        "huge.json": "number too long",
        "[draft]/broken.json": "invalid JSON",
        "nuls.json": "no words",
        "invisible.txt": "no words",
        "one.txt": "no words",
        "outside.txt": "outside the input folder",
    }
    assert len(errors) == len(expected), result.stderr
    for name, problem in expected.items():
        assert any(name in e and problem in e for e in errors), (name, result.stderr)

    store = SQLiteStore(str(db))
    sources = sorted(Path(a.source_path).name for a in store.iter_articles())
    counts = store.counts()
    store.close()
    assert sources == sorted(
        ["good.txt", "bad\\xff name.txt", "ctl\\x1b[31mred.txt", "]b.txt", "markup.json"]
    )

    listed = run_cli("articles", "--db", str(db))
    assert listed.exit_code == 0, listed.output
    assert "[/]courier" in listed.stdout
    assert run_cli("stories", "--db", str(db)).exit_code == 0

    again = run_cli("build", str(corpus), "--db", str(db))
    assert again.exit_code == 1
    store = SQLiteStore(str(db))
    assert store.counts() == counts
    store.close()


def test_shown_path_escapes_only_what_cannot_be_shown() -> None:
    assert shown_path("plain/Бишкек report.txt") == "plain/Бишкек report.txt"
    assert shown_path(os.fsdecode(b"a\xffb")) == "a\\xffb"
    assert shown_path("a\x1b[31m\u202eb") == "a\\x1b[31m\\u202eb"


@pytest.fixture
def failing_language() -> object:
    """A language pack whose parser fails on every text, registered as users register theirs."""

    def parse(text: str) -> object:
        raise RuntimeError("parser gave up on this text")

    ADAPTERS["zz"] = LanguageAdapter("zz", parse=parse, mentions=lambda doc: [])
    yield "zz"
    del ADAPTERS["zz"]


def test_an_article_whose_analysis_fails_is_reported_and_the_rest_stored(
    tmp_path: Path, failing_language: str
) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "good.txt").write_text(GOOD)
    (corpus / "odd.jsonl").write_text(
        json.dumps({"text": GOOD.replace("ferry pier", "canal"), "language": failing_language})
        + "\n"
        + json.dumps({"text": GOOD.replace("ferry pier", "bridge")})
        + "\n"
    )
    settings = Settings(db=str(tmp_path / "s.db"))
    store = SQLiteStore(settings.db)
    report = build([corpus], store, settings)
    assert [type(e) for e in report.errors] == [AnalysisFailed]
    assert "odd.jsonl" in str(report.errors[0]) and "parser gave up" in str(report.errors[0])
    assert store.counts()["articles"] == 2
    record = store.get_file(str(corpus / "odd.jsonl"))
    assert record is not None and record.error and len(record.article_ids) == 1
    # the file is tried again next time (its error is recorded), and nothing is duplicated
    again = build([corpus], store, settings)
    assert len(again.errors) == 1 and store.counts()["articles"] == 2
    store.close()


def test_analyze_articles_yields_the_failure_in_order(failing_language: str) -> None:
    good = Article(id="a1", text=GOOD, source_path="g.txt", language="en")
    bad = Article(id="a2", text=GOOD, source_path="b.txt", language=failing_language)
    out = list(analyze_articles([good, bad, good], model=Settings().spacy_model))
    assert [type(x).__name__ for _, x in out] == [
        "ArticleAnalysis",
        "AnalysisFailed",
        "ArticleAnalysis",
    ]
