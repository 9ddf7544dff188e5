-- Incidents in a run's build: the places whose incidents must be clustered again, found as
-- incident_changes.sql finds them against the build before, here in the database that build left.
-- Reads events, casualties, added_documents, area_centres and previous_area_centres (areas placed at
-- their city now and by the build before: newsfacts/consolidate/added.py); writes the temporary tables
-- touched_places, reclustered_events (the reports at those places, by the places of now and of before)
-- and reassigned_figures (the figures there).
--
-- Incidents are clustered place by place, and a figure counts only for the incident of a report of its
-- own document at its own place. A run's build is made only where no person has decided on a fact and
-- no document was superseded (newsfacts/load/build.py), so a report or figure held before never changes:
-- a place is touched by a report of an added document, or by an area named after its city that is now
-- placed there, or was.
CREATE TEMP TABLE moved_areas AS
SELECT location, n.place AS place, o.place AS previous_place
FROM area_centres n FULL OUTER JOIN previous_area_centres o USING (location)
WHERE n.place IS DISTINCT FROM o.place;

CREATE TEMP TABLE touched_places AS
SELECT DISTINCT place FROM (
    SELECT coalesce(c.place, e.location) AS place FROM events e LEFT JOIN area_centres c ON c.location = e.location
    WHERE e.doc_id IN (SELECT doc_id FROM added_documents)
    UNION ALL SELECT place FROM moved_areas
    UNION ALL SELECT previous_place FROM moved_areas
    UNION ALL SELECT location FROM moved_areas  -- the area's own name, where it is not placed at its city
) WHERE place IS NOT NULL;

CREATE TEMP TABLE reclustered_events AS
SELECT e.event_id FROM events e
LEFT JOIN area_centres n ON n.location = e.location
LEFT JOIN previous_area_centres o ON o.location = e.location
WHERE coalesce(n.place, e.location) IN (SELECT place FROM touched_places)
   OR coalesce(o.place, e.location) IN (SELECT place FROM touched_places);

CREATE TEMP TABLE reassigned_figures AS
SELECT f.fact_id FROM casualties f
LEFT JOIN area_centres n ON n.location = f.location
LEFT JOIN previous_area_centres o ON o.location = f.location
WHERE coalesce(n.place, f.location) IN (SELECT place FROM touched_places)
   OR coalesce(o.place, f.location) IN (SELECT place FROM touched_places);
