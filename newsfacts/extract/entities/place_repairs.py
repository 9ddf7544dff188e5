"""Places the text itself names as such: lists of areas ('Marion, Polk and Lake counties'), 'the village
of X', a city and a part of it ('Kyiv's Obolon district'), areas and sites named with their kind, towns in
lists of places, before their residents ('a Soldotna man'), in the names of their public bodies and before
their offices. Each pass turns what NER made of such words into places.
"""

from __future__ import annotations

import re

from spacy.lang.en.stop_words import STOP_WORDS

from newsfacts.extract.entities.datelines import _TOWN_AND_ABBREVIATED_DIVISION, us_state_named
from newsfacts.extract.entities.given_names import is_given_name
from newsfacts.extract.entities.model import A_CITY_ANYWHERE, Mention, _placed_at
from newsfacts.extract.entities.place_clues import _AREA_WORD, _NAME_IN_A_LIST, _SITE_NOUN, listed_localities
from newsfacts.extract.entities.vocabulary import _RULES, _words_pattern, organisation_words
from newsfacts.extract.gazetteer import (demonyms, divisions_named, divisions_of, geocode, geocode_by_sound, towns_called, towns_named,
                                         written_as_its_own_name)
from newsfacts.extract.nlp import text_of
from newsfacts.extract.truecasing import is_english_word, written_as_a_name


def _towns_named_like_people(mentions: list[Mention], placed_in_or_near: set[str], countries: frozenset[str]) -> None:
    """'a water main in Fortuna': a one-word name the text puts somewhere with 'in', 'near' or 'outside', that NER took
    for a person and that is a given name too, is the town of the document's countries that bears it, unless a person
    the text names in full goes by it."""
    named_people = {w for m in mentions if m.entity_type == "person" and len(m.surface.split()) >= 2 for w in m.surface.split()}
    for mention in mentions:
        if mention.entity_type != "person" or " " in mention.surface or mention.surface not in placed_in_or_near \
                or mention.surface in named_people or not countries:
            continue
        place = geocode(mention.surface, countries)
        if place is not None and place.kind == "city" and place.country_code in countries:
            mention.entity_type = "location"


# 'a Soldotna man', 'an Ocala couple': a town before a noun for its people (rules/entities.toml resident_nouns); and
# 'some Soldotna residents', 'many Ocala residents'
_TOWN_BEFORE_RESIDENTS = r"([A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+)?) "
_A_TOWNS_RESIDENT = re.compile(r"\b[Aa]n? %s(?:%s)\b" % (_TOWN_BEFORE_RESIDENTS, _words_pattern(_RULES["resident_nouns"])))
_SOME_TOWNS_RESIDENTS = re.compile(r"\b(?:[Ss]ome|[Mm]any|[Ss]everal|[Mm]ost|[Oo]ther|[Aa]ll|[Tt]he) %sresidents\b" % _TOWN_BEFORE_RESIDENTS)


def _towns_of_residents(doc, sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """The town in 'a Soldotna man' or 'some Soldotna residents' is a place: a town of the document's countries,
    whatever NER made of it (not a name that is also a given name: 'a Jackson man' may be a man named so)."""
    text = text_of(doc)
    found = []
    for match in [*_A_TOWNS_RESIDENT.finditer(text), *_SOME_TOWNS_RESIDENTS.finditer(text)]:
        start, end = match.span(1)
        name = match.group(1)
        if is_given_name(name.split()[0]) or name.lower() in demonyms() or not countries:
            continue
        place = geocode(name, countries)
        if place is None or place.kind != "city" or place.country_code not in countries:
            continue
        found += _a_place_at(text, start, end, mentions, sentence_index_of)
    return found


def _a_place_at(text: str, start: int, end: int, mentions: list[Mention], sentence_index_of) -> list[Mention]:
    """The words from `start` to `end` are a place: the one mention NER made of exactly them is retyped, and where
    NER made none, the new mention is returned (where it made something else of them, nothing is done)."""
    covering = [m for m in mentions if m.start_char < end and start < m.end_char]
    if not covering:
        return [Mention(text[start:end], start, end, sentence_index_of(start), "location")]
    if len(covering) == 1 and (covering[0].start_char, covering[0].end_char) == (start, end) \
            and covering[0].entity_type in ("person", "organization", "location"):
        covering[0].entity_type = "location"
    return []


# 'Marion, Polk, Lake and Van Buren counties': each name is an area of that kind.
# (the plural kind -> the kind as a name ends in it: rules/entities.toml [area_plurals])
_SINGULAR = dict(_RULES["area_plurals"])
_AREA_LIST = re.compile(
    r"((?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?, )+[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?,? and [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
    r" (%s)\b" % "|".join(_SINGULAR)
)
# Places the sentence itself calls places: 'the village of X', 'in the X area of Y' (rules/entities.toml
# locality_of_nouns, locality_nouns_after_a_name).
_LOCALITY = (
    re.compile(r"\b(?:%s) of ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)" % "|".join(_RULES["locality_of_nouns"])),
    re.compile(r"\b(?:in|at) (?:the )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?:%s)\b" % "|".join(_RULES["locality_nouns_after_a_name"])),
)


def _area_lists(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """Each name of a list of areas becomes a place mention that geocodes as '<name> <Kind>'."""
    found = []
    for match in _AREA_LIST.finditer(text_of(doc)):
        kind = _SINGULAR[match.group(2)]
        for name in re.finditer(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?", match.group(1)):
            start, end = match.start(1) + name.start(), match.start(1) + name.end()
            mention = Mention(name.group(), start, end, sentence_index_of(start), "location")
            mention.place_query = f"{name.group()} {kind}"
            found.append(mention)
    if not found:
        return mentions
    spans = [(m.start_char, m.end_char) for m in found]
    kept = [m for m in mentions if not any(s < m.end_char and m.start_char < e for s, e in spans)]
    return sorted(kept + found, key=lambda m: m.start_char)


def _a_common_word(name: str) -> bool:
    """'Police' or 'Officials' opening a list at the start of a sentence: a lower-case English word, not a name."""
    return " " not in name and not written_as_a_name(name)


def _named_localities(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    taken = [(m.start_char, m.end_char) for m in mentions]
    found = []
    listed = [(start + name.start(), start + name.end())
              for start, end in listed_localities(text_of(doc))
              for name in re.finditer(_NAME_IN_A_LIST, text_of(doc)[start:end])
              if name.start() > 0 or not _a_common_word(name.group())]
    singles = [match.span(1) for match in (m for pattern in _LOCALITY for m in pattern.finditer(text_of(doc)))]
    for start, end in singles + listed:
        overlapping = [m for m in mentions if m.start_char < end and start < m.end_char]
        if overlapping:
            for m in overlapping:  # NER's organisation or person there is the place the sentence names
                if m.entity_type != "location" and m.start_char == start:
                    m.entity_type = "location"
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        found.append(Mention(text_of(doc)[start:end], start, end, sentence_index_of(start), "location"))
        taken.append((start, end))
    return found


# A list of three names or more: 'Kurmby, Ashwick, Dalesford and Tarn'
_LIST_OF_NAMES = re.compile(r"(?<![\w'’-])(%s)((?:, %s)+),? (?:and|or) (%s)(?![\w'’-])" % (_NAME_IN_A_LIST, _NAME_IN_A_LIST, _NAME_IN_A_LIST))


def _towns_listed_with_places(doc, sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """'Damage was reported in Kurmby, Ashwick, Dalesford and Tarn': in a list whose names are places for the most
    part, another name that is a town of the document's countries is a place too, whatever NER made of it (a
    person, or nothing). The new mentions; the names NER typed otherwise are retyped."""
    if not countries:
        return []
    text = text_of(doc)
    located = {m.start_char for m in mentions if m.entity_type == "location"}
    found = []
    for listing in _LIST_OF_NAMES.finditer(text):
        items = [(listing.start(1), listing.end(1))]
        items += [(listing.start(2) + m.start(), listing.start(2) + m.end()) for m in re.finditer(_NAME_IN_A_LIST, listing.group(2))]
        items.append((listing.start(3), listing.end(3)))
        places = sum(start in located for start, _end in items)
        towns = {(start, end) for start, end in items if start not in located and towns_named(text[start:end], countries)}
        # (half the list places already; or places and towns of the document's countries for most of it: 'Kurmby,
        # Dalesford, Ashwick, Tarn and Lowmoor', NER taking single names for people)
        if places < 2 or 2 * places < len(items):
            if places < 1 or 2 * (places + len(towns)) <= len(items):
                continue
        for start, end in sorted(towns):
            found += _a_place_at(text, start, end, mentions, sentence_index_of)
    return found


# 'Kyiv's Obolon district', 'Karachi's Lyari area', 'Kharkiv's Saltivka': a city and a part of it named after its possessive
_CITY_AND_ITS_PART = re.compile(
    r"(?<![\w'’-])(?P<city>[A-ZÀ-ÞĀ-Ž][\w-]+(?: [A-ZÀ-ÞĀ-Ž][\w-]+)?)['’]s (?P<part>[A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+)?)"
    r"(?P<kind> (?:%s))?\b" % "|".join(_RULES["city_part_nouns"]))


# 'the Kurmin district of Dalen', 'the Kurm Heights neighbourhood of Dalen': a part named before the city it is part of
_PART_BEFORE_ITS_CITY = re.compile(
    r"\bthe (?P<part>[A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+)?) (?P<kind>%s) of (?P<city>[A-ZÀ-ÞĀ-Ž][\w-]+(?: [A-ZÀ-ÞĀ-Ž][\w-]+)?)\b"
    % "|".join(_RULES["city_part_nouns"]))


def _place_within(name: str, city):
    """The gazetteer's place of that name in the city's country within half a degree of the city, or None."""
    place = geocode(name, frozenset({city.country_code}))
    near = place is not None and abs(place.latitude - city.latitude) <= 0.5 and abs(place.longitude - city.longitude) <= 0.5
    return place if near else None


def _parts_named_before_their_city(doc, mentions: list[Mention], countries: frozenset[str]) -> None:
    """'the Kurmin district of Dalen': the part lies in that city. Placed where the gazetteer has a place of its name
    within half a degree of the city, else at the city (never at a namesake elsewhere; 'the Old Town district of
    Dalen' too)."""
    for match in _PART_BEFORE_ITS_CITY.finditer(text_of(doc)):
        part_name = match.group("part")
        city = geocode(match.group("city"), countries)
        if city is None or city.kind != "city" or city.small:
            continue
        part_place = _place_within(part_name, city)
        for mention in mentions:
            if mention.start_char <= match.start("part") < mention.end_char <= match.end("kind") and mention.entity_type == "location":
                mention.city_part_place = part_place or _placed_at(part_name, city)


def _cities_and_their_parts(doc, sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """A city's possessive before a part of it: two places, whatever NER made of the words ('Kyiv's Obolon' as one
    organisation). The part is a place where a noun says so ('district', 'neighbourhood') or where the gazetteer
    has a place of that name within half a degree of the city; otherwise only the city is taken out."""
    text = text_of(doc)
    found: list[Mention] = []
    for match in _CITY_AND_ITS_PART.finditer(text):
        city_name, part_name = match.group("city"), match.group("part")
        if part_name.split()[0].lower() in STOP_WORDS or is_given_name(city_name.split()[0]):
            continue
        city = geocode(city_name, countries)
        if city is None or city.kind != "city" or city.small or not (city.country_code in countries or city.population >= A_CITY_ANYWHERE):
            continue  # (not 'Hart's Island', a village's name before a common word)
        if any(is_english_word(word) for word in part_name.split()):
            continue  # 'Kurmin's Old Town', 'Kurmin's Central Station': no name of its own for the gazetteer
        part_place = _place_within(part_name, city)
        near = part_place is not None and part_place.kind == "city"
        part_is_a_place = match.group("kind") is not None or near
        start, end = match.start("city"), match.end("part")
        covered = [m for m in mentions if m.start_char < end and start < m.end_char and not m.dateline]
        if any(m.entity_type == "person" for m in covered):
            continue  # 'Kurmin's Jan Doe': a person of the city
        if not part_is_a_place and not any(m.start_char == start and m.end_char > match.end("city") for m in covered):
            continue  # NER kept the city apart from whatever follows it: nothing to mend
        mentions = [m for m in mentions if m not in covered]
        found.append(Mention(city_name, start, match.end("city"), sentence_index_of(start), "location"))
        if part_is_a_place:
            part = Mention(part_name, match.start("part"), end, sentence_index_of(start), "location")
            part.place_query = part_name
            part.city_part_place = part_place if near else _placed_at(part_name, city)
            found.append(part)
        else:
            found += [m for m in covered if m.start_char >= match.start("part")]
    mentions = sorted(mentions + found, key=lambda m: m.start_char) if found else mentions
    _parts_named_before_their_city(doc, mentions, countries)
    return mentions


def _extend_areas_and_sites(doc, mentions: list[Mention]) -> None:
    """'the Kharkiv region' is the region, not the city; 'the Acme steelworks' is a site, not a
    company. The surface takes the following noun."""
    for mention in mentions:
        if mention.entity_type == "person" or mention.place_query:
            continue
        area = _AREA_WORD.match(text_of(doc), mention.end_char) if mention.entity_type == "location" else None
        site = _SITE_NOUN.match(text_of(doc), mention.end_char)
        extension = area or site
        if extension:
            mention.end_char = extension.end()
            mention.surface = text_of(doc)[mention.start_char:mention.end_char]
            mention.entity_type = "location"


def _join_bare_names(doc, sentence_index_of, mentions: list[Mention]) -> None:
    """A bare 'Helmand' or 'Acme' in a document that names 'Helmand province' or 'the Acme
    steelworks' is that place, unless the bare name is a place of its own ('Kharkiv' the city is
    not 'the Kharkiv region'). All of a site's nouns ('plant', 'steelworks') are one site. A bare
    name NER took for a person is the area too, unless a person named in full bears it."""
    full: dict[str, str] = {}
    for mention in mentions:
        if mention.entity_type != "location":
            continue
        match = _AREA_WORD.search(mention.surface) or _SITE_NOUN.search(mention.surface)
        if match and match.end() == len(mention.surface) and match.start() > 0:
            base = mention.surface[: match.start()]
            if geocode(base) is None:
                full.setdefault(base, mention.place_query or mention.surface)
    full_people = [m.surface.split() for m in mentions if m.entity_type == "person" and len(m.surface.split()) > 1]
    for mention in mentions:
        if mention.place_query:
            continue
        if mention.entity_type == "person" and (mention.surface not in full or any(
                words[-len(mention.surface.split()):] == mention.surface.split() and words != mention.surface.split()
                for words in full_people)):
            continue
        match = _SITE_NOUN.search(mention.surface)
        base = mention.surface[: match.start()] if match and match.end() == len(mention.surface) else mention.surface
        if base in full:
            mention.entity_type = "location"
            mention.place_query = full[base]
    taken = [(m.start_char, m.end_char) for m in mentions]
    for base, place_query in full.items():  # and where NER did not see the bare name at all
        for match in re.finditer(r"\b%s\b" % re.escape(base), text_of(doc)):
            start, end = match.span()
            if not any(s < end and start < e for s, e in taken):
                mention = Mention(base, start, end, sentence_index_of(start), "location", place_query=place_query)
                mentions.append(mention)
                taken.append((start, end))


_LOCAL_BODY_WORDS = frozenset(_RULES["local_body_words"])
_CARE_FACILITY_AT_THE_END = re.compile(r" (?:%s)$" % _words_pattern(_RULES["care_facility_words"]), re.IGNORECASE)


def _towns_of_local_bodies(sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """'the Kurmin Fire Department', 'Kurmin City Council': the town whose public body it is, a place the text names
    (a town of the document's countries, or a city of 100,000 people anywhere; not a newspaper's 'Kurmin Times')."""
    found = []
    for mention in mentions:
        if mention.entity_type == "location" and not mention.dateline and _CARE_FACILITY_AT_THE_END.search(mention.surface):
            mention.entity_type = "organization"  # 'Kurmin General Hospital', which NER took for a place
    taken = {(m.start_char, m.end_char) for m in mentions if m.entity_type == "location"}
    for mention in mentions:
        words = mention.surface.split()
        if mention.entity_type != "organization" or len(words) < 2 or {"and", "&", "of"} & set(words) \
                or not (words[-1].lower() in _LOCAL_BODY_WORDS or _CARE_FACILITY_AT_THE_END.search(mention.surface)):
            continue  # (not 'the Kurmin and Dala Regional Council', a body of two towns, nor 'Office of ...')
        for size in range(min(3, len(words) - 1), 0, -1):
            name = " ".join(words[:size])
            if size == 1 and not written_as_a_name(name):
                continue  # 'University Police', 'Cedar Fire Department'
            place = geocode(name, countries)
            if place is None or place.kind != "city" or not written_as_its_own_name(place, name) \
                    or not (place.country_code in countries or place.population >= 100_000) or (place.small and place.country_code not in countries):
                continue
            span = (mention.start_char, mention.start_char + len(name))
            if span not in taken:
                found.append(Mention(name, *span, sentence_index_of(span[0]), "location", in_a_body_name=True))
            break
    return found


# an office of a town in lower case right after a name: ' deputy police chief', ' mayor' (rules/entities.toml)
_TOWN_OFFICE_AFTER = re.compile(r" (?:(?:%s) )*(?:%s)\b" % (_words_pattern(_RULES["town_office_modifiers"]),
                                                        _words_pattern(_RULES["town_office_words"])))


def _towns_before_their_offices(text: str, mentions: list[Mention], countries: frozenset[str]) -> None:
    """'Kurmin deputy police chief Jan Doe', 'the Dalen mayor': a name NER took for an organisation, written before
    a town's office in lower case, is the town, where a town of the document's countries bears that name or a
    spelling of it ('Kurmin Raya' for the gazetteer's 'Kurminraya')."""
    for mention in mentions:
        if mention.entity_type != "organization" or not _TOWN_OFFICE_AFTER.match(text, mention.end_char) \
                or mention.surface.split()[-1].lower() in organisation_words():
            continue
        place = geocode(mention.surface, countries) if countries else None
        if place is None or place.kind != "city" or place.country_code not in countries:
            place = geocode_by_sound(mention.surface, countries)
        if place is not None:
            mention.entity_type = "location"


def _towns_before_an_abbreviated_division(text: str, mentions: list[Mention], sentence_index_of) -> list[Mention]:
    """'Kurmby, Ont.', 'Dalesford, Tenn.', 'KURMBY, Ark.': a name before a province or state as agencies abbreviate
    it is a town, whatever NER made of it; a US state's abbreviation is the state (looked up by its name), other
    abbreviations name no place of their own."""
    abbreviations = {m.start(1): m.group(1) for m in _TOWN_AND_ABBREVIATED_DIVISION.finditer(text)}
    if not abbreviations:
        return mentions
    for mention in mentions:
        if mention.end_char + 2 in abbreviations and text.startswith(", ", mention.end_char) and len(mention.surface.split()) <= 3:
            mention.entity_type = "location"
    kept = [m for m in mentions if not any(start <= m.start_char < start + len(a) for start, a in abbreviations.items())]
    for start, abbreviation in abbreviations.items():
        state = us_state_named(abbreviation)
        if state is not None:
            kept.append(Mention(abbreviation, start, start + len(abbreviation), sentence_index_of(start), "location",
                                place_query=state))
    return sorted(kept, key=lambda m: m.start_char)


# A name of up to three capitalised words, a comma, and a name of up to three more: 'Kurmby, Oklahoma', 'Dalen, New South
# Wales' (not the owner of what follows: 'Dalen, Oklahoma's capital')
_NAME_COMMA_NAME = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}), ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})(?![\w'’-])(?!['’]s)")


def _towns_before_their_division(doc, sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """'in Hugo, Oklahoma', 'Kyogle, New South Wales': a name before a state or province, written in full, that is the name
    of a town in it is that town, whatever NER made of it (a given name, a surname, an event's; or one name of both)."""
    text = text_of(doc)
    for match in _NAME_COMMA_NAME.finditer(text):
        words = match.group(1).split()
        while words and words[0].lower() in STOP_WORDS:
            words = words[1:]  # ('In Hugo, Oklahoma': the preposition that opens the sentence)
        if not words or not _a_town_of_the_division(" ".join(words), match.group(2), countries):
            continue
        start, end = match.end(1) - len(" ".join(words)), match.end(1)
        both = [m for m in mentions if (m.start_char, m.end_char) == (start, match.end(2))]
        if both:  # one name NER made of the town and its division: two places
            mentions = [m for m in mentions if m not in both]
            mentions += [Mention(text[a:b], a, b, sentence_index_of(a), "location") for a, b in ((start, end), match.span(2))]
        else:
            mentions += _a_place_at(text, start, end, mentions, sentence_index_of)
    return sorted(mentions, key=lambda m: m.start_char)


def _a_town_of_the_division(name: str, division: str, countries: frozenset[str]) -> bool:
    """Whether `division` is a state or province (of the document's countries, or of one country anywhere) that holds a
    town called `name`."""
    area = geocode(division, countries)
    if area is None or area.kind not in ("state", "region") or not area.country_code or geocode(name, countries) == area:
        return False
    country = frozenset({area.country_code})
    named = divisions_named(division, True, country) if area.kind == "region" else frozenset()
    return any((area.kind == "state" and town.admin1 == area.admin1) or (named & divisions_of(town))
               for town in towns_called(name, country))
