-- Near-duplicate articles. Reads documents (minhash, published_date, ingested_at); sets
-- documents.near_duplicate_of and near_duplicate_similarity, and writes near_duplicates.
--
-- Syndicated copies and re-posts with other page furniture: documents whose MinHash signatures share a
-- band are candidates; a candidate pair is kept when the signatures agree on at least the
-- near-duplicate similarity of their values (the estimated Jaccard similarity of their 3-word
-- shingles). A copy points at the earliest of its near-identical documents: the first published, then
-- the first loaded. The signature's size, its bands and the similarity are set as variables by
-- newsfacts/consolidate/build.py from newsfacts/consolidate/near_duplicates.py, where signatures are made.
CREATE TEMP TABLE document_bands AS
SELECT d.doc_id, b.band,
       hash(d.minhash[b.band * getvariable('minhash_rows') + 1 : (b.band + 1) * getvariable('minhash_rows')]) AS band_hash
FROM documents d CROSS JOIN range(getvariable('minhash_bands')) b(band)
WHERE d.superseded_by IS NULL AND len(d.minhash) = getvariable('minhash_values');

CREATE TEMP TABLE document_order AS
SELECT doc_id, row_number() OVER (ORDER BY published_date NULLS LAST, ingested_at, source_path, doc_id) AS position
FROM documents WHERE superseded_by IS NULL;

CREATE TEMP TABLE near_pairs AS
WITH candidates AS (
    SELECT DISTINCT a.doc_id AS doc_a, b.doc_id AS doc_b
    FROM document_bands a JOIN document_bands b ON a.band = b.band AND a.band_hash = b.band_hash AND a.doc_id < b.doc_id
)
SELECT c.doc_a, c.doc_b,
       list_sum(list_transform(range(1, getvariable('minhash_values') + 1),
                               lambda i: (da.minhash[i] = db.minhash[i])::INTEGER)) / getvariable('minhash_values') AS similarity
FROM candidates c JOIN documents da ON da.doc_id = c.doc_a JOIN documents db ON db.doc_id = c.doc_b;
DELETE FROM near_pairs WHERE similarity < getvariable('near_duplicate_similarity');

-- Each document's earliest near-identical document, if earlier than itself; then one more hop so that
-- a copy of a copy points at the original.
CREATE TEMP TABLE near_links AS
WITH both_ways AS (
    SELECT doc_a AS doc_id, doc_b AS other, similarity FROM near_pairs
    UNION ALL SELECT doc_b, doc_a, similarity FROM near_pairs
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
