"""Every table the pipeline loads, defined once: each column's DuckDB type and meaning, and the checks
its rows must pass. From these come the DDL that types every Parquet part and database (`ddl`), the
Pandera schemas rows are validated with (`Table.schema`), and the rows themselves (`Table.row`).
Columns of ../shared/docs/warehouse-contract.md keep their names, types and meaning; the others are
provenance (run_id, pipeline_version) and ledger data. The tables derived from these at build time
each have one SQL file in warehouse/.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

import pandera.pandas as pa

from schemas.values import (CasualtyKind, CorrectionAction, CorrectionTarget, DateBasis, DatePrecision, EntityType,
                            Precision, RecordFormat, ReviewStatus, Stage, values)

# A column's Pandera check, or a function of the run's settings that makes one (documents' minimum length
# and languages are settings).
Validation = pa.Column | Callable[..., pa.Column]


@dataclass(frozen=True)
class Column:
    name: str
    sql_type: str
    meaning: str = ""
    validation: Validation | None = None
    constraint: str = ""  # e.g. PRIMARY KEY, DEFAULT false
    # Whether the stored tables hold it; a column only the database has is set when it is built.
    stored: bool = True


@dataclass(frozen=True)
class Table:
    name: str
    meaning: str
    columns: tuple[Column, ...]
    # Checks across columns, and whether values are coerced to the checked types (fact rows are).
    checks: tuple[pa.Check, ...] = ()
    coerce: bool = False
    schema_name: str = ""  # the Pandera schema's name, when not the table's
    names: frozenset[str] = field(init=False)

    def __post_init__(self):
        object.__setattr__(self, "names", frozenset(c.name for c in self.columns))

    def ddl(self, stored_only: bool = False, keys: bool = True) -> str:
        """CREATE TABLE, with every column (the database's) or only the stored ones (a staged file's);
        without `keys`, with no PRIMARY KEY constraints."""
        columns = [c for c in self.columns if c.stored or not stored_only]
        width = max(len(c.name) for c in columns)
        lines = []
        for number, c in enumerate(columns, 1):
            constraint = c.constraint if keys else c.constraint.replace("PRIMARY KEY", "").strip()
            line = f"    {c.name:<{width}} {' '.join(filter(None, [c.sql_type, constraint]))}"
            line += "," if number < len(columns) else ""
            lines.append(f"{line}  -- {c.meaning}" if c.meaning else line)
        return f"-- {self.meaning}\nCREATE TABLE {self.name} (\n" + "\n".join(lines) + "\n);"

    def schema(self, **settings) -> pa.DataFrameSchema:
        """The Pandera schema of the columns that have checks (others pass as they are)."""
        checked = {c.name: c.validation if isinstance(c.validation, pa.Column) else c.validation(**settings)
                   for c in self.columns if c.validation is not None}
        return pa.DataFrameSchema(checked, checks=list(self.checks), strict=False, coerce=self.coerce,
                                  name=self.schema_name or self.name)

    def row(self, **values) -> dict:
        """A row of this table; a column it does not have is a programming error, caught here."""
        unknown = set(values) - self.names
        if unknown:
            raise KeyError(f"{self.name} has no column {', '.join(sorted(unknown))}")
        return values


def ddl(stored_only: bool = False, keys: bool = True) -> str:
    """The DDL of every loaded table, in load order: the database's, or only the stored columns; with or
    without their PRIMARY KEY constraints."""
    return "\n\n".join(table.ddl(stored_only, keys) for table in LOADED_TABLES.values()) + "\n"


# ---- shared columns and checks ---------------------------------------------------------------
HEX_ID = r"^[0-9a-f]{16}$"


def _id(**options) -> pa.Column:
    return pa.Column(str, pa.Check.str_matches(HEX_ID), **options)


def _offset() -> pa.Column:
    return pa.Column(int)


def _text(**options) -> pa.Column:
    return pa.Column(str, nullable=True, **options)


def _not_blank() -> pa.Check:
    return pa.Check(lambda s: s.str.strip().str.len() > 0, name="empty_text")


def _span_inside_document(df):
    # Fact rows are validated with `_doc_length`, their document's length, beside them.
    return (df["start_char"] >= 0) & (df["start_char"] < df["end_char"]) & (df["end_char"] <= df["_doc_length"])


SPAN_INSIDE_DOCUMENT = pa.Check(_span_inside_document, name="bad_span")
PROVENANCE = (Column("run_id", "VARCHAR"), Column("pipeline_version", "VARCHAR"))


EARLIEST_PUBLICATION = date(1900, 1, 1)


def plausible_date(value) -> bool:
    # Tomorrow is allowed: a timezone ahead of ours may already have published it.
    return value is None or EARLIEST_PUBLICATION <= value <= date.today() + timedelta(days=1)


def _document_length(min_words: int = 0, **_) -> pa.Column:
    return pa.Column(int, pa.Check(lambda s: s >= min_words, name="too_short"))


def _document_language(languages: tuple[str, ...] = ("en",), **_) -> pa.Column:
    return pa.Column(str, pa.Check(lambda s: s.isin(list(languages)), name="language"))


# ---- the tables --------------------------------------------------------------------------------
DOCUMENTS = Table("documents", "One row per article: its cleaned text, where it came from, when it was published.", (
    Column("doc_id", "VARCHAR", "sha256 of the normalised text, 16 hex digits", _id(unique=True), "PRIMARY KEY"),
    Column("source_path", "VARCHAR", "relative to the source folder; '#N' = record N of the file", pa.Column(str)),
    Column("title", "VARCHAR", validation=_text(checks=pa.Check.str_length(max_value=500))),
    Column("publisher", "VARCHAR", validation=_text(checks=pa.Check.str_length(max_value=200))),
    Column("published_date", "DATE", validation=pa.Column(
        object, pa.Check(plausible_date, element_wise=True, name="implausible_date"), nullable=True)),
    Column("published_date_basis", "VARCHAR", " / ".join(values(DateBasis)), pa.Column(str, pa.Check.isin(values(DateBasis)))),
    Column("language", "VARCHAR", validation=_document_language),
    Column("text", "VARCHAR", "the cleaned body that every offset points into", pa.Column(str, _not_blank())),
    Column("n_words", "INTEGER", validation=_document_length),
    Column("near_duplicate_of", "VARCHAR", "set by near_duplicates.sql: the earliest near-identical document"),
    Column("ingested_at", "TIMESTAMP"),
    Column("superseded_by", "VARCHAR", "set by versions.sql: the document that replaced this one when its file changed"),
    Column("run_id", "VARCHAR"),
    Column("url", "VARCHAR"),
    Column("source_format", "VARCHAR", " / ".join(values(RecordFormat))),
    Column("content_sha256", "VARCHAR", "hash of the file the document was read from"),
    Column("pipeline_version", "VARCHAR"),
    Column("minhash", "UBIGINT[]", "MinHash signature of the text, for near-duplicates"),
    Column("near_duplicate_similarity", "DOUBLE", "set by near_duplicates.sql: estimated Jaccard similarity"),
    Column("source_deleted", "BOOLEAN", "set by versions.sql: its file is gone from its folder (the document stays live)",
           constraint="DEFAULT false"),
), schema_name="document")

QUARANTINE = Table("quarantine", "One row per input that was not loaded, and why.", (
    Column("source_path", "VARCHAR"),
    Column("stage", "VARCHAR", " / ".join(values(Stage))),
    Column("reason", "VARCHAR", "machine-readable code (docs/data-dictionary.md)"),
    Column("detail", "VARCHAR", "what went wrong and what to do, for a person"),
    Column("quarantined_at", "TIMESTAMP"),
    Column("run_id", "VARCHAR"),
    Column("fingerprint", "VARCHAR", "content hash (or size and mtime) so a rerun does not repeat the row"),
    Column("pipeline_version", "VARCHAR"),
))

SOURCE_FILES = Table("source_files", "One row per input file a run read: what became of it (the ledger behind incremental loads).", (
    Column("source_path", "VARCHAR"),
    Column("content_sha256", "VARCHAR"),
    Column("size_bytes", "BIGINT"),
    Column("format", "VARCHAR"),
    Column("status", "VARCHAR", "loaded / partial (some records quarantined) / duplicate / quarantined / deleted (no content columns)"),
    Column("doc_ids", "VARCHAR[]"),
    Column("duplicate_of", "VARCHAR[]", "doc_ids already in the warehouse that this file repeats"),
    Column("n_records", "INTEGER"),
    Column("n_quarantined", "INTEGER"),
    Column("seen_at", "TIMESTAMP"),
    Column("run_id", "VARCHAR"),
    Column("mtime_ns", "BIGINT", "modification time when read: the same size and time later is not read again"),
    Column("encoding", "VARCHAR", "how the bytes became text"),
    Column("encoding_confidence", "DOUBLE", "the detector's confidence when the encoding was a guess"),
    Column("bytes_replaced", "INTEGER", "undecodable bytes replaced"),
))

ENTITY_OBSERVATIONS = Table("entity_observations", "Entities as each document saw them; the build merges them across documents (warehouse/entity_merges.sql).", (
    Column("entity_id", "VARCHAR", validation=_id()),
    Column("extracted_entity_id", "VARCHAR", "the entity_id as extracted, before the build merged entities across documents", stored=False),
    Column("canonical_name", "VARCHAR", validation=pa.Column(str, pa.Check.str_length(min_value=1))),
    Column("entity_type", "VARCHAR", " / ".join(values(EntityType)), pa.Column(str, pa.Check.isin(values(EntityType)))),
    Column("aliases", "VARCHAR[]"),
    Column("latitude", "DOUBLE", validation=pa.Column(float, pa.Check.in_range(-90, 90), nullable=True)),
    Column("longitude", "DOUBLE", validation=pa.Column(float, pa.Check.in_range(-180, 180), nullable=True)),
    Column("country_code", "VARCHAR", validation=pa.Column(str, pa.Check.str_matches(r"^[A-Z]{2}$"), nullable=True)),
    Column("geocode_basis", "VARCHAR", "'gazetteer', 'centre <city>' (an area), 'within <place>' (a square, a village)"),
    Column("role", "VARCHAR", "a person's role as the document states it ('foreign minister')"),
    Column("name_key", "VARCHAR", "spelling key that survives transliteration (newsfacts/extract/translit.py)"),
    Column("doc_id", "VARCHAR", validation=_id()),
    *PROVENANCE,
), coerce=True)

MENTIONS = Table("mentions", "Each place in a document's text where an entity is named.", (
    Column("doc_id", "VARCHAR", validation=_id()),
    Column("entity_id", "VARCHAR", validation=_id()),
    Column("extracted_entity_id", "VARCHAR", "the entity_id as extracted, before the build merged entities across documents", stored=False),
    Column("surface", "VARCHAR", validation=pa.Column(str, pa.Check.str_length(min_value=1))),
    Column("start_char", "INTEGER", validation=_offset()),
    Column("end_char", "INTEGER", validation=_offset()),
    Column("sentence_index", "INTEGER", validation=pa.Column(int, pa.Check.ge(0))),
    *PROVENANCE,
), checks=(SPAN_INSIDE_DOCUMENT,), coerce=True)

CASUALTIES = Table("casualties", "Casualty figures, each with the span of the article that states it.", (
    Column("fact_id", "VARCHAR", validation=_id(unique=True), constraint="PRIMARY KEY"),
    Column("doc_id", "VARCHAR", validation=_id()),
    Column("kind", "VARCHAR", " / ".join(values(CasualtyKind)), pa.Column(str, pa.Check.isin(values(CasualtyKind)))),
    Column("count_min", "INTEGER", validation=pa.Column(int, pa.Check(lambda s: s >= 0, name="bad_count"))),
    Column("count_max", "INTEGER", "NULL when open-ended ('at least 11')", pa.Column(float, nullable=True)),
    Column("precision", "VARCHAR", " / ".join(values(Precision)), pa.Column(str, pa.Check.isin(values(Precision)))),
    Column("victims", "VARCHAR", validation=_text()),
    Column("part_of", "VARCHAR", validation=_text()),
    Column("location", "VARCHAR", validation=_text()),
    Column("period", "VARCHAR", validation=_text()),
    Column("reported_by", "VARCHAR", validation=_text()),
    Column("event_date", "DATE"),
    Column("start_char", "INTEGER", validation=_offset()),
    Column("end_char", "INTEGER", validation=_offset()),
    Column("reported_by_entity_id", "VARCHAR"),
    Column("extracted_reported_by_entity_id", "VARCHAR", "the reported_by_entity_id as extracted, before the build merged entities across documents", stored=False),
    Column("reported_by_description", "VARCHAR", "an unnamed source as the text describes it ('a doctor at the hospital')"),
    *PROVENANCE,
    Column("sentence_start", "INTEGER", "the sentence the figure stands in: the evidence an analyst reads"),
    Column("sentence_end", "INTEGER"),
    Column("cluster_id", "VARCHAR", "set by the warehouse build: the incident whose count this figure is part of"),
    Column("review_status", "VARCHAR", "set by the warehouse build from corrections: " + " / ".join(values(ReviewStatus)),
           constraint="DEFAULT 'machine'", stored=False),
), checks=(SPAN_INSIDE_DOCUMENT,
           pa.Check(lambda df: df["count_max"].isna() | (df["count_max"] >= df["count_min"]), name="bad_count")),
   coerce=True)

QUOTES = Table("quotes", "Direct quotes, each with its speaker and its span of the article.", (
    Column("quote_id", "VARCHAR", validation=pa.Column(str, unique=True), constraint="PRIMARY KEY"),
    Column("doc_id", "VARCHAR", validation=_id()),
    Column("speaker", "VARCHAR", validation=_text()),
    Column("speaker_entity_id", "VARCHAR"),
    Column("extracted_speaker_entity_id", "VARCHAR", "the speaker_entity_id as extracted, before the build merged entities across documents", stored=False),
    Column("text", "VARCHAR", validation=pa.Column(str, _not_blank())),
    Column("start_char", "INTEGER", validation=_offset()),
    Column("end_char", "INTEGER", validation=_offset()),
    Column("quote_group_id", "VARCHAR", "set by the warehouse build: the statement this quote words", _text()),
    Column("speaker_description", "VARCHAR", "an unnamed speaker as the text describes it ('the Western official')"),
    *PROVENANCE,
    Column("review_status", "VARCHAR", "set by the warehouse build from corrections: " + " / ".join(values(ReviewStatus)),
           constraint="DEFAULT 'machine'", stored=False),
), checks=(SPAN_INSIDE_DOCUMENT,), coerce=True)

EVENTS = Table("events", "Attack events, each with the span of the article that reports it.", (
    Column("event_id", "VARCHAR", validation=pa.Column(str, unique=True), constraint="PRIMARY KEY"),
    Column("doc_id", "VARCHAR", validation=_id()),
    Column("event_type", "VARCHAR", validation=pa.Column(str)),
    Column("event_date", "DATE"),
    Column("event_date_precision", "VARCHAR", " / ".join(values(DatePrecision)),
           pa.Column(str, pa.Check.isin(values(DatePrecision)))),
    Column("location", "VARCHAR", validation=_text()),
    Column("location_surface", "VARCHAR"),
    Column("weapons", "VARCHAR[]"),
    Column("targets", "VARCHAR[]"),
    Column("actor", "VARCHAR"),
    Column("start_char", "INTEGER", validation=_offset()),
    Column("end_char", "INTEGER", validation=_offset()),
    Column("cluster_id", "VARCHAR", "set by the warehouse build: the incident this report belongs to"),
    *PROVENANCE,
    Column("event_weekday", "VARCHAR", "the weekday the text names ('Wednesday'), even when no date resolves it"),
    Column("review_status", "VARCHAR", "set by the warehouse build from corrections: " + " / ".join(values(ReviewStatus)),
           constraint="DEFAULT 'machine'", stored=False),
), checks=(SPAN_INSIDE_DOCUMENT,), coerce=True)

RUNS = Table("runs", "One row per committed run: its accounts. Writing it commits the run.", (
    Column("run_id", "VARCHAR", constraint="PRIMARY KEY"),
    Column("flow_run_id", "VARCHAR"),
    Column("started_at", "TIMESTAMP"),
    Column("finished_at", "TIMESTAMP"),
    Column("status", "VARCHAR", "'completed'"),
    Column("files_seen", "INTEGER"),
    Column("documents_loaded", "INTEGER"),
    Column("files_quarantined", "INTEGER"),
    Column("pipeline_version", "VARCHAR"),
    Column("files_loaded", "INTEGER"),
    Column("files_duplicate", "INTEGER"),
    Column("files_unchanged", "INTEGER"),
    Column("files_deferred", "INTEGER", "modified in the last seconds (still being written): next run"),
    Column("records_quarantined", "INTEGER"),
    Column("source_dir", "VARCHAR"),
    Column("files_deleted", "INTEGER", "loaded by an earlier run, no longer in the folder"),
))

CORRECTIONS = Table("corrections", "A person's decisions on facts, appended and never changed: a later row withdraws one.", (
    Column("correction_id", "VARCHAR", validation=pa.Column(str, unique=True), constraint="PRIMARY KEY"),
    Column("target", "VARCHAR", " / ".join(values(CorrectionTarget)), pa.Column(str, pa.Check.isin(values(CorrectionTarget)))),
    Column("fact_id", "VARCHAR", "the fact decided on (casualties.fact_id, quotes.quote_id, events.event_id, "
                                 "entities.entity_id)", _id()),
    Column("doc_id", "VARCHAR", "its document and span, which find it again when new rules give it another id "
                                "(for an entity, whose id is its name's whatever the rules: the document a split "
                                "takes from it, else NULL)", _id(nullable=True)),
    Column("start_char", "INTEGER"),
    Column("end_char", "INTEGER"),
    Column("action", "VARCHAR", " / ".join(values(CorrectionAction)), pa.Column(str, pa.Check.isin(values(CorrectionAction)))),
    Column("field", "VARCHAR", "the column a 'set' changes", _text()),
    Column("value", "VARCHAR", "the value it sets, as text (NULL: no value)"),
    Column("machine_value", "VARCHAR", "the value the pipeline had extracted, as text"),
    Column("withdraws", "VARCHAR", "the correction a 'withdraw' takes back", _text()),
    Column("reason", "VARCHAR", validation=_text()),
    Column("corrected_by", "VARCHAR", validation=pa.Column(str, _not_blank())),
    Column("corrected_at", "TIMESTAMP"),
    Column("pipeline_version", "VARCHAR"),
), checks=(pa.Check(lambda df: (df["action"] == "set") == df["field"].notna(), name="field_only_for_set"),
           pa.Check(lambda df: (df["target"] == "entity") | df["doc_id"].notna(), name="anchored_unless_an_entity"),
           pa.Check(lambda df: (df["action"] == "withdraw") == df["withdraws"].notna(), name="withdraws_only_for_withdraw")))

# In load order; `runs` last because it commits a run.
LOADED_TABLES = {t.name: t for t in (DOCUMENTS, QUARANTINE, SOURCE_FILES, ENTITY_OBSERVATIONS, MENTIONS, CASUALTIES,
                                     QUOTES, EVENTS, RUNS)}
FACT_TABLES = {t.name: t for t in (ENTITY_OBSERVATIONS, MENTIONS, CASUALTIES, QUOTES, EVENTS)}
# The entity id of each table that the build sets to the entity it is merged into across documents; the
# table's extracted_<column> keeps the id as extracted, from which a run's build merges again.
MERGED_ENTITY_IDS = {"entity_observations": "entity_id", "mentions": "entity_id", "quotes": "speaker_entity_id",
                     "casualties": "reported_by_entity_id"}
