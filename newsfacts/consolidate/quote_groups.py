"""One statement quoted by several reports, often in different translations ('central Freedom
Square' / 'central Independence Square'), gets one quote_group_id.

Two quotes are one statement when
- the same speaker entity said both and their words overlap strongly (rapidfuzz token_set_ratio of
  SAME_SPEAKER_SIMILARITY or more: a translation rewords a few phrases, a partial quote is a subset), or
- at most one of them has a speaker, they open with the same words, and they overlap even more
  strongly (OPEN_SPEAKER_SIMILARITY): the unattributed copy of a tweet.
Quotes of fewer than MIN_WORDS words only join a group word for word: 'We will win' is said by many.
Different statements by one speaker overlap far less (typically under 50) and stay apart.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict

from rapidfuzz import fuzz

from newsfacts.extract.translit import ascii_fold

SAME_SPEAKER_SIMILARITY = 70
OPEN_SPEAKER_SIMILARITY = 80
MIN_WORDS = 5
_OPENING_WORDS = 3
_WORD = re.compile(r"[a-z0-9]+")


def normalise(text: str) -> str:
    return " ".join(_WORD.findall(ascii_fold(text).lower()))


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


def _same_statement(a: dict, b: dict) -> bool:
    if a["norm"] == b["norm"]:
        return True
    if min(a["n_words"], b["n_words"]) < MIN_WORDS:
        return False
    speakers = {a["speaker_entity_id"], b["speaker_entity_id"]} - {None}
    if len(speakers) > 1:
        return False
    threshold = SAME_SPEAKER_SIMILARITY if len(speakers) == 1 and a["speaker_entity_id"] and b["speaker_entity_id"] else OPEN_SPEAKER_SIMILARITY
    return fuzz.token_set_ratio(a["norm"], b["norm"]) >= threshold


def group_quotes(quotes: list[dict]) -> dict[str, str]:
    """quote_id -> quote_group_id for quotes with keys quote_id, doc_id, speaker_entity_id, text.
    A group's id derives from its smallest quote_id, so a rebuild gives the same ids."""
    items = []
    for quote in quotes:
        norm = normalise(quote["text"])
        items.append({**quote, "norm": norm, "n_words": len(norm.split())})
    # Blocking keeps the comparisons near-linear: quotes are compared within one speaker's quotes,
    # and with quotes that open with the same words.
    blocks: dict[tuple, list[dict]] = defaultdict(list)
    for item in items:
        if item["speaker_entity_id"]:
            blocks[("speaker", item["speaker_entity_id"])].append(item)
        blocks[("opening", " ".join(item["norm"].split()[:_OPENING_WORDS]))].append(item)
    groups = _UnionFind([item["quote_id"] for item in items])
    for members in blocks.values():
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                if groups.find(a["quote_id"]) != groups.find(b["quote_id"]) and _same_statement(a, b):
                    groups.union(a["quote_id"], b["quote_id"])
    return {item["quote_id"]: "qg-" + hashlib.sha1(groups.find(item["quote_id"]).encode()).hexdigest()[:16]
            for item in items}
