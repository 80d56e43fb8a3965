"""Inference when the article prints no publication date: its year, then its date.

The year comes from evidence the text gives, each piece weighed and reported:

* a year told in the past tense ("was launched in 2023") puts the report in or after it;
  one told in the future tense ("will chair the organisation in 2026") before it;
* a weekday named for a day and month ("On Tuesday … begins", paired with the first day of
  "from November 25 to 27") holds only in some years;
* an event named with its year ("Indestructible Brotherhood – 2023") happens in that year;
* "a quarter-century ago" beside a year gives the year plus 25.

The date then comes from the resolved expressions: the report follows what it tells in the past
tense and precedes what it tells in the future tense. It is reported at the precision those
bounds allow (a day, a month or a year), never finer, and never against an explicit date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from corroborator import lexicon
from corroborator.analyze.timex import values as v
from corroborator.analyze.timex.context import Context
from corroborator.analyze.timex.grammar import Match
from corroborator.analyze.timex.normalize import Sem
from corroborator.analyze.timex.words import words

# Weights of the year evidence. A weekday that fits a dated day, or an event named with its
# year, names one year; tense only bounds it, so it weighs less; a year mentioned with no tense
# is mostly history the report looks back on, so it weighs half a tensed one.
W_WEEKDAY = 3.0
W_EVENT = 2.0
W_AGO = 2.0
W_TENSE = 1.0
W_UNTENSED = 0.5
# A day and month fall on the same weekday again after 5, 6 or 11 years: candidates for a
# weekday fit reach this far beyond the years the text names.
_WEEKDAY_CYCLE = 11
# A dateline ("MOSCOW, May 6.", "/TASS/.") ends with a full stop after a few words; the lead
# sentence is the first one of at least this many words (datelines of the seeds, the example
# corpus and news-dev's development clusters hold at most five).
_LEAD_MIN_WORDS = 6


def _lead_end(text: str) -> int:
    """Where the lead sentence ends: the first full stop closing at least six words of one
    line (a headline has no stop, and runs into no dateline: "Leader arrives in the capital
    / CITY, 3 September. /Agency/. The president …")."""
    start = 0
    for m in re.finditer(r"[.!?](?=\s)|\n", text):
        if m.group() == "\n":
            start = m.end()
            continue
        if len(text[start : m.start()].split()) >= _LEAD_MIN_WORDS:
            return m.end()
        start = m.end()
    return len(text)


@dataclass(frozen=True)
class Item:
    """One tagged expression as inference sees it."""

    index: int
    match: Match
    sem: Sem
    ctx: Context


@dataclass
class YearInference:
    """The inferred year, how sure, why, and the values it fixes on the way."""

    year: int | None
    confidence: float
    evidence: list[str] = field(default_factory=list)
    pins: dict[int, str] = field(default_factory=dict)  # item index → ISO day
    item_years: dict[int, int] = field(default_factory=dict)  # item index → its year


@dataclass(frozen=True)
class _Constraint:
    kind: str  # ge (year >= y), le (year <= y), eq (year == y)
    years: frozenset[int]
    weight: float
    text: str
    said: int = 0  # the year as the text gives it
    first_day: date | None = None  # ge: the first day of what is told as past
    target: bool = False  # le from a deadline ("by 2030", "until 2030")
    day_printed: bool = False  # ge: a day printed with its year ("June 19, 2024"), not a month
    history: bool = False  # ge: told as past or counted from ("in 2021 it struck", "since 2019")


def _target_words() -> frozenset[str]:
    data = lexicon.load("temporal.yaml")
    return frozenset(w.lower() for w in data.get("target_names", []))


_NAME_BEFORE = re.compile(r"((?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’.-]*)\s*[–—-]?\s*$")


def _event_name(text: str, m: Match) -> str | None:
    """The capitalised name a bare year belongs to ("Brotherhood – 2023"), if any."""
    before = text[max(0, m.start - 80) : m.start]  # room for a name of up to six words
    nm = _NAME_BEFORE.search(before)
    if not nm:
        return None
    name = nm.group(1).strip()
    first = name.split()[0].lower()
    w = words()
    if first in w.months or first in w.weekdays or first in ("in", "since", "the", "by", "of"):
        return None
    tokens = name.split()
    if any(t.lower() in w.months for t in tokens[-1:]):
        return None
    if any(t.lower().strip(".") in _target_words() for t in tokens):
        return None  # "Vision 2030": a target, not the year of the event
    if len(tokens) == 1 and not re.search(r"[–—-]\s*$", before):
        return None  # a lone capitalised word before a year is usually a sentence start
    return name


def _year_bounds(value: str | None) -> tuple[int, int] | None:
    bounds = v.value_bounds(value)
    if bounds is None:
        return None
    return bounds[0].year, bounds[1].year


def _constraints(items: list[Item], text: str) -> tuple[list[_Constraint], dict[int, int]]:
    found: list[_Constraint] = []
    item_years: dict[int, int] = {}
    event_years: dict[int, tuple[int, str]] = {}  # sentence → (year, name)
    for it in items:
        sem, ctx, m = it.sem, it.ctx, it.match
        if sem.type not in ("DATE", "TIME"):
            continue
        if sem.kind == "range" and sem.begin and sem.end:
            b = _year_bounds(sem.begin.value) if sem.begin.kind == "abs" else None
            e = _year_bounds(sem.end.value) if sem.end.kind == "abs" else None
            if not (b and e):
                continue
            lo, hi = b[0], e[1]
        elif sem.kind == "abs" and sem.gran in ("day", "month", "year", "quarter", "season"):
            yb = _year_bounds(sem.value)
            if yb is None:
                continue
            lo, hi = yb
        else:
            continue
        said = f"'{m.text}'"
        if m.rule == "year":
            name = _event_name(text, m)
            if name:
                found.append(_Constraint("eq", frozenset({lo}), W_EVENT, f"event {name} – {lo}"))
                event_years[ctx.sentence] = (lo, name)
                continue
        if m.signal == "since":
            # "the third meeting since 2019", "the first since 2019": whatever the tense, the
            # report is written after the year it counts from; a bare year is a year gone by
            # (news writes "since January" or "earlier this year" for the current one)
            after = lo + 1 if sem.gran == "year" and sem.kind == "abs" else lo
            found.append(
                _Constraint("ge", frozenset({after}), W_TENSE, f"{said} since", history=True)
            )
            continue
        bounded = m.signal in ("by", "until", "till", "before", "no later than")
        # "is due to chair the bloc in 2026": a plan word shortly before the year makes it a
        # future even when the parser misses the infinitive (it tags "chair" as a noun)
        planned = ctx.tense != "past" and re.search(
            r"\b(?:due|expected|scheduled|set|planned|plans?|will|is to|are to)\b[^.]{0,40}$",
            text[max(0, m.start - 50) : m.start].lower(),
        )
        if ctx.tense == "future" or (bounded and ctx.tense != "past") or planned:
            # a whole year told as future: the report comes before it; a day or month: on or
            # before it
            limit = lo - 1 if sem.gran == "year" or sem.kind == "range" else lo
            found.append(
                _Constraint("le", frozenset({limit}), W_TENSE, f"{said} future", lo, target=bounded)
            )
        elif ctx.tense == "past":
            first_day = None
            if sem.gran in ("day", "month") and sem.kind == "abs":
                bounds = v.value_bounds(sem.value)
                first_day = bounds[0] if bounds else None
            found.append(
                _Constraint(
                    "ge",
                    frozenset({lo}),
                    W_TENSE,
                    f"{said} past",
                    0,
                    first_day,
                    day_printed=sem.gran == "day" and first_day is not None,
                    history=True,
                )
            )
        elif ctx.tense == "present" and sem.kind == "range":
            found.append(_Constraint("ge", frozenset({lo}), W_TENSE, f"{said} present"))
            found.append(_Constraint("le", frozenset({hi}), W_TENSE, f"{said} present"))
        else:
            found.append(_Constraint("ge", frozenset({lo}), W_UNTENSED, f"{said} mentioned"))
    # "a quarter-century ago" beside a year: that year plus the distance
    for it in items:
        if it.sem.kind != "rel" or it.sem.unit != "year" or it.sem.offset >= 0:
            continue
        if it.match.rule != "ago":
            continue
        for other in items:
            if other is it or other.ctx.sentence != it.ctx.sentence:
                continue
            if other.sem.kind == "abs" and other.sem.gran == "year" and other.sem.value:
                y = int(other.sem.value) - it.sem.offset
                found.append(
                    _Constraint(
                        "eq", frozenset({y}), W_AGO, f"'{it.match.text}' beside {other.sem.value}"
                    )
                )
    # year-less dates in the sentence of a named event take the event's year
    for it in items:
        if it.ctx.sentence in event_years and _yearless(it.sem):
            item_years[it.index] = event_years[it.ctx.sentence][0]
    return found, item_years


def _yearless(sem: Sem) -> bool:
    if sem.kind == "cal":
        return sem.year is None and (sem.month is not None or sem.nth is not None)
    if sem.kind == "range" and sem.begin is not None:
        return _yearless(sem.begin)
    return False


# What stands between a weekday and the date that names the same day: "Thursday (October 30)",
# "Thursday, October 30", "Thursday – October 30".
# A possessive names one day too: "Friday's Victory Day parade", "Thursday's October 30 vote".
_APPOSED = re.compile(r"\s*(?:\(|,|[–—-]|['’]s)\s*")


def _weekday_pairs(items: list[Item], text: str) -> list[tuple[Item, int, int, int]]:
    """(weekday item, weekday, month, day) for weekdays that name a dated day: the same
    expression ("Tuesday, November 25") or a weekday governed by a verb of starting paired
    with the first day of the span the article gives ("begins on Tuesday" … "from November
    25 to 27")."""
    w = words()
    pairs: list[tuple[Item, int, int, int]] = []
    spans = [
        it
        for it in items
        if it.sem.kind == "range"
        and it.sem.begin is not None
        and it.sem.begin.day is not None
        and it.sem.begin.month is not None
    ]
    for k, it in enumerate(items):
        sem = it.sem
        if sem.kind == "cal" and sem.weekday is not None and sem.month and sem.day:
            pairs.append((it, sem.weekday, sem.month, sem.day))
            continue
        nxt = items[k + 1].sem if k + 1 < len(items) else None
        if (
            sem.kind == "cal"
            and sem.weekday is not None
            and sem.month is None
            and not sem.shift
            and nxt is not None
            and nxt.kind == "cal"
            and nxt.weekday is None
            and nxt.month
            and nxt.day
            and _APPOSED.fullmatch(text[it.match.end : items[k + 1].match.start])
        ):
            # "on Thursday (October 30)", "Thursday, October 30": one day named twice
            pairs.append((it, sem.weekday, nxt.month, nxt.day))
            continue
        if sem.kind != "cal" or sem.weekday is None or sem.month is not None or sem.shift:
            continue
        if it.ctx.governor_lemma not in w.start_verbs or not spans:
            continue
        span = min(spans, key=lambda s: abs(s.index - it.index))
        assert span.sem.begin is not None
        pairs.append((it, sem.weekday, span.sem.begin.month or 0, span.sem.begin.day or 0))
    return pairs


def infer_year(items: list[Item], text: str, dateline_date: str | None) -> YearInference:
    """The year the article was written in, from the evidence its text gives."""
    constraints, item_years = _constraints(items, text)
    pairs = _weekday_pairs(items, text)
    # A dateline with no year ("BISHKEK, Nov 26 (Reuters) -") and a bare weekday in the story's
    # first sentence ("… signed on Wednesday") name one day: the day the dispatch was filed.
    dl_day: tuple[int, int] | None = None
    if dateline_date and dateline_date.startswith("--"):
        dl_day = int(dateline_date[2:4]), int(dateline_date[5:7])
        lead_end = _lead_end(text)
        # the weekday the lead tells as done or under way is the day of the dispatch; one told
        # as still to come ("are expected to sign on Wednesday") is a later day
        lead = [
            it for it in items
            if it.sem.kind == "cal" and it.sem.weekday is not None and it.sem.month is None
            and not it.sem.shift and it.match.start < lead_end and it.ctx.tense != "future"
        ]  # fmt: skip
        if lead:
            pairs.append((lead[0], lead[0].sem.weekday or 0, *dl_day))
    # a day the text also prints with its year needs no weekday to find it, and the weekday
    # beside it may be the text's slip ("Wednesday (Oct. 30)" for Thursday, October 30, 2025)
    printed = {(c.first_day.month, c.first_day.day) for c in constraints if c.first_day}
    pairs = [p for p in pairs if (p[2], p[3]) not in printed]
    mentioned = {y for c in constraints for y in c.years}
    if not mentioned and not pairs:
        return YearInference(None, 0.0, ["no dated evidence in the text"], {}, item_years)
    if not mentioned:
        return YearInference(None, 0.0, ["weekdays but no year in the text"], {}, item_years)
    if all(c.kind == "le" and c.target for c in constraints) and not pairs:
        # "double it by 2030", "until 2030": a deadline bounds the report from above, often by
        # many years; it does not say which year the report is in (a plan "in 2026" is near
        # and still counts: the seeds' preview, docs/dates.md)
        note = "only deadlines still to come ('by 2030'): they bound the report, not name it"
        return YearInference(None, 0.0, [note], {}, item_years)

    def pair_fits(y: int, wd: int, mo: int, d: int) -> bool:
        try:
            return date(y, mo, d).weekday() == wd
        except ValueError:
            return False

    # the years the text names, one either side, and the years within a weekday's cycle where a
    # weekday fits its dated day (a day and month fall on one weekday every 5 to 11 years, so
    # "NAIROBI, March 10 … on Tuesday" beside "by 2030" can reach 2026)
    # — unless the text prints a day with its year: an explicit date outranks a weekday, which
    # may be the text's slip ("Wednesday (Oct. 30)" for a Thursday)
    span = range(min(mentioned) - 1, max(mentioned) + 2)
    # (a month with its year, "in February 2022", is history the text recalls and names no
    # day a weekday could contradict)
    dated_day = any(c.day_printed for c in constraints)
    fitting = {
        y
        for y in range(min(mentioned) - _WEEKDAY_CYCLE, max(mentioned) + _WEEKDAY_CYCLE + 1)
        for _, wd, mo, d in pairs
        if not dated_day and pair_fits(y, wd, mo, d)
    }
    candidates = sorted(set(span) | fitting)

    def dispatch_before(y: int, first_day: date | None) -> bool:
        """The dateline's day in year ``y`` comes before a day the text tells as past."""
        if dl_day is None or first_day is None:
            return False
        try:
            return date(y, *dl_day) < first_day
        except ValueError:
            return False

    def score(y: int) -> float:
        total = 0.0
        for c in constraints:
            (bound,) = tuple(c.years)[:1]
            if c.kind == "ge":
                ok = y >= bound and not dispatch_before(y, c.first_day)
                total += c.weight if ok else -c.weight
            elif c.kind == "le":
                total += c.weight if y <= bound else -c.weight
            elif c.kind == "eq" and y in c.years:
                total += c.weight
        for _, wd, mo, d in pairs:
            if pair_fits(y, wd, mo, d):
                total += W_WEEKDAY
        return total

    scored = {y: score(y) for y in candidates}
    best = max(scored.values())
    tied = [y for y, s in scored.items() if s == best]
    past_years = [next(iter(c.years)) for c in constraints if c.kind == "ge"]
    future_years = [next(iter(c.years)) for c in constraints if c.kind == "le"]
    if len(tied) == 1:
        year = tied[0]
        tie_note = ""
    elif past_years:
        # a report mostly looks back on the recent past: the latest year told as past
        anchor_year = max(past_years)
        year = min(tied, key=lambda y: (abs(y - anchor_year), -y))
        tie_note = f"; of {tied[0]}–{tied[-1]}, the one nearest the latest past year"
    elif future_years:
        year = max(tied)
        tie_note = f"; of {tied[0]}–{tied[-1]}, the latest before the future years"
    else:
        year = max(tied)
        tie_note = ""
    strong_fit = any(pair_fits(year, wd, mo, d) for _, wd, mo, d in pairs) or any(
        c.kind == "eq" and year in c.years for c in constraints
    )
    # News style prints a year only when it is not the current one: dates the text gives
    # without a year ("on March 28", "until April 22") are the report's own days, so a text that
    # names earlier years only as history ("in 2021", "since 2019") and no day with its year
    # is written after them — how long after, tense alone does not say. Such a year is taken
    # only when something still to come closes the gap (a future "in 2023" after a past 2021
    # leaves 2022); otherwise the year stays unknown rather than wrong (news-dev bare texts:
    # earthquake and state-visit reports recalling 2021 and 2023 were dated to those years).
    own_days = [it for it in items if _yearless(it.sem) and it.index not in item_years]
    history = [next(iter(c.years)) for c in constraints if c.history]
    # (a year mentioned without a tense, "(1994-2024)" of an anniversary, may be the current one)
    if (
        own_days
        and history
        and max(history) == max(past_years)
        and not dated_day
        and not strong_fit
        and year <= max(history)
    ):
        latest = max(history)
        # the earliest year the report must precede, from what it tells as still to come
        ceiling = min(
            (y for c in constraints if c.kind == "le" and not c.target for y in c.years),
            default=None,
        )
        if ceiling is None or ceiling > latest + 1:
            note = (
                f"dates without a year are the report's own, after {latest} (the latest year "
                "told as history); no evidence says which year"
            )
            return YearInference(None, 0.0, [note], {}, item_years)
        if ceiling == latest + 1:
            year, tie_note = ceiling, f"; after {latest} told as past, by {ceiling} still to come"
    runner_up = max((s for y, s in scored.items() if y != year), default=best - 1)
    margin = best - runner_up
    evidence: list[str] = []
    pins: dict[int, str] = {}
    strong = False
    for it, wd, mo, d in pairs:
        if pair_fits(year, wd, mo, d):
            strong = True
            day = date(year, mo, d)
            evidence.append(f"'{it.match.text}' is {day.strftime('%A')} {day.isoformat()}")
            if it.sem.month is None:
                pins[it.index] = day.isoformat() + (it.sem.tod or "")
    for c in constraints:
        if c.kind == "eq" and year in c.years:
            strong = True
            evidence.append(c.text)
    if past_years:
        evidence.append(f"latest year told as past {max(past_years)}")
    told_future = [c.said or next(iter(c.years)) for c in constraints if c.kind == "le"]
    if told_future:
        evidence.append(f"earliest year told as future {min(told_future)}")
    if dateline_date:
        evidence.append(f"dateline {dateline_date}")
    # Confidence: a year named outright (weekday fit, event name) is rarely wrong; a year
    # only bracketed by tenses is a good guess when the bracket is tight (a clear margin over
    # the next year) and a weak one otherwise.
    if strong:
        confidence = 0.85 if margin >= 1 else 0.7
    elif past_years and future_years:
        confidence = 0.6 if margin >= 1 else 0.5
    else:
        confidence = 0.4
    note = f"year {year}: " + "; ".join(evidence) + tie_note
    return YearInference(year, confidence, [note], pins, item_years)


@dataclass(frozen=True)
class Bounds:
    """What the resolved expressions say about the publication date: it falls on or after
    ``after`` and on or before ``before``; ``after_is_day`` when ``after`` is a day the text
    names (not the start of a month or a week's window)."""

    after: date | None
    after_why: str | None
    before: date | None
    before_why: str | None
    after_is_day: bool = False


def publication_bounds(resolved: list[tuple[Item, str | None]]) -> Bounds:
    """The report follows what it tells as past and precedes what it tells as future."""
    after: tuple[date, str, bool] | None = None
    before: tuple[date, str] | None = None
    for it, value in resolved:
        sem, ctx = it.sem, it.ctx
        if sem.type not in ("DATE", "TIME") or not value or "X" in value:
            continue
        if sem.kind in ("dur", "set", "ref", "ordday"):
            continue
        first, _, last = value.partition("/")
        b_first = v.value_bounds(first[:10] if "T" in first else first)
        b_last = v.value_bounds(last[:10] if "T" in last else last) if last else b_first
        if b_first is None or b_last is None:
            continue
        weekday_only = sem.kind == "cal" and sem.weekday is not None and sem.month is None
        is_day = b_last[0] == b_last[1]
        if ctx.tense == "past":
            # told as past: it had begun by publication; a span of days or months told as past
            # had reached its last part ("from January to September"), a span of years may
            # still run ("received places for the 2025-2026 academic year")
            lo = b_last[0] if (b_last[1] - b_last[0]).days < 32 else b_first[0]
            if after is None or lo > after[0]:
                after = (lo, f"'{it.match.text}' = {value} told as past", is_day)
            if weekday_only:
                # a bare weekday told as past is within the last week
                hi = b_first[0] + timedelta(days=6)
                if before is None or hi < before[0]:
                    before = (hi, f"'{it.match.text}' = {value}, a weekday within the week")
        elif ctx.tense == "future" or (ctx.tense == "present" and weekday_only):
            hi = b_first[0] - timedelta(days=1) if b_first[0] == b_first[1] else b_first[1]
            if before is None or hi < before[0]:
                before = (hi, f"'{it.match.text}' = {value} still to come")
            if weekday_only:
                lo = b_first[0] - timedelta(days=6)
                if after is None or lo > after[0]:
                    why = f"'{it.match.text}' = {value}, a weekday within the week"
                    after = (lo, why, False)
    return Bounds(
        after[0] if after else None,
        after[1] if after else None,
        before[0] if before else None,
        before[1] if before else None,
        after[2] if after else False,
    )


def estimate_published(
    year: YearInference, bounds: Bounds, dateline_date: str | None
) -> tuple[str | None, float | None, str | None]:
    """The publication date at the precision the evidence allows, a confidence and the
    evidence."""
    parts: list[str] = list(year.evidence)
    if year.year is None:
        return None, None, "; ".join(parts) if parts else None
    if dateline_date and dateline_date.startswith("--"):
        try:
            day = date(year.year, int(dateline_date[2:4]), int(dateline_date[5:7]))
        except ValueError:
            day = None
        if day is not None:
            parts.append(f"dateline day {dateline_date}")
            # the dateline prints the day: only the year is inferred, so the date is as sure
            # as the year, a little surer for the agreement (never above 0.9: still inferred)
            return day.isoformat(), round(min(0.9, year.confidence + 0.05), 2), "; ".join(parts)
    after, before = bounds.after, bounds.before
    if after and after.year != year.year:
        after = None
    if before and before.year != year.year:
        before = None
    confidence = year.confidence
    if after and before and after > before:
        # What the text tells as done outweighs what it calls planned: the plan may have been
        # reported before the events the article describes.
        parts.append(f"ignored {bounds.before_why}: it falls before what is told as past")
        before = None
        confidence *= 0.8  # the evidence disagreed once: a fifth less sure
    if after:
        parts.append(f"on or after {after.isoformat()} ({bounds.after_why})")
    if before:
        parts.append(f"on or before {before.isoformat()} ({bounds.before_why})")
    evidence = "; ".join(parts)
    # Confidence shrinks with what is claimed beyond the evidence: a day bracketed on both sides
    # is as sure as the year; a month holding both bounds nearly so; a day the text names as
    # the latest past event is the likeliest date (news reports what just happened), no more.
    if after and before and after == before:
        return after.isoformat(), round(confidence, 2), evidence
    if after and before and (after.year, after.month) == (before.year, before.month):
        return f"{after.year:04d}-{after.month:02d}", round(confidence * 0.9, 2), evidence
    if after and not before and bounds.after_is_day:
        return after.isoformat(), round(confidence * 0.6, 2), evidence
    return f"{year.year:04d}", round(confidence, 2), evidence
