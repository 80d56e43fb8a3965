"""The gazetteer (data/gazetteer.yaml) as lookup tables: aliases, offices, place hierarchy."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from corroborator import lexicon
from corroborator.analyze.world import load_world


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry: a person, organisation or place."""

    kind: str  # "person" | "org" | "place"
    name: str
    place_kind: str | None = None  # for places: country, city, venue, airport, …
    parent: str | None = None  # for places: the place that contains it
    code: str | None = None  # for countries: ISO 3166 alpha-2


@dataclass(frozen=True)
class Office:
    """A person holding an office over a period (ISO dates; ``to`` None while in office)."""

    person: str
    role: str
    country: str
    start: str | None
    end: str | None


@dataclass(frozen=True)
class Gazetteer:
    """Lookup tables built from the gazetteer file."""

    aliases: dict[str, Entry]
    offices: tuple[Office, ...]
    role_nouns: dict[str, str]  # lower-cased noun phrase → role key
    countries: dict[str, str]  # demonym or country name → country code
    country_names: dict[str, str]  # country code → canonical place name
    places: dict[str, Entry]  # canonical place name → entry

    def lookup(self, text: str) -> Entry | None:
        """The entry a spelling stands for (exact, then without a leading "the")."""
        text = text.strip()
        found = self.aliases.get(text)
        if found is None and text.lower().startswith("the "):
            found = self.aliases.get(text[4:])
        return found

    def holder(self, role: str, country: str, on: str | None) -> str | None:
        """Who held ``role`` in ``country`` on date ``on`` (the current holder when None)."""
        found = []
        for office in self.offices:
            if office.role != role or office.country != country:
                continue
            if on is None:
                if office.end is None:
                    found.append(office.person)
            elif (office.start or "") <= on and (office.end is None or on < office.end):
                found.append(office.person)
        return found[0] if len(found) == 1 else None

    def roles_of(self, person: str, on: str | None) -> set[tuple[str, str]]:
        """The ``(role, country)`` pairs ``person`` held on ``on`` (or holds now)."""
        out = set()
        for office in self.offices:
            if office.person != person:
                continue
            if (on is None and office.end is None) or (
                on is not None
                and (office.start or "") <= on
                and (office.end is None or on < office.end)
            ):
                out.add((office.role, office.country))
        return out

    def within(self, inner: str, outer: str) -> bool:
        """True when place ``inner`` is ``outer`` or lies inside it (venue in city in country).

        The curated hierarchy decides first; then the world tables (:mod:`.world`) say whether
        ``outer`` is a country and ``inner`` (or the place it lies in) a city of it."""
        seen = set()
        current: str | None = inner
        while current is not None and current not in seen:
            if current == outer:
                return True
            seen.add(current)
            entry = self.places.get(current)
            current = entry.parent if entry else None
        outer_code = self._country_named(outer)
        return outer_code is not None and self.country_code(inner) == outer_code

    def _country_named(self, name: str) -> str | None:
        """The ISO code of the country ``name`` names, if it names one."""
        code = self.countries.get(name)
        if code is not None and self.country_names.get(code) == name:
            return code
        entry = self.places.get(name)
        if entry is not None and entry.place_kind == "country":
            return entry.code
        found = load_world().lookup(name)
        return found.country if found is not None and found.kind == "country" else None

    def country_code(self, place: str) -> str | None:
        """The ISO code of the country ``place`` lies in (or is), from the curated hierarchy,
        then the world tables; ``None`` when neither knows it."""
        seen = set()
        current: str | None = place
        while current is not None and current not in seen:
            seen.add(current)
            code = self._country_named(current)
            if code is not None:
                return code
            entry = self.places.get(current)
            if entry is None:
                found = load_world().lookup(current)
                return found.country or None if found is not None else None
            current = entry.parent
        return None

    def city_of(self, place: str) -> str | None:
        """The city (or, failing that, the country) a place lies in; the place itself if a city."""
        current: str | None = place
        seen = set()
        while current is not None and current not in seen:
            seen.add(current)
            entry = self.places.get(current)
            if entry is None:
                return None
            if entry.place_kind in {"city", "country"}:
                return entry.name
            current = entry.parent
        return None


def _entry(kind: str, item: dict[str, Any]) -> Entry:
    return Entry(kind=kind, name=item["name"], place_kind=item.get("kind"),
                 parent=item.get("in"), code=item.get("code"))  # fmt: skip


@cache
def load_gazetteer() -> Gazetteer:
    """The merged gazetteer (package file plus the user's), built once per process."""
    data = lexicon.load("gazetteer.yaml")
    aliases: dict[str, Entry] = {}
    offices: list[Office] = []
    places: dict[str, Entry] = {}
    for kind, key in (("person", "people"), ("org", "organizations"), ("place", "places")):
        for item in data.get(key, []):
            entry = _entry(kind, item)
            if kind == "place":
                places[entry.name] = entry
            for alias in [item["name"], *item.get("aliases", [])]:
                aliases.setdefault(str(alias), entry)
            for office in item.get("roles", []) if kind == "person" else []:
                offices.append(Office(entry.name, office["role"], office["country"],
                                      office.get("from"), office.get("to")))  # fmt: skip
    role_nouns = {
        str(noun).lower(): role
        for role, nouns in data.get("role_nouns", {}).items()
        for noun in nouns
    }
    countries: dict[str, str] = {}
    country_names: dict[str, str] = {}
    for code, item in data.get("countries", {}).items():
        country_names[code] = item["name"]
        for word in [*item.get("demonyms", []), *item.get("names", [])]:
            countries[str(word)] = code
    return Gazetteer(aliases, tuple(offices), role_nouns, countries, country_names, places)
