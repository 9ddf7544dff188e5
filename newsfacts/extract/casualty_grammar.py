"""Casualty figures read from the sentence's dependency parse, whatever lies between number and verb.

A figure is a casualty predicate (rules/casualties.toml [grammar]) and the phrase the grammar makes its
victims: the object of an active verb ('killed at least 12 workers'), the subject of a passive or
intransitive one ('Four villagers, two of them teenagers, were killed', 'eight people died'), the noun a
participle or state word describes ('30 people killed in the blast', 'left five dead'), the object of a
group noun ('the dead included six police officers'), the complement of a toll ('a toll of nine', 'the
toll rose to 20'). The phrase's number, with its qualifier ('at least', 'about'), gives the count; a
singular person noun with 'a'/'an' gives one ('a guard was shot dead'). Negated and modal predicates
('no one was hurt', 'could kill thousands') and things that are not people are no figures.

The wording between the parts does not matter, so one rule covers a shape in all its wordings.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import cache

from newsfacts.extract.nlp import text_of
from newsfacts.extract.numbers import (NUMBER_PATTERN, ORDINAL_WORDS, QUALIFIER_PATTERN, QUALIFIERS_AFTER, TENS, UNITS, VAGUE, Count, in_a_numeric_date,
                                      parse_count)
from newsfacts.rules import load_rules

_QUALIFIED_NUMBER = re.compile(
    rf"(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?:between\s+(?P<lo>{NUMBER_PATTERN})\s+and\s+(?P<hi>{NUMBER_PATTERN})"
    rf"|(?P<num>{NUMBER_PATTERN})(?:\s*(?:-|–|to|or)\s*(?P<num2>{NUMBER_PATTERN}))?)$",
    re.IGNORECASE,
)
_SINGULAR_DETERMINERS = {"a", "an", "one", "another"}
_VAGUE_WORDS = {"tens", "dozens", "scores", "hundreds", "thousands", "millions", "dozen"}
# Nouns for a count, a toll when they count the dead or the hurt: 'the number of the wounded went up to 312'
_NUMBER_NOUNS = frozenset({"number", "total", "tally", "count", "figure"})
# Parts of speech that end a number phrase on its left ('police said 30' is not 'said 30').
_NOT_IN_A_NUMBER = ("NOUN", "PROPN", "PUNCT", "VERB", "AUX", "PRON", "SCONJ", "CCONJ")


@dataclass(frozen=True)
class GrammarFigure:
    kind: str
    count: Count
    victim_word: str  # the head noun of the victims' phrase ('workers'), or the number itself
    start_char: int  # the figure's span in the document
    end_char: int
    number_start: int  # where its count is written (for merging with other finders)
    sub_figure_of: int | None = None  # number_start of the figure it is part of ('two of them teenagers')
    number_end: int = -1  # where its count ends ('between 10 and 15' ends after 15); -1: at number_start
    died: bool = False  # the subject of a verb of dying, whatever an adjective said of it ('five injured miners died')
    listed: bool = False  # single victims listed one by one ('a man and a woman'): one figure for them all


@dataclass(frozen=True)
class _Lexicon:
    """The [grammar] tables of rules/casualties.toml: a table of kinds maps each word to its kind, a list
    is a set of words."""

    transitive: dict[str, str]
    intransitive: dict[str, str]
    phrasal: dict[str, str]
    active_only: dict[str, str]
    with_result: dict[str, str]
    intransitive_with_result: dict[str, str]
    passive_only: dict[str, str]
    revision_verbs: frozenset[str]
    result_words: frozenset[str]
    states: dict[str, str]
    group_nouns: dict[str, str]
    life_nouns: frozenset[str]
    life_verbs_subject: frozenset[str]
    lost_people_nouns: frozenset[str]
    life_verbs_object: frozenset[str]
    toll_nouns: dict[str, str]
    event_nouns: dict[str, str]
    fatal_adverbs: frozenset[str]
    hospital_verbs: frozenset[str]
    hospital_nouns: frozenset[str]
    count_nouns: frozenset[str]
    injury_verbs: frozenset[str]
    injury_nouns: frozenset[str]
    hurt_conditions: frozenset[str]
    patient_nouns: frozenset[str]
    admitting_verbs: frozenset[str]
    lost_body_parts: frozenset[str]
    striking_verbs: frozenset[str]
    projectile_nouns: frozenset[str]
    struck_body_parts: frozenset[str]
    counted_nouns: dict[str, str]
    ordinal_nouns: dict[str, str]
    modal_auxiliaries: frozenset[str]
    negations: frozenset[str]
    not_done_words: frozenset[str]
    person_nouns: frozenset[str]
    body_nouns: frozenset[str]
    recovery_verbs: frozenset[str]
    intention_verbs: frozenset[str]
    not_people: frozenset[str]
    rise_verbs: frozenset[str]
    made_up_of_verbs: frozenset[str]
    listing_verbs: frozenset[str]
    witnessing_verbs: frozenset[str]
    healing_verbs: frozenset[str]
    discharge_verbs: frozenset[str]
    treatment_nouns: frozenset[str]
    natural_causes: frozenset[str]
    triggers: frozenset[str]  # every lemma or word that can head a casualty predicate: others are skipped fast


def _by_word(table: dict[str, list[str]]) -> dict[str, str]:
    return {word.lower(): kind for kind, words in table.items() for word in words}


@cache
def lexicon() -> _Lexicon:
    rules = load_rules("casualties")
    tables = {name: _by_word(value) if isinstance(value, dict) else frozenset(w.lower() for w in value)
              for name, value in rules["grammar"].items()}
    tables["not_people"] = frozenset(w.lower() for w in rules["not_people"]["units"] + rules["not_people"]["things"])
    heads = ("transitive", "intransitive", "active_only", "with_result", "intransitive_with_result", "passive_only", "states",
             "event_nouns", "toll_nouns", "life_verbs_subject", "life_verbs_object", "hospital_verbs", "count_nouns", "injury_verbs",
             "healing_verbs", "counted_nouns", "ordinal_nouns", "recovery_verbs", "injury_nouns", "admitting_verbs", "made_up_of_verbs",
             "discharge_verbs", "striking_verbs")
    triggers = {w for name in heads for w in tables[name]} | {w.split()[-1] for w in tables["toll_nouns"]} \
        | {w.split()[0] for w in tables["phrasal"]}
    return _Lexicon(**tables, triggers=frozenset(triggers | _NUMBER_NOUNS | {"include", "be", "remain", "stay", "lie", "loss", "leave"}))


_ORDINAL = re.compile(r"^(\d{1,4})(?:st|nd|rd|th)$", re.IGNORECASE)


def _ordinal_value(token) -> int | None:
    match = _ORDINAL.match(token.text)
    return int(match.group(1)) if match else ORDINAL_WORDS.get(token.lower_)


def _candidate_positions(doc, lex: _Lexicon) -> list[int]:
    """Indices of the document's tokens that can head a figure (a trigger word or lemma, an ordinal noun),
    found once per document from its token arrays: most tokens of most sentences are none of these."""
    positions = doc.user_data.get("newsfacts_figure_heads")
    if positions is None:
        import numpy
        from spacy.attrs import LEMMA, LOWER

        words = doc.to_array([LOWER, LEMMA])
        strings = doc.vocab.strings
        lowers = [h for h in numpy.unique(words[:, 0]) if strings[h] in lex.triggers]  # ordinal nouns are triggers too
        lemmas = [h for h in numpy.unique(words[:, 1]) if strings[h].lower() in lex.triggers]
        hits = numpy.isin(words[:, 0], lowers) | numpy.isin(words[:, 1], lemmas)
        positions = doc.user_data["newsfacts_figure_heads"] = numpy.flatnonzero(hits).tolist()
    return positions


def _heads_in(sentence, lex: _Lexicon):
    """The tokens of `sentence` that _candidate_positions found, in order."""
    doc = sentence.doc
    positions = _candidate_positions(doc, lex)
    for position in positions[bisect_left(positions, sentence.start):bisect_left(positions, sentence.end)]:
        yield doc[position]


def _running_totals(sentence, lex: _Lexicon) -> list[GrammarFigure]:
    """'the sixth fatality', 'a 6th death': a running total is a figure of that count."""
    found = []
    for token in _heads_in(sentence, lex):
        kind = lex.ordinal_nouns.get(token.lower_)
        dying = lex.transitive.get(token.lemma_.lower()) or lex.intransitive.get(token.lemma_.lower())
        if kind is None and dying and token.dep_ in ("acl", "relcl") and token.head.pos_ == "NOUN":
            # 'the 37th deminer to die on duty', 'the third journalist to be killed this year'
            token, kind = token.head, dying
        if kind is None or _denied_or_hypothetical(token.head, lex):
            continue
        for ordinal in (c for c in token.children if c.dep_ == "amod"):
            value = _ordinal_value(ordinal)
            # 'the first' and 'the second' tell the victims of a pair apart more often than they keep a count
            if value and value >= 3:
                found.append(GrammarFigure(kind, Count(value, value, "exact"), token.lower_, ordinal.idx,
                                           token.idx + len(token.text), ordinal.idx))
    for token in _heads_in(sentence, lex):
        # 'A fourth, a 52-year-old supervisor, died', 'a fifth victim was killed': the victim's ordinal is the count
        lemma = token.lemma_.lower()
        kind = lex.intransitive.get(lemma) or lex.transitive.get(lemma)
        if kind is None or token.pos_ not in ("VERB", "AUX") or _denied_or_hypothetical(token, lex):
            continue
        roles = ("nsubj", "nsubjpass") if lemma in lex.intransitive else ("nsubjpass", "dobj")
        for victim in (c for c in token.children if c.dep_ in roles):
            # ('A fourth died on Monday': the ordinal itself the subject of a verb of dying; not 'two were killed and a
            # third was wounded', one of another kind)
            ordinals = [victim] if victim.pos_ == "ADJ" and any(c.dep_ == "det" for c in victim.children) and lemma in lex.intransitive \
                else [c for c in victim.children if c.dep_ == "amod"]
            for ordinal in ordinals:
                value = _ordinal_value(ordinal)
                if value and value >= 3:
                    found.append(GrammarFigure(kind, Count(value, value, "exact"), victim.lower_, ordinal.idx,
                                               max(token.idx + len(token.text), victim.idx + len(victim.text)), ordinal.idx))
    return found


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
        if whole is None and _a_bare_number_of_people_that_were(token, lex):
            whole = token  # 'Forty people were injured; 16 were children': of them
        if whole is None:
            continue
        # 'of them' with a verb of being; 'of the dead' whatever the verb ('11 of the dead had been recovered',
        # 'the hospital received 19 of the injured')
        # ('Seven of the seriously injured passengers': a noun its state word makes a group of victims)
        # (as a subject, and more than one: 'tried to save one of the wounded demonstrators' tells of one man)
        # ('Of the villagers killed, eight were farmers': the participle after the noun, too)
        state = next((lex.states[c.lower_] if c.dep_ == "amod" else lex.transitive[c.lemma_.lower()] for c in whole.children
                      if c.dep_ == "amod" and c.lower_ in lex.states
                      or c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in lex.transitive and not list(c.children)), None) \
            if token.dep_ in ("nsubj", "nsubjpass") and token.lower_ not in ("one", "1") else None
        if whole.lower_ not in lex.group_nouns and not state and (token.dep_ == "dobj" or token.head.lemma_ not in ("be", "remain", "stay", "have")):
            continue
        kind, whole_count = None, None
        if whole.lower_ in lex.group_nouns:
            kind = lex.group_nouns[whole.lower_]
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
        found.append(PartOfEarlier(kind, count, described.lower_ if described is not None else "people", start, end,
                                   whole_count.count_min if whole_count else None))
    return found


def _a_bare_number_of_people_that_were(token, lex: _Lexicon) -> bool:
    """'16 were children', 'two are women': a number alone, with a verb of being and people as what they were."""
    return token.dep_ == "nsubj" and token.head.lemma_ == "be" and not list(token.children) \
        and any(c.dep_ == "attr" and c.tag_ in ("NNS", "NNPS") and c.lemma_.lower() in lex.person_nouns for c in token.head.children)


def find_grammar_figures(sentence) -> list[GrammarFigure]:
    """Casualty figures of one parsed sentence (a spaCy Span), offsets into its document."""
    lex = lexicon()
    figures: dict[int, GrammarFigure] = {}
    for token in _heads_in(sentence, lex):
        found = _victims_of(token, lex)
        # 'A patient and a nurse were wounded', which the parser reads as two subjects of the verb: one list
        subjects = [(kind, v) for kind, v in found if v.dep_ in ("nsubj", "nsubjpass") and v.head.i == token.i]
        if len(subjects) >= 2 and len({kind for kind, _v in subjects}) == 1:
            listed = _victims_listed_one_by_one(subjects[0][0], [v for _kind, v in subjects], token, lex)
            if listed is not None:
                figures.setdefault(listed.number_start, listed)
                found = [pair for pair in found if pair not in subjects]
        for kind, victims in found:
            listed = _victims_listed_one_by_one(kind, _with_conjuncts(victims) + _list_the_parser_took_for_an_apposition(victims),
                                                token, lex)
            if listed is not None:
                figures.setdefault(listed.number_start, listed)
                continue
            whole = _the_figure_a_list_is_part_of(victims, figures)
            for phrase in _with_conjuncts(victims):
                figure = _figure(kind, phrase, token, lex)
                if whole is not None and not _others(phrase):
                    # '38 were killed, among them nine children and five women, and 50 others wounded', which the
                    # parser reads as one list of the wounded: the members up to 'others' are parts of the 38
                    if figure is not None:
                        figures.setdefault(figure.number_start, replace(figure, kind=whole.kind, sub_figure_of=whole.number_start))
                    continue
                whole = None
                if figure is not None and kind == "killed" and lex.intransitive.get(token.lemma_.lower()) == "killed" \
                        and (phrase.dep_ == "nsubj" and phrase.head.i == token.i or _shares_the_subject(token, phrase)):
                    figure = replace(figure, died=True)
                    if figure.number_start in figures and figures[figure.number_start].kind == "injured":
                        # 'five injured miners died later', 'three were wounded and later died': they died
                        figures[figure.number_start] = figure
                        continue
                if figure is not None and kind == "killed" and figure.count == Count(1, 1, "exact") \
                        and _a_natural_death(phrase, token, lex):
                    continue  # 'a supporter who suffered a heart attack died': one person's natural death is no casualty
                if figure is None or figure.number_start in figures or any(
                        f.number_start <= figure.number_start < f.number_end and f.kind == figure.kind for f in figures.values()):
                    continue  # read already, or '15' of 'between 10 and 15', part of the range already read
                figures[figure.number_start] = figure
                # 'killed at least 11, including three children': the parser hangs 'including' on the verb, or on the
                # verb it completes ('nine were reported to be killed, including three children')
                # ('17 bodies were recovered, among them those of three women': or on the verb a counted noun is the subject of)
                verbs = [token, token.head] if token.dep_ == "xcomp" and token.head.pos_ == "VERB" or (
                    token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "VERB") else [token]
                for part in [*(p for verb in verbs for p in _included(kind, verb, figure, lex)), *_sub_figures(kind, phrase, figure, lex)]:
                    figures.setdefault(part.number_start, part)
    _parts_go_to_the_figure_just_before(figures)
    for listed in _counts_listed_after_a_figure(sentence, figures):
        figures.setdefault(listed.number_start, listed)
    for earlier in _compared_counts(sentence, figures):
        figures.setdefault(earlier.number_start, earlier)
    for total in _running_totals(sentence, lex):
        figures.setdefault(total.number_start, total)
        # the single victim the running total counts is not a figure of one besides it
        for start in [k for k, f in figures.items() if f is not total and f.count == Count(1, 1, "exact")
                      and f.start_char < total.end_char and total.start_char < f.end_char]:
            del figures[start]
    return sorted(figures.values(), key=lambda f: f.number_start)


def _the_figure_a_list_is_part_of(phrase, figures: dict[int, GrammarFigure]) -> GrammarFigure | None:
    """The figure read before a list that 'among them' opens ('..., among them nine children and five women')."""
    if not any(c.dep_ == "prep" and c.lower_ == "among" and any(p.lower_ in ("them", "whom") for p in c.children)
               for c in phrase.children):
        return None
    before = [f for f in figures.values() if f.number_start < phrase.left_edge.idx and f.sub_figure_of is None]
    return max(before, key=lambda f: f.number_start) if before else None


def _a_natural_death(phrase, verb, lex: _Lexicon) -> bool:
    """Whether the words about one person who died, or the cause the verb gives, name a natural cause ('who suffered
    a heart attack', 'died of cancer')."""
    causes = [t for c in verb.children if c.dep_ == "prep" and c.lower_ in ("of", "from") for t in c.subtree]
    words = " ".join(t.lower_ for t in [*phrase.subtree, *causes])
    return any(re.search(rf"\b{re.escape(cause)}\b", words) for cause in lex.natural_causes)


def _others(phrase) -> bool:
    """'50 others', 'dozens more': a group besides those told of before."""
    return phrase.lemma_.lower() == "other" or any(c.dep_ in ("amod", "advmod") and c.lower_ in ("other", "more")
                                                   for c in phrase.children)


def _shares_the_subject(verb, phrase) -> bool:
    """'three were wounded and later died': a verb joined to the one whose subject the phrase is (or whose relative
    clause describes it: 'an apprentice, who was injured and died')."""
    return verb.dep_ == "conj" and ((phrase.dep_ in ("nsubj", "nsubjpass") and phrase.head.i == verb.head.i)
                                    or (verb.head.dep_ == "relcl" and verb.head.head.i == phrase.i))


_COMPARE = re.compile("compar", re.IGNORECASE)


def _compared_counts(sentence, figures: dict[int, GrammarFigure]) -> list[GrammarFigure]:
    """'127 policemen were killed this year, compared with 91 last year': the count a figure is compared
    with is a figure of the same kind (of another period)."""
    found = []
    if not _COMPARE.search(text_of(sentence.doc), sentence.start_char, sentence.end_char):
        return found  # (no 'compared', 'comparing': the parse need not be read)
    for token in sentence:
        if token.lemma_ != "compare" or token.dep_ not in ("prep", "advcl", "conj"):
            continue
        compared = max((f for f in figures.values() if f.sub_figure_of is None and f.number_start < token.idx),
                       key=lambda f: f.number_start, default=None)
        for prep in (c for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "to")):
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                # a bare number or one of a period ('compared with 91 last year'), or of the figure's own victims;
                # not '40 million travellers', not '300 who were arrested'
                number = obj if _is_number(obj) else next((c for c in obj.children if c.dep_ == "nummod" and _is_number(c)), None)
                counted = obj is number or obj.lemma_.lower() in _PERIOD_WORDS or (compared is not None and obj.lower_ == compared.victim_word)
                if number is None or compared is None or not counted or _is_year(number, obj) \
                        or any(c.dep_ in ("relcl", "acl") for c in obj.children) or _has_scale_word(number):
                    continue
                count, start, end = _count_at(number)
                if count is not None and count.count_min:
                    found.append(GrammarFigure(compared.kind, count, compared.victim_word, start, end, start))
    return found


_PERIOD_WORDS = frozenset({"year", "month", "week", "day", "period", "decade", "quarter", "season"})
# What may stand before a count listed by place: a list's separators, or 'including' before the first.
_LIST_SEPARATORS = frozenset({",", ";", ":", "and", "including", "—", "–"})


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


def _counts_listed_after_a_figure(sentence, figures: dict[int, GrammarFigure]) -> list[GrammarFigure]:
    """Bare numbers listed after a figure ('782 were injured; 433 in Kurmin, 222 in Dalen', '29 were injured,
    seven in critical condition'): each a figure of its own, read by _count_in_a_hurt_condition or _count_by_place."""
    doc = sentence.doc
    found: list[GrammarFigure] = []
    for token in number_tokens(sentence):
        # (the separator, or a qualifier after it: 'and about 6,000 in Dalen')
        qualified = token.i - 1 > sentence.start and doc[token.i - 1].dep_ in ("quantmod", "advmod") and doc[token.i - 1].is_alpha
        before = token.i - 1 - qualified
        if before < sentence.start or doc[before].lower_ not in _LIST_SEPARATORS:
            continue
        if any(f.start_char <= token.idx < max(f.end_char, f.number_end) for f in figures.values()):
            continue  # read already
        word = token.i + 1 + (token.i + 1 < sentence.end and doc[token.i + 1].lower_ in ("more", "others"))  # '13 more in Dalen'
        if word + 1 >= sentence.end or doc[word].lower_ != "in":
            continue
        figure = _count_in_a_hurt_condition(token, figures) if _in_a_hurt_condition(token, lexicon()) \
            else _count_by_place(token, word + 1, sentence, [*figures.values(), *found], {f.number_start for f in found})
        if figure is not None:
            found.append(figure)
    return found


def _count_in_a_hurt_condition(number, figures: dict[int, GrammarFigure]) -> GrammarFigure | None:
    """'29 were injured, seven in critical condition': people in a hurt condition, a part of the injured before them."""
    count, start, end = _count_at(number)
    if count is None or not count.count_min:
        return None
    anchor = max((f for f in figures.values() if f.number_start < number.idx), key=lambda f: f.number_start, default=None)
    whole = anchor.number_start if anchor is not None and anchor.kind == "injured" and count.count_min < (anchor.count.count_min or 0) else None
    return GrammarFigure("injured", count, "people", start, max(t.idx + len(t) for t in number.subtree), start,
                         sub_figure_of=whole, number_end=end)


def _count_by_place(number, name: int, sentence, earlier_figures: list[GrammarFigure], listed: set[int]) -> GrammarFigure | None:
    """'433 in Kurmin' after '782 were injured;', '21 in Dalenia' after '39 died in Kurmia and', '222 in the Kurm
    district' after 'rose to 341, including', '15 in 2020': a number with the place (or period) it was counted
    in, listed after a figure, is a figure of the same kind and victims. It is part of that figure unless the
    figure was itself counted in one place (then the two are counts of two places). `name` is the index of the
    word after 'in'; `listed` holds the number_start of the list's counts read before."""
    doc = sentence.doc
    name += doc[name].lower_ == "the"
    for _ in range(2):  # 'in neighbouring Dalen', 'in northern Kurmin'
        name += name < sentence.end - 1 and doc[name].dep_ in ("amod", "compound") and doc[name].text.islower()
    if name >= sentence.end or not ((doc[name].pos_ == "PROPN" and doc[name].text[:1].isupper()) or doc[name].ent_type_ == "DATE"):
        return None
    after = name
    while after < sentence.end and (doc[after].pos_ == "PROPN" or doc[after].lower_ in _AREA_KINDS):
        after += 1
    if after < sentence.end and doc[after].pos_ in ("VERB", "AUX"):
        return None  # '20 in Kurmin were left homeless': a clause of its own, about something else
    anchor = max((f for f in earlier_figures if f.number_start < number.idx), key=lambda f: f.number_start, default=None)
    if anchor is None or anchor.count.count_min is None:
        return None
    between = doc.char_span(max(anchor.number_end, anchor.number_start + 1), number.idx, alignment_mode="expand")
    if between is None or any((t.like_num or t.pos_ == "NUM") and t.idx not in listed and t.ent_type_ != "DATE" for t in between):
        return None  # another number between: not one list with the figure
    count, start, end = _count_at(number)
    if count is None or not count.count_min:
        return None
    if anchor.number_start in listed:
        part_of = anchor.sub_figure_of  # the list's later counts are what its first is
    else:
        counted_in_one_place = any(t.lower_ == "in" and t.i + 1 < sentence.end and doc[t.i + 1].pos_ == "PROPN" for t in between)
        part_of = None if counted_in_one_place or count.count_min >= (anchor.count.count_min or 0) else anchor.number_start
    return GrammarFigure(anchor.kind, count, anchor.victim_word, start, doc[after - 1].idx + len(doc[after - 1].text), start,
                         sub_figure_of=part_of, number_end=end)


# The kinds of area a place's name may end in ('the Kurm district'): rules/entities.toml [areas].
_AREA_KINDS = frozenset(word.lower() for word in load_rules("entities")["areas"]["kinds"])


def _has_scale_word(number) -> bool:
    """'40 million': a count of travellers or money, never a toll compared with one."""
    return any(t.lower_ in ("million", "billion", "thousand") for t in (number, *number.children))


def _parts_go_to_the_figure_just_before(figures: dict[int, GrammarFigure]) -> None:
    """'38 people died and 27 were injured, nine of them seriously': a part written after a later figure
    belongs to that figure (whose kind it takes), wherever the parser hung it."""
    wholes = sorted(start for start, f in figures.items() if f.sub_figure_of is None)
    for start, part in list(figures.items()):
        if part.sub_figure_of is None:
            continue
        before = [w for w in wholes if w < start]
        nearest = figures[before[-1]] if before else None
        if nearest is not None and nearest.number_start != part.sub_figure_of \
                and (nearest.count.count_min or 0) > (part.count.count_min or 0):
            figures[start] = replace(part, kind=nearest.kind, sub_figure_of=nearest.number_start)


def _victims_of(token, lex: _Lexicon) -> list[tuple[str, object]]:
    """(kind, victims' head token) pairs that `token`, as a casualty predicate, states."""
    if _denied_or_hypothetical(token, lex):
        return []
    lemma, lower = token.lemma_.lower(), token.lower_
    found: list[tuple[str, object]] = []
    if token.pos_ in ("VERB", "AUX", "ADJ") or token.tag_ in ("VBN", "VBD", "VBG"):
        kind = lex.transitive.get(lemma) or lex.intransitive.get(lemma) or _phrasal_kind(token, lex)
        if kind is None and lemma in lex.active_only and not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
            kind = lex.active_only[lemma]
        if kind is None and lemma in lex.with_result and _has_result(token, lex):
            kind = lex.with_result[lemma]
        if kind is None and lemma in lex.intransitive_with_result and _has_result(token, lex):
            kind = lex.intransitive_with_result[lemma]
        if kind is None and lemma in lex.passive_only and any(c.dep_ == "auxpass" for c in token.children) \
                and not any(c.lower_ == "alive" for c in token.children):
            kind = lex.passive_only[lemma]
        if kind is None and lower in lex.states:
            kind = lex.states[lower]
        if kind is None and lemma in lex.hospital_verbs and _to_hospital(token, lex):
            kind = "injured"
        if kind is None and lemma in lex.discharge_verbs and _after_treatment(token, lex):
            kind = "injured"  # 'were allowed home after treatment', 'were treated and released'
        if kind == "injured" and any(c.lower_ in lex.fatal_adverbs for c in token.children):
            kind = "killed"  # 'fatally wounded', 'mortally injured'
        if kind is None and lemma in lex.with_result and any(c.lower_ in lex.fatal_adverbs for c in token.children):
            kind = "killed"  # 'fatally shot', 'fatally stabbed'
        if kind is not None:
            # (what is burnt may be shops and cars: only people are hurt)
            found += [(kind, v) for v in _predicate_victims(token, lemma, lex)
                      if lemma not in lex.passive_only or _people_like(v, lex)]
        if lemma in lex.life_verbs_subject and _has_life_object(token, lex):
            found += [("killed", c) for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if lemma in lex.life_verbs_object:
            lives = [c for c in token.children if c.dep_ == "dobj" and c.lower_ in lex.life_nouns]
            found += [("killed", p) for life in lives for prep in life.children if prep.lower_ == "of"
                      for p in prep.children if p.dep_ == "pobj"]
            # 'the blaze claimed a tenant's life'
            found += [("killed", p) for life in lives for p in life.children if p.dep_ == "poss" and p.pos_ in ("NOUN", "PROPN")]
            # 'the flood claimed 30 lives'
            found += [("killed", life) for life in lives if _number_token(life) is not None]
            # 'the epidemic claimed thousands of lives'
            found += [("killed", c) for c in token.children if c.dep_ == "dobj" and _is_number(c)
                      and any(p.lower_ in lex.life_nouns for prep in c.children if prep.dep_ == "prep" and prep.lower_ == "of"
                              for p in prep.children if p.dep_ == "pobj")]
        if lemma in lex.life_verbs_subject and not any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children):
            # 'the village lost at least 32 people'
            found += [("killed", c) for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.lost_people_nouns
                      and _number_token(c) is not None and not any(g.dep_ == "prep" and g.lower_ == "to" for g in c.children)]
        if lemma in lex.life_verbs_subject and any(c.dep_ == "nsubjpass" and c.lower_ in lex.life_nouns for c in token.children):
            # '30 lives were lost'
            found += [("killed", c) for c in token.children if c.dep_ == "nsubjpass" and _number_token(c) is not None]
        if lemma in lex.admitting_verbs and token.tag_ in ("VBD", "VBN") and not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children):
            # 'the hospital received 11 patients from the scene': people brought in hurt (not 'receives 40 a day')
            # ('received 40 patients with flu' is no harm done: a 'with' phrase, on the noun or the verb the parser
            # hangs it on, must then name an injury)
            found += [("injured", c) for c in token.children if c.dep_ == "dobj" and c.lemma_.lower() in lex.patient_nouns
                      and _number_token(c) is not None
                      and (not any(g.dep_ == "prep" and g.lower_ == "with" for w in (token, c) for g in w.children)
                           or _with_an_injury(c, lex) or _with_an_injury(token, lex))]
            # 'the hospital received 15 people with gunshot wounds'
            found += [("injured", c) for c in token.children if c.dep_ == "dobj" and _number_token(c) is not None
                      and c.lemma_.lower() not in lex.patient_nouns and _people_like(c, lex)
                      and (_with_an_injury(c, lex) or _with_an_injury(token, lex))]  # (the parser may hang 'with' on the verb)
        if (lemma in lex.injury_verbs or lemma in lex.hospital_verbs or lemma in lex.healing_verbs) and _names_injuries(token, lex):
            # 'twelve were treated for injuries', 'three suffered burns'
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass") and ("injured", c) not in found]
            found += [("injured", c) for c in subjects]
        if lemma in lex.striking_verbs and token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children) \
                and _struck_by_a_shot_or_in_the_body(token, lex) \
                and not any(c.dep_ == "conj" and (c.lemma_.lower() in lex.hospital_verbs or c.lemma_.lower() in lex.transitive)
                            for c in token.children):  # ('hit by bullets and taken to hospital': the verb after tells it)
            # 'Four were hit by stray bullets', 'nine were hit in the face'
            # (not 'four of the dead had been hit by live rounds': the dead were counted as killed)
            found += [("injured", c) for c in token.children if c.dep_ == "nsubjpass" and _number_token(c) is not None
                      and _people_like(c, lex) and not any(
                          p.dep_ == "prep" and p.lower_ == "of" and any(g.dep_ == "pobj" and lex.group_nouns.get(g.lower_) == "killed"
                                                                        for g in p.children) for p in c.children)]
        if lemma in lex.life_verbs_subject and any(c.dep_ == "dobj" and c.lower_ in lex.lost_body_parts for c in token.children):
            found += [("injured", c) for c in token.children if c.dep_ == "nsubj"]  # 'Fourteen survivors lost limbs'
        if lemma == "treat" and not any(c.dep_ == "nsubjpass" for c in token.children):
            # 'doctors treated 1,900 people for gunshot wounds': the treated are the victims
            found += [("injured", c) for c in token.children if c.dep_ == "dobj" and (_names_injuries(token, lex) or _names_injuries(c, lex))]
        if lemma in lex.recovery_verbs:
            # 'the body of a fisherman was recovered', 'pulled the bodies of eight hikers from the snow', 'carry the
            # body of a woman recovered from the rubble'
            bodies = [c for c in token.children if c.dep_ in ("nsubjpass", "dobj") and c.lower_ in lex.body_nouns]
            if token.dep_ == "acl" and token.tag_ == "VBN":  # (the parser hangs the participle on the body or on whose it is)
                bodies += [token.head] if token.head.lower_ in lex.body_nouns else []
                found += [("killed", token.head)] if token.head.dep_ == "pobj" and token.head.head.lower_ == "of" \
                    and token.head.head.head.lower_ in lex.body_nouns else []
            found += [("killed", p) for body in bodies for prep in body.children if prep.dep_ == "prep" and prep.lower_ == "of"
                      for p in prep.children if p.dep_ == "pobj"]
            # ('a man's body has been found'; not 'her sister's body', someone the text counted or told of before)
            found += [("killed", p) for body in bodies for p in body.children if p.dep_ == "poss"
                      and any(d.dep_ == "det" and d.lower_ in ("a", "an", "another") for d in p.children)]
            # ('the bodies of four women and 11 men were recovered', where the parser makes the second a subject of its own)
            found += [("killed", c) for c in token.children if c.dep_ == "nsubjpass" and c not in bodies and _number_token(c) is not None
                      and any(b.i < c.i and b.dep_ == "nsubjpass" for b in bodies) and c.left_edge.i > 0
                      and c.doc[c.left_edge.i - 1].lower_ == "and"]
        if lemma in ("include", "number", "be"):
            # 'the dead included six police officers', 'The dead were 11 policemen and three civilians',
            # 'those killed included four monks'
            groups = [(_group_kind(c, lex), c) for c in token.children if c.dep_ == "nsubj"]
            if lemma == "include":
                # 'the toll includes 19 children', 'a toll that includes 19 children'
                tolls = [c.head.head if c.lower_ in ("that", "which") and token.dep_ == "relcl" else c
                         for c in token.children if c.dep_ == "nsubj"]
                named = [(f"{_compound(t)} {t.lower_}" if _compound(t) else t.lower_, t) for t in tolls]
                groups += [(lex.toll_nouns[name], t) for name, t in named if name in lex.toll_nouns]
            found += [(kind, o) for kind, _s in groups if kind for o in token.children if o.dep_ in ("dobj", "attr", "npadvmod")]
        if lemma in lex.made_up_of_verbs:
            # 'the dead consisted of 12 soldiers and three civilians'
            groups = [_group_kind(c, lex) for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            found += [(kind, o) for kind in groups if kind for o in _what_it_is_made_of(token)]
    if token.pos_ == "NOUN" and (lower in lex.toll_nouns or f"{_compound(token)} {lower}" in lex.toll_nouns):
        found += [(lex.toll_nouns.get(lower, "killed"), n) for n in _toll_numbers(token)]
    elif token.pos_ == "NOUN" and lower in _NUMBER_NOUNS:
        # 'the total number of deaths linked to the storm rose to 28': a number of the dead is a toll
        counted = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
                   if g.dep_ == "pobj" and g.lower_ in lex.group_nouns and _number_token(g) is None]
        if counted and not _denied_or_hypothetical(token.head, lex):
            found += [(lex.group_nouns[counted[0].lower_], n) for n in _toll_numbers(token)]
    if token.pos_ == "NOUN" and lower in lex.counted_nouns and any(c.lower_ in lex.not_done_words for c in token.children):
        pass  # '1,800 attempted murders' killed no one
    elif token.pos_ in ("NOUN", "ADJ") and lower in lex.counted_nouns and _number_token(token) is not None \
            and (token.dep_ != "pobj" or (token.head.lower_ in ("to", "in") and token.head.head.pos_ == "VERB")) \
            and not _denied_or_hypothetical(token.head, lex):
        # '15 deaths have been reported', '22 homicides were recorded', 'four bodies were found', 'the strike
        # led to four martyrs' (not 'the families of the two martyrs')
        found.append((lex.counted_nouns[lower], token))
    elif token.pos_ == "NOUN" and lower in lex.counted_nouns and token.dep_ == "pobj" and token.head.lower_ == "of" \
            and _is_number(token.head.head) and token.head.head.pos_ == "NOUN" and not _denied_or_hypothetical(token.head.head.head, lex):
        # 'the fighting caused dozens of deaths', 'hundreds of injuries' (not 'three of the bodies', a part of a count)
        found.append((lex.counted_nouns[lower], token.head.head))
    elif token.pos_ == "NOUN" and lower in lex.counted_nouns and token.dep_ == "nsubj" and not _denied_or_hypothetical(token.head, lex):
        # 'civilian deaths since the invasion exceed 11,000': the count is the verb's, as a toll's is
        found += [(lex.counted_nouns[lower], n) for n in _toll_numbers(token)]
    if lemma in ("be", "remain") and any(c.dep_ == "acomp" and c.lower_ in lex.hurt_conditions for c in token.children):
        # 'two more are stable', 'three are critical': people in a hurt condition, said with the adjective alone
        found += [("injured", c) for c in token.children if c.dep_ == "nsubj" and _number_token(c) is not None
                  and not _of_whom(c) and _people_like(c, lex)]
    if lemma == "leave" and any(c.dep_ in ("oprd", "acomp") and c.lower_ in lex.hurt_conditions for c in token.children):
        # 'eight more were left critical'
        found += [("injured", c) for c in token.children if c.dep_ == "nsubjpass" and _number_token(c) is not None
                  and not _of_whom(c) and _people_like(c, lex)]
    in_hospital = lemma in ("be", "remain", "stay") and not _in_a_hurt_condition(token, lex) and _in_hospital(token, lex)
    if lemma in ("be", "remain", "stay", "lie", "leave") and (_in_a_hurt_condition(token, lex) or in_hospital):
        # 'Three are in critical condition'
        # (a part of a figure before it, 'of whom two remain in serious condition', is read as a part)
        # ('about a dozen were said to be in critical condition': the subject of the verb that raises it)
        # ('The blast left three people in critical condition': the ones it left)
        subjects = [c for c in token.children if c.dep_ == ("dobj" if lemma == "leave" else "nsubj") or c.dep_ == "nsubjpass"] or (
            [c for c in token.head.children if c.dep_ == "nsubjpass"] if token.dep_ == "xcomp" else [])
        # ('A second passenger was left in a critical condition': one person, brought in with 'a' or 'another')
        found += [("injured", c) for c in subjects if (_number_token(c) is not None or (
                      c.tag_ == "NN" and any(d.dep_ == "det" and d.lower_ in ("a", "an", "another") for d in c.children)))
                  and not _of_whom(c) and _people_like(c, lex)
                  # ('Fourteen of the injured remain in hospital': a part of a figure, read as such)
                  and not (in_hospital and any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children))]
    if lemma == "be":
        # 'Among the dead were three children', 'There were two boys among the dead' ('among' on the verb or the noun)
        for subject in (c for c in token.children if c.dep_ in ("attr", "nsubj")):
            among = [p for holder in (token, subject) for c in holder.children if c.dep_ == "prep" and c.lower_ == "among"
                     for p in c.children if p.dep_ == "pobj"]
            kinds = [lex.group_nouns[p.lower_] if p.lower_ in lex.group_nouns else _kind_of_those(p, lex) for p in among]
            # ('Three children were among those killed': 'those' and the participle that says what befell them; one
            # victim among them is part of the count, no figure of its own, as the guide says of a named victim)
            # ('A reporter was among those killed', 'A commander was among the fighters killed': one victim the text
            # brings in, among people it does not count, counts as one)
            counted = kinds and kinds[0] and (lex.group_nouns.get(among[0].lower_) or _number_token(subject) is not None
                                              or (_is_single_person(subject, lex) and _number_token(among[0]) is None
                                                  and not any(c.dep_ == "poss" for c in subject.children)))
            # ('The eight are among the 43 people killed': the eight the text counted before)
            told_before = subject.pos_ == "NUM" and any(c.dep_ == "det" and c.lower_ in ("the", "these", "those")
                                                        for c in subject.children)
            found += [(kinds[0], subject)] if counted and not told_before else []
    if token.pos_ == "NOUN" and lower in lex.injury_nouns and token.dep_ == "pobj" and token.head.lower_ == "with" \
            and not _denied_or_hypothetical(token.head.head, lex) and _number_token(token.head.head) is not None:
        found.append(("injured", token.head.head))  # '27 patients with gunshot wounds', 'nine of them with serious injuries'
    if token.pos_ == "NOUN" and lower == "loss" and token.dep_ == "pobj" and token.head.lower_ == "with":
        # 'the trawler sank with the loss of six men' (but 'the loss of 300 jobs', 'the loss of 40 workers to rivals')
        found += [("killed", p) for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for p in prep.children if p.dep_ == "pobj" and p.lower_ not in lex.life_nouns]
    if token.pos_ == "NOUN" and lower in lex.event_nouns:
        # 'the killing of 34 Turkish soldiers', 'resulted in the deaths of at least 66 people'
        found += [(lex.event_nouns[lower], p) for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for p in prep.children if p.dep_ == "pobj" and p.lower_ not in lex.life_nouns]  # 'the loss of 212 lives': read as lives lost
    if token.pos_ == "NOUN" and lower in lex.count_nouns:
        # 'the number of rebels killed since the offensive began rose to at least 212'
        described = [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                     for p in prep.children if p.dep_ == "pobj"]
        # 'the number who perished climbed to 90', 'the number of people who died has risen to 45': a number of those the
        # clause says died is a toll
        clauses = [c for noun in (token, *described) for c in noun.children if c.dep_ == "relcl"
                   and any(s.dep_ in ("nsubj", "nsubjpass") and s.lower_ in ("who", "that") for s in c.children)]
        for clause in clauses:
            kind = lex.intransitive.get(clause.lemma_.lower()) or (
                lex.transitive.get(clause.lemma_.lower()) if any(c.dep_ == "auxpass" for c in clause.children) else None)
            if kind is not None and not _denied_or_hypothetical(clause, lex):
                found += [(kind, n) for n in _toll_numbers(token)]
                break
        # ('a tally had set the number of killed at 31': the participle itself after 'of', the count on it)
        participles = [p for prep in token.children if prep.dep_ == "prep" and prep.lower_ == "of" for p in prep.children
                       if p.dep_ == "pcomp" and p.tag_ == "VBN" and p.lemma_.lower() in lex.transitive]
        for participle in participles:
            found += [(lex.transitive[participle.lemma_.lower()], p) for prep in participle.children if prep.dep_ == "prep"
                      and prep.lower_ in ("to", "at") for p in prep.children if p.dep_ == "pobj" and _is_number(p)]
        for noun in described:
            participle = next((c for c in [*noun.children, *token.children] if c.dep_ in ("acl", "amod", "relcl")
                               and (c.lemma_.lower() in lex.transitive or c.lower_ in lex.states)), None)
            if participle is not None:
                kind = lex.transitive.get(participle.lemma_.lower()) or lex.states[participle.lower_]
                numbers = _toll_numbers(token) + [p for prep in participle.children if prep.dep_ == "prep"
                                                  and prep.lower_ in ("to", "at") for p in prep.children
                                                  if p.dep_ == "pobj" and _is_number(p)]
                found += [(kind, n) for n in numbers]
    return found


def _kind_of_those(token, lex: _Lexicon) -> str | None:
    """'those killed', 'those injured', 'those who died', 'the people killed', 'the adults killed': the kind the
    participle or clause after 'those' (or after a plural noun for people) states, or None."""
    if token.lower_ not in ("those", "people") and not (token.tag_ == "NNS" and _people_like(token, lex)):
        return None
    for clause in (c for c in token.children if c.dep_ in ("acl", "amod", "relcl")):
        kind = lex.transitive.get(clause.lemma_.lower()) or lex.states.get(clause.lower_) \
            or ("killed" if clause.lemma_ == "die" else None)
        if kind:
            return kind
    return None


def _phrasal_kind(token, lex: _Lexicon) -> str | None:
    """The kind a verb with its particle states ('passed away'), or None."""
    return next((lex.phrasal[phrase] for c in token.children if c.dep_ == "prt"
                 for phrase in [f"{token.lemma_.lower()} {c.lower_}"] if phrase in lex.phrasal), None)


def _quoted(token) -> bool:
    """Whether `token` stands inside a quotation its paragraph opens ('"They killed him," she said': a witness
    speaks of someone the text has counted). Single quotation marks are left out: apostrophes look like them."""
    text = text_of(token.doc)
    before = text[text.rfind("\n", 0, token.idx) + 1:token.idx]
    return before.count("\u201c") > before.count("\u201d") or before.count("\u00ab") > before.count("\u00bb") \
        or before.count('"') % 2 == 1


def _tally_number(number) -> bool:
    """'8-7', '3-1': a number written before a smaller one with a dash is a vote or a score."""
    doc = number.doc
    if number.i + 2 >= len(doc) or doc[number.i + 1].text not in ("-", "–") or not doc[number.i + 2].text.isdigit():
        return False
    return number.text.isdigit() and int(doc[number.i + 2].text) < int(number.text)


def _predicate_victims(token, lemma: str, lex: _Lexicon) -> list:
    children = list(token.children)
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
    victims = [c for c in children if c.dep_ == "nsubjpass"]
    # (a past participle with a subject and an object and no auxiliary is a past tense the tagger misread:
    # 'Two suicide bombers killed at least 22 people'; with 'have' it is a perfect: 'three attacks have killed 12
    # people', whose subject did the killing)
    active_transitive = lemma in lex.transitive and not passive and (
        token.tag_ in ("VBD", "VBZ", "VBP", "VB", "VBG")
        or (token.tag_ == "VBN" and any(c.dep_ == "dobj" for c in children) and any(c.dep_ == "nsubj" for c in children)
            and all(c.lemma_ == "have" for c in children if c.dep_ == "aux")))
    if lemma in lex.intransitive or lemma in lex.intransitive_with_result or _phrasal_kind(token, lex) \
            or (token.lower_ in lex.states and not active_transitive):
        victims += [c for c in children if c.dep_ == "nsubj"]
    if not passive and (lemma in lex.transitive or lemma in lex.with_result or lemma in lex.active_only):
        # 'shelling killed 12', and 'an elephant trampled a farmer to death' (the kind came from the result)
        victims += [c for c in children if c.dep_ == "dobj"]
        if victims and lemma in lex.transitive:
            # 'killed 60 people at a market in 2012 and nearly 140 pupils at a school in 2015': a second counted object,
            # with its own place and time, that the parser hangs on the verb
            victims += [c for c in children if c.dep_ == "conj" and c.pos_ == "NOUN" and _number_token(c) is not None]
        if not victims:
            # 'killed between 10 and 15 workers', 'killed up to 60 people': the parser hangs the object on a preposition
            victims += [p for c in children if c.dep_ == "prep" and c.lower_ in ("between", "up", "over", "around", "about")
                        for p in c.children if p.dep_ == "pobj"]
    # 'left five dead': the state word's own number; '30 people killed in the blast': the noun it describes.
    if token.dep_ in ("oprd", "acomp", "amod", "conj", "ccomp", "xcomp") or token.lower_ in lex.states:
        victims += [c for c in children if c.dep_ in ("nummod", "npadvmod") and _is_number(c) and not _tally_number(c)]
    if token.dep_ in ("acl", "amod") and token.tag_ in ("VBN", "JJ") and token.head.pos_ in ("NOUN", "NUM", "PRON") \
            and token.head.lower_ not in lex.count_nouns and not any(c.dep_ == "dobj" for c in children):
        # ('A gunman killed at least 20 people', which the parser reads as a gunman who was killed: an object
        # says the noun did the killing)
        victims.append(token.head)
    if token.dep_ == "relcl" and any(c.dep_ in ("nsubjpass", "nsubj") and c.lower_ in ("who", "that") for c in children):
        victims.append(token.head)
    if token.dep_ == "oprd" and token.head.lemma_ in ("leave", "find", "report", "confirm"):
        victims += [c for c in token.head.children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ in ("oprd", "acomp") and token.head.lemma_ == "lie":
        # 'a guard lay dead at the gate', 'my brother was lying dead', 'a woman was found lying dead'
        lying = token.head
        victims += [c for c in lying.children if c.dep_ == "nsubj"]
        if lying.dep_ == "xcomp" and lying.head.lemma_ in ("find", "leave"):
            victims += [c for c in lying.head.children if c.dep_ in ("dobj", "nsubjpass")]
    if not victims and passive:
        # 'Eleven passengers, most of them returning from a pilgrimage, were injured': an aside between the
        # figure and its verb that the parser takes for a clause of its own, with the figure as its subject
        victims += [c for aside in children if aside.dep_ == "advcl" and aside.i < token.i
                    for c in aside.children if c.dep_ == "nsubj" and c.i < aside.i and _number_token(c) is not None]
    if not victims and passive and token.head.lower_ == "aged" and token.dep_ in ("ccomp", "conj", "advcl"):
        # 'two toddlers aged eight months to three years were killed': the parser takes 'aged' for the verb
        # and the victims for its subject
        victims += [c for c in token.head.children if c.dep_ == "nsubj" and _number_token(c) is not None]
    if not victims and token.tag_ == "VBN" and lemma in lex.transitive and token.dep_ in ("ccomp", "xcomp", "oprd") \
            and token.head.lemma_.lower() in lex.witnessing_verbs and not any(c.dep_ in ("aux", "auxpass", "dobj") for c in children):
        # 'he saw three neighbours butchered': the people one saw it done to (the parser makes them the participle's subject)
        victims += [c for c in children if c.dep_ == "nsubj"]
    # 'thirty people were listed as injured', 'four were confirmed as dead': the subject of the verb that files them
    listing = _listing_verb(token)
    if not victims and listing is not None and listing.lemma_.lower() in lex.listing_verbs:
        # (a participle with no auxiliary, 'with 30 people still listed as injured', files its subject)
        unaided = listing.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in listing.children)
        victims += [c for c in listing.children if c.dep_ in ("nsubjpass", "dobj") or (unaided and c.dep_ == "nsubj")]
        if listing.dep_ == "acl" and listing.head.pos_ in ("NOUN", "NUM"):
            victims.append(listing.head)  # '30 people listed as injured'
    # 'are estimated to have been killed', 'is believed to have died': the subject is the raising verb's.
    if not victims and token.dep_ == "xcomp":
        victims += [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    # 'twelve were killed and dozens more injured': a conjoined predicate shares its head's subject.
    previous = token.doc[token.i - 1] if token.i > 0 else token
    if not victims and token.dep_ == "conj" and (lemma in lex.intransitive or token.tag_ == "VBN") \
            and previous.pos_ in ("CCONJ", "PUNCT", "ADV"):  # not 'and another two people injured'
        victims += [c for c in token.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        if token.head.dep_ == "relcl" and any(v.lower_ in ("who", "that") for v in victims):
            victims.append(token.head.head)  # 'an apprentice, who was injured in the blast and died in hospital'
    if victims:
        # 'died in the crash along with a passenger', 'was killed together with his wife and two children': those
        # the verb takes along with its victims are victims too
        victims += _along_with(token)
    return victims


def _along_with(verb) -> list:
    """The people of an 'along with' or 'together with' phrase on a verb (the parser hangs 'with' on the verb or on
    'along')."""
    besides = [c for c in verb.children if c.lower_ in ("along", "together")]
    withs = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" and any(b.i == c.i - 1 for b in besides)]
    withs += [w for b in besides for w in b.children if w.dep_ == "prep" and w.lower_ == "with"]
    return [p for w in withs for p in w.children if p.dep_ == "pobj"]


def _listing_verb(token):
    """The verb a state word is filed under with 'as' ('listed as injured', 'confirmed as having been killed'), as the
    parser hangs it."""
    if token.dep_ in ("amod", "pobj", "pcomp") and token.head.lower_ == "as" and token.head.dep_ == "prep":
        return token.head.head
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return token.head
    return None


@cache
def _victim_words() -> frozenset[str]:
    """Nouns for victims (rules/casualties.toml's [victims]): 'people', 'civilians', 'soldiers' ..."""
    return frozenset(load_rules("casualties")["victims"])


def _of_whom(token) -> bool:
    """'..., of whom two remain in serious condition': a part of the figure before, however it is hung."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(g.lower_ == "whom" for g in c.children)
               for holder in (token, token.head) for c in holder.children)


def _people_like(token, lex: _Lexicon) -> bool:
    """A bare number, people, or a number 'of' people ('Three', 'five people', 'two of the wounded'), not 'two of
    the bridges'."""
    nouns = [token] if not _is_number(token) else [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                                                   for g in c.children if g.dep_ == "pobj"]
    return all(n.lemma_.lower() not in lex.not_people and (n.lower_ in ("them", "those", "these") or n.lower_ in lex.group_nouns
               or n.lower_ in _victim_words() or n.lemma_.lower() in lex.person_nouns) for n in nouns)


def _in_a_hurt_condition(token, lex: _Lexicon) -> bool:
    """'are in critical condition', 'were in a serious condition'."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(
        g.lower_ == "condition" and any(a.lower_ in lex.hurt_conditions for a in g.children) for g in c.children)
        for c in token.children)


def _in_hospital(token, lex: _Lexicon) -> bool:
    """'are in hospital', 'are under treatment', and 'are in the hospital' after what hurt them ('after the crash',
    'after suffering gunshot wounds': not a nurse at work there)."""
    after = any((c.dep_ == "prep" and c.lower_ == "after") or (c.dep_ == "advcl" and any(m.lower_ == "after" for m in c.children))
                for c in token.children)
    return any(c.dep_ == "prep" and (c.lower_ == "in" and any(
        g.lower_ in lex.hospital_nouns and (after or not any(d.dep_ == "det" for d in g.children)) for g in c.children)
        or c.lower_ == "under" and any(g.lower_ == "treatment" for g in c.children))  # ('seven were under treatment')
        for c in token.children)


def _struck_by_a_shot_or_in_the_body(verb, lex: _Lexicon) -> bool:
    """'hit by bullets', 'struck by shrapnel', 'hit in the head': what struck is fired, or where is a part of a body."""
    for prep in (c for c in verb.children if c.dep_ in ("agent", "prep")):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            if prep.lower_ == "by" and (noun.lower_ in lex.projectile_nouns or f"{_compound(noun)} {noun.lower_}" in lex.projectile_nouns):
                return True
            if prep.lower_ == "in" and noun.lower_ in lex.struck_body_parts:
                return True
    return False


def _an_injury(noun, lex: _Lexicon) -> bool:
    """Whether the noun, or one joined to it, names an injury ('for hypothermia and injuries', 'various degrees of
    injuries'; not 'pay cuts', 'budget cuts': a cut of something named before it)."""
    injuries = lex.injury_nouns | {w.rstrip("s") for w in lex.injury_nouns}
    return any((n.lemma_.lower() in injuries or n.lower_ in lex.injury_nouns)
               and not (n.lemma_.lower() == "cut" and any(c.dep_ == "compound" for c in n.children))
               or any(c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and g.lower_ in lex.injury_nouns
                                                                     for g in c.children) for c in n.children)
               for n in _with_conjuncts(noun))


def _names_injuries(token, lex: _Lexicon) -> bool:
    """'treated for injuries' (passive, a 'for' phrase) or 'suffered serious wounds' (the object); 'sustained various
    degrees of injuries' (the injuries a noun before them sorts); '31 people were admitted with gunshot wounds'."""
    for child in token.children:
        if child.dep_ == "dobj" and _an_injury(child, lex):
            return True
        if child.dep_ == "prep" and child.lower_ == "for" and any(g.dep_ == "pobj" and _an_injury(g, lex) for g in child.children):
            return True
        if child.dep_ == "prep" and child.lower_ == "from" and token.lemma_.lower() in lex.healing_verbs \
                and any(g.dep_ == "pobj" and _an_injury(g, lex) for g in child.children):
            return True  # 'three firefighters are still recovering from burn injuries'
    return token.lemma_.lower() in lex.hospital_verbs and any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) \
        and _with_an_injury(token, lex)


def _with_an_injury(word, lex: _Lexicon) -> bool:
    """'people with gunshot and knife wounds', 'admitted with burns': a 'with' phrase on the word that names an injury."""
    return any(c.dep_ == "prep" and c.lower_ == "with" and any(g.dep_ == "pobj" and _an_injury(g, lex) for g in c.children)
               for c in word.children)


def _to_hospital(token, lex: _Lexicon) -> bool:
    """'were taken to hospital', 'rushed to a nearby hospital' (passive: someone else took them there)."""
    if not any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children) and token.dep_ not in ("acl", "conj"):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("to", "into") and any(g.lower_ in lex.hospital_nouns for g in c.children)
               for c in token.children)


def _after_treatment(token, lex: _Lexicon) -> bool:
    """'discharged after treatment', 'released following treatment', and 'treated and released'."""
    if token.dep_ == "conj" and token.head.lemma_.lower() == "treat":
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("after", "following") and any(g.lower_ in lex.treatment_nouns for g in c.children)
               for c in token.children)


def _has_result(token, lex: _Lexicon) -> bool:
    for child in token.children:
        if child.lower_ in lex.result_words:
            return True
        if child.dep_ == "prep" and child.lower_ == "to" and any(g.lower_ in lex.result_words or g.lemma_.lower() in lex.result_words
                                                                  for g in child.children):  # ('swept to their deaths')
            return True
    return False


def _has_life_object(token, lex: _Lexicon) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in lex.life_nouns for c in token.children)


def _compound(token) -> str:
    return " ".join(c.lower_ for c in token.children if c.dep_ == "compound")


def _number_or_counted_number(token) -> list:
    """'20' in 'rose to 20', and in 'rose to 20 people': the number, or the number counting the noun."""
    if _is_number(token):
        return [token]
    return [c for c in token.children if c.dep_ == "nummod" and _is_number(c)] if token.pos_ == "NOUN" else []


# Verbs that carry a toll to a count: 'the strike brought the toll to 20', 'raised the toll from four to five'.
_TOLL_CARRIERS = frozenset({"bring", "raise", "push", "take", "put", "lift"})


def _toll_numbers(token) -> list:
    """'a toll of nine', 'the toll rose to 20', 'the toll stands at 12', 'the toll is 30'."""
    numbers = []
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ == "of":
            numbers += [p for p in prep.children if p.dep_ == "pobj" and _is_number(p)]
    if token.dep_ in ("nsubj", "nsubjpass"):
        verb = token.head
        if any(c.dep_ == "aux" and c.lower_ in lexicon().modal_auxiliaries for c in verb.children):
            return []  # 'the toll could rise to 100': a fear, not a count
        for child in verb.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "at"):
                numbers += _count_read_into_the_next(child) or [
                    n for p in child.children if p.dep_ == "pobj" for n in _number_or_counted_number(p)]
            if child.dep_ in ("attr", "dobj"):
                numbers += _number_or_counted_number(child)
        # 'the toll rose to 14, up from 11': the earlier count is a figure too ('went up to 825': so is the count
        # the parser hangs on 'up')
        numbers += _counts_on_up_or_down(verb, ("from", "to"))
        if any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
            # '... has risen to 26, from 19 on Tuesday': so is the count it rose from
            numbers += [p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "from"
                        for p in prep.children if p.dep_ == "pobj" and _is_number(p)]
        elif verb.lemma_.lower() in lexicon().rise_verbs:
            # 'the toll climbed from four to nine and then 12', where the parser hangs 'to' on the first count
            for earlier in (p for prep in verb.children if prep.dep_ == "prep" and prep.lower_ == "from"
                            for p in prep.children if p.dep_ == "pobj" and _is_number(p)):
                # (or reads 'three to seven' as one quantity, 'three' a modifier of 'seven')
                numbers += [q for q in earlier.children if q.dep_ == "quantmod" and _is_number(q)
                            and any(t.dep_ == "quantmod" and t.lower_ == "to" for t in earlier.children)]
                numbers.append(earlier)
                for later in (g for to in earlier.children if to.dep_ == "prep" and to.lower_ == "to"
                              for g in to.children if g.dep_ == "pobj" and _is_number(g)):
                    numbers += [later, *(c for c in later.children if c.dep_ == "conj" and _is_number(c))]
            # ('... and then 12', which the parser may hang on the verb)
            numbers += [c for c in verb.children if c.dep_ == "conj" and _is_number(c) and c not in numbers
                        and any(prep.dep_ == "prep" and prep.lower_ == "from" for prep in verb.children)]
    if token.dep_ == "pobj" and token.right_edge.i + 1 < len(token.doc):
        # 'as the toll from the landslide reached 40': the parser makes the toll the object of 'as' and
        # gives it no verb; the verb of rising right after its phrase is its own
        following = token.doc[token.right_edge.i + 1]
        if following.pos_ == "VERB" and following.lemma_.lower() in lexicon().rise_verbs:
            numbers += [n for prep in following.children if prep.dep_ == "prep" and prep.lower_ in ("to", "at")
                        for p in prep.children if p.dep_ == "pobj" for n in _number_or_counted_number(p)]
    if token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.lower() in lexicon().revision_verbs:
        # 'police revised the toll from 108', 'the toll was updated from four': the count it was before
        numbers += [p for holder in (token.head, *(c for c in token.head.children if c.dep_ in ("advmod", "prt")))
                    for prep in holder.children if prep.dep_ == "prep" and prep.lower_ == "from"
                    for p in prep.children if p.dep_ == "pobj" and _is_number(p) and p not in numbers]
    if token.dep_ == "dobj" and token.head.lemma_ in _TOLL_CARRIERS:
        for child in token.head.children:
            if child.dep_ == "prep" and child.lower_ == "to":
                numbers += [p for p in child.children if p.dep_ == "pobj" and _is_number(p)]
        if not numbers:
            # 'bringing the number of deaths linked to the storm to 28', 'taking the toll from two days of rioting to
            # six', where the parser hangs the 'to' inside a phrase of the noun or the verb: their last 'to' and number
            last = max((t for t in token.head.subtree if t.i > token.i and not t.is_punct), key=lambda t: t.i, default=token)
            numbers += [last] if _is_number(last) and last.head.lower_ == "to" and last.head.i == last.i - 1 \
                and not any(t.pos_ in ("VERB", "AUX") and t.tag_ not in ("VBN", "VBG") for t in token.doc[token.i:last.i]) else []
    if token.dep_ in ("dobj", "attr"):
        # 'counted a death toll of 97, up from 85 a day earlier': the parser hangs 'up from' on the verb
        numbers += [p for p in _counts_on_up_or_down(token.head, ("from",), after=token.i) if p not in numbers]
    if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        # 'put the toll as high as 38', 'the toll could be as high as 38'
        numbers += [p for high in token.head.children if high.dep_ in ("advmod", "acomp") and high.lower_ in ("high", "many")
                    for prep in high.children if prep.dep_ == "prep" and prep.lower_ == "as"
                    for p in prep.children if p.dep_ == "pobj" and _is_number(p) and p not in numbers]
    # 'the toll rose to 38 on Tuesday and to 51 on Wednesday', 'a toll that rose to 38, and to 51': a later count
    # joined to the first with 'and to'
    scope = token.head if token.dep_ in ("nsubj", "nsubjpass") else token
    numbers += [p for to in scope.subtree if to.lower_ == "to" and to.dep_ == "conj"
                for p in to.children if p.dep_ == "pobj" and _is_number(p) and p not in numbers]
    return numbers


def _counts_on_up_or_down(verb, prepositions: tuple[str, ...], after: int = -1) -> list:
    """The numbers of an 'up' or 'down' on the verb (after token `after`) with one of these prepositions:
    'rose to 14, up from 11', 'went up to 825'."""
    return [p for adverb in verb.children if adverb.dep_ in ("advmod", "prt") and adverb.lower_ in ("up", "down") and adverb.i > after
            for prep in adverb.children if prep.dep_ == "prep" and prep.lower_ in prepositions
            for p in prep.children if p.dep_ == "pobj" and _is_number(p)]


def _count_read_into_the_next(preposition) -> list:
    """'climbs to 44 as three more bodies are found', where the parser reads '44 as three' as one quantity:
    the number right after 'to' is the toll's count."""
    following = preposition.doc[preposition.i + 1: preposition.i + 3]
    if len(following) == 2 and _is_number(following[0]) and following[0].dep_ == "quantmod" and following[1].lower_ == "as":
        return [following[0]]
    return []


def _denied_or_hypothetical(token, lex: _Lexicon) -> bool:
    for child in token.children:
        if child.dep_ == "neg" or (child.dep_ in ("aux", "auxpass") and child.lower_ in lex.modal_auxiliaries):
            return True
        if child.dep_ == "prep" and child.i < token.i and any(
                g.dep_ == "neg" or (g.dep_ == "aux" and g.lower_ in lex.modal_auxiliaries) for g in child.children):
            return True  # 'I would never in any circumstances hurt ...', the parser hanging 'would never' on the 'in'
        if child.dep_ == "mark" and child.lower_ in ("if", "unless") and token.dep_ == "advcl":
            return True  # 'If they kill 20 people and nobody is punished, ...': a condition, not a deed ('checking if' asks)
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_.lower() in lex.intention_verbs:
        return True  # 'threatened to kill 20 hostages'
    if token.dep_ == "ccomp" and head.lemma_.lower() == "deny":
        return True  # 'she denied that she had ever hurt her daughter'
    if token.dep_ in ("xcomp", "oprd", "acomp", "conj") and head.i != token.i:
        return any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in lex.modal_auxiliaries) for c in head.children)
    return False


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


def _with_conjuncts(head) -> list:
    """'12 workers and three policemen': each conjoined phrase is a figure of its own."""
    phrases = [head]
    for child in head.children:
        if child.dep_ == "conj" and (child.pos_ in ("NOUN", "NUM", "PROPN") or _is_number(child)) \
                and not _has_own_clause(child) and not _counts_things(child):
            # '57 people who were killed and 18 who are missing': a conjunct with its own clause says its own fate
            phrases += _with_conjuncts(child)
    return phrases


def _whole_of_a_part(phrase) -> bool:
    """'40 of the hamlet's 900 people were killed', where the parser makes the people a second subject:
    a phrase right after '<number> of the X's' is the whole the part was taken from."""
    before = phrase.left_edge.i - 1
    if before < 1 or phrase.doc[before].tag_ != "POS":
        return False
    owner = phrase.doc[before].head
    return owner.dep_ == "pobj" and owner.head.lower_ == "of" and _is_number(owner.head.head)


def _counts_things(number) -> bool:
    """'the toll has climbed to 31 and 210 homes have burned': a conjoined number right before a noun of
    things counts the things (the parser may have hung that noun on the first number instead)."""
    following = number.doc[number.i + 1] if number.i + 1 < len(number.doc) else None
    return number.pos_ == "NUM" and following is not None and following.pos_ == "NOUN" \
        and following.lower_ in lexicon().not_people


def _has_own_clause(token) -> bool:
    """'57 people who were killed and 18 who are missing': a bare number with a relative clause of its own
    (which the parser may hang elsewhere) says its own fate; 'three policemen who were guarding it' does not."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.pos_ == "NUM" and following is not None and following.lower_ in ("who", "whom", "that", "which")


def _one_by_one(number) -> bool:
    doc = number.doc
    return number.i + 2 < len(doc) and doc[number.i + 1].lower_ == "by" and doc[number.i + 2].lower_ == number.lower_


def _is_number(token) -> bool:
    return token.like_num or token.pos_ == "NUM" or token.lower_ in _VAGUE_WORDS


def _figure(kind: str, phrase, predicate, lex: _Lexicon, definite_single: bool = False) -> GrammarFigure | None:
    if phrase.lower_ in lex.not_people or phrase.lemma_.lower() in lex.not_people:
        return None
    if phrase.lower_ == "head" and _number_token(phrase) is not None and any(c.dep_ == "prep" and c.lower_ == "of" for c in phrase.children):
        return None  # '2,100 head of livestock': animals counted by the head
    counted = next((p for c in phrase.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), None)
    if counted is not None and _is_number(phrase) and (counted.lower_ in lex.not_people or counted.lemma_.lower() in lex.not_people):
        return None  # 'dozens of horses died': what the number counts is no people
    if any(c.dep_ == "det" and c.lower_ in lex.negations for c in phrase.children) or phrase.lower_ in lex.negations:
        return None
    if _whole_of_a_part(phrase):
        return None
    number = _number_token(phrase)
    if number is not None and _one_by_one(number):
        return None  # 'killed the men one by one' says how, not how many
    if number is not None:
        count, start, end = _count_at(number)
        if count is None or count.count_min == 0 or _is_year(number, phrase) or _in_a_written_date(number):
            return None
    elif _is_single_person(phrase, lex) or _is_single_by_age(phrase):
        count = Count(1, 1, "exact")
        start, end = phrase.left_edge.idx if phrase.left_edge.i >= phrase.i - 4 else phrase.idx, phrase.idx + len(phrase.text)
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
    elif definite_single and phrase.tag_ == "NN" and phrase.lemma_.lower() in lex.person_nouns:
        # 'five were killed, including the gunman': one person of the figure
        count, start, end = Count(1, 1, "exact"), phrase.left_edge.idx, phrase.idx + len(phrase.text)
    elif _the_one_person(phrase, lex) and phrase.dep_ in ("nsubj", "nsubjpass") and not _quoted(phrase) \
            and (not _set_off_by_a_comma(phrase) or _a_verb_of_violence(predicate, lex)):
        # 'The gunman was shot dead by officers': one person the text told of before, whose death (or wound) this
        # states first (a restatement is merged with the figure it restates); with an aside ('The suspect, who
        # has not been named, was shot and wounded'), only by a verb of violence or death (not 'hospitalized')
        count, start, end = Count(1, 1, "exact"), phrase.left_edge.idx, phrase.idx + len(phrase.text)
    else:
        return None
    span_start = min(start, predicate.idx)
    span_end = max(end, predicate.idx + len(predicate.text))
    # 'Two soldiers and three civilians were killed': the next figure lies inside this one's span, not its number
    return GrammarFigure(kind, count, phrase.lower_, span_start, span_end, start, number_end=end)


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
        if child.dep_ == "nummod" and _is_number(child):
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
    ('at least 11', 'some 30'), a range ('between 10 and 15', '50 to 60'), a vague amount ('tens of thousands')."""
    doc, sentence_start = number.doc, number.sent.start
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
    span = doc[left:right + 1]
    words = " ".join(span.text.lower().split())
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


def _is_single_person(phrase, lex: _Lexicon) -> bool:
    """'a guard', 'another man', 'his brother', 'Grant's husband': one person, not named; or named beside a
    noun for what they do ('a coastguard winchman, Petty Officer Jan Doe,')."""
    if phrase.tag_ != "NN":
        return False
    indefinite = any(c.dep_ == "det" and c.lower_ in _SINGULAR_DETERMINERS for c in phrase.children) \
        or _headline_subject_without_article(phrase)
    if not indefinite and not any(c.dep_ == "poss" for c in phrase.children):
        return False
    lemma = phrase.lemma_.lower()
    if lemma in lex.person_nouns or f"{_compound(phrase)} {phrase.lower_}".strip() in lex.person_nouns:
        return True
    return indefinite and lemma not in lex.not_people and any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in phrase.children)


def _headline_subject_without_article(phrase) -> bool:
    """'Teen dies after crash', 'Farmer shot dead in village': a headline drops the article of its one victim."""
    line_end = text_of(phrase.doc).find("\n")
    return phrase.dep_ in ("nsubj", "nsubjpass") and 0 <= phrase.idx < line_end and phrase.sent.start_char == 0 \
        and not any(c.dep_ in ("det", "nummod", "poss", "quantmod") for c in phrase.children)


def _the_one_person(phrase, lex: _Lexicon) -> bool:
    """'the suspect', 'the gunman', 'the driver': one person, by a noun for people after 'the' and nothing else
    (but an aside about them: 'the man, who has not been named,')."""
    # (not 'the second victim', 'the other man': one of a count the text gave)
    return phrase.tag_ == "NN" and phrase.lemma_.lower() in lex.person_nouns \
        and all((c.dep_ in ("det", "amod", "compound") and c.ent_type_ != "ORDINAL" and c.lower_ not in _ONE_OF_SEVERAL)
                or (c.dep_ in ("relcl", "appos", "punct") and c.i > phrase.i and _set_off_by_a_comma(phrase)) for c in phrase.children) \
        and any(c.dep_ == "det" and c.lower_ == "the" for c in phrase.children)


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


def _is_single_by_age(phrase) -> bool:
    """'a 17-year-old was shot to death': one person, told by an age."""
    if not any(c.dep_ == "det" and c.lower_ in _SINGULAR_DETERMINERS for c in phrase.children):
        return False
    return bool(re.fullmatch(r"\d{1,3}-year-old", phrase.lower_)) or (
        phrase.lower_ == "old" and any(c.lower_ in ("year", "month") for c in phrase.children))


def _group_kind(subject, lex: _Lexicon) -> str | None:
    """The kind of casualty a subject names its victims by, as a group: 'the dead', 'the injured', and
    'those killed', 'those who died' (a pronoun the participle or clause after it makes a group)."""
    if subject.lower_ in lex.group_nouns:
        return lex.group_nouns[subject.lower_]
    return _kind_of_those(subject, lex)  # ('the adults killed included the driver and two teachers')


def _what_it_is_made_of(verb) -> list:
    """The object of 'comprised', or of the 'of' after 'consisted' and 'was composed'."""
    return [c for c in verb.children if c.dep_ == "dobj"] + [p for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
                                                            for p in c.children if p.dep_ == "pobj"]


def _included(kind: str, head, whole: GrammarFigure, lex: _Lexicon) -> list[GrammarFigure]:
    """Sub-figures introduced by 'including'/'among them' under the victims' phrase or the predicate."""
    parts = []
    if any(c.dep_ == "prep" and c.lower_ == "among" and any(p.lower_ == "them" for p in c.children) for c in head.children):
        # 'killed at least 64 villagers, among them 19 children,', where the parser hangs the part on the verb
        for member in (c for c in head.children if c.dep_ in ("npadvmod", "appos") and c.idx > whole.number_start):
            part = _figure(kind, member, member, lex, definite_single=True)
            if part is not None and _fewer(part.count, whole.count):
                parts.append(GrammarFigure(kind, part.count, member.lower_, part.start_char, part.end_char,
                                           part.number_start, sub_figure_of=whole.number_start))
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.lemma_.lower() in lex.made_up_of_verbs:
        # 'the 57 wounded were composed of 41 villagers and 16 police', 'the 40 dead comprised 30 men and ten women'
        for member in (m for made_of in _what_it_is_made_of(head.head) for m in _with_conjuncts(made_of)):
            part = _figure(kind, member, member, lex, definite_single=True)
            if part is not None and _fewer(part.count, whole.count):
                parts.append(GrammarFigure(kind, part.count, member.lower_, part.start_char, part.end_char,
                                           part.number_start, sub_figure_of=whole.number_start))
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("including", "among") and child.idx > whole.number_start:
            for included in (_what_those_stand_for(p) for p in child.children if p.dep_ == "pobj"):
                for member in _with_conjuncts(included):
                    part = _figure(kind, member, member, lex, definite_single=True)
                    if part is not None and _fewer(part.count, whole.count):
                        parts.append(GrammarFigure(kind, part.count, member.lower_, part.start_char, part.end_char,
                                                   part.number_start, sub_figure_of=whole.number_start))
    return parts


def _what_those_stand_for(noun):
    """'17 bodies, among them those of three women': the noun after 'those of'; 'including a family of six': the
    number of the family (else the noun itself)."""
    if noun.lower_ in ("family", "household"):
        return next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children
                     if p.dep_ == "pobj" and _is_number(p)), noun)
    if noun.lower_ in ("those", "that"):
        return next((p for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), noun)
    return noun


def _fewer(part: Count, whole: Count) -> bool:
    """Whether a count can be part of another: fewer, or, of a vague one ('thousands', 'hundreds'), fewer than the
    next order of magnitude ('killed thousands, including up to 1,500 in one town')."""
    ceiling = (whole.count_min or 0) * (10 if whole.precision == "vague" else 1)
    return (part.count_min or 0) < ceiling


def conjoined_counts(doc, number_start: int) -> list[tuple[Count, str, int, int]]:
    """'including nine women and six children', from the number at `number_start` (a document offset): the
    counts of the phrases conjoined to its noun after it, each with its noun and document offsets."""
    span = doc.char_span(number_start, number_start + 1, alignment_mode="expand")
    number = span[0] if span is not None and len(span) else None
    if number is None or not _is_number(number):
        return []
    noun = number.head if number.dep_ == "nummod" else number
    if number.dep_ == "nsubj" and number.head.lemma_ == "be":
        # 'of whom 19 were children and 11 were women': the parser joins the second to the first's complement
        noun = next((c for c in number.head.children if c.dep_ == "attr"), noun)
    found = []
    for member in _with_conjuncts(noun)[1:]:
        member_number = _number_token(member)
        count, start, end = _count_at(member_number) if member_number is not None else (None, 0, 0)
        if count is not None and count.count_min:
            found.append((count, member.lower_, start, max(end, member.idx + len(member.text))))
    return found


def _a_difference(number) -> bool:
    """'13 deaths, five fewer than last year': a number that says how far a count lies from another is no part of it."""
    return any(c.i > number.i and c.lower_ in ("fewer", "more", "less") and any(g.lower_ == "than" for g in c.children)
               for c in number.children)


def _sub_figures(kind: str, phrase, whole: GrammarFigure, lex: _Lexicon) -> list[GrammarFigure]:
    """'Four villagers, two of them teenagers, ...': an apposition with its own number is part of the figure."""
    parts = _included(kind, phrase, whole, lex)
    for child in phrase.children:
        if child.dep_ != "appos":
            continue
        # '17 bodies, among them those of three women and two children' (wherever the parser hangs 'among them')
        child = _what_those_stand_for(child)
        number = _number_token(child)
        if number is None:
            # 'two of them teenagers': the number hangs on 'of them', or heads it.
            number = next((c for c in child.subtree if c.i < child.i and _is_number(c)), None)
        if number is None or number.i <= phrase.i - 10 or _a_difference(number):
            continue
        # 'among them 12 women and nine children': each conjunct of the apposition with its own number
        members = [(child, number)] + [(m, _number_token(m)) for m in _with_conjuncts(child)[1:]]
        for member, member_number in members:
            count, start, end = _count_at(member_number) if member_number is not None else (None, 0, 0)
            if count is None or count.count_min == 0 or count.count_min >= (whole.count.count_min or 0) + 1:
                continue
            parts.append(GrammarFigure(kind, count, member.lower_, start, max(end, member.idx + len(member.text)), start,
                                       sub_figure_of=whole.number_start))
    return parts
