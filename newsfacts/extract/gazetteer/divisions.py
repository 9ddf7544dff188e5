"""States, provinces and counties: which divisions a name names (in the document's countries, or in the
one country that has a division of that name), which a town lies in, and a division as a Place at the
population-weighted centre of its towns. Division names come from the small-places table (the first- and
second-level divisions its towns lie in), ISO 3166-2 (pycountry) and countryinfo; the tables keyed from them
are built once per machine."""

from __future__ import annotations

from functools import cache, lru_cache

import re

from newsfacts.built_once import kept_on_disk
from newsfacts.extract import small_places
from newsfacts.extract.gazetteer.index import Place, _index, _named_as_it_is, _norm, towns_called
from newsfacts.extract.small_places import all_division_names, division_centre, divisions_at, lookup as small_place_lookup
from newsfacts.extract.truecasing import written_as_a_name
from newsfacts.rules import load_rules


_RULES = load_rules("regions")
# 'Kharkiv Oblast', 'Helmand Province', 'Marion County': an administrative area named after its centre
# (rules/regions.toml division_kinds_after_a_name).
_AREA_SUFFIX = re.compile(r"\s+(%s)$" % "|".join(_RULES["division_kinds_after_a_name"]), re.IGNORECASE)


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
        centre = _division_centre(country, level, key, _state_named_in(context_countries, country))
        if centre is None:
            return None
        written, latitude, longitude = centre
        return Place(written, latitude, longitude, country, "region", 0, DIVISION_BASIS if level == "state" else COUNTY_BASIS)
    return None


def _state_named_in(context_countries: frozenset[str], country_code: str) -> str | None:
    """The name of the one US state the document's context names ('US.FL' -> 'Florida'), for a county's name
    that several states' counties bear."""
    states = [code.split(".", 1)[1] for code in context_countries if code.startswith(country_code + ".")]
    return subdivision_name(country_code, states[0]) if len(states) == 1 else None


def subdivision_name(country_code: str, code: str) -> str | None:
    """A first-level division's name by its ISO 3166-2 code ('US', 'AR' -> 'Arkansas'), or None."""
    import pycountry  # (its tables load on first use)

    subdivision = pycountry.subdivisions.get(code=f"{country_code}-{code}")
    return subdivision.name if subdivision is not None else None


@lru_cache(maxsize=4096)
def _division_centre(country_code: str, level: str, key: str, state: str | None = None) -> tuple[str, float, float] | None:
    """The name of a state or county (as the gazetteer writes it, less a leading kind) and the population-weighted
    centre of its towns (of the county of that name in `state`, where several states have one)."""
    names = _division_written(country_code).get((level, key), ())
    centre = division_centre(country_code, level, names, state)
    return (_LEADING_KIND.sub("", names[0]), round(centre[0], 4), round(centre[1], 4)) if centre else None


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


# A division's kind written before its name: 'Province of Bohol', 'County Kurmin', 'Gemeente Dalen'
# (rules/regions.toml division_kinds_before_of, division_kinds_before_a_name).
_AREA_PREFIX = re.compile(r"^(?:(?:%s) (?:of|de)|%s)\s+" % ("|".join(_RULES["division_kinds_before_of"]),
                                                            "|".join(_RULES["division_kinds_before_a_name"])))
_LEADING_KIND = re.compile(_AREA_PREFIX.pattern, re.IGNORECASE)  # (as the gazetteer writes it: 'Province of Bohol')
# ... and after it, beyond what _AREA_SUFFIX takes: 'Dalen City Metropolitan Municipality', 'Kurmin Raion'.
_MORE_AREA_SUFFIX = re.compile(r"\s+(?:%s)$" % "|".join(_RULES["division_kind_extra_words"]))


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


def _division_key(name: str) -> str:
    """'Kayah State', 'al-Hasakah governorate', 'County Kerry' -> 'kayah', 'hasakah', 'kerry': without its kind,
    article and spaces."""
    return _ARABIC_ARTICLE.sub("", _AREA_PREFIX.sub("", _norm(_AREA_SUFFIX.sub("", name)))).replace(" ", "").replace("-", "")
