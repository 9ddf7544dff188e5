-- One row per real-world entity. Reads entity_observations and corrections; merges people across documents
-- in entity_observations, mentions, quotes and casualties, writes entities, entity_merges and entity_splits, and puts each
-- entity's canonical name on quotes.speaker and casualties.reported_by.

-- The corrections not withdrawn, in the order they were made (corrections.sql reads them too).
CREATE TEMP TABLE live_corrections AS
SELECT *, row_number() OVER (ORDER BY corrected_at, correction_id) AS sequence
FROM corrections
WHERE action <> 'withdraw'
  AND correction_id NOT IN (SELECT withdraws FROM corrections WHERE action = 'withdraw');

-- A person named only by surname in a document ('Smith') is the person named in full in another
-- ('Jane Smith') when exactly one person of that surname is named in full anywhere.
CREATE TEMP TABLE person_remap AS
WITH people AS (
    SELECT entity_id, min(name_key) AS name_key FROM entity_observations
    WHERE entity_type = 'person' AND name_key IS NOT NULL GROUP BY entity_id
),
full_names AS (
    SELECT entity_id, string_split(name_key, ' ')[-1] AS surname FROM people WHERE name_key LIKE '% %'
),
unique_surnames AS (
    SELECT surname, any_value(entity_id) AS entity_id FROM full_names GROUP BY surname HAVING count(*) = 1
)
SELECT p.entity_id AS from_id, u.entity_id AS to_id, 'the same surname' AS basis
FROM people p JOIN unique_surnames u ON p.name_key = u.surname
WHERE p.name_key NOT LIKE '% %';

-- A one-off misspelling ('Jane Smiths' in one document) joins the name written the same way but
-- for one letter in several documents ('Jane Smith'): same first name, surnames of five letters or
-- more one edit apart. Two people who are both named in several documents are never merged.
INSERT INTO person_remap
WITH people AS (
    SELECT entity_id, min(name_key) AS name_key, count(DISTINCT doc_id) AS n_docs FROM entity_observations
    WHERE entity_type = 'person' AND name_key LIKE '% %' GROUP BY entity_id
)
SELECT rare.entity_id, first(common.entity_id ORDER BY common.n_docs DESC, common.entity_id), 'one letter apart'
FROM people rare JOIN people common
  ON rare.entity_id <> common.entity_id
 AND rare.n_docs = 1 AND common.n_docs >= 2
 AND string_split(rare.name_key, ' ')[1] = string_split(common.name_key, ' ')[1]
 AND length(string_split(common.name_key, ' ')[-1]) >= 5
 AND levenshtein(string_split(rare.name_key, ' ')[-1], string_split(common.name_key, ' ')[-1]) = 1
WHERE rare.entity_id NOT IN (SELECT from_id FROM person_remap)
GROUP BY rare.entity_id;

-- A person's decisions on entities (newsfacts correct entity; corrections.sql applies the others): a merge
-- the machine made that a person rejected is undone, and one a person made is added, into whatever the other
-- entity is itself merged into. The latest live decision on an entity holds.

CREATE TEMP TABLE entity_decisions AS
SELECT fact_id AS entity_id,
       coalesce(max(sequence) FILTER (WHERE action = 'reject')
                > coalesce(max(sequence) FILTER (WHERE action <> 'reject'), 0), false) AS unmerged,
       coalesce(max(sequence) FILTER (WHERE action = 'confirm')
                > coalesce(max(sequence) FILTER (WHERE action = 'reject'), 0), false) AS confirmed,
       max_by(value, sequence) FILTER (WHERE field = 'same_as') AS same_as,
       max_by(value, sequence) FILTER (WHERE field = 'canonical_name') AS canonical_name
FROM live_corrections WHERE target = 'entity' GROUP BY fact_id;

CREATE TEMP TABLE machine_merges AS SELECT * FROM person_remap;
DELETE FROM person_remap
WHERE from_id IN (SELECT entity_id FROM entity_decisions WHERE unmerged OR same_as IS NOT NULL);
INSERT INTO person_remap
SELECT d.entity_id, coalesce(r.to_id, d.same_as), 'a person''s decision'
FROM entity_decisions d LEFT JOIN person_remap r ON r.from_id = d.same_as
WHERE d.same_as IS NOT NULL AND NOT d.unmerged AND coalesce(r.to_id, d.same_as) <> d.entity_id;
-- what was merged into an entity now merged elsewhere follows it
UPDATE person_remap SET to_id = r.to_id FROM person_remap r WHERE person_remap.to_id = r.from_id AND r.to_id <> person_remap.from_id;

-- The names each merged or decided entity was written with before any merge.
CREATE TEMP TABLE machine_observation_names AS
SELECT entity_id, canonical_name FROM entity_observations
WHERE entity_id IN (SELECT from_id FROM machine_merges UNION SELECT to_id FROM machine_merges
                    UNION SELECT to_id FROM person_remap UNION SELECT entity_id FROM entity_decisions);

-- Every merge, the machine's and people's, with a person's verdict: what the review page lists.
CREATE TABLE entity_merges AS
SELECT coalesce(m.from_id, r.from_id) AS from_id, coalesce(r.to_id, m.to_id) AS into_id, m.to_id AS machine_into_id,
       coalesce(r.basis, m.basis) AS basis,
       CASE WHEN r.from_id IS NULL THEN 'rejected' WHEN r.basis = 'a person''s decision' THEN 'corrected'
            WHEN d.confirmed THEN 'confirmed' ELSE 'machine' END AS review_status
FROM machine_merges m FULL OUTER JOIN person_remap r ON r.from_id = m.from_id
LEFT JOIN entity_decisions d ON d.entity_id = coalesce(m.from_id, r.from_id);

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

-- One row per real-world entity, merged across documents. Canonical spelling: the fullest name,
-- then the one written in most documents, then the longest; ties alphabetically, so every build agrees.
CREATE TABLE entities AS
WITH spellings AS (
    SELECT entity_id, first(canonical_name ORDER BY len(string_split(canonical_name, ' ')) DESC, n_docs DESC,
                            length(canonical_name) DESC, canonical_name) AS canonical_name
    FROM (SELECT entity_id, canonical_name, count(*) AS n_docs FROM entity_observations GROUP BY ALL)
    GROUP BY entity_id
),
-- One observation's place, whole (never one's latitude with another's longitude): a direct gazetteer
-- match before a place found through another ('within Mariupol'), then the first document by id, so
-- that every build, in any order of runs, picks the same.
placed AS (
    SELECT entity_id, entity_type, latitude, longitude, country_code, geocode_basis
    FROM entity_observations
    QUALIFY row_number() OVER (PARTITION BY entity_id
                               ORDER BY latitude IS NULL, geocode_basis NOT LIKE 'gazetteer%', doc_id) = 1
),
-- the role stated most often, the longest on ties, then alphabetical: every build agrees
roles AS (
    SELECT entity_id, first(role ORDER BY n DESC, length(role) DESC, role) AS role
    FROM (SELECT entity_id, role, count(*) AS n FROM entity_observations WHERE role IS NOT NULL GROUP BY ALL)
    GROUP BY entity_id
)
SELECT o.entity_id, s.canonical_name, p.entity_type,
       list_sort(list_distinct(flatten(list(o.aliases)))) AS aliases,
       p.latitude, p.longitude, p.country_code,
       count(DISTINCT o.doc_id)::INTEGER AS n_documents,
       p.geocode_basis, r.role
FROM entity_observations o
JOIN spellings s USING (entity_id)
JOIN placed p USING (entity_id)
LEFT JOIN roles r USING (entity_id)
GROUP BY o.entity_id, s.canonical_name, p.entity_type, p.latitude, p.longitude, p.country_code, p.geocode_basis, r.role;

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
FROM entities e WHERE quotes.speaker_entity_id = e.entity_id;

UPDATE casualties SET reported_by = e.canonical_name
FROM entities e WHERE casualties.reported_by_entity_id = e.entity_id;
