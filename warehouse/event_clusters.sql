-- Incident clusters: the rows of event_clusters for the incidents of events_in_scope and
-- casualties_in_scope (every incident in a build of everything; in a run's build, those whose reports,
-- figures or sources changed). Reads them (their cluster ids set by newsfacts/consolidate/incidents.py)
-- and document_sources.
--
-- Per incident and kind (killed, injured), over the figures of its independent sources:
--   low  = the lowest figure stated (count_min), as ACLED codes fatalities when reports conflict;
--   high = the highest figure stated (count_max, or count_min when open-ended);
--   best = the figure stated by the most independent sources; on a tie, the higher one (a later
--          count usually includes the victims an earlier one had not yet found);
--   killed_figures, injured_figures = how many different figures (count_min) they state: more than
--          one is a conflict, which the figure_conflicts view lists without reading every figure.

WITH votes AS (
    SELECT cluster_id, 'type' AS field, event_type AS value, count(*) AS n FROM events_in_scope WHERE cluster_id IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT cluster_id, 'date', event_date::VARCHAR, count(*) FROM events_in_scope
    WHERE cluster_id IS NOT NULL AND event_date_precision = 'day' GROUP BY ALL
    UNION ALL
    SELECT cluster_id, 'weekday', event_weekday, count(*) FROM events_in_scope
    WHERE cluster_id IS NOT NULL AND event_weekday IS NOT NULL GROUP BY ALL
    UNION ALL
    SELECT cluster_id, 'place', location, count(*) FROM events_in_scope WHERE cluster_id IS NOT NULL GROUP BY ALL
),
-- the type, day, weekday and place most reports give; on ties the shortest (a city before its
-- region), then alphabetical, so every build agrees
choices AS (
    SELECT cluster_id,
           first(value ORDER BY n DESC, length(value), value) FILTER (WHERE field = 'type') AS event_type,
           first(value ORDER BY n DESC, length(value), value) FILTER (WHERE field = 'date') AS event_date,
           first(value ORDER BY n DESC, length(value), value) FILTER (WHERE field = 'weekday') AS event_weekday,
           first(value ORDER BY n DESC, length(value), value) FILTER (WHERE field = 'place') AS location
    FROM votes GROUP BY cluster_id
),
members AS (
    SELECT e.cluster_id, c.event_type, c.event_date::DATE AS event_date, c.event_weekday, c.location,
           list_sort(list(DISTINCT e.doc_id)) AS doc_ids,
           count(DISTINCT s.source)::INTEGER AS n_publishers,
           count(*)::INTEGER AS n_reports
    FROM events_in_scope e JOIN document_sources s USING (doc_id) JOIN choices c USING (cluster_id)
    GROUP BY ALL
),
figures AS (
    SELECT c.cluster_id, c.kind, s.source, c.count_min, coalesce(c.count_max, c.count_min) AS count_high
    FROM casualties_in_scope c JOIN document_sources s USING (doc_id)
    WHERE c.cluster_id IS NOT NULL AND c.kind IN ('killed', 'injured') AND NOT s.is_copy
),
agreement AS (
    SELECT cluster_id, kind, count_min, count(DISTINCT source) AS n_sources FROM figures GROUP BY ALL
),
summary AS (
    SELECT f.cluster_id, f.kind, min(f.count_min) AS low, max(f.count_high) AS high,
           count(DISTINCT f.count_min) AS n_figures,
           (SELECT first(a.count_min ORDER BY a.n_sources DESC, a.count_min DESC) FROM agreement a
            WHERE a.cluster_id = f.cluster_id AND a.kind = f.kind) AS best
    FROM figures f GROUP BY f.cluster_id, f.kind
)
SELECT
    m.cluster_id, m.event_type, m.event_date, m.location,
    len(m.doc_ids)::INTEGER AS n_documents,
    m.n_publishers,
    m.doc_ids,
    k.low::INTEGER AS killed_low, k.best::INTEGER AS killed_best, k.high::INTEGER AS killed_high,
    i.low::INTEGER AS injured_low, i.best::INTEGER AS injured_best, i.high::INTEGER AS injured_high,
    m.event_weekday,
    m.n_reports,
    k.n_figures::INTEGER AS killed_figures, i.n_figures::INTEGER AS injured_figures
FROM members m
LEFT JOIN summary k ON k.cluster_id = m.cluster_id AND k.kind = 'killed'
LEFT JOIN summary i ON i.cluster_id = m.cluster_id AND i.kind = 'injured'
ORDER BY m.event_date NULLS LAST, m.location, m.cluster_id
