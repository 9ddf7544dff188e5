"""The ids fact rows are keyed on: a hash of the document and the fact's kind and span, the same on every run,
so a document extracted again gives its facts the same ids."""

from __future__ import annotations

import hashlib


def fact_id(*parts) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode()).hexdigest()[:16]
