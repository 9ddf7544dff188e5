"""From a victims' phrase to a figure: the count its number writes, or one person told of without a number
('a guard', 'the gunman', 'a 17-year-old', 'himself'), or two ('both drivers'); and single victims listed one by one
('a man and a woman'), which are one figure of them all. Things that are not people, negated phrases and the whole a
part is taken from are no figures.
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsfacts.extract.casualty_grammar.counts import (_SINGULAR_DETERMINERS, _a_list_read_as_an_apposition, _count_at, _in_a_written_date,
                                                       _is_number, _is_single_by_age, _is_year, _name_given_to, _number_token,
                                                       _one_by_one, _with_conjuncts)
from newsfacts.extract.casualty_grammar.lexicon import _Lexicon, GrammarFigure, perpetrator_nouns
from newsfacts.extract.casualty_grammar.parse_checks import _quoted, _sentence_before
from newsfacts.extract.nlp import text_of
from newsfacts.extract.numbers import Count
from newsfacts.extract.truecasing import is_english_word
from newsfacts.rules import load_rules

# (the verbs of rules/attribution.toml, for one who tells of their own wound)
_REPORTING_VERBS = frozenset(load_rules("attribution")["reporting_verbs"])


def _figure(kind: str, phrase, predicate, lex: _Lexicon, definite_single: bool = False) -> GrammarFigure | None:
    if phrase.lower_ in lex.not_people or phrase.lemma_.lower() in lex.not_people:
        return None
    if phrase.lower_ == "head" and _number_token(phrase) is not None and any(c.dep_ == "prep" and c.lower_ == "of" for c in phrase.children):
        return None  # '2,100 head of livestock': animals counted by the head
    counted = next((p for c in phrase.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
    if counted is not None and _is_number(phrase) and (counted.lower_ in lex.not_people or counted.lemma_.lower() in lex.not_people):
        return None  # 'dozens of horses died': what the number counts is no people
    # ('no survivors', 'not a single officer')
    # (a number's 'not' sets it against another: 'the toll is 15, not 13')
    if any((c.dep_ == "det" or c.dep_ == "neg" and not _is_number(phrase)) and c.lower_ in lex.negations for c in phrase.children) \
            or phrase.lower_ in lex.negations:
        return None
    if _whole_of_a_part(phrase):
        return None
    number = _number_token(phrase)
    if number is not None and number.lower_ == "one" and any(c.dep_ == "neg" and c.i == number.i - 1 for c in number.children):
        return None  # 'Not one person was killed' (but 'the toll is 15, not 13' sets one count against another)
    if number is not None and _one_by_one(number):
        return None  # 'shot the guards one by one' says how, not how many
    if number is not None:
        count, start, end = _count_at(number)
        if count is None or count.count_min == 0 or _is_year(number, phrase) or _in_a_written_date(number):
            return None
    elif _is_single_person(phrase, lex) or _is_single_by_age(phrase):
        count = Count(1, 1, "exact")
        # (from its article: 'a 7-year-old' is five tokens)
        near = phrase.left_edge.i >= phrase.i - (5 if _is_single_by_age(phrase) else 4)
        start, end = phrase.left_edge.idx if near else phrase.idx, phrase.idx + len(phrase.text)
    elif phrase.lower_ in ("body", "corpse") and predicate.lemma_.lower() in lex.recovery_verbs \
            and any(c.dep_ == "det" and c.lower_ in _SINGULAR_DETERMINERS for c in phrase.children):
        # ('a body was found in the river', 'another body was pulled from the rubble': one dead, whoever it was)
        count, start, end = Count(1, 1, "exact"), phrase.left_edge.idx, phrase.idx + len(phrase.text)
    elif (phrase.lower_ == "another" or _the_other_one(phrase)) and phrase.dep_ in ("nsubj", "nsubjpass", "dobj"):
        count, start, end = Count(1, 1, "exact"), phrase.left_edge.idx, phrase.idx + len(phrase.text)
    elif phrase.lower_ == "both" and phrase.dep_ in ("nsubj", "nsubjpass"):
        count, start, end = Count(2, 2, "exact"), phrase.idx, phrase.idx + len(phrase.text)  # 'Both were killed'
    elif phrase.tag_ == "NNS" and phrase.dep_ in ("nsubj", "nsubjpass") and phrase.lemma_.lower() in lex.person_nouns \
            and any(c.dep_ in ("det", "predet") and c.lower_ == "both" for c in phrase.children) \
            and not any(c.dep_ == "conj" for c in phrase.children):
        count, start, end = Count(2, 2, "exact"), phrase.left_edge.idx, phrase.idx + len(phrase.text)  # 'Both drivers died'
    elif phrase.dep_ == "dobj" and (predicate.lemma_.lower() in lex.transitive or predicate.lemma_.lower() in lex.with_result) \
            and (phrase.lower_ in ("himself", "herself")
                 or (phrase.lower_ in ("him", "her") and kind == "killed" and predicate.tag_ in ("VBD", "VBZ", "VBP")
                     and not _quoted(phrase))):
        # 'the gunman killed himself', 'before police shot him dead' (a finite verb: 'fatally wounding him' tells
        # how a death the text has counted came about)
        count, start, end = Count(1, 1, "exact"), phrase.idx, phrase.idx + len(phrase.text)
    elif definite_single and phrase.tag_ == "NN" and phrase.lemma_.lower() in lex.person_nouns \
            and not any(c.dep_ in ("appos", "conj") and c.ent_type_ == "PERSON" and c.doc[phrase.i + 1].text == ","
                        for c in phrase.children):
        # 'five were killed, including the gunman': one person of the figure (not one it names: 'including the station
        # chief, Colonel Jan Doe', a victim named inside the count)
        count, start, end = Count(1, 1, "exact"), phrase.left_edge.idx, phrase.idx + len(phrase.text)
    elif _the_one_person(phrase, lex) and phrase.dep_ in ("nsubj", "nsubjpass") and (not _quoted(phrase) or _an_attacker(phrase)) \
            and (not _set_off_by_a_comma(phrase) or _a_verb_of_violence(predicate, lex)):
        # 'The gunman was shot dead by officers': one person the text told of before, whose death (or wound) this
        # states first (a restatement is merged with the figure it restates); with an aside ('The suspect, who
        # has not been named, was shot and wounded'), only by a verb of violence or death (not 'hospitalized')
        count, start, end = Count(1, 1, "exact"), phrase.left_edge.idx, phrase.idx + len(phrase.text)
    elif _the_one_person(phrase, lex) and phrase.dep_ == "dobj" and kind == "killed" \
            and predicate.lemma_.lower() in lex.transitive and not _quoted(phrase):
        # 'opened fire on the convoy, killing the pilot', 'the blast also killed the driver': one person killed
        count, start, end = Count(1, 1, "exact"), phrase.left_edge.idx, phrase.idx + len(phrase.text)
    elif (introduced := _the_one_the_sentence_before_introduced(phrase, lex) or _the_one_who_tells_of_it(phrase)) is not None:
        # 'A watchman was asleep on the ground floor. He died on the spot': one person, as 'a watchman died' is
        count, start, end = Count(1, 1, "exact"), phrase.idx, phrase.idx + len(phrase.text)
        span_start, span_end = start, max(end, predicate.idx + len(predicate.text))
        return GrammarFigure(kind, count, introduced.lower_, span_start, span_end, start, number_end=end)
    else:
        return None
    span_start = min(start, predicate.idx)
    span_end = max(end, predicate.idx + len(predicate.text))
    if number is not None and number.head.i == phrase.i and 0 < phrase.i - number.i <= 3:
        # ('killed 14 pupils and three teachers': the words of the second figure end at its noun)
        span_end = max(span_end, phrase.idx + len(phrase.text))
    # 'Two soldiers and three civilians were killed': the next figure lies inside this one's span, not its number
    return GrammarFigure(kind, count, phrase.lower_, span_start, span_end, start, number_end=end)


def _the_one_the_sentence_before_introduced(pronoun, lex: _Lexicon):
    """The person a sentence-opening 'he' or 'she' stands for where the sentence before, in its paragraph, introduced
    one person with 'a', or by name, as its subject and told no casualty ('A farmworker was caught in the crossfire. He
    died at the scene'); None otherwise. (A pronoun after a sentence that counts victims is as often one of them.)"""
    if pronoun.lower_ not in ("he", "she") or pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.i != pronoun.sent.start \
            or _quoted(pronoun):
        return None
    before = _sentence_before(pronoun)
    if before is None:
        return None
    subject = next((t for t in before.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    named = subject is not None and subject.ent_type_ == "PERSON"  # ('Jana Doe, 41, was walking to the bakery')
    if subject is None or not (named or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in subject.children)
                               and _is_single_person(subject, lex)) or any(t.lower_ == "among" for t in before):
        return None  # ('A woman was among them': one of those the text counted)
    if any((t.lemma_.lower() in lex.triggers or t.lower_ in lex.triggers) and t.pos_ != "AUX" and t.lemma_ not in ("be", "have")
           for t in before):
        return None  # ('A guard was shot. He died in hospital': the sentence before tells of a casualty already)
    return subject


def _the_one_who_tells_of_it(pronoun):
    """The person who tells of their own wound or loss: the named subject of the reporting verb whose clause 'he' or
    'she' is the subject of ('Jan Doe said he was flung from his bicycle and suffered burns to his arms'); None
    otherwise."""
    if pronoun.lower_ not in ("he", "she") or pronoun.dep_ not in ("nsubj", "nsubjpass") or _quoted(pronoun):
        return None
    clause = pronoun.head
    while clause.dep_ == "conj":
        clause = clause.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in _REPORTING_VERBS:
        return None
    teller = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    return teller if teller is not None and teller.ent_type_ == "PERSON" and teller.i < pronoun.i else None


def _an_attacker(phrase) -> bool:
    """'the assailant', 'the gunman': one who attacked, whose death a witness or an official quoted tells first ('"The
    attacker was killed," he added'), where a victim the quotation tells of is one the text has counted."""
    return phrase.lemma_.lower() in perpetrator_nouns()


def _is_single_person(phrase, lex: _Lexicon) -> bool:
    """'a guard', 'another man', 'his brother', 'Grant's husband': one person, not named; or named beside a
    noun for what they do ('a coastguard winchman, Petty Officer Jan Doe,')."""
    if phrase.tag_ != "NN" and not (phrase.tag_ == "NNP" and phrase.lemma_.lower() in lex.person_nouns
                                    and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in phrase.children)):
        return False  # (a title written with a capital is one person too: 'a Reverend', 'a Sergeant')
    # ('his mother, brother and niece', 'a man, woman and child': the first of a list of kin or of men, women and
    # children lends a bare noun of it its word; not 'his friend and fellow rider', one person told of twice)
    first = phrase
    listed = lex.kin_nouns | lex.listed_kinds_of_person
    if not any(c.dep_ in ("det", "poss", "nummod") for c in phrase.children) and phrase.lemma_.lower() in listed:
        head = _first_of_its_list(phrase)
        first = head if head.lemma_.lower() in listed else phrase
    indefinite = any(c.dep_ == "det" and c.lower_ in _SINGULAR_DETERMINERS for c in first.children) \
        or _headline_subject_without_article(first)
    if not indefinite and not any(c.dep_ == "poss" for c in first.children):
        return False
    lemma = phrase.lemma_.lower()
    if lemma in lex.person_nouns or _with_its_modifier(phrase) in lex.person_nouns or _closed_compound_of_a_person_noun(lemma, lex):
        return True
    return indefinite and lemma not in lex.not_people and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in phrase.children)


def _first_of_its_list(noun):
    """The first noun of the list `noun` is conjoined in, itself if none."""
    while (noun.dep_ == "conj" and noun.head.i < noun.i and noun.head.tag_ == "NN") or _a_list_read_as_an_apposition(noun):
        noun = noun.head
    return noun


def _closed_compound_of_a_person_noun(lemma: str, lex: _Lexicon) -> bool:
    """'farmworker', 'steelworker', 'tramdriver': an English word written together with a noun for a person (of five
    letters or more) after it, as the list of such nouns does not hold every compound."""
    return _closed_compound_of(lemma, lex.person_nouns)


@lru_cache(maxsize=4096)
def _closed_compound_of(lemma: str, nouns: frozenset[str]) -> bool:
    return any(lemma.endswith(noun) and len(lemma) - len(noun) >= 3 and is_english_word(lemma[:-len(noun)])
               for noun in nouns if len(noun) >= 5 and " " not in noun and "-" not in noun)


def _with_its_modifier(noun) -> str:
    """'taxi driver', 'rebel leader', 'village head', 'family members': a noun (as its lemma) with the noun or adjective
    right before it that modifies it, as the lists of nouns for people write such pairs; '' where none does."""
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is None or before.head.i != noun.i or before.dep_ not in ("compound", "amod"):
        return ""
    return f"{before.lower_} {noun.lemma_.lower()}"


def _headline_subject_without_article(phrase) -> bool:
    """'Teen dies after crash', 'Farmer shot dead in village': a headline drops the article of its one victim."""
    line_end = text_of(phrase.doc).find("\n")
    return phrase.dep_ in ("nsubj", "nsubjpass") and 0 <= phrase.idx < line_end and phrase.sent.start_char == 0 \
        and not any(c.dep_ in ("det", "nummod", "poss", "quantmod") for c in phrase.children)


def _the_one_person(phrase, lex: _Lexicon) -> bool:
    """'the suspect', 'the gunman', 'the village head', 'the driver of the bus': one person, by a noun for people after
    'the' and nothing else but what they are of (and an aside about them: 'the man, who has not been named,', 'the
    man, said to be 31,')."""
    # (not 'the second victim', 'the other man': one of a count the text gave)
    return phrase.tag_ == "NN" and (phrase.lemma_.lower() in lex.person_nouns or _with_its_modifier(phrase) in lex.person_nouns) \
        and all((c.dep_ in ("det", "amod", "compound") and c.ent_type_ != "ORDINAL" and c.lower_ not in _ONE_OF_SEVERAL)
                or (c.dep_ in ("relcl", "appos", "acl", "punct") and c.i > phrase.i and _set_off_by_a_comma(phrase))
                or _of_a_thing(c, lex) or _with_others_counted(c) for c in phrase.children) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in phrase.children)


def _of_a_thing(child, lex: _Lexicon) -> bool:
    """'of the bus', 'of the shop': what one person drove, kept or ran (not 'of the victims', 'of them': one of several
    people, whom the text counted)."""
    objects = [g for g in child.children if g.dep_ == "pobj"]
    if child.dep_ != "prep" or child.lower_ != "of" or len(objects) != 1:
        return False
    thing, person = objects[0], child.head
    if thing.tag_ != "NN" or thing.ent_type_ or thing.lemma_.lower() in lex.person_nouns:
        return False
    # ('Among the dead is the driver of the bus', one person; not 'Among the dead were the driver of the bus, a woman
    # and her daughter', people listed among those counted)
    return person.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and not (person.head.lemma_ == "be" and _a_list_goes_on(child, thing))


def _a_list_goes_on(of_phrase, thing) -> bool:
    """Whether a list goes on after 'the driver of the bus': a conjunct or an apposition (which the parser may hang on
    the thing), or a comma and a determiner or a number after the phrase."""
    doc = of_phrase.doc
    comma = of_phrase.right_edge.i if of_phrase.right_edge.text == "," else of_phrase.right_edge.i + 1
    return any(c.dep_ in ("conj", "appos") for c in (*of_phrase.head.children, *thing.children)) \
        or (comma + 1 < len(doc) and doc[comma].text == "," and doc[comma + 1].tag_ in ("DT", "PRP$", "CD"))


def _with_others_counted(child) -> bool:
    """'killing the pilot and three other crew members', 'the village head identified as Jan Doe and 17 others': the
    one person is told of beside a count of the others (and the name a participle gives them)."""
    if child.dep_ == "cc":
        return True
    if child.dep_ == "conj":
        return _number_token(child) is not None
    return child.dep_ == "acl" and bool(_name_given_to(child.head))


_ONE_OF_SEVERAL = {"other", "latter", "former", "last", "same", "first", "second", "third", "fourth", "fifth"}


def _the_other_one(phrase) -> bool:
    """'Seven died at the scene and the other in hospital': 'the other' alone is one person of those told of."""
    return phrase.lower_ == "other" and not any(c.dep_ in ("prep", "nummod") for c in phrase.children) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in phrase.children)


def _a_verb_of_violence(predicate, lex: _Lexicon) -> bool:
    """'shot', 'killed', 'wounded', 'died' (not 'hospitalized', which an illness does too)."""
    lemma = predicate.lemma_.lower()
    return (lemma in lex.transitive or lemma in lex.intransitive or lemma in lex.with_result) and not lemma.startswith("hospital")


def _set_off_by_a_comma(noun) -> bool:
    """'the man, who ...': what follows the noun is an aside about one person the text told of (not 'the man who
    ran', which picks one out of several)."""
    return noun.i + 1 < len(noun.doc) and noun.doc[noun.i + 1].text == ","


def _whole_of_a_part(phrase) -> bool:
    """'40 of the hamlet's 900 people were killed', where the parser makes the people a second subject:
    a phrase right after '<number> of the X's' is the whole the part was taken from."""
    before = phrase.left_edge.i - 1
    if before < 1 or phrase.doc[before].tag_ != "POS":
        return False
    owner = phrase.doc[before].head
    return owner.dep_ == "pobj" and owner.head.lower_ == "of" and _is_number(owner.head.head)


def _victims_listed_one_by_one(kind: str, phrases: list, predicate, lex: _Lexicon) -> GrammarFigure | None:
    """'killed a man and a woman', 'the deaths of a woman and her grandson': single victims listed one by one are one
    figure of all of them (a list with numbers, 'two soldiers and a civilian', is a figure for each)."""
    if len(phrases) < 2:
        return None
    found = [_figure(kind, phrase, predicate, lex) for phrase in phrases]
    if any(f is None or f.count.precision != "exact" or f.count.count_max not in (None, f.count.count_min) for f in found):
        return None
    if not all(_number_token(phrase) is None and f.count.count_min == 1 for phrase, f in zip(phrases, found)):
        return None
    total = sum(f.count.count_min for f in found)
    return GrammarFigure(kind, Count(total, total, "exact"), "people", min(f.start_char for f in found),
                         max(f.end_char for f in found), min(f.number_start for f in found),
                         number_end=max(f.number_end for f in found), died=any(f.died for f in found), listed=True)


def _list_the_parser_took_for_an_apposition(head) -> list:
    """'shot a guard, a driver and a cook': after one person, an 'apposition' that goes on with 'and' is the rest of a
    list (not 'his brother, a driver,', which says who he was, nor 'two men, a driver and a cook', which names them)."""
    if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
        return []
    return [member for child in head.children if child.dep_ == "appos" and any(c.dep_ == "conj" for c in child.children)
            and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in child.children) for member in _with_conjuncts(child)]
