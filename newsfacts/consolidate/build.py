"""The cross-source step of a warehouse build, on a DuckDB connection that holds every live fact: the
tables derived across documents, in the order each needs the ones before it. SQL files do what
sets do well; the grouping of quotes and the clustering of incidents are plain functions of this
package, whose links are written back. Each SQL file's header says what it reads and writes."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyarrow as pa

from newsfacts.consolidate.incidents import assign_figures, cluster_incidents
from newsfacts.consolidate.near_duplicates import BANDS, NEAR_DUPLICATE_SIMILARITY, NUM_PERM
from newsfacts.consolidate.quote_groups import SimilarityMemo, group_quotes
from warehouse import sql_file

if TYPE_CHECKING:
    from newsfacts.load.build import DatabaseBuild

# The thresholds the SQL takes from Python, as DuckDB variables: defined once, where signatures are made.
SQL_VARIABLES = {
    "minhash_values": NUM_PERM,
    "minhash_bands": BANDS,
    "minhash_rows": NUM_PERM // BANDS,
    "near_duplicate_similarity": NEAR_DUPLICATE_SIMILARITY,
}


def consolidate_build(building: DatabaseBuild) -> dict[str, int]:
    """The cross-source step of a database build (newsfacts/load/build.py), in one transaction: a step
    that fails leaves what staging made, and can be run again."""
    memo = building.previous_memo()
    with building.transaction() as con:
        return consolidate(con, memo)


def describe(counts: dict[str, int]) -> str:
    """What the cross-source step did, for the run's log."""
    return (f"Consolidated: {counts['quote_groups']} quote groups, {counts['incidents']} incidents; "
            f"{counts['blocks_reused']} of {counts['blocks_compared']} blocks of quotes reused from the "
            "previous build's comparisons.")


def consolidate(con, previous_memo: dict[str, list[int]] | None = None) -> dict[str, int]:
    """Near-duplicates, entities merged across documents, quote groups, incidents, corroboration.
    `previous_memo` holds the quote comparisons of the previous build, which this one may reuse.
    Returns counts for the run's log."""
    for name, value in SQL_VARIABLES.items():
        con.execute(f"SET VARIABLE {name} = {value!r}")
    con.execute(sql_file("near_duplicates.sql"))
    con.execute(sql_file("entities.sql"))
    counts = _group_quotes(con, previous_memo)
    counts["incidents"] = _cluster_incidents(con)
    for derived in ("document_sources", "incidents", "incident_reports", "quote_groups", "quote_variants", "corroboration"):
        con.execute(sql_file(f"{derived}.sql"))
    return counts


def _group_quotes(con, previous_memo: dict[str, list[int]] | None) -> dict[str, int]:
    """Sets quotes.quote_group_id; writes similarity_memo (the comparisons, for the next build)."""
    quotes = _rows(con, "SELECT quote_id, doc_id, speaker_entity_id, text FROM quotes")
    memo = SimilarityMemo(previous_memo)
    groups = group_quotes(quotes, memo)
    _replace_column(con, "quotes", "quote_id", "quote_group_id", groups)
    con.register("memo", pa.table({"block_hash": list(memo.used), "result": list(memo.used.values())},
                                  schema=pa.schema([("block_hash", pa.string()), ("result", pa.list_(pa.int32()))])))
    con.execute("CREATE TABLE similarity_memo AS SELECT * FROM memo")
    con.unregister("memo")
    return {"quote_groups": len(set(groups.values())), "blocks_compared": len(memo.used), "blocks_reused": memo.hits}


def _cluster_incidents(con) -> int:
    """Sets events.cluster_id; writes incident_figures (which casualty figure counts for which incident).
    Returns the number of incidents."""
    events = _rows(con, """
        SELECT e.event_id, e.doc_id, e.event_type, e.event_date, e.event_date_precision, e.event_weekday,
               e.location, e.targets, e.start_char, d.published_date
        FROM events e JOIN documents d USING (doc_id)""")
    centres = dict(con.execute("""
        SELECT canonical_name, min(replace(geocode_basis, 'centre ', '')) FROM entities
        WHERE entity_type = 'location' AND geocode_basis LIKE 'centre %' GROUP BY canonical_name""").fetchall())
    clusters = cluster_incidents(events, centres)
    _replace_column(con, "events", "event_id", "cluster_id", clusters)

    figures = _rows(con, "SELECT fact_id, doc_id, part_of, location, event_date, period, start_char FROM casualties")
    counted = assign_figures(figures, events, clusters, centres)
    con.register("counted", pa.table({"fact_id": list(counted), "cluster_id": list(counted.values())},
                                     schema=pa.schema([("fact_id", pa.string()), ("cluster_id", pa.string())])))
    con.execute("CREATE TABLE incident_figures AS SELECT * FROM counted ORDER BY cluster_id, fact_id")
    con.unregister("counted")
    return len(set(clusters.values()))


def _rows(con, sql: str) -> list[dict]:
    cursor = con.execute(sql)
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _replace_column(con, table: str, key: str, column: str, mapping: dict[str, str]) -> None:
    links = pa.table({key: list(mapping), column: list(mapping.values())}, schema=pa.schema([(key, pa.string()), (column, pa.string())]))
    con.register("links", links)
    con.execute(f"UPDATE {table} SET {column} = NULL WHERE {column} IS NOT NULL")  # a fresh build has none
    con.execute(f"UPDATE {table} SET {column} = links.{column} FROM links WHERE {table}.{key} = links.{key}")
    con.unregister("links")
