-- One statement in many reports: the rows of quote_groups for the quotes of quotes_in_scope (every quote in
-- a build of everything; in a run's build, those it grouped again). Reads quotes_in_scope (whose
-- quote_group_id newsfacts/consolidate/quote_groups.py has set).
SELECT quote_id, quote_group_id FROM quotes_in_scope ORDER BY quote_id
