-- The quotes whose statement groups a build must work out again, from what changed since the build before.
-- Reads quote_changes (quote_id, previous_group: each quote new, gone or changed, and its former group),
-- former_groups (quote_id, quote_group_id: each live quote's group in the build before), quote_wordings
-- and quotes, which quote_changes.sql (a build that replaces a database) or added_quote_changes.sql (a
-- run's build) make ready; writes the temporary table regrouped_quotes.
--
-- Whether two quotes are one statement depends on those two quotes only: their wordings (the same, or one
-- of a speaker's, or opening with the same words, and close enough) and their speakers
-- (newsfacts/consolidate/quote_groups.py). So a group can only change where a quote is new, gone, or
-- changed (its speaker is now another entity). Those quotes, every quote that shares a wording, a speaker or
-- opening words with one of them, and the whole former group of each, are grouped again; no link leads
-- out of that set, and every other quote keeps its group.
CREATE TEMP TABLE regrouped_quotes AS
WITH reached AS (  -- the live quotes that are new or changed, and the rest of the former groups of those gone or changed
    SELECT quote_id FROM quote_changes WHERE quote_id IN (SELECT quote_id FROM quotes)
    UNION SELECT quote_id FROM former_groups
    WHERE quote_group_id IN (SELECT previous_group FROM quote_changes WHERE previous_group IS NOT NULL)
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
SELECT quote_id FROM former_groups
WHERE quote_group_id IN (SELECT quote_group_id FROM former_groups WHERE quote_id IN (SELECT quote_id FROM sharing));
