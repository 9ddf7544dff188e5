-- Entities merged across documents, step 2 of 4 in a run's build (entity_ids.sql in a build of
-- everything): the entity ids of the added facts, and of the facts held before whose extracted entity is
-- now merged elsewhere, set as a build of everything sets them. Reads merged_entity_ids (entity_merges.sql),
-- previous_merged_entity_ids and previous_splits (merged_entity_ids and entity_splits as the build before
-- left them) and added_documents; sets entity_observations.entity_id, mentions.entity_id,
-- quotes.speaker_entity_id and casualties.reported_by_entity_id where they change, and writes the temporary
-- tables remapped_ids (the extracted ids whose merge changed) and touched_entities (the entities whose rows
-- entity_rows.sql writes again). Then split_entity_ids.sql sets the ids in the documents a person split an
-- entity in, now or before, and touched_entities takes their entities too.
CREATE TEMP TABLE remapped_ids AS
SELECT coalesce(n.extracted_id, o.extracted_id) AS extracted_id, n.entity_id AS into_id, o.entity_id AS previous_into_id
FROM merged_entity_ids n FULL OUTER JOIN previous_merged_entity_ids o ON o.extracted_id = n.extracted_id
WHERE n.entity_id IS DISTINCT FROM o.entity_id;

CREATE TEMP TABLE merged_ids AS
SELECT extracted_id, coalesce(into_id, extracted_id) AS entity_id FROM remapped_ids
UNION ALL
SELECT extracted_id, entity_id FROM merged_entity_ids WHERE extracted_id NOT IN (SELECT extracted_id FROM remapped_ids);

-- Facts of added documents whose entity is merged, and facts whose entity's merge changed.
UPDATE entity_observations SET entity_id = m.entity_id FROM merged_ids m
WHERE entity_observations.extracted_entity_id = m.extracted_id
  AND (entity_observations.doc_id IN (SELECT doc_id FROM added_documents) OR m.extracted_id IN (SELECT extracted_id FROM remapped_ids));
UPDATE mentions SET entity_id = m.entity_id FROM merged_ids m
WHERE mentions.extracted_entity_id = m.extracted_id
  AND (mentions.doc_id IN (SELECT doc_id FROM added_documents) OR m.extracted_id IN (SELECT extracted_id FROM remapped_ids));
UPDATE quotes SET speaker_entity_id = m.entity_id FROM merged_ids m
WHERE quotes.extracted_speaker_entity_id = m.extracted_id
  AND (quotes.doc_id IN (SELECT doc_id FROM added_documents) OR m.extracted_id IN (SELECT extracted_id FROM remapped_ids));
UPDATE casualties SET reported_by_entity_id = m.entity_id FROM merged_ids m
WHERE casualties.extracted_reported_by_entity_id = m.extracted_id
  AND (casualties.doc_id IN (SELECT doc_id FROM added_documents) OR m.extracted_id IN (SELECT extracted_id FROM remapped_ids));

-- The entities whose observations changed: those the added documents name, speak or report as, and
-- both ends of every changed merge.
CREATE TEMP TABLE touched_entities AS
SELECT entity_id FROM entity_observations WHERE doc_id IN (SELECT doc_id FROM added_documents)
UNION SELECT speaker_entity_id FROM quotes WHERE doc_id IN (SELECT doc_id FROM added_documents) AND speaker_entity_id IS NOT NULL
UNION SELECT reported_by_entity_id FROM casualties WHERE doc_id IN (SELECT doc_id FROM added_documents) AND reported_by_entity_id IS NOT NULL
UNION SELECT extracted_id FROM remapped_ids
UNION SELECT into_id FROM remapped_ids WHERE into_id IS NOT NULL
UNION SELECT previous_into_id FROM remapped_ids WHERE previous_into_id IS NOT NULL;

-- The entities of the documents a person split an entity in, before split_entity_ids.sql sets them.
INSERT INTO touched_entities
SELECT entity_id FROM entity_observations WHERE doc_id IN (SELECT doc_id FROM split_documents)
UNION SELECT speaker_entity_id FROM quotes WHERE doc_id IN (SELECT doc_id FROM split_documents) AND speaker_entity_id IS NOT NULL
UNION SELECT reported_by_entity_id FROM casualties WHERE doc_id IN (SELECT doc_id FROM split_documents) AND reported_by_entity_id IS NOT NULL;
