-- Tables derived from the loaded facts, rebuilt with the database on every run.

-- A changed file is a new version: the documents of its older versions are superseded. They stay
-- in `documents` with superseded_by set, and their facts leave the fact tables (Parquet keeps them).
-- A file is identified by the source folder of its run and its path in that folder.
CREATE TEMP TABLE file_versions AS
SELECT r.source_dir, f.source_path, f.content_sha256, f.doc_ids, f.duplicate_of, f.seen_at
FROM source_files f JOIN runs r USING (run_id);

CREATE TEMP TABLE current_files AS
SELECT source_dir, source_path, arg_max(content_sha256, seen_at) AS content_sha256,
       arg_max(doc_ids, seen_at) AS doc_ids, arg_max(duplicate_of, seen_at) AS duplicate_of
FROM file_versions GROUP BY source_dir, source_path;

CREATE TEMP TABLE superseded AS
SELECT d.doc_id, any_value(c.doc_ids[1]) AS replacement
FROM documents d
JOIN runs r USING (run_id)
JOIN current_files c ON c.source_dir = r.source_dir AND c.source_path = split_part(d.source_path, '#', 1)
WHERE d.content_sha256 <> c.content_sha256
  AND NOT EXISTS (SELECT 1 FROM current_files k
                  WHERE list_contains(k.doc_ids, d.doc_id) OR list_contains(k.duplicate_of, d.doc_id))
GROUP BY d.doc_id;

UPDATE documents SET superseded_by = coalesce(s.replacement, '(file changed)')
FROM superseded s WHERE documents.doc_id = s.doc_id;
DELETE FROM entity_observations WHERE doc_id IN (SELECT doc_id FROM superseded);
DELETE FROM mentions WHERE doc_id IN (SELECT doc_id FROM superseded);
DELETE FROM casualties WHERE doc_id IN (SELECT doc_id FROM superseded);
DELETE FROM quotes WHERE doc_id IN (SELECT doc_id FROM superseded);
DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM superseded);

-- A person named only by surname in a document ('Smith') is the person named in full in another
-- ('Jane Smith') when exactly one person of that surname is named in full anywhere.
CREATE TEMP TABLE person_remap AS
WITH people AS (
    SELECT entity_id, any_value(name_key) AS name_key FROM entity_observations
    WHERE entity_type = 'person' AND name_key IS NOT NULL GROUP BY entity_id
),
full_names AS (
    SELECT entity_id, string_split(name_key, ' ')[-1] AS surname FROM people WHERE name_key LIKE '% %'
),
unique_surnames AS (
    SELECT surname, any_value(entity_id) AS entity_id FROM full_names GROUP BY surname HAVING count(*) = 1
)
SELECT p.entity_id AS from_id, u.entity_id AS to_id
FROM people p JOIN unique_surnames u ON p.name_key = u.surname
WHERE p.name_key NOT LIKE '% %';

-- A one-off misspelling ('Jane Smiths' in one document) joins the name written the same way but
-- for one letter in several documents ('Jane Smith'): same first name, surnames of five letters or
-- more one edit apart. Two people who are both named in several documents are never merged.
INSERT INTO person_remap
WITH people AS (
    SELECT entity_id, any_value(name_key) AS name_key, count(DISTINCT doc_id) AS n_docs FROM entity_observations
    WHERE entity_type = 'person' AND name_key LIKE '% %' GROUP BY entity_id
)
SELECT rare.entity_id, arg_max(common.entity_id, common.n_docs)
FROM people rare JOIN people common
  ON rare.entity_id <> common.entity_id
 AND rare.n_docs = 1 AND common.n_docs >= 2
 AND string_split(rare.name_key, ' ')[1] = string_split(common.name_key, ' ')[1]
 AND length(string_split(common.name_key, ' ')[-1]) >= 5
 AND levenshtein(string_split(rare.name_key, ' ')[-1], string_split(common.name_key, ' ')[-1]) = 1
WHERE rare.entity_id NOT IN (SELECT from_id FROM person_remap)
GROUP BY rare.entity_id;

UPDATE entity_observations SET entity_id = r.to_id FROM person_remap r WHERE entity_observations.entity_id = r.from_id;
UPDATE mentions SET entity_id = r.to_id FROM person_remap r WHERE mentions.entity_id = r.from_id;
UPDATE quotes SET speaker_entity_id = r.to_id FROM person_remap r WHERE quotes.speaker_entity_id = r.from_id;
UPDATE casualties SET reported_by_entity_id = r.to_id FROM person_remap r WHERE casualties.reported_by_entity_id = r.from_id;

-- One row per real-world entity, merged across documents. Canonical spelling: the fullest name,
-- then the one written in most documents, then the longest; ties alphabetically, so every build agrees.
CREATE TABLE entities AS
WITH spellings AS (
    SELECT entity_id, canonical_name, count(*) AS n_docs
    FROM entity_observations GROUP BY ALL
)
SELECT
    o.entity_id,
    first(s.canonical_name ORDER BY len(string_split(s.canonical_name, ' ')) DESC, s.n_docs DESC,
                          length(s.canonical_name) DESC, s.canonical_name) AS canonical_name,
    any_value(o.entity_type) AS entity_type,
    list_sort(list_distinct(flatten(list(o.aliases)))) AS aliases,
    any_value(o.latitude) AS latitude,
    any_value(o.longitude) AS longitude,
    any_value(o.country_code) AS country_code,
    count(DISTINCT o.doc_id)::INTEGER AS n_documents,
    any_value(o.geocode_basis) AS geocode_basis,
    -- the role stated most often, the longest on ties, then alphabetical: every build agrees
    (SELECT first(r.role ORDER BY r.n DESC, length(r.role) DESC, r.role) FROM
        (SELECT role, count(*) AS n FROM entity_observations x WHERE x.entity_id = o.entity_id AND role IS NOT NULL GROUP BY role) r) AS role
FROM entity_observations o JOIN spellings s USING (entity_id)
GROUP BY o.entity_id;

-- Speakers and reporters by their canonical name across documents, not one document's spelling.
UPDATE quotes SET speaker = e.canonical_name
FROM entities e WHERE quotes.speaker_entity_id = e.entity_id;

UPDATE casualties SET reported_by = e.canonical_name
FROM entities e WHERE casualties.reported_by_entity_id = e.entity_id;

-- One row per incident: events of the same type, place and day across documents. Killed and
-- injured come from the documents' top-level figures at that place (subsets excluded): low is the
-- lowest figure, high the highest upper bound, best the figure most documents agree on.
CREATE TABLE event_clusters AS
WITH members AS (
    SELECT cluster_id, any_value(event_type) AS event_type, any_value(event_date) AS event_date,
           any_value(location) AS location, list_sort(list(DISTINCT doc_id)) AS doc_ids
    FROM events WHERE cluster_id IS NOT NULL GROUP BY cluster_id
),
figures AS (
    SELECT m.cluster_id, c.kind, c.doc_id, c.count_min, coalesce(c.count_max, c.count_min) AS count_high
    FROM members m
    JOIN casualties c ON list_contains(m.doc_ids, c.doc_id) AND c.location = m.location AND c.part_of IS NULL
    WHERE c.kind IN ('killed', 'injured')
),
agreement AS (
    SELECT cluster_id, kind, count_min, count(DISTINCT doc_id) AS n_docs FROM figures GROUP BY ALL
),
summary AS (
    SELECT f.cluster_id, f.kind, min(f.count_min) AS low, max(f.count_high) AS high,
           (SELECT arg_max(a.count_min, a.n_docs * 1000000 + a.count_min) FROM agreement a
            WHERE a.cluster_id = f.cluster_id AND a.kind = f.kind) AS best
    FROM figures f GROUP BY f.cluster_id, f.kind
)
SELECT
    m.cluster_id, m.event_type, m.event_date, m.location,
    len(m.doc_ids)::INTEGER AS n_documents,
    (SELECT count(DISTINCT coalesce(d.publisher, d.doc_id)) FROM documents d WHERE list_contains(m.doc_ids, d.doc_id))::INTEGER AS n_publishers,
    m.doc_ids,
    k.low::INTEGER AS killed_low, k.best::INTEGER AS killed_best, k.high::INTEGER AS killed_high,
    i.low::INTEGER AS injured_low, i.best::INTEGER AS injured_best, i.high::INTEGER AS injured_high
FROM members m
LEFT JOIN summary k ON k.cluster_id = m.cluster_id AND k.kind = 'killed'
LEFT JOIN summary i ON i.cluster_id = m.cluster_id AND i.kind = 'injured';
