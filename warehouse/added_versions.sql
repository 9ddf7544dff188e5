-- A run's build whose runs change, delete or bring back a file the warehouse held (added_documents.sql says so), before
-- versions.sql: the documents whose state can change, with their state before, and the files whose
-- versions settle it. Reads added_files (added_documents.sql), source_files, runs, documents and the fact
-- tables; writes the temporary tables versioned_documents (doc_id, superseded_by and source_deleted before) and versioned_files
-- (the view versions.sql reads), and the facts of the documents live before (versioned_observations,
-- versioned_quotes, versioned_events, versioned_figures: added_removals.sql keeps those of the documents
-- versions.sql supersedes); resets superseded_by and source_deleted of versioned_documents, which
-- versions.sql sets again as a build of everything would.
--
-- Whether a document is superseded, or its file gone, depends on the latest version of its own file and on
-- whether the latest version of some file lists it (versions.sql). The added runs change the latest version
-- of their own files alone, so the documents whose state can change are those some version of those files
-- lists; their state is settled from the versions of their own files and of every file that lists one.
CREATE TEMP TABLE versioned_documents AS
WITH listed AS (
    SELECT DISTINCT unnest(list_concat(coalesce(f.doc_ids, []), coalesce(f.duplicate_of, []))) AS doc_id
    FROM source_files f JOIN runs r USING (run_id)
    SEMI JOIN added_files a ON a.source_dir = r.source_dir AND a.source_path = f.source_path
)
SELECT doc_id, superseded_by, source_deleted FROM documents WHERE doc_id IN (SELECT doc_id FROM listed);

CREATE TEMP TABLE versioned_file_names AS
SELECT r.source_dir, split_part(d.source_path, '#', 1) AS source_path
FROM documents d JOIN runs r USING (run_id) WHERE d.doc_id IN (SELECT doc_id FROM versioned_documents)
UNION
SELECT r.source_dir, f.source_path FROM source_files f JOIN runs r USING (run_id)
WHERE list_has_any(f.doc_ids, (SELECT list(doc_id) FROM versioned_documents))
   OR list_has_any(f.duplicate_of, (SELECT list(doc_id) FROM versioned_documents));

CREATE TEMP TABLE versioned_files AS
SELECT r.source_dir, f.source_path, f.content_sha256, f.doc_ids, f.duplicate_of, f.status, f.seen_at
FROM source_files f JOIN runs r USING (run_id)
SEMI JOIN versioned_file_names v ON v.source_dir = r.source_dir AND v.source_path = f.source_path;

-- The facts of the documents live before, some of which versions.sql takes out.
CREATE TEMP TABLE versioned_live AS SELECT doc_id FROM versioned_documents WHERE superseded_by IS NULL;
CREATE TEMP TABLE versioned_observations AS
SELECT doc_id, entity_id, extracted_entity_id, entity_type FROM entity_observations WHERE doc_id IN (SELECT doc_id FROM versioned_live);
CREATE TEMP TABLE versioned_quotes AS
SELECT doc_id, quote_id, quote_group_id, speaker_entity_id FROM quotes WHERE doc_id IN (SELECT doc_id FROM versioned_live);
CREATE TEMP TABLE versioned_events AS
SELECT doc_id, event_id, cluster_id, location FROM events WHERE doc_id IN (SELECT doc_id FROM versioned_live);
CREATE TEMP TABLE versioned_figures AS
SELECT doc_id, fact_id, reported_by_entity_id FROM casualties WHERE doc_id IN (SELECT doc_id FROM versioned_live);

UPDATE documents SET superseded_by = NULL, source_deleted = false
WHERE doc_id IN (SELECT doc_id FROM versioned_documents) AND (superseded_by IS NOT NULL OR source_deleted);
