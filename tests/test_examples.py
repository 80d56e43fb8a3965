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
        "08-reception-brief.txt", "09-preview-ru.txt",
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
        "09-preview-ru.txt": (None, "Евразийский вестник", ()),
    }
    assert arts["05-wire-rewrite.txt"].dateline_date == "--11-26"
    assert arts["09-preview-ru.txt"].dateline_date == "--11-24"  # "МОСКВА, 24 ноября."
    assert {n: a.language for n, a in arts.items() if a.language != "en"} == {
        "09-preview-ru.txt": "ru"
    }
    assert arts["02-fact-sheet.md"].title and not arts["02-fact-sheet.md"].title.startswith("#")


def test_example_corpus_story_conflicts(tmp_path: Path) -> None:
    """The demo's traps come out as intended: one 2025 story and the 2023 visit apart; the
    wrong-day report disputes the talks; 1,700 vs 1,800 companies conflict; "over $1.8
    billion" and "nearly $2 billion" are compatible."""
    from corroborator.engine.link import link
    from corroborator.report import build_dossier

    settings = Settings(db=str(tmp_path / "demo.db"))
    store = SQLiteStore(settings.db)
    build([EXAMPLES], store, settings)
    link(store)
    dossier = build_dossier(store)
    store.close()
    names = {a["id"]: Path(a["source_path"]).name for a in dossier["articles"]}
    stories = sorted(dossier["stories"], key=lambda s: s["start"] or "")
    assert [sorted(names[a][:2] for a in s["articles"]) for s in stories] == [
        ["07"],
        ["01", "02", "03", "04", "05", "06", "08", "09"],
    ]
    story = stories[1]
    talks = [e for e in story["events"] if e["type"] == "talks" and e["conflicts"]]
    assert talks and talks[0]["date"] == "2025-11-26"
    sides = {
        v["value"]: {names[a][:2] for a in v["articles"]}
        for v in talks[0]["conflicts"][0]["values"]
    }
    assert sides["2025-11-25"] == {"04"}
    by_unit = {(c["unit"], c["verdict"]) for c in story["claims"]}
    assert ("company", "conflicting") in by_unit
    assert ("USD", "compatible") in by_unit
    # the Russian preview's figures join the English ones: its 1,500 companies is a third side
    # of the companies conflict; its $4.1 billion of trade corroborates the English reports
    lang = {a["id"]: a["language"] for a in dossier["articles"]}
    companies = next(c for c in story["claims"] if c["unit"] == "company")
    assert {(v["value"], lang[v["article"]]) for v in companies["values"]} == {
        (1500.0, "ru"),
        (1700.0, "en"),
        (1800.0, "en"),
    }
    trade = next(
        c for c in story["claims"] if c["unit"] == "USD" and c["verdict"] == "corroborated"
    )
    assert {lang[v["article"]] for v in trade["values"]} == {"en", "ru"}
    assert {v["value"] for v in trade["values"]} == {4.1e9}
    # its planned talks are the talks the English reports tell, in every language
    assert any(
        "ru" in {lang[m["article"]] for m in e["mentions"]} and e["type"] == "talks"
        for e in story["events"]
    )
