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
  The matched attributes are then written as array columns too (spaCy sets them one match at a time
  through a Span), with the same outcome: where two matches set one attribute of a token, the later wins.
- LemmaTable: the rule lemmatizer's answer depends only on the word, its part of speech and its
  morphology; it is asked once per such triple and the answers are kept in a table.
"""

from __future__ import annotations

import re

import numpy as np
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.strings import get_string_id

# Token attributes whose array values are string hashes, and boolean flags (0 or 1 in the array).
_HASHED = {"ORTH", "LOWER", "NORM", "TAG", "DEP"}
# Token attributes an attribute rule may set that Doc.from_array writes as Token.set_struct_attr does (DEP
# without HEAD leaves the tree as it is).
_WRITABLE = frozenset({LEMMA, POS, TAG, DEP, MORPH})
_FLAGS = {"IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE", "IS_TITLE", "IS_UPPER", "LIKE_NUM"}


class _Unsupported(Exception):
    """A pattern the array matcher does not cover: the ruler falls back on spaCy's Matcher."""


def _condition(attr: str, value, strings):
    """A function from an attribute's array (one value per token) to a boolean mask of the tokens whose
    value satisfies `value`, the pattern's constraint on that attribute; the values it needs one of (None:
    any), so that a pattern none of whose needed values is in a doc is not tried at all; and the one value
    it accepts, where it accepts one (a string's hash, a flag's 0 or 1; None for IN, NOT_IN, REGEX)."""
    if attr in _FLAGS:
        if isinstance(value, bool):
            return (lambda column: column == int(value)), None, int(value)
        raise _Unsupported(attr)
    if attr not in _HASHED:
        raise _Unsupported(attr)
    if isinstance(value, str):
        wanted = get_string_id(value)
        return (lambda column: column == wanted), {wanted}, wanted
    if not isinstance(value, dict) or not value or set(value) - {"IN", "NOT_IN", "REGEX"}:
        raise _Unsupported(attr)
    parts = []
    if "IN" in value:
        allowed = np.array([get_string_id(v) for v in value["IN"]], dtype=np.uint64)
        parts.append(lambda column: _one_of(column, allowed))
    if "NOT_IN" in value:
        refused = np.array([get_string_id(v) for v in value["NOT_IN"]], dtype=np.uint64)
        parts.append(lambda column: ~_one_of(column, refused))
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
            return _one_of(column, np.array(found, dtype=np.uint64))

        parts.append(searched)
    needed = {int(v) for v in allowed} if "IN" in value else None
    if len(parts) == 1:
        return parts[0], needed, None
    return (lambda column: np.logical_and.reduce([part(column) for part in parts])), needed, None


def _one_of(column, values):
    """Which of a column's values are among `values` (np.isin, by plain comparison for the short lists of
    attribute patterns, where isin's set-up costs more than the comparing)."""
    if len(values) > 32:
        return np.isin(column, values)
    return (column[:, None] == values).any(axis=1)


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
        """(rules, one-token tables), or False when some pattern has a shape only the Matcher reads.

        rules: [(rule number, match id, [[[(attribute column, condition, needed values, value it equals), ...] per token] per
        alternative])] for the alternatives that are not in a table. One-token tables: {attribute columns:
        {their values: [rule numbers]}} for the alternatives of one token that only ask for attributes
        equal to values ({"TAG": "NNS"}, {"LOWER": "that", "TAG": "WDT"}): nearly all of a model's patterns,
        each matched by one look-up per token."""
        columns: dict[str, int] = {}
        rules = []
        tables: dict[tuple[int, ...], dict[tuple[int, ...], list[int]]] = {}
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
                    equal_to = {column: equals for column, _, _, equals in tokens[0]}
                    if len(pattern) == 1 and None not in equal_to.values():
                        in_order = sorted(equal_to)
                        rules_of = tables.setdefault(tuple(in_order), {}).setdefault(tuple(equal_to[c] for c in in_order), [])
                        if number not in rules_of:
                            rules_of.append(number)
                    else:
                        alternatives.append(tokens)
                rules.append((number, get_string_id(key), alternatives))
        except _Unsupported:
            return False
        self._columns = [IDS[name] for name in columns]
        return rules, tables

    def match(self, doc):
        if self._compiled is None:
            self._compiled = self._compile()
        if self._compiled is False or not self._columns:
            return super().match(doc)
        rules, tables = self._compiled
        length = len(doc)
        if not length:
            return []
        arrays = doc.to_array(self._columns).reshape(length, len(self._columns))
        present = [set(np.unique(arrays[:, column]).tolist()) for column in range(len(self._columns))]
        # The Matcher gives a span once, however many alternatives of its rule match it.
        spans: list[set[tuple[int, int]]] = [set() for _ in rules]
        for columns, rules_by_values in tables.items():
            wanted = {values: numbers for values, numbers in rules_by_values.items()
                      if all(value in present[column] for column, value in zip(columns, values))}
            if len(wanted) > 8:  # ('TAG' alone: most of a doc's tags have a rule) one look-up per token
                for start, values in enumerate(zip(*(arrays[:, column].tolist() for column in columns))):
                    for number in wanted.get(values, ()):
                        spans[number].add((start, start + 1))
                continue
            for values, numbers in wanted.items():
                mask = np.logical_and.reduce([arrays[:, column] == value for column, value in zip(columns, values)])
                starts = np.flatnonzero(mask).tolist()
                for number in numbers:
                    spans[number].update((start, start + 1) for start in starts)
        for number, _, alternatives in rules:
            for tokens in alternatives:
                width = len(tokens)
                if width > length or any(needed is not None and needed.isdisjoint(present[column])
                                         for conditions in tokens for column, _, needed, _ in conditions):
                    continue
                mask = np.ones(length - width + 1, dtype=bool)
                for offset, conditions in enumerate(tokens):
                    window = arrays[offset : length - width + 1 + offset]
                    for column, condition, _, _ in conditions:
                        mask &= condition(window[:, column])
                spans[number].update((start, start + width) for start in np.flatnonzero(mask).tolist())
        matches = [(number, match_id, start, end) for number, match_id, _ in rules for start, end in spans[number]]
        matches.sort()
        return matches

    def set_annotations(self, doc, matches) -> None:
        """Each match's attributes set on its token, as AttributeRuler.set_annotations sets them, written as
        array columns. spaCy sets no attribute of a rule on the token's lexeme that these columns hold."""
        written = sorted({attr for attrs in self.attrs for attr in attrs})
        if not matches or not set(written) <= _WRITABLE:
            return super().set_annotations(doc, matches)
        column_of = {attr: column for column, attr in enumerate(written)}
        arrays = doc.to_array(written).reshape(len(doc), len(written))
        for attr_id, _, start, end in matches:
            index = self.indices[attr_id]
            target = (start if index >= 0 else end) + index
            if not start <= target < end:
                return super().set_annotations(doc, matches)  # (spaCy's error names the pattern)
            for attr, value in self.attrs[attr_id].items():
                arrays[target, column_of[attr]] = value
        doc.from_array(written, arrays)


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
