"""A ministry or another body of a state keeps its country in its name, so that two countries' interior
ministries stay two entities across the warehouse.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from newsfacts.extract.entities.model import Entity, Mention, entity_id
from newsfacts.extract.entities.vocabulary import _RULES
from newsfacts.extract.gazetteer import adjective_of_country, country_adjective, country_codes, demonyms
from newsfacts.extract.translit import name_key


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
