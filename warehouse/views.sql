-- Views for analysts, created when the database is published; each is documented, with its output on
-- the seeds, in docs/data-dictionary.md. Reads the fact tables, event_clusters, document_sources and the
-- tables of corrections.sql. A source is the outlet, or the document when its outlet is unknown, and a
-- near-duplicate copy is the source it copies (document_sources.sql). The views aggregate on narrow columns first and fetch texts
-- only for the rows they return.

-- Each casualty figure with its document, outlet, incident and the sentence that states it.
CREATE OR REPLACE VIEW casualty_reports AS
SELECT c.fact_id, c.cluster_id, c.doc_id, d.publisher, s.source, d.published_date, d.title,
       c.kind, c.count_min, c.count_max, c.precision, c.victims, c.part_of, c.location, c.period,
       c.reported_by, coalesce(c.reported_by, c.reported_by_description) AS source_of_figure, c.event_date,
       substr(d.text, c.start_char + 1, c.end_char - c.start_char) AS evidence,
       trim(substr(d.text, c.sentence_start + 1, c.sentence_end - c.sentence_start)) AS sentence,
       s.is_copy AS from_near_duplicate, c.review_status,
       c.start_char, c.end_char, c.pipeline_version
FROM casualties c
JOIN documents d USING (doc_id)
JOIN document_sources s USING (doc_id);

-- The same incident and kind with figures that disagree, and which source said which (copies left out).
-- The build writes those figures to conflicting_figures (conflicting_figures.sql), so only they are read here.
CREATE OR REPLACE VIEW figure_conflicts AS
SELECT k.cluster_id, k.location, k.event_date, f.kind,
       CASE f.kind WHEN 'killed' THEN k.killed_figures ELSE k.injured_figures END AS n_figures,
       CASE f.kind WHEN 'killed' THEN k.killed_low ELSE k.injured_low END AS lowest,
       CASE f.kind WHEN 'killed' THEN k.killed_high ELSE k.injured_high END AS highest,
       list({'figure': f.count_min, 'source': f.source, 'doc_id': f.doc_id, 'evidence': f.evidence}
            ORDER BY f.count_min, f.source, f.doc_id, f.start_char) AS reports
FROM conflicting_figures f
JOIN event_clusters k USING (cluster_id)
GROUP BY k.cluster_id, k.location, k.event_date, f.kind, n_figures, lowest, highest;

-- Each entity with every spelling seen and how often each was written.
CREATE OR REPLACE VIEW entity_aliases AS
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
CREATE OR REPLACE VIEW timeline AS
SELECT event_date, event_weekday, location,
       count(*)::INTEGER AS n_incidents,
       list_sort(list(DISTINCT event_type)) AS event_types,
       sum(killed_best)::INTEGER AS killed_best, sum(injured_best)::INTEGER AS injured_best,
       max(n_publishers) AS max_sources,
       list(cluster_id ORDER BY cluster_id) AS cluster_ids
FROM event_clusters
GROUP BY event_date, event_weekday, location
ORDER BY event_date NULLS LAST, location, event_weekday;

-- Each place name's entity, where an incident's place (a canonical name) lies: of two places of one name,
-- the one named in most documents, then by id, so that every reader agrees (the exports, the review page).
CREATE OR REPLACE VIEW place_entities AS
SELECT * FROM entities WHERE entity_type = 'location'
QUALIFY row_number() OVER (PARTITION BY canonical_name ORDER BY n_documents DESC, entity_id) = 1;

-- The facts as the pipeline extracted them, before any person's correction (corrections.sql keeps the
-- machine's rows of the facts it changed); the incident is the one the fact counts for now.
CREATE OR REPLACE VIEW casualties_machine AS
SELECT * EXCLUDE (review_status) FROM casualties WHERE fact_id NOT IN (SELECT fact_id FROM casualty_machine_rows)
UNION ALL BY NAME
SELECT m.* EXCLUDE (review_status), c.cluster_id
FROM casualty_machine_rows m JOIN casualties c USING (fact_id);

CREATE OR REPLACE VIEW quotes_machine AS
SELECT * EXCLUDE (review_status) FROM quotes WHERE quote_id NOT IN (SELECT quote_id FROM quote_machine_rows)
UNION ALL BY NAME
SELECT m.* EXCLUDE (review_status), q.quote_group_id
FROM quote_machine_rows m JOIN quotes q USING (quote_id);

-- Each report with the incident the machine gave it, before a person moved or rejected it.
CREATE OR REPLACE VIEW events_machine AS
SELECT e.* EXCLUDE (review_status, cluster_id), coalesce(m.cluster_id, e.cluster_id) AS cluster_id
FROM events e LEFT JOIN event_machine_incidents m USING (event_id);

-- Every correction with what it decided and where it stands: applied to a fact (which, and whether
-- the fact was found by its span because its id changed), withdrawn, or reaching no fact any more.
CREATE OR REPLACE VIEW correction_history AS
SELECT c.correction_id, c.corrected_at, c.corrected_by, c.target, c.fact_id, c.action, c.field, c.machine_value,
       c.value, c.reason, c.withdraws,
       CASE WHEN c.action = 'withdraw' THEN 'withdrawal'
            WHEN c.correction_id IN (SELECT withdraws FROM corrections WHERE action = 'withdraw') THEN 'withdrawn'
            WHEN a.correction_id IS NOT NULL THEN 'applied'
            ELSE 'unattached' END AS state,
       a.fact_id AS applied_to, a.moved AS found_by_span,
       c.doc_id, c.start_char, c.end_char
FROM corrections c LEFT JOIN corrections_applied a USING (correction_id)
ORDER BY c.corrected_at, c.correction_id;
