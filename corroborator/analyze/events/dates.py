"""Date values as events use them: a TIMEX3 value's first and last day, day distances."""

from __future__ import annotations

import re
from datetime import date

from corroborator.model import TimeExpression

# An event dated this many days or more before the article's own date is history the article
# recalls, not part of its story: a state visit and its programme span under a week, and the
# seeds' background (a July meeting, an August call, a 2023 visit) lies months back.
BACKGROUND_DAYS = 14
DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTH_RE = re.compile(r"^\d{4}-\d{2}$")
YEAR_RE = re.compile(r"^\d{4}$")
_MONTH_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def date_bounds(value: str | None) -> tuple[str, str] | None:
    """First and last ISO day of a TIMEX3 date value at day, month or year granularity."""
    if not value:
        return None
    if DAY_RE.match(value):
        return value, value
    if MONTH_RE.match(value):
        y, m = int(value[:4]), int(value[5:7])
        leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
        last = 29 if m == 2 and leap else _MONTH_DAYS[m - 1]
        return f"{value}-01", f"{value}-{last:02d}"
    if YEAR_RE.match(value):
        return f"{value}-01-01", f"{value}-12-31"
    return None


def timex_dates(t: TimeExpression) -> tuple[str | None, str | None]:
    """The ``(date, date_end)`` an expression gives an event: a day, a month, a year or a range."""
    if t.type not in {"DATE", "TIME"}:
        return None, None
    if t.begin and t.end_value and date_bounds(t.begin) and date_bounds(t.end_value):
        return t.begin, t.end_value
    value = t.value
    if value and "T" in value:
        value = value.split("T")[0]
    if value and (DAY_RE.match(value) or MONTH_RE.match(value) or YEAR_RE.match(value)):
        return value, None
    weekend = _WEEKEND_RE.match(value or "")
    if weekend:
        # "over the weekend": its Saturday and Sunday (ISO week days 6 and 7). A whole week
        # ("last week") stays undated: seven days would pass for a visit's span in the story
        year, number = int(weekend.group(1)), int(weekend.group(2))
        try:
            begin = date.fromisocalendar(year, number, 6)
            end = date.fromisocalendar(year, number, 7)
        except ValueError:
            return None, None
        return begin.isoformat(), end.isoformat()
    return None, None


_WEEKEND_RE = re.compile(r"^(\d{4})-W(\d{2})-WE$")


def rank(t: TimeExpression) -> int:
    """How precisely ``t`` dates an event, for choosing among a clause's expressions: 0 for a
    day, 1 for a weekend or a month, 2 for a year, 3 for anything else."""
    if t.granularity == "weekend":
        return 1
    return granularity(timex_dates(t)[0])


def days_between(a: str, b: str) -> int:
    """Days from ISO day ``a`` to ISO day ``b``."""
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def granularity(value: str | None) -> int:
    """0 for a day, 1 for a month, 2 for a year, 3 for anything else (or nothing)."""
    if value and DAY_RE.match(value):
        return 0
    if value and MONTH_RE.match(value):
        return 1
    return 2 if value else 3
