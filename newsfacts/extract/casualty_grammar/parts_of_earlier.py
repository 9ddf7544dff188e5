"""Parts of a figure the text gave in an earlier sentence: 'Eleven of them were children', 'At least 44 of the
dead were women', 'Three of the eight were children'. The caller joins each to the figure it refers to.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from newsfacts.extract.casualty_grammar.counts import _count_at, _is_number
from newsfacts.extract.casualty_grammar.lexicon import _Lexicon, lexicon, perpetrator_nouns
from newsfacts.extract.nlp import text_of
from newsfacts.extract.numbers import TENS, UNITS, Count


@dataclass(frozen=True)
class PartOfEarlier:
    """'Eleven of them were children': a part of a figure the text gave in an earlier sentence."""
    kind: str | None  # 'the dead' says killed; 'them' leaves it to the figure referred to
    count: Count
    victim_word: str
    start_char: int
    end_char: int
    whole: int | None  # 'Three of the eight': the count of the figure referred to


@cache
def _part_of() -> re.Pattern:
    """'N of them', 'N of the', and 'of the dead' or another of the lexicon's group nouns: a sentence without
    one holds no part of an earlier figure."""
    groups = "|".join(re.escape(word) for word in sorted(lexicon().group_nouns, key=len, reverse=True))
    return re.compile(rf"(?:\d|\b(?:{'|'.join(UNITS)}|{'|'.join(TENS)}))\S*\s+(?:of\s+(?:them|those|these|whom|the)|were|are)\b"
                      rf"|\bof the (?:{groups})\b", re.IGNORECASE)


def _group_noun_after(of, lex):
    """The noun for a group of victims right after 'of' and its article ('of the injured'), however the parser hung
    it; else None."""
    following = [t for t in of.doc[of.i + 1:of.i + 3] if t.dep_ != "det"][:1]
    return following[0] if following and following[0].lower_ in lex.group_nouns else None


def parts_of_earlier_figures(sentence) -> list[PartOfEarlier]:
    """'Eleven of them were children', 'At least 44 of the dead were women', 'Three of the eight were
    children under five': a number of people out of a group the text counted before."""
    if not _part_of().search(text_of(sentence.doc), sentence.start_char, sentence.end_char):
        return []  # no 'N of them', 'N of the dead': the parse need not be read
    lex = lexicon()
    found = []
    for token in sentence:
        # 'Eleven of them were children', 'Fourteen of the injured remain in hospital'
        if token.dep_ not in ("nsubj", "nsubjpass", "dobj") or not _is_number(token):
            continue
        if any(c.dep_ == "det" and c.lower_ in ("every", "each") for c in token.children):
            continue  # 'each one of the deaths was investigated': each of them, not one more
        # ('Of the injured, six are in critical condition': the 'of' fronted, on the verb)
        of = next((c for holder in (token, token.head) for c in holder.children if c.dep_ == "prep" and c.lower_ == "of"
                   and (holder is token or c.i < token.i)), None)
        whole = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if of is not None and whole is None:
            whole = _group_noun_after(of, lex)  # ('Twenty-one of the injured remain ...': a noun the parser hung elsewhere)
        if whole is None and _a_bare_number_of_people_that_were(token, lex):
            whole = token  # 'Forty people were injured; 16 were children': of them
        if whole is None:
            continue
        # 'of them' with a verb of being; 'of the dead' whatever the verb ('11 of the dead had been recovered',
        # 'the hospital received 19 of the injured')
        # ('Seven of the seriously injured passengers': a noun its state word makes a group of victims)
        # (as a subject, and more than one: 'ran to help one of the injured marchers' tells of one man)
        # ('Of the villagers killed, eight were farmers': the participle after the noun, too)
        state = next((lex.states[c.lower_] if c.dep_ == "amod" else lex.transitive[c.lemma_.lower()] for c in whole.children
                      if c.dep_ == "amod" and c.lower_ in lex.states
                      or c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in lex.transitive and not list(c.children)), None) \
            if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ not in ("one", "1") else None
        # ('Three of them were flown to the capital for surgery': carried for care, as the hurt are)
        carried = token.dep_ == "nsubjpass" and token.head.lemma_.lower() in lex.hospital_verbs
        if whole.lower_ not in lex.group_nouns and not state and not carried \
                and (token.dep_ == "dobj" or token.head.lemma_ not in ("be", "remain", "stay", "have")):
            continue
        if whole.lower_ not in lex.group_nouns and token.head.lemma_ == "have" and any(
                c.dep_ == "dobj" and c.lemma_.lower() not in lex.injury_nouns for c in token.head.children):
            continue  # 'Three of them have a criminal record': something they have, not a wound
        kind, whole_count = None, None
        # ('14 of those who died', '9 of those who were injured': the clause on 'those' says which figure)
        told = next((c for c in whole.children if c.dep_ == "relcl"), None) if whole.lower_ == "those" else None
        told_kind = (lex.intransitive.get(told.lemma_.lower()) or (lex.transitive.get(told.lemma_.lower()) if told.tag_ == "VBN" else None)) \
            if told is not None else None
        if whole.lower_ in lex.group_nouns:
            kind = lex.group_nouns[whole.lower_]
        elif told_kind:
            kind = told_kind
        elif state:
            kind = state
        elif whole is not token and _is_number(whole):
            whole_count = _count_at(whole)[0]
        elif whole is not token and whole.lower_ not in ("them", "those", "these", "whom"):
            continue
        count, start, end = _count_at(token)
        if count is None or count.count_min == 0:
            continue
        described = next((c for c in token.head.children if c.dep_ in ("attr", "acomp")), None)
        if described is not None and described.lemma_.lower() in perpetrator_nouns():
            continue  # 'only one of them was a suicide bomber': one of the attackers, no victim
        found.append(PartOfEarlier(kind, count, described.lower_ if described is not None else "people", start, end,
                                   whole_count.count_min if whole_count else None))
        for other in _more_parts_by_ellipsis(sentence, token):
            more, start, end = _count_at(other)
            if more is not None and more.count_min:
                found.append(PartOfEarlier(kind, more, "people", start, end, whole_count.count_min if whole_count else None))
    return found


def _more_parts_by_ellipsis(sentence, part) -> list:
    """'eight of the fatalities were recorded in the north, four in the east and two in the west': the numbers after
    the part's verb that leave it out and keep its preposition, each a part of the same whole."""
    verb = part.head
    prepositions = {c.lower_ for c in verb.children if c.dep_ == "prep" and c.i > verb.i}
    if verb.pos_ not in ("VERB", "AUX") or not prepositions:
        return []
    return [t for t in sentence if t.i > verb.i and _is_number(t) and t.dep_ in ("appos", "conj", "npadvmod")
            and t.head.i >= verb.i and not any(c.dep_ in ("nummod", "compound") for c in t.children)
            and any(c.dep_ == "prep" and c.lower_ in prepositions for c in t.children)]


def _a_bare_number_of_people_that_were(token, lex: _Lexicon) -> bool:
    """'16 were children', 'two are women': a number alone, with a verb of being and people as what they were."""
    return token.dep_ == "nsubj" and token.head.lemma_ == "be" and not list(token.children) \
        and any(c.dep_ == "attr" and c.tag_ in ("NNS", "NNPS") and c.lemma_.lower() in lex.person_nouns for c in token.head.children)
