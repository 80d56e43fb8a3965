"""Explicit calendar dates as printed in news metadata, date lines and datelines.

This is deliberately narrow: it reads a date that is *written* ("November 26, 2025",
"26 Nov 2025", "2025-11-26", "Wed, 26 Nov 2025 10:00:00 GMT"). Relative expressions
("on Tuesday", "last year") belong to the temporal analysis, not to ingest.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from functools import cache

from corroborator import lexicon


@cache
def _names() -> tuple[dict[str, int], dict[str, int]]:
    data = lexicon.load("temporal.yaml")
    months = {name.lower(): int(num) for num, names in data["months"].items() for name in names}
    weekdays = {name.lower(): int(num) for num, names in data["weekdays"].items() for name in names}
    return months, weekdays


def _alt(names: list[str]) -> str:
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


@cache
def patterns() -> dict[str, re.Pattern[str]]:
    """Compiled date patterns; ``MONTH`` and ``WEEKDAY`` come from data/temporal.yaml."""
    months, weekdays = _names()
    month = rf"(?P<month>{_alt(list(months))})\.?"
    weekday = rf"(?:(?:{_alt(list(weekdays))})\.?,?\s+)?"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>(?:19|20)\d\d)"
    mdy = rf"{weekday}{month}\s+{day}(?:,?\s+{year})?"
    dmy = rf"{weekday}{day}\s+(?:of\s+)?{month},?(?:\s+{year})?"
    iso = r"(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)"
    dotted = r"(?P<dd>[0-3]?\d)\.(?P<mm>[01]?\d)\.(?P<yy>(?:19|20)\d\d)"
    flags = re.IGNORECASE
    return {
        "mdy": re.compile(mdy, flags),
        "dmy": re.compile(dmy, flags),
        "iso": re.compile(iso),
        "dotted": re.compile(dotted),
    }


def _valid(y: int | None, m: int, d: int) -> bool:
    try:
        date(y or 2000, m, d)  # 2000 is a leap year, so 29 February passes without a year
    except ValueError:
        return False
    return True


def parse_written_date(text: str) -> str | None:
    """The date ``text`` spells out in full, as ISO ``YYYY-MM-DD``; ``--MM-DD`` when no year is
    printed; ``None`` when ``text`` is not wholly a date (a trailing time or zone is allowed)."""
    s = text.strip().rstrip(".").strip()
    months, _ = _names()
    for key in ("iso", "dotted", "mdy", "dmy"):
        m = patterns()[key].match(s)
        if not m or not _rest_is_time(s[m.end() :]):
            continue
        if key == "iso":
            y, mo, d = (int(p) for p in m.group("iso").split("-"))
        elif key == "dotted":
            y, mo, d = int(m.group("yy")), int(m.group("mm")), int(m.group("dd"))
        else:
            mo = months[m.group("month").lower().rstrip(".")]
            d = int(m.group("day"))
            y = int(m.group("year")) if m.group("year") else 0
        if not _valid(y or None, mo, d):
            return None
        return f"{y:04d}-{mo:02d}-{d:02d}" if y else f"--{mo:02d}-{d:02d}"
    return None


_TIME_TAIL = re.compile(
    r"^\s*(?:[|,·–—-]|at)?\s*(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?)?"
    r"\s*(?:\(?(?:[A-Z]{2,5}|UTC[+-]?\d{0,2}|GMT[+-]?\d{0,2}|[+-]\d{2}:?\d{2})\)?)?\s*$",
    re.IGNORECASE,
)


def _rest_is_time(rest: str) -> bool:
    return bool(_TIME_TAIL.match(rest))


def parse_metadata_date(raw: str | None) -> str | None:
    """A publication date from a metadata field (ISO 8601, RFC 2822, or written out), or ``None``.

    The calendar date is kept as written (its own time zone), not converted to UTC.
    """
    if not raw:
        return None
    s = str(raw).strip()
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    if re.fullmatch(r"(?:19|20)\d\d-[01]\d-[0-3]\d[ T].*", s):
        return s[:10] if _valid(int(s[:4]), int(s[5:7]), int(s[8:10])) else None
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    written = parse_written_date(s)
    if written and not written.startswith("--"):
        return written
    return None
