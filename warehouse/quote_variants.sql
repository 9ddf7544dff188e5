-- Each statement quoted in more than one document or wording, the wordings side by side: the rows of
-- quote_variants for the groups of quotes_in_scope (every group in a build of everything; in a run's
-- build, the groups it changed and those whose speaker's name changed). Reads quotes_in_scope (grouped)
-- and documents.

-- Materialised like corroboration: building every group's list of wordings takes about a second on
-- 300,000 quotes.
-- The distinct documents and wordings are counted from distinct pairs, not with count(DISTINCT ...): DuckDB
-- keeps a distinct count's sets in memory, while a DISTINCT can be written out when memory runs short.
WITH documents_quoted AS (
    SELECT quote_group_id, count(doc_id)::INTEGER AS n_documents FROM (SELECT DISTINCT quote_group_id, doc_id FROM quotes_in_scope)
    GROUP BY quote_group_id
),
wordings AS (
    SELECT quote_group_id, count(text)::INTEGER AS n_wordings FROM (SELECT DISTINCT quote_group_id, text FROM quotes_in_scope)
    GROUP BY quote_group_id
),
groups AS (
    SELECT quote_group_id, n_documents, n_wordings FROM documents_quoted JOIN wordings USING (quote_group_id)
    WHERE n_wordings > 1 OR n_documents > 1
)
SELECT g.quote_group_id,
       first(q.speaker ORDER BY q.speaker NULLS LAST) AS speaker,
       g.n_documents, g.n_wordings,
       list({'doc_id': q.doc_id, 'publisher': d.publisher, 'speaker': q.speaker, 'text': q.text} ORDER BY q.doc_id, q.start_char) AS wordings
FROM groups g JOIN quotes_in_scope q USING (quote_group_id) JOIN documents d USING (doc_id)
GROUP BY g.quote_group_id, g.n_documents, g.n_wordings
ORDER BY g.n_documents DESC, speaker
