-- A run's build whose runs change or delete a file the warehouse held, after versions.sql: the documents
-- it superseded, whose facts left the fact tables, and what they held. Reads versioned_documents and the
-- versioned_* facts (added_versions.sql) and documents; adds to removed_documents, removed_entities,
-- removed_person_ids, removed_quotes, removed_events and removed_figures (added_documents.sql makes them;
-- newsfacts/consolidate/added.py works out again what they reach), takes the documents superseded at once
-- out of added_documents, and writes the temporary table brought_back_documents (the documents superseded before
-- that are live again, a file back as it was: newsfacts/load/build.py adds their facts from the stored tables).
INSERT INTO removed_documents
SELECT v.doc_id FROM versioned_documents v JOIN documents d USING (doc_id)
WHERE v.superseded_by IS NULL AND d.superseded_by IS NOT NULL;

CREATE TEMP TABLE brought_back_documents AS
SELECT v.doc_id FROM versioned_documents v JOIN documents d USING (doc_id)
WHERE v.superseded_by IS NOT NULL AND d.superseded_by IS NULL;

-- (a document an added run loaded and a later one superseded counts for nothing live)
DELETE FROM added_documents WHERE doc_id IN (SELECT doc_id FROM removed_documents);

INSERT INTO removed_quotes SELECT quote_id, quote_group_id FROM versioned_quotes WHERE doc_id IN (SELECT doc_id FROM removed_documents);
INSERT INTO removed_events SELECT event_id, cluster_id, location FROM versioned_events WHERE doc_id IN (SELECT doc_id FROM removed_documents);
INSERT INTO removed_figures SELECT fact_id FROM versioned_figures WHERE doc_id IN (SELECT doc_id FROM removed_documents);
INSERT INTO removed_person_ids
SELECT DISTINCT extracted_entity_id FROM versioned_observations
WHERE doc_id IN (SELECT doc_id FROM removed_documents) AND entity_type = 'person' AND extracted_entity_id IS NOT NULL;
INSERT INTO removed_entities
SELECT entity_id FROM versioned_observations WHERE doc_id IN (SELECT doc_id FROM removed_documents) AND entity_id IS NOT NULL
UNION SELECT speaker_entity_id FROM versioned_quotes WHERE doc_id IN (SELECT doc_id FROM removed_documents) AND speaker_entity_id IS NOT NULL
UNION SELECT reported_by_entity_id FROM versioned_figures WHERE doc_id IN (SELECT doc_id FROM removed_documents) AND reported_by_entity_id IS NOT NULL;
