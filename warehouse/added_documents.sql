-- A run's build, step 1: what the runs the database lacks added (their rows are in it now, in the one
-- transaction of the build: newsfacts/load/build.py). Reads added_runs, documents, source_files and runs;
-- writes the temporary tables added_documents, added_files (the files the added runs read),
-- added_changes_versions (one row: whether the added runs change what the warehouse held of a file) and the
-- removed_* tables, empty.
--
-- Adding documents can only add to what the derived tables say of the documents held before, which
-- newsfacts/consolidate/added.py works out where the added rows reach. A run that changes, deletes or brings
-- back a file the warehouse held (a new version supersedes documents and takes their facts out: versions.sql)
-- settles the versions of those files alone (added_versions.sql, versions.sql, added_removals.sql), which
-- fills the removed_* tables with the documents superseded and what they held, for added.py to work out
-- again where they reach.
CREATE TEMP TABLE added_documents AS
SELECT doc_id FROM documents WHERE run_id IN (SELECT run_id FROM added_runs);

CREATE TEMP TABLE added_files AS
SELECT DISTINCT r.source_dir, f.source_path
FROM source_files f JOIN runs r USING (run_id)
WHERE f.run_id IN (SELECT run_id FROM added_runs);

CREATE TEMP TABLE added_changes_versions AS
WITH versions AS (
    SELECT r.source_dir, f.source_path, f.content_sha256, f.status
    FROM source_files f JOIN runs r USING (run_id)
    SEMI JOIN added_files a ON a.source_dir = r.source_dir AND a.source_path = f.source_path
),
copies_of_superseded AS (
    SELECT u.doc_id FROM (SELECT unnest(duplicate_of) AS doc_id FROM source_files
                          WHERE run_id IN (SELECT run_id FROM added_runs)) u
    JOIN documents d USING (doc_id) WHERE d.superseded_by IS NOT NULL
)
SELECT EXISTS (SELECT 1 FROM versions GROUP BY source_dir, source_path
               HAVING count(DISTINCT content_sha256) > 1 OR bool_or(status = 'deleted'))
       OR EXISTS (SELECT 1 FROM copies_of_superseded) AS changes_versions;

CREATE TEMP TABLE removed_documents (doc_id VARCHAR);
CREATE TEMP TABLE removed_entities (entity_id VARCHAR);
CREATE TEMP TABLE removed_person_ids (extracted_entity_id VARCHAR);
CREATE TEMP TABLE removed_quotes (quote_id VARCHAR, quote_group_id VARCHAR);
CREATE TEMP TABLE removed_events (event_id VARCHAR, cluster_id VARCHAR, location VARCHAR);
CREATE TEMP TABLE removed_figures (fact_id VARCHAR);
