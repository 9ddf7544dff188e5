-- Queries behind the review page (`newsfacts review`, newsfacts/review/). Each starts with a `-- name:` line;
-- parameters are named ($cluster, $place, ...). They read the facts as corrected, with review_status.

-- name: incidents
-- The incidents the filters keep (place, day range, type, outlet; NULL keeps all), where each is placed, one
-- page of them ($limit from $offset), with how many the filters keep in all.
WITH kept AS (
    SELECT k.cluster_id, k.event_type, k.event_date, k.event_weekday, k.location, k.n_documents, k.n_publishers,
           k.killed_low, k.killed_best, k.killed_high, k.injured_low, k.injured_best, k.injured_high,
           coalesce(k.killed_figures, 0) > 1 OR coalesce(k.injured_figures, 0) > 1 AS disputed
    FROM event_clusters k
    WHERE ($place IS NULL OR k.location ILIKE '%' || $place || '%')
      AND ($since IS NULL OR k.event_date >= $since::DATE)
      AND ($until IS NULL OR k.event_date <= $until::DATE)
      AND ($type IS NULL OR k.event_type = $type)
      AND ($outlet IS NULL OR EXISTS (SELECT 1 FROM documents d WHERE list_contains(k.doc_ids, d.doc_id)
                                      AND d.publisher ILIKE '%' || $outlet || '%'))
)
SELECT k.*, e.latitude, e.longitude, count(*) OVER () AS n_kept
FROM kept k LEFT JOIN place_entities e ON e.canonical_name = k.location
ORDER BY k.event_date NULLS LAST, k.location, k.cluster_id
LIMIT $limit OFFSET $offset;

-- name: event_types
SELECT DISTINCT event_type FROM event_clusters WHERE event_type IS NOT NULL ORDER BY 1;

-- name: incident
SELECT * FROM event_clusters WHERE cluster_id = $cluster;

-- name: figures
-- Every casualty figure of the incident's articles: those it counts first. The sentence that states each,
-- and where its evidence lies in that sentence.
SELECT c.fact_id, c.doc_id, c.kind, c.count_min, c.count_max, c.precision, c.victims, c.location, c.period,
       c.event_date, coalesce(c.reported_by, c.reported_by_description) AS reported_by, c.review_status,
       coalesce(c.cluster_id = $cluster, false) AS counted, s.source, d.publisher, d.title,
       substr(d.text, coalesce(c.sentence_start, c.start_char) + 1,
              coalesce(c.sentence_end, c.end_char) - coalesce(c.sentence_start, c.start_char)) AS sentence,
       c.start_char - coalesce(c.sentence_start, c.start_char) AS mark_start,
       c.end_char - coalesce(c.sentence_start, c.start_char) AS mark_end,
       c.start_char, c.end_char
FROM casualties c JOIN documents d USING (doc_id) JOIN document_sources s USING (doc_id)
WHERE list_contains((SELECT doc_ids FROM event_clusters WHERE cluster_id = $cluster), c.doc_id)
ORDER BY counted DESC, c.kind, c.count_min DESC, c.fact_id;

-- name: reports
-- The incident's reports: each event and the words that report it.
SELECT e.event_id, e.doc_id, e.event_type, e.location, e.event_date, e.review_status, e.start_char, e.end_char,
       d.publisher, d.title, substr(d.text, e.start_char + 1, e.end_char - e.start_char) AS evidence
FROM events e JOIN documents d USING (doc_id)
WHERE e.cluster_id = $cluster
ORDER BY e.doc_id, e.start_char;

-- name: report_incident
-- The incident a report is in now (after a person moved it).
SELECT cluster_id FROM events WHERE event_id = $event;

-- name: quotes
SELECT q.quote_id, q.doc_id, q.speaker, q.speaker_description, q.text, q.review_status, q.start_char, q.end_char,
       d.publisher, d.title
FROM quotes q JOIN documents d USING (doc_id)
WHERE list_contains((SELECT doc_ids FROM event_clusters WHERE cluster_id = $cluster), q.doc_id)
ORDER BY q.doc_id, q.start_char;

-- name: merges
-- The merges of people the incident's articles name: the machine's (same surname, one letter apart) and people's.
SELECT m.* FROM entity_merges m
WHERE EXISTS (SELECT 1 FROM mentions x WHERE (x.entity_id = m.from_id OR x.entity_id = m.into_id)
              AND list_contains((SELECT doc_ids FROM event_clusters WHERE cluster_id = $cluster), x.doc_id))
ORDER BY m.into_name, m.from_name;

-- name: history
-- Every correction of a fact of the incident's articles, and of an entity they name, oldest first.
SELECT h.* FROM correction_history h
WHERE list_contains((SELECT doc_ids FROM event_clusters WHERE cluster_id = $cluster), h.doc_id)
   OR (h.target = 'entity' AND h.fact_id IN (
        SELECT x.entity_id FROM mentions x
        WHERE list_contains((SELECT doc_ids FROM event_clusters WHERE cluster_id = $cluster), x.doc_id)
        UNION SELECT from_id FROM entity_merges
        WHERE into_id IN (SELECT entity_id FROM mentions
                          WHERE list_contains((SELECT doc_ids FROM event_clusters WHERE cluster_id = $cluster), doc_id))))
ORDER BY h.corrected_at, h.correction_id;

-- name: document
SELECT doc_id, title, publisher, published_date, url, source_path, text FROM documents WHERE doc_id = $doc;
