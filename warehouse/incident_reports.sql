-- Which report belongs to which incident: the rows of incident_reports for the reports of events_in_scope
-- (every report in a build of everything; in a run's build, those at the places it clustered again).
-- Reads events_in_scope (whose cluster_id newsfacts/consolidate/incidents.py has set).
SELECT event_id, cluster_id FROM events_in_scope WHERE cluster_id IS NOT NULL ORDER BY event_id
