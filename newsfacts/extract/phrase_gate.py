"""A quick test of whether a text can contain any phrase of a long list.

Python's `re` tries every alternative of `a|b|c|...` at every position of the text, so one search with
an alternation of a few hundred phrases costs tens of microseconds per sentence, and most sentences
contain none of them. Each word of a phrase that matches between word boundaries is a whole word of
the text, so one word of each phrase (its longest, the least common), compared as a set with the
text's words, says the same "no" at a fraction of the cost. A "yes" only means the full pattern must
be searched.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD_RUN = re.compile(r"\w+")


class PhraseGate:
    def __init__(self, phrases):
        phrases = list(phrases)
        self._key_words = frozenset(max(_WORD_RUN.findall(p.lower()), key=len) for p in phrases if _WORD_RUN.search(p))
        # A phrase with no word in it has nothing to test: always search.
        self._always = any(not _WORD_RUN.search(p) for p in phrases)

    def may_contain(self, text: str) -> bool:
        return self._always or not self._key_words.isdisjoint(_words_of(text))


@lru_cache(maxsize=64)
def _words_of(text: str) -> frozenset[str]:
    """The words of a text, lower-cased (the gates of casualties and events test the same sentences)."""
    return frozenset(_WORD_RUN.findall(text.lower()))
