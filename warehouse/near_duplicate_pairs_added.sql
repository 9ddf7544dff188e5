-- Near-duplicate articles, step 2 of 3 in a run's build, when the database it replaces (attached as
-- `previous`) was built by this code: the pairs a build of everything gives (near_duplicate_pairs.sql),
-- found without comparing every document with every other. Whether two documents are near-duplicates
-- depends on their two signatures alone, and a document's signature never changes (its id is its text's
-- hash). So the pairs are the previous build's pairs of documents that are both still live, and the pairs
-- of each document live now that was not live then (new, or the live version of its file again), found
-- through its bands. Reads document_bands, documents and previous.documents, previous.near_duplicate_pairs;
-- writes near_duplicate_pairs.
CREATE TEMP TABLE live_documents AS SELECT doc_id FROM documents WHERE superseded_by IS NULL;
CREATE TEMP TABLE fresh_documents AS
SELECT doc_id FROM live_documents
WHERE doc_id NOT IN (SELECT doc_id FROM previous.documents WHERE superseded_by IS NULL);

CREATE TABLE near_duplicate_pairs AS
SELECT doc_a, doc_b, similarity FROM previous.near_duplicate_pairs
WHERE doc_a IN (SELECT doc_id FROM live_documents) AND doc_b IN (SELECT doc_id FROM live_documents);

INSERT INTO near_duplicate_pairs
WITH candidates AS (
    SELECT DISTINCT least(a.doc_id, b.doc_id) AS doc_a, greatest(a.doc_id, b.doc_id) AS doc_b
    FROM document_bands a JOIN document_bands b ON a.band = b.band AND a.band_hash = b.band_hash AND a.doc_id <> b.doc_id
    WHERE a.doc_id IN (SELECT doc_id FROM fresh_documents)
),
compared AS (
    SELECT c.doc_a, c.doc_b, signature_similarity(da.minhash, db.minhash) AS similarity
    FROM candidates c JOIN documents da ON da.doc_id = c.doc_a JOIN documents db ON db.doc_id = c.doc_b
)
SELECT * FROM compared WHERE similarity >= getvariable('near_duplicate_similarity');
