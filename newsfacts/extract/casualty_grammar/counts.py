"""Counts read off the parse: which tokens are numbers, the count a number writes with the words that belong
to it (a qualifier, a range, a vague amount), the number that counts a phrase, and the phrases conjoined to it that
each carry a count of their own. Years, dates, scores and 'one by one' are numbers that count no one.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsfacts.extract.casualty_grammar.lexicon import lexicon
from newsfacts.extract.nlp import text_of
from newsfacts.extract.numbers import (NUMBER_PATTERN, ORDINAL_WORDS, QUALIFIER_PATTERN, QUALIFIERS, QUALIFIERS_AFTER, TENS,
                                       UNITS, VAGUE, Count, in_a_numeric_date, parse_count)
from newsfacts.rules import load_rules


_QUALIFIED_NUMBER = re.compile(
    rf"(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?:between\s+(?P<lo>{NUMBER_PATTERN})\s+and\s+(?P<hi>{NUMBER_PATTERN})"
    rf"|(?P<num>{NUMBER_PATTERN})(?:\s*(?:-|–|to|or)\s*(?P<num2>{NUMBER_PATTERN}))?)$",
    re.IGNORECASE,
)

_VAGUE_WORDS = {"tens", "dozens", "scores", "hundreds", "thousands", "millions", "dozen", "hundred", "thousand"}
_SOME_DOZEN = re.compile(r"\b((?:a|one|[a-z]+|\d+)\s+dozens?)$", re.IGNORECASE)


# Parts of speech that end a number phrase on its left ('police said 30' is not 'said 30').
_NOT_IN_A_NUMBER = ("NOUN", "PROPN", "PUNCT", "VERB", "AUX", "PRON", "SCONJ", "CCONJ")

_ORDINAL = re.compile(r"^(\d{1,4})(?:st|nd|rd|th)$", re.IGNORECASE)


def _ordinal_value(token) -> int | None:
    match = _ORDINAL.match(token.text)
    return int(match.group(1)) if match else ORDINAL_WORDS.get(token.lower_)


def number_tokens(sentence) -> list:
    """The sentence's tokens that look like numbers or are tagged as numerals (token.like_num, pos_ NUM), found
    once per document from its token arrays: most tokens are none, and a Token object costs more to make than
    the test."""
    doc = sentence.doc
    numbers = doc.user_data.get("newsfacts_number_tokens")
    if numbers is None:
        import numpy
        from spacy.attrs import LIKE_NUM, POS
        from spacy.symbols import NUM

        arrays = doc.to_array([LIKE_NUM, POS])
        numbers = doc.user_data["newsfacts_number_tokens"] = numpy.flatnonzero((arrays[:, 0] == 1) | (arrays[:, 1] == NUM)).tolist()
    return [doc[i] for i in numbers[bisect_left(numbers, sentence.start):bisect_left(numbers, sentence.end)]]


# Verbs that carry a toll to a count: 'the strike brought the toll to 20', 'raised the toll from four to five'
# (rules/casualties.toml [grammar_words]).
_TOLL_CARRIERS = frozenset(load_rules("casualties")["grammar_words"]["toll_carrying_verbs"])


def _is_number(token) -> bool:
    return token.like_num or token.pos_ == "NUM" or token.lower_ in _VAGUE_WORDS


def _tally_number(number) -> bool:
    """'8-7', '3-1': a number written before a smaller one with a dash is a vote or a score."""
    doc = number.doc
    if number.i + 2 >= len(doc) or doc[number.i + 1].text not in ("-", "–") or not doc[number.i + 2].text.isdigit():
        return False
    return number.text.isdigit() and int(doc[number.i + 2].text) < int(number.text)


def _has_scale_word(number) -> bool:
    """'40 million': a count of travellers or money, never a toll compared with one."""
    return any(t.lower_ in ("million", "billion", "thousand") for t in (number, *number.children))


def _one_by_one(number) -> bool:
    doc = number.doc
    return number.i + 2 < len(doc) and doc[number.i + 1].lower_ == "by" and doc[number.i + 2].lower_ == number.lower_


def _the_part_of(number):
    """'nine' of 'nine of 13 people ... died': the part a count is of (which the parser hangs on the whole's number)."""
    words = [c for c in number.children if c.dep_ == "quantmod" and c.i < number.i]
    if len(words) == 2 and _is_number(words[0]) and words[1].lower_ == "of" and words[1].i == number.i - 1:
        return words[0]
    return number


def _number_token(phrase):
    """The token that writes the phrase's count: the phrase itself ('Four were killed'), its number
    ('30 people'), or the number of the phrase a total is 'of' ('a total of 20 people')."""
    if _is_number(phrase):
        return phrase
    for child in phrase.children:
        if _counts(child):
            return _the_part_of(child)
    if phrase.lower_ in ("family", "household"):
        # 'killed a family of four'
        number = next((p for c in phrase.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                       if p.dep_ == "pobj" and _is_number(p)), None)
        if number is not None:
            return number
    if phrase.lower_ in ("total", "tally"):
        for prep in phrase.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for noun in prep.children:
                    found = _number_token(noun) if noun.dep_ == "pobj" else None
                    if found is not None:
                        return found
    return None


def _count_at(number) -> tuple[Count | None, int, int]:
    """The count a number token writes, with the words around it that belong to it: its qualifier
    ('at least 11', 'some 30'), a range ('between 10 and 15', '50 to 60'), a vague amount ('tens of thousands').
    A number after 'aged' is an age, no count ('five children, the youngest aged 3')."""
    doc, sentence_start = number.doc, number.sent.start
    if number.i > sentence_start and doc[number.i - 1].lower_ == "aged" or _an_age_set_off_after_a_person(number):
        return None, number.idx, number.idx + len(number)
    left = number.i
    while left - 1 >= max(sentence_start, number.i - 4) and doc[left - 1].pos_ not in _NOT_IN_A_NUMBER:
        left -= 1
    if left - 2 >= sentence_start and doc[left - 1].text in ("-", "–") and doc[left - 2].like_num \
            and doc[left - 1].idx == doc[left - 2].idx + len(doc[left - 2].text):
        left -= 2  # 'Forty-three', which the tokenizer splits at its hyphen
    changes = lexicon().rise_verbs | lexicon().revision_verbs | _TOLL_CARRIERS
    rose_to = [t.i for t in doc[left:number.i] if t.lower_ == "to" and (
        t.head.lemma_.lower() in changes or (t.head.like_num and t.head.head.lower_ == "from"
                                             and t.head.head.head.lemma_.lower() in changes)
        or _went_up_to(t, number, changes))]
    if rose_to:
        left = rose_to[-1] + 1  # ('the toll rose from 26 to 31': 31 is the count, 26 the one before it)
    right = number.i
    # ('the toll rose from 26 to 31': two counts, one after the other, not a range)
    changed_from = number.i - 1 >= sentence_start and doc[number.i - 1].lower_ == "from" \
        and doc[number.i - 1].head.lemma_.lower() in changes
    if right + 2 < number.sent.end and doc[right + 1].lower_ in ("to", "and", "or", "-", "–") and doc[right + 2].like_num \
            and not (changed_from and doc[right + 1].lower_ == "to") \
            and (doc[right + 1].lower_ != "and" or doc[right].lower_ in ("hundred", "thousand")
                 or any(t.lower_ == "between" for t in doc[left:number.i])):
        right += 2  # ('31 and 210 homes' is two counts; 'between 10 and 15' and 'two hundred and twelve' one)
    if number.lower_ in ("tens", "hundreds") and right + 2 < number.sent.end and doc[right + 1].lower_ == "of" \
            and doc[right + 2].lower_ in ("thousands", "millions"):
        right += 2
    if number.lower_ in ("thousands", "millions") and number.i - 2 >= sentence_start and doc[number.i - 1].lower_ == "of" \
            and doc[number.i - 2].lower_ in ("tens", "hundreds"):
        left = min(left, number.i - 2)
    if right + 1 < number.sent.end and doc[right + 1].lower_ in ("dozen", "dozens") and number.like_num:
        right += 1  # ('two dozens of workers': one count, 24)
    span = doc[left:right + 1]
    words = " ".join(span.text.lower().split())
    dozens = _SOME_DOZEN.search(span.text)
    if dozens and parse_count(dozens.group(1).lower()) is not None:
        # 'two dozen', '3 dozen': a round number (not the vague 'dozens' its last word alone would be); 'more than
        # two dozen' is at least 24
        qualifier = " ".join(span.text[:dozens.start(1)].lower().split())
        count = parse_count(dozens.group(1).lower(), qualifier if qualifier in QUALIFIERS else None)
        return count, span.start_char + dozens.start(1), span.end_char
    for vague in sorted(VAGUE, key=len, reverse=True):
        if words.endswith(vague) and vague.split()[-1] in _VAGUE_WORDS | {"thousands", "millions"}:
            return parse_count(vague), span.start_char, span.end_char
    match = _QUALIFIED_NUMBER.search(span.text)
    if not match:
        return None, span.start_char, span.end_char
    if match.group("lo"):
        count = parse_count(match.group("lo"), None, match.group("hi"))
    else:
        count = parse_count(match.group("num"), match.group("qual"), match.group("num2"))
    after = doc[right + 1:right + 3]
    if count is not None and count.precision == "exact" and len(after) == 2 and after[0].lower_ == "or" \
            and after[1].lower_ in QUALIFIERS_AFTER and after[1].i < number.sent.end:
        # '51 or more', '30 or so': a qualifier written after the number
        count = parse_count(match.group("num"), QUALIFIERS_AFTER[after[1].lower_])
        return count, span.start_char + match.start(), after[1].idx + len(after[1])
    return count, span.start_char + match.start(), span.end_char


def _an_age_set_off_after_a_person(number) -> bool:
    """'Boy, 16, dies', 'a farmer, 35, was shot': a number between commas right after a noun for a person is their age,
    however the parser hangs it."""
    doc, i = number.doc, number.i
    return i >= 2 and i + 1 < len(doc) and doc[i - 1].text == "," and doc[i + 1].text == "," \
        and doc[i - 2].lower_ in lexicon().person_nouns


def _went_up_to(to, number, changes) -> bool:
    """'went up to 825': a count a toll went up to, not 'up to 825' (a ceiling), however the parser hangs 'up' and
    'to' (on the verb, or on the number as one quantity)."""
    up = to.doc[to.i - 1]
    verb = number.head if up.head.i == number.i else up.head
    return up.lower_ in ("up", "down") and verb.lemma_.lower() in changes


def _in_a_written_date(number) -> bool:
    """'09' of '2017-09-30', '3' of '3/11/2024', '14/10/2020' as one token: a part of a date written with dashes or
    slashes, no count."""
    doc = number.doc
    if in_a_numeric_date(text_of(doc), number.idx, number.idx + len(number)):
        return True  # (a whole date of numbers, whatever NER made of it)
    joined = [doc[i] for i in (number.i - 1, number.i + 1) if 0 <= i < len(doc) and doc[i].text in ("-", "/")
              and (doc[i].idx == number.idx + len(number) or doc[i].idx + 1 == number.idx)]
    return bool(joined) and number.ent_type_ == "DATE"


def _is_year(number, phrase) -> bool:
    """'in 2012', and 'the blaze in November 2012 that killed 112', where the month is the relative clause's
    antecedent: a year, no count."""
    text = number.text
    return bool(re.fullmatch(r"(1[89]|20)\d\d", text)) and (number is phrase or number.ent_type_ == "DATE")


def _number_or_counted_number(token) -> list:
    """'20' in 'rose to 20', and in 'rose to 20 people': the number, or the number counting the noun (not one that
    ranks: 'the toll is one of the bloodiest in the conflict')."""
    if _is_number(token):
        return [] if _ranks_among_the_most(token) else [token]
    return [c for c in token.children if _counts(c)] if token.pos_ == "NOUN" else []


def _ranks_among_the_most(number) -> bool:
    """'one of the bloodiest', 'one of the worst in years': a number whose 'of' names the superlative it ranks among."""
    return any(prep.dep_ == "prep" and prep.lower_ == "of" and any(
        p.dep_ == "pobj" and (p.tag_ == "JJS" or p.lower_.endswith("est") or any(a.tag_ == "JJS" or a.lower_ in ("most", "worst") for a in p.children))
        for p in prep.children) for prep in number.children)


# Number words that count ('eleven'; not 'second', which ranks)
_CARDINAL_WORDS = frozenset(UNITS) | frozenset(TENS)


def _counts(child) -> bool:
    """Whether a word before a noun is the number that counts it: '30 people', and 'Eleven devotees' where the
    parser hung a number word opening a paragraph on the noun otherwise (as part of a name, as its subject); a
    year before a noun ('2019 victims') is no count."""
    return child.dep_ == "nummod" and _is_number(child) or (
        child.lower_ in _CARDINAL_WORDS and child.i == child.head.i - 1 and child.dep_ in ("compound", "nsubj"))


_SINGULAR_DETERMINERS = {"a", "an", "one", "another"}


def _is_single_by_age(phrase) -> bool:
    """'a 17-year-old was shot to death': one person, told by an age."""
    if not any(c.dep_ == "det" and c.lower_ in _SINGULAR_DETERMINERS for c in phrase.children):
        return False
    return bool(re.fullmatch(r"\d{1,3}-year-old", phrase.lower_)) or (
        phrase.lower_ == "old" and any(c.lower_ in ("year", "month") for c in phrase.children))


def _with_conjuncts(head) -> list:
    """'12 workers and three policemen': each conjoined phrase is a figure of its own."""
    phrases = [head]
    for child in head.children:
        if child.dep_ == "conj" and (child.pos_ in ("NOUN", "NUM", "PROPN") or _is_number(child) or _is_single_by_age(child)) \
                and not _has_own_clause(child) and not _counts_things(child):
            # '57 people who were killed and 18 who are missing': a conjunct with its own clause says its own fate
            phrases += _with_conjuncts(child)
        elif _a_list_read_as_an_apposition(child):
            phrases += _with_conjuncts(child)
    for name in _name_given_to(head):
        # 'the village head identified as Jan Doe and 17 other villagers': the parser hangs the conjunct on the name
        phrases += [p for child in name.children if child.dep_ == "conj" for p in _with_conjuncts(child)
                    if _number_token(p) is not None]
    return phrases


def _a_list_read_as_an_apposition(noun) -> bool:
    """'His mother, brother and niece': the parser reads the rest of a list of single nouns as an apposition of its
    first (a bare noun with a conjunct of its own), where an apposition proper restates it ('the driver, a man')."""
    return noun.dep_ == "appos" and noun.tag_ == "NN" and noun.head.tag_ == "NN" and noun.head.i < noun.i \
        and not any(c.dep_ in ("det", "poss", "nummod", "amod", "compound") for c in noun.children) \
        and any(c.dep_ == "cc" for c in noun.children) and any(c.dep_ == "conj" and c.tag_ == "NN" for c in noun.children)


# Participles that give a name to the noun they follow: 'a man identified as Jan Doe', 'a boy named Kurmo'
# (rules/casualties.toml)
_NAMING_PARTICIPLES = frozenset(load_rules("casualties")["grammar_words"]["naming_participles"])


def _name_given_to(head) -> list:
    """The name a participle after a noun gives it ('identified as Jan Doe', 'named Kurmo'), or nothing."""
    names = []
    for acl in (c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in _NAMING_PARTICIPLES):
        names += [c for c in acl.children if c.dep_ in ("oprd", "dobj", "attr") and c.pos_ == "PROPN"]
        names += [p for c in acl.children if c.dep_ == "prep" and c.lower_ == "as" for p in c.children
                  if p.dep_ == "pobj" and p.pos_ == "PROPN"]
    return names


def _has_own_clause(token) -> bool:
    """'57 people who were killed and 18 who are missing': a bare number with a relative clause of its own
    (which the parser may hang elsewhere) says its own fate; 'three policemen who were guarding it' does not."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if token.pos_ == "NUM" and following is not None and following.lower_ in ("who", "whom", "that", "which"):
        return True
    # 'lost 15 people and one was injured': a bare number right before a verb of its own is that verb's subject
    verb = following.head if following is not None and following.dep_ in ("aux", "auxpass") else None
    return token.pos_ == "NUM" and verb is not None and verb.i > token.i and verb.pos_ == "VERB" and verb.head.i < token.i


def _counts_things(number) -> bool:
    """'the toll has climbed to 31 and 210 homes have burned': a conjoined number right before a noun of
    things counts the things (the parser may have hung that noun on the first number instead)."""
    following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    return number.pos_ == "NUM" and following is not None and following.pos_ == "NOUN" \
        and following.lower_ in lexicon().not_people
