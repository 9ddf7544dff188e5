"""Where a document's facts happened: each sentence's places, most specific first (a city named after 'in' before
a country, the dateline last), a sentence's places taken from its paragraph where it names none, and the
place one figure among several was counted at. Casualty figures and events read their places from here."""

from __future__ import annotations

import re
from functools import cache

from newsfacts.extract.entities import measured_from
from newsfacts.extract.gazetteer import COUNTY_BASIS, DIVISION_BASIS
from newsfacts.rules import load_rules


def places_of_each_sentence(text, mentions, entities) -> dict[int, list[tuple[str, str]]]:
    """Each sentence's places as (canonical, surface), most specific first: a city named after
    'in'/'near'/'on' before a country, and the dateline last. A site inside a city ('Constitution Square')
    stands for its city. A country not introduced by a preposition is an actor ('Russia has been accused'), not a place."""
    ranked: dict[int, list[tuple[tuple, str, str]]] = {}
    for order, m in enumerate(sorted(mentions, key=lambda m: m.start_char)):
        if m.entity_type != "location" or m.in_a_body_name or measured_from(text, m.start_char):
            # (the town of 'the Kurmin Police said' is where the police serve, not where things happened, and the
            # town of '60 km north of Kurmin' is where a distance is measured from)
            continue
        entity = entities[m.entity_id]
        after_preposition = bool(_LOCATIVE.search(text[max(0, m.start_char - 20):m.start_char]))
        # Countries, US states and counties: too broad to place an event when a city is named.
        is_broad = entity.place_kind in ("country", "state", "county") or entity.geocode_basis in (DIVISION_BASIS, COUNTY_BASIS) \
            or (entity.latitude is None and entity.country_code is not None)
        if is_broad and not after_preposition:
            continue
        name = entity.canonical_name
        if entity.geocode_basis and entity.geocode_basis.startswith("within "):
            name = entity.geocode_basis.removeprefix("within ")
        # (a dateline names where the story was filed: its sentence's other places say where things happened,
        # and so do they where a place is the owner of a body: 'Kurmin's civil defence said')
        # ('taken to the Kurmin district hospital': where the hurt went, which may not be where they were hurt)
        owner = text.startswith(("'s ", "’s "), m.end_char) or bool(_care_facility().match(text, m.end_char))
        rank = (m.dateline, is_broad, owner, not after_preposition, order)
        ranked.setdefault(m.sentence_index, []).append((rank, name, m.surface))
    return {i: [(name, surface) for _r, name, surface in sorted(items)] for i, items in ranked.items()}


@cache
def _care_facility() -> re.Pattern:
    """What follows a town that names a hospital or mortuary ('Kurmin district hospital', 'Dalen General Hospital')."""
    words = "|".join(map(re.escape, load_rules("entities")["care_facility_words"]))
    # (the words between are the hospital's own, not a clause's: 'Kurmin were in hospital' is not one)
    between = r"(?:\s+(?!(?:in|to|at|on|the|a|an|and|or|but|was|were|is|are|had|has|have|been|of|for|with|from|by|into)\b)[\w'’-]+)"
    return re.compile(r"%s{0,2}?\s+(?:%s)\b" % (between, words), re.IGNORECASE)


_LOCATIVE = re.compile(r"\b(?:in|near|on|at|outside|over|of|across|around|into|from|to|towards|toward)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s+)?$")


def paragraph_places(text: str, sentences, index: int, places_by_sentence) -> list:
    """'In Vesnik, a drone hit a substation. Three people were killed.': a sentence that names no place
    happened where the sentences before it in its paragraph did."""
    for earlier in range(index - 1, -1, -1):
        if "\n" in text[sentences[earlier].end_char:sentences[earlier + 1].start_char] or "\n" in text[sentences[earlier].start_char:sentences[earlier].end_char].strip():
            return []
        if places_by_sentence.get(earlier):
            return places_by_sentence[earlier]
    return []


def place_of(figure, figures: list, sentence: str, places: list[tuple[str, str]]) -> tuple[str, str] | None:
    """Where a figure was counted: the place its own words name ('300 in Kurmin' in a list of counts by place),
    else the sentence's (or paragraph's) most specific place that no other figure's words name."""
    own_words = sentence[figure.start_char:figure.end_char]
    others = [sentence[f.start_char:f.end_char] for f in figures if f.start_char >= figure.end_char or f.end_char <= figure.start_char]
    return next(((name, surface) for name, surface in places if surface in own_words),
                next(((name, surface) for name, surface in places if not any(surface in words for words in others)), None))
