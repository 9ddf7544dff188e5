"""Where the text puts a place: after a locative preposition, where the parse puts a place ('entered
X'), after 'the village of' or before ', a hilltop town', a distance from a landmark. The patterns and tests
that tell a name is a place whatever NER made of it, shared by the passes that find, retype and place them.
"""

from __future__ import annotations

import re
from functools import cache

from newsfacts.extract.entities.vocabulary import _RULES, _locative_prepositions, _person_evidence_words, _words_pattern
from newsfacts.extract.nlp import text_of
from newsfacts.rules import load_rules


# A distance the text states: '20 km', '10km', 'about 105 miles' (the number and its unit)
_DISTANCE = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(km|kilometres|kilometers|miles?)\b", re.IGNORECASE)


@cache
def _nearness() -> re.Pattern:
    """', near the city of ', ' a village 20 km north of ', ', about 10km from ': the words between a place and the
    town it lies near."""
    phrases = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(load_rules("entities")["nearness_phrases"], key=len, reverse=True))
    distance = _DISTANCE.pattern + r"\s+"
    kinds, town_kinds = "|".join(_RULES["kinds_before_nearness"]), "|".join(_RULES["kinds_of_the_town_near"])
    return re.compile(rf",?\s+(?:(?:an?|the)\s+(?:\w+\s+){{0,2}}?(?:{kinds})\s+)?"
                      rf"(?:(?:about|some|around)\s+)?(?:{distance}(?:away\s+)?from|(?:{distance})?(?:{phrases}))"
                      rf"\s+(?:the\s+(?:\w+\s+)?(?:{town_kinds})\s+(?:of\s+)?)?", re.IGNORECASE)


_MEASURED_FROM = re.compile(_DISTANCE.pattern + r"\s+(?:away\s+)?(?:[a-z]+(?:-[a-z]+)?\s+of|from)\s+"
                            r"(?:the\s+(?:\w+\s+)?(?:city|town|village|capital|port)\s+(?:of\s+)?)?$", re.IGNORECASE)


def measured_from(text: str, start: int) -> bool:
    """Whether the place at `start` is the landmark a distance is measured from ('60 km north of Kurmin',
    '10 miles from the town of Dalen'): the place meant lies elsewhere."""
    return bool(_MEASURED_FROM.search(text[max(0, start - 80):start]))


_AS_FAR_AS = re.compile(r"\bas far (?:away )?as $")


def _placed_names(text: str, mentions, prepositions: frozenset[str] | None = None) -> set[str]:
    """Names written at least once right after a locative preposition ('at Pokolbin'; or one of
    `prepositions`), not as the owner of what follows ('at Drayton's winery')."""
    placed = set()
    prepositions = prepositions or _locative_prepositions()
    for m in mentions:
        before = text[max(0, m.start_char - 30):m.start_char].split()
        # ('flooded much of south Kurmby': a side of a land in lower case, whatever comes before it)
        side = bool(before) and before[-1] in _SIDES_OF_A_LAND
        if len(before) >= 2 and before[-1].lower() in _SIDES_OF_A_LAND:
            before = before[:-1]  # 'in central Kurmistan', 'in northern Dalen'
        possessive = text[m.end_char:m.end_char + 2] in ("'s", "’s")
        far = _AS_FAR_AS.search(text, max(0, m.start_char - 20), m.start_char) is not None  # 'from as far away as X'
        if before and (before[-1].lower() in prepositions or far or side) and text[m.start_char - 1:m.start_char] == " " \
                and not possessive:
            placed.add(m.surface)
    return placed


# 'central', 'northern', 'north-east': a side of a land written between a preposition and its name
_SIDES_OF_A_LAND = frozenset(_RULES["compass_words"]) | frozenset(_RULES["compass_adjectives"])


def _where_a_place_goes(token) -> bool:
    """Whether the parse puts `token` where a place goes: the object of a locative preposition, of
    'between' or of 'to' ('road access to Leer and Bentiu', 'between Douentza and Hombori'), or of a verb
    whose object is a place ('entered Kidal'), or conjoined with one. Not 'according to X', nor 'said to X'."""
    if token.dep_ == "conj" and token.head.i != token.i:
        return _where_a_place_goes(token.head)
    if token.dep_ == "pobj" and token.head.lower_ in _locative_prepositions() | {"between", "to"}:
        governor = token.head.head
        # ('said to X', 'wrote in X': a listener or a publication; but 'deaths were reported in X' happened there)
        spoken = token.head.lower_ == "to" or governor.lemma_.lower() in _SAID_OR_WRITTEN_IN
        return governor.lower_ != "according" and not (spoken and governor.lemma_.lower() in _person_evidence_words()[0])
    if token.dep_ == "pobj" and token.head.lower_ == "for" and token.head.head.lower_ in ("bound", "headed", "heading", "destined"):
        return True  # 'a convoy bound for Parachinar'
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        # '15 km south of Orikhiv', 'the outskirts of Gao'
        return token.head.head.lower_ in _PLACE_OF_WORDS
    if token.dep_ == "pobj" and token.head.lower_ == "on":
        # 'attacks on Bosso', 'advancing on Kyaukphyu': an attack's or a march's target
        return token.head.head.lemma_.lower() in _place_object_verbs() | _ON_A_PLACE_WORDS
    return token.dep_ == "dobj" and token.head.lemma_.lower() in _place_object_verbs()


# Reporting verbs whose 'in X' is as often where the words appeared as where something happened (rules/entities.toml)
_SAID_OR_WRITTEN_IN = frozenset(_RULES["said_or_written_in_verbs"])
# The words before 'of a place' and 'on a place' (rules/entities.toml)
_PLACE_OF_WORDS = frozenset(_RULES["place_of_words"])
_ON_A_PLACE_WORDS = frozenset(_RULES["on_a_place_words"])


@cache
def _place_object_verbs() -> frozenset[str]:
    return frozenset(_RULES["place_object_verbs"])


def _placed_by_the_parse(doc, mentions) -> set[str]:
    """Names of mentions not typed as places that the parse puts where a place goes."""
    placed = set()
    for m in mentions:
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand")
        if span is not None and m.entity_type != "location" and _where_a_place_goes(span.root):
            placed.add(m.surface)
    return placed


@cache
def _kind_of_place() -> tuple[re.Pattern, re.Pattern]:
    """'the port of X', 'the village of X', 'a town called X' before a name; ', a hilltop town' after it."""
    kinds = "|".join(re.escape(k) for k in load_rules("entities")["place_kind_nouns"])
    people = _words_pattern(sorted(frozenset(load_rules("casualties")["grammar"]["person_nouns"]) | frozenset(_RULES["role_words"])))
    # 'the port of X', and 'the provincial capital X', 'the border town X' (the kind in lower case, just before the name)
    before = re.compile(rf"\b(?:(?i:{kinds})\s+(?:of|called|named)|[Tt]he\s+(?:[\w-]+\s+){{0,2}}?(?:{kinds}))\s+$")
    # (the kind is the apposition's own noun: 'a member of the village committee' is no village, nor is 'a
    # village resident', 'the district police chief', "the city's police commissioner" or 'a Republican whose
    # district includes ...')
    after = re.compile(rf"^,\s+(?:a|an|the)\s+(?:(?!of\b|for\b|from\b|in\b|at\b|whose\b|who\b|which\b|that\b)[\w-]+\s+){{0,3}}?(?:{kinds})\b(?![’']s\b)(?!(?:\s+[\w-]+){{0,2}}?\s+(?:{people})\b)",
                       re.IGNORECASE)
    return before, after


@cache
def _kinds_of_places_after_a_list() -> re.Pattern:
    """', the two main towns', ', both border villages' after a list of names: each is a place of that kind."""
    plurals = "|".join(re.escape(k[:-1] + "ies" if k.endswith("y") else k + "s") for k in load_rules("entities")["place_kind_nouns"])
    return re.compile(rf"^,\s+(?:the|both|all)\s+(?:(?!of\b|for\b|from\b|in\b|at\b|whose\b|who\b|which\b|that\b)[\w-]+\s+){{0,3}}?(?:{plurals})\b(?![’']s?\b)",
                      re.IGNORECASE)


def _named_as_places(doc, mentions) -> set[str]:
    """Names the text itself calls a place: 'the port of Mocha', 'east of Mocha', 'Chasov Yar, a hilltop town west of ...',
    'Dalivka, a suburb of Kurmagrad', 'the neighbourhoods of Bab Sharqi and Jabal Nour', 'the worst-hit
    villages were Ambar and Tiru'."""
    text = text_of(doc)
    before, after = _kind_of_place()
    named = set()
    for m in mentions:
        preceding = text[max(0, m.start_char - 40):m.start_char]
        if (before.search(preceding) or _COMPASS_OF.search(preceding) or after.match(text[m.end_char:m.end_char + 60])
                or _KIND_OF_PLACE_AFTER.match(text, m.end_char)):
            named.add(m.surface)
            continue
        span = doc.char_span(m.start_char, m.end_char, alignment_mode="expand") if m.entity_type != "location" else None
        if span is not None and _a_kind_of_place_names(span.root):
            named.add(m.surface)
    return named


# 'a crash east of X', '20 km south-west of X': X is a place, whatever NER made of it
_COMPASS_OF = re.compile(r"\b(?:%s)\s+of\s+$" % "|".join(re.escape(w) for w in _RULES["compass_words"]), re.IGNORECASE)


# 'in nearby Kurmin town', 'Dalen village': a name and the kind of place it is, in lower case
_KIND_OF_PLACE_AFTER = re.compile(r"\s(?:%s)\b(?!-)" % _words_pattern(_RULES["kind_after_a_name"]))


def _a_kind_of_place_names(token) -> bool:
    """Whether the parse makes `token` the name of a kind of place: the object of 'of' after a place noun
    ('the villages of X and Y') or of 'including' or 'such as' after one, or what a place noun is ('the villages
    were X and Y')."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    kinds = _place_kind_lemmas()
    if token.dep_ == "pobj" and token.head.lower_ == "of":
        return token.head.head.lemma_.lower() in kinds and token.head.head.pos_ == "NOUN"
    if token.dep_ == "pobj" and (token.head.lower_ in ("including", "like") or (token.head.lower_ == "as" and token.head.i > 0
                                                                                and token.doc[token.head.i - 1].lower_ == "such")):
        # 'cities and villages, including X and Y', 'towns such as X'
        return token.head.head.lemma_.lower() in kinds and token.head.head.pos_ == "NOUN"
    if token.dep_ == "attr" and token.head.lemma_ == "be":
        return any(child.dep_ == "nsubj" and child.lemma_.lower() in kinds and child.pos_ == "NOUN" for child in token.head.children)
    return False


@cache
def _place_kind_lemmas() -> frozenset[str]:
    # 'the camp of the rebels', 'a quarter of the budget': not names of places
    return frozenset(k for k in _RULES["place_kind_nouns"] if " " not in k) - {"camp", "quarter", "capital"}


# 'the Kharkiv region', 'Helmand province': an area's kind after its name (rules/entities.toml area_words_after_a_name)
_AREA_WORD = re.compile(r"\s+(%s)\b" % "|".join(_RULES["area_words_after_a_name"]), re.IGNORECASE)
# Sites named by a proper name and a common noun: 'the Acme steelworks', 'the Blue Note club' (rules/entities.toml
# site_nouns).
_SITE_NOUN = re.compile(r"\s+(%s)\b" % "|".join(_RULES["site_nouns"]))


# 'the villages of Saint-Kurm, Tende and Breil', 'the front-line towns of Orikhiv and Kurmaipole', 'low-lying areas
# of Kurmby, Dalesford and Ashwick': each name
_NAME_IN_A_LIST = r"(?:[a-z]{1,3}-)?[A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+)?"  # ('al-Mughayyir' too)
_LOCALITY_LIST = re.compile(r"\b(?:%s) of ((?:%s)(?:, %s)*(?:,? and %s|(?=,? and (?:the|other|several)\b)))"
                            % ("|".join(_RULES["locality_list_nouns"]), _NAME_IN_A_LIST, _NAME_IN_A_LIST, _NAME_IN_A_LIST))  # ('..., Kurmby, and the city of X')
# 'Kurmby, Dala and other towns', 'Dalen and other coastal settlements': names listed before 'and other' places
_LISTED_BEFORE_OTHER_PLACES = re.compile(r"(?<![\w'’-])((?:%s)(?:, (?:%s))*),? and other (?:[a-z-]+ )?(?:%s)\b"
                                         % (_NAME_IN_A_LIST, _NAME_IN_A_LIST, "|".join(_RULES["other_locality_nouns"])))


def listed_localities(text: str) -> list[tuple[int, int]]:
    """The spans of the lists the text calls places: 'the villages of Kurmby, Dala and Tarn', 'Kurmby, Dala and other
    towns'."""
    return [match.span(1) for pattern in (_LOCALITY_LIST, _LISTED_BEFORE_OTHER_PLACES) for match in pattern.finditer(text)]


def _word_before(text: str, position: int) -> str:
    """The lower-cased word just before `position` ('' at the start)."""
    words = text[max(0, position - 30):position].split()
    return words[-1].lower() if words else ""


# A first-level division named with its kind: 'Jonglei state', 'Unity State', 'Idlib province'.
# (rules/entities.toml first_level_division_kinds, each with a capital or not: '[Ss]tate')
_NAMED_DIVISION = re.compile(r"\b([A-ZÀ-ÞĀ-Ž][\w'’-]+(?: [A-ZÀ-ÞĀ-Ž][\w'’-]+)?) (?:%s)\b" % "|".join(
    f"[{kind[0].upper()}{kind[0]}]{kind[1:]}" for kind in _RULES["first_level_division_kinds"]))
