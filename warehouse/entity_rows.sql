-- Entities merged across documents, step 3 of 4: the rows of `entities` for the entities whose
-- observations entity_observations_in_scope holds (all of them in a build of everything; those the added
-- documents reach in a run's build, newsfacts/consolidate/added.py). Reads entity_observations_in_scope.
--
-- One row per real-world entity, merged across documents. Canonical spelling: the fullest name,
-- then the one written in most documents, then the longest; ties alphabetically, so every build agrees.
WITH spellings AS (
    SELECT entity_id, first(canonical_name ORDER BY len(string_split(canonical_name, ' ')) DESC, n_docs DESC,
                            length(canonical_name) DESC, canonical_name) AS canonical_name
    FROM (SELECT entity_id, canonical_name, count(*) AS n_docs FROM entity_observations_in_scope GROUP BY ALL)
    GROUP BY entity_id
),
-- One observation's place, whole (never one's latitude with another's longitude): a direct gazetteer
-- match before a place found through another ('within Mariupol'), then the first document by id, so
-- that every build, in any order of runs, picks the same.
placed AS (
    SELECT entity_id, entity_type, latitude, longitude, country_code, geocode_basis
    FROM entity_observations_in_scope
    QUALIFY row_number() OVER (PARTITION BY entity_id
                               ORDER BY latitude IS NULL, geocode_basis NOT LIKE 'gazetteer%', doc_id) = 1
),
-- the role stated most often, the longest on ties, then alphabetical: every build agrees
roles AS (
    SELECT entity_id, first(role ORDER BY n DESC, length(role) DESC, role) AS role
    FROM (SELECT entity_id, role, count(*) AS n FROM entity_observations_in_scope WHERE role IS NOT NULL GROUP BY ALL)
    GROUP BY entity_id
)
SELECT o.entity_id, s.canonical_name, p.entity_type,
       list_sort(list_distinct(flatten(list(o.aliases)))) AS aliases,
       p.latitude, p.longitude, p.country_code,
       count(DISTINCT o.doc_id)::INTEGER AS n_documents,
       p.geocode_basis, r.role
FROM entity_observations_in_scope o
JOIN spellings s USING (entity_id)
JOIN placed p USING (entity_id)
LEFT JOIN roles r USING (entity_id)
GROUP BY o.entity_id, s.canonical_name, p.entity_type, p.latitude, p.longitude, p.country_code, p.geocode_basis, r.role
