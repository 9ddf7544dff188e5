-- The runs of the warehouse, oldest first (`newsfacts history`): what each found and added, the
-- documents of earlier runs its new versions superseded, and what it quarantined.
SELECT r.run_id,
       strftime(r.finished_at, '%Y-%m-%d %H:%M:%S') AS finished_utc,
       r.files_seen,
       r.documents_loaded AS documents_added,
       (SELECT count(*) FROM documents old JOIN documents new ON old.superseded_by = new.doc_id
        WHERE new.run_id = r.run_id) AS documents_superseded,
       r.files_deleted,
       r.records_quarantined AS quarantined,
       r.source_dir
FROM runs r
ORDER BY r.finished_at NULLS FIRST, r.run_id;
