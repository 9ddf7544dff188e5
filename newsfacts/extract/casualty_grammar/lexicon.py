"""The figure the grammar finder produces, the lexicon it reads the parse with (the [grammar] tables of
rules/casualties.toml), and the tokens of a sentence that can head a figure.

The lexicon is loaded once (lexicon() is cached); the heads of a document are found once, from its token arrays,
and kept on the document, since most tokens of most sentences head no figure.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from newsfacts.extract.numbers import Count
from newsfacts.rules import load_rules


# Nouns for a count, a toll when they count the dead or the hurt: 'the number of the wounded went up to 312'
# (rules/casualties.toml [grammar_words])
_NUMBER_NOUNS = frozenset(load_rules("casualties")["grammar_words"]["number_nouns"])
# 'among them', and as British English also writes it
AMONG = ("among", "amongst")


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
    life_verbs_given: frozenset[str]
    lost_people_nouns: frozenset[str]
    kin_nouns: frozenset[str]
    lost_members_of: frozenset[str]
    listed_kinds_of_person: frozenset[str]
    life_verbs_object: frozenset[str]
    toll_nouns: dict[str, str]
    counted_only: dict[str, str]
    event_nouns: dict[str, str]
    fatal_adverbs: frozenset[str]
    hospital_verbs: frozenset[str]
    hospital_nouns: frozenset[str]
    count_nouns: frozenset[str]
    injury_verbs: frozenset[str]
    injury_nouns: frozenset[str]
    hurt_conditions: frozenset[str]
    hurt_condition_nouns: frozenset[str]
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
    rescue_verbs: frozenset[str]
    intention_verbs: frozenset[str]
    not_people: frozenset[str]
    rise_verbs: frozenset[str]
    made_up_of_verbs: frozenset[str]
    listing_verbs: frozenset[str]
    witnessing_verbs: frozenset[str]
    healing_verbs: frozenset[str]
    surviving_verbs: frozenset[str]
    figurative_phrasal: frozenset[str]
    discharge_verbs: frozenset[str]
    treatment_nouns: frozenset[str]
    treatment_verbs: frozenset[str]
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
    heads = ("transitive", "counted_only", "intransitive", "active_only", "with_result", "intransitive_with_result", "passive_only", "states",
             "event_nouns", "toll_nouns", "life_verbs_subject", "life_verbs_given", "life_verbs_object", "hospital_verbs", "count_nouns", "injury_verbs",
             "healing_verbs", "counted_nouns", "ordinal_nouns", "recovery_verbs", "injury_nouns", "admitting_verbs", "made_up_of_verbs",
             "discharge_verbs", "striking_verbs", "treatment_verbs", "listing_verbs", "body_nouns", "surviving_verbs")
    triggers = {w for name in heads for w in tables[name]} | {w.split()[-1] for w in tables["toll_nouns"]} \
        | {w.split()[0] for w in tables["phrasal"]}
    return _Lexicon(**tables, triggers=frozenset(triggers | _NUMBER_NOUNS | {"include", "be", "remain", "stay", "lie", "loss", "leave"}))


@cache
def perpetrator_nouns() -> frozenset[str]:
    """Nouns for one who attacked ('the gunman', 'the assailant': rules/casualties.toml, another_incident): one who
    died is not a victim the attack killed, and a quotation tells of their death first."""
    return frozenset(w.lower() for w in load_rules("casualties")["another_incident"]["perpetrator_nouns"])


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
