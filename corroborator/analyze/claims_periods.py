"""Reporting periods written as the first months of a year: "in the first nine months (of
2024)", «за девять месяцев», «за первые шесть месяцев текущего года».

Date expressions read them as durations (TimeML's P9M); a figure's period is the stretch of
the year they name, January to the Nth month ("2024-01/2024-09", the shape "January to
September" gets). Without a year they are read against the publication date, as "in the first
half" is: the latest such stretch that had ended by then (this year's when the Nth month is
over, else last year's), and "this year" / «текущего года» or "last year" / «прошлого года»
say which. Number words are data (``number_words`` in ``claims.yaml`` and ``claims_ru.yaml``).
"""

from __future__ import annotations

import re
from functools import cache

from corroborator import lexicon
from corroborator.model import TimeExpression

_THIS = r"this|the current|текущего|этого|нынешнего|сего"
_LAST = r"last|the previous|прошлого|минувшего|предыдущего"


@cache
def _pattern(language: str) -> re.Pattern[str]:
    if language == "ru":
        words = lexicon.load("claims_ru.yaml").get("month_counts", {})
        alt = "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))
        return re.compile(
            rf"(?<!\w)(?:за|в)\s+(?P<first>первы[еx]\s+)?(?P<n>\d{{1,2}}|{alt})\s+месяц\w*"
            rf"(?:\s+(?:(?P<y>(?:19|20)\d\d)\s*(?:г\.|года)|(?P<rel>{_THIS}|{_LAST})\s+года))?",
            re.IGNORECASE,
        )
    words = lexicon.load("claims.yaml").get("number_words", {})
    alt = "|".join(sorted((re.escape(str(w)) for w in words), key=len, reverse=True))
    return re.compile(
        rf"\b(?:in|during|over|for)\s+the\s+(?P<first>first\s+)(?P<n>\d{{1,2}}|{alt})\s+months"
        rf"(?:\s+of\s+(?:(?P<y>(?:19|20)\d\d)|(?P<rel>{_THIS}|{_LAST})\s+year|the\s+year))?",
        re.IGNORECASE,
    )


def _count(word: str, language: str) -> int | None:
    if word.isdigit():
        return int(word)
    pack = "claims_ru.yaml" if language == "ru" else "claims.yaml"
    key = "month_counts" if language == "ru" else "number_words"
    words = {str(k).lower(): v for k, v in (lexicon.load(pack).get(key) or {}).items()}
    value = words.get(word.lower().replace("ё", "е"))
    return int(value) if value is not None else None


def first_months(
    text: str, start: int, end: int, published: str | None, language: str, sentence_start: int
) -> list[tuple[int, int, str]]:
    """The first-months periods written between ``start`` and ``end``, as (start, end, period).
    In Russian "за N месяцев" is a period only when it says so: with "первые", a year, or
    opening its sentence (as a reporting period does); else it may be how long something took."""
    out: list[tuple[int, int, str]] = []
    for m in _pattern(language).finditer(text, start, end):
        n = _count(m.group("n"), language)
        if n is None or not 1 <= n <= 11:
            continue
        opening = not text[sentence_start : m.start()].strip()
        if not (m.group("first") or m.group("y") or m.group("rel") or opening):
            continue
        year = _year(m, n, published)
        if year is None:
            continue
        out.append((m.start(), m.end(), f"{year}-01/{year}-{n:02d}"))
    return out


def _year(m: re.Match[str], n: int, published: str | None) -> int | None:
    if m.group("y"):
        return int(m.group("y"))
    if not published or not re.match(r"\d{4}-\d\d", published):
        return None
    year, month = int(published[:4]), int(published[5:7])
    rel = (m.group("rel") or "").lower()
    if rel and re.fullmatch(_LAST, rel):
        return year - 1
    if rel:
        return year
    return year if month > n else year - 1


# A fiscal year's period: its calendar value marked, so that a figure for "FY2024-25" or "the
# 2024 fiscal year" never aligns with, nor contradicts, one for the calendar year 2024 (most
# fiscal years straddle two calendar years: April–March, July–June, October–September).
FISCAL = "FY"


def timex_period(t: TimeExpression) -> str:
    """The period a figure's date expression names: its value, marked when a fiscal year."""
    value = t.value or ""
    return FISCAL + value if t.fiscal else value
