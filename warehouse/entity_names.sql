-- Entities merged across documents, step 4 of 4: people's names for entities, the names on entity_merges,
-- and each entity's canonical name on the quotes and figures it speaks or reports. Reads entities,
-- entity_decisions, person_remap, machine_observation_names, entity_splits and entities_in_scope (every
-- entity in a build of everything; those whose rows were written again in a run's build); sets
-- entities.canonical_name, entity_merges' names, quotes.speaker and casualties.reported_by.

-- An entity a person merged another into keeps its own name (the spelling rule above, over its own names).
UPDATE entities SET canonical_name = own.canonical_name
FROM (SELECT entity_id, first(canonical_name ORDER BY len(string_split(canonical_name, ' ')) DESC, n DESC,
                              length(canonical_name) DESC, canonical_name) AS canonical_name
      FROM (SELECT entity_id, canonical_name, count(*) AS n FROM machine_observation_names GROUP BY ALL)
      GROUP BY entity_id) own
WHERE entities.entity_id = own.entity_id
  AND own.entity_id IN (SELECT to_id FROM person_remap WHERE basis = 'a person''s decision');

-- An entity a person renamed.
UPDATE entities SET canonical_name = d.canonical_name
FROM entity_decisions d WHERE entities.entity_id = d.entity_id AND d.canonical_name IS NOT NULL;

-- Names of the merged entities, for the review page.
ALTER TABLE entity_merges ADD COLUMN from_name VARCHAR;
ALTER TABLE entity_merges ADD COLUMN into_name VARCHAR;
UPDATE entity_merges SET from_name = o.canonical_name
FROM (SELECT entity_id, min(canonical_name) AS canonical_name FROM machine_observation_names GROUP BY entity_id) o
WHERE entity_merges.from_id = o.entity_id;
UPDATE entity_merges SET into_name = o.canonical_name
FROM (SELECT entity_id, min(canonical_name) AS canonical_name FROM machine_observation_names GROUP BY entity_id) o
WHERE entity_merges.into_id = o.entity_id;
UPDATE entity_merges SET from_name = s.name FROM entity_splits s WHERE entity_merges.from_id = s.split_id;
UPDATE entity_merges SET into_name = e.canonical_name FROM entities e WHERE entity_merges.into_id = e.entity_id;

-- Speakers and reporters by their canonical name across documents, not one document's spelling.
UPDATE quotes SET speaker = e.canonical_name
FROM entities_in_scope e WHERE quotes.speaker_entity_id = e.entity_id;

UPDATE casualties SET reported_by = e.canonical_name
FROM entities_in_scope e WHERE casualties.reported_by_entity_id = e.entity_id;
