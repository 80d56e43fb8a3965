"""Anchoring: turning a :class:`~.normalize.Sem` into a value, given the anchor and the tense.

Relative expressions move from the anchor (the publication date, a date given by the caller,
the dateline, or an inferred date). Calendar expressions without a year or week take the
direction their verb gives: "will hold talks on Wednesday" looks forward (the first Wednesday
on or after the anchor), "began on Tuesday" looks back (the last Tuesday on or before it).
Discourse references ("that day", "the quarter", "a year earlier" in a report about a
quarter) take the latest date of the right precision that the text has already given, and
"the second day" counts from the start of the multi-day span the article describes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Literal

from corroborator.analyze.timex import values as v
from corroborator.analyze.timex.context import Context
from corroborator.analyze.timex.normalize import Sem

Direction = Literal["past", "future", "nearest"]


@dataclass(frozen=True)
class Anchor:
    """The time relative expressions are resolved against.

    ``day`` is set when the anchor is precise to the day; ``year`` (and ``month``) when only
    they are known. ``kind``: ``published``, ``given``, ``dateline``, ``inferred`` or ``none``.
    """

    kind: str
    day: date | None = None
    year: int | None = None
    month: int | None = None

    @property
    def value(self) -> str | None:
        """The anchor as an ISO value at its precision."""
        if self.day:
            return self.day.isoformat()
        if self.year and self.month:
            return f"{self.year:04d}-{self.month:02d}"
        if self.year:
            return f"{self.year:04d}"
        if self.month:
            return f"--{self.month:02d}"
        return None

    @property
    def label(self) -> str | None:
        """``value (kind)``, as reported with every expression."""
        return f"{self.value} ({self.kind})" if self.value else None

    @property
    def reference_day(self) -> date | None:
        """A day to count from: the anchor day, or mid-period when only a month or year is
        known (used only where the result is then reported at a coarser precision)."""
        if self.day:
            return self.day
        if self.year and self.month:
            return date(self.year, self.month, 15)  # mid-month: nearest to every day of it
        if self.year:
            return date(self.year, 7, 1)
        return None


# How far ahead a day named in a past-tense sentence may lie and still be read as announced
# rather than as last year's (see _choose_year): 45 days covers the notice periods of
# dividends, tender offers and deadlines in TBAQ's financial news.
ANNOUNCE_DAYS = 45


@dataclass(frozen=True)
class Resolved:
    """A resolved value with its granularity, range ends, and the reason."""

    value: str | None
    gran: str | None
    begin: str | None = None
    end: str | None = None
    why: str = ""
    anchor: str | None = None


def direction_for(sem: Sem, ctx: Context) -> tuple[Direction, str]:
    """Which way a year-less (or week-less) date looks from the anchor, and why.

    A cue next to the date wins over the tense ("extended to Nov. 20" is still to come,
    "Wednesday's ruling" is past); then the tense of the governing verb. With no tense, a
    weekday is taken as past (news reports look back) and a day or month as the nearest one;
    both defaults were measured on TempEval-3 TBAQ.
    """
    is_weekday = sem.weekday is not None and sem.month is None
    # "Wednesday's ruling" is past, but "ahead of Friday's parade" is still to come: a cue of
    # things to come before the possessive wins
    if ctx.possessive and is_weekday and ctx.lead_direction != "future":
        return "past", "a day already past ('s)"
    if ctx.lead_direction == "bound":
        if ctx.tense != "past":
            return "future", f"'{ctx.lead}'"
    elif ctx.lead_direction:
        return ctx.lead_direction, f"'{ctx.lead}'"
    if ctx.tense == "future":
        return "future", "future tense"
    if ctx.tense == "past":
        return "past", "past tense"
    if is_weekday:
        if ctx.tense == "present":
            # "begins on Tuesday", "meets Friday": news present tense with a day is a schedule
            return "future", "present tense (a schedule)"
        return "past", "no tense; news reports look back"
    if sem.sub and sem.sub.startswith(("Q", "H")):
        return "past", "quarters are reported after they end"
    return "nearest", f"{ctx.tense or 'no'} tense; the nearest"


def _start_in_year(sem: Sem, year: int) -> date | None:
    """The first day of a year-less calendar expression placed in ``year``."""
    try:
        if sem.nth is not None:
            month, weekday, nth = sem.nth
            return v.nth_weekday(year, month, weekday, nth)
        if sem.month is not None:
            return date(year, sem.month, sem.day or 1)
        if sem.sub:
            if sem.sub.startswith("Q"):
                return date(year, 3 * int(sem.sub[1]) - 2, 1)
            if sem.sub.startswith("H"):
                return date(year, 1 if sem.sub == "H1" else 7, 1)
            if sem.sub in v.SEASON_START:
                return date(year, v.SEASON_START[sem.sub], 1)
    except ValueError:
        return None
    return None


def _fmt_cal(sem: Sem, start: date) -> str:
    if sem.gran == "week":
        return v.fmt(start, "week")
    if sem.sub and not sem.month:
        return f"{start.year:04d}-{sem.sub}" if sem.sub != "latest" else v.fmt(start, "quarter")
    if sem.gran == "month" or (sem.month and not sem.day and not sem.nth):
        return v.fmt(start, "month")
    return start.isoformat()


def _choose_year(sem: Sem, anchor: Anchor, direction: Direction, shift: int | None) -> date | None:
    """Place a year-less calendar expression in the year its direction gives."""
    ref = anchor.reference_day
    if ref is None:
        return None
    years = [ref.year - 1, ref.year, ref.year + 1]
    starts = [(y, s) for y in years if (s := _start_in_year(sem, y)) is not None]
    if not starts:
        return None
    gran = sem.gran or "day"
    unit_gran = "season" if sem.sub in v.SEASON_START else gran
    if sem.sub and sem.sub.startswith("Q"):
        unit_gran = "quarter"
    elif sem.sub and sem.sub.startswith("H"):
        unit_gran = "half"
    if unit_gran == "weekend":
        unit_gran = "week"
    anchor_unit = v.unit_start(ref, unit_gran) if anchor.day else None

    def in_year(y: int) -> date | None:
        return next((s for yy, s in starts if yy == y), None)

    if shift is not None:
        if shift == 0 or anchor_unit is None:
            return in_year(ref.year)
        if shift < 0:
            # "last November": the latest before this month — but not the month just gone,
            # which a writer would call "last month" (TBAQ: "last February" said on 1 March
            # is the February of the year before)
            limit = v.shift(anchor_unit, "month", -1) if unit_gran == "month" else anchor_unit
            before = [s for _, s in starts if s < limit]
            return before[-1] if before else None
        after = [s for _, s in starts if s > anchor_unit]
        return after[0] if after else None
    if anchor_unit is None:
        # only a year is known: the date is placed in it
        return in_year(ref.year)
    if unit_gran in ("quarter", "half") and direction == "future":
        # "third-quarter results will…" in October: the quarter just ended, not next year's
        current = v.shift(anchor_unit, unit_gran, -1)
        after = [s for _, s in starts if s >= current]
        return after[0] if after else None
    if direction == "past":
        before = [s for _, s in starts if s <= anchor_unit]
        ahead = [s for _, s in starts if s > anchor_unit]
        # A past-tense sentence naming a day a few weeks ahead announces it ("extended the
        # offer to Nov. 20"); the same day eleven months back would carry its year.
        if (
            unit_gran == "day"
            and before
            and ahead
            and sem.weekday is None
            and (ahead[0] - ref).days <= ANNOUNCE_DAYS
            and (ref - before[-1]).days > 180  # half a year back: far enough to need a year
        ):
            return ahead[0]
        return before[-1] if before else None
    if direction == "future":
        # one day of slack: a wire story may be dated the day after a deadline it announces
        slack = timedelta(days=1) if unit_gran == "day" else timedelta(0)
        after = [s for _, s in starts if s >= anchor_unit - slack]
        return after[0] if after else None
    if unit_gran == "day":
        return min((abs((s - ref).days), s) for _, s in starts)[1]

    # months and seasons: the nearest by whole units, the earlier on a tie
    def units_away(s: date) -> int:
        return abs((s.year - anchor_unit.year) * 12 + s.month - anchor_unit.month)

    return min((units_away(s), s) for _, s in starts)[1]


def _weekday_date(weekday: int, anchor: date, direction: Direction, shift: int | None) -> date:
    back = (anchor.weekday() - weekday) % 7
    fwd = (weekday - anchor.weekday()) % 7
    if shift is not None:
        if shift < 0:
            return anchor - timedelta(days=back or 7)
        if shift > 0:
            return anchor + timedelta(days=fwd or 7)
        return v.unit_start(anchor, "week") + timedelta(days=weekday)
    if direction == "future":
        return anchor + timedelta(days=fwd)
    if direction == "past":
        return anchor - timedelta(days=back)
    return anchor - timedelta(days=back) if back <= fwd else anchor + timedelta(days=fwd)


@dataclass
class Resolver:
    """Resolves the expressions of one text in order, remembering what each one said so that
    later references ("that day", "the quarter") can use it."""

    anchor: Anchor
    refs: list[tuple[int, str, str]] = field(default_factory=list)  # (sentence, gran, value)
    spans: list[tuple[date, date]] = field(default_factory=list)

    def _why(self, sem: Sem, *parts: str) -> str:
        bits = [sem.note or sem.kind, *[p for p in parts if p]]
        return ", ".join(bits)

    def _anchor_note(self) -> str:
        return f"anchor={self.anchor.kind}" if self.anchor.value else "no anchor"

    def _remember(self, sentence: int, gran: str | None, value: str | None) -> None:
        if value and gran and "X" not in value and value[:1].isdigit():
            self.refs.append((sentence, gran, value))

    def _last_ref(self, grans: tuple[str, ...], sentence: int, window: int) -> str | None:
        for sent, gran, value in reversed(self.refs):
            if sentence - sent > window:
                return None
            if gran in grans:
                return value
        return None

    def resolve(
        self, sem: Sem, ctx: Context, anchor: Anchor | None = None, pinned: str | None = None
    ) -> Resolved:
        """The value of ``sem`` in context ``ctx`` (``anchor`` overrides the text's anchor,
        for speech with its own time; ``pinned`` is a value fixed by inference)."""
        saved = self.anchor
        if anchor is not None:
            self.anchor = anchor
        try:
            res = self._resolve(sem, ctx, pinned)
        finally:
            self.anchor = saved
        # a shifted reference ("the previous year") is not a new point of reference, except a
        # day counted on ("The next day … A day later …": a narrative moves on day by day)
        shifted_ref = (
            sem.kind == "anaphor" and sem.offset != 0 and sem.sub != "anchor" and sem.unit != "day"
        )
        if sem.type in ("DATE", "TIME") and not shifted_ref and not sem.inherit:
            self._remember(ctx.sentence, res.gran, res.value)
            if sem.kind == "range" and res.gran == "day" and res.begin and res.end:
                b, e = v.parse_day(res.begin), v.parse_day(res.end)
                if b and e and e > b:
                    self.spans.append((b, e))
        label = (anchor or self.anchor).label
        return Resolved(res.value, res.gran, res.begin, res.end, res.why, label)

    def _resolve(self, sem: Sem, ctx: Context, pinned: str | None) -> Resolved:
        a = self.anchor
        if pinned is not None:
            quote = "in a quotation (time of the quote)" if ctx.quoted else ""
            why = self._why(sem, quote, f"paired with the dated day {pinned[:10]}")
            return Resolved(pinned, "day", why=why)
        if sem.kind in ("abs", "dur", "set", "ref"):
            why = self._why(sem) if sem.kind != "abs" else self._why(sem, "explicit")
            return Resolved(sem.value, sem.gran, why=why)
        if sem.kind == "range":
            return self._range(sem, ctx)
        if sem.kind == "cal":
            return self._cal(sem, ctx)
        if sem.kind == "rel":
            ref = a.reference_day
            if ref is None:
                return Resolved(None, sem.gran, why=self._why(sem, "relative", "no anchor"))
            if sem.gran in ("day",) and a.day is None:
                return Resolved(None, sem.gran, why=self._why(sem, "needs a day-precise anchor"))
            if sem.gran in ("week", "weekend", "month", "season", "quarter") and not (
                a.day or a.month
            ):
                return Resolved(None, sem.gran, why=self._why(sem, "needs a finer anchor"))
            if sem.inherit:
                last = self._last_ref(("quarter",), ctx.sentence, self.WINDOW - 1)
                qb = v.value_bounds(last)
                if last is not None and qb is not None:
                    moved = v.shift(qb[0], "year", sem.offset)
                    return Resolved(
                        v.fmt(moved, "quarter"), "quarter", why=self._why(sem, f"after {last}")
                    )
            moved = v.shift(ref, sem.unit or "day", sem.offset)
            if sem.month is not None:
                value = f"{moved.year:04d}-{sem.month:02d}"
                return Resolved(value, "month", why=self._why(sem, self._anchor_note()))
            if sem.sub and sem.gran in ("quarter", "half", "season"):
                value = f"{moved.year:04d}-{sem.sub}"
            else:
                value = v.fmt(moved, sem.gran or "day")
            if sem.tod:
                value += sem.tod
            return Resolved(value, sem.gran, why=self._why(sem, self._anchor_note()))
        if sem.kind == "anaphor":
            return self._anaphor(sem, ctx)
        if sem.kind == "ordday":
            return self._ordday(sem)
        return Resolved(None, None, why=self._why(sem, "unresolved"))

    def _cal(self, sem: Sem, ctx: Context) -> Resolved:
        a = self.anchor
        tod = sem.tod or ""
        if sem.year is not None:
            start = _start_in_year(sem, sem.year) if not sem.weekday or sem.month else None
            if start is None:
                return Resolved(None, sem.gran, why=self._why(sem, "invalid date"))
            return Resolved(_fmt_cal(sem, start) + tod, sem.gran, why=self._why(sem))
        direction, reason = direction_for(sem, ctx)
        if sem.shift is not None:
            reason = {-1: "'last'", 1: "'next'", 0: "'this'"}[max(-1, min(1, sem.shift))]
        if ctx.quoted:
            reason = f"in a quotation (time of the quote), {reason}"
        if sem.sub == "WE":
            if a.day is None:
                return Resolved("XXXX-WXX-WE", "weekend", why=self._why(sem, "no day anchor"))
            saturday = _weekday_date(5, a.day, direction, sem.shift)
            return Resolved(
                v.fmt(saturday, "weekend"), "weekend",
                why=self._why(sem, reason, self._anchor_note()),
            )  # fmt: skip
        if sem.month is None and sem.sub is None and sem.nth is None and sem.weekday is not None:
            if a.day is None:
                return Resolved(
                    f"XXXX-WXX-{sem.weekday + 1}{tod}",
                    "day",
                    why=self._why(sem, reason, "no day-precise anchor"),
                )
            day = _weekday_date(sem.weekday, a.day, direction, sem.shift)
            return Resolved(
                day.isoformat() + tod, "day", why=self._why(sem, reason, self._anchor_note())
            )
        if a.reference_day is None:
            return Resolved(
                self._unknown_year(sem) + tod, sem.gran, why=self._why(sem, "no anchor")
            )
        if sem.weekday is not None and sem.month is not None and sem.day is not None:
            # "Tuesday, November 25": the year nearest the anchor where the weekday fits
            ref = a.reference_day
            for y in (ref.year, ref.year - 1, ref.year + 1):
                try:
                    d = date(y, sem.month, sem.day)
                except ValueError:
                    continue
                if d.weekday() == sem.weekday:
                    return Resolved(
                        d.isoformat() + tod, "day", why=self._why(sem, "weekday fixes the year")
                    )
        start = _choose_year(sem, a, direction, sem.shift)
        if start is None:
            return Resolved(self._unknown_year(sem) + tod, sem.gran, why=self._why(sem, reason))
        return Resolved(
            _fmt_cal(sem, start) + tod, sem.gran, why=self._why(sem, reason, self._anchor_note())
        )

    @staticmethod
    def _unknown_year(sem: Sem) -> str:
        if sem.month is not None and sem.day is not None:
            return f"XXXX-{sem.month:02d}-{sem.day:02d}"
        if sem.month is not None:
            return f"XXXX-{sem.month:02d}"
        if sem.sub:
            return f"XXXX-{sem.sub}"
        return "XXXX-XX-XX"

    def _range(self, sem: Sem, ctx: Context) -> Resolved:
        assert sem.begin is not None and sem.end is not None
        b = self._resolve(sem.begin, ctx, None)
        e_sem = sem.end
        if e_sem.kind == "cal" and e_sem.year is None and b.value and b.value[:4].isdigit():
            # the end takes the begin's year, or the next one if it would come first
            y = int(b.value[:4])
            e_sem = replace(e_sem, year=y)
            bs = v.value_bounds(b.value)
            es = v.value_bounds(self._resolve(e_sem, ctx, None).value)
            if bs and es and es[0] < bs[0]:
                e_sem = replace(e_sem, year=y + 1)
        e = self._resolve(e_sem, ctx, None)
        value = f"{b.value}/{e.value}" if b.value and e.value else None
        why = self._why(sem, b.why.split(", ", 1)[-1] if ", " in b.why else "")
        return Resolved(value, b.gran, b.value, e.value, why=why)

    # A reference ("that day", "a year earlier") looks back this many sentences for the time
    # it refers to; three keep "a year earlier" tied to the quarter just reported (measured on
    # TBAQ's financial reports) without reaching into an unrelated paragraph.
    WINDOW = 3

    def _quarter_ref(self, sem: Sem, ctx: Context) -> Resolved:
        a = self.anchor
        ref = a.reference_day
        if sem.sub == "anchor":
            if ref is None:
                return Resolved("XXXX-QX", "quarter", why=self._why(sem, "no anchor"))
            moved = v.shift(v.unit_start(ref, "quarter"), "quarter", sem.offset)
            return Resolved(
                v.fmt(moved, "quarter"), "quarter", why=self._why(sem, self._anchor_note())
            )
        last = self._last_ref(("quarter",), ctx.sentence, window=10**6)
        if last is None and ref is not None:
            # none mentioned yet: the quarter a report would be about, the one before the anchor's
            last = v.fmt(v.shift(v.unit_start(ref, "quarter"), "quarter", -1), "quarter")
        bounds = v.value_bounds(last)
        if bounds is None:
            return Resolved("XXXX-QX", "quarter", why=self._why(sem, "no quarter mentioned"))
        start = bounds[0]
        if sem.year is not None:
            start = start.replace(year=sem.year)
        moved = v.shift(start, "quarter", sem.offset)
        return Resolved(v.fmt(moved, "quarter"), "quarter", why=self._why(sem, f"after {last}"))

    def _anaphor(self, sem: Sem, ctx: Context) -> Resolved:
        a = self.anchor
        tod = sem.tod or ""
        if sem.unit == "quarter":
            return self._quarter_ref(sem, ctx)
        if sem.unit == "year" and sem.sub:
            # "the year-earlier third quarter": that quarter of the year before the one reported
            last = self._last_ref(("quarter", "half", "year"), ctx.sentence, self.WINDOW)
            ref = a.reference_day
            year = int(last[:4]) if last else (ref.year if ref else None)
            if year is None:
                return Resolved(f"XXXX-{sem.sub}", sem.gran, why=self._why(sem, "no anchor"))
            return Resolved(f"{year + sem.offset:04d}-{sem.sub}", sem.gran, why=self._why(sem))
        grans = {
            "year": ("quarter", "month", "year", "half", "season", "day"),
            "month": ("month", "day"),
            "week": ("week", "day"),
        }.get(sem.unit or "day", ("day",))
        last = self._last_ref(grans, ctx.sentence, self.WINDOW)
        bounds = v.value_bounds(last[:10] if last and v.parse_day(last) else last)
        if last is not None and bounds is not None:
            g = _gran_of_value(last)
            if sem.unit == "year":
                out_gran = g if g in ("quarter", "month", "half", "season") else "year"
            else:
                out_gran = sem.gran or g
            moved = v.shift(bounds[0], sem.unit or "day", sem.offset)
            return Resolved(
                v.fmt(moved, out_gran) + tod, out_gran, why=self._why(sem, f"after {last}")
            )
        ref = a.reference_day
        if ref is None or (sem.gran == "day" and a.day is None):
            return Resolved(None, sem.gran, why=self._why(sem, "nothing to refer to"))
        moved = v.shift(ref, sem.unit or "day", sem.offset)
        return Resolved(
            v.fmt(moved, sem.gran or "day") + tod,
            sem.gran,
            why=self._why(sem, self._anchor_note()),
        )

    def _ordday(self, sem: Sem) -> Resolved:
        if not self.spans:
            return Resolved(None, "day", why=self._why(sem, "no multi-day span in the text"))
        begin, end = self.spans[-1]
        n = sem.offset
        day = end if n < 0 else begin + timedelta(days=n - 1)
        if day > end:
            return Resolved(None, "day", why=self._why(sem, "past the end of the span"))
        return Resolved(day.isoformat(), "day", why=self._why(sem, f"span {begin} to {end}"))


def _gran_of_value(value: str) -> str:
    if v.parse_day(value):
        return "day"
    if "-Q" in value:
        return "quarter"
    if "-H" in value:
        return "half"
    if "-W" in value:
        return "week"
    if any(value.endswith(s) for s in v.SEASON_START):
        return "season"
    if len(value) == 7:
        return "month"
    return "year"
