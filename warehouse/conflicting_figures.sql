-- The figures of incidents whose independent sources disagree: the rows of conflicting_figures for the
-- incidents of casualties_in_scope (every incident in a build of everything; in a run's build, those whose
-- figures or sources changed, as event_clusters.sql). Reads casualties_in_scope, document_sources, event_clusters
-- and documents.
--
-- One row per killed or injured figure of an incident and kind whose independent sources state more than one
-- figure (event_clusters' killed_figures or injured_figures > 1), with the source that stated it and its
-- evidence: the figure_conflicts view reads these few rows instead of the figures of every incident.

WITH figures AS (
    SELECT c.cluster_id, c.kind, c.fact_id, c.doc_id, c.count_min, s.source, c.start_char, c.end_char
    FROM casualties_in_scope c JOIN document_sources s USING (doc_id)
    WHERE c.cluster_id IS NOT NULL AND c.kind IN ('killed', 'injured') AND NOT s.is_copy
),
-- (a conflict as event_clusters.sql counts it, whose rows for these incidents the build has written)
conflicted AS (
    SELECT cluster_id, 'killed' AS kind FROM event_clusters WHERE killed_figures > 1
    UNION ALL
    SELECT cluster_id, 'injured' FROM event_clusters WHERE injured_figures > 1
)
SELECT f.cluster_id, f.kind, f.fact_id, f.doc_id, f.count_min, f.source, f.start_char,
       substr(d.text, f.start_char + 1, f.end_char - f.start_char) AS evidence
FROM figures f
SEMI JOIN conflicted USING (cluster_id, kind)
JOIN documents d ON d.doc_id = f.doc_id
ORDER BY f.cluster_id, f.kind, f.fact_id
