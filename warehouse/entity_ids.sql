-- Entities merged across documents, step 2 of 4 in a build of everything: each fact's entity id set to
-- the entity it is merged into (each table keeps the id as extracted beside it: extracted_entity_id,
-- extracted_speaker_entity_id, extracted_reported_by_entity_id), and a person's splits. Reads person_remap,
-- entity_decisions and live_corrections (entity_merges.sql); sets entity_observations.entity_id,
-- mentions.entity_id, quotes.speaker_entity_id and casualties.reported_by_entity_id, writes entity_splits
-- and adds the merges of split entities to entity_merges.

UPDATE entity_observations SET entity_id = r.to_id FROM person_remap r WHERE entity_observations.entity_id = r.from_id;
UPDATE mentions SET entity_id = r.to_id FROM person_remap r WHERE mentions.entity_id = r.from_id;
UPDATE quotes SET speaker_entity_id = r.to_id FROM person_remap r WHERE quotes.speaker_entity_id = r.from_id;
UPDATE casualties SET reported_by_entity_id = r.to_id FROM person_remap r WHERE casualties.reported_by_entity_id = r.from_id;

-- An entity built from two people (one name, two people in different documents), split by a person: what
-- the entity is in each document they named is another entity, one for all those documents (split_id).
-- A split entity can be merged into a third with same_as.
CREATE TABLE entity_splits AS
SELECT c.correction_id, c.fact_id AS entity_id, c.value AS doc_id, left(sha256(c.fact_id || '|split'), 16) AS split_id,
       (SELECT min(o.canonical_name) FROM entity_observations o WHERE o.entity_id = c.fact_id AND o.doc_id = c.value) AS name
FROM live_corrections c
WHERE c.target = 'entity' AND c.field = 'split_document'
  AND EXISTS (SELECT 1 FROM entity_observations o WHERE o.entity_id = c.fact_id AND o.doc_id = c.value)
ORDER BY c.sequence;
UPDATE entity_observations SET entity_id = s.split_id FROM entity_splits s
WHERE entity_observations.entity_id = s.entity_id AND entity_observations.doc_id = s.doc_id;
UPDATE mentions SET entity_id = s.split_id FROM entity_splits s
WHERE mentions.entity_id = s.entity_id AND mentions.doc_id = s.doc_id;
UPDATE quotes SET speaker_entity_id = s.split_id FROM entity_splits s
WHERE quotes.speaker_entity_id = s.entity_id AND quotes.doc_id = s.doc_id;
UPDATE casualties SET reported_by_entity_id = s.split_id FROM entity_splits s
WHERE casualties.reported_by_entity_id = s.entity_id AND casualties.doc_id = s.doc_id;

-- A split entity a person merged into another (its id exists only from the split on).
CREATE TEMP TABLE split_remap AS
SELECT d.entity_id AS from_id, coalesce(r.to_id, d.same_as) AS to_id FROM entity_decisions d
LEFT JOIN person_remap r ON r.from_id = d.same_as
WHERE d.same_as IS NOT NULL AND NOT d.unmerged AND d.entity_id IN (SELECT split_id FROM entity_splits);
INSERT INTO entity_merges
SELECT from_id, to_id, NULL, 'a person''s decision', 'corrected' FROM split_remap;
UPDATE entity_observations SET entity_id = r.to_id FROM split_remap r WHERE entity_observations.entity_id = r.from_id;
UPDATE mentions SET entity_id = r.to_id FROM split_remap r WHERE mentions.entity_id = r.from_id;
UPDATE quotes SET speaker_entity_id = r.to_id FROM split_remap r WHERE quotes.speaker_entity_id = r.from_id;
UPDATE casualties SET reported_by_entity_id = r.to_id FROM split_remap r WHERE casualties.reported_by_entity_id = r.from_id;

