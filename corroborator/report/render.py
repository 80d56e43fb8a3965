"""Render a dossier as JSON, Markdown or one self-contained HTML file.

Article text and metadata are untrusted: the HTML template autoescapes everything, and text
with highlights is assembled from escaped pieces only (:func:`highlight`).
"""

from __future__ import annotations

import json
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

FORMATS = ("json", "md", "html")


def highlight(text: str, spans: list[dict[str, Any]]) -> Markup:
    """``text`` as HTML with each non-overlapping span wrapped in ``<mark>``; all text escaped."""
    out: list[str] = []
    pos = 0
    for span in sorted(spans, key=lambda s: (s["start"], -s["end"])):
        start, end = span["start"], span["end"]
        if start < pos or end > len(text):
            continue
        out.append(str(escape(text[pos:start])))
        label = str(escape(span.get("label", "")))
        out.append(
            f'<mark class="ent ent-{label}" title="{label}">{escape(text[start:end])}</mark>'
        )
        pos = end
    out.append(str(escape(text[pos:])))
    return Markup("".join(out))


def _env() -> Environment:
    env = Environment(
        loader=PackageLoader("corroborator.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["highlight"] = highlight
    return env


def _label(article: dict[str, Any]) -> str:
    if article.get("title"):
        return str(article["title"])
    words = article.get("text", "").split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")


def render_markdown(dossier: dict[str, Any]) -> str:
    """The dossier as Markdown: sources first, then the stories (when linked)."""
    lines = ["# Dossier", ""]
    articles = dossier["articles"]
    lines.append(f"{len(articles)} article(s), {len(dossier['stories'])} story(ies).")
    lines += ["", "## Sources", ""]
    lines.append("| # | Article | Outlet | Published | Based on | Language | Words |")
    lines.append("|---|---|---|---|---|---|---|")
    for i, a in enumerate(articles, 1):
        cells = [
            str(i),
            f"{_md(_label(a))} (`{_md(a['source_path'])}`)",
            _md(a["outlet"] or "—"),
            _md(a["published"] or "unknown") + (" (inferred)" if a["published_inferred"] else ""),
            _md(", ".join(a["attributed_to"]) or "—"),
            _md(a["language"] or "?"),
            str(a["word_count"]),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    return "\n".join(lines)


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(dossier: dict[str, Any], fmt: str) -> str:
    """The dossier rendered in ``fmt`` (one of :data:`FORMATS`)."""
    if fmt == "json":
        return json.dumps(dossier, indent=2, ensure_ascii=False) + "\n"
    if fmt == "md":
        return render_markdown(dossier)
    if fmt == "html":
        return _env().get_template("report.html.j2").render(d=dossier, label=_label)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
