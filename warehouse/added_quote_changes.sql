-- Quote groups in a run's build: what changed since the build before, for regrouped_quotes.sql, here in
-- the database that build left (each quote held before has the group it gave it; an added quote has
-- none). Reads quotes, added_documents, removed_quotes, remapped_ids and respoken_quotes (added_entity_ids.sql,
-- split_entity_ids.sql) and decided_quote_speakers (machine_values.sql); writes the temporary table
-- quote_changes and the view former_groups.
--
-- In a run's build no quote is reworded: a quote is new, or gone with the document a new version of its file
-- superseded (removed_quotes: added_removals.sql), or its speaker is now another entity: the one its
-- extracted speaker is now merged into, or split off as, or the one a person named as its speaker
-- (corrections.sql finds them by name, among entities the build changes), or none.
CREATE TEMP TABLE quote_changes AS
SELECT quote_id, quote_group_id AS previous_group FROM quotes
WHERE doc_id IN (SELECT doc_id FROM added_documents)
   OR extracted_speaker_entity_id IN (SELECT extracted_id FROM remapped_ids)
   OR quote_id IN (SELECT quote_id FROM respoken_quotes)
   OR quote_id IN (SELECT d.quote_id FROM decided_quote_speakers d JOIN quotes q USING (quote_id)
                   WHERE q.speaker_entity_id IS DISTINCT FROM d.speaker_entity_id)
UNION ALL
SELECT quote_id, quote_group_id FROM removed_quotes;

CREATE OR REPLACE TEMP VIEW former_groups AS
SELECT quote_id, quote_group_id FROM quotes WHERE quote_group_id IS NOT NULL;
