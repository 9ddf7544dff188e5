-- Incidents in a run's build: the places whose incidents must be clustered again, found as
-- incident_changes.sql finds them against the build before, here in the database that build left.
-- Reads events, casualties, added_documents, added_corrections and corrections (the decisions this build
-- adds, and all), decided_figure_locations (machine_values.sql), event_decisions (corrections.sql),
-- area_centres and previous_area_centres (areas placed at their city now and by the build before:
-- newsfacts/consolidate/added.py); writes the temporary tables area_places, moved_areas, touched_places,
-- reclustered_events (the reports at those places, by the places of now and of before) and
-- reassigned_figures (the figures there).
--
-- Incidents are clustered place by place, and a figure counts only for the incident of a report of its
-- own document at its own place. A run's build is made only where no document was superseded
-- (newsfacts/load/build.py), so a report or figure held before changes only by a decision the build adds:
-- a place is touched by a report of an added document, or by an area named after its city that is now
-- placed there, or was; by a decision this build adds, on a figure or report there (below); and a place
-- linked to a touched place by a person's decision (below).
-- Each area placed at its city, now or by the build before: a location's place is its city's, or its own
-- name (coalesce(place, location), coalesce(previous_place, location) in a LEFT JOIN below).
CREATE TEMP TABLE area_places AS
SELECT location, n.place AS place, o.place AS previous_place
FROM area_centres n FULL OUTER JOIN previous_area_centres o USING (location);

CREATE TEMP TABLE moved_areas AS
SELECT * FROM area_places WHERE place IS DISTINCT FROM previous_place;

CREATE TEMP TABLE touched_places AS
SELECT DISTINCT place FROM (
    SELECT coalesce(a.place, e.location) AS place FROM events e LEFT JOIN area_places a USING (location)
    WHERE e.doc_id IN (SELECT doc_id FROM added_documents)
    UNION ALL SELECT place FROM moved_areas
    UNION ALL SELECT previous_place FROM moved_areas
    UNION ALL SELECT location FROM moved_areas  -- the area's own name, where it is not placed at its city
) WHERE place IS NOT NULL;

-- The places a decision this build adds reaches: those of the figures of its document, before and after
-- it; of the reports of its document; and of the report a report is moved to, or was before a withdrawal.
CREATE TEMP TABLE decided_locations AS
SELECT location FROM decided_figure_locations
UNION SELECT location FROM casualties WHERE doc_id IN (SELECT doc_id FROM added_corrections WHERE target = 'casualty')
UNION SELECT location FROM events WHERE doc_id IN (SELECT doc_id FROM added_corrections WHERE target = 'event')
UNION SELECT location FROM events WHERE event_id IN (
    SELECT value FROM added_corrections WHERE target = 'event' AND field = 'incident'
    UNION SELECT c.value FROM corrections c JOIN added_corrections w ON w.withdraws = c.correction_id
    WHERE c.target = 'event' AND c.field = 'incident');
INSERT INTO touched_places
SELECT DISTINCT place FROM (
    SELECT unnest([coalesce(a.place, d.location), coalesce(a.previous_place, d.location)]) AS place
    FROM decided_locations d LEFT JOIN area_places a USING (location)
) WHERE place IS NOT NULL AND place NOT IN (SELECT place FROM touched_places);

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

CREATE TEMP TABLE reclustered_events AS
SELECT e.event_id FROM events e LEFT JOIN area_places a USING (location)
WHERE coalesce(a.place, e.location) IN (SELECT place FROM touched_places)
   OR coalesce(a.previous_place, e.location) IN (SELECT place FROM touched_places);

CREATE TEMP TABLE reassigned_figures AS
SELECT f.fact_id FROM casualties f LEFT JOIN area_places a USING (location)
WHERE coalesce(a.place, f.location) IN (SELECT place FROM touched_places)
   OR coalesce(a.previous_place, f.location) IN (SELECT place FROM touched_places);
