"""Schemas for raw records (as parsed from a file) and documents (cleaned, about to be loaded)."""

from __future__ import annotations

from datetime import date, timedelta

import pandera.pandas as pa

EARLIEST_PUBLICATION = date(1900, 1, 1)


def _plausible_date(value) -> bool:
    # Tomorrow is allowed: a timezone ahead of ours may already have published it.
    return value is None or EARLIEST_PUBLICATION <= value <= date.today() + timedelta(days=1)


# The format a record was read as: a file format, or the agency format found inside an XML, JSON or text file.
RECORD_FORMATS = ["text", "html", "json", "nitf", "newsml", "newsml-g2", "ninjs", "iptc7901"]

raw_record_schema = pa.DataFrameSchema(
    {
        "source_path": pa.Column(str, pa.Check.str_length(min_value=1)),
        "format": pa.Column(str, pa.Check.isin(RECORD_FORMATS)),
        "body": pa.Column(str, pa.Check(lambda s: s.str.strip().str.len() > 0, name="empty_text")),
    },
    strict=False,
    name="raw_record",
)


def document_schema(min_words: int, languages: tuple[str, ...]) -> pa.DataFrameSchema:
    return pa.DataFrameSchema(
        {
            "doc_id": pa.Column(str, pa.Check.str_matches(r"^[0-9a-f]{16}$"), unique=True),
            "source_path": pa.Column(str),
            "title": pa.Column(str, pa.Check.str_length(max_value=500), nullable=True),
            "publisher": pa.Column(str, pa.Check.str_length(max_value=200), nullable=True),
            "published_date": pa.Column(
                object, pa.Check(_plausible_date, element_wise=True, name="implausible_date"), nullable=True
            ),
            "published_date_basis": pa.Column(str, pa.Check.isin(["stated", "metadata", "inferred", "unknown"])),
            "language": pa.Column(str, pa.Check(lambda s: s.isin(list(languages)), name="language")),
            "text": pa.Column(str, pa.Check(lambda s: s.str.strip().str.len() > 0, name="empty_text")),
            "n_words": pa.Column(int, pa.Check(lambda s: s >= min_words, name="too_short")),
        },
        strict=False,
        name="document",
    )
