"""Calendar arithmetic and TIMEX3 value strings.

A *granularity* names the calendar unit a value is precise to: ``day``, ``week``, ``weekend``,
``month``, ``season``, ``quarter``, ``half``, ``year``, ``decade``, ``century``. Values follow
TIMEX3 (ISO 8601 with TimeML extensions): ``2025-11-26``, ``2025-W48``, ``2025-W48-WE``,
``2025-11``, ``2025-SU``, ``2025-Q3``, ``2025-H1``, ``2025``, ``199`` (a decade), ``19``
(a century); durations ``P3D``, ``PT2H``, ``PXY``; reference points ``PRESENT_REF``,
``PAST_REF``, ``FUTURE_REF``.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

# Meteorological seasons (northern hemisphere), as TimeML annotators use them: a season is
# named after the year its first month falls in (winter 1998 = Dec 1998 - Feb 1999).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` calendar months, the day clamped to the month's length."""
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    if not 1 <= year <= 9999:
        raise ValueError("year out of range")
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: date, unit: str, n: int) -> date:
    """``d`` moved by ``n`` units (day, week, weekend, month, season, quarter, half, year,
    decade, century)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    months = {"month": 1, "season": 3, "quarter": 3, "half": 6, "year": 12, "decade": 120}
    if unit in months:
        return add_months(d, months[unit] * n)
    if unit == "century":
        return add_months(d, 1200 * n)
    raise ValueError(f"unknown unit {unit!r}")


def season_of(d: date) -> tuple[int, str]:
    """The (year, code) of the season ``d`` falls in; January and February belong to the winter
    that began the December before."""
    if d.month in (12, 1, 2):
        return (d.year if d.month == 12 else d.year - 1), "WI"
    for code, start in SEASON_START.items():
        if start <= d.month < start + 3:
            return d.year, code
    raise AssertionError(d)


def fmt(d: date, gran: str) -> str:
    """The TIMEX3 value of the ``gran`` unit that contains ``d``."""
    if gran == "day":
        return d.isoformat()
    if gran in ("week", "weekend"):
        iso_year, week, _ = d.isocalendar()
        return f"{iso_year:04d}-W{week:02d}" + ("-WE" if gran == "weekend" else "")
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "season":
        year, code = season_of(d)
        return f"{year:04d}-{code}"
    if gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "half":
        return f"{d.year:04d}-H{(d.month - 1) // 6 + 1}"
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "decade":
        return f"{d.year // 10:03d}"
    if gran == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(f"unknown granularity {gran!r}")


def unit_start(d: date, gran: str) -> date:
    """The first day of the ``gran`` unit that contains ``d``."""
    if gran == "day":
        return d
    if gran in ("week", "weekend"):
        return d - timedelta(days=d.weekday())
    if gran == "month":
        return d.replace(day=1)
    if gran == "season":
        year, code = season_of(d)
        return date(year, SEASON_START[code], 1)
    if gran == "quarter":
        return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if gran == "half":
        return date(d.year, 1 if d.month <= 6 else 7, 1)
    if gran == "year":
        return date(d.year, 1, 1)
    if gran == "decade":
        return date(max(1, d.year - d.year % 10), 1, 1)
    if gran == "century":
        return date(max(1, d.year - d.year % 100), 1, 1)
    raise ValueError(f"unknown granularity {gran!r}")


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The ``nth`` ``weekday`` (0 = Monday) of a month; ``nth = -1`` is the last one."""
    days = [
        date(year, month, d)
        for d in range(1, calendar.monthrange(year, month)[1] + 1)
        if date(year, month, d).weekday() == weekday
    ]
    return days[nth - 1] if nth > 0 else days[nth]


def number_text(n: float) -> str:
    """A duration count as written in a value: ``3``, ``1.5``."""
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def duration(n: float | None, code: str, time_unit: bool = False) -> str:
    """A TIMEX3 duration: ``P3D``, ``PT2H``, ``PXY`` (``n`` None: an unknown count)."""
    count = "X" if n is None else number_text(n)
    return f"PT{count}{code}" if time_unit else f"P{count}{code}"


_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^(\d{4})$")


def parse_day(value: str | None) -> date | None:
    """The calendar day a value starts with (``2025-11-26``, ``2025-11-26T10:00``), or None."""
    m = _DAY.match(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def value_bounds(value: str | None) -> tuple[date, date] | None:
    """The first and last day a DATE value covers (day, month, year, quarter, half, season and
    week values), or None for anything else."""
    if not value:
        return None
    d = parse_day(value)
    if d:
        return d, d
    m = _MONTH.match(value)
    if m:
        y, mo = int(m.group(1)), int(m.group(2))
        if not 1 <= mo <= 12:
            return None
        return date(y, mo, 1), date(y, mo, calendar.monthrange(y, mo)[1])
    m = _YEAR.match(value)
    if m:
        y = int(m.group(1))
        return date(y, 1, 1), date(y, 12, 31)
    m = re.match(r"^(\d{4})-(Q|H)(\d)$", value)
    if m:
        y, size, k = int(m.group(1)), 3 if m.group(2) == "Q" else 6, int(m.group(3))
        first = date(y, size * (k - 1) + 1, 1)
        return first, add_months(first, size) - timedelta(days=1)
    m = re.match(r"^(\d{4})-(SP|SU|FA|WI)$", value)
    if m:
        first = date(int(m.group(1)), SEASON_START[m.group(2)], 1)
        return first, add_months(first, 3) - timedelta(days=1)
    m = re.match(r"^(\d{4})-W(\d\d)", value)
    if m:
        try:
            first = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        except ValueError:
            return None
        return first, first + timedelta(days=6)
    return None
