"""Who a sentence attributes something to: 'X said', 'said X', 'according to X', 'X tweeted'.

Pronoun subjects ('he said') resolve to the person most recently mentioned before them, 'it said' to the
organisation; a definite description ('the minister', 'the ministry', 'the diplomat') to the last entity
whose name or role holds its head noun; a statement ('the statement said', 'a statement from X read')
to whoever issued it. Of several reporting verbs in a sentence the outermost wins ('Putin urged "...",
his spokesman was quoted as saying' is the spokesman's). Word lists: rules/attribution.toml.

The Attributor (attributor.py) is one class made of one part per concern:
  sentences        a sentence's reporting verbs and which of their subjects speaks
  subjects         whom a subject token stands for (pronouns, names, ranks, bodies the phrase names)
  noun_subjects    statements, spokesmen and titles as subjects
  antecedents      whom a pronoun points back at
  unnamed          people the text describes without naming them
  titles           what a title or a 'the' description refers to; the titles people are given
  bodies           organisations, state institutions, offices, police forces; a phrase as its own speaker
  layouts          labels, signature lines and transcript turns
  nested           quotations inside quotations: whom the outer one makes speak the inner words
  bare_quotations  interview answers and lede quotations with no reporting verb
  traits           a person's sex, death and role in the sentence
  mentions         lookups over mentions, surnames, sentences and quotations
with the word lists in words.py, the Speaker type in speaker.py, and the token tests they share in
positions.py, parser_slips.py, reporting_verbs.py and noun_phrases.py.
"""

from newsfacts.extract.attribution.attributor import Attributor
from newsfacts.extract.attribution.speaker import Speaker
from newsfacts.extract.attribution.words import (BYLINE_LABEL, DEATH_LEMMAS, GENDERED_NOUNS, GENERIC_ORGANISATION_NOUNS,
                                                 INSTITUTION_NOUNS, LEDE_PHRASES, ORGANISATION_PRONOUNS, PERSON_NOUNS,
                                                 PERSON_PRONOUNS, PRONOUNS, RELATIVE_PRONOUNS, REPORTING_LEMMAS,
                                                 SPOKESPERSON_NOUNS, STATE_INSTITUTION_NOUNS, STATEMENT_NOUNS,
                                                 TITLE_ABBREVIATIONS, TITLE_CLASSES)

__all__ = ["Attributor", "Speaker", "BYLINE_LABEL", "DEATH_LEMMAS", "GENDERED_NOUNS", "GENERIC_ORGANISATION_NOUNS",
           "INSTITUTION_NOUNS", "LEDE_PHRASES", "ORGANISATION_PRONOUNS", "PERSON_NOUNS", "PERSON_PRONOUNS", "PRONOUNS",
           "RELATIVE_PRONOUNS", "REPORTING_LEMMAS", "SPOKESPERSON_NOUNS", "STATE_INSTITUTION_NOUNS", "STATEMENT_NOUNS",
           "TITLE_ABBREVIATIONS", "TITLE_CLASSES"]
