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
import rapidfuzz
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


# rapidfuzz starts its threads on every cdist call: worth it for a big block, about a millisecond lost
# on each of the many small ones (25,000 blocks at 300,000 quotes: 16 s with threads, a few without).
PARALLEL_FROM_PAIRS = 20_000


def _workers(rows: int, columns: int) -> int:
    return -1 if rows * columns >= PARALLEL_FROM_PAIRS else 1


def _similar_pairs(rows: list[str], columns: list[str], cutoff: int):
    """(i, j) of rows[i] and columns[j] scoring at least `cutoff` (vectorised by rapidfuzz)."""
    scores = process.cdist(rows, columns, scorer=fuzz.token_set_ratio, score_cutoff=cutoff, dtype=np.uint8,
                           workers=_workers(len(rows), len(columns)))
    return zip(*np.nonzero(scores))


def _unattributed_pairs(members: list[tuple[str, str, bool]]) -> list[int]:
    """Flat (i, j, i, j, ...) indices into members: an unattributed quote i close enough to member j."""
    unattributed = [i for i, m in enumerate(members) if m[2]]
    found = []
    for i, j in _similar_pairs([members[i][0] for i in unattributed], [m[0] for m in members], OPEN_SPEAKER_SIMILARITY):
        found += [unattributed[i], j]
    return found


def _similar_components(texts: list[str], cutoff: int) -> np.ndarray:
    """A component label per text: texts linked by a chain of pairs scoring at least `cutoff`. A
    speaker quoted in many reports gives thousands of pairs; scipy labels them in one call."""
    scores = process.cdist(texts, texts, scorer=fuzz.token_set_ratio, score_cutoff=cutoff, dtype=np.uint8,
                           workers=_workers(len(texts), len(texts)))
    return connected_components(csr_matrix(scores), directed=False)[1]


def _grown_components(texts: list[str], added: list[int], kept: list[int], before: list[int], cutoff: int) -> np.ndarray:
    """A component label per text, where the texts at `kept` (indices into texts, the others at `added`) were
    labelled `before` (in their order) by _similar_components: those components, joined by the pairs of an added
    text and any text scoring at least `cutoff`. The same components as _similar_components finds over all the
    texts, for k added texts among n at k x n comparisons instead of n x n."""
    first_of_component: dict[int, int] = {}
    links = [(i, first_of_component.setdefault(label, i)) for i, label in zip(kept, before)]
    added_texts = [texts[i] for i in added]
    links += [(added[i], j) for i, j in _similar_pairs(added_texts, texts, cutoff)]
    links += [(j, added[i]) for j, i in _similar_pairs(texts, added_texts, cutoff)]  # (both ways, as all pairs are)
    rows, columns = zip(*links)
    graph = csr_matrix((np.ones(len(rows), dtype=np.uint8), (rows, columns)), shape=(len(texts), len(texts)))
    return connected_components(graph, directed=False)[1]


class SimilarityMemo:
    """What comparing a block of texts found, by the block's content. Scoring every pair of a prolific
    speaker's quotes takes seconds; a build that finds the block unchanged (no new quote of that
    speaker, none new opening with those words) reuses the answer. The warehouse keeps it between
    builds (table similarity_memo), so a run that adds one article does not score ten thousand again."""

    VERSION = f"{rapidfuzz.__version__}|{SAME_SPEAKER_SIMILARITY}|{OPEN_SPEAKER_SIMILARITY}"

    def __init__(self, known: dict[str, list[int]] | None = None):
        self.known = known or {}
        self.used: dict[str, list[int]] = {}  # what this build needed: the memo it passes on
        self.hits = 0

    def _key(self, kind: str, texts: list[str]) -> str:
        return hashlib.sha1("\x1f".join([self.VERSION, kind, *texts]).encode()).hexdigest()

    def known_result(self, kind: str, texts: list[str]) -> list[int] | None:
        """What an earlier build found for this block, or None (not counted as a use)."""
        key = self._key(kind, texts)
        return self.known[key] if key in self.known else None

    def result(self, kind: str, texts: list[str], compute) -> list[int]:
        key = self._key(kind, texts)
        if key in self.known:
            self.hits += 1
            found = self.known[key]
        else:
            found = [int(v) for v in compute()]
        self.used[key] = found
        return found


def _speaker_components(memo: SimilarityMemo, texts: list[str], added: list[int]) -> np.ndarray | list[int]:
    """A component label per text of a speaker's block: grown from what an earlier build found for the block
    without the `added` texts, where the memo holds it (a run that adds a quote of a speaker quoted thousands
    of times compares the one with the thousands), else by comparing every pair."""
    adding = set(added)
    kept = [i for i in range(len(texts)) if i not in adding]
    if added and kept:
        before = [0] if len(kept) == 1 else memo.known_result("speaker", [texts[i] for i in kept])
        if before is not None:
            return _grown_components(texts, added, kept, before, SAME_SPEAKER_SIMILARITY)
    return _similar_components(texts, SAME_SPEAKER_SIMILARITY)


def group_quotes(quotes: list[dict], memo: SimilarityMemo | None = None) -> dict[str, str]:
    """quote_id -> quote_group_id for quotes with keys quote_id, doc_id, speaker_entity_id, text, and
    optionally wording (normalise(text), where the caller has it) and added (a quote of a document this build
    adds, whose speaker's block the memo may hold without it). A group's id derives from its smallest
    quote_id, so a rebuild gives the same ids. `memo` holds the comparisons of blocks seen by an earlier
    build; the result is the same with or without it."""
    memo = memo or SimilarityMemo()
    groups = _UnionFind([q["quote_id"] for q in quotes])
    held: set[tuple[str, str | None]] = set()  # the (wording, speaker) of quotes not flagged 'added'
    # One representative per (wording, speaker): identical wordings are one statement outright.
    representatives: dict[tuple[str, str | None], str] = {}
    first_of_wording: dict[str, str] = {}
    for quote in quotes:
        norm = quote["wording"] if "wording" in quote else normalise(quote["text"])
        key = (norm, quote["speaker_entity_id"])
        if not quote.get("added"):
            held.add(key)
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
    for speaker, members in by_speaker.items():
        if len(members) > 1:
            members.sort()  # texts are unique within a speaker's block: the order is the content's
            texts = [m[0] for m in members]
            added = [i for i, (norm, _quote_id) in enumerate(members) if (norm, speaker) not in held]
            labels = memo.result("speaker", texts, lambda: _speaker_components(memo, texts, added))
            first_of_component: dict[int, str] = {}
            for (_norm, quote_id), label in zip(members, labels):
                groups.union(first_of_component.setdefault(label, quote_id), quote_id)
    for members in by_opening.values():
        if any(m[2] for m in members) and len(members) > 1:
            # Members with one wording are one group already, so their order among themselves is moot.
            members.sort(key=lambda m: (m[0], m[2]))
            pairs = memo.result("opening", [("?" if m[2] else "=") + m[0] for m in members],
                                lambda: _unattributed_pairs(members))
            for i, j in zip(pairs[::2], pairs[1::2]):
                groups.union(members[i][1], members[j][1])
    return {q["quote_id"]: "qg-" + hashlib.sha1(groups.find(q["quote_id"]).encode()).hexdigest()[:16] for q in quotes}
