"""The run's parts apart from Prefect: the ledger's accounts, the runners by name, the database build in
its three steps, and the flow's parameters as a deployment sets them."""

from __future__ import annotations

import logging

import pytest
from prefect.task_runners import ThreadPoolTaskRunner

from conftest import SEEDS
from newsfacts.config import Settings
from newsfacts.consolidate import build as consolidation
from newsfacts.consolidate.build import consolidate_build
from newsfacts.errors import NewsfactsError
from newsfacts.ingest.models import FileOutcome, Quarantined
from newsfacts.load import build
from newsfacts.load.warehouse import KnownState, Warehouse
from newsfacts.pipeline import IngestResult
from newsfacts.run_ledger import RunLedger
from newsfacts.runners import concurrent_batches, task_runner_for


def _file(path: str):
    class Found:  # what the ledger reads of a found file: nothing but its presence
        rel_path = path
    return Found()


def test_the_ledger_accounts_for_every_file_and_writes_each_quarantine_row_once():
    ledger = RunLedger("r1", "in", "wh")
    loaded = FileOutcome("a.txt", "sha-a", 10, "text", "loaded")
    copy = FileOutcome("b.txt", "sha-b", 10, "text", "loaded")
    broken = FileOutcome("c.json", "sha-c", 10, "json", "quarantined")
    bad_record = Quarantined("c.json#1", "parse", "malformed_json", "c.json line 1 is not JSON.", "fc")
    ingested = IngestResult(outcomes=[loaded, copy, broken], quarantined=[bad_record], unchanged=["d.txt"])
    ledger.add_batch(ingested, documents=[{"doc_id": "1", "source_path": "a.txt"}],
                     duplicates=[{"doc_id": "1", "source_path": "b.txt"}])
    empty_again = Quarantined("e.txt", "read", "empty_file", "e.txt is empty.", "fe")  # an earlier run recorded it
    empty_new = Quarantined("f.txt", "read", "empty_file", "f.txt is empty.", "ff")
    known = KnownState(quarantine_keys={("e.txt", "empty_file", "fe")})
    deleted = [FileOutcome("gone.txt", None, None, None, status="deleted")]
    found = [_file(p) for p in ("a.txt", "b.txt", "c.json", "d.txt", "u.txt")]
    rows = ledger.close_files(found, [empty_again, empty_new], [_file("g.txt")], ["u.txt"], deleted, known)

    summary = ledger.summary
    assert (summary.files_seen, summary.files_loaded, summary.files_duplicate, summary.files_quarantined,
            summary.files_unchanged, summary.files_deferred, summary.files_deleted) == (8, 1, 1, 2, 3, 1, 1)
    assert summary.accounted and summary.documents_loaded == 1
    assert [r["source_path"] for r in rows["quarantine"]] == ["f.txt", "c.json#1"]
    assert summary.quarantine_reasons == {"empty_file": 1, "malformed_json": 1}
    assert [r["status"] for r in rows["source_files"]] == ["loaded", "duplicate", "quarantined", "deleted"]
    assert summary.rows_added == {"quarantine": 2, "source_files": 4}
    assert ledger.run_row()["files_seen"] == 8 and ledger.run_row()["run_id"] == "r1"


def test_the_ledger_names_a_few_unchanged_files_and_counts_the_rest(caplog):
    ledger = RunLedger("r1", "in", "wh")
    unchanged = [f"{i:03d}.txt" for i in range(25)]
    ledger.close_files([_file(p) for p in unchanged], [], [], unchanged, [], KnownState())
    with caplog.at_level(logging.INFO):
        ledger.log_files(logging.getLogger("test"), [])
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0] == "unchanged   000.txt (already loaded)" and lines[-1] == "unchanged   5 more files (already loaded)"
    assert len(lines) == 21


def test_runners_are_chosen_by_name_and_an_unknown_one_is_one_sentence():
    assert concurrent_batches(task_runner_for("local", workers=3), 3) == 3
    assert isinstance(task_runner_for("local", workers=1), ThreadPoolTaskRunner)
    with pytest.raises(NewsfactsError, match=r"^The runner 'spark' is not one newsfacts knows: use one of local, dask, ray\.$"):
        task_runner_for("spark")


def _two_documents(warehouse: Warehouse, agreeing_values: int) -> None:
    """Two documents whose MinHash signatures agree on `agreeing_values` of 64 (and so share bands)."""
    base = list(range(64))
    other = base[:agreeing_values] + [1000 + i for i in range(64 - agreeing_values)]
    rows = [{"doc_id": doc_id, "source_path": f"{doc_id}.txt", "text": "x", "minhash": signature, "n_words": 1,
             "published_date": None, "run_id": "r1"}
            for doc_id, signature in (("d1", base), ("d2", other))]
    warehouse.stage_rows("documents", rows, "r1")
    warehouse.commit_run("r1", {"run_id": "r1", "status": "completed"})


def _near_duplicates(warehouse: Warehouse) -> list[tuple]:
    import duckdb

    with duckdb.connect(str(warehouse.database), read_only=True) as con:
        return con.execute("SELECT doc_id, near_duplicate_of, similarity FROM near_duplicates").fetchall()


def test_the_build_runs_in_three_steps_and_takes_its_thresholds_from_python(tmp_path, monkeypatch):
    warehouse = Warehouse(tmp_path)
    _two_documents(warehouse, agreeing_values=48)  # similarity 0.75
    building = build.stage(warehouse, "b1")
    assert building.needs_consolidation and building.file.exists() and not warehouse.database.exists()
    assert consolidate_build(building)["incidents"] == 0
    build.publish(building)
    assert _near_duplicates(warehouse) == [("d2", "d1", 0.75)]

    monkeypatch.setitem(consolidation.SQL_VARIABLES, "near_duplicate_similarity", 0.8)
    warehouse.database.unlink()  # a full build (changed code changes the build's digest, which forces one too)
    again = build.stage(warehouse, "b2")
    consolidate_build(again)
    build.publish(again)
    assert _near_duplicates(warehouse) == []


def test_a_consolidation_that_fails_leaves_the_staged_file_to_run_again(tmp_path, monkeypatch):
    warehouse = Warehouse(tmp_path)
    _two_documents(warehouse, agreeing_values=64)
    building = build.stage(warehouse, "b1")

    def broken_grouping(*args):
        raise RuntimeError("a step that fails")

    monkeypatch.setattr(consolidation, "group_quotes", broken_grouping)
    with pytest.raises(RuntimeError):
        consolidate_build(building)
    monkeypatch.undo()
    consolidate_build(building)  # the task's retry: the failed transaction left nothing behind
    build.publish(building)
    assert _near_duplicates(warehouse) == [("d2", "d1", 1.0)]


def test_every_setting_and_the_runner_are_flow_parameters_a_deployment_can_set():
    from flows.news_etl import news_etl

    schema = news_etl.parameters.model_dump()
    assert {"settings", "runner", "workers", "cluster_address", "max_file_mb"} <= set(schema["properties"])
    assert set(schema["definitions"]["Settings"]["properties"]) == set(Settings.__dataclass_fields__)
    given = news_etl.validate_parameters({"source_dir": "in", "runner": "dask", "workers": None,
                                          "settings": {"min_words": 50, "languages": ["en", "fr"]}})
    assert given["settings"] == Settings(min_words=50, languages=("en", "fr"))
    assert given["runner"] == "dask" and given["workers"] is None


def test_settings_given_as_a_flow_parameter_rule_the_run(tmp_path, run_flow):
    summary = run_flow(SEEDS, tmp_path / "wh", settings=Settings(min_words=100_000))
    assert summary.files_quarantined == 5 and summary.quarantine_reasons == {"too_short": 5}
    assert summary.documents_loaded == 0 and summary.accounted


def test_a_quarantined_record_or_fact_row_names_its_file_without_parsing_its_label():
    from schemas.values import Reason, Stage

    record = Quarantined("c.jsonl#3", Stage.PARSE, Reason.MALFORMED_JSON, "c.jsonl, line 3: not valid JSON.")
    row = Quarantined("odd [name].txt [casualties 0123456789abcdef]", Stage.EXTRACT, Reason.BAD_SPAN, "a row failed.",
                      file="odd [name].txt")
    assert (record.file, row.file) == ("c.jsonl", "odd [name].txt")
    assert "file" not in row.columns() and row.columns()["source_path"].endswith("[casualties 0123456789abcdef]")
