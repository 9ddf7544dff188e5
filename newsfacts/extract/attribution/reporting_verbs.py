"""Which verbs of a sentence report the words of a quotation, and which of them speaks: 'put it', a verb right
after the closing mark, a verb whose clause a colon ends, not 'continue' with an object, 'claim' with lives, nor a
verb that says something of its noun.
"""

from __future__ import annotations

from newsfacts.extract.nlp import paragraph_text_of

from newsfacts.extract.attribution.parser_slips import _subject_taken_for_an_object
from newsfacts.extract.attribution.words import (_NAMING_LEMMAS, MODAL_AUXILIARIES, RELATIVE_PRONOUNS, REPORTING_LEMMAS,
                                                 REPORTING_PHRASAL_VERBS)


def _reports_no_words(token) -> bool:
    """A reporting verb used in another sense: 'continue' with an object or a verb of its own ('Fighting continued
    to rage', 'the army continued its advance', not '"...," she continued'), and 'claim' whose object is lives
    ('the fire claimed the lives of twelve workers' tells of deaths, not of a claim), 'call' with a person for
    its object and nothing it calls them ('when the police called him' rang him, not 'called him a hero'), and
    'declare' with a thing for its object ('declare a dispute')."""
    lemma = token.lemma_.lower()
    if lemma == "claim":
        return any(c.dep_ == "dobj" and c.lemma_.lower() in ("life", "lives") for c in token.children)
    if lemma == "call":
        return any(c.dep_ == "dobj" and (c.lower_ in ("him", "her", "them", "me", "us") or c.ent_type_ == "PERSON") for c in token.children) \
            and not any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "attr") for c in token.children)
    if lemma == "declare":
        # ('would declare a dispute', 'declared a state of emergency': a thing declared, no words; not 'declared it over')
        return any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in token.children) \
            and not any(c.dep_ in ("oprd", "xcomp", "ccomp", "acomp", "attr") for c in token.children)
    return lemma == "continue" and any(c.dep_ in ("xcomp", "dobj") for c in token.children)


def _words_foretold_in_a_report(token) -> bool:
    """'X countered that the governor will say "anything, whether it is true or not"': what someone will or would
    say, in the clause a reporting verb reports, is that verb's subject's words, not a report of the other's."""
    return token.dep_ == "ccomp" and token.head.lemma_.lower() in REPORTING_LEMMAS \
        and any(c.dep_ == "aux" and c.lower_ in MODAL_AUXILIARIES for c in token.children)


def _says_something_of_its_noun(verb, quotation: tuple[int, int] | None) -> bool:
    """'the Kurm, whom the army accuses of hiding fighters': a reporting verb in a relative clause
    whose object is the relative pronoun says something of the noun, and passes on no quotation outside it."""
    if verb.dep_ != "relcl" or verb.lemma_.lower() in _NAMING_LEMMAS \
            or not any(c.dep_ == "dobj" and c.lower_ in RELATIVE_PRONOUNS | {"whom"} for c in verb.children):
        return False  # ('the sound, which she describes as a tearing, "..."': what she calls it is her words)
    subtree = list(verb.subtree)
    return quotation is None or not (subtree[0].idx <= quotation[0] < subtree[-1].idx + len(subtree[-1]))


def _verb_whose_clause_opens_it(verbs, quotation: tuple[int, int] | None):
    """'The commentator observed that it was "remarkable", while the captain put it another way: "..."': of the
    verbs before a quotation that opens after a colon, the one whose clause ends at the colon speaks."""
    if quotation is None or not verbs or not paragraph_text_of(verbs[0].doc)[max(0, quotation[0] - 4):quotation[0]].rstrip(" “\"‘'«").endswith(":"):
        return None
    for verb in sorted((v for v in verbs if v.idx < quotation[0]), key=lambda v: -v.i):
        ends = max(t.idx + len(t) for t in verb.subtree if t.idx < quotation[0] and not t.is_punct)
        between = paragraph_text_of(verb.doc)[ends:quotation[0]]
        return verb if between.strip(" “\"‘'«").strip() == ":" else None
    return None


def _verb_right_after(token, quotation: tuple[int, int] | None) -> bool:
    """'"...," marvelled resident Jane Doe', '"...!" she beamed': after a quotation that ends on a comma (or '!' or '?'),
    a verb right after the closing mark, with its subject beside it, reports the words, whatever verb it is."""
    if quotation is None or token.pos_ != "VERB" or token.idx < quotation[1] or token.dep_ not in ("ROOT", "parataxis"):
        return False
    closing = paragraph_text_of(token.doc)[max(quotation[0], quotation[1] - 3):quotation[1]].rstrip(" ”\"’'»")
    if not closing.endswith((",", "!", "?")):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"] or _subject_taken_for_an_object(token)
    between = []
    for i in range(token.i - 1, max(token.i - 12, -1), -1):  # (a verb further on than a few words is no verb right after)
        if token.doc[i].idx < quotation[1]:
            break
        if not (token.doc[i].is_punct or token.doc[i].is_space):
            between.append(token.doc[i])
    else:
        return False
    # (nothing between, the subject after the verb; or the subject alone, a pronoun: '"...," she beamed')
    return bool(subjects) and (not between or len(between) == 1 and between[0].pos_ == "PRON" and between[0] in subjects)


def _puts_it(token) -> bool:
    """'As Jane Doe put it, "..."', 'Jane Doe put it bluntly: "..."': 'put it' reports words; so does a verb with a
    particle that reports them ('"...," Jan Doe shot back'; rules/attribution.toml reporting_phrasal_verbs)."""
    return (token.lemma_ == "put" and any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)) \
        or any(c.dep_ in ("prt", "advmod") and f"{token.lemma_.lower()} {c.lower_}" in REPORTING_PHRASAL_VERBS
               for c in token.children if c.i == token.i + 1)
