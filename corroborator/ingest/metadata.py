"""What an article's text says about itself: title, publication date, outlet, wire attribution.

Everything here reads what is *printed*; nothing is guessed. An unknown value stays ``None``.
The cascade for the publication date, each step only when the ones before found nothing:

1. container metadata (JSON field, HTML meta tags);
2. the page's own date marker: a label and a date opening the text, even when the body goes on
   in the same line ("date 2025-05-07 MOSCOW, May 7 …", "Published: 26 November 2025");
3. a date line of its own near the top or bottom ("November 26, 2025");
4. a time stamp near the top: a date with its year after a label or before a clock time,
   sharing its line with a byline or an outlet ("Reuters Published 08 May, 2025 01:03pm",
   "21.06.2024 15:19", "02 сентября 2025 в 09:25");
5. a date path in the URL (``/2025/11/24/``, ``/2025-05/08/``, ``/05/07/2025/``, ``t20250511``);
6. a dateline with a year ("WASHINGTON, Nov. 25, 2025 (AP) —").

The evidence says which step and what it read. A dateline without a year is kept as
``dateline_date`` (``--MM-DD``) for the temporal analysis to resolve (a weekday in the lead can
fix its year); it is not a publication date by itself.

The outlet comes from the container, a dateline's parenthesis or brackets ("NEW DELHI [Maha
Media]:"), a byline's organisation, an outlet line under the headline ("The Korea Herald",
"- Sputnik International"), the outlet patterns of wires.yaml, or a sign-off line. A place is
never an outlet: the dateline's city, a country or city of the gazetteer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date
from functools import cache

from corroborator import lexicon
from corroborator.ingest.dates import (
    city_zone,
    local_day,
    page_dates,
    parse_metadata_date,
    parse_metadata_instant,
    parse_written_date,
    url_date,
)

# Date lines are looked for among the first 6 and last 3 non-empty lines: headline, standfirst,
# caption, byline and date sit there in every layout of the example corpus and the seeds.
_HEAD_LINES = 6
_TAIL_LINES = 3
# A line holding only a date (plus a prefix, weekday or time) is shorter than this.
_DATE_LINE_MAX = 60
# Lead and footer zones for scoped patterns: a dateline and a wire slug sit in the first
# 300 characters; sign-offs and "based on" notes in the last 400.
_LEAD_CHARS = 300
_FOOTER_CHARS = 400
# A headline is a short line without closing punctuation: ≤ 200 characters and ≥ 3 words
# covers every headline in the example corpus and the seeds, and no body paragraph.
_TITLE_MAX = 200
_TITLE_MIN_WORDS = 3
# A sign-off line naming the outlet ("GSV 'Russia - Islamic World'") has at most 8 words.
_SIGNATURE_MAX_WORDS = 8
_NAME = r"[A-Z][\w.&'’-]*(?:\s(?:[A-Z][\w.&'’-]*|of|and|de|the))*?(?:\s[A-Z][\w.&'’-]*){0,3}"


@dataclass(frozen=True)
class TextMetadata:
    """What :func:`read_metadata` found, each value with the evidence for it."""

    title: str | None = None
    published: str | None = None
    published_evidence: str | None = None
    outlet: str | None = None
    attributed_to: tuple[str, ...] = ()
    dateline_place: str | None = None
    dateline_date: str | None = None
    authors: tuple[str, ...] = ()


@cache
def _wires() -> tuple[
    dict[str, str],
    str,
    list[tuple[str, re.Pattern[str]]],
    list[re.Pattern[str]],
    list[tuple[str, re.Pattern[str]]],
]:
    data = lexicon.load("wires.yaml")
    alias_to_name = {}
    for agency in data["agencies"]:
        for alias in [agency["name"], *agency.get("aliases", [])]:
            alias_to_name[alias] = agency["name"]
    agency_alt = "|".join(re.escape(a) for a in sorted(alias_to_name, key=len, reverse=True))

    def compile_(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern.replace("{AGENCY}", f"(?:{agency_alt})").replace("{NAME}", _NAME))

    attribution = [(p["scope"], compile_(p["pattern"])) for p in data["attribution"]]
    credits = [compile_(p) for p in data["credits"]]
    outlets = [(p["scope"], compile_(p["pattern"])) for p in data.get("outlets", [])]
    return alias_to_name, agency_alt, attribution, credits, outlets


def canonical_agency(name: str) -> str | None:
    """The canonical name of a known agency spelled ``name``, else ``None``."""
    aliases = _wires()[0]
    name = name.strip().strip("\"'“”«»").rstrip(".")
    if name in aliases:
        return aliases[name]
    lowered = {k.lower(): v for k, v in aliases.items() if len(k) > 3}
    return lowered.get(name.lower())


def _clean_name(name: str) -> str:
    name = re.sub(r"[\"“”«»]", "", name).strip().rstrip(".,;:")
    return re.sub(r"\s+", " ", name)


def _lines(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            out.append((pos, line.strip()))
        pos += len(line) + 1
    return out


@cache
def _label_res() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a label opening the text, any case; a capitalised label inside a head line)."""
    prefixes = lexicon.load("temporal.yaml").get("date_line_prefixes", [])
    alt = "|".join(re.escape(p) for p in sorted(prefixes, key=len, reverse=True))
    leading = re.compile(rf"^(?:{alt})\s*:?\s*$", re.IGNORECASE)
    # inside a line the label is capitalised, as pages print it ("Reuters Published 08 May"):
    # prose that says "was published on 8 May, 2025" is not a page stamp
    inner = re.compile(rf"(?:^|[\s|·,])(?:{alt})\s*:?\s*$")
    return leading, inner


def _leading_marker(lines: list[tuple[int, str]]) -> tuple[str, int] | None:
    """``(date, end offset in the first line)`` when the text opens with a label and a date
    ("date 2025-05-07 MOSCOW, May 7 …"): the page's own date marker, the body may follow."""
    if not lines:
        return None
    leading, _ = _label_res()
    first = lines[0][1]
    for found in page_dates(first[:_DATE_LINE_MAX]):
        if leading.match(first[: found.start]):
            return found.value, found.end
        break
    return None


def _date_line(lines: list[tuple[int, str]]) -> tuple[str, str] | None:
    prefixes = lexicon.load("temporal.yaml").get("date_line_prefixes", [])
    prefix_re = re.compile(
        r"^(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s*:?\s*", re.IGNORECASE
    )
    candidates = lines[:_HEAD_LINES] + lines[-_TAIL_LINES:]
    for _, line in candidates:
        if len(line) > _DATE_LINE_MAX:
            continue
        value = parse_written_date(prefix_re.sub("", line))
        if value and not value.startswith("--"):
            return value, line
    return None


def _stamp(lines: list[tuple[int, str]]) -> tuple[str, str] | None:
    """A time stamp near the top: a full date after a capitalised label or before a clock time,
    in a line it shares with a byline, an outlet or a caption."""
    _, inner = _label_res()
    for _, line in lines[:_HEAD_LINES]:
        for found in page_dates(line):
            labelled = found.labelled and bool(inner.search(line[: found.start]))
            if labelled or found.timed:
                return found.value, line[max(0, found.start - 20) : found.end + 12].strip()
    return None


def _without_marker(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """``lines`` with a leading date marker cut from the first one (the dateline follows it)."""
    marker = _leading_marker(lines)
    if marker is None:
        return lines
    pos, first = lines[0]
    rest = first[marker[1] :]
    cut = len(first) - len(rest.lstrip())
    if not rest.strip():
        return lines[1:]
    return [(pos + cut, first[cut:]), *lines[1:]]


_DL_DATE = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?(?:\s+\d{4})?"
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:\s[A-Z][A-Z'’.\-]+){0,3})"  # MOSCOW, NEW YORK, ST. PETERSBURG
    rf"(?:,\s*(?P<date>{_DL_DATE})|:?\s*\((?P<pdate>{_DL_DATE})\))?"  # ", May 6" or ": (May 8)"
    r"\s*\.?\s*"
    r"(?:\((?P<paren>[A-Z][^()\n]{1,60})\)|\[(?P<bracket>[A-Z][^\[\]\n]{1,60})\]"
    r"|/(?P<slash>[^/\n]{2,30})/)?"
    r"\s*(?P<sep>[.:,]?\s*(?:[—–-]{1,2}|\.|:)?)\s"
)
# A Cyrillic dateline prints the day first, the month in the genitive or cut short ("БИШКЕК,
# 26 ноября. /ТАСС/.", "МОСКВА, 28 мар — РИА Новости."). The day is required, so a headline
# opening with an acronym ("США и Китай …") is never taken for a dateline.
_DATELINE_CYR = re.compile(
    r"^(?P<place>[А-ЯЁ][А-ЯЁ.\-]+(?:\s[А-ЯЁ][А-ЯЁ.\-]+){0,3})"
    r",\s*(?P<date>\d{1,2}\s+[а-яё]{3,8}\.?(?:\s+\d{4})?)(?:\s+г(?:ода|\.))?(?P<pdate>)?"
    r"\s*\.?\s*"
    r"(?:\((?P<paren>[А-ЯЁA-Z][^()\n]{1,60})\)|\[(?P<bracket>[А-ЯЁA-Z][^\[\]\n]{1,60})\]"
    r"|/(?P<slash>[^/\n]{2,30})/)?"
    r"\s*(?P<sep>[.:,]?\s*(?:[—–-]{1,2}|\.|:)?)\s"
)


# Some agencies print the city in title case, always with the agency between slashes after the
# date ("Москва, 8 мая /Синьхуа/ --"): the slashes are required, so a sentence opening with a
# city and a date ("Москва, 8 мая, стала …") is never taken for a dateline.
_DATELINE_CYR_TITLE = re.compile(
    r"^(?P<place>[А-ЯЁ][а-яё]+(?:[\s-][А-ЯЁ][а-яё]+){0,2})"
    r",\s*(?P<date>\d{1,2}\s+[а-яё]{3,8}\.?(?:\s+\d{4})?)(?:\s+г(?:ода|\.))?(?P<pdate>)"
    r"\s*\.?\s*(?P<paren>)(?P<bracket>)/(?P<slash>[^/\n]{2,30})/"
    r"\s*(?P<sep>[.:,]?\s*(?:[—–-]{1,2}|\.|:)?)\s"
)


_CYRILLIC_NAME = re.compile(r"^[^a-zA-Z]*[А-ЯЁ]")


def _dateline_match(line: str) -> re.Match[str] | None:
    return _DATELINE.match(line) or _DATELINE_CYR.match(line) or _DATELINE_CYR_TITLE.match(line)


def _dateline(lines: list[tuple[int, str]], title: str | None) -> re.Match[str] | None:
    for _, line in _without_marker(lines)[:3]:
        if line == title:
            continue
        m = _dateline_match(line)
        if not m:
            continue
        capitals = "A-ZА-ЯЁа-яё" if m.re is _DATELINE_CYR_TITLE else "A-ZА-ЯЁ"
        place_letters = re.sub(rf"[^{capitals}]", "", m.group("place"))
        has_marker = (
            m.group("date")
            or m.group("pdate")
            or m.group("paren")
            or m.group("bracket")
            or m.group("slash")
            or m.group("sep").strip()
        )
        if len(place_letters) >= 3 and has_marker:
            return m
    return None


# What follows a Cyrillic dateline's dash up to the full stop: the agency of the dispatch
# ("МОСКВА, 28 мар — РИА Новости. …", "ПЕКИН, 30 окт – РИА Новости.").
_DASH_AGENCY = re.compile(r"\s*(?P<name>[^.\n]{2,40}?)\s*\.")


def _dash_agency(m: re.Match[str]) -> str | None:
    """The known agency a Cyrillic dateline names after its dash, if any."""
    if m.re is not _DATELINE_CYR or not re.search(r"[—–-]", m.group("sep")):
        return None
    after = _DASH_AGENCY.match(m.string, m.end())
    return canonical_agency(after.group("name")) if after else None


@cache
def _places() -> frozenset[str]:
    """Names of places (countries, cities, venues) the gazetteer knows, lower-cased."""
    data = lexicon.load("gazetteer.yaml")
    names: set[str] = set()
    for place in data.get("places", []):
        names.update(n.lower() for n in [place["name"], *place.get("aliases", [])])
    for country in data.get("countries", {}).values():
        names.update(n.lower() for n in [country["name"], *country.get("names", [])])
    return frozenset(names)


def _is_place(name: str, dateline_place: str | None) -> bool:
    """A dateline city ("NAIROBI", "Moscow:") or a place the gazetteer knows is never an
    outlet: outlets are counted as sources, places are not."""
    key = _clean_name(name).lower()
    if dateline_place and key == dateline_place.lower():
        return True
    return key in _places()


# An outlet line under a headline is short: four words hold "The Kyiv Independent",
# "Sputnik International", "Radio Free Asia" (the example corpus and news-dev's development
# clusters); longer lines are standfirsts or captions.
_OUTLET_LINE_MAX_WORDS = 4
_OUTLET_LINE = re.compile(
    r"^(?P<dash>[-–—•|]\s*)?(?P<name>[\"“«]?[A-Z][\w.&'’-]*(?:\s[\w.&'’-]+){0,3})$"
)


def _outlet_line(lines: list[tuple[int, str]], title: str | None) -> tuple[str | None, str | None]:
    """``(agency, outlet)`` named on a line of its own near the headline: an agency's name
    ("Reuters", "Xinhua", also before a time stamp), a name set off by a leading dash ("- Sputnik
    International"), or a name built on a word outlets use ("The Korea Herald", "USA Today")."""
    outlet_words = {w.lower() for w in lexicon.load("wires.yaml").get("outlet_words", [])}
    for _, line in lines[:_HEAD_LINES]:
        if line == title:
            continue
        stamps = page_dates(line)
        if stamps:  # "Reuters Published 08 May, 2025 01:03pm": the name before the stamp
            _, inner = _label_res()
            head = line[: stamps[0].start]
            head = inner.sub("", head) if stamps[0].labelled else head
            line = head.strip(" ,|·–—-")
            if not line:
                continue
        m = _OUTLET_LINE.match(line)
        if not m or len(m.group("name").split()) > _OUTLET_LINE_MAX_WORDS:
            continue
        name = _clean_name(m.group("name"))
        agency = canonical_agency(name)
        if agency:
            return agency, None
        tokens = name.split()
        capitalised = all(t[:1].isupper() or t.lower() in ("of", "the", "and", "&") for t in tokens)
        if not capitalised:
            continue
        if m.group("dash") or (len(tokens) > 1 and any(t.lower() in outlet_words for t in tokens)):
            return None, name
    return None, None


_PERSON = re.compile(r"[A-Z][\w.'’-]+(?:\s[A-Z][\w.'’-]+){1,3}")
# A byline is a short line of its own: 120 characters hold four names and an outlet.
_BYLINE_MAX = 120


def _split_byline(rest: str) -> tuple[list[str], str | None]:
    """Names and organisation of a byline after "By ": "A B and C D, Outlet", "A B | Outlet"."""
    parts = re.split(r"\s*(?:\||—|–|\s-\s)\s*", rest, maxsplit=1)
    if len(parts) == 2:
        return re.split(r",\s*|\s+and\s+", parts[0]), parts[1]
    chunks = [c.strip() for c in rest.split(",")]
    if len(chunks) == 1:
        return re.split(r"\s+and\s+", rest), None
    if " and " in chunks[-1]:  # "A B, C D and E F": all names
        return [n for c in chunks for n in re.split(r"\s+and\s+", c)], None
    return [n for c in chunks[:-1] for n in re.split(r"\s+and\s+", c)], chunks[-1]


def _byline(lines: list[tuple[int, str]]) -> tuple[tuple[str, ...], str | None] | None:
    """``(authors, organisation)`` from a "By Jane Doe, Outlet" line near the top."""
    for _, line in lines[:_HEAD_LINES]:
        if len(line) > _BYLINE_MAX or line.endswith(".") or not line.startswith("By "):
            continue
        names, org = _split_byline(line[3:].strip())
        if names and all(_PERSON.fullmatch(n.strip()) for n in names):
            return tuple(n.strip() for n in names), (org.strip() or None) if org else None
    return None


def _title(lines: list[tuple[int, str]]) -> str | None:
    if len(lines) < 2:
        return None
    first = lines[0][1]
    if (
        len(first) <= _TITLE_MAX
        and len(first.split()) >= _TITLE_MIN_WORDS
        and not re.search(r"[.;:,]$", first)
        and parse_written_date(first) is None
        and not _dateline_match(first)
    ):
        return first
    return None


def _spans_outside(text: str, credits: list[re.Pattern[str]]) -> str:
    """``text`` with credit spans blanked out (same length, so offsets stay valid)."""
    for pattern in credits:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


def _scoped(text: str, scope: str) -> tuple[str, int]:
    if scope == "lead":
        return text[:_LEAD_CHARS], 0
    if scope == "footer":
        start = max(0, len(text) - _FOOTER_CHARS)
        return text[start:], start
    return text, 0


def _attribution(text: str) -> list[str]:
    _, _, patterns, credits, _ = _wires()
    visible = _spans_outside(text, credits)
    found: list[str] = []
    for scope, pattern in patterns:
        zone, _ = _scoped(visible, scope)
        for m in pattern.finditer(zone):
            raw = m.group("agency")
            name = canonical_agency(raw) or _clean_name(raw)
            if name and name not in found:
                found.append(name)
    return found


def _name_like(line: str) -> bool:
    """A name, not the cut end of a sentence: every word of four letters or more capitalised
    ("GSV 'Russia - Islamic World'"; not "Officials were flanked by ministers")."""
    return all(
        w[:1].isupper() or not w[:1].isalpha() or len(w) < 4
        for w in re.sub(r"[\"“”«»'‘’]", "", line).split()
    )


def _signature(lines: list[tuple[int, str]]) -> str | None:
    """The outlet named on a sign-off line at the very end, among credit and attribution lines."""
    _, _, attribution, credits, _ = _wires()
    candidate = None
    for _, line in reversed(lines[-4:]):
        is_credit = any(p.search(line) for p in credits)
        is_attr = any(p.search(line) for _, p in attribution)
        if is_credit or is_attr:
            continue
        words = line.split()
        if (
            len(words) <= _SIGNATURE_MAX_WORDS
            and not re.search(r"[.!?:;,]$", line)
            and not re.search(r"\d", line)
            and ":" not in line
            and re.match(r"[\"“«A-Z]", line)
            and _name_like(line)
        ):
            candidate = _clean_name(line)
        break
    return candidate


def _writers_day(
    raw: str, published: str, evidence: str, dateline_place: str | None
) -> tuple[str, str]:
    """The publication day on the clock of the place the report was written: a crawler's
    time stamp ("2025-03-10T22:40:00Z") is often in UTC or in the outlet's zone, and a report
    datelined TOKYO at 22:40 UTC was written on 11 March there, the day its "today" and "on
    Tuesday" count from. Only a stamp with a time and a zone, and a dateline city the world
    tables know with one UTC offset (``city_zone``), move the day."""
    moment = parse_metadata_instant(raw)
    zone = city_zone(dateline_place, moment) if moment is not None else None
    day = local_day(moment, zone) if moment is not None and zone else None
    if day is None or day == published:
        return published, evidence
    return day, f"{evidence}, {day} on the clock of the dateline's {dateline_place} ({zone})"


def _datelines_day(published: str, evidence: str, dateline_date: str | None) -> tuple[str, str]:
    """The dateline's own day when it is the day before or after the metadata's: a dateline
    ("TOKYO, March 11 -") prints the day where the report was filed, and a feed's date may be
    the publisher's or UTC's, a day apart across the date line. Farther apart, the two tell
    different things (a dateline left from an earlier version), and the metadata stays."""
    if not dateline_date or len(published) != 10:
        return published, evidence
    try:
        given = _date.fromisoformat(published)
        candidates = [
            _date.fromisoformat(dateline_date)
            if not dateline_date.startswith("--")
            else _date(given.year + shift, int(dateline_date[2:4]), int(dateline_date[5:7]))
            for shift in ((0,) if not dateline_date.startswith("--") else (-1, 0, 1))
        ]
    except ValueError:
        return published, evidence
    near = [d for d in candidates if abs((d - given).days) == 1]
    if not near:
        return published, evidence
    day = near[0].isoformat()
    return day, f"{evidence}, {day} by the dateline's day"


def read_metadata(
    text: str,
    *,
    meta_title: str | None = None,
    meta_published: str | None = None,
    meta_outlet: str | None = None,
    meta_authors: tuple[str, ...] = (),
    url: str | None = None,
) -> TextMetadata:
    """Detect the title, publication date, outlet and wire attribution of an article.

    ``url`` is the page's address when the container gives one (its date path is a signal).
    """
    lines = _lines(text)
    title = (meta_title or "").strip() or _title(lines)

    published, evidence = None, None
    if meta_published:
        published = parse_metadata_date(meta_published)
        if published:
            evidence = f"metadata: {meta_published!r}"
    if published is None:
        marker = _leading_marker(lines)
        if marker:
            published = marker[0]
            evidence = f"page date marker: {lines[0][1][: marker[1]]!r}"
    if published is None:
        found = _date_line(lines)
        if found:
            published, line = found
            evidence = f"date line: {line!r}"
    if published is None:
        found = _stamp(lines)
        if found:
            published, evidence = found[0], f"time stamp: {found[1]!r}"
    if published is None:
        in_url = url_date(url)
        if in_url:
            published, evidence = in_url[0], f"url date path: {in_url[1]!r}"

    attributed = _attribution(text)
    outlet = _clean_name(meta_outlet) if meta_outlet else None

    dateline_place = dateline_date = None
    m = _dateline(lines, title)
    if m:
        dateline_place = m.group("place").strip(" .:")
        written = m.group("date") or m.group("pdate")
        if written:
            dateline_date = parse_written_date(written)
            if published is None and dateline_date and not dateline_date.startswith("--"):
                published, evidence = dateline_date, f"dateline: {m.group(0).strip()!r}"
        for kind in ("paren", "bracket", "slash"):
            raw = m.group(kind)
            if not raw:
                continue
            agency = canonical_agency(raw)
            if agency:
                if agency not in attributed:
                    attributed.append(agency)
            elif (
                outlet is None
                and (kind != "slash" or _CYRILLIC_NAME.search(raw))
                and not _is_place(raw, dateline_place)
            ):
                # between slashes only the Russian convention names the publisher
                # ("/ТАСС/", "/Корр. ИА .../"); elsewhere slashes hold credits
                outlet = _clean_name(raw)
        dashed = _dash_agency(m)
        if dashed and dashed not in attributed:
            attributed.append(dashed)

    authors = meta_authors
    by = _byline(lines)
    if by:
        authors = authors or by[0]
        org = by[1]
        if org:
            agency = canonical_agency(org)
            if agency:
                if agency not in attributed:
                    attributed.append(agency)
            elif outlet is None and not _is_place(org, dateline_place):
                outlet = _clean_name(org)

    line_agency, line_outlet = _outlet_line(lines, title)
    if line_agency and line_agency not in attributed:
        attributed.append(line_agency)
    if outlet is None and line_outlet and not _is_place(line_outlet, dateline_place):
        outlet = line_outlet
    if outlet is None:
        _, _, _, _, outlet_patterns = _wires()
        for scope, pattern in outlet_patterns:
            zone, _ = _scoped(text, scope)
            om = pattern.search(zone)
            if om and not _is_place(om.group("outlet"), dateline_place):
                outlet = _clean_name(om.group("outlet"))
                break
    if outlet is None:
        outlet = _signature(lines)
        if outlet and _is_place(outlet, dateline_place):
            outlet = None
    if meta_published and published and evidence and evidence.startswith("metadata"):
        original = published
        published, evidence = _writers_day(meta_published, published, evidence, dateline_place)
        # the dateline is compared with the metadata's own day, so a day never moves twice
        if published == original:
            published, evidence = _datelines_day(published, evidence, dateline_date)
    return TextMetadata(
        title=title or None,
        published=published,
        published_evidence=evidence,
        outlet=outlet,
        attributed_to=tuple(attributed),
        dateline_place=dateline_place,
        dateline_date=dateline_date,
        authors=authors,
    )
