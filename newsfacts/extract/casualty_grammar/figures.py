"""find_grammar_figures: the figures of one parsed sentence. It reads each candidate head's victims into figures
(keyed by where their counts are written, so that the first reading of a count stands), then the passes that need
those figures: parts moved to the figure just before them, counts listed or compared after a figure, running totals.
The order of these steps matters: each later one reads what the earlier ones left.
"""

from __future__ import annotations

import re
from dataclasses import replace

from newsfacts.extract.casualty_grammar.counts import _is_number, _with_conjuncts
from newsfacts.extract.casualty_grammar.lexicon import _Lexicon, GrammarFigure, _heads_in, lexicon
from newsfacts.extract.casualty_grammar.parts import (_included, _partitives_go_to_the_figure_before,
                                                      _parts_go_to_the_figure_just_before, _sub_figures,
                                                      _the_figure_a_list_is_part_of)
from newsfacts.extract.casualty_grammar.phrase_figures import (_figure, _list_the_parser_took_for_an_apposition,
                                                               _victims_listed_one_by_one)
from newsfacts.extract.casualty_grammar.sentence_counts import (_compared_counts, _counts_listed_after_a_figure, _more_of_the_same,
                                                                _parts_set_off_after_a_figure, _running_totals)
from newsfacts.extract.casualty_grammar.victims import _victims_of
from newsfacts.extract.numbers import Count


def find_grammar_figures(sentence) -> list[GrammarFigure]:
    """Casualty figures of one parsed sentence (a spaCy Span), offsets into its document."""
    lex = lexicon()
    figures: dict[int, GrammarFigure] = {}
    for token in _heads_in(sentence, lex):
        _add_figures_of_a_predicate(token, figures, lex)
    _parts_go_to_the_figure_just_before(figures)
    _partitives_go_to_the_figure_before(sentence, figures)
    for listed in _counts_listed_after_a_figure(sentence, figures):
        figures.setdefault(listed.number_start, listed)
    for part in _parts_set_off_after_a_figure(sentence, figures):
        figures.setdefault(part.number_start, part)
    for earlier in _compared_counts(sentence, figures):
        figures.setdefault(earlier.number_start, earlier)
    for more in _more_of_the_same(sentence, figures):
        figures.setdefault(more.number_start, more)
    for total in _running_totals(sentence, lex):
        figures.setdefault(total.number_start, total)
        # the single victim the running total counts is not a figure of one besides it
        for start in [k for k, f in figures.items() if f is not total and f.count == Count(1, 1, "exact")
                      and f.start_char < total.end_char and total.start_char < f.end_char]:
            del figures[start]
    return sorted(figures.values(), key=lambda f: f.number_start)


def _add_figures_of_a_predicate(token, figures: dict[int, GrammarFigure], lex: _Lexicon) -> None:
    """Adds to `figures` (keyed by where their counts are written) the figures the predicate `token` states: single
    victims listed one by one as one figure, else a figure for each conjoined phrase of its victims."""
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
        _add_figures_of_phrases(kind, victims, token, figures, lex)


def _add_figures_of_phrases(kind: str, victims, token, figures: dict[int, GrammarFigure], lex: _Lexicon) -> None:
    """A figure for each phrase conjoined to `victims`; those of a list that 'among them' opens are parts of the figure
    read before the list, up to the first of 'others'."""
    whole = _the_figure_a_list_is_part_of(victims, figures)
    for phrase in _with_conjuncts(victims):
        # ('received the bodies of five martyrs and nine injured': a conjunct its own state word gives another kind)
        after = phrase.doc[phrase.i + 1] if phrase.i + 1 < len(phrase.doc) else None
        own_state = next((lex.states[c.lower_] for c in phrase.children if c.dep_ in ("amod", "acl") and c.lower_ in lex.states),
                         lex.states[after.lower_] if phrase.pos_ == "NUM" and after is not None and after.lower_ in lex.states else None) \
            if phrase is not victims else None
        if phrase is not victims and own_state is None and token.dep_ == "amod" and token.head.i == victims.i:
            continue  # ('Four dead and at least 15 passengers missing': a state word set on the first phrase is its own)
        figure = _figure(own_state or kind, phrase, token, lex)
        if whole is not None and not _others(phrase):
            # '38 were killed, among them nine children and five women, and 50 others wounded', which the
            # parser reads as one list of the wounded: the members up to 'others' are parts of the 38
            if figure is not None:
                figures.setdefault(figure.number_start, replace(figure, kind=whole.kind, sub_figure_of=whole.number_start))
            continue
        whole = None
        _add_phrase_figure(kind, phrase, figure, token, figures, lex)


def _add_phrase_figure(kind: str, phrase, figure: GrammarFigure | None, token, figures: dict[int, GrammarFigure],
                       lex: _Lexicon) -> None:
    """Adds the figure of one victims' phrase of the predicate `token`, unless it was read already or tells of one
    natural death, and then its parts ('including three children', 'two of them teenagers'). A subject that died
    is marked so, and replaces the same count read as injured."""
    if figure is not None and kind == "killed" and lex.intransitive.get(token.lemma_.lower()) == "killed" \
            and (phrase.dep_ == "nsubj" and phrase.head.i == token.i or _shares_the_subject(token, phrase)):
        figure = replace(figure, died=True)
        if figure.number_start in figures and figures[figure.number_start].kind == "injured":
            # 'five injured miners died later', 'three were wounded and later died': they died
            figures[figure.number_start] = figure
            return
    if figure is not None and kind == "killed" and figure.count == Count(1, 1, "exact") \
            and _a_natural_death(phrase, token, lex):
        return  # 'a supporter who suffered a heart attack died': one person's natural death is no casualty
    if figure is None or figure.number_start in figures or any(
            f.number_start <= figure.number_start < f.number_end and f.kind == figure.kind for f in figures.values()):
        return  # read already, or '15' of 'between 10 and 15', part of the range already read
    figures[figure.number_start] = figure
    # 'killed at least 9, including two children': the parser hangs 'including' on the verb, or on the
    # verb it completes ('nine were reported to be killed, including three children')
    # ('17 bodies were recovered, among them those of three women': or on the verb a counted noun is the subject of)
    verbs = [token, token.head] if token.dep_ == "xcomp" and token.head.pos_ == "VERB" or (
        token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass") and token.head.pos_ == "VERB") else [token]
    # ('Eleven were killed in the attack, including a teacher': or on the noun of a phrase of the verb that names no people)
    verbs += [p for verb in list(verbs) for prep in verb.children if prep.dep_ == "prep" for p in prep.children
              if p.dep_ == "pobj" and p.pos_ == "NOUN" and p.lemma_.lower() not in lex.person_nouns and not _is_number(p)]
    for part in [*(p for verb in verbs for p in _included(kind, verb, figure, lex)), *_sub_figures(kind, phrase, figure, lex)]:
        figures.setdefault(part.number_start, part)


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
