"""Where the text itself says a place lies: the country or state written after it ('Perth, Scotland',
'PARIS, Tenn.'), a town it is near ('a village 60 km north of X'), the town a list of places is in. What the
text says comes before the gazetteer's first guess.
"""

from __future__ import annotations

import math
import re

from newsfacts.extract.entities.datelines import _DATELINE_DIVISIONS
from newsfacts.extract.entities.model import Mention, _place_name, _placed_at
from newsfacts.extract.entities.name_clues import _known_anywhere
from newsfacts.extract.entities.place_clues import _DISTANCE, _nearness
from newsfacts.extract.entities.vocabulary import _RULES, _words_pattern
from newsfacts.extract.gazetteer import (Place, division_holds, division_place, geocode, geocode_town, is_county, is_division,
                                         towns_called, towns_named, written_as_its_own_name)
from newsfacts.extract.translit import name_key


# How far (in degrees of latitude or longitude) a place may lie from the town the text says it is near.
NEAR_DEGREES = 1.5


# A place the text puts this far from a town or farther is not placed at the town.
FAR_KM = 25
_BEARING = re.compile(r"\b(?:north|south)?-?(?:east|west)\b|\bnorth\b|\bsouth\b", re.IGNORECASE)


def _placed_off(name: str, town: Place, distance_km: float, bearing: str) -> Place:
    """A place the text puts `distance_km` from a town in a compass direction ('60 km north-west of'): there."""
    words = bearing.lower().replace("-", "")
    north = 1 if words.startswith("north") else -1 if words.startswith("south") else 0
    east = 1 if words.endswith("east") else -1 if words.endswith("west") else 0
    step = distance_km / (math.hypot(north, east) * 111.2)
    latitude = town.latitude + north * step
    longitude = town.longitude + east * step / max(0.2, math.cos(math.radians(town.latitude)))
    return Place(name, round(latitude, 4), round(longitude, 4), town.country_code, "within", 0,
                 f"{distance_km:.0f} km {bearing.lower()} of {town.name}", town.admin1)


def _stated_distance_km(words: str) -> float:
    """The distance in kilometres that words between two places state ('about 105 miles northwest of'), or 0."""
    distance = _DISTANCE.search(words)
    if distance is None:
        return 0.0
    value = float(distance.group(1).replace(",", ""))
    return value * 1.609 if distance.group(2).lower().startswith("mile") else value


def _near_the_town_named_after(mentions: list[Mention], places: dict[int, Place | None], text: str) -> None:
    """'Lakeside, near the city of Harbourton': a place the gazetteer puts far from that town (a namesake
    elsewhere) or does not know is its namesake near the town, or else a place within the town."""
    if not text:
        return
    locations = sorted((m for m in mentions if m.entity_type == "location"), key=lambda m: m.start_char)
    for place_mention, town_mention in zip(locations, locations[1:]):
        place, town = places.get(id(place_mention)), places.get(id(town_mention))
        if town is None or town.kind != "city" or town.latitude is None:
            continue
        between = _nearness().fullmatch(text, place_mention.end_char, town_mention.start_char)
        # ('Kurmby, about 105 miles northwest of Harbourton': as far as the text says, and not within the town)
        reach = max(NEAR_DEGREES, _stated_distance_km(between.group(0)) / 111 + 0.5) if between else NEAR_DEGREES
        near = place is not None and (place.latitude is None
                                      or max(abs(place.latitude - town.latitude), abs(place.longitude - town.longitude)) <= reach)
        if near or not between:
            continue
        nearby = [p for p in towns_named(_place_name(place_mention), frozenset({town.country_code}))
                  if max(abs(p.latitude - town.latitude), abs(p.longitude - town.longitude)) <= NEAR_DEGREES]
        namesake = min(nearby, key=lambda p: abs(p.latitude - town.latitude) + abs(p.longitude - town.longitude)) if nearby else None
        if namesake is not None:
            places[id(place_mention)] = namesake  # 'Lakeside, north of Harbourton': the township there, not a city abroad
        elif place is None or place.small or place.country_code != town.country_code:
            # a place the gazetteer does not know, or knows only as a village or in another country: within the town
            # the text names ('Kurmby, 500 km west of Harbourton' keeps its own place), or as far from it as the text says
            # and in the direction it says ('a village 60 km north of Harbourton'; without a direction, nowhere)
            distance, bearing = _stated_distance_km(between.group(0)), _BEARING.search(between.group(0))
            if distance < FAR_KM:
                places[id(place_mention)] = _placed_at(_place_name(place_mention), town, "near")
            elif bearing:
                places[id(place_mention)] = _placed_off(_place_name(place_mention), town, distance, bearing.group(0))


# an apposition that calls a place a part of a town or a village: ', a hillside neighbourhood', ', a farming village'
_A_LOCAL_PLACE_AFTER = re.compile(r",\s+(?:a|an)\s+(?:[\w-]+\s+){0,3}?(?:%s)\b" % _words_pattern(_RULES["local_place_nouns"]))


def _no_namesake_abroad_for_a_local_place(mentions: list[Mention], places: dict[int, Place | None],
                                          context_countries: frozenset[str], text: str) -> None:
    """'Villa Kurmina, a hillside neighbourhood on the edge of town': no town of that name in a country the story
    never names, but a place in the story's own town (placed there later, as places the gazetteer lacks are)."""
    for mention in mentions:
        place = places.get(id(mention))
        if place is not None and context_countries and place.country_code not in context_countries \
                and _A_LOCAL_PLACE_AFTER.match(text, mention.end_char):
            places[id(mention)] = None


def _a_village_named_like_a_part_of_the_city(mentions: list[Mention], places: dict[int, Place | None], text: str) -> None:
    """'a shop in the crowded neighbourhood of Kurmiyah': a part of the story's city, not a village or
    a county of that name elsewhere in the country (placed in the city later, as places the gazetteer lacks are)."""
    for mention in mentions:
        place = places.get(id(mention))
        if place is not None and ((place.kind == "city" and place.small) or is_county(place)) \
                and _A_PART_OF_A_CITY_BEFORE.search(text, max(0, mention.start_char - 30), mention.start_char):
            places[id(mention)] = None


# 'the neighbourhood of X', 'the Shia suburb of X' (rules/entities.toml city_part_nouns, less 'district' and 'area',
# which name an administrative district as often)
_A_PART_OF_A_CITY_BEFORE = re.compile(r"\b(?:%s) of $" % "|".join(
    n for n in _RULES["city_part_nouns"] if n not in ("district", "area", "township", "borough")))


# what joins the items of a list of places ('Kurmby, Dala and Sorvo')
_LIST_JOINT = re.compile(r",? and |, |,? or ")


def _listed_in_the_town_after(mentions: list[Mention], places: dict[int, Place | None], text: str) -> None:
    """'Murders were reported in Kurmvale, Kurmby and Dala in Harbourton': the places a list puts in a town are
    within it, where the gazetteer knows them only in another country or far away (or not at all)."""
    locations = sorted((m for m in mentions if m.entity_type == "location"), key=lambda m: m.start_char)
    for index, town_mention in enumerate(locations):
        town = places.get(id(town_mention))
        if town is None or town.kind != "city" or town.latitude is None or not text.endswith(" in ", 0, town_mention.start_char):
            continue
        end, listed = town_mention.start_char - len(" in "), []
        for item in reversed(locations[:index]):
            if item.end_char != end or item.dateline:
                break
            listed.append(item)
            joint = _LIST_JOINT.search(text, max(0, item.start_char - 6), item.start_char)
            if joint is None or joint.end() != item.start_char:
                break
            end = joint.start()
        for item in listed:
            place = places.get(id(item))
            elsewhere = place is None or place.latitude is None or place.country_code != town.country_code \
                or (place.small and max(abs(place.latitude - town.latitude), abs(place.longitude - town.longitude)) > NEAR_DEGREES)
            if elsewhere and not (place is not None and place.kind == "country"):
                within = _placed_at(_place_name(item), town)
                for same in locations:  # (the place's other mentions, which the gazetteer put abroad too)
                    if _place_name(same) == _place_name(item) and places.get(id(same)) == place:
                        places[id(same)] = within


_LIST_GOES_ON = re.compile(r",? and |, ")


def _state_or_country(name: str) -> str | None:
    """'state' or 'country' for the name of one, else None."""
    place = geocode(name)
    return place.kind if place is not None and place.kind in ("country", "state") else None


def _qualified_places(mentions: list[Mention], context_countries: frozenset[str], text: str) -> dict[int, Place]:
    """'Perth, Scotland', 'Perechyn, Ukraine', 'Franklin, Texas': a place followed by the country, region
    or state it lies in is looked up there first."""
    if not text:
        return {}
    found: dict[int, Place] = {}
    locations = sorted((m for m in mentions if m.entity_type == "location"), key=lambda m: m.start_char)
    for before, place_mention, area_mention, after in zip([None, *locations], locations, locations[1:], [*locations[2:], None]):
        if text[place_mention.end_char:area_mention.start_char] != ", ":
            continue
        if _a_list_of_states(text, before, place_mention, area_mention, after):
            continue  # 'Vermont, Maine and New Hampshire': a list of states, not a town in one
        if _items_of_one_list_of_areas(place_mention, area_mention):
            continue  # 'Barry, Cass and Van Buren counties': counties, not a town in one
        if _in_an_abbreviated_division(text, place_mention, area_mention, found):
            continue
        _in_the_area_named_after(place_mention, area_mention, context_countries, found)
    # 'PARIS, Tenn. (AP) — ... homes in Paris': the name written alone later is the same town
    by_name = {name_key(_place_name(m)): found[id(m)] for m in locations if id(m) in found}
    for mention in locations:
        if id(mention) not in found and name_key(_place_name(mention)) in by_name:
            found[id(mention)] = by_name[name_key(_place_name(mention))]
    return found


def _a_list_of_states(text: str, before: Mention | None, place_mention: Mention, area_mention: Mention,
                      after: Mention | None) -> bool:
    """Whether a place and the area after it are items of a list of states or of countries."""
    kind = _state_or_country(_place_name(place_mention))
    return bool(kind and (
        (before is not None and text[before.end_char:place_mention.start_char] == ", " and _state_or_country(_place_name(before)) == kind)
        or (after is not None and _LIST_GOES_ON.fullmatch(text, area_mention.end_char, after.start_char)
            and _state_or_country(_place_name(after)) == kind == _state_or_country(_place_name(area_mention)))))


def _items_of_one_list_of_areas(place_mention: Mention, area_mention: Mention) -> bool:
    """Whether two names are items of a list of areas of one kind (each looked up as '<name> <Kind>')."""
    kinds = [m.place_query[len(m.surface):] for m in (place_mention, area_mention)
             if m.place_query and m.place_query.startswith(m.surface + " ")]
    return len(kinds) == 2 and kinds[0] == kinds[1]


def _in_an_abbreviated_division(text: str, place_mention: Mention, area_mention: Mention, found: dict[int, Place]) -> bool:
    """'PARIS, Tenn. (AP)': a town before a state or province as agencies abbreviate it is looked up there (into
    `found`); whether the area is such an abbreviation."""
    abbreviation = text[area_mention.start_char:area_mention.end_char + 1].rstrip()
    if area_mention.surface in _DATELINE_DIVISIONS:  # ('Tenn.', the mention of the state, with its point)
        abbreviation = area_mention.surface
    elif abbreviation not in _DATELINE_DIVISIONS and abbreviation.rstrip(".") in _DATELINE_DIVISIONS:
        abbreviation = abbreviation.rstrip(".")
    if abbreviation not in _DATELINE_DIVISIONS:
        return False
    division = _DATELINE_DIVISIONS[abbreviation]
    place = geocode_town(_place_name(place_mention), frozenset({division.split(".")[0], division}))
    if place is not None:
        found[id(place_mention)] = place
    return True


def _in_the_area_named_after(place_mention: Mention, area_mention: Mention, context_countries: frozenset[str],
                             found: dict[int, Place]) -> None:
    """A place looked up in the country, region, state or county written after it (into `found`)."""
    area = geocode(_place_name(area_mention), context_countries)
    if area is not None and area.kind == "city" and area.country_code not in context_countries:
        # 'Christiana, Manchester' in a text about Jamaica: the parish there, not the city abroad
        area = division_place(_place_name(area_mention), context_countries) or area
        if is_division(area):
            found[id(area_mention)] = area
    if area is None or area.kind not in ("country", "state", "region") or not area.country_code:
        return
    if is_division(area):
        _in_the_division(place_mention, area, found)
        return
    place = _in_the_state_or_country(place_mention, area, context_countries)
    if place is not None and place.country_code == area.country_code and place.kind not in ("country",):
        found[id(place_mention)] = place


def _in_the_division(place_mention: Mention, area: Place, found: dict[int, Place]) -> None:
    """'Dalen, Shropshire': the town of that name in that county, if the gazetteer has one there."""
    in_the_country = towns_called(_place_name(place_mention), frozenset({area.country_code}))
    towns = [t for t in in_the_country if division_holds(area, t)]
    if towns:
        found[id(place_mention)] = max(towns, key=lambda t: (written_as_its_own_name(t, _place_name(place_mention)), t.population))
    elif not in_the_country and not _known_anywhere(geocode(_place_name(place_mention), frozenset({area.country_code}))):
        # a town the gazetteer lacks in that country (and no great city elsewhere): the county the text puts
        # it in, no nearer
        found[id(place_mention)] = _placed_at(_place_name(place_mention), area)


def _in_the_state_or_country(place_mention: Mention, area: Place, context_countries: frozenset[str]) -> Place | None:
    """A place looked up in the state, region or country written after it."""
    within = {area.country_code} | ({f"US.{area.admin1}"} if area.kind == "state" and area.admin1 else set())
    # A state narrows the document's own countries (the other states it names no longer count); a
    # country or region replaces them.
    scope = within | {c for c in context_countries if "." not in c} if area.kind == "state" else within
    if area.kind == "region":
        # (a region keeps the document's divisions of its country: 'Balakliia, Kharkiv region' is the town of the
        # oblast the text names, not a village of the name elsewhere in Ukraine)
        scope |= {c for c in context_countries if c.startswith(f"{area.country_code}.")}
    place = geocode(_place_name(place_mention), frozenset(scope))
    if place is None or place.kind != "city" or place.country_code != area.country_code:
        # 'Lebanon, Tennessee'; 'Darlington, Pennsylvania', a small town that a larger one abroad shares its name with
        place = geocode_town(_place_name(place_mention), frozenset(within))
    if place is not None and area.kind == "state" and area.admin1 and place.admin1 != area.admin1:
        if _state_or_country(_place_name(place_mention)):
            return None  # 'storms in Iowa, Nebraska': two states, not a town of one of them
        # a town the gazetteer knows only in another state: the state the text puts it in, no nearer
        place = _placed_at(_place_name(place_mention), area)
    return place
