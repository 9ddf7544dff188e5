"""Places NER missed or cut apart: well-known places and the great cities of the document's countries,
named sites, towns written where a place goes, names the tokenizer cut at their hyphens or NER ended before
their particles ('Eldorado do Sul'), and a town NER ran into the name before it ('the Kurmin Hotel in Dalen').
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from spacy.lang.en.stop_words import STOP_WORDS

from newsfacts.built_once import kept_on_disk
from newsfacts.extract.entities.given_names import is_given_name
from newsfacts.extract.entities.model import A_CITY_ANYWHERE, Mention
from newsfacts.extract.entities.name_clues import _proper_noun_heads, _town_of, _well_known_places
from newsfacts.extract.entities.place_clues import (_AS_FAR_AS, _PLACE_OF_WORDS, _SITE_NOUN, _kind_of_place, _kinds_of_places_after_a_list,
                                                    _where_a_place_goes, _word_before)
from newsfacts.extract.entities.vocabulary import _LOCATED_BODY_END, _RULES, _locative_prepositions, _words_pattern
from newsfacts.extract.gazetteer import (countries_with_a_town_named, country_codes, demonyms, geocode,
                                         major_city_names, major_city_spellings, tables_built_once_are_there,
                                         written_as_its_own_name)
from newsfacts.extract.nlp import text_of
from newsfacts.extract.truecasing import written_as_a_name
from newsfacts.rules import load_rules


# Named sites NER often misses: 'Constitution Square', 'Palace of Labor', 'Boryspil Airport'.
# (rules/entities.toml landmark_last_words, landmark_of_words)
_SITE = re.compile(
    r"\b(?:(?:\d{1,3}(?:st|nd|rd|th)\s|(?:[A-Z][\w'’-]+\s){1,3})(?:%s)"
    r"|(?:%s) of (?:the )?[A-Z][\w'’-]+)\b" % ("|".join(_RULES["landmark_last_words"]), "|".join(_RULES["landmark_of_words"]))
)
# 'the Acme steelworks' where NER saw no name: a proper name between 'the' and a site noun.
_NAMED_SITE = re.compile(r"(?<=\bthe )[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?(?=" + _SITE_NOUN.pattern.removeprefix(r"\s+").replace("(", " (", 1) + ")")
_COUNTRY_ABBREVIATIONS = re.compile(r"(?<![\w.])(?:U\.S\.|U\.K\.|US|UK|USA|UAE)(?![\w])")


# One to three capitalised words: a name a place may have.
_CAPITALISED_WORDS = re.compile(r"\b[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}\b")


def _places_ner_may_miss(countries: frozenset[str]) -> list[frozenset[str]]:
    """The names of well-known places anywhere, and of the cities of 100,000 people or more of each of the
    document's countries (a name is looked up in each set: a union of them for every document would cost more
    than the lookups)."""
    return [_well_known_places(), *(_major_cities_of_not_named_like_people(c) for c in countries)]


def _major_cities_of_not_named_like_people(country: str) -> frozenset[str]:
    """Cities of 100,000 people or more of one country ('US.TX' style codes name none), by any of their English
    spellings, whose first word is no given name."""
    found = _major_cities_not_named_like_people_by_country().get(country)
    if found is None:  # a code that is no country's ('US.TX'), or a territory's own
        found = frozenset() if "." in country else _major_cities_of_one_country(country)
    return found


@cache
def _major_cities_not_named_like_people_by_country() -> dict[str, frozenset[str]]:
    """Those cities of every country, built once per machine: finding a country's other spellings of its
    cities takes about ten milliseconds, which each worker process would spend again on each country its
    documents name."""
    return kept_on_disk("major-cities-by-country", _build_major_cities_by_country, tables_built_once_are_there)


def _build_major_cities_by_country() -> dict[str, frozenset[str]]:
    return {code: _major_cities_of_one_country(code) for code in sorted(set(country_codes().values()))}


@lru_cache(maxsize=1024)  # (a territory's code, asked for again by each document that names it)
def _major_cities_of_one_country(country: str) -> frozenset[str]:
    return frozenset(n for n in major_city_names(frozenset({country})) | major_city_spellings(country)
                     if not is_given_name(n.split()[0]))


def _gazetteer_mentions(doc, sentence_index_of, mentions, countries: frozenset[str] = frozenset()) -> list[Mention]:
    """Places NER missed: well-known places anywhere, cities of 100,000 people or more in the
    countries the document is about, named sites and country abbreviations."""
    taken = [(m.start_char, m.end_char) for m in mentions]
    found = []
    for pattern in (_SITE, _NAMED_SITE, _COUNTRY_ABBREVIATIONS):
        for match in pattern.finditer(text_of(doc)):
            start, end = match.span()
            if pattern is _NAMED_SITE and match.group().lower() in demonyms():
                continue  # 'the Russian base' names no site
            if not any(s < end and start < e for s, e in taken):
                found.append(Mention(match.group(), start, end, sentence_index_of(start), "location"))
                taken.append((start, end))
    places = _places_ner_may_miss(countries)
    for ent_match in _CAPITALISED_WORDS.finditer(text_of(doc)):
        surface = ent_match.group()
        while surface and not any(surface in names for names in places) and " " in surface:
            surface = surface.rsplit(" ", 1)[0]
        if not any(surface in names for names in places):
            continue
        start, end = ent_match.start(), ent_match.start() + len(surface)
        if any(s < end and start < e for s, e in taken):
            continue
        found.append(Mention(surface, start, end, sentence_index_of(start), "location"))
        taken.append((start, end))
    found += _towns_the_text_calls_a_kind_of_place(doc, sentence_index_of, taken, countries)
    found += _places_things_are_based_in(doc, sentence_index_of, taken, countries)
    place_ends = {m.end_char for m in [*mentions, *found] if m.entity_type == "location"}
    found += _towns_after_locatives(doc, sentence_index_of, taken, countries, place_ends)
    found += _other_names_in_brackets(doc, sentence_index_of, taken, [*mentions, *found], countries)
    return found


# 'a Cardiff-based adjuster', 'the London-based group': a name of one or two words before '-based'
_BASED_IN = re.compile(r"(?<![\w'’-])([A-Z][\w'’]+(?: [A-Z][\w'’]+)?)-based\b")


def _places_things_are_based_in(doc, sentence_index_of, taken: list, countries: frozenset[str]) -> list[Mention]:
    """The place before '-based' that NER missed: a country, a state or region, a town of the document's countries, or a
    city of 100,000 people or more anywhere."""
    found = []
    for match in _BASED_IN.finditer(text_of(doc)):
        start, end = match.span(1)
        if any(s < end and start < e for s, e in taken):
            continue
        place = geocode(match.group(1), countries)
        if place is None or (place.kind == "city" and place.country_code not in countries and place.population < A_CITY_ANYWHERE):
            continue
        found.append(Mention(match.group(1), start, end, sentence_index_of(start), "location"))
        taken.append((start, end))
    return found


# A name set before an apposition: 'Cetinje, the old royal capital,', 'Iten, the high-altitude training town'
_NAME_BEFORE_AN_APPOSITION = re.compile(r"(?<![\w'’-])([A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2})(?=,\s+(?:a|an|the)\s)")
# ... or before one that says where it lies: 'Kurmo, on the southern coast,', 'Dalen, near the Kurm river,'
_NAME_BEFORE_WHERE_IT_LIES = re.compile(
    r"(?<![\w'’-])([A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2}),\s+(?:on|near|along|by)\s+the\s+(?:[\w-]+\s+){0,3}?"
    r"(?:%s)\b[^,.;]{0,40}," % _words_pattern(_RULES["where_it_lies_nouns"] + _RULES["compass_words"]))
# ... or before the lower-case noun of its kind: 'Kurmo town', 'Dalen village'
_NAME_BEFORE_ITS_KIND = re.compile(r"(?<![\w'’-])([A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+)?) (?:%s)\b"
                                   % _words_pattern(_RULES["kind_after_a_town_nouns"]))
# ... and a list of names set before one: 'Kurmo and Dalen, the two main towns'
_A_NAME = re.compile(r"[A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2}")
_NAMES_BEFORE_AN_APPOSITION = re.compile(r"(?<![\w'’-])((?:%s, )*%s,? and %s)(?=,\s)" % ((_A_NAME.pattern,) * 3))


def _towns_the_text_calls_a_kind_of_place(doc, sentence_index_of, taken: list, countries: frozenset[str]) -> list[Mention]:
    """A town NER missed that an apposition calls a town, a capital or a village ('Iqaluit, the capital of
    Nunavut,'): a town of the document's countries, or a city of 100,000 people or more anywhere."""
    text = text_of(doc)
    _before, after = _kind_of_place()
    called = [match.span(1) for match in _NAME_BEFORE_AN_APPOSITION.finditer(text) if after.match(text[match.end(1):match.end(1) + 60])]
    # ('Kurmo, on the southern coast,', 'Dalen, near the border,': an apposition that says where it lies)
    called += [match.span(1) for match in _NAME_BEFORE_WHERE_IT_LIES.finditer(text)]
    # ('Insurgents attacked Kurmo town', 'in Dalen village': a name before the noun of its kind, as some papers write it)
    called += [match.span(1) for match in _NAME_BEFORE_ITS_KIND.finditer(text)]
    # ('Kurmo and Dalen, the two main towns of the province,': each name of the list)
    for match in _NAMES_BEFORE_AN_APPOSITION.finditer(text):
        if _kinds_of_places_after_a_list().match(text[match.end(1):match.end(1) + 60]):
            called += [(match.start(1) + name.start(), match.start(1) + name.end()) for name in _A_NAME.finditer(match.group(1))]
    found = []
    for start, end in called:
        name = text[start:end]
        if name.split()[0].lower() in STOP_WORDS and " " in name:
            name = name.split(" ", 1)[1]  # ('In Kurmo and Dalen, the two towns': the preposition that opens the sentence)
            start = end - len(name)
        if any(s < end and start < e for s, e in taken) or name.split()[0].lower() in STOP_WORDS:
            continue
        place = geocode(name, countries)
        if place is None or place.kind != "city" or not (place.country_code in countries or place.population >= A_CITY_ANYWHERE) \
                or (is_given_name(name.split()[0]) and place.small):
            continue
        found.append(Mention(name, start, end, sentence_index_of(start), "location"))
        taken.append((start, end))
    return found


# A name in brackets right after a place, with the words that say it is another name of it or none
# (and perhaps the language it is written in: 'Kurmyre (Kurmour in Arabic)')
_OTHER_NAME_IN_BRACKETS = re.compile(r"\s*\((?:(?:%s),?\s+)?([A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2})(?: in [A-Z][a-z]+)?\)"
                                     % _words_pattern(_RULES["other_name_words"]))


def _other_names_in_brackets(doc, sentence_index_of, taken: list, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """A town's other name in brackets after it ('Kurmhanda (formerly Dalestown)', 'Kurmpuzha (Kurmeppey)'), which
    NER passes over: a town of the document's countries by that name, where the gazetteer places the first name
    there too, or holds no place of it and NER took it for a place."""
    text = text_of(doc)
    found = []
    for place in mentions:  # (a town NER took for a person is retyped later: 'Tyre (Sour in Arabic)')
        match = _OTHER_NAME_IN_BRACKETS.match(text, place.end_char)
        if not match:
            continue
        start, end = match.span(1)
        if any(s < end and start < e for s, e in taken):
            continue
        other, first = geocode(match.group(1), countries), geocode(place.surface, countries)
        if other is None or other.kind != "city" or other.country_code not in countries or other.latitude is None:
            continue
        if first is None and place.entity_type != "location":
            continue
        if first is not None and (first.latitude is None or abs(first.latitude - other.latitude) > _SAME_PLACE_DEGREES
                                  or abs(first.longitude - other.longitude) > _SAME_PLACE_DEGREES):
            continue  # 'Kurmin (Dalen)': a town and the division or country it lies in, not two names of it
        found.append(Mention(match.group(1), start, end, sentence_index_of(start), "location"))
        taken.append((start, end))
    return found


# Two names of one town are placed within this many degrees of each other (a gazetteer's entries for a town
# and for its municipality may lie apart).
_SAME_PLACE_DEGREES = 0.2


def _towns_after_locatives(doc, sentence_index_of, taken: list, countries: frozenset[str],
                           place_ends: set[int] = frozenset()) -> list[Mention]:
    """A town of the document's countries that NER missed, written where a place goes: after 'in', 'near',
    'outside' ('fighting near Tessalit'), after 'the village of', or after a place and 'and' ('to
    Saint-Marc and Gonaives'). `place_ends` are where the places found so far end."""
    text = text_of(doc)
    before_kind, _after = _kind_of_place()
    place_ends = set(place_ends)
    found = []
    for match in _NAME_AFTER_LOCATIVE.finditer(text):
        start, end = match.span("name")
        if any(s < end and start < e for s, e in taken):
            continue
        word = match.group("word").lower()
        if word == "of" and not before_kind.search(text[max(0, match.start() - 30):match.end("word") + 1]) \
                and _word_before(text, match.start()) not in _PLACE_OF_WORDS:  # 'the village of', 'residents of'
            continue
        after_a_place = word in ("and", "or") and match.start("word") - 1 in place_ends
        far = word == "as" and _AS_FAR_AS.search(text, max(0, match.start("name") - 20), match.start("name")) is not None
        if word not in ("of", "between") and word not in _locative_prepositions() and not after_a_place and not far:
            continue
        name = match.group("name")
        if name.split()[0].lower() in STOP_WORDS:
            continue
        place = geocode(name, countries)
        if place is None or place.kind != "city":
            continue
        if place.country_code not in countries and (place.population < A_CITY_ANYWHERE or not all(written_as_a_name(w) for w in name.split())
                                                    or is_given_name(name.split()[0])
                                                    or word not in _locative_prepositions()):
            continue  # 'in Kursk' in a text about the other side of a border: a city of its size anywhere
        if is_given_name(name.split()[0]) and (place.small or word == "of"):
            continue  # 'near Dori', a town of 46,000 in the document's country, is Dori; a village named like a person is not
        found.append(Mention(name, start, end, sentence_index_of(start), "location"))
        taken.append((start, end))
        place_ends.add(end)
    # 'attacked Gwoza', 'between Dori and Sebba': names NER passed over where the parse puts a place
    for token in _proper_noun_heads(doc):
        if not token.text[:1].isupper() or not _where_a_place_goes(token):
            continue
        name = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [token]
        start, end = name[0].idx, token.idx + len(token)
        if name[-1].i - name[0].i != len(name) - 1 or any(s < end and start < e for s, e in taken):
            continue
        surface = text[start:end]
        if not countries or not _town_of(surface, countries):
            continue
        if is_given_name(name[0].text) and geocode(surface, countries).small:
            continue  # 'between Kaya and Dori': a town of 46,000 named like a person is the town; a village is not
        found.append(Mention(surface, start, end, sentence_index_of(start), "location"))
        taken.append((start, end))
    return found


# a name of up to three capitalised words after a word, hyphened particles allowed ('Boulogne-sur-Mer')
_NAME_AFTER_LOCATIVE = re.compile(
    r"\b(?P<word>[A-Za-z]+)\s+(?P<name>(?:al-|el-|Al-|El-)?[A-Z][\w'’]+(?:-[a-zà-ÿ]{1,4})*(?:[\s-][A-Z][\w'’]+(?:-[a-zà-ÿ]{1,4})*){0,2})\b")


# A place named with hyphened particles ('Clichy-sous-Bois', 'Mazar-e-Sharif', 'Stratford-upon-Avon'), which
# the tokenizer and NER cut into pieces, and the two towns of a road ('the Lamu-Garissa road').
# ('Stratford-upon-Avon'; 'Qasr-e Kurmin', a Persian name joined by its ezafe)
_HYPHENED_PLACE = re.compile(r"(?<![\w-])[A-ZÀ-ÞĀ-Ž][\w'’]+(?:-[a-zà-ÿ]{1,5})+[-\s][A-ZÀ-ÞĀ-Ž][\w'’]+(?![\w-])")
# the towns a road joins ('the Lamu-Garissa road', 'the Kurmin-Dalen-Port Sele highway'); a last town of two words
# is left out, as its first word alone names nothing
_ROAD_ENDS = re.compile(r"(?<![\w-])(?P<ends>[A-ZÀ-ÞĀ-Ž][\w'’]+(?:[-–][A-ZÀ-ÞĀ-Ž][\w'’]+){1,3})(?P<more> [A-ZÀ-ÞĀ-Ž][\w'’]+)?"
                        r"(?=\s+(?:%s)\b)" % "|".join(load_rules("entities")["route_words"]))
_ROAD_END = re.compile(r"[A-ZÀ-ÞĀ-Ž][\w'’]+")


def _hyphened_places(doc, sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """Places whose names the tokenizer cut at their hyphens, found whole in the gazetteer: a town of the
    document's countries, or a city of 100,000 people or more anywhere."""
    text = text_of(doc)

    def town(name: str) -> bool:
        place = geocode(name, countries)
        return place is not None and place.kind == "city" and (place.country_code in countries or place.population >= A_CITY_ANYWHERE)

    found: list[tuple[int, int]] = []
    for match in _HYPHENED_PLACE.finditer(text):
        if town(match.group()):
            found.append(match.span())
    for match in _ROAD_ENDS.finditer(text):
        ends = list(_ROAD_END.finditer(text, match.start("ends"), match.end("ends")))
        ends = ends[:-1] if match.group("more") else ends
        # (a town the gazetteer knows well, or one whose name is no English word nor a person's: not 'the Hurricane-Wilson road')
        towns = [(end.span(), frozenset({geocode(end.group(), countries).country_code}) if town(end.group())
                  else countries_with_a_town_named(end.group()) if written_as_a_name(end.group()) and not is_given_name(end.group())
                  else frozenset()) for end in ends]
        towns = [(span, where) for span, where in towns if where]
        if len(towns) >= 2 and frozenset.intersection(*(where for _, where in towns)):
            found += [span for span, _ in towns]  # towns of one country that the road joins, of any size
    if not found:
        return mentions
    kept = [m for m in mentions if m.dateline or not any(m.start_char < e and s < m.end_char for s, e in found)]
    return kept + [Mention(text[s:e], s, e, sentence_index_of(s), "location") for s, e in found]


# A name NER ran on over 'in' and a town: 'Galle Face Green in Colombo', 'the Kurmin Hotel in Dalen'
_IN_A_TOWN_AT_THE_END = re.compile(r"^(?P<first>.+?) in (?P<town>[A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+)?)$")


def _places_after_in_inside_a_name(mentions: list[Mention], sentence_index_of, countries: frozenset[str]) -> list[Mention]:
    """A name that ends in 'in' and a town (one of the document's countries, or a city of 100,000 people or more
    anywhere) is two names: what is there, and the town (but 'the Dalenian Embassy in Kurmin' is one: a mission's
    name says where it is)."""
    found = []
    for mention in mentions:
        split = _IN_A_TOWN_AT_THE_END.match(mention.surface) if mention.entity_type != "person" and not mention.dateline else None
        if split and mention.entity_type == "organization" and _LOCATED_BODY_END.search(split.group("first")):
            continue
        place = geocode(split.group("town"), countries) if split else None
        if place is None or place.kind != "city" or not (place.country_code in countries or place.population >= A_CITY_ANYWHERE):
            continue
        town_start = mention.start_char + split.start("town")
        found.append(Mention(split.group("town"), town_start, mention.end_char, sentence_index_of(town_start), "location"))
        mention.surface, mention.end_char = split.group("first"), mention.start_char + len(split.group("first"))
    return sorted(mentions + found, key=lambda m: m.start_char) if found else mentions


# The lower-case words inside a place's name ('Eldorado do Sul', 'San Cristóbal de las Casas', 'Mocímboa da Praia'),
# where NER ends the name before them (rules/entities.toml)
_PLACE_PARTICLES = _words_pattern(_RULES["place_name_particles"])
_PARTICLE_AT_THE_END = re.compile(r"(?: (?:%s))+$" % _PLACE_PARTICLES)
_REST_AFTER_PARTICLES = re.compile(r"(?: (?:%s))+ [A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+)?" % _PLACE_PARTICLES)


def _places_named_with_particles(doc, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """A name that goes on after lower-case particles is one place where the gazetteer holds the whole of it (a town
    of the document's countries, or a city of 100,000 people or more anywhere): 'Eldorado do Sul', not 'Eldorado'."""
    text = text_of(doc)
    for mention in mentions:
        if mention.dateline or mention.entity_type == "person" and is_given_name(mention.surface.split()[0]):
            continue
        stem = _PARTICLE_AT_THE_END.sub("", mention.surface)
        rest = _REST_AFTER_PARTICLES.match(text, mention.start_char + len(stem))
        if rest is None:
            continue
        for end in sorted({rest.end(), rest.end() - len(rest.group().rsplit(" ", 1)[-1]) - 1}, reverse=True):
            name = text[mention.start_char:end]
            place = geocode(name, countries)
            if place is not None and place.kind == "city" and written_as_its_own_name(place, name) \
                    and (place.country_code in countries or place.population >= A_CITY_ANYWHERE):
                mention.surface, mention.end_char, mention.entity_type = name, end, "location"
                mentions = [m for m in mentions if m is mention or not (mention.start_char < m.end_char and m.start_char < end)]
                break
    return mentions
