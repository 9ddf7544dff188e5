"""The warehouse's SQL, installed with newsfacts as package data. A warehouse's data lives elsewhere
(`newsfacts run --warehouse DIR`).

- (the loaded tables' DDL comes from their definitions, schemas/tables.py)
- versions.sql: which documents a changed file superseded (the build's staging step);
- near_duplicates.sql, entities.sql, document_sources.sql, incidents.sql (event_clusters),
  incident_reports.sql, quote_groups.sql, quote_variants.sql, corroboration.sql: one file per table derived
  across sources, in the order newsfacts.consolidate.build runs them (each file's header says what it reads
  and writes); area_centres.sql (areas placed at their city), and quote_changes.sql and
  incident_changes.sql (what a run's build groups and clusters again, and what it keeps from the last one);
- views.sql: the analyst views; known_files.sql: the file ledger; brief.sql: the brief's queries."""

from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent


def sql_file(name: str) -> str:
    """The text of one of the SQL files."""
    return (SQL_DIR / name).read_text(encoding="utf-8")
