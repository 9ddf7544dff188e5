-- Quote groups in a run's build: the quotes whose statement groups must be worked out again, found as
-- quote_changes.sql finds them against the build before, here in the database that build left (each
-- quote held before has the group it gave it; an added quote has none). Reads quotes, quote_wordings (with
-- the added quotes' wordings), added_documents and remapped_ids (added_entity_ids.sql); writes the
-- temporary tables changed_quotes and regrouped_quotes.
--
-- A group can only change where a quote is new, or changed (its speaker is now another entity). Those
-- quotes, every quote that shares a wording, a speaker or opening words with one of them, and the whole
-- former group of each, are grouped again; no link leads out of that set, and every other quote keeps
-- its group.
CREATE TEMP TABLE changed_quotes AS
SELECT quote_id, quote_group_id AS previous_group FROM quotes
WHERE doc_id IN (SELECT doc_id FROM added_documents)
   OR extracted_speaker_entity_id IN (SELECT extracted_id FROM remapped_ids);

CREATE TEMP TABLE regrouped_quotes AS
WITH reached AS (
    SELECT quote_id FROM changed_quotes
    UNION SELECT quote_id FROM quotes
    WHERE quote_group_id IN (SELECT previous_group FROM changed_quotes WHERE previous_group IS NOT NULL)
),
touched AS (
    SELECT q.quote_id, q.speaker_entity_id, w.wording, w.opening
    FROM quotes q JOIN quote_wordings w USING (quote_id) WHERE q.quote_id IN (SELECT quote_id FROM reached)
),
sharing AS (
    SELECT quote_id FROM quote_wordings WHERE wording IN (SELECT wording FROM touched)
    UNION SELECT quote_id FROM quote_wordings WHERE opening IN (SELECT opening FROM touched)
    UNION SELECT quote_id FROM quotes WHERE speaker_entity_id IN (SELECT speaker_entity_id FROM touched)
    UNION SELECT quote_id FROM reached
)
SELECT quote_id FROM sharing
UNION
SELECT quote_id FROM quotes
WHERE quote_group_id IN (SELECT quote_group_id FROM quotes WHERE quote_id IN (SELECT quote_id FROM sharing));
