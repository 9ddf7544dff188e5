"""The first pass: spaCy's named entities read as mentions. Each entity's span and label are mended
where NER is known to go wrong (a sentence's first adverb taken into a name, a title kept before it, a list or
two places taken as one name, a person's name cut short), and what cannot be a name is dropped.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from newsfacts.extract.entities.given_names import is_given_name
from newsfacts.extract.entities.model import LABEL_TYPES, Mention, clean_surface
from newsfacts.extract.entities.name_clues import (_CAPITALISED_WORD_BEFORE, _HONORIFIC_FIRST, _HONORIFIC_JUST_BEFORE,
                                                   _NAME_WORD, _POST_NOMINALS, _a_towns_own_name, _agent_noun, _begins_the_name,
                                                   _common_word_not_a_name, _known_anywhere, _name_after_a_portfolio,
                                                   _named_like_a_body, _named_storm, _on_a_title_case_line,
                                                   _plural_name, _town_of, honorific_just_before, role_of)
from newsfacts.extract.entities.vocabulary import (_BYLINE_LAST_WORDS, _LOCATED_BODY_END, _NO_PLACES_LAST_WORDS, _RULES,
                                                   _TITLES_ALONE, _TITLE_LAST_WORDS, _person_evidence_words, _rules,
                                                   _words_pattern, organisation_words, person_prefix_words)
from newsfacts.extract.gazetteer import demonyms, geocode, only_city_named, province_country
from newsfacts.extract.nlp import text_of
from newsfacts.extract.truecasing import is_english_word, written_as_a_name


# An ordinal just before a unit's name ('54th ' of 'the 54th Mechanised Brigade'), and a unit's name that opens with one
_UNIT_NUMBER_BEFORE = re.compile(r"\b\d+(?:st|nd|rd|th)\s$")
_NUMBERED_UNIT = re.compile(r"\d+(?:st|nd|rd|th)\s+(?:[A-Z][\w'’-]*\s+){0,3}[A-Z][\w'’-]*$")


# A name of two or three capitalised words after a comma, ending an entity: 'Coastal Affairs, Nikos Darvelis'
_NAME_AFTER_A_COMMA = re.compile(rf",\s+({_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})$")


def _ner_mentions(doc, sentence_index_of, countries: frozenset[str]) -> list[Mention]:
    """NER's entities as mentions: each typed, its span mended where NER is known to go wrong, and dropped where
    it cannot be a name."""
    mentions: list[Mention] = []
    joined_to_the_name_before: set[int] = set()  # token indices where an entity begins that a name took in
    organisations = {clean_surface(e.text) for e in doc.ents if e.label_ == "ORG"}
    for ent in _entities_cut_apart(doc):
        ent, entity_type = _typed(doc, ent, organisations)
        if entity_type is None or ent.start in joined_to_the_name_before:
            continue
        ent = _without_opening_adverb(ent)
        if entity_type == "person":
            ent = _the_name_after_an_honorific_alone(doc, ent)
        ent = _without_a_person_after_a_comma(doc, ent, entity_type, sentence_index_of, mentions)
        if ent is None:
            continue
        if entity_type == "location":
            ent = _with_the_side_word_before(doc, ent)
        entity_type, surface = _retyped_by_its_words(doc, ent, entity_type, clean_surface(ent.text))
        if entity_type == "organization":
            surface = _without_a_rank_at_its_end(doc, ent, surface)
        city = _city_named_with_a_title(doc, ent, surface, sentence_index_of) if entity_type == "person" else None
        if city is not None:
            mentions.append(city)
            continue
        if entity_type == "person":
            named = _a_persons_name(doc, ent, surface)
            if named is None:
                continue
            entity_type, surface = named
        if not _plausible(ent, surface, entity_type):
            continue
        if entity_type == "person" and _ORGANISATION_FIRST.match(surface):
            entity_type = "organization"  # 'Jama'at Kurmin al-Islam', 'Lashkar-e-Kurm': a group's name
        if entity_type == "person" and " " not in surface and _named_storm(doc, surface, storms_only=True):
            continue  # 'Hurricane Kurmella ... Kurmella killed three people': the storm, however NER takes it
        start, surface = _where_the_name_starts(doc, ent, entity_type, surface)
        several = _places_or_items_taken_as_one(doc, ent, entity_type, surface, start, countries, sentence_index_of)
        if several is not None:
            mentions += several
            continue
        if entity_type == "person":
            start, surface = _name_as_the_parse_joins_it(doc, ent, start, surface, joined_to_the_name_before)
            # ('Brig-Gen' + 'Jan Doe': a title NER took alone for the person is no part of the name the parse joins to it)
            untitled = _rules()[2].sub("", surface)
            start, surface = (start + len(surface) - len(untitled), untitled) if untitled else (start, surface)
            # (an entity before that the name took its given name from, 'ASP Jan', is none)
            mentions = [m for m in mentions if m.end_char <= start]
        if entity_type == "organization" and _the_rest_of_a_body_before(doc, mentions, start):
            # 'the Ministry of Foreign Affairs and' + 'International Cooperation': one body, cut at its 'and' (but
            # 'in neighbouring Kurmin, Dalen and' + 'Ashby': three towns)
            before = mentions.pop()
            whole = text_of(doc)[before.start_char:start + len(surface)]
            places = _places_named_as_one(doc, entity_type, whole, before.start_char, countries, sentence_index_of)
            before.end_char, before.surface = start + len(surface), whole
            mentions += places or [before]
            continue
        if entity_type == "organization":
            surface = _with_where_the_body_is(doc, start, surface, joined_to_the_name_before)
        mention = Mention(surface, start, start + len(surface), sentence_index_of(start), entity_type)
        if entity_type == "person":
            mention.role = role_of(doc, ent, start)
        mentions.append(mention)
    return mentions


def _with_where_the_body_is(doc, start: int, surface: str, joined: set[int]) -> str:
    """'the UN Support Mission' + ' in ' + 'Kurmistan': a mission's, an embassy's or a consulate's name goes on with the
    place it is in (a country or town the gazetteer knows), which is then no mention of its own (the first tokens of the
    entities NER found there go into `joined`)."""
    body = surface.removesuffix(" in")  # (NER may end the name at its 'in')
    if not _LOCATED_BODY_END.search(body):
        return surface
    text = text_of(doc)
    after = _IN_A_PLACE.match(text, start + len(body))
    if after is None or geocode(re.sub(r"^the\s+", "", after.group("place"))) is None:
        return body
    joined.update(e.start for e in doc.ents if after.start("place") <= e.start_char < after.end("place"))
    return text[start:after.end("place")]


# ' in Kurmistan', ' in the Republic of Kurmistan': between a body and the place it is in
_IN_A_PLACE = re.compile(r"\s+in\s+(?P<place>(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*)*)")


# The words a body's name goes on with, at which NER may end it: 'the Ministry of Foreign Affairs and'
_NAME_GOES_ON = (" and", " of", " for", " &")


def _the_rest_of_a_body_before(doc, mentions: list[Mention], start: int) -> bool:
    """Whether a body's name at `start` goes on the body named just before it, which ends in 'and', 'of' or 'for'."""
    before = mentions[-1] if mentions else None
    return (before is not None and before.entity_type == "organization" and before.surface.endswith(_NAME_GOES_ON)
            and text_of(doc)[before.end_char:start] == " ")


def _entities_cut_apart(doc) -> list:
    """NER's entities, each cut into the names NER ran together: at a verb, and letters from the name in brackets
    after them."""
    return [part for whole in doc.ents for cut in _cut_at_its_verbs(whole) for part in _letters_and_their_name(cut)]


def _cut_at_its_verbs(ent) -> list:
    """The names either side of a verb in lower case that NER ran two names over ('Kurmin told Dalen Watch'):
    no name holds one."""
    cuts = [t.i for t in ent[1:-1] if t.pos_ == "VERB" and t.is_lower]
    if not cuts:
        return [ent]
    bounds = [ent.start - 1, *cuts, ent.end]
    parts = [Span(ent.doc, a + 1, b, label=ent.label) for a, b in zip(bounds, bounds[1:]) if b > a + 1]
    return [p for p in parts if p[0].is_title or p[0].is_upper]


def _letters_and_their_name(ent) -> list:
    """'KSAF (Kurmin Security Assistance Force', which NER made one name: the letters and the name they are
    short for, in brackets after them, each a name (the letters then join the name: keys.py)."""
    bracket = next((t.i for t in ent if t.text == "("), None)
    if bracket is None or bracket == ent.start or not all(t.is_upper and t.is_alpha for t in ent.doc[ent.start:bracket]):
        return [ent]
    end = next((t.i for t in ent.doc[bracket:min(ent.end + 8, len(ent.doc))] if t.text == ")"), ent.end)
    named = Span(ent.doc, bracket + 1, end, label=ent.label)
    return [Span(ent.doc, ent.start, bracket, label=ent.label)] + ([named] if len(named) >= 2 and named[0].is_title else [])


def _typed(doc, ent, organisations: set[str] = frozenset()):
    """An entity and the type of mention it makes (None: none), with the word after it where that word
    completes a town's name; a title or a product that NER calls a body elsewhere in the text (`organisations`)
    is that body ('Save the Children said')."""
    entity_type = LABEL_TYPES.get(ent.label_)
    if entity_type is None and ent.label_ in ("NORP", "LANGUAGE") and ent.end < len(doc) and doc[ent.end].text.istitle() \
            and _a_towns_own_name(doc[ent.start:ent.end + 1].text):
        ent, entity_type = doc[ent.start:ent.end + 1], "location"  # 'Spanish Fork', of which NER took 'Spanish' for a nationality
    if entity_type is None and ent.label_ in ("WORK_OF_ART", "PRODUCT") and _named_like_a_body(clean_surface(ent.text)):
        entity_type = "organization"  # 'the Kurmin Unity Forum', which NER took for a title
    if entity_type is None and ent.label_ in ("WORK_OF_ART", "PRODUCT", "EVENT", "LAW") and clean_surface(ent.text) in organisations \
            and " " in clean_surface(ent.text):
        entity_type = "organization"  # (a name of one word NER calls a body and a product is as likely a town's)
    return ent, entity_type


def _without_a_person_after_a_comma(doc, ent, entity_type: str, sentence_index_of, mentions: list[Mention]):
    """'Fisheries and Coastal Affairs, Nikos Darvelis' taken as one organisation: the person after the comma is a
    mention of its own (added to `mentions`) and the entity ends before the comma; None where nothing is left."""
    person_after = _NAME_AFTER_A_COMMA.search(ent.text) if entity_type != "person" else None
    if not (person_after and is_given_name(person_after.group(1).split()[0])):
        return ent
    named_at = ent.start_char + person_after.start(1)
    mentions.append(Mention(person_after.group(1), named_at, named_at + len(person_after.group(1)),
                            sentence_index_of(named_at), "person"))
    ent = doc.char_span(ent.start_char, ent.start_char + person_after.start(), alignment_mode="contract")
    return None if ent is None or len(ent) == 0 else ent


# A rank's abbreviation closed by its dot, then the name it titles: '. Jan' of 'U.S. Army Col. Jan Doe'
_DOT_AND_A_NAME = re.compile(r"\.\s+[A-Z]")


def _without_a_rank_at_its_end(doc, ent, surface: str) -> str:
    """'U.S. Army Col' of 'U.S. Army Col. Jan Doe': a rank written short that NER ran into the body before the name
    it titles is no part of the body's name."""
    words = surface.split()
    if len(words) >= 2 and words[-1].lower().rstrip(".") in person_prefix_words() and surface.endswith(words[-1]) \
            and _DOT_AND_A_NAME.match(text_of(doc), ent.end_char):
        return surface[:-len(words[-1])].rstrip()
    return surface


def _retyped_by_its_words(doc, ent, entity_type: str, surface: str) -> tuple[str, str]:
    """The type (and surface) that an honorific, a plural or a title before a name say a mention has."""
    if entity_type != "person" and (_HONORIFIC_FIRST.match(surface) or _HONORIFIC_JUST_BEFORE.search(
            text_of(doc), max(0, ent.start_char - 6), ent.start_char)):
        entity_type = "person"  # 'Dr Zawadzki' or 'Mr Morgan-Hale' tagged as an organisation
    if entity_type == "person" and _plural_name(surface) and (text_of(doc)[max(0, ent.start_char - 4):ent.start_char].lower() == "the "
                                                             or surface.split()[-1][:-1].lower() in _person_evidence_words()[1]):
        # 'the Eelam Freedom Tigers', 'the Red Brigades', 'Kurmin Reporters': a group, not a person
        entity_type = "organization"
    titled = _TITLE_NAME_OF_PLACE.fullmatch(surface) if entity_type == "organization" else None
    if titled and titled.group(1).lower() in person_prefix_words() and is_given_name(titled.group(2).split()[0]):
        entity_type, surface = "person", titled.group(2)  # 'Archbishop Jan Doe of Sorvenik' tagged as an organisation
    words = surface.split()
    if entity_type == "organization" and 3 <= len(words) <= 5 and words[0].lower().rstrip(".") in person_prefix_words() \
            and (is_given_name(words[1]) or not is_english_word(words[1])) and written_as_a_name(words[-1]) \
            and not any(w.lower() in organisation_words() for w in words[1:]):
        entity_type, surface = "person", " ".join(words[1:])  # 'Advocate Jan van Doe' tagged as an organisation
    if entity_type == "location" and len(surface.split()) >= 2 and surface.split()[-1].lower() in _NO_PLACES_LAST_WORDS:
        entity_type = "organization"  # 'West Kurmin Police' tagged as a place
    of_a_body = _NAME_OF_A_BODY.fullmatch(surface) if entity_type == "organization" else None
    if of_a_body and not any(w.lower() in organisation_words() for w in of_a_body.group(1).split()) and (
            is_given_name(of_a_body.group(1).split()[0]) or not any(is_english_word(w.lower()) for w in of_a_body.group(1).split())):
        entity_type, surface = "person", of_a_body.group(1)  # 'Jan Doe of the Kurmin chapter of ...' tagged as an organisation
    return entity_type, surface


def _a_persons_name(doc, ent, surface: str) -> tuple[str, str] | None:
    """A person entity's name without the titles, modifiers and headline words NER took in with it, and its type
    ('location' for a great city that opens a headline's verb); None where no one is named."""
    trimmed = _name_without_the_words_before(doc, ent, surface)
    if trimmed is None:
        return None
    return _name_under_a_headline(doc, ent, *trimmed)


def _name_without_the_words_before(doc, ent, surface: str) -> tuple[str, list[str]] | None:
    """The name without titles, post-nominal letters, modifiers, a portfolio or a nationality before it, and its
    words (as they were before a nationality word was cut); None for a sentence's first word that modifies the
    noun after it."""
    surface = _POST_NOMINALS.sub("", _rules()[2].sub("", surface).strip())
    first = surface.split(" ", 1)
    if len(first) == 2 and ent.text.startswith(first[0] + " ") \
            and honorific_just_before(text_of(doc), ent.start_char + len(first[0]) + 1):
        surface = first[1]  # 'Dato' ' + 'Sri Jan Doe': NER began the name inside an honorific of two words
    # leading modifiers are not part of a name: 'the 14th-ranked Schwartzman'
    surface = re.sub(r"^(?:(?:[a-z]|\d)[\w-]*\s+)+", "", surface)
    words = surface.split()
    if len(words) >= 2 and ent[0].is_sent_start and words[0] == ent[0].text \
            and (_common_word_not_a_name(words[0]) or (len(words) >= 3 and _agent_noun(words[0].lower()) and not is_given_name(words[0]))) \
            and not _HYPHENED_GIVEN_NAME_AFTER.fullmatch(" " + words[1]):  # ('Park Seo-yeon': a surname before a given name)
        surface, words = " ".join(words[1:]), words[1:]  # 'Farmer Jan Doe said', 'Following Doe, ...': capitalised as a sentence's first word
    # 'Minister of Foreign Affairs Tavemi Okorundo', where NER began the name inside the portfolio
    surface_at = ent.start_char + max(ent.text.find(surface), 0)
    name_starts = _name_after_a_portfolio(text_of(doc), words, [surface_at + w.start() for w in re.finditer(r"\S+", surface)])
    if name_starts:
        surface, words = " ".join(words[name_starts:]), words[name_starts:]
    if len(ent) == 1 and ent[0].is_sent_start and _common_word_not_a_name(ent[0].text) and ent[0].dep_ in ("amod", "compound") \
            and ent[0].head.i == ent[0].i + 1 and ent[0].head.text.islower():
        return None  # 'Cooler temperatures helped': a sentence's first word, the modifier of the noun after it
    if len(ent) == 1 and ent[0].is_sent_start and _common_word_not_a_name(ent[0].text) \
            and re.search(rf"\b{re.escape(ent[0].text.lower())}\b", text_of(doc)):
        return None  # 'Normalcy? ... call that normalcy': a common word that opens a sentence, written in lower case elsewhere
    # 'Celaya Mayor Jane Doe', 'Plateau Gov. Jan Doe': a place and a title before the name
    titled = [i for i, w in enumerate(words[:-2]) if w.lower().rstrip(".") in person_prefix_words()]
    if titled:
        surface = " ".join(words[titled[-1] + 1:])
        words = surface.split()
    if len(words) >= 3 and words[0].lower() in demonyms():
        surface = surface.split(None, 1)[1]  # 'Swede Jan Erik Doe' is Jan Erik Doe
    return surface, words


def _name_under_a_headline(doc, ent, surface: str, words: list[str]) -> tuple[str, str] | None:
    """'Court Jails Kurmin Depot Arsonist Jan Doe': a headline's words in title case before the name are no part of
    it; a headline's verb and what follows it name no one; a great city before a headline's verb is the city."""
    first_name = next((i for i, w in enumerate(words) if is_given_name(w)), 0)
    in_headline = ent.end_char <= text_of(doc).find("\n") or _on_a_title_case_line(text_of(doc), ent.start_char)
    if first_name and len(words) - first_name >= 2 and in_headline and all(
            _common_word_not_a_name(w) or (geocode(w) is not None and not is_given_name(w)) for w in words[:first_name]):
        surface = " ".join(words[first_name:])
    elif in_headline and len(words) >= 2 and _common_word_not_a_name(words[0]):
        return None  # 'Court Jails Kurmin Depot Arsonist ...': a verb and what follows it, in title case, name no one
    elif in_headline and len(words) == 2 and _common_word_not_a_name(words[1]) and not is_given_name(words[0]) \
            and _known_anywhere(geocode(words[0])):
        # 'Envoy Says Kurmagrad Shelled Two Towns': a great city and the verb after it, in title case
        return "location", words[0]
    return "person", surface


_COMMON_WORDS_BEFORE_A_NAME = re.compile(r"(?:[a-z]+\s+){1,2}(?=[A-Z])")


def _where_the_name_starts(doc, ent, entity_type: str, surface: str) -> tuple[int, str]:
    """Where the mention's surface starts in the text, and the surface with the words NER left out before a body's
    name (its ordinal: 'the 54th Mechanised Brigade'; the first half of a name joined by 'and'), without the common
    words it took in ('the state Department of Corrections')."""
    offset = ent.text.find(surface)
    start = ent.start_char + max(offset, 0)
    common = _COMMON_WORDS_BEFORE_A_NAME.match(surface) if entity_type == "organization" else None
    if common and all(is_english_word(w.lower()) for w in common.group().split()):
        # 'the state Department of Corrections': a body's name starts at its first capital
        start, surface = start + common.end(), surface[common.end():]
    unit_number = _UNIT_NUMBER_BEFORE.search(text_of(doc), max(0, start - 12), start) if entity_type == "organization" else None
    if unit_number:  # 'the 54th Mechanised Brigade', where NER left the ordinal out
        start, surface = unit_number.start(), unit_number.group() + surface
    first_half = _NAME_HALF_BEFORE_AND.search(text_of(doc), max(0, start - 60), start) if entity_type == "organization" else None
    half = None
    if first_half is not None:  # (a list's first items only before a name that goes on with 'and')
        half = first_half.group(1) or (first_half.group(2) if " and " in surface else None)
    if half and half.split()[-1].strip(",").lower() not in organisation_words() \
            and not any(e.start_char < start and e.end_char > first_half.start() for e in doc.ents if e is not ent):
        # ('The Police and Interior Ministry officials': two bodies, the first a whole name)
        # 'the Energy and Mineral Resources Ministry', where NER began the name after its 'and'
        begins = first_half.start(1) if first_half.group(1) else first_half.start(2)
        start, surface = begins, text_of(doc)[begins:start] + surface
    return start, surface


def _places_or_items_taken_as_one(doc, ent, entity_type: str, surface: str, start: int, countries: frozenset[str],
                                  sentence_index_of) -> list[Mention] | None:
    """The mentions of two places or of a list's items that NER took as one name; None where it is one name."""
    places = _places_named_as_one(doc, entity_type, surface, start, countries, sentence_index_of)
    if places:
        return places
    listed = _list_items_taken_as_one(doc, ent) if entity_type != "person" and surface == ent.text else []
    if listed:
        # 'Kurmove, Dalivne' of 'the villages of Sorivne, Kurmove, Dalivne and ...', which NER made one name
        return [Mention(item.text, item.start_char, item.end_char, sentence_index_of(item.start_char), entity_type)
                for item in listed]
    return None


def _places_named_as_one(doc, entity_type: str, surface: str, start: int, countries: frozenset[str],
                         sentence_index_of) -> list[Mention]:
    """'between Sévaré and Bandiagara', which NER made one facility, 'fled to Tibú and Ocaña', one organisation,
    and 'the towns of Kurmin, Dalen and Ashby', one place: each a place (all of them towns of the document's
    countries, for an organisation that no preposition of place, nor a kind of places, puts there: 'around Kurmivka
    and Hola Kurm', 'municipalities such as Kurmo, Dalen and Ashby', not 'Ernst and Young'); none where the name is no list of places, or a place's own ('Trinidad and Tobago': not a list
    the gazetteer reads as its first town and the state after it, 'Kurmin, Dalen and Ashby')."""
    whole = geocode(surface, countries) if entity_type in ("location", "organization") else None
    names = _names_listed(surface) if entity_type in ("location", "organization") \
        and (whole is None or whole.name.lower() != surface.lower()) else []
    placed_there = _LOCATIVE_JUST_BEFORE.search(text_of(doc), max(0, start - 12), start) is not None \
        or _KINDS_OF_PLACE_JUST_BEFORE.search(text_of(doc), max(0, start - 40), start) is not None
    if not names or not (any if entity_type == "location" or placed_there else all)(_town_of(name, countries) for name, _ in names):
        return []
    return [Mention(name, start + offset, start + offset + len(name), sentence_index_of(start + offset), "location")
            for name, offset in names]


def _most_words_of_a_name(entity_type: str, surface: str) -> int:
    """Six words; ten for a body whose name holds a word for a body ('the General Command of the Army and Armed
    Forces', 'the Ministry of Foreign Affairs and International Cooperation')."""
    if entity_type == "organization" and any(w.lower() in organisation_words() for w in surface.split()):
        return 10
    return 6


def _plausible(span, surface: str, entity_type: str) -> bool:
    not_person, not_org, _prefix = _rules()
    if not surface or len(surface) < 2 or len(surface.split()) > _most_words_of_a_name(entity_type, surface):
        return False
    if "@" in surface or "http" in surface.lower() or "/" in surface:
        return False
    if any(ch.isdigit() for ch in surface) and not (entity_type == "organization" and _NUMBERED_UNIT.match(surface)):
        return False  # but 'the 3rd Infantry Division', 'the 213th Brigade' are organisations
    if not any(ch.isupper() for ch in surface):
        return False
    lowered = surface.lower()
    if entity_type == "person":
        words = set(lowered.split())
        if words & not_person or lowered in not_person:
            return False
        if lowered in demonyms():
            return False  # 'the Malagasy government said': a nationality word, whatever NER made of it
        if span[0].is_sent_start and span[0].pos_ == "ADJ":
            return False
        if all(token.pos_ not in ("PROPN",) for token in span):
            return False
        if lowered in person_prefix_words() and text_of(span.doc)[span.end_char:span.end_char + 1] == ".":
            return False  # 'Brig.' of 'Brig. Gen. Jan Doe': a title written short, not a name
        if len(words) > 1 and lowered.split()[-1] in _TITLE_LAST_WORDS:
            return False  # 'Kurmin State Police Commissioner': a title
    if entity_type in ("person", "organization") and (lowered in _TITLES_ALONE or all(w.strip(".") in _TITLES_ALONE for w in lowered.split())) \
            and not any(e.label_ == "PERSON" and len(e.text.split()) > 1 and e.text.split()[-1].lower() == lowered for e in span.doc.ents):
        return False  # 'the Minister said', 'Superintendent, Jan Doe,': a title alone (not the surname of a 'Jan King')
    if entity_type in ("organization", "location") and lowered in not_org:
        return False
    named = _CLOSING_PREPOSITION.sub("", lowered).split()
    if entity_type == "organization" and len(named) > 1 and named[-1] in _TITLE_LAST_WORDS \
            and not any(w in organisation_words() for w in named):
        return False  # 'the Humanitarian Coordinator for Kurmistan, Jane Doe': a title, which NER took for a body
    if entity_type == "organization" and len(named) > 1 and named[-1] in _BYLINE_LAST_WORDS:
        return False  # 'By JAN DOE / Dalen News Agency Writer': a byline's credit, not a body
    if entity_type == "organization" and (lowered in person_prefix_words() or _POST_NOMINALS.fullmatch(" " + surface)):
        return False  # 'the IGP', 'the CEO': a title alone; 'KC' after a barrister's name
    if entity_type in ("location", "organization") and lowered in demonyms():
        return False  # 'Ukrainian' is an adjective, not a place; '<Nationality> authorities say': not a body
    if entity_type == "location" and len(span) == 1 and _opens_a_sentence(span) and is_english_word(lowered) \
            and not written_as_a_name(lowered) and geocode(surface) is None:
        return False  # 'KURMIN, Nigeria — Gunmen abducted ...': a word capitalised where a sentence opens
    if entity_type == "organization" and surface.isupper() and len(surface.split()) > 1:
        return False  # shouted slogans ('ISOLATE RUSSIA') are not organisations
    return True


# a preposition NER left at the end of a name ('Humanitarian Coordinator for')
_CLOSING_PREPOSITION = re.compile(r"(?:\s+(?:for|of|in|on|at))+$")


def _opens_a_sentence(span) -> bool:
    """Whether a span opens its sentence, or the text after a dateline's dash or a colon."""
    before = text_of(span.doc)[max(0, span.start_char - 3):span.start_char].rstrip()
    return span[0].is_sent_start or before.endswith(("—", "–", "-", ":"))


def _list_items_taken_as_one(doc, ent) -> list:
    """The items of a list that NER took as one name ('Kurmove, Dalivne'): the spans between its commas, when
    the parse joins each to the one before as a conjunct; [] for one name ('Kurmin, Dalen Province' too)."""
    commas = [t for t in ent if t.text == ","]
    if not commas:
        return []
    bounds = [ent.start, *(c.i for c in commas), ent.end]
    items = [doc[a + (a != ent.start):b] for a, b in zip(bounds, bounds[1:])]
    if any(len(item) == 0 or not all(t.pos_ == "PROPN" for t in item) for item in items):
        return []
    return items if all(later.root.dep_ == "conj" and later.root.head.i in range(earlier.start, earlier.end)
                        for earlier, later in zip(items, items[1:])) else []


# 'Jamaat', 'Lashkar-e-': a word for a group opening an organisation's name (rules/entities.toml)
_ORGANISATION_FIRST = re.compile(r"(?:%s)(?:[\s-]|$)" % "|".join(
    re.escape(w).replace("'", "['’]?") for w in _RULES["organisation_first_words"]), re.IGNORECASE)


# The first half of a name joined by 'and', just before where NER began it: 'The Energy and ' before 'Mineral
# Resources Ministry' (after an article or at the start of a line, so that no clause's words come with it).
# ... or the first items of a list of fields before a comma, where NER began the name at the last items ('The
# Kurmology, ' before 'Climatology and Geophysics Agency')
_NAME_HALF_BEFORE_AND = re.compile(r"(?:^|(?<=\b[Tt]he ))((?!The )(?:[A-Z][\w'’-]+ ){1,3})(?:and|&) $"
                                   r"|(?:^|(?<=\b[Tt]he ))((?!The )(?:[A-Z][\w'’-]+, ){1,3})$", re.MULTILINE)


# A preposition of place, or 'between', just before a name ('fled to Tibú and Ocaña', 'between Sévaré and Bandiagara')
_LOCATIVE_JUST_BEFORE = re.compile(r"\b(?:%s)\s+$" % _words_pattern(_RULES["locative_prepositions"] + ["between"]))
# Places of a kind before a list of them: 'the villages of', 'municipalities such as', 'towns including'
_KINDS_OF_PLACE_JUST_BEFORE = re.compile(r"\b(?:%s) (?:of|such as|including|like)\s+$" % "|".join(_RULES["locality_list_nouns"]))
# Names joined as a list ('Kurmin and Dalen', 'Kurmin, Dalen and Ashby') or as the ends of a way ('Kurmin to
# Dalen', 'Kurmin and Dalen towards Ashby'), each of up to three words capitalised after an article joined by a
# hyphen ('al-Kurmab', 'Deir ez-Kurm')
_JOINED_IN_A_LIST = re.compile(r",? and |, | to | towards? ")
_A_NAME_IN_A_LIST = re.compile(r"(?:(?:al|el|Al|El)-)?[A-ZÀ-ÞĀ-Ž][\w'’-]*(?: (?:[a-z]{1,3}-)?[A-ZÀ-ÞĀ-Ž][\w'’-]*){0,2}")


def _names_listed(surface: str) -> list[tuple[str, int]]:
    """The names, with their offsets, of a surface that lists two or more ('Kurmin, Dalen and Ashby'); else none."""
    names, offset = [], 0
    for part in _JOINED_IN_A_LIST.split(surface):
        if not _A_NAME_IN_A_LIST.fullmatch(part):
            return []
        offset = surface.index(part, offset)
        names.append((part, offset))
        offset += len(part)
    return names if len(names) >= 2 else []


# A title, a name of two or three words and 'of' a place: 'Archbishop Jan Doe of Sorvenik'
_TITLE_NAME_OF_PLACE = re.compile(rf"([A-Z][a-z]+) ({_NAME_WORD}(?: {_NAME_WORD}){{1,2}}) of [A-Z][\w'’ -]+")
# a name and the body or branch it is of, which NER took in with it: 'Jan Doe of the Kurmin'
_NAME_OF_A_BODY = re.compile(rf"({_NAME_WORD}(?: {_NAME_WORD}){{1,2}}) of the [A-Z][\w'’ -]+")


def _city_named_with_a_title(doc, ent, surface: str, sentence_index_of) -> Mention | None:
    """'in General Santos': the city whose name begins with a title, where NER saw a general named Santos."""
    title = _CAPITALISED_WORD_BEFORE.search(text_of(doc), max(0, ent.start_char - 20), ent.start_char)
    if title is None or title.group(1).lower() not in person_prefix_words() or only_city_named(f"{title.group(1)} {surface}") is None:
        return None
    return Mention(text_of(doc)[title.start(1):ent.end_char], title.start(1), ent.end_char, sentence_index_of(ent.start_char), "location")


# A surname after a given name that opens with a letter and an apostrophe: ' O’Doe', " D'Arcy"
_SURNAME_WITH_AN_APOSTROPHE = re.compile(r" [OD][’'][A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w’'-])")


_HYPHENED_GIVEN_NAME_AFTER = re.compile(r" ([A-Z][a-z]{1,4})-([a-z]{1,5})\b(?![-'’])")
# A double-barrelled surname right after the given names ('Jane Doe-Roe'), which NER may cut off as a name of
# its own (often a body's)
_DOUBLE_BARRELLED_AFTER = re.compile(r" [A-Z][a-zà-ÿ]+(?:-[A-Z][a-zà-ÿ]+)+(?![\w'’-])")


def _name_as_the_parse_joins_it(doc, ent, start: int, surface: str, joined: set[int]) -> tuple[int, str]:
    """A person's name where NER cut it short, as the parse's compounds join it: a surname left off ('Siti
    Aminah Rangkuti'), a name cut in two ('Ato Dawit' and 'Tesfaye Gebremedhin': the second entity's start
    goes into `joined`), a given name left off ('Pushpamalar Sivakumar', where a Sivakumar of the family is
    named in full elsewhere)."""
    text = text_of(doc)
    surname = _SURNAME_WITH_AN_APOSTROPHE.match(text, start + len(surface))
    if surname:  # 'Barry O’Doe', which the parser may take for a verb
        return start, surface + surname.group()
    barrelled = _DOUBLE_BARRELLED_AFTER.match(text, start + len(surface))
    if barrelled and ent.end < len(doc) and ent[-1].dep_ == "compound" and ent[-1].head.idx < barrelled.end() <= ent[-1].head.idx + len(ent[-1].head) + 1 \
            and not any(is_english_word(part.lower()) for part in barrelled.group().strip().split("-")):
        # 'Dr Jane Doe-Roe said', where NER took 'Doe-Roe' for another name: the parse makes the given name its compound
        rest = next((e for e in doc.ents if e.start_char == barrelled.start() + 1), None)
        if rest is not None:
            joined.add(rest.start)
        return start, surface + barrelled.group()
    given_after = _HYPHENED_GIVEN_NAME_AFTER.match(text, start + len(surface))
    if given_after and not is_english_word(given_after.group(1).lower()):
        # 'Jan Lo Kai-ming': a Chinese or Korean given name of two syllables written after the surname, which NER
        # may leave out (not 'Jan Doe Co-founder', 'Jane Doe Vice-chair')
        return start, surface + given_after.group()
    head = ent[-1].head
    # ('Jan Maria Kurmin Doe', where NER stopped after 'Maria': the middle names between are the head's compounds too)
    between = doc[ent.end:head.i] if head.i >= ent.end else None
    if ent.end < len(doc) and ent[-1].dep_ == "compound" and between is not None and len(between) <= 2 \
            and all(t.dep_ == "compound" and t.head.i == head.i and t.pos_ == "PROPN" and t.text.isalpha() and t.text.istitle()
                    and not t.ent_type_ and t.lower_ not in person_prefix_words() for t in between) \
            and head.pos_ == "PROPN" and head.text.isalpha() and head.text.istitle() \
            and text[start + len(surface):head.idx] == " ".join([""] + [t.text for t in between] + [""]) \
            and head.lower_ not in person_prefix_words():  # ('Celaya Mayor Jane Doe': a title is no surname)
        rest = next((e for e in doc.ents if e.start == ent.end), None)
        if rest is None or rest.label_ == "PERSON":
            last = rest[-1] if rest is not None else head
            surface = text[start:last.idx + len(last)]
            joined.add(ent.end)
    # a given name left off before it: 'Pushpamalar Sivakumar', or given names NER took (with a rank) for a body of their
    # own ('ASP Jan' and 'Kurmi Doe', 'Jan Maria' and 'Kurmi Doe')
    given = doc[ent.start - 1] if ent.start > 0 and start == ent.start_char else None
    while given is not None and given.pos_ == "PROPN" and given.dep_ == "compound" and given.i < given.head.i < ent.end \
            and given.text.isalpha() and given.text.istitle() and (not given.ent_type_ or _given_names_taken_for_a_body(given, surface)) \
            and _begins_the_name(given.text, f"{given.text} {surface}"):
        start, surface = given.idx, text[given.idx:start + len(surface)]
        given = doc[given.i - 1] if given.i > 0 and given.ent_type_ and given.ent_iob_ == "I" else None
    return start, surface


def _given_names_taken_for_a_body(token, name: str) -> bool:
    """Whether `token` is in an entity NER took for something else that holds only names the person's `name` may
    begin with, after a rank perhaps ('ASP Jan', 'Jan Maria' before 'Kurmi Doe')."""
    if token.ent_type_ in ("", "PERSON"):
        return False
    doc = token.doc
    first, last = token.i, token.i
    while first > 0 and doc[first].ent_iob_ == "I":
        first -= 1
    while last + 1 < len(doc) and doc[last + 1].ent_iob_ == "I":
        last += 1
    return all((w.i == first and w.lower_.rstrip(".") in person_prefix_words()) or _begins_the_name(w.text, f"{w.text} {name}")
               for w in doc[first:last + 1])


_NAME_WORDS_AFTER = re.compile(rf" ({_NAME_WORD}(?: {_NAME_WORD}){{0,3}})")


def _the_name_after_an_honorific_alone(doc, ent):
    """'Datuk Seri' + 'Jan Doe', where NER took the honorific of two words for the person and missed the name
    after it: the name is the capitalised words that follow."""
    after = _NAME_WORDS_AFTER.match(text_of(doc), ent.end_char)
    if after is None or ent.text.lower() not in _TWO_WORD_HONORIFICS:
        return ent
    name = doc.char_span(after.start(1), after.end(1), alignment_mode="contract")
    return ent if name is None or len(name) == 0 else name


_TWO_WORD_HONORIFICS = frozenset(h for h in _RULES["name_first_honorifics"] if " " in h)


def _without_opening_adverb(ent):
    """'Later the Defence Ministry', 'Meanwhile Kurmin Police': a sentence's first adverb or conjunction,
    which NER took into the name that follows it."""
    first = ent[0]
    if len(ent) > 1 and first.is_sent_start and first.pos_ in ("ADV", "CCONJ", "SCONJ") \
            and (first.is_stop or ent[1].lower_ == "the"):
        return ent[1:]
    if len(ent) > 1 and first.is_sent_start and first.lower_ in _OPENING_ADVERBS:
        return ent[1:]  # 'Later Doe said', whatever the tagger made of 'Later'
    return ent


_OPENING_ADVERBS = frozenset(_RULES["opening_adverbs"])


# a capitalised side word just before a name: 'Eastern' of 'Eastern Kurmin Province' (rules/entities.toml)
_SIDE_WORD_BEFORE = re.compile(r"(?<![\w'’-])(?:%s) $" % _words_pattern(_RULES["side_words"]))


def _with_the_side_word_before(doc, ent):
    """A place with the word before it that NER left out of its name: a side word, where the whole name is a
    province, state or region ('Eastern Highlands Province', of which NER took 'Highlands Province'), or a
    nationality or other capitalised word, where the whole is a town's own name ('Spanish Fork', of which NER took
    'Fork')."""
    text = text_of(doc)
    side = _SIDE_WORD_BEFORE.search(text, max(0, ent.start_char - 10), ent.start_char)
    if side is not None and province_country(text[side.start():ent.end_char]) is not None:
        return doc.char_span(side.start(), ent.end_char, label=ent.label_) or ent
    word = doc[ent.start - 1] if ent.start > 0 else None
    if word is not None and word.text.istitle() and word.is_alpha and not word.is_sent_start and word.ent_type_ in ("NORP", "LANGUAGE", "") \
            and _a_towns_own_name(text[word.idx:ent.end_char]):
        return doc.char_span(word.idx, ent.end_char, label=ent.label_) or ent
    return ent
