"""The 2025 seeds story as one timeline: gold events on gold days, disputes kept, 2023 kept out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from corroborator.analyze import _from_doc
from corroborator.analyze.nlp import load_model
from corroborator.config import Settings
from corroborator.ingest import read_articles
from corroborator.link.dependence import find_dependence
from corroborator.link.timeline import build_events
from corroborator.model import Article, Event

from .conftest import SEEDS

STORY_2025 = ("000", "001", "003", "004")


@pytest.fixture(scope="module")
def timeline() -> tuple[list[Event], dict[str, str]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent (it sits beside the repository in CI)")
    seeds_dir = SEEDS
    nlp: Any = load_model(Settings().spacy_model)
    articles: dict[str, Article] = {}
    mentions = []
    for path in sorted(seeds_dir.iterdir()):
        if path.name[:3] not in STORY_2025:
            continue
        [article] = [a for a in read_articles(path, Settings()) if isinstance(a, Article)]
        articles[article.id] = article
        mentions += _from_doc(article, nlp(article.text), "test").event_mentions
    names = {aid: Path(a.source_path).name[:3] for aid, a in articles.items()}
    return build_events(
        "sty_test", mentions, articles, find_dependence(list(articles.values()))
    ), names


def _find(events: list[Event], type_: str, date: str) -> Event:
    hits = [e for e in events if e.type == type_ and e.date == date]
    assert hits, [(e.type, e.date) for e in events]
    return hits[0]


def test_gold_events_on_gold_days(timeline: tuple[list[Event], dict[str, str]]) -> None:
    events, _ = timeline
    for type_, date in [
        ("arrival", "2025-11-25"),
        ("wreath_laying", "2025-11-25"),
        ("welcome_ceremony", "2025-11-26"),
        ("talks", "2025-11-26"),
        ("signing", "2025-11-26"),
        ("press_statements", "2025-11-26"),
        ("reception", "2025-11-26"),
        ("meeting", "2025-11-26"),
        ("summit", "2025-11-27"),
    ]:
        _find(events, type_, date)
    assert _find(events, "talks", "2025-11-25").subtype == "one_on_one"  # the informal evening talk
    assert all(e.date is None or e.date >= "2025-11-25" for e in events)  # nothing from 2023


def test_talks_keep_the_tuesday_wednesday_dispute(
    timeline: tuple[list[Event], dict[str, str]],
) -> None:
    events, names = timeline
    talks = _find(events, "talks", "2025-11-26")
    assert talks.place == "Yntymak Ordo" and talks.status == "reported"
    [conflict] = [c for c in talks.conflicts if c.field == "date"]
    sides = {value: {names[a] for a in arts} for value, arts in conflict.values}
    assert sides["2025-11-25"] == {"004"}
    assert {"000", "001", "003"} <= sides["2025-11-26"]
    # the Lukashenko meeting is its own event, not merged into the talks
    lukashenko = _find(events, "meeting", "2025-11-26")
    assert "Alexander Lukashenko" in lukashenko.participants
