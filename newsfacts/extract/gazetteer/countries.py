"""Countries by name and by nationality word: 'Ukraine' -> UA, 'Ukrainians' -> Ukraine, 'SN' ->
'Senegalese' (the word before a state's institutions), read from the gazetteer's index, countryinfo's
demonyms and rules/entities.toml's corrections."""

from __future__ import annotations

from functools import cache

from newsfacts.extract.gazetteer.index import Place, _index
from newsfacts.rules import load_rules


@cache
def demonyms() -> dict[str, str]:
    """Nationality word ('ukrainian', 'ukrainians') -> the gazetteer's name of the country. Every
    country's demonym comes from countryinfo, with its plural; a demonym several countries share
    ('American', 'French') names the most populous; rules/entities.toml adds the forms countryinfo lacks."""
    from countryinfo import all_countries

    countries = {p.country_code: p for places in _index().values() for p in places if p.kind == "country"}
    found: dict[str, Place] = {}
    for country in all_countries():
        demonym, place = country.demonym(), countries.get(country.iso(2))
        if not demonym or place is None:
            continue
        for word in (demonym.lower(), _plural(demonym.lower())):
            if word not in found or place.population > found[word].population:
                found[word] = place
    for word, code in load_rules("entities")["demonym_extras"].items():
        found[word.lower()] = countries[code]
    return {word: place.name for word, place in found.items()}


@cache
def country_adjective(country_code: str) -> str | None:
    """'SN' -> 'Senegalese': the word before a state's institutions, from countryinfo's demonyms and the
    rules' corrections."""
    overrides = load_rules("entities")["country_adjectives"]
    if country_code in overrides:
        return overrides[country_code]
    demonym = _demonym_of_each_country().get(country_code)
    return demonym.split(",")[0].strip() if demonym else None  # ('Bosnian, Herzegovinian': the first)


@cache
def _demonym_of_each_country() -> dict[str, str]:
    """ISO code -> countryinfo's demonym (the first country of a code that has one), read once: countryinfo
    builds all its countries anew on every call."""
    from countryinfo import all_countries

    found: dict[str, str] = {}
    for country in all_countries():
        if country.demonym():
            found.setdefault(country.iso(2), country.demonym())
    return found


def adjective_of_country(written: str) -> str | None:
    """'Chile' (as in "Chile's") or 'Chilean' -> 'Chilean': the word before a state's institutions, for a
    country's name or its nationality word; None for anything else."""
    code = country_codes().get(written) or country_codes().get(demonyms().get(written.lower(), ""))
    if code is None:
        return None
    return country_adjective(code) or (written if written.lower() in demonyms() else None)


def _plural(demonym: str) -> str:
    """'Afghans', 'Israelis'; 'Chinese', 'French' and 'Swiss' are their own plural."""
    return demonym if demonym.endswith(("ese", "ss", "sh", "ch", "x")) else demonym + "s"


@cache
def country_codes() -> dict[str, str]:
    """Country name -> ISO code."""
    return {p.name: p.country_code for places in _index().values() for p in places if p.kind == "country"}
