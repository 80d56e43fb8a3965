"""Kinds of events news-dev lacks, end to end on our own reports (tests/data/elections_summits):
an election (vote shares, a disputed turnout, a runoff) in English and a summit in Russian
(a preview, reports on the day and after). The real pipeline: build, link, JSON dossier."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from corroborator.ingest.dates import parse_written_date
from corroborator.ingest.metadata import read_metadata

from .conftest import REPO, run_cli

CORPUS = REPO / "tests" / "data" / "elections_summits"


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    folder = tmp_path_factory.mktemp("elections")
    db, out = folder / "e.db", folder / "d.json"
    result = run_cli("build", str(CORPUS), "--db", str(db), "-q")
    assert result.exit_code == 0, result.output
    result = run_cli("report", "--db", str(db), "--format", "json", "-o", str(out))
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return data


def _names(d: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: Path(a["source_path"]).name for a in d["articles"]}


def _claims(d: dict[str, Any]) -> list[dict[str, Any]]:
    return [c for s in d["stories"] for c in s["claims"]]


def _story_of(d: dict[str, Any], name: str) -> dict[str, Any]:
    names = _names(d)
    return next(s for s in d["stories"] if any(names[a] == name for a in _ids(s)))


def _ids(story: dict[str, Any]) -> list[str]:
    return [a if isinstance(a, str) else a["id"] for a in story["articles"]]


def test_russian_date_line_with_the_year_word_is_the_publication_date() -> None:
    assert parse_written_date("5 марта 2024 года") == "2024-03-05"
    assert parse_written_date("5 марта 2024 г.") == "2024-03-05"
    assert parse_written_date("5 марта 2024 годами") is None
    meta = read_metadata(
        "Заголовок\n\nМОСКВА, 5 марта. Текст заметки.\n\nОпубликовано: 5 марта 2024 года\n"
    )
    assert meta.published == "2024-03-05"


def test_summit_reports_are_one_story_of_their_year(dossier: dict[str, Any]) -> None:
    names = _names(dossier)
    published = {names[a["id"]]: a["published"] for a in dossier["articles"]}
    assert published["su-ru-2.txt"] == "2025-06-13"
    assert published["su-ru-3.txt"] == "2025-06-14"
    story = _story_of(dossier, "su-ru-1.txt")
    assert {names[a] for a in _ids(story)} == {"su-ru-1.txt", "su-ru-2.txt", "su-ru-3.txt"}
    signing = [e for e in story["events"] if e["type"] == "signing"]
    assert signing and signing[0]["date"] == "2025-06-13"
    statuses = {m["status"] for m in signing[0]["mentions"]}
    assert statuses == {"planned", "reported"}  # the preview's "подпишут" and the reports


def test_a_woman_named_by_her_surname_alone_is_her_full_name(dossier: dict[str, Any]) -> None:
    people = {p for s in dossier["stories"] for e in s["events"] for p in e["participants"]}
    assert "Vera Listova" in people
    assert not any("Listovoy" in p for p in people)


def test_vote_shares_are_their_candidates(dossier: dict[str, Any]) -> None:
    claims = _claims(dossier)
    kosta = [c for c in claims if c["subject"] == "vote share of Adrian Kosta"]
    first = next(c for c in kosta if {v["value"] for v in c["values"]} == {46.2})
    assert first["verdict"] == "corroborated"  # two independent reports agree
    shares = {
        v["value"]: c["subject"] for c in claims for v in c["values"] if v["unit"] == "percent"
    }
    assert shares[53.1] == "vote share of Adrian Kosta"
    assert shares[46.9].endswith("Varga")  # "… against 46.9% for Varga"
    # one candidate's share is never in dispute with another's
    for c in claims:
        if c["verdict"] == "conflicting":
            assert {v["value"] for v in c["values"]} & {46.2, 38.5, 53.1, 46.9} == set()


def test_a_disputed_turnout_is_a_conflict(dossier: dict[str, Any]) -> None:
    names = _names(dossier)
    turnout = next(c for c in _claims(dossier) if 52.0 in {v["value"] for v in c["values"]})
    assert turnout["verdict"] == "conflicting"
    assert 61.4 in {v["value"] for v in turnout["values"]}
    disputed = next(v for v in turnout["values"] if v["value"] == 52.0)
    assert names[disputed["article"]] == "el-en-2.txt"
    # the opposition's figure is the opposition's, not the outlet's in the dateline
    assert disputed["said_by"] and "opposition" in disputed["said_by"]


def test_turnout_compared_with_an_earlier_election_keeps_its_own_period(
    dossier: dict[str, Any],
) -> None:
    values = {v["value"]: v for c in _claims(dossier) for v in c["values"]}
    assert values[61.4]["period"] != "2020"  # "61.4%, up from 55 percent … in 2020"
    assert values[55.0]["period"] == "2020"
    assert "turnout" in values[55.0]["subject"].lower()


def test_runoff_is_not_the_first_round(dossier: dict[str, Any]) -> None:
    """A runoff is an event of its own type: the first round's day is not its day."""
    names = _names(dossier)
    story = _story_of(dossier, "el-en-1.txt")
    for event in story["events"]:
        if event["type"] != "election" or event["date"] != "2025-04-13":
            continue
        triggers = {m["trigger"].lower() for m in event["mentions"]}
        assert "presidential election" in triggers
        assert "runoff" not in triggers, event
    runoff = [e for e in story["events"] if e["type"] == "runoff"]
    assert len(runoff) == 1  # the preview's runoff is one event, of its own day
    assert runoff[0]["status"] == "planned"
    assert runoff[0]["date"] == "2025-04-27"
    headline = next(
        m
        for e in runoff
        for m in e["mentions"]
        if names[m["article"]] == "el-en-1.txt" and m["start"] == 0
    )
    assert headline["status"] == "planned"  # "…, runoff likely"


def test_railway_cost_is_the_railways_in_every_report(dossier: dict[str, Any]) -> None:
    """ "дорога стоимостью 4 млрд долларов": the amount is the railway's worth, whoever the
    clause is about, and "до 2030 года" of another conjunct is not its period."""
    cost = next(c for c in _claims(dossier) if c["unit"] == "USD")
    assert cost["subject"] == "железная дорога"
    assert sorted(v["value"] for v in cost["values"]) == [4e9, 4.5e9, 4.5e9]
    assert all(v["period"] is None for v in cost["values"])
    assert cost["verdict"] == "conflicting"  # the preview's figure is not the final one
