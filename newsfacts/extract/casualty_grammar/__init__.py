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

The modules, from the finder down to the lexicon:
  figures           find_grammar_figures, which runs the steps below over one sentence, in order
  victims           the victims a predicate states (a noun, a verb of being), asking verb_victims about a verb
  verb_victims      the victims of a verb, participle or state word
  tolls             the counts of a toll ('the toll rose to 20')
  phrase_figures    from a victims' phrase to a figure (its count, or one person told of)
  parts             the parts of a figure in its sentence ('including three children')
  parts_of_earlier  the parts of a figure an earlier sentence gave ('Eleven of them were children')
  sentence_counts   running totals, compared counts and counts listed after a figure
  parse_checks      questions asked of the parse (denied? about people? in hospital?)
  counts            counts read off the parse: numbers, qualifiers, ranges
  lexicon           the GrammarFigure, the [grammar] lexicon, and the heads of a sentence

Names with a leading underscore are shared between these modules only; what the rest of newsfacts uses is
imported here.
"""

from newsfacts.extract.casualty_grammar.counts import number_tokens
from newsfacts.extract.casualty_grammar.figures import find_grammar_figures
from newsfacts.extract.casualty_grammar.lexicon import GrammarFigure, lexicon, perpetrator_nouns
from newsfacts.extract.casualty_grammar.parts import conjoined_counts
from newsfacts.extract.casualty_grammar.parts_of_earlier import PartOfEarlier, parts_of_earlier_figures

__all__ = ["GrammarFigure", "PartOfEarlier", "conjoined_counts", "find_grammar_figures", "lexicon", "number_tokens",
           "parts_of_earlier_figures", "perpetrator_nouns"]
