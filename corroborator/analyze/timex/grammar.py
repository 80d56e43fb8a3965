"""The grammar of English temporal expressions: named regular-expression rules over the text.

Each rule is a template whose placeholders (``{MONTH}``, ``{UNIT}``, ``{NUM}``, …) are filled
from the lexicon in ``data/temporal.yaml``, so the words are data and only the shapes are code.
:func:`find` runs every rule over the text, keeps the longest non-overlapping matches, then
widens each one over the modifiers TimeML puts inside an expression ("late", "nearly", "the
end of"). Prepositions that bound a date ("by", "before") are recorded but stay outside, as in
TimeML. What a match *means* is :mod:`.normalize`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TypeVar

from corroborator import regex_needs
from corroborator.analyze.timex.words import words

T = TypeVar("T")


@dataclass(frozen=True)
class Match:
    """One rule match: its rule, character offsets and named groups (text and offsets)."""

    rule: str
    start: int
    end: int
    text: str
    groups: dict[str, str]
    group_spans: dict[str, tuple[int, int]] = field(default_factory=dict)
    pmod: str | None = None  # point modifier widened over: "late", "the end of", "earlier"
    dmod: str | None = None  # duration/approximation modifier: "nearly", "at least"
    signal: str | None = None  # bounding preposition just before: "by", "before", "since"
    before: str = ""  # up to 30 characters of text just before the match

    def g(self, name: str) -> str | None:
        """The text of group ``name``, or None when it did not take part."""
        return self.groups.get(name)


def _alt(names: object, *, escape: bool = True) -> str:
    items = sorted({str(n) for n in names}, key=len, reverse=True)  # type: ignore[attr-defined]
    parts = [re.escape(n) if escape else n for n in items]
    return "|".join(p.replace(r"\ ", r"\s+").replace(" ", r"\s+") for p in parts)


def _full_names(table: dict[str, int]) -> list[str]:
    # Abbreviations stand alone only with their full stop ("Sept."); bare short forms ("Sat",
    # "Sun", "Jan", "Mar") are ordinary words or names far more often than dates.
    return [n for n in table if n not in words().abbreviations]


@cache
def _pieces() -> dict[str, str]:
    w = words()
    month_all = _alt(w.months)
    weekday_all = _alt(w.weekdays)
    base_numbers = [n for n in w.numbers if " " not in n and n not in ("a", "an")]
    numword = rf"(?:{_alt(base_numbers)})(?:[-\s](?:{_alt(base_numbers)}))*"
    phrase_numbers = [n for n in w.numbers if " " in n]
    digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+|\s+1/2|\s+1/4|\s+3/4)?"
    num = rf"(?:{digits}|{_alt(phrase_numbers)}|{numword}|an|a)"
    units = _alt(w.units)
    ordinal_words = _alt([o for o in w.ordinals if o not in ("last", "final")])
    tz = r"[ECMP][SD]T|GMT|UTC|BST|CET|CEST|MSK|local\s+time"
    return {
        "MONTH": rf"(?P<month>{month_all})\.?",
        "MONTH2": rf"(?P<month2>{month_all})\.?",
        "MONTHFULL": rf"(?P<month>{_alt(_full_names(w.months))}|(?:{_alt(w.months)})\.)",
        "WD": rf"(?P<wd>{weekday_all})\.?",
        "WD2": rf"(?P<wd2>{weekday_all})\.?",
        "WDFULL": rf"(?P<wd>{_alt(_full_names(w.weekdays))})",
        "DAY": r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)",
        "DAY2": r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)",
        "YEAR": r"(?P<year>(?:1[0-9]|20)\d\d)(?![\d,.]\d)",
        "YEAR2": r"(?P<year2>(?:1[0-9]|20)\d\d)(?![\d,.]\d)",
        "NUM": rf"(?P<num>{num})",
        "NUM2": rf"(?P<num2>{digits}|{numword})",
        "VAGUE": rf"(?P<vague>{_alt(w.vague_numbers)})",
        "UNIT": rf"(?P<unit>{units})",
        "ORD": rf"(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{ordinal_words})",
        "SEASON": rf"(?P<season>{_alt(w.seasons)})",
        "POD": rf"(?P<pod>{_alt(w.parts_of_day)})",
        "SHIFT": rf"(?P<shift>{_alt(w.shifts)})",
        "SHIFTW": rf"(?:{_alt(w.shifts)})",
        "REF": rf"(?P<ref>{_alt(w.references)})",
        "FREQ": rf"(?P<freq>{_alt(w.frequencies)})",
        "HOLIDAY": rf"(?P<holiday>{_alt(list(w.fixed_holidays) + list(w.weekday_holidays))})",
        "CLOCK": rf"(?P<clock>{_alt(w.clock_words)})",
        "SETQ": rf"(?P<setq>{_alt(w.set_quantifiers)})",
        "TZ": rf"(?P<tz>{tz})",
        "DASH": r"\s*(?:-|–|—|to|through|until|till)\s*",
        "AMPM": r"(?P<ampm>[ap]\.?\s?m\b\.?)",
        "DECWORD": rf"(?P<decword>{_alt(w.decade_words)})",
        "NUMWORD": numword,
    }


# Day words that may follow a clock time inside one expression ("9 a.m. Tuesday").
_DAYWORD = (
    r"(?:,?\s+(?:on\s+)?(?P<dayword>{WDFULL}|today|tonight|yesterday|tomorrow"
    r"|(?P<dmonth>{MONTH})\s+(?P<dday>[0-3]?\d)(?![\d:])))?"
)

# (name, template). Order only breaks ties between matches of equal length.
RULES: tuple[tuple[str, str], ...] = (
    ("iso", r"{YEAR}-(?P<mnum>[01]\d)-(?P<dnum>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mi>[0-5]\d))?"),
    ("slash", r"(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:1[0-9]|20)\d\d|\d\d)(?![\d/])"),
    ("dotted", r"(?P<b>[0-3]?\d)\.(?P<a>[01]?\d)\.{YEAR}"),
    (
        "md_range",
        r"(?:{WD},?\s+)?{MONTH}\s+{DAY}(?:,?\s+{YEAR})?{DASH}(?:{WD2},?\s+)?"
        r"(?:{MONTH2}\s+)?{DAY2}(?:,?\s+{YEAR2})?",
    ),
    (
        "md_range",
        r"(?<=between\s){MONTH}\s+{DAY}(?:,?\s+{YEAR})?\s+and\s+(?:{MONTH2}\s+)?{DAY2}"
        r"(?:,?\s+{YEAR2})?",
    ),
    ("dm_range", r"{DAY}(?:\s+{MONTH})?{DASH}{DAY2}\s+{MONTH2}(?:,?\s+{YEAR2})?"),
    ("month_range", r"{MONTH}(?:\s+{YEAR})?{DASH}{MONTH2}(?:,?\s+{YEAR2})?"),
    ("month_range", r"(?<=between\s){MONTH}(?:\s+{YEAR})?\s+and\s+{MONTH2}(?:,?\s+{YEAR2})?"),
    (
        "year_range",
        r"(?:(?P<fiscal>fiscal|financial)\s+(?:years?\s+)?|(?P<fy>FY)\s?'?)?{YEAR}\s*"
        r"(?:-|–|—|/|to|through|until|till)\s*(?P<year2>(?:1[0-9]|20)\d\d|\d\d)(?![\d%,.]\d|\d|%)"
        # "the 2024-25 fiscal year", "the 2023/24 financial year": one fiscal year across two
        r"(?P<fyafter>\s+(?:fiscal|financial)\s+year)?",
    ),
    ("year_range", r"(?<=between\s){YEAR}\s+and\s+{YEAR2}"),
    ("mdy", r"(?:{WD},?\s+)?{MONTH}\s+{DAY}(?:,?\s+{YEAR})?"),
    ("dmy", r"(?:{WD},?\s+)?(?:the\s+)?{DAY}(?:\s+of)?\s+{MONTH}(?:,?\s+{YEAR})?"),
    ("my", r"{MONTH},?\s+(?:of\s+)?{YEAR}"),
    ("my", r"{MONTHFULL},?\s+(?:of\s+)?(?P<yshift>this|last|next)\s+year"),
    (
        "spelled_year",
        r"(?:(?:the\s+)?year\s+)?(?P<spelled>nineteen[-\s]+(?:hundred(?:\s+and)?[-\s]+)?"
        r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
        r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s]+(?:one|two|three"
        r"|four|five|six|seven|eight|nine))?)|two\s+thousand(?:\s+and)?(?:[-\s]+(?:one|two"
        r"|three|four|five|six|seven|eight|nine|ten))?)",
    ),
    ("decade", r"the\s+(?:(?:early|late|mid)[-\s]?)?{DECWORD}"),
    (
        "year_end",
        r"(?:the\s+)?(?:end\s+of\s+the\s+(?P<unit>year|month|quarter)|(?P<unit2>year|month)"
        r"[-\s]end|(?P<unit3>year|month)'s\s+end)",
    ),
    (
        "the_year",
        r"(?:(?<=for\s)|(?<=of\s)|(?<=in\s)|(?<=during\s)|(?<=throughout\s))the\s+"
        r"(?P<full>(?:full|whole|entire|current)\s+)?year(?=(?P<ended>\s+end(?:ed|ing)\b)?)",
    ),
    ("the_year", r"the\s+(?P<full>(?:full|whole|entire)\s+)year"),
    ("year_adj", r"year[-\s](?:earlier|ago)"),
    ("weekend", r"the\s+weekend"),
    (
        "month",
        r"(?:(?P<shift>last|next|this|this\s+past|this\s+coming|past|coming)\s+)?{MONTHFULL}"
        r"(?!\s*\d)",
    ),
    ("month_set", r"{SETQ}\s+{MONTHFULL}"),
    (
        "time",
        r"(?P<hh>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*{AMPM}(?:\s+\(?{TZ}\)?)?" + _DAYWORD,
    ),
    ("time", r"(?P<hh>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?!\d)(?:\s+\(?{TZ}\)?)?" + _DAYWORD),
    ("time", r"{CLOCK}" + _DAYWORD),
    ("time", r"(?P<hh>[01]?\d)(?:\s+o'clock)?\s+in\s+the\s+(?P<pod>morning|afternoon|evening)"),
    ("deictic", r"(?P<deictic>today|tonight|yesterday|tomorrow)(?:\s+{POD})?"),
    ("deictic", r"(?:(?P<early>early|late)\s+)?{POD}\s+(?P<deictic>today|yesterday|tomorrow)"),
    (
        "deictic",
        r"(?P<deictic>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow)",
    ),
    ("pod", r"(?P<podshift>this|last|tomorrow|yesterday)\s+{POD}"),
    ("pod", r"(?:the\s+)?(?P<pod>overnight|mid-?afternoon|morning|afternoon|evening)"),
    (
        "weekday",
        r"(?:(?P<shift>last|next|this|this\s+past|this\s+coming|coming|past)\s+)?{WDFULL}"
        r"(?:\s+{POD})?",
    ),
    ("weekday_set", r"(?P<wd>Mondays|Tuesdays|Wednesdays|Thursdays|Fridays|Saturdays|Sundays)"),
    ("weekday_set", r"{SETQ}\s+{WDFULL}(?:\s+{POD})?"),
    ("holiday", r"(?:(?P<shift>last|next|this)\s+)?{HOLIDAY}(?:\s+{YEAR})?"),
    ("decade", r"(?:the\s+)?(?:(?P<dec>(?:1[0-9]|20)\d0)'?s|'(?P<dec2>\d0)s)(?!\w)"),
    ("century", r"(?:the\s+)?{ORD}[-\s]century"),
    (
        "quarter",
        r"(?:(?P<yshift2>last|next|this)\s+year's\s+)?(?:the\s+)?(?P<pre>(?:(?:latest|year-ago|year-earlier|year\s+earlier|same|current"
        r"|previous|prior|past|last|next|this|coming|comparable|corresponding|recent|just-ended"
        r"|final|fiscal|flat|{YEAR})[-\s]+)*)(?:(?P<qord>first|second|third|fourth|1st|2nd|3rd"
        r"|4th|final|last)[-\s]+)?(?:fiscal[-\s]+)?(?P<qunit>quarter|period|half)(?![-\w])"
        r"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<qyear>(?:1[0-9]|20)\d\d)|(?P<yshift>last|next|this"
        r"|the\s+current|the\s+previous)\s+(?:fiscal\s+)?year|the\s+year))?"
        r"(?P<qago>\s+a\s+year\s+(?:ago|earlier))?",
    ),
    ("quarter", r"(?P<qcode>[QH][1-4])(?:\s+{YEAR})?"),
    (
        "quarters",
        r"(?:the\s+)?(?P<qord>first|second|third|last)\s+(?P<num>two|three)\s+quarters"
        r"(?:\s+of\s+{YEAR})?",
    ),
    ("fiscal_year", r"FY\s?'?{YEAR}"),
    # "FY25", "FY24-25", "FY 2024/25": fiscal years written with two digits
    ("fiscal_year", r"FY\s?'?(?P<fyy>\d\d)(?:\s*[-–/]\s*(?P<fyy2>\d\d))?(?![\d%,.]\d|\d|%)"),
    (
        "fiscal_year",
        r"(?:the\s+)?(?:(?P<shift>{SHIFTW}|latest|same|prior|year-ago|year-earlier)\s+)?"
        r"(?:fiscal|financial(?=[-\s]+year))"
        r"(?:(?:[-\s]+year)?\s+{YEAR}|[-\s]+year)",
    ),
    (
        "season",
        r"(?:(?:the\s+)?{SHIFT}\s+|the\s+)?(?:(?P<early>early|late|mid)[-\s]?)?"
        r"{SEASON}(?:\s+(?:of\s+)?(?:{YEAR}|(?P<yshift>last|next|this)\s+year))?",
    ),
    ("season", r"{SEASON}\s+(?:of\s+)?{YEAR}"),
    (
        "shift_unit",
        r"(?:the\s+)?{SHIFT}\s+(?P<unit>day|week|weekend|month|year|decade|century)(?![-\w])",
    ),
    (
        "earlier_shift",
        r"(?P<pm>earlier|later)\s+(?:in\s+)?(?P<shift>this|last|next|the)\s+"
        r"(?P<unit>week|month|year|day)",
    ),
    (
        "ago",
        r"(?:{NUM}|{VAGUE})[-\s]+{UNIT}\s+(?P<off>ago|earlier|later|from\s+now|hence|back)"
        r"(?![-\w])",
    ),
    ("ago", r"(?P<unit>years|months|weeks|days|decades)\s+(?P<off>ago|earlier|later)"),
    (
        "ago",
        r"(?:(?:a|one)\s+)?(?P<unit>quarter|half)[-\s]+(?P<big>century)\s+(?P<off>ago|earlier|later)",
    ),
    (
        "duration",
        r"(?:the\s+)?(?:(?P<dshift>past|last|next|first|coming|previous|final|following|latest"
        r"|remaining|initial|entire|whole|full|same|other|recent)\s+)?(?:{NUM}|{VAGUE})"
        r"(?:\s+(?:more|additional|straight|consecutive|full|long|further|extra|successive))?"
        r"[-\s]+{UNIT}(?P<half>\s+and\s+a\s+half)?(?P<long>-long|-old|\s+old)?(?![-\w])",
    ),
    (
        "duration",
        r"(?:the\s+)?(?:(?P<dshift>past|last|next|first|coming|previous)\s+)?{NUM}\s*"
        r"(?:-|–|to|or)\s*{NUM2}[-\s]+{UNIT}(?![-\w])",
    ),
    ("duration", r"(?:a|an|one)\s+(?P<unit>quarter|half)[-\s]+(?P<big>century)"),
    (
        "duration",
        r"(?:the\s+)?(?:(?P<dshift>past|last|next|coming|recent|previous|following|early"
        r"|first|future)\s+)?(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes"
        r"|quarters)(?P<long>-long|-old)?(?![-\w])",
    ),
    ("set", r"{SETQ}\s+(?:(?P<other>other)\s+)?(?:{NUM}\s+)?{UNIT}(?![-\w])"),
    ("week_of", r"the\s+week\s+of\s+{MONTH}\s+{DAY}(?:,?\s+{YEAR})?"),
    ("set", r"{FREQ}"),
    ("set_per", r"(?<![\w$])(?:a|an|per)\s+(?P<unit>second|minute|hour|day|week|month|year)(?!\w)"),
    ("ref", r"{REF}"),
    (
        "ordinal_day",
        r"(?:the\s+)?(?P<ord>first|second|third|fourth|fifth|sixth|seventh|final|last"
        r"|opening|closing)\s+day",
    ),
    (
        "anaphoric",
        r"(?P<ana>that|that\s+same|the\s+same|the\s+next|the\s+following|the\s+previous"
        r"|the\s+preceding|the\s+prior)\s+(?P<unit>day|morning|afternoon|evening|night|week"
        r"|month|year|quarter)",
    ),
    (
        # "the night before", "the day after": the day before or after the one the passage
        # tells; only where the phrase ends ("the day before the summit" counts from the
        # summit, which is not a date)
        "anaphoric_around",
        r"the\s+(?P<unit>day|morning|afternoon|evening|night)\s+(?P<dir>before|after)"
        r"(?=\s*(?:[,.;:)\u2014\u2013]|$|(?:and|but|when|as|while|in|at|with)\b))",
    ),
    ("year", r"(?:(?P<calendar>calendar)\s+(?:year\s+)?)?{YEAR}"),
)


@dataclass(frozen=True)
class _Compiled:
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    needs: tuple[regex_needs.Needs, ...]  # per rule: text one of which a match needs
    pmod: re.Pattern[str]
    dmod: re.Pattern[str]
    signal: re.Pattern[str]


def _fill(template: str, pieces: dict[str, str]) -> str:
    return re.sub(r"\{([A-Z0-9]+)\}", lambda m: pieces[m.group(1)], template)


@cache
def _compiled() -> _Compiled:
    pieces = _pieces()
    rules = []
    for name, template in RULES:
        body = _fill(template, pieces)
        rules.append((name, re.compile(rf"(?<![\w$£€])(?:{body})(?![\w])", re.IGNORECASE)))
    w = words()
    # Point modifiers and "earlier/later" may stand before any date; duration modifiers before
    # a duration or a counted offset; both are matched against the text just before a match.
    pmod = re.compile(
        rf"(?<![\w])(?P<mod>{_alt([*list(w.point_modifiers), 'earlier', 'later'])})"
        r"(?:\s*-\s*|\s+)(?:in\s+)?$",
        re.IGNORECASE,
    )
    dmod = re.compile(rf"(?<![\w])(?P<mod>{_alt(w.duration_modifiers)})\s+$", re.IGNORECASE)
    signal = re.compile(rf"(?<![\w])(?P<sig>{_alt(w.boundary_signals)})\s+$", re.IGNORECASE)
    needs = tuple(regex_needs.needs(pattern) for _, pattern in rules)
    return _Compiled(tuple(rules), needs, pmod, dmod, signal)


_LAST_WORD = re.compile(r"([A-Za-z]+)\.$")


def _end(text: str, start: int, end: int) -> int:
    """Leave a sentence's full stop out: only an abbreviation ("Sept.", "p.m.") keeps its dot."""
    m = _LAST_WORD.search(text, start, end)
    if (
        m
        and m.end() == end
        and m.group(1).lower() not in words().abbreviations
        and not re.search(r"[ap]\.m\.$", text[start:end], re.IGNORECASE)
    ):
        return end - 1
    return end


def _all_matches(text: str) -> list[tuple[int, Match]]:
    found: list[tuple[int, Match]] = []
    compiled = _compiled()
    # a rule whose needed words are nowhere in the text cannot match: it is not run at all
    folded, digit = regex_needs.fold(text), regex_needs.has_digit(text)
    for order, (name, pattern) in enumerate(compiled.rules):
        if not regex_needs.can_match(compiled.needs[order], folded, digit):
            continue
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            groups = {k: v for k, v in m.groupdict().items() if v is not None}
            spans = {k: m.span(k) for k in groups}
            end = _end(text, m.start(), m.end())
            found.append((order, Match(name, m.start(), end, text[m.start() : end], groups, spans)))
    return found


# Rules whose matches may be widened by a point modifier ("late November", "the end of 2025").
_POINT_RULES = frozenset(
    {
        "mdy", "dmy", "my", "month", "year", "decade", "century", "season", "shift_unit",
        "quarter", "fiscal_year", "weekday", "deictic", "md_range", "month_range", "year_range",
        "pod",
    }
)  # fmt: skip
# Rules whose matches may be widened by a duration modifier ("nearly two years").
_DURATION_RULES = frozenset({"duration", "ago", "time"})


# Characters before a match searched for its modifiers: the longest ("the beginning of", "no
# more than") with spaces fits in forty.
_MOD_REACH = 40


def _widen(m: Match, text: str) -> Match:
    c = _compiled()
    before = text[max(0, m.start - _MOD_REACH) : m.start]
    pmod = dmod = None
    start = m.start
    if m.rule in _POINT_RULES:
        pm = c.pmod.search(before)
        if pm:
            pmod = pm.group("mod").lower()
            start = m.start - (len(before) - pm.start())
            before = text[max(0, start - _MOD_REACH) : start]
    if m.rule in _DURATION_RULES and m.text[:4].lower() != "the ":
        dm = c.dmod.search(before)
        if dm:
            dmod = " ".join(dm.group("mod").lower().split())
            start = start - (len(before) - dm.start())
            before = text[max(0, start - _MOD_REACH) : start]
    sg = c.signal.search(before)
    signal = " ".join(sg.group("sig").lower().split()) if sg else None
    return Match(
        m.rule,
        start,
        m.end,
        text[start : m.end],
        m.groups,
        m.group_spans,
        pmod=pmod,
        dmod=dmod,
        signal=signal,
        before=text[max(0, start - _MOD_REACH) : start],
    )


def find(
    text: str, keep: Callable[[Match], bool], accept: Callable[[Match], T | None]
) -> list[tuple[Match, T]]:
    """The matches in ``text`` that ``accept`` takes (it returns what the match means, or None),
    longest first, no two overlapping, in text order. A long match whose meaning ``accept``
    cannot give leaves room for the shorter ones inside it ("2 1/2 hours later" → "2 1/2
    hours"); one that ``keep`` refuses is no time at all, and nothing inside it is either
    ("60 Minutes" is a title, so its "Minutes" is not a duration)."""
    return choose(_all_matches(text), lambda m: _widen(m, text), keep, accept)


def choose(
    matches: Iterable[tuple[int, Match]],
    widen: Callable[[Match], Match],
    keep: Callable[[Match], bool],
    accept: Callable[[Match], T | None],
    *,
    refused_blocks: bool = True,
) -> list[tuple[Match, T]]:
    """From ``(rule order, match)`` pairs: longest first (by the match itself, before
    ``widen`` takes in its modifiers), no two overlapping, in text order, each with what
    ``accept`` says it means. ``refused_blocks``: a match ``keep`` refuses also keeps the
    shorter ones inside it out."""
    ranked = sorted(matches, key=lambda om: (-(om[1].end - om[1].start), om[0]))
    taken: list[tuple[Match, T]] = []
    occupied: list[tuple[int, int]] = []
    for _, core in ranked:
        m = widen(core)
        if any(m.start < e and s < m.end for s, e in occupied):
            continue
        if not keep(m):
            if refused_blocks:
                occupied.append((m.start, m.end))
            continue
        result = accept(m)
        if result is None:
            continue
        taken.append((m, result))
        occupied.append((m.start, m.end))
    taken.sort(key=lambda mr: mr[0].start)
    return taken
