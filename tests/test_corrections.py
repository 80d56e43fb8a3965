"""Corrections of an article's publication date, outlet and title: kept with who and when,
applied to the analysis (dates re-anchored) and the dossier, and surviving rebuilds."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from corroborator.store import SQLiteStore

from .conftest import run_cli

# No year and no date line: the text's "Tuesday" is anchored on the publication date.
UNDATED = (
    "Harbour talks end with a pier deal\n\n"
    "The harbour master of Port Alder met the transport minister on Tuesday to discuss a new "
    "ferry pier. The two agreed to spend $6 million on the work, the harbour master said.\n"
)


def _dossier(db: Path) -> dict:
    result = run_cli("report", "--format", "json", "--db", str(db))
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_a_corrected_date_moves_the_timeline_and_survives_rebuilds(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "pier.txt").write_text(UNDATED)
    db = tmp_path / "s.db"
    assert run_cli("build", str(corpus), "--db", str(db)).exit_code == 0
    (article,) = _dossier(db)["articles"]
    assert article["published"] is None

    fixed = run_cli(
        "correct", article["id"], "--published", "2025-03-07", "--outlet", "Tidewater Courier",
        "--by", "desk-editor", "--db", str(db),
    )  # fmt: skip
    assert fixed.exit_code == 0, fixed.output
    dossier = _dossier(db)
    (article,) = dossier["articles"]
    assert article["published"] == "2025-03-07" and article["outlet"] == "Tidewater Courier"
    assert article["published_evidence"].startswith("corrected by desk-editor on ")
    assert {c["field"] for c in article["corrections"]} == {"published", "outlet"}
    assert all(c["author"] == "desk-editor" for c in article["corrections"])
    # the meeting's Tuesday is now the Tuesday before 7 March 2025
    dates = {t["text"]: t["value"] for t in article["analysis"]["dates"]}
    assert dates["Tuesday"] == "2025-03-04", dates

    # a later build that analyses the article again (here: its analysis and file record
    # dropped, as a new analyser version would) applies the correction before analysing
    con = sqlite3.connect(db)
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("DELETE FROM analyses")
    con.execute("DELETE FROM files")
    con.commit()
    con.close()
    assert run_cli("build", str(corpus), "--db", str(db)).exit_code == 0
    (again,) = _dossier(db)["articles"]
    assert {t["text"]: t["value"] for t in again["analysis"]["dates"]}["Tuesday"] == "2025-03-04"
    store = SQLiteStore(str(db))
    (stored,) = list(store.iter_articles())
    store.close()
    assert stored.published == "2025-03-07" and stored.outlet == "Tidewater Courier"


def test_bad_corrections_are_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "pier.txt").write_text(UNDATED)
    assert run_cli("build", str(corpus), "--db", str(db)).exit_code == 0
    assert (
        run_cli("correct", "art_0000000000000000", "--title", "x", "--db", str(db)).exit_code == 2
    )
    assert run_cli("correct", "art_0000000000000000", "--db", str(db)).exit_code == 2
    bad_day = run_cli("correct", "art_0000000000000000", "--published", "7 March", "--db", str(db))
    assert bad_day.exit_code == 2 and "YYYY-MM-DD" in bad_day.output


def test_the_explorer_corrects_an_article_and_its_dates_move(
    example_db: Path, tmp_path: Path
) -> None:
    import shutil

    from fastapi.testclient import TestClient

    from corroborator.config import Settings
    from corroborator.web import create_app

    from .test_web import HOST

    db = tmp_path / "w.db"
    shutil.copy(example_db, db)
    read_only = create_app(Settings(db=str(db)), allowed_hosts=HOST)
    with TestClient(read_only) as client:
        aid = client.get("/api/articles").json()[0]["id"]
        refused = client.post(f"/articles/{aid}/corrections", data={"outlet": "X", "by": "me"})
        assert refused.status_code == 403
    app = create_app(
        Settings(db=str(db)), allow_upload=True, upload_dir=str(tmp_path / "up"), allowed_hosts=HOST
    )
    with TestClient(app) as client:
        page = client.get(f"/articles/{aid}").text
        assert 'action="/articles/' in page and "Correct this article" in page
        bad = client.post(f"/articles/{aid}/corrections", data={"published": "24.11.25"})
        assert bad.status_code == 422
        done = client.post(
            f"/articles/{aid}/corrections",
            data={"published": "", "outlet": "Steppe Herald (corrected)", "by": "anna"},
            follow_redirects=False,
        )
        assert done.status_code == 303, done.text
        art = client.get(f"/api/articles/{aid}").json()
        assert art["outlet"] == "Steppe Herald (corrected)"
        assert [(c["field"], c["author"]) for c in art["corrections"]] == [("outlet", "anna")]
        assert "Steppe Herald (corrected)" in client.get(f"/articles/{aid}").text
        api = client.post(
            f"/api/articles/{aid}/corrections", data={"published": "2025-11-20", "by": "anna"}
        )
        assert api.status_code == 200 and api.json()["stories"] >= 1
        assert client.get(f"/api/articles/{aid}").json()["published"] == "2025-11-20"
