"""Casualty figures read with word patterns: who was killed, injured, missing or displaced, how many.

The patterns read the plain text of a sentence; casualty_grammar reads its parse, and extract.facts merges
the two.

  lexicon        the figure the patterns produce, and the lexicon of rules/casualties.toml they are built from
  patterns       the number-first, verb-first and toll patterns, and find_casualty_figures, which reads with them
  parts          the parts of a figure: 'including three children' linked to it, ', 23 of them children' after it
  named_victims  a named person killed or hurt, a figure of one

Names with a leading underscore are shared between these modules only; what the rest of newsfacts uses is
imported here.
"""

from newsfacts.extract.casualties.lexicon import CasualtyFigure, _lexicon, victims_class
from newsfacts.extract.casualties.named_victims import find_named_victims
from newsfacts.extract.casualties.parts import partitions_of_figures, shares_of_a_figure
from newsfacts.extract.casualties.patterns import find_casualty_figures

# (_lexicon too: the test of the phrase gate reads every phrase of the lexicon)
__all__ = ["CasualtyFigure", "find_casualty_figures", "find_named_victims", "partitions_of_figures", "shares_of_a_figure",
           "victims_class", "_lexicon"]
