-- Versions of a file. Reads versioned_files (the versions of the files to settle: every file's in a build of
-- everything; in a run's build, those added_versions.sql finds) and documents_to_version (the documents whose
-- state is settled), as views; sets documents.superseded_by and documents.source_deleted, and takes the facts
-- of superseded documents out of the fact tables.
--
-- A changed file is a new version: the documents of its older versions are superseded. They stay
-- in `documents` with superseded_by set, and their facts leave the fact tables (Parquet keeps them).
-- A file is identified by the source folder of its run and its path in that folder.
-- A file's live version is its latest ledger row. A file a run no longer found has a 'deleted' row (no
-- content): its documents stay live, as an archive keeps what it was sent, and carry source_deleted.
CREATE TEMP TABLE current_files AS
SELECT source_dir, source_path, content_sha256, doc_ids, duplicate_of, status
FROM versioned_files
QUALIFY row_number() OVER (PARTITION BY source_dir, source_path ORDER BY seen_at DESC) = 1;

CREATE TEMP TABLE superseded AS
SELECT d.doc_id, min(c.doc_ids[1]) AS replacement
FROM documents_to_version d
JOIN runs r USING (run_id)
JOIN current_files c ON c.source_dir = r.source_dir AND c.source_path = split_part(d.source_path, '#', 1)
WHERE d.content_sha256 <> c.content_sha256
  AND NOT EXISTS (SELECT 1 FROM current_files k
                  WHERE list_contains(k.doc_ids, d.doc_id) OR list_contains(k.duplicate_of, d.doc_id))
GROUP BY d.doc_id;

UPDATE documents SET superseded_by = coalesce(s.replacement, '(file changed)')
FROM superseded s WHERE documents.doc_id = s.doc_id;
UPDATE documents SET source_deleted = true
FROM runs r, current_files c
WHERE documents.run_id = r.run_id AND c.source_dir = r.source_dir
  AND c.source_path = split_part(documents.source_path, '#', 1) AND c.status = 'deleted'
  AND documents.doc_id IN (SELECT doc_id FROM documents_to_version);
DELETE FROM entity_observations WHERE doc_id IN (SELECT doc_id FROM superseded);
DELETE FROM mentions WHERE doc_id IN (SELECT doc_id FROM superseded);
DELETE FROM casualties WHERE doc_id IN (SELECT doc_id FROM superseded);
DELETE FROM quotes WHERE doc_id IN (SELECT doc_id FROM superseded);
DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM superseded);
