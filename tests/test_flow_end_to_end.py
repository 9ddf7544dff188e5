"""The news_etl flow through Prefect (one session-wide test harness), read back from DuckDB."""

from __future__ import annotations

import json
import os
import shutil

import pytest

from conftest import SEEDS, copy_tree, query

pytestmark = pytest.mark.slow  # flow runs through Prefect

DATA_TABLES = ("documents", "quarantine", "source_files", "entity_observations", "mentions", "casualties", "quotes", "events")


def table_counts(warehouse):
    return {t: query(warehouse, f"SELECT count(*) FROM {t}")[0][0] for t in DATA_TABLES}


def test_seeds_load_with_the_figures_the_articles_state(seeds_warehouse):
    warehouse, summary = seeds_warehouse
    assert summary.files_seen == 5 and summary.files_loaded == 5 and summary.documents_loaded == 5
    assert query(warehouse, "SELECT count(*) FROM documents")[0][0] == 5
    figures = set(query(warehouse, """
        SELECT c.kind, c.count_min FROM casualties c JOIN documents d USING (doc_id)
        WHERE d.source_path LIKE '003_%' AND c.part_of IS NULL"""))
    assert {("killed", 21), ("injured", 112)} <= figures
    assert ("killed", 11) in query(warehouse, """
        SELECT c.kind, c.count_min FROM casualties c JOIN documents d USING (doc_id) WHERE d.source_path LIKE '004_%'""")
    for table in ("entities", "mentions", "quotes", "events", "event_clusters", "runs"):
        assert query(warehouse, f"SELECT count(*) FROM {table}")[0][0] > 0, table


def test_every_fact_has_provenance_and_its_evidence_span(seeds_warehouse):
    warehouse, _ = seeds_warehouse
    for table in ("casualties", "quotes", "events", "mentions"):
        bad = query(warehouse, f"""
            SELECT count(*) FROM {table} f JOIN documents d USING (doc_id)
            WHERE f.start_char < 0 OR f.end_char > length(d.text) OR f.start_char >= f.end_char""")[0][0]
        assert bad == 0, table
    assert query(warehouse, "SELECT count(*) FROM casualties WHERE pipeline_version IS NULL OR run_id IS NULL")[0][0] == 0
    evidence = query(warehouse, """
        SELECT substr(d.text, c.start_char + 1, c.end_char - c.start_char)
        FROM casualties c JOIN documents d USING (doc_id) WHERE c.kind = 'killed' AND c.count_min = 21""")
    assert evidence == [("21 people were killed",)]


def test_contract_columns_exist_with_their_types(seeds_warehouse):
    warehouse, _ = seeds_warehouse
    contract = {
        "documents": {"doc_id": "VARCHAR", "published_date": "DATE", "n_words": "INTEGER", "ingested_at": "TIMESTAMP", "near_duplicate_of": "VARCHAR"},
        "entities": {"aliases": "VARCHAR[]", "latitude": "DOUBLE", "country_code": "VARCHAR"},
        "casualties": {"count_min": "INTEGER", "count_max": "INTEGER", "event_date": "DATE", "part_of": "VARCHAR"},
        "events": {"weapons": "VARCHAR[]", "targets": "VARCHAR[]", "cluster_id": "VARCHAR", "event_date_precision": "VARCHAR"},
        "event_clusters": {"doc_ids": "VARCHAR[]", "n_publishers": "INTEGER", "killed_best": "INTEGER"},
        "runs": {"flow_run_id": "VARCHAR", "files_seen": "INTEGER", "pipeline_version": "VARCHAR"},
        "quarantine": {"stage": "VARCHAR", "reason": "VARCHAR", "quarantined_at": "TIMESTAMP"},
    }
    for table, columns in contract.items():
        types = dict(query(warehouse, "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?", [table]))
        for column, expected in columns.items():
            assert types.get(column) == expected, (table, column, types.get(column))
    from deltalake import DeltaTable

    for table in ("documents", "casualties", "quotes", "events", "mentions", "runs"):
        stored = DeltaTable(warehouse / "tables" / table).to_pyarrow_table()  # a Delta table any reader opens
        assert stored.num_rows == query(warehouse, f"SELECT count(*) FROM {table}")[0][0], table
    # the tables derived across documents live in the DuckDB file only
    assert not (warehouse / "tables" / "entities").exists() and not (warehouse / "tables" / "event_clusters").exists()


def test_rerun_adds_nothing_and_a_new_file_loads_alone(tmp_path, run_flow):
    source = copy_tree(SEEDS, tmp_path / "src")
    warehouse = tmp_path / "wh"
    run_flow(source, warehouse)
    before = table_counts(warehouse)

    again = run_flow(source, warehouse)
    assert table_counts(warehouse) == before
    assert again.files_unchanged == 5 and again.documents_loaded == 0

    touched = sorted(source.glob("*.txt"))[0]
    os.utime(touched)  # a new modification time, the same content: read again, found unchanged by its hash
    assert run_flow(source, warehouse).files_unchanged == 5
    assert table_counts(warehouse) == before

    new = source / "extra" / "new-report.txt"
    new.parent.mkdir()
    new.write_text("Strike on a market\n\nOfficials said four people were killed and nine wounded when a missile "
                   "hit a market in the town of Izium on Thursday, the regional governor said. Rescuers were still "
                   "searching the rubble of two damaged buildings near the square in the evening.\n", encoding="utf-8")
    third = run_flow(source, warehouse)
    assert third.files_loaded == 1 and third.files_unchanged == 5 and third.documents_loaded == 1
    after = table_counts(warehouse)
    assert after["documents"] == before["documents"] + 1
    loaded_by_run = query(warehouse, "SELECT source_path FROM documents WHERE run_id = ?", [third.run_id])
    assert loaded_by_run == [("extra/new-report.txt",)]
    assert query(warehouse, "SELECT count(*) FROM runs")[0][0] == 4


def test_same_article_under_two_names_is_one_document(tmp_path, run_flow):
    source = tmp_path / "src"
    source.mkdir()
    seed = next(SEEDS.glob("003_*.txt"))
    shutil.copy(seed, source / "a.txt")
    shutil.copy(seed, source / "b-copy.txt")
    summary = run_flow(source, tmp_path / "wh")
    assert summary.documents_loaded == 1 and summary.files_duplicate == 1
    assert query(tmp_path / "wh", "SELECT status, duplicate_of FROM source_files WHERE source_path = 'b-copy.txt'") == [
        ("duplicate", [query(tmp_path / "wh", "SELECT doc_id FROM documents")[0][0]])
    ]


@pytest.fixture(scope="module")
def bad_inputs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad-inputs")
    good = ("Police said three people were killed and two injured when gunmen opened fire on a bus near the "
            "northern city on Monday, the interior ministry said in a statement. ")
    (folder / "good.txt").write_text(good * 2, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "huge.txt").write_text("word " * 300_000)
    lines = [json.dumps({"title": "Bus attack", "text": good * 3, "published": "2022-03-01"}), "{broken", json.dumps({"title": "only a title"})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    (folder / "deck.pptx").write_bytes(b"PK\x03\x04")
    (folder / "german.txt").write_text("Die Polizei sagte, dass bei dem Angriff auf den Bus drei Menschen getötet und zwei verletzt wurden. " * 3)
    (folder / "teaser.txt").write_text("Three killed in bus attack.")
    os.symlink("/etc/hostname", folder / "outside.txt")
    locked = folder / "locked.txt"
    locked.write_text(good)
    locked.chmod(0)
    if os.geteuid() == 0:  # root reads anything: a broken link stands in for an unreadable file
        locked.unlink()
        os.symlink(folder / "gone.txt", locked)
    return folder


@pytest.fixture(scope="module")
def bad_run(bad_inputs, tmp_path_factory, run_flow):
    warehouse = tmp_path_factory.mktemp("bad-warehouse")
    return warehouse, run_flow(bad_inputs, warehouse, max_file_mb=1)


def test_bad_inputs_are_quarantined_with_reasons_and_never_stop_the_run(bad_run):
    warehouse, summary = bad_run
    reasons = dict(query(warehouse, "SELECT source_path, reason FROM quarantine"))
    assert reasons == {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "huge.txt": "too_large",
        "feed.jsonl#2": "malformed_json",
        "feed.jsonl#3": "missing_text",
        "deck.pptx": "unsupported_type",
        "german.txt": "language",
        "teaser.txt": "too_short",
        "outside.txt": "symlink_outside",
        "locked.txt": "unreadable",
    }
    assert all(detail for (detail,) in query(warehouse, "SELECT detail FROM quarantine"))
    loaded = {row[0] for row in query(warehouse, "SELECT source_path FROM documents")}
    assert loaded == {"good.txt", "feed.jsonl#1"}  # the good line of a file with bad lines still loads
    assert summary.files_seen == summary.files_loaded + summary.files_duplicate + summary.files_quarantined + summary.files_unchanged
    assert summary.files_seen == 10


def test_quarantine_is_not_repeated_on_rerun(bad_inputs, bad_run, run_flow):
    warehouse, _ = bad_run
    before = query(warehouse, "SELECT count(*) FROM quarantine")[0][0]
    again = run_flow(bad_inputs, warehouse, max_file_mb=1)
    assert query(warehouse, "SELECT count(*) FROM quarantine")[0][0] == before
    assert again.files_unchanged == again.files_seen


def test_one_entity_across_documents_spellings_and_surnames(seeds_warehouse):
    warehouse, _ = seeds_warehouse
    def entity_of(surface):
        return query(warehouse, "SELECT DISTINCT e.canonical_name FROM mentions m JOIN entities e USING (entity_id) WHERE m.surface = ?", [surface])

    assert entity_of("Kirby") == entity_of("John Kirby") == [("John Kirby",)]  # surname alone, another document
    assert entity_of("Dmytro Kulebam") == entity_of("Dmitro Kuleba") == [("Dmytro Kuleba",)]  # one-off misspelling
    assert len({entity_of(s)[0] for s in ("Oleg Synegubov", "Oleh Sinegubov", "Oleg Sinehubov")}) == 1
    assert entity_of("Vladimir Putin") != entity_of("Vladimir Medinski")
    assert entity_of("Kharkov") == entity_of("Kharkiv") == [("Kharkiv",)]


def test_seed_gold_scores(seeds_warehouse):
    from pathlib import Path

    from newsfacts.evaluate import evaluate

    warehouse, _ = seeds_warehouse
    scores = evaluate(warehouse, Path(__file__).parent / "gold")
    assert scores["casualties"].f1 >= 0.9
    assert scores["quotes found"].recall >= 0.9
    assert scores["quote speakers"].recall >= 0.8
    assert scores["variants merged"].recall >= 0.95
    assert scores["false merges"].true_positive == 0
    assert scores["places geocoded"].recall >= 0.9
    assert scores["published dates"].recall == 1.0 and not scores["published dates"].extras


def test_a_changed_file_supersedes_its_old_facts(tmp_path, run_flow):
    source = tmp_path / "src"
    source.mkdir()
    report = source / "report.txt"
    body = ("Strike on a market\n\nOfficials said {n} people were killed when a missile hit a market in the "
            "town on Thursday, the regional governor said. Rescuers searched the rubble of two damaged buildings "
            "near the square until the evening, and more victims were feared.\n")
    report.write_text(body.format(n="four"))
    warehouse = tmp_path / "wh"
    first = run_flow(source, warehouse)
    report.write_text(body.format(n="seven"))
    second = run_flow(source, warehouse)
    assert first.documents_loaded == second.documents_loaded == 1
    killed = query(warehouse, "SELECT count_min FROM casualties WHERE kind = 'killed'")
    assert killed == [(7,)]  # the old version's figure is superseded, not duplicated
    versions = query(warehouse, "SELECT run_id = ?, superseded_by IS NULL FROM documents ORDER BY ingested_at", [second.run_id])
    assert versions == [(False, False), (True, True)]


def test_a_file_still_being_written_waits_for_the_next_run(tmp_path, run_flow, monkeypatch):
    source = copy_tree(SEEDS, tmp_path / "src")
    for path in source.iterdir():
        os.utime(path)  # just written
    monkeypatch.setenv("NEWSFACTS_SETTLE_SECONDS", "60")
    summary = run_flow(source, tmp_path / "wh")
    assert summary.files_deferred == 5 and summary.documents_loaded == 0 and summary.accounted
    monkeypatch.setenv("NEWSFACTS_SETTLE_SECONDS", "0")
    assert run_flow(source, tmp_path / "wh").documents_loaded == 5


def test_files_loaded_before_are_known_by_path_size_and_time_without_reading():
    from newsfacts.ingest.models import InputFile
    from newsfacts.load.warehouse import KnownState
    from newsfacts.pipeline import split_unchanged

    known = KnownState(file_stats={("a.txt", 120, 1_000)})
    files = [
        InputFile("/src/a.txt", "a.txt", "text", 120, 1_000),  # as loaded
        InputFile("/src/b.txt", "b.txt", "text", 120, 1_000),  # another file
        InputFile("/src/c/a.txt", "c/a.txt", "text", 120, 1_000),  # same name, other folder
    ]
    to_read, unchanged = split_unchanged(files, known)
    assert unchanged == ["a.txt"] and [f.rel_path for f in to_read] == ["b.txt", "c/a.txt"]
    for size, mtime in ((121, 1_000), (120, 1_001)):  # grown, or written again
        assert split_unchanged([InputFile("/src/a.txt", "a.txt", "text", size, mtime)], known)[1] == []


def test_a_big_folder_goes_in_a_few_large_batches_per_worker():
    from newsfacts.config import Settings
    from newsfacts.pipeline import MAX_BATCH_SIZE, MIN_BATCH_SIZE, batch_size_for, batched

    auto = Settings()
    # Enough batches to keep every worker busy to the end; no more task runs than that needs.
    assert len(batched(list(range(2000)), batch_size_for(2000, 2, auto))) == 8
    assert len(batched(list(range(1000)), batch_size_for(1000, 8, auto))) == 16  # small batches, many workers
    # A small folder is not cut finer than MIN_BATCH_SIZE (its seeds fit in one batch, run in-process) ...
    assert batch_size_for(5, 2, auto) == MIN_BATCH_SIZE and batch_size_for(200, 2, auto) == MIN_BATCH_SIZE
    # ... and no batch holds more than MAX_BATCH_SIZE, however large the folder.
    assert batch_size_for(1_000_000, 2, auto) == MAX_BATCH_SIZE
    assert batch_size_for(2000, 2, Settings.from_env({"NEWSFACTS_BATCH_SIZE": "10"})) == 10
