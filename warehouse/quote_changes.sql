-- The quotes whose statement groups a build must work out again. Reads quotes (their speakers merged by
-- entity_ids.sql) and new_wordings (the wording of each quote the previous build had not worded, which
-- newsfacts/consolidate/build.py registers), and from `previous` (the database this build replaces, built
-- by the same code) its quotes, with their groups, and quote_wordings; writes quote_wordings and the
-- temporary table regrouped_quotes.
--
-- Whether two quotes are one statement depends on those two quotes only: their wordings (the same, or one
-- of a speaker's, or opening with the same words, and close enough) and their speakers
-- (newsfacts/consolidate/quote_groups.py). So a group can only change where a quote is new, gone, or
-- changed (its speaker is now another entity). Those quotes, every quote that shares a wording, a speaker or
-- opening words with one of them, and the whole former group of each, are grouped again; no link leads
-- out of that set, and every other quote keeps its group.

CREATE TEMP TABLE quote_changes AS
SELECT coalesce(n.quote_id, o.quote_id) AS quote_id, o.quote_group_id AS previous_group
FROM quotes n FULL OUTER JOIN previous.quotes o USING (quote_id)
WHERE n.quote_id IS NULL OR o.quote_id IS NULL
   OR n.text IS DISTINCT FROM o.text OR n.speaker_entity_id IS DISTINCT FROM o.speaker_entity_id;

-- A quote's wording is its words in lower case, without punctuation, and its opening the first three
-- words (the previous build's for a quote it had).
CREATE TABLE quote_wordings AS
SELECT quote_id, wording, opening FROM (
    SELECT quote_id, wording, opening FROM previous.quote_wordings WHERE quote_id IN (SELECT quote_id FROM quotes)
    UNION ALL SELECT quote_id, wording, opening FROM new_wordings
) ORDER BY quote_id;

CREATE TEMP TABLE quote_keys AS
SELECT q.quote_id, q.speaker_entity_id, w.wording, w.opening
FROM quotes q JOIN quote_wordings w USING (quote_id);

-- The quotes that are new or changed, and the rest of the former groups of those gone or changed.
CREATE TEMP TABLE changed_quotes AS
SELECT quote_id FROM quote_keys WHERE quote_id IN (SELECT quote_id FROM quote_changes)
UNION
SELECT p.quote_id FROM previous.quotes p JOIN quote_keys USING (quote_id)
WHERE p.quote_group_id IN (SELECT previous_group FROM quote_changes WHERE previous_group IS NOT NULL);

CREATE TEMP TABLE regrouped_quotes AS
WITH touched AS (
    SELECT k.* FROM quote_keys k JOIN changed_quotes USING (quote_id)
),
sharing AS (
    SELECT quote_id FROM quote_keys WHERE wording IN (SELECT wording FROM touched)
    UNION SELECT quote_id FROM quote_keys WHERE speaker_entity_id IN (SELECT speaker_entity_id FROM touched)
    UNION SELECT quote_id FROM quote_keys WHERE opening IN (SELECT opening FROM touched)
    UNION SELECT quote_id FROM changed_quotes
)
SELECT quote_id FROM sharing
UNION
SELECT p.quote_id FROM previous.quotes p JOIN quote_keys USING (quote_id)
WHERE p.quote_group_id IN (SELECT o.quote_group_id FROM previous.quotes o JOIN sharing USING (quote_id));
