"""A person's corrections on the seeds: `newsfacts correct` shows a decision at once, every later run, a run
that adds reports and `newsfacts rebuild` keep it (and give the same tables), a withdrawal restores the
machine's fact, a correction finds its fact by its span when the fact's id changed, and one whose article
changed is reported, not dropped."""

from __future__ import annotations

import shutil
from datetime import datetime

import pytest

from conftest import SEEDS, copy_files, copy_tree, query, snapshot

pytestmark = pytest.mark.slow  # the flow runs, and each correction builds the database


def _correct(warehouse, *args) -> int:
    from newsfacts.cli import main

    return main(["correct", *args, "--by", "tester", "--warehouse", str(warehouse)])


def _without_corrections(tables: dict) -> dict:
    """A snapshot less what only exists because of corrections, and less the review columns."""
    own = {"corrections", "corrections_applied", "corrections_unattached", "casualty_machine_rows", "quote_machine_rows",
           "correction_history", "event_decisions", "event_machine_incidents", "entity_splits"}
    return {table: rows for table, rows in tables.items() if table not in own}


def test_a_corrected_figure_shows_at_once_and_survives_runs_new_reports_and_a_rebuild(tmp_path, run_flow, capsys):
    from newsfacts.cli import main

    seeds = sorted(SEEDS.iterdir())
    source, warehouse = copy_files(seeds[2:], tmp_path / "src"), tmp_path / "wh"
    run_flow(source, warehouse)
    fact_id, count, cluster_id = query(warehouse, """SELECT fact_id, count_min, cluster_id FROM casualties
        WHERE kind = 'killed' AND precision = 'exact' AND cluster_id IS NOT NULL ORDER BY count_min DESC, fact_id LIMIT 1""")[0]
    corrected = count + 7

    assert _correct(warehouse, "casualty", fact_id, "--set", f"count_min={corrected}", "--reason", "a later toll") == 0
    said = capsys.readouterr().out
    assert f"count_min: {count} -> {corrected}" in said and f"count_max: {count} -> {corrected}" in said
    assert query(warehouse, "SELECT count_min, count_max, review_status FROM casualties WHERE fact_id = ?", [fact_id]) == [
        (corrected, corrected, "corrected")]
    assert query(warehouse, "SELECT count_min, review_status FROM casualty_reports WHERE fact_id = ?", [fact_id]) == [
        (corrected, "corrected")]
    assert query(warehouse, "SELECT count_min, count_max FROM casualties_machine WHERE fact_id = ?", [fact_id]) == [(count, count)]
    assert query(warehouse, "SELECT killed_high FROM event_clusters WHERE cluster_id = ?", [cluster_id])[0][0] >= corrected
    assert query(warehouse, "SELECT corrected_by, reason, machine_value, value, state FROM correction_history WHERE field = 'count_min'") == [
        ("tester", "a later toll", str(count), str(corrected), "applied")]

    run_flow(source, warehouse)  # nothing new
    assert query(warehouse, "SELECT count_min, review_status FROM casualties WHERE fact_id = ?", [fact_id]) == [(corrected, "corrected")]

    speaker_id = query(warehouse, "SELECT speaker_entity_id FROM quotes WHERE speaker_entity_id IS NOT NULL "
                                  "ORDER BY quote_id LIMIT 1")[0][0]
    assert _correct(warehouse, "entity", speaker_id, "--set", "canonical_name=Speaker Named By Hand") == 0
    # a report taken out of its incident, and one moved into an incident at another place
    apart, left = query(warehouse, """SELECT event_id, cluster_id FROM events
        WHERE cluster_id IN (SELECT cluster_id FROM events GROUP BY cluster_id HAVING count(*) > 1)
        ORDER BY event_id LIMIT 1""")[0]
    assert _correct(warehouse, "event", apart, "--set", "incident=", "--reason", "another strike") == 0
    own_incident = query(warehouse, "SELECT cluster_id FROM events WHERE event_id = ?", [apart])[0][0]
    assert own_incident != left and query(warehouse, "SELECT cluster_id FROM events_machine WHERE event_id = ?", [apart]) == [(left,)]
    assert query(warehouse, "SELECT n_reports FROM event_clusters WHERE cluster_id = ?", [own_incident]) == [(1,)]
    moved, into, into_report = query(warehouse, """SELECT e.event_id, o.cluster_id, o.event_id FROM events e
        JOIN events o ON o.location <> e.location AND o.cluster_id <> e.cluster_id ORDER BY e.event_id DESC, o.event_id LIMIT 1""")[0]
    assert _correct(warehouse, "event", moved, "--set", f"incident={into}") == 0
    assert query(warehouse, "SELECT value FROM corrections WHERE fact_id = ?", [moved]) == [(into_report,)]  # kept as a report
    copy_files(seeds[:2], source)  # more reports of the same strikes: the incidents there are clustered again
    run_flow(source, warehouse)
    assert query(warehouse, "SELECT cluster_id, review_status FROM events WHERE event_id = ?", [apart]) == [(own_incident, "corrected")]
    assert query(warehouse, "SELECT e.cluster_id = o.cluster_id FROM events e, events o WHERE e.event_id = ? AND o.event_id = ?",
                 [moved, into_report]) == [(True,)]
    assert query(warehouse, "SELECT count_min, review_status FROM casualties WHERE fact_id = ?", [fact_id]) == [(corrected, "corrected")]
    assert {name for (name,) in query(warehouse, "SELECT DISTINCT speaker FROM quotes WHERE speaker_entity_id = ?", [speaker_id])} == {
        "Speaker Named By Hand"}
    after_runs = snapshot(warehouse)
    assert main(["rebuild", "--warehouse", str(warehouse)]) == 0
    assert snapshot(warehouse) == after_runs


def test_a_merge_a_person_rejects_is_undone_and_one_a_person_makes_is_added(tmp_path, seeds_warehouse, capsys):
    warehouse = copy_tree(seeds_warehouse[0], tmp_path / "wh")
    merged, into = query(warehouse, "SELECT from_id, into_id FROM entity_merges WHERE review_status = 'machine' ORDER BY from_id LIMIT 1")[0]
    assert query(warehouse, "SELECT count(*) FROM entities WHERE entity_id = ?", [merged]) == [(0,)]

    assert _correct(warehouse, "entity", merged, "--reject", "--reason", "another person") == 0
    assert query(warehouse, "SELECT review_status FROM entity_merges WHERE from_id = ?", [merged]) == [("rejected",)]
    assert query(warehouse, "SELECT count(*) FROM entities WHERE entity_id = ?", [merged]) == [(1,)]
    assert query(warehouse, "SELECT count(*) FROM mentions WHERE entity_id = ?", [merged])[0][0] > 0
    assert _correct(warehouse, "entity", merged, "--confirm") == 0  # the later decision holds: merged again
    assert query(warehouse, "SELECT review_status, into_id FROM entity_merges WHERE from_id = ?", [merged]) == [("confirmed", into)]
    assert query(warehouse, "SELECT count(*) FROM entities WHERE entity_id = ?", [merged]) == [(0,)]

    # two people the machine kept apart, merged by hand: the first one's quotes are the second one's
    first, second = [e for (e,) in query(warehouse, """SELECT speaker_entity_id FROM quotes q JOIN entities e ON e.entity_id = q.speaker_entity_id
        WHERE e.entity_type = 'person' GROUP BY speaker_entity_id ORDER BY speaker_entity_id LIMIT 2""")]
    name = query(warehouse, "SELECT canonical_name FROM entities WHERE entity_id = ?", [second])[0][0]
    assert _correct(warehouse, "entity", first, "--set", f"same_as={second}") == 0
    assert query(warehouse, "SELECT count(*) FROM quotes WHERE speaker_entity_id = ?", [first]) == [(0,)]
    assert query(warehouse, "SELECT DISTINCT speaker FROM quotes WHERE speaker_entity_id = ?", [second]) == [(name,)]
    assert query(warehouse, "SELECT basis, review_status FROM entity_merges WHERE from_id = ?", [first]) == [("a person's decision", "corrected")]

    capsys.readouterr()
    assert _correct(warehouse, "entity", second, "--reject") == 1  # never merged into another: nothing to undo
    assert "is not merged into another" in capsys.readouterr().err


def test_an_entity_built_from_two_people_is_split_by_document_and_whole_again_when_the_split_is_withdrawn(tmp_path, seeds_warehouse):
    warehouse = copy_tree(seeds_warehouse[0], tmp_path / "wh")
    before = snapshot(warehouse)
    entity_id, name = query(warehouse, """SELECT e.entity_id, e.canonical_name FROM entities e JOIN quotes q ON q.speaker_entity_id = e.entity_id
        WHERE e.entity_type = 'person' AND e.n_documents > 1 ORDER BY e.n_documents DESC, e.entity_id LIMIT 1""")[0]
    documents = [d for (d,) in query(warehouse, "SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ? ORDER BY doc_id", [entity_id])]
    taken = query(warehouse, "SELECT doc_id FROM quotes WHERE speaker_entity_id = ? ORDER BY doc_id LIMIT 1", [entity_id])[0][0]

    assert _correct(warehouse, "entity", entity_id, "--set", f"split_document={taken}", "--reason", "a namesake") == 0
    ((other,),) = query(warehouse, "SELECT DISTINCT entity_id FROM mentions WHERE doc_id = ? AND entity_id <> ? "
                                   "AND entity_id IN (SELECT split_id FROM entity_splits)", [taken, entity_id])
    assert query(warehouse, "SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ?", [other]) == [(taken,)]
    assert [d for (d,) in query(warehouse, "SELECT DISTINCT doc_id FROM mentions WHERE entity_id = ? ORDER BY doc_id", [entity_id])] == [
        d for d in documents if d != taken]
    assert query(warehouse, "SELECT DISTINCT speaker_entity_id, speaker FROM quotes WHERE doc_id = ? AND speaker = ?", [taken, name]) == [
        (other, name)]
    assert query(warehouse, "SELECT canonical_name, n_documents FROM entities WHERE entity_id = ?", [other]) == [(name, 1)]

    (split,) = query(warehouse, "SELECT correction_id FROM corrections")[0]
    assert _correct(warehouse, "entity", entity_id, "--withdraw", split) == 0
    assert _without_corrections(snapshot(warehouse)) == _without_corrections(before)


def test_a_rejected_figure_counts_for_no_incident_until_the_rejection_is_withdrawn(tmp_path, seeds_warehouse):
    warehouse = copy_tree(seeds_warehouse[0], tmp_path / "wh")
    before = snapshot(warehouse)
    fact_id, cluster_id = query(warehouse, """SELECT fact_id, cluster_id FROM casualties
        WHERE kind = 'killed' AND cluster_id IS NOT NULL ORDER BY count_min DESC, fact_id LIMIT 1""")[0]

    assert _correct(warehouse, "casualty", fact_id, "--reject", "--reason", "a historical toll") == 0
    assert query(warehouse, "SELECT review_status, cluster_id FROM casualties WHERE fact_id = ?", [fact_id]) == [("rejected", None)]
    assert query(warehouse, "SELECT count(*) FROM incident_figures WHERE fact_id = ?", [fact_id]) == [(0,)]
    assert query(warehouse, "SELECT cluster_id FROM casualties_machine WHERE fact_id = ?", [fact_id]) == [(None,)]

    (rejection,) = query(warehouse, "SELECT correction_id FROM corrections")[0]
    assert _correct(warehouse, "casualty", fact_id, "--withdraw", rejection) == 0
    assert query(warehouse, "SELECT state FROM correction_history ORDER BY corrected_at, action DESC") == [("withdrawn",), ("withdrawal",)]
    assert query(warehouse, "SELECT review_status, cluster_id FROM casualties WHERE fact_id = ?", [fact_id]) == [("machine", cluster_id)]
    assert _without_corrections(snapshot(warehouse)) == _without_corrections(before)


def test_a_quote_takes_the_speaker_a_person_names_and_loses_a_rejected_one(tmp_path, seeds_warehouse):
    warehouse = copy_tree(seeds_warehouse[0], tmp_path / "wh")
    unattributed = query(warehouse, "SELECT quote_id FROM quotes WHERE speaker IS NULL ORDER BY quote_id LIMIT 1")[0][0]
    entity_id, name = query(warehouse, """SELECT entity_id, canonical_name FROM entities WHERE entity_type = 'person'
        ORDER BY n_documents DESC, entity_id LIMIT 1""")[0]

    assert _correct(warehouse, "quote", unattributed, "--set", f"speaker={name.upper()}") == 0
    assert query(warehouse, "SELECT speaker, speaker_entity_id, review_status FROM quotes WHERE quote_id = ?", [unattributed]) == [
        (name, entity_id, "corrected")]
    assert query(warehouse, "SELECT speaker FROM quotes_machine WHERE quote_id = ?", [unattributed]) == [(None,)]

    attributed, speaker = query(warehouse, "SELECT quote_id, speaker FROM quotes WHERE speaker IS NOT NULL AND review_status = 'machine' "
                                           "ORDER BY quote_id LIMIT 1")[0]
    assert _correct(warehouse, "quote", attributed, "--reject") == 0
    assert query(warehouse, "SELECT speaker, speaker_entity_id, review_status FROM quotes WHERE quote_id = ?", [attributed]) == [
        (None, None, "rejected")]
    assert query(warehouse, "SELECT speaker FROM quotes_machine WHERE quote_id = ?", [attributed]) == [(speaker,)]


def test_a_correction_finds_its_fact_by_span_when_its_id_changed_and_is_reported_when_its_article_changed(tmp_path, run_flow):
    from newsfacts.cli import main
    from newsfacts.corrections import _typed_rows
    from newsfacts.load.warehouse import Warehouse
    from newsfacts.report import run_summary_lines

    source, warehouse = tmp_path / "src", tmp_path / "wh"
    shutil.copytree(SEEDS, source)
    run_flow(source, warehouse)
    figures = query(warehouse, """SELECT c.fact_id, c.doc_id, c.start_char, c.end_char, d.source_path FROM casualties c
        JOIN documents d USING (doc_id) WHERE c.kind = 'killed' ORDER BY c.fact_id""")
    moved, edited = figures[0], next(f for f in figures if f[4] != figures[0][4])

    # New rules that move a figure's span give it a new id: a correction made before still finds it.
    _, doc_id, start, end, _ = moved
    row = {"correction_id": "c-before-new-rules", "target": "casualty", "fact_id": "0" * 16, "doc_id": doc_id,
           "start_char": start + 1, "end_char": end + 3, "action": "confirm", "field": None, "value": None,
           "machine_value": None, "withdraws": None, "reason": None, "corrected_by": "tester",
           "corrected_at": datetime(2026, 1, 1), "pipeline_version": "earlier rules"}
    Warehouse(warehouse).store.append("corrections", _typed_rows([row]), "c-before-new-rules")
    assert main(["rebuild", "--warehouse", str(warehouse)]) == 0
    assert query(warehouse, "SELECT state, applied_to, found_by_span FROM correction_history") == [("applied", moved[0], True)]
    assert query(warehouse, "SELECT review_status FROM casualties WHERE fact_id = ?", [moved[0]]) == [("confirmed",)]

    # An article that changed is a new document: the correction of its old version is reported.
    assert _correct(warehouse, "casualty", edited[0], "--set", "victims=civilians") == 0
    path = source / edited[4]
    path.write_text(path.read_text(encoding="utf-8").replace(" killed", " hurt"), encoding="utf-8")
    summary = run_flow(source, warehouse)
    assert any(line.startswith("Corrections that no longer find their fact (its article changed): 1;")
               for line in run_summary_lines(summary))
    assert query(warehouse, "SELECT state FROM correction_history WHERE fact_id = ?", [edited[0]]) == [("unattached",)]
    assert query(warehouse, "SELECT count(*) FROM casualties WHERE review_status = 'corrected'") == [(0,)]
    assert query(warehouse, "SELECT count(*) FROM corrections_unattached") == [(1,)]


@pytest.mark.parametrize("args, said", [
    (["casualty", "{fact}", "--set", "kind=dead"], "kind takes one of killed, injured, missing, displaced"),
    (["casualty", "{fact}", "--set", "count_min=many"], "count_min takes a whole number, not 'many'"),
    (["casualty", "{fact}", "--set", "count_max=0"], "the lowest count cannot be above the highest"),
    (["casualty", "{fact}", "--set", "doc_id=x"], "A correction cannot set 'doc_id' of a casualty figure"),
    (["casualty", "no-such-id", "--confirm"], "No casualty figure has the id 'no-such-id'"),
    (["casualty", "{fact}", "--withdraw", "c123"], "No correction 'c123' of the casualty figure"),
    (["quote", "{fact}", "--confirm"], "No quote has the id"),
    (["event", "{event}", "--set", "incident=inc-none"], "incident takes the id of an incident, or of a report in one"),
    (["entity", "{entity}", "--set", "split_document=x"], "split_document takes the id of one of the documents that name"),
])
def test_a_correction_that_breaks_the_rules_is_one_sentence_and_stores_nothing(tmp_path, seeds_warehouse, capsys, args, said):
    warehouse = copy_tree(seeds_warehouse[0], tmp_path / "wh")
    fact = query(warehouse, "SELECT fact_id FROM casualties WHERE count_min > 0 ORDER BY fact_id LIMIT 1")[0][0]
    event = query(warehouse, "SELECT event_id FROM events ORDER BY event_id LIMIT 1")[0][0]
    entity = query(warehouse, "SELECT entity_id FROM entities WHERE entity_type = 'person' ORDER BY entity_id LIMIT 1")[0][0]
    assert _correct(warehouse, *[a.format(fact=fact, event=event, entity=entity) for a in args]) == 1
    error = capsys.readouterr().err
    assert said in error and error.count("\n") == 1 and "Traceback" not in error
    assert not (warehouse / "tables" / "corrections").exists()
