"""The warehouse's SQL: the tables' DDL (schema.sql), the derived tables (derive.sql, incidents.sql), the analyst
views (views.sql), the file ledger (known_files.sql) and the brief's queries (brief.sql). They install with
newsfacts as package data; newsfacts.load.warehouse reads them from here. A warehouse's data lives elsewhere
(`newsfacts run --warehouse DIR`)."""

from pathlib import Path

SQL_DIR = Path(__file__).resolve().parent
