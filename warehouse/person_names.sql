-- Each person as extracted, with what the person-merge rules of entity_merges.sql read: the key of its name,
-- the key of its name in full (with a first name), and the number of documents that name it so. Reads
-- observations_to_count: every observation in a build of everything, which writes person_names from these
-- rows; in a run's build, the observations of the added documents, whose counts added_person_names.sql adds
-- to the table's (a run's build only adds documents, so their documents are new to every count).
SELECT extracted_entity_id AS entity_id, min(name_key) AS name_key,
       min(name_key) FILTER (WHERE name_key LIKE '% %') AS full_name_key,
       count(DISTINCT doc_id) FILTER (WHERE name_key LIKE '% %') AS n_docs
FROM observations_to_count
WHERE entity_type = 'person' AND name_key IS NOT NULL
GROUP BY extracted_entity_id
ORDER BY entity_id
