-- A run's build, before the entity steps: the facts a person decided on put back as the machine made them
-- (casualty_machine_rows and quote_machine_rows, as the build before left them), so that the entity steps
-- set their entities and names as every other fact's, and corrections.sql, run again after them, applies
-- the same decisions to what the machine now says. Writes the temporary table decided_quote_speakers (each
-- decided quote's speaker entity before: added_quote_changes.sql regroups those whose speaker changed).
CREATE TEMP TABLE decided_quote_speakers AS
SELECT quote_id, speaker_entity_id FROM quotes WHERE quote_id IN (SELECT quote_id FROM quote_machine_rows);

CREATE TEMP TABLE machine_casualties AS
SELECT m.*, c.cluster_id FROM casualty_machine_rows m JOIN casualties c USING (fact_id);
DELETE FROM casualties WHERE fact_id IN (SELECT fact_id FROM machine_casualties);
INSERT INTO casualties BY NAME SELECT * FROM machine_casualties;

CREATE TEMP TABLE machine_quotes AS
SELECT m.*, q.quote_group_id FROM quote_machine_rows m JOIN quotes q USING (quote_id);
DELETE FROM quotes WHERE quote_id IN (SELECT quote_id FROM machine_quotes);
INSERT INTO quotes BY NAME SELECT * FROM machine_quotes;
