"""The cross-source step of a run's build (newsfacts/load/build.py): the database the build before left, with
the rows of the runs it lacked added to it, made what a build of everything would make of the same rows.
Each derived table is worked out again only where the added documents reach; the test suite loads one
folder in one run and in five and compares every table.

What the added documents reach, step by step (each SQL file's header says why no more can change):
- near-duplicates: the pairs of each added document, found through its bands (document_bands keeps every
  document's), and the links of the documents in pairs;
- entities: the merges of the rules over every observation (cheap: people only), and the rows of the
  entities whose observations or merges changed, with their names on quotes and figures;
- quote groups: the quotes of the added documents and those whose speaker is merged elsewhere, with every
  quote that shares a block with them and their former groups;
- incidents: the places of the added reports, within each only the reports whose dates can meet theirs, and the
  places of the areas placed anew at their city;
- the tables built from those (document_sources, event_clusters, incident_reports, quote_groups,
  quote_variants, corroboration): the rows of what changed.

People's decisions apply as in a build of everything: the facts decided on are put back as the machine
made them (machine_values.sql), the entity steps treat them as any other fact, the decisions on entities
(merges, splits, names) are part of those steps, and corrections.sql applies the decisions on facts
again. A quote whose speaker so changes is grouped again; a place that a report moved into another
incident links to a touched place is clustered again with it. The decisions the build adds (the
temporary table added_corrections: `newsfacts correct` adds each at once) reach, besides, the entities
they name, the quotes of their documents and the places of the figures and reports they decide on.

Documents that a new version of their file superseded (the removed_* tables: warehouse/added_removals.sql)
reach as added ones do, the other way: their derived rows are taken out (removed_rows.sql), the people
they named are counted again, and their near-duplicate pairs, entities, quotes' former groups and reports'
places are worked out again as above.

A document live again, its file back as it was, is an added document: its facts come back from the stored tables
(newsfacts/load/build.py)."""

from __future__ import annotations

from newsfacts.consolidate.build import (EVENT_ROWS, FIGURE_ROWS, QUOTE_ROWS, correction_counts, grouping_counts, keep_comparisons,
                                         keep_machine_incidents, links, register_wordings, scope, set_column, set_variables,
                                         write_rows)
from newsfacts.consolidate.incidents import apply_decisions, assign_figures, cluster_incidents
from newsfacts.consolidate.quote_groups import SimilarityMemo, group_quotes
from warehouse import rows, sql_file


def consolidate_added(con) -> dict[str, int]:
    """The cross-source step over the added documents (the temporary table added_documents). Returns
    counts for the run's log, as newsfacts.consolidate.build.consolidate does."""
    set_variables(con)
    # What the build before placed and merged, to compare with.
    con.execute(sql_file("area_centres.sql"))
    con.execute("ALTER TABLE area_centres RENAME TO previous_area_centres")
    con.execute("CREATE TEMP TABLE previous_merged_entity_ids AS SELECT * FROM merged_entity_ids")
    con.execute("CREATE TEMP TABLE previous_splits AS SELECT doc_id FROM entity_splits")
    con.execute(sql_file("machine_values.sql"))
    if con.execute("SELECT count(*) FROM removed_documents").fetchall()[0][0]:
        _take_out_removed(con)
    _near_duplicates(con)
    _entities(con)
    con.execute(sql_file("corrections.sql"))
    counts = _quote_groups(con)
    counts["places_clustered"] = _incidents(con)
    _derived_rows(con)
    counts["incidents"] = con.execute("SELECT count(DISTINCT cluster_id) FROM events").fetchall()[0][0]
    counts.update(correction_counts(con))
    return counts


def _take_out_removed(con) -> None:
    """The derived rows of the documents the build superseded taken out (warehouse/removed_rows.sql), and the
    people they named counted again over their other documents but the added ones, whose counts
    added_person_names.sql adds after."""
    con.execute(sql_file("removed_rows.sql"))
    scope(con, "observations_to_count", """SELECT * FROM entity_observations
                                           WHERE extracted_entity_id IN (SELECT extracted_entity_id FROM removed_person_ids)
                                             AND doc_id NOT IN (SELECT doc_id FROM added_documents)""")
    con.execute(f"INSERT INTO person_names {sql_file('person_names.sql')}")


def _near_duplicates(con) -> None:
    """Writes document_sources' rows for the added documents and those whose near-duplicate link changed
    (the temporary table resourced_documents)."""
    con.execute("CREATE TEMP TABLE fresh_documents AS SELECT doc_id FROM added_documents")
    scope(con, "documents_to_band", "SELECT * FROM documents WHERE doc_id IN (SELECT doc_id FROM added_documents)")
    con.execute(sql_file("near_duplicate_bands.sql"))
    con.execute(sql_file("near_duplicate_pairs_found.sql"))
    con.execute(sql_file("near_duplicates.sql"))
    con.execute("""CREATE TEMP TABLE resourced_documents AS SELECT doc_id FROM added_documents
                   UNION SELECT doc_id FROM relinked_documents UNION SELECT doc_id FROM removed_documents""")
    scope(con, "documents_in_scope", "SELECT * FROM documents WHERE doc_id IN (SELECT doc_id FROM resourced_documents)")
    write_rows(con, "document_sources", "document_sources.sql", replacing="doc_id IN (SELECT doc_id FROM resourced_documents)")


def _entities(con) -> None:
    scope(con, "observations_to_count", "SELECT * FROM entity_observations WHERE doc_id IN (SELECT doc_id FROM added_documents)")
    con.execute(f"CREATE TEMP TABLE added_people AS {sql_file('person_names.sql')}")
    con.execute(sql_file("added_person_names.sql"))
    con.execute(sql_file("entity_merges.sql"))
    scope(con, "split_documents", "SELECT doc_id FROM previous_splits UNION SELECT doc_id FROM entity_splits")
    con.execute(sql_file("added_entity_ids.sql"))
    con.execute(sql_file("split_entity_ids.sql"))
    con.execute("INSERT INTO touched_entities SELECT entity_id FROM split_document_ids")
    # the entities a decision this build adds names (a name given or taken back, a merge made or undone)
    con.execute("INSERT INTO touched_entities SELECT fact_id FROM added_corrections WHERE target = 'entity'")
    # and those the superseded documents named
    con.execute("INSERT INTO touched_entities SELECT entity_id FROM removed_entities")
    touched = "entity_id IN (SELECT entity_id FROM touched_entities)"
    scope(con, "entity_observations_in_scope", f"SELECT * FROM entity_observations WHERE {touched}")
    write_rows(con, "entities", "entity_rows.sql", replacing=touched)
    scope(con, "entities_in_scope", f"SELECT * FROM entities WHERE {touched}")
    con.execute(sql_file("entity_names.sql"))


def _quote_groups(con) -> dict[str, int]:
    """Sets quotes.quote_group_id where it can change; adds to quote_wordings and similarity_memo, and
    writes the temporary table regrouped_groups (the groups before and after, of the quotes grouped again)."""
    register_wordings(con, rows(con, f"{QUOTE_ROWS} WHERE doc_id IN (SELECT doc_id FROM added_documents)"))
    con.execute("INSERT INTO quote_wordings BY NAME SELECT * FROM new_wordings")
    con.unregister("new_wordings")
    con.execute(sql_file("added_quote_changes.sql"))
    con.execute(sql_file("regrouped_quotes.sql"))
    regrouped = "quote_id IN (SELECT quote_id FROM regrouped_quotes)"
    # (a quote of an added document is compared with its speaker's others, whose comparisons the memo keeps)
    quotes = rows(con, f"""SELECT q.quote_id, q.doc_id, q.speaker_entity_id, q.text, w.wording,
                                  q.doc_id IN (SELECT doc_id FROM added_documents) AS added
                           FROM quotes q JOIN quote_wordings w USING (quote_id) WHERE q.{regrouped}""")
    con.execute(f"""CREATE TEMP TABLE regrouped_groups AS SELECT DISTINCT quote_group_id FROM quotes WHERE {regrouped} AND quote_group_id IS NOT NULL
                    UNION SELECT quote_group_id FROM removed_quotes WHERE quote_group_id IS NOT NULL""")
    memo = SimilarityMemo(StoredComparisons(con))
    groups = group_quotes(quotes, memo)
    set_column(con, "quotes", "quote_id", "quote_group_id", groups)
    con.execute(f"INSERT INTO regrouped_groups SELECT DISTINCT quote_group_id FROM quotes WHERE {regrouped}")
    scope(con, "quotes_in_scope", f"SELECT * FROM quotes WHERE {regrouped}")
    write_rows(con, "quote_groups", "quote_groups.sql", replacing=regrouped)
    keep_comparisons(con, {key: result for key, result in memo.used.items() if key not in memo.known}, adding=True)
    return grouping_counts(con, quotes, memo)


class StoredComparisons:
    """The quote comparisons the database keeps (similarity_memo), looked up a block at a time: what
    SimilarityMemo is lent in a run's build, which compares few blocks among many kept."""

    def __init__(self, con):
        self.con = con
        self.looked_up: dict[str, list[int] | None] = {}

    def __bool__(self) -> bool:
        return True

    def __contains__(self, block_hash: str) -> bool:
        if block_hash not in self.looked_up:
            found = self.con.execute("SELECT result FROM similarity_memo WHERE block_hash = ?", [block_hash]).fetchall()
            self.looked_up[block_hash] = found[0][0] if found else None
        return self.looked_up[block_hash] is not None

    def __getitem__(self, block_hash: str) -> list[int]:
        if block_hash not in self:
            raise KeyError(block_hash)
        return self.looked_up[block_hash]


def _incidents(con) -> int:
    """Sets events.cluster_id and casualties.cluster_id at the places the added rows touch, within a place only for
    the reports whose dates can meet the added ones' (warehouse/added_incident_changes.sql), and rewrites their
    incident_figures; writes the temporary table reclustered_incidents (their incidents before and after).
    Returns the number of places clustered again, whole or in part."""
    con.execute(sql_file("area_centres.sql"))
    centres = dict(con.execute("SELECT location, place FROM area_centres").fetchall())
    con.execute(sql_file("added_incident_changes.sql"))
    reclustered = "event_id IN (SELECT event_id FROM reclustered_events)"
    reassigned = "fact_id IN (SELECT fact_id FROM reassigned_figures)"
    events = rows(con, f"{EVENT_ROWS} WHERE e.{reclustered}")
    figures = rows(con, f"{FIGURE_ROWS} AND {reassigned}")
    con.execute(f"""CREATE TEMP TABLE reclustered_incidents AS SELECT DISTINCT cluster_id FROM events WHERE {reclustered} AND cluster_id IS NOT NULL
                    UNION SELECT cluster_id FROM removed_events WHERE cluster_id IS NOT NULL""")  # (with their figures)
    machine_clusters = cluster_incidents(events, centres)
    clusters = apply_decisions(machine_clusters, rows(con, "SELECT * FROM event_decisions ORDER BY sequence, event_id"))
    keep_machine_incidents(con, machine_clusters, clusters, replacing=reclustered)
    con.execute(f"UPDATE events SET cluster_id = NULL WHERE {reclustered} AND cluster_id IS NOT NULL")
    set_column(con, "events", "event_id", "cluster_id", clusters)
    # the figures' documents' other reports at their places keep their incidents, and a figure may count for one
    kept = dict(con.execute("""SELECT event_id, cluster_id FROM events WHERE cluster_id IS NOT NULL
                               AND event_id IN (SELECT event_id FROM figure_context_events)""").fetchall())
    context = rows(con, f"{EVENT_ROWS} WHERE e.event_id IN (SELECT event_id FROM figure_context_events)") if kept else []
    counted = assign_figures(figures, events + context, {**kept, **clusters}, centres)
    con.register("counted", links("fact_id", "cluster_id", counted))
    con.execute(f"DELETE FROM incident_figures WHERE {reassigned}")
    con.execute("INSERT INTO incident_figures SELECT * FROM counted")
    con.execute(f"UPDATE casualties SET cluster_id = NULL WHERE {reassigned} AND cluster_id IS NOT NULL")
    con.execute("UPDATE casualties SET cluster_id = c.cluster_id FROM counted c WHERE casualties.fact_id = c.fact_id")
    con.unregister("counted")
    con.execute(f"INSERT INTO reclustered_incidents SELECT DISTINCT cluster_id FROM events WHERE {reclustered} AND cluster_id IS NOT NULL")
    return con.execute("SELECT count(*) FROM touched_places").fetchall()[0][0]


def _derived_rows(con) -> None:
    """The rows of event_clusters, conflicting_figures, incident_reports, quote_variants and corroboration that
    can have changed: those of the incidents and statements whose reports, figures, speakers or sources changed."""
    con.execute("""CREATE TEMP TABLE incidents_in_scope AS
                   SELECT cluster_id FROM reclustered_incidents
                   UNION SELECT cluster_id FROM events
                   WHERE doc_id IN (SELECT doc_id FROM relinked_documents) AND cluster_id IS NOT NULL
                   UNION SELECT cluster_id FROM casualties
                   WHERE doc_id IN (SELECT doc_id FROM relinked_documents) AND cluster_id IS NOT NULL""")
    con.execute("""CREATE TEMP TABLE statements_in_scope AS
                   SELECT quote_group_id FROM regrouped_groups
                   UNION SELECT quote_group_id FROM quotes
                   WHERE speaker_entity_id IN (SELECT entity_id FROM touched_entities) AND quote_group_id IS NOT NULL
                   UNION SELECT quote_group_id FROM quotes
                   WHERE doc_id IN (SELECT doc_id FROM relinked_documents) AND quote_group_id IS NOT NULL
                   UNION SELECT q.quote_group_id FROM quotes q JOIN decided_quote_speakers d USING (quote_id)
                   WHERE q.quote_group_id IS NOT NULL
                     AND (q.speaker IS DISTINCT FROM d.speaker OR q.speaker_entity_id IS DISTINCT FROM d.speaker_entity_id)""")
    incidents = "cluster_id IN (SELECT cluster_id FROM incidents_in_scope)"
    statements = "quote_group_id IN (SELECT quote_group_id FROM statements_in_scope)"
    # Their rows, held apart: the planner then knows how few they are and joins the large tables to them.
    # Found by rowid first: DuckDB then reads every column of those rows alone (a query of whole rows by a
    # subquery reads every column of the table: 0.2 s for the casualties at a million documents, against 0.05).
    for table, rows_of in (("events", incidents), ("casualties", incidents), ("quotes", statements)):
        con.execute(f"CREATE TEMP TABLE scoped_{table} AS SELECT * FROM {table} WHERE rowid IN (SELECT rowid FROM {table} WHERE {rows_of})")
    scope(con, "events_in_scope", "SELECT * FROM scoped_events")
    scope(con, "casualties_in_scope", "SELECT * FROM scoped_casualties")
    write_rows(con, "event_clusters", "event_clusters.sql", replacing=incidents)
    write_rows(con, "conflicting_figures", "conflicting_figures.sql", replacing=incidents)
    scope(con, "quotes_in_scope", "SELECT * FROM scoped_quotes")
    write_rows(con, "quote_variants", "quote_variants.sql", replacing=statements)
    write_rows(con, "corroboration", "corroboration.sql", replacing=(
        "CASE WHEN fact_type = 'statement' THEN fact_key IN (SELECT quote_group_id FROM statements_in_scope) "
        "ELSE split_part(fact_key, '|', 1) IN (SELECT cluster_id FROM incidents_in_scope) END"))
    scope(con, "events_in_scope", "SELECT * FROM events WHERE event_id IN (SELECT event_id FROM reclustered_events)")
    write_rows(con, "incident_reports", "incident_reports.sql", replacing="event_id IN (SELECT event_id FROM reclustered_events)")
