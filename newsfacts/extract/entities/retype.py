"""Retyping NER's labels from the whole text: a surname of a person the text names in full is that
person, a word for a body the text names in full is that body, and a name that is a known place, or that the
text puts where a place goes, is a place.
"""

from __future__ import annotations

from itertools import dropwhile

from newsfacts.extract.entities.given_names import is_given_name
from newsfacts.extract.entities.keys import _GIVEN_NAME_PREFIXES, _bodies_by_their_nouns, without_a_legal_form
from newsfacts.extract.entities.model import A_CITY_ANYWHERE, Mention
from newsfacts.extract.entities.name_clues import _PARTICLE_INSIDE, _POST_NOMINALS, _known_anywhere, _named_like_a_body, _plural_name
from newsfacts.extract.entities.place_clues import _named_as_places, _placed_by_the_parse, _placed_names
from newsfacts.extract.entities.vocabulary import (_ANY_AREA_LAST, _INSTITUTION_LAST_WORDS, _RULES, PLACE_NAME_FIRST_WORDS,
                                                   _person_evidence_words, organisation_words, person_prefix_words)
from newsfacts.extract.gazetteer import Place, geocode
from newsfacts.extract.nlp import text_of
from newsfacts.extract.translit import name_key


def _retype_by_the_whole_text(doc, mentions: list[Mention], countries: frozenset[str], placed_in_or_near: set[str]) -> None:
    """Each mention retyped (_retype) by what the whole text says of its name: full names first, so that the
    surnames they hold are known when the names of one word are retyped."""
    _bodies_taken_for_people(mentions)
    _titles_taken_for_people(text_of(doc), mentions)
    org_heads = {m.surface.split()[0] for m in mentions if m.entity_type == "organization" and len(m.surface.split()) > 1}
    placed = _placed_names(text_of(doc), mentions) | _placed_by_the_parse(doc, mentions)
    named_as_places = _named_as_places(doc, mentions)
    for mention in mentions:
        if len(mention.surface.split()) > 1:
            _retype(mention, set(), countries, org_heads, placed, named_as_places, placed_in_or_near)
    surnames = _surnames_the_text_may_use_alone(text_of(doc), mentions, countries)
    body_nouns = set(_bodies_by_their_nouns(mentions))
    speaking = _people_who_speak(doc, mentions)
    for mention in mentions:
        if len(mention.surface.split()) == 1:
            _retype(mention, surnames, countries, org_heads, placed, named_as_places, placed_in_or_near, body_nouns, speaking)
        elif mention.entity_type != "person" and name_key(mention.surface) in surnames and _PARTICLE_INSIDE.search(mention.surface):
            mention.entity_type = "person"  # 'Kurmández de Paz said', the surname of 'Ana Lucía Kurmández de Paz'


_FEATURE_FIRST_WORDS = frozenset(_RULES["feature_first_words"])


def _people_who_speak(doc, mentions: list[Mention]) -> set[str]:
    """The names NER took for people that are the subject of a reporting verb ('said Lewis', 'Lewis told'; the Isle
    of Lewis elsewhere): a place does not speak, unless a country, a state, a continent or a city that speaks for its
    government ('Baku said')."""
    reporting, _people = _person_evidence_words()
    speaking = set()
    for mention in mentions:
        span = doc.char_span(mention.start_char, mention.end_char) if mention.entity_type == "person" else None
        if span is not None and span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in reporting:
            speaking.add(mention.surface)
    return speaking


def _bodies_taken_for_people(mentions: list[Mention]) -> None:
    """'Kurmin Knitwear said' after 'Kurmin Knitwear Ltd': a name of two words or more that the text gives a body
    elsewhere is that body where NER took it for a person."""
    bodies = {without_a_legal_form(name_key(m.surface)) for m in mentions if m.entity_type == "organization" and len(m.surface.split()) >= 2}
    for mention in mentions:
        if mention.entity_type == "person" and len(mention.surface.split()) >= 2 and without_a_legal_form(name_key(mention.surface)) in bodies:
            mention.entity_type = "organization"


def _titles_taken_for_people(text: str, mentions: list[Mention]) -> None:
    """'The Gleaner team visited', 'according to The Kurmin': one word after a capitalised 'The', which no person's
    name takes, is a paper's or a body's name where NER took it for a person's (not a given name)."""
    for mention in mentions:
        if mention.entity_type == "person" and " " not in mention.surface and text[max(0, mention.start_char - 4):mention.start_char] == "The " \
                and not is_given_name(mention.surface):
            mention.entity_type = "organization"


def _surnames_the_text_may_use_alone(text: str, mentions: list[Mention], countries: frozenset[str]) -> set[str]:
    """The keys of the words by which the text may name a person it names in full."""
    # Every word after a full name's first is a surname the text may use alone ('Villavicencio' for 'Óscar
    # Villavicencio Torres'), even where a town shares it; so is a hyphenated surname ('Walker-Ngata'), whose
    # key has two words.
    surnames = {" ".join(words[i:j]) for m in mentions if m.entity_type == "person" for words in [name_key(m.name).split()]
                for i in range(1, len(words)) for j in range(i + 1, len(words) + 1)}
    # ... and so is a given name that no place bears ('Kurga' for 'Kurga Mengesha', as Ethiopian and Indonesian
    # texts name people after their first mention)
    surnames |= {name_key(m.name.split()[0]) for m in mentions if m.entity_type == "person" and 2 <= len(m.name.split()) <= 3
                 and m.name.split()[0][:1].isupper() and m.name.split()[0].lower() not in _GIVEN_NAME_PREFIXES
                 and geocode(m.name.split()[0], countries) is None}
    # ... and so is a one-word name that a person's title comes just before ('President Kurmin demanded ...
    # Kurmin said'), whatever town bears it
    surnames |= {name_key(m.surface) for m in mentions if m.entity_type == "person" and m.role and len(m.surface.split()) == 1
                 and text[:m.start_char].rstrip().endswith(m.role.split()[-1])}
    return surnames


def _retype(mention: Mention, person_surnames: set[str], countries: frozenset[str], org_heads: set[str] = frozenset(),
            placed: set[str] = frozenset(), named_as_places: set[str] = frozenset(),
            placed_in_or_near: set[str] = frozenset(), body_nouns: set[str] = frozenset(), speaking: set[str] = frozenset()) -> None:
    """Repair NER labels:
    - a single word that is the surname of a person named in full in the document is that person
      ('Paris' is a city, but not in an article that names Jane Paris);
    - a single word that is the noun for a body in the name of an organisation the document names is that body
      ('the Observatory' after 'the Kurmin Observatory for Human Rights');
    - a 'person' or 'organisation' that is a known place is a place: a large city or a country
      anywhere, a smaller city only when it lies in a country the document is about."""
    if mention.dateline:
        return
    if _retyped_by_other_names(mention, person_surnames, countries, org_heads, named_as_places, body_nouns):
        return
    if _retyped_as_a_person(mention, countries, named_as_places):
        return
    if mention.entity_type != "location":
        _retype_a_known_place(mention, person_surnames, countries, org_heads, placed, placed_in_or_near, speaking)


def _retyped_by_other_names(mention: Mention, person_surnames: set[str], countries: frozenset[str], org_heads: set[str],
                            named_as_places: set[str], body_nouns: set[str]) -> bool:
    """Retypes a mention that the text's other names, or its own last word, say the type of; whether it did."""
    key = name_key(mention.surface)
    words = mention.surface.split()
    if mention.entity_type != "location" and mention.surface in named_as_places and key not in person_surnames:
        mention.entity_type = "location"  # 'Chasov Yar, a hilltop town', 'the port of Mocha'
        return True
    if len(words) == 1 and key in person_surnames:
        mention.entity_type = "person"
        return True
    if mention.entity_type == "person" and len(words) == 1 and mention.surface.lower() in body_nouns:
        mention.entity_type = "organization"  # 'the Observatory' after the 'Kurmin Observatory for Human Rights'
        return True
    if mention.entity_type == "person" and len(words) == 1 and mention.surface in org_heads and not _known_anywhere(geocode(mention.surface, countries)):
        mention.entity_type = "organization"  # 'Maxar' where the text also names 'Maxar Technologies' (not a city its administration is named after)
        return True
    if mention.entity_type == "person" and len(words) >= 2 and _ANY_AREA_LAST.search(mention.surface):
        mention.entity_type = "location"  # 'Kurmin State', 'Dalen Province' tagged as a person
        return True
    if mention.entity_type == "person" and len(words) >= 2 and words[0].rstrip(".") in _FEATURE_FIRST_WORDS:
        mention.entity_type = "location"  # 'Wadi Kurmin', 'Mount Dalen' tagged as a person
        return True
    if mention.entity_type == "person" and len(words) == 2 and words[0].lower() in organisation_words() \
            and not is_given_name(words[0]) and not is_given_name(words[1]):
        mention.entity_type = "organization"  # 'Club Kurmin', 'Radio Dalen' tagged as a person: a body's word, then its name
        return True
    if mention.entity_type == "person" and _named_like_a_body(mention.surface) and (
            not is_given_name(words[0]) or words[-1].lower() in _INSTITUTION_LAST_WORDS):
        # "Ukraine's General Staff", 'Kurmin Unity Forum', 'Jan Hospital' tagged as a person
        mention.entity_type = "organization"
        return True
    return False


def _retyped_as_a_person(mention: Mention, countries: frozenset[str], named_as_places: set[str]) -> bool:
    """Retypes as a person a name that opens with a given name (after a rank, perhaps) and is no place or body;
    whether it did."""
    words = mention.surface.split()
    titled = list(dropwhile(lambda w: w.lower().rstrip(".") in person_prefix_words(), words))
    if 0 < len(titled) < len(words) and mention.entity_type == "organization" and len(titled) >= 2 and is_given_name(titled[0]) \
            and all(w[:1].isupper() for w in titled) and titled[-1].lower() not in organisation_words() \
            and geocode(" ".join(titled), countries) is None:
        mention.entity_type = "person"  # 'Sergeant Taras Kurmaniuk' tagged as an organisation: the name without the rank
        cut = len(" ".join(words[:len(words) - len(titled)])) + 1
        mention.start_char, mention.surface = mention.start_char + cut, mention.surface[cut:]
        return True
    if (mention.entity_type != "person" and 2 <= len(words) <= 4 and is_given_name(words[0])
            and words[0].lower() not in PLACE_NAME_FIRST_WORDS and mention.surface not in named_as_places
            and all(w[:1].isupper() for w in words) and words[-1].lower() not in organisation_words()
            and not _plural_name(mention.surface) and geocode(mention.surface, countries) is None):
        mention.entity_type = "person"  # 'Oleksiy Danilov' tagged as an organisation
        name = _POST_NOMINALS.sub("", mention.surface)  # ('Jane Doe KC', whose letters made it a body)
        mention.surface, mention.end_char = name, mention.start_char + len(name)
        return True
    return False


def _retype_a_known_place(mention: Mention, person_surnames: set[str], countries: frozenset[str], org_heads: set[str],
                          placed: set[str], placed_in_or_near: set[str], speaking: set[str] = frozenset()) -> None:
    """A person or a body that is a place: one no gazetteer holds that the text puts somewhere, or a known place
    (_a_known_place_here); not a person the text has speak (_people_who_speak)."""
    key = name_key(mention.surface)
    words = mention.surface.split()
    place = geocode(mention.surface, countries)
    if mention.entity_type == "person" and mention.surface in speaking \
            and (place is None or place.kind not in ("country", "state", "continent") and place.population < A_CITY_ANYWHERE):
        return
    if (place is None and mention.entity_type == "person" and mention.surface in placed and not is_given_name(words[0])
            and not is_given_name(words[-1]) and key not in person_surnames and mention.surface in placed_in_or_near):
        # 'In Shegal Kalay, ...': a village no gazetteer holds (but 'in Hurricane Katrina' ends in a given name)
        mention.entity_type = "location"
        return
    # (a name of up to three capitalised words, with the particles between them: 'San Kurmo de las Flores')
    if place is not None and (sum(not w.islower() for w in words) <= 3 or place.population >= 1_000_000) \
            and _a_known_place_here(mention, place, key, countries, org_heads, placed, person_surnames):
        mention.entity_type = "location"


def _a_known_place_here(mention: Mention, place: Place, key: str, countries: frozenset[str], org_heads: set[str],
                        placed: set[str], person_surnames: set[str]) -> bool:
    """Whether the gazetteer's `place` is what a mention NER took for a person or a body names here."""
    words = mention.surface.split()
    return (
        _known_anywhere(place)
        # a one-word name that is a town of a country the document is about (a district town that NER tags as an organisation)
        or (place.country_code in countries and len(mention.surface.split()) == 1
            and place.kind == "city" and mention.surface not in org_heads and not place.small)
        # a two-word town tagged as a person: a town of the document's country, not a given name first
        # (a one-word name is too often a surname that some village also bears: 'Jones', 'Brown')
        or (place.country_code in countries and place.kind == "city" and mention.entity_type == "person"
            and len(words) >= 2 and not is_given_name(words[0]) and mention.surface not in org_heads)
        # a 'person' the text puts somewhere ('in Kurmagrad') that is a town of the main gazetteer, not a given name
        # (a given name first only in a name of two words or more that is a town of the document's countries:
        # 'to Tal Afar')
        or (mention.entity_type == "person" and mention.surface in placed and place.kind == "city"
            and (not place.small or place.country_code in countries)
            and (not is_given_name(words[0]) or (len(words) >= 2 and place.country_code in countries))
            and key not in person_surnames)
        # an 'organisation' the text puts something in or at ('at Pokolbin'), a town of the document's
        # countries however small, and not the first word of an organisation's name
        or (mention.entity_type == "organization" and mention.surface in placed and place.country_code in countries
            and place.kind == "city" and mention.surface not in org_heads
            # the United States have a small town for most words ('in Congress', 'at Harvard'): its state too
            and (place.country_code != "US" or f"US.{place.admin1}" in countries))
    )

