-- Entities merged across documents, step 2 of 4 in a run's build (entity_ids.sql in a build of
-- everything): the entity ids of the added facts, and of the facts held before whose extracted entity is
-- now merged elsewhere, set as a build of everything sets them. Reads person_remap (entity_merges.sql),
-- previous_merges (entity_merges as the build before left it) and added_documents; sets
-- entity_observations.entity_id, mentions.entity_id, quotes.speaker_entity_id and
-- casualties.reported_by_entity_id where they change, and writes the temporary tables remapped_ids (the
-- extracted ids whose merge changed) and touched_entities (the entities whose rows entity_rows.sql
-- writes again).
--
-- A run's build is made only where no person has decided on an entity (newsfacts/load/build.py), so an
-- id is merged by the machine's rules alone: into person_remap's to_id, or not at all.
CREATE TEMP TABLE remapped_ids AS
SELECT coalesce(n.from_id, o.from_id) AS extracted_id, n.to_id AS into_id, o.into_id AS previous_into_id
FROM person_remap n FULL OUTER JOIN previous_merges o ON o.from_id = n.from_id
WHERE n.to_id IS DISTINCT FROM o.into_id;

CREATE TEMP TABLE merged_ids AS
SELECT extracted_id, coalesce(into_id, extracted_id) AS entity_id FROM remapped_ids
UNION ALL
SELECT from_id, to_id FROM person_remap WHERE from_id NOT IN (SELECT extracted_id FROM remapped_ids);

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
