"""Entities of one document: its mentions grouped by type and key, each place geocoded (in the area the
text names after it, near the towns it names, or within the place that contains it) and each entity given its
canonical spelling.
"""

from __future__ import annotations

import re

from newsfacts.extract.entities.model import Entity, Mention, _place_name, _placed_at, entity_id
from newsfacts.extract.entities.namesakes import (_in_the_divisions_named, _local_towns_over_cities_abroad, _nearest_namesakes,
                                                 _states_over_cities_abroad)
from newsfacts.extract.entities.place_clues import _kind_of_place, listed_localities
from newsfacts.extract.entities.place_qualifiers import (_a_village_named_like_a_part_of_the_city, _listed_in_the_town_after,
                                                         _near_the_town_named_after, _no_namesake_abroad_for_a_local_place,
                                                         _qualified_places)
from newsfacts.extract.entities.places_missed import _SITE
from newsfacts.extract.entities.vocabulary import _RULES, _words_pattern
from newsfacts.extract.gazetteer import (Place, division_holds, geocode, geocode_by_sound, geocode_town, is_county,
                                         is_division, the_only_small_place_named)
from newsfacts.extract.truecasing import written_as_a_name
from newsfacts.rules import load_rules

_REGION_RULES = load_rules("regions")


def resolve_entities(mentions: list[Mention], context_countries: frozenset[str], text: str = "") -> dict[str, Entity]:
    """Entities of one document, keyed by id; sets each mention's entity_id. Places are geocoded, each
    in the country or state written after it ('Perth, Scotland', 'Franklin, Texas') when there is one."""
    entities: dict[str, Entity] = {}
    by_group: dict[tuple[str, str], list[Mention]] = {}
    qualified = _qualified_places(mentions, context_countries, text)
    # (a town the text calls one is still the nearest of its namesakes, below; a qualified one is what its qualifier says)
    called = _called_towns(mentions, context_countries, text, set(qualified))
    divisions = _called_divisions(mentions, context_countries, text)
    places = {id(m): (qualified.get(id(m)) or called.get(id(m)) or divisions.get(id(m)) or m.city_part_place
                      or geocode(_place_name(m), context_countries))
              for m in mentions if m.entity_type == "location"}
    for mention in mentions:
        if mention.entity_type == "location" and places.get(id(mention)) is None:
            # 'from Tuzla, while police in Bratunac': the countries of the cities the paragraph names
            # (the main gazetteer's, of 15,000 people or more) are where its other places are looked for
            nearby = _paragraph_city_countries(mention, mentions, places, text) - context_countries
            if nearby:
                places[id(mention)] = geocode_town(_place_name(mention), nearby)
    for mention in mentions:
        if mention.entity_type == "location" and places.get(id(mention)) is None and _plain_place_name(_place_name(mention)):
            places[id(mention)] = geocode_by_sound(_place_name(mention), context_countries)
            if places[id(mention)] is None and not context_countries:
                places[id(mention)] = the_only_small_place_named(_place_name(mention))
    for mention in mentions:
        if mention.entity_type == "location" and places.get(id(mention)) is None:
            places[id(mention)] = _part_of_a_town_named_after_it(_place_name(mention), context_countries)
    _nearest_namesakes(mentions, places, context_countries, set(qualified))
    _local_towns_over_cities_abroad(mentions, places, context_countries, set(qualified))
    _states_over_cities_abroad(mentions, places, context_countries, set(qualified))
    _in_the_divisions_named(mentions, places, context_countries, text, set(qualified))
    _near_the_town_named_after(mentions, places, text)
    _listed_in_the_town_after(mentions, places, text)
    _no_namesake_abroad_for_a_local_place(mentions, places, context_countries, text)
    _a_village_named_like_a_part_of_the_city(mentions, places, text)
    for mention in mentions:  # a part of a city the text names lies in it, whatever namesakes the passes above weighed
        if mention.city_part_place is not None and id(mention) not in qualified and id(mention) not in called:
            places[id(mention)] = mention.city_part_place
    for mention in mentions:
        place = places.get(id(mention))
        if mention.entity_type == "location" and place is None:
            place = _in_the_city_it_is_named_after(mention, context_countries) or _container(mention, mentions, places, text)
        if place is not None:
            mention.key = f"geo:{place.name}:{place.country_code}"
            mention.place = place
        by_group.setdefault((mention.entity_type, mention.key), []).append(mention)
    for (entity_type, key), group in by_group.items():
        eid = entity_id(entity_type, key)
        # (the city a part of it is named with, 'Peshawar's Hayatabad', over the city a headline's sentence names)
        place = next((m.place for m in group if m.city_part_place is not None and m.place is m.city_part_place), group[0].place)
        aliases = sorted({m.surface for m in group})
        canonical = place.name if place and place.kind != "within" else _canonical_spelling(group)
        roles = [m.role for m in group if m.role]
        entities[eid] = Entity(
            eid,
            canonical,
            entity_type,
            aliases,
            place.latitude if place else None,
            place.longitude if place else None,
            place.country_code if place else None,
            place.basis if place else None,
            max(roles, key=len) if roles else None,
            place.kind if place else None,
        )
        for mention in group:
            mention.entity_id = eid
    return entities


def _paragraph_city_countries(mention: Mention, mentions: list[Mention], places: dict, text: str) -> frozenset[str]:
    start = text.rfind("\n", 0, mention.start_char) + 1
    end = text.find("\n", mention.end_char)
    end = len(text) if end < 0 else end
    return frozenset(p.country_code for m in mentions if start <= m.start_char < end and m is not mention
                     for p in [places.get(id(m))] if p is not None and p.kind == "city" and not p.small and p.country_code)


_PLAIN_PLACE_NAME = re.compile(r"[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+)?")


def _plain_place_name(surface: str) -> bool:
    """One or two capitalised words and nothing else: what a town's name looks like ('Maydon Shahr'), not a
    street, a building or a region ('Pine Drive', 'Boumerdes province' end in a word of their kind)."""
    return _PLAIN_PLACE_NAME.fullmatch(surface) is not None and _SITE.search(surface) is None \
        and _KIND_OF_PLACE_LAST.search(surface) is None


# A name that ends in the kind of place it is (an area, a street, a feature) is not a town's name.
_KIND_OF_PLACE_LAST = re.compile(r"\b(?:%s)$" % _words_pattern(_RULES["areas"]["not_town_last_words"]))


# 'the northern state of ', 'the province of ': a division's kind in lower case, after 'the', before 'of' and a name
# (rules/regions.toml division_kinds_before_of; not 'in Kurmin district of Dalen', a part of the place after it)
_DIVISION_KIND_BEFORE = re.compile(r"\bthe\s+(?:[a-z-]+\s+){0,2}?(%s) of $" % "|".join(_REGION_RULES["division_kinds_before_of"]))


def _called_divisions(mentions: list[Mention], context_countries: frozenset[str], text: str) -> dict[int, Place]:
    """'in the state of Mexico', 'the province of Kurmin': a name the text calls a state or province is that division of
    the document's countries, not the country or the city of that name."""
    found = {}
    for mention in mentions:
        kind = _DIVISION_KIND_BEFORE.search(text[max(0, mention.start_char - 40):mention.start_char])
        if mention.entity_type == "location" and kind is not None and kind.group(1) not in ("city", "municipality"):
            division = geocode(f"{kind.group(1).title()} of {_place_name(mention)}", context_countries)
            if is_division(division):
                found[id(mention)] = division
    return found


def _called_towns(mentions: list[Mention], context_countries: frozenset[str], text: str, done: set[int]) -> dict[int, Place]:
    """'the city of Florida' in a story from Uruguay: a name the text calls a town is the town of the
    document's countries, not the state, region or country of that name, nor a city of that name abroad."""
    before, _after = _kind_of_place()
    listed = listed_localities(text)  # 'the coastal towns of Kurmby, Dala and X'
    found = {}
    for mention in mentions:
        if mention.entity_type == "location" and id(mention) not in done and (
                before.search(text[max(0, mention.start_char - 40):mention.start_char])
                or any(start <= mention.start_char < end for start, end in listed)):
            usual = geocode(_place_name(mention), context_countries)
            if usual is None or (usual.kind == "city" and usual.country_code in context_countries):
                continue  # the usual lookup found a town: the nearest namesake is chosen later
            # (a great city abroad is no 'town of' in a story from elsewhere: 'the nearby town of San Kurmo')
            town = geocode_town(_place_name(mention), frozenset(c for c in context_countries if "." not in c))
            if town is not None:
                found[id(mention)] = town
    return found


# A side of a town written before its name: 'East Kurmby', 'South-Dalesford', 'Upper Ashwick'
_SIDE_OF_A_TOWN = re.compile(r"(?:%s)[ -]([A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+)?)" % "|".join(_RULES["town_side_words"]))


def _part_of_a_town_named_after_it(name: str, countries: frozenset[str]) -> Place | None:
    """'East Kurmby', which the gazetteer does not hold, where it holds the town 'Kurmby' of the document's
    countries: placed at that town (a part or a neighbour of it), under its own name."""
    side = _SIDE_OF_A_TOWN.fullmatch(name)
    town = geocode_town(side.group(1), countries) if side and countries else None
    if town is None:
        return None
    return _placed_at(name, town)


# 'the Black Sea', 'the Kurmin Mountains' (rules/entities.toml natural_feature_endings)
_NATURAL_FEATURE = re.compile(r"\b(%s)$" % "|".join(_RULES["natural_feature_endings"]), re.IGNORECASE)


def _in_the_city_it_is_named_after(mention: Mention, context_countries: frozenset[str]) -> Place | None:
    """'a Dhaka hotel', 'the Kurmin City stadium': a site named after a city (of the main gazetteer) of the
    document's countries lies in that city, wherever else the text is set."""
    words = (mention.place_query or mention.surface).split()
    for n in (2, 1):
        if len(words) > n and written_as_a_name(words[0].lower()):
            city = geocode(" ".join(words[:n]), context_countries)
            if city is not None and city.kind == "city" and not city.small and city.country_code in context_countries:
                return _placed_at(mention.place_query or mention.surface, city)
    return None


def _container(mention: Mention, mentions: list[Mention], places: dict, text: str = "") -> Place | None:
    """A place the gazetteer does not know (a square, a building, a village) is located by the
    place the text puts it in: the nearest city in its sentence, else the document's main city (or, where it names
    no city, its main county or district)."""
    if _NATURAL_FEATURE.search(mention.surface):
        return None  # a sea or a river is not inside a city

    def usable(p: Place | None) -> bool:
        # (a state or province is too wide to place a village at its centre; a county or district is not)
        return p is not None and p.kind in ("city", "region") and p.latitude is not None and (not is_division(p) or is_county(p))

    # (a state or country the text puts the place in keeps it from a city outside it: 'JUBA - ... a camp near Dala
    # in Kurmin state', where Kurmin state does not hold Juba)
    area = _area_written_after(mention, mentions, places, text)
    if area is not None and not is_county(area):
        usable_here = usable

        def usable(p: Place | None) -> bool:
            return usable_here(p) and p.kind == "city" and (
                p.country_code == area.country_code if area.kind == "country" else division_holds(area, p))

    # (a dateline is a sentence of its own, but places the sentence it opens: 'KURMIN — Rebels took Dala')
    same_sentence = [(abs(m.start_char - mention.start_char), places[id(m)]) for m in mentions
                     if (m.sentence_index == mention.sentence_index or (m.dateline and m.sentence_index == mention.sentence_index - 1))
                     and usable(places.get(id(m)))]
    if same_sentence:
        container = min(same_sentence, key=lambda pair: pair[0])[1]
    else:
        # (in a story that names no city, the county or district it names most: villages of a district hit by floods)
        counts: dict[str, tuple[int, Place]] = {}
        for kind_of_container in ("city", "county"):
            for m in mentions:
                p = places.get(id(m))
                if usable(p) and (p.kind == "city" if kind_of_container == "city" else is_county(p)):
                    counts[p.name] = (counts.get(p.name, (0, p))[0] + 1, p)
            if counts:
                break
        if not counts:
            return None
        container = max(counts.values(), key=lambda pair: pair[0])[1]
    return _placed_at(mention.place_query or mention.surface, container)


def _area_written_after(mention: Mention, mentions: list[Mention], places: dict, text: str) -> Place | None:
    """The country, state, province or county the text names just after a place: 'Dala in Kurmin state', 'Dala,
    Kurmin', 'near Dala in Kurmistan'."""
    after = min((m for m in mentions if m.start_char >= mention.end_char), key=lambda m: m.start_char, default=None)
    if after is None or not text or text[mention.end_char:after.start_char] not in (" in ", ", ", " in the "):
        return None
    area = places.get(id(after))
    return area if is_division(area) or (area is not None and area.kind == "country") else None


# A nickname in quotation marks inside a person's name: 'Emmanuel "Boyet" Macaraeg'.
_NICKNAME = re.compile(r"\s[\"“‘'][^\"“”‘’']{1,30}[\"”’']\s")


def _canonical_spelling(group: list[Mention]) -> str:
    """The fullest spelling, most often written; a person's name without the nickname it may quote, and not
    another name the text says the person goes by."""
    counts: dict[str, int] = {}
    for mention in [m for m in group if not m.another_name] or group:
        surface = _NICKNAME.sub(" ", mention.name) if mention.entity_type == "person" else mention.surface
        counts[surface] = counts.get(surface, 0) + 1
    return max(counts, key=lambda s: (len(s.split()), counts[s], s))
