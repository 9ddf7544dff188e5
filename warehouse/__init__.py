"""The warehouse's SQL, installed with newsfacts as package data. A warehouse's data lives elsewhere
(`newsfacts run --warehouse DIR`).

- (the loaded tables' DDL comes from their definitions, schemas/tables.py)
- versions.sql: which documents a changed file superseded (the build's staging step);
- near_duplicate_pairs.sql (a build of everything) or near_duplicate_pairs_kept.sql (a build that keeps the
  previous build's pairs), near_duplicate_bands.sql, near_duplicate_pairs_found.sql, near_duplicates.sql;
  person_names.sql, entity_merges.sql, entity_ids.sql, entity_rows.sql, entity_names.sql (entities merged
  across documents);
  corrections.sql (people's decisions on facts); document_sources.sql, event_clusters.sql,
  conflicting_figures.sql, incident_reports.sql, quote_groups.sql, quote_variants.sql, corroboration.sql: the
  tables derived across sources, in the order newsfacts.consolidate.build runs them (each file's header says
  what it reads and writes; a file that selects a table's rows reads views *_in_scope, every row in a build of
  everything);
  area_centres.sql (areas placed at their city), regrouped_quotes.sql (the quotes whose groups can change,
  from what changed), and quote_changes.sql and incident_changes.sql (what a build that replaces a database
  groups and clusters again, and what it keeps from it);
- added_documents.sql, added_versions.sql and added_removals.sql (with versions.sql: the files a run's
  runs change or delete, and the documents superseded), removed_rows.sql, added_person_names.sql,
  added_entity_ids.sql, added_quote_changes.sql, added_incident_changes.sql: what a run's build, which adds
  to the published database, works out again (newsfacts.consolidate.added);
- views.sql: the analyst views; known_files.sql: the file ledger; brief.sql: the brief's queries;
  export_incidents.sql: the incidents the exports write; review.sql: the review page's queries."""

import re
from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent


def sql_file(name: str) -> str:
    """The text of one of the SQL files."""
    return (SQL_DIR / name).read_text(encoding="utf-8")


def rows(con, sql: str, parameters=None) -> list[dict]:
    """The rows of a query on a DuckDB connection, each a dict by column name."""
    cursor = con.execute(sql, parameters if parameters is not None else [])
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def named_queries(name: str) -> dict[str, str]:
    """The queries of a SQL file whose queries each start with a `-- name: NAME` line, by name."""
    parts = re.split(r"^-- name: (\w+)\s*$", sql_file(name), flags=re.MULTILINE)
    return {query_name: body.strip().rstrip(";") for query_name, body in zip(parts[1::2], parts[2::2])}


def drop_temporary_tables(con) -> None:
    """Drops the temporary tables the SQL files made for the steps done: DuckDB keeps them in memory
    (about 450 MB at 300,000 documents), where a limit on the build's memory leaves little room."""
    for (table,) in con.execute("SELECT table_name FROM duckdb_tables() WHERE temporary").fetchall():
        con.execute(f'DROP TABLE temp.main."{table}"')
