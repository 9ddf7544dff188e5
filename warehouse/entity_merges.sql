-- Entities merged across documents, step 1 of 4: which entity each extracted entity is merged into.
-- Reads entity_observations, person_names and corrections; writes entity_merges (every merge, the machine's and
-- people's), entity_splits, merged_entity_ids and the temporary tables live_corrections, person_remap (from_id -> to_id,
-- each id as extracted), entity_decisions, split_remap and machine_observation_names. Then entity_ids.sql
-- (a build of everything) or added_entity_ids.sql (a run's build), entity_rows.sql and entity_names.sql.

-- The corrections not withdrawn, in the order they were made (corrections.sql reads them too).
CREATE TEMP TABLE live_corrections AS
SELECT *, row_number() OVER (ORDER BY corrected_at, correction_id) AS sequence
FROM corrections
WHERE action <> 'withdraw'
  AND correction_id NOT IN (SELECT withdraws FROM corrections WHERE action = 'withdraw');

-- The rules read each observation's entity as extracted, so that a run's build, whose facts carry the
-- merged ids of the build before, finds the merges a build of everything finds.

-- The rules read person_names: each person as extracted, the key of its name, and of its name in full (with
-- a first name) with the number of documents that name it so (the build keeps it up to date: person_names.sql).

-- A person named only by surname in a document ('Smith') is the person named in full in another
-- ('Jane Smith') when exactly one person of that surname is named in full anywhere.
CREATE TEMP TABLE person_remap AS
WITH full_names AS (
    SELECT entity_id, string_split(name_key, ' ')[-1] AS surname FROM person_names WHERE name_key LIKE '% %'
),
unique_surnames AS (
    SELECT surname, any_value(entity_id) AS entity_id FROM full_names GROUP BY surname HAVING count(*) = 1
)
SELECT p.entity_id AS from_id, u.entity_id AS to_id, 'the same surname' AS basis
FROM person_names p JOIN unique_surnames u ON p.name_key = u.surname
WHERE p.name_key NOT LIKE '% %';

-- A one-off misspelling ('Jane Smiths' in one document) joins the name written the same way but
-- for one letter in several documents ('Jane Smith'): same first name, surnames of five letters or
-- more one edit apart. Two people who are both named in several documents are never merged.
INSERT INTO person_remap
WITH named_in_full AS (SELECT entity_id, full_name_key AS name_key, n_docs FROM person_names WHERE full_name_key IS NOT NULL)
SELECT rare.entity_id, first(common.entity_id ORDER BY common.n_docs DESC, common.entity_id), 'one letter apart'
FROM named_in_full rare JOIN named_in_full common
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
SELECT extracted_entity_id AS entity_id, canonical_name FROM entity_observations
WHERE extracted_entity_id IN (SELECT from_id FROM machine_merges UNION SELECT to_id FROM machine_merges
                    UNION SELECT to_id FROM person_remap UNION SELECT entity_id FROM entity_decisions);

-- Every merge, the machine's and people's, with a person's verdict: what the review page lists.
CREATE OR REPLACE TABLE entity_merges AS
SELECT coalesce(m.from_id, r.from_id) AS from_id, coalesce(r.to_id, m.to_id) AS into_id, m.to_id AS machine_into_id,
       coalesce(r.basis, m.basis) AS basis,
       CASE WHEN r.from_id IS NULL THEN 'rejected' WHEN r.basis = 'a person''s decision' THEN 'corrected'
            WHEN d.confirmed THEN 'confirmed' ELSE 'machine' END AS review_status
FROM machine_merges m FULL OUTER JOIN person_remap r ON r.from_id = m.from_id
LEFT JOIN entity_decisions d ON d.entity_id = coalesce(m.from_id, r.from_id);

-- An entity built from two people (one name, two people in different documents), split by a person: what
-- the entity is in each document they named is another entity, one for all those documents (split_id).
-- The entity is the one an observation of the document is merged into.
CREATE OR REPLACE TABLE entity_splits AS
WITH named AS (
    SELECT o.doc_id, coalesce(r.to_id, o.extracted_entity_id) AS entity_id, min(o.canonical_name) AS name
    FROM entity_observations o LEFT JOIN person_remap r ON r.from_id = o.extracted_entity_id
    WHERE o.doc_id IN (SELECT value FROM live_corrections WHERE target = 'entity' AND field = 'split_document')
    GROUP BY ALL
)
SELECT c.correction_id, c.fact_id AS entity_id, c.value AS doc_id, left(sha256(c.fact_id || '|split'), 16) AS split_id, n.name
FROM live_corrections c JOIN named n ON n.entity_id = c.fact_id AND n.doc_id = c.value
WHERE c.target = 'entity' AND c.field = 'split_document'
ORDER BY c.sequence;

-- A split entity a person merged into another (its id exists only from the split on).
CREATE TEMP TABLE split_remap AS
SELECT d.entity_id AS from_id, coalesce(r.to_id, d.same_as) AS to_id FROM entity_decisions d
LEFT JOIN person_remap r ON r.from_id = d.same_as
WHERE d.same_as IS NOT NULL AND NOT d.unmerged AND d.entity_id IN (SELECT split_id FROM entity_splits);
INSERT INTO entity_merges
SELECT from_id, to_id, NULL, 'a person''s decision', 'corrected' FROM split_remap;

-- The entity the facts of each merged extracted id carry, outside the documents a person split off
-- (split_entity_ids.sql sets those): kept, so that a run's build finds the ids whose merge changed.
CREATE OR REPLACE TABLE merged_entity_ids AS
SELECT r.from_id AS extracted_id, coalesce(s.to_id, r.to_id) AS entity_id
FROM person_remap r LEFT JOIN split_remap s ON s.from_id = r.to_id
ORDER BY extracted_id;
