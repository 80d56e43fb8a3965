"""What the HTML pages show, computed from the dossier: highlighted article text with an anchor
on every sentence and extracted item, story headers, source groups and the timeline grid.

Article text is untrusted: every piece of it goes through :func:`markupsafe.escape`, and the
only markup added is built here from fixed strings and escaped values.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from markupsafe import Markup, escape

# Which highlight wins where extracted items overlap: the figure being cross-checked, then the
# event trigger, then the date, then the entity (a "$4.1 billion" MONEY entity is a claim value).
_PRIORITY = {"claim": 0, "event": 1, "date": 2, "ent": 3}

# A story spanning at most this many days gets one timeline column per day; a longer one gets a
# column per distinct date only, so a story with one stray date years away stays readable.
# 21 days covers every multi-day visit, summit and trial week in the example corpora.
MAX_DAY_COLUMNS = 21

Link = Callable[[str, int | None, int | None], str]


def item_anchor(article_id: str, start: int, end: int) -> str:
    """The element id of the highlighted item at ``start``–``end`` of an article's text."""
    return f"q-{article_id}-{start}-{end}"


def sentence_anchor(article_id: str, start: int) -> str:
    """The element id of the sentence starting at ``start``."""
    return f"s-{article_id}-{start}"


@dataclass
class ArticleView:
    """An article's text as HTML, and the anchors it carries."""

    article_id: str
    html: Markup
    anchors: set[str] = field(default_factory=set)
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def target(self, start: int | None, end: int | None) -> str:
        """The anchor to link for the item at ``start``–``end``: the item's own highlight when
        it is shown, else the sentence holding it, else the article."""
        if start is None or end is None:
            return self.article_id
        own = item_anchor(self.article_id, start, end)
        if own in self.anchors:
            return own
        for s, e in self.sentences:
            if s <= start < e:
                return sentence_anchor(self.article_id, s)
        return self.article_id


def _items(article: dict[str, Any]) -> list[dict[str, Any]]:
    analysis = article.get("analysis") or {}
    items: list[dict[str, Any]] = []
    for c in analysis.get("claims", []):
        title = " · ".join(x for x in (c["measure"], c["subject"], c["period"], c["said_by"]) if x)
        items.append({"kind": "claim", "start": c["start"], "end": c["end"], "title": title})
    for e in analysis.get("events", []):
        if e["trigger_start"] is None or e["trigger_end"] is None:
            continue
        title = " · ".join(x for x in (e["type"], e["status"], e["date"], e["place"]) if x)
        items.append(
            {
                "kind": "event",
                "start": e["trigger_start"],
                "end": e["trigger_end"],
                "title": title,
                "cls": f"ev-{e['status']}",
            }
        )
    for t in analysis.get("dates", []):
        title = t["value"] or "unresolved date"
        items.append({"kind": "date", "start": t["start"], "end": t["end"], "title": title})
    for m in analysis.get("entities", []):
        title = m["label"] + (f" · {m['canonical']}" if m.get("canonical") else "")
        items.append(
            {
                "kind": "ent",
                "start": m["start"],
                "end": m["end"],
                "title": title,
                "cls": f"ent-{m['label']}",
            }
        )
    return items


def _choose(items: list[dict[str, Any]], length: int) -> list[dict[str, Any]]:
    """Non-overlapping items, higher priority first, then earlier and longer."""
    taken: list[dict[str, Any]] = []
    used: list[tuple[int, int]] = []
    ranked = sorted(items, key=lambda i: (_PRIORITY[i["kind"]], i["start"], -i["end"]))
    for item in ranked:
        s, e = item["start"], item["end"]
        if not 0 <= s < e <= length:
            continue
        if any(s < ue and us < e for us, ue in used):
            continue
        used.append((s, e))
        taken.append(item)
    return sorted(taken, key=lambda i: i["start"])


def article_view(article: dict[str, Any]) -> ArticleView:
    """``article``'s text with each sentence wrapped in an anchored span and each extracted item
    (figure, event trigger, date, entity) in an anchored ``<mark>``."""
    text: str = article["text"]
    aid: str = article["id"]
    analysis = article.get("analysis") or {}
    sentences = []
    for s, e in sorted(analysis.get("sentences", [])):
        while e > s and text[e - 1 : e].isspace():
            e -= 1  # a sentence's trailing newline stays outside its highlight
        if 0 <= s < e:
            sentences.append((int(s), int(e)))
    if not sentences:
        sentences = [(0, len(text))] if text else []
    marks = _choose(_items(article), len(text))
    view = ArticleView(aid, Markup(""), set(), sentences)
    out: list[str] = []
    pos = 0
    mi = 0
    for s_start, s_end in sentences:
        if s_start < pos:
            continue
        out.append(str(escape(text[pos:s_start])))
        sid = sentence_anchor(aid, s_start)
        out.append(f'<span class="s" id="{escape(sid)}">')
        cur = s_start
        while mi < len(marks) and marks[mi]["start"] < s_end:
            m = marks[mi]
            mi += 1
            if m["start"] < cur or m["end"] > s_end:
                continue  # crosses a sentence boundary: the sentence anchor stands in
            out.append(str(escape(text[cur : m["start"]])))
            mid = item_anchor(aid, m["start"], m["end"])
            cls = f"{m['kind']} {m.get('cls', '')}".strip()
            out.append(
                f'<mark id="{escape(mid)}" class="{escape(cls)}" title="{escape(m["title"])}">'
                f"{escape(text[m['start'] : m['end']])}</mark>"
            )
            view.anchors.add(mid)
            cur = m["end"]
        out.append(str(escape(text[cur:s_end])))
        out.append("</span>")
        pos = s_end
    out.append(str(escape(text[pos:])))
    view.html = Markup("".join(out))
    return view


def _ranked(names: list[str]) -> list[str]:
    counts = Counter(names)
    return [n for n, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def source_groups(story: dict[str, Any], articles: dict[str, dict[str, Any]]) -> list[list[str]]:
    """The story's articles grouped by dependence group (articles that are not independent of
    each other share a group); groups in order of first appearance."""
    groups: dict[str, list[str]] = {}
    for aid in story["articles"]:
        a = articles.get(aid, {})
        groups.setdefault(a.get("dependence_group") or aid, []).append(aid)
    return list(groups.values())


def _day(value: str | None) -> date | None:
    if not value or len(value) != 10:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def timeline_grid(story: dict[str, Any]) -> dict[str, Any]:
    """Days × events: each cell says whether the event happened (or is planned) that day by the
    story's resolution, or is put on that day by a disagreeing source (``alt``)."""
    spans: list[tuple[dict[str, Any], date | None, date | None, set[date]]] = []
    days: set[date] = set()
    # history the articles recall (a summit years before) is no day of the story's timeline
    for e in (e for e in story["events"] if not e.get("background")):
        first = _day(e["date"])
        last = _day(e["date_end"]) or first
        alt = {
            d
            for c in e["conflicts"]
            if c["field"] == "date"
            for v in c["values"]
            if (d := _day(str(v["value"]))) is not None and d != first
        }
        if first and last and last >= first:
            n = (last - first).days
            days.update(first + timedelta(i) for i in range(min(n, 366) + 1))
        days.update(alt)
        spans.append((e, first, last, alt))
    fix = story.get("span_correction")
    first_day, last_day = _day(fix and fix["start"]), _day(fix and fix["end"])
    if first_day and last_day and (last_day - first_day).days < MAX_DAY_COLUMNS:
        # the user's span of the story: its days are columns even where no event falls
        days.update(first_day + timedelta(i) for i in range((last_day - first_day).days + 1))
    ordered = sorted(days)
    if ordered and (ordered[-1] - ordered[0]).days < MAX_DAY_COLUMNS:
        ordered = [ordered[0] + timedelta(i) for i in range((ordered[-1] - ordered[0]).days + 1)]
    rows = []
    for e, first, last, alt in spans:
        cells = []
        for d in ordered:
            if first and last and first <= d <= last:
                cells.append(e["status"])
            elif d in alt:
                cells.append("alt")
            else:
                cells.append("")
        rows.append({"event": e, "cells": cells, "undated": first is None})
    return {
        "days": [d.isoformat() for d in ordered],
        "weekdays": [d.strftime("%a") for d in ordered],
        "rows": rows,
    }


def story_header(story: dict[str, Any], articles: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What a story's header shows: where, who, how many sources and how many independent."""
    own = [e for e in story["events"] if not e.get("background")]
    places = [e["place"]["name"] for e in own if e["place"]]
    people = [p for e in own for p in e["participants"]]
    groups = source_groups(story, articles)
    return {
        "places": _ranked(places),
        "participants": _ranked(people),
        "sources": len(story["articles"]),
        "groups": groups,
        "independent": story["independent_sources"],
        "conflicts": conflict_count(story),
    }


def conflict_count(story: dict[str, Any]) -> int:
    """Event-field disagreements plus conflicting claims."""
    return sum(len(e["conflicts"]) for e in story["events"]) + sum(
        1 for c in story["claims"] if c["verdict"] == "conflicting"
    )


def first_mention(
    event: dict[str, Any], article_id: str, field: str | None = None, value: Any = None
) -> dict[str, Any] | None:
    """``event``'s mention in ``article_id`` to quote: when a disputed ``field`` and ``value``
    are given, the first mention that gives that value (the sentence the side rests on), else
    the first mention in the article that is not background, else the first at all; a
    sentence of the body is preferred to the headline."""
    found: list[dict[str, Any]] = [m for m in event["mentions"] if m["article"] == article_id]
    # the article's own sentence on it before its headline (the first line), background last
    found.sort(key=lambda m: m.get("start") == 0)
    if field is not None:
        found.sort(key=lambda m: m.get(field) != value)
    found.sort(key=lambda m: bool(m.get("background")))
    return found[0] if found else None


def label(article: dict[str, Any]) -> str:
    """A short human name for an article: its title, else its first words."""
    if article.get("label"):
        return str(article["label"])
    if article.get("title"):
        return str(article["title"])
    words = str(article.get("text", "")).split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) address, else None: a ``javascript:`` or ``data:`` URL from
    an article's metadata is never made a link."""
    if not url:
        return None
    lowered = url.strip().lower()
    if lowered.startswith(("http://", "https://")) and not any(c in url for c in "\n\r\t\"'<>"):
        return url.strip()
    return None


def source_name(article: dict[str, Any] | None, fallback: str = "") -> str:
    """Who published ``article``: its outlet, else its short label (:func:`label`)."""
    if not article:
        return fallback
    return str(article.get("outlet") or label(article) or fallback)


def figure_rows(story: dict[str, Any], arts: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """The story's claims as rows of the figures table: each value with its outlet and its
    sentence; a value repeated within a claim (one article, one span) shown once, and a row
    that repeats an earlier one (same subject, period, verdict and values by the same
    outlets) left out. An empty list for a story without figures (no table is shown)."""
    rows: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()
    for c in story.get("claims", []):
        values: list[dict[str, Any]] = []
        spans: set[tuple[str, int, int]] = set()
        for v in c["values"]:
            span = (v["article"], v["start"], v["end"])
            if span in spans:
                continue
            spans.add(span)
            values.append({**v, "outlet": source_name(arts.get(v["article"]), v["article"])})
        key = (
            c["subject"],
            c["period"],
            c["verdict"],
            tuple(sorted((v["outlet"], v["text"]) for v in values)),
        )
        if not values or key in seen:
            continue
        seen.add(key)
        rows.append({**c, "values": values})
    return rows
