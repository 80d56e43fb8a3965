"""Russian temporal expressions: rules over the text and what each match means (a ``Sem``).

The words come from ``data/temporal_ru.yaml`` (months in every case, weekdays in the forms a
date takes, shift adjectives in every case and gender, units, parts of the day); only the shapes
are code. A match is the shared :class:`~.grammar.Match` and its meaning the shared
:class:`~.normalize.Sem`, so anchoring, year inference and the publication estimate are the
English ones. Prepositions that bound a date ("до", "к", "с") stay outside the match and are
recorded as the shared signal names ("until", "by", "from").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from typing import Any

from corroborator import lexicon, regex_needs
from corroborator.analyze.timex import values as v
from corroborator.analyze.timex.grammar import Match, choose
from corroborator.analyze.timex.normalize import Sem, TimexType
from corroborator.analyze.timex.normalize import cal_sem as _cal
from corroborator.analyze.timex.words import words


@dataclass(frozen=True)
class RuWords:
    """The Russian pack as lookup tables, keyed by lower-case text."""

    months: dict[str, int]
    month_abbreviations: dict[str, int]
    weekdays: dict[str, int]
    weekday_sets: dict[str, int]
    parts_of_day: dict[str, str]
    deictic: dict[str, int]
    shifts: dict[str, int]
    units: dict[str, str]
    numbers: dict[str, float]
    vague_numbers: frozenset[str]
    ago_words: frozenset[str]
    later_words: frozenset[str]
    point_modifiers: dict[str, str]
    duration_modifiers: dict[str, str]
    boundary_signals: dict[str, str]
    year_cues: frozenset[str]
    references: dict[str, str]
    seasons: dict[str, str]
    ordinals: dict[str, int]
    year_parts: dict[str, str]
    holidays: dict[str, str]
    frequencies: dict[str, str]
    forward_heads: frozenset[str]
    forward_cues: frozenset[str]
    backward_cues: frozenset[str]
    reporting_verbs: frozenset[str]
    length_numbers: dict[str, float]
    length_units: dict[str, str]
    last_words: frozenset[str]
    start_verbs: frozenset[str]
    end_verbs: frozenset[str]


def _invert(raw: dict[Any, list[str]], cast: Callable[[Any], Any] = str) -> dict[str, Any]:
    return {str(name).lower(): cast(key) for key, names in raw.items() for name in names}


def _lower(raw: dict[Any, Any]) -> dict[str, Any]:
    return {str(k).lower(): v for k, v in raw.items()}


def _set(raw: list[Any] | None) -> frozenset[str]:
    return frozenset(str(w).lower() for w in raw or [])


@cache
def ru_words() -> RuWords:
    """The Russian temporal pack, read once per process."""
    d = lexicon.load("temporal_ru.yaml")
    return RuWords(
        months=_invert(d["months"], int),
        month_abbreviations=_invert(d.get("month_abbreviations", {}), int),
        weekdays=_invert(d["weekdays"], int),
        weekday_sets=_invert(d.get("weekday_sets", {}), int),
        parts_of_day=_invert(d["parts_of_day"]),
        deictic=_invert(d["deictic"], int),
        shifts=_invert(d["shifts"], int),
        units=_invert(d["units"]),
        numbers={str(k).lower(): float(n) for k, n in d["numbers"].items()},
        vague_numbers=_set(d.get("vague_numbers")),
        ago_words=_set(d.get("ago_words")),
        later_words=_set(d.get("later_words")),
        point_modifiers=_lower(d.get("point_modifiers", {})),
        duration_modifiers=_lower(d.get("duration_modifiers", {})),
        boundary_signals=_lower(d.get("boundary_signals", {})),
        year_cues=_set(d.get("year_cues")),
        references=_invert(d.get("references", {})),
        holidays=_invert(d.get("fixed_holidays", {})),
        seasons=_invert(d.get("seasons", {})),
        ordinals=_invert(d.get("ordinals", {}), int),
        year_parts=_invert(d.get("year_parts", {})),
        frequencies=_lower(d.get("frequencies", {})),
        forward_heads=_set(d.get("forward_heads")),
        forward_cues=_set(d.get("forward_cues")),
        backward_cues=_set(d.get("backward_cues")),
        reporting_verbs=_set(d.get("reporting_verbs")),
        length_numbers={str(k).lower(): float(n) for k, n in d.get("length_numbers", {}).items()},
        length_units=_lower(d.get("length_units", {})),
        last_words=_set(d.get("last_words")),
        start_verbs=_set(d.get("start_verbs")),
        end_verbs=_set(d.get("end_verbs")),
    )


def _alt(names: object) -> str:
    items = sorted({str(n) for n in names}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in items)


# The word "год" after a year, in its cases and abbreviations ("2025 года", "в 2024 г.",
# "2024-2025 гг.", "в 2024-м году").
_YEAR_WORD = r"(?:-?м\s+)?(?:года|году|годом|год|гг?\.)"
_YEARS_WORD = r"(?:годах|годов|годы|годам|гг\.?)"


@cache
def _pieces() -> dict[str, str]:
    w = ru_words()
    month = _alt(w.months)
    month_d = _alt([*w.months, *w.month_abbreviations])
    units = [u for u, name in w.units.items() if name not in ("weekend",)]
    num = rf"\d{{1,3}}(?:[.,]\d+)?|{_alt([*w.numbers, *w.vague_numbers])}"
    return {
        "MONTH": rf"(?P<month>{month})",
        "MONTH2": rf"(?P<month2>{month})",
        "MONTHD": rf"(?P<month>{month_d})\.?",
        "MONTHD2": rf"(?P<month2>{month_d})\.?",
        "DAY": r"(?P<day>[0-3]?\d)(?:-?го)?(?!\d|[:.,]\d)",
        "DAY2": r"(?P<day2>[0-3]?\d)(?:-?го)?(?!\d|[:.,]\d)",
        "YEAR": r"(?P<year>(?:19|20)\d\d)(?![\d,.]\d)",
        "YEAR2": r"(?P<year2>(?:19|20)\d\d)(?![\d,.]\d)",
        "YW": rf"(?:\s*{_YEAR_WORD})",
        "YWS": rf"(?:\s*{_YEARS_WORD})",
        "WD": rf"(?P<wd>{_alt(w.weekdays)})",
        "WDSET": rf"(?P<wdset>{_alt(w.weekday_sets)})",
        "POD": rf"(?P<pod>{_alt(w.parts_of_day)})",
        "POD0": rf"(?P<pod0>{_alt(w.parts_of_day)})",
        "SHIFT": rf"(?P<shift>{_alt(w.shifts)})",
        "YSHIFT": rf"(?P<yshift>{_alt(w.shifts)})",
        "UNIT": rf"(?P<unit>{_alt(units)})",
        "NUM": rf"(?P<num>{num})",
        "DEICTIC": rf"(?P<deictic>{_alt(w.deictic)})",
        "AGO": rf"(?P<ago>{_alt(w.ago_words)})",
        "LATER": rf"(?P<later>{_alt(w.later_words)})",
        "REF": rf"(?P<ref>{_alt(w.references)})" if w.references else r"(?!)",
        "SEASON": rf"(?P<season>{_alt(w.seasons)})",
        "ORD": rf"(?P<ord>{_alt(w.ordinals)})",
        "PART": rf"(?P<part>{_alt(w.year_parts)})",
        "HOLIDAY": rf"(?P<holiday>{_alt(w.holidays)})" if w.holidays else r"(?!)",
        "FREQ": rf"(?P<freq>{_alt(w.frequencies)})" if w.frequencies else r"(?!)",
        "WEEKEND": rf"(?P<weekend>{_alt([u for u, n in w.units.items() if n == 'weekend'])})",
        "DASH": r"\s*[-–—]\s*",
        "HOUR": rf"(?P<hh>[012]?\d|{_alt([n for n, x in w.numbers.items() if x == int(x)])})",
        "HOURS": r"(?:час|часа|часов)(?:\s+(?P<mi>[0-5]?\d)\s+минут[а-я]*)?",
        "ZONE": r"\s+по\s+[а-яё]+(?:\s+времени)?",
        "LNUM": rf"(?P<lnum>\d{{1,2}}-|{_alt(w.length_numbers)})",
        "LUNIT": rf"(?P<lunit>{_alt(w.length_units)})[а-яё]*",
        "DORD": rf"(?P<dord>{_alt([*w.ordinals, *w.last_words])})",
    }


# A date after "в"/"во" or "на" (weekdays, weekends: "во вторник", "назначена на среду"), "с"
# (the start of "с … по …"): fixed-width lookbehinds, one per spelling.
_AFTER_V = r"(?:(?<=\bв\s)|(?<=\bво\s)|(?<=\bна\s))"
_AFTER_S = r"(?:(?<=\bс\s)|(?<=\bсо\s))"
_AFTER_BOUND = r"(?:(?<=\bдо\s)|(?<=\bс\s)|(?<=\bсо\s)|(?<=\bк\s)|(?<=\bко\s)|(?<=\bпо\s))"

# (name, template). Order only breaks ties between matches of equal length.
RULES: tuple[tuple[str, str], ...] = (
    ("iso", r"{YEAR}-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)"),
    ("dotted", r"(?P<b>[0-3]?\d)\.(?P<a>[01]\d)\.{YEAR}{YW}?"),
    (
        "dm_range",
        r"{DAY}(?:\s+{MONTHD})?{DASH}{DAY2}\s+{MONTHD2}(?:\s+{YEAR2}{YW}?)?",
    ),
    (
        "dm_range",
        _AFTER_S + r"{DAY}(?:\s+{MONTHD})?\s+по\s+{DAY2}\s+{MONTHD2}(?:\s+{YEAR2}{YW}?)?",
    ),
    ("month_range", r"{MONTH}{DASH}{MONTH2}(?:\s+{YEAR2}{YW}?)?"),
    ("month_range", _AFTER_S + r"{MONTH}\s+по\s+{MONTH2}(?:\s+{YEAR2}{YW}?)?"),
    ("year_range", r"{YEAR}{DASH}{YEAR2}{YWS}?"),
    # «в 2024/25 финансовом году», «2023-2024 финансовый год», «в 2024 финансовом году»: a
    # fiscal year (one, or one across two calendar years)
    (
        "fiscal_year",
        r"{YEAR}(?:(?:{DASH}|/)(?P<year2>(?:19|20)?\d\d)(?![\d,.]\d))?"
        r"\s+(?:финансов|фискальн)[а-яё]*\s+год[а-яё]*",
    ),
    ("year_range", _AFTER_S + r"{YEAR}\s+по\s+{YEAR2}{YWS}?"),
    (
        "dmy",
        r"(?:{POD0}\s+)?(?:{WD},?\s+)?{DAY}\s+{MONTHD}(?:\s+{YEAR}{YW}?)?(?:,?\s+{POD})?",
    ),
    ("my", r"{MONTH}\s+{YEAR}{YW}?"),
    ("my", r"{MONTH}\s+{YSHIFT}\s+(?:года|году)"),
    ("month", r"(?:{SHIFT}\s+)?{MONTH}(?!\s*\d)"),
    ("year", r"{YEAR}(?P<yw>{YW})?"),
    ("deictic", r"{DEICTIC}(?:,?\s+{POD})?"),
    ("deictic", r"{POD0}\s+{DEICTIC}"),
    ("weekday", _AFTER_V + r"(?:{SHIFT}\s+)?{WD}(?:\s+{POD})?"),
    ("weekday", r"{POD0}\s+(?:в|во)\s+{WD}"),
    ("weekday", _AFTER_BOUND + r"{WD}"),
    # the second of two coordinated weekdays ("в субботу и воскресенье"): kept only after one
    ("weekday", r"(?<=\sи\s){WD}(?:\s+{POD})?"),
    ("weekend", r"(?:(?<=\bв\s)|(?<=\bна\s))(?:{SHIFT}\s+)?{WEEKEND}"),
    ("shift_unit", r"{SHIFT}\s+{UNIT}"),
    ("ago", r"(?:{NUM}\s+)?{UNIT}\s+{AGO}"),
    ("later", r"{LATER}\s+(?:{NUM}\s+)?{UNIT}"),
    # "в 18 часов по московскому времени", "в 9 часов утра", "девять часов по Москве": a clock
    # time (after "в", with a part of the day or a time zone), not a duration
    # ("около двух часов" is about two hours; "около 18 часов" about six in the evening)
    ("clock", r"(?<=\bв\s){HOUR}\s+{HOURS}(?:\s+{POD}|{ZONE})?"),
    ("clock", r"(?<=\bоколо\s)(?P<hh>[012]?\d)\s+{HOURS}(?:\s+{POD}|{ZONE})?"),
    ("clock", r"{HOUR}\s+{HOURS}(?:\s+{POD}|{ZONE})"),
    ("duration", r"{NUM}\s+{UNIT}"),
    # "двухдневный", "5-дневного": a length (a number leads: "дневной" alone is "by day")
    ("length", r"{LNUM}{LUNIT}"),
    # "во второй день визита", "в последний день": a day of the span the article tells
    ("ordinal_day", r"{DORD}\s+(?:день|дня|дне)"),
    (
        "time",
        r"(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?!\d)(?:\s+по\s+[а-яё]+\s+времени)?",
    ),
    ("holiday", r"{HOLIDAY}(?:\s+{YEAR}{YW}?)?"),
    # "в третьем квартале 2025 года", "в первом полугодии прошлого года", "летом 2024 года",
    # "осенью", "в 1990-е годы"
    ("year_part", r"{ORD}\s+{PART}(?:\s+{YEAR}{YW}?|\s+{YSHIFT}\s+года)?"),
    ("season", r"(?:{SHIFT}\s+)?{SEASON}(?:\s+{YEAR}{YW}?|\s+{YSHIFT}\s+года)?"),
    ("decade", r"(?P<dec>(?:19|20)\d0)-?(?:е|х)(?:\s+(?:годы|годах|годов|гг\.?))?"),
    ("set", r"(?<=\bпо\s){WDSET}"),
    ("set", r"{FREQ}"),
    ("ref", r"{REF}"),
)


def _fill(template: str, pieces: dict[str, str]) -> str:
    return re.sub(r"\{([A-Z0-9]+)\}", lambda m: pieces[m.group(1)], template)


@cache
def _compiled() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], re.Pattern[str], re.Pattern[str]]:
    pieces = _pieces()
    rules = tuple(
        (name, re.compile(rf"(?<![\w])(?:{_fill(t, pieces)})(?![\w])", re.IGNORECASE))
        for name, t in RULES
    )
    w = ru_words()
    pmod = re.compile(rf"(?<![\w])(?P<mod>{_alt(w.point_modifiers)})\s+$", re.IGNORECASE)
    dmod = re.compile(rf"(?<![\w])(?P<mod>{_alt(w.duration_modifiers)})\s+$", re.IGNORECASE)
    return rules, pmod, dmod


_POINT_RULES = frozenset(
    {"dmy", "my", "month", "year", "shift_unit", "month_range", "year_range", "year_part",
     "season", "decade", "fiscal_year"}
)  # fmt: skip
_DURATION_RULES = frozenset({"duration"})
_MOD_REACH = 40  # characters searched before a match for its modifier and signal


def _widen(m: Match, text: str) -> Match:
    _, pmod_re, dmod_re = _compiled()
    w = ru_words()
    start = m.start
    before = text[max(0, start - _MOD_REACH) : start]
    pmod = dmod = None
    if m.rule in _POINT_RULES and (pm := pmod_re.search(before)):
        pmod = " ".join(pm.group("mod").lower().split())
        start -= len(before) - pm.start()
        before = text[max(0, start - _MOD_REACH) : start]
    if m.rule in _DURATION_RULES and (dm := dmod_re.search(before)):
        dmod = " ".join(dm.group("mod").lower().split())
        start -= len(before) - dm.start()
        before = text[max(0, start - _MOD_REACH) : start]
    signal = None
    last = re.search(r"(?:^|\s)((?:не\s+позднее|начиная\s+с)|[\w]+)\s+$", before)
    if last and m.rule not in ("dm_range", "month_range", "year_range"):
        signal = w.boundary_signals.get(" ".join(last.group(1).lower().split()))
    return Match(
        m.rule, start, m.end, text[start : m.end], m.groups, m.group_spans,
        pmod=pmod, dmod=dmod, signal=signal, before=before,
    )  # fmt: skip


@cache
def _needs() -> tuple[regex_needs.Needs, ...]:
    """What each rule needs in a text (:mod:`corroborator.regex_needs`)."""
    return tuple(regex_needs.needs(pattern) for _, pattern in _compiled()[0])


def _matches(text: str) -> list[tuple[int, Match]]:
    found = []
    # a rule whose needed words are nowhere in the text cannot match: it is not run at all
    folded, digit = regex_needs.fold(text), regex_needs.has_digit(text)
    for order, (name, pattern) in enumerate(_compiled()[0]):
        if not regex_needs.can_match(_needs()[order], folded, digit):
            continue
        for m in pattern.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in " ,":
                end -= 1
            # a full stop after a month is the sentence's, unless the month is abbreviated
            if text[end - 1 : end] == "." and not _abbreviated(text[m.start() : end - 1]):
                end -= 1
            if end == m.start():
                continue
            groups = {k: val for k, val in m.groupdict().items() if val is not None}
            spans = {k: m.span(k) for k in groups}
            found.append((order, Match(name, m.start(), end, text[m.start() : end], groups, spans)))
    return found


def _abbreviated(head: str) -> bool:
    last = re.search(r"(\w+)$", head)
    return bool(last) and last.group(1).lower() in ru_words().month_abbreviations  # type: ignore[union-attr]


def find(text: str, keep: Callable[[Match], bool]) -> list[tuple[Match, Sem]]:
    """The Russian time expressions of ``text`` with their meanings: longest first, no two
    overlapping, in text order (as :func:`.grammar.find`). ``keep`` refuses a match the parse
    shows is no time ("накануне визита": a preposition)."""
    return choose(_matches(text), lambda m: _widen(m, text), keep, meaning, refused_blocks=False)


# --- meanings --------------------------------------------------------------------------------


def _month(word: str | None) -> int | None:
    if not word:
        return None
    key = word.lower().rstrip(".")
    w = ru_words()
    return w.months.get(key) or w.month_abbreviations.get(key)


def _pod(word: str | None) -> str | None:
    code = ru_words().parts_of_day.get((word or "").lower())
    return f"T{code}" if code else None


def _valid(year: int | None, month: int, day: int) -> bool:
    try:
        date(year or 2000, month, day)
    except ValueError:
        return False
    return True


def _number(word: str | None) -> float | None:
    if word is None:
        return 1.0
    s = word.lower().replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return ru_words().numbers.get(s)


_GRAN = {"day": "day", "week": "week", "month": "month", "quarter": "quarter", "year": "year"}
_GRAN["decade"] = "decade"
_PLURAL_SHIFT = re.compile(r"(?:ие|ые|их|ых|ими|ыми|эти|этих)$")


def _num(m: Match, group: str) -> int | None:
    raw = m.g(group)
    return int(raw) if raw else None


def _absolute(sem: Sem) -> Sem:
    """A range end whose year is printed is a plain date ("25–27 ноября 2025 года")."""
    if sem.kind != "cal" or sem.year is None or sem.month is None:
        return sem
    value = v.fmt(date(sem.year, sem.month, sem.day or 1), sem.gran or "day")
    return Sem("abs", "DATE", value, sem.gran, note=sem.note)


def _dated(m: Match) -> Sem | None:
    r = m.rule
    if r == "iso":
        y, mo, d = int(m.g("year") or 0), int(m.g("mnum") or 0), int(m.g("dnum") or 0)
        if not (1 <= mo <= 12 and _valid(y, mo, d)):
            return None
        return Sem("abs", "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day", note="ISO date")
    if r == "dotted":
        y, mo, d = int(m.g("year") or 0), int(m.g("a") or 0), int(m.g("b") or 0)
        if not (1 <= mo <= 12 and _valid(y, mo, d)):
            return None
        return Sem("abs", "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day", note="numeric date")
    if r == "dmy":
        mon, d, yr = _month(m.g("month")), int(m.g("day") or 0), _num(m, "year")
        if mon is None or not _valid(yr, mon, d):
            return None
        tod = _pod(m.g("pod") or m.g("pod0"))
        typ: TimexType = "TIME" if tod else "DATE"
        if yr is not None:
            return Sem(
                "abs", typ, f"{yr:04d}-{mon:02d}-{d:02d}{tod or ''}", "day", note="full date"
            )
        wd = ru_words().weekdays.get((m.g("wd") or "").lower())
        return _cal(None, mon, d, wd, type=typ, tod=tod, note="day and month without a year")
    if r == "my":
        mon = _month(m.g("month"))
        if mon is None:
            return None
        if m.g("yshift"):
            off = ru_words().shifts[(m.g("yshift") or "").lower()]
            return Sem(
                "rel", "DATE", gran="month", unit="year", offset=off, month=mon,
                note="month of a year named relatively",
            )  # fmt: skip
        return Sem("abs", "DATE", f"{int(m.g('year') or 0):04d}-{mon:02d}", "month", note="month")
    if r == "month":
        mon = _month(m.g("month"))
        shift = ru_words().shifts.get((m.g("shift") or "").lower())
        return _cal(None, mon, shift=shift, note="month name") if mon else None
    if r == "year":
        prev = re.search(r"(\S+)\s*$", m.before)
        cue = prev.group(1).lower() if prev else ""
        if not m.g("yw") and cue not in ru_words().year_cues:
            return None  # a bare four-digit number is a count more often than a year
        return Sem("abs", "DATE", f"{int(m.g('year') or 0):04d}", "year", note="year")
    return None


def _range(m: Match) -> Sem | None:
    r = m.rule
    if r == "dm_range":
        mo2, d1, d2 = _month(m.g("month2")), int(m.g("day") or 0), int(m.g("day2") or 0)
        mo1, y = _month(m.g("month")) or mo2, _num(m, "year2")
        if mo1 is None or mo2 is None or not (_valid(y, mo1, d1) and _valid(y, mo2, d2)):
            return None
        if mo1 == mo2 and d2 <= d1:
            return None
        y1 = y - 1 if y and mo1 > mo2 else y
        begin: Sem = _cal(y1, mo1, d1, note="day and month")
        end: Sem = _cal(y, mo2, d2, note="day and month")
        note = "range of days"
    elif r == "month_range":
        mo1, mo2, y2 = _month(m.g("month")), _month(m.g("month2")), _num(m, "year2")
        if mo1 is None or mo2 is None or mo1 == mo2:
            return None
        y1 = (y2 if mo1 < mo2 else y2 - 1) if y2 else None
        begin, end = _cal(y1, mo1, note="month"), _cal(y2, mo2, note="month")
        note = "range of months"
    else:
        y1, y2 = int(m.g("year") or 0), int(m.g("year2") or 0)
        if not y1 < y2 <= y1 + 100:
            return None
        begin = Sem("abs", "DATE", f"{y1:04d}", "year", note="year")
        end = Sem("abs", "DATE", f"{y2:04d}", "year", note="year")
        note = "range of years"
    begin, end = _absolute(begin), _absolute(end)
    return Sem("range", "DATE", gran=begin.gran, begin=begin, end=end, note=note)


def _fiscal(m: Match) -> Sem | None:
    """«в 2024 финансовом году», «в 2024/25 финансовом году»: a fiscal year, one after the
    other when two are written (a two-digit second year takes the first one's century)."""
    y1 = int(m.g("year") or 0)
    if not m.g("year2"):
        return Sem("abs", "DATE", f"{y1:04d}", "year", note="fiscal year", fiscal=True)
    y2 = int(m.g("year2") or 0)
    if y2 < 100:
        y2 += y1 - y1 % 100
    if y2 != y1 + 1:
        return None
    begin = Sem("abs", "DATE", f"{y1:04d}", "year", note="year")
    end = Sem("abs", "DATE", f"{y2:04d}", "year", note="year")
    return Sem("range", "DATE", gran="year", begin=begin, end=end, note="fiscal year", fiscal=True)


def _relative(m: Match) -> Sem | None:
    w = ru_words()
    r = m.rule
    if r == "deictic":
        word = (m.g("deictic") or "").lower()
        tod = _pod(m.g("pod") or m.g("pod0"))
        return Sem(
            "rel", "TIME" if tod else "DATE", gran="day", unit="day", offset=w.deictic[word],
            tod=tod, note=f"'{word}'",
        )  # fmt: skip
    if r == "weekday":
        wd = w.weekdays.get((m.g("wd") or "").lower())
        if wd is None:
            return None
        coordinated = re.search(r"(\w+)\s+и\s+$", m.before)
        if m.before.endswith(" и ") and not (
            coordinated and coordinated.group(1).lower() in w.weekdays
        ):
            return None  # "Лидеры и пятница": no weekday before "и"
        shift = w.shifts.get((m.g("shift") or "").lower()) if m.g("shift") else None
        tod = _pod(m.g("pod") or m.g("pod0"))
        return _cal(weekday=wd, shift=shift, tod=tod, type="TIME" if tod else "DATE",
                    note="weekday")  # fmt: skip
    if r == "weekend":
        shift = w.shifts.get((m.g("shift") or "").lower()) if m.g("shift") else None
        return _cal(sub="WE", gran="weekend", shift=shift, note="weekend")
    unit = w.units.get((m.g("unit") or "").lower())
    if unit is None:
        return None
    if r == "shift_unit":
        shift_word = (m.g("shift") or "").lower()
        if unit not in _GRAN or _PLURAL_SHIFT.search(shift_word):
            return None  # "в ближайшие дни", "в последние годы": vague, not one unit
        if unit == "day":
            # "в этот день", "на следующий день": a day of the story, as "that day", "the
            # next day" (today and tomorrow are "сегодня", "завтра")
            return Sem(
                "anaphor", "DATE", gran="day", unit="day", offset=w.shifts[shift_word],
                note=f"'{shift_word} день'",
            )  # fmt: skip
        return Sem(
            "rel", "DATE", gran=_GRAN[unit], unit=unit, offset=w.shifts[shift_word],
            note=shift_word,
        )  # fmt: skip
    n = _number(m.g("num"))
    if r in ("ago", "later"):
        if unit not in _GRAN:
            return None
        if n is None:  # "несколько лет назад": some time ago
            return Sem("ref", "DATE", "PAST_REF" if r == "ago" else "FUTURE_REF", note="vague")
        if n != int(n) or n < 1:
            return None
        sign = -1 if r == "ago" else 1
        later_anaphor = (m.g("later") or "").lower() == "спустя"
        return Sem(
            "anaphor" if later_anaphor else "rel", "DATE", gran=_GRAN[unit], unit=unit,
            offset=sign * int(n), inherit=unit == "year", note=f"{int(n)} {unit}(s)",
        )  # fmt: skip
    return None


def _duration(m: Match) -> Sem | None:
    unit_name = ru_words().units.get((m.g("unit") or "").lower())
    unit = words().units.get(unit_name or "")
    n = _number(m.g("num"))
    if unit is None:
        return None
    if n is None:
        return Sem("dur", "DURATION", v.duration(None, unit.code, unit.time), note="vague")
    return Sem("dur", "DURATION", v.duration(n * unit.multiplier, unit.code, unit.time),
               note="duration")  # fmt: skip


def _length(m: Match) -> Sem | None:
    """An adjective of a length: "двухдневный" is P2D, "5-дневного" P5D."""
    w = ru_words()
    stem = (m.g("lunit") or "").lower()
    unit = words().units.get(next((u for s, u in w.length_units.items() if stem.startswith(s)), ""))
    lead = (m.g("lnum") or "").lower().rstrip("-")
    n = float(lead) if lead.isdigit() else w.length_numbers.get(lead, 0.0)
    if unit is None or not n:
        return None
    return Sem("dur", "DURATION", v.duration(n * unit.multiplier, unit.code, unit.time),
               note="length")  # fmt: skip


def _ordinal_day(m: Match) -> Sem | None:
    """ "во второй день" is day 2 of the span the article tells, "в последний день" its last."""
    w = ru_words()
    word = (m.g("dord") or "").lower()
    n = -1 if word in w.last_words else w.ordinals.get(word)
    if n is None:
        return None
    return Sem("ordday", "DATE", gran="day", offset=n, note=f"day {n} of the span")


def _other(m: Match) -> Sem | None:
    w = ru_words()
    if m.rule == "time":
        hh, mi = int(m.g("hh") or 0), int(m.g("mi") or 0)
        return Sem("anaphor", "TIME", gran="day", unit="day", tod=f"T{hh:02d}:{mi:02d}",
                   note="clock time")  # fmt: skip
    if m.rule == "set":
        if m.g("wdset"):
            return Sem("set", "SET", f"XXXX-WXX-{w.weekday_sets[m.g('wdset').lower()] + 1}",  # type: ignore[union-attr]
                       note="every weekday")  # fmt: skip
        return Sem("set", "SET", w.frequencies[(m.g("freq") or "").lower()], note="frequency")
    if m.rule == "clock":
        raw = (m.g("hh") or "").lower()
        hh = int(raw) if raw.isdigit() else int(w.numbers.get(raw, -1))
        code = w.parts_of_day.get((m.g("pod") or "").lower())
        if code in ("AF", "EV") and hh < 12:
            hh += 12  # "в 7 часов вечера"
        mi = int(m.g("mi") or 0)
        if not (0 <= hh <= 24 and mi < 60):
            return None
        return Sem("anaphor", "TIME", gran="day", unit="day", tod=f"T{hh:02d}:{mi:02d}",
                   note="clock time")  # fmt: skip
    if m.rule in ("year_part", "season"):
        if m.rule == "season":
            sub = w.seasons[(m.g("season") or "").lower()]
            gran = "season"
            if not (m.g("year") or m.g("yshift") or m.g("shift")) and not (
                m.g("season") or ""
            ).endswith(("ом", "ой", "ью")):
                return None  # a bare noun "лето", "зима": often not a time ("зима близко")
        else:
            letter = w.year_parts[(m.g("part") or "").lower()]
            n = w.ordinals[(m.g("ord") or "").lower()]
            if letter == "H" and n > 2:
                return None
            sub, gran = f"{letter}{n}", "quarter" if letter == "Q" else "half"
        year = _num(m, "year")
        if year is not None:
            return Sem("abs", "DATE", f"{year:04d}-{sub}", gran, note=gran)
        if m.g("yshift"):
            off = w.shifts[(m.g("yshift") or "").lower()]
            return Sem("rel", "DATE", gran=gran, unit="year", offset=off, sub=sub, note=gran)
        shift = w.shifts.get((m.g("shift") or "").lower()) if m.g("shift") else None
        return _cal(sub=sub, gran=gran, shift=shift, note=gran)
    if m.rule == "decade":
        return Sem("abs", "DATE", f"{int(m.g('dec') or 0) // 10:03d}", "decade", note="decade")
    if m.rule == "holiday":
        mon, day = (int(p) for p in w.holidays[" ".join((m.g("holiday") or "").lower().split())]
                    .lstrip("-").split("-"))  # fmt: skip
        year = _num(m, "year")
        if year is not None:
            return Sem("abs", "DATE", f"{year:04d}-{mon:02d}-{day:02d}", "day", note="holiday")
        return _cal(None, mon, day, note="holiday")
    if m.rule == "ref":
        key = " ".join((m.g("ref") or "").lower().split())
        return Sem("ref", "DATE", w.references[key], note=f"'{key}'")
    return None


_DISPATCH: dict[str, Callable[[Match], Sem | None]] = {
    "iso": _dated, "dotted": _dated, "dmy": _dated, "my": _dated, "month": _dated,
    "year": _dated, "dm_range": _range, "month_range": _range, "year_range": _range,
    "fiscal_year": _fiscal,
    "deictic": _relative, "weekday": _relative, "weekend": _relative,
    "shift_unit": _relative, "ago": _relative, "later": _relative, "duration": _duration,
    "length": _length, "ordinal_day": _ordinal_day,
    "time": _other, "clock": _other, "set": _other, "ref": _other, "holiday": _other,
    "year_part": _other, "season": _other, "decade": _other,
}  # fmt: skip


def meaning(m: Match) -> Sem | None:
    """The meaning of a Russian match, its modifiers and bounding signal applied."""
    fn = _DISPATCH.get(m.rule)
    sem = fn(m) if fn else None
    if sem is None:
        return None
    w = ru_words()
    mod = sem.mod
    if m.pmod:
        mod = w.point_modifiers.get(m.pmod, mod)
    if m.dmod:
        mod = w.duration_modifiers.get(m.dmod, mod)
    if m.signal and sem.type in ("DATE", "TIME") and mod is None and m.signal != "from":
        mod = words().boundary_signals.get(m.signal, mod)
    return replace(sem, mod=mod) if mod != sem.mod else sem


__all__ = ["RuWords", "find", "meaning", "ru_words"]
