"""Flat exports of the dossier for spreadsheets and event-data tools (see docs/exports.md).

* ``events-csv``: one CSV row per story event, with its dispute, sources and first quotes;
* ``claims-csv``: one CSV row per source value of each cross-checked claim;
* ``event-table``: a tab-separated event table in the GDELT/CAMEO spirit, one row per event.

Every value comes from news articles and is untrusted. A text cell that a spreadsheet would
read as a formula (it starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets
a leading ``'`` (OWASP, "CSV Injection"); plain numbers such as ``-3.5`` are left as they are.
In the tab-separated table, tabs and line breaks inside values become spaces, so that a row
is always one line.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from corroborator.report.views import first_mention

EVENTS_CSV_COLUMNS: tuple[str, ...] = (
    "story_id",
    "story_title",
    "event_id",
    "date",
    "date_end",
    "type",
    "subtype",
    "cameo",
    "plover",
    "status",
    "place",
    "participants",
    "disputed",
    "source_count",
    "independent_source_count",
    "mention_count",
    "article_ids",
    "source_paths",
    "languages",
    "urls",
    "quotes",
)

CLAIMS_CSV_COLUMNS: tuple[str, ...] = (
    "story_id",
    "claim_id",
    "subject",
    "period",
    "unit",
    "kind",
    "verdict",
    "independent_sources",
    "article_id",
    "source_path",
    "outlet",
    "language",
    "value_subject",
    "measure",
    "value",
    "low",
    "high",
    "qualifier",
    "text",
    "said_by",
    "quote",
    "start",
    "end",
)

EVENT_TABLE_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID",
    "StoryID",
    "SQLDATE",
    "SQLDATE_END",
    "DateISO",
    "Actor1Name",
    "Actor1Kind",
    "Actor2Name",
    "Actor2Kind",
    "OtherActors",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "PLOVER",
    "EventType",
    "EventSubtype",
    "ActionGeo_FullName",
    "Status",
    "IsDisputed",
    "NumMentions",
    "NumArticles",
    "NumSources",
    "SourceURLs",
)

# Characters that make a spreadsheet read a cell as a formula (OWASP "CSV Injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# A cell that is only a number ("-3.5", "+2", "1e-3") is data, not a formula.
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")
# Tab and every character Python's str.splitlines() breaks on: none may survive in a TSV cell.
_TSV_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")

LIST_SEP = "; "  # between the items of a list in one CSV cell
QUOTE_SEP = " | "  # between the quotes of different sources


def guard_cell(text: str) -> str:
    """``text`` made safe to open in a spreadsheet: a would-be formula gets a leading ``'``.

    >>> guard_cell('=HYPERLINK("http://x")'), guard_cell("-3.5"), guard_cell("Bishkek")
    ('\\'=HYPERLINK("http://x")', '-3.5', 'Bishkek')
    """
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def format_number(value: float) -> str:
    """A number as a cell: integral floats without ``.0`` (4100000000.0 → ``4100000000``)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


def cell(value: Any) -> str:
    """One dossier value as a guarded cell: null → empty, numbers as numbers, text guarded."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_number(value)
    if isinstance(value, list | tuple):
        return guard_cell(LIST_SEP.join(_plain(v) for v in value))
    return guard_cell(str(value))


def _plain(value: Any) -> str:
    """A value as text inside a larger cell (not guarded: only a cell's start matters)."""
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return format_number(value)
    return str(value)


def _distinct(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


class _Sources:
    """The dossier's articles by id, with their dependence groups."""

    def __init__(self, dossier: dict[str, Any]) -> None:
        self.articles: dict[str, dict[str, Any]] = {a["id"]: a for a in dossier["articles"]}

    def group(self, article_id: str) -> str:
        """The article's dependence group; an unlinked article is a group of its own."""
        article = self.articles.get(article_id) or {}
        return str(article.get("dependence_group") or article_id)

    def independent(self, article_ids: Iterable[str]) -> int:
        """How many distinct dependence groups ``article_ids`` come from."""
        return len({self.group(a) for a in article_ids})

    def field(self, article_id: str, name: str) -> Any:
        """A field of an article (``None`` for an article the dossier does not list)."""
        return (self.articles.get(article_id) or {}).get(name)

    def locator(self, article_id: str) -> str:
        """Where to read the article: its URL, else its source path, else its id."""
        return str(
            self.field(article_id, "url") or self.field(article_id, "source_path") or article_id
        )


def _event_articles(event: dict[str, Any]) -> list[str]:
    """The event's articles, in the order its mentions first cite them."""
    return _distinct(m["article"] for m in event["mentions"])


def _disputed(event: dict[str, Any]) -> str:
    """``date: 2025-11-26 [art_a, art_b] vs 2025-11-25 [art_c]``; conflicts joined by ``; ``."""
    return LIST_SEP.join(
        f"{c['field']}: "
        + " vs ".join(f"{_plain(v['value'])} [{', '.join(v['articles'])}]" for v in c["values"])
        for c in event["conflicts"]
    )


def _first_quotes(event: dict[str, Any]) -> str:
    """Each source's sentence on the event, the one the report quotes (a body sentence before
    the headline, background last): ``quote [art_…] | …``."""
    quoted = [(a, first_mention(event, a)) for a in _event_articles(event)]
    return QUOTE_SEP.join(f"{m['quote']} [{a}]" for a, m in quoted if m is not None)


def _csv(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180
    writer.writerow(columns)
    writer.writerows(rows)
    return buf.getvalue()


def _event_rows(dossier: dict[str, Any]) -> Iterator[list[str]]:
    sources = _Sources(dossier)
    for story in dossier["stories"]:
        for e in story["events"]:
            arts = _event_articles(e)
            yield [
                cell(story["id"]),
                cell(story["title"]),
                cell(e["id"]),
                cell(e["date"]),
                cell(e["date_end"]),
                cell(e["type"]),
                cell(e["subtype"]),
                cell(e["cameo"]),
                cell(e["plover"]),
                cell(e["status"]),
                cell(e["place"]["name"] if e["place"] else None),
                cell(e["participants"]),
                cell(_disputed(e)),
                cell(len(arts)),
                cell(sources.independent(arts)),
                cell(len(e["mentions"])),
                cell(arts),
                cell([sources.field(a, "source_path") or "" for a in arts]),
                cell([sources.field(a, "language") or "?" for a in arts]),
                cell(_distinct(u for a in arts if (u := sources.field(a, "url")))),
                cell(_first_quotes(e)),
            ]


def render_events_csv(dossier: dict[str, Any]) -> str:
    """CSV, one row per story event (columns :data:`EVENTS_CSV_COLUMNS`)."""
    return _csv(EVENTS_CSV_COLUMNS, _event_rows(dossier))


def _claim_rows(dossier: dict[str, Any]) -> Iterator[list[str]]:
    sources = _Sources(dossier)
    for story in dossier["stories"]:
        for c in story["claims"]:
            for v in c["values"]:
                yield [
                    cell(story["id"]),
                    cell(c["id"]),
                    cell(c["subject"]),
                    cell(c["period"]),
                    cell(c["unit"]),
                    cell(c["kind"]),
                    cell(c["verdict"]),
                    cell(c["independent_sources"]),
                    cell(v["article"]),
                    cell(sources.field(v["article"], "source_path")),
                    cell(sources.field(v["article"], "outlet")),
                    cell(sources.field(v["article"], "language")),
                    cell(v.get("subject")),
                    cell(v.get("measure")),
                    cell(v["value"]),
                    cell(v["low"]),
                    cell(v["high"]),
                    cell(v["qualifier"]),
                    cell(v["text"]),
                    cell(v["said_by"]),
                    cell(v["quote"]),
                    cell(v["start"]),
                    cell(v["end"]),
                ]


def render_claims_csv(dossier: dict[str, Any]) -> str:
    """CSV, one row per source value of each claim (columns :data:`CLAIMS_CSV_COLUMNS`)."""
    return _csv(CLAIMS_CSV_COLUMNS, _claim_rows(dossier))


def sql_date(date: str | None) -> str:
    """``YYYYMMDD`` of a date that names a day (``2025-11-26`` → ``20251126``), else empty."""
    m = _ISO_DAY.match(date or "")
    return "".join(m.groups()) if m else ""


def _ranked(named: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Names by how many articles name them, then how many mentions, then first appearance."""
    order = list(named)
    return sorted(
        order,
        key=lambda n: (-len({m["article"] for m in named[n]}), -len(named[n]), order.index(n)),
    )


def event_actors(event: dict[str, Any]) -> list[tuple[str, str]]:
    """The event's actors, ranked, each as ``(name, kind)``; kind is ``person`` or ``group``.

    People first: the event's participants (canonical people), the one named by the most
    articles (then mentions) ahead; ties go to the one its mentions name first. Then groups:
    the countries and organisations its mentions give as actors, ranked the same way. The
    ranking says who is most attested, not who acted on whom: unlike GDELT's Actor1/Actor2,
    the pair has no direction.
    """
    participants = set(event["participants"])
    people: dict[str, list[dict[str, Any]]] = {}
    groups: dict[str, list[dict[str, Any]]] = {}
    for m in event["mentions"]:
        for name in _distinct(m.get("participants", [])):
            if name in participants:
                people.setdefault(name, []).append(m)
        for name in _distinct(m.get("actors", [])):
            if name not in participants:
                groups.setdefault(name, []).append(m)
    for name in event["participants"]:  # named by no mention: last
        people.setdefault(name, [])
    return [(p, "person") for p in _ranked(people)] + [(g, "group") for g in _ranked(groups)]


def _tsv_cell(value: Any) -> str:
    return _TSV_BREAKS.sub(" ", cell(value))


def _table_rows(dossier: dict[str, Any]) -> Iterator[list[str]]:
    sources = _Sources(dossier)
    for story in dossier["stories"]:
        for e in story["events"]:
            arts = _event_articles(e)
            actors = event_actors(e)
            (a1, k1), (a2, k2) = [*actors, ("", ""), ("", "")][:2]
            code = e["cameo"] or ""
            span = "/".join(d for d in (e["date"], e["date_end"]) if d)
            row: list[Any] = [
                e["id"],
                story["id"],
                sql_date(e["date"]),
                sql_date(e["date_end"]),
                span,
                a1,
                k1,
                a2,
                k2,
                [name for name, _ in actors[2:]],
                code,
                code[:3],
                code[:2],
                e["plover"],
                e["type"],
                e["subtype"],
                e["place"]["name"] if e["place"] else None,
                e["status"],
                1 if e["conflicts"] else 0,
                len(e["mentions"]),
                len(arts),
                sources.independent(arts),
                ";".join(_distinct(sources.locator(a) for a in arts)),
            ]
            yield [_tsv_cell(v) for v in row]


def render_event_table(dossier: dict[str, Any]) -> str:
    """Tab-separated, one line per event (columns :data:`EVENT_TABLE_COLUMNS`), LF line ends."""
    buf = io.StringIO()
    writer = csv.writer(
        buf, delimiter="\t", quoting=csv.QUOTE_NONE, quotechar=None, lineterminator="\n"
    )
    writer.writerow(EVENT_TABLE_COLUMNS)
    writer.writerows(_table_rows(dossier))
    return buf.getvalue()


EXPORTS: dict[str, Callable[[dict[str, Any]], str]] = {
    "events-csv": render_events_csv,
    "claims-csv": render_claims_csv,
    "event-table": render_event_table,
}
