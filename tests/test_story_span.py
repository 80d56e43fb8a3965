"""Corrections of a story's date span: kept with who and when by the story's first article,
applied to the story's dates, title and timeline, shown in the report and the explorer, in the
dossier, and surviving rebuilds that change the story."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import jsonschema

from corroborator.config import Settings
from corroborator.engine.link import link, span_fixes
from corroborator.model import SpanCorrection
from corroborator.schema.docs import load_schema
from corroborator.store import SQLiteStore

from .conftest import run_cli

# A report of the example corpus's summit that no other file holds (own wording): it joins the
# summit's story when built beside it, and its id may come before the story's first one.
LATE_REPORT = (
    "Putin and Japarov sign trade papers in Bishkek\n\n"
    "BISHKEK, November 27, 2025 - Vladimir Putin and Sadyr Japarov ended the state visit in "
    "Bishkek on Thursday after talks on trade, energy and the Kant air base. The two presidents "
    "signed several agreements, the Kremlin said.\n"
)


def _dossier(db: Path) -> dict:
    result = run_cli("report", "--format", "json", "--db", str(db))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _summit(dossier: dict) -> dict:
    return max(dossier["stories"], key=lambda s: len(s["articles"]))


# The weekdays of the Russian preview (examples/bishkek-2025/09-preview-ru.txt), in English.
_RUSSIAN_WEEKDAYS = {"вторник": "Tuesday", "среду": "Wednesday"}


def _weekday_mentions(story: dict) -> list[dict]:
    """The mentions a bare "Tuesday" dates within the story's span."""
    return [
        m for e in story["events"] for m in e["mentions"] if m["date_source"] == "story_weekday"
    ]


def test_a_corrected_span_sets_dates_title_timeline_and_survives_rebuilds(
    example_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "s.db"
    shutil.copy(example_db, db)
    before = _summit(_dossier(db))
    assert (before["start"], before["end"]) == ("2025-11-25", "2025-11-27")
    assert before["span_correction"] is None
    # a "Tuesday" in an article that prints no date is read within the story's span, and so
    # is the Russian preview's «в среду» (Wednesday)
    assert {m["date"] for m in _weekday_mentions(before)} == {"2025-11-25", "2025-11-26"}

    fixed = run_cli(
        "stories", "--db", str(db), "span", before["id"], "2025-12-01", "2025-12-03",
        "--by", "desk-editor",
    )  # fmt: skip
    assert fixed.exit_code == 0, fixed.output
    assert "2025-12-01 – 2025-12-03 (by desk-editor)" in fixed.output
    dossier = _dossier(db)
    jsonschema.validate(dossier, load_schema())
    story = _summit(dossier)
    assert (story["start"], story["end"]) == ("2025-12-01", "2025-12-03")
    assert story["title"].endswith("2025-12-01 – 2025-12-03"), story["title"]
    fix = story["span_correction"]
    assert fix["author"] == "desk-editor" and fix["made_at"][:2] == "20"
    assert (fix["found_start"], fix["found_end"]) == ("2025-11-25", "2025-11-27")
    assert fix["anchor"] == min(before["articles"])
    # the timeline follows: the bare "Tuesday" is now the Tuesday of the corrected span, and
    # the other bare weekdays of that article are read within it too
    reread = {(m["date_text"], m["date"]) for m in _weekday_mentions(story)}
    assert ("Tuesday", "2025-12-02") in reread, reread
    for text, day in reread:
        named = _RUSSIAN_WEEKDAYS.get(text, text.removeprefix("on ").title())
        assert date.fromisoformat(day).strftime("%A") == named
        assert "2025-11-28" <= day <= "2025-12-06"  # the span with its margin
    # the other story is left alone
    assert all(s["span_correction"] is None for s in dossier["stories"] if s is not story)

    html = run_cli("report", "--format", "md", "--db", str(db))
    assert "corrected by desk-editor" in html.stdout
    listed = run_cli("stories", "--db", str(db), "--json")
    assert '"span_corrected_by": "desk-editor"' in listed.output

    # a rebuild that adds an article to the story, then a full relinking: the story changes
    # (its members, perhaps its id) and keeps the correction
    extra = tmp_path / "more"
    extra.mkdir()
    (extra / "late.txt").write_text(LATE_REPORT, encoding="utf-8")
    assert run_cli("build", str(extra), "--db", str(db), "-q").exit_code == 0
    grown = _summit(_dossier(db))
    assert len(grown["articles"]) == len(before["articles"]) + 1
    assert (grown["start"], grown["end"]) == ("2025-12-01", "2025-12-03")
    store = SQLiteStore(str(db))
    try:
        link(store)
    finally:
        store.close()
    again = _summit(_dossier(db))
    assert (again["start"], again["end"]) == ("2025-12-01", "2025-12-03")
    assert again["span_correction"]["author"] == "desk-editor"

    cleared = run_cli("stories", "--db", str(db), "span", again["id"], "--clear")
    assert cleared.exit_code == 0, cleared.output
    back = _summit(_dossier(db))
    assert back["span_correction"] is None and back["start"] == "2025-11-25"
    assert {m["date"] for m in _weekday_mentions(back)} == {"2025-11-25", "2025-11-26"}


def test_bad_span_corrections_are_refused(example_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    shutil.copy(example_db, db)
    sid = _summit(_dossier(db))["id"]
    unknown = run_cli("stories", "--db", str(db), "span", "sty_0000000000000000", "2025-12-01")
    assert unknown.exit_code == 2
    backwards = run_cli("stories", "--db", str(db), "span", sid, "2025-12-03", "2025-12-01")
    assert backwards.exit_code == 2 and "before its start" in backwards.output
    assert run_cli("stories", "--db", str(db), "span", sid, "1 December").exit_code == 2
    assert run_cli("stories", "--db", str(db), "span", sid).exit_code == 2
    assert _summit(_dossier(db))["span_correction"] is None


def test_a_correction_follows_its_anchor_or_most_of_its_articles() -> None:
    fix = SpanCorrection("2025-03-01", "2025-03-02", "anna", "2026-01-01T00:00:00", "art_a")
    later = SpanCorrection("2025-04-01", "2025-04-02", "ben", "2026-01-02T00:00:00", "art_x")
    members = ("art_a", "art_b", "art_c")
    # the anchor's story, whatever its id now
    assert span_fixes([(fix, members)], {"art_a": "sty_2", "art_b": "sty_1"}) == {"sty_2": fix}
    # the anchor gone: the story holding most of the articles the corrected story had
    held = {"art_b": "sty_1", "art_c": "sty_1", "art_d": "sty_3"}
    assert span_fixes([(fix, members)], held) == {"sty_1": fix}
    # none of them left: the correction waits, applied to nothing
    assert span_fixes([(fix, members)], {"art_z": "sty_9"}) == {}
    # two corrections landing on one story (two corrected stories merged): the later wins
    both = span_fixes([(fix, members), (later, ("art_x",))], {"art_a": "sty_1", "art_x": "sty_1"})
    assert both == {"sty_1": later}


def test_the_explorer_corrects_a_story_span(example_db: Path, tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from corroborator.web import create_app

    from .test_web import HOST

    db = tmp_path / "w.db"
    shutil.copy(example_db, db)
    read_only = create_app(Settings(db=str(db)), allowed_hosts=HOST)
    with TestClient(read_only) as client:
        sid = max(client.get("/api/stories").json(), key=lambda s: s["articles"])["id"]
        assert "Correct this story" not in client.get(f"/stories/{sid}").text
        refused = client.post(f"/stories/{sid}/span", data={"start": "2025-12-01", "by": "me"})
        assert refused.status_code == 403
    app = create_app(
        Settings(db=str(db)), allow_upload=True, upload_dir=str(tmp_path / "up"), allowed_hosts=HOST
    )
    with TestClient(app) as client:
        page = client.get(f"/stories/{sid}").text
        assert f'action="/stories/{sid}/span"' in page and "Correct this story" in page
        assert client.post(f"/stories/{sid}/span", data={"start": "1.12.25"}).status_code == 422
        backwards = client.post(
            f"/stories/{sid}/span", data={"start": "2025-12-03", "end": "2025-12-01"}
        )
        assert backwards.status_code == 422
        done = client.post(
            f"/stories/{sid}/span",
            data={"start": "2025-12-01", "end": "2025-12-02", "by": "anna"},
            follow_redirects=False,
        )
        assert done.status_code == 303, done.text
        shown = client.get(done.headers["location"]).text
        assert "2025-12-01" in shown and "corrected by anna" in shown
        api = client.post(f"/api/stories/{sid}/span", data={"start": "2025-12-04", "by": "ben"})
        assert api.status_code == 200, api.text
        body = api.json()
        assert (body["start"], body["end"]) == ("2025-12-04", "2025-12-04")
        assert body["span_correction"]["author"] == "ben" and body["stories"] >= 1
        assert client.get(f"/api/stories/{body['story']}").json()["start"] == "2025-12-04"
