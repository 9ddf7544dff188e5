-- Facts reported by at least two independent sources: incidents, casualty figures and statements. The
-- rows of corroboration for the incidents and figures of events_in_scope and casualties_in_scope and the
-- statements of quotes_in_scope (every one in a build of everything; in a run's build, those whose
-- reports, sources or speakers changed). Reads them, quotes, event_clusters and document_sources.
-- Materialised when the database is built: on 100,000 documents the query behind it takes about a
-- quarter of a second, the table a few milliseconds.
WITH facts AS (
    SELECT 'incident' AS fact_type, e.cluster_id AS fact_key, s.source, e.doc_id
    FROM events_in_scope e JOIN document_sources s USING (doc_id) WHERE e.cluster_id IS NOT NULL
    UNION ALL
    SELECT 'casualty figure', c.cluster_id || '|' || c.kind || '|' || c.count_min, s.source, c.doc_id
    FROM casualties_in_scope c JOIN document_sources s USING (doc_id) WHERE c.cluster_id IS NOT NULL
    UNION ALL
    SELECT 'statement', q.quote_group_id, s.source, q.doc_id
    FROM quotes_in_scope q JOIN document_sources s USING (doc_id)
),
corroborated AS (
    SELECT fact_type, fact_key, count(DISTINCT source)::INTEGER AS n_sources,
           list_sort(list(DISTINCT source)) AS sources, list_sort(list(DISTINCT doc_id)) AS doc_ids
    FROM facts GROUP BY fact_type, fact_key HAVING count(DISTINCT source) >= 2
),
statements AS (
    SELECT q.quote_group_id, first(coalesce(q.speaker, 'unattributed') || ': "' || left(q.text, 80) || '"'
                                   ORDER BY q.speaker NULLS LAST, length(q.text) DESC, q.text) AS fact
    FROM quotes q WHERE q.quote_group_id IN (SELECT fact_key FROM corroborated WHERE fact_type = 'statement')
    GROUP BY q.quote_group_id
)
SELECT c.fact_type, c.fact_key,
       CASE c.fact_type
           WHEN 'incident' THEN k.event_type || ' at ' || k.location
                || coalesce(' on ' || k.event_date::VARCHAR, coalesce(' (' || k.event_weekday || ')', ''))
           WHEN 'casualty figure' THEN split_part(c.fact_key, '|', 3) || ' ' || split_part(c.fact_key, '|', 2)
                || ' at ' || k.location || coalesce(' on ' || k.event_date::VARCHAR, '')
           ELSE st.fact
       END AS fact,
       c.n_sources, c.sources, c.doc_ids
FROM corroborated c
LEFT JOIN event_clusters k ON k.cluster_id = split_part(c.fact_key, '|', 1)
LEFT JOIN statements st ON st.quote_group_id = c.fact_key
ORDER BY c.n_sources DESC, c.fact_type, fact
