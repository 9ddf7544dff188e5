"""Schemas for raw records (as parsed from a file) and documents (cleaned, about to be loaded)."""

from __future__ import annotations

import pandera.pandas as pa

from schemas.tables import DOCUMENTS
from schemas.values import RecordFormat, values

raw_record_schema = pa.DataFrameSchema(
    {
        "source_path": pa.Column(str, pa.Check.str_length(min_value=1)),
        "format": pa.Column(str, pa.Check.isin(values(RecordFormat))),
        "body": pa.Column(str, pa.Check(lambda s: s.str.strip().str.len() > 0, name="empty_text")),
    },
    strict=False,
    name="raw_record",
)


def document_schema(min_words: int, languages: tuple[str, ...]) -> pa.DataFrameSchema:
    """The documents table's checks, with the run's minimum length and languages."""
    return DOCUMENTS.schema(min_words=min_words, languages=languages)
