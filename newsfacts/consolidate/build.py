"""The cross-source step of the warehouse build: reads the loaded facts from DuckDB, groups quotes
and clusters incidents with the plain functions of this package, and writes the links back."""

from __future__ import annotations

import pyarrow as pa

from newsfacts.consolidate.incidents import assign_figures, cluster_incidents
from newsfacts.consolidate.quote_groups import SimilarityMemo, group_quotes


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


def consolidate(con, previous_memo: dict[str, list[int]] | None = None) -> dict[str, int]:
    """Sets quotes.quote_group_id and events.cluster_id, and creates incident_figures and
    similarity_memo (the quote comparisons, which the next build may reuse as `previous_memo`)."""
    quotes = _rows(con, "SELECT quote_id, doc_id, speaker_entity_id, text FROM quotes")
    memo = SimilarityMemo(previous_memo)
    groups = group_quotes(quotes, memo)
    _replace_column(con, "quotes", "quote_id", "quote_group_id", groups)
    con.register("memo", pa.table({"block_hash": list(memo.used), "result": list(memo.used.values())},
                                  schema=pa.schema([("block_hash", pa.string()), ("result", pa.list_(pa.int32()))])))
    con.execute("CREATE TABLE similarity_memo AS SELECT * FROM memo")
    con.unregister("memo")

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
    return {"quote_groups": len(set(groups.values())), "incidents": len(set(clusters.values())),
            "blocks_compared": len(memo.used), "blocks_reused": memo.hits}
