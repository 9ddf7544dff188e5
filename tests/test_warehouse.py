"""The warehouse's crash and reader safety: a run's rows count once its `runs` row is committed; a
commit retried appends nothing twice; compaction keeps every row; rebuilds swap the file."""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys

import duckdb
import pyarrow as pa
import pytest
from deltalake import DeltaTable

from newsfacts.errors import NewsfactsError
from newsfacts.load import store
from newsfacts.load.warehouse import Warehouse
from newsfacts.pipeline import build_database


def _quarantine_row(name: str, run_id: str) -> dict:
    return {"source_path": name, "stage": "read", "reason": "empty", "detail": f"{name} is empty.", "run_id": run_id, "fingerprint": name}


def _stored(warehouse: Warehouse, table: str) -> list[dict]:
    return DeltaTable(warehouse.store.uri(table)).to_pyarrow_table().to_pylist()


def test_rows_of_a_run_killed_before_its_runs_row_are_ignored_then_deleted(tmp_path, monkeypatch):
    warehouse = Warehouse(tmp_path)
    warehouse.stage_rows("quarantine", [_quarantine_row("x.txt", "r1")], "r1")
    warehouse.commit_run("r1", {"run_id": "r1", "status": "completed", "files_seen": 1})
    warehouse.stage_rows("quarantine", [_quarantine_row("y.txt", "killed")], "killed")
    append = store.TableStore.append

    def killed_at_the_runs_row(self, table, data, run_id):
        if table == "runs":
            raise KeyboardInterrupt  # standing for a killed process
        return append(self, table, data, run_id)

    monkeypatch.setattr(store.TableStore, "append", killed_at_the_runs_row)
    with pytest.raises(KeyboardInterrupt):
        warehouse.commit_run("killed", {"run_id": "killed", "status": "completed"})
    monkeypatch.undo()
    assert len(_stored(warehouse, "quarantine")) == 2  # stored, but not committed
    counts = build_database(warehouse, "b1")
    assert counts["quarantine"] == 1 and counts["runs"] == 1
    assert warehouse.known_state().quarantine_keys == {("x.txt", "empty", "x.txt")}
    removed = warehouse.remove_unfinished_runs()
    assert "killed" in removed and any("staging-killed" in r for r in removed)
    assert [r["source_path"] for r in _stored(warehouse, "quarantine")] == ["x.txt"]
    assert warehouse.store.pending_runs() == []


def test_a_commit_retried_after_a_failure_stores_each_row_once(tmp_path, monkeypatch):
    warehouse = Warehouse(tmp_path)
    warehouse.stage_rows("quarantine", [_quarantine_row("x.txt", "r1")], "r1", 0)
    warehouse.stage_rows("quarantine", [_quarantine_row("y.txt", "r1")], "r1", 1)
    warehouse.stage_rows("source_files", [{"source_path": "x.txt", "run_id": "r1", "status": "quarantined"}], "r1")
    append, calls = store.TableStore.append, []

    def fails_once_after_the_first_table(self, table, data, run_id):
        calls.append(table)
        if len(calls) == 2:
            raise OSError("the connection dropped")
        return append(self, table, data, run_id)

    monkeypatch.setattr(store.TableStore, "append", fails_once_after_the_first_table)
    with pytest.raises(OSError):
        warehouse.commit_run("r1", {"run_id": "r1", "status": "completed"})
    assert warehouse.commit_run("r1", {"run_id": "r1", "status": "completed"}) == ["quarantine", "source_files", "runs"]
    assert sorted(r["source_path"] for r in _stored(warehouse, "quarantine")) == ["x.txt", "y.txt"]
    assert len(_stored(warehouse, "source_files")) == 1 and len(_stored(warehouse, "runs")) == 1
    assert warehouse.store.pending_runs() == []


def test_a_reader_holding_the_database_does_not_block_a_rebuild(tmp_path):
    warehouse = Warehouse(tmp_path)
    _runs_only(warehouse, "r1")
    build_database(warehouse, "b1")
    reader = duckdb.connect(str(warehouse.database), read_only=True)
    try:
        warehouse.stage_rows("quarantine", [_quarantine_row("x.txt", "r2")], "r2")
        warehouse.commit_run("r2", {"run_id": "r2", "status": "completed"})
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
        warehouse.stage_rows("quarantine", [_quarantine_row(f"{i}.txt", run_id)], run_id)
        warehouse.commit_run(run_id, {"run_id": run_id, "status": "completed", "files_seen": 1})


def test_small_files_of_many_runs_are_compacted_and_every_row_read_once(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "COMPACT_AFTER_FILES", 4)
    warehouse = Warehouse(tmp_path)
    _scheduled_runs(warehouse, 6)
    assert warehouse.compact() == 12  # 6 quarantine files and 6 runs files
    assert len(warehouse.store.files("quarantine")) == 1 and len(warehouse.store.files("runs")) == 1
    _scheduled_runs(warehouse, 3, first=6)
    counts = build_database(warehouse, "b1")
    assert counts["runs"] == 9 and counts["quarantine"] == 9  # every run's rows, each read once
    assert len(warehouse.known_state().quarantine_keys) == 9
    assert warehouse.compact() == 0  # 1 compacted file + 3 new ones: under the threshold
    history = DeltaTable(warehouse.store.uri("quarantine")).history()
    assert [c["operation"] for c in history].count("OPTIMIZE") == 1  # the table's log says what happened


def _runs_only(warehouse: Warehouse, run_id: str) -> None:
    """A run that found nothing new: it commits its runs row and nothing else."""
    warehouse.commit_run(run_id, {"run_id": run_id, "status": "completed", "files_seen": 3})


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


def test_rows_of_a_run_the_last_build_lacks_force_a_full_build_even_after_compaction(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "COMPACT_AFTER_FILES", 4)
    warehouse = Warehouse(tmp_path)
    _scheduled_runs(warehouse, 2)
    build_database(warehouse, "b1")
    _scheduled_runs(warehouse, 4, first=2)  # committed, but their build never happened (a crash)
    assert warehouse.compact() > 0  # their rows now sit in a compacted file
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


def _old_part(root, table: str, name: str, rows: list[dict]) -> None:
    """A Parquet part as the store before the Delta tables wrote it: parquet/<table>/<name>."""
    import pyarrow as pa

    from schemas.tables import ddl

    folder = root / "parquet" / table
    folder.mkdir(parents=True, exist_ok=True)
    with duckdb.connect() as con:
        con.execute(ddl())
        con.register("incoming", pa.Table.from_pylist(rows))
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM incoming")
        con.execute(f"COPY {table} TO '{folder / name}' (FORMAT parquet)")


def test_a_warehouse_of_parquet_parts_is_upgraded_in_place_with_the_rows_its_readers_took(tmp_path):
    import json

    root = tmp_path / "old"
    for run_id in ("r1", "r2"):
        _old_part(root, "runs", f"part-{run_id}.parquet", [{"run_id": run_id, "status": "completed"}])
    _old_part(root, "quarantine", "part-r1.00000.parquet", [_quarantine_row("a.txt", "r1")])  # replaced by the merge
    _old_part(root, "quarantine", "part-merged-1.parquet", [_quarantine_row("a.txt", "r1")])
    (root / "parquet" / "quarantine" / "merged-1.merge.json").write_text(json.dumps(["part-r1.00000.parquet"]))
    _old_part(root, "quarantine", "part-merged-2.parquet", [_quarantine_row("z.txt", "r1")])  # its manifest never written
    _old_part(root, "quarantine", "part-r2.parquet", [_quarantine_row("b.txt", "r2")])
    _old_part(root, "quarantine", "part-killed.parquet", [_quarantine_row("k.txt", "killed")])  # no runs row

    warehouse = Warehouse(root)
    with warehouse.exclusive():
        assert warehouse.upgrade_earlier_format() == 2  # quarantine and runs
    assert sorted(r["source_path"] for r in _stored(warehouse, "quarantine")) == ["a.txt", "b.txt"]
    assert not (root / "parquet").exists() and (root / "parquet.upgraded" / "runs").is_dir()
    assert build_database(warehouse, "b1")["quarantine"] == 2
    assert warehouse.upgrade_earlier_format() == 0  # once only


def test_a_run_that_loaded_nothing_writes_the_file_in_place_unless_a_reader_holds_it(tmp_path):
    """With no reader, the runs row goes into the published file itself (no copy, whatever its size); a
    process that holds the file open keeps its snapshot, and the run writes a copy renamed over it, then the
    next such run the file that copy replaced."""
    warehouse = Warehouse(tmp_path)
    _scheduled_runs(warehouse, 2)
    build_database(warehouse, "b1")
    file_before = warehouse.database.stat().st_ino
    _runs_only(warehouse, "idle-1")
    assert build_database(warehouse, "b2")["runs"] == 3
    assert warehouse.database.stat().st_ino == file_before  # the same file, written in place
    assert not list(tmp_path.glob(".building-*"))

    reader = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
                               "print(con.execute('SELECT count(*) FROM runs').fetchall()[0][0], flush=True); "
                               "sys.stdin.readline(); print(con.execute('SELECT count(*) FROM runs').fetchall()[0][0], flush=True)",
         str(warehouse.database)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "3"  # the reader holds the file open
        _runs_only(warehouse, "idle-2")
        assert build_database(warehouse, "b3")["runs"] == 4
        out, _ = reader.communicate("\n", timeout=60)
    finally:
        reader.kill()
    assert out.strip() == "3"  # its snapshot, while the run wrote a copy
    assert warehouse.database.stat().st_ino != file_before
    assert "idle-2" in {r[0] for r in _database_rows(warehouse, "runs")}

    # a reader of the new file: the next such run adds both runs rows to the file it replaced, kept as the spare
    reader = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
                               "print(con.execute('SELECT count(*) FROM runs').fetchall()[0][0], flush=True); sys.stdin.readline()",
         str(warehouse.database)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "4"
        _runs_only(warehouse, "idle-3")
        assert build_database(warehouse, "b4")["runs"] == 5
        reader.communicate("\n", timeout=60)
    finally:
        reader.kill()
    assert warehouse.database.stat().st_ino == file_before  # no copy: the spare, brought up to date
    assert {"idle-2", "idle-3"} <= {r[0] for r in _database_rows(warehouse, "runs")}


def test_an_append_killed_after_its_commit_but_before_its_checkpoint_loses_nothing_and_breaks_no_reader(tmp_path):
    """Such a kill leaves the file's write-ahead log beside it. A copy made while a reader holds the file
    takes the log's rows along, and the file renamed over it is not paired with the old log."""
    warehouse = Warehouse(tmp_path)
    _scheduled_runs(warehouse, 2)
    build_database(warehouse, "b1")
    _runs_only(warehouse, "idle-1")
    killed = ("import duckdb, os, sys; con = duckdb.connect(sys.argv[1]); con.execute(\"SET checkpoint_threshold = '1TB'\"); "
              "con.execute(\"INSERT INTO runs (run_id, status) VALUES ('idle-1', 'completed')\"); os._exit(9)")
    subprocess.run([sys.executable, "-c", killed, str(warehouse.database)], check=False)
    assert (tmp_path / "newsfacts.duckdb.wal").exists()

    reader = subprocess.Popen([sys.executable, "-c", "import duckdb, sys; con = duckdb.connect(sys.argv[1], read_only=True); "
                                                     "print('open', flush=True); sys.stdin.readline()", str(warehouse.database)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert reader.stdout.readline().strip() == "open"
        _runs_only(warehouse, "idle-2")
        build_database(warehouse, "b2")  # the reader holds the file: the run writes a copy
        reader.communicate("\n", timeout=60)
    finally:
        reader.kill()
    assert {"idle-1", "idle-2"} <= {r[0] for r in _database_rows(warehouse, "runs")}


def _database_tables(warehouse_dir) -> dict[str, list[tuple]]:
    with duckdb.connect(str(warehouse_dir / "newsfacts.duckdb"), read_only=True) as con:
        names = [r[0] for r in con.execute("SELECT table_name FROM duckdb_tables() WHERE table_name <> 'build_info'").fetchall()]
        return {name: sorted(con.execute(f"SELECT * FROM {name}").fetchall(), key=str) for name in names}


def test_a_build_that_needs_more_memory_than_it_is_given_does_the_step_again_without_the_limit(
        seeds_warehouse, tmp_path, monkeypatch, caplog):
    seeds, _summary = seeds_warehouse
    copy = tmp_path / "warehouse"
    shutil.copytree(seeds / "tables", copy / "tables")
    monkeypatch.setenv("NEWSFACTS_BUILD_MEMORY_MB", "1")  # too little for any step of the seeds' build
    with caplog.at_level(logging.WARNING, logger="newsfacts.load.build"):
        build_database(Warehouse(copy), "small", full=True)
    assert "more than NEWSFACTS_BUILD_MEMORY_MB allows" in caplog.text
    assert _database_tables(copy) == _database_tables(seeds)  # the same tables as the run's own build


def test_a_document_stored_by_two_runs_stops_the_build_with_a_clear_error(seeds_warehouse, tmp_path):
    seeds, _summary = seeds_warehouse
    copy = tmp_path / "warehouse"
    shutil.copytree(seeds / "tables", copy / "tables")
    warehouse = Warehouse(copy)
    with duckdb.connect() as con:  # one stored document again, as a second run written by other software
        document = con.sql(f"SELECT * REPLACE ('again' AS run_id) FROM {warehouse.table_source('documents')} LIMIT 1").to_arrow_table()
    warehouse.store.append("documents", document, "again")
    warehouse.store.append("runs", pa.table({"run_id": ["again"], "status": ["completed"]}), "again")
    with pytest.raises(NewsfactsError, match=f"stores document {document['doc_id'][0]} in two runs"):
        build_database(warehouse, "twice", full=True)
