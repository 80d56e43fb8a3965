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
