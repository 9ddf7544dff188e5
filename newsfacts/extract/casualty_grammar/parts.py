"""The parts of a figure in the same sentence: 'including three children', 'among them 19 children', 'two of
them teenagers', 'composed of 41 villagers and 16 police', and the counts conjoined after a part ('nine women and six
children'). A part is fewer than its whole, and belongs to the figure written just before it.
"""

from __future__ import annotations

from dataclasses import replace

from newsfacts.extract.casualty_grammar.counts import _count_at, _is_number, _number_token, _with_conjuncts
from newsfacts.extract.casualty_grammar.lexicon import AMONG, _Lexicon, GrammarFigure
from newsfacts.extract.casualty_grammar.parse_checks import _named_after_a_comma, _what_it_is_made_of
from newsfacts.extract.casualty_grammar.phrase_figures import _figure
from newsfacts.extract.numbers import Count


def _the_figure_a_list_is_part_of(phrase, figures: dict[int, GrammarFigure]) -> GrammarFigure | None:
    """The figure read before a list that 'among them' opens ('..., among them nine children and five women')."""
    if not any(c.dep_ == "prep" and c.lower_ in AMONG and any(p.lower_ in ("them", "whom") for p in c.children)
               for c in phrase.children):
        return None
    before = [f for f in figures.values() if f.number_start < phrase.left_edge.idx and f.sub_figure_of is None]
    return max(before, key=lambda f: f.number_start) if before else None


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


def _partitives_go_to_the_figure_before(sentence, figures: dict[int, GrammarFigure]) -> None:
    """'38 people had died, 29 of them in Kurmby and nine in Dalen, and 61 had been injured': counts 'of them' right
    after a figure (and the counts conjoined to them) are its parts, of its kind, wherever the parser hung them."""
    doc = sentence.doc
    wholes = sorted(start for start, f in figures.items() if f.sub_figure_of is None)
    for start in wholes:
        number = _number_at(doc, start)
        partitive = number
        while partitive is not None and partitive.dep_ == "conj" and _is_number(partitive.head):
            partitive = partitive.head  # ('and nine in Dalen', conjoined to '29 of them')
        if partitive is None or not _of_them(partitive) or _subject_of_its_own_verb(partitive):
            continue  # ('19 wounded were brought in, two of whom died': a figure of its own verb)
        before = [figures[w] for w in wholes if w < partitive.idx and figures[w].end_char <= partitive.idx]
        nearest = max(before, key=lambda f: f.number_start) if before else None
        if nearest is None or "," not in doc.text[nearest.end_char:partitive.idx] or partitive.idx - nearest.end_char > 40 \
                or (nearest.count.count_min or 0) <= (figures[start].count.count_min or 0):
            continue
        figures[start] = replace(figures[start], kind=nearest.kind, sub_figure_of=nearest.number_start)


def _subject_of_its_own_verb(number) -> bool:
    """Whether a number is the one subject of its verb ('two of whom died'; not '29 of them ..., and 61 had been
    injured', which the parser made two subjects of one verb)."""
    return number.dep_ in ("nsubj", "nsubjpass") and not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.i != number.i for c in number.head.children)


def _number_at(doc, start: int):
    """The number token written at document offset `start`, or None."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) and _is_number(span[0]) else None


def _of_them(number) -> bool:
    """Whether a number is a part 'of them' or 'of whom' ('29 of them')."""
    return any(c.dep_ == "prep" and c.lower_ == "of" and any(p.lower_ in ("them", "whom") for p in c.children)
               for c in number.children)


def _included(kind: str, head, whole: GrammarFigure, lex: _Lexicon) -> list[GrammarFigure]:
    """Sub-figures introduced by 'including'/'among them' under the victims' phrase or the predicate."""
    parts = []
    if any(c.dep_ == "prep" and c.lower_ in AMONG and any(p.lower_ == "them" for p in c.children) for c in head.children):
        # 'killed at least 64 villagers, among them 19 children,', where the parser hangs the part on the verb
        for member in (c for c in head.children if c.dep_ in ("npadvmod", "appos") and c.idx > whole.number_start):
            part = _figure(kind, member, member, lex, definite_single=True)
            if part is not None and _fewer(part.count, whole.count):
                parts.append(GrammarFigure(kind, part.count, member.lower_, part.start_char, part.end_char,
                                           part.number_start, sub_figure_of=whole.number_start))
    if head.dep_ in ("nsubj", "nsubjpass") and (head.head.lemma_.lower() in lex.made_up_of_verbs or head.head.lemma_ == "include"):
        # 'the 57 wounded were composed of 41 villagers and 16 police', 'the 40 dead comprised 30 men and ten women', and
        # some of whom a counted group includes: 'the 38 injured include 12 women and seven children'
        for member in (m for made_of in _what_it_is_made_of(head.head) for m in _with_conjuncts(made_of)):
            part = _figure(kind, member, member, lex, definite_single=True)
            if part is not None and _fewer(part.count, whole.count):
                parts.append(GrammarFigure(kind, part.count, member.lower_, part.start_char, part.end_char,
                                           part.number_start, sub_figure_of=whole.number_start))
    for child in head.children:
        # (and 'together with', as reworded copy writes 'including': 'killed 12 people, together with two children')
        together = child.lower_ == "with" and any(c.dep_ == "advmod" and c.lower_ == "together" for c in child.children) \
            and child.i > 0 and child.doc[child.i - 2].text == ","
        if child.dep_ == "prep" and (child.lower_ in ("including", *AMONG) or together) and child.idx > whole.number_start:
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
    number = _number_at(doc, number_start)
    if number is None:
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
        if number is None:
            parts += _single_and_counted_members(kind, child, whole, lex)
            continue
        if number.i <= phrase.i - 10 or _a_difference(number):
            continue
        # 'among them 12 women and nine children': each conjunct of the apposition with its own number
        members = [(child, number)] + [(m, _number_token(m)) for m in _with_conjuncts(child)[1:]]
        for member, member_number in members:
            count, start, end = _count_at(member_number) if member_number is not None else (None, 0, 0)
            if count is None or count.count_min == 0 or count.count_min >= (whole.count.count_min or 0) + 1:
                continue
            if count.count_min == whole.count.count_min and whole.count.precision == "exact" and member is child:
                continue  # 'two more bodies, two women,': the same people again, described (but 'dozens, 12 of them')
            parts.append(GrammarFigure(kind, count, member.lower_, start, max(end, member.idx + len(member.text)), start,
                                       sub_figure_of=whole.number_start))
    return parts


def _single_and_counted_members(kind: str, member, whole: GrammarFigure, lex: _Lexicon) -> list[GrammarFigure]:
    """'Three people, a bus conductor and two passengers, died': a list that tells the figure's people as one person
    and a count of others; each is a part (a list of single people alone is left as the figure it spells out), but one
    it names ('our driver, Jan Doe, and two patients': a victim named inside the count)."""
    members = _with_conjuncts(member)
    if len(members) < 2 or not any(_number_token(m) is not None for m in members[1:]):
        return []
    parts = []
    for one in members:
        if one.ent_type_ == "PERSON" or _named_after_a_comma(one):
            continue
        part = _figure(kind, one, one, lex, definite_single=True)
        if part is None or not _fewer(part.count, whole.count):
            return []
        parts.append(GrammarFigure(kind, part.count, one.lower_, part.start_char, part.end_char, part.number_start,
                                   sub_figure_of=whole.number_start))
    return parts
