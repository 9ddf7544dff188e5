"""Schemas for every fact table. Rows are validated with `_doc_length` (the length of their
document's text) beside them, so an evidence span that points outside the article is caught."""

from __future__ import annotations

import pandera.pandas as pa

KINDS = ["killed", "injured", "missing", "displaced"]
PRECISIONS = ["exact", "at_least", "approximately", "at_most", "vague"]
ENTITY_TYPES = ["person", "organization", "location"]
DATE_PRECISIONS = ["day", "week", "month", "unknown"]


def _span_inside_document(df):
    return (df["start_char"] >= 0) & (df["start_char"] < df["end_char"]) & (df["end_char"] <= df["_doc_length"])


_span_check = pa.Check(_span_inside_document, name="bad_span")
_id = pa.Column(str, pa.Check.str_matches(r"^[0-9a-f]{16}$"))
_offset = pa.Column(int)

casualties_schema = pa.DataFrameSchema(
    {
        "fact_id": pa.Column(str, pa.Check.str_matches(r"^[0-9a-f]{16}$"), unique=True),
        "doc_id": _id,
        "kind": pa.Column(str, pa.Check.isin(KINDS)),
        "count_min": pa.Column(int, pa.Check(lambda s: s >= 0, name="bad_count")),
        "count_max": pa.Column(float, nullable=True),
        "precision": pa.Column(str, pa.Check.isin(PRECISIONS)),
        "victims": pa.Column(str, nullable=True),
        "part_of": pa.Column(str, nullable=True),
        "location": pa.Column(str, nullable=True),
        "period": pa.Column(str, nullable=True),
        "reported_by": pa.Column(str, nullable=True),
        "start_char": _offset,
        "end_char": _offset,
    },
    checks=[
        _span_check,
        pa.Check(lambda df: df["count_max"].isna() | (df["count_max"] >= df["count_min"]), name="bad_count"),
    ],
    strict=False,
    coerce=True,
    name="casualties",
)

quotes_schema = pa.DataFrameSchema(
    {
        "quote_id": pa.Column(str, unique=True),
        "doc_id": _id,
        "speaker": pa.Column(str, nullable=True),
        "text": pa.Column(str, pa.Check(lambda s: s.str.strip().str.len() > 0, name="empty_text")),
        "start_char": _offset,
        "end_char": _offset,
        "quote_group_id": pa.Column(str, nullable=True),
    },
    checks=[_span_check],
    strict=False,
    coerce=True,
    name="quotes",
)

mentions_schema = pa.DataFrameSchema(
    {
        "doc_id": _id,
        "entity_id": _id,
        "surface": pa.Column(str, pa.Check.str_length(min_value=1)),
        "start_char": _offset,
        "end_char": _offset,
        "sentence_index": pa.Column(int, pa.Check.ge(0)),
    },
    checks=[_span_check],
    strict=False,
    coerce=True,
    name="mentions",
)

events_schema = pa.DataFrameSchema(
    {
        "event_id": pa.Column(str, unique=True),
        "doc_id": _id,
        "event_type": pa.Column(str),
        "event_date_precision": pa.Column(str, pa.Check.isin(DATE_PRECISIONS)),
        "location": pa.Column(str, nullable=True),
        "start_char": _offset,
        "end_char": _offset,
    },
    checks=[_span_check],
    strict=False,
    coerce=True,
    name="events",
)

entity_observations_schema = pa.DataFrameSchema(
    {
        "entity_id": _id,
        "canonical_name": pa.Column(str, pa.Check.str_length(min_value=1)),
        "entity_type": pa.Column(str, pa.Check.isin(ENTITY_TYPES)),
        "latitude": pa.Column(float, pa.Check.in_range(-90, 90), nullable=True),
        "longitude": pa.Column(float, pa.Check.in_range(-180, 180), nullable=True),
        "country_code": pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}$"), nullable=True),
        "doc_id": _id,
    },
    strict=False,
    coerce=True,
    name="entity_observations",
)

FACT_SCHEMAS = {
    "entity_observations": entity_observations_schema,
    "mentions": mentions_schema,
    "casualties": casualties_schema,
    "quotes": quotes_schema,
    "events": events_schema,
}
