-- Which report belongs to which incident. Reads events (whose cluster_id newsfacts/consolidate/incidents.py
-- has set); writes incident_reports.

-- A table of its own, so that it is also written as a Parquet snapshot beside the per-run parts (whose
-- cluster_id stays empty).
CREATE TABLE incident_reports AS
SELECT event_id, cluster_id FROM events WHERE cluster_id IS NOT NULL ORDER BY event_id;
