-- The live version of each file of one source folder (parameter 1: the folder, resolved): its latest
-- ledger row. Placeholders {source_files} and {runs} read those stored tables; joining `runs` keeps to committed runs.
SELECT f.source_path, f.content_sha256, f.size_bytes, f.mtime_ns, f.status
FROM {source_files} f JOIN {runs} r USING (run_id)
WHERE r.source_dir = ?
QUALIFY row_number() OVER (PARTITION BY f.source_path ORDER BY f.seen_at DESC) = 1
