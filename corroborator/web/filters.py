"""What the desk narrows a page to: a story's events by status and claims by verdict; the
article list by outlet, language and story, sorted by a column. Query parameters, so a
filtered view is a link that can be shared."""

from __future__ import annotations

from typing import Any

VERDICTS = ("conflicting", "updated", "compatible", "corroborated", "single_source")
STATUSES = ("planned", "in_progress", "reported", "cancelled")
# Columns the article list sorts by, and the key each sorts on (missing values last).
SORTS = ("published", "outlet", "title", "language", "words")


def filter_story(story: dict[str, Any], verdict: str | None, status: str | None) -> dict[str, Any]:
    """``story`` with only the claims of ``verdict`` and the events of ``status`` (None keeps
    all); the counts the page shows of what was left out are under ``hidden``."""
    events = [e for e in story.get("events", []) if status is None or e.get("status") == status]
    claims = [c for c in story.get("claims", []) if verdict is None or c.get("verdict") == verdict]
    hidden = {
        "events": len(story.get("events", [])) - len(events),
        "claims": len(story.get("claims", [])) - len(claims),
    }
    return {**story, "events": events, "claims": claims, "hidden": hidden}


def filter_articles(
    articles: list[dict[str, Any]],
    *,
    outlet: str | None = None,
    language: str | None = None,
    story: str | None = None,
    sort: str | None = None,
    descending: bool = False,
) -> list[dict[str, Any]]:
    """The articles that match every filter given (outlet compared case-insensitively), sorted
    by ``sort`` (one of :data:`SORTS`; the stored order when None), missing values last."""
    folded = outlet.casefold() if outlet else None
    found = [
        a
        for a in articles
        if (folded is None or (a.get("outlet") or "").casefold() == folded)
        and (language is None or a.get("language") == language)
        and (story is None or a.get("story") == story)
    ]
    if sort is None:
        return found
    field = "word_count" if sort == "words" else sort
    present = [a for a in found if a.get(field) not in (None, "")]
    missing = [a for a in found if a.get(field) in (None, "")]
    present.sort(key=lambda a: str(a[field]).casefold() if field != "word_count" else a[field])
    if descending:
        present.reverse()
    return present + missing
