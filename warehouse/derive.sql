-- Tables derived from the loaded facts, rebuilt with the database on every run.

-- A changed file is a new version: the documents of its older versions are superseded. They stay
-- in `documents` with superseded_by set, and their facts leave the fact tables (Parquet keeps them).
-- A file is identified by the source folder of its run and its path in that folder.
CREATE TEMP TABLE file_versions AS
SELECT r.source_dir, f.source_path, f.content_sha256, f.doc_ids, f.duplicate_of, f.status, f.seen_at
FROM source_files f JOIN runs r USING (run_id);

-- A file's live version is its latest ledger row. A file a run no longer found has a 'deleted' row (no
-- content): its documents stay live, as an archive keeps what it was sent, and carry source_deleted.
CREATE TEMP TABLE current_files AS
SELECT source_dir, source_path, content_sha256, doc_ids, duplicate_of, status
FROM file_versions
QUALIFY row_number() OVER (PARTITION BY source_dir, source_path ORDER BY seen_at DESC) = 1;

CREATE TEMP TABLE superseded AS
SELECT d.doc_id, min(c.doc_ids[1]) AS replacement
FROM documents d
JOIN runs r USING (run_id)
JOIN current_files c ON c.source_dir = r.source_dir AND c.source_path = split_part(d.source_path, '#', 1)
WHERE d.content_sha256 <> c.content_sha256
  AND NOT EXISTS (SELECT 1 FROM current_files k
                  WHERE list_contains(k.doc_ids, d.doc_id) OR list_contains(k.duplicate_of, d.doc_id))
GROUP BY d.doc_id;

UPDATE documents SET superseded_by = coalesce(s.replacement, '(file changed)')
FROM superseded s WHERE documents.doc_id = s.doc_id;
UPDATE documents SET source_deleted = true
FROM runs r, current_files c
WHERE documents.run_id = r.run_id AND c.source_dir = r.source_dir
  AND c.source_path = split_part(documents.source_path, '#', 1) AND c.status = 'deleted';
DELETE FROM entity_observations WHERE doc_id IN (SELECT doc_id FROM superseded);
DELETE FROM mentions WHERE doc_id IN (SELECT doc_id FROM superseded);
DELETE FROM casualties WHERE doc_id IN (SELECT doc_id FROM superseded);
DELETE FROM quotes WHERE doc_id IN (SELECT doc_id FROM superseded);
DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM superseded);

-- Near-duplicate articles (syndicated copies, re-posts with other page furniture): documents whose
-- MinHash signatures (16 bands of 4 values) share a band are candidates; a candidate pair is kept
-- when the signatures agree on at least 70% of their 64 values (the estimated Jaccard similarity of
-- their 3-word shingles). A copy points at the earliest of its near-identical documents: the first
-- published, then the first loaded. The threshold is NEAR_DUPLICATE_SIMILARITY in
-- newsfacts/consolidate/near_duplicates.py.
CREATE TEMP TABLE document_bands AS
SELECT d.doc_id, b.band, hash(d.minhash[b.band * 4 + 1 : b.band * 4 + 4]) AS band_hash
FROM documents d CROSS JOIN range(16) b(band)
WHERE d.superseded_by IS NULL AND len(d.minhash) = 64;

CREATE TEMP TABLE document_order AS
SELECT doc_id, row_number() OVER (ORDER BY published_date NULLS LAST, ingested_at, source_path, doc_id) AS position
FROM documents WHERE superseded_by IS NULL;

CREATE TEMP TABLE near_pairs AS
WITH candidates AS (
    SELECT DISTINCT a.doc_id AS doc_a, b.doc_id AS doc_b
    FROM document_bands a JOIN document_bands b ON a.band = b.band AND a.band_hash = b.band_hash AND a.doc_id < b.doc_id
)
SELECT c.doc_a, c.doc_b,
       list_sum(list_transform(range(1, 65), lambda i: (da.minhash[i] = db.minhash[i])::INTEGER)) / 64.0 AS similarity
FROM candidates c JOIN documents da ON da.doc_id = c.doc_a JOIN documents db ON db.doc_id = c.doc_b;
DELETE FROM near_pairs WHERE similarity < 0.7;

-- Each document's earliest near-identical document, if earlier than itself; then one more hop so that
-- a copy of a copy points at the original.
CREATE TEMP TABLE near_links AS
WITH both_ways AS (
    SELECT doc_a AS doc_id, doc_b AS other, similarity FROM near_pairs
    UNION ALL SELECT doc_b, doc_a, similarity FROM near_pairs
)
SELECT w.doc_id, arg_min(w.other, o.position) AS original, arg_min(w.similarity, o.position) AS similarity
FROM both_ways w JOIN document_order o ON o.doc_id = w.other JOIN document_order s ON s.doc_id = w.doc_id
WHERE o.position < s.position
GROUP BY w.doc_id;

UPDATE documents SET near_duplicate_of = coalesce(hop.original, l.original), near_duplicate_similarity = l.similarity
FROM near_links l LEFT JOIN near_links hop ON hop.doc_id = l.original
WHERE documents.doc_id = l.doc_id;

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
SELECT p.entity_id AS from_id, u.entity_id AS to_id
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
SELECT rare.entity_id, first(common.entity_id ORDER BY common.n_docs DESC, common.entity_id)
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

-- Speakers and reporters by their canonical name across documents, not one document's spelling.
UPDATE quotes SET speaker = e.canonical_name
FROM entities e WHERE quotes.speaker_entity_id = e.entity_id;

UPDATE casualties SET reported_by = e.canonical_name
FROM entities e WHERE casualties.reported_by_entity_id = e.entity_id;
