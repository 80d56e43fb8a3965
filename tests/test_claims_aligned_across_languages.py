"""A figure told in a Russian report and in an English one is one claim, end to end: two short
reports of one (invented) visit, written for this test, built and linked by the CLI. The
Russian sentences name the measured thing as English would not (the agent of the verb, a
pronoun, an adjective of number and unit), so only the figure, its unit class and its measure
say that the two values are one."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import run_cli

ENGLISH = """Japarov and Tokayev open a trade fair in Almaty

ALMATY, April 14, 2026 — Kyrgyz President Sadyr Japarov and Kazakh President Kassym-Jomart
Tokayev opened a trade fair in Almaty on Tuesday. Their talks lasted 95 minutes. Tokayev said
Kazakhstan would cut import duties on Kyrgyz fruit to 12 percent from next year. The fair is
held in a new 24-storey exhibition tower.
"""

RUSSIAN = """Жапаров и Токаев открыли торговую ярмарку в Алматы

АЛМАТЫ, 14 апреля. Президенты Киргизии и Казахстана Садыр Жапаров и Касым-Жомарт Токаев во
вторник открыли торговую ярмарку в Алматы. Встреча лидеров была долгой:
она продолжалась 1 час 35 минут. По словам Токаева, со следующего года Казахстан снизит
ввозные пошлины на киргизские фрукты до 12%, а пошлины на муку останутся на уровне 20%.
Ярмарка проходит в новом 24-этажном выставочном центре.
"""


@pytest.fixture(scope="module")
def dossier(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    tmp = tmp_path_factory.mktemp("aligned")
    folder = tmp / "in"
    folder.mkdir()
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    db = str(tmp / "x.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp)
        assert run_cli("build", str(folder), "--db", db, "-q").exit_code == 0
        yield json.loads(run_cli("report", "--db", db, "--format", "json").stdout)


def _claims_of(dossier: dict[str, Any], value: float) -> list[list[tuple[str, float]]]:
    """Every claim holding ``value``, as (file, value) pairs."""
    name = {a["id"]: Path(a["source_path"]).name for a in dossier["articles"]}
    out = []
    for story in dossier["stories"]:
        for claim in story["claims"]:
            if claim["kind"] != "numeric":
                continue
            values = [(name[v["article"]], float(v["value"])) for v in claim["values"]]
            if any(x == value for _, x in values):
                out.append(values)
    return out


def test_reports_form_one_story(dossier: dict[str, Any]) -> None:
    assert len(dossier["stories"]) == 1


def test_share_aligns_although_the_russian_subject_is_the_agent(dossier: dict[str, Any]) -> None:
    [claim] = _claims_of(dossier, 12.0)
    assert sorted(claim) == [("en.txt", 12.0), ("ru.txt", 12.0)]
    # the other duty, a different figure of the same unit, stays out of it
    assert ("ru.txt", 20.0) not in claim


def test_duration_aligns_across_units_and_a_subjectless_sentence(dossier: dict[str, Any]) -> None:
    claims = _claims_of(dossier, 95.0)
    assert [sorted(c) for c in claims] == [[("en.txt", 95.0), ("ru.txt", 95.0)]]


def test_count_of_storeys_aligns_with_an_adjective_of_number(dossier: dict[str, Any]) -> None:
    [claim] = _claims_of(dossier, 24.0)
    assert sorted(claim) == [("en.txt", 24.0), ("ru.txt", 24.0)]


def test_no_conflict_between_the_two_reports(dossier: dict[str, Any]) -> None:
    verdicts = [c["verdict"] for s in dossier["stories"] for c in s["claims"]]
    assert "conflicting" not in verdicts
