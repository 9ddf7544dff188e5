-- A run's build, before the entity steps: the facts a person decided on put back as the machine made them
-- (casualty_machine_rows and quote_machine_rows, as the build before left them), so that the entity steps
-- set their entities and names as every other fact's, and corrections.sql, run again after them, applies
-- the decisions (those of before, and added_corrections: the decisions and withdrawals this build adds) to
-- what the machine now says. Writes the temporary tables decided_quote_speakers (the speaker of each quote
-- decided on before or in a document of an added decision: added_quote_changes.sql groups again those
-- whose speaker changes) and decided_figure_locations (the place of each figure in a document of an added
-- decision: added_incident_changes.sql clusters that place again, and the one it changes to).
CREATE TEMP TABLE decided_quote_speakers AS
SELECT quote_id, speaker_entity_id, speaker FROM quotes WHERE doc_id IN (SELECT doc_id FROM added_corrections WHERE target = 'quote');

CREATE TEMP TABLE decided_figure_locations AS
SELECT fact_id, location FROM casualties WHERE doc_id IN (SELECT doc_id FROM added_corrections WHERE target = 'casualty');

-- (Rows are found by DuckDB's rowid once, found again by it: a scan of a fact table takes a tenth of a
-- second or more at a million documents.)
CREATE TEMP TABLE machine_casualties AS
SELECT m.*, c.cluster_id, c.rowid AS row FROM casualty_machine_rows m JOIN casualties c USING (fact_id);
DELETE FROM casualties WHERE rowid IN (SELECT row FROM machine_casualties);
INSERT INTO casualties BY NAME SELECT * EXCLUDE (row) FROM machine_casualties;

CREATE TEMP TABLE machine_quotes AS
SELECT m.*, q.quote_group_id, q.speaker_entity_id AS decided_speaker_entity_id, q.speaker AS decided_speaker, q.rowid AS row
FROM quote_machine_rows m JOIN quotes q USING (quote_id);
DELETE FROM quotes WHERE rowid IN (SELECT row FROM machine_quotes);
INSERT INTO quotes BY NAME SELECT * EXCLUDE (row, decided_speaker_entity_id, decided_speaker) FROM machine_quotes;
INSERT INTO decided_quote_speakers
SELECT quote_id, decided_speaker_entity_id, decided_speaker FROM machine_quotes
WHERE quote_id NOT IN (SELECT quote_id FROM decided_quote_speakers);

-- A report's decisions leave no machine row (its incident is kept in event_machine_incidents): only its
-- review status goes back.
UPDATE events SET review_status = 'machine'
WHERE event_id IN (SELECT fact_id FROM corrections_applied WHERE target = 'event') AND review_status <> 'machine';
