"""The warehouse's crash and reader safety: parts commit with their run row; rebuilds swap the file."""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsfacts.load.warehouse import Warehouse


def test_parts_of_a_run_without_a_runs_row_are_ignored_and_cleaned(tmp_path):
    warehouse = Warehouse(tmp_path)
    row = {"source_path": "x.txt", "stage": "read", "reason": "empty", "detail": "x.txt is empty.", "run_id": "r1", "fingerprint": "f"}
    warehouse.write_part("quarantine", [row], "r1")
    warehouse.write_part("runs", [{"run_id": "r1", "status": "completed", "files_seen": 1}], "r1")
    warehouse.write_part("quarantine", [{**row, "source_path": "y.txt", "run_id": "killed"}], "killed")
    counts = warehouse.rebuild_database("b1")
    assert counts["quarantine"] == 1
    assert warehouse.known_state().quarantine_keys == {("x.txt", "empty", "f")}
    removed = warehouse.remove_uncommitted_parts()
    assert [Path(p).name for p in removed] == ["part-killed.parquet"]


def test_a_reader_holding_the_database_does_not_block_a_rebuild(tmp_path):
    warehouse = Warehouse(tmp_path)
    warehouse.write_part("runs", [{"run_id": "r1", "status": "completed"}], "r1")
    warehouse.rebuild_database("b1")
    reader = duckdb.connect(str(warehouse.database), read_only=True)
    try:
        warehouse.write_part("runs", [{"run_id": "r2", "status": "completed"}], "r2")
        warehouse.rebuild_database("b2")
        assert reader.execute("SELECT count(*) FROM runs").fetchall() == [(1,)]  # the reader keeps its snapshot
    finally:
        reader.close()
    with duckdb.connect(str(warehouse.database), read_only=True) as fresh:
        assert fresh.execute("SELECT count(*) FROM runs").fetchall() == [(2,)]
