"""The README's example queries and the analyst views on a generated warehouse of 100,000 documents and
1,000,000 casualty rows.

Fills a database made with the tables of schemas/tables.py with synthetic rows, then builds it as a run does
(versions.sql, the cross-source consolidation, views.sql), times that build, then times each
query warm (best of 5) and writes bench/SQL_RESULTS.md.

    python bench/sql_at_scale.py --documents 100000 --casualties 1000000
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import duckdb

from newsfacts.cli import EXAMPLE_QUERY
from newsfacts.consolidate.build import consolidate
from schemas.tables import CORRECTIONS, MERGED_ENTITY_IDS, ddl
from warehouse import sql_file

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
    # An analyst names the incident; the planner can then count on the few figures it has (warehouse/statistics.sql).
    # Chosen by a subquery instead, the incident's size is unknown when the plan is made.
    "view casualty_reports (one incident)": """SELECT kind, count_min, publisher, evidence, sentence FROM casualty_reports
        WHERE cluster_id = '{incident}'""",
    "view casualty_reports (one incident chosen by a subquery)": """SELECT kind, count_min, publisher, evidence, sentence
        FROM casualty_reports WHERE cluster_id = (SELECT min(cluster_id) FROM event_clusters)""",
    "view figure_conflicts (top 10)": "SELECT * FROM figure_conflicts ORDER BY n_figures DESC, cluster_id LIMIT 10",
    "view corroboration (top 10)": "SELECT fact_type, fact, n_sources FROM corroboration LIMIT 10",
    "view quote_variants (top 10)": "SELECT * FROM quote_variants LIMIT 10",
    "view entity_aliases (top 10)": "SELECT * FROM entity_aliases LIMIT 10",
    "view timeline (one month)": """SELECT * FROM timeline WHERE event_date BETWEEN DATE '2022-03-01' AND DATE '2022-03-31'""",
    "incidents with most sources": """SELECT cluster_id, location, event_date, n_publishers, killed_low, killed_best, killed_high
        FROM event_clusters ORDER BY n_publishers DESC, cluster_id LIMIT 10""",
}


def generate(con, documents: int, casualties: int) -> None:
    con.execute(ddl())
    con.execute(CORRECTIONS.ddl())  # none: the build reads the people's decisions with the facts
    con.execute(f"""
        INSERT INTO documents (doc_id, source_path, title, publisher, published_date, published_date_basis, language, text, n_words,
                               minhash, run_id)
        SELECT printf('%016x', i), 'file-' || i || '.txt', 'Headline ' || i, 'Outlet ' || (i % 50),
               DATE '2022-01-01' + (i % 1000)::INTEGER, 'metadata', 'en',
               repeat('Officials said people were killed when missiles hit the city centre. ', 8), 96,
               -- a MinHash signature of 64 values of 32 bits, as datasketch makes them; one document in 20 re-posts
               -- the one before it (8 values differ)
               list_transform(range(64), lambda k: hash(CASE WHEN i % 20 = 19 THEN i - 1 ELSE i END * 64 + k
                                                        + CASE WHEN i % 20 = 19 AND k < 8 THEN 1000000007 ELSE 0 END) % 4294967296)::UBIGINT[],
               'bench'
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
               -- 50,000 statements of 12 words each, each quoted in about six documents
               array_to_string(list_transform(range(12), lambda j: 'w' || (hash((i % 50000) * 13 + j) % 20000)), ' '),
               0, 20, NULL, 'bench'
        FROM range({documents * 3}) t(i)""")
    con.execute("UPDATE quotes SET speaker = NULL, speaker_entity_id = NULL WHERE hash(quote_id) % 10 = 0")
    con.execute(f"""
        INSERT INTO events (event_id, doc_id, event_type, event_date, event_date_precision, location, location_surface,
                            weapons, targets, cluster_id, start_char, end_char, run_id)
        SELECT printf('%016x', i), printf('%016x', i % {documents}), 'shelling/artillery/missile attack',
               DATE '2022-01-01' + (i % 1000)::INTEGER, 'day', 'City ' || (i % 300), 'City ' || (i % 300),
               ['missile'], ['residential'], NULL, 0, 40, 'bench'
        FROM range({documents}) t(i)""")
    con.execute(f"""
        INSERT INTO entity_observations (entity_id, canonical_name, entity_type, aliases, name_key, doc_id, run_id)
        SELECT printf('%016x', i % 20000), 'Person ' || (i % 20000), 'person', ['Person ' || (i % 20000), 'P. ' || (i % 20000)],
               'person ' || (i % 20000), printf('%016x', i % {documents}), 'bench'
        FROM range({documents * 5}) t(i)""")
    con.execute("""INSERT INTO mentions (doc_id, entity_id, surface, start_char, end_char, sentence_index)
        SELECT doc_id, entity_id, aliases[1], 0, 10, 0 FROM entity_observations""")
    for table, column in MERGED_ENTITY_IDS.items():  # as the build loads them: each id as extracted kept beside it
        con.execute(f"UPDATE {table} SET extracted_{column} = {column}")


def build(con) -> dict[str, float]:
    """The build a run does after loading the parts; seconds per step."""
    seconds = {}
    for step, action in (("stage: versions.sql", lambda: con.execute(sql_file("versions.sql"))),
                         ("consolidate (near-duplicates, entities, quote groups, incidents, corroboration)", lambda: consolidate(con)),
                         ("publish: views.sql", lambda: con.execute(sql_file("views.sql")))):
        start = time.perf_counter()
        action()
        seconds[step] = time.perf_counter() - start
    return seconds


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
        generated = time.perf_counter() - start
        steps = build(con)
        counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                  for t in ("event_clusters", "incident_figures", "quote_groups")}
        groups = con.execute("SELECT count(DISTINCT quote_group_id) FROM quotes").fetchall()[0][0]
    lines = [f"# SQL at scale: {args.documents:,} documents, {args.casualties:,} casualty rows", "",
             f"Generated in {generated:.1f} s, then built as a run builds it ({counts['event_clusters']:,} incidents, "
             f"{counts['incident_figures']:,} figures counted for them, {groups:,} statements):", "",
             "| build step | s |", "| --- | ---: |"]
    lines += [f"| {step} | {sec:.1f} |" for step, sec in steps.items()]
    lines += ["", "Each query warm, best of 5, on a read-only connection (target < 200 ms).", "",
              "| query | ms |", "| --- | ---: |"]
    with duckdb.connect(str(path), read_only=True) as con:
        for name, sql in QUERIES.items():
            sql = with_incident(con, sql)
            con.execute(sql).fetchall()  # warm
            best = min(_timed(con, sql) for _ in range(5))
            lines.append(f"| {name} | {best * 1000:.0f} |")
    text = "\n".join(lines) + "\n"
    print(text)
    args.results.write_text(text, encoding="utf-8")


def with_incident(con, sql: str) -> str:
    """The query with '{incident}' replaced by an incident's id (the first)."""
    return sql.replace("{incident}", str(con.execute("SELECT min(cluster_id) FROM event_clusters").fetchall()[0][0]))


def _timed(con, sql: str) -> float:
    start = time.perf_counter()
    con.execute(sql).fetchall()
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
