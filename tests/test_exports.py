"""The flat exports (events-csv, claims-csv, event-table) on the example corpus and on hostile
records: rows match the dossier, disputes and sources survive, formulas are neutralised."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from corroborator.report.exports import (
    CLAIMS_CSV_COLUMNS,
    EVENT_TABLE_COLUMNS,
    EVENTS_CSV_COLUMNS,
    cell,
    guard_cell,
)

from .conftest import EXAMPLES, REPO, run_cli

SCHEMA = json.loads((REPO / "corroborator" / "schema" / "dossier.schema.json").read_text())
CAMEO = {
    name: spec.get("cameo")
    for name, spec in yaml.safe_load((REPO / "corroborator" / "data" / "events.yaml").read_text())[
        "types"
    ].items()
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """The example corpus built once: its store, dossier and the three exports as text."""
    tmp = tmp_path_factory.mktemp("example")
    db = str(tmp / "demo.db")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp)  # no ./corroborator.toml leaks in
        assert run_cli("build", str(EXAMPLES), "--db", db).exit_code == 0
        out: dict[str, Any] = {"db": db}
        out["dossier"] = json.loads(run_cli("report", "--db", db, "--format", "json").stdout)
        for fmt in ("events-csv", "claims-csv", "event-table"):
            path = tmp / f"export.{fmt}"
            result = run_cli("report", "--db", db, "--format", fmt, "-o", str(path))
            assert result.exit_code == 0
            out[fmt] = path.read_bytes().decode("utf-8")  # line ends as written
        yield out


def _csv_rows(text: str) -> tuple[list[str], list[dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    return list(reader.fieldnames or []), rows


def _tsv_rows(text: str, width: int) -> tuple[list[str], list[dict[str, str]]]:
    lines = text.split("\n")
    assert lines[-1] == "" and all(lines[:-1])  # one row per line, newline-terminated
    cells = [line.split("\t") for line in lines[:-1]]
    assert {len(c) for c in cells} == {width}, "a tab or line break leaked into a cell"
    return cells[0], [dict(zip(cells[0], c, strict=True)) for c in cells[1:]]


def _names(dossier: dict[str, Any]) -> dict[str, str]:
    return {a["id"]: Path(a["source_path"]).name[:2] for a in dossier["articles"]}


def _talks(dossier: dict[str, Any]) -> dict[str, Any]:
    [talks] = [
        e
        for s in dossier["stories"]
        for e in s["events"]
        if e["type"] == "talks" and e["conflicts"]
    ]
    return talks


def test_example_dossier_validates(example: dict[str, Any]) -> None:
    jsonschema.validate(example["dossier"], SCHEMA)
    linked = [a for a in example["dossier"]["articles"] if "dependence_group" in a]
    assert linked, "the example articles carry their dependence groups"


def test_events_csv_one_row_per_event_with_sources(example: dict[str, Any]) -> None:
    dossier = example["dossier"]
    events = [(s, e) for s in dossier["stories"] for e in s["events"]]
    # RFC 4180 line ends; a line break inside a quoted value is kept as it is
    assert example["events-csv"].endswith("\r\n")
    assert example["events-csv"].count("\r\n") == len(events) + 1
    header, rows = _csv_rows(example["events-csv"])
    assert header == list(EVENTS_CSV_COLUMNS)
    assert [r["event_id"] for r in rows] == [e["id"] for _, e in events]
    group = {a["id"]: a.get("dependence_group") or a["id"] for a in dossier["articles"]}
    text = {a["id"]: a["text"] for a in dossier["articles"]}
    for row, (story, e) in zip(rows, events, strict=True):
        articles = {m["article"] for m in e["mentions"]}
        assert row["story_id"] == story["id"] and row["type"] == e["type"]
        assert row["cameo"] == (e["cameo"] or "")
        assert int(row["source_count"]) == len(articles)
        assert int(row["independent_source_count"]) == len({group[a] for a in articles})
        assert int(row["mention_count"]) == len(e["mentions"])
        assert set(row["article_ids"].split("; ")) == articles
        assert len(row["source_paths"].split("; ")) == len(articles)
        for quoted in row["quotes"].split(" | "):
            m = re.fullmatch(r"(.*) \[(art_[0-9a-f]{16})\]", quoted, re.S)
            assert m, quoted
            assert m.group(2) in articles and m.group(1) in text[m.group(2)]


def test_events_csv_keeps_the_talks_dispute(example: dict[str, Any]) -> None:
    """The wrong-day report (04) puts the talks on 25 November; the others on the 26th."""
    dossier = example["dossier"]
    names = _names(dossier)
    talks = _talks(dossier)
    _, rows = _csv_rows(example["events-csv"])
    [row] = [r for r in rows if r["event_id"] == talks["id"]]
    assert row["date"] == "2025-11-26"
    m = re.fullmatch(r"date: 2025-11-26 \[([^]]+)\] vs 2025-11-25 \[([^]]+)\]", row["disputed"])
    assert m, row["disputed"]
    assert {names[a] for a in m.group(2).split(", ")} == {"04"}
    assert "04" not in {names[a] for a in m.group(1).split(", ")}
    assert {"Vladimir Putin", "Sadyr Japarov"} <= set(row["participants"].split("; "))
    # 01 and 02 come from one outlet on one wire: two articles, one independent source
    cited = {names[a] for a in row["article_ids"].split("; ")}
    assert {"01", "02"} <= cited
    assert int(row["independent_source_count"]) < int(row["source_count"])
    assert "https://kg-observer.example.org/" in row["urls"]  # 06's URL; the files have none
    undisputed = [r for r in rows if r["event_id"] != talks["id"]]
    assert undisputed and all(r["disputed"] == "" for r in undisputed)


def test_claims_csv_one_row_per_value(example: dict[str, Any]) -> None:
    dossier = example["dossier"]
    names = _names(dossier)
    header, rows = _csv_rows(example["claims-csv"])
    assert header == list(CLAIMS_CSV_COLUMNS)
    values = [(c, v) for s in dossier["stories"] for c in s["claims"] for v in c["values"]]
    assert len(rows) == len(values) > 0
    outlets = {a["id"]: a["outlet"] or "" for a in dossier["articles"]}
    for row, (claim, v) in zip(rows, values, strict=True):
        assert (row["claim_id"], row["article_id"], row["verdict"]) == (
            claim["id"],
            v["article"],
            claim["verdict"],
        )
        assert row["outlet"] == outlets[v["article"]]
        if isinstance(v["value"], float):
            assert float(row["value"]) == v["value"] and not row["value"].endswith(".0")
    companies = [r for r in rows if r["unit"] == "company"]
    assert {r["verdict"] for r in companies} == {"conflicting"}
    by_value: dict[str, set[str]] = {}
    for r in companies:
        by_value.setdefault(r["value"], set()).add(names[r["article_id"]])
    assert {"1700", "1800"} <= set(by_value), by_value
    assert "03" in by_value["1800"]  # the talks report's 1,800
    for r in companies:
        assert r["text"] in r["quote"]  # the figure as printed, inside its sentence
    usd = {r["verdict"] for r in rows if r["unit"] == "USD" and r["qualifier"] == "nearly"}
    assert "compatible" in usd


def test_event_table_one_line_per_event_with_cameo_codes(example: dict[str, Any]) -> None:
    dossier = example["dossier"]
    header, rows = _tsv_rows(example["event-table"], len(EVENT_TABLE_COLUMNS))
    assert header == list(EVENT_TABLE_COLUMNS)
    events = [e for s in dossier["stories"] for e in s["events"]]
    assert [r["GLOBALEVENTID"] for r in rows] == [e["id"] for e in events]
    for row, e in zip(rows, events, strict=True):
        code = CAMEO[row["EventType"]] or ""
        assert row["EventCode"] == code
        assert (row["EventBaseCode"], row["EventRootCode"]) == (code[:3], code[:2])
        assert row["PLOVER"] == (e["plover"] or "")
        day = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", e["date"] or "")
        assert row["SQLDATE"] == ("".join(day.groups()) if day else "")
        assert int(row["NumArticles"]) == len({m["article"] for m in e["mentions"]})
        assert 1 <= int(row["NumSources"]) <= int(row["NumArticles"])
        assert int(row["IsDisputed"]) == bool(e["conflicts"])
        actors = {row["Actor1Name"], row["Actor2Name"]} - {""}
        assert set(e["participants"][:2]) <= actors | set(row["OtherActors"].split("; "))
        if len(e["participants"]) >= 2:
            assert {row["Actor1Kind"], row["Actor2Kind"]} == {"person"}
    assert any(r["EventCode"] for r in rows)
    talks = _talks(dossier)
    [row] = [r for r in rows if r["GLOBALEVENTID"] == talks["id"]]
    assert (row["SQLDATE"], row["EventCode"], row["IsDisputed"]) == ("20251126", "040", "1")
    assert {row["Actor1Name"], row["Actor2Name"]} == {"Vladimir Putin", "Sadyr Japarov"}
    assert row["ActionGeo_FullName"] == talks["place"]["name"]


# Article A is hostile everywhere the corpus lets a value start a cell; B is benign but for an
# outlet that is a plain negative number.
HOSTILE_RECORDS = [
    {
        "title": "Leaders meet in Paris",
        "source": '=HYPERLINK("http://evil.example/x","click")',
        "url": "+cmd|' /C calc'!A0\ttab\nnewline",
        "date_publish": "2025-03-12",
        "text": (
            "Prime Minister Keir Starmer met French President Emmanuel Macron in Paris on "
            "Tuesday, March 11, 2025, and the two leaders signed a defence agreement.\n\n"
            "@SUM(1+1)*cmd: trade between the two countries reached 3.5 billion euros in 2024, "
            "Starmer said.\n"
        ),
    },
    {
        "title": "Starmer and Macron hold talks",
        "source": "-3.5",
        "date_publish": "2025-03-12",
        "text": (
            "British Prime Minister Keir Starmer held talks with Emmanuel Macron in Paris on "
            "Tuesday, March 11, 2025. The leaders signed a defence agreement at the Elysee "
            "Palace.\n\nTrade between the two countries reached 3.6 billion euros last year, "
            "officials said.\n"
        ),
    },
]


def _assert_inert(cells: list[str]) -> None:
    for c in cells:
        assert not c.startswith(FORMULA_START) or NUMBER.fullmatch(c), repr(c)


def test_hostile_values_are_neutralised(tmp_path: Path) -> None:
    feed = tmp_path / "feed.json"
    feed.write_text(json.dumps(HOSTILE_RECORDS))
    db = str(tmp_path / "h.db")
    assert run_cli("build", str(feed), "--db", db).exit_code == 0
    out = {
        fmt: run_cli("report", "--db", db, "--format", fmt).stdout
        for fmt in ("events-csv", "claims-csv", "event-table")
    }

    _, events = _csv_rows(out["events-csv"])
    _, claims = _csv_rows(out["claims-csv"])
    _, table = _tsv_rows(out["event-table"], len(EVENT_TABLE_COLUMNS))
    assert events and claims and table
    for rows in (events, claims, table):
        _assert_inert([c for r in rows for c in r.values()])

    outlets = {r["outlet"] for r in claims}
    assert "-3.5" in outlets  # a plain negative number is data, left alone
    assert any(o.startswith("'=HYPERLINK(") for o in outlets)
    # the URL with a tab and a newline: kept whole in CSV (quoted), flattened in the TSV
    urls = [r["urls"] for r in events if "+cmd" in r["urls"]]
    assert urls and all(u.startswith("'+cmd|") and "\ttab\nnewline" in u for u in urls)
    sources = [r["SourceURLs"] for r in table if "+cmd" in r["SourceURLs"]]
    assert sources and all("A0 tab newline" in s for s in sources)
    quotes = [r["quote"] for r in claims if "@SUM" in r["quote"] or "+1)*cmd" in r["quote"]]
    assert quotes and all(not q.startswith(("@", "+")) for q in quotes)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('=HYPERLINK("http://x","y")', '\'=HYPERLINK("http://x","y")'),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("-3.5", "-3.5"),
        ("-1700", "-1700"),
        ("Bishkek", "Bishkek"),
        ("", ""),
    ],
)
def test_guard_cell(raw: str, expected: str) -> None:
    assert guard_cell(raw) == expected


def test_cell_formats_values() -> None:
    assert cell(-3.5) == "-3.5"
    assert cell(4100000000.0) == "4100000000"
    assert cell(13.6) == "13.6"
    assert cell(None) == ""
    assert cell(["Vladimir Putin", "Sadyr Japarov"]) == "Vladimir Putin; Sadyr Japarov"
    assert cell(["=evil", "x"]) == "'=evil; x"
