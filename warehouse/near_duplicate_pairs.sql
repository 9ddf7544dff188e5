-- Near-duplicate articles, step 1 of 4 in a build of everything: no pair is known yet, and every live
-- document is compared with the others (near_duplicate_pairs_found.sql). Reads documents; writes
-- near_duplicate_pairs (empty) and fresh_documents.
CREATE TEMP TABLE fresh_documents AS SELECT doc_id FROM documents WHERE superseded_by IS NULL;
CREATE TABLE near_duplicate_pairs (doc_a VARCHAR, doc_b VARCHAR, similarity DOUBLE);
