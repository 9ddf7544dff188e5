-- Who says what: a document's source. Reads documents; writes document_sources.
--
-- A source is a publisher; a document with no known publisher is its own source, and a near-duplicate
-- counts as the document it copies, so that figures and statements from copies are not counted again.
CREATE TABLE document_sources AS
SELECT d.doc_id,
       coalesce(d.near_duplicate_of, d.doc_id) AS original_doc_id,
       coalesce(d.publisher, o.publisher, 'document ' || coalesce(d.near_duplicate_of, d.doc_id)) AS source,
       d.near_duplicate_of IS NOT NULL AS is_copy
FROM documents d LEFT JOIN documents o ON o.doc_id = d.near_duplicate_of
WHERE d.superseded_by IS NULL;
