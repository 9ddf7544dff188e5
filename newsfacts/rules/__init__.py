"""Rules that live in data: boilerplate patterns, outlets, taxonomies. Loaded once per process."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

from newsfacts.errors import NewsfactsError
from schemas.values import CasualtyKind, values

RULES_DIR = Path(__file__).parent
# The rules files whose lists are regular expressions (the others are word lists and tables)
PATTERN_FILES = ("boilerplate",)


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
    """Read every rules file, compile every pattern of the pattern files and check the casualty kinds, so
    that a broken one stops a run (naming the file and the line) before any document is read."""
    _check_casualty_kinds()
    for path in sorted(RULES_DIR.glob("*.toml")):
        rules = load_rules(path.stem)
        if path.stem not in PATTERN_FILES:
            continue
        for key, patterns in rules.items():
            for pattern in patterns:
                try:
                    re.compile(pattern)
                except re.error as error:
                    line = next((number for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                                 if pattern in text or repr(pattern)[1:-1] in text), None)
                    raise RulesError(f"The rules file {path} has a pattern in '{key}'" + (f" (line {line})" if line else "")
                                     + f" that is not a valid regular expression: {error}. Fix it, or restore the file "
                                       "from a clean copy of newsfacts.") from error


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
