"""Questions about towns and cities beyond geocode's one answer: whether a name is a town's own name or one of
its alternate spellings, which towns of the document's countries bear a name, whether towns abroad share it,
and a country's great cities and their other spellings."""

from __future__ import annotations

from functools import cache

import re

from newsfacts.extract.gazetteer.geocode import geocode
from newsfacts.extract.gazetteer.index import (BIG_CITY, Place, _aliases, _index, _norm, _rank, _small_place, _small_places,
                                               _spelled_alike, _tables, towns_called, without_article)
from newsfacts.extract.small_places import lookup as small_place_lookup
from newsfacts.extract.translit import sound_key
from newsfacts.extract.truecasing import written_as_a_name


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
    """Whether a town of another country under the main gazetteer's floor, of a tenth of the place's size or more
    (or of a size the gazetteer does not know: a district's seat it lists without its people), bears `name` as its own
    name ('Dalebridge', a town in Canada and one in England): the one city of that name in the main gazetteer is then
    not the only place the name can mean."""
    key = _norm(_aliases().get(_norm(name), name))
    return any(p.exact and p.country_code != place.country_code and (p.population >= place.population / 10 or p.population == 0)
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


def great_cities_called(name: str, country_code: str) -> list[Place]:
    """The cities of 200,000 people or more of a country that go by `name` as another of their names ('Kurmoros' for
    the city the gazetteer writes 'Heroica Kurmoros')."""
    return [p for p in towns_called(name, frozenset({country_code}))
            if p.population >= BIG_CITY and not written_as_its_own_name(p, name)]


def namesakes(place: Place, name: str, context_countries: frozenset[str]) -> list[Place]:
    """The towns under 15,000 people that `name` could mean as well as `place` (the one geocode chose), in
    the same country and ranked as well by name: 'Novoselivka' is a dozen villages in Ukraine."""
    if not place.small:
        return []
    key = _norm(_aliases().get(_norm(name), name))
    rank = _rank(place, key, context_countries)[:2]
    return [p for p in _small_places(key, context_countries)
            if p.country_code == place.country_code and _rank(p, key, context_countries)[:2] == rank]


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
