-- Near-duplicate articles, step 3 of 4: the pairs of each fresh document (fresh_documents, step 1) with any
-- live document that shares one of its bands and reaches the near-duplicate similarity. Reads
-- document_bands, fresh_documents and documents; adds to near_duplicate_pairs, which the next build
-- reads (near_duplicate_pairs_kept.sql).
INSERT INTO near_duplicate_pairs
WITH candidates AS (
    SELECT DISTINCT least(a.doc_id, b.doc_id) AS doc_a, greatest(a.doc_id, b.doc_id) AS doc_b
    FROM document_bands a JOIN document_bands b ON a.band = b.band AND a.band_hash = b.band_hash AND a.doc_id <> b.doc_id
    -- each pair once: from its fresh document, or from the first of two fresh ones
    WHERE a.doc_id IN (SELECT doc_id FROM fresh_documents)
      AND (a.doc_id < b.doc_id OR b.doc_id NOT IN (SELECT doc_id FROM fresh_documents))
),
compared AS (
    SELECT c.doc_a, c.doc_b, signature_similarity(da.minhash, db.minhash) AS similarity
    FROM candidates c JOIN documents da ON da.doc_id = c.doc_a JOIN documents db ON db.doc_id = c.doc_b
)
SELECT * FROM compared WHERE similarity >= getvariable('near_duplicate_similarity');
