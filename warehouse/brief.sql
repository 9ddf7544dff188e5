-- Queries behind `newsfacts report` (the analyst brief). Each starts with a `-- name:` line.

-- name: totals
SELECT (SELECT count(*) FROM documents WHERE superseded_by IS NULL) AS documents,
       (SELECT count(*) FROM documents WHERE superseded_by IS NULL AND near_duplicate_of IS NOT NULL) AS near_duplicates,
       (SELECT count(DISTINCT coalesce(publisher, doc_id)) FROM documents WHERE superseded_by IS NULL AND near_duplicate_of IS NULL) AS sources,
       (SELECT count(*) FROM event_clusters) AS incidents,
       (SELECT count(*) FROM casualties WHERE review_status <> 'rejected') AS casualty_figures,
       (SELECT count(DISTINCT quote_group_id) FROM quotes) AS statements;

-- name: incidents
SELECT cluster_id, event_type, event_date, event_weekday, location, n_documents, n_publishers,
       killed_low, killed_best, killed_high, injured_low, injured_best, injured_high
FROM event_clusters
ORDER BY coalesce(killed_best, 0) + coalesce(injured_best, 0) > 0 DESC, n_publishers DESC,
         coalesce(killed_best, 0) DESC, event_date NULLS LAST, location
LIMIT ?;

-- name: conflicts
SELECT cluster_id, kind, list_transform(reports, lambda r: r.figure::VARCHAR || ' (' || r.source || ')') AS said
FROM figure_conflicts
WHERE list_contains(?::VARCHAR[], cluster_id)
ORDER BY cluster_id, kind;

-- name: statements
-- each with the wording most documents use (on a tie the fullest)
WITH top AS (
    SELECT quote_group_id, speaker, n_documents, n_wordings FROM quote_variants
    ORDER BY n_documents DESC, n_wordings DESC, speaker LIMIT ?
),
wordings AS (
    SELECT q.quote_group_id, q.text, count(DISTINCT q.doc_id) AS n
    FROM quotes q JOIN top USING (quote_group_id) GROUP BY ALL
)
SELECT t.speaker, t.n_documents, t.n_wordings, first(w.text ORDER BY w.n DESC, length(w.text) DESC, w.text) AS wording
FROM top t JOIN wordings w USING (quote_group_id)
GROUP BY t.speaker, t.n_documents, t.n_wordings, t.quote_group_id
ORDER BY t.n_documents DESC, t.n_wordings DESC, t.speaker;

-- name: per_day
-- the killed and injured per day (the latest days, in order), best figures of the incidents dated to that day
SELECT * FROM (
    SELECT event_date::VARCHAR AS day, count(*) AS incidents, sum(coalesce(killed_best, 0)) AS killed,
           sum(coalesce(injured_best, 0)) AS injured
    FROM event_clusters WHERE event_date IS NOT NULL
    GROUP BY event_date ORDER BY event_date DESC LIMIT ?
) ORDER BY day;

-- name: per_place
-- the places with the most killed and injured, best figures of their incidents
SELECT location AS place, count(*) AS incidents, sum(coalesce(killed_best, 0)) AS killed,
       sum(coalesce(injured_best, 0)) AS injured
FROM event_clusters
GROUP BY location ORDER BY killed + injured DESC, incidents DESC, location LIMIT ?;

-- name: pictured
-- the incidents the brief's map and timeline draw: those of the latest $days days (an undated incident on the
-- day its latest report was published) and those with no day at all, where each is placed, the hardest-hit
-- first when there are more than the map can show
WITH published AS (
    SELECT k.cluster_id, max(d.published_date) AS day
    FROM (SELECT cluster_id, unnest(doc_ids) AS doc_id FROM event_clusters WHERE event_date IS NULL) k
    JOIN documents d USING (doc_id) GROUP BY k.cluster_id
),
days AS (
    SELECT k.*, coalesce(k.event_date, p.day) AS day FROM event_clusters k LEFT JOIN published p USING (cluster_id)
)
SELECT k.cluster_id, k.event_date, k.location, k.killed_best, k.injured_best,
       coalesce(k.killed_figures, 0) > 1 OR coalesce(k.injured_figures, 0) > 1 AS disputed, e.latitude, e.longitude
FROM days k LEFT JOIN place_entities e ON e.canonical_name = k.location
WHERE k.day IS NULL OR k.day > (SELECT max(day) FROM days) - $days::INTEGER
ORDER BY coalesce(k.killed_best, 0) + coalesce(k.injured_best, 0) DESC, k.day, k.cluster_id
LIMIT $most;
