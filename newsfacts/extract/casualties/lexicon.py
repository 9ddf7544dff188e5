"""The casualty figure the word patterns produce, and the lexicon of rules/casualties.toml they are built from:
the words for each kind (killed, injured, ...), the active verbs, the toll nouns, the nouns for victims and the
words for things that are not people."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from newsfacts.extract.numbers import Count
from newsfacts.rules import load_rules


@dataclass
class CasualtyFigure:
    kind: str
    count: Count
    victims: str | None
    start_char: int
    end_char: int
    number_start: int
    is_subset: bool = False
    part_of_index: int | None = None  # index of the larger figure in the same list


@cache
def _lexicon():
    rules = load_rules("casualties")
    kind_of = {}
    for kind, phrases in rules["kinds"].items():
        for phrase in phrases:
            kind_of[phrase.lower()] = kind
    active_of = {}
    for kind, phrases in rules["active_verbs"].items():
        for phrase in phrases:
            active_of[phrase.lower()] = kind
    toll_of = {}
    for kind, phrases in rules["toll_nouns"].items():
        for phrase in phrases:
            toll_of[phrase.lower()] = kind
    victims = {k.lower(): v for k, v in rules["victims"].items()}
    not_people = {w.lower() for w in rules["not_people"]["units"] + rules["not_people"]["things"]}
    return kind_of, active_of, toll_of, victims, not_people


def _victims_in(words: str) -> str | None:
    _, _, _, victims, _ = _lexicon()
    tokens = [w.strip(".,;:'’").lower() for w in words.split()]
    for i in range(len(tokens)):
        pair = " ".join(tokens[i : i + 2])
        if pair in victims:
            return victims[pair]
        if tokens[i] in victims:
            return victims[tokens[i]]
    return None


def victims_class(word: str) -> str:
    """The victims' class for a head noun ('workers' -> 'civilians'), 'people' when it names none."""
    return _victims_in(word) or "people"
