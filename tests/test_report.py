"""Reports treat article text as untrusted, and keep every entity traceable to its offsets."""

from __future__ import annotations

import json
from pathlib import Path

from corroborator.report import views

from .conftest import run_cli

HOSTILE = (
    '<script>alert("x")</script> Leaders met <img src=x onerror="alert(1)"> in the capital '
    'on Wednesday, " onmouseover="alert(2) and signed a deal. '
    '<a href="javascript:alert(3)">link</a>\n'
)


def test_hostile_article_renders_inert(tmp_path: Path) -> None:
    f = tmp_path / "evil.txt"
    f.write_text('<b onclick="alert(4)">Headline with "quotes" & tags</b>\n' + HOSTILE * 3)
    j = tmp_path / "evil.json"
    record = {
        "title": "<script>alert(5)</script>",
        "text": HOSTILE * 3,
        "url": "javascript:alert(6)",
        "source": '"><svg onload=alert(7)>',
    }
    j.write_text(json.dumps(record))
    db = tmp_path / "s.db"
    assert run_cli("build", str(f), str(j), "--db", str(db)).exit_code == 0
    html = run_cli("report", "--db", str(db), "--format", "html").stdout
    for needle in ("<script>alert", "<img src=x", "<svg onload", "<b onclick", 'href="javascript'):
        assert needle not in html
    assert "&lt;script&gt;alert" in html
    assert "Content-Security-Policy" in html
    md = run_cli("report", "--db", str(db), "--format", "md").stdout
    assert md.count("\n| ") >= 3  # table rows stay rows: pipes and newlines in titles are escaped


def _article(text: str, **analysis: list[dict[str, object]]) -> dict[str, object]:
    base: dict[str, list[dict[str, object]]] = {
        "claims": [],
        "events": [],
        "dates": [],
        "entities": [],
    }
    base.update(analysis)
    return {"id": "art_0123456789abcdef", "text": text, "analysis": {"sentences": [], **base}}


def test_article_view_escapes_marks_and_anchors() -> None:
    text = '<x> Putin & Japarov met. Trade hit $4.1 bn "> <b>'
    art = _article(
        text,
        entities=[
            {"text": "Putin", "label": "PERSON", "start": 4, "end": 9, "canonical": "V. Putin"},
            {"text": "$4.1 bn", "label": "MONEY", "start": 35, "end": 42},
        ],
        claims=[
            {
                "start": 35,
                "end": 42,
                "measure": "amount",
                "subject": "trade",
                "period": None,
                "said_by": None,
            }
        ],
        events=[
            {
                "trigger_start": 20,
                "trigger_end": 23,
                "type": "meeting",
                "status": "reported",
                "date": None,
                "place": '"><script>',
            }
        ],
    )
    art["analysis"]["sentences"] = [[0, 24], [25, len(text)]]  # type: ignore[index]
    view = views.article_view(art)
    html = str(view.html)
    assert html.startswith('<span class="s" id="s-art_0123456789abcdef-0">&lt;x&gt; ')
    assert '<mark id="q-art_0123456789abcdef-4-9" class="ent ent-PERSON"' in html
    # the figure wins over the MONEY entity on the same words
    assert 'class="claim" title="amount · trade">$4.1 bn</mark>' in html
    assert "&#34;&gt;&lt;script&gt;" in html and "<script>" not in html
    assert html.endswith("&#34;&gt; &lt;b&gt;</span>")
    assert view.target(35, 42) == "q-art_0123456789abcdef-35-42"
    assert view.target(27, 32) == "s-art_0123456789abcdef-25"  # not highlighted: its sentence
    assert view.target(None, None) == "art_0123456789abcdef"


def test_timeline_grid_marks_the_disputed_day() -> None:
    story = {
        "events": [
            {"date": "2025-11-25", "date_end": None, "status": "reported", "conflicts": []},
            {
                "date": "2025-11-26",
                "date_end": None,
                "status": "planned",
                "conflicts": [
                    {
                        "field": "date",
                        "values": [
                            {"value": "2025-11-26", "articles": ["a"]},
                            {"value": "2025-11-28", "articles": ["b"]},
                        ],
                    }
                ],
            },
            {"date": None, "date_end": None, "status": "reported", "conflicts": []},
        ]
    }
    grid = views.timeline_grid(story)
    assert grid["days"] == ["2025-11-25", "2025-11-26", "2025-11-27", "2025-11-28"]
    assert [r["cells"] for r in grid["rows"]] == [
        ["reported", "", "", ""],
        ["", "planned", "", "alt"],
        ["", "", "", ""],
    ]
    assert grid["rows"][2]["undated"]


def test_safe_url_only_links_web_addresses() -> None:
    assert views.safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", 'http://a"b'):
        assert views.safe_url(bad) is None


def test_markdown_quotes_both_sides_of_each_dispute(example_db: Path) -> None:
    md = run_cli("report", "--db", str(example_db), "--format", "md").stdout
    sections = [
        part.split("### Timeline")[0] for part in md.split("### Where the sources disagree")[1:]
    ]
    disputed = [s for s in sections if "No disagreement found." not in s]
    assert len(sections) == 2 and len(disputed) == 1
    section = disputed[0]
    assert "talks at Yntymak Ordo, date:" in section
    assert "  - 2025-11-26: “" in section and "  - 2025-11-25: “" in section
    assert "on Tuesday at the Yntymak Ordo" in section  # the dissenting sentence itself
    for side in ("some 1,700", "1,800", "Over 1,700"):
        assert f"  - {side}: “" in section


def _value(article: str, text: str, start: int, quote: str) -> dict[str, object]:
    return {
        "article": article,
        "text": text,
        "start": start,
        "end": start + len(text),
        "quote": quote,
        "qualifier": "exact",
        "said_by": None,
    }


def test_figure_rows_name_outlets_and_drop_repeats() -> None:
    arts = {
        "a": {"id": "a", "outlet": "Daily Ledger", "title": "Trade grows"},
        "b": {"id": "b", "outlet": None, "title": "Second report on trade"},
    }
    one = _value("a", "$4.1 billion", 10, "Trade reached $4.1 billion last year.")
    other = _value("b", "$4.1 billion", 5, "Trade hit $4.1 billion.")
    claim = {
        "subject": "trade",
        "period": "2024",
        "verdict": "corroborated",
        "independent_sources": 2,
        "values": [one, one, other],  # one span listed twice
    }
    story = {"claims": [claim, dict(claim)]}  # and the whole row twice
    rows = views.figure_rows(story, arts)
    assert len(rows) == 1
    assert [(v["outlet"], v["quote"]) for v in rows[0]["values"]] == [
        ("Daily Ledger", "Trade reached $4.1 billion last year."),
        ("Second report on trade", "Trade hit $4.1 billion."),  # no outlet: its title
    ]
    assert views.figure_rows({"claims": []}, arts) == []


def test_report_figures_show_outlet_and_sentence_and_no_empty_table(tmp_path: Path) -> None:
    records = {
        "ledger.json": (
            "https://www.dailyledger.example/trade",
            "Trade between the two neighbours reached $4.1 billion last year, the ministry said.",
        ),
        "courier.json": (
            "https://www.courier.example/trade-story",
            "The ministry said trade between the two neighbours reached $4.1 billion last year.",
        ),
    }
    for name, (url, text) in records.items():
        domain = url.split("/")[2].removeprefix("www.")
        record = {"url": url, "source_domain": domain, "date_publish": "2025-11-26"}
        record |= {"maintext": text, "language": "en"}
        (tmp_path / name).write_text(json.dumps(record))
    (tmp_path / "museum.txt").write_text(
        "A museum of painted tiles in Lisbon reopened its main gallery on Monday after a long "
        "renovation, and visitors queued along the river front to see the restored panels.\n"
    )
    db = tmp_path / "s.db"
    files = [str(tmp_path / n) for n in (*records, "museum.txt")]
    assert run_cli("build", *files, "--db", str(db)).exit_code == 0
    html = run_cli("report", "--db", str(db), "--format", "html").stdout
    md = run_cli("report", "--db", str(db), "--format", "md").stdout
    assert html.count("<h3>Figures and facts</h3>") == 1  # the museum story has no figures
    assert md.count("### Figures and facts") == 1
    assert 'class="by outlet">dailyledger.example<' in html
    assert "“Trade between the two neighbours reached $4.1 billion last year" in html
    assert "courier.example [en]: “The ministry said trade" in md
