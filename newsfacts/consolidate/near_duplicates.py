"""MinHash signatures of article texts (datasketch). The signature is computed once, when a document
is ingested, and stored with it; warehouse/near_duplicate_bands.sql bands the signatures (locality-sensitive
hashing), and near_duplicate_pairs_found.sql keeps the pairs whose estimated Jaccard similarity reaches
NEAR_DUPLICATE_SIMILARITY. The
constants below reach that SQL as DuckDB variables (newsfacts/consolidate/build.py), so each is defined here
only."""

from __future__ import annotations

from datasketch import MinHash

from newsfacts.extract.translit import plain_words

# 64 permutations in 16 bands of 4: a pair at similarity 0.8 becomes a candidate with probability
# 0.999, one at 0.5 with 0.64 (and is then rejected by its estimated similarity).
NUM_PERM = 64
BANDS = 16
SHINGLE_WORDS = 3
# Syndicated copies and re-posts share ~0.9 of their 3-word shingles; two reports of one event by
# different outlets share under 0.2.
NEAR_DUPLICATE_SIMILARITY = 0.7
_SEED = 1  # fixed: signatures stored in different runs must be comparable

def shingles(text: str) -> set[bytes]:
    words = plain_words(text)
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


# Drawing the permutations takes as long as hashing a short article: draw them once.
_TEMPLATE = MinHash(num_perm=NUM_PERM, seed=_SEED)


def minhash_signature(text: str) -> list[int]:
    signature = MinHash(num_perm=NUM_PERM, seed=_SEED, permutations=_TEMPLATE.permutations, scheme=_TEMPLATE.scheme)
    signature.update_batch(list(shingles(text)))
    return [int(v) for v in signature.hashvalues]


def estimated_similarity(a: list[int], b: list[int]) -> float:
    return sum(x == y for x, y in zip(a, b)) / NUM_PERM
