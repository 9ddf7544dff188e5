-- Near-duplicate articles, step 1 of 4 in a build that replaces a database (attached as `previous`)
-- built by this code: the pairs a build of everything finds, without comparing every
-- document with every other. Whether two documents are near-duplicates depends on their two signatures
-- alone, and a document's signature never changes (its id is its text's hash). So the pairs are the previous build's pairs of documents that are both still live, and the pairs
-- of each document live now that was not live then (new, or the live version of its file again), found
-- through its bands (near_duplicate_pairs_found.sql). Reads documents, previous.documents and
-- previous.near_duplicate_pairs; writes near_duplicate_pairs (the pairs kept) and fresh_documents.
CREATE TEMP TABLE live_documents AS SELECT doc_id FROM documents WHERE superseded_by IS NULL;
CREATE TEMP TABLE fresh_documents AS
SELECT doc_id FROM live_documents
WHERE doc_id NOT IN (SELECT doc_id FROM previous.documents WHERE superseded_by IS NULL);

CREATE TABLE near_duplicate_pairs AS
SELECT doc_a, doc_b, similarity FROM previous.near_duplicate_pairs
WHERE doc_a IN (SELECT doc_id FROM live_documents) AND doc_b IN (SELECT doc_id FROM live_documents);
