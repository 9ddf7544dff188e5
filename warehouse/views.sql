-- Views for analysts, rebuilt with the database. Each is documented, with its output on the seeds,
-- in the README. `document_sources` (incidents.sql) is a temporary table: the views below spell
-- their source out again so that they work in any later session.

-- Each casualty figure with its document, outlet, incident and the sentence that states it.
CREATE VIEW casualty_reports AS
SELECT c.fact_id, f.cluster_id, c.doc_id, d.publisher, d.published_date, d.title,
       c.kind, c.count_min, c.count_max, c.precision, c.victims, c.part_of, c.location, c.period,
       c.reported_by, coalesce(c.reported_by, c.reported_by_description) AS source_of_figure, c.event_date,
       substr(d.text, c.start_char + 1, c.end_char - c.start_char) AS evidence,
       trim(substr(d.text, c.sentence_start + 1, c.sentence_end - c.sentence_start)) AS sentence,
       d.near_duplicate_of IS NOT NULL AS from_near_duplicate,
       c.start_char, c.end_char, c.pipeline_version
FROM casualties c
JOIN documents d USING (doc_id)
LEFT JOIN incident_figures f USING (fact_id);

-- The same incident and kind with figures that disagree, and which source said which. A source is the
-- outlet, or the document when its outlet is unknown; near-duplicate copies are left out.
CREATE VIEW figure_conflicts AS
WITH figures AS (
    SELECT r.cluster_id, r.kind, r.count_min, r.count_max,
           coalesce(r.publisher, 'document ' || r.doc_id) AS source, r.doc_id, r.evidence
    FROM casualty_reports r
    WHERE r.cluster_id IS NOT NULL AND NOT r.from_near_duplicate AND r.kind IN ('killed', 'injured')
)
SELECT k.cluster_id, k.location, k.event_date, f.kind,
       count(DISTINCT f.count_min)::INTEGER AS n_figures,
       min(f.count_min) AS lowest, max(coalesce(f.count_max, f.count_min)) AS highest,
       list({'figure': f.count_min, 'source': f.source, 'doc_id': f.doc_id, 'evidence': f.evidence}
            ORDER BY f.count_min, f.source) AS reports
FROM figures f JOIN event_clusters k USING (cluster_id)
GROUP BY k.cluster_id, k.location, k.event_date, f.kind
HAVING count(DISTINCT f.count_min) > 1;

-- Facts reported by at least two independent sources: incidents, casualty figures and statements.
CREATE VIEW corroboration AS
WITH sources AS (
    SELECT d.doc_id, coalesce(d.publisher, o.publisher, 'document ' || coalesce(d.near_duplicate_of, d.doc_id)) AS source
    FROM documents d LEFT JOIN documents o ON o.doc_id = d.near_duplicate_of
    WHERE d.superseded_by IS NULL
),
facts AS (
    SELECT 'incident' AS fact_type, e.cluster_id AS fact_key,
           k.event_type || ' at ' || k.location || coalesce(' on ' || k.event_date::VARCHAR, coalesce(' (' || k.event_weekday || ')', '')) AS fact,
           s.source, e.doc_id
    FROM events e JOIN event_clusters k USING (cluster_id) JOIN sources s USING (doc_id)
    UNION ALL
    SELECT 'casualty figure', r.cluster_id || '|' || r.kind || '|' || r.count_min,
           r.count_min || ' ' || r.kind || ' at ' || k.location || coalesce(' on ' || k.event_date::VARCHAR, ''),
           s.source, r.doc_id
    FROM casualty_reports r JOIN event_clusters k USING (cluster_id) JOIN sources s USING (doc_id)
    UNION ALL
    SELECT 'statement', q.quote_group_id,
           coalesce(q.speaker, 'unattributed') || ': "' || left(q.text, 80) || '"',
           s.source, q.doc_id
    FROM quotes q JOIN sources s USING (doc_id)
)
SELECT fact_type, fact_key, first(fact ORDER BY length(fact) DESC, fact) AS fact,
       count(DISTINCT source)::INTEGER AS n_sources,
       list_sort(list(DISTINCT source)) AS sources,
       list_sort(list(DISTINCT doc_id)) AS doc_ids
FROM facts
GROUP BY fact_type, fact_key
HAVING count(DISTINCT source) >= 2
ORDER BY n_sources DESC, fact_type, fact;

-- Each statement quoted in more than one wording, the wordings side by side.
CREATE VIEW quote_variants AS
SELECT q.quote_group_id,
       first(q.speaker ORDER BY q.speaker NULLS LAST) AS speaker,
       count(DISTINCT q.doc_id)::INTEGER AS n_documents,
       count(DISTINCT q.text)::INTEGER AS n_wordings,
       list({'doc_id': q.doc_id, 'publisher': d.publisher, 'speaker': q.speaker, 'text': q.text} ORDER BY q.doc_id, q.start_char) AS wordings
FROM quotes q JOIN documents d USING (doc_id)
GROUP BY q.quote_group_id
HAVING count(DISTINCT q.text) > 1 OR count(DISTINCT q.doc_id) > 1
ORDER BY n_documents DESC, speaker;

-- Each entity with every spelling seen and how often each was written.
CREATE VIEW entity_aliases AS
WITH spellings AS (
    SELECT entity_id, surface, count(*)::INTEGER AS n_mentions, count(DISTINCT doc_id)::INTEGER AS n_documents
    FROM mentions GROUP BY ALL
)
SELECT e.entity_id, e.canonical_name, e.entity_type, e.country_code,
       count(*)::INTEGER AS n_spellings,
       sum(s.n_mentions)::INTEGER AS n_mentions,
       max(e.n_documents) AS n_documents,
       list({'surface': s.surface, 'mentions': s.n_mentions, 'documents': s.n_documents}
            ORDER BY s.n_mentions DESC, s.surface) AS spellings
FROM entities e JOIN spellings s USING (entity_id)
GROUP BY e.entity_id, e.canonical_name, e.entity_type, e.country_code
ORDER BY n_mentions DESC, e.canonical_name;

-- Incidents per day and place. Incidents whose day no report resolves come last, with the weekday
-- their reports name, if any.
CREATE VIEW timeline AS
SELECT event_date, event_weekday, location,
       count(*)::INTEGER AS n_incidents,
       list_sort(list(DISTINCT event_type)) AS event_types,
       sum(killed_best)::INTEGER AS killed_best, sum(injured_best)::INTEGER AS injured_best,
       max(n_publishers) AS max_sources,
       list(cluster_id ORDER BY cluster_id) AS cluster_ids
FROM event_clusters
GROUP BY event_date, event_weekday, location
ORDER BY event_date NULLS LAST, location, event_weekday;
