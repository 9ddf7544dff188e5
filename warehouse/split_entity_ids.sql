-- Entities merged across documents, step 2 of 4, last part, in both kinds of build: the entity ids of the
-- facts of split_documents (a view: the documents a person split an entity in, now or, in a run's build,
-- in the build before), as a person's splits leave them. Reads person_remap, entity_splits and split_remap
-- (entity_merges.sql); writes the temporary tables split_document_ids and respoken_quotes (the quotes whose
-- speaker this changes) and sets the ids where they differ.
--
-- In such a document, an extracted id's entity is the one it is merged into (person_remap); that entity,
-- when a person split it off in this document, the entity split off (split_id); and that, when a person
-- merged it into another, the other (split_remap).
CREATE TEMP TABLE split_document_ids AS
WITH extracted AS (
    SELECT doc_id, extracted_entity_id AS extracted_id FROM entity_observations WHERE doc_id IN (SELECT doc_id FROM split_documents)
    UNION SELECT doc_id, extracted_entity_id FROM mentions WHERE doc_id IN (SELECT doc_id FROM split_documents)
    UNION SELECT doc_id, extracted_speaker_entity_id FROM quotes WHERE doc_id IN (SELECT doc_id FROM split_documents)
    UNION SELECT doc_id, extracted_reported_by_entity_id FROM casualties WHERE doc_id IN (SELECT doc_id FROM split_documents)
),
merged AS (
    SELECT x.doc_id, x.extracted_id, coalesce(s.split_id, coalesce(r.to_id, x.extracted_id)) AS entity_id
    FROM extracted x LEFT JOIN person_remap r ON r.from_id = x.extracted_id
    LEFT JOIN entity_splits s ON s.entity_id = coalesce(r.to_id, x.extracted_id) AND s.doc_id = x.doc_id
    WHERE x.extracted_id IS NOT NULL
)
SELECT m.doc_id, m.extracted_id, coalesce(sr.to_id, m.entity_id) AS entity_id
FROM merged m LEFT JOIN split_remap sr ON sr.from_id = m.entity_id;

UPDATE entity_observations SET entity_id = s.entity_id FROM split_document_ids s
WHERE entity_observations.doc_id = s.doc_id AND entity_observations.extracted_entity_id = s.extracted_id
  AND entity_observations.entity_id IS DISTINCT FROM s.entity_id;
UPDATE mentions SET entity_id = s.entity_id FROM split_document_ids s
WHERE mentions.doc_id = s.doc_id AND mentions.extracted_entity_id = s.extracted_id AND mentions.entity_id IS DISTINCT FROM s.entity_id;
CREATE TEMP TABLE respoken_quotes AS
SELECT q.quote_id FROM quotes q JOIN split_document_ids s ON q.doc_id = s.doc_id AND q.extracted_speaker_entity_id = s.extracted_id
WHERE q.speaker_entity_id IS DISTINCT FROM s.entity_id;
UPDATE quotes SET speaker_entity_id = s.entity_id FROM split_document_ids s
WHERE quotes.doc_id = s.doc_id AND quotes.extracted_speaker_entity_id = s.extracted_id
  AND quotes.speaker_entity_id IS DISTINCT FROM s.entity_id;
UPDATE casualties SET reported_by_entity_id = s.entity_id FROM split_document_ids s
WHERE casualties.doc_id = s.doc_id AND casualties.extracted_reported_by_entity_id = s.extracted_id
  AND casualties.reported_by_entity_id IS DISTINCT FROM s.entity_id;
