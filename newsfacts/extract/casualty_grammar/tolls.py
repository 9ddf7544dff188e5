"""The counts of a toll: 'a toll of nine', 'the toll rose to 20', 'brought the toll to 28', and the earlier
counts a toll rose from ('up from 11'), wherever the parser hangs them. A toll said with a modal ('could rise to
100') is a fear and gives no count.
"""

from __future__ import annotations

from newsfacts.extract.casualty_grammar.counts import _TOLL_CARRIERS, _is_number, _number_or_counted_number
from newsfacts.extract.casualty_grammar.lexicon import lexicon


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
        _add_counts_on_the_verb(verb, numbers)
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
    _add_count_a_toll_was_brought_to(token, numbers)
    for clause in (c for c in token.children if c.dep_ == "relcl"):
        # 'The toll, which stood at 11 on Sunday, rose to 14': the count the toll's own clause gives
        if any(c.dep_ == "nsubj" and c.lower_ in ("which", "that") for c in clause.children) \
                and not any(c.dep_ == "aux" and c.lower_ in lexicon().modal_auxiliaries for c in clause.children):
            _add_counts_on_the_verb(clause, numbers)
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


def _add_counts_on_the_verb(verb, numbers: list) -> None:
    """Adds to `numbers` the counts the verb of a toll gives: 'rose to 20', 'stands at 12', 'is 30', 'rose to 14, up
    from 11', 'climbed from four to nine and then 12'."""
    for child in verb.children:
        past = child.lower_ == "past" and verb.lemma_.lower() in lexicon().rise_verbs  # ('rose past 300')
        if child.dep_ == "prep" and (child.lower_ in ("to", "at") or past):
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


def _add_count_a_toll_was_brought_to(token, numbers: list) -> None:
    """Adds to `numbers` the count a verb carries a toll to: 'the strike brought the toll to 20'; 'put the toll
    higher, at 26', where the parser hangs the toll on the adverb."""
    raised = token.head.head if token.dep_ == "npadvmod" and token.head.dep_ == "advmod" else None
    if raised is not None and raised.lemma_ in _TOLL_CARRIERS:
        numbers += [p for child in raised.children if child.dep_ == "prep" and child.lower_ in ("to", "at")
                    for p in child.children if p.dep_ == "pobj" and _is_number(p)]
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
