"""People, organisations and places: spaCy's NER, repaired by rules, keyed across spellings.

An entity's id is derived from its type and spelling key, so the same person spelled
Bohdanenko/Bogdanenko/Bogdanenco in different documents and runs gets one id. Within a document a
surname alone ('Smith') joins the full name ('Jane Smith').
"""

from __future__ import annotations

import hashlib
import math
from itertools import dropwhile
import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

import numpy
from rapidfuzz.distance import Levenshtein
from spacy.attrs import DEP, POS
from spacy.lang.en.stop_words import STOP_WORDS

from newsfacts.built_once import kept_on_disk
from newsfacts.extract.gazetteer import (BIG_CITY, Place, adjective_of_country, country_adjective, country_codes, demonyms,
                                        division_country, division_holds, division_place, divisions_named, divisions_of, geocode,
                                        geocode_by_sound, geocode_town, is_county, is_division, major_city_names, major_city_spellings,
                                        countries_with_a_town_named, namesakes, no_place_is_named, only_city_named, province_country,
                                        shares_its_name_abroad, tables_built_once_are_there, the_only_small_place_named,
                                        towns_abroad_share_the_name, towns_called, towns_named, written_as_its_own_name)
from newsfacts.extract.dates import MONTHS, WEEKDAYS
from newsfacts.extract.nlp import text_of
from newsfacts.extract.quotes import CLOSERS, OPENERS
from newsfacts.extract.translit import name_key
from newsfacts.extract.truecasing import is_english_word, written_as_a_name
from newsfacts.rules import load_rules, outlet_aliases

LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location", "FAC": "location"}
_POSSESSIVE = re.compile(r"[’']s?$")
# A city of this many people is a place whatever country the document is about ('in Kursk' in a story about
# Ukraine), where the text puts a name where a place goes.
A_CITY_ANYWHERE = 100_000


@dataclass
class Mention:
    surface: str
    start_char: int
    end_char: int
    sentence_index: int
    entity_type: str
    key: str = ""
    entity_id: str = ""
    role: str | None = None
    place: Place | None = None  # set by resolve_entities for geocoded (or contained) locations
    # The name to geocode when it differs from the surface: 'Marion County' for 'Marion' in 'Marion,
    # Polk and Lake counties'; 'Helmand province' for a later bare 'Helmand'.
    place_query: str | None = None
    # where a part of a city named after the city's possessive lies ('Saltivka' of 'Kharkiv's Saltivka district'): the
    # gazetteer's place of its name near the city, else within the city (not a namesake elsewhere)
    city_part_place: Place | None = None
    dateline: bool = False  # the article's dateline: a place, whatever the other repairs make of the name
    # a town named in its public body's name ('Kurmin' of 'the Kurmin Police'): a place the text names, not
    # where what the sentence tells of happened
    in_a_body_name: bool = False
    # another name the text says a person goes by ('everyone calls him "Kurmo"'): one person, named by the other
    another_name: bool = False


@dataclass
class Entity:
    entity_id: str
    canonical_name: str
    entity_type: str
    aliases: list[str] = field(default_factory=list)
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None
    geocode_basis: str | None = None  # 'gazetteer', 'centre <city>' (an area), 'within <place>' (a square, a village)
    role: str | None = None
    place_kind: str | None = None  # the gazetteer's kind: 'country', 'state', 'county', 'city', 'region', 'within'


@cache
def _rules():
    rules = load_rules("entities")
    prefixes = sorted((p.lower() for p in rules["person_prefixes"]), key=len, reverse=True)
    first_only = sorted((p.lower() for p in rules["name_first_honorifics"]), key=len, reverse=True)
    return (
        {w.lower() for w in rules["not_person_words"] + rules["storm_words"]},
        {w.lower() for w in rules["not_organization"]} | {w.lower() for w in rules["not_location"]},
        # Everything up to the last title word: 'Orlando Police Chief John Mina' -> 'John Mina'.
        # and then an honorific of another language at the start ('Defence Minister Qari X' -> 'X').
        re.compile(r"^(?:(?:.*\s)?(?:%s)\.?\s+)?(?:(?:%s)\.?\s+)?(?=[A-Z])" % (
            "|".join(re.escape(p) for p in prefixes), "|".join(re.escape(p) for p in first_only)), re.IGNORECASE),
    )


def entity_id(entity_type: str, key: str) -> str:
    return hashlib.sha1(f"{entity_type}:{key}".encode()).hexdigest()[:16]


def clean_surface(text: str) -> str:
    text = re.split(r"\s[–—]\s|\n", text)[0]  # 'Kharkiv – Ukraine’s second city' is two names
    if "(" in text and ")" not in text:
        text = text.split("(")[0]  # 'Kurmin Police Service (KPS': the letters in brackets are the name written short
    abbreviation = re.search(r"(?:\b[A-Z]\.){2,}$", text.strip())  # keep the last dot of 'U.S.'
    text = text.strip().strip("“”\"'‘’.,:;()[]-–— ")
    if abbreviation and not text.endswith("."):
        text += "."
    text = _POSSESSIVE.sub("", text) if text.endswith(("’s", "'s")) else text
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip()


# A post written as its initials before a name ('DPO', 'SHO', 'DIG'; not a person's two initials, 'JK')
# The district a post serves, written after its initials: 'DCP North Jan Doe'
POST_DISTRICT = r"(?:North|South|East|West|Central|Outer|Inner)(?:[- ]?(?:East|West))?"
_TITLE_INITIALS = re.compile(rf"^[A-Z]{{3,4}}\s+(?:{POST_DISTRICT}\s+)?(?=[A-Z][a-z])")
_UNIT_NUMBER_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th)\s$")
_NUMBERED_UNIT = re.compile(r"\d+(?:st|nd|rd|th)\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*$")


# A name of two or three capitalised words after a comma, ending an entity: 'Coastal Affairs, Nikos Darvelis'
_NAME_AFTER_A_COMMA = re.compile(r",\s+([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})$")
# The words of a portfolio's or an office's name before a name: 'Minister of Fisheries and ', 'Secretary for '
_IN_A_PORTFOLIO = re.compile(r"\b(?:Minister|Ministry|Secretary|Department|Commissioner|Office)\s+(?:of|for)\s+"
                             r"(?:(?:the|and|&|[A-Z][\w'’-]*),?\s+)*$")


def _plausible(span, surface: str, entity_type: str) -> bool:
    not_person, not_org, _prefix = _rules()
    if not surface or len(surface) < 2 or len(surface.split()) > 6:
        return False
    if "@" in surface or "http" in surface.lower() or "/" in surface:
        return False
    if any(ch.isdigit() for ch in surface) and not (entity_type == "organization" and _NUMBERED_UNIT.match(surface)):
        return False  # but 'the 3rd Infantry Division', 'the 213th Brigade' are organisations
    if not any(ch.isupper() for ch in surface):
        return False
    lowered = surface.lower()
    if entity_type == "person":
        words = set(lowered.split())
        if words & not_person or lowered in not_person:
            return False
        if span[0].is_sent_start and span[0].pos_ == "ADJ":
            return False
        if all(token.pos_ not in ("PROPN",) for token in span):
            return False
        if lowered in person_prefix_words() and text_of(span.doc)[span.end_char:span.end_char + 1] == ".":
            return False  # 'Brig.' of 'Brig. Gen. Jan Doe': a title written short, not a name
        if len(words) > 1 and lowered.split()[-1] in _TITLE_LAST_WORDS:
            return False  # 'Kurmin State Police Commissioner': a title
    if entity_type in ("person", "organization") and (lowered in _TITLES_ALONE or all(w.strip(".") in _TITLES_ALONE for w in lowered.split())) \
            and not any(e.label_ == "PERSON" and len(e.text.split()) > 1 and e.text.split()[-1].lower() == lowered for e in span.doc.ents):
        return False  # 'the Minister said', 'Superintendent, Jan Doe,': a title alone (not the surname of a 'Jan King')
    if entity_type in ("organization", "location") and lowered in not_org:
        return False
    if entity_type == "organization" and (lowered in person_prefix_words() or _POST_NOMINALS.fullmatch(" " + surface)):
        return False  # 'the IGP', 'the CEO': a title alone; 'KC' after a barrister's name
    if entity_type == "location" and lowered in demonyms():
        return False  # 'Ukrainian' is an adjective, not a place
    if entity_type == "location" and len(span) == 1 and _opens_a_sentence(span) and is_english_word(lowered) \
            and not written_as_a_name(lowered) and geocode(surface) is None:
        return False  # 'KURMIN, Nigeria — Gunmen abducted ...': a word capitalised where a sentence opens
    if entity_type == "organization" and surface.isupper() and len(surface.split()) > 1:
        return False  # shouted slogans ('ISOLATE RUSSIA') are not organisations
    return True


def _opens_a_sentence(span) -> bool:
    """Whether a span opens its sentence, or the text after a dateline's dash or a colon."""
    before = text_of(span.doc)[max(0, span.start_char - 3):span.start_char].rstrip()
    return span[0].is_sent_start or before.endswith(("—", "–", "-", ":"))


@cache
def _given_names():
    return kept_on_disk("given-names", _read_given_names)


def _read_given_names():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


_SEXES = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}


@lru_cache(maxsize=100_000)
def given_name_gender(word: str) -> str:
    """'male', 'mostly_male', 'female', 'mostly_female', 'andy' or 'unknown' (gender-guesser's list). A name
    that some country gives to men and another to women ('Andrea', 'Indra') is 'andy': it says nothing of
    the sex of a person whose country the text may not tell."""
    if not word.isalpha():
        return "unknown"
    detector = _given_names()
    by_country = detector.names.get(word.lower(), {})  # gender -> one character per country, blank where unused
    if len({_SEXES.get(gender) for gender, countries in by_country.items() if countries.strip()} - {None}) > 1:
        return "andy"
    return detector.get_gender(word)


def name_gender(name: str) -> str:
    """The gender its first given name suggests, or 'unknown' where a middle name is a given name of the other
    sex ('Gul Ahmad Kurmani', a man's one given name of two words; the last word, a surname, may be any name)."""
    words = name.split()
    gender = given_name_gender(words[0]) if words else "unknown"
    other = {"male": "female", "mostly_male": "female", "female": "male", "mostly_female": "male"}.get(gender)
    if other and any(given_name_gender(word) == other for word in words[1:-1]):
        return "unknown"
    return gender


@lru_cache(maxsize=100_000)
def is_given_name(word: str) -> bool:
    """'Oleksiy', 'Diego', 'Dmytro', 'Jean-Marc' are given names; 'Maxar', 'Kharkiv' are not (gender-guesser's list)."""
    if "-" in word:
        return all(is_given_name(part) for part in word.split("-"))
    return word.isalpha() and word[:1].isupper() and _given_names().get_gender(word) != "unknown"


# An area's kind written last, capitalised, as part of its name.
_RULES = load_rules("entities")
# Titles that never name anyone alone: roles, titles written before names, and initials a title goes by ('DG', 'IGP')
_TITLES_ALONE = frozenset(_RULES["role_words"]) | frozenset(p.lower() for p in _RULES["person_prefixes"]) \
    | frozenset(load_rules("attribution")["title_classes"])


def _words_pattern(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# 'Kurmin State', 'Dalen Province': an area's kind written last (rules/entities.toml [areas])
_AREA_LAST = re.compile(r"\s(?:%s)$" % _words_pattern(_RULES["areas"]["kinds"]))


@cache
def organisation_words() -> frozenset[str]:
    return frozenset(load_rules("entities")["organisation_words"])


def _named_like_a_body(surface: str) -> bool:
    """'Kurmin Unity Forum', 'Kurmin Workers' Collective': capitalised words ending in a word for a body."""
    words = surface.split()
    # ('Kurmin Care gGmbH': a legal form may begin in lower case)
    return len(words) >= 2 and words[-1].lower() in organisation_words() and any(ch.isupper() for ch in words[-1]) and all(
        w[:1].isupper() or w in ("of", "and", "for", "the", "&") for w in words[:-1])


def _given_names_joined_to_persons(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Mayor Esteban Ruiz Calderón' where NER took 'Esteban' for an organisation and the rest for a
    person: a given name written just before a person's name is the start of that name."""
    ordered = sorted(mentions, key=lambda m: m.start_char)
    joined: list[Mention] = []
    for mention in ordered:
        previous = joined[-1] if joined else None
        if (mention.entity_type == "person" and previous is not None and previous.entity_type != "person"
                and len(previous.surface.split()) == 1 and is_given_name(previous.surface)
                and text[previous.end_char:mention.start_char] == " " and geocode(previous.surface) is None):
            mention.start_char = previous.start_char
            mention.surface = text[mention.start_char:mention.end_char]
            joined[-1] = mention
            continue
        untagged = _CAPITALISED_WORD_BEFORE.search(text, max(0, mention.start_char - 20), mention.start_char)
        if (mention.entity_type == "organization" and " " not in mention.surface and untagged
                and is_given_name(untagged.group(1)) and written_as_a_name(untagged.group(1))
                and untagged.group(1).lower() not in person_prefix_words()
                and written_as_a_name(mention.surface) and geocode(mention.surface) is None
                and (previous is None or previous.end_char <= untagged.start(1))):
            # 'Taras ' + 'Kurmaniuk', which NER took for an organisation without the given name before it
            mention.entity_type, mention.start_char = "person", untagged.start(1)
            mention.surface = text[mention.start_char:mention.end_char]
        for _ in range(2):  # 'Ana' + 'Beatriz' + 'Coelho'
            untagged = _CAPITALISED_WORD_BEFORE.search(text, max(0, mention.start_char - 20), mention.start_char)
            if not (mention.entity_type == "person" and untagged and _begins_the_name(untagged.group(1), mention.surface)
                    and (previous is None or previous.end_char <= untagged.start(1))):
                break
            # 'María Guadalupe Ortiz' where NER began the name at 'Guadalupe'
            mention.start_char = untagged.start(1)
            mention.surface = text[mention.start_char:mention.end_char]
        joined.append(mention)
    return joined


_AGENT_NOUN_ENDINGS = tuple(_RULES["agent_noun_endings"])
_CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS.split("|"))


def _agent_noun(word: str) -> bool:
    """'winemaker', 'paramedic', 'gunman': a noun for what a person does, by its ending. A word in '-man' is one
    only where an English word comes before the ending ('gun-man'; not 'Abdirahman', 'Suleiman')."""
    if word.endswith(("man", "woman")) and not word.endswith(tuple(e for e in _AGENT_NOUN_ENDINGS if not e.endswith("man"))):
        stem = word.removesuffix("woman") if word.endswith("woman") else word.removesuffix("man")
        return len(stem) >= 3 and is_english_word(stem)
    return word.endswith(_AGENT_NOUN_ENDINGS)


def _begins_the_name(word: str, name: str) -> bool:
    """Whether `word`, written just before a person's `name`, is the first of its names: a given name, or
    before a name of two words or more, a word English text writes only as a name ('Aminu Bashir Kazaure')
    that is no place, nationality, weekday, month, organisation word or noun for a person ('Paramedic')."""
    lower = word.lower()
    if lower in STOP_WORDS or lower in person_prefix_words() or lower in _person_evidence_words()[1] or _ROLE_WORDS.fullmatch(lower):
        return False
    if is_given_name(word):
        return True
    return (len(name.split()) >= 2 and written_as_a_name(word) and not _agent_noun(lower)
            and lower not in demonyms() and lower not in _CALENDAR_WORDS and lower not in organisation_words()
            and geocode(word) is None)


_PARTICLES = _words_pattern(_RULES["name_particles"])
_NAME_WORD = r"[A-ZÀ-ÞĀ-Ž][\w'’-]+"
# A name's words and then its particles, just before a person's name ('Inmaculada de la ' + 'Torre Benítez').
_NAME_WITH_PARTICLES_BEFORE = re.compile(rf"(?<![\w'’-])((?:{_NAME_WORD} ){{1,3}})((?:(?:{_PARTICLES}) ){{1,2}})$")
# Particles and a name's words just after a person's name ('José Antonio' + ' dos Santos Rey').
_PARTICLES_AND_NAME_AFTER = re.compile(rf" (?:(?:{_PARTICLES}) ){{1,2}}{_NAME_WORD}(?: {_NAME_WORD}){{0,2}}(?![\w'’-])")


# A particle between two capitalised words of a name: 'Henríquez de Paz', 'Maarten van der Berg'
_PARTICLE_INSIDE = re.compile(rf"[A-ZÀ-ÞĀ-Ž][\w'’-]+ (?:(?:{_PARTICLES}) ){{1,2}}{_NAME_WORD}")
_LEADING_PARTICLES = re.compile(rf"(?:(?:{_PARTICLES}) ){{1,2}}(?=[A-ZÀ-ÞĀ-Ž])")


# A nickname in quotation marks and the rest of the name, just after a person's given name ('Emilio' + ' "Toto" Barrios').
_NICKNAME_AND_NAME_AFTER = re.compile(rf" [\"“‘'][A-ZÀ-ÞĀ-Ž][\w.’-]{{0,20}}[\"”’'] {_NAME_WORD}(?![\w'’-])")


def _names_with_particles(text: str, mentions: list[Mention]) -> list[Mention]:
    """A person's name with a particle or a nickname in it, which NER cuts in two: 'Inmaculada de la Torre
    Benítez', 'José Antonio dos Santos Rey', 'Emilio "Toto" Barrios'. The whole name is one person when it
    starts with a given name. And a name NER cut in two with nothing between the pieces."""
    grown = []
    for mention in mentions:
        # 'Carola van der Linde', where NER made the given name a place or a body and the rest another
        if mention.entity_type != "person" and " " not in mention.surface and is_given_name(mention.surface) \
                and _PARTICLES_AND_NAME_AFTER.match(text, mention.end_char) and not mention.dateline:
            mention.entity_type = "person"
        # ... or the whole name, given name first, a body ('Lucía Henríquez de Paz')
        words = mention.surface.split()
        if mention.entity_type == "organization" and 3 <= len(words) <= 6 and is_given_name(words[0]) and not mention.dateline \
                and _PARTICLE_INSIDE.search(mention.surface) and words[-1].lower() not in organisation_words():
            mention.entity_type = "person"
    for mention in [m for m in mentions if m.entity_type == "person"]:
        if any(g.start_char <= mention.start_char and mention.end_char <= g.end_char for g in grown):
            continue  # 'Santos Rey', the end of 'José Antonio dos Santos Rey' made whole already
        start, end = mention.start_char, mention.end_char
        leading = _LEADING_PARTICLES.match(mention.surface)
        # 'Faisal ' + 'bin Kurman Al-Kurmani': NER kept the particle but not the given name before it
        probe = start + leading.end() if leading else start
        before = _NAME_WITH_PARTICLES_BEFORE.search(text, max(0, start - 60), probe)
        if before:
            lead = before.group(1).split()
            titles = next((k for k, w in enumerate(lead) if w.lower().rstrip(".") not in person_prefix_words()), len(lead))
            # 'Prince Mishaal bin ' + 'Nasser': 'son of' comes only after a given name
            patronymic = before.group(2).split()[0] in ("bin", "ibn", "bint", "binti")
            if titles < len(lead) and not is_given_name(lead[titles]) and patronymic \
                    and lead[-1].lower() not in person_prefix_words() and not _ROLE_WORDS.fullmatch(lead[-1]):
                titles = len(lead) - 1  # only the word just before 'bin' ('Foreign Minister ' stays out)
            if titles < len(lead) and (is_given_name(lead[titles]) or patronymic):
                start = before.start() + len(" ".join(lead[:titles])) + (1 if titles else 0)
        after = _PARTICLES_AND_NAME_AFTER.match(text, end)
        if after and is_given_name(text[start:end].split()[0]):
            end = after.end()
        nickname_and_name = _NICKNAME_AND_NAME_AFTER.match(text, end)
        if nickname_and_name:  # 'Emilio' + ' "Toto" Barrios'
            end = nickname_and_name.end()
        if (start, end) != (mention.start_char, mention.end_char):
            mention.start_char, mention.end_char, mention.surface = start, end, text[start:end]
            grown.append(mention)
    # the pieces of a name made whole go
    mentions = [m for m in mentions if m in grown or not any(g.start_char < m.end_char and m.start_char < g.end_char for g in grown)]
    # 'Ronaldo Dimaculangan' + 'Salcedo': two people's names one space apart are one person's; so are a
    # full name and one more capitalised word NER took for an organisation or a place, unless that word is
    # a well-known place.
    ordered = sorted(mentions, key=lambda m: m.start_char)
    for first, second in zip(ordered, ordered[1:]):
        if first.entity_type != "person" or text[first.end_char:second.start_char] != " " or first not in mentions:
            continue
        if second.entity_type != "person":
            words = first.surface.split()
            if not (len(words) >= 2 and is_given_name(words[0]) and re.fullmatch(r"[A-ZÀ-ÞĀ-Ž][a-zß-ÿ'’-]+", second.surface)
                    and second.surface not in _well_known_places()):
                continue
        first.end_char, first.surface = second.end_char, text[first.start_char:second.end_char]
        mentions.remove(second)
    return mentions


@cache
def person_prefix_words() -> frozenset[str]:
    """Titles and honorifics written before a person's name (rules/entities.toml), lower-case."""
    rules = load_rules("entities")
    return frozenset(p.lower() for p in rules["person_prefixes"] + rules["name_first_honorifics"])


# The capitalised word just before a position: a given name before a surname, a title before a name
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w.’'-])([A-ZÀ-ÞĀ-Ž][a-zß-ÿ]+) $")


@cache
def _locative_prepositions() -> frozenset[str]:
    return frozenset(load_rules("entities")["locative_prepositions"])


# A distance the text states: '20 km', '10km', 'about 105 miles' (the number and its unit)
_DISTANCE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(km|kilometres|kilometers|miles?)\b", re.IGNORECASE)


@cache
def _nearness() -> re.Pattern:
    """', near the city of ', ' a village 20 km north of ', ', about 10km from ': the words between a place and the
    town it lies near."""
    phrases = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(load_rules("entities")["nearness_phrases"], key=len, reverse=True))
    distance = _DISTANCE.pattern + r"\s+"
    return re.compile(rf",?\s+(?:(?:an?|the)\s+(?:\w+\s+){{0,2}}?(?:village|town|city|suburb|district|settlement|camp|area)\s+)?"
                      rf"(?:(?:about|some|around)\s+)?(?:{distance}(?:away\s+)?from|(?:{distance})?(?:{phrases}))"
                      rf"\s+(?:the\s+(?:\w+\s+)?(?:city|town|village|capital|port)\s+(?:of\s+)?)?", re.IGNORECASE)


_MEASURED_FROM = re.compile(_DISTANCE.pattern + r"\s+(?:away\s+)?(?:[a-z]+(?:-[a-z]+)?\s+of|from)\s+"
                            r"(?:the\s+(?:\w+\s+)?(?:city|town|village|capital|port)\s+(?:of\s+)?)?$", re.IGNORECASE)


def measured_from(text: str, start: int) -> bool:
    """Whether the place at `start` is the landmark a distance is measured from ('60 km north of Kurmin',
    '10 miles from the town of Dalen'): the place meant lies elsewhere."""
    return bool(_MEASURED_FROM.search(text[max(0, start - 80):start]))


_AS_FAR_AS = re.compile(r"\bas far (?:away )?as $")


def _placed_names(text: str, mentions, prepositions: frozenset[str] | None = None) -> set[str]:
    """Names written at least once right after a locative preposition ('at Pokolbin'; or one of
    `prepositions`), not as the owner of what follows ('at Drayton's winery')."""
    placed = set()
    prepositions = prepositions or _locative_prepositions()
    for m in mentions:
        before = text[max(0, m.start_char - 20):m.start_char].split()
        possessive = text[m.end_char:m.end_char + 2] in ("'s", "’s")
        far = _AS_FAR_AS.search(text, max(0, m.start_char - 20), m.start_char) is not None  # 'from as far away as X'
        if before and (before[-1].lower() in prepositions or far) and text[m.start_char - 1:m.start_char] == " " and not possessive:
            placed.add(m.surface)
    return placed


def _where_a_place_goes(token) -> bool:
    """Whether the parse puts `token` where a place goes: the object of a locative preposition, of
    'between' or of 'to' ('road access to Leer and Bentiu', 'between Douentza and Hombori'), or of a verb
    whose object is a place ('entered Kidal'), or conjoined with one. Not 'according to X', nor 'said to X'."""
    if token.dep_ == "conj" and token.head.i != token.i:
        return _where_a_place_goes(token.head)
    if token.dep_ == "pobj" and token.head.lower_ in _locative_prepositions() | {"between", "to"}:
        governor = token.head.head
        # ('said to X', 'wrote in X': a listener or a publication; but 'deaths were reported in X' happened there)
        spoken = token.head.lower_ == "to" or governor.lemma_.lower() in _SAID_OR_WRITTEN_IN
        return governor.lower_ != "according" and not (spoken and governor.lemma_.lower() in _person_evidence_words()[0])
    if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lower_ in ("bound", "headed", "heading", "destined"):
        return True  # 'a convoy bound for Parachinar'
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        # '15 km south of Orikhiv', 'the outskirts of Gao'
        return token.head.head.lower_ in _PLACE_OF_WORDS
    if token.dep_ == "pobj" and token.head.lower_ == "on":
        # 'attacks on Bosso', 'advancing on Kyaukphyu': an attack's or a march's target
        return token.head.head.lemma_.lower() in _place_object_verbs() | _ON_A_PLACE_WORDS
    return token.dep_ == "dobj" and token.head.lemma_.lower() in _place_object_verbs()


# Reporting verbs whose 'in X' is as often where the words appeared as where something happened (rules/entities.toml)
_SAID_OR_WRITTEN_IN = frozenset(_RULES["said_or_written_in_verbs"])
# The words before 'of a place' and 'on a place' (rules/entities.toml)
_PLACE_OF_WORDS = frozenset(_RULES["place_of_words"])
_ON_A_PLACE_WORDS = frozenset(_RULES["on_a_place_words"])


@cache
def _place_object_verbs() -> frozenset[str]:
    return frozenset(_RULES["place_object_verbs"])


def _placed_by_the_parse(doc, mentions) -> set[str]:
    """Names of mentions not typed as places that the parse puts where a place goes."""
    placed = set()
    for m in mentions:
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is not None and m.entity_type != "location" and _where_a_place_goes(span.root):
            placed.add(m.surface)
    return placed


@cache
def _kind_of_place() -> tuple[re.Pattern, re.Pattern]:
    """'the port of X', 'the village of X', 'a town called X' before a name; ', a hilltop town' after it."""
    kinds = "|".join(re.escape(k) for k in load_rules("entities")["place_kind_nouns"])
    people = _words_pattern(sorted(frozenset(load_rules("casualties")["grammar"]["person_nouns"]) | frozenset(_RULES["role_words"])))
    # 'the port of X', and 'the provincial capital X', 'the border town X' (the kind in lower case, just before the name)
    before = re.compile(rf"\b(?:(?i:{kinds})\s+(?:of|called|named)|[Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?:{kinds}))\s+$")
    # (the kind is the apposition's own noun: 'a member of the village committee' is no village, nor is 'a
    # village resident' or 'the district police chief')
    after = re.compile(rf"^,\s+(?:a|an|the)\s+(?:(?!of\b|for\b|from\b|in\b|at\b)[\w-]+\s+){{0,3}}?(?:{kinds})\b(?!(?:\s+[\w-]+){{0,2}}?\s+(?:{people})\b)",
                       re.IGNORECASE)
    return before, after


def _named_as_places(doc, mentions) -> set[str]:
    """Names the text itself calls a place: 'the port of Mocha', 'east of Mocha', 'Chasov Yar, a hilltop town west of ...',
    'Dalivka, a suburb of Kurmagrad', 'the neighbourhoods of Bab Sharqi and Jabal Nour', 'the worst-hit
    villages were Ambar and Tiru'."""
    text = text_of(doc)
    before, after = _kind_of_place()
    named = set()
    for m in mentions:
        preceding = text[max(0, m.start_char - 40):m.start_char]
        if (before.search(preceding) or _COMPASS_OF.search(preceding) or after.match(text[m.end_char:m.end_char + 60])
                or _KIND_OF_PLACE_AFTER.match(text, m.end_char)):
            named.add(m.surface)
            continue
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand") if m.entity_type != "location" else None
        if span is not None and _a_kind_of_place_names(span.root):
            named.add(m.surface)
    return named


# 'a crash east of X', '20 km south-west of X': X is a place, whatever NER made of it
_COMPASS_OF = re.compile(r"\b(?:%s)\s+of\s+$" % "|".join(re.escape(w) for w in _RULES["compass_words"]), re.IGNORECASE)


# 'in nearby Kurmin town', 'Dalen village': a name and the kind of place it is, in lower case
_KIND_OF_PLACE_AFTER = re.compile(r"\s(?:%s)\b(?!-)" % _words_pattern(_RULES["kind_after_a_name"]))


def _a_kind_of_place_names(token) -> bool:
    """Whether the parse makes `token` the name of a kind of place: the object of 'of' after a place noun
    ('the villages of X and Y') or of 'including' or 'such as' after one, or what a place noun is ('the villages
    were X and Y')."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    kinds = _place_kind_lemmas()
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return token.head.head.lemma_.lower() in kinds and token.head.head.pos_ == "NOUN"
    if token.dep_ == "pobj" and (token.head.lower_ in ("including", "like") or (token.head.lower_ == "as" and token.head.i > 0
                                                                                and token.doc[token.head.i - 1].lower_ == "such")):
        # 'cities and villages, including X and Y', 'towns such as X'
        return token.head.head.lemma_.lower() in kinds and token.head.head.pos_ == "NOUN"
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        return any(child.dep_ == "nsubj" and child.lemma_.lower() in kinds and child.pos_ == "NOUN" for child in token.head.children)
    return False


@cache
def _place_kind_lemmas() -> frozenset[str]:
    # 'the camp of the rebels', 'a quarter of the budget': not names of places
    return frozenset(k for k in _RULES["place_kind_nouns"] if " " not in k) - {"camp", "quarter", "capital"}


def _known_anywhere(place: Place | None) -> bool:
    """A country, a region, or a city of A_CITY_ANYWHERE people or more: a place whatever the document is about."""
    return place is not None and (place.kind in ("country", "region") or place.population >= A_CITY_ANYWHERE)


def _people_given_an_age(text: str, mentions: list[Mention]) -> None:
    """'Guadalupe Ramírez, 38, sat with her children': a name of two words or more, a given name first, that the text
    follows with an age is a person's, whatever place the gazetteer holds of that name."""
    for mention in mentions:
        words = mention.surface.split()
        if mention.entity_type == "location" and not mention.dateline and len(words) >= 2 and is_given_name(words[0]) \
                and _AGE_AFTER.match(text, mention.end_char):
            mention.entity_type = "person"


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


def _retype(mention: "Mention", person_surnames: set[str], countries: frozenset[str], org_heads: set[str] = frozenset(),
            placed: set[str] = frozenset(), named_as_places: set[str] = frozenset(),
            placed_in_or_near: set[str] = frozenset(), body_nouns: set[str] = frozenset()) -> None:
    """Repair NER labels:
    - a single word that is the surname of a person named in full in the document is that person
      ('Paris' is a city, but not in an article that names Jane Paris);
    - a single word that is the noun for a body in the name of an organisation the document names is that body
      ('the Observatory' after 'the Kurmin Observatory for Human Rights');
    - a 'person' or 'organisation' that is a known place is a place: a large city or a country
      anywhere, a smaller city only when it lies in a country the document is about."""
    if mention.dateline:
        return
    key = name_key(mention.surface)
    words = mention.surface.split()
    if mention.entity_type != "location" and mention.surface in named_as_places and key not in person_surnames:
        mention.entity_type = "location"  # 'Chasov Yar, a hilltop town', 'the port of Mocha'
        return
    if len(words) == 1 and key in person_surnames:
        mention.entity_type = "person"
        return
    if mention.entity_type == "person" and len(words) == 1 and mention.surface.lower() in body_nouns:
        mention.entity_type = "organization"  # 'the Observatory' after the 'Kurmin Observatory for Human Rights'
        return
    if mention.entity_type == "person" and len(words) == 1 and mention.surface in org_heads and not _known_anywhere(geocode(mention.surface, countries)):
        mention.entity_type = "organization"  # 'Maxar' where the text also names 'Maxar Technologies' (not a city its administration is named after)
        return
    if mention.entity_type == "person" and len(words) >= 2 and _AREA_LAST.search(mention.surface):
        mention.entity_type = "location"  # 'Kurmin State', 'Dalen Province' tagged as a person
        return
    if mention.entity_type == "person" and _named_like_a_body(mention.surface) and not is_given_name(words[0]):
        mention.entity_type = "organization"  # "Ukraine's General Staff", 'Kurmin Unity Forum' tagged as a person
        return
    titled = list(dropwhile(lambda w: w.lower().rstrip(".") in person_prefix_words(), words))
    if 0 < len(titled) < len(words) and mention.entity_type == "organization" and len(titled) >= 2 and is_given_name(titled[0]) \
            and all(w[:1].isupper() for w in titled) and titled[-1].lower() not in organisation_words() \
            and geocode(" ".join(titled), countries) is None:
        mention.entity_type = "person"  # 'Sergeant Taras Kurmaniuk' tagged as an organisation: the name without the rank
        cut = len(" ".join(words[:len(words) - len(titled)])) + 1
        mention.start_char, mention.surface = mention.start_char + cut, mention.surface[cut:]
        return
    if (mention.entity_type != "person" and 2 <= len(words) <= 4 and is_given_name(words[0])
            and words[0].lower() not in _PLACE_NAME_FIRST_WORDS and mention.surface not in named_as_places
            and all(w[:1].isupper() for w in words) and words[-1].lower() not in organisation_words()
            and not _plural_name(mention.surface) and geocode(mention.surface, countries) is None):
        mention.entity_type = "person"  # 'Oleksiy Danilov' tagged as an organisation
        return
    if mention.entity_type != "location":
        place = geocode(mention.surface, countries)
        if (place is None and mention.entity_type == "person" and mention.surface in placed and not is_given_name(words[0])
                and not is_given_name(words[-1]) and key not in person_surnames and mention.surface in placed_in_or_near):
            # 'In Shegal Kalay, ...': a village no gazetteer holds (but 'in Hurricane Katrina' ends in a given name)
            mention.entity_type = "location"
            return
        if place is not None and (len(mention.surface.split()) <= 3 or place.population >= 1_000_000) and (
            _known_anywhere(place)
            # a one-word name that is a town of a country the document is about (a district town that NER tags as an organisation)
            or (place.country_code in countries and len(mention.surface.split()) == 1
                and place.kind == "city" and mention.surface not in org_heads and not place.small)
            # a two-word town tagged as a person: a town of the document's country, not a given name first
            # (a one-word name is too often a surname that some village also bears: 'Jones', 'Brown')
            or (place.country_code in countries and place.kind == "city" and mention.entity_type == "person"
                and len(words) >= 2 and not is_given_name(words[0]) and mention.surface not in org_heads)
            # an 'organisation' the text puts something in or at ('at Pokolbin'), a town of the document's
            # countries however small, and not the first word of an organisation's name
            # a 'person' the text puts somewhere ('in Kurmagrad') that is a town of the main gazetteer, not a given name
            # (a given name first only in a name of two words or more that is a town of the document's countries:
            # 'to Tal Afar')
            or (mention.entity_type == "person" and mention.surface in placed and place.kind == "city"
                and (not place.small or place.country_code in countries)
                and (not is_given_name(words[0]) or (len(words) >= 2 and place.country_code in countries))
                and key not in person_surnames)
            or (mention.entity_type == "organization" and mention.surface in placed and place.country_code in countries
                and place.kind == "city" and mention.surface not in org_heads
                # the United States have a small town for most words ('in Congress', 'at Harvard'): its state too
                and (place.country_code != "US" or f"US.{place.admin1}" in countries))
        ):
            mention.entity_type = "location"


_AREA_WORD = re.compile(r"\s+(region|oblast|province|county|district|governorate|prefecture)\b", re.IGNORECASE)
# Sites named by a proper name and a common noun: 'the Acme steelworks', 'the Blue Note club'. Nouns
# that mostly start compounds after a company's name ('market share', 'bar chart') are left out.
_SITE_NOUN = re.compile(
    r"\s+(steelworks|plant|factory|refinery|mine|club|nightclub|restaurant|cafe|hotel|mall|"
    r"stadium|arena|airfield|airbase|air base|base|camp|prison|port|terminal|compound)\b"
)
# 'Marion, Polk, Lake and Van Buren counties': each name is an area of that kind.
_AREA_LIST = re.compile(
    r"((?:[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?, )+[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?,? and [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
    r" (counties|provinces|regions|districts|oblasts|states|governorates|prefectures)\b"
)
_SINGULAR = {"counties": "County", "provinces": "Province", "regions": "Region", "districts": "District",
             "oblasts": "Oblast", "states": "State", "governorates": "Governorate", "prefectures": "Prefecture"}
# Places the sentence itself calls places: 'the village of X', 'in the X area of Y'.
_LOCALITY = (
    re.compile(r"\b(?:village|town|city|hamlet|settlement|suburb|district|neighbou?rhood|area|region|province) of "
               r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"),
    re.compile(r"\b(?:in|at) (?:the )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?) (?:area|district|village|neighbou?rhood|suburb)\b"),
)
# 'the villages of Saint-Kurm, Tende and Breil', 'the front-line towns of Orikhiv and Kurmaipole', 'low-lying areas
# of Kurmby, Dalesford and Ashwick': each name
_NAME_IN_A_LIST = r"(?:[a-z]{1,3}-)?[A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+)?"  # ('al-Mughayyir' too)
_LOCALITY_LIST = re.compile(r"\b(?:villages|towns|cities|hamlets|settlements|suburbs|districts|neighbou?rhoods|localities|"
                            r"communities|areas|parts) of ((?:%s)(?:, %s)*(?:,? and %s|(?=,? and (?:the|other|several)\b)))"
                            % (_NAME_IN_A_LIST, _NAME_IN_A_LIST, _NAME_IN_A_LIST))  # ('..., Kurmby, and the city of X')


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


def _named_localities(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    taken = [(m.start_char, m.end_char) for m in mentions]
    found = []
    listed = [(list_match.start(1) + name.start(), list_match.start(1) + name.end())
              for list_match in _LOCALITY_LIST.finditer(text_of(doc))
              for name in re.finditer(_NAME_IN_A_LIST, list_match.group(1))]
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
        part_place = geocode(part_name, frozenset({city.country_code}))
        near = part_place is not None and part_place.kind == "city" and abs(part_place.latitude - city.latitude) <= 0.5 \
            and abs(part_place.longitude - city.longitude) <= 0.5
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
    return sorted(mentions + found, key=lambda m: m.start_char) if found else mentions


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


def _surname_mentions(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """A surname alone ('Tannous, for his part, said') where NER missed it and the document names someone
    with it in full."""
    by_surname: dict[str, set[str]] = {}
    for m in mentions:
        words = m.surface.split()
        if m.entity_type == "person" and len(words) >= 2 and words[-1][:1].isupper() and len(words[-1]) > 2:
            by_surname.setdefault(words[-1], set()).add(m.surface)
        if m.entity_type == "person" and len(words) >= 3 and words[-2][:1].isupper() and len(words[-2]) > 2 and not is_given_name(words[-2]):
            by_surname.setdefault(words[-2], set()).add(m.surface)  # 'Ortiz' of 'María Guadalupe Ortiz Benavides'
    # (a surname that is also a given name, 'Ramalathan', only where no one's name begins with it)
    first_words = {m.surface.split()[0] for m in mentions if m.entity_type == "person" and " " in m.surface}
    surnames = {surname for surname in by_surname if surname.lower() not in STOP_WORDS
                and (not is_given_name(surname) or surname not in first_words)}
    return _names_alone(doc, sentence_index_of, mentions, surnames, followed_by_a_name=True)


def _names_alone(doc, sentence_index_of, mentions: list[Mention], names: set[str], followed_by_a_name: bool) -> list[Mention]:
    """Person mentions for each capitalised word of `names` written where no mention lies (and, unless
    `followed_by_a_name`, not followed by another capitalised word: 'Maria' but not 'Maria Lopez')."""
    if not names:
        return []
    text = text_of(doc)
    taken = [(m.start_char, m.end_char) for m in mentions]
    found = []
    for match in _CAPITALISED_WORD.finditer(text):
        if match.group() not in names:
            continue
        start, end = match.span()
        if not followed_by_a_name and _NEXT_IS_CAPITALISED.match(text, end):
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        found.append(Mention(match.group(), start, end, sentence_index_of(start), "person"))
        taken.append((start, end))
    return found


# 'Maria', "O'Brien", 'Morgan-Hale'; 'Maria' of "Maria's"
_CAPITALISED_WORD = re.compile(r"(?<![\w'’-])[A-Z]\w*(?:[-'’][A-Z]\w*)*")
_NEXT_IS_CAPITALISED = re.compile(r" [A-Z]")


def _names_taken_for_adverbs(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """'Jan Kurmly, the band manager,': a given name and a surname the tagger read as an adverb for its -ly,
    which NER left out (English writes no adverb in title case after a name)."""
    taken = [(m.start_char, m.end_char) for m in mentions]
    found = []
    for token in _tokens_where(doc, POS, "ADV"):
        if token.i == 0:
            continue
        given = doc[token.i - 1]
        if token.text.istitle() and token.text.endswith("ly") and given.whitespace_ == " " \
                and given.text.istitle() and is_given_name(given.text) \
                and not any(s < token.idx + len(token.text) and given.idx < e for s, e in taken):
            found.append(Mention(f"{given.text} {token.text}", given.idx, token.idx + len(token.text), sentence_index_of(given.idx), "person"))
    return found


def _given_name_mentions(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """A first name alone ('Maria') where the document names exactly one person with it in full."""
    by_first: dict[str, set[str]] = {}
    for m in mentions:
        words = m.surface.split()
        if m.entity_type == "person" and len(words) >= 2:
            by_first.setdefault(words[0], set()).add(m.surface)
    unique = {first for first, names in by_first.items() if len(names) == 1 and is_given_name(first)}
    return _names_alone(doc, sentence_index_of, mentions, unique, followed_by_a_name=False)


# Honorifics before a name and letters after it (rules/entities.toml [honorifics], [post_nominals]); of the
# honorifics of other languages, those of three letters or more ('u' and 'ko' are too often other words)
_LONG_NAME_FIRST_HONORIFICS = [h.title() for h in _RULES["name_first_honorifics"] if len(h) >= 3]
_HONORIFICS = _words_pattern([h for kind in _RULES["honorifics"].values() for h in kind] + _LONG_NAME_FIRST_HONORIFICS)
_HONORIFIC_JUST_BEFORE = re.compile(r"\b(?:%s)\.? $" % _HONORIFICS)
def _title_just_before(text_before: str) -> bool:
    """Whether the text just before a name ends in a title of a person, perhaps shortened ('Capt. ', 'Inspector ')."""
    found = _CAPITALISED_WORD_BEFORE.search(text_before[:-2] + " " if text_before.endswith(". ") else text_before)
    return found is not None and found.group(1).lower() in person_prefix_words()


# a word for a role just before a name, or closing the brackets just before it ('(deputy minister) ')
_ROLE_JUST_BEFORE = re.compile(r"\b(?i:%s)\)? $" % _words_pattern(_RULES["role_words"]))
# 'Dr Zawadzki', and 'Malam Sani Dogo', 'Alhaji Musa Bello' (honorifics of other languages of three letters or more)
_HONORIFIC_FIRST = re.compile(r"^(?:%s)\.?\s+[A-Z]" % _HONORIFICS)
_POST_NOMINALS = re.compile(r"(?:,?\s+(?:%s)(?![\w.]))+$" % _words_pattern(_RULES["post_nominals"]["letters"]))


@cache
def _person_evidence_words() -> tuple[frozenset[str], frozenset[str]]:
    """Reporting verbs (rules/attribution.toml) and nouns for people (rules/casualties.toml): what the
    sentence says of a name that NER did not take for a person."""
    reporting = frozenset(load_rules("attribution")["reporting_verbs"])
    people = frozenset(load_rules("casualties")["grammar"]["person_nouns"])
    return reporting, people


def _proper_noun_heads(doc):
    """The proper nouns that head their phrase (not a 'compound' part of a longer name), found from the
    document's token arrays: most tokens are none."""
    arrays = doc.to_array([POS, DEP])
    strings = doc.vocab.strings
    heads = numpy.flatnonzero((arrays[:, 0] == strings["PROPN"]) & (arrays[:, 1] != strings["compound"]))
    return (doc[int(i)] for i in heads)


def _tokens_where(doc, attribute: int, value: str):
    """The tokens whose attribute (spacy.attrs.POS, DEP) has one value, in order, found from the document's
    token array: walking every token to test one attribute costs more than the rest of such a rule."""
    return (doc[int(i)] for i in numpy.flatnonzero(doc.to_array(attribute) == doc.vocab.strings[value]))


# An age after a name: 'Jane Doe, 52,', ', now 71,', ', a 52-year-old nurse', 'Jane Doe (33)'
_AGE_AFTER = re.compile(r",\s+(?:(?:now |aged )?\d{1,3},|an? \d{1,3}-year-old\b)|\s+\(\d{1,3}\)")
_HYPHENED_FIRST_PART = re.compile(r"(?<![\w'’-])[A-ZÀ-ÞĀ-Ž][\w'’]*-$")


# 'Minister of Water and Energy ', 'Secretary for Home Affairs ': a capitalised title with its portfolio,
# written just before a name
_ROLE_OF_BEFORE = re.compile(r"\b(?i:%s) (?:of|for) (?:the )?(?:(?:[A-Z][\w'’-]*|and|&) ){1,6}$" % _words_pattern(_RULES["role_words"]))


def _titled(text: str, token, words_before, first) -> bool:
    """Whether a role is written before a name whose head is `token` and whose given name is `first`: among the
    name's words before it, beside its head, or with its portfolio just before the name."""
    return any(_ROLE_WORDS.fullmatch(t.lower_) for t in words_before) or any(
        c.dep_ in ("nmod", "compound") and c.i < token.i and _ROLE_WORDS.fullmatch(c.lower_) for c in token.children) \
        or _ROLE_OF_BEFORE.search(text, max(0, first.idx - 80), first.idx) is not None


def _titles_or_describes(token, people: frozenset[str]) -> bool:
    """Whether a word of a name is a role, a title or a noun for a person ('Minister', 'Capt.', 'Passenger')."""
    return bool(_ROLE_WORDS.fullmatch(token.lower_)) or token.lower_.rstrip(".") in person_prefix_words() or token.lower_ in people


def _people_ner_missed(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """A proper name NER passed over, or took for something else, that the sentence treats as a person:
    the subject of a reporting verb with a given name first ('Aminu Kazaure said'), or a name set beside a
    role or an age ('Aminu Kazaure, a researcher at the university,', 'Zarina Khan, 52,')."""
    reporting, people = _person_evidence_words()
    text = text_of(doc)
    family_names = _surnames_named_in_full(mentions)
    found = []
    # (a name NER already gave a person is none it missed: most proper nouns are such names)
    in_a_person = {i for m in mentions if m.entity_type == "person" for i in range(m.start_char, m.end_char)}
    for token in _proper_noun_heads(doc):
        if not token.text[:1].isupper() or token.idx in in_a_person:
            continue
        name = sorted([t for t in token.children if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i < token.i] + [token],
                      key=lambda t: t.i)
        prefixed = False
        while len(name) > 1 and name[0].lower_.rstrip(".") in person_prefix_words():
            name, prefixed = name[1:], True  # 'Dr Piotr Zawadzki' is Piotr Zawadzki
        # 'Paramedic Rocio Ibanez', 'Infrastructure Minister Nana Tsertsvadze': the name starts at its given
        # name, and a role written before it says the name is a person's. A name whose given name the list does
        # not know starts after the last word of a role, a title or a noun for a person ('Assistant Chief Constable
        # Tavemi Okorundo', 'Passenger Tavemi Okorundo').
        given = next((k for k, t in enumerate(name[:-1]) if is_given_name(t.text)), None)
        described_by_a_word = False
        if given is None:
            given = 1 + max((k for k, t in enumerate(name[:-1]) if _titles_or_describes(t, people)), default=-1)
            if _titles_or_describes(name[-1], people):
                continue  # 'Deputy Administrator': a title, no name after it
            if given == 0:
                # 'Commentator Tavemi Okorundo said': a noun for what a person does before a name of two words or more;
                # 'Minister of Foreign Affairs Tavemi Okorundo': the portfolio's last words before it
                words = [t.text for t in name]
                given = (1 if _agent_noun(name[0].lower_) and _first_word_of_the_name(words) == 1 else 0) \
                    or _name_after_a_portfolio(text, words, [t.idx for t in name])
                described_by_a_word = given > 0
        words_before, name = name[:given], name[given:]
        end = token.idx + len(token)
        after = text[end:end + 40]
        aged = _AGE_AFTER.match(after) is not None  # 'Zarina Khan, 52,', 'Zarina Khan, a 52-year-old nurse'
        says = token.dep_ == "nsubj" and token.head.lemma_.lower() in reporting
        # ('said Kurmat, a farmer in his fifties': one name that speaks, set beside a noun for a person)
        described_speaker = says and any(c.dep_ == "appos" and c.lemma_.lower() in people for c in token.children)
        # ('Tavemi Okorundo, one of the protest's leaders,', 'Okorundo, the head of the mission,')
        in_apposition_a_role = any(c.dep_ == "appos" and _a_person_by_role_or_kind(c, people) for c in token.children)
        # ('Capt. Okorundo said', 'the deputy minister) Tavemi Okorundo said': a name that speaks, after a title
        # or a role)
        just_before = text[max(0, name[0].idx - 40):name[0].idx]
        titled_speaker = says and (prefixed or described_by_a_word or any(_ROLE_WORDS.fullmatch(t.lower_) for t in words_before)
                                   or _HONORIFIC_JUST_BEFORE.search(just_before) is not None
                                   or _title_just_before(just_before)
                                   or _ROLE_JUST_BEFORE.search(just_before) is not None)
        # one name alone only with an age after it ('Kurmasari, 46, was awake'), or as a speaker described or
        # titled, as many people are named
        # or set beside a role and then given a man's or a woman's possessive ('Okorundo, the head of the mission,
        # left his post': a body's would be 'its')
        alone_allowed = aged or described_speaker or titled_speaker or (in_apposition_a_role and _owns_with_his_or_her(token))
        joined_by_hyphens = all(doc[i].text == "-" and doc[i].whitespace_ == "" for i in range(name[0].i, name[-1].i)
                                if doc[i] not in name)  # 'Jean-Kurm Dubrelle', the hyphen a token of its own
        if not joined_by_hyphens or not (2 if not alone_allowed else 1) <= len(name) <= 4 or not all(
                t.text[:1].isupper() and re.sub(r"[-'’]", "", t.text).isalpha() for t in name):
            continue
        start = name[0].idx
        first_part = _HYPHENED_FIRST_PART.search(text, max(0, start - 30), start)
        if first_part:
            start = first_part.start()  # 'Jean-Marc Dufresne', whose first part the parser hangs on the second
        beside_a_role = in_apposition_a_role or aged or titled_speaker or _titled(text, token, words_before, name[0]) \
            or (len(name) >= 2 and _HONORIFIC_JUST_BEFORE.search(text, max(0, start - 12), start) is not None) \
            or (prefixed and len(name) >= 2 and is_given_name(name[0].text)) \
            or (token.dep_ == "appos" and (token.head.lemma_.lower() in people or _ROLE_WORDS.fullmatch(token.head.lower_)))
        # (a family shares a surname: 'Pushpamalar Sivakumar said', the mother of a Sivakumar the text named)
        # ('Kurma Binta Dalo, whose son was among those killed, said': a relative says it too)
        # ('Tavemi Okorundo, whose shack burned first, said', which NER took for a place: a name that speaks and
        # that no gazetteer holds is a person's)
        unknown_place_speaks = says and token.ent_type_ in ("GPE", "LOC", "FAC") and len(name) >= 2 \
            and no_place_is_named(" ".join(t.text for t in name))
        speaking = says and (is_given_name(name[0].text) or name[-1].text in family_names
                             or _WHO_AFTER.match(text, end) is not None or unknown_place_speaks)
        # 'Kurvind Ramalathan walked out', which NER took for a title or passed over: a given name and more,
        # doing something (not a river, a lake, a hill: 'River Kurm rose')
        acting = token.dep_ in ("nsubj", "nsubjpass") and len(name) >= 2 and token.ent_type_ in ("", "WORK_OF_ART", "PRODUCT") \
            and len(name[0].text) >= 3 and is_given_name(name[0].text) and not any(t.lower_ in _natural_feature_words() for t in name) \
            and not any(t.text.isupper() for t in name) and text[max(0, start - 4):start].lower() != "the "
        if not (beside_a_role or speaking or acting):
            continue
        overlapping = [m for m in mentions if m.start_char < end and start < m.end_char]
        if any(m.entity_type == "person" for m in overlapping) or geocode(text[start:end]) is not None:
            continue
        if name[-1].lower_ in organisation_words() or name[-1].lower_ in _TITLE_LAST_WORDS:
            continue  # 'Kurmin Youth Front'; 'Kurmin State Police Commissioner', a title
        if token.dep_ == "appos" and token.head.tag_ in ("NNS", "NNPS") and _plural_name(text[start:end]):
            continue  # 'The rebels, the Eelam Freedom Tigers,': a group, not a person
        if overlapping:
            if not (beside_a_role or is_given_name(name[0].text) or unknown_place_speaks):
                continue
            for m in overlapping:
                mentions.remove(m)  # 'Hadiza Lawal Bunza, a lawyer,' tagged as an organisation
        name = _POST_NOMINALS.sub("", text[start:end])  # 'Jane Doe KC, defending,'
        found.append(Mention(name, start, start + len(name), sentence_index_of(start), "person"))
    # 'said Kurmat, a farmer,' then 'In the town, Kurmat said': one name alone is that person wherever it recurs
    alone = {m.surface for m in found if " " not in m.surface}
    for mention in mentions:
        if mention.surface in alone and mention.entity_type != "person" and not mention.dateline:
            mention.entity_type = "person"
    return found


def _surnames_named_in_full(mentions: list[Mention]) -> set[str]:
    """The last word of every person's name of two words or more: the surnames a family may share."""
    return {m.surface.split()[-1] for m in mentions if m.entity_type == "person" and len(m.surface.split()) >= 2}


def _a_person_by_role_or_kind(noun, people: frozenset[str]) -> bool:
    """Whether a noun names a person by role or kind: 'a researcher', 'the head', or 'one of the leaders'."""
    if noun.lemma_.lower() in people or _ROLE_WORDS.fullmatch(noun.lower_):
        return True
    return noun.lower_ == "one" and any(
        prep.lower_ == "of" and any(o.dep_ == "pobj" and (o.lemma_.lower() in people or _ROLE_WORDS.fullmatch(o.lemma_))
                                    for o in prep.children) for prep in noun.children)


def _owns_with_his_or_her(subject) -> bool:
    """Whether the verb a name is the subject of has an object of 'his' or 'her' ('left his post', 'spoke of her
    son'): the name is a man's or a woman's."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    objects = [c for c in subject.head.children if c.dep_ in ("dobj", "attr")]
    objects += [o for p in subject.head.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return any(c.dep_ == "poss" and c.lower_ in ("his", "her") for o in objects for c in o.children)


# A noun for a person in lower case just before a name: 'rights activist ', 'the local resident ', 'spokesman '.
_NOUN_FOR_A_PERSON_BEFORE = re.compile(r"\b(?:%s)\s+$" % _words_pattern(sorted(
    frozenset(load_rules("casualties")["grammar"]["person_nouns"]) | frozenset(_RULES["role_words"]))))


# A relative clause that English opens for people only: 'Kurmo Dal, who heads the camp,', 'Kurma Dal, 67, whose son
# was among the dead,' (a relative: 'whose members' may be a body's)
_WHO_AFTER = re.compile(r"(?:,\s+\d{1,3})?,\s+(?:who\b|whose\s+(?:[a-z-]+\s+){0,2}(?:%s)\b)" % _words_pattern(_RULES["relative_nouns"]))


def _people_after_a_noun_for_people(text: str, mentions: list[Mention], countries: frozenset[str]) -> None:
    """'human rights activist Kurmo Dal Tun told reporters', 'said Kurmo Dal, who heads the camp', 'Kurma Dal Tun,
    whose son was among the dead,': a name of two to four capitalised words that NER took for an organisation,
    written right after a noun for a person or described by a clause with 'who' (or with 'whose' and a relative),
    is that person's (not 'the militia Kurmin Front', whose last word names a body, nor a place); and so is one
    whose last word is the surname of a person the text names in full ('Kurma Dal sat in the shelter', beside her
    cousin 'Jan Dal': a family shares a surname)."""
    family_names = _surnames_named_in_full(mentions)
    for mention in mentions:
        words = mention.surface.split()
        if mention.entity_type == "organization" and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) \
                and words[-1].lower() not in organisation_words() and not _named_like_a_body(mention.surface) \
                and (_NOUN_FOR_A_PERSON_BEFORE.search(text, max(0, mention.start_char - 30), mention.start_char)
                     or _WHO_AFTER.match(text, mention.end_char)
                     or (words[-1] in family_names and not words[0].isupper() and not _common_word_not_a_name(words[0]))) \
                and geocode(mention.surface, countries) is None:
            mention.entity_type = "person"


def _bodies_named_beside_their_kind(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """'The company that runs the mine, Kurmin Carbones S.A.S., said', 'a militant outfit, Lashkar-i-Kurm,
    claimed': a name set beside a noun for an organisation names an organisation, whatever NER made of it."""
    text = text_of(doc)
    appositions = list(_tokens_where(doc, DEP, "appos"))
    for token in appositions:
        if token.pos_ != "PROPN":
            continue
        # the noun it is set beside, or the one whose clause that noun ends ('the company that runs the mine, X,')
        beside = [token.head] + [a for a in list(token.head.ancestors)[:3] if a.i < token.i and a.pos_ == "NOUN"]
        if not any(noun.lemma_.lower() in _ORGANISATION_KIND_NOUNS for noun in beside):
            continue
        words = [t for t in token.subtree if not (t.is_punct and t.text not in "-.&'’")]
        while words and words[-1].is_punct:
            words.pop()
        if not words or words[0].i > token.i or not words[0].text[:1].isupper() or len(text[words[0].idx:words[-1].idx].split()) > 7 \
                or any(t.dep_ in ("relcl", "acl", "prep") and t.i > token.i for t in words):
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        overlapping = [m for m in mentions if m.start_char < end and start < m.end_char]
        if any(m.entity_type in ("organization", "location") and m.start_char <= start and m.end_char >= end for m in overlapping):
            continue  # (the name NER found, whole)
        mentions = [m for m in mentions if m not in overlapping]
        mentions.append(Mention(text[start:end], start, end, sentence_index_of(start), "organization"))
    # 'KTU-9, a local teachers union, said': a name whose apposition is a kind of organisation names one,
    # which the text may go on to call by that noun ('the union said'). (Found from the appositions, in order:
    # a name's first such apposition is its kind.)
    kinds: dict[int, object] = {}
    for c in appositions:
        token = c.head
        if token.i not in kinds and c.i > token.i + 1 and text[token.idx + len(token):c.idx].startswith(", ") \
                and c.lemma_.lower() in _ORGANISATION_KIND_NOUNS | _INSTITUTION_NOUNS \
                and any(d.lower_ in ("a", "an") for d in c.children if d.dep_ == "det"):
            kinds[token.i] = c
    for i in sorted(kinds):
        token, kind = doc[i], kinds[i]
        if token.pos_ != "PROPN" or not token.text[:1].isupper():
            continue
        words = [t for t in token.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [token]
        if words[-1].i - words[0].i != len(words) - 1:
            continue
        start, end = words[0].idx, token.idx + len(token)
        role = " ".join(text[kind.left_edge.idx:kind.idx + len(kind)].split()[1:])
        overlapping = [m for m in mentions if m.start_char < end and start < m.end_char]
        if not overlapping:
            mentions.append(Mention(text[start:end], start, end, sentence_index_of(start), "organization", role=role))
        elif len(overlapping) == 1 and overlapping[0].entity_type == "organization" and overlapping[0].role is None:
            overlapping[0].role = role
    return sorted(mentions, key=lambda m: m.start_char)


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


def _bodies_defined_with_their_letters(doc, sentence_index_of, mentions: list[Mention], countries: frozenset[str]) -> list[Mention]:
    """'Médecins Kurmans Frontières (MKF)', "The Kurmin Governor's Office (KGO)": capitalised words the text gives
    letters for are an organisation's name, whatever NER made of them (not a place's: 'Democratic Republic of
    the Congo (DRC)')."""
    text = text_of(doc)
    for match in _NAME_WITH_ITS_LETTERS.finditer(text):
        if not _are_letters(match.group(2)):
            continue
        start, end = match.span(1)
        name = match.group(1)
        while (name.split()[0].lower() in STOP_WORDS or name.split()[0].endswith(("'s", "’s"))) and len(name.split()) > 1:
            # ('But the Kurmin Workers' Union (KWU)': the sentence's first words are no part of the name, nor is
            # the country that owns it: "Kurmistan's Disaster Agency (DA)")
            cut = len(name.split()[0]) + 1
            start, name = start + cut, name[cut:]
        if geocode(name, countries) is not None or len(name.split()) < 2:
            continue
        overlapping = [m for m in mentions if m.start_char < end and start < m.end_char]
        # (the letters spell the name from its first word, or after a word of its own: 'UN Office for the Kurmin Affairs (OKA)')
        spelled = "".join(w[0] for w in name.split() if w[0].isupper()).endswith(match.group(2).replace(".", ""))
        if any((m.start_char <= start or (m.entity_type == "organization" and not spelled and re.search(r"\b[a-z]", text[start:m.start_char])))
               and m.end_char >= end for m in overlapping):
            continue  # (the name NER found, whole, or the organisation it found after words of a phrase: 'Fighters of the ...')
        if any(m.entity_type == "person" for m in overlapping) and is_given_name(name.split()[0]):
            continue
        mentions = [m for m in mentions if m not in overlapping]
        mentions.append(Mention(name, start, end, sentence_index_of(start), "organization"))
    letters = {match.group(2) for match in _NAME_WITH_ITS_LETTERS.finditer(text) if _are_letters(match.group(2))
               and any(m.entity_type == "organization" and m.end_char == match.end(1) for m in mentions)}
    taken = [(m.start_char, m.end_char) for m in mentions]
    for word in re.finditer(r"(?<![\w'’-])(%s)(?![\w-])" % "|".join(map(re.escape, sorted(letters, key=len, reverse=True))), text) if letters else ():
        if not any(s < word.end() and word.start() < e for s, e in taken):
            # the letters wherever else the text writes them ('BUK and KLF fighters', 'Kurdena said')
            mentions.append(Mention(word.group(), word.start(), word.end(), sentence_index_of(word.start()), "organization"))
    return sorted(mentions, key=lambda m: m.start_char)


# Letters in brackets after a name: '(KLF)', '(Kurdena)', '(U.N.)'
_LETTERS = r"\(([A-Z][A-Za-z.&]{1,9})\)"
# Capitalised words, with the small words of names between them, and then their letters in brackets
_NAME_WITH_ITS_LETTERS = re.compile(r"(?<![\w'’-])(?:The )?([A-ZÀ-Þ][\w'’.-]*(?:(?: (?:of|the|for|and|on|&|de|du|des|del|la|le|sans|y))* [A-ZÀ-Þ][\w'’.-]*){1,7})"
                                    r" " + _LETTERS)


def _are_letters(word: str) -> bool:
    """Two capitals or more: 'KLF', 'Kurdena' is not ('Kurmosh (Bakhdura)' gives a second name, no letters)."""
    return sum(ch.isupper() for ch in word) >= 2


# Nouns for an organisation, beside which a name is the organisation's (rules/attribution.toml)
_ORGANISATION_KIND_NOUNS = frozenset(load_rules("attribution")["generic_organisation_nouns"]) - {"insurgents", "rebels"}
_INSTITUTION_NOUNS = frozenset(noun for noun in load_rules("attribution")["institution_nouns"] if " " not in noun)


def _outlets_are_no_people(text: str, mentions: list[Mention]) -> None:
    """'told Xinhua by phone', 'Reuters reported': a news outlet (rules/outlets.toml) is an organisation, unless
    the text names a person in full with that name ('Jan Bloomberg'); so is a name the outlet's kind comes just
    before ('the local station KXRM reported ... told KXRM')."""
    surnames = {m.surface.split()[-1].lower() for m in mentions if m.entity_type == "person" and " " in m.surface}
    kinds = frozenset(load_rules("outlets")["outlet_nouns"])
    outlets = set(outlet_aliases())
    for mention in mentions:
        kind = _LOWER_CASE_WORD_BEFORE.search(text, max(0, mention.start_char - 20), mention.start_char)
        if kind is not None and kind.group(1) in kinds:
            outlets.add(mention.surface.lower())
    for mention in mentions:
        key = mention.surface.lower()
        if mention.entity_type == "person" and key in outlets and key not in surnames:
            mention.entity_type = "organization"


_LOWER_CASE_WORD_BEFORE = re.compile(r"(?<![\w'’-])([a-z]+) $")


_OPENING_MARKS = tuple(OPENERS + "‘'")  # (the quotation marks quotes.py reads, double and single)
_CLOSING_MARKS = tuple(CLOSERS + "’'")


def _phrases_in_quotation_marks_are_no_people(text: str, mentions: list[Mention]) -> list[Mention]:
    """'chant ‘Jai Kurmin Dev’', 'a march called "Free Kurmo Dal"': words of two or more set in quotation marks of their own
    are a slogan, a chant or a title, which NER may take for a person, and name no one the text speaks of."""
    def quoted(m) -> bool:
        return m.entity_type == "person" and " " in m.surface and text[max(0, m.start_char - 1):m.start_char] in _OPENING_MARKS \
            and text[m.end_char:m.end_char + 1] in _CLOSING_MARKS
    dropped = {name_key(m.surface) for m in mentions if quoted(m)}
    # (a name the text also writes outside quotation marks is a person's)
    dropped -= {name_key(m.surface) for m in mentions if m.entity_type == "person" and not quoted(m)}
    return [m for m in mentions if not (m.entity_type == "person" and name_key(m.surface) in dropped)]


def _names_after_the_are_no_people(doc, mentions: list[Mention]) -> None:
    """'the Kurmin Crescent said', 'for the Dalen Chronicle': a name the text puts after 'the' is a body's, not a
    person's (but 'the Doe family', 'the Doe-Roe talks', 'the Does': a person's name before a noun or a family's)."""
    text = text_of(doc)

    def after_the(mention) -> bool:  # (not 'Jane Doe, the UN Resident Coordinator': a title set beside a name)
        return text[max(0, mention.start_char - 4):mention.start_char].lower() == "the " \
            and not text[max(0, mention.start_char - 6):mention.start_char].startswith(", ")

    surnames = {w.lower() for m in mentions if m.entity_type == "person" and " " in m.surface and not after_the(m)
                for w in m.surface.split()[1:]}
    for mention in mentions:
        if mention.entity_type != "person" or not after_the(mention) or mention.surface.split()[-1].lower() in surnames \
                or _plural_name(mention.surface) or (" " not in mention.surface and mention.surface.endswith("s")):
            continue  # ('the Does', a family)
        span = doc.char_span(mention.start_char, mention.end_char, alignment_mode="expand")
        if span is not None and span[-1].dep_ not in ("compound", "amod", "nmod", "poss") \
                and not text.startswith(("-", "–", "'s", "’s"), mention.end_char):
            mention.entity_type = "organization"


def _list_items_taken_as_one(doc, ent) -> list:
    """The items of a list that NER took as one name ('Kurmove, Dalivne'): the spans between its commas, when
    the parse joins each to the one before as a conjunct; [] for one name ('Kurmin, Dalen Province' too)."""
    commas = [t for t in ent if t.text == ","]
    if not commas:
        return []
    bounds = [ent.start, *(c.i for c in commas), ent.end]
    items = [doc[a + (a != ent.start):b] for a, b in zip(bounds, bounds[1:])]
    if any(len(item) == 0 or not all(t.pos_ == "PROPN" for t in item) for item in items):
        return []
    return items if all(later.root.dep_ == "conj" and later.root.head.i in range(earlier.start, earlier.end)
                        for earlier, later in zip(items, items[1:])) else []


def _town_of(name: str, countries: frozenset[str]) -> bool:
    """Whether `name` is a town or city of one of `countries` (any country when none is known)."""
    place = geocode(name, countries)
    return place is not None and place.kind == "city" and (not countries or place.country_code in countries)


_PLACE_NAME_FIRST_WORDS = frozenset(_RULES["place_name_first_words"])
_STREET_LAST_WORDS = frozenset(_RULES["street_last_words"])
_STORM_WORDS = frozenset(w.lower() for w in _RULES["storm_words"])
# 'Jamaat', 'Lashkar-e-': a word for a group opening an organisation's name (rules/entities.toml)
_ORGANISATION_FIRST = re.compile(r"(?:%s)(?:[\s-]|$)" % "|".join(
    re.escape(w).replace("'", "['’]?") for w in _RULES["organisation_first_words"]), re.IGNORECASE)
_TITLE_LAST_WORDS = frozenset(_RULES["title_last_words"])
_STATE_BODY = re.compile(rf"\b(?:{'|'.join(_RULES['state_body_words'])})\b", re.IGNORECASE)


# The first half of a name joined by 'and', just before where NER began it: 'The Energy and ' before 'Mineral
# Resources Ministry' (after an article or at the start of a line, so that no clause's words come with it).
_NAME_HALF_BEFORE_AND = re.compile(r"(?:^|(?<=\b[Tt]he ))((?!The )(?:[A-Z][\w'’-]+ ){1,3})(?:and|&) $", re.MULTILINE)


def _plural_name(surface: str) -> bool:
    """A name of two words or more whose last is an English plural noun ('Freedom Tigers', 'Red Brigades';
    not 'Kamala Harris', 'Tom Jones', 'Jan Ramos'), whose first is no given name."""
    words = surface.split()
    last = words[-1] if len(words) >= 2 else ""
    return (last.endswith("s") and not last.endswith(("ss", "us")) and not is_given_name(words[0])
            and is_english_word(last[:-1]) and not written_as_a_name(last[:-1]))


# Two names joined by 'and' in one mention ('Sévaré and Bandiagara'), each of one to three capitalised words.
_LOCATIVE_JUST_BEFORE = re.compile(r"\b(?:%s)\s+$" % _words_pattern(_RULES["locative_prepositions"] + ["between"]))
_TWO_PLACES = re.compile(r"([A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2}) and ([A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2})")


# A title, a name of two or three words and 'of' a place: 'Archbishop Jan Doe of Sorvenik'
_TITLE_NAME_OF_PLACE = re.compile(rf"([A-Z][a-z]+) ({_NAME_WORD}(?: {_NAME_WORD}){{1,2}}) of [A-Z][\w'’ -]+")


def _city_named_with_a_title(doc, ent, surface: str, sentence_index_of) -> Mention | None:
    """'in General Santos': the city whose name begins with a title, where NER saw a general named Santos."""
    title = _CAPITALISED_WORD_BEFORE.search(text_of(doc), max(0, ent.start_char - 20), ent.start_char)
    if title is None or title.group(1).lower() not in person_prefix_words() or only_city_named(f"{title.group(1)} {surface}") is None:
        return None
    return Mention(text_of(doc)[title.start(1):ent.end_char], title.start(1), ent.end_char, sentence_index_of(ent.start_char), "location")


# A surname after a given name that opens with a letter and an apostrophe: ' O’Doe', " D'Arcy"
_SURNAME_WITH_AN_APOSTROPHE = re.compile(r" [OD][’'][A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w’'-])")


_HYPHENED_GIVEN_NAME_AFTER = re.compile(r" ([A-Z][a-z]{1,4})-([a-z]{1,5})\b(?![-'’])")


def _name_as_the_parse_joins_it(doc, ent, start: int, surface: str, joined: set[int]) -> tuple[int, str]:
    """A person's name where NER cut it short, as the parse's compounds join it: a surname left off ('Siti
    Aminah Rangkuti'), a name cut in two ('Ato Dawit' and 'Tesfaye Gebremedhin': the second entity's start
    goes into `joined`), a given name left off ('Pushpamalar Sivakumar', where a Sivakumar of the family is
    named in full elsewhere)."""
    text = text_of(doc)
    surname = _SURNAME_WITH_AN_APOSTROPHE.match(text, start + len(surface))
    if surname:  # 'Barry O’Doe', which the parser may take for a verb
        return start, surface + surname.group()
    given_after = _HYPHENED_GIVEN_NAME_AFTER.match(text, start + len(surface))
    if given_after and not is_english_word(given_after.group(1).lower()):
        # 'Jan Lo Kai-ming': a Chinese or Korean given name of two syllables written after the surname, which NER
        # may leave out (not 'Jan Doe Co-founder', 'Jane Doe Vice-chair')
        return start, surface + given_after.group()
    head = ent[-1].head
    # ('Jan Maria Kurmin Doe', where NER stopped after 'Maria': the middle names between are the head's compounds too)
    between = doc[ent.end:head.i] if head.i >= ent.end else None
    if ent.end < len(doc) and ent[-1].dep_ == "compound" and between is not None and len(between) <= 2 \
            and all(t.dep_ == "compound" and t.head.i == head.i and t.pos_ == "PROPN" and t.text.isalpha() and t.text.istitle()
                    and not t.ent_type_ and t.lower_ not in person_prefix_words() for t in between) \
            and head.pos_ == "PROPN" and head.text.isalpha() and head.text.istitle() \
            and text[start + len(surface):head.idx] == " ".join([""] + [t.text for t in between] + [""]) \
            and head.lower_ not in person_prefix_words():  # ('Celaya Mayor Jane Doe': a title is no surname)
        rest = next((e for e in doc.ents if e.start == ent.end), None)
        if rest is None or rest.label_ == "PERSON":
            last = rest[-1] if rest is not None else head
            surface = text[start:last.idx + len(last)]
            joined.add(ent.end)
    given = doc[ent.start - 1] if ent.start > 0 and start == ent.start_char else None
    if given is not None and given.pos_ == "PROPN" and given.dep_ == "compound" and ent.start <= given.head.i < ent.end \
            and given.text.isalpha() and given.text.istitle() and not given.ent_type_ \
            and _begins_the_name(given.text, f"{given.text} {surface}"):
        start, surface = given.idx, text[given.idx:start + len(surface)]
    return start, surface


def _on_a_title_case_line(text: str, position: int) -> bool:
    """Whether `position` lies on a line that every longer word of begins with a capital: a headline, wherever a
    page prints it."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    words = re.findall(r"[A-Za-z]{4,}", text[start:end if end >= 0 else len(text)])
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _common_word_not_a_name(word: str) -> bool:
    """'Farmer', 'Following', 'Survivor': an English word that is no given name and no name's spelling (and
    no word that says what the name is: 'Cyclone Kurmella' is a storm)."""
    return word.isalpha() and is_english_word(word) and not is_given_name(word) and not written_as_a_name(word) \
        and word.lower() not in _rules()[0]


def _first_word_of_the_name(words: list[str]) -> int:
    """Where a person's name may begin among `words`, capitalised words taken for one name: after the common
    English words written before two or more words of a name ('Foreign Affairs' + 'Tavemi Okorundo'); 0 when
    there are none. (Many given names are English words too, 'Mercy', 'Aye': callers say what else shows
    the words to be a title's or a description's.)"""
    start = 0
    while start < len(words) and _common_word_not_a_name(words[start]):
        start += 1
    if start == 0 or len(words) - start < 2 or any(_common_word_not_a_name(w) for w in words[start:]):
        return 0
    return start


def _name_after_a_portfolio(text: str, words: list[str], word_starts: list[int]) -> int:
    """Where a person's name begins among `words` (at `word_starts` in `text`) when its first words end a
    portfolio written before it ('Minister of Foreign' + 'Affairs Tavemi Okorundo'): the index of the name's
    first word, or 0."""
    start = _first_word_of_the_name(words)
    if start and _ROLE_OF_BEFORE.search(text, max(0, word_starts[start] - 80), word_starts[start]):
        return start
    return 0


def _without_opening_adverb(ent):
    """'Later the Defence Ministry', 'Meanwhile Kurmin Police': a sentence's first adverb or conjunction,
    which NER took into the name that follows it."""
    first = ent[0]
    if len(ent) > 1 and first.is_sent_start and first.pos_ in ("ADV", "CCONJ", "SCONJ") \
            and (first.is_stop or ent[1].lower_ == "the"):
        return ent[1:]
    if len(ent) > 1 and first.is_sent_start and first.lower_ in _OPENING_ADVERBS:
        return ent[1:]  # 'Later Doe said', whatever the tagger made of 'Later'
    return ent


_OPENING_ADVERBS = frozenset(_RULES["opening_adverbs"])


# a capitalised side word just before a name: 'Eastern' of 'Eastern Kurmin Province' (rules/entities.toml)
_SIDE_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?:%s) $" % _words_pattern(_RULES["side_words"]))


def _with_the_side_word_before(doc, ent):
    """A place with the word before it that NER left out of its name: a side word, where the whole name is a
    province, state or region ('Eastern Highlands Province', of which NER took 'Highlands Province'), or a
    nationality or other capitalised word, where the whole is a town's own name ('Spanish Fork', of which NER took
    'Fork')."""
    text = text_of(doc)
    side = _SIDE_WORD_BEFORE.search(text, max(0, ent.start_char - 10), ent.start_char)
    if side is not None and province_country(text[side.start():ent.end_char]) is not None:
        return doc.char_span(side.start(), ent.end_char, label=ent.label_) or ent
    word = doc[ent.start - 1] if ent.start > 0 else None
    if word is not None and word.text.istitle() and word.is_alpha and not word.is_sent_start and word.ent_type_ in ("NORP", "LANGUAGE", "") \
            and _a_towns_own_name(text[word.idx:ent.end_char]):
        return doc.char_span(word.idx, ent.end_char, label=ent.label_) or ent
    return ent


def _a_towns_own_name(name: str) -> bool:
    """Whether the gazetteer holds a town or city by this very name (not one of its other spellings)."""
    town = geocode(name)
    return town is not None and town.kind == "city" and written_as_its_own_name(town, name)


def extract_mentions(doc, sentence_index_of, countries: frozenset[str] = frozenset()) -> list[Mention]:
    """Mentions with their type and spelling key; persons' surnames joined to full names in the doc."""
    _np, _no, prefix = _rules()
    mentions: list[Mention] = []
    joined_to_the_name_before: set[int] = set()  # token indices where an entity begins that a name took in
    for ent in doc.ents:
        entity_type = LABEL_TYPES.get(ent.label_)
        if entity_type is None and ent.label_ in ("NORP", "LANGUAGE") and ent.end < len(doc) and doc[ent.end].text.istitle() \
                and _a_towns_own_name(doc[ent.start:ent.end + 1].text):
            ent, entity_type = doc[ent.start:ent.end + 1], "location"  # 'Spanish Fork', of which NER took 'Spanish' for a nationality
        if entity_type is None and ent.label_ in ("WORK_OF_ART", "PRODUCT") and _named_like_a_body(clean_surface(ent.text)):
            entity_type = "organization"  # 'the Kurmin Unity Forum', which NER took for a title
        if entity_type is None or ent.start in joined_to_the_name_before:
            continue
        ent = _without_opening_adverb(ent)
        person_after = _NAME_AFTER_A_COMMA.search(ent.text) if entity_type != "person" else None
        if person_after and is_given_name(person_after.group(1).split()[0]):
            # 'Fisheries and Coastal Affairs, Nikos Darvelis' taken as one organisation: a person after the comma
            named_at = ent.start_char + person_after.start(1)
            mentions.append(Mention(person_after.group(1), named_at, named_at + len(person_after.group(1)),
                                    sentence_index_of(named_at), "person"))
            ent = doc.char_span(ent.start_char, ent.start_char + person_after.start(), alignment_mode="contract")
            if ent is None or len(ent) == 0:
                continue
        if entity_type == "location":
            ent = _with_the_side_word_before(doc, ent)
        surface = clean_surface(ent.text)
        if entity_type != "person" and (_HONORIFIC_FIRST.match(surface) or _HONORIFIC_JUST_BEFORE.search(
                text_of(doc), max(0, ent.start_char - 6), ent.start_char)):
            entity_type = "person"  # 'Dr Zawadzki' or 'Mr Morgan-Hale' tagged as an organisation
        if entity_type == "person" and _plural_name(surface) and (text_of(doc)[max(0, ent.start_char - 4):ent.start_char].lower() == "the "
                                                                 or surface.split()[-1][:-1].lower() in _person_evidence_words()[1]):
            # 'the Eelam Freedom Tigers', 'the Red Brigades', 'Kurmin Reporters': a group, not a person
            entity_type = "organization"
        titled = _TITLE_NAME_OF_PLACE.fullmatch(surface) if entity_type == "organization" else None
        if titled and titled.group(1).lower() in person_prefix_words() and is_given_name(titled.group(2).split()[0]):
            entity_type, surface = "person", titled.group(2)  # 'Archbishop Jan Doe of Sorvenik' tagged as an organisation
        city = _city_named_with_a_title(doc, ent, surface, sentence_index_of) if entity_type == "person" else None
        if city is not None:
            mentions.append(city)
            continue
        if entity_type == "person":
            surface = _POST_NOMINALS.sub("", prefix.sub("", surface).strip())
            # leading modifiers are not part of a name: 'the 14th-ranked Schwartzman'
            surface = re.sub(r"^(?:(?:[a-z]|\d)[\w-]*\s+)+", "", surface)
            words = surface.split()
            if len(words) >= 2 and ent[0].is_sent_start and words[0] == ent[0].text and _common_word_not_a_name(words[0]):
                surface, words = " ".join(words[1:]), words[1:]  # 'Farmer Jan Doe said', 'Following Doe, ...': capitalised as a sentence's first word
            # 'Minister of Foreign Affairs Tavemi Okorundo', where NER began the name inside the portfolio
            surface_at = ent.start_char + max(ent.text.find(surface), 0)
            name_starts = _name_after_a_portfolio(text_of(doc), words, [surface_at + w.start() for w in re.finditer(r"\S+", surface)])
            if name_starts:
                surface, words = " ".join(words[name_starts:]), words[name_starts:]
            if len(ent) == 1 and ent[0].is_sent_start and _common_word_not_a_name(ent[0].text) and ent[0].dep_ in ("amod", "compound") \
                    and ent[0].head.i == ent[0].i + 1 and ent[0].head.text.islower():
                continue  # 'Cooler temperatures helped': a sentence's first word, the modifier of the noun after it
            # 'Celaya Mayor Jane Doe', 'Plateau Gov. Jan Doe': a place and a title before the name
            titled = [i for i, w in enumerate(words[:-2]) if w.lower().rstrip(".") in person_prefix_words()]
            if titled:
                surface = " ".join(words[titled[-1] + 1:])
                words = surface.split()
            if len(words) >= 3 and words[0].lower() in demonyms():
                surface = surface.split(None, 1)[1]  # 'Swede Jan Erik Doe' is Jan Erik Doe
            # 'Court Jails Kurmin Depot Arsonist Jan Doe': a headline's words in title case before the name
            first_name = next((i for i, w in enumerate(words) if is_given_name(w)), 0)
            in_headline = ent.end_char <= text_of(doc).find("\n") or _on_a_title_case_line(text_of(doc), ent.start_char)
            if first_name and len(words) - first_name >= 2 and in_headline and all(
                    _common_word_not_a_name(w) or (geocode(w) is not None and not is_given_name(w)) for w in words[:first_name]):
                surface = " ".join(words[first_name:])
            elif in_headline and len(words) >= 2 and _common_word_not_a_name(words[0]):
                continue  # 'Court Jails Kurmin Depot Arsonist ...': a verb and what follows it, in title case, name no one
            elif in_headline and len(words) == 2 and _common_word_not_a_name(words[1]) and not is_given_name(words[0]) \
                    and _known_anywhere(geocode(words[0])):
                # 'Envoy Says Kurmagrad Shelled Two Towns': a great city and the verb after it, in title case
                entity_type, surface = "location", words[0]
        if not _plausible(ent, surface, entity_type):
            continue
        if entity_type == "person" and _ORGANISATION_FIRST.match(surface):
            entity_type = "organization"  # 'Jama'at Kurmin al-Islam', 'Lashkar-e-Kurm': a group's name
        if entity_type == "person" and " " not in surface and _named_storm(doc, surface, storms_only=True):
            continue  # 'Hurricane Kurmella ... Kurmella killed three people': the storm, however NER takes it
        offset = ent.text.find(surface)
        start = ent.start_char + max(offset, 0)
        unit_number = _UNIT_NUMBER_BEFORE.search(text_of(doc), max(0, start - 12), start) if entity_type == "organization" else None
        if unit_number:  # 'the 54th Mechanised Brigade', where NER left the ordinal out
            start, surface = unit_number.start(), unit_number.group() + surface
        first_half = _NAME_HALF_BEFORE_AND.search(text_of(doc), max(0, start - 60), start) if entity_type == "organization" else None
        if first_half and first_half.group(1).split()[-1].lower() not in organisation_words() \
                and not any(e.start_char < start and e.end_char > first_half.start() for e in doc.ents if e is not ent):
            # ('The Police and Interior Ministry officials': two bodies, the first a whole name)
            # 'the Energy and Mineral Resources Ministry', where NER began the name after its 'and'
            start, surface = first_half.start(1), text_of(doc)[first_half.start(1):start] + surface
        pair = _TWO_PLACES.fullmatch(surface) if entity_type in ("location", "organization") and geocode(surface, countries) is None else None
        placed_there = _LOCATIVE_JUST_BEFORE.search(text_of(doc), max(0, start - 12), start) is not None
        if pair and (any if entity_type == "location" or placed_there else all)(_town_of(name, countries) for name in pair.groups()):
            # 'between Sévaré and Bandiagara', which NER made one facility, and 'fled to Tibú and Ocaña', one
            # organisation: two places (both of them towns of the document's countries, for an organisation
            # that no preposition of place puts there: 'around Kurmivka and Hola Kurm')
            for name, offset in ((pair.group(1), pair.start(1)), (pair.group(2), pair.start(2))):
                mentions.append(Mention(name, start + offset, start + offset + len(name), sentence_index_of(start + offset), "location"))
            continue
        listed = _list_items_taken_as_one(doc, ent) if entity_type != "person" and surface == ent.text else []
        if listed:
            # 'Kurmove, Dalivne' of 'the villages of Sorivne, Kurmove, Dalivne and ...', which NER made one name
            mentions += [Mention(item.text, item.start_char, item.end_char, sentence_index_of(item.start_char), entity_type)
                         for item in listed]
            continue
        if entity_type == "person":
            start, surface = _name_as_the_parse_joins_it(doc, ent, start, surface, joined_to_the_name_before)
        mention = Mention(surface, start, start + len(surface), sentence_index_of(start), entity_type)
        if entity_type == "person":
            mention.role = role_of(doc, ent, start)
        mentions.append(mention)
    datelines = _dateline_mentions(doc, sentence_index_of)
    if datelines:  # the dateline is a place whatever NER made of it (the headline above it keeps its names)
        mentions = [m for m in mentions if m.start_char >= datelines[-1].end_char or m.end_char <= datelines[0].start_char] + datelines
        dateline_keys = {name_key(_title_case(m.surface)) for m in datelines}
        for mention in mentions:
            if not mention.dateline and mention.entity_type == "organization" and name_key(mention.surface) in dateline_keys:
                mention.entity_type = "location"  # 'Derna floods' over 'DERNA, Libya —': the town the dateline names
    mentions = _hyphened_places(doc, sentence_index_of, mentions, countries)
    mentions = _places_after_in_inside_a_name(mentions, sentence_index_of, countries)
    mentions = _bodies_named_with_their_country(text_of(doc), mentions)
    mentions.extend(_gazetteer_mentions(doc, sentence_index_of, mentions, countries))
    mentions = _places_named_with_particles(doc, mentions, countries)
    mentions = _area_lists(doc, sentence_index_of, mentions)
    mentions.extend(_named_localities(doc, sentence_index_of, mentions))
    mentions = _cities_and_their_parts(doc, sentence_index_of, mentions, countries)
    mentions.extend(_people_ner_missed(doc, sentence_index_of, mentions))
    mentions = _names_with_particles(text_of(doc), mentions)
    mentions = _given_names_joined_to_persons(text_of(doc), mentions)
    # 'the Minister of Fisheries and Coastal Affairs, Jan Doe': the rest of a portfolio's name before its
    # holder's is no person or body
    person_starts = {m.start_char for m in mentions if m.entity_type == "person"}
    mentions = [m for m in mentions if m.entity_type not in ("person", "organization")
                or not (_IN_A_PORTFOLIO.search(text_of(doc), max(0, m.start_char - 80), m.start_char)
                        and text_of(doc).startswith(", ", m.end_char) and m.end_char + 2 in person_starts)]
    _people_after_a_noun_for_people(text_of(doc), mentions, countries)
    org_heads = {m.surface.split()[0] for m in mentions if m.entity_type == "organization" and len(m.surface.split()) > 1}
    placed = _placed_names(text_of(doc), mentions) | _placed_by_the_parse(doc, mentions)
    # 'In Shegal Kalay, ...': the prepositions that put a name on the map ('from X' and 'at X' also start other phrases)
    placed_in_or_near = _placed_names(text_of(doc), mentions, frozenset({"in", "near", "outside"}))
    named_as_places = _named_as_places(doc, mentions)
    for mention in mentions:  # full names first, so that their surnames are known below
        if len(mention.surface.split()) > 1:
            _retype(mention, set(), countries, org_heads, placed, named_as_places, placed_in_or_near)
    # Every word after a full name's first is a surname the text may use alone ('Villavicencio' for 'Óscar
    # Villavicencio Torres'), even where a town shares it; so is a hyphenated surname ('Walker-Ngata'), whose
    # key has two words.
    surnames = {" ".join(words[i:j]) for m in mentions if m.entity_type == "person" for words in [name_key(m.surface).split()]
                for i in range(1, len(words)) for j in range(i + 1, len(words) + 1)}
    # ... and so is a given name that no place bears ('Kurga' for 'Kurga Mengesha', as Ethiopian and Indonesian
    # texts name people after their first mention)
    surnames |= {name_key(m.surface.split()[0]) for m in mentions if m.entity_type == "person" and 2 <= len(m.surface.split()) <= 3
                 and m.surface.split()[0][:1].isupper() and m.surface.split()[0].lower() not in _GIVEN_NAME_PREFIXES
                 and geocode(m.surface.split()[0], countries) is None}
    # ... and so is a one-word name that a person's title comes just before ('President Kurmin demanded ...
    # Kurmin said'), whatever town bears it
    surnames |= {name_key(m.surface) for m in mentions if m.entity_type == "person" and m.role and len(m.surface.split()) == 1
                 and text_of(doc)[:m.start_char].rstrip().endswith(m.role.split()[-1])}
    body_nouns = set(_bodies_by_their_nouns(mentions))
    for mention in mentions:
        if len(mention.surface.split()) == 1:
            _retype(mention, surnames, countries, org_heads, placed, named_as_places, placed_in_or_near, body_nouns)
        elif mention.entity_type != "person" and name_key(mention.surface) in surnames and _PARTICLE_INSIDE.search(mention.surface):
            mention.entity_type = "person"  # 'Kurmández de Paz said', the surname of 'Ana Lucía Kurmández de Paz'
    _towns_named_like_people(mentions, placed_in_or_near, countries)
    mentions = _towns_before_an_abbreviated_division(text_of(doc), mentions)
    # (after the repairs above, which make places of names NER took for people or bodies)
    mentions.extend(_towns_listed_with_places(doc, sentence_index_of, mentions, countries))
    _people_given_an_age(text_of(doc), mentions)
    mentions.extend(_towns_of_residents(doc, sentence_index_of, mentions, countries))
    _given_names_that_speak(doc, mentions, countries)
    mentions = _people_named_in_passing(doc, sentence_index_of, mentions)
    _outlets_are_no_people(text_of(doc), mentions)
    _names_after_the_are_no_people(doc, mentions)
    mentions = _phrases_in_quotation_marks_are_no_people(text_of(doc), mentions)
    for mention in mentions:
        initials = _TITLE_INITIALS.match(mention.surface) if mention.entity_type in ("person", "organization") else None
        rest = mention.surface[initials.end():].split() if initials else []
        if initials and mention.entity_type == "organization" and initials.group().split()[0].lower() in person_prefix_words() \
                and 2 <= len(rest) <= 3 and is_given_name(rest[0]) and rest[-1].lower() not in organisation_words():
            mention.entity_type = "person"  # 'DCP North Jan Doe', which NER took for a body: a post's initials and a name
        if initials and mention.entity_type == "person":  # 'DPO Awan', 'SHO Kurmat Khan': a post's initials, no part of the name
            mention.start_char, mention.surface = mention.start_char + initials.end(), mention.surface[initials.end():]
    mentions = _bodies_named_beside_their_kind(doc, sentence_index_of, mentions)
    mentions = _bodies_defined_with_their_letters(doc, sentence_index_of, mentions, countries)
    _extend_areas_and_sites(doc, mentions)
    _join_bare_names(doc, sentence_index_of, mentions)
    mentions.extend(_names_taken_for_adverbs(doc, sentence_index_of, mentions))
    mentions.extend(_given_name_mentions(doc, sentence_index_of, mentions))
    mentions.extend(_surname_mentions(doc, sentence_index_of, mentions))
    mentions.extend(_towns_of_local_bodies(sentence_index_of, mentions, countries))
    _towns_before_their_offices(text_of(doc), mentions, countries)
    _bodies_named_with_a_plural_possessive(text_of(doc), mentions)
    mentions = _bodies_of_two_fields(text_of(doc), mentions)
    _streets_are_no_people(mentions, placed_in_or_near)
    _assign_person_keys([m for m in mentions if m.entity_type == "person"])
    _people_called_by_another_name(text_of(doc), sentence_index_of, mentions)
    for mention in mentions:
        if mention.entity_type != "person":
            mention.key = name_key(mention.place_query or mention.surface)
    _acronyms_to_full_names(mentions, text_of(doc))
    _body_nouns_to_full_names(mentions)
    _short_names_to_full_names(mentions)
    _state_bodies_with_their_country(mentions)
    return mentions


_PERSON_ONLY_VERBS = frozenset(_RULES["person_only_verbs"])


def _towns_before_an_abbreviated_division(text: str, mentions: list[Mention]) -> list[Mention]:
    """'Kurmby, Ont.', 'Dalesford, Tenn.': a name before a province or state as agencies abbreviate it is a town,
    whatever NER made of it, and the abbreviation names no one."""
    abbreviations = {m.start(1) for m in _TOWN_AND_ABBREVIATED_DIVISION.finditer(text)}
    if not abbreviations:
        return mentions
    for mention in mentions:
        if mention.end_char + 2 in abbreviations and text.startswith(", ", mention.end_char) and len(mention.surface.split()) <= 3:
            mention.entity_type = "location"
    return [m for m in mentions if m.start_char not in abbreviations]

# How a text names a person in passing: 'a lorry driver named Kurmo', 'who gave his name only as Kurmo', 'gave
# only her first name, Kurma,', 'a man identified only as Kurmo', 'the girl, named only as Kurma', 'a man
# identifying himself as Kurmo'. (The noun before 'named' or 'called' must
# be a person's: 'a village called Dalen', 'a group named Kurmin Front' are no people; nor is 'known only as',
# which names groups as often.)
_NAMING_WORDS = (r"gave (?:only )?(?:his|her) (?:first |full )?name(?: only)?(?: as|,)"
                 r"|(?:identified|named) only (?:as|by (?:his|her) first name,?)"
                 r"|(?:identified|identifying|calling|introducing) (?:himself|herself)(?: only)?(?: as)?"
                 r"|asked to be (?:identified|called|named) (?:only )?(?:as|by (?:his|her) first name,?)")
_NAME_GIVEN = r"\s+(?P<name>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,3})\b"
_NAMED_IN_PASSING = re.compile(rf"\b(?:(?P<noun>[a-z]+)\s+(?:named|called)|{_NAMING_WORDS}){_NAME_GIVEN}")
# ' named Kurmo', ', who gave his name only as Kurmo', ' identifying himself as Kurmo': the words after a noun for a
# person that name them
_NAMED_RIGHT_AFTER = re.compile(rf",?\s+(?:who\s+)?(?:named|called|{_NAMING_WORDS}){_NAME_GIVEN}")


def name_given_after(text: str, position: int) -> tuple[int, int] | None:
    """The span of the name the words right after `position` give the person before it ('a man, named only as
    Kurmo,', 'a man identifying himself as Kurmo'), or None."""
    match = _NAMED_RIGHT_AFTER.match(text, position)
    return match.span("name") if match else None


def _people_named_in_passing(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """'A lorry driver who gave his name only as Wosso said', 'a builder named Kurmin Dasrun': the name a text
    gives a person in passing is a person's, one word or more, whatever NER made of it."""
    _reporting, people = _person_evidence_words()
    text = text_of(doc)
    for match in _NAMED_IN_PASSING.finditer(text):
        noun = match.group("noun")
        if noun is not None and noun not in people:
            continue
        start, end = match.span("name")
        overlapping = [m for m in mentions if m.start_char < end and start < m.end_char]
        if any(m.entity_type == "person" for m in overlapping):
            continue
        mentions = [m for m in mentions if m not in overlapping]
        mentions.append(Mention(text[start:end], start, end, sentence_index_of(start), "person"))
    return sorted(mentions, key=lambda m: m.start_char)


def _given_names_that_speak(doc, mentions: list[Mention], countries: frozenset[str] = frozenset()) -> None:
    """'Kurmanuddin said', after 'village head Kurmanuddin Lasika': a name alone that begins one person's full
    name, and says something, is that person however NER typed it (many people are named by their given name); so
    is a given name that 'who' follows, or that speaks where the only town of that name lies in another country."""
    first_words: dict[str, int] = {}
    for m in mentions:
        words = name_key(m.surface).split()
        if m.entity_type == "person" and len(words) >= 2:
            first_words[words[0]] = first_words.get(words[0], 0) + 1
    reporting, _people = _person_evidence_words()
    for mention in mentions:
        if mention.entity_type == "person" or mention.dateline or " " in mention.surface:
            continue
        span = doc.char_span(mention.start_char, mention.end_char)
        following = doc[span.end] if span is not None and span.end < len(doc) else None
        if following is not None and (following.lemma_.lower() in _PERSON_ONLY_VERBS or following.lower_.rstrip("s") in _PERSON_ONLY_VERBS) \
                and span.root.dep_ in ("nsubj", "compound") and not mention.surface.isupper() and geocode(mention.surface) is None:
            mention.entity_type = "person"  # 'Kurmo remembers' (which the parser may read as a noun): no body or place remembers
            continue
        if mention.entity_type == "location" and span is not None and span.root.dep_ in ("nsubj", "nsubjpass") \
                and is_given_name(mention.surface) and geocode(mention.surface) is None and not _named_storm(doc, mention.surface):
            mention.entity_type = "person"  # 'Mykola is lucky to be alive': a given name no gazetteer knows, as a subject
            continue
        if span is not None and span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ == "who" \
                and is_given_name(mention.surface) and geocode(mention.surface) is None:
            mention.entity_type = "person"  # 'said Chantelle, who did not give her last name': 'who' is said of people
            continue
        if mention.entity_type == "location" and span is not None and span.root.dep_ == "nsubj" \
                and span.root.head.lemma_.lower() in reporting and is_given_name(mention.surface) and countries:
            town = geocode(mention.surface, countries)
            if town is not None and town.kind == "city" and town.country_code not in countries:
                mention.entity_type = "person"  # 'Kurma said' in a story about Canada: a person, not a town abroad
                continue
        if first_words.get(name_key(mention.surface)) != 1:
            continue
        place = geocode(mention.surface)
        if place is not None and place.kind in ("country", "region", "state", "continent"):
            continue  # 'Israel said', beside a minister called Israel Katz, is the country
        if span is not None and span.root.dep_ == "nsubj" and span.root.head.lemma_.lower() in reporting:
            mention.entity_type = "person"


def _streets_are_no_people(mentions: list[Mention], placed_in_or_near: set[str]) -> None:
    """'Kurm Street', 'Dale St': a name ending in a word for a street is a place, whatever a pass took it for; and
    so is the name of such a street alone that the text puts something in or near ('a fire in Dale Oaks', beside
    '12 Dale Oaks Drive')."""
    streets = {" ".join(m.surface.split()[:-1]) for m in mentions if len(m.surface.split()) >= 3
               and m.surface.split()[-1].rstrip(".") in _STREET_LAST_WORDS}
    for mention in mentions:
        words = mention.surface.split()
        a_street = len(words) >= 2 and words[-1].rstrip(".") in _STREET_LAST_WORDS
        a_streets_name_placed = mention.surface in streets and mention.surface in placed_in_or_near
        if mention.entity_type == "person" and (a_street or a_streets_name_placed):
            mention.entity_type = "location"



def _named_storm(doc, name: str, storms_only: bool = False) -> bool:
    """Whether the text names a storm (or, unless `storms_only`, a weapon) by this name: 'Hurricane Kurmella ...
    Kurmella hit the coast'."""
    key = "newsfacts_storm_names" if storms_only else "newsfacts_names_after_a_kind"
    names = doc.user_data.get(key)
    if names is None:  # (asked for many names of one document: the text is read once)
        names = doc.user_data[key] = {match.group(1) for match in _name_after(storms_only).finditer(text_of(doc))}
    return name in names


@cache
def _name_after(storms_only: bool) -> re.Pattern[str]:
    """A word for a storm (or a weapon, a vehicle, a nationality) and the name written after it."""
    words = sorted(_STORM_WORDS if storms_only else _rules()[0], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:%s)\s+([\w'’-]+)" % "|".join(re.escape(w) for w in words), re.IGNORECASE)


# ' of Chile', ' of the Philippines': a country after a body's name
_OF_A_COUNTRY = re.compile(r"(.+) of (?:the )?([A-Z].*)")


def _state_bodies_with_their_country(mentions: list[Mention]) -> None:
    """A body of a state is one with the country the text names it with once: a bare 'Interior Ministry' in a
    text that names the Algerian Interior Ministry is that one (where the text names only one such)."""
    bodies = [m for m in mentions if m.entity_type == "organization" and _STATE_BODY.search(m.surface)]
    qualified = {m.key for m in bodies if any(w.lower() in demonyms() for w in m.surface.split()[:2])}
    # ... or with 'of' and the country after it ('the National Police of Chile')
    of_a_country = {(m.key, name_key(written.group(1))) for m in bodies for written in [_OF_A_COUNTRY.fullmatch(m.surface)]
                    if written and written.group(2) in country_codes()}
    for mention in bodies:
        longer = {k for k in qualified if k.endswith(" " + mention.key)} | {k for k, body in of_a_country if body == mention.key}
        if len(longer) == 1:
            mention.key = longer.pop()


def _acronyms_to_full_names(mentions: list[Mention], text: str = "") -> None:
    """'IOM' is the 'International Organization for Migration' the document names: an organisation
    written in capitals is the one organisation of the document whose capitalised words it abbreviates, or the
    one the text defined it as ('the Kurmin Unity Brigades (BUK)', whatever language the letters come from). Letters
    that spell a state or province the text names, and no news agency's name, are that place ('MP' for Madhya
    Pradesh)."""
    defined: dict[str, str] = {}
    for mention in mentions:
        if mention.entity_type == "organization" and not mention.surface.isupper() and len(mention.surface.split()) >= 2:
            letters = _DEFINED_ACRONYM.match(text, mention.end_char)
            if letters and _are_letters(letters.group(1)):
                defined.setdefault(letters.group(1).replace(".", ""), mention.key)
    for mention in mentions:
        acronym = mention.surface.replace(".", "")
        if acronym in defined and not mention.dateline:
            mention.entity_type, mention.key = "organization", defined[acronym]  # (whatever NER made of the letters)
    by_initials: dict[str, set[str]] = {}
    for mention in mentions:
        words = mention.surface.split()
        if mention.entity_type == "organization" and len(words) >= 2 and not mention.surface.isupper():
            initials = "".join(w[0] for w in re.split(r"[\s-]+", mention.surface) if w[:1].isupper())
            if len(initials) >= 2:
                by_initials.setdefault(initials, set()).add(mention.key)
    divisions: dict[str, set[str]] = {}  # 'KS' for 'Kurmin State': a state's initials, as a text writes them
    for mention in mentions:
        words = mention.surface.split()
        if mention.entity_type == "location" and len(words) >= 2 and all(w[:1].isupper() for w in words) \
                and province_country(mention.surface):
            divisions.setdefault("".join(w[0] for w in words), set()).add(mention.surface)
    for mention in mentions:
        acronym = mention.surface.replace(".", "")
        if mention.entity_type == "organization" and acronym.isalpha() and acronym.isupper() and 2 <= len(acronym) <= 7 \
                and acronym not in defined:
            full = by_initials.get(acronym, set())
            if len(full) == 1:
                mention.key = next(iter(full))
            elif not full and len(divisions.get(acronym, ())) == 1 and acronym.lower() not in outlet_aliases():
                mention.entity_type, mention.place_query = "location", next(iter(divisions[acronym]))


def _bodies_by_their_nouns(mentions: list[Mention]) -> dict[str, list[Mention]]:
    """The nouns for a body ('observatory', 'council') in the names of the document's organisations of two words
    or more, each with the mentions of those organisations."""
    found: dict[str, list[Mention]] = {}
    for mention in mentions:
        words = mention.surface.split()
        if mention.entity_type == "organization" and len(words) >= 2:
            for word in words:
                if word.lower() in organisation_words():
                    found.setdefault(word.lower(), []).append(mention)
    return found


def _body_nouns_to_full_names(mentions: list[Mention]) -> None:
    """'the Observatory' is the 'Kurmin Observatory for Human Rights' the document names: an organisation
    written as one noun for a body is the one organisation of the document whose name holds that noun."""
    holding = {noun: {m.key for m in bodies} for noun, bodies in _bodies_by_their_nouns(mentions).items()}
    for m in mentions:  # ('the Chronicle' for the 'Kurmin Valley Chronicle': a common noun that ends a name as well)
        if m.entity_type == "organization" and len(m.surface.split()) >= 2 and m.surface.split()[-1][:1].isupper() \
                and is_english_word(m.surface.split()[-1].lower()) and not written_as_a_name(m.surface.split()[-1].lower()):
            holding.setdefault(m.surface.split()[-1].lower(), set()).add(m.key)
    for mention in mentions:
        if mention.entity_type == "organization" and " " not in mention.surface and not mention.surface.isupper() \
                and len(holding.get(mention.surface.lower(), ())) == 1:
            mention.key = next(iter(holding[mention.surface.lower()]))


def _short_names_to_full_names(mentions: list[Mention]) -> None:
    """'Gulfmark said' after 'Gulfmark Polymers', 'Shelter' after 'Shelter International': an organisation written
    later by the first word of the one organisation named in full before it that opens with that word."""
    full = [m for m in mentions if m.entity_type == "organization" and len(m.key.split()) >= 2]
    for mention in mentions:
        if mention.entity_type != "organization" or " " in mention.key or mention.surface.isupper():
            continue
        # ('Shelter' for 'Shelter International', but not 'Defense' for the 'Defense Ministry': a common word
        # before a word for a body says what the body does, and any body's name may open with it)
        opening = {m.key for m in full if m.key.split()[0] == mention.key
                   and not (is_english_word(mention.surface) and m.surface.split()[-1].lower() in organisation_words())}
        if len(opening) == 1 and any(m.start_char < mention.start_char for m in full if m.key in opening):
            mention.key = next(iter(opening))


# A capitalised plural possessive just before an organisation's name: 'Seafarers’ ' of 'Seafarers’ Welfare
# Alliance', which NER leaves out of the name.
_PLURAL_POSSESSIVE_BEFORE = re.compile(r"(?<![\w’'])[A-Z][a-z]+s['’] $")


def _bodies_named_with_a_plural_possessive(text: str, mentions: list[Mention]) -> None:
    """'the Seafarers’ Welfare Alliance', 'the Kurmin Teachers' Union': a capitalised plural possessive right
    before an organisation's name is part of the name (where no other name holds it)."""
    for mention in mentions:
        before = _PLURAL_POSSESSIVE_BEFORE.search(text, max(0, mention.start_char - 30), mention.start_char) \
            if mention.entity_type == "organization" else None
        if before is not None and not any(m.start_char < mention.start_char and m.end_char > before.start() for m in mentions):
            mention.start_char, mention.surface = before.start(), text[before.start():mention.end_char]


# 'Ministry of Information and Culture', 'Department of Water Supply and Sanitation': a body 'of' one field and
# another, which NER cuts at 'and' (taking the second field for a name of its own)
_BODY_OF_A_FIELD = re.compile(r"(?:[Tt]he )?(?:[A-Z][\w'’-]+ )*(?:Department|Ministry|Office|Bureau|Secretariat|Directorate|"
                              r"Commission|Council|Committee|Agency|Institute) (?:for|of) [A-Z]")
_AND_ANOTHER_FIELD = re.compile(r" (?:and|&) ((?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+){0,2})\b")


def _bodies_of_two_fields(text: str, mentions: list[Mention]) -> list[Mention]:
    """'the Department of Water Supply and Sanitation': a body's name 'of' one field goes on over 'and' and the
    capitalised words after it (whatever NER made of them)."""
    for mention in [m for m in mentions if m.entity_type == "organization" and _BODY_OF_A_FIELD.match(m.surface)]:
        more = _AND_ANOTHER_FIELD.match(text, mention.end_char)
        if more is None or _ROLE_WORDS.search(more.group(1)) or any(is_given_name(w) for w in more.group(1).split()):
            continue  # (not 'the Ministry of Health and Governor Jane Doe', two speakers)
        end = more.end(1)
        if any(m.start_char < end < m.end_char for m in mentions):
            continue  # (the words open a longer name)
        mentions = [m for m in mentions if m is mention or not (mention.end_char <= m.start_char < end)]
        mention.end_char, mention.surface = end, text[mention.start_char:end]
    return mentions


# '(ELN)', '(Sedena)', '(U.N.)' right after a name: the letters the text will use for it
_DEFINED_ACRONYM = re.compile(r"\s*" + _LETTERS)


# Words that name a role (rules/entities.toml [role_words]): 'the foreign minister', 'Aminu Kazaure, a researcher'
_ROLE_WORDS = re.compile(r"\b(?:%s)\b" % _words_pattern(_RULES["role_words"]), re.IGNORECASE)


def role_of(doc, ent, name_start: int) -> str | None:
    """A role the text states with the name: 'foreign minister Jane Doe', 'X, head of the Y,'."""
    # Before the name, in the same noun phrase: the tokens attached to it to its left.
    tokens = []
    i = ent.start - 1
    while i >= 0 and doc[i].sent == ent.sent and (doc[i].head.i >= ent.start and doc[i].head.i < ent.end or doc[i].head in tokens):
        if doc[i].dep_ in ("det", "punct", "case") and doc[i].lower_ not in ("'s", "’s"):
            break
        tokens.insert(0, doc[i])
        i -= 1
    text = text_of(doc)[tokens[0].idx:name_start].strip() if tokens else ""
    if text and _ROLE_WORDS.search(text):
        return " ".join(text.split())
    # Before the name, with the name its apposition: 'Minister of Information and Culture, Jane Doe'
    # (or, without a verb, the parser's loose attachment: 'Minister of Information, Jane Doe.' as a caption)
    title = ent.root.head if ent.root.dep_ in ("appos", "npadvmod") and ent.root.head.i < ent.start \
        and ent.start > 0 and doc[ent.start - 1].text == "," else None
    if title is not None:
        words = [t for t in title.subtree if t.i < ent.start and not t.is_punct]
        phrase = text_of(doc)[words[0].idx:words[-1].idx + len(words[-1])].strip() if words else ""
        if phrase and _ROLE_WORDS.search(phrase) and len(phrase.split()) <= 8:
            return re.sub(r"^(?:an?|the)\s+", "", phrase, flags=re.IGNORECASE)
    # After the name, an apposition: 'Oleg X, head of the regional administration, said'
    for token in ent:
        for child in token.children:
            if child.dep_ == "appos" and child.i >= ent.end:
                phrase = list(child.subtree)
                appositive = text_of(doc)[phrase[0].idx:phrase[-1].idx + len(phrase[-1])].strip(" ,")
                if _ROLE_WORDS.search(appositive) and len(appositive.split()) <= 12:
                    return re.sub(r"^(?:an?|the)\s+", "", appositive)
    return None


# The dashes that close a dateline: em, en, a horizontal bar ('IPOH, Malaysia, Nov 3 ―') and a hyphen
_LONG_DASHES = "—–―"
_DASH = f"[{_LONG_DASHES}-]"
# 'KHARKIV, Ukraine —' or 'MADRID —' or 'HAYWARD, Calif. (AP) —' opening the article names where it was filed.
# ('BAGHDAD/KURMIN, Iraq (Reuters) -': filed from two places)
_DATELINE = re.compile(r"([A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž .'-]{2,40}?(?:/[A-ZÀ-ÞĀ-Ž][A-ZÀ-ÞĀ-Ž .'-]{2,40}?)*)(?:,\s*([A-ZÀ-ÞĀ-Ž][A-Za-zÀ-ÿ.'’ -]{1,30}?))?"
                       r"(?:,\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:,\s*\d{4})?)?"
                       r"\s*(?:\([A-Za-z0-9 .&/-]+\))?\s*" + _DASH + r"{1,2}\s")
# A dateline in title case closed by a dash ('Idlib, Syria — ', 'Juba — ', 'Juba- '): a place the gazetteer knows
_TITLE_DATELINE = re.compile(r"([A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+){0,2})(?:,\s*[A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+)?)?(?:\s+[" + _LONG_DASHES + r"]|-)\s")


# Datelines that lost their dash in a repost ('TBILISI Protesters gathered', 'TBILISI/ANKARA Talks opened'), or
# never had one ('TBILISI (Kurmin News / Agency - 3rd May, 2021) Protesters'), and agency datelines in title
# case ('Hamburg (dpa) - Dock workers').
_BARE_DATELINE = re.compile(r"([A-Z]{3,}(?:[ -][A-Z]{3,})*(?:/[A-Z]{3,}(?:[ -][A-Z]{3,})*)*)\s+(\([^()\n]{2,80}\)\s+)?(?=[A-Z][a-z]|[A-Z]\s)")
_AGENCY_DATELINE = re.compile(r"([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})\s*\([A-Za-z0-9 .&/]{2,25}\)\s*" + _DASH + r"{1,2}\s")
# ... and in title case with its date and agency, dash or none ('Kurmin City, June 21 (Agency) At least ...')
_DATED_AGENCY_DATELINE = re.compile(r"([A-Z][a-z]+(?: [A-Z][a-z]+){0,2}),\s*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
                                    r"[a-z]*\.? \d{1,2}(?:,\s*\d{4})?\s*\([A-Za-z0-9 .&/]{2,25}\)\s*(?:" + _DASH + r"{1,2}\s)?(?=[A-Z])")


# A headline is one short paragraph: the dateline opens the paragraph after it.
HEADLINE_CHARS = 300
# A dateline in capitals closed by a colon, as South Asian papers write it ('PESHAWAR: ...'); 'UPDATE:' is no place.
_COLON_DATELINE = re.compile(r"([A-Z][A-Z'-]{2,20}(?: [A-Z][A-Z'-]{2,20})?)(?:,\s*[A-Z][A-Za-z]+(?: [A-Z][a-z]+)?)?:\s")


# ... and in title case, right under the headline ('Kurmipur: Floods swept ...'), when it names a town (not 'Update:',
# nor a transcript's 'Doe:')
_TITLE_COLON_DATELINE = re.compile(r"([A-Z][a-z'’-]{2,20}(?: [A-Z][a-z'’-]{2,20})?):\s(?=[A-Z])")


def _a_town_by_its_name(name: str) -> bool:
    place = geocode(name)
    return place is not None and place.kind == "city" and not place.small and not is_given_name(name.split()[0]) \
        and not is_english_word(name.split()[0].lower())


def _dateline_mentions(doc, sentence_index_of) -> list[Mention]:
    text = text_of(doc)
    found = _dateline_at(text, 0, sentence_index_of)
    headline_end = text.find("\n")
    if found or not 0 < headline_end <= HEADLINE_CHARS:
        return found
    below = headline_end + 2 if text[headline_end + 1:headline_end + 2] == "\n" else headline_end + 1
    titled = _TITLE_COLON_DATELINE.match(text, below)
    if titled and not text[:headline_end].rstrip().endswith((".", ":")) and _a_town_by_its_name(titled.group(1)):
        # 'Kurmipur: Floods swept through ...' under the headline: a town's name in title case, closed by a colon
        name = titled.group(1)
        return [Mention(name, below, below + len(name), sentence_index_of(below), "location", dateline=True)]
    if text[headline_end + 1:headline_end + 2] == "\n":  # a headline, a blank line, then the dateline
        return _dateline_at(text, headline_end + 2, sentence_index_of) or _dateline_under_a_standfirst(text, sentence_index_of)
    # a headline's line with the dateline on the next: a dash dateline the gazetteer knows, under a line that
    # is no sentence ('MARTIN: Good morning' in a transcript, 'UPDATE — Police ...' are no datelines)
    match = _DATELINE.match(text, headline_end + 1)
    if match and not text[:headline_end].rstrip().endswith((".", ":")) and geocode(_first_name_of(match)) is not None:
        return _dateline_at(text, headline_end + 1, sentence_index_of)
    return _dateline_under_a_standfirst(text, sentence_index_of)


# Where a page puts a standfirst, a byline or a date between the headline and the story, the dateline opens
# one of the next few paragraphs.
_DATELINE_PARAGRAPHS = 6
_DATELINE_WITHIN = 800


def _dateline_under_a_standfirst(text: str, sentence_index_of) -> list[Mention]:
    """'SFAX, Tunisia — Dock workers ...' under a headline and a standfirst: a dateline in capitals, closed by a
    dash, with its country or state or naming a place the gazetteer knows, opening one of the first paragraphs."""
    starts = [m.start() for m in re.finditer(r"(?:^|\n)\s*(?=\S)", text[:_DATELINE_WITHIN])][1:_DATELINE_PARAGRAPHS + 1]
    for start in starts:
        start += len(text[start:]) - len(text[start:].lstrip())
        match = _DATELINE.match(text, start)
        # ('KURMINVILLE, Mo. –': a town too small for the gazetteer without its state, which the dateline writes)
        if match and match.group(1).strip().isupper() and (match.group(2) or geocode(_first_name_of(match)) is not None):
            return _names_filed_from(match, sentence_index_of)
        colon = _COLON_DATELINE.match(text, start)  # 'KURMIN: Police said ...' under a standfirst
        if colon and geocode(_title_case(colon.group(1))) is not None:
            return [Mention(colon.group(1), start, start + len(colon.group(1)), sentence_index_of(start), "location", dateline=True)]
        bare = _BARE_DATELINE.match(text, start)  # 'KURMIN (Agency - 3rd May, 2021) Police said ...'
        if bare and bare.group(2) and "/" not in bare.group(1) and geocode(_title_case(bare.group(1))) is not None:
            return [Mention(bare.group(1), start, start + len(bare.group(1)), sentence_index_of(start), "location", dateline=True)]
    return []


def _first_name_of(dateline: re.Match) -> str:
    return _title_case(dateline.group(1).split("/")[0].strip())


def _names_filed_from(dateline: re.Match, sentence_index_of) -> list[Mention]:
    """The places a dash dateline names: one, or several joined by slashes."""
    found, position = [], dateline.start(1)
    for name in dateline.group(1).split("/"):
        surface = name.strip()
        start = position + len(name) - len(name.lstrip())
        found.append(Mention(surface, start, start + len(surface), sentence_index_of(start), "location", dateline=True))
        position += len(name) + 1
    return found


def _dateline_at(text: str, start: int, sentence_index_of) -> list[Mention]:
    colon = _COLON_DATELINE.match(text, start)
    if colon and geocode(_title_case(colon.group(1))) is not None:  # 'PESHAWAR: Militants attacked ...'
        return [Mention(colon.group(1), start, start + len(colon.group(1)), sentence_index_of(start), "location", dateline=True)]
    match = _DATELINE.match(text, start)
    if match:
        return _names_filed_from(match, sentence_index_of)
    titled = _TITLE_DATELINE.match(text, start)
    if titled and geocode(titled.group(1)) is not None:
        name = titled.group(1)
        return [Mention(name, start, start + len(name), sentence_index_of(start), "location", dateline=True)]
    match = _BARE_DATELINE.match(text, start) or _AGENCY_DATELINE.match(text, start) or _DATED_AGENCY_DATELINE.match(text, start)
    if not match:
        return []
    found, position = [], start
    for name in match.group(1).split("/"):
        # Only names the gazetteer knows: a capitalised first word is not a place by itself.
        if geocode(_title_case(name)) is not None and (name.isupper() or match.re in (_AGENCY_DATELINE, _DATED_AGENCY_DATELINE)):
            found.append(Mention(name, position, position + len(name), sentence_index_of(position), "location", dateline=True))
        position += len(name) + 1
    return found


@cache
def _well_known_places() -> frozenset[str]:
    """Country names and cities of a million people or more, for places NER missed. Names that are
    also given names ('Jordan', 'Chad') are left to NER."""
    from newsfacts.extract.gazetteer import well_known_place_names

    return frozenset(name for name in well_known_place_names() if not is_given_name(name.split()[0]))


# Named sites NER often misses: 'Constitution Square', 'Palace of Labor', 'Boryspil Airport'.
_SITE = re.compile(
    r"\b(?:(?:\d{1,3}(?:st|nd|rd|th)\s|(?:[A-Z][\w'’-]+\s){1,3})(?:Square|Street|Avenue|Boulevard|Road|Bridge|Airport|Station|Stadium|Hospital|Cathedral|Mosque|Church|Market|Park|Plant|Port)"
    r"|(?:Palace|Church|Cathedral|House|Museum|Theatre|Theater) of (?:the )?[A-Z][\w'’-]+)\b"
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
    place_ends = {m.end_char for m in [*mentions, *found] if m.entity_type == "location"}
    found += _towns_after_locatives(doc, sentence_index_of, taken, countries, place_ends)
    return found


# A name set before an apposition: 'Cetinje, the old royal capital,', 'Iten, the high-altitude training town'
_NAME_BEFORE_AN_APPOSITION = re.compile(r"(?<![\w'’-])([A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2})(?=,\s+(?:a|an|the)\s)")


def _towns_the_text_calls_a_kind_of_place(doc, sentence_index_of, taken: list, countries: frozenset[str]) -> list[Mention]:
    """A town NER missed that an apposition calls a town, a capital or a village ('Iqaluit, the capital of
    Nunavut,'): a town of the document's countries, or a city of 100,000 people or more anywhere."""
    text = text_of(doc)
    _before, after = _kind_of_place()
    found = []
    for match in _NAME_BEFORE_AN_APPOSITION.finditer(text):
        start, end = match.span(1)
        name = match.group(1)
        if any(s < end and start < e for s, e in taken) or name.split()[0].lower() in STOP_WORDS or not after.match(text[end:end + 60]):
            continue
        place = geocode(name, countries)
        if place is None or place.kind != "city" or not (place.country_code in countries or place.population >= A_CITY_ANYWHERE) \
                or (is_given_name(name.split()[0]) and place.small):
            continue
        found.append(Mention(name, start, end, sentence_index_of(start), "location"))
        taken.append((start, end))
    return found


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


# ' of Pakistan' after a body's name: 'the Human Rights Commission of Pakistan', which NER may end before its 'of'
_OF_A_COUNTRY_AFTER = re.compile(r" of (?:the )?([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2})(?![\w'’-])")


def _bodies_named_with_their_country(text: str, mentions: list[Mention]) -> list[Mention]:
    """A body's name goes on with 'of' and its country ('the Kurmin Audit Commission of Chile'): the country is part
    of the name (and no place of its own there)."""
    grown = []
    for mention in mentions:
        country = _OF_A_COUNTRY_AFTER.match(text, mention.end_char) if mention.entity_type == "organization" else None
        if country is None or mention.surface.split()[-1].lower() not in organisation_words():
            continue
        place = geocode(country.group(1))
        if place is None or place.kind != "country":
            continue
        mention.surface, mention.end_char = text[mention.start_char:country.end()], country.end()
        grown.append(mention)
    return [m for m in mentions if m in grown or not any(g.start_char <= m.start_char and m.end_char <= g.end_char for g in grown)]


# A name NER ran on over 'in' and a town: 'Galle Face Green in Colombo', 'the Kurmin Hotel in Dalen'
_IN_A_TOWN_AT_THE_END = re.compile(r"^(?P<first>.+?) in (?P<town>[A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+)?)$")


def _places_after_in_inside_a_name(mentions: list[Mention], sentence_index_of, countries: frozenset[str]) -> list[Mention]:
    """A name that ends in 'in' and a town (one of the document's countries, or a city of 100,000 people or more
    anywhere) is two names: what is there, and the town."""
    found = []
    for mention in mentions:
        split = _IN_A_TOWN_AT_THE_END.match(mention.surface) if mention.entity_type != "person" and not mention.dateline else None
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


# 'Everyone in the market calls him "Kurmo Dal"', 'Jan Doe, known to all as "Kurmo"', 'nicknamed "Kurmo"': another
# name for the person named just before (a name in quotation marks, or one after 'calls him')
_ANOTHER_NAME = re.compile(
    r"\b(?:call(?:s|ed)?\s+(?:him|her)\s+[\"“‘']?|(?:known|referred\s+to)(?:\s+to\s+\w+)?\s+as\s+[\"“‘']|nicknamed\s+[\"“‘'])"
    r"(?P<name>[A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+){0,2})")


def _people_called_by_another_name(text: str, sentence_index_of, mentions: list[Mention]) -> None:
    """Mentions of another name the text gives a person ('calls him "Kurmo Dal"') are that person: the last
    person named in full before it, in its sentence or the one before."""
    for match in _ANOTHER_NAME.finditer(text):
        sentence = sentence_index_of(match.start())
        named = [m for m in mentions if m.entity_type == "person" and len(m.surface.split()) >= 2 and m.key
                 and m.end_char <= match.start() and m.sentence_index >= sentence - 1]
        if not named:
            continue
        person = max(named, key=lambda m: m.start_char)
        other = name_key(match.group("name"))
        if other == person.key or any(m.entity_type == "person" and m.key == other and len(m.surface.split()) >= 2
                                      and m.start_char < match.start() for m in mentions):
            continue  # (a name that is someone else's, written before)
        start, end = match.span("name")
        for mention in mentions:
            if mention.entity_type in ("person", "organization") and (
                    name_key(mention.surface) == other or (start <= mention.start_char and mention.end_char <= end)):
                mention.entity_type, mention.key, mention.another_name = "person", person.key, True


def _word_before(text: str, position: int) -> str:
    """The lower-cased word just before `position` ('' at the start)."""
    words = text[max(0, position - 30):position].split()
    return words[-1].lower() if words else ""


def _same_given_name(a: str, b: str) -> bool:
    """'Will' and 'William' (a short form), 'Habibullah' and 'Habiullah' (one letter of transliteration)."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if len(short) >= 3 and long.startswith(short):
        return True
    return len(short) >= 5 and Levenshtein.distance(a, b) <= 1


def _one_spelling_per_person(full_keys: set[str]) -> dict[str, str]:
    """Full names of one surname whose given names are one name in two spellings: each to the longest."""
    canonical: dict[str, str] = {}
    for key in sorted(full_keys, key=lambda k: (-len(k), k)):
        given, surname = key.split()[0], key.split()[1:]
        same = [k for k in canonical.values() if k.split()[1:] == surname and _same_given_name(k.split()[0], given)]
        canonical[key] = same[0] if same else key
    return canonical


# Abbreviations written before a given name ('Md Kurmisur Rahman'): the given name is the word after
_GIVEN_NAME_PREFIXES = frozenset(w.lower() for w in _RULES["given_name_prefixes"])


def _last_full_mention_before(people: list[Mention], spelling: dict[str, str]) -> dict[str, dict[int, int]]:
    """For each full name, where the text last wrote it before each single-word mention: {key: {start: start}}."""
    full_starts: dict[str, list[int]] = {}
    for mention in people:
        key = name_key(mention.surface)
        if len(key.split()) >= 2:
            full_starts.setdefault(spelling.get(key, key), []).append(mention.start_char)
    single = [m.start_char for m in people if len(name_key(m.surface).split()) == 1]
    return {key: {start: max((s for s in starts if s < start), default=-1) for start in single}
            for key, starts in full_starts.items()}


def _named_last(last_named: dict[str, dict[int, int]], one: str, other: str, position: int) -> bool:
    """The text wrote `one` in full after `other`, before `position`."""
    return last_named.get(one, {}).get(position, -1) > last_named.get(other, {}).get(position, -1)


def _assign_person_keys(people: list[Mention]) -> None:
    full_keys = {name_key(m.surface) for m in people if len(name_key(m.surface).split()) >= 2}
    spelling = _one_spelling_per_person(full_keys)
    full_keys = set(spelling.values())
    by_surname: dict[str, set[str]] = {}
    by_second_surname: dict[str, set[str]] = {}
    by_given_name: dict[str, set[str]] = {}
    written = {name_key(m.surface): m.surface for m in people}
    for key in full_keys:
        words = key.split()
        spelled = re.split(r"[\s-]+", written.get(key, ""))  # as the key splits them: 'Jean-Pierre' is two words
        if len(words) >= 3 and len(spelled) == len(words) and not is_given_name(spelled[-2]):
            # 'María Guadalupe Ortiz Benavides' is 'Ortiz' to the text that follows (the first of two
            # surnames), and 'Benavides' only when no one else's first surname is.
            by_surname.setdefault(words[-2], set()).add(key)
            by_second_surname.setdefault(words[-1], set()).add(key)
        else:
            by_surname.setdefault(words[-1], set()).add(key)
        by_given_name.setdefault(words[1] if words[0] in _GIVEN_NAME_PREFIXES and len(words) > 2 else words[0], set()).add(key)
    last_named = _last_full_mention_before(people, spelling)
    for mention in people:
        key = spelling.get(name_key(mention.surface), name_key(mention.surface))
        longer = [k for k in full_keys if k.endswith(" " + key)]
        if len(key.split()) >= 2 and len(longer) == 1:
            # 'Van Der Berg' -> 'anna van der berg': a surname of several words, written alone.
            mention.key = longer[0]
            continue
        words = key.split()
        with_middle = [k for k in full_keys if len(k.split()) > len(words) == 2 and k.split()[0] == words[0] and k.split()[-1] == words[-1]]
        if len(with_middle) == 1:
            mention.key = with_middle[0]  # 'Ifrah Nur' is the 'Ifrah Abdirahman Nur' the text names in full
            continue
        if len(key.split()) == 1:
            # 'Smith' -> 'jane smith' when only one full name ends so; else 'Jane' when only one begins so
            given = by_given_name.get(key, ()) if is_given_name(mention.surface) or not (
                by_surname.get(key) or by_second_surname.get(key)) else ()
            fitting = [next(iter(full_names)) for full_names in (by_surname.get(key, ()), by_second_surname.get(key, ()), given)
                       if len(full_names) == 1]
            if fitting:
                key = fitting[0]
                if len(given) == 1 and fitting[-1] != key and _named_last(last_named, fitting[-1], key, mention.start_char):
                    key = fitting[-1]  # ('Ahmed', one person's surname and another's given name: the one the text just named)
            elif key not in by_given_name and key not in by_surname and key not in by_second_surname:
                # 'Cruz' for 'Marco Cruz Quintana' where 'Cruz' is also a given name somewhere: the first of two
                # surnames, when one full name alone has it there and no one's given name is it; or another word
                # inside a long name by which the text goes on to name its bearer ('Kurmi' for 'Jan Kurmi Dalen Mo')
                middle = [k for k in full_keys if len(k.split()) >= 3 and key in k.split()[1:-1]]
                key = middle[0] if len(middle) == 1 else key
        mention.key = key


def resolve_entities(mentions: list[Mention], context_countries: frozenset[str], text: str = "") -> dict[str, Entity]:
    """Entities of one document, keyed by id; sets each mention's entity_id. Places are geocoded, each
    in the country or state written after it ('Perth, Scotland', 'Franklin, Texas') when there is one."""
    entities: dict[str, Entity] = {}
    by_group: dict[tuple[str, str], list[Mention]] = {}
    qualified = _qualified_places(mentions, context_countries, text)
    # (a town the text calls one is still the nearest of its namesakes, below; a qualified one is what its qualifier says)
    called = _called_towns(mentions, context_countries, text, set(qualified))
    places = {id(m): (qualified.get(id(m)) or called.get(id(m)) or m.city_part_place or geocode(_place_name(m), context_countries))
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
    _in_the_divisions_named(mentions, places, context_countries, text, set(qualified))
    _near_the_town_named_after(mentions, places, text)
    _listed_in_the_town_after(mentions, places, text)
    _no_namesake_abroad_for_a_local_place(mentions, places, context_countries, text)
    for mention in mentions:
        place = places.get(id(mention))
        if mention.entity_type == "location" and place is None:
            place = _container(mention, mentions, places)
        if place is not None:
            mention.key = f"geo:{place.name}:{place.country_code}"
            mention.place = place
        by_group.setdefault((mention.entity_type, mention.key), []).append(mention)
    for (entity_type, key), group in by_group.items():
        eid = entity_id(entity_type, key)
        place = group[0].place
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


def principal_country(doc, mentions: list[Mention]) -> str | None:
    """The one country a document is about, where it is clear: the country its places and nationality words
    name twice or more, and three times as often as any other, and its dateline's if it has one, unless the
    dateline is a bureau's, whose country the story names once more at most (a Geneva bureau's story of Sudan is
    about Sudan; Gaza with 'Israeli' in it is about no one country). Needs resolved mentions."""
    datelines: dict[str, int] = {}
    for mention in mentions:
        if mention.dateline and mention.place is not None and mention.place.country_code:
            datelines[mention.place.country_code] = datelines.get(mention.place.country_code, 0) + 1
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.entity_type == "location" and mention.place is not None and mention.place.country_code:
            counts[mention.place.country_code] = counts.get(mention.place.country_code, 0) + 1
    text = text_of(doc)
    for ent in doc.ents:
        if ent.label_ == "NORP" and not _COMPOUND_ADJECTIVE.match(text, ent.end_char):
            code = country_codes().get(demonyms().get(ent.text.lower(), ""))
            if code:
                counts[code] = counts.get(code, 0) + 1
    # A bureau's dateline ('DHAKA' over a story of Myanmar) says where the story was filed, not what it is about.
    most = max(counts, key=lambda code: (counts[code], code), default=None)
    bureaus = {code for code, written in datelines.items() if code != most and counts.get(code, 0) - written <= 1}
    for code in bureaus:
        counts[code] -= datelines[code]
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[0] < 3 * ranked[1]):
        return None
    country = next(code for code, count in counts.items() if count == ranked[0])
    return country if all(code == country or code in bureaus for code in datelines) else None


# A ministry named without its country: 'Interior Ministry', 'Energy and Mineral Resources Ministry',
# 'Ministry of Health'.
_MINISTRY = re.compile(r"(?:[A-Z][\w'’-]*(?: (?:and|&))? ){1,5}Ministry|Ministry of (?:the )?[A-Z][\w'’-]*(?: (?:and |& )?[A-Z][\w'’-]*){0,4}")


@cache
def _country_words() -> frozenset[str]:
    """Countries' names and nationality words, lower-cased."""
    return frozenset({name.lower() for name in country_codes()} | set(demonyms()))


def qualify_state_ministries(entities: dict[str, Entity], mentions: list[Mention], text: str, country: str | None) -> None:
    """A ministry or another body of a state keeps its country in its name, so that two countries' interior
    ministries stay two entities across the warehouse: "Chile's National Police" is the Chilean National Police,
    "Chile's Defence Ministry" and 'the Chilean Defence Ministry' (where NER left the country out) are the
    Chilean Defence Ministry; a later 'the Defence Ministry' is the one the text last qualified; and a ministry
    the text never names with a country is the document's country's ('the Interior Ministry' in a document
    about Senegal is the Senegalese Interior Ministry)."""
    document_adjective = country_adjective(country) if country else None
    names_of_countries = _country_words()
    surfaces: dict[str, list[Mention]] = {}
    for mention in mentions:
        surfaces.setdefault(mention.entity_id, []).append(mention)
    for identifier, entity in list(entities.items()):
        name = entity.canonical_name
        ministry = _MINISTRY.fullmatch(name) is not None
        if entity.entity_type != "organization" or not (ministry or _NAMED_STATE_BODY.fullmatch(name)):
            continue
        lowered = f" {name.lower()} "
        if any(f" {country_name} " in lowered for country_name in names_of_countries):
            continue  # 'Ministry of Foreign Affairs of Ukraine'
        own = sorted(surfaces.get(identifier, []), key=lambda m: m.start_char)
        written = [_country_adjective_before(text, m.start_char) for m in own]
        # (the document's country only for a ministry: 'the Army' or 'the National Police' alone may be any)
        last = next((adjective for adjective in written if adjective), document_adjective if ministry else None)
        if last is None:
            continue
        for mention, adjective in zip(own, written):
            last = adjective or last
            qualified = f"{last} {name}"
            moved_to = entity_id("organization", name_key(qualified))
            if moved_to not in entities:
                entities[moved_to] = replace(entity, entity_id=moved_to, canonical_name=qualified, aliases=list(entity.aliases))
            mention.entity_id, mention.key = moved_to, name_key(qualified)
        if not any(m.entity_id == identifier for m in own):
            del entities[identifier]


# 'Armed Forces', 'National Police', 'Army': a name that ends in the word for a body of a state
_NAMED_STATE_BODY = re.compile(r"(?:[A-Z][\w'’-]* ){0,3}(?:%s)" % "|".join(w.title() for w in _RULES["state_body_words"]))
# "Chile's ", 'South Korea’s ', 'Chilean ' just before a name
_COUNTRY_JUST_BEFORE = re.compile(r"\b([A-Z][\w.]*(?: [A-Z][\w.]*){0,2})(['’]s)? $")


def _country_adjective_before(text: str, position: int) -> str | None:
    """The country a name is written with ("Chile's", 'Chilean'), as its adjective."""
    written = _COUNTRY_JUST_BEFORE.search(text, max(0, position - 40), position)
    if written is None:
        return None
    words = written.group(1).split()
    for start in range(len(words)):  # 'Santiago Chile's' has no country, 'Meanwhile Chile's' has one
        candidate = " ".join(words[start:])
        # (a possessive is a country's name, a bare word its nationality word)
        if (written.group(2) is not None) == (candidate in country_codes()):
            adjective = adjective_of_country(candidate)
            if adjective is not None:
                return adjective
    return None


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
            places[id(mention)] = min(choices, key=lambda p: min(
                (p.latitude - a.latitude) ** 2 + (p.longitude - a.longitude) ** 2 for a in near))


def _nearest_of_cities_named_alike(mention: Mention, place: Place, mentions: list[Mention], places: dict[int, Place | None],
                                   anchored: list[tuple[Mention, Place]], context_countries: frozenset[str]) -> None:
    """Two cities of one country with one name, neither a tenth of the other's size (no state the text names
    tells them apart): the one nearer the document's other cities."""
    if place.kind != "city" or f"{place.country_code}.{place.admin1}" in context_countries:
        return
    alike = [p for p in towns_named(_place_name(mention), frozenset({place.country_code}))
             if not p.small and p.population >= place.population / 10]
    others = [a for m, a in anchored if _place_name(m) != _place_name(mention) and a.name != place.name]
    if len(alike) > 1 and others:
        places[id(mention)] = min(alike, key=lambda p: min((p.latitude - a.latitude) ** 2 + (p.longitude - a.longitude) ** 2
                                                           for a in others))


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
        if place is not None and (place.kind != "city" or (place.population >= BIG_CITY and written_as_its_own_name(place, name))):
            continue
        for scope in (named.get(mention.sentence_index, frozenset()), everywhere):
            if not scope:
                continue
            if place is not None and divisions_of(place) & scope:
                break
            towns = [t for t in towns_called(name, frozenset(c for c, _level, _key in scope)) if divisions_of(t) & scope]
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


def _called_towns(mentions: list[Mention], context_countries: frozenset[str], text: str, done: set[int]) -> dict[int, Place]:
    """'the city of Florida' in a story from Uruguay: a name the text calls a town is the town of the
    document's countries, not the state, region or country of that name, nor a city of that name abroad."""
    before, _after = _kind_of_place()
    listed = [match.span(1) for match in _LOCALITY_LIST.finditer(text)]  # 'the coastal towns of Kurmby, Dala and X'
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
        kind = _state_or_country(_place_name(place_mention))
        if kind and (
                (before is not None and text[before.end_char:place_mention.start_char] == ", " and _state_or_country(_place_name(before)) == kind)
                or (after is not None and _LIST_GOES_ON.fullmatch(text, area_mention.end_char, after.start_char)
                    and _state_or_country(_place_name(after)) == kind == _state_or_country(_place_name(area_mention)))):
            continue  # 'Vermont, Maine and New Hampshire': a list of states, not a town in one
        abbreviation = text[area_mention.start_char:area_mention.end_char + 1].rstrip()
        if abbreviation not in _DATELINE_DIVISIONS and abbreviation.rstrip(".") in _DATELINE_DIVISIONS:
            abbreviation = abbreviation.rstrip(".")
        if abbreviation in _DATELINE_DIVISIONS:  # 'PARIS, Tenn. (AP)': a state as AP abbreviates it
            division = _DATELINE_DIVISIONS[abbreviation]
            place = geocode_town(_place_name(place_mention), frozenset({division.split(".")[0], division}))
            if place is not None:
                found[id(place_mention)] = place
            continue
        area = geocode(_place_name(area_mention), context_countries)
        if area is not None and area.kind == "city" and area.country_code not in context_countries:
            # 'Christiana, Manchester' in a text about Jamaica: the parish there, not the city abroad
            area = division_place(_place_name(area_mention), context_countries) or area
            if is_division(area):
                found[id(area_mention)] = area
        if area is None or area.kind not in ("country", "state", "region") or not area.country_code:
            continue
        if is_division(area):
            # 'Dalen, Shropshire': the town of that name in that county, if the gazetteer has one there
            in_the_country = towns_called(_place_name(place_mention), frozenset({area.country_code}))
            towns = [t for t in in_the_country if division_holds(area, t)]
            if towns:
                found[id(place_mention)] = max(towns, key=lambda t: (written_as_its_own_name(t, _place_name(place_mention)), t.population))
            elif not in_the_country and not _known_anywhere(geocode(_place_name(place_mention), frozenset({area.country_code}))):
                # a town the gazetteer lacks in that country (and no great city elsewhere): the county the text puts
                # it in, no nearer
                found[id(place_mention)] = _placed_at(_place_name(place_mention), area)
            continue
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
            # a town the gazetteer knows only in another state: the state the text puts it in, no nearer
            place = _placed_at(_place_name(place_mention), area)
        if place is not None and place.country_code == area.country_code and place.kind not in ("country",):
            found[id(place_mention)] = place
    # 'PARIS, Tenn. (AP) — ... homes in Paris': the name written alone later is the same town
    by_name = {name_key(_place_name(m)): found[id(m)] for m in locations if id(m) in found}
    for mention in locations:
        if id(mention) not in found and name_key(_place_name(mention)) in by_name:
            found[id(mention)] = by_name[name_key(_place_name(mention))]
    return found


# A side of a town written before its name: 'East Kurmby', 'South-Dalesford', 'Upper Ashwick'
_SIDE_OF_A_TOWN = re.compile(r"(?:North|South|East|West|Upper|Lower|Central)[ -]([A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+)?)")


def _part_of_a_town_named_after_it(name: str, countries: frozenset[str]) -> Place | None:
    """'East Kurmby', which the gazetteer does not hold, where it holds the town 'Kurmby' of the document's
    countries: placed at that town (a part or a neighbour of it), under its own name."""
    side = _SIDE_OF_A_TOWN.fullmatch(name)
    town = geocode_town(side.group(1), countries) if side and countries else None
    if town is None:
        return None
    return _placed_at(name, town)


def _placed_at(name: str, place: Place, relation: str = "within") -> Place:
    """A place the gazetteer lacks, given the coordinates of the place the text puts it in or near, under its own name
    (`geocode_basis` says which: 'within Kurmby', 'near Kurmby')."""
    return Place(name, place.latitude, place.longitude, place.country_code, "within", 0, f"{relation} {place.name}", place.admin1)


def _place_name(mention: Mention) -> str:
    """The name a place mention is looked up by."""
    return _title_case(mention.place_query or mention.surface)


def _title_case(surface: str) -> str:
    return surface.title() if surface.isupper() and len(surface) > 3 else surface


_NATURAL_FEATURE = re.compile(r"\b(sea|ocean|river|gulf|bay|strait|lake|mountains?|desert|peninsula|valley|coast|continent)$", re.IGNORECASE)


def _container(mention: Mention, mentions: list[Mention], places: dict) -> Place | None:
    """A place the gazetteer does not know (a square, a building, a village) is located by the
    place the text puts it in: the nearest city in its sentence, else the document's main city."""
    if _NATURAL_FEATURE.search(mention.surface):
        return None  # a sea or a river is not inside a city

    def usable(p: Place | None) -> bool:
        # (a state or province is too wide to place a village at its centre; a county or district is not)
        return p is not None and p.kind in ("city", "region") and p.latitude is not None and (not is_division(p) or is_county(p))

    # (a dateline is a sentence of its own, but places the sentence it opens: 'KURMIN — Rebels took Dala')
    same_sentence = [(abs(m.start_char - mention.start_char), places[id(m)]) for m in mentions
                     if (m.sentence_index == mention.sentence_index or (m.dateline and m.sentence_index == mention.sentence_index - 1))
                     and usable(places.get(id(m)))]
    if same_sentence:
        container = min(same_sentence, key=lambda pair: pair[0])[1]
    else:
        counts: dict[str, tuple[int, Place]] = {}
        for m in mentions:
            p = places.get(id(m))
            if usable(p) and p.kind == "city":
                counts[p.name] = (counts.get(p.name, (0, p))[0] + 1, p)
        if not counts:
            return None
        container = max(counts.values(), key=lambda pair: pair[0])[1]
    return _placed_at(mention.place_query or mention.surface, container)


# A nickname in quotation marks inside a person's name: 'Emmanuel "Boyet" Macaraeg'.
_NICKNAME = re.compile(r"\s[\"“‘'][^\"“”‘’']{1,30}[\"”’']\s")


def _canonical_spelling(group: list[Mention]) -> str:
    """The fullest spelling, most often written; a person's name without the nickname it may quote, and not
    another name the text says the person goes by."""
    counts: dict[str, int] = {}
    for mention in [m for m in group if not m.another_name] or group:
        surface = _NICKNAME.sub(" ", mention.surface) if mention.entity_type == "person" else mention.surface
        counts[surface] = counts.get(surface, 0) + 1
    return max(counts, key=lambda s: (len(s.split()), counts[s], s))




@cache
def _natural_feature_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules("entities")["natural_feature_words"])


def _body_of_a_nation(ent) -> str | None:
    """The country whose nationality word opens an organisation's name ('the Kenyan Police Service'), or None."""
    first = next((t for t in ent if t.pos_ != "DET"), None)
    if first is None:
        return None
    for last in (first.i + 1, first.i):  # 'South African', 'Kenyan'
        words = ent.doc[first.i:last + 1]
        if last < ent.end - 1 and words.text.lower() in demonyms():
            if _COMPOUND_ADJECTIVE.match(text_of(ent.doc), words.end_char):
                return None  # 'the Russian-backed Kurmin Front'
            return country_codes().get(demonyms()[words.text.lower()])
    return None


_LOCATIVE_BEFORE = re.compile(r"\b(?:%s)\s+(?:the\s+)?$" % _words_pattern(_RULES["locative_prepositions"] + ["across", "throughout"]),
                              re.IGNORECASE)


def _written_in_capitals(sentence) -> bool:
    """A headline or a sentence set in capitals, where any short word may look like an abbreviation."""
    letters = [c for c in sentence.text if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.6 * len(letters)


def context_countries(doc) -> frozenset[str]:
    """Countries a document names or implies ('Ukrainian' -> UA), to disambiguate its places, and the
    US states it names or implies by a city ('US.TX' for 'Texas' or 'Houston')."""
    codes, by_another_spelling = set(), set()
    nationalities = set()  # the countries of nationality words ('Russian troops'), who acts, not always where
    text = text_of(doc)
    for ent in doc.ents:
        if ent.label_ == "NORP" and ent.text.lower() in demonyms():
            nationalities.add(country_codes().get(demonyms()[ent.text.lower()], ""))
        if ent.label_ == "NORP" and _COMPOUND_ADJECTIVE.match(text, ent.end_char):
            continue  # 'the Russian-occupied town', 'a US-made missile': another country's doing, not where it is
        if ent.label_ in ("GPE", "NORP", "LOC"):
            name = demonyms().get(ent.text.lower(), _POSSESSIVE.sub("", ent.text))  # a country's name with "'s" names it too
            if not name.split():
                continue  # (an apostrophe and an 's' alone, which the recogniser may take for a place)
            place = geocode(name)
            if ent.text.isupper() and len(ent.text) <= 3 and (place is None or place.kind != "country" or _written_in_capitals(ent.sent)
                                                              or not _LOCATIVE_BEFORE.search(text, max(0, ent.start_char - 20), ent.start_char)):
                # 'LA' in a text written in capitals is no evidence of California, nor 'US forces' of the United States
                # (but 'floods in the UK' are there)
                continue
            if (place is None or (place.kind == "city" and place.population < 1_000_000)) \
                    and name.split()[-1].lower() not in _natural_feature_words():
                # 'Kerala', 'Idlib province': a country's first-level division names its country (not 'the
                # Red Sea', which a Sudanese state is named after)
                province = province_country(name) or (division_country(name) if place is None else None)
                if province:
                    codes.add(province)
            if place is None:
                continue
            if place.kind == "region" and place.country_code:
                codes.add(place.country_code)
            elif place.kind == "country":
                codes.add(place.country_code)
            elif place.kind == "state" and place.admin1:
                codes.update({"US", f"US.{place.admin1}"})
            elif place.kind == "county" and place.country_code:
                codes.add(place.country_code)  # 'Columbia County': some county of that name, in its country
            elif place.kind == "city" and place.population >= 1_000_000 and not written_as_its_own_name(place, name):
                # 'Bombay' for Mumbai counts, but only where nothing else names a country (a small town's name
                # may be among the alternate spellings of a great city abroad)
                by_another_spelling.add(place.country_code)
            elif place.kind == "city" and place.population >= 1_000_000 and not shares_its_name_abroad(place, name):
                codes.add(place.country_code)  # 'Sydney', 'Karachi': the document is about that country
                if place.country_code == "US":
                    codes.add(f"US.{place.admin1}")
            elif place.kind == "city" and place.country_code == "US" and place.population >= 100_000:
                codes.add(f"US.{place.admin1}")
            elif place.kind == "city" and only_city_named(name) is not None and ent.label_ in ("GPE", "LOC") \
                    and not towns_abroad_share_the_name(place, name):
                codes.add(place.country_code)  # 'Kurmagrad': the one town of that name anywhere names its country
        elif ent.label_ == "ORG" and (nation := _body_of_a_nation(ent)):
            # 'the Kurmish Defence Force', 'the Chilean Navy': a country's own body, as 'Australian troops' names it
            codes.add(nation)
        elif ent.label_ in ("ORG", "PERSON", "FAC") and not is_given_name(ent.text.split()[0]):
            # 'Karachi's commissioner': a country, or a city of a million people that no other city is named like,
            # whatever NER made of it ('Hyderabad' could be two)
            place = geocode(_POSSESSIVE.sub("", ent.text))
            if place is not None and (place.kind == "country" or (place.kind == "city" and place.population >= 1_000_000
                                                                  and only_city_named(_POSSESSIVE.sub("", ent.text)) is not None)):
                codes.add(place.country_code)
            elif place is not None and place.kind == "region" and place.country_code \
                    and province_country(_POSSESSIVE.sub("", ent.text).removeprefix("the ")):
                codes.add(place.country_code)  # 'the NSW SES', 'the New South Wales coast': a state's name names its country
    for division in _NAMED_DIVISION.finditer(text_of(doc)):
        # 'in Jonglei state', 'Unity State', 'Idlib province', whatever NER made of the name
        province = province_country(division.group(0)) or division_country(division.group(0))
        if province:
            codes.add(province)
            capital = geocode_town(division.group(1), frozenset({province})) if province != "US" else None  # (US states: above)
            if capital is not None and capital.admin1 and not capital.small:
                # 'Kurmin state' is the division of the city of Kurmin: its towns come before namesakes elsewhere
                codes.add(f"{province}.{capital.admin1}")
    codes.update(filter(None, (province_country(county.group(0)) for county in _COUNTY_WITH_ITS_KIND_BEFORE.finditer(text_of(doc)))))
    abbreviation = _DATELINE_DIVISION.search(text_of(doc)[:200])
    if abbreviation:  # 'NEWTON, Kan. (AP) —': the dateline's state
        division = _DATELINE_DIVISIONS[abbreviation.group(1)]
        codes.update({division.split(".")[0], division})
    for abbreviated in _TOWN_AND_ABBREVIATED_DIVISION.finditer(text_of(doc)):
        # 'from Kurmby, Ont., to Dalesford, Ont.': a town and its province or state as agencies abbreviate them
        division = _DATELINE_DIVISIONS[abbreviated.group(1)]
        codes.update({division.split(".")[0], division})
    dateline = _DATELINE_COUNTRY.match(text_of(doc)[:200])
    place = geocode(dateline.group(1)) if dateline else None
    if place is not None and place.kind in ("country", "region") and place.country_code:
        codes.add(place.country_code)  # 'MOPTI, Mali (Reuters) -', 'Lismore, NSW —', whatever NER made of 'Mali'

    if not {code for code in codes if "." not in code}:
        # A text that names no country ('Flash floods hit Kurmby and Dalesford; crews came from Ashwick'): the
        # country that holds a town of most of its place names, by a wide margin, is the text's (before a
        # great city's other spellings, or a big US city that a small town abroad may share a name with)
        country = _country_most_place_names_are_in(doc)
        if country is not None:
            codes = {country} | {code for code in codes if code.startswith(country + ".")}
    if not codes:
        codes |= by_another_spelling
    if not codes - nationalities:
        # 'JUBA (Reuters) -' and nothing else that names a country (nationality words aside: 'KURMIN CITY —
        # Russian troops ...'): the city the story was filed from
        filed_from = _DATELINE.match(text_of(doc)[:200])
        name = _first_name_of(filed_from) if filed_from else ""
        place = geocode(name) if filed_from else None
        if place is not None and place.kind == "city" and not place.small and not shares_its_name_abroad(place, name):
            codes.add(place.country_code)
    return frozenset(codes)


def _country_most_place_names_are_in(doc, at_least: int = 3) -> str | None:
    """The country holding a town of each of `at_least` of the text's place names (the names the recogniser calls
    places or bodies, one word or two), twice as many as any other country holds; or None."""
    names = {_POSSESSIVE.sub("", ent.text) for ent in doc.ents if ent.label_ in ("GPE", "LOC", "ORG", "FAC")
             and 1 <= len(ent.text.split()) <= 2 and ent.text[:1].isupper() and not ent.text.isupper()}
    votes: dict[str, int] = {}
    for name in names:
        for country in countries_with_a_town_named(name):
            votes[country] = votes.get(country, 0) + 1
    ranked = sorted(votes.items(), key=lambda item: (-item[1], item[0]))
    if not ranked or ranked[0][1] < at_least or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


_COMPOUND_ADJECTIVE = re.compile(r"-[a-z]+")
# A first-level division named with its kind: 'Jonglei state', 'Unity State', 'Idlib province'.
_NAMED_DIVISION = re.compile(r"\b([A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+)?) (?:[Ss]tate|[Pp]rovince|[Rr]egion|[Gg]overnorate|[Oo]blast)\b")
# ... and a county with its kind before it: 'County Kerry', 'Co Kerry' (Irish usage)
_COUNTY_WITH_ITS_KIND_BEFORE = re.compile(r"\b(?:County|Co\.?) [A-Z][\w'’-]+\b")


# A dateline's country: 'BAMAKO, Mali —', 'MOPTI, Mali (Reuters) -'.
_DATELINE_COUNTRY = re.compile(r"[A-Z][A-Za-z .'-]+, ([A-Z][A-Za-z]+(?: [A-Z][a-z]+){0,2})\s*(?:\([A-Za-z0-9 .-]+\)\s*)?" + _DASH + r"\s")


# A dateline's state or province as news agencies abbreviate it: abbreviation -> 'country.division'
_DATELINE_DIVISIONS: dict[str, str] = {**{abbreviation: f"US.{code}" for abbreviation, code in load_rules("regions")["ap_state_abbreviations"].items()},
                              **load_rules("regions")["dateline_division_abbreviations"]}
_TOWN_AND_ABBREVIATED_DIVISION = re.compile(r"[A-Z][a-z]+, (%s)(?=[\s,)])" % "|".join(
    re.escape(a) for a in sorted(_DATELINE_DIVISIONS, key=len, reverse=True) if a.endswith(".")))
_DATELINE_DIVISION = re.compile((r"^[A-Z][A-Z .'-]+, (%s)(?=[\s(]|" + _DASH + ")") % "|".join(re.escape(a) for a in sorted(_DATELINE_DIVISIONS, key=len, reverse=True)))
