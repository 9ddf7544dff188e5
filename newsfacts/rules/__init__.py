"""Rules that live in data: boilerplate patterns, outlets, taxonomies. Loaded once per process."""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path

RULES_DIR = Path(__file__).parent


@cache
def load_rules(name: str) -> dict:
    with open(RULES_DIR / f"{name}.toml", "rb") as handle:
        return tomllib.load(handle)


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
