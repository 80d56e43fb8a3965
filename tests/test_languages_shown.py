"""Every source shows its language: the dossier JSON, the Markdown and HTML reports, the
explorer's pages and the CSV exports, on a small corpus of one English and one Russian report
of the same (invented) visit."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from fastapi.testclient import TestClient

from corroborator.config import Settings
from corroborator.report.exports import render_claims_csv, render_events_csv
from corroborator.web.app import create_app

from .conftest import REPO, run_cli

SCHEMA = json.loads((REPO / "corroborator" / "schema" / "dossier.schema.json").read_text())
HOST = ["testserver"]

ENGLISH = """Tokayev arrives in Bishkek for talks with Japarov

BISHKEK, March 3, 2026 — Kazakh President Kassym-Jomart Tokayev arrived in Bishkek on Tuesday
for a two-day state visit. He held talks with Kyrgyz President Sadyr Japarov on water sharing
and border trade, and the two leaders signed 14 agreements.
"""

RUSSIAN = """Токаев прибыл в Бишкек с государственным визитом

Президент Казахстана Касым-Жомарт Токаев во вторник прилетел в Бишкек, где провёл переговоры
с президентом Киргизии Садыром Жапаровым. Стороны обсудили распределение воды и приграничную
торговлю, по итогам встречи подписано 14 соглашений.
"""


@pytest.fixture(scope="module")
def bilingual(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The two reports built and linked once: the store's path, its dossier and two reports."""
    tmp = tmp_path_factory.mktemp("bilingual")
    folder = tmp / "in"
    folder.mkdir()
    (folder / "en-report.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "ru-report.txt").write_text(RUSSIAN, encoding="utf-8")
    db = str(tmp / "bi.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp)
        assert run_cli("build", str(folder), "--db", db, "-q").exit_code == 0
        out: dict[str, Any] = {"db": db}
        out["dossier"] = json.loads(run_cli("report", "--db", db, "--format", "json").stdout)
        for fmt in ("md", "html"):
            out[fmt] = run_cli("report", "--db", db, "--format", fmt).stdout
        yield out


def _by_file(dossier: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {Path(a["source_path"]).name: a for a in dossier["articles"]}


def test_dossier_gives_each_article_its_language(bilingual: dict[str, Any]) -> None:
    jsonschema.validate(bilingual["dossier"], SCHEMA)
    arts = _by_file(bilingual["dossier"])
    assert arts["en-report.txt"]["language"] == "en"
    assert arts["ru-report.txt"]["language"] == "ru"


def test_markdown_names_each_source_with_its_language(bilingual: dict[str, Any]) -> None:
    md = bilingual["md"]
    sources = md.split("## Sources", 1)[1]
    row = next(line for line in sources.splitlines() if "ru-report.txt" in line)
    assert "| ru |" in row
    # in the stories too: a source cited for a figure carries its language
    stories = md.split("## Sources", 1)[0]
    assert " [en]: “" in stories or " [ru]: “" in stories


def test_html_report_tags_each_source_with_its_language(bilingual: dict[str, Any]) -> None:
    html = bilingual["html"]
    assert '<span class="tag lang" title="language of this source">ru</span>' in html
    assert '<span class="tag lang" title="language of this source">en</span>' in html
    assert 'language <span class="tag lang">ru</span>' in html  # the article's own header


def test_explorer_shows_each_source_language(bilingual: dict[str, Any]) -> None:
    arts = _by_file(bilingual["dossier"])
    ru = arts["ru-report.txt"]
    with TestClient(create_app(Settings(db=bilingual["db"]), allowed_hosts=HOST)) as client:
        listing = client.get("/articles").text
        assert '<span class="tag lang">ru</span>' in listing
        assert '<span class="tag lang">en</span>' in listing
        page = client.get(f"/articles/{ru['id']}").text
        assert 'language <span class="tag lang">ru</span>' in page
        [story] = [s for s in bilingual["dossier"]["stories"] if ru["id"] in s["articles"]]
        story_page = client.get(f"/stories/{story['id']}").text
        assert '<span class="tag lang" title="language of this source">ru</span>' in story_page
        assert client.get(f"/api/articles/{ru['id']}").json()["language"] == "ru"


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_exports_give_each_source_language(bilingual: dict[str, Any]) -> None:
    dossier = bilingual["dossier"]
    language = {a["id"]: a["language"] for a in dossier["articles"]}
    events = _rows(render_events_csv(dossier))
    assert events
    for row in events:
        ids = row["article_ids"].split("; ")
        assert row["languages"].split("; ") == [language[a] or "?" for a in ids]
    claims = _rows(render_claims_csv(dossier))
    assert claims
    for row in claims:
        assert row["language"] == language[row["article_id"]]


def test_csv_language_of_a_russian_source() -> None:
    """A Russian source's event mention and value carry ``ru`` (a dossier written by hand, as
    the contract gives it: until Russian events and figures are extracted, none is built)."""
    article = {"id": "art_ru", "source_path": "ru.txt", "outlet": "ТАСС", "language": "ru"}
    mention = {"article": "art_ru", "quote": "Переговоры прошли во вторник.", "start": 0}
    event = {
        **dict.fromkeys(("date", "date_end", "subtype", "cameo", "plover", "place"), None),
        "id": "ev_1", "type": "talks", "status": "reported", "participants": [],
        "conflicts": [], "mentions": [mention],
    }  # fmt: skip
    value = {
        "article": "art_ru", "value": 14.0, "low": 14.0, "high": 14.0, "qualifier": "exact",
        "text": "14 соглашений", "said_by": None, "quote": "подписано 14 соглашений",
        "start": 0, "end": 10,
    }  # fmt: skip
    claim = {
        "id": "cl_1", "subject": "agreements", "period": None, "unit": "agreement",
        "kind": "numeric", "verdict": "single_source", "independent_sources": 1,
        "values": [value],
    }  # fmt: skip
    dossier = {
        "articles": [article],
        "stories": [{"id": "st_1", "title": "Talks", "events": [event], "claims": [claim]}],
    }
    [row] = _rows(render_events_csv(dossier))
    assert row["languages"] == "ru"
    [row] = _rows(render_claims_csv(dossier))
    assert row["language"] == "ru" and row["outlet"] == "ТАСС"
