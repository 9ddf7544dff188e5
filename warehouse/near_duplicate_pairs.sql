-- Near-duplicate articles, step 2 of 3 in a build of everything: every pair of live documents that share
-- a band and reach the near-duplicate similarity. Reads document_bands (near_duplicate_bands.sql) and
-- documents; writes near_duplicate_pairs, which the next build reads (near_duplicate_pairs_added.sql).
CREATE TABLE near_duplicate_pairs AS
WITH candidates AS (
    SELECT DISTINCT a.doc_id AS doc_a, b.doc_id AS doc_b
    FROM document_bands a JOIN document_bands b ON a.band = b.band AND a.band_hash = b.band_hash AND a.doc_id < b.doc_id
)
SELECT c.doc_a, c.doc_b, signature_similarity(da.minhash, db.minhash) AS similarity
FROM candidates c JOIN documents da ON da.doc_id = c.doc_a JOIN documents db ON db.doc_id = c.doc_b;
DELETE FROM near_duplicate_pairs WHERE similarity < getvariable('near_duplicate_similarity');
