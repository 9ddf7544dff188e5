"""Choosing among towns of one name: the namesake nearest the towns the document places with
confidence, or the one in the state, province or county the text names.
"""

from __future__ import annotations

import re

from newsfacts.extract.entities.model import Mention, _place_name
from newsfacts.extract.entities.place_clues import _NAMED_DIVISION
from newsfacts.extract.entities.vocabulary import _AREA_LAST, _RULES, _words_pattern
from newsfacts.extract.gazetteer import (BIG_CITY, Place, division_place, divisions_named, divisions_of, great_cities_called,
                                         namesakes, towns_called,
                                         towns_named, written_as_its_own_name)


def _nearest_namesakes(mentions: list[Mention], places: dict[int, Place | None], context_countries: frozenset[str],
                       qualified: set[int]) -> None:
    """A village name that many villages of the country share is the one nearest the towns and cities the
    document places with confidence (a 'Novoselivka' in a story about Poltava lies near Poltava). A place
    the text qualifies itself ('Franklin, Texas': ids in `qualified`) keeps what the qualifier chose."""
    anchored = [(m, places[id(m)]) for m in mentions if places.get(id(m)) is not None and places[id(m)].kind == "city"
                and not places[id(m)].small and places[id(m)].latitude is not None
                and places[id(m)].country_code in context_countries]
    if not anchored:
        return
    for mention in mentions:
        place = places.get(id(mention))
        if place is None or id(mention) in qualified:
            continue
        if not place.small:
            _nearest_of_cities_named_alike(mention, place, mentions, places, anchored, context_countries)
            continue
        choices = namesakes(place, _place_name(mention), context_countries)
        if len(choices) > 1:
            # The cities of its own sentence first ('Novoselivka, near Poltava'), and the towns it lists with it
            # that no other town shares a name with ('the towns of Orikhiv and Novoselivka'), else the
            # document's cities.
            listed = [places[id(m)] for m in mentions if m is not mention and m.sentence_index == mention.sentence_index
                      and places.get(id(m)) is not None and places[id(m)].small and places[id(m)].latitude is not None
                      and len(namesakes(places[id(m)], _place_name(m), context_countries)) == 1]
            near = [a for m, a in anchored if m.sentence_index == mention.sentence_index] + listed or [a for _m, a in anchored]
            places[id(mention)] = _nearest(choices, near)


def _local_towns_over_cities_abroad(mentions: list[Mention], places: dict[int, Place | None], context_countries: frozenset[str],
                                    qualified: set[int]) -> None:
    """'a fire at Kurmola, about 90 kilometres north of Sale', in a story of Australian towns: the town of the
    story's country that bears the name and lies near its other towns (within a degree of two of them), not the
    great city of another country the story never names."""
    countries = frozenset(c for c in context_countries if "." not in c)
    if not countries:
        return
    local = [places[id(m)] for m in mentions if places.get(id(m)) is not None and places[id(m)].country_code in countries
             and places[id(m)].kind in ("city", "within") and places[id(m)].latitude is not None]
    for mention in mentions:
        place = places.get(id(mention))
        if place is None or id(mention) in qualified or place.kind != "city" or place.country_code in countries:
            continue
        towns = [t for t in towns_named(_place_name(mention), countries) if t.latitude is not None]
        others = [o for o in local if o.name not in {t.name for t in towns}]
        near = [t for t in towns if sum(_within_a_degree(t, other) for other in others) >= 2]
        if near:
            places[id(mention)] = _nearest(near, others)


def _states_over_cities_abroad(mentions: list[Mention], places: dict[int, Place | None], context_countries: frozenset[str],
                               qualified: set[int]) -> None:
    """'a bushfire near Bairnsdale in Victoria', in a story from Australia: the state of the story's country that bears
    the name and holds one of the towns the story names, not the great city of another country the story never
    names. (A state's towns are asked for only where a state of the story's countries bears the name: one table
    query each.)"""
    countries = frozenset(c for c in context_countries if "." not in c)
    local = [places[id(m)] for m in mentions if places.get(id(m)) is not None and places[id(m)].country_code in countries
             and places[id(m)].kind == "city" and places[id(m)].latitude is not None]
    for mention in mentions:
        place = places.get(id(mention))
        if place is None or id(mention) in qualified or place.kind != "city" or place.country_code in countries:
            continue
        states = {d for d in divisions_named(_place_name(mention), False, countries) if d[1] == "state"}
        if states and any(states & divisions_of(town) for town in local):
            places[id(mention)] = division_place(_place_name(mention), countries) or place


def _nearest(choices: list[Place], anchors: list[Place]) -> Place:
    """Of places a name may mean, the one nearest any of the places the text anchors it by."""
    return min(choices, key=lambda p: min((p.latitude - a.latitude) ** 2 + (p.longitude - a.longitude) ** 2 for a in anchors))


def _within_a_degree(one: Place, other: Place) -> bool:
    return abs(one.latitude - other.latitude) <= 1 and abs(one.longitude - other.longitude) <= 1


def _nearest_of_cities_named_alike(mention: Mention, place: Place, mentions: list[Mention], places: dict[int, Place | None],
                                   anchored: list[tuple[Mention, Place]], context_countries: frozenset[str]) -> None:
    """Two cities of one country with one name, neither a tenth of the other's size, or a great city that goes by
    the name as well ('Kurmoros', the city the gazetteer writes 'Heroica Kurmoros'), no state the text names telling
    them apart: the one nearer the document's other cities."""
    if place.kind != "city" or f"{place.country_code}.{place.admin1}" in context_countries:
        return
    alike = [p for p in towns_named(_place_name(mention), frozenset({place.country_code}))
             if not p.small and p.population >= place.population / 10]
    alike += [p for p in great_cities_called(_place_name(mention), place.country_code) if p not in alike]
    others = [a for m, a in anchored if _place_name(m) != _place_name(mention) and a.name != place.name]
    if len(alike) > 1 and others:
        places[id(mention)] = _nearest(alike, others)


def _in_the_divisions_named(mentions: list[Mention], places: dict[int, Place | None], context_countries: frozenset[str],
                            text: str, qualified: set[int]) -> None:
    """'Mabini' in a story that names Bohol, 'Buenavista' in one about Negros Occidental: of the towns one name
    could be, the one in a state, province or county its own sentence names ('In Kurmin state, ... homes in
    Dalen' in a story that names another state too), else in the one division the text names in that country. A
    great city keeps its name whatever village bears it too, and a place the text qualifies itself keeps what its
    qualifier chose."""
    countries = frozenset(c for c in context_countries if "." not in c)
    named, division_mentions = _divisions_the_text_names(mentions, countries, text)
    if not named:
        return
    # Across the document, only a country's one named division counts: a story that names several (a live page
    # on a war) leaves a village to the sentences about it and to the towns near it.
    by_country: dict[str, set] = {}
    for division in frozenset().union(*named.values()):
        by_country.setdefault(division[0], set()).add(division)
    everywhere = frozenset(d for divisions in by_country.values() if len({key for _c, _l, key in divisions}) == 1 for d in divisions)
    for mention in mentions:
        place = places.get(id(mention))
        if mention.entity_type != "location" or id(mention) in qualified or id(mention) in division_mentions:
            continue
        name = _place_name(mention)
        if place is not None and place.kind != "city":
            continue
        # A great city keeps its name, unless its own sentence names a division that holds a town of the main
        # gazetteer by that name ('eight of them in Aurangabad', across a state that has its own)
        great = place is not None and place.population >= BIG_CITY and written_as_its_own_name(place, name)
        for scope in (named.get(mention.sentence_index, frozenset()), frozenset() if great else everywhere):
            if not scope:
                continue
            if place is not None and divisions_of(place) & scope:
                break
            towns = [t for t in towns_called(name, frozenset(c for c, _level, _key in scope)) if divisions_of(t) & scope
                     and not (great and t.small)]
            if towns:
                # a county says more than a state; then the town's own name before an alternate spelling, then size
                places[id(mention)] = max(towns, key=lambda t: (any(d[1] == "county" for d in divisions_of(t) & scope),
                                                                written_as_its_own_name(t, name), t.population))
                break


def _divisions_the_text_names(mentions: list[Mention], countries: frozenset[str], text: str) -> tuple[dict[int, frozenset], set[int]]:
    """The states, provinces and counties a text names, by the sentence that names them (-1: a sentence not
    known), from its places and from the names it writes with a division's kind ('Tabasco state'); and the
    ids of the mentions that name them."""
    named: dict[int, set] = {}
    naming: set[int] = set()
    if not countries:
        return {}, naming
    for mention in mentions:
        if mention.entity_type != "location":
            continue
        name = _place_name(mention)
        after = _DIVISION_KIND_AFTER.match(text, mention.end_char)
        before = _DIVISION_KIND_BEFORE.search(text[max(0, mention.start_char - 20):mention.start_char])
        # ('Tabasco state', 'the province of Bohol', 'Kurmin County' as the text writes them)
        written = f"{name}{after.group(0)}" if after else f"{before.group(0)}{name}" if before else name
        divisions = divisions_named(written, bool(after or before or _AREA_LAST.search(name)), countries)
        if divisions:
            named.setdefault(mention.sentence_index, set()).update(divisions)
            naming.add(id(mention))
    for division in _NAMED_DIVISION.finditer(text):
        divisions = divisions_named(division.group(0), True, countries)
        if divisions:
            named.setdefault(-1, set()).update(divisions)
    return {sentence: frozenset(divisions) for sentence, divisions in named.items()}, naming


_DIVISION_KINDS = _words_pattern([k.lower() for k in _RULES["areas"]["kinds"]])
_DIVISION_KIND_AFTER = re.compile(r"\s+(?:%s)\b" % _DIVISION_KINDS, re.IGNORECASE)
_DIVISION_KIND_BEFORE = re.compile(r"\b(?:%s) of\s+$" % _DIVISION_KINDS, re.IGNORECASE)
