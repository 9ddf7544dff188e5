"""Rules that live in data: boilerplate patterns, outlets, taxonomies. Loaded once per process."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from newsfacts.errors import NewsfactsError
from schemas.values import CasualtyKind, values

RULES_DIR = Path(__file__).parent
# The lists whose entries are regular expressions, or are joined into the extractors' patterns as written:
# every list of boilerplate.toml (None), and these keys of the other files (a table's keys, for a table).
PATTERN_LISTS: dict[str, tuple[str, ...] | None] = {
    "boilerplate": None,
    "entities": ("scored_place_kinds", "body_of_a_field_words", "dateline_month_abbreviations", "post_district_words",
                 "portfolio_words", "kinds_before_nearness", "kinds_of_the_town_near", "area_words_after_a_name",
                 "site_nouns", "locality_list_nouns", "first_level_division_kinds", "area_plurals", "locality_of_nouns",
                 "locality_nouns_after_a_name", "landmark_last_words", "landmark_of_words", "town_side_words",
                 "natural_feature_endings", "kinds_in_a_figures_place"),
    "regions": ("division_kinds_after_a_name", "division_kinds_before_of", "division_kinds_before_a_name",
                "division_kind_extra_words", "part_of_a_place_sides", "part_of_a_place_adjectives"),
    "attribution": ("death_of_nouns", "elided_words"),
    "casualties": ("not_people.currency_abbreviations",),
}


class RulesError(NewsfactsError):
    """A rules file that cannot be read: a run stops on it rather than extract nothing from every document."""


@cache
def load_rules(name: str) -> dict:
    path = RULES_DIR / f"{name}.toml"
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:  # its message ends '(at line 3, column 5)'
        raise RulesError(f"The rules file {path} is not valid TOML: {error}. Fix that line, or restore the file "
                         "from a clean copy of newsfacts.") from error


def check_rules() -> None:
    """Read every rules file, compile every pattern and check the casualty kinds, so that a broken file stops
    a run (naming the file and the line) before any document is read."""
    _check_casualty_kinds()
    for path in sorted(RULES_DIR.glob("*.toml")):
        rules = load_rules(path.stem)
        if path.stem not in PATTERN_LISTS:
            continue
        for key, patterns in _pattern_lists(rules, PATTERN_LISTS[path.stem]):
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except re.error as error:
                    line = next((number for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                                 if pattern in text or repr(pattern)[1:-1] in text), None)
                    raise RulesError(f"The rules file {path} has a pattern in '{key}'" + (f" (line {line})" if line else "")
                                     + f" that is not a valid regular expression: {error}. Fix it, or restore the file "
                                       "from a clean copy of newsfacts.") from error


def _pattern_lists(rules: dict, keys: tuple[str, ...] | None):
    """(key, entries) of the lists named by `keys` (dotted for a key inside a table), or of every key."""
    for key in keys if keys is not None else rules:
        value = rules
        for part in key.split("."):
            value = value.get(part, {})
        yield key, list(value)


def _check_casualty_kinds() -> None:
    """The kinds casualties.toml gives words for are the kinds the warehouse stores (schemas.values)."""
    rules = load_rules("casualties")
    known = values(CasualtyKind)
    for section in ("kinds", "active_verbs"):
        unknown = sorted(set(rules.get(section, {})) - set(known))
        if unknown:
            raise RulesError(f"The rules file {RULES_DIR / 'casualties.toml'} gives words under [{section}] for "
                             f"{', '.join(unknown)}, which is not a casualty kind the warehouse stores ({', '.join(known)}). "
                             "Use one of those kinds, or restore the file from a clean copy of newsfacts.")


@cache
def compiled_patterns(name: str, key: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in load_rules(name)[key])


@cache
def outlet_aliases() -> dict[str, str]:
    """Lower-cased alias -> canonical outlet name."""
    aliases: dict[str, str] = {}
    for canonical, names in load_rules("outlets")["outlets"].items():
        aliases[canonical.lower()] = canonical
        for name in names:
            aliases[name.lower()] = canonical
    return aliases
