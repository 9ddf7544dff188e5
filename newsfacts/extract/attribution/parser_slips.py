"""Shapes the parser, the tagger or the entity recogniser gets wrong in news writing, read back as the writer
meant them: a rank or a title taken for the head of a name, a reporting verb taken for a noun, a subject taken
for an object, 'quoted' taken for an adjective of the one quoted, a transcript's label taken for a subject, a title
taken for a body, a name the recogniser missed.
"""

from __future__ import annotations

from itertools import takewhile
import re

from newsfacts.extract.entities import organisation_words, person_prefix_words
from newsfacts.extract.gazetteer import geocode
from newsfacts.extract.nlp import paragraph_text_of

from newsfacts.extract.attribution.words import (_AFTER_A_LABEL, _FIRST_WORD, _INTERIM, _OFFICE_HOLDERS, _QUOTED_AS, _SUBJECTS,
                                                 REPORTING_LEMMAS)


def _a_transcript_label(token) -> bool:
    """Whether a word is part of the label that opens its line in a transcript ('QUESTION (Jane Doe, Radio
    Kurmin):'): a word in capitals, then what it says of the speaker in brackets, and a colon."""
    text = paragraph_text_of(token.doc)
    line_start = text.rfind("\n", 0, token.idx) + 1
    first = _FIRST_WORD.match(text, line_start)
    if first is None or not first.group().isupper() or len(first.group()) < 2:
        return False
    label = _AFTER_A_LABEL.match(text, first.end())
    return label is not None and token.idx < label.end()


def _a_title_taken_for_a_body(surface: str) -> bool:
    """'Humanitarian Coordinator a.i.', 'Resident Coordinator for Kurmistan': an office holder's title, capitalised, that the entity
    recogniser took for an organisation's name (its last word names a person's post, no body)."""
    words = re.split(r"\s+(?:for|of|in|to)\s+", _INTERIM.sub("", surface))[0].split()  # ('Resident Coordinator for Kurmistan')
    return len(words) >= 2 and words[-1].lower() in _OFFICE_HOLDERS and words[-1].lower() not in organisation_words()


def _a_name_ner_missed(name: str) -> bool:
    """A person's name as a subject the recogniser did not tag: two to four capitalised words, none of them a body's
    word or a title, that name no place ('Jan Kurmov', not 'Kurmin Relief Agency', 'Deputy Mayor' nor 'Tierra Kurma')."""
    words = name.split()
    return 2 <= len(words) <= 4 and geocode(name) is None and all(
        w[:1].isupper() and w.lower() not in organisation_words() and w.lower().rstrip(".") not in person_prefix_words() for w in words)


def _the_subject_the_parser_hung_elsewhere(token) -> bool:
    """'Thirty were killed in Kurmin, Jan Doe, an administrator for the district, told reporters': a name the parser
    set in apposition to a word before it, right before a reporting verb that has no subject of its own."""
    if token.dep_ != "appos":
        return False
    following = token.doc[token.right_edge.i + 1:token.right_edge.i + 3]
    verb = next((t for t in following if not t.is_punct), None)
    return verb is not None and verb.lemma_.lower() in REPORTING_LEMMAS and verb.pos_ == "VERB" \
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _ranked_name_first(token) -> tuple[int, int] | None:
    """The span of the name in a phrase that opens with a rank or title, then a name, then 'of' ('Sergeant Jan Doe
    of the Kurmin police', which the parser may hang on 'police'), or None."""
    words = list(token.subtree)
    if len(words) < 4 or words[0].lower_.rstrip(".") not in person_prefix_words() or not words[0].text[:1].isupper():
        return None
    name = list(takewhile(lambda t: t.pos_ == "PROPN" and t.text[:1].isupper() and t.lower_.rstrip(".") not in person_prefix_words(), words[1:]))
    if not 1 <= len(name) <= 3 or len(words) <= len(name) + 1 or words[len(name) + 1].lower_ != "of":
        return None
    return name[0].idx, name[-1].idx + len(name[-1])


def _named_after_a_title_of_a_place(token) -> bool:
    """'the governor of Dala province Jane Doe said': the parser hangs the name on the title's 'of' phrase,
    and the title, the subject, is the person named last in it (or just before an aside: 'Superintendent of
    Police Jane Doe, who reached the site, said')."""
    title = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
    return title is not None and title.dep_ in _SUBJECTS and title.lemma_.lower() in _OFFICE_HOLDERS \
        and token.ent_type_ == "PERSON" and (token.i == title.right_edge.i or _an_aside_after(token))


def _named_after_a_title_for_a_place(token, title) -> bool:
    """'said the Resident and Humanitarian Coordinator for Kurmistan, Jane Doe': the parser sets the name beside the
    place the title serves; it closes the subject's phrase, and names the title's holder."""
    place = token.head
    return token.dep_ == "appos" and token.ent_type_ == "PERSON" and place.dep_ == "pobj" and place.head.lower_ in ("for", "of") \
        and place.head.head.i == title.i and token.i == title.right_edge.i and token.doc[token.left_edge.i - 1].text == ","


def _an_aside_after(token) -> bool:
    """A comma after the token, and after it an aside about it rather than a name beside it ('Jane Doe, who ...',
    not 'the minister of Kurmin, Jane Doe,')."""
    after = token.doc[token.i + 1:token.i + 3]
    return len(after) == 2 and after[0].text == "," and after[1].pos_ != "PROPN"


def _hyphenated_title(token) -> bool:
    """'the Secretary-General', which the tokenizer splits at its hyphen: a title, not a name."""
    written = _whole_hyphenated_word(token)
    return "-" in written and written in person_prefix_words()


def _last_piece_of_a_hyphenated_word(token):
    """'the coalition's co-founder, Jane Doe, said': the tokenizer splits a word at its hyphens, and the parser
    may make each piece a subject of the verb, with what describes the word hung on its last piece. The
    last piece of a lower-case word so split (the token itself for any other)."""
    doc = token.doc
    while (token.i + 2 < len(doc) and token.is_lower and token.is_alpha and not token.whitespace_
           and doc[token.i + 1].text == "-" and not doc[token.i + 1].whitespace_
           and doc[token.i + 2].is_lower and doc[token.i + 2].is_alpha and doc[token.i + 2].head.i in (token.head.i, token.i)):
        token = doc[token.i + 2]
    return token


def _first_piece_of_a_hyphenated_word(token, lower_case: bool):
    """The first piece of the word, split at its hyphens, whose last piece the token is (only of a word in lower
    case with `lower_case`); the token itself for any other."""
    doc, first = token.doc, token
    while first.i >= 2 and doc[first.i - 1].text == "-" and not doc[first.i - 1].whitespace_ \
            and not doc[first.i - 2].whitespace_ and doc[first.i - 2].is_alpha \
            and (not lower_case or (doc[first.i - 2].is_lower and first.is_lower)):
        first = doc[first.i - 2]
    return first


def _phrase_of_a_hyphenated_word(token) -> list:
    """The tokens of a subject's phrase, in order, with the earlier pieces of the word when the token is the
    last piece of a lower-case word split at its hyphens ('the co-founder' for 'founder')."""
    first = _first_piece_of_a_hyphenated_word(token, lower_case=True)
    if first is token:
        return list(token.subtree)
    return sorted({t for piece in token.doc[first.i:token.i + 1] for t in piece.subtree}, key=lambda t: t.i)


def _whole_hyphenated_word(token) -> str:
    """The word, in lower case, whose last piece the token is ('secretary-general' for 'general'); the token's
    own text for any other."""
    first = _first_piece_of_a_hyphenated_word(token, lower_case=False)
    return paragraph_text_of(token.doc)[first.idx:token.idx + len(token)].lower()


def _subject_of_a_verb_taken_for_a_noun(token) -> bool:
    """', Jane Doe remembers, when': a name that the parser made the compound of a reporting verb in -s, which
    it took for a plural noun set off by commas."""
    head = token.head
    return token.dep_ == "compound" and token.pos_ == "PROPN" and head.tag_ == "NNS" and head.i == token.i + 1 \
        and head.lemma_.lower() in REPORTING_LEMMAS and head.i + 1 < len(head.doc) and head.doc[head.i + 1].is_punct


def _verb_taken_for_a_noun(token) -> bool:
    """'"...," Jane Doe recalls.': a reporting verb in -s after a quotation, which the tagger took for a plural
    noun with the name as its compound."""
    return token.tag_ == "NNS" and token.dep_ == "ROOT" and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children) and any(
        c.is_punct and c.i < token.i and c.text in {'"', "”", "’", "'"} for c in token.children)


def _reporting_gerund_taken_for_a_noun(token) -> bool:
    """'with the monitor reporting "..."': a reporting verb in -ing with a subject of its own, which the tagger took
    for a noun."""
    stem = token.lower_[:-3]
    return token.tag_ == "NN" and token.lower_.endswith("ing") and bool({stem, stem + "e"} & REPORTING_LEMMAS) \
        and any(c.dep_ == "nsubj" for c in token.children)


def _subject_taken_for_an_object(verb) -> list:
    """'"...," marvelled resident Jane Doe': after a verb the parser does not know as one of speaking, the subject
    written after it looks like its object."""
    if verb.lemma_.lower() in REPORTING_LEMMAS:
        return []  # ('"...," read the banner': a verb of speaking the parser knows has its object)
    return [c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1 and c.pos_ in ("PROPN", "NOUN")
            and not any(c2.dep_ == "nsubj" for c2 in verb.children)]


def _subject_after_an_opening_verb(verb) -> list:
    """'Said another, Jan Doe: "..."', 'Added the minister: "..."': a reporting verb that opens its sentence puts its
    subject after it, where the parser takes it for an object or an adverb's noun."""
    if verb.lemma_.lower() not in REPORTING_LEMMAS or verb.i != verb.sent.start or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ in ("dobj", "npadvmod", "appos", "attr") and c.pos_ in ("PROPN", "NOUN")]


def _name_quoted_as_an_adjective(token):
    """'the agency quoted commander Jan Doe as saying': the name the parser made 'quoted' an adjective of (by way of
    its title's compound), which heads 'as saying'; else None."""
    if token.lemma_.lower() != "quote" or token.dep_ != "amod" or token.head.i < token.i:
        return None
    noun = token.head
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head
    saying = any(c.lower_ == "as" and any(g.lower_ in _QUOTED_AS for g in c.children) for c in noun.children)
    return noun if saying and noun.pos_ in ("PROPN", "NOUN") else None
