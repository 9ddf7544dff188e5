"""The warehouse's past: `newsfacts history` lists its runs, `newsfacts sql --as-of` answers as it stood
after one of them, `newsfacts rebuild` derives every table again from the stored rows. The warehouses here
are built without Prefect or spaCy: runs that each quarantine a file, committed like a flow's."""

from __future__ import annotations

from datetime import datetime

import pytest

from newsfacts.cli import main
from newsfacts.load.history import as_of_database
from newsfacts.load.staging import RunStaging
from newsfacts.load.warehouse import Warehouse
from newsfacts.pipeline import build_database

FINISHED = {"r1": datetime(2026, 3, 1, 10), "r2": datetime(2026, 3, 1, 12), "r3": datetime(2026, 3, 2, 9)}


def _run(warehouse: Warehouse, run_id: str, files: list[str]) -> None:
    rows = [{"source_path": name, "stage": "read", "reason": "empty", "detail": f"{name} is empty.", "run_id": run_id,
             "fingerprint": name} for name in files]
    warehouse.stage_rows("quarantine", rows, run_id)
    warehouse.commit_run(run_id, {"run_id": run_id, "status": "completed", "files_seen": len(files),
                                  "records_quarantined": len(files), "finished_at": FINISHED[run_id]})
    build_database(warehouse, run_id)


@pytest.fixture
def three_runs(tmp_path):
    warehouse = Warehouse(tmp_path / "wh")
    _run(warehouse, "r1", ["a.txt"])
    _run(warehouse, "r2", ["b.txt", "c.txt"])
    _run(warehouse, "r3", ["d.txt"])
    return warehouse


def _answer(capsys, *argv) -> str:
    assert main(list(argv)) == 0
    return capsys.readouterr().out


def test_history_lists_the_runs_oldest_first_with_what_each_quarantined(three_runs, capsys):
    out = _answer(capsys, "history", "--warehouse", str(three_runs.root))
    lines = [line for line in out.splitlines() if line.startswith("| r")][1:]  # the header first
    assert [line.split("|")[1].strip() for line in lines] == ["r1", "r2", "r3"]
    assert [line.split("|")[7].strip() for line in lines] == ["1", "2", "1"]
    assert "2026-03-01 12:00:00" in lines[1]


def test_as_of_a_run_or_a_time_answers_as_the_warehouse_stood_then(three_runs, capsys):
    count = "SELECT count(*) AS n FROM quarantine"
    root = str(three_runs.root)
    assert "| 1 " in _answer(capsys, "sql", count, "--warehouse", root, "--as-of", "r1")
    assert "| 3 " in _answer(capsys, "sql", count, "--warehouse", root, "--as-of", "2026-03-01T12:30")
    assert "| 3 " in _answer(capsys, "sql", count, "--warehouse", root, "--as-of", "2026-03-02T09:30:00+01:00")  # 08:30 UTC
    assert "| 4 " in _answer(capsys, "sql", count, "--warehouse", root, "--as-of", "2026-03-03")
    assert "| 4 " in _answer(capsys, "sql", count, "--warehouse", root)  # the warehouse now


def test_an_as_of_database_is_kept_for_the_next_query_and_never_holds_an_unfinished_run(three_runs):
    first = as_of_database(three_runs.root, "r2")
    built_at = first.stat().st_mtime_ns
    three_runs.stage_rows("quarantine", [{"source_path": "x.txt", "stage": "read", "reason": "empty", "detail": "x",
                                          "run_id": "killed", "fingerprint": "x"}], "killed")
    three_runs.store.mark_pending("killed")  # stored, then killed before its runs row
    three_runs.store.append("quarantine", RunStaging(three_runs.root, "killed").reader("quarantine"), "killed")
    again = as_of_database(three_runs.root, "r2")
    assert again == first and again.stat().st_mtime_ns == built_at
    latest = as_of_database(three_runs.root, "r3")
    import duckdb

    with duckdb.connect(str(latest), read_only=True) as con:
        assert con.execute("SELECT list(run_id ORDER BY run_id) FROM runs").fetchall() == [(["r1", "r2", "r3"],)]
        assert con.execute("SELECT count(*) FROM quarantine").fetchall() == [(4,)]


@pytest.mark.parametrize("point, said", [
    ("2020-01-01", "No run of the warehouse had finished by 2020-01-01 00:00:00 UTC; the first finished at 2026-03-01 10:00:00."),
    ("last tuesday", "--as-of 'last tuesday' is neither a run of the warehouse nor a date or time"),
])
def test_an_as_of_point_that_names_no_run_is_one_sentence(three_runs, capsys, point, said):
    assert main(["sql", "SELECT 1", "--warehouse", str(three_runs.root), "--as-of", point]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"newsfacts: {said}") and err.count("\n") == 1


def test_rebuild_derives_every_table_again_and_gives_the_same_rows(three_runs, capsys):
    import duckdb

    def everything() -> dict[str, list]:
        with duckdb.connect(str(three_runs.database), read_only=True) as con:
            tables = [t for (t,) in con.execute("SELECT table_name FROM information_schema.tables WHERE table_name <> 'build_info'").fetchall()]
            return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=str) for t in tables}

    before = everything()
    three_runs.database.unlink()
    out = _answer(capsys, "rebuild", "--warehouse", str(three_runs.root))
    assert out.startswith(f"Rebuilt {three_runs.database} from the stored tables")
    assert everything() == before


def test_rebuild_of_an_empty_or_busy_warehouse_is_one_sentence(tmp_path, capsys):
    assert main(["rebuild", "--warehouse", str(tmp_path / "empty")]) == 1
    assert "has no runs to rebuild from" in capsys.readouterr().err
    with Warehouse(tmp_path / "busy").exclusive():
        assert main(["rebuild", "--warehouse", str(tmp_path / "busy")]) == 1
    assert "Another newsfacts run" in capsys.readouterr().err


def test_only_the_latest_as_of_databases_are_kept(three_runs, monkeypatch):
    from newsfacts.load import history

    monkeypatch.setattr(history, "AS_OF_KEPT", 2)
    for point in ("r1", "r2", "r3"):
        as_of_database(three_runs.root, point)
    assert sorted(p.name for p in (three_runs.root / "as-of").glob("*.duckdb")) == ["r2.duckdb", "r3.duckdb"]
