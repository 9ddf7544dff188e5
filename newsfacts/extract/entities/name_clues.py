"""What a name's own words, and the words just around it, say of what it names: a title or an honorific
before it, a word for a body at its end, a plural, an English word that is no name, a great place anywhere.
Small tests that the passes which find and retype mentions share.
"""

from __future__ import annotations

import re
from functools import cache

import numpy
from spacy.attrs import DEP, POS
from spacy.lang.en.stop_words import STOP_WORDS

from newsfacts.extract.dates import MONTHS, WEEKDAYS
from newsfacts.extract.entities.given_names import is_given_name
from newsfacts.extract.entities.model import A_CITY_ANYWHERE
from newsfacts.extract.entities.vocabulary import (_LOCATED_BODY_END, _ROLE_WORDS, _RULES, _STORM_WORDS, _person_evidence_words,
                                                   _rules, _words_pattern, organisation_words, person_prefix_words)
from newsfacts.extract.gazetteer import Place, demonyms, geocode, written_as_its_own_name
from newsfacts.extract.nlp import text_of
from newsfacts.extract.truecasing import is_english_word, written_as_a_name


# A post written as its initials before a name ('DPO', 'SHO', 'DIG'; not a person's two initials, 'JK')
# The district a post serves, written after its initials: 'DCP North Jan Doe'
# (rules/entities.toml post_district_words)
POST_DISTRICT = r"(?:%s)(?:[- ]?(?:East|West))?" % "|".join(_RULES["post_district_words"])
_TITLE_INITIALS = re.compile(rf"^[A-Z]{{3,4}}\s+(?:{POST_DISTRICT}\s+)?(?=[A-Z][a-z])")


def _named_like_a_body(surface: str) -> bool:
    """'Kurmin Unity Forum', 'Kurmin Workers' Collective': capitalised words ending in a word for a body."""
    words = surface.split()
    # ('Kurmin Care gGmbH': a legal form may begin in lower case)
    return len(words) >= 2 and (words[-1].lower() in organisation_words() or _LOCATED_BODY_END.search(surface) is not None) \
        and any(ch.isupper() for ch in words[-1]) and all(
        w[:1].isupper() or w in ("of", "and", "for", "the", "&") for w in words[:-1])


_AGENT_NOUN_ENDINGS = tuple(_RULES["agent_noun_endings"])
_CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS.split("|"))


def _agent_noun(word: str) -> bool:
    """'winemaker', 'paramedic', 'gunman': a noun for what a person does, by its ending. A word in '-man' is one
    only where an English word comes before the ending ('gun-man'; not 'Abdirahman', 'Suleiman')."""
    if word.endswith(("man", "woman")) and not word.endswith(tuple(e for e in _AGENT_NOUN_ENDINGS if not e.endswith("man"))):
        stem = word.removesuffix("woman") if word.endswith("woman") else word.removesuffix("man")
        return len(stem) >= 3 and is_english_word(stem)
    return word.endswith(_AGENT_NOUN_ENDINGS)


def _begins_the_name(word: str, name: str) -> bool:
    """Whether `word`, written just before a person's `name`, is the first of its names: a given name, or
    before a name of two words or more, a word English text writes only as a name ('Aminu Bashir Kazaure')
    that is no place of note, nationality, weekday, month, organisation word or noun for a person ('Paramedic')."""
    lower = word.lower()
    if lower in STOP_WORDS or lower in person_prefix_words() or lower in _person_evidence_words()[1] or _ROLE_WORDS.fullmatch(lower):
        return False
    if is_given_name(word):
        return True
    # (not a place of note: 'Kurmagrad Jan Doe'; a small town's name may be a given name too: 'Mahad Osman Farah')
    place = geocode(word)
    return (len(name.split()) >= 2 and written_as_a_name(word) and not _agent_noun(lower)
            and lower not in demonyms() and lower not in _CALENDAR_WORDS and lower not in organisation_words()
            and (place is None or (place.kind == "city" and place.population < 100_000)))


_PARTICLES = _words_pattern(_RULES["name_particles"])
_NAME_WORD = r"[A-ZÀ-ÞĀ-Ž][\w'’-]+"


# A particle between two capitalised words of a name: 'Henríquez de Paz', 'Maarten van der Berg'
_PARTICLE_INSIDE = re.compile(rf"[A-ZÀ-ÞĀ-Ž][\w'’-]+ (?:(?:{_PARTICLES}) ){{1,2}}{_NAME_WORD}")


# The capitalised word just before a position: a given name before a surname, a title before a name
_CAPITALISED_WORD_BEFORE = re.compile(r"(?<![\w.’'-])([A-ZÀ-ÞĀ-Ž][a-zß-ÿ]+) $")


def _known_anywhere(place: Place | None) -> bool:
    """A country, a region, or a city of A_CITY_ANYWHERE people or more: a place whatever the document is about."""
    return place is not None and (place.kind in ("country", "region") or place.population >= A_CITY_ANYWHERE)


# Honorifics before a name and letters after it (rules/entities.toml [honorifics], [post_nominals]); of the
# honorifics of other languages, those of three letters or more ('u' and 'ko' are too often other words)
_LONG_NAME_FIRST_HONORIFICS = [h.title() for h in _RULES["name_first_honorifics"] if len(h) >= 3]
_HONORIFICS = _words_pattern([h for kind in _RULES["honorifics"].values() for h in kind] + _LONG_NAME_FIRST_HONORIFICS)
_HONORIFIC_JUST_BEFORE = re.compile(r"\b(?:%s)\.? $" % _HONORIFICS)


# 'Mrs ', 'Mr. ' right before a name: an honorific that states the person's sex
_SEXED_HONORIFIC_BEFORE = re.compile(r"\b(%s)\.? $" % "|".join(re.escape(h) for h in _RULES["honorifics"]["female"] + _RULES["honorifics"]["male"]))
_FEMALE_HONORIFICS = frozenset(h.lower() for h in _RULES["honorifics"]["female"])


def sex_an_honorific_states(text: str, position: int) -> str | None:
    """'female' after 'Mrs ', 'male' after 'Mr. ', right before `position`; else None."""
    honorific = _SEXED_HONORIFIC_BEFORE.search(text, max(0, position - 12), position)
    return None if honorific is None else "female" if honorific.group(1).lower() in _FEMALE_HONORIFICS else "male"


def honorific_just_before(text: str, position: int) -> bool:
    """Whether an honorific ends just before `position` ('Dr ', 'Tan Sri ', 'Datuk Seri '): its words are no given
    names of the person, whatever names they share."""
    return _HONORIFIC_JUST_BEFORE.search(text, max(0, position - 20), position) is not None


def _title_just_before(text_before: str) -> bool:
    """Whether the text just before a name ends in a title of a person, perhaps shortened ('Capt. ', 'Inspector ')."""
    found = _CAPITALISED_WORD_BEFORE.search(text_before[:-2] + " " if text_before.endswith(". ") else text_before)
    return found is not None and found.group(1).lower() in person_prefix_words()


# a word for a role just before a name, or closing the brackets just before it ('(deputy minister) ')
_ROLE_JUST_BEFORE = re.compile(r"\b(?i:%s)\)? $" % _words_pattern(_RULES["role_words"]))
# 'Dr Zawadzki', and 'Malam Sani Dogo', 'Alhaji Musa Bello' (honorifics of other languages of three letters or more)
_HONORIFIC_FIRST = re.compile(r"^(?:%s)\.?\s+[A-Z]" % _HONORIFICS)
_POST_NOMINALS = re.compile(r"(?:,?\s+(?:%s)(?![\w.]))+$" % _words_pattern(_RULES["post_nominals"]["letters"]))


def _proper_noun_heads(doc):
    """The proper nouns that head their phrase (not a 'compound' part of a longer name), found from the
    document's token arrays: most tokens are none."""
    arrays = doc.to_array([POS, DEP])
    strings = doc.vocab.strings
    heads = numpy.flatnonzero((arrays[:, 0] == strings["PROPN"]) & (arrays[:, 1] != strings["compound"]))
    return (doc[int(i)] for i in heads)


def _tokens_where(doc, attribute: int, value: str):
    """The tokens whose attribute (spacy.attrs.POS, DEP) has one value, in order, found from the document's
    token array: walking every token to test one attribute costs more than the rest of such a rule."""
    return (doc[int(i)] for i in numpy.flatnonzero(doc.to_array(attribute) == doc.vocab.strings[value]))


# An age after a name: 'Jane Doe, 52,', ', now 71,', ', a 52-year-old nurse', 'Jane Doe (33)'
_AGE_AFTER = re.compile(r",\s+(?:(?:now |aged )?\d{1,3},|an? \d{1,3}-year-old\b)|\s+\(\d{1,3}\)")


# 'Minister of Water and Energy ', 'Secretary for Home Affairs ': a capitalised title with its portfolio,
# written just before a name
_ROLE_OF_BEFORE = re.compile(r"\b(?i:%s) (?:of|for) (?:the )?(?:(?:[A-Z][\w'’-]*|and|&) ){1,6}$" % _words_pattern(_RULES["role_words"]))


def _town_of(name: str, countries: frozenset[str]) -> bool:
    """Whether `name` is a town or city of one of `countries` (any country when none is known)."""
    place = geocode(name, countries)
    return place is not None and place.kind == "city" and (not countries or place.country_code in countries)


def _plural_name(surface: str) -> bool:
    """A name of two words or more whose last is an English plural noun ('Freedom Tigers', 'Red Brigades';
    not 'Kamala Harris', 'Tom Jones', 'Jan Ramos'), whose first is no given name."""
    words = surface.split()
    last = words[-1] if len(words) >= 2 else ""
    return (last.endswith("s") and not last.endswith(("ss", "us")) and not is_given_name(words[0])
            and is_english_word(last[:-1]) and not written_as_a_name(last[:-1]))


def _on_a_title_case_line(text: str, position: int) -> bool:
    """Whether `position` lies on a line that every longer word of begins with a capital: a headline, wherever a
    page prints it."""
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    words = re.findall(r"[A-Za-z]{4,}", text[start:end if end >= 0 else len(text)])
    return len(words) >= 3 and all(w[0].isupper() for w in words)


def _common_word_not_a_name(word: str) -> bool:
    """'Farmer', 'Following', 'Survivor': an English word that is no given name and no name's spelling (and
    no word that says what the name is: 'Cyclone Kurmella' is a storm)."""
    return word.isalpha() and is_english_word(word) and not is_given_name(word) and not written_as_a_name(word) \
        and word.lower() not in _rules()[0]


def _first_word_of_the_name(words: list[str]) -> int:
    """Where a person's name may begin among `words`, capitalised words taken for one name: after the common
    English words written before two or more words of a name ('Foreign Affairs' + 'Tavemi Okorundo'); 0 when
    there are none. (Many given names are English words too, 'Mercy', 'Aye': callers say what else shows
    the words to be a title's or a description's.)"""
    start = 0
    while start < len(words) and _common_word_not_a_name(words[start]):
        start += 1
    if start == 0 or len(words) - start < 2 or any(_common_word_not_a_name(w) for w in words[start:]):
        return 0
    return start


def _name_after_a_portfolio(text: str, words: list[str], word_starts: list[int]) -> int:
    """Where a person's name begins among `words` (at `word_starts` in `text`) when its first words end a
    portfolio written before it ('Minister of Foreign' + 'Affairs Tavemi Okorundo'): the index of the name's
    first word, or 0."""
    start = _first_word_of_the_name(words)
    if start and _ROLE_OF_BEFORE.search(text, max(0, word_starts[start] - 80), word_starts[start]):
        return start
    return 0


def _a_towns_own_name(name: str) -> bool:
    """Whether the gazetteer holds a town or city by this very name (not one of its other spellings)."""
    town = geocode(name)
    return town is not None and town.kind == "city" and written_as_its_own_name(town, name)


def _named_storm(doc, name: str, storms_only: bool = False) -> bool:
    """Whether the text names a storm (or, unless `storms_only`, a weapon) by this name: 'Hurricane Kurmella ...
    Kurmella hit the coast'."""
    key = "newsfacts_storm_names" if storms_only else "newsfacts_names_after_a_kind"
    names = doc.user_data.get(key)
    if names is None:  # (asked for many names of one document: the text is read once)
        names = doc.user_data[key] = {match.group(1) for match in _name_after(storms_only).finditer(text_of(doc))}
    return name in names


@cache
def _name_after(storms_only: bool) -> re.Pattern[str]:
    """A word for a storm (or a weapon, a vehicle, a nationality) and the name written after it."""
    words = sorted(_STORM_WORDS if storms_only else _rules()[0], key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:%s)\s+([\w'’-]+)" % "|".join(re.escape(w) for w in words), re.IGNORECASE)


def role_of(doc, ent, name_start: int) -> str | None:
    """A role the text states with the name: 'foreign minister Jane Doe', 'X, head of the Y,'."""
    # Before the name, in the same noun phrase: the tokens attached to it to its left.
    tokens = []
    i = ent.start - 1
    while i >= 0 and doc[i].sent == ent.sent and (doc[i].head.i >= ent.start and doc[i].head.i < ent.end or doc[i].head in tokens):
        if doc[i].dep_ in ("det", "punct", "case") and doc[i].lower_ not in ("'s", "’s"):
            break
        tokens.insert(0, doc[i])
        i -= 1
    text = text_of(doc)[tokens[0].idx:name_start].strip() if tokens else ""
    if text and _ROLE_WORDS.search(text):
        return " ".join(text.split())
    # Before the name, with the name its apposition: 'Minister of Information and Culture, Jane Doe'
    # (or, without a verb, the parser's loose attachment: 'Minister of Information, Jane Doe.' as a caption)
    # ('Commissioner for Transport, Engr. Jan Doe': an honorific between the comma and the name)
    comma = ent.start - 1
    while comma > 0 and doc[comma].lower_.rstrip(".") in person_prefix_words() and doc[comma].text[:1].isupper():
        comma -= 1
    title = ent.root.head if ent.root.dep_ in ("appos", "npadvmod") and ent.root.head.i < comma \
        and comma >= 0 and doc[comma].text == "," else None
    if title is not None:
        words = [t for t in title.subtree if t.i < comma and not t.is_punct]
        phrase = text_of(doc)[words[0].idx:words[-1].idx + len(words[-1])].strip() if words else ""
        if phrase and _ROLE_WORDS.search(phrase) and len(phrase.split()) <= 8:
            return re.sub(r"^(?:an?|the)\s+", "", phrase, flags=re.IGNORECASE)
    # After the name, an apposition: 'Oleg X, head of the regional administration, said'
    for token in ent:
        for child in token.children:
            if child.dep_ == "appos" and child.i >= ent.end:
                phrase = list(child.subtree)
                appositive = text_of(doc)[phrase[0].idx:phrase[-1].idx + len(phrase[-1])].strip(" ,")
                if _ROLE_WORDS.search(appositive) and len(appositive.split()) <= 12:
                    return re.sub(r"^(?:an?|the)\s+", "", appositive)
    return None


@cache
def _well_known_places() -> frozenset[str]:
    """Country names and cities of a million people or more, for places NER missed. Names that are
    also given names ('Jordan', 'Chad') are left to NER."""
    from newsfacts.extract.gazetteer import well_known_place_names

    return frozenset(name for name in well_known_place_names() if not is_given_name(name.split()[0]))
