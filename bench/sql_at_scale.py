"""The README's example queries on a generated warehouse of 100,000 documents and 1,000,000 casualty rows.

Builds the database with warehouse/schema.sql and derive.sql (so the tables are the real ones), fills it
with synthetic rows in DuckDB, then times each query warm (best of 5) and writes bench/SQL_RESULTS.md.

    python bench/sql_at_scale.py --documents 100000 --casualties 1000000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import duckdb

from newsfacts.cli import EXAMPLE_QUERY
from newsfacts.load.warehouse import sql_file

BENCH = Path(__file__).resolve().parent

QUERIES = {
    "casualty figures with evidence (make run)": EXAMPLE_QUERY,
    "entities across spellings": """SELECT canonical_name, entity_type, role, aliases, n_documents, latitude, longitude
        FROM entities WHERE len(aliases) > 1 ORDER BY n_documents DESC, canonical_name LIMIT 6""",
    "most-quoted speakers": """SELECT speaker, count(*) AS quotes, count(DISTINCT doc_id) AS documents
        FROM quotes WHERE speaker_entity_id IS NOT NULL GROUP BY speaker ORDER BY quotes DESC, speaker LIMIT 5""",
    "attacks on one city": """SELECT d.source_path, e.event_type, e.location, e.location_surface, e.weapons, e.targets
        FROM events e JOIN documents d USING (doc_id) WHERE e.location = 'City 7' ORDER BY d.source_path""",
    "killed per place and day": """SELECT location, event_date, sum(count_min) AS killed
        FROM casualties WHERE kind = 'killed' AND part_of IS NULL GROUP BY ALL ORDER BY killed DESC LIMIT 10""",
}


def generate(con, documents: int, casualties: int) -> None:
    con.execute(sql_file("schema.sql"))
    con.execute(f"""
        INSERT INTO documents (doc_id, source_path, title, publisher, published_date, published_date_basis, language, text, n_words, run_id)
        SELECT printf('%016x', i), 'file-' || i || '.txt', 'Headline ' || i, 'Outlet ' || (i % 50),
               DATE '2022-01-01' + (i % 1000)::INTEGER, 'metadata', 'en',
               repeat('Officials said people were killed when missiles hit the city centre. ', 8), 96, 'bench'
        FROM range({documents}) t(i)""")
    con.execute(f"""
        INSERT INTO casualties (fact_id, doc_id, kind, count_min, count_max, precision, victims, location, reported_by,
                                event_date, start_char, end_char, run_id)
        SELECT printf('%016x', i), printf('%016x', i % {documents}), ['killed', 'injured', 'missing', 'displaced'][1 + i % 4],
               (i * 7919) % 500, NULL, 'exact', 'people', 'City ' || (i % 300), 'Official ' || (i % 2000),
               DATE '2022-01-01' + (i % 1000)::INTEGER, 10, 30, 'bench'
        FROM range({casualties}) t(i)""")
    con.execute(f"""
        INSERT INTO quotes (quote_id, doc_id, speaker, speaker_entity_id, text, start_char, end_char, quote_group_id, run_id)
        SELECT printf('%016x', i), printf('%016x', i % {documents}), 'Official ' || (i % 2000), printf('%016x', i % 2000),
               'We will rebuild the city.', 0, 20, printf('%016x', i % 5000), 'bench'
        FROM range({documents * 3}) t(i)""")
    con.execute(f"""
        INSERT INTO events (event_id, doc_id, event_type, event_date, event_date_precision, location, location_surface,
                            weapons, targets, cluster_id, start_char, end_char, run_id)
        SELECT printf('%016x', i), printf('%016x', i % {documents}), 'shelling/artillery/missile attack',
               DATE '2022-01-01' + (i % 1000)::INTEGER, 'day', 'City ' || (i % 300), 'City ' || (i % 300),
               ['missile'], ['residential'], printf('%016x', i % 20000), 0, 40, 'bench'
        FROM range({documents}) t(i)""")
    con.execute(f"""
        INSERT INTO entity_observations (entity_id, canonical_name, entity_type, aliases, name_key, doc_id, run_id)
        SELECT printf('%016x', i % 20000), 'Person ' || (i % 20000), 'person', ['Person ' || (i % 20000), 'P. ' || (i % 20000)],
               'person ' || (i % 20000), printf('%016x', i % {documents}), 'bench'
        FROM range({documents * 5}) t(i)""")
    con.execute(sql_file("derive.sql"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--casualties", type=int, default=1_000_000)
    parser.add_argument("--results", type=Path, default=BENCH / "SQL_RESULTS.md")
    args = parser.parse_args()
    path = Path(tempfile.mkdtemp(prefix="newsfacts-sql-")) / "newsfacts.duckdb"
    start = time.perf_counter()
    with duckdb.connect(str(path)) as con:
        generate(con, args.documents, args.casualties)
    build = time.perf_counter() - start
    lines = [f"# SQL at scale: {args.documents:,} documents, {args.casualties:,} casualty rows", "",
             f"Generated and derived in {build:.1f} s. Each query warm, best of 5, on a read-only connection (target < 200 ms).", "",
             "| query | ms |", "| --- | ---: |"]
    with duckdb.connect(str(path), read_only=True) as con:
        for name, sql in QUERIES.items():
            con.execute(sql).fetchall()  # warm
            best = min(_timed(con, sql) for _ in range(5))
            lines.append(f"| {name} | {best * 1000:.0f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    args.results.write_text(text, encoding="utf-8")


def _timed(con, sql: str) -> float:
    start = time.perf_counter()
    con.execute(sql).fetchall()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
