"""The bundled example corpus: what each report says about itself is read correctly."""

from __future__ import annotations

from pathlib import Path

from corroborator.config import Settings
from corroborator.engine import build
from corroborator.store import SQLiteStore

from .conftest import EXAMPLES


def test_example_corpus_metadata(tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "demo.db"))
    store = SQLiteStore(settings.db)
    report = build([EXAMPLES], store, settings)
    assert report.ok, report.errors
    arts = {Path(a.source_path).name: a for a in store.iter_articles()}
    store.close()
    assert sorted(arts) == [
        "01-preview.txt", "02-fact-sheet.md", "03-talks-report.html", "04-talks-wrong-day.txt",
        "05-wire-rewrite.txt", "06-summit-crawl.json", "07-october-2023-visit.txt",
        "08-reception-brief.txt",
    ]  # fmt: skip
    got = {n: (a.published, a.outlet, a.attributed_to) for n, a in arts.items()}
    assert got == {
        "01-preview.txt": ("2025-11-24", "Eurasia Wire Digest", ("TASS",)),
        "02-fact-sheet.md": (None, "Eurasia Wire Digest", ("TASS",)),
        "03-talks-report.html": ("2025-11-26", "Tien Shan Chronicle", ()),
        "04-talks-wrong-day.txt": (None, "Steppe Herald", ()),
        "05-wire-rewrite.txt": (None, "Ferghana Valley Post", ("Reuters",)),
        "06-summit-crawl.json": ("2025-11-27", "kg-observer.example.org", ()),
        "07-october-2023-visit.txt": (None, None, ()),
        "08-reception-brief.txt": ("2025-11-27", None, ()),
    }
    assert arts["05-wire-rewrite.txt"].dateline_date == "--11-26"
    assert all(a.language == "en" for a in arts.values())
    assert arts["02-fact-sheet.md"].title and not arts["02-fact-sheet.md"].title.startswith("#")
