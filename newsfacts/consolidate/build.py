"""The cross-source step of a warehouse build, on a DuckDB connection that holds every live fact: the
tables derived across documents, in the order each needs the ones before it. SQL files do what
sets do well; the grouping of quotes and the clustering of incidents are plain functions of this
package, whose links are written back. Each SQL file's header says what it reads and writes."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pyarrow as pa

from newsfacts.consolidate.incidents import REPORTING_WINDOW_DAYS, apply_decisions, assign_figures, cluster_incidents
from newsfacts.consolidate.near_duplicates import BANDS, NEAR_DUPLICATE_SIMILARITY, NUM_PERM
from newsfacts.consolidate.quote_groups import SimilarityMemo, group_quotes, normalise
from warehouse import drop_temporary_tables, rows, sql_file

if TYPE_CHECKING:
    from newsfacts.load.build import DatabaseBuild

logger = logging.getLogger(__name__)

# The views the files that settle versions and write derived rows read (versions.sql, document_sources.sql,
# entity_rows.sql, ...), as a build of everything defines them: every row. A run's build defines them as the
# rows the added documents reach (newsfacts/load/build.py, newsfacts/consolidate/added.py).
WHOLE_SCOPES = {
    "versioned_files": """SELECT r.source_dir, f.source_path, f.content_sha256, f.doc_ids, f.duplicate_of, f.status, f.seen_at
                          FROM source_files f JOIN runs r USING (run_id)""",
    "documents_to_version": "SELECT * FROM documents",
    "documents_to_band": "SELECT * FROM documents WHERE superseded_by IS NULL",
    "documents_in_scope": "SELECT * FROM documents",
    "split_documents": "SELECT DISTINCT doc_id FROM entity_splits",
    "observations_to_count": "SELECT * FROM entity_observations",
    "entity_observations_in_scope": "SELECT * FROM entity_observations",
    "entities_in_scope": "SELECT * FROM entities",
    "events_in_scope": "SELECT * FROM events",
    "casualties_in_scope": "SELECT * FROM casualties",
    "quotes_in_scope": "SELECT * FROM quotes",
}

# The thresholds the SQL takes from Python, as DuckDB variables: defined once, where signatures are made and
# incidents clustered.
SQL_VARIABLES = {
    "minhash_values": NUM_PERM,
    "minhash_bands": BANDS,
    "minhash_rows": NUM_PERM // BANDS,
    "near_duplicate_similarity": NEAR_DUPLICATE_SIMILARITY,
    "reporting_window_days": REPORTING_WINDOW_DAYS,
}


def consolidate_build(building: DatabaseBuild) -> dict[str, int]:
    """The cross-source step of a database build (newsfacts/load/build.py). A run's build works out again
    what the added documents reach (newsfacts/consolidate/added.py); should that fail, the log says so and
    the database is built whole instead. A build of everything works in one transaction, so a step that
    fails leaves what staging made and can be run again; the database it replaces lends its quote
    comparisons and, where it was built by the same code, the near-duplicate pairs, quote groups and
    incidents the new rows cannot reach."""
    if building.adds_runs:
        from newsfacts.consolidate.added import consolidate_added
        from newsfacts.load.build import stage_everything_instead

        try:
            return building.step(consolidate_added)
        except Exception as exc:
            logger.warning("Could not add the new runs to the database in place (%s); building it whole instead.",
                           str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            logger.debug("The run's build failed.", exc_info=True)
            stage_everything_instead(building)
    with building.previous() as previous:
        return building.step(lambda con: consolidate(con, previous.memo, reuse_previous=previous.reusable))


def describe(counts: dict[str, int]) -> str:
    """What the cross-source step did, for the run's log."""
    if counts["places_clustered"] is None:
        redone = "every quote grouped and every place clustered"
    else:
        redone = (f"{counts['quotes_regrouped']} quote(s) grouped and {counts['places_clustered']} place(s) clustered "
                  "again where the new rows reach, the rest kept from the previous build")
    told = (f"Consolidated: {counts['quote_groups']} quote groups, {counts['incidents']} incidents ({redone}); "
            f"{counts['blocks_reused']} of {counts['blocks_compared']} blocks of quotes reused from the "
            "previous build's comparisons.")
    if counts["corrections_applied"] or counts["corrections_unattached"]:
        told += f" {counts['corrections_applied']} correction(s) applied."
    if counts["corrections_unattached"]:
        told += (f" {counts['corrections_unattached']} correction(s) no longer find their fact (its article changed): "
                 "see SELECT * FROM correction_history WHERE state = 'unattached'.")
    return told


def consolidate(con, previous_memo: dict[str, list[int]] | None = None, reuse_previous: bool = False) -> dict[str, int]:
    """Near-duplicates, entities merged across documents, people's corrections, quote groups, incidents,
    corroboration.
    `previous_memo` holds the quote comparisons of the previous build, which this one may reuse; with
    `reuse_previous`, the database attached as `previous` was built by this code, and the near-duplicate
    pairs, quote groups and incidents the new rows cannot reach are taken from it. Either way the tables
    come out the same.
    Returns counts for the run's log."""
    set_variables(con)
    con.execute(sql_file("near_duplicate_pairs_kept.sql" if reuse_previous else "near_duplicate_pairs.sql"))
    scope(con, "documents_to_band")
    con.execute(sql_file("near_duplicate_bands.sql"))
    con.execute(sql_file("near_duplicate_pairs_found.sql"))
    con.execute(sql_file("near_duplicates.sql"))
    drop_temporary_tables(con)
    scope(con, "observations_to_count")
    write_rows(con, "person_names", "person_names.sql")
    con.execute(sql_file("entity_merges.sql"))
    con.execute(sql_file("entity_ids.sql"))
    scope(con, "split_documents")
    con.execute(sql_file("split_entity_ids.sql"))
    scope(con, "entity_observations_in_scope")
    write_rows(con, "entities", "entity_rows.sql")
    scope(con, "entities_in_scope")
    con.execute(sql_file("entity_names.sql"))
    con.execute(sql_file("corrections.sql"))
    drop_temporary_tables(con)
    counts = _group_quotes(con, previous_memo, reuse_previous)
    drop_temporary_tables(con)
    counts.update(correction_counts(con))
    counts["places_clustered"] = _cluster_incidents(con, reuse_previous)
    con.execute("UPDATE casualties SET cluster_id = f.cluster_id FROM incident_figures f WHERE casualties.fact_id = f.fact_id")
    drop_temporary_tables(con)
    counts["incidents"] = con.execute("SELECT count(DISTINCT cluster_id) FROM events").fetchall()[0][0]
    for view in ("documents_in_scope", "events_in_scope", "casualties_in_scope", "quotes_in_scope"):
        scope(con, view)
    for table in ("document_sources", "event_clusters", "conflicting_figures", "incident_reports", "quote_groups", "quote_variants",
                  "corroboration"):
        write_rows(con, table, f"{table}.sql")
    return counts


def correction_counts(con) -> dict[str, int]:
    """How many corrections reached a fact and how many reached none, for the run's log."""
    applied, unattached = con.execute(
        "SELECT (SELECT count(*) FROM corrections_applied), (SELECT count(*) FROM corrections_unattached)").fetchall()[0]
    return {"corrections_applied": applied, "corrections_unattached": unattached}


def scope(con, view: str, rows: str | None = None) -> None:
    """Defines one of the views of WHOLE_SCOPES: as `rows` (a query), or as a build of everything has it."""
    con.execute(f"CREATE OR REPLACE TEMP VIEW {view} AS {rows or WHOLE_SCOPES[view]}")


def set_variables(con) -> None:
    """The thresholds of SQL_VARIABLES, as DuckDB variables."""
    for name, value in SQL_VARIABLES.items():
        con.execute(f"SET VARIABLE {name} = {value!r}")


def write_rows(con, table: str, rows_file: str, replacing: str | None = None) -> None:
    """The rows a SQL file selects written to `table`: the whole table, or, given `replacing` (a condition
    on its rows), in place of the rows it holds that meet it."""
    if replacing is None:
        con.execute(f"CREATE OR REPLACE TABLE {table} AS {sql_file(rows_file)}")
    else:
        con.execute(f"DELETE FROM {table} WHERE {replacing}")
        con.execute(f"INSERT INTO {table} BY NAME {sql_file(rows_file)}")


QUOTE_ROWS = "SELECT quote_id, doc_id, speaker_entity_id, text FROM quotes"
# The quotes the previous build did not word (a quote's text never changes: its id is its document's and
# place's, and a document's facts are stored once).
_QUOTES_NOT_WORDED = f"{QUOTE_ROWS} WHERE quote_id NOT IN (SELECT quote_id FROM previous.quote_wordings)"


def _group_quotes(con, previous_memo: dict[str, list[int]] | None, reuse_previous: bool) -> dict[str, int]:
    """Sets quotes.quote_group_id; writes quote_wordings (each quote's words, for the next build) and
    similarity_memo (the comparisons, for the next build). With `reuse_previous`, only the quotes whose
    groups can have changed (warehouse/quote_changes.sql, regrouped_quotes.sql) are grouped again; the others keep theirs."""
    memo = SimilarityMemo(previous_memo)
    con.execute("UPDATE quotes SET quote_group_id = NULL WHERE quote_group_id IS NOT NULL")  # a fresh build has none
    if reuse_previous:
        register_wordings(con, rows(con, _QUOTES_NOT_WORDED))
        con.execute(sql_file("quote_changes.sql"))
        con.execute(sql_file("regrouped_quotes.sql"))
        quotes = rows(con, """SELECT q.quote_id, q.doc_id, q.speaker_entity_id, q.text, w.wording
                               FROM quotes q JOIN quote_wordings w USING (quote_id)
                               WHERE quote_id IN (SELECT quote_id FROM regrouped_quotes)""")
        con.execute("""UPDATE quotes SET quote_group_id = p.quote_group_id FROM previous.quotes p
                       WHERE quotes.quote_id = p.quote_id AND quotes.quote_id NOT IN (SELECT quote_id FROM regrouped_quotes)""")
    else:
        quotes = register_wordings(con, rows(con, QUOTE_ROWS))
        con.execute("CREATE TABLE quote_wordings AS SELECT * FROM new_wordings ORDER BY quote_id")
    con.unregister("new_wordings")
    set_column(con, "quotes", "quote_id", "quote_group_id", group_quotes(quotes, memo))
    # A build that grouped only some quotes passes on the comparisons it was lent, too.
    keep_comparisons(con, {**(previous_memo or {}), **memo.used} if reuse_previous else memo.used, adding=False)
    return grouping_counts(con, quotes, memo)


def keep_comparisons(con, comparisons: dict[str, list[int]], adding: bool) -> None:
    """Writes the quote comparisons (block hash -> result) to similarity_memo, or adds them to it."""
    con.register("memo", pa.table({"block_hash": list(comparisons), "result": list(comparisons.values())},
                                  schema=pa.schema([("block_hash", pa.string()), ("result", pa.list_(pa.int32()))])))
    con.execute("INSERT INTO similarity_memo SELECT * FROM memo" if adding else "CREATE TABLE similarity_memo AS SELECT * FROM memo")
    con.unregister("memo")


def grouping_counts(con, quotes: list[dict], memo: SimilarityMemo) -> dict[str, int]:
    """What the grouping of `quotes` did, for the run's log."""
    groups = con.execute("SELECT count(DISTINCT quote_group_id) FROM quotes").fetchall()[0][0]
    return {"quote_groups": groups, "quotes_regrouped": len(quotes), "blocks_compared": len(memo.used), "blocks_reused": memo.hits}


def register_wordings(con, quotes: list[dict]) -> list[dict]:
    """Registers new_wordings: the wording of each of `quotes`, which it also adds to each, and its opening
    (its first three words: quotes that open alike are compared)."""
    for quote in quotes:
        quote["wording"] = normalise(quote["text"])
    con.register("new_wordings", pa.table({"quote_id": [q["quote_id"] for q in quotes], "wording": [q["wording"] for q in quotes],
                                           "opening": [" ".join(q["wording"].split(" ")[:3]) for q in quotes]},
                                          schema=pa.schema([("quote_id", pa.string()), ("wording", pa.string()), ("opening", pa.string())])))
    return quotes


EVENT_ROWS = """
    SELECT e.event_id, e.doc_id, e.event_type, e.event_date, e.event_date_precision, e.event_weekday,
           e.location, e.targets, e.start_char, d.published_date
    FROM events e JOIN documents d USING (doc_id)"""
# A figure a person rejected counts for no incident (warehouse/corrections.sql).
FIGURE_ROWS = "SELECT fact_id, doc_id, part_of, location, event_date, period, start_char FROM casualties WHERE review_status <> 'rejected'"


def _cluster_incidents(con, reuse_previous: bool) -> int | None:
    """Sets events.cluster_id; writes incident_figures (which casualty figure counts for which incident).
    Clustering goes place by place, so with `reuse_previous` only the places where a report is new, gone or
    changed, or an area is placed anew (warehouse/incident_changes.sql), are clustered again; the others keep
    the previous build's incidents. Returns the number of places clustered again (None: all of them)."""
    con.execute(sql_file("area_centres.sql"))
    centres = dict(con.execute("SELECT location, place FROM area_centres").fetchall())
    con.execute("UPDATE events SET cluster_id = NULL WHERE cluster_id IS NOT NULL")  # a fresh build has none
    if reuse_previous:
        con.execute(sql_file("incident_changes.sql"))
        touched = "(SELECT place FROM touched_places)"
        events = rows(con, f"{EVENT_ROWS} WHERE e.event_id IN (SELECT event_id FROM event_places WHERE place IN {touched})")
        figures = rows(con, f"{FIGURE_ROWS} AND fact_id IN (SELECT fact_id FROM figure_places WHERE place IN {touched})")
        con.execute(f"""UPDATE events SET cluster_id = p.cluster_id FROM previous_event_places p
                        WHERE events.event_id = p.event_id AND p.place NOT IN {touched}""")
        kept = "SELECT * FROM kept_incident_figures UNION ALL "
    else:
        events, figures, kept = rows(con, EVENT_ROWS), rows(con, FIGURE_ROWS), ""
    machine_clusters = cluster_incidents(events, centres)
    clusters = apply_decisions(machine_clusters, rows(con, "SELECT * FROM event_decisions ORDER BY sequence, event_id"))
    keep_machine_incidents(con, machine_clusters, clusters)
    set_column(con, "events", "event_id", "cluster_id", clusters)
    counted = assign_figures(figures, events, clusters, centres)
    con.register("counted", links("fact_id", "cluster_id", counted))
    con.execute(f"CREATE TABLE incident_figures AS SELECT * FROM ({kept}SELECT * FROM counted) ORDER BY cluster_id, fact_id")
    con.unregister("counted")
    return con.execute("SELECT count(*) FROM touched_places").fetchall()[0][0] if reuse_previous else None


def keep_machine_incidents(con, machine: dict[str, str], decided: dict[str, str], replacing: str | None = None) -> None:
    """Writes event_machine_incidents: the incident the machine gave each report a person moved or rejected
    (the view events_machine reads it), of the reports `machine` clusters (a build clusters again every
    report a decision can now apply to otherwise: warehouse/incident_changes.sql, added_incident_changes.sql);
    given `replacing` (a condition on its rows), in place of the rows it holds that meet it."""
    moved = {event_id: cluster for event_id, cluster in machine.items() if decided.get(event_id) != cluster}
    con.register("moved", links("event_id", "cluster_id", moved))
    if replacing is None:
        con.execute("CREATE TABLE event_machine_incidents AS SELECT * FROM moved ORDER BY event_id")
    else:
        con.execute(f"DELETE FROM event_machine_incidents WHERE {replacing}")
        con.execute("INSERT INTO event_machine_incidents SELECT * FROM moved")
    con.unregister("moved")


def set_column(con, table: str, key: str, column: str, mapping: dict[str, str]) -> None:
    """Sets `column` of the rows of `table` whose `key` `mapping` holds, to the value it maps that key to."""
    con.register("links", links(key, column, mapping))
    con.execute(f"UPDATE {table} SET {column} = links.{column} FROM links WHERE {table}.{key} = links.{key}")
    con.unregister("links")


def links(key: str, column: str, mapping: dict[str, str]) -> pa.Table:
    """A mapping of ids (fact -> incident, quote -> group) as a table of two text columns, to register."""
    return pa.table({key: list(mapping), column: list(mapping.values())}, schema=pa.schema([(key, pa.string()), (column, pa.string())]))
