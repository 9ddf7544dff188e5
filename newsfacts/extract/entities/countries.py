"""The countries a document is about: those it names or implies, to look its places up in
(context_countries), and the one country it is clearly about once its places are resolved (principal_country).
"""

from __future__ import annotations

import re

from newsfacts.extract.entities.datelines import (_COLON_DATELINE, _DATELINE, _DATELINE_COUNTRY, _DATELINE_DIVISION,
                                                  _DATELINE_DIVISIONS, _TOWN_AND_ABBREVIATED_DIVISION, _first_name_of)
from newsfacts.extract.entities.given_names import is_given_name
from newsfacts.extract.entities.model import A_CITY_ANYWHERE, Mention, _POSSESSIVE, _title_case
from newsfacts.extract.entities.place_clues import _NAMED_DIVISION
from newsfacts.extract.entities.places_missed import _NAME_AFTER_LOCATIVE
from newsfacts.extract.entities.vocabulary import _RULES, _natural_feature_words, _words_pattern
from newsfacts.extract.gazetteer import (Place, countries_with_a_town_named, country_codes, demonyms, division_country,
                                         geocode, geocode_town, only_city_named, province_country,
                                         shares_its_name_abroad, towns_abroad_share_the_name, written_as_its_own_name)
from newsfacts.extract.nlp import text_of
from newsfacts.extract.truecasing import is_english_word


def principal_country(doc, mentions: list[Mention]) -> str | None:
    """The one country a document is about, where it is clear: the country its places and nationality words
    name twice or more, and three times as often as any other, and its dateline's if it has one, unless the
    dateline is a bureau's, whose country the story names once more at most (a Geneva bureau's story of Sudan is
    about Sudan; Gaza with 'Israeli' in it is about no one country). Needs resolved mentions."""
    datelines: dict[str, int] = {}
    for mention in mentions:
        if mention.dateline and mention.place is not None and mention.place.country_code:
            datelines[mention.place.country_code] = datelines.get(mention.place.country_code, 0) + 1
    counts: dict[str, int] = {}
    for mention in mentions:
        if mention.entity_type == "location" and mention.place is not None and mention.place.country_code:
            counts[mention.place.country_code] = counts.get(mention.place.country_code, 0) + 1
    text = text_of(doc)
    for ent in doc.ents:
        if ent.label_ == "NORP" and not _COMPOUND_ADJECTIVE.match(text, ent.end_char):
            code = country_codes().get(demonyms().get(ent.text.lower(), ""))
            if code:
                counts[code] = counts.get(code, 0) + 1
    # A bureau's dateline ('DHAKA' over a story of Myanmar) says where the story was filed, not what it is about.
    most = max(counts, key=lambda code: (counts[code], code), default=None)
    bureaus = {code for code, written in datelines.items() if code != most and counts.get(code, 0) - written <= 1}
    for code in bureaus:
        counts[code] -= datelines[code]
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 2 or (len(ranked) > 1 and ranked[0] < 3 * ranked[1]):
        return None
    country = next(code for code, count in counts.items() if count == ranked[0])
    return country if all(code == country or code in bureaus for code in datelines) else None


def _body_of_a_nation(ent) -> str | None:
    """The country whose nationality word opens an organisation's name ('the Kenyan Police Service'), or None."""
    first = next((t for t in ent if t.pos_ != "DET"), None)
    if first is None:
        return None
    for last in (first.i + 1, first.i):  # 'South African', 'Kenyan'
        words = ent.doc[first.i:last + 1]
        if last < ent.end - 1 and words.text.lower() in demonyms():
            if _COMPOUND_ADJECTIVE.match(text_of(ent.doc), words.end_char):
                return None  # 'the Russian-backed Kurmin Front'
            return country_codes().get(demonyms()[words.text.lower()])
    return None


_LOCATIVE_BEFORE = re.compile(r"\b(?:%s)\s+(?:the\s+)?$" % _words_pattern(_RULES["locative_prepositions"] + ["across", "throughout"]),
                              re.IGNORECASE)


def _written_in_capitals(sentence) -> bool:
    """A headline or a sentence set in capitals, where any short word may look like an abbreviation."""
    letters = [c for c in sentence.text if c.isalpha()]
    return sum(c.isupper() for c in letters) > 0.6 * len(letters)


def context_countries(doc) -> frozenset[str]:
    """Countries a document names or implies ('Ukrainian' -> UA), to disambiguate its places, and the
    US states it names or implies by a city ('US.TX' for 'Texas' or 'Houston')."""
    codes, by_another_spelling = set(), set()
    nationalities = set()  # the countries of nationality words ('Russian troops'), who acts, not always where
    text = text_of(doc)
    for ent in doc.ents:
        if ent.label_ == "NORP" and ent.text.lower() in demonyms():
            nationalities.add(country_codes().get(demonyms()[ent.text.lower()], ""))
        if ent.label_ == "NORP" and _COMPOUND_ADJECTIVE.match(text, ent.end_char):
            continue  # 'the Russian-occupied town', 'a US-made missile': another country's doing, not where it is
        if ent.label_ in ("GPE", "NORP", "LOC"):
            _add_the_countries_of_a_place_name(ent, text, codes, by_another_spelling)
        elif ent.label_ == "ORG" and (nation := _body_of_a_nation(ent)):
            # 'the Kurmish Defence Force', 'the Chilean Navy': a country's own body, as 'Australian troops' names it
            codes.add(nation)
        elif ent.label_ in ("ORG", "PERSON", "FAC") and not is_given_name(ent.text.split()[0]):
            _add_the_country_of_another_name(ent, codes)
    _add_the_countries_of_divisions_and_datelines(text, codes)
    return frozenset(_when_no_country_is_named(doc, codes, by_another_spelling, nationalities))


def _add_the_countries_of_a_place_name(ent, text: str, codes: set[str], by_another_spelling: set[str]) -> None:
    """The country (or US state) a place or nationality word names, into `codes`; a great city's country where
    the text writes one of its other spellings, into `by_another_spelling`."""
    name = demonyms().get(ent.text.lower(), _POSSESSIVE.sub("", ent.text))  # a country's name with "'s" names it too
    if not name.split():
        return  # (an apostrophe and an 's' alone, which the recogniser may take for a place)
    place = geocode(name)
    if ent.text.isupper() and len(ent.text) <= 3 and (place is None or place.kind != "country" or _written_in_capitals(ent.sent)
                                                      or not _LOCATIVE_BEFORE.search(text, max(0, ent.start_char - 20), ent.start_char)):
        # 'LA' in a text written in capitals is no evidence of California, nor 'US forces' of the United States
        # (but 'floods in the UK' are there)
        return
    if (place is None or (place.kind == "city" and place.population < 1_000_000)) \
            and name.split()[-1].lower() not in _natural_feature_words():
        # 'Kerala', 'Idlib province': a country's first-level division names its country (not 'the
        # Red Sea', which a Sudanese state is named after)
        province = province_country(name) or (division_country(name) if place is None else None)
        if province:
            codes.add(province)
    if place is not None:
        _add_the_countries_of_a_place(ent, place, name, codes, by_another_spelling)


def _add_the_countries_of_a_place(ent, place: Place, name: str, codes: set[str], by_another_spelling: set[str]) -> None:
    """The country, or the country and US state, that a place the gazetteer holds names."""
    if place.kind == "region" and place.country_code:
        codes.add(place.country_code)
        if place.country_code == "US" and place.admin1:
            codes.add(f"US.{place.admin1}")  # 'North Texas', 'West Michigan': a part of a state names the state
    elif place.kind == "country":
        codes.add(place.country_code)
    elif place.kind == "state" and place.admin1:
        codes.update({"US", f"US.{place.admin1}"})
    elif place.kind == "county" and place.country_code:
        codes.add(place.country_code)  # 'Columbia County': some county of that name, in its country
    elif place.kind == "city" and place.population >= 1_000_000 and not written_as_its_own_name(place, name):
        # 'Bombay' for Mumbai counts, but only where nothing else names a country (a small town's name
        # may be among the alternate spellings of a great city abroad)
        by_another_spelling.add(place.country_code)
    elif place.kind == "city" and place.population >= 1_000_000 and not shares_its_name_abroad(place, name):
        codes.add(place.country_code)  # 'Sydney', 'Karachi': the document is about that country
        if place.country_code == "US":
            codes.add(f"US.{place.admin1}")
    elif place.kind == "city" and place.country_code == "US" and place.population >= 100_000:
        codes.add(f"US.{place.admin1}")
    elif place.kind == "city" and only_city_named(name) is not None and ent.label_ in ("GPE", "LOC") \
            and not towns_abroad_share_the_name(place, name):
        codes.add(place.country_code)  # 'Kurmagrad': the one town of that name anywhere names its country


def _add_the_country_of_another_name(ent, codes: set[str]) -> None:
    """'Karachi's commissioner': a country, or a city of a million people that no other city is named like,
    whatever NER made of it ('Hyderabad' could be two)."""
    place = geocode(_POSSESSIVE.sub("", ent.text))
    if place is not None and (place.kind == "country" or (place.kind == "city" and place.population >= 1_000_000
                                                          and only_city_named(_POSSESSIVE.sub("", ent.text)) is not None)):
        codes.add(place.country_code)
    elif place is not None and place.kind == "region" and place.country_code \
            and province_country(_POSSESSIVE.sub("", ent.text).removeprefix("the ")):
        codes.add(place.country_code)  # 'the NSW SES', 'the New South Wales coast': a state's name names its country


def _add_the_countries_of_divisions_and_datelines(text: str, codes: set[str]) -> None:
    """The countries (and divisions) of the states, provinces and counties the text names with their kind, and of
    the dateline's abbreviated state or its country, whatever NER made of them."""
    for division in _NAMED_DIVISION.finditer(text):
        # 'in Jonglei state', 'Unity State', 'Idlib province', whatever NER made of the name
        province = province_country(division.group(0)) or division_country(division.group(0)) \
            or _country_of_the_city_a_division_is_named_after(division.group(1))
        if province:
            codes.add(province)
            capital = geocode_town(division.group(1), frozenset({province})) if province != "US" else None  # (US states: above)
            if capital is not None and capital.admin1 and not capital.small:
                # 'Kurmin state' is the division of the city of Kurmin: its towns come before namesakes elsewhere
                codes.add(f"{province}.{capital.admin1}")
    codes.update(filter(None, (province_country(county.group(0)) for county in _COUNTY_WITH_ITS_KIND_BEFORE.finditer(text))))
    abbreviation = _DATELINE_DIVISION.search(text[:200])
    if abbreviation:  # 'NEWTON, Kan. (AP) —': the dateline's state
        division = _DATELINE_DIVISIONS[abbreviation.group(1)]
        codes.update({division.split(".")[0], division})
    for abbreviated in _TOWN_AND_ABBREVIATED_DIVISION.finditer(text):
        # 'from Kurmby, Ont., to Dalesford, Ont.': a town and its province or state as agencies abbreviate them
        division = _DATELINE_DIVISIONS[abbreviated.group(1)]
        codes.update({division.split(".")[0], division})
    dateline = _DATELINE_COUNTRY.match(text[:200])
    place = geocode(dateline.group(1)) if dateline else None
    if place is not None and place.kind in ("country", "region") and place.country_code:
        codes.add(place.country_code)  # 'MOPTI, Mali (Reuters) -', 'Lismore, NSW —', whatever NER made of 'Mali'
    codes.update(_countries_of_a_colon_dateline(text))


def _countries_of_a_colon_dateline(text: str) -> set[str]:
    """'KURMIN: ...', 'KURMIN/DALEN: ...' opening the story or the paragraph under its headline: the countries of
    the cities of A_CITY_ANYWHERE people or more it names (NER seldom tags a name in capitals)."""
    opening = re.match(r"(?:[^\n]{1,300}\n\s*)?", text).end()
    dateline = _COLON_DATELINE.match(text, opening) or _COLON_DATELINE.match(text)
    if dateline is None:
        return set()
    places = [geocode(_title_case(name.strip())) for name in dateline.group(1).split("/")]
    return {p.country_code for p in places if p is not None and p.kind == "city" and p.population >= A_CITY_ANYWHERE and p.country_code}


def _country_of_the_city_a_division_is_named_after(name: str) -> str | None:
    """'Hodeidah governorate', which the gazetteer spells another way: the country of the city of 100,000 people or
    more whose name it bears, as most divisions bear their capital's."""
    city = geocode(name)
    return city.country_code if city is not None and city.kind == "city" and city.population >= A_CITY_ANYWHERE else None


def _when_no_country_is_named(doc, codes: set[str], by_another_spelling: set[str], nationalities: set[str]) -> set[str]:
    """`codes`, or where they name no country, the country most of the text's place names are in, a great city's
    under another spelling, or the dateline's city's."""
    if not {code for code in codes if "." not in code}:
        # A text that names no country ('Flash floods hit Kurmby and Dalesford; crews came from Ashwick'): the
        # country that holds a town of most of its place names, by a wide margin, is the text's (before a
        # great city's other spellings, or a big US city that a small town abroad may share a name with)
        country = _country_most_place_names_are_in(doc)
        if country is not None:
            codes = {country} | {code for code in codes if code.startswith(country + ".")}
    if not codes:
        codes |= by_another_spelling
    if not codes - nationalities:
        # 'JUBA (Reuters) -' and nothing else that names a country (nationality words aside: 'KURMIN CITY —
        # Russian troops ...'): the city the story was filed from
        filed_from = _DATELINE.match(text_of(doc)[:200])
        name = _first_name_of(filed_from) if filed_from else ""
        place = geocode(name) if filed_from else None
        if place is not None and place.kind == "city" and not place.small and not shares_its_name_abroad(place, name):
            codes.add(place.country_code)
    return codes


def _country_most_place_names_are_in(doc, at_least: int = 3) -> str | None:
    """The country holding a town of each of `at_least` of the text's place names, twice as many as any other
    country holds; or the one country that alone holds a town of each of two or more of them ('Kurmeta' and
    'Dalbacete', villages of one country only). The names are those the recogniser calls places or bodies,
    and those it calls people or nationalities that open with no given name and are no nationality word (it
    takes many a small town for a person); one word or two. None when no country stands out."""
    names = {_POSSESSIVE.sub("", ent.text) for ent in doc.ents if _may_name_a_town(ent)} | _names_put_somewhere(doc)
    votes: dict[str, int] = {}
    only_there: set[str] = set()  # the countries of the names whose towns all lie in one country
    alone = 0  # how many names those are
    for name in names:
        countries = countries_with_a_town_named(name)
        for country in countries:
            votes[country] = votes.get(country, 0) + 1
        if len(countries) == 1:
            only_there |= countries
            alone += 1
    ranked = sorted(votes.items(), key=lambda item: (-item[1], item[0]))
    if ranked and ranked[0][1] >= at_least and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    if alone >= 2 and len(only_there) == 1:
        (country,) = only_there
        if all(count < votes[country] for other, count in votes.items() if other != country):
            return country
    return None


def _names_put_somewhere(doc) -> set[str]:
    """Names the text writes where a place goes ('Police in Kurmby Bridge', 'near Dalesford'), whatever NER made of
    them: two capitalised words, or one that is no English word and no given name (not 'in March', 'in Jan Doe's
    car')."""
    text = text_of(doc)
    names = set()
    for match in _NAME_AFTER_LOCATIVE.finditer(text):
        name = match.group("name")
        if match.group("word").lower() not in _PUTTING_SOMEWHERE or len(name.split()) > 2 or text.startswith(("'s", "’s"), match.end("name")):
            continue
        if len(name.split()) == 2 or not (is_english_word(name.lower()) or is_given_name(name)):
            names.add(name)
    return names


_PUTTING_SOMEWHERE = frozenset({"in", "near", "outside", "around"})


def _may_name_a_town(ent) -> bool:
    """Whether an entity of one word or two, capitalised, may be a town's name the text leaves unplaced."""
    if not (1 <= len(ent.text.split()) <= 2 and ent.text[:1].isupper() and not ent.text.isupper()):
        return False
    if ent.label_ in ("GPE", "LOC", "ORG", "FAC"):
        return True
    return ent.label_ in ("PERSON", "NORP") and not is_given_name(ent.text.split()[0]) and ent.text.lower() not in demonyms()


_COMPOUND_ADJECTIVE = re.compile(r"-[a-z]+")


# ... and a county with its kind before it: 'County Kerry', 'Co Kerry' (Irish usage)
_COUNTY_WITH_ITS_KIND_BEFORE = re.compile(r"\b(?:County|Co\.?) [A-Z][\w'’-]+\b")
