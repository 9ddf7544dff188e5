"""People, organisations and places: spaCy's NER, repaired by rules, keyed across spellings.

An entity's id is derived from its type and spelling key, so the same person spelled
Synegubov/Sinegubov/Sinehubov in different documents and runs gets one id. Within a document a
surname alone ('Kirby') joins the full name ('John Kirby').
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import cache

from newsfacts.extract.gazetteer import Place, demonyms, geocode
from newsfacts.extract.translit import name_key
from newsfacts.rules import load_rules

LABEL_TYPES = {"PERSON": "person", "ORG": "organization", "GPE": "location", "LOC": "location", "FAC": "location"}
_POSSESSIVE = re.compile(r"[’']s?$")


@dataclass
class Mention:
    surface: str
    start_char: int
    end_char: int
    sentence_index: int
    entity_type: str
    key: str = ""
    entity_id: str = ""


@dataclass
class Entity:
    entity_id: str
    canonical_name: str
    entity_type: str
    aliases: list[str] = field(default_factory=list)
    latitude: float | None = None
    longitude: float | None = None
    country_code: str | None = None


@cache
def _rules():
    rules = load_rules("entities")
    prefixes = sorted((p.lower() for p in rules["person_prefixes"]), key=len, reverse=True)
    return (
        {w.lower() for w in rules["not_person_words"]},
        {w.lower() for w in rules["not_organization"]} | {w.lower() for w in rules["not_location"]},
        re.compile(r"^(?:(?:%s)\.?\s+)+" % "|".join(re.escape(p) for p in prefixes), re.IGNORECASE),
    )


def entity_id(entity_type: str, key: str) -> str:
    return hashlib.sha1(f"{entity_type}:{key}".encode()).hexdigest()[:16]


def clean_surface(text: str) -> str:
    text = re.split(r"\s[–—]\s|\n", text)[0]  # 'Kharkiv – Ukraine’s second city' is two names
    text = text.strip().strip("“”\"'‘’.,:;()[]-–— ")
    text = _POSSESSIVE.sub("", text) if text.endswith(("’s", "'s")) else text
    if text.lower().startswith("the "):
        text = text[4:]
    return text.strip()


def _plausible(span, surface: str, entity_type: str) -> bool:
    not_person, not_org, _prefix = _rules()
    if not surface or len(surface) < 2 or len(surface.split()) > 6:
        return False
    if any(ch.isdigit() for ch in surface) or "@" in surface or "http" in surface.lower() or "/" in surface:
        return False
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
    if entity_type in ("organization", "location") and lowered in not_org:
        return False
    if entity_type == "location" and lowered in demonyms():
        return False  # 'Ukrainian' is an adjective, not a place
    if entity_type == "organization" and surface.isupper() and len(surface.split()) > 1:
        return False  # shouted slogans ('ISOLATE RUSSIA') are not organisations
    return True


def _retype(mention: "Mention", person_surnames: set[str]) -> None:
    """Repair NER labels: a 'person' or 'organisation' that is a known city or country is a place;
    an 'organisation' that is a surname of a person in the document is that person."""
    if mention.entity_type != "location":
        place = geocode(mention.surface)
        if place is not None and (place.kind == "country" or place.population >= 100_000) and len(mention.surface.split()) <= 3:
            mention.entity_type = "location"
            return
    if mention.entity_type == "organization" and name_key(mention.surface) in person_surnames:
        mention.entity_type = "person"


def extract_mentions(doc, sentence_index_of) -> list[Mention]:
    """Mentions with their type and spelling key; persons' surnames joined to full names in the doc."""
    _np, _no, prefix = _rules()
    mentions: list[Mention] = []
    for ent in doc.ents:
        entity_type = LABEL_TYPES.get(ent.label_)
        if entity_type is None:
            continue
        surface = clean_surface(ent.text)
        if entity_type == "person":
            surface = prefix.sub("", surface).strip()
        if not _plausible(ent, surface, entity_type):
            continue
        offset = ent.text.find(surface)
        start = ent.start_char + max(offset, 0)
        mentions.append(Mention(surface, start, start + len(surface), sentence_index_of(start), entity_type))
    surnames = {name_key(m.surface).split()[-1] for m in mentions if m.entity_type == "person" and name_key(m.surface)}
    for mention in mentions:
        _retype(mention, surnames)
    _assign_person_keys([m for m in mentions if m.entity_type == "person"])
    for mention in mentions:
        if mention.entity_type != "person":
            mention.key = name_key(mention.surface)
    return mentions


def _assign_person_keys(people: list[Mention]) -> None:
    full_names = {}
    for mention in people:
        key = name_key(mention.surface)
        if len(key.split()) >= 2:
            full_names.setdefault(key.split()[-1], set()).add(key)
    for mention in people:
        key = name_key(mention.surface)
        if len(key.split()) == 1 and len(full_names.get(key, ())) == 1:
            key = next(iter(full_names[key]))  # 'Kirby' -> 'john kirbi' when only one full name ends so
        mention.key = key


def resolve_entities(mentions: list[Mention], context_countries: frozenset[str]) -> dict[str, Entity]:
    """Entities of one document, keyed by id; sets each mention's entity_id. Places are geocoded."""
    entities: dict[str, Entity] = {}
    by_group: dict[tuple[str, str], list[Mention]] = {}
    for mention in mentions:
        place = geocode(mention.surface, context_countries) if mention.entity_type == "location" else None
        if place is not None:
            mention.key = f"geo:{place.name}:{place.country_code}"
        by_group.setdefault((mention.entity_type, mention.key), []).append(mention)
        if place is not None:
            _remember_place(mention, place)
    for (entity_type, key), group in by_group.items():
        eid = entity_id(entity_type, key)
        place = getattr(group[0], "_place", None)
        aliases = sorted({m.surface for m in group})
        canonical = place.name if place else _canonical_spelling(group)
        entities[eid] = Entity(
            eid,
            canonical,
            entity_type,
            aliases,
            place.latitude if place else None,
            place.longitude if place else None,
            place.country_code if place else None,
        )
        for mention in group:
            mention.entity_id = eid
    return entities


def _remember_place(mention: Mention, place: Place) -> None:
    mention._place = place  # type: ignore[attr-defined]


def _canonical_spelling(group: list[Mention]) -> str:
    """The fullest spelling, most often written."""
    counts: dict[str, int] = {}
    for mention in group:
        counts[mention.surface] = counts.get(mention.surface, 0) + 1
    return max(counts, key=lambda s: (len(s.split()), counts[s], s))


def context_countries(doc) -> frozenset[str]:
    """Countries a document names or implies ('Ukrainian' -> UA), to disambiguate its places."""
    codes = set()
    for ent in doc.ents:
        if ent.label_ in ("GPE", "NORP", "LOC"):
            name = demonyms().get(ent.text.lower(), ent.text)
            place = geocode(name)
            if place is not None and place.kind == "country":
                codes.add(place.country_code)
    return frozenset(codes)
