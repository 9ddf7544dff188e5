"""People NER passed over or took for something else, found from what the sentence says of a name: it
speaks ('Aminu Kazaure said'), it is set beside a role or an age ('Zarina Khan, 52,'), a noun for a person
comes before it ('rights activist Kurmo Dal'), or the text names the person in passing ('a driver named X').
"""

from __future__ import annotations

import re
from typing import NamedTuple

from newsfacts.extract.entities.given_names import is_given_name
from newsfacts.extract.entities.model import Mention
from newsfacts.extract.entities.name_clues import (_AGE_AFTER, _HONORIFIC_JUST_BEFORE, _NAME_WORD, _POST_NOMINALS,
                                                   _ROLE_JUST_BEFORE, _ROLE_OF_BEFORE, _agent_noun,
                                                   _common_word_not_a_name, _first_word_of_the_name,
                                                   _name_after_a_portfolio, _named_like_a_body, _plural_name,
                                                   _proper_noun_heads, _title_just_before)
from newsfacts.extract.entities.vocabulary import (_ROLE_WORDS, _RULES, _TITLE_LAST_WORDS, _natural_feature_words,
                                                   _person_evidence_words, _words_pattern, organisation_words,
                                                   person_prefix_words)
from newsfacts.extract.gazetteer import geocode, no_place_is_named
from newsfacts.extract.nlp import text_of
from newsfacts.rules import load_rules


# The first part of a hyphenated given name, just before the rest of the name: 'Jean-' of 'Jean-Marc Dufresne'
_HYPHENED_FIRST_PART = re.compile(r"(?<![\w'’-])[A-ZÀ-ÞĀ-Ž][\w'’]*-$")
# The last part of a hyphenated surname, just after the rest of the name: '-Olu' of 'Babatunde Kurmo-Olu'
_HYPHENED_LAST_PART = re.compile(r"-[A-ZÀ-ÞĀ-Ž][\w'’]*(?![\w'’-])")


def _titled(text: str, token, words_before, first) -> bool:
    """Whether a role is written before a name whose head is `token` and whose given name is `first`: among the
    name's words before it, beside its head, or with its portfolio just before the name."""
    return any(_ROLE_WORDS.fullmatch(t.lower_) for t in words_before) or any(
        c.dep_ in ("nmod", "compound") and c.i < token.i and _ROLE_WORDS.fullmatch(c.lower_) for c in token.children) \
        or _ROLE_OF_BEFORE.search(text, max(0, first.idx - 80), first.idx) is not None


def _titles_or_describes(token, people: frozenset[str]) -> bool:
    """Whether a word of a name is a role, a title or a noun for a person ('Minister', 'Capt.', 'Passenger')."""
    return bool(_ROLE_WORDS.fullmatch(token.lower_)) or token.lower_.rstrip(".") in person_prefix_words() or token.lower_ in people


class _PersonClues(NamedTuple):
    """What the sentence says of a proper name that makes it a person's."""
    aged: bool  # 'Zarina Khan, 52,', 'Zarina Khan, a 52-year-old nurse'
    says: bool  # the subject of a reporting verb
    in_apposition_a_role: bool  # 'Tavemi Okorundo, one of the protest's leaders,'
    titled_speaker: bool  # 'Capt. Okorundo said'
    alone_allowed: bool  # one name alone may be a person's


def _people_ner_missed(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """A proper name NER passed over, or took for something else, that the sentence treats as a person:
    the subject of a reporting verb with a given name first ('Aminu Kazaure said'), or a name set beside a
    role or an age ('Aminu Kazaure, a researcher at the university,', 'Zarina Khan, 52,')."""
    reporting, people = _person_evidence_words()
    text = text_of(doc)
    family_names = _surnames_named_in_full(mentions)
    found = []
    # (a name NER already gave a person is none it missed: most proper nouns are such names)
    in_a_person = {i for m in mentions if m.entity_type == "person" for i in range(m.start_char, m.end_char)}
    for token in _proper_noun_heads(doc):
        if not token.text[:1].isupper() or token.idx in in_a_person or token.ent_type_ in _TIMES:
            continue  # ('In December, a youth opened fire': a month NER knows, beside a role)
        named = _name_and_the_words_before_it(text, token, people)
        if named is None:
            continue
        words_before, name, prefixed, described_by_a_word = named
        clues = _person_clues(text, token, name, words_before, prefixed, described_by_a_word, reporting, people)
        if not _shaped_like_a_name(doc, name, clues.alone_allowed):
            continue
        start, end = name[0].idx, token.idx + len(token)
        if any(m.start_char <= start < m.end_char for m in found):
            continue  # ('Olu' of 'Kurmo-Olu', found with the name's other part)
        first_part = _HYPHENED_FIRST_PART.search(text, max(0, start - 30), start)
        if first_part:
            start = first_part.start()  # 'Jean-Marc Dufresne', whose first part the parser hangs on the second
        last_part = _HYPHENED_LAST_PART.match(text, end)
        if last_part:
            end = last_part.end()  # 'Babatunde Kurmo-Olu', which the parser splits at its hyphen
        beside_a_role = _beside_a_role(text, token, name, words_before, start, prefixed, clues, people)
        speaks_or_acts, unknown_place_speaks = _speaks_or_acts(text, token, name, start, end, clues.says, family_names)
        if not (beside_a_role or speaks_or_acts):
            continue
        if not _room_for_a_person(text, token, name, start, end, mentions, beside_a_role or unknown_place_speaks):
            continue
        name = _POST_NOMINALS.sub("", text[start:end])  # 'Jane Doe KC, defending,'
        found.append(Mention(name, start, start + len(name), sentence_index_of(start), "person"))
    # 'said Kurmat, a farmer,' then 'In the town, Kurmat said': one name alone is that person wherever it recurs
    alone = {m.surface for m in found if " " not in m.surface}
    for mention in mentions:
        if mention.surface in alone and mention.entity_type != "person" and not mention.dateline:
            mention.entity_type = "person"
    return found


def _name_and_the_words_before_it(text: str, token, people: frozenset[str]):
    """The tokens of the name `token` heads, split into the words before the name (a role, a title) and the name;
    whether a title was cut from its start, and whether a word before it describes a person. None for a title with
    no name after it."""
    name = sorted([t for t in token.children if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i < token.i] + [token],
                  key=lambda t: t.i)
    prefixed = False
    while len(name) > 1 and name[0].lower_.rstrip(".") in person_prefix_words():
        name, prefixed = name[1:], True  # 'Dr Piotr Zawadzki' is Piotr Zawadzki
    # 'Paramedic Rocio Ibanez', 'Infrastructure Minister Nana Tsertsvadze': the name starts at its given
    # name, and a role written before it says the name is a person's. A name whose given name the list does
    # not know starts after the last word of a role, a title or a noun for a person ('Assistant Chief Constable
    # Tavemi Okorundo', 'Passenger Tavemi Okorundo').
    given = next((k for k, t in enumerate(name[:-1]) if is_given_name(t.text)), None)
    described_by_a_word = False
    if given is None:
        given = 1 + max((k for k, t in enumerate(name[:-1]) if _titles_or_describes(t, people)), default=-1)
        if _titles_or_describes(name[-1], people):
            return None  # 'Deputy Administrator': a title, no name after it
        if given == 0:
            # 'Commentator Tavemi Okorundo said': a noun for what a person does before a name of two words or more;
            # 'Minister of Foreign Affairs Tavemi Okorundo': the portfolio's last words before it
            words = [t.text for t in name]
            given = (1 if _agent_noun(name[0].lower_) and _first_word_of_the_name(words) == 1 else 0) \
                or _name_after_a_portfolio(text, words, [t.idx for t in name])
            described_by_a_word = given > 0
    return name[:given], name[given:], prefixed, described_by_a_word


def _person_clues(text: str, token, name: list, words_before: list, prefixed: bool, described_by_a_word: bool,
                  reporting: frozenset[str], people: frozenset[str]) -> _PersonClues:
    """What the sentence says of the name `token` heads: an age, a reporting verb, a role beside it, a title."""
    end = token.idx + len(token)
    after = text[end:end + 40]
    aged = _AGE_AFTER.match(after) is not None  # 'Zarina Khan, 52,', 'Zarina Khan, a 52-year-old nurse'
    says = token.dep_ == "nsubj" and token.head.lemma_.lower() in reporting
    # ('said Kurmat, a farmer in his fifties': one name that speaks, set beside a noun for a person)
    described_speaker = says and any(c.dep_ == "appos" and c.lemma_.lower() in people for c in token.children)
    # ('Tavemi Okorundo, one of the protest's leaders,', 'Okorundo, the head of the mission,')
    in_apposition_a_role = any(c.dep_ == "appos" and _a_person_by_role_or_kind(c, people) for c in token.children) \
        or _is_a_role(token, people)
    # ('Capt. Okorundo said', 'the deputy minister) Tavemi Okorundo said': a name that speaks, after a title
    # or a role)
    just_before = text[max(0, name[0].idx - 40):name[0].idx]
    titled_speaker = says and (prefixed or described_by_a_word or any(_ROLE_WORDS.fullmatch(t.lower_) for t in words_before)
                               or _HONORIFIC_JUST_BEFORE.search(just_before) is not None
                               or _title_just_before(just_before)
                               or _ROLE_JUST_BEFORE.search(just_before) is not None)
    # one name alone only with an age after it ('Kurmasari, 46, was awake'), or as a speaker described or
    # titled, as many people are named
    # or set beside a role and then given a man's or a woman's possessive ('Okorundo, the head of the mission,
    # left his post': a body's would be 'its')
    alone_allowed = aged or described_speaker or titled_speaker or (in_apposition_a_role and _owns_with_his_or_her(token))
    return _PersonClues(aged, says, in_apposition_a_role, titled_speaker, alone_allowed)


def _is_a_role(token, people: frozenset[str]) -> bool:
    """'Kurmique Dalequi is the spokesman for the ministry': a name that the sentence says is a role or a kind of
    person, with 'is'."""
    return token.dep_ == "nsubj" and token.head.lemma_ == "be" \
        and any(c.dep_ == "attr" and _a_person_by_role_or_kind(c, people) for c in token.head.children)


def _shaped_like_a_name(doc, name: list, alone_allowed: bool) -> bool:
    """Two to four capitalised words (one, where `alone_allowed`), joined by spaces or hyphens, with a particle
    between them perhaps ('Jan del Kurmo')."""
    joined_by_hyphens = all(doc[i].text == "-" and doc[i].whitespace_ == "" for i in range(name[0].i, name[-1].i)
                            if doc[i] not in name)  # 'Jean-Kurm Dubrelle', the hyphen a token of its own
    return joined_by_hyphens and (2 if not alone_allowed else 1) <= len(name) <= 4 and all(
        (t.text[:1].isupper() and re.sub(r"[-'’]", "", t.text).isalpha()) or (0 < k < len(name) - 1 and t.lower_ in _NAME_PARTICLES)
        for k, t in enumerate(name))


_NAME_PARTICLES = frozenset(_RULES["name_particles"])
_TIMES = frozenset({"DATE", "TIME"})


def _beside_a_role(text: str, token, name: list, words_before: list, start: int, prefixed: bool, clues: _PersonClues,
                   people: frozenset[str]) -> bool:
    """Whether a role, an age, a title or an honorific is written with the name."""
    return clues.in_apposition_a_role or clues.aged or clues.titled_speaker or _titled(text, token, words_before, name[0]) \
        or (len(name) >= 2 and _HONORIFIC_JUST_BEFORE.search(text, max(0, start - 12), start) is not None) \
        or (prefixed and len(name) >= 2 and is_given_name(name[0].text)) \
        or (token.dep_ == "appos" and (token.head.lemma_.lower() in people or _ROLE_WORDS.fullmatch(token.head.lower_)))


def _speaks_or_acts(text: str, token, name: list, start: int, end: int, says: bool, family_names: set[str]) -> tuple[bool, bool]:
    """Whether the name speaks as a person does or does what a person does; and whether it is a name NER took
    for a place, that no gazetteer holds, that speaks."""
    # (a family shares a surname: 'Pushpamalar Sivakumar said', the mother of a Sivakumar the text named)
    # ('Kurma Binta Dalo, whose son was among those killed, said': a relative says it too)
    # ('Tavemi Okorundo, whose shack burned first, said', which NER took for a place: a name that speaks and
    # that no gazetteer holds is a person's)
    unknown_place_speaks = says and token.ent_type_ in ("GPE", "LOC", "FAC") and len(name) >= 2 \
        and no_place_is_named(" ".join(t.text for t in name))
    speaking = says and (is_given_name(name[0].text) or name[-1].text in family_names
                         or _WHO_AFTER.match(text, end) is not None or unknown_place_speaks)
    # 'Kurvind Ramalathan walked out', which NER took for a title or passed over: a given name and more,
    # doing something (not a river, a lake, a hill: 'River Kurm rose')
    acting = token.dep_ in ("nsubj", "nsubjpass") and len(name) >= 2 and token.ent_type_ in ("", "WORK_OF_ART", "PRODUCT") \
        and len(name[0].text) >= 3 and is_given_name(name[0].text) and not any(t.lower_ in _natural_feature_words() for t in name) \
        and not any(t.text.isupper() for t in name) and text[max(0, start - 4):start].lower() != "the "
    return speaking or acting, unknown_place_speaks


def _room_for_a_person(text: str, token, name: list, start: int, end: int, mentions: list[Mention], sure: bool) -> bool:
    """Whether a person's name may be taken from `start` to `end`: no person's name is there already, and it is no
    place, body, title or group. The mentions it covers go where the name is `sure` (set beside a role, or a
    place no gazetteer holds that speaks) or opens with a given name ('Hadiza Lawal Bunza, a lawyer,' tagged as
    an organisation)."""
    overlapping = [m for m in mentions if m.start_char < end and start < m.end_char]
    if any(m.entity_type == "person" for m in overlapping) or geocode(text[start:end]) is not None:
        return False
    if name[-1].lower_ in organisation_words() or name[-1].lower_ in _TITLE_LAST_WORDS:
        return False  # 'Kurmin Youth Front'; 'Kurmin State Police Commissioner', a title
    if token.dep_ == "appos" and token.head.tag_ in ("NNS", "NNPS") and _plural_name(text[start:end]):
        return False  # 'The rebels, the Eelam Freedom Tigers,': a group, not a person
    if overlapping:
        if not (sure or is_given_name(name[0].text)):
            return False
        for m in overlapping:
            mentions.remove(m)
    return True


def _surnames_named_in_full(mentions: list[Mention]) -> set[str]:
    """The last word of every person's name of two words or more: the surnames a family may share."""
    return {m.surface.split()[-1] for m in mentions if m.entity_type == "person" and len(m.surface.split()) >= 2}


def _a_person_by_role_or_kind(noun, people: frozenset[str]) -> bool:
    """Whether a noun names a person by role or kind: 'a researcher', 'the head', or 'one of the leaders'."""
    if noun.lemma_.lower() in people or _ROLE_WORDS.fullmatch(noun.lower_):
        return True
    return noun.lower_ == "one" and any(
        prep.lower_ == "of" and any(o.dep_ == "pobj" and (o.lemma_.lower() in people or _ROLE_WORDS.fullmatch(o.lemma_))
                                    for o in prep.children) for prep in noun.children)


def _owns_with_his_or_her(subject) -> bool:
    """Whether the verb a name is the subject of has an object of 'his' or 'her' ('left his post', 'spoke of her
    son'): the name is a man's or a woman's."""
    if subject.dep_ not in ("nsubj", "nsubjpass"):
        return False
    objects = [c for c in subject.head.children if c.dep_ in ("dobj", "attr")]
    objects += [o for p in subject.head.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    return any(c.dep_ == "poss" and c.lower_ in ("his", "her") for o in objects for c in o.children)


# A noun for a person in lower case just before a name: 'rights activist ', 'the local resident ', 'spokesman '.
_NOUN_FOR_A_PERSON_BEFORE = re.compile(r"\b(?:%s)\s+$" % _words_pattern(sorted(
    frozenset(load_rules("casualties")["grammar"]["person_nouns"]) | frozenset(_RULES["role_words"]))))


# A relative clause that English opens for people only: 'Kurmo Dal, who heads the camp,', 'Kurma Dal, 67, whose son
# was among the dead,' (a relative: 'whose members' may be a body's)
_WHO_AFTER = re.compile(r"(?:,\s+\d{1,3})?,\s+(?:who\b|whose\s+(?:[a-z-]+\s+){0,2}(?:%s)\b)" % _words_pattern(_RULES["relative_nouns"]))


def _people_after_a_noun_for_people(text: str, mentions: list[Mention], countries: frozenset[str]) -> None:
    """'human rights activist Kurmo Dal Tun told reporters', 'said Kurmo Dal, who heads the camp', 'Kurma Dal Tun,
    whose son was among the dead,': a name of two to four capitalised words that NER took for an organisation,
    written right after a noun for a person or described by a clause with 'who' (or with 'whose' and a relative),
    is that person's (not 'the militia Kurmin Front', whose last word names a body, nor a place); and so is one
    whose last word is the surname of a person the text names in full ('Kurma Dal sat in the shelter', beside her
    cousin 'Jan Dal': a family shares a surname)."""
    family_names = _surnames_named_in_full(mentions)
    for mention in mentions:
        words = mention.surface.split()
        if mention.entity_type == "organization" and 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) \
                and words[-1].lower() not in organisation_words() and not _named_like_a_body(mention.surface) \
                and (_NOUN_FOR_A_PERSON_BEFORE.search(text, max(0, mention.start_char - 30), mention.start_char)
                     or _WHO_AFTER.match(text, mention.end_char)
                     or (words[-1] in family_names and not words[0].isupper() and not _common_word_not_a_name(words[0]))) \
                and geocode(mention.surface, countries) is None:
            mention.entity_type = "person"


# How a text names a person in passing: 'a lorry driver named Kurmo', 'a woman identified as Kurma', 'who gave his
# name only as Kurmo', 'gave only her first name, Kurma,', 'a man identified only as Kurmo', 'the girl, named only as
# Kurma', 'a man identifying himself as Kurmo'. (The noun before 'named', 'called' or 'identified as' must be a
# person's: 'a village called Dalen', 'a group named Kurmin Front' are no people; nor is 'known only as', which names
# groups as often.)
_NAMING_WORDS = (r"gave (?:only )?(?:his|her) (?:first |full )?name(?: only)?(?: as|,)"
                 r"|(?:identified|named) only (?:as|by (?:his|her) first name,?)"
                 r"|(?:identified|identifying|calling|introducing) (?:himself|herself)(?: only)?(?: as)?"
                 r"|asked to be (?:identified|called|named) (?:only )?(?:as|by (?:his|her) first name,?)")
_NAME_GIVEN = rf"\s+(?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{0,3}})\b"
_NAMED_IN_PASSING = re.compile(rf"\b(?:(?P<noun>[a-z]+)\s+(?:named|called|identified as)|{_NAMING_WORDS}){_NAME_GIVEN}")
# ' named Kurmo', ', who gave his name only as Kurmo', ' identifying himself as Kurmo': the words after a noun for a
# person that name them
_NAMED_RIGHT_AFTER = re.compile(rf",?\s+(?:who\s+)?(?:named|called|{_NAMING_WORDS}){_NAME_GIVEN}")


def name_given_after(text: str, position: int) -> tuple[int, int] | None:
    """The span of the name the words right after `position` give the person before it ('a man, named only as
    Kurmo,', 'a man identifying himself as Kurmo'), or None."""
    match = _NAMED_RIGHT_AFTER.match(text, position)
    return match.span("name") if match else None


def _people_named_in_passing(doc, sentence_index_of, mentions: list[Mention]) -> list[Mention]:
    """'A lorry driver who gave his name only as Wosso said', 'a builder named Kurmin Dasrun': the name a text
    gives a person in passing is a person's, one word or more, whatever NER made of it."""
    _reporting, people = _person_evidence_words()
    text = text_of(doc)
    for match in _NAMED_IN_PASSING.finditer(text):
        noun = match.group("noun")
        if noun is not None and noun not in people:
            continue
        start, end = match.span("name")
        overlapping = [m for m in mentions if m.start_char < end and start < m.end_char]
        if any(m.entity_type == "person" for m in overlapping):
            continue
        mentions = [m for m in mentions if m not in overlapping]
        mentions.append(Mention(text[start:end], start, end, sentence_index_of(start), "person"))
    return sorted(mentions, key=lambda m: m.start_char)
