"""What a grammar match means, before anchoring: a :class:`Sem`.

A :class:`Sem` is either complete (``abs``: "September 1, 2023"; ``dur``: "three days";
``set``: "every year"; ``ref``: "now") or needs the anchor to become a value: a calendar date
missing its year or week (``cal``: "October 12", "Tuesday", "the third quarter"), a shift from
the anchor (``rel``: "last year", "two weeks ago"), a discourse reference (``anaphor``: "that
day", "the quarter", "a year earlier" in a report about a quarter), or the n-th day of a span
the article describes (``ordday``: "the second day"). Ranges hold two Sems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from corroborator.analyze.timex import values as v
from corroborator.analyze.timex.grammar import Match
from corroborator.analyze.timex.words import Unit, number, ordinal, words

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Kind = Literal["abs", "cal", "rel", "dur", "set", "ref", "range", "anaphor", "ordday"]


@dataclass(frozen=True)
class Sem:
    """The meaning of one expression; see the module docstring for the kinds."""

    kind: Kind
    type: TimexType
    value: str | None = None  # abs, dur, set, ref: the value itself
    gran: str | None = None  # the granularity of the resolved value
    year: int | None = None  # cal: the parts that are known
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    sub: str | None = None  # cal: Q1-Q4, H1-H2, SP/SU/FA/WI, WE (a weekend)
    nth: tuple[int, int, int] | None = None  # cal: a holiday as (month, weekday, n)
    shift: int | None = None  # cal: forced direction, -1 "last", +1 "next", 0 "this"
    tod: str | None = None  # a time of day appended to the date: "T09:00", "TMO"
    unit: str | None = None  # rel/anaphor: the calendar unit moved by
    offset: int = 0  # rel/anaphor: how many units (negative: back)
    begin: Sem | None = None  # range
    end: Sem | None = None
    mod: str | None = None  # TIMEX3 mod: START, END, MID, APPROX, LESS_THAN, ON_OR_BEFORE, …
    inherit: bool = False  # rel: takes the precision of the period just reported ("a year ago")
    note: str = ""  # what kind of expression, for the explanation
    # a fiscal (financial) year: the value names its calendar year(s), as TimeBank annotates
    # "fiscal 1989" 1989, but a figure's period is not that calendar year
    fiscal: bool = False


# --- small parsers ---------------------------------------------------------------------------


def _month(text: str | None) -> int | None:
    if not text:
        return None
    return words().months.get(text.lower().rstrip("."))


def _weekday(text: str | None) -> int | None:
    if not text:
        return None
    return words().weekdays.get(text.lower().rstrip("."))


def _year(text: str | None, context_year: int | None = None) -> int | None:
    if not text:
        return None
    y = int(text)
    if y < 100:  # a two-digit end year ("1988-89") takes the century of its start
        base = context_year if context_year is not None else 1900
        y += base - base % 100
        if context_year is not None and y < context_year:
            y += 100
    return y


def _valid_day(year: int | None, month: int, day: int) -> bool:
    from datetime import date

    try:
        date(year or 2000, month, day)  # 2000 is a leap year, so 29 February passes
    except ValueError:
        return False
    return True


def _shift_of(text: str | None) -> int | None:
    if not text:
        return None
    return words().shifts.get(" ".join(text.lower().split()))


def _unit(text: str | None) -> Unit | None:
    if not text:
        return None
    return words().units.get(text.lower())


_GRAN_OF_UNIT = {
    "day": "day",
    "night": "day",
    "week": "week",
    "weekend": "weekend",
    "fortnight": "week",
    "month": "month",
    "quarter": "quarter",
    "half": "half",
    "year": "year",
    "decade": "decade",
    "century": "century",
}


def _pod(text: str | None) -> str | None:
    if not text:
        return None
    code = words().parts_of_day.get(text.lower().replace("mid-", "").replace("mid", ""))
    return f"T{code}" if code else None


def _clock(hh: str | None, mi: str | None, ampm: str | None) -> str | None:
    if hh is None:
        return None
    h = int(hh)
    m = int(mi) if mi else 0
    if ampm:
        pm = ampm.lower().startswith("p")
        if not 1 <= h <= 12:
            return None
        h = (h % 12) + (12 if pm else 0)
    if not (0 <= h <= 24 and 0 <= m < 60):
        return None
    return f"T{h:02d}:{m:02d}"


def cal_sem(
    year: int | None = None,
    month: int | None = None,
    day: int | None = None,
    weekday: int | None = None,
    *,
    type: TimexType = "DATE",
    gran: str | None = None,
    sub: str | None = None,
    nth: tuple[int, int, int] | None = None,
    shift: int | None = None,
    tod: str | None = None,
    mod: str | None = None,
    note: str = "",
) -> Sem:
    """A calendar expression with the parts the text gives."""
    if gran is None:
        gran = "day" if day is not None or weekday is not None else "month" if month else "year"
    return Sem(
        kind="cal", type=type, gran=gran, year=year, month=month, day=day, weekday=weekday,
        sub=sub, nth=nth, shift=shift, tod=tod, mod=mod, note=note,
    )  # fmt: skip


# --- the rules -------------------------------------------------------------------------------


def _date_parts(m: Match, second: bool = False) -> tuple[int | None, int | None, int | None]:
    sfx = "2" if second else ""
    month = _month(m.g("month" + sfx))
    day = int(m.g("day" + sfx) or 0) or None
    year = _year(m.g("year" + sfx))
    return year, month, day


def _explicit(m: Match) -> Sem | None:
    r = m.rule
    if r == "iso":
        y, mo, d = int(m.g("year") or 0), int(m.g("mnum") or 0), int(m.g("dnum") or 0)
        if not (1 <= mo <= 12 and _valid_day(y, mo, d)):
            return None
        tod = _clock(m.g("hh"), m.g("mi"), None)
        if tod:
            return Sem("abs", "TIME", f"{y:04d}-{mo:02d}-{d:02d}{tod}", "time", note="ISO time")
        return Sem("abs", "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day", note="ISO date")
    if r in ("slash", "dotted"):
        a, b = int(m.g("a") or 0), int(m.g("b") or 0)
        yraw = m.g("y") or m.g("year") or ""
        y = int(yraw) + (1900 if len(yraw) == 2 and int(yraw) > 30 else 0)
        y += 2000 if len(yraw) == 2 and y < 100 else 0
        mo, d = (a, b) if r == "slash" and a <= 12 else (b, a)
        if not (1 <= mo <= 12 and _valid_day(y, mo, d)):
            return None
        return Sem("abs", "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day", note="numeric date")
    if r == "my" and m.g("yshift"):
        month = _month(m.g("month"))
        yshift = _shift_of(m.g("yshift"))
        if month is None or yshift is None:
            return None
        return Sem(
            "rel", "DATE", gran="month", unit="year", offset=yshift, month=month,
            note="month of a year named relatively",
        )  # fmt: skip
    if r in ("mdy", "dmy", "my"):
        year, month, day = _date_parts(m)
        if month is None or (day is not None and not _valid_day(year, month, day)):
            return None
        wd = _weekday(m.g("wd"))
        if year is not None:
            if day is None:
                return Sem("abs", "DATE", f"{year:04d}-{month:02d}", "month", note="month and year")
            value = f"{year:04d}-{month:02d}-{day:02d}"
            return Sem("abs", "DATE", value, "day", note="full date")
        return cal_sem(None, month, day, wd, note="day and month without a year")
    if r == "month":
        month = _month(m.g("month"))
        if month is None:
            return None
        return cal_sem(None, month, shift=_shift_of(m.g("shift")), note="month name")
    return None


def _range(m: Match) -> Sem | None:
    r = m.rule
    if r in ("md_range", "dm_range"):
        y1, mo1, d1 = _date_parts(m)
        y2, mo2, d2 = _date_parts(m, second=True)
        mo1 = mo1 or mo2
        mo2 = mo2 or mo1
        y1 = y1 or y2
        if mo1 is None or mo2 is None or d1 is None or d2 is None:
            return None
        y2 = y2 or y1
        if not (_valid_day(y1, mo1, d1) and _valid_day(y2, mo2, d2)):
            return None
        if y1 is None and mo2 == mo1 and d2 < d1:
            return None  # "30 to 2 June" is not a range of days
        begin = cal_sem(y1, mo1, d1, _weekday(m.g("wd")), note="day and month")
        end = cal_sem(y2, mo2, d2, _weekday(m.g("wd2")), note="day and month")
        note = "range of days"
    elif r == "month_range":
        y1, mo1, _ = _date_parts(m)
        y2, mo2, _ = _date_parts(m, second=True)
        if mo1 is None or mo2 is None:
            return None
        y1 = y1 or (y2 if mo1 <= mo2 else (y2 - 1 if y2 else None))
        begin = cal_sem(y1, mo1, note="month")
        end = cal_sem(y2 or (y1 if y1 and mo1 <= mo2 else None), mo2, note="month")
        note = "range of months"
    elif r == "year_range":
        y1 = _year(m.g("year"))
        y2 = _year(m.g("year2"), y1)
        if y1 is None or y2 is None or not y1 < y2 <= y1 + 100:
            return None
        begin = Sem("abs", "DATE", f"{y1:04d}", "year", note="year")
        end = Sem("abs", "DATE", f"{y2:04d}", "year", note="year")
        note = "range of years"
        if m.g("fiscal") or m.g("fy") or m.g("fyafter"):
            if y2 != y1 + 1:
                return None  # one fiscal year spans two calendar years, one after the other
            note = "fiscal year"
    else:
        return None
    return Sem(
        "range",
        "DATE",
        gran=begin.gran,
        begin=begin,
        end=end,
        note=note,
        fiscal=note == "fiscal year",
    )


def _time(m: Match) -> Sem | None:
    clock = m.g("clock")
    pod_word = m.g("pod")
    tod: str | None
    if clock:
        tod = "T" + words().clock_words[" ".join(clock.lower().split())]
    elif pod_word and not m.g("ampm"):
        # "4 in the morning", "6 in the evening"
        pm = pod_word.lower() != "morning"
        tod = _clock(m.g("hh"), None, "pm" if pm else "am")
    else:
        tod = _clock(m.g("hh"), m.g("mi"), m.g("ampm"))
    if tod is None:
        return None
    if m.g("dmonth"):
        mo = _month(m.g("dmonth"))
        d = int(m.g("dday") or 0)
        if mo is None or not _valid_day(None, mo, d):
            return None
        return cal_sem(None, mo, d, type="TIME", tod=tod, note="clock time on a date")
    day = (m.g("dayword") or "").lower()
    if day in ("today", "tonight", "yesterday", "tomorrow"):
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[day]
        return Sem("rel", "TIME", gran="day", unit="day", offset=offset, tod=tod, note="clock time")
    wd = _weekday(m.g("wd"))
    if wd is not None:
        return cal_sem(weekday=wd, type="TIME", tod=tod, note="clock time on a weekday")
    return Sem("anaphor", "TIME", gran="day", unit="day", tod=tod, note="clock time")


def _deictic(m: Match) -> Sem | None:
    word = " ".join((m.g("deictic") or m.g("podshift") or "").lower().split())
    pod = _pod(m.g("pod"))
    offsets = {
        "today": 0,
        "tonight": 0,
        "this": 0,
        "yesterday": -1,
        "last": -1,
        "tomorrow": 1,
        "the day before yesterday": -2,
        "the day after tomorrow": 2,
    }
    if m.rule == "pod" and not word:
        # "the morning", "overnight": a part of the day the story is about
        return Sem("anaphor", "TIME", gran="day", unit="day", tod=pod, note="part of the day")
    if word not in offsets:
        return None
    if word == "tonight":
        pod = pod or "TNI"
    if word == "last" and pod is None:
        return None
    # "this morning", "yesterday afternoon" are times of a day; "tonight" is the day (TimeML)
    typ: TimexType = "TIME" if pod and word != "tonight" else "DATE"
    return Sem("rel", typ, gran="day", unit="day", offset=offsets[word], tod=pod, note=f"'{word}'")


def _weekday_sem(m: Match) -> Sem | None:
    wd = _weekday(m.g("wd"))
    if wd is None:
        return None
    pod = _pod(m.g("pod"))
    shift = _shift_of(m.g("shift"))
    return cal_sem(weekday=wd, shift=shift, tod=pod, note="weekday")


def _set(m: Match) -> Sem | None:
    w = words()
    if m.rule == "weekday_set":
        wd = _weekday((m.g("wd") or "").rstrip("sS") if not m.g("setq") else m.g("wd"))
        if wd is None:
            return None
        pod = _pod(m.g("pod")) or ""
        return Sem("set", "SET", f"XXXX-WXX-{wd + 1}{pod}", note="every weekday")
    if m.rule == "month_set":
        mo = _month(m.g("month"))
        return Sem("set", "SET", f"XXXX-{mo:02d}", note="every month name") if mo else None
    if m.g("freq"):
        return Sem("set", "SET", w.frequencies[m.g("freq").lower()], note="frequency word")  # type: ignore[union-attr]
    unit = _unit(m.g("unit"))
    if unit is None or unit.code == "WE":
        return None
    n = number(m.g("num") or "1") or 1
    n *= unit.multiplier * (2 if m.g("other") else 1)
    if m.rule == "set_per":
        return Sem("set", "SET", v.duration(n, unit.code, unit.time), note="rate per unit")
    return Sem("set", "SET", v.duration(n, unit.code, unit.time), note="every unit")


def _decade_century(m: Match) -> Sem | None:
    if m.rule == "decade":
        if m.g("decword"):
            dec10 = words().decade_words[(m.g("decword") or "").lower()]
            return Sem("abs", "DATE", f"{dec10:03d}", "decade", note="decade")
        if m.g("dec"):
            dec = int(m.g("dec") or 0)
        else:
            yy = int(m.g("dec2") or 0)
            dec = 1900 + yy  # "the '80s": the century of the text is assumed to be the 1900s
        return Sem("abs", "DATE", f"{dec // 10:03d}", "decade", note="decade")
    n = ordinal(m.g("ord") or "")
    if n is None or not 1 <= n <= 30:
        return None
    return Sem("abs", "DATE", f"{n - 1:02d}", "century", note="century")


def _quarter(m: Match) -> Sem | None:
    if m.rule == "quarters":
        # "the first two quarters" = the first half; "the first three quarters" = P9M
        n = number(m.g("num") or "")
        first = (m.g("qord") or "").lower() == "first"
        y = _year(m.g("year"))
        if n == 2 and first:
            if y:
                return Sem("abs", "DATE", f"{y:04d}-H1", "half", note="first half")
            return cal_sem(sub="H1", gran="half", note="first half")
        return Sem("dur", "DURATION", v.duration(3 * (n or 0), "M"), note="quarters")
    qcode = (m.g("qcode") or "").upper()
    if qcode:
        if qcode[0] == "H" and qcode[1] not in "12":
            return None
        gran = "quarter" if qcode[0] == "Q" else "half"
        y = _year(m.g("year"))
        if y:
            return Sem("abs", "DATE", f"{y:04d}-{qcode}", gran, note=gran)
        if qcode[0] == "H":
            return None  # a bare "H1" is more often a name than a half-year
        return cal_sem(sub=qcode, gran=gran, note=gran)
    unit = (m.g("qunit") or "").lower()
    pre = " ".join((m.g("pre") or "").lower().replace("-", " ").split())
    qord = (m.g("qord") or "").lower()
    if not qord and pre.split()[-1:] in (["last"], ["final"]):
        # "the last half of 1989": the prefix took the ordinal
        qord, pre = pre.split()[-1], " ".join(pre.split()[:-1])
    year = _year(m.g("qyear") or m.g("year"))
    yshift = _shift_of((m.g("yshift") or m.g("yshift2") or "").replace("the ", ""))
    year_ago = "year ago" in pre or "year earlier" in pre
    sub: str | None
    if unit == "half":
        k = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "last": 2, "final": 2}.get(qord)
        if k is None:
            return None
        sub = f"H{k}"
        gran = "half"
    else:
        k = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(qord)
        k = k or {"fourth": 4, "4th": 4, "final": 4}.get(qord)
        sub = f"Q{k}" if k else None
        gran = "quarter"
        if unit == "period" and not (pre or year):
            return None  # a bare "period" is not a time
        named = pre or year or m.g("yshift2") or m.text.lower().startswith("the")
        if sub is None and not named:
            return None  # "a quarter of the shares"
    words_pre = set(pre.split())
    if sub is None:
        # "the quarter", "the latest quarter", "the year-ago period", "the 1988 quarter": the
        # quarter the story reports (mode "ref") or one counted from the anchor ("anchor")
        if m.g("yshift2") and yshift is not None:
            mode, offset = "ref", 4 * yshift  # "last year's quarter": the same one a year back
        elif year_ago or m.g("qago") or words_pre & {"comparable", "corresponding"}:
            mode, offset = "ref", -4
        elif words_pre & {"latest", "last", "previous", "prior", "past", "recent", "ended"}:
            mode, offset = "anchor", -1
        elif words_pre & {"current"}:
            mode, offset = "anchor", 0
        elif words_pre & {"next", "coming"}:
            mode, offset = "anchor", 1
        else:
            mode, offset = "ref", 0
        return Sem(
            "anaphor", "DATE", gran=gran, unit="quarter", offset=offset, sub=mode, year=year,
            note=f"the {unit} the story reports",
        )  # fmt: skip
    if year is not None:
        return Sem("abs", "DATE", f"{year:04d}-{sub}", gran, note=f"{unit} of a year")
    if yshift is not None:
        return Sem("rel", "DATE", gran=gran, unit="year", offset=yshift, sub=sub, note=unit)
    shift = None
    if words_pre & {"last", "previous", "prior", "past"}:
        shift = -1
    if words_pre & {"next", "coming"}:
        shift = 1
    if year_ago:
        return Sem("anaphor", "DATE", gran=gran, unit="year", offset=-1, sub=sub, note=unit)
    return cal_sem(sub=sub, gran=gran, shift=shift, note=unit)


def _fiscal(m: Match) -> Sem | None:
    y = _year(m.g("year"))
    if y is None and m.g("fyy"):
        # "FY25": a two-digit fiscal year is of this century (news does not abbreviate the last)
        y = 2000 + int(m.g("fyy") or 0)
        if m.g("fyy2"):
            y2 = _year(m.g("fyy2"), y)
            if y2 is None or y2 != y + 1:
                return None  # "FY24-25" spans two calendar years, one after the other
            begin = Sem("abs", "DATE", f"{y:04d}", "year", note="year")
            end = Sem("abs", "DATE", f"{y2:04d}", "year", note="year")
            return Sem("range", "DATE", gran="year", begin=begin, end=end, note="fiscal year",
                       fiscal=True)  # fmt: skip
    if y is not None:
        return Sem("abs", "DATE", f"{y:04d}", "year", note="fiscal year", fiscal=True)
    shift = (m.g("shift") or "").lower()
    offset = {"latest": -1, "prior": -1, "year-ago": -1, "year-earlier": -1}.get(shift)
    if offset is None:
        offset = _shift_of(shift) or 0
    return Sem(
        "rel", "DATE", gran="year", unit="year", offset=offset, note="fiscal year", fiscal=True
    )


def _season(m: Match) -> Sem | None:
    code = words().seasons.get((m.g("season") or "").lower())
    if code is None:
        return None
    y = _year(m.g("year"))
    mod = {"early": "START", "late": "END", "mid": "MID"}.get((m.g("early") or "").lower())
    if y is not None:
        return Sem("abs", "DATE", f"{y:04d}-{code}", "season", mod=mod, note="season")
    yshift = _shift_of(m.g("yshift"))
    if yshift is not None:
        return Sem(
            "rel", "DATE", gran="season", unit="year", offset=yshift, sub=code, mod=mod,
            note="season",
        )  # fmt: skip
    shift = _shift_of(m.g("shift"))
    if shift is None and not m.text.lower().startswith("the") and not mod:
        return None  # a bare "summer", "fall" is too often something else
    return cal_sem(sub=code, gran="season", shift=shift, mod=mod, note="season")


def _shift_unit(m: Match) -> Sem | None:
    unit = _unit(m.g("unit"))
    gran = _GRAN_OF_UNIT.get(unit.name) if unit else None
    if unit is None or gran is None:
        return None
    mod = None
    if m.rule == "earlier_shift":
        mod = "START" if (m.g("pm") or "").lower() == "earlier" else "END"
        if (m.g("shift") or "").lower() == "the":
            # "earlier in the year", "later in the day": the unit the story is in
            return Sem(
                "anaphor", "DATE", gran=gran, unit=unit.name, mod=mod, note=f"the {unit.name}"
            )
    shift = _shift_of(m.g("shift"))
    if shift is None:
        return None
    phrase = " ".join((m.g("shift") or "").lower().split())
    if phrase == "past" and m.text.lower().startswith("the") and gran != "year":
        # "the past week", "the past decade": the span that ends now (TimeML: a duration)
        return Sem("dur", "DURATION", v.duration(unit.multiplier, unit.code), note="the past unit")
    if m.text.lower().startswith("the") and gran == "day" and shift != 0:
        # "the next day", "the previous day": counted from the day the text last told, as
        # "the following day" is; "next week" without the article counts from now
        return Sem(
            "anaphor", "DATE", gran="day", unit="day", offset=shift, note=f"the {phrase} day"
        )
    return Sem("rel", "DATE", gran=gran, unit=unit.name, offset=shift, mod=mod, note=f"{phrase}")


def _ago(m: Match) -> Sem | None:
    off = " ".join((m.g("off") or "").lower().split())
    sign = words().offsets.get(off)
    if sign is None:
        return None
    if m.g("big"):
        n = 25 if (m.g("unit") or "").lower() == "quarter" else 50
        unit_name, gran = "year", "year"
    else:
        unit = _unit(m.g("unit"))
        if unit is None:
            return None
        raw = m.g("num")
        n_or_none = number(raw) if raw else None
        if n_or_none is None:
            # "several years ago", "months ago": somewhere in the past
            if sign < 0 and off == "ago":
                return Sem("ref", "DATE", "PAST_REF", note="vague time ago")
            if sign > 0:
                return Sem("ref", "DATE", "FUTURE_REF", note="vague time later")
            return None
        n = round(n_or_none * unit.multiplier)
        if n < 1 or unit.time or n != n_or_none * unit.multiplier:
            return None  # "two hours later", "2 1/2 years ago": left to the duration inside
        unit_name = {"fortnight": "week", "night": "day"}.get(unit.name, unit.name)
        if unit_name in ("decade", "century", "millennium"):
            unit_name = "year"  # the multiplier has already made years of them
        gran = _GRAN_OF_UNIT.get(unit_name, "day")
    anaphoric = off in ("earlier", "later", "before", "after")
    return Sem(
        "anaphor" if anaphoric else "rel",
        "DATE",
        gran=gran,
        unit=unit_name,
        offset=sign * n,
        inherit=unit_name == "year",
        note=f"{n} {unit_name}(s) {off}",
    )


def _duration(m: Match) -> Sem | None:
    if m.g("big"):
        n = 25 if (m.g("unit") or "").lower() == "quarter" else 50
        return Sem("dur", "DURATION", f"P{n}Y", note="duration")
    unit = _unit(m.g("unit"))
    if unit is None:
        return None
    if unit.code == "WE":
        return Sem("dur", "DURATION", "P2D", note="weekend")
    dshift = (m.g("dshift") or "").lower()
    if m.g("num2"):
        return Sem("dur", "DURATION", v.duration(None, unit.code, unit.time), note="duration")
    raw = m.g("num")
    if raw is None and m.g("vague") is None and dshift in ("recent", "future"):
        # "recent years", "future quarters": TimeML reads these as reference points
        ref = "PAST_REF" if dshift == "recent" else "FUTURE_REF"
        return Sem("ref", "DATE", ref, note="vague reference")
    if raw is None and m.g("vague") is None and dshift == "past" and m.text[:4].lower() != "the ":
        return Sem("ref", "DATE", "PAST_REF", note="vague reference")
    count = number(raw) if raw else None
    if (raw or "").lower() in ("a", "an", "one", "per") and _is_rate(m.before):
        # "358,000 a month", "twice a year", "24 hours a day": a frequency
        return Sem("set", "SET", v.duration(unit.multiplier, unit.code, unit.time), note="rate")
    if count is not None:
        count *= unit.multiplier
        code = unit.code
        if unit.code == "Q":
            # quarters are written in months (TimeML: "the first nine months" = P9M)
            count, code = count * 3, "M"
            if (m.g("num") or "").lower() in ("a", "an", "one"):
                return None  # "a quarter" is a fraction more often than a time
        if count == 0 or (unit.code == "H" and not unit.time):
            return None  # "half" is not a duration
        if m.g("half"):
            count += 0.5
        return Sem("dur", "DURATION", _fractional(count, code, unit.time), note="duration")
    code = "M" if unit.code == "Q" and raw is None and m.g("vague") is None else unit.code
    return Sem("dur", "DURATION", v.duration(None, code, unit.time), note="vague duration")


_RATE_BEFORE = re.compile(
    r"(?:\d[\d,.]*%?|\b(?:once|twice|thrice|times|percent|cents?|dollars?|each|million|billion"
    r"|thousand|hundred|\w+s))\s*$",
    re.IGNORECASE,
)
_NOT_RATE = re.compile(
    r"\b(?:for|in|within|about|over|nearly|almost|than|of|after|before|last|past|next|only"
    r"|just|least|more|less|around|under|some|is|was|takes?|took|spent|spend|lasts?|lasted"
    r"|as|has|had|says|said)\s*$",
    re.IGNORECASE,
)


def _is_rate(before: str) -> bool:
    """Whether "a year" after ``before`` is a rate ("$5 a year") rather than a span."""
    return bool(_RATE_BEFORE.search(before)) and not _NOT_RATE.search(before)


# A fraction of a unit is written in the next smaller one: P2Y6M, PT5H30M, PT1M30S.
_SMALLER = {("Y", False): ("M", 12, False), ("M", False): ("D", 30, False),
            ("W", False): ("D", 7, False), ("D", False): ("H", 24, True),
            ("H", True): ("M", 60, True), ("M", True): ("S", 60, True)}  # fmt: skip


def _fractional(n: float, code: str, time_unit: bool) -> str:
    whole = int(n)
    rest = n - whole
    if not rest or (code, time_unit) not in _SMALLER:
        return v.duration(n, code, time_unit)
    small, factor, small_time = _SMALLER[(code, time_unit)]
    part = round(rest * factor)
    if small_time and not time_unit:
        return f"P{whole}{code}T{part}{small}" if whole else f"PT{part}{small}"
    prefix = "PT" if time_unit else "P"
    return f"{prefix}{whole}{code}{part}{small}" if whole else f"{prefix}{part}{small}"


def _reference(m: Match) -> Sem | None:
    key = " ".join((m.g("ref") or "").lower().split())
    ref = words().references.get(key)
    return Sem("ref", "DATE", ref, note=f"'{key}'") if ref else None


def _holiday(m: Match) -> Sem | None:
    w = words()
    name = " ".join((m.g("holiday") or "").lower().split())
    y = _year(m.g("year"))
    shift = _shift_of(m.g("shift"))
    if name in w.fixed_holidays:
        mo, d = (int(p) for p in w.fixed_holidays[name].lstrip("-").split("-"))
        if y:
            return Sem("abs", "DATE", f"{y:04d}-{mo:02d}-{d:02d}", "day", note="holiday")
        return cal_sem(None, mo, d, shift=shift, note="holiday")
    if name in w.weekday_holidays:
        mo, wd, nth = w.weekday_holidays[name]
        if y:
            day = v.nth_weekday(y, mo, wd, nth)
            return Sem("abs", "DATE", day.isoformat(), "day", note="holiday")
        return cal_sem(
            None, mo, None, None, nth=(mo, wd, nth), shift=shift, gran="day", note="holiday"
        )
    return None


def _ordinal_day(m: Match) -> Sem | None:
    word = (m.g("ord") or "").lower()
    n = {"opening": 1, "closing": -1}.get(word)
    if n is None:
        n = ordinal(word)
    if n is None:
        return None
    return Sem("ordday", "DATE", gran="day", offset=n, note=f"day {n} of the span")


def _anaphoric(m: Match) -> Sem | None:
    ana = " ".join((m.g("ana") or "").lower().split())
    unit_word = (m.g("unit") or "").lower()
    if unit_word == "quarter":
        return Sem(
            "anaphor", "DATE", gran="quarter", unit="quarter", sub="ref", note=f"'{ana} quarter'"
        )
    offset = {"the next": 1, "the following": 1, "the previous": -1, "the preceding": -1}
    offset["the prior"] = -1
    pod = _pod(unit_word)
    unit = "day" if pod else unit_word
    gran = _GRAN_OF_UNIT.get(unit, "day")
    typ: TimexType = "TIME" if pod else "DATE"
    return Sem(
        "anaphor", typ, gran=gran, unit=unit, offset=offset.get(ana, 0), tod=pod,
        note=f"'{ana} {unit_word}'",
    )  # fmt: skip


def _anaphoric_around(m: Match) -> Sem | None:
    """ "the night before", "the day after": the day before or after the passage's day."""
    unit_word = (m.g("unit") or "").lower()
    offset = -1 if (m.g("dir") or "").lower() == "before" else 1
    pod = _pod(unit_word)
    typ: TimexType = "TIME" if pod else "DATE"
    return Sem(
        "anaphor", typ, gran="day", unit="day", offset=offset, tod=pod,
        note=f"'the {unit_word} {m.g('dir')}'",
    )  # fmt: skip


def _year_sem(m: Match) -> Sem | None:
    y = _year(m.g("year"))
    if y is None:
        return None
    return Sem("abs", "DATE", f"{y:04d}", "year", note="year")


def _spelled_year(m: Match) -> Sem | None:
    raw = (m.g("spelled") or "").lower().replace("-", " ")
    parts = raw.split()
    if parts[:2] == ["two", "thousand"]:
        rest = number(" ".join(p for p in parts[2:] if p != "and")) if len(parts) > 2 else 0
        year = 2000 + int(rest or 0)
    else:
        tail = [p for p in parts[1:] if p not in ("hundred", "and")]
        rest = number(" ".join(tail)) if tail else None
        if rest is None:
            return None
        year = 1900 + int(rest)
    return Sem("abs", "DATE", f"{year:04d}", "year", note="year in words")


def _year_end(m: Match) -> Sem | None:
    unit = (m.g("unit") or m.g("unit2") or m.g("unit3") or "").lower()
    gran = {"year": "year", "month": "month", "quarter": "quarter"}.get(unit)
    if gran is None:
        return None
    return Sem("rel", "DATE", gran=gran, unit=unit, offset=0, mod="END", note=f"end of the {unit}")


def _the_year(m: Match) -> Sem | None:
    if m.g("ended"):
        # "for the year ended Sept. 30": a fiscal year, a duration in TimeML
        return Sem("dur", "DURATION", "P1Y", note="a year ending on a date")
    return Sem("rel", "DATE", gran="year", unit="year", offset=0, note="the year of the story")


def _year_adj(m: Match) -> Sem | None:
    # "year-earlier results": the year before, or the same quarter a year before
    return Sem(
        "rel", "DATE", gran="year", unit="year", offset=-1, inherit=True, note="a year before"
    )


def _week_of(m: Match) -> Sem | None:
    y, mo, d = _date_parts(m)
    if mo is None or d is None or not _valid_day(y, mo, d):
        return None
    if y is not None:
        from datetime import date

        return Sem("abs", "DATE", v.fmt(date(y, mo, d), "week"), "week", note="week of a date")
    return cal_sem(None, mo, d, gran="week", note="week of a day and month")


def _weekend(m: Match) -> Sem | None:
    return cal_sem(sub="WE", gran="weekend", note="weekend")


_DISPATCH = {
    "iso": _explicit,
    "slash": _explicit,
    "dotted": _explicit,
    "mdy": _explicit,
    "dmy": _explicit,
    "my": _explicit,
    "month": _explicit,
    "md_range": _range,
    "dm_range": _range,
    "month_range": _range,
    "year_range": _range,
    "time": _time,
    "deictic": _deictic,
    "pod": _deictic,
    "weekday": _weekday_sem,
    "weekday_set": _set,
    "month_set": _set,
    "set": _set,
    "set_per": _set,
    "holiday": _holiday,
    "decade": _decade_century,
    "century": _decade_century,
    "quarter": _quarter,
    "quarters": _quarter,
    "fiscal_year": _fiscal,
    "season": _season,
    "shift_unit": _shift_unit,
    "earlier_shift": _shift_unit,
    "ago": _ago,
    "duration": _duration,
    "ref": _reference,
    "ordinal_day": _ordinal_day,
    "anaphoric": _anaphoric,
    "anaphoric_around": _anaphoric_around,
    "year": _year_sem,
    "spelled_year": _spelled_year,
    "year_end": _year_end,
    "the_year": _the_year,
    "year_adj": _year_adj,
    "weekend": _weekend,
    "week_of": _week_of,
}

_POINT_MOD_WORDS = {"earlier": "START", "later": "END"}


def meaning(m: Match) -> Sem | None:
    """The meaning of a grammar match, or None when the match turns out not to be a time."""
    fn = _DISPATCH.get(m.rule)
    sem = fn(m) if fn else None
    if sem is None:
        return None
    w = words()
    mod = sem.mod
    if m.pmod:
        key = " ".join(re.sub(r"-", " ", m.pmod).split())
        mod = w.point_modifiers.get(key) or w.point_modifiers.get(m.pmod) or mod
        if m.pmod in _POINT_MOD_WORDS and sem.kind == "rel" and sem.offset == 0:
            mod = _POINT_MOD_WORDS[m.pmod]  # "earlier this year": the part of it before now
    if m.dmod:
        mod = w.duration_modifiers.get(m.dmod, mod)
    if m.signal and sem.type in ("DATE", "TIME") and mod is None:
        mod = w.boundary_signals.get(m.signal) if m.signal not in ("from", "since") else mod
    return replace(sem, mod=mod) if mod != sem.mod else sem


__all__ = ["Kind", "Sem", "TimexType", "meaning"]
