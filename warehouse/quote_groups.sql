-- One statement in many reports. Reads quotes (whose quote_group_id newsfacts/consolidate/quote_groups.py
-- has set); writes quote_groups.

-- The groups as a table of their own, so that they are also written as a Parquet snapshot beside the
-- per-run parts (whose quote_group_id stays empty).
CREATE TABLE quote_groups AS SELECT quote_id, quote_group_id FROM quotes ORDER BY quote_id;
