"""The warehouse's crash and reader safety: parts commit with their run row; rebuilds swap the file."""

from __future__ import annotations

from pathlib import Path

import duckdb

from newsfacts.load.warehouse import Warehouse
from newsfacts.pipeline import build_database


def test_parts_of_a_run_without_a_runs_row_are_ignored_and_cleaned(tmp_path):
    warehouse = Warehouse(tmp_path)
    row = {"source_path": "x.txt", "stage": "read", "reason": "empty", "detail": "x.txt is empty.", "run_id": "r1", "fingerprint": "f"}
    warehouse.write_part("quarantine", [row], "r1")
    warehouse.write_part("runs", [{"run_id": "r1", "status": "completed", "files_seen": 1}], "r1")
    warehouse.write_part("quarantine", [{**row, "source_path": "y.txt", "run_id": "killed"}], "killed")
    counts = build_database(warehouse, "b1")
    assert counts["quarantine"] == 1
    assert warehouse.known_state().quarantine_keys == {("x.txt", "empty", "f")}
    removed = warehouse.remove_uncommitted_parts()
    assert [Path(p).name for p in removed] == ["part-killed.parquet"]


def test_a_reader_holding_the_database_does_not_block_a_rebuild(tmp_path):
    warehouse = Warehouse(tmp_path)
    warehouse.write_part("runs", [{"run_id": "r1", "status": "completed"}], "r1")
    build_database(warehouse, "b1")
    reader = duckdb.connect(str(warehouse.database), read_only=True)
    try:
        row = {"source_path": "x.txt", "stage": "read", "reason": "empty", "detail": "x.txt is empty.", "run_id": "r2", "fingerprint": "f"}
        warehouse.write_part("quarantine", [row], "r2")
        warehouse.write_part("runs", [{"run_id": "r2", "status": "completed"}], "r2")
        build_database(warehouse, "b2")  # a full build
        _runs_only(warehouse, "r3")
        build_database(warehouse, "b3")  # the last build copied, with r3's runs row
        assert reader.execute("SELECT count(*) FROM runs").fetchall() == [(1,)]  # the reader keeps its snapshot
    finally:
        reader.close()
    with duckdb.connect(str(warehouse.database), read_only=True) as fresh:
        assert fresh.execute("SELECT count(*) FROM runs").fetchall() == [(3,)]
        assert fresh.execute("SELECT count(*) FROM quarantine").fetchall() == [(1,)]


def _scheduled_runs(warehouse: Warehouse, n: int, first: int = 0) -> None:
    """n runs, each committing one quarantine row, as n scheduled runs of a flow would."""
    for i in range(first, first + n):
        run_id = f"r{i:03d}"
        warehouse.write_part("quarantine", [{"source_path": f"{i}.txt", "stage": "read", "reason": "empty",
                                             "detail": "empty", "run_id": run_id, "fingerprint": str(i)}], run_id)
        warehouse.write_part("runs", [{"run_id": run_id, "status": "completed", "files_seen": 1}], run_id)


def _killed_during(action) -> None:
    try:
        action()
    except KeyboardInterrupt:  # what the test's sabotaged write raises, standing for a killed process
        pass


def _files(warehouse: Warehouse, table: str) -> list[str]:
    return sorted(p.name for p in (Path(warehouse.parquet_location) / table).iterdir())


def test_small_parts_of_many_runs_are_merged_and_read_once(tmp_path, monkeypatch):
    from newsfacts.load import warehouse as module

    monkeypatch.setattr(module, "MERGE_AFTER_PARTS", 4)
    warehouse = Warehouse(tmp_path)
    _scheduled_runs(warehouse, 6)
    assert warehouse.merge_small_parts() == 12  # 6 quarantine parts and 6 runs parts
    assert len(_files(warehouse, "quarantine")) == 2 and len(_files(warehouse, "runs")) == 2  # a part and its manifest
    _scheduled_runs(warehouse, 3, first=6)
    counts = build_database(warehouse, "b1")
    assert counts["runs"] == 9 and counts["quarantine"] == 9  # every run's rows, each read once
    assert len(warehouse.known_state().quarantine_keys) == 9
    assert warehouse.merge_small_parts() == 0  # 1 merged part + 3 new ones: under the threshold


def test_a_merge_cut_short_loses_nothing_and_the_next_run_finishes_it(tmp_path, monkeypatch):
    from newsfacts.load import warehouse as module

    monkeypatch.setattr(module, "MERGE_AFTER_PARTS", 4)
    warehouse = Warehouse(tmp_path)
    _scheduled_runs(warehouse, 6)
    expected = build_database(warehouse, "b0")

    # Killed after the merged part was written, before its manifest: readers ignore the stray part.
    publish = Warehouse._publish
    monkeypatch.setattr(Warehouse, "_publish", lambda self, f, t, name: (_ for _ in ()).throw(KeyboardInterrupt)
                        if name.endswith(".merge.json") else publish(self, f, t, name))
    _killed_during(warehouse.merge_small_parts)
    monkeypatch.setattr(Warehouse, "_publish", publish)
    assert build_database(warehouse, "b1") == expected
    warehouse.remove_uncommitted_parts()
    assert len(_files(warehouse, "quarantine")) == 6

    # Killed after the manifest, with the replaced parts half deleted: readers skip what it replaced.
    delete, calls = Warehouse._delete, []

    def delete_twice_then_die(self, location):
        calls.append(location)
        if len(calls) > 2:
            raise KeyboardInterrupt
        delete(self, location)

    monkeypatch.setattr(Warehouse, "_delete", delete_twice_then_die)
    _killed_during(warehouse.merge_small_parts)
    monkeypatch.setattr(Warehouse, "_delete", delete)
    assert build_database(warehouse, "b2") == expected
    warehouse.remove_uncommitted_parts()
    assert len(_files(warehouse, "quarantine")) == 2  # the merged part and its manifest
    assert build_database(warehouse, "b3") == expected


def _runs_only(warehouse: Warehouse, run_id: str) -> None:
    """A run that found nothing new: it commits its runs row and nothing else."""
    warehouse.write_part("runs", [{"run_id": run_id, "status": "completed", "files_seen": 3}], run_id)


def _database_rows(warehouse: Warehouse, table: str) -> list[tuple]:
    with duckdb.connect(str(warehouse.database), read_only=True) as con:
        return sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=str)


def test_a_run_that_loaded_nothing_adds_its_runs_row_to_the_last_build(tmp_path, monkeypatch):
    warehouse = Warehouse(tmp_path)
    _scheduled_runs(warehouse, 2)
    before = build_database(warehouse, "b1")
    _runs_only(warehouse, "idle")

    def no_full_build(*args):
        raise AssertionError("a run that loaded nothing must not rebuild the database")

    monkeypatch.setattr("newsfacts.pipeline.consolidate_build", no_full_build)
    told = []
    after = build_database(warehouse, "b2", report=told.append)
    assert after == {**before, "runs": 3} and "Nothing to consolidate" in told[0]
    assert "idle" in {r[0] for r in _database_rows(warehouse, "runs")}
    monkeypatch.undo()
    warehouse.database.unlink()
    assert build_database(warehouse, "b3") == after  # what a full build gives


def test_rows_of_a_run_the_last_build_lacks_force_a_full_build_even_inside_a_merge(tmp_path, monkeypatch):
    from newsfacts.load import warehouse as module

    monkeypatch.setattr(module, "MERGE_AFTER_PARTS", 4)
    warehouse = Warehouse(tmp_path)
    _scheduled_runs(warehouse, 2)
    build_database(warehouse, "b1")
    _scheduled_runs(warehouse, 4, first=2)  # committed, but their build never happened (a crash)
    assert warehouse.merge_small_parts() > 0  # their rows now sit in a merged part
    _runs_only(warehouse, "idle")
    counts = build_database(warehouse, "b2")
    assert counts["quarantine"] == 6 and counts["runs"] == 7


def test_a_database_built_by_other_code_is_rebuilt_whole(tmp_path, monkeypatch):
    warehouse = Warehouse(tmp_path)
    _scheduled_runs(warehouse, 2)
    build_database(warehouse, "b1")
    monkeypatch.setattr("newsfacts.load.build.BUILD_DIGEST", "rules of another commit")
    _runs_only(warehouse, "idle")
    told = []
    build_database(warehouse, "b2", report=told.append)
    assert "Nothing to consolidate" not in told[0]
    assert _database_rows(warehouse, "build_info")[0][0] == "rules of another commit"
