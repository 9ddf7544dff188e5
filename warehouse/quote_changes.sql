-- Quote groups in a build that replaces a database built by the same code (attached as `previous`): what
-- changed since it, for regrouped_quotes.sql. Reads quotes (their speakers merged by entity_ids.sql) and
-- new_wordings (the wording of each quote the previous build had not worded, which
-- newsfacts/consolidate/build.py registers), and from `previous` its quotes, with their groups, and
-- quote_wordings; writes quote_wordings, the temporary table quote_changes and the view former_groups.

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

CREATE OR REPLACE TEMP VIEW former_groups AS
SELECT quote_id, quote_group_id FROM previous.quotes
WHERE quote_group_id IS NOT NULL AND quote_id IN (SELECT quote_id FROM quotes);
