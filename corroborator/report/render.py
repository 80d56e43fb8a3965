"""Render a dossier as JSON, Markdown or one self-contained HTML file.

Article text and metadata are untrusted: the HTML templates autoescape everything, and text
with highlights is assembled from escaped pieces only (:func:`views.article_view`).
"""

from __future__ import annotations

import json
from typing import Any

from jinja2 import ChoiceLoader, Environment, PackageLoader, select_autoescape

from corroborator.report import views
from corroborator.report.formats import FORMATS


def template_env(*extra_packages: str) -> Environment:
    """The Jinja environment for HTML: autoescaping on, and the view helpers as globals.
    ``extra_packages`` put their own ``templates`` folders first (the web explorer's pages)."""
    loaders = [PackageLoader(p, "templates") for p in (*extra_packages, "corroborator.report")]
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(["html", "j2"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        grid=views.timeline_grid,
        first_mention=views.first_mention,
        conflicts=views.conflict_count,
        label=views.label,
        safe_url=views.safe_url,
        figure_rows=views.figure_rows,
    )
    return env


def render_html(dossier: dict[str, Any]) -> str:
    """The dossier as one self-contained HTML page: stories, then every article with each
    extracted item highlighted; every value and event links to its sentence."""
    arts = {a["id"]: a for a in dossier["articles"]}
    article_views = {aid: views.article_view(a) for aid, a in arts.items()}
    names = {aid: views.label(a) for aid, a in arts.items()}

    def link(aid: str, start: int | None, end: int | None) -> str:
        view = article_views.get(aid)
        return "#" + (view.target(start, end) if view else aid)

    def header(story: dict[str, Any]) -> dict[str, Any]:
        return views.story_header(story, arts)

    shown = {**dossier, "stories": disagreements_first(dossier["stories"])}
    return (
        template_env()
        .get_template("report.html.j2")
        .render(d=shown, views=article_views, names=names, arts=arts, link=link, header=header)
    )


def disagreements_first(stories: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Stories in reading order: those with the most disagreements first, then by date."""
    return sorted(stories, key=lambda s: (-views.conflict_count(s), s["start"] or "", s["title"]))


def _by(value: dict[str, Any]) -> str:
    return f" — {value['said_by']}" if value.get("said_by") else ""


def _story_markdown(
    story: dict[str, Any], names: dict[str, str], arts: dict[str, dict[str, Any]]
) -> list[str]:
    lines = [f"## {_md(story['title'])}", ""]
    when = (
        story["start"] if story["start"] == story["end"] else f"{story['start']} – {story['end']}"
    )
    fix = story.get("span_correction")
    if fix:
        when = f"{when} (corrected by {_md(fix['author'])}, {fix['made_at'][:10]})"
    lines.append(
        f"{when or 'undated'} · {len(story['articles'])} article(s) · "
        f"{story['independent_sources']} independent source(s)"
    )
    disputes = [(e, c) for e in story["events"] for c in e["conflicts"]]
    conflicting = [c for c in story["claims"] if c["verdict"] == "conflicting"]
    lines += ["", "### Where the sources disagree", ""]
    if not disputes and not conflicting:
        lines.append("No disagreement found.")
    for e, c in disputes:
        sides = "; ".join(
            f"**{v['value']}** ({', '.join(names.get(a, a) for a in v['articles'])})"
            for v in c["values"]
        )
        place = f" at {e['place']['name']}" if e["place"] else ""
        lines.append(f"- {e['type'].replace('_', ' ')}{place}, {c['field']}: {sides}")
        for v in c["values"]:
            for a in v["articles"]:
                m = views.first_mention(e, a, c["field"], v["value"])
                if m is not None:
                    lines.append(f"  - {v['value']}: “{_md(m['quote'])}” ({names.get(a, a)})")
    for c in conflicting:
        sides = "; ".join(
            f"**{v['text']}**{_by(v)} ({names.get(v['article'], v['article'])})"
            for v in c["values"]
        )
        lines.append(
            f"- {_md(c['subject'])}{' (' + c['period'] + ')' if c['period'] else ''}: {sides}"
        )
        for v in c["values"]:
            where = names.get(v["article"], v["article"])
            lines.append(f"  - {v['text']}: “{_md(v['quote'])}” ({where})")
    lines += [
        "",
        "### Timeline",
        "",
        "| Date | Event | Status | Place | Who | Sources |",
        "|---|---|---|---|---|---|",
    ]
    for e in story["events"]:
        date = e["date"] or "—"
        if e["date_end"]:
            date += f" – {e['date_end']}"
        kind = e["type"].replace("_", " ") + (
            f" ({e['subtype'].replace('_', ' ')})" if e["subtype"] else ""
        )
        if e["conflicts"]:
            kind += " ⚠ disputed"
        sources = len({m["article"] for m in e["mentions"]})
        place = _md(e["place"]["name"]) if e["place"] else "—"
        lines.append(
            f"| {date} | {kind} | {e['status']} | {place} | "
            f"{_md(', '.join(e['participants'])) or '—'} | {sources} |"
        )
    rows = views.figure_rows(story, arts)
    if not rows:
        return lines
    lines += [
        "",
        "### Figures and facts",
        "",
        "| What | Period | Values | Verdict | Independent |",
        "|---|---|---|---|---|",
    ]
    for c in rows:
        values = "; ".join(
            f"{v['text']}{_by(v)} ({v['outlet']} [{_language(arts, v['article'])}]: "
            f"“{_short(v['quote'])}”)"
            for v in c["values"]
        )
        lines.append(
            f"| {_md(c['subject'] or '—')} | {c['period'] or '—'} | {_md(values)} | "
            f"{c['verdict'].replace('_', ' ')} | {c['independent_sources']} |"
        )
    lines.append("")
    return lines


def _language(arts: dict[str, Any], article: str) -> str:
    return str((arts.get(article) or {}).get("language") or "?")


def _short(sentence: str, limit: int = 160) -> str:
    """A sentence on one line, cut at ``limit`` characters."""
    flat = " ".join(sentence.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def render_markdown(dossier: dict[str, Any]) -> str:
    """The dossier as Markdown: each story (disagreements, timeline, figures), then sources."""
    lines = ["# Dossier", ""]
    articles = dossier["articles"]
    lines.append(f"{len(articles)} article(s), {len(dossier['stories'])} story(ies).")
    lines.append("")
    # each source named by its file and its language ("tass-1.txt [ru]")
    names = {
        a["id"]: a["source_path"].replace("\\", "/").rsplit("/", 1)[-1]
        + f" [{a.get('language') or '?'}]"
        for a in articles
    }
    for story in disagreements_first(dossier["stories"]):
        lines += _story_markdown(story, names, {a["id"]: a for a in articles})
    lines += ["", "## Sources", ""]
    lines.append("| # | Article | Outlet | Published | Based on | Language | Words |")
    lines.append("|---|---|---|---|---|---|---|")
    for i, a in enumerate(articles, 1):
        cells = [
            str(i),
            f"{_md(views.label(a))} (`{_md(a['source_path'])}`)",
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
        return render_html(dossier)
    from corroborator.report.exports import EXPORTS

    if fmt in EXPORTS:
        return EXPORTS[fmt](dossier)
    raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
