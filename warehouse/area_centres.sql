-- Areas named after their city ('Kharkiv Region' -> 'Kharkiv'): one outlet places a strike in the region,
-- another in its city, and incidents are matched at the city. Reads entities (their geocode_basis
-- 'centre <city>'); writes the temporary table area_centres, which newsfacts/consolidate/build.py and
-- incident_changes.sql read.
CREATE TEMP TABLE area_centres AS
SELECT canonical_name AS location, min(replace(geocode_basis, 'centre ', '')) AS place FROM entities
WHERE entity_type = 'location' AND geocode_basis LIKE 'centre %' GROUP BY canonical_name;
