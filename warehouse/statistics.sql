-- Statistics for the join planner. The build sets casualties.cluster_id, events.cluster_id and the quotes'
-- speakers with UPDATEs, which leave those columns without the distinct counts DuckDB keeps for a column
-- written at once. Without them a filter on one incident ('WHERE cluster_id = ...') is guessed at a fifth
-- of the table, and casualty_reports builds its hash table on every document instead of on the incident's
-- few figures (270 ms at 1,000,000 documents, 40 ms with them). Recomputing them costs under a second there.
ANALYZE casualties;
ANALYZE events;
ANALYZE quotes;
