-- Near-duplicate articles, step 4 of 4. Reads near_duplicate_pairs and documents (published_date,
-- ingested_at); sets documents.near_duplicate_of and near_duplicate_similarity where they change, writes
-- near_duplicates and the temporary table relinked_documents (the documents whose link changed: every
-- linked one in a build of everything).
-- A copy points at the earliest of its near-identical documents: the first published, then the first
-- loaded. Only documents in a pair are ordered: the order of a few among all is their order among
-- themselves, so a run's build that adds one pair orders as few documents as that pair needs.
CREATE TEMP TABLE document_order AS
SELECT doc_id, row_number() OVER (ORDER BY published_date NULLS LAST, ingested_at, source_path, doc_id) AS position
FROM documents
WHERE doc_id IN (SELECT doc_a FROM near_duplicate_pairs UNION SELECT doc_b FROM near_duplicate_pairs);

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

CREATE TEMP TABLE relinked_documents AS
WITH links AS (
    SELECT l.doc_id, coalesce(hop.original, l.original) AS near_duplicate_of, l.similarity
    FROM near_links l LEFT JOIN near_links hop ON hop.doc_id = l.original
),
linked_before AS (
    SELECT doc_id, near_duplicate_of, near_duplicate_similarity AS similarity FROM documents WHERE near_duplicate_of IS NOT NULL
)
SELECT doc_id, n.near_duplicate_of, n.similarity
FROM links n FULL OUTER JOIN linked_before o USING (doc_id)
WHERE n.near_duplicate_of IS DISTINCT FROM o.near_duplicate_of OR n.similarity IS DISTINCT FROM o.similarity;

UPDATE documents SET near_duplicate_of = r.near_duplicate_of, near_duplicate_similarity = r.similarity
FROM relinked_documents r WHERE documents.doc_id = r.doc_id;

-- The links as a table of their own (a handful of rows per thousand documents, written again whole).
CREATE OR REPLACE TABLE near_duplicates AS
SELECT doc_id, near_duplicate_of, near_duplicate_similarity AS similarity
FROM documents WHERE near_duplicate_of IS NOT NULL ORDER BY doc_id;
