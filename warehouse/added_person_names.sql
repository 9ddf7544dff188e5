-- A run's build: the people of the added documents (added_people, person_names.sql over their observations)
-- added to person_names: a person named before takes the smaller keys and the sum of the counts (the added
-- documents are new), a person named for the first time its own row.
UPDATE person_names p
SET name_key = least(p.name_key, a.name_key),
    full_name_key = least(p.full_name_key, a.full_name_key),
    n_docs = p.n_docs + a.n_docs
FROM added_people a
WHERE p.entity_id = a.entity_id;

INSERT INTO person_names
SELECT * FROM added_people WHERE entity_id NOT IN (SELECT entity_id FROM person_names);
