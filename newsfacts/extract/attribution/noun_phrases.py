"""Noun phrases that describe rather than name: a state's institution ('the national army', "Chile's defence
ministry"), a body named in lower case, a person called by nationality or party, an epithet ('the mother of
three'), someone brought in anew with 'a'. How an institution's description is written as a name.
"""

from __future__ import annotations

from functools import cache
import re

from newsfacts.extract.entities import is_given_name, person_prefix_words
from newsfacts.extract.gazetteer import adjective_of_country, country_codes, demonyms, geocode
from newsfacts.extract.translit import plain_words

from newsfacts.extract.attribution.words import (_ASIDE_END, _INSTITUTION_SYNONYMS, _OFFICE_HOLDERS, _PERSON_NOUN_ENDINGS,
                                                 _PLACE_POSSESSES, _QUOTED_WORDS, _STATE_MODIFIERS, INSTITUTION_NOUNS,
                                                 PERSON_NOUNS)


@cache
def _words_of_a_state() -> frozenset[str]:
    """The words of countries' names, nationality words and a state's modifiers ('national', 'federal')."""
    return frozenset(w for name in country_codes() for w in plain_words(name)) | frozenset(demonyms()) | _STATE_MODIFIERS


def _of_someone_unnamed(noun) -> bool:
    """'the mother of one of the dead soldiers', 'the owner of a bakery': a person the text brings in by whom they
    are to someone or something it does not name (not 'the head of the regional administration', a title)."""
    return any(p.dep_ == "pobj" and (p.lower_ == "one" or any(d.dep_ in ("det", "nummod") and d.lower_ in ("a", "an", "one")
                                                                for d in p.children))
               for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children)


def _institution_name(description: str, country_adjective_of_the_text: str | None = None) -> str:
    """An institution's name as a name is written: "Chile's defence ministry" is the Chilean defence ministry,
    "Hesse's interior ministry" the Hesse interior ministry, and "the country's foreign ministry" in a text about
    one country is that country's (as 'the Senegalese Interior Ministry', which qualify_state_ministries writes,
    names one country's)."""
    the_countrys = re.match(r"[Tt]he country['’]s ([a-z][\w -]+)$", description)
    if the_countrys and country_adjective_of_the_text:
        return f"{country_adjective_of_the_text} {the_countrys.group(1)}"
    possessed = _PLACE_POSSESSES.fullmatch(description)
    if possessed is None:
        return description
    place, rest = possessed.groups()
    adjective = adjective_of_country(place) if place in country_codes() else None
    words = place.split()
    if adjective is None and (words[0].lower().rstrip(".") in person_prefix_words() or is_given_name(words[0]) or geocode(place) is None):
        return description  # "President Jan Doe's office", "Doe's office": a person's, no place the gazetteer knows
    return f"{adjective or place} {rest}"


def _same_institution_noun(one: str, other: str) -> bool:
    """'army' and 'army'; 'army' and 'military' (rules/attribution.toml [institution_synonyms])."""
    return one == other or any(one in group and other in group for group in _INSTITUTION_SYNONYMS)


def _a_person_by_nationality_or_party(token) -> bool:
    """'the Democrat', 'the Canadian', 'the 34-year-old Briton': one person called by the nation or the
    party they belong to (a singular word of the NORP kind, or a nationality word, after 'the')."""
    return token.text[:1].isupper() and token.tag_ in ("NNP", "NN", "JJ") and not token.text.endswith("s") \
        and (token.ent_type_ == "NORP" or token.lower_ in demonyms()) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children) \
        and all(c.dep_ in ("det", "amod", "compound", "punct", "relcl", "acl") for c in token.children)


def _a_noun_for_a_person(token) -> bool:
    """'a fisherman', 'the teacher': a noun the lists give for a person, or one with the ending of such a noun."""
    return token.lemma_.lower() in PERSON_NOUNS or token.lower_.endswith(_PERSON_NOUN_ENDINGS)


def _describes_institution(token) -> bool:
    """'the national army', "the country's foreign ministry", 'the US military': an institution noun with a
    country or a proper name before it (not 'a senior official', not 'the ministry' alone)."""
    head = token.lemma_.lower()
    compound = " ".join(c.lower_ for c in token.children if c.dep_ == "compound")
    if head not in INSTITUTION_NOUNS and f"{compound} {token.lower_}".strip() not in INSTITUTION_NOUNS:
        return False
    # ('the Chilean border guards': the country's word modifies the noun's compound)
    modifiers = [*token.children, *(g for c in token.children if c.dep_ == "compound" for g in c.children)]
    # ('the Kurmin-led coalition', 'the Kurmin-backed forces': a name hyphened to the participle before the noun)
    hyphened = any(g.dep_ == "npadvmod" and g.i == c.i - 2 and g.nbor(1).text == "-"
                   and (g.pos_ == "PROPN" or g.ent_type_ in ("NORP", "GPE", "ORG"))
                   for c in token.children if c.dep_ == "amod" and c.tag_ == "VBN" for g in c.children)
    return hyphened or any(c.dep_ in ("amod", "compound", "poss", "nmod") and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG")
                                                                   or (c.text[:1].isupper() and c.lower_ in demonyms()))
               or (c.dep_ == "poss" and c.lemma_.lower() in _OFFICE_HOLDERS)  # "the sheriff's office"
               for c in modifiers) or _named_in_lower_case(token)


def _named_in_lower_case(token) -> bool:
    """'the national disaster management agency', 'the ministry of social affairs': a body's name written in
    lower case, as some outlets write them: an institution noun with its portfolio, as nouns before it or
    after 'of' (not 'the police department' alone, nor 'the ministry of a country at war')."""
    if token.lower_ not in INSTITUTION_NOUNS or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
        return False
    # (the tagger calls such lower-case words proper nouns at times)
    nouns_before = [c for c in token.children if c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and c.text.islower()]
    portfolio = [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                 if p.dep_ == "pobj" and p.pos_ in ("NOUN", "PROPN") and p.text.islower() and not any(d.dep_ == "det" for d in p.children)]
    modifiers = len(nouns_before) + sum(1 for c in token.children if c.dep_ == "amod")
    # ('the interior ministry', 'the foreign ministry': a ministry with its portfolio is a body of its state)
    return modifiers >= 2 or bool(portfolio) or (token.lower_ == "ministry" and modifiers >= 1)


_AGE_ASIDE = re.compile(r",\s*\d{1,3},")


def _introduced_anew(text: str, token, since: int) -> bool:
    """'Jane Doe, the governor, ... A senior official, who asked not to be named, said ... "...," the official
    said': a noun brought in with 'a' after a person was named is someone new, whom 'the' then points to (not
    the name's own apposition: 'Jane Doe, a spokeswoman for the group,')."""
    age = _AGE_ASIDE.match(text, since)  # ('Jan Doe, 47, a carpenter,': the apposition after the age is the name's own)
    since = age.end() - 1 if age else since
    if text.startswith(", ", since):
        aside = _ASIDE_END.search(text, since + 2)
        since = aside.end() if aside else since
    # (not in a quotation's words: '"... throwing a shoe at a judge ...," the judge asked')
    told = _QUOTED_WORDS.sub(" ", text[since:token.idx])
    # ('a mother's letters' brings in no one new: the noun is a possessor)
    if re.search(r"\b(?:[Aa]n?|[Aa]nother|[Oo]ne)\s+(?:[\w-]+\s+){0,3}%s\b(?!['’]s\b)" % re.escape(token.lower_), told) is None:
        return False
    # ('he sat in a garda car' brings in no garda: the noun only says what kind of car)
    return any(t.dep_ not in ("compound", "amod") or t.head.i < t.i
               for t in token.doc if since <= t.idx < token.idx and t.lower_ == token.lower_)


def _a_parent_of_so_many(token) -> bool:
    """'the mother of three', 'the father of two': an epithet news gives the parent it has just named."""
    return token.lemma_.lower() in ("mother", "father") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and p.like_num for p in c.children) for c in token.children)


def _an_age(prep) -> bool:
    """'in her early forties', 'in his 60s', 'of about 50': a person's age (or, after a parent, how many children:
    'the mother of three'), said after the noun for them."""
    return (prep.lower_ == "in" and any(t.dep_ == "poss" and t.lower_ in ("his", "her") for t in prep.subtree)) \
        or (prep.lower_ == "of" and any(p.dep_ == "pobj" and p.like_num for p in prep.children))
