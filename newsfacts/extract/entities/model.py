"""What the entity passes make and hand on: a Mention (one name where the text writes it, with its
type and spelling key), an Entity (the mentions of one person, body or place, with its place on the map),
and the small helpers every pass shares to spell and place a mention.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from newsfacts.extract.gazetteer import A_CITY_ANYWHERE, Place


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
    # the full name of a given name written before another's full name that shares its surname ('Rohan' of
    # 'brothers Rohan and Vikram Joshi' is Rohan Joshi): the surface stays what the text wrote
    full_name: str | None = None

    @property
    def name(self) -> str:
        """The name the mention stands for: its full name where the text gives it apart, else its surface."""
        return self.full_name or self.surface


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


def _placed_at(name: str, place: Place, relation: str = "within") -> Place:
    """A place the gazetteer lacks, given the coordinates of the place the text puts it in or near, under its own name
    (`geocode_basis` says which: 'within Kurmby', 'near Kurmby')."""
    return Place(name, place.latitude, place.longitude, place.country_code, "within", 0, f"{relation} {place.name}", place.admin1)


def _place_name(mention: Mention) -> str:
    """The name a place mention is looked up by."""
    return _title_case(mention.place_query or mention.surface)


def _title_case(surface: str) -> str:
    return surface.title() if surface.isupper() and len(surface) > 3 else surface
