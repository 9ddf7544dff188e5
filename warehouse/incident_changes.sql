-- The places whose incidents a build must cluster again. Reads events, casualties, documents, area_centres
-- (area_centres.sql), corrections_applied and event_decisions (corrections.sql) and, in `previous` (the
-- database this build replaces, built by the same code), those and entities; writes the temporary tables
-- event_places, previous_event_places, figure_places, decided_events, touched_places and kept_incident_figures, which
-- newsfacts/consolidate/build.py reads.
--
-- Incidents are clustered place by place, and a casualty figure counts only for the incident of a report of
-- its own document at its own place (newsfacts/consolidate/incidents.py). So a place keeps its incidents,
-- and the figures there theirs, unless a report there is new, gone or changed, a person decided on a report
-- there, or an area named after its city is now placed there, or was. A figure needs no comparison of its own unless a person decided on it:
-- a document's facts never change (an edited file is a new document), so a figure is new or gone only
-- with its document, and so with every report of that document.

-- The areas placed at their city before, as area_centres.sql places them now.
CREATE TEMP TABLE previous_area_centres AS
SELECT canonical_name AS location, min(replace(geocode_basis, 'centre ', '')) AS place FROM previous.entities
WHERE entity_type = 'location' AND geocode_basis LIKE 'centre %' GROUP BY canonical_name;

-- Each report with a place, and what its incident depends on.
CREATE TEMP TABLE event_places AS
SELECT e.event_id, coalesce(c.place, e.location) AS place, e.doc_id, e.event_type, e.event_date,
       e.event_date_precision, e.event_weekday, e.location, e.targets, e.start_char, d.published_date
FROM events e JOIN documents d USING (doc_id) LEFT JOIN area_centres c ON c.location = e.location
WHERE e.location IS NOT NULL;
CREATE TEMP TABLE previous_event_places AS
SELECT e.event_id, coalesce(c.place, e.location) AS place, e.doc_id, e.event_type, e.event_date,
       e.event_date_precision, e.event_weekday, e.location, e.targets, e.start_char, d.published_date, e.cluster_id
FROM previous.events e JOIN previous.documents d USING (doc_id) LEFT JOIN previous_area_centres c ON c.location = e.location
WHERE e.location IS NOT NULL;

-- Each casualty figure with a place (a figure a person rejected counts nowhere).
CREATE TEMP TABLE figure_places AS
SELECT f.fact_id, coalesce(c.place, f.location) AS place
FROM casualties f LEFT JOIN area_centres c ON c.location = f.location
WHERE f.location IS NOT NULL AND f.review_status <> 'rejected';

-- The figures a person decided on, in this build or the previous one: the only figures whose values can
-- differ from the previous build's without their document changing (corrections.sql).
CREATE TEMP TABLE decided_figures AS
SELECT fact_id FROM corrections_applied WHERE target = 'casualty'
UNION SELECT fact_id FROM previous.corrections_applied WHERE target = 'casualty';

-- The reports a person took out of an incident, moved, rejected or named as the one to join, in this build
-- or the previous one: their places are clustered again, so that the decisions apply to fresh clusters.
CREATE TEMP TABLE decided_events AS
SELECT fact_id AS event_id FROM corrections_applied WHERE target = 'event'
UNION SELECT fact_id FROM previous.corrections_applied WHERE target = 'event'
UNION SELECT joins FROM event_decisions WHERE joins IS NOT NULL
UNION SELECT joins FROM previous.event_decisions WHERE joins IS NOT NULL;

CREATE TEMP TABLE touched_places AS
WITH changed_events AS (
    SELECT n.place AS place, o.place AS previous_place
    FROM event_places n FULL OUTER JOIN previous_event_places o USING (event_id)
    WHERE n.event_id IS NULL OR o.event_id IS NULL
       OR n.place IS DISTINCT FROM o.place OR n.doc_id IS DISTINCT FROM o.doc_id
       OR n.event_type IS DISTINCT FROM o.event_type OR n.event_date IS DISTINCT FROM o.event_date
       OR n.event_date_precision IS DISTINCT FROM o.event_date_precision
       OR n.event_weekday IS DISTINCT FROM o.event_weekday OR n.location IS DISTINCT FROM o.location
       OR n.targets IS DISTINCT FROM o.targets OR n.start_char IS DISTINCT FROM o.start_char
       OR n.published_date IS DISTINCT FROM o.published_date
),
changed_figures AS (
    SELECT n.place AS place, o.place AS previous_place
    FROM (SELECT f.*, coalesce(c.place, f.location) AS place FROM casualties f
          LEFT JOIN area_centres c ON c.location = f.location
          WHERE f.fact_id IN (SELECT fact_id FROM decided_figures)) n
    FULL OUTER JOIN (SELECT f.*, coalesce(c.place, f.location) AS place FROM previous.casualties f
                     LEFT JOIN previous_area_centres c ON c.location = f.location
                     WHERE f.fact_id IN (SELECT fact_id FROM decided_figures)) o USING (fact_id)
    WHERE n.fact_id IS NULL OR o.fact_id IS NULL
       OR n.place IS DISTINCT FROM o.place OR n.kind IS DISTINCT FROM o.kind
       OR n.count_min IS DISTINCT FROM o.count_min OR n.count_max IS DISTINCT FROM o.count_max
       OR n.event_date IS DISTINCT FROM o.event_date OR n.period IS DISTINCT FROM o.period
       OR n.part_of IS DISTINCT FROM o.part_of OR n.review_status IS DISTINCT FROM o.review_status
),
moved_areas AS (
    SELECT location, n.place AS place, o.place AS previous_place
    FROM area_centres n FULL OUTER JOIN previous_area_centres o USING (location)
    WHERE n.place IS DISTINCT FROM o.place
),
decided_places AS (
    SELECT n.place AS place, o.place AS previous_place
    FROM (SELECT * FROM event_places WHERE event_id IN (SELECT event_id FROM decided_events)) n
    FULL OUTER JOIN (SELECT * FROM previous_event_places WHERE event_id IN (SELECT event_id FROM decided_events)) o
    USING (event_id)
),
changes AS (
    SELECT place, previous_place FROM changed_events
    UNION ALL SELECT place, previous_place FROM decided_places
    UNION ALL SELECT place, previous_place FROM changed_figures
    UNION ALL SELECT place, previous_place FROM moved_areas
    UNION ALL SELECT location, location FROM moved_areas  -- the area's own name, where it is not placed at its city
)
SELECT DISTINCT place FROM (SELECT place FROM changes UNION ALL SELECT previous_place FROM changes)
WHERE place IS NOT NULL;

-- The figures of untouched places keep the incident the previous build gave them.
CREATE TEMP TABLE kept_incident_figures AS
SELECT f.fact_id, f.cluster_id FROM previous.incident_figures f JOIN figure_places p USING (fact_id)
WHERE p.place NOT IN (SELECT place FROM touched_places);
