"""Names NER takes for people that name no one the text speaks of: news outlets, slogans in quotation
marks, bodies written after 'the', streets.
"""

from __future__ import annotations

import re

from newsfacts.extract.entities.model import Mention
from newsfacts.extract.entities.name_clues import _plural_name
from newsfacts.extract.entities.vocabulary import _RULES
from newsfacts.extract.nlp import text_of
from newsfacts.extract.quotes import CLOSERS, OPENERS
from newsfacts.extract.translit import name_key
from newsfacts.rules import load_rules, outlet_aliases


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


_STREET_LAST_WORDS = frozenset(_RULES["street_last_words"])


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
