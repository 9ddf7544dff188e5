-- One row per incident for the exports (newsfacts/export.py): its place as geocoded, its reports' outlets,
-- dates and headlines, the attacker they name and what they say was hit, its figures and who they are
-- about, and the figures its independent sources disagree on. Reads event_clusters, events, casualties,
-- documents, document_sources, and the views place_entities and
-- figure_conflicts: the facts as corrected (warehouse/corrections.sql), so a person's decisions reach every
-- export. $since: the first day to export.
WITH reports AS (
    SELECT k.cluster_id,
           min(d.published_date) AS first_published,
           list(DISTINCT s.source ORDER BY s.source) FILTER (WHERE NOT s.is_copy) AS sources,
           list({'doc_id': d.doc_id, 'publisher': d.publisher, 'published_date': d.published_date, 'title': d.title,
                 'url': d.url} ORDER BY d.published_date NULLS LAST, d.doc_id) AS documents
    FROM event_clusters k, unnest(k.doc_ids) AS member(doc_id)
    JOIN documents d ON d.doc_id = member.doc_id
    JOIN document_sources s ON s.doc_id = member.doc_id
    GROUP BY k.cluster_id
),
actors AS (
    -- the attacker the incident's reports name most often (a country, as the event extractor names it)
    SELECT cluster_id, first(actor ORDER BY n DESC, actor) AS actor
    FROM (SELECT cluster_id, actor, count(*) AS n FROM events WHERE cluster_id IS NOT NULL AND actor IS NOT NULL GROUP BY ALL)
    GROUP BY cluster_id
),
victims AS (
    -- who the figures the incident counts are about (casualties.victims), all of them and those of the killed
    SELECT cluster_id, list(DISTINCT victims ORDER BY victims) FILTER (WHERE victims IS NOT NULL) AS victims,
           list(DISTINCT coalesce(victims, 'unknown') ORDER BY coalesce(victims, 'unknown')) FILTER (WHERE kind = 'killed') AS killed_victims
    FROM casualties WHERE cluster_id IS NOT NULL AND kind IN ('killed', 'injured') GROUP BY cluster_id
),
targets AS (
    -- what its reports say was hit (events.targets)
    SELECT cluster_id, list(DISTINCT target ORDER BY target) AS targets
    FROM events, unnest(targets) AS hit(target) WHERE cluster_id IS NOT NULL GROUP BY cluster_id
),
disputes AS (
    SELECT cluster_id,
           list({'kind': kind, 'reports': reports} ORDER BY kind) AS disputes
    FROM figure_conflicts GROUP BY cluster_id
)
SELECT k.cluster_id, k.event_type, k.event_date, k.event_weekday,
       coalesce(k.event_date, r.first_published) AS export_date, k.event_date IS NOT NULL AS date_stated,
       k.location, e.latitude, e.longitude, e.country_code, e.geocode_basis,
       k.n_documents, k.n_publishers, k.n_reports,
       k.killed_low, k.killed_best, k.killed_high, k.injured_low, k.injured_best, k.injured_high,
       a.actor, coalesce(v.victims, []) AS victims, coalesce(v.killed_victims, []) AS killed_victims,
       coalesce(t.targets, []) AS targets, r.sources, r.documents, coalesce(x.disputes, []) AS disputes
FROM event_clusters k
JOIN reports r USING (cluster_id)
LEFT JOIN place_entities e ON e.canonical_name = k.location
LEFT JOIN actors a USING (cluster_id)
LEFT JOIN victims v USING (cluster_id)
LEFT JOIN targets t USING (cluster_id)
LEFT JOIN disputes x USING (cluster_id)
WHERE $since::DATE IS NULL OR coalesce(k.event_date, r.first_published) >= $since::DATE
ORDER BY export_date NULLS LAST, k.location, k.cluster_id;
