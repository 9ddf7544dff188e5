-- Incidents in a run's build: the reports whose incidents must be clustered again, found as
-- incident_changes.sql finds the places to cluster again against the build before, here in the database that
-- build left, and within a place only the reports whose dates can meet those of the added reports.
-- Reads events, documents, casualties, added_documents, removed_events, added_corrections and corrections
-- (the decisions this build adds, and all), decided_figure_locations (machine_values.sql), event_decisions (corrections.sql),
-- area_centres and previous_area_centres (areas placed at their city now and by the build before:
-- newsfacts/consolidate/added.py) and the variable reporting_window_days; writes the temporary tables
-- area_places, moved_areas, touched_places, whole_places, report_windows, report_runs, reclustered_events
-- (the reports to cluster again), reassigned_figures (the figures to count again) and figure_context_events
-- (the other reports of those figures' documents at their places, which keep their incidents).
--
-- Incidents are clustered place by place, and a figure counts only for the incident of a report of its
-- own document at its own place. A report or figure held before changes only by a decision the build adds,
-- or leaves with its document when a new version of its file supersedes it (removed_events:
-- added_removals.sql): a place is touched by a report of an added document, or by an area named after its
-- city that is now placed there, or was; by a decision this build adds, on a figure or report there, or a
-- report gone from there (below), which cluster the place again whole; and a place linked to a touched place
-- by a person's decision (below).
--
-- Within a place, two reports are one incident only where their date windows meet (a day; the week up to the
-- document's publication; any day, for a report with neither), and a cluster takes a report only where it meets
-- every report in it (newsfacts/consolidate/incidents.py). So the reports of a place fall into runs of windows
-- that meet one another, end to end, which no incident crosses, and each run clusters alike alone or with the
-- others (they come in the same order). A place touched by added reports alone is clustered again only in the
-- runs those reports fall in; a place touched otherwise, or with a report of no window, or whose reports a
-- person moved into another's incident, is clustered again whole.
--
-- Each area placed at its city, now or by the build before: a location's place is its city's, or its own
-- name (coalesce(place, location), coalesce(previous_place, location) in a LEFT JOIN below).
CREATE TEMP TABLE area_places AS
SELECT location, n.place AS place, o.place AS previous_place
FROM area_centres n FULL OUTER JOIN previous_area_centres o USING (location);

CREATE TEMP TABLE moved_areas AS
SELECT * FROM area_places WHERE place IS DISTINCT FROM previous_place;

CREATE TEMP TABLE whole_places AS
SELECT DISTINCT place FROM (
    SELECT place FROM moved_areas
    UNION ALL SELECT previous_place FROM moved_areas
    UNION ALL SELECT location FROM moved_areas  -- the area's own name, where it is not placed at its city
) WHERE place IS NOT NULL;

CREATE TEMP TABLE touched_places AS
SELECT place FROM whole_places
UNION
SELECT DISTINCT coalesce(a.place, e.location) AS place FROM events e LEFT JOIN area_places a USING (location)
WHERE e.doc_id IN (SELECT doc_id FROM added_documents) AND coalesce(a.place, e.location) IS NOT NULL;

-- The places a decision this build adds reaches: those of the figures of its document, before and after
-- it; of the reports of its document; and of the report a report is moved to, or was before a withdrawal.
-- And the places of the reports of the documents it superseded (a figure counts only for an incident of a
-- report of its own document at its own place).
CREATE TEMP TABLE decided_locations AS
SELECT location FROM removed_events
UNION SELECT location FROM decided_figure_locations
UNION SELECT location FROM casualties WHERE doc_id IN (SELECT doc_id FROM added_corrections WHERE target = 'casualty')
UNION SELECT location FROM events WHERE doc_id IN (SELECT doc_id FROM added_corrections WHERE target = 'event')
UNION SELECT location FROM events WHERE event_id IN (
    SELECT value FROM added_corrections WHERE target = 'event' AND field = 'incident'
    UNION SELECT c.value FROM corrections c JOIN added_corrections w ON w.withdraws = c.correction_id
    WHERE c.target = 'event' AND c.field = 'incident');
INSERT INTO whole_places
SELECT DISTINCT place FROM (
    SELECT unnest([coalesce(a.place, d.location), coalesce(a.previous_place, d.location)]) AS place
    FROM decided_locations d LEFT JOIN area_places a USING (location)
) WHERE place IS NOT NULL AND place NOT IN (SELECT place FROM whole_places);
INSERT INTO touched_places
SELECT place FROM whole_places WHERE place NOT IN (SELECT place FROM touched_places);

-- A report a person moved into the incident of another links their places (each as placed now and before):
-- when one is clustered again, the other is too, so that the moved report follows the incident of the one
-- it joins, whichever place changed. Other decisions (a report rejected or taken out of its incident) stay
-- within their place. Rows both ways.
CREATE TEMP TABLE decision_links AS
WITH report_places AS (
    SELECT DISTINCT e.event_id, unnest([coalesce(a.place, e.location), coalesce(a.previous_place, e.location)]) AS place
    FROM events e LEFT JOIN area_places a USING (location)
    WHERE e.event_id IN (SELECT event_id FROM event_decisions UNION SELECT joins FROM event_decisions)
),
links AS (
    SELECT m.place, j.place AS other FROM event_decisions d
    JOIN report_places m ON m.event_id = d.event_id JOIN report_places j ON j.event_id = d.joins
)
SELECT place, other FROM links WHERE place IS NOT NULL AND other IS NOT NULL
UNION SELECT other, place FROM links WHERE place IS NOT NULL AND other IS NOT NULL;

INSERT INTO touched_places
WITH RECURSIVE linked(place) AS (
    SELECT place FROM touched_places
    UNION
    SELECT l.other FROM decision_links l JOIN linked USING (place)
)
SELECT place FROM linked WHERE place NOT IN (SELECT place FROM touched_places);

-- ... and every place a person's move of a report links is clustered again whole, with the reports it links.
INSERT INTO whole_places
SELECT DISTINCT place FROM decision_links
WHERE place IN (SELECT place FROM touched_places) AND place NOT IN (SELECT place FROM whole_places);

-- Each report's date window at a place touched by added reports alone, as the clustering reads it
-- (incidents.py, _report): its day; or the week up to its document's publication; or none.
CREATE TEMP TABLE report_windows AS
SELECT e.event_id, e.doc_id, coalesce(a.place, e.location) AS place,
       CASE WHEN e.event_date_precision = 'day' AND e.event_date IS NOT NULL THEN e.event_date
            ELSE CAST(d.published_date AS DATE) - getvariable('reporting_window_days') END AS earliest,
       CASE WHEN e.event_date_precision = 'day' AND e.event_date IS NOT NULL THEN e.event_date
            ELSE CAST(d.published_date AS DATE) END AS latest
FROM events e JOIN documents d USING (doc_id) LEFT JOIN area_places a USING (location)
WHERE coalesce(a.place, e.location) IN (SELECT place FROM touched_places EXCEPT SELECT place FROM whole_places);

-- A report of no window meets every other: its place is clustered again whole.
INSERT INTO whole_places SELECT DISTINCT place FROM report_windows WHERE earliest IS NULL;
DELETE FROM report_windows WHERE place IN (SELECT place FROM whole_places);

-- The runs of windows that meet end to end, numbered within each place: a report begins a run when it begins
-- after every window before it ended.
CREATE TEMP TABLE report_runs AS
WITH reaching AS (
    SELECT *, max(latest) OVER (PARTITION BY place ORDER BY earliest, event_id
                                ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reached
    FROM report_windows
)
SELECT event_id, doc_id, place,
       sum(CASE WHEN reached IS NULL OR earliest > reached THEN 1 ELSE 0 END)
           OVER (PARTITION BY place ORDER BY earliest, event_id ROWS UNBOUNDED PRECEDING) AS run
FROM reaching;

CREATE TEMP TABLE reclustered_events AS
SELECT e.event_id FROM events e LEFT JOIN area_places a USING (location)
WHERE coalesce(a.place, e.location) IN (SELECT place FROM whole_places)
   OR coalesce(a.previous_place, e.location) IN (SELECT place FROM whole_places)
UNION
SELECT r.event_id FROM report_runs r JOIN (
    SELECT DISTINCT place, run FROM report_runs WHERE doc_id IN (SELECT doc_id FROM added_documents)
) USING (place, run);

-- The figures at a place clustered again whole, and those of the documents whose reports are clustered again
-- at a place clustered in runs.
CREATE TEMP TABLE reassigned_figures AS
SELECT f.fact_id FROM casualties f LEFT JOIN area_places a USING (location)
WHERE coalesce(a.place, f.location) IN (SELECT place FROM whole_places)
   OR coalesce(a.previous_place, f.location) IN (SELECT place FROM whole_places)
UNION
SELECT f.fact_id FROM casualties f LEFT JOIN area_places a USING (location)
JOIN (SELECT DISTINCT place, doc_id FROM report_runs WHERE event_id IN (SELECT event_id FROM reclustered_events)) r
  ON r.place = coalesce(a.place, f.location) AND r.doc_id = f.doc_id;

-- Those documents' other reports at those places, in runs not clustered again: a figure may count for one of
-- them (the nearest in the text), whose incident stays as it is.
CREATE TEMP TABLE figure_context_events AS
SELECT r.event_id FROM report_runs r
WHERE r.event_id NOT IN (SELECT event_id FROM reclustered_events)
  AND (r.place, r.doc_id) IN (SELECT DISTINCT place, doc_id FROM report_runs
                              WHERE event_id IN (SELECT event_id FROM reclustered_events));
