-- Entities merged across documents, step 2 of 4 in a build of everything: each fact's entity id set to
-- the entity it is merged into (each table keeps the id as extracted beside it: extracted_entity_id,
-- extracted_speaker_entity_id, extracted_reported_by_entity_id). Reads merged_entity_ids (entity_merges.sql);
-- sets entity_observations.entity_id, mentions.entity_id, quotes.speaker_entity_id and
-- casualties.reported_by_entity_id. Then split_entity_ids.sql sets them in the documents a person split off.

UPDATE entity_observations SET entity_id = m.entity_id FROM merged_entity_ids m WHERE entity_observations.extracted_entity_id = m.extracted_id;
UPDATE mentions SET entity_id = m.entity_id FROM merged_entity_ids m WHERE mentions.extracted_entity_id = m.extracted_id;
UPDATE quotes SET speaker_entity_id = m.entity_id FROM merged_entity_ids m WHERE quotes.extracted_speaker_entity_id = m.extracted_id;
UPDATE casualties SET reported_by_entity_id = m.entity_id FROM merged_entity_ids m WHERE casualties.extracted_reported_by_entity_id = m.extracted_id;
