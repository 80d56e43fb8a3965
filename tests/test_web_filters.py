"""The desk narrows pages by query: a story's claims by verdict and events by status; the
article list by outlet and language, sorted by a column."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from corroborator.config import Settings
from corroborator.web import create_app
from corroborator.web.filters import filter_articles

from .test_web import HOST


def test_a_story_filtered_to_its_conflicts(example_db: Path) -> None:
    client = TestClient(create_app(Settings(db=str(example_db)), allowed_hosts=HOST))
    stories = client.get("/api/stories").json()
    sid = max(stories, key=lambda s: s["conflicts"])["id"]
    story = client.get(f"/api/stories/{sid}").json()
    conflicting = [c for c in story["claims"] if c["verdict"] == "conflicting"]
    assert conflicting and len(conflicting) < len(story["claims"])
    page = client.get(f"/stories/{sid}?verdict=conflicting").text
    assert "claim(s) not shown" in page and "<strong>conflicting</strong>" in page
    assert page.count('<tr class="conflicting">') == len(conflicting)
    planned = client.get(f"/stories/{sid}?status=planned").text
    assert "<strong>planned</strong>" in planned
    assert client.get(f"/stories/{sid}?verdict=wrong").status_code == 422


def test_one_outlets_reports_and_sorting(example_db: Path) -> None:
    client = TestClient(create_app(Settings(db=str(example_db)), allowed_hosts=HOST))
    every = client.get("/api/articles").json()
    outlet = next(a["outlet"] for a in every if a.get("outlet"))
    mine = [a for a in every if a.get("outlet") == outlet]
    page = client.get("/articles", params={"outlet": outlet.upper()}).text
    assert f"{len(mine)} of {len(every)}" in page
    ru = client.get("/articles?language=ru").text
    assert f"{sum(a['language'] == 'ru' for a in every)} of {len(every)}" in ru
    by_words = filter_articles(every, sort="words", descending=True)
    assert [a["word_count"] for a in by_words] == sorted(
        (a["word_count"] for a in every), reverse=True
    )
    dated = filter_articles(every, sort="published")
    days = [a["published"] for a in dated if a["published"]]
    assert days == sorted(days) and all(a["published"] is None for a in dated[len(days) :])
    assert client.get("/articles?sort=published&order=desc").status_code == 200
    assert client.get("/articles?sort=nonsense").status_code == 422
