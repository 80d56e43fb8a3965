"""``report --format json`` writes the dossier entry by entry as it reads the store: the bytes
are those the whole-in-memory dossier dumped, on the example corpus, the seeds with hostile
articles, and an empty store."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from corroborator import __version__
from corroborator.report import dossier as dossier_module
from corroborator.report.dossier import DOSSIER_VERSION, article_entry, story_entry
from corroborator.report.stream import write_dossier_json
from corroborator.store import SQLiteStore
from corroborator.store.base import Store

from .conftest import run_cli

SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "corroborator" / "schema" / "dossier.schema.json")
    .read_text()
)  # fmt: skip


def whole_dossier(store: Store) -> str:
    """The JSON report as it was written before it streamed: every entry built, then dumped."""
    links = store.article_links()
    dossier: dict[str, Any] = {
        "dossier_version": DOSSIER_VERSION,
        "generator": f"corroborator {__version__}",
        "articles": [
            article_entry(a, store.get_analysis(a.id), links.get(a.id))
            for a in store.iter_articles()
        ],
        "stories": [story_entry(s) for s in store.iter_stories()],
    }
    return json.dumps(dossier, indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize("db", ["example_db", "hostile_db"])
def test_streamed_report_is_byte_identical(
    db: str, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path: Path = request.getfixturevalue(db)
    store = SQLiteStore(str(path), existing=True, read_only=True)
    try:
        expected = whole_dossier(store)
        # batches of two articles: the links of every batch are read on their own
        monkeypatch.setattr(dossier_module, "ARTICLE_BATCH", 2)
        out = io.StringIO()
        write_dossier_json(store, out)
    finally:
        store.close()
    assert out.getvalue() == expected
    dossier = json.loads(expected)
    assert len(dossier["articles"]) > 2 and dossier["stories"]
    jsonschema.validate(dossier, SCHEMA)

    # the CLI, to standard output and to a file (written whole, then renamed into place)
    shown = run_cli("report", "--db", str(path), "--format", "json")
    assert shown.exit_code == 0 and shown.stdout == expected
    target = tmp_path / "out" / "dossier.json"
    written = run_cli("report", "--db", str(path), "--format", "json", "-o", str(target))
    assert written.exit_code == 0
    assert target.read_bytes() == expected.encode("utf-8")
    assert sorted(p.name for p in target.parent.iterdir()) == ["dossier.json"]


def test_streamed_report_of_an_empty_store(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "empty.db"))
    try:
        out = io.StringIO()
        write_dossier_json(store, out)
        assert out.getvalue() == whole_dossier(store)
    finally:
        store.close()
    assert json.loads(out.getvalue())["articles"] == []


def test_a_report_that_cannot_be_written_leaves_the_earlier_file(
    example_db: Path, tmp_path: Path
) -> None:
    target = tmp_path / "dossier.json"
    target.write_text("earlier", encoding="utf-8")
    (tmp_path / ".dossier.json.part").mkdir()  # where the new report would be written first
    result = run_cli("report", "--db", str(example_db), "--format", "json", "-o", str(target))
    assert result.exit_code == 3 and "cannot write" in result.output
    assert target.read_text(encoding="utf-8") == "earlier"
