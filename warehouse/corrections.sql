-- A person's decisions on facts (newsfacts correct, the review page), applied on every build after the
-- entity files (entity_merges.sql to entity_names.sql, which apply the decisions on entities) and before
-- quotes are grouped and incidents clustered, so that those follow the corrected facts. A run's build first
-- puts the facts decided on back as the machine made them (machine_values.sql), so the decisions apply to
-- what the machine says now. Reads live_corrections, casualties, quotes, events, entities, entity_merges and
-- entity_splits; sets the corrected fields and review_status of casualties, quotes and events; writes
-- casualty_machine_rows and quote_machine_rows (the machine's rows of the facts a person decided on, for
-- the *_machine views), corrections_applied (each live correction and the fact it reached),
-- corrections_unattached (those that reach no fact) and event_decisions.
--
-- Rejecting a casualty figure says it is no figure: it stays in casualties, marked, and counts for no
-- incident. Rejecting a quote says its speaker is wrong: the quote stays, with no speaker until one is set.
-- Rejecting an event says it reports no attack: it stays in events, marked, and belongs to no incident.
-- Setting an event's incident moves the report into the incident of another report (the value is that
-- report's event_id), or, set to no value, into an incident of its own (newsfacts/consolidate/incidents.py
-- applies both after clustering: event_decisions).
--
-- A correction is anchored to its fact's id, document and span. New rules may give a fact another id (its
-- span moved), so a correction whose id is gone takes the fact of the same kind of table in its document
-- whose span overlaps its own most, then the nearest. A correction whose document is gone (its file changed)
-- or has no such fact any more reaches none: it is listed in corrections_unattached, never dropped.

-- live_corrections (entity_merges.sql): the corrections not withdrawn, in the order they were made.

-- The facts of the documents the corrections name, each with its row (DuckDB's rowid), so that the
-- statements below read and write those rows alone rather than scan the fact tables again (each scan
-- takes a tenth of a second or more at a million documents; this file changes no row's place).
CREATE TEMP TABLE decided_documents_facts AS
SELECT 'casualty' AS target, fact_id, doc_id, start_char, end_char, rowid AS row FROM casualties
WHERE doc_id IN (SELECT doc_id FROM live_corrections WHERE target = 'casualty')
UNION ALL
SELECT 'quote', quote_id, doc_id, start_char, end_char, rowid FROM quotes
WHERE doc_id IN (SELECT doc_id FROM live_corrections WHERE target = 'quote')
UNION ALL
SELECT 'event', event_id, doc_id, start_char, end_char, rowid FROM events
WHERE doc_id IN (SELECT doc_id FROM live_corrections WHERE target = 'event');

CREATE OR REPLACE TABLE corrections_applied AS
WITH candidates AS (
    SELECT c.correction_id, c.target, f.fact_id, f.fact_id = c.fact_id AS same_id,
           least(f.end_char, c.end_char) - greatest(f.start_char, c.start_char) AS overlap,
           abs(f.start_char - c.start_char) AS distance
    FROM live_corrections c JOIN decided_documents_facts f ON f.target = c.target AND f.doc_id = c.doc_id
    WHERE f.fact_id = c.fact_id OR (f.start_char < c.end_char AND c.start_char < f.end_char)
)
SELECT correction_id, target, fact_id, NOT same_id AS moved FROM candidates
QUALIFY row_number() OVER (PARTITION BY correction_id ORDER BY same_id DESC, overlap DESC, distance, fact_id) = 1;

-- A report moved into the incident of another reaches nothing once that other report is gone.
DELETE FROM corrections_applied
WHERE correction_id IN (SELECT correction_id FROM live_corrections
                        WHERE target = 'event' AND field = 'incident' AND value IS NOT NULL
                          AND value NOT IN (SELECT event_id FROM events));

-- An entity's correction reaches the entity of its id, or the merge of it; a split, the document it names
-- if that document names the entity (entity_merges.sql and entity_ids.sql apply them).
INSERT INTO corrections_applied
SELECT c.correction_id, c.target, c.fact_id, false FROM live_corrections c
WHERE c.target = 'entity' AND c.field IS DISTINCT FROM 'split_document'
  AND (c.fact_id IN (SELECT entity_id FROM entities) OR c.fact_id IN (SELECT from_id FROM entity_merges))
UNION ALL
SELECT correction_id, 'entity', entity_id, false FROM entity_splits;

CREATE OR REPLACE TABLE corrections_unattached AS
SELECT c.* EXCLUDE (sequence) FROM live_corrections c
WHERE correction_id NOT IN (SELECT correction_id FROM corrections_applied)
ORDER BY corrected_at, correction_id;

-- Per fact: the latest value set for each field (has_<field>: whether one was), and its review status. The
-- latest verdict decides between confirmed and rejected; a value set after a rejection makes the fact a
-- corrected one again.
CREATE TEMP TABLE fact_decisions AS
SELECT a.target, a.fact_id,
       CASE WHEN max(c.sequence) FILTER (WHERE c.action = 'reject')
                 > coalesce(max(c.sequence) FILTER (WHERE c.action IN ('confirm', 'set')), 0) THEN 'rejected'
            WHEN count(*) FILTER (WHERE c.action = 'set') > 0 THEN 'corrected'
            ELSE 'confirmed' END AS review_status,
       bool_or(c.field = 'kind') AS has_kind, max_by(c.value, c.sequence) FILTER (WHERE c.field = 'kind') AS kind,
       bool_or(c.field = 'count_min') AS has_count_min, max_by(c.value, c.sequence) FILTER (WHERE c.field = 'count_min') AS count_min,
       bool_or(c.field = 'count_max') AS has_count_max, max_by(c.value, c.sequence) FILTER (WHERE c.field = 'count_max') AS count_max,
       bool_or(c.field = 'precision') AS has_precision, max_by(c.value, c.sequence) FILTER (WHERE c.field = 'precision') AS precision,
       bool_or(c.field = 'victims') AS has_victims, max_by(c.value, c.sequence) FILTER (WHERE c.field = 'victims') AS victims,
       bool_or(c.field = 'location') AS has_location, max_by(c.value, c.sequence) FILTER (WHERE c.field = 'location') AS location,
       bool_or(c.field = 'period') AS has_period, max_by(c.value, c.sequence) FILTER (WHERE c.field = 'period') AS period,
       bool_or(c.field = 'event_date') AS has_event_date, max_by(c.value, c.sequence) FILTER (WHERE c.field = 'event_date') AS event_date,
       bool_or(c.field = 'reported_by') AS has_reported_by, max_by(c.value, c.sequence) FILTER (WHERE c.field = 'reported_by') AS reported_by,
       bool_or(c.field = 'speaker') AS has_speaker, max_by(c.value, c.sequence) FILTER (WHERE c.field = 'speaker') AS speaker,
       bool_or(c.field = 'speaker_description') AS has_speaker_description,
       max_by(c.value, c.sequence) FILTER (WHERE c.field = 'speaker_description') AS speaker_description,
       bool_or(c.field = 'incident') AS has_incident, max_by(c.value, c.sequence) FILTER (WHERE c.field = 'incident') AS incident,
       max(c.sequence) FILTER (WHERE c.field = 'incident') AS incident_sequence
FROM corrections_applied a JOIN live_corrections c USING (correction_id)
WHERE a.target <> 'entity'
GROUP BY a.target, a.fact_id;

-- A name a person gives a speaker or a figure's source is the entity so named or spelled, when there is
-- one: a person or organisation before a place, then the one named in most documents.
CREATE TEMP TABLE named_entities AS
WITH names AS (
    SELECT DISTINCT name FROM (SELECT speaker AS name FROM fact_decisions UNION ALL SELECT reported_by FROM fact_decisions)
    WHERE name IS NOT NULL
),
spellings AS (
    SELECT entity_id, entity_type, n_documents, lower(canonical_name) AS spelling FROM entities
    UNION ALL SELECT entity_id, entity_type, n_documents, lower(unnest(aliases)) FROM entities
)
SELECT n.name, first(s.entity_id ORDER BY s.entity_type = 'location', s.n_documents DESC, s.entity_id) AS entity_id
FROM names n JOIN spellings s ON s.spelling = lower(n.name)
GROUP BY n.name;

-- (Without the incident and statement group: those are the ones the fact counts for now, kept in
-- casualties and quotes.)
CREATE TEMP TABLE decided_rows AS
SELECT d.*, f.row FROM fact_decisions d JOIN decided_documents_facts f USING (target, fact_id);

CREATE OR REPLACE TABLE casualty_machine_rows AS
SELECT * EXCLUDE (cluster_id) FROM casualties WHERE rowid IN (SELECT row FROM decided_rows WHERE target = 'casualty') ORDER BY fact_id;
CREATE OR REPLACE TABLE quote_machine_rows AS
SELECT * EXCLUDE (quote_group_id) FROM quotes WHERE rowid IN (SELECT row FROM decided_rows WHERE target = 'quote') ORDER BY quote_id;

UPDATE casualties SET
    review_status = d.review_status,
    kind = CASE WHEN d.has_kind THEN d.kind ELSE casualties.kind END,
    count_min = CASE WHEN d.has_count_min THEN d.count_min::INTEGER ELSE casualties.count_min END,
    count_max = CASE WHEN d.has_count_max THEN d.count_max::INTEGER ELSE casualties.count_max END,
    precision = CASE WHEN d.has_precision THEN d.precision ELSE casualties.precision END,
    victims = CASE WHEN d.has_victims THEN d.victims ELSE casualties.victims END,
    location = CASE WHEN d.has_location THEN d.location ELSE casualties.location END,
    period = CASE WHEN d.has_period THEN d.period ELSE casualties.period END,
    event_date = CASE WHEN d.has_event_date THEN d.event_date::DATE ELSE casualties.event_date END,
    reported_by = CASE WHEN d.has_reported_by THEN coalesce(e.canonical_name, d.reported_by) ELSE casualties.reported_by END,
    reported_by_entity_id = CASE WHEN d.has_reported_by THEN e.entity_id ELSE casualties.reported_by_entity_id END
FROM decided_rows d
LEFT JOIN named_entities n ON n.name = d.reported_by
LEFT JOIN entities e ON e.entity_id = n.entity_id
WHERE d.target = 'casualty' AND casualties.rowid = d.row;

UPDATE quotes SET
    review_status = d.review_status,
    speaker = CASE WHEN d.review_status = 'rejected' THEN NULL
                   WHEN d.has_speaker THEN coalesce(e.canonical_name, d.speaker) ELSE quotes.speaker END,
    speaker_entity_id = CASE WHEN d.review_status = 'rejected' THEN NULL
                             WHEN d.has_speaker THEN e.entity_id ELSE quotes.speaker_entity_id END,
    speaker_description = CASE WHEN d.has_speaker_description THEN d.speaker_description ELSE quotes.speaker_description END
FROM decided_rows d
LEFT JOIN named_entities n ON n.name = d.speaker
LEFT JOIN entities e ON e.entity_id = n.entity_id
WHERE d.target = 'quote' AND quotes.rowid = d.row;

UPDATE events SET review_status = d.review_status
FROM decided_rows d WHERE d.target = 'event' AND events.rowid = d.row;

-- Each report a person took out of its incident, moved into another's (joins: that report's id) or
-- rejected; in the order the moves were made (newsfacts/consolidate/incidents.py applies them).
CREATE OR REPLACE TABLE event_decisions AS
SELECT fact_id AS event_id, review_status = 'rejected' AS rejected, has_incident AS moved, incident AS joins,
       coalesce(incident_sequence, 0) AS sequence
FROM fact_decisions d
WHERE target = 'event' AND (review_status = 'rejected' OR has_incident)
ORDER BY sequence, event_id;
