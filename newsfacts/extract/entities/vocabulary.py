"""The words the entity passes read from rules/entities.toml (and a few lists of the attribution and
casualty rules): titles, roles, words for bodies and places. Each list is loaded once here and imported by
the passes that use it.
"""

from __future__ import annotations

import re
from functools import cache

from newsfacts.rules import load_rules


@cache
def _rules():
    """The words that never name a person, those that name no organisation or place, and the pattern of the titles
    and honorifics written before a person's name."""
    rules = load_rules("entities")
    prefixes = sorted((p.lower() for p in rules["person_prefixes"]), key=len, reverse=True)
    first_only = sorted((p.lower() for p in rules["name_first_honorifics"]), key=len, reverse=True)
    return (
        {w.lower() for w in rules["not_person_words"] + rules["storm_words"]},
        {w.lower() for w in rules["not_organization"]} | {w.lower() for w in rules["not_location"]},
        # Everything up to the last title word: 'Orlando Police Chief John Mina' -> 'John Mina'.
        # and then an honorific of another language at the start ('Defence Minister Qari X' -> 'X').
        re.compile(r"^(?:(?:.*\s)?(?:%s)\.?\s+)?(?:(?:%s)\.?\s+)?(?=[A-Z])" % (
            # (a title of two words is written with a hyphen as often as with a space: 'Lt Gen', 'Lt-Gen')
            "|".join(re.escape(p).replace(r"\ ", r"[\s-]") for p in prefixes), "|".join(re.escape(p) for p in first_only)), re.IGNORECASE),
    )


_RULES = load_rules("entities")
# Titles that never name anyone alone: roles, titles written before names, and initials a title goes by ('DG', 'IGP')
_TITLES_ALONE = frozenset(_RULES["role_words"]) | frozenset(p.lower() for p in _RULES["person_prefixes"]) \
    | frozenset(load_rules("attribution")["title_classes"])


def _words_pattern(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# 'Kurmin State', 'Dalen Province': an area's kind written last (rules/entities.toml [areas])
_AREA_LAST = re.compile(r"\s(?:%s)$" % _words_pattern(_RULES["areas"]["kinds"]))
_ANY_AREA_LAST = re.compile(r"\s(?:%s)$" % _words_pattern(_RULES["areas"]["kinds"] + _RULES["areas"]["other_kinds"]))


@cache
def organisation_words() -> frozenset[str]:
    return frozenset(load_rules("entities")["organisation_words"])


@cache
def person_prefix_words() -> frozenset[str]:
    """Titles and honorifics written before a person's name (rules/entities.toml), lower-case."""
    rules = load_rules("entities")
    return frozenset(p.lower() for p in rules["person_prefixes"] + rules["name_first_honorifics"])


@cache
def _locative_prepositions() -> frozenset[str]:
    return frozenset(load_rules("entities")["locative_prepositions"])


@cache
def _person_evidence_words() -> tuple[frozenset[str], frozenset[str]]:
    """Reporting verbs (rules/attribution.toml) and nouns for people (rules/casualties.toml): what the
    sentence says of a name that NER did not take for a person."""
    reporting = frozenset(load_rules("attribution")["reporting_verbs"])
    people = frozenset(load_rules("casualties")["grammar"]["person_nouns"])
    return reporting, people


# Words for a storm written before its name ('Hurricane', 'Cyclone'; rules/entities.toml)
_STORM_WORDS = frozenset(w.lower() for w in _RULES["storm_words"])


# Words that end a title, not a name: 'Kurmin State Police Commissioner' (rules/entities.toml)
_TITLE_LAST_WORDS = frozenset(_RULES["title_last_words"])
_INSTITUTION_LAST_WORDS = frozenset(_RULES["institution_last_words"])
_BYLINE_LAST_WORDS = frozenset(_RULES["byline_last_words"])
_NO_PLACES_LAST_WORDS = frozenset(_RULES["body_last_words_no_place_has"])
_LOCATED_BODY_END = re.compile(r"\b(?:%s)$" % _words_pattern(_RULES["located_body_last_words"]), re.IGNORECASE)
# 'Wadi', 'San', 'Port': a name that begins with one is a place's, not a person's
PLACE_NAME_FIRST_WORDS = frozenset(_RULES["place_name_first_words"])


# Words that name a role (rules/entities.toml [role_words]): 'the foreign minister', 'Aminu Kazaure, a researcher'
_ROLE_WORDS = re.compile(r"\b(?:%s)\b" % _words_pattern(_RULES["role_words"]), re.IGNORECASE)


@cache
def _natural_feature_words() -> frozenset[str]:
    return frozenset(w.lower() for w in load_rules("entities")["natural_feature_words"])
