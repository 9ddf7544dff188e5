"""Given names and the sex they suggest, from gender-guesser's list (kept on disk once per machine):
whether a word is a given name is the commonest clue that a name is a person's.
"""

from __future__ import annotations

from functools import cache, lru_cache

from newsfacts.built_once import kept_on_disk


@cache
def _given_names():
    return kept_on_disk("given-names", _read_given_names)


def _read_given_names():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


_SEXES = {"male": "male", "mostly_male": "male", "female": "female", "mostly_female": "female"}
# Particles inside a hyphenated given name ('Jean-de-Dieu', 'Marie-de-la-Paix')
_PARTICLES = frozenset({"de", "du", "la", "des", "del", "di", "da"})


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
        # ('Jean-Marc'; 'Jean-de-Dieu', a given name with a particle inside it)
        parts = word.split("-")
        return is_given_name(parts[0]) and (all(is_given_name(part) for part in parts[1:])
                                            or any(part in _PARTICLES for part in parts[1:-1]))
    return word.isalpha() and word[:1].isupper() and _given_names().get_gender(word) != "unknown"
