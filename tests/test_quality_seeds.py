"""Quality gate on ../shared/seeds: stories, timeline, event mentions, claims, verdicts,
conflicts and source dependence, through the real build, link and report. Floors live in
tests/floors.json; lowering one is a visible change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corroborator.evaluate.events import seeds_event_scores
from corroborator.evaluate.seeds import notes_text, score_dossier

from .conftest import SHARED, run_cli

FLOORS = json.loads((Path(__file__).parent / "floors.json").read_text())["seeds"]


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is absent (it sits beside the repository in CI)")
    db = tmp_path_factory.mktemp("seeds") / "s.db"
    assert run_cli("build", str(SHARED / "seeds"), "--db", str(db)).exit_code == 0
    result = run_cli("report", "--db", str(db), "--format", "json")
    return dict(json.loads(result.stdout))


def test_seeds_dossier_meets_the_floors(dossier: dict[str, Any]) -> None:
    scores = score_dossier(SHARED / "seeds-gold.yaml", dossier)
    got = scores.as_dict()
    assert got["stories_exact"], notes_text(scores.notes)
    assert got["dependence_right"]
    for key, floor in FLOORS.items():
        if key.startswith("_") or key.startswith("event_mention"):
            continue
        assert got[key] >= floor, f"{key} {got[key]} < {floor}\n{notes_text(scores.notes)}"


def test_the_2025_story_keeps_the_disputes(dossier: dict[str, Any]) -> None:
    names = {a["id"]: Path(a["source_path"]).name[:3] for a in dossier["articles"]}
    [story] = [s for s in dossier["stories"] if len(s["articles"]) == 4]
    talks = [e for e in story["events"] if e["type"] == "talks" and e["conflicts"]]
    assert (
        talks and talks[0]["date"] == "2025-11-26" and talks[0]["place"]["name"] == "Yntymak Ordo"
    )
    assert "Palace of Unity" in talks[0]["place"]["aliases"]
    sides = {
        v["value"]: {names[a] for a in v["articles"]} for v in talks[0]["conflicts"][0]["values"]
    }
    assert sides["2025-11-25"] == {"004"}
    companies = [c for c in story["claims"] if c["unit"] == "company"]
    assert [c["verdict"] for c in companies] == ["conflicting"]
    speakers = {v["said_by"] for v in companies[0]["values"] if names[v["article"]] == "004"}
    assert speakers == {"Sadyr Japarov", "Vladimir Putin"}
    assert story["claims"][0]["verdict"] == "conflicting"  # conflicts come first
    # every participant is a canonical person, never a role description
    people = {p for e in story["events"] for p in e["participants"]}
    assert people and all(p[0].isupper() and " " in p and "leader" not in p for p in people)


def test_event_mentions_meet_the_floors() -> None:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared/seeds is absent (it sits beside the repository in CI)")
    _, scores = seeds_event_scores(SHARED)
    assert scores.recall >= FLOORS["event_mention_recall"], scores.misses
    assert scores.precision >= FLOORS["event_mention_precision"], scores.false_positives
