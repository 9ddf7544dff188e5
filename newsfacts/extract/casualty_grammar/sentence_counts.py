"""Counts a sentence gives beside its predicates' victims, read once the predicates' figures are known:
running totals ('the sixth fatality'), counts compared with a figure ('compared with 91 last year'), and bare counts
listed after a figure by place or condition ('433 in Kurmin, 222 in Dalen', 'seven in critical condition').
"""

from __future__ import annotations

import re

from newsfacts.extract.casualty_grammar.counts import (_count_at, _has_scale_word, _is_number, _is_year,
                                                       _ordinal_value, number_tokens)
from newsfacts.extract.casualty_grammar.lexicon import _Lexicon, GrammarFigure, _heads_in, lexicon
from newsfacts.extract.casualty_grammar.parse_checks import _denied_or_hypothetical, _in_a_hurt_condition
from newsfacts.extract.nlp import text_of
from newsfacts.extract.numbers import Count
from newsfacts.rules import load_rules


def _running_totals(sentence, lex: _Lexicon) -> list[GrammarFigure]:
    """'the sixth fatality', 'a 6th death': a running total is a figure of that count."""
    found = []
    for token in _heads_in(sentence, lex):
        # ('the city's 13th and 14th homicides': the plural after ordinals joined, the last of them the count)
        kind = lex.ordinal_nouns.get(token.lower_) or (lex.ordinal_nouns.get(token.lemma_.lower()) if token.tag_ == "NNS" else None)
        dying = lex.transitive.get(token.lemma_.lower()) or lex.intransitive.get(token.lemma_.lower())
        if kind is None and dying and token.dep_ in ("acl", "relcl") and token.head.pos_ == "NOUN":
            # 'the 37th deminer to die on duty', 'the third journalist to be killed this year'
            token, kind = token.head, dying
        if kind is None or _denied_or_hypothetical(token.head, lex):
            continue
        for ordinal in (c for c in token.children if c.dep_ == "amod"):
            value = _ordinal_value(ordinal)
            if token.tag_ == "NNS":
                value = max([_ordinal_value(c) or 0 for c in ordinal.conjuncts] + [value or 0]) or None
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


_COMPARE = re.compile(r"compar|\b(?:up|down) from\b", re.IGNORECASE)


def _compared_counts(sentence, figures: dict[int, GrammarFigure]) -> list[GrammarFigure]:
    """'127 policemen were killed this year, compared with 91 last year', '20 were killed in March, up from 14': the
    count a figure is compared with is a figure of the same kind (of another period)."""
    found = []
    if not _COMPARE.search(text_of(sentence.doc), sentence.start_char, sentence.end_char):
        return found  # (no 'compared', 'comparing': the parse need not be read)
    for token in sentence:
        # ('... were killed in March, up from 14 in February': the count it rose from, set off after the figure)
        changed = token.lower_ in ("up", "down") and token.i + 1 < sentence.end and token.nbor(1).lower_ == "from" \
            and token.i > sentence.start and token.nbor(-1).text == ","
        if (token.lemma_ != "compare" or token.dep_ not in ("prep", "advcl", "conj")) and not changed:
            continue
        compared = _figure_before(figures, token.idx)
        preps = [token.nbor(1)] if changed else [c for c in token.children if c.dep_ == "prep" and c.lower_ in ("with", "to")]
        for prep in preps:
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


def _figure_before(figures: dict[int, GrammarFigure], position: int) -> GrammarFigure | None:
    """The last figure (not a part of another) whose count is written before `position`."""
    return max((f for f in figures.values() if f.sub_figure_of is None and f.number_start < position),
               key=lambda f: f.number_start, default=None)


def _more_of_the_same(sentence, figures: dict[int, GrammarFigure]) -> list[GrammarFigure]:
    """'found four bodies at the camp and two more in a ravine', 'killed five in the market and three more at the
    checkpoint': a number with 'more' joined to the clause of a figure before it is a figure of the same kind."""
    found = []
    for number in number_tokens(sentence):
        if number.dep_ != "conj" or not any(c.dep_ == "amod" and c.lower_ == "more" for c in number.children):
            continue
        before = _figure_before(figures, number.idx)
        count, start, end = _count_at(number)
        if before is not None and count is not None and count.count_min:
            found.append(GrammarFigure(before.kind, count, before.victim_word, start, end, start))
    return found


# Nouns of a period a figure is compared with: 'compared with 91 last year' (rules/casualties.toml [grammar_words])
_PERIOD_WORDS = frozenset(load_rules("casualties")["grammar_words"]["period_nouns"])


# What may stand before a count listed by place: a list's separators, or 'including' before the first.
_LIST_SEPARATORS = frozenset({",", ";", ":", "and", "including", "—", "–"})


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


# ', among them two traders', ', including four guards', ', a dozen of them children': a part set off after a figure
_PART_OPENERS = re.compile(r",\s*(?:including|among them|among whom|of whom)\s+$", re.IGNORECASE)
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom)\b", re.IGNORECASE)


def _parts_set_off_after_a_figure(sentence, figures: dict[int, GrammarFigure]) -> list[GrammarFigure]:
    """A count set off by a comma after a figure as its part (', among them two market traders', ', a dozen of them
    children'), which the parser hung on another word than the figure's: a part of the figure just before it, of its
    kind, with the noun it counts (or the noun after 'of them')."""
    doc, text = sentence.doc, text_of(sentence.doc)
    found: list[GrammarFigure] = []
    wholes = sorted((f for f in figures.values() if f.sub_figure_of is None), key=lambda f: f.number_start)
    if not wholes:
        return found
    for token in (t for t in sentence if _is_number(t)):
        if any(f.start_char <= token.idx < max(f.end_char, f.number_end) for f in [*figures.values(), *found]):
            continue
        count, start, end = _count_at(token)
        whole = next((f for f in reversed(wholes) if f.end_char <= start), None)
        if count is None or not count.count_min or whole is None or count.count_min >= (whole.count.count_min or 0):
            continue
        if start - whole.end_char > 40 or any(_is_number(t) for t in doc[token.sent.start:token.i] if t.idx >= whole.end_char
                                                  and t.idx < start):
            continue  # (set off right after the figure, with no other count between)
        of_them = _OF_THEM.match(text, end)
        if of_them and text[whole.end_char:start].strip() == ",":
            after = doc.char_span(of_them.end() + 1, of_them.end() + 2, alignment_mode="expand") if of_them.end() + 1 < sentence.end_char else None
            noun = after[0] if after is not None and len(after) and after[0].pos_ == "NOUN" else None
        elif _PART_OPENERS.search(text[whole.end_char:start]):
            noun = token.head if token.dep_ == "nummod" and token.head.pos_ == "NOUN" else None
            if noun is None:
                continue
        else:
            continue
        last = noun.idx + len(noun) if noun is not None else end
        found.append(GrammarFigure(whole.kind, count, noun.lower_ if noun is not None else "people", start, last, start,
                                   sub_figure_of=whole.number_start, number_end=end))
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
