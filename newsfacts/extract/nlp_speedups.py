"""Two of spaCy's rule-based components, rewritten to read token arrays, with the same output.

The English models' attribute ruler and lemmatizer are written in Python and visit every token: together
they cost about a sixth of the whole parse, more than all of newsfacts' own rules. Both are swapped here
for versions that give the same annotations (tests/test_nlp_speedups.py compares every token of the
development articles with the stock pipeline's):

- ArrayAttributeRuler: the attribute ruler maps fine-grained tags to parts of speech and morphology with
  about 180 one- and two-token patterns ("NNS" -> NOUN, Number=Plur; "that" tagged WDT -> PRON). spaCy's
  Matcher tries every pattern at every token. These patterns have a few simple shapes (an attribute equal
  to a value, IN, NOT_IN, REGEX; no operators), so each is matched with numpy over all of a doc's tokens
  at once, and spaCy's own AttributeRuler applies the matches (same keys, spans and order as the
  Matcher's). A pattern of any other shape makes it match with the Matcher instead.
- LemmaTable: the rule lemmatizer's answer depends only on the word, its part of speech and its
  morphology; it is asked once per such triple and the answers are kept in a table.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import IDS, LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id

# Token attributes whose array values are string hashes, and boolean flags (0 or 1 in the array).
_HASHED = {"ORTH", "LOWER", "NORM", "TAG", "DEP"}
_FLAGS = {"IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE", "IS_TITLE", "IS_UPPER", "LIKE_NUM"}


class _Unsupported(Exception):
    """A pattern the array matcher does not cover: the ruler falls back on spaCy's Matcher."""


def _condition(attr: str, value, strings):
    """A function from an attribute's array (one value per token) to a boolean mask of the tokens whose
    value satisfies `value`, the pattern's constraint on that attribute; and the values it needs one of
    (None: any), so that a pattern none of whose needed values is in a doc is not tried at all."""
    if attr in _FLAGS:
        if isinstance(value, bool):
            return (lambda column: column == int(value)), None
        raise _Unsupported(attr)
    if attr not in _HASHED:
        raise _Unsupported(attr)
    if isinstance(value, str):
        wanted = get_string_id(value)
        return (lambda column: column == wanted), {wanted}
    if not isinstance(value, dict) or not value or set(value) - {"IN", "NOT_IN", "REGEX"}:
        raise _Unsupported(attr)
    parts = []
    if "IN" in value:
        allowed = np.array([get_string_id(v) for v in value["IN"]], dtype=np.uint64)
        parts.append(lambda column: np.isin(column, allowed))
    if "NOT_IN" in value:
        refused = np.array([get_string_id(v) for v in value["NOT_IN"]], dtype=np.uint64)
        parts.append(lambda column: ~np.isin(column, refused))
    if "REGEX" in value:
        pattern = re.compile(value["REGEX"])
        verdicts: dict[int, bool] = {}  # per string hash: the vocabulary repeats, the regex runs once per word

        def searched(column):
            found = []
            for key in np.unique(column).tolist():
                if key not in verdicts:
                    verdicts[key] = bool(pattern.search(strings[key]))
                if verdicts[key]:
                    found.append(key)
            return np.isin(column, np.array(found, dtype=np.uint64))

        parts.append(searched)
    needed = {int(v) for v in allowed} if "IN" in value else None
    if len(parts) == 1:
        return parts[0], needed
    return (lambda column: np.logical_and.reduce([part(column) for part in parts])), needed


class ArrayAttributeRuler(AttributeRuler):
    """spaCy's AttributeRuler whose `match` reads token arrays instead of running the Matcher."""

    _compiled: list | None = None

    def add(self, patterns, attrs, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._compiled = None

    def clear(self) -> None:
        super().clear()
        self._compiled = None

    def _compile(self):
        """[(rule number, match id, [[[(attribute column, condition, needed values), ...] per token] per
        alternative])], or False when some pattern has a shape only the Matcher reads."""
        columns: dict[str, int] = {}
        rules = []
        try:
            for number in range(len(self.attrs)):
                key = str(number)
                alternatives = []
                for pattern in self.matcher.get(key)[1]:
                    tokens = []
                    for spec in pattern:
                        if not spec or set(spec) & {"OP", "_"}:
                            raise _Unsupported("operator")
                        tokens.append([(columns.setdefault(attr.upper(), len(columns)), *_condition(attr.upper(), value, self.vocab.strings))
                                       for attr, value in spec.items()])
                    alternatives.append(tokens)
                rules.append((number, get_string_id(key), alternatives))
        except _Unsupported:
            return False
        self._columns = [IDS[name] for name in columns]
        return rules

    def match(self, doc):
        if self._compiled is None:
            self._compiled = self._compile()
        if self._compiled is False or not self._columns:
            return super().match(doc)
        length = len(doc)
        if not length:
            return []
        arrays = doc.to_array(self._columns).reshape(length, len(self._columns))
        present = [set(np.unique(arrays[:, column]).tolist()) for column in range(len(self._columns))]
        matches = []
        for number, match_id, alternatives in self._compiled:
            spans: set[tuple[int, int]] = set()  # the Matcher gives a span once, however many alternatives match it
            for tokens in alternatives:
                width = len(tokens)
                if width > length or any(needed is not None and needed.isdisjoint(present[column])
                                         for conditions in tokens for column, _, needed in conditions):
                    continue
                mask = np.ones(length - width + 1, dtype=bool)
                for offset, conditions in enumerate(tokens):
                    window = arrays[offset : length - width + 1 + offset]
                    for column, condition, _ in conditions:
                        mask &= condition(window[:, column])
                spans.update((start, start + width) for start in np.flatnonzero(mask).tolist())
            matches.extend((number, match_id, start, end) for start, end in spans)
        matches.sort()
        return matches


class LemmaTable:
    """Sets each token's lemma as the model's lemmatizer does, asking it once per (word, part of speech,
    morphology): spaCy's rule lemmatizer reads nothing else of a token."""

    def __init__(self, lemmatizer: Lemmatizer):
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc):
        if not len(doc):
            return doc
        arrays = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = arrays[:, 3].copy()
        # Like the lemmatizer, keep a lemma the attribute ruler has already set, unless told to overwrite.
        missing = np.arange(len(doc)) if self.lemmatizer.overwrite else np.flatnonzero(lemmas == 0)
        strings = doc.vocab.strings
        for index, key in zip(missing.tolist(), map(tuple, arrays[missing, :3].tolist())):
            lemma = self.lemmas.get(key)
            if lemma is None:
                lemma = self.lemmas[key] = strings.add(self.lemmatizer.lemmatize(doc[index])[0])
            lemmas[index] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory("array_attribute_ruler", default_config={"validate": False})
def make_array_attribute_ruler(nlp: Language, name: str, validate: bool) -> ArrayAttributeRuler:
    return ArrayAttributeRuler(nlp.vocab, name, validate=validate)


@Language.factory("lemma_table")
def make_lemma_table(nlp: Language, name: str) -> LemmaTable:
    """Wraps the pipeline's lemmatizer, which must be in the pipeline when this is added."""
    return LemmaTable(nlp.get_pipe("lemmatizer"))


def use_faster_components(nlp: Language) -> None:
    """Swap the pipeline's stock attribute ruler and rule lemmatizer for their array versions."""
    if "attribute_ruler" in nlp.pipe_names and type(nlp.get_pipe("attribute_ruler")) is AttributeRuler:
        patterns = nlp.get_pipe("attribute_ruler").patterns
        ruler = nlp.replace_pipe("attribute_ruler", "array_attribute_ruler")
        ruler.add_patterns(patterns)
    if "lemmatizer" in nlp.pipe_names and isinstance(nlp.get_pipe("lemmatizer"), Lemmatizer):
        nlp.add_pipe("lemma_table", after="lemmatizer")
        nlp.remove_pipe("lemmatizer")
        nlp.rename_pipe("lemma_table", "lemmatizer")
