"""Reports treat article text as untrusted, and keep every entity traceable to its offsets."""

from __future__ import annotations

import json
from pathlib import Path

from corroborator.report.render import highlight

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


def test_highlight_escapes_and_marks() -> None:
    text = "<x> Putin & Japarov"
    out = str(
        highlight(
            text, [{"start": 4, "end": 9, "label": "PERSON"}, {"start": 6, "end": 8, "label": "X"}]
        )
    )
    assert out == '&lt;x&gt; <mark class="ent ent-PERSON" title="PERSON">Putin</mark> &amp; Japarov'
