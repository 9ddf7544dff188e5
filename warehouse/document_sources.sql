-- Who says what: a document's source. The rows of document_sources for the documents of
-- documents_in_scope (every document in a build of everything; in a run's build, the added ones and those
-- whose near-duplicate link changed). Reads documents_in_scope and documents.
--
-- A source is a publisher; a document with no known publisher is its own source, and a near-duplicate
-- counts as the document it copies, so that figures and statements from copies are not counted again.
SELECT d.doc_id,
       coalesce(d.near_duplicate_of, d.doc_id) AS original_doc_id,
       coalesce(d.publisher, o.publisher, 'document ' || coalesce(d.near_duplicate_of, d.doc_id)) AS source,
       d.near_duplicate_of IS NOT NULL AS is_copy
FROM documents_in_scope d LEFT JOIN documents o ON o.doc_id = d.near_duplicate_of
WHERE d.superseded_by IS NULL
