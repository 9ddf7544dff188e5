-- A run's build whose runs superseded documents (the removed_* tables: added_removals.sql), before the
-- cross-source steps: the derived rows of the documents, quotes, reports and figures that left taken out,
-- as a build of everything would never have made them. Each step after works out again what they reached
-- (newsfacts/consolidate/added.py): the near-duplicate links of their pairs, the entities they named, the
-- groups of their quotes, the places of their reports and figures. The counts of the people they named are
-- counted again there (person_names.sql over what is left of those people's observations).
DELETE FROM document_bands WHERE doc_id IN (SELECT doc_id FROM removed_documents);
DELETE FROM near_duplicate_pairs
WHERE doc_a IN (SELECT doc_id FROM removed_documents) OR doc_b IN (SELECT doc_id FROM removed_documents);
DELETE FROM quote_wordings WHERE quote_id IN (SELECT quote_id FROM removed_quotes);
DELETE FROM quote_groups WHERE quote_id IN (SELECT quote_id FROM removed_quotes);
DELETE FROM event_machine_incidents WHERE event_id IN (SELECT event_id FROM removed_events);
DELETE FROM incident_reports WHERE event_id IN (SELECT event_id FROM removed_events);
DELETE FROM incident_figures WHERE fact_id IN (SELECT fact_id FROM removed_figures);
DELETE FROM person_names WHERE entity_id IN (SELECT extracted_entity_id FROM removed_person_ids);
