"""One statement quoted by several reports, often in different translations ('central Freedom
Square' / 'central Independence Square'), gets one quote_group_id.

Two quotes are one statement when
- their words are the same once case and punctuation are set aside, or
- the same speaker entity said both and their words overlap strongly (rapidfuzz token_set_ratio of
  SAME_SPEAKER_SIMILARITY or more: a translation rewords a few phrases, a partial quote is a subset), or
- one of them has no speaker, they open with the same words, and they overlap even more strongly
  (OPEN_SPEAKER_SIMILARITY): the unattributed copy of a tweet.
Quotes of fewer than MIN_WORDS words only join a group word for word: 'We will win' is said by many.
Different statements by one speaker overlap far less (typically under 50) and stay apart.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

import numpy as np
from rapidfuzz import fuzz, process
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from newsfacts.extract.translit import plain_words

SAME_SPEAKER_SIMILARITY = 70
OPEN_SPEAKER_SIMILARITY = 80
MIN_WORDS = 5
_OPENING_WORDS = 3


def normalise(text: str) -> str:
    return " ".join(plain_words(text))


class _UnionFind:
    def __init__(self, items):
        self.parent = {item: item for item in items}

    def find(self, item):
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a, b):
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def _similar_pairs(rows: list[str], columns: list[str], cutoff: int):
    """(i, j) of rows[i] and columns[j] scoring at least `cutoff` (vectorised by rapidfuzz)."""
    scores = process.cdist(rows, columns, scorer=fuzz.token_set_ratio, score_cutoff=cutoff, dtype=np.uint8, workers=-1)
    return zip(*np.nonzero(scores))


def _similar_components(texts: list[str], cutoff: int) -> np.ndarray:
    """A component label per text: texts linked by a chain of pairs scoring at least `cutoff`. A
    speaker quoted in many reports gives thousands of pairs; scipy labels them in one call."""
    scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, score_cutoff=cutoff, dtype=np.uint8, workers=-1)
    return connected_components(csr_matrix(scores), directed=False)[1]


def group_quotes(quotes: list[dict]) -> dict[str, str]:
    """quote_id -> quote_group_id for quotes with keys quote_id, doc_id, speaker_entity_id, text.
    A group's id derives from its smallest quote_id, so a rebuild gives the same ids."""
    groups = _UnionFind([q["quote_id"] for q in quotes])
    # One representative per (wording, speaker): identical wordings are one statement outright.
    representatives: dict[tuple[str, str | None], str] = {}
    first_of_wording: dict[str, str] = {}
    for quote in quotes:
        norm = normalise(quote["text"])
        key = (norm, quote["speaker_entity_id"])
        representatives.setdefault(key, quote["quote_id"])
        groups.union(representatives[key], quote["quote_id"])
        first_of_wording.setdefault(norm, quote["quote_id"])
        groups.union(first_of_wording[norm], quote["quote_id"])
    by_speaker: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_opening: dict[str, list[tuple[str, str, bool]]] = defaultdict(list)
    for (norm, speaker), quote_id in representatives.items():
        if len(norm.split()) < MIN_WORDS:
            continue
        if speaker:
            by_speaker[speaker].append((norm, quote_id))
        by_opening[" ".join(norm.split()[:_OPENING_WORDS])].append((norm, quote_id, speaker is None))
    # Blocking keeps the comparisons near-linear: a speaker's quotes among themselves, and each
    # unattributed quote with the quotes that open with the same words.
    for members in by_speaker.values():
        if len(members) > 1:
            first_of_component: dict[int, str] = {}
            for (_norm, quote_id), label in zip(members, _similar_components([m[0] for m in members], SAME_SPEAKER_SIMILARITY)):
                groups.union(first_of_component.setdefault(label, quote_id), quote_id)
    for members in by_opening.values():
        unattributed = [m for m in members if m[2]]
        if unattributed and len(members) > 1:
            for i, j in _similar_pairs([m[0] for m in unattributed], [m[0] for m in members], OPEN_SPEAKER_SIMILARITY):
                groups.union(unattributed[i][1], members[j][1])
    return {q["quote_id"]: "qg-" + hashlib.sha1(groups.find(q["quote_id"]).encode()).hexdigest()[:16] for q in quotes}
