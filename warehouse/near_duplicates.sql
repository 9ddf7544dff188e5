-- Near-duplicate articles, step 4 of 4. Reads near_duplicate_pairs and documents (published_date,
-- ingested_at); sets documents.near_duplicate_of and near_duplicate_similarity, and writes near_duplicates.
-- A copy points at the earliest of its near-identical documents: the first published, then the first
-- loaded.
CREATE TEMP TABLE document_order AS
SELECT doc_id, row_number() OVER (ORDER BY published_date NULLS LAST, ingested_at, source_path, doc_id) AS position
FROM documents WHERE superseded_by IS NULL;

-- Each document's earliest near-identical document, if earlier than itself; then one more hop so that
-- a copy of a copy points at the original.
CREATE TEMP TABLE near_links AS
WITH both_ways AS (
    SELECT doc_a AS doc_id, doc_b AS other, similarity FROM near_duplicate_pairs
    UNION ALL SELECT doc_b, doc_a, similarity FROM near_duplicate_pairs
)
SELECT w.doc_id, arg_min(w.other, o.position) AS original, arg_min(w.similarity, o.position) AS similarity
FROM both_ways w JOIN document_order o ON o.doc_id = w.other JOIN document_order s ON s.doc_id = w.doc_id
WHERE o.position < s.position
GROUP BY w.doc_id;

UPDATE documents SET near_duplicate_of = coalesce(hop.original, l.original), near_duplicate_similarity = l.similarity
FROM near_links l LEFT JOIN near_links hop ON hop.doc_id = l.original
WHERE documents.doc_id = l.doc_id;

-- The links as a table of their own, so that they are also written as a Parquet snapshot beside the
-- per-run parts (whose near_duplicate_of stays empty).
CREATE TABLE near_duplicates AS
SELECT doc_id, near_duplicate_of, near_duplicate_similarity AS similarity
FROM documents WHERE near_duplicate_of IS NOT NULL ORDER BY doc_id;
